from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "zone" (
    "id" UUID NOT NULL PRIMARY KEY,
    "name" VARCHAR(120) NOT NULL,
    "city" VARCHAR(120) NOT NULL,
    "geometry" JSONB NOT NULL,
    "min_lng" DOUBLE PRECISION NOT NULL,
    "min_lat" DOUBLE PRECISION NOT NULL,
    "max_lng" DOUBLE PRECISION NOT NULL,
    "max_lat" DOUBLE PRECISION NOT NULL,
    "active" BOOL NOT NULL,
    "version" INT NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL
);
CREATE INDEX IF NOT EXISTS "idx_zone_city_a05ddc" ON "zone" ("city");
COMMENT ON COLUMN "zone"."geometry" IS 'GeoJSON Polygon or MultiPolygon, WGS84 lng/lat';
        CREATE TABLE IF NOT EXISTS "category" (
    "id" VARCHAR(64) NOT NULL PRIMARY KEY,
    "name" VARCHAR(120) NOT NULL,
    "parent_id" VARCHAR(64),
    "position" INT NOT NULL
);
CREATE INDEX IF NOT EXISTS "idx_category_parent__1130d6" ON "category" ("parent_id");
COMMENT ON TABLE "category" IS 'The seeded taxonomy (plumbing > leak repair ...): slugs are stable ids.';
        CREATE TABLE IF NOT EXISTS "organisation_zone" (
    "id" UUID NOT NULL PRIMARY KEY,
    "organisation_id" UUID NOT NULL REFERENCES "organisation" ("id") ON DELETE CASCADE,
    "zone_id" UUID NOT NULL REFERENCES "zone" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_organisatio_organis_3a405c" UNIQUE ("organisation_id", "zone_id")
);
COMMENT ON TABLE "organisation_zone" IS 'A provider business serves a zone.';
        CREATE TABLE IF NOT EXISTS "serviceman_zone" (
    "id" UUID NOT NULL PRIMARY KEY,
    "user_id" UUID NOT NULL REFERENCES "user_account" ("id") ON DELETE CASCADE,
    "zone_id" UUID NOT NULL REFERENCES "zone" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_serviceman__user_id_8dcad1" UNIQUE ("user_id", "zone_id")
);
COMMENT ON TABLE "serviceman_zone" IS 'A serviceman works in a zone.';
        CREATE TABLE IF NOT EXISTS "service" (
    "id" UUID NOT NULL PRIMARY KEY,
    "kind" VARCHAR(16) NOT NULL,
    "title" VARCHAR(160) NOT NULL,
    "description" TEXT NOT NULL,
    "price_amount" BIGINT,
    "currency" VARCHAR(3),
    "duration_minutes" INT,
    "media" JSONB NOT NULL,
    "items" JSONB NOT NULL,
    "zone_ids" JSONB NOT NULL,
    "state" VARCHAR(16) NOT NULL,
    "version" INT NOT NULL,
    "rating_sum" INT NOT NULL,
    "rating_count" INT NOT NULL,
    "published_at" TIMESTAMPTZ,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "category_id" VARCHAR(64) REFERENCES "category" ("id") ON DELETE RESTRICT,
    "owner_org_id" UUID REFERENCES "organisation" ("id") ON DELETE CASCADE,
    "owner_user_id" UUID REFERENCES "user_account" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_service_state_8c8909" ON "service" ("state");
COMMENT ON COLUMN "service"."kind" IS 'SERVICE: service\nPACKAGE: package';
COMMENT ON COLUMN "service"."price_amount" IS 'minor units';
COMMENT ON COLUMN "service"."media" IS 'media references (ids/urls), never bytes';
COMMENT ON COLUMN "service"."zone_ids" IS 'zones the service is offered in';
COMMENT ON COLUMN "service"."state" IS 'DRAFT: draft\nIN_REVIEW: in_review\nPUBLISHED: published\nARCHIVED: archived';
COMMENT ON TABLE "service" IS 'A service or a package of services, owned by a provider organisation or by a';
        CREATE TABLE IF NOT EXISTS "storefront" (
    "id" UUID NOT NULL PRIMARY KEY,
    "headline" VARCHAR(160) NOT NULL,
    "bio" TEXT NOT NULL,
    "banner" JSONB,
    "galleries" JSONB NOT NULL,
    "social_links" JSONB NOT NULL,
    "version" INT NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "organisation_id" UUID UNIQUE REFERENCES "organisation" ("id") ON DELETE CASCADE,
    "user_id" UUID UNIQUE REFERENCES "user_account" ("id") ON DELETE CASCADE
);
COMMENT ON COLUMN "storefront"."banner" IS 'media reference';
COMMENT ON TABLE "storefront" IS 'A provider''s (or independent serviceman''s) business front.';
        CREATE TABLE IF NOT EXISTS "serviceman_profile" (
    "id" UUID NOT NULL PRIMARY KEY,
    "bio" TEXT NOT NULL,
    "category_ids" JSONB NOT NULL,
    "home_lat" DOUBLE PRECISION,
    "home_lng" DOUBLE PRECISION,
    "rating_sum" INT NOT NULL,
    "rating_count" INT NOT NULL,
    "completed_jobs" INT NOT NULL,
    "version" INT NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "user_id" UUID NOT NULL UNIQUE REFERENCES "user_account" ("id") ON DELETE CASCADE
);
COMMENT ON COLUMN "serviceman_profile"."category_ids" IS 'category slugs the serviceman works in';
        CREATE TABLE IF NOT EXISTS "schedule" (
    "id" UUID NOT NULL PRIMARY KEY,
    "timezone" VARCHAR(64) NOT NULL,
    "weekly" JSONB NOT NULL,
    "version" INT NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "user_id" UUID NOT NULL UNIQUE REFERENCES "user_account" ("id") ON DELETE CASCADE
);
        CREATE TABLE IF NOT EXISTS "schedule_exception" (
    "id" UUID NOT NULL PRIMARY KEY,
    "date" DATE NOT NULL,
    "available" BOOL NOT NULL,
    "start" VARCHAR(5),
    "end" VARCHAR(5),
    "schedule_id" UUID NOT NULL REFERENCES "schedule" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_schedule_ex_schedul_04a1be" UNIQUE ("schedule_id", "date")
);
COMMENT ON TABLE "schedule_exception" IS 'A date that differs from the weekly pattern: off all day, or other hours.';
        CREATE TABLE IF NOT EXISTS "job" (
    "id" UUID NOT NULL PRIMARY KEY,
    "title" VARCHAR(160) NOT NULL,
    "description" TEXT NOT NULL,
    "lat" DOUBLE PRECISION NOT NULL,
    "lng" DOUBLE PRECISION NOT NULL,
    "address" VARCHAR(300) NOT NULL,
    "currency" VARCHAR(3) NOT NULL,
    "budget_min" BIGINT NOT NULL,
    "budget_max" BIGINT NOT NULL,
    "desired_start" TIMESTAMPTZ,
    "desired_end" TIMESTAMPTZ,
    "state" VARCHAR(16) NOT NULL,
    "accepted_bid_id" UUID,
    "expires_at" TIMESTAMPTZ NOT NULL,
    "version" INT NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "category_id" VARCHAR(64) NOT NULL REFERENCES "category" ("id") ON DELETE RESTRICT,
    "customer_id" UUID NOT NULL REFERENCES "user_account" ("id") ON DELETE RESTRICT,
    "zone_id" UUID REFERENCES "zone" ("id") ON DELETE SET NULL
);
CREATE INDEX IF NOT EXISTS "idx_job_state_c9e4ce" ON "job" ("state");
COMMENT ON COLUMN "job"."state" IS 'OPEN: open\nAWARDED: awarded\nCANCELLED: cancelled\nEXPIRED: expired';
        CREATE TABLE IF NOT EXISTS "booking" (
    "id" UUID NOT NULL PRIMARY KEY,
    "kind" VARCHAR(16) NOT NULL,
    "state" VARCHAR(16) NOT NULL,
    "lat" DOUBLE PRECISION,
    "lng" DOUBLE PRECISION,
    "address" VARCHAR(300) NOT NULL,
    "notes" TEXT NOT NULL,
    "scheduled_start" TIMESTAMPTZ,
    "scheduled_end" TIMESTAMPTZ,
    "currency" VARCHAR(3) NOT NULL,
    "price_amount" BIGINT NOT NULL,
    "commission_amount" BIGINT NOT NULL,
    "tax_amount" BIGINT NOT NULL,
    "total_amount" BIGINT NOT NULL,
    "expires_at" TIMESTAMPTZ,
    "version" INT NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "customer_id" UUID NOT NULL REFERENCES "user_account" ("id") ON DELETE RESTRICT,
    "job_id" UUID REFERENCES "job" ("id") ON DELETE RESTRICT,
    "organisation_id" UUID REFERENCES "organisation" ("id") ON DELETE RESTRICT,
    "service_id" UUID REFERENCES "service" ("id") ON DELETE RESTRICT,
    "zone_id" UUID REFERENCES "zone" ("id") ON DELETE SET NULL
);
CREATE INDEX IF NOT EXISTS "idx_booking_state_143c14" ON "booking" ("state");
COMMENT ON COLUMN "booking"."kind" IS 'ON_DEMAND: on_demand\nSCHEDULED: scheduled';
COMMENT ON COLUMN "booking"."state" IS 'REQUESTED: requested\nACCEPTED: accepted\nSCHEDULED: scheduled\nIN_PROGRESS: in_progress\nCOMPLETED: completed\nCANCELLED: cancelled\nDECLINED: declined\nEXPIRED: expired';
        CREATE TABLE IF NOT EXISTS "slot_claim" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "slot_start" TIMESTAMPTZ NOT NULL,
    "booking_id" UUID NOT NULL REFERENCES "booking" ("id") ON DELETE CASCADE,
    "user_id" UUID NOT NULL REFERENCES "user_account" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_slot_claim_user_id_c10c89" UNIQUE ("user_id", "slot_start")
);
        CREATE TABLE IF NOT EXISTS "booking_assignment" (
    "id" UUID NOT NULL PRIMARY KEY,
    "lead" BOOL NOT NULL,
    "version" INT NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "booking_id" UUID NOT NULL REFERENCES "booking" ("id") ON DELETE CASCADE,
    "serviceman_id" UUID NOT NULL REFERENCES "user_account" ("id") ON DELETE RESTRICT,
    CONSTRAINT "uid_booking_ass_booking_98cc68" UNIQUE ("booking_id", "serviceman_id")
);
        CREATE TABLE IF NOT EXISTS "booking_transition" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "from_state" VARCHAR(16),
    "to_state" VARCHAR(16) NOT NULL,
    "actor_role" VARCHAR(32),
    "reason" VARCHAR(300) NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "actor_id" UUID REFERENCES "user_account" ("id") ON DELETE SET NULL,
    "booking_id" UUID NOT NULL REFERENCES "booking" ("id") ON DELETE CASCADE
);
COMMENT ON COLUMN "booking_transition"."actor_role" IS 'customer, serviceman, manager, admin, system';
COMMENT ON TABLE "booking_transition" IS 'The booking''s history: every state change with who made it.';
        CREATE TABLE IF NOT EXISTS "bid" (
    "id" UUID NOT NULL PRIMARY KEY,
    "amount" BIGINT NOT NULL,
    "currency" VARCHAR(3) NOT NULL,
    "message" TEXT NOT NULL,
    "proposed_start" TIMESTAMPTZ,
    "state" VARCHAR(16) NOT NULL,
    "version" INT NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "job_id" UUID NOT NULL REFERENCES "job" ("id") ON DELETE CASCADE,
    "serviceman_id" UUID NOT NULL REFERENCES "user_account" ("id") ON DELETE RESTRICT,
    CONSTRAINT "uid_bid_job_id_74ed87" UNIQUE ("job_id", "serviceman_id")
);
COMMENT ON COLUMN "bid"."state" IS 'ACTIVE: active\nWITHDRAWN: withdrawn\nREJECTED: rejected\nACCEPTED: accepted';
        CREATE TABLE IF NOT EXISTS "job_comment" (
    "id" UUID NOT NULL PRIMARY KEY,
    "body" TEXT NOT NULL,
    "version" INT NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "author_id" UUID NOT NULL REFERENCES "user_account" ("id") ON DELETE RESTRICT,
    "bid_id" UUID REFERENCES "bid" ("id") ON DELETE CASCADE,
    "job_id" UUID NOT NULL REFERENCES "job" ("id") ON DELETE CASCADE
);
COMMENT ON TABLE "job_comment" IS 'A question or answer on a job, or on one bid of it.';
        CREATE TABLE IF NOT EXISTS "review" (
    "id" UUID NOT NULL PRIMARY KEY,
    "rating" SMALLINT NOT NULL,
    "text" TEXT NOT NULL,
    "hidden" BOOL NOT NULL,
    "reported_at" TIMESTAMPTZ,
    "report_reason" VARCHAR(300),
    "version" INT NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "author_id" UUID NOT NULL REFERENCES "user_account" ("id") ON DELETE RESTRICT,
    "booking_id" UUID NOT NULL REFERENCES "booking" ("id") ON DELETE CASCADE,
    "subject_id" UUID NOT NULL REFERENCES "user_account" ("id") ON DELETE RESTRICT,
    CONSTRAINT "uid_review_booking_2b730e" UNIQUE ("booking_id", "author_id")
);
        ALTER TABLE "organisation" ADD "rating_sum" INT NOT NULL DEFAULT 0;
        ALTER TABLE "organisation" ADD "rating_count" INT NOT NULL DEFAULT 0;
        -- The default only fills existing rows; the models keep defaults in Python.
        ALTER TABLE "organisation" ALTER COLUMN "rating_sum" DROP DEFAULT;
        ALTER TABLE "organisation" ALTER COLUMN "rating_count" DROP DEFAULT;"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    # Hand-ordered: dependents before the tables they reference (aerich orders them arbitrarily).
    return """
        ALTER TABLE "organisation" DROP COLUMN "rating_sum";
        ALTER TABLE "organisation" DROP COLUMN "rating_count";
        DROP TABLE IF EXISTS "slot_claim";
        DROP TABLE IF EXISTS "review";
        DROP TABLE IF EXISTS "booking_assignment";
        DROP TABLE IF EXISTS "booking_transition";
        DROP TABLE IF EXISTS "booking";
        DROP TABLE IF EXISTS "job_comment";
        DROP TABLE IF EXISTS "bid";
        DROP TABLE IF EXISTS "job";
        DROP TABLE IF EXISTS "schedule_exception";
        DROP TABLE IF EXISTS "schedule";
        DROP TABLE IF EXISTS "serviceman_zone";
        DROP TABLE IF EXISTS "organisation_zone";
        DROP TABLE IF EXISTS "storefront";
        DROP TABLE IF EXISTS "serviceman_profile";
        DROP TABLE IF EXISTS "service";
        DROP TABLE IF EXISTS "zone";
        DROP TABLE IF EXISTS "category";"""


MODELS_STATE = (
    "eJztXWtz2ziy/SsofRmnyptNlNjJ+t7aKlnWJMrYlq8kJ1MTT7EoEZY45kNLUra1u/nvF+"
    "CbIEiRFCWDTH/JjEk0RJ4Gge7GQfd/OrqpYM1+PVo7M/N58IgNp3OG/tMxZB2T/+HdPkYd"
    "ebWKbtILjjzT3Pam29BtM7MdS57T7u5lzcbkkoLtuaWuHNU0yFVjrWn0ojknDVVjEV1aG+"
    "q/1lhyzAV2ltgiN77/SS6rhoKfsU3//N5ZrWeaai+xIsnuI6lK50/aaPUg3atYUxJvQW6S"
    "W+51ydms3Gvn6mJoOL+6beljzKS5qa11I2q/2jhL0wgFVO/dF9jAluxg+guOtabvRR/bBy"
    "B4Ve8Voibes8dkFHwvrzUnhsNMiq51JOl6NJUmg6kkdUogNzcNijp5VNsFYEEf4W//6Hbf"
    "vfvQffPu9OPJ+w8fTj6++Ujaus+bvvXhh/cwEVpeVy5mw0/D6yl9IJOo1tM4vfDDlZEd2Z"
    "NyVRShj+mwkXg6uL0dXvA1EJdh9LBeq8prKslqI8BeWHXkINv/3BsfvTt95b6vaTsLy73p"
    "IuTCG8FJesSyngazv5QtPpiRBAMluVEFxOBChGL0hR9iVOvys6RhY+EsyZ9vT3Ng/dobu8"
    "i+9ZCNRu21f6fr3koC7KJTAt6gfRvB7X4sgm73Yza89F4S3we8KQOv31xkdDv2evYXnjtI"
    "Vc7Qb/L9g4x0bNvyAiP/6YUAfmYqHOS/TEbXfOSD9gz0ikre9L+ILL+pBfEFVUAsBfSkWh"
    "jRp0bmPaIX3GUEHd2MR9NRf3SJbKIk0h5508FOMzaFjXai2/a/tDj0R1e931mt9C9H5+zU"
    "Tjs4ZzQ0JxO1E9o0ST1dkDuOqmO+rpKSrMZ80dfB/4ijt+ITE3lBZWRoG3/RzlHNdHg1mE"
    "x7VzcJ/Vz0pgN6p+te3TBXj9gVIuwEfRtOPyP6J/pjdD1g1Ri2m/7Roc8krx1TMswnSVZi"
    "9kVwNUAtoXXWli2jd1a2Bs37jyyK4hui6ACTXE3LjoP1lWOntZzpi8RFtnskdX3Ib/brkX"
    "Tfvv/w/uO70/ehIxJeyfM/Al8jAlSTbUfClmVaaUin+DkD06RUJcuiQR/J4Pdp/kIVfiOX"
    "o+tPQXN29frxg7rX9w8xF49emMnzhyfZUqTUHbNrZrVN39K7OntFNoj9pPhvTN/Pj0XcWO"
    "acGFdYyYxWMC2O8wIWq6CthMPGtUYuvruqWuvYHVWhX/snE9GA2IWQsYu47oo6LHEZkb2W"
    "ij7h6fsCnsnp+0zHhN5KTuIiBYjEncdLhIiiSa2CQcnIgishioWZ5UoIsi5fYX2GLXuprn"
    "hrcuxu7nqsJ9vVvBSb1kI2VFt2pWkjm9zZaSnOnqFeInjd+d/7teGFONxfov+8/2dHwMkq"
    "e8m1TC0j/Dow1rqL9ZA8hmzMcQrzQFbkZbcz+nY9GJ8h84k8zZ1x1bvufaJ/ex8WuTIZjL"
    "8O+wNy4wyR8fmozjG5VymKWHts/JF8m/63U9B/jUkczn19u1+jtDb3FeJ9P8siHdd6fBUq"
    "afZyRMH6ZT4quqiXhDUmAnDyQj38wZuG+FfTwurC+A1vUgs1A2zALGG6aybE0dVoCrDkp9"
    "CG5H235H8IAtjxzJvepN+7GHRSA7kGiG/9bloKbezb5UP6Mu5QYmDzKFXMwM/hVLEttzlF"
    "nR4iXvyjqmALzda2ahB//gypDsL6SjM3dmhVYgPJhoJU2zc+FTTbkHa2Z5u693yr1H7N2p"
    "97+5Ht7C9w0F7UQXP/m8I5Ox4atBfZKatMPnpTyMN6k+NivWF9LIIGeQLJXnNIXpluVlII"
    "NgpZT8vHZ26uDY6vtQ3WUAyAZYGFiECtcEJEIBvq9kYE1iulotaTkqB1UbTOoQP5Tx9zpa"
    "kBXDYAFJOBUMWWUAXFChzorbGJ2JBKeNBjMsDHw/40z4WO+bXhzh2H3nbuC//62xhroSfL"
    "hzu5VdgS0BMf/r9NA0uaajzsiFQ8hvAH6bOtePmhhB3Rmni9FABJTHJfPkYz03wgneyI0b"
    "nXS4swKhXji5+yIqvEvWXyvMUA0JGBpyb5p8DQS/TWImRLBETHBABsL6fmA+YGRBP3j/MC"
    "opbXUnLCplsjokRLyBdDrhg9ISIjzVyoBjqSiZiuaptXrxG1NN3o5ORz72/dk1Mat3THgv"
    "I/yDIdV8/IXmFDsVMR0X38yJ2hOn781F5j2z3VYuBnJzjhYhMQ/Y6JLF5p8oY8DflVKk5a"
    "uY/0SB7GE/VaQpxVFOv1OCfO6umqpH+QENqvg9C8o7PuRyktZXtZJn6dlKoniv2y1Oo983"
    "ndqapKMCMhCLEMUWIZRSJY+Hmlkt4qKD0p2UKtN0TLhQ6wuVZFBSXH5eCIosga9qzFKrN3"
    "UhK0LLKWXdIM8dN47m22JZSUasO5yaQp1D05KWALkVaZxpB7j7GGVmUg9lq3D9r6rUygee"
    "5z7wS4hw3mHrqoc0JsgTayQ2veDD8P+S57zeIG8aUXjS9hXVa1MmtTKNC6GEj3pMjyRFrl"
    "LPypBQp4krF0VoV4kt0cnmQ3zZM0Nd6WYHY+q1Dg8AmtYvPFbK1qjmrYr+nvvcSUsZfMVR"
    "ZecFmA2cM9kgBrd7u1SwwtZ80Z7cXOxUbSh5tcOsRsUB9xyQHe6fWnw6+DM+RJ3xmT28nN"
    "4PpicHGG7LW7J4aVO2Mw7k3oJfLUNlbYnbhi1O26z8auZNt+MontVnaDISXYwhVgL641cI"
    "87wD2GnRvgHoPWi3CPSySKAVpnBQoeJdIqUvy4Zo38zraCliBz7YgXSyFrI151cYcnYWYZ"
    "YA7/3MxhWzMdaa7Jqr4rTKSjPu2nraOJ+GnqwtCxwcvgWwapXthRW6E6NB29ySBJpIVhqz"
    "UYDNOwo5bOVTNV2XVIedtFbRxOf5m0hV7D/NT3emkxUDsC9MWctRUcCz+q+MmWnizVcTAn"
    "uFbOIqedtR0qC8+x+oh5mbp/aqzg7NUBfRziyUkry7xXeelTK8AW9noTddpG9OZLrKxrwi"
    "zWV0ugKsk86q0V1RnjuWklGT2c28d5PCSZNqTzatBSGB4S1F6g9w5Re4Go2+QzPLO3UuMy"
    "QCvYTiuQ5/w8nrkI70LbKGC7tOkonF8Y0AOpBMqsXAsZAe+6BcB+180Em97ig11uykhKwa"
    "DePqhn+J6Y1GmMcypJhhI7Ue8Em5wPzbGT7x0eKT8b9lAAUN+F2Uhe2y47qySl2meK7KVA"
    "LRyV2s+EDcSubOibSfERvBZUKjHZlgToAQWhWBJ06d9B8yqZ0N3E5NhGMqLdFMprzhEpVF"
    "7KfU4oLyXUqScovrIHuBl6UjlYYyIAJxRfqf+UbqXiK8EasyPELSPXsdDGvl2RDkAz5EaO"
    "9ZGmP2bbHrENtjKWRySGnkzrwUaqkWN0bGnNtTeCQ/pgZ4hnZ0B6CrArxIITsn3suNhtzf"
    "YB9kNL7Icsq2G7rVDYQDgYYQGWdiiA1qzEHnPV2ZTBN2jfvr3bvcC7wKaOHYsDcfZOYlzm"
    "8NlTyuPd+YRN+jboxtQ2CzLZmBa6IoKq//cx+vZp8vE90ozF3zVvc0O8nUddNSTNO/3CWB"
    "GaKWdQ0GIyjJ7uqZA4GqpjDr8Y3Z5fDtDNeNAfToa+BsItGPcmvUQuqEFFm94lD2Textg2"
    "kLlbYgAyH2Q6qZUdyZEMgFwY5LIjOZIBkIuAHCU1YmjBpqlh2cjmTD7yTMAZkdoXxoHVcl"
    "iMz0ejy8RCeD5kiL/Xt1fnA2K0vEpiDZVFIbsPkEAguw9o/ZDZfRJbo1CRsJMTusw6cwe5"
    "WARNCSEYyVOok+lNwWafQf4+gWdhWpsOJ9Af3jvOC/bP4622MgKmtFwfxgpWkCM/m4apb9"
    "DRiiy3M1qx75+I+A8PtISfrFro9evXr86Qra0XNpItIuf+JlIVO80dqLHfmrcecrjbNR62"
    "ESiPeF3Ubdh7eKng+Ip8FUbZwx4JoT0dSGj+oI6BbEZJigq69nGRw/n2b/YFcA2+fSV7H/"
    "LhiWODiTa7vogRFgylbIpmvglmxxoV52TS7UAZrcgbkKeipZSD7+IYuUlc0WxD7wfnQOJe"
    "MhWld1NmWJ2d3xkMHZRacuQ2McqIEUd6QUf4mbyqtnErPNNurVdQ1bkJ5BGiygzbYnsZh0"
    "D2gEUcYt9Xme33yWD8ddgfnAVj/8646fV/630iV/wPg/1+Cll8tddscFSHl/onpxh0IHBA"
    "HexrgLPgFjKnT3PM6dOUOR1/shTKU/ycYe0xYi3AOi+4PPh9mogrp7gjYWz5cnT9KWjOEk"
    "oYE9siX50k60EhN8aYyUlixEpWsrYPY/dRIgZZMcmveAkvxcpsFNt6W1vEQZyXI7XFZNp3"
    "xv1dkdwv2alfUtPM2vK2MMiAWDs89yZzuPNEBR7yL7Z9rGNFldO4ZlMGQ4HmVlvz3gFZ+B"
    "7TbxHb6EhV7L+vLc1+dYwM/EjPiG/8QSMef1B1MC+le7bKQoHmqqyOBXkvyvBPOpTSR1ym"
    "uSpxX8OmvmvoIas28YvpR6Ug1RDz46El8zI8g2L19vbqJaRdY8WS752ymrkY936dniFX9s"
    "4YXkvjwdfh4NsZ0YrkJTcmjtvt+eVw8plW21utZ2QALGkBPgrw8Cu9KFvzZZD8+OUdOiCN"
    "1brqU9vIWEj2Wi+BaFIIovUZoM75vtk2WOc7OWatBjacnyrQ3VjZGghvgnkEzeW3pWmNQG"
    "bN/qiaSWsEMuvPqPUsMmviW/dZViVJGYxY+2Jo9fMy3H1EWsCybGI0Rm6HXUHBEK8neYmH"
    "T4WMMClBQDY/P1owENMg7zs5mpjwbs+Nxny62xObRGOyBpALZoxpNLil0sbEKcU7YhvnML"
    "cTX2aJT6A7JmbHeNif5qWQgbMJL0r9igpz8dhfibJdOQSwZLsSGYF/sdGRaSEK+QqTfwwn"
    "loTvF/tVlP7X7T4vU3CVroCpJYAtcYyymVpL4lFpKi+LV7bTEZdpAWvlAAyhmWqmAc5mBv"
    "nNW4DtoRlBM9kwypUPiSQaUD+E3asXc1dxIWsatlQeQyUn+VJcqLn7wMJuzdvmXJW1rIO8"
    "2Xph5cRQDf3Z1qgGtnM7kAMEAuiwbQJaL7ttIkyhE9b+e9Hz2vUE9F8suXtLsCxxdjUdgS"
    "paDiWo232YeL8ImthPJRR+qL8kuhUD/Y1AdWuAv/bjsuT+jWXeqy5mObVNgkbHBcubrGLt"
    "IYF5ayObEHM7UMwttkFVKrLAyokRWahE/g9exU86FDsFEC91JGa0bmnquHRK3bhQxZy6Yu"
    "4O8mCvI6WuB1jJ7NBxIUC5AMrA5Acmf3OAnZv6iprRisTPxpMJbVoQwIXE2nuFE8Kr2VC3"
    "N7wqTn1HEWIkLxcDPGR0SkjohQpPzZdYWWdEpYJ7x7nBqHgrCEG1NgRFFzR+icy83FuRzA"
    "GDUbfT/r6w3feBnieMH7RShd4iiebGnIDNAoY3GN5geIPhvavhHaGOn+fYfcZdU0f79t0g"
    "6K+BH1eJ0zLgpwjtp0SjMMdhSQzV7Z6LhBPtCxxIousMcpaygxSVZsVyTwnp7laZZ46hle"
    "w42DLOaNYsJGsaEdkc02TRJvVu0NJcW5zCILX2zPGovie8NfpbnT/ByxLJy1K4OcyobcTH"
    "OWifZxE1d8Lmbq0Ri4Yt8fkoq96bpFe63CqfcbkDFvoMrzS20idZ9iyODZ8dCQgF2pfV46"
    "RADOAkMwRwwkYAcFa2eT6weIcE8z8TrOFiX24dY8TqXNDEnWKrp/OImxcMM6RsMoR49LmZ"
    "0G61n5nBVcCG3rLJUqO9rZlOX5NVvcOzs8Ob+fY1aSbNw3a17g18D90z91e85WUnWzYvwz"
    "734+fE83wlC+vYHTKZfraNG9MY19LNjgImJVsYBWxu1C99iM3P0FJywU1KwXoryjmm9sCZ"
    "Y74cNkeWoJDuHvbjzAI1oFo8V1NTgU3OfSKZgz3bJrrSMT/zU+xurkEYvJ+cbF+zYRgbcd"
    "G5BYhzihXn1LDMs8HzonWBCATqSgTqgMDQgXQcQGDYLR0HeDJ78GRih5hLhmRZQYA236sB"
    "E7xeE5w/isFv3BruZj/c0ul/9+niBGOb49/Ehv1W56Z+jwYcF5Ecl2ZVAy//1XdG19LF4K"
    "p3fXGG3O+TfDDKnTHpfx5c3F7S8nHBrpUg9eOaVvbPwqSt7WCl5LgnE+T/3ZI5kqog7OPO"
    "6PX7gxv3ojynLDacoSy3WODNePSJzLMTt1zgyjLpuLfvjP7o6uZy4HYSnsYlV3vX/cGl28"
    "ucgqe5vVwM+pfDa3pRwXOaOJlcG/x+MxzTS/h5pVqiDIyyaSAgA8RZ4dwEZZM/QN6H4tgS"
    "v5R+lvwpLYPIFom0IOcPU3j8TZEc5qRVdvHxN6kc5obJrTmenVEpFGgBvnmRmX3kVArXoI"
    "qb/mlxKPUo8sZ/pDAul7GotvnMRtC1ULqery2avJ9zYjWnzl9MRmRXqOqCVWS5yl6s2KVq"
    "ZalzLMk6P2NRHmuNlTzcdk5LKGyJ7Ea6atN9sUqa4IqDOiqrwyHfWxU9JOVAAdUVYDqyVk"
    "0FjCQoobISvGiLXWEzOikJFpbIFhYwODrA4AAGBxRUAa2XrkO/th1TL02YZ8SAXsJMoX+Z"
    "s5KIRhJQDp0pNC9qzZ9WoOszTqoRzABTLqY0n19JQGMigGYuVS9YetLoApmMqSSfXKQzqG"
    "ScyaAGaCdRT40cs0WZesWxza/rVRrgHSt7NQTlbbW9+FATW6oGhL94vbQT2MjcLIAnP6dt"
    "aUD/8LtpJ6KxFTwBKfl9dH17eZlH2mUO/rsJIXbNSRhPQNGSBS7JAQpPSO6IVPJoZhuhIn"
    "cMW60h0eU07KitUFn4UcVPO8I0djtpE0T7PFUQG1ScgwXJIbf94LSTbL81U+V0iZEv+4uN"
    "lioxma3NGcKPmJZ3o9xnNF/KxgKjJ9VZoqeliXRZwUh10rkpd+yr5oMNkK2n3l3F7AMPNP"
    "+olEOy5+sgKdW+7HT109UdszzKcZkWMqnqB5nMlqYlWSYvQ10OvTohJfBgDqMix7GSncfI"
    "W53IRVnRVfK3vbEdrLMzfCFuW7cIua2bzW7rshqxsGzzYgbZ2ogkWsDFPgDXHXa8s9Fv5t"
    "5nkR1vb84qF6ePy0CgPvkVQQ4ISFQgUkSubKIC99s+3LaSmHPAVlTjM2DpQOdesxOoSZ84"
    "dvk4N3LgN6g5x5q/CQH51URNU1CFmg2k7DpOisCBqD0fiNKxbZNJMg1w9undmEgLfMZDn9"
    "9dWSaZfaoe301Lw3kDcTizacdR7HwqnM+MmDXqIy75sXV6/enw64BmTaHSdwYF9mLc+3Z9"
    "5u5fKMQsNO6M8eDLoO+nXPkLzzMyrlSJpNUf24SDIh04KAJhMzgoAlove1DkhU40iKbhWk"
    "n3kNh17/HSQ1JBBQW0KhcUkrnWQxHfIZlrMrvG7lTHvtdLY73HwxLTArQ4QeUYkNmBZfpd"
    "zWMNC1RNdnNW0qiqaSHZsJ+whcgfMiJdeQWMyR0Do5mqIPOey0Gr2Ack1RVgHTvOiVbPTI"
    "UTMM2O5wXtWxEsPXQ4D+IEHYgTgMe4I71mTbRVml8TFwLnhmXYqEpZdk0oAWwlIVI0tGdg"
    "gtd9MK97xhuo5RlfXi+N/Ni3k73Cia4A0ctdZCCAsZXqFV+MhapEQ6cGjlvuzxi5LnkhV7"
    "wU1wscZZEcZUd1yh1dCQVa4SqzW+hFTkuQVjmb6KnTEvEnS+GcHZFgxFqB9qEDE4ct2NIg"
    "tJtXseUnAxdKthzgGBsQa/dMrJ2tFWL3SbrKWfnyeONJOeCOV+aOB0DKz9UU4MmBAiorgD"
    "wsrV9XjeicEgaesziUr3QEP1BXhRpFjCjoWWQ9i81nT0cpzBU2SpppndHN4PoMUck7o/et"
    "N75w2ek0EpVdyFPMop0BpV4qvxvEEYVtIWErhohmcLRpygOGRwcYHsDwgJMgoPXSJUOIFh"
    "amteHaHjmBpqRYC2NNp+8LmHqn7zNNPXqLDehBdRaozyAgmjncH6jPUJReUb4+QzCH1oBt"
    "P9ZVW/FNrjiQ6F6kRPd+cq4dDzQVT2LWELBZ2t+u+BSi/DXlA0/OhQc+EdcYkPbJu/Mz23"
    "Ood1HO+2z2nRW1qTnZWiwtok/uhGRrQrHyCCLctJUTXda0zJhbJNWmHdt33Q+nYcCN/pEX"
    "a5tc9S4vOdXF8TMn6JJNvgvat4BIc2jO3VJVFMzje5imhmWDj3ckxCBOZiptX5CHVw6L+v"
    "lodJlA/XzIwnp7dT4YH711VRDRxNLD2sIr06oWUmREYcdZnBBiOnLsKUuqktmeERS41IBI"
    "1EDY7+rAfhfsfMCJZiH8BKgZsFdQ7fWMZuIsm1ssIQWgQiGGFyvEAOdzazufy5kXANitmd"
    "sSU6FQJ5972FLnyw4nAuvfOc6LwMpRG2GOQP8sRSp3dD6yY6uZvl22G53t3LWBiNM9OSng"
    "QZNWmR60e4+hXZOPqgTCfvMWovu2UHzibU584i3n6KJpOJhXjeXLZHSd4UlHIqwbrc4d9F"
    "+kqXYTdwlywKVg5Me32VA2Y9fSDs55hu0hF7Mf/w+sBz+o"
)
