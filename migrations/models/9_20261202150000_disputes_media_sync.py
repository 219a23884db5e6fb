"""Disputes and media (issue 14), chargebacks and transfer reversals (issue 13), squashed into one migration.

The parts:
- Disputes (issue 14): disputes and their append-only timeline entries (a trigger refuses UPDATE
  and DELETE of an entry), and the delta-sync collections `disputes` and `dispute_entries` (the
  admins' `disputes-admin` grant).
- Chargebacks (issue 13, scenario 13): the `gateway_dispute` row linking a gateway's dispute to its
  payment case (what the ledger shows, the holds, the outcome); the `reversal` operation kind.
- Uploads (issue 14, domain/media): the upload table, one row per declared file (its kind, owner,
  state, the type read from its bytes, what holds it); users' profile photo (`photo_upload_id`);
  delta sync of the `uploads` collection (the owner's) and `users.photo_upload_id`.

The capture triggers are regenerated from sync/collections.py once, at the end. Downgrade: the
triggers go, then the parts in reverse order, and migration 8's sync SQL comes back."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return UPGRADE + SYNC_INSTALL


async def downgrade(db: BaseDBAsyncClient) -> str:
    # The triggers go first, then the parts in reverse order, and the previous sync SQL comes back.
    return SYNC_UNINSTALL + DOWNGRADE + _previous_sync_install()


def _previous_sync_install() -> str:
    """The SQL of the sync migration before this one, reinstalled on downgrade."""
    path = Path(__file__).with_name("8_20261202114035_money_sync.py")
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return str(module.SYNC_INSTALL)


UPGRADE = r"""
        CREATE TABLE IF NOT EXISTS "dispute" (
    "id" UUID NOT NULL PRIMARY KEY,
    "case_id" UUID NOT NULL,
    "milestone" INT,
    "customer_id" UUID NOT NULL,
    "organisation_id" UUID,
    "opened_by_id" UUID NOT NULL,
    "opener_side" VARCHAR(16) NOT NULL,
    "reason" VARCHAR(32) NOT NULL,
    "category" VARCHAR(16) NOT NULL,
    "description" TEXT NOT NULL,
    "currency" VARCHAR(3) NOT NULL,
    "claimed_amount" BIGINT NOT NULL,
    "state" VARCHAR(24) NOT NULL,
    "priority" INT NOT NULL,
    "assignee_id" UUID,
    "due_at" TIMESTAMPTZ,
    "remind_at" TIMESTAMPTZ,
    "decide_by" TIMESTAMPTZ,
    "open_offer_seq" INT,
    "outcome" VARCHAR(16),
    "refund_amount" BIGINT,
    "release_amount" BIGINT,
    "decision_reason" VARCHAR(1000) NOT NULL,
    "decided_by_id" UUID,
    "open_key" VARCHAR(80) UNIQUE,
    "last_seq" INT NOT NULL,
    "version" INT NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "closed_at" TIMESTAMPTZ,
    "booking_id" UUID NOT NULL REFERENCES "booking" ("id") ON DELETE RESTRICT
);
CREATE INDEX IF NOT EXISTS "idx_dispute_case_id_d35b54" ON "dispute" ("case_id");
CREATE INDEX IF NOT EXISTS "idx_dispute_custome_790406" ON "dispute" ("customer_id");
CREATE INDEX IF NOT EXISTS "idx_dispute_organis_d7a134" ON "dispute" ("organisation_id");
CREATE INDEX IF NOT EXISTS "idx_dispute_categor_01e606" ON "dispute" ("category");
CREATE INDEX IF NOT EXISTS "idx_dispute_state_c6c5fd" ON "dispute" ("state");
CREATE INDEX IF NOT EXISTS "idx_dispute_assigne_e00c3b" ON "dispute" ("assignee_id");
CREATE INDEX IF NOT EXISTS "idx_dispute_due_at_cbcc22" ON "dispute" ("due_at");
CREATE INDEX IF NOT EXISTS "idx_dispute_remind__b4f46d" ON "dispute" ("remind_at");
COMMENT ON COLUMN "dispute"."case_id" IS 'the booking''s payment case';
COMMENT ON COLUMN "dispute"."milestone" IS 'the disputed milestone; none: the whole booking';
COMMENT ON COLUMN "dispute"."opener_side" IS 'CUSTOMER: customer
PROVIDER: provider
ADMIN: admin
SYSTEM: system';
COMMENT ON COLUMN "dispute"."category" IS 'the reason''s group (queue filter)';
COMMENT ON COLUMN "dispute"."state" IS 'AWAITING_RESPONSE: awaiting_response
NEGOTIATING: negotiating
AWAITING_ADMIN: awaiting_admin
RESOLVED: resolved
WITHDRAWN: withdrawn';
COMMENT ON COLUMN "dispute"."priority" IS 'triage: higher first in the admin queue';
COMMENT ON COLUMN "dispute"."due_at" IS 'the next SLA deadline';
COMMENT ON COLUMN "dispute"."remind_at" IS 'the reminder before due_at';
COMMENT ON COLUMN "dispute"."open_offer_seq" IS 'the offer waiting for the other side';
COMMENT ON COLUMN "dispute"."outcome" IS 'REFUND: refund
RELEASE: release
SPLIT: split';
COMMENT ON COLUMN "dispute"."last_seq" IS 'the timeline''s last entry number';
        CREATE TABLE IF NOT EXISTS "dispute_entry" (
    "id" UUID NOT NULL PRIMARY KEY,
    "seq" INT NOT NULL,
    "kind" VARCHAR(16) NOT NULL,
    "author_id" UUID,
    "author_side" VARCHAR(16) NOT NULL,
    "shared" BOOL NOT NULL,
    "body" TEXT NOT NULL,
    "message_ids" JSONB NOT NULL,
    "upload_ids" JSONB NOT NULL,
    "amount" BIGINT,
    "data" JSONB NOT NULL,
    "client_key" VARCHAR(80),
    "created_at" TIMESTAMPTZ NOT NULL,
    "dispute_id" UUID NOT NULL REFERENCES "dispute" ("id") ON DELETE RESTRICT,
    CONSTRAINT "uid_dispute_ent_dispute_783c63" UNIQUE ("dispute_id", "seq"),
    CONSTRAINT "uid_dispute_ent_dispute_6f4357" UNIQUE ("dispute_id", "author_id", "client_key")
);
COMMENT ON COLUMN "dispute_entry"."kind" IS 'EVIDENCE: evidence
RESPONSE: response
OFFER: offer
OFFER_ACCEPTED: offer_accepted
OFFER_DECLINED: offer_declined
STATUS: status
DECISION: decision
CHARGEBACK: chargeback';
COMMENT ON COLUMN "dispute_entry"."author_id" IS 'none: the system (timers)';
COMMENT ON COLUMN "dispute_entry"."author_side" IS 'CUSTOMER: customer
PROVIDER: provider
ADMIN: admin
SYSTEM: system';
COMMENT ON COLUMN "dispute_entry"."shared" IS 'false: only its author and admins see it';
COMMENT ON COLUMN "dispute_entry"."message_ids" IS 'messages of the booking''s conversation';
COMMENT ON COLUMN "dispute_entry"."upload_ids" IS 'uploads (domain/media), as UUID strings';
COMMENT ON COLUMN "dispute_entry"."amount" IS 'an offer''s refund, a decision''s refund';
COMMENT ON COLUMN "dispute_entry"."client_key" IS 'the author''s idempotency key';
COMMENT ON TABLE "dispute_entry" IS 'One line of the timeline, never changed: `seq` numbers a dispute''s entries from 1.';
CREATE OR REPLACE FUNCTION dispute_entry_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'dispute entries are append-only' USING ERRCODE = 'check_violation';
END $$ LANGUAGE plpgsql;
CREATE TRIGGER dispute_entry_append_only BEFORE UPDATE OR DELETE ON "dispute_entry"
  FOR EACH ROW EXECUTE FUNCTION dispute_entry_append_only();
        CREATE TABLE IF NOT EXISTS "gateway_dispute" (
    "id" UUID NOT NULL PRIMARY KEY,
    "gateway" VARCHAR(16) NOT NULL,
    "dispute_id" VARCHAR(255) NOT NULL UNIQUE,
    "payment_id" VARCHAR(255),
    "charge_id" VARCHAR(255),
    "currency" VARCHAR(3) NOT NULL,
    "amount" BIGINT NOT NULL,
    "status" VARCHAR(32) NOT NULL,
    "reason" VARCHAR(64) NOT NULL,
    "outcome" VARCHAR(8) NOT NULL,
    "withdrawn" BIGINT NOT NULL,
    "reinstated" BIGINT NOT NULL,
    "fee" BIGINT NOT NULL,
    "fee_returned" BIGINT NOT NULL,
    "froze_case" BOOL NOT NULL,
    "holds" JSONB NOT NULL,
    "held" JSONB NOT NULL,
    "lost_amount" BIGINT NOT NULL,
    "version" INT NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "closed_at" TIMESTAMPTZ,
    "case_id" UUID NOT NULL REFERENCES "payment_case" ("id") ON DELETE RESTRICT
);
CREATE INDEX IF NOT EXISTS "idx_gateway_dis_outcome_469c5f" ON "gateway_dispute" ("outcome");
COMMENT ON COLUMN "gateway_dispute"."dispute_id" IS 'the gateway''s dispute id';
COMMENT ON COLUMN "gateway_dispute"."amount" IS 'disputed amount, minor units';
COMMENT ON COLUMN "gateway_dispute"."status" IS 'the gateway''s dispute status when last applied';
COMMENT ON COLUMN "gateway_dispute"."outcome" IS 'OPEN: open
WON: won
LOST: lost';
COMMENT ON COLUMN "gateway_dispute"."withdrawn" IS 'booked as taken from the gateway balance';
COMMENT ON COLUMN "gateway_dispute"."reinstated" IS 'booked as given back';
COMMENT ON COLUMN "gateway_dispute"."fee" IS 'dispute fee booked';
COMMENT ON COLUMN "gateway_dispute"."froze_case" IS 'the case still held money: its release is frozen';
COMMENT ON COLUMN "gateway_dispute"."holds" IS 'owner -> amount to hold from their next releases';
COMMENT ON COLUMN "gateway_dispute"."held" IS 'owner -> amount releases set aside so far';
COMMENT ON COLUMN "gateway_dispute"."lost_amount" IS 'booked against the case as a loss (like a refund)';
        COMMENT ON COLUMN "finance_operation"."op" IS 'AUTHORIZE: authorize
CAPTURE: capture
VOID: void
REFUND: refund
TRANSFER: transfer
REVERSAL: reversal';
        CREATE TABLE IF NOT EXISTS "upload" (
    "id" UUID NOT NULL PRIMARY KEY,
    "owner_id" UUID NOT NULL,
    "kind" VARCHAR(16) NOT NULL,
    "state" VARCHAR(16) NOT NULL,
    "filename" VARCHAR(200),
    "declared_type" VARCHAR(100) NOT NULL,
    "declared_size" BIGINT NOT NULL,
    "sha256" VARCHAR(64) NOT NULL,
    "content_type" VARCHAR(100),
    "size" BIGINT,
    "width" INT,
    "height" INT,
    "reject_reason" VARCHAR(64),
    "attached_to" VARCHAR(120),
    "attached_at" TIMESTAMPTZ,
    "confirmed_at" TIMESTAMPTZ,
    "version" INT NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL
);
CREATE INDEX IF NOT EXISTS "idx_upload_owner_i_a2a6bd" ON "upload" ("owner_id");
CREATE INDEX IF NOT EXISTS "idx_upload_state_e874ad" ON "upload" ("state", "created_at");
CREATE INDEX IF NOT EXISTS "idx_upload_kind_5f369d" ON "upload" ("kind", "state", "attached_at");
COMMENT ON COLUMN "upload"."kind" IS 'EVIDENCE: evidence
ATTACHMENT: attachment
LISTING_PHOTO: listing_photo
PROFILE_PHOTO: profile_photo
DOCUMENT: document';
COMMENT ON COLUMN "upload"."state" IS 'PENDING: pending
READY: ready
REJECTED: rejected
DELETED: deleted';
COMMENT ON COLUMN "upload"."sha256" IS 'hex SHA-256 of the bytes the owner uploaded';
        ALTER TABLE "user_account" ADD "photo_upload_id" UUID;
"""

DOWNGRADE = r"""
        ALTER TABLE "user_account" DROP COLUMN "photo_upload_id";
        DROP TABLE IF EXISTS "upload";
        COMMENT ON COLUMN "finance_operation"."op" IS 'AUTHORIZE: authorize
CAPTURE: capture
VOID: void
REFUND: refund
TRANSFER: transfer';
        DROP TABLE IF EXISTS "gateway_dispute";
        DROP TABLE IF EXISTS "dispute_entry";
        DROP FUNCTION IF EXISTS dispute_entry_append_only();
        DROP TABLE IF EXISTS "dispute";
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
    PERFORM sync_grant_add(g.u, g.s, g.src) FROM ((SELECT sz.user_id, 'job:' || j.id, 'zone' FROM job j, serviceman_zone sz, serviceman_profile sp WHERE sz.zone_id = j.zone_id AND j.state = 'open' AND sp.user_id = sz.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.category_ids) AS tr(value) WHERE tr.value = j.category_id OR tr.value IN (SELECT kc.id FROM category kc WHERE kc.parent_id = j.category_id) OR EXISTS (SELECT 1 FROM category c0 LEFT JOIN category c1 ON c1.id = c0.parent_id LEFT JOIN category c2 ON c2.id = c1.parent_id LEFT JOIN category c3 ON c3.id = c2.parent_id WHERE c0.id = j.category_id AND tr.value IN (c0.parent_id, c1.parent_id, c2.parent_id, c3.parent_id))) AND NEW.id = sz.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(NEW.roles) AS rl(value) WHERE rl.value = 'serviceman')) UNION ALL (SELECT m.user_id, 'job:' || j.id, 'org-zone:' || oz.organisation_id FROM job j, organisation_zone oz, membership m, serviceman_profile sp WHERE oz.zone_id = j.zone_id AND j.state = 'open' AND m.organisation_id = oz.organisation_id AND m.status = 'accepted' AND sp.user_id = m.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.category_ids) AS tr(value) WHERE tr.value = j.category_id OR tr.value IN (SELECT kc.id FROM category kc WHERE kc.parent_id = j.category_id) OR EXISTS (SELECT 1 FROM category c0 LEFT JOIN category c1 ON c1.id = c0.parent_id LEFT JOIN category c2 ON c2.id = c1.parent_id LEFT JOIN category c3 ON c3.id = c2.parent_id WHERE c0.id = j.category_id AND tr.value IN (c0.parent_id, c1.parent_id, c2.parent_id, c3.parent_id))) AND NEW.id = m.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(NEW.roles) AS rl(value) WHERE rl.value = 'serviceman')) UNION ALL (SELECT NEW.id, 'disputes-admin', 'admin' FROM (SELECT 1) AS one WHERE EXISTS (SELECT 1 FROM jsonb_array_elements_text(NEW.roles) AS ar(value) WHERE ar.value = 'admin'))) AS g(u, s, src);
  ELSIF TG_OP = 'UPDATE' THEN
    IF ROW(OLD."id", OLD."email", OLD."name", OLD."roles", OLD."region", OLD."photo_upload_id", OLD."status", OLD."version", OLD."created_at") IS DISTINCT FROM ROW(NEW."id", NEW."email", NEW."name", NEW."roles", NEW."region", NEW."photo_upload_id", NEW."status", NEW."version", NEW."created_at") THEN
      IF ROW(OLD."id") IS DISTINCT FROM ROW(NEW."id") THEN
        INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT x, 'users', OLD."id"::text, s, 'r', NEW."version", NULL FROM unnest(array_remove(ARRAY['user:' || OLD."id"]::text[], NULL)) AS s WHERE s <> ALL (array_remove(ARRAY['user:' || NEW."id"]::text[], NULL));
      END IF;
      INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT x, 'users', NEW."id"::text, s, 'u', NEW."version", json_build_object('id', NEW."id", 'email', NEW."email", 'name', NEW."name", 'roles', NEW."roles", 'region', NEW."region", 'photo_upload_id', NEW."photo_upload_id", 'status', NEW."status", 'version', NEW."version", 'created_at', sync_ts(NEW."created_at"), 'updated_at', sync_ts(NEW."updated_at"))::text FROM unnest(array_remove(ARRAY['user:' || NEW."id"]::text[], NULL)) AS s;
    END IF;
    IF ROW(OLD."id", OLD."roles") IS DISTINCT FROM ROW(NEW."id", NEW."roles") THEN
      PERFORM sync_grant_remove(g.u, g.s, g.src) FROM (((SELECT sz.user_id, 'job:' || j.id, 'zone' FROM job j, serviceman_zone sz, serviceman_profile sp WHERE sz.zone_id = j.zone_id AND j.state = 'open' AND sp.user_id = sz.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.category_ids) AS tr(value) WHERE tr.value = j.category_id OR tr.value IN (SELECT kc.id FROM category kc WHERE kc.parent_id = j.category_id) OR EXISTS (SELECT 1 FROM category c0 LEFT JOIN category c1 ON c1.id = c0.parent_id LEFT JOIN category c2 ON c2.id = c1.parent_id LEFT JOIN category c3 ON c3.id = c2.parent_id WHERE c0.id = j.category_id AND tr.value IN (c0.parent_id, c1.parent_id, c2.parent_id, c3.parent_id))) AND OLD.id = sz.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(OLD.roles) AS rl(value) WHERE rl.value = 'serviceman')) UNION ALL (SELECT m.user_id, 'job:' || j.id, 'org-zone:' || oz.organisation_id FROM job j, organisation_zone oz, membership m, serviceman_profile sp WHERE oz.zone_id = j.zone_id AND j.state = 'open' AND m.organisation_id = oz.organisation_id AND m.status = 'accepted' AND sp.user_id = m.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.category_ids) AS tr(value) WHERE tr.value = j.category_id OR tr.value IN (SELECT kc.id FROM category kc WHERE kc.parent_id = j.category_id) OR EXISTS (SELECT 1 FROM category c0 LEFT JOIN category c1 ON c1.id = c0.parent_id LEFT JOIN category c2 ON c2.id = c1.parent_id LEFT JOIN category c3 ON c3.id = c2.parent_id WHERE c0.id = j.category_id AND tr.value IN (c0.parent_id, c1.parent_id, c2.parent_id, c3.parent_id))) AND OLD.id = m.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(OLD.roles) AS rl(value) WHERE rl.value = 'serviceman')) UNION ALL (SELECT OLD.id, 'disputes-admin', 'admin' FROM (SELECT 1) AS one WHERE EXISTS (SELECT 1 FROM jsonb_array_elements_text(OLD.roles) AS ar(value) WHERE ar.value = 'admin'))) EXCEPT ((SELECT sz.user_id, 'job:' || j.id, 'zone' FROM job j, serviceman_zone sz, serviceman_profile sp WHERE sz.zone_id = j.zone_id AND j.state = 'open' AND sp.user_id = sz.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.category_ids) AS tr(value) WHERE tr.value = j.category_id OR tr.value IN (SELECT kc.id FROM category kc WHERE kc.parent_id = j.category_id) OR EXISTS (SELECT 1 FROM category c0 LEFT JOIN category c1 ON c1.id = c0.parent_id LEFT JOIN category c2 ON c2.id = c1.parent_id LEFT JOIN category c3 ON c3.id = c2.parent_id WHERE c0.id = j.category_id AND tr.value IN (c0.parent_id, c1.parent_id, c2.parent_id, c3.parent_id))) AND NEW.id = sz.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(NEW.roles) AS rl(value) WHERE rl.value = 'serviceman')) UNION ALL (SELECT m.user_id, 'job:' || j.id, 'org-zone:' || oz.organisation_id FROM job j, organisation_zone oz, membership m, serviceman_profile sp WHERE oz.zone_id = j.zone_id AND j.state = 'open' AND m.organisation_id = oz.organisation_id AND m.status = 'accepted' AND sp.user_id = m.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.category_ids) AS tr(value) WHERE tr.value = j.category_id OR tr.value IN (SELECT kc.id FROM category kc WHERE kc.parent_id = j.category_id) OR EXISTS (SELECT 1 FROM category c0 LEFT JOIN category c1 ON c1.id = c0.parent_id LEFT JOIN category c2 ON c2.id = c1.parent_id LEFT JOIN category c3 ON c3.id = c2.parent_id WHERE c0.id = j.category_id AND tr.value IN (c0.parent_id, c1.parent_id, c2.parent_id, c3.parent_id))) AND NEW.id = m.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(NEW.roles) AS rl(value) WHERE rl.value = 'serviceman')) UNION ALL (SELECT NEW.id, 'disputes-admin', 'admin' FROM (SELECT 1) AS one WHERE EXISTS (SELECT 1 FROM jsonb_array_elements_text(NEW.roles) AS ar(value) WHERE ar.value = 'admin')))) AS g(u, s, src);
      PERFORM sync_grant_add(g.u, g.s, g.src) FROM (((SELECT sz.user_id, 'job:' || j.id, 'zone' FROM job j, serviceman_zone sz, serviceman_profile sp WHERE sz.zone_id = j.zone_id AND j.state = 'open' AND sp.user_id = sz.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.category_ids) AS tr(value) WHERE tr.value = j.category_id OR tr.value IN (SELECT kc.id FROM category kc WHERE kc.parent_id = j.category_id) OR EXISTS (SELECT 1 FROM category c0 LEFT JOIN category c1 ON c1.id = c0.parent_id LEFT JOIN category c2 ON c2.id = c1.parent_id LEFT JOIN category c3 ON c3.id = c2.parent_id WHERE c0.id = j.category_id AND tr.value IN (c0.parent_id, c1.parent_id, c2.parent_id, c3.parent_id))) AND NEW.id = sz.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(NEW.roles) AS rl(value) WHERE rl.value = 'serviceman')) UNION ALL (SELECT m.user_id, 'job:' || j.id, 'org-zone:' || oz.organisation_id FROM job j, organisation_zone oz, membership m, serviceman_profile sp WHERE oz.zone_id = j.zone_id AND j.state = 'open' AND m.organisation_id = oz.organisation_id AND m.status = 'accepted' AND sp.user_id = m.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.category_ids) AS tr(value) WHERE tr.value = j.category_id OR tr.value IN (SELECT kc.id FROM category kc WHERE kc.parent_id = j.category_id) OR EXISTS (SELECT 1 FROM category c0 LEFT JOIN category c1 ON c1.id = c0.parent_id LEFT JOIN category c2 ON c2.id = c1.parent_id LEFT JOIN category c3 ON c3.id = c2.parent_id WHERE c0.id = j.category_id AND tr.value IN (c0.parent_id, c1.parent_id, c2.parent_id, c3.parent_id))) AND NEW.id = m.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(NEW.roles) AS rl(value) WHERE rl.value = 'serviceman')) UNION ALL (SELECT NEW.id, 'disputes-admin', 'admin' FROM (SELECT 1) AS one WHERE EXISTS (SELECT 1 FROM jsonb_array_elements_text(NEW.roles) AS ar(value) WHERE ar.value = 'admin'))) EXCEPT ((SELECT sz.user_id, 'job:' || j.id, 'zone' FROM job j, serviceman_zone sz, serviceman_profile sp WHERE sz.zone_id = j.zone_id AND j.state = 'open' AND sp.user_id = sz.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.category_ids) AS tr(value) WHERE tr.value = j.category_id OR tr.value IN (SELECT kc.id FROM category kc WHERE kc.parent_id = j.category_id) OR EXISTS (SELECT 1 FROM category c0 LEFT JOIN category c1 ON c1.id = c0.parent_id LEFT JOIN category c2 ON c2.id = c1.parent_id LEFT JOIN category c3 ON c3.id = c2.parent_id WHERE c0.id = j.category_id AND tr.value IN (c0.parent_id, c1.parent_id, c2.parent_id, c3.parent_id))) AND OLD.id = sz.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(OLD.roles) AS rl(value) WHERE rl.value = 'serviceman')) UNION ALL (SELECT m.user_id, 'job:' || j.id, 'org-zone:' || oz.organisation_id FROM job j, organisation_zone oz, membership m, serviceman_profile sp WHERE oz.zone_id = j.zone_id AND j.state = 'open' AND m.organisation_id = oz.organisation_id AND m.status = 'accepted' AND sp.user_id = m.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.category_ids) AS tr(value) WHERE tr.value = j.category_id OR tr.value IN (SELECT kc.id FROM category kc WHERE kc.parent_id = j.category_id) OR EXISTS (SELECT 1 FROM category c0 LEFT JOIN category c1 ON c1.id = c0.parent_id LEFT JOIN category c2 ON c2.id = c1.parent_id LEFT JOIN category c3 ON c3.id = c2.parent_id WHERE c0.id = j.category_id AND tr.value IN (c0.parent_id, c1.parent_id, c2.parent_id, c3.parent_id))) AND OLD.id = m.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(OLD.roles) AS rl(value) WHERE rl.value = 'serviceman')) UNION ALL (SELECT OLD.id, 'disputes-admin', 'admin' FROM (SELECT 1) AS one WHERE EXISTS (SELECT 1 FROM jsonb_array_elements_text(OLD.roles) AS ar(value) WHERE ar.value = 'admin')))) AS g(u, s, src);
    END IF;
  ELSE
    INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT x, 'users', OLD."id"::text, s, 'd', OLD."version" + 1, NULL FROM unnest(array_remove(ARRAY['user:' || OLD."id"]::text[], NULL)) AS s;
    PERFORM sync_grant_remove(g.u, g.s, g.src) FROM ((SELECT sz.user_id, 'job:' || j.id, 'zone' FROM job j, serviceman_zone sz, serviceman_profile sp WHERE sz.zone_id = j.zone_id AND j.state = 'open' AND sp.user_id = sz.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.category_ids) AS tr(value) WHERE tr.value = j.category_id OR tr.value IN (SELECT kc.id FROM category kc WHERE kc.parent_id = j.category_id) OR EXISTS (SELECT 1 FROM category c0 LEFT JOIN category c1 ON c1.id = c0.parent_id LEFT JOIN category c2 ON c2.id = c1.parent_id LEFT JOIN category c3 ON c3.id = c2.parent_id WHERE c0.id = j.category_id AND tr.value IN (c0.parent_id, c1.parent_id, c2.parent_id, c3.parent_id))) AND OLD.id = sz.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(OLD.roles) AS rl(value) WHERE rl.value = 'serviceman')) UNION ALL (SELECT m.user_id, 'job:' || j.id, 'org-zone:' || oz.organisation_id FROM job j, organisation_zone oz, membership m, serviceman_profile sp WHERE oz.zone_id = j.zone_id AND j.state = 'open' AND m.organisation_id = oz.organisation_id AND m.status = 'accepted' AND sp.user_id = m.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.category_ids) AS tr(value) WHERE tr.value = j.category_id OR tr.value IN (SELECT kc.id FROM category kc WHERE kc.parent_id = j.category_id) OR EXISTS (SELECT 1 FROM category c0 LEFT JOIN category c1 ON c1.id = c0.parent_id LEFT JOIN category c2 ON c2.id = c1.parent_id LEFT JOIN category c3 ON c3.id = c2.parent_id WHERE c0.id = j.category_id AND tr.value IN (c0.parent_id, c1.parent_id, c2.parent_id, c3.parent_id))) AND OLD.id = m.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(OLD.roles) AS rl(value) WHERE rl.value = 'serviceman')) UNION ALL (SELECT OLD.id, 'disputes-admin', 'admin' FROM (SELECT 1) AS one WHERE EXISTS (SELECT 1 FROM jsonb_array_elements_text(OLD.roles) AS ar(value) WHERE ar.value = 'admin'))) AS g(u, s, src);
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
    PERFORM sync_grant_add(g.u, g.s, g.src) FROM ((SELECT NEW.user_id, 'org:' || NEW.organisation_id, 'member' WHERE NEW.status = 'accepted') UNION ALL (SELECT NEW.user_id, 'org-bookings:' || NEW.organisation_id, 'manager' WHERE NEW.role IN ('owner', 'manager') AND NEW.status = 'accepted') UNION ALL (SELECT NEW.user_id, 'job:' || j.id, 'org-zone:' || oz.organisation_id FROM job j, organisation_zone oz, serviceman_profile sp, user_account ua WHERE oz.zone_id = j.zone_id AND j.state = 'open' AND NEW.organisation_id = oz.organisation_id AND NEW.status = 'accepted' AND sp.user_id = NEW.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.category_ids) AS tr(value) WHERE tr.value = j.category_id OR tr.value IN (SELECT kc.id FROM category kc WHERE kc.parent_id = j.category_id) OR EXISTS (SELECT 1 FROM category c0 LEFT JOIN category c1 ON c1.id = c0.parent_id LEFT JOIN category c2 ON c2.id = c1.parent_id LEFT JOIN category c3 ON c3.id = c2.parent_id WHERE c0.id = j.category_id AND tr.value IN (c0.parent_id, c1.parent_id, c2.parent_id, c3.parent_id))) AND ua.id = NEW.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(ua.roles) AS rl(value) WHERE rl.value = 'serviceman'))) AS g(u, s, src);
  ELSIF TG_OP = 'UPDATE' THEN
    IF ROW(OLD."id", OLD."organisation_id", OLD."user_id", OLD."role", OLD."status", OLD."invited_by_id", OLD."expires_at", OLD."version", OLD."created_at") IS DISTINCT FROM ROW(NEW."id", NEW."organisation_id", NEW."user_id", NEW."role", NEW."status", NEW."invited_by_id", NEW."expires_at", NEW."version", NEW."created_at") THEN
      IF ROW(OLD."organisation_id", OLD."user_id") IS DISTINCT FROM ROW(NEW."organisation_id", NEW."user_id") THEN
        INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT x, 'memberships', OLD."id"::text, s, 'r', NEW."version", NULL FROM unnest(array_remove(ARRAY['org:' || OLD."organisation_id", 'user:' || OLD."user_id"]::text[], NULL)) AS s WHERE s <> ALL (array_remove(ARRAY['org:' || NEW."organisation_id", 'user:' || NEW."user_id"]::text[], NULL));
      END IF;
      INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT x, 'memberships', NEW."id"::text, s, 'u', NEW."version", json_build_object('id', NEW."id", 'organisation_id', NEW."organisation_id", 'user_id', NEW."user_id", 'role', NEW."role", 'status', NEW."status", 'invited_by_id', NEW."invited_by_id", 'expires_at', sync_ts(NEW."expires_at"), 'version', NEW."version", 'created_at', sync_ts(NEW."created_at"))::text FROM unnest(array_remove(ARRAY['org:' || NEW."organisation_id", 'user:' || NEW."user_id"]::text[], NULL)) AS s;
    END IF;
    IF ROW(OLD."user_id", OLD."organisation_id", OLD."status", OLD."role") IS DISTINCT FROM ROW(NEW."user_id", NEW."organisation_id", NEW."status", NEW."role") THEN
      PERFORM sync_grant_remove(g.u, g.s, g.src) FROM (((SELECT OLD.user_id, 'org:' || OLD.organisation_id, 'member' WHERE OLD.status = 'accepted') UNION ALL (SELECT OLD.user_id, 'org-bookings:' || OLD.organisation_id, 'manager' WHERE OLD.role IN ('owner', 'manager') AND OLD.status = 'accepted') UNION ALL (SELECT OLD.user_id, 'job:' || j.id, 'org-zone:' || oz.organisation_id FROM job j, organisation_zone oz, serviceman_profile sp, user_account ua WHERE oz.zone_id = j.zone_id AND j.state = 'open' AND OLD.organisation_id = oz.organisation_id AND OLD.status = 'accepted' AND sp.user_id = OLD.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.category_ids) AS tr(value) WHERE tr.value = j.category_id OR tr.value IN (SELECT kc.id FROM category kc WHERE kc.parent_id = j.category_id) OR EXISTS (SELECT 1 FROM category c0 LEFT JOIN category c1 ON c1.id = c0.parent_id LEFT JOIN category c2 ON c2.id = c1.parent_id LEFT JOIN category c3 ON c3.id = c2.parent_id WHERE c0.id = j.category_id AND tr.value IN (c0.parent_id, c1.parent_id, c2.parent_id, c3.parent_id))) AND ua.id = OLD.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(ua.roles) AS rl(value) WHERE rl.value = 'serviceman'))) EXCEPT ((SELECT NEW.user_id, 'org:' || NEW.organisation_id, 'member' WHERE NEW.status = 'accepted') UNION ALL (SELECT NEW.user_id, 'org-bookings:' || NEW.organisation_id, 'manager' WHERE NEW.role IN ('owner', 'manager') AND NEW.status = 'accepted') UNION ALL (SELECT NEW.user_id, 'job:' || j.id, 'org-zone:' || oz.organisation_id FROM job j, organisation_zone oz, serviceman_profile sp, user_account ua WHERE oz.zone_id = j.zone_id AND j.state = 'open' AND NEW.organisation_id = oz.organisation_id AND NEW.status = 'accepted' AND sp.user_id = NEW.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.category_ids) AS tr(value) WHERE tr.value = j.category_id OR tr.value IN (SELECT kc.id FROM category kc WHERE kc.parent_id = j.category_id) OR EXISTS (SELECT 1 FROM category c0 LEFT JOIN category c1 ON c1.id = c0.parent_id LEFT JOIN category c2 ON c2.id = c1.parent_id LEFT JOIN category c3 ON c3.id = c2.parent_id WHERE c0.id = j.category_id AND tr.value IN (c0.parent_id, c1.parent_id, c2.parent_id, c3.parent_id))) AND ua.id = NEW.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(ua.roles) AS rl(value) WHERE rl.value = 'serviceman')))) AS g(u, s, src);
      PERFORM sync_grant_add(g.u, g.s, g.src) FROM (((SELECT NEW.user_id, 'org:' || NEW.organisation_id, 'member' WHERE NEW.status = 'accepted') UNION ALL (SELECT NEW.user_id, 'org-bookings:' || NEW.organisation_id, 'manager' WHERE NEW.role IN ('owner', 'manager') AND NEW.status = 'accepted') UNION ALL (SELECT NEW.user_id, 'job:' || j.id, 'org-zone:' || oz.organisation_id FROM job j, organisation_zone oz, serviceman_profile sp, user_account ua WHERE oz.zone_id = j.zone_id AND j.state = 'open' AND NEW.organisation_id = oz.organisation_id AND NEW.status = 'accepted' AND sp.user_id = NEW.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.category_ids) AS tr(value) WHERE tr.value = j.category_id OR tr.value IN (SELECT kc.id FROM category kc WHERE kc.parent_id = j.category_id) OR EXISTS (SELECT 1 FROM category c0 LEFT JOIN category c1 ON c1.id = c0.parent_id LEFT JOIN category c2 ON c2.id = c1.parent_id LEFT JOIN category c3 ON c3.id = c2.parent_id WHERE c0.id = j.category_id AND tr.value IN (c0.parent_id, c1.parent_id, c2.parent_id, c3.parent_id))) AND ua.id = NEW.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(ua.roles) AS rl(value) WHERE rl.value = 'serviceman'))) EXCEPT ((SELECT OLD.user_id, 'org:' || OLD.organisation_id, 'member' WHERE OLD.status = 'accepted') UNION ALL (SELECT OLD.user_id, 'org-bookings:' || OLD.organisation_id, 'manager' WHERE OLD.role IN ('owner', 'manager') AND OLD.status = 'accepted') UNION ALL (SELECT OLD.user_id, 'job:' || j.id, 'org-zone:' || oz.organisation_id FROM job j, organisation_zone oz, serviceman_profile sp, user_account ua WHERE oz.zone_id = j.zone_id AND j.state = 'open' AND OLD.organisation_id = oz.organisation_id AND OLD.status = 'accepted' AND sp.user_id = OLD.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.category_ids) AS tr(value) WHERE tr.value = j.category_id OR tr.value IN (SELECT kc.id FROM category kc WHERE kc.parent_id = j.category_id) OR EXISTS (SELECT 1 FROM category c0 LEFT JOIN category c1 ON c1.id = c0.parent_id LEFT JOIN category c2 ON c2.id = c1.parent_id LEFT JOIN category c3 ON c3.id = c2.parent_id WHERE c0.id = j.category_id AND tr.value IN (c0.parent_id, c1.parent_id, c2.parent_id, c3.parent_id))) AND ua.id = OLD.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(ua.roles) AS rl(value) WHERE rl.value = 'serviceman')))) AS g(u, s, src);
    END IF;
  ELSE
    INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT x, 'memberships', OLD."id"::text, s, 'd', OLD."version" + 1, NULL FROM unnest(array_remove(ARRAY['org:' || OLD."organisation_id", 'user:' || OLD."user_id"]::text[], NULL)) AS s;
    PERFORM sync_grant_remove(g.u, g.s, g.src) FROM ((SELECT OLD.user_id, 'org:' || OLD.organisation_id, 'member' WHERE OLD.status = 'accepted') UNION ALL (SELECT OLD.user_id, 'org-bookings:' || OLD.organisation_id, 'manager' WHERE OLD.role IN ('owner', 'manager') AND OLD.status = 'accepted') UNION ALL (SELECT OLD.user_id, 'job:' || j.id, 'org-zone:' || oz.organisation_id FROM job j, organisation_zone oz, serviceman_profile sp, user_account ua WHERE oz.zone_id = j.zone_id AND j.state = 'open' AND OLD.organisation_id = oz.organisation_id AND OLD.status = 'accepted' AND sp.user_id = OLD.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.category_ids) AS tr(value) WHERE tr.value = j.category_id OR tr.value IN (SELECT kc.id FROM category kc WHERE kc.parent_id = j.category_id) OR EXISTS (SELECT 1 FROM category c0 LEFT JOIN category c1 ON c1.id = c0.parent_id LEFT JOIN category c2 ON c2.id = c1.parent_id LEFT JOIN category c3 ON c3.id = c2.parent_id WHERE c0.id = j.category_id AND tr.value IN (c0.parent_id, c1.parent_id, c2.parent_id, c3.parent_id))) AND ua.id = OLD.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(ua.roles) AS rl(value) WHERE rl.value = 'serviceman'))) AS g(u, s, src);
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
  IF NEW."version" <= OLD."version" AND ROW(OLD."id", OLD."user_id", OLD."bio", OLD."category_ids", OLD."home_lat", OLD."home_lng", OLD."rating_count", OLD."completed_jobs", OLD."rating_sum") IS DISTINCT FROM ROW(NEW."id", NEW."user_id", NEW."bio", NEW."category_ids", NEW."home_lat", NEW."home_lng", NEW."rating_count", NEW."completed_jobs", NEW."rating_sum") THEN
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
    INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT x, 'serviceman_profiles', NEW."id"::text, s, 'u', NEW."version", json_build_object('id', NEW."id", 'user_id', NEW."user_id", 'bio', NEW."bio", 'category_ids', NEW."category_ids", 'area_lat', round(NEW."home_lat"::numeric, 2), 'area_lng', round(NEW."home_lng"::numeric, 2), 'rating_count', NEW."rating_count", 'completed_jobs', NEW."completed_jobs", 'version', NEW."version", 'rating', CASE WHEN NEW."rating_count" > 0 THEN round(NEW."rating_sum"::numeric / NEW."rating_count", 2) END, 'updated_at', sync_ts(NEW."updated_at"))::text FROM unnest(array_remove(ARRAY['public']::text[], NULL)) AS s;
    PERFORM sync_grant_add(g.u, g.s, g.src) FROM ((SELECT sz.user_id, 'job:' || j.id, 'zone' FROM job j, serviceman_zone sz, user_account ua WHERE sz.zone_id = j.zone_id AND j.state = 'open' AND NEW.user_id = sz.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(NEW.category_ids) AS tr(value) WHERE tr.value = j.category_id OR tr.value IN (SELECT kc.id FROM category kc WHERE kc.parent_id = j.category_id) OR EXISTS (SELECT 1 FROM category c0 LEFT JOIN category c1 ON c1.id = c0.parent_id LEFT JOIN category c2 ON c2.id = c1.parent_id LEFT JOIN category c3 ON c3.id = c2.parent_id WHERE c0.id = j.category_id AND tr.value IN (c0.parent_id, c1.parent_id, c2.parent_id, c3.parent_id))) AND ua.id = sz.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(ua.roles) AS rl(value) WHERE rl.value = 'serviceman')) UNION ALL (SELECT m.user_id, 'job:' || j.id, 'org-zone:' || oz.organisation_id FROM job j, organisation_zone oz, membership m, user_account ua WHERE oz.zone_id = j.zone_id AND j.state = 'open' AND m.organisation_id = oz.organisation_id AND m.status = 'accepted' AND NEW.user_id = m.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(NEW.category_ids) AS tr(value) WHERE tr.value = j.category_id OR tr.value IN (SELECT kc.id FROM category kc WHERE kc.parent_id = j.category_id) OR EXISTS (SELECT 1 FROM category c0 LEFT JOIN category c1 ON c1.id = c0.parent_id LEFT JOIN category c2 ON c2.id = c1.parent_id LEFT JOIN category c3 ON c3.id = c2.parent_id WHERE c0.id = j.category_id AND tr.value IN (c0.parent_id, c1.parent_id, c2.parent_id, c3.parent_id))) AND ua.id = m.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(ua.roles) AS rl(value) WHERE rl.value = 'serviceman'))) AS g(u, s, src);
  ELSIF TG_OP = 'UPDATE' THEN
    IF ROW(OLD."id", OLD."user_id", OLD."bio", OLD."category_ids", OLD."home_lat", OLD."home_lng", OLD."rating_count", OLD."completed_jobs", OLD."version", OLD."rating_sum") IS DISTINCT FROM ROW(NEW."id", NEW."user_id", NEW."bio", NEW."category_ids", NEW."home_lat", NEW."home_lng", NEW."rating_count", NEW."completed_jobs", NEW."version", NEW."rating_sum") THEN
      INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT x, 'serviceman_profiles', NEW."id"::text, s, 'u', NEW."version", json_build_object('id', NEW."id", 'user_id', NEW."user_id", 'bio', NEW."bio", 'category_ids', NEW."category_ids", 'area_lat', round(NEW."home_lat"::numeric, 2), 'area_lng', round(NEW."home_lng"::numeric, 2), 'rating_count', NEW."rating_count", 'completed_jobs', NEW."completed_jobs", 'version', NEW."version", 'rating', CASE WHEN NEW."rating_count" > 0 THEN round(NEW."rating_sum"::numeric / NEW."rating_count", 2) END, 'updated_at', sync_ts(NEW."updated_at"))::text FROM unnest(array_remove(ARRAY['public']::text[], NULL)) AS s;
    END IF;
    IF ROW(OLD."user_id", OLD."category_ids") IS DISTINCT FROM ROW(NEW."user_id", NEW."category_ids") THEN
      PERFORM sync_grant_remove(g.u, g.s, g.src) FROM (((SELECT sz.user_id, 'job:' || j.id, 'zone' FROM job j, serviceman_zone sz, user_account ua WHERE sz.zone_id = j.zone_id AND j.state = 'open' AND OLD.user_id = sz.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(OLD.category_ids) AS tr(value) WHERE tr.value = j.category_id OR tr.value IN (SELECT kc.id FROM category kc WHERE kc.parent_id = j.category_id) OR EXISTS (SELECT 1 FROM category c0 LEFT JOIN category c1 ON c1.id = c0.parent_id LEFT JOIN category c2 ON c2.id = c1.parent_id LEFT JOIN category c3 ON c3.id = c2.parent_id WHERE c0.id = j.category_id AND tr.value IN (c0.parent_id, c1.parent_id, c2.parent_id, c3.parent_id))) AND ua.id = sz.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(ua.roles) AS rl(value) WHERE rl.value = 'serviceman')) UNION ALL (SELECT m.user_id, 'job:' || j.id, 'org-zone:' || oz.organisation_id FROM job j, organisation_zone oz, membership m, user_account ua WHERE oz.zone_id = j.zone_id AND j.state = 'open' AND m.organisation_id = oz.organisation_id AND m.status = 'accepted' AND OLD.user_id = m.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(OLD.category_ids) AS tr(value) WHERE tr.value = j.category_id OR tr.value IN (SELECT kc.id FROM category kc WHERE kc.parent_id = j.category_id) OR EXISTS (SELECT 1 FROM category c0 LEFT JOIN category c1 ON c1.id = c0.parent_id LEFT JOIN category c2 ON c2.id = c1.parent_id LEFT JOIN category c3 ON c3.id = c2.parent_id WHERE c0.id = j.category_id AND tr.value IN (c0.parent_id, c1.parent_id, c2.parent_id, c3.parent_id))) AND ua.id = m.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(ua.roles) AS rl(value) WHERE rl.value = 'serviceman'))) EXCEPT ((SELECT sz.user_id, 'job:' || j.id, 'zone' FROM job j, serviceman_zone sz, user_account ua WHERE sz.zone_id = j.zone_id AND j.state = 'open' AND NEW.user_id = sz.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(NEW.category_ids) AS tr(value) WHERE tr.value = j.category_id OR tr.value IN (SELECT kc.id FROM category kc WHERE kc.parent_id = j.category_id) OR EXISTS (SELECT 1 FROM category c0 LEFT JOIN category c1 ON c1.id = c0.parent_id LEFT JOIN category c2 ON c2.id = c1.parent_id LEFT JOIN category c3 ON c3.id = c2.parent_id WHERE c0.id = j.category_id AND tr.value IN (c0.parent_id, c1.parent_id, c2.parent_id, c3.parent_id))) AND ua.id = sz.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(ua.roles) AS rl(value) WHERE rl.value = 'serviceman')) UNION ALL (SELECT m.user_id, 'job:' || j.id, 'org-zone:' || oz.organisation_id FROM job j, organisation_zone oz, membership m, user_account ua WHERE oz.zone_id = j.zone_id AND j.state = 'open' AND m.organisation_id = oz.organisation_id AND m.status = 'accepted' AND NEW.user_id = m.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(NEW.category_ids) AS tr(value) WHERE tr.value = j.category_id OR tr.value IN (SELECT kc.id FROM category kc WHERE kc.parent_id = j.category_id) OR EXISTS (SELECT 1 FROM category c0 LEFT JOIN category c1 ON c1.id = c0.parent_id LEFT JOIN category c2 ON c2.id = c1.parent_id LEFT JOIN category c3 ON c3.id = c2.parent_id WHERE c0.id = j.category_id AND tr.value IN (c0.parent_id, c1.parent_id, c2.parent_id, c3.parent_id))) AND ua.id = m.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(ua.roles) AS rl(value) WHERE rl.value = 'serviceman')))) AS g(u, s, src);
      PERFORM sync_grant_add(g.u, g.s, g.src) FROM (((SELECT sz.user_id, 'job:' || j.id, 'zone' FROM job j, serviceman_zone sz, user_account ua WHERE sz.zone_id = j.zone_id AND j.state = 'open' AND NEW.user_id = sz.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(NEW.category_ids) AS tr(value) WHERE tr.value = j.category_id OR tr.value IN (SELECT kc.id FROM category kc WHERE kc.parent_id = j.category_id) OR EXISTS (SELECT 1 FROM category c0 LEFT JOIN category c1 ON c1.id = c0.parent_id LEFT JOIN category c2 ON c2.id = c1.parent_id LEFT JOIN category c3 ON c3.id = c2.parent_id WHERE c0.id = j.category_id AND tr.value IN (c0.parent_id, c1.parent_id, c2.parent_id, c3.parent_id))) AND ua.id = sz.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(ua.roles) AS rl(value) WHERE rl.value = 'serviceman')) UNION ALL (SELECT m.user_id, 'job:' || j.id, 'org-zone:' || oz.organisation_id FROM job j, organisation_zone oz, membership m, user_account ua WHERE oz.zone_id = j.zone_id AND j.state = 'open' AND m.organisation_id = oz.organisation_id AND m.status = 'accepted' AND NEW.user_id = m.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(NEW.category_ids) AS tr(value) WHERE tr.value = j.category_id OR tr.value IN (SELECT kc.id FROM category kc WHERE kc.parent_id = j.category_id) OR EXISTS (SELECT 1 FROM category c0 LEFT JOIN category c1 ON c1.id = c0.parent_id LEFT JOIN category c2 ON c2.id = c1.parent_id LEFT JOIN category c3 ON c3.id = c2.parent_id WHERE c0.id = j.category_id AND tr.value IN (c0.parent_id, c1.parent_id, c2.parent_id, c3.parent_id))) AND ua.id = m.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(ua.roles) AS rl(value) WHERE rl.value = 'serviceman'))) EXCEPT ((SELECT sz.user_id, 'job:' || j.id, 'zone' FROM job j, serviceman_zone sz, user_account ua WHERE sz.zone_id = j.zone_id AND j.state = 'open' AND OLD.user_id = sz.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(OLD.category_ids) AS tr(value) WHERE tr.value = j.category_id OR tr.value IN (SELECT kc.id FROM category kc WHERE kc.parent_id = j.category_id) OR EXISTS (SELECT 1 FROM category c0 LEFT JOIN category c1 ON c1.id = c0.parent_id LEFT JOIN category c2 ON c2.id = c1.parent_id LEFT JOIN category c3 ON c3.id = c2.parent_id WHERE c0.id = j.category_id AND tr.value IN (c0.parent_id, c1.parent_id, c2.parent_id, c3.parent_id))) AND ua.id = sz.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(ua.roles) AS rl(value) WHERE rl.value = 'serviceman')) UNION ALL (SELECT m.user_id, 'job:' || j.id, 'org-zone:' || oz.organisation_id FROM job j, organisation_zone oz, membership m, user_account ua WHERE oz.zone_id = j.zone_id AND j.state = 'open' AND m.organisation_id = oz.organisation_id AND m.status = 'accepted' AND OLD.user_id = m.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(OLD.category_ids) AS tr(value) WHERE tr.value = j.category_id OR tr.value IN (SELECT kc.id FROM category kc WHERE kc.parent_id = j.category_id) OR EXISTS (SELECT 1 FROM category c0 LEFT JOIN category c1 ON c1.id = c0.parent_id LEFT JOIN category c2 ON c2.id = c1.parent_id LEFT JOIN category c3 ON c3.id = c2.parent_id WHERE c0.id = j.category_id AND tr.value IN (c0.parent_id, c1.parent_id, c2.parent_id, c3.parent_id))) AND ua.id = m.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(ua.roles) AS rl(value) WHERE rl.value = 'serviceman')))) AS g(u, s, src);
    END IF;
  ELSE
    INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT x, 'serviceman_profiles', OLD."id"::text, s, 'd', OLD."version" + 1, NULL FROM unnest(array_remove(ARRAY['public']::text[], NULL)) AS s;
    PERFORM sync_grant_remove(g.u, g.s, g.src) FROM ((SELECT sz.user_id, 'job:' || j.id, 'zone' FROM job j, serviceman_zone sz, user_account ua WHERE sz.zone_id = j.zone_id AND j.state = 'open' AND OLD.user_id = sz.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(OLD.category_ids) AS tr(value) WHERE tr.value = j.category_id OR tr.value IN (SELECT kc.id FROM category kc WHERE kc.parent_id = j.category_id) OR EXISTS (SELECT 1 FROM category c0 LEFT JOIN category c1 ON c1.id = c0.parent_id LEFT JOIN category c2 ON c2.id = c1.parent_id LEFT JOIN category c3 ON c3.id = c2.parent_id WHERE c0.id = j.category_id AND tr.value IN (c0.parent_id, c1.parent_id, c2.parent_id, c3.parent_id))) AND ua.id = sz.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(ua.roles) AS rl(value) WHERE rl.value = 'serviceman')) UNION ALL (SELECT m.user_id, 'job:' || j.id, 'org-zone:' || oz.organisation_id FROM job j, organisation_zone oz, membership m, user_account ua WHERE oz.zone_id = j.zone_id AND j.state = 'open' AND m.organisation_id = oz.organisation_id AND m.status = 'accepted' AND OLD.user_id = m.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(OLD.category_ids) AS tr(value) WHERE tr.value = j.category_id OR tr.value IN (SELECT kc.id FROM category kc WHERE kc.parent_id = j.category_id) OR EXISTS (SELECT 1 FROM category c0 LEFT JOIN category c1 ON c1.id = c0.parent_id LEFT JOIN category c2 ON c2.id = c1.parent_id LEFT JOIN category c3 ON c3.id = c2.parent_id WHERE c0.id = j.category_id AND tr.value IN (c0.parent_id, c1.parent_id, c2.parent_id, c3.parent_id))) AND ua.id = m.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(ua.roles) AS rl(value) WHERE rl.value = 'serviceman'))) AS g(u, s, src);
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
  IF NEW."version" <= OLD."version" AND ROW(OLD."id", OLD."customer_id", OLD."title", OLD."description", OLD."category_id", OLD."zone_id", OLD."lat", OLD."lng", OLD."address", OLD."budget_min", OLD."currency", OLD."budget_max", OLD."desired_start", OLD."desired_end", OLD."state", OLD."accepted_bid_id", OLD."expires_at", OLD."created_at") IS DISTINCT FROM ROW(NEW."id", NEW."customer_id", NEW."title", NEW."description", NEW."category_id", NEW."zone_id", NEW."lat", NEW."lng", NEW."address", NEW."budget_min", NEW."currency", NEW."budget_max", NEW."desired_start", NEW."desired_end", NEW."state", NEW."accepted_bid_id", NEW."expires_at", NEW."created_at") THEN
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
    INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT x, 'jobs', NEW."id"::text, s, 'u', NEW."version", json_build_object('id', NEW."id", 'customer_id', NEW."customer_id", 'title', NEW."title", 'description', NEW."description", 'category_id', NEW."category_id", 'zone_id', NEW."zone_id", 'lat', NEW."lat", 'lng', NEW."lng", 'address', NEW."address", 'budget_min', CASE WHEN NEW."budget_min" IS NULL THEN NULL ELSE json_build_object('amount', NEW."budget_min", 'currency', NEW."currency") END, 'budget_max', CASE WHEN NEW."budget_max" IS NULL THEN NULL ELSE json_build_object('amount', NEW."budget_max", 'currency', NEW."currency") END, 'desired_start', sync_ts(NEW."desired_start"), 'desired_end', sync_ts(NEW."desired_end"), 'state', NEW."state", 'accepted_bid_id', NEW."accepted_bid_id", 'expires_at', sync_ts(NEW."expires_at"), 'version', NEW."version", 'created_at', sync_ts(NEW."created_at"), 'updated_at', sync_ts(NEW."updated_at"))::text FROM unnest(array_remove(ARRAY['job:' || NEW."id"]::text[], NULL)) AS s;
    PERFORM sync_grant_add(g.u, g.s, g.src) FROM ((SELECT NEW.customer_id, 'job:' || NEW.id, 'customer') UNION ALL (SELECT sz.user_id, 'job:' || NEW.id, 'zone' FROM serviceman_zone sz, serviceman_profile sp, user_account ua WHERE sz.zone_id = NEW.zone_id AND NEW.state = 'open' AND sp.user_id = sz.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.category_ids) AS tr(value) WHERE tr.value = NEW.category_id OR tr.value IN (SELECT kc.id FROM category kc WHERE kc.parent_id = NEW.category_id) OR EXISTS (SELECT 1 FROM category c0 LEFT JOIN category c1 ON c1.id = c0.parent_id LEFT JOIN category c2 ON c2.id = c1.parent_id LEFT JOIN category c3 ON c3.id = c2.parent_id WHERE c0.id = NEW.category_id AND tr.value IN (c0.parent_id, c1.parent_id, c2.parent_id, c3.parent_id))) AND ua.id = sz.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(ua.roles) AS rl(value) WHERE rl.value = 'serviceman')) UNION ALL (SELECT m.user_id, 'job:' || NEW.id, 'org-zone:' || oz.organisation_id FROM organisation_zone oz, membership m, serviceman_profile sp, user_account ua WHERE oz.zone_id = NEW.zone_id AND NEW.state = 'open' AND m.organisation_id = oz.organisation_id AND m.status = 'accepted' AND sp.user_id = m.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.category_ids) AS tr(value) WHERE tr.value = NEW.category_id OR tr.value IN (SELECT kc.id FROM category kc WHERE kc.parent_id = NEW.category_id) OR EXISTS (SELECT 1 FROM category c0 LEFT JOIN category c1 ON c1.id = c0.parent_id LEFT JOIN category c2 ON c2.id = c1.parent_id LEFT JOIN category c3 ON c3.id = c2.parent_id WHERE c0.id = NEW.category_id AND tr.value IN (c0.parent_id, c1.parent_id, c2.parent_id, c3.parent_id))) AND ua.id = m.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(ua.roles) AS rl(value) WHERE rl.value = 'serviceman'))) AS g(u, s, src);
  ELSIF TG_OP = 'UPDATE' THEN
    IF ROW(OLD."id", OLD."customer_id", OLD."title", OLD."description", OLD."category_id", OLD."zone_id", OLD."lat", OLD."lng", OLD."address", OLD."budget_min", OLD."currency", OLD."budget_max", OLD."desired_start", OLD."desired_end", OLD."state", OLD."accepted_bid_id", OLD."expires_at", OLD."version", OLD."created_at") IS DISTINCT FROM ROW(NEW."id", NEW."customer_id", NEW."title", NEW."description", NEW."category_id", NEW."zone_id", NEW."lat", NEW."lng", NEW."address", NEW."budget_min", NEW."currency", NEW."budget_max", NEW."desired_start", NEW."desired_end", NEW."state", NEW."accepted_bid_id", NEW."expires_at", NEW."version", NEW."created_at") THEN
      IF ROW(OLD."id") IS DISTINCT FROM ROW(NEW."id") THEN
        INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT x, 'jobs', OLD."id"::text, s, 'r', NEW."version", NULL FROM unnest(array_remove(ARRAY['job:' || OLD."id"]::text[], NULL)) AS s WHERE s <> ALL (array_remove(ARRAY['job:' || NEW."id"]::text[], NULL));
      END IF;
      INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT x, 'jobs', NEW."id"::text, s, 'u', NEW."version", json_build_object('id', NEW."id", 'customer_id', NEW."customer_id", 'title', NEW."title", 'description', NEW."description", 'category_id', NEW."category_id", 'zone_id', NEW."zone_id", 'lat', NEW."lat", 'lng', NEW."lng", 'address', NEW."address", 'budget_min', CASE WHEN NEW."budget_min" IS NULL THEN NULL ELSE json_build_object('amount', NEW."budget_min", 'currency', NEW."currency") END, 'budget_max', CASE WHEN NEW."budget_max" IS NULL THEN NULL ELSE json_build_object('amount', NEW."budget_max", 'currency', NEW."currency") END, 'desired_start', sync_ts(NEW."desired_start"), 'desired_end', sync_ts(NEW."desired_end"), 'state', NEW."state", 'accepted_bid_id', NEW."accepted_bid_id", 'expires_at', sync_ts(NEW."expires_at"), 'version', NEW."version", 'created_at', sync_ts(NEW."created_at"), 'updated_at', sync_ts(NEW."updated_at"))::text FROM unnest(array_remove(ARRAY['job:' || NEW."id"]::text[], NULL)) AS s;
    END IF;
    IF ROW(OLD."customer_id", OLD."id", OLD."zone_id", OLD."state", OLD."category_id") IS DISTINCT FROM ROW(NEW."customer_id", NEW."id", NEW."zone_id", NEW."state", NEW."category_id") THEN
      PERFORM sync_grant_remove(g.u, g.s, g.src) FROM (((SELECT OLD.customer_id, 'job:' || OLD.id, 'customer') UNION ALL (SELECT sz.user_id, 'job:' || OLD.id, 'zone' FROM serviceman_zone sz, serviceman_profile sp, user_account ua WHERE sz.zone_id = OLD.zone_id AND OLD.state = 'open' AND sp.user_id = sz.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.category_ids) AS tr(value) WHERE tr.value = OLD.category_id OR tr.value IN (SELECT kc.id FROM category kc WHERE kc.parent_id = OLD.category_id) OR EXISTS (SELECT 1 FROM category c0 LEFT JOIN category c1 ON c1.id = c0.parent_id LEFT JOIN category c2 ON c2.id = c1.parent_id LEFT JOIN category c3 ON c3.id = c2.parent_id WHERE c0.id = OLD.category_id AND tr.value IN (c0.parent_id, c1.parent_id, c2.parent_id, c3.parent_id))) AND ua.id = sz.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(ua.roles) AS rl(value) WHERE rl.value = 'serviceman')) UNION ALL (SELECT m.user_id, 'job:' || OLD.id, 'org-zone:' || oz.organisation_id FROM organisation_zone oz, membership m, serviceman_profile sp, user_account ua WHERE oz.zone_id = OLD.zone_id AND OLD.state = 'open' AND m.organisation_id = oz.organisation_id AND m.status = 'accepted' AND sp.user_id = m.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.category_ids) AS tr(value) WHERE tr.value = OLD.category_id OR tr.value IN (SELECT kc.id FROM category kc WHERE kc.parent_id = OLD.category_id) OR EXISTS (SELECT 1 FROM category c0 LEFT JOIN category c1 ON c1.id = c0.parent_id LEFT JOIN category c2 ON c2.id = c1.parent_id LEFT JOIN category c3 ON c3.id = c2.parent_id WHERE c0.id = OLD.category_id AND tr.value IN (c0.parent_id, c1.parent_id, c2.parent_id, c3.parent_id))) AND ua.id = m.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(ua.roles) AS rl(value) WHERE rl.value = 'serviceman'))) EXCEPT ((SELECT NEW.customer_id, 'job:' || NEW.id, 'customer') UNION ALL (SELECT sz.user_id, 'job:' || NEW.id, 'zone' FROM serviceman_zone sz, serviceman_profile sp, user_account ua WHERE sz.zone_id = NEW.zone_id AND NEW.state = 'open' AND sp.user_id = sz.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.category_ids) AS tr(value) WHERE tr.value = NEW.category_id OR tr.value IN (SELECT kc.id FROM category kc WHERE kc.parent_id = NEW.category_id) OR EXISTS (SELECT 1 FROM category c0 LEFT JOIN category c1 ON c1.id = c0.parent_id LEFT JOIN category c2 ON c2.id = c1.parent_id LEFT JOIN category c3 ON c3.id = c2.parent_id WHERE c0.id = NEW.category_id AND tr.value IN (c0.parent_id, c1.parent_id, c2.parent_id, c3.parent_id))) AND ua.id = sz.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(ua.roles) AS rl(value) WHERE rl.value = 'serviceman')) UNION ALL (SELECT m.user_id, 'job:' || NEW.id, 'org-zone:' || oz.organisation_id FROM organisation_zone oz, membership m, serviceman_profile sp, user_account ua WHERE oz.zone_id = NEW.zone_id AND NEW.state = 'open' AND m.organisation_id = oz.organisation_id AND m.status = 'accepted' AND sp.user_id = m.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.category_ids) AS tr(value) WHERE tr.value = NEW.category_id OR tr.value IN (SELECT kc.id FROM category kc WHERE kc.parent_id = NEW.category_id) OR EXISTS (SELECT 1 FROM category c0 LEFT JOIN category c1 ON c1.id = c0.parent_id LEFT JOIN category c2 ON c2.id = c1.parent_id LEFT JOIN category c3 ON c3.id = c2.parent_id WHERE c0.id = NEW.category_id AND tr.value IN (c0.parent_id, c1.parent_id, c2.parent_id, c3.parent_id))) AND ua.id = m.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(ua.roles) AS rl(value) WHERE rl.value = 'serviceman')))) AS g(u, s, src);
      PERFORM sync_grant_add(g.u, g.s, g.src) FROM (((SELECT NEW.customer_id, 'job:' || NEW.id, 'customer') UNION ALL (SELECT sz.user_id, 'job:' || NEW.id, 'zone' FROM serviceman_zone sz, serviceman_profile sp, user_account ua WHERE sz.zone_id = NEW.zone_id AND NEW.state = 'open' AND sp.user_id = sz.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.category_ids) AS tr(value) WHERE tr.value = NEW.category_id OR tr.value IN (SELECT kc.id FROM category kc WHERE kc.parent_id = NEW.category_id) OR EXISTS (SELECT 1 FROM category c0 LEFT JOIN category c1 ON c1.id = c0.parent_id LEFT JOIN category c2 ON c2.id = c1.parent_id LEFT JOIN category c3 ON c3.id = c2.parent_id WHERE c0.id = NEW.category_id AND tr.value IN (c0.parent_id, c1.parent_id, c2.parent_id, c3.parent_id))) AND ua.id = sz.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(ua.roles) AS rl(value) WHERE rl.value = 'serviceman')) UNION ALL (SELECT m.user_id, 'job:' || NEW.id, 'org-zone:' || oz.organisation_id FROM organisation_zone oz, membership m, serviceman_profile sp, user_account ua WHERE oz.zone_id = NEW.zone_id AND NEW.state = 'open' AND m.organisation_id = oz.organisation_id AND m.status = 'accepted' AND sp.user_id = m.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.category_ids) AS tr(value) WHERE tr.value = NEW.category_id OR tr.value IN (SELECT kc.id FROM category kc WHERE kc.parent_id = NEW.category_id) OR EXISTS (SELECT 1 FROM category c0 LEFT JOIN category c1 ON c1.id = c0.parent_id LEFT JOIN category c2 ON c2.id = c1.parent_id LEFT JOIN category c3 ON c3.id = c2.parent_id WHERE c0.id = NEW.category_id AND tr.value IN (c0.parent_id, c1.parent_id, c2.parent_id, c3.parent_id))) AND ua.id = m.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(ua.roles) AS rl(value) WHERE rl.value = 'serviceman'))) EXCEPT ((SELECT OLD.customer_id, 'job:' || OLD.id, 'customer') UNION ALL (SELECT sz.user_id, 'job:' || OLD.id, 'zone' FROM serviceman_zone sz, serviceman_profile sp, user_account ua WHERE sz.zone_id = OLD.zone_id AND OLD.state = 'open' AND sp.user_id = sz.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.category_ids) AS tr(value) WHERE tr.value = OLD.category_id OR tr.value IN (SELECT kc.id FROM category kc WHERE kc.parent_id = OLD.category_id) OR EXISTS (SELECT 1 FROM category c0 LEFT JOIN category c1 ON c1.id = c0.parent_id LEFT JOIN category c2 ON c2.id = c1.parent_id LEFT JOIN category c3 ON c3.id = c2.parent_id WHERE c0.id = OLD.category_id AND tr.value IN (c0.parent_id, c1.parent_id, c2.parent_id, c3.parent_id))) AND ua.id = sz.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(ua.roles) AS rl(value) WHERE rl.value = 'serviceman')) UNION ALL (SELECT m.user_id, 'job:' || OLD.id, 'org-zone:' || oz.organisation_id FROM organisation_zone oz, membership m, serviceman_profile sp, user_account ua WHERE oz.zone_id = OLD.zone_id AND OLD.state = 'open' AND m.organisation_id = oz.organisation_id AND m.status = 'accepted' AND sp.user_id = m.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.category_ids) AS tr(value) WHERE tr.value = OLD.category_id OR tr.value IN (SELECT kc.id FROM category kc WHERE kc.parent_id = OLD.category_id) OR EXISTS (SELECT 1 FROM category c0 LEFT JOIN category c1 ON c1.id = c0.parent_id LEFT JOIN category c2 ON c2.id = c1.parent_id LEFT JOIN category c3 ON c3.id = c2.parent_id WHERE c0.id = OLD.category_id AND tr.value IN (c0.parent_id, c1.parent_id, c2.parent_id, c3.parent_id))) AND ua.id = m.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(ua.roles) AS rl(value) WHERE rl.value = 'serviceman')))) AS g(u, s, src);
    END IF;
  ELSE
    INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT x, 'jobs', OLD."id"::text, s, 'd', OLD."version" + 1, NULL FROM unnest(array_remove(ARRAY['job:' || OLD."id"]::text[], NULL)) AS s;
    PERFORM sync_grant_remove(g.u, g.s, g.src) FROM ((SELECT OLD.customer_id, 'job:' || OLD.id, 'customer') UNION ALL (SELECT sz.user_id, 'job:' || OLD.id, 'zone' FROM serviceman_zone sz, serviceman_profile sp, user_account ua WHERE sz.zone_id = OLD.zone_id AND OLD.state = 'open' AND sp.user_id = sz.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.category_ids) AS tr(value) WHERE tr.value = OLD.category_id OR tr.value IN (SELECT kc.id FROM category kc WHERE kc.parent_id = OLD.category_id) OR EXISTS (SELECT 1 FROM category c0 LEFT JOIN category c1 ON c1.id = c0.parent_id LEFT JOIN category c2 ON c2.id = c1.parent_id LEFT JOIN category c3 ON c3.id = c2.parent_id WHERE c0.id = OLD.category_id AND tr.value IN (c0.parent_id, c1.parent_id, c2.parent_id, c3.parent_id))) AND ua.id = sz.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(ua.roles) AS rl(value) WHERE rl.value = 'serviceman')) UNION ALL (SELECT m.user_id, 'job:' || OLD.id, 'org-zone:' || oz.organisation_id FROM organisation_zone oz, membership m, serviceman_profile sp, user_account ua WHERE oz.zone_id = OLD.zone_id AND OLD.state = 'open' AND m.organisation_id = oz.organisation_id AND m.status = 'accepted' AND sp.user_id = m.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.category_ids) AS tr(value) WHERE tr.value = OLD.category_id OR tr.value IN (SELECT kc.id FROM category kc WHERE kc.parent_id = OLD.category_id) OR EXISTS (SELECT 1 FROM category c0 LEFT JOIN category c1 ON c1.id = c0.parent_id LEFT JOIN category c2 ON c2.id = c1.parent_id LEFT JOIN category c3 ON c3.id = c2.parent_id WHERE c0.id = OLD.category_id AND tr.value IN (c0.parent_id, c1.parent_id, c2.parent_id, c3.parent_id))) AND ua.id = m.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(ua.roles) AS rl(value) WHERE rl.value = 'serviceman'))) AS g(u, s, src);
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
  IF NEW."version" <= OLD."version" AND ROW(OLD."id", OLD."booking_id", OLD."job_id", OLD."customer_id", OLD."organisation_id", OLD."state", OLD."amount", OLD."currency", OLD."captured_amount", OLD."refunded_amount", OLD."released_amount", OLD."capture_before", OLD."release_after", OLD."dispute_open", OLD."failure", OLD."seq", OLD."created_at") IS DISTINCT FROM ROW(NEW."id", NEW."booking_id", NEW."job_id", NEW."customer_id", NEW."organisation_id", NEW."state", NEW."amount", NEW."currency", NEW."captured_amount", NEW."refunded_amount", NEW."released_amount", NEW."capture_before", NEW."release_after", NEW."dispute_open", NEW."failure", NEW."seq", NEW."created_at") THEN
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
    INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT x, 'payment_cases', NEW."id"::text, s, 'u', NEW."version", json_build_object('id', NEW."id", 'booking_id', NEW."booking_id", 'job_id', NEW."job_id", 'customer_id', NEW."customer_id", 'organisation_id', NEW."organisation_id", 'state', NEW."state", 'amount', CASE WHEN NEW."amount" IS NULL THEN NULL ELSE json_build_object('amount', NEW."amount", 'currency', NEW."currency") END, 'captured', CASE WHEN NEW."captured_amount" IS NULL THEN NULL ELSE json_build_object('amount', NEW."captured_amount", 'currency', NEW."currency") END, 'refunded', CASE WHEN NEW."refunded_amount" IS NULL THEN NULL ELSE json_build_object('amount', NEW."refunded_amount", 'currency', NEW."currency") END, 'released', CASE WHEN NEW."released_amount" IS NULL THEN NULL ELSE json_build_object('amount', NEW."released_amount", 'currency', NEW."currency") END, 'capture_before', sync_ts(NEW."capture_before"), 'release_after', sync_ts(NEW."release_after"), 'dispute_open', NEW."dispute_open", 'failure', NEW."failure", 'seq', NEW."seq", 'version', NEW."version", 'created_at', sync_ts(NEW."created_at"), 'updated_at', sync_ts(NEW."updated_at"))::text FROM unnest(array_remove(ARRAY['booking:' || NEW."booking_id", 'org-bookings:' || NEW."organisation_id"]::text[], NULL)) AS s;
  ELSIF TG_OP = 'UPDATE' THEN
    IF ROW(OLD."id", OLD."booking_id", OLD."job_id", OLD."customer_id", OLD."organisation_id", OLD."state", OLD."amount", OLD."currency", OLD."captured_amount", OLD."refunded_amount", OLD."released_amount", OLD."capture_before", OLD."release_after", OLD."dispute_open", OLD."failure", OLD."seq", OLD."version", OLD."created_at") IS DISTINCT FROM ROW(NEW."id", NEW."booking_id", NEW."job_id", NEW."customer_id", NEW."organisation_id", NEW."state", NEW."amount", NEW."currency", NEW."captured_amount", NEW."refunded_amount", NEW."released_amount", NEW."capture_before", NEW."release_after", NEW."dispute_open", NEW."failure", NEW."seq", NEW."version", NEW."created_at") THEN
      IF ROW(OLD."booking_id", OLD."organisation_id") IS DISTINCT FROM ROW(NEW."booking_id", NEW."organisation_id") THEN
        INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT x, 'payment_cases', OLD."id"::text, s, 'r', NEW."version", NULL FROM unnest(array_remove(ARRAY['booking:' || OLD."booking_id", 'org-bookings:' || OLD."organisation_id"]::text[], NULL)) AS s WHERE s <> ALL (array_remove(ARRAY['booking:' || NEW."booking_id", 'org-bookings:' || NEW."organisation_id"]::text[], NULL));
      END IF;
      INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT x, 'payment_cases', NEW."id"::text, s, 'u', NEW."version", json_build_object('id', NEW."id", 'booking_id', NEW."booking_id", 'job_id', NEW."job_id", 'customer_id', NEW."customer_id", 'organisation_id', NEW."organisation_id", 'state', NEW."state", 'amount', CASE WHEN NEW."amount" IS NULL THEN NULL ELSE json_build_object('amount', NEW."amount", 'currency', NEW."currency") END, 'captured', CASE WHEN NEW."captured_amount" IS NULL THEN NULL ELSE json_build_object('amount', NEW."captured_amount", 'currency', NEW."currency") END, 'refunded', CASE WHEN NEW."refunded_amount" IS NULL THEN NULL ELSE json_build_object('amount', NEW."refunded_amount", 'currency', NEW."currency") END, 'released', CASE WHEN NEW."released_amount" IS NULL THEN NULL ELSE json_build_object('amount', NEW."released_amount", 'currency', NEW."currency") END, 'capture_before', sync_ts(NEW."capture_before"), 'release_after', sync_ts(NEW."release_after"), 'dispute_open', NEW."dispute_open", 'failure', NEW."failure", 'seq', NEW."seq", 'version', NEW."version", 'created_at', sync_ts(NEW."created_at"), 'updated_at', sync_ts(NEW."updated_at"))::text FROM unnest(array_remove(ARRAY['booking:' || NEW."booking_id", 'org-bookings:' || NEW."organisation_id"]::text[], NULL)) AS s;
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

CREATE OR REPLACE FUNCTION sync_capture_serviceman_zone() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  x bigint := pg_current_xact_id()::text::bigint;
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM sync_grant_add(g.u, g.s, g.src) FROM ((SELECT NEW.user_id, 'job:' || j.id, 'zone' FROM job j, serviceman_profile sp, user_account ua WHERE NEW.zone_id = j.zone_id AND j.state = 'open' AND sp.user_id = NEW.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.category_ids) AS tr(value) WHERE tr.value = j.category_id OR tr.value IN (SELECT kc.id FROM category kc WHERE kc.parent_id = j.category_id) OR EXISTS (SELECT 1 FROM category c0 LEFT JOIN category c1 ON c1.id = c0.parent_id LEFT JOIN category c2 ON c2.id = c1.parent_id LEFT JOIN category c3 ON c3.id = c2.parent_id WHERE c0.id = j.category_id AND tr.value IN (c0.parent_id, c1.parent_id, c2.parent_id, c3.parent_id))) AND ua.id = NEW.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(ua.roles) AS rl(value) WHERE rl.value = 'serviceman'))) AS g(u, s, src);
  ELSIF TG_OP = 'UPDATE' THEN
    IF ROW(OLD."user_id", OLD."zone_id") IS DISTINCT FROM ROW(NEW."user_id", NEW."zone_id") THEN
      PERFORM sync_grant_remove(g.u, g.s, g.src) FROM (((SELECT OLD.user_id, 'job:' || j.id, 'zone' FROM job j, serviceman_profile sp, user_account ua WHERE OLD.zone_id = j.zone_id AND j.state = 'open' AND sp.user_id = OLD.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.category_ids) AS tr(value) WHERE tr.value = j.category_id OR tr.value IN (SELECT kc.id FROM category kc WHERE kc.parent_id = j.category_id) OR EXISTS (SELECT 1 FROM category c0 LEFT JOIN category c1 ON c1.id = c0.parent_id LEFT JOIN category c2 ON c2.id = c1.parent_id LEFT JOIN category c3 ON c3.id = c2.parent_id WHERE c0.id = j.category_id AND tr.value IN (c0.parent_id, c1.parent_id, c2.parent_id, c3.parent_id))) AND ua.id = OLD.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(ua.roles) AS rl(value) WHERE rl.value = 'serviceman'))) EXCEPT ((SELECT NEW.user_id, 'job:' || j.id, 'zone' FROM job j, serviceman_profile sp, user_account ua WHERE NEW.zone_id = j.zone_id AND j.state = 'open' AND sp.user_id = NEW.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.category_ids) AS tr(value) WHERE tr.value = j.category_id OR tr.value IN (SELECT kc.id FROM category kc WHERE kc.parent_id = j.category_id) OR EXISTS (SELECT 1 FROM category c0 LEFT JOIN category c1 ON c1.id = c0.parent_id LEFT JOIN category c2 ON c2.id = c1.parent_id LEFT JOIN category c3 ON c3.id = c2.parent_id WHERE c0.id = j.category_id AND tr.value IN (c0.parent_id, c1.parent_id, c2.parent_id, c3.parent_id))) AND ua.id = NEW.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(ua.roles) AS rl(value) WHERE rl.value = 'serviceman')))) AS g(u, s, src);
      PERFORM sync_grant_add(g.u, g.s, g.src) FROM (((SELECT NEW.user_id, 'job:' || j.id, 'zone' FROM job j, serviceman_profile sp, user_account ua WHERE NEW.zone_id = j.zone_id AND j.state = 'open' AND sp.user_id = NEW.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.category_ids) AS tr(value) WHERE tr.value = j.category_id OR tr.value IN (SELECT kc.id FROM category kc WHERE kc.parent_id = j.category_id) OR EXISTS (SELECT 1 FROM category c0 LEFT JOIN category c1 ON c1.id = c0.parent_id LEFT JOIN category c2 ON c2.id = c1.parent_id LEFT JOIN category c3 ON c3.id = c2.parent_id WHERE c0.id = j.category_id AND tr.value IN (c0.parent_id, c1.parent_id, c2.parent_id, c3.parent_id))) AND ua.id = NEW.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(ua.roles) AS rl(value) WHERE rl.value = 'serviceman'))) EXCEPT ((SELECT OLD.user_id, 'job:' || j.id, 'zone' FROM job j, serviceman_profile sp, user_account ua WHERE OLD.zone_id = j.zone_id AND j.state = 'open' AND sp.user_id = OLD.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.category_ids) AS tr(value) WHERE tr.value = j.category_id OR tr.value IN (SELECT kc.id FROM category kc WHERE kc.parent_id = j.category_id) OR EXISTS (SELECT 1 FROM category c0 LEFT JOIN category c1 ON c1.id = c0.parent_id LEFT JOIN category c2 ON c2.id = c1.parent_id LEFT JOIN category c3 ON c3.id = c2.parent_id WHERE c0.id = j.category_id AND tr.value IN (c0.parent_id, c1.parent_id, c2.parent_id, c3.parent_id))) AND ua.id = OLD.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(ua.roles) AS rl(value) WHERE rl.value = 'serviceman')))) AS g(u, s, src);
    END IF;
  ELSE
    PERFORM sync_grant_remove(g.u, g.s, g.src) FROM ((SELECT OLD.user_id, 'job:' || j.id, 'zone' FROM job j, serviceman_profile sp, user_account ua WHERE OLD.zone_id = j.zone_id AND j.state = 'open' AND sp.user_id = OLD.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.category_ids) AS tr(value) WHERE tr.value = j.category_id OR tr.value IN (SELECT kc.id FROM category kc WHERE kc.parent_id = j.category_id) OR EXISTS (SELECT 1 FROM category c0 LEFT JOIN category c1 ON c1.id = c0.parent_id LEFT JOIN category c2 ON c2.id = c1.parent_id LEFT JOIN category c3 ON c3.id = c2.parent_id WHERE c0.id = j.category_id AND tr.value IN (c0.parent_id, c1.parent_id, c2.parent_id, c3.parent_id))) AND ua.id = OLD.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(ua.roles) AS rl(value) WHERE rl.value = 'serviceman'))) AS g(u, s, src);
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
    PERFORM sync_grant_add(g.u, g.s, g.src) FROM ((SELECT m.user_id, 'job:' || j.id, 'org-zone:' || NEW.organisation_id FROM job j, membership m, serviceman_profile sp, user_account ua WHERE NEW.zone_id = j.zone_id AND j.state = 'open' AND m.organisation_id = NEW.organisation_id AND m.status = 'accepted' AND sp.user_id = m.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.category_ids) AS tr(value) WHERE tr.value = j.category_id OR tr.value IN (SELECT kc.id FROM category kc WHERE kc.parent_id = j.category_id) OR EXISTS (SELECT 1 FROM category c0 LEFT JOIN category c1 ON c1.id = c0.parent_id LEFT JOIN category c2 ON c2.id = c1.parent_id LEFT JOIN category c3 ON c3.id = c2.parent_id WHERE c0.id = j.category_id AND tr.value IN (c0.parent_id, c1.parent_id, c2.parent_id, c3.parent_id))) AND ua.id = m.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(ua.roles) AS rl(value) WHERE rl.value = 'serviceman'))) AS g(u, s, src);
  ELSIF TG_OP = 'UPDATE' THEN
    IF ROW(OLD."organisation_id", OLD."zone_id") IS DISTINCT FROM ROW(NEW."organisation_id", NEW."zone_id") THEN
      PERFORM sync_grant_remove(g.u, g.s, g.src) FROM (((SELECT m.user_id, 'job:' || j.id, 'org-zone:' || OLD.organisation_id FROM job j, membership m, serviceman_profile sp, user_account ua WHERE OLD.zone_id = j.zone_id AND j.state = 'open' AND m.organisation_id = OLD.organisation_id AND m.status = 'accepted' AND sp.user_id = m.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.category_ids) AS tr(value) WHERE tr.value = j.category_id OR tr.value IN (SELECT kc.id FROM category kc WHERE kc.parent_id = j.category_id) OR EXISTS (SELECT 1 FROM category c0 LEFT JOIN category c1 ON c1.id = c0.parent_id LEFT JOIN category c2 ON c2.id = c1.parent_id LEFT JOIN category c3 ON c3.id = c2.parent_id WHERE c0.id = j.category_id AND tr.value IN (c0.parent_id, c1.parent_id, c2.parent_id, c3.parent_id))) AND ua.id = m.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(ua.roles) AS rl(value) WHERE rl.value = 'serviceman'))) EXCEPT ((SELECT m.user_id, 'job:' || j.id, 'org-zone:' || NEW.organisation_id FROM job j, membership m, serviceman_profile sp, user_account ua WHERE NEW.zone_id = j.zone_id AND j.state = 'open' AND m.organisation_id = NEW.organisation_id AND m.status = 'accepted' AND sp.user_id = m.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.category_ids) AS tr(value) WHERE tr.value = j.category_id OR tr.value IN (SELECT kc.id FROM category kc WHERE kc.parent_id = j.category_id) OR EXISTS (SELECT 1 FROM category c0 LEFT JOIN category c1 ON c1.id = c0.parent_id LEFT JOIN category c2 ON c2.id = c1.parent_id LEFT JOIN category c3 ON c3.id = c2.parent_id WHERE c0.id = j.category_id AND tr.value IN (c0.parent_id, c1.parent_id, c2.parent_id, c3.parent_id))) AND ua.id = m.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(ua.roles) AS rl(value) WHERE rl.value = 'serviceman')))) AS g(u, s, src);
      PERFORM sync_grant_add(g.u, g.s, g.src) FROM (((SELECT m.user_id, 'job:' || j.id, 'org-zone:' || NEW.organisation_id FROM job j, membership m, serviceman_profile sp, user_account ua WHERE NEW.zone_id = j.zone_id AND j.state = 'open' AND m.organisation_id = NEW.organisation_id AND m.status = 'accepted' AND sp.user_id = m.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.category_ids) AS tr(value) WHERE tr.value = j.category_id OR tr.value IN (SELECT kc.id FROM category kc WHERE kc.parent_id = j.category_id) OR EXISTS (SELECT 1 FROM category c0 LEFT JOIN category c1 ON c1.id = c0.parent_id LEFT JOIN category c2 ON c2.id = c1.parent_id LEFT JOIN category c3 ON c3.id = c2.parent_id WHERE c0.id = j.category_id AND tr.value IN (c0.parent_id, c1.parent_id, c2.parent_id, c3.parent_id))) AND ua.id = m.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(ua.roles) AS rl(value) WHERE rl.value = 'serviceman'))) EXCEPT ((SELECT m.user_id, 'job:' || j.id, 'org-zone:' || OLD.organisation_id FROM job j, membership m, serviceman_profile sp, user_account ua WHERE OLD.zone_id = j.zone_id AND j.state = 'open' AND m.organisation_id = OLD.organisation_id AND m.status = 'accepted' AND sp.user_id = m.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.category_ids) AS tr(value) WHERE tr.value = j.category_id OR tr.value IN (SELECT kc.id FROM category kc WHERE kc.parent_id = j.category_id) OR EXISTS (SELECT 1 FROM category c0 LEFT JOIN category c1 ON c1.id = c0.parent_id LEFT JOIN category c2 ON c2.id = c1.parent_id LEFT JOIN category c3 ON c3.id = c2.parent_id WHERE c0.id = j.category_id AND tr.value IN (c0.parent_id, c1.parent_id, c2.parent_id, c3.parent_id))) AND ua.id = m.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(ua.roles) AS rl(value) WHERE rl.value = 'serviceman')))) AS g(u, s, src);
    END IF;
  ELSE
    PERFORM sync_grant_remove(g.u, g.s, g.src) FROM ((SELECT m.user_id, 'job:' || j.id, 'org-zone:' || OLD.organisation_id FROM job j, membership m, serviceman_profile sp, user_account ua WHERE OLD.zone_id = j.zone_id AND j.state = 'open' AND m.organisation_id = OLD.organisation_id AND m.status = 'accepted' AND sp.user_id = m.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.category_ids) AS tr(value) WHERE tr.value = j.category_id OR tr.value IN (SELECT kc.id FROM category kc WHERE kc.parent_id = j.category_id) OR EXISTS (SELECT 1 FROM category c0 LEFT JOIN category c1 ON c1.id = c0.parent_id LEFT JOIN category c2 ON c2.id = c1.parent_id LEFT JOIN category c3 ON c3.id = c2.parent_id WHERE c0.id = j.category_id AND tr.value IN (c0.parent_id, c1.parent_id, c2.parent_id, c3.parent_id))) AND ua.id = m.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(ua.roles) AS rl(value) WHERE rl.value = 'serviceman'))) AS g(u, s, src);
  END IF;
  RETURN NULL;
END
$fn$;
DROP TRIGGER IF EXISTS sync_capture ON "organisation_zone";
CREATE TRIGGER sync_capture AFTER INSERT OR UPDATE OR DELETE ON "organisation_zone"
  FOR EACH ROW EXECUTE FUNCTION sync_capture_organisation_zone();
INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT pg_current_xact_id()::text::bigint, 'users', t."id"::text, s, 'u', t."version", json_build_object('id', t."id", 'email', t."email", 'name', t."name", 'roles', t."roles", 'region', t."region", 'photo_upload_id', t."photo_upload_id", 'status', t."status", 'version', t."version", 'created_at', sync_ts(t."created_at"), 'updated_at', sync_ts(t."updated_at"))::text FROM "user_account" AS t, unnest(array_remove(ARRAY['user:' || t."id"]::text[], NULL)) AS s;
INSERT INTO sync_grant (user_id, scope, source) SELECT g.u, g.s, g.src FROM "user_account" AS t, LATERAL ((SELECT sz.user_id, 'job:' || j.id, 'zone' FROM job j, serviceman_zone sz, serviceman_profile sp WHERE sz.zone_id = j.zone_id AND j.state = 'open' AND sp.user_id = sz.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.category_ids) AS tr(value) WHERE tr.value = j.category_id OR tr.value IN (SELECT kc.id FROM category kc WHERE kc.parent_id = j.category_id) OR EXISTS (SELECT 1 FROM category c0 LEFT JOIN category c1 ON c1.id = c0.parent_id LEFT JOIN category c2 ON c2.id = c1.parent_id LEFT JOIN category c3 ON c3.id = c2.parent_id WHERE c0.id = j.category_id AND tr.value IN (c0.parent_id, c1.parent_id, c2.parent_id, c3.parent_id))) AND t.id = sz.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(t.roles) AS rl(value) WHERE rl.value = 'serviceman')) UNION ALL (SELECT m.user_id, 'job:' || j.id, 'org-zone:' || oz.organisation_id FROM job j, organisation_zone oz, membership m, serviceman_profile sp WHERE oz.zone_id = j.zone_id AND j.state = 'open' AND m.organisation_id = oz.organisation_id AND m.status = 'accepted' AND sp.user_id = m.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.category_ids) AS tr(value) WHERE tr.value = j.category_id OR tr.value IN (SELECT kc.id FROM category kc WHERE kc.parent_id = j.category_id) OR EXISTS (SELECT 1 FROM category c0 LEFT JOIN category c1 ON c1.id = c0.parent_id LEFT JOIN category c2 ON c2.id = c1.parent_id LEFT JOIN category c3 ON c3.id = c2.parent_id WHERE c0.id = j.category_id AND tr.value IN (c0.parent_id, c1.parent_id, c2.parent_id, c3.parent_id))) AND t.id = m.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(t.roles) AS rl(value) WHERE rl.value = 'serviceman')) UNION ALL (SELECT t.id, 'disputes-admin', 'admin' FROM (SELECT 1) AS one WHERE EXISTS (SELECT 1 FROM jsonb_array_elements_text(t.roles) AS ar(value) WHERE ar.value = 'admin'))) AS g(u, s, src) WHERE g.u IS NOT NULL AND g.s IS NOT NULL ON CONFLICT DO NOTHING;
INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT pg_current_xact_id()::text::bigint, 'organisations', t."id"::text, s, 'u', t."version", json_build_object('id', t."id", 'name', t."name", 'owner_id', t."owner_id", 'rating_count', t."rating_count", 'version', t."version", 'rating', CASE WHEN t."rating_count" > 0 THEN round(t."rating_sum"::numeric / t."rating_count", 2) END, 'created_at', sync_ts(t."created_at"), 'updated_at', sync_ts(t."updated_at"))::text FROM "organisation" AS t, unnest(array_remove(ARRAY['org:' || t."id"]::text[], NULL)) AS s;
INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT pg_current_xact_id()::text::bigint, 'memberships', t."id"::text, s, 'u', t."version", json_build_object('id', t."id", 'organisation_id', t."organisation_id", 'user_id', t."user_id", 'role', t."role", 'status', t."status", 'invited_by_id', t."invited_by_id", 'expires_at', sync_ts(t."expires_at"), 'version', t."version", 'created_at', sync_ts(t."created_at"))::text FROM "membership" AS t, unnest(array_remove(ARRAY['org:' || t."organisation_id", 'user:' || t."user_id"]::text[], NULL)) AS s;
INSERT INTO sync_grant (user_id, scope, source) SELECT g.u, g.s, g.src FROM "membership" AS t, LATERAL ((SELECT t.user_id, 'org:' || t.organisation_id, 'member' WHERE t.status = 'accepted') UNION ALL (SELECT t.user_id, 'org-bookings:' || t.organisation_id, 'manager' WHERE t.role IN ('owner', 'manager') AND t.status = 'accepted') UNION ALL (SELECT t.user_id, 'job:' || j.id, 'org-zone:' || oz.organisation_id FROM job j, organisation_zone oz, serviceman_profile sp, user_account ua WHERE oz.zone_id = j.zone_id AND j.state = 'open' AND t.organisation_id = oz.organisation_id AND t.status = 'accepted' AND sp.user_id = t.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.category_ids) AS tr(value) WHERE tr.value = j.category_id OR tr.value IN (SELECT kc.id FROM category kc WHERE kc.parent_id = j.category_id) OR EXISTS (SELECT 1 FROM category c0 LEFT JOIN category c1 ON c1.id = c0.parent_id LEFT JOIN category c2 ON c2.id = c1.parent_id LEFT JOIN category c3 ON c3.id = c2.parent_id WHERE c0.id = j.category_id AND tr.value IN (c0.parent_id, c1.parent_id, c2.parent_id, c3.parent_id))) AND ua.id = t.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(ua.roles) AS rl(value) WHERE rl.value = 'serviceman'))) AS g(u, s, src) WHERE g.u IS NOT NULL AND g.s IS NOT NULL ON CONFLICT DO NOTHING;
INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT pg_current_xact_id()::text::bigint, 'zones', t."id"::text, s, 'u', t."version", json_build_object('id', t."id", 'name', t."name", 'city', t."city", 'geometry', t."geometry", 'active', t."active", 'version', t."version", 'bbox', json_build_array(t.min_lng, t.min_lat, t.max_lng, t.max_lat), 'created_at', sync_ts(t."created_at"), 'updated_at', sync_ts(t."updated_at"))::text FROM "zone" AS t, unnest(array_remove(ARRAY['public']::text[], NULL)) AS s;
INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT pg_current_xact_id()::text::bigint, 'categories', t."id"::text, s, 'u', nextval('sync_version_seq'), json_build_object('id', t."id", 'name', t."name", 'parent_id', t."parent_id", 'position', t."position")::text FROM "category" AS t, unnest(array_remove(ARRAY['public']::text[], NULL)) AS s;
INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT pg_current_xact_id()::text::bigint, 'services', t."id"::text, s, 'u', t."version", json_build_object('id', t."id", 'kind', t."kind", 'owner_org_id', t."owner_org_id", 'owner_user_id', t."owner_user_id", 'title', t."title", 'description', t."description", 'category_id', t."category_id", 'price', CASE WHEN t."price_amount" IS NULL THEN NULL ELSE json_build_object('amount', t."price_amount", 'currency', t."currency") END, 'duration_minutes', t."duration_minutes", 'zone_ids', t."zone_ids", 'media', t."media", 'items', t."items", 'state', t."state", 'version', t."version", 'rating_count', t."rating_count", 'rating', CASE WHEN t."rating_count" > 0 THEN round(t."rating_sum"::numeric / t."rating_count", 2) END, 'published_at', sync_ts(t."published_at"), 'created_at', sync_ts(t."created_at"), 'updated_at', sync_ts(t."updated_at"))::text FROM "service" AS t, unnest(array_remove(ARRAY[CASE WHEN t.state = 'published' THEN 'public' END, 'org:' || t."owner_org_id", 'user:' || t."owner_user_id"]::text[], NULL)) AS s;
INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT pg_current_xact_id()::text::bigint, 'storefronts', t."id"::text, s, 'u', t."version", json_build_object('id', t."id", 'organisation_id', t."organisation_id", 'user_id', t."user_id", 'headline', t."headline", 'bio', t."bio", 'banner', t."banner", 'galleries', t."galleries", 'social_links', t."social_links", 'version', t."version", 'created_at', sync_ts(t."created_at"), 'updated_at', sync_ts(t."updated_at"))::text FROM "storefront" AS t, unnest(array_remove(ARRAY['public']::text[], NULL)) AS s;
INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT pg_current_xact_id()::text::bigint, 'serviceman_profiles', t."id"::text, s, 'u', t."version", json_build_object('id', t."id", 'user_id', t."user_id", 'bio', t."bio", 'category_ids', t."category_ids", 'area_lat', round(t."home_lat"::numeric, 2), 'area_lng', round(t."home_lng"::numeric, 2), 'rating_count', t."rating_count", 'completed_jobs', t."completed_jobs", 'version', t."version", 'rating', CASE WHEN t."rating_count" > 0 THEN round(t."rating_sum"::numeric / t."rating_count", 2) END, 'updated_at', sync_ts(t."updated_at"))::text FROM "serviceman_profile" AS t, unnest(array_remove(ARRAY['public']::text[], NULL)) AS s;
INSERT INTO sync_grant (user_id, scope, source) SELECT g.u, g.s, g.src FROM "serviceman_profile" AS t, LATERAL ((SELECT sz.user_id, 'job:' || j.id, 'zone' FROM job j, serviceman_zone sz, user_account ua WHERE sz.zone_id = j.zone_id AND j.state = 'open' AND t.user_id = sz.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(t.category_ids) AS tr(value) WHERE tr.value = j.category_id OR tr.value IN (SELECT kc.id FROM category kc WHERE kc.parent_id = j.category_id) OR EXISTS (SELECT 1 FROM category c0 LEFT JOIN category c1 ON c1.id = c0.parent_id LEFT JOIN category c2 ON c2.id = c1.parent_id LEFT JOIN category c3 ON c3.id = c2.parent_id WHERE c0.id = j.category_id AND tr.value IN (c0.parent_id, c1.parent_id, c2.parent_id, c3.parent_id))) AND ua.id = sz.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(ua.roles) AS rl(value) WHERE rl.value = 'serviceman')) UNION ALL (SELECT m.user_id, 'job:' || j.id, 'org-zone:' || oz.organisation_id FROM job j, organisation_zone oz, membership m, user_account ua WHERE oz.zone_id = j.zone_id AND j.state = 'open' AND m.organisation_id = oz.organisation_id AND m.status = 'accepted' AND t.user_id = m.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(t.category_ids) AS tr(value) WHERE tr.value = j.category_id OR tr.value IN (SELECT kc.id FROM category kc WHERE kc.parent_id = j.category_id) OR EXISTS (SELECT 1 FROM category c0 LEFT JOIN category c1 ON c1.id = c0.parent_id LEFT JOIN category c2 ON c2.id = c1.parent_id LEFT JOIN category c3 ON c3.id = c2.parent_id WHERE c0.id = j.category_id AND tr.value IN (c0.parent_id, c1.parent_id, c2.parent_id, c3.parent_id))) AND ua.id = m.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(ua.roles) AS rl(value) WHERE rl.value = 'serviceman'))) AS g(u, s, src) WHERE g.u IS NOT NULL AND g.s IS NOT NULL ON CONFLICT DO NOTHING;
INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT pg_current_xact_id()::text::bigint, 'bookings', t."id"::text, s, 'u', t."version", json_build_object('id', t."id", 'kind', t."kind", 'state', t."state", 'customer_id', t."customer_id", 'service_id', t."service_id", 'organisation_id', t."organisation_id", 'job_id', t."job_id", 'zone_id', t."zone_id", 'lat', t."lat", 'lng', t."lng", 'address', t."address", 'notes', t."notes", 'scheduled_start', sync_ts(t."scheduled_start"), 'scheduled_end', sync_ts(t."scheduled_end"), 'price', CASE WHEN t."price_amount" IS NULL THEN NULL ELSE json_build_object('amount', t."price_amount", 'currency', t."currency") END, 'commission', CASE WHEN t."commission_amount" IS NULL THEN NULL ELSE json_build_object('amount', t."commission_amount", 'currency', t."currency") END, 'tax', CASE WHEN t."tax_amount" IS NULL THEN NULL ELSE json_build_object('amount', t."tax_amount", 'currency', t."currency") END, 'total', CASE WHEN t."total_amount" IS NULL THEN NULL ELSE json_build_object('amount', t."total_amount", 'currency', t."currency") END, 'expires_at', sync_ts(t."expires_at"), 'version', t."version", 'created_at', sync_ts(t."created_at"), 'updated_at', sync_ts(t."updated_at"))::text FROM "booking" AS t, unnest(array_remove(ARRAY['booking:' || t."id", 'org-bookings:' || t."organisation_id"]::text[], NULL)) AS s;
INSERT INTO sync_grant (user_id, scope, source) SELECT g.u, g.s, g.src FROM "booking" AS t, LATERAL ((SELECT t.customer_id, 'booking:' || t.id, 'customer')) AS g(u, s, src) WHERE g.u IS NOT NULL AND g.s IS NOT NULL ON CONFLICT DO NOTHING;
INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT pg_current_xact_id()::text::bigint, 'booking_assignments', t."id"::text, s, 'u', t."version", json_build_object('id', t."id", 'booking_id', t."booking_id", 'serviceman_id', t."serviceman_id", 'lead', t."lead", 'version', t."version", 'created_at', sync_ts(t."created_at"))::text FROM "booking_assignment" AS t, unnest(array_remove(ARRAY['booking:' || t."booking_id", (SELECT 'org-bookings:' || p."organisation_id" FROM "booking" AS p WHERE p.id = t."booking_id")]::text[], NULL)) AS s;
INSERT INTO sync_grant (user_id, scope, source) SELECT g.u, g.s, g.src FROM "booking_assignment" AS t, LATERAL ((SELECT t.serviceman_id, 'booking:' || t.booking_id, 'crew')) AS g(u, s, src) WHERE g.u IS NOT NULL AND g.s IS NOT NULL ON CONFLICT DO NOTHING;
INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT pg_current_xact_id()::text::bigint, 'booking_transitions', t."id"::text, s, 'u', nextval('sync_version_seq'), json_build_object('id', t.id::text, 'booking_id', t."booking_id", 'from_state', t."from_state", 'to_state', t."to_state", 'actor_id', t."actor_id", 'actor_role', t."actor_role", 'reason', t."reason", 'created_at', sync_ts(t."created_at"))::text FROM "booking_transition" AS t, unnest(array_remove(ARRAY['booking:' || t."booking_id", (SELECT 'org-bookings:' || p."organisation_id" FROM "booking" AS p WHERE p.id = t."booking_id")]::text[], NULL)) AS s;
INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT pg_current_xact_id()::text::bigint, 'jobs', t."id"::text, s, 'u', t."version", json_build_object('id', t."id", 'customer_id', t."customer_id", 'title', t."title", 'description', t."description", 'category_id', t."category_id", 'zone_id', t."zone_id", 'lat', t."lat", 'lng', t."lng", 'address', t."address", 'budget_min', CASE WHEN t."budget_min" IS NULL THEN NULL ELSE json_build_object('amount', t."budget_min", 'currency', t."currency") END, 'budget_max', CASE WHEN t."budget_max" IS NULL THEN NULL ELSE json_build_object('amount', t."budget_max", 'currency', t."currency") END, 'desired_start', sync_ts(t."desired_start"), 'desired_end', sync_ts(t."desired_end"), 'state', t."state", 'accepted_bid_id', t."accepted_bid_id", 'expires_at', sync_ts(t."expires_at"), 'version', t."version", 'created_at', sync_ts(t."created_at"), 'updated_at', sync_ts(t."updated_at"))::text FROM "job" AS t, unnest(array_remove(ARRAY['job:' || t."id"]::text[], NULL)) AS s;
INSERT INTO sync_grant (user_id, scope, source) SELECT g.u, g.s, g.src FROM "job" AS t, LATERAL ((SELECT t.customer_id, 'job:' || t.id, 'customer') UNION ALL (SELECT sz.user_id, 'job:' || t.id, 'zone' FROM serviceman_zone sz, serviceman_profile sp, user_account ua WHERE sz.zone_id = t.zone_id AND t.state = 'open' AND sp.user_id = sz.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.category_ids) AS tr(value) WHERE tr.value = t.category_id OR tr.value IN (SELECT kc.id FROM category kc WHERE kc.parent_id = t.category_id) OR EXISTS (SELECT 1 FROM category c0 LEFT JOIN category c1 ON c1.id = c0.parent_id LEFT JOIN category c2 ON c2.id = c1.parent_id LEFT JOIN category c3 ON c3.id = c2.parent_id WHERE c0.id = t.category_id AND tr.value IN (c0.parent_id, c1.parent_id, c2.parent_id, c3.parent_id))) AND ua.id = sz.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(ua.roles) AS rl(value) WHERE rl.value = 'serviceman')) UNION ALL (SELECT m.user_id, 'job:' || t.id, 'org-zone:' || oz.organisation_id FROM organisation_zone oz, membership m, serviceman_profile sp, user_account ua WHERE oz.zone_id = t.zone_id AND t.state = 'open' AND m.organisation_id = oz.organisation_id AND m.status = 'accepted' AND sp.user_id = m.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.category_ids) AS tr(value) WHERE tr.value = t.category_id OR tr.value IN (SELECT kc.id FROM category kc WHERE kc.parent_id = t.category_id) OR EXISTS (SELECT 1 FROM category c0 LEFT JOIN category c1 ON c1.id = c0.parent_id LEFT JOIN category c2 ON c2.id = c1.parent_id LEFT JOIN category c3 ON c3.id = c2.parent_id WHERE c0.id = t.category_id AND tr.value IN (c0.parent_id, c1.parent_id, c2.parent_id, c3.parent_id))) AND ua.id = m.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(ua.roles) AS rl(value) WHERE rl.value = 'serviceman'))) AS g(u, s, src) WHERE g.u IS NOT NULL AND g.s IS NOT NULL ON CONFLICT DO NOTHING;
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
INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT pg_current_xact_id()::text::bigint, 'payment_cases', t."id"::text, s, 'u', t."version", json_build_object('id', t."id", 'booking_id', t."booking_id", 'job_id', t."job_id", 'customer_id', t."customer_id", 'organisation_id', t."organisation_id", 'state', t."state", 'amount', CASE WHEN t."amount" IS NULL THEN NULL ELSE json_build_object('amount', t."amount", 'currency', t."currency") END, 'captured', CASE WHEN t."captured_amount" IS NULL THEN NULL ELSE json_build_object('amount', t."captured_amount", 'currency', t."currency") END, 'refunded', CASE WHEN t."refunded_amount" IS NULL THEN NULL ELSE json_build_object('amount', t."refunded_amount", 'currency', t."currency") END, 'released', CASE WHEN t."released_amount" IS NULL THEN NULL ELSE json_build_object('amount', t."released_amount", 'currency', t."currency") END, 'capture_before', sync_ts(t."capture_before"), 'release_after', sync_ts(t."release_after"), 'dispute_open', t."dispute_open", 'failure', t."failure", 'seq', t."seq", 'version', t."version", 'created_at', sync_ts(t."created_at"), 'updated_at', sync_ts(t."updated_at"))::text FROM "payment_case" AS t, unnest(array_remove(ARRAY['booking:' || t."booking_id", 'org-bookings:' || t."organisation_id"]::text[], NULL)) AS s;
INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT pg_current_xact_id()::text::bigint, 'payment_milestones', t."id"::text, s, 'u', nextval('sync_version_seq'), json_build_object('id', t."id", 'case_id', t."case_id", 'position', t."position", 'title', t."title", 'amount', (SELECT json_build_object('amount', t."amount", 'currency', p.currency) FROM payment_case AS p WHERE p.id = t."case_id"), 'state', t."state", 'released_at', sync_ts(t."released_at"))::text FROM "payment_milestone" AS t, unnest(array_remove(ARRAY[(SELECT 'booking:' || p."booking_id" FROM "payment_case" AS p WHERE p.id = t."case_id"), (SELECT 'org-bookings:' || p."organisation_id" FROM "payment_case" AS p WHERE p.id = t."case_id")]::text[], NULL)) AS s;
INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT pg_current_xact_id()::text::bigint, 'balances', t."id"::text, s, 'u', t."version", json_build_object('id', t."id", 'owner', t."owner", 'currency', t."currency", 'available', CASE WHEN t."available" IS NULL THEN NULL ELSE json_build_object('amount', t."available", 'currency', t."currency") END, 'earned', CASE WHEN t."earned" IS NULL THEN NULL ELSE json_build_object('amount', t."earned", 'currency', t."currency") END, 'paid_out', CASE WHEN t."paid_out" IS NULL THEN NULL ELSE json_build_object('amount', t."paid_out", 'currency', t."currency") END, 'receivable', CASE WHEN t."receivable" IS NULL THEN NULL ELSE json_build_object('amount', t."receivable", 'currency', t."currency") END, 'promo_credit', CASE WHEN t."promo_credit" IS NULL THEN NULL ELSE json_build_object('amount', t."promo_credit", 'currency', t."currency") END, 'version', t."version", 'updated_at', sync_ts(t."updated_at"))::text FROM "payee_balance" AS t, unnest(array_remove(ARRAY[CASE WHEN t.owner LIKE 'org:%' THEN 'org-bookings:' || substr(t.owner, 5) END, CASE WHEN t.owner LIKE 'user:%' THEN t.owner END]::text[], NULL)) AS s;
INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT pg_current_xact_id()::text::bigint, 'payouts', t."id"::text, s, 'u', nextval('sync_version_seq'), json_build_object('id', t."id", 'owner', t."owner", 'currency', t."currency", 'amount', CASE WHEN t."amount" IS NULL THEN NULL ELSE json_build_object('amount', t."amount", 'currency', t."currency") END, 'netted', CASE WHEN t."netted" IS NULL THEN NULL ELSE json_build_object('amount', t."netted", 'currency', t."currency") END, 'state', t."state", 'trigger', t."trigger", 'failure', t."failure", 'created_at', sync_ts(t."created_at"), 'updated_at', sync_ts(t."updated_at"))::text FROM "payout" AS t, unnest(array_remove(ARRAY[CASE WHEN t.owner LIKE 'org:%' THEN 'org-bookings:' || substr(t.owner, 5) END, CASE WHEN t.owner LIKE 'user:%' THEN t.owner END]::text[], NULL)) AS s;
INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT pg_current_xact_id()::text::bigint, 'uploads', t."id"::text, s, 'u', t."version", json_build_object('id', t."id", 'kind', t."kind", 'state', t."state", 'filename', t."filename", 'content_type', t."content_type", 'size', t."size", 'sha256', t."sha256", 'width', t."width", 'height', t."height", 'reject_reason', t."reject_reason", 'version', t."version", 'attached_at', sync_ts(t."attached_at"), 'confirmed_at', sync_ts(t."confirmed_at"), 'created_at', sync_ts(t."created_at"), 'updated_at', sync_ts(t."updated_at"))::text FROM "upload" AS t, unnest(array_remove(ARRAY['user:' || t."owner_id"]::text[], NULL)) AS s;
INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT pg_current_xact_id()::text::bigint, 'disputes', t."id"::text, s, 'u', t."version", json_build_object('id', t."id", 'booking_id', t."booking_id", 'case_id', t."case_id", 'milestone', t."milestone", 'state', t."state", 'reason', t."reason", 'category', t."category", 'description', t."description", 'claimed', CASE WHEN t."claimed_amount" IS NULL THEN NULL ELSE json_build_object('amount', t."claimed_amount", 'currency', t."currency") END, 'opener_side', t."opener_side", 'opened_by_id', t."opened_by_id", 'assignee_id', t."assignee_id", 'due_at', sync_ts(t."due_at"), 'decide_by', sync_ts(t."decide_by"), 'open_offer_seq', t."open_offer_seq", 'outcome', t."outcome", 'refunded', CASE WHEN t."refund_amount" IS NULL THEN NULL ELSE json_build_object('amount', t."refund_amount", 'currency', t."currency") END, 'released', CASE WHEN t."release_amount" IS NULL THEN NULL ELSE json_build_object('amount', t."release_amount", 'currency', t."currency") END, 'decision_reason', t."decision_reason", 'last_seq', t."last_seq", 'version', t."version", 'created_at', sync_ts(t."created_at"), 'updated_at', sync_ts(t."updated_at"), 'closed_at', sync_ts(t."closed_at"))::text FROM "dispute" AS t, unnest(array_remove(ARRAY['booking:' || t."booking_id", 'org-bookings:' || t."organisation_id", 'disputes-admin']::text[], NULL)) AS s;
INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT pg_current_xact_id()::text::bigint, 'dispute_entries', t."id"::text, s, 'u', nextval('sync_version_seq'), json_build_object('id', t."id", 'dispute_id', t."dispute_id", 'seq', t."seq", 'kind', t."kind", 'author_id', t."author_id", 'author_side', t."author_side", 'shared', t."shared", 'body', t."body", 'message_ids', t."message_ids", 'upload_ids', t."upload_ids", 'amount', t."amount", 'data', t."data", 'created_at', sync_ts(t."created_at"))::text FROM "dispute_entry" AS t, unnest(array_remove(ARRAY[CASE WHEN t."shared" THEN (SELECT 'booking:' || p."booking_id" FROM "dispute" AS p WHERE p.id = t."dispute_id") END, CASE WHEN t."shared" THEN (SELECT 'org-bookings:' || p."organisation_id" FROM "dispute" AS p WHERE p.id = t."dispute_id") END, CASE WHEN NOT t."shared" THEN 'user:' || t."author_id" END, 'disputes-admin']::text[], NULL)) AS s;
INSERT INTO sync_grant (user_id, scope, source) SELECT g.u, g.s, g.src FROM "serviceman_zone" AS t, LATERAL ((SELECT t.user_id, 'job:' || j.id, 'zone' FROM job j, serviceman_profile sp, user_account ua WHERE t.zone_id = j.zone_id AND j.state = 'open' AND sp.user_id = t.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.category_ids) AS tr(value) WHERE tr.value = j.category_id OR tr.value IN (SELECT kc.id FROM category kc WHERE kc.parent_id = j.category_id) OR EXISTS (SELECT 1 FROM category c0 LEFT JOIN category c1 ON c1.id = c0.parent_id LEFT JOIN category c2 ON c2.id = c1.parent_id LEFT JOIN category c3 ON c3.id = c2.parent_id WHERE c0.id = j.category_id AND tr.value IN (c0.parent_id, c1.parent_id, c2.parent_id, c3.parent_id))) AND ua.id = t.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(ua.roles) AS rl(value) WHERE rl.value = 'serviceman'))) AS g(u, s, src) WHERE g.u IS NOT NULL AND g.s IS NOT NULL ON CONFLICT DO NOTHING;
INSERT INTO sync_grant (user_id, scope, source) SELECT g.u, g.s, g.src FROM "organisation_zone" AS t, LATERAL ((SELECT m.user_id, 'job:' || j.id, 'org-zone:' || t.organisation_id FROM job j, membership m, serviceman_profile sp, user_account ua WHERE t.zone_id = j.zone_id AND j.state = 'open' AND m.organisation_id = t.organisation_id AND m.status = 'accepted' AND sp.user_id = m.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.category_ids) AS tr(value) WHERE tr.value = j.category_id OR tr.value IN (SELECT kc.id FROM category kc WHERE kc.parent_id = j.category_id) OR EXISTS (SELECT 1 FROM category c0 LEFT JOIN category c1 ON c1.id = c0.parent_id LEFT JOIN category c2 ON c2.id = c1.parent_id LEFT JOIN category c3 ON c3.id = c2.parent_id WHERE c0.id = j.category_id AND tr.value IN (c0.parent_id, c1.parent_id, c2.parent_id, c3.parent_id))) AND ua.id = m.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(ua.roles) AS rl(value) WHERE rl.value = 'serviceman'))) AS g(u, s, src) WHERE g.u IS NOT NULL AND g.s IS NOT NULL ON CONFLICT DO NOTHING;
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
    "eJztfYtz4ka297/SRdVX8dwi3hnPI3PJ3lRhzExIPMYXcJLdcYoIqW0UC4lVC3u8d/O/f3"
    "1aD/RGLSRoaXpra2KkPkKc049zfuf1f52VpWGDnI43zsL6MnzEptPpof/rmMoK0z/SbndR"
    "R1mvtzfhgqMsDDbeYgPZmAVxbEWFx90pBsH0koaJautrR7dMetXcGAZctFQ6UDfvt5c2pv"
    "6vDZ471j12ltimNz7/Ti/rpoa/YAIfP3fWm4WhkyXW5gp7JV3r/A6D1g/zOx0bWuRX0Jv0"
    "Frs+d57X7Nq5fj8ynQ9sLLzGYq5axmZlbsevn52lZQYEuvvb77GJbcXB8A2OvYHfBa/tMc"
    "D/qe5P2A5x3z1Eo+E7ZWM4IT4s5ttrnfn8ajybT4ez+bzDwTnVMoHr9FUJY8A9vMK3/312"
    "9vr1d2cvX797//bNd9+9ff/yPR3L3jd567u/3JfZcst9FOPZ6OPoagYvZFHRuhKHC38xGs"
    "VRXComoi33MUybeZoMbm5GF+kSCNPE5LDZ6NopUMal4fNeWHHkcHbwY39y8vrdC/Z7LeLc"
    "2+wm4xBj75ad9IlYWSWZOVgqdjoztxQxVtIbZZjoX9hycbvCDzGrV8qXuYHNe2dJP756l8"
    "PWX/oTxtlXLme3s/bKu3PGbkUZzLjDwV5/fBuZe/a+CHfP3mezF+5F+fuAn3nY6w0Xmbsd"
    "sln8iVUH6VoP/azcPShohQlR7jHy3l4Ixi8sLYXzP03HV+mc98fHWK/p9Jf+B9HjN3EgHl"
    "EEVFNAT7qNEbw1su4QXGDHCDq5noxn48H4EhEqJDoeudvBXjs2sA0esiLkX0aY9Sef+r/F"
    "pTK4HJ/Ht3Z4wHlMQirdqJ1Ap4nK6YLecfQVTpdVlDIuMY/01P9DHLkV35joD9TGpvHsHd"
    "o5opmNPg2ns/6n64h8LvqzIdw5Y1efY1dP4idE8BD062j2I4KP6J/jq2FcjMG42T878E7K"
    "xrHmpvU0V7SQfuFf9bkWkXpcl+WRe5y2Asl7ryyK4BsiaJ8nuZJWHAev1g5JSjnTFgmT7L"
    "ZIqlrIL+u1SM5evfnuzfvX794EhkhwJc/+8G2NLUMNhThzbNuWnWTpDH/J4GmUqpRm0aBF"
    "Mvxtln9QBWvkcnz10R8eP73++gvM67uHkIkHFxaK+vCk2No8ccc6s7LGJm+tzlbxK4pJ9S"
    "fN+8Xw+zws4tq2VKpcYS0TrYiN6OYBFmt/7BwHgytFLj4zUW1WmM2qwK79PYZoSOxCSOwi"
    "LLuiBkuYRmSrpaRN+O5NAcvk3ZtMwwRuRTdxkQAicfdxDohou6mVUChjtNKUEEXDzDIlBD"
    "mXRxrVUy0Hm+rzBKuWHT3GMgflns76dvjcQ1J2ns6dPrIxnWfEQStFA1DAWSLFRKGv/vZn"
    "/NxDuonuDP1+6aCN6egG+oM4irMhfyCdIIKdLiAIJtJd1Ts8q6r/hluTToE1naX059h4bS"
    "jPWEOOxTAMQjmIiGqtMf0ODQAl72lw07ae2MOe8No57WRpIIwa7gIPpebRCM0jkFlhlN8n"
    "kDpHAZ2jfSB0SdaevX1bgLd0VCZz2b0od21r43BN3oBAcrgYh+/o92N7bXv7a1E+x8hayO"
    "3qtwrHesAmj20SEEjDJA7XYYXgOVNfeO2SGGkLzZKGmCGFgG7VWq10B1ifVCEti8rSzMJO"
    "QnQxGS8oYV1iDa4cVq7n4/FlRKTnozj4evPpfDg5ecVkSQfpTkR/DIeFgGmRZPd0pRhGps"
    "6+pSrlWxAMBfc099dn370LdHX4kKedTz/1Ly+T7FxiatnZKfzMdpeHSPbymAvG1EP7wNOj"
    "FM51U7GfueIUFs8OJq3i97nHwoDflN3no6v+5B/pvpzzFJaf/2M27Dc67ECQkL1GnMmCYI"
    "Of8GpBt8alvu6kgIKhu908NHAVHVcACNwQbH9D0NpQVAxonGIiy75XTJ0oMIjeohP46RSN"
    "HERPQtshSCEwSDcfdYcNYSgbPAYpqorXdITrNI7hgfV80S2d86qhm5igEwWtbetRpycMUh"
    "XTtByETdsyELFW2DIxoszC3wCsaD/qKqaSePE98qi1LsJf1roNfxj4zgEcERDHlfWINbTl"
    "Kn0jG1MiA9PliU7ghZSNpjsIFoSBHjCmQ+hV3UZLepRZ9vOLbMwx/PPZIPpm+2GP2QbXMe"
    "KEO3+/25huNBn7JvjnzQ+dw+9DO82vbIyRzp8MlGZoblaM1yP6Goqp4hTExhAesOmMf70a"
    "TnrIeqJvc2t+6l/1P8Jnd5+iV6bDyS+jwZDe6IVWTnx9HycMOUuhLyaeTMW+RgF12G6GNc"
    "5FQI2ZX0az4UUPefS3Zn8wGF6zS+5m6D3z6DJxt1FSQlGKUh4kSk/qSeWwi0d6GnqHVsEY"
    "vRDF4UL0XtUkyqpD9JplXMhAhN2rqEhMs7eVzxfPnIE9CcI91LrmWPYcGHpYsebkbQqpdF"
    "HE2At2CidbQySSnWmBwumTN8niD5aN9XvzZ/ycUG5jjPXzkmOPayaLt1e3e5atPAVmcdq6"
    "pX+4hjqTR3866F8MO4mJXAGLb7zHtJS1obW7m6Xbs+lwjBXzDNvJ18QxHuEufQt0dXN52f"
    "nrOHhkZN9Iq3cQ21dyCh7ERxZAJQMgb7EhAO4Ravk6CK/WhvW8RfCwyeL9dOLBFRpaPEOs"
    "oItmsHsejkFOUxDJer5kd2kGCekdFdJj/03wOTsgyB8vMoxXMhLo1buXhfCflzkA0MtEZB"
    "td6eb9nGxSKjBk4gNRIpnFF4cIPP6o1iYtmm0XWwMyydg4YyWUVSk7JZSVzer2QlmbtVZS"
    "6lFKKXVRpJ7iBvDePoRUgALMi6+FaCQStAMJAl5JfGIn9BOaUhETekIn+GQ0mOWZ0CG7dh"
    "vkkeT5uUf84ecJNgJLNp3d0VidljA9svD/bZl4bujmw56cCmMI/6TPbCu/PChhT25N3ae0"
    "BxCLxbRaD/Qhe/Lo3H1Ki3jEhfGFQ2PoKXFnW2nWos/QsYlnFv2nwNSLPK1FnOUARCeUAZ"
    "gsZyxzKQUQjdzv5gGitjtyHiRB7UZEqZSQR4YYGZRvU5Bh3esmBD7eKSvdeH5xikDTZOjk"
    "9Mf+t2dv37HUZ5Ce9j2yLS+OkqyxqSVztuv4kltTdzz8lGwwi41EJv7i+OXnWOq2++Dvvb"
    "xu+jb0W4GcjmKv9EhfxiV1R0qcVRTttZuDs7qy4rQPIkT1GgiCBH9xON7ZopwvFbLkwa+j"
    "VNWg2MetPlBzNivbqsqAGRFCiWWIgmUUQbAEClsVTeoNkXKhwFWmVZQQcphO1g8VWcKutl"
    "hm945SSimLLGUWk0TtNL7SHlGqNhQ1PUAZFRfGLMpid3T7WFu9limjaOv0ncjQzkpCO48T"
    "e8i4ngKx+dLIhtbcHV4N4l1qbbEk8aWj4kt4paTVSMo+mwKC1mEgZ2+LHE90VM7BnzigZJ"
    "xkqNdMoTjJs5w4ybNknKRlpLkEs6vnBASH7zYT2i8WG91wdJOcwvcdY8uopaSOje9TowBz"
    "6jEGFFLb3a3trpcWNec2a8NSNE6tN4VUJjw2vhACVcr0R8y5fXT6g9nolyHUPADqW3N6M7"
    "0eXl1AGQSyYR5HqI0wnPSncIm+NRGlLsJaIeTJopoxr/smQdjC87UW4EJGdndkZLf0i8nI"
    "bin1IpHdCTCtSNAsYS1mggpth4ycFVORyw9ylDHGhVkFUd3aPJw7XGGwcVuZFoks3JNf8X"
    "jGNvKrqkD2aVAYT4axf91h7MSwnLlqKPpqXzbRBw3gOW2dTdSs1e/NFTbTer3ycKofPKit"
    "rDp0bkSTmTSnI0yiV6AwzIIHtXSvWujavlPKhWPbOJ3+tGDEqoL9aeA+pcWM2pNBP1mLtj"
    "LHxo86fiLzJxtatqRgkXwaOTys7ayysYr1R5zWFkfyytcyN4s/serAKMCsqzCPB6FHtfS8"
    "W2FClHsMUwwmx75T7JP7uLYzi6QG2dbDqEYuxvAinFeG8F0rtqOr+lppr+Zwh7E21x28r6"
    "n8gT5nRB/TVj5puALY5QIXRF0aySLTcvQ7Xa3iILwKPapN7JKFBA6Ika4Uc762rTs9rXtM"
    "CbYFT73ePrSN3FOXWNtUxLPQs1rIqvCOR6cavsM29oK79uVceAe8jjy5JXzkTEfoQ4evCV"
    "YtOxrmn3K7m5ecwDqFgX3rjxQmOeFcv88MikqNuEyJh/KEn3c0Hjdi3o2H+u+zs9evvzt7"
    "+frd+7dvvvvu7fuXQWBU8lZehNT56CMESXXDIRp+1FR20gIVt5We9pUdARimkbHGu2ONFT"
    "W9d0Iuh/eJ5S6gA7apPoaPPjEmcXA5TtfCQNbXZwWY/fosk9lwK53ZfFtGlEpO6t2TeoHv"
    "qGmS5HF2Os6WQvayLp94o9w5aZm62WwPCCTX90l3oj+b8O4qUar2qSKvzt4XSvN7n5Pm91"
    "7WTzjMhi3zEbJZ38zI9Kx8BI7I9DqrEiSqFe/oiuSHghbrjDT/tz+8THsk1q0IE6QgeEyh"
    "ZkcpJIW6lLP3lF3KhSqFIBte1sDuWJg4H1tDJJKdsuHl/qB1t4qGl/4ZsyeLW5bkEGdtaO"
    "2KVBUplmSSon0k01CydY+Qo5JH89iSoSfLfiBIN3OUjh2jU/UNv3KX1DPE0zNkzTqpV4jF"
    "zhy9QpYALHLYcXV3lvpDg/WHLK1ht65QWEE4WMCCPNplV+Qa3QA1VPtTdeeZh7/++Pb5bm"
    "th7z22VtixU1ic7UkM0xy+pCI/vzsfsQW/Bl1bxvM93WwsG32ihLr3uYt+/Th9/wYZ5v3f"
    "DNe5IZ7ncaWbc8PNQo5pEYalZISghWhicroDInEkVMUefjG+Ob8couvJcDCajjwJBC4Ydh"
    "Mu0Qu63+ayf5nG5DTH2C4mp7rEJJPTmQybGu9M3tJIJhdmMu9M3tJIJhdh8rYWZyws2LIM"
    "rJjZMZOPaSrgglLVxWNfazksj8/H48vIQXg+igX+Xt18Oh9SpeVFlNfJKoqyKGVHFqWUQS"
    "CyKKWUem1FKSOuUdmmvJMDXWblLsqaeIKW5hIsyLMQjw5VIagpvKkT5B9Q9txb9nMnBegP"
    "7nXzwH41PGpnRMAMenhjrGENOcoXy7RWz+hkTY/bBbTx/gFR++EB+noruo1OT09f9BAxNv"
    "cEKTalY9+JdI0kYwcqfG7Froec2O0Kk20Eai5UVei29D0cCxxf01Vh8iZ7RIhqSkho/qQO"
    "MdnaFossaNqHSQ5n27+si8EV2Pal9H1Zl1gcHUy03fUoSpg/lbJDNPNVMBIaVDwmE9yBCl"
    "rTX0DfCll3/nXSRayYPlo8w30/DyRsJQMp3E2oYVU+/NaMhYOCJkdvU6WMKnH0KegEf6E/"
    "1XimVzF7rP2iDg1OBo9UHTxCRZmhW+zuPubTHrD3WGh98bjfp8PJL6PBsOfP/Vvzuj/4uf"
    "+RXvEWRnz9FNL4Km815uhOWgmlbFUvIDigDOqa4HHmFlKn3+Wo0+8S6nT4zRJcnuEvGdpe"
    "jKwFvM4Dl4e/zSK4ciJ2JMCWL8dXH/3h8YCSmIpt01U3V1Z+d+eYMpNTxChOWUrbPozeB4"
    "EY9MSk3+IWHherslHI9baxoS4YX1BbiKZ9Oe6vi9R+yS79kthmNrZXU1Y3N06aeZM53dNI"
    "BZ7yR3Mfr7CmK0m+ZocMBgTNbcHs/gYU1PUj6ETXyN82tkFedJGJHyFH/NmbNOLFD2bUC8"
    "4WWUDQXJFVcSDXIgwv04FLHmGa5oqE/QwCtmtgIeuE2sWwqDSkm2IuHuj0nGEZFGsTXauV"
    "kDSNNVu5c3glczHpf5j1EKO9NUdX88nwl9Hw1x6Vilf5nxpuN+eXo+mP0CR6vVnQCbCEvt"
    "HA4NEvcFGx1aXfhOL4Bp0MGqv01AfdyLyfk82Kg6NRIonWZzBVTbfNdrFV3cswazVjg/2p"
    "RLhbnLaCgDfBLILmxrclwxplMGv2ompmWKMMZv0apZ4VzBpZ616UFWdQRoysfRha9XEZzI"
    "8IjcR5C6PF6PbwCgrG8WqKl7j8KVERJkEoOZtfH82fiEkm110cTUz27q6NFlu6uwubbOdk"
    "BUwuWDGm0czlKhsTDinek7fhGOZ28jd2xEe4O6Fqx2Q0mOWVkJG5CUcN/do2OEuL/oq0P8"
    "sJAIuO46gI/A1BJ5aNgOVrTP8xnVARvm/Ii235X/b4vErBZR4lI7UE0CW6KDtSa0ktKkNP"
    "q+KVbXSEaVoQtXKACKGFbiUZnB0Z5A1vAW8PHRG0UEyTr33IlqIB/UPivnoxvYr3imFgW0"
    "+LUMkpvhQmaq4fWFjXPLFUXTGyEnmz5RKnE0M08LWtEY1053ZkDRAJoEu3iZQ6r9tEmEYn"
    "cf3vqPna1QD6Ryvu3hJecuSuJhGoou1Q/C7eh8H7RZBEPZ1Q0qF+Tu6WBPobwdWdAH/l6b"
    "L0/rVt3emMZzm9TfxB3YLtTdah8bKAeWuRTYm5HQhzCzmouJCFOJ0YyEKp4H//p3hFh0JZ"
    "AOFWR2KidUtrhblL6oaJStbUFdM7mMb2KkrqugzjrA4dJpJcLsBlGckvI/mbw1jVWq1Bjd"
    "bm6dV4MlmbJJTMlYW1a2WnhFezWd1eeFWc/o4iYCTHwwAPiU4JyXqh4Cl1ibVNBirl3+vm"
    "glHhURKCai0EBQdaeovMvNpbW5oDglE3s0FdvK07oecJ4weDq9HblqK5mJOMZpGKt1S8pe"
    "ItFe99Fe8t1/EXFbN33Ld0tKffDf3nNXBxcWTLSDtFaDtlOwtzDJbIVN1tucxxZHyBhCQ4"
    "Z5CzVByk6VAVi2UJrZirzFXH0FpxHGybPaiahRTDoCTPXSgWbYF1g5bWxk5pDFLpk1Msqs"
    "8Raw2+q/O7tLJEsrK01BpmoBul89kfn6cRNXfDTnWtUY0m3uLzUdHdX5I86XK7fIbpDtjo"
    "M7jS2E6f9NizU3T4bCQgIGhfVY+3BTCAt5kQwNs4AoCzqs2nMxbvUWD+a2JrcNjznWMxsi"
    "oPNHG32PLlPMLqRSwyhLcYQhh9biZrd+rPsclVQIfe4WSpUN82LGdgKPqqk6ZnBzfz9Ws6"
    "bK4G4yr1DXwOzDP2Le7xspcum1dhP3Xxp+B5npCFNewOWUw/W8cNSSxV081GAaOULUQBm4"
    "v6JZPYvAotnAdulEqet6LkMbWHnTnqy2FrZAnK0v1hv5RdoAKuFq/V1FTGRvc+kdTBPiFU"
    "ViucXvkpdDdXIfR/nxIdX7FiGJpx27wFiXOKhXMaWEnTwfPQOp9EAnUcQJ0MYOjIchwygG"
    "G/chzSkqnBkgklMXNCsnFCydp8q0aq4NWq4OmzWNqNO+Hu+MLlLv9bp4njz+0U+yY07Xca"
    "N9VbNNJwEclwaVY3cP5V3xlfzS+Gn/pXFz3E1iddMNqtOR38OLy4uYT2cb7XSpD+cU1r+2"
    "djOpY4WOOc93SD/N8bukeCCIJn3Jr9wWB4zS4qKkSx4QxhsWaB15PxR7rPTlm7wLVtwbwn"
    "t+Zg/On6csgeEmTj0qv9q8Hwkj1FBeYZ7CkXw8Hl6AoualiFwsn02vC369EELuEva90WZW"
    "LwloGQFSB6hWsT8BZ/kHUfivOW2qWwLNO3tIxAti1JC2r+xBqPvyxSw5yOym4+/jJRw9y0"
    "UnuOZ1dUCghawN88ZKaOmkrBGVTS6Z8kl60eRXb8bwWWGstYVNrpkY1S1kLJWt3YULw/JW"
    "M1p89fiEZkU6jsgVXkuMo+rOJH1drWVTxXVukVi/Ki1uKUh3PntCSELVLdaKUT8IuVkkQq"
    "uRRHaXE4dL2VkUOUTgqgvAAsRzHKiSBGKYVQWgiwv6f6dbKLRYRIGtAhqAqNqpayEC7ORU"
    "qEAUQppW4rsm4rY2c6MnZGxs7IVjZS6rwlX9QNcawVd6pCjEwG9sS20D+tBSdHtxSyEX2U"
    "l8J2W2oFd71Yn3KhfZKnqTyFSoqcDA2RSG7mBkn6R0+SuzKMLxrGFzukM4L4UjaDClg73T"
    "6pkXO2aIxkcd7md1TjZvCePdUawuVdXdXSWU11qQo4/JP7lHYydqtuFuBnejVhbob+03tM"
    "OzkaOsEjLKXfj65uLi/zwqVjJRdYKY59q0GGS3+05ICLRl8Fual7ciqaFNtGVtE7JtErKD"
    "E6Cx7UVlbZ+FHHT3uyacIe0lYW0bsAnysVzKdB6FHtORki3NJ0st6kxjDyMOrCfUqbphRX"
    "ilDIl6o8w1Y9VxWSVkXSI/eL/+7m7LX7vIH3uJbMQM6UqtC+npJVFd31d1eNcKLjd5bpnS"
    "0x8mi/IWipU6vVfu4hTLeGZ8QSP5C6VMx7jJ50Z4melhZaKRpGupMszLvnsyrO6pKlyuDe"
    "IUqVQfHleU6GUboMolTtK81Zfa6OY/FzOUzTwjDS6plMd0vLnttWWnnOnNySCJXAkzkAJr"
    "uhfsVd5J5O9KKirXT6mTwTB6/iO3yhwN6zIpG9Z9mhvWdxidhYIWmwXbY0thQtSEQ5QKKP"
    "DDrJ5n4zww+KBJ24exafqyxMI31l0VUkC+DIKi0igeK8VVrY2j6cZ1fMPWAnV8M7ILevoc"
    "7SLAO3/ACDXCYZzUoTY7p5mIIXBz9XQ1RzW3YxbX35FpVy5N6yn1OPspyUxSiZwFZQSeW7"
    "+k6mMlqpSg1sbaRVGMuesP749s3U6q1wolprPH/AXEnMEaJqbPHj4q0RJp8VssXPcmzxs6"
    "QtfmdjPN+Yjm7MWZe6JLszUe00UpEzBzueYkE5jhQHGVghDnKWOkGGRS8t8B1VPVlXP1bT"
    "AunQ5w/jgqhUxYk5d5S3izWXOLYUQkuBKnaA/AGffXAQrZVn4oqC0MWNkXUXvc8SVI8jiL"
    "VtPeoatufszThlkk4stHiA71QcGJNvwsKgC4ZOsO+ZWOg55tC1skIPGK8Ju0QPSec48oEi"
    "QDxnhD9eQrVFoFqZblnpZJXIdzar24t8y3TLtknd51E83TIBJR8JmwtK22Qic9ER3UK43L"
    "ZgjkTluhKVazoq11GQ/7KIGJv77xF9KMSIOeoSE6Q71BrZLLwhuhvWKSE8UU4OCeHlWXAE"
    "KkPb3xCw1Ux04n6E6tJ3uoFP4eKLMtNZ4nxNxfkWCtHJfG3pqTk0mdZcnExo6GKroCD6f3"
    "cZsJgzxKoudtGrty9fov+h/0H/T4IVEqyQYIUEK74qs1WCFV+j1AUHK6ZMN712VdNOClYR"
    "HdAtAlVE9d1CSEXnV/BxeA9AJsYaQY6FHijDkLKwNg5SPK26h6hKHa5WgE7op97fwZj64Q"
    "W9g1wbIZKsVOnTb01YAWtM/zGdUGA9OoE20P7YU3RlIZt+wf+4VgAE0mlUXF1E1Qr0S3/2"
    "rY3vdeJgG2vMH3dreksG/bmxdQLVR+n315EsJdGaqtEad/JwGVEBRessqOpRl4PiBOUUd3"
    "95H0iBrxwJeFSc+XZDSjI7tw91klh2pObpSE3ZZ25WC74dJErVPhu18ikePlZ5GB2nax2r"
    "q8+rlFhAp0osQFqF2ayWVmENVuFM+ZLlu/ZvdYtYgtBdpLC3ukMfjRbPEfMHnfwXNaBYUY"
    "knavlgRL8Jv0ipRsFFKu0pwe0psY7qOmyrzmg6Rq9fvXuHVLp80MnH8y7qD7voZvrtoM+A"
    "hv8q4yKsoZmwV34TljJf+G0KpdAOLPqeGZ4rlU44uk8CZhQOjD6OF2traM0tOPcSAsk11V"
    "KoxbbVOrDYegCYbeUAb47opu4LC6AUSBiIomroJHTXemJBJS++d9+hB4ifYtBrntS9ukX0"
    "kksWRFn7hMWEfRiDEZINwPzjT1EIUR1uLb7klDgVo78QAzHQl99LMNKXXJedLn3JwtuP0p"
    "eczepm2o/Sl/w1Sl1w1OBcj9rKocvd3HKW3oBKw9k/+8Xptw7azu/SyhfJyi/TLFW2Sa2i"
    "d7NsUZ5QY4soscVblK8wIXSTTDJ4hr9kzOwQSQuMhLwTdfjbLHKYJvrPBgfq5fjqoz883p"
    "Q2kShOdx+qs7DqAbwKT5Ja9qEVR8dJqrY5lXGH5mbFhByuXRbFJQ9fIhcKiemPmHOxdfqD"
    "2eiXYQ+51LcmMPZi0v/1qseKamu28mTempPhT8PBbHjRQzb+E6v0zW/N/mAwvGbXFFXFa8"
    "eNyjg+miwN+4407KWJJw17KXXeBsJH6nQrmoSryTzdggLl+rFuCSVr84v4HrJFoKAMLdsj"
    "MLVwbwjO2p+tLe/LmlisGS0Ys+HScDOuVQUt8AbuUxprPe7ZXapEJRXMviq1hIrHyGxgGd"
    "aVGhq4MwKtjyizCUNVWaoPeYLQARMpiD6qC9dYdjNGC12DymxpjZFKPkPGpAlwjnVz0OqF"
    "paUAptl4nj++FWDpoeE8iRN0JE4gLcY9e75sqLS4m76EiaRxEy/komu8LV8CCln96S8JaF"
    "TJTGl1H8zqXqRNVP42RO5TGrnYd3cgCja6At2H2CEjAYyd/YfChzE3eFGnaQ5bQ4pZ7u0Y"
    "uSZ5IVOcK9ZLGsoiGcqO7hh8bWt9glaYynEXepHweDoqx4meCI8Pv1mCz9mIRIysFdw+ND"
    "BhpJnQHwxLyeC5kWo43wFBu7h9Mb45vxyi68lwMJqOxldRa5jdhEvbtKbJsH8ZZ25qs8cc"
    "5rrjJXOLMFfRNLqHp/gvchpdb0laEJJ4iN7KMrC25sDaxUajet98paecfHlx41E6GTteOn"
    "bcZ6TypZwAXDopgNICoC+r22UDnRPEMs5ZnJCvJILviwubKZZrMUl7pFLOIstZ7Hj2JEph"
    "rbHJqaZ1xtfDqx4Cyluz/2t/csGi0wGJgoD1Qf9qMLy8hGteo0i4OvztejSBa/jLWrdFCW"
    "L3Q+rn/N6gFFLpFopy1xU1KeGrjlK20Ffdpi1PRnh0ZISHjPCQmSBS6ryZIEfsDSeclGuu"
    "PO6XeuNU82JkMlpFttE7XOxPuDyhDK/IC6+ILdOMAIu0rbcC3g5Cj2orf6MnTgH+wiqvgL"
    "f/9B7TyN1gJ1tDW2GEpfT70dXN5WWxhKaFZT3Qt9kzoencfUp7mB0P+9uXP4VC/pqywKN7"
    "4YEz4hrKJBNwC8aEvTm1fVSL1ludUYoT/Kjjp05KoKJ3p5sXq2hvx1Rcmm6x3TW9UFhZmk"
    "6oGEbKET0tGGm6UgwjE6HcUrXJv/367Lt3ATwJH/KQyemn/uVlEp508JcUiCo7VNEf34Kw"
    "o0NHKC51TcNp0TF5ZeG3RGJXg6+C6xUWYrfx2rLLAbAxUumfFwdwTeLsrrDmNlYIX0OSBG"
    "GpDU0wycoC8NI7KP1E4nsHZf539fnfruHGmwMeoZJMjRdj2yygbilvJbYIlWRqvlMohDjs"
    "m8RcGPEVlLG7M5kjy1VmMx8ymzllX5CM3VnnLrIVCpUnHgGtU+u4RUHtbDRWjY+UKeSthV"
    "/p9psR2rQ7HN6nFTm+CTCon0dXH3vIO2tuzZ/G5z2oEHhrTm+ur8eTWQ+RzRrQg04hQdQd"
    "9P6AubIaveHiNmAtiXa8OiuUz3+Wk89/lkA7DIU4c4L/lQLa5mTUhamEbebIC3kcOJmO8d"
    "DrvFICHUkhl0CuyECuxBU7EleUuKLMOpBS5806ODL02ZxDUfwSmK3kpQ+CbAh3ukYKqeSu"
    "cHCymHytHE0+ZOnWhrKUq19KaG0fDkluKGNTNsJ0DhdJMPDs4j2jnj9t26I2TBcsFB++Vm"
    "xHV/W1sncg/fX2SW1iVp3OCX9upfglQtMu2yURatlbdYR43NsBOB/9LWk3qMDYlqQaOjad"
    "+YqwsyYeUP65c2co9/duDZWQ9f27dHUc1dXBDfseHPGtP8L80CXsZCefw4WjR3elBNdzyh"
    "XECVvB/roLFiiOo6jLjLy8n6bjq4yovyhZHJnTVQf9Bxk6qW2TCW3li41uOLpJTuH7jrGb"
    "A5vy10F8yse2fXhAfB2ETl+OvIwQlUzM4EjMAL55Ufdc6yBOJxdC5QvBzaqcUyUWuJl+Iu"
    "yO8kg+ReDMis745x6yHm7N/vnNdNhDyoIa2J0S50X1YR0uH0tmMEVIpeNbHOdN0mcnPbXZ"
    "S6yZPrsintowWMBbwipJKmPsszbPRXottmzuJimlwynmzmO4Fq8jL0wkp+uOOmExJHFPzw"
    "hneRJBWby7plVyXyzghApAWpnIkOt/Cq/fAhkioW1U+vZ28DZ55HAXD6vTFxN2X6X4Y2Le"
    "rWJpIvN1jKpmJw3zMScdL77r2cB3jnS5HEqVyCnuY2X1JyyAO1jityrsDG6ms/Gn4aSH/A"
    "qXt+Z0OPllNBh+6l/1EJ2Pj7qK6Vq8NemF/kcY6q5MOvJ8dHEBFxZQE4Z+/jQE0I0OwKsF"
    "fO5ffBrRhyia10zp+CAGC8MHK65kEkWYVGZSlHOq/WnpZil8IUIo4YUmwQv+gcYp8RCZBA"
    "1FBg1ltkyn0mwZicbViRiVCPyuJuC7PeyUaJEIaNFhQ5Wbyto9YpTrxDE+YKyNHLzqpIAY"
    "wb1uHoJxR0fNdX9YxZCFP7fwIwRXpcaJ+kNsxXyA/8IgiDylBLrjY0esygIfkJFnhqXuwS"
    "kqgzcR9sMwWhLQmA1wBMLlOArDNOKfhR06o5FmrSjjEXtzBBdg0SC35CYphkxUo3lklytJ"
    "53UjSpT8aS1O4XdjrQtQ0OnaUFT2t5vPdOq3suwi1cZPp9DQ0h2CTk9Py+BCb94XwIXevM"
    "/EheBWrJWku2Mx/nKIJ0YmupSYeJBlo1BS3vExuchpUXgTChOJvwsd2MCRXbOq5OYRu+gJ"
    "xs/aY9JX1sZMQQnzFMItTSkc6UBxnYuNRpVr2HvXtq7Sx610k36gX1tUATkOWK9ubBubKl"
    "dFrzBN+2b96wKT/nV2BfP4lCeb1UpJaxOXHXoeIhEj6hy+ltez23laKq4uTu1bqopDOAeh"
    "otcdg34hcId0kbu299fQ6wlP96ze4luVTyFyRh57ScpmRFTLpoaSSWVkbYhias6SIOsOKW"
    "ht0TdGJ65R9TcAIf7mEZ2un1+IvJvdKapj2Xx5HluSBi82WGe+YL1fhBZ4Sb8b/QHX/xBz"
    "iUm3UkcWYdsb/YFXCma/yk4UeuCooKKgO9ta7T33G+eulQ6wOh1g0ivTYK/MBYaAt06KT8"
    "a7083zyGjbMbvcMZ2+iT4MPtGd6F6HoeyUd6wHbJ6ivvsHPaINy7wn9BOyTIyAZYhqzQrb"
    "0noeKQZxIJ0al4kguzq+49ZUTAvcREhR2WaKVtYjJnDzREEmfkK29dRFxGLK/RqCian+iK"
    "wnOou/IYg8myoi2CVwpa69YCjw7lrroQBZt6IxNlmULPicoldk3OxR42bZzOKBDAKC1pUB"
    "f/vqrABgQEdlQgbsXlSRWxuKc2fZq3QW745NDtML7bToX11MxqOLHqL2p23p2q05Gk97SL"
    "fIrfnr8LyHnvBCDC8GnAklpeGRCi2ItEDx68n4lxELAF/b1qPu5S0dXxSGpSpZcfsZcaYB"
    "RQvxyrdFAMu32Yjl24wmBO5Rm+BygTr4IdrmmJJfZVzv14cYyGh9CbtVDLtJtEWiLRJtSU"
    "VbrixHv9PVzKZvkfvdPOTFjI/cib+MTYyw6djPrlcLOPQNQeHnIBXu41M0sZ4IetKdJR33"
    "B12lhrImeP6An/9AJwCarJOqb8WPvzXDAeI9GBb6+Hdd++GPF0ixMfIaZ4DjjgXZocUzot"
    "Yett3oR+bCA2CGUEYj+hVZ0MsWawm/UE4QcLRjh84b8ytBmMO1xmturKkwkUp+cFdZmz9M"
    "LzLDO1SZnPY/DqeQ1e1Wab81vZ6E06ApIWG54FOWCU4gU3zyM1VioWvhSrEfqIYPfQv7g8"
    "H45gq+aXAzGc3+0fMBZGoPqhtbd57LwAevi8Brr7PRtdcJcI2FoHCBlz6ByIIsuXLOXhbp"
    "YkhHZTKY3StSVjmbwa0qqxyDhwvx920Of98m+dv+aPayWFjlm0VO8PpORsti1cWP27AOys"
    "HpOF374N1XZ0WSYeionDaziXQYNT0MOxP+UfcKwW41+APqeZKT2fGG/vjmBhtWYfbUEk0o"
    "wezsWd9eMFv2IC2zAEWSciFPFavMVaY0uSLLkjdBvppOVjohpRZynFZKWmRJS+9jpQqo9D"
    "5K76P0Pu70Pl7b+A5D2iru7PBDhkZ2i3ok5+so0e7gcN9hqC4tXcXke8+FyNyE1gbis23r"
    "CS0Vwrx5nmRJkJUX/nLyt+23E0jRSxTdOMDX7Y7uznQXirODHTWuuB4vobpUTNObukUxij"
    "CNxCkqxyn+tdGxM6dHhu3MV7q5cVJQ/OlKMYxMhSj9CQLXR+DVjl6fffcuUIzgQ55ONP3U"
    "v7xMKkYuk7Cp7cXkKL1kccyVusJQWIbPm7qlaR9cX71rZG3rj5QZ87XbtiGtN3he38g0ct"
    "lAkqOBpDRXO5WaqxKubRlInwL6sLdPWNU8RuAuC3xs4plF/6nZ/hbBIKjY+t7Lor7E2j22"
    "+25cVyfFkI4O6ObZzwYbOldCYysucetHPLLcZPgjqFwVD3PlCmWV5Wvh3iHK18oQ1xpDm4"
    "JVUZS7AUEL2VtPmM0xiuuJzeeKq+tlKud5e/RR9PN29XiSoTbZAmmmFp8VarOXFl+14jmE"
    "fKtstdO9XUTpxMHISlXOfbRKmSBVtetD1/BqbTlwmvLGFaeQtq5yzdnbIpUj6Kjs1I+3id"
    "oRUmOvEwrGpuaV9edBgLdUEvjlAH4NfE/mmn6PSYqSk1NrJkomJ3aRuvBQsZaHyQGBZG8B"
    "9lKNlKQZSdn83VK0kMG1HHw2pr+UpPdayuNzmKp97tB6YBWF8HY/CZHU2v2kKfFC4XkLcA"
    "gmnAyNkVXIVBFcLnvzlFjGYwmeRsgkTyXitC+DRUKYCiUHEPwvPjDXI6gkMOur8bht+b1U"
    "yJJHYfHHt09VqUbt5oBLQ3Y9XURQZSVl5nuUH36eYCOofZUe4+BioNfus5q7jSXCHf6qH1"
    "f2mZaJLIe4uhNbXofG1okuf+749XVcfWGxUR8w2/aIrrlpCG7rtN+9nr1Bqzru4l0y4qHa"
    "/Tcbs46KtLgUonQiN6ASUiAhBcRbO0UPRH98C3GSIoW7s+t2J8p2b/enorzdUrSQu0WAkW"
    "xYJAGKHKG1pnD8/Xo6aArH+jqDfMKqS1EsJUwjc5zzc5yDYIgoc7mTnGNBGM1k7c5o6/DM"
    "ioRbT4bT2WQ0mB0r2/laeV7RlxsoBHdSDJnw7W6eGbN2B85Vf6QMkWltiMyf1oJzY91SCN"
    "9GnjWHdNvZIPra6GmJTZbe7lW1RSrUyIYOkUgxoVgtXkNl7YX78w4GbHv9dng9WlGyes+4"
    "5rkLLPteMXW3fDonZ1NIpc8waiM7Slo6dbHK2AFxXYpvcqNWNvSbbP3fHirHs4X0b2Y/ji"
    "ejf7Ji16Hn3Jr+neHF9gbWbs1B/3p2MxnOr4dXF4xKVdbOxsZzLw7r1vxxeElplpRJt+Zk"
    "eDnsT0OjbapPgLM6GO2NuAhuUarr/uhiPr6Z9dBa0anasHFuzV/GowsY9WjpGowZ/nY9ms"
    "AF/GWt25h914ebqwv3SfTo0twnTWaj/uXlP+bbu2vFdnTFMJ7n23Ef+qNLuHen6AYuuD/G"
    "oi6K4Otn2fj6WbJorLS8ara82gsqdLZLFjmWo1DylW5aNqLf65CC8/s4eIO7nWjzMsJJIZ"
    "YpMOXk4O+NpeSQQiysHLyXJUxtpsvlxAtao38qpoY0y8QvRF4w/rFZUlAJYnEFBQe33//H"
    "W+mB0gD9n6llj7HQm9vCxsqDZj2lBKtml6uKEB2+XlWJw4fanP+mtigzPUMGKTRa1VX6dN"
    "VaQUFTOrqLHOVL1z+ieAR46KpW95StTwqXMhYiaaEuVn3jWx+Z44sxjlJVErhTh6OeoTXe"
    "jPiGIO+tS1kadcR3q5S/9+lhxznWRpiofSFTtTA6UMznZfw+6dTNgCo9kx+5cURoaRmaf5"
    "r7PysIATsU1KM4Dl6teXqFhCiErX7VifATea+MThSkYdXQTaouqYqtoZXyjBagQ1FWY41P"
    "y62sYpaPHy3wnWWnwG47op8T1Aepji4IqNm4+Gcf/lPunLTiLLuaHcSIpagFFrWmk/XGwX"
    "OL7vspRmleSm+cVOy83o5iInhT5L02tXsw/jd2S017c3bvM63CxF/AuDdpO222ohciOZwl"
    "0+F0ZpTFlAu1MHyd08LwdbKFoayqWamOkJo2U0vOzEGALNgYDIU46E43wYno9rYGqxDb30"
    "JcCiKAQcIdc7NaJLtzH0gzkzlpX0kVJFnBts1ST1HXvLcP9zRmEC0nHBGlkq0qyuXHrXQD"
    "E8cy8Z4Zcl4I5Cf/cQ1cYZlJckmsEri6J8M+unDshau3t4ldyUDcxFJPso6z6PT59jlNXN"
    "07I6Gjm1uRWOgq4pu3qzc7yDmywndHOq8iw3f2bqIzAPmuVgWBOko1U9c/3N36Wy0T6Q5B"
    "1pMJzZbWBmVkEHgKfZbwF/olxjMdh5P9mur5itQi2X6YN92sdfYL96qNLUO0qw7RDuSS4H"
    "WmfRcmETkI62jmsqM7BmfTGo+gdejOWSF05ywH3TlLojstjht8WioO2iYWYBs81QTdWTa9"
    "qhN31z6BbZnQ2YR9Bx4L4BA6TIq9LlebuC1FI4JuAvFAG8RogA0LZGPBNa7USBd5ITpU2O"
    "oSqw/WpmAowqHDbsSOxU/Z1kLlSHmkFwTI5wTGF1xeNUfpbEMGS3Qrj5DKPtbiAEJJHPBo"
    "ZQhF085qSUr2zZI9c5JjWa/N5OxOSzw0r0TqvxyDj1Ls9STAlG2te7GBcy00WKYmt9bulf"
    "HEtWsqfhgJX1BrlErctgixgGI/+KRodvcBQl2FiecWap7L8O1GM1om5cqk3LI7trdHa4Gr"
    "oyE5uYCjbFKws5yygQGFyBM+4wh1X96tp8LCtKjSbujl8Jfq+1o2o9vFgeD96puJWBtHtV"
    "alIccQ+eEKgPhx0jxTf3w9vOqxuOVb89cx/fPJon9djqezHjIsUiozreKaj0+6s9RsJS1b"
    "Nu8wiJCJGwTqpZsrBDnKQzhb1tuQ0EIxgikm6MFgY91kIDtnOd8oXRNkdK8/UhkBbiSyPO"
    "5wysaVJwiPQFwJBDkVGHsFGgTn/9zGzsY2eVdEnFJYifAGNRxaAuDXnKej67k5R1FCwTOO"
    "3AoYkCfg6IbBam2hlWXi5x6LmPL8bEgnnp+32Jo5TPoR5P1y+eEDgsO74UNA82KjGw49tU"
    "7ha3mxZre3PPr2B8/yg2olLP/ZP/R1G5n4i+NLTtAaGEtPPIUl511skeB8ASGCqV0I1fER"
    "segLFEzRObTEQJMvVRgoRijscRSoaPcKqJQo2BmpzqaAIUPQiaE/0M9eVUChg5Rk2mBHJr"
    "DJVCaZwCalzpvAptK9vtxSDxPKkDRxRCxD0soIVYakHTUk7dhdMj64FQXGa2C6+9sTUWmJ"
    "Md28uDSvRgEUYwkNr7fz39Z9CFbx3CtgBXs0X2M/GbZWddiayFtwM1LEI87GdZKRBf2M6x"
    "R+iuVcDzoIhBoIBP0Dgr4BbmV/t66/X8Pfr+B/a84m/avph+EEhKuY5A7bMOaX4WTav4RR"
    "YP4qRkGTvvbypbay4kI2txSNyDAKcsN8D6WqGAYyMdZIFxGHKgoacuvweTCMUVAyh0bFdI"
    "0eJ5YDMVnzB8wVy5VCKnCI6B3p/d1a/9D7O+zB9D/eQfpDmQVTTzXUVtbfPBrglReoVSxd"
    "7tBBW9Xly01vBoPhkHV4IRtVpbtSNY1d6sigI/AbOQ6KLcVeB0VzoIlatn2ocpuyODK3mm"
    "C8uN4POGMJWikaRhD25OZoe+fS4bcfCJacY9u2Ukq7zqghl+FqilC1IEQxD3Ib/jbLn9cB"
    "4nY5vvroD49P9ijb4zZygvf5AGgK+WGgb0HstebBoNKt1TIHh3RrfY1Sz3JrcRQRPEB68x"
    "Bq006watlRvDV7VLdImjMreVs9lPw5nCXLvgOgx3jNr8/b0iD7Acx5ITSpkGeK7ugt/kOD"
    "A0IGcsp86SNmFgXLhYPHYZoWMrkW0IsxiIPH/vgW8vfVWZGcIToqG145S+QNWYs/sco7kS"
    "NEInPa7aVkW4+6hm3kvjbEE9v4DjvqktX6goTFZ7R4RsExJ8TEV1Q1PRI1WywhEoEz1IGX"
    "JpUDBKK6L8w8IGxzREsqDWyyeqbCSMJSWVJ6GWsiRtocc6ITiOQbVlQWMWsYvPHwnsjzbf"
    "kra2/PleCWRtLAXCvPhqVwBfiHSJrgwRQWmbaxivXHkjX1IqTNWY5tt+6LYDpfb3XL/vX1"
    "5Qgcc15tBTE9dR4uwOM0CpMI6zc6moO6qa6KSvQPbYNdVcMrmswy/rxfAxXuVUPRV8jLL9"
    "PprSVWCi6EhuyJhfSQo3kRm+Mer8WN6O3EJZZllFLmUIi2ugRxKFxDBfJzr6pJeneT7f3u"
    "js4mGM9DBVKqdiKwtF94cFC7ba+2IXnxhNVpcLWEEP6dsQJCCD1OlAoefPWmSBsGOipbOX"
    "vjtWHIdhEEQiuM+fkEQuN9ln3f+zuEyv+AoFgcwbb3sZQg6gBcZVHE2osiPlKriP3wBItz"
    "6yKGyYS1Rjo+5jan+zp8bw9ZT1gDUJshcrDZd5FpOegZO/SjrqHC/SqOk8ePFf4KQFua5g"
    "gKIFRNd0gPcFWbvja05oI/wwJciSwpmE1zbzYVl1WYqkHS0vCCCcvPpYGEDctuxIpyYU7+"
    "HTBK1wBZbV+4h/yEm2dYTujETYpCyp3jtmWiIhO6mgn9TStr7m4RnOsrRim03FYWfFAMbz"
    "N0Tyq/CKU/80SVUWbFmTzxtLHozIH5LqM5swXSTH+P4NGcF5a6YXUZIDqBwRwJ/CU+pFuk"
    "LIDmEc3VEFXFaIxOyMZ9MjV+ISdnLzBGxmxWu6llAzJbuRWGwwIKkTGBztpQnDvLXqH/oB"
    "A68x8hwRlvyXAIYUshtBCYpryGKBPdfLR0FdO/XBWMbr/lot6q9yAzt5S5WS3S1kFuAcYo"
    "obAasIBbkiAnrldmxz9V007c+BCuE/cgJy2bUGwSyr7pQhXiaeu2XjaQvPKdu63Ki0iR+m"
    "UOxmOciS3R1MNw6h0G9xtXHkqESOQp7qVIUBZjDbnzpYvw6f0pmgy+fUn/9+asjHZYfbMh"
    "qsLqax3zpUREiIQWQ8gcilhKwthGUDycvgJnQbso1R6qy+4wJ0FKJHCUtDtagcA2MpNYG5"
    "tvj95SCBxTxPxauoN8S4Z0kVW805Vs8tn8eBYTc3oEPQKRVb5OqJtnUAdR+SKy9897veJi"
    "8AgkGlWS35bjVivl4LhPIvLUF5zthm6mQSXZeY0BQROyGjuf/y90oet1Kvrrd6Sb/A2GD5"
    "35yDCTMm7wCGELveDN9XoLlXMwxYaB7Zny5dq27nT20xMofGJMNw+GJ2z0nJ6E83VofJ0F"
    "8aV7W0j39rHzDWqxzYT3Zxv4XjHm7BMH66NULTTQzl4WybCho7IN4ZcvE5WK6Dfo2pxgxU"
    "gLZ8/OxkwQisxxBhfTN0a61kXUhref1wAcn/SH028/Dj69+B6ZLKadQDWX4i2gD52/6fEc"
    "Agfe8CyNOJ3Ioiq5OIoA99m4fQK2p6oP1Y7IHMyEVzysThC2kNe1bERhxp2V5fjZYTleW3"
    "3pA/Bb1R0+9NMb38L5/KoQf1/l8PdVkr9gYVF9RKXmBQ+bY2QtnMuFpnLOTE5MZMBCbL65"
    "vCVp4XQuUjU0u2hoomaon42wSGFxtscvSlWr008U0IbHhSrru7csN0TWd/8apS54RhBUaz"
    "dV3dBZEczJxuykYKPJQd08cNSODJ/bm/q7hco45KPGIcu67LXXZX+iv4tuKlT1t7nPhjht"
    "C0+H5p4GSSXAExc2U/auQoL2KKWYhRYz/aX393y+oxCJyJsmnWq68Yz+g6jasRGlM6+N6U"
    "8m/GZqnE4aqlG++r18WD0ZhSkyPKVys8hbE11WXWNFrNG1Tzd33haWSULJ3DhzV4qjLtPc"
    "m5lcDVFIdibYqROXP1wRd1GqhoTdPdAndlHQOabrN0bvInfddZGGHXoe/vV7sXPw0MF3rB"
    "kGgWz5ud9GgEdmGeSNEJ7fwt4VHkGm5Xewf8KLpWU9IEhM8E8k8URHxytpVZssC25koMM+"
    "TUxCC0okjmiq0GHOx+PLCMvPR/EAiptP50OqRjL+00G6g9O3MwnGZ58czYRls8B4QWDZgY"
    "2fpms6ITspcOz2ZjcPhqVT72lOgnG74NfOj9YTUkzI0FRMnTDs9hviFl6l/9oOdCxQkJf3"
    "iHSC2LO/Z+VZw0ToAeM1YZepLJzT+N5Z2xfdmhM6F9HTEptR+rWtqxDLBSMXdL4+aND56c"
    "62/k1H0ufozouuF97F6iqyV5agsxCGZk7kbWgqcCabppAelv/CW/WrzKCU3T2JVoePTAkL"
    "lHMWd8aTj/2r0bQ/G42vepEN5tb8MPqNtSPSv0B3osth/2J+Pr66mfagQ4s2X1jmpqBuWD"
    "e8tcJQ4WC+WPNZXBGqwyvtoX1osdENRzfJKXwt71bEqgwgXUPf/oAWCoE93wLOoxMmuoIV"
    "cg+tv2/nULrcchCdOKGEIAoXtf2qKtpWxk4Z41X9ISujfbKnbzPNSsGjfVhzpb7XTTnFso"
    "zc7+5uvhRqzLzbvhybXhsPauwlWyWfQPEPaowtLPorwW5j0Qr06Ga9rN1C99SQ86tPkaRZ"
    "WcPzpQ0oxI4psy9LZ19WX66sKbFeB8pWqKHfrLtjpUIaOTlOEapKWl/WMrkBg/PmA92nQw"
    "eIGEWfGpIpcqhUnGrzRNxTlsyxCb89rWxBnucqhfqAPqzgSnOdWHQK3+Oy3E+hltzn4L4b"
    "BEDmZLNY6Y7Dzf9UeikBDglAIJ9uY1ZrcK5tUuDtbJw0jVYMtBS+7xhKez2xKO7mMg+Ugo"
    "LIXYJOWDi0A3gM8exNqBCo0p+OvPdHJw/42XVogr1vWPelOrxVhvkRCHDbGKUdQWH6QzqD"
    "zLmN6U5KMOe66Iyv5pPh5bA/HfbQ9im35kV/dPmPHmJhzbfmr8Phz/DxCeMH+Pypf3XTv+"
    "wJFe3svttcSzPUMpdRlEjcNfQS/Q/6ZJkaBNndWTZbMO67o/CUO8KCeabLoAyeGyGsAM49"
    "DFzeYaEWwH3PjqMWHd0KHCoNhSCoJYMAxt3b+SY4wptM7ZC+p0qXlQy/y2Z1M/0kMhf+a5"
    "S6+N4xaICd7hfzWmPnesT8MTtdYf2g+zaLdVRVygUNJVp1u63Ts51aSR9YlQ/e7fz6vHWn"
    "hDba36VP7Kg+MWpD8uDX3nCB/WGsU8RKeaB2s+6gJV2CLGy3ZK+IOiqlHdsNeezjqGaXo2"
    "zFUXcrDrdcfAoknVNHeksjcleCSEMO/3C0cUGj9DitCkyc4SDI742S7hQQCLdxEwSZBkLo"
    "6wLieWdbK18XYTfudJsU9QcfRTgM4CiNiPrEdW1JSY2GHpYQ78QLhV4Pry5GVx97yKO/Na"
    "/7owv6UdG1W/NDf3TJAuMV3Si8lmqGPHPraewWTVNqa0yG/3tDjSzgflCa4tYcXvXPmUQ8"
    "V8KtOR38OLy4Ydd8UFQQQdEf5OhmkKtR9ESPkYkspLLhFnWEtCwt+iSo/fDMmSSVIBQ+fN"
    "tt+enuV172PYJfATl+oTNmbzyaI8TbWgNbIM2M0yxLEIo83xnjvdR5X8f6hlprGl6tLQfU"
    "cOT9CiGWhP+KnCF2MbJKYuzav/+AirCxuSpch0haF1L3uhD+8DoHf3idxB9kbStZhFm6IK"
    "TjSUq9kY6nm7VhKVFXSfRON8/xtNmOqbPE8ucteBF29nTR5w6UwILrwQDFcRSwOaU76FBn"
    "1o4UKd76GCGaKjleAK8SXifwJ3sZjMmnFdqWG/4yuhheDYY9hMFrTH/HrdmfzfqDHz8Nr2"
    "Y95C5uCIW+NS9H09no6uP8+sfxbNxjwc9UAvP10nKsW/N6Mv4wuhz6d71Omf7di/Hgxn2i"
    "3wJeDHhKbIA3xXCpDOGdDPsX/+ixmL1n+PTTcODhjH+y8AAqs+HlkF2ipxB2RAEUYVbx9o"
    "IM07TQkq/Dy61h1VBs7HGXg9cJQpH3v7J5oHV0CAsYR/R/p3A8zx+YIBXZScsbWXpol99S"
    "OXv7jmfGbylEnuqdJf6Cpj/2v6XvCvFiLPHk2cFuCgpTApFrXZTb6WuIBLFMhyoK3DtQnK"
    "59O34t+w//trPXbiMag4+y2TzpGhVogunZSTv++BaxvLLMgSXW75c8mYRbAsnOtBRaVuWc"
    "GgiEz3efIGzfBlz9YRegaI7Fw+sYWfs4/apQh9hXOS1iXyV7xIYhywSz81H/GGlj0veqAM"
    "4ER/mTzh360+50e1XOqRejlZIWWdIyCbPSs1/6wrNZ3UyvqPSFf41SF9wXfqGT9YaV8Ek4"
    "w/1b3TxvuBYaJDsOt9arrSoEczq1QyTC+7RZQK3XwcTtjQL+UaT6NW0O1QVCNzBxLDMFBM"
    "zuixemERhEYSz2dgsNBW/9PTLpvz23pszSMgIxFATAq9a6NvStVtwBHDEy4ef7gWM4hGkd"
    "s3uqN5C5a/qbIaKYl7MxunonrShmNS9j7TnRy7fmiT1CaOfk4GY6G38aTnrI381YRBFEJ0"
    "16QU2LW7N/8Wl01UOKttLNW3P6j+ls+KmHyDNx8KqM17KO1tP8ePleQLlo8z+WAlGkrPDr"
    "7LrCrxOFhVXKinuLs25ziOZg2bgl1RR3OlBF8N62Nmt0Qr9vA6nShoPtorUh60/qDN46IY"
    "UZ/pIZphIha8VszwMChr/NIhhAompqgANcjq8++sPjpVRleYzDlsdQDUVnsH+JMhlJWhmJ"
    "VT4SS+jY3CTSojwpOouIplrdmjKQuyJt/9f+iEVYT4bT6/EVFKZNPPPWvBp+HM9G/RkL5z"
    "XpseboisNCegN6X0vyiT11iT52fPmLG+RLLOMRgnwBXryY9H+lw590Z6nZypNZ5pA5K+IR"
    "P8v2iJ8lPOJrW7ds3eGpaRsmEbcyCmWrco97aKnfL7HtFkFBuldbFSSF2JF/HAxCIUS/Nz"
    "Ev3hYjk1ZyVF/a4BJOlS3VQXzPVemvJtX/0PSyjzSsaIZu7g9iCu5RSTrSbExXcRk/WoSw"
    "UVJ335xuZwt8Z9kYbSfv1yV6Dau6hlNT83es9jChDDYRWcYArM2tO6gOQvC/OPSTJKHoPh"
    "P2ssjTI4P6+xb4SZEPLB5eSbE2jmplpYAVAEa35AIHTHYmww83V0xZv9uYGqjvXreKoFXF"
    "9PpyNOshsjZ0QfIp3XctZTsnSAVeG4Jbzt4EKSmGOK2UQ1k5wJkOQYYlguhTSFtXHunVy6"
    "J5TLmJTGmZlPRoKuGVTBDKGklJr2SJ4nb71bU7RKvSkjP4fZH5+z579r5PzF1opMOpVYZJ"
    "BEa9qN4IpgsgAt94DYNYwUnK6NXCrcV6eE1Sxo1Xyk4ZN57N6mZGEMu48a9R6llx41E/qU"
    "XKLfUwoUS6xBFxcmV74bCcanSUSob20UMykXCR4HGSwR8sG+v35s/4OQFnxXjq5Uycb5/U"
    "TMZur26Xta08BYkXsZlFOeCWpuowtGw6m4wGVCPJzmUJNx+mL4RJCjTiEX74eYKNrPrz0R"
    "yVIWixLWL6XwdI+XF5lp33E/B0Z/KPW7WeDd3Zim1sYgT2h1//xrdHusjEVK9H6lIx6Vv3"
    "0B/UnPrDM0wIUvzUAWq3eBPH7WXyKtmUrZ6vSElR+hzOfgLrj1XnDGdEbeic9ZMCVEOHkj"
    "hghv8uk5tESm7is/UPbubXj8lWZnx+lcU6t6Fi2wix8YcPEDXPfHfep3l/MBhes2qOrv9R"
    "UVW8ZmUe3fsXw8Hl6Gp7H0rK0W0LesvM+rObaY81e94QKAs5GE1H4yuoC+li1LcmzP+Pw/"
    "P+4Oce7HD2PYbTQgyXVGQfLBzPFCYSHgXubNPY3FQIdALnjk0KxotXAw57PNsnZSX2CKFX"
    "Y3tSVshS8ZrkxXRhyzKwYmacRAFRTEpURzfqEpOvAXCIiT2E7mqm8YygLaA7xZBiaq5ICC"
    "IYo6L+8zyX4Hh8GbHrz0fxeP6bT+dDKhsmGjpIdzL8hgtLS3GxZCdW+ONb4CE8dD7FChNC"
    "LRW606cYgz9Nx1cZic9RsjiKpasO+g+rkF2bALaq72KjGw6dyKfwfbzar/9LSFATNEhEp5"
    "IBZ0dgBO8lPGBlvvDicoodOPCAuPDceqW8sotSNVh07g8h6ESzVlQGf1thTVdedJFCEBzP"
    "yJUWEVN2R+hCeyBlTDFdHZouITemqQvmvacrBxcLHv3HiVuhxirPivLHi7GW4GuPAQLUsk"
    "xCwE2qTp3lYglTiRzkyJJemEpWTQ/B6iMypE87m/XN9G4W8Wn76DJnAFmESnq+8j1fIbB6"
    "T89XqFpYMxm70/MVnVncnq86XTrTZ1MdsAOnk+LQCd3t5rlzCB03V7cDdzpz+iaiT0M6TA"
    "7g7ILqhhpyLGblbwi2oROwm1xJP6GT68l4Nh6ML6m97yoMb14k3TdVPPTWvKVTF6/dzgos"
    "y5MOX20cZknRQ84F6rAN/iD6bfQ3ayy1QneynD3SZSOSywbmAefBECKR9blSIl791ZHK1j"
    "yTMI1a2CBYwdMVpKb7NWq6MnqzbVLPit5MqOLH0xc/2kq2uuje3K0t3gfjdiuLrvK2tOgL"
    "IgUR1VpjpnMpXr0tdEKsja3iF+hpqRsYKeazf8fGgK6SFGWxgoeCsvgJJpwC3na0eKai0u"
    "/vISbIckuCsN/s6pIuLUGG/oihYsgJsOFvjA3kdP38IjtWKKR/sNdkf7B32y8eKO9oLnoY"
    "e5vUfnplS3IHm6l0NgSKiPi8/VVQFFINCASuH1g2D/PsfZGQgrP3OT123ieCCtzdhYfDAY"
    "XIcR/H5rFAh/gnz+zKOseD+7uP8lV46M7TfAb4iWPZ9MCkK5xKDZzXlonRekOWUODbe1qP"
    "ncRrQ3mmRy95gkP1D22zNnSoB/oHK3jmgy6Rg72G56eeyp6bxt2iw0asPJMbcSZH5Ff0VI"
    "4QyXM5Ho9TFgg6GgbUklkerbu5SYmoyTm5A4o2ntw1FMmBMyXJ4OwAvy2FyAz2CsGxA9NN"
    "7VcIgqAG5NBfFj9lxYj/k5hn9jJoJvqVhXkKpDiP11kqM72zW1m21sXUZMhFc/PNfP3Vtp"
    "4AN4I/mT3bRY860emzwcW5pi9K4LZqrVY61XltqOd44ujqQxc5X6gIUhymNXwHQGIzHwR7"
    "snWHPhqcqRbyfv18jU2Nfv/3Xoad+kCfsbIeMfEeC01+6PcTRDVt7KFk7rA8lCymc3/uAA"
    "njPryXm18XoADRe11fs6bbg+F6gmPjQzfoJ8ojpubDkPQ7B9f4q3Hvljg0wLOuazAnYuIt"
    "dmCIYQn406G4XHwKqaiWVlSDtcfBdZ9EZLZ3wnEj1hpWB91bYZ1QlptEUV3sge2dkWtsZ1"
    "WQP7VElVt0xysc0xqhElkPLmlovCmCEL7JBgjfJDBY7zDhYPKWooUMflekR8G77B4F7xI9"
    "CsTzIrQB4o5WHORhrztaZN52Nj20WRNsO12kQQo1RHFqXWRDAvej9QChgFD3wVnqBAWzhV"
    "sURQSRLYa4EDKr5OUdtUcplNc6HSc9FSenx1Z6Ko5wOR9gJYbRoS6rYq1iMAQ8OzGoaLB/"
    "Bltl0JFAIMK1ayVlYwnbAd0CkELY6ioUfE0VUzDOHWxC1IoS1kPDdvmSStm0HPSMHci0Nr"
    "cmemr09f5PBfhgulLo/IEcb7K0bOdbCJjRenlwAZ2PYYihjkBs6Zc7lDX+BeYuF/99CpFP"
    "KrZvwuKAVgzhdXGyvp+7Pf6cOfwQqsEXbRQp7T9x9Gdp/0n7T0aRtdv8K8tbac81WlVptT"
    "1XRYRQGw20KWtBm2GcTf3+tDsMs6CP7W6b7Ip+i0ZNmo3p0KXaQ38ssaL9gU5AbWTtFrbW"
    "DhhBL5h99MedYVm2N4oOWHs6Jbuc4u+t60v2sLXYfzlOCX98NeeEQN1IXp8VOCZen2W3wj"
    "57scOwelSMTQqvc48Nn0QeGlyHhkAb2Ywu5Jm+ytzLgvu7tzPYE+Z+PNTuLe3XJfYdmuhJ"
    "IVCDdLUGuFxZWBsHWaaK6e2Vbm4cnNyruKgBNhpstyZnY4M71YFyTQ41rOHaE510LLjFsY"
    "LH5od4F93Cjh0+IDGjDn8AYGsD/xoS6JeS5ipUpN/1hix/shZpu6Z/K3fDhGST+Z/WghTa"
    "K7OlWyTULVAzoXv3XKH622oN/3VD1EKJhKGo18PHqEn0W2aKHjwjJbusfDovG1FK3rQc/Q"
    "7S1ECvgTfuIphPp/CnXwkW9p+CboSaYVZIp7u3bL4SiCEakUVxZFsvZEaHpgTn9pFCKn7N"
    "fJjiuvktlPu6Cq8G3QFDwdQIlHIoNv+r2WjAwaWsCeYu9hmjawNUGE/BKtQn+F1Om+B3ib"
    "qeju4YXLhRQNDC7eTs7dsCHKajMjnM7jWtjH3Dwe5m1mwusVfTKWMrXj1zpqggV/FFJwDN"
    "ONCuu4tOT0/373dSSxHnRwtayaXtNrktNsJkB2yyEVw57KqosH8G1UfmC0yP7xSO52M6Uc"
    "rmYDsdrNiGDvkiBEPBUvpysDaYLv+vjY4dtLQ2VfQDagQAFOkz4GIZKXlC2W0GQiStqSVZ"
    "WZu1OELEu8KS5M1ZZl8NhBqvB1G6o1dAfMDeRHToBvszr/AO+r83wxvof+dS35rT4dWsB9"
    "upc2t+6I8u4d6dQo9jeu9iMr6+hguaba3XuGgzj5rrSrBauNi2XbO1qNYdpWqD8Xho1dvG"
    "jv08d6wHbHI1IorT7aWKN0cG9fRJkXU8vpI6HpGjCULe+UUeIqtA3s1ZeSKJV3TvbR/bur"
    "rspDhvvTvdPN+tsh1Tp+OWywP7tbhf97R0cqLfssKmszHj7KDpZqKaB0CNYVFxcNgb3kLu"
    "vnpZyOvxMsfr8TLZzcwyHZzWdzFbTQ2RNAEsFkpFPeph9tf/B0E6Nbc="
)
