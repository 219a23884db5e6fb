"""Payouts (issue 13 item 7): payee accounts and payout preferences, payouts, crew split rules."""

from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
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
COMMENT ON COLUMN "crew_split"."mode" IS 'ORGANISATION: organisation\nFIXED: fixed\nLEAD_BONUS: lead_bonus';
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
COMMENT ON COLUMN "payee_account"."schedule" IS 'ON_RELEASE: on_release\nDAILY: daily\nWEEKLY: weekly\nMANUAL: manual';
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
COMMENT ON COLUMN "payout"."state" IS 'PENDING: pending\nPAID: paid\nFAILED: failed';
COMMENT ON COLUMN "payout"."trigger" IS 'REQUESTED: requested\nENABLED: enabled\nSCHEDULED: scheduled';
COMMENT ON COLUMN "payout"."hold_entry_id" IS 'the pending ledger hold on the payable';
COMMENT ON COLUMN "payout"."operation_key" IS 'the stored transfer''s idempotency key';
COMMENT ON TABLE "payout" IS 'A transfer of accrued provider_payable to the payee''s connected account.';"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP TABLE IF EXISTS "payout";
        DROP TABLE IF EXISTS "payee_account";
        DROP TABLE IF EXISTS "crew_split";"""


MODELS_STATE = (
    "eJztfQ1z27aW9l/BaOadOjuqm9hJ2tftdkaRlVStY/tKctvbusNSJGyxpkiVoOz47va/Lw"
    "B+gSRIERIpgQxmdm9jEoekzsHHOc/5+p/e0jWhjY6v1v7c/TR6hI7fOwP/03P0JcT/4N3u"
    "g56+WiU3yQVfn9t0vEsH0jFz5Hu6QR53p9sI4ksmRIZnrXzLdfBVZ23b5KJr4IGWc59cWj"
    "vW32uo+e499BfQwzd+/wNfthwTfoKI/Pl7b7We2xZaQFPT6SdZZu8PMmj1oN1Z0DZTvwLf"
    "xLfodc1/XtFr76z7seO/p2PJZ8w1w7XXSycZv3r2F64TE1jBb7+HDvR0H5I3+N6a/C7y2S"
    "EDop8a/IRkSPDtDI0J7/S17TN8mGvJtZ6mXV7NtOlopmk9Ac4ZrkO4jj8VUQbck0/48v+f"
    "nJyefn3y8vTtN29ef/31m29efoPH0u/N3/r6n+BjEm4Fj6I8G38YX87IB7lYtIHEyYV/KI"
    "3u6wEVFVHCfUimjcaTwc3N+JwvAZYmI4f12jKPCWVWGhHvpRVHCWeHPwwmR6dvX9Df6yL/"
    "3qM3KYcoexN24idCfZln5nChe3xmJhQZVuIb2zAxupBwMVnh+5jVS/2TZkPn3l/gP1+9LW"
    "Hrz4MJ5eyrgLPJrL0M75zQW2kGU+4IsDca30XmnnxThbsn3xSzl9xL8/cBPouwNxwuM3d7"
    "aD3/Cxo+sMwz8JN+96CDJURIv4cg/HopGD93TQ7nf5xeXfI5H43PsN608C/9X4CP39yBeE"
    "ARYE0BPFkeBOSrgXsHyAV6jICj68nV7Gp4dQEQFhIeD4LtYKcdm7CNPGSJ0N82y/qjj4Nf"
    "s1IZXly9y27t5AHvMhIy8EbtxzpNWk7n+I5vLSFfVmnKrMRC0uPoH/LIrfrGhH+geeXYz+"
    "GhXSKa2fjjaDobfLxOyed8MBuROyf06nPm6lH2hIgfAn4Zz34A5E/w29XlKCvGeNzstx75"
    "Jn3tu5rjPmm6yegX0dWIaympZ3VZEblnaWuQfPjJsgi+JYKOeFIqad334XLlo7yUC20Rlm"
    "SzRVLXQn7ZrEVy8ur116+/OX37OjZE4itl9kdkayQMtXXka9DzXC/P0hn8VMDTNNVWmkWL"
    "Fsno11n5QRWvkYuryw/R8Ozp9c8/xLy+e2BMPHJhrhsPT7pnark77olbNDZ/a3myzF7RHa"
    "w/meEvJr8vxCKuPdfAyhU0C9GKzIh+GWCxisZqMB5cK3LxOxXVegnprIrt2j8yiIbCLqTE"
    "LljZVTVYWBqZrZYtbcK3rytYJm9fFxom5FZ6E5cJIJJ3HxeAiJJNbQuFMkOrTAlZNMwiU0"
    "KSc/kjXM6hhxbWincmM3dLz+Nletymo7g3AGsEvS8QWNm6AYHlAN0BrnevOxbSySB8C9vG"
    "T8dg7APk656PgI7IIMt5tHw6hEIF5DFANwyIdW0QKIbsTGrsRbd4DRi25UAEjnSAV9+jZe"
    "IBhu44rg+g47k2QO4Sug4EmFkQvwY/4NEyIJbEi29BSG32Afy0sjzyDxve+fjF5q3jwaX7"
    "CE2QcBV/kQcxkQ3xcgVH5IP0tWn5gKwPGzxAiIfgq5YHFhbyXe/5xXGvSLNhfz4dhL9sN8"
    "2meMM/hC+g993d2gkQI/om8j+vv+9JuPcXazB4/hSg2SNnvaS8HuPP0B0D5nge0cqsxfSu"
    "frkcTc6A+4S/5tb5OLgcfCB/B/sUvjIdTX4eD0f4xhmzcrYCZWt3NWC++2sOGlBNPAn1/g"
    "TUo7sZNAUXAVa1fx7PRudnIKS/dQbD4eiaXgo2w/CZB5dJsI2iLVSnNOVekDhJ3JcyqUmV"
    "gLhHfBqGh1ZFHI6h2B8M96opDbhmGE75LT4XY4OVeriVa/NnQeM9R7iDWtceIFbAgGcVa0"
    "HeckgVPpJhL7FTBNnKkCh28pwB/MmbZ/F714PWvfMTfM4ptxnGRrGHmce1k8XJ1WTP8vSn"
    "2CzmrVv8j8BQp/IYTIeD81EvN5FrYPFN+JiOspZZu5tZmpxN+2OsnGfYRr7mjvEUd/FXgM"
    "ubi4veP4fBI1P7Bi+mObOvlAQ1Z0dWQCVjIG++RgTcQ9jy9QFcrmz3OUHwIEERTWChEK4w"
    "wfwZj0MBmkHvhTgGOuYgks28ZHP4tYL0Dgrp0f/m+FzskIzGywzjbR39+7IS/vOyBAB6mU"
    "WAMDfwF2hozYmyLsQH0kQqUicLEYT8Mdy1wwEJNrE1JlOMzTJWQVm1slNBWcWs7i6UtV6Z"
    "W0o9TamkLovUOW6A8OsZpIIowKL4GkOjkKANSBDhlcInNkI/zJRKmdATPMEn4+GszIRm7N"
    "okyCPP83ch8fufJtCOLVk+u9OxOh1hemrh/8d1oGZbzsOOnGIxhN/wM7vKrxBK2JFb0+Ap"
    "3QHEMtl17gN+yI48ehc8pUM8EsL42NAYfErceS7PWowYeuXAmYv/p8LUSz2tQ5wVAEQnmA"
    "EQLWbuA+QCoqn7/TJA1AtGan48dCMiiqUEQjJAyUiKpg5s995ySODjnb607OcXx4BomhSd"
    "nP4w+PLkzVuCW9K5YH4LPDeMo0Qr6Jgoh4g28ZJbx/JD/BStIY2NBA785EcppggzMXwwpo"
    "UrW3/GX4PfSsjxKPpJj/hjAtJgpMJZZdFe+yU4ayArQfsgRdSsgSBJ8JeA450uSm2ho4UI"
    "fp2mqgfFPmxuU8MJNXSr2gbMSBEqLEMWLKMKgiVR2KpsUm+JlCsFrlKtYgshs3SqRoDMEg"
    "60xW127zSlkrLMUqYxSdhO45m3xZpQmqoLhQvSqtDJmzcVdCE8qlAZovcy2tBKhMXB6O6x"
    "tn4tU0XRNuk7UaGdtYR2Hib2kHKdA7FF0iiG1oId3ojjXRoto6rwpYPiS3CpW7bI2RQTdA"
    "4DOXlT5XjCo0oO/twBpeIkmXqSleIkT0riJE/ycZKuzXMJFheUjAn2X1GS2S/ma8v2LQcd"
    "k/cdYstopHSkB++5UYDF0z2hUNruZm23han6WG2wHqHgBO8NhrPxzyOSlU+ob53pzfR6dH"
    "lOEvXRmvrESPb+aDKYkkv4q5EsmfsrHaEnF+tuog6GHGEHT4BGTGsVe9xTscfKc6Nij5XU"
    "q8Qe5+CeKmGdiBY6jGuI7TO2UzIVr1IYnoqCrcwqEndsamx2a43hsF1lWir2bUd+ZSPuus"
    "ivukKtp3HpNhVo/XkHWiPb9TXD1q3lrmzCDxqS53R1NmGz1rp3ltDhdRwQ4dQgflBXWbXv"
    "6P02M0nDIxxk1aAwzOIHdXSvmlvmrlMq8K51cTr95ZIRyxr2p2HwlA4zakcG/ejOu8ocDz"
    "5a8AlpT57l+5CDRYpp5ORhXWeVBw1oPUJeZxHFq0jLDFr6kVEEs67DPB4yj+roeRe2PSRT"
    "jEyOXafYx+BxXWcW4oaBNsOoVi5GdhFqtSF817rnW4a10rurOdxBaGqWD3c1ld/j54zxY7"
    "rKJxPWALucw4qoSytZ5Li+dWcZdRyEl8yjusQuleq+R4x0qTvaynPvLF5/ky3YFj/1Onlo"
    "F7lnLKC5rolnzLM6yCp2x8NTDd5BD4bBXbtyjt0Br1NP7ggfBQPmB6QH1QQarpcOROfc7p"
    "eFz9NeVsS+jUZKEz6venaSe/vo2YnF7fITk4ojAFkaFQ27ORpWN/jV/Us5vEu0cQUdsEsV"
    "HCL0iTJJgMtZug4Gsp6eVGD26Ukhs8ktPrPFtow0lZrUmyf1HN5h0yTP4+KEkYRip4wRyT"
    "bnfaeG6Hc+L5e0mO0xgeL6Lgk5+Gcj0V0lTdU9VeTVyTeVEtG+KUlE+0Zl+O9nw1b5CMWs"
    "b2dkuuQ9xHP1dDf07YlCQav17tH+Ew3fpoEP7acDEdABeUyldjwckkp9tOl3qj7aUiXrq5"
    "aMDbA7EyYuxlaGRLFTtWTcHbTu19GSMTpjdmRxx5Icsqxl1q5MdXsySSYc7SOfhlKsezCO"
    "ShHNIyEDT673gIDllCgdG0Zz9Y2otpTSM+TTM1RVNaVXyMXOEr1CFamrctgJ9R9W+kOL9Y"
    "cirWGzrlBZQdhbwII62lXf3gbdAA3UozMsn9O0vZi/0fju+W4bYe89dJfQ9zgsLvYksjT7"
    "L/onzu/eB+iSXwOuXfv5Hm82rgc+YkIr/LsPfvkw/eY1sJ37r+zAuSGf53FpOZodZCFntA"
    "jb1QtC0BiajJzuCJE8EqpjDz+/unl3MQLXk9FwPB2HEohdMPQmuYQvWFEjxsEFj8k8x9gm"
    "JnNdYorJfCaTTU10Jic0ismVmSw6kxMaxeQqTE5qcWbCgl3XhrpTHDP5yFMB55iqKR5HWs"
    "t+efzu6uoidRC+G2cCfy9vPr4bYaXlRZrX+SqKqihlTxWlVEEgqiilknpjRSlTrlHVSLtX"
    "Al0W5S6qmniSluaSLMizEo/2VSGoLbxpEuQfYvbcu95zjwP0x/f6ZWC/wY7aGBEwI12mIT"
    "ShCXz9k+u4y2dwtMLH7Zw0mv4eYPvhgXSe1i0PHB8fvzgDyF7fI6B7mI6+E1gmyscO1Pjc"
    "ml0PJbHbNSbbSNT+pq7QbeV7OBQ4vsKrwhFN9kgRNZSQ0P5JzTDZTYpFVjTtWZL92fYvm2"
    "JwDbb9Vvq+qkssjw4m2+56ECUsmkrFIZrlKhhiBlWPySTuQB2s8C/AXwXcu+g66gNaTB/M"
    "n8n9KA+EtZIJKbmbU8PqfPitkwkHJZocvo2VMqzE4aeAI/gJ/1T7GV+F9LHeiyY0OBU8Un"
    "fwCBZlgW6xuftYRLvH3mPM+hJxv09Hk5/Hw9FZNPdvnevB8KfBB3wlXBjZ9VNJ46u91Zhv"
    "+bwSSsWqXkywRxk0NcGzzK2kTr8tUaff5tRp9styXJ7BTwXaXoasA7wuA5dHv85SuHIudi"
    "TGli+uLj9Ew7MBJRkV28OrTtOXUf/hjDJTUsQoS7mVtr0fvY8EYuATE78lKDwuV2UjxvW2"
    "9khdMLGgNoameznup1VqvxSXfsltM2svrClrOWufZ94UTnceqcRT/mDu4yU0LT3P1+KQwZ"
    "igvU2Cg98A4rp+CBxZJvpq7dnoRR848JHkiD+Hk0a++MGCesHFIosJ2iuyOg7kRoQRZjoI"
    "yYOlaa9I6M9AxHaNLWQLYbuYLCoTWI6ci4d0ei6wDKq1iW7USsibxqan3/mikjmfDN7Pzg"
    "ClvXXGl9pk9PN49MsZlkpY+R8bbjfvLsbTH0iT6NV6jifAgvSNJgwe/0wu6p6xiJpQHN6g"
    "U0FjtZ76RDdy7jW0XgpwNE2k0PoCphp822wTW42dDLNOMzben7YId8vS1hDwJplF0N74tn"
    "xYowpmLV5U7QxrVMGsn6PUi4JZU2s9jLISDMrIkHUPQ6s/LoP6EUkjcdHCaBm6HbyCknG8"
    "nuIlAX+2qAiTI1ScLa+PFk3EPJObLo4mJ3s310bLLN3NhU2SOVkDkytWjGk1c4XKxrAhxT"
    "vylo1h7iZ/M0d8irsTrHZMxsNZWQkZlZtw0NCvpMEZL/or1f6sJAAsPU6gIvAXCBy5HiAs"
    "X0H8P47PFOH7Ar1Iyv/Sx5dVCt7mUSpSSwJdog+KI7UW2KKyLV4Vr2Kjg6XpQNTKHiKE5p"
    "abZ3BxZFA4vAO83XdE0Fx3HLH2IQlFC/qHZH31cnoV73Xbhp7Fi1ApKb7EErXXDyytax65"
    "hqXbRYm8xXLJ0skhGvLazohGuXN7qgaIAtCV20RJXdRtcrAC5Fl976D52TUB+LI0jekIbw"
    "VyV/MIVNV2KFEX7/3g/TJIoplOKHyoX5C7WwL9reDqRoC/9nRZfP/ac+8syrOS3ibRoH7F"
    "9iYrZrwqYN5ZZFNhbnvC3BgHlRCykKWTA1nYKvg/+ilh0SEmC4BtdSQnWrdwl1C4pC5LtG"
    "VNXTm9gzy211FSN2CYYHVolkhxuQKXVSS/iuRvD2MNd7kiarSp8avxFLI2T6iYqwprN8pO"
    "Ba8Ws1rBq833d5QBIzkcBrhPdEpK1ksFTxkLaK4LUKnoXr8UjGJHKQiqsxAUOdD4LTLLam"
    "8lNHsEo25mw6Z423RCzxOED7ZQo7eEor2Yk4pmUYq3UryV4q0U710V74Tr8JMB6TfuWjo6"
    "1O9G0fNauLgEsmWUnSK1nZLMwhKDJTVVN1suGkyNr5CQRM4Z4C90H5gWqYpFs4SW1FUWqG"
    "Ngpfs+9JwzUjUL6LaNSZ77pFi0S6wbsHDXHqcxSK1P5lhUv6esNfKu3h/KypLJyjK5NcyI"
    "bsTnczS+TCNq74bNda1hjSbb4vNRt4Jfkj/pSrt8snR7bPQZX2ltp0987HkcHb4YCYgJul"
    "fV400FDOBNIQTwJosAwKJq83zGwh0KzH9ObI0Pe7FzLENW54Em7xa7fTkPVr3IRIaIFkNg"
    "0ed2snaj/pyZXBV06A1Olhr1bdv1h7ZuLXs8PTu+Wa5f42GaEY+r1Tfwe2ye0bcEx8tOum"
    "xZhX3u4ufgeaGQpTXs9llMv1jHZSTG1XSLUcA0ZQdRwPaifvkktrBCi+CBm6ZS520WQZcG"
    "S20tO0vUl/3WyJKUpbvDfpxdoAauVq/V1FbGpvc+mdTBAUJYVkvIr/zE3C1VCKPfp6fH16"
    "wYMjMuyVtQOKdcOKcNdZ4OXobWRSQKqBMA6lQAQ0+V41ABDLuV41CWTAOWDJPELAjJZgkV"
    "a8utGqWC16uC82exshs3wt3ZhStc/rdJEyea2xz7hpn2G42b+i0aZbjIZLi0qxu4+KrvXV"
    "1q56OPg8vzM0DXJ14w5q0zHf4wOr+5IO3jIq+VJP3j2tb2z4N4LPKhKTjv8Qb5rxu8RxIR"
    "xM+4dQbD4eiaXtQNEsUGC4RFmwVeT64+4H12StsFrjyXzHt06wyvPl5fjOhD4mxcfHVwOR"
    "xd0KcYhHk2fcr5aHgxviQXTWiQwsn42ujX6/GEXIKfVpYny8QQLQOhKkCcVa5NIFr8QdV9"
    "qM5bbJeSZcnf0goC2RKSDtT8yTQef1mlhjkeVdx8/GWuhrnjcnuOF1dUigk6wN8yZKaJmk"
    "rxGbSl0z9Prlo9yuz4TwTGjWWsKm1+ZKOStVSyNtYeKd7PyVgt6fPH0MhsCm17YFU5rooP"
    "q+xRtfIsA2r6kl+xqCxqLUu5P3dOR0LYUtWNlhYifrGtJMElV+LYWhw+Xm/byCFNpwSwvQ"
    "BcX7e3E0GGUglhayGQ/Z3r1ykuFsGQtKBDUB0aVSNlIQKcC20RBpCmVLqtzLqtip3pqdgZ"
    "FTujWtkoqYuWfDHWyHeXwqkKGTIV2JPZQv9y54IcTShUI/qWdAjqBHfDWJ/tQvsUT7k8JZ"
    "UUBRnKkChulgZJRkdPnrsqjC8dxpc5pAuC+DibQQ2snSZPauWcrRojWZ235R3VhBm8Y0+1"
    "lnB5U1c1PquxLlUDh38MntJNxibqZgV+8qsJCzP0t/Ax3eQoc4KnWIrfDy5vLi7KwqUzJR"
    "doKY5dq0GypT86csClo6/i3NQdOZVOiu0iq/AdB1k1lBidxQ/qKqs8+GjBpx3ZNKEP6SqL"
    "8F0Cn+s1zKch86junAycYrUl2S+Mm1B/JruQZuiIVyAxJI/q2m7m7nXwvGH4uA4xVyBbiN"
    "myOAlD6Q1tc0EEPz1+YwXa2QKCkPYLBBYWNsi85zMA8ax/BjSnARgL3bmH4MnyF+Bp4YKl"
    "bkJg+fmaszs+q+aEJVWFq95ogeJEJlJXWCtJnuHLIE3VvaqT9aeh+K44l1maDkZI1s9kvF"
    "u6nua5vMqTJWkTKSqJJ3OMufWZVrx9EJxO+KJuLi38N3pGPlxmd/hKMasnVYJWT4qjVk+y"
    "EvGgjniIVLE0EooO5FjsIYdFxVMUc7+dnvUq8RTBniXmBWJplBsovYpUbRdVgEQmvFe0AA"
    "ld2/tzWsq5B2zkKrsDCsPoTVYdGQaZ9RRymRT04cyN6ZdhCmGIt2YwVJqnGnR2vjKJgTly"
    "73rP3KOsJBsvTSaxFbSl8l1/k04ViFOnBrayecWziidsNL57M7V+KxwZ7gpqD1AoPzdFVI"
    "8tfli8NcXkk0q2+EmJLX6St8XvPAi1teNbtkYbsOXZXYhq80hlTorrhYoF5jjQfWBDHfnA"
    "X1gI2C6+NId3WPWkDetouQZgkRZ2EFZEpWrOObnDvJ2vhMSRUEgtBazYEeSP8DkCB8FKf0"
    "aBKBBe3BC4d+n7NPfyMIJYee6jZUJPo18mKBM+sdTiIXzH4oAQfcEKAy8YPMG+pWLB55iP"
    "18oSPEC4QvQSPiT9w8iH1LcROSOi8QqqrQLVqkzCWierQr6LWd1d5FtlEnZN6hGPspmEOS"
    "j5QNhcXLWlEJlLj+hXwuWSWjAKlesrVK7tqFxPB9HHAmSv778F+KEkRsw3FhABy8fWyHoe"
    "DrGCIooKwpPl5FAQXpkFh0jRY+8LRGw1BxwFf5LCyXeWDY/JxRfbTGeF87UV55vryELayr"
    "W46SGF1lyWTGroIlFQAP6/YBnQmDNACwr2was3L1+C/8b/Af9PgRUKrFBghQIrPiuzVYEV"
    "n6PUJQcrplQ3vQ5U0x4Hq0gP6FeBKtL6biWkovcL8XGEDwAOhCYCvgseMMOAPnfXPtBDrf"
    "oMYJWaTcQHR/ivs++IMfX9C3wHBDZCKlmp1qffOmQFrCD+H8dnAuvBEelwHI09Bpcu8PAL"
    "/juwAkggnYnF1QdYrQA/D2ZfevDeQj70oEn9cbdOuGTAX2vPQqSwJn5/E8lSCq2pG60JJo"
    "+QERVTdM6Cqh912StOsJ3iHi3vPSnwtSMBj7qvJRtSntmlLZbzxKrZskizZcw+Z72ci+0g"
    "aaru2ai1T3H2WBVhdJauc6yuP69SYQG9OrEAZRUWs1pZhQ1YhTP9U5HvOrrVr2IJksYZlb"
    "3VPfxoMH9OmT/g6L+wAUWLSjxhywcC/Cb4glONQohU2VOS21NyHdVN2Fa98fQKnL56+xYY"
    "ePmAow/v+mAw6oOb6ZfDAQUa/msbF2EDfXLDypJkKYuF33IopXZg4e8s8FwZeMLhfZJgRm"
    "xg9GG8WImhpbnk3MsJpNRU41DLbav1yGI7I4BZIgfy5QBv6pGwCJRCEgbSqBo4Yu66TzSo"
    "5MW3wTecEcRPt/G1UOph3SJ8KSCLo6wjwmrC3o/BSJINiPknnqLAUO1vLb4UlDgWY7QQYz"
    "Hgj99JMMqX3JSdrnzJ0tuPypdczOp22o/Kl/w5Sl1y1OCdlbaVmcv90nKW4YBaw9l/j+qu"
    "Jw7a3h/KypfJyt+mD6jqAFpHW2LVfTunxlZRYqt3315ChPAmmWfwDH4qmNkMSQeMhLITdf"
    "TrLHWY5lqrxgfqxdXlh2h4tt9qLlEc7z5YZ6HVA0QVnjy1arEqj46TV21LKuOOnPWSCpmt"
    "XZbGJfdfIpcUErMeoeBi6w2Gs/HPozMQUN86hLHnk8Evl2e0qLbp6U/OrTMZ/TgazkbnZ8"
    "CDf0EDf/mtMxgOR9f0mm4YcOUHURmHR5OVYd9Thr0y8ZRhr6Qu2hv3QE1cZZNwPZmnCSiw"
    "XavRhFCxtryI7z6730nK0G3b33EL9zJw1u5s7XjL0dxiLeguWAyXsn2mljV0dxsGT2mt9b"
    "hjd6ktKqlA+ipuCZWQkcXAMllXBjNwYwTaAGBmI4qq0lQf9ERCBxygA/yoPrlGs5shmFsm"
    "qczGa4y05TNUTJoE51i/BK2euyYHMC3G86LxnQBL9w3nKZygp3ACZTHu2PNljaUl3PSFJV"
    "LGTbaQi2WKtnyJKVT1p38UoFEnM5XVvTere86bqOJtiIKntHKxb+5AFG90FboP0UNGARgb"
    "+w+xh7EweNGkaU62Bo5ZHu4YpSZ5JVNcKNZLGcoyGcq+5dtibWsjgk6YylkXepXweDyqxI"
    "meC49nvyzH52JEIkPWCW7vG5iweSb0e9vVC3hucw3nO0LQLW6fX928uxiB68loOJ6Ory7T"
    "1jC9SS4laU2T0eAiy1xus8cS5gbjFXOrMFc3TbyHc/wXJY2uE5IOhCTuo7eyCqxtOLB2vj"
    "ax3qctLc7JVxY3nqZTseNbx45HjNQ/bSeAgE4JYGsB4I+1vG0DnXPEKs5ZnpCvPIIfiQs6"
    "HMu1mqRDUiVnmeUsdzx7HqVwV9ARVNN6V9ejyzNAKG+dwS+DyTmNTidIFAlYHw4uh6OLC3"
    "ItbBRJro5+vR5PyDX4aWV5sgSxRyH1mrg3iEOq3EJp7gaiRlv4qtOUHfRVd2nLUxEePRXh"
    "oSI8VCaIkrpoJsgBe8NJJ+WGK49Hpd4E1bwMmYpWUW309hf7w5YnVOEVZeEVmWVaEGDB23"
    "pr4O2QeVRX+Zs+cSrwl6zyGnj7W/iYVu4GG9nKbIUpluL3g8ubi4tqCU1z133AX7NjQtO7"
    "4CndYXY27G9X/lQK+WvLAk/vhXvOiGspkxyCW1Am7Myp5FEdWm9NRilO4KMFn3qcQMXwTr"
    "8sVtFLxtRcmm6e7JphKKwqTSdVDCPmiMULRpouddsuRCgTqi75t09Pvn4bw5PkjzJkcvpx"
    "cHGRhyd9+IkDURWHKkbjOxB2tO8IxYVlmpAXHVNWFj4hkrsafB1cr7EQuwdXrrcdAJshVf"
    "55eQDXPM4eCEvzoI7EGpLkCLfa0CSTrCoAr7yDyk8kv3dQ5X/Xn/8dGG6iOeApKsXUbDG2"
    "9ZzULRWtxJaiUkwtdwoxiMOuScyVEV9JGbs5kzm1XFU28z6zmTn7gmLsxjp3qa1QqjzxFG"
    "jNreOWBrWL0VgjO1KlkHcWfsXbb0Fo0+Zw+IhW5vgmgkH9NL78cAbCs+bW+fHq3RmpEHjr"
    "TG+ur68mszOA1iuCHvQqCaLpoPcHKJTVGA6XtwHrlmjHq5NK+fwnJfn8Jzm0w9aRryH4Nw"
    "e0LcmoY6mkbeYoCnnsOZmO8jDsvLIFOsIhV0CuzECuwhV7CldUuKLKOlBSF806ODD02Z5D"
    "Uf4SmJ3kZQSCrJFwugaHVHFXOjhZTr7Wjibvs3RrS1kq1C+FWdv7Q5JbyljORsjncJUEg9"
    "Au3jHq+WPSFrVlumCl+PCV7vmWYa30nQPpr5MndYlZTTonornF8Usw067YJcG07K07Qjzr"
    "7SA4H/4tvBtYYHRLMmwLOr62RPSsyQaU/967s/X7+6CGCmN9/6FcHQd1dQjDvntHfJuPMN"
    "93CTvVyWd/4ejpXSnH9ZJyBVnCTrC/6YIFuu/rxqIgL+/H6dVlQdRfmiyLzFmGD/4X2BZq"
    "bJNhtvL52rJ9y0HH5H2H2M0Jm8rXQXbKZ7Z98oDsOmBOX4G8DIZKJWYIJGYQvoVR90LrIE"
    "unFkLtCyHIqtSwEku4yT8RNkd55J8icWZF7+qnM+A+3DqDdzfT0RnQ59jA7m1xXtQf1hHw"
    "ccsMphSpcnzL47zJ++yUp7Z4ibXTZ1fFU8uCBaIlrPKkKsa+aPOc82uxFXM3T6kcThl3Hs"
    "W1RB15LJGarhvqhGWQxB09I4LlSSRl8eaaVvl9sYITKgZpVSJDqf+JXb8VMkSYbVT59jbw"
    "Nn/kCBcPa9IXw7qvOP6YjHerWpqItspQNeykoT7mvOMlcj3b8M5XLpd9qRIlxX3cov6EFX"
    "AHV/5Whb3hzXR29XE0OQNRhctbZzqa/Dwejj4OLs8Ano+PlgHxWrx18IXBBzI0WJl45Lvx"
    "+Tm5MCc1YfDfH0cEdMMD4HJO/h6cfxzjh+hm2Ezp8CAGDcMnVtyWSRQsqcqk2M6p9pdrOV"
    "vhCylCBS+0CV6IDjRBiTNkCjSUGTRU2TK9WrNlFBrXJGK0ReB3PQHf3WGnQotkQIv2G6rc"
    "VtbuEKPcJI7xHkJz7MNljwNixPf6ZQjGHR6lWdGwmiGLaG7BRxJcxY0TjYZ4uvNA/ksGkc"
    "hTTGD5EXZEqyyIARllZhh3D+aoDOFE2A3D6EhAYzHAEQtX4ChkaeQ/C3t4RgPTXWLGA/rl"
    "gFwgiwYEJTdRNWSiHs2juFwJn9etKFHylzs/Jr8bmn0CBR2vbN2g/w7ymY6jVpZ9YHjw6Z"
    "g0tAyGgOPj421wodffVMCFXn9TiAuRW5lWksGORfkrIJ4MmexSouIBrgeYpLzDY3Kp06Ly"
    "JsQSyb8L7dnAUV2z6uTmAbvoScbPxmPSl+7a4aCEZQphQrMVjrSnuM752sTKNdl7V55l4M"
    "ctLQf/gV9bVQE5DFhvrD0POoZQRS+Wpnuz/rTCpD8trmCenfJovVzqvDZxxaHnDIkcUefk"
    "taKe3d7TQg90cWzfYlWchHMgLHrLt/ELCXdQHwRre3cNvZnw9NDqrb5VRRQyZ+TRj8RsBs"
    "hwPWwoOVhG7hrpjukvEHDvgA5WLv5icBQYVV8REOKrkOh49fxC5t3sTjd81xPL80hIWrzY"
    "yDqLBBv+IjCHC/xu8Ce5/qecS0y5lXqqCNvO6A/5pHj2G/REwQeOQVQUcOe5y53nfuvctc"
    "oB1qQDTHllWuyVOYck4K3H8cmEd/plHhkzGbPJHdMbOOD98CPeie4tMpSe8r77AJ1jMAj+"
    "gY9o23XuEf4LuA4EhGUAa8063dLOQlJIxAEsbFzmguyaeMetozsucRMB3aCbKVi6jxCRm0"
    "c6cOAT8NynPkAuVe5XJJgY64/AfcKz+AsE0LNjAAQDgkDq5guKAm+utc4EyAYVjaFDo2SJ"
    "zyl9RcXNHjRuls4sEcggJuhcGfA3r04qAAZ4VCFkQO+lFbmVrft3rrfks3hzbDJLL7XTYn"
    "B5Prkan58BbH96rmXeOuOr6RmwXHTr/DJ6dwae4FwOLwY5E7aURkgqtSB4geLXk6ufxzQA"
    "fOW5j1aYt3R4UdiuoRfF7RfEmcYUHcQr31QBLN8UI5ZvCpoQBEdtjssV6uAztO0xJT/LuN"
    "7PDzFQ0foKdqsZdlNoi0JbFNrCRVsuXd+6s4zCpm+p+/0y5MXJjtyIv1w5EEDH954Drxbh"
    "0BcIsM8BBrkPj8HEfULgyfIXeNyfeJXa+gpB7QE+/wmOCGiyyqu+NT/+1mEDxM/IMObP7y"
    "zz+z9fAN2DIGycQRx3NMgOzJ8BtvagF0Q/UhceAWYQZjTAryiCXhKshf2gkiDgdMcOSzTm"
    "V4Ew+2uN195YU2kilaLgrm1tfpZeZob3sDI5HXwYTUlWd1Cl/dYJexJO46aEiOaCT2kmOC"
    "KZ4pOfsBJLuhYude8Ba/ikb+FgOLy6uSRvGt5MxrN/n0UAMrYHjbVn+c/bwAenVeC102J0"
    "7TQHrtEQFCHwMiKQWZBbrpyTl1W6GOJRhQym96qUVS5mcKfKKmfg4Ur8fVPC3zd5/nY/mn"
    "1bLKz2zaIkeH0jo1Wx6urHLauDCnA6S9c9ePfVSZVkGDyqpM1sLh3G4IdhF8I/xk4h2J0G"
    "f4h6nudkcbxhNL69wYZ1mD2NRBMqMLt41ncXzFY9SLdZgDJJuZKnilbm2qY0ua7KkrdBvq"
    "aFlhZCWy3kLK2StMySVt7HWhVQ5X1U3kflfdzofbz24B0kaauwt8EPyYzsV/VIaqs00ebg"
    "8MhhaCxcy4Do29CFSN2E7prEZ3vuE1joiHrzQsmiOCuPfTn6Knk7Iil6uaIbe3jd5ujuQn"
    "ehPDvYQeOKm/ESGgvdccKpWxWjYGkUTlE7TvH32oK+ho8Mz9eWlrP2OSj+dKnbdqFCxH+C"
    "xPURRLWj05Ov38aKEfmjTCeafhxcXOQVo4BJ0DF3YnKaXrE440pdQlJYRsybmtB0D66v3z"
    "Wy8qxHzAxtFbRt4PUGL+sbySNXDSQFGkgqc7VXq7mq4NqOgfQc0Id+fc6qFjECN1ngVw6c"
    "ufh/Gra/ZTAIara+d7KoL6B5D71BENfV4xjS6QH9MvvZpkM1nRlbc4nbKOKR5iaTf8SVq7"
    "JhrkKhrKp8Lbm3j/K1KsS1wdCmeFVU5W5M0EH2NhNmc4jienLzuebqeoXKedkefRD9vFs9"
    "nlSoTbFA2qnFF4Xa7KTF1614jki+VbHaGdyuonTCeGStKucuWqVKkKrb9WGZcLlyfXKais"
    "YVc0g7V7nm5E2VyhF4VHHqx5tc7QilsTcJBUPHDMv6iyDACZUCfgWAXxveI8207iHiKDkl"
    "tWbSZGpiV6kLTyrWijA5JlDsrcBerJEinpFUzN+EooMMbuTg8yD+pYjfa6mMzyxV99yhzc"
    "AqOhLtfsKQNNr9pC3xQuy8JXAIRIIMzZDVyFQZXC478xS59uMWPE2RKZ4qxGlXBsuEMFVK"
    "DkDwbzEwNySoJTDrs/G4Jfxe6GghorBE47unqtSjdgvApYxdjxcRqbLCmfkh5fufJtCOa1"
    "/xYxwCDPQ6eFZ7t7FcuMM/zePKEdMKkWWGqxux5RUztkl0+fdeVF8n0Bfma+MB0m0PWWaQ"
    "hhC0TlPNeeWMbkiLr7oU0nQyN5uSUiCMshGuk6qHXzS+g5hIlSLdxTW6cyW6k72oKm8Tig"
    "5ytwoIUgyB5ACQA7TRlI6/n0+3TOlY32RAD3XMi/eKLurCq/KZMzpHHPiQZq5wQnMm4KKd"
    "rN0YWc3OrFRo9WQ0nU3Gw9mhMpuv9ecl/rihjmCPY7Swt/tlJssqGKgZ0UgVDtPZcJi/3L"
    "ngxppQSN8ynjaCDFrXAPzZ4GkBHZrKHlawBQaph026QQLdIYVp4YpU0Z4HP29vIHbYW0fU"
    "e5Uma/aMa59rwPXudccKSqULcpZDqvyDaRvZ13mp09WqYMfETSm++Y1aX+M3edZ/QgROZA"
    "sZ3Mx+uJqMf6OFrZnn3DrRndF5cgOat85wcD27mYy069HlOaUy9JW/9qAWxlzdOj+MLjDN"
    "AjPp1pmMLkaDKTPaw/oEcUzHo8MR5/EtTHU9GJ9rVzezM7DSLaw2rP1b5+er8TkZ9ehaJh"
    "kz+vV6PCEX4KeV5UH6rvc3l+fBk/DRZQZPmszGg4uLf2vJ3ZXu+ZZu289aMu79YHxB7t3p"
    "lg0r7o+ZCIsqWPpJMZZ+ki8Qqyyvhi2v7oIKvWTJAt/1dUy+tBzXA/i9Pqo4vw+DNwTbia"
    "ltIxwOsUp32U4O0d64lRw4xNLKIfxYRNVmvFyOwgA1/E/dMYHpOvCFzAsmOja3FFSOWF5B"
    "kYM76vUTrvRYaSC9nrFlD6HUm9vcg/qD6T5xAlOLS1OliPZfm2qLwwfbnP/Btig1PRmDlD"
    "RVtQz8dMNdkuKleHQf+PqnfnREiQhw3xWs7jFbn3QhZYwh6aAuVn+T2wiZE4snTlPVEqTT"
    "hKOeojXhjPgCgfCrt7I0mojlNjB/7/khxiXWBkvUvfCoRhgdK+baNn4fPnU7oMrQ5AdBzB"
    "BYuLYZnebRz4rDvfYF9ei+D5crkb4gDIW0la56KX6C8JPBkQ5MaNiWg9UlQ/dMsNSfwZzo"
    "UJjV0BTTcmurjhXhR3N453oc2G1DpHOOei+V0CUBNVsX6xzBf/qdzyvEsqmxQYZYiVpiUZ"
    "sWWq19qLl43+cYpWXpu1lSuXN4e7oDyJeC8LOx3QPhf2BQVjqcszufaTUm+RKMe83baYsV"
    "PYZkf5ZMT9CZsS2mXKld4WlJu8LTfLtCVUGzVh2BmyLTSH7MXoAssjHYOvLBneUQJ2LQx5"
    "pYhdD7ksSlAEQwSHLHWS/n+U7ce9LMVP7ZZ1LxSFWr7bLUOepa+PVs/2IK0QrCEWkq1ZZi"
    "u1y4pWVD5LsO3DEbLgyB/Bg9roUrTCAhLjd388wTrJj8LnlOG6frxtDe9GqtEtxbR8BuMh"
    "2Lo3ZTU3Zz6O4yNXxj4yE8A0DkO9QB0a+wqhU4PPuJA9F1gOUj4D45pFPQysaMjCMpSZMg"
    "+Am/xH7G42C+2VAzr+BWeI7ilvHuY9FfuFNhZxVzXHfMcSyX6gYLSyJzVNHB7D/f8m3Bji"
    "shQefgipNKcMVJCVxxkocrOhwI97TQfZBEykOPuF4RuHM9fNVCwa59RLZlhGcTjDxSNCJB"
    "6rgf+rlCPc4SilZEkcTiIT380hEjNDKLRosEUkN9EMacYGEbC2g8uOuKvvV9x5HIHVzO2d"
    "aYWpoi0osjvksivSsur4bDTpIYuC1abadIVRNmeRCOPLB1sBp6smlnjWTZRmbJjkm2mTTO"
    "dnJ2oyXOzCuZmge/D9wRVyvC8+Cn5yz23Jh+mcUeOjiIJ5cZ3myJIHJIrulnOPCTr4XRL2"
    "SLFqsKpEzj2hvzSrwDtwNfTuWArrZVIwNKmWOS48TEEZN9GCcfxkmHQVpgkBQYJQBG6X+3"
    "zmwyuJy+H02IcHUH3VX2ozYe5+zpSyHLLaFoheUW29xhvDMWl20DB0ITG2rYCvdIGjoN2A"
    "tzOWxbTmPtc2mn0btDZ9+5q+/PviP7Lf5PeGh+v82CaSZsupOBuocLqIl1pG1hiDVvO2oF"
    "DjG9GQ5HI5oKjtaGgXelejLAm0AmEPmNAgdFQrHTQdEeFKKRbZ+Ew3MWR+FWE4+XN+SMnL"
    "EILHUTgifLXwTYd3gu7X/7IcFvGvQ8XgeUGTba+GxOU3XAs1OGro1+nZXP6xhcu7i6/BAN"
    "z072NNuz9nCO9+VoJ4d8P0Fekthm7UM8VQBnx0L5VADn5yj1ogBOgWjDJmHjD4GVPyJB7B"
    "NouF4aWy0e1S+DjkPsQKOx8fXDxr+z6fn0HQRmzMZS/Z64XHcDk1WJ+XrjIIpBZlWoIZvg"
    "dFIlv+mkOL3pJFex+FG8TANL00EmNwJ6UQYJ8Dga30H+NtJVz53/BQ3RiZwikpnTQdEFz3"
    "20TOiB4LNJmSQP3kHfWNAYKnz82s9g/gziY06KiR+2+xARC0MicSUSwksHy4EUFws+mHpA"
    "6OYIFlga0KFx4tJIwjVoScltrIkMaXvMiV4ski9osD6g1jDxvJPvBKFvK1pZO3uuJLc08g"
    "bmSn+2XZ2zaZY5MGOSNngwpUWmPWhA63HLWMUUaXuWY9et+yqYzucbNTy4vr4Y0yLUWFWx"
    "ZPXUhbiAiNOIJZHWb3QwB3VbXRW16B/mGgaqRpiMQn5NVMWLZA4atm4tAQ09R8DCtxZQ37"
    "2pg0x7YiU95GBexPa4xxtxI4Y78RbLMk2p0iVkW12SOBSGHnya4pni9zh+hORmv8x9gG22"
    "Jw3F4zYmif/gPpE2OWx3lKBMK2Qzu6NsbQsB+uxv6f7MEoEHCFdR7S/k51PFm3rRrTPBp0"
    "DQBShFT4sum+CIVmKOaklH+XI0Jf1FHx8xj9ADtLJeUeq5SjOXKZZemg5Acvmg6gmtJ/vJ"
    "ttZWRLtHY4sVqKjFdTX5MLgcTwez8dXlWWqDwZbW+FdqaFmfiN11MRqca++uLm+mZ0T3NL"
    "W566yrlttv2P5aQlImTZuvhMLq01T7B6aYfWi+tmzfctAxea3oVtRbI7x5Wyb48nsw1xHZ"
    "813CeXBERVcxjX3fWFYyh/hyK7Sc84TKfs7az6oAZa3sjCKj5py4guKDNk0lfZX2PR+yKk"
    "6tePq2E8mWPE7tmthYg9BPzC9GltzvbyhEBqHGuJyrFiHDZLSaSdYJfOSSYq+uM3fxryR2"
    "G1YuPTzgRVTpxF372JCDd5C094OoqAJZrc9XNqAUO2aJDfjk8Krol8SuRAQSpyJiE+TsOy"
    "KN77H2TRTb8K9tDI23VZpyvi1uyvk215SzLdGFe6pG1oAnLdixBIOy0lRtaQLFHCBSBPvQ"
    "r/HEGs4mJJ2b3FXiZovDZnNRs8EpizTokN/OixEv64nBoZa7LUYdZ2ONXS+CXmXbcp9Drb"
    "gvwH0T+rplIw2t50vL94X5z6VXEhCQAOlqa3mQFNdCmrnmwNtlWeV5WjnQUvK+QyjtjQCi"
    "4eaiFcQ+FyJ3OTpp4dAewWNQaG8iMIcG/ukg/H5w9ACfA4cmsfdt9z4ceKDGdMhYQHNdVH"
    "e4QtgdQ79PZ5CjsU2nRFxBl1pYo/MMJE+5dc4H44t/nwET78DPt84vo9FP5M8nCB/I3x8H"
    "lzeDizOw1J21XrGOT9NGRPBtmskz1AqXUZpI3jX0Evw3+Og6+Dv7YRljGAoDsFPuAAvmGS"
    "+DbfDcFGFrooJ6NNSCti8N7Dhs0dFQW/Cko6C/k/dZxuUp31Oty0pVcShmdTv9JKqKw+co"
    "dfm9Y6RoPt8vFpbTL/WIRWM2usIGcT1OGutoGJgLZpxPp+FHkaeSVFWaZ1fk1Mr7wOp8cJ"
    "VKw7E7hdloVY3hw/rEBMt0yl+akxZTXeoPQapHkCMM3MjglKF7zKHdkIc+jhp2OdIsascQ"
    "c8swNB1k8mmViibFBU0+o/ZHS8txPYDf4qP4cPQqZ00epLGRAwscBCXSSGjkxW2CBGyqgS"
    "D8uQTxvPPcZaSL0Bt3loeq+oMP03VK6kTkvEZTWx7y9YAUml/plqQZyPjt9/dFx/Bm0TDk"
    "Mp8XvcnoXzfYyAq6SOE3IZ+kJowuB++oREJXwq0zHf4wOr+h1yJQVBJB4R/kW06cq1H1RM"
    "+QySykbcMtmghpWbj4SZCEqAgmSeUIpQ/fDuo9BfsVwNMdL2dAfgXJ8WPOmJ3xaKEWJWHb"
    "H9HuCTlCmec7ZXzY1iLSsb7A1lrSAUKg0vYeqsqFnygYYpch60Li/B6YTVSEtSdUxY8h6V"
    "xI3Wkl/OG0BH84zeMPsSIgmJ6TpZN+h99zgo5yPBXP6na6IJTj6XOUuuSOp+mzYwxtC/KT"
    "spi7/TIHFIkh0Yxk4GYvlENKigGLWMRE2HN37ZjEN0SgMppQjfVmiseQv8DR9eRqdjW8ug"
    "AIBi6S1y84HqgaHnrr3Do/xbU9Ftb9Ah9SYLn2g7Iflkmv42fRih1BRR0aCGRV9VwpF9VB"
    "XVRkHghaowyJaoPJ6SUUrQ4uW8uAYx61tBCyaAjSnrFhpS92TXNQ+uLnKPUW6IsfPL1YXQ"
    "xubtYW7+NxFUKWqPJG4FQEdIAMdwWpzqWTGF+EtZEj5K49A74ATwvLhkB3nqM7HlzqJFcl"
    "ryzW8FCiLH4kEw7/P+mq+wxCTw6KYF/6m6M6cYQWAdt6hFhHxY/HbPiKsgEdr55fFKmPv7"
    "P6B/1M+g/6bbmWOULKpWqLU+9h3E6ls4XYWLwKqqK6McHefN97A84b6c0S7i4iHI4pZHYW"
    "HZrHEh3iH0Ozq+gcj+9vPsqX7NCNp/ks8dcFDZNJuLBLCuis0QJfjJ52Rk/ila0/46MXPZ"
    "FD9U9zvbItA0+jP4NGuhYnDrmB53NP5QDuCrdo1ohVZ3IrzuSU/KqeyikidS5nC4FuCwQd"
    "DAPqyCxPhwiuOfU8S07umKKLJ3ftEWTBmZJncHHPg4RCZgb3wlrm5MCkkVdAR4AUSgA+/m"
    "XZU1Y8j7aJXggK8yxeBu1Ev4owT4kU56tVkcqM72xWlt1VNTWZlJQ0FrpzDyP91XOfCG5E"
    "/knt2T54tJAV5tSt8Icicttwl0sL67we6Tt55FvGQx/4n7AIOA7TBt5BILFZBII9eZaPH0"
    "2cqS4If70WBkkGPRUILX7G0n2EKHysT3sw4j+xpg1DlCwYVoaS5dIDCQnlPvmuHr79e4IC"
    "pO/1I80abw924AnOjGdu4L8wj6iaT4bw7+xd4z9YfhzxrFsmmRMZ8VY7MOSwBKLpUF0uEY"
    "VSVLdWVOO1J8D1iERmtvfYuBF3RVYH3lvjDDDdCLAHunemrtGdVQfR1JJVbukdr3JKZIpK"
    "Zj14S0PjdRWE8HUxQPg6h8GGh4kAkxOKDjK4/tRe+bwIXYC40xkoIuwNRsvM2976DKxXCH"
    "p+H5hnACv4EH9SH3gkH+7RfUiSSknnsGi2CIuiiiCKxZAVQmFBqLKj9iA1oTqn4xCNUwQp"
    "isZLnN4TwESkix6DDvVpmzzS5w7zO7ATCZS0wjKAFXtU7QM6kghEuA6spGIsIRnQrwApsF"
    "ZXpeBrrJgS49yHDola0Vk9lLXLF1jKjuuDZ+gDBKGTmOjc6Ovdn0rgg+lSx/OHtMZAC9fz"
    "vyQBM3i3LYEL8HxkIYYmArGVX25f1vgnMneF+B9RyHxS0X2TLA6SH8yui6PVvRYUjPE18k"
    "OwBi9WclfZfzLoz8r+U/afiiLrtvm3LW+VPddqVaXT9lwdEUJdNNCmtFpWgXE2jUppbTDM"
    "4pJbm22yS/wWE9AKqHipnoE/F1A3/wz6xtNq5om1Q4ygoHXgn3e263rhKDxgFeqU9DLH39"
    "vUS3awteh/BU6JaLy8NUO3PCVOqzS8Oi3ueHUatrwqNqwedZvXeab02IhI1KEhdGhItJHN"
    "8EKeWcvCvSy+v3k7I3uCFsVDbd7SfiEdGgKHJm3KgHfD5YrA5fqcNDylTVF1sLSctQ/ze5"
    "UQNYGNhsnW5K894k71EfCgjw1rcu0JTzoa3OK78WPLQ7yrbmGHDh9QmFFPPACws4F/LQn0"
    "46S5ShXpd71Gix/dOW/XjG6Vbpgk2UT7y52jSntlsXSrhLrFaqaDLRFNx/rbcuXTcvgkRI"
    "1JJNy6Ur5Cv/e1k6lM0VozUh7w14uYF9F4mWGonuP61h1JUyN6DfniPiDz6Zj8kwSb0Xqj"
    "eP+p6EZouoI+Zti9K9jYmKGRWRQHtvUYM5qZEoLbB4dU+lqM1JtmOV+Scl+X7GqwfGIoOC"
    "YipRyqzf96Nhri4NJXCIrW2s3SdQEqzKZgVak6ikeVJGHlqo76lm8L4UYxQQe3k0Zq585d"
    "kzORi7HuaHwn+LvvRDa+Y6G4J3SBY2EPfaC32KvxlPF0EHCcKiogUHzBEYFmfFLivQ+Oj4"
    "8rhj2UyKaRxtCPro3PFt5uU9o0nSVTvdIFeqVjfUSbQ3x8czhejumkKduD7fSg7tkWyRdB"
    "kBQsxR9H1gbV5f9eW9AHC3ftod3XRysAoFRvqADL4OQJFbeGYkg6U0uytna2WYRIdIXlyd"
    "uzzD4bCLU9LaPyYu3hoWsYzbzKO+i/bkY3pN1QQH3rTEeXszOynfrZhlG3zvnk6vqaXDA9"
    "d7WSpTMRrYULPc/ldJEq1rrTVF0wHvetenuQdBny3QfocI6ZYhU8S7eTKt4eGTSiYqs6Hs"
    "XbTrfqeKSOJhLyLi5yhqwGebdn5ckkXtm9twPoWcaix3Hehnf6Zb5bPRnTpONWyAP7ubhf"
    "d7R0SqLfisKmizHj4qDpdqKae0CNyaIS4HA4vIPcfVWp19qrkl5rr/K91vAbfcjrlV2spj"
    "IkbQCLpVJRD3qY/fN/+E6D/A=="
)
