from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "conversation" (
    "id" UUID NOT NULL PRIMARY KEY,
    "kind" VARCHAR(16) NOT NULL,
    "key" VARCHAR(120) NOT NULL UNIQUE,
    "last_seq" BIGINT NOT NULL,
    "last_message_at" TIMESTAMPTZ,
    "version" INT NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "booking_id" UUID REFERENCES "booking" ("id") ON DELETE CASCADE,
    "job_id" UUID REFERENCES "job" ("id") ON DELETE CASCADE,
    "subject_user_id" UUID REFERENCES "user_account" ("id") ON DELETE CASCADE
);
COMMENT ON COLUMN "conversation"."kind" IS 'BOOKING: booking\nJOB: job\nSUPPORT: support';
        CREATE TABLE IF NOT EXISTS "message" (
    "id" UUID NOT NULL PRIMARY KEY,
    "seq" BIGINT NOT NULL,
    "body" TEXT NOT NULL,
    "client_msg_id" VARCHAR(64) NOT NULL,
    "attachments" JSONB NOT NULL,
    "flagged" BOOL NOT NULL,
    "flag_reasons" JSONB NOT NULL,
    "review_verdict" VARCHAR(16),
    "reviewed_at" TIMESTAMPTZ,
    "created_at" TIMESTAMPTZ NOT NULL,
    "conversation_id" UUID NOT NULL REFERENCES "conversation" ("id") ON DELETE CASCADE,
    "reviewed_by_id" UUID REFERENCES "user_account" ("id") ON DELETE SET NULL,
    "sender_id" UUID NOT NULL REFERENCES "user_account" ("id") ON DELETE RESTRICT,
    CONSTRAINT "uid_message_convers_bc0d0e" UNIQUE ("conversation_id", "seq"),
    CONSTRAINT "uid_message_convers_d0ae90" UNIQUE ("conversation_id", "sender_id", "client_msg_id")
);
CREATE INDEX IF NOT EXISTS "idx_message_flagged_1d0f71" ON "message" ("flagged", "created_at");
COMMENT ON COLUMN "message"."review_verdict" IS 'OK: ok\nABUSE: abuse';
        CREATE TABLE IF NOT EXISTS "conversation_participant" (
    "id" UUID NOT NULL PRIMARY KEY,
    "role" VARCHAR(16) NOT NULL,
    "last_read_seq" BIGINT NOT NULL,
    "joined_at" TIMESTAMPTZ NOT NULL,
    "left_at" TIMESTAMPTZ,
    "version" INT NOT NULL,
    "conversation_id" UUID NOT NULL REFERENCES "conversation" ("id") ON DELETE CASCADE,
    "user_id" UUID NOT NULL REFERENCES "user_account" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_conversatio_convers_4a1942" UNIQUE ("conversation_id", "user_id")
);
CREATE INDEX IF NOT EXISTS "idx_conversatio_user_id_fd94bc" ON "conversation_participant" ("user_id", "left_at");
COMMENT ON COLUMN "conversation_participant"."role" IS 'CUSTOMER: customer\nSERVICEMAN: serviceman\nMANAGER: manager\nBIDDER: bidder\nMEMBER: member\nADMIN: admin';"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP TABLE IF EXISTS "conversation_participant";
        DROP TABLE IF EXISTS "message";
        DROP TABLE IF EXISTS "conversation";"""


MODELS_STATE = (
    "eJztXWtz2ziy/SssfdmkyptNlNjJ6t7aKlnWZJTYlq8kJ1MTT6koEZY4pkgNSfmxu/PfL8"
    "AnCIIUSZEUyOkvmTGJhqTTeHQ3Drr/09kYCtKsN+OdvTCeh49Itzs96T8dXd4g/D+81ydS"
    "R95uw5fkgS0vNKe94TR02iws25SXpLt7WbMQfqQga2mqW1s1dPxU32kaeWgscUNVX4WPdr"
    "r6xw7NbWOF7DUy8Ysfv+HHqq6gZ2SRP390truFplprpMxl5yupSuc30mj7ML9XkaZEfgV+"
    "iV85z+f2y9Z5dq6uRrr9k9OWfI3FfGlou40ett++2GtDDwRU97evkI5M2UbkE2xzR34X+d"
    "oeAP5PdX9C2MT97pSMgu7lnWZTOCzm4bPOfH49ns2nw9l83smB3NLQCer4q1oOACvyFf7+"
    "z273/fuP3bfvzz6dfvj48fTT20+4rfN9468+/ul+mRAttysHs9Hn0fWMfCEDq9bVOHnwpy"
    "Mj27Ir5agoRB+RYTPn6eD2dnTB1wAtw+hht1OVN0SS1YaPvbDqSEF28HN/8ur92Wvn9xqW"
    "vTKdlw5CDrwhnLhHJG/iYA7WsskHM5RgoMQvioDoPwhRDGd4HaN6Iz/PNaSv7DX+891ZCq"
    "zf+hMH2XcusuGovfbedJ1XUYAddHLA67dvI7jdT1nQ7X5Khpe8i+L7gF7ywOs1FxndjrVb"
    "/I6WtqQqPemrfP8gSxtkWfIKSd63FwL4haFwkP8yHV/zkffbM9ArKv6l/5Xw9hvbEI+oAm"
    "wpSE+qiSTyrSXjXiIPnG1EenUzGc/Gg/GlZGEl4faSuxwctGIT2EgnG8v6Q6Ohf3XV/4XV"
    "yuByfM4u7aSDc0ZDS7xQ24FNE9XTBX5jqxvE11VUktWYJ/rG/x9x9JZ9YcI/UBnr2ou3aa"
    "eoZja6Gk5n/aubiH4u+rMhedN1nr4wT1+xO0TQifR9NPtZIn9Kv46vh6wag3azXzvkO8k7"
    "25jrxtNcVij7wn/qoxbROmvL5tE7K1uC5r2vLIriG6JoH5NUTcu2jTZb24prOdEXoUX2ey"
    "RlTeS31Xok3XcfPn749P7sQ+CIBE/S/A/f1wgB1WTLniPTNMw4pDP0nIBpVKqQZdGgSTL8"
    "ZZa+UQVz5HJ8/dlvzu5ef/5J3Ov7B8rFIw8W8vLhSTaVeeyN0TWS2sZfbbob9omsY/tJ8X"
    "4x+X1eLOLGNJbYuEJKYrSCaXGSFrDY+m3nKGhcauTih6Oq3QY5oyrwa39jIhoQuxAydkHr"
    "LqvDQsuI7LUU9AnPPmTwTM4+JDom5FV0ERcpQCTuOp4jRBQuagUMSkYWXAlRLMwkV0KQff"
    "kKbRbItNbqlrcnU29T9+NNtF3JW7FhrmRdtWRHmjSy8JuDtuLkFeoYwevO/97vdDfE4XwS"
    "+efDvzoCLlbJW65paAnh16G+2zhYj/DXkPUlimHuy4q87XbG36+Hk55kPOFvc6df9a/7n8"
    "nf7sTCT6bDybfRYIhf9CQ8Ph/VJcLvCkURS4+NP+K56c2djP4rJVGf+/quWqO0NPcV4n1/"
    "lU2a1jq9C+U0ezmiYP0yk4ps6jlhpUQATl6ohz944xD/ZJhIXelf0Utso2aA9ZklTHfNhD"
    "h8Gi4BpvwU2JC8eYv/ByOAbNe86U8H/YthJzaQS4D41uumpdBSc5cP6XHcocjA5lGqmIGf"
    "wqliW+5zijp9CXvxj6qCTGmxs1Qd+/M9SbUltNlqxosVWJVIl2RdkVTLMz4VafGC21mube"
    "q886xS6w1rf1b2IfvZX+CgHdVBc/4bwzk5Huq3F9kpK0w+epvJw3qb4mK9ZX0sjAb+BnNr"
    "xyF5JbpZUSE4KGQ9LQ+fpbHTOb7WPlgDMQCWBRYiAqXCCRGBZKjbGxHYbZWCWo9KgtZF0T"
    "qHDuR9e8qVJgZw3gAQJQOhij2hCoIVONB7YxPUkIp40BM8wCejwSzNhab82uDkjkNvO/eE"
    "f/o6QVrgyfLhjh4VtgT0yMT/t6GjuabqDwciRccQfsV9thUvL5RwIFpTt5cMIIlJ7kvHaG"
    "EYD7iTAzE6d3tpEUa5Ynz0LSu8S9ybBs9b9AEd62hm4H8yDL1Iby1CNkdAdIIBQNZ6Zjwg"
    "bkA08v4kLSBqui3ndtB0b0QUa0nyxCRHjNwQkSXNWKm69ErGYhtVe3n9RiKWphOdnP7c/3"
    "v39IzELZ2xoPyPZBq2o2fJ2iJdsWIR0So+5E5XbS9+au2Q5dxq0dGz7d9wsTCIXsdYFm01"
    "+QV/G/ypRBy3cr7SI/4yrqjbEuKsolivJylxVldXOf2DiFC1DkLzrs46k3K+lq11nvh1VK"
    "qcKPZxqdUV83mdpapIMCMiCLEMUWIZWSJY6Hmr4t4KKD0q2UKtN0TLmS6wOVZFASXTcnBF"
    "UWQNu9ZikdU7KglaFlnLDmkG+2k89zbZEopKteHeZNQU6p6eZrCFcKtEY8h5x1hD2zwQu6"
    "3bB235VibQPKs8OwHuYYO5hw7qnBCbr43k0Jq7wi8DvkulWdwgvnTU+BLayKqWZ28KBFoX"
    "A+meZtmecKuUjT+2QQFPkkpnlYkn2U3hSXbjPElD4x0JJuezCgTqT2hFrReLnarZqm69IZ"
    "93jCWjksxVJlpxWYDJwz2UAGt3v7WLDS17xxnt2e7FhtL1LS4dbDaojyjnAO/0B7PRt2FP"
    "cqXv9Ont9GZ4fTG86EnWzjkTQ8qdPpz0p+QR/tYWUtiTuGzU7bLvxm5ly3oysO2W94AhJt"
    "jCHaAS1xq4xx3gHsPJDXCPQetZuMc5EsUArbMABY8QaZU5fV2zRH5nW0GLkLkOxIulkLUR"
    "r7K4w9Mgswwwh//azGFLM+z5UpPVzaEw4Y4GpJ+2jibsp6krfYN0XgbfPEj1g47aClXddP"
    "QmgzTHLXRLLcFgmAUdtXStWqjKoUPKPS5q43D63SAtNiWsTwO3lxYDdSBAX4xFW8Ex0aOK"
    "nqz5k6naNuIE1/JZ5KSztkNloiVSHxEvUzdg5VuZbokc0ooEYctwjwdUVy3d77wyQmSIkc"
    "Fx6BC7crtrO1gWl9dYDVCNnIz0JJyXFuG7kU1bXapbuV2WA9wgrTFSs5H1+dY07lVeEugC"
    "sAW93oSdthG95Ropu5Iwo/pqCVQ5+ZP9naLaE7Q0zCgvkfP6JI1NKZOGxDr0WwrDpoQKMu"
    "RdHRVksLoNPk89mRBCywA5aj85Sl7ysxGnInwI+SyD7dKmC72+7+aAlANlVq6FvKb33Qxg"
    "v+8mgk1e8cHOt2REpWBQ7x/UC3SPTeo4xin1cAOJgwjEgi3OdTOF5Xubd7UoGfZAAFA/hJ"
    "+Nf7aVd1WJSrXPFKmkzDZc+KxmwQZ6ajL0zSQqCl7RLpZecU8ZB59Ila2Uw/zffvMi9Ryc"
    "8grIkmSJdJOpOgNHJFORPOd7QpE8oe5uQgmpCuBmSJb5YKVEAE4oIXV40PqkjBJS/h5zIM"
    "Qtowiz0FJzV6Q0DgxFm2N9xEncybYHdcCWx/IIxaQnw3ywJFVPMTr2tObaG36qEbAzxLMz"
    "IMkO2BViwZliV0DOolJyFoH90BL7Iclq2G8rZDYQaiMswNYOZRwrPAaoID3RUrVf8uDrt2"
    "/f2W0l8K6QsUG2yYE4+SSRlqk/B1R+vDufkUF+jXRjaC8rvNgYpnSFBVXv7xPp++fppw+S"
    "pq/+obmHG+KdPG5Ufa65d/gYK0Iz5AQKGiXD6OmeCImjoTLW8Ivx7fnlULqZDAej6cjTQH"
    "AE47wkj/AD1a/L1b/kgcw7GNsHMvdIDEDmg0wWtbwjOZQBkDODnHckhzIAchaQw9RsDC3Y"
    "MDQk68mcyUeeCbjAUlVh7Fst9WJ8Ph5fRjbC8xFD/L2+vTofYqPldRRrqI8MOcqABAI5yk"
    "DrdeYoixyNQl3VTkroMunOHWSUEjSxjWAkT6HyazQFmyqD/AMMz8owXzqcQH/w7iQt2L+k"
    "W+1lBMxI0VGEFKRItvxs6MbmRXq1xdvtgtQd/ZeE/YcHUohUVk3pzZs3r3uSpe1WliSbWM"
    "75TElVrDh3oMR+Sz56SOFul3jZRqBqCGVRt+Hs4VjB8S2eFXreyx4RoYouJDR/UFMgG2Gq"
    "tYyuPS1Sn2//tiqAS/DtC9n7kNVTHBtMtNX1KEaYP5SSKZrpJphFNcrOySTHgbK0xb8Afy"
    "tSEN6fFyeSk4paWryQ9/49ENpLJqLkbcwMK7PzO52hgxJLDr/GRhk24nAv0iv0jH+q9uLU"
    "qSfdmq+hNn0TyCNYlQm2xf5iNL5sjaVoqPmV5/h9Opx8Gw2GPX/s3+k3/cHX/mf8xJsY7P"
    "zJZPGVXnnGVm1e6p+Ukva+QI06qGqAs+BmMqfPUszps5g5TX+zGMoz9Jxg7TFiLcA6Lbg8"
    "/GUWiSvHuCNBbPlyfP3Zb84SShgT28Szbi5v/HKUjDGTksSIlSxkbddj9xEiBt4x8ae4aX"
    "vFymxEHb3tTOwgLvOR2iiZ9t1xf58l90ty6pfYMrMzvYyMqr6zee5N4nDniQo85I92fLxB"
    "iirHcU2mDAYCza0Z6f4GyUT3iMxFZEmvVMX6x87UrNcnko4eyR3xF2/QiMcfVG3EK0yRrL"
    "JAoLkqK2NDrkQZ3k2HXPqgZZqrEudnWMR3DTxk1cJ+MZlUiqTqYk4eUvgzwTPIVjW0Ui8h"
    "7horpnxv59XMxaT/06wnObJ3+uh6Phl+Gw2/97BWvLzZ2HG7Pb8cTX8mNUO3uwUeAGtSRp"
    "QAPPpGHsrmcu2ncD++QweksVJ3fWIb6au5tdvkQDQqBNH6BFCXfN9sH6zLgxyzVgMbrE8F"
    "6G6sbAmEN8E8guby2+K0RiCzJk+qZtIagcz6V9R6Epk1Mtc9llVOUgYj1r4YWvm8DOcckZ"
    "ThzZsYjZE74FRQMMTLSV7i4lMgI0xMEJBNz4/mD8Q4yFUnRxMT3v250Zipuz+xSTgmSwA5"
    "Y8aYRoObK20MTSk+EFuaw9xOfJktPoLuBJsdk9FglpZCBu4mHJX6FRbm4rG/ImW7Ughg0X"
    "Y5MgL/zZJeGaZEIN8i/I9uU0n4/ma9DtP/Ot2nZQou0hUwtQSwJU6kZKbWGntUmsrL4pXs"
    "dNAyLWCt1MAQWqhGHOBkZpDXvAXY1s0IWsi6nq98SCjRgPoh7Fm9mKeKK1nTkKnyGCopyZ"
    "dooeaeAwt7NG8ZS1XWki7yJuuFlRNDNeRjW6MaOM7tQA4QCKDDsQloPe+xydESkLP23lHv"
    "Z5cUwBelaExLsM1xdzUegcpaDsWv211PvF8ETVRTCYUf6s+JbsFAfyNQ3RvgL/26LH5/Yx"
    "r3qoNZSm0Tv9FJxvImW6o9JDBvbWQTYm41xdyoA6pckQVWTozIQiHyv/9TvKRD1C0AutSR"
    "mNG6tbFBuVPq0kIFc+qKeTrIg72MlLouYDmzQ9NCgHIGlIHJD0z+5gC7NDZbYkYrc342nk"
    "Ro44IALiTWrhROCK8mQw3h1errO4oQIzleDLDO6JSQ0AsVnlqukbJLiEr5705Sg1F0KwhB"
    "tTYERTY0fonMtNxboUyNwajb2aAqbKu+0POE0IOWq9BbKNHcmBOwWcDwBsMbDG8wvA81vE"
    "PU0fMSOd/x0NTRnn039Ptr4OTKcVsG/BSh/ZRwFKY4LJGhut9zmaNI+wwXksg+I9lr2ZYU"
    "lWTFcm4JbZyjMtcck7aybSNT75GsWZKsaVjk5YQkizaIdyOtjZ3JKQxSas8cj+pHxFsjn9"
    "X5DbwskbwshZvDjNhGfJz99mkWUXMXbO7RGrZo2BKfj7Lq/pL4Tpda5ZOWq7HQZ/CksZU+"
    "8bZncmz45EhAINC+rB6nGWIAp4khgFM2AoCSss3zgUUHJJj/K8EabPb59jFGrMwNTdwltn"
    "g6D9q8YJgheZMh0NHnZkK7135mBlcGG3rPIUuJ9rZm2ANNVjcdnp0dvEy3r3Gz+TJoV+rZ"
    "wI/APXM+xd1eDrJl0zLscyc/J57nKVlYx67OZPrJNi6lMa6lmxwFjEq2MArY3Khf/BKbl6"
    "El54YblYL9lo2gCxNLbSycKeZLvTmyBIX08LAfZxUoAdXsuZqaCmx07RPJHOxbFtbVBvEz"
    "P1FvUw1C//fJ0fYlG4bUiAvvLUCcU6w4p4Zkng2eFq3zRSBQlyNQBwSGDqTjAALDYek4wJ"
    "OpwJOhLjHnDMmyggBtulcDJni5Jjh/FIPfuDfczU7c3Ol/q3Rx/LHN8W+oYb/XuSnfowHH"
    "RSTHpVnVwPPP+s74en4xvOpfX/QkZ37iCaPc6dPBz8OL20tSPs4/tRKkflzTyv6ZCLe1bK"
    "TkHPd4gfy/W7xGEhUEfdzp/cFgeOM8lJeExYYSlOUUC7yZjD/jdXbqlAvcmgYZ99adPhhf"
    "3VwOnU6C27j4af96MLx0elkS8DSnl4vh4HJ0TR4qaEkSJ+Nnw19uRhPyCD1vVVOUgZE3DQ"
    "RkgOhlzk2QN/kD5H3Iji32S8m05C9pCUS2UKQFOX+YwuNvs+Qwx62Si4+/jeUw1w1uzfHk"
    "jEqBQAvwTYvMVJFTKdiDCh76x8Wh1KPIB/+hwrhcxqza5jMbQddC6Xq5M0nyfs6N1ZQ6f5"
    "SMyK5Q0Q0ry3aVvFmxW9XWVJdoLm/4GYvSWGusZH3HOS2hsEWyG21Ui5yLFdIEVxzUUVgd"
    "Np5vRfQQlQMFFFeAYctaMRUwkqCEwkpwoy1WgcPoqCRYWCJbWMDg6ACDAxgcUFAFtJ67Dv"
    "3Oso1NbsI8Iwb0EmYJ/d1Y5EQ0lIBy6A2pU9MKdD3GSTGCGWDKxZTk88sJKCUCaKZS9fyt"
    "J44ukMmYSvLRTTqBSsZZDEqAdhr21Mgxm5Wplx3b9LpeuQE+sLJXQ1DeV9uLDzW2pUpA+I"
    "vbSzuBDc3NDHjyc9rmBvRXr5t2Ikrt4BFI8edL17eXl2mkXebiv5MQ4tCchHQCipZscFEO"
    "UHBD8kCkolcz2wgVfqNbagmJLmdBR22FykSPKno6EKaJ00lbIcJvSfhcLmE8Daiu2rMzcF"
    "KmlncHg5qCnGsY0Qm6/5q5HW2/N6/nbI0kT/ZvlrRWsYNhvvQkhLX4IjlMcWm5lvUVkp5U"
    "ey09rQ1pIytIUu14Js8D+yr5GgjkNir3DDb5egjJ1jpPuZLA10FUqn25/Mon99tGfpRpmR"
    "byzsoHGa+Whjk3DV4+vxQyekRK4MEcxJBOqAKnJ5K7O+GHsrJR8d/Wi2WjDbvCZ2ICdrNQ"
    "AbvJXMAuqxETyRYvwpKsjVCiBcz1Gm4GAD8gGf1mnhRn4Qe4a1a+Uw1aBo41orMIMmZAWg"
    "eR4pd50zo4c7u+Qzgx14C9qNIrYO6wcKW5HNSoT0w9PkmNHHgNSs5I5x3ZQDY6UZM6FCGy"
    "A4W9jHs1cH2s4utjG2RZeJGMA5x815kSaYHPWPdt561p4NWn6GXnuDTczhCHYRx3HMXOPs"
    "OZZtisUR9RzsnW6Q9mo29DkmOGSN/pBNiLSf/7dc85v1CwWajf6ZPhl+HAS1DzO1om5Kcp"
    "EkkrP7YJ12o6cK0GwmZwrQa0nvdazZHuf4im4VKvKEAa3MrjpXUSZwUFtChzFlLflkOoPy"
    "D1bTQXyeHE0IHbS2O9x3qJaT5anKAyBWRyYJnMqyXVMEONaSfDJ4mqGqYk69YTMiX8hyzh"
    "rtxyz/iNjqSFqkjGPZeDVrAPSEEswD52khKtXhgKJ2CaHM/z27ciWFp3OA/iBB2IE4DHeC"
    "C9Zoe1lZtfQwuBc8MybFQlL7smkAC2khAJLdozMMHrrs3rXvAGan7Gl9tLIyf7frJXsNBl"
    "IHo5mwwEMPZSvejNWKi6PWRp4Ljl3oqR6pJncsVzcb3AURbJUbZVO9/VlUCgFa4ye4Se5b"
    "YEbpVyiB67LUF/sxjOyREJRqwVaNcdmKi3vE2D0G5efZu/GLhQ4KaGa2xArK2YWLvYKdju"
    "m29Uzs6XxhuPygF3vDB33AdSfi6mAFcOFFBYAfjLkmp/xYjOMWHgOYtD+YpH8H11FajoxI"
    "iCnkXWs9h89niUwtgiPaeZ1hnfDK97EpG80/vf+5MLh51OIlHJZU/FLHHqU+rn+U+DOKJw"
    "LCRsfRXRDI42LXnA8OgAwwMYHnATBLSeu8AK1sLKMF+4tkdKoCkq1sJY09mHDKbe2YdEU4"
    "+8YgN6UMsGqlkIiGYK9weqWWSlV+SvZuGvoSVgO6C6aiu+0R0HygKIVBbAS8514IWm7EnM"
    "GgI2S/s7FJ9MlL+mTPDoWljzjbiGggSZ7Y93gdCrmsAhKob1FJK5imbYpuTUdFQSSY8KC6"
    "nphOIwYkS4ST6nG1nTEiOUoVSbzrffdz+eBeFJ8kdaZHJ61b+85FSuR8+cEFUyVdFv3wLa"
    "Ud0MxbWqKIjHjjEMDck6H+9QiEEcr1RaVZAHT+pF/Xw8voygfj5iYb29Oh9OXr1zVBCS6u"
    "LD2kRbwywWgGVE4XxenIBrPM7uKmtepA4AIyhwYQaRiJRwOtiB00E4J4L730L4CVBhoVJQ"
    "rd2C5C3Nm4ktIgWgQtmKo5WtgNvMpd1m5qwLAOzePHeRpVCoe+KRoDU3j1s0qJ0cjV2yLe"
    "EKeWvDr3j5TaA27afD+7Ii85tIDOrr6Ppzz69We6d/GZ/3SIbAO316e3Mznsx6krXbkuhB"
    "J5Miqia9P6Bctxq95uUo4bgVbqPAdjPd5++m3OfvxqIdmmzZcwv9wQnaptyoo6XqC3m8rQ"
    "rmo1ymczD0Kq8UiI5wxCGQK3IgF+KKHYgrQlwRbh2A1vPeOjhy6LM5m6L4KTBbiaUfBNlZ"
    "ua9rcEQBXeHCyWLiWno0uc7UrQ2FNFe9FGpu1xdJbiiwnIWQj3CWCwaeX3wg6/kqLIvaMF"
    "swEz98K5u2ulS38sFE+puwpzaBVeXhhD+2OOcS1LBLPpKgSvaWzRBnTztInA//Ft4LrDBn"
    "SVpqKtLt+cZy9hqWUP6jc6/Jq5WbQ4Xyvn+Do46jHnXkDvvWHvGtnmFedwo7qORTHx09ui"
    "rFUE9JV8AKtgL+qhMWyLYtL9cJ9/K+TMfXCay/qBgbmVOXtvRfSVOtyhYZailf7FTNVnXr"
    "Dfm8Y6zmBKb0ecAOeWbZJx2w84DafXPcy6Ck4GJGjosZBDePdZ9rHrByMBFKnwjurco5Nm"
    "IJmvwdYT/LI96LwDcrOuOvPcl4uNP757fTYU+SF9jB7hTYL8qndbg4FrzBFBGFg29xDm/i"
    "Z3ZwUps8xZp5ZpflpJYOFuRNYRUXBY590uK54OdiS0Y3LgkHTsxxnhPXynuQRwvBcN2TJ4"
    "yJJB54MpIzPYmgEO/PaRVfFzMcQgVBWrjIkHr+RM/fDDdEqGUUzvb2YBvfcnInD6vyLIY+"
    "vuKcxzCnW9muicy3jFTFhzTOGXP84MU/etbQvQ1HLnWZEinJfYyk+oQZ4g6G+KUKO4Pb6W"
    "x8NZz0JD/D5Z0+HU6+jQbDq/51T8Lj8VFdIjwX73T8oP+ZNHVnJm55Prq4IA8WJCcM/vtq"
    "SIJuuAHaLMjf/YurEe5EVrxiSscPYjg0fOLFFbxEQYvCTYpih2q/G6peKL4QEYTwQpPCC/"
    "6GllPjlBgEDUUOGsJtmU6pt2UgGldlxKgA8bscwnd74IRokQjRonqpyk2F9gCOcpVxjD4y"
    "1eW6wwlheG9O0qIXcthGmPQWiZs9d+Hk7POe9g4LPFTPQjxwn0+ONySaUcnkt2Q7SqhIQ0"
    "HaW/f0NEMIALdKjAE47xjmG55UORD2mrcQ3XeZEnK+S0nI+Y5T2dzQbS9Nf1YuFSVSP43q"
    "OOZVaYSpmCFW52b25/8DI/077w=="
)
