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
COMMENT ON TABLE "pricing_seller_profile" IS 'What pricing needs to know about a seller: an organisation (\"org:<uuid>\") or an';
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
COMMENT ON TABLE "pricing_tax_rule" IS 'Tax by jurisdiction (\"*\" = everywhere else).';
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
        DROP TABLE IF EXISTS "pricing_seller_profile";
        DROP TABLE IF EXISTS "pricing_tax_rule";"""


MODELS_STATE = (
    "eJztXY9zo8aS/lemVHUV75Xi7Hp/ZE9596q0srJRYls+S97kEqe0CEYWMQIeg+z13eV/v+"
    "kBxAADAglJI3aqXuWtYRrQN7+6v+7p/t/WwjGwRU6HS3/qfOk/YttvddD/tmxtgek/RLfb"
    "qKW5bnwTLvja1GLtHdaQtZkS39N0eNxMswimlwxMdM90fdOx6VV7aVlw0dFpQ9O+jy8tbf"
    "NfSzzxnXvsz7FHb/zxJ71s2gb+ggn8+UfLXU4tk8yxMdHYJ5lG609o5D5MZia2jMSvoDfp"
    "LXZ94j+77NoH835g+z+ytvAZ04nuWMuFHbd3n/25Y68EzOC332Mbe5qP4Q2+t4TfBZ8dAh"
    "D91OAnxE2Cb+dkDDzTlpbP4TCdxNdak8nVcDwZ9ceTSasCcrpjA+r0UwkD4B4+4dv/ODt7"
    "/fr7s5ev371/++b779++f/metmXfm731/d/Bx8RoBY9imA0+Dq7G8EEO7dqgx+HC30xG87"
    "VAinVRjD6GYTMR9cHt7eBc3AO8TKoflkvTOAXJdG9E2EvbHQXI9n7q3py8fveC/V6H+Pce"
    "u8kQYvDGcNInYm2RBbM31zwxmLFECkp6YxMQowsxivEM38eoXmhfJha27/05/fPVuwJYP3"
    "VvGLKvAmTjUXsV3jljt5IAM3QqwBu1byK4Z+/LoHv2Ph9euJfE9wE/V4E3bC4zui2ynP6F"
    "dR+ZRgf9os0eNLTAhGj3GIVfLwXwU8cQIP/zaHglRj5qn4LeMOkv/T9Et9/MhnjALqCaAn"
    "oyPYzgq5EzQ3CBbSPo5PpmOB72hheI0E6i7VGwHGy1YgNs8JAFIf+yeOhPLru/pXuldzH8"
    "kF7a4QEfUj2k04XaX+k0yX46p3d8c4HFfZWUTPdYKHoa/UOefiu/MNEfaAxt6znctAu6Zj"
    "y47I/G3cvrRP+cd8d9uHPGrj6nrp6kd4jVQ9Cvg/FPCP5Evw+v+uluXLUb/96Cb9KWvjOx"
    "naeJZnD6RXQ1Qi3R62ldtkq/p2Vr6Pnwk2Xp+CPp6AiTwp7WfB8vXJ9keznXFuFF1lskdU"
    "3kl7u1SM5evfn+zfvX796sDJHVlSL7I7I1YkAtjfgT7HmOl4V0jL/kYJqU2kizOKJJ0v9t"
    "XLxRrebIxfDqY9Q8vXv9/TeY17MHzsSDC1NNf3jSPGOSueOcOXlts7cWZ4v0Fc2m+pMR/m"
    "L4fSEXce05OlWusJHLVqRatIsICzdqO8GrxrUyF3+wrlouMBtVK7v2zxSjobgLKbkLvu/K"
    "Giy8jMxWy4Y24bs3JSyTd29yDRO4lVzEZSKI5F3HK1BE8aK2gUKZklWmhCwaZp4pIcm+fI"
    "kXU+yRuemK9mTubuF+vEi2W7cVt7poSbD3DUGupekYmTbSbOR495ptEg0a0VvUNn46RQMf"
    "EV/zfII0Ao1M+9H0WRNGFcBjkKbrmOraKFAM+ZG0sxfd0TmgW6aNCTrREJ19j6ZBG+iabT"
    "s+wrbnWIg4C+zYGFGwMH0NfcCjqWPaEy9+QKG00Ub4i2t68A8Lz3z6YuPO9vDCecQGilGl"
    "X+RhKmRhOl3RCXyQtjRMH8H8sNADxrQJvWp6aG4S3/GeX5y28jQb/uezRvTLttNs8hf8Q/"
    "gCWv+YLe2AMWJvgv+8+WdLwrU/X4Oh4yeHze7bywXDekA/Q7N1nME8kpVZi2kNf73q33SQ"
    "80S/5s6+7F51P8LfwTpFr4z6N58GvT690eFmzkakbO2uBoq7vxSwAeW6J5beXwe12GqGjY"
    "qTgKranwbj/nkHhfJ3drfX61+zS8FiGD7z4H0SLKNkA9UpKbkXJk4S96VMalIpIu6R7obh"
    "plWSh+Mk9kfDvdqVBlwzDaf8Fl+LscH3eriUT6bPFY33jOAWat3xELEVDHhesa6IrUBU8S"
    "MpeMFOqQgrJ6LgFDkDxIM3C/GPjofNe/sX/JxRblPARrGHqccdJ8Tx1XjN8rSnlVksmrf0"
    "H4GhzvqjO+p1z/utzECuAeLb8DENhZabu+shjfem/QEr5x62FtfMNp5Al34Furq9uGj9fR"
    "g+MrFuiGKaU+tKQVBzumUJVnJF5E2XBMg9Qi1fH+GFaznPMYOHgUU0kElCusJA02fajgRs"
    "BrsX8hjkVMBI7uYl68OvFaV3UEqP/X8G53yHZNReZhpv4+jfl6X4n5cFBNDLNANE0aBfMC"
    "FLQZR1Lj+QFFKROmmKIMRHd5a2gCRYB+tKTAGbBlZRWbXCqaisfKibS2UtXWPDXk9Kql6X"
    "pdcFboDw6zmmAhTgqvwaJ6OYoDVMEGCl+Im11A83pBIm9A0d4DeD3rjIhObs2jjII4v5h1"
    "D4x19usLWyZMVwJ2N1GgJ6YuL/j2PjiWXaD1sixXMIv9NnNhWvkErYEq1R8JTmEGKp03XO"
    "A33Ilhh9CJ7SIIwqcXx8aAzdJWaeI7IWI0CHNh479D8lhl7iaQ1CtgIhekMBwGQ+dh6wkB"
    "BN3G8XEaJe0HLir5quZURpL6FQDDExOKKpIcu5N20IfJxpC9N6fnGKQNNk7OTop+63Z2/f"
    "AW/JxoLxA/KcMI6SuNg2SIYR3cVL7mzTD/lTssQsNhLZ+IsfHTElFMTwwVQWu5b2TL+Gvh"
    "XEaSv2SY/0YwLRoKXiWWXRXtsFPGvQVxXtg4TQbg0ESYK/Kjje2aSczDUyr8JfJ6XqYbEP"
    "e7Zpxwdq2FK1CZmREFRchixcRhkGS6KwVdl6/Uh6uVTgKtMqNuhkXk7lCJC5hwNtcZPVOy"
    "mpelnmXmYxSdROE5m3+ZpQUqoJiQuSqtDZ27cldCHaKlcZYvdS2pBbBeKgdfOgrV/LVFG0"
    "u/SdqNDOWkI7DxN7yFAXUGxRb+RTa8EKr6/iXXaaRlXxSwfll/BCM60qe9NKoHEcyNnbMt"
    "sTbVWw8Wc2KBUnyeWTLBUneVYQJ3mWjZN0LJFLMD+h5Epg/xklufViujQt37TJKbzvEEvG"
    "TlJHevheGAWYP9xjCaXtrtd2j/CoPlUbzEdccYC3ur3x4FMfTuWD9J09uh1d96/O4aA+WT"
    "KfGJze7990R3CJfjWR5eS+qxHy5FDdraqDISPYwB1gJ6a1ij1uqdhj5blRsceq18vEHmfo"
    "njJhnYQlOlzlENtnbKdkKl6pMDwVBVsaKog7Nib86dYaw2GbCloi9m1LvNIRd03Eq65Q69"
    "EqdZsKtP66A62J5fgT3dLMxbYw0Qf14DlNHU3UrDXv7QW2RRUHqiDVXT2oqVDtO3r/mEGa"
    "0BY2MWtQGMarBzV0rZqaxrZDKvCuNXE4/eVAi0UN61MveEqDgdoSoJ+daVPB8fCjiZ/I5M"
    "kzfR8LuMhqGjk8rOlQeVjH5iMWVRZRWEVaZlDSD1oBZ12HedzjHtXQ/S4sewhDDAbHtkPs"
    "Mnhc08EiwjDQ3QB1lJORn4ST2hi+a83zTd10teZqDjOMjYnp421N5R/pcwb0MU3FycA10C"
    "7nuCTrcpQQ2Y5vzky9jo3wintUk+BSR933yJEuNHvies7MFNU32QC21VOv44c2ET19jo1l"
    "TZhxz2ogVPyKR4canmEPh8Fd2yLHr4DXiSc3BMeKAfNdqEF1g3XHSwaiC263i8LnWS0rsG"
    "+jltKEz6uanXBvHzU7aXc74oNJ+RGAvIyKhl0fDavp4uz+hQhvE21cQgdsUgaHiH1iIFVA"
    "OS3XwEDW12clwH59lgs23BKDXW3JSEqpQb1+UE/xjJomWYzzD4zEEludGJFscd730RBt5o"
    "vOkubDvhJQqG9zIIf+bFJ1VUlKNU8VeXX2vtRBtPcFB9HeqxP++1mw1XmEfOiPMzJd8hri"
    "mXy6a+r2RKGg5Wr3TP4nar5JAR9WTwcTpCF4TKlyPAKRUnW02XeqOtpSHdZXJRl3AHcqTL"
    "warJyIglOVZNyetG7XUZIx2mO2hLhhhxzS0HJzV6a8PalDJgLtI3sMJV/34ByVVTSPWAw9"
    "Od4DQaZdoHSsaS3UN6LcUkrPkE/PUFnVlF4hF5wFeoVKUldms6tUf1jpD0esP+RpDet1hd"
    "IKwt4CFtTWrur27tANsIN8dLrpC4q25+MbtW+e73Yn8N5jZ4F9TwBxvieRl9l/0r/qeLc+"
    "Ygd+Dbp2rOd7utg4Hrqkgmb4dxv9+nH0/g2y7PvvrMC5IZ/ncWHaEys4hZzSIixHywlB42"
    "RS/TQDIXl6qI41/Hx4++Gij65v+r3BaBD2wMoFw27CJXrBjAoxdi9EIIscY+tAFrrEFMhi"
    "kGFRqzqSYxkFcmmQq47kWEaBXAbkOBdnKizYcSys2fkxk48iFXBKpXaFcaS17BfjD8PhRW"
    "Ij/DBIBf5e3V5+6FOl5UUS62wWRZWUsqWSUqogEJWUUvX6zpJSJlyjqpB2q4C6zDu7qHLi"
    "SZqaS7Igz1IY7StD0LFgs0uSv0fhuXe855aA6F/daxeR/Trfam1EwBiqTGNsYAP52hfHdh"
    "bP6MSl2+0UCk3/E1H74QEqT2umh05PT190ELGW9wRpHpVj70SmQbKxAzU+t2bXQ0Hsdo2H"
    "bSQqf1NX6LbyPRyKHHfprLCrHvZICO3oQMLxD2oOZCdOFlnStOdF9mfbv9wVwDXY9hvp+y"
    "ovsTw6mGyr60GUsGgo5YdoFqtghGtUPiYT3IEacukvoF+FnFl0nbQRS6aPps9wPzoHwlvJ"
    "IAp3M2pYnQ+/s1PhoKDJ0dtUKaNKHH0KOsFf6E+1nulVzB7rvdiFBqeCR+oOHqFdmaNbrK"
    "8+FsnusfYYN7+quN9H/ZtPg16/E439O/u62/ul+5FeCSdGev6U0vhqLzXmm74ohVK+qrcS"
    "2GMf7GqAp8EtpU6/K1Cn32XUaf7LMiiP8ZccbS8l1gCsi8jl/m/jBK+ciR1ZccsXw6uPUf"
    "N0QElKxfborJtoi6j+cEqZKUhilJbcSNvej94HgRh0x6RvCRKPy5XZiHO9LT3IC1YtqI2T"
    "ad4Z99dlcr/kp37JLDNLL8wpa9pLX2Te5A53kajEQ/5g7uMFNkwti2t+yOBK4HiLBAe/Aa"
    "3y+hF0Yhrku6VnkRdtZONHOCP+HA4a+eIHc/IF53fZSuB4u6yODXknnRGedKjUH7zM8XYJ"
    "+xkEbNeVhWwSahfDpDKQacs5eaDSc45lUK5M9E6thKxpbHjazK/aM+c33R/HHcRk7+zB1e"
    "Sm/2nQ/7VDeyXM/E8Nt9sPF4PRT1Ak2l1O6QCYQ91oAHjwCS5qnj6PilAc3qBTQWO17vqg"
    "G9n3E7JcVEA0KaTY+hxQdbFttg5WfSvDrNHArtanDcLd0rI1BLxJZhEcb3xbNqxRBbPmT6"
    "rjDGtUwaxfY6/nBbMm5noYZVUxKCMl1jwOrf64DOZHhELiVROjpeS28ApKhng9yUsCfDbI"
    "CJMRVMgW50eLBmIW5F0nR5MT3vW50VJTd31ik3hM1gByyYwxRw1upbQxfEjxltjyMczNxD"
    "e1xSfQvaFqx82gNy5KIaPOJhw09CsucCaK/kqUPysIAEu2q5AR+BuCThwPAeQupv+xfS4J"
    "3zfkRZz+lz2+KFPwJo9SkVoS6BJtlB+pNacWlWWKsnjlGx28TAOiVvYQITQ1nSzA+ZFBYf"
    "MGYLvviKCpZtvVyofEEkdQPyTtq5fTq3ivWRb2TFGESkHyJV7oeP3A0rrmiaObmpV3kDe/"
    "X9JycnQNvLYxXaPcuS2VA0QR6Mptonq9qttEmkInaf3voOe16yH0D5bcvSFYVji7mmWgyp"
    "ZDiap474fvl6EndlMJRUz1V0R3Q6L/KFBdS/DXflyW3r/2nJnJMCuobRI1apcsb+Jy7VUC"
    "88Yym4pz2xPnxjmoKjELaTk5mIWNgv+jnxImHeJOAfCljuRk6+bOAldOqcsLbZhTV07voA"
    "j2OlLqBoBVzA7NCymUS6CsIvlVJP/xAKs7CxfUaGMizsaTC21WUIGrEmvvFE5Fr+ZD3Vx6"
    "VZ76jjJwJIfjAPfJTkkJvVT0lD7HxjKHlYrutQvJKL6VoqAaS0HBhiYukVmUeyuW2SMZdT"
    "vu7QrbXR/oecL4wapU6C2WOF7OSUWzKMVbKd5K8VaK97aKd4w6/qJj9o3bpo4O9bt+9Lwj"
    "nFwVTssoO0VqOyUehQUGS2KorrdcJjjRvsSBJNhnkD/XfGSYkBWLnRJaMFdZoI4hV/N97N"
    "kdyJqFNMuiIs9tSBbtgHWD5s7SExQGqfXJAovqj4S1Bu9q/amsLJmsLEOYwwx0IzHOUfsi"
    "jeh4F2yha41qNOkSn4+aGfyS7E5XWOWTl9tjoc/VlaOt9Em3PU+gw+czASuB5mX1eFuCA3"
    "ibSwG8TTMAOC/bvBhYvEWC+a8J1tVmX20fS4nVuaHJu8Runs6DVy9SkSFVkyHw7PNxQrtW"
    "f04NrhI69BonS436tuX4PUszFy2Rnr26Waxf02YTfdWuVt/AHyvzjL0l2F620mWLMuwLJ7"
    "+Azws7WVrDbp/J9PN1XK7HhJpuPguYlGwgC3i8rF/2EFuYoaXihpuUUvutLOeYmgNngfqy"
    "3xxZkkK6Pe0nWAVqQLV8rqZjBTa59smkDnYJoX21wOLMT9zdQoUw+n1asn3NiiE34uJzC4"
    "rnlIvntLAm0sGL2LpIRBF1FYg6FcDQUuk4VADDduk4lCWzA0uGO8RckZJNCypoi60apYLX"
    "q4KLR7GyG9fS3emJWzn97y5NnGhsC+wbbtivNW7qt2iU4SKT4XJc1cCrz/rW8Gpy3r/sXp"
    "13EJufdMIYd/ao91P//PYCysdFXitJ6scdW9k/D9O2xMdGxXFPF8j/uqVrJHTB6hl3drfX"
    "61+zi5oOUWw4p7NYscDrm+FHus6OWLlA13Ng3JM7uze8vL7os4esTuPSq92rXv+CPUUH8C"
    "z2lPN+72JwBRcNrEPiZHqt/9v14AYu4S+u6ckyMKqmgVAZIDqlcxNUTf6g8j6Ux5bapTAt"
    "xUtaTiBbLNKAnD+pwuMvy+Qwp63yi4+/zOQwtx1hzfH8jEorgQbgW8TM7CKn0moP2tDpnx"
    "VXpR5ldvzHHSaMZSzb2+LIRtXXUvW1vvQgeb/gxGpBnT9ORmZTaNMNq8x2lb9Zpbcq1zN1"
    "PNEW4oxFRVFracn9uXMaEsKWyG60MAn4xTbqCaG46o6Nu8On822TfkjKqQ7YvAMcX7M264"
    "KUpOqEjTsB1nehXyc/WQQncgQVgurQqHaSFiLgucgGYQBJSaXbyqzbqtiZloqdUbEzqpSN"
    "6vWqKV/0JfGdReWjCikxFdiTWkL/cqYVEY0lVCH6JJbSVltqBLphrM9moX0KUyGmkEmxIq"
    "CciEKzMEgy2nqy6KowvmQYX2qTzgniEywGNUA7ip90lGO2bIxkeWyLK6pVBnjLmmpHgvK6"
    "qmpiqKkuVQPCPwdPaSawsbpZAk9xNuHKgP4ePqaZiHI7eAJS+n50dXtxURQunUq5wFJxbJ"
    "sNkk/90ZANLhl9tTqbuiVSyUOxTYSK3rGJWUOK0fHqQU2FysOPJn7aEqYb9pCmQkTvAn2u"
    "1TCeetyjmrMzCJLV1nf6hZuCggMwyQm6/oC/n2y/NqPqeI5RKPsNQXOTGhjecwdh2ovPiM"
    "XoI32u2fcYPZn+HD3NHbTQDIxMP5tDdctn1XwAR2WVqtf7nX8wB/LkTgoOg4j7ICnVvCyK"
    "9R+r8J3qKPMyDYz4qx9kulo63sRzRJkUC44BJKQkHswrDqnNlZZto2B3ohc1Y2HSv8kz8f"
    "EivcKXisE8KxOEeZYfhXmW7hEPa0TEsOT3RizRgDMDeziToeID8tE/Tk9xmfiAYM2q5tXg"
    "ZZRbIzmLVK4SlVBDJv6yakINNrf354STcw1Yiyq/AlamhXfJI/SCk+KMernJqSuZadMu4h"
    "TCkOWJzklNPFVwsvGZNnSKyL3jPQu3soLTZUkxia2gDZXv+otOqsCSOjUw1xIlg8ofsFH7"
    "5o3U+q1wojsunjzgSudNE0L12OKH5VsTIJ+VssXPCmzxs6wtPvMwnixt37QmrKBYFu5cVl"
    "skKvMhr1aoWFDEkeYjC2vER/7cJMhy6KUpnlHVkxVgY+kHkAkl2TAuyUrVfIZiRrGdupW6"
    "I5aQuheoYgfMH+AckYPI1Z5J0BWETm6MnFnyPjtLeJiOcD3n0TSwN2FfVrFPxMJSdw/gTr"
    "sDY/IN3xl0wtAB9gPrFrqP+XSuLNADxi5hl+gm6R+mfyBfS5U9ImqvqNoyVK06GVfrYFXM"
    "dz7UzWW+1cm4pvV6hFH6ZFyGSj4QN7fKQpLLzCVbtEvxcnFuE8XKtRUrd+ysXEtD0cciYi"
    "3vf0D0oRAj5utzTJDpU2tkOQ2bmEFSQEXhybJzKAqvyIIjkMTX+4aArWajk+BPSAQ8My18"
    "ChdfbDKcFc93rDzfVCMmmbiOKTzukGvNpcWkpi5iBQXR/wXTgMWcIZYgr41evX35Ev0n/T"
    "/0b4qsUGSFIisUWfFVma2KrPgae11ysmLEdNPrQDVtCbiKZIN2Gaoiqe+WYipav4KPI3wA"
    "sjE2CPId9EABQ9rUWfpIC7XqDqIqNX+wHJ3cwUHzzj/AnPrnXesFvYsCOyFxYKn2N9zZMB"
    "NcTP9j+1yAPTSH2r1x+1N05SCPvug/A4vgDgqi2AbtvDv6mVTNQJ+64289fG8SH3vYYP65"
    "OzucQuivpWcSSBxJv2UXh6cUe1M3exMMpEpG1UqicRZV/SzMXnmDzRT5aILvSaGvnRl41P"
    "xJvCBlwS4sIZwVVsWEqxQTpvDZy8W02gqSlGqezVr7EOe31SpAp+UaB3X95ywVN9CqkxtQ"
    "VmI+1MpK3IGVONa+5Pmyo1vtMpYhFIYo7b1u0Uej6XPC/AHb6t/vWtSQYokmnqj1gxF9G3"
    "4hyFBRWVzZVZLbVXJt2buwsVqD0RC9fvXuHdLpNEInHz+0UbffRrejb3tdRjz8+yauwx3U"
    "gw0zKMKUrhaWK5CU2rFFvzPHo6XTAUfXS+CR+IDpw3i3YoNr4sD+l+mQQpNNIC23zdaCyd"
    "YB4izuB/hyRBf1qLOAUoGDBEl2DZ1wd50nFmzy4ofgGzrAAmoWvRb2epjPiF4KxFbR15Fg"
    "uc7ej+EIhxDADKx+dIGT2t9cfFmxx2k3RhNx1Q3047fqGOVj3pW9rnzM0tuRysecD/Vx2p"
    "HKx/w19rrk7MEHM2krc5fbhWkuwwa1hrn/EeUXjx22rT+VlS+Tlb9JvUtV6bKO8ruqynRG"
    "jS2jxJavMr3AhNBFMgvwGH/JGdmcSAOMhKIdtf/bOLGZZkqIrjbUi+HVx6h5uq5o5gA5XX"
    "2ozsKyClRVeLLSqpSoPDpOVrUtyJjbt5cL1sl8TrMkL7n/1LmQYMx8xBUnW6vbGw8+9Tso"
    "kL6zAdjzm+6vVx2WbNvwtCf7zr7p/9zvjfvnHeThv7BOv/zO7vZ6/Wt2TdN17PpBdMbh2W"
    "Rl2LeUYa9MPGXYq16vWgP2QMVKZevhek6kxqTAZiU1Y0EFbXFy331WeZMU0E3LvAkT+nJ0"
    "1vawNry0Zmay5lTRy6dL+XpKixqqmPWCpxyt9bjfKkoRWjmpVUIg84llmFc613BtJFoXUb"
    "AJY1XZ0R/yBKEDNtIQfVQbrrFTzxhNTQMytokKJm34DBWTJsE+1i5gq6eOISBM8/m8qH0j"
    "yNJ903mKJ2gpnkBZjFvWglnS3qpcDIYXUsZNOsGLaVQtBbOSUFmh/laERp1gKqt7b1b3VD"
    "RQq5cnCp5ylJN9fWWi1UJXoioR22QUgbG2LhG/GVcmL3ZpmsPSIDDLwxWj0CQvZYpXivVS"
    "hrJMhrJv+la1craRQCNM5bQLvUx4PG1V4ETPhMfzX5bBOZ+RSIk1Au19ExOWyIT+0XK0HM"
    "wtoeE8A4FmoX0+vP1w0UfXN/3eYDQYXiWtYXYTLsXHmm763Ys0uMIikAXgBu0VuGXA1QyD"
    "ruEC/0VBAexYpAEhifuouawCa3ccWDtdGlTvmyxMwc5XFDeelFOx4xvHjkdAal8264BATn"
    "XAxh1AP9b0Ng10zgirOGd5Qr6yDH7UXdgWWK7lejoUVf0scz/LHc+eZSkcF9sV1bTW8Lp/"
    "1UEgeWd3f+3enLPodGCiIGC9173q9S8u4FpYQBKu9n+7HtzANfzFNT1ZgtijkPpJdW+QQF"
    "S5hZLoBl1NNvBVJyUb6Ktu0pKnIjxaKsJDRXiokyCq16ueBDlgzTjpennHGcijVG8V1byU"
    "mIpWUeX19hf7w6cnVOEVReEVqWmaE2AhWnprwLbHPaqp+CZ3nBL4wiyvAdvfw8cc5WqwFl"
    "ZuKUxASt+Prm4vLsodaJo6zgP9mi0PNH0IntIcsNNhf9viUyrk71gmeHIt3POJuCMFyQbe"
    "goGwNVLxoxo033YZpXiDH0381BIEKoZ32kWxil7cpubUdNN41QxDYVVqOqliGCkipigYab"
    "TQLCuXoYylmuTffn32/bsVPQl/FDGTo8vuxUWWnvTxFwFFlR+qGLVvQNjRviMU56ZhYFF0"
    "TFFa+FhI7mzwdaBeYyJ2D7uOtxkBmxJV/nl5CNcszx501sTDGqlWkCQjuNGCJlnPqgTwyj"
    "uo/ETyewfV+e/6z38HhlvVM+AJKQVqOhnbcgp5S6tmYktIKVCLnUIc47DtIebSjK+kwK4/"
    "yZyYruo08z5PMwvWBQXs2jx3iaVQqnPiCdJamMctSWrns7F6uqU6Qt5Y+pUuvzmhTevD4S"
    "NZmeObgIP6ZXD1sYPCvebO/nn4oQMZAu/s0e319fBm3EFk6QJ70CrVEbsOen/AlU41hs3l"
    "LcC6Idvx6qzUef6zgvP8Zxm2w9KIPyH4XwLStuBEHS8lbTHHqpTHng/TMQzDyisbsCMCcU"
    "XkykzkKl6xpXhFxSuqUweq16ueOjgw9Xk8m6L8KTAbiWVEgixJ5eMaAlGFrnR0spy41s4m"
    "7zN165FCWqleCje398ckHymwgoVQjHCZAwahXbxl1PNlXBb1yHTBUvHhrub5pm662taB9N"
    "fxk5oE1i6dE9HYEvgluGGX75LgSvbWHSGe9nYAz0d/i+gG7TC2JOmWiW1/siBsr0kHlP/R"
    "mlna/X2QQ4Wzvv9Uro6Dujoq0757Z3x3H2G+7xR2qpLP/sLRk6tSBvWCdAVpwUbAv+uEBZ"
    "rva/o851zez6PhVU7UX1IszcyZuo/+D1km2dkiwy3l06Vp+aZNTuF9h1jNAabieZAe8qll"
    "Hx6Qngfc7lvhXAYnpQ5mVDiYAbiFUfeV5kFaTk2E2idCcKpyQpVYQFO8I6yP8sg+ReKTFa"
    "3hLx3kPNzZ3Q+3o34HaVNqYLc22C/qD+sIcNzwBFNCVDm+5XHeZH12ylObP8WO02dXxlPL"
    "kwVVU1hlRVWMfd7iORXnYstHNyupHE4pdx7jtao68nghNVzX5AlLMYlbekYqpieRFOL1Oa"
    "2y62IJJ9SKpFUHGQr9T/z8LXFChFtGlW9vDbbZLady8rBd+mJ495XAH5PybpU7JjJxU1I7"
    "dtIwH3PW8RK5ni0885XLZV+qREFyHyevPmEJ3sGRv1Rhq3c7Gg8v+zcdFGW4vLNH/ZtPg1"
    "7/snvVQXQ8Ppo6pnPxzqYXuh+haTAzacsPg/NzuDCFnDD078s+kG60AV5M4e/u+eWAPkQz"
    "wmJKhycxWBg+WHEbHqLgRdVJis2can85pr0Rv5AQVPTCMdEL0YZWscc5MUUaykwaqtMyrV"
    "pPyyg2bpeM0QaB3/UEfDcHTsUWycAW7TdU+Vih3SJGeZc8xo8YGwMfL1oCEmN1r13EYMxo"
    "q4kZNauZsojGFn6E4CphnGjUxNPsB/h/aASRp1TA9CPuiGVZqEZkFJlhwjVYoDKEA2E7Dq"
    "MhAY35BMeqcytshbyM/Hthi45oZDgLCjxiX47gAkwaFKTcJOWYiXo0j/x0JWKsjyJFyV/O"
    "9BR+NzbaQAWdupams38H55lOo1KWbaR7+OkUCloGTdDp6ekmvNCb9yV4oTfvc3khuJUqJR"
    "msWAzfCt2TEpO9l1j3IMdD3KG8w3Nyid2i9CLEC8m/Cu3ZwFFVs+pE84BV9CTDc+cx6Qtn"
    "aQtYwiKFMJbZiEfaU1zndGlQ5RrWXtczdfq4hWnTP+hryyoghyHr9aXnYVuvlNGLl2neqH"
    "9dYtC/zs9gnh7yZLlYaKIycfmh55yIHFHn8Nqqnt3W01wLdHFq31JVHMI5CO1607foCwEd"
    "0kbB3N5eQ99NeHpo9ZZfqiIJmU/ksY+kMCOiOx41lGzaR86SaLbhzwlyZkhDrkO/GJ0ERt"
    "V3QEJ8Fwqdus8vZF7NZpruO161cx6xyBFPNphnUceGvwhN8Zy+G32G65/lnGLKrdRSSdi2"
    "Zn/gk1ajX2c7Ct1wdFBR0MxzFluP/aNz1yoH2C4dYMorc8RemXMMAW8tgU8mvNMu8sgYcZ"
    "t17phW10Y/9i7pSnRvQlO2y/vOA7ZPUTf4B92iLce+J/Qv5NgYAWSIas0aW9I6oSiG7kAm"
    "NS4zQXa7eMedrdkOuImQprPFFC2cR0zg5omGbPyEPOepjYjDlHsXgomp/oicJzqKvyGIPN"
    "s6IjgQCHrdeMFY4PW51rkA2SCjMbZZlCz4nJJXVNzsQeNm2ciqQhmsBBqXBvztq7MShAFt"
    "lUsZsHtJRc61NH/meAsxxOtjk3l5qZ0W3avzm+HgvIOo/ek5pnFnD4ajDjIdcmf/2v/QQU"
    "94KocXA/aEDXsjFJW6I0SB4tc3w08DFgDues6jGZ5bOnxXWI6u5cXt58SZriQayFe+LUNY"
    "vs1nLN/mFCEIttoMyiXy4HOyx2NKfpVxvV8fY6Ci9RXtVjPtptgWxbYotkXItlw5vjkz9d"
    "yib4n77SLmxU63XMu/DG2MsO17z4FXCxD6hiD+OUiH+/gU3ThPBD2Z/py2+0xnqaW5BE8e"
    "8PNndAKkiZtVfWt+/J3NB4h3oBn35z9M45+fXyDNwygsnAGOOxZkh6bPiFp72AuiH5kLD4"
    "gZQoFG9BV51EvMtfAfVBAEnKzYYVaN+VUkzP5K4x1vrKk0kUpRcNemNj8vLzPgLapMjrof"
    "+yM41R1kab+zw5qEo1VRQsLOgo/YSXACJ8VvfqFKLFQtXGjeA9XwoW5ht9cb3l7Bm3q3N4"
    "Pxf3ciApnag/rSM/3nTeiD12Xotdf57NrrDLnGQlAqkZeRgMwdueHMOXtZpoohbZULMLtX"
    "Jq1yPsCNSqucoodL4fu2AN+3WXybH82+KRdW+2JRELy+FmiVrLr8dsvroBWQTss1j959dV"
    "bmMAxtVVBmNnMcRheHYefSP/pWIdiNJn9APc8imR9vGLU/3mDDOsyenUQTKjI7f9Q3l8xW"
    "NUg3mYAy9XIpTxXLzLVJanJNpSU/hv41TLIwCdloIqdlVU/L3NPK+1irAqq8j8r7qLyPa7"
    "2P1x6eYTi2iltr/JBcy3ZZj+TETQqtDw6PHIb63DF1TH4IXYjMTegsIT7bc57QXCPMmxf2"
    "LFmdyuNfTr6L307giF4m6cYeXrc+ujvXXSjPCnbQuOLdeAn1uWbb4dAty1HwMoqnqJ2n+N"
    "fSxP6EbhmeP1mY9tIXsPijhWZZuQqR+AkS50eoqh29Pvv+3Uoxgj+KdKLRZffiIqsYBSBh"
    "29gK5KS8gjjlSl1gSCxTzZsayzSPrq/fNeJ65iMFY+IGZRtEtcGL6kaKxFUByQoFJJW52q"
    "rVXFV0bcNIegHpw74+Y1VXMQLXWeBDG48d+p8d298yGAQ1W99bWdSjZ1vvsXLcLYEVzd1t"
    "F1nOcEZ4oscNyxylhixCJvQzIDV1lrYBJ5pNaqMyO5YaCzPTIz78hU6ub4bjYW94gQgODI"
    "k3Ipu4hofe2Xf2Lxi7gdk8N+/nmDZfLP0gANg0glhc7D3CeWrXpb/ZQDPHo+/Y1mpWQbb7"
    "MJ/l4Saym9OxkBOpk4XR7BDCurZCT0paFenZMO+fipVomBqmYiW+xl7fifJdr7740cup5B"
    "jfXK8t3ntlKzeGvg40d+gHIg3yHLqY6Vwaon1MqDZyQpylp+MX6GluWhhp9nN0x8Pg7iB5"
    "DpTtHgrK4iUMOA3qnMHBLfr4+3vsEdA0WSYz+M2BLhnIEmSZjyxL4wnA8B2DodDp8gevf7"
    "DPZP9g35Y53VVJuVRVG+rdjI9T6TwSl34iBW80C8pS1CuBXcXuHy5d0U7CycPVpQrCK4kG"
    "Ho+oDWOJNvHL0OzK28dX99dv5Qu+6drdfAz8ie94dMOkM5z2GhxwZoeml2ROL0ZP67Cd2L"
    "W0Z7r1kifYVD8bS9eCoAX8OTh9HZIuiY19B88XV4hmdFe4RPNGrNqTj2JPTvRf2V05IaT2"
    "5dS2sTERdDAOqCGjnNu5KZBLgUu5YOdeSTRx5649V12wp2QBHuMveUUEVhIyAxxknA82zC"
    "ALikYQBDshn/6y9C5bPai9/9s4wa5k4q5WDMvF8Opj1DwdjKU4z2azX3mcp0SK89DNU5mH"
    "bgll2XHLqcmQjQjCNu9xpL9CPK9ps38ye7aNHk1i0meDi9OlH0rgtu4sFpD22TOwh058U3"
    "9oI/8L7QKBw3QH7wBKbByRYE+e6dNHuyxXdfjrJy62Dfr+HwJ+jMrSZwQJqYPHQi4k+n6C"
    "qKaNQ5YsaFYhNPmPFogw9OG7gozTKxYgea8dadZw9jzwBKfaczfoXxSjSVQ4VXxn7xr/oS"
    "IfWuBZN1nuqlT3ltsw5LAEouFQvl8iCaWobqyoruZeBdQjEZlhb/FxI44Ls4OurTBPKOQ2"
    "0fSAe2BrZ+IaW1k1FA0tWfstueKVNTKSUjLrwRsaGvVXuA03kwogxxINBLj+OGz5vAhNoL"
    "h5hJ2cDPtieB35k+ovO2jpEuz5bWR0omIobeRB1ZVH5wFCAT1nQTVbk6DVaKncFWU6Ir8b"
    "0p2QG+5etNUeJOK9cTqOOJVQPlOUk0pIplM0AU1ErUSeHWojAn4TlsQ2tBOBSnJpH+Dta4"
    "HWRh1JRCJcB1ZSPpcQN2iXoBR4q6tU8DVVTME496Gc1DNonbEeytvlcHzYdnz0jH0oAWXH"
    "Jrow+nr7pwJ9wA7xQf0YROaO538LATN0tS2gCzxIxxxTDLsIxFZ+uX1Z419g7FbCP5KQea"
    "di6yZMDijLxs+LE/d+EtTf9ifwQ6gGL3VFXmX/KftP2X8qiuwrNP82xVbZc0etqjTanqsj"
    "QqiJBtrI19iZW6FxFtxsrzXMyKrdWpvsir7FCGqd06naQZ/nWDM+oxNQG+GYHGftgBH0gt"
    "lHn2eW43hhK9rADXVKdlng793VS7awtdj/V9glovaNKztbV6b7fMPqUbOWAqwLt41IRG0a"
    "lTYNiRayMZ3IY3ORu5at7q9fzmBNmETxUOuXtF/nOHJooieNILoaLlygy7UpJKhzbB3T20"
    "EqpuxaVUkaaKNevDT5Sw/cqT5BHvahdgO99kQHHQtu8Z3VY4tDvMsuYYcOH1CcUat6AGBj"
    "A/+OJNBPcMxVqki/6yWZ/+xMRatmdKtwwYTDJpO/nCkptVbm926ZULeVmmlTS2SiUf1t4c"
    "L/ByFq3EFCLup1/zFqiv1WJ0X3fiKliSUVE3mKEXxxG8F4OoV/RtVCYf0p6UY4aOHFHHfB"
    "kRRbPLCtx5nRfOrqasuHQHSLZWSPUQim/S2k++IzfVNtHgwF2yCQyqHc+K9noVH1zvKPYJ"
    "UpmEhbFRzCyhRMVCU/+ZKfb9+WQJi2yi/5CffKlPzM57obVfJz3wfZjqfm3AZrNR0ynoYC"
    "xJmiggLFF52symq20enpacmwh4K+2Uly90fHonuLaLUpTNPMi6n0zBXSM1N9ZDLFdPsWIF"
    "7M6SQlj4fbaWHNs0w4L0IwJCylHwdzg+nyLGc9mjtLj2w/P46CAOLHQshlCM4J5dIRvEhj"
    "cknWlqw7zRBVnWFZ8eOZZl8NhZrOB5GjKPft5YJ1M59tO5MaYs9Kc4s2XeJo5JVeQf/rtn"
    "/bP++gQPrOHvWvxh1YTv07+8fu4ALuzTS6HdN75zfD62u4YHiO64bvOnheCZYLF3ueI8iN"
    "nq91J6WaYDzuW/X2sO89T3znAduVSiql5bZSxY+nD1Sd5z1b+s3K45HYmiDkvXqXc2KqLK"
    "xsqock3tsu9kx93hI4b8M77SLfrRa32aXjtpIH9mtxv25p6RREv+WFTedzxvlB08fJau6B"
    "NYZJVQHhsHkD0X31spTX42WB1+NlxutB3+iHJXbKqqmcyDGQxVKpqAfdzP7+f9Bk8IE="
)
