from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "user_account" (
    "id" UUID NOT NULL PRIMARY KEY,
    "email" VARCHAR(254) NOT NULL UNIQUE,
    "name" VARCHAR(120) NOT NULL,
    "roles" JSONB NOT NULL,
    "region" VARCHAR(64),
    "status" VARCHAR(16) NOT NULL,
    "password_hash" VARCHAR(255) NOT NULL,
    "version" INT NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL
);
COMMENT ON COLUMN "user_account"."status" IS 'ACTIVE: active\nSUSPENDED: suspended\nERASED: erased';
        CREATE TABLE IF NOT EXISTS "audit_record" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "actor_id" VARCHAR(64),
    "action" VARCHAR(64) NOT NULL,
    "subject_type" VARCHAR(32) NOT NULL,
    "subject_id" VARCHAR(64) NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "request_id" VARCHAR(128),
    "ip" VARCHAR(64),
    "created_at" TIMESTAMPTZ NOT NULL
);
CREATE INDEX IF NOT EXISTS "idx_audit_recor_action_b08f8b" ON "audit_record" ("action");
CREATE INDEX IF NOT EXISTS "idx_audit_recor_subject_43d48a" ON "audit_record" ("subject_id");
        CREATE TABLE IF NOT EXISTS "organisation" (
    "id" UUID NOT NULL PRIMARY KEY,
    "name" VARCHAR(160) NOT NULL,
    "version" INT NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "owner_id" UUID NOT NULL REFERENCES "user_account" ("id") ON DELETE RESTRICT
);
COMMENT ON TABLE "organisation" IS 'A provider business: it employs servicemen and is managed by its owner and managers.';
        CREATE TABLE IF NOT EXISTS "membership" (
    "id" UUID NOT NULL PRIMARY KEY,
    "role" VARCHAR(16) NOT NULL,
    "version" INT NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "organisation_id" UUID NOT NULL REFERENCES "organisation" ("id") ON DELETE CASCADE,
    "user_id" UUID NOT NULL REFERENCES "user_account" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_membership_organis_9b4f25" UNIQUE ("organisation_id", "user_id")
);
COMMENT ON COLUMN "membership"."role" IS 'OWNER: owner\nMANAGER: manager\nSERVICEMAN: serviceman';
        CREATE TABLE IF NOT EXISTS "refresh_token" (
    "id" UUID NOT NULL PRIMARY KEY,
    "family_id" UUID NOT NULL,
    "token_hash" VARCHAR(64) NOT NULL UNIQUE,
    "issued_at" TIMESTAMPTZ NOT NULL,
    "expires_at" TIMESTAMPTZ NOT NULL,
    "spent_at" TIMESTAMPTZ,
    "revoked_at" TIMESTAMPTZ,
    "user_agent" VARCHAR(255),
    "ip" VARCHAR(64),
    "user_id" UUID NOT NULL REFERENCES "user_account" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_refresh_tok_family__1354e9" ON "refresh_token" ("family_id");
COMMENT ON TABLE "refresh_token" IS 'One refresh token of a login (a family). Only its SHA-256 is stored; rotation spends';
-- Audit records are append-only for every client of the database, bulk queries included.
CREATE OR REPLACE FUNCTION "audit_record_refuse_change"() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit records are append-only' USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER "audit_record_append_only" BEFORE UPDATE OR DELETE ON "audit_record"
    FOR EACH ROW EXECUTE FUNCTION "audit_record_refuse_change"();"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP TRIGGER IF EXISTS "audit_record_append_only" ON "audit_record";
        DROP FUNCTION IF EXISTS "audit_record_refuse_change"();
        DROP TABLE IF EXISTS "membership";
        DROP TABLE IF EXISTS "refresh_token";
        DROP TABLE IF EXISTS "organisation";
        DROP TABLE IF EXISTS "audit_record";
        DROP TABLE IF EXISTS "user_account";"""


MODELS_STATE = (
    "eJztXW1v2zYQ/iuEPmVAGjjK67JhgJu4rdfGLmy3G9YWAm3RthaJUkUqidHlv4+k3l9tOX"
    "aiuPyyxuSdRD1H8u45nrQfimXryCQHfY+O7fvOLcJUuQA/FAwtxP4o6t4HCnScuJM3UDg2"
    "hbwtBIXMmFAXTvjlptAkiDXpiExcw6GGjVkr9kyTN9oTJmjgWdzkYeO7hzRqzxCdI5d1fP"
    "nGmg2so3tE+M8viuONTYPMka5BMSRDV75xIedGmxrI1FNPwTpZl2jX6MIRba+NWRfTN0KW"
    "D2OsTWzTs3As7yzo3MaRguE/+wxh5EKK+B2o6/Hn4sMOAAgf1X+EWMQfe0JHR1PomTSBw1"
    "iL2xRN6/VH2rAz0jSlBnITG3PU2VCJAGDGh/DqV1U9OjpTW0en5yfHZ2cn561zJivGm+86"
    "e/AHE6PlX0pg1n3b7Y34gGxmWt/ivOFB6EAKfS1hohh9xKeNVmSDT5+6V8UWSOpk7OB5hn"
    "7ANbPWCLFvrDkqkL181x7sHZ3+Ip7XJnTmik6BkIA3hpNdEUErD+blHLrFYMYaGShZxzog"
    "hg0xivEKf4pZbcF7zUR4Rufs5+FpBayf2wOB7KGPbDxre0GPKrrSAAt0asAbyu8iuOr5Ku"
    "iq5+Xw8r40vjdoUQfeQLzJ6CrEG/+LJhQY+gV4D6c3EFiIEDhDIBh9I4Af23oB8n8O+71i"
    "5EP5DPS6wZ70P8Dcb84hPqMJWKQA7gwXAT5qYE8BbxBuBOx9HPRH/cv+B0CYkZg88LeDR+"
    "3YHDZ+EYuQ72YS+r3r9t9Zq1x+6L/Obu38Aq8zFpqwjZpGMU3aTleshxoWKrZVWjNrsUD1"
    "IPyjOXZbfWNiD6j3sbkInHaFaUbd685w1L7+mLLPVXvU4T2qaF1kWveyHiK6CPirO3oH+E"
    "/wT7/XyZoxkhv9o/AxQY/aGrbvNKgn4ouwNUQtZfVsLFvH7lndDVg+GHJTDP9CDB1iUmlp"
    "SCmyHEryVi7lIkmV5YxkUwu5tV1Goh4enx2fH50eR0QkaqniHyHXiAE1IaEacl3bzUM6Qv"
    "clmKa11oosXtAi6fw9qnZU0Rr50O+9DcWz3uvhgdPr6U2C4vGGMZzc3EFX13I9tmqXyea7"
    "LNXKtkDM4ic9eGL+fEEu4qNrT1hwhfTSbEVGYr8qYeGEshqKhDeaufgiTOVZSMyqiNd+y2"
    "Q0ZO6ikbmLpO1WJSxJnSazljU54enxCszk9LiUmPCu9CbepARRc/fxGimieFNbI6DM6Eoq"
    "0ZQIs4xKNMQvXyNrjFwyN5win5zorfTHVlpuw67YdmcQGwQKbS5EWM+jXHH5DvUcyWvl96"
    "mH/RSHuBP/z/EfSgM3q3KX69pmSfq1gz1LYN1lw4B4gnKYh7pNdrtK/69eZ3AB7Ds2mq/4"
    "ut1rv+W//YXFWoadwefuZYd1XAA2P2+NCWJ9a2URN54bv2VrM1g7K/LXhMbT0dfD7QalG6"
    "OvMt/3szjppNWTXqhm2FugKqPfzKLiTr0mrAkVCWdRqqd48uYhfmO7yJjh92iRc9QZYMPK"
    "kszlXibEcWu8BbjwLoohi9Yt+4MhgKgf3rSHl+2rjpKbyBuA+FNwmR2FNrF2iyF9HjqUmt"
    "hFJVWZiV9RU5WVXEaKlDZgLP7W0JELxh4xMOPzF8CgAFmOaS9IFFUiDCDWgUGC4FMH4wWT"
    "I35sKvqCqJQcZOPPrd1kefWXJGjPStDEvzmcy/OhoXyTSdnaxUetlRhWq4JitSTHkhxLcq"
    "wNcyzP0de0elpTWr0pVi8osAhGnyAnPKSoS6kTOpL8LSF/HCtJSZayvcSUSnGSAZvgg+7l"
    "qIqUJJhCdBZSUDD0OlB+836AzIgbFMOdPnzZEdAftsneBmjKFsV8ZN+gQvaW6t+vYm+uL8"
    "n4TCi6lL71MQKBGhBqvJwVAtOeGRjsQaZmGebilwPAN3FBpYbv2q/Uk1NOsghli1H/Dbg2"
    "FbMCEAdhneTo2zZu8hUz/ueTPeIhIkpwMbqnYTkuYSAGF2a6yDHhgo2G3ZWrMykxpFs2GF"
    "/Vl5SksCmOYb+CFPq2qul6U0rb9b0v7z0fsSi1OSTzOmQ7rbUZyv28dWBbLj4SW9U6PCGl"
    "KGlCU2jCKuQQ3TsGu9oaRk9r7qDVX4iVV6q2F1HFGkZO6sn3KZpsYT9aXGf3TmtKKzfZyu"
    "KEj/E0XGDl8kgorbULL3mkQyH15GSFWIhJlQZDoi8TDTl1IPaldw/azUeZsiZlm2lJWSjx"
    "ggslBOoFKbbQGuWpNX+Hn0xsbxsvbsn8UpPyS8iChlnHN0UKO5cDUU9WcU9MqsLx5xyULO"
    "pIfHtjpaIOtaKoQ80VdfA3EwpOcco/vhEpPP3XNxL7xdgzTGpgcsDv9xxbxlY+s+GiWWGB"
    "Tfl0jzVktLs82mWBFvUKZvtqL/HE2k+3uSgsbDBuUc0JrrQvR93PnQvga3/Fw0/Dj53eVe"
    "fqAhBPnIkh/SvuDNpD3sRGTZCePYl7nhd5HEjInc1it7oHDDnFHfQAW6HWsqxPkWV98uRG"
    "lvVJq69S1lfjrXZZMbVixVS2VFLXku+WPBKyHX2TK0McEsVcj8QrW0K2K3htM1fY9nSDDt"
    "CExZ9KQcow2b1flTmEXFBzY8nGZA7lp51431N82omZ2y4+kyknP0kdmQhYngiAk+LXhCsR"
    "fkyipWGVgFtPtPjfHfZBqoFyVm8HOfyRugLYR2op2LyrGOx6W0ZaS07q5ZN6jKa2WzCdKz"
    "5UHWk8KlnesM35qbPicEqLjtHLYY8UJOqPOYtgj03q7ipprd0LRbby/XtZ3LSdDVumYsuh"
    "f5lJuYZ/arKNXGMyV4oyAH7PfiX5j2UaQ/t/Fs7/yOOfcjZferpWvsGXH6/tAv/ZyhkmX1"
    "Q1EA7EdxDdw9ZKNUKtihqhVq5GiN2RFha5l4fgCZWX8H/paVQU/qzO7OF/CNhj3Q=="
)
