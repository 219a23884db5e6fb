"""Money (issue 13): payment cases and stored operations, Idempotency-Key store, pricing rules, the gateway webhook inbox, the double-entry ledger, payee balances, finance documents and reconciliation, payouts; delta sync of payments, milestones, balances and payouts.

The parts, squashed into one migration:
- Payment cases (issue 13): one per booking, with milestones, and the stored gateway operations;
  the `payment_cases` sync collection (the booking's parties) joins the capture triggers.
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
- Money everywhere the product reaches (issue 13 item 11): payee balances (`payee_balance`,
  one row per payee and currency, kept by a statement trigger on `ledger_posting` in the
  transaction that posts; rebuilt here from the postings already written) and the delta-sync
  collections `payment_cases`, `payment_milestones` and `balances` (capture triggers regenerated
  from sync/collections.py). Downgrade: the triggers and the table go, and payment_cases_sync's sync SQL
  comes back.
- Finance reporting and reconciliation (issue 13 items 8 and 10): receipts, credit notes and
  invoices with their per-issuer counters, sellers' tax profiles, reconciliation runs.
- Payouts (issue 13 item 7): payee accounts and payout preferences, payouts, crew split rules.
"""

import importlib.util
from pathlib import Path

from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return UPGRADE + SYNC_INSTALL


async def downgrade(db: BaseDBAsyncClient) -> str:
    # The triggers go first, then the parts in reverse order, and migration 7's sync SQL comes back.
    return SYNC_UNINSTALL + DOWNGRADE + _previous_sync_install()


def _previous_sync_install() -> str:
    """The SQL of the sync migration before this one (migration 7), reinstalled on downgrade."""
    path = Path(__file__).with_name("7_20261202070000_hardening_sync.py")
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return str(module.SYNC_INSTALL)


UPGRADE = r"""
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
    -- 3. credits posted - debits posted - debits pending must stay >= 0 once this entry's lines on the
    --    account are counted (a hold being posted releases what it adds: no change)
    IF true = ANY (p_guarded) THEN
        SELECT g.k, g.o, g.c, -(COALESCE(s.available, 0) + g.effect) AS short INTO v
        FROM (SELECT u.k, u.o, u.c, bool_or(u.gd) AS guarded,
                     SUM(CASE WHEN u.side = 'credit' THEN CASE WHEN u.bucket = 'posted' THEN u.amount ELSE 0 END
                              WHEN u.bucket = 'released' THEN u.amount ELSE -u.amount END) AS effect
              FROM unnest(p_kinds, p_owners, p_currencies, p_sides, p_buckets, p_amounts, p_guarded)
                   AS u(k, o, c, side, bucket, amount, gd)
              GROUP BY u.k, u.o, u.c) AS g
        LEFT JOIN ledger_account a ON (a.kind, a.owner, a.currency) = (g.k, g.o, g.c)
        LEFT JOIN LATERAL (
            SELECT SUM(CASE WHEN p.side = 'credit' THEN CASE WHEN p.bucket = 'posted' THEN p.amount ELSE 0 END
                            WHEN p.bucket = 'released' THEN p.amount ELSE -p.amount END) AS available
            FROM ledger_posting p WHERE p.account_id = a.id) AS s ON true
        WHERE g.guarded AND COALESCE(s.available, 0) + g.effect < 0
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
END $$;

        CREATE TABLE IF NOT EXISTS "payee_balance" (
    "id" VARCHAR(140) NOT NULL PRIMARY KEY,
    "owner" VARCHAR(128) NOT NULL,
    "currency" VARCHAR(3) NOT NULL,
    "available" BIGINT NOT NULL,
    "earned" BIGINT NOT NULL,
    "paid_out" BIGINT NOT NULL,
    "receivable" BIGINT NOT NULL,
    "promo_credit" BIGINT NOT NULL,
    "version" BIGINT NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    CONSTRAINT "uid_payee_balan_owner_f0da54" UNIQUE ("owner", "currency")
);
COMMENT ON COLUMN "payee_balance"."id" IS '<owner>:<currency>';
COMMENT ON COLUMN "payee_balance"."owner" IS 'org:<uuid> or user:<uuid>';
COMMENT ON COLUMN "payee_balance"."available" IS 'provider_payable: owed to the payee, not yet paid out';
COMMENT ON COLUMN "payee_balance"."earned" IS 'provider_payable credits: everything ever owed to them';
COMMENT ON COLUMN "payee_balance"."paid_out" IS 'provider_payable debits: transferred or paid out';
COMMENT ON COLUMN "payee_balance"."receivable" IS 'provider_receivable: what they owe (refund after payout)';
COMMENT ON COLUMN "payee_balance"."promo_credit" IS 'promotional credit, not withdrawable';
CREATE OR REPLACE FUNCTION payee_balance_apply() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  INSERT INTO payee_balance AS b (id, owner, currency, available, earned, paid_out, receivable, promo_credit,
                                  version, updated_at)
  SELECT a.owner || ':' || p.currency, a.owner, p.currency,
         SUM(CASE WHEN a.kind = 'provider_payable' THEN CASE WHEN p.side = 'credit' THEN p.amount ELSE -p.amount END
             ELSE 0 END),
         SUM(CASE WHEN a.kind = 'provider_payable' AND p.side = 'credit' THEN p.amount ELSE 0 END),
         SUM(CASE WHEN a.kind = 'provider_payable' AND p.side = 'debit' THEN p.amount ELSE 0 END),
         SUM(CASE WHEN a.kind = 'provider_receivable' THEN CASE WHEN p.side = 'debit' THEN p.amount ELSE -p.amount END
             ELSE 0 END),
         SUM(CASE WHEN a.kind = 'promo_credit' THEN CASE WHEN p.side = 'credit' THEN p.amount ELSE -p.amount END
             ELSE 0 END),
         1, now()
  FROM new_postings AS p JOIN ledger_account AS a ON a.id = p.account_id
  WHERE p.bucket = 'posted' AND a.kind IN ('provider_payable', 'provider_receivable', 'promo_credit')
  GROUP BY a.owner, p.currency
  ORDER BY a.owner, p.currency
  ON CONFLICT (id) DO UPDATE SET
    available = b.available + EXCLUDED.available, earned = b.earned + EXCLUDED.earned,
    paid_out = b.paid_out + EXCLUDED.paid_out, receivable = b.receivable + EXCLUDED.receivable,
    promo_credit = b.promo_credit + EXCLUDED.promo_credit, version = b.version + 1, updated_at = now();
  RETURN NULL;
END
$fn$;
DROP TRIGGER IF EXISTS payee_balance_apply ON ledger_posting;
CREATE TRIGGER payee_balance_apply AFTER INSERT ON ledger_posting REFERENCING NEW TABLE AS new_postings
  FOR EACH STATEMENT EXECUTE FUNCTION payee_balance_apply();

  INSERT INTO payee_balance AS b (id, owner, currency, available, earned, paid_out, receivable, promo_credit,
                                  version, updated_at)
  SELECT a.owner || ':' || p.currency, a.owner, p.currency,
         SUM(CASE WHEN a.kind = 'provider_payable' THEN CASE WHEN p.side = 'credit' THEN p.amount ELSE -p.amount END
             ELSE 0 END),
         SUM(CASE WHEN a.kind = 'provider_payable' AND p.side = 'credit' THEN p.amount ELSE 0 END),
         SUM(CASE WHEN a.kind = 'provider_payable' AND p.side = 'debit' THEN p.amount ELSE 0 END),
         SUM(CASE WHEN a.kind = 'provider_receivable' THEN CASE WHEN p.side = 'debit' THEN p.amount ELSE -p.amount END
             ELSE 0 END),
         SUM(CASE WHEN a.kind = 'promo_credit' THEN CASE WHEN p.side = 'credit' THEN p.amount ELSE -p.amount END
             ELSE 0 END),
         1, now()
  FROM ledger_posting AS p JOIN ledger_account AS a ON a.id = p.account_id
  WHERE p.bucket = 'posted' AND a.kind IN ('provider_payable', 'provider_receivable', 'promo_credit')
  GROUP BY a.owner, p.currency
  ORDER BY a.owner, p.currency
  ON CONFLICT (id) DO NOTHING;


        CREATE TABLE IF NOT EXISTS "finance_document_counter" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "issuer" VARCHAR(128) NOT NULL,
    "series" VARCHAR(16) NOT NULL,
    "last_number" BIGINT NOT NULL,
    CONSTRAINT "uid_finance_doc_issuer_1a0a71" UNIQUE ("issuer", "series")
);
COMMENT ON COLUMN "finance_document_counter"."issuer" IS 'platform | org:<uuid> | user:<uuid>';
COMMENT ON COLUMN "finance_document_counter"."series" IS 'receipt | invoice | credit_note';
        CREATE TABLE IF NOT EXISTS "finance_document" (
    "id" UUID NOT NULL PRIMARY KEY,
    "series" VARCHAR(16) NOT NULL,
    "issuer" VARCHAR(128) NOT NULL,
    "number" BIGINT NOT NULL,
    "reference" VARCHAR(64) NOT NULL,
    "recipient" VARCHAR(128) NOT NULL,
    "booking_id" UUID,
    "case_id" UUID,
    "source" VARCHAR(255) NOT NULL UNIQUE,
    "currency" VARCHAR(3) NOT NULL,
    "net" BIGINT NOT NULL,
    "tax" BIGINT NOT NULL,
    "total" BIGINT NOT NULL,
    "lines" JSONB NOT NULL,
    "issued_at" TIMESTAMPTZ NOT NULL,
    CONSTRAINT "uid_finance_doc_issuer_cbb585" UNIQUE ("issuer", "series", "number")
);
CREATE INDEX IF NOT EXISTS "idx_finance_doc_booking_7138f6" ON "finance_document" ("booking_id");
CREATE INDEX IF NOT EXISTS "idx_finance_doc_case_id_fd2191" ON "finance_document" ("case_id");
COMMENT ON COLUMN "finance_document"."reference" IS 'the printed number, e.g. RC-000042';
COMMENT ON COLUMN "finance_document"."recipient" IS 'user:<uuid> | org:<uuid>';
COMMENT ON COLUMN "finance_document"."source" IS 'what it documents, once';
COMMENT ON COLUMN "finance_document"."net" IS 'minor units before tax';
COMMENT ON COLUMN "finance_document"."lines" IS '[{description, amount}] in minor units';
        CREATE TABLE IF NOT EXISTS "seller_tax_profile" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "owner" VARCHAR(128) NOT NULL UNIQUE,
    "legal_name" VARCHAR(200) NOT NULL,
    "tax_id_sealed" TEXT NOT NULL,
    "tax_id_last4" VARCHAR(4) NOT NULL,
    "address_line1" VARCHAR(200) NOT NULL,
    "address_line2" VARCHAR(200) NOT NULL,
    "city" VARCHAR(100) NOT NULL,
    "postal_code" VARCHAR(20) NOT NULL,
    "country" VARCHAR(2) NOT NULL,
    "updated_by" UUID,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL
);
COMMENT ON COLUMN "seller_tax_profile"."owner" IS 'org:<uuid> | user:<uuid>';
COMMENT ON COLUMN "seller_tax_profile"."tax_id_sealed" IS 'the tax id, encrypted (AES-GCM); never sent back';
        CREATE TABLE IF NOT EXISTS "reconciliation_run" (
    "id" UUID NOT NULL PRIMARY KEY,
    "gateway" VARCHAR(32) NOT NULL,
    "window_start" TIMESTAMPTZ NOT NULL,
    "window_end" TIMESTAMPTZ NOT NULL,
    "trigger" VARCHAR(16) NOT NULL,
    "requested_by" UUID,
    "gateway_transactions" INT NOT NULL,
    "ledger_entries" INT NOT NULL,
    "matched" INT NOT NULL,
    "mismatches" JSONB NOT NULL,
    "events_not_received" JSONB NOT NULL,
    "clean" BOOL NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL
);
COMMENT ON COLUMN "reconciliation_run"."trigger" IS 'daily | manual';
COMMENT ON COLUMN "reconciliation_run"."mismatches" IS '[{kind, object_id, gateway, ledger, detail}]';
COMMENT ON COLUMN "reconciliation_run"."events_not_received" IS 'gateway objects no stored webhook mentions';

        CREATE TABLE IF NOT EXISTS "crew_split" (
    "id" UUID NOT NULL PRIMARY KEY,
    "organisation_id" UUID NOT NULL UNIQUE,
    "mode" VARCHAR(16) NOT NULL,
    "member_bps" JSONB NOT NULL,
    "lead_bonus_bps" INT NOT NULL,
    "version" INT NOT NULL,
    "updated_by" UUID,
    "updated_at" TIMESTAMPTZ NOT NULL
);
COMMENT ON COLUMN "crew_split"."mode" IS 'ORGANISATION: organisation
FIXED: fixed
LEAD_BONUS: lead_bonus';
COMMENT ON COLUMN "crew_split"."member_bps" IS 'user id -> basis points (fixed)';
COMMENT ON TABLE "crew_split" IS 'How an organisation''s payee part of a booking is split; the organisation keeps the rest.';
        CREATE TABLE IF NOT EXISTS "payee_account" (
    "id" UUID NOT NULL PRIMARY KEY,
    "owner" VARCHAR(64) NOT NULL UNIQUE,
    "gateway" VARCHAR(16) NOT NULL,
    "account_id" VARCHAR(255) UNIQUE,
    "country" VARCHAR(2) NOT NULL,
    "payouts_enabled" BOOL NOT NULL,
    "charges_enabled" BOOL NOT NULL,
    "details_submitted" BOOL NOT NULL,
    "requirements_due" JSONB NOT NULL,
    "enabled_count" INT NOT NULL,
    "schedule" VARCHAR(16) NOT NULL,
    "weekly_day" INT NOT NULL,
    "synced_at" TIMESTAMPTZ,
    "version" INT NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL
);
COMMENT ON COLUMN "payee_account"."owner" IS 'org:<uuid> | user:<uuid>';
COMMENT ON COLUMN "payee_account"."account_id" IS 'the gateway''s account';
COMMENT ON COLUMN "payee_account"."enabled_count" IS 'times payouts became enabled (keys the backlog payout)';
COMMENT ON COLUMN "payee_account"."schedule" IS 'ON_RELEASE: on_release
DAILY: daily
WEEKLY: weekly
MANUAL: manual';
COMMENT ON COLUMN "payee_account"."weekly_day" IS '0 = Monday, for the weekly schedule';
COMMENT ON COLUMN "payee_account"."synced_at" IS 'when the account''s state was last read';
COMMENT ON TABLE "payee_account" IS 'One payee''s connected account (once onboarding started) and payout preferences.';
        CREATE TABLE IF NOT EXISTS "payout" (
    "id" UUID NOT NULL PRIMARY KEY,
    "key" VARCHAR(200) NOT NULL UNIQUE,
    "owner" VARCHAR(64) NOT NULL,
    "currency" VARCHAR(3) NOT NULL,
    "amount" BIGINT NOT NULL,
    "netted" BIGINT NOT NULL,
    "state" VARCHAR(16) NOT NULL,
    "trigger" VARCHAR(16) NOT NULL,
    "destination" VARCHAR(255) NOT NULL,
    "hold_entry_id" UUID,
    "operation_key" VARCHAR(255) NOT NULL,
    "transfer_id" VARCHAR(255),
    "failure" VARCHAR(300) NOT NULL,
    "requested_by" UUID,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL
);
CREATE INDEX IF NOT EXISTS "idx_payout_state_26eeaf" ON "payout" ("state");
CREATE INDEX IF NOT EXISTS "idx_payout_owner_07c414" ON "payout" ("owner", "created_at");
COMMENT ON COLUMN "payout"."key" IS 'what makes it happen once';
COMMENT ON COLUMN "payout"."amount" IS 'minor units transferred';
COMMENT ON COLUMN "payout"."netted" IS 'receivable settled from the payable first';
COMMENT ON COLUMN "payout"."state" IS 'PENDING: pending
PAID: paid
FAILED: failed';
COMMENT ON COLUMN "payout"."trigger" IS 'REQUESTED: requested
ENABLED: enabled
SCHEDULED: scheduled';
COMMENT ON COLUMN "payout"."hold_entry_id" IS 'the pending ledger hold on the payable';
COMMENT ON COLUMN "payout"."operation_key" IS 'the stored transfer''s idempotency key';
COMMENT ON TABLE "payout" IS 'A transfer of accrued provider_payable to the payee''s connected account.';"""

DOWNGRADE = r"""
        DELETE FROM "sync_op" WHERE "collection" IN ('payment_cases', 'payment_milestones', 'balances', 'payouts');
        DELETE FROM "sync_op_pending" WHERE "collection" IN ('payment_cases', 'payment_milestones', 'balances', 'payouts');
        DROP TABLE IF EXISTS "payout";
        DROP TABLE IF EXISTS "payee_account";
        DROP TABLE IF EXISTS "crew_split";

        DROP TABLE IF EXISTS "reconciliation_run";
        DROP TABLE IF EXISTS "seller_tax_profile";
        DROP TABLE IF EXISTS "finance_document";
        DROP TABLE IF EXISTS "finance_document_counter";

DROP TRIGGER IF EXISTS payee_balance_apply ON ledger_posting;
DROP FUNCTION IF EXISTS payee_balance_apply();

        DROP TABLE IF EXISTS "payee_balance";

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

        DELETE FROM "sync_op" WHERE "collection" = 'payment_cases';
        DELETE FROM "sync_op_pending" WHERE "collection" = 'payment_cases';
        DROP TABLE IF EXISTS "finance_operation";
        DROP TABLE IF EXISTS "payment_milestone";
        DROP TABLE IF EXISTS "payment_case";"""

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
  IF NEW."version" <= OLD."version" AND ROW(OLD."id", OLD."email", OLD."name", OLD."roles", OLD."region", OLD."status", OLD."created_at") IS DISTINCT FROM ROW(NEW."id", NEW."email", NEW."name", NEW."roles", NEW."region", NEW."status", NEW."created_at") THEN
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
    INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT x, 'users', NEW."id"::text, s, 'u', NEW."version", json_build_object('id', NEW."id", 'email', NEW."email", 'name', NEW."name", 'roles', NEW."roles", 'region', NEW."region", 'status', NEW."status", 'version', NEW."version", 'created_at', sync_ts(NEW."created_at"), 'updated_at', sync_ts(NEW."updated_at"))::text FROM unnest(array_remove(ARRAY['user:' || NEW."id"]::text[], NULL)) AS s;
    PERFORM sync_grant_add(g.u, g.s, g.src) FROM ((SELECT sz.user_id, 'job:' || j.id, 'zone' FROM job j, serviceman_zone sz, serviceman_profile sp WHERE sz.zone_id = j.zone_id AND j.state = 'open' AND sp.user_id = sz.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.category_ids) AS tr(value) WHERE tr.value = j.category_id OR tr.value IN (SELECT kc.id FROM category kc WHERE kc.parent_id = j.category_id) OR EXISTS (SELECT 1 FROM category c0 LEFT JOIN category c1 ON c1.id = c0.parent_id LEFT JOIN category c2 ON c2.id = c1.parent_id LEFT JOIN category c3 ON c3.id = c2.parent_id WHERE c0.id = j.category_id AND tr.value IN (c0.parent_id, c1.parent_id, c2.parent_id, c3.parent_id))) AND NEW.id = sz.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(NEW.roles) AS rl(value) WHERE rl.value = 'serviceman')) UNION ALL (SELECT m.user_id, 'job:' || j.id, 'org-zone:' || oz.organisation_id FROM job j, organisation_zone oz, membership m, serviceman_profile sp WHERE oz.zone_id = j.zone_id AND j.state = 'open' AND m.organisation_id = oz.organisation_id AND m.status = 'accepted' AND sp.user_id = m.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.category_ids) AS tr(value) WHERE tr.value = j.category_id OR tr.value IN (SELECT kc.id FROM category kc WHERE kc.parent_id = j.category_id) OR EXISTS (SELECT 1 FROM category c0 LEFT JOIN category c1 ON c1.id = c0.parent_id LEFT JOIN category c2 ON c2.id = c1.parent_id LEFT JOIN category c3 ON c3.id = c2.parent_id WHERE c0.id = j.category_id AND tr.value IN (c0.parent_id, c1.parent_id, c2.parent_id, c3.parent_id))) AND NEW.id = m.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(NEW.roles) AS rl(value) WHERE rl.value = 'serviceman'))) AS g(u, s, src);
  ELSIF TG_OP = 'UPDATE' THEN
    IF ROW(OLD."id", OLD."email", OLD."name", OLD."roles", OLD."region", OLD."status", OLD."version", OLD."created_at") IS DISTINCT FROM ROW(NEW."id", NEW."email", NEW."name", NEW."roles", NEW."region", NEW."status", NEW."version", NEW."created_at") THEN
      IF ROW(OLD."id") IS DISTINCT FROM ROW(NEW."id") THEN
        INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT x, 'users', OLD."id"::text, s, 'r', NEW."version", NULL FROM unnest(array_remove(ARRAY['user:' || OLD."id"]::text[], NULL)) AS s WHERE s <> ALL (array_remove(ARRAY['user:' || NEW."id"]::text[], NULL));
      END IF;
      INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT x, 'users', NEW."id"::text, s, 'u', NEW."version", json_build_object('id', NEW."id", 'email', NEW."email", 'name', NEW."name", 'roles', NEW."roles", 'region', NEW."region", 'status', NEW."status", 'version', NEW."version", 'created_at', sync_ts(NEW."created_at"), 'updated_at', sync_ts(NEW."updated_at"))::text FROM unnest(array_remove(ARRAY['user:' || NEW."id"]::text[], NULL)) AS s;
    END IF;
    IF ROW(OLD."id", OLD."roles") IS DISTINCT FROM ROW(NEW."id", NEW."roles") THEN
      PERFORM sync_grant_remove(g.u, g.s, g.src) FROM (((SELECT sz.user_id, 'job:' || j.id, 'zone' FROM job j, serviceman_zone sz, serviceman_profile sp WHERE sz.zone_id = j.zone_id AND j.state = 'open' AND sp.user_id = sz.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.category_ids) AS tr(value) WHERE tr.value = j.category_id OR tr.value IN (SELECT kc.id FROM category kc WHERE kc.parent_id = j.category_id) OR EXISTS (SELECT 1 FROM category c0 LEFT JOIN category c1 ON c1.id = c0.parent_id LEFT JOIN category c2 ON c2.id = c1.parent_id LEFT JOIN category c3 ON c3.id = c2.parent_id WHERE c0.id = j.category_id AND tr.value IN (c0.parent_id, c1.parent_id, c2.parent_id, c3.parent_id))) AND OLD.id = sz.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(OLD.roles) AS rl(value) WHERE rl.value = 'serviceman')) UNION ALL (SELECT m.user_id, 'job:' || j.id, 'org-zone:' || oz.organisation_id FROM job j, organisation_zone oz, membership m, serviceman_profile sp WHERE oz.zone_id = j.zone_id AND j.state = 'open' AND m.organisation_id = oz.organisation_id AND m.status = 'accepted' AND sp.user_id = m.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.category_ids) AS tr(value) WHERE tr.value = j.category_id OR tr.value IN (SELECT kc.id FROM category kc WHERE kc.parent_id = j.category_id) OR EXISTS (SELECT 1 FROM category c0 LEFT JOIN category c1 ON c1.id = c0.parent_id LEFT JOIN category c2 ON c2.id = c1.parent_id LEFT JOIN category c3 ON c3.id = c2.parent_id WHERE c0.id = j.category_id AND tr.value IN (c0.parent_id, c1.parent_id, c2.parent_id, c3.parent_id))) AND OLD.id = m.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(OLD.roles) AS rl(value) WHERE rl.value = 'serviceman'))) EXCEPT ((SELECT sz.user_id, 'job:' || j.id, 'zone' FROM job j, serviceman_zone sz, serviceman_profile sp WHERE sz.zone_id = j.zone_id AND j.state = 'open' AND sp.user_id = sz.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.category_ids) AS tr(value) WHERE tr.value = j.category_id OR tr.value IN (SELECT kc.id FROM category kc WHERE kc.parent_id = j.category_id) OR EXISTS (SELECT 1 FROM category c0 LEFT JOIN category c1 ON c1.id = c0.parent_id LEFT JOIN category c2 ON c2.id = c1.parent_id LEFT JOIN category c3 ON c3.id = c2.parent_id WHERE c0.id = j.category_id AND tr.value IN (c0.parent_id, c1.parent_id, c2.parent_id, c3.parent_id))) AND NEW.id = sz.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(NEW.roles) AS rl(value) WHERE rl.value = 'serviceman')) UNION ALL (SELECT m.user_id, 'job:' || j.id, 'org-zone:' || oz.organisation_id FROM job j, organisation_zone oz, membership m, serviceman_profile sp WHERE oz.zone_id = j.zone_id AND j.state = 'open' AND m.organisation_id = oz.organisation_id AND m.status = 'accepted' AND sp.user_id = m.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.category_ids) AS tr(value) WHERE tr.value = j.category_id OR tr.value IN (SELECT kc.id FROM category kc WHERE kc.parent_id = j.category_id) OR EXISTS (SELECT 1 FROM category c0 LEFT JOIN category c1 ON c1.id = c0.parent_id LEFT JOIN category c2 ON c2.id = c1.parent_id LEFT JOIN category c3 ON c3.id = c2.parent_id WHERE c0.id = j.category_id AND tr.value IN (c0.parent_id, c1.parent_id, c2.parent_id, c3.parent_id))) AND NEW.id = m.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(NEW.roles) AS rl(value) WHERE rl.value = 'serviceman')))) AS g(u, s, src);
      PERFORM sync_grant_add(g.u, g.s, g.src) FROM (((SELECT sz.user_id, 'job:' || j.id, 'zone' FROM job j, serviceman_zone sz, serviceman_profile sp WHERE sz.zone_id = j.zone_id AND j.state = 'open' AND sp.user_id = sz.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.category_ids) AS tr(value) WHERE tr.value = j.category_id OR tr.value IN (SELECT kc.id FROM category kc WHERE kc.parent_id = j.category_id) OR EXISTS (SELECT 1 FROM category c0 LEFT JOIN category c1 ON c1.id = c0.parent_id LEFT JOIN category c2 ON c2.id = c1.parent_id LEFT JOIN category c3 ON c3.id = c2.parent_id WHERE c0.id = j.category_id AND tr.value IN (c0.parent_id, c1.parent_id, c2.parent_id, c3.parent_id))) AND NEW.id = sz.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(NEW.roles) AS rl(value) WHERE rl.value = 'serviceman')) UNION ALL (SELECT m.user_id, 'job:' || j.id, 'org-zone:' || oz.organisation_id FROM job j, organisation_zone oz, membership m, serviceman_profile sp WHERE oz.zone_id = j.zone_id AND j.state = 'open' AND m.organisation_id = oz.organisation_id AND m.status = 'accepted' AND sp.user_id = m.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.category_ids) AS tr(value) WHERE tr.value = j.category_id OR tr.value IN (SELECT kc.id FROM category kc WHERE kc.parent_id = j.category_id) OR EXISTS (SELECT 1 FROM category c0 LEFT JOIN category c1 ON c1.id = c0.parent_id LEFT JOIN category c2 ON c2.id = c1.parent_id LEFT JOIN category c3 ON c3.id = c2.parent_id WHERE c0.id = j.category_id AND tr.value IN (c0.parent_id, c1.parent_id, c2.parent_id, c3.parent_id))) AND NEW.id = m.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(NEW.roles) AS rl(value) WHERE rl.value = 'serviceman'))) EXCEPT ((SELECT sz.user_id, 'job:' || j.id, 'zone' FROM job j, serviceman_zone sz, serviceman_profile sp WHERE sz.zone_id = j.zone_id AND j.state = 'open' AND sp.user_id = sz.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.category_ids) AS tr(value) WHERE tr.value = j.category_id OR tr.value IN (SELECT kc.id FROM category kc WHERE kc.parent_id = j.category_id) OR EXISTS (SELECT 1 FROM category c0 LEFT JOIN category c1 ON c1.id = c0.parent_id LEFT JOIN category c2 ON c2.id = c1.parent_id LEFT JOIN category c3 ON c3.id = c2.parent_id WHERE c0.id = j.category_id AND tr.value IN (c0.parent_id, c1.parent_id, c2.parent_id, c3.parent_id))) AND OLD.id = sz.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(OLD.roles) AS rl(value) WHERE rl.value = 'serviceman')) UNION ALL (SELECT m.user_id, 'job:' || j.id, 'org-zone:' || oz.organisation_id FROM job j, organisation_zone oz, membership m, serviceman_profile sp WHERE oz.zone_id = j.zone_id AND j.state = 'open' AND m.organisation_id = oz.organisation_id AND m.status = 'accepted' AND sp.user_id = m.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.category_ids) AS tr(value) WHERE tr.value = j.category_id OR tr.value IN (SELECT kc.id FROM category kc WHERE kc.parent_id = j.category_id) OR EXISTS (SELECT 1 FROM category c0 LEFT JOIN category c1 ON c1.id = c0.parent_id LEFT JOIN category c2 ON c2.id = c1.parent_id LEFT JOIN category c3 ON c3.id = c2.parent_id WHERE c0.id = j.category_id AND tr.value IN (c0.parent_id, c1.parent_id, c2.parent_id, c3.parent_id))) AND OLD.id = m.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(OLD.roles) AS rl(value) WHERE rl.value = 'serviceman')))) AS g(u, s, src);
    END IF;
  ELSE
    INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT x, 'users', OLD."id"::text, s, 'd', OLD."version" + 1, NULL FROM unnest(array_remove(ARRAY['user:' || OLD."id"]::text[], NULL)) AS s;
    PERFORM sync_grant_remove(g.u, g.s, g.src) FROM ((SELECT sz.user_id, 'job:' || j.id, 'zone' FROM job j, serviceman_zone sz, serviceman_profile sp WHERE sz.zone_id = j.zone_id AND j.state = 'open' AND sp.user_id = sz.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.category_ids) AS tr(value) WHERE tr.value = j.category_id OR tr.value IN (SELECT kc.id FROM category kc WHERE kc.parent_id = j.category_id) OR EXISTS (SELECT 1 FROM category c0 LEFT JOIN category c1 ON c1.id = c0.parent_id LEFT JOIN category c2 ON c2.id = c1.parent_id LEFT JOIN category c3 ON c3.id = c2.parent_id WHERE c0.id = j.category_id AND tr.value IN (c0.parent_id, c1.parent_id, c2.parent_id, c3.parent_id))) AND OLD.id = sz.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(OLD.roles) AS rl(value) WHERE rl.value = 'serviceman')) UNION ALL (SELECT m.user_id, 'job:' || j.id, 'org-zone:' || oz.organisation_id FROM job j, organisation_zone oz, membership m, serviceman_profile sp WHERE oz.zone_id = j.zone_id AND j.state = 'open' AND m.organisation_id = oz.organisation_id AND m.status = 'accepted' AND sp.user_id = m.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.category_ids) AS tr(value) WHERE tr.value = j.category_id OR tr.value IN (SELECT kc.id FROM category kc WHERE kc.parent_id = j.category_id) OR EXISTS (SELECT 1 FROM category c0 LEFT JOIN category c1 ON c1.id = c0.parent_id LEFT JOIN category c2 ON c2.id = c1.parent_id LEFT JOIN category c3 ON c3.id = c2.parent_id WHERE c0.id = j.category_id AND tr.value IN (c0.parent_id, c1.parent_id, c2.parent_id, c3.parent_id))) AND OLD.id = m.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(OLD.roles) AS rl(value) WHERE rl.value = 'serviceman'))) AS g(u, s, src);
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
INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) SELECT pg_current_xact_id()::text::bigint, 'users', t."id"::text, s, 'u', t."version", json_build_object('id', t."id", 'email', t."email", 'name', t."name", 'roles', t."roles", 'region', t."region", 'status', t."status", 'version', t."version", 'created_at', sync_ts(t."created_at"), 'updated_at', sync_ts(t."updated_at"))::text FROM "user_account" AS t, unnest(array_remove(ARRAY['user:' || t."id"]::text[], NULL)) AS s;
INSERT INTO sync_grant (user_id, scope, source) SELECT g.u, g.s, g.src FROM "user_account" AS t, LATERAL ((SELECT sz.user_id, 'job:' || j.id, 'zone' FROM job j, serviceman_zone sz, serviceman_profile sp WHERE sz.zone_id = j.zone_id AND j.state = 'open' AND sp.user_id = sz.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.category_ids) AS tr(value) WHERE tr.value = j.category_id OR tr.value IN (SELECT kc.id FROM category kc WHERE kc.parent_id = j.category_id) OR EXISTS (SELECT 1 FROM category c0 LEFT JOIN category c1 ON c1.id = c0.parent_id LEFT JOIN category c2 ON c2.id = c1.parent_id LEFT JOIN category c3 ON c3.id = c2.parent_id WHERE c0.id = j.category_id AND tr.value IN (c0.parent_id, c1.parent_id, c2.parent_id, c3.parent_id))) AND t.id = sz.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(t.roles) AS rl(value) WHERE rl.value = 'serviceman')) UNION ALL (SELECT m.user_id, 'job:' || j.id, 'org-zone:' || oz.organisation_id FROM job j, organisation_zone oz, membership m, serviceman_profile sp WHERE oz.zone_id = j.zone_id AND j.state = 'open' AND m.organisation_id = oz.organisation_id AND m.status = 'accepted' AND sp.user_id = m.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(sp.category_ids) AS tr(value) WHERE tr.value = j.category_id OR tr.value IN (SELECT kc.id FROM category kc WHERE kc.parent_id = j.category_id) OR EXISTS (SELECT 1 FROM category c0 LEFT JOIN category c1 ON c1.id = c0.parent_id LEFT JOIN category c2 ON c2.id = c1.parent_id LEFT JOIN category c3 ON c3.id = c2.parent_id WHERE c0.id = j.category_id AND tr.value IN (c0.parent_id, c1.parent_id, c2.parent_id, c3.parent_id))) AND t.id = m.user_id AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(t.roles) AS rl(value) WHERE rl.value = 'serviceman'))) AS g(u, s, src) WHERE g.u IS NOT NULL AND g.s IS NOT NULL ON CONFLICT DO NOTHING;
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
    "eJztfXtz2zbW91fBaOadOs+o3sRO0rxun87IspKqdWyvbLfdjTsqRUISa4pQCcqOutvv/g"
    "DgRbyAFCGRFMhg/+jGJA5JnYPLOb9z+09ngQxo4ePrlTtBnwdP0HY7Z+A/HVtbQPIP3u0u"
    "6GjL5eYmveBqE4uNR2wgGzPBrqPp9HFTzcKQXDIg1h1z6ZrIJlftlWXRi0gnA017trm0ss"
    "0/V3Dsohl059AhNz79Ri6btgE/Q0z//NRZriaWiefQGGvsk0yj8xsdtHwcT01oGbFfQW6S"
    "W+z62F0v2bVzcza03fdsLP2MyVhH1mphb8Yv1+4c2SGB6f32GbSho7mQvsF1VvR30c/2GR"
    "D8VO8nbIZ43x6hMeBUW1luhA+T8eZaZzy+ur4b3w7uxuOOAOd0ZFOuk0/FjAEz+glf//+T"
    "k9PTb05enr599+b1N9+8effyHRnLvjd965u/vY/ZcMt7FOPZ8MPw6o5+ECKi9SROL/zNaD"
    "RX86iYiDbch3TajHkyuL8fXvAlEKVJyGG1Mo1jSpmURsB7acWRw9n+D73R0enbF+z3IuzO"
    "HHaTcYixd8NO8kSoLdLM7M81h8/MDUWCleTGLkwMLmy4uFnhdczqhfZ5bEF75s7Jn6/e5r"
    "D1596IcfaVx9nNrL3y75ywW3EGM+4IsDcY30bmnrwrwt2Td9nspffi/H2EaxH2+sNl5m4H"
    "ryZ/QN0FpnEGftKmjxpYQIy1GQT+10vB+AkyOJz/8fb6is/5YHyC9YZJful/ATl+UwfiAU"
    "VANAXwbDoQ0K8GaAroBXaMgKOb0fXddf/6EmAiJDIeeNvBXjs2ZRt9yALjP60o648+9n5N"
    "SqV/eX2e3NrpA84TEtLJRu2GOk1cThfkjmsuIF9WccqkxHzS4+Af8sit+MZEfqBxbVtr/9"
    "DOEc3d8OPg9q738SYmn4ve3YDeOWFX14mrR8kTInwI+GV49wOgf4J/X18NkmIMx939u0O/"
    "SVu5aGyj57FmRPSL4GrAtZjUk7qsiNyTtCVI3v9kWQTfEEEHPMmVtOa6cLF0cVrKmbZIlG"
    "S7RVLWQn5ZrUVy8ur1N6/fnb59HRoi4ZU8+yOwNTYMtTTsjqHjICfN0jv4OYOncaqdNIsG"
    "LZLBr3f5B1W4Ri6vrz4Ew5On199/U/N6+hgx8eiFiaY/PmuOMU7dQScoa2z61uJkkbyi2U"
    "R/MvxfTH+fj0XcOEgnyhU0MtGKxIhuHmCxDMaOYTi4VOTiExPVagHZrArt2t8SiIbCLqTE"
    "LqKyK2qwRGlktlp2tAnfvi5gmbx9nWmY0FvxTVwmgEjefVwAItpsajsolAlaZUrIomFmmR"
    "KSnMsf4WICHTw3l7wzOXI39zxexMdtO4o7PbDC0PkKg6Wl6RCYNtBsgJyZZptYo4PILWIb"
    "Px+DoQuwqzkuBhqmg0z7yXTZEAYV0McATdch0bWBpxhGZ1JlL3oga0C3TBticKQBsvqeTI"
    "MM0DXbRi6AtoMsgNECIhsCwixIXkMe8GTqkEjixbfApza6AH5emg79hwWnLnmx8WA7cIGe"
    "oAE2XCVf5EBCZEGyXMER/SBtZZguoOvDAo8QkiHkqumAuYld5KxfHHeyNJvoz2eDyJftp9"
    "lkb/iH8AV0vpuubA8xYm+i/3n9fUfCvT9bgyHzJwPNHtirBeP1kHyGZuswxfOAVmYtpnP9"
    "y9VgdAbQM/maB/tj76r3gf7t7VPkyu1g9POwPyA3ziIrZydQtnRXA+G7u+KgAcXEs6GuT0"
    "AdtptBQ3AREFX75+Hd4OIM+PQPdq/fH9ywS95m6D/z4DLxtlG8g+oUp6wFiZPEfSmTmlQI"
    "iHsip6F/aBXE4SIU9cFwr6rSgEuG4ZTf4ksxNqJS97fy8WQtaLynCPdQ65oDxAoY8FHFWp"
    "C3HFKFjyTYS+0UQbZGSBQ7ec4A/uRNs/g9cqA5s3+C65Rym2BsEHuYeFwzWby5utmzHO05"
    "NIt565b8wzPUmTx6t/3exaCTmsglsPjef0xLWRtZu9tZujmb6mOsnGfYVr6mjvEYd8lXgK"
    "v7y8vO34fBI2P7Bi+mObGv5AQ1J0cWQCVDIG+ywhTcw8TydQFcLC203iB4kKKIBjCxD1cY"
    "YLIm47CHZrB7Po6BjzmIZDUv2R5+rSC9g0J67P9TfM52SAbjZYbxdo7+fVkI/3mZAwC9TC"
    "JAhBvkC8Z4xYmyzsQH4kQqUicJEfj80dHK5oAE29gakinGJhmroKxS2amgrGxWtxfKWi2N"
    "HaUep1RSl0XqHDeA//URpIIqwKL4WoRGIUFbkCDKK4VPbIV+IlMqZkKPyAQfDft3eSZ0xK"
    "7dBHmkeX7uE7//aQSt0JLlszseq9MSpscW/l/IhmPLtB/35FQUQ/g3eWZb+eVDCXty69Z7"
    "SnsAsUR2HXokD9mTR+feU1rEIyGMLxoaQ06JqYN41mLA0Gsb3iHynwJTL/a0FnFWABAdEQ"
    "ZAPL9Dj5ALiMbud/MAUccbOXbDoVsRUSIl4JMBRkZTNDVgoZlp08DHqbYwrfWLY0A1TYZO"
    "3v7Q+/rkzVuKW7K5YHwLHOTHUeIltA2cQkSreMmDbbo+fopXkMVGAht+doMUU0yY6D+Y0M"
    "Klpa3J15C3UnIyin3SE/kYj9QbqXBWWbTXbg7O6slK0D6IEVVrIEgS/CXgeGeLcjzX8FwE"
    "v45TlYNiHza3qeKEGrZV7QJmxAgVliELllEEwZIobFU2qTdEyoUCV5lWsYOQo3SqRoDMEv"
    "a0xV127zilkrLMUmYxScRO45m32ZpQnKoNhQviqtDJmzcFdCEyKlMZYvcS2tBShMXe6Pax"
    "tnwtU0XRVuk7UaGdpYR2Hib2kHGdA7EF0siG1rwdXg/jXSoto6rwpYPiS3ChmZbI2RQStA"
    "4DOXlT5Hgio3IO/tQBpeIkI/UkC8VJnuTESZ6k4ySRxXMJZheUDAnqrygZ2S8mK9NyTRsf"
    "0/cdYsuopHSkA2fcKMDs6b6hUNrudm23gan6RG0wn6DgBO/0+nfDnwc0K59SP9i397c3g6"
    "sLmqiPV8wnRrP3B6PeLb1EvhrLkrm/1DB+RkR3E3UwpAhbeAJUYlqr2OOOij1WnhsVe6yk"
    "XiT2OAX3FAnrxKzQYVhDrM7YTslUvEJheCoKtjCraNyxMY5mt5YYDttWpsVi3/bkVzLiro"
    "38KivU+jYs3aYCrb/sQGtsIXesW5q52JdN5EF9+py2ziZi1pozewFtXscBEU71wge1lVV1"
    "R+83mUljMsLGZgkKw134oJbuVRPT2HdKed61Nk6nPxAdsShhf+p7T2kxo/Zk0I9o0lbmOP"
    "DJhM94/OyYrgs5WKSYRk4f1nZWOVCH5hPkdRZRvAq0TK+lHx1FMesyzON+5FEtPe/8tod0"
    "itHJse8U++g9ru3Mwtww0GoY1cjFGF2E49IQvhvNcU3dXGrt1RymEBpj04X7msrvyXOG5D"
    "Ft5ZMBS4BdLmBB1KWRLLKRa05NvYyD8CryqDaxS6W614iRLjR7vHTQ1OT1N9mBbeFTbzYP"
    "bSP39Dk0ViXxLPKsFrIquuORqQan0IF+cNe+nIvugDexJ7eEj4IB8z3ag2oEdeTEA9E5t7"
    "t54fOslxW1b4OR0oTPq56d9F4dPTuJuBE/MSk7AjBKo6Jht0fDajq/un8uh/eJNi6gA7ap"
    "gkOAPjEmCXA5SdfCQNbTkwLMPj3JZDa9xWe22JYRp1KTevuknsApMU3SPM5OGNlQ7JUxIt"
    "nmXHdqiDZ1ebmk2WwPCRTX90nIIT8bi+4qcar2qSKvTt4VSkR7l5OI9k5l+NezYat8hGzW"
    "NzMyXfIe4ql6ulv69gShoMV694z/Cobv0sCH9dOBGGiAPqZQOx4OSaE+2uw7VR9tqZL1VU"
    "vGCtidCBMXY2uERLFTtWTcH7TultGSMThj9mRxy5IckqyNrF2Z6vYkkkw42kc6DSVb94g4"
    "KkU0jw0ZeEbOIwamnaN0bBnN1TeC2lJKz5BPz1BV1ZReIRc7c/QKVaSuyGEn1H9Y6Q8N1h"
    "+ytIbtukJhBaG2gAV1tKu+vRW6ASqoR6ebLqdpezZ/g/Ht891Wwt4ZRAvoOhwWZ3sSozT1"
    "F/0T53fnA0T014AbZK1nZLNBDvhICE3/7y745cPtu9fAsmf/sDznhnyex4Vpjy0vCzmhRV"
    "hIywhBi9Ak5DSlRPJIqIw9/OL6/vxyAG5Gg/7wduhLIHTBsJv0ErlgBo0Ye5c8JvMcY9uY"
    "zHWJKSbzmUw3NdGZvKFRTC7MZNGZvKFRTC7C5E0tzkRYMEIW1OzsmMknngo4IVRV8TjQWu"
    "rl8fn19WXsIDwfJgJ/r+4/ng+I0vIizut0FUVVlLKjilKqIBBVlFJJvbKilDHXqGqk3cmB"
    "LrNyF1VNPElLc0kW5FmIR3VVCGoKb6oE+fuEPTPkrDscoD+8180D+/XoqK0RAXe0yzSEBj"
    "SAq31GNlqswdGSHLcT2mj6e0Dsh0faeVozHXB8fPziDGBrNcNAcwgdeycwDZyOHSjxuSW7"
    "HnJit0tMtpGo/U1ZodvK93AocHxJVoUtmuwRI6ooIaH5kzrCZLQpFlnQtI+S1Gfbv6yKwS"
    "XY9jvp+6ousTw6mGy760GUsGAqZYdo5qtgODKoeEwmdQdqYEl+AfkqgKbBddwFrJg+mKzp"
    "/SAPJGolU1J6N6WGlfnwBzsRDko1OXKbKGVEiSNPAUfwM/mp1ppcheyxzosqNDgVPFJ28A"
    "gRZYZusb37WEBbY++xyPoScb/fDkY/D/uDs2DuP9g3vf5PvQ/kir8wkuunkMZXeqsx13R5"
    "JZSyVb2QoEYZVDXBk8wtpE6/zVGn36bU6eiXpbh8Bz9naHsJshbwOg9cHvx6F8OVU7EjIb"
    "Z8eX31IRieDChJqNgOWXVjbRH0H04oMzlFjJKUO2nb9eh9NBCDnJjkLV7hcbkqG0VcbyuH"
    "1gUTC2qL0LQvx/20SO2X7NIvqW1m5fg1ZU175fLMm8zpziOVeMofzH28gIappfmaHTIYEj"
    "S3SbD3G0BY1w+DI9PA/1g5Fn7RBTZ8ojnia3/SyBc/mFEvOFtkIUFzRVbGgVyJMPxMByF5"
    "RGmaKxL2MzC1XUML2cTELqaLygCmLefioZ2eMyyDYm2iK7US0qax4WhTV1QyF6Pe+7szwG"
    "gf7OHVeDT4eTj45YxIxa/8Twy3+/PL4e0PtEn0cjUhE2BO+0ZTBg9/phc1R58HTSgOb9Cp"
    "oLFST32qG9mzMV4tBDgaJ1JofQZTdb5tto2t+l6GWasZG+5PO4S7JWlLCHiTzCJobnxbOq"
    "xRBbNmL6pmhjWqYNYvUepZwayxte5HWQkGZSTI2oehlR+XwfyItJG4aGG0BN0eXkHJOF5O"
    "8RKPPztUhEkRKs7m10cLJmKayVUXR5OTvdtroyWW7vbCJps5WQKTC1aMaTRzhcrGREOK9+"
    "RtNIa5nfxNHPEx7o6I2jEa9u/ySsio3ISDhn5tGpzxor9i7c9yAsDi4wQqAn+FwRFyAGX5"
    "EpL/2G6kCN9X+MWm/C97fF6l4F0epSK1JNAluiA7UmtOLCrL5FXxyjY6ojQtiFqpIUJoYq"
    "I0g7Mjg/zhLeBt3RFBE822xdqHbCga0D8k6auX06s40ywLOiYvQiWn+FKUqLl+YGld8xjp"
    "pmZlJfJmyyVJJ4do6GtbIxrlzu2oGiAKQFduEyV1UbfJwQqQJ/W9g+ZnlwTgy9I0piW8Fc"
    "hdTSNQRduhBF2868H7ZZBENZ1Q+FC/IHd3BPobwdWtAH/p6bLk/o2DpibjWU5vk2BQt2B7"
    "k2VkvCpg3lpkU2FuNWFuEQeVELKQpJMDWdgp+D/4KX7RoUgWQLTVkZxo3RwtoHBJ3SjRjj"
    "V15fQO8theRkldj2GC1aGjRIrLBbisIvlVJH9zGKujxZKq0caYX40nk7VpQsVcVVi7UnYq"
    "eDWb1Qperb6/owwYyeEwwDrRKSlZLxU8pc+hscpApYJ73VwwKjpKQVCthaDogcZvkZlXe2"
    "tDUyMYdX/Xr4q3VSf0PEP4aAk1ettQNBdzUtEsSvFWirdSvJXiva/iveE6/KxD9o37lo72"
    "9btB8LwGLi6BbBllp0htp2xmYY7BEpuq2y2XMYyNL5CQRM8Z4M41FxgmrYrFsoQWzFXmqW"
    "NgqbkudOwzWjULaJZFSNZdWiwaUesGzNHK4TQGKfXJHIvqU8xao+/q/KasLJmsLINbw4zq"
    "Rnw+B+PzNKLmbthc1xrRaJItPp800/sl6ZMut8tnlK7GRp/hlcZ2+iTHnsPR4bORgJCgfV"
    "U93hTAAN5kQgBvkggAzKo2z2cs3KPA/JfE1vCwFzvHEmRlHmjybrG7l/OIqheJyBDRYghR"
    "9LmZrN2qPycmVwEdeouTpUR920Ju39LMRYenZ4c38/VrMmysh+NK9Q18Cs0z9hbveNlLl8"
    "2rsM9d/Bw8zxeytIZdncX0s3XciMS4mm42ChinbCEK2FzUL53E5ldoETxw41TqvE0i6NJg"
    "qY1lZ476Um+NLElZuj/sx9kFSuBq8VpNTWVsfO+TSR3sYUxktYD8yk+Ru7kKYfD7tPj4kh"
    "XDyIzb5C0onFMunNOCGk8Hz0PrAhIF1AkAdSqAoaPKcagAhv3KcShLpgJLJpLELAjJJgkV"
    "a/OtGqWCl6uC82exshu3wt3JhStc/rdKEyeY2xz7JjLttxo35Vs0ynCRyXBpVjdw8VXfub"
    "4aXww+9q4uzgBbn2TBGA/2bf+HwcX9JW0fF3itJOkf17S2fw4kY7ELDcF5TzbIf96TPZKK"
    "IHzGg93r9wc37KKm0yg2mCEs1izwZnT9geyzt6xd4NJBdN7jB7t//fHmcsAeEmbjkqu9q/"
    "7gkj1Fp8yz2FMuBv3L4RW9aECdFk4m1wa/3gxH9BL8vDQdWSaGaBkIVQHirHBtAtHiD6ru"
    "Q3HeEruULkv+lpYRyLYhaUHNn0Tj8ZdFapiTUdnNx1+mapjbiNtzPLuiUkjQAv7mITNV1F"
    "QKz6Adnf5pctXqUWbH/0Zg3FjGotLmRzYqWUsla33l0OL9nIzVnD5/ERqZTaFdD6wix1X2"
    "YZU8qpaOqcOxtuBXLMqLWktS1ufOaUkIW6y60cLE1C+2kyS45EocO4vDJettFznE6ZQAdh"
    "cAcjVrNxEkKJUQdhYC3d+5fp3sYhERkgZ0CCpDo6qkLISHc+EdwgDilEq3lVm3VbEzHRU7"
    "o2JnVCsbJXXRki/6CrtoIZyqkCBTgT2JLfQPNBHk6IZCNaJvSIegVnDXj/XZLbRP8ZTLU1"
    "pJUZChERLFzdwgyeDoSXNXhfHFw/gSh3RGEB9nMyiBtbebJzVyzhaNkSzO2/yOasIM3rOn"
    "WkO4vK2rGp/VRJcqgcM/ek9pJ2M36mYBfvKrCQsz9N/+Y9rJ0cgJHmMpeT+4ur+8zAuXTp"
    "RcYKU49q0GGS390ZIDLh59Feam7smpeFJsG1lF7tjYLKHE6F34oLayyoFPJnzek00j9pC2"
    "sojcpfC5VsJ86kce1Z6TgVOsNif7JeIm1NZ0FxrrGuYVSPTJg7q227l74z2v7z+uRcwVyB"
    "aKbFmchKH4hra9IIIbH7+1Au3dHAKf9isM5iYxyJz1GYBk1q8By2kA+lyzZxA8m+4cPM8R"
    "WGgGBKabrjm757NKTlhSVbjKjRbITmSidYXHOckzfBnEqdpXdbL8NBQXiXM5StPCCMnymU"
    "x2S+SMHcSrPJmTNhGjkngyh5hbN9KKtwu804lc1IyFSf7Ga+zCRXKHLxSzelIkaPUkO2r1"
    "JCkRB2qYh0hlS2ND0YIcixpyWFQ8RTb3m+lZLxJP4e1ZYl6gKI1yA8VXkartogqQyIT3ih"
    "YgYWu7PqelnHvAVq5Gd0BhGL3SqiNm3CaOXO7mIgf+gJJrJ/ouLlU3UdbyI7ukXKhkizIy"
    "wFSiY8WJjguIMdkk0wzOzsqPkLTAZqw7L3/pILL77JqWn6ZW2SzyRGSnDUe56yRxlhlRa8"
    "wnKLjYOr3+3fDnAa2GRKkfbMrYi1Hvl6sz5r8wiFpoP9ijwY+Dvl9K6Q+oZ1RS2gVJKx/b"
    "VGlIHZWGpGAzlYakpC6ahnSgfBnZJFxqSocq2Fw5XlpnoLGkDN010lgVaS4nAWGPIs3xqj"
    "n7B9L2vac01nrcM5BPEFAOuMUBlSOMzAaW6brSIwMLdENntWgpqoocoNn4GTqA/KEB8iiv"
    "MTm5Y0MwMQ2AptwYtB2foYplS3COdXPQ6gkyOIBpNp4XjG8FWFo3nKdwgo7CCZTFuGd4zY"
    "pISzi+JkqkjJtkhI1piEbXhBQqWkmKAiDtmZjK6q7N6p7wJqp4xJf3lEYu9u3BXuFGVyDQ"
    "ix0yCsDYGuoVPYyl6jBFtwaOWe7vGLkmeSFTXCjWSxnKMhnKrumKpa6EBK0wlZMu9CLZEm"
    "RUjhM9lS0R/bIUn7MRiQRZK7hdNzBRbyOmBnG7eZ2YvjDmqlZMNaSxqcDaigNrJyuD6H3j"
    "hck5+fLixuN0KnZ859jxgJHa590E4NEpAewsAPKxtC/lboHOKWIV5yxPyFcawQ/EtUPvsQ"
    "SpkrPMcpY7nj2NUqAltAXVtM71zeDqDFDKB7v3S290waLTKRKV3aBXzma8QUj9WNwbxCFV"
    "biFp+9HIpnC0actTER4dFeGhIjxUJoiSunBDGiKFGXLWXN0jB2iKk7UQa3r7uoCq9/Z1pq"
    "pHbyUBPdX7R3X/kJCbObE/qvtH0fAK8e4fwR5aAm/7kUe1lb/xE0e1UZCpjYJfnGvPhKbi"
    "Rcwawuxk2N++/CkU8teUBR7fC2vOiGsok1QngMMlEPpdJjiBipv+E9mxis5mTMml6SJFJP"
    "1QWFWaTqoYRsIRbpHP24VmWZkI5YaqTf7t05Nv3obwJP0jD5m8/di7vEzDky78zIGoskMV"
    "g/EtCDuqO0JxbhoG5EXHIGRBzebze0OU4DjZqayqWB5eqZfr59fXlzGunw+TbL3/eD4YHb"
    "1iItgE1aWntQOXyNkNgE2QKv+8PIBrGmf3hDXepQ9AglDixgwyBVIq72BHeQeVn0jlf0th"
    "J6gOC5UyFa8mtG6paCW2GJViqmpbcbC2FSqbubRsZs6+oBi7tc5dbCuUKk88Blpz67jFQe"
    "1sNFZPjlQp5K2FX8n2mxHatD0cPqCVOb6JYlA/Da8+nAXdah/sH6/Pz2iFwAf79v7m5np0"
    "dwbwaknRg04hQVQd9P4IhbIa/eHlCOGwHW7jjD0plM9/kpPPf5JCOywNu2MM/+SAtjkZdV"
    "Gq+iCPl1Wx+SDJdIyHfueVHdARDrkCcmUGchWu2FG4osIVVdaBkrpo1sGBoc/mHIryl8Bs"
    "JS8DEGSFhdM1OKSKu9LByXLytXQ0uc7SrQ1lqVC/lMjarg9JbihjORshn8NFEgx8u3jPqO"
    "ePm7aoDdMFC8WHLzXHNXVzqe0dSH+zeVKbmFWlcyKYWxy/RGTaZbskIi17y44QT3o7KM5H"
    "fgvvBhEY25J0y4S2O15gdtYkA8o/daaWNpt5NVQi1vdvytVxUFeHMOxbO+JbfYR53SXsVC"
    "ef+sLR47tSius55QqShK1gf9UFCzTX1fR5Rl7ej7fXVxlRf3GyJDJn6i74L7BMXNkmE9nK"
    "JyvTck0bH9P3HWI3p2zKXwfJKZ/Y9ukDkusgcvoK5GVEqFRihkBiBuWbH3UvtA6SdGohlL"
    "4QvKzKMVFiKTf5J8L2KI/0UyTOrOhc/3QG0OOD3Tu/vx2cAW1CDOzODudF+WEdHh93zGCK"
    "kSrHtzzOm7TPTnlqs5dYM312RTy1UbBAtIRVmlTF2GdtnhN+LbZs7qYplcMp4c5juJaoIy"
    "9KpKbrljphCSRxT8+IYHkSSVm8vaZVel8s4IQKQVqVyJDrf4qu3wIZIpFtVPn2tvA2feQI"
    "Fw+r0hcTdV9x/DEJ71axNJHxMkFVsZOG+ZjTjpfA9WzBqatcLnWpEjnFfVBWf8ICuAOSv1"
    "Vhp39/e3f9cTA6A0GFywf7djD6edgffOxdnQEyH59MHZK1+GCTC70PdKi3MsnI8+HFBb0w"
    "oTVhyN8fBxR0IwPgYkL/7l18HJKHaIbfTOnwIAYLw6dW3I5JFFFSlUmxm1PtD2TaO+ELMU"
    "IFLzQJXggONEGJR8gUaCgzaKiyZTqlZssoNK5KxGiHwO9yAr7bw06FFsmAFtUbqtxU1u4R"
    "o1wljvEeQmPowkWHA2KE97p5CMaUjBqbwbCSIYtgbsEnGlzFjRMNhjia/Uj/nw6ikaeEwH"
    "QD7IhVWRADMvLMMO4ezFEZ/ImwH4bRkoDGbIAjFK7AURilkf8s7JAZDQy0IIwH7MsBvUAX"
    "DfBKbuJiyEQ5mkd2uRI+rxtRouQPNDmmvxsaXQoFHS8tTWf/9vKZjoNWll2gO/D5mDa09I"
    "aA4+PjXXCh1+8K4EKv32XiQvRWopWkt2Mx/gqIJ0Emu5SYeAByQCQp7/CYXOy0KLwJRYnk"
    "34VqNnBU16wyuXnALnqS8bPymPQFWtkclDBPIdzQ7IQj1RTXOVkZRLmme+/SMXXyuIVpkz"
    "/Ia4sqIIcB6/WV40BbF6roFaVp36w/LTDpT7MrmCenPF4tFhqvTVx26HmERI6oc/paUc9u"
    "53muebo4sW+JKk7DOTARvela5IWUO7gLvLW9v4ZeTXi6b/UW36oCCpkz8thHEjYDrCOHGE"
    "o2kRFaYc023DkGaAo0sETki8GRZ1T9g4IQ//CJjpfrFzLvZlNNd5EjluexIWnwYqPrLBCs"
    "/4vABM7Ju8Hv9Prvci4x5VbqqCJse6M/9JPC2a+zE4UcODpVUcDUQYu9537j3LXKAValA0"
    "x5ZRrslbmANOCtw/HJ+He6eR4ZYzNmmzum07PB+/5HshPNTDqUnfIueoT2Meh5/yBHtIXs"
    "GSZ/AWRDQFkGiNassS3tzCeFVBzAJMZlKsiuinc82JqNqJsIaDrbTMECPUFMbx5pwIbPwE"
    "HPXYARU+6XNJiY6I8APZNZ/BUGeG3rAEOPwJO68YKhwNtrrUcCZL2KxtBmUbLU5xS/ouJm"
    "Dxo3y2aWCGQQErSuDPibVycFAAMyKhMyYPfiitzS0twpchZ8Fm+PTY7SS+206F1djK6HF2"
    "eA2J8OMo0He3h9ewZMhB/sXwbnZ+AZTuTwYtAzYUdp+KRSC4IXKH4zuv55yALAlw56Mv28"
    "pcOLwkK6lhW3nxFnGlK0EK98UwSwfJONWL7JaELgHbUpLheogx+hbY4p+UXG9X55iIGK1l"
    "ewW8mwm0JbFNqi0BYu2nKFXHNq6plN32L3u3nIi50cuRV/ubYhgLbrrD2vFuXQVxhEnwN0"
    "eh8egxF6xuDZdOdk3O9klVraEsPxI1z/Do4oaLJMq74lP/7BjgaIn9FhkT+/M43vf38BNA"
    "cCv3EGddyxIDswWQNi7UHHi35kLjwKzGDCaEBekQW9bLCW6AflBAHHO3aYojG/CoSprzVe"
    "c2NNpYlUCoK7drX5o/QyM7xDlMnb3ofBLc3q9qq0P9h+T8LbsCkhZrngtywTHNNM8dFPRI"
    "mlXQsXmvNINHzat7DX71/fX9E39e9Hw7t/nQUAMrEH9ZVjuutd4IPTIvDaaTa6dpoC11gI"
    "ihB4GRDILMgdV87JyyJdDMmoTAaze0XKKmczuFVllRPwcCH+vsnh75s0f9sfzb4rFlb6Zp"
    "ETvL6V0apYdfHjNqqDCnA6Sdc+ePfVSZFkGDIqp81sKh1G54dhZ8I/+l4h2K0Gf6h6nuZk"
    "drxhML65wYZlmD2VRBMqMDt71rcXzFY9SHdZgDJJuZCnilXm2qU0uabKkjdBvoaJFybGOy"
    "3kJK2StMySVt7HUhVQ5X1U3kflfdzqfbxx4BTStFXY2eKHjIzsFvVIjpdxou3B4YHDUJ8j"
    "U4f4W9+FyNyEaEXjsx30DOYaZt48X7I4zMqLvhz/Y/N2TFP0UkU3anjd9ujuTHehPDvYQe"
    "OKq/ES6nPNtv2pWxSjiNIonKJ0nOLPlQndMTkyHHe8MO2Vy0HxbxeaZWUqRPwnSFwfQVQ7"
    "Oj355m2oGNE/8nSi24+9y8u0YuQxCdrGXkyO0ysWJ1ypC0gLy4h5Uzc07YPry3eNLB3ziT"
    "BjvPTaNvB6g+f1jeSRqwaSAg0klbnaKdVcVXBty0B6DujDvj5lVYsYgdss8Gsb3iHyn4rt"
    "bxkMgpKt7z1786xpa+i+hrlmdPR2N892XnoDx3owstTitkUNTxWnWocF+geaCFr3GwrpSx"
    "WyAiReyiQgnw2e59BmEIofOQl0GodNq5AAzQZBpVQaR5nEaMoXSbTKm5fTKdprIE5WLVbc"
    "FKhlw1XkzDTb3KmLA4e00qnePOaSE51nsheLvg6Jqwq+S2/URPuZI8f8Kyi7K5IEf3/3w/"
    "Vo+G8WUB15zoMd3BlcbG5A48Hu927u7keD8c3g6oJR6drSXTnEyoO2wSh/GFwSmjlh0oM9"
    "GlwOereR0Q5REcjBuxntj7gIbxGqm97wYnx9f3cGlppJ1IaV+2D/fD28oKOekGnQMYNfb4"
    "YjegF+XpoOZO96f3914T2JHF2G96TR3bB3efmv8eYu68enWdZ6vBn3vje8pPemmmnBgvtj"
    "Ipq5iPV9km19n6QDEw9RH1M6w6TKApkHqAlbV27FZskCF7ma1ZyqsN52QmztHYTDIVat9H"
    "aTQ7A37iQHDrG0cvA/FjO1mSyXIweSd9GWA7QyDDCQDaUuPBocmzsKKkUsr6DowR3kmPor"
    "PVQaaI0xYtlDKPXmNnGg9migZw6km+0SjRHV7xPd4fAhNudfxBZlpmfEID0LCpTraEGD5s"
    "joLnC1z93giBIRYN2e0xlh67MmpIxFSFqoi5VfXClA5sQynuJUpbj1qoBeGVrjz4ivMPC/"
    "eidL402RsktkVLat8SZVeEkn/J3xG3vkWBtRovY5VCthdKiYj1kFB0Hwhk/dDKjSN/kBMb"
    "Bn0AFzZBnBaR78rLDERl1Qj+a6cLEUyUeLUEjrYe3E+An8T6Y1VA2oW7TTNdGfHAMstDWY"
    "UB2KsBoaYlpueZXDffxoAqfI4cBuW9KnUtS1ROBLAmpK7ovlpdJ48J82dXmu1W0JNQliJW"
    "qJRW2YeLly4RgtefV6cwOHkqRyBw11NBvQLwX+ZxO7B8K/oBfO7M/Zvc+0EqOKKMa94u20"
    "2YpehKQ+S6Yj6MzYFVMuVCbjNKdMxmm6TIaK3CpVR8DwTwFW+qPlBbLoxkCr1YKpaVMnol"
    "c/jVqF0PmaxqUATDFIesdeLSaFix+rni51HdQNjZdTSe1fotSzoiTjdbMYRCsIR8SpVDqU"
    "SOBpJILRtCB2kQ15AfY+7fufRtAK4RF+pKkfAvkxeFwDV1hW3OnfeWG6kZbTe0Xqnm+e08"
    "TpujVYN75aY/G6I7J/jIb9uwoCdjfTMTtqNzZlt4fuLmLDC1XjDXyHGqD6FVG1PIdnd+NA"
    "RDYwXdZMiGaoLi3CyDCSkianws/kJdaadjJKJ7lW8wpu7dwgbpnsPib7hcm6uSrm+KAxx6"
    "FcihssURKZo4oOZv81oW5qTXBFJVVTWxwIF/aCDiLKqesVgylyyFUTe7v2Ed2W8ZwWOfc9"
    "UiwiQeq4H/a5Qrn1G4pGRJGE4qG1I+IRIywyi0WLeFLDXeDHnBBh63OoP6JVQd963XEkcg"
    "eXc7Y1320ruLt1wojvnEjvgsur4rCTTQzcDiXeYqSq+Jc8CEca2KKKs2gW0oZEVavKr1YV"
    "mCVx1gpXq0qkcTaTs1st8ci8kqlo1XvPHXG9hE5m25zUmG6exe47OKgn1yneP2efjNtP7J"
    "Bcsc+w4Wd37Ee/qN699WwR3RzTWOYduBn4ciwHdOeusEj+prBh+mEk+zBMPgyTDr20QC8p"
    "MEgADNL/Huy7Ue/q9j1tIkt4b+OpLE1kiU2jLYQstw1FIyy30Ob2452JuCwL2BAaxFAjVr"
    "hD09BZwJ6fy2FZchprpkGODuTSjErR9hAcUnkbkHem+Ow7tPz+7Du635L/8w/N73dZMNWE"
    "TbcyUPdwATWhjrQrDLHibUeNwCFu7/v9wYClguOVrpNdqZwM8CqQCUx/o8BBsaHY66BoDg"
    "pRybZPw+E5iyNzqwnHyxtyRs9YDBaaAb1uoAxc9c+l+rcf1qodOg7ixIDfEaONz+Y4VQs8"
    "O3no2uDXu/x5HYJrl9dXH4LhyckeZ3vSHk7xPh/t5JDXE+QliW3WPMRTBXC2LJRPBXB+iV"
    "LPCuDcq8xlebDx7drW+5YJGdydAowjd7t5UDEm48b6ZuD2PgY2IE8DJrVSqLAnaGWzOhDU"
    "mc86DCAbTE0Hu/QvcHQzur677l9fAgw9HPU1r1tBCQ99sB/snyBcehlAc3M2h2T4YuV66Z"
    "im4XVJh84TeRx5G/nNBgtIMN19+xkoHLsOHFuerhHS6koCODZT64PVwWVrXhgSj1paM0wU"
    "76m79pbSF1umOSh98UuUegP0xQ+Olq0ueje3a4uzcFzBples6AgGGsA6WkKmc2mAyBgTbe"
    "QIo5WjwxfgeW5aEGj2OrjjQNqICme1ttrvoVRZ/EgnnMbqckzWRFTmbAYdTDVNFopKf3OQ"
    "TU5pMbDMJ0h0VPJ4woZ/MDbktsP6FNU/2Geyf7Bv2y9/IO9oLnoY+5uUtPk1dR7GzVQ6Zf"
    "EGiBR5DlZBUYduSFBbYecqp3Tcc3Xyrojr6uRdtu+K3ksw2NtdRDgcUsgcmnJoHkt0iH/0"
    "za6sczy8v/0oX0SHbj3N7yh+4sWReB5PmraBaA7eCs/JxeBpZ+wkXlramhy9+Jkeqr8bq6"
    "VF20nC3z1PmA+6xA72Cp7Pz+VjcJe/RUeNWHUmN+JMjsmvcEhjlEidy4ljY2cg6GAYUEtm"
    "ebHgoIyT+wABQfWd3LXF9WSHPmTG9UjF4I5no7IDk9UnBRoGNMAGuOSXJU9ZOWIiFOaZvQ"
    "yaiX5lYZ4SKc7XyyyV+XpZQFn24veLFb6gDbVnMNBfaad102b/ZPZsFzyZ2CTPZvXzVzRG"
    "jNxm2bZE53UM6IAj19Qfu8D9TETAcZhW8A4Kid0FINizY7rk0dSZioD/64PuQd96+BihJc"
    "9YoCfoJwq7Liu2Qf4kmjb0UTJvmEDT+E8dSsK4T7+rQ25/2qAA8XvdQLMm24PleYIT4yM3"
    "yF+ER0zNp0P4d2rX+A8We04966ZB50RCvMUODDksgWA6FJdLQKEU1Z0V1XDtCXA9IJGZ7Z"
    "1o3Aha0tVB9la6Tlgik6Z72APbO2PX2M6qgWBqySq3+I5X1MiIU8msB+9oaLwughC+zgYI"
    "X6cwWP8wEWDyhqKFDH5bpEff2+wefW9TPfrk8yK0AeIukuXKZ28DMltXZ2C1xNBxu8A4A1"
    "7uv9EFDs1bfWIdyPy+SSYG4WwRFkURQWSLoXA567yj9iAVrVun41CNUwQpCsZL3I7Hg4mI"
    "lRhFh7oAU78JpIaAbydSKGlJZFBCS7DSoCOJQIQbz0rKxhI2A7oFIIWo1VUo+JooptQ4d6"
    "FNo1a0qB4atctpYUsbuWANXYAhtDcmOjf6ev+nUvjgdkEzzmmVMDxHjvs1DZghu20OXEDm"
    "YxRiqCIQW/nl6rLGaR1VMf4HFDKfVGzfpIuD1ouNrouj5WzsdX52x/SHEA1e6tKFyv5T9p"
    "+y/1QU2Rdo/u3KW2XPNVpVabU9V0aEUBsNtFtWrTfDOLsNSvluMczCkr/bbbIr8haDmDQr"
    "2yVL9Qz8Poea8Ts4CttNbawdagS9YPbR71MLIccfRQYsfZ2SXeb4e6t6yR62Fvt/gVMiGC"
    "9vPa4dT4nTkwLHxOlJdiO7kxdbDKsnzVpxeJ17bAQk6tAQOjQk2sjuyEK+MxeZe1l4f/t2"
    "RveEcRAPtX1L+2UOA4cmeNYwILvhYknhcm2CVi5AtEWeBhamvXI5XVmEqCls1N9sTe7Koe"
    "5UF9P2yMSwpteeyaRjwS0uCh+bH+JddAs7dPiAwow64gGArQ38a0igHyfNVapIv5sVnv+I"
    "JrxdM7iVu2HSZJPxH2iCC+2V2dItWjSbTdVUzWwaohZJJIxEvdYfo6bQb5UpWntGyiP5eh"
    "HzIhgvMwzVsZFrTmmaGtVr6Bd3AZ1Px/SfQQ8kuv8UdCNUDLPSdLoZcoQKMEdpZBbFgW29"
    "iBkdmRKC2weHdI9tpMYoBNP+mpb7uoquBtOlhoJtsCZhxeZ/ORsNdXBpSwxFS40n6doAFS"
    "ZTsIo0vSOjcpKwUk3vmtBUsDYOV1K0fYIMzkTOxrqD8a3gb92JbHzHQnap8AzHgpwdJciU"
    "cTTgcZwpKsBTfMERhWbcNTl0uuD4+Lhg2EOObCopKP6EaO9u3m5zjpAFNTsDOo2QJcQ0IX"
    "RVySe8Uu+qOL++voxx/nyYnPb3H88HgaOTDDLdDCcb0UfGXoMRUUwnTtkcbKcDNccyab4I"
    "hrRgKfk4ujaYLv/nyoQumKOVg/dfH40AgDidQ0Tq+UdJWlNLsrTi/U2tIi/N6d+0FdS4lr"
    "Vk6AoGM6/wDvrP+8E97QDjUT/Yt4OruzO6nbrJ7jAP9sXo+uaGXjActFzK0i/mYG01JDMe"
    "61a9Heg667GLHqEt1NYtSad69uyuYqs6HtnbTrvqeMSOJhryLi7yCJnq2S2b6iGJ97YHHV"
    "OfdzjOW/9ON893q23GVOm4FfLAfinu1z0tnZzot6yw6WzMODtoupmoZh2tPpdCMf/+8BZy"
    "99XLQl6Plzlej5cprwd5o+u32CmqpkZImgAWS6WiSnKYDTfdiEdQR078sMgclHvEcTocF6"
    "nD70AifNoPKexFqdkg8uqvf4LrM1rHZmqZs7kLVrZrWuB3r8Tk74BWRYBulwYoUFdtKjW8"
    "/Dc82EEeetcv9gtZRyjWxIlw0K/7T+PcCRv8pwUp7vRhz3CZUwM4zAijPFR1fxsRYSVf2l"
    "+rsioF4x9Kba8uFWsr0a8ctMqCczNgqoBAcbgYh6fk/dBZOiZPz8rmc4Kshdwuf6tg4Gma"
    "ydmhaiGBinNNeg+ghuGYqS+ieFqCtIUYatNBtbgJ6GdoclTIvHCUGJ2KRxGIR8mqqM/KFG"
    "Xq7JlV9YsFIUgGS/ua++nJN29DXZ3+kaed337sXV6m2UlTjqEj5GqLkCgv2+5eNn5E57lp"
    "a85aKKZzsna9sm6t4fe5z8KQ34Td58Or3uhffNfyOYfl5/+6G/Qa7diUpP1wI85kSbDBPo"
    "3bsSyW/DBasZ+eggZTY7q5iYuOqRPBjfUI1dgJyKTxh6nG6LuZDDn9sPycK8GiYwmyNoQg"
    "VW33/oVsKJikFSGRPjmrZtN3aWlCXt1gfPtmavlphQz6Fk1pixG1rk7PSSHH7kmOY/ck7d"
    "idOtCHYMYs1D/N7kxDk0cqc7Wejq9Y0GQgzQUUfXK9gukWIpe8/A3PP+dqjkudcPQnJl2F"
    "9YTLTwlvJ0shcWwopJYCUeygw/ykQF9hFy2gA5baGvu168nihkEqeXjfRa5mHUYQSwc9mQ"
    "Z0xuzLBGXCJ5ZaPCyFX1tDiL+KCoMsGDLBvNZZ5BxzyVpZgEcIl0GLeVywU1/peSVIzC0V"
    "jK8xsaAqbTxxBhc6Hk5zjofT9PGQGbsmV73PV1VxuOTJ2ixURoWbb4dpioSbr5bGjlKPUy"
    "qpyyJ1DjjHvl4WbI663DDOQ+biI7qFcLmQRqFyCpVrPirX0UDwsQBbq9m3gDwUgYXm6nPo"
    "FfHEq4k/xCzaTkhBeArCO3yFKgwtCzpfYWqr2eDI+3NMzNGpacFjerFoqxeF87UC55to2M"
    "TjJWKvTLE605pLkkkNXWwUFOC3/cLQeTJ1CKgKQx7/6s3Ll+B/yf+B/6fACgVWKLBCgRVf"
    "lNmqwIovUeqSgxW3TDe98VTTDq9XRGxAtwhUEdd3CyEVnV+oj8N/ALAhNFhjz0ebdpxljR"
    "80X6s+o4mByJlptom92q9H5K+z76gx9f0Lcgd4NkKiqUSJT3+w6QqgnVeh7QZKzoIq+rQi"
    "dzD2GFwhlk34v54VwMrTEnF1WQvUn3t3XztwZmIXOrS5BVGXHmx/yYA/Vo6JaYgreX8VPU"
    "0VWlM2WuNNHiEjKqRonQVVPupSK06wm+IeLO+aFPjSkYAnzR1vNqQ0s/NrnqaIVaaJQKYJ"
    "ZZ+9WkzEdpA4Vfts1NKnePRYFWF0kq51rC6/qKHCAjplYgHKKsxmtbIKK7AK77TPWb7r4F"
    "a3iCXokm2msLe6Qx4NJuuY+QOO/ocYUJDsDutnYvlAQN4EOR1OxUiVPSW5PSXXUV2FbdUZ"
    "3l6D01dv3wKdLB9w9OG8C3qDLri//brfY0DD/+ziIiz/KPfxDbaUxcJvOZRSO7DId2Z4rn"
    "Qy4WabAlJBYPRhvFgbQ2uM6LmXEkiuqcahlttW69DFdkYBs40c6JeDZ1rqa+NtpwkDcVTN"
    "61zt30XPLKjkxbfeN5xRxE+zyDVf6uycYJc8sjDKOiAsJux6DEaabEDNP/EUhQiVtE0SyD"
    "51FyzEUAzk4/cSjPIlV2WnK1+y9Paj8iVns7qZ9qPyJX+JUpccNfhAJsCzth48QdvNrljL"
    "GdXNwxJm3vgxfPLrGZcb9v4peAF9NHsHDdZN1nTNa7YthBWoeq/0Xh31XiNiLaqkRUhaWM"
    "ixfI9KuFwEeBylaSGTK6lNyhgkwONgfAv5++rkXRGE6+RdNsRF78X5iyZ/QF10IseIZOa0"
    "l1Tu58ID77MplOXAKXT1OSuCTo5fa00R9PCYk2Lia7qOVmIFeSMkMqeJEF7aRA6QsN77YA"
    "Z3sM0RzIk0yEdSnEsaSSBdXznOTtZEgrQ55kQnFMlXGKBnGzBrmDpWWKtWzZNZsLL2Bggl"
    "tzTSBuZSW1tI42ya2SU9IySqLckeNT0dqEPzaaflmCBtznJsu3VfqHde09q60jBpKivBnf"
    "dmcHUxvPpwBnz6B7t3c3M5pN1bqapi0n6u8f6uu5yU5XtLVeNq1bi6PP3DWEFP1fArctFf"
    "A/xf8y3QgG5p5oKVUmOuMKDRitlfnh6iWigfpoWyvxPvsCzjlKqdq2yrSxKHwiU0ZtDp+R"
    "Y9x5cQH9DNcyNYbOg4Ag+U7Ud4JJONienZ9qxBZvbauuoQ1xCPQSDAolBTMF5m8E8aX0G4"
    "KgrjqwFBC9lbCYodbjcCTI7StJDPp0VmcfYkLhyWlLdHHyQyqWLzrpaNWsUvfXlYl1SK58"
    "B2nXW22undLqJ0wnCkqtjY2pwVTmvtoqcwh1TezBWZAiOUxl5l1YUNdC+QYBKhkjuxpIzt"
    "osScDgvO8NgwZ34p/6IzOkGmJnaBiU0OYB5UnBdT4u6BEn9p7CUaKRZL29xQtJDB1fSDh+"
    "SXYtGQtThVG1wedcAqtE22mAodIam05LMkjTsFKj47NM8SQyzI0ARZiUw9qIZcFk8xsp52"
    "4GmMTPFUIU77MlgmhKlQ5ACGf4qBuT5BKb3dvxiPW6QJvIbnIgpLML59qko5arcAXBqx68"
    "kiIh/KiVE79ynf/zSCXgdoDvNjGOiN96zmbmObq51IMmW1uHLAtExkOcLVrdjyMjK2SnT5"
    "U5BZ4esLk5X+CNm2h03DK/C0YJEVKh9SzuiGuPiKSyFOJ3MFHykFElE2/HVS9PALxrcQEy"
    "kSd50ddp2Kut7sRUV5u6FoIXeLgCDZEEgKAPH3dbFNY5GRhKc2jOIbhgroqTqghznmBXGT"
    "KE2ZXnI59OEdcJOUEZLgb5q575EDzZn9E1ynEpbyjI0w4KKZrE2ZGuSyoz2HinJsZhEekF"
    "8OPW/haHB7Nxr2yf5wmHCYG9qR/FyzmJA4Vkvsfje3MCwdOZ5EhpYchF1y8HVezEZ5W2wl"
    "BUa/Y6z4/uy7gBNePI2oS+V1kfJuZFS2S+W1X94t2zRpZ2xwZ9M5htZzjTSH2UkQKmS4iR"
    "qG9qSZ3g8X05+jZNKGDXeC2gdjsq/T957RqpxhnVy22Xv9jtbQJX+aBkArt+DsP4jKDTXH"
    "hoIAyYamOYKipSwM08VnXuFbd04bY9F/RgW4kFlSdDaN/dlUXFZRqgZJy4ATJizCdRtPIa"
    "2mQo+UJqwor9yE+A4Yp2uArDYffAae515xmDVdTuDIgdMVLbI0dSEV2pqITKxscd1ry0EL"
    "NPa2CMH1laCUWm4LRP/QLH8z9E6qZ9OdG8QsC2aerDJqTi5SxVWSa+a7qqqbLZBm5iJxIk"
    "Vkqqp7gfTVAtpunyLqDOZI4S/JId08CGZq2hR8GRs+0ViPUJWMxpgYr7wnE+PXJNJQmfAS"
    "bWo5uUyh3ArDYSGFzJhAJ+we8V8QQWf+KyU44y8ZASFsKKQWAtOUl7Tan2k/Idpn57++Cj"
    "YO2mQcvpIXKw+U1ZUzbydKEEqrAUu4JUly4r73TsjgVOWduMkhQiduLSctm1BsEu515qo8"
    "4bLzhNu6re+as1P6zt1W5UWmpKhdDsZDnIkt0dSjcOoUUvebUCRhjEjmKe6Xqicshgbw5k"
    "sXwOPZMRj1v35J/vf6ZBftsIocV91cmlCsNH2MSGoxRMyhmKUkjW00QeiRNhgWU1niVCo1"
    "U+W5VsVMjFaO2B69oZA4poj5tUwXBJYM7gIUVBqXIS1exbNUHc9i8+Lsc7U+bpi9VCpfZ2"
    "HaNEDLNl0MJnCKHEjbAsvs/fM/r7gYfAKFRu3Ib+RqliDHAxKZp77kbLdMmweVZPeXCQma"
    "0F2m8+k/kQtd4CXN/P0bMG0Q2ZKK7UM5vK6kAw3DTHZxg8cIW+gFb67Xm12SBYS/hZYFnT"
    "vt842Dpib76SkUPjWmmwfDYzZ6TE7C8TIyXpqSnMq9XZd7+9D5BpXYZtL7sy0406wx+0uA"
    "9XGqFhpoJy+LZNiQUdmG8MuXqY6x5A2mMcZQs3jh7NldcVKEMnOcwcXki4FpdAGx4Z31kg"
    "LHR73B7dcf+h9ffAtsFtOOaVdNeiztrUpV0kfH5zkNHHgtsjSSdDKLasfFUQS4z8bt05U/"
    "DYNoR3hMzYRXIqxOEbaQ15VsRFHGnezK8ZN6Od7pNJffuumKoZ/++BbO51eF+Psqh7+v0v"
    "ylFhbRR3QkVsslQdbCuVxoKufM5NREplgIr3hAzlzekLRwOhfpyJTdkCnVjynIRphwWJzt"
    "8YtTVer0kwW0UVVDv+DckCI9mVVGUNukLnlG0AgSNuumZbISnaOV3eFgo+lB3Txw1IkNHz"
    "v+eGnAURWHXHYc8oxw5FkTUrAiJC1UsMrveflMfhfZVIjq7wifDUnaFp4OzT0N0kqALy7I"
    "60dVSNCQ25lKiVkuMZNfOpuJ+Y4iJDJvmmSqmdYa/BcQtWPlBa4cPpXDb1gjbKYm6ZShGu"
    "erf5CPWT0ZjSkynDCbTG90FnlrostOXr3+5vW707evQ7d0eCXPG83r6hY2AOUmfWVnkaYI"
    "FXOTzF1orj7nuTczuRqhUOxMsdPEHn+EIu7iVA0Ju6N9QLsATf6AOi1s3wX+jtYF3rrrAg"
    "O65Dz8+7di52DdwXfwiQbf02x5v+wUbxVkyyyDvBHC8yXlCw8DGwHsIloQ7RlO5gg9ApqY"
    "EJxI8olOp61T08LK7aka0tTYUfUwOkyJDVUVGJ99cjQTlpW8aXzfgc+3SzIhOxw4dnOzmw"
    "fDkqn3PMbhuG3wa+cH9Aw0m2ZoaraJGXb7FfYKr5L/Oi5AU6ABP+8RmBiwZ3/LyrNGicAj"
    "hEvMLhNZuMfJvbOyFz3YIzIXwfMc2nH6pWPqNJaLjpyQ+fpooGcbTB30FxlJnmO6L7p+eB"
    "erq8g+WYHOUhiaOZG3kakgmGzKIa2X/9Jb9YvMoJSBvVowrkZbLcTV+PojU6ICFZzFnevR"
    "h97V8LZ3N7y+OottMA/2++GvgwvyRpO8+cG+HPQuxufXV/e3Z0S514zxBNmrgrph1fDWAt"
    "IKB+PJUsziilHVr7RH9qHJyrRc08bH9LWiWxGrMgBMA3z9PZhomO75iHIeHDHRFayQW7f+"
    "vplDfLnlIDpJQgVBFC5q+0VVtC2NnSrGq/xDVkX7ZE/fZpqVkkf7sOZKPa8JZ4djWcbud7"
    "c3X9IiQ7fal9e238aDGHtE2jbUaYKN/whwRIt/EGNsgsivpHYbi1YgRzcxFQ2/0D0x5ILq"
    "UzhtVlbwfGUDSrFjquzLnbMvyy9X1pRYr5qyFcq35PKaK+fkOOW1Vi7G5qSOVcnkphicPx"
    "/IPh05QOQo+tSQTJG6UnHKzRPxTlk8hjb97byyBXmeKw51jT6s8EpznVhkCs/grtznUCvu"
    "C3DfCwLAY7yaLEzXFeY/l15JQEACNJDPdCCrNTg2Vhx4Oxsn5dHKgZbS9x1Caa8mFsXbXM"
    "Y6v0t8dtvEJJ20cGiH4jHYtzdphUCd/HTgfz84eoRrz6FJ7X0LzXbq8FYa5odpgNvK2tkR"
    "FKWv0xlkjx1IdlIMBddF5/pqPBpcDnq3gzOwecqDfdEbXv7rDLCw5gf7l8HgJ/rnM4SP9O"
    "+Pvav73uWZVNHO3reNDZ6hlrmM4kTyrqGX4H/BR2QbNMhuihy2YLxvB9Epd4AFsybLYBc8"
    "N0ZYApxbD1zeYaEWlPu+HUcsOrIVuEQaGga0lgygMO7ezjfJEd50aofyPZW6rFT4XTarm+"
    "knUbnwX6LU5feO0QbYfL+Y3xo71yMWjNnqCuuF3bdZrKOuEy4YINWq22udnu3USvvAynzw"
    "dufXp407JbLR/qZ8Ygf1iREbUgS/9odL7A9jnSIW2iOxm00XzMkSZGG7O/aKqKJS2qHdkI"
    "c+jip2OapWHFW34vDKxXMg6Zw60hsambsSxBpyBIejAwsapYdpVWDDDAdBfm8UvlNAItzG"
    "SxBkGggmn0sRz6mDFoEuwm5MTQcX9QcfRDgM4NgZEQ2Iq9qS0hoNOSxpvJMoFHozuLoYXn"
    "04Az79g33TG16QPzXTeLDf94aXLDBeM63Ca6liyDO3nsZ20TSltsZo8M97YmRR7oelKR7s"
    "wVXvnEnEdyU82Lf9HwYX9+xaAIpKIijyg1zTDnM1ip7oCTKZhbRruEUVIS1zRJ5Eaz+sBZ"
    "OkUoTSh297LT+9/crPvgf0V9Acv8gZszceLRDijZaULTTNTNAsSxHKPN8Z4/3U+UDH+opY"
    "awZcLJFL1XDg/woplkTwiYIhdgmyUmLs2r//UBVh5QhVuI6QtC6k7rQQ/nCagz+cpvEHVd"
    "tKFWFWLgjleFJSb5Dj6e//A3vO5BQ="
)
