"""Money throughput (issue 13): `ledger_write` stops planning its statements on every call.

PostgreSQL plans a PL/pgSQL statement with parameters afresh (a custom plan) as long as its
generic plan looks dearer, and a row source `unnest(<array parameter>)` is estimated at 10 rows
generic but at its true length (2 to 6 legs) custom: every statement of `ledger_write` that reads
the legs was planned on every call, ~0.25 ms of the function's ~0.9 ms. The function now runs
with `plan_cache_mode = force_generic_plan` (its own statements and the triggers they fire), and
the two statements whose generic plan could have been a hash join over a sequential scan of
`ledger_account` (measured on a small ledger) probe its indexes one key at a time instead:
the account lookup (a scalar subquery per leg, on the unique (kind, owner, currency)) and the
lock (one primary-key row per guarded account, in id order). The steps, their order, the
refusals and the outcome are those of migration 24.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return LEDGER_UPGRADE


async def downgrade(db: BaseDBAsyncClient) -> str:
    """Migration 24's `ledger_write`, as it wrote it (no SET: drop this one's first)."""
    path = Path(__file__).with_name("24_20261204190000_money_speed_sync.py")
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return "ALTER FUNCTION ledger_write RESET plan_cache_mode;\n" + str(module.LEDGER_UPGRADE)


LEDGER_UPGRADE = r"""
-- One journal entry in one round trip (domain/finance/ledger/journal.py calls it on PostgreSQL;
-- the SQLite demo runs the same steps from Python). Each statement takes a fresh snapshot (READ
-- COMMITTED), so the sums read after the lock see every debit committed by its previous holder.
-- Refusals write nothing: the lock and the checks come before the first insert.
-- Each leg's account is looked up once, by its unique key; an account is never deleted and its
-- key never changes, so the ids stay right for the whole call. A debited account missing at the
-- lookup counts as empty (its entry must then credit it at least as much: no overdraft either way).
-- Generic plans only (see migration 26): every statement here is planned once per connection.
CREATE OR REPLACE FUNCTION ledger_write(
    p_id uuid, p_key text, p_kind text, p_pending boolean, p_digest text, p_actor text, p_reason text,
    p_request_id text, p_case_id uuid, p_reverses uuid, p_resolves uuid, p_created timestamptz,
    p_kinds text[], p_owners text[], p_currencies text[], p_sides text[], p_buckets text[], p_amounts bigint[],
    p_guarded boolean[])
RETURNS TABLE (outcome text, entry_id uuid, short_kind text, short_owner text, short_currency text,
               shortfall bigint)
LANGUAGE plpgsql
SET plan_cache_mode = force_generic_plan
AS $$
DECLARE
    v record;
    v_guarded boolean := true = ANY (p_guarded);
    v_ids bigint[];
    v_lock bigint;
BEGIN
    -- 0. each leg's account id (NULL: not created yet), in leg order: one unique-key probe per leg
    v_ids := ARRAY(SELECT (SELECT l.id FROM ledger_account l WHERE l.kind = u.k AND l.owner = u.o AND l.currency = u.c)
                   FROM unnest(p_kinds, p_owners, p_currencies) WITH ORDINALITY AS u(k, o, c, n) ORDER BY u.n);
    -- 1. the no-overdraft accounts this entry debits, locked in id order
    IF v_guarded THEN
        FOR v_lock IN SELECT DISTINCT g.i FROM unnest(v_ids, p_guarded) AS g(i, gd)
                      WHERE g.gd AND g.i IS NOT NULL ORDER BY g.i LOOP
            PERFORM 1 FROM ledger_account a WHERE a.id = v_lock FOR UPDATE;
        END LOOP;
    END IF;
    -- 2. a replay (same key), or a hold or entry resolved or reversed already
    SELECT e.id, e.legs_digest INTO v FROM ledger_entry e WHERE e.idempotency_key = p_key;
    IF FOUND THEN
        RETURN QUERY SELECT CASE WHEN v.legs_digest = p_digest THEN 'replay' ELSE 'conflict' END, v.id,
                            NULL::text, NULL::text, NULL::text, NULL::bigint;
        RETURN;
    END IF;
    IF p_resolves IS NOT NULL AND EXISTS (SELECT 1 FROM ledger_entry e WHERE e.resolves_id = p_resolves) THEN
        RETURN QUERY SELECT 'resolved', NULL::uuid, NULL::text, NULL::text, NULL::text, NULL::bigint;
        RETURN;
    END IF;
    IF p_reverses IS NOT NULL AND EXISTS (SELECT 1 FROM ledger_entry e WHERE e.reverses_id = p_reverses) THEN
        RETURN QUERY SELECT 'reversed', NULL::uuid, NULL::text, NULL::text, NULL::text, NULL::bigint;
        RETURN;
    END IF;
    -- 3. credits posted - debits posted - debits pending must stay >= 0 once this entry's lines on the
    --    account are counted (a hold being posted releases what it adds: no change)
    IF v_guarded THEN
        SELECT g.k, g.o, g.c, -(COALESCE(s.available, 0) + g.effect) AS short INTO v
        FROM (SELECT u.i, u.k, u.o, u.c, bool_or(u.gd) AS guarded,
                     SUM(CASE WHEN u.side = 'credit' THEN CASE WHEN u.bucket = 'posted' THEN u.amount ELSE 0 END
                              WHEN u.bucket = 'released' THEN u.amount ELSE -u.amount END) AS effect
              FROM unnest(v_ids, p_kinds, p_owners, p_currencies, p_sides, p_buckets, p_amounts, p_guarded)
                   AS u(i, k, o, c, side, bucket, amount, gd)
              GROUP BY u.i, u.k, u.o, u.c) AS g
        LEFT JOIN LATERAL (
            SELECT SUM(CASE WHEN p.side = 'credit' THEN CASE WHEN p.bucket = 'posted' THEN p.amount ELSE 0 END
                            WHEN p.bucket = 'released' THEN p.amount ELSE -p.amount END) AS available
            FROM ledger_posting p WHERE p.account_id = g.i) AS s ON true
        WHERE g.guarded AND COALESCE(s.available, 0) + g.effect < 0
        ORDER BY g.k, g.o, g.c LIMIT 1;
        IF FOUND THEN
            RETURN QUERY SELECT 'insufficient', NULL::uuid, v.k, v.o, v.c, v.short::bigint;
            RETURN;
        END IF;
    END IF;
    -- 4. accounts on first use (in key order: two creators of the same accounts cannot deadlock)
    IF array_position(v_ids, NULL) IS NOT NULL THEN
        INSERT INTO ledger_account (kind, owner, currency, version, created_at)
        SELECT DISTINCT u.k, u.o, u.c, 0, p_created
        FROM unnest(p_kinds, p_owners, p_currencies, v_ids) AS u(k, o, c, i)
        WHERE u.i IS NULL
        ORDER BY 1, 2, 3
        ON CONFLICT (kind, owner, currency) DO NOTHING;
        v_ids := ARRAY(SELECT (SELECT l.id FROM ledger_account l
                               WHERE l.kind = u.k AND l.owner = u.o AND l.currency = u.c)
                       FROM unnest(p_kinds, p_owners, p_currencies) WITH ORDINALITY AS u(k, o, c, n) ORDER BY u.n);
        IF array_position(v_ids, NULL) IS NOT NULL THEN
            RAISE EXCEPTION 'ledger_write: an account of entry % was not found after its creation', p_key;
        END IF;
    END IF;
    -- 5. the entry (a concurrent writer of the same key, resolution or reversal wins: look again)
    INSERT INTO ledger_entry (id, idempotency_key, kind, pending, legs_digest, actor, reason, request_id, case_id,
                              reverses_id, resolves_id, created_at)
    VALUES (p_id, p_key, p_kind, p_pending, p_digest, p_actor, p_reason, p_request_id, p_case_id, p_reverses,
            p_resolves, p_created)
    ON CONFLICT DO NOTHING;
    IF NOT FOUND THEN
        SELECT e.id, e.legs_digest INTO v FROM ledger_entry e WHERE e.idempotency_key = p_key;
        IF NOT FOUND THEN
            RETURN QUERY SELECT CASE WHEN p_resolves IS NOT NULL THEN 'resolved' ELSE 'reversed' END, NULL::uuid,
                                NULL::text, NULL::text, NULL::text, NULL::bigint;
        ELSE
            RETURN QUERY SELECT CASE WHEN v.legs_digest = p_digest THEN 'replay' ELSE 'conflict' END, v.id,
                                NULL::text, NULL::text, NULL::text, NULL::bigint;
        END IF;
        RETURN;
    END IF;
    -- 6. the postings, in leg order
    INSERT INTO ledger_posting (entry_id, account_id, side, bucket, amount, currency)
    SELECT p_id, u.i, u.side, u.bucket, u.amount, u.c
    FROM unnest(v_ids, p_sides, p_buckets, p_amounts, p_currencies) WITH ORDINALITY AS u(i, side, bucket, amount, c, n)
    ORDER BY u.n;
    RETURN QUERY SELECT 'created', p_id, NULL::text, NULL::text, NULL::text, NULL::bigint;
END $$;
"""


MODELS_STATE = (
    "eJztvYtz4kiyL/yvVBDxxbjvpd3d7sfMpfdsBMZ0Nzu28QE8jzNs0EIqjMZCYlXCbvbs/O"
    "9fZemB3khCgpK6bpw725YqJZFZj8xfvv63tTIUrJHz4caaG9/6T1i3Wh30vy1dWmH6j7jb"
    "bdSS1uvdTbhgSXONjTfYQDZmTixTkuFxC0kjmF5SMJFNdW2phk6v6htNg4uGTAeq+sPu0k"
    "ZX/7XBM8t4wNYSm/TGH/+kl1Vdwd8wgT//aK03c00lS6zMJPZJqtL6JwxaP84WKtaUwK+g"
    "N+ktdn1mbdfs2qX6MNCtT2wsfMZ8JhvaZqXvxq+31tLQPQLV/u0PWMemZGF4g2Vu4HfBZz"
    "sMcH+q/RN2Q+xv99EoeCFtNMvHh/lsd601m90OJ7NxfzKbtXJwTjZ04Dr9VMIY8ACf8PL/"
    "XVy8ffvjxeu3H356/+7HH9//9PonOpZ9b/TWj3/ZH7Pjlv0oxrPB58HtBD7IoKK1JQ4X/m"
    "I0kiXZVExEO+5jmDazOBnc3w+u4iXgpwnJYbNRlXOgDEvD5T234kjhbO9Ld3T29sML9nsN"
    "Yj2Y7CbjEGPvjp30iVhaRZnZW0pmPDN3FCFW0htFmOhe2HFxt8KPMatX0reZhvUHa0n/fP"
    "Mhha2/dEeMs29szu5m7a1z54LdCjKYcScHe93xTWTuxU9ZuHvxUzJ74V6Qv494m4e9znCe"
    "udsim/mfWLaQqnTQz9LiUUIrTIj0gJHz9Vwwfm4oMZz/x3h4G895d3yI9YpKf+l/ED1+Iw"
    "fiCUVANQX0rJoYwVcjY4HgAjtG0NndaDgZ9obXiFAh0fHI3g4O2rGBbfCQFSH/0vysP7vp"
    "/haWSu96eBne2uEBlyEJyXSjtjydJiinK3rHUlc4XlZByrDEHNJz9x/8yC37xkR/oDLUta"
    "1zaKeIZjK46Y8n3Zu7gHyuupM+3LlgV7ehq2fhE8J7CPp1MPmC4E/0P8PbfliM3rjJ/7Tg"
    "m6SNZcx043kmKT79wr3qci0g9bAum0fuYdoSJO98Mi+Cr4mgXZ6kSlqyLLxaWyQq5URbxE"
    "+y3yIpayG/rtYiuXjz7sd3P7398M4zRLwrafaHa2vsGKpJxJph0zTMKEsn+FsCT4NUhTSL"
    "Gi2S/m+T9IPKWyPXw9vP7vDw6RXSkeldvJZMBxDIrCoHyZrA+aDe9uFdBrXtw7tErQ1u/f"
    "UXABmLR58xDRfmkvz4LJnKLHLHuDCSxkZvrS5W4SuSTjVVxfmF8P0O6nNnGjJVY7GSiAuF"
    "RrTToKG1O3aGvcGlYkR/MNFsVpjNIg9B+GcIOxIoEZcokV92WbcTPw3P9uFJNxP/ts0TFM"
    "fviZkDjNttagVU9xCtMNp40eWTjDZOzuWBQi0Cw8K6vB1h2TCDx1jioNTTWd0NnzmY1d7T"
    "udVFJqbzjFhoJSkAv1hLJOnI9+qXP+NtB6k6Wmjqw9JCG91SNfSVWJK1IV+RShDBVhuwGh"
    "2ptpHjn1Xlv2Gq0ymwprOU/hwTrzVpixVkGQwtIpSDiMjGGtN3KADdOU+Dm6bxzB72jNfW"
    "eStJA2HUcBd4KDSPWmgenswy+1NcAqFzZNA5mgf3F2Ttxfv3GXhLRyUyl90Lctc0Nlauye"
    "sRCA5n4/CCvh+ba1PNB3WEyBrI7fK3Cst4xHoe28QjEIZJGBjFEsEzpr7ktUtCpA00S2pi"
    "hmRyKcjGaqVawPqoCmkYVJZ6EnbiowvJeE4JqxKrd+W4cr0cDq8DIr0chGHu+5vL/ujsDZ"
    "MlHaRaAf3RH4ADpkWU3eOVpGmJOvuOqpAXhzfU29bc3178+MHT1eGPNO18fNO9vo6yc4mp"
    "ZWfG8DM5MMFHclBsAmdMPXa0QXw8yKWqS+Y2V0TIfGth0ih+Xzos9PhN2X05uO2Ofo/3ml"
    "3GsPzy90m/W+sAD06CI2txJnOCDd7g1ZxujUt13YoBBX1322lo4Co4LgMQuCHY/IGgtSbJ"
    "GNA4SUeG+SDpKpFgEL1FJ/DzORpYiJ6EpkWQRGCQqj+pFhvCUDZ4DJJkGa/pCNs9H8IDq3"
    "nRlM55WVN1TNCZhNam8aTSEwbJkq4bFsK6aWiIGCts6BhRZuEfAFY0n1QZU0m8+IgcaqWN"
    "8Le1asI/NLywAEcExHFlPGEF7bhKv8jElEjDdHmiM/ggaaOoFoIFoaFHjOkQelU10ZIeZY"
    "a5fZGMOfp/PhtEv+ww7DHZ4DpFRHbrb4uNbsftsTfBf979vXX8fWiv+ZWMMdL5k4DS9PXN"
    "ivF6QD9D0mUcg9ho3AM2reGvt/1RBxnP9Gum+k33tvsZ/rb3KXpl3B/9Muj16Y2Ob+WE1/"
    "dpAr6TFPps4klU7CsUUIvtZljJuQioMfPLYNK/6iCHfqp3e73+Hbtkb4bOM08uE3sbJQUU"
    "pSDlUeIhhZ5UDLt4oqehc2hljIb0URwvGPJNRaIsOxiyXsaFCETYv4qyRI87W/lsvs0Z2B"
    "MhPECtq49lnwND9yvWOXkbQypcFCH2gp2Sk60+EsHOuEDh+MkbZfEnw8Tqg/4z3kaU2xBj"
    "3Qzw0OPqyeLd1d2eZUrPnlkct27pP2xDncmjO+51r/qtyEQugcX3zmMaylrf2t3P0t3ZdD"
    "zG8nmG7eVr5BgPcJd+Bbq9v75u/XUiPHIhQfgh1du3PXqlFQdKhoa0U5HJhTQzndGUN87w"
    "DAAlobzW8Es6C5FLj4AenRlULYTQQDT+0n158f4DC/Oz6CRTXrTpv8kGKwA0EgxI4QJZWE"
    "fPEE04GU7uYgDKal40pbsSfYy+UM0VVj4iCen4GYbaUYwyZnghMjQFGTpOAgsFKMgTKAiz"
    "YraUyDIeekry2/uIykGcThsDWnFM0aZYcP6m1Lh8Po8W3q3fbPEvAvT4DkEPYTtWaTsKg6"
    "YUg+ZkGvfEsOLd/86tvRq25Y7K7vkHJRXqqxi6QsfKVK1FZ6NPPfTh4u1PbaQYK8rJV5Is"
    "GxvK5lf0Jefr7YtzdK97Su0u2SZGq67gLVO4QixbOafaNXj9sU5Vawut6HIBPRqtscleLR"
    "RqXratNIWaTgwTWzOCJS0uHjYloydMyLOvnafkCG9ZFdG/QrRCz+ZZz2Y1U4iF11Exp6Uq"
    "BsgaFPl8lJxFYeUIK0dYOQ21cngoRVtXGyfgjYyrVx3yVqYUrA6PzGDxeOHB8w2BkGHSQa"
    "qF8GqtGdtdXDDWWRUBalg4PwPNbfSfxUiye050JDmPMXiqeYkwYTjYk9JMGPa/OSwXd3wD"
    "DZY3H15niip9nRJW+jqSL48fYgMiUhLmPYrmlasrP26XcoK+fkY2MRXKE42EIJGochnW/h"
    "3+MFQrP1s9MsHYMGNFAHKp7BRWajKrG2ylrpWCUg9SCqnzIvUYQND5el98KRgYeaOifTQC"
    "ndgTvwu8Ek7YvQG7vikVQChGdIKPBr1JGkThww12qbkx+LZD/OnnEdY8pCCe3cEM64YwPb"
    "Dw/23oeKap+uOBnPJjNP9Dn9lUfjlQzYHcGttPqZ/BmYlHc8N4pA85kEeX9lMaxKNcGKo/"
    "oZmeEgvTiLMWXYYOdTwx6H8yTL3A0xrE2RyA84gyAJPlhNWbiwGcA/fbaYCzaY+ceaXr9i"
    "POVErIIUOMDKLDJaQZD6oO5SoW0krVIMxlmBhg/hGZhlP9gqyxrkQr7VbxkqmuWg4+TTZO"
    "hLqOv1lueyZWcNd+8EenGi/9GvpWILcDcEz8RD/GJrVHChybF+21nYJj27LKaR8EiKo1ED"
    "hJ2c+RLskWZe50gSCVyBcIAdjRfAE7D6cAmBEgFFgGL1hGFgSLo2IjvEm9JlLOFMLGtIoC"
    "QvbTiSBFniVsa4tFdu8gpZAyz1JmQUnUTstXkD1I1TxffiXx3WpMuG8yi9W4KF+eWAvdJb"
    "CCQB12bVBZU8HWpNOPzlCCzpaPbzrn5+cZGwRXrY1CMk7+zWxHJTYy7jcyEd/bzPhePlha"
    "1whfxvUYoNWVRjLAap/zshf1VG6TUYEy8oQy4pUU198kWUPxCBqHhF28z6J80FEp6l+0Xy"
    "iwa8Z+Xm4u78hKUQirYLWjDn656fZejr90wZnhaIXsF6CzuaaC9wLeiRaGiTTDeNysCSfK"
    "oYgV3wUyX2SKFb9IiRW/iMaKG1qc2z65L4lHcFBXkkKc9u3m842qWapOzuF9p9jQK2lWIg"
    "L3q91M1kuDWiqbtWZISk6bJIZUlJKtfYl5qjKrTzjn9tHq9iaDX/pQTR6op/r4fnzXv72C"
    "AvNkw6ICoOp8f9QdwyX61YSXivNriZBng9oteV2sEcIGnq+VgIsi+6Ilsi+E71pkXwipZ8"
    "m+iECdWQLbCbiud72vjhndzqcilx6ILPIAsrMqXIn5UI5Fy0A3lW1ueb2DmOVW8msikyCr"
    "R5n5a3OUmGzSVKYFIssP5Fc4nr2J/CorkWnstbMTaUzfdxoT0QxrJmuSujqUTfRBPXhOU2"
    "eTRIj6oK8w0BzEqa73oKay6ti5cXVm0oyO0IlagsIw8R7U0L1qriqHTikb6m/idPrTgBGr"
    "Evannv2UBjPqQAb9w5g3lTkmflLxM5k9m6pl4RicO59GDg9rOqtMLGP1Ka54t+CVp2Vu5n"
    "9i2YJR4A8pwzzu+R7V0PNuhQmRHjBMMZgch06xG/txTWcWiU2yqIZRtVyM/kU4Kw09vpNM"
    "S5XVtdRczWGBsTJTLXyoqfyJPmdAH9NUPkHIBFg2ZfPrzn5uU9mm4BLQqiucEayqJYt0w1"
    "IXqlyG/nDre1RT2QV3wZkKPi/zUNu5Zz9sxJ7VVI6tDU2Vt5CLgdcssO3QU5E9r+s9rql8"
    "owqFt5pm9JmbEnCIX3zPvHIe2VT+wU82He5hWSWH729XzmO+A46VhszfeM/MqJ7V0lDaMa"
    "4E3ey7YJmJ14ZpkdlKUmKyV/LBPPCkpq5JO1y6hM1r7D2oSazKlXwqSiMWnYRebMNsbRoL"
    "VUtZsjnY5j31bvfQJnJPXmJlUxLPfM9qIKv8xiidaniBTeyo+Idyzm+c3gWe3BA+5kyt72"
    "4U1bU8YzLs/bfbaYn2Egx0zGE2kptE+7SGlLH5aTHZI47w047G02Z/H7EPZXICPmvBHJsu"
    "mJwv5acRmZn7MzMl2d3fcnD4kMzXDDpgkyp+uv5UxqQcXA7TNTDt7+1FBma/vUhkNtyKZ3"
    "a+LSNIJSb1/kk9xwtqmkR5nFy8YEdxUPUCzjbnY5cpkBZWXNWpZLZ7BILrhxSHoD+b5N1V"
    "glTNU0XeXPyUqSjKTylFUX4SFSH5qggpsryTWV/PfN+kLO8c+b65wNCccEGkT1MMZhDXyy"
    "lbz+3Zv93hRRpvsz7YmCAJwWMytdGOIYlBH/6INAZn3/nPQ1AJUf6v7PJ/gYmUsxVhlFTU"
    "Uw0dNSxBMh9bfSSCnXsaPIY2mCCLc5epbWiGczvc7zG6buPL1oYncgksblh6b5i1vrXLUy"
    "XgUHp1jPYRTcBO1j18Ds08mseODD0b5iNBqp6idOwZHatvuNWqhZ7Bn54h6rQLvYIvdqbo"
    "FaLsfZbDbm/Ze6E/NER/SNIa9usKmRWEowU2iKO97KNd1FCvtoa6rFrbPPx1xzfPx1sJex"
    "+wscKWGcPiZI+jn+b4heoLuGg+YwN+DboztO0D3WwME91QQtX5u41+/Tz+6R3S9IdXmu3c"
    "4M9DuVL1mWanW4a0CM2QEkLVfDQhOS2AiB8JlbGHXw3vL6/76G7U7w3GA0cCnguG3YRL9I"
    "JqqxWjfvc6jslxjrF9TI51iQkmxzMZNrW8M3lHI5icmcl5Z/KORjA5C5N3HQ5C4cOGoWFJ"
    "T46tfIpTAeeUqioeu1rLcXl8ORxeBw7Cy0EoQPj2/uayT5WWF0Fex9Smh25scWpKiia4I+"
    "E5fmQwHqK3bz58ePkGSdp6Kb28+MiiSBamtFGQudEwQbKxWksmRhKSqTn7A1xgvw09q9YS"
    "qRlVllBHhgzKZHJgZiQuU/RiaIleDCJKR/RiEFKvrBdDwHddQuHpuKirmk2LvEmoolw3p1"
    "WDOQuEzsSjYxUvrQtvqvTC9Ch7Hgxz24rxxHj32mneGNk/am/IxoSq4ARjBSvIkr4ZurHa"
    "orM1PW7nlDXo74gaeI/IxGtJNREEd3cQ0TYPBIGaTtg7kaqQaHBHic8t2TeUEoRfYtYURx"
    "2Py4qtF86hU3kvwCjW82btBIgqQgbqP6n9Vdh2dewzmvZ+kuPZ9q+rYnAJtn0hfV+0TOFH"
    "B+Ntdz2pEjbC/9qoJmY1AFP0Mf+wTKrZzAxR7FXThjpGsknVKd1SJY0BpPajkPMo4mbluU"
    "Yg1tHz0mBxtRBWq1roTCVkg9Gb9y8+IimisJX+hqnuPYH+JmP3mOelZNHRVNeDUpeWYRKk"
    "GOhMMVZUvq8okaQZD698LCLn6+2Lc3RF77SRblj0yZS3HSQpK1UnCCuqxd5+dz9Br57evG"
    "LXXzlvVzF59b/ul/wVeOyL5ChjT1L28bljzGEhx99LtZUD8eFkTTMkl8w+kiBZ84JmKsmf"
    "dad8HkYHqBqo35df6UO4QJJZX08wnPNEZVdRTs4QStdiiG9Q9pQgiEaT0Jr+AvpVoEq4Wn"
    "8bsS6maL6F+24ast8HAKRwN6KzlPnwqR7KRgKcit6mOoFqwlPQGf5Gf6q2pVcxe6yZqECI"
    "2GWeYpepKBO0hb6+WUWSEgI8d2mPd5T511eeAItxf/TLoNfvuHN/qt91ez93P9MrzsIoEj"
    "7x5kMWOCu8kfrQrA/h885SrbhKn8k6hUdwRBlUNcHDzM0EFn5IAQs/RMBC/5dFuDzB3xIs"
    "kBBZA3idpi30f5sEFIVI6LKnLFwPbz+7w8PxzCEA0aSrbiatIGYpBqpJqbUZpiyEJR4pjo"
    "ua1vTEpG+x697zVYDTp1VvTChfmy+SzkfDcShdUcsli+GSbLdEtpmNU8+fToiNFQfeJk73"
    "OFKOp/zJguNWWFGlKF+TM1Y8guOnq/j0xPlG1SxVJ+fwvryqov0bkFd+mqAzVSGvNqZGXr"
    "SRjp+gRNHWmTT8pa8kNLdIFplHUF+RlXEgVyIMJ9E2lzz8NPUVCfsZxI/WIxXwe1hUClJ1"
    "PhcPNcGsBMtgv6HmER8N3G0pprSw8krmatT9NOkgRjvVB7ezUf+XQf/XDpWK03KVGm73l9"
    "eD8Zf+FTXdNnM6AZZYmerA4MEvcFEy5aXb/ff0Bp0IiS/11AfdSH+Ykc0qB0eDRCIWIYGp"
    "crxtto+t8kGGWaMZ6+1PBfwXYdoSPBicWQQ1cVjERO9HkzaEnyp5UTXLTyVSdZos9aRUnc"
    "BaP12YBWc7eNVhFsyPODPMh7x1eUN0B3gFOeP4IT7AMF8LFCSMEArOppfndSdilMlV1+bl"
    "k737S/OGlu7+unq7OVkCkzMWLKw1c3NVLfQnTB3IW3+GVjP5GzriA9wdUbVjNOhN0ioYis"
    "zLUwa2+/rwxkV/Bbr0pgSABcflaEjxA0FnhomA5WusQ6Sorwb0D+TFrvsEe3xao4oijxKR"
    "WhzoEm2UHKm1pBaVpsYVkU02Ovw0DYhaOUKE0Fw1ogxOjgxyhjeAt8eOCJpLup6vy92Oog"
    "Zt7sK+ej69ig+SpmFIA8ojhwBRff3A3LrmiSGrkpZUpiRZLmE6PkQDr22MaIQ7tyUqnAkA"
    "XbhNhNTzuk246bMX1v9OmhNcDqB/st5CDeHlQcmHWbvxDXU8Meh/joP38yCJahrxxUP9Ob"
    "lbEOivBVf3Avylp8vS+3emsVAZz1Ja67mD2hm7661940X/nMYimwJzOxLm5nNQ5UIWwnR8"
    "IAuFgv+9ujt2SUV/zR5fp00+0bqlscIzgiUNx2xLyeslRMZx5FELxMEqCSD4aDSXCEZ/aJ"
    "LVhsY8dJe2fwU66/bHLy/ef3j5uXeDsP6ENWNN3+1USSJLycTKKxhLpQf1kT46yVFkS5WC"
    "jJkBx16b9Jul3O06/EQF+3UcUbIg0x8IAre1tVEwMo2NzoqgGuj1+es3SMF09mN0xmKf5R"
    "cHy6mU/h6Mwzlb1fiJ6iMWQ3+oj1xEJojIBKkPY6F5C5hhyiy+VmUia6OEgrlh5tKTXaUj"
    "lRl99YYVL8yj28ZT11fDFb6z78N3JrwoyaxurhflZEh/AWiqyVD/MUFoLlnPFQotL7GySQ"
    "Cf3XvtVMzZP0ogzY1FmuFA+7eRL4bWT3NEzPl+0quKt1Xn7T1j/Kjlaie+oxCKt1C8heIt"
    "FG+hePOs/VWreO+4jr/JmH3jof1vHP2u7z6vhosrR1KcsFO4tlN2szDFYAlM1f2WywwHxm"
    "fIO4RzBlnQb0ZRofgdSwZcMY+4rY6htWRZ2NQ7UBwPSZpGSbZtqAlvgHWDlsbGjOluWOqT"
    "YxvQ+K01eNdhfWeElVW2laXElioE3Siez+74NI2ovht2rAeUajRhR/OTpNq/JHrSGYaGJT"
    "3B1+ynC3FwTgmrYpx35bicuxwOrwMq4+UgHFxxf3PZH529YTN350OOKvL02DNjdPhkJMAj"
    "4DiEpiAI8D4DBvA+EQJ4H0YAcFJTiXjG4gP6SHxPbPUO+3znWIiszAON3y22eNUev3oRCv"
    "nJW/PEjz7Xk7V79efQ5MqgQx+vmZNmWD1NUletOD3bu5muX9NhM9kbV6pv4A/PPGNvsY+X"
    "g3TZtEYaDWujeJSeGck6rk9isZpuMgoYpGwgClhf1C+aq+oUYsp54AapxHnLS7pic9iZor"
    "4ctxQepyw9HPaL2QVK4Gr2kmx1ZWxw7+NJHewSQmWV1LDcdzdVIXR/nxQcX7Ji6Jtxu/Qk"
    "gXPyhXNqWIrTwdPQOpdEAHU5gDoRwNASVXdEAMNhVXeEJVOBJeOrVZATkg0TCtamWzVCBS"
    "9XBY+fxcJu3At3hxdu7irfVZo47tyOsW98036vcVO+RSMMF54MFxM/xOrTyR7aHUXznLTl"
    "d32kayjB/72/V6dLe7xUg/yMbg1vZ1f9m+7tVQex/Y9uSMpUH/e+9K/ur6ELp+sVzFhso2"
    "qB1K17qonpWGJhJee+Qg+g/76nZxCIwHvGVO/2ev07dlGSIUoQJwiL9Vy9Gw0/03NszLqu"
    "rk0D9hUy1XvDm7vrPnuIl5ROr3Zve/1r9hQZmKexp1z1e9eDW7ioYBnqz9Nr/d/uBiO4hL"
    "+tVZOXiZG34Eodaq2UEqBWQomOvFVT6lAwhRfeUrsflmWeI9xH0oDSacGN4e3rLK0g6KjE"
    "rYHdC/JYN6y4wvjJhbY8ggbwNw35qqL8lXcGFQyqiJKLjrk8B1bsBBYbK5pV2vGRo0LWXM"
    "la3pjQAyUmIzilXaqPhmdTqOiBleW4Sj6swkfV2lRlPJNW8YW70qICw5THc5c1JEQwUORr"
    "pRLwOxaSRCy5EEdhcVh0vRWRQ5BOCKC4AAxL0oqJIEQphFBYCLC/x/rNkotx+Ehq0GitDI"
    "2qkrIbNs5FCoRZBCmFbsuzbitik1oiNknEJomOYELqeUvqyBtiGavcqSAhMhE4FdpC/zTm"
    "OTm6oyixFVgjeMlt07pGcNeJpSoWOil4GstTqFSZk6E+EsHN1CBU9+iJcleESQbDJEOHdE"
    "KQZMxmUAJrx7sn1XLOZo1Bzc7b9MaUuRl8YGvKmnB5X3PKeFZTXaoEDv/DfkozGbtTNzPw"
    "M75ac26G/o/zmGZy1HeCB1hK349u76+v08LRQyUtWKmTQ6tt+kurNOSAC0Zfebm/B3IqmH"
    "TcRFbROzpRSyjhOvEe1FRWmfhJxc8HsmnEHtJUFtG7AJ9LJcynnu9RzTkZAtxSVLLexMYw"
    "5mHUlf2UJk2pXClYPl+qtIWteiZLJK5Kp0PuFlfez9k7+3k953ENmYE5U9Z8+3pM1lpw19"
    "9flcMKjt9bBnmyxMih/YGgpUqtVnPbQdAtdotY4geSl5L+gNGzai3R89JAK0nBSLWihY8P"
    "fFbJWXOiFBzcO0YpOChuPUvJMIqXQZBKZNXtz9WxjPxc9tM0MIy0fCbT3dIwZ6YRV/40Jb"
    "ckQMXxZPaAybav7Xsb2acTvSgpK5X+TbbEwqvwDp8psPciS2TvRXJo70VYIiaWSN5kXZei"
    "AYkoR0j0EUEnydyvZ/hBlqATe8/K5yrz0whfWXAViQJDogoOT6B43io4bG0fz7PL5x6wl6"
    "v+HTC3r6HK0jc9u/wAg1xGCc1gI2PaaZiCEwc/k31UM1N0iW18eRyZcuTBMLexR1lKymKQ"
    "jGMrqKDyXX6nWBGtVKYGttbiKrglT1h3fPNmavlWOJGNNZ494lxJzAGicmzx0+KtASZfZL"
    "LFL1Js8YuoLb4wMZ5tdEvVZqwLYJTdiah2HCnPmYMtR7GgHEeShTQsEQtZS5UgzaCX5nhB"
    "VU/WNZHVtEAq9FHEOCMqVXJizoLydr7OJY4dBddSoIodIH/AZxccRGtpS2xRELq4MTIWwf"
    "ssQfU0glibxpOqYHPGviynTOKJuRYP8J2KA2Pyg18YdMHQCfaRiYWeYxZdKyv0iPGasEv0"
    "kLROIx8oApTnjHDHC6g2C1Qr0i1LnawC+U5mdXORb5Fu2TSpuzwKp1tGoOQTYXNeaZtEZC"
    "44op0Jl9sVzBGoXFugcnVH5VoScj8WEW3z8BHRh0KMmCUvMUGqRa2RzdwZotphnQLC4+Xk"
    "EBBemgVHoDK0+QMBW01HZ/afUF16oWr4HC6+KDKdBc5XV5xvLhGVzNaGGptDk2jNhcm4hi"
    "52Cgqi/2cvAxZzhljVxTZ68/71a/Rf9H/Q/yfACgFWCLBCgBXfldkqwIrvUeqcgxVjppve"
    "2appKwarCA5oZ4EqgvpuJqSi9Sv4OJwHIB1jhSDLQI+UYUiaGxsLSY5W3UFUpfZXK0Bn9K"
    "/O38CY+vsLegfZNkIgWanUp091WAFrTP+jW77AenQGbbbdsefo1kAmfcF/2VYABNIpVFxt"
    "RNUK9Et38hK6TBELm1hh/rip7iwZ9OfGVAlUH6XvryJZSqA1ZaM19uTJZUR5FI2zoMpHXY"
    "6KExRT3N3lfSQFvnQk4EmyZrsNKcrs1D7fUWLR8TtPx2/KPn2zmufbQYJUzbNRS5/i/mM1"
    "D6PDdI1jdfl5lQILaJWJBQirMJnVwiqswCqcSN+SfNfurXYWSxC6i2T2Vrfoo9F8GzB/0N"
    "n/oQYUKyrxTC0fjOib8IuYahS5SIU9xbk9xddRXYVt1RqMh+jtmw8fkEyXDzr7fNlG3X4b"
    "3Y9f9roMaPg/RVyEFTQTdspvwlLOF34bQ8m1A4t+Z4LnSqYTju6TgBn5A6NP48XaGVozA8"
    "69iEBSTbUYar5ttRYstg4AZjs5wJcjuqm7wgIoBRIGgqgaOvPdNZ5ZUMmLj/Y3dADxkzR6"
    "zZG6U7eIXrLJvChrlzCbsI9jMEKyAZh/+VMUfFTHW4uvc0qcitFdiJ4Y6McfJBjhS67KTh"
    "e+ZO7tR+FLTmZ1Pe1H4Uv+HqXOOWpwqQZtZd/ldmo5S2dAqeHsf7jF6XcO2tY/hZXPk5Vf"
    "pFmqaJNaRu9m0aI8osZmUWKztyhfYULoJhll8AR/S5jZPpIGGAlpJ2r/t0ngMI30n/UO1O"
    "vh7Wd3eLgpbSRRnO4+VGdh1QPyKjxRatGHlh8dJ6raplTG7eubFROyv3ZZEJc8folcKCSm"
    "PuGci63V7U0Gv/Q7yKae6sDYq1H319sOK6qtmNKzPtVH/X/0e5P+VQeZ+E8s0y+f6t1er3"
    "/HrkmyjNeWHZVxejRZGPYtYdgLE08Y9kLqeRsIn6jTLW8SLifzdAcKFOvHuiMUrE0v4nvM"
    "FoGcMrRoj8DYwr0+OOtwtja8L2tksSa0YEyGS/3NuFYltMDr2U+prfV4YHepApVUMHtVbA"
    "kVh5HJwDKsK9k3cG8EWhdRZhOGqrJUH/IMoQM6khB9VBuusexmjOaqApXZ4hojFXyGiEnj"
    "4Bxrp6DVc0OJAUyT8Tx3fCPA0mPDeQInaAmcQFiMB/Z82VBp5W764icSxk24kIuq5G354l"
    "GI6k9/CUCjTGYKq/toVvc8bqLmb0NkP6WWi31/ByJvo8vQfYgdMgLA2Nt/yH8Y5wYvqjTN"
    "YWuIMcudHSPVJM9kiueK9RKGMk+GsqVaWr62tS5BI0zlsAs9S3g8HZXiRI+Ex/u/LMLnZE"
    "QiRNYIbh8bmNDiTOhPmiEl8FyLNZwXQNAsbl8N7y+v++hu1O8NxoPhbdAaZjfh0i6tadTv"
    "XoeZG9vsMYW59njB3CzMlRSF7uEx/ouURtc7kgaEJB6jt7IIrK04sHa+UajeN1upMSdfWt"
    "x4kE7EjheOHXcZKX0rJgCbTgigsADox6pm0UDnCLGIc+Yn5CuK4LviwnqM5ZpN0g6pkDPP"
    "cuY7nj2KUhhrrOdU01rDu/5tBwHlVO/+2h1dseh0QKIgYL3Xve31r6/hmtMoEq72f7sbjO"
    "Aa/rZWTV6C2N2Q+ll+b1AMqXALheub/GvDdi76wk1CyNU/xsPbeAbHU4d3P1W20H+QppLK"
    "1A4fkDffqJql6uQc3ncKLA+4lQ6EhDGPkJTgAWEgxF6RpEBIQZCygSEFTTqZRCBOSwTiiE"
    "AckbAjpJ43YeeELfy4k3LFBeLdinw5tfEQmQgqEt0Ojxei5a8iKaJg0qJgQss0IQ4mbust"
    "gbc936Oayt/giZOBv7DKS+Dt/ziPqeVusJetvq0wwFL6fnR7f32dLe9sbhiP9GsOzDu7tJ"
    "/SHGaHozMP5U+myMy6LPDgXnjkxMWaMkkH3IIx4WBO7R7VoPVWZTDpCD+p+LkVE0/q3Gmn"
    "hZSauzElVxCc73ZNJ2JZVBDkKtSUckSNixkbryRNS0Qod1RNCkN4e/HjBw+ehD/SkMnxTf"
    "f6OgpPWvhbDESVHFHqjm9AdNixA0mXqqLguCCmtOr9OyK+i/aXwfUS6+WbeG2YxQDYEKkI"
    "o+AHcI3i7LawZiaWSL6+MRHCQhsaZ5IVdfqFd1D4ifj3Doo0/fLT9G3DLW+qfoBKMDVcM2"
    "8zh/KyeQvmBagEU9OdQj7E4UBsPTviyylj9yecB5arSDo/ZtJ5zL4gGLu3HGFgK+QqnT8A"
    "WseW2wuC2slorBweKTL9Gwu/0u03IbRpf9aCS8tzfBNgUD8Pbj93kHPWTPV/DC87UMhxqo"
    "/v7+6Go0kHkc0a0INWJkFUnZvwiHMlnzrD+e2TWxDteHORqezCRUrZhYsI2gGtRfPiSg/x"
    "YEcDAKXy564mEWtG8L9iQPGUxFI/Fbc9TfNCSkfOKWU8dBoQFUCfYsgFUM4zUC5w25bAbQ"
    "VuK7I6hNTzZnWcGFquz6HIfyXYRvLSBZk2JHc6TAyp4C53cD2ffC0drT9mBeOasjRX2yDf"
    "2j4eUl9TxsZshPEczpLA4djFB0aV3+y6A9dMF8wUf7+WTEuV1bV0cKLC3e5JTWJWlc4fd2"
    "7F+H180y7Z5ePrXF12BH7YmwQ4H/0tcTeowNiWJGsq1q3ZirCzJhyw/0droUkPD3YpIZ/1"
    "/U/hSjqpKyk37Ht0xLf6CP5jV3IUDa2OF+4f3JUiXE8pBxEmbAT7qy4IIVmWJC9zVw8LkY"
    "myYenroEDZMN/pmyPvxUclEl9yJL4A35yshlzrIEwnFkLpC8HOWp1RJRa4GX8i7I+iiT6F"
    "40CD1vDnDjIep3r38n7c7yBpTg3sVoHzovzQA5uPBTPEAqTC8c2P8ybqsxOe2uQlVk+fXR"
    "ZPrR8syFsiLEoqchiSNs95fK27ZO5GKYXDKeTOY7hWXkeen0hM1z112EJI4oGekZzlXzhl"
    "8f6aYdF9MYMTygNpRaJIqv/Jv34zZOD4tlHh29vD2+iRk7s4W5W+GL/7KsYfE/JuZUvDma"
    "1DVBU7aZiPOep4cV3PGl5YwuVyLFUipXiSkdSmMwPuYPDfsbPVux9Phjf9UQe5FUSn+rg/"
    "+mXQ6990bzuIzscnVcZ0LU51eqH7GYbaK5OOvBxcXcGFOdTcoX/f9AF0owPwag5/d69uBv"
    "QhkuL0FDs9iMHC8MGKK5hE4ScVmRTFnGp/GqpeCF8IEAp4oU7wgnug5ZS4j0yAhjyDhiJb"
    "plVqtoxA46pEjAoEfpcT8N0cdgq0iAe06LihynVl7QExylXiGJ8wVgYWXrViQAzvXjsNwV"
    "jQUTPVHVYyZOHOLfwEwVWxcaLuEFPSH+F/YRBEnlIC1XKxI1bFIh+QkWaGxe7BMSqDMxEO"
    "wzAaEtCYDHB4ws1xFPpp+D8LW3RGI8VYUcYj9uUILsCiQXZJU5INmShH80guBxPP61qUgP"
    "nTmJ/D78ZKG6Cg87Umyezfdj7TudvRtY1kEz+fQ19Xewg6Pz8vggu9+ykDLvTup0RcCG6F"
    "WnXaOxbjbw7xhMh4lxITDzJM5EvKOz0mFzgtMm9CfiL+d6EjGziiK1mZ3Dxhl0LO+Fl5TP"
    "rK2OgxKGGaQrijKYQjHSmuc75RqHINe+/aVGX6uJWq0z/oa7MqIKcB6+WNaWJdzlUxzU/T"
    "vFn/NsOkf5tcIT485clmtZLi2vAlh577SPiIOofX5vXstp6Xkq2LU/uWquIQzkGo6FVLoy"
    "8E7pA2stf24Rp6NeHpjtWbfatyKXjOyGMfSdmMiGyY1FDSqYyMDZF0xVoSZCyQhNYG/WJ0"
    "ZhtVrwCEeOUQna+3L3jezRaSbBlmvjyPHUmNFxusM1ewzi9Cc7yk70Zf4fpXPpeYcCu1RB"
    "G2g9Ef+CRv9svsRKEHjgwqClqYxurguV87d61wgFXpABNemQZ4Ze6oRmr/zETnjDuknclH"
    "M1v7hu/z1bS6CAhtnPrZVC0LgwpgId2w0JYakvoGQuzoiLM7e26O//v6RYcNpScgVdsody"
    "20xLYKt5ZMSdMwlZZk48l+MVb5rqkOGzDBdGbSuW6ilfGECYJ+u/AaBZnGMzzAMtBXj1Ff"
    "4Sn2EGovU7MgqGp6DwNlk8HHJRfBr7H3iR13Ns8YZyUqEmA5FW7WAEzhluJyOxV+pwPUaO"
    "E8Og2rha+oBluD8BUJX5HwFXHkK+IyhEh4hIRHqGKQuoydWjh6mrLNfK+uGm5XgfDFtIQv"
    "5tSauPC0fH/GqvC0NNPTcoWhtEArxsHi3Gmn+VWU3Zj9zhQdferdIGg1CUPZIW0Zj1g/R1"
    "37H2iONUN/IPQvZOgYAcuQZCGJOY87DikGcSBwS0TQ9CreMdUl3QCPBpJk5rZ23Cf05pmE"
    "dPwMIH8bEYOFUa2hbIuxIch4prP4B4LIVpcRwTaBLXUlq8PEV4rE7h2JdVaPBLJ7gldEhZ"
    "KTVihhMyuPKe4RNK6h7fs3FxkMcToq0RRn94Jq2lqTrIVhruJZvL8KjJ+eZ4S/1b29Gg0H"
    "Vx3w2pqGqkz1wXDcQapBpvqv/csOesbzjC7Ein0AcCYUlIZDyrUg4kry3I2GvwxYqZ21aT"
    "ypToW404tCM2QpqUJS/Pazo2ggDvg+CxD4PhkJfJ/Q7tk+aiNcztBx2EcrDEWuDUWBBySv"
    "subWRRKgWqtMUE2gLQJtEWhLLNrSX0mqBpGr8LhWDOgSHNBOw14wDJ0t/GMzBLTODWptQ3"
    "giBHdSuwiSiOwSDCwKn4EY7MmekttGVAGGwFMDCNfY9O44pRzUuGDWSt4z1c8k+hTKCpXu"
    "wFu0oLOQASvUXELyUtIfMIGA2SX9jESQ5Y+WX31PKaxiM5hdsjEXSFegLy7Qh6/G0axcei"
    "iToRi/bLOaQ34anq3SohZRFkTmbTIg8zaCxyRHBqcEWiZHBjeByW8uskS00lHJhv1FJKa1"
    "iQHDrSWcovbxALD5wprFnBV8ICv+EyDPVA+S8SwNbgIJ/WdrhNX7GlsFSIXtzbvtHbFuTq"
    "iMjzfrNf01xJZIvD7uH5NBJSeh4Vk8o5RhQIKeMdVfEXgoQe1l+rGbd0X1WnWhysypSV6x"
    "e5B81UaPeEu15vmWKsIEzTVIJ/f2nrB3tIr3UK3cISV0S2TJYZIGdQjuCN4ohr5dkRcdu8"
    "iE83b6AKwtkMqUdfrctZ24dmgeGU/bNUcuubI265QODawDZ1F/0I6a55OyRXlxNbsc3t/2"
    "+h3kU2Kmem94c3fdpbZJhzcFhhgbU87lGtpRcC0MDxp4xvOlYTyC8khW1hoxgOBPbAcUSB"
    "aCFkVZq6FUrOII54JQcI6q4Nz6TvI45SZwP1Wx0cMj9+o0Qx0javCbW7taEeCxP7Dj3nsO"
    "kuE+PkcjSJJ+Vq0lHfeVTnpNWhM8o9rGV3QGIVrrqKO95MdPdX/h7w4M8/35N1X5+9cXLI"
    "17s4ZFprAMeyieCtqQRq84ECUrzcRy7SmjQV9KxiBdGN//QSnFnZ0XOzuAmreWswj5Kjvk"
    "q4nQDDdggJuIWVSj9NPzzPAWPV3G3c/9MXTrIoTu4mSqXw6HPw9uP9NrToFgwnp8jVmHLw"
    "IdwEY/01Pt9jP0ADMf6ZGvP0z1bq9HVVN4U+9+NJj83nHDVWcEyxtTtbZFlKDyoWNWWjDP"
    "wvEIeBZkwZVz8fp1Bv7SUYkMZveCHJ4bSq60UHd8A/n7PhN/36fw932Uv6LQxPH8TMmFJv"
    "YyurGepgqOW78OmoPTYbrmBZNW4tWT40smJAYIyAeVS2h0qBmo51FOJicnu+NFZnIAPSkj"
    "M1mgW8mzvlnoViDWM4BL5JF6kLKBUq+JlDPFxbOOy0U881KJAuZMU2iSfBWVrFRCCi3kMK"
    "2QNM+SFrkOpSqgItdB5DqIXIe93sc7Ey8wFJ/DrT1+SN/IdlaP5GwdJMqQBuE4DOWlocqY"
    "fHRciMxNaGygGoRpPKOlRJg3z5EsSQiR2r2deNWwQ9kQVb/ugKApfnawk4ZMVeMlhJwU3Z"
    "m6WTEKP43AKUrHKf61UbE1o0eGac1Wqr6xYlD88UrStESFKP4JDapl+vbixw+eYgR/pOlE"
    "45vu9XVUMbKZhHXlICYH6QWLQ67UFYYi0Pm8qTua5sH15btGRG2NamtrrE31iTJjxupm4e"
    "eYg/LSMDQs6UmZe1HyENvnlL6qw9K7ctxz8XI4vA6ci5eDUJ7k7f3NZX909oZJgg5SbYsg"
    "uocIOKBVKhwg4PCGOUFiQDX29QeF+O5DOIY6nhj0PxXjGzwYXCWjGwchFj36LVi3Rlg2zK"
    "CRHDugnYZPyPbQmbkbmylm+sGUdNahGrABhXJCorzTMd11nQIHShRfyEGXp+jkemPShcLm"
    "Xe6AY1HwAO4dpeDBTkpFQmV95DzHSrW8qNfZ3f34iy/0dbbekKUvKnbWv+kOrv0DWH7fVO"
    "/edq9/nwx6Y6iuKGlbS5UJvTqY3Y2Gvf54zCJqJZXqkoYM2Zt2k8DTB8GxlY3j1liaZuyj"
    "OqJCfBqArkR9eG1oqryd5VeLo4QcoxUtu1QxtZ3kLbK/HDlfDqktC8OUMTrTDR3Tp0OOzB"
    "Zb+VqKl1eh30ZDi25vPnKut7fu3R3dfNbrXZnXqe5sZO72dXUzuKVjlFXmLpIVJ5faqk3R"
    "kg1+0gaaO/U1b6IxA3ZO8Exdz5YSWeYBw6KUHINiLbvAwZebbu/l+Ev34v0HN51P1lQoQO"
    "aWLzi7Gw1+6fZ+n33pjr/Mfu7//uKjvU3u/HlORPTpAUx+3Hv8LkgRoHAaE35Ed6bRoDc5"
    "VYTCHdN8urKM17aAYkz+yJh2mtXvaIFScHjGeARkk7EKiNjTx+gWxLKU2ZM/Bk16twOFp7"
    "sR5LWkSIxDqOI1qSnObuqrqxuHs5wFsMAlsJCc4bxf7a5DtnNr0h/djKlksbkiUN2fnekd"
    "1y6Csi7DnweQmytDHi6k5o76n+5vIRPXxIuNrhA+9PCa+HCqXzClGZ1H9/oea8qDMqvRPX"
    "1DD0RXubXwN4v9ww5JkwgiS+O5kI1Zvn9YmP/cmv+uGlHA/A+RCvNfmP+nN/+5iTkSJrsw"
    "2YXJnmayXxnyZoXZxycY7N6IdgZzXfEPzuSlj7WawXUCf7kKFvSc9JnM681cU8nSrh7W1x"
    "/gD7RQTWJ9RKzBZMRer+xNU92lDFYsc58Bpc4oF3Si2TkHbVslhMfRsarpFD97XmJ2AUFo"
    "DyQ47J7LkhnoJ56jCeCnG9MEANX3YyT0yArI2ikPS/VhiYlFn2gQjL7ixQIqOD5hqiB8RW"
    "sJsguTcYYwvtD21PFoPTV3rP8NopbaibMkBNIgkIaanJ8Cacg45S97d+jdjzuwwZIe2gif"
    "P5wjrLeRQp+/tl5ejvhAGURRutMUpZvgbwn7Rh2K0rVuJPNRyQyVpUEC/d8mATQgkujmIQ"
    "LXw9vP7vBw9luoeJpfxYmwPh2gCdMKhIZrhMZT+AuIOkwrRF0TUc/jCyMmmycxpAfYKkeM"
    "VGSgN9iGfsvWsmNu7MYiBONIE8LKMaXTICDXWHnAZtcu7tuKAUCCA9pp+IfGhs4k39h98E"
    "fyoku1zekp6dQ7Z1CAHK11LqIAahYFEM/9OtjjRbNfSw/t91ZFVu56BA1kbzW1Vt3tJgeT"
    "/TQN5PPbLLM4eRJnxoTS9uiTwEKvG7BRi3qrzU015rybkK1X9qHpTrLaad/OonRib2SpKu"
    "chWqXw7JTt2VEVvFobFpymeYvLx5A2rjPjxfssUDYdlQy1vo+A2UJjrzA2Z411xckMDmk7"
    "qWVqdlSiOk2ObFwNP5CZoj5gEqPkpLjIgmRiYmeY2PQANnKZoh6BYG+m9ubJHXLj+VuPrr"
    "g8HXwmpr+UWDnbBQWpmhefWg2sIhGc0/vgI6nU61CXorH+eQtwCCY5GRoiK5GpPNSFOpin"
    "xNCeCvA0QCZ4KhCnQxnME8KULd0D/ysfmOsQlFLv5rvxuO34nTepRqTSpKvdOeBSf90nAr"
    "XC4urPOpSffh5hzWuAHp8UYmOgd/az6ruNRbJD/qoeV3aZlogs+7i6F1te+8ZWiS7/0XKb"
    "LNv6wnwjP2K27RFVsWs/rFhkBaX7o8UQb2ekKKjIbcRDUKTZpRCka1K0+5EPRHftZD0Q3f"
    "ENxEmyZHAkJ3BE8jd2+1NW3u4oGsjdLMBIMiwSAUWcvT7fprE6fnPfxm0YIsin6iAfv+qS"
    "FUvx04ik9PSkdC8YIsjc3FnpoSCMerJ2b3K6f2bxlZ0ubSGPvCcR3IpLTffdbqfmpdsDZ7"
    "I7UoTINDZE5k9jnnNj3VHUI31D3hDLWCH62buKAXNIdNYfkAxlBxYmvS3pu8KEc7XybI6g"
    "/gAfmLvoSois2jOufu4Cw3yQdJXYHTrzcTaGVPgMQ/6th9ig6zQ/90M8dtkA4Lj8SgdU0Y"
    "rrWZitJoVHXJVhET0IpQ19k6n+2+1akaf23P3ky3A0+B+7/8XuOVPdvdO/2t3AylTvde8m"
    "96P+7K5/e8WoZGltbUw8c+LcpvqX/jWlWVImQSmL63537BttUn0NggG80c6IK+8WpbrrDq"
    "5mw/tJB60llaplG2uq/zIcXMGoJ0NVYEz/t7vBCC7gb2vVxIpbNsN+EtTNsJ80mgy619e/"
    "z3Z315JpqZKmbWe7cZ+6g2u4t5BULWs2YSiqJYv/4iLZf3ERCRsSlm3Vlm1zQZuWT8/6gS"
    "DLsKAl1ErVDRPRV0N/aZlaPOj/ojXVvwygkjQk03Wk5mz2cWS4h33urIjgwpTc5h61oiJB"
    "ZA0ltKDCl+V1Bl+oOpxAr9hw6Ab+0e5XAHJVod+4ZEL9bvsXo5cozAC+RVwEdYpS1sNIcg"
    "5DZHsw0dLQFLs0m2Q5E+CoFpF9oCuFVlkMMbcLjXNk29VOCskhhphbOTgfS9iBBR0HnLBc"
    "2Lx0BSmGjrk+k1zFtaCgIsT8CgpUZ68vjr3SPbWdKhlUtd5inLVe3UlkNTex5NVtCkrpH+"
    "PhbYIj1E8UjmBUZQv9B2kq4Un9W5jGv7Fug2s+VZCVHZTp02VjtVIJpGG3kSV9a7saYh4B"
    "psgCWAkPSa5pFS5fFTqW4AHhmlYPlK3PUi5zyEfSQGuofOTD9T3ky6IIUpWCMFURisRULW"
    "dGUJvI+epCtn4VGSy2vp6T9QGi5mF7lTDaQ7MK2Rjx1DW3M7AH8XlBrseyNiTLwqt1jNKU"
    "jMDsKI6nKb3Jye4AP5HzydBLS8GypupUXWJ2+kraojnoUJTVWDlVm1UHwZ3jhWHGAN978j"
    "si1CXkeNTGbVO7DA8XgJcWVlz5qX2tW0PEQtQci1pRyXpj4ZlB9/0YozStaEGYlO/KBS1J"
    "R/ClyPlsavdg/G9MnP4EbM4efKaVWNoAvEybuJ02WdHzkRzPkmnldCcW9epkKjr9NqXo9N"
    "to0emalKvPqVfkhSxL0xFiEwMryQo8CpBl98IjFnKcKAg/UXUerEJsvoTIO0QAg4Q7+mY1"
    "j/ZnOZJmJrJuE1ndrDpvgR5ga6Wg1IOUQuq8SD1GXXO+3t8lgUG0OeGIINVxI3C5DJQrlA"
    "G8UjVMLEPHB+YAO0HeN+7jarjCEtOAo1glcPVAhn224dgrW29vEruiqQaRpR5l3VDHE4P+"
    "J2PGx+XuOXVc3XtzPYKbW5ZsjzIyOHarNzmNI7DC9+dyrALDM3UZdF2tEgJ1lGqmtn+4vf"
    "O3smgggoxn/SMdtdYoI73QeujAh7/Rl2hb1okvrL5W9IrYNgBuIgvdrFX2Cw+q/i+SUMpO"
    "QvHkEuF1ciydj4TnMMiTmct1aCp2JHSnkpZiDY7cfYaov13qFDbBU03QwjDpVWjwCrv2GW"
    "zLZAm9Wh0HHgvg4DpMin1ujL6YHHezo6hF0I0nHnqUhgJsWCAbC66xpUbayAnRgRDPJZYf"
    "jc3hQZ6VhN3wnQ0Ts635Ci7nkZ6XopKSmpJxeVUcpbMLGcwNEIVIj+K+O4U9VkNAKIoDnq"
    "zQKm/aWSVlF1yzJMja3FUXQnn99eTsXkvcN68CZnivO+51r/qnqrkQgo9i7PUowJRsrTux"
    "gTPFN1gUX2is3SviiSvXVNwwknxBrUEqfhu/hAKK3eCTrPUrjhDqyk08N1fzXIRv15rRIi"
    "1epMUX3bGdPVrxXB2+lHiusTNLsjYx2FlKYVSPgucJn3CE2h9vV4xiYVpUadfUYvhL+Z17"
    "69HP50jwfvntkoyNJRurwpCjj/x4JXjcOOk8U39417/tsLjlqf7rkP7z2aD/uh6OJx2kGa"
    "RQZlrJVW2fVWupmFJctmzaYRAg4zcI1Ek3lwiypEd/tqyzIaG5pHlTjNODwcSqzkD2nAXL"
    "g3R1kNGD+kRlBLgRz/JY4JiNK00QDgG/EvByKjB2CjRwzv+Zia2NqeddEWFKbiWSN6jh2B"
    "IAv+YsHl1PzTkKEnKecWRXwIA8AUvVNFbtDq0MHW87LGLK8bNBHSbbz5ttzRwn/QjyfnP5"
    "4T2C47vhfUDzfKNqFj21zuG1ebHmlvFMPw69/LtbD8sy7Pxn99BXTaTjb5YrOU5rYCwd8W"
    "SWnHOxQYJzBYQIpnYh9P9AxKAfkDFF59gSA02+UGGgECG3x5Gnoj1IoFIib2ekOpsEhgxB"
    "Z5r6SP926nJyHaQk0gZbIoFNpDKJBDYh9bwJbDLd64stdT+hCEnjR8QiJK2IUEVI2klD0k"
    "7dB+iTXVFguAam2789EpUWGdNOi0tzahRAMRbf8Gp7m+7ch2AVz5wCVrBH52tdKsLWyg5b"
    "43kLrkeKeMDZuI4yMqOfcR3DT76c614PD18LD6+Dh9e5w+6tYXfWcLtouD00pvpk1L0df+"
    "qPQLiSThbYhDG/9Efj7jWMAvNX0jKa9JWXLzWlVS5kc0dRiwwjLzfM9VDKkqYhHWOFtBGx"
    "qKKgILsOnwPDaBklc2xUTFXocWJYEJM1e8S5YrliSDkOEV2Qzt+M9d87f4M9mP6Pc5D+vc"
    "iCqaYaaiPrb54M8EoL1MqWLnfsoK3y8uXG971ev896LJGNLNNdqZzWSlVk0BH4jTkOih3F"
    "QQdFfaCJSrZ9qHIbszgStxpvPL/eDzhjCVpJCkYQ9mTnaDvn0vG3HwiWnGHTNGJKu06oIZ"
    "fgagpQNSBEMQ1y6/82SZ/XHuJ2Pbz97A4PT/Yg28M2coT36QBoDPlxoG9O7LX6waDCrdUw"
    "B4dwa32PUk9ya+UoIniE9OY+1KYdYdkwg3hr8qh2ljRnVvK2fCj5D3+WLHsHQI/hml9/7E"
    "qDHAYwp4XQxEKeMbqjs/iPDQ5wGcgp8qVPmFnkLZccPPbTNJDJlYBejEE5eOyObyB/31xk"
    "yRmio5LhlYtI3pAx/xPLeSdygIhnTtu9lEzjSVWwiezPhnhiEy+wJS9ZrS9IWNyi+RZ5xx"
    "wXE1+S5fhI1GSx+Eg4zlAHXupUDhCIan8w84CwzREtqTSwzuqZciMJQ2ZJ6UWsiRBpfcyJ"
    "lieSH1hRWcSsYfDGw3cix7flrqyDPVecWxpRA3MtbTVDyhXg7yOpgweTW2TaxDJWnwrW1A"
    "uQ1mc5Nt26z4LpfL/VLbt3d9cDcMw5tRX49NQ5uEAep5GfhFu/0ckc1HV1VZSifygbbKsa"
    "TtFklvHn/BqocC9rkrpCTn6ZSm8tsZRxIdRkT8ykh5zMi1gf93glbkRnJy6wLIOUIoeCt9"
    "XFiUPhDiqQXzpVTeK7m+zut/d0NsF45iuQUrYTgaX9woO92m0HtQ1JiycsT4OrJITwb4wV"
    "EELocKJQ8OCbd1naMNBRycrZO6cNQ7KLwBNaZszPJeAa7zPMh87fIFT+7wiKxRFsOn8WEk"
    "QVgKsoilh5UcQnahWxHx5hcWpdRD8Zt9ZIy8XcZnRfh/d2kPGMFQC1GSIHm30b6YaFttii"
    "f6oKytyv4jR5/FjKXwFoR1MfQQGEqqgW6QCuatLPhtZc8E+/AFc8Swpm08yZTdll5aeqkb"
    "QUPGfCcnNpIGHDMGuxomyYM/8OGKSrgax2H9xBbsLNFpYTOrOTopC0sOy2TFRkXFczob9p"
    "ZczsLSLn+gpRci23lQF/SJqzGdonlVuE0p15vMooseJMmniaWHTmyHwX0ZzJAqmnv4fzaM"
    "4rQ96wugwQncBgjgj+Eh7SzlIWQHGIZrKPqmQ0RiVkYz+ZGr+Qk3MQGCNiNsvd1JIBmZ3c"
    "MsNhHgXPmEBrrUnWwjBX6D/Ih878h0twxlkyOYSwo+BaCExTXkOUiao/GaqM6b9sFYxuv8"
    "Wi3sr3IDO3lL5ZzePWQWoBxiAhtxowh1sSJyeuU2bHPVXjTtzwkFwn7lFOWjah2CQUfdO5"
    "KsTT1G29aCB56Tt3U5UXniL1ixyMpzgTG6Kp++HUBQb3W648lAARz1PcSZGgLMYKsudLG+"
    "Hzh3M06r18Tf/fu4si2mH5zYaoCquuVZwvJSJAxLUYfOZQwFLixjaC4uH0E3IWtAtSHaC6"
    "7A9z4qREQo6SdicrENhEZhJjY+bbo3cUHMcUMb+WaiHXkiFtZGTvdCWafNY/nkXHOT2CDg"
    "HPKl/L183Tq4MofePZ++d8XnYxOAQCjSrIb8Oyq5Xm4LhLwvPU55ztmqrHQSXJeY0eQR2y"
    "Glt//K/vQtvpVPTXP5Gq528wfOzMR4aZFHGDBwgb6AWvr9ebq5yDMdY0bE6kb3emsVDZT4"
    "+g8JEx7TQYnrDRM3oSzta+8VUWxBfubS7d26fON6jENuPen63hB0mbsb9ysD5I1UAD7eJ1"
    "lgwbOirZEH79OlKpiL5BVWYES1pcOHtyNmaEkGeOM7iYfjFSlTaiNry5XQNwfNbtj19+7t"
    "28+Ih0FtNOoJpL9hbQx87fdHgOgQPv8iyNMB3Poiq4OLIA98m4fQS2p6oP1Y7IDMyEN3lY"
    "HSFsIK8r2Yj8jLsoyvGL43K8svrSR+C3rFr50E9nfAPn85tM/H2Twt83Uf6ChUX1EZmaF3"
    "nYHCJr4FzONJVTZnJkIgMWYuabyzuSBk7nLFVDk4uGRmqGutkI8xgWJ3v8glSVOv14AW3y"
    "uFBFffeG5YaI+u7fo9Q5zwiCau26rGoqK4I52uitGGw0OqidBo6ageEzc1N9t1ARh3zSOG"
    "RRl73yuuzP9HfRTYWq/mbusyFM28DTob6nQVQJcMSF9Zi9K5OgHUohZq7FTH/pw0M+35GP"
    "hOdNk041Vdui/yCqdmx46cxrYvqTSX4zNUwnDNUgX91ePqyejMQUmTylcpPIGxNdVl5jRa"
    "zQtU8397wtLKOEgrlh5q4kS17GuTcTueqjEOyMsFMlNn9yRdwFqWoSdvdIn9hGXueYttsY"
    "vY3sdddGCrboefjXP7Odg8cOvmPNMAhky8/cNgJ5ZJZAXgvhuS3sbeERpBtuB/tnPF8axi"
    "OCxAT3ROJPdHS8FFe1yTDgRgI67NKEJDSnRPyIpgwd5nI4vA6w/HIQDqC4v7nsUzWS8Z8O"
    "Ui0cv50JMD755KgnLJsExnMCy/ZM/Dxe0wnZioFjdzfbaTAsnXrPM+KN2we/tr4Yz0jSIU"
    "NT0lXCsNsfiF14lf7XtKBjgYScvEekEsSe/ZGVZ/UToUeM14RdprKwzsN7Z2UvmuojOhfR"
    "8xLrQfq1qcoQywUj53S+PirQ+WlhGv+mI+lzVOtF2wnvYnUV2ScL0JkLQzMl8tY3FXImm8"
    "aQHpf/3Fv1q8SglP09iVbHj0zxCzTnLG4NR5+7t4NxdzIY3nYCG8xU/zT4jbUjUr9Bd6Lr"
    "fvdqdjm8vR93oEOLMpsb+iajblg1vLXCUOFgNl/ns7gCVMdX2n370Hyjapaqk3N4bd6tiF"
    "UZQKqCXv4dzSUCe74BnEdnTHQZK+QeW3/fzaF4uaUgOmFCAUFkLmr7XVW0LY2dIsar/ENW"
    "RPskT996mpWcR/uw5kpdp5tyjGUZuN/e33zJ15h5v3051J02HtTYi7ZKPoPiH9QYmxv0V4"
    "LdxqIV6NHNelnbhe6pIedWnyJRs7KC5wsbkIsdU2RfFs6+LL9cWV1ivY6UrVBBv1l7x4qF"
    "NFJynAJUpbS+rGRyAwbnzAe6T/sOED6KPtUkU+RYqTjl5onYpyyZYR1+e1zZgjTPVQz1EX"
    "1Y3pX6OrHoFH7ARbkfQy24n4P7dhAAmZHNfKVaVm7+x9ILCeSQAATyqSZmtQZnyiYG3k7G"
    "SeNo+UBL4X2nUNqriUWxN5eZpxRkRO4idNzCoS3AY4hjb0KFQJn+dOR8Pzp7xFvboQn2vm"
    "Y8FOrwVhrmRyDAbaMVdgT56Y/pDNJnJqY7KcE510VreDsb9a/73XG/g3ZPmepX3cH17x3E"
    "wpqn+q/9/s/w5zPGj/D3Tff2vnvd4Sra2f62mRJnqCUuoyARv2voNfovdGPoCgTZLQyTLR"
    "j725F/yp1gwWzpMiiC5wYIS4BzjwOXt1ioBXDfseOoRUe3AotKQyIIaskggHEPdr5xjvBG"
    "UzuE76nUZSXC75JZXU8/iciF/x6lzr93DBpgx/vFnNbYqR4xd8xeV1jX677NYh1lmXJBQZ"
    "FW3Xbr9GSnVtQHVuaD9zu//ti5U3wb7T+FT+ykPjFqQ+bBr53hHPvDWKeIlfRI7WbVQku6"
    "BFnYbsFeEVVUSju1G/LUx1HlHZIeYrXptPZID/HadDFPGFf8LR8sEK1OogU8stTvyN7qxC"
    "7HHwP5p9Tp3tHw3PUh0PDEVT5MnNHoP00rCB0nOGDSe8/EO104wsXsBEym4RH6uYAoL0xj"
    "5ep67MZCNUlWf/tJhMMApMKIs0tc1ZYU1RipMgLxZHmh5rv+7dXg9nMHOfRT/a47uKJ/Sq"
    "oy1T91B9cs8UBStcxrqeJTIrVeyX7R1KV2yaj/3/fUiAXue6U/pnr/tnvJJOK4aqb6uPel"
    "f3XPrrmgMyeCoj/IUnUvFybriR4i41lIRcNZqggZWhr0SVBbY5szCS1CyH14vN1S1d6vnO"
    "oGCH4F5FD6zpiD8f4cIfTGGtgCaXw5zd4IIc/znTHeKU3g6lg/UGtYwau1YYEajpxfwcWS"
    "cD8xZwhjiKx5llslzAYVYWPmqiDuI2lcyOLbTPjO2xR8520U3xG1w0SRa+HiEY49IfVaOv"
    "bu15ohBV1RwTvtNMfeZjemyhLWf+zAC78zrY3+aEGJMbjuDZAsSwKbU7jbjnVm7UlBy1t/"
    "xEdTJscz4FXc6wTuZC+CMbm0XNty/V8GV/3bXr+DMHjl6e+Y6t3JpNv7ctO/nXSQvbgh1H"
    "yqXw/Gk8Ht59ndl+Fk2GHB5VQCs/XSsIypfjcafhpc9927TidS9+7VsHdvP5GKbgPP4wOe"
    "4hvgjTFcSkN4R/3u1e8dFhO5hb/+0e85OOOfLPyCyqx/3WeX6CmELV4ARZhVeXtt+mkaaM"
    "lXEUWgYFmTTOxwNwevI4Q8739Fvd5VdGDzGEfUf8dwPM0fGCHl2UmbN3L32C6/pXTx/kOe"
    "Gb+j4Hmqt5b4Gxp/6b6k3wrxeCyxZ2thO8WHKYHIti6K7fTlR9rQ11lUUci9A4XpmrfjV7"
    "L/5N92DtpteGPwSTabZ1WhAo0wPTkpyh3fIJaXlpmxxOrDMk+m5o5AsDMuRZlVkacGAskb"
    "7xgibN4GXP5h56FolpGH1yGy5nH6TaYOvG9SWvC+ifbg9UOWEWano/4h0tqkR5YBnHGO8k"
    "edO/SnLVRzVcypF6IVkuZZ0iLJtdSzX/jCk1ldT6+o8IV/j1Ln3Bd+pZL1hpVIijjD3Vvt"
    "NG+44hskOjo31qstSwTndGr7SLj3abOAWqdDjN17BvyjSHZrBh2ry4aqYWIZegwImNx30E"
    "/DMYjCWOzsFgryvvoj0ul/O3bNnqWheWLICICXrXVt6FetcgdwhMi4n+9HjuHgpjXP/qle"
    "Q+au6W+GiOK8nA3RVTtpeTGr8zLWnBG1eOuj0CO4dk727seT4U1/1EHubsYiiiA6adTxao"
    "ZM9e7VzeC2gyRlpepTffz7eNK/6SCyJRZeFfFaVtHaOz9efhBQztv8D6VAZCnb/Da5bvPb"
    "SOFmmbLiwchZF9tHc7Rs3IJqij0dqCL4YBqbNTqj79tAqrRmYTNr7c3qkzq9r45IYYK/JY"
    "apBMgaMdvTgID+b5MABhCpSuvhANfD28/u8HCpWlEe47jlMWRNUhnsX6BMRpRWRGIVj8Ti"
    "OjY3irRIz5LKIqKpVremDMxd8bf7a3fAIqxH/fHd8BYK/0aeOdVv+5+Hk0F3wsJ5dXqsWa"
    "pksZBej97VklxiR12ijx1e/2IH+RJDe4IgX4AXr0bdX+nwZ9VaKqb0rBc5ZC6yeMQvkj3i"
    "FxGP+NpUDVO18tQM9pPwWxmFslV6wB20VB+W2LSLoCDVqV0LkkLsyD8NBiERoj7oOC/eFi"
    "ITVnJQX9rgAk6VHdVRfM9l6a861f/Q+LqLFCwpmqofDmJy7lGJOtJMTFdxET9agLBWUre/"
    "nG5nc7wwTIx2k/f7Er2CZVXBsan5e1a7n1AEm/AsYwDWZsYCqoMQ/K8c+kmUkHefCftY5O"
    "iRXn8DA/ykyAUWj6+kGBtLNpJSwDIAoztyjgMmW6P+p/tbpqwvNroC6rvTDcRrBTK+ux5M"
    "OoisNZWTfEr7WwvZzhFSjtcG55azM0EKiiFMK+RQVA5wpkOQYYEg+hjSxpVHevM6ax5Tai"
    "JTXCYlPZoKeCUjhKJGUtQrWaC43WF17Y7RCrbgDP4py/z9KXn2/hSZu9CoKKdW6SfhGPWi"
    "eiOYLoAI/OA0ZGIFJymjV3O7FuvxNUkRN14qO0XceDKr6xlBLOLGv0epJ8WNB/2kBim21P"
    "2EAuniR8TRle2Ew+ZUo4NUIrSPHpKRhIsIj6MM/mSYWH3Qf8bbCJwV4qmTM3G5e1I9Gbu7"
    "ulvWpvTsJV6EZhblgF2aqsXQsvFkNOhRjSQ5l8Xf3Jl+ECYx0IhD+OnnEdaS6s8Hc1T6oM"
    "U2iOl/HSHlx+ZZct6Px9O9yT921Xo2dG+ru6GOEdgfbv0b1x5pIx1TvR7JS0mnX91BX6k5"
    "9dUxTAiS3NQBarc4E8fuZfIm2vSumlfEpCj94c9+AuuPVef0Z0Rt6Jx1kwJkTYWSOGCG/1"
    "MkN/GU3JTP1j+6mV89Jlua8fldFuvchYrtIsSGnz5B1Dzz3Tl/zbq9Xv+OVXO0/Y+SLOM1"
    "K/No37/q964Ht7v7UFKOblvQW2bSndyPO6yZ9oZAWcjeYDwY3kJdSBujnuow/z/3L7u9nz"
    "uww5kPGE4LPlxSgX0wczyTn4h7FLi1S2OzUyHQGZw7JskYL14OOOzw7JCUldAjuF6NzUlZ"
    "IUvJaZIX0oUNQ8OSnnASeUQhKVEdXatKTK4GkENM7CF0V9O1LYK2gPYUQ5Ku2CIhiGCMsv"
    "rP01yCw+F1wK6/HITj+e9vLvtUNkw0dJBqJfgN54YS42JJTqxwxzfAQ3jsfIoVJoRaKnSn"
    "jzEG/zEe3iYkPgfJwiiWKlvoP6xCdmUC2Km+842qWXQin8P78mq/7i8hXk1QLxGdSgacHZ"
    "4RfJDwgJXpwgvLKXTgwAPCwrPrleaVXZCqxqKzfwhBZ4qxojJ4tcKKKr1oI4kgOJ6RLS3C"
    "p+xO0IX2SMqYpNs6NF1CdkxTG8x7R1f2LmY8+k8Tt0KN1Twryh3Px1qC154CBKhkmfiAm1"
    "idOsnF4qfiOciRJb0wlaycHoLlR2QIn3Yy6+vp3czi03bR5ZwBZAEq4flK93z5wOoDPV++"
    "amH1ZOxez1dwZuX2fFXp0ul/s7CpS1pvieXHVoxPJzignebUoQaHulBlu+KO7I3f69npAv"
    "xJBWM7TagGhp13ImJsTBmjM3oNMFNLtbYeONNmFs/V5Rjds0AUNMbmkyrjF1G/ThUvKLnw"
    "XKLaHLsbxajMzrw7zCfDvcMgxRXDJJlHz9pR8AxVFgxuLb90S2reTkL08IG5OnyzuIrSLJ"
    "akannAwx2FgA/zl2OBI6qYcRCgbKBxUBNjIFMcnNu0MK85ECQT9sAee8DXGvJAg+AXnx55"
    "5XtsPdm83zoITrSAedDrjnvdq/6prINYScQYCUkSy2gr+OdOtkAwspmvVAvqwbq0tgfdRt"
    "XRGfwbGke2qTavPtE584I5DcGH+CRpKgtcRzYT4sPAynzBVP9qh4rNCJY0rHxFqt24zX30"
    "D8SJJWsje4TnFbAdta/gKv248/W2g7r9MbSBe/m5dzPVsf6ENWMNnp8Nfb1l0OfSh5vG84"
    "uPyH0rpOu8Yy+VNI1+5hY9qfgZkaXxzDxHqpXRoknpLO3dgAoiM6eABLvDutM5JMzEkjTR"
    "avrEcWs1Kqtbk5MxEJLh7h35k1hjSIXi8b2FCrIu3LPBVQexBtx0Hkz1we34ftRl8YOqTj"
    "amxAIIry7HHaTMyVTv9nqj/tVg0p2w6D5Jht1WtdgyneqX9+PBbX88no36nwfjycgZNd8Q"
    "VceEzEz8oIKgskcLVF4odndYxIo60Wnjo+JZyNzAOnwXaoxBH0prot69g4g/iJqlaqppsI"
    "qKca3Ur7t3Y7iiSWvCYmrv7/ojegWukc0am/Qq5qTBuhcek+fQCRCJ4yYWlMsVpOQjEVEV"
    "6bBdgaiKgC2VByyNEArMNDdm6jcp85zMYboGsD64l2cpoZtcQTdSQBd/W6t0DRTApoOUIk"
    "WbZ2h6T5vm5K2snDbNfK2nY29lNaiWzMvCyqEuubVkCT1n47wByVpTlJIP5alIeDe/ypMP"
    "ns15sIRIxcnC98my1iSZqgH5NrcQmdjc4osTFqgHH6AUa4fntSPqyrVEXTkRgy/qygmp56"
    "0rx5z9eT3KPhqBPqdHWXnBFAeGWN0TXEdnWNaQKv+UyhtPFYoPPbDMWCR9oiEcDxkbEFB0"
    "IKf8MWQj9sAmsetYUXoO5/bE6O34mzFCz9wR7I3PmywxWqrEMswtRJdJXphbGxytWFdeQj"
    "2Pzi7EDpLeGaamtD1XbNtzwLYdx2u7FZJAZS+a6k58N8sL8nKF2MUXbdZqDzrOI0WFgD8W"
    "9/e83IqsIA6zgiQ5vs9tsqNqR9HA8JEKCnTJVv76XD4agTBl60Ce5goSPqDiKUACm2iYlZ"
    "qpPoDICBIZQRxZB+36ZARdOaWQWnHln917qXYFXDKdvB8/wT67IpnLJSvdIt2k7HSTNC08"
    "Q13RWmjkravB+GYwhnh8laxUQqb6r90RdGaXTH2qfxlc9aFruAKdH+/HEI0MhikBMzVs2J"
    "5Gk8/f5u4UmufRTKX3mdrbvU/pbvc+2txuo1tx+f17/CEuUW28xi0JWVAMzJTMrTPJnfJ5"
    "mWd7TbTNTP5kYWQkr7kGGxk8NLLkTd7lgCQq3V1yMtVHItiZbrepTm3zA222G0/PHzgPrC"
    "dz91prvqkVb6nF7wrCi7vXDA5vhAf0jNppIQe6KcfegxrE+Urdk6GNIAY4iG4VmeADd6Mq"
    "Fzr4A5LwWXaFmyzu/k0nYbj/kq/wBbRKdgpiCLjhpHBDWH6FMptDz+DZwm1RXXXc/dzvIK"
    "cfwFS/H0Mfkw2BHib0n78MoHAAsetXQleg4aj/aTS8nUBnIHrqLExDt6b6P4aXHfSnMZ/q"
    "l1B9YA6FB3rDm5s+DJSNFWCSkCP9y6D/K2RIuzEBpwcvfEs0VuDxCyxIxbOIC4IYH7JkJX"
    "5ITkv8EMlLrF25ANiWc25freFd/7aDgHKqO7AeJPs7wB7UAOj2oIIGqx3ANku7dsB4eP2L"
    "XTuAGNoTLzUB7DqnuRLYfSQiByuAN5SRg2XjprkE4iMRAqlAIGvDtCi7Y5uaJAZhhcmOl/"
    "rxOueGRncuKjU6UUAjICx4zf54rGTunlV2WshCkx5yszxIxC/D6R8Y62ipWqTN1iblrB2H"
    "SJgN2na0J0cMGdv8lC0C/E3G5jqG/8kqk4+kAeFGoeJKmVw+b1NcPm+jLp+dWRjhcjr2Hy"
    "CsD/Tv+izayDDp7LZ/BZpvkYQ0et10Zvz35wUSuaPfg5RF7mipJ5RwnSazurmuU5E72jSp"
    "x+ydkSwyUY+nCl/5WjKtvBEIfhrBz1RnOWNVlLdVuXL5ZOleT65/QgWcuPQD0O399XUrdi"
    "cQfN3D19Del8DaLP5xNxT7QO+4PwS8ZidrxkxnD64pzqSRZwE3hUVVhg/cSVvwO34xQr70"
    "mNvttMCBtT3QSWWeLV2CDO0JHVIkoYUpbRRkbjSMlvTr0YKBHPBA+t2GhWRpbW1MrCAWtA"
    "utBiVlpeqIalOSSdxOG6HmhGU/XuRDcKAztFFygIIskbxaro/kuPzmUiELQAQbYhmr3FVn"
    "QmTVBoXWj6uwB+XzULoEx/dPFgCpofsS+2JkLSUL/DReXQf6J727RUTKGNtybG8l3yEY0Q"
    "17uZsumeXzpX991WFn4FTvXfe7IwirYKccL1EVzsfkD++PEAoLO56zBTDfAKVwlPAD9kUx"
    "XqrO5uol7I5vnNe5kkRD4TdJ5n49EfQkv0kEmzxNXQAH04gx0HdoR6ag/l14QNlh/W66gB"
    "P5ZEaC+YVVfFKrOC0Bfb9iW49k9Na4173pICJLq6k+vmP/XsO/h58+ze6uu5NPwxG9ZiwW"
    "s7UmWQvDpPcoS7vjsR2FT3khEWIH4lOa/u148EufEUBS0hOe6p+6P/fhYx8hDeB23P1E/9"
    "roRFrQv4eTL5AXYLBFwYUaLdQAl7WvM+kBMCyZva+FJvD9agIiQ7rCqny2ypC/m4afTLBV"
    "JJ6X6f3NlXjuab2HM7jhaeehVctT9TVf8nmMpRVMTc9kbZEgSQZf6I7YV9nnI/rKPJJf2Q"
    "cjlaA1NumvoGrqOYIyzZLMkjZ+IMh4poSWZG0IDAO4PcYjWv5LprpmyI8A92OWBIOMjYXO"
    "FGNFJ8Irh5C8Yt7U8/X2xUc6kFKaxjMi0hYegXWo9UyvaeqCTnnhaOXlQGmnmJQ1qLfFiW"
    "uQJwU3E35sL8MCZk2AUPgIeJaxsF0Txdxg29UNRSxQNs1HJoytcO1Jktt+9ZEIdqbbrhsi"
    "TKv9ppVvQmUrlRafS5ebrQ0MSw6zNrT98WS13pnqkyRv+9+SXITBAe3UKF576Ax/q8ZNmF"
    "zfi75RpduBKPB1rKMrxazj+CjjxJ7LoRjwHU8Y45AzMR1MLJw7qnDU/+97qp3aJZqcZ0z1"
    "y/vB9dXg9nOHVbdRKMOhllP36ncYJSnbqd7/7W7AIhDtPUABJ+vgGi4sJFXjJSIRSi3MFk"
    "aMGpLSe9NHU2IcYgPCyk38kLNz2I6i0Fo4Uml2FwD9gSDYX5H91TbAGVxYOSf0uyzu63fJ"
    "zut3Ede1ZEEV+bhsq8RiCn4SbqsDZTfyS66m4Mm3AKISpm0gplITDCUbdKZJVAjFgqj9lA"
    "Ig5VnKTD8ptJh3dELCPEvYZ3XmlHGQUkiZZynbZkQBIQcIhYx5l/HGzBXs6iPh3aTQJGLZ"
    "9jPCpmmAecG+tYAhcZEpEPYiJQ72IhoGC2XOpQc8e8Qx1VpSKoQHyTiWQtGw44tMUccXKU"
    "HHF1Fmq/+OmeeX6kOi3eZSFLLZeGOwbbX9v4uLt29/vHj99sNP79/9+OP7n1575lv0Vpod"
    "dzn4DKZcgP1R244spYv3H3LNbY+iedO6/ML3orBjq0woQpT4S2Z1PUM7YpQgrzYQBwmKdF"
    "JJY7vfx8iGsloxnsiYUe00dyRzUbltREwfxdGckljeWHgmLbyERuGXFH7JRvglD2nfVIu2"
    "Tf1Rd3w/6neoxSQRaucxR+NwNGF+RsO0oM1Mrw8tpSVZxtBRetTvTQafBr0udJ8B9yRdMA"
    "tV9urNnd4JWUNnsoxVt1dPLl9yrz9wuv3YT5jqg6v+7WQw+X3W+9Lv/Qz3VAXrlmptZ/IS"
    "y48wZkzvXd0z5zGhF5WNBlev6HnbQYqh00nQ6972+tdshAxs0jS7u9Cn+7H9ugXdNAq56D"
    "LZeimmXtTSk5eSruOYEPtks8NHwvXqJFhbzJyWaayZgV1q72wBiBurzAe4x5oq+Yb+go/F"
    "587EQh6BAGkD1er6qtExIdJUQSzQR8KjOo54OVE5aidd/M3COjT8WBm6tcwT/hBDKaIgol"
    "2PrMROwMn1DYNUoglbYDGVUdbQU5VW1O41cvXxjCHlGNJsrSVCng3TbpG0NJ59dXxtLbGI"
    "NvH2IoM28fYiuXXVRVibCOuuBU6chEcIRyXPx09EaHG96jMsxiA5xwuSGx9DEM3LudYixL"
    "VZZS26/zkQyA8EPVBWMbtKNRREtZmMvRGbtAJlzSAFY/d8hLWR/3e5yzIYR9JmSVXvJlTh"
    "TDLVw5RN2FvTZNv/bZKubnqivR7efnaHh3VQ4c8VjfqEP1c06hNSr68X/5MmPbRi/Pbsej"
    "vNU79wR+ytcTXUMYLRYJ1ToS7UB/QkaRvcQapFEHgW2+xfzpRBX9ndr9SKV5hLwJLMB8wa"
    "fn9lLSa+ojN6OazFVvSaKX2QSSy7h9DzkqqD8HBFhR9HkKRpCBofoQf1CRP2eOedTiUs+C"
    "Dyij0PymCdT/WvsqZC26QnlaiUlV+RoVNKycQIAyksSOYMoZwn6Gz4adS/a0OfImmuavSt"
    "mLxgX0y2ukxHnn21f+rXF4cW0MoZyHlIAGeBaIbaGaHJQQ2Nd8NfDofXHTQ3DG2qD6DGsg"
    "rFlceTEcsJtqUx1QGy7KA/STFH+08ZpPRTopB+igQjwqLNg157BHXozsMtRF2npkiN9xcE"
    "z6WoVC7pgsaSngSUhIlDEoLtoCrRuKfFcYUA21xACJeDsJl8f3PZH529YRKhg1S7ekzU2P"
    "N/XITvycBFiKwBJdwFaBHLbwFaCPNVgBZC6qcGLfxSd5Qgj2f59IUY6iMqDN6VWmkMHEFG"
    "YyfStpUAHXn32/sgpBnxD81QLx3CXR8wsgxASLQtkiz0FS8WELn9BOF4NmyDvgYeTr6iP4"
    "15G0he0X8wLKbDUB8Y9kPEJVrVe6a6jp/9yNMrw9zBTbeGjtEjxmu7rLq8MU1oY02vZkV3"
    "/Jksvm8ViSwnTmRhkyQnwuan4Rnv4Sfawz/jc2oiYdoG6iL11T2iKueJ8Lr6uPibBNd951"
    "yvXQbYGutQ9DPnCd2669/aVUMd+qnevbu7HkCKFmhgKiRtxaVyFXEflJ8q5HxigaMnSCmC"
    "zHg+dwTAlbzA6gl1cN4G+koiy7lBH9ODhlrM5oupsRAa006vsOCMnsm+4SW3hiayYdeqck"
    "o5MJHi1dzpkitt7Qv0UTL8y7Z05W2kg/QfLlU+AzatMlKsCRuD3TsTg9+whSNWRUo2bD1B"
    "Z7VqPYIGmrQVZP/vlk9mBu9IGsji8lGD3baUlcM7igZ4XKtmr7PXR1WlBJe2FId3BfQjfu"
    "Zw637SQ/SLkbFggK0pPUOHSyjVSD+Wml6rdTbjJIXpoP9EZqx7bmafsS5FA7eE8hM1PXUk"
    "B4v9NPxuC1Qh1PEW2fOBIAPU9SIsz8LxZIZnjL5L0+KS8Lz6puMfQZHjzqYx8XMr1aCBAe"
    "2M1ow7tmRTxjAfJF0ldntn23hwitjQHwgXwjaLsFS4tFRi5JjV6xlDKto3hi2VwJrIwdwI"
    "oSjbF+TsHBqt47i9IzXAZkclAmtyhOKKYLYiAuAJ0U0E8nlTf0aY1fcfP6rrVC3IPy6jMm"
    "TaJDPi0uwNrOo/YSpmJCHvIQQ5T0E2UKwgaYklxTV2YXJsVg6g6w+dmtCbz3RWmyvJfHRH"
    "s3YGX20ObXU55i1f0Znzr13QFLY/SrXIVCe6tCZLw/Ib2+yXQxYe67/jfed8Y7EhX3dv+e"
    "p9L1rS36DT5ywlXWGVILfYOkcT309CdqdXAnWE2CdQi57a9XZPN9Wi5hNmX8US8eikI/C8"
    "JWQOQuKeah2aisfemfMY9dOI+Ky88VnCr5esvQu/XgWHwJhugj2WMxW39fvupm74sJXO5N"
    "3A/eGzOsRSIBXCRUDYc7pjKhDjCpnLUDob0VVsJzzTv9DZ3Wg4GfaG14hge4W/syNRg7Gy"
    "JTx0qk/1n73I16X6sMR0+GpjMaMLqXaKNtgK2HTDQUrabUUErCjlXjebENSpmbs6YtmaBi"
    "zFUQsctVibIKE5fC+ag0AJmiz1pJQ3jvTFz6aUrC7aN/driw/euAy5Vkx5g/o2AAywyB27"
    "NA2yS+WhM2JsTBm/oJaxqmFqDm/dOyaG8jckRlks4aGgLN7AhKP/H8z9LRWV+vCATfBoOr"
    "V8GDDAcAJGS5CmPmEE/QaADa8YG+ySPAnq4x9+/WMXz8a+Tfh8eDqM66l08gLd5vHxcBfs"
    "d7o6UW8uspQgoqNS+nxGyhA5u0seDnsUDYzsKY3HHB3iN47ZlXSOe/f3H+Ur/9C9pzkA3N"
    "B9lx6YdIVDATxjAanFaL0hS3rRfVqHncRrTdrSo5c8w6H6VdmsNeiKhb+iZ9VauqBLBPYv"
    "+fmxp7JTacjeov1GrDiTa3EmB+SX9VQOEIlzORwQWhQIOhkG1JBZHkzS3MTkxqZ1Qncpmn"
    "hyV9CKjcRWmUkr6+5S8Mzglm2jsgOTbnEmPRUJgjRgZNFfFj5l8wdmVFE1TWCeycugnuhX"
    "Dbylw9ggGefOfmXZyBgHA1WkndI/jv4KkR+qzv7J7Nk2cqpcgotzTT+UwG3ZWK1UqvOaCj"
    "bRmaXKj21kfaMiiHGYVvAOgMQmLgj2bKoWfTQ4Uw3k/PqZk1X/0cbHKC19xsqAqtX2YyFw"
    "hpWippo2dlAye1gaShbJ1wQSxn34rha97UsGDd5ru5o13R402xMcGu+7Qf+iPHL0FFD2YW"
    "Ds/eNnipbj5C1wdIB/XVVgZoSEnO3Y4MMecCdFdrm4FEJdLayueiswB9ddEp7Z3vJHjxhr"
    "WB10h4V1QlmuE0m2EQi2gwausf1VQu7U4lVuwR0vc25agIpnbbigufEuC074LhkmfBdBYn"
    "eHTVYm7ygayODy84L58yU0Aej2c9jWeLOy1x7NM29bmw7arAk2rTZSOk6MttJGZofaz0/G"
    "IwQEmsaK6rcqQd5syS2KLIJIFkMktTWpwHhqcuspaow3TscBjTMPXuSO57j5nw0WQYNjH0"
    "bURgS8JxgMAcdaBEBpTWWAS+j1WRaAxBGUcGdbScmIwm5AOwOw4Le6MoVgU8UUTHQL6xC7"
    "Ivn1UL91vpRYYgnaYgsRjPWdoR4bg334UwFEGK+gpxXrMLU0TOslhM0onTTQgM5HP9BQRT"
    "i28M4dyxr/JsVVG0rjv0vB80nF9k1YHJCj5V8XZ+uHmVNmewY/hGrwL4T9VweVQth/x2Tw"
    "92D/NSyWrGnmX1HeCnuu1qpKo+25MuKEmmigjVnV8gTjbOyWNN9jmHmlz/fbZLf0LW6ZA5"
    "N00FcodOA0eGGVC3bWDhhBdgferwvNMExnFB2wdnRKdjnG61vVSw6wtdj/5jgl3PGN6/pb"
    "Vg3BZMOqHjXuGnFocLSRTehCnqirxL3Mu79/O4M9YeZGRe3f0n6FWiW2QxM9SwSxaqQAl0"
    "tzYwM9pWRMb69UfWPh6F6Vixpgo95ua7I2pm63QjexRQ1ruPZMJx0LcYF2Ws5j0wO9s25h"
    "pw4fEJhRq0DLi6aG/9Uk3C8m2ZWreL+7DVn+w5jH7ZrurdQNE1JOZtB/L9NemSzdXA33dG"
    "qJzCSqv63WFuu5ByFqvnRCX+yr6GbA504m8kVLzUt5pF+fx7xwx/MMQ7V0w1IXkKwGeg18"
    "cRvBfDqHf7q16WD/yehGqBhmhaS6B8PMV8rcR8OzKE5s6/nMaN+UyLl9xJAesI0cMQpB1V"
    "9C0a9b/2pQLTAUdIVAQYds87+cjQYcXNKa4LwtVsN0TYAKw4lYrzNlYr1OScV6HZ7vlmpp"
    "uXAjj6CB28nF+/cZOExHJXKY3QvVfDaUmImcjHW74xvB32Ons8U7FpK7miY4FvI1NT2Wuk"
    "KnjCkhm+NMUUG24ovOAJqxtvTQaaPz8/OMYQ8psqmk+emTodGzJW63Sa1+7icT5c9zlD+n"
    "+shsjunxHcPxdEwnSFkfbKeFJVNTIV+EYChbSj8O1gbT5f+1UbGFlsbGJIevj1oAQIGWtj"
    "aWEZMnlAhH+EkaU1Hy4s27H9/99PbDOw+L8K6kQRAxiyuEEOVdYVHy+iyz7wZCrXXrbjp0"
    "g92Zl3kH/e/7/j205Lapp/q4fzvpwHZqTfVP3QFr172QVFZs/2o0vLuDC4pprNeYk+7drC"
    "IuNk0jphFkstYdpGqC8Xhs1dvElrmdWcYj1mOOmWQVPEx3kCpeHxlUomKDcwSvJdMpIp/Z"
    "pg+SNWH2Vw7Girop30ndlGBnNL2ItucjK0HenK20moiXdz95f0W1qgRHuXevneYph4rKmn"
    "CVC1d5cP0IV7lwlVfgKrfDmGHZa/TrsmbaCRd5/V3kmqQ/bOghlofJfhqemcz84ZohSxoG"
    "FzjEy1KrSMEmS8lHZz1DhzjYl9fO7yk0799m8TK+TXYyvo34GMlm/ieOy/ZNycHbkfAsEJ"
    "48uVChYZbXnRsgagSnjw0sLa2VlpvtASLB9gJsFy4j4TLia5bXAU0QLiPhMsouphpBeVUc"
    "McJdIdwVp2e9cFcIdwV34uXdXdHFpiovWzHOCudOO81VIe3GVOmmyOVv+F6cDQfaMyllEZ"
    "Lq6SSf5MnVdOppox8BhIJFlYPDzvAGcvfN60zpMK9T0mFeR9JhZBvfjXI4OX7JR1KHLAKu"
    "YpdOepj99f8DuXllFA=="
)
