from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
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
COMMENT ON COLUMN "finance_operation"."op" IS 'AUTHORIZE: authorize\nCAPTURE: capture\nVOID: void\nREFUND: refund\nTRANSFER: transfer';
COMMENT ON COLUMN "finance_operation"."params" IS 'what the gateway call needs, stored before the call';
COMMENT ON COLUMN "finance_operation"."idempotency_key" IS 'fs:<op>:<case>:<attempt>';
COMMENT ON COLUMN "finance_operation"."status" IS 'PENDING: pending\nSUCCEEDED: succeeded\nFAILED: failed';
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
COMMENT ON COLUMN "payment_case"."state" IS 'AUTHORIZING: authorizing\nAUTHORIZED: authorized\nCAPTURE_PENDING: capture_pending\nHELD: held\nRELEASE_PENDING: release_pending\nRELEASED: released\nPAID_OUT: paid_out\nVOIDED: voided\nEXPIRED: expired\nREFUNDED: refunded\nPARTIALLY_REFUNDED: partially_refunded\nFAILED: failed';
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
COMMENT ON COLUMN "payment_milestone"."state" IS 'PENDING: pending\nRELEASED: released';
COMMENT ON TABLE "payment_milestone" IS 'One part of a case''s amount, released on its own; a plain booking has exactly one.';"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP TABLE IF EXISTS "finance_operation";
        DROP TABLE IF EXISTS "payment_milestone";
        DROP TABLE IF EXISTS "payment_case";"""


MODELS_STATE = (
    "eJztXW1z27ay/isYfakzo7qp89JcnzOdkWUlVWtbvpKc9jTuKBQJWawpQiUoO+o9/e8XAN"
    "9JkCIlkgIZfGljEktJCxDYffbZ3f/rrJAGDXw62thz9GXwBE27cw7+r2MqK0j+wbvdBR1l"
    "vQ5u0gu2MjfYeMQGsjFzbFuKSh+3UAwMySUNYtXS17aOTHLV3BgGvYhUMlA3H4JLG1P/aw"
    "NnNnqA9hJa5ManP8hl3dTgF4jpn586683c0PESajOFfSVd6/xBB60fZwsdGlrkV5Cb5Ba7"
    "PrO3a3btQn8YmvZ7NpZ+jflMRcZmZQbj11t7iUxfQHd++wM0oaXYkH6CbW3o76Jf21WA91"
    "OdnxAMcb57SEaDC2Vj2CE9zGfBtc5sdjOaziaD6WzWKaA5FZlU6+SrYqaAB/oVvv2fs7NX"
    "r344e/nq7bs3r3/44c27l+/IWPZ9k7d++Mf5MoG2nEcxnQ0/DG+m9AshMrXOjNML/zAZxV"
    "YcKTZFgfYhXTYz3hzc3Q0v+TMQlonNw2aja6dUMj4bnu6FnY4MzfZ/6o1PXr19wX4vwvaD"
    "xW4yDTH1BuokT4TKKqnM/lKx+MoMJGKqJDf2UaJ3IdBi8IbXsapXypeZAc0He0n+/P5thl"
    "o/9sZMs987mg1W7Y1754zdiiqYaaeAer3xbVTu2bs82j17l65eei+q30e4LaJed7jI2u3g"
    "zfxPqNpA187BL8riUQEriLHyAIH77YVQ/BxpHM3/PBnd8DXvjY+pXtPJL/0vIMdv4kA84h"
    "QQSwE86xYE9FsDtAD0AjtGwMnteDQd9UdXAJNJIuOBsx0ctGNTtdGHrDD+ywir/uS691t8"
    "VvpXo4v41k4fcBGbIZVs1LZv00Tn6ZLcsfUV5M9VVDI+Y67oqfcPceYt/8ZEfqA2Mo2te2"
    "hnTM10eD2YTHvXt5H5uexNB/TOGbu6jV09iZ8Q/kPAr8PpT4D+CX4f3Qzi0+iPm/7eod9J"
    "2dhoZqLnmaKF7Avvqqe1yKzHbdki8x6XLWHm3a8sysQ3ZKI9nWTOtGLbcLW2cXKWU32RsM"
    "huj6SsF/lltR7J2fevf3j97tXb174j4l/J8j88XyNQqKFgewYtC1lJlU7hlxSdRqX2siwa"
    "9JIMfptmH1T+O3I1uvngDY+fXv/8Q93rxWPIxaMX5or6+KxY2ixxB52htLHJW6uzVfyKYh"
    "L7SXN/Mf19LhZxayGVGFdQS0UrYiO6WYDF2hs7g/7gUpGLT2yqNivIVpXv1/4RQzQkdiEk"
    "dhGeu7wOS1hGZK9lT5/w7escnsnb16mOCb0V3cRFAojE3ccLQETBpraHQRmTla6EKBZmmi"
    "shyLl8DVdzaOGlvuadyaG7mefxKjpu11Hc6YENhtY3GKwNRYVAN4FiAmQ9KKaOFTqI3CK+"
    "8fMpGNoA24plY6BgOkg3n3SbDWFQAX0MUFQVElsbOIZheCVV9kH35B1QDd2EGJwogLx9T7"
    "pGBqiKaSIbQNNCBsBoBZEJAVEWJB9DHvCkq5DMxIt/AVda6wL4Za1b9B8GXNjkg7V704Ir"
    "9AQ1EGiVfCMLEiEDktcVnNAvpGw03Qb0/TDAI4RkCLmqW2CpYxtZ2xennTTLJvzz2SDyzQ"
    "6zbNI3/GPEAjr/XmxMBzFin0T/8/rHjoB7f7oFQ9ZPCpo9MDcrpush+RqKqcKEzj1Zka2Y"
    "zujXm8H4HKBn8m3uzeveTe8D/dvZp8iVyWD8cdgfkBvnoTdnL1C29FAD0bu94aAB+aYnkK"
    "5vgjpsN4NawZeAmNofh9PB5Tlw5e/NXr8/uGWXnM3QfebR58TZRvEeplNUshYkTpDwpUhm"
    "Ui4g7omchu6hlROHC0nUB8N9X5UFXDIMJ+MWX4uzEZ51dyufzbcFnfeE4AFmXXOA2AIOfN"
    "iwLqhbjqjER2LqpX5KQbWGRKQ6ecEA/uJNqvg9sqD+YP4CtwnjNqZYj3sYe1wzVRxcDfYs"
    "S3n23WLee0v+4TjqbD56k37vctBJLOQSVHznPqalqg29u7tVGpxN9SlWzDNsp14Tx3hEu+"
    "RbgJu7q6vOP8fBIyP7Bo/THNtXMkjN8ZE5UEkfyJtvMAX3MPF8bQBXawNtAwQPUhRRAzp2"
    "4QoNzLdkHHbQDHbPxTHwKQeRrOZDdtOvJaR3VEiP/T+h5/SApDdeZBhvb/bvy1z4z8sMAO"
    "hlHAEi2iDfYIY3HJZ1Kj4QFZJMnThE4OpHRRuTAxLsUqsvJhUbV6yEskpVp4Sy0lXdXihr"
    "s9b2nPWopJx1UWadEwZwv30IqaAGcFF8LSQjkaAdSBDVlcQndkI/oSUVcaHHZIGPh/1plg"
    "sd8msDkkdS5xeu8PtfxtDwPVm+uqNcnZYoPfLi/41MODN08/FATYUxhN/JM9uqLxdKOFBb"
    "E+cp7QHEYtl16JE85EAdXThPaZGOCmF8YWoMOSUWFuJ5i55CRyacIvKfHEsv8rQWabYAID"
    "omCoB4OUWPkAuIRu53swBRyxk5s/2hOxFRMkvAFQNMjKZoKsBAD7pJiY8LZaUb2xengFqa"
    "DJ2c/NT79uzNW4pbsrWg/QtYyOVR4jU0NZxARKv4kHtTt138FG8g40YCE36xvRRTTJToPp"
    "jIwrWhbMm3IZ9Kxcko9pWeyJdxRJ2REmcVxXrtZuCszlwV9A8iQtU6CIKQvwoE3tlLOVsq"
    "eFkEv45KlYNiHze3qeKEGrZV7QNmRAQlliEKlpEHwRKItirarDdklnMRV5lVscckh+VkjQ"
    "CRZ9ixFvfZvaOScpZFnmXGSSJ+Gs+9TbeEolJtKFwQNYXO3rzJYQuRUanGELsXs4bWRVTs"
    "jG6fasu3MiWLtsrYiaR2lkLtPA73kGmdA7F5s5EOrTk7vOrzXSotoyrxpaPiS3Cl6EaRs8"
    "kXaB0GcvYmz/FERmUc/IkDSvIkQ/Ukc/EkzzJ4kmdJniQyeCHB9IKSvkD9FSVD+8V8oxu2"
    "buJT+nnH2DIqKR1pwQcuCzB9uQcS0trdbe02MFWfmA36Eyy4wDu9/nT4cUCz8qn0vTm5m9"
    "wObi5poj7esJgYzd4fjHsTeol8ayxK5v5awfgZEdutaIAhIdjCE6AS11pyjzuSeywjN5J7"
    "LGc9D/c4AffkoXViVujQryFWJ7dTMBMvFw1PsmBzq4ryjrVZOLu1RDpsW5UW4b4dqK8446"
    "6N+iqLaj3xS7dJovXXTbTGBrJnqqHoq0PVRB7Up89p62oibq3+YK6gyes4UERTPf9BbVVV"
    "3ez9JitpRkaYWC/BYJj6D2rpXjXXtUOXlBNda+Ny+hPREasS9qe+85QWK+pABf2M5m1Vjg"
    "WfdPiMZ8+WbtuQg0UWs8jpw9quKguqUH+CvM4iUleelem09KOjKGZdhnvcDz2qpeed2/aQ"
    "LjG6OA5dYtfO49quLMylgVajqEa+jOGXcFYawnerWLau6mulvZbDAkJtptvwUFf5PXnOkD"
    "ymrXrSYAmwyyXMibo0UkUmsvWFrpZxEN6EHtUmdclU9xox0pViztYWWui8/iZ7qM1/6m3w"
    "0DZqT11CbVOSzkLPaqGqwjseWWpwAS3okrsO1Vx4B7yNPLkleixImO/RHlRjqCIrSkTn3O"
    "5m0edZLyvq33ojhaHPy56d9F4dPTvJdCN+YlI6AzAsI9mwu9mwisqv7p+p4UPYxjlswDZV"
    "cPDQJ6akAlqOy7WQyPrqLIeyX52lKpve4iu72JYRlZKLeveinsMFcU2SOk5PGAkkDsoYEW"
    "xzrjs1RFnYvFzSdLX7AlLrhyTkkJ+Ni+4qUan2mSLfn73LlYj2LiMR7Z3M8K9nw5b5COmq"
    "byYzXfAe4ol6ujv69nhU0Hy9e2Z/e8P3aeDD+ulADBRAH5OrHQ9HJFcfbfY9ZR9toZL1ZU"
    "vGCtQdo4kXU2tIRKpTtmQ8HLTultGS0TtjDlRxy5Ic4qoNvbsi1e2JJZlwrI9kGkq67REK"
    "VBaxPAIx8IysRwx0M8Po2DGaa294taWknSGenSGrqkm7Qix1ZtgVskhdnsOuUP9haT802H"
    "5Isxp22wq5DYTaCAvyaJd9eysMA1RQj07VbU7T9nT9euPbF7utRL0PEK2gbXFUnB5JDMvU"
    "X/SvuL47HyCivwbcImP7QDYbZIFrIqi7f3fBrx8m714Dw3z4znCCG+JFHle6OTOcLOSYFW"
    "EgJYWCFpKJzdOCCokzQ2Xs4Zeju4urAbgdD/rDydCdAT8Ew27SS+SC7jVi7F3xlMwLjO1S"
    "MjckJpXMVzLd1Iqu5EBGKjm3kouu5EBGKjmPkoNanDFaMEIGVMx0zuQTzwScE6mqdOxZLf"
    "Xq+GI0uoochBfDGPH35u76YkCMlhdRXSerKMqilB1ZlFKSQGRRSjnrlRWljIRGZSPtTgZ0"
    "mZa7KGviCVqaSzCSZy4d1VUhqCm6qRLk7xP1PCBr2+EA/f69bhbYr4ZH7WQETGmXaQg1qA"
    "Fb+YJMtNqCkzU5bue00fSPgPgPj7TztKJb4PT09MU5wMbmAQPFInLsM4Gu4SR3oMTnlhx6"
    "yOBul5hsI1D7m7Ko2zL2cCxwfE3eCrNoskdEqKKEhOYv6pCSUVAsMqdrHxapz7d/WZWCS/"
    "Dt97L3ZV1icWww0XbXoxhh3lJKp2hmm2A4NCg/J5OGAxWwJr+AfCuAFt513AWsmD6Yb+l9"
    "Lw8k7CVTUXo3YYaV+fB7M0YHpZYcuU2MMmLEkaeAE/iF/FRjS65C9ljrRRUWnCSPlE0eIV"
    "OZYlvs7j7mydbYeyz0fhUJv08G44/D/uDcW/v35m2v/0vvA7nivhjx9yeXxVd6qzFbt3kl"
    "lNJNPV+gxjmoaoHHlZvLnH6bYU6/TZjT4W+W0PIUfkmx9mJiLdB1Frg8+G0awZUT3BEfW7"
    "4a3XzwhscJJTET2yJv3UxZef2HY8ZMRhGjuORe1nY9dh8lYpATk3yKU3hcrMpGodDbxqJ1"
    "wYqR2kIy7ctxf5Wn9kt66ZfENrOx3Jqyurmxee5N6nLniQq85I8WPl5BTVeSek2nDPoCzW"
    "0S7PwG4Nf1w+BE1/B3G8vAL7rAhE80R3zrLhrx+IMp9YLTp8wXaO6UlXEgVzIZbqZDofkI"
    "yzR3StjPwNR39T1kHRO/mL5UGtBNMV8e2uk5xTPI1ya6Ui8h6RprlrKwi87M5bj3fnoOmO"
    "y9ObyZjQcfh4Nfz8msuJX/ieN2d3E1nPxEm0SvN3OyAJa0bzRV8PAjvahY6tJrQnF8h06S"
    "xko99altZD7M8GZVQKNRIYnWpyhV5ftmu9SqHuSYtVqx/v60B90tLlsC4U0wj6C5/LYkrV"
    "GSWdNfqmbSGiWZ9Wuc9TQya+Rdd1lWBUkZMbH2YWjl8zJYHJE2Ei9aGC0md0BUUDCNl1O8"
    "xNHPHhVhEoJSs9n10byFmFRy1cXRxFTv7tposVd3d2GTYE2WoOScFWMardxCZWPClOIDdR"
    "vmMLdTv7EjPqLdMTE7xsP+NKuEjMxNOCr1K2hwxmN/RdqfZRDAouMKVAT+BoMTZAGq8jUk"
    "/zHtUBG+b/CLoPwve3xWpeB9HiWZWgLYEl2QztRaEo/K0HlVvNKdjrBMC1grNTCE5jpKKj"
    "idGeQOb4Fu62YEzRXTLNY+JJBoQP+QeKxezKjig2IY0NJ5DJWM4kthoebGgYUNzWOk6oqR"
    "lsibPi9xOTGmhn5sa6ZGhnM7sgaIBNBl2ETOetGwydEKkMftvaPmZ5cE4IvSNKYlui2Qu5"
    "pEoPK2Q/G6eNeD94swE9V0QuFD/QW1uyfQ3wit7gT4S0+XJfdvLbTQmc4yept4g7o525us"
    "Q+NlAfPWIpsSc6sJcwsFqAohC3E5MZCFvcj/3k9xiw6FsgDCrY7EROuWaAULl9QNC+1ZU1"
    "fM6CBP7WWU1HUUVrA6dFhIajmHliWTXzL5m6NYFa3W1IzWZvxqPKmqTQpK5crC2pWqU8Kr"
    "6aqW8Gr1/R1FwEiOhwHWiU4JqXqh4Cl1CbVNCirl3etmglHhURKCai0ERQ80fovMrNpbgU"
    "yNYNTdtF+VbqtO6HmG8NEo1OgtkGgu5iTZLNLwloa3NLyl4X2o4R1oHX5RIfuOh5aOdu27"
    "gfe8Br5cBbJlpJ8itJ8SrMIMhyWyVHd7LjMYGZ8jIYmeM8BeKjbQdFoVi2UJrViozDHHwF"
    "qxbWiZ57RqFlAMg4hsu7RYNKLeDViijcVpDFLqkzke1aeIt0Y/q/OH9LJE8rI0bg0zahvx"
    "9eyNz7KImrthc0NrxKKJt/h8UnTnlyRPuswun2G5Ght9+lca2+mTHHsWx4ZPRwJ8gfZV9X"
    "iTAwN4kwoBvIkjADCt2jxfsfCAAvNfk1r9w77YORYTK/NAE3eL3b+cR9i8iDFDihZDCKPP"
    "zVTtTvs5trhy2NA7giwl2tsGsvuGoq86PDvbv5ltX5NhM9UfV2ps4JPvnrFPcY6Xg2zZrA"
    "r73Jefg+e5kyysY1dnMf10Gzc0Y1xLNx0FjEq2EAVsLuqXTGJzK7QUPHCjUvK8jSPowmCp"
    "jVVnhvlSb40sQVV6OOzH2QVK0Gr+Wk1NVWx07xPJHOxhTOZqBfmVn0J3Mw1C7/cp0fElG4"
    "ahFRfkLUicUyyc04AKzwbPQus8EQnUFQDqJIGhI8txSALDYeU4pCdTgScTSmIuCMnGBaVq"
    "s70aaYKXa4LzV7H0G3fC3fEXt3D53ypdHG9tc/yb0LLf6dyU79FIx0Ukx6VZ3cCLv/Wd0c"
    "3scnDdu7k8B+z9JC+Mdm9O+j8NLu+uaPs4L2olSP+4prX9syAZi22oFVz3ZIP83zuyR9Ip"
    "8J9xb/b6/cEtu6iolMUGUyaLNQu8HY8+kH12wtoFri1E1z2+N/uj69urAXuIn41LrvZu+o"
    "Mr9hSVKs9gT7kc9K+GN/SiBlVaOJlcG/x2OxzTS/DLWrdEWRhFy0DIChDnuWsTFC3+IOs+"
    "5Nct8Uvpa8nf0lKIbIFIC2r+xBqPv8xTw5yMSm8+/jJRw9xE3J7j6RWVfIEW6DcLmamipp"
    "J/Bu0Z9E+Ky1aPIgf+gwnjchnzzjaf2SjnWqi5VjcWLd7PyVjN6PMXkhHZFdr3wMpzXKUf"
    "VvGjam3pKpwpK37FoizWWlyyvnBOSyhskepGKx3TuNheM8EVl9Ox93TY5H3bZx6icnIC9p"
    "8AZCvGflMQk5STsPckOGgL3iMYHZWUFpbIFpZkcHQkg0MyOGRDFTnrhfvQb7CNVoUJ8zEx"
    "SS+JbaF/onlBjQYSsh16Q/rUtEK7LuNkP4KZ1ClXp7SeX0GFhkSkNjOpet7Rk9SuJJPFOs"
    "lHD+kUKhlnMyhBtZPgSY1cs3mZevl1m93Xq7CCD+zs1RAt7+rtxVc1saVK0PDPzlPaqdjA"
    "3MyhT35N28IK/d19TDs1GjrBIyolnw9u7q6uski7scR/VhDi0JqE4QIULTngohwgP0PyQE"
    "1FUzPbqCpyx8R6CYUup/6D2qoqCz7p8PlANY3ZQ9qqInKXwudKCeupH3pUe04GTsnUjByM"
    "EI1B2dJdaKYqmFemzxX3qqvu1u6t87y++7gWKbdAzkpoy+KkrUQ3tN1p+XZ0/M46qNMlBK"
    "7sNxgsdeKQWdtzAMmq3wLGrAfqUjEfIHjW7SV4XiKwUjQIdDtZ+fTAZ5WcNiNrQZUbs05P"
    "p6HVbWcZKRz8OYhKta/2YfnJEDYqruWwTAt5euUrmeyWyJpZiFf/MIO8H5ESeDH7mFs31B"
    "C2C5zTiVxUtJVO/sZbbMNVfIfPxZw8y0OdPEvnTp7FZ8SCCuYhUumzEUi0gOlfQyaF5FOk"
    "a7+ZkfU8fApnzyoWBQrLyDBQ9C2SFUZkGQyR8N6iZTDYu11f0FLMPWCnVsM7YGEYvdLaF3"
    "rUJw5d7mYiB+6Akiv4uSEuWb1P1CIY+xD/JeW/jDwkmW5XcbrdCmJMNsmkgtNzw0MiLfAZ"
    "684OX1uI7D77JocnpWU2iziM7KTjKHa1Hs5rRswa/QkWfNk6vf50+HFAa/JQ6XuTKvZy3P"
    "v15pzFLzRiFpr35njw86DvFvT5E6op9Xz2QdLKxzZlGlJHpiFJ2EymIclZL5qGdKR8GdFm"
    "uNSUDlk2uHK8tE6isaAK3ZdpLEsFl5OAcECp4GjtlsOJtH3nKY31Hg8k8hUElD1tcUDlkC"
    "LTgWX6XqmhgTl6crOKqBRVRRZQTPwMLUD+UAB5lNMem9wxIZjrGkALLgdtz2fIks0CnGPd"
    "DLR6jjQOYJqO53njWwGW1g3nSZygI3EC6TEeSK/ZkNkqzK8JC0nnJs6w0bWi7BpfQrKVhC"
    "gA0p6FKb3u2rzuOW+hFmd8OU9p5Mu+m+zlb3Q5iF7skJEAxk6qV/gwFqrPEd0aOG65u2Nk"
    "uuS5XPFCXC/pKIvkKNu6XSx1xRdohascD6HnyZYgozKC6IlsifA3S+g5HZGIibVC23UDE/"
    "W2A2qQtpvXD+grU65sCFRDGpsk1lZMrJ1vNGL3zVY65+TL4o1H5SR3fG/uuKdI5ct+E+DI"
    "yQnYewLIl6XdEfcjOieEJc9ZHMpXEsH3pmuPDlgxUTnPIs+z2Hz2JEqB1tAsaKZ1RreDm3"
    "NAJe/N3q+98SVjp1MkKr1NrJgtYT1K/ax4NIgjKsNCwvajEc3gaNOWJxkeHcnwkAwPmQki"
    "Z71wQxoyCw/I2nJtjwygKSrWQqzp7escpt7b16mmHr0VB/Rk7x/Z/UNAbWZwf2T3j7z0iu"
    "LdP7w9tATd9kOPaqt+oyeObKMgUhsFtzjXgQlN+YuYNUTZcdrfofrJRflrygse3Qtrzohr"
    "qJJkJ4DjJRC6XSY4RMWg/0Q6V9EKxpRcmi5URNKlwsrSdEJxGIlGuEU+JyvFMFIRykCqTf"
    "HtV2c/vPXhSfpHFjI5ue5dXSXhSRt+4UBU6VRFb3wLaEd1MxSXuqZBHjsGIQMqJl/fgVBM"
    "42SnMqpSuX+lXq1fjEZXEa1fDONqvbu+GIxPvmdTEJDqksvagmtk7QfAxkRlfF4cwDWJsz"
    "uTNdunD0BMUODGDCIRKWV0sCOjgzJOJPO/hfATZIeFSpWKN3Nat7RoJbaIlFSqbFtxtLYV"
    "Mpu5tGxmzr4gFbuzzl1kKxQqTzwCWnPruEVB7XQ0Vo2PlCnkrYVfyfabQm3aTYf3ZEXmN1"
    "EM6pfhzYdzr1vtvfnz6OKcVgi8Nyd3t7ej8fQc4M2aogedXBNRNen9ERbKanSHlzMJx+1w"
    "G1XsWa58/rOMfP6zBNphKNieYfgXB7TNyKgLS9UHebysSs1HSaZjOnQ7r+yBjnDEJZArMp"
    "ArccWOxBUlriizDuSsF806ODL02ZxDUfwSmK3UpQeCbHDhdA2OqNSucHCymHotHU2us3Rr"
    "Q1VaqF9K6N2uD0luqGI5GyFfw3kSDFy/+EDW83XQFrVhtmAufvhasWxd1dfKwUT62+BJbV"
    "JWlcEJb21x4hKhZZcekgi17C2bIR6PdlCcj/wW3g0yYWxLUg0dmvZshdlZEyeUf+osDOXh"
    "wamhEvK+/5ChjqOGOgrDvrUjvtUzzOsuYSc7+dRHR4/uSgmtZ5QriAu2Qv1VFyxQbFtRly"
    "l5eT9PRjcprL+oWByZ01Ub/BcYOq5skwlt5fONbti6iU/p5x1jN6dqyn4P4ks+tu3TB8Tf"
    "g9DpWyAvIyQlEzMKJGZQvbms+0LvQVxOvgilvwhOVuWMGLFUm/wTYTfLI/kUgTMrOqNfzg"
    "F6vDd7F3eTwTlQ5sTB7uxxXpRP63D0uGcGU0RUBr7FCd4kY3YyUpv+ijUzZpcnUhsGC4qW"
    "sEqKSo592uY559diS9duUlIGnGLhPIZrFQ3khYXkct1RJyyGJB4YGSlYnkRQFe+uaZXcF3"
    "MEoXyQViYyZMafwu9vjgyR0DYqY3s7dJs8cgoXD6syFhMOX3HiMbHoVr40kdk6JlVxkIbF"
    "mJOBFy/0bMCFLUMudZkSGcV9UFp/why4AxK/VWGnfzeZjq4H43PgVbi8NyeD8cdhf3Dduz"
    "kHZD0+6Sok7+K9SS70PtChzptJRl4MLy/phTmtCUP+vh5Q0I0MgKs5/bt3eT0kD1E0t5nS"
    "8UEMRsOnXtyeSRRhUZlJsV9Q7U+km3vhCxFBCS80CV7wDrSCMx4Sk6ChyKChzJbplJotI9"
    "G4KhGjPYjf5RC+26NOiRaJgBbVS1VuqmoP4ChXiWO8h1Ab2nDV4YAY/r1uFoKxIKNmujes"
    "ZMjCW1vwiZKruDxRb4ilmI/0/3QQZZ4SAd32sCNWZaEYkJHlhnH3YI7J4C6EwzCMlhAa0w"
    "EOf3ILHIVhGfHPwg5Z0UBDK6J4wL45oBfoSwOckps4HzJRjuWRXq6Er+tGlCj5E81P6e+G"
    "WpdCQadrQ1HZv518plOvlWUXqBZ8PqUNLZ0h4PT0dB9c6PW7HLjQ63epuBC9FWsl6exYTL"
    "8FpicmJvossekByAKhpLzjY3KR0yL3JhQWEn8XqtnBkV2zytTmEbvoCabPyjnpK7QxOShh"
    "lkEYyOyFI9XE65xvNGJc0713bekqedxKN8kf5GPzGiDHAevVjWVBUy1U0Sss075V/yrHon"
    "+VXsE8vuTxZrVSeG3i0qnnIRExWOf0Y4tGdjvPS8WxxYl/S0xxSufAZOp12yAfSLWDu8B5"
    "tw+30Kuhp7teb/6typMQOSOPfUmiZoBVZBFHySRzhDZYMTV7iQFaAAWsEfnG4MRxqr6jIM"
    "R3rtDpevtC5N1soag2sorleQQiDX7Z6HvmTaz7i8AcLslng8/0+mcxXzEZVurIImwHoz/0"
    "K/mrX2UnCjlwVGqigIWFVgev/caFa2UArMoAmIzKNDgqcwkp4a3Dicm4d7pZERktGLMrHN"
    "PpmeB9/5rsRA86HcpOeRs9QvMU9Jx/kCPaQOYDJn8BZEJAVQaI1aywLe3cFYV0OoBOnMsE"
    "ya6Kz7g3FRPRMBFQVLaZghV6gpjePFGACZ+BhZ67ACNm3K8pmZjYjwA9k1X8DQZ4a6oAQ0"
    "fAmXXtBUOBd9daDxFknYrG0GQsWRpzil6RvNmj8mbZyioCGfgCrSsD/ub7sxyAARmVChmw"
    "e1FDbm0o9gJZK76Kd3OTw/JCBy16N5fj0fDyHBD/00K6dm8OR5NzoCN8b/46uDgHz3AuRh"
    "SDngl7zoYrKvRE8Ijit+PRxyEjgK8t9KS7eUvHnwoDqUoabz+FZ+pLtBCvfJMHsHyTjli+"
    "SWlC4By1CS3nqIMfkm2OK/lV8nq/PsRAsvUl7FYy7CbRFom2SLSFi7bcIFtf6Gpq07fI/W"
    "4W8mLGR+7EX0YmBNC0ra0T1aIa+gaD8HOASu/DUzBGzxg86/aSjPtM3lJDWWM4e4Tbz+CE"
    "gibrpOlb8uPvzTBB/JwOC/35b1378fMLoFgQuI0zaOCOkezAfAuItwcth/3IQngUmMFE0Y"
    "B8RBr0EmAt4S+UQQKOduzQi3J+JQhTX2u85nJNhWEqeeSufX3+sLzICu8QY3LS+zCY0Kxu"
    "p0r7ven2JJz4TQkxywWfsExwTDPFx78QI5Z2LVwp1iOx8Gnfwl6/P7q7oZ/UvxsPp/859w"
    "Bk4g+qG0u3t/vAB6/ywGuv0tG1VwlwjVFQCoGXnoDIE7nnm3P2Mk8XQzIqVcHsXp6yyukK"
    "blVZ5Rg8nEu/bzL0+yap3/az2ffFwkrfLDLI6zsVLYtV5z9uwzZoAU3H5doH735/licZho"
    "zKaDObSIdR+TTsVPhHPYiC3Wrwh5rnSU2m8w298c0lG5bh9lTCJpRgdvqqby+YLXuQ7vMC"
    "ijTLuSJVrDLXPqXJFVmWvAnzq+l4pWO814scl5UzLfJMy+hjqQaojD7K6KOMPu6MPt5acA"
    "Fp2irs7IhDhkZ280YkZ+uo0G5yuBcwVJdIVyH+lxtCZGFCtKH8bAs9g6WCWTTPnVnsZ+WF"
    "Pxx/F3w6pil6iaIbNXzcbnZ3arhQnB3sqLziaqKE6lIxTXfp5sUowjISpygdp/hro0N7Ro"
    "4My56tdHNjc1D8yUoxjFSDiP8EgesjFLWOXp398NY3jOgfWTbR5Lp3dZU0jBwlQVM7SMlR"
    "eaniWCh1BWlhmWLR1ECmfXB9+aGRtaU/EWXM1k7bBl5v8Ky+kTxx2UCyQANJ6a52SnVXJV"
    "zbMpCeA/qwb5/wqos4gbs88JEJp4j8p2L/WwSHoGTv+8DePFvaGrqvYK4bHb7dzfKd187A"
    "meqNLLW4bV7HU/JU6/BA/0Tzgt59ICF8qUJWgMRJmQTka4PnJTQZhOIyJ4FKedi0CglQTO"
    "BVSqU8yjhGU/6UhKu8OTmdRXsNRMWqxYqbArUEWkXWg2Lqe3Vx4IhWutSbp1xyovNc9nzs"
    "a1+4KvJdcqMm1s8SWfrfXtndIknwd9OfRuPh74xQHXrOvendGVwGN6B2b/Z7t9O78WB2O7"
    "i5ZFKqsrY3FvHyoKkxyZ8GV0RmSZR0b44HV4PeJDTaIiYCOXiD0e6IS/8WkbrtDS9no7vp"
    "OVgrOjEbNva9+XE0vKSjnpCu0TGD326HY3oBflnrFmSf9f7u5tJ5Ejm6NOdJ4+mwd3X1n1"
    "lwl/XjUwxjOwvGve8Nr+i9haIbMOf+GGMz5/G+z9K977MkMfEY9TGFc0yqLJB5hJqwdeVW"
    "BK8ssJGtGM2pCutsJ8TX3mNyOMKyld5+8+DtjXvNA0dY2HlwvyxmZjN5XU4sSD6LthyglW"
    "GAhkwodOFR79jcc6ISwuJOFD24vRxT9033jQZaY4x49hAKvbnNLag8auiZA+mmh0QjQvXH"
    "RPc4fIjP+TfxRZnrGXJIz70C5SpaUdIcGd0FtvKl6x1RRSaw7sjpA1Hrs1LIGAuJtNAWK7"
    "+4kofMFct4ikqVEtarAnplaI27Ir7BwP3We3kab/KUXSKj0n2NN4nCSyrR7wO/sUeGtxEW"
    "al9AtRJF+4b5jFVwKAje8KWbAVW6Lj8gDvYDtMASGZp3mns/yy+xURfUo9g2XK2L5KOFJI"
    "SNsHYi+gTuV6Y1VDWoGrTTNbGfLA2slC2YUxuKqBpqxazc8iqHu/jRHC6QxYHddqRPJaRr"
    "YeALAmoKHovlpdI48J+ysHmh1V0JNTFhOdUCT7Wm4/XGhjO05tXrzSQOxUXFJg11FBPQbw"
    "rcr038Hgj/hg6d2V2zB59pJbKKKMa94e206YZeSKQ+T6ZTMJixL6acq0zGq4wyGa+SZTIk"
    "c6tUGwHDvwqo0h0tLpBFNwZarRYsdJMGEZ36adQrhNa3lJcCMMUg6R1zs5rnLn4se7rUdV"
    "A3lC8nk9q/xllPY0lG62YxiLYgHBGVkulQRYinIQajbkBsIxPyCPau7PtfxtDw4RE+09Sl"
    "QF57j2vgG5bGO/0ni6Ybajl9EFP3InhOE5frTrJu9G2N8HXHZP8YD/vTCgi7wXJMZ+1Glu"
    "xu6u4qMjxXNV4vdqgAal8RU8sJeHaDACIygW6zZkI0Q3VtEEX6TEqanAq/kA8xtrSTUTLJ"
    "tZqP4NbO9XjLZPfR2S+M182VnOOjco79ecnvsIRFRGYVHc3/a0Ld1JrgikqqpraYCOf3gv"
    "YY5TT0isECWeSqjp1d+4Ruy3hJi5y7ESnGSBCa98O+bqHc+kCiESwSf3po7YgoY4Qxsxhb"
    "xJk13AUu54RMtrqE6iPa5Iyt180jEZtcztnW3LBtwd2t4zO+M5jeOV+vimknAQdujxJvEV"
    "FZ/EschCMJbFHDuWgWUiAiq1VlV6vy3JKoagtXq4qlcTZTszs98dC6Eqlo1XsnHDFaQyu1"
    "bU5iTDfLY3cDHDSSa+Xvn3NIxu0ndkhu2Ncw4Rd75rJfZO/eeraIboZrLPIO3Ax8OZIDun"
    "dXWCR+U1g//TCUfegnH/pJh05aoJMU6CUAeul/9+Z03LuZvKdNZInuTbwQpYks8WmUVSHP"
    "LZBohOfm+9wu35lMl2EAE0KNOGrEC7doGjoj7Lm5HIYhprOma+ToQDbNqCzaHoIjKm4D8s"
    "4Cn/8brX88/zfdb8n/3EPzx31emGpo060k6h6PUOPbSPvCEBvedtQIHGJy1+8PBiwVHG9U"
    "lexK5WSAV4FMYPobCxwUgcRBB0VzUIhKtn1Kh+e8HKlbjT9eXMoZPWMxWCkadLqBMnDVPZ"
    "fq335Yq3ZoWYjDAZ8Sp42v5qhUCyI7Weja4Ldp9rr2wbWr0c0Hb3h8sUfVHveHE7rPRjs5"
    "4vWQvATxzZqHeEoCZ8uofJLA+TXOehqB86Ayl+XBxpOtqfYNHTK4OwEYh+52s6BiTMbN1G"
    "Dg7j4GJiBPAzr1Uuhkz9HGZHUgaDCfdRhAJljoFrbpX+DkdjyajvqjK4Chg6O+5nUrKOGh"
    "9+a9+QuEaycDaKk/LCEZvtrYTjqmrjld0qH1RB5HPo38Zo0REnT70H4GEseuA8cWp2uEsL"
    "ZSARybmfXe28FVaxYNiSctrBtWFO+pu/aWtBdbZjlIe/FrnPUG2IsfLCXdXHRu7rYWH/xx"
    "OZtesaIjGCgAq2gNmc2lADLHmFgjJxhtLBW+AM9L3YBAMbfeHQvSRlQ4rbXVYQ+lxuI1XX"
    "AKq8sx35Kp0h8eoIWppcmoqPQ3e9nkVBYDQ3+CxEYljydq+I6pIbMd1qew/cG+JvsH+26H"
    "5Q9kHc15D2N3kxI2v6bOw7iZRqco0YAiRZ69tyBvQNcXqK2wc5VLOhq5OnuXJ3R19i49dk"
    "XvxRTs7C5FNOxLiExNObaOBTrEr123K+0c9+/vPspX4aE7T/MpxU8cHokT8aRpG4jm4G3w"
    "klz0nnbOTuK1oWzJ0Yuf6aH6WdusDdpOEn52ImEu6BI52Ct4Pj+Xj8Fd7hYddmLlmdyIMz"
    "kyf7kpjWEheS7Hjo29gaCjYUAtWeX5yEEpJ/cRCEH1ndy18XrSqQ+pvB6hFNxxfFR2YLL6"
    "pEDBgBJsgE1+WfyUFYMTITHP9NegmehXGuYpkOE8WqeZzKN1DmPZ4e/nK3xBG2o/QM9+pZ"
    "3WdZP9k/mzXfCkY508m9XP31COGLnNsm2JzWtp0AIntq4+doH9hUwBJ2BawWdQSGzqgWDP"
    "lm6TR9NgKgLur/e6B/3LwceILHnGCj1BN1HYtlmxDfInsbShi5I5wwo0jf/UoSJM+/R7dc"
    "jtTwEKEL3X9Sxrsj0YTiQ4Nj50g/xFdMTMfDqEf6d2i/9o3HMaWdc1uiZi05vvwBDDE/CW"
    "Q/558SSkobq3oeq/ewW07omIrPZOmDeC1vTtIHsrfU9YIpOiOtgD2zsj19jOqgBvaYk6b9"
    "EdL6+TEZUS2Q7e09F4nQchfJ0OEL5OYLDuYVJAyYFECxX8Nk+PvrfpPfreJnr0iRdFaAPE"
    "nSfLla/eBmS2bs7BZo2hZXeBdg6c3H+tCyyat/rEOpC5fZN0DPzVUngq8kxE+jTkLmeddd"
    "QepaJ162wcanEWQYq88QK343FgIuIlhtGhLsA0bgKpI+D6iRRKWpM5KKElWGnQkUAgwq3j"
    "JaVjCcGAbg5IIex15SJfE8OUOuc2NClrRQnboWG/nBa2NJENttAGGEIzcNG57OvDn0rhg8"
    "mKZpzTKmF4iSz7W0qYIbttBlxA1mMYYqiCiC3jcnV547SOajH9exIin1Rs36QvB60XG34v"
    "TtYPM6fzsz2jP4RY8EKXLpT+n/T/pP8nWWRfofu3r26lP9doU6XV/lwZDKE2OmgTVq03xT"
    "mbeKV8dzhmfsnf3T7ZDfkUjbg0G9Mmr+o5+LyEivYZnPjtpgJvhzpBL5h/9HlhIGS5o8iA"
    "tWtTssuceG9VH3KAr8X+X+CU8MaLW49rz1Pi1VmOY+LVWXoju7MXOxyrJ8XYcHSdeWx4Iv"
    "LQKHRoCLSRTcmLPNVXqXuZf3/3dkb3hJnHh9q9pf26hF5AEzwrGJDdcLWmcLkyRxsbINoi"
    "TwEr3dzYnK4shaQpbNQPtiZ7Y9Fwqo1pe2TiWNNrz2TRMXKLjfzHZlO8825hx6YPSMyoU5"
    "wA2FriX0OIfpw0V6GYfrcbvPwZzXm7pncrc8OkySazP9Ec59or02c3b9FstlQTNbMpRS2U"
    "SBhivdbPUZPot8wUrT0j5ZF8+yLuhTdeZBiqYyJbX9A0NWrX0G/cBXQ9ndJ/ej2Q6P6TM4"
    "xQMcxK0+kekFWoAHNYRuSpOLKvF3KjQ0ui4PbBET1gG6mRhaCb39JyXzfht0G3qaNgaqxJ"
    "WL71X85GQwNcyhrDoqXG43JtgArjKVh5mt6RURlJWImmd01oKlibhisp2j5HGmchp2Pd3v"
    "hW6LfuRDZ+YCG9VHhKYEHMjhJkyVgKcDTODBXgGL7ghEIz9pYcOl1wenqak/aQMTeVFBR/"
    "QrR3N2+3uUDIgIqZAp2GxGLTNCdyVc2Pf6Xet+JiNLqKaP5iGF/2d9cXAy/QSQbpdkqQjd"
    "gjM6fBSFFMJyrZHGynAxXL0Gm+CIa0YCn5cvTdYLb8Xxsd2mCJNhY+/P1oBADE6RxSpJ5/"
    "WKQ1tSRLK97f1Crywpz+TXuDGteylgzdQG/l5d5B//ducEc7wDjS9+ZkcDM9p9upHe8Oc2"
    "9ejke3t/SCZqH1WpR+MUdrqyGY81i36W1B29rObPQIzUJt3eJysmfP/ia2rOORvu20q45H"
    "5GiilPfiUx4Skz27RTM9BIne9qClq8sOJ3jr3ulmxW6VYEyVgdtCEdivJfx6oKeTwX5Lo0"
    "2nY8bppOlmopp1tPpcF+L8u8NbqN3vX+aKerzMiHq8TEQ9yCfaboudvGZqSKQJYLFQJupR"
    "D7N//h/zU6zX"
)
