"""Provider verification (issue 15): documents (their fields, the sealed number, the upload),
the append-only review history, external check results, category requirements as data (seeded:
the gas trade needs Gas Safe, photo ID and insurance), the credentials a serviceman holds
(`serviceman_profile.verified_documents`) and the copy of its category's requirements each job
holds (`job.required_documents`): the job audience grants read both. The `verification_documents`
sync collection (the owner's). Downgrade: the triggers go, then the tables, and migration 9's sync
SQL comes back."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "category_requirement" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "category_id" VARCHAR(64) NOT NULL,
    "credential" VARCHAR(32) NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    CONSTRAINT "uid_category_re_categor_165461" UNIQUE ("category_id", "credential")
);
CREATE INDEX IF NOT EXISTS "idx_category_re_categor_00d92d" ON "category_requirement" ("category_id");
COMMENT ON TABLE "category_requirement" IS 'One credential a category requires of the servicemen who work in it (issue 15); a';
        CREATE TABLE IF NOT EXISTS "verification_document" (
    "id" UUID NOT NULL PRIMARY KEY,
    "organisation_id" UUID,
    "submitted_by_id" UUID NOT NULL,
    "kind" VARCHAR(32) NOT NULL,
    "credential" VARCHAR(32) NOT NULL,
    "state" VARCHAR(16) NOT NULL,
    "upload_id" UUID NOT NULL,
    "details" JSONB NOT NULL,
    "number_sealed" TEXT NOT NULL,
    "number_last4" VARCHAR(4) NOT NULL,
    "expires_at" TIMESTAMPTZ,
    "reject_reason" TEXT NOT NULL,
    "assignee_id" UUID,
    "reminders_sent" JSONB NOT NULL,
    "next_due_at" TIMESTAMPTZ,
    "replaces_id" UUID,
    "decided_at" TIMESTAMPTZ,
    "version" INT NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "owner_id" UUID NOT NULL REFERENCES "user_account" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_verificatio_state_634cd0" ON "verification_document" ("state", "created_at");
CREATE INDEX IF NOT EXISTS "idx_verificatio_state_bacc5a" ON "verification_document" ("state", "next_due_at");
CREATE INDEX IF NOT EXISTS "idx_verificatio_owner_i_24fb42" ON "verification_document" ("owner_id", "credential");
COMMENT ON COLUMN "verification_document"."kind" IS 'PHOTO_ID: photo_id\nINSURANCE: insurance\nDBS: dbs\nACCREDITATION: accreditation\nBUSINESS_REGISTRATION: business_registration';
COMMENT ON COLUMN "verification_document"."state" IS 'PENDING: pending\nAPPROVED: approved\nREJECTED: rejected\nLAPSED: lapsed\nSUPERSEDED: superseded';
COMMENT ON TABLE "verification_document" IS 'One submitted document: the upload (the file, private) and its validated fields.';
        CREATE TABLE IF NOT EXISTS "verification_check" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "source" VARCHAR(32) NOT NULL,
    "outcome" VARCHAR(16) NOT NULL,
    "detail" TEXT NOT NULL,
    "checked_at" TIMESTAMPTZ NOT NULL,
    "document_id" UUID NOT NULL REFERENCES "verification_document" ("id") ON DELETE CASCADE
);
COMMENT ON TABLE "verification_check" IS 'A result from an external source (an identity provider, the DBS Update Service).';
        CREATE TABLE IF NOT EXISTS "verification_review" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "action" VARCHAR(16) NOT NULL,
    "actor_id" UUID,
    "reason" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "document_id" UUID NOT NULL REFERENCES "verification_document" ("id") ON DELETE CASCADE
);
COMMENT ON TABLE "verification_review" IS 'The history of a document, append-only: submitted, assigned, approved, rejected, lapsed,';
        ALTER TABLE "serviceman_profile" ADD "verified_documents" JSONB NOT NULL DEFAULT '[]';
        ALTER TABLE "serviceman_profile" ALTER COLUMN "verified_documents" DROP DEFAULT;
        ALTER TABLE "job" ADD "required_documents" JSONB NOT NULL DEFAULT '[]';
        ALTER TABLE "job" ALTER COLUMN "required_documents" DROP DEFAULT;
        INSERT INTO "category_requirement" ("category_id", "credential", "created_at") VALUES
            ('gas', 'gas_safe', now()), ('gas', 'photo_id', now()), ('gas', 'insurance', now())
            ON CONFLICT DO NOTHING;""" + SYNC_INSTALL


async def downgrade(db: BaseDBAsyncClient) -> str:
    # The triggers go first, then the tables, and migration 9's sync SQL comes back.
    return SYNC_UNINSTALL + """
        ALTER TABLE "job" DROP COLUMN "required_documents";
        ALTER TABLE "serviceman_profile" DROP COLUMN "verified_documents";
        DROP TABLE IF EXISTS "verification_check";
        DROP TABLE IF EXISTS "verification_review";
        DROP TABLE IF EXISTS "verification_document";
        DROP TABLE IF EXISTS "category_requirement";""" + _previous_sync_install()


def _previous_sync_install() -> str:
    """The SQL of the sync migration before this one, reinstalled on downgrade."""
    path = Path(__file__).with_name("9_20261202150000_money_disputes_media_sync.py")
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return str(module.SYNC_INSTALL)


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
    "eJztfQtz20aW7l/pYtWtyPfSii0/4mVmU0VRtMNEErUk5WQmSjEg0BI7AgEGDUjm7OS/3+"
    "7Gg3gTDQJkA+6trYwF9AHAc/pxznde/9tZmRrU8enYsRfml+ETNOxOD/xvx1BWkPwj7XYX"
    "dJT1enuTXrCVhc7Gm2wgG7PAtqWo9HH3io4huaRBrFpobSPTIFcNR9fpRVMlA5HxsL3kGO"
    "gvB85t8wHaS2iRG7/9Ti4jQ4NfIKZ//tZZOwsd4SXU5gr7JKR1fqeD1o/zewR1LfIryE1y"
    "i12f25s1u3aOHkaG/ZGNpZ+xmKum7qyM7fj1xl6aRkCA3N/+AA1oKTakb7Ath/4u+tkeA/"
    "yf6v6E7RD320M0GrxXHN0O8WEx317rzOfX49l8OpzN5x0OzqmmQblOPhUzBjzQT3j5X2dn"
    "b958d/bqzfsP795+9927D68+kLHse5O3vvvb/Zgtt9xHMZ6NPo2uZ/SDTCJaV+L0wt+MRr"
    "EVl4qJaMt9SKfNPE0Gt7eji3QJhGlicnAcpJ1Syrg0fN4LK44czg5+7E9O3rx/wX6vie0H"
    "i91kHGLs3bKTPBEqqyQzB0vFSmfmliLGSnKjDBP9C1sublf4IWb1Svky16HxYC/Jn6/f57"
    "D1c3/COPva5ex21l57d87YrSiDGXc42OuPbyNzzz4U4e7Zh2z20ntR/j7CDQ97veEic7eD"
    "ncWfULUB0nrgZ+X+UQEriLHyAIH39UIwfmFqKZz/aTq+Tue8Pz7Geg2RX/ofQI7fxIF4RB"
    "EQTQE8IwsC+tXAvAf0AjtGwMnNZDwbD8aXABMhkfHA3Q722rEp2+hDVhj/pYdZf3LV/zUu"
    "lcHl+Dy+tdMHnMckpJKN2g50mqicLsgdG61guqyilHGJeaSn/j/EkVvxjYn8QG1s6Bvv0M"
    "4RzWx0NZzO+lc3Eflc9GdDeueMXd3Erp7ET4jgIeCX0exHQP8E/xpfD+NiDMbN/tWh36Q4"
    "tjk3zOe5ooX0C/+qz7WI1OO6LI/c47QVSN77ZFEE3xBB+zzJlbRi23C1tnFSypm2SJhkt0"
    "VS1UJ+Va9Fcvb67XdvP7x5/zYwRIIrefaHb2tsGaor2J5DyzKtJEtn8EsGT6NUpTSLBi2S"
    "4a+z/IMqWCOX4+tP/vD46fX339S8vn8MmXj0wkJRH58VS5sn7phnZtbY5K3V2Sp+RTGI/q"
    "R5v5j+Pg+LuLFMlShXUMtEK2IjunmAxdofO4fB4EqRi9+YqJwVZLMqsGt/jyEaErsQErsI"
    "y66owRKmEdlqKWkTvn9bwDJ5/zbTMKG3opu4SACRuPs4B0S03dRKKJQxWmlKiKJhZpkSgp"
    "zLI43oqaYNDXUzgappRY+xzEG5pzPaDp97SMrO07nTBxYk8wzbYKVoFBSwl0AxQOjVL3+G"
    "mx5ABrjX0cPSBo5hIx38gW3FdvAfAGGAod2lCIIBkKt6h2dV9W+4M8gUWJNZSn6OBde6so"
    "EasE2GYWDCQYBVcw3JOzQKKHlPozct85k97Bmu7dNOlgbCqOldykOpeTRC8whkVhjl9wmk"
    "zlFA52gfCF2StWfv3hXgLRmVyVx2L8pdy3RsrskbEEgOF+PwPXk/tNaWt78W5XOMrIXcrn"
    "6rsM1HaPDYJgGBNEzicB1UMJwz9YXXLomRttAsaYgZUgjoVs3VCtmU9UkV0jSJLI0s7CRE"
    "F5PxghDWJdbgymHlej4eX0ZEej6Kg6+3V+fDyclrJksyCNkR/TEcFkJNiyS7pytF1zN19i"
    "1VKd+CYCi4p7m/OfvufaCr0z/ytPPpVf/yMsnOJSSWnZXCz2x3eYhkL4+5YEw9tA88PUrh"
    "HBmKteGKU1hsbIhbxe9zj4UBvwm7z0fX/ck/03055yksP//nbNhvdNiBICF7jTiTBcEGr+"
    "BqQbbGJVp3UkDB0N1uHhq4io4rAAQ6GFrfYLDWFRVSNE4xgGk9KAbCCh1EbpEJ/HwKRjYg"
    "J6FlY6BgOggZT8hmQxjKRh8DFFWFazLCdRrH8MB6XnRH5ryqIwNicKKAtWU+IXLCAFUxDN"
    "MG0LBMHWBzBU0DAsIs+A2FFa0npEIiiRffA49a6wL4ZY0s+g8d3tsUR6SI48p8ghrYcpV8"
    "kQUJkQ7J8gQn9IMUR0M2oAtCB48QkiHkKrLAkhxlprV5kY05hn8+G0S+bD/sMdvgOkaccO"
    "cf947hRpOxN9H/vP2hc/h9aKf5lY0xkvmTgdIMDWfFeD0in6EYKkxBbHThAZvO+Jfr4aQH"
    "zGfyNXfGVf+6/4n+7e5T5Mp0OPk8GgzJjV5o5cTX93HCkLMU+mLiyVTsaxRQh+1mUONcBM"
    "SY+TyaDS96wKO/M/qDwfCGXXI3Q++ZR5eJu43iEopSlPIgUXpSTyqHXTyR09A7tArG6IUo"
    "Dhei97omUVYdotcs40IGIuxeRUVimr2tfL7YcAb2JAj3UOuaY9lzYOhhxZqTtymk0kURYy"
    "+1UzjZGiKR7EwLFE6fvEkWfzQtiB6Mn+EmodzGGOvnJcce10wWb69u9yxLeQ7M4rR1S/7h"
    "GupMHv3poH8x7CQmcgUsvvUe01LWhtbubpZuz6bDMVbMM2wnXxPHeIS75CvA9e3lZefv4+"
    "CRkX0jrd5BbF/JKXgQH1kAlQyAvIWDKbiHieVrA7ha6+Zmi+BBg8X7IezBFRpYbGisoItm"
    "sHsejoFPUxDJel6yuzSDhPSOCumx/03wOTsgyB8vMoxXMhLo9ftXhfCfVzkA0KtEZBtZ6c"
    "bDHDspFRgy8YEokczii0MEHn9U00mLZtvF1oBMMjbOWAllVcpOCWVls7q9UJaz1kpKPUop"
    "pS6K1FPcAN7Xh5AKqgDz4mshGokE7UCCKK8kPrET+glNqYgJPSETfDIazPJM6JBduw3ySP"
    "L83CP++PME6oElm87uaKxOS5geWfj/Ng0415HxuCenwhjCv8gz28ovD0rYk1tT9yntAcRi"
    "Ma3mI3nInjw6d5/SIh5xYXzh0BhyStxbZpq16DN0bMCZSf5TYOpFntYiznIAohPCAIiXM5"
    "a5lAKIRu538wBRyx05D5KgdiOiRErAIwOMjJZvU4BuPiCDBj7eKyukb16cAqppMnRy+mP/"
    "5dm79yz1mUpP+x5YphdHidfQ0JI523W85M5AtoefYgey2EhgwC+2X36OpW67D/7ey+smX0"
    "PeSsnJKPZJT+RjXFJ3pMRZRdFeuzk4qysrTvsgQlSvgSBI8BeH450tyvlSwUse/DpKVQ2K"
    "fdzqAzVns7KtqgyYESGUWIYoWEYRBEugsFXRpN4QKRcKXGVaRQkhh+lk/VCRJexqi2V27y"
    "illLLIUmYxScRO4yvtEaVqQ1HTA5RRcWHMoix2R7ePtdVrmTKKtk7fiQztrCS08zixh4zr"
    "KRCbL41saM3d4dUg3qXWFksSXzoqvgRXSlqNpOyzKSBoHQZy9q7I8URG5Rz8iQNKxkmGes"
    "0UipM8y4mTPEvGSZp6mkswu3pOQHD4bjOh/WLhIN1GBj6l7zvGllFLSR0LPqRGAebUYwwo"
    "pLa7W9tdL01izjlr3VQ0Tq03hVQmPDa+EAJRytAT5Nw+Ov3BbPR5SGseUOo7Y3o7vRleX9"
    "AyCNhhHkdaG2E46U/pJfLVWJS6CGsF42eTaMa87psEYQvP11qACxnZ3ZGR3dIvJiO7pdSL"
    "RHYnwLQiQbOYtZgJKrQdMnJWTEUuP8hRxhgXZhWN6tbm4dzhCoON28q0SGThnvyKxzO2kV"
    "9VBbJPg8J4Moz96w5jx7ppz1VdQat92UQeNKDPaetsImYtejBW0Ejr9crDqX7woLay6tC5"
    "EU1m0pyMMDCqQGGYBQ9q6V61QNq+U8qFY9s4nf406YhVBfvTwH1Kixm1J4N+MhdtZY4Fnx"
    "B8xvNni7ZsScEi+TRy+rC2s8qCKkRPMK0tjuSVr2U6iz+hatNRFLOuwjwehB7V0vNuBTFW"
    "HiCdYnRy7DvFrtzHtZ1ZODXIth5GNXIxhhfhvDKE70axbKSitdJezeEeQm2ObLivqfyRPG"
    "dEHtNWPmmwAtjlAhZEXRrJIsO00T1SqzgIr0OPaiu7yH4V/MY5eaZTgZnzOfTMC++RbeKf"
    "LMRwQIx5pRjztWXeo7TuOyXYFjz1ZvvQNnJPXULNqYhnoWe1kFXhE4NMNXgPLegFx+3Luf"
    "AJchN5ckv4yJnO0acd0iZQNa1omkTK7W5ecgfrtEbxAX+kMMkd5+ghM6gsNWI1JZ7ME37e"
    "0XjcjAM3nuy/zs7evPnu7NWb9x/evf3uu3cfXgWBZclbeRFm56NPNMisGw5x8aPOspM+iL"
    "jN9LS57AjKMI2M1d4dq62o/v7GweF9YuEL6IBtqi/io3eMSRxcjtO1MBD4zVkBZr85y2Q2"
    "vZXObL4tI0olJ/XuSb2A98Q0SfI4O51pSyF7gZdPXFLu7bRM52y2BwSS6/uki5GfjXl3lS"
    "hV+1SR12cfCqVJfshJk/wg608cZsOW+RzZrG9mZH9WPgdHZH+dVR0S1Z53dJXyQ2mLdZaa"
    "/9sfXqa9FOv2BDFQAH1MoWZRKSSFuryz75Rd3oUqJSEbhtbA7liYPR9bQySSnbJh6P6gdb"
    "eKhqH+GbMni1uWJBJnbWjtilRVKpakk6J9JNN4snWPkKOSR/PYkoFn03rEABk5SseO0an6"
    "hl/5TOoZ4ukZsuaf1CvEYmeOXiFLKBY57Li6Y0v9ocH6Q5bWsFtXKKwgHCxgQR7tsqt0jW"
    "6AGqolqsje8PDXH98+320t7H2A5graVgqLsz2JYZrDl6Tk53fnEzTprwE3pr55IJuNaYEr"
    "Qoi8v7vgl0/TD2+Bbjx8q7vODfE8jytkzHU3izumReimkhGCFqKJyemeEokjoSr28Ivx7f"
    "nlENxMhoPRdORJIHDBsJv0ErmA/Dah/cs0Jqc5xnYxOdUlJpmczmS6qfHO5C2NZHJhJvPO"
    "5C2NZHIRJm9rmcbCgk1Th4qRHTP5lKYCLghVXTz2tZbD8vh8PL6MHITno1jg7/Xt1fmQKC"
    "0vorxOVqGURT07sqinDAKRRT2l1Gsr6hlxjco2750c6DIrd1HWFBS0tJlgQZ6FeHSoCktN"
    "4U2dIP+AsOfBtDadFKA/uNfNA/vV8KidEQEz2gMdQg1qwFa+mIa52oCTNTluF7QN+g+A2A"
    "+PtC+6gixwenr6ogew7jxgoFiEjr0TIA0nYwcqfG7Froec2O0Kk20Eas5UVei29D0cCxxf"
    "k1Vh8CZ7RIhqSkho/qQOMdncFtssaNqHSQ5n27+qi8EV2Pal9H1Z11kcHUy03fWoStgE/u"
    "UgC7JKQjn6WHhYIdVsbsUodqppYwMC1SLqlGEjRQcK8B8FvEdhYN4DmyldrtkGDfC8NFnY"
    "Jo3aRDY4QRg7ELx+9+J7oCQUtsrfcGcETyC/ydw+5nmp2GQ00fUMsuht08JAM8GJZq6IfL"
    "8lRIpuPnwbYhE+XW9enIILcqcLDNMmTya87QFFWyEDA6ghm7395nYGvn16/S27/q33dgTx"
    "t/+LtL8jD3yRHb4ayMg9OLcs2S+W9Wspz7EnMpytY8bkUjgMI0rWvmiMWhIz/SnPw+gIVQ"
    "s1++pLQ0jnRzbrmwmDC54B66vI2akn+foLDg0qnmtCw5wUsCa/gHwVVSJ8fb8LWJMlsNjQ"
    "+35+axj9p6T0bkJbqfLhd0YszYUiVOQ20QmQRZ8CTuAX8lP1DbkK2WOtTAVCBsWKFBRLRJ"
    "mhLezuSuvTHrAnbWh98YQVToeTz6PBsOfP/Tvjpj/4uf+JXPEWRnz9FEKyKm9BayM7rTRk"
    "tk4REBxQBnVN8DhzC8GE73NgwvcJmDD8ZQkuz+CXDAskRtYCXudpC8NfZxFFIRETGygLl+"
    "PrT/7weKBsDDq0yKqbKyvTSa2ym1OcMU5ZCkU8DJ5FA0zJiUne4lZqFqtiY0irdixa75Qv"
    "WD9E077aPW+KGC7Zdktim3Esr9cAMhw7DbbNnO5ppAJP+aOFxa2ghpQkX7NTIQKCw+dBhP"
    "TEhYN0Gxn4lL6PV1V0fwMI6hVjcII0/K1j6fhFFxjwida+2XiTRry8iIw+EtkiCwiaK7Iq"
    "DuRahOFlcHLJI0zTXJGwn4HDOD1AFLmni0oDyBBz8RATzM6wDHYbagHxwcDdjmYp9zavZC"
    "4m/Y+zHmC0d8boej4Zfh4Nf+kRqXgdoYjhdnt+OZr+OLwgppuzIBNgCbU7gzJ49JleVCx1"
    "6TcnO75BJ4PhKz31qW5kPMyxs+LgaJRIRiFkMFVNt812sVXdyzBrNWOD/amE/yJOW4EHQz"
    "CLoCEOi5S4/WS6hvRTZS+qdvmpZJJOm6WelaQTWevHC7MQbAevO8yC+RHnpvXAW/A1RreH"
    "V1Awju/jA4zztUSluwSh5Gx+3Vd/IiaZXHfRVzHZu7vma2zp7i7Ytp2TFTC5YCW8RjOXqx"
    "xeOFVqT96Gc7Payd/YER/h7oSoHZPRYJZXGk/mXB4zpD3UuDUt+ivS1jUnACw6jqPTwTcY"
    "nJgWoCxfQ4NGioaKC3+DX2zbGrDH53VAKPMoGaklgC7RBdmRWktiUekorTppttERpmlB1M"
    "oBIoQWyEwyODsyyBveAt4eOiJooRgGX1u0LUUD+qLFffViehUfFF2HNAGIRw4Roub6gYV1"
    "zWNTRYqeVaAkWy5xOjFEQ1/bGtFId25H1jaTALp0m0ip87pNhGngFtf/jpoTXA2gf7SmNS"
    "3h5V7Jh0XbvI0NODPJfw6D94sgiXo6vKVD/ZzcLQn0N4KrOwH+ytNlyf0by7xHjGc5Pdv8"
    "Qd2CbdvWofGyMUtrkU2JuR0Icws5qLiQhTidGMhCqeD/oOKOW0wxXK0n1MJRTLRuaa4gd6"
    "uAMFHJXgFiegfT2F5FqwCXYZxdL8JEkssFuCwj+WUkf3MYq5qrNVWjtXl6lcFM1iYJJXNT"
    "GoYgMlKbk1c7rPgcj26STt1cDUX6Pr4O34dEwbNZ3V4UXJz24iJAWceDag8JIgrJeqFQRH"
    "UJNScDPPTvdXMxw/AoiRS2FimkB1p6h/a8EmlbmgNihrezQV28rTvv6hnCR52rz/CWQire"
    "UvGWirdUvKXiLbL2V6/iveU6/KJC9o37di7x9Luh/7wGLi6OpCZppwhtp2xnYY7BEpmquy"
    "2XOYyML5A3Rs8ZYNNOIRqixctYMteKeTRddQysFduGltGjxc2AouuEZNOlNb1Nat2ApelY"
    "KX3pKn1yagORsLVG37Vf3xBpZVVtZWmppeaobpTOZ398nkbU3A071QNKNJp4h/knBbm/JH"
    "nS5TaZD9MdsM98cKWxjebJsWel6PDZSEBA0L7iK+8KYADvMiGAd3EEAGY1BUhnLNyjD8DX"
    "xNbgsOc7x2JkVR5o4m6x5auuhNWLWAAPb82KMPrcTNbu1J9jk6uADn24Zjy6aQ90Ba06aX"
    "p2cDNfvybD5mowrlLfwG+Becbe4h4ve+myeY0QWtYG7yA9D7J13JDEUjXdbBQwStlCFLC5"
    "qF8y19ArpMN54Eap5HkrSrpZe9iZo74ctpSZoCzdH/ZL2QUq4GrxklpNZWx07xNJHexjTG"
    "SV1Wo6dDdXIfR/nxIdX7FiGJpx2/QSiXOKhXPqUEnTwfPQOp9EAnUcQJ0MYOjIqikygGG/"
    "qinSkqnBkgnlmnNCsnFCydp8q0aq4NWq4OmzWNqNO+Hu+MLlrtJcp4njz+0U+yY07XcaN9"
    "VbNNJwEclwaVbTdv5V3xlfzy+GV/3rix5g65MsGO3OmA5+HF7cXtIuf77Xyp1TR2/z17Tu"
    "jBYkY7ENNc55TzbI/7kleyQVQfCMO6M/GAxv2EVFpVFsMENYrKfjzWT8ieyzU9bVcW2ZdN"
    "7jO2Mwvrq5HLKHBEnT5Gr/ejC8ZE9RKfN09pSL4eBydE0valCl9a3JteGvN6MJvQS/rJEl"
    "ysTgrdYhC3X0CpeQ4K3RIctzFOctsUvpskzf0jIC2bYkLSjNFOsP/6pIqXkyKrtH/KtEqX"
    "nDTG0Nn134KiBoAX/zkJk6Sl8FZ1BJp3+SXHbkFNnxvxVYaixjUWmnRzZKWQsla9WxaI+F"
    "lIzVnHaMIRqRTaGyB1aR4yr7sIofVWsLqXCurNILS+VFrcUpD+fOaUkIW6QI1Qph6hcrJY"
    "lUcimO0uKwyXorI4conRRAeQGYtqKXE0GMUgqhtBDo/p7q18kuFhEiaUAjpyo0qlrKQrg4"
    "Fy4RBhCllLqtyLqtjJ3pyNgZGTsjOw5JqfOWfFEdbJsr7lSFGJkM7IltoX+aC06ObikqbD"
    "XUCl4K2xSrFdz1Yn3KhfZJnqbylFZS5GRoiERyMzdI0j96ktyVYXzRML7YIZ0RxJeyGVTA"
    "2un2SY2cs0VjJIvzNr/xHTeD92x91xAu72p+l85qoktVwOGf3Ke0k7FbdbMAP9OrCXMz9F"
    "/eY9rJ0dAJHmEpeT+4vr28zAuXjpVcYKU49q0GGS790ZIDLhp9FeSm7smpaFJsG1lF7hgY"
    "VVBidBY8qK2ssuATgs97smnCHtJWFpG7FD5XKphPg9Cj2nMyRLilIbx2UmMYeRh14T6lTV"
    "OKK0Uo5EtVNnSrnqsKTqsi6ZH7xX93c/bGfd7Ae1xLZiBnSlVoX0/Jqoru+rurRtjR8TvL"
    "9M6WEHi032CwRMRqtTY9AMnWsAEs8QOoS8V4gOAZ2UvwvDTBStEgQHayMO+ez6o4q0uWKq"
    "P3DlGqjBZfnudkGKXLIErVvtKc1efq2CY/l8M0LQwjrZ7JZLc0rbllppXnzMktiVAJPJkD"
    "YLIbaivdBe7pRC4q2gqRv/EG23AV3+ELBfaeFYnsPcsO7T2LS8SCCk6D7bKlsaVoQSLKAR"
    "J9ZNBJNvebGX5QJOjE3bP4XGVhGukri64iWQBHVmkRCRTnrdLC1vbhPLti7gE7uRreAbl9"
    "DXWWZhm45QcY5DLJaFaaGNPNwxS8OPi5GqKaW7KLaevLt6iEIw+mtUk9ynJSFqNkAltBJZ"
    "Xv6juZymilKjWwtZ5WYSx7wvrj2zdTq7fCsWqu4fwRciUxR4iqscWPi7dGmHxWyBY/y7HF"
    "z5K2+L0F4dwxbKTPWZe6JLszUe00UpEzBzueYkE4DhQb6FDBNrCXCAPdJJcW8J6onqyrH6"
    "tpARDt8wdhQVSq4sSce8LbxZpLHFsKoaVAFDuK/FE+++AgWCsb7IoCk8UNgXkfvc8SVI8j"
    "iLVlPiENWnP2ZZwySScWWjyU70QcEOJvwsIgC4ZMsO+ZWMg5ZpO1sgKPEK4xu0QOSfs48q"
    "FFgHjOCH+8hGqLQLUy3bLSySqR72xWtxf5lumWbZO6z6N4umUCSj4SNheUtslE5qIjuoVw"
    "uW3BHInKdSUq13RUrqMA/2MB1p2H7wF5KI0Rs9UlxADZxBpxFt4Q5IZ1SghPlJNDQnh5Fh"
    "ymlaGtbzC11Qxw4v5Jq0vfIx2e0osvykxnifM1FedbKBjh+dpEqTk0mdZcnExo6GKroADy"
    "/+4yYDFngFVd7ILX7169Av9N/gf8HwlWSLBCghUSrPiqzFYJVnyNUhccrJgy3fTGVU07KV"
    "hFdEC3CFQR1XcLIRWdX6iPw3sAMCDUMLBN8EgYBpSF6dhA8bTqHiAqdbhaATghf/X+QY2p"
    "H16QO8C1ESLJSpU+/c6gK2ANyX8MOxRYD05oG2h/7Cm4NoFFXvDfrhVAA+k0Iq4uIGoF+N"
    "yfvbTgA8I2tKDG/HF3hrdkwJ+OhTCtPkreX0eylERrqkZr3MnDZUQFFK2zoKpHXQ6KE5RT"
    "3P3lfSAFvnIk4Emx59sNKcns3D7USWLZkZqnIzVhn+GsFnw7SJSqfTZq5VM8fKzyMDpO1z"
    "pWV59XKbGATpVYgLQKs1ktrcIarMKZ8iXLd+3f6haxBGl3kcLe6g55NFhsIuYPOPm/xIBi"
    "RSWeieUDAXkTfJFSjYKLVNpTgttTYh3VddhWndF0DN68fv8eqGT5gJNP513QH3bB7fTloM"
    "+Ahv9bxkVYQzNhr/wmXcp84bcplEI7sMh3ZniuVDLhyD5JMaNwYPRxvFhbQ2tu0nMvIZBc"
    "Uy2FWmxbrUMXW48CZls50C8HZFP3hUWhFJowEEXVwEnorvnMgkpefO9+Q48ifopOrnlS9+"
    "oWkUsuWRBl7RMWE/ZhDEaabEDNP/4UhRDV4dbiK06JEzH6CzEQA/n4vQQjfcl12enSlyy8"
    "/Sh9ydmsbqb9KH3JX6PUBUcNzlHUVg5d7uaWs/QGVBrO/ptfnH7roO38Lq18kaz8Ms1SZZ"
    "vUKno3yxblCTW2iBJbvEX5CmJMNskkg2fwS8bMDpG0wEjIO1GHv84ih2mi/2xwoF6Orz/5"
    "w+NNaROJ4mT3IToLqx7Aq/AkqWUfWnF0nKRqm1MZd2g4KybkcO2yKC55+BK5tJAYeoKci6"
    "3TH8xGn4c94FLfGZSxF5P+L9c9VlRbs5Rn486YDH8aDmbDix6w4J9QJV9+Z/QHg+ENu6ao"
    "KlzbblTG8dFkadh3pGEvTTxp2Eup8zYQPlKnW9EkXE3m6RYUKNePdUsoWZtfxPeQLQIFZW"
    "jZHoGphXtDcNb+bG15X9bEYs1owZgNl4abca0qaIE3cJ/SWOtxz+5SJSqpQPaq1BIqHiOz"
    "gWW6rtTQwJ0RaH1AmI0ZqspSffAzDR0wgALIo7r0GstuhmCBNFqZLa0xUslnyJg0Ac6xbg"
    "5avTC1FMA0G8/zx7cCLD00nCdxgo7ECaTFuGfPF4dIi7vpS5hIGjfxQi5I4235ElDI6k9/"
    "S0CjSmZKq/tgVvcibaLytyFyn9LIxb67A1Gw0RXoPsQOGQlg7Ow/FD6MucGLOk1zujWkmO"
    "XejpFrkhcyxblivaShLJKhbCNb52tb6xO0wlSOu9CLhMeTUTlO9ER4fPjLEnzORiRiZK3g"
    "9qGBCT3NhP6om0oGz/VUw/meErSL2xfj2/PLIbiZDAej6Wh8HbWG2U16aZvWNBn2L+PMTW"
    "32mMNcd7xkbhHmKppG9vAU/0VOo+stSQtCEg/RW1kG1tYcWLtwNKL3zVco5eTLixuP0snY"
    "8dKx4z4jlS/lBODSSQGUFgD5WGSVDXROEMs4Z3FCvpIIvi8uaKRYrsUk7ZFKOYssZ7Hj2Z"
    "MohbmGBqea1hnfDK97gFLeGf1f+pMLFp1OkSgasD7oXw+Gl5f0mtcokl4d/nozmtBr8Msa"
    "WaIEsfsh9XN+b1AKqXQLxeub/OWwnYu80MkIufppOr5OZ3A6dXz3Q6oN/gN0hGtTO0JA3s"
    "JBuo0MfErfdwwsj3IrHwiJYx4xKdEHxIEQd0XiEiEFUcoWhhS06WSSgTgdGYgjA3Fkwo6U"
    "Om/CzhFb+Akn5ZoLxPsV+Ti18RiZDCqS3Q4PF6IVriIpo2DyomBiyzQjDiZt662At4PQo9"
    "rK3+iJU4C/dJVXwNt/eY9p5G6wk62hrTDCUvJ+cH17eVks72xhmo/ka/bMOzt3n9IeZsej"
    "M/flT6HIzKYs8OheeODExYYyyaC4BWPC3pzaPqpF663OYNIJfELwuZMST+rd6eaFlFrbMR"
    "VXEFxsd00vYllWEBQq1JRwBKXFjE1Xiq5nIpRbqjaFIbw5++59AE/SP/KQyelV//IyCU/a"
    "8EsKRJUdUeqPb0F02KEDSZdI02BaEFNe9f4tkdhF+6vgeoX18i24Nq1yAGyMVIZRiAO4Jn"
    "F2V1hzCyqYr29MgrDUhiaYZGWdfukdlH4i8b2DMk2/+jR913DjTdWPUEmmxmvmOQtaXpa3"
    "YF6ESjI13ykUQhz2xNaLI76CMnZ3wnlkucqk80MmnafsC5KxO8sRRrZCodL5I6B1arm9KK"
    "idjcaq8ZEy07+18CvZfjNCm3ZnLfi0Isc3UQzq59H1px7wzpo746fxeY8Wcrwzprc3N+PJ"
    "rAews6boQaeQIOrOTXiEXMmn3nBx++SWRDtenxUqu3CWU3bhLIF26Aq25xj+lQLa5iQ+hq"
    "mE7bnJC3kcOOeR8dBrkFMCHUkhl0CuyECuxBU7EleUuKLMOpBS5806ODL02ZxDUfxKpa3k"
    "pQ+COJg7XSOFVHJXODhZTL5WjiYfssJuQ1nK1dYmtLYPhyQ3lLEpG2E6h4skGHh28Z5Rz1"
    "fb7rUN0wULxYevFctGKlorewfS32yf1CZm1emc8OdWil8iNO2yXRKhzspVR4jHvR0U5yO/"
    "Je0GERjbklQdQcOerzA7a+IB5b917nXl4cEtdROyvn+Xro6jujq4Yd+DI771R5gfutKgbL"
    "h0uHD06K6U4HpOuYI4YSvYX3fBAsW2FXXJXd0qRibLWuWvgxJlrUKnL0deRohKJmZwJGZQ"
    "vnlR91zrIE4nF0LlC8HNqpwTJZZyM/1E2B3lkXyKwJkVnfHPPWA+3hn989vpsAeUBTGwOy"
    "XOi+rDOlw+lsxgipBKx7c4zpukz056arOXWDN9dkU8tWGwgLeEVZJUxthnbZ6L9Fps2dxN"
    "UkqHU8ydx3AtXkdemEhO1x11wmJI4p6eEc7yJIKyeHdNq+S+WMAJFYC0MpEh1/8UXr8FMk"
    "RC26j07e3gbfLI4S4eVqcvJuy+SvHHxLxbxdJE5usYVc1OGuZjTjpefNezDu9t6XI5lCqR"
    "U9zHzGojWQB3MMXvKNkZ3E5n46vhpAf8Cpd3xnQ4+TwaDK/61z1A5uMTUiFZi3cGudD/RI"
    "e6K5OMPB9dXNALC1oThvx9NaSgGxkAVwv6d//iakQeomhez6vjgxgsDJ9acSWTKMKkMpOi"
    "nFPtTxMZpfCFCKGEF5oEL/gHGqfEQ2QSNBQZNJTZMp1Ks2UkGlcnYlQi8LuagO/2sFOiRS"
    "KgRYcNVW4qa/eIUa4Tx/gIoTay4aqTAmIE97p5CMY9GTVH/rCKIQt/bsEnGlyVGifqD7EU"
    "45H+Lx1EI08JAbJ97IhVWeADMvLMsNQ9OEVl8CbCfhhGSwIaswGOQLgcR2GYRvyzsENmNN"
    "DMFWE8YF8O6AW6aIBbchMXQyaq0Tyyy5Wk87oRJUr+NBen9HdDrUuhoNO1rqjs324+06nf"
    "cbQLVAs+n9K+o+4QcHp6WgYXevuhAC709kMmLkRvxVpJujsW4y+HeGJkokuJiQeYFggl5R"
    "0fk4ucFoU3oTCR+LvQgQ0c2TWrSm4esYueYPysPSZ9ZTpGCkqYpxBuaUrhSAeK61w4GlGu"
    "6d67tpBKHrdCBvmDvLaoAnIcsF51LAsaKldFrzBN+2b9mwKT/k12BfP4lMfOaqWktYnLDj"
    "0PkYgRdU5fy+vZ7TwvFVcXJ/YtUcVpOAcmoke2Tl5IuYO7wF3b+2vo9YSne1Zv8a3KpxA5"
    "I499JGEzwKppEUPJIDIyHawYmr3EwLwHClib5IvBiWtUfUtBiG89otP15oXIu9m9otqmxZ"
    "fnsSVp8GKj68wXrPeLwAIuybvBH/T6H2IuMelW6sgibHujP/STgtmvshOFHDgqVVHAvWWu"
    "9p77jXPXSgdYnQ4w6ZVpsFfmAtKAt06KT8a7083zyGjbMbvcMZ2+AT4OrshO9IDoUHbK2+"
    "YjNE5B3/0HOaJ103jA5C9gGhBQlgGiNStsS+t5pJCKAyBiXCaC7Op4x52hGCZ1EwFFZZsp"
    "WJlPENObJwow4DOwzOcuwCZT7tc0mJjoj8B8JrP4GwzwxlABhi6BK3XtBUOBd9daDwXIuh"
    "WNocGiZKnPKXpFxs0eNW6WzSweyCAgaF0Z8HevzwoABmRUJmTA7kUVubWu2PemtUpn8e7Y"
    "5DC90E6L/vXFZDy66AFif1om0u6M0XjaA8jEd8Yvw/MeeIYLMbwY9EwoKQ2PVGhBpAWK30"
    "zGn0csAHxtmU/Iy1s6vih0U1Wy4vYz4kwDihbile+KAJbvshHLdxlNCNyjNsHlAnXwQ7TN"
    "MSW/yrjerw8xkNH6EnarGHaTaItEWyTakoq2XJs2ukdqZtO3yP1uHvJixEfuxF/GBgTQsK"
    "2N69WiHPoGg/BzgErvw1MwMZ8xeEb2koz7g6xSXVljOH+Emz/ACQVN1knVt+LH3xnhAPEe"
    "HRb68x9I++GPF0CxIPAaZ1DHHQuyA4sNINYetNzoR+bCo8AMJowG5BVZ0MsWawl/UE4QcL"
    "RjB+KN+ZUgzOFa4zU31lSYSCU/uKuszR+mF5nhHaJMTvufhlOa1e1Wab8zvJ6E06ApIWa5"
    "4FOWCY5ppvjkZ6LE0q6FK8V6JBo+7VvYHwzGt9f0TYPbyWj2z54PIBN7UHUsZG/KwAdvis"
    "Brb7LRtTcJcI2FoHCBlz6ByIIsuXLOXhXpYkhGZTKY3StSVjmbwa0qqxyDhwvx910Of98l"
    "+dv+aPayWFjlm0VO8PpORsti1cWP27AOysHpOF374N3XZ0WSYcionDaziXQYNT0MOxP+Uf"
    "cKwW41+EPV8yQns+MN/fHNDTaswuypJZpQgtnZs769YLbsQVpmAYok5UKeKlaZq0xpckWW"
    "JW+CfDWEVwjjUgs5TislLbKkpfexUgVUeh+l91F6H3d6H28seA9p2irs7PBDhkZ2i3ok5+"
    "so0e7gcN9hqC5NpEL8vedCZG5C06Hx2Zb5DJYKZt48T7I4yMoLvxx/u307pil6iaIbB3jd"
    "7ujuTHehODvYUeOK6/ESqkvFMLypWxSjCNNInKJynOIvB0F7To4My56vkOHYKSj+dKXoeq"
    "ZClP4Egesj8GpHb86+ex8oRvSPPJ1oetW/vEwqRi6ToKHtxeQovWRxzJW6grSwDJ83dUvT"
    "Pri+etfI2kJPhBnztdu2Ia03eF7fyDRy2UCSo4GkNFc7lZqrEq5tGUifAvqwr09Y1TxG4C"
    "4LfGzAmUn+U7P9LYJBULH1vZdFfQm1B2j13biuToohHR3QzbOfdTZ0roTGVlzi1o94ZLnJ"
    "9B9B5ap4mCtXKKssX0vvHaJ8rQxxrTG0KVgVRbkbELSQvfWE2RyjuJ7YfK64ul6mcp63Rx"
    "9FP29XjycZapMtkGZq8VmhNntp8VUrnkOab5Wtdrq3iyidMBhZqcq5j1YpE6Sqdn0gDa7W"
    "pk1PU9644hTS1lWuOXtXpHIEGZWd+vEuUTtCaux1QsHQ0Lyy/jwI8JZKAr8cwK8OH/BcQw"
    "8Qpyg5ObVmomRyYhepC08r1vIwOSCQ7C3AXqKR4jQjKZu/W4oWMriWg8+C5Jfi9F5LeXwO"
    "U7XPHVoPrKJg3u4nIZJau580JV4oPG8pHAIxJ0NjZBUyVQSXy948xab+VIKnETLJU4k47c"
    "tgkRCmQskBGP7FB+Z6BJUEZn01Hrctv5cKXvIoLP749qkq1ajdHHBpyK4ni4hWWUmZ+R7l"
    "x58nUA9qX6XHOLgY6I37rOZuY4lwh7/rx5V9pmUiyyGu7sSW16GxdaLLv3X8+jquvrBw1E"
    "fItj2MNDcNwW2d9rvXszdoVcddvEtGPFS7/2Zj1lGRFpdClE7kBlRCCiSkgHhrp+iB6I9v"
    "IU5SpHB3dt3uRNnu7f5UlLdbihZytwgwkg2LJECRI7TWFI6/X08HTeFYX2eQT1h1KYqlhG"
    "lkjnN+jnMQDBFlLneScywIo5ms3RltHZ5ZkXDryXA6m4wGs2NlO98omxX5uIGCYSfFkAnf"
    "7uaZMWt34Fz1R8oQmdaGyPxpLjg31i2F8G3kWXNIt50NIJ8NnpfQYOntXlVboNIa2bRDJF"
    "AMWqwWrmll7YX78w4GbHv9dng9WlGyes+45rkLTOtBMZBbPp2Tsymk0mcYtZFtJS2dulhl"
    "7IC4LsU3uVErDnmThf7toXI8W0j/dvbjeDL6Fyt2HXrOneHfGV5sb0Dtzhj0b2a3k+H8Zn"
    "h9wahUZW07Fpx7cVh3xo/DS0KzJEy6MybDy2F/GhptEX2COquD0d6Ii+AWobrpjy7m49tZ"
    "D6wVRNQGx74zPo9HF3TUk4k0Omb4681oQi/AL2tkQfauj7fXF+6TyNGluU+azEb9y8t/zr"
    "d314plI0XXN/PtuI/90SW9d68gHRbcH2NRF0Xw9bNsfP0sWTRWWl41W17tBRU6IT3gG9oc"
    "1VbIE1bIMC1AXk1L36hEIwf/j/a+W5mUStGBStYRsl8UnP5HgSPY587LCC5OKWxuTCcpEo"
    "DJfkm717I2tV7Rontk0BPoWzacFir6nml/TK6IlkJSLGJIAfcXg5cgzgCxRVwGFUlSNkOJ"
    "9w5D4HrYwNLUNbfPjWJ7E+CgGrt7oGulVlkKsbALTXDk1ddOSskhhVhYOXgfi9mBRXasEy"
    "9slG5ehgY004BCn0m+4lpSUAlicQVFVWe/A5e30gO1nXZgXysbCLHIslpYUHnUzOeUcPHs"
    "gnERosNXjCtxqtxb5r+h4YI/IVWQtjpGKnm6aq5oSWEyugts5UvX1xB5BJgji1rqyj0Qtj"
    "4rXOZQiKSF1lD1rad9bJwvyj9KVUnoXB2hMkzV8mYEsYm8ry5l69eRYeHq65ysjxC1L2ix"
    "FkYHaFYpGyOduuF2BgwgviAI81DWhmLbcLXm6dYTohC2/lwnwk/gfTI4UYAGVR0ZRF1idv"
    "pK2YAF1aEIq6HGp+VWVrPOR3AX8N60UoDvHfkHCeqD9CcQxK3QuAwEH4BX7u208ki72o3E"
    "iKWoBRa1hvDaseHcJPt+ilGal1QfJxU7s76jGIB+KfA+m9g9EP4busXevTm795lWYeo99T"
    "I5aTtttqIXIjmcJdPhdCeW9eoUaiL6JqeJ6JtkE1FZ17ZSHSE1ca2WrLWDAFl0Y9AVbAPP"
    "ieJ2l6dWIbRe0sgwgCkGSe8YzmrhHnZH0MxkVuhXUodM1pBus9RT1DXv68NdxRlEywlHRK"
    "lks5hyGaorpENsmwbcM0fVC0K+8h/XwBWWmaaaxCopV/dk2CcXjr1w9fY2sSsZCp9Y6knW"
    "cZZ9P98+p4mre2cuQnRzK5KNUEWGwXb1ZqcZRFb47lyDVWT4zu5pZAYA39WqAKqOEs3U9Q"
    "93t/5WFg2Egfls0HZna50wMgj9pp3O4BfyEn1DxsFkx7R6XpFapt5PtCCbNWK/cK/q9DJJ"
    "ouokiUAuCV5nx9KFSEQOgzyauWwjW+dsG+URtA7dOSuE7pzloDtnSXSnxZG7zzTqb5vaAy"
    "3qqcbg3rTIVYTdXfuEbsuYzCboO/BYAIfQYVLsc7kaNW4pGhF0E4iHNiKNBtiwQDYWXONK"
    "DXeBF6JDQzyXUH00nf2DPGsJuxE7GyZlWwsVBOaRXpCikpOaUnB51Rylsw0Z5AaIYqSyk7"
    "w4gFASBzxaIVDRtLNaygL4ZsmeVQFieefN5OxOSzw0r0TqgB6Dj1Ls9STAlG2te7GBcy00"
    "WBYHaK3dK+OJa9dU/DASvqDWKJW4jUliAcV+8EnR+goHCHUVJp5bqHkuw7cbzWiZFi/T4s"
    "vu2N4erQWujlBKvNDYma3YTgp2llO4M6AQecJnHKHux7sVjViYFlHadVQOf6m+s2wz+s0c"
    "CN6vvp2P6diquSoNOYbID1eCx4+T5pn645vhdY/FLd8Zv4zJP59N8q/L8XTWA7qJS2WmVV"
    "x19RnZS81S0rJl8w6DCJm4QaBeurmCga08hrNlvQ0JLBQ9mGKCHgwWRAYD2TkLakfpmiCj"
    "B/REZERxI5HlcQ9TNq48QXgE4kogyKmA0CvQIDj/5xa0HcvgXRFxSmElwhvUcGgJUL/mPB"
    "1dz805ihIKnnHkVsCgeQI20nVW7Q6sTANueixiyvOz0TpMrp+32Jo5TPoRzfvl8sMHBId3"
    "w4eA5oWDdJucWqf0tbxYc8d8Jh8HXv7g18OyTTf/2T/0kQUM+MX2JSdoDYylJ57CkvMutk"
    "hwvoAAhsQupP0pADbJBxRM0Tm0xKgmX6owUIxQ2OMoUNEeFKpSgmBnJDqbQg0ZDE509Ej+"
    "9upyCh2kJNMGOzKBTaYyyQQ2KXXeBDaV7PXllnqYUIakiSNiGZJWRqgyJO2oIWnH7lPz0a"
    "0oMF5Tpru/PRGVlhjTzYtL82oU0GIsoeH19t7cug+pVTz3CljRPZqvtaYMW6s6bE3kLbgZ"
    "KeIRZ+M6yciCfsZ1Cj/Fcq4HPTxCLTyCDh5B5w63t4bbWcPvouH30LgzZpP+9fTjcEKFqx"
    "j4Hlp0zOfhZNq/pKOo+avoBU362suXWsqKC9ncUjQiwyjIDfM9lKqi68CAUMNdgG2iKGjA"
    "rcPnwTB6QckcGhVDGjlOTJvGZM0fIVcsVwqpwCGi97j3D3P9Q+8fdA8m/+MdpD+UWTD1VE"
    "NtZf3NowFeeYFaxdLlDh20VV2+3PR2MBgOWY8l7Kgq2ZWqaa1URwYdpr+R46DYUux1UDQH"
    "mqhl26dVblMWR+ZWE4wX1/tBz1gMVooGAQ17cnO0vXPp8NsPDZacQ8syU0q7zoghl+Fqil"
    "C1IEQxD3Ib/jrLn9cB4nY5vv7kD49P9ijb4zZygvf5AGgK+WGgb0HstebBoNKt1TIHh3Rr"
    "fY1Sz3JrcRQRPEB685DWpp1A1bSieGv2qG6RNGdW8rZ6KPm3cJYseweFHuM1v37blgbZD2"
    "DOC6FJhTxTdEdv8R8aHBAykFPmSx8xsyhYLhw8DtO0kMm1gF6MQRw89se3kL+vz4rkDJFR"
    "2fDKWSJvyFz8CVXeiRwhEpnTbi8ly3xCGrSA+9k0ntiC99BWl6zWF01Y3IDFBgTHnBATX1"
    "HV9EjUbLGESATOUKe8NIgcaCCq+8HMA8I2R7Ak0oAGq2cqjCRMlSWll7EmYqTNMSc6gUi+"
    "YUVlAbOGqTeefifwfFv+ytrbcyW4pZE0MNfKRjcVrgD/EEkTPJjCItMWVCF6KllTL0LanO"
    "XYduu+CKbz9Va37N/cXI6oY86rrSCmp87DBXicRmESYf1GR3NQN9VVUYn+oTnQVTW8osks"
    "48/7NbTCvaoraAW8/DJEbi2hUnAhNGRPLKSHHM2L2Bz3eC1uRG8nLrEso5Qyh0K01SWIQ+"
    "GGViA/96qapHc32d7v7uhsAuE8VCClaicCS/ulDw5qt+3VNiQvnrA6Da6WEMJ/MFbQEEKP"
    "E6WCB1+/LdKGgYzKVs7eem0Ysl0EgdAKY34+gdB4n2k99P5BQ+V/ALRYHIaW92cpQdQBuM"
    "qiiLUXRXwiVhH74QkW59ZFDJMJa410fMxtTvZ1+t4eMJ+hRkFthsjRzb4LDNMGG2iTP5EG"
    "CverOE4eP1T4KwBtaZojKAqhasjGPYqrWuSzaWsu+s+wAFciS4rOprk3m4rLKkzVIGlpcM"
    "GE5efS0IQN02rEinJhTv4dMErXAFltP7gH/ISbDV1O4MRNigLKve22ZSIiE7qaCflNK3Pu"
    "bhGc6ytGKbTcVib9Q9G9zdA9qfwilP7ME1VGmRVn8sTTxqIzB+a7jObMFkgz/T2CR3NemK"
    "rD6jLQ6AQGcyTwl/iQbpGyAJpHNFdDVBWjMQhjx30yMX5pTs5eYIyM2ax2U8sGZLZyKwyH"
    "BRQiYwKdta7Y96a1Av8BIXTmP0KCM96S4RDClkJoITBNeU2jTJDxZCIVkn+5KhjZfstFvV"
    "XvQWZuKcNZLdLWQW4BxiihsBqwgFuSICeuV2bHP1XTTtz4EK4T9yAnLZtQbBLKvulCFeJp"
    "67ZeNpC88p27rcqLSJH6ZQ7GY5yJLdHUw3DqPaTuN648lAiRyFPcS5EgLIYacOdLF8DTh1"
    "MwGbx8Rf7v7VkZ7bD6ZkNEhUVrBPlSIiJEQoshZA5FLCVhbCNaPJx8AmdBuyjVHqrL7jAn"
    "QUokcJS0O1qBwDYyE5uOxbdHbykEjilifi1kA9+SwV1gFu90JZt8Nj+exYCcHkGPQGSVrx"
    "Pq5hnUQVS+iOz98z6vuBg8AolGleS3abvVSjk47pOIPPUFZ7uOjDSoJDuvMSBoQlZj57f/"
    "DV3oep2K/v4dIIO/wfChMx8ZZlLGDR4hbKEXvLleb6FyDqZQ16E1U77cWOY9Yj89gcInxn"
    "TzYHjMRs/JSThfh8bXWRBfureFdG8fO9+gFttMeH+2Dh8Ufc7+4mB9lKqFBtrZqyIZNmRU"
    "tiH86lWiUhF5A9LmGCp6Wjh7djZmglBkjjO4mHwxQFoXEBve2qwpcHzSH05ffhpcvfgeGC"
    "ymHdNqLsVbQB86f9PjOQ0ceMuzNOJ0Iouq5OIoAtxn4/YJ2J6oPkQ7wnNqJrzmYXWCsIW8"
    "rmUjCjPurCzHzw7L8drqSx+A3yqy+dBPb3wL5/PrQvx9ncPf10n+UguL6CMqMS942Bwja+"
    "FcLjSVc2ZyYiJTLMTim8tbkhZO5yJVQ7OLhiZqhvrZCIsUFmd7/KJUtTr9RAFteFyosr57"
    "y3JDZH33r1HqgmcE0Wrthop0xIpgThyjk4KNJgd188BRKzJ8bjn1dwuVcchHjUOWddlrr8"
    "v+TH4X2VSI6m9xnw1x2haeDs09DZJKgCcuaKTsXYUE7VFKMQstZvJLHx74fEchEpE3TTLV"
    "kL4B/wFE7XBE6cxrQfKTMb+ZGqeThmqUr34vH1ZPRmGKDE+p3Czy1kSXVddYEWpk7ZPNnb"
    "eFZZJQMjfO3JViq8s092YmV0MUkp0JdiLs8ocr4i5K1ZCwu0fyxC4IOsd0/cboXeCuuy7Q"
    "oE3Ow79/L3YOHjr4jjXDwDRbfu63EeCRWQZ5I4Tnt7B3hYeBYfod7J/hYmmaj4AmJvgnkn"
    "iiI+OVtKpNpklvZKDDPk1MQgtCJI5oqtBhzsfjywjLz0fxAIrbq/MhUSMZ/8kgZMP07UyC"
    "8dknRzNh2SwwXhBYdmDB5+maTMhOChy7vdnNg2HJ1Hue42DcLvi186P5DBSDZmgqBsIMu/"
    "0Gu4VXyX8tm3YsUICX9wgQBuzZ37PyrGEi8AjhGrPLRBb2aXzvrO1Fd8aEzEXwvIRGlH5t"
    "IZXGctGRCzJfHzXa+eneMv9NRpLnIPtF1wvvYnUV2SdL0FkIQzMn8jY0FTiTTVNID8t/4a"
    "36VWZQyu6eRKvDR6aEBco5izvjyaf+9Wjan43G173IBnNnfBz9ytoRoS+0O9HlsH8xPx9f"
    "3057tEOLNl+YhlNQN6wb3lpBWuFgvljzWVwRqsMr7aF9aOEg3UYGPqWv5d2KWJUBgDTw8g"
    "ewUDDd803KeXDCRFewQu6h9fftHEqXWw6iEyeUEEThorZfVUXbytgpY7yqP2RltE/29G2m"
    "WSl4tA9rrtT3uimnWJaR+93dzZdCjZl325djw2vjQYy9ZKvkE1r8gxhjC5P8Smq3sWgFcn"
    "SzXtZuoXtiyPnVp3DSrKzh+dIGFGLHlNmXpbMvqy9X1pRYrwNlK9TQb9bdsVIhjZwcpwhV"
    "Ja0va5ncFIPz5gPZp0MHiBhFnxqSKXKoVJxq80TcUxbPoUF/e1rZgjzPVQr1AX1YwZXmOr"
    "HIFH6AZbmfQi25z8F9NwgAz7GzWCHb5uZ/Kr2UAIcEaCAfsiCrNTjXnBR4OxsnTaMVAy2l"
    "7zuG0l5PLIq7ucwDpaAgcpegExYO7VA8Bnv2Jq0QqJKfDrzvByePcOM6NKm9r5sPpTq8VY"
    "b5YRrg5uilHUFh+kM6g4y5BclOiiHnuuiMr+eT4eWwPx32wPYpd8ZFf3T5zx5gYc13xi/D"
    "4c/0z2cIH+nfV/3r2/5lT6hoZ/fb5lqaoZa5jKJE4q6hV+C/wZVpaDTI7t602IJxvx2Ep9"
    "wRFsyGLIMyeG6EsAI49zBweYeFWlDue3YcsejIVmATaSgY0FoygMK4ezvfBEd4k6kd0vdU"
    "6bKS4XfZrG6mn0Tmwn+NUhffO0YbYKf7xbzW2LkeMX/MTldYP+i+zWIdVZVwQQOJVt1u6/"
    "Rsp1bSB1blg3c7v37bulNCG+3v0id2VJ8YsSF58GtvuMD+MNYpYqU8ErsZ2WBJliAL2y3Z"
    "K6KOSmnHdkMe+ziq2eUoW3HU3YrDLRefAknn1JHe0ojclSDSkMM/HC1Y0Cg9TqsCA2Y4CP"
    "J7o6Q7BQTCbdwEQaaBYPK5FPG8t8yVr4uwG/fIwkX9wUcRDgM4SiOiPnFdW1JSoyGHJY13"
    "4oVCb4bXF6PrTz3g0d8ZN/3RBflTQdqd8bE/umSB8QrSC6+lmiHP3Hoau0XTlNoak+H/3B"
    "Iji3I/KE1xZwyv++dMIp4r4c6YDn4cXtyyaz4oKoigyA+ykRHkahQ90WNkIgupbLhFHSEt"
    "S5M8idZ+2HAmSSUIhQ/fdlt+uvuVl30P6K+gOX6hM2ZvPJojxNtcU7bQNDNOsyxBKPJ8Z4"
    "z3Uud9HesbYq1pcLU2baqGA+9XCLEk/E/kDLGLkVUSY9f+/YeqCI7FVeE6RNK6kLo3hfCH"
    "Nzn4w5sk/iBrW8kizNIFIR1PUuqNdDzdrnVTibpKone6eY4nZzumzhLLv23Bi7Czpwt+69"
    "ASWPR6MECxbYXanNIddKgza0eKFG99jBBNlRwvgFcJrxP4k70MxuTTCm3LDT+PLobXg2EP"
    "QOo1Jr/jzujPZv3Bj1fD61kPuIubhkLfGZej6Wx0/Wl+8+N4Nu6x4Gcigfl6adrmnXEzGX"
    "8cXQ79u16nTP/uxXhw6z7RbwEvBjwlNsCbYrhUhvBOhv2Lf/ZYzN6G/vXTcODhjH+y8AAi"
    "s+HlkF0ipxC0RQEU6azi7QUZpmmhJV+Hl1uDqq5Y0OMuB68ThCLvf2XzQOvoEBYwDqN/p3"
    "A8zx+YIBXZScsbWXpol99SOXv3nmfGbylEnuqdJfwCpj/2X5JvpfFiLPFkY0M3BYUpgcC1"
    "Lsrt9DVEgpiGTRQF7h0oTte+Hb+W/Yd/29lrtxGNwUfZbJ6RRgSaYHp20o4/vkUsryxzYA"
    "nRw5Ink3BLINmZlkLLqpwTAwHz+e4ThO3bgKs/7AIUzTZ5eB0jax+nXxfqEPs6p0Xs62SP"
    "2DBkmWB2PuofI21M+l4VwJngKH/SuUN+2j2yVuWcejFaKWmRJS2TMCs9+6UvPJvVzfSKSl"
    "/41yh1wX3hFwivHVbCJ+EM929187zhWmiQ7DjcWq+2qmDI6dQOkQjv02YBtV4HE7c3CvWP"
    "AtWvaXOoLhBIh9g2jRQQMLsvXphGYBCFsdjbLTQQfPX3wCD/7bk1ZZamHoihIABetdblkK"
    "9acQdwxMiEn+8HjuEQpnXM7qneQOauyW+mEcW8nI3R1TtpRTGreRlrzTEq35on9gihnZOD"
    "2+lsfDWc9IC/m7GIIhqdNOkFNS3ujP7F1ei6BxRthYw7Y/rP6Wx41QN4g224KuO1rKP1ND"
    "9evhdQLtr8j6VAFCkr/Ca7rvCbRGFhlbDiweSs2xyiOVg2bkk1xZ0ORBF8sExnDU7I+xya"
    "Kq3b0CpaG7L+pM7gqxNSmMEvmWEqEbJWzPY8IGD46yyCASSqpgY4wOX4+pM/PF5KVZbHOG"
    "x5DFVXEIP9S5TJSNLKSKzykVhCx+YmkRblWUEsIppodWvCQO6KtP1f+iMWYT0ZTm/G17Qw"
    "beKZd8b18NN4NurPWDivQY41Gyk2C+kN6H0tySf21CXy2PHlZzfIF5v6Ew3ypfDixaT/Cx"
    "n+jOylZinPRplD5qyIR/ws2yN+lvCIry1kWsjmqWkbJhG3Mgphq/IAe2CJHpbQcougAOTV"
    "VqWSAuzIPw4GoWCMHgzIi7fFyKSVHNWXHFjCqbKlOojvuSr91SD6H5he9oEGFU1Hxv4gpu"
    "AelaQjzYJkFZfxo0UIGyV198vJdraA96YFwXbyfl2i16CKNJiamr9jtYcJZbCJyDKmwNrc"
    "vKfVQTD8i0M/SRKK7jNhHws8PTKov29SPynwgcXDKymmY6tmVgpYAWB0Sy5wwGRnMvx4e8"
    "2U9XvH0Kj67nWrCFpVTG8uR7MewGsdCZJP6X5rKds5QSrw2hDccvYmSEkxxGmlHMrKgZ7p"
    "NMiwRBB9CmnryiO9flU0jyk3kSktk5IcTSW8kglCWSMp6ZUsUdxuv7p2h2hVWnIGfygyfz"
    "9kz94PiblLG+lwapVhEoFRL6I3UtOFIgLfeA2DWMFJwujVwq3FenhNUsaNV8pOGTeezepm"
    "RhDLuPGvUepZceNRP6mJyy31MKFEusQRcXJle+GwnGp0lEqG9pFDMpFwkeBxksEfTQuiB+"
    "NnuEnAWTGeejkT59snNZOx26vbZW0pz0HiRWxmEQ64pak6DC2bziajAdFIsnNZws2HyQdB"
    "nAKNeIQff55APav+fDRHZUi12BYx/e8DpPy4PMvO+wl4ujP5x61az4bubMU2NiCg9odf/8"
    "a3R7rAgESvB+pSMchX98AfxJz6wzNMMFD81AFit3gTx+1l8jrZlK2eV6SkKP0Wzn6i1h+r"
    "zhnOiHLInPWTAlQd0ZI41Az/XSY3iZTcxGfrH9zMrx+Trcz4/CqLdW5DxbYRYuOPH2nUPP"
    "PdeX/N+4PB8IZVc3T9j4qqwjUr8+jevxgOLkfX2/u0pBzZtmhvmVl/djvtsWbPDqZlIQej"
    "6Wh8TetCuhj1nUHn/6fheX/wc4/ucNYDpKeFGC6pyD5YOJ4pTCQ8CtzZprG5qRDghJ47Fi"
    "4YL14NOOzxbJ+UldgjhF6N7UlZwUvFa5IX04VNU4eKkXESBUQxKREdXa9LTL4GwCEm9hCy"
    "qxn6BtC2gO4UA4qhuSLBAEMIivrP81yC4/FlxK4/H8Xj+W+vzodENkw0ZBCyM/yGC1NLcb"
    "FkJ1b441vgITx0PsUKYkwsFbLTpxiDP03H1xmJz1GyOIqFVBv8h1XIrk0AW9V34SDdJhP5"
    "lL6PV/v1fwkOaoIGiehEMtTZERjBewmPsjJfeHE5xQ4c+oC48Nx6pbyyi1I1WHTuD8HgRD"
    "NXRAbfrqCGlBddoGBAj2fgSguLKbsjdKE9kDKmGK4OTZaQG9PUpea9pysHFwse/ceJWyHG"
    "Ks+K8seLsZboa48BAtSyTELATapOneViCVOJHOTIkl6YSlZND8HqIzKkTzub9c30bhbxaf"
    "voMmcAWYRKer7yPV8hsHpPz1eoWlgzGbvT8xWdWdyerzpdOsMvNrQMRR8sofrYSfHpRAd0"
    "85w6xOBA90h1K+6owfidnp0+hT+JYFynCdHAoPdOgE3HUiE4IdcoZmojexOAM11m8VycT8"
    "EtC0QBU2g9IRW+SPp16nhBxYXnMtXm1N0oRWX25t1+PhnhHQY5rhgmSR49a0shMlRZMri1"
    "+tItuXk7GdHDe+bqiM3iOkqz2ArSecDDLYWED/nLsdAjqpxxEKFsoXHQEGOgUByc37SQ1x"
    "yIkkl7YIc9EGoNuadB8DmkR16EHttMNu+2DqITLWIeDPrTQf9ieCzrIFUSKUZClsQK2grh"
    "uVMsEAw7ixWyaT1Yn9b1oLuoOjih/6aNI7tEm0dPZM68YE5D6kN8UnTEAteBy4T0MLAqX3"
    "Bn/OGGis0xVHSo/QGQ27jNf/Q32Isl6wJoqNaGxna4r7CVL+R5ZFqSIf3h9OWnwVU31PNN"
    "wXeGgrGpIvY+qhy/+B74b6NpOm/ZyxRdJ5+3AU8IPgO8NJ+ZxwjZBS2ZnI7SwQ1aOWTuFY"
    "5gd9gXeiTMtFJ02WL6yPFqDSqn25ATMRKK4e8Z/MmrKaRS4fjaQgRZ9+356KIHWONtMg/u"
    "jNH19HbSZ3GDyMCOpbDAwYvzaQ9oC7L79weDyfBiNOvPWFSfotLdFtlsmd4Z57fT0fVwOp"
    "1Php9G09nEG7VwMDIgxnMLPiAqqOJRArUXiN0eFqmiznTWhKhEFrIwcI7YBRpTUIfKmqf3"
    "b2ikH42WJeqpZbJKimkt1C/7N1N6RVfWmMXS3t4MJ+QKvYadNbTIVShIY/UgLIbn0IkQye"
    "MmFYzjCk4Kkchoiny4rkQ0RcSG4gFJE4QSK+XGSsMmJc/JHKdrAeuje3mR0rnZlXMThXPh"
    "lzUia6AEJh2llKnZIkPSO9ozZ29l1bRnFms9HXora0CVZFEWFoe65NeQxeScTfMCZGtNSU"
    "oxlKcyYd3iKk8heJbzYImRypNF7JNlrSsqUQP4NrcYmdzc0osSlqgDH6GUa0fktSPryXVk"
    "PTkZey/ryUmp89aTY85+Xo9yiEaiz/nRVUEwxZ6hVbcYNtEZVjSUKjyleOOoYnGhe5YXS6"
    "RNtITjMWODBhTtyalw7NiEPbBN7DpUdJ7HuR2xeVv+FozMs7YEO+PyZksIlgjbprWh0WVK"
    "EN7WpY5WaGgvaR2P3ja0jia7M0xN6wau2G7ggO16jtduJyaB2l50Z3hx3SwfKMgRYhdfdF"
    "mLPdppHmiIBvqxeL/n5UZmAwmYDaSo6f1tsx1VW4oWho/UUJhLtfnrcoVoJMJUrPN4nitI"
    "+oDKp/5IbKJlVmqhugAyE0hmAglkHXSbkwk03RjqgBWm6aTYGKG7ubYFJuPm6nbg7tIABl"
    "XYaeizrVDOLkyHaN22yRJtHAwtYBpeE2byFzi5mYxn48H4EmDoenPfppUDqOChd8Ydmcdw"
    "7SbysG7QZPjKcSOvAbEQWEFPaNG60eRt5DdrrAVj4aQbmSpz1FQZOg9442nxgfDM5jXRZm"
    "2u/NWRyta80nFp1MI2y+K1gQ9cHk5qvl+j5iu9cm2TepZXLqGYH09f/GQp2eqie3O3tvgQ"
    "jCtQR4opb0uTfCBQAFbNNWQ6lwJcsAScuDV/XoDnJdIhS4n27liQVmFNSQav4qFUWbyiE0"
    "6hVfnBYkNEhR4eaO8QMsrN8ya/2dUlXVoMdPQEiY5KHk/Y8C1jAz5dbzKrT/0W1j/YZ7J/"
    "uEWO9uobknc0twyQPshh3EylsyHARCTH0V8FRZ0AAUFdkOrxut2+PvtQxAdw9iHbCUDvxR"
    "gsi67VwmOBDvErz+zKOseD+7uP8lV4aCF3MvXxkgPTq95o3pPjEoK1g5fkov+0HjuJ17qy"
    "IUcvfqaH6h+as9YpbAj/cL22HuiS8CJX/PzUU9kr5+xu0WEjVp7JjTiTI/IreipHiOS5HO"
    "/bURYIOhoG1JJZHi3/4KREbuWc3AFFG0/uygMk3DMlyeA8h75PITKDO66Nyg5M1r2Tdiyh"
    "GWfAJr8sfspKb7/oy6CZ6FcW5imQ4jxeZ6nM5M5uZdlcF1OTabFCty+tr79a5jPFjeg/mT"
    "3bBU8II/Js6uJckw/F9LZqrlaI6LyWBi3acVB97AL7CxFBisO0hndQSGzmg2DPFrLJo6kz"
    "1QTer5979Xq+9zrxqo/kGSvzCWLvsbTgIXk/BkTThh5K5g7LQ8liOvdvHUrCuE+/y6tp6K"
    "MA0XtdX7Mm24PueoJj40M3yF+ER0zNp0PS7xxc46/GvVvi0KCedRo1a8TFW+zAEMMS8KdD"
    "cbn4FFJRLa2oBmuPg+s+ichs74TjRsw1XR2sJCvZAy3FwG44cs/dOyPX2M6qAH9qiSq36I"
    "5X1MiIUomsB5c0NN4WQQjfZgOEbxMYrHeYcDB5S9FCBr8vUpDpfXZFpveJkkzieRHaAHFH"
    "skfXPOx1R4vM247TA84aQ8vuAo22WqdBnDTjiJaXfDJphhHrRGQvEQbBbOEWRRFBZIshLo"
    "TM6gd5R+1RCiC0TsdJb9mZ0/UlvWVnsTVwwN6Q1EoMo0NdgKnfBFJDwLMTKZS0JjKA+3e6"
    "rQw6EghEuHGtpGwsYTugWwBSCFtdhYKviWJKjXMbGjRqRQnroWG7fEmkbJg22ECbdmQ3ti"
    "Z6avT1/k+l8MF05bY10GhHA8t+SQNmtF4eXGDRxgdbiKGOQGzplzuUNf6Fzl0u/vsUIp9U"
    "bN+ki4MIILIuTtYPc9WxLOpWpD+EaPAvpP3XBJVC2n+HZPDXYP+1LIqsbeZfWd5Ke67Rqk"
    "qr7bkqIoTaaKBNWSeUDONs6rdJ2WGYBe1Udttk1+QtGjFpHMMmS7UH/lhCRfvDbRZH0+RC"
    "1g41gtyudH/c66ZpeaPIgLWnU7LLKf7eul6yh63F/pfjlPDHV3NOHNfcqqUTULZh9aToTg"
    "qvc48Nn0QeGlyHhkAb2Yws5BlaZe5lwf3d2xndE+Z+PNTuLe2XJfQdmuBZwYDshqs1K9W1"
    "MB0bmIYKye0VMhwbJvcqLmoKGw22W5PtWNSdamNgQZv2DyPXnsmkY8Etthk8Nj/Eu+gWdu"
    "zwAYkZdfgDAFsb+NeQQL+UNFehIv1uHLz8yVyk7Zr+rdwNkyabzP80F7jQXpktXa4mvqyj"
    "g0L0t9XaDvr1hhIJw01+Jfot5E4mM0UP1Fs2nZeN6CdrmHZQPQvQL+6yDuGn9J802Iwaan"
    "T/KehGqBlmpel0D6a14XIXhGhEFsWRbb2QGR2aEpzbRwqp8EU8mTcNGS9pua/r8GpANjUU"
    "DA3TUg7F5n81Gw11cNFqw/NHyDfTY3RtgArjKVivCuVgvcpJwnoVn+82snUu3CggaOF2cv"
    "buXQEOk1GZHGb3ohxemFrKRM7Guv3xreDvoRPZ0h0LOQ2J0x0LB2ioV2KvJlPGUoDLcaao"
    "AFfxBScUmrE35NDpgtPT04JhDzmyqaXD3pNJOx2k7TbnpqlDxciATkNkMTEtCF1d8gmuHH"
    "ZVnI/HlxHOn4/i0/726nzoOzrJIGRnONmIPjJfQHJ8p3B8R0PDCGVzsJ0OVCwd0XwRDGnB"
    "UvJxdG0wXf4vB0EbLE3Hwvuvj0YAQJFq9C6WkZInlAlHhElaU0uyst5tcYSId4UlyZuzzL"
    "4aCDVeDyJDUR4azoqJOVyvO1Ea4sBKc4cMdaA/8wrvoP9zO7wdXvSAS31nTIfXsx7dTu07"
    "42N/dEnv3SvkOCb3Libjmxt6QbPM9dp719HrSrBauNCyzJR2YNlad5SqDcbjoVVvC9rWZm"
    "6bj9BIOWbyultH6fZSxZsjg1pUbFnHI3vbaVcdj8jRREPe+UUeIpNtl0VTPQTx3vahhdRl"
    "J8V5693p5vlule2YOh23XB7Yr8X9WlvnuMyw6WzMODtoupmo5gFQY7qoODjsDW8hd1+/Ku"
    "T1eJXj9XiV8HqQN9qpDZiy1dQQSRPAYqFU1KMeZn//f6uDdR0="
)
