"""Consent and versioned policy documents (issue 18, domain/consent).

- `consent_record`: a user's grants and withdrawals of a purpose (marketing push and email,
  analytics, AI processing) with the privacy policy version in force, the channel, the time and a
  keyed hash of the client address; append-only (a trigger refuses UPDATE and DELETE, as the
  ledger's postings).
- `policy_document`: terms, privacy, cookies and refunds, per version and language, with the date
  each version takes effect.
- `policy_acceptance`: which user accepted which version; append-only too.
- The delta-sync collections `consents` and `policy_acceptances` (the user's own).

The capture triggers are regenerated from sync/collections.py at the end. Downgrade: the triggers
go, then the tables, and migration 10's sync SQL comes back."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return UPGRADE + SYNC_INSTALL


async def downgrade(db: BaseDBAsyncClient) -> str:
    # The triggers go first, then the tables, and the previous sync SQL comes back.
    return SYNC_UNINSTALL + DOWNGRADE + _previous_sync_install()


def _previous_sync_install() -> str:
    """The SQL of the sync migration before this one, reinstalled on downgrade."""
    path = Path(__file__).with_name("10_20261202160000_verification_safety_sync.py")
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return str(module.SYNC_INSTALL)


UPGRADE = r"""
        CREATE TABLE IF NOT EXISTS "policy_document" (
    "id" UUID NOT NULL PRIMARY KEY,
    "kind" VARCHAR(16) NOT NULL,
    "version" INT NOT NULL,
    "locale" VARCHAR(35) NOT NULL,
    "title" VARCHAR(200) NOT NULL,
    "body" TEXT NOT NULL,
    "effective_at" TIMESTAMPTZ NOT NULL,
    "published_at" TIMESTAMPTZ NOT NULL,
    "published_by_id" UUID,
    CONSTRAINT "uid_policy_docu_kind_945771" UNIQUE ("kind", "version", "locale")
);
CREATE INDEX IF NOT EXISTS "idx_policy_docu_kind_7290a7" ON "policy_document" ("kind", "effective_at");
COMMENT ON COLUMN "policy_document"."kind" IS 'TERMS: terms
PRIVACY: privacy
COOKIES: cookies
REFUNDS: refunds';
COMMENT ON COLUMN "policy_document"."locale" IS 'BCP 47 language tag, e.g. en, de, pt-BR';
COMMENT ON COLUMN "policy_document"."body" IS 'Markdown';
COMMENT ON COLUMN "policy_document"."published_by_id" IS 'the admin who published it; none: the seed';
COMMENT ON TABLE "policy_document" IS 'One version of one policy in one language. A version is published in English first; other';
        CREATE TABLE IF NOT EXISTS "consent_record" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "purpose" VARCHAR(32) NOT NULL,
    "granted" BOOL NOT NULL,
    "policy_version" INT,
    "channel" VARCHAR(16) NOT NULL,
    "recorded_at" TIMESTAMPTZ NOT NULL,
    "source_ip_hash" VARCHAR(64),
    "user_id" UUID NOT NULL REFERENCES "user_account" ("id") ON DELETE RESTRICT
);
CREATE INDEX IF NOT EXISTS "idx_consent_rec_user_id_a50469" ON "consent_record" ("user_id", "purpose", "id");
COMMENT ON COLUMN "consent_record"."purpose" IS 'MARKETING_PUSH: marketing_push
MARKETING_EMAIL: marketing_email
ANALYTICS: analytics
AI_PROCESSING: ai_processing';
COMMENT ON COLUMN "consent_record"."policy_version" IS 'the privacy policy version in force (none: none yet)';
COMMENT ON COLUMN "consent_record"."channel" IS 'APP: app
WEB: web
EMAIL: email
ADMIN: admin';
COMMENT ON COLUMN "consent_record"."source_ip_hash" IS 'keyed HMAC-SHA256 of the client address (PRIVACY_HASH_KEY); none without a key';
COMMENT ON TABLE "consent_record" IS 'One grant or withdrawal, never changed.';
        CREATE TABLE IF NOT EXISTS "policy_acceptance" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "kind" VARCHAR(16) NOT NULL,
    "version" INT NOT NULL,
    "locale" VARCHAR(35) NOT NULL,
    "channel" VARCHAR(16) NOT NULL,
    "accepted_at" TIMESTAMPTZ NOT NULL,
    "source_ip_hash" VARCHAR(64),
    "user_id" UUID NOT NULL REFERENCES "user_account" ("id") ON DELETE RESTRICT,
    CONSTRAINT "uid_policy_acce_user_id_ea130f" UNIQUE ("user_id", "kind", "version")
);
COMMENT ON COLUMN "policy_acceptance"."kind" IS 'TERMS: terms
PRIVACY: privacy
COOKIES: cookies
REFUNDS: refunds';
COMMENT ON COLUMN "policy_acceptance"."locale" IS 'the language of the text the user was shown';
COMMENT ON COLUMN "policy_acceptance"."channel" IS 'APP: app
WEB: web
EMAIL: email
ADMIN: admin';
COMMENT ON TABLE "policy_acceptance" IS 'A user accepted one version of one policy; never changed (a new version is a new row).';

-- Consent records and policy acceptances are the proof of what a person agreed to: append-only
-- for every client of the database, bulk queries included (as the ledger's postings).
CREATE OR REPLACE FUNCTION consent_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '%: % refused (append-only)', TG_TABLE_NAME, TG_OP USING ERRCODE = 'restrict_violation';
END $$;
CREATE TRIGGER consent_record_append_only BEFORE UPDATE OR DELETE ON "consent_record"
    FOR EACH ROW EXECUTE FUNCTION consent_append_only();
CREATE TRIGGER policy_acceptance_append_only BEFORE UPDATE OR DELETE ON "policy_acceptance"
    FOR EACH ROW EXECUTE FUNCTION consent_append_only();
"""

DOWNGRADE = r"""
        DROP TABLE IF EXISTS "policy_acceptance";
        DROP TABLE IF EXISTS "consent_record";
        DROP TABLE IF EXISTS "policy_document";
        DROP FUNCTION IF EXISTS consent_append_only();
"""

# Generated by `python -m sync.sqlgen --embed <this file>` from sync/collections.py and sync/grants.py;
# tests/test_sync_capture.py checks the newest sync migration equals the generator's output.
SYNC_INSTALL = r"""
CREATE SEQUENCE IF NOT EXISTS sync_tick_seq;
CREATE SEQUENCE IF NOT EXISTS sync_version_seq;

-- RFC 3339 UTC with a Z, whatever the session's time zone.
CREATE OR REPLACE FUNCTION sync_ts(t timestamptz) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$fn$ SELECT to_char(t AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') $fn$;

-- The latest op of each row in a scope, committed or pending (this transaction's included).
CREATE OR REPLACE FUNCTION sync_scope_rows(p_scope text)
RETURNS TABLE (collection text, row_id text, op text, version bigint, data text, xact bigint)
LANGUAGE sql STABLE AS $fn$
  SELECT DISTINCT ON (a.collection, a.row_id) a.collection, a.row_id, a.op, a.version, a.data, a.xact
  FROM (SELECT o.id, o.collection, o.row_id, o.op, o.version, o.data, NULL::bigint AS xact
        FROM sync_op AS o WHERE o.scope = p_scope
        UNION ALL
        SELECT p.id, p.collection, p.row_id, p.op, p.version, p.data, p.xact
        FROM sync_op_pending AS p WHERE p.scope = p_scope) AS a
  ORDER BY a.collection, a.row_id, a.id DESC
$fn$;

-- A user gains a reason to hold a scope. The first reason delivers the scope's current rows
-- to the user alone (scope `to:<user>`), history older than their cursor included; rows whose
-- latest op is this transaction's own reach the user through the scope itself.
CREATE OR REPLACE FUNCTION sync_grant_add(p_user uuid, p_scope text, p_source text)
RETURNS void LANGUAGE plpgsql AS $fn$
DECLARE
  x bigint;
BEGIN
  IF p_user IS NULL OR p_scope IS NULL THEN
    RETURN;
  END IF;
  INSERT INTO sync_grant (user_id, scope, source) VALUES (p_user, p_scope, p_source) ON CONFLICT DO NOTHING;
  IF NOT FOUND THEN
    RETURN;
  END IF;
  x := pg_current_xact_id()::text::bigint;
  INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data)
  SELECT x, l.collection, l.row_id, 'to:' || p_user, 'u', l.version, l.data
  FROM sync_scope_rows(p_scope) AS l
  WHERE l.op = 'u' AND l.xact IS DISTINCT FROM x
    AND NOT EXISTS (SELECT 1 FROM sync_grant WHERE user_id = p_user AND scope = p_scope AND source <> p_source);
END
$fn$;

-- A user loses a reason. Every row the scope ever held gets a tombstone for the user: `deleted`
-- for deleted rows (their own tombstone went to the scope, which the user no longer pulls),
-- `revoked` candidates for the others. A pull drops the candidates of rows the user still sees
-- through another scope (sync/pull.py), so concurrent grant changes need no lock and cannot
-- leave a stale row behind.
CREATE OR REPLACE FUNCTION sync_grant_remove(p_user uuid, p_scope text, p_source text)
RETURNS void LANGUAGE plpgsql AS $fn$
BEGIN
  IF p_user IS NULL OR p_scope IS NULL THEN
    RETURN;
  END IF;
  DELETE FROM sync_grant WHERE user_id = p_user AND scope = p_scope AND source = p_source;
  IF NOT FOUND THEN
    RETURN;
  END IF;
  INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data)
  SELECT pg_current_xact_id()::text::bigint, l.collection, l.row_id, 'to:' || p_user,
         CASE WHEN l.op = 'd' THEN 'd' ELSE 'r' END, l.version, NULL
  FROM sync_scope_rows(p_scope) AS l;
END
$fn$;

CREATE OR REPLACE FUNCTION sync_version_user_account() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF NEW."version" <= OLD."version" AND ROW(OLD."id", OLD."email", OLD."name", OLD."roles", OLD."region", OLD."photo_upload_id", OLD."status", OLD."created_at") IS DISTINCT FROM ROW(NEW."id", NEW."email", NEW."name", NEW."roles", NEW."region", NEW."photo_upload_id", NEW."status", NEW."created_at") THEN
    NEW."version" := OLD."version" + 1;
  END IF;
  RETURN NEW;
END
$fn$;
DROP TRIGGER IF EXISTS sync_version ON "user_account";
CREATE TRIGGER sync_version BEFORE UPDATE ON "user_account" FOR EACH ROW EXECUTE FUNCTION sync_version_user_account();

CREATE OR REPLACE FUNCTION sync_capture_user_account() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  x bigint := pg_current_xact_id()::text::bigint;
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT x, 'users', NEW."id"::text, s, 'u', NEW."version", json_build_object('id', NEW."id", 'email', NEW."email", 'name', NEW."name", 'roles', NEW."roles", 'region', NEW."region", 'photo_upload_id', NEW."photo_upload_id", 'status', NEW."status", 'version', NEW."version", 'created_at', sync_ts(NEW."created_at"), 'updated_at', sync_ts(NEW."updated_at"))::text FROM unnest(array_remove(ARRAY['user:' || NEW."id"]::text[], NULL)) AS s;
    PERFORM sync_grant_add(g.u, g.s, g.src) FROM ((SELECT sz.user_id, 'job:' || j.id, 'zone' FROM job j, serviceman_zone sz, serviceman_profile sp WHERE sz.zone_id = j.zone_id AND j.state = 'open' AND sp.user_id = sz.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.category_ids) AS tr(value) WHERE tr.value = j.category_id OR tr.value IN (SELECT kc.id FROM category kc WHERE kc.parent_id = j.category_id) OR EXISTS (SELECT 1 FROM category c0 LEFT JOIN category c1 ON c1.id = c0.parent_id LEFT JOIN category c2 ON c2.id = c1.parent_id LEFT JOIN category c3 ON c3.id = c2.parent_id WHERE c0.id = j.category_id AND tr.value IN (c0.parent_id, c1.parent_id, c2.parent_id, c3.parent_id))) AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text(j.required_documents) AS rq(value) WHERE NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.verified_documents) AS vd(value) WHERE vd.value = rq.value)) AND NEW.id = sz.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(NEW.roles) AS rl(value) WHERE rl.value = 'serviceman')) UNION ALL (SELECT m.user_id, 'job:' || j.id, 'org-zone:' || oz.organisation_id FROM job j, organisation_zone oz, membership m, serviceman_profile sp WHERE oz.zone_id = j.zone_id AND j.state = 'open' AND m.organisation_id = oz.organisation_id AND m.status = 'accepted' AND sp.user_id = m.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.category_ids) AS tr(value) WHERE tr.value = j.category_id OR tr.value IN (SELECT kc.id FROM category kc WHERE kc.parent_id = j.category_id) OR EXISTS (SELECT 1 FROM category c0 LEFT JOIN category c1 ON c1.id = c0.parent_id LEFT JOIN category c2 ON c2.id = c1.parent_id LEFT JOIN category c3 ON c3.id = c2.parent_id WHERE c0.id = j.category_id AND tr.value IN (c0.parent_id, c1.parent_id, c2.parent_id, c3.parent_id))) AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text(j.required_documents) AS rq(value) WHERE NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.verified_documents) AS vd(value) WHERE vd.value = rq.value)) AND NEW.id = m.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(NEW.roles) AS rl(value) WHERE rl.value = 'serviceman')) UNION ALL (SELECT NEW.id, 'disputes-admin', 'admin' FROM (SELECT 1) AS one WHERE EXISTS (SELECT 1 FROM jsonb_array_elements_text(NEW.roles) AS ar(value) WHERE ar.value = 'admin'))) AS g(u, s, src);
  ELSIF TG_OP = 'UPDATE' THEN
    IF ROW(OLD."id", OLD."email", OLD."name", OLD."roles", OLD."region", OLD."photo_upload_id", OLD."status", OLD."version", OLD."created_at") IS DISTINCT FROM ROW(NEW."id", NEW."email", NEW."name", NEW."roles", NEW."region", NEW."photo_upload_id", NEW."status", NEW."version", NEW."created_at") THEN
      IF ROW(OLD."id") IS DISTINCT FROM ROW(NEW."id") THEN
        INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT x, 'users', OLD."id"::text, s, 'r', NEW."version", NULL FROM unnest(array_remove(ARRAY['user:' || OLD."id"]::text[], NULL)) AS s WHERE s <> ALL (array_remove(ARRAY['user:' || NEW."id"]::text[], NULL));
      END IF;
      INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT x, 'users', NEW."id"::text, s, 'u', NEW."version", json_build_object('id', NEW."id", 'email', NEW."email", 'name', NEW."name", 'roles', NEW."roles", 'region', NEW."region", 'photo_upload_id', NEW."photo_upload_id", 'status', NEW."status", 'version', NEW."version", 'created_at', sync_ts(NEW."created_at"), 'updated_at', sync_ts(NEW."updated_at"))::text FROM unnest(array_remove(ARRAY['user:' || NEW."id"]::text[], NULL)) AS s;
    END IF;
    IF ROW(OLD."id", OLD."roles") IS DISTINCT FROM ROW(NEW."id", NEW."roles") THEN
      PERFORM sync_grant_remove(g.u, g.s, g.src) FROM (((SELECT sz.user_id, 'job:' || j.id, 'zone' FROM job j, serviceman_zone sz, serviceman_profile sp WHERE sz.zone_id = j.zone_id AND j.state = 'open' AND sp.user_id = sz.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.category_ids) AS tr(value) WHERE tr.value = j.category_id OR tr.value IN (SELECT kc.id FROM category kc WHERE kc.parent_id = j.category_id) OR EXISTS (SELECT 1 FROM category c0 LEFT JOIN category c1 ON c1.id = c0.parent_id LEFT JOIN category c2 ON c2.id = c1.parent_id LEFT JOIN category c3 ON c3.id = c2.parent_id WHERE c0.id = j.category_id AND tr.value IN (c0.parent_id, c1.parent_id, c2.parent_id, c3.parent_id))) AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text(j.required_documents) AS rq(value) WHERE NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.verified_documents) AS vd(value) WHERE vd.value = rq.value)) AND OLD.id = sz.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(OLD.roles) AS rl(value) WHERE rl.value = 'serviceman')) UNION ALL (SELECT m.user_id, 'job:' || j.id, 'org-zone:' || oz.organisation_id FROM job j, organisation_zone oz, membership m, serviceman_profile sp WHERE oz.zone_id = j.zone_id AND j.state = 'open' AND m.organisation_id = oz.organisation_id AND m.status = 'accepted' AND sp.user_id = m.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.category_ids) AS tr(value) WHERE tr.value = j.category_id OR tr.value IN (SELECT kc.id FROM category kc WHERE kc.parent_id = j.category_id) OR EXISTS (SELECT 1 FROM category c0 LEFT JOIN category c1 ON c1.id = c0.parent_id LEFT JOIN category c2 ON c2.id = c1.parent_id LEFT JOIN category c3 ON c3.id = c2.parent_id WHERE c0.id = j.category_id AND tr.value IN (c0.parent_id, c1.parent_id, c2.parent_id, c3.parent_id))) AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text(j.required_documents) AS rq(value) WHERE NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.verified_documents) AS vd(value) WHERE vd.value = rq.value)) AND OLD.id = m.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(OLD.roles) AS rl(value) WHERE rl.value = 'serviceman')) UNION ALL (SELECT OLD.id, 'disputes-admin', 'admin' FROM (SELECT 1) AS one WHERE EXISTS (SELECT 1 FROM jsonb_array_elements_text(OLD.roles) AS ar(value) WHERE ar.value = 'admin'))) EXCEPT ((SELECT sz.user_id, 'job:' || j.id, 'zone' FROM job j, serviceman_zone sz, serviceman_profile sp WHERE sz.zone_id = j.zone_id AND j.state = 'open' AND sp.user_id = sz.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.category_ids) AS tr(value) WHERE tr.value = j.category_id OR tr.value IN (SELECT kc.id FROM category kc WHERE kc.parent_id = j.category_id) OR EXISTS (SELECT 1 FROM category c0 LEFT JOIN category c1 ON c1.id = c0.parent_id LEFT JOIN category c2 ON c2.id = c1.parent_id LEFT JOIN category c3 ON c3.id = c2.parent_id WHERE c0.id = j.category_id AND tr.value IN (c0.parent_id, c1.parent_id, c2.parent_id, c3.parent_id))) AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text(j.required_documents) AS rq(value) WHERE NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.verified_documents) AS vd(value) WHERE vd.value = rq.value)) AND NEW.id = sz.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(NEW.roles) AS rl(value) WHERE rl.value = 'serviceman')) UNION ALL (SELECT m.user_id, 'job:' || j.id, 'org-zone:' || oz.organisation_id FROM job j, organisation_zone oz, membership m, serviceman_profile sp WHERE oz.zone_id = j.zone_id AND j.state = 'open' AND m.organisation_id = oz.organisation_id AND m.status = 'accepted' AND sp.user_id = m.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.category_ids) AS tr(value) WHERE tr.value = j.category_id OR tr.value IN (SELECT kc.id FROM category kc WHERE kc.parent_id = j.category_id) OR EXISTS (SELECT 1 FROM category c0 LEFT JOIN category c1 ON c1.id = c0.parent_id LEFT JOIN category c2 ON c2.id = c1.parent_id LEFT JOIN category c3 ON c3.id = c2.parent_id WHERE c0.id = j.category_id AND tr.value IN (c0.parent_id, c1.parent_id, c2.parent_id, c3.parent_id))) AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text(j.required_documents) AS rq(value) WHERE NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.verified_documents) AS vd(value) WHERE vd.value = rq.value)) AND NEW.id = m.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(NEW.roles) AS rl(value) WHERE rl.value = 'serviceman')) UNION ALL (SELECT NEW.id, 'disputes-admin', 'admin' FROM (SELECT 1) AS one WHERE EXISTS (SELECT 1 FROM jsonb_array_elements_text(NEW.roles) AS ar(value) WHERE ar.value = 'admin')))) AS g(u, s, src);
      PERFORM sync_grant_add(g.u, g.s, g.src) FROM (((SELECT sz.user_id, 'job:' || j.id, 'zone' FROM job j, serviceman_zone sz, serviceman_profile sp WHERE sz.zone_id = j.zone_id AND j.state = 'open' AND sp.user_id = sz.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.category_ids) AS tr(value) WHERE tr.value = j.category_id OR tr.value IN (SELECT kc.id FROM category kc WHERE kc.parent_id = j.category_id) OR EXISTS (SELECT 1 FROM category c0 LEFT JOIN category c1 ON c1.id = c0.parent_id LEFT JOIN category c2 ON c2.id = c1.parent_id LEFT JOIN category c3 ON c3.id = c2.parent_id WHERE c0.id = j.category_id AND tr.value IN (c0.parent_id, c1.parent_id, c2.parent_id, c3.parent_id))) AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text(j.required_documents) AS rq(value) WHERE NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.verified_documents) AS vd(value) WHERE vd.value = rq.value)) AND NEW.id = sz.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(NEW.roles) AS rl(value) WHERE rl.value = 'serviceman')) UNION ALL (SELECT m.user_id, 'job:' || j.id, 'org-zone:' || oz.organisation_id FROM job j, organisation_zone oz, membership m, serviceman_profile sp WHERE oz.zone_id = j.zone_id AND j.state = 'open' AND m.organisation_id = oz.organisation_id AND m.status = 'accepted' AND sp.user_id = m.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.category_ids) AS tr(value) WHERE tr.value = j.category_id OR tr.value IN (SELECT kc.id FROM category kc WHERE kc.parent_id = j.category_id) OR EXISTS (SELECT 1 FROM category c0 LEFT JOIN category c1 ON c1.id = c0.parent_id LEFT JOIN category c2 ON c2.id = c1.parent_id LEFT JOIN category c3 ON c3.id = c2.parent_id WHERE c0.id = j.category_id AND tr.value IN (c0.parent_id, c1.parent_id, c2.parent_id, c3.parent_id))) AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text(j.required_documents) AS rq(value) WHERE NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.verified_documents) AS vd(value) WHERE vd.value = rq.value)) AND NEW.id = m.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(NEW.roles) AS rl(value) WHERE rl.value = 'serviceman')) UNION ALL (SELECT NEW.id, 'disputes-admin', 'admin' FROM (SELECT 1) AS one WHERE EXISTS (SELECT 1 FROM jsonb_array_elements_text(NEW.roles) AS ar(value) WHERE ar.value = 'admin'))) EXCEPT ((SELECT sz.user_id, 'job:' || j.id, 'zone' FROM job j, serviceman_zone sz, serviceman_profile sp WHERE sz.zone_id = j.zone_id AND j.state = 'open' AND sp.user_id = sz.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.category_ids) AS tr(value) WHERE tr.value = j.category_id OR tr.value IN (SELECT kc.id FROM category kc WHERE kc.parent_id = j.category_id) OR EXISTS (SELECT 1 FROM category c0 LEFT JOIN category c1 ON c1.id = c0.parent_id LEFT JOIN category c2 ON c2.id = c1.parent_id LEFT JOIN category c3 ON c3.id = c2.parent_id WHERE c0.id = j.category_id AND tr.value IN (c0.parent_id, c1.parent_id, c2.parent_id, c3.parent_id))) AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text(j.required_documents) AS rq(value) WHERE NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.verified_documents) AS vd(value) WHERE vd.value = rq.value)) AND OLD.id = sz.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(OLD.roles) AS rl(value) WHERE rl.value = 'serviceman')) UNION ALL (SELECT m.user_id, 'job:' || j.id, 'org-zone:' || oz.organisation_id FROM job j, organisation_zone oz, membership m, serviceman_profile sp WHERE oz.zone_id = j.zone_id AND j.state = 'open' AND m.organisation_id = oz.organisation_id AND m.status = 'accepted' AND sp.user_id = m.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.category_ids) AS tr(value) WHERE tr.value = j.category_id OR tr.value IN (SELECT kc.id FROM category kc WHERE kc.parent_id = j.category_id) OR EXISTS (SELECT 1 FROM category c0 LEFT JOIN category c1 ON c1.id = c0.parent_id LEFT JOIN category c2 ON c2.id = c1.parent_id LEFT JOIN category c3 ON c3.id = c2.parent_id WHERE c0.id = j.category_id AND tr.value IN (c0.parent_id, c1.parent_id, c2.parent_id, c3.parent_id))) AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text(j.required_documents) AS rq(value) WHERE NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.verified_documents) AS vd(value) WHERE vd.value = rq.value)) AND OLD.id = m.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(OLD.roles) AS rl(value) WHERE rl.value = 'serviceman')) UNION ALL (SELECT OLD.id, 'disputes-admin', 'admin' FROM (SELECT 1) AS one WHERE EXISTS (SELECT 1 FROM jsonb_array_elements_text(OLD.roles) AS ar(value) WHERE ar.value = 'admin')))) AS g(u, s, src);
    END IF;
  ELSE
    INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT x, 'users', OLD."id"::text, s, 'd', OLD."version" + 1, NULL FROM unnest(array_remove(ARRAY['user:' || OLD."id"]::text[], NULL)) AS s;
    PERFORM sync_grant_remove(g.u, g.s, g.src) FROM ((SELECT sz.user_id, 'job:' || j.id, 'zone' FROM job j, serviceman_zone sz, serviceman_profile sp WHERE sz.zone_id = j.zone_id AND j.state = 'open' AND sp.user_id = sz.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.category_ids) AS tr(value) WHERE tr.value = j.category_id OR tr.value IN (SELECT kc.id FROM category kc WHERE kc.parent_id = j.category_id) OR EXISTS (SELECT 1 FROM category c0 LEFT JOIN category c1 ON c1.id = c0.parent_id LEFT JOIN category c2 ON c2.id = c1.parent_id LEFT JOIN category c3 ON c3.id = c2.parent_id WHERE c0.id = j.category_id AND tr.value IN (c0.parent_id, c1.parent_id, c2.parent_id, c3.parent_id))) AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text(j.required_documents) AS rq(value) WHERE NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.verified_documents) AS vd(value) WHERE vd.value = rq.value)) AND OLD.id = sz.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(OLD.roles) AS rl(value) WHERE rl.value = 'serviceman')) UNION ALL (SELECT m.user_id, 'job:' || j.id, 'org-zone:' || oz.organisation_id FROM job j, organisation_zone oz, membership m, serviceman_profile sp WHERE oz.zone_id = j.zone_id AND j.state = 'open' AND m.organisation_id = oz.organisation_id AND m.status = 'accepted' AND sp.user_id = m.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.category_ids) AS tr(value) WHERE tr.value = j.category_id OR tr.value IN (SELECT kc.id FROM category kc WHERE kc.parent_id = j.category_id) OR EXISTS (SELECT 1 FROM category c0 LEFT JOIN category c1 ON c1.id = c0.parent_id LEFT JOIN category c2 ON c2.id = c1.parent_id LEFT JOIN category c3 ON c3.id = c2.parent_id WHERE c0.id = j.category_id AND tr.value IN (c0.parent_id, c1.parent_id, c2.parent_id, c3.parent_id))) AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text(j.required_documents) AS rq(value) WHERE NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.verified_documents) AS vd(value) WHERE vd.value = rq.value)) AND OLD.id = m.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(OLD.roles) AS rl(value) WHERE rl.value = 'serviceman')) UNION ALL (SELECT OLD.id, 'disputes-admin', 'admin' FROM (SELECT 1) AS one WHERE EXISTS (SELECT 1 FROM jsonb_array_elements_text(OLD.roles) AS ar(value) WHERE ar.value = 'admin'))) AS g(u, s, src);
  END IF;
  RETURN NULL;
END
$fn$;
DROP TRIGGER IF EXISTS sync_capture ON "user_account";
CREATE TRIGGER sync_capture AFTER INSERT OR UPDATE OR DELETE ON "user_account"
  FOR EACH ROW EXECUTE FUNCTION sync_capture_user_account();

CREATE OR REPLACE FUNCTION sync_version_organisation() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF NEW."version" <= OLD."version" AND ROW(OLD."id", OLD."name", OLD."owner_id", OLD."rating_count", OLD."rating_sum", OLD."created_at") IS DISTINCT FROM ROW(NEW."id", NEW."name", NEW."owner_id", NEW."rating_count", NEW."rating_sum", NEW."created_at") THEN
    NEW."version" := OLD."version" + 1;
  END IF;
  RETURN NEW;
END
$fn$;
DROP TRIGGER IF EXISTS sync_version ON "organisation";
CREATE TRIGGER sync_version BEFORE UPDATE ON "organisation" FOR EACH ROW EXECUTE FUNCTION sync_version_organisation();

CREATE OR REPLACE FUNCTION sync_capture_organisation() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  x bigint := pg_current_xact_id()::text::bigint;
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT x, 'organisations', NEW."id"::text, s, 'u', NEW."version", json_build_object('id', NEW."id", 'name', NEW."name", 'owner_id', NEW."owner_id", 'rating_count', NEW."rating_count", 'version', NEW."version", 'rating', CASE WHEN NEW."rating_count" > 0 THEN round(NEW."rating_sum"::numeric / NEW."rating_count", 2) END, 'created_at', sync_ts(NEW."created_at"), 'updated_at', sync_ts(NEW."updated_at"))::text FROM unnest(array_remove(ARRAY['org:' || NEW."id"]::text[], NULL)) AS s;
  ELSIF TG_OP = 'UPDATE' THEN
    IF ROW(OLD."id", OLD."name", OLD."owner_id", OLD."rating_count", OLD."version", OLD."rating_sum", OLD."created_at") IS DISTINCT FROM ROW(NEW."id", NEW."name", NEW."owner_id", NEW."rating_count", NEW."version", NEW."rating_sum", NEW."created_at") THEN
      IF ROW(OLD."id") IS DISTINCT FROM ROW(NEW."id") THEN
        INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT x, 'organisations', OLD."id"::text, s, 'r', NEW."version", NULL FROM unnest(array_remove(ARRAY['org:' || OLD."id"]::text[], NULL)) AS s WHERE s <> ALL (array_remove(ARRAY['org:' || NEW."id"]::text[], NULL));
      END IF;
      INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT x, 'organisations', NEW."id"::text, s, 'u', NEW."version", json_build_object('id', NEW."id", 'name', NEW."name", 'owner_id', NEW."owner_id", 'rating_count', NEW."rating_count", 'version', NEW."version", 'rating', CASE WHEN NEW."rating_count" > 0 THEN round(NEW."rating_sum"::numeric / NEW."rating_count", 2) END, 'created_at', sync_ts(NEW."created_at"), 'updated_at', sync_ts(NEW."updated_at"))::text FROM unnest(array_remove(ARRAY['org:' || NEW."id"]::text[], NULL)) AS s;
    END IF;
  ELSE
    INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT x, 'organisations', OLD."id"::text, s, 'd', OLD."version" + 1, NULL FROM unnest(array_remove(ARRAY['org:' || OLD."id"]::text[], NULL)) AS s;
  END IF;
  RETURN NULL;
END
$fn$;
DROP TRIGGER IF EXISTS sync_capture ON "organisation";
CREATE TRIGGER sync_capture AFTER INSERT OR UPDATE OR DELETE ON "organisation"
  FOR EACH ROW EXECUTE FUNCTION sync_capture_organisation();

CREATE OR REPLACE FUNCTION sync_version_membership() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF NEW."version" <= OLD."version" AND ROW(OLD."id", OLD."organisation_id", OLD."user_id", OLD."role", OLD."status", OLD."invited_by_id", OLD."expires_at", OLD."created_at") IS DISTINCT FROM ROW(NEW."id", NEW."organisation_id", NEW."user_id", NEW."role", NEW."status", NEW."invited_by_id", NEW."expires_at", NEW."created_at") THEN
    NEW."version" := OLD."version" + 1;
  END IF;
  RETURN NEW;
END
$fn$;
DROP TRIGGER IF EXISTS sync_version ON "membership";
CREATE TRIGGER sync_version BEFORE UPDATE ON "membership" FOR EACH ROW EXECUTE FUNCTION sync_version_membership();

CREATE OR REPLACE FUNCTION sync_capture_membership() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  x bigint := pg_current_xact_id()::text::bigint;
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT x, 'memberships', NEW."id"::text, s, 'u', NEW."version", json_build_object('id', NEW."id", 'organisation_id', NEW."organisation_id", 'user_id', NEW."user_id", 'role', NEW."role", 'status', NEW."status", 'invited_by_id', NEW."invited_by_id", 'expires_at', sync_ts(NEW."expires_at"), 'version', NEW."version", 'created_at', sync_ts(NEW."created_at"))::text FROM unnest(array_remove(ARRAY['org:' || NEW."organisation_id", 'user:' || NEW."user_id"]::text[], NULL)) AS s;
    PERFORM sync_grant_add(g.u, g.s, g.src) FROM ((SELECT NEW.user_id, 'org:' || NEW.organisation_id, 'member' WHERE NEW.status = 'accepted') UNION ALL (SELECT NEW.user_id, 'org-bookings:' || NEW.organisation_id, 'manager' WHERE NEW.role IN ('owner', 'manager') AND NEW.status = 'accepted') UNION ALL (SELECT NEW.user_id, 'job:' || j.id, 'org-zone:' || oz.organisation_id FROM job j, organisation_zone oz, serviceman_profile sp, user_account ua WHERE oz.zone_id = j.zone_id AND j.state = 'open' AND NEW.organisation_id = oz.organisation_id AND NEW.status = 'accepted' AND sp.user_id = NEW.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.category_ids) AS tr(value) WHERE tr.value = j.category_id OR tr.value IN (SELECT kc.id FROM category kc WHERE kc.parent_id = j.category_id) OR EXISTS (SELECT 1 FROM category c0 LEFT JOIN category c1 ON c1.id = c0.parent_id LEFT JOIN category c2 ON c2.id = c1.parent_id LEFT JOIN category c3 ON c3.id = c2.parent_id WHERE c0.id = j.category_id AND tr.value IN (c0.parent_id, c1.parent_id, c2.parent_id, c3.parent_id))) AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text(j.required_documents) AS rq(value) WHERE NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.verified_documents) AS vd(value) WHERE vd.value = rq.value)) AND ua.id = NEW.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(ua.roles) AS rl(value) WHERE rl.value = 'serviceman'))) AS g(u, s, src);
  ELSIF TG_OP = 'UPDATE' THEN
    IF ROW(OLD."id", OLD."organisation_id", OLD."user_id", OLD."role", OLD."status", OLD."invited_by_id", OLD."expires_at", OLD."version", OLD."created_at") IS DISTINCT FROM ROW(NEW."id", NEW."organisation_id", NEW."user_id", NEW."role", NEW."status", NEW."invited_by_id", NEW."expires_at", NEW."version", NEW."created_at") THEN
      IF ROW(OLD."organisation_id", OLD."user_id") IS DISTINCT FROM ROW(NEW."organisation_id", NEW."user_id") THEN
        INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT x, 'memberships', OLD."id"::text, s, 'r', NEW."version", NULL FROM unnest(array_remove(ARRAY['org:' || OLD."organisation_id", 'user:' || OLD."user_id"]::text[], NULL)) AS s WHERE s <> ALL (array_remove(ARRAY['org:' || NEW."organisation_id", 'user:' || NEW."user_id"]::text[], NULL));
      END IF;
      INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT x, 'memberships', NEW."id"::text, s, 'u', NEW."version", json_build_object('id', NEW."id", 'organisation_id', NEW."organisation_id", 'user_id', NEW."user_id", 'role', NEW."role", 'status', NEW."status", 'invited_by_id', NEW."invited_by_id", 'expires_at', sync_ts(NEW."expires_at"), 'version', NEW."version", 'created_at', sync_ts(NEW."created_at"))::text FROM unnest(array_remove(ARRAY['org:' || NEW."organisation_id", 'user:' || NEW."user_id"]::text[], NULL)) AS s;
    END IF;
    IF ROW(OLD."user_id", OLD."organisation_id", OLD."status", OLD."role") IS DISTINCT FROM ROW(NEW."user_id", NEW."organisation_id", NEW."status", NEW."role") THEN
      PERFORM sync_grant_remove(g.u, g.s, g.src) FROM (((SELECT OLD.user_id, 'org:' || OLD.organisation_id, 'member' WHERE OLD.status = 'accepted') UNION ALL (SELECT OLD.user_id, 'org-bookings:' || OLD.organisation_id, 'manager' WHERE OLD.role IN ('owner', 'manager') AND OLD.status = 'accepted') UNION ALL (SELECT OLD.user_id, 'job:' || j.id, 'org-zone:' || oz.organisation_id FROM job j, organisation_zone oz, serviceman_profile sp, user_account ua WHERE oz.zone_id = j.zone_id AND j.state = 'open' AND OLD.organisation_id = oz.organisation_id AND OLD.status = 'accepted' AND sp.user_id = OLD.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.category_ids) AS tr(value) WHERE tr.value = j.category_id OR tr.value IN (SELECT kc.id FROM category kc WHERE kc.parent_id = j.category_id) OR EXISTS (SELECT 1 FROM category c0 LEFT JOIN category c1 ON c1.id = c0.parent_id LEFT JOIN category c2 ON c2.id = c1.parent_id LEFT JOIN category c3 ON c3.id = c2.parent_id WHERE c0.id = j.category_id AND tr.value IN (c0.parent_id, c1.parent_id, c2.parent_id, c3.parent_id))) AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text(j.required_documents) AS rq(value) WHERE NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.verified_documents) AS vd(value) WHERE vd.value = rq.value)) AND ua.id = OLD.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(ua.roles) AS rl(value) WHERE rl.value = 'serviceman'))) EXCEPT ((SELECT NEW.user_id, 'org:' || NEW.organisation_id, 'member' WHERE NEW.status = 'accepted') UNION ALL (SELECT NEW.user_id, 'org-bookings:' || NEW.organisation_id, 'manager' WHERE NEW.role IN ('owner', 'manager') AND NEW.status = 'accepted') UNION ALL (SELECT NEW.user_id, 'job:' || j.id, 'org-zone:' || oz.organisation_id FROM job j, organisation_zone oz, serviceman_profile sp, user_account ua WHERE oz.zone_id = j.zone_id AND j.state = 'open' AND NEW.organisation_id = oz.organisation_id AND NEW.status = 'accepted' AND sp.user_id = NEW.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.category_ids) AS tr(value) WHERE tr.value = j.category_id OR tr.value IN (SELECT kc.id FROM category kc WHERE kc.parent_id = j.category_id) OR EXISTS (SELECT 1 FROM category c0 LEFT JOIN category c1 ON c1.id = c0.parent_id LEFT JOIN category c2 ON c2.id = c1.parent_id LEFT JOIN category c3 ON c3.id = c2.parent_id WHERE c0.id = j.category_id AND tr.value IN (c0.parent_id, c1.parent_id, c2.parent_id, c3.parent_id))) AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text(j.required_documents) AS rq(value) WHERE NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.verified_documents) AS vd(value) WHERE vd.value = rq.value)) AND ua.id = NEW.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(ua.roles) AS rl(value) WHERE rl.value = 'serviceman')))) AS g(u, s, src);
      PERFORM sync_grant_add(g.u, g.s, g.src) FROM (((SELECT NEW.user_id, 'org:' || NEW.organisation_id, 'member' WHERE NEW.status = 'accepted') UNION ALL (SELECT NEW.user_id, 'org-bookings:' || NEW.organisation_id, 'manager' WHERE NEW.role IN ('owner', 'manager') AND NEW.status = 'accepted') UNION ALL (SELECT NEW.user_id, 'job:' || j.id, 'org-zone:' || oz.organisation_id FROM job j, organisation_zone oz, serviceman_profile sp, user_account ua WHERE oz.zone_id = j.zone_id AND j.state = 'open' AND NEW.organisation_id = oz.organisation_id AND NEW.status = 'accepted' AND sp.user_id = NEW.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.category_ids) AS tr(value) WHERE tr.value = j.category_id OR tr.value IN (SELECT kc.id FROM category kc WHERE kc.parent_id = j.category_id) OR EXISTS (SELECT 1 FROM category c0 LEFT JOIN category c1 ON c1.id = c0.parent_id LEFT JOIN category c2 ON c2.id = c1.parent_id LEFT JOIN category c3 ON c3.id = c2.parent_id WHERE c0.id = j.category_id AND tr.value IN (c0.parent_id, c1.parent_id, c2.parent_id, c3.parent_id))) AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text(j.required_documents) AS rq(value) WHERE NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.verified_documents) AS vd(value) WHERE vd.value = rq.value)) AND ua.id = NEW.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(ua.roles) AS rl(value) WHERE rl.value = 'serviceman'))) EXCEPT ((SELECT OLD.user_id, 'org:' || OLD.organisation_id, 'member' WHERE OLD.status = 'accepted') UNION ALL (SELECT OLD.user_id, 'org-bookings:' || OLD.organisation_id, 'manager' WHERE OLD.role IN ('owner', 'manager') AND OLD.status = 'accepted') UNION ALL (SELECT OLD.user_id, 'job:' || j.id, 'org-zone:' || oz.organisation_id FROM job j, organisation_zone oz, serviceman_profile sp, user_account ua WHERE oz.zone_id = j.zone_id AND j.state = 'open' AND OLD.organisation_id = oz.organisation_id AND OLD.status = 'accepted' AND sp.user_id = OLD.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.category_ids) AS tr(value) WHERE tr.value = j.category_id OR tr.value IN (SELECT kc.id FROM category kc WHERE kc.parent_id = j.category_id) OR EXISTS (SELECT 1 FROM category c0 LEFT JOIN category c1 ON c1.id = c0.parent_id LEFT JOIN category c2 ON c2.id = c1.parent_id LEFT JOIN category c3 ON c3.id = c2.parent_id WHERE c0.id = j.category_id AND tr.value IN (c0.parent_id, c1.parent_id, c2.parent_id, c3.parent_id))) AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text(j.required_documents) AS rq(value) WHERE NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.verified_documents) AS vd(value) WHERE vd.value = rq.value)) AND ua.id = OLD.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(ua.roles) AS rl(value) WHERE rl.value = 'serviceman')))) AS g(u, s, src);
    END IF;
  ELSE
    INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT x, 'memberships', OLD."id"::text, s, 'd', OLD."version" + 1, NULL FROM unnest(array_remove(ARRAY['org:' || OLD."organisation_id", 'user:' || OLD."user_id"]::text[], NULL)) AS s;
    PERFORM sync_grant_remove(g.u, g.s, g.src) FROM ((SELECT OLD.user_id, 'org:' || OLD.organisation_id, 'member' WHERE OLD.status = 'accepted') UNION ALL (SELECT OLD.user_id, 'org-bookings:' || OLD.organisation_id, 'manager' WHERE OLD.role IN ('owner', 'manager') AND OLD.status = 'accepted') UNION ALL (SELECT OLD.user_id, 'job:' || j.id, 'org-zone:' || oz.organisation_id FROM job j, organisation_zone oz, serviceman_profile sp, user_account ua WHERE oz.zone_id = j.zone_id AND j.state = 'open' AND OLD.organisation_id = oz.organisation_id AND OLD.status = 'accepted' AND sp.user_id = OLD.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.category_ids) AS tr(value) WHERE tr.value = j.category_id OR tr.value IN (SELECT kc.id FROM category kc WHERE kc.parent_id = j.category_id) OR EXISTS (SELECT 1 FROM category c0 LEFT JOIN category c1 ON c1.id = c0.parent_id LEFT JOIN category c2 ON c2.id = c1.parent_id LEFT JOIN category c3 ON c3.id = c2.parent_id WHERE c0.id = j.category_id AND tr.value IN (c0.parent_id, c1.parent_id, c2.parent_id, c3.parent_id))) AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text(j.required_documents) AS rq(value) WHERE NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.verified_documents) AS vd(value) WHERE vd.value = rq.value)) AND ua.id = OLD.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(ua.roles) AS rl(value) WHERE rl.value = 'serviceman'))) AS g(u, s, src);
  END IF;
  RETURN NULL;
END
$fn$;
DROP TRIGGER IF EXISTS sync_capture ON "membership";
CREATE TRIGGER sync_capture AFTER INSERT OR UPDATE OR DELETE ON "membership"
  FOR EACH ROW EXECUTE FUNCTION sync_capture_membership();

CREATE OR REPLACE FUNCTION sync_version_zone() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF NEW."version" <= OLD."version" AND ROW(OLD."id", OLD."name", OLD."city", OLD."geometry", OLD."active", OLD."min_lng", OLD."min_lat", OLD."max_lng", OLD."max_lat", OLD."created_at") IS DISTINCT FROM ROW(NEW."id", NEW."name", NEW."city", NEW."geometry", NEW."active", NEW."min_lng", NEW."min_lat", NEW."max_lng", NEW."max_lat", NEW."created_at") THEN
    NEW."version" := OLD."version" + 1;
  END IF;
  RETURN NEW;
END
$fn$;
DROP TRIGGER IF EXISTS sync_version ON "zone";
CREATE TRIGGER sync_version BEFORE UPDATE ON "zone" FOR EACH ROW EXECUTE FUNCTION sync_version_zone();

CREATE OR REPLACE FUNCTION sync_capture_zone() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  x bigint := pg_current_xact_id()::text::bigint;
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT x, 'zones', NEW."id"::text, s, 'u', NEW."version", json_build_object('id', NEW."id", 'name', NEW."name", 'city', NEW."city", 'geometry', NEW."geometry", 'active', NEW."active", 'version', NEW."version", 'bbox', json_build_array(NEW.min_lng, NEW.min_lat, NEW.max_lng, NEW.max_lat), 'created_at', sync_ts(NEW."created_at"), 'updated_at', sync_ts(NEW."updated_at"))::text FROM unnest(array_remove(ARRAY['public']::text[], NULL)) AS s;
  ELSIF TG_OP = 'UPDATE' THEN
    IF ROW(OLD."id", OLD."name", OLD."city", OLD."geometry", OLD."active", OLD."version", OLD."min_lng", OLD."min_lat", OLD."max_lng", OLD."max_lat", OLD."created_at") IS DISTINCT FROM ROW(NEW."id", NEW."name", NEW."city", NEW."geometry", NEW."active", NEW."version", NEW."min_lng", NEW."min_lat", NEW."max_lng", NEW."max_lat", NEW."created_at") THEN
      INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT x, 'zones', NEW."id"::text, s, 'u', NEW."version", json_build_object('id', NEW."id", 'name', NEW."name", 'city', NEW."city", 'geometry', NEW."geometry", 'active', NEW."active", 'version', NEW."version", 'bbox', json_build_array(NEW.min_lng, NEW.min_lat, NEW.max_lng, NEW.max_lat), 'created_at', sync_ts(NEW."created_at"), 'updated_at', sync_ts(NEW."updated_at"))::text FROM unnest(array_remove(ARRAY['public']::text[], NULL)) AS s;
    END IF;
  ELSE
    INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT x, 'zones', OLD."id"::text, s, 'd', OLD."version" + 1, NULL FROM unnest(array_remove(ARRAY['public']::text[], NULL)) AS s;
  END IF;
  RETURN NULL;
END
$fn$;
DROP TRIGGER IF EXISTS sync_capture ON "zone";
CREATE TRIGGER sync_capture AFTER INSERT OR UPDATE OR DELETE ON "zone"
  FOR EACH ROW EXECUTE FUNCTION sync_capture_zone();

CREATE OR REPLACE FUNCTION sync_capture_category() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  x bigint := pg_current_xact_id()::text::bigint;
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT x, 'categories', NEW."id"::text, s, 'u', nextval('sync_version_seq'), json_build_object('id', NEW."id", 'name', NEW."name", 'parent_id', NEW."parent_id", 'position', NEW."position")::text FROM unnest(array_remove(ARRAY['public']::text[], NULL)) AS s;
  ELSIF TG_OP = 'UPDATE' THEN
    IF ROW(OLD."id", OLD."name", OLD."parent_id", OLD."position") IS DISTINCT FROM ROW(NEW."id", NEW."name", NEW."parent_id", NEW."position") THEN
      INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT x, 'categories', NEW."id"::text, s, 'u', nextval('sync_version_seq'), json_build_object('id', NEW."id", 'name', NEW."name", 'parent_id', NEW."parent_id", 'position', NEW."position")::text FROM unnest(array_remove(ARRAY['public']::text[], NULL)) AS s;
    END IF;
  ELSE
    INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT x, 'categories', OLD."id"::text, s, 'd', nextval('sync_version_seq'), NULL FROM unnest(array_remove(ARRAY['public']::text[], NULL)) AS s;
  END IF;
  RETURN NULL;
END
$fn$;
DROP TRIGGER IF EXISTS sync_capture ON "category";
CREATE TRIGGER sync_capture AFTER INSERT OR UPDATE OR DELETE ON "category"
  FOR EACH ROW EXECUTE FUNCTION sync_capture_category();

CREATE OR REPLACE FUNCTION sync_version_service() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF NEW."version" <= OLD."version" AND ROW(OLD."id", OLD."kind", OLD."owner_org_id", OLD."owner_user_id", OLD."title", OLD."description", OLD."category_id", OLD."price_amount", OLD."currency", OLD."duration_minutes", OLD."zone_ids", OLD."media", OLD."items", OLD."state", OLD."rating_count", OLD."rating_sum", OLD."published_at", OLD."created_at") IS DISTINCT FROM ROW(NEW."id", NEW."kind", NEW."owner_org_id", NEW."owner_user_id", NEW."title", NEW."description", NEW."category_id", NEW."price_amount", NEW."currency", NEW."duration_minutes", NEW."zone_ids", NEW."media", NEW."items", NEW."state", NEW."rating_count", NEW."rating_sum", NEW."published_at", NEW."created_at") THEN
    NEW."version" := OLD."version" + 1;
  END IF;
  RETURN NEW;
END
$fn$;
DROP TRIGGER IF EXISTS sync_version ON "service";
CREATE TRIGGER sync_version BEFORE UPDATE ON "service" FOR EACH ROW EXECUTE FUNCTION sync_version_service();

CREATE OR REPLACE FUNCTION sync_capture_service() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  x bigint := pg_current_xact_id()::text::bigint;
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT x, 'services', NEW."id"::text, s, 'u', NEW."version", json_build_object('id', NEW."id", 'kind', NEW."kind", 'owner_org_id', NEW."owner_org_id", 'owner_user_id', NEW."owner_user_id", 'title', NEW."title", 'description', NEW."description", 'category_id', NEW."category_id", 'price', CASE WHEN NEW."price_amount" IS NULL THEN NULL ELSE json_build_object('amount', NEW."price_amount", 'currency', NEW."currency") END, 'duration_minutes', NEW."duration_minutes", 'zone_ids', NEW."zone_ids", 'media', NEW."media", 'items', NEW."items", 'state', NEW."state", 'version', NEW."version", 'rating_count', NEW."rating_count", 'rating', CASE WHEN NEW."rating_count" > 0 THEN round(NEW."rating_sum"::numeric / NEW."rating_count", 2) END, 'published_at', sync_ts(NEW."published_at"), 'created_at', sync_ts(NEW."created_at"), 'updated_at', sync_ts(NEW."updated_at"))::text FROM unnest(array_remove(ARRAY[CASE WHEN NEW.state = 'published' THEN 'public' END, 'org:' || NEW."owner_org_id", 'user:' || NEW."owner_user_id"]::text[], NULL)) AS s;
  ELSIF TG_OP = 'UPDATE' THEN
    IF ROW(OLD."id", OLD."kind", OLD."owner_org_id", OLD."owner_user_id", OLD."title", OLD."description", OLD."category_id", OLD."price_amount", OLD."currency", OLD."duration_minutes", OLD."zone_ids", OLD."media", OLD."items", OLD."state", OLD."version", OLD."rating_count", OLD."rating_sum", OLD."published_at", OLD."created_at") IS DISTINCT FROM ROW(NEW."id", NEW."kind", NEW."owner_org_id", NEW."owner_user_id", NEW."title", NEW."description", NEW."category_id", NEW."price_amount", NEW."currency", NEW."duration_minutes", NEW."zone_ids", NEW."media", NEW."items", NEW."state", NEW."version", NEW."rating_count", NEW."rating_sum", NEW."published_at", NEW."created_at") THEN
      IF ROW(OLD."state", OLD."owner_org_id", OLD."owner_user_id") IS DISTINCT FROM ROW(NEW."state", NEW."owner_org_id", NEW."owner_user_id") THEN
        INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT x, 'services', OLD."id"::text, s, 'r', NEW."version", NULL FROM unnest(array_remove(ARRAY[CASE WHEN OLD.state = 'published' THEN 'public' END, 'org:' || OLD."owner_org_id", 'user:' || OLD."owner_user_id"]::text[], NULL)) AS s WHERE s <> ALL (array_remove(ARRAY[CASE WHEN NEW.state = 'published' THEN 'public' END, 'org:' || NEW."owner_org_id", 'user:' || NEW."owner_user_id"]::text[], NULL));
      END IF;
      INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT x, 'services', NEW."id"::text, s, 'u', NEW."version", json_build_object('id', NEW."id", 'kind', NEW."kind", 'owner_org_id', NEW."owner_org_id", 'owner_user_id', NEW."owner_user_id", 'title', NEW."title", 'description', NEW."description", 'category_id', NEW."category_id", 'price', CASE WHEN NEW."price_amount" IS NULL THEN NULL ELSE json_build_object('amount', NEW."price_amount", 'currency', NEW."currency") END, 'duration_minutes', NEW."duration_minutes", 'zone_ids', NEW."zone_ids", 'media', NEW."media", 'items', NEW."items", 'state', NEW."state", 'version', NEW."version", 'rating_count', NEW."rating_count", 'rating', CASE WHEN NEW."rating_count" > 0 THEN round(NEW."rating_sum"::numeric / NEW."rating_count", 2) END, 'published_at', sync_ts(NEW."published_at"), 'created_at', sync_ts(NEW."created_at"), 'updated_at', sync_ts(NEW."updated_at"))::text FROM unnest(array_remove(ARRAY[CASE WHEN NEW.state = 'published' THEN 'public' END, 'org:' || NEW."owner_org_id", 'user:' || NEW."owner_user_id"]::text[], NULL)) AS s;
    END IF;
  ELSE
    INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT x, 'services', OLD."id"::text, s, 'd', OLD."version" + 1, NULL FROM unnest(array_remove(ARRAY[CASE WHEN OLD.state = 'published' THEN 'public' END, 'org:' || OLD."owner_org_id", 'user:' || OLD."owner_user_id"]::text[], NULL)) AS s;
  END IF;
  RETURN NULL;
END
$fn$;
DROP TRIGGER IF EXISTS sync_capture ON "service";
CREATE TRIGGER sync_capture AFTER INSERT OR UPDATE OR DELETE ON "service"
  FOR EACH ROW EXECUTE FUNCTION sync_capture_service();

CREATE OR REPLACE FUNCTION sync_version_storefront() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF NEW."version" <= OLD."version" AND ROW(OLD."id", OLD."organisation_id", OLD."user_id", OLD."headline", OLD."bio", OLD."banner", OLD."galleries", OLD."social_links", OLD."created_at") IS DISTINCT FROM ROW(NEW."id", NEW."organisation_id", NEW."user_id", NEW."headline", NEW."bio", NEW."banner", NEW."galleries", NEW."social_links", NEW."created_at") THEN
    NEW."version" := OLD."version" + 1;
  END IF;
  RETURN NEW;
END
$fn$;
DROP TRIGGER IF EXISTS sync_version ON "storefront";
CREATE TRIGGER sync_version BEFORE UPDATE ON "storefront" FOR EACH ROW EXECUTE FUNCTION sync_version_storefront();

CREATE OR REPLACE FUNCTION sync_capture_storefront() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  x bigint := pg_current_xact_id()::text::bigint;
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT x, 'storefronts', NEW."id"::text, s, 'u', NEW."version", json_build_object('id', NEW."id", 'organisation_id', NEW."organisation_id", 'user_id', NEW."user_id", 'headline', NEW."headline", 'bio', NEW."bio", 'banner', NEW."banner", 'galleries', NEW."galleries", 'social_links', NEW."social_links", 'version', NEW."version", 'created_at', sync_ts(NEW."created_at"), 'updated_at', sync_ts(NEW."updated_at"))::text FROM unnest(array_remove(ARRAY['public']::text[], NULL)) AS s;
  ELSIF TG_OP = 'UPDATE' THEN
    IF ROW(OLD."id", OLD."organisation_id", OLD."user_id", OLD."headline", OLD."bio", OLD."banner", OLD."galleries", OLD."social_links", OLD."version", OLD."created_at") IS DISTINCT FROM ROW(NEW."id", NEW."organisation_id", NEW."user_id", NEW."headline", NEW."bio", NEW."banner", NEW."galleries", NEW."social_links", NEW."version", NEW."created_at") THEN
      INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT x, 'storefronts', NEW."id"::text, s, 'u', NEW."version", json_build_object('id', NEW."id", 'organisation_id', NEW."organisation_id", 'user_id', NEW."user_id", 'headline', NEW."headline", 'bio', NEW."bio", 'banner', NEW."banner", 'galleries', NEW."galleries", 'social_links', NEW."social_links", 'version', NEW."version", 'created_at', sync_ts(NEW."created_at"), 'updated_at', sync_ts(NEW."updated_at"))::text FROM unnest(array_remove(ARRAY['public']::text[], NULL)) AS s;
    END IF;
  ELSE
    INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT x, 'storefronts', OLD."id"::text, s, 'd', OLD."version" + 1, NULL FROM unnest(array_remove(ARRAY['public']::text[], NULL)) AS s;
  END IF;
  RETURN NULL;
END
$fn$;
DROP TRIGGER IF EXISTS sync_capture ON "storefront";
CREATE TRIGGER sync_capture AFTER INSERT OR UPDATE OR DELETE ON "storefront"
  FOR EACH ROW EXECUTE FUNCTION sync_capture_storefront();

CREATE OR REPLACE FUNCTION sync_version_serviceman_profile() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF NEW."version" <= OLD."version" AND ROW(OLD."id", OLD."user_id", OLD."bio", OLD."category_ids", OLD."home_lat", OLD."home_lng", OLD."rating_count", OLD."completed_jobs", OLD."verified_documents", OLD."rating_sum") IS DISTINCT FROM ROW(NEW."id", NEW."user_id", NEW."bio", NEW."category_ids", NEW."home_lat", NEW."home_lng", NEW."rating_count", NEW."completed_jobs", NEW."verified_documents", NEW."rating_sum") THEN
    NEW."version" := OLD."version" + 1;
  END IF;
  RETURN NEW;
END
$fn$;
DROP TRIGGER IF EXISTS sync_version ON "serviceman_profile";
CREATE TRIGGER sync_version BEFORE UPDATE ON "serviceman_profile" FOR EACH ROW EXECUTE FUNCTION sync_version_serviceman_profile();

CREATE OR REPLACE FUNCTION sync_capture_serviceman_profile() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  x bigint := pg_current_xact_id()::text::bigint;
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT x, 'serviceman_profiles', NEW."id"::text, s, 'u', NEW."version", json_build_object('id', NEW."id", 'user_id', NEW."user_id", 'bio', NEW."bio", 'category_ids', NEW."category_ids", 'area_lat', round(NEW."home_lat"::numeric, 2), 'area_lng', round(NEW."home_lng"::numeric, 2), 'rating_count', NEW."rating_count", 'completed_jobs', NEW."completed_jobs", 'verified_documents', NEW."verified_documents", 'version', NEW."version", 'rating', CASE WHEN NEW."rating_count" > 0 THEN round(NEW."rating_sum"::numeric / NEW."rating_count", 2) END, 'updated_at', sync_ts(NEW."updated_at"))::text FROM unnest(array_remove(ARRAY['public']::text[], NULL)) AS s;
    PERFORM sync_grant_add(g.u, g.s, g.src) FROM ((SELECT sz.user_id, 'job:' || j.id, 'zone' FROM job j, serviceman_zone sz, user_account ua WHERE sz.zone_id = j.zone_id AND j.state = 'open' AND NEW.user_id = sz.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(NEW.category_ids) AS tr(value) WHERE tr.value = j.category_id OR tr.value IN (SELECT kc.id FROM category kc WHERE kc.parent_id = j.category_id) OR EXISTS (SELECT 1 FROM category c0 LEFT JOIN category c1 ON c1.id = c0.parent_id LEFT JOIN category c2 ON c2.id = c1.parent_id LEFT JOIN category c3 ON c3.id = c2.parent_id WHERE c0.id = j.category_id AND tr.value IN (c0.parent_id, c1.parent_id, c2.parent_id, c3.parent_id))) AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text(j.required_documents) AS rq(value) WHERE NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text(NEW.verified_documents) AS vd(value) WHERE vd.value = rq.value)) AND ua.id = sz.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(ua.roles) AS rl(value) WHERE rl.value = 'serviceman')) UNION ALL (SELECT m.user_id, 'job:' || j.id, 'org-zone:' || oz.organisation_id FROM job j, organisation_zone oz, membership m, user_account ua WHERE oz.zone_id = j.zone_id AND j.state = 'open' AND m.organisation_id = oz.organisation_id AND m.status = 'accepted' AND NEW.user_id = m.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(NEW.category_ids) AS tr(value) WHERE tr.value = j.category_id OR tr.value IN (SELECT kc.id FROM category kc WHERE kc.parent_id = j.category_id) OR EXISTS (SELECT 1 FROM category c0 LEFT JOIN category c1 ON c1.id = c0.parent_id LEFT JOIN category c2 ON c2.id = c1.parent_id LEFT JOIN category c3 ON c3.id = c2.parent_id WHERE c0.id = j.category_id AND tr.value IN (c0.parent_id, c1.parent_id, c2.parent_id, c3.parent_id))) AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text(j.required_documents) AS rq(value) WHERE NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text(NEW.verified_documents) AS vd(value) WHERE vd.value = rq.value)) AND ua.id = m.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(ua.roles) AS rl(value) WHERE rl.value = 'serviceman'))) AS g(u, s, src);
  ELSIF TG_OP = 'UPDATE' THEN
    IF ROW(OLD."id", OLD."user_id", OLD."bio", OLD."category_ids", OLD."home_lat", OLD."home_lng", OLD."rating_count", OLD."completed_jobs", OLD."verified_documents", OLD."version", OLD."rating_sum") IS DISTINCT FROM ROW(NEW."id", NEW."user_id", NEW."bio", NEW."category_ids", NEW."home_lat", NEW."home_lng", NEW."rating_count", NEW."completed_jobs", NEW."verified_documents", NEW."version", NEW."rating_sum") THEN
      INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT x, 'serviceman_profiles', NEW."id"::text, s, 'u', NEW."version", json_build_object('id', NEW."id", 'user_id', NEW."user_id", 'bio', NEW."bio", 'category_ids', NEW."category_ids", 'area_lat', round(NEW."home_lat"::numeric, 2), 'area_lng', round(NEW."home_lng"::numeric, 2), 'rating_count', NEW."rating_count", 'completed_jobs', NEW."completed_jobs", 'verified_documents', NEW."verified_documents", 'version', NEW."version", 'rating', CASE WHEN NEW."rating_count" > 0 THEN round(NEW."rating_sum"::numeric / NEW."rating_count", 2) END, 'updated_at', sync_ts(NEW."updated_at"))::text FROM unnest(array_remove(ARRAY['public']::text[], NULL)) AS s;
    END IF;
    IF ROW(OLD."user_id", OLD."category_ids", OLD."verified_documents") IS DISTINCT FROM ROW(NEW."user_id", NEW."category_ids", NEW."verified_documents") THEN
      PERFORM sync_grant_remove(g.u, g.s, g.src) FROM (((SELECT sz.user_id, 'job:' || j.id, 'zone' FROM job j, serviceman_zone sz, user_account ua WHERE sz.zone_id = j.zone_id AND j.state = 'open' AND OLD.user_id = sz.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(OLD.category_ids) AS tr(value) WHERE tr.value = j.category_id OR tr.value IN (SELECT kc.id FROM category kc WHERE kc.parent_id = j.category_id) OR EXISTS (SELECT 1 FROM category c0 LEFT JOIN category c1 ON c1.id = c0.parent_id LEFT JOIN category c2 ON c2.id = c1.parent_id LEFT JOIN category c3 ON c3.id = c2.parent_id WHERE c0.id = j.category_id AND tr.value IN (c0.parent_id, c1.parent_id, c2.parent_id, c3.parent_id))) AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text(j.required_documents) AS rq(value) WHERE NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text(OLD.verified_documents) AS vd(value) WHERE vd.value = rq.value)) AND ua.id = sz.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(ua.roles) AS rl(value) WHERE rl.value = 'serviceman')) UNION ALL (SELECT m.user_id, 'job:' || j.id, 'org-zone:' || oz.organisation_id FROM job j, organisation_zone oz, membership m, user_account ua WHERE oz.zone_id = j.zone_id AND j.state = 'open' AND m.organisation_id = oz.organisation_id AND m.status = 'accepted' AND OLD.user_id = m.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(OLD.category_ids) AS tr(value) WHERE tr.value = j.category_id OR tr.value IN (SELECT kc.id FROM category kc WHERE kc.parent_id = j.category_id) OR EXISTS (SELECT 1 FROM category c0 LEFT JOIN category c1 ON c1.id = c0.parent_id LEFT JOIN category c2 ON c2.id = c1.parent_id LEFT JOIN category c3 ON c3.id = c2.parent_id WHERE c0.id = j.category_id AND tr.value IN (c0.parent_id, c1.parent_id, c2.parent_id, c3.parent_id))) AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text(j.required_documents) AS rq(value) WHERE NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text(OLD.verified_documents) AS vd(value) WHERE vd.value = rq.value)) AND ua.id = m.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(ua.roles) AS rl(value) WHERE rl.value = 'serviceman'))) EXCEPT ((SELECT sz.user_id, 'job:' || j.id, 'zone' FROM job j, serviceman_zone sz, user_account ua WHERE sz.zone_id = j.zone_id AND j.state = 'open' AND NEW.user_id = sz.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(NEW.category_ids) AS tr(value) WHERE tr.value = j.category_id OR tr.value IN (SELECT kc.id FROM category kc WHERE kc.parent_id = j.category_id) OR EXISTS (SELECT 1 FROM category c0 LEFT JOIN category c1 ON c1.id = c0.parent_id LEFT JOIN category c2 ON c2.id = c1.parent_id LEFT JOIN category c3 ON c3.id = c2.parent_id WHERE c0.id = j.category_id AND tr.value IN (c0.parent_id, c1.parent_id, c2.parent_id, c3.parent_id))) AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text(j.required_documents) AS rq(value) WHERE NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text(NEW.verified_documents) AS vd(value) WHERE vd.value = rq.value)) AND ua.id = sz.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(ua.roles) AS rl(value) WHERE rl.value = 'serviceman')) UNION ALL (SELECT m.user_id, 'job:' || j.id, 'org-zone:' || oz.organisation_id FROM job j, organisation_zone oz, membership m, user_account ua WHERE oz.zone_id = j.zone_id AND j.state = 'open' AND m.organisation_id = oz.organisation_id AND m.status = 'accepted' AND NEW.user_id = m.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(NEW.category_ids) AS tr(value) WHERE tr.value = j.category_id OR tr.value IN (SELECT kc.id FROM category kc WHERE kc.parent_id = j.category_id) OR EXISTS (SELECT 1 FROM category c0 LEFT JOIN category c1 ON c1.id = c0.parent_id LEFT JOIN category c2 ON c2.id = c1.parent_id LEFT JOIN category c3 ON c3.id = c2.parent_id WHERE c0.id = j.category_id AND tr.value IN (c0.parent_id, c1.parent_id, c2.parent_id, c3.parent_id))) AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text(j.required_documents) AS rq(value) WHERE NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text(NEW.verified_documents) AS vd(value) WHERE vd.value = rq.value)) AND ua.id = m.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(ua.roles) AS rl(value) WHERE rl.value = 'serviceman')))) AS g(u, s, src);
      PERFORM sync_grant_add(g.u, g.s, g.src) FROM (((SELECT sz.user_id, 'job:' || j.id, 'zone' FROM job j, serviceman_zone sz, user_account ua WHERE sz.zone_id = j.zone_id AND j.state = 'open' AND NEW.user_id = sz.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(NEW.category_ids) AS tr(value) WHERE tr.value = j.category_id OR tr.value IN (SELECT kc.id FROM category kc WHERE kc.parent_id = j.category_id) OR EXISTS (SELECT 1 FROM category c0 LEFT JOIN category c1 ON c1.id = c0.parent_id LEFT JOIN category c2 ON c2.id = c1.parent_id LEFT JOIN category c3 ON c3.id = c2.parent_id WHERE c0.id = j.category_id AND tr.value IN (c0.parent_id, c1.parent_id, c2.parent_id, c3.parent_id))) AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text(j.required_documents) AS rq(value) WHERE NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text(NEW.verified_documents) AS vd(value) WHERE vd.value = rq.value)) AND ua.id = sz.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(ua.roles) AS rl(value) WHERE rl.value = 'serviceman')) UNION ALL (SELECT m.user_id, 'job:' || j.id, 'org-zone:' || oz.organisation_id FROM job j, organisation_zone oz, membership m, user_account ua WHERE oz.zone_id = j.zone_id AND j.state = 'open' AND m.organisation_id = oz.organisation_id AND m.status = 'accepted' AND NEW.user_id = m.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(NEW.category_ids) AS tr(value) WHERE tr.value = j.category_id OR tr.value IN (SELECT kc.id FROM category kc WHERE kc.parent_id = j.category_id) OR EXISTS (SELECT 1 FROM category c0 LEFT JOIN category c1 ON c1.id = c0.parent_id LEFT JOIN category c2 ON c2.id = c1.parent_id LEFT JOIN category c3 ON c3.id = c2.parent_id WHERE c0.id = j.category_id AND tr.value IN (c0.parent_id, c1.parent_id, c2.parent_id, c3.parent_id))) AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text(j.required_documents) AS rq(value) WHERE NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text(NEW.verified_documents) AS vd(value) WHERE vd.value = rq.value)) AND ua.id = m.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(ua.roles) AS rl(value) WHERE rl.value = 'serviceman'))) EXCEPT ((SELECT sz.user_id, 'job:' || j.id, 'zone' FROM job j, serviceman_zone sz, user_account ua WHERE sz.zone_id = j.zone_id AND j.state = 'open' AND OLD.user_id = sz.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(OLD.category_ids) AS tr(value) WHERE tr.value = j.category_id OR tr.value IN (SELECT kc.id FROM category kc WHERE kc.parent_id = j.category_id) OR EXISTS (SELECT 1 FROM category c0 LEFT JOIN category c1 ON c1.id = c0.parent_id LEFT JOIN category c2 ON c2.id = c1.parent_id LEFT JOIN category c3 ON c3.id = c2.parent_id WHERE c0.id = j.category_id AND tr.value IN (c0.parent_id, c1.parent_id, c2.parent_id, c3.parent_id))) AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text(j.required_documents) AS rq(value) WHERE NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text(OLD.verified_documents) AS vd(value) WHERE vd.value = rq.value)) AND ua.id = sz.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(ua.roles) AS rl(value) WHERE rl.value = 'serviceman')) UNION ALL (SELECT m.user_id, 'job:' || j.id, 'org-zone:' || oz.organisation_id FROM job j, organisation_zone oz, membership m, user_account ua WHERE oz.zone_id = j.zone_id AND j.state = 'open' AND m.organisation_id = oz.organisation_id AND m.status = 'accepted' AND OLD.user_id = m.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(OLD.category_ids) AS tr(value) WHERE tr.value = j.category_id OR tr.value IN (SELECT kc.id FROM category kc WHERE kc.parent_id = j.category_id) OR EXISTS (SELECT 1 FROM category c0 LEFT JOIN category c1 ON c1.id = c0.parent_id LEFT JOIN category c2 ON c2.id = c1.parent_id LEFT JOIN category c3 ON c3.id = c2.parent_id WHERE c0.id = j.category_id AND tr.value IN (c0.parent_id, c1.parent_id, c2.parent_id, c3.parent_id))) AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text(j.required_documents) AS rq(value) WHERE NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text(OLD.verified_documents) AS vd(value) WHERE vd.value = rq.value)) AND ua.id = m.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(ua.roles) AS rl(value) WHERE rl.value = 'serviceman')))) AS g(u, s, src);
    END IF;
  ELSE
    INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT x, 'serviceman_profiles', OLD."id"::text, s, 'd', OLD."version" + 1, NULL FROM unnest(array_remove(ARRAY['public']::text[], NULL)) AS s;
    PERFORM sync_grant_remove(g.u, g.s, g.src) FROM ((SELECT sz.user_id, 'job:' || j.id, 'zone' FROM job j, serviceman_zone sz, user_account ua WHERE sz.zone_id = j.zone_id AND j.state = 'open' AND OLD.user_id = sz.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(OLD.category_ids) AS tr(value) WHERE tr.value = j.category_id OR tr.value IN (SELECT kc.id FROM category kc WHERE kc.parent_id = j.category_id) OR EXISTS (SELECT 1 FROM category c0 LEFT JOIN category c1 ON c1.id = c0.parent_id LEFT JOIN category c2 ON c2.id = c1.parent_id LEFT JOIN category c3 ON c3.id = c2.parent_id WHERE c0.id = j.category_id AND tr.value IN (c0.parent_id, c1.parent_id, c2.parent_id, c3.parent_id))) AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text(j.required_documents) AS rq(value) WHERE NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text(OLD.verified_documents) AS vd(value) WHERE vd.value = rq.value)) AND ua.id = sz.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(ua.roles) AS rl(value) WHERE rl.value = 'serviceman')) UNION ALL (SELECT m.user_id, 'job:' || j.id, 'org-zone:' || oz.organisation_id FROM job j, organisation_zone oz, membership m, user_account ua WHERE oz.zone_id = j.zone_id AND j.state = 'open' AND m.organisation_id = oz.organisation_id AND m.status = 'accepted' AND OLD.user_id = m.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(OLD.category_ids) AS tr(value) WHERE tr.value = j.category_id OR tr.value IN (SELECT kc.id FROM category kc WHERE kc.parent_id = j.category_id) OR EXISTS (SELECT 1 FROM category c0 LEFT JOIN category c1 ON c1.id = c0.parent_id LEFT JOIN category c2 ON c2.id = c1.parent_id LEFT JOIN category c3 ON c3.id = c2.parent_id WHERE c0.id = j.category_id AND tr.value IN (c0.parent_id, c1.parent_id, c2.parent_id, c3.parent_id))) AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text(j.required_documents) AS rq(value) WHERE NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text(OLD.verified_documents) AS vd(value) WHERE vd.value = rq.value)) AND ua.id = m.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(ua.roles) AS rl(value) WHERE rl.value = 'serviceman'))) AS g(u, s, src);
  END IF;
  RETURN NULL;
END
$fn$;
DROP TRIGGER IF EXISTS sync_capture ON "serviceman_profile";
CREATE TRIGGER sync_capture AFTER INSERT OR UPDATE OR DELETE ON "serviceman_profile"
  FOR EACH ROW EXECUTE FUNCTION sync_capture_serviceman_profile();

CREATE OR REPLACE FUNCTION sync_version_booking() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF NEW."version" <= OLD."version" AND ROW(OLD."id", OLD."kind", OLD."state", OLD."customer_id", OLD."service_id", OLD."organisation_id", OLD."job_id", OLD."zone_id", OLD."lat", OLD."lng", OLD."address", OLD."notes", OLD."scheduled_start", OLD."scheduled_end", OLD."price_amount", OLD."currency", OLD."commission_amount", OLD."tax_amount", OLD."total_amount", OLD."expires_at", OLD."created_at") IS DISTINCT FROM ROW(NEW."id", NEW."kind", NEW."state", NEW."customer_id", NEW."service_id", NEW."organisation_id", NEW."job_id", NEW."zone_id", NEW."lat", NEW."lng", NEW."address", NEW."notes", NEW."scheduled_start", NEW."scheduled_end", NEW."price_amount", NEW."currency", NEW."commission_amount", NEW."tax_amount", NEW."total_amount", NEW."expires_at", NEW."created_at") THEN
    NEW."version" := OLD."version" + 1;
  END IF;
  RETURN NEW;
END
$fn$;
DROP TRIGGER IF EXISTS sync_version ON "booking";
CREATE TRIGGER sync_version BEFORE UPDATE ON "booking" FOR EACH ROW EXECUTE FUNCTION sync_version_booking();

CREATE OR REPLACE FUNCTION sync_capture_booking() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  x bigint := pg_current_xact_id()::text::bigint;
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT x, 'bookings', NEW."id"::text, s, 'u', NEW."version", json_build_object('id', NEW."id", 'kind', NEW."kind", 'state', NEW."state", 'customer_id', NEW."customer_id", 'service_id', NEW."service_id", 'organisation_id', NEW."organisation_id", 'job_id', NEW."job_id", 'zone_id', NEW."zone_id", 'lat', NEW."lat", 'lng', NEW."lng", 'address', NEW."address", 'notes', NEW."notes", 'scheduled_start', sync_ts(NEW."scheduled_start"), 'scheduled_end', sync_ts(NEW."scheduled_end"), 'price', CASE WHEN NEW."price_amount" IS NULL THEN NULL ELSE json_build_object('amount', NEW."price_amount", 'currency', NEW."currency") END, 'commission', CASE WHEN NEW."commission_amount" IS NULL THEN NULL ELSE json_build_object('amount', NEW."commission_amount", 'currency', NEW."currency") END, 'tax', CASE WHEN NEW."tax_amount" IS NULL THEN NULL ELSE json_build_object('amount', NEW."tax_amount", 'currency', NEW."currency") END, 'total', CASE WHEN NEW."total_amount" IS NULL THEN NULL ELSE json_build_object('amount', NEW."total_amount", 'currency', NEW."currency") END, 'expires_at', sync_ts(NEW."expires_at"), 'version', NEW."version", 'created_at', sync_ts(NEW."created_at"), 'updated_at', sync_ts(NEW."updated_at"))::text FROM unnest(array_remove(ARRAY['booking:' || NEW."id", 'org-bookings:' || NEW."organisation_id"]::text[], NULL)) AS s;
    PERFORM sync_grant_add(g.u, g.s, g.src) FROM ((SELECT NEW.customer_id, 'booking:' || NEW.id, 'customer')) AS g(u, s, src);
  ELSIF TG_OP = 'UPDATE' THEN
    IF ROW(OLD."id", OLD."kind", OLD."state", OLD."customer_id", OLD."service_id", OLD."organisation_id", OLD."job_id", OLD."zone_id", OLD."lat", OLD."lng", OLD."address", OLD."notes", OLD."scheduled_start", OLD."scheduled_end", OLD."price_amount", OLD."currency", OLD."commission_amount", OLD."tax_amount", OLD."total_amount", OLD."expires_at", OLD."version", OLD."created_at") IS DISTINCT FROM ROW(NEW."id", NEW."kind", NEW."state", NEW."customer_id", NEW."service_id", NEW."organisation_id", NEW."job_id", NEW."zone_id", NEW."lat", NEW."lng", NEW."address", NEW."notes", NEW."scheduled_start", NEW."scheduled_end", NEW."price_amount", NEW."currency", NEW."commission_amount", NEW."tax_amount", NEW."total_amount", NEW."expires_at", NEW."version", NEW."created_at") THEN
      IF ROW(OLD."id", OLD."organisation_id") IS DISTINCT FROM ROW(NEW."id", NEW."organisation_id") THEN
        INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT x, 'bookings', OLD."id"::text, s, 'r', NEW."version", NULL FROM unnest(array_remove(ARRAY['booking:' || OLD."id", 'org-bookings:' || OLD."organisation_id"]::text[], NULL)) AS s WHERE s <> ALL (array_remove(ARRAY['booking:' || NEW."id", 'org-bookings:' || NEW."organisation_id"]::text[], NULL));
      END IF;
      INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT x, 'bookings', NEW."id"::text, s, 'u', NEW."version", json_build_object('id', NEW."id", 'kind', NEW."kind", 'state', NEW."state", 'customer_id', NEW."customer_id", 'service_id', NEW."service_id", 'organisation_id', NEW."organisation_id", 'job_id', NEW."job_id", 'zone_id', NEW."zone_id", 'lat', NEW."lat", 'lng', NEW."lng", 'address', NEW."address", 'notes', NEW."notes", 'scheduled_start', sync_ts(NEW."scheduled_start"), 'scheduled_end', sync_ts(NEW."scheduled_end"), 'price', CASE WHEN NEW."price_amount" IS NULL THEN NULL ELSE json_build_object('amount', NEW."price_amount", 'currency', NEW."currency") END, 'commission', CASE WHEN NEW."commission_amount" IS NULL THEN NULL ELSE json_build_object('amount', NEW."commission_amount", 'currency', NEW."currency") END, 'tax', CASE WHEN NEW."tax_amount" IS NULL THEN NULL ELSE json_build_object('amount', NEW."tax_amount", 'currency', NEW."currency") END, 'total', CASE WHEN NEW."total_amount" IS NULL THEN NULL ELSE json_build_object('amount', NEW."total_amount", 'currency', NEW."currency") END, 'expires_at', sync_ts(NEW."expires_at"), 'version', NEW."version", 'created_at', sync_ts(NEW."created_at"), 'updated_at', sync_ts(NEW."updated_at"))::text FROM unnest(array_remove(ARRAY['booking:' || NEW."id", 'org-bookings:' || NEW."organisation_id"]::text[], NULL)) AS s;
    END IF;
    IF ROW(OLD."customer_id") IS DISTINCT FROM ROW(NEW."customer_id") THEN
      PERFORM sync_grant_remove(g.u, g.s, g.src) FROM (((SELECT OLD.customer_id, 'booking:' || OLD.id, 'customer')) EXCEPT ((SELECT NEW.customer_id, 'booking:' || NEW.id, 'customer'))) AS g(u, s, src);
      PERFORM sync_grant_add(g.u, g.s, g.src) FROM (((SELECT NEW.customer_id, 'booking:' || NEW.id, 'customer')) EXCEPT ((SELECT OLD.customer_id, 'booking:' || OLD.id, 'customer'))) AS g(u, s, src);
    END IF;
  ELSE
    INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT x, 'bookings', OLD."id"::text, s, 'd', OLD."version" + 1, NULL FROM unnest(array_remove(ARRAY['booking:' || OLD."id", 'org-bookings:' || OLD."organisation_id"]::text[], NULL)) AS s;
    PERFORM sync_grant_remove(g.u, g.s, g.src) FROM ((SELECT OLD.customer_id, 'booking:' || OLD.id, 'customer')) AS g(u, s, src);
  END IF;
  RETURN NULL;
END
$fn$;
DROP TRIGGER IF EXISTS sync_capture ON "booking";
CREATE TRIGGER sync_capture AFTER INSERT OR UPDATE OR DELETE ON "booking"
  FOR EACH ROW EXECUTE FUNCTION sync_capture_booking();

CREATE OR REPLACE FUNCTION sync_version_booking_assignment() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF NEW."version" <= OLD."version" AND ROW(OLD."id", OLD."booking_id", OLD."serviceman_id", OLD."lead", OLD."created_at") IS DISTINCT FROM ROW(NEW."id", NEW."booking_id", NEW."serviceman_id", NEW."lead", NEW."created_at") THEN
    NEW."version" := OLD."version" + 1;
  END IF;
  RETURN NEW;
END
$fn$;
DROP TRIGGER IF EXISTS sync_version ON "booking_assignment";
CREATE TRIGGER sync_version BEFORE UPDATE ON "booking_assignment" FOR EACH ROW EXECUTE FUNCTION sync_version_booking_assignment();

CREATE OR REPLACE FUNCTION sync_capture_booking_assignment() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  x bigint := pg_current_xact_id()::text::bigint;
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT x, 'booking_assignments', NEW."id"::text, s, 'u', NEW."version", json_build_object('id', NEW."id", 'booking_id', NEW."booking_id", 'serviceman_id', NEW."serviceman_id", 'lead', NEW."lead", 'version', NEW."version", 'created_at', sync_ts(NEW."created_at"))::text FROM unnest(array_remove(ARRAY['booking:' || NEW."booking_id", (SELECT 'org-bookings:' || p."organisation_id" FROM "booking" AS p WHERE p.id = NEW."booking_id")]::text[], NULL)) AS s;
    PERFORM sync_grant_add(g.u, g.s, g.src) FROM ((SELECT NEW.serviceman_id, 'booking:' || NEW.booking_id, 'crew')) AS g(u, s, src);
  ELSIF TG_OP = 'UPDATE' THEN
    IF ROW(OLD."id", OLD."booking_id", OLD."serviceman_id", OLD."lead", OLD."version", OLD."created_at") IS DISTINCT FROM ROW(NEW."id", NEW."booking_id", NEW."serviceman_id", NEW."lead", NEW."version", NEW."created_at") THEN
      IF ROW(OLD."booking_id") IS DISTINCT FROM ROW(NEW."booking_id") THEN
        INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT x, 'booking_assignments', OLD."id"::text, s, 'r', NEW."version", NULL FROM unnest(array_remove(ARRAY['booking:' || OLD."booking_id", (SELECT 'org-bookings:' || p."organisation_id" FROM "booking" AS p WHERE p.id = OLD."booking_id")]::text[], NULL)) AS s WHERE s <> ALL (array_remove(ARRAY['booking:' || NEW."booking_id", (SELECT 'org-bookings:' || p."organisation_id" FROM "booking" AS p WHERE p.id = NEW."booking_id")]::text[], NULL));
      END IF;
      INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT x, 'booking_assignments', NEW."id"::text, s, 'u', NEW."version", json_build_object('id', NEW."id", 'booking_id', NEW."booking_id", 'serviceman_id', NEW."serviceman_id", 'lead', NEW."lead", 'version', NEW."version", 'created_at', sync_ts(NEW."created_at"))::text FROM unnest(array_remove(ARRAY['booking:' || NEW."booking_id", (SELECT 'org-bookings:' || p."organisation_id" FROM "booking" AS p WHERE p.id = NEW."booking_id")]::text[], NULL)) AS s;
    END IF;
    IF ROW(OLD."serviceman_id", OLD."booking_id") IS DISTINCT FROM ROW(NEW."serviceman_id", NEW."booking_id") THEN
      PERFORM sync_grant_remove(g.u, g.s, g.src) FROM (((SELECT OLD.serviceman_id, 'booking:' || OLD.booking_id, 'crew')) EXCEPT ((SELECT NEW.serviceman_id, 'booking:' || NEW.booking_id, 'crew'))) AS g(u, s, src);
      PERFORM sync_grant_add(g.u, g.s, g.src) FROM (((SELECT NEW.serviceman_id, 'booking:' || NEW.booking_id, 'crew')) EXCEPT ((SELECT OLD.serviceman_id, 'booking:' || OLD.booking_id, 'crew'))) AS g(u, s, src);
    END IF;
  ELSE
    INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT x, 'booking_assignments', OLD."id"::text, s, 'd', OLD."version" + 1, NULL FROM unnest(array_remove(ARRAY['booking:' || OLD."booking_id", (SELECT 'org-bookings:' || p."organisation_id" FROM "booking" AS p WHERE p.id = OLD."booking_id")]::text[], NULL)) AS s;
    PERFORM sync_grant_remove(g.u, g.s, g.src) FROM ((SELECT OLD.serviceman_id, 'booking:' || OLD.booking_id, 'crew')) AS g(u, s, src);
  END IF;
  RETURN NULL;
END
$fn$;
DROP TRIGGER IF EXISTS sync_capture ON "booking_assignment";
CREATE TRIGGER sync_capture AFTER INSERT OR UPDATE OR DELETE ON "booking_assignment"
  FOR EACH ROW EXECUTE FUNCTION sync_capture_booking_assignment();

CREATE OR REPLACE FUNCTION sync_capture_booking_transition() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  x bigint := pg_current_xact_id()::text::bigint;
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT x, 'booking_transitions', NEW."id"::text, s, 'u', nextval('sync_version_seq'), json_build_object('id', NEW.id::text, 'booking_id', NEW."booking_id", 'from_state', NEW."from_state", 'to_state', NEW."to_state", 'actor_id', NEW."actor_id", 'actor_role', NEW."actor_role", 'reason', NEW."reason", 'created_at', sync_ts(NEW."created_at"))::text FROM unnest(array_remove(ARRAY['booking:' || NEW."booking_id", (SELECT 'org-bookings:' || p."organisation_id" FROM "booking" AS p WHERE p.id = NEW."booking_id")]::text[], NULL)) AS s;
  ELSIF TG_OP = 'UPDATE' THEN
    IF ROW(OLD."id", OLD."booking_id", OLD."from_state", OLD."to_state", OLD."actor_id", OLD."actor_role", OLD."reason", OLD."created_at") IS DISTINCT FROM ROW(NEW."id", NEW."booking_id", NEW."from_state", NEW."to_state", NEW."actor_id", NEW."actor_role", NEW."reason", NEW."created_at") THEN
      IF ROW(OLD."booking_id") IS DISTINCT FROM ROW(NEW."booking_id") THEN
        INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT x, 'booking_transitions', OLD."id"::text, s, 'r', nextval('sync_version_seq'), NULL FROM unnest(array_remove(ARRAY['booking:' || OLD."booking_id", (SELECT 'org-bookings:' || p."organisation_id" FROM "booking" AS p WHERE p.id = OLD."booking_id")]::text[], NULL)) AS s WHERE s <> ALL (array_remove(ARRAY['booking:' || NEW."booking_id", (SELECT 'org-bookings:' || p."organisation_id" FROM "booking" AS p WHERE p.id = NEW."booking_id")]::text[], NULL));
      END IF;
      INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT x, 'booking_transitions', NEW."id"::text, s, 'u', nextval('sync_version_seq'), json_build_object('id', NEW.id::text, 'booking_id', NEW."booking_id", 'from_state', NEW."from_state", 'to_state', NEW."to_state", 'actor_id', NEW."actor_id", 'actor_role', NEW."actor_role", 'reason', NEW."reason", 'created_at', sync_ts(NEW."created_at"))::text FROM unnest(array_remove(ARRAY['booking:' || NEW."booking_id", (SELECT 'org-bookings:' || p."organisation_id" FROM "booking" AS p WHERE p.id = NEW."booking_id")]::text[], NULL)) AS s;
    END IF;
  ELSE
    INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT x, 'booking_transitions', OLD."id"::text, s, 'd', nextval('sync_version_seq'), NULL FROM unnest(array_remove(ARRAY['booking:' || OLD."booking_id", (SELECT 'org-bookings:' || p."organisation_id" FROM "booking" AS p WHERE p.id = OLD."booking_id")]::text[], NULL)) AS s;
  END IF;
  RETURN NULL;
END
$fn$;
DROP TRIGGER IF EXISTS sync_capture ON "booking_transition";
CREATE TRIGGER sync_capture AFTER INSERT OR UPDATE OR DELETE ON "booking_transition"
  FOR EACH ROW EXECUTE FUNCTION sync_capture_booking_transition();

CREATE OR REPLACE FUNCTION sync_version_job() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF NEW."version" <= OLD."version" AND ROW(OLD."id", OLD."customer_id", OLD."title", OLD."description", OLD."category_id", OLD."zone_id", OLD."lat", OLD."lng", OLD."address", OLD."budget_min", OLD."currency", OLD."budget_max", OLD."desired_start", OLD."desired_end", OLD."state", OLD."accepted_bid_id", OLD."required_documents", OLD."expires_at", OLD."created_at") IS DISTINCT FROM ROW(NEW."id", NEW."customer_id", NEW."title", NEW."description", NEW."category_id", NEW."zone_id", NEW."lat", NEW."lng", NEW."address", NEW."budget_min", NEW."currency", NEW."budget_max", NEW."desired_start", NEW."desired_end", NEW."state", NEW."accepted_bid_id", NEW."required_documents", NEW."expires_at", NEW."created_at") THEN
    NEW."version" := OLD."version" + 1;
  END IF;
  RETURN NEW;
END
$fn$;
DROP TRIGGER IF EXISTS sync_version ON "job";
CREATE TRIGGER sync_version BEFORE UPDATE ON "job" FOR EACH ROW EXECUTE FUNCTION sync_version_job();

CREATE OR REPLACE FUNCTION sync_capture_job() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  x bigint := pg_current_xact_id()::text::bigint;
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT x, 'jobs', NEW."id"::text, s, 'u', NEW."version", json_build_object('id', NEW."id", 'customer_id', NEW."customer_id", 'title', NEW."title", 'description', NEW."description", 'category_id', NEW."category_id", 'zone_id', NEW."zone_id", 'lat', NEW."lat", 'lng', NEW."lng", 'address', NEW."address", 'budget_min', CASE WHEN NEW."budget_min" IS NULL THEN NULL ELSE json_build_object('amount', NEW."budget_min", 'currency', NEW."currency") END, 'budget_max', CASE WHEN NEW."budget_max" IS NULL THEN NULL ELSE json_build_object('amount', NEW."budget_max", 'currency', NEW."currency") END, 'desired_start', sync_ts(NEW."desired_start"), 'desired_end', sync_ts(NEW."desired_end"), 'state', NEW."state", 'accepted_bid_id', NEW."accepted_bid_id", 'required_documents', NEW."required_documents", 'expires_at', sync_ts(NEW."expires_at"), 'version', NEW."version", 'created_at', sync_ts(NEW."created_at"), 'updated_at', sync_ts(NEW."updated_at"))::text FROM unnest(array_remove(ARRAY['job:' || NEW."id"]::text[], NULL)) AS s;
    PERFORM sync_grant_add(g.u, g.s, g.src) FROM ((SELECT NEW.customer_id, 'job:' || NEW.id, 'customer') UNION ALL (SELECT sz.user_id, 'job:' || NEW.id, 'zone' FROM serviceman_zone sz, serviceman_profile sp, user_account ua WHERE sz.zone_id = NEW.zone_id AND NEW.state = 'open' AND sp.user_id = sz.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.category_ids) AS tr(value) WHERE tr.value = NEW.category_id OR tr.value IN (SELECT kc.id FROM category kc WHERE kc.parent_id = NEW.category_id) OR EXISTS (SELECT 1 FROM category c0 LEFT JOIN category c1 ON c1.id = c0.parent_id LEFT JOIN category c2 ON c2.id = c1.parent_id LEFT JOIN category c3 ON c3.id = c2.parent_id WHERE c0.id = NEW.category_id AND tr.value IN (c0.parent_id, c1.parent_id, c2.parent_id, c3.parent_id))) AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text(NEW.required_documents) AS rq(value) WHERE NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.verified_documents) AS vd(value) WHERE vd.value = rq.value)) AND ua.id = sz.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(ua.roles) AS rl(value) WHERE rl.value = 'serviceman')) UNION ALL (SELECT m.user_id, 'job:' || NEW.id, 'org-zone:' || oz.organisation_id FROM organisation_zone oz, membership m, serviceman_profile sp, user_account ua WHERE oz.zone_id = NEW.zone_id AND NEW.state = 'open' AND m.organisation_id = oz.organisation_id AND m.status = 'accepted' AND sp.user_id = m.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.category_ids) AS tr(value) WHERE tr.value = NEW.category_id OR tr.value IN (SELECT kc.id FROM category kc WHERE kc.parent_id = NEW.category_id) OR EXISTS (SELECT 1 FROM category c0 LEFT JOIN category c1 ON c1.id = c0.parent_id LEFT JOIN category c2 ON c2.id = c1.parent_id LEFT JOIN category c3 ON c3.id = c2.parent_id WHERE c0.id = NEW.category_id AND tr.value IN (c0.parent_id, c1.parent_id, c2.parent_id, c3.parent_id))) AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text(NEW.required_documents) AS rq(value) WHERE NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.verified_documents) AS vd(value) WHERE vd.value = rq.value)) AND ua.id = m.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(ua.roles) AS rl(value) WHERE rl.value = 'serviceman'))) AS g(u, s, src);
  ELSIF TG_OP = 'UPDATE' THEN
    IF ROW(OLD."id", OLD."customer_id", OLD."title", OLD."description", OLD."category_id", OLD."zone_id", OLD."lat", OLD."lng", OLD."address", OLD."budget_min", OLD."currency", OLD."budget_max", OLD."desired_start", OLD."desired_end", OLD."state", OLD."accepted_bid_id", OLD."required_documents", OLD."expires_at", OLD."version", OLD."created_at") IS DISTINCT FROM ROW(NEW."id", NEW."customer_id", NEW."title", NEW."description", NEW."category_id", NEW."zone_id", NEW."lat", NEW."lng", NEW."address", NEW."budget_min", NEW."currency", NEW."budget_max", NEW."desired_start", NEW."desired_end", NEW."state", NEW."accepted_bid_id", NEW."required_documents", NEW."expires_at", NEW."version", NEW."created_at") THEN
      IF ROW(OLD."id") IS DISTINCT FROM ROW(NEW."id") THEN
        INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT x, 'jobs', OLD."id"::text, s, 'r', NEW."version", NULL FROM unnest(array_remove(ARRAY['job:' || OLD."id"]::text[], NULL)) AS s WHERE s <> ALL (array_remove(ARRAY['job:' || NEW."id"]::text[], NULL));
      END IF;
      INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT x, 'jobs', NEW."id"::text, s, 'u', NEW."version", json_build_object('id', NEW."id", 'customer_id', NEW."customer_id", 'title', NEW."title", 'description', NEW."description", 'category_id', NEW."category_id", 'zone_id', NEW."zone_id", 'lat', NEW."lat", 'lng', NEW."lng", 'address', NEW."address", 'budget_min', CASE WHEN NEW."budget_min" IS NULL THEN NULL ELSE json_build_object('amount', NEW."budget_min", 'currency', NEW."currency") END, 'budget_max', CASE WHEN NEW."budget_max" IS NULL THEN NULL ELSE json_build_object('amount', NEW."budget_max", 'currency', NEW."currency") END, 'desired_start', sync_ts(NEW."desired_start"), 'desired_end', sync_ts(NEW."desired_end"), 'state', NEW."state", 'accepted_bid_id', NEW."accepted_bid_id", 'required_documents', NEW."required_documents", 'expires_at', sync_ts(NEW."expires_at"), 'version', NEW."version", 'created_at', sync_ts(NEW."created_at"), 'updated_at', sync_ts(NEW."updated_at"))::text FROM unnest(array_remove(ARRAY['job:' || NEW."id"]::text[], NULL)) AS s;
    END IF;
    IF ROW(OLD."customer_id", OLD."id", OLD."zone_id", OLD."state", OLD."category_id", OLD."required_documents") IS DISTINCT FROM ROW(NEW."customer_id", NEW."id", NEW."zone_id", NEW."state", NEW."category_id", NEW."required_documents") THEN
      PERFORM sync_grant_remove(g.u, g.s, g.src) FROM (((SELECT OLD.customer_id, 'job:' || OLD.id, 'customer') UNION ALL (SELECT sz.user_id, 'job:' || OLD.id, 'zone' FROM serviceman_zone sz, serviceman_profile sp, user_account ua WHERE sz.zone_id = OLD.zone_id AND OLD.state = 'open' AND sp.user_id = sz.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.category_ids) AS tr(value) WHERE tr.value = OLD.category_id OR tr.value IN (SELECT kc.id FROM category kc WHERE kc.parent_id = OLD.category_id) OR EXISTS (SELECT 1 FROM category c0 LEFT JOIN category c1 ON c1.id = c0.parent_id LEFT JOIN category c2 ON c2.id = c1.parent_id LEFT JOIN category c3 ON c3.id = c2.parent_id WHERE c0.id = OLD.category_id AND tr.value IN (c0.parent_id, c1.parent_id, c2.parent_id, c3.parent_id))) AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text(OLD.required_documents) AS rq(value) WHERE NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.verified_documents) AS vd(value) WHERE vd.value = rq.value)) AND ua.id = sz.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(ua.roles) AS rl(value) WHERE rl.value = 'serviceman')) UNION ALL (SELECT m.user_id, 'job:' || OLD.id, 'org-zone:' || oz.organisation_id FROM organisation_zone oz, membership m, serviceman_profile sp, user_account ua WHERE oz.zone_id = OLD.zone_id AND OLD.state = 'open' AND m.organisation_id = oz.organisation_id AND m.status = 'accepted' AND sp.user_id = m.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.category_ids) AS tr(value) WHERE tr.value = OLD.category_id OR tr.value IN (SELECT kc.id FROM category kc WHERE kc.parent_id = OLD.category_id) OR EXISTS (SELECT 1 FROM category c0 LEFT JOIN category c1 ON c1.id = c0.parent_id LEFT JOIN category c2 ON c2.id = c1.parent_id LEFT JOIN category c3 ON c3.id = c2.parent_id WHERE c0.id = OLD.category_id AND tr.value IN (c0.parent_id, c1.parent_id, c2.parent_id, c3.parent_id))) AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text(OLD.required_documents) AS rq(value) WHERE NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.verified_documents) AS vd(value) WHERE vd.value = rq.value)) AND ua.id = m.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(ua.roles) AS rl(value) WHERE rl.value = 'serviceman'))) EXCEPT ((SELECT NEW.customer_id, 'job:' || NEW.id, 'customer') UNION ALL (SELECT sz.user_id, 'job:' || NEW.id, 'zone' FROM serviceman_zone sz, serviceman_profile sp, user_account ua WHERE sz.zone_id = NEW.zone_id AND NEW.state = 'open' AND sp.user_id = sz.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.category_ids) AS tr(value) WHERE tr.value = NEW.category_id OR tr.value IN (SELECT kc.id FROM category kc WHERE kc.parent_id = NEW.category_id) OR EXISTS (SELECT 1 FROM category c0 LEFT JOIN category c1 ON c1.id = c0.parent_id LEFT JOIN category c2 ON c2.id = c1.parent_id LEFT JOIN category c3 ON c3.id = c2.parent_id WHERE c0.id = NEW.category_id AND tr.value IN (c0.parent_id, c1.parent_id, c2.parent_id, c3.parent_id))) AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text(NEW.required_documents) AS rq(value) WHERE NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.verified_documents) AS vd(value) WHERE vd.value = rq.value)) AND ua.id = sz.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(ua.roles) AS rl(value) WHERE rl.value = 'serviceman')) UNION ALL (SELECT m.user_id, 'job:' || NEW.id, 'org-zone:' || oz.organisation_id FROM organisation_zone oz, membership m, serviceman_profile sp, user_account ua WHERE oz.zone_id = NEW.zone_id AND NEW.state = 'open' AND m.organisation_id = oz.organisation_id AND m.status = 'accepted' AND sp.user_id = m.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.category_ids) AS tr(value) WHERE tr.value = NEW.category_id OR tr.value IN (SELECT kc.id FROM category kc WHERE kc.parent_id = NEW.category_id) OR EXISTS (SELECT 1 FROM category c0 LEFT JOIN category c1 ON c1.id = c0.parent_id LEFT JOIN category c2 ON c2.id = c1.parent_id LEFT JOIN category c3 ON c3.id = c2.parent_id WHERE c0.id = NEW.category_id AND tr.value IN (c0.parent_id, c1.parent_id, c2.parent_id, c3.parent_id))) AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text(NEW.required_documents) AS rq(value) WHERE NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.verified_documents) AS vd(value) WHERE vd.value = rq.value)) AND ua.id = m.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(ua.roles) AS rl(value) WHERE rl.value = 'serviceman')))) AS g(u, s, src);
      PERFORM sync_grant_add(g.u, g.s, g.src) FROM (((SELECT NEW.customer_id, 'job:' || NEW.id, 'customer') UNION ALL (SELECT sz.user_id, 'job:' || NEW.id, 'zone' FROM serviceman_zone sz, serviceman_profile sp, user_account ua WHERE sz.zone_id = NEW.zone_id AND NEW.state = 'open' AND sp.user_id = sz.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.category_ids) AS tr(value) WHERE tr.value = NEW.category_id OR tr.value IN (SELECT kc.id FROM category kc WHERE kc.parent_id = NEW.category_id) OR EXISTS (SELECT 1 FROM category c0 LEFT JOIN category c1 ON c1.id = c0.parent_id LEFT JOIN category c2 ON c2.id = c1.parent_id LEFT JOIN category c3 ON c3.id = c2.parent_id WHERE c0.id = NEW.category_id AND tr.value IN (c0.parent_id, c1.parent_id, c2.parent_id, c3.parent_id))) AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text(NEW.required_documents) AS rq(value) WHERE NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.verified_documents) AS vd(value) WHERE vd.value = rq.value)) AND ua.id = sz.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(ua.roles) AS rl(value) WHERE rl.value = 'serviceman')) UNION ALL (SELECT m.user_id, 'job:' || NEW.id, 'org-zone:' || oz.organisation_id FROM organisation_zone oz, membership m, serviceman_profile sp, user_account ua WHERE oz.zone_id = NEW.zone_id AND NEW.state = 'open' AND m.organisation_id = oz.organisation_id AND m.status = 'accepted' AND sp.user_id = m.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.category_ids) AS tr(value) WHERE tr.value = NEW.category_id OR tr.value IN (SELECT kc.id FROM category kc WHERE kc.parent_id = NEW.category_id) OR EXISTS (SELECT 1 FROM category c0 LEFT JOIN category c1 ON c1.id = c0.parent_id LEFT JOIN category c2 ON c2.id = c1.parent_id LEFT JOIN category c3 ON c3.id = c2.parent_id WHERE c0.id = NEW.category_id AND tr.value IN (c0.parent_id, c1.parent_id, c2.parent_id, c3.parent_id))) AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text(NEW.required_documents) AS rq(value) WHERE NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.verified_documents) AS vd(value) WHERE vd.value = rq.value)) AND ua.id = m.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(ua.roles) AS rl(value) WHERE rl.value = 'serviceman'))) EXCEPT ((SELECT OLD.customer_id, 'job:' || OLD.id, 'customer') UNION ALL (SELECT sz.user_id, 'job:' || OLD.id, 'zone' FROM serviceman_zone sz, serviceman_profile sp, user_account ua WHERE sz.zone_id = OLD.zone_id AND OLD.state = 'open' AND sp.user_id = sz.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.category_ids) AS tr(value) WHERE tr.value = OLD.category_id OR tr.value IN (SELECT kc.id FROM category kc WHERE kc.parent_id = OLD.category_id) OR EXISTS (SELECT 1 FROM category c0 LEFT JOIN category c1 ON c1.id = c0.parent_id LEFT JOIN category c2 ON c2.id = c1.parent_id LEFT JOIN category c3 ON c3.id = c2.parent_id WHERE c0.id = OLD.category_id AND tr.value IN (c0.parent_id, c1.parent_id, c2.parent_id, c3.parent_id))) AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text(OLD.required_documents) AS rq(value) WHERE NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.verified_documents) AS vd(value) WHERE vd.value = rq.value)) AND ua.id = sz.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(ua.roles) AS rl(value) WHERE rl.value = 'serviceman')) UNION ALL (SELECT m.user_id, 'job:' || OLD.id, 'org-zone:' || oz.organisation_id FROM organisation_zone oz, membership m, serviceman_profile sp, user_account ua WHERE oz.zone_id = OLD.zone_id AND OLD.state = 'open' AND m.organisation_id = oz.organisation_id AND m.status = 'accepted' AND sp.user_id = m.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.category_ids) AS tr(value) WHERE tr.value = OLD.category_id OR tr.value IN (SELECT kc.id FROM category kc WHERE kc.parent_id = OLD.category_id) OR EXISTS (SELECT 1 FROM category c0 LEFT JOIN category c1 ON c1.id = c0.parent_id LEFT JOIN category c2 ON c2.id = c1.parent_id LEFT JOIN category c3 ON c3.id = c2.parent_id WHERE c0.id = OLD.category_id AND tr.value IN (c0.parent_id, c1.parent_id, c2.parent_id, c3.parent_id))) AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text(OLD.required_documents) AS rq(value) WHERE NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.verified_documents) AS vd(value) WHERE vd.value = rq.value)) AND ua.id = m.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(ua.roles) AS rl(value) WHERE rl.value = 'serviceman')))) AS g(u, s, src);
    END IF;
  ELSE
    INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT x, 'jobs', OLD."id"::text, s, 'd', OLD."version" + 1, NULL FROM unnest(array_remove(ARRAY['job:' || OLD."id"]::text[], NULL)) AS s;
    PERFORM sync_grant_remove(g.u, g.s, g.src) FROM ((SELECT OLD.customer_id, 'job:' || OLD.id, 'customer') UNION ALL (SELECT sz.user_id, 'job:' || OLD.id, 'zone' FROM serviceman_zone sz, serviceman_profile sp, user_account ua WHERE sz.zone_id = OLD.zone_id AND OLD.state = 'open' AND sp.user_id = sz.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.category_ids) AS tr(value) WHERE tr.value = OLD.category_id OR tr.value IN (SELECT kc.id FROM category kc WHERE kc.parent_id = OLD.category_id) OR EXISTS (SELECT 1 FROM category c0 LEFT JOIN category c1 ON c1.id = c0.parent_id LEFT JOIN category c2 ON c2.id = c1.parent_id LEFT JOIN category c3 ON c3.id = c2.parent_id WHERE c0.id = OLD.category_id AND tr.value IN (c0.parent_id, c1.parent_id, c2.parent_id, c3.parent_id))) AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text(OLD.required_documents) AS rq(value) WHERE NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.verified_documents) AS vd(value) WHERE vd.value = rq.value)) AND ua.id = sz.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(ua.roles) AS rl(value) WHERE rl.value = 'serviceman')) UNION ALL (SELECT m.user_id, 'job:' || OLD.id, 'org-zone:' || oz.organisation_id FROM organisation_zone oz, membership m, serviceman_profile sp, user_account ua WHERE oz.zone_id = OLD.zone_id AND OLD.state = 'open' AND m.organisation_id = oz.organisation_id AND m.status = 'accepted' AND sp.user_id = m.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.category_ids) AS tr(value) WHERE tr.value = OLD.category_id OR tr.value IN (SELECT kc.id FROM category kc WHERE kc.parent_id = OLD.category_id) OR EXISTS (SELECT 1 FROM category c0 LEFT JOIN category c1 ON c1.id = c0.parent_id LEFT JOIN category c2 ON c2.id = c1.parent_id LEFT JOIN category c3 ON c3.id = c2.parent_id WHERE c0.id = OLD.category_id AND tr.value IN (c0.parent_id, c1.parent_id, c2.parent_id, c3.parent_id))) AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text(OLD.required_documents) AS rq(value) WHERE NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.verified_documents) AS vd(value) WHERE vd.value = rq.value)) AND ua.id = m.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(ua.roles) AS rl(value) WHERE rl.value = 'serviceman'))) AS g(u, s, src);
  END IF;
  RETURN NULL;
END
$fn$;
DROP TRIGGER IF EXISTS sync_capture ON "job";
CREATE TRIGGER sync_capture AFTER INSERT OR UPDATE OR DELETE ON "job"
  FOR EACH ROW EXECUTE FUNCTION sync_capture_job();

CREATE OR REPLACE FUNCTION sync_version_bid() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF NEW."version" <= OLD."version" AND ROW(OLD."id", OLD."job_id", OLD."serviceman_id", OLD."amount", OLD."currency", OLD."message", OLD."proposed_start", OLD."state", OLD."created_at") IS DISTINCT FROM ROW(NEW."id", NEW."job_id", NEW."serviceman_id", NEW."amount", NEW."currency", NEW."message", NEW."proposed_start", NEW."state", NEW."created_at") THEN
    NEW."version" := OLD."version" + 1;
  END IF;
  RETURN NEW;
END
$fn$;
DROP TRIGGER IF EXISTS sync_version ON "bid";
CREATE TRIGGER sync_version BEFORE UPDATE ON "bid" FOR EACH ROW EXECUTE FUNCTION sync_version_bid();

CREATE OR REPLACE FUNCTION sync_capture_bid() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  x bigint := pg_current_xact_id()::text::bigint;
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT x, 'bids', NEW."id"::text, s, 'u', NEW."version", json_build_object('id', NEW."id", 'job_id', NEW."job_id", 'serviceman_id', NEW."serviceman_id", 'amount', CASE WHEN NEW."amount" IS NULL THEN NULL ELSE json_build_object('amount', NEW."amount", 'currency', NEW."currency") END, 'message', NEW."message", 'proposed_start', sync_ts(NEW."proposed_start"), 'state', NEW."state", 'version', NEW."version", 'created_at', sync_ts(NEW."created_at"), 'updated_at', sync_ts(NEW."updated_at"))::text FROM unnest(array_remove(ARRAY['bid:' || NEW."id"]::text[], NULL)) AS s;
    PERFORM sync_grant_add(g.u, g.s, g.src) FROM ((SELECT NEW.serviceman_id, 'job:' || NEW.job_id, 'bidder') UNION ALL (SELECT NEW.serviceman_id, 'bid:' || NEW.id, 'bidder') UNION ALL (SELECT j.customer_id, 'bid:' || NEW.id, 'customer' FROM job j WHERE j.id = NEW.job_id)) AS g(u, s, src);
  ELSIF TG_OP = 'UPDATE' THEN
    IF ROW(OLD."id", OLD."job_id", OLD."serviceman_id", OLD."amount", OLD."currency", OLD."message", OLD."proposed_start", OLD."state", OLD."version", OLD."created_at") IS DISTINCT FROM ROW(NEW."id", NEW."job_id", NEW."serviceman_id", NEW."amount", NEW."currency", NEW."message", NEW."proposed_start", NEW."state", NEW."version", NEW."created_at") THEN
      IF ROW(OLD."id") IS DISTINCT FROM ROW(NEW."id") THEN
        INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT x, 'bids', OLD."id"::text, s, 'r', NEW."version", NULL FROM unnest(array_remove(ARRAY['bid:' || OLD."id"]::text[], NULL)) AS s WHERE s <> ALL (array_remove(ARRAY['bid:' || NEW."id"]::text[], NULL));
      END IF;
      INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT x, 'bids', NEW."id"::text, s, 'u', NEW."version", json_build_object('id', NEW."id", 'job_id', NEW."job_id", 'serviceman_id', NEW."serviceman_id", 'amount', CASE WHEN NEW."amount" IS NULL THEN NULL ELSE json_build_object('amount', NEW."amount", 'currency', NEW."currency") END, 'message', NEW."message", 'proposed_start', sync_ts(NEW."proposed_start"), 'state', NEW."state", 'version', NEW."version", 'created_at', sync_ts(NEW."created_at"), 'updated_at', sync_ts(NEW."updated_at"))::text FROM unnest(array_remove(ARRAY['bid:' || NEW."id"]::text[], NULL)) AS s;
    END IF;
    IF ROW(OLD."serviceman_id", OLD."job_id") IS DISTINCT FROM ROW(NEW."serviceman_id", NEW."job_id") THEN
      PERFORM sync_grant_remove(g.u, g.s, g.src) FROM (((SELECT OLD.serviceman_id, 'job:' || OLD.job_id, 'bidder') UNION ALL (SELECT OLD.serviceman_id, 'bid:' || OLD.id, 'bidder') UNION ALL (SELECT j.customer_id, 'bid:' || OLD.id, 'customer' FROM job j WHERE j.id = OLD.job_id)) EXCEPT ((SELECT NEW.serviceman_id, 'job:' || NEW.job_id, 'bidder') UNION ALL (SELECT NEW.serviceman_id, 'bid:' || NEW.id, 'bidder') UNION ALL (SELECT j.customer_id, 'bid:' || NEW.id, 'customer' FROM job j WHERE j.id = NEW.job_id))) AS g(u, s, src);
      PERFORM sync_grant_add(g.u, g.s, g.src) FROM (((SELECT NEW.serviceman_id, 'job:' || NEW.job_id, 'bidder') UNION ALL (SELECT NEW.serviceman_id, 'bid:' || NEW.id, 'bidder') UNION ALL (SELECT j.customer_id, 'bid:' || NEW.id, 'customer' FROM job j WHERE j.id = NEW.job_id)) EXCEPT ((SELECT OLD.serviceman_id, 'job:' || OLD.job_id, 'bidder') UNION ALL (SELECT OLD.serviceman_id, 'bid:' || OLD.id, 'bidder') UNION ALL (SELECT j.customer_id, 'bid:' || OLD.id, 'customer' FROM job j WHERE j.id = OLD.job_id))) AS g(u, s, src);
    END IF;
  ELSE
    INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT x, 'bids', OLD."id"::text, s, 'd', OLD."version" + 1, NULL FROM unnest(array_remove(ARRAY['bid:' || OLD."id"]::text[], NULL)) AS s;
    PERFORM sync_grant_remove(g.u, g.s, g.src) FROM ((SELECT OLD.serviceman_id, 'job:' || OLD.job_id, 'bidder') UNION ALL (SELECT OLD.serviceman_id, 'bid:' || OLD.id, 'bidder') UNION ALL (SELECT j.customer_id, 'bid:' || OLD.id, 'customer' FROM job j WHERE j.id = OLD.job_id)) AS g(u, s, src);
  END IF;
  RETURN NULL;
END
$fn$;
DROP TRIGGER IF EXISTS sync_capture ON "bid";
CREATE TRIGGER sync_capture AFTER INSERT OR UPDATE OR DELETE ON "bid"
  FOR EACH ROW EXECUTE FUNCTION sync_capture_bid();

CREATE OR REPLACE FUNCTION sync_version_job_comment() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF NEW."version" <= OLD."version" AND ROW(OLD."id", OLD."job_id", OLD."bid_id", OLD."author_id", OLD."body", OLD."created_at") IS DISTINCT FROM ROW(NEW."id", NEW."job_id", NEW."bid_id", NEW."author_id", NEW."body", NEW."created_at") THEN
    NEW."version" := OLD."version" + 1;
  END IF;
  RETURN NEW;
END
$fn$;
DROP TRIGGER IF EXISTS sync_version ON "job_comment";
CREATE TRIGGER sync_version BEFORE UPDATE ON "job_comment" FOR EACH ROW EXECUTE FUNCTION sync_version_job_comment();

CREATE OR REPLACE FUNCTION sync_capture_job_comment() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  x bigint := pg_current_xact_id()::text::bigint;
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT x, 'job_comments', NEW."id"::text, s, 'u', NEW."version", json_build_object('id', NEW."id", 'job_id', NEW."job_id", 'bid_id', NEW."bid_id", 'author_id', NEW."author_id", 'body', NEW."body", 'version', NEW."version", 'created_at', sync_ts(NEW."created_at"))::text FROM unnest(array_remove(ARRAY[CASE WHEN NEW.bid_id IS NULL THEN 'job:' || NEW.job_id END, CASE WHEN NEW.bid_id IS NOT NULL THEN 'bid:' || NEW.bid_id END]::text[], NULL)) AS s;
  ELSIF TG_OP = 'UPDATE' THEN
    IF ROW(OLD."id", OLD."job_id", OLD."bid_id", OLD."author_id", OLD."body", OLD."version", OLD."created_at") IS DISTINCT FROM ROW(NEW."id", NEW."job_id", NEW."bid_id", NEW."author_id", NEW."body", NEW."version", NEW."created_at") THEN
      IF ROW(OLD."bid_id", OLD."job_id") IS DISTINCT FROM ROW(NEW."bid_id", NEW."job_id") THEN
        INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT x, 'job_comments', OLD."id"::text, s, 'r', NEW."version", NULL FROM unnest(array_remove(ARRAY[CASE WHEN OLD.bid_id IS NULL THEN 'job:' || OLD.job_id END, CASE WHEN OLD.bid_id IS NOT NULL THEN 'bid:' || OLD.bid_id END]::text[], NULL)) AS s WHERE s <> ALL (array_remove(ARRAY[CASE WHEN NEW.bid_id IS NULL THEN 'job:' || NEW.job_id END, CASE WHEN NEW.bid_id IS NOT NULL THEN 'bid:' || NEW.bid_id END]::text[], NULL));
      END IF;
      INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT x, 'job_comments', NEW."id"::text, s, 'u', NEW."version", json_build_object('id', NEW."id", 'job_id', NEW."job_id", 'bid_id', NEW."bid_id", 'author_id', NEW."author_id", 'body', NEW."body", 'version', NEW."version", 'created_at', sync_ts(NEW."created_at"))::text FROM unnest(array_remove(ARRAY[CASE WHEN NEW.bid_id IS NULL THEN 'job:' || NEW.job_id END, CASE WHEN NEW.bid_id IS NOT NULL THEN 'bid:' || NEW.bid_id END]::text[], NULL)) AS s;
    END IF;
  ELSE
    INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT x, 'job_comments', OLD."id"::text, s, 'd', OLD."version" + 1, NULL FROM unnest(array_remove(ARRAY[CASE WHEN OLD.bid_id IS NULL THEN 'job:' || OLD.job_id END, CASE WHEN OLD.bid_id IS NOT NULL THEN 'bid:' || OLD.bid_id END]::text[], NULL)) AS s;
  END IF;
  RETURN NULL;
END
$fn$;
DROP TRIGGER IF EXISTS sync_capture ON "job_comment";
CREATE TRIGGER sync_capture AFTER INSERT OR UPDATE OR DELETE ON "job_comment"
  FOR EACH ROW EXECUTE FUNCTION sync_capture_job_comment();

CREATE OR REPLACE FUNCTION sync_version_review() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF NEW."version" <= OLD."version" AND ROW(OLD."id", OLD."booking_id", OLD."author_id", OLD."subject_id", OLD."rating", OLD."text", OLD."hidden", OLD."reported_at", OLD."created_at") IS DISTINCT FROM ROW(NEW."id", NEW."booking_id", NEW."author_id", NEW."subject_id", NEW."rating", NEW."text", NEW."hidden", NEW."reported_at", NEW."created_at") THEN
    NEW."version" := OLD."version" + 1;
  END IF;
  RETURN NEW;
END
$fn$;
DROP TRIGGER IF EXISTS sync_version ON "review";
CREATE TRIGGER sync_version BEFORE UPDATE ON "review" FOR EACH ROW EXECUTE FUNCTION sync_version_review();

CREATE OR REPLACE FUNCTION sync_capture_review() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  x bigint := pg_current_xact_id()::text::bigint;
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT x, 'reviews', NEW."id"::text, s, 'u', NEW."version", json_build_object('id', NEW."id", 'booking_id', NEW."booking_id", 'author_id', NEW."author_id", 'subject_id', NEW."subject_id", 'rating', NEW."rating", 'text', CASE WHEN NEW."hidden" THEN NULL ELSE NEW."text" END, 'hidden', NEW."hidden", 'reported', NEW.reported_at IS NOT NULL, 'version', NEW."version", 'created_at', sync_ts(NEW."created_at"))::text FROM unnest(array_remove(ARRAY['booking:' || NEW."booking_id", (SELECT 'org-bookings:' || p."organisation_id" FROM "booking" AS p WHERE p.id = NEW."booking_id"), 'user:' || NEW."subject_id"]::text[], NULL)) AS s;
  ELSIF TG_OP = 'UPDATE' THEN
    IF ROW(OLD."id", OLD."booking_id", OLD."author_id", OLD."subject_id", OLD."rating", OLD."text", OLD."hidden", OLD."reported_at", OLD."version", OLD."created_at") IS DISTINCT FROM ROW(NEW."id", NEW."booking_id", NEW."author_id", NEW."subject_id", NEW."rating", NEW."text", NEW."hidden", NEW."reported_at", NEW."version", NEW."created_at") THEN
      IF ROW(OLD."booking_id", OLD."subject_id") IS DISTINCT FROM ROW(NEW."booking_id", NEW."subject_id") THEN
        INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT x, 'reviews', OLD."id"::text, s, 'r', NEW."version", NULL FROM unnest(array_remove(ARRAY['booking:' || OLD."booking_id", (SELECT 'org-bookings:' || p."organisation_id" FROM "booking" AS p WHERE p.id = OLD."booking_id"), 'user:' || OLD."subject_id"]::text[], NULL)) AS s WHERE s <> ALL (array_remove(ARRAY['booking:' || NEW."booking_id", (SELECT 'org-bookings:' || p."organisation_id" FROM "booking" AS p WHERE p.id = NEW."booking_id"), 'user:' || NEW."subject_id"]::text[], NULL));
      END IF;
      INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT x, 'reviews', NEW."id"::text, s, 'u', NEW."version", json_build_object('id', NEW."id", 'booking_id', NEW."booking_id", 'author_id', NEW."author_id", 'subject_id', NEW."subject_id", 'rating', NEW."rating", 'text', CASE WHEN NEW."hidden" THEN NULL ELSE NEW."text" END, 'hidden', NEW."hidden", 'reported', NEW.reported_at IS NOT NULL, 'version', NEW."version", 'created_at', sync_ts(NEW."created_at"))::text FROM unnest(array_remove(ARRAY['booking:' || NEW."booking_id", (SELECT 'org-bookings:' || p."organisation_id" FROM "booking" AS p WHERE p.id = NEW."booking_id"), 'user:' || NEW."subject_id"]::text[], NULL)) AS s;
    END IF;
  ELSE
    INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT x, 'reviews', OLD."id"::text, s, 'd', OLD."version" + 1, NULL FROM unnest(array_remove(ARRAY['booking:' || OLD."booking_id", (SELECT 'org-bookings:' || p."organisation_id" FROM "booking" AS p WHERE p.id = OLD."booking_id"), 'user:' || OLD."subject_id"]::text[], NULL)) AS s;
  END IF;
  RETURN NULL;
END
$fn$;
DROP TRIGGER IF EXISTS sync_capture ON "review";
CREATE TRIGGER sync_capture AFTER INSERT OR UPDATE OR DELETE ON "review"
  FOR EACH ROW EXECUTE FUNCTION sync_capture_review();

CREATE OR REPLACE FUNCTION sync_version_conversation() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF NEW."version" <= OLD."version" AND ROW(OLD."id", OLD."kind", OLD."booking_id", OLD."job_id", OLD."subject_user_id", OLD."last_seq", OLD."last_message_at", OLD."created_at") IS DISTINCT FROM ROW(NEW."id", NEW."kind", NEW."booking_id", NEW."job_id", NEW."subject_user_id", NEW."last_seq", NEW."last_message_at", NEW."created_at") THEN
    NEW."version" := OLD."version" + 1;
  END IF;
  RETURN NEW;
END
$fn$;
DROP TRIGGER IF EXISTS sync_version ON "conversation";
CREATE TRIGGER sync_version BEFORE UPDATE ON "conversation" FOR EACH ROW EXECUTE FUNCTION sync_version_conversation();

CREATE OR REPLACE FUNCTION sync_capture_conversation() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  x bigint := pg_current_xact_id()::text::bigint;
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT x, 'conversations', NEW."id"::text, s, 'u', NEW."version", json_build_object('id', NEW."id", 'kind', NEW."kind", 'booking_id', NEW."booking_id", 'job_id', NEW."job_id", 'subject_user_id', NEW."subject_user_id", 'last_seq', NEW."last_seq", 'last_message_at', sync_ts(NEW."last_message_at"), 'version', NEW."version", 'created_at', sync_ts(NEW."created_at"), 'updated_at', sync_ts(NEW."updated_at"))::text FROM unnest(array_remove(ARRAY['conversation:' || NEW."id"]::text[], NULL)) AS s;
  ELSIF TG_OP = 'UPDATE' THEN
    IF ROW(OLD."id", OLD."kind", OLD."booking_id", OLD."job_id", OLD."subject_user_id", OLD."last_seq", OLD."last_message_at", OLD."version", OLD."created_at") IS DISTINCT FROM ROW(NEW."id", NEW."kind", NEW."booking_id", NEW."job_id", NEW."subject_user_id", NEW."last_seq", NEW."last_message_at", NEW."version", NEW."created_at") THEN
      IF ROW(OLD."id") IS DISTINCT FROM ROW(NEW."id") THEN
        INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT x, 'conversations', OLD."id"::text, s, 'r', NEW."version", NULL FROM unnest(array_remove(ARRAY['conversation:' || OLD."id"]::text[], NULL)) AS s WHERE s <> ALL (array_remove(ARRAY['conversation:' || NEW."id"]::text[], NULL));
      END IF;
      INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT x, 'conversations', NEW."id"::text, s, 'u', NEW."version", json_build_object('id', NEW."id", 'kind', NEW."kind", 'booking_id', NEW."booking_id", 'job_id', NEW."job_id", 'subject_user_id', NEW."subject_user_id", 'last_seq', NEW."last_seq", 'last_message_at', sync_ts(NEW."last_message_at"), 'version', NEW."version", 'created_at', sync_ts(NEW."created_at"), 'updated_at', sync_ts(NEW."updated_at"))::text FROM unnest(array_remove(ARRAY['conversation:' || NEW."id"]::text[], NULL)) AS s;
    END IF;
  ELSE
    INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT x, 'conversations', OLD."id"::text, s, 'd', OLD."version" + 1, NULL FROM unnest(array_remove(ARRAY['conversation:' || OLD."id"]::text[], NULL)) AS s;
  END IF;
  RETURN NULL;
END
$fn$;
DROP TRIGGER IF EXISTS sync_capture ON "conversation";
CREATE TRIGGER sync_capture AFTER INSERT OR UPDATE OR DELETE ON "conversation"
  FOR EACH ROW EXECUTE FUNCTION sync_capture_conversation();

CREATE OR REPLACE FUNCTION sync_capture_message() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  x bigint := pg_current_xact_id()::text::bigint;
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT x, 'messages', NEW."id"::text, s, 'u', nextval('sync_version_seq'), json_build_object('id', NEW."id", 'conversation_id', NEW."conversation_id", 'seq', NEW."seq", 'sender_id', NEW."sender_id", 'body', NEW."body", 'client_msg_id', NEW."client_msg_id", 'attachments', NEW."attachments", 'flagged', NEW."flagged", 'flag_reasons', NEW."flag_reasons", 'created_at', sync_ts(NEW."created_at"))::text FROM unnest(array_remove(ARRAY['conversation:' || NEW."conversation_id"]::text[], NULL)) AS s;
  ELSIF TG_OP = 'UPDATE' THEN
    IF ROW(OLD."id", OLD."conversation_id", OLD."seq", OLD."sender_id", OLD."body", OLD."client_msg_id", OLD."attachments", OLD."flagged", OLD."flag_reasons", OLD."created_at") IS DISTINCT FROM ROW(NEW."id", NEW."conversation_id", NEW."seq", NEW."sender_id", NEW."body", NEW."client_msg_id", NEW."attachments", NEW."flagged", NEW."flag_reasons", NEW."created_at") THEN
      IF ROW(OLD."conversation_id") IS DISTINCT FROM ROW(NEW."conversation_id") THEN
        INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT x, 'messages', OLD."id"::text, s, 'r', nextval('sync_version_seq'), NULL FROM unnest(array_remove(ARRAY['conversation:' || OLD."conversation_id"]::text[], NULL)) AS s WHERE s <> ALL (array_remove(ARRAY['conversation:' || NEW."conversation_id"]::text[], NULL));
      END IF;
      INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT x, 'messages', NEW."id"::text, s, 'u', nextval('sync_version_seq'), json_build_object('id', NEW."id", 'conversation_id', NEW."conversation_id", 'seq', NEW."seq", 'sender_id', NEW."sender_id", 'body', NEW."body", 'client_msg_id', NEW."client_msg_id", 'attachments', NEW."attachments", 'flagged', NEW."flagged", 'flag_reasons', NEW."flag_reasons", 'created_at', sync_ts(NEW."created_at"))::text FROM unnest(array_remove(ARRAY['conversation:' || NEW."conversation_id"]::text[], NULL)) AS s;
    END IF;
  ELSE
    INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT x, 'messages', OLD."id"::text, s, 'd', nextval('sync_version_seq'), NULL FROM unnest(array_remove(ARRAY['conversation:' || OLD."conversation_id"]::text[], NULL)) AS s;
  END IF;
  RETURN NULL;
END
$fn$;
DROP TRIGGER IF EXISTS sync_capture ON "message";
CREATE TRIGGER sync_capture AFTER INSERT OR UPDATE OR DELETE ON "message"
  FOR EACH ROW EXECUTE FUNCTION sync_capture_message();

CREATE OR REPLACE FUNCTION sync_version_conversation_participant() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF NEW."version" <= OLD."version" AND ROW(OLD."id", OLD."conversation_id", OLD."user_id", OLD."role", OLD."last_read_seq", OLD."joined_at", OLD."left_at") IS DISTINCT FROM ROW(NEW."id", NEW."conversation_id", NEW."user_id", NEW."role", NEW."last_read_seq", NEW."joined_at", NEW."left_at") THEN
    NEW."version" := OLD."version" + 1;
  END IF;
  RETURN NEW;
END
$fn$;
DROP TRIGGER IF EXISTS sync_version ON "conversation_participant";
CREATE TRIGGER sync_version BEFORE UPDATE ON "conversation_participant" FOR EACH ROW EXECUTE FUNCTION sync_version_conversation_participant();

CREATE OR REPLACE FUNCTION sync_capture_conversation_participant() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  x bigint := pg_current_xact_id()::text::bigint;
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT x, 'read_states', NEW."id"::text, s, 'u', NEW."version", json_build_object('id', NEW."id", 'conversation_id', NEW."conversation_id", 'user_id', NEW."user_id", 'role', NEW."role", 'last_read_seq', NEW."last_read_seq", 'joined_at', sync_ts(NEW."joined_at"), 'left_at', sync_ts(NEW."left_at"), 'version', NEW."version")::text FROM unnest(array_remove(ARRAY['conversation:' || NEW."conversation_id"]::text[], NULL)) AS s;
    PERFORM sync_grant_add(g.u, g.s, g.src) FROM ((SELECT NEW.user_id, 'conversation:' || NEW.conversation_id, 'participant' WHERE NEW.left_at IS NULL)) AS g(u, s, src);
  ELSIF TG_OP = 'UPDATE' THEN
    IF ROW(OLD."id", OLD."conversation_id", OLD."user_id", OLD."role", OLD."last_read_seq", OLD."joined_at", OLD."left_at", OLD."version") IS DISTINCT FROM ROW(NEW."id", NEW."conversation_id", NEW."user_id", NEW."role", NEW."last_read_seq", NEW."joined_at", NEW."left_at", NEW."version") THEN
      IF ROW(OLD."conversation_id") IS DISTINCT FROM ROW(NEW."conversation_id") THEN
        INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT x, 'read_states', OLD."id"::text, s, 'r', NEW."version", NULL FROM unnest(array_remove(ARRAY['conversation:' || OLD."conversation_id"]::text[], NULL)) AS s WHERE s <> ALL (array_remove(ARRAY['conversation:' || NEW."conversation_id"]::text[], NULL));
      END IF;
      INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT x, 'read_states', NEW."id"::text, s, 'u', NEW."version", json_build_object('id', NEW."id", 'conversation_id', NEW."conversation_id", 'user_id', NEW."user_id", 'role', NEW."role", 'last_read_seq', NEW."last_read_seq", 'joined_at', sync_ts(NEW."joined_at"), 'left_at', sync_ts(NEW."left_at"), 'version', NEW."version")::text FROM unnest(array_remove(ARRAY['conversation:' || NEW."conversation_id"]::text[], NULL)) AS s;
    END IF;
    IF ROW(OLD."user_id", OLD."conversation_id", OLD."left_at") IS DISTINCT FROM ROW(NEW."user_id", NEW."conversation_id", NEW."left_at") THEN
      PERFORM sync_grant_remove(g.u, g.s, g.src) FROM (((SELECT OLD.user_id, 'conversation:' || OLD.conversation_id, 'participant' WHERE OLD.left_at IS NULL)) EXCEPT ((SELECT NEW.user_id, 'conversation:' || NEW.conversation_id, 'participant' WHERE NEW.left_at IS NULL))) AS g(u, s, src);
      PERFORM sync_grant_add(g.u, g.s, g.src) FROM (((SELECT NEW.user_id, 'conversation:' || NEW.conversation_id, 'participant' WHERE NEW.left_at IS NULL)) EXCEPT ((SELECT OLD.user_id, 'conversation:' || OLD.conversation_id, 'participant' WHERE OLD.left_at IS NULL))) AS g(u, s, src);
    END IF;
  ELSE
    INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT x, 'read_states', OLD."id"::text, s, 'd', OLD."version" + 1, NULL FROM unnest(array_remove(ARRAY['conversation:' || OLD."conversation_id"]::text[], NULL)) AS s;
    PERFORM sync_grant_remove(g.u, g.s, g.src) FROM ((SELECT OLD.user_id, 'conversation:' || OLD.conversation_id, 'participant' WHERE OLD.left_at IS NULL)) AS g(u, s, src);
  END IF;
  RETURN NULL;
END
$fn$;
DROP TRIGGER IF EXISTS sync_capture ON "conversation_participant";
CREATE TRIGGER sync_capture AFTER INSERT OR UPDATE OR DELETE ON "conversation_participant"
  FOR EACH ROW EXECUTE FUNCTION sync_capture_conversation_participant();

CREATE OR REPLACE FUNCTION sync_version_notification() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF NEW."version" <= OLD."version" AND ROW(OLD."id", OLD."kind", OLD."category", OLD."title", OLD."body", OLD."entity_type", OLD."entity_id", OLD."collapse_key", OLD."count", OLD."data", OLD."read_at", OLD."dismissed_at", OLD."created_at", OLD."user_id") IS DISTINCT FROM ROW(NEW."id", NEW."kind", NEW."category", NEW."title", NEW."body", NEW."entity_type", NEW."entity_id", NEW."collapse_key", NEW."count", NEW."data", NEW."read_at", NEW."dismissed_at", NEW."created_at", NEW."user_id") THEN
    NEW."version" := OLD."version" + 1;
  END IF;
  RETURN NEW;
END
$fn$;
DROP TRIGGER IF EXISTS sync_version ON "notification";
CREATE TRIGGER sync_version BEFORE UPDATE ON "notification" FOR EACH ROW EXECUTE FUNCTION sync_version_notification();

CREATE OR REPLACE FUNCTION sync_capture_notification() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  x bigint := pg_current_xact_id()::text::bigint;
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT x, 'notifications', NEW."id"::text, s, 'u', NEW."version", json_build_object('id', NEW."id", 'kind', NEW."kind", 'category', NEW."category", 'title', NEW."title", 'body', NEW."body", 'entity_type', NEW."entity_type", 'entity_id', NEW."entity_id", 'collapse_key', NEW."collapse_key", 'count', NEW."count", 'data', NEW."data", 'version', NEW."version", 'read_at', sync_ts(NEW."read_at"), 'dismissed_at', sync_ts(NEW."dismissed_at"), 'created_at', sync_ts(NEW."created_at"), 'updated_at', sync_ts(NEW."updated_at"))::text FROM unnest(array_remove(ARRAY['user:' || NEW."user_id"]::text[], NULL)) AS s;
  ELSIF TG_OP = 'UPDATE' THEN
    IF ROW(OLD."id", OLD."kind", OLD."category", OLD."title", OLD."body", OLD."entity_type", OLD."entity_id", OLD."collapse_key", OLD."count", OLD."data", OLD."version", OLD."read_at", OLD."dismissed_at", OLD."created_at", OLD."user_id") IS DISTINCT FROM ROW(NEW."id", NEW."kind", NEW."category", NEW."title", NEW."body", NEW."entity_type", NEW."entity_id", NEW."collapse_key", NEW."count", NEW."data", NEW."version", NEW."read_at", NEW."dismissed_at", NEW."created_at", NEW."user_id") THEN
      IF ROW(OLD."user_id") IS DISTINCT FROM ROW(NEW."user_id") THEN
        INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT x, 'notifications', OLD."id"::text, s, 'r', NEW."version", NULL FROM unnest(array_remove(ARRAY['user:' || OLD."user_id"]::text[], NULL)) AS s WHERE s <> ALL (array_remove(ARRAY['user:' || NEW."user_id"]::text[], NULL));
      END IF;
      INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT x, 'notifications', NEW."id"::text, s, 'u', NEW."version", json_build_object('id', NEW."id", 'kind', NEW."kind", 'category', NEW."category", 'title', NEW."title", 'body', NEW."body", 'entity_type', NEW."entity_type", 'entity_id', NEW."entity_id", 'collapse_key', NEW."collapse_key", 'count', NEW."count", 'data', NEW."data", 'version', NEW."version", 'read_at', sync_ts(NEW."read_at"), 'dismissed_at', sync_ts(NEW."dismissed_at"), 'created_at', sync_ts(NEW."created_at"), 'updated_at', sync_ts(NEW."updated_at"))::text FROM unnest(array_remove(ARRAY['user:' || NEW."user_id"]::text[], NULL)) AS s;
    END IF;
  ELSE
    INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT x, 'notifications', OLD."id"::text, s, 'd', OLD."version" + 1, NULL FROM unnest(array_remove(ARRAY['user:' || OLD."user_id"]::text[], NULL)) AS s;
  END IF;
  RETURN NULL;
END
$fn$;
DROP TRIGGER IF EXISTS sync_capture ON "notification";
CREATE TRIGGER sync_capture AFTER INSERT OR UPDATE OR DELETE ON "notification"
  FOR EACH ROW EXECUTE FUNCTION sync_capture_notification();

CREATE OR REPLACE FUNCTION sync_version_device() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF NEW."version" <= OLD."version" AND ROW(OLD."id", OLD."token", OLD."platform", OLD."app", OLD."locale", OLD."last_seen_at", OLD."created_at", OLD."user_id") IS DISTINCT FROM ROW(NEW."id", NEW."token", NEW."platform", NEW."app", NEW."locale", NEW."last_seen_at", NEW."created_at", NEW."user_id") THEN
    NEW."version" := OLD."version" + 1;
  END IF;
  RETURN NEW;
END
$fn$;
DROP TRIGGER IF EXISTS sync_version ON "device";
CREATE TRIGGER sync_version BEFORE UPDATE ON "device" FOR EACH ROW EXECUTE FUNCTION sync_version_device();

CREATE OR REPLACE FUNCTION sync_capture_device() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  x bigint := pg_current_xact_id()::text::bigint;
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT x, 'devices', NEW."id"::text, s, 'u', NEW."version", json_build_object('id', NEW."id", 'token', NEW."token", 'platform', NEW."platform", 'app', NEW."app", 'locale', NEW."locale", 'version', NEW."version", 'last_seen_at', sync_ts(NEW."last_seen_at"), 'created_at', sync_ts(NEW."created_at"))::text FROM unnest(array_remove(ARRAY['user:' || NEW."user_id"]::text[], NULL)) AS s;
  ELSIF TG_OP = 'UPDATE' THEN
    IF ROW(OLD."id", OLD."token", OLD."platform", OLD."app", OLD."locale", OLD."version", OLD."last_seen_at", OLD."created_at", OLD."user_id") IS DISTINCT FROM ROW(NEW."id", NEW."token", NEW."platform", NEW."app", NEW."locale", NEW."version", NEW."last_seen_at", NEW."created_at", NEW."user_id") THEN
      IF ROW(OLD."user_id") IS DISTINCT FROM ROW(NEW."user_id") THEN
        INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT x, 'devices', OLD."id"::text, s, 'r', NEW."version", NULL FROM unnest(array_remove(ARRAY['user:' || OLD."user_id"]::text[], NULL)) AS s WHERE s <> ALL (array_remove(ARRAY['user:' || NEW."user_id"]::text[], NULL));
      END IF;
      INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT x, 'devices', NEW."id"::text, s, 'u', NEW."version", json_build_object('id', NEW."id", 'token', NEW."token", 'platform', NEW."platform", 'app', NEW."app", 'locale', NEW."locale", 'version', NEW."version", 'last_seen_at', sync_ts(NEW."last_seen_at"), 'created_at', sync_ts(NEW."created_at"))::text FROM unnest(array_remove(ARRAY['user:' || NEW."user_id"]::text[], NULL)) AS s;
    END IF;
  ELSE
    INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT x, 'devices', OLD."id"::text, s, 'd', OLD."version" + 1, NULL FROM unnest(array_remove(ARRAY['user:' || OLD."user_id"]::text[], NULL)) AS s;
  END IF;
  RETURN NULL;
END
$fn$;
DROP TRIGGER IF EXISTS sync_capture ON "device";
CREATE TRIGGER sync_capture AFTER INSERT OR UPDATE OR DELETE ON "device"
  FOR EACH ROW EXECUTE FUNCTION sync_capture_device();

CREATE OR REPLACE FUNCTION sync_version_feed_item() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF NEW."version" <= OLD."version" AND ROW(OLD."id", OLD."kind", OLD."entity_type", OLD."entity_id", OLD."zone_id", OLD."category_id", OLD."amount", OLD."currency", OLD."summary", OLD."rank", OLD."factors", OLD."created_at", OLD."user_id") IS DISTINCT FROM ROW(NEW."id", NEW."kind", NEW."entity_type", NEW."entity_id", NEW."zone_id", NEW."category_id", NEW."amount", NEW."currency", NEW."summary", NEW."rank", NEW."factors", NEW."created_at", NEW."user_id") THEN
    NEW."version" := OLD."version" + 1;
  END IF;
  RETURN NEW;
END
$fn$;
DROP TRIGGER IF EXISTS sync_version ON "feed_item";
CREATE TRIGGER sync_version BEFORE UPDATE ON "feed_item" FOR EACH ROW EXECUTE FUNCTION sync_version_feed_item();

CREATE OR REPLACE FUNCTION sync_capture_feed_item() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  x bigint := pg_current_xact_id()::text::bigint;
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT x, 'feed_items', NEW."id"::text, s, 'u', NEW."version", json_build_object('id', NEW.id::text, 'seq', NEW.id, 'kind', NEW."kind", 'entity_type', NEW."entity_type", 'entity_id', NEW."entity_id", 'zone_id', NEW."zone_id", 'category_id', NEW."category_id", 'amount', CASE WHEN NEW."amount" IS NULL THEN NULL ELSE json_build_object('amount', NEW."amount", 'currency', NEW."currency") END, 'summary', NEW."summary", 'rank', NEW."rank", 'factors', NEW."factors", 'version', NEW."version", 'created_at', sync_ts(NEW."created_at"))::text FROM unnest(array_remove(ARRAY['user:' || NEW."user_id"]::text[], NULL)) AS s;
  ELSIF TG_OP = 'UPDATE' THEN
    IF ROW(OLD."id", OLD."kind", OLD."entity_type", OLD."entity_id", OLD."zone_id", OLD."category_id", OLD."amount", OLD."currency", OLD."summary", OLD."rank", OLD."factors", OLD."version", OLD."created_at", OLD."user_id") IS DISTINCT FROM ROW(NEW."id", NEW."kind", NEW."entity_type", NEW."entity_id", NEW."zone_id", NEW."category_id", NEW."amount", NEW."currency", NEW."summary", NEW."rank", NEW."factors", NEW."version", NEW."created_at", NEW."user_id") THEN
      IF ROW(OLD."user_id") IS DISTINCT FROM ROW(NEW."user_id") THEN
        INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT x, 'feed_items', OLD."id"::text, s, 'r', NEW."version", NULL FROM unnest(array_remove(ARRAY['user:' || OLD."user_id"]::text[], NULL)) AS s WHERE s <> ALL (array_remove(ARRAY['user:' || NEW."user_id"]::text[], NULL));
      END IF;
      INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT x, 'feed_items', NEW."id"::text, s, 'u', NEW."version", json_build_object('id', NEW.id::text, 'seq', NEW.id, 'kind', NEW."kind", 'entity_type', NEW."entity_type", 'entity_id', NEW."entity_id", 'zone_id', NEW."zone_id", 'category_id', NEW."category_id", 'amount', CASE WHEN NEW."amount" IS NULL THEN NULL ELSE json_build_object('amount', NEW."amount", 'currency', NEW."currency") END, 'summary', NEW."summary", 'rank', NEW."rank", 'factors', NEW."factors", 'version', NEW."version", 'created_at', sync_ts(NEW."created_at"))::text FROM unnest(array_remove(ARRAY['user:' || NEW."user_id"]::text[], NULL)) AS s;
    END IF;
  ELSE
    INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT x, 'feed_items', OLD."id"::text, s, 'd', OLD."version" + 1, NULL FROM unnest(array_remove(ARRAY['user:' || OLD."user_id"]::text[], NULL)) AS s;
  END IF;
  RETURN NULL;
END
$fn$;
DROP TRIGGER IF EXISTS sync_capture ON "feed_item";
CREATE TRIGGER sync_capture AFTER INSERT OR UPDATE OR DELETE ON "feed_item"
  FOR EACH ROW EXECUTE FUNCTION sync_capture_feed_item();

CREATE OR REPLACE FUNCTION sync_version_payment_case() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF NEW."version" <= OLD."version" AND ROW(OLD."id", OLD."booking_id", OLD."job_id", OLD."customer_id", OLD."organisation_id", OLD."state", OLD."amount", OLD."currency", OLD."promo_amount", OLD."captured_amount", OLD."refunded_amount", OLD."released_amount", OLD."capture_before", OLD."release_after", OLD."dispute_open", OLD."failure", OLD."seq", OLD."created_at") IS DISTINCT FROM ROW(NEW."id", NEW."booking_id", NEW."job_id", NEW."customer_id", NEW."organisation_id", NEW."state", NEW."amount", NEW."currency", NEW."promo_amount", NEW."captured_amount", NEW."refunded_amount", NEW."released_amount", NEW."capture_before", NEW."release_after", NEW."dispute_open", NEW."failure", NEW."seq", NEW."created_at") THEN
    NEW."version" := OLD."version" + 1;
  END IF;
  RETURN NEW;
END
$fn$;
DROP TRIGGER IF EXISTS sync_version ON "payment_case";
CREATE TRIGGER sync_version BEFORE UPDATE ON "payment_case" FOR EACH ROW EXECUTE FUNCTION sync_version_payment_case();

CREATE OR REPLACE FUNCTION sync_capture_payment_case() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  x bigint := pg_current_xact_id()::text::bigint;
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT x, 'payment_cases', NEW."id"::text, s, 'u', NEW."version", json_build_object('id', NEW."id", 'booking_id', NEW."booking_id", 'job_id', NEW."job_id", 'customer_id', NEW."customer_id", 'organisation_id', NEW."organisation_id", 'state', NEW."state", 'amount', CASE WHEN NEW."amount" IS NULL THEN NULL ELSE json_build_object('amount', NEW."amount", 'currency', NEW."currency") END, 'promo_credit', CASE WHEN NEW."promo_amount" IS NULL THEN NULL ELSE json_build_object('amount', NEW."promo_amount", 'currency', NEW."currency") END, 'captured', CASE WHEN NEW."captured_amount" IS NULL THEN NULL ELSE json_build_object('amount', NEW."captured_amount", 'currency', NEW."currency") END, 'refunded', CASE WHEN NEW."refunded_amount" IS NULL THEN NULL ELSE json_build_object('amount', NEW."refunded_amount", 'currency', NEW."currency") END, 'released', CASE WHEN NEW."released_amount" IS NULL THEN NULL ELSE json_build_object('amount', NEW."released_amount", 'currency', NEW."currency") END, 'capture_before', sync_ts(NEW."capture_before"), 'release_after', sync_ts(NEW."release_after"), 'dispute_open', NEW."dispute_open", 'failure', NEW."failure", 'seq', NEW."seq", 'version', NEW."version", 'created_at', sync_ts(NEW."created_at"), 'updated_at', sync_ts(NEW."updated_at"))::text FROM unnest(array_remove(ARRAY['booking:' || NEW."booking_id", 'org-bookings:' || NEW."organisation_id"]::text[], NULL)) AS s;
  ELSIF TG_OP = 'UPDATE' THEN
    IF ROW(OLD."id", OLD."booking_id", OLD."job_id", OLD."customer_id", OLD."organisation_id", OLD."state", OLD."amount", OLD."currency", OLD."promo_amount", OLD."captured_amount", OLD."refunded_amount", OLD."released_amount", OLD."capture_before", OLD."release_after", OLD."dispute_open", OLD."failure", OLD."seq", OLD."version", OLD."created_at") IS DISTINCT FROM ROW(NEW."id", NEW."booking_id", NEW."job_id", NEW."customer_id", NEW."organisation_id", NEW."state", NEW."amount", NEW."currency", NEW."promo_amount", NEW."captured_amount", NEW."refunded_amount", NEW."released_amount", NEW."capture_before", NEW."release_after", NEW."dispute_open", NEW."failure", NEW."seq", NEW."version", NEW."created_at") THEN
      IF ROW(OLD."booking_id", OLD."organisation_id") IS DISTINCT FROM ROW(NEW."booking_id", NEW."organisation_id") THEN
        INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT x, 'payment_cases', OLD."id"::text, s, 'r', NEW."version", NULL FROM unnest(array_remove(ARRAY['booking:' || OLD."booking_id", 'org-bookings:' || OLD."organisation_id"]::text[], NULL)) AS s WHERE s <> ALL (array_remove(ARRAY['booking:' || NEW."booking_id", 'org-bookings:' || NEW."organisation_id"]::text[], NULL));
      END IF;
      INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT x, 'payment_cases', NEW."id"::text, s, 'u', NEW."version", json_build_object('id', NEW."id", 'booking_id', NEW."booking_id", 'job_id', NEW."job_id", 'customer_id', NEW."customer_id", 'organisation_id', NEW."organisation_id", 'state', NEW."state", 'amount', CASE WHEN NEW."amount" IS NULL THEN NULL ELSE json_build_object('amount', NEW."amount", 'currency', NEW."currency") END, 'promo_credit', CASE WHEN NEW."promo_amount" IS NULL THEN NULL ELSE json_build_object('amount', NEW."promo_amount", 'currency', NEW."currency") END, 'captured', CASE WHEN NEW."captured_amount" IS NULL THEN NULL ELSE json_build_object('amount', NEW."captured_amount", 'currency', NEW."currency") END, 'refunded', CASE WHEN NEW."refunded_amount" IS NULL THEN NULL ELSE json_build_object('amount', NEW."refunded_amount", 'currency', NEW."currency") END, 'released', CASE WHEN NEW."released_amount" IS NULL THEN NULL ELSE json_build_object('amount', NEW."released_amount", 'currency', NEW."currency") END, 'capture_before', sync_ts(NEW."capture_before"), 'release_after', sync_ts(NEW."release_after"), 'dispute_open', NEW."dispute_open", 'failure', NEW."failure", 'seq', NEW."seq", 'version', NEW."version", 'created_at', sync_ts(NEW."created_at"), 'updated_at', sync_ts(NEW."updated_at"))::text FROM unnest(array_remove(ARRAY['booking:' || NEW."booking_id", 'org-bookings:' || NEW."organisation_id"]::text[], NULL)) AS s;
    END IF;
  ELSE
    INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT x, 'payment_cases', OLD."id"::text, s, 'd', OLD."version" + 1, NULL FROM unnest(array_remove(ARRAY['booking:' || OLD."booking_id", 'org-bookings:' || OLD."organisation_id"]::text[], NULL)) AS s;
  END IF;
  RETURN NULL;
END
$fn$;
DROP TRIGGER IF EXISTS sync_capture ON "payment_case";
CREATE TRIGGER sync_capture AFTER INSERT OR UPDATE OR DELETE ON "payment_case"
  FOR EACH ROW EXECUTE FUNCTION sync_capture_payment_case();

CREATE OR REPLACE FUNCTION sync_capture_payment_milestone() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  x bigint := pg_current_xact_id()::text::bigint;
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT x, 'payment_milestones', NEW."id"::text, s, 'u', nextval('sync_version_seq'), json_build_object('id', NEW."id", 'case_id', NEW."case_id", 'position', NEW."position", 'title', NEW."title", 'amount', (SELECT json_build_object('amount', NEW."amount", 'currency', p.currency) FROM payment_case AS p WHERE p.id = NEW."case_id"), 'state', NEW."state", 'released_at', sync_ts(NEW."released_at"))::text FROM unnest(array_remove(ARRAY[(SELECT 'booking:' || p."booking_id" FROM "payment_case" AS p WHERE p.id = NEW."case_id"), (SELECT 'org-bookings:' || p."organisation_id" FROM "payment_case" AS p WHERE p.id = NEW."case_id")]::text[], NULL)) AS s;
  ELSIF TG_OP = 'UPDATE' THEN
    IF ROW(OLD."id", OLD."case_id", OLD."position", OLD."title", OLD."amount", OLD."state", OLD."released_at") IS DISTINCT FROM ROW(NEW."id", NEW."case_id", NEW."position", NEW."title", NEW."amount", NEW."state", NEW."released_at") THEN
      IF ROW(OLD."case_id") IS DISTINCT FROM ROW(NEW."case_id") THEN
        INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT x, 'payment_milestones', OLD."id"::text, s, 'r', nextval('sync_version_seq'), NULL FROM unnest(array_remove(ARRAY[(SELECT 'booking:' || p."booking_id" FROM "payment_case" AS p WHERE p.id = OLD."case_id"), (SELECT 'org-bookings:' || p."organisation_id" FROM "payment_case" AS p WHERE p.id = OLD."case_id")]::text[], NULL)) AS s WHERE s <> ALL (array_remove(ARRAY[(SELECT 'booking:' || p."booking_id" FROM "payment_case" AS p WHERE p.id = NEW."case_id"), (SELECT 'org-bookings:' || p."organisation_id" FROM "payment_case" AS p WHERE p.id = NEW."case_id")]::text[], NULL));
      END IF;
      INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT x, 'payment_milestones', NEW."id"::text, s, 'u', nextval('sync_version_seq'), json_build_object('id', NEW."id", 'case_id', NEW."case_id", 'position', NEW."position", 'title', NEW."title", 'amount', (SELECT json_build_object('amount', NEW."amount", 'currency', p.currency) FROM payment_case AS p WHERE p.id = NEW."case_id"), 'state', NEW."state", 'released_at', sync_ts(NEW."released_at"))::text FROM unnest(array_remove(ARRAY[(SELECT 'booking:' || p."booking_id" FROM "payment_case" AS p WHERE p.id = NEW."case_id"), (SELECT 'org-bookings:' || p."organisation_id" FROM "payment_case" AS p WHERE p.id = NEW."case_id")]::text[], NULL)) AS s;
    END IF;
  ELSE
    INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT x, 'payment_milestones', OLD."id"::text, s, 'd', nextval('sync_version_seq'), NULL FROM unnest(array_remove(ARRAY[(SELECT 'booking:' || p."booking_id" FROM "payment_case" AS p WHERE p.id = OLD."case_id"), (SELECT 'org-bookings:' || p."organisation_id" FROM "payment_case" AS p WHERE p.id = OLD."case_id")]::text[], NULL)) AS s;
  END IF;
  RETURN NULL;
END
$fn$;
DROP TRIGGER IF EXISTS sync_capture ON "payment_milestone";
CREATE TRIGGER sync_capture AFTER INSERT OR UPDATE OR DELETE ON "payment_milestone"
  FOR EACH ROW EXECUTE FUNCTION sync_capture_payment_milestone();

CREATE OR REPLACE FUNCTION sync_version_payee_balance() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF NEW."version" <= OLD."version" AND ROW(OLD."id", OLD."owner", OLD."currency", OLD."available", OLD."earned", OLD."paid_out", OLD."receivable", OLD."promo_credit") IS DISTINCT FROM ROW(NEW."id", NEW."owner", NEW."currency", NEW."available", NEW."earned", NEW."paid_out", NEW."receivable", NEW."promo_credit") THEN
    NEW."version" := OLD."version" + 1;
  END IF;
  RETURN NEW;
END
$fn$;
DROP TRIGGER IF EXISTS sync_version ON "payee_balance";
CREATE TRIGGER sync_version BEFORE UPDATE ON "payee_balance" FOR EACH ROW EXECUTE FUNCTION sync_version_payee_balance();

CREATE OR REPLACE FUNCTION sync_capture_payee_balance() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  x bigint := pg_current_xact_id()::text::bigint;
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT x, 'balances', NEW."id"::text, s, 'u', NEW."version", json_build_object('id', NEW."id", 'owner', NEW."owner", 'currency', NEW."currency", 'available', CASE WHEN NEW."available" IS NULL THEN NULL ELSE json_build_object('amount', NEW."available", 'currency', NEW."currency") END, 'earned', CASE WHEN NEW."earned" IS NULL THEN NULL ELSE json_build_object('amount', NEW."earned", 'currency', NEW."currency") END, 'paid_out', CASE WHEN NEW."paid_out" IS NULL THEN NULL ELSE json_build_object('amount', NEW."paid_out", 'currency', NEW."currency") END, 'receivable', CASE WHEN NEW."receivable" IS NULL THEN NULL ELSE json_build_object('amount', NEW."receivable", 'currency', NEW."currency") END, 'promo_credit', CASE WHEN NEW."promo_credit" IS NULL THEN NULL ELSE json_build_object('amount', NEW."promo_credit", 'currency', NEW."currency") END, 'version', NEW."version", 'updated_at', sync_ts(NEW."updated_at"))::text FROM unnest(array_remove(ARRAY[CASE WHEN NEW.owner LIKE 'org:%' THEN 'org-bookings:' || substr(NEW.owner, 5) END, CASE WHEN NEW.owner LIKE 'user:%' THEN NEW.owner END]::text[], NULL)) AS s;
  ELSIF TG_OP = 'UPDATE' THEN
    IF ROW(OLD."id", OLD."owner", OLD."currency", OLD."available", OLD."earned", OLD."paid_out", OLD."receivable", OLD."promo_credit", OLD."version") IS DISTINCT FROM ROW(NEW."id", NEW."owner", NEW."currency", NEW."available", NEW."earned", NEW."paid_out", NEW."receivable", NEW."promo_credit", NEW."version") THEN
      IF ROW(OLD."owner") IS DISTINCT FROM ROW(NEW."owner") THEN
        INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT x, 'balances', OLD."id"::text, s, 'r', NEW."version", NULL FROM unnest(array_remove(ARRAY[CASE WHEN OLD.owner LIKE 'org:%' THEN 'org-bookings:' || substr(OLD.owner, 5) END, CASE WHEN OLD.owner LIKE 'user:%' THEN OLD.owner END]::text[], NULL)) AS s WHERE s <> ALL (array_remove(ARRAY[CASE WHEN NEW.owner LIKE 'org:%' THEN 'org-bookings:' || substr(NEW.owner, 5) END, CASE WHEN NEW.owner LIKE 'user:%' THEN NEW.owner END]::text[], NULL));
      END IF;
      INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT x, 'balances', NEW."id"::text, s, 'u', NEW."version", json_build_object('id', NEW."id", 'owner', NEW."owner", 'currency', NEW."currency", 'available', CASE WHEN NEW."available" IS NULL THEN NULL ELSE json_build_object('amount', NEW."available", 'currency', NEW."currency") END, 'earned', CASE WHEN NEW."earned" IS NULL THEN NULL ELSE json_build_object('amount', NEW."earned", 'currency', NEW."currency") END, 'paid_out', CASE WHEN NEW."paid_out" IS NULL THEN NULL ELSE json_build_object('amount', NEW."paid_out", 'currency', NEW."currency") END, 'receivable', CASE WHEN NEW."receivable" IS NULL THEN NULL ELSE json_build_object('amount', NEW."receivable", 'currency', NEW."currency") END, 'promo_credit', CASE WHEN NEW."promo_credit" IS NULL THEN NULL ELSE json_build_object('amount', NEW."promo_credit", 'currency', NEW."currency") END, 'version', NEW."version", 'updated_at', sync_ts(NEW."updated_at"))::text FROM unnest(array_remove(ARRAY[CASE WHEN NEW.owner LIKE 'org:%' THEN 'org-bookings:' || substr(NEW.owner, 5) END, CASE WHEN NEW.owner LIKE 'user:%' THEN NEW.owner END]::text[], NULL)) AS s;
    END IF;
  ELSE
    INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT x, 'balances', OLD."id"::text, s, 'd', OLD."version" + 1, NULL FROM unnest(array_remove(ARRAY[CASE WHEN OLD.owner LIKE 'org:%' THEN 'org-bookings:' || substr(OLD.owner, 5) END, CASE WHEN OLD.owner LIKE 'user:%' THEN OLD.owner END]::text[], NULL)) AS s;
  END IF;
  RETURN NULL;
END
$fn$;
DROP TRIGGER IF EXISTS sync_capture ON "payee_balance";
CREATE TRIGGER sync_capture AFTER INSERT OR UPDATE OR DELETE ON "payee_balance"
  FOR EACH ROW EXECUTE FUNCTION sync_capture_payee_balance();

CREATE OR REPLACE FUNCTION sync_capture_payout() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  x bigint := pg_current_xact_id()::text::bigint;
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT x, 'payouts', NEW."id"::text, s, 'u', nextval('sync_version_seq'), json_build_object('id', NEW."id", 'owner', NEW."owner", 'currency', NEW."currency", 'amount', CASE WHEN NEW."amount" IS NULL THEN NULL ELSE json_build_object('amount', NEW."amount", 'currency', NEW."currency") END, 'netted', CASE WHEN NEW."netted" IS NULL THEN NULL ELSE json_build_object('amount', NEW."netted", 'currency', NEW."currency") END, 'state', NEW."state", 'trigger', NEW."trigger", 'failure', NEW."failure", 'created_at', sync_ts(NEW."created_at"), 'updated_at', sync_ts(NEW."updated_at"))::text FROM unnest(array_remove(ARRAY[CASE WHEN NEW.owner LIKE 'org:%' THEN 'org-bookings:' || substr(NEW.owner, 5) END, CASE WHEN NEW.owner LIKE 'user:%' THEN NEW.owner END]::text[], NULL)) AS s;
  ELSIF TG_OP = 'UPDATE' THEN
    IF ROW(OLD."id", OLD."owner", OLD."currency", OLD."amount", OLD."netted", OLD."state", OLD."trigger", OLD."failure", OLD."created_at") IS DISTINCT FROM ROW(NEW."id", NEW."owner", NEW."currency", NEW."amount", NEW."netted", NEW."state", NEW."trigger", NEW."failure", NEW."created_at") THEN
      IF ROW(OLD."owner") IS DISTINCT FROM ROW(NEW."owner") THEN
        INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT x, 'payouts', OLD."id"::text, s, 'r', nextval('sync_version_seq'), NULL FROM unnest(array_remove(ARRAY[CASE WHEN OLD.owner LIKE 'org:%' THEN 'org-bookings:' || substr(OLD.owner, 5) END, CASE WHEN OLD.owner LIKE 'user:%' THEN OLD.owner END]::text[], NULL)) AS s WHERE s <> ALL (array_remove(ARRAY[CASE WHEN NEW.owner LIKE 'org:%' THEN 'org-bookings:' || substr(NEW.owner, 5) END, CASE WHEN NEW.owner LIKE 'user:%' THEN NEW.owner END]::text[], NULL));
      END IF;
      INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT x, 'payouts', NEW."id"::text, s, 'u', nextval('sync_version_seq'), json_build_object('id', NEW."id", 'owner', NEW."owner", 'currency', NEW."currency", 'amount', CASE WHEN NEW."amount" IS NULL THEN NULL ELSE json_build_object('amount', NEW."amount", 'currency', NEW."currency") END, 'netted', CASE WHEN NEW."netted" IS NULL THEN NULL ELSE json_build_object('amount', NEW."netted", 'currency', NEW."currency") END, 'state', NEW."state", 'trigger', NEW."trigger", 'failure', NEW."failure", 'created_at', sync_ts(NEW."created_at"), 'updated_at', sync_ts(NEW."updated_at"))::text FROM unnest(array_remove(ARRAY[CASE WHEN NEW.owner LIKE 'org:%' THEN 'org-bookings:' || substr(NEW.owner, 5) END, CASE WHEN NEW.owner LIKE 'user:%' THEN NEW.owner END]::text[], NULL)) AS s;
    END IF;
  ELSE
    INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT x, 'payouts', OLD."id"::text, s, 'd', nextval('sync_version_seq'), NULL FROM unnest(array_remove(ARRAY[CASE WHEN OLD.owner LIKE 'org:%' THEN 'org-bookings:' || substr(OLD.owner, 5) END, CASE WHEN OLD.owner LIKE 'user:%' THEN OLD.owner END]::text[], NULL)) AS s;
  END IF;
  RETURN NULL;
END
$fn$;
DROP TRIGGER IF EXISTS sync_capture ON "payout";
CREATE TRIGGER sync_capture AFTER INSERT OR UPDATE OR DELETE ON "payout"
  FOR EACH ROW EXECUTE FUNCTION sync_capture_payout();

CREATE OR REPLACE FUNCTION sync_capture_payee_account() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  x bigint := pg_current_xact_id()::text::bigint;
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT x, 'payout_accounts', NEW."id"::text, s, 'u', nextval('sync_version_seq'), json_build_object('id', NEW."id", 'owner', NEW."owner", 'payouts_enabled', NEW."payouts_enabled", 'details_submitted', NEW."details_submitted", 'requirements_due', NEW."requirements_due", 'schedule', NEW."schedule", 'weekly_day', NEW."weekly_day", 'synced_at', sync_ts(NEW."synced_at"), 'updated_at', sync_ts(NEW."updated_at"))::text FROM unnest(array_remove(ARRAY[CASE WHEN NEW.owner LIKE 'org:%' THEN 'org-bookings:' || substr(NEW.owner, 5) END, CASE WHEN NEW.owner LIKE 'user:%' THEN NEW.owner END]::text[], NULL)) AS s;
  ELSIF TG_OP = 'UPDATE' THEN
    IF ROW(OLD."id", OLD."owner", OLD."payouts_enabled", OLD."details_submitted", OLD."requirements_due", OLD."schedule", OLD."weekly_day", OLD."synced_at") IS DISTINCT FROM ROW(NEW."id", NEW."owner", NEW."payouts_enabled", NEW."details_submitted", NEW."requirements_due", NEW."schedule", NEW."weekly_day", NEW."synced_at") THEN
      IF ROW(OLD."owner") IS DISTINCT FROM ROW(NEW."owner") THEN
        INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT x, 'payout_accounts', OLD."id"::text, s, 'r', nextval('sync_version_seq'), NULL FROM unnest(array_remove(ARRAY[CASE WHEN OLD.owner LIKE 'org:%' THEN 'org-bookings:' || substr(OLD.owner, 5) END, CASE WHEN OLD.owner LIKE 'user:%' THEN OLD.owner END]::text[], NULL)) AS s WHERE s <> ALL (array_remove(ARRAY[CASE WHEN NEW.owner LIKE 'org:%' THEN 'org-bookings:' || substr(NEW.owner, 5) END, CASE WHEN NEW.owner LIKE 'user:%' THEN NEW.owner END]::text[], NULL));
      END IF;
      INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT x, 'payout_accounts', NEW."id"::text, s, 'u', nextval('sync_version_seq'), json_build_object('id', NEW."id", 'owner', NEW."owner", 'payouts_enabled', NEW."payouts_enabled", 'details_submitted', NEW."details_submitted", 'requirements_due', NEW."requirements_due", 'schedule', NEW."schedule", 'weekly_day', NEW."weekly_day", 'synced_at', sync_ts(NEW."synced_at"), 'updated_at', sync_ts(NEW."updated_at"))::text FROM unnest(array_remove(ARRAY[CASE WHEN NEW.owner LIKE 'org:%' THEN 'org-bookings:' || substr(NEW.owner, 5) END, CASE WHEN NEW.owner LIKE 'user:%' THEN NEW.owner END]::text[], NULL)) AS s;
    END IF;
  ELSE
    INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT x, 'payout_accounts', OLD."id"::text, s, 'd', nextval('sync_version_seq'), NULL FROM unnest(array_remove(ARRAY[CASE WHEN OLD.owner LIKE 'org:%' THEN 'org-bookings:' || substr(OLD.owner, 5) END, CASE WHEN OLD.owner LIKE 'user:%' THEN OLD.owner END]::text[], NULL)) AS s;
  END IF;
  RETURN NULL;
END
$fn$;
DROP TRIGGER IF EXISTS sync_capture ON "payee_account";
CREATE TRIGGER sync_capture AFTER INSERT OR UPDATE OR DELETE ON "payee_account"
  FOR EACH ROW EXECUTE FUNCTION sync_capture_payee_account();

CREATE OR REPLACE FUNCTION sync_version_upload() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF NEW."version" <= OLD."version" AND ROW(OLD."id", OLD."kind", OLD."state", OLD."filename", OLD."content_type", OLD."size", OLD."sha256", OLD."width", OLD."height", OLD."reject_reason", OLD."attached_at", OLD."confirmed_at", OLD."created_at", OLD."owner_id") IS DISTINCT FROM ROW(NEW."id", NEW."kind", NEW."state", NEW."filename", NEW."content_type", NEW."size", NEW."sha256", NEW."width", NEW."height", NEW."reject_reason", NEW."attached_at", NEW."confirmed_at", NEW."created_at", NEW."owner_id") THEN
    NEW."version" := OLD."version" + 1;
  END IF;
  RETURN NEW;
END
$fn$;
DROP TRIGGER IF EXISTS sync_version ON "upload";
CREATE TRIGGER sync_version BEFORE UPDATE ON "upload" FOR EACH ROW EXECUTE FUNCTION sync_version_upload();

CREATE OR REPLACE FUNCTION sync_capture_upload() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  x bigint := pg_current_xact_id()::text::bigint;
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT x, 'uploads', NEW."id"::text, s, 'u', NEW."version", json_build_object('id', NEW."id", 'kind', NEW."kind", 'state', NEW."state", 'filename', NEW."filename", 'content_type', NEW."content_type", 'size', NEW."size", 'sha256', NEW."sha256", 'width', NEW."width", 'height', NEW."height", 'reject_reason', NEW."reject_reason", 'version', NEW."version", 'attached_at', sync_ts(NEW."attached_at"), 'confirmed_at', sync_ts(NEW."confirmed_at"), 'created_at', sync_ts(NEW."created_at"), 'updated_at', sync_ts(NEW."updated_at"))::text FROM unnest(array_remove(ARRAY['user:' || NEW."owner_id"]::text[], NULL)) AS s;
  ELSIF TG_OP = 'UPDATE' THEN
    IF ROW(OLD."id", OLD."kind", OLD."state", OLD."filename", OLD."content_type", OLD."size", OLD."sha256", OLD."width", OLD."height", OLD."reject_reason", OLD."version", OLD."attached_at", OLD."confirmed_at", OLD."created_at", OLD."owner_id") IS DISTINCT FROM ROW(NEW."id", NEW."kind", NEW."state", NEW."filename", NEW."content_type", NEW."size", NEW."sha256", NEW."width", NEW."height", NEW."reject_reason", NEW."version", NEW."attached_at", NEW."confirmed_at", NEW."created_at", NEW."owner_id") THEN
      IF ROW(OLD."owner_id") IS DISTINCT FROM ROW(NEW."owner_id") THEN
        INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT x, 'uploads', OLD."id"::text, s, 'r', NEW."version", NULL FROM unnest(array_remove(ARRAY['user:' || OLD."owner_id"]::text[], NULL)) AS s WHERE s <> ALL (array_remove(ARRAY['user:' || NEW."owner_id"]::text[], NULL));
      END IF;
      INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT x, 'uploads', NEW."id"::text, s, 'u', NEW."version", json_build_object('id', NEW."id", 'kind', NEW."kind", 'state', NEW."state", 'filename', NEW."filename", 'content_type', NEW."content_type", 'size', NEW."size", 'sha256', NEW."sha256", 'width', NEW."width", 'height', NEW."height", 'reject_reason', NEW."reject_reason", 'version', NEW."version", 'attached_at', sync_ts(NEW."attached_at"), 'confirmed_at', sync_ts(NEW."confirmed_at"), 'created_at', sync_ts(NEW."created_at"), 'updated_at', sync_ts(NEW."updated_at"))::text FROM unnest(array_remove(ARRAY['user:' || NEW."owner_id"]::text[], NULL)) AS s;
    END IF;
  ELSE
    INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT x, 'uploads', OLD."id"::text, s, 'd', OLD."version" + 1, NULL FROM unnest(array_remove(ARRAY['user:' || OLD."owner_id"]::text[], NULL)) AS s;
  END IF;
  RETURN NULL;
END
$fn$;
DROP TRIGGER IF EXISTS sync_capture ON "upload";
CREATE TRIGGER sync_capture AFTER INSERT OR UPDATE OR DELETE ON "upload"
  FOR EACH ROW EXECUTE FUNCTION sync_capture_upload();

CREATE OR REPLACE FUNCTION sync_version_dispute() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF NEW."version" <= OLD."version" AND ROW(OLD."id", OLD."booking_id", OLD."case_id", OLD."milestone", OLD."state", OLD."reason", OLD."category", OLD."description", OLD."claimed_amount", OLD."currency", OLD."opener_side", OLD."opened_by_id", OLD."assignee_id", OLD."due_at", OLD."decide_by", OLD."open_offer_seq", OLD."outcome", OLD."refund_amount", OLD."release_amount", OLD."decision_reason", OLD."last_seq", OLD."created_at", OLD."closed_at", OLD."organisation_id") IS DISTINCT FROM ROW(NEW."id", NEW."booking_id", NEW."case_id", NEW."milestone", NEW."state", NEW."reason", NEW."category", NEW."description", NEW."claimed_amount", NEW."currency", NEW."opener_side", NEW."opened_by_id", NEW."assignee_id", NEW."due_at", NEW."decide_by", NEW."open_offer_seq", NEW."outcome", NEW."refund_amount", NEW."release_amount", NEW."decision_reason", NEW."last_seq", NEW."created_at", NEW."closed_at", NEW."organisation_id") THEN
    NEW."version" := OLD."version" + 1;
  END IF;
  RETURN NEW;
END
$fn$;
DROP TRIGGER IF EXISTS sync_version ON "dispute";
CREATE TRIGGER sync_version BEFORE UPDATE ON "dispute" FOR EACH ROW EXECUTE FUNCTION sync_version_dispute();

CREATE OR REPLACE FUNCTION sync_capture_dispute() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  x bigint := pg_current_xact_id()::text::bigint;
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT x, 'disputes', NEW."id"::text, s, 'u', NEW."version", json_build_object('id', NEW."id", 'booking_id', NEW."booking_id", 'case_id', NEW."case_id", 'milestone', NEW."milestone", 'state', NEW."state", 'reason', NEW."reason", 'category', NEW."category", 'description', NEW."description", 'claimed', CASE WHEN NEW."claimed_amount" IS NULL THEN NULL ELSE json_build_object('amount', NEW."claimed_amount", 'currency', NEW."currency") END, 'opener_side', NEW."opener_side", 'opened_by_id', NEW."opened_by_id", 'assignee_id', NEW."assignee_id", 'due_at', sync_ts(NEW."due_at"), 'decide_by', sync_ts(NEW."decide_by"), 'open_offer_seq', NEW."open_offer_seq", 'outcome', NEW."outcome", 'refunded', CASE WHEN NEW."refund_amount" IS NULL THEN NULL ELSE json_build_object('amount', NEW."refund_amount", 'currency', NEW."currency") END, 'released', CASE WHEN NEW."release_amount" IS NULL THEN NULL ELSE json_build_object('amount', NEW."release_amount", 'currency', NEW."currency") END, 'decision_reason', NEW."decision_reason", 'last_seq', NEW."last_seq", 'version', NEW."version", 'created_at', sync_ts(NEW."created_at"), 'updated_at', sync_ts(NEW."updated_at"), 'closed_at', sync_ts(NEW."closed_at"))::text FROM unnest(array_remove(ARRAY['booking:' || NEW."booking_id", 'org-bookings:' || NEW."organisation_id", 'disputes-admin']::text[], NULL)) AS s;
  ELSIF TG_OP = 'UPDATE' THEN
    IF ROW(OLD."id", OLD."booking_id", OLD."case_id", OLD."milestone", OLD."state", OLD."reason", OLD."category", OLD."description", OLD."claimed_amount", OLD."currency", OLD."opener_side", OLD."opened_by_id", OLD."assignee_id", OLD."due_at", OLD."decide_by", OLD."open_offer_seq", OLD."outcome", OLD."refund_amount", OLD."release_amount", OLD."decision_reason", OLD."last_seq", OLD."version", OLD."created_at", OLD."closed_at", OLD."organisation_id") IS DISTINCT FROM ROW(NEW."id", NEW."booking_id", NEW."case_id", NEW."milestone", NEW."state", NEW."reason", NEW."category", NEW."description", NEW."claimed_amount", NEW."currency", NEW."opener_side", NEW."opened_by_id", NEW."assignee_id", NEW."due_at", NEW."decide_by", NEW."open_offer_seq", NEW."outcome", NEW."refund_amount", NEW."release_amount", NEW."decision_reason", NEW."last_seq", NEW."version", NEW."created_at", NEW."closed_at", NEW."organisation_id") THEN
      IF ROW(OLD."booking_id", OLD."organisation_id") IS DISTINCT FROM ROW(NEW."booking_id", NEW."organisation_id") THEN
        INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT x, 'disputes', OLD."id"::text, s, 'r', NEW."version", NULL FROM unnest(array_remove(ARRAY['booking:' || OLD."booking_id", 'org-bookings:' || OLD."organisation_id", 'disputes-admin']::text[], NULL)) AS s WHERE s <> ALL (array_remove(ARRAY['booking:' || NEW."booking_id", 'org-bookings:' || NEW."organisation_id", 'disputes-admin']::text[], NULL));
      END IF;
      INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT x, 'disputes', NEW."id"::text, s, 'u', NEW."version", json_build_object('id', NEW."id", 'booking_id', NEW."booking_id", 'case_id', NEW."case_id", 'milestone', NEW."milestone", 'state', NEW."state", 'reason', NEW."reason", 'category', NEW."category", 'description', NEW."description", 'claimed', CASE WHEN NEW."claimed_amount" IS NULL THEN NULL ELSE json_build_object('amount', NEW."claimed_amount", 'currency', NEW."currency") END, 'opener_side', NEW."opener_side", 'opened_by_id', NEW."opened_by_id", 'assignee_id', NEW."assignee_id", 'due_at', sync_ts(NEW."due_at"), 'decide_by', sync_ts(NEW."decide_by"), 'open_offer_seq', NEW."open_offer_seq", 'outcome', NEW."outcome", 'refunded', CASE WHEN NEW."refund_amount" IS NULL THEN NULL ELSE json_build_object('amount', NEW."refund_amount", 'currency', NEW."currency") END, 'released', CASE WHEN NEW."release_amount" IS NULL THEN NULL ELSE json_build_object('amount', NEW."release_amount", 'currency', NEW."currency") END, 'decision_reason', NEW."decision_reason", 'last_seq', NEW."last_seq", 'version', NEW."version", 'created_at', sync_ts(NEW."created_at"), 'updated_at', sync_ts(NEW."updated_at"), 'closed_at', sync_ts(NEW."closed_at"))::text FROM unnest(array_remove(ARRAY['booking:' || NEW."booking_id", 'org-bookings:' || NEW."organisation_id", 'disputes-admin']::text[], NULL)) AS s;
    END IF;
  ELSE
    INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT x, 'disputes', OLD."id"::text, s, 'd', OLD."version" + 1, NULL FROM unnest(array_remove(ARRAY['booking:' || OLD."booking_id", 'org-bookings:' || OLD."organisation_id", 'disputes-admin']::text[], NULL)) AS s;
  END IF;
  RETURN NULL;
END
$fn$;
DROP TRIGGER IF EXISTS sync_capture ON "dispute";
CREATE TRIGGER sync_capture AFTER INSERT OR UPDATE OR DELETE ON "dispute"
  FOR EACH ROW EXECUTE FUNCTION sync_capture_dispute();

CREATE OR REPLACE FUNCTION sync_capture_dispute_entry() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  x bigint := pg_current_xact_id()::text::bigint;
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT x, 'dispute_entries', NEW."id"::text, s, 'u', nextval('sync_version_seq'), json_build_object('id', NEW."id", 'dispute_id', NEW."dispute_id", 'seq', NEW."seq", 'kind', NEW."kind", 'author_id', NEW."author_id", 'author_side', NEW."author_side", 'shared', NEW."shared", 'body', NEW."body", 'message_ids', NEW."message_ids", 'upload_ids', NEW."upload_ids", 'amount', NEW."amount", 'data', NEW."data", 'created_at', sync_ts(NEW."created_at"))::text FROM unnest(array_remove(ARRAY[CASE WHEN NEW."shared" THEN (SELECT 'booking:' || p."booking_id" FROM "dispute" AS p WHERE p.id = NEW."dispute_id") END, CASE WHEN NEW."shared" THEN (SELECT 'org-bookings:' || p."organisation_id" FROM "dispute" AS p WHERE p.id = NEW."dispute_id") END, CASE WHEN NOT NEW."shared" THEN 'user:' || NEW."author_id" END, 'disputes-admin']::text[], NULL)) AS s;
  ELSIF TG_OP = 'UPDATE' THEN
    IF ROW(OLD."id", OLD."dispute_id", OLD."seq", OLD."kind", OLD."author_id", OLD."author_side", OLD."shared", OLD."body", OLD."message_ids", OLD."upload_ids", OLD."amount", OLD."data", OLD."created_at") IS DISTINCT FROM ROW(NEW."id", NEW."dispute_id", NEW."seq", NEW."kind", NEW."author_id", NEW."author_side", NEW."shared", NEW."body", NEW."message_ids", NEW."upload_ids", NEW."amount", NEW."data", NEW."created_at") THEN
      IF ROW(OLD."shared", OLD."dispute_id", OLD."author_id") IS DISTINCT FROM ROW(NEW."shared", NEW."dispute_id", NEW."author_id") THEN
        INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT x, 'dispute_entries', OLD."id"::text, s, 'r', nextval('sync_version_seq'), NULL FROM unnest(array_remove(ARRAY[CASE WHEN OLD."shared" THEN (SELECT 'booking:' || p."booking_id" FROM "dispute" AS p WHERE p.id = OLD."dispute_id") END, CASE WHEN OLD."shared" THEN (SELECT 'org-bookings:' || p."organisation_id" FROM "dispute" AS p WHERE p.id = OLD."dispute_id") END, CASE WHEN NOT OLD."shared" THEN 'user:' || OLD."author_id" END, 'disputes-admin']::text[], NULL)) AS s WHERE s <> ALL (array_remove(ARRAY[CASE WHEN NEW."shared" THEN (SELECT 'booking:' || p."booking_id" FROM "dispute" AS p WHERE p.id = NEW."dispute_id") END, CASE WHEN NEW."shared" THEN (SELECT 'org-bookings:' || p."organisation_id" FROM "dispute" AS p WHERE p.id = NEW."dispute_id") END, CASE WHEN NOT NEW."shared" THEN 'user:' || NEW."author_id" END, 'disputes-admin']::text[], NULL));
      END IF;
      INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT x, 'dispute_entries', NEW."id"::text, s, 'u', nextval('sync_version_seq'), json_build_object('id', NEW."id", 'dispute_id', NEW."dispute_id", 'seq', NEW."seq", 'kind', NEW."kind", 'author_id', NEW."author_id", 'author_side', NEW."author_side", 'shared', NEW."shared", 'body', NEW."body", 'message_ids', NEW."message_ids", 'upload_ids', NEW."upload_ids", 'amount', NEW."amount", 'data', NEW."data", 'created_at', sync_ts(NEW."created_at"))::text FROM unnest(array_remove(ARRAY[CASE WHEN NEW."shared" THEN (SELECT 'booking:' || p."booking_id" FROM "dispute" AS p WHERE p.id = NEW."dispute_id") END, CASE WHEN NEW."shared" THEN (SELECT 'org-bookings:' || p."organisation_id" FROM "dispute" AS p WHERE p.id = NEW."dispute_id") END, CASE WHEN NOT NEW."shared" THEN 'user:' || NEW."author_id" END, 'disputes-admin']::text[], NULL)) AS s;
    END IF;
  ELSE
    INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT x, 'dispute_entries', OLD."id"::text, s, 'd', nextval('sync_version_seq'), NULL FROM unnest(array_remove(ARRAY[CASE WHEN OLD."shared" THEN (SELECT 'booking:' || p."booking_id" FROM "dispute" AS p WHERE p.id = OLD."dispute_id") END, CASE WHEN OLD."shared" THEN (SELECT 'org-bookings:' || p."organisation_id" FROM "dispute" AS p WHERE p.id = OLD."dispute_id") END, CASE WHEN NOT OLD."shared" THEN 'user:' || OLD."author_id" END, 'disputes-admin']::text[], NULL)) AS s;
  END IF;
  RETURN NULL;
END
$fn$;
DROP TRIGGER IF EXISTS sync_capture ON "dispute_entry";
CREATE TRIGGER sync_capture AFTER INSERT OR UPDATE OR DELETE ON "dispute_entry"
  FOR EACH ROW EXECUTE FUNCTION sync_capture_dispute_entry();

CREATE OR REPLACE FUNCTION sync_version_verification_document() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF NEW."version" <= OLD."version" AND ROW(OLD."id", OLD."owner_id", OLD."kind", OLD."credential", OLD."state", OLD."reject_reason", OLD."upload_id", OLD."expires_at", OLD."created_at") IS DISTINCT FROM ROW(NEW."id", NEW."owner_id", NEW."kind", NEW."credential", NEW."state", NEW."reject_reason", NEW."upload_id", NEW."expires_at", NEW."created_at") THEN
    NEW."version" := OLD."version" + 1;
  END IF;
  RETURN NEW;
END
$fn$;
DROP TRIGGER IF EXISTS sync_version ON "verification_document";
CREATE TRIGGER sync_version BEFORE UPDATE ON "verification_document" FOR EACH ROW EXECUTE FUNCTION sync_version_verification_document();

CREATE OR REPLACE FUNCTION sync_capture_verification_document() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  x bigint := pg_current_xact_id()::text::bigint;
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT x, 'verification_documents', NEW."id"::text, s, 'u', NEW."version", json_build_object('id', NEW."id", 'owner_id', NEW."owner_id", 'kind', NEW."kind", 'credential', NEW."credential", 'state', NEW."state", 'reject_reason', NEW."reject_reason", 'upload_id', NEW."upload_id", 'expires_at', sync_ts(NEW."expires_at"), 'version', NEW."version", 'created_at', sync_ts(NEW."created_at"), 'updated_at', sync_ts(NEW."updated_at"))::text FROM unnest(array_remove(ARRAY['user:' || NEW."owner_id"]::text[], NULL)) AS s;
  ELSIF TG_OP = 'UPDATE' THEN
    IF ROW(OLD."id", OLD."owner_id", OLD."kind", OLD."credential", OLD."state", OLD."reject_reason", OLD."upload_id", OLD."expires_at", OLD."version", OLD."created_at") IS DISTINCT FROM ROW(NEW."id", NEW."owner_id", NEW."kind", NEW."credential", NEW."state", NEW."reject_reason", NEW."upload_id", NEW."expires_at", NEW."version", NEW."created_at") THEN
      IF ROW(OLD."owner_id") IS DISTINCT FROM ROW(NEW."owner_id") THEN
        INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT x, 'verification_documents', OLD."id"::text, s, 'r', NEW."version", NULL FROM unnest(array_remove(ARRAY['user:' || OLD."owner_id"]::text[], NULL)) AS s WHERE s <> ALL (array_remove(ARRAY['user:' || NEW."owner_id"]::text[], NULL));
      END IF;
      INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT x, 'verification_documents', NEW."id"::text, s, 'u', NEW."version", json_build_object('id', NEW."id", 'owner_id', NEW."owner_id", 'kind', NEW."kind", 'credential', NEW."credential", 'state', NEW."state", 'reject_reason', NEW."reject_reason", 'upload_id', NEW."upload_id", 'expires_at', sync_ts(NEW."expires_at"), 'version', NEW."version", 'created_at', sync_ts(NEW."created_at"), 'updated_at', sync_ts(NEW."updated_at"))::text FROM unnest(array_remove(ARRAY['user:' || NEW."owner_id"]::text[], NULL)) AS s;
    END IF;
  ELSE
    INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT x, 'verification_documents', OLD."id"::text, s, 'd', OLD."version" + 1, NULL FROM unnest(array_remove(ARRAY['user:' || OLD."owner_id"]::text[], NULL)) AS s;
  END IF;
  RETURN NULL;
END
$fn$;
DROP TRIGGER IF EXISTS sync_capture ON "verification_document";
CREATE TRIGGER sync_capture AFTER INSERT OR UPDATE OR DELETE ON "verification_document"
  FOR EACH ROW EXECUTE FUNCTION sync_capture_verification_document();

CREATE OR REPLACE FUNCTION sync_capture_consent_record() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  x bigint := pg_current_xact_id()::text::bigint;
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT x, 'consents', NEW."id"::text, s, 'u', nextval('sync_version_seq'), json_build_object('id', NEW.id::text, 'user_id', NEW."user_id", 'purpose', NEW."purpose", 'granted', NEW."granted", 'policy_version', NEW."policy_version", 'channel', NEW."channel", 'recorded_at', sync_ts(NEW."recorded_at"))::text FROM unnest(array_remove(ARRAY['user:' || NEW."user_id"]::text[], NULL)) AS s;
  ELSIF TG_OP = 'UPDATE' THEN
    IF ROW(OLD."id", OLD."user_id", OLD."purpose", OLD."granted", OLD."policy_version", OLD."channel", OLD."recorded_at") IS DISTINCT FROM ROW(NEW."id", NEW."user_id", NEW."purpose", NEW."granted", NEW."policy_version", NEW."channel", NEW."recorded_at") THEN
      IF ROW(OLD."user_id") IS DISTINCT FROM ROW(NEW."user_id") THEN
        INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT x, 'consents', OLD."id"::text, s, 'r', nextval('sync_version_seq'), NULL FROM unnest(array_remove(ARRAY['user:' || OLD."user_id"]::text[], NULL)) AS s WHERE s <> ALL (array_remove(ARRAY['user:' || NEW."user_id"]::text[], NULL));
      END IF;
      INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT x, 'consents', NEW."id"::text, s, 'u', nextval('sync_version_seq'), json_build_object('id', NEW.id::text, 'user_id', NEW."user_id", 'purpose', NEW."purpose", 'granted', NEW."granted", 'policy_version', NEW."policy_version", 'channel', NEW."channel", 'recorded_at', sync_ts(NEW."recorded_at"))::text FROM unnest(array_remove(ARRAY['user:' || NEW."user_id"]::text[], NULL)) AS s;
    END IF;
  ELSE
    INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT x, 'consents', OLD."id"::text, s, 'd', nextval('sync_version_seq'), NULL FROM unnest(array_remove(ARRAY['user:' || OLD."user_id"]::text[], NULL)) AS s;
  END IF;
  RETURN NULL;
END
$fn$;
DROP TRIGGER IF EXISTS sync_capture ON "consent_record";
CREATE TRIGGER sync_capture AFTER INSERT OR UPDATE OR DELETE ON "consent_record"
  FOR EACH ROW EXECUTE FUNCTION sync_capture_consent_record();

CREATE OR REPLACE FUNCTION sync_capture_policy_acceptance() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  x bigint := pg_current_xact_id()::text::bigint;
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT x, 'policy_acceptances', NEW."id"::text, s, 'u', nextval('sync_version_seq'), json_build_object('id', NEW.id::text, 'user_id', NEW."user_id", 'kind', NEW."kind", 'version', NEW."version", 'locale', NEW."locale", 'channel', NEW."channel", 'accepted_at', sync_ts(NEW."accepted_at"))::text FROM unnest(array_remove(ARRAY['user:' || NEW."user_id"]::text[], NULL)) AS s;
  ELSIF TG_OP = 'UPDATE' THEN
    IF ROW(OLD."id", OLD."user_id", OLD."kind", OLD."version", OLD."locale", OLD."channel", OLD."accepted_at") IS DISTINCT FROM ROW(NEW."id", NEW."user_id", NEW."kind", NEW."version", NEW."locale", NEW."channel", NEW."accepted_at") THEN
      IF ROW(OLD."user_id") IS DISTINCT FROM ROW(NEW."user_id") THEN
        INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT x, 'policy_acceptances', OLD."id"::text, s, 'r', nextval('sync_version_seq'), NULL FROM unnest(array_remove(ARRAY['user:' || OLD."user_id"]::text[], NULL)) AS s WHERE s <> ALL (array_remove(ARRAY['user:' || NEW."user_id"]::text[], NULL));
      END IF;
      INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT x, 'policy_acceptances', NEW."id"::text, s, 'u', nextval('sync_version_seq'), json_build_object('id', NEW.id::text, 'user_id', NEW."user_id", 'kind', NEW."kind", 'version', NEW."version", 'locale', NEW."locale", 'channel', NEW."channel", 'accepted_at', sync_ts(NEW."accepted_at"))::text FROM unnest(array_remove(ARRAY['user:' || NEW."user_id"]::text[], NULL)) AS s;
    END IF;
  ELSE
    INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT x, 'policy_acceptances', OLD."id"::text, s, 'd', nextval('sync_version_seq'), NULL FROM unnest(array_remove(ARRAY['user:' || OLD."user_id"]::text[], NULL)) AS s;
  END IF;
  RETURN NULL;
END
$fn$;
DROP TRIGGER IF EXISTS sync_capture ON "policy_acceptance";
CREATE TRIGGER sync_capture AFTER INSERT OR UPDATE OR DELETE ON "policy_acceptance"
  FOR EACH ROW EXECUTE FUNCTION sync_capture_policy_acceptance();

CREATE OR REPLACE FUNCTION sync_capture_serviceman_zone() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  x bigint := pg_current_xact_id()::text::bigint;
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM sync_grant_add(g.u, g.s, g.src) FROM ((SELECT NEW.user_id, 'job:' || j.id, 'zone' FROM job j, serviceman_profile sp, user_account ua WHERE NEW.zone_id = j.zone_id AND j.state = 'open' AND sp.user_id = NEW.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.category_ids) AS tr(value) WHERE tr.value = j.category_id OR tr.value IN (SELECT kc.id FROM category kc WHERE kc.parent_id = j.category_id) OR EXISTS (SELECT 1 FROM category c0 LEFT JOIN category c1 ON c1.id = c0.parent_id LEFT JOIN category c2 ON c2.id = c1.parent_id LEFT JOIN category c3 ON c3.id = c2.parent_id WHERE c0.id = j.category_id AND tr.value IN (c0.parent_id, c1.parent_id, c2.parent_id, c3.parent_id))) AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text(j.required_documents) AS rq(value) WHERE NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.verified_documents) AS vd(value) WHERE vd.value = rq.value)) AND ua.id = NEW.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(ua.roles) AS rl(value) WHERE rl.value = 'serviceman'))) AS g(u, s, src);
  ELSIF TG_OP = 'UPDATE' THEN
    IF ROW(OLD."user_id", OLD."zone_id") IS DISTINCT FROM ROW(NEW."user_id", NEW."zone_id") THEN
      PERFORM sync_grant_remove(g.u, g.s, g.src) FROM (((SELECT OLD.user_id, 'job:' || j.id, 'zone' FROM job j, serviceman_profile sp, user_account ua WHERE OLD.zone_id = j.zone_id AND j.state = 'open' AND sp.user_id = OLD.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.category_ids) AS tr(value) WHERE tr.value = j.category_id OR tr.value IN (SELECT kc.id FROM category kc WHERE kc.parent_id = j.category_id) OR EXISTS (SELECT 1 FROM category c0 LEFT JOIN category c1 ON c1.id = c0.parent_id LEFT JOIN category c2 ON c2.id = c1.parent_id LEFT JOIN category c3 ON c3.id = c2.parent_id WHERE c0.id = j.category_id AND tr.value IN (c0.parent_id, c1.parent_id, c2.parent_id, c3.parent_id))) AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text(j.required_documents) AS rq(value) WHERE NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.verified_documents) AS vd(value) WHERE vd.value = rq.value)) AND ua.id = OLD.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(ua.roles) AS rl(value) WHERE rl.value = 'serviceman'))) EXCEPT ((SELECT NEW.user_id, 'job:' || j.id, 'zone' FROM job j, serviceman_profile sp, user_account ua WHERE NEW.zone_id = j.zone_id AND j.state = 'open' AND sp.user_id = NEW.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.category_ids) AS tr(value) WHERE tr.value = j.category_id OR tr.value IN (SELECT kc.id FROM category kc WHERE kc.parent_id = j.category_id) OR EXISTS (SELECT 1 FROM category c0 LEFT JOIN category c1 ON c1.id = c0.parent_id LEFT JOIN category c2 ON c2.id = c1.parent_id LEFT JOIN category c3 ON c3.id = c2.parent_id WHERE c0.id = j.category_id AND tr.value IN (c0.parent_id, c1.parent_id, c2.parent_id, c3.parent_id))) AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text(j.required_documents) AS rq(value) WHERE NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.verified_documents) AS vd(value) WHERE vd.value = rq.value)) AND ua.id = NEW.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(ua.roles) AS rl(value) WHERE rl.value = 'serviceman')))) AS g(u, s, src);
      PERFORM sync_grant_add(g.u, g.s, g.src) FROM (((SELECT NEW.user_id, 'job:' || j.id, 'zone' FROM job j, serviceman_profile sp, user_account ua WHERE NEW.zone_id = j.zone_id AND j.state = 'open' AND sp.user_id = NEW.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.category_ids) AS tr(value) WHERE tr.value = j.category_id OR tr.value IN (SELECT kc.id FROM category kc WHERE kc.parent_id = j.category_id) OR EXISTS (SELECT 1 FROM category c0 LEFT JOIN category c1 ON c1.id = c0.parent_id LEFT JOIN category c2 ON c2.id = c1.parent_id LEFT JOIN category c3 ON c3.id = c2.parent_id WHERE c0.id = j.category_id AND tr.value IN (c0.parent_id, c1.parent_id, c2.parent_id, c3.parent_id))) AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text(j.required_documents) AS rq(value) WHERE NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.verified_documents) AS vd(value) WHERE vd.value = rq.value)) AND ua.id = NEW.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(ua.roles) AS rl(value) WHERE rl.value = 'serviceman'))) EXCEPT ((SELECT OLD.user_id, 'job:' || j.id, 'zone' FROM job j, serviceman_profile sp, user_account ua WHERE OLD.zone_id = j.zone_id AND j.state = 'open' AND sp.user_id = OLD.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.category_ids) AS tr(value) WHERE tr.value = j.category_id OR tr.value IN (SELECT kc.id FROM category kc WHERE kc.parent_id = j.category_id) OR EXISTS (SELECT 1 FROM category c0 LEFT JOIN category c1 ON c1.id = c0.parent_id LEFT JOIN category c2 ON c2.id = c1.parent_id LEFT JOIN category c3 ON c3.id = c2.parent_id WHERE c0.id = j.category_id AND tr.value IN (c0.parent_id, c1.parent_id, c2.parent_id, c3.parent_id))) AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text(j.required_documents) AS rq(value) WHERE NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.verified_documents) AS vd(value) WHERE vd.value = rq.value)) AND ua.id = OLD.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(ua.roles) AS rl(value) WHERE rl.value = 'serviceman')))) AS g(u, s, src);
    END IF;
  ELSE
    PERFORM sync_grant_remove(g.u, g.s, g.src) FROM ((SELECT OLD.user_id, 'job:' || j.id, 'zone' FROM job j, serviceman_profile sp, user_account ua WHERE OLD.zone_id = j.zone_id AND j.state = 'open' AND sp.user_id = OLD.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.category_ids) AS tr(value) WHERE tr.value = j.category_id OR tr.value IN (SELECT kc.id FROM category kc WHERE kc.parent_id = j.category_id) OR EXISTS (SELECT 1 FROM category c0 LEFT JOIN category c1 ON c1.id = c0.parent_id LEFT JOIN category c2 ON c2.id = c1.parent_id LEFT JOIN category c3 ON c3.id = c2.parent_id WHERE c0.id = j.category_id AND tr.value IN (c0.parent_id, c1.parent_id, c2.parent_id, c3.parent_id))) AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text(j.required_documents) AS rq(value) WHERE NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.verified_documents) AS vd(value) WHERE vd.value = rq.value)) AND ua.id = OLD.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(ua.roles) AS rl(value) WHERE rl.value = 'serviceman'))) AS g(u, s, src);
  END IF;
  RETURN NULL;
END
$fn$;
DROP TRIGGER IF EXISTS sync_capture ON "serviceman_zone";
CREATE TRIGGER sync_capture AFTER INSERT OR UPDATE OR DELETE ON "serviceman_zone"
  FOR EACH ROW EXECUTE FUNCTION sync_capture_serviceman_zone();

CREATE OR REPLACE FUNCTION sync_capture_organisation_zone() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  x bigint := pg_current_xact_id()::text::bigint;
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM sync_grant_add(g.u, g.s, g.src) FROM ((SELECT m.user_id, 'job:' || j.id, 'org-zone:' || NEW.organisation_id FROM job j, membership m, serviceman_profile sp, user_account ua WHERE NEW.zone_id = j.zone_id AND j.state = 'open' AND m.organisation_id = NEW.organisation_id AND m.status = 'accepted' AND sp.user_id = m.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.category_ids) AS tr(value) WHERE tr.value = j.category_id OR tr.value IN (SELECT kc.id FROM category kc WHERE kc.parent_id = j.category_id) OR EXISTS (SELECT 1 FROM category c0 LEFT JOIN category c1 ON c1.id = c0.parent_id LEFT JOIN category c2 ON c2.id = c1.parent_id LEFT JOIN category c3 ON c3.id = c2.parent_id WHERE c0.id = j.category_id AND tr.value IN (c0.parent_id, c1.parent_id, c2.parent_id, c3.parent_id))) AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text(j.required_documents) AS rq(value) WHERE NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.verified_documents) AS vd(value) WHERE vd.value = rq.value)) AND ua.id = m.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(ua.roles) AS rl(value) WHERE rl.value = 'serviceman'))) AS g(u, s, src);
  ELSIF TG_OP = 'UPDATE' THEN
    IF ROW(OLD."organisation_id", OLD."zone_id") IS DISTINCT FROM ROW(NEW."organisation_id", NEW."zone_id") THEN
      PERFORM sync_grant_remove(g.u, g.s, g.src) FROM (((SELECT m.user_id, 'job:' || j.id, 'org-zone:' || OLD.organisation_id FROM job j, membership m, serviceman_profile sp, user_account ua WHERE OLD.zone_id = j.zone_id AND j.state = 'open' AND m.organisation_id = OLD.organisation_id AND m.status = 'accepted' AND sp.user_id = m.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.category_ids) AS tr(value) WHERE tr.value = j.category_id OR tr.value IN (SELECT kc.id FROM category kc WHERE kc.parent_id = j.category_id) OR EXISTS (SELECT 1 FROM category c0 LEFT JOIN category c1 ON c1.id = c0.parent_id LEFT JOIN category c2 ON c2.id = c1.parent_id LEFT JOIN category c3 ON c3.id = c2.parent_id WHERE c0.id = j.category_id AND tr.value IN (c0.parent_id, c1.parent_id, c2.parent_id, c3.parent_id))) AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text(j.required_documents) AS rq(value) WHERE NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.verified_documents) AS vd(value) WHERE vd.value = rq.value)) AND ua.id = m.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(ua.roles) AS rl(value) WHERE rl.value = 'serviceman'))) EXCEPT ((SELECT m.user_id, 'job:' || j.id, 'org-zone:' || NEW.organisation_id FROM job j, membership m, serviceman_profile sp, user_account ua WHERE NEW.zone_id = j.zone_id AND j.state = 'open' AND m.organisation_id = NEW.organisation_id AND m.status = 'accepted' AND sp.user_id = m.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.category_ids) AS tr(value) WHERE tr.value = j.category_id OR tr.value IN (SELECT kc.id FROM category kc WHERE kc.parent_id = j.category_id) OR EXISTS (SELECT 1 FROM category c0 LEFT JOIN category c1 ON c1.id = c0.parent_id LEFT JOIN category c2 ON c2.id = c1.parent_id LEFT JOIN category c3 ON c3.id = c2.parent_id WHERE c0.id = j.category_id AND tr.value IN (c0.parent_id, c1.parent_id, c2.parent_id, c3.parent_id))) AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text(j.required_documents) AS rq(value) WHERE NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.verified_documents) AS vd(value) WHERE vd.value = rq.value)) AND ua.id = m.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(ua.roles) AS rl(value) WHERE rl.value = 'serviceman')))) AS g(u, s, src);
      PERFORM sync_grant_add(g.u, g.s, g.src) FROM (((SELECT m.user_id, 'job:' || j.id, 'org-zone:' || NEW.organisation_id FROM job j, membership m, serviceman_profile sp, user_account ua WHERE NEW.zone_id = j.zone_id AND j.state = 'open' AND m.organisation_id = NEW.organisation_id AND m.status = 'accepted' AND sp.user_id = m.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.category_ids) AS tr(value) WHERE tr.value = j.category_id OR tr.value IN (SELECT kc.id FROM category kc WHERE kc.parent_id = j.category_id) OR EXISTS (SELECT 1 FROM category c0 LEFT JOIN category c1 ON c1.id = c0.parent_id LEFT JOIN category c2 ON c2.id = c1.parent_id LEFT JOIN category c3 ON c3.id = c2.parent_id WHERE c0.id = j.category_id AND tr.value IN (c0.parent_id, c1.parent_id, c2.parent_id, c3.parent_id))) AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text(j.required_documents) AS rq(value) WHERE NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.verified_documents) AS vd(value) WHERE vd.value = rq.value)) AND ua.id = m.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(ua.roles) AS rl(value) WHERE rl.value = 'serviceman'))) EXCEPT ((SELECT m.user_id, 'job:' || j.id, 'org-zone:' || OLD.organisation_id FROM job j, membership m, serviceman_profile sp, user_account ua WHERE OLD.zone_id = j.zone_id AND j.state = 'open' AND m.organisation_id = OLD.organisation_id AND m.status = 'accepted' AND sp.user_id = m.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.category_ids) AS tr(value) WHERE tr.value = j.category_id OR tr.value IN (SELECT kc.id FROM category kc WHERE kc.parent_id = j.category_id) OR EXISTS (SELECT 1 FROM category c0 LEFT JOIN category c1 ON c1.id = c0.parent_id LEFT JOIN category c2 ON c2.id = c1.parent_id LEFT JOIN category c3 ON c3.id = c2.parent_id WHERE c0.id = j.category_id AND tr.value IN (c0.parent_id, c1.parent_id, c2.parent_id, c3.parent_id))) AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text(j.required_documents) AS rq(value) WHERE NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.verified_documents) AS vd(value) WHERE vd.value = rq.value)) AND ua.id = m.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(ua.roles) AS rl(value) WHERE rl.value = 'serviceman')))) AS g(u, s, src);
    END IF;
  ELSE
    PERFORM sync_grant_remove(g.u, g.s, g.src) FROM ((SELECT m.user_id, 'job:' || j.id, 'org-zone:' || OLD.organisation_id FROM job j, membership m, serviceman_profile sp, user_account ua WHERE OLD.zone_id = j.zone_id AND j.state = 'open' AND m.organisation_id = OLD.organisation_id AND m.status = 'accepted' AND sp.user_id = m.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.category_ids) AS tr(value) WHERE tr.value = j.category_id OR tr.value IN (SELECT kc.id FROM category kc WHERE kc.parent_id = j.category_id) OR EXISTS (SELECT 1 FROM category c0 LEFT JOIN category c1 ON c1.id = c0.parent_id LEFT JOIN category c2 ON c2.id = c1.parent_id LEFT JOIN category c3 ON c3.id = c2.parent_id WHERE c0.id = j.category_id AND tr.value IN (c0.parent_id, c1.parent_id, c2.parent_id, c3.parent_id))) AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text(j.required_documents) AS rq(value) WHERE NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.verified_documents) AS vd(value) WHERE vd.value = rq.value)) AND ua.id = m.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(ua.roles) AS rl(value) WHERE rl.value = 'serviceman'))) AS g(u, s, src);
  END IF;
  RETURN NULL;
END
$fn$;
DROP TRIGGER IF EXISTS sync_capture ON "organisation_zone";
CREATE TRIGGER sync_capture AFTER INSERT OR UPDATE OR DELETE ON "organisation_zone"
  FOR EACH ROW EXECUTE FUNCTION sync_capture_organisation_zone();
INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT pg_current_xact_id()::text::bigint, 'users', t."id"::text, s, 'u', t."version", json_build_object('id', t."id", 'email', t."email", 'name', t."name", 'roles', t."roles", 'region', t."region", 'photo_upload_id', t."photo_upload_id", 'status', t."status", 'version', t."version", 'created_at', sync_ts(t."created_at"), 'updated_at', sync_ts(t."updated_at"))::text FROM "user_account" AS t, unnest(array_remove(ARRAY['user:' || t."id"]::text[], NULL)) AS s;
INSERT INTO sync_grant (user_id, scope, source) SELECT g.u, g.s, g.src FROM "user_account" AS t, LATERAL ((SELECT sz.user_id, 'job:' || j.id, 'zone' FROM job j, serviceman_zone sz, serviceman_profile sp WHERE sz.zone_id = j.zone_id AND j.state = 'open' AND sp.user_id = sz.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.category_ids) AS tr(value) WHERE tr.value = j.category_id OR tr.value IN (SELECT kc.id FROM category kc WHERE kc.parent_id = j.category_id) OR EXISTS (SELECT 1 FROM category c0 LEFT JOIN category c1 ON c1.id = c0.parent_id LEFT JOIN category c2 ON c2.id = c1.parent_id LEFT JOIN category c3 ON c3.id = c2.parent_id WHERE c0.id = j.category_id AND tr.value IN (c0.parent_id, c1.parent_id, c2.parent_id, c3.parent_id))) AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text(j.required_documents) AS rq(value) WHERE NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.verified_documents) AS vd(value) WHERE vd.value = rq.value)) AND t.id = sz.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(t.roles) AS rl(value) WHERE rl.value = 'serviceman')) UNION ALL (SELECT m.user_id, 'job:' || j.id, 'org-zone:' || oz.organisation_id FROM job j, organisation_zone oz, membership m, serviceman_profile sp WHERE oz.zone_id = j.zone_id AND j.state = 'open' AND m.organisation_id = oz.organisation_id AND m.status = 'accepted' AND sp.user_id = m.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.category_ids) AS tr(value) WHERE tr.value = j.category_id OR tr.value IN (SELECT kc.id FROM category kc WHERE kc.parent_id = j.category_id) OR EXISTS (SELECT 1 FROM category c0 LEFT JOIN category c1 ON c1.id = c0.parent_id LEFT JOIN category c2 ON c2.id = c1.parent_id LEFT JOIN category c3 ON c3.id = c2.parent_id WHERE c0.id = j.category_id AND tr.value IN (c0.parent_id, c1.parent_id, c2.parent_id, c3.parent_id))) AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text(j.required_documents) AS rq(value) WHERE NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.verified_documents) AS vd(value) WHERE vd.value = rq.value)) AND t.id = m.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(t.roles) AS rl(value) WHERE rl.value = 'serviceman')) UNION ALL (SELECT t.id, 'disputes-admin', 'admin' FROM (SELECT 1) AS one WHERE EXISTS (SELECT 1 FROM jsonb_array_elements_text(t.roles) AS ar(value) WHERE ar.value = 'admin'))) AS g(u, s, src) WHERE g.u IS NOT NULL AND g.s IS NOT NULL ON CONFLICT DO NOTHING;
INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT pg_current_xact_id()::text::bigint, 'organisations', t."id"::text, s, 'u', t."version", json_build_object('id', t."id", 'name', t."name", 'owner_id', t."owner_id", 'rating_count', t."rating_count", 'version', t."version", 'rating', CASE WHEN t."rating_count" > 0 THEN round(t."rating_sum"::numeric / t."rating_count", 2) END, 'created_at', sync_ts(t."created_at"), 'updated_at', sync_ts(t."updated_at"))::text FROM "organisation" AS t, unnest(array_remove(ARRAY['org:' || t."id"]::text[], NULL)) AS s;
INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT pg_current_xact_id()::text::bigint, 'memberships', t."id"::text, s, 'u', t."version", json_build_object('id', t."id", 'organisation_id', t."organisation_id", 'user_id', t."user_id", 'role', t."role", 'status', t."status", 'invited_by_id', t."invited_by_id", 'expires_at', sync_ts(t."expires_at"), 'version', t."version", 'created_at', sync_ts(t."created_at"))::text FROM "membership" AS t, unnest(array_remove(ARRAY['org:' || t."organisation_id", 'user:' || t."user_id"]::text[], NULL)) AS s;
INSERT INTO sync_grant (user_id, scope, source) SELECT g.u, g.s, g.src FROM "membership" AS t, LATERAL ((SELECT t.user_id, 'org:' || t.organisation_id, 'member' WHERE t.status = 'accepted') UNION ALL (SELECT t.user_id, 'org-bookings:' || t.organisation_id, 'manager' WHERE t.role IN ('owner', 'manager') AND t.status = 'accepted') UNION ALL (SELECT t.user_id, 'job:' || j.id, 'org-zone:' || oz.organisation_id FROM job j, organisation_zone oz, serviceman_profile sp, user_account ua WHERE oz.zone_id = j.zone_id AND j.state = 'open' AND t.organisation_id = oz.organisation_id AND t.status = 'accepted' AND sp.user_id = t.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.category_ids) AS tr(value) WHERE tr.value = j.category_id OR tr.value IN (SELECT kc.id FROM category kc WHERE kc.parent_id = j.category_id) OR EXISTS (SELECT 1 FROM category c0 LEFT JOIN category c1 ON c1.id = c0.parent_id LEFT JOIN category c2 ON c2.id = c1.parent_id LEFT JOIN category c3 ON c3.id = c2.parent_id WHERE c0.id = j.category_id AND tr.value IN (c0.parent_id, c1.parent_id, c2.parent_id, c3.parent_id))) AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text(j.required_documents) AS rq(value) WHERE NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.verified_documents) AS vd(value) WHERE vd.value = rq.value)) AND ua.id = t.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(ua.roles) AS rl(value) WHERE rl.value = 'serviceman'))) AS g(u, s, src) WHERE g.u IS NOT NULL AND g.s IS NOT NULL ON CONFLICT DO NOTHING;
INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT pg_current_xact_id()::text::bigint, 'zones', t."id"::text, s, 'u', t."version", json_build_object('id', t."id", 'name', t."name", 'city', t."city", 'geometry', t."geometry", 'active', t."active", 'version', t."version", 'bbox', json_build_array(t.min_lng, t.min_lat, t.max_lng, t.max_lat), 'created_at', sync_ts(t."created_at"), 'updated_at', sync_ts(t."updated_at"))::text FROM "zone" AS t, unnest(array_remove(ARRAY['public']::text[], NULL)) AS s;
INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT pg_current_xact_id()::text::bigint, 'categories', t."id"::text, s, 'u', nextval('sync_version_seq'), json_build_object('id', t."id", 'name', t."name", 'parent_id', t."parent_id", 'position', t."position")::text FROM "category" AS t, unnest(array_remove(ARRAY['public']::text[], NULL)) AS s;
INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT pg_current_xact_id()::text::bigint, 'services', t."id"::text, s, 'u', t."version", json_build_object('id', t."id", 'kind', t."kind", 'owner_org_id', t."owner_org_id", 'owner_user_id', t."owner_user_id", 'title', t."title", 'description', t."description", 'category_id', t."category_id", 'price', CASE WHEN t."price_amount" IS NULL THEN NULL ELSE json_build_object('amount', t."price_amount", 'currency', t."currency") END, 'duration_minutes', t."duration_minutes", 'zone_ids', t."zone_ids", 'media', t."media", 'items', t."items", 'state', t."state", 'version', t."version", 'rating_count', t."rating_count", 'rating', CASE WHEN t."rating_count" > 0 THEN round(t."rating_sum"::numeric / t."rating_count", 2) END, 'published_at', sync_ts(t."published_at"), 'created_at', sync_ts(t."created_at"), 'updated_at', sync_ts(t."updated_at"))::text FROM "service" AS t, unnest(array_remove(ARRAY[CASE WHEN t.state = 'published' THEN 'public' END, 'org:' || t."owner_org_id", 'user:' || t."owner_user_id"]::text[], NULL)) AS s;
INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT pg_current_xact_id()::text::bigint, 'storefronts', t."id"::text, s, 'u', t."version", json_build_object('id', t."id", 'organisation_id', t."organisation_id", 'user_id', t."user_id", 'headline', t."headline", 'bio', t."bio", 'banner', t."banner", 'galleries', t."galleries", 'social_links', t."social_links", 'version', t."version", 'created_at', sync_ts(t."created_at"), 'updated_at', sync_ts(t."updated_at"))::text FROM "storefront" AS t, unnest(array_remove(ARRAY['public']::text[], NULL)) AS s;
INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT pg_current_xact_id()::text::bigint, 'serviceman_profiles', t."id"::text, s, 'u', t."version", json_build_object('id', t."id", 'user_id', t."user_id", 'bio', t."bio", 'category_ids', t."category_ids", 'area_lat', round(t."home_lat"::numeric, 2), 'area_lng', round(t."home_lng"::numeric, 2), 'rating_count', t."rating_count", 'completed_jobs', t."completed_jobs", 'verified_documents', t."verified_documents", 'version', t."version", 'rating', CASE WHEN t."rating_count" > 0 THEN round(t."rating_sum"::numeric / t."rating_count", 2) END, 'updated_at', sync_ts(t."updated_at"))::text FROM "serviceman_profile" AS t, unnest(array_remove(ARRAY['public']::text[], NULL)) AS s;
INSERT INTO sync_grant (user_id, scope, source) SELECT g.u, g.s, g.src FROM "serviceman_profile" AS t, LATERAL ((SELECT sz.user_id, 'job:' || j.id, 'zone' FROM job j, serviceman_zone sz, user_account ua WHERE sz.zone_id = j.zone_id AND j.state = 'open' AND t.user_id = sz.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(t.category_ids) AS tr(value) WHERE tr.value = j.category_id OR tr.value IN (SELECT kc.id FROM category kc WHERE kc.parent_id = j.category_id) OR EXISTS (SELECT 1 FROM category c0 LEFT JOIN category c1 ON c1.id = c0.parent_id LEFT JOIN category c2 ON c2.id = c1.parent_id LEFT JOIN category c3 ON c3.id = c2.parent_id WHERE c0.id = j.category_id AND tr.value IN (c0.parent_id, c1.parent_id, c2.parent_id, c3.parent_id))) AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text(j.required_documents) AS rq(value) WHERE NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text(t.verified_documents) AS vd(value) WHERE vd.value = rq.value)) AND ua.id = sz.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(ua.roles) AS rl(value) WHERE rl.value = 'serviceman')) UNION ALL (SELECT m.user_id, 'job:' || j.id, 'org-zone:' || oz.organisation_id FROM job j, organisation_zone oz, membership m, user_account ua WHERE oz.zone_id = j.zone_id AND j.state = 'open' AND m.organisation_id = oz.organisation_id AND m.status = 'accepted' AND t.user_id = m.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(t.category_ids) AS tr(value) WHERE tr.value = j.category_id OR tr.value IN (SELECT kc.id FROM category kc WHERE kc.parent_id = j.category_id) OR EXISTS (SELECT 1 FROM category c0 LEFT JOIN category c1 ON c1.id = c0.parent_id LEFT JOIN category c2 ON c2.id = c1.parent_id LEFT JOIN category c3 ON c3.id = c2.parent_id WHERE c0.id = j.category_id AND tr.value IN (c0.parent_id, c1.parent_id, c2.parent_id, c3.parent_id))) AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text(j.required_documents) AS rq(value) WHERE NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text(t.verified_documents) AS vd(value) WHERE vd.value = rq.value)) AND ua.id = m.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(ua.roles) AS rl(value) WHERE rl.value = 'serviceman'))) AS g(u, s, src) WHERE g.u IS NOT NULL AND g.s IS NOT NULL ON CONFLICT DO NOTHING;
INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT pg_current_xact_id()::text::bigint, 'bookings', t."id"::text, s, 'u', t."version", json_build_object('id', t."id", 'kind', t."kind", 'state', t."state", 'customer_id', t."customer_id", 'service_id', t."service_id", 'organisation_id', t."organisation_id", 'job_id', t."job_id", 'zone_id', t."zone_id", 'lat', t."lat", 'lng', t."lng", 'address', t."address", 'notes', t."notes", 'scheduled_start', sync_ts(t."scheduled_start"), 'scheduled_end', sync_ts(t."scheduled_end"), 'price', CASE WHEN t."price_amount" IS NULL THEN NULL ELSE json_build_object('amount', t."price_amount", 'currency', t."currency") END, 'commission', CASE WHEN t."commission_amount" IS NULL THEN NULL ELSE json_build_object('amount', t."commission_amount", 'currency', t."currency") END, 'tax', CASE WHEN t."tax_amount" IS NULL THEN NULL ELSE json_build_object('amount', t."tax_amount", 'currency', t."currency") END, 'total', CASE WHEN t."total_amount" IS NULL THEN NULL ELSE json_build_object('amount', t."total_amount", 'currency', t."currency") END, 'expires_at', sync_ts(t."expires_at"), 'version', t."version", 'created_at', sync_ts(t."created_at"), 'updated_at', sync_ts(t."updated_at"))::text FROM "booking" AS t, unnest(array_remove(ARRAY['booking:' || t."id", 'org-bookings:' || t."organisation_id"]::text[], NULL)) AS s;
INSERT INTO sync_grant (user_id, scope, source) SELECT g.u, g.s, g.src FROM "booking" AS t, LATERAL ((SELECT t.customer_id, 'booking:' || t.id, 'customer')) AS g(u, s, src) WHERE g.u IS NOT NULL AND g.s IS NOT NULL ON CONFLICT DO NOTHING;
INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT pg_current_xact_id()::text::bigint, 'booking_assignments', t."id"::text, s, 'u', t."version", json_build_object('id', t."id", 'booking_id', t."booking_id", 'serviceman_id', t."serviceman_id", 'lead', t."lead", 'version', t."version", 'created_at', sync_ts(t."created_at"))::text FROM "booking_assignment" AS t, unnest(array_remove(ARRAY['booking:' || t."booking_id", (SELECT 'org-bookings:' || p."organisation_id" FROM "booking" AS p WHERE p.id = t."booking_id")]::text[], NULL)) AS s;
INSERT INTO sync_grant (user_id, scope, source) SELECT g.u, g.s, g.src FROM "booking_assignment" AS t, LATERAL ((SELECT t.serviceman_id, 'booking:' || t.booking_id, 'crew')) AS g(u, s, src) WHERE g.u IS NOT NULL AND g.s IS NOT NULL ON CONFLICT DO NOTHING;
INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT pg_current_xact_id()::text::bigint, 'booking_transitions', t."id"::text, s, 'u', nextval('sync_version_seq'), json_build_object('id', t.id::text, 'booking_id', t."booking_id", 'from_state', t."from_state", 'to_state', t."to_state", 'actor_id', t."actor_id", 'actor_role', t."actor_role", 'reason', t."reason", 'created_at', sync_ts(t."created_at"))::text FROM "booking_transition" AS t, unnest(array_remove(ARRAY['booking:' || t."booking_id", (SELECT 'org-bookings:' || p."organisation_id" FROM "booking" AS p WHERE p.id = t."booking_id")]::text[], NULL)) AS s;
INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT pg_current_xact_id()::text::bigint, 'jobs', t."id"::text, s, 'u', t."version", json_build_object('id', t."id", 'customer_id', t."customer_id", 'title', t."title", 'description', t."description", 'category_id', t."category_id", 'zone_id', t."zone_id", 'lat', t."lat", 'lng', t."lng", 'address', t."address", 'budget_min', CASE WHEN t."budget_min" IS NULL THEN NULL ELSE json_build_object('amount', t."budget_min", 'currency', t."currency") END, 'budget_max', CASE WHEN t."budget_max" IS NULL THEN NULL ELSE json_build_object('amount', t."budget_max", 'currency', t."currency") END, 'desired_start', sync_ts(t."desired_start"), 'desired_end', sync_ts(t."desired_end"), 'state', t."state", 'accepted_bid_id', t."accepted_bid_id", 'required_documents', t."required_documents", 'expires_at', sync_ts(t."expires_at"), 'version', t."version", 'created_at', sync_ts(t."created_at"), 'updated_at', sync_ts(t."updated_at"))::text FROM "job" AS t, unnest(array_remove(ARRAY['job:' || t."id"]::text[], NULL)) AS s;
INSERT INTO sync_grant (user_id, scope, source) SELECT g.u, g.s, g.src FROM "job" AS t, LATERAL ((SELECT t.customer_id, 'job:' || t.id, 'customer') UNION ALL (SELECT sz.user_id, 'job:' || t.id, 'zone' FROM serviceman_zone sz, serviceman_profile sp, user_account ua WHERE sz.zone_id = t.zone_id AND t.state = 'open' AND sp.user_id = sz.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.category_ids) AS tr(value) WHERE tr.value = t.category_id OR tr.value IN (SELECT kc.id FROM category kc WHERE kc.parent_id = t.category_id) OR EXISTS (SELECT 1 FROM category c0 LEFT JOIN category c1 ON c1.id = c0.parent_id LEFT JOIN category c2 ON c2.id = c1.parent_id LEFT JOIN category c3 ON c3.id = c2.parent_id WHERE c0.id = t.category_id AND tr.value IN (c0.parent_id, c1.parent_id, c2.parent_id, c3.parent_id))) AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text(t.required_documents) AS rq(value) WHERE NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.verified_documents) AS vd(value) WHERE vd.value = rq.value)) AND ua.id = sz.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(ua.roles) AS rl(value) WHERE rl.value = 'serviceman')) UNION ALL (SELECT m.user_id, 'job:' || t.id, 'org-zone:' || oz.organisation_id FROM organisation_zone oz, membership m, serviceman_profile sp, user_account ua WHERE oz.zone_id = t.zone_id AND t.state = 'open' AND m.organisation_id = oz.organisation_id AND m.status = 'accepted' AND sp.user_id = m.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.category_ids) AS tr(value) WHERE tr.value = t.category_id OR tr.value IN (SELECT kc.id FROM category kc WHERE kc.parent_id = t.category_id) OR EXISTS (SELECT 1 FROM category c0 LEFT JOIN category c1 ON c1.id = c0.parent_id LEFT JOIN category c2 ON c2.id = c1.parent_id LEFT JOIN category c3 ON c3.id = c2.parent_id WHERE c0.id = t.category_id AND tr.value IN (c0.parent_id, c1.parent_id, c2.parent_id, c3.parent_id))) AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text(t.required_documents) AS rq(value) WHERE NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.verified_documents) AS vd(value) WHERE vd.value = rq.value)) AND ua.id = m.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(ua.roles) AS rl(value) WHERE rl.value = 'serviceman'))) AS g(u, s, src) WHERE g.u IS NOT NULL AND g.s IS NOT NULL ON CONFLICT DO NOTHING;
INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT pg_current_xact_id()::text::bigint, 'bids', t."id"::text, s, 'u', t."version", json_build_object('id', t."id", 'job_id', t."job_id", 'serviceman_id', t."serviceman_id", 'amount', CASE WHEN t."amount" IS NULL THEN NULL ELSE json_build_object('amount', t."amount", 'currency', t."currency") END, 'message', t."message", 'proposed_start', sync_ts(t."proposed_start"), 'state', t."state", 'version', t."version", 'created_at', sync_ts(t."created_at"), 'updated_at', sync_ts(t."updated_at"))::text FROM "bid" AS t, unnest(array_remove(ARRAY['bid:' || t."id"]::text[], NULL)) AS s;
INSERT INTO sync_grant (user_id, scope, source) SELECT g.u, g.s, g.src FROM "bid" AS t, LATERAL ((SELECT t.serviceman_id, 'job:' || t.job_id, 'bidder') UNION ALL (SELECT t.serviceman_id, 'bid:' || t.id, 'bidder') UNION ALL (SELECT j.customer_id, 'bid:' || t.id, 'customer' FROM job j WHERE j.id = t.job_id)) AS g(u, s, src) WHERE g.u IS NOT NULL AND g.s IS NOT NULL ON CONFLICT DO NOTHING;
INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT pg_current_xact_id()::text::bigint, 'job_comments', t."id"::text, s, 'u', t."version", json_build_object('id', t."id", 'job_id', t."job_id", 'bid_id', t."bid_id", 'author_id', t."author_id", 'body', t."body", 'version', t."version", 'created_at', sync_ts(t."created_at"))::text FROM "job_comment" AS t, unnest(array_remove(ARRAY[CASE WHEN t.bid_id IS NULL THEN 'job:' || t.job_id END, CASE WHEN t.bid_id IS NOT NULL THEN 'bid:' || t.bid_id END]::text[], NULL)) AS s;
INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT pg_current_xact_id()::text::bigint, 'reviews', t."id"::text, s, 'u', t."version", json_build_object('id', t."id", 'booking_id', t."booking_id", 'author_id', t."author_id", 'subject_id', t."subject_id", 'rating', t."rating", 'text', CASE WHEN t."hidden" THEN NULL ELSE t."text" END, 'hidden', t."hidden", 'reported', t.reported_at IS NOT NULL, 'version', t."version", 'created_at', sync_ts(t."created_at"))::text FROM "review" AS t, unnest(array_remove(ARRAY['booking:' || t."booking_id", (SELECT 'org-bookings:' || p."organisation_id" FROM "booking" AS p WHERE p.id = t."booking_id"), 'user:' || t."subject_id"]::text[], NULL)) AS s;
INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT pg_current_xact_id()::text::bigint, 'conversations', t."id"::text, s, 'u', t."version", json_build_object('id', t."id", 'kind', t."kind", 'booking_id', t."booking_id", 'job_id', t."job_id", 'subject_user_id', t."subject_user_id", 'last_seq', t."last_seq", 'last_message_at', sync_ts(t."last_message_at"), 'version', t."version", 'created_at', sync_ts(t."created_at"), 'updated_at', sync_ts(t."updated_at"))::text FROM "conversation" AS t, unnest(array_remove(ARRAY['conversation:' || t."id"]::text[], NULL)) AS s;
INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT pg_current_xact_id()::text::bigint, 'messages', t."id"::text, s, 'u', nextval('sync_version_seq'), json_build_object('id', t."id", 'conversation_id', t."conversation_id", 'seq', t."seq", 'sender_id', t."sender_id", 'body', t."body", 'client_msg_id', t."client_msg_id", 'attachments', t."attachments", 'flagged', t."flagged", 'flag_reasons', t."flag_reasons", 'created_at', sync_ts(t."created_at"))::text FROM "message" AS t, unnest(array_remove(ARRAY['conversation:' || t."conversation_id"]::text[], NULL)) AS s;
INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT pg_current_xact_id()::text::bigint, 'read_states', t."id"::text, s, 'u', t."version", json_build_object('id', t."id", 'conversation_id', t."conversation_id", 'user_id', t."user_id", 'role', t."role", 'last_read_seq', t."last_read_seq", 'joined_at', sync_ts(t."joined_at"), 'left_at', sync_ts(t."left_at"), 'version', t."version")::text FROM "conversation_participant" AS t, unnest(array_remove(ARRAY['conversation:' || t."conversation_id"]::text[], NULL)) AS s;
INSERT INTO sync_grant (user_id, scope, source) SELECT g.u, g.s, g.src FROM "conversation_participant" AS t, LATERAL ((SELECT t.user_id, 'conversation:' || t.conversation_id, 'participant' WHERE t.left_at IS NULL)) AS g(u, s, src) WHERE g.u IS NOT NULL AND g.s IS NOT NULL ON CONFLICT DO NOTHING;
INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT pg_current_xact_id()::text::bigint, 'notifications', t."id"::text, s, 'u', t."version", json_build_object('id', t."id", 'kind', t."kind", 'category', t."category", 'title', t."title", 'body', t."body", 'entity_type', t."entity_type", 'entity_id', t."entity_id", 'collapse_key', t."collapse_key", 'count', t."count", 'data', t."data", 'version', t."version", 'read_at', sync_ts(t."read_at"), 'dismissed_at', sync_ts(t."dismissed_at"), 'created_at', sync_ts(t."created_at"), 'updated_at', sync_ts(t."updated_at"))::text FROM "notification" AS t, unnest(array_remove(ARRAY['user:' || t."user_id"]::text[], NULL)) AS s;
INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT pg_current_xact_id()::text::bigint, 'devices', t."id"::text, s, 'u', t."version", json_build_object('id', t."id", 'token', t."token", 'platform', t."platform", 'app', t."app", 'locale', t."locale", 'version', t."version", 'last_seen_at', sync_ts(t."last_seen_at"), 'created_at', sync_ts(t."created_at"))::text FROM "device" AS t, unnest(array_remove(ARRAY['user:' || t."user_id"]::text[], NULL)) AS s;
INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT pg_current_xact_id()::text::bigint, 'feed_items', t."id"::text, s, 'u', t."version", json_build_object('id', t.id::text, 'seq', t.id, 'kind', t."kind", 'entity_type', t."entity_type", 'entity_id', t."entity_id", 'zone_id', t."zone_id", 'category_id', t."category_id", 'amount', CASE WHEN t."amount" IS NULL THEN NULL ELSE json_build_object('amount', t."amount", 'currency', t."currency") END, 'summary', t."summary", 'rank', t."rank", 'factors', t."factors", 'version', t."version", 'created_at', sync_ts(t."created_at"))::text FROM "feed_item" AS t, unnest(array_remove(ARRAY['user:' || t."user_id"]::text[], NULL)) AS s;
INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT pg_current_xact_id()::text::bigint, 'payment_cases', t."id"::text, s, 'u', t."version", json_build_object('id', t."id", 'booking_id', t."booking_id", 'job_id', t."job_id", 'customer_id', t."customer_id", 'organisation_id', t."organisation_id", 'state', t."state", 'amount', CASE WHEN t."amount" IS NULL THEN NULL ELSE json_build_object('amount', t."amount", 'currency', t."currency") END, 'promo_credit', CASE WHEN t."promo_amount" IS NULL THEN NULL ELSE json_build_object('amount', t."promo_amount", 'currency', t."currency") END, 'captured', CASE WHEN t."captured_amount" IS NULL THEN NULL ELSE json_build_object('amount', t."captured_amount", 'currency', t."currency") END, 'refunded', CASE WHEN t."refunded_amount" IS NULL THEN NULL ELSE json_build_object('amount', t."refunded_amount", 'currency', t."currency") END, 'released', CASE WHEN t."released_amount" IS NULL THEN NULL ELSE json_build_object('amount', t."released_amount", 'currency', t."currency") END, 'capture_before', sync_ts(t."capture_before"), 'release_after', sync_ts(t."release_after"), 'dispute_open', t."dispute_open", 'failure', t."failure", 'seq', t."seq", 'version', t."version", 'created_at', sync_ts(t."created_at"), 'updated_at', sync_ts(t."updated_at"))::text FROM "payment_case" AS t, unnest(array_remove(ARRAY['booking:' || t."booking_id", 'org-bookings:' || t."organisation_id"]::text[], NULL)) AS s;
INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT pg_current_xact_id()::text::bigint, 'payment_milestones', t."id"::text, s, 'u', nextval('sync_version_seq'), json_build_object('id', t."id", 'case_id', t."case_id", 'position', t."position", 'title', t."title", 'amount', (SELECT json_build_object('amount', t."amount", 'currency', p.currency) FROM payment_case AS p WHERE p.id = t."case_id"), 'state', t."state", 'released_at', sync_ts(t."released_at"))::text FROM "payment_milestone" AS t, unnest(array_remove(ARRAY[(SELECT 'booking:' || p."booking_id" FROM "payment_case" AS p WHERE p.id = t."case_id"), (SELECT 'org-bookings:' || p."organisation_id" FROM "payment_case" AS p WHERE p.id = t."case_id")]::text[], NULL)) AS s;
INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT pg_current_xact_id()::text::bigint, 'balances', t."id"::text, s, 'u', t."version", json_build_object('id', t."id", 'owner', t."owner", 'currency', t."currency", 'available', CASE WHEN t."available" IS NULL THEN NULL ELSE json_build_object('amount', t."available", 'currency', t."currency") END, 'earned', CASE WHEN t."earned" IS NULL THEN NULL ELSE json_build_object('amount', t."earned", 'currency', t."currency") END, 'paid_out', CASE WHEN t."paid_out" IS NULL THEN NULL ELSE json_build_object('amount', t."paid_out", 'currency', t."currency") END, 'receivable', CASE WHEN t."receivable" IS NULL THEN NULL ELSE json_build_object('amount', t."receivable", 'currency', t."currency") END, 'promo_credit', CASE WHEN t."promo_credit" IS NULL THEN NULL ELSE json_build_object('amount', t."promo_credit", 'currency', t."currency") END, 'version', t."version", 'updated_at', sync_ts(t."updated_at"))::text FROM "payee_balance" AS t, unnest(array_remove(ARRAY[CASE WHEN t.owner LIKE 'org:%' THEN 'org-bookings:' || substr(t.owner, 5) END, CASE WHEN t.owner LIKE 'user:%' THEN t.owner END]::text[], NULL)) AS s;
INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT pg_current_xact_id()::text::bigint, 'payouts', t."id"::text, s, 'u', nextval('sync_version_seq'), json_build_object('id', t."id", 'owner', t."owner", 'currency', t."currency", 'amount', CASE WHEN t."amount" IS NULL THEN NULL ELSE json_build_object('amount', t."amount", 'currency', t."currency") END, 'netted', CASE WHEN t."netted" IS NULL THEN NULL ELSE json_build_object('amount', t."netted", 'currency', t."currency") END, 'state', t."state", 'trigger', t."trigger", 'failure', t."failure", 'created_at', sync_ts(t."created_at"), 'updated_at', sync_ts(t."updated_at"))::text FROM "payout" AS t, unnest(array_remove(ARRAY[CASE WHEN t.owner LIKE 'org:%' THEN 'org-bookings:' || substr(t.owner, 5) END, CASE WHEN t.owner LIKE 'user:%' THEN t.owner END]::text[], NULL)) AS s;
INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT pg_current_xact_id()::text::bigint, 'payout_accounts', t."id"::text, s, 'u', nextval('sync_version_seq'), json_build_object('id', t."id", 'owner', t."owner", 'payouts_enabled', t."payouts_enabled", 'details_submitted', t."details_submitted", 'requirements_due', t."requirements_due", 'schedule', t."schedule", 'weekly_day', t."weekly_day", 'synced_at', sync_ts(t."synced_at"), 'updated_at', sync_ts(t."updated_at"))::text FROM "payee_account" AS t, unnest(array_remove(ARRAY[CASE WHEN t.owner LIKE 'org:%' THEN 'org-bookings:' || substr(t.owner, 5) END, CASE WHEN t.owner LIKE 'user:%' THEN t.owner END]::text[], NULL)) AS s;
INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT pg_current_xact_id()::text::bigint, 'uploads', t."id"::text, s, 'u', t."version", json_build_object('id', t."id", 'kind', t."kind", 'state', t."state", 'filename', t."filename", 'content_type', t."content_type", 'size', t."size", 'sha256', t."sha256", 'width', t."width", 'height', t."height", 'reject_reason', t."reject_reason", 'version', t."version", 'attached_at', sync_ts(t."attached_at"), 'confirmed_at', sync_ts(t."confirmed_at"), 'created_at', sync_ts(t."created_at"), 'updated_at', sync_ts(t."updated_at"))::text FROM "upload" AS t, unnest(array_remove(ARRAY['user:' || t."owner_id"]::text[], NULL)) AS s;
INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT pg_current_xact_id()::text::bigint, 'disputes', t."id"::text, s, 'u', t."version", json_build_object('id', t."id", 'booking_id', t."booking_id", 'case_id', t."case_id", 'milestone', t."milestone", 'state', t."state", 'reason', t."reason", 'category', t."category", 'description', t."description", 'claimed', CASE WHEN t."claimed_amount" IS NULL THEN NULL ELSE json_build_object('amount', t."claimed_amount", 'currency', t."currency") END, 'opener_side', t."opener_side", 'opened_by_id', t."opened_by_id", 'assignee_id', t."assignee_id", 'due_at', sync_ts(t."due_at"), 'decide_by', sync_ts(t."decide_by"), 'open_offer_seq', t."open_offer_seq", 'outcome', t."outcome", 'refunded', CASE WHEN t."refund_amount" IS NULL THEN NULL ELSE json_build_object('amount', t."refund_amount", 'currency', t."currency") END, 'released', CASE WHEN t."release_amount" IS NULL THEN NULL ELSE json_build_object('amount', t."release_amount", 'currency', t."currency") END, 'decision_reason', t."decision_reason", 'last_seq', t."last_seq", 'version', t."version", 'created_at', sync_ts(t."created_at"), 'updated_at', sync_ts(t."updated_at"), 'closed_at', sync_ts(t."closed_at"))::text FROM "dispute" AS t, unnest(array_remove(ARRAY['booking:' || t."booking_id", 'org-bookings:' || t."organisation_id", 'disputes-admin']::text[], NULL)) AS s;
INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT pg_current_xact_id()::text::bigint, 'dispute_entries', t."id"::text, s, 'u', nextval('sync_version_seq'), json_build_object('id', t."id", 'dispute_id', t."dispute_id", 'seq', t."seq", 'kind', t."kind", 'author_id', t."author_id", 'author_side', t."author_side", 'shared', t."shared", 'body', t."body", 'message_ids', t."message_ids", 'upload_ids', t."upload_ids", 'amount', t."amount", 'data', t."data", 'created_at', sync_ts(t."created_at"))::text FROM "dispute_entry" AS t, unnest(array_remove(ARRAY[CASE WHEN t."shared" THEN (SELECT 'booking:' || p."booking_id" FROM "dispute" AS p WHERE p.id = t."dispute_id") END, CASE WHEN t."shared" THEN (SELECT 'org-bookings:' || p."organisation_id" FROM "dispute" AS p WHERE p.id = t."dispute_id") END, CASE WHEN NOT t."shared" THEN 'user:' || t."author_id" END, 'disputes-admin']::text[], NULL)) AS s;
INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT pg_current_xact_id()::text::bigint, 'verification_documents', t."id"::text, s, 'u', t."version", json_build_object('id', t."id", 'owner_id', t."owner_id", 'kind', t."kind", 'credential', t."credential", 'state', t."state", 'reject_reason', t."reject_reason", 'upload_id', t."upload_id", 'expires_at', sync_ts(t."expires_at"), 'version', t."version", 'created_at', sync_ts(t."created_at"), 'updated_at', sync_ts(t."updated_at"))::text FROM "verification_document" AS t, unnest(array_remove(ARRAY['user:' || t."owner_id"]::text[], NULL)) AS s;
INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT pg_current_xact_id()::text::bigint, 'consents', t."id"::text, s, 'u', nextval('sync_version_seq'), json_build_object('id', t.id::text, 'user_id', t."user_id", 'purpose', t."purpose", 'granted', t."granted", 'policy_version', t."policy_version", 'channel', t."channel", 'recorded_at', sync_ts(t."recorded_at"))::text FROM "consent_record" AS t, unnest(array_remove(ARRAY['user:' || t."user_id"]::text[], NULL)) AS s;
INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT pg_current_xact_id()::text::bigint, 'policy_acceptances', t."id"::text, s, 'u', nextval('sync_version_seq'), json_build_object('id', t.id::text, 'user_id', t."user_id", 'kind', t."kind", 'version', t."version", 'locale', t."locale", 'channel', t."channel", 'accepted_at', sync_ts(t."accepted_at"))::text FROM "policy_acceptance" AS t, unnest(array_remove(ARRAY['user:' || t."user_id"]::text[], NULL)) AS s;
INSERT INTO sync_grant (user_id, scope, source) SELECT g.u, g.s, g.src FROM "serviceman_zone" AS t, LATERAL ((SELECT t.user_id, 'job:' || j.id, 'zone' FROM job j, serviceman_profile sp, user_account ua WHERE t.zone_id = j.zone_id AND j.state = 'open' AND sp.user_id = t.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.category_ids) AS tr(value) WHERE tr.value = j.category_id OR tr.value IN (SELECT kc.id FROM category kc WHERE kc.parent_id = j.category_id) OR EXISTS (SELECT 1 FROM category c0 LEFT JOIN category c1 ON c1.id = c0.parent_id LEFT JOIN category c2 ON c2.id = c1.parent_id LEFT JOIN category c3 ON c3.id = c2.parent_id WHERE c0.id = j.category_id AND tr.value IN (c0.parent_id, c1.parent_id, c2.parent_id, c3.parent_id))) AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text(j.required_documents) AS rq(value) WHERE NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.verified_documents) AS vd(value) WHERE vd.value = rq.value)) AND ua.id = t.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(ua.roles) AS rl(value) WHERE rl.value = 'serviceman'))) AS g(u, s, src) WHERE g.u IS NOT NULL AND g.s IS NOT NULL ON CONFLICT DO NOTHING;
INSERT INTO sync_grant (user_id, scope, source) SELECT g.u, g.s, g.src FROM "organisation_zone" AS t, LATERAL ((SELECT m.user_id, 'job:' || j.id, 'org-zone:' || t.organisation_id FROM job j, membership m, serviceman_profile sp, user_account ua WHERE t.zone_id = j.zone_id AND j.state = 'open' AND m.organisation_id = t.organisation_id AND m.status = 'accepted' AND sp.user_id = m.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.category_ids) AS tr(value) WHERE tr.value = j.category_id OR tr.value IN (SELECT kc.id FROM category kc WHERE kc.parent_id = j.category_id) OR EXISTS (SELECT 1 FROM category c0 LEFT JOIN category c1 ON c1.id = c0.parent_id LEFT JOIN category c2 ON c2.id = c1.parent_id LEFT JOIN category c3 ON c3.id = c2.parent_id WHERE c0.id = j.category_id AND tr.value IN (c0.parent_id, c1.parent_id, c2.parent_id, c3.parent_id))) AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text(j.required_documents) AS rq(value) WHERE NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.verified_documents) AS vd(value) WHERE vd.value = rq.value)) AND ua.id = m.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(ua.roles) AS rl(value) WHERE rl.value = 'serviceman'))) AS g(u, s, src) WHERE g.u IS NOT NULL AND g.s IS NOT NULL ON CONFLICT DO NOTHING;
"""

SYNC_UNINSTALL = r"""DROP TRIGGER IF EXISTS sync_capture ON "user_account";
DROP FUNCTION IF EXISTS sync_capture_user_account();
DROP TRIGGER IF EXISTS sync_version ON "user_account";
DROP FUNCTION IF EXISTS sync_version_user_account();
DROP TRIGGER IF EXISTS sync_capture ON "organisation";
DROP FUNCTION IF EXISTS sync_capture_organisation();
DROP TRIGGER IF EXISTS sync_version ON "organisation";
DROP FUNCTION IF EXISTS sync_version_organisation();
DROP TRIGGER IF EXISTS sync_capture ON "membership";
DROP FUNCTION IF EXISTS sync_capture_membership();
DROP TRIGGER IF EXISTS sync_version ON "membership";
DROP FUNCTION IF EXISTS sync_version_membership();
DROP TRIGGER IF EXISTS sync_capture ON "zone";
DROP FUNCTION IF EXISTS sync_capture_zone();
DROP TRIGGER IF EXISTS sync_version ON "zone";
DROP FUNCTION IF EXISTS sync_version_zone();
DROP TRIGGER IF EXISTS sync_capture ON "category";
DROP FUNCTION IF EXISTS sync_capture_category();
DROP TRIGGER IF EXISTS sync_capture ON "service";
DROP FUNCTION IF EXISTS sync_capture_service();
DROP TRIGGER IF EXISTS sync_version ON "service";
DROP FUNCTION IF EXISTS sync_version_service();
DROP TRIGGER IF EXISTS sync_capture ON "storefront";
DROP FUNCTION IF EXISTS sync_capture_storefront();
DROP TRIGGER IF EXISTS sync_version ON "storefront";
DROP FUNCTION IF EXISTS sync_version_storefront();
DROP TRIGGER IF EXISTS sync_capture ON "serviceman_profile";
DROP FUNCTION IF EXISTS sync_capture_serviceman_profile();
DROP TRIGGER IF EXISTS sync_version ON "serviceman_profile";
DROP FUNCTION IF EXISTS sync_version_serviceman_profile();
DROP TRIGGER IF EXISTS sync_capture ON "booking";
DROP FUNCTION IF EXISTS sync_capture_booking();
DROP TRIGGER IF EXISTS sync_version ON "booking";
DROP FUNCTION IF EXISTS sync_version_booking();
DROP TRIGGER IF EXISTS sync_capture ON "booking_assignment";
DROP FUNCTION IF EXISTS sync_capture_booking_assignment();
DROP TRIGGER IF EXISTS sync_version ON "booking_assignment";
DROP FUNCTION IF EXISTS sync_version_booking_assignment();
DROP TRIGGER IF EXISTS sync_capture ON "booking_transition";
DROP FUNCTION IF EXISTS sync_capture_booking_transition();
DROP TRIGGER IF EXISTS sync_capture ON "job";
DROP FUNCTION IF EXISTS sync_capture_job();
DROP TRIGGER IF EXISTS sync_version ON "job";
DROP FUNCTION IF EXISTS sync_version_job();
DROP TRIGGER IF EXISTS sync_capture ON "bid";
DROP FUNCTION IF EXISTS sync_capture_bid();
DROP TRIGGER IF EXISTS sync_version ON "bid";
DROP FUNCTION IF EXISTS sync_version_bid();
DROP TRIGGER IF EXISTS sync_capture ON "job_comment";
DROP FUNCTION IF EXISTS sync_capture_job_comment();
DROP TRIGGER IF EXISTS sync_version ON "job_comment";
DROP FUNCTION IF EXISTS sync_version_job_comment();
DROP TRIGGER IF EXISTS sync_capture ON "review";
DROP FUNCTION IF EXISTS sync_capture_review();
DROP TRIGGER IF EXISTS sync_version ON "review";
DROP FUNCTION IF EXISTS sync_version_review();
DROP TRIGGER IF EXISTS sync_capture ON "conversation";
DROP FUNCTION IF EXISTS sync_capture_conversation();
DROP TRIGGER IF EXISTS sync_version ON "conversation";
DROP FUNCTION IF EXISTS sync_version_conversation();
DROP TRIGGER IF EXISTS sync_capture ON "message";
DROP FUNCTION IF EXISTS sync_capture_message();
DROP TRIGGER IF EXISTS sync_capture ON "conversation_participant";
DROP FUNCTION IF EXISTS sync_capture_conversation_participant();
DROP TRIGGER IF EXISTS sync_version ON "conversation_participant";
DROP FUNCTION IF EXISTS sync_version_conversation_participant();
DROP TRIGGER IF EXISTS sync_capture ON "notification";
DROP FUNCTION IF EXISTS sync_capture_notification();
DROP TRIGGER IF EXISTS sync_version ON "notification";
DROP FUNCTION IF EXISTS sync_version_notification();
DROP TRIGGER IF EXISTS sync_capture ON "device";
DROP FUNCTION IF EXISTS sync_capture_device();
DROP TRIGGER IF EXISTS sync_version ON "device";
DROP FUNCTION IF EXISTS sync_version_device();
DROP TRIGGER IF EXISTS sync_capture ON "feed_item";
DROP FUNCTION IF EXISTS sync_capture_feed_item();
DROP TRIGGER IF EXISTS sync_version ON "feed_item";
DROP FUNCTION IF EXISTS sync_version_feed_item();
DROP TRIGGER IF EXISTS sync_capture ON "payment_case";
DROP FUNCTION IF EXISTS sync_capture_payment_case();
DROP TRIGGER IF EXISTS sync_version ON "payment_case";
DROP FUNCTION IF EXISTS sync_version_payment_case();
DROP TRIGGER IF EXISTS sync_capture ON "payment_milestone";
DROP FUNCTION IF EXISTS sync_capture_payment_milestone();
DROP TRIGGER IF EXISTS sync_capture ON "payee_balance";
DROP FUNCTION IF EXISTS sync_capture_payee_balance();
DROP TRIGGER IF EXISTS sync_version ON "payee_balance";
DROP FUNCTION IF EXISTS sync_version_payee_balance();
DROP TRIGGER IF EXISTS sync_capture ON "payout";
DROP FUNCTION IF EXISTS sync_capture_payout();
DROP TRIGGER IF EXISTS sync_capture ON "payee_account";
DROP FUNCTION IF EXISTS sync_capture_payee_account();
DROP TRIGGER IF EXISTS sync_capture ON "upload";
DROP FUNCTION IF EXISTS sync_capture_upload();
DROP TRIGGER IF EXISTS sync_version ON "upload";
DROP FUNCTION IF EXISTS sync_version_upload();
DROP TRIGGER IF EXISTS sync_capture ON "dispute";
DROP FUNCTION IF EXISTS sync_capture_dispute();
DROP TRIGGER IF EXISTS sync_version ON "dispute";
DROP FUNCTION IF EXISTS sync_version_dispute();
DROP TRIGGER IF EXISTS sync_capture ON "dispute_entry";
DROP FUNCTION IF EXISTS sync_capture_dispute_entry();
DROP TRIGGER IF EXISTS sync_capture ON "verification_document";
DROP FUNCTION IF EXISTS sync_capture_verification_document();
DROP TRIGGER IF EXISTS sync_version ON "verification_document";
DROP FUNCTION IF EXISTS sync_version_verification_document();
DROP TRIGGER IF EXISTS sync_capture ON "consent_record";
DROP FUNCTION IF EXISTS sync_capture_consent_record();
DROP TRIGGER IF EXISTS sync_capture ON "policy_acceptance";
DROP FUNCTION IF EXISTS sync_capture_policy_acceptance();
DROP TRIGGER IF EXISTS sync_capture ON "serviceman_zone";
DROP FUNCTION IF EXISTS sync_capture_serviceman_zone();
DROP TRIGGER IF EXISTS sync_capture ON "organisation_zone";
DROP FUNCTION IF EXISTS sync_capture_organisation_zone();

DROP FUNCTION IF EXISTS sync_grant_remove(uuid, text, text);
DROP FUNCTION IF EXISTS sync_grant_add(uuid, text, text);
DROP FUNCTION IF EXISTS sync_scope_rows(text);
DROP FUNCTION IF EXISTS sync_ts(timestamptz);
DROP SEQUENCE IF EXISTS sync_version_seq;
DROP SEQUENCE IF EXISTS sync_tick_seq;
"""

MODELS_STATE = (
    "eJztfQtz20ay7l+ZYtWtyPcyii0/4kPv2SqKom0mkqhDUk6y0RYDAiMREQhwMaBk7tn89z"
    "s9eBBvYkCQHMBz69ysBUwDYPc8ur9+/W9rYWnYIKfDlTOzvvafsOm0Ouh/W6aywPQfabfb"
    "qKUsl5ubcMFRZgYbb7GBbMyMOLaiwuPuFYNgeknDRLX1paNbJr1qrgwDLloqHaibD5tLK1"
    "P/1wpPHesBO3Ns0xu//5Ne1k0Nf8UE/vy9tVzNDJ3MsTZV2CfpWuufMGj5OL3XsaFFfgW9"
    "SW+x61NnvWTXzvWHgel8ZGPhM2ZT1TJWC3Mzfrl25pYZEOjub3/AJrYVB8MbHHsFvws+22"
    "OA/1Pdn7AZ4n57iEbD98rKcEJ8mE0311rT6fVwMh33J9Npi4NzqmUC1+mnEsaAB/iE7//r"
    "7Oz16x/PXr5+9/7tmx9/fPv+5Xs6ln1v8taPf7kfs+GW+yjGs8GnwfUEPsiionUlDhf+Yj"
    "SKo7hUTEQb7mOYNtM0GdzeDi7SJRCmiclhtdK1U6CMS8PnvbDiyOFs73N3dPL63Qv2ey3i"
    "PNjsJuMQY++GnfSJWFkkmdmbK3Y6MzcUMVbSG2WY6F/YcHGzwg8xqxfK16mBzQdnTv989S"
    "6HrV+6I8bZVy5nN7P22rtzxm5FGcy4w8Fef3wTmXv2vgh3z95nsxfuRfn7iNc87PWGi8zd"
    "FlnN/sSqg3Stg35W7h8VtMCEKA8YeV8vBONnlpbC+Z/Gw+t0zvvjY6zXdPpL/4Po8Zs4EI"
    "8oAqopoGfdxgi+Gln3CC6wYwSd3IyGk2FveIkIFRIdj9ztYKcdG9gGD1kQ8i8jzPqTq+6v"
    "can0Lofn8a0dHnAek5BKN2on0Gmicrqgdxx9gdNlFaWMS8wjPfX/IY7cim9M9AdqQ9NYe4"
    "d2jmgmg6v+eNK9uonI56I76cOdM3Z1Hbt6Ej8hgoegXwaTzwj+RP8YXvfjYgzGTf7Rgm9S"
    "Vo41Na3nqaKF9Av/qs+1iNTjuiyP3OO0FUje+2RRBF8TQfs8yZW04jh4sXRIUsqZtkiYZL"
    "tFUtVCfrlfi+Ts1Zsf37x//e5NYIgEV/LsD9/W2DDUUIgzxbZt2UmWTvDXDJ5GqUppFjVa"
    "JP1fJ/kHVbBGLofXn/zh8dMrpiPTu3ip2B4gUFhVjpI1gfNRve3dmwJq27s3mVob3PrrLw"
    "Ay7h9DxjRcmCnq47Nia9PEHevMyhqbvLU4W8SvKCbVVDXvF8L3e6jPjW2pVI3FWiYuFBvR"
    "zoOGlv7YKQ4GV4oR/c5Es1pgNosCBOGfMexIokRCokRh2RXdTsI0ItuHR91Mwtu2SFCcuC"
    "cmBxi32dRKqO4xWmm0iaLLZxltgpzLA41aBJaDTXU9wqplR4+xzEG5p7O+GT71MKutp3Or"
    "i2xM5xlx0ELRAH5x5kgxUejV3/+M1x2km+je0B/mDlqZjm6gP4ijOCvyB9IJIthpA1ZjIt"
    "01csKzqvo33Jl0CizpLKU/x8ZLQ1ljDTkWQ4sI5SAiqrXE9B0aQHfe0+CmbT2zhz3jpXPa"
    "ytJAGDXcBR5KzaMWmkcgs8L+FJ9A6hwFdI7mwf0lWXv29m0B3tJRmcxl96Lcta2VwzV5Aw"
    "LJ4WIcvqfvx/bS1vmgjhhZA7ld/VbhWI/Y5LFNAgJpmMSBUawQPGXqC69dEiNtoFlSEzOk"
    "kEtBtRYL3QHWJ1VIy6KyNLOwkxBdTMYzSrgvsQZXDivX8+HwMiLS80Ec5r69Ou+PTl4xWd"
    "JBuhPRH8MBOGBaJNk9XiiGkamzb6hKeXFEQ71dzf312Y/vAl0d/sjTzsdX3cvLJDvnmFp2"
    "dgo/swMTQiQ7xSYIxtRDRxukx4Oc66Zir7kiQmZrB5NG8fvcY2HAb8ru88F1d/RbutfsPI"
    "Xl579N+t1aB3gIEhxZizNZEGzwCi9mdGuc68tWCigYutvOQwMX0XEFgMAVwfZ3BC0NRcWA"
    "xikmsuwHxdSJAoPoLTqBn0/RwEH0JLQdghQCg3TzSXfYEIaywWOQoqp4SUe47vkYHrifF9"
    "3ROa8auokJOlHQ0raedHrCIFUxTctB2LQtAxFrgS0TI8os/B3AivaTrmIqiRcfkEettRH+"
    "utRt+IeB7x3AEQFxXFhPWEMbrtIvsjElMjBdnugEPkhZabqDYEEY6BFjOoRe1W00p0eZZa"
    "9fZGOO4Z/PBtEv2w17zDa4jhGR3frb/cp04/bYm+A/b/7eOvw+tNX8ysYY6fzJQGn65mrB"
    "eD2gn6GYKk5BbAzhAZvW8Jfr/qiDrGf6NXfmVfe6+wn+dvcpemXcH30Z9Pr0Rie0cuLr+z"
    "gB31kKfTHxZCr2exRQi+1mWONcBNSY+TKY9C86yKO/M7u9Xv+GXXI3Q++ZR5eJu42SEopS"
    "lPIg8ZBSTyqHXTzR09A7tApGQ4YoDhcM+WpPoqw6GLJexoUMRNi+iopEj3tb+XS25gzsSR"
    "DuoNbVx7LnwNDDijUnb1NIpYsixl6wUzjZGiKR7EwLFE6fvEkWf7RsrD+YP+N1QrmNMdbP"
    "AI89rp4s3lzd7Fm28hyYxWnrlv7DNdSZPLrjXvei30pM5ApYfOs9pqGsDa3d7SzdnE2HY6"
    "yYZ9hWviaO8Qh36Veg69vLy9Zfx8EjI/tGWmWJ2L6SU1oiPrIAKhkAebMVAXCPUMvXQXix"
    "NKz1BsHDJov304kHV2hotoZYQRfNYPc8HIOcpiCS+3nJ9iIYEtI7KqTH/jfB5+yAIH+8yD"
    "BeyUigV+9eFsJ/XuYAQC8TkW10pZsPU7JKqXWRiQ9EiWS+ZBwi8PijWqu0aLZtbA3IJGPj"
    "jJVQVqXslFBWNqubC2WtllpJqUcppdRFkXqKG8D7+hBSAQowL74WopFI0BYkCHgl8Ymt0E"
    "9oSkVM6BGd4KNBb5JnQofs2k2QR5Ln5x7xx59H2Ags2XR2R2N1GsL0yML/t2XiqaGbjzty"
    "Kowh/IM+s6n88qCEHbk1dp/SHEAsFtNqPdKH7Mijc/cpDeIRF8YXDo2hp8S9baVZiz5Dhy"
    "aeWPQ/BaZe5GkN4iwHIDqiDMBkPmGZSymAaOR+Ow8Qtd2R0yAJajsiSqWEPDLEyKBQnoIM"
    "60E3IfDxXlnoxvrFKQJNk6GT48/d78/evmOpzyA97QOyLS+OkiyxqSVztvfxkjtTdzz8lK"
    "wwi41EJv7q+IX+WOq2++APXl43/Rr6ViCno9gnPdGPcUndkRJnFUV7befgrK6sOO2DCNF+"
    "DQRBgr84HO9sUU7nCpnz4NdRqmpQ7ONWH9hzNivbqsqAGRFCiWWIgmUUQbAEClsVTeo1kX"
    "KhwFWmVZQQcphOVmoVWcKutlhm945SSimLLGUWk0TtNL7SHlGq5hUx3UsZFRfGLMpid3Tz"
    "WFu9limjaPfpO5GhnZWEdh4n9pBxPQVi86WRDa25O7waxLvstZmVxJeOii/hhZJWIyn7bA"
    "oIGoeBnL0tcjzRUTkHf+KAknGSoa4+heIkz3LiJM+ScZKWkeYSzK6eExAcvq9PaL+YrXTD"
    "0U1yCu87xpaxl5I6Nn5IjQLMqccYUEhtd7u2u5xb1JxbLQ1L0Ti13hRSmfBY+0IIVCnTnz"
    "Dn9tHq9iaDL32oeQDUd+b4dnzTv76AMghkxTyOUBuhP+qO4RL9aiJKXYSlQsizRTVjXvdN"
    "grCB5+tegAsZ2d2Skd3SLyYju6XUi0R2J8C0IkGzhLWYCSq0HTJyVkxFLj/IUcYYF2YVRH"
    "Vr03DucIXBxk1lWiSycEd+xeMZm8ivqgLZx0FhPBnG/m2HsRPDcqaqoeiLXdlEH9SD5zR1"
    "NlGzVn8wF9hM66rLw6lu8KCmsurQuRF1ZtKUjjCJXoHCMAke1NC9aqZru04pF45t4nT604"
    "IRiwr2p577lAYzakcG/WTNmsocGz/p+JlMn21o2ZKCRfJp5PCwprPKxirWn3BaWxzJK1/L"
    "XM3+xKoDowCzrsI87oUe1dDzboEJUR4wTDGYHLtOsSv3cU1nFkkNst0Po2q5GMOLcFoZwn"
    "ej2I6u6kuluZrDPcbaVHfwrqbyR/qcAX1MU/mk4QpglwtcEHWpJYtMy9HvdbWKg/A69Kim"
    "sgvugufGZg3Gd9cc4GGbZuVN5NjSMnR1PXV7bUAUza7bO3teN3hcU/lGT8ZgNU3pM1cVGN"
    "RfQs+88B7ZVP7BT7Y97mFVJ7vvbxfeY74BjlUGMV8FzyyoZ9RS498wrgKl7JtgmY2Xlu2Q"
    "6ULRUkLl+fAKeFJT16Qbm1nB5jUOHtQkVskaTwd0Xy8Uc7q0rXs9rbFfCbYFT73ZPLSJ3F"
    "PnWFtVxLPQsxrIqrAxSqcavsc29lT8XTkXNk5vIk9uCB85M0W70HzVszxTEkbDt9t5eaOs"
    "iatnDrORwuSNnusPmfHqqckwKaHqnvDzjsbjJjO6oer/dXb2+vWPZy9fv3v/9s2PP759/z"
    "KIWU/eygtePx98gvj1djh61g9oz84npeK20jPys5MzwjQyDWx7Gpii+vsbB4d3SbMroAM2"
    "qXSZ7xhkTOLgcpyugTlGr88KMPv1WSaz4VY6s/m2jCiVnNTbJ/UM31PTJMnj7EzpDcVOqd"
    "KCbc6HzolW7p20IirZbA8IJNd3yUSnP5vw7ipRquapIq/O3heqwPA+pwLDe1na6jAbtkwV"
    "zWZ9PZMGs1JFOZIG91kwKtFIYkvDSj9Lp1jTyum//eFlOleyRpKYIAXBYwr1oUwhSUEVfk"
    "901mTf+U9ZpUqkKlWyF/ke2B3L4ONja4hEslP2It8dtG5X0YvcP2N2ZHHD8k/jrA2tXZEK"
    "Vsbyf1O0j2SGcLbuEXJU8mgeGzL0bNmPBOlmjtKxZXSqvuEXVZV6hnh6hiwnLPUKsdiZo1"
    "fI6sxFDrut1Zml/tAQ/SFLa9iuKxRWEA4WsCCP9qqPdlmIeb+FmFXdWfPw1x/fPN/tXtj7"
    "gK0FduwUFmd7EsM0h692zc/v1idswa9BN5axfqCbjWWjK0qoe3+30S+fxu/fIMN8+MFwnR"
    "vieR4Xujk13AIxMS3CsJSMELQQTUxO90AkjoSq2MMvhrfnl310M+r3BuOBJ4HABcNuwiV6"
    "Qfc7kHcv05ic5hjbxuRUl5hkcjqTYVPjnckbGsnkwkzmnckbGsnkIkzelEmPhQVbloEVMz"
    "tm8ilNBZxRqn3x2NdaDsvj8+HwMnIQng9igb/Xt1fnfaq0vIjyOqXANTQNSlNTcjTBDYnA"
    "cSGtwXiIXr969+77V0gxlnPl+7MPbjdtW1lpyF4ZmCDVWiwVGyMFqdSc/Q4usN+GnnVnjv"
    "SCKkusrHsBZTI74DIRbykLurdkQXcZpSMLukup762ge8R3XUFl5LSoq5pNC97kUllPWtCy"
    "toJF4Rbi0aGqa9aFN/v0wvQoex4se91K8cQE99p53hg1PGpryMaEquAEYw1ryFG+Wqa1WK"
    "OTJT1uZ5Q16O+IGniPyMZLRbfR6enpiw4ixuqBIFDTCXsn0jWSDO6o8LkV+4ZygusrzIYS"
    "qDFnVbH10jl0LO8FGMUmbzZOhGhPyED9J3W4utqm0HpB0z5Mcjjb/uW+GFyBbV9K35c9Pc"
    "TRwUTbXY+qhI3wv1a6jVltvxx9LDyskGo2tWMUW9W0oYmRalN1ynR0xWAAqfso5D2KIOue"
    "4am+EYhN9Dy3WFwthNXqDjrRCVlh9Ortiw9ISShslb/hzgyeQH+TtXnM81xx6Giq60EJS8"
    "eyCdIsdKJZCyrfHyiRYlgPP4RYRE6X6xen6ILeaSPTcuiTKW87SNEWukkQ1nSHvf3mdoJ+"
    "eHr1A7v+g/d2HZMf/tf/kr8ij32RHWUcSMo9PjeM2S3k+FuporIjPpytacbkUthHEiVrXt"
    "DMXvJn/SnPw+gIVQP1++oreEgXSDbr6wmGC56o7CvK2RlC+VoMCQ0qnhIE0WgKWtJfQL8K"
    "VAlf628j1mYTzdZw309DDvsAgBTuJnSWKh9+Z8aykQCnorepTqDb8BR0gr/Sn2qs6VXMHm"
    "tnKhAydlmk2GUqygxtoW+uFomkhAjPfdrDHWXh9cUTYDHuj74Mev2OP/fvzJtu7+fuJ3rF"
    "WxhlwidevSsCZ8U30hCa9S5+3jm6k1bBM1unCAgOKIN9TfA4cwuBhe9ywMJ3CbAw/GUJLk"
    "/w1wwLJEbWAF7naQv9XycRRSERuhwoC5fD60/+8Hg8cwxAtOmqmyoLiFlKgWpyamjGKUth"
    "iQeK46KmNT0x6VvcevZiFdYMadUrG8rS8kXShWgEDqUra7kUMVyy7ZbENrPy6vTTCbFy0s"
    "DbzOmeRirwlD9acNwCa7qS5Gt2xkpAcPh0lZCeOFvphqOb5BTex6squr8BBWWlCTrRNfLD"
    "yjbIizYy8ROUKFp7k0a89JWMphXZIgsI6iuyKg7kvQjDS7TlkkeYpr4iYT+DhNF6pAN+D4"
    "tKQ7op5uKhJpiTYRlsN9QC4oOBuy3NVu4dXslcjLofJx3EaO/MwfV01P8y6P/SoVLxeoJS"
    "w+32/HIw/ty/oKbbakYnwBxrdyYwePAFLiq2Ovfb0x7foJMh8ZWe+qAbmQ9TslpwcDRKJG"
    "MRMpiqpttm29iq7mSYNZqxwf5Uwn8Rp63AgyGYRVATh0VK9H4yaUP6qbIXVbP8VDJVp8lS"
    "z0rViaz144VZCLaD7zvMgvkRp5b9wFuXN0a3g1dQMI7v4gOM87VEQcIEoeRsfnlefyImmb"
    "zv2rxisnd7ad7Y0t1eV28zJytgcsGChbVmLlfVwnDC1I68DWdoNZO/sSM+wt0RVTtGg94k"
    "r4KhzLw8ZmB7qL9uWvRXpPtuTgBYdBxHQ4rvCDqxbAQsX2ITIkVDNaC/Iy823SfY4/MaVZ"
    "R5lIzUEkCXaKPsSK05tagMPa2IbLbREaZpQNTKASKEZrqVZHB2ZJA3vAG8PXRE0EwxTb7u"
    "dRuKGrSvi/vqxfQqPiiGgSENiEcOEaL6+oGFdc0TS9UVI6tMSbZc4nRiiAZe2xjRSHduS1"
    "Y4kwC6dJtIqfO6TYTpsxfX/46aE1wNoH+03kIN4eVOyYdFu/ENTTyx6H8Og/eLIIn9NOJL"
    "h/o5uVsS6K8FV7cC/JWny9L7N7Z1rzOe5bTW8we1C3bXW4bGy/45jUU2JeZ2IMwt5KDiQh"
    "bidGIgC6WC/4O6O25JxXDNnlCnTTHRurm1wNwdHcJEJVs6iOkdTGN7FR0dXIZxNicJE0ku"
    "F+CyjOSXkfz1YSw03wA1Wpum1xrMZG2SUDI3ztwnbOt0pDalr16x4nM8ukk6dX01FOn7+D"
    "Z8HxIFz2Z1c1FwcbrAiwBlHQ+qPSSIKCTrhUIR1TnWVhngoX+vnYsZhkdJpLCxSCEcaH5H"
    "9aIxkGGaA2KGt5Pevni777yrZ4wfDa520BsKqXhLxVsq3lLxloq3yNrffhXvDdfxVxWzb9"
    "y1f4mn3/X959VwcXEkNUk7RWg7ZTMLcwyWyFTdbrlMcWR8gbwxOGeQA/1CNB2Kl7FkrgXz"
    "aLrqGFoqjoNtswPFzZBiGJRk3Yaa3hZYN2hureyU7nSVPjm1gUjYWoN37dY3RFpZVVtZWm"
    "qpOdCN0vnsj8/TiOq7Yad6QKlGE1MrlSdFd39J8qSzLAMrZjrzInQxDs4o4b4YF1w5LOfO"
    "h8PLiMp4PogHrtxenfdHJ6/YzN34kJOKPD327BQdPhsJCAiaV3zlbQEM4G0mBPA2jgDgrK"
    "YA6YzFO/QB+JbYGhz2fOdYjKzKA03cLbZ81ZWwehEL4OGtWRFGn+vJ2q36c2xyFdChD9eM"
    "x7CcnqHoi1aanh3czNev6bCpGoyr1Dfwe2Cesbe4x8tOumxeI4SGtcE7SM+DbB03JLFUTT"
    "cbBYxSNhAFrC/ql8w19ArpcB64USp53oqSbtYcduaoL4ctZSYoS3eH/VJ2gQq4WrykVl0Z"
    "G937RFIHu4RQWWU1nA7dzVUI/d+nRMdXrBiGZtwmvUTinGLhnAZW0nTwPLTOJ5FAHQdQJw"
    "MYWrJqigxg2K1qirRk9mDJhHLNOSHZOKFkbb5VI1XwalXw9Fks7catcHd84XJXad6niePP"
    "7RT7JjTttxo31Vs00nARyXCpV9N2/lXfGl5PL/pX3euLDmLrky4Y7c4c9z73L24vocuf77"
    "Vy59TR2/zVrTujjelY4mCNc97TDfJ/bukeCSIInnFndnu9/g27qKgQxYYzhMV6Ot6Mhp/o"
    "PjtmXR2XtgXzntyZveHVzWWfPSRImqZXu9e9/iV7igrMM9hTLvq9y8E1XNSwCvWt6bX+rz"
    "eDEVzCX5e6LcrE4K3WIQt1dAqXkOCt0SHLcxTnLbVLYVmmb2kZgWwbkgaUZor1h39ZpNQ8"
    "HZXdI/5lotS8aaW2hs8ufBUQNIC/ecjMPkpfBWdQSad/klx25BTZ8b8RWGosY1Fpp0c2Sl"
    "kLJWt1ZUOPhZSM1Zx2jCEakU2hsgdWkeMq+7CKH1VLW1fxVFmkF5bKi1qLUx7OndOQELZI"
    "EaqFTsAvVkoSqeRSHKXF4dD1VkYOUTopgPICsBzFKCeCGKUUQmkhwP6e6tfJLhYRIqlBI6"
    "cqNKq9lIVwcS5SIgwgSil1W5F1Wxk705KxMzJ2RnYcklLnLfmirohjLbhTFWJkMrAntoX+"
    "ac04ObqhqLDVUCN4KWxTrEZw14v1KRfaJ3maylOopMjJ0BCJ5GZukKR/9CS5K8P4omF8sU"
    "M6I4gvZTOogLXjzZNqOWeLxkgW521+4ztuBu/Y+q4mXN7W/C6d1VSXqoDDP7lPaSZjN+pm"
    "AX6mVxPmZug/vMc0k6OhEzzCUvp+dH17eZkXLh0rucBKcexaDTJc+qMhB1w0+irITd2RU9"
    "Gk2Cayit4xiV5BidFJ8KCmssrGTzp+3pFNI/aQprKI3gX4XKlgPvVCj2rOyRDhlqaT5So1"
    "hpGHURfuU5o0pbhShEK+VGUNW/VUVUhaFUmP3C/+u52zN+7zet7jGjIDOVOqQvt6SlZVdN"
    "ffXjXCiY7fWqZ3MsfIo/2OoLlOrVZ73UGYbg1rxBI/kDpXzAeMnnVnjp7nFlooGka6kyzM"
    "u+OzKs7qkqXK4N4hSpVB8eVpToZRugyiVM0rzVl9ro5j8XM5TNPAMNLqmUx3S8ue2lZaec"
    "6c3JIIlcCTOQAm26G20m3knk70oqItdPo3WRMHL+I7fKHA3rMikb1n2aG9Z3GJ2FghabBd"
    "tjQ2FA1IRDlAoo8MOsnmfj3DD4oEnbh7Fp+rLEwjfWXRVSQL4MgqLSKB4rxVWtjaPpxnV8"
    "w9YCtXwzsgt69hn6VZem75AQa5jDKalSbGtPMwBS8OfqqGqKa27GLa+PItKuXIg2WvU4+y"
    "nJTFKJnAVlBJ5bv6TqYyWqlKDWxppFUYy56w/vjmzdTqrXCiWks8fcRcScwRomps8ePirR"
    "EmnxWyxc9ybPGzpC1+b2M8XZmObkxZl7okuzNR7TRSkTMHW55iQTmOFAcZWCEOcuY6QYZF"
    "L83wPVU9WVc/VtMC6dDnD+OCqFTFiTn3lLezJZc4NhRCS4EqdoD8AZ99cBAtlTVxRUHo4s"
    "bIuo/eZwmqxxHE0raedA3bU/ZlnDJJJxZaPMB3Kg6MyXdhYdAFQyfYByYWeo45dK0s0CPG"
    "S8Iu0UPSOY58oAgQzxnhj5dQbRGoVqZbVjpZJfKdzermIt8y3bJpUvd5FE+3TEDJR8Lmgt"
    "I2mchcdES7EC63KZgjUbm2ROXqjsq1FOR/LCLG6uEDog+FGDFHnWOCdIdaI6uZN0R3wzol"
    "hCfKySEhvDwLjkBlaPs7AraaiU7cP6G69L1u4FO4+KLMdJY4X11xvplCdDJdWnpqDk2mNR"
    "cnExq62CgoiP6fuwxYzBliVRfb6NXbly/Rf9P/Qf9HghUSrJBghQQrvimzVYIV36LUBQcr"
    "xkw3vXFV01YKVhEd0C4CVUT13UJIResX8HF4D0AmxhpBjoUeKcOQMrNWDlI8rbqDqEodrl"
    "aATuhfnb+BMfX3F/QOcm2ESLJSpU+/M2EFLDH9j+mEAuvRCbSB9seeomsL2fQF/+1aARBI"
    "p1FxtRFVK9CX7uR7Gz/oxME21pg/7s70lgz6c2XrBKqP0vfvI1lKojVVozXu5OEyogKKxl"
    "lQ1aMuB8UJyinu/vI+kAJfORLwpDjTzYaUZHZuH+oksexIzdORmrLPXC1mfDtIlKp5Nmrl"
    "Uzx8rPIwOk7XOFZXn1cpsYBWlViAtAqzWS2twj1YhRPla5bv2r/VLmIJQneRwt7qFn00mq"
    "0j5g86+b/UgGJFJZ6p5YMRfRN+kVKNgotU2lOC21NiHdX7sK1ag/EQvX717h1S6fJBJ5/O"
    "26jbb6Pb8fe9LgMa/m8ZF+Eemgl75TdhKfOF36ZQCu3Aot+Z4blS6YSj+yRgRuHA6ON4sT"
    "aG1tSCcy8hkFxTLYVabFutBYutA4DZRg7w5Yhu6r6wAEqBhIEoqoZOQnetZxZU8uKD+w0d"
    "QPwUg17zpO7VLaKXXLIgytonLCbswxiMkGwA5h9/ikKI6nBr8SWnxKkY/YUYiIF+/E6Ckb"
    "7kfdnp0pcsvP0ofcnZrK6n/Sh9yd+i1AVHDc71qK0cutzOLWfpDag0nP13vzj9xkHb+qe0"
    "8kWy8ss0S5VtUqvo3SxblCfU2CJKbPEW5QtMCN0kkwye4K8ZMztE0gAjIe9E7f86iRymif"
    "6zwYF6Obz+5A+PN6VNJIrT3YfqLKx6AK/Ck6SWfWjF0XGSqm1OZdy+uVowIYdrl0VxycOX"
    "yIVCYvoT5lxsrW5vMvjS7yCX+s4Exl6Mur9cd1hRbc1Wns07c9T/qd+b9C86yMZ/YpV++Z"
    "3Z7fX6N+yaoqp46bhRGcdHk6Vh35KGvTTxpGEvpc7bQPhInW5Fk3A1macbUKBcP9YNoWRt"
    "fhHfQ7YIFJShZXsEphbuDcFZu7O14X1ZE4s1owVjNlwabsa1qKAFXs99Sm2txx27S5WopI"
    "LZq1JLqHiMzAaWYV2poYFbI9C6iDKbMFSVpfqQZwgdMJGC6KPacI1lN2M00zWozJbWGKnk"
    "M2RMmgDnWDsHrZ5ZWgpgmo3n+eMbAZYeGs6TOEFL4gTSYtyx58uKSou76UuYSBo38UIuus"
    "bb8iWgkNWf/pKARpXMlFb3wazuWdpE5W9D5D6llot9eweiYKMr0H2IHTISwNjafyh8GHOD"
    "F/s0zWFrSDHLvR0j1yQvZIpzxXpJQ1kkQ9nRHYOvba1P0AhTOe5CLxIeT0flONET4fHhL0"
    "vwORuRiJE1gtuHBiaMNBP6o2EpGTw3Ug3neyBoFrcvhrfnl310M+r3BuPB8DpqDbObcGmT"
    "1jTqdy/jzE1t9pjDXHe8ZG4R5iqaRvfwFP9FTqPrDUkDQhIP0VtZBtbuObB2ttKo3jdd6C"
    "knX17ceJROxo6Xjh33Gal8LScAl04KoLQA6MfqdtlA5wSxjHMWJ+QrieD74sJmiuVaTNIe"
    "qZSzyHIWO549iVJYS2xyqmmt4U3/uoOA8s7s/tIdXbDodECiIGC9173u9S8v4ZrXKBKu9n"
    "+9GYzgGv661G1Rgtj9kPopvzcohVS6heL1Tf61YjsXfeEqI+Tqp/HwOp3B6dTx3U9XHfQf"
    "ZOhkb2pHCMibrXTD0U1yCu87BpYH3MoHQuKYR0xK8IA4EOKuSFIipCBK2cCQgiadTDIQpy"
    "UDcWQgjkzYkVLnTdg5Ygs/4aS85wLxfkU+Tm08RiaDimS3w8OFaIWrSMoomLwomNgyzYiD"
    "Sdt6K+BtL/SopvI3euIU4C+s8gp4+w/vMbXcDbayNbQVRlhK34+uby8vi+WdzSzrkX7Njn"
    "ln5+5TmsPseHTmrvwpFJlZlwUe3QsPnLhYUyaZgFswJuzMqc2jGrTe9hlMOsJPOn5upcST"
    "enfaeSGl9mZMxRUEZ5td04tYlhUEhQo1pRzR02LGxgvFMDIRyg1Vk8IQXp/9+C6AJ+GPPG"
    "RyfNW9vEzCkw7+mgJRZUeU+uMbEB126EDSua5pOC2IKa96/4ZI7KL9VXC9wnr5Nl5adjkA"
    "NkYqwyjEAVyTOLsrrKmNFcLXNyZBWGpDE0yysk6/9A5KP5H43kGZpl99mr5ruPGm6keoJF"
    "PjNfNWMygvy1swL0IlmZrvFAohDjti68URX0EZuz3hPLJcZdL5IZPOU/YFydit5QgjW6FQ"
    "6fwR0Dq13F4U1M5GY9X4SJnp31j4lW6/GaFN27MWfFqR45sAg/p5cP2pg7yz5s78aXjegU"
    "KOd+b49uZmOJp0EFktAT1oFRLEvnMTHjFX8qk3XNw+uSXRjldnhcounOWUXThLoB2GQpwp"
    "wf9KAW1zEh/DVML23OSFPA6c88h46DXIKYGOpJBLIFdkIFfiii2JK0pcUWYdSKnzZh0cGf"
    "qsz6EofqXSRvLSB0FWhDtdI4VUclc4OFlMvlaOJh+ywm5NWcrV1ia0tg+HJNeUsSkbYTqH"
    "iyQYeHbxjlHPV5vutTXTBQvFhy8V29FVfansHEh/s3lSk5i1T+eEP7dS/BKhaZftkgh1Vq"
    "46Qjzu7QCcj/6WtBtUYGxLUg0dm850QdhZEw8o/711bygPD26pm5D1/U/p6jiqq4Mb9j04"
    "4rv/CPNDVxqUDZcOF44e3ZUSXM8pVxAnbAT7912wQHEcRZ1zV7eKkcmyVvnroERZq9Dpy5"
    "GXEaKSiRkciRnANy/qnmsdxOnkQqh8IbhZlVOqxAI300+E7VEeyacInFnRGv7cQdbjndk9"
    "vx33O0iZUQO7VeK8qD6sw+VjyQymCKl0fIvjvEn67KSnNnuJ1dNnV8RTGwYLeEtYJUlljH"
    "3W5jlLr8WWzd0kpXQ4xdx5DNfideSFieR03VInLIYk7ugZ4SxPIiiLt9e0Su6LBZxQAUgr"
    "Exly/U/h9VsgQyS0jUrf3hbeJo8c7uJh+/TFhN1XKf6YmHerWJrIdBmj2rOThvmYk44X3/"
    "Vs4HtHulwOpUrkFPexstpIFsAdLPE7SrZ6t+PJ8Ko/6iC/wuWdOe6Pvgx6/avudQfR+fik"
    "q5iuxTuTXuh+gqHuyqQjzwcXF3BhBjVh6N9XfQDd6AC8mMHf3YurAX2Ionk9r44PYrAwfL"
    "DiSiZRhEllJkU5p9qflm6WwhcihBJeqBO84B9onBIPkUnQUGTQUGbLtCrNlpFo3D4RoxKB"
    "39UEfDeHnRItEgEtOmyocl1Zu0OM8j5xjI8YawMHL1opIEZwr52HYNzTUVPdH1YxZOHPLf"
    "wEwVWpcaL+EFsxH+F/YRBEnlIC3fGxI1ZlgQ/IyDPDUvfgFJXBmwi7YRgNCWjMBjgC4XIc"
    "hWEa8c/CFp3RSLMWlPGIfTmCC7BokFtykxRDJqrRPLLLlaTzuhYlSv60Zqfwu7HWBijodG"
    "koKvu3m8906nccbSPVxs+n0HfUHYJOT0/L4EJv3hfAhd68z8SF4FaslaS7YzH+cognRia6"
    "lJh4kGWjUFLe8TG5yGlReBMKE4m/Cx3YwJFds6rk5hG76AnGz73HpC+slZmCEuYphBuaUj"
    "jSgeI6ZyuNKtew9y5tXaWPW+gm/YO+tqgCchywXl3ZNjZVropeYZrmzfrXBSb96+wK5vEp"
    "T1aLhZLWJi479DxEIkbUObyW17Pbep4rri5O7VuqikM4B6Gi1x2DvhC4Q9rIXdu7a+j7CU"
    "/3rN7iW5VPIXJGHvtIymZEVMumhpJJZWStiGJqzpwg6x4paGnRL0YnrlH1A4AQP3hEp8v1"
    "C5F3s3tFdSybL89jQ1LjxQbrzBes94vQDM/pu9EfcP0PMZeYdCu1ZBG2ndEf+KRg9qvsRK"
    "EHjgoqCrq3rcXOc7927lrpANunA0x6ZWrslbnAEPDWSvHJeHfaeR4ZbTNmmzum1TXRx94V"
    "3YkedBjKTnnHesTmKeq6/6BHtGGZD4T+hSwTI2AZolqzwra0jkeKQRxIp8ZlIshuH++4Mx"
    "XTAjcRUlS2maKF9YQJ3DxRkImfkW09txGxmHK/hGBiqj8i65nO4u8IImtTRQS7BK7UtRcM"
    "Bd5eaz0UIOtWNMYmi5IFn1P0ioybPWrcLJtZPJBBQNC4MuBvX50VAAzoqEzIgN2LKnJLQ3"
    "HuLXuRzuLtsclheqGdFt3ri9FwcNFB1P60LV27MwfDcQfpFrkzf+mfd9AznonhxYAzoaQ0"
    "PFKhBZEWKH4zGn4ZsADwpW096V7e0vFFYViqkhW3nxFnGlA0EK98WwSwfJuNWL7NaELgHr"
    "UJLheogx+irY8p+U3G9X57iIGM1pewW8Wwm0RbJNoi0ZZUtOXacvR7Xc1s+ha5385DXsz4"
    "yK34y9DECJuOvXa9WsCh7wgKPwepcB+fopH1TNCz7szpuD/oKjWUJcHTR7z+A50AaLJMqr"
    "4VP/7ODAeId2BY6M+/6drf/3iBFBsjr3EGOO5YkB2arRG19rDtRj8yFx4AM4QyGtFXZEEv"
    "G6wl/EE5QcDRjh06b8yvBGEO1xqvvrGmwkQq+cFdZW3+ML3IDG9RZXLc/dQfQ1a3W6X9zv"
    "R6Eo6DpoSE5YKPWSY4gUzx0c9UiYWuhQvFfqQaPvQt7PZ6w9treFPvdjSY/NbxAWRqD6or"
    "W3fWZeCD10XgtdfZ6NrrBLjGQlC4wEufQGRBllw5Zy+LdDGkozIZzO4VKauczeBGlVWOwc"
    "OF+Ps2h79vk/xtfjR7WSys8s0iJ3h9K6Nlserix21YB+XgdJyuefDuq7MiyTB0VE6b2UQ6"
    "jJoehp0J/6g7hWA3GvwB9TzJyex4Q398fYMNqzB79hJNKMHs7FnfXDBb9iAtswBFknIhTx"
    "WrzFWmNLkiy5LXQb6aThY6IaUWcpxWSlpkSUvvY6UKqPQ+Su+j9D5u9T7e2PgeQ9oqbm3x"
    "Q4ZGtot6JKfLKNH24HDfYajOLV3F5IPnQmRuQmsF8dm29YzmCmHePE+yJMjKC7+c/LB5O4"
    "EUvUTRjQO8bnt0d6a7UJwd7KhxxfvxEqpzxTS9qVsUowjTSJyicpziXysdO1N6ZNjOdKGb"
    "KycFxR8vFMPIVIjSnyBwfQRe7ej12Y/vAsUI/sjTicZX3cvLpGLkMgmb2k5MjtJLFsdcqQ"
    "sMhWX4vKkbmubB9dW7Rpa2/kSZMV26bRvSeoPn9Y1MI5cNJDkaSEpztVWpuSrh2oaB9Cmg"
    "D/v6hFXNYwRus8CHJp5Y9D97tr9FMAgqtr53sqh79Fuw6YywatlRIy51QHtLfx4YOrU3Yw"
    "vF9D7YiskqbYHtqlFOKJR3Jqa7LgLDhX530v7loONJU16ubLpQ2LzjDoiVRXDh3iGK4Iak"
    "VCqZdkMucixPK4jKnN7cjj+HQjOnyxWZh6I2p/2r7uAyPAAvFN24M7vX3cvfJoPeGPJxFW"
    "Pt6CqhVwfTm9Gw1x+PWcSnolNd0lIxISUrjFYfpMVWNk5bY3macYjqgArxcQCkCvXhpWXo"
    "6nrKrxYnCQW2pltucQtqO6lr5H458r4cUi/uLVvF6MSkdix9OuRwrLHDVxqtuqpPLlpXdn"
    "sLkQu9vXVvbjpQS3BTGODO9DYyf/sSrh2Zq9qU7KkeIW2guVNf8ybp0ybWim4IU305nStk"
    "zgOHJSkFBsVaj3iNNfT5qtv7fvy5e/b2nZ9upho61N6nLKNcJejkZjT40u39Nv3cHX+e/t"
    "z/7cUHd5vc+Ju8iN3jA2ziuJ/EXZDSgX4cE37T7Pg4HvQbpvl0WYMHJcN3nhjTzrP6PS1Q"
    "iQ4v6C9HfqsJVsrM18foFsSyaNmTP0RNer9mWaC7ERQUMcv0k+/jNbkpuH5qpq8bx7NwJb"
    "AgJLCQnYG7Xe2uQzZua9IfXY2pZLG9IFAPip3pHd8uujN7kCgKuaMq5IlC6uio//H2GjJF"
    "bXy/MrWite/3rIfXxIez/wVTmdF58Bpch5ryoMwadE9f0QPRV24d/NUtZe+GTCkEkbn1XM"
    "rGrL5alzT/hTX/fTWihPkfI5XmvzT/j2/+CxMTI012abJLkz3PZL+w1NUCs4/PMNiDEe0C"
    "5roWHlzIS59qNYPrBP7yFSyoUh4ymZermaGTuVvdqm8+wB/oXreJ8wGxkuQJe31vb7ozfc"
    "poRS3/GVCKi3LBJIYbE992VUK3nw7Wba841/McswsIQnsgAH/zXBZsTz/xFE0AP2U9tZzw"
    "j1EQ2IjwtfCAuf4wx8ShT7QIRn/g+3usOvoTpgrCH2ipQPZbNs4QxxfagTqerPfljw2/Qd"
    "b6OnIUv0QaJNJQk/NTIg0Fp/x57wa9+XEDNjjKQxvh04dThM020ujzl8735yMxUAZZNO04"
    "RdMm+GvGvlGHommtK8V+1ApDZXmQQP/XSQQNSCRiBYjA5fD6kz88np0VK+4VVnESrM8HaO"
    "K0EqERGqEJFP4Soo7TSlHXRNQz3q7zKaTCN0tnHgsGeoNtGLZsHTfmpuNar9gNdT0opnQc"
    "BOQSaw/Y7rrFZ1spAEh0QDsP/zDY0KkSGrsN/shedLm2OWugBv8I2mvLKICaRwGkc78O9n"
    "hJxbj60P5gVRTlbkDQQPbupxaov91wMDlM00A+vy4yi7MncWFMKG+PPgos9LIBG7WsB9rc"
    "VOOseqBCKZ59aAqTrXa6t4sonTgYWanKuYtWKT07VXt2dA0vlpYDpylv8fMU0sa11z17Ww"
    "TKpqOyoda3CTBbauz7rFeDTc3LDI5pO7llajZUsjoNRzaugR/IVNMfMElRcnJcZFEyObEL"
    "TGx6AFtcpmhAINlbgL1UIyVpRlI2fzcUDWTwXg4+G9NfShzOdjZRqubFp+4HVlEI5vQ+hE"
    "j26nWoS1HT8LwFOAQTTobGyCpkqgh1oXbmKbGMpxI8jZBJnkrEaVcGi4QwFUv3wP/iA3M9"
    "gkrq3XwzHrcNv3mTamQqTb7azQGXhus+EagVllZ/1qP8+PMIG0GD7vSkEBcDvXGfVd9tLJ"
    "Ed8tf+cWWfaZnIcoirW7HlZWjsPtHl31t+E2BXX5it1EfMtj2ia27thwWLrKB0v7cY4u2N"
    "lAUVhY14iIq0uBSidE2Kdj/wgeivnaIHoj++gThJkQyO7ASORP7GZn8qytsNRQO5WwQYyY"
    "ZFEqCIt9fzbRqLwzefbdyGIYN89h3kE1ZdimIpYRqZlJ6flB4EQ0SZy52VHgvCqCdrtyan"
    "h2eWWNnpyhryyHsKwa201PTQ7XZuXro7cKr6I2WITGNDZP60Zpwb64aiHukb6oo41gLRz9"
    "5UDJhBorP5gFQoO3Bv09uKuSlMONP3ns0R1R/gA7mLrsTI9nvG1c9dYNkPiqkTt4MkH2dT"
    "SKXPMGojO0paz7diNRMC4n0pvsmNWlnRN9n6v/2uCjy10W4nn4ejwT/c/gyb59yZ/p3+xe"
    "YG1u7MXvdmcjvqT2/61xeMSlWWzsrGUy8O68783L+kNHPKJCi1cNnvjkOjbapPgLM6GO2N"
    "uAhuUaqb7uBiOryddNBS0anasHLuzC/DwQWMerJ0Dcb0f70ZjOAC/rrUbaz5ZR3cJ0FdB/"
    "dJo8mge3n523Rzd6nYjq4Yxnq6GfexO7iEe/eKbhTNdotFXRTB18+y8fWzRFiLtLz2bXk1"
    "F1RohfSA7whyLAdaFi1007IRfTX051WpRo7+H1pS/cACKsVAKl1HOmczigPDEexzp2UEF6"
    "cUNjemlRQJIkso8QQVqJygs/K9bsIJ9AMbDt2UP7j19EGuOvRrVmyoL+3+YvQ9ijNAbBGX"
    "QUWSlPVQ4r3DELkeNjS3DM0tHaY43gQ4qMbuHuhaqVWWQizsQhMcefW1k1JySCEWVg7exx"
    "J2YEFFfC9sFDYvU0OaZWKhzyRfcS0pqASxuIIC1Tno2+Ku9EBtp0oGVa3XGBetp3YUWc1s"
    "rAR1haJSyu5qHyE6fFv7EqfKvW39G5su+BNSBVlZPJU+XbUWC51AmnAbOcrXtq8h8ggwRx"
    "bASnhIds2leHml2LEED4jXXHqgbH1WuMyhEEkDraHqaxD62DhflH+UqpLQuX2EyjBVy5sR"
    "1CbyvrqUrb+PDAtXX+dkfYSoeUGLe2F0gGaVsjHSqWtuZ+AA4guCMA9lbSiOgxfLFKUpG4"
    "HZUBxOU3rFye4IP5H3ydDrScOqoZtUXWJ2+kJZoxnoUJTVWDtWG1APwZ3he8tOAb635B8k"
    "qCvIQaiNW6F2GQg+AK/cO2nlkba1Fo0RS1ELLGpNJ8uVg6cW3fdTjNK8pPo4qdiZ9S3FRP"
    "ClyPtsavdg/G9MvPr5bM7ufKZVmHoPXqZV2k6breiFSA5nybQ43YllvTqFiiK/zimK/DpZ"
    "FLkm5dQ59QpeyLIyHSE1cW0vWWsHAbLcXm3EQZ4TBeEnqs6DVYjt7yEyDBHAIOGOuVrMkv"
    "1DDqSZyazQb6QOWaRH1VIrKfUopZS6KFJPUde8rw9X8WcQLSccEaU6bISokIFcpTJUF7qB"
    "iWOZeMccVS8I+cp/XA1XWGaaahKrBK7uyLBPLhx74ertTWJXMhQ+sdSTrBuaeGLR/xTMSD"
    "jfPKeOq3trLkJ0cyuSjVBFhsFm9WanGURW+PZcg0VkeKEueL6rVUGgjlLN1PUPtzf+VhYN"
    "RJD1bH6go5YGZWQQ+g0d4vBX+hJjzTrFxdXXPb0itUy9n2hBN2vd2blHvUySqDpJIpBLgt"
    "fZsXQhEpHDII9mLteh6dWB0J29tLxqcOTuM0T9bVJ7sA2eaoLuLZtehQaksGufwLZM5tBL"
    "1O80DwEcQodJsc9N0Rez4242FLUIugnEQ4/SWIANC2RjwTWu1EgbeSE6EOI5x+qjtdo9yH"
    "MvYTdiZ8OkbGuhgsA80gtSVHJSUwourz1H6WxCBrkBohjpQdx3x7DHaggIJXHAoxUCFU07"
    "20tZAN8s2bEqQCzvvJ6c3WqJh+ZVxAzvdce97kX/WDUBYvBRir2eBJiyrXUvNnCqhQbL4g"
    "CNtXtlPPHeNRU/jIQvqDVKJW5jklhAsR98UrS+wgFCXYWJ5xZqnsvw7VozWqbFy7T4sju2"
    "t0drgasjlBIvNHbmKM4qBTvLKdwZUIg84TOOUPfj3YpGLEyLKu2GXg5/qb6zbD36zRwI3q"
    "++nY+1clRrURpyDJEfrgSPHyfNM/WHN/3rDotbvjN/GdJ/Plv0X5fD8aSDDIuUykyruOrq"
    "s+7MNVtJy5bNOwwiZOIGgXrp5gpBjvIYzpb1NiQ0U4xgigl6MNhYNxnIzllQO0pXBxk96E"
    "9URoAbiSyPe5yyceUJwiMQVwJBTgXGXoEGwfk/tbGzsk3eFRGnFFYivEENh5YA+DWn6eh6"
    "bs5RlFDwjCO3AgbkCTi6YbBqd2hhmXjdYRFTnp8N6jC5ft5ia+Yw6UeQ98vlhw8IDu+GDw"
    "HNs5VuOPTUOoXX8mLNLeuZfhz6/u9+PSzHcvOf/UNft5GJvzq+5AStgTH3xFNYct7FBgnO"
    "FxAimNqF0J8CEYt+QMEUnUNLDDT5UoWBYoTCHkeBivaggEqJgp2R6mwKGDIEnRj6I/3bq8"
    "spdJCSTBtsyQQ2mcokE9ik1HkT2FS615db6mFCGZImjohlSFoZocqQtKOGpB27T81Ht6LA"
    "cAlMd397IiotMaadF5fm1SiAYiyh4fvtvblxH4JVPPUKWMEezddaU4atVR22JvIWXI8U8Y"
    "izcZlkZEE/4zKFn2I514MeHqEWHkEHj6Bzh9tbw+2s4XfR8Hto3JmTUfd6/LE/AuEqJrnH"
    "Noz50h+Nu5cwCsxfxSho0u+9fKmtLLiQzQ1FLTKMgtww30OpKoaBTIw10kbEoYqChtw6fB"
    "4MYxSUzKFRMV2jx4nlQEzW9BFzxXKlkAocInpPOn+zln/v/A32YPo/3kH69zILZj/VUBtZ"
    "f/NogFdeoFaxdLlDB21Vly83vu31+n3WY4msVJXuStW0VtpHBh2B38hxUGwodjoo6gNN7G"
    "Xbhyq3KYsjc6sJxovr/YAzlqCFomEEYU9ujrZ3Lh1++4FgySm2bSultOuEGnIZrqYIVQNC"
    "FPMgt/6vk/x5HSBul8PrT/7w+GSPsj1uIyd4nw+AppAfBvoWxF6rHwwq3VoNc3BIt9a3KP"
    "UstxZHEcEDpDf3oTbtCKuWHcVbs0e1i6Q5s5K31UPJv4ezZNk7AHqM1/z6fVMaZDeAOS+E"
    "JhXyTNEdvcV/aHBAyEBOmS99xMyiYLlw8DhM00Am7wX0Ygzi4LE/voH8fXVWJGeIjsqGV8"
    "4SeUPW7E+s8k7kCJHInHZ7KdnWk65hG7mfDfHENr7Hjjpntb4gYXGNZmsUHHNCTHxFVdMj"
    "UbPFEiIROEMdeGlSOUAgqvvBzAPCNkc0p9LAJqtnKowkLJUlpZexJmKk9TEnWoFIvmNFZR"
    "GzhsEbD9+JPN+Wv7J29lwJbmkkDcylsjYshSvAP0RSBw+msMi0jVWsP5WsqRchrc9ybLp1"
    "XwTT+XarW3Zvbi4H4JjzaiuI6anzcAEep1GYRFi/0dEc1HV1VVSif2gr7KoaXtFklvHn/R"
    "qocK8air5AXn6ZTm/NsVJwIdRkTyykhxzNi1gf9/he3IjeTlxiWUYpZQ6FaKtLEIfCDVQg"
    "P/eqmqR3N9ncb2/pbILxNFQgpWonAkv7hQcHtdt2ahuSF09YnQa3lxDCvzFWQAihx4lSwY"
    "Ov3hRpw0BHZStnb7w2DNkugkBohTE/n0BovM+yHzp/g1D5vyMoFkew7f1ZShD7AFxlUcS9"
    "F0V8olYR++EJFufWRQyTCWuNtHzMbUr3dXhvB1nPWANQmyFysNm3kWk5aI0d+qeuocL9Ko"
    "6Tx48V/gpAG5r6CAogVE13SAdwVZt+NrTmgn+GBbgQWVIwm6bebCouqzBVjaSl4RkTlp9L"
    "Awkbll2LFeXCnPw7YJSuBrLafHAH+Qk3a1hO6MRNikLKveO2ZaIiE7qaCf1NC2vqbhGc6y"
    "tGKbTcFhb8oRjeZuieVH4RSn/miSqjzIozeeJpYtGZA/NdRnNmC6Se/h7BozkvLHXF6jJA"
    "dAKDORL4S3xIu0hZAM0jmqohqorRGJ2QlftkavxCTs5OYIyM2ax2U8sGZDZyKwyHBRQiYw"
    "KtpaE495a9QP9BIXTmP0KCM96S4RDChkJoITBNeQlRJrr5ZOkqpv9yVTC6/ZaLeqveg8zc"
    "UuZqMUtbB7kFGKOEwmrAAm5Jgpy4Xpkd/1RNO3HjQ7hO3IOctGxCsUko+6YLVYinqdt62U"
    "DyynfupiovIkXqlzkYj3EmNkRTD8Op9xjcb1x5KBEikae4lyJBWYw15M6XNsKnD6do1Pv+"
    "Jf1/b87KaIfVNxuiKqy+1DFfSkSESGgxhMyhiKUkjG0ExcPpJ3AWtItS7aC6bA9zEqREAk"
    "dJu6MVCGwiM4m1svn26A2FwDFFzK+lO8i3ZEgbWcU7Xckmn/WPZzExp0fQIxBZ5WuFunkG"
    "dRCVryJ7/7zPKy4Gj0CiUSX5bTlutVIOjvskIk99wdlu6GYaVJKd1xgQ1CGrsfX7/4YutL"
    "1ORX/9E+kmf4PhQ2c+MsykjBs8QthAL3h9vd5C5RyMsWFge6J8vbGte5399AQKnxjTzoPh"
    "CRs9pSfhdBkav8+C+NK9LaR7+9j5BnuxzYT3Zxv4QTGm7C8O1kepGmignb0skmFDR2Ubwi"
    "9fJioV0Tfo2pRgxUgLZ8/OxkwQisxxBhfTL0a61kbUhrfXSwCOT7r98fefelcvPiCTxbQT"
    "qOZSvAX0ofM3PZ5D4MAbnqURpxNZVCUXRxHgPhu3T8D2VPWh2hGZgpnwiofVCcIG8novG1"
    "GYcWdlOX52WI7vrb70Afit6g4f+umNb+B8flWIv69y+PsqyV+wsKg+olLzgofNMbIGzuVC"
    "UzlnJicmMmAhNt9c3pA0cDoXqRqaXTQ0UTPUz0aYpbA42+MXpdqr008U0IbHhSrruzcsN0"
    "TWd/8WpS54RhBUazdV3dBZEczRymylYKPJQe08cNSODJ/aq/13C5VxyEeNQ5Z12fdel/2Z"
    "/i66qVDV3+Y+G+K0DTwd6nsaJJUAT1zYTNm7Cgnao5RiFlrM9Jc+PPD5jkIkIm+adKrpxh"
    "r9B1G1YyVKZ14b059M+M3UOJ00VKN89Xv5sHoyClNkeErlZpE3JrqsusaKWKNrn27uvC0s"
    "k4SSuXHmLhRHnae5NzO5GqKQ7EywUycuf7gi7qJUNQm7e6RPbKOgc0zbb4zeRu66ayMNO/"
    "Q8/Oufxc7BQwffsWYYBLLlp34bAR6ZZZDXQnh+C3tXeASZlt/B/hnP5pb1iCAxwT+RxBMd"
    "Ha+kVW2yLLiRgQ77NDEJzSiROKKpQoc5Hw4vIyw/H8QDKG6vzvtUjWT8p4N0B6dvZxKMzz"
    "456gnLZoHxgsCyPRs/j5d0QrZS4NjNzXYeDEun3vOUBOO2wa+tz9YzUkzI0FRMnTDs9jvi"
    "Fl6l/7Ud6FigIC/vEekEsWd/YOVZw0ToEeMlYZepLJzT+N65txfdmSM6F9HzHJtR+qWtqx"
    "DLBSNndL4+atD56d62/k1H0ufozou2F97F6iqyT5agsxCGZk7kbWgqcCabppAelv/CW/WL"
    "zKCU7T2JFoePTAkLlHMWt4ajT93rwbg7GQyvO5EN5s78OPiVtSPSv0J3ost+92J6Pry+HX"
    "egQ4s2nVnmqqBuuG94a4GhwsF0tuSzuCJUh1faQ/vQbKUbjm6SU3gt71bEqgwgXUPf/x3N"
    "FAJ7vgWcRydMdAUr5B5af9/MoXS55SA6cUIJQRQuavtNVbStjJ0yxqv6Q1ZG+2RP33qalY"
    "JH+7DmSl2vm3KKZRm5397efCnUmHm7fTk0vTYe1NhLtko+geIf1BibWfRXgt3GohXo0c16"
    "WbuF7qkh51efIkmzcg/PlzagEDumzL4snX1ZfbmyusR6HShbYQ/9Zt0dKxXSyMlxilBV0v"
    "pyL5MbMDhvPtB9OnSAiFH0qSaZIodKxak2T8Q9ZckUm/Db08oW5HmuUqgP6MMKrtTXiUWn"
    "8AMuy/0Uasl9Du67QQBkSlazhe443PxPpZcS4JAABPLpNma1BqfaKgXezsZJ02jFQEvhfc"
    "dQ2vcTi+JuLtNAKSiI3CXohIVDW4DHEM/ehAqBKv3pyPt+dPKI165DE+x9w3oo1eGtMsyP"
    "QIDbyijtCArTH9IZZE5tTHdSgjnXRWt4PR31L/vdcb+DNk+5My+6g8vfOoiFNd+Zv/T7P8"
    "Ofzxg/wt9X3evb7mVHqGhn99umWpqhlrmMokTirqGX6L/RlWVqEGR3b9lswbjfjsJT7ggL"
    "Zk2XQRk8N0JYAZx7GLi8xUItgPueHUctOroVOFQaCkFQSwYBjLuz801whDeZ2iF9T5UuKx"
    "l+l83qevpJZC78tyh18b1j0AA73S/mtcbO9Yj5Y7a6wrpB920W66iqlAsaSrTqdlunZzu1"
    "kj6wKh+83fn1+8adEtpo/yl9Ykf1iVEbkge/9oYL7A9jnSIWyiO1m3UHzekSZGG7JXtF7K"
    "NS2rHdkMc+jvbscpStOPbdisMtF58CSefUkd7QiNyVINKQwz8cbVzQKD1OqwITZzgI8nuj"
    "pDsFBMJt3ARBpoEQ+rmAeN7b1sLXRdiNe90mRf3BRxEOAzhKI6I+8b62pKRGQw9LiHfihU"
    "Jv+tcXg+tPHeTR35k33cEF/VPRtTvzY3dwyQLjFd0ovJb2DHnm1tPYLpq61NYY9f/nlhpZ"
    "wP2gNMWd2b/unjOJeK6EO3Pc+9y/uGXXfFBUEEHRH+ToZpCrUfREj5GJLKSy4Rb7CGmZW/"
    "RJUPthzZkklSAUPnzbbfnp7lde9j2CXwE5fqEzZmc8miPE21oCWyDNjNMsSxCKPN8Z473U"
    "eV/H+o5aaxpeLC0H1HDk/QohloT/iZwhdjGySmLsmr//gIqwsrkqXIdIGhdS97oQ/vA6B3"
    "94ncQfZG0rWYRZuiCk40lKvZaOp9ulYSlRV0n0TjvP8bTajNlnieXfN+BF2NnTRr+3oAQW"
    "XA8GKI6jgM0p3UGHOrO2pEjx1scI0VTJ8QJ4lfA6gT/Zy2BMPq3Qtlz/y+Cif93rdxAGrz"
    "H9HXdmdzLp9j5f9a8nHeQubgiFvjMvB+PJ4PrT9ObzcDLssOBnKoHpcm451p15Mxp+HFz2"
    "/btep0z/7sWwd+s+0W8BLwY8JTbAm2K4VIbwjvrdi986LGZvDX/91O95OOOfLDyAyqx/2W"
    "eX6CmEHVEARZhVvL0gwzQNtOT34eXWsGooNva4y8HrBKHI+1/ZPNB9dAgLGEf0f6dwPM8f"
    "mCAV2UnLG1l6aJffXDl7+45nxm8oRJ7qrTn+isafu9/Tb4V4MZZ4snawm4LClEDkWhfldv"
    "o9RIJYpkMVBe4dKE7XvB1/L/sP/7az024jGoOPstk86xoVaILp2Uk7/vgGsbyyzIE51h/m"
    "PJmEGwLJzrQUWlblnBoIhM93nyBs3gZc/WEXoGiOxcPrGFnzOP2qUIfYVzktYl8le8SGIc"
    "sEs/NR/xhpbdL3qgDOBEf5k84d+tPudXtRzqkXo5WSFlnSMgmz0rNf+sKzWV1Pr6j0hX+L"
    "UhfcF36hk+WKlfBJOMP9W+08b7gWGiQ7DjfWq60qBHM6tUMkwvu0WUCt18HE7Y0C/lGk+j"
    "VtDtUFQjcwcSwzBQTM7osXphEYRGEs9nYLDQVf/QGZ9L8dt6bM3DICMRQEwKvWulb0qxbc"
    "ARwxMuHn+4FjOIRpHbN9qteQuUv6myGimJezMbr9TlpRzGpextpTopdvzRN7hNDOyd7teD"
    "K86o86yN/NWEQRRCeNOkFNizuze3E1uO4gRVvo5p05/m086V91EFkTBy/KeC330XqaHy/f"
    "CSgXbf7HUiCKlBV+nV1X+HWisLBKWfFgcdZtDtEcLBu3pJriTgeqCD7Y1mqJTuj7VpAqbT"
    "jYLlobcv9JncFXJ6QwwV8zw1QiZI2Y7XlAQP/XSQQDSFRNDXCAy+H1J394vJSqLI9x2PIY"
    "qqHoDPYvUSYjSSsjscpHYgkdm5tEWpRnRWcR0VSrW1IGclek7f7SHbAI61F/fDO8hsK0iW"
    "femdf9T8PJoDth4bwmPdYcXXFYSG9A72tJPrGnLtHHDi+/uEG+xDKeIMgX4MWLUfcXOvxZ"
    "d+aarTybZQ6ZsyIe8bNsj/hZwiO+tHXL1h2emrZhEnEro1C2Kg+4g+b6wxzbbhEUpHu1VU"
    "FSiB35x8EgFEL0BxPz4m0xMmklR/WlFS7hVNlQHcT3XJX+alL9D40vu0jDimbo5u4gpuAe"
    "laQjzcZ0FZfxo0UIayV198vpdjbD95aN0Wbyflui17Cqazg1NX/Lag8TymATkWUMwNrUuo"
    "fqIAT/i0M/SRKK7jNhH4s8PTKov2+BnxT5wOLhlRRr5ahWVgpYAWB0Qy5wwGRr1P94e82U"
    "9fuVqYH67nWrCFpVjG8uB5MOIktDFySf0v3WUrZzglTgtSG45exNkJJiiNNKOZSVA5zpEG"
    "RYIog+hbRx5ZFevSyax5SbyJSWSUmPphJeyQShrJGU9EqWKG63W127Q7QqLTmD3xeZv++z"
    "Z+/7xNyFRjqcWmWYRGDUi+qNYLoAIvCd1zCIFZykjF7M3Fqsh9ckZdx4peyUcePZrK5nBL"
    "GMG/8WpZ4VNx71k1qk3FIPE0qkSxwRJ1e2Fw7LqUZHqWRoHz0kEwkXCR4nGfzRsrH+YP6M"
    "1wk4K8ZTL2fifPOkejJ2c3WzrG3lOUi8iM0sygG3NFWLoWXjyWjQoxpJdi5LuPkw/SBMUq"
    "ARj/DjzyNsZNWfj+ao9EGLbRDT/zpAyo/Ls+y8n4CnW5N/3Kr1bOjWVmxDEyOwP/z6N749"
    "0kYmpno9UueKSb+6g/6g5tQfnmFCkOKnDlC7xZs4bi+TV8mmbPt5RUqK0u/h7Cew/lh1zn"
    "BG1IrOWT8pQDV0KIkDZvg/ZXKTSMlNfLb+wc38/WOylRmf32Sxzk2o2CZCbPjxI0TNM9+d"
    "99e02+v1b1g1R9f/qKgqXrIyj+79i37vcnC9uQ8l5ei2Bb1lJt3J7bjDmj2vCJSF7A3Gg+"
    "E11IV0Meo7E+b/p/55t/dzB3Y4+wHDaSGGSyqyDxaOZwoTCY8CtzZpbG4qBDqBc8cmBePF"
    "qwGHPZ7tkrISe4TQq7E5KStkrnhN8mK6sGUZWDEzTqKAKCYlqqMb+xKTrwFwiIk9hO5qpr"
    "FG0BbQnWJIMTVXJAQRjFFR/3meS3A4vIzY9eeDeDz/7dV5n8qGiYYO0p0Mv+HM0lJcLNmJ"
    "Ff74BngID51PscCEUEuF7vQpxuBP4+F1RuJzlCyOYumqg/7DKmTvTQAb1Xe20g2HTuRTeB"
    "+v9uv/EhLUBA0S0alkwNkRGME7CQ9YmS+8uJxiBw48IC48t14pr+yiVDUWnftDCDrRrAWV"
    "wQ8LrOnKizZSCILjGbnSImLK7ghdaA+kjCmmq0PTJeTGNLXBvPd05eBiwaP/OHEr1FjlWV"
    "H+eDHWErz2GCDAXpZJCLhJ1amzXCxhKpGDHFnSC1PJqukhWH1EhvRpZ7O+nt7NIj5tH13m"
    "DCCLUEnPV77nKwRW7+j5ClULqydjt3q+ojOL2/O1T5dO/6uDbVMxenOsPrZSfDrRAe08pw"
    "41OPR7XXUr7qjB+K2enS7An1QwrtOEamDYeyci1spWMTqh1wAzdXRnHYAzbWbxXJyP0S0L"
    "REFjbD/pKn6R9Ovs4wUVF57LVJtTd6MUldmbd7v5ZIR3GOS4YpgkefSsDYXIUGXJ4NbqS7"
    "fk5u1kRA/vmKsjNov3UZrFUXSDBzzcUEj4kL8cCxxR5YyDCGUDjYOaGAOF4uD8poW85kCU"
    "TNoDW+yBUGvIHQ2CLyE98iL02Hqyebt1EJ1oEfOg1x33uhf9Y1kHqZJIMRKyJFbQVgjPnW"
    "KBYGQ1W+gO1IP1aV0PuouqoxP4NzSObFNtXn+ic+YFcxqCD/FJMXQWuI5cJqSHgVX5gjvz"
    "DzdUbEqwYmDtD6S7jdv8R39HvFiyNsKmaq8htsN9haN8pc+j05IO6fbH33/qXbVDPd8Ucm"
    "cqhFiqzt4HyvGLD8h/G6TpvGEvUwyDft4aPen4GZG59cw8RrpT0JLJ6Sgd3IDKIVOvcAS7"
    "w77QI2GmlWLIFtNHjlerUTndmpyIkVAMf8/gT15NIZUKx7cWIsi6b08HFx3EGm/TeXBnDq"
    "7Ht6MuixvUTbKyFRY4eHE+7iBtRnf/bq836l8MJt0Ji+pTVNhtdYct0zvz/HY8uO6Px9NR"
    "/9NgPBl5o2YropuYkKmNH3QQVPEogb0XiN0cFqmiznTWhKhEFrIwcI7YBRpTUIfKmqd3by"
    "DSD6JlqXpqW6ySYloL9cvuzRiuGMqSsFja25v+iF6Ba2S1xDa9igVprB6ExfAcOhEiedyk"
    "gnFcwUkhEhlNkQ/XlYimiNhQPCBpglBipdxYadik5DmZ43QNYH10Ly9SOje7cm6icC7+ut"
    "TpGiiBSUcpZWq2yJD0lvbM2VtZNe2ZxVpPh97KalAlWZSFxaEu+TVkCT1n07wA2VpTklIM"
    "5alMWLe4ylMInuU8WGKk8mQR+2RZGopK1QC+zS1GJje39KKEJerARyjl2hF57ch6ci1ZT0"
    "7G3st6clLqvPXkmLOf16McopHoc350VRBMsWNo1S3BdXSGFQ2lCk8p3jiqWFzojuXFEmkT"
    "DeF4zNiAgKIdORWOHRuxBzaJXYeKzvM4tyU2b8PfgpF59oZga1zeZI7RXCeOZa8hukwJwt"
    "va4GjFpvY91PHobELrINmdYWpaO3DFtgMHbNtzvLZbMQns7UV3phfXzfKBghwhdvFFm7XY"
    "g07zSNMh0I/F+z3P1zIbSMBsIEVN72+b7ajaUDQwfGQPhblUh78uV4hGIkzFOo/nuYKkD6"
    "h86o/EJhpmpRaqCyAzgWQmkEDWQbs+mUAXXgmkVlrZZ/9erl0Bl2wv3ydMsM2uyOZyxUq3"
    "TDepOt0kTwsvUE+0Fhp562IwvhqMIR5fJwudkDvzl+4IOrIrtnlnfh5c9KFbuAYdH2/HEI"
    "0MhikBMzVu2B5Hk+dvb3cMzfNgptLbQm3t3uZ0tXubbGq3Mp20vP4t/hCfqDZe45aCHCgC"
    "Ziv22pvkXtm8wrO9JtpmIX+yNDKy11yDjQwRGliKJu9qQBKd7i6cTA2RSHbm2226V9N8R5"
    "vtKtDzB94D68ncrdZaaGqlW2rpu4L04m41g+Mb4Q69ojZayI5uynHwoAZxfq/uydhGkAIc"
    "JLeKQvCBv1FVCx38Dkn4LLvCTxb3/6aTMN53KVT4AlokewUxJNxwVLghLr9Smc2xZ4hs4b"
    "aorjrufup3kNcH4M68HUP/khWB3iX0n18GUDiAuHUroRvQcNT/OBpeT6AjED117m3LdO7M"
    "n4bnHfSnNbszz6H6wAwKD/SGV1d9GKhaC8AkIUf6y6D/C2RI+zEBxwcvQks0VeDpCyxKJb"
    "KIS4IY74pkJb7LTkt8l8hLrF25ANiWObev1vCmf91BQHlnerAeJPt7wB7UAOj2oIIGqx3A"
    "Nku3dsB4ePnFrR1ALONJlJoAbn1TrgT2EInMwYrgDVXkYLm4KZdAQiRSIHsQyNKyHcru1G"
    "YmmUFYcbLDpX685NzQ6M5FpUYnCmgEhAWvuR+PtcJds6pOC7k3lAdulkeJxGU4/QNjE811"
    "h7TZ2qScdeMQCbNB25725ImhYHufqkWAv6rYXqbwP1tlCpE0INwoVlypkMvndY7L53XS5b"
    "MxCxNczsf+I4T1gf59n0UbWTad3e6vQLM1UpBBr9vejP/2vEAyd/RbkLLMHa30hJKu02xW"
    "N9d1KnNHmyb1lL0zkUUm6/Hsw1e+VGyHNwIhTCP5messZ6xK8nZfrlwxWbrVkxueUBEnLv"
    "0AdH17edlK3QkkX7fwNbb3ZbC2iH/cD8Xe0TseDgGv2claMNM5gGvKM2kUWMBNYdE+wwdu"
    "lDX4HT9bMV96yu12XuDA0h3opTJP5z5BgbaEHilS0L2trDRkrwyM5vTr0T0DOeCB9LstB6"
    "nK0lnZWEMsaBdaDCraQjcR1aYUm/idNmJNCat+vMyHEEBnaKPsAAVVIbxabojksPwWUiGL"
    "QAQr4lgL7qozMbL9BoXWj6uwB/F5KH2Cw/snS4DU0DqJfTFy5ooDfpqgrgP9k95dI6IUjG"
    "05tLdS7BCM5IY930yXwvL53L+86LAz8M7sXfa7IwirYKecKFEV3sfwh/cnCKWFnc7ZEphv"
    "hFI6SsQB+5IYL1VnuXoI++Mb53XeS6Kh9Jtkc7+eCHqW3ySBTR6nLoCHaaQY6Bu0o1BQ/y"
    "Y8oOqwfj9dwIt8shPB/NIqPqpVnJeAvl2xrUcyemvc6151EFGVxZ05vmH/XsK/hx8/Tm8u"
    "u5OPwxG9Zt3fT5eG4txbNr1HWdodj90ofMoLhRA3EJ/S9K/Hgy99RgBJSU/4zvzY/bkPH/"
    "sIaQDX4+5H+tfKJMo9/Xs4+Qx5ARZbFEKo0VIN8Fn7spAeAMOy2ftSagLfriYgM6T3WJXP"
    "VRn4u2mEySRbZeJ5ld5frsTzQOvdncENTzuPrVqRqq+Fks9TLK1oanoha4tESQr4QjfEoc"
    "o+H9AfzCP5B/tgpBO0xDb9FVRNPUVQpllRWdLGdwRZz5TQUZwVgWEAt6d4RKt/yZ1pWOoj"
    "wP2YJcEga+WgE81a0Inwg0dIfmDe1NPl+sUHOpBS2tYzIsoaHoFNqPVMrxn6PZ3y0tEqyo"
    "HSzjEpa1BvSxDXoEgKbiH82F2GJcyaCKH0EYgsY2m7Zoq5wbarH4pYomxaiEwaW/Hak4Tb"
    "fg2RSHbm264rIk2r7aZVaEIVK5WWnkvHzdYGhiXHWRvb/oSyWtem2jN0bKb6B0N323lWK6"
    "Hjpupm4HZb1YQmP0iH2QGcnVEbT0OORe044tmAJrrXbcLKIqCTm9FwMuwNLxHBrtnz5kVK"
    "tG4FD70z7+jcxUvXGp3rD3NMhy9Wjmvx6hq7DtWa6OPo2+hvdkOBZXyvOGdBO8/sFPioFc"
    "Te5FBcDIU4U391pLL1XH/ITK9Ooxa2bkhx9d/Ns/6vs7PXr388e/n63fu3b3788e37l0HC"
    "dfJWXub1+eATJF9HVH6ZjS3tMbYByWzshkk9BXwJ0rgEiCUDjfCTrWSri+7N7driQzCugG"
    "ODKW+QFUaQgohqLTHTuRTkRhahE7co3gv0PNcNjBRz7d+xMXgRSFpq1+4PBWXxCiYc/f9u"
    "IR36+IcHKONFR4GiyH6zq0t6ZeKQoT9hqqPSx1M2/MDYQMCtkaU+/h7WP9hnsn+wb9stTC"
    "7vaG5YE8uDHMb1VDprgu9Esmz8VVA0Mi0gOFhmzT6ndDQ27ex9kdC0s/fZkWlwL60sKReH"
    "AwqRQzyPzWOBDvErz+zKOseD+9uP8kV4aKEW1KywtQa1eKnUoD+0ZWK0XJE5veg/rcNO4q"
    "WhrOnRS57hUP1DWy0NaDWI/3AzAtNytvfw/NRT2YW7vC06bMTKM7kWZ3JEfsUTBHXZZDTz"
    "XC4NBB0NA2rILI8mIK9SksNzTu6Aookn9x5aMcKZkmRwXhNwn0JkBrtp9+6BSbc4m56KBE"
    "GKO3LoL4ufsvzxLbJDuES/ymOeAinOw2WWykzvbFeWrWUxNXlINVZ1rpgP2NdfIeBVN9k/"
    "mT3bRk860emzwcW5pB9K4Da0gtGpzmtr2EYnjq4+tpHzlYogxWG6h3cAJDbxQbBnW3foo8"
    "GZaiHv10+hqy59/wcXH6O09BkL6wkT77FQ956+nyCqaWMPJXOH5aFkMZ379xaQMO7Dd7Xo"
    "7d83KED0XtvXrOn2YLie4Nj40A36F+URU/NhSPqdg2v81bh3Sxwa4FnXNZgTMfEWOzDEsA"
    "T86VBcLj6FVFRLK6rB2uPguk8iMttb4bgRawmrg+6tsE4oy03itiTquHtn5BrbWRXkTy1R"
    "5Rbd8YoaGVEqkfXgkobGmyII4ZtsgPBNAoP1DhMOJm8oGsjgPbRLE86L0ASIO9pfhYe97m"
    "iRedtaddBqSbDttJHWQW4Qp9ZGNmu4aD1CKKBtLdz8tGC2cIuiiCCyxRAXQmbXi7yj9iiN"
    "Lxqn44DGyYMU+eNLrYHD5Dq5MBG1EsPoUBsR8JtAwzLTsxMBSlpSGeCC7bMOAR0JBCLcuF"
    "ZSNpawGdAuACmEra5CwddUMQXj3MGm2/4ppIeG7fI5lTLUNl5jBxFomhaY6KnR17s/FeCD"
    "8UIxoH6yhsjcsp3vIWCG7rY5cAGdj2GIYR+B2NIvdyhr/CvMXS7++xQin1Rs34TFAc0Gw+"
    "viZPkwVVe2DW5F+CFUg38h7b86qBTS/jskg78F+69hUWRNM//K8lbac7VWVRptz1URIdRE"
    "A23MavFnGGdjv1D/FsMsKOi/3Sa7pm/RECt1RJdqB/0xx4r2BzoBtRHS5ELWDhhBL5h99M"
    "e9YVm2N4oOWHo6Jbuc4u/d10t2sLXY/3KcEv74as6J45pb0QbXZwWOiddn2e2tz15sMaye"
    "FGOVwuvcY8MnkYcG16Eh0EY2oQt5oi8y97Lg/vbtDPaEqR8PtX1L+wXqsrkOTfSsECj6tl"
    "gCXK7MoMCbZaqY3l7o5srByb2Kixpgo95ma3JWNrhTHYJs7FDDGq4900nHglscK3hsfoh3"
    "0S3s2OEDEjNq8QcANjbwryaBfilprkJF+t2syPwna5a2a/q3cjdMSDaZ/mnNSKG9Mlu6RU"
    "LdAjXTpJbIVKH622IJ/+uGqIUSCUNRr4ePUZPot8wUPXhGyiP9eh7zwh8vMgwFfRb0e0hT"
    "A70GvriNYD6dwj8h2AwMNdh/CroR9gyzQjrdg2WnNOLOcReEaEQWxZFtvUirjmBKcG4fKa"
    "TCd71j3jTd/B7KfV2HV4PugKFgagRKORSb/9VsNODgUpYETx8x30yP0TUBKoynYBXqnfIu"
    "p3XKu0TnFEd3DC7cKCBo4HZy9vZtAQ7TUZkcZveiHJ5ZWspEzsa6/fGN4O+hE9nSHQvZDX"
    "0zHAti9vOlU8ZWkMtxpqggV/FFJwDNONBqtY1OT08Lhj3kyGYvLX2fLIOeLWm7zbllGVgx"
    "M6DTEFlMTDNKty/5BFcOuyrOh8PLCOfPB/Fpf3t13vcdnXSQ7mQ42ag+Mp1henyncDwf04"
    "lS1gfbaWHFNnTIFyEYCpbSj4O1wXT5f6107KC5tbLJ7uujFgBQeC54WEZKnlAmHBEmaUwt"
    "ybNXb3588/71uzcBFhFcyYMgUhZXDCHiXWFJ8voss28GQq1PQ/qkWFt06Ar7M6/wDvo/t/"
    "1baEPvUt+ZY9aQk7BWnB+7g0u4d6/Q45jeuxgNb27ggmZby6X3rqPXlWC1cLFtWyml6rO1"
    "7ihVE4zHQ6veNnbs9dSxHrGZcsxkq+Bxup1U8frIYC8qNjhH8FKxvfLxhW36KFkTZv/ewV"
    "hZMeUbqZgSUQIguYBf5CEy2YtLNCVPED95F9u6Om+luMm9O+08L7myGbNPFzmXr/tbcXTv"
    "aFPmxBlmBahnn+TZ4en1xI8PgM/DouLgsDe8gdx99bKQf+lljn/pZcK/RN/opGqj2QZBiK"
    "QOsLxQxsBRD7O//j9jpSje"
)
