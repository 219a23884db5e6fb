"""Payouts (issue 13 item 7): payee accounts and preferences, payouts, crew split rules; the
stored operations gain the payout kind."""

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
COMMENT ON TABLE "payout" IS 'A transfer of accrued provider_payable to the payee''s connected account.';
        COMMENT ON COLUMN "finance_operation"."op" IS 'AUTHORIZE: authorize\nCAPTURE: capture\nVOID: void\nREFUND: refund\nTRANSFER: transfer\nPAYOUT: payout';"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP TABLE IF EXISTS "payout";
        DROP TABLE IF EXISTS "payee_account";
        DROP TABLE IF EXISTS "crew_split";
        COMMENT ON COLUMN "finance_operation"."op" IS 'AUTHORIZE: authorize\nCAPTURE: capture\nVOID: void\nREFUND: refund\nTRANSFER: transfer';"""


MODELS_STATE = (
    "eJztfQ1z27aW9l/BaOadOjuqm9hJ2tftdkaRlVStY/vKctvbusNSJGyxpkiVoOzo7va/Lw"
    "B+gSRIERIpgQxmdm9jEoekzsHHOc/5+p/ewjWhjY6vVv7M/TR6go7fOwP/03P0BcT/4N3u"
    "g56+XCY3yQVfn9l0vEsH0jEz5Hu6QR53r9sI4ksmRIZnLX3LdfBVZ2Xb5KJr4IGW85BcWj"
    "nW3yuo+e4D9OfQwzd+/wNfthwTfoKI/Pl7b7ma2RaaQ1PT6SdZZu8PMmj5qN1b0DZTvwLf"
    "xLfodc1fL+m1d9bD2PHf07HkM2aa4dqrhZOMX679uevEBFbw2x+gAz3dh+QNvrciv4t8ds"
    "iA6KcGPyEZEnw7Q2PCe31l+wwfZlpyradpl1dT7WY01bSeAOcM1yFcx5+KKAMeyCd8+f9P"
    "Tk5Pvz55efr2mzevv/76zTcvv8Fj6ffmb339T/AxCbeCR1GejT+ML6fkg1ws2kDi5MI/lE"
    "b39YCKiijhPiTTRuPJ4PZ2fM6XAEuTkcNqZZnHhDIrjYj30oqjhLPDHwaTo9O3L+jvdZH/"
    "4NGblEOUvQk78ROhvsgzczjXPT4zE4oMK/GNbZgYXUi4mKzwfczqhf5Js6Hz4M/xn6/elr"
    "D158GEcvZVwNlk1l6Gd07orTSDKXcE2BuN7yJzT76pwt2Tb4rZS+6l+fsI1yLsDYfLzN0e"
    "Ws3+goYPLPMM/KTfP+pgARHSHyAIv14Kxs9ck8P5H2+uLvmcj8ZnWG9a+Jf+L8DHb+5APK"
    "AIsKYAni0PAvLVwL0H5AI9RsDR9eRqejW8ugAICwmPB8F2sNOOTdhGHrJA6G+bZf3Rx8Gv"
    "WakML67eZbd28oB3GQkZeKP2Y50mLadzfMe3FpAvqzRlVmIh6XH0D3nkVn1jwj/QvHLsdX"
    "hol4hmOv44upkOPl6n5HM+mI7InRN6dZ25epQ9IeKHgF/G0x8A+RP8dnU5yooxHjf9rUe+"
    "SV/5rua4z5puMvpFdDXiWkrqWV1WRO5Z2hokH36yLIJviaAjnpRKWvd9uFj6KC/lQluEJd"
    "lskdS1kF82a5GcvHr99etvTt++jg2R+EqZ/RHZGglDbR35GvQ818uzdAo/FfA0TbWVZtGi"
    "RTL6dVp+UMVr5OLq8kM0PHt6/fMPMa/vHxkTj1yY6cbjs+6ZWu6Oe+IWjc3fWpwssld0B+"
    "tPZviLye8LsYhrzzWwcgXNQrQiM6JfBlgso7EajAfXilz8TkW1WkA6q2K79o8MoqGwCymx"
    "C1Z2VQ0WlkZmq2VLm/Dt6wqWydvXhYYJuZXexGUCiOTdxwUgomRT20KhzNAqU0IWDbPIlJ"
    "DkXP4IFzPoobm15J3JzN3S83iRHrfpKO4NwApB7wsElrZuQGA5QHeA6z3ojoV0Mgjfwrbx"
    "8zEY+wD5uucjoCMyyHKeLJ8OoVABeQzQDQNiXRsEiiE7kxp70R1eA4ZtORCBIx3g1fdkmX"
    "iAoTuO6wPoeK4NkLuArgMBZhbEr8EPeLIMiCXx4lsQUpt9AD8tLY/8w4b3Pn6xeed4cOE+"
    "QRMkXMVf5EFMZEO8XMER+SB9ZVo+IOvDBo8Q4iH4quWBuYV811u/OO4VaTbsz6eD8Jftpt"
    "kUb/iH8AX0vrtfOQFiRN9E/uf19z0J9/5iDQbPnwI0e+SsFpTXY/wZumPAHM8jWpm1mN7V"
    "L5ejyRlwn/HX3DkfB5eDD+TvYJ/CV25Gk5/HwxG+ccasnK1A2dpdDZjv/oqDBlQTT0K9Pw"
    "H16G4GTcFFgFXtn8fT0fkZCOnvnMFwOLqml4LNMHzmwWUSbKNoC9UpTbkXJE4S96VMalIl"
    "IO4Jn4bhoVURh2Mo9gfDvWpKA64ZhlN+i8/F2GClHm7l2mwtaLznCHdQ69oDxAoY8KxiLc"
    "hbDqnCRzLsJXaKIFsZEsVOnjOAP3nzLH7vetB6cH6C65xym2FsFHuYeVw7WZxcTfYsT3+O"
    "zWLeusX/CAx1Ko/BzXBwPurlJnINLL4NH9NR1jJrdzNLk7Npf4yV8wzbyNfcMZ7iLv4KcH"
    "l7cdH75zB4ZGrf4MU0Z/aVkqDm7MgKqGQM5M1WiIB7CFu+PoCLpe2uEwQPEhTRBBYK4QoT"
    "zNZ4HArQDHovxDHQMQeRbOYlm8OvFaR3UEiP/jfH52KHZDReZhhv6+jfl5Xwn5clANDLLA"
    "KEuYG/QEMrTpR1IT6QJlKROlmIIOSP4a4cDkiwia0xmWJslrEKyqqVnQrKKmZ1d6Gs1dLc"
    "UuppSiV1WaTOcQOEX88gFUQBFsXXGBqFBG1AggivFD6xEfphplTKhJ7gCT4ZD6dlJjRj1y"
    "ZBHnmevwuJ3/80gXZsyfLZnY7V6QjTUwv/P64DNdtyHnfkFIsh/Iaf2VV+hVDCjty6CZ7S"
    "HUAsk13nPuKH7Mijd8FTOsQjIYyPDY3Bp8S95/KsxYihVw6cuvh/Kky91NM6xFkBQHSCGQ"
    "DRfOo+Qi4gmrrfLwNEvWCk5sdDNyKiWEogJAOUjKRo6sB2HyyHBD7e6wvLXr84BkTTpOjk"
    "zQ+DL0/evCW4JZ0L5rfAc8M4SrSEjolyiGgTL7lzLD/ET9EK0thI4MBPfpRiijATwwdjWr"
    "i09TX+GvxWQo5H0U96wh8TkAYjFc4qi/baL8FZA1kJ2gcpomYNBEmCvwQc73RRanMdzUXw"
    "6zRVPSj2YXObGk6ooVvVNmBGilBhGbJgGVUQLInCVmWTekukXClwlWoVWwiZpVM1AmSWcK"
    "AtbrN7pymVlGWWMo1JwnYaz7wt1oTSVF0oXJBWhU7evKmgC+FRhcoQvZfRhpYiLA5Gd4+1"
    "9WuZKoq2Sd+JCu2sJbTzMLGHlOsciC2SRjG0FuzwRhzv0mgZVYUvHRRfggvdskXOppigcx"
    "jIyZsqxxMeVXLw5w4oFSfJ1JOsFCd5UhIneZKPk3RtnkuwuKBkTLD/ipLMfjFbWbZvOeiY"
    "vO8QW0YjpSM9+MCNAiye7gmF0nY3a7stTNXHaoP1BAUneG8wnI5/HpGsfEJ959zc3lyPLs"
    "9Joj5aUZ8Yyd4fTQY35BL+aiRL5v5SR+jZxbqbqIMhR9jBE6AR01rFHvdU7LHy3KjYYyX1"
    "KrHHObinSlgnooUO4xpi+4ztlEzFqxSGp6JgK7OKxB2bGpvdWmM4bFeZlop925Ff2Yi7Lv"
    "KrrlDrm7h0mwq0/rwDrZHt+pph69ZiVzbhBw3Jc7o6m7BZaz04C+jwOg6IcGoQP6irrNp3"
    "9H6bmaThEQ6yalAYpvGDOrpXzSxz1ykVeNe6OJ3+csmIRQ370zB4SocZtSODfnRnXWWOB5"
    "8s+Iy0Z8/yfcjBIsU0cvKwrrPKgwa0niCvs4jiVaRlBi39yCiCWddhHg+ZR3X0vAvbHpIp"
    "RibHrlPsY/C4rjMLccNAm2FUKxcjuwi12hC+a93zLcNa6t3VHO4hNDXLh7uayu/xc8b4MV"
    "3lkwlrgF3OYUXUpZUsclzfureMOg7CS+ZRXWKXSnXfI0a60B1t6bn3Fq+/yRZsi596nTy0"
    "i9wz5tBc1cQz5lkdZBW74+GpBu+hB8Pgrl05x+6A16knd4SPggHzA9KDagIN10sHonNu98"
    "vC52kvK2LfRiOlCZ9XPTvJvX307MTidvmJScURgCyNiobdHA2rG/zq/qUc3iXauIIO2KUK"
    "DhH6RJkkwOUsXQcDWU9PKjD79KSQ2eQWn9liW0aaSk3qzZN6Bu+xaZLncXHCSEKxU8aIZJ"
    "vzvlND9Hufl0tazPaYQHF9l4Qc/LOR6K6SpuqeKvLq5JtKiWjflCSifaMy/PezYat8hGLW"
    "tzMyXfIe4rl6uhv69kShoNV692j/iYZv08CH9tOBCOiAPKZSOx4OSaU+2vQ7VR9tqZL1VU"
    "vGBtidCRMXYytDotipWjLuDlr362jJGJ0xO7K4Y0kOWdYya1emuj2ZJBOO9pFPQynWPRhH"
    "pYjmkZCBZ9d7RMBySpSODaO5+kZUW0rpGfLpGaqqmtIr5GJniV6hitRVOeyE+g8r/aHF+k"
    "OR1rBZV6isIOwtYEEd7apvb4NugAbq0RmWz2naXszfaHz3fLeNsPcBugvoexwWF3sSWZr9"
    "F/0T53fvA3TJrwHXrr1+wJuN64GPmNAK/+6DXz7cfPMa2M7DV3bg3JDP87iwHM0OspAzWo"
    "Tt6gUhaAxNRk73hEgeCdWxh59f3b67GIHryWg4vhmHEohdMPQmuYQvWFEjxsEFj8k8x9gm"
    "JnNdYorJfCaTTU10Jic0ismVmSw6kxMaxeQqTE5qcWbCgl3XhrpTHDP5xFMBZ5iqKR5HWs"
    "t+efzu6uoidRC+G2cCfy9vP74bYaXlRZrX+SqKqihlTxWlVEEgqiilknpjRSlTrlHVSLtX"
    "Al0W5S6qmniSluaSLMizEo/2VSGoLbxpEuQfYvY8uN66xwH643v9MrDfYEdtjAiYki7TEJ"
    "rQBL7+yXXcxRocLfFxOyONpr8H2H54JJ2ndcsDx8fHL84AslcPCOgepqPvBJaJ8rEDNT63"
    "ZtdDSex2jck2ErW/qSt0W/keDgWOL/GqcESTPVJEDSUktH9SM0x2k2KRFU17lmR/tv3Lph"
    "hcg22/lb6v6hLLo4PJtrseRAmLplJxiGa5CoaYQdVjMok7UAdL/AvwVwH3PrqO+oAW0wez"
    "Nbkf5YGwVjIhJXdzalidD79zMuGgRJPDt7FShpU4/BRwBD/hn2qv8VVIH+u9aEKDU8EjdQ"
    "ePYFEW6Babu49FtHvsPcasLxH3+81o8vN4ODqL5v6dcz0Y/jT4gK+ECyO7fippfLW3GvMt"
    "n1dCqVjViwn2KIOmJniWuZXU6bcl6vTbnDrNflmOy1P4qUDby5B1gNdl4PLo12kKV87Fjs"
    "TY8sXV5YdoeDagJKNie3jVafoi6j+cUWZKihhlKbfStvej95FADHxi4rcEhcflqmzEuN5W"
    "HqkLJhbUxtB0L8f9tErtl+LSL7ltZuWFNWUtZ+XzzJvC6c4jlXjKH8x9vICmpef5WhwyGB"
    "O0t0lw8BtAXNcPgSPLRF+tPBu96AMHPpEc8XU4aeSLHyyoF1wsspigvSKr40BuRBhhpoOQ"
    "PFia9oqE/gxEbNfYQrYQtovJojKB5ci5eEin5wLLoFqb6EathLxpbHr6vS8qmfPJ4P30DF"
    "DaO2d8qU1GP49Hv5xhqYSV/7HhdvvuYnzzA2kSvVzN8ASYk77RhMHjn8lF3TPmUROKwxt0"
    "Kmis1lOf6EbOg4ZWCwGOpokUWl/AVINvm21iq7GTYdZpxsb70xbhblnaGgLeJLMI2hvflg"
    "9rVMGsxYuqnWGNKpj1c5R6UTBraq2HUVaCQRkZsu5haPXHZVA/ImkkLloYLUO3g1dQMo7X"
    "U7wk4M8WFWFyhIqz5fXRoomYZ3LTxdHkZO/m2miZpbu5sEkyJ2tgcsWKMa1mrlDZGDakeE"
    "fesjHM3eRv5ohPcXeC1Y7JeDgtKyGjchMOGvqVNDjjRX+l2p+VBIClxwlUBP4CgSPXA4Tl"
    "S4j/x/GZInxfoBdJ+V/6+LJKwds8SkVqSaBL9EFxpNYcW1S2xaviVWx0sDQdiFrZQ4TQzH"
    "LzDC6ODAqHd4C3+44ImumOI9Y+JKFoQf+QrK9eTq/ig27b0LN4ESolxZdYovb6gaV1zSPX"
    "sHS7KJG3WC5ZOjlEQ17bGdEod25P1QBRALpymyipi7pNpGl0ktX/DpqvXQ+gf7Di7h3hpU"
    "Duah6BqtoOJerivR+8XwZJNNMJhQ/1C3J3S6C/FVzdCPDXni6L71977r1FeVbS2yQa1K/Y"
    "3mTJjFcFzDuLbCrMbU+YG+OgEkIWsnRyIAtbBf9HPyUsOsRkAbCtjuRE6+buAgqX1GWJtq"
    "ypK6d3kMf2OkrqBgwTrA7NEikuV+CyiuRXkfztYazhLpZEjTY1fjWeQtbmCRVzVWHtRtmp"
    "4NViVncXXpWnv6MMGMnhMMB9olNSsl4qeMqYQ3NVgEpF9/qlYBQ7SkFQnYWgyIHGb5FZVn"
    "srodkjGHU7HTbF26YTep4hfLSFGr0lFO3FnFQ0i1K8leKtFG+leO+qeCdch58MSL9x19LR"
    "oX43ip7XwsUlkC2j7BSp7ZRkFpYYLKmputly0WBqfIWEJHLOAH+u+8C0SFUsmiW0oK6yQB"
    "0DS933oeeckapZQLdtTLLuk2LRLrFuwNxdeZzGILU+mWNR/Z6y1si7en8oK0smK8vk1jAj"
    "uhGfz9H4Mo2ovRs217WGNZpsi88n3Qp+Sf6kK+3yydLtsdFnfKW1nT7xsedxdPhiJCAm6F"
    "5VjzcVMIA3hRDAmywCAIuqzfMZC3coMP85sTU+7MXOsQxZnQeavFvs9uU8WPUiExkiWgyB"
    "RZ/bydqN+nNmclXQoTc4WWrUt23XH9q6tejx9Oz4Zrl+jYdpRjyuVt/A77F5Rt8SHC876b"
    "JlFfa5i5+D54VCltaw22cx/WIdl5EYV9MtRgHTlB1EAduL+uWT2MIKLYIHbppKnbey5DF1"
    "h50l6st+a2RJytLdYT/OLlADV6vXamorY9N7n0zq4AAhLKsF5Fd+Yu6WKoTR79PT42tWDJ"
    "kZl+QtKJxTLpzThjpPBy9D6yISBdQJAHUqgKGnynGoAIbdynEoS6YBS4ZJYhaEZLOEirXl"
    "Vo1SwetVwfmzWNmNG+Hu7MIVLv/bpIkTzW2OfcNM+43GTf0WjTJcZDJc2tUNXHzV964utf"
    "PRx8Hl+Rmg6xMvGPPOuRn+MDq/vSDt4yKvlST949rW9s+DeCzyoSk47/EG+a9bvEcSEcTP"
    "uHMGw+Homl7UDRLFBguERZsFXk+uPuB99oa2C1x6Lpn36M4ZXn28vhjRh8TZuPjq4HI4uq"
    "BPMQjzbPqU89HwYnxJLprQIIWT8bXRr9fjCbkEPy0tT5aJIVoGQlWAOKtcm0C0+IOq+1Cd"
    "t9guJcuSv6UVBLIlJB2o+ZNpPP6ySg1zPKq4+fjLXA1zx+X2HC+uqBQTdIC/ZchMEzWV4j"
    "NoS6d/nly1epTZ8Z8IjBvLWFXa/MhGJWupZG2sPFK8n5OxWtLnj6GR2RTa9sCqclwVH1bZ"
    "o2rpWQbU9AW/YlFZ1FqWcn/unI6EsKWqGy0sRPxiW0mCS67EsbU4fLzetpFDmk4JYHsBuL"
    "5ubyeCDKUSwtZCIPs7169TXCyCIWlBh6A6NKpGykIEOBfaIgwgTal0W5l1WxU701OxMyp2"
    "RrWyUVIXLflirJDvLoRTFTJkKrAns4X+5c4EOZpQqEb0aV5K222pE9wNY322C+1TPOXylF"
    "RSFGQoQ6K4WRokGR09ee6qML50GF/mkC4I4uNsBjWw9iZ5UivnbNUYyeq8Le+oJszgHXuq"
    "tYTLm7qq8VmNdakaOPxj8JRuMjZRNyvwk19NWJihv4WP6SZHmRM8xVL8fnB5e3FRFi6dKb"
    "lAS3HsWg2SLf3RkQMuHX0V56buyKl0UmwXWYXvOMiqocToNH5QV1nlwScLPu/Ipgl9SFdZ"
    "hO8S+FyvYT4NmUd152TgFKstyX5h3IT6muxCmqEjXoHEkDyqa7uZu9fB84bh4zrEXIFsIW"
    "bL4iQMpTe0zQUR/PT4jRVop3MIQtovEJhb2CDz1mcA4lm/BjSnARhz3XmA4Nny5+B57oKF"
    "bkJg+fmaszs+q+aEJVWFq95ogeJEJlJXWCtJnuHLIE3VvaqT9aeh+K44l1maDkZI1s9kvF"
    "u6nua5vMqTJWkTKSqJJ3OMufWZVrx9EJxO+KJuLiz8N1ojHy6yO3ylmNWTKkGrJ8VRqydZ"
    "iXhQRzxEqlgaCUUHciz2kMOi4imKud9Oz3qVeIpgzxLzArE0yg2UXkWqtosqQCIT3itagI"
    "Su7f05LeXcAzZyld0BhWH0JquODIPMegq5TAr6cObG9MswhTDEWzMYKs1TDTo7X5nEwBx5"
    "cL019ygrycZLk0lsBW2pfNffpFMF4tSpgS1tXvGs4gkbje/eTK3fCkeGu4TaIxTKz00R1W"
    "OLHxZvTTH5pJItflJii5/kbfF7D0Jt5fiWrdEGbHl2F6LaPFKZk+J6oWKBOQ50H9hQRz7w"
    "5xYCtosvzeA9Vj1pwzpargFYpIUdhBVRqZpzTu4xb2dLIXEkFFJLASt2BPkjfI7AQbDU1y"
    "gQBcKLGwL3Pn2f5l4eRhBLz32yTOhp9MsEZcInllo8hO9YHBCiL1hh4AWDJ9i3VCz4HPPx"
    "WlmARwiXiF7Ch6R/GPmQ+jYiZ0Q0XkG1VaBalUlY62RVyHcxq7uLfKtMwq5JPeJRNpMwBy"
    "UfCJuLq7YUInPpEf1KuFxSC0ahcn2FyrUdlevpIPpYgOzVw7cAP5TEiPnGHCJg+dgaWc3C"
    "IVZQRFFBeLKcHArCK7PgECl67H2BiK3mgKPgT1I4+d6y4TG5+GKb6axwvrbifDMdWUhbuh"
    "Y3PaTQmsuSSQ1dJAoKwP8XLAMacwZoQcE+ePXm5Uvw3/g/4P8psEKBFQqsUGDFZ2W2KrDi"
    "c5S65GDFDdVNrwPVtMfBKtID+lWgirS+Wwmp6P1CfBzhA4ADoYmA74JHzDCgz9yVD/RQqz"
    "4DWKVmE/HBEf7r7DtiTH3/At8BgY2QSlaq9el3DlkBS4j/x/GZwHpwRDocR2OPwaULPPyC"
    "/w6sABJIZ2Jx9QFWK8DPg+mXHnywkA89aFJ/3J0TLhnw18qzECmsid/fRLKUQmvqRmuCyS"
    "NkRMUUnbOg6kdd9ooTbKe4R8t7Twp87UjAk+5ryYaUZ3Zpi+U8sWq2LNJsGbPPWS1mYjtI"
    "mqp7NmrtU5w9VkUYnaXrHKvrz6tUWECvTixAWYXFrFZWYQNW4VT/VOS7jm71q1iCpHFGZW"
    "91Dz8azNYp8wcc/Rc2oGhRiWds+UCA3wRfcKpRCJEqe0pye0quo7oJ26o3vrkCp6/evgUG"
    "Xj7g6MO7PhiM+uD25svhgAIN/7WNi7CBPrlhZUmylMXCbzmUUjuw8HcWeK4MPOHwPkkwIz"
    "Yw+jBerMTQ0lxy7uUEUmqqcajlttV6ZLGdEcAskQP5coA39UhYBEohCQNpVA0cMXfdZxpU"
    "8uLb4BvOCOKn2/haKPWwbhG+FJDFUdYRYTVh78dgJMkGxPwTT1FgqPa3Fl8KShyLMVqIsR"
    "jwx+8kGOVLbspOV75k6e1H5UsuZnU77UflS/4cpS45avDOStvKzOV+aTnLcECt4ey/R3XX"
    "Ewdt7w9l5ctk5W/TB1R1AK2jLbHqvp1TY6sosdW7by8gQniTzDN4Cj8VzGyGpANGQtmJOv"
    "p1mjpMc61V4wP14uryQzQ82281lyiOdx+ss9DqAaIKT55atViVR8fJq7YllXFHzmpBhczW"
    "LkvjkvsvkUsKiVlPUHCx9QbD6fjn0RkIqO8cwtjzyeCXyzNaVNv09GfnzpmMfhwNp6PzM+"
    "DBv6CBv/zOGQyHo2t6TTcMuPSDqIzDo8nKsO8pw16ZeMqwV1IX7Y17oCauskm4nszTBBTY"
    "rtVoQqhYW17Ed5/d7yRl6Lbt77iFexk4a3e2drzlaG6xFnQXLIZL2T5Tixq6uw2Dp7TWet"
    "yxu9QWlVQgfRW3hErIyGJgmawrgxm4MQJtADCzEUVVaaoPeiahAw7QAX5Un1yj2c0QzCyT"
    "VGbjNUba8hkqJk2Cc6xfglbPXJMDmBbjedH4ToCl+4bzFE7QUziBshh37PmywtISbvrCEi"
    "njJlvIxTJFW77EFKr60z8K0KiTmcrq3pvVPeNNVPE2RMFTWrnYN3cgije6Ct2H6CGjAIyN"
    "/YfYw1gYvGjSNCdbA8csD3eMUpO8kikuFOulDGWZDGXf8m2xtrURQSdM5awLvUp4PB5V4k"
    "TPhcezX5bjczEikSHrBLf3DUzYPBP6ve3qBTy3uYbzPSHoFrfPr27fXYzA9WQ0HN+Mry7T"
    "1jC9SS4laU2T0eAiy1xus8cS5gbjFXOrMFc3TbyHc/wXJY2uE5IOhCTuo7eyCqxtOLB2tj"
    "Kx3qctLM7JVxY3nqZTseNbx45HjNQ/bSeAgE4JYGsB4I+1vG0DnXPEKs5ZnpCvPIIfiQs6"
    "HMu1mqRDUiVnmeUsdzx7HqVwl9ARVNN6V9ejyzNAKO+cwS+DyTmNTidIFAlYHw4uh6OLC3"
    "ItbBRJro5+vR5PyDX4aWl5sgSxRyH1mrg3iEOq3EJp7gaiRlv4qtOUHfRVd2nLUxEePRXh"
    "oSI8VCaIkrpoJsgBe8NJJ+WGK49Hpd4E1bwMmYpWUW309hf7w5YnVOEVZeEVmWVaEGDB23"
    "pr4O2QeVRX+Zs+cSrwl6zyGnj7W/iYVu4GG9nKbIUpluL3g8vbi4tqCU0z133EX7NjQtO7"
    "4CndYXY27G9X/lQK+WvLAk/vhXvOiGspkxyCW1Am7Myp5FEdWm9NRilO4JMFn3ucQMXwTr"
    "8sVtFLxtRcmm6W7JphKKwqTSdVDCPmiMULRrpZ6LZdiFAmVF3yb5+efP02hifJH2XI5M3H"
    "wcVFHp704ScORFUcqhiN70DY0b4jFOeWaUJedExZWfiESO5q8HVwvcZC7B5cut52AGyGVP"
    "nn5QFc8zh7ICzNgzoSa0iSI9xqQ5NMsqoAvPIOKj+R/N5Blf9df/53YLiJ5oCnqBRTs8XY"
    "VjNSt1S0EluKSjG13CnEIA67JjFXRnwlZezmTObUclXZzPvMZubsC4qxG+vcpbZCqfLEU6"
    "A1t45bGtQuRmON7EiVQt5Z+BVvvwWhTZvD4SNameObCAb10/jywxkIz5o758erd2ekQuCd"
    "c3N7fX01mZ4BtFoS9KBXSRBNB70/QqGsxnC4vA1Yt0Q7Xp1Uyuc/KcnnP8mhHbaOfA3Bvz"
    "mgbUlGHUslbTNHUchjz8l0lIdh55Ut0BEOuQJyZQZyFa7YU7iiwhVV1oGSumjWwYGhz/Yc"
    "ivKXwOwkLyMQZIWE0zU4pIq70sHJcvK1djR5n6VbW8pSoX4pzNreH5LcUsZyNkI+h6skGI"
    "R28Y5Rzx+Ttqgt0wUrxYcvdc+3DGup7xxIf508qUvMatI5Ec0tjl+CmXbFLgmmZW/dEeJZ"
    "bwfB+fBv4d3AAqNbkmFb0PG1BaJnTTag/Pfeva0/PAQ1VBjr+w/l6jioq0MY9t074tt8hP"
    "m+S9ipTj77C0dP70o5rpeUK8gSdoL9TRcs0H1fN+YFeXk/3lxdFkT9pcmyyJxl+OB/gW2h"
    "xjYZZiufrSzbtxx0TN53iN2csKl8HWSnfGbbJw/IrgPm9BXIy2CoVGKGQGIG4VsYdS+0Dr"
    "J0aiHUvhCCrEoNK7GEm/wTYXOUR/4pEmdW9K5+OgPu450zeHd7MzoD+gwb2L0tzov6wzoC"
    "Pm6ZwZQiVY5veZw3eZ+d8tQWL7F2+uyqeGpZsEC0hFWeVMXYF22eM34ttmLu5imVwynjzq"
    "O4lqgjjyVS03VDnbAMkrijZ0SwPImkLN5c0yq/L1ZwQsUgrUpkKPU/seu3QoYIs40q394G"
    "3uaPHOHiYU36Ylj3Fccfk/FuVUsT0ZYZqoadNNTHnHe8RK5nG977yuWyL1WipLiPW9SfsA"
    "Lu4MrfqrA3vL2ZXn0cTc5AVOHyzrkZTX4eD0cfB5dnAM/HJ8uAeC3eOfjC4AMZGqxMPPLd"
    "+PycXJiRmjD4748jArrhAXAxI38Pzj+O8UN0M2ymdHgQg4bhEytuyyQKllRlUmznVPvLtZ"
    "yt8IUUoYIX2gQvRAeaoMQZMgUaygwaqmyZXq3ZMgqNaxIx2iLwu56A7+6wU6FFMqBF+w1V"
    "bitrd4hRbhLHeA+hOfbhoscBMeJ7/TIE4x6P0qxoWM2QRTS34BMJruLGiUZDPN15JP8lg0"
    "jkKSaw/Ag7olUWxICMMjOMuwdzVIZwIuyGYXQkoLEY4IiFK3AUsjTyn4U9PKOB6S4w4wH9"
    "ckAukEUDgpKbqBoyUY/mUVyuhM/rVpQo+cudHZPfDc0+gYKOl7Zu0H8H+UzHUSvLPjA8+H"
    "xMGloGQ8Dx8fE2uNDrbyrgQq+/KcSFyK1MK8lgx6L8FRBPhkx2KVHxANcDTFLe4TG51GlR"
    "eRNiieTfhfZs4KiuWXVy84Bd9CTjZ+Mx6Qt35XBQwjKFMKHZCkfaU1znbGVi5ZrsvUvPMv"
    "DjFpaD/8CvraqAHAasN1aeBx1DqKIXS9O9WX9aYdKfFlcwz055tFosdF6buOLQc4ZEjqhz"
    "8lpRz27vea4Huji2b7EqTsI5EBa95dv4hYQ7qA+Ctb27ht5MeHpo9VbfqiIKmTPy6EdiNg"
    "NkuB42lBwsI3eFdMf05wi490AHSxd/MTgKjKqvCAjxVUh0vFy/kHk3u9cN3/XE8jwSkhYv"
    "NrLOIsGGvwjM4By/G/xJrv8p5xJTbqWeKsK2M/pDPime/QY9UfCBYxAVBdx77mLnud86d6"
    "1ygDXpAFNemRZ7Zc4hCXjrcXwy4Z1+mUfGTMZscsf0Bg54P/yId6IHiwylp7zvPkLnGAyC"
    "f+Aj2nadB4T/Aq4DAWEZwFqzTre0s5AUEnEACxuXuSC7Jt5x5+iOS9xEQDfoZgoW7hNE5O"
    "aRDhz4DDz3uQ+QS5X7JQkmxvojcJ/xLP4CAbR2DIBgQBBI3XxBUeDNtdaZANmgojF0aJQs"
    "8Tmlr6i42YPGzdKZJQIZxASdKwP+5tVJBcAAjyqEDOi9tCK3tHX/3vUWfBZvjk1m6aV2Wg"
    "wuzydX4/MzgO1Pz7XMO2d8dXMGLBfdOb+M3p2BZziTw4tBzoQtpRGSSi0IXqD49eTq5zEN"
    "AF967pMV5i0dXhS2a+hFcfsFcaYxRQfxyjdVAMs3xYjlm4ImBMFRm+NyhTr4DG17TMnPMq"
    "7380MMVLS+gt1qht0U2qLQFoW2cNGWS9e37i2jsOlb6n6/DHlxsiM34i9XDgTQ8b114NUi"
    "HPoCAfY5wCD34TGYuM8IPFv+HI/7E69SW18iqD3C9Z/giIAmy7zqW/Pj7xw2QPyMDGP+/M"
    "4yv//zBdA9CMLGGcRxR4PswGwNsLUHvSD6kbrwCDCDMKMBfkUR9JJgLewHlQQBpzt2WKIx"
    "vwqE2V9rvPbGmkoTqRQFd21r87P0MjO8h5XJm8GH0Q3J6g6qtN85YU/Cm7gpIaK54Dc0Ex"
    "yRTPHJT1iJJV0LF7r3iDV80rdwMBxe3V6SNw1vJ+Ppv88iABnbg8bKs/z1NvDBaRV47bQY"
    "XTvNgWs0BEUIvIwIZBbklivn5GWVLoZ4VCGD6b0qZZWLGdypssoZeLgSf9+U8PdNnr/dj2"
    "bfFgurfbMoCV7fyGhVrLr6ccvqoAKcztJ1D959dVIlGQaPKmkzm0uHMfhh2IXwj7FTCHan"
    "wR+inuc5WRxvGI1vb7BhHWZPI9GECswunvXdBbNVD9JtFqBMUq7kqaKVubYpTa6rsuRtkK"
    "9poYWF0FYLOUurJC2zpJX3sVYFVHkflfdReR83eh+vPXgPSdoq7G3wQzIj+1U9ktoyTbQ5"
    "ODxyGBpz1zIg+jZ0IVI3obsi8dme+wzmOqLevFCyKM7KY1+OvkrejkiKXq7oxh5etzm6u9"
    "BdKM8OdtC44ma8hMZcd5xw6lbFKFgahVPUjlP8vbKgr+Ejw/O1heWsfA6Kf7PQbbtQIeI/"
    "QeL6CKLa0enJ129jxYj8UaYT3XwcXFzkFaOASdAxd2Jyml6xOONKXUBSWEbMm5rQdA+ur9"
    "81svSsJ8wMbRm0beD1Bi/rG8kjVw0kBRpIKnO1V6u5quDajoH0HNCHfn3OqhYxAjdZ4FcO"
    "nLr4fxq2v2UwCGq2vneyqC+g+QC9QRDX1eMY0ukB/TL72aZDNZ0ZW3OJ2yjikeYmk3/Ela"
    "uyYa5CoayqfC25t4/ytSrEtcHQpnhVVOVuTNBB9jYTZnOI4npy87nm6nqFynnZHn0Q/bxb"
    "PZ5UqE2xQNqpxReF2uykxdeteI5IvlWx2hncrqJ0wnhkrSrnLlqlSpCq2/VhmXCxdH1ymo"
    "rGFXNIO1e55uRNlcoReFRx6sebXO0IpbE3CQVDxwzL+osgwAmVAn4FgF8bPiDNtB4g4ig5"
    "JbVm0mRqYlepC08q1oowOSZQ7K3AXqyRIp6RVMzfhKKDDG7k4PMg/qWI32upjM8sVffcoc"
    "3AKjoS7X7CkDTa/aQt8ULsvCVwCESCDM2Q1chUGVwuO/MUufbTFjxNkSmeKsRpVwbLhDBV"
    "Sg5A8G8xMDckqCUw67PxuCX8nutoLqKwROO7p6rUo3YLwKWMXY8XEamywpn5IeX7nybQjm"
    "tf8WMcAgz0OnhWe7exXLjDP83jyhHTCpFlhqsbseUlM7ZJdPn3XlRfJ9AXZivjEdJtD1lm"
    "kIYQtE5TzXnljG5Ii6+6FNJ0MjebklIgjLIRrpOqh180voOYSJUi3cU1unMlupO9qCpvE4"
    "oOcrcKCFIMgeQAkAO00ZSOv59Pt0zpWN9kQA91zIv3ii7qwqvymTM6Rxz4kGaucEJzJuCi"
    "nazdGFnNzqxUaPVkdDOdjIfTQ2U2X+vrBf64oY5gj2O0sLf7ZSbLMhioGdFIFQ7T2XCYv9"
    "yZ4MaaUEjfMp42ggxa1wD82eB5Dh2ayh5WsAUGqYdNukEC3SGFaeGSVNGeBT9vbyB22FtH"
    "1HuVJmv2jGufa8D1HnTHCkqlC3KWQ6r8g2kb2dd5qdPVqmDHxE0pvvmNWl/hN3nWf0IETm"
    "QLGdxOf7iajH+jha2Z59w50Z3ReXIDmnfOcHA9vZ2MtOvR5TmlMvSlv/KgFsZc3Tk/jC4w"
    "zRwz6c6ZjC5GgxtmtIf1CeKYjkeHI87jW5jqejA+165up2dgqVtYbVj5d87PV+NzMurJtU"
    "wyZvTr9XhCLsBPS8uD9F3vby/Pgyfho8sMnjSZjgcXF//WkrtL3fMt3bbXWjLu/WB8Qe7d"
    "65YNK+6PmQiLKlj6STGWfpIvEKssr4Ytr+6CCr1kyQLf9XVMvrAc1wP4vT6qOL8PgzcE24"
    "mpbSMcDrFKd9lODtHeuJUcOMTSyiH8WETVZrxcjsIANfxP3TGB6TrwhcwLJjo2txRUjlhe"
    "QZGDO+r1E670WGkgvZ6xZQ+h1JvbzIP6o+k+cwJTi0tTpYj2X5tqi8MH25z/wbYoNT0Zg5"
    "Q0VbUM/HTDXZDipXh0H/j6p350RIkIcN8VrB4wW591IWWMIemgLlZ/k9sImROLJ05T1RKk"
    "04SjnqI14Yz4AoHwq7eyNJqI5TYwfx/4IcYl1gZL1L3wqEYYHSvm2jZ+Hz51O6DK0OQHQc"
    "wQmLu2GZ3m0c+Kw732BfXovg8XS5G+IAyFtJWueil+gvCTwZEOTGjYloPVJUP3TLDQ12BG"
    "dCjMamiKabm1VceK8KMZvHc9Duy2IdI5R72XSuiSgJqti3WO4D/93ucVYtnU2CBDrEQtsa"
    "hNCy1XPtRcvO9zjNKy9N0sqdw5vD3dAeRLQfjZ2O6B8D8wKCsdztmdz7Qak3wJxr3i7bTF"
    "ih5Dsj9LpifozNgWU67UrvC0pF3hab5doaqgWauOwE2RaSQ/Zi9AFtkYbB354N5yiBMx6G"
    "NNrELofUniUgAiGCS546wWs3wn7j1pZir/7DOpeKSq1XZZ6hx1Lfx6tn8xhWgF4Yg0lWpL"
    "sV0u3MKyIfJdB+6YDReGQH6MHtfCFSaQEJebu3nmCVZMfpc8p43TdWNob3q1VgnurSNgN5"
    "mOxVG7qSm7OXR3kRq+sfEQngEg8h3qgOhXWNUKHJ79xIHoOsDyEXCfHdIpaGljRsaRlKRJ"
    "EPyEX2Kv8TiYbzbUzCu4FZ6juGW8+1j0F+5U2FnFHNcdcxzLpbrBwpLIHFV0MPvPt3xbsO"
    "NKSNA5uOKkElxxUgJXnOThig4Hwj3PdR8kkfLQI65XBO5dD1+1ULBrH5FtGeHZBCOPFI1I"
    "kDruh36uUI+zhKIVUSSxeEgPv3TECI3MotEigdRQH4QxJ1jYxhwaj+6qom9933EkcgeXc7"
    "Y1ppamiPTiiO+SSO+Ky6vhsJMkBm6LVtspUtWEWR6EIw9sHayGnmzaWSNZtpFZsmOSbSaN"
    "s52c3WiJM/NKpubB7wN3xNWS8Dz46TmLPTemX2axhw4O4sllhjdbIogckiv6GQ785Gth9A"
    "vZosWqAinTuPbGvBLvwO3Al1M5oMtt1ciAUuaY5DgxccRkH8bJh3HSYZAWGCQFRgmAUfrf"
    "nTOdDC5v3o8mRLi6g+6hRxIC/x0mFq4rmwjNxz17+kLIkksoWmHJxTZ4GP+MxWfbwIHQxI"
    "Ybtso9kpZOA/jC3A7bltN4+1zaa/Tu0dl37vL7s+/I/ov/Ex6i32+zYJoJo+5k4O7hAmxi"
    "nWlbWGLF245agUvc3A6HoxFNDUcrw8C7Uj0Z4U0gFYj8RoGDIqHY6aBoDyrRyLZPwuM5i6"
    "Nwq4nHyxuCRs5YBBa6CcGz5c8DLDw8l/a//ZBgOA16Hq8jyhQbcXw2p6k64OkpQ9tGv07L"
    "53UMtl1cXX6Ihmcne5rtWfs4x/ty9JNDvp+gL0lstfYhoCqgs2OhfSqg83OUelFAp0D0YZ"
    "Mw8ofAyh+RoPYJNFwvjbUWj+qXQckhdqDRWPn6YeTf2XR9+g4CO2Zjq35PXLC7gcuq5Hy9"
    "cRHFoLMq3JBNeDqpku90UpzudJKrYPwkXraBpekgkxsBvSiDBHgcje8gfxvpsufO/oKG6E"
    "ROEcnM6aAIg+c+WSb0QPDZpGySB++hb8xpTBU+fu01mK1BfMxJMfHD9h8iYmFIJK5MQnjp"
    "YDmQYmPBB1MPCN0cwRxLAzo0blwaSbgGLTG5jTWRIW2POdGLRfIFDd4H1BomnnjynSD0bU"
    "Ura2fPleSWRt7AXOpr29U5m2aZAzMmaYMHU1pk2oMGtJ62jF1MkbZnOXbduq+C6Xy+UcSD"
    "6+uLMS1KjVUVS1ZPXYgLiDiNWBJp/UYHc1C31VVRi/5hrmCgaoTJKeTXRFW9SCahYevWAt"
    "BQdAQsfGsO9d2bPMi0J1bSQw7mRWyPe7wRN2K4E2+xLNOUKn1CttUliUNh6MHnGzxT/B7H"
    "j5Dc7Je5D7DN9qyheNzGpPEf3GfSNoftlhKUbYVspneUvW0hQJ/9Ld2fWSLwCOEyqgWG/H"
    "zqeFMvunMm+BQIugKl6GkRZhMc0crMUW3pKH+Opqi/6OMj5gl6gFbaK0pFV2nnMsXWS9MR"
    "SC4fVD2h9mQ/2dbaimj3aGyxAhW1uK4mHwaX45vBdHx1eZbaYLClNf6VGlrWJ2J3XYwG59"
    "q7q8vbmzOie5razHVWVcvvN2x/LSApm6bNlkJh9Wmq/QNTzD40W1m2bznomLxWdCvqrRDe"
    "vC0TfPk9mOmI7Pku4Tw4oqKrmNa+bywrmUN8uRVaznlCZT9n7WdVkLJWdkaRUTNOXEHxQZ"
    "umkr5q+54PWRWnVjx924lkSx6ndk1srEHoJ+YXJ0vu9zcUJoNQY1zOVYuSYTJa3STrBD5y"
    "SfFX15m5+FcSuw0rlx4e8CKqfOKufGzIwXtI2v1BVFSRrNbnKxtQih2zxAZ8dnhV9UtiVy"
    "ICiVMRsQly9h2RxvdY+yaKbfjXNobG2ypNOt8WN+l8m2vS2Zbowj1VJ2vAkxbsWIJBWWmq"
    "tjSFYg4QKYJ96Nd4Yg1oE5LOTe4qcbPFYbO5qNnglEUadMhv58WIl/XI4FDL3SajjrOxxi"
    "4YQe+ybbnPoVbcF+C+CX3dspGGVrOF5fvC/OfSKwkISIB0ubU8SIptIc1cceDtsqzyPK0c"
    "aCl53yGU9kYA0XBz0QpinwuRuxydtHBoj+AxKLQ3EZhBA/90EH4/OHqE68ChSex9230IBx"
    "6oUR0y5tBcFdUhrhB2x9Dv0xnkaGwTKhFX0KUW1uw8A8lT7pzzwfji32fAxDvw+s75ZTT6"
    "ifz5DOEj+fvj4PJ2cHEGFrqz0ivW8WnaiAi+TTN5hlrhMkoTybuGXoL/Bh9dB39nPyxrDE"
    "NhAHbKHWDBrPEy2AbPTRG2JiqoR0MtaDvTwI7DFh0NtQXPOgr6PXmfZVye8j3VuqxUFYdi"
    "VrfTT6KqOHyOUpffO0YqZPL9YmHtzFKPWDRmoytsENfnpLGOhoG5YMb5dBp+FHkqSVWleX"
    "ZFTq28D6zOB1epPBy7U5iNVtUcPqxPTLBMp/ylOWkx1YX+GKR6BDnCwI0MThm6yRzaDZk/"
    "jvZa9aRhjyNNonYMMa8MQyNziYItmXxapaBJcT2Tz6gb0sJyXA/gt/goPhu9ykmTB+lz5M"
    "AC/0CJNBIaeWGbIP+aKiAIfy4BPO89dxGpIvTGveWhqu7gwzShkjoPOa/Q1JaGfD0gdeeX"
    "uiVpAjJ++8ND0Sm8WTQMucznRW8y+tcttrGCplL4TcgnmQmjy8E7KpHQk3Dn3Ax/GJ3f0m"
    "sRJiqJoPAP8i0nTtWoeqJnyGQW0rbRFk1EtMxd/CRIIlQEc6RyhNJHbwflnoL9CuDpjpcz"
    "IL+CpPgxZ8zOcLRQx5KwC5Bo84QcoczznTI+7GoR6VhfYGMtaQAhUGh7D0Xlwk8UjLDLkH"
    "Uhb34PzCYqwsoTKuLHkHQuou60EvxwWgI/nObhh1gREMzOydJJv8PvOT+nXX6nvUI+7XRA"
    "KLfT5yh1yd1ON2vHGNoW5KdkMXf7Ze4nEkGiGcnAzT4ohxQUAxYxiImwZ+7KMYlniCBlNJ"
    "0aq80UjiF/gaPrydX0anh1ARAMHCSvX3D8TzU89M65c36KK3vMrYc5PqPAYuUHRT8sk17H"
    "z6L1OoJ6OjQMyKrqt1IOqoM6qMg8EDRGGRLVFJPTSShaHVy2luHGPGppEWTRAKQ9Q8PtUh"
    "eV5qD0RSX1luqLHzy9WF0Mbm7WFh/icRUClqjyRtBUBHSADHcJqc6lkwhfhLWRI+SuPAO+"
    "AM9zy4ZAd9bRHQ8udJKpklcWa3goURY/kgmH/5/01F2D0JGDItSX/uaoShyhRcC2niDWUf"
    "HjMRu+omxAx8v1iyL18XdW/6CfSf9Bvy3XMEdIuVRNceo9jNupdLYQGotXQVVQNyboXsRT"
    "I51Zwt1FhMMxhcy+okPzWKJD/GNodhWd4/H9zUf5gh268TSfJu66oF0yCRZ2SfmcFZrji9"
    "HTzuhJvLT1NT560TM5VP80V0vbMvA0+jNoo2txopAbeD73VA7grnCLZo1YdSa34kxOya/q"
    "qZwiUudytgzotkDQwTCgjszydITgilPNs+Tkjim6eHLXHkAWnCl5Bhd3PEgoZGZwL6xkTg"
    "5MGngFdARImQTg41+WPWXFs2ib6ISgMM/iZdBO9KsI85RIcb5aFqnM+M5mZdldVlOTSUFJ"
    "Y647DzDSXz33meBG5J/Unu2DJwtZYUbdEn8oIrcNd7GwsM7rka6TR75lPPaB/wmLgOMwbe"
    "AdBBKbRiDYs2f5+NHEmeqC8NdrYYxk0FGB0OJnLNwniMLH+rQDI/4Ta9owRMmCYWUoWS45"
    "kJBQ7pPv6uHbvycoQPpeP9Ks8fZgB57gzHjmBv4L84iq+WQI/87eNf6DZccRz7plkjmREW"
    "+1A0MOSyCaDtXlElEoRXVrRTVeewJcj0hkZnuPjRtxl2R14L01TgDTjQB7oHtn6hrdWXUQ"
    "TS1Z5Zbe8SpnRKaoZNaDtzQ0XldBCF8XA4SvcxhseJgIMDmh6CCD68/slc+L0AWIO52AIs"
    "LeYLTMvO2tzsBqiaDn94F5BrCCD/En9YFH0uGe3Mckp5T0DYtmi7AoqgiiWAxZIRSWgyo7"
    "ag9SEapzOg7ROEWQomi8xNk9AUxEeugx6FCfNskjXe4wvwM7kUBJSywDWLFD1T6gI4lAhO"
    "vASirGEpIB/QqQAmt1VQq+xoopMc596JCoFZ3VQ1m7fI6l7Lg+WEMfIAidxETnRl/v/lQC"
    "H9wsdDx/SGMMNHc9/0sSMIN32xK4AM9HFmJoIhBb+eX2ZY1/InNXiP8RhcwnFd03yeIg6c"
    "HsujhaPmhBvRhfIz8Ea/BiBXeV/SeD/qzsP2X/qSiybpt/2/JW2XOtVlU6bc/VESHURQPt"
    "hhbLKjDObqJKWhsMs7ji1mab7BK/xQS0/ileqmfgzznUzT+DrvG0lnli7RAjKGgc+Oe97b"
    "peOAoPWIY6Jb3M8fc29ZIdbC36X4FTIhovb8XQLU+J0yrtrk6L+12dhg2vig2rJ93m9Z0p"
    "PTYiEnVoCB0aEm1kU7yQp9aicC+L72/ezsieoEXxUJu3tF9If4bAoUlbMuDdcLEkcLk+I+"
    "1OaUtUHSwsZ+XD/F4lRE1go2GyNfkrj7hTfQQ86GPDmlx7xpOOBrf4bvzY8hDvqlvYocMH"
    "FGbUEw8A7GzgX0sC/ThprlJF+l2v0PxHd8bbNaNbpRsmSTbR/nJnqNJeWSzdKqFusZrpYE"
    "tE07H+tlj6tBg+CVFjEgm3rpOv0O997WQqU7TWjJRH/PUi5kU0XmYYque4vnVP0tSIXkO+"
    "uA/IfDom/yTBZrTcKN5/KroRmi6gjxn24Aq2NWZoZBbFgW09xoxmpoTg9sEhlb4UI/WmWc"
    "6XpNzXJbsaLJ8YCo6JSCmHavO/no2GOLj0JYKipXazdF2ACrMpWFWKjuJRJUlYuaKjvuXb"
    "QrhRTNDB7aSR0rkz1+RM5GKsOxrfCf7uO5GN71go7ghd4FjYQxfoLfZqPGU8HQQcp4oKCB"
    "RfcESgGZ9UeO+D4+PjimEPJbJppC30k2vjs4W325S2TGfJVKd0gU7pWB/RZhAf3xyOl2M6"
    "acr2YDs9qHu2RfJFECQFS/HHkbVBdfm/Vxb0wdxdeWj39dEKACjVGirAMjh5QsWdoRiSzt"
    "SSrK2ZbRYhEl1hefL2LLPPBkJtT8eovFh7eOgKRjOv8g76r9vRLek2FFDfOTejy+kZ2U79"
    "bL+oO+d8cnV9TS6YnrtcytKYiNbChZ7ncppIFWvdaaouGI/7Vr09SJoM+e4jdDjHTLEKnq"
    "XbSRVvjwwaUbFVHY/ibadbdTxSRxMJeRcXOUNWg7zbs/JkEq/s3tsB9Cxj3uM4b8M7/TLf"
    "rZ6MadJxK+SB/VzcrztaOiXRb0Vh08WYcXHQdDtRzT2gxmRRCXA4HN5B7r6q1GrtVUmrtV"
    "f5Vmv4jT7ktcouVlMZkjaAxVKpqAc9zP75P8sXiQ4="
)
