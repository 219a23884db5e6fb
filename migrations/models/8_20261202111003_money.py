"""Money (issue 13): payment cases and stored operations, Idempotency-Key store, the double-entry ledger, pricing rules, the gateway webhook inbox.

Parts (one squashed migration):
- 8_20261202103727_payment_cases
- Idempotency-Key on REST POSTs (issue 13, item 9): one row per (user scope, key), the
  first response kept for replay and swept after 24 hours (domain/shared/idempotency.py).
- Pricing (issue 13, item 1): commission, tax and cancellation rules, sellers' pricing profiles,
  and the breakdown frozen on each booking (booking.pricing). The seeded rules reproduce the fixed
  numbers used before (15 % commission, 5 % tax on every sale) and the default cancellation terms;
  the code falls back to the same numbers when a table is empty (domain/finance/pricing/rules.py).
- Payment gateway webhook inbox (issue 13): the gateway_event table, one row per provider event.
- The double-entry ledger (issue 13 item 3, domain/finance/ledger): accounts, journal entries,
  postings. The database keeps the rules too: postings append-only, entries append-only but for
  their one sealing into the hash chain, accounts never deleted and changed only in `version`, a
  posting's currency that of its account, and every entry balanced per currency and bucket at
  commit (a deferred constraint trigger).
"""

from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return UPGRADE


async def downgrade(db: BaseDBAsyncClient) -> str:
    return DOWNGRADE


UPGRADE = r'''
        CREATE TABLE IF NOT EXISTS "finance_operation" (
    "id" UUID NOT NULL PRIMARY KEY,
    "case_id" UUID NOT NULL,
    "op" VARCHAR(16) NOT NULL,
    "params" JSONB NOT NULL,
    "idempotency_key" VARCHAR(255) NOT NULL UNIQUE,
    "attempt" INT NOT NULL,
    "status" VARCHAR(16) NOT NULL,
    "result" JSONB,
    "tries" INT NOT NULL,
    "last_error" TEXT NOT NULL,
    "next_attempt_at" TIMESTAMPTZ NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL
);
CREATE INDEX IF NOT EXISTS "idx_finance_ope_case_id_db7434" ON "finance_operation" ("case_id");
CREATE INDEX IF NOT EXISTS "idx_finance_ope_next_at_45faa1" ON "finance_operation" ("next_attempt_at");
CREATE INDEX IF NOT EXISTS "idx_finance_ope_status_9e3a51" ON "finance_operation" ("status", "next_attempt_at");
COMMENT ON COLUMN "finance_operation"."op" IS 'AUTHORIZE: authorize
CAPTURE: capture
VOID: void
REFUND: refund
TRANSFER: transfer';
COMMENT ON COLUMN "finance_operation"."params" IS 'what the gateway call needs, stored before the call';
COMMENT ON COLUMN "finance_operation"."idempotency_key" IS 'fs:<op>:<case>:<attempt>';
COMMENT ON COLUMN "finance_operation"."status" IS 'PENDING: pending
SUCCEEDED: succeeded
FAILED: failed';
COMMENT ON COLUMN "finance_operation"."tries" IS 'calls made with this key';
        CREATE TABLE IF NOT EXISTS "payment_case" (
    "id" UUID NOT NULL PRIMARY KEY,
    "job_id" UUID,
    "customer_id" UUID NOT NULL,
    "organisation_id" UUID,
    "state" VARCHAR(24) NOT NULL,
    "currency" VARCHAR(3) NOT NULL,
    "amount" BIGINT NOT NULL,
    "captured_amount" BIGINT NOT NULL,
    "refunded_amount" BIGINT NOT NULL,
    "released_amount" BIGINT NOT NULL,
    "breakdown" JSONB NOT NULL,
    "gateway" VARCHAR(16) NOT NULL,
    "payment_id" VARCHAR(255) UNIQUE,
    "charge_id" VARCHAR(255),
    "authorize_entry_id" UUID,
    "attempt" INT NOT NULL,
    "capture_before" TIMESTAMPTZ,
    "release_after" TIMESTAMPTZ,
    "dispute_open" BOOL NOT NULL,
    "failure" VARCHAR(300) NOT NULL,
    "version" INT NOT NULL,
    "seq" INT NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "booking_id" UUID NOT NULL UNIQUE REFERENCES "booking" ("id") ON DELETE RESTRICT
);
CREATE INDEX IF NOT EXISTS "idx_payment_cas_custome_ee3609" ON "payment_case" ("customer_id");
CREATE INDEX IF NOT EXISTS "idx_payment_cas_organis_ee0d8c" ON "payment_case" ("organisation_id");
CREATE INDEX IF NOT EXISTS "idx_payment_cas_state_b1e994" ON "payment_case" ("state");
CREATE INDEX IF NOT EXISTS "idx_payment_cas_capture_e2fe67" ON "payment_case" ("capture_before");
CREATE INDEX IF NOT EXISTS "idx_payment_cas_release_924577" ON "payment_case" ("release_after");
COMMENT ON COLUMN "payment_case"."job_id" IS 'the custom job when the booking came from an accepted bid';
COMMENT ON COLUMN "payment_case"."state" IS 'AUTHORIZING: authorizing
AUTHORIZED: authorized
CAPTURE_PENDING: capture_pending
HELD: held
RELEASE_PENDING: release_pending
RELEASED: released
PAID_OUT: paid_out
VOIDED: voided
EXPIRED: expired
REFUNDED: refunded
PARTIALLY_REFUNDED: partially_refunded
FAILED: failed';
COMMENT ON COLUMN "payment_case"."amount" IS 'authorized total, minor units';
COMMENT ON COLUMN "payment_case"."refunded_amount" IS 'refunds booked (requested and done)';
COMMENT ON COLUMN "payment_case"."released_amount" IS 'part of the capture released to payees';
COMMENT ON COLUMN "payment_case"."breakdown" IS 'frozen from the booking: price, commission, tax, total, payees';
COMMENT ON COLUMN "payment_case"."payment_id" IS 'the gateway''s payment';
COMMENT ON COLUMN "payment_case"."authorize_entry_id" IS 'the pending ledger hold of the authorization';
COMMENT ON COLUMN "payment_case"."attempt" IS 'authorization attempt (a declined card may be retried)';
COMMENT ON COLUMN "payment_case"."dispute_open" IS 'an open dispute freezes the release';
COMMENT ON COLUMN "payment_case"."seq" IS 'the last finance event''s per-case sequence number';
        CREATE TABLE IF NOT EXISTS "payment_milestone" (
    "id" UUID NOT NULL PRIMARY KEY,
    "position" INT NOT NULL,
    "title" VARCHAR(200) NOT NULL,
    "amount" BIGINT NOT NULL,
    "shares" JSONB NOT NULL,
    "state" VARCHAR(16) NOT NULL,
    "released_at" TIMESTAMPTZ,
    "case_id" UUID NOT NULL REFERENCES "payment_case" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_payment_mil_case_id_ca29d5" UNIQUE ("case_id", "position")
);
COMMENT ON COLUMN "payment_milestone"."amount" IS 'what the customer pays for this part (its share of the total)';
COMMENT ON COLUMN "payment_milestone"."shares" IS 'this part''s commission, tax and payee shares, frozen at checkout';
COMMENT ON COLUMN "payment_milestone"."state" IS 'PENDING: pending
RELEASED: released';
COMMENT ON TABLE "payment_milestone" IS 'One part of a case''s amount, released on its own; a plain booking has exactly one.';

        CREATE TABLE IF NOT EXISTS "idempotency_key" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "scope" VARCHAR(64) NOT NULL,
    "key" VARCHAR(255) NOT NULL,
    "route" VARCHAR(255) NOT NULL,
    "fingerprint" VARCHAR(64) NOT NULL,
    "token" UUID NOT NULL,
    "lease_until" TIMESTAMPTZ NOT NULL,
    "committed" BOOL NOT NULL,
    "status" SMALLINT,
    "headers" JSONB,
    "body" BYTEA,
    "created_at" TIMESTAMPTZ NOT NULL,
    CONSTRAINT "uid_idempotency_scope_e46a2c" UNIQUE ("scope", "key")
);
CREATE INDEX IF NOT EXISTS "idx_idempotency_created_98dcfd" ON "idempotency_key" ("created_at");
COMMENT ON TABLE "idempotency_key" IS 'A request made with an Idempotency-Key: in flight until `status` is set, then its';

        CREATE TABLE IF NOT EXISTS "pricing_cancellation_rule" (
    "id" UUID NOT NULL PRIMARY KEY,
    "category_id" VARCHAR(64),
    "zone_id" UUID,
    "plan" VARCHAR(32),
    "scope_key" VARCHAR(200) NOT NULL UNIQUE,
    "free_until_hours" INT NOT NULL,
    "fee_bps" INT NOT NULL,
    "provider_share_bps" INT NOT NULL,
    "note" VARCHAR(300) NOT NULL,
    "version" INT NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL
);
COMMENT ON COLUMN "pricing_cancellation_rule"."free_until_hours" IS 'cancelling at least this long before the start is free';
COMMENT ON COLUMN "pricing_cancellation_rule"."fee_bps" IS 'later, the customer pays this share of the customer total';
COMMENT ON COLUMN "pricing_cancellation_rule"."provider_share_bps" IS 'the payees'' share of that fee; the platform keeps the rest';
        CREATE TABLE IF NOT EXISTS "pricing_commission_rule" (
    "id" UUID NOT NULL PRIMARY KEY,
    "category_id" VARCHAR(64),
    "zone_id" UUID,
    "plan" VARCHAR(32),
    "scope_key" VARCHAR(200) NOT NULL UNIQUE,
    "basis_points" INT NOT NULL,
    "note" VARCHAR(300) NOT NULL,
    "version" INT NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL
);
COMMENT ON COLUMN "pricing_commission_rule"."category_id" IS 'a category slug; also matches its subcategories';
COMMENT ON COLUMN "pricing_commission_rule"."plan" IS 'the seller''s plan (seller_profile.plan)';
COMMENT ON COLUMN "pricing_commission_rule"."basis_points" IS 'commission on the service price, 1500 = 15 %';
        CREATE TABLE IF NOT EXISTS "pricing_seller_profile" (
    "id" UUID NOT NULL PRIMARY KEY,
    "seller" VARCHAR(64) NOT NULL UNIQUE,
    "plan" VARCHAR(32) NOT NULL,
    "vat_registered" BOOL NOT NULL,
    "vat_number" VARCHAR(32) NOT NULL,
    "jurisdiction" VARCHAR(16) NOT NULL,
    "version" INT NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL
);
COMMENT ON TABLE "pricing_seller_profile" IS 'What pricing needs to know about a seller: an organisation (org:<uuid>) or an';
        CREATE TABLE IF NOT EXISTS "pricing_tax_rule" (
    "id" UUID NOT NULL PRIMARY KEY,
    "jurisdiction" VARCHAR(16) NOT NULL UNIQUE,
    "service_tax_bps" INT NOT NULL,
    "registered_only" BOOL NOT NULL,
    "fee_vat_bps" INT NOT NULL,
    "note" VARCHAR(300) NOT NULL,
    "version" INT NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL
);
COMMENT ON COLUMN "pricing_tax_rule"."jurisdiction" IS 'ISO 3166 code (GB, AE, US-CA) or *';
COMMENT ON COLUMN "pricing_tax_rule"."service_tax_bps" IS 'tax on the service price, charged to the customer';
COMMENT ON COLUMN "pricing_tax_rule"."registered_only" IS 'true: VAT, charged only when the seller is VAT-registered (the seller owes it); false: a sales tax on every sale (the platform owes it)';
COMMENT ON COLUMN "pricing_tax_rule"."fee_vat_bps" IS 'VAT on the platform fee (the platform owes it)';
COMMENT ON TABLE "pricing_tax_rule" IS 'Tax by jurisdiction (* = everywhere else).';
        ALTER TABLE "booking" ADD "pricing" JSONB;
        INSERT INTO "pricing_commission_rule" ("id", "category_id", "zone_id", "plan", "scope_key", "basis_points",
            "note", "version", "created_at", "updated_at")
        VALUES ('0f1d6a52-5b1e-4c4e-9d0a-000000000001', NULL, NULL, NULL, '*|*|*', 1500,
            'default commission', 1, now(), now()) ON CONFLICT DO NOTHING;
        INSERT INTO "pricing_tax_rule" ("id", "jurisdiction", "service_tax_bps", "registered_only", "fee_vat_bps",
            "note", "version", "created_at", "updated_at")
        VALUES ('0f1d6a52-5b1e-4c4e-9d0a-000000000002', '*', 500, FALSE, 0,
            'default: 5 % on every sale, no VAT on the fee', 1, now(), now()) ON CONFLICT DO NOTHING;
        INSERT INTO "pricing_cancellation_rule" ("id", "category_id", "zone_id", "plan", "scope_key",
            "free_until_hours", "fee_bps", "provider_share_bps", "note", "version", "created_at", "updated_at")
        VALUES ('0f1d6a52-5b1e-4c4e-9d0a-000000000003', NULL, NULL, NULL, '*|*|*', 24, 5000, 8000,
            'default: free until 24 h before, then 50 %, 80 % of it to the provider', 1, now(), now())
            ON CONFLICT DO NOTHING;

        CREATE TABLE IF NOT EXISTS "gateway_event" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "gateway" VARCHAR(32) NOT NULL,
    "event_id" VARCHAR(255) NOT NULL,
    "type" VARCHAR(128) NOT NULL,
    "object_id" VARCHAR(255) NOT NULL,
    "account" VARCHAR(255),
    "occurred_at" TIMESTAMPTZ NOT NULL,
    "payload" JSONB NOT NULL,
    "received_at" TIMESTAMPTZ NOT NULL,
    "state" VARCHAR(16) NOT NULL,
    "attempts" INT NOT NULL,
    "next_attempt_at" TIMESTAMPTZ NOT NULL,
    "last_error" TEXT,
    "applied_at" TIMESTAMPTZ,
    CONSTRAINT "uid_gateway_eve_gateway_364034" UNIQUE ("gateway", "event_id")
);
CREATE INDEX IF NOT EXISTS "idx_gateway_eve_state_13d657" ON "gateway_event" ("state", "next_attempt_at");
COMMENT ON COLUMN "gateway_event"."object_id" IS 'the provider object to refetch and apply by state';
COMMENT ON COLUMN "gateway_event"."account" IS 'connected account the event happened on';
COMMENT ON COLUMN "gateway_event"."occurred_at" IS 'the event''s own creation time at the provider';
COMMENT ON COLUMN "gateway_event"."state" IS 'PENDING: pending
APPLIED: applied
FAILED: failed';
COMMENT ON COLUMN "gateway_event"."next_attempt_at" IS 'due time of the next attempt; a claim leases it ahead';

        CREATE TABLE IF NOT EXISTS "ledger_account" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "kind" VARCHAR(32) NOT NULL,
    "owner" VARCHAR(128) NOT NULL,
    "currency" VARCHAR(3) NOT NULL,
    "version" BIGINT NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    CONSTRAINT "uid_ledger_acco_kind_64676b" UNIQUE ("kind", "owner", "currency")
);
        CREATE TABLE IF NOT EXISTS "ledger_entry" (
    "id" UUID NOT NULL PRIMARY KEY,
    "idempotency_key" VARCHAR(255) NOT NULL UNIQUE,
    "kind" VARCHAR(64) NOT NULL,
    "pending" BOOL NOT NULL,
    "legs_digest" VARCHAR(64) NOT NULL,
    "actor" VARCHAR(64) NOT NULL,
    "reason" VARCHAR(255) NOT NULL,
    "request_id" VARCHAR(128),
    "case_id" UUID,
    "reverses_id" UUID UNIQUE,
    "resolves_id" UUID UNIQUE,
    "created_at" TIMESTAMPTZ NOT NULL,
    "seq" BIGINT UNIQUE,
    "hash" VARCHAR(64)
);
CREATE INDEX IF NOT EXISTS "idx_ledger_entr_case_id_3d9a87" ON "ledger_entry" ("case_id");
        CREATE TABLE IF NOT EXISTS "ledger_posting" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "account_id" BIGINT NOT NULL,
    "side" VARCHAR(6) NOT NULL,
    "bucket" VARCHAR(8) NOT NULL,
    "amount" BIGINT NOT NULL,
    "currency" VARCHAR(3) NOT NULL,
    "entry_id" UUID NOT NULL REFERENCES "ledger_entry" ("id") ON DELETE RESTRICT
);
CREATE INDEX IF NOT EXISTS "idx_ledger_post_account_c9d5fa" ON "ledger_posting" ("account_id", "bucket", "side", "amount");
CREATE INDEX IF NOT EXISTS "idx_ledger_post_entry_i_988f90" ON "ledger_posting" ("entry_id", "id");
CREATE FUNCTION ledger_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'ledger %: % refused (append-only)', TG_TABLE_NAME, TG_OP USING ERRCODE = 'restrict_violation';
END $$;
CREATE TRIGGER ledger_posting_append_only BEFORE UPDATE OR DELETE ON ledger_posting
    FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
CREATE TRIGGER ledger_entry_no_delete BEFORE DELETE ON ledger_entry
    FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
CREATE TRIGGER ledger_account_no_delete BEFORE DELETE ON ledger_account
    FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();

-- The sealer (domain/finance/ledger/chain.py) sets seq and hash once; nothing else ever changes.
CREATE FUNCTION ledger_entry_seal_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.seq IS NULL AND NEW.seq IS NOT NULL AND NEW.hash IS NOT NULL
       AND (NEW.id, NEW.idempotency_key, NEW.kind, NEW.pending, NEW.legs_digest, NEW.actor, NEW.reason,
            NEW.request_id, NEW.case_id, NEW.reverses_id, NEW.resolves_id, NEW.created_at)
           IS NOT DISTINCT FROM
           (OLD.id, OLD.idempotency_key, OLD.kind, OLD.pending, OLD.legs_digest, OLD.actor, OLD.reason,
            OLD.request_id, OLD.case_id, OLD.reverses_id, OLD.resolves_id, OLD.created_at) THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'ledger_entry: UPDATE refused (append-only; only its sealing is written, once)'
        USING ERRCODE = 'restrict_violation';
END $$;
CREATE TRIGGER ledger_entry_seal_only BEFORE UPDATE ON ledger_entry
    FOR EACH ROW EXECUTE FUNCTION ledger_entry_seal_only();

-- An account's row changes only in `version` (the compare-and-set counter).
CREATE FUNCTION ledger_account_version_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF (NEW.id, NEW.kind, NEW.owner, NEW.currency, NEW.created_at)
       IS NOT DISTINCT FROM (OLD.id, OLD.kind, OLD.owner, OLD.currency, OLD.created_at) THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'ledger_account: only its version changes' USING ERRCODE = 'restrict_violation';
END $$;
CREATE TRIGGER ledger_account_version_only BEFORE UPDATE ON ledger_account
    FOR EACH ROW EXECUTE FUNCTION ledger_account_version_only();

-- No foreign key to the account (it would share-lock hot account rows on every posting): the
-- account must exist with the posting's currency. Accounts are never deleted, so no lock is needed.
CREATE FUNCTION ledger_posting_check() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.amount <= 0 OR NEW.side NOT IN ('debit', 'credit')
       OR NEW.bucket NOT IN ('posted', 'pending', 'released') THEN
        RAISE EXCEPTION 'ledger_posting: bad amount, side or bucket' USING ERRCODE = 'check_violation';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM ledger_account a WHERE a.id = NEW.account_id AND a.currency = NEW.currency) THEN
        RAISE EXCEPTION 'ledger_posting: account % does not exist in %', NEW.account_id, NEW.currency
            USING ERRCODE = 'foreign_key_violation';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER ledger_posting_check BEFORE INSERT ON ledger_posting
    FOR EACH ROW EXECUTE FUNCTION ledger_posting_check();

-- Debits = credits per entry, currency and bucket, checked when the transaction commits.
CREATE FUNCTION ledger_entry_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM ledger_posting p WHERE p.entry_id = NEW.entry_id GROUP BY p.currency, p.bucket
               HAVING SUM(CASE WHEN p.side = 'debit' THEN p.amount ELSE -p.amount END) <> 0) THEN
        RAISE EXCEPTION 'ledger entry % does not balance per currency', NEW.entry_id USING ERRCODE = 'check_violation';
    END IF;
    RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER ledger_entry_balanced AFTER INSERT ON ledger_posting
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ledger_entry_balanced();

-- One journal entry in one round trip (domain/finance/ledger/journal.py calls it on PostgreSQL;
-- the SQLite demo runs the same steps from Python). Each statement takes a fresh snapshot (READ
-- COMMITTED), so the sums read after the lock see every debit committed by its previous holder.
-- Refusals write nothing: the lock and the checks come before the first insert.
CREATE FUNCTION ledger_write(
    p_id uuid, p_key text, p_kind text, p_pending boolean, p_digest text, p_actor text, p_reason text,
    p_request_id text, p_case_id uuid, p_reverses uuid, p_resolves uuid, p_created timestamptz,
    p_kinds text[], p_owners text[], p_currencies text[], p_sides text[], p_buckets text[], p_amounts bigint[],
    p_guarded boolean[])
RETURNS TABLE (outcome text, entry_id uuid, short_kind text, short_owner text, short_currency text,
               shortfall bigint)
LANGUAGE plpgsql AS $$
DECLARE
    v record;
    v_lines int := cardinality(p_kinds);
    v_written int;
BEGIN
    -- 1. the no-overdraft accounts this entry debits, locked in id order
    IF true = ANY (p_guarded) THEN
        PERFORM 1 FROM ledger_account a
        WHERE (a.kind, a.owner, a.currency) IN (
            SELECT g.k, g.o, g.c FROM unnest(p_kinds, p_owners, p_currencies, p_guarded) AS g(k, o, c, gd) WHERE g.gd)
        ORDER BY a.id FOR UPDATE;
    END IF;
    -- 2. a replay (same key), or a hold or entry resolved or reversed already
    SELECT e.id, e.legs_digest INTO v FROM ledger_entry e WHERE e.idempotency_key = p_key;
    IF FOUND THEN
        RETURN QUERY SELECT CASE WHEN v.legs_digest = p_digest THEN 'replay' ELSE 'conflict' END, v.id,
                            NULL::text, NULL::text, NULL::text, NULL::bigint;
        RETURN;
    END IF;
    IF p_resolves IS NOT NULL AND EXISTS (SELECT 1 FROM ledger_entry e WHERE e.resolves_id = p_resolves) THEN
        RETURN QUERY SELECT 'resolved', NULL::uuid, NULL::text, NULL::text, NULL::text, NULL::bigint;
        RETURN;
    END IF;
    IF p_reverses IS NOT NULL AND EXISTS (SELECT 1 FROM ledger_entry e WHERE e.reverses_id = p_reverses) THEN
        RETURN QUERY SELECT 'reversed', NULL::uuid, NULL::text, NULL::text, NULL::text, NULL::bigint;
        RETURN;
    END IF;
    -- 3. credits posted - debits posted - debits pending, this entry's debits included, >= 0
    IF true = ANY (p_guarded) THEN
        SELECT g.k, g.o, g.c, g.amount - COALESCE(s.available, 0) AS short INTO v
        FROM (SELECT u.k, u.o, u.c, SUM(u.amount) AS amount
              FROM unnest(p_kinds, p_owners, p_currencies, p_amounts, p_guarded) AS u(k, o, c, amount, gd)
              WHERE u.gd GROUP BY u.k, u.o, u.c) AS g
        LEFT JOIN ledger_account a ON (a.kind, a.owner, a.currency) = (g.k, g.o, g.c)
        LEFT JOIN LATERAL (
            SELECT SUM(CASE WHEN p.side = 'credit' THEN CASE WHEN p.bucket = 'posted' THEN p.amount ELSE 0 END
                            WHEN p.bucket = 'released' THEN p.amount ELSE -p.amount END) AS available
            FROM ledger_posting p WHERE p.account_id = a.id) AS s ON true
        WHERE g.amount > COALESCE(s.available, 0)
        ORDER BY g.k, g.o, g.c LIMIT 1;
        IF FOUND THEN
            RETURN QUERY SELECT 'insufficient', NULL::uuid, v.k, v.o, v.c, v.short::bigint;
            RETURN;
        END IF;
    END IF;
    -- 4. accounts on first use (in key order: two creators of the same accounts cannot deadlock)
    INSERT INTO ledger_account (kind, owner, currency, version, created_at)
    SELECT DISTINCT u.k, u.o, u.c, 0, p_created FROM unnest(p_kinds, p_owners, p_currencies) AS u(k, o, c)
    WHERE NOT EXISTS (SELECT 1 FROM ledger_account a WHERE (a.kind, a.owner, a.currency) = (u.k, u.o, u.c))
    ORDER BY 1, 2, 3
    ON CONFLICT (kind, owner, currency) DO NOTHING;
    -- 5. the entry (a concurrent writer of the same key, resolution or reversal wins: look again)
    INSERT INTO ledger_entry (id, idempotency_key, kind, pending, legs_digest, actor, reason, request_id, case_id,
                              reverses_id, resolves_id, created_at)
    VALUES (p_id, p_key, p_kind, p_pending, p_digest, p_actor, p_reason, p_request_id, p_case_id, p_reverses,
            p_resolves, p_created)
    ON CONFLICT DO NOTHING;
    IF NOT FOUND THEN
        SELECT e.id, e.legs_digest INTO v FROM ledger_entry e WHERE e.idempotency_key = p_key;
        IF NOT FOUND THEN
            RETURN QUERY SELECT CASE WHEN p_resolves IS NOT NULL THEN 'resolved' ELSE 'reversed' END, NULL::uuid,
                                NULL::text, NULL::text, NULL::text, NULL::bigint;
        ELSE
            RETURN QUERY SELECT CASE WHEN v.legs_digest = p_digest THEN 'replay' ELSE 'conflict' END, v.id,
                                NULL::text, NULL::text, NULL::text, NULL::bigint;
        END IF;
        RETURN;
    END IF;
    -- 6. the postings, in leg order
    INSERT INTO ledger_posting (entry_id, account_id, side, bucket, amount, currency)
    SELECT p_id, a.id, u.side, u.bucket, u.amount, u.c
    FROM unnest(p_kinds, p_owners, p_currencies, p_sides, p_buckets, p_amounts) WITH ORDINALITY
         AS u(k, o, c, side, bucket, amount, n)
    JOIN ledger_account a ON (a.kind, a.owner, a.currency) = (u.k, u.o, u.c)
    ORDER BY u.n;
    GET DIAGNOSTICS v_written = ROW_COUNT;
    IF v_written <> v_lines THEN
        RAISE EXCEPTION 'ledger_write: % of % postings found their account', v_written, v_lines;
    END IF;
    RETURN QUERY SELECT 'created', p_id, NULL::text, NULL::text, NULL::text, NULL::bigint;
END $$;'''

DOWNGRADE = r'''
DROP TRIGGER IF EXISTS ledger_entry_balanced ON ledger_posting;
DROP TRIGGER IF EXISTS ledger_posting_check ON ledger_posting;
DROP TRIGGER IF EXISTS ledger_posting_append_only ON ledger_posting;
DROP TRIGGER IF EXISTS ledger_entry_seal_only ON ledger_entry;
DROP TRIGGER IF EXISTS ledger_entry_no_delete ON ledger_entry;
DROP TRIGGER IF EXISTS ledger_account_version_only ON ledger_account;
DROP TRIGGER IF EXISTS ledger_account_no_delete ON ledger_account;
DROP FUNCTION IF EXISTS ledger_write(uuid, text, text, boolean, text, text, text, text, uuid, uuid, uuid, timestamptz,
    text[], text[], text[], text[], text[], bigint[], boolean[]);
DROP FUNCTION IF EXISTS ledger_entry_balanced();
DROP FUNCTION IF EXISTS ledger_posting_check();
DROP FUNCTION IF EXISTS ledger_account_version_only();
DROP FUNCTION IF EXISTS ledger_entry_seal_only();
DROP FUNCTION IF EXISTS ledger_refuse_change();
        DROP TABLE IF EXISTS "ledger_account";
        DROP TABLE IF EXISTS "ledger_posting";
        DROP TABLE IF EXISTS "ledger_entry";

        DROP TABLE IF EXISTS "gateway_event";

        ALTER TABLE "booking" DROP COLUMN "pricing";
        DROP TABLE IF EXISTS "pricing_cancellation_rule";
        DROP TABLE IF EXISTS "pricing_commission_rule";
        DROP TABLE IF EXISTS "pricing_tax_rule";
        DROP TABLE IF EXISTS "pricing_seller_profile";

        DROP TABLE IF EXISTS "idempotency_key";

        DROP TABLE IF EXISTS "finance_operation";
        DROP TABLE IF EXISTS "payment_milestone";
        DROP TABLE IF EXISTS "payment_case";'''

MODELS_STATE = (
    "eJztXX9z2zaT/ioYzdzUuVHdxE7SnPteZ2RZSdXYlk+W075v/I5CkbDEmiJVgrKj3vW7Hw"
    "D+JkGKkEgKZPBPG4tYilqAwO6zz+7+b2dpadBAx6O1M7O+Dp6g6XTOwP92TGUJ8T9Yl7ug"
    "o6xW4UXygaPMDDreogPpmBlybEUlt3tQDATxRxpEqq2vHN0y8afm2jDIh5aKB+rmPPxobe"
    "p/ruHUsebQWUAbX/j8b/yxbmrwK0Tkz8+d1Xpm6GgBtalCH0nXOv8mg1aP0wcdGlrsV+CL"
    "+BL9fOpsVvSzc30+NJ33dCx5jNlUtYz10gzHrzbOwjIDAd397XNoQltxIPkGx16T30Ue21"
    "OA/1PdnxAOcZ89IqPBB2VtOBE9zKbhZ53p9Ho0md4OJtNph0NzqmUSreNHRVQBc/II3//X"
    "ycnp6Y8nL0/fvnvz+scf37x7+Q6Ppc+bvvTj3+7DhNpyb0V1NvwwvJ6QB7Lw1LozTj74m8"
    "oojuJK0SkKtQ/Jspmy5uDubnjBnoGoTGIe1mtdOyaSydnwdS/sdORotv9Lb3x0+vYF/b0W"
    "cuY2vUg1RNUbqhPfESrLtDL7C8VmKzOUSKgSX9hFif4HoRbDN7yOVb1Uvk4NaM6dBf7z1d"
    "sctX7qjalmX7maDVfttXflhF6KK5hqh0O9/vg2KvfkXRHtnrzLVi+5FtfvI9zwqNcbLrJ2"
    "O2g9+wOqDtC1M/BReXhUwBIipMwh8J5eCMXPLI2h+V9vR9dszfvjE6rXdPxL/w/g4zd1IB"
    "5wCrClAJ51GwLy1MB6AOQDeoyAo5vxaDLqjy4BwpOExwN3O9hrxyZqIzdZIvSnEVX90VXv"
    "9+Ss9C9H58mtndzgPDFDKt6oncCmic/TBb7i6EvInqu4ZHLGPNFj/x/izFvxjQn/QG1kGh"
    "vv0M6ZmsnwanA76V3dxObnojcZkCsn9NNN4tOj5AkR3AT8Npz8Asif4F+j60FyGoNxk391"
    "yDMpa8eamtbzVNEi9oX/qa+12KwnbVmeeU/KljDz3iOLMvENmWhfJ7kzrTgOXK4clJ7lTF"
    "8kKrLdIynrRX5ZrUdy8ur1j6/fnb59HTgiwSd5/ofva4QKNRTkTKFtW3ZapRP4NUOncamd"
    "LIsGvSSD3yf5B1XwjlyOrj/4w5On199/E/f64THi4pEPZor6+KzY2jR1xTqxssamLy1Pls"
    "lPFBPbT5r3i8nv87CIG9tSsXEFtUy0IjGimwdYrPyxUxgMLhW5+Eynar2EdFUFfu2/E4iG"
    "xC6ExC6ic1fUYYnKiOy17OgTvn1dwDN5+zrTMSGX4pu4SACRuPs4B0QUbmo7GJQJWelKiG"
    "JhZrkSgpzLV3A5gzZa6CvWmRy5mnseL+Pjth3FnR5YI2h/h8DKUFQIdBMoJrDsuWLqSCGD"
    "8CXsGz8fg6EDkKPYDgIKIoN080l36BAKFZDbAEVVIba1gWsYRldSZV90j98B1dBNiMCRAv"
    "Db96RreICqmKblAGjalgGQtYSWCQFWFsRfg2/wpKsQz8SLn4AnrXUB/LrSbfIPAz44+Iu1"
    "e9OGS+sJaiDUKn4iG2IhA+LXFRyRB1LWmu4A8n4Y4BFCPAR/qttgoSPHsjcvjjtZlk3059"
    "NB+Mn2s2yyN/xDxAI6/3hYmy5iRL+J/Of1zx0B9/5sCwavnww0e2Cul1TXQ/wYiqnClM59"
    "WZGtmM7ot+vB+AxYz/hp7s2r3nXvA/nb3afwJ7eD8adhf4AvnEXenJ1A2dJDDVjvzpqBBh"
    "SbnlC6vgnq0N0MapwvATa1Pw0ng4sz4Mnfm71+f3BDP3I3Q++eB58TdxtFO5hOcclakDhB"
    "wpcimUmFgLgnfBp6h1ZBHC4iUR8M96oqC7hkGE7GLb4VZyM6695WPp1tOJ33lOAeZl1zgF"
    "gOBz5qWHPqliEq8ZGEeomfwqnWiIhUJysYwF68aRW/t2yoz82PcJMybhOK9bmHids1U8Xh"
    "p+GeZSvPgVvMem/xP1xHnc5H77bfuxh0Ugu5BBXfebdpqWoj7+52lYZnU32KFfMM26rX1D"
    "Ee0y5+CnB9d3nZ+fsweGRs32BxmhP7Sg6pOTmyACoZAHmzNSLgHsKerwPgcmVYmxDBgwRF"
    "1ICOPLhCA7MNHodcNINe83AMdMxAJKv5ku30awnpHRTSo/9P6Tk7IOmPFxnG25n9+7IQ/v"
    "MyBwB6mUSAsDbwE0zRmsGyzsQH4kKSqZOECDz9qNbaZIAE29QaiEnFJhUroaxS1SmhrGxV"
    "txfKWq+0HWc9LilnXZRZZ4QBvKePIBXEAObF1yIyEgnaggQRXUl8Yiv0E1lSMRd6jBf4eN"
    "if5LnQEb82JHmkdX7uCb//OIZG4Mmy1R3n6rRE6bEX/y/LhFNDNx/31FQUQ/gXvmdb9eVB"
    "CXtq69a9S3sAsUR2nfWIb7Knjs7du7RIR1wYX5Qag0+JB9tieYu+QkcmnFj4PwWWXuxuLd"
    "IsByA6xgqAaDGxHiETEI1d7+YBorY7cuoEQ7cioniWgCcGqBhJ0VSAYc11kxAfH5Slbmxe"
    "HANiaVJ08vaX3vcnb94S3JKuBe0nYFsejxKtoKmhFCJaxZfcm7rj4adoDSk3Epjwq+OnmC"
    "KsRO/GWBauDGWDnwZ/KxHHo+gjPeGHcUXdkRJnFcV67ebgrO5ccfoHMaFqHQRByF8cgXf6"
    "Uk4XClrw4NdxqXJQ7MPmNlWcUEO3ql3AjJigxDJEwTKKIFgC0VZFm/WGzHIh4iq1KnaY5K"
    "icrBEg8gy71uIuu3dcUs6yyLNMOUnYT2O5t9mWUFyqDYUL4qbQyZs3BWwhPCrTGKLXEtbQ"
    "ikfF7uj2qbZ8K1OyaKuMnUhqZynUzsNwD6nWGRCbPxvZ0Jq7w6sB36XSMqoSXzoovgSXim"
    "7wnE2BQOswkJM3RY4nPCrn4E8dUJInGaknWYgneZLDkzxJ8yQtgxUSzC4oGQjUX1Eysl/M"
    "1rrh6CY6Jt93iC2jktKRNpwzWYDZyz2UkNbudmu3gan62GzQnyDnAu/0+pPhpwHJyifS9+"
    "bt3e3N4PqCJOqjNY2Jkez9wbh3Sz7CT41EydxfKQg9W9h24w0wpARbeAJU4lpL7nFHco9l"
    "5EZyj+WsF+Eep+CeIrRORAsdBjXE6uR2CmbiFaLhSRZsYVUR3rE2jWa3lkiHbavSYty3Pf"
    "WVZNy1UV9lUa1vg9Jtkmj9bROtkWE5U9VQ9OW+asI36pP7tHU1YbdWn5tLaLI6DvBoqhfc"
    "qK2qqpu932QlTfEIE+klGAyT4EYt3atmurbvknKja21cTn9YZMSyhP2p796lxYraU0G/Wr"
    "O2KseGTzp8RtNnW3ccyMAi+SxycrO2q8qGKtSfIKuziNSVb2W6Lf3IKIJZl+Ee9yO3aul5"
    "57U9JEuMLI59l9iVe7u2KwsxaaDVKKqRL2P0JZyWhvDdKLajq/pKaa/l8AChNtUduK+r/B"
    "7fZ4hv01Y9abAE2OUCFkRdGqki03L0B10t4yC8jtyqTeqSqe41YqRLxZyubOtBZ/U32UFt"
    "wV1vwpu2UXvqAmrrknQWuVcLVRXd8fBSgw/Qhh65a1/NRXfAm9idW6JHTsJ8j/SgGkPVsu"
    "NEdMblbh59nvayIv6tP1IY+rzs2Umu1dGzE0+3xU5MymYARmUkG3Y7G1ZR2dX9czW8D9u4"
    "gA3YpgoOPvpElcSh5aRcC4mspycFlH16kqlscomtbL4tIy4lF/X2RT2DD9g1Ses4O2EklN"
    "grY0Swzbnu1BDlwWHlkmarPRCQWt8nIQf/bMS7q8Sl2meKvDp5VygR7V1OIto7meFfz4Yt"
    "8xGyVd9MZrrgPcRT9XS39O3xqaDFevdM//KH79LAh/bTgQgogNymUDsehkihPtr0OWUfba"
    "GS9WVLxgrUnaCJ86k1IiLVKVsy7g9ad8toyeifMXuquGVJDknVRt5dker2JJJMGNZHOg0l"
    "2/aIBCp5LI9QDDxb9iMCupljdGwZzbQ3/NpS0s4Qz86QVdWkXSGWOnPsClmkrshhx9V/WN"
    "oPDbYfsqyG7bZCYQOhNsKCPNpl394KwwAV1KNTdYfRtD1bv/749sVuK1HvHFpL6NgMFWdH"
    "EqMy9Rf949d35wO0yK8BN5axmePNxrLBFRbUvb+74LcPt+9eA8Oc/2C4wQ3xIo9L3Zwabh"
    "ZywoowLCWDghaRSczTAxESZ4bK2MMvRnfnlwNwMx70h7dDbwaCEAy9SD7CH+h+I8beJUvJ"
    "rMDYNiUzQ2JSyWwlk02NdyWHMlLJhZXMu5JDGankIkoOa3EmaMGWZUDFzOZMPrFMwBmWqk"
    "rHvtVSr47PR6PL2EF4PkwQf6/vrs4H2Gh5Edd1uoqiLErZkUUpJQlEFqWUs15ZUcpYaFQ2"
    "0u7kQJdZuYuyJp6gpbkEI3kW0lFdFYKaopsqQf4+Vs/csjcdBtAfXOvmgf1qdNRWRsCEdJ"
    "mGUIMacJSvlmktN+BohY/bGWk0/TPA/sMj6Tyt6DY4Pj5+cQaQsZ4joNhYjn4n0DWU5g6U"
    "eN+SQw853O0Sk20Ean9TFnVbxh4OBY6v8Fth8iZ7xIQqSkho/qKOKNkKi0UWdO2jIvX59i"
    "+rUnAJvv1O9r6sSyyODSba7noQI8xfStkUzXwTDEUGFedkknCgAlb4F+CnAtaD/znqAlpM"
    "H8w25LqfBxL1kokouZoyw8q8+b2ZoIMSSw5fxkYZNuLwXcAR/Ip/qrHBn0J6W/tFFRacJI"
    "+UTR7BU5lhW2zvPubL1th7LPJ+8YTfbwfjT8P+4Mxf+/fmTa//sfcBf+K9GMn3p5DFV3qr"
    "MUd3WCWUsk29QKDGOahqgSeVW8icfptjTr9NmdPRJ0tpeQK/Zlh7CbEW6DoPXB78Ponhyi"
    "nuSIAtX46uP/jDk4SShIlt47duqiz9/sMJYyaniFFScidrux67jxAx8ImJv8UtPC5WZaNI"
    "6G1tk7pgfKS2iEz7ctxPi9R+yS79ktpm1rZXU1Y31w7Lvclc7ixRgZf8wcLHS6jpSlqv2Z"
    "TBQKC5TYLd3wCCun4IHOka+mFtG+hFF5jwieSIb7xFIx5/MKNecPaUBQLNnbIyDuRKJsPL"
    "dOCaj6hMc6eE/gxEfNfAQ9YR9ovJS6UB3RTz5SGdnjM8g2Jtoiv1EtKusWYrDw7vzFyMe+"
    "8nZ4DK3pvD6+l48Gk4+O0Mz4pX+R87bnfnl8PbX0iT6NV6hhfAgvSNJgoefiIfKra68JtQ"
    "HN6hk6SxUk99YhuZ8ylaLzk0GheSaH2GUlW2b7ZNrepejlmrFRvsTzvQ3ZKyJRDeBPMIms"
    "tvS9MaJZk1+6VqJq1Rklm/xVnPIrPG3nWPZcVJykiItQ9DK5+XQeOIpJE4b2G0hNweUUHB"
    "NF5O8RJXPztUhEkJSs3m10fzF2JayVUXRxNTvdtroyVe3e2FTcI1WYKSC1aMabRyucrGRC"
    "nFe+o2ymFup34TR3xMu2NsdoyH/UleCRmZm3BQ6lfY4IzF/oq1P8shgMXHcVQE/g6BI8sG"
    "ROUriP9jOpEifN+hF2H5X3r7vErBu9xKMrUEsCW6IJuptcAelaGzqnhlOx1RmRawVmpgCM"
    "10K63gbGaQN7wFuq2bETRTTJOvfUgo0YD+IclYvZhRxbliGNDWWQyVnOJLUaHmxoGFDc0j"
    "S9UVIyuRN3teknJiTA352tZMjQzndmQNEAmgy7CJnHXesMnBCpAn7b2D5meXBOCL0jSmJb"
    "rlyF1NI1BF26H4XbzrwftFmIlqOqGwoX5O7e4I9DdCq1sB/tLTZfH1G9t60KnOcnqb+IO6"
    "BdubrCLjZQHz1iKbEnOrCXOLBKi4kIWknBjIwk7kf/+neEWHIlkA0VZHYqJ1C2sJuUvqRo"
    "V2rKkrZnSQpfYySuq6CuOsDh0VklouoGXJ5JdM/uYoVrWWK2JGa1N2NZ5M1aYFpXJlYe1K"
    "1Snh1WxVS3i1+v6OImAkh8MA60SnhFS9UPCUuoDaOgOV8q91c8Go6CgJQbUWgiIHGrtFZl"
    "7trVCmRjDqbtKvSrdVJ/Q8Q/hocDV6CyWaizlJNos0vKXhLQ1vaXjva3iHWodfVUifcd/S"
    "0Z59N/Dv18CXiyNbRvopQvsp4SrMcVhiS3W75zKFsfEFEpLIOQOcheIATSdVsWiW0JKGyl"
    "xzDKwUx4G2eUaqZgHFMLDIpkuKRVvEuwELa20zGoOUemeGR/U55q2R7+r8W3pZInlZGrOG"
    "GbGN2Hr2x+dZRM3dsJmhNWzRJFt8Pim6+0vSJ11ul8+oXI2NPoNPGtvpEx97NsOGz0YCAo"
    "H2VfV4UwADeJMJAbxJIgAwq9o8W7FwjwLz35Jag8Oe7xxLiJV5oIm7xe5eziNqXiSYIbzF"
    "EKLoczNVu9V+TiyuAjb0liBLifa2YTl9Q9GXHZadHVzMt6/xsKkajCs1NvA5cM/ot7jHy1"
    "62bF6FfebLz8DzvEkW1rGrs5h+to0bmTGmpZuNAsYlW4gCNhf1SyexeRVaOA/cuJQ8b5MI"
    "ujBYamPVmWO+1FsjS1CV7g/7MXaBErRavFZTUxUb3/tEMgd7COG5WkJ25afI1VyD0P99Sn"
    "x8yYZhZMWFeQsS5xQL5zSgwrLB89A6X0QCdRxAnSQwdGQ5Dklg2K8ch/RkKvBkIknMnJBs"
    "UlCqNt+rkSZ4uSY4exVLv3Er3J18cbnL/1bp4vhrm+HfRJb9VuemfI9GOi4iOS7N6gbO/9"
    "Z3RtfTi8FV7/riDND3E78w2r152/9lcHF3SdrH+VErQfrHNa3tnw3xWORAjXPd4w3yf+7w"
    "HkmmILjHvdnr9wc39ENFJSw2mDFZtFngzXj0Ae+zt7Rd4Mq2yLpH92Z/dHVzOaA3CbJx8a"
    "e96/7gkt5FJcoz6F0uBv3L4TX5UIMqKZyMPxv8fjMck4/g15Vui7IweMtAyAoQZ4VrE/AW"
    "f5B1H4rrFvul5LVkb2kZRLZQpAU1fxKNx18WqWGOR2U3H3+ZqmFuWsye49kVlQKBFug3D5"
    "mpoqZScAbtGPRPi8tWjyIH/sMJY3IZi842m9ko51qouVbXNinez8hYzenzF5ER2RXa9cAq"
    "clxlH1bJo2pl6yqcKkt2xaI81lpSsr5wTksobLHqRksdkbjYTjPBFJfTsfN0OPh922Ue4n"
    "JyAnafAMtRjN2mICEpJ2HnSXDRFrRDMDouKS0skS0syeDoSAaHZHDIhipy1rn70K+RYy25"
    "CfMJMUkvSWyhf1gzTo2GErIdekP61LRCux7jZDeCmdQpU6eknh+nQiMiUpu5VD3/6ElrV5"
    "LJEp3k44d0BpWMsRmUoNrb8E6NXLNFmXrFdZvf14tbwXt29mqIlrf19mKrGttSJWj4V/cu"
    "7VRsaG4W0Ce7pi23Qv/l3aadGo2c4DGV4u8H13eXl3mk3UTiPy0IsW9NwmgBipYccHEOUJ"
    "Ahuaem4qmZbVQVvmIivYRCl5PgRm1VlQ2fdPi8p5rG9CZtVRG+SuBzpYT11I/cqj0nA6Nk"
    "ank5GJFXkJGGEX9Bt6eZO/HxW+t6ThYQeLLfIbDQsYNhb84AxLO4AZQpDtSFYs4heNadBX"
    "heWGCpaBDoTrqS5573KjkNRNY2KjcGm50eQqq1TnNSEthzEJdqXy2/8sn9jsWv5ahMC3ln"
    "5SsZ75aWPbUtVj2/HDJ6TErgxRxgSN1Ig9MucE8n/KGiLXX8N9ogBy6TO3whJuBJESrgST"
    "YX8CQ5IzZUEAthyZ6NUKIFzPUaMgMkPyBb+82MFBfhB7h7Fl9UIyojwxrxt0hWzJBlHUTC"
    "L3nLOtB3u74gnJh7wFatRndAbli40loOetwnjnzczUUOvAElV6TzQjayGp2oRR12IbJLCn"
    "sZeTUyfazi9LElRAhvkmkFZ+c6R0Ra4DPWne28si28++ya7JyWltkZ4jCM046j2NVnGK8Z"
    "Nmv0J8j5snV6/cnw04DUmCHS9yZR7MW499v1GY1faNgsNO/N8eDXQd8rUPMHVDPq0+yCpJ"
    "WPbcq0mo5Mq5GwmUyrkbPOm1ZzoPwP0Wa41BQFWQa3cry0TuKsoArdlTkrS9+WQ6jfo/Rt"
    "vBbJ/sTQvnuXxnqP9RLTfG0xQOWIIrOBZfJeqZGBBXpM0wqfBFW1bKCY6BnaAP+hAHwrt9"
    "0zvmJCMNM1YD0wOWg73kOWIBbgHOvmoNUzS2MAptl4nj++FWBp3XCexAk6EieQHuOe9Jo1"
    "ni1ufk1USDo3SYaNrvGyawIJyVYSoqBFexam9Lpr87pnrIXKz/hy79LIl3072SvY6AoQve"
    "ghIwGMrVSv6GEsVN8esjUw3HJvx8h1yQu54lxcL+koi+QoO7rDl7oSCLTCVU6G0ItkS+BR"
    "OUH0VLZE9MlSes5GJBJirdB23cBEve1tGqTt5vW3+caUKxvc1JDGJom1FRNrZ2sN233Tpc"
    "44+fJ443E5yR3fmTvuK1L5utsEuHJyAnaeAPywpNvfbkTnlLDkOYtD+Uoj+P507dDRKSEq"
    "51nkeRabz55GKawVNDnNtM7oZnB9Bojkvdn7rTe+oOx0gkRltz0Vs8WpT6mf8keDGKIyLC"
    "RsfxXRDI42bXmS4dGRDA/J8JCZIHLWuRus4FmYW/aGaXvkAE1xsRZiTW9fFzD13r7ONPXI"
    "pSSgJ3vZyG4WAmozh/sju1kUpVfwd7Pw99ASdNuP3Kqt+o2fOLItgEhtAbziXHsmNBUvYt"
    "YQZSdpf/vqpxDlrykveHwvrDkjrqFKkpXtD5dA6HVNYBAVw34K2VxFOxxTcmm6SBFJjwor"
    "S9MJxWHEGmEW+bxdKoaRiVCGUm2Kb5+e/Pg2gCfJH3nI5O1V7/KS0bkefmVAVNlURX98C2"
    "hHdTMUF7qmQRY7xrIMqJhsfYdCCY3jncqoSuXBJ/Vq/Xw0uoxp/XyYVOvd1flgfPSKTkFI"
    "qksvaxuuLHs3ADYhKuPz4gCuaZzdnazpLn0AEoICN2YQiUgpo4MdGR2UcSKZ/y2EnyA7LF"
    "SqVLSekbqlvJXYYlJSqbJtxcHaVshs5tKymRn7glTs1jp3sa1QqDzxGGjNrOMWB7Wz0Vg1"
    "OVKmkLcWfsXbbwa1aTsd3pcVmd9EMKiPw+sPZ3632nvz19H5GakQeG/e3t3cjMaTM4DWK4"
    "IedApNRNWk90fIldXoDS9nEg7b4Tau2JNC+fwnOfn8Jym0w1CQM0XwTwZom5NRF5WqD/J4"
    "WZWaD5JMR3XodV7ZAR1hiEsgV2QgV+KKHYkrSlxRZh3IWefNOjgw9NmcQ1H8Epit1KUPgq"
    "wRd7oGQ1RqVzg4WUy9lo4m11m6taEq5eqXEnm360OSG6pYxkbI1nCRBAPPL96T9XwVtkVt"
    "mC1YiB++UmxHV/WVsjeR/ia8U5uUVWVwwl9bjLhEZNllhyQiLXvLZognox0E58O/hXUBTx"
    "jdklRDh6YzXSJ61iQJ5Z87D4Yyn7s1VCLe979lqOOgoQ5u2Ld2xLd6hnndJexkJ5/66Ojx"
    "XSml9ZxyBUnBVqi/6oIFiuMo6iIjL+/X29F1BusvLpZE5nTVAf8HDB1VtslEtvLZWjcc3U"
    "TH5PsOsZsTNeW/B8kln9j2yQ2S70Hk9OXIy4hIycQMjsQMojePdc/1HiTl5ItQ+ovgZlVO"
    "sRFLtMk+EbazPNJ3ETizojP6eAasx3uzd353OzgDygw72J0dzovyaR2uHnfMYIqJysC3OM"
    "GbdMxORmqzX7FmxuyKRGqjYAFvCau0qOTYZ22eM3YttmztpiVlwCkRzqO4Fm8gLyokl+uW"
    "OmEJJHHPyAhneRJBVby9plV6XywQhApAWpnIkBt/ir6/BTJEItuojO1t0W36yOEuHlZlLC"
    "YavmLEYxLRrWJpItNVQqriIA2NMacDL37o2YAPjgy51GVK5BT3sbL6ExbAHSzxWxV2+ne3"
    "k9HVYHwG/AqX9+btYPxp2B9c9a7PAF6PT7oK8bt4b+IPeh/IUPfNxCPPhxcX5IMZqQmD/7"
    "4aENAND4DLGfm7d3E1xDdRNK+Z0uFBDErDJ17cjkkUUVGZSbFbUO0PSzd3whdighJeaBK8"
    "4B9onDMeEZOgocigocyW6ZSaLSPRuCoRox2I3+UQvtujTokWiYAW1UtVbqpq9+AoV4ljvI"
    "dQGzpw2WGAGMG1bh6C8YBHTXV/WMmQhb+24BMhVzF5ov4QWzEfyf/JIMI8xQK642NHtMoC"
    "H5CR54Yx92CGyeAthP0wjJYQGrMBjmByOY7CqIz4Z2EHr2igWUuseECfHJAPyEsD3JKbqB"
    "gyUY7lkV2uhK3rRpQo+cOaHZPfDbUugYKOV4ai0n+7+UzHfivLLlBt+HxMGlq6Q8Dx8fEu"
    "uNDrdwVwodfvMnEhcinRStLdsah+OaYnISb6LNHpAZYNIkl5h8fkYqdF4U0oKiT+LlSzgy"
    "O7ZpWpzQN20RNMn5Vz0pfW2mSghHkGYSizE45UE69zttawcU323pWtq/h2S93Ef+CvLWqA"
    "HAasV9e2DU2Vq6JXVKZ9q/60wKI/za5gnlzyaL1cKqw2cdnU84iIGKxz8rW8kd3O80JxbX"
    "Hs32JTnNA5EJ563THwFxLtoC5w3+39LfRq6Ome11t8q/IlRM7Iow+J1QyQatnYUTLxHFlr"
    "pJias0DAegAKWFn4icGR61T9QECIHzyh49Xmhci72YOiOpbNl+cRijT4ZSPvmT+x3i8CM7"
    "jA3w2+kM+/iPmKybBSRxZh2xv9IY8UrH6Vnij4wFGJiQIebGu599pvXLhWBsCqDIDJqEyD"
    "ozIXkBDeOoyYjHelmxeR0cIx28IxnZ4J3vev8E4018lQeso71iM0j0HP/Qc+og3LnCP8F7"
    "BMCIjKALaaFbqlnXmikEwH0LFzmSLZVfEd96ZiWiRMBBSVbqZgaT1BRC4eKcCEz8C2nrsA"
    "WdS4XxEyMbYfgfWMV/F3CKCNqQIEXQF31rUXFAXeXms9QpB1KxpDk7JkScwp/onkzR6UN0"
    "tXFg9kEAi0rgz4m1cnBQADPCoTMqDX4obcylCcB8teslW8nZsclRc6aNG7vhiPhhdnAPuf"
    "tqVr9+ZwdHsGdAvdm78Nzs/AM5yJEcUgZ8KOs+GJCj0RLKL4zXj0aUgJ4CvbetK9vKXDT4"
    "VhqUoWbz+DZxpItBCvfFMEsHyTjVi+yWhC4B61KS0XqIMfkW2OK/lN8nq/PcRAsvUl7FYy"
    "7CbRFom2SLSFibZcW47+oKuZTd9i17t5yIuZHLkVfxmZEEDTsTduVIto6DsEovcBKrkOj8"
    "HYekbgWXcWeNwX/JYaygrB6SPcfAFHBDRZpU3fkm9/b0YJ4mdkWOTPf+jaz19eAMWGwGuc"
    "QQJ3lGQHZhuAvT1ou+xHGsIjwAzCigb4K7KglxBriT5QDgk43rFD5+X8ShCmvtZ4zeWaCs"
    "NU8sldu/r8UXmRFd7BxuRt78PglmR1u1Xa702vJ+Ft0JQQ0VzwW5oJjkim+PgjNmJJ18Kl"
    "Yj9iC5/0Lez1+6O7a/JN/bvxcPLPMx9Axv6gurZ1Z7MLfHBaBF47zUbXTlPgGqWgcIGXvo"
    "DIE7njm3PyskgXQzwqU8H0WpGyytkKblVZ5QQ8XEi/b3L0+yat3/az2XfFwkrfLHLI61sV"
    "LYtVFz9uozYoh6aTcu2Dd1+dFEmGwaNy2sym0mFUNg07E/5R96Jgtxr8IeZ5WpPZfEN/fH"
    "PJhmW4PZWwCSWYnb3q2wtmyx6ku7yAIs1yoUgVrcy1S2lyRZYlb8L8ajpa6gjt9CInZeVM"
    "izzTMvpYqgEqo48y+iijj1ujjzc2fIAkbRV2tsQhIyO7RSOS01VcaDs53A8YqgtLVyH6yQ"
    "sh0jChtSb8bNt6BgsF0WieN7MoyMqLfjn6Ifx2RFL0UkU3avi67ezuzHChODvYQXnF1UQJ"
    "1YVimt7SLYpRRGUkTlE6TvHnWofOFB8ZtjNd6ubaYaD4t0vFMDINIvYdBK6PwGsdnZ78+D"
    "YwjMgfeTbR7VXv8jJtGLlKgqa2l5Lj8lLFiVDqEpLCMnzR1FCmfXB9+aGRla0/YWVMV27b"
    "BlZv8Ly+kSxx2UCSo4GkdFc7pbqrEq5tGUjPAH3o06e8ah4ncJsHPjLhxML/qdj/FsEhKN"
    "n73rM3z4a0hu4riOlGRy9383znlTtwqvojSy1uW9TxlDzVOjzQP6wZp3cfSghfqpAWIHFT"
    "JgF+bPC8gCaFUDzmJFAJD5tUIQGKCfxKqYRHmcRoyp+SaJU3N6eTt9dAXKxarLgpUEuoVc"
    "ueK6a+UxcHhmilS715ysUnOstlL8a+DoSrIt+lN2ps/SwsW//LL7vLkwR/N/llNB7+ixKq"
    "I/e5N/0rg4vwAtTuzX7vZnI3HkxvBtcXVEpVVs7axl4eNDUq+cvgEssssJLuzfHgctC7jY"
    "y2sYmAD95wtDfiIriEpW56w4vp6G5yBlaKjs2GtXNvfhoNL8ioJ0vXyJjB7zfDMfkAfl3p"
    "NqTf9f7u+sK9Ez66NPdO48mwd3n5z2l4lfbjUwxjMw3Hve8NL8m1B0U3YMH9McFmLuJ9n2"
    "R73ydpYuIh6mMK55hUWSDzADVh68qtCF9Z4FiOYjSnKqy7nWBfe4fJYQjLVnq7zYO/N+40"
    "DwxhYefBe1hEzWb8uhzZEH8XaTlAKsMAzTKh0IVH/WNzx4lKCYs7UeTg9nNMvTc9MBpIjT"
    "Hs2UMo9OY2s6HyqFnPDEg3OyQaE6o/JrrD4YN9zr+wL0pdz4hDeuYXKFetJSHN4dFd4Chf"
    "u/4RxTOBdUdO51itzwqXMRYRaaEtVn5xJR+Z48t4ikuVEtarAnqlaI23Ir5DwHvqnTyNN0"
    "XKLuFR2b7Gm1ThJRXrd85u7JHjbUSF2hdQrUTRgWE+pRUcOMEbtnQzoErP5QfYwZ5DGyws"
    "Q/NPc/9nBSU26oJ6FMeByxVPPlpEQtgIayemT+A9MqmhqkHVIJ2usf1ka2CpbMCM2FBY1V"
    "Djs3LLqxzu4Ucz+GDZDNhtS/pUSroWBr4goKbgsVhWKo0L/ykPDiu0ui2hJiEsp1rgqdZ0"
    "tFo7cGqtWPV6c4lDSVGxSUMdxQTkSYH32NjvgfAv6NKZvTW795lWIquIYNxr1k6bbehFRO"
    "rzZDqcwYxdMeVCZTJOc8pknKbLZEjmVqk2AoJ/cqjSGy0ukEU2BlKtFjzoJgkiuvXTiFcI"
    "7e8JLwUggkGSK+Z6OStc/Fj2dKnroG4oX04mtX+Ls57FkozXzaIQLSccEZeS6VA8xNMIg1"
    "E3IHIsE7II9p7s+49jaATwCJtp6lEgr/zbNfANy+Kd/p1H0420nN6LqXse3qeJy3UrWTf+"
    "tsb4umO8f4yH/UkFhN1wOWazdmNLdjt1dxkbXqgarx87VACxr7Cp5QY8u2EA0TKB7tBmQi"
    "RDdWVgRQZMSpKcCr/iLzE2pJNROsm1mq9g1s71ect499HpL0zWzZWc44NyjoN5Ke6wREVE"
    "ZhUdzP9rQt3UmuCKSqqmtpgIF/SC9hnlJPSKwINl40915O7aR2RbRgtS5NyLSFFGgtC8H/"
    "q4XLn1oUQjWCTB9JDaEXHGCGVmUbaIO2uoCzzOCZ5sdQHVR2tdMLZeN49EbHI5Y1vzwrac"
    "u1snYHznML0Lvl4V005CDtwOJd5iorL4lzgIRxrYIoYzbxZSKCKrVeVXq/LdkrhquatVJd"
    "I4m6nZrZ54ZF2JVLTqvRuOGK2gndk2JzWmm+exewEOEsm1i/fP2Sfj9jM9JNf0MUz41Zl6"
    "7BfZu7eeLaKb4xqLvAM3A1+O5YDu3BXWEr8pbJB+GMk+DJIPg6RDNy3QTQr0EwD99L97cz"
    "LuXd++J01kse5N9CBKE1ns0yhLLs8tlGiE5xb43B7fGU+XYQATQg07atgLt0kaOiXsebkc"
    "hiGms6Zr+OiwHJJRydsegiEqbgPyzgM6+4e1+vnsH2S/xf/zDs2fd3lhqqFNt5KoezhCTW"
    "Aj7QpDrFnbUSNwiNu7fn8woKngaK2qeFcqJwO8CmQCkd/IcVCEEnsdFM1BISrZ9gkdnvFy"
    "ZG41wXhxKWfkjEVgqWjQ7QZKwVXvXKp/+6Gt2qFtWwwO+AQ7bWw1x6VaENnJQ9cGv0/y13"
    "UArl2Orj/4w5OLPa72pD+c0n0+2skQr4fkJYhv1jzEUxI4W0blkwTOb3HWswice5W5LA82"
    "vt2Yat/QIYW7U4Bx5Go3DypGeNxUDQdu72NgAnw3oBMvhUz2zFqbtA4ECebTDgOWCR50Gz"
    "nkL3B0Mx5NRv3RJUDQxVFfs7oVlHDTe/Pe/Ajhys0AWujzBcTDl2vHTcfUNbdLOrSf8O3w"
    "t+HfrFFCgu7s289A4th14NjidI0Q1lbiwLGpWe+/HUy15tGQWNLCumG8eE/dtbekvdgyy0"
    "Hai9/irDfAXvxgK9nmontxu7U4D8YVbHpFi44goACkWitIbS4F4DlG2Bo5QtbaVuEL8LzQ"
    "DQgUc+NfsSFpRIWyWlvtd1NiLF6RBafQuhyzDZ4qfT6HNiKWJqWikt/sZ5MTWQQM/QliGx"
    "XfHqvhB6qG3HZYn6P2B31M+g/6bPvlD+QdzUUPY2+TEja/ps7DuJlGpyjRAJ4iz/5bUDSg"
    "GwjUVti5yiUdj1ydvCsSujp5lx27ItcSCnZ3Fx4NBxIiU1MOrWOBDvErz+3KOseD69uP8m"
    "V06NbTfELwE5dH4kY8SdqGRXLw1miBP/TvdkZP4pWhbPDRi57JofpFW68M0k4SfnEjYR7o"
    "EjvYK7g/O5ePwl3eFh11YuWZ3IgzOTZ/hSmNUSF5LieOjZ2BoINhQC1Z5cXIQRkn9wEIQf"
    "Wd3LXxerKpD5m8HqEU3HF9VHpg0vqkQEGAEGyAg39Z8pQVgxMhMc/s16CZ6FcW5imQ4Txa"
    "ZZnMo1UBY9nl7xcrfEEaas+hb7+STuu6Sf9J/dkueNKRju9N6+evCUcMX6bZttjmtTVogy"
    "NHVx+7wPmKp4ARMK3gOwgkNvFBsGdbd/CtSTDVAt6v97sH/eTiY1gW32NpPUEvUdhxaLEN"
    "/Ce2tKGHkrnDOJrGf+4QEap98lwdfPlziALEr3V9yxpvD4YbCU6Mj1zAf2EdUTOfDGFfqd"
    "3iPxj3nETWdY2sicT0FjswxPAE/OVQfF58CWmo7myoBu8eh9Z9EZHV3onyRqwVeTvw3kre"
    "E5rIpKgu9kD3zthndGdVgL+0RJ23+I5X1MmIS4lsB+/oaLwughC+zgYIX6cwWO8w4VByKN"
    "FCBb8t0qPvbXaPvrepHn3iRRHaAHEXyXJlq7cBma3rM7BeIWg7XaCdATf3X+sCm+StPtEO"
    "ZF7fJB2BYLVwT0WRiciehsLlrPOO2oNUtG6djUMsTh6kyB8vcDseFybCXmIUHeoCROImkD"
    "gCnp9IoKQVnoMSWoKVBh0JBCLcuF5SNpYQDugWgBSiXlch8jU2TIlz7kCTsFaUqB0a9ctJ"
    "YUvTcsAGOgBBaIYuOpN9vf9dCXxwuyQZ56RKGFpYtvM9Iczg3TYHLsDrMQoxVEHElnG5ur"
    "xxUkeVT/++hMgnFd03yctB6sVG34uj1Xzqdn52puSHYAte6NKF0v+T/p/0/ySL7Bt0/3bV"
    "rfTnGm2qtNqfK4Mh1EYH7ZZW681wzm79Ur5bHLOg5O92n+waf4uGXZq16eBX9Qx8WUBF+w"
    "KOgnZTobdDnKAX1D/68mBYlu2NwgNWnk1JP2bEe6v6kj18Lfp/jlPCHy9uPa4dT4nTkwLH"
    "xOlJdiO7kxdbHKsnxVgzdJ17bPgi8tDgOjQE2sgm+EWe6MvMvSy4vn07I3vC1OdDbd/Sfl"
    "tAP6AJnhUE8G64XBG4XJlZawdYpEWeApa6uXYYXVm4pAls1A+3Jmdtk3Cqg0h7ZOxYk8+e"
    "8aKj5BbHCm6bT/EuuoUdmj4gMaMOPwGwtcS/hhD9GGmuQjH9btZo8as1Y+2a/qXcDZMkm0"
    "z/sGao0F6ZPbtFi2bTpZqqmU0oapFEwgjrtX6OmkS/ZaZo7Rkpj/jpedwLf7zIMFTHtBz9"
    "gaSpEbuGPHEXkPV0TP7p90Ai+0/BMELFMCtJp5tbNlcB5qiMyFNxYF8v4kZHlgTn9sEQ3W"
    "MbqZGFoJvfk3Jf19G3QXeIo2BqtElYsfVfzkZDAlzKCkHeUuNJuTZAhckUrCJN7/ConCSs"
    "VNO7JjQVrE3DlRRtn1kaYyFnY93++Fbot+5ENnZgIbtUeEZgQcyOEnjJ2ApwNU4NFeAavu"
    "CIQDPOBh86XXB8fFyQ9pAzN5UUFH+ySO9u1m5zblkGVMwM6DQilpimGZaran6CT+p9K85H"
    "o8uY5s+HyWV/d3U+8AOdeJDuZATZsD0ydRuM8GI6ccnmYDsdqNiGTvJFECQFS/HDkXeD2v"
    "J/rnXogIW1ttH+70cjACBG5xCeev5RkdbUkiyteH9Tq8gLc/o37Q1qXMtaPHQN/ZVXeAf9"
    "n7vBHekA40rfm7eD68kZ2U6dZHeYe/NiPLq5IR9otrVaidIv5mBtNQRzHus2vW3o2JupYz"
    "1Ck6utW1JO9uzZ3cSWdTyyt5121fGIHU2E8s4/5REx2bNbNNNDkOhtD9q6uugwgrfelW5e"
    "7FYJx1QZuOWKwH4r4dc9PZ0c9lsWbTobM84mTTcT1ayj1eeKi/PvDW+hdl+9LBT1eJkT9X"
    "iZinrgb3S8FjtFzdSISBPAYqFMVEEOs2HYjXgMVcuOHxaZg3KPOEaH4yJ1+G2IJ5/0Qwp6"
    "USomiHz19x/h5ozUsXkw9PnCAWvT0Q3wxS0x+QWQqgjQ6RKCAgnVplLDy/+Ge9PPQ+96xX"
    "4h7QhFmzhhDXp1/wnPHavBu5uf4k5u9gxXOTWAg4wwokNZ97cRDCvx0v5alVXJyX8otb26"
    "UKqtxL6yrXUWnJsBU/kCUsPFNPyAvx/aK1tn2VnZek6ItVDb5W8VFDxNKzmbqhYISJ5rMn"
    "oAFQSn1HzhxdMSoi3EUJsOqsVdQC9Dk2FC5tFRYnKSj8LBR8mqqE/LFGXa7JlV9YuREASD"
    "pT3L/fTkx7eBrU7+yLPOb696l5dpdZKUY2hzhdoiIjLKtnuUjc3oPNdNxd5wcTpnG8ct69"
    "YafZ97Kgz0jdV9Przujf/JDi2fM1R+/s/JoNfowKYg7YcbcSYLgg32CW/HMGjyw3hNf3oK"
    "GkyN6eYmLtq6iiduqkakprYvJkw8TDZG381lyOmH5eVccRYdS4i1gYJUtd/7l2VCziStiI"
    "jwyVk1u74rQ+GK6vrj27dSy08rpNA3b0pbTKh1dXpOCgV2T3ICuyfpwO6DDT0IZkqp/ml1"
    "ZzqaLFGRq/V0PMOCJAMpDiDok+MWTDcs/JGbv+HG5xzFdkgQjvzEZKiwHrr8A9btbMU1Ha"
    "GE0LOADTto0zgpUNfIsZbQBitlg7za9fjlhn4qeXDdsRzFOMxErGzrSdegPaVPxjknbGGh"
    "p4em8CsbCNF30cnALwxeYG7rLHyOOfhdWYJHCFd+i3lUsFNf6XklFl9Yyh9fY2JBVdZ44g"
    "wudDyc5hwPp+njIZO7Jla9z1dVabjkxdosVEbSzbfDNEXo5uuVtuOsxyXlrIsy6wxwjj69"
    "KNgcCbkhlIfMxUd0C+FygYxE5SQq13xUrqMA/2EBMtbznwC+qQWWiqMuoFvEE61n3hC9aD"
    "shCeFJCO/wFaoQNAxof4eIr2aCI/fPKXZHH3QDHpMPi7Z6kThfK3C+mYJ0NF1Z9CtTqs70"
    "5pJiQkMXoYECvLZfCNpPugoBMWHw7V+9efkS/Df+H/gPCVZIsEKCFRKs+KbcVglWfIuzLj"
    "hYcUtt0xvXNO2wekXEBnSLQBVxe7cQUtH5jcQ4vBsAE0KNNvZ8NEnHWdr4QfGs6jOSGGjZ"
    "c8XUkVv79Qj/dfYP4kz9/AJfAa6PkGgqUeLd703yBpDOq9B0fCNnSQx9UpHbH3sMri2aTf"
    "jfrhdAy9Pi6erSFqifepPvbTjXkQNt0twCm0v3pvfKgD/Wto4IxRV/fxU9TSVaUzZa4y4e"
    "LicqkGidB1U+6lIrTrCb4e6/3jUZ8KUjAU+KMw03pLSy82uepoRlpglHpglRn7lezvh2kL"
    "hU+3zU0pd49FjlUXRSrnWqLr+oocQCOmViAdIrzFa19Aor8Aonytes2LV/qVvEE3TwNlM4"
    "Wt3BtwazTcz9AUf/iR0oiHeHzTP2fCDA3wQZHU75RKU/Jbg/JdZRXYVv1RnejsDpq7dvgY"
    "pfH3D04bwLeoMuuLv9vt+jQMN/7hIiLP8o9/AN+irz0W8ZkkIHsPBzZkSuVLzg5mEBKZ8Y"
    "fZgoVuhoTS1y7qUmJNdVY0iL7at1yMt2RgCzcB7Ik4NnUuorjLaThIE4quZ2rvauWs+UVP"
    "LiJ/cZzgjipxj4M2/W6TlBP3LFApa1L1hssutxGEmyAXH/+FMUIlLCNknA+9TEfxGDacAP"
    "v9fEyFhyVX66jCUL7z/KWHK2qpvpP8pY8rc464KjBh/wAnhWNoMnaDrZFWsZo7p5WMLcHT"
    "+FT14943Jp75/9LyC3pt9ByLrJmq55zba5sAJZ75Vcq6Pea2RaixppEZEWFnIsP6ISvC4c"
    "Oo7KtFDJldQmpQri0LE/voX6fXXyrgjCdfIuG+Ii1+L6tWZ/QJV3IceERNa0m1Tu5cID97"
    "EJlGXDB+ioC1oEHR+/xoYg6MExJ8TCV1TVWvMV5I2IiJwmgnVp4nmAWPXuA1O4g26OYIFn"
    "Az8kwbmEmQlLVde2vZM3kRBtjjvRCabkOwSsZxNQb5gEVmirVsWdM//N2hsgFNzTSDuYK2"
    "VjWApj08wu6RkRkW1J9qjpaUMV6k87vY4J0ea8jm337gv1zmtaW1dCkyZzxbnz3gyuL4bX"
    "H86AJ39v9m5uLoekeysxVXTSzzXe33WXk7L8aKlsXC0bV5dnf2hr6JoaXkUu8muA92t+Ag"
    "pQDUVf0lJqNBQGFFIx+9uzQ2QL5cO0UPZ24h1ey7ikbOcq2tslSEDhEmpzaPc8j54RS4gP"
    "6OaFEQw6dBqBB8qOIzzixUan6dl0vUHq9pqq7BDXkIiBP4FFoSZ/vMjgnzCxguCtKIyv+g"
    "ItVG8lKHaw3XAoOSrTQj2fFlnF2Yu4MC0pb48+CDOpYveulo1a8pe+PaxLKMNzYDr2Jtvs"
    "dC8XMTphMFJWbGxtzgqjtXbRU5ghKm7mikjECGmxV1l1IYTuORJMIlJiJ5aUsV2UmNNhwD"
    "maavrcK+VfdEUnxOTCLrCw8QHMgorzOCXOHijxt6ZebJEivrTNUKKFCq6mHzzEvxTxUtbi"
    "Um0IedQBq5A22XwmdESk0pLPgjTu5Kj4bJM8SwQRp0ITYiUq9aAWclk6RZbxtINOY2JSpx"
    "Jx2lfBIiFMhZgDCP7JB+Z6AqX0dv9mIm6RJvAKWvAYLP749pkq5ZjdHHBpxK/HLxF+UAZH"
    "7dyTfP9xDN0O0AzlxzDQG/dezd3Gwk87kWTKanFlX2mZyHJEq1ux5VVkbJXo8mc/s8KzF2"
    "Zr9RHSbQ/pmlvgaUmZFVjuc4ci3t5IP51SMh6EYzzEp7T4LMTlRK7qI+SERAwQ790peiD6"
    "41uIkxThYmdTsVNM7HB/KqrbUKKF2i0CjGTDIilQxNvr+TaNZUZintwwim8YkuRTNcknar"
    "oUxVKiMmVGzsWwkXfAUlKOSUK/aeW+t2yoz82PcJNKYspzQAISRjNVm3I/8Me28hwYyrGV"
    "hXWAfzl0I4jjwe1kPOzj/aFOiszf/w8bIU1D"
)
