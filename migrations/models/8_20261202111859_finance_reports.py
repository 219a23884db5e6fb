"""Finance reporting and reconciliation (issue 13 items 8 and 10): receipts, credit notes and
invoices with their per-issuer counters, sellers' tax profiles, reconciliation runs."""

from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
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
COMMENT ON COLUMN "reconciliation_run"."events_not_received" IS 'gateway objects no stored webhook mentions';"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP TABLE IF EXISTS "reconciliation_run";
        DROP TABLE IF EXISTS "seller_tax_profile";
        DROP TABLE IF EXISTS "finance_document";
        DROP TABLE IF EXISTS "finance_document_counter";"""


MODELS_STATE = (
    "eJztfYtz27aW97+C0cw3dXZUN3Eezed2O6PISqrWsb2y3HYbd1SKhCzUFMkSlB3fe/u/Lw"
    "C+SZAiJFICGezcTS0Sh6LOweOc33n9u7eyDWji48u1N7c/jx6g5fVOwb97lraC5A/e7T7o"
    "aY4T36QXPG1usvE2G8jGzLHnajp93EIzMSSXDIh1Fzkesi1y1VqbJr1o62Qgsu7iS2sL/b"
    "2GM8++g94SuuTGpz/IZWQZ8DPE9OOnnrOemwgvoTHT2Csho/cHHeTczxYImkbqV5Cb5Ba7"
    "PvOeHHbtHbobW957Npa+xnym2+Z6ZcXjnSdvaVsRAfJ/+x20oKt5kH6D567p76KvHTAg/K"
    "n+T4iH+O+eoDHgQlubXoIP81l8rTebXVxOZ9ej6WzWE+CcbluU6+RVMWPAHX2Fr///ycnL"
    "l9+ePH/55u3rV99++/rt87dkLHvf/K1v//FfJuaW/yjGs/GH8cWUvpBNROtLnF74h9Fonu"
    "ZTMRHF3Id02sx4Mri5GZ/xJZCkychhvUbGMaXMSiPkvbTiKOHs8MfB5Ojlm2fs99rYu3PZ"
    "TcYhxt6YneSJUFvlmTlcai6fmTFFhpXkxjZMDC/EXIxX+D5m9Ur7PDOhdectyccXb0rY+s"
    "tgwjj7wudsPGsvgjsn7FaawYw7AuwNx3eRuSdvq3D35G0xe+m9NH/v4ZMIe4PhMnO3h9fz"
    "v6DuAWScgp+1xb0GVhBj7Q6C4O2lYPzcNjic/+n68oLP+XB8hvUGIr/0P4Acv7kD8YAiIJ"
    "oCeEQuBPStgb0A9AI7RsDR1eRyejm8PAeYCImMB/52sNOOTdlGH7LC+G8zyfqjj4PfslIZ"
    "nl++y27t9AHvMhLSyUbtRTpNWk5n5I6HVpAvqzRlVmIB6XH4hzxyq74xkR9oXFrmU3Bol4"
    "hmOv44up4OPl6l5HM2mI7onRN29Slz9Sh7QkQPAb+Opz8C+hH8fnkxyooxGjf9vUffSVt7"
    "9syyH2eakdAvwqsh11JSz+qyInLP0tYg+eCVZRF8SwQd8qRU0prnwZXj4byUC22RJMlmi6"
    "Suhfy8WYvk5MWrb1+9ffnmVWSIRFfK7I/Q1ogZamrYm0HXtd08S6fwcwFP01RbaRYtWiSj"
    "36blB1W0Rs4vLz6Ew7On1z//UPN6cZ8w8eiFuabfP2quMcvdsU/sorH5W6uTVfaKZhH9yQ"
    "h+Mf19ARZx5do6Ua6gUYhWZEb0ywALJxw7g9HgWpGLT0xU6xVksyqya//IIBoKu5ASu0jK"
    "rqrBkqSR2WrZ0iZ886qCZfLmVaFhQm+lN3GZACJ593EBiCje1LZQKDO0ypSQRcMsMiUkOZ"
    "c/wtUcuniJHN6ZnLhbeh6v0uM2HcW9AVhj6H6FgWNqOgTIApoFbPdOsxDW6CByi9jGj8dg"
    "7AHsaa6HgYbpIGQ9II8NYVABfQzQdB0SXRv4imFyJjX2RbdkDegmsiAGRxogq+8BGWSArl"
    "mW7QFoubYJsL2CtgUBYRYkX0Me8IB0SCTx7DsQUBt9AD87yKV/mHDhkS82bi0XruwHaICY"
    "q+SNXEiITEiWKziiL6StDeQBuj5McA8hGUKuIhcsEfZs9+nZca9Is0n+fDaIvNlumk3xhn"
    "8IX0Dv+8Xa8hEj9k30n1c/9CTc+4s1GDJ/CtDskbVeMV6PyWtolg5zPA9pZdZiepe/Xowm"
    "p8B+JG9za30cXAw+0M/+PkWuXI8mv4yHI3LjNLFytgJla3c1EL57aw4aUE08MfX+BNRjux"
    "k0BBcBUbV/GU9HZ6cgoL+1BsPh6Ipd8jfD4JkHl4m/jeItVKc05V6QOEnclzKpSZWAuAdy"
    "GgaHVkUcLkGxPxjuRVMacM0wnPJbfCnGRlLqwVY+mz8JGu85wh3UuvYAsQIGfFKxFuQth1"
    "ThIxn2UjtFkK0JEsVOnjOAP3nzLH5vuxDdWT/Dp5xym2FsGHuYeVw7WRxfjfcsV3uMzGLe"
    "uiV/+IY6k8fgejg4G/VyE7kGFt8Ej+koaxNrdzNL47Npf4yV8wzbyNfcMZ7iLnkLcHFzft"
    "775zB4ZGrf4MU0Z/aVkqDm7MgKqGQE5M3XmIJ7mFi+HoArx7SfYgQPUhTRAAgHcIUB5k9k"
    "HPbRDHYvwDHwMQeRbOZLNodfK0jvoJAe+2+Oz8UOyXC8zDDe1tG/zyvhP89LAKDnWQSIcI"
    "O8wQyvOVHWhfhAmkhF6mQhgoA/ur22OCDBJrZGZIqxWcYqKKtWdiooq5jV3YWy1o6xpdTT"
    "lErqskid4wYI3j6BVFAFWBRfS9AoJGgDEkR5pfCJjdBPYkqlTOgJmeCT8XBaZkIn7No4yC"
    "PP83cB8fufJ9CMLFk+u9OxOh1hemrh/8u24MxE1v2OnEpiCL+TZ3aVXwGUsCO3rv2ndAcQ"
    "y2TX2ffkITvy6J3/lA7xSAjjS4bGkFNi4do8azFk6KUFpzb5p8LUSz2tQ5wVAEQnhAEQL6"
    "f2PeQCoqn7/TJA1PVHzrxo6EZElEgJBGSAkdEUTQ2Y9h2yaODjQlsh8+nZMaCaJkMnr38c"
    "fH3y+g3FLdlcML4Drh3EUWIHWgbOIaJNfMmthbwAP8VryGIjgQU/e2GKKSZMDB5MaKFjak"
    "/kbci3UnIyir3SA3kZn9QfqXBWWbTXfgnO6stK0D5IETVrIEgS/CXgeGeLcrbU8FIEv05T"
    "1YNiHza3qeGEGrZVbQNmpAgVliELllEFwZIobFU2qbdEypUCV5lWsYWQk3SqRoDMEva1xW"
    "127zSlkrLMUmYxScRO45m3xZpQmqoLhQvSqtDJ69cVdCEyqlAZYvcy2pAjwmJ/dPdYW7+W"
    "qaJom/SdqNDOWkI7DxN7yLjOgdhCaRRDa/4Or0fxLo2WUVX40kHxJbjSkClyNkUEncNATl"
    "5XOZ7IqJKDP3dAqTjJRD3JSnGSJyVxkif5OEnb5LkEiwtKRgT7ryiZ2C/ma2R6yMLH9PsO"
    "sWU0UjrShXfcKMDi6R5TKG13s7bbwlR9ojagByg4wXuD4XT8y4hm5VPqW+v65vpqdHFGE/"
    "XxmvnEaPb+aDK4ppfIW2NZMvcdDeNHm+huog6GHGEHT4BGTGsVe9xTscfKc6Nij5XUq8Qe"
    "5+CeKmGdmBU6jGqI7TO2UzIVr1IYnoqCrcwqGndszJLZrTWGw3aVaanYtx35lY246yK/6g"
    "q1vo5Kt6lA6y870BqbtjfTTQ2tdmUTedCQPqers4mYtejOWkGL13FAhFOD6EFdZdW+o/fb"
    "zKQZGWFhVIPCMI0e1NG9ao6MXaeU713r4nT6y6YjVjXsT0P/KR1m1I4M+smed5U5LnxA8B"
    "HPHl3keZCDRYpp5PRhXWeVC3WIHiCvs4jiVahl+i396CiKWddhHg8Tj+roeRe0PaRTjE6O"
    "XafYR/9xXWcW5oaBNsOoVi7G5CKc1YbwXWmuh3TkaN3VHBYQGjPkwV1N5ffkOWPymK7yyY"
    "A1wC5nsCLq0koWWbaHFkiv4yC8SDyqS+xSqe57xEhXmjVzXHuBeP1NtmBb9NSr+KFd5J6+"
    "hMa6Jp4lntVBViV3PDLV4AK6MAju2pVzyR3wKvXkjvBRMGB+QHtQTaBuu+lAdM7tfln4PO"
    "tlRe3bcKQ04fOqZye9t4+enUTcNj8xqTgCMEmjomE3R8NqOr+6fymHd4k2rqADdqmCQ4g+"
    "MSYJcDlL18FA1pcnFZj98qSQ2fQWn9liW0aaSk3qzZN6DhfENMnzuDhhJKbYKWNEss1536"
    "kh2sLj5ZIWsz0iUFzfJSGH/Gwsuqukqbqnirw4eVspEe1tSSLaW5Xhv58NW+UjFLO+nZHp"
    "kvcQz9XT3dC3JwwFrda7Z/avcPg2DXxYPx2IgQboYyq14+GQVOqjzd5T9dGWKllftWRsgN"
    "2ZMHExtiZIFDtVS8bdQet+HS0ZwzNmRxZ3LMkhy9rE2pWpbk8myYSjfeTTUIp1j4SjUkTz"
    "iMnAo+3eY4CsEqVjw2iuvhHWllJ6hnx6hqqqpvQKudhZoleoInVVDjuh/sNKf2ix/lCkNW"
    "zWFSorCHsLWFBHu+rb26AboIF6dDryOE3bi/kbju+e77YR9t5BewU9l8PiYk9ikmb/Rf/E"
    "+d37AG36a8CVbT7dkc3GdsFHQoiCz33w64frt6+Aad19Y/rODfk8jytkzUw/CzmjRZi2Vh"
    "CClqDJyGlBieSRUB17+NnlzbvzEbiajIbj63EggcgFw27SS+QCChsxDs55TOY5xjYxmesS"
    "U0zmM5luaqIzOaZRTK7MZNGZHNMoJldhclyLMxMWbNsm1KzimMkHngo4J1RN8TjUWvbL43"
    "eXl+epg/DdOBP4e3Hz8d2IKC3P0rzOV1FURSl7qiilCgJRRSmV1BsrSplyjapG2r0S6LIo"
    "d1HVxJO0NJdkQZ6VeLSvCkFt4U2TIP+QsOfOdp96HKA/utcvA/v15KiNEQFT2mUaQgMawN"
    "M+25a9egJHDjlu57TR9A+A2A/3tPO0hlxwfHz87BRgc32HgeYSOvadABk4HztQ43Nrdj2U"
    "xG7XmGwjUfubukK3le/hUOC4Q1aFJZrskSJqKCGh/ZM6wWQ7LhZZ0bRPkuzPtn/eFINrsO"
    "230vdVXWJ5dDDZdteDKGHhVCoO0SxXwXBiUPWYTOoO1IBDfgF5K2Avwuu4D1gxfTB/ovfD"
    "PJCklUxJ6d2cGlbnw2+tTDgo1eTIbaKUESWOPAUcwc/kp5pP5Cpkj3WfNaHBqeCRuoNHiC"
    "gLdIvN3cdC2j32HkusLxH3+/Vo8st4ODoN5/6tdTUY/jz4QK4ECyO7fippfLW3GvOQxyuh"
    "VKzqRQR7lEFTEzzL3Erq9JsSdfpNTp1OvlmOy1P4uUDby5B1gNdl4PLot2kKV87FjkTY8v"
    "nlxYdweDagJKNiu2TVzbRV2H84o8yUFDHKUm6lbe9H76OBGOTEJN/iFx6Xq7JRwvW2dmld"
    "MLGgtgRN93LcX1ap/VJc+iW3zazdoKYsstYez7wpnO48Uomn/MHcxytoIC3P1+KQwYigvU"
    "2C/d8Aorp+GBwhA3+zdk38rA8s+EBzxJ+CSSNf/GBBveBikUUE7RVZHQdyI8IIMh2E5JGk"
    "aa9I2M/A1HaNLGSEiV1MF5UBkCXn4qGdngssg2ptohu1EvKmseFqC09UMmeTwfvpKWC0t9"
    "b4YjYZ/TIe/XpKpBJU/ieG28278/H1j7RJtLOekwmwpH2jKYPHv9CLmqsvwyYUhzfoVNBY"
    "rac+1Y2suxlerwQ4miZSaH0BU3W+bbaJrfpOhlmnGRvtT1uEu2Vpawh4k8wiaG98Wz6sUQ"
    "WzFi+qdoY1qmDWL1HqRcGsqbUeRFkJBmVkyLqHodUfl8H8iLSRuGhhtAzdDl5ByTheT/ES"
    "nz9bVITJESrOltdHCydinslNF0eTk72ba6Nllu7mwibxnKyByRUrxrSauUJlY5IhxTvyNh"
    "nD3E3+Zo74FHcnRO2YjIfTshIyKjfhoKFfcYMzXvRXqv1ZSQBYepxAReCvMDiyXUBZ7kDy"
    "j+UlivB9hZ/F5X/Z48sqBW/zKBWpJYEu0QfFkVpLYlGZiFfFq9joSNJ0IGplDxFCc2TnGV"
    "wcGRQM7wBv9x0RNNcsS6x9SEzRgv4hWV+9nF7FO800oYt4ESolxZeSRO31A0vrmse2jjSz"
    "KJG3WC5ZOjlEQ7+2M6JR7tyeqgGiAHTlNlFSF3WbSNPoJKv/HTRfux5A/2DF3TvCS4Hc1T"
    "wCVbUdStjFez94vwySaKYTCh/qF+TulkB/K7i6EeCvPV2W3L9y7QViPCvpbRIO6ldsb+Ik"
    "xqsC5p1FNhXmtifMLeGgEkIWsnRyIAtbBf+HPyUoOpTIAki2OpITrVvaKyhcUjdJtGVNXT"
    "m9gzy211FS12eYYHXoJJHicgUuq0h+FcnfHsbq9sqharQx41fjKWRtnlAxVxXWbpSdCl4t"
    "ZnV34VV5+jvKgJEcDgPcJzolJeulgqf0JTTWBahUeK9fCkYlRykIqrMQFD3Q+C0yy2pvxT"
    "R7BKNupsOmeNt0Qs8jhPemUKO3mKK9mJOKZlGKt1K8leKtFO9dFe+Y6/CzDtk77lo6OtDv"
    "RuHzWri4BLJllJ0itZ0Sz8ISgyU1VTdbLjOYGl8hIYmeM8Bbah4wEK2KxbKEVsxV5qtjwN"
    "E8D7rWKa2aBTTTJCRPfVos2qbWDVjaa5fTGKTWJ3Msqk8pa41+V+8PZWXJZGUZ3BpmVDfi"
    "8zkcX6YRtXfD5rrWiEaTbfH5oCH/l+RPutIun0m6PTb6jK60ttMnOfZcjg5fjAREBN2r6v"
    "G6AgbwuhACeJ1FAGBRtXk+Y+EOBea/JLZGh73YOZYhq/NAk3eL3b6cR1K9yESGiBZDSKLP"
    "7WTtRv05M7kq6NAbnCw16tum7Q1NDa16PD07ulmuX5NhMz0aV6tv4FNknrFv8Y+XnXTZsg"
    "r73MXPwfMCIUtr2O2zmH6xjpuQGFfTLUYB05QdRAHbi/rlk9iCCi2CB26aSp23suQxdYed"
    "JerLfmtkScrS3WE/zi5QA1er12pqK2PTe59M6uAAYyKrFeRXfkrcLVUIw9+npcfXrBgmZl"
    "yct6BwTrlwThNqPB28DK0LSRRQJwDUqQCGnirHoQIYdivHoSyZBiyZRBKzICSbJVSsLbdq"
    "lAperwrOn8XKbtwId2cXrnD53yZNnHBuc+ybxLTfaNzUb9Eow0Umw6Vd3cDFV33v8mJ2Nv"
    "o4uDg7BWx9kgVj3FrXwx9HZzfntH1c6LWSpH9c29r+uZCMxR40BOc92SD/54bskVQE0TNu"
    "rcFwOLpiFzWdRrHBAmGxZoFXk8sPZJ+9Zu0CHdem8x7fWsPLj1fnI/aQKBuXXB1cDEfn7C"
    "k6ZZ7JnnI2Gp6PL+hFA+q0cDK5Nvrtajyhl+BnB7myTAzRMhCqAsRp5doEosUfVN2H6rwl"
    "dildlvwtrSCQLSbpQM2fTOPx51VqmJNRxc3Hn+dqmFs2t+d4cUWliKAD/C1DZpqoqRSdQV"
    "s6/fPkqtWjzI7/WGDcWMaq0uZHNipZSyVrfe3S4v2cjNWSPn8JGplNoW0PrCrHVfFhlT2q"
    "HBfpcKat+BWLyqLWspT7c+d0JIQtVd1ohTD1i20lCS65EsfW4vDIettGDmk6JYDtBWB7mr"
    "mdCDKUSghbC4Hu71y/TnGxiARJCzoE1aFRNVIWwse58BZhAGlKpdvKrNuq2Jmeip1RsTOq"
    "lY2SumjJF32NPXslnKqQIVOBPZkt9C97LsjRmEI1ok/zUtpuS53gbhDrs11on+Ipl6e0kq"
    "IgQxMkipulQZLh0ZPnrgrjS4fxZQ7pgiA+zmZQA2uv4ye1cs5WjZGsztvyjmrCDN6xp1pL"
    "uLypqxqf1USXqoHDP/lP6SZjY3WzAj/51YSFGfp78JhucjRxgqdYSr4fXNycn5eFS2dKLr"
    "BSHLtWg0yW/ujIAZeOvopyU3fkVDoptousIncsjGooMTqNHtRVVrnwAcHHHdk0YQ/pKovI"
    "XQqfazXMp2HiUd05GTjFakuyXxJuQu2J7kIzXcO8AokBeVjXdjN3r/znDYPHdYi5AtlCiS"
    "2LkzCU3tA2F0Tw0uM3VqCdLiEIaL/CYImIQeY+nQJIZv0TYDkNQF9q1h0Ej8hbgselDVaa"
    "AQHy8jVnd3xWzQlLqgpXvdECxYlMtK7wrCR5hi+DNFX3qk7Wn4bi2eJcTtJ0MEKyfiaT3d"
    "J2Z67NqzxZkjaRopJ4MkeYWz/RircP/NOJXNSMFSKf8RP24Cq7w1eKWT2pErR6Uhy1epKV"
    "iAs1zEOkiqURU3Qgx2IPOSwqnqKY++30rFeJp/D3LDEvUJJGuYHSq0jVdlEFSGTCe0ULkL"
    "C1vT+npZx7wEauJndAYRi9yaojQz+znkEuk4I+nLkx/TJMIQjxnukJqpmrGnR2vjKJTjhy"
    "Z7tP3KOsJBsvTSaxFbSl8l1/k04ViFOnBuaYvOJZxRM2HN+9mVq/FY5124GzeyiUn5siqs"
    "cWPyzemmLySSVb/KTEFj/J2+ILF8LZ2vKQOWMN2PLsLkS1eaQyJ8X1AsWCcBxoHjChhj3g"
    "LREGpk0uzeGCqJ6sYR0r1wAQbWEHYUVUquackwXh7dwREkdMIbUUiGJHkT/K5xAcBI72hH"
    "1RYLK4IbAX6fss9/IwgnBc+wEZ0J2xNxOUCZ9YavFQvhNxQIi/SgqDLBgywb5jYiHnmEfW"
    "ygrcQ+hgdokckt5h5EPr24icEeF4BdVWgWpVJmGtk1Uh38Ws7i7yrTIJuyb1kEfZTMIclH"
    "wgbC6q2lKIzKVH9CvhcnEtGIXK9RUq13ZUrqeB8GUBNtd33wHyUBoj5ulLiAHyiDWyngdD"
    "kF9EUUF4spwcCsIrs+AwLXrsfoWprWaBI/8jLZy8QCY8phefbTOdFc7XVpxvrmGEZ46NuO"
    "khhdZclkxq6CJWUAD5n78MWMwZYAUF++DF6+fPwX+T/4D/p8AKBVYosEKBFV+U2arAii9R"
    "6pKDFddMN73yVdMeB6tID+hXgSrS+m4lpKL3K/VxBA8AFoQGBp4N7gnDgDa31x7QAq36FB"
    "CVOpmID47Ip9PvqTH1wzNyB/g2QipZqdan31p0BTiQ/GN5icB6cEQ7HIdjj8GFDVzyBf/t"
    "WwE0kM4g4uoDolaAXwbTr114h7AHXWgwf9ytFSwZ8NfaRZgW1iTf30SylEJr6kZr/MkjZE"
    "RFFJ2zoOpHXfaKE2ynuIfLe08KfO1IwIPmzeINKc/s0hbLeWLVbFmk2TJhn7VezcV2kDRV"
    "92zU2qd48lgVYXSWrnOsrj+vUmEBvTqxAGUVFrNaWYUNWIVT7XOR7zq81a9iCdLGGZW91T"
    "3yaDB/Spk/4Oi/iAHFiko8EssHAvJN8BmnGoUQqbKnJLen5Dqqm7CteuPrS/DyxZs3QCfL"
    "Bxx9eNcHg1Ef3Fx/PRwwoOG/tnERNtAnN6gsSZeyWPgth1JqBxZ5zwLPlU4mHNknKWaUDI"
    "w+jBcrNrRmNj33cgIpNdU41HLbaj262E4pYBbLgb45IJt6KCwKpdCEgTSqBo4Sd+1HFlTy"
    "7Dv/HU4p4qeZ5Fog9aBuEbnkk0VR1iFhNWHvx2CkyQbU/BNPUUhQ7W8tPheUOBFjuBAjMZ"
    "CX30kwypfclJ2ufMnS24/Kl1zM6nbaj8qX/CVKXXLU4B1K28qJy/3ScpbBgFrD2T+Fdddj"
    "B23vD2Xly2Tlb9MHVHUAraMtseq+nVNjqyix1btvryDGZJPMM3gKPxfM7ARJB4yEshN19N"
    "s0dZjmWqtGB+r55cWHcHi232ouUZzsPkRnYdUDRBWePLVqsSqPjpNXbUsq446s9YoJOVm7"
    "LI1L7r9ELi0khh6g4GLrDYbT8S+jU+BT31qUsWeTwa8Xp6yotuFqj9atNRn9NBpOR2enwI"
    "V/QZ28+a01GA5HV+yapuvQ8fyojMOjycqw7ynDXpl4yrBXUhftjXugJq6ySbiezNMYFNiu"
    "1WhMqFhbXsR3n93vJGXotu3vuIV7E3DW7mzteMvR3GIt6C5YDJcm+0ytaujuNvSf0lrrcc"
    "fuUltUUoHsq7glVAJGFgPLdF3piYEbI9AGgDAbM1SVpfrgRxo6YAENkEf16TWW3QzBHBm0"
    "MhuvMdKWz1AxaRKcY/0StHpuGxzAtBjPC8d3AizdN5yncIKewgmUxbhjz5c1kZZw05ckkT"
    "JusoVckCHa8iWiUNWf/lGARp3MVFb33qzuOW+iirch8p/SysW+uQNRtNFV6D7EDhkFYGzs"
    "P5Q8jIXBiyZNc7o1cMzyYMcoNckrmeJCsV7KUJbJUPaQZ4q1rQ0JOmEqZ13oVcLjyagSJ3"
    "ouPD75Zjk+FyMSGbJOcHvfwITJM6Hfm7ZWwHOTazgvKEG3uH12efPufASuJqPh+Hp8eZG2"
    "htlNeilOa5qMBudZ5nKbPZYw1x+vmFuFuZphkD2c478oaXQdk3QgJHEfvZVVYG3DgbXztU"
    "H0vtkKcU6+srjxNJ2KHd86djxkpPZ5OwH4dEoAWwuAvCxytw10zhGrOGd5Qr7yCH4oLmhx"
    "LNdqkg5IlZxllrPc8ex5lMJ2oCWopvUur0YXp4BS3lqDXweTMxadTpEoGrA+HFwMR+fn9F"
    "rQKJJeHf12NZ7Qa/Czg1xZgtjDkPqZuDeIQ6rcQmnu+qLGW/iq05Qd9FV3actTER49FeGh"
    "IjxUJoiSumgmyAF7w0kn5YYrj4el3gTVvAyZilZRbfT2F/uTLE+owivKwisyy7QgwIK39d"
    "bA22HiUV3lb/rEqcBfuspr4O3vwWNauRtsZGtiK0yxlHw/uLg5P6+W0DS37XvyNjsmNL3z"
    "n9IdZmfD/nblT6WQv7Ys8PReuOeMuJYyyaK4BWPCzpyKH9Wh9dZklOIEPiD42OMEKgZ3+m"
    "Wxim48pubSdPN41wxCYVVpOqliGAlHEC8Y6XqlmWYhQhlTdcm//fLk2zcRPEk/lCGT1x8H"
    "5+d5eNKDnzkQVXGoYji+A2FH+45QXCLDgLzomLKy8DGR3NXg6+B6jYXYXejY7nYAbIZU+e"
    "flAVzzOLsvrJkLNSzWkCRHuNWGJplkVQF45R1UfiL5vYMq/7v+/G/fcBPNAU9RKaZmi7Gt"
    "57RuqWglthSVYmq5UyiBOOyaxFwZ8ZWUsZszmVPLVWUz7zObmbMvKMZurHOX2gqlyhNPgd"
    "bcOm5pULsYjdWzI1UKeWfhV7L9FoQ2bQ6HD2lljm+iGNTP44sPpyA4a26tny7fndIKgbfW"
    "9c3V1eVkegrw2qHoQa+SIJoOer+HQlmNwXB5G7BuiXa8OKmUz39Sks9/kkM7TA17Mwz/5o"
    "C2JRl1SSppmzmKQh57TqZjPAw6r2yBjnDIFZArM5CrcMWewhUVrqiyDpTURbMODgx9tudQ"
    "lL8EZid5GYIgayycrsEhVdyVDk6Wk6+1o8n7LN3aUpYK9UtJrO39IcktZSxnI+RzuEqCQW"
    "AX7xj1/DFui9oyXbBSfLijuR7SkaPtHEh/FT+pS8xq0jkRzi2OXyIx7YpdEomWvXVHiGe9"
    "HRTnI7+Fd4MIjG1Juomg5c1WmJ012YDyT72Fqd3d+TVUEtb3H8rVcVBXhzDsu3fEt/kI83"
    "2XsFOdfPYXjp7elXJcLylXkCXsBPubLligeZ6mLwvy8n66vrwoiPpLk2WROaR74D/ARLix"
    "TSaxlc/XyPSQhY/p9x1iN6dsKl8H2Smf2fbpA7LrIHH6CuRlJKhUYoZAYgblWxB1L7QOsn"
    "RqIdS+EPysyhlRYik3+SfC5iiP/FMkzqzoXf58Cuz7W2vw7uZ6dAq0OTGwe1ucF/WHdfh8"
    "3DKDKUWqHN/yOG/yPjvlqS1eYu302VXx1CbBAtESVnlSFWNftHnO+bXYirmbp1QOp4w7j+"
    "Faoo68JJGarhvqhGWQxB09I4LlSSRl8eaaVvl9sYITKgJpVSJDqf8puX4rZIgktlHl29vA"
    "2/yRI1w8rElfTNJ9xfHHZLxb1dJEZk6GqmEnDfMx5x0voevZhAtPuVz2pUqUFPexi/oTVs"
    "AdbPlbFfaGN9fTy4+jySkIK1zeWtejyS/j4ejj4OIUkPn4gHRI1uKtRS4MPtCh/sokI9+N"
    "z87ohTmtCUM+fxxR0I0MgKs5/Tw4+zgmD9GMoJnS4UEMFoZPrbgtkyiSpCqTYjun2l82sr"
    "bCF1KECl5oE7wQHmiCEk+QKdBQZtBQZcv0as2WUWhck4jRFoHf9QR8d4edCi2SAS3ab6hy"
    "W1m7Q4xykzjGewiNsQdXPQ6IEd3rlyEYCzJqhsJhNUMW4dyCDzS4ihsnGg5xNeue/pcOop"
    "GnhAB5IXbEqiyIARllZhh3D+aoDMFE2A3D6EhAYzHAEQlX4ChM0sh/FvbIjAaGvSKMB+zN"
    "Ab1AFw3wS27iashEPZpHcbkSPq9bUaLkL3t+TH83NPoUCjp2TE1nf/v5TMdhK8s+0F34eE"
    "wbWvpDwPHx8Ta40Ku3FXChV28LcSF6K9NK0t+xGH8FxJMhk11KTDzAdkEiKe/wmFzqtKi8"
    "CSWJ5N+F9mzgqK5ZdXLzgF30JONn4zHpK3ttcVDCMoUwptkKR9pTXOd8bRDlmu69jot08r"
    "gVssgH8rVVFZDDgPX62nWhpQtV9ErSdG/Wv6ww6V8WVzDPTnm8Xq00Xpu44tDzBIkcUef0"
    "a0U9u73Hpebr4sS+Jao4DefARPTIM8kXUu7gPvDX9u4aejPh6YHVW32rCilkzshjL0nYDL"
    "Buu8RQsoiM7DXWLMNbYmAvgAYcm7wxOPKNqm8oCPFNQHTsPD2TeTdbaLpnu2J5HjFJixcb"
    "XWehYINfBOZwSb4b/Emv/ynnElNupZ4qwrYz+kNfKZr9OjtRyIGjUxUFLFx7tfPcb527Vj"
    "nAmnSAKa9Mi70yZ5AGvPU4PpngTr/MI2PEYza5Y3oDC7wffiQ70R2iQ9kp79n30DoGA/8P"
    "ckSbtnWHySdgWxBQlgGiNWtsSzsNSCEVB0DEuMwF2TXxHbeWZtnUTQQ0nW2mYGU/QExvHm"
    "nAgo/AtR/7ANtMuXdoMDHRH4H9SGbxVxjgJ0sHGPoEvtSNZwwF3lxrPREg61c0hhaLkqU+"
    "p/QVFTd70LhZNrNEIIOIoHNlwF+/OKkAGJBRhZABu5dW5BxT8xa2u+KzeHNscpJeaqfF4O"
    "Jscjk+OwXE/nRtZNxa48vrU4BsfGv9Onp3Ch7hXA4vBj0TtpRGQCq1IHiB4leTy1/GLADc"
    "ce0HFOQtHV4Upq1rRXH7BXGmEUUH8crXVQDL18WI5euCJgT+UZvjcoU6+Ana9piSX2Rc75"
    "eHGKhofQW71Qy7KbRFoS0KbeGiLRe2hxZIL2z6lrrfL0NerOzIjfjLpQUBtDz3yfdqUQ59"
    "hUHyOUCn9+ExmNiPGDwib0nG/UlWqak5GM7u4dOf4IiCJk5e9a358bdWMkD8lA5LfPweGT"
    "/8+QxoLgRB4wzquGNBdmD+BIi1B10/+pG58CgwgwmjAfmKIuglxlqSL1QSBJzu2IFEY34V"
    "CLO/1njtjTWVJlIpDO7a1uZP0svM8B5RJq8HH0bXNKvbr9J+awU9Ca+jpoSY5YJfs0xwTD"
    "PFJz8TJZZ2LVxp7j3R8GnfwsFweHlzQb9peDMZT//3NASQiT2or13kPW0DH7ysAq+9LEbX"
    "XubANRaCIgRehgQyC3LLlXPyvEoXQzKqkMHsXpWyysUM7lRZ5Qw8XIm/r0v4+zrP3+5Hs2"
    "+LhdW+WZQEr29ktCpWXf24TeqgApzO0nUP3n1xUiUZhowqaTObS4fR+WHYhfCPvlMIdqfB"
    "H6qe5zlZHG8Yjm9vsGEdZk8j0YQKzC6e9d0Fs1UP0m0WoExSruSpYpW5tilNrqmy5G2Qr4"
    "HwCmG81ULO0ipJyyxp5X2sVQFV3kflfVTex43exysXLiBNW4W9DX7IxMh+VY/kzEkTbQ4O"
    "Dx2G+tJGOsTfBS5E5ia01zQ+27UfwVLDzJsXSBZHWXnJL8ffxN+OaYperujGHr5uc3R3ob"
    "tQnh3soHHFzXgJ9aVmWcHUrYpRJGkUTlE7TvH3GkFvRo4M15utkLX2OCj+9UozzUKFiP8E"
    "iesjiGpHL0++fRMpRvRDmU50/XFwfp5XjHwmQcvYiclpesXijCt1BWlhGTFvakzTPbi+ft"
    "eI46IHwoyZ47dt4PUGL+sbySNXDSQFGkgqc7VXq7mq4NqOgfQc0Ie9fc6qFjECN1nglxac"
    "2uSfhu1vGQyCmq3vnSzqc2jcQXfgx3X1OIZ0ekC/zH422dCZlhhbc4nbMOKR5SbTP6LKVd"
    "kwV6FQVlW+lt7bR/laFeLaYGhTtCqqcjci6CB7mwmzOURxPbn5XHN1vULlvGyPPoh+3q0e"
    "TyrUplgg7dTii0JtdtLi61Y8RzTfqljt9G9XUTphNLJWlXMXrVIlSNXt+kAGXDm2R09T0b"
    "hiDmnnKtecvK5SOYKMKk79eJ2rHaE09iahYGgZQVl/EQQ4plLArwDwa8I7PDPQHcQcJaek"
    "1kyaTE3sKnXhacVaESZHBIq9FdhLNFLMM5KK+RtTdJDBjRx8LiS/FPN7LZXxOUnVPXdoM7"
    "CKhkW7nyRIGu1+0pZ4oeS8pXAIxIIMzZDVyFQZXC478xTb5sMWPE2RKZ4qxGlXBsuEMFVK"
    "DsDwbzEwNyCoJTDri/G4xfxeangporCE47unqtSjdgvApQm7niwiWmWFM/MDyvc/T6AZ1b"
    "7ixzj4GOiV/6z2bmO5cId/mseVQ6YVIssJrm7Elp3E2CbR5U+9sL6Ory/M1/o9ZNseRoaf"
    "huC3TlPNeeWMbkiLr7oU0nQyN5uSUiAJZSNYJ1UPv3B8BzGRKkW6i2t050p0x3tRVd7GFB"
    "3kbhUQpBgCyQEgB2ijKR1/v5xumdKxvsmAHuaYF+8VXdSFV+UzZ3SOKPAhzVzhhOZMwEU7"
    "Wbsxsjo5s1Kh1ZPR9XQyHk4Pldl8pT2tyMsNNQx7HKMlebtfZrI4/sCZHo5U4TCdDYf5y5"
    "4LbqwxhfQt41kjSL91DSCvDR6X0GKp7EEFW6DTeti0GyTQLFqYFjq0ivbc/3l7A7GD3jqi"
    "3qs0WbNnXPtcA7Z7p1nIL5UuyFkOqfIPpm1kT+OlTlergh0RN6X45jdqbU2+yUX/ChA4kS"
    "1kcDP98XIy/p0Vtk4859YK74zO4hvQuLWGg6vpzWQ0uxpdnDEqXXO8tQtnQczVrfXj6JzQ"
    "LAmTbq3J6Hw0uE6Mdok+QR3T0ehgxFl0i1BdDcZns8ub6SlwNETUhrV3a/1yOT6jox5sZN"
    "Axo9+uxhN6AX52kAvZd72/uTjzn0SOLsN/0mQ6Hpyf/+8svutoroc003yaxePeD8bn9N5C"
    "QyasuD9mIiyqYOknxVj6Sb5ArLK8Gra8ugsq9OIlCzzb0wj5Clm2C8j3erji/D4M3uBvJ8"
    "ZsG+FwiFW6y3ZyCPfGreTAIZZWDsHLYqY2k+VyFASokT81ywCGbcFnMi+Y8NjcUlA5YnkF"
    "RQ/usNdPsNIjpYH2eiaWPYRSb25zF2r3hv3ICUwtLk2VItp/baotDh9ic/6L2KLM9EwYpL"
    "SpKtLJ03V7RYuXktF94Gmf++ERJSLAfVewuiNsfdSElLEESQd1sfqb3IbInFg8cZqqliCd"
    "Jhz1DK0JZsRXGARvvZWl0UQst074e8cPMS6xNpJE3QuPaoTRkWI+28bvw6duB1QZmPzAjx"
    "kCS9s0wtM8/FlRuNe+oB7N8+DKEekLkqCQttJVL8VPELwyONKAAXUTWURd0jXXACvtCcyp"
    "DkVYDQ0xLbe26lghfjSHC9vlwG4bIp1z1HuphC4JqNm6WOcQ/tMWHq8Qy6bGBhliJWqJRW"
    "0g7Kw9OLPJvs8xSsvSd7Okcufw9jQL0DcFwWsTuwfCf0G/rHQwZ3c+02pM8qUY95q30xYr"
    "egmS/VkyPUFnxraYcqV2hS9L2hW+zLcrVBU0a9URuCkyjeTH7AXIohuDqWEPLJBFnYh+H2"
    "tqFUL3axqXAjDFIOkda72a5ztx70kzU/lnX0jFI1WttstS56hrwdsn+xcziFYQjkhTqbYU"
    "2+XCrZAJsWdbcMdsuCAE8mP4uBauMIGEuNzczTNPsGLyu/g5bZyuG0N706u1SnBvHQG78X"
    "QsjtpNTdnNobur1PCNjYfIDACh71ADVL8iqpbv8OzHDkTbAsjDwH60aKcgxySMjCIpaZMg"
    "+Jl8iflExsF8s6FmvoJb4TmMWya7D2K/cKfCzirmuO6Y40gu1Q2WJInMUUUHs/885JmCHV"
    "cCgs7BFSeV4IqTErjiJA9XdDgQ7nGpeSCOlIcudb1isLBdchVhf9c+otsyJrMJhh4pFpEg"
    "ddwPe12hHmcxRSuiSCLx0B5+6YgRFpnFokV8qeE+CGJOiLD1JdTv7XVF3/q+40jkDi7nbG"
    "uJWpoi0osivksivSsur4bDTuIYuC1abadIVRNmeRCOPLB1sBp6smlnjWTZhmbJjkm2mTTO"
    "dnJ2oyWemFcyNQ9+77sjLh3Kc/+n5yz23Jh+mcUeODioJzcxvNkSQfSQXLPXsOBnbxZEv9"
    "AtWqwqkDKNa2/MK/EO3A58OZUD6myrRvqUMsckR4mJo0T2YZR8GCUd+mmBflJgmAAYpv/d"
    "WtPJ4OL6/WhChatZeFHZj9p4nLOrrYQst5iiFZZbZHMH8c5EXKYJLAgNYqgRK9ylaegsYC"
    "/I5TBNOY21L6WdRm+BT7+3nR9Ov6f7LflPcGj+sM2CaSZsupOBuocLqIl0pG1hiDVvO2oF"
    "DnF9MxyORiwVHK91nexK9WSAN4FMYPobBQ6KmGKng6I9KEQj2z4Nh+csjsKtJhovb8gZPW"
    "MxWGkGBI/IW/rYd3Au7X/7ocFvM+i6vA4oU2K08dmcpuqAZ6cMXRv9Ni2f1xG4dn558SEc"
    "np3sabZn7eEc78vRTg75foK8JLHN2od4qgDOjoXyqQDOL1HqRQGcAtGGTcLGH3wrf0SD2C"
    "dQt900tlo8ql8GHQfYwYzFxtcPG39Kpuez76AwYzaW6lPsct0NTFYl5uuNgygGmVWhhmyC"
    "00mV/KaT4vSmk1zF4gfxMg1Jmg4yuRHQizFIgMfh+A7yt5Guevb8L6iLTuQUkcyc9osuuP"
    "YDMqAL/NemZZJcuICevmQxVOT4NZ/A/AlEx5wUEz9o9yEilgSJxJVIKC8tIgdaXMx/YeYB"
    "YZsjWBJpQIvFiUsjCVtnJSW3sSYypO0xJ3qRSL5iwfqAWcPU807fEwS+rXBl7ey5ktzSyB"
    "uYjvZk2hpn0yxzYEYkbfBgSotMu1CH6GHLWMUUaXuWY9et+yqYzpcbNTy4ujofsyLURFVB"
    "snrqAlxAxGmUJJHWb3QwB3VbXRW16B/GGvqqRpCMQn9NWMWLZg7qpoZWgIWeY4DIrSXUdm"
    "/qINOeWEkPOZgXsT3u8UbciMFOvMWyTFOqdAnZVpckDoUzW1+zLABqIDO4PudNyA7pV4lC"
    "NwKimZ6gqtmrgDBe+0/GkIWF7JSerdwG+3IbxHKrHOEZUUiNAjqm5i1sd0WMbNu9O/2exs"
    "3/QD6syfwMPm2lQzcByAZLRkAIMYXUQmDGt0OBDmQ92EiH5C/dhQbyyP67HfBavxHDNKO4"
    "4Fj1nShD2BlrZg9bkiQnbpDVFZ6qvBM3O0ToxN3LScsmFJuEqiSKVHlfXd3Wt/Vl1r5zd1"
    "V5kclZvM3BeIgzsSOaeqoTFaRN7YRCIVJEMk/xwEtPWAwN4M+XPoDHd8dgMvz6Ofm/Vyfb"
    "aIdvqrQjfFPcjvBNrh0hUWGRg6CYVz5FJLUYEuZQylKSxjY6cIXO1hTKF+lNfKh89C4yE9"
    "trV2yPjikkzoxluczIA6Elg/vADp2sMgToqC6x+YDXKvGu1bvEWlCwMl5AILPK10t0g41S"
    "8bXPFWf1QdTA4PWqiyEgUGjUlvymFRAFOR6SyDz1JWc7bc8lVBskImhDYF3v078TF/pBie"
    "R//gDIEm9QvfdqIBQz2cbtnSJsTxyKcnvvF4S/hqYJ3an2+cq1F4j99BwKnxvTL4PhMRs9"
    "IyfhzEmMb7L+mnJvS+neth8tMYA4IpDYNpPen23CO82csU8CrE9TddBAa6SGOd3kkDHDUA"
    "uigqsGBOYIZeY4g4tpBWxk9AGx4d0nhwLHR4PR9dcfhh+ffQcs+ABdgGlCET2WdlalGgkh"
    "DHhOAwdeiSyNLJ3MotpycVQB7otx+xxsT1Qfoh3hGTUTXoiwOkfYQV4300whwbiTbTl+sl"
    "+Ot7l5hY48MfQzGN/B+fyiEn9flPD3RZ6/1MIi+ohOzAsRNmfIOjiXK03lkpmcm8gUC3HF"
    "5nJM0sHpXKVwRXHdilzZirC80ZzD4mKPX5qqUaefLKCNiAtVlRj7AtNRVYmxrkmdg43KVG"
    "KMFgyzdGQiVodhsua2psgP6peBo25q+MxdN9+cQsUhHzQOWZUGa7w02CP5XWRTIaq/K3w2"
    "ZGk7eDq09zTIKwGBuKDF2bsqCTqgVGKWWszkl97difmOEiQyb5pkqiHzCfwHELVjrVVsQd"
    "J8zX/yk7G4mZqlU4Zqmq9hOVnWCkhjioxItZYi8s5El9VX2x8aZO2TzV20i0KeUDE3y9yV"
    "5ulLnnuzkKsJCsXOHDsR9vkjFHGXpmpJ2N09eWIfRMVL+2Fvrj7w110fGNAj5+E/f1Q7B/"
    "cdfMfqMWKaLT8LK9mJyKyAvBXCC7uo+cLDwLLDJmqPcL607XtAExPCE0k+0ZHxmpUX1jvb"
    "pjcK0OGQJiOhOSGSRzR16DDvLi/PUyx/N84GUNx8fDciaiTjPxmE/Gax+e1MgfHFJ0c7Yd"
    "kiMF4SWPb6ydKHJiqoGJG42y+NUiXjZno8cBMC2xtYtBokQLTgJRX23F5bBi1tTbNZaBwg"
    "sC2wQC726CdwdDW5nF4OL88Bhj6C+erZcXarrOWht9at9TOEDmZl+5bojugIHlitPb98MD"
    "LYdfIsGqIVFEMDC9sl38FeSCHIUliNxQgynQeCGaMJEtXBmFNwKFwdXLZurDqUoe6MibPn"
    "rCOlOXwpmoNy43dZ6pK78alG+MHVitVF/+ZmbfEuGrdZWfSVt6VNXhBoAOu2A5nOpQEiY0"
    "y0kSO/EMEz8LhEJgSa9RTeceGKzAjMURZreChVFj/SCUf+nzZEfwKB3wRTTdOP8ye/2dcl"
    "fVoMTPQAabLkEWXDN4wN+Nh5elakPn5K6h/sNdkffuUFVZpUosO4nUqnLCiKSKGScBVUdW"
    "dGBE05M/c6pfdQxfXglWAOrTw0w2OJDvGPgdlVdI5H9zcf5avk0I2n+ZTiJz747fe6pz0S"
    "bAsCZ42X5GL4tFN2Ejum9kSOXvxID9U/jbVjIp1Moz/9HugB6JI62Bt4PvdU9uGuYItOGr"
    "HqTG7FmZySX9VTOUWkzuWsM3ZbIOhgGFBHZnm6zdRarFBvRNHFk7uB6C56puQZXJydHlPI"
    "zOCeb6OyA5MG8JBTEQPqCwYe+WXZU1Y8aLKJHHSFeRYvg3aiXy3wll46RSozubNZWbadam"
    "ryJdFY9aVm3cFQf3XtR4ob0T+ZPdsHDwgj8mzq4nTIi2J6W7dXK0R0Xpe2DD7ykH7fB95n"
    "IgKOw7SB76CQ2DQEwR5d5JFHU2eqDYJfPwv6An7n42OEljxjZT9AHDzWY+1zyUeiacMAJf"
    "OHlaFkGZ37U4+SMO7T9+qR259iFCB9rx9q1mR7MH1PcGZ84gb5RHjE1Hw6hH9n7xp/Pe7d"
    "LQ4N6llHBp0TGfFWOzDksATC6VBdLiGFUlS3VlSjtSfA9ZBEZrb3knEjtkNXB9lb6TpJBJ"
    "6f+ntn6hrbWTUQTi1Z5Zbe8aoaGWkqmfXgLQ2NV1UQwlfFAOGrHAYbHCYCTI4pOsjg+tsh"
    "yOdF6ALEneSwr+tWZa8/Wmbe9tanYO1g6Hp9YJwCouBD8kp94J4Sy/nBvqehgK69Ipotwi"
    "CaLcKiqCKIYjFkhfBAzhnubl121CaIZD5sJddxqMYpghSF4yVuaezDRMRKTKJDfYCp3wRS"
    "QyCwEymU5BAZwN0zGmqDjiQCEa58K6kYS4gH9CtACkmrq1LwNVFMqXHuQYtGrWhJPTRply"
    "81mqvigSfoAQyhFZvo3Ojr3Z9K4YPrlUbmj2YZAC9t1/uaBsyQ3bYELiDzMQkxNBGIrfxy"
    "+7LGP9O5K8T/kELmk4rtm3RxEAGk1sWRczfzu7l4M/pDiAb/TNl/bVAplP23TwZ/CfZfx6"
    "LIumb+bctbZc+1WlXptD1XR4RQFw20a09jOdpc48y/2d9omOFo3Eab7IJ8iwFYMWCyVE/B"
    "n0uoGX+CI6o20jS5hLVDjaBnzD76c2HathuMIgOcQKdklzn+3qa+ZAdbS7SzRr09NQ5rbj"
    "VSyK/YsHrQzDWH16XHRkiiDg2hQ0OijWxKFvIUrQr3suj+5u2M7gmzMB5q85b26xKGDk3w"
    "qGFAdsOVQ+FybW6vPdaDldxeIWvtwfxeJURNYaNhvDV5a5e6Uz0MXOj5hVWAX7HQByjDx5"
    "aHeFfdwg4dPqAwo554AGBnA/9aEujHSXOVKtLvao2XP9lz3q4Z3irdMGmyyewve44r7ZXF"
    "0q0S6hapmRaxRGYa0d9WDv2vH6KWSCRMRL3uP0ZNod8qU3TvGSm0Zp6IeRGOlxmG6lm2hx"
    "Y0TY3qNX5VQDqfjumfNNiMGmp0/6noRmgYZqXpdHe2YFOcBI3MojiwrZcwoxNTQnD74JBK"
    "X3mYedOQ9TUt93WRXA3Io4aCZWBayqHa/K9no6EOLs3BcHYPBds/pem6ABVmU7AqdTR7U9"
    "LR7E2+VSjyTCHcKCLo4HZy8vp1BQ6TUcWNtui9NIfntsGZyMVYdzi+E/zddyIb37FQXAu3"
    "wLEgZ/FbMmVcDfgcZ4oK8BVfcEShGe+J1TI+Pj6uGPZQIptGat8+2CY5W3i7TWn52yTZHi"
    "vgRldaWwKXFnieQ3J8czhejumkKduD7fSg5pqI5otgSAuWkpeja4Pp8n+vEfTA0l67ePf1"
    "0QoAKNWI18cyRHoQJEk6U0uytnL5WYRIdIXlyduzzL4YCDVbD6JAUR5Z6xUT85gWTLb86k"
    "250hD7bv1Lhq5hOPMq76D/czO6GZ2dAp/61roeXUxP6Xbq3VrvB+Nzem+hkeOY3DubXF5d"
    "0QuGaztO8F0HryvBauFC17U5fZqKte40VReMx32r3i703KeZZ99DXjehYhU8S7eTKt4eGT"
    "TTXkLV8fhC6nikjiYa8i4u8gRZDfJuz8qTSbyye28H0EX6ssdx3gZ3+mW+Wy0eI00r4S/F"
    "/bqjpVMS/VYUNl2MGRcHTbcT1dwDakwXlQCHg+Ed5O6L55W8Hs9LvB7Pc14P8o1e0GKnqp"
    "qaIGkDWCyVinrQw+yf/wPm0ygr"
)
