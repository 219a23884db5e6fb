"""Pricing (issue 13, item 1): commission, tax and cancellation rules, sellers' pricing profiles,
and the breakdown frozen on each booking (booking.pricing). The seeded rules reproduce the fixed
numbers used before (15 % commission, 5 % tax on every sale) and the default cancellation terms;
the code falls back to the same numbers when a table is empty (domain/finance/pricing/rules.py)."""

from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
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
        ALTER TABLE "booking" ADD "pricing" JSONB;""" + SEED


SEED = """
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
            ON CONFLICT DO NOTHING;"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        ALTER TABLE "booking" DROP COLUMN "pricing";
        DROP TABLE IF EXISTS "pricing_cancellation_rule";
        DROP TABLE IF EXISTS "pricing_commission_rule";
        DROP TABLE IF EXISTS "pricing_tax_rule";
        DROP TABLE IF EXISTS "pricing_seller_profile";"""


MODELS_STATE = (
    "eJztXQtz27aW/isYzezU2VHdxHk0q969M4qspGptyyvJSbd1R6FIyGJNEbwE5cfu9r8vAL"
    "5AEqRIiZIgBjN3emMSh6Q+vM75zsE5/9taIgNa+HS48mboqf8Aba/VAf/bsrUlJP8Q3W6D"
    "luY48U16wdNmFmuPWEPWZoY9V9Pp4+aahSG5ZECsu6bjmcgmV+2VZdGLSCcNTfsuvrSyzX"
    "+t4NRDd9BbQJfc+ONPctm0DfgEMf3zj5azmlkmXkBjqrFPMo3Wn7SRcz+dm9AyEr+C3CS3"
    "2PWp9+ywax/Mu4HtfWRt6WfMpjqyVks7bu88ewtkRwKm/9vvoA1dzYP0DZ67or+LfnYAQP"
    "hT/Z8QN/G/nZMx4FxbWR6Hw2waX2tNp1fDyXTcn0ynrQrI6cimqJNPxQyAO/oJ3//H2dnr"
    "1z+evXz97v3bNz/++Pb9y/ekLfve7K0f//Y/JkbLfxTDbPBpcDWhH4RI1/o9Ti/8zWQ0T/"
    "OlWBfF6EM6bKaiPri5GZyLe4CXSfXDamUap1Qy3Rsh9tJ2RwGyvZ+7o5PX716w34uwd+ey"
    "mwwhBm8MJ3ki1JZZMHsLzRWDGUukoCQ3NgExvBCjGM/wfYzqpfY0taB95y3In6/eFcD6uT"
    "tiyL7ykY1H7VVw54zdSgLM0KkAb9i+ieCevS+D7tn7fHjpvSS+9/C5CrxBc5nRbeHV7C+o"
    "e8A0OuBXbX6vgSXEWLuDIPh6KYCfIUOA/C/j4ZUY+bB9CnrDJL/0/wDZfjMb4gG7gGgK4N"
    "F0IaBfDdAc0AtsGwEn16PhZNgbXgBMOom0B/5ysNWKTWGjD1li/C+Lh/7ksvtbuld6F8MP"
    "6aWdPuBDqod0slB7kU6T7Kdzcsczl1DcV0nJdI8FoqfhP+Tpt/ILE/mBxtC2noNNu6BrJo"
    "PL/njSvbxO9M95d9Knd87Y1efU1ZP0DhE9BHwZTH4G9E/w+/Cqn+7GqN3k9xb9Jm3loamN"
    "HqeawekX4dUQtUSvp3XZKv2elq2h54NPlqXjj6SjQ0wKe1rzPLh0PJzt5VxbhBdZb5HUNZ"
    "Ff7tYiOXv15sc371+/exMZItGVIvsjtDViQC0Ne1PousjNQjqBTzmYJqU20iyOaJL0f5sU"
    "b1TRHLkYXn0Km6d3r7//pub1/J4z8eiFmabfP2quMc3cQWcor2321vJsmb6i2UR/MoJfTH"
    "9fwEVcu0gnyhU0ctmKVIt2EWHhhG2nMGpcK3PxB+uq1RKyURXZtX+mGA3FXUjJXfB9V9Zg"
    "4WVktlo2tAnfvSlhmbx7k2uY0FvJRVwmgkjedbwCRRQvahsolClZZUrIomHmmRKS7MuXcD"
    "mDLl6YjmhP5u4W7sfLZLt1W3GrC1YYut9h4FiaDoFpA80GyL3TbBNrtBG5RWzjx1Mw8AD2"
    "NNfDQMO0kWk/mB5rwqgC+hig6TokujbwFUN+JO3sRbdkDuiWaUMMTjRAZt+DaZAGumbbyA"
    "PQdpEFMFpCZENAwILkNeQBD6YOSU+8+AkE0kYbwCfHdOk/LDj3yIuNW9uFS/QADRCjSr7I"
    "hUTIgmS6ghP6QdrKMD1A54cF7iEkTchV0wULE3vIfX5x2srTbPifzxqRL9tOs8lf8A/hC2"
    "j9Y76yfcaIvYn+580/WxKu/fkaDBk/OWx2314tGdYD8hmarcMM5qGszFpMa/jlqj/qAPRI"
    "vubWvuxedT/Rv/11ilwZ90efB70+udHhZs5GpGztrgaCu7cSsAHluieW3l8HtdhqBo2Kk4"
    "Co2p8Hk/55BwTyt3a31+tfs0v+Yhg88+B94i+jeAPVKSm5FyZOEvelTGpSKSLugeyGwaZV"
    "kofjJPZHw73alQZcMw2n/BbfirHB93qwlE9nzxWN94zgFmrd8RCxFQx4XrGuiK1AVPEjKX"
    "ipnVIRVk5EwSlyBogHbxbij8iF5p39K3zOKLcpYMPYw9TjjhPi+Gq8ZrnaY2QWi+Yt+Ydv"
    "qLP+6I573fN+KzOQa4D4JnhMQ6Hl5u56SOO9aX/AyrmHrcU1s40n0CVfAa5uLi5afx+Gj0"
    "ysG6KY5tS6UhDUnG5ZgpWMiLzZClNyDxPL1wNw6VjoOWbwIGURDWDigK4wwOyZtMM+m8Hu"
    "BTwGPhUwkrt5yfrwa0XpHZTSY/+fwTnfIRm2l5nG2zj692Up/udlAQH0Ms0AETTIF0zxSh"
    "BlncsPJIVUpE6aIgjw0dHKFpAE62CNxBSwaWAVlVUrnIrKyoe6uVTWyjE27PWkpOp1WXpd"
    "4AYIvp5jKqgCXJVf42QUE7SGCaJYKX5iLfXDDamECT0iA3w06E2KTGjOro2DPLKYfwiEP/"
    "46glZkyYrhTsbqNAT0xMT/H2TDqWXa91sixXMIv5NnNhWvgErYEq2x/5TmEGKp03Xonjxk"
    "S4w++E9pEEaVOD4+NIbsEnMXiazFENChDSeI/KfE0Es8rUHIViBERwQAiBcTdA+FhGjifr"
    "uIEHX9llMvarqWESW9BAIxwMToEU0NWOjOtGng41xbmtbzi1NANU3GTo5/7n5/9vYd5S3Z"
    "WDB+Ai4K4iixA20DZxjRXbzk1ja9gD/FK8hiI4ENn7zwiCkmIAYPJrLQsbRn8jXkrVSctG"
    "Kf9EA+xhf1WyqeVRbttV3As/p9VdE+SAjt1kCQJPirguOdTcrpQsOLKvx1UqoeFvuwZ5t2"
    "fKCGLVWbkBkJQcVlyMJllGGwJApbla3Xj6SXSwWuMq1ig07m5VSOAJl72NcWN1m9k5Kql2"
    "XuZRaTROw0kXmbrwklpZqQuCCpCp29fVtCFyKtcpUhdi+lDTlVIPZbNw/a+rVMFUW7S9+J"
    "Cu2sJbTzMLGHDHUBxRb2Rj615q/wehTvstM0qopfOii/BJeaaVXZmyKBxnEgZ2/LbE+kVc"
    "HGn9mgVJwkl0+yVJzkWUGc5Fk2ThJZIpdgfkLJSGD/GSW59WK2Mi3PtPEpfd8hloydpI50"
    "4Z0wCjB/uMcSSttdr+0e4VF9ojaYD7DiAG91e5PB5z49lU+lb+3xzfi6f3VOD+rjFfOJ0d"
    "P7/VF3TC+Rr8aynNx3NIwfEdHdqjoYMoIN3AF2Ylqr2OOWij1WnhsVe6x6vUzscYbuKRPW"
    "iVmiwyiH2D5jOyVT8UqF4ako2NJQ0bhjY8qfbq0xHLapoCVi37bEKx1x10S86gq1Hkep21"
    "Sg9bcdaI0t5E11SzOX28JEHtSjz2nqaCJmrXlnL6EtqjhQBalu9KCmQrXv6P1jBmlKWtjY"
    "rEFhmEQPauhaNTONbYeU711r4nD6C9EWyxrWp57/lAYDtSVAv6BZU8Fx4YMJH/H00TU9Dw"
    "q4yGoaOX1Y06FyoQ7NByiqLKKwCrVMv6QfbUU56zrM4x73qIbud0HZQzrE6ODYdohd+o9r"
    "OlhYGAa6G6COcjLyk3BaG8N3rbmeqZuO1lzNYQ6hMTU9uK2p/JE8Z0Ae01ScDFgD7XIOS7"
    "IuRwmRjTxzbup1bIRX3KOaBJc66r5HjnSp2VPHRXNTVN9kA9iip17HD20ievoCGquaMOOe"
    "1UCo+BWPDDU4hy4Mgru2RY5fAa8TT24IjhUD5ru0BtUI6shNBqILbreLwudZLStq34YtpQ"
    "mfVzU76b191Owk3Y3EB5PyIwB5GRUNuz4aVtPF2f0LEd4m2riEDtikDA4h+8RAqoByWq6B"
    "gayvz0qA/fosF2x6Swx2tSUjKaUG9fpBPYNzYppkMc4/MBJLbHViRLLFed9HQ7S5JzpLmg"
    "97JKBQ3+ZADvnZuOqqkpRqniry6ux9qYNo7wsOor1XJ/z3s2Cr8wj50B9nZLrkNcQz+XTX"
    "1O0JQ0HL1e6Z/k/YfJMCPqyeDsRAA/QxpcrxCERK1dFm36nqaEt1WF+VZNwB3Kkw8Wqwci"
    "IKTlWScXvSul1HScZwj9kS4oYdckhDy81dmfL2pA6ZCLSP7DGUfN2Dc1RW0TxiMfCI3HsM"
    "TLtA6VjTWqhvhLmllJ4hn56hsqopvUIuOAv0CpWkrsxmV6n+sNIfjlh/yNMa1usKpRWEvQ"
    "UsqK1d1e3doRtgB/nodNMTFG3Pxzds3zzf7U7gvYNoCT1XAHG+J5GX2X/Sv+p4tz5BRH8N"
    "uEbW8x1ZbJALLomgGfzdBl8+jd+/AZZ994PlOzfk8zwuTXtq+aeQU1qEhbScEDROJtVPcy"
    "okTw/VsYafD28+XPTB9ajfG4wHQQ9ELhh2k14iF8ywEGP3QgSyyDG2DmShS0yBLAaZLmpV"
    "R3Iso0AuDXLVkRzLKJDLgBzn4kyFBSNkQc3Oj5l8EKmAMyK1K4xDrWW/GH8YDi8SG+GHQS"
    "rw9+rm8kOfKC0vklhnsyiqpJQtlZRSBYGopJSq13eWlDLhGlWFtFsF1GXe2UWVE0/S1FyS"
    "BXmWwmhfGYKOBZtdkvw9As8dcp9bAqI/utcuIvt1vtXaiIAJrTINoQEN4GlPyEbLZ3DikO"
    "12RgtN/xMQ++GeVp7WTBecnp6+6ABsre4w0Fwix94JTANnYwdqfG7NroeC2O0aD9tIVP6m"
    "rtBt5Xs4FDnukFlhVz3skRDa0YGE4x/UHMgoThZZ0rTnRfZn27/cFcA12PYb6fsqL7E8Op"
    "hsq+tBlLBwKOWHaBarYJhrVD4mk7oDNeCQX0C+CqB5eB23AUumD2bP9H54DoS3kqkovZtR"
    "w+p8+K2dCgelmhy5TZQyosSRp4AT+ER+qvVMrkL2WPfFLjQ4FTxSd/AI6coc3WJ99bFQdo"
    "+1x7j5VcX9Pu6PPg96/U449m/t627v1+4nciWYGOn5U0rjq73UmGd6ohRK+apeJLDHPtjV"
    "AE+DW0qdflegTr/LqNP8l2VQnsCnHG0vJdYArIvI5f5vkwSvnIkdibjli+HVp7B5OqAkpW"
    "K7ZNZNtWVYfzilzBQkMUpLbqRt70fvo4EYZMckb/ETj8uV2Yhzva1cmhesWlAbJ9O8M+6v"
    "y+R+yU/9kllmVm6QU9a0V57IvMkd7iJRiYf8wdzHS2iYWhbX/JDBSOB4iwT7vwFEef0wOD"
    "EN/MPKtfCLNrDhAz0j/hwMGvniB3PyBed3WSRwvF1Wx4a8k84ITjpU6g9e5ni7hP0MTG3X"
    "yEI2MbGL6aQygGnLOXlopeccy6BcmeidWglZ09hwtblXtWfOR92Pkw5gsrf24Go66n8e9L"
    "90SK8Emf+J4Xbz4WIw/pkWiXZWMzIAFrRuNAV48Jle1Fx9ERahOLxBp4LGat31qW5k303x"
    "alkB0aSQYutzQNXFttk6WPWtDLNGAxutTxuEu6Vlawh4k8wiON74tmxYowpmzZ9UxxnWqI"
    "JZv8VezwtmTcz1IMqqYlBGSqx5HFr9cRnMj0gLiVdNjJaS28IrKBni9SQv8fHZICNMRlAh"
    "W5wfLRyIWZB3nRxNTnjX50ZLTd31iU3iMVkDyCUzxhw1uJXSxvAhxVtiy8cwNxPf1BafQH"
    "dE1I7RoDcpSiGjziYcNPQrLnAmiv5KlD8rCABLtquQEfg7DE6QCyjkDiT/sT0uCd93+EWc"
    "/pc9vihT8CaPUpFaEugSbZAfqbUgFpVlirJ45RsdvEwDolb2ECE0M1EW4PzIoKB5A7Ddd0"
    "TQTLPtauVDYokjqB+S9tXL6VW80ywLuqYoQqUg+RIvdLx+YGld8xjppmblHeTN75e0nBxd"
    "Q1/bmK5R7tyWygGiCHTlNlG9XtVtcrAE5Gl976Dns2si8GUpGtMQbCucXc0yUGXLoYRVvP"
    "fD98vQE7uphCKm+iuiuyHRfxSoriX4az8uS+5fu2huMswKapuEjdoly5s4XHuVwLyxzKbi"
    "3PbEuXEOqkrMQlpODmZho+D/8KcESYe4UwB8qSM52boFWsLKKXV5oQ1z6srpHRTBXkdKXR"
    "+witmheSGFcgmUVSS/iuQ/HmB1tHSoGm1Mxdl4cqHNCipwVWLtncKp6NV8qBW9uvv6jjJw"
    "JIfjAPfJTkkJvVT0lL6AxiqHlQrvtQvJKL6VoqAaS0HRDU1cIrMo91Yss0cy6mbS2xW2uz"
    "7Q8wjhvVWp0Fsscbyck4pmUYq3UryV4q0U720V7xh1+KRD9o3bpo4O9Lt++LwjnFwVTsso"
    "O0VqOyUehQUGS2KorrdcpjDRvsSBJLrPAG+hecAwaVYsdkpoyVxlvjoGHM3zoGt3aNYsoF"
    "kWEXlu02TRiFo3YIFWrqAwSK1PFlhUfySsNfqu1p/KypLJyjKEOcyobiTGOWxfpBEd74It"
    "dK0RjSZd4vNBM/1fkt3pCqt88nJ7LPQZXTnaSp9k23MFOnw+ExAJNC+rx9sSHMDbXArgbZ"
    "oBgHnZ5sXAwi0SzH9LsEabfbV9LCVW54Ym7xK7eToPXr1IRYZUTYbAs8/HCe1a/Tk1uEro"
    "0GucLDXq2xbyepZmLlsiPTu6Waxfk2ZTPWpXq2/gj8g8Y2/xt5etdNmiDPvCyS/g84JOlt"
    "aw22cy/Xwdl+sxoaabzwImJRvIAh4v65c9xBZkaKm44Sal1H6bZtCl4VKPFs4C9WW/ObIk"
    "hXR72k+wCtSAavlcTccKbHLtk0kd7GJM+moJxZmfuLuFCmH4+7Rk+5oVQ27ExecWFM8pF8"
    "9pQU2kgxexdaGIIuoqEHUqgKGl0nGoAIbt0nEoS2YHlgx3iLkiJZsWVNAWWzVKBa9XBReP"
    "YmU3rqW70xO3cvrfXZo44dgW2DfcsF9r3NRv0SjDRSbD5biqgVef9a3h1fS8f9m9Ou8ANj"
    "/JhDFu7XHv5/75zQUtHxd6rSSpH3dsZf9cSNpiDxoVxz1ZIP/rhqyRtAuiZ9za3V6vf80u"
    "ajqNYoM5ncWKBV6Php/IOjtm5QIdF9Fxj2/t3vDy+qLPHhKdxiVXu1e9/gV7ik7Bs9hTzv"
    "u9i8EVvWhAnSZOJtf6v10PRvQSfHJMV5aBUTUNhMoA0Smdm6Bq8geV96E8tsQupdNSvKTl"
    "BLLFIg3I+ZMqPP6yTA5z0iq/+PjLTA5zGwlrjudnVIoEGoBvETOzi5xK0R60odM/K65KPc"
    "rs+I87TBjLWLa3xZGNqq+l6mt95dLk/YITqwV1/jgZmU2hTTesMttV/maV3qoc19ThVFuK"
    "MxYVRa2lJffnzmlICFsiu9HSxNQvtlFPCMVVd2zcHR6Zb5v0Q1JOdcDmHYA8zdqsC1KSqh"
    "M27gS6vgv9OvnJIjiRI6gQVIdGtZO0ED7PhTcIA0hKKt1WZt1Wxc60VOyMip1RpWxUr1dN"
    "+aKvsIeWlY8qpMRUYE9qCf0LzSoiGkuoQvRHUiGoEegGsT6bhfYpTIWY0kyKFQHlRBSahU"
    "GS4daTRVeF8SXD+FKbdE4Qn2AxqAHacfykoxyzZWMky2NbXFGtMsBb1lQ7EpTXVVUTQ010"
    "qRoQ/sV/SjOBjdXNEniKswlXBvT34DHNRJTbwROQkveDq5uLi6Jw6VTKBZaKY9tskHzqj4"
    "ZscMnoq+hs6pZIJQ/FNhEqcsfGZg0pRifRg5oKlQsfTPi4JUwj9pCmQkTuUvpcq2E89bhH"
    "NWdnECSrre/0CzcFBQdgkhN0/QF/L9l+bUbVyQKCQPY7DBYmMTDc5w6ApBefAYvRB/pCs+"
    "8geDS9BXhcILDUDAhML5tDdctn1XwAR2WVqtf7nX8wh+bJnRYcBhH3QVKqeVkU6z9W4aHq"
    "KPMyDYz4qx9ksloid+oiUSbFgmMACSmJB3PEIbW50rJt4O9O5KJmLE3yN37GHlymV/hSMZ"
    "hnZYIwz/KjMM/SPeJCDYsYlvzeiCUacGZgD2cyVHxAPvrH6SkuEx/gr1nVvBq8jHJrJGeR"
    "ylWiEmrIxF9WTajB5vb+nHByrgFrUeVXwMq08C55hJ5/UpxRL6OcupKZNu0iTiEIWZ7qnN"
    "TUVQUnG59pQyeI3CH3WbiVFZwuS4pJbAVtqHzXX3RSBZbUqYE5ligZVP6ADds3b6TWb4Vj"
    "HTlweg8rnTdNCNVjix+Wb02AfFbKFj8rsMXPsrb43IVwurI905qygmJZuHNZbZGozIe8Wo"
    "FiQRAHmgcsqGEPeAsTAwuRSzM4J6onK8DG0g8Ak5Zkg7AkK1XzGYo5wXbmVOqOWELqXiCK"
    "HWX+KM4hOQgc7Rn7XYHJ5IYAzZP32VnCw3SE46IH04DulH1ZxT4RC0vdPRR30h0Q4u/4zi"
    "AThgywn1i3kH3MI3NlCe4hdDC7RDZJ7zD9Q/O1VNkjwvaKqi1D1aqTcbUOVsV850PdXOZb"
    "nYxrWq+HGKVPxmWo5ANxc1EWklxmLtmiXYqXi3ObKFaurVi5Y2flWhoIPxZga3X3EyAPpT"
    "Finr6AGJgesUZWs6CJ6ScFVBSeLDuHovCKLDhMk/i632Fqq9ngxP+TJgKemxY8pRdfbDKc"
    "Fc93rDzfTMMmnjrIFB53yLXm0mJSUxexggLI//xpwGLOAEuQ1wav3r58Cf6T/B/4N0VWKL"
    "JCkRWKrPimzFZFVnyLvS45WTFmuum1r5q2BFxFskG7DFWR1HdLMRWtL9THETwA2BAaGHgI"
    "3BPAgDZDKw9ogVbdAUSl5g+WgxPyV+cf1Jj65wtyB/g2QuKwUq1Pv7XpDHAg+Y/tcYH14I"
    "RW7A3bnoIrBFzygv/0rQAaSGeQ7moDolaAz93J9y68M7EHXWgwf9ytHUwZ8NfKNTFNFEne"
    "v4vDUoqtqZut8QdPJSMqkmicBVU/67JXnmAzxT2c3ntS4GtnAh40bxovSFmwC0sGZ4VV8e"
    "AqxYMJfPZqOau2giSlmmej1j7E+W21CtBpucZBXf+5SsUFtOrkApRVmA+1sgp3YBVOtKc8"
    "33V4q13GEqSFIEp7q1vk0WD2nDB/wMm/EwOKJZV4JJYPBORN8IUgG0UlUWVPSW5PybVV78"
    "K2ag3GQ/D61bt3QCfTB5x8+tAG3X4b3Iy/73UZ0fDvm7gId1D3NciUSKdytfBbgaTUDizy"
    "nTmeK50MOLJOUs6ID4w+jBcrNrSmiO57mQ4pNNUE0nLbai062TqUMIv7gX45IIt62FmUSq"
    "EHBpKsGjjh7qJHFlTy4if/GzqU8dMsci3o9SBvEbnki0VR1qFguc7ej8FIDxtQ86/6EQVO"
    "an9z8WXFHifdGE7EqBvIx2/VMcqXvCs7XfmSpbcflS85H+rjtB+VL/lb7HXJWYMPZtJW5i"
    "63C9NZBg1qDWf/I8wjHjtoW38qK18mK3+TupaqomUdZXZVNemMGltGiS1fTXoJMSaLZBbg"
    "CXzKGdmcSAOMhKIdtf/bJLGZZkqFRhvqxfDqU9g8XT80c1CcrD5EZ2HZA6oqPFlpVTJUHh"
    "0nq9oWZMbt26sl62Q+d1mSl9x/ilyaSMx8gBUnW6vbmww+9zvAl761KbDno+6Xqw5Lqm24"
    "2qN9a4/6v/R7k/55B7jwL6iTL7+1u71e/5pd03QdOp4flXF4NlkZ9i1l2CsTTxn2qter1n"
    "o9UFFS2Xq4npOnMSmwWenMWFBBW5zEd5/V3CQFdNNybsLEvRydtT2sDS+hmZmsOdXy8ulS"
    "vm7SsoZqZT3/KUdrPe63WlKIVk4KlQDIfGKZziuda7g2Aq0LCNiYsarsqA9+pKEDNtAAeV"
    "SbXmOnmyGYmQbNzCYqjLThM1RMmgT7WLuArZ4hQ0CY5vN5YftGkKX7pvMUT9BSPIGyGLes"
    "+bIivVW56AsvpIybdCIX06ha8iWSUNmf/laERp1gKqt7b1b3TDRQq5ch8p9ylJN9fQWiaK"
    "ErUX2IbTKKwFhbf4jfjCuTF7s0zenSIDDLgxWj0CQvZYpXivVShrJMhrJnela1srWhQCNM"
    "5bQLvUx4PGlV4ETPhMfzX5bBOZ+RSIk1Au19ExOWyIT+aCEtB3NLaDjPqUCz0D4f3ny46I"
    "PrUb83GA+GV0lrmN2kl+JjTaN+9yINrrDYYwG4fnsFbhlwNcMga7jAf1FQ6DoWaUBI4j5q"
    "K6vA2h0H1s5WBtH7pktTsPMVxY0n5VTs+Max4yGQ2tNmHeDLqQ7YuAPIx5rupoHOGWEV5y"
    "xPyFeWwQ+7C9oCy7VcTweiqp9l7me549mzLAVyoF1RTWsNr/tXHUAlb+3ul+7onEWnUyaK"
    "Bqz3ule9/sUFvRYUiqRX+79dD0b0GnxyTFeWIPYwpH5a3RskEFVuoSS6flfjDXzVSckG+q"
    "qbtOSpCI+WivBQER7qJIjq9aonQQ5YG066Xt5x5vEw1VtFNS8lpqJVVBm9/cX+8OkJVXhF"
    "UXhFaprmBFiIlt4asO1xj2oqvskdpwS+dJbXgO3vwWOOcjVYCyu3FCYgJe8HVzcXF+UONM"
    "0Quidfs+WBpg/+U5oDdjrsb1t8SoX8HcsET66Fez4Rd6Qg2ZS3YCBsjVT8qAbNt11GKY7g"
    "gwkfW4JAxeBOuyhW0Y3b1JyabhavmkEorEpNJ1UMI0HEFAUjjZeaZeUylLFUk/zbr89+fB"
    "fRk/SPImZyfNm9uMjSkx58ElBU+aGKYfsGhB3tO0JxYRoGFEXHFKWFj4XkzgZfB+o1JmJ3"
    "oYPczQjYlKjyz8tDuGZ5dr+zpi7UcLWCJBnBjRY0yXpWJYBX3kHlJ5LfO6jOf9d//ts33K"
    "qeAU9IKVDTydhWM5q3tGomtoSUArXYKcQxDtseYi7N+EoK7PqTzInpqk4z7/M0s2BdUMCu"
    "zXOXWAqlOieeIK2FedySpHY+G6unW6oj5I2lX8nymxPatD4cPpSVOb6JclC/Dq4+dUCw19"
    "zavww/dGiGwFt7fHN9PRxNOgCvHMoetEp1xK6D3u9hpVONQXN5C7BuyHa8Oit1nv+s4Dz/"
    "WYbtsDTsTTH8l4C0LThRx0tJW8yxKuWx58N0DMOg8soG7IhAXBG5MhO5ildsKV5R8Yrq1I"
    "Hq9aqnDg5MfR7Ppih/CsxGYhmSICtc+biGQFShKx2dLCeutbPJ+0zdeqSQVqqXws3t/THJ"
    "RwqsYCEUI1zmgEFgF28Z9XwZl0U9Ml2wVHy4o7meqZuOtnUg/XX8pCaBtUvnRDi2BH4Jbt"
    "jluyS4kr11R4invR2U5yO/RXSDdBhbknTLhLY3XWK216QDyv9ozS3t7s7PocJZ338qV8dB"
    "XR2Vad+9M767jzDfdwo7Vclnf+HoyVUpg3pBuoK0YCPg33XCAs3zNH2Rcy7vl/HwKifqLy"
    "mWZuZM3QP/BywT72yR4Zby2cq0PNPGp/R9h1jNKUzF8yA95FPLPn1Aeh5wu2+FcxmclDqY"
    "UeFgBsUtiLqvNA/Scmoi1D4R/FOVU6LEUjTFO8L6KI/sUyQ+WdEa/toB6P7W7n64Gfc7QJ"
    "sRA7u1wX5Rf1iHj+OGJ5gSosrxLY/zJuuzU57a/Cl2nD67Mp5aniyomsIqK6pi7PMWz5k4"
    "F1s+ullJ5XBKufMYr1XVkccLqeG6Jk9Yiknc0jNSMT2JpBCvz2mVXRdLOKEiklYdZCj0P/"
    "Hzt8QJEW4ZVb69Ndhmt5zKycN26Yvh3VcCf0zKu1XumMjUSUnt2EnDfMxZx0voerbg3FMu"
    "l32pEgXJfVBefcISvAOSv1Rhq3czngwv+6MOCDNc3trj/ujzoNe/7F51ABmPD6YOyVy8tc"
    "mF7ifa1J+ZpOWHwfk5vTCjOWHI35d9SrqRBnA5o393zy8H5CGaERRTOjyJwcLwqRW34SEK"
    "XlSdpNjMqfYXMu2N+IWEoKIXjoleCDe0ij3OiSnSUGbSUJ2WadV6WkaxcbtkjDYI/K4n4L"
    "s5cCq2SAa2aL+hyscK7RYxyrvkMT5CaAw8uGwJSIzoXruIwZiTVlMzbFYzZRGOLfhAg6uE"
    "caJhE1ez7+n/00Y08pQImF7IHbEsC9WIjCIzTLgGC1SGYCBsx2E0JKAxn+CIOrfCVsjLyL"
    "8XtsiIBgZaEuAB+3JAL9BJA/yUm7gcM1GP5pGfrkSM9VGkKPkLzU7p74ZGm1JBp46l6ezf"
    "/nmm07CUZRvoLnw8pQUt/Sbg9PR0E17ozfsSvNCb97m8EL2VKiXpr1gM3wrdkxKTvZdY9w"
    "DkAu5Q3uE5ucRuUXoR4oXkX4X2bOCoqll1onnAKnqS4bnzmPQlWtkClrBIIYxlNuKR9hTX"
    "OVsZRLmma6/jmjp53NK0yR/ktWUVkMOQ9frKdaGtV8roxcs0b9S/LjHoX+dnME8PebxaLj"
    "VRmbj80HNORI6oc/raqp7d1uNC83VxYt8SVZyGc2DS9aZnkRdSdHAb+HN7ew19N+HpgdVb"
    "fqkKJWQ+kcc+ksAMsI5cYijZpI/QCmu24S0wQHOgAQeRLwYnvlH1AyUhfgiETp3nFzKvZn"
    "NN95Bb7ZxHLHLEk43Os7Bjg18EZnBB3g2+0utf5Zxiyq3UUknYtmZ/6CdFo19nOwrZcHSq"
    "ooC5i5Zbj/2jc9cqB9guHWDKK3PEXplzSAPeWgKfTHCnXeSRMeI269wxra4NPvYuyUp0Z9"
    "KmbJf30D20T0HX/wfZoi1k32HyF0A2BBQyQLRmjS1pnUAU0u4AJjEuM0F2u3jHra3ZiLqJ"
    "gKazxRQs0QPE9OaJBmz4CFz02AYYMeXeocHERH8E6JGM4u8wwM+2DjD0BfxeN14wFnh9rn"
    "UuQNbPaAxtFiVLfU7JKypu9qBxs2xkVaEMIoHGpQF/++qsBGFAWuVSBuxeUpFzLM2bI3cp"
    "hnh9bDIvL7XTont1PhoOzjuA2J8uMo1bezAcd4CJ8K39pf+hAx7hTA4vBt0TNuyNQFTqjh"
    "AFil+Php8HLADccdGDGZxbOnxXWEjX8uL2c+JMI4kG8pVvyxCWb/MZy7c5RQj8rTaDcok8"
    "+Jzs8ZiS32Rc77fHGKhofUW71Uy7KbZFsS2KbRGyLVfIM+emnlv0LXG/XcS82OmWa/mXoQ"
    "0BtD332fdqUYS+w4B/DtDpfXgKRugRg0fTW5B2X8kstTQHw+k9fP4KTihp4mRV35off2vz"
    "AeId2oz78x+m8c+vL4DmQhAUzqCOOxZkB2bPgFh70PWjH5kLjxIzmAANyCvyqJeYa+E/qC"
    "AIOFmxw6wa86tImP2VxjveWFNpIpXC4K5NbX5eXmbAW0SZHHc/9cf0VLefpf3WDmoSjqOi"
    "hJidBR+zk+CYnhQf/UqUWFq1cKm590TDp3ULu73e8OaKvql3MxpM/rsTEsjEHtRXruk9b0"
    "IfvC5Dr73OZ9deZ8g1FoJSibwMBWTuyA1nztnLMlUMSatcgNm9MmmV8wFuVFrlFD1cCt+3"
    "Bfi+zeLb/Gj2Tbmw2heLguD1tUCrZNXlt1teB62AdFquefTuq7Myh2FIq4Iys5njMLo4DD"
    "uX/tG3CsFuNPlD1fMskvnxhmH74w02rMPs2Uk0oSKz80d9c8lsVYN0kwkoUy+X8lSxzFyb"
    "pCbXVFryY+hfw8RLE+ONJnJaVvW0zD2tvI+1KqDK+6i8j8r7uNb7eO3COaTHVmFrjR+Sa9"
    "ku65GcOkmh9cHhocNQXyBTh/inwIXI3IRoReOzXfQIFhpm3rygZ3F0Ko9/Of4hfjumR/Qy"
    "STf28Lr10d257kJ5VrCDxhXvxkuoLzTbDoZuWY6Cl1E8Re08xb9WJvSmZMtwvenStFeegM"
    "UfLzXLylWIxE+QOD9CVe3o9dmP7yLFiP5RpBONL7sXF1nFyAcJ2sZWICflFcQpV+oS0sQy"
    "1bypsUzz6Pr6XSOOaz4QMKaOX7ZBVBu8qG6kSFwVkKxQQFKZq61azVVF1zaMpBeQPuzrM1"
    "Z1FSNwnQU+tOEEkf/s2P6WwSCo2freyqIeP9t6j5XjbgmsaO5uu8hypmeEp3rcsMxRappF"
    "yKT9TJGaoZVt0BPNJrFRmR1LjIW56WKP/gVOrkfDybA3vAAY+obEG5FNXMNDb+1b+1cIHd"
    "9sXph3C0iaL1eeHwBsGn4sLnQf6HlqxyG/2QBz5JJ3bGs1qyDbfZjP8nAT2c3pWMiJ1MnC"
    "cHYIYV1boSclrYr0bJj3T8VKNEwNU7ES32Kv70T5rldf/OTmVHKMb67XFu/cspUbA18HWC"
    "DygUCjeQ4dyHQuDZA+xkQbOcFo5erwBXhcmBYEmv0c3nEhdXfgPAfKdg+lyuIlHXAarXNG"
    "D26Rx9/dQRdTTZNlMqO/2dclfVkMLPOBZWk8oTD8wGAodLr8wesf7DPZP9i3ZU53VVIuVd"
    "WGejfj41Q6j8Sln0jBG86CshR1JLCr2P3DpSvaSTh5sLpUQTiSaODxiNowlmgTvwzMrrx9"
    "PLq/fitf8k3X7uYTyp94yCUbJpnhpNfoAWd2aHqFF+Ri+LQO24kdS3smWy9+pJvqV2PlWD"
    "RoAX71T18HpEtiY9/B88UVohndFSzRvBGr9uSj2JMT/Vd2V04IqX05tW1sTAQdjANqyCjn"
    "dm4C5ErgUi7YuSOJJu7cteeq8/eULMAT+JRXRCCSkBlgP+O8v2H6WVA0DGiwE/DIL0vvst"
    "WD2vu/TRLsSibuKmJYLoZXn8Lm6WAsxXk2m/3K4zwlUpyHTp7KPHRKKMvIKacm02xENGzz"
    "Dob6K43nNW32T2bPtsGDiU3ybOridMiHYnpbR8slTfvsGtAFJ56p37eB90S6QOAw3cE7KC"
    "U2CUmwR9f0yKMdlqs6+PVTB9oGef9PPj9GZMkz/ITU/mNpLiTyfgyIpg0DlsxvViE0+Y8W"
    "FWHo0+/yM05HLEDyXjvUrOnZc98TnGrP3SB/EYymYeFU8Z29a/yHinxoUc+6yXJXpbq33I"
    "YhhyUQDofy/RJKKEV1Y0U1mnsVUA9FZIa9xceNIIfODrK20nlCILexpvvcA1s7E9fYyqqB"
    "cGjJ2m/JFa+skZGUklkP3tDQqL/CbbCZVAA5lmggwPXHYcvnRWgCxc0jjHIy7IvhRfIn1V"
    "91wMrB0PXawOiExVDawKVVVx7QPQ0FdNGSaLYmBtFoqdwVZToivxvSnZAb7l601R4k4r1x"
    "Oo44lVA+U5STSkimUzQ+TUSsRJ4dagNM/SYsiW1gJ1IqySF9ALevBVobdSQRiXDtW0n5XE"
    "LcoF2CUuCtrlLB10Qxpca5R8tJPVOtM9ZDebucHh+2kQeeoUdLQNmxiS6Mvt7+qZQ+YIf4"
    "aP0YgBfI9b6nATNktS2gC1yajjmmGHYRiK38cvuyxp/o2K2Efygh807F1k06OWhZNn5enD"
    "h3U7/+tjelP4Ro8FJX5FX2n7L/lP2nosi+QfNvU2yVPXfUqkqj7bk6IoSaaKCNPY2duRUa"
    "Z/7N9lrDDEft1tpkV+Qthl/rnEzVDvi6gJrxFZxQtZEek+OsHWoEvWD20de5hZAbtCINnE"
    "CnZJcF/t5dvWQLW4v9f4VdImzfuLKzdWW6zzesHjRrJcC6cNsIRdSmUWnTkGghm5CJPDGX"
    "uWtZdH/9ckbXhGkYD7V+SfuygKFDEzxqGJDVcOlQulyb0QR1yNYhue2nYsquVZWkKW3Ui5"
    "cmb+VSd6qHgQs9WruBXHskg44Ft3goemxxiHfZJezQ4QOKM2pVDwBsbODfkQT6CY65ShXp"
    "d73Ci1/QTLRqhrcKF0x62GT6F5rhUmtlfu+WCXWL1EybWCJTjehvS4f+vx+ixh0k5KJe9x"
    "+jpthvdVJ07ydSmlhSMZGnGNAvbgM6nk7pP8NqoXT9KelGOGjhxRx3wZEUWzywrceZ0Xzq"
    "6mrLh0B0i2Vkj1EIpv09TffFZ/om2jw1FGwD01QO5cZ/PQuNqneWfwSrTMFE0qrgEFamYK"
    "Iq+cmX/Hz7tgTCpFV+yU96r0zJz3yuu1ElP/d9kO14as5tsFaTIeNqwEecKSrAV3zBSVRW"
    "sw1OT09Lhj0U9M1Okrs/IIvsLaLVpjBNMy+m0jNXSM9M9JHpDJLtW4B4MaeTlDwebqcFNd"
    "cy6XkRDGnCUvJxdG4wXZ7lrAcLtHLx9vPjKAggfiwEXIbgnFAuHcGLNCaXZG3JutMMUdUZ"
    "lhU/nmn2zVCo6XwQOYpy314tWTfz2bYzqSH2rDS3SNMVDEde6RX0v276N/3zDvClb+1x/2"
    "rSocupd2t/7A4u6L25RrZjcu98NLy+phcMFzlO8K6D55VguXCh6yJBbvR8rTsp1QTjcd+q"
    "tws993nqoXtoVyqplJbbShU/nj5QdZ73bOk3K49HYmuiIe/Vu5wTU2VhZVM9JPHedqFr6o"
    "uWwHkb3GkX+W61uM0uHbeVPLDfivt1S0unIPotL2w6nzPOD5o+TlZzD6wxnVQVEA6aNxDd"
    "Vy9LeT1eFng9Xma8HuSNXlBip6yayokcA1kslYp60M3s7/8HS5nqmQ=="
)
