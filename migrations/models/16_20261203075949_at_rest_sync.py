"""Protection at rest (issue 18): the serviceman's exact home base sealed (envelope AES-256-GCM,
domain/shared/sealing.py) with the public area stored beside it, the email's blind index, and
client addresses kept as keyed hashes in the audit trail (its outbox events too) and refresh tokens.

The conversion needs the keys, so it runs here in Python with the settings `fieldsync migrate`
reads (DATA_ENCRYPTION_KEYS, PII_HASH_KEY): existing homes are sealed before the plain columns
are dropped, and existing addresses are hashed (the audit trail's append-only trigger is
suspended for that, inside this transaction). Values the seller tax vault sealed before (`v1:`
tax ids and document numbers) stay readable and are moved to envelopes by the at-rest job
(domain/privacy/at_rest.py). The blind index is filled here too; rows an older release writes
during a rolling deploy are filled by that job. The sync capture of serviceman_profiles now reads
the stored area: the registry's SQL is installed again at the end (sync/sqlgen.py --embed).

Downgrading opens the homes again; the hashed addresses stay hashed (an address is not kept)."""

import importlib.util
import json
from pathlib import Path
from typing import Any

from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True

ADD = """
        ALTER TABLE "user_account" ADD "email_index" VARCHAR(64) UNIQUE;
        COMMENT ON COLUMN "user_account"."email_index" IS 'keyed HMAC-SHA256 of the email (blind index for lookups)';
        COMMENT ON COLUMN "refresh_token"."ip" IS 'keyed hash of the client address (hk1:...)';
        COMMENT ON COLUMN "audit_record"."ip" IS 'keyed hash of the client address (hk1:...)';
        ALTER TABLE "serviceman_profile" ADD "area_lng" DOUBLE PRECISION;
        ALTER TABLE "serviceman_profile" ADD "home_sealed" TEXT;
        ALTER TABLE "serviceman_profile" ADD "area_lat" DOUBLE PRECISION;
        COMMENT ON COLUMN "serviceman_profile"."area_lng" IS 'the home''s longitude rounded to 0.01 degree (public)';
        COMMENT ON COLUMN "serviceman_profile"."home_sealed" IS 'the exact home base [lat, lng], sealed (AES-256-GCM envelope, domain/shared/sealing.py); never synced';
        COMMENT ON COLUMN "serviceman_profile"."area_lat" IS 'the home''s latitude rounded to 0.01 degree (public)';"""

_NOT_HASHED = "{column} IS NOT NULL AND {column} NOT LIKE 'hk1:%'"


def _protection() -> Any:
    from infra.keyring_settings import for_migration

    return for_migration()


async def upgrade(db: BaseDBAsyncClient) -> str:
    from domain.profiles.models import area
    from domain.profiles.services import home_place

    await db.execute_script(ADD)
    sealer, pseudonyms = _protection()
    homes = 'SELECT id, user_id, home_lat, home_lng FROM "serviceman_profile" WHERE home_lat IS NOT NULL'
    for row in (await db.execute_query(homes))[1]:
        sealed = await sealer.seal(home_place(row["user_id"]), json.dumps([row["home_lat"], row["home_lng"]]))
        await db.execute_query(
            'UPDATE "serviceman_profile" SET home_sealed = $1, area_lat = $2, area_lng = $3 WHERE id = $4',
            [sealed, area(row["home_lat"]), area(row["home_lng"]), row["id"]])
    for table in ("refresh_token", "audit_record"):
        where = _NOT_HASHED.format(column="ip")
        raw = [r["ip"] for r in (await db.execute_query(f'SELECT DISTINCT ip FROM "{table}" WHERE {where}'))[1]]
        if not raw:
            continue
        if table == "audit_record":
            await db.execute_script('ALTER TABLE "audit_record" DISABLE TRIGGER "audit_record_append_only"')
        for ip in raw:
            hashed = pseudonyms.address(ip)
            await db.execute_query(f'UPDATE "{table}" SET ip = $1 WHERE ip = $2', [hashed, ip])
            if table == "audit_record":  # its events still waiting in (or kept by) the outbox
                await db.execute_query(
                    "UPDATE outbox SET body = jsonb_set(body, '{data,ip}', to_jsonb($1::text)) "
                    "WHERE stream = 'audit' AND body #>> '{data,ip}' = $2", [hashed, ip])
        if table == "audit_record":
            await db.execute_script('ALTER TABLE "audit_record" ENABLE TRIGGER "audit_record_append_only"')
    for row in (await db.execute_query('SELECT id, email FROM "user_account" WHERE email_index IS NULL'))[1]:
        await db.execute_query('UPDATE "user_account" SET email_index = $1 WHERE id = $2',
                               [pseudonyms.email_index(row["email"]), row["id"]])
    return """
        ALTER TABLE "serviceman_profile" DROP COLUMN "home_lng";
        ALTER TABLE "serviceman_profile" DROP COLUMN "home_lat";""" + SYNC_INSTALL


async def downgrade(db: BaseDBAsyncClient) -> str:
    from domain.profiles.services import home_place

    await db.execute_script("""
        ALTER TABLE "serviceman_profile" ADD "home_lng" DOUBLE PRECISION;
        ALTER TABLE "serviceman_profile" ADD "home_lat" DOUBLE PRECISION;""")
    sealer, _ = _protection()
    homes = 'SELECT id, user_id, home_sealed FROM "serviceman_profile" WHERE home_sealed IS NOT NULL'
    for row in (await db.execute_query(homes))[1]:
        lat, lng = json.loads(await sealer.open(home_place(row["user_id"]), row["home_sealed"]))
        await db.execute_query('UPDATE "serviceman_profile" SET home_lat = $1, home_lng = $2 WHERE id = $3',
                               [lat, lng, row["id"]])
    # The triggers go first, then the columns, and migration 10's sync SQL comes back.
    return SYNC_UNINSTALL + """
        DROP INDEX IF EXISTS "uid_user_accoun_email_i_c48ec3";
        ALTER TABLE "user_account" DROP COLUMN "email_index";
        COMMENT ON COLUMN "audit_record"."ip" IS NULL;
        COMMENT ON COLUMN "refresh_token"."ip" IS NULL;
        ALTER TABLE "serviceman_profile" DROP COLUMN "area_lng";
        ALTER TABLE "serviceman_profile" DROP COLUMN "home_sealed";
        ALTER TABLE "serviceman_profile" DROP COLUMN "area_lat";""" + _previous_sync_install()


def _previous_sync_install() -> str:
    """The SQL of the sync migration before this one, reinstalled on downgrade."""
    path = Path(__file__).with_name("12_20261203075737_consent_sync.py")
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
  IF NEW."version" <= OLD."version" AND ROW(OLD."id", OLD."user_id", OLD."bio", OLD."category_ids", OLD."area_lat", OLD."area_lng", OLD."rating_count", OLD."completed_jobs", OLD."verified_documents", OLD."rating_sum") IS DISTINCT FROM ROW(NEW."id", NEW."user_id", NEW."bio", NEW."category_ids", NEW."area_lat", NEW."area_lng", NEW."rating_count", NEW."completed_jobs", NEW."verified_documents", NEW."rating_sum") THEN
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
    INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT x, 'serviceman_profiles', NEW."id"::text, s, 'u', NEW."version", json_build_object('id', NEW."id", 'user_id', NEW."user_id", 'bio', NEW."bio", 'category_ids', NEW."category_ids", 'area_lat', round(NEW."area_lat"::numeric, 2), 'area_lng', round(NEW."area_lng"::numeric, 2), 'rating_count', NEW."rating_count", 'completed_jobs', NEW."completed_jobs", 'verified_documents', NEW."verified_documents", 'version', NEW."version", 'rating', CASE WHEN NEW."rating_count" > 0 THEN round(NEW."rating_sum"::numeric / NEW."rating_count", 2) END, 'updated_at', sync_ts(NEW."updated_at"))::text FROM unnest(array_remove(ARRAY['public']::text[], NULL)) AS s;
    PERFORM sync_grant_add(g.u, g.s, g.src) FROM ((SELECT sz.user_id, 'job:' || j.id, 'zone' FROM job j, serviceman_zone sz, user_account ua WHERE sz.zone_id = j.zone_id AND j.state = 'open' AND NEW.user_id = sz.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(NEW.category_ids) AS tr(value) WHERE tr.value = j.category_id OR tr.value IN (SELECT kc.id FROM category kc WHERE kc.parent_id = j.category_id) OR EXISTS (SELECT 1 FROM category c0 LEFT JOIN category c1 ON c1.id = c0.parent_id LEFT JOIN category c2 ON c2.id = c1.parent_id LEFT JOIN category c3 ON c3.id = c2.parent_id WHERE c0.id = j.category_id AND tr.value IN (c0.parent_id, c1.parent_id, c2.parent_id, c3.parent_id))) AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text(j.required_documents) AS rq(value) WHERE NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text(NEW.verified_documents) AS vd(value) WHERE vd.value = rq.value)) AND ua.id = sz.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(ua.roles) AS rl(value) WHERE rl.value = 'serviceman')) UNION ALL (SELECT m.user_id, 'job:' || j.id, 'org-zone:' || oz.organisation_id FROM job j, organisation_zone oz, membership m, user_account ua WHERE oz.zone_id = j.zone_id AND j.state = 'open' AND m.organisation_id = oz.organisation_id AND m.status = 'accepted' AND NEW.user_id = m.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(NEW.category_ids) AS tr(value) WHERE tr.value = j.category_id OR tr.value IN (SELECT kc.id FROM category kc WHERE kc.parent_id = j.category_id) OR EXISTS (SELECT 1 FROM category c0 LEFT JOIN category c1 ON c1.id = c0.parent_id LEFT JOIN category c2 ON c2.id = c1.parent_id LEFT JOIN category c3 ON c3.id = c2.parent_id WHERE c0.id = j.category_id AND tr.value IN (c0.parent_id, c1.parent_id, c2.parent_id, c3.parent_id))) AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text(j.required_documents) AS rq(value) WHERE NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text(NEW.verified_documents) AS vd(value) WHERE vd.value = rq.value)) AND ua.id = m.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(ua.roles) AS rl(value) WHERE rl.value = 'serviceman'))) AS g(u, s, src);
  ELSIF TG_OP = 'UPDATE' THEN
    IF ROW(OLD."id", OLD."user_id", OLD."bio", OLD."category_ids", OLD."area_lat", OLD."area_lng", OLD."rating_count", OLD."completed_jobs", OLD."verified_documents", OLD."version", OLD."rating_sum") IS DISTINCT FROM ROW(NEW."id", NEW."user_id", NEW."bio", NEW."category_ids", NEW."area_lat", NEW."area_lng", NEW."rating_count", NEW."completed_jobs", NEW."verified_documents", NEW."version", NEW."rating_sum") THEN
      INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT x, 'serviceman_profiles', NEW."id"::text, s, 'u', NEW."version", json_build_object('id', NEW."id", 'user_id', NEW."user_id", 'bio', NEW."bio", 'category_ids', NEW."category_ids", 'area_lat', round(NEW."area_lat"::numeric, 2), 'area_lng', round(NEW."area_lng"::numeric, 2), 'rating_count', NEW."rating_count", 'completed_jobs', NEW."completed_jobs", 'verified_documents', NEW."verified_documents", 'version', NEW."version", 'rating', CASE WHEN NEW."rating_count" > 0 THEN round(NEW."rating_sum"::numeric / NEW."rating_count", 2) END, 'updated_at', sync_ts(NEW."updated_at"))::text FROM unnest(array_remove(ARRAY['public']::text[], NULL)) AS s;
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
INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT pg_current_xact_id()::text::bigint, 'serviceman_profiles', t."id"::text, s, 'u', t."version", json_build_object('id', t."id", 'user_id', t."user_id", 'bio', t."bio", 'category_ids', t."category_ids", 'area_lat', round(t."area_lat"::numeric, 2), 'area_lng', round(t."area_lng"::numeric, 2), 'rating_count', t."rating_count", 'completed_jobs', t."completed_jobs", 'verified_documents', t."verified_documents", 'version', t."version", 'rating', CASE WHEN t."rating_count" > 0 THEN round(t."rating_sum"::numeric / t."rating_count", 2) END, 'updated_at', sync_ts(t."updated_at"))::text FROM "serviceman_profile" AS t, unnest(array_remove(ARRAY['public']::text[], NULL)) AS s;
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
    "eJztfQtz20ay7l+ZYtWtyPfSii0/4sPs2SqKoh0mkqhDUk52rRQDAiMREQhwMaBk7tn89z"
    "s9eBBvYkCAHMJz69ysBUwDYPc8ur9+/W9rYWnYIKfDlTOzvvafsOm0Ouh/W6aywPQfabfb"
    "qKUsl5ubcMFRZgYbb7GBbMyMOLaiwuPuFYNgeknDRLX1paNbJr1qrgwDLloqHaibD5tLK1"
    "P/1wpPHesBO3Ns0xtffqeXdVPDXzGBP7+0lquZoZM51qYK+yRda/0Og5aP03sdG1rkV9Cb"
    "9Ba7PnXWS3btXH8YmM5HNhY+YzZVLWO1MDfjl2tnbpkBge7+9gdsYltxMLzBsVfwu+CzPQ"
    "b4P9X9CZsh7reHaDR8r6wMJ8SH2XRzrTWdXg8n03F/Mp22ODinWiZwnX4qYQx4gE94+V9n"
    "Z2/e/HD26s37D+/e/vDDuw+vPtCx7HuTt374y/2YDbfcRzGeDT4NrifwQRYVrStxuPAXo1"
    "EcxaViItpwH8O0mabJ4PZ2cJEugTBNTA6rla6dAmVcGj7vhRVHDmd7P3VHJ2/ev2C/1yLO"
    "g81uMg4x9m7YSZ+IlUWSmb25Yqczc0MRYyW9UYaJ/oUNFzcrfB+zeqF8nRrYfHDm9M/X73"
    "PY+rk7Ypx97XJ2M2uvvTtn7FaUwYw7HOz1xzeRuWcfinD37EM2e+FelL+PeM3DXm+4yNxt"
    "kdXsT6w6SNc66Bfl/lFBC0yI8oCR9/VCMH5maSmc/3k8vE7nvD8+xnpNp7/0P4gev4kD8Y"
    "AioJoCetZtjOCrkXWP4AI7RtDJzWg4GfaGl4hQIdHxyN0OdtqxgW3wkAUh/zLCrD+56v4W"
    "l0rvcnge39rhAecxCal0o3YCnSYqpwt6x9EXOF1WUcq4xDzSU/8f4sit+MZEf6A2NI21d2"
    "jniGYyuOqPJ92rm4h8LrqTPtw5Y1fXsasn8RMieAj6dTD5CcGf6J/D635cjMG4yT9b8E3K"
    "yrGmpvU8VbSQfuFf9bkWkXpcl+WRe5y2Asl7nyyK4I9E0D5PciWtOA5eLB2SlHKmLRIm2W"
    "6RVLWQX9VrkZy9fvvD2w9v3r8NDJHgSp794dsaG4YaCnGm2LYtO8nSCf6awdMoVSnN4ogW"
    "Sf+3Sf5BFayRy+H1J394/PSK6cj0Ll4qtgcIFFaVo2RN4HxUb3v/toDa9v5tptYGt/76C4"
    "CM+8eQMQ0XZor6+KzY2jRxxzqzssYmby3OFvErikk1Vc37hfD9HupzY1sqVWOxlokLxUa0"
    "86ChpT92ioPBlWJEX5hoVgvMZlGAIPwew44kSiQkShSWXdHtJEwjsn140M0kvG2LBMWJe2"
    "JygHGbTa2E6h6jlUabKLp8ltEmyLk80KhFYDnYVNcjrFp29BjLHJR7Ouub4VMPs9p6Ore6"
    "yMZ0nhEHLRQN4BdnjhQThV798he87iDdRPeG/jB30Mp0dAP9QRzFWZE/kE4QwU4bsBoT6a"
    "6RE55V1b/hzqRTYElnKf05Nl4ayhpryLEYWkQoBxFRrSWm79AAuvOeBjdt65k97BkvndNW"
    "lgbCqOEu8FBqHkeheQQyK+xP8QmkzlFA52ge3F+StWfv3hXgLR2VyVx2L8pd21o5XJM3IJ"
    "AcLsbhe/p+bC9tnQ/qiJE1kNvVbxWO9YhNHtskIJCGSRwYxQrBU6a+8NolMdIGmiVHYoYU"
    "cimo1mKhO8D6pAppWVSWZhZ2EqKLyXhGCesSa3Blv3I9Hw4vIyI9H8Rh7tur8/7o5DWTJR"
    "2kOxH9MRyAA6ZFkt3jhWIYmTr7hqqUF0c01NvV3N+c/fA+0NXhjzztfHzVvbxMsnOOqWVn"
    "p/AzOzAhRLJTbIJgTN13tEF6PMi5bir2misiZLZ2MGkUv889Fgb8puw+H1x3R/9I95qdp7"
    "D8/B+TfveoAzwECY48ijNZEGzwCi9mdGuc68tWCigYutvOQwMX0XEFgMAVwfZ3BC0NRcWA"
    "xikmsuwHxdSJAoPoLTqBn0/RwEH0JLQdghQCg3TzSXfYEIaywWOQoqp4SUe47vkYHljPi+"
    "7onFcN3cQEnShoaVtPOj1hkKqYpuUgbNqWgYi1wJaJEWUW/g5gRftJVzGVxIsfkUettRH+"
    "utRt+IeB7x3AEQFxXFhPWEMbrtIvsjElMjBdnugEPkhZabqDYEEY6BFjOoRe1W00p0eZZa"
    "9fZGOO4Z/PBtEv2w17zDa4DhGR3frb/cp04/bYm+A/b//e2v8+tNX8ysYY6fzJQGn65mrB"
    "eD2gn6GYKk5BbAzhAZvW8Nfr/qiDrGf6NXfmVfe6+wn+dvcpemXcH30e9Pr0Rie0cuLr+z"
    "AB31kKfTHxZCr2NQqoxXYzrHEuAmrMfB5M+hcd5NHfmd1er3/DLrmboffMg8vE3UZJCUUp"
    "SrmXeEipJ5XDLp7oaegdWgWjIUMU+wuGfF2TKKsOhjwu40IGImxfRUWix72tfDpbcwb2JA"
    "h3UOuOx7LnwNDDijUnb1NIpYsixl6wUzjZGiKR7EwLFE6fvEkWf7RsrD+Yv+B1QrmNMdbP"
    "AI897jhZvLm62bNs5Tkwi9PWLf2Ha6gzeXTHve5Fv5WYyBWw+NZ7TENZG1q721m6OZv2x1"
    "gxz7CtfE0c4xHu0q9A17eXl62/DoNHRvaNtMoSsX0lp7REfGQBVDIA8mYrAuAeoZavg/Bi"
    "aVjrDYKHTRbvpxMPrtDQbA2xgi6awe55OAY5TUEk63nJ9iIYEtI7KKTH/jfB5+yAIH+8yD"
    "BeyUig1+9fFcJ/XuUAQK8SkW10pZsPU7JKqXWRiQ9EiWS+ZBwi8PijWqu0aLZtbA3IJGPj"
    "jJVQVqXslFBWNqubC2WtllpJqUcppdRFkXqKG8D7+hBSAQowL74WopFI0BYkCHgl8Ymt0E"
    "9oSkVM6BGd4KNBb5JnQofs2k2QR5Ln5x7xx19G2Ags2XR2R2N1GsL0yML/t2XiqaGbjzty"
    "Kowh/JM+s6n88qCEHbk1dp/SHEAsFtNqPdKH7Mijc/cpDeIRF8YXDo2hp8S9baVZiz5Dhy"
    "aeWPQ/BaZe5GkN4iwHIDqiDMBkPmGZSymAaOR+Ow8Qtd2R0yAJajsiSqWEPDLEyKBQnoIM"
    "60E3IfDxXlnoxvrFKQJNk6GT45+6L8/evWepzyA97UdkW14cJVliU0vmbNfxkjtTdzz8lK"
    "wwi41EJv7q+IX+WOq2++Afvbxu+jX0rUBOR7FPeqIf45K6IyXOKor22s7BWV1ZcdoHEaJ6"
    "DQRBgr84HO9sUU7nCpnz4NdRqmpQ7MNWH6g5m5VtVWXAjAihxDJEwTKKIFgCha2KJvUjkX"
    "KhwFWmVZQQcphOVmoVWcKutlhm945SSimLLGUWk0TtNL7SHlGq5hUxraWMigtjFmWxO1pg"
    "1kKdIqwhUId9G1Q1dLA16fSjM5Sgk/nj687p6WnBUvN1a6My2rZOH4sMAa0kBPQwMYqM6y"
    "lQnC+NbAjOPQnUIC6m1qZXEoc6KA6FF0paLaXsMywgaBxWcvauyPFER+UoCMnaxMCuKft5"
    "3FzekFWiMtTBak9h+Omq23s5/qkLcLffpAZ+ATqZGTrg2/BOdG/ZyLCsx9WSCKI+yGjXUG"
    "+mQtGuZznRrmfJaFfLSHPsZtdACgj2350ptJvPVrrh6CY5hfcdYkOvpTCSjR9SYzlzqmoG"
    "FALbLMIg48u5RY3y1dKwFI3TJkkhlWmrR1/OgqrM+hPm3D5a3d5k8LkPlSuA+s4c345v+t"
    "cXUMyCrJjfGCpc9EfdMVyiX01EqW6xVAh5tqjdwuuESxA28HytBX6S8fktGZ8vvZsyPl9K"
    "vUh8fgLqLBL6TFijoKDO3j7jn8VU5PJDVWWkeGFWQWy+Ng1ngFcYMt5UpkXiQ3fkVzwqtY"
    "n8qiodYRyUN5TJCN92MgIxLGeqGoq+2JVN9EE9eE5TZxM1a/UHc4HNtN7IPJzqBg9qKqv2"
    "neFyzEya0hEm0StQGCbBgxq6V810bdcp5cKxTZxOf1owYlHB/tRzn9JgRu3IoJ+tWVOZY+"
    "MnHT+T6bMNjXdSsEg+jRwe1nRW2VjF+hNOa24keeVrmavZn1h1YBRg1lWYx73Qoxp63i0w"
    "IcoDhikGk2PXKXblPq7pzCKpodL1MOooF2N4EU4rQ/huFNvRVX2pNFdzuMdYm+oO3tVU/k"
    "ifM6CPaSqfNFwB7HKBC6IuR8ki03L0e12t4iC8Dj2qqeyi+1XwG6f0masKzJzPoWdeeI9s"
    "Kv/gJ9se97Cqk91n3YX3mG+AY5UBf1fBMwvu/keph20YV8FR+U2wzMZLy3bIdKFoKQHMfF"
    "YkPKmpa9KNmKtg8xoHD2oSq2T9pD06FReKOV3a1r2e1jSvBNuCp95sHtpE7qlzrK0q4lno"
    "WQ1kVdhEoFMN32Mbe9HQu3IubDLcRJ7cED5yZld2obHpCKuWHc1aTLndzsu1ZA1SARD2Rw"
    "qTa3muP2RGEaemKKQEEHvCzzsaD5sA6AYQ/9fZ2Zs3P5y9evP+w7u3P/zw7sOrIJI4eSsv"
    "pPh88AmiitvhmEY/zDg7B5OK20rPYs8OmQ/TyOSc7ck5iurvbxwc3iX5qYAO2KSyYL67hj"
    "GJg8txugZmfrw5K8DsN2eZzIZb6czm2zKiVHJSb5/UM3xPTZMkj7PzVzcUOyWwCrY57ztT"
    "Vbl30gqPZLM9IJBc3yU/mP5swrurRKmap4q8PvtQKC/+Q05e/AdZNkqsslEy0S+b9ceZ8p"
    "WV6MeR8lVnMaZEM4ctTSP9HItijSOn//aHl+keyZo5YoIUBI8p1AsyhSQFffiS6G7JvvN3"
    "WQFKpApQsh94DeyO5V/xsTVEItkp+4HvDm63q+gH7p8xO7K4YdmDcdaG1q5IxSBj2Zsp2k"
    "cyvzNb9wg5NHk0jw0ZerbsR4J0M0fp2DI6Vd/wC5ZKPUM8PUOW6pV6hVjszNErZOXjIofd"
    "1srHUn9oiP6QpTVs1xUKKwh7C2yQR3vVR7sso1tvGV1Vd9Y8/PXHN8/HWwt7H7C1wI6dwu"
    "Jsj2OYZv+1iku4aD5hC34NurGM9QPdbCwbXVFC3fu7jX79NP7wFhnmw/eG69wQz0O50M2p"
    "4Zb3iGkRhqVkhKqFaGJyugcicSRUxR5+Mbw9v+yjm1G/NxgPPAkELhh2Ey7RC7rfBbx7mc"
    "bkNMfYNianusQkk9OZDJsa70ze0EgmF2Yy70ze0EgmF2Hypsh1LHzYsgysmNmxlU9pKuCM"
    "UtXFY19r2S+Pz4fDy8hBeD6IBQhf316d96nS8iLK65TyxNCQJ01NydEENyQix48MxkP05v"
    "X79y9fI8VYzpWXZz+6Ha1tZaUhe2VgglRrsVRsjBSkUnP2O7jAfht61p050guqLLGi3AWU"
    "yezAzERcpizH3ZLluGWUjizHLaVeWznuiO+6grq2aVFXRzYteJNQZTVgQYuSChYIXYhH+6"
    "qNeCy8qdML06PsebDsdSvFExPca+d5Y9TwqK0hGxOqghOMNawhR/lqmdZijU6W9LidUdag"
    "vyNq4D0iGy8V3UYQ3N1BxFg9EARqOmHvRLpGksEdFT63Yt9QThB+hVlTAjW9rCq2XjqHDu"
    "W9AKPY5M3aiRDVhAwc/6QOMdnalMkuaNqHSfZn27+qi8EV2Pal9H3ZkUEcHUy03fWgStgI"
    "/2ul25jVAMzRx8LDCqlmUztGsVVNG5oYqTZVp0xHVwwGkLqPQt6jiJ+V5xuB2ETPc4vF1U"
    "JYre6gE52QFUav3734ESkJha3yN9yZwRPob7I2j3meKw4dTXU9ky56x7IJ0ix0olkLKt/v"
    "KZFiWA/fh1hETpfrF6fogt5pI9Ny6JMpbztI0Ra6SRDWdIe9/eZ2gr5/ev09u/6993Ydk+"
    "//1/+SvyKPfZEdZRxIyj0+N4zZLeT4W6m2siM+nK1pxuRS2EcSJWte0Ewt+bP+lOdhdISq"
    "gfp99ZU+pAskm/XHCYYLnqjsK8rZGUL5WgwJDSqeEgTRaApa0l9AvwpUCV/rbyPWJBHN1n"
    "DfT0MO+wCAFO4mdJYqH35nxrKRAKeit6lOoNvwFHSCv9KfaqzpVcwea2cqEDJ2WaTYZSrK"
    "DG1he1d5n3aPPeVD64snwGLcH30e9Podf+7fmTfd3i/dT/SKtzDKhE9U30Le0Z20Sp/ZOk"
    "VAsEcZ1DXB48wtBBa+zwEL3yfAwvCXJbg8wV8zLJAYWQN4nact9H+bRBSFROhyoCxcDq8/"
    "+cPj8cwxANGmq26qLCBmKQWqyam1GacshSXuKY6Lmtb0xKRvcevei1WAM6RVr2woX8sXSR"
    "eiETiUrqzlUsRwybZbEtvMyqvnTyfEykkDbzOnexqpwFP+YMFxC6zpSpKv2RkrAcH+01VC"
    "euJspRuObpJTeB+vquj+BhSUnyboRNfI9yvbIC/ayMRPUKJo7U0a8dJXMppbZIssIDhekV"
    "VxINciDC/RlkseYZrjFQn7GSSM1iMd8HtYVBrSTTEXDzXBnAzLYLuhFhDvDdxtabZy7/BK"
    "5mLU/TjpIEZ7Zw6up6P+50H/1w6VitfRkRput+eXg/FP/Qtquq1mdALMsXZnAoMHn+GiYq"
    "tzv7no4Q06GRJf6akPupH5MCWrBQdHo0QyFiGDqWq6bbaNrepOhlmjGRvsTyX8F3HaCjwY"
    "glkER+KwSIneTyZtSD9V9qJqlp9Kpuo0WepZqTqRtX64MAvBdvC6wyyYH3Fq2Q+8dXljdD"
    "t4BQXj+C4+wDhfSxQkTBBKzuaX5/UnYpLJddfmFZO920vzxpbu9rp6mzlZAZMLFiw8auZy"
    "VS0MJ0ztyNtwhlYz+Rs74iPcHVG1YzToTfIqGMrMy0MGtof68KZFf0W69OYEgEXHcTSk+I"
    "6gE8tGwPIlNiFSNFQD+jvyYtN9gj0+r1FFmUfJSC0BdIk2yo7UmlOLytDTishmGx1hmgZE"
    "rewhQmimW0kGZ0cGecMbwNt9RwTNFNPk63K3oTiCNndxX72YXsUHxTAwpAHxyCFCdLx+YG"
    "Fd88RSdcXIKlOSLZc4nRiigdc2RjTSnduSFc4kgC7dJlLqvG6Tg/W/iet7B80BrgjAF6Vn"
    "YUN4u1PyYdFufEMTTyz6n/3g/SJIop5GfOlQPyd3SwL9R8HVrQB/5emy9P6Nbd3rjGc5rf"
    "X8Qe2C3fWWofGyf05jkU2Jue0Jcws5qLiQhTidGMhCqeD/oO6OW1IxXLMn1GlTTLRubi3w"
    "lGDFwCnbUvZ6iZEJHHnUAnGwSgIIPhrNFILRF0Nx2tCYh+7S7q9AJ93++OXZu/cvP/WuED"
    "afsGEt6bu9KklkrthY+x7GUulBfaQfveQosqZKQcHMgH2vTfrNCne7jjBRyX4de5QsyPQ7"
    "gsBt7aw0jGxrZbIiqBZ6dfrqNdIwnf0YnbDYZ/XFznKqpL8H4zBnq5ow0fGIxTIfjkcuMh"
    "NEZoIcD2OheQuYYdo0vVZlJmuThJK5cebSk12nI7UpffWKFS/k0W3TqY9Xw5W+s2/Ddya9"
    "KNmsll6Uyr0oJaCpJkP9+wShhWS9UCi0OsfaKgN89u+1czHn8CiJNDcWaYYD7d8WXwxtmG"
    "aPmPPtpFcXb+vO23vG+NHgaie+oZCKt1S8peItFW+peIus/dWreG+4jr+qmH3jrv1vPP2u"
    "7z/vCBcXR1KctFOEtlM2szDHYIlM1e2WyxRHxhfIO4RzBjnQb0bTofgdSwZcMI+4q46hpe"
    "I42DY7UBwPKYZBSdZtqAlvgXWD5tbKTuluWOmTUxvQhK01eNdufWeklVW1laWllioE3Sid"
    "z/74PI3oeDfsVA8o1WjijuYnRXd/SfKksywDK2aGrzlMF+PgjBLWxbjgyn45dz4cXkZUxv"
    "NBPLji9uq8Pzp5zWbuxoecVOTpsWen6PDZSEBAIHAITUkQ4F0BDOBdJgTwLo4A4KymEumM"
    "xTv0kfiW2Boc9nznWIysygNN3C22fNWesHoRC/nhrXkSRp+Pk7Vb9efY5CqgQ++vmZNhOT"
    "1D0RetND07uJmvX9NhUzUYV6lv4EtgnrG3uMfLTrpsXiONhrVR3EvPjGwdNySxVE03GwWM"
    "UjYQBTxe1C+Zq+oVYuI8cKNU8ryNI+jCYKlHy84c9WW/pfAEZenusF/KLlABV4uXZDtWxk"
    "b3PpHUwS4hVFZZDctDd3MVQv/3KdHxFSuGoRm3SU+SOKdYOKeBlTQdPA+t80kkUMcB1MkA"
    "hpasuiMDGHaruiMtmRosmVCtAk5INk4oWZtv1UgVvFoVPH0WS7txK9wdX7jcVb7rNHH8uZ"
    "1i34Sm/VbjpnqLRhouIhkuVMYZ/tntvSR92v2FwvOv+tbwenrRv+peX3QQW590wWh35rj3"
    "U//i9hK6RPpeq4LFIOpuE3ls3T1tTMcSB2uc855ukP9zS/dIEEHwjDuz2+v1b9hFRYUoNp"
    "whLNYT9GY0/ET32THrCrq0LZj35M7sDa9uLvvsIUHSNL3ave71L9lTVGCewZ5y0e9dDq7h"
    "ooZVqI9Or/V/uxmM4BL+utRtUSYGb0GQY6gFUkkAVQUlJHirehxDQQ9ReEvtUliW6VtaRi"
    "DbhqQBpb2iG8ObV0VaFdBRmVsDuxflsWk5aYXbswtBBQQN4G8eMlNHeabgDCrp9E+Sy46u"
    "Ijv+NwJLjWUsKu30yEYpa6Fkra5s6NGRkrGa084zRCOyKVT2wCpyXGUfVvGjamnrKp4qi/"
    "TCUnlRa3HK/blzGhLCFilCtdAJ+MVKSSKVXIqjtDgcut7KyCFKJwVQXgCWoxjlRBCjlEIo"
    "LQTY31P9OtnFIkIkR9AIrAqNqpayEC7ORUqEAUQppW4rsm4rY2daMnZGxs7IjlVS6rwlX9"
    "QVcawFd6pCjEwG9sS20D+tGSdHNxQVtqpqBC+FbQTWCO56sT7lQvskT1N5CpUUORkaIpHc"
    "zA2S9I+eJHdlGF80jC92SGcE8aVsBhWwdrx50lHO2aIxksV5m984kZvBO7ZOPBIub2uemM"
    "5qqktVwOGf3ac0k7EbdbMAP9OrCXMz9J/eY5rJ0dAJHmEpfT+6vr28zAuXjpVcYKU4dq0G"
    "GS790ZADLhp9FeSm7sipaFJsE1lF75hEr6DE6CR4UFNZZeMnHT/vyKYRe0hTWUTvAnyuVD"
    "CfeqFHNedkiHBL08lylRrDyMOoC/cpTZpSXClCIV+qsoateqoqJK2KpEfuF//dztkb93k9"
    "73ENmYGcKVWhfT0lqyq662+vGuFEx28t0zuZY+TRfkfQXKdWq73uIOhmukYs8QOpc8V8wO"
    "hZd+boeW6hhaJhpDvJwrw7PqvirC5Zqgzu7aNUGRRfnuZkGKXLIErVvNKc1efqOBY/l8M0"
    "DQwjrZ7JdLe07KltpZXnzMktiVAJPJkDYLIdakveRu7pRC8q2kKnf5M1cfAivsMXCuw9Kx"
    "LZe5Yd2nsWl4iNFZIG22VLY0PRgESUPST6yKCTbO4fZ/hBkaATd8/ic5WFaaSvLLqKZAEc"
    "WaVFJFCct0oLW9v78+yKuQds5Wp4B+T2NdRZmqXnlh9gkMsoo1lpYkw7D1Pw4uCnaohqas"
    "supo0v36JSjjxY9jr1KMtJWYySCWwFlVS+q+9kKqOVqtTAlkZahbHsCeuPb95Mrd4KJ6q1"
    "xNNHzJXEHCGqxhY/LN4aYfJZIVv8LMcWP0va4vc2xtOV6ejGlHWpS7I7E9VOIxU5c7DlKR"
    "aU40hxkIEV4iBnrhNkWPTSDN9T1ZN19WM1LZAOff4wLohKVZyYc095O1tyiWNDIbQUqGIH"
    "yB/w2QcH0VJZE1cUhC5ujKz76H2WoHoYQSxt60nXsD1lX8Ypk3RiocUDfKfiwJh8FxYGXT"
    "B0gv3IxELPMYeulQV6xHhJ2CV6SDqHkQ8UAeI5I/zxEqotAtXKdMtKJ6tEvrNZ3VzkW6Zb"
    "Nk3qPo/i6ZYJKPlA2FxQ2iYTmYuOaBfC5TYFcyQq15ao3LGjci0F+R+LiLF6+BHRh0KMmK"
    "POMUG6Q62R1cwborthnRLCE+XkkBBengVHoDK0/R0BW81EJ+6fUF36XjfwKVx8UWY6S5zv"
    "WHG+mUJ0Ml1aemoOTaY1FycTGrrYKCiI/p+7DFjMGWJVF9vo9btXr9B/0/9B/0eCFRKskG"
    "CFBCu+KbNVghXfotQFByvGTDe9cVXTVgpWER3QLgJVRPXdQkhF61fwcXgPQCbGGkGOhR4p"
    "w5Ays1YOUjytuoOoSh2uVoBO6F+dv4Ex9fcX9A5ybYRIslKlT78zYQUsMf2P6YQC69EJtI"
    "H2x56iawvZ9AX/7VoBEEinUXG1EVUr0Ofu5KWNH3TiYBtrzB93Z3pLBv25snUC1Ufp++tI"
    "lpJoTdVojTt5uIyogKJxFlT1qMtecYJyiru/vPekwFeOBDwpznSzISWZnduHOkksO1LzdK"
    "Sm7DNXixnfDhKlap6NWvkUDx+rPIyO0zWO1dXnVUosoFUlFiCtwmxWS6uwBqtwonzN8l37"
    "t9pFLEHoLlLYW92ij0azdcT8QSf/lxpQrKjEM7V8MKJvwi9SqlFwkUp7SnB7Sqyjug7bqj"
    "UYD9Gb1+/fI5UuH3Ty6byNuv02uh2/7HUZ0PB/y7gIa2gm7JXfhKXMF36bQim0A4t+Z4bn"
    "SqUTju6TgBmFA6MP48XaGFpTC869hEByTbUUarFttRYstg4AZhs5wJcjuqn7wgIoBRIGoq"
    "gaOgndtZ5ZUMmLH91v6ADipxj0mid1r24RveSSBVHWPmExYe/HYIRkAzD/+FMUQlT7W4uv"
    "OCVOxegvxEAM9ON3Eoz0Jddlp0tfsvD2o/QlZ7P6OO1H6Uv+FqUuOGpwrkdt5dDldm45S2"
    "9ApeHsX/zi9BsHbet3aeWLZOWXaZYq26RW0btZtihPqLFFlNjiLcoXmBC6SSYZPMFfM2Z2"
    "iKQBRkLeidr/bRI5TBP9Z4MD9XJ4/ckfHm9Km0gUp7sP1VlY9QBehSdJLfvQiqPjJFXbnM"
    "q4fXO1YEIO1y6L4pL7L5ELhcT0J8y52Frd3mTwud9BLvWdCYy9GHV/ve6wotqarTybd+ao"
    "/3O/N+lfdJCN/8Qq/fI7s9vr9W/YNUVV8dJxozIOjyZLw74lDXtp4knDXkqdt4HwgTrdii"
    "bhajJPN6BAuX6sG0LJ2vwivvtsESgoQ8v2CEwt3BuCs3Zna8P7siYWa0YLxmy4NNyMa1FB"
    "C7ye+5SjtR537C5VopIKZq9KLaHiMTIbWIZ1pYYGbo1A6yLKbMJQVZbqQ54hdMBECqKPas"
    "M1lt2M0UzXoDJbWmOkks+QMWkCnGPtHLR6ZmkpgGk2nuePbwRYum84T+IELYkTSItxx54v"
    "Kyot7qYvYSJp3MQLuegab8uXgEJWf/pLAhpVMlNa3XuzumdpE5W/DZH7lKNc7Ns7EAUbXY"
    "HuQ+yQkQDG1v5D4cOYG7yo0zSHrSHFLPd2jFyTvJApzhXrJQ1lkQxlR3cMvra1PkEjTOW4"
    "C71IeDwdleNET4THh78swedsRCJG1ghu7xuYMNJM6I+GpWTw3Eg1nO+BoFncvhjenl/20c"
    "2o3xuMB8PrqDXMbsKlTVrTqN+9jDM3tdljDnPd8ZK5RZiraBrdw1P8FzmNrjckDQhJ3Edv"
    "ZRlYW3Ng7WylUb1vutBTTr68uPEonYwdLx077jNS+VpOAC6dFEBpAdCP1e2ygc4JYhnnLE"
    "7IVxLB98WFzRTLtZikPVIpZ5HlLHY8exKlsJbY5FTTWsOb/nUHAeWd2f21O7pg0emAREHA"
    "eq973etfXsI1r1EkXO3/djMYwTX8danbogSx+yH1U35vUAqpdAvF65v8a8V2LvrCVUbI1c"
    "/j4XU6g9Op47ufrjroP8jQSW1qRwjIm610w9FNcgrvOwSWB9zKB0LimEdMSvCAOBDirkhS"
    "IqQgStnAkIImnUwyEKclA3FkII5M2JFS503YOWALP+GkXHOBeL8iH6c2HiOTQUWy2+H+Qr"
    "TCVSRlFExeFExsmWbEwaRtvRXwthd6VFP5Gz1xCvAXVnkFvP2n95ij3A22sjW0FUZYSt+P"
    "rm8vL4vlnc0s65F+zY55Z+fuU5rD7Hh05q78KRSZeSwLPLoX7jlx8UiZZAJuwZiwM6c2j2"
    "rQeqszmHSEn3T83EqJJ/XutPNCSu3NmIorCM42u6YXsSwrCAoVako5oqfFjI0XimFkIpQb"
    "qiaFIbw5++F9AE/CH3nI5Piqe3mZhCcd/DUFosqOKPXHNyA6bN+BpHNd03BaEFNe9f4Nkd"
    "hF+6vgeoX18m28tOxyAGyMVIZRiAO4JnF2V1hTGyuEr29MgrDUhiaYZGWdfukdlH4i8b2D"
    "Mk2/+jR913DjTdWPUEmmxmvmrWZQXpa3YF6ESjI13ykUQhx2xNaLI76CMnZ7wnlkucqk83"
    "0mnafsC5KxW8sRRrZCodL5I6B1arm9KKidjcaq8ZEy07+x8CvdfjNCm7ZnLfi0Isc3AQb1"
    "y+D6Uwd5Z82d+fPwvAOFHO/M8e3NzXA06SCyWgJ60CokiLpzEx4xV/KpN1zcPrkl0Y7XZ4"
    "XKLpzllF04S6AdhkKcKcH/SgFtcxIfw1TC9tzkhTz2nPPIeOg1yCmBjqSQSyBXZCBX4oot"
    "iStKXFFmHUip82YdHBj6PJ5DUfxKpY3kpQ+CrAh3ukYKqeSucHCymHytHE3eZ4XdI2UpV1"
    "ub0NreH5J8pIxN2QjTOVwkwcCzi3eMer7adK89Ml2wUHz4UrEdXdWXys6B9DebJzWJWXU6"
    "J/y5leKXCE27bJdEqLNy1RHicW8H4Hz0t6TdoAJjW5Jq6Nh0pgvCzpp4QPmX1r2hPDy4pW"
    "5C1vfv0tVxUFcHN+y7d8S3/gjzfVcalA2X9heOHt2VElzPKVcQJ2wE++suWKA4jqLOuatb"
    "xchkWav8dVCirFXo9OXIywhRycQMjsQM4JsXdc+1DuJ0ciFUvhDcrMopVWKBm+knwvYoj+"
    "RTBM6saA1/6SDr8c7snt+O+x2kzKiB3SpxXlQf1uHysWQGU4RUOr7Fcd4kfXbSU5u9xI7T"
    "Z1fEUxsGC3hLWCVJZYx91uY5S6/Fls3dJKV0OMXceQzX4nXkhYnkdN1SJyyGJO7oGeEsTy"
    "Ioi7fXtEruiwWcUAFIKxMZcv1P4fVbIEMktI1K394W3iaPHO7iYXX6YsLuqxR/TMy7VSxN"
    "ZLqMUdXspGE+5qTjxXc9G/jekS6XfakSOcV9rKw2kgVwB0v8jpKt3u14MrzqjzrIr3B5Z4"
    "77o8+DXv+qe91BdD4+6Sqma/HOpBe6n2CouzLpyPPBxQVcmEFNGPr3VR9ANzoAL2bwd/fi"
    "akAfomhez6vDgxgsDB+suJJJFGFSmUlRzqn2p6WbpfCFCKGEF44JXvAPNE6Jh8gkaCgyaC"
    "izZVqVZstINK5OxKhE4Hc1Ad/NYadEi0RAi/YbqnysrN0hRrlOHOMjxtrAwYtWCogR3Gvn"
    "IRj3dNRU94dVDFn4cws/QXBVapyoP8RWzEf4XxgEkaeUQHd87IhVWeADMvLMsNQ9OEVl8C"
    "bCbhhGQwIaswGOQLgcR2GYRvyzsEVnNNKsBWU8Yl+O4AIsGuSW3CTFkIlqNI/sciXpvD6K"
    "EiV/WrNT+N1YawMUdLo0FJX9281nOvU7jraRauPnU+g76g5Bp6enZXChtx8K4EJvP2TiQn"
    "Ar1krS3bEYfznEEyMTXUpMPMiyUSgp7/CYXOS0KLwJhYnE34X2bODIrllVcvOAXfQE42ft"
    "MekLa2WmoIR5CuGGphSOtKe4ztlKo8o17L1LW1fp4xa6Sf+gry2qgBwGrFdXto1NlauiV5"
    "imebP+TYFJ/ya7gnl8ypPVYqGktYnLDj0PkYgRdQ6v5fXstp7niquLU/uWquIQzkGo6HXH"
    "oC8E7pA2ctf27hp6PeHpntVbfKvyKUTOyGMfSdmMiGrZ1FAyqYysFVFMzZkTZN0jBS0t+s"
    "XoxDWqvgcQ4nuP6HS5fiHybnavqI5l8+V5bEiOeLHBOvMF6/0iNMNz+m70B1z/Q8wlJt1K"
    "LVmEbWf0Bz4pmP0qO1HogaOCioLubWux89w/OnetdIDV6QCTXpkj9spcYAh4a6X4ZLw77T"
    "yPjLYZs80d0+qa6GPviu5EDzoMZae8Yz1i8xR13X/QI9qwzAdC/0KWiRGwDFGtWWFbWscj"
    "xSAOpFPjMhFkV8c77kzFtMBNhBSVbaZoYT1hAjdPFGTiZ2Rbz21ELKbcLyGYmOqPyHqms/"
    "g7gsjaVBHBLoErde0FQ4G311oPBci6FY2xyaJkwecUvSLjZg8aN8tmFg9kEBA0rgz4u9dn"
    "BQADOioTMmD3oorc0lCce8tepLN4e2xymF5op0X3+mI0HFx0ELU/bUvX7szBcNxBukXuzF"
    "/75x30jGdieDHgTCgpDY9UaEGkBYrfjIafBywAfGlbT7qXt3R4URiWqmTF7WfEmQYUDcQr"
    "3xUBLN9lI5bvMpoQuEdtgssF6uCHaI/HlPwm43q/PcRARutL2K1i2E2iLRJtkWhLKtpybT"
    "n6va5mNn2L3G/nIS9mfORW/GVoYoRNx167Xi3g0HcEhZ+DVLiPT9HIeiboWXfmdNwfdJUa"
    "ypLg6SNe/4FOADRZJlXfih9/Z4YDxDswLPTn33Tt73+8QIqNkdc4Axx3LMgOzdaIWnvYdq"
    "MfmQsPgBlCGY3oK7Kglw3WEv6gnCDgaMcOnTfmV4Iw+2uNd7yxpsJEKvnBXWVt/jC9yAxv"
    "UWVy3P3UH0NWt1ul/c70ehKOg6aEhOWCj1kmOIFM8dEvVImFroULxX6kGj70Lez2esPba3"
    "hT73Y0mPyj4wPI1B5UV7burMvAB2+KwGtvstG1NwlwjYWgcIGXPoHIgiy5cs5eFeliSEdl"
    "MpjdK1JWOZvBjSqrHIOHC/H3XQ5/3yX52/xo9rJYWOWbRU7w+lZGy2LVxY/bsA7Kwek4Xf"
    "Pg3ddnRZJh6KicNrOJdBg1PQw7E/5RdwrBbjT4A+p5kpPZ8Yb++OMNNqzC7KklmlCC2dmz"
    "vrlgtuxBWmYBiiTlQp4qVpmrTGlyRZYlPwb5ajpZ6ISUWshxWilpkSUtvY+VKqDS+yi9j9"
    "L7uNX7eGPjewxpq7i1xQ8ZGtku6pGcLqNE24PDfYehOrd0FZMfPRcicxNaK4jPtq1nNFcI"
    "8+Z5kiVBVl745eT7zdsJpOglim7s4XXbo7sz3YXi7GAHjSuux0uozhXT9KZuUYwiTCNxis"
    "pxin+tdOxM6ZFhO9OFbq6cFBR/vFAMI1MhSn+CwPUReLWjN2c/vA8UI/gjTycaX3UvL5OK"
    "kcskbGo7MTlKL1kcc6UuMBSW4fOmbmiaB9dX7xpZ2voTZcZ06bZtSOsNntc3Mo1cNpDkaC"
    "ApzdVWpeaqhGsbBtKngD7s6xNWNY8RuM0CH5p4YtH/1Gx/i2AQVGx972RRX2LtAdtdN66r"
    "lWJIRwe08+xngw2dKqGxFZe49SMeWW4y/COoXBUPc+UKZZXla+HePsrXyhDXGkObglVRlL"
    "sBQQPZW0+YzSGK64nN54qr62Uq53l79EH082b1eJKhNtkCOU4tPivUZictvmrFsw/5Vtlq"
    "p3u7iNKJg5GVqpy7aJUyQapq14eu4cXScuA05Y0rTiFtXOWas3dFKkfQUdmpH+8StSOkxl"
    "4nFIxNzSvrz4MAb6gk8MsB/Br4gUw1/QGTFCUnp9ZMlExO7CJ14aFiLQ+TAwLJ3gLspRop"
    "STOSsvm7oWggg2s5+GxMfylJ77WUx+cwVfPcofXAKgrh7X4SIqm1+8mxxAuF5y3AIZhwMj"
    "RGViFTRXC57MxTYhlPJXgaIZM8lYjTrgwWCWEqlBxA8L/4wFyPoJLArG/G47bh91whcx6F"
    "xR/fPFWlGrWbAy4N2fV0EUGVlZSZ71F+/GWEjaD2VXqMg4uB3rjPOt5tLBHu8Ff9uLLPtE"
    "xkOcTVrdjyMjS2TnT5S8uvr+PqC7OV+ojZtkd0zU1DcFun/e717A1a1XEX75IRD9Xuv9mY"
    "dVSkxaUQpRO5AZWQAgkpIN7aKXog+uMbiJMUKdydXbc7UbZ7sz8V5e2GooHcLQKMZMMiCV"
    "DkAK01hePvt9NBUzjW1xnkE1ZdimIpYRqZ45yf4xwEQ0SZy53kHAvCOE7Wbo22Ds+sSLj1"
    "qD+ejAa9yaGynW+U9YJ+XE8huJViyIRvt/PMmKU7cKr6I2WITGNDZP60Zpwb64ZC+DbyrD"
    "mk284G0c9Gz3NssvR2r6otUqFGNnSIRIoJxWrxEiprz9yftzdg2+u3w+vRipLVe8Ydn7vA"
    "sh8UU3fLp3NyNoVU+gyjNrKjpKVTF6uMHRDXpfgmN2plRd9k6//2UDmeLaR7O/lpOBr8kx"
    "W7Dj3nzvTv9C82N7B2Z/a6N5PbUX9607++YFSqsnRWNp56cVh35k/9S0ozp0y6M0f9y353"
    "HBptU30CnNXBaG/ERXCLUt10BxfT4e2kg5aKTtWGlXNnfh4OLmDUk6VrMKb/281gBBfw16"
    "VuY/auj7fXF+6T6NGluU8aTQbdy8t/TDd3l4rt6IphrKebcR+7g0u4d6/oBi64P8aiLorg"
    "62fZ+PpZsmistLxqtryaCyq0QnrAd9Ac1VHoExa6admIvhpK36hUI0f/D3rfLSygUgyk0n"
    "WkOy8KTv+DwBHsc6dlBBenFDY3ppUUCSJ0v4TutaxNrVe06F434QT6ng2HQkU/Mu2PyVWH"
    "UkiKTQ0p5P5i9BLFGSC2iMugIknK41DivcMQuR42NLcMze1zozjeBNirxu4e6FqpVZZCLO"
    "xCExx59bWTUnJIIRZWDt7HEnZg0R3rxAsbhc3L1JBmmVjoM8lXXEsKKkEsrqBAdfY7cHkr"
    "PVDboQP7UlljTESW1czGyqNmPaeEi2cXjIsQ7b9iXIlT5d62/o1NF/wJqYLQ6lhX6dNVaw"
    "ElhenoNnKUr21fQ+QRYI4saqkr90DZ+qxwmUMhkgZaQ9W3nvaxcb4o/yhVJaFzdYTKMFXL"
    "mxHUJvK+upStX0eGhauvc7I+QtS8oMVaGB2gWaVsjHTqI7czcADxBUGY+7I2FMfBiyVPt5"
    "4QhbD151oRfiLvk9GJgjSsGrpJ1SVmpy+UNZqBDkVZjTU+LbeymnU+gjvD95adAnxvyT9I"
    "UO+lP4EgboWjy0DwAXjl3kkrj7St3UiMWIpaYFFrOlmuHDy16L6fYpTmJdXHScXOrG8pJo"
    "IvRd5nU7sH439jt9i7N2d3PtMqTL0HL9MqbafNVvRCJPuzZFqc7sSyXp1CTUTf5DQRfZNs"
    "Iirr2laqI6QmrtWStbYXIAs2BkMhDvKcKG53ebAKsf0SIsMQAQwS7pirxcw97A6gmcms0G"
    "+kDpmsId1kqaeoa97Xh7uKM4iWE46IUslmMeUyVBe6gYljmXjHHFUvCPnKf9wRrrDMNNUk"
    "Vglc3ZFhn1w49sLV25vErmQofGKpJ1nHWfb9fPOcY1zdW3MRoptbkWyEKjIMNqs3O80gss"
    "K35xosIsO3dk+jMwD5rlYFgTpKNVPXP9ze+FtZNBBB1rMJ7c6WBmVkEPoNnc7wV/oSY03H"
    "4WTHtHpekVqm3k+0oJu1zn7hTtXpZZJE1UkSgVwSvM6OpQuRiBwGeTBz2dEdg7NtlEfQOH"
    "TnrBC6c5aD7pwl0Z0GR+4+Q9TfJrUH2+CpJujesulVnbi79glsy4TOJuw78FgAh9BhUuxz"
    "uRo1biiOIugmEA80Io0G2LBANhZc40qNtJEXogMhnnOsPlqr3YM8awm7ETsbJmVbCxUE5p"
    "FekKKSk5pScHnVHKWzCRnkBohipLKTvDiAUBIHPFghUNG0s1rKAvhmyY5VAWJ558fJ2a2W"
    "eGheidQBPQYfpdjrSYAp21r3YgOnWmiwLA7QWLtXxhPXrqn4YSR8Qa1RKnEbk8QCiv3gk6"
    "L1FfYQ6ipMPLdQ81yGbx81o2VavEyLL7tje3u0Frg6QinxQmNnjuKsUrCznMKdAYXIEz7j"
    "CHU/3q1oxMK0qNJu6OXwl+o7yx5Hv5k9wfvVt/OxVo5qLUpDjiHy/ZXg8eOkeab+8KZ/3W"
    "Fxy3fmr0P6z2eL/utyOJ50kGGRUplpFVddfdaduWYradmyeYdBhEzcIFAv3VwhyFEew9my"
    "3oaEZooRTDFBDwYb6yYD2TkLakfpjkFGD/oTlRHgRiLL4x6nbFx5gvAIxJVAkFOBsVegQX"
    "D+T23srGyTd0XEKYWVCG9Qw74lAH7NaTq6nptzFCUUPOPIrYABeQKObhis2h1aWCZed1jE"
    "lOdngzpMrp+32JrZT/oR5P1y+eEDgv274UNA82ylGw49tU7htbxYc8t6ph+HXv7dr4flWG"
    "7+s3/o6zYy8VfHl5ygNTDmnngKS8672CDB+QJCBFO7EPpTIGLRDyiYorNviYEmX6owUIxQ"
    "2OMoUNEeFFApUbAzUp1NAUOGoBNDf6R/e3U5hQ5SkmmDLZnAJlOZZAKblDpvAptK9/pySz"
    "1MKEPSxBGxDEkrI1QZknbQkLRD96n56FYUGC6B6e5vT0SlJca08+LSvBoFUIwlNLze3psb"
    "9yFYxVOvgBXs0XytNWXYWtVhayJvwceRIh5xNi6TjCzoZ1ym8FMs53rQwyPUwiPo4BF07n"
    "B7a7idNfwuGn4PjTtzMupejz/2RyBcxST32IYxn/ujcfcSRoH5qxgFTfray5fayoIL2dxQ"
    "HEWGUZAb5nsoVcUwkImxRtqIOFRR0JBbh8+DYYyCktk3KqZr9DixHIjJmj5irliuFFKBQ0"
    "TvSedv1vLvnb/BHkz/xztI/15mwdRTDbWR9TcPBnjlBWoVS5fbd9BWdfly49ter99nPZbI"
    "SlXprlRNa6U6MugI/EaOg2JDsdNBcTzQRC3bPlS5TVkcmVtNMF5c7wecsQQtFA0jCHtyc7"
    "S9c2n/2w8ES06xbVsppV0n1JDLcDVFqBoQopgHufV/m+TP6wBxuxxef/KHxyd7lO1xGznB"
    "+3wANIV8P9C3IPba8cGg0q3VMAeHdGt9i1LPcmtxFBHcQ3pzH2rTjrBq2VG8NXtUu0iaMy"
    "t5Wz2U/CWcJcveAdBjvObXl01pkN0A5rwQmlTIM0V39Bb/vsEBIQM5Zb70ATOLguXCweMw"
    "TQOZXAvoxRjEwWN/fAP5+/qsSM4QHZUNr5wl8oas2Z9Y5Z3IESKROe32UrKtJ13DNnI/G+"
    "KJbXyPHXXOan1BwuIazdYoOOaEmPiKqqZHomaLJUQicIY68NKkcoBAVPeDmQeEbY5oTqWB"
    "TVbPVBhJWCpLSi9jTcRIj8ecaAUi+Y4VlUXMGgZvPHwn8nxb/sra2XMluKWRNDCXytqwFK"
    "4A/xDJMXgwhUWmbaxi/alkTb0I6fEsx6Zb90UwnW+3umX35uZyAI45r7aCmJ46DxfgcRqF"
    "SYT1Gx3MQX2sropK9A9thV1VwyuazDL+vF8DFe5VQ9EXyMsv0+mtOVYKLoQj2RML6SEH8y"
    "Iej3u8FjeitxOXWJZRSplDIdrqEsShcAMVyM+9qibp3U0299tbOptgPA0VSKnaicDSfuHB"
    "Qe22ndqG5MUTVqfB1RJC+DfGCggh9DhRKnjw9dsibRjoqGzl7K3XhiHbRRAIrTDm5xMIjf"
    "dZ9kPnbxAq/3cExeIItr0/SwmiDsBVFkWsvSjiE7WK2A9PsDi3LmKYTFhrpOVjblO6r8N7"
    "O8h6xhqA2gyRg82+jUzLQWvs0D91DRXuV3GYPH6s8FcA2tAcj6AAQtV0h3QAV7XpZ0NrLv"
    "hnWIALkSUFs2nqzabisgpTHZG0NDxjwvJzaSBhw7KPYkW5MCf/DhilOwJZbT64g/yEmzUs"
    "J3TiJkUh5d5x2zJRkQldzYT+poU1dbcIzvUVoxRabgsL/lAMbzN0Tyq/CKU/80SVUWbFmT"
    "zxNLHozJ75LqM5swVynP4ewaM5Lyx1xeoyQHQCgzkS+Et8SLtIWQDNI5qqIaqK0RidkJX7"
    "ZGr8Qk7OTmCMjNmsdlPLBmQ2cisMhwUUImMCraWhOPeWvUD/QSF05j9CgjPekuEQwoZCaC"
    "EwTXkJUSa6+WTpKqb/clUwuv2Wi3qr3oPM3FLmajFLWwe5BRijhMJqwAJuSYKcuF6ZHf9U"
    "TTtx40O4Tty9nLRsQrFJKPumC1WIp6nbetlA8sp37qYqLyJF6pc5GA9xJjZEUw/DqfcY3G"
    "9ceSgRIpGnuJciQVmMNeTOlzbCpw+naNR7+Yr+v7dnZbTD6psNURVWX+qYLyUiQiS0GELm"
    "UMRSEsY2guLh9BM4C9pFqXZQXbaHOQlSIoGjpN3BCgQ2kZnEWtl8e/SGQuCYIubX0h3kWz"
    "Kkjazina5kk8/jj2cxMadH0CMQWeVrhbp5BnUQla8ie/+8zysuBo9AolEl+W05brVSDo77"
    "JCJPfcHZbuhmGlSSndcYEBxDVmPry/+GLrS9TkV//Y50k7/B8L4zHxlmUsYNHiFsoBf8eL"
    "3eQuUcjLFhYHuifL2xrXud/fQECp8Y086D4QkbPaUn4XQZGl9nQXzp3hbSvX3ofINabDPh"
    "/dkGflCMKfuLg/VRqgYaaGevimTY0FHZhvCrV4lKRfQNujYlWDHSwtmzszEThCJznMHF9I"
    "uRrrURteHt9RKA45Nuf/zyU+/qxY/IZDHtBKq5FG8Bve/8TY/nEDjwlmdpxOlEFlXJxVEE"
    "uM/G7ROwPVV9qHZEpmAmvOZhdYKwgbyuZSMKM+6sLMfP9svx2upL74Hfqu7woZ/e+AbO59"
    "eF+Ps6h7+vk/wFC4vqIyo1L3jYHCNr4FwuNJVzZnJiIgMWYvPN5Q1JA6dzkaqh2UVDEzVD"
    "/WyEWQqLsz1+UapanX6igDY8LlRZ371huSGyvvu3KHXBM4KgWrup6obOimCOVmYrBRtNDm"
    "rngaN2ZPjUXtXfLVTGIR80DlnWZa+9Lvsz/V10U6Gqv819NsRpG3g6HO9pkFQCPHFhM2Xv"
    "KiRoj1KKWWgx01/68MDnOwqRiLxp0qmmG2v0H0TVjpUonXltTH8y4TdT43TSUI3y1e/lw+"
    "rJKEyR4SmVm0XemOiy6horYo2ufbq587awTBJK5saZu1AcdZ7m3szkaohCsjPBTp24/OGK"
    "uItSHUnY3SN9YhsFnWPafmP0NnLXXRtp2KHn4V+/FzsH9x18x5phEMiWn/ptBHhklkF+FM"
    "LzW9i7wiPItPwO9s94NresRwSJCf6JJJ7o6HglrWqTZcGNDHTYp4lJaEaJxBFNFTrM+XB4"
    "GWH5+SAeQHF7dd6naiTjPx2kOzh9O5NgfPbJcZywbBYYLwgs27Px83hJJ2QrBY7d3Gznwb"
    "B06j1PSTBuG/za+sl6RooJGZqKqROG3X5H3MKr9L+2Ax0LFOTlPSKdIPbsH1l51jAResR4"
    "SdhlKgvnNL531vaiO3NE5yJ6nmMzSr+0dRViuWDkjM7XRw06P93b1r/pSPoc3XnR9sK7WF"
    "1F9skSdBbC0MyJvA1NBc5k0xTS/fJfeKt+kRmUsr0n0WL/kSlhgXLO4tZw9Kl7PRh3J4Ph"
    "dSeywdyZHwe/sXZE+lfoTnTZ715Mz4fXt+MOdGjRpjPLXBXUDeuGtxYYKhxMZ0s+iytCtX"
    "+lPbQPzVa64egmOYXX8m5FrMoA0jX08u9ophDY8y3gPDphoitYIXff+vtmDqXLLQfRiRNK"
    "CKJwUdtvqqJtZeyUMV7VH7Iy2id7+h6nWSl4tA9rrtT1uimnWJaR++3tzZdCjZm325dD02"
    "vjQY29ZKvkEyj+QY2xmUV/JdhtLFqBHt2sl7Vb6J4acn71KZI0K2t4vrQBhdgxZfZl6ezL"
    "6suVHUus156yFWroN+vuWKmQRk6OU4SqktaXtUxuwOC8+UD36dABIkbRpyPJFNlXKk61eS"
    "LuKUum2ITfnla2IM9zlUK9Rx9WcOV4nVh0Cj/gstxPoZbc5+C+GwRApmQ1W+iOw83/VHop"
    "AQ4JQCCfbmNWa3CqrVLg7WycNI1WDLQU3ncIpb2eWBR3c5kGSkFB5C5BJywc2gI8hnj2Jl"
    "QIVOlPR973o5NHvHYdmmDvG9ZDqQ5vlWF+BALcVkZpR1CYfp/OIHNqY7qTEsy5LlrD6+mo"
    "f9nvjvsdtHnKnXnRHVz+o4NYWPOd+Wu//wv8+YzxI/x91b2+7V52hIp2dr9tqqUZapnLKE"
    "ok7hp6hf4bXVmmBkF295bNFoz77Sg85Q6wYNZ0GZTBcyOEFcC5+4HLWyzUArjv2XHUoqNb"
    "gUOloRAEtWQQwLg7O98ER3iTqR3S91TpspLhd9msPk4/icyF/xalLr53DBpgp/vFvNbYuR"
    "4xf8xWV1g36L7NYh1VlXJBQ4lW3W7r9GynVtIHVuWDtzu/vmzcKaGN9nfpEzuoT4zakDz4"
    "tTdcYH8Y6xSxUB6p3aw7aE6XIAvbLdkroo5KaYd2Qx76OKrZ5ShbcdTdisMtF58CSefUkd"
    "7QiNyVINKQwz8cbVzQKD1MqwITZzgI8nujpDsFBMJt3ARBpoEQ+rmAeN7b1sLXRdiNe90m"
    "Rf3BBxEOAzhKI6I+cV1bUlKjoYclxDvxQqE3/euLwfWnDvLo78yb7uCC/qno2p35sTu4ZI"
    "Hxim4UXks1Q5659TS2i+ZYamuM+v9zS40s4H5QmuLO7F93z5lEPFfCnTnu/dS/uGXXfFBU"
    "EEHRH+ToZpCrUfREj5GJLKSy4RZ1hLTMLfokqP2w5kySShAKH77ttvx09ysv+x7Br4Acv9"
    "AZszMezRHibS2BLZBmxmmWJQhFnu+M8V7qvK9jfUetNQ0vlpYDajjyfoUQS8L/RM4QuxhZ"
    "JTF2zd9/QEVY2VwVrkMkjQupe1MIf3iTgz+8SeIPsraVLMIsXRDS8SSlfpSOp9ulYSlRV0"
    "n0TjvP8bTajKmzxPKXDXgRdva00ZcWlMCC68EAxXEUsDmlO2hfZ9aWFCne+hghmio5XgCv"
    "El4n8Cd7GYzJpxXalut/Hlz0r3v9DsLgNaa/487sTibd3k9X/etJB7mLG0Kh78zLwXgyuP"
    "40vflpOBl2WPAzlcB0Obcc6868GQ0/Di77/l2vU6Z/92LYu3Wf6LeAFwOeEhvgTTFcKkN4"
    "R/3uxT86LGZvDX/93O95OOOfLDyAyqx/2WeX6CmEHVEARZhVvL0gwzQNtOTr8HJrWDUUG3"
    "vc5eB1glDk/a9sHmgdHcICxhH93ykcz/MHJkhFdtLyRpbu2+U3V87eveeZ8RsKkad6a46/"
    "ovFP3Zf0WyFejCWerB3spqAwJRC51kW5nb6GSBDLdKiiwL0Dxemat+PXsv/wbzs77TaiMf"
    "ggm82zrlGBJpienbTjj28QyyvLHJhj/WHOk0m4IZDsTEuhZVXOqYFA+Hz3CcLmbcDVH3YB"
    "iuZYPLyOkTWP068LdYh9ndMi9nWyR2wYskwwOx/1j5EeTfpeFcCZ4Ch/0rlDf9q9bi/KOf"
    "VitFLSIktaJmFWevZLX3g2q4/TKyp94d+i1AX3hV/oZLliJXwSznD/VjvPG66FBsmOw431"
    "aqsKwZxO7RCJ8D5tFlDrdTBxe6OAfxSpfk2bfXWB0A1MHMtMAQGz++KFaQQGURiLvd1CQ8"
    "FX/4hM+t+OW1NmbhmBGAoC4FVrXSv6VQvuAI4YmfDzfc8xHMK0jtk+1Y+QuUv6myGimJez"
    "Mbp6J60oZjUvY+0p0cu35ok9QmjnZO92PBle9Ucd5O9mLKIIopNGnaCmxZ3ZvbgaXHeQoi"
    "10884c/2M86V91EFkTBy/KeC3raD3Nj5fvBJSLNv9jKRBFygq/ya4r/CZRWFilrHiwOOs2"
    "h2j2lo1bUk1xpwNVBB9sa7VEJ/R9K0iVNhxsF60NWX9SZ/DVCSlM8NfMMJUIWSNmex4Q0P"
    "9tEsEAElVTAxzgcnj9yR8eL6Uqy2PstzyGaig6g/1LlMlI0spIrPKRWELH5iaRFuVZ0VlE"
    "NNXqlpSB3BVpu792ByzCetQf3wyvoTBt4pl35nX/03Ay6E5YOK9JjzVHVxwW0hvQ+1qST+"
    "ypS/Sxw8vPbpAvsYwnCPIFePFi1P2VDn/WnblmK89mmUPmrIhH/CzbI36W8Igvbd2ydYen"
    "pm2YRNzKKJStygPuoLn+MMe2WwQF6V5tVZAUYkf+YTAIhRD9wcS8eFuMTFrJUX1phUs4VT"
    "ZUe/E9V6W/mlT/Q+PLLtKwohm6uTuIKbhHJelIszFdxWX8aBHCo5K6++V0O5vhe8vGaDN5"
    "vy3Ra1jVNZyamr9ltYcJZbCJyDIGYG1q3UN1EIL/xaGfJAlF95mwj0WeHhnU37fAT4p8YH"
    "H/Soq1clQrKwWsADC6IRc4YLI16n+8vWbK+v3K1EB997pVBK0qxjeXg0kHkaWhC5JP6X5r"
    "Kds5QSrw2hDccvYmSEkxxGmlHMrKAc50CDIsEUSfQtq48kivXxXNY8pNZErLpKRHUwmvZI"
    "JQ1khKeiVLFLfbra7dPlqVlpzBH4rM3w/Zs/dDYu5CIx1OrTJMIjDqRfVGMF0AEfjOaxjE"
    "Ck5SRi9mbi3W/WuSMm68UnbKuPFsVh9nBLGMG/8WpZ4VNx71k1qk3FIPE0qkSxwRJ1e2Fw"
    "7LqUZHqWRoHz0kEwkXCR4nGfzRsrH+YP6C1wk4K8ZTL2fifPOk42Ts5upmWdvKc5B4EZtZ"
    "lANuaaoWQ8vGk9GgRzWS7FyWcPNh+kGYpEAjHuHHX0bYyKo/H81R6YMW2yCm/7WHlB+XZ9"
    "l5PwFPtyb/uFXr2dCtrdiGJkZgf/j1b3x7pI1MTPV6pM4Vk351B/1Bzak/PMOEIMVPHaB2"
    "izdx3F4mr5NN2ep5RUqK0pdw9hNYf6w6ZzgjakXnrJ8UoBo6lMQBM/x3mdwkUnITn62/dz"
    "O/fky2MuPzmyzWuQkV20SIDT9+hKh55rvz/pp2e73+Davm6PofFVXFS1bm0b1/0e9dDq43"
    "96GkHN22oLfMpDu5HXdYs+cVgbKQvcF4MLyGupAuRn1nwvz/1D/v9n7pwA5nP2A4LcRwSU"
    "X2wcLxTGEi4VHg1iaNzU2FQCdw7tikYLx4NeCwx7NdUlZijxB6NTYnZYXMFa9JXkwXtiwD"
    "K2bGSRQQxaREdXSjLjH5GgCHmNhD6K5mGmsEbQHdKYYUU3NFQhDBGBX1n+e5BIfDy4hdfz"
    "6Ix/PfXp33qWyYaOgg3cnwG84sLcXFkp1Y4Y9vgIdw3/kUC0wItVToTp9iDP48Hl5nJD5H"
    "yeIolq466D+sQnZtAtiovrOVbjh0Ip/C+3i1X/+XkKAmaJCITiUDzo7ACN5JeMDKfOHF5R"
    "Q7cOABceG59Up5ZRelOmLRuT+EoBPNWlAZfL/Amq68aCOFIDiekSstIqbsDtCFdk/KmGK6"
    "OjRdQm5MUxvMe09XDi4WPPoPE7dCjVWeFeWPF2MtwWsPAQLUskxCwE2qTp3lYglTiRzkyJ"
    "JemEpWTQ/B6iMypE87m/XH6d0s4tP20WXOALIIlfR85Xu+QmD1jp6vULWw42TsVs9XdGZx"
    "e77qdOn0vzrYNhWjN8fqYyvFpxMd0M5z6lCDQ7/XVbfijhqM3+rZ6QL8SQXjOk2oBoa9dy"
    "JirWwVoxN6DTBTR3fWATjTZhbPxfkY3bJAFDTG9pOu4hdJv04dL6i48Fym2py6G6WozN68"
    "280nI7zDIMcVwyTJo2dtKESGKksGt1ZfuiU3bycjenjHXB2xWVxHaRZH0Q0e8HBDIeFD/n"
    "IscESVMw4ilA00Do7EGCgUB+c3LeQ1B6Jk0h7YYg+EWkPuaBB8DumRF6HHHiebt1sH0YkW"
    "MQ963XGve9E/lHWQKokUIyFLYgVthfDcKRYIRlazhe5APVif1vWgu6g6OoF/Q+PINtXm9S"
    "c6Z14wpyH4EJ8UQ2eB68hlQnoYWJUvuDP/cEPFpgQrBtb+QLrbuM1/9HfEiyVrI3dE4BVw"
    "HbXfw1X6cafLdQd1+2NoA/fyU+/qzsTmEzasJXh+VvT1jkWfSx9uW88vfkT+WyFd5y17qW"
    "IY9DPX6EnHz4jMrWfmOdKdghZNTmfp4AZUEJl6BSTYHdadziNhJpZiyFbTB45bO6Kyukdy"
    "MkZCMvy9gz+JNYVUKh7fWqgg68I9HVx0EGvATefBnTm4Ht+Ouix+UDfJylZYAOHF+biDtB"
    "m5M7u93qh/MZh0Jyy6T1Fht9UdtkzvzPPb8eC6Px5PR/1Pg/Fk5I2arYhuYkKmNn7QQVDF"
    "owVqLxS7OSxSRZ3ptAlRiSxkYWAdsQs1pqAPlTVR795AxB9EzVI11bZYRcW0VuqX3ZsxXD"
    "GUJWExtbc3/RG9AtfIaoltehUL0mA9CI/hOXQiRPK4SQXluIKUQiQyqiIftisRVRGxpXjA"
    "0gShxEy5MdOwSclzMsfpGsD66F5epIRudgXdRAFd/HWp0zVQApuOUsoUbZGh6S1tmrO3sm"
    "raNIu1nva9lR1BtWRRFhaHuuTXkiX0nE3zBmRrTUlKMZSnMuHd4ipPIXiW82CJkcqTReyT"
    "ZWkoKlUD+Da3GJnc3NKLE5aoBx+hlGtH5LUj68q1ZF05GYMv68pJqfPWlWPOfl6PcohGos"
    "/5UVZBMMWOIVa3BB+jM6xoSFV4SvHGU8XiQ3csM5ZIn2gIx2PGBgQU7cipcAzZiD2wSeza"
    "V5Sex7ktMXob/haM0LM3BFvj8yZzjOY6cSx7DdFlShDm1gZHKza1l1DPo7MJsYOkd4apae"
    "3AFdsOHLBtz/HabsUkUNuL7kwvvpvlBQW5QuziizZrtQcd55GmQ8Afi/t7nq9lVpCAWUGK"
    "mt7nNttRtaFoYPhIDQW6VIe/PleIRiJMxTqQ57mCpA+ofAqQxCYaZqUWqg8gM4JkRpBA1k"
    "H7eDKCLrxSSK208s/+vVy7Ai7ZXt5PmGCbXZHN5YqVbpluUnW6SZ4WXqCu6FFo5K2Lwfhq"
    "MIZ4fJ0sdELuzF+7I+jMrtjmnfnT4KIPXcM16Px4O4ZoZDBMCZipccP2MJo8f5u7Q2ieez"
    "OV3hVqb/cup7vdu2Rzu5XppOX3b/GH+ERH4zVuKciBYmC2Yq+9Se6Vzys8249E2yzkT5ZG"
    "Rvaaa7CRIUIjS9HkXQ1IotPdhZOpIRLJzny7Tfdqm+9os10Fev7Ae+BxMnertRaaWumWWv"
    "quIL24W83g+Ea4Q8+ojRayo5tyHDyoQZyv1T0Z2whSgIPkVlEIPvA3qmqhgy+QhM+yK/xk"
    "cf9vOgnj/ZdChS+gVbJXEEPCDQeFG+LyK5XZHHuGyBZui+qq4+6nfgd5/QDuzNsx9DFZEe"
    "hhQv/5eQCFA4hbvxK6Ag1H/Y+j4fUEOgPRU+fetkznzvx5eN5Bf1qzO/Mcqg/MoPBAb3h1"
    "1YeBqrUATBJypD8P+r9ChrQfE3B48CK0RFMFnr7AolQii7gkiPG+SFbi++y0xPeJvMSjKx"
    "cA2zLn9tUa3vSvOwgo70wP1oNkfw/YgxoA3R5U0GC1A9hm6dYOGA8vP7u1A4hlPIlSE8Ct"
    "c8qVwB4ikTlYEbyhihwsFzflEkiIRAqkBoEsLduh7E5tapIZhBUn21/qxyvODY3uXFRqdK"
    "KARkBY8Jr78Vgr3D2r6rSQe0N54GZ5lEhchtM/MDbRXHdIm61Nylk3DpEwG7TtaU+eGAq2"
    "+alaBPiriu1lCv+zVaYQSQPCjWLFlQq5fN7kuHzeJF0+G7MwweV87D9CeDzQv++zaCPLpr"
    "Pb/RVotkYKMuh125vx354XSOaOfgtSlrmjlZ5Q0nWazermuk5l7mjTpJ6ydyayyGQ9njp8"
    "5UvFdngjEMI0kp+5znLGqiRv63LlisnSrZ7c8ISKOHHpB6Dr28vLVupOIPm6ha+xvS+DtU"
    "X8434o9o7e8XAI+JGdrAUznQO4pjyTRoEF3BQW1Rk+cKOswe/4kxXzpafcbucFDizdgV4q"
    "83TuExRoT+iRIgXd28pKQ/bKwGhOvx7dM5ADHki/23KQqiydlY01xIJ2odWgoi10E1FtSr"
    "GJ32kj1pyw6sfLfAgBdIY2yg5QUBXCq+WGSPbLbyEVsghEsCKOteCuOhMjqzco9Pi4CnsQ"
    "n4fSJ9i/f7IESA3dl9gXI2euOOCnCeo60D/p3TUiSsHYln17K8UOwUhu2PPNdCksn5/6lx"
    "cddgbemb3LfncEYRXslBMlqsL7GP7w/gShtLDTOVsC841QSkeJOGBfEuOl6ixXL2F/fOO8"
    "zrUkGkq/STb3jxNBz/KbJLDJw9QF8DCNFAN9g3YUCurfhAdUHdbvpwt4kU92IphfWsUHtY"
    "rzEtC3K7bHkYzeGve6Vx1EVGVxZ45v2L+X8O/hx4/Tm8vu5ONwRK9Z9/fTpaE495ZN71GW"
    "dsdjNwqf8kIhxA3EpzT96/Hgc58RQFLSE74zP3Z/6cPHPkIawPW4+5H+tTKJck//Hk5+gr"
    "wAiy0KIdRoqQb4rH1VSA+AYdnsfSU1gW9XE5AZ0jVW5XNVBv5uGmEyyVaZeF6l95cr8TzQ"
    "endncMPTzmOrVqTqa6Hk8xRLK5qaXsjaIlGSAr7QDXGoss+P6A/mkfyDfTDSCVpim/4Kqq"
    "aeIijTrKgsaeM7gqxnSugozorAMIDbUzyi1b/kzjQs9RHgfsySYJC1ctCJZi3oRPjeIyTf"
    "M2/q6XL94kc6kFLa1jMiyhoegU2o9UyvGfo9nfLS0SrKgdLOMSmPoN6WIK5BkRTcQvixuw"
    "xLmDURQukjEFnG0nbNFHODbVc/FLFE2bQQmTS24rUnCbf9GiKR7My3XVdEmlbbTavQhCpW"
    "Ki09l46brQ0MS46zNrb9CWW1rk21Z+jYTPUPhu6286xWQsdN1c3A7baqCU1+kA6zAzg7oz"
    "aehhyL2nHEswFNdK/bhJVFQCc3o+Fk2BteIoJds+fti5Ro3Qoeemfe0bmLl641Otcf5pgO"
    "X6wc1+LVNXYdqjXRx9G30d/shgLL+F5xzoJ2ntkp8FEriL3JobgYCnGm/upIZeu5/pCZXp"
    "1GLWzdkOLqv5tn/V9nZ2/e/HD26s37D+/e/vDDuw+vgoTr5K28zOvzwSdIvo6o/DIbW9pj"
    "bAOS2dgNk3oK+BKkcQkQSwYa4SdbyVYX3ZvbtcWHYFwBxwZT3iArjCAFEdVaYqZzKciNLE"
    "InblG8F+h5rhsYKebav2Nj8CKQtNSu3R8KyuIVTDj6/91COvTxDw9QxouOAkWR/WZXl/TK"
    "xCFDf8JUR6WPp2z4nrGBgFsjS338EtY/2Geyf7Bv2y1MLu9oblgTy70cxsepdB4JvhPJsv"
    "FXQdHItIBgb5k1dU7paGza2YcioWlnH7Ij0+BeWllSLg4HFCKHeB6axwId4lee2ZV1jgf3"
    "tx/li/DQQi2oWWFrDWrxUqlBf2jLxGi5InN60X9ah53ES0NZ06OXPMOh+oe2WhrQahD/4W"
    "YEpuVs1/D81FPZhbu8LTpsxMoz+SjO5Ij8iicI6rLJaOa5XBoIOhgG1JBZHk1AXqUkh+ec"
    "3AFFE0/uGloxwpmSZHBeE3CfQmQGu2n37oFJtzibnooEQYo7cugvi5+y/PEtskO4RL/KY5"
    "4CKc7DZZbKTO9sV5atZTE1eUg1VnWumA/Y118h4FU32T+ZPdtGTzrR6bPBxbmkH0rgNrSC"
    "0anOa2vYRieOrj62kfOViiDFYVrDOwASm/gg2LOtO/TR4Ey1kPfrp9BVl77/Rxcfo7T0GQ"
    "vrCRPvsVD3nr6fIKppYw8lc4floWQxnftLC0gY9+G7WvT2lw0KEL3X9jVruj0Yric4Nj50"
    "g/5FecTUfBiSfmfvGn817t0ShwZ41nUN5kRMvMUODDEsAX86FJeLTyEV1dKKarD2OLjuk4"
    "jM9lY4bsRawuqgeyusE8pyk7gtiTru3hm5xnZWBflTS1S5RXe8okZGlEpkPbikofG2CEL4"
    "NhsgfJvAYL3DhIPJG4oGMriGdmnCeRGaAHFH+6vwsNcdLTJvW6sOWi0Jtp020jrIDeLU2s"
    "hmDRetRwgFtK2Fm58WzBZuURQRRLYY4kLI7HqRd9QepPFF43Qc0Dh5kCJ/fKk1sJ9cJxcm"
    "olZiGB1qIwJ+E2hYZnp2IkBJSyoDXLB91j6gI4FAhBvXSsrGEjYD2gUghbDVVSj4miqmYJ"
    "w72HTbP4X00LBdPqdShtrGa+wgAk3TAhM9Nfp696cCfDBeKAbUT9YQmVu28xICZuhumwMX"
    "0PkYhhjqCMSWfrl9WeNfYe5y8d+nEPmkYvsmLA5oNhheFyfLh6m6sm1wK8IPoRr8C2n/HY"
    "NKIe2/fTL4W7D/GhZF1jTzryxvpT131KpKo+25KiKEmmigjVkt/gzjbOwX6t9imAUF/bfb"
    "ZNf0LRpipY7oUu2gP+ZY0f5AJ6A2QppcyNoBI+gFs4/+uDcsy/ZG0QFLT6dkl1P8vXW9ZA"
    "dbi/0vxynhj6/mnDisuRVtcH1W4Jh4c5bd3vrsxRbD6kkxVim8zj02fBJ5aHAdGgJtZBO6"
    "kCf6InMvC+5v385gT5j68VDbt7RfoS6b69BEzwqBom+LJcDlygwKvFmmiunthW6uHJzcq7"
    "ioATbqbbYmZ2WDO9UhyMYONazh2jOddCy4xbGCx+aHeBfdwg4dPiAxoxZ/AGBjA/+OJNAv"
    "Jc1VqEi/mxWZ/2zN0nZN/1buhgnJJtM/rRkptFdmS7dIqFugZprUEpkqVH9bLOF/3RC1UC"
    "JhKOp1/zFqEv2WmaJ7z0h5pF/PY17440WGoaDPgn4PaWqg18AXtxHMp1P4JwSbgaEG+09B"
    "N0LNMCuk0z1Ydkoj7hx3QYhGZFEc2NaLtOoIpgTn9pFCKnzXO+ZN082XUO7rOrwadAcMBV"
    "MjUMqh2PyvZqMBB5eyJHj6iPlmeoyuCVBhPAWrUO+U9zmtU94nOqc4umNw4UYBQQO3k7N3"
    "7wpwmI7K5DC7F+XwzNJSJnI21u2PbwR/953Ilu5YyG7om+FYELOfL50ytoJcjjNFBbmKLz"
    "oBaMaBVqttdHp6WjDsIUc2tbT0fbIMerak7TbnlmVgxcyATkNkMTHNKF1d8gmu7HdVnA+H"
    "lxHOnw/i0/726rzvOzrpIN3JcLJRfWQ6w/T4TuF4PqYTpTwebKeFFdvQIV+EYChYSj8O1g"
    "bT5f+10rGD5tbKJruvj6MAgMJzwcMyUvKEMuGIMEljakmevX77w9sPb96/DbCI4EoeBJGy"
    "uGIIEe8KS5IfzzL7ZiDU42lInxRriw5dYX/mFd5B/+e2fwtt6F3qO3PMGnIS1orzY3dwCf"
    "fuFXoc03sXo+HNDVzQbGu59N518LoSrBYutm0rpVR9ttYdpWqC8bhv1dvGjr2eOtYjNlOO"
    "mWwVPE63kyp+PDKoRcUG5wheKrZXPr6wTR8la8Lsrx2MlRVTvpGKKRElAJIL+EUeIpO9uE"
    "RT8gTxk3exravzVoqb3LvTzvOSK5sxdbrIuXzd34qje0ebMifOMCtAPfskzw5PP078eA/4"
    "PCwqDg57wxvI3devCvmXXuX4l14l/Ev0jU6qNpptEIRIjgGWF8oYOOhh9tf/B10eCj4="
)
