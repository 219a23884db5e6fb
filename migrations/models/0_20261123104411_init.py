from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "outbox" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "event_id" UUID NOT NULL UNIQUE,
    "stream" VARCHAR(16) NOT NULL,
    "type" VARCHAR(128) NOT NULL,
    "key" VARCHAR(128) NOT NULL,
    "body" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "published_at" TIMESTAMPTZ,
    "attempts" INT NOT NULL,
    "last_error" TEXT
);
CREATE INDEX IF NOT EXISTS "idx_outbox_publish_53b0ee" ON "outbox" ("published_at", "id");
COMMENT ON COLUMN "outbox"."key" IS 'subject id: Kafka message key';
COMMENT ON COLUMN "outbox"."body" IS 'the wire body of the event (PROTOCOL section 6)';
CREATE TABLE IF NOT EXISTS "processed_event" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "consumer" VARCHAR(64) NOT NULL,
    "event_id" UUID NOT NULL,
    "processed_at" TIMESTAMPTZ NOT NULL,
    CONSTRAINT "uid_processed_e_consume_66920d" UNIQUE ("consumer", "event_id")
);
CREATE TABLE IF NOT EXISTS "aerich" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "version" VARCHAR(255) NOT NULL,
    "app" VARCHAR(100) NOT NULL,
    "content" JSONB NOT NULL
);"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        """


MODELS_STATE = (
    "eJztWW1z2jgQ/isaf8rN9DLEEKD9RhLacpfgTOLeZZLJaGRbgA/bci25CdPy30+S3wWmkN"
    "LWSfsN7z6rrJ7H1mo3nzWfONijh0bMLPI4/IQDpr0Bn7UA+Zj/WOd+BTQUhoVTGBiyPIkn"
    "EigxFmURssVyE+RRzE0OpnbkhswlAbcGsecJI7E50A2mhSkO3I8xhoxMMZvhiDvu7rnZDR"
    "z8iKl4vNPC2PJcOsMORDIl19HuBSicw4mLPaeyC+7kLmmHbBFK24k7HQXsrcSKNCxoEy/2"
    "gwIfLtiMBHmAm+x9igMcIYbFX2BRLPYl0k4JyLaabKGAJLmXYhw8QbHHSjxYsLBpEI4NE1"
    "4PTQi1HZizSSBY56lSScBUpPDna11vt3t6q93tH3d6veN+q8+xMt9VV2+ZJFOwlSwlORu9"
    "G41NkRDh0iaKC8NSxiCGkigpUcE+Fq8NXKfBhw+js/UKlGMUHeLYdQ5FpKpGxn1j5djA7O"
    "n7wdVBu/uH3C+hbBpJp2RI0lvQyVfEyF8l83SGovVkFhEKldzxFBIzQ8Fi8YX/iLfaR4/Q"
    "w8GUzfjjUXcDrf8MriSzRwmzxVs7Tj26dFUJluzsQG+Gf4nk6v1t2NX79fQKX5XfOV7sQm"
    "8KbzK7Go2t/7DNgOu8AX+jyRwBH1OKphik2TeCeIs4a5j/69oYr2c+wyvUOy7f6RfAy+9K"
    "QfyJEvCbAnhwIwxE1oBMgDDIMgIOLq8M0zg1zgHlInE8SI6DbzqxBW1iEZ/Sj16Z+oOLwY"
    "2qyum5caIe7WKBE0Uhmx/ULL/TVHU64x7m+ni9VtVIVbE09DD70Rzdtj+Y+AYdI/AWadHe"
    "II05uhhem4OLy4o+ZwNzKDy6tC4U64FaIfJFwL8j8z0Qj+DWGA9VGXOceauJnFDMCAzIA0"
    "RO6X6RWTPWKqqrd9lddFdj96B8mnJThH8mQmecbFQaMYb9kNFVlWt7kXLI1zuSfX3Ire/b"
    "kehHnV6n3+528kYkt2zqP7JeoyDUQ5RBHEUkWqXUxI81nFajnnSzeEYfyfDG3Fyo8m/k3B"
    "i/y+Bq9VouRXs9mZdaPGGwkD1/QJEDVzxEJ3XYVZev+6oFBfz+5KQ7FvtLZxGXEbH55Qo7"
    "tdMKBfFq08AizLAQ5+C9Ti7upFSxj+Vblfe198pE4/fsopGzi7J22zYs5Zgmdy1P7Am7nS"
    "06k26ntjERruoh3qQBUXPP8R1GRMWh9oQLpRL7u5Voyg2zrpVoSF0e4Mi1Z+vqcerZWIdR"
    "gfme/zjYqcz+KjX2G2/j9dXzE46oSGmH4lkKeYG1Uz8+3qJ4clRt9ZS+6mkvPqodGE7hL5"
    "Ddo1Zrm6Fpq1U/NBU+ZSRHApY2BtvOTUshz2F0uo/Lyd6moT+1mC3/Bx523+o="
)
