"""The double-entry ledger (issue 13 item 3, domain/finance/ledger): accounts, journal entries,
postings. The database keeps the rules too: postings append-only, entries append-only but for
their one sealing into the hash chain, accounts never deleted and changed only in `version`, a
posting's currency that of its account, and every entry balanced per currency and bucket at
commit (a deferred constraint trigger)."""

from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return ("""
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
CREATE INDEX IF NOT EXISTS "idx_ledger_post_entry_i_988f90" ON "ledger_posting" ("entry_id", "id");"""  # noqa: E501
    ) + TRIGGERS


async def downgrade(db: BaseDBAsyncClient) -> str:
    return DROP_TRIGGERS + """
        DROP TABLE IF EXISTS "ledger_account";
        DROP TABLE IF EXISTS "ledger_posting";
        DROP TABLE IF EXISTS "ledger_entry";"""


TRIGGERS = r"""
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
END $$;"""

DROP_TRIGGERS = """
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
DROP FUNCTION IF EXISTS ledger_refuse_change();"""


MODELS_STATE = (
    "eJztff1z27ay9r+C0S91ZnRcx3HSXJ87Z0aRlVStbflKctr3xB2FImELNUWwBGXH957+7y"
    "/AL4EkSJESKYEMfmhqkViKevC1++xi9/86S2xAkxyPVu4cfxs8QcvtnIP/61jaEtI/RLe7"
    "oKPZ9vomu+Bqc9Nrj72GXps5cR1NZ4+710wC6SUDEt1BtouwRa9aK9NkF7FOGyLrYX1pZa"
    "G/VnDm4gfoLqBDb3z5g15GlgG/QcI+funYq7mJyAIaM817JWR0/mCN7MfZPYKmEfsV9Ca9"
    "5V2fuS+2d+0Dehha7kevLXuN+UzH5mpprdvbL+4CW5EA8n/7A7Sgo7mQfYPrrNjvYq8dAB"
    "D+VP8nrJv4787JGPBeW5kuh8N8tr7Wmc2uR9PZZDCdzTolkNOxxVCnr0o8AB7YK/zjv05P"
    "37z56fTkzbv3b89++unt+5P3tK33vulbP/3tv8waLf9RHmbDT8PrKXshTLvW73F24W9PRn"
    "M1X8rrojX6kA2bmagPbm+HF+Ie4GUS/bBaIeOYSSZ7I8Re2u7IQbb/c2989ObdK+/3YuI+"
    "ON5NDyEP3jWc9IlQW6bB7C80RwzmWiIBJb2xDYjhhTWK6xm+j1G91L7NTGg9uAv68fW7HF"
    "g/98Yesq99ZNej9jq4c+rdigPsoVMC3rB9G8E9fV8E3dP32fCye3F8H+FLGXiD5jKj2yGr"
    "+Z9QdwEyzsGv2v2jBpaQEO0BguDtpQB+jg0B8r9MRtdi5MP2CegNRH/pfwDdflMb4gG7gG"
    "oK4Bk5ELC3BvgesAveNgKObsaj6ag/ugSEdhJtD/zlYKcVm8HGHrIk5C+Th/7oqvd7slf6"
    "l6MPyaWdPeBDood0ulC7kU4T76cLesdFSyjuq7hksscC0ePwD3n6rfjCRH+gMbLMl2DTzu"
    "ma6fBqMJn2rm5i/XPRmw7YnVPv6kvi6lFyh4geAn4bTn8G7CP49+h6kOzGqN303x32TtrK"
    "xTMLP880g9MvwqsharFeT+qyZfo9KVtBzwevLEvHN6SjQ0xye1pzXbi0XZLu5UxbhBfZbJ"
    "FUNZFP6rVITl+f/XT2/s27s8gQia7k2R+hrbEG1NSIO4OOg500pFP4LQPTuNRWmkWDJsng"
    "92n+RhXNkcvR9aeweXL3+vtvZl7fP3ImHrsw1/THZ80xZqk7+BRntU3fWp4uk1c0i+pPRv"
    "CL2e8LuIgbB+tUuYJGJluRaNHNIyzssO0MRo0rZS6+eF21WkJvVEV27R8JRkNxF1JyF3zf"
    "FTVYeBmZrZYtbcJ3ZwUsk3dnmYYJuxVfxGUiiORdx0tQROtFbQuFMiGrTAlZNMwsU0KSff"
    "kKLufQIQtki/Zk7m7ufryMt9u0FXd6YEWg8wMBtqnpECALaBbAzoNmIaKxRvQWtY2fj8HQ"
    "BcTVHJcAjbBGyHpCrtfEowrYY4Cm65Dq2sBXDPmRVNsX3dE5oJvIggQcaYDOvidk0Aa6Zl"
    "nYBdBysAkIXkJsQUDBgvRr6AOekA5pT7z6JwikjS6A32zksD9MeO/SLzbuLAcu8RM0wBpV"
    "+kYOpEImpNMVHLEX0lYGcgGbHyZ4hJA2oVeRAxaIuNh5eXXcydJs+J/vNaJvtptmk73gH8"
    "IX0Pnv+5XlM0beN7F/zv7VkXDtz9Zg6PjJYLMH1mrpYT2kr6FZOkxhHsrKrMV0Rr9dD8bn"
    "AD/Tt7mzrnrXvU/ss79O0SuTwfjzsD+gN865mbMVKVu5q4Hi7q4EbECx7llL76+DOt5qBo"
    "2Sk4Cq2p+H08HFOQjk76xevz+48S75i2HwzIP3ib+Mki1Up7jkXpg4SdyXMqlJhYi4J7ob"
    "BptWQR6Ok9gfDfe6Lg24YhpO+S2+F2OD7/VgKZ/NX0oa7ynBHdS65hCxJQx4XrEuia1AVP"
    "EjCXiZnVISVk5EwSlyBogHbxrij9iB6MH6Fb6klNsEsGHsYeJxzYR4fXW9Zjnac2QWi+Yt"
    "/cM31L3+6E36vYtBJzWQK4D4NnhMS6Hl5u5mSNd70/6AlXMP24hrahuPoUvfAlzfXl52/j"
    "4MHxlbN0QxzYl1JSeoOdmyACsZEXnzFWHkHqGWrwvg0jbxy5rBg4xFNAAiAV1hgPkLbUd8"
    "NsO7F/AY5FjASNbzJZvDrxWld1BKz/t/Cudsh2TYXmYab+vo35NC/M9JDgF0kmSAKBr0DW"
    "ZkJYiyzuQH4kIqUidJEQT46HhlCUiCTbBGYgrYJLCKyqoUTkVlZUPdXiprZRtb9npcUvW6"
    "LL0ucAMEb88xFUwBLsuvcTKKCdrABDGsFD+xkfrhhlTMhB7TAT4e9qd5JjRn166DPNKYfw"
    "iEP/46hmZkyYrhjsfqtAT02MT/X2zBmYmsxx2R4jmEf9NnthWvgErYEa2J/5T2EGKJ03X4"
    "kT5kR4w++E9pEUalOD4+NIbuEvcOFlmLIaAjC04x/afA0Is9rUXIliBExxQASBZT/AiFhG"
    "jsfjePEHX8ljM3arqREaW9BAIx4ImxI5oaMPEDsljg4722RObLq2PANE2PnZz83PvH6dt3"
    "jLf0xoLxT+DgII6S2NAySIoRreNL7izkBvwpWUEvNhJY8JsbHjElFMTgwVQW2qb2Qt+Gfi"
    "sTp628V3qiL+OL+i0VzyqL9trN4Vn9vippH8SE6jUQJAn+KuF49yblbKGRRRn+Oi5VDYt9"
    "2LNNNR+o8ZaqbciMmKDiMmThMoowWBKFrcrW6w3p5UKBq55WsUUn83IqR4DMPexri9us3n"
    "FJ1csy97IXk0TtNJF5m60JxaXakLggrgqdvn1bQBeirTKVIe9eQhuyy0Dst24ftNVrmSqK"
    "tk7fiQrtrCS08zCxhx7qAoot7I1sas1f4fUo3qXWNKqKXzoovwSXGjLL7E2RQOs4kNO3Rb"
    "Yn2ipn409tUCpOkssnWShO8jQnTvI0HSeJTZFLMDuhZCSw/4yS3HoxXyHTRRY5Zt93iCWj"
    "ltSRDnwQRgFmD/e1hNJ2N2u7DTyqT9UG9ARLDvBOrz8dfh6wU/lM+s6a3E5uBtcX7KA+WX"
    "k+MXZ6fzDuTdgl+tZElpP7tkbIM6a6W1kHQ0qwhTtALaa1ij3uqNhj5blRsceq14vEHqfo"
    "niJhncRLdBjlENtnbKdkKl6hMDwVBVsYKhZ3bMz4060VhsO2FbRY7NuOeCUj7tqIV1Wh1p"
    "ModZsKtP6+A62Jid2ZbmpouStM9EF99py2jiZq1qIHawktUcWBMkj1oge1Fap9R+83GaQZ"
    "bWERVIHCMI0e1NK1ao6MXYeU711r43D6E7MWywrWp77/lBYDtSNAv+B5W8Fx4BOCz2T27C"
    "DXhQIuspxGzh7WdqgcqEP0BEWVRRRWoZbpl/RjrRhnXYV53Oce1dL9Lih7yIYYGxy7DrEr"
    "/3FtB4sIw0DrAaqRk5GfhLPKGL4bzXGRjmytvZrDPYTGDLlwV1P5I33OkD6mrTgZsALa5Q"
    "IWZF0aCZGFXXSP9Co2wmvuUW2CSx113yNHutSsme3geySqb7IFbNFTb9YPbSN6+gIaq4ow"
    "457VQqj4FY8ONXgPHRgEd+2KHL8C3sSe3BIcSwbM91gNqjHUsRMPRBfc7uaFz3u1rJh9G7"
    "aUJnxe1exk9/ZRs5N2NxYfTMqOAORlVDTs5mhYTRdn989FeJdo4wI6YJsyOITskwdSCZST"
    "ci0MZH1zWgDsN6eZYLNbYrDLLRlxKTWoNw/qObynpkka4+wDI2uJnU6MSLY47/toiHbvis"
    "6SZsMeCSjUdzmQQ382KbuqxKXap4q8Pn1f6CDa+5yDaO/VCf/9LNjqPEI29M2MTJe8hngq"
    "n+6Guj1hKGix2j2z/w2bb1PAx6unAwnQAHtMoXI8ApFCdbS991R1tKU6rK9KMtYAdyJMvB"
    "ysnIiCU5Vk3J207lZRkjHcY3aEuGWHHJLQcnNXprw9iUMmAu0jfQwlW/fgHJVlNI+1GHjG"
    "ziMByMpROja0FuobYW4ppWfIp2eorGpKr5ALzhy9QiWpK7LZlao/rPSHBusPWVrDZl2hsI"
    "Kwt4AFtbWrur01ugFqyEenI1dQtD0b37B9+3y3tcD7APESuo4A4mxPIi+z/6R/5fHufIKY"
    "/Rpwg82XB7rYYAdcUUEUfO6C3z5N3p8B03r40fSdG/J5HpfImpn+KeSEFmFiLSMEjZNJ9N"
    "M9E5Knh6pYwy9Gtx8uB+BmPOgPJ8OgByIXjHeTXaIXUFiIsXcpAlnkGNsEstAlpkAWg8wW"
    "tbIjeS2jQC4MctmRvJZRIBcBeZ2LMxEWjLEJNSs7ZvJJpALOqVRdGIday34x/jAaXcY2wg"
    "/DRODv9e3VhwFVWl7FsU5nUVRJKTsqKaUKAlFJKVWv15aUMuYaVYW0OznUZdbZRZUTT9LU"
    "XJIFeRbCaF8ZgpqCTZ0kf5/C84Cdl46A6I/udfPIfp1vtTEiYMqqTENoQAO42jds4eULOL"
    "Lpdjtnhab/Baj98MgqT2vIAcfHx6/OATFXDwRoDpXzvhMgg6RjByp8bsWuh5zY7QoP20hU"
    "/qaq0G3lezgUOW7TWWGVPewRE6rpQELzBzUHMl4niyxo2vMi+7PtT+oCuALbfit9X+Ullk"
    "cHk211PYgSFg6l7BDNfBWMcI2Kx2Qyd6AGbPoL6FsBfB9eJ13gJdMH8xd2PzwHwlvJTJTd"
    "TalhVT78zkqEgzJNjt6mShlV4uhTwBH8Rn+q+UKvQu+xzqs6NDgVPFJ18AjtygzdYnP1sV"
    "B2j7XHuPlVxv0+GYw/D/uD83Ds31k3vf6vvU/0SjAxkvOnkMZXeakxF7miFErZql4ksMc+"
    "qGuAJ8EtpE6/y1Gn36XUaf7NUihP4bcMbS8h1gKs88jlwe/TGK+cih2JuOXL0fWnsHkyoC"
    "ShYjt01s20ZVh/OKHM5CQxSkpupW3vR+9jgRh0x6Tf4icelyuzEed6WzksL1i5oDZOpn1n"
    "3N8Uyf2SnfoltcysnCCnLLJWrsi8yRzuIlGJh/zB3MdLaCAtjWt2yGAk0Nwiwf5vAFFePw"
    "KOkEF+XDkmedUFFnxiZ8RfgkEjX/xgRr7g7C6LBJrbZVVsyLV0RnDSoVR/8DLN7RLvZxBm"
    "u0YWMiLULmaTygDIknPysErPGZZBsTLRtVoJadPYcLR7t2zPXIx7H6fnwJO9s4bXs/Hg83"
    "Dw2zntlSDzPzXcbj9cDic/syLR9mpOB8CC1Y1mAA8/s4uaoy/CIhSHN+hU0Filuz7TjayH"
    "GVktSyAaF1JsfQaoutg22wSrvpNh1mpgo/Vpi3C3pGwFAW+SWQTNjW9LhzWqYNbsSdXMsE"
    "YVzPo99npWMGtsrgdRViWDMhJi7ePQqo/L8PyIrJB42cRoCbkdvIKSIV5N8hIfny0ywqQE"
    "FbL5+dHCgZgGue7kaHLCuzk3WmLqbk5ssh6TFYBcMGNMo8EtlTaGDyneEVs+hrmd+Ca2+B"
    "i6Y6p2jIf9aV4KGXU24aChX+sCZ6Lor1j5s5wAsHi7EhmBfyDgCDuAQW5D+o/lckn4fiCv"
    "1ul/vcfnZQre5lEqUksCXaILsiO1FtSiMpEoi1e20cHLtCBqZQ8RQnOE0wBnRwYFzVuA7b"
    "4jguaaZZUrH7KWaED9kKSvXk6v4oNmmtBBogiVnORLvFBz/cDSuuYJ1pFmZh3kze6XpJwc"
    "XcO+tjVdo9y5HZUDRBHoym2ier2s2+RgCciT+t5Bz2dXRODLUjSmJdiWOLuaZqCKlkMJq3"
    "jvh++XoSfqqYQipvpLorsl0d8IVDcS/JUfl6X3bxx8jzzMcmqbhI26Bcub2Fx7lcC8tcym"
    "4tz2xLlxDqpSzEJSTg5mYavg//CnBEmHuFMAfKkjOdm6BV7C0il1eaEtc+rK6R0UwV5FSl"
    "0fsJLZoXkhhXIBlFUkv4rkbw6wOl7aTI02ZuJsPJnQpgUVuCqxdq1wKno1G2pFr9Zf31EG"
    "juRwHOA+2SkpoZeKntIX0FhlsFLhvW4uGcW3UhRUaykotqGJS2Tm5d5ay+yRjLqd9uvCtu"
    "4DPc8QPpqlCr2tJZrLOaloFqV4K8VbKd5K8d5V8V6jDr/p0HvHXVNHB/rdIHxeAydXidMy"
    "yk6R2k5Zj8IcgyU2VDdbLjMYa1/gQBLbZ4C70FxgIJYVyzsltPRcZb46BmzNdaFjnbOsWU"
    "AzTSry0mXJojGzbsACrxxBYZBKnyywqL7ErDX2XZ0/lJUlk5VlCHOYMd1IjHPYPk8jau6C"
    "LXStUY0mWeLzSUP+L0nvdLlVPnm5PRb6jK40ttIn3fYcgQ6fzQREAu3L6vG2AAfwNpMCeJ"
    "tkAGBWtnkxsHCHBPPfE6zRZl9uH0uIVbmhybvEbp/Og1cvEpEhZZMh8OxzM6HdqD8nBlcB"
    "HXqDk6VCfdvEbt/U0LIj0rOjm/n6NW0206N2lfoGvkTmmfct/vayky6bl2FfOPkFfF7Qyd"
    "IadvtMpp+t43I9JtR0s1nAuGQLWcDmsn7pQ2xBhpaSG25cSu23SQZdGi61sXDmqC/7zZEl"
    "KaS7036CVaACVIvnamoqsPG1TyZ1sEcI7aslFGd+4u7mKoTh79Pi7StWDLkRtz63oHhOuX"
    "hOE2oiHTyPrQtFFFFXgqhTAQwdlY5DBTDslo5DWTI1WDLcIeaSlGxSUEGbb9UoFbxaFVw8"
    "ipXduJHuTk7c0ul/6zRxwrEtsG+4Yb/RuKneolGGi0yGS7OqgZef9Z3R9exicNW7vjgH3v"
    "ykE8a4syb9nwcXt5esfFzotZKkflzTyv45kLYlLjRKjnu6QP7PLV0jWRdEz7izev3+4Ma7"
    "qOksig1mdJZXLPBmPPpE19mJVy7QdjAb9+TO6o+ubi4H3kOi07j0au+6P7j0nqIz8EzvKR"
    "eD/uXwml00oM4SJ9Nrg99vhmN2CX6zkSPLwCibBkJlgDgvnJugbPIHlfehOLbULmXTUryk"
    "ZQSyrUVakPMnUXj8pEgOc9oqu/j4SSqHuYWFNcezMypFAi3AN4+ZqSOnUrQHben0T4urUo"
    "8yO/7XHSaMZSza2+LIRtXXUvW1vnJY8n7BidWcOn+cjMym0LYbVpHtKnuzSm5VtoN0ONOW"
    "4oxFeVFrScn9uXNaEsIWy260RIT5xbbqCaG46o6tu8Ol822bfojLqQ7YvgOwq5nbdUFCUn"
    "XC1p3gsy1kC2d0XFJpWDJrWCqCo6MiOFQEhyqoonq9dB36FXHxsnTAfEJMhZckltA/8bwk"
    "omsJVQ69IXVqWoFuEHGyXYCZwlSIKcvnVxJQTkShmRuqF249aXRVMFmiknx8k84IJRMsBh"
    "VAO1k/qZFjtmikXnFs8+t6lQZ4x8peDUF5U20vMdRUl6oA4V/8p7QT2LW6WQBPcU7b0oD+"
    "O3hMOxHldvAYpPT7wfXt5WVe0G7i4L+XEGLXnIR8AoqWbHDxGKDohOSOSMWPZrYRKnrHIq"
    "iCRJfT6EFthcqBTwg+7wjT2HtIWyGidxl9rlUwnvrco9qzMwhSplZ3BoObgoJjGPEJuvmY"
    "uRtvvzGv53QBQSD7AwELRA0M5+UcQNqLL8CLFAf6QrMeIHhG7gI8LzBYagYEyE1n8tzxWR"
    "UfA1G5jar1wWYfD2HZWmc5RxLEfRCXal8uv+qD+11cHmVepoVxZ9WDTFdL7MwcLMrnlxOM"
    "HpOSeDBHHFKXK3DaBf7uRC9qxhLRz+SFuHCZXOELRQKeFgkFPM2OBTxN9ogDNSJiWLJ7Yy"
    "3Rgsj1PZwMUPEB2eg301NcJD7AX7PKeTV4GeXWiM8ilTFDpXWQib8sm9bBm9v7c8LJuQZs"
    "RJVfAUvTwrXmckBxm5i73M1lDoIGFWekC1w2KhudrEkdtglkVyHsVZyrUcfHaj4+toSE0E"
    "UyDXD2WWdOpAU2475PO9sOpqvPtoed09LqdIY8EcZpw1Hu7DOCaUbVGvQES062Tq8/HX4e"
    "sBwzTPrOYsBejHu/XZ97/guDqoXWnTUe/DLoBwlq/oR6Rn6abZi06rlNdaymo47VKNpMHa"
    "tRvV72WM2Bzn/I1sOVHlFQaXBr50v3GTgrKaDbRs6q1LfVBNTvkPo2notk98DQvv+UxlqP"
    "+w1MC9ESkMockNnEMptXOtewQI1pL8MnY1WxAzSLPEMH0A8aoI/yyz3TOxYEc2QAfC+MQd"
    "vyGSoFsQT7WDeHrZ5jQ0CYZvN5YftWkKX7pvMUT9BRPIGyGHcMr1nR3iodX8MLKeMmGWGD"
    "jLLRNZGEilaSIqFFewamsrr3ZnXPRQO1fMSX/5RGTvbNwV7RQlcg0MvbZBSBsTHUi9+Mpa"
    "rbw5YGgVkerBi5JnkhU7xUrJcylGUylF3klju6Egm0wlROutCLnJagrXKc6KnTEvybpXDO"
    "ZiQSYq1Ae9/ExH7L2zQI7ebVt/nOwFUFbvZwjE0F1tYcWDtfGVTvmy2RYOfLixuPy6nY8a"
    "1jx0MgtW/bdYAvpzpg6w6gL8uq/W0X6JwSVnHO8oR8pRn8sLu2qOiUEFX9LHM/yx3PnmYp"
    "sA2tkmpaZ3QzuD4HTPLO6v3WG1940emMicoueypnidMwpH5W3hskEFVuIWnrq8imcLRpyV"
    "MRHh0V4aEiPNRJENXrpQus0F54wM6LUPfIIZriYi3kmt6dFVD13p1lqnrsVpLQU7VsVDUL"
    "CdHMif1R1SyKhleUr2YRrqEVYNvnHtVWfOM7jioLIFNZgCA5144HmoonMWsI2Mmwv13xKR"
    "Ty15QJHl8L93wirqEgqcz2hztAGFRNEAQqruspZMcqOus2Faem45JIBqGwKjWdVDGMFBFh"
    "ks/JUjPNTIZyLdUm//ab05/eRfQk+5DHTE6uepeXgsr18JuAosoOVQzbtyDsaN8RigtkGF"
    "AUHYOxCTVLjPdaKIE4XanMuiCPruwX9Q+j0WUM9Q/DJKy3Vx8G46PXXhesg+rSw9qBNna2"
    "I2AToso/Lw/hmubZ/c6abVMHICEocWEGmQIplXewo7yDyk+kzn9LYSeoCgu1gkpWc5a3tG"
    "wmtpiUAlWVrThY2Qp1mrmy08yCdUEBuzHPXWwplOqceIy0FuZxi5Pa2WysnmypjpC3ln6l"
    "y29GaNPmcPhQVub4JsZB/Tq8/nQeVqu9s34ZfThnGQLvrMntzc1oPD0HZGUz9qBTqCPqDn"
    "p/hKVONQbNq+mEw1a4jQN7Wug8/2nOef7TFNthasSdEfiXgLTNOVHHS+2P8jipC+aDHKbz"
    "MAwqr2zBjgjEFZErM5GreMWO4hUVr6hOHaheL3vq4MDUZ3M2RflTYLYSy5AEWZHSxzUEog"
    "pd6ehkOXGtnE3eZ+rWhkJaql4KN7f3xyQ3FFjBQihGuMgBg8Au3jHq+WpdFrVhumCh+HBb"
    "c1ykI1vbOZD+Zv2kNoFVp3MiHFsCvwQ37LJdElzJ3qojxJPeDsbz0d8iukE7zFuSdBNBy5"
    "0tibfXJAPKv3TuTe3hwc+hwlnffyhXx0FdHaVp370zvvVHmO87hZ2q5LO/cPT4qpRCPSdd"
    "QVKwFfDXnbBAc11NX2Scy/tlMrrOiPqLiyWZOaS74D/ARKS2RYZbyucrZLrIIsfs+w6xmj"
    "OY8udBcsgnln32gOQ84HbfEucyOCl1MKPEwQyGWxB1X2oeJOXURKh8IvinKmdUiWVoineE"
    "zVEe6adIfLKiM/r1HODHO6v34XYyOAfanBrYnS32i+rDOnwctzzBFBNVjm95nDdpn53y1G"
    "ZPsWb67Ip4anmyoGwKq7SoirHPWjzn4lxs2eimJZXDKeHO83itso48XkgN1w15whJM4o6e"
    "kZLpSSSFeHNOq/S6WMAJFZG06iBDrv+Jn78FTohwy6jy7W3ANr3llE4eVqcvhndfCfwxCe"
    "9WsWMiMzshVbOTxvMxpx0voevZhPeucrnsS5XISe6Ds+oTFuAdsPylCjv928l0dDUYn4Mw"
    "w+WdNRmMPw/7g6ve9Tmg4/EJ6ZDOxTuLXuh9Yk39mUlbfhheXLALc5YThn6+GjDSjTaAyz"
    "n73Lu4GtKHaEZQTOnwJIYXhs+suC0PUfCi6iTFdk61PzGytuIXYoKKXmgSvRBuaCV7nBNT"
    "pKHMpKE6LdOp9LSMYuPqZIy2CPyuJuC7PXAqtkgGtmi/ocpNhXaHGOU6eYyPEBpDFy47Ah"
    "IjutfNYzDuaasZCptVTFmEYws+seAqYZxo2MTRrEf2f9aIRZ5SAeSG3JGXZaEckZFnhgnX"
    "YIHKEAyE3TiMlgQ0ZhMcUeeW2Ap5Gfn3wg4d0cDASwo88N4csAts0gA/5SYpxkxUo3lkpy"
    "sRY92IFCV/4vkx+93Q6DIq6Ng2Nd372z/PdByWsuwC3YHPx6ygpd8EHB8fb8MLnb0vwAud"
    "vc/khditRClJf8Xy8C3RPQkx2XvJ6x6AHcAdyjs8JxfbLQovQryQ/KvQng0cVTWrSjQPWE"
    "VPMjxrj0lf4pUlYAnzFMK1zFY80p7iOucrgyrXbO21HaTTxy2RRT/Qry2qgByGrNdXjgMt"
    "vVRGL16mfaP+TYFB/yY7g3lyyJPVcqmJysRlh55zInJEnbOvLevZ7TwvNF8Xp/YtVcVZOA"
    "ehXY9ck34hQ4d0gT+3d9fQ6wlPD6ze4ktVKCHziTzvJSnMgOjYoYaSRfsIr4hmGe6CAHwP"
    "NGBj+sbgyDeqfmQkxI+B0LH98krm1exe013slDvnsRZp8GRj8yzs2OAXgTlc0O8GX9n1r3"
    "JOMeVW6qgkbDuzP+yVotGvezsK3XB0pqKAewcvdx77jXPXKgdYnQ4w5ZVpsFfmArKAt47A"
    "JxPc6eZ5ZIx1m03umE7PAh/7V3QlekCsqbfLu/gRWseg5/9Bt2gTWw+EfgLYgoBBBqjWrH"
    "lL2nkgCll3AESNy1SQXR3fcWdpFmZuIqDp3mIKlvgJEnbzSAMWfAYOfu4Cgj3l3mbBxFR/"
    "BPiZjuIfCCAvlg4I9AX8XjdeeSzw5lzrXICsn9EYWl6ULPM5xa+ouNmDxs16I6sMZRAJtC"
    "4N+NvXpwUIA9oqkzLw7sUVOdvU3HvsLMUQb45N5uWldlr0ri/Go+HFOaD2p4ORcWcNR5Nz"
    "gDC5s34bfDgHz3AuhxeD7Qlb9kYgKnVHiALFb8ajz0MvANx28BMKzi0dvitMrGtZcfsZca"
    "aRRAv5yrdFCMu32Yzl24wiBP5Wm0K5QB58TrY5puR3Gdf7/TEGKlpf0W4V026KbVFsi2Jb"
    "hGzLNXbRPdIzi77F7nfzmBcr2XIj/zKyIICW67z4Xi2G0A8E8M8BOrsPj8EYPxPwjNwFbf"
    "eVzlJTswmcPcKXr+CIkSZ2WvWt+PF3Fh8gfs6acR//Gxn/+voKaA4EQeEM5rjzguzA/AVQ"
    "aw86fvSj58JjxAyhQAP6FVnUy5pr4V8oJwg4XrEDlY35VSTM/krjNTfWVJpIpTC4a1ubn5"
    "eXGfAOVSYnvU+DCTvV7Wdpv7OCmoSTqCgh8c6CT7yT4ISdFB//SpVYVrVwqTmPVMNndQt7"
    "/f7o9pp9U/92PJz+v/OQQKb2oL5ykPuyDX3wpgi99iabXXuTIte8EJRS5GUoIHNHbjlzTk"
    "+KVDGkrTIB9u4VSaucDXCr0ion6OFC+L7NwfdtGt/2R7Nvy4VVvljkBK9vBFolqy6+3fI6"
    "aAmkk3Lto3dfnxY5DENb5ZSZTR2H0cVh2Jn0j75TCHaryR+mnqeRzI43DNs3N9iwCrOnlm"
    "hCRWZnj/r2ktmqBuk2E1CmXi7kqfIyc22TmlxTacmb0L8GIktEyFYTOSmrelrmnlbex0oV"
    "UOV9VN5H5X3c6H28ceA9ZMdWYWeDH5Jr2S3qkZzZcaHNweGhw1BfYKRD8s/Ahei5CfGKxW"
    "c7+BksNOJ584KeJdGpPP7LyY/rbyfsiF4q6cYevm5zdHemu1CeFeygccX1eAn1hWZZwdAt"
    "ylHwMoqnqJyn+GuFoDujW4bjzpbIWrkCFn+y1EwzUyESP0Hi/AhltaM3pz+9ixQj9iFPJ5"
    "pc9S4v04qRDxK0jJ1AjssriBOu1CVkiWXKeVPXMu2j66t3jdgOeqJgzGy/bIOoNnhe3UiR"
    "uCogWaKApDJXO5Waq4qubRlJLyB9vLdPWdVljMBNFvjIglNM/6nZ/pbBIKjY+t7Jor6Exg"
    "N0en5cV0dgSMcbdPPsZ9NrOtO4thWnuA0jHr2zyeyPKHNVMsy1VCirSl/L7u0jfa0Kca0x"
    "tCmaFUXRjQRaCG89YTaHSK4nN84VZ9fLVM7z1uiD6OftqvGkQm2yO6SZWnxWqM1OWnzViu"
    "eAnbfKVjv920WUThi1rFTl3EWrVAekqnZ9IAMubeyy3bRsXLFAtHWZa07fFskcQVtlH/14"
    "m8odoTT2OqlgaBlBWv8yDPBaShG/JYhfEz6QmYEeIBEoOTm5ZuJiamAXyQvPMtaWATkSUP"
    "AWgJdqpERkJGXju5ZoIcC1bHwOpL+UiGst5eHMS7XPHVoPraKRstVPOJFaq580JV6IH7eM"
    "DoGkJKAJsQpBlcHlsjOmBJtPW2AaE1OYKsZpV4BlYpgKHQ4g8K9yZG4gUElg1nfjcVvjvd"
    "DIoozCErZvn6pSjdpdgi7l7Ho6iViWFcHIDyQ//jqGZpT7Shzj4HOgN/6zmruMpcId/q6f"
    "Vw5By2SWOVQ3css217ZOdvlLJ8yv4+sL85X+CL1ljyDDP4bgl077I6jZG5WqK528S0U8VL"
    "v+ZnPW8S4t3gtxOZkLUEnZIZwCEsydohti2L6FPEmRxN3ZebtTabvX61NRbNcSLUS3CDGS"
    "TYukSJEDlNaUDt/vp4KmdNDXGeTDqy5FuRReRp1xzj/jHAVDxMEtfcg5EYTRTGg3RlvzIy"
    "sWbj0eTKbjYX96qNPOkxdL75sIigOzubvdPCOG1W+a6euGRcpcsQqviA0Phuuc7ikGqzaF"
    "XOKfMcYWuEcOcdkncHQzHk1H/dElINCPLzkTnVeu4KF31h0dvND2jzQv0MMC0ubLlesnZ0"
    "aGnycZOk+s1pVt099sgHvs0O/Y9USziu/ZR3yPPOfG2+AI8iq3hLOjtP0pklbBtSq4VgXX"
    "qjx232uv13Iwslp98ZOjZauL/s3N2uJD1K5g2huwwPQFgcZq0NvQ07k04IccgSOCV44OX4"
    "HnBTIh0KyX8I4DWSoakpXcZreHMmXxig04+h9VA+cvtKvQAzVnCNM0vSrT7Df7uqQvS4CJ"
    "niArxHHEYPjRgyE3Ic4XXv/wXtP7w3s3dSRRps24mUpnQ6iIGN0ezoLCfHsoUBdvdriA/F"
    "qC5YLVpQzCkUQLqcnKMJZoE78KzK6sfTy6v3krX/JNN+7mU8afuNihGyad4bTXWPEpr6DV"
    "iizoxfBp595ObJvaC916yTPbVL8aK9tkCeXgV78yVkC6xDb2Gp4v3JV9uitYonkjVu3Jjd"
    "iTY/1XOCSYF1L7cmLb2JoIOhgH1JJRzu3cFMiVICYsZ+eOJNq4c1deR9zfU9IAT+G3jMG9"
    "lpAZ4I5vo3obpl+hUiOAJaIELv1lyV22fEzx4PdpjF1J5cSMGJbL0fWnsHkyUabiPNvNfk"
    "meUIApxiM7S2WmdzYry9gupiazSrEspe4DDPVXlmsZWd6fnj3bBU+IIPps5uK06YsSdlvH"
    "yyWiOq9jQAccuUh/7AL3G+0CgcO0hu9glNg0JMGeHeTSRzNnKgbBr58FJ4v/6fNjVJY+Y4"
    "mfIAkey+rU0u8ngGraMGDJ/GYl0kZ/6TARD332Xn40a8QCxO91Q82a1QXzPcGJ9twN+oli"
    "5Kn5rIn4zt41/mrcu1tsGsyzjry6wonuLbZhyGEJhMOheL+EEkpR3VpRjeZeCdRDEZlh7/"
    "BxI9hms4OurWyeUMgtouk+9+CtnbFr3sqqgXBoydpv8RWvcOxiTEpmPXhLQ+OsCEN4lk0Q"
    "nqU42GAzKQHyWqKFAFef4EA+L0IbKO5Yski7DLx+a5mx7azOwcom0HG7wDgHfhSn0QXOOb"
    "Wcn/AjCwV08JJqtoiAaLSU7ooiHZHdDc3Ndtg6HUdc5jWbKcoo8yrTOVmfJqJWIs8OdQFh"
    "fhPIDIHATmRUkk37ABJ5qCOJSIQb30rK5hLWDboFKAXe6ioUfE0VU2acu9BiUSsar4fydj"
    "kr7WRhF7xAFxAIrbWJLoy+3v2pjD7wCqwAzTIAWWDH/QcLmKGrbQ5dQMcjTzHUEYit/HL7"
    "ssa/sbFbCv9QQuadyls32eSgHRCbF0f2w8w/2eXO2A+hGvwrZf81QaVQ9t8+Af4e7L+WRZ"
    "G1zfzbFltlzzVaVWm1PVdFhFAbDbSJq3kHdIXGmX+zu9EwI1G7jTbZNf0WA3jpWOhUPQdf"
    "F1AzvoIjpjayY3KctcOMoFeeffT13sTYCVrRBnagU3qXBf7eur5kB1vL+3+JXSJs37rE6l"
    "WV6sk2rJ40cyXAOnfbCEXUplFq05BoIZvSiTxFy8y1LLq/eTlja8IsjIfavKT9toChQxM8"
    "awTQ1XBpM7pcm7Pi4djSIb3tl8lNr1WlpBlt1F8vTe7KYe5UlwAHutSwZtee6aDzgltcHD"
    "02P8S76BJ26PABxRl1ygcAtjbwryGBfoJjrlJF+t2syOIXPBetmuGt3AWTHTaZ/YnnpNBa"
    "md27RULdIjXTopbITKP629Jm//dD1LiDhFzUq0rlKOdKpk6KVnoipY2VhToWdtE9O6bG9B"
    "r2xl3AxtMx+5MFmzFDja0/Bd0INdOs7DjdAxblCstxF3AyMnfFgW09zozmhkTJ5UMgWmu1"
    "i8q8acj6B0v3dc3PBuQyQ8EyCEvlUGz8V7PQMAeXZhNYtmZcUq4NVGHyCNZJoTNYJzmHsE"
    "6S491FrlmKN4oEWric1FKaaI4NwUDO5rrD9q3Ad98H2cSOBRZfVcqxYCDdBf8BJiIS0XMd"
    "OmQcDfiIe4oK8BVfcMSoGZelxeyC4+PjgmEPOX3DAMvvm2Q3JBZ29oBk3zxhVkNBtNrkFl"
    "DkxVQFxRIVFKk+MptDun0LEM/ndOKSzeF2OlBzTMTOixDIEpbSl2Nzw9Pl/1oh6IIFXjlk"
    "9/nRCAIolp/c5zIE54Sy05NzIq3JJXn6+uyns/dv3p1FXER0JY+CEEyuBENUdoalxZszzb"
    "4bCjWZDyJDUR5Yq6XXzXyS7lRqiD0rzR3adAXDkVd4Bf2f28Ht4OIc+NJ31mRwPT1ny6l7"
    "Z33sDS/ZvXuNbsf03sV4dHPDLhgOtu3guw6eV8LLhQsdR1TSNlvrjku1wXjct+rtQJaZ3c"
    "WP0BJsM9kqeFJuJ1W8OX1Qi4qt8nhkLzvtyuMRr9pobaODcGIV9HdzZp5M3Su797YHHaQv"
    "OgLnbXCnm+e71dZt6nTclvLAfi/u1x0tnZzot6yw6WzOODtoupms5h5YYzapSiAcNG8huq"
    "9PCnk9TnK8Hicprwf9RheK6rVlq6mcSBPIYqlU1INuZn//f/ijotU="
)
