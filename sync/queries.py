# ruff: noqa: S608 - static SQL; the only interpolation is the static SCOPES fragment
"""The SQL of a pull (PostgreSQL). Every query reads only moved (ticked) ops at or below a
head read first, so what it returns cannot change under it (sync/ticker.py).

The caller's scopes are computed in SQL: their grants ($1, a user id) plus a few fixed scopes
($2: `public`, `user:<id>`, and for deltas `to:<id>`), so a user holding thousands of scopes
never ships them back and forth.
"""

from __future__ import annotations

SCOPES = "SELECT g.scope FROM sync_grant AS g WHERE g.user_id = $1 UNION SELECT unnest($2::text[])"


def wire(o: str, op: str | None = None) -> str:
    """The change of op row `o` as its wire JSON (sync/changes.py `Change.wire`), in bytes: a
    page is spliced from these unparsed (the row's `data` is JSON text already)."""
    op = op or f"{o}.op"
    return (f"""convert_to('{{"collection":' || to_json({o}.collection)::text """
            f"""|| CASE {op} WHEN 'u' THEN ',"op":"upsert","id":' ELSE ',"op":"delete","id":' END """
            f"""|| to_json({o}.row_id)::text || ',"version":' || {o}.version """
            f"""|| CASE {op} WHEN 'u' THEN ',"data":' || coalesce({o}.data, 'null') """
            f"""WHEN 'd' THEN ',"reason":"deleted"' ELSE ',"reason":"revoked"' END || '}}', 'UTF8')""")


# Changes per row of a page's wire JSON (SNAPSHOT_CHUNKS, DELTA_WIRE): PostgreSQL and asyncpg move
# one 4 MB value several times slower than 50 values of 80 kB.
CHUNK = 100

STATE = """
SELECT coalesce((SELECT value FROM sync_state WHERE name = 'head'), (SELECT max(tick) FROM sync_op), 0) AS head,
       coalesce((SELECT value FROM sync_state WHERE name = 'floor'), 0) AS floor
"""

# A snapshot page: the rows of the caller's scopes as of tick $4, scope by scope in name order,
# from key ($3 scope, $5 collection, $6 row id), up to $8 of them. A row is in a scope when its
# latest op there is an upsert. The page is one scan of the index (scope, collection, row_id, id)
# over the caller's scopes (`scope = ANY(array)` on the index's first column: the btree reads the
# array's scopes one after the other in index order, so the scan comes in (scope, collection,
# row_id, id) order, needs no sort and stops at the page limit: a page costs its size, not its
# scopes'): a row's ops come oldest first, its latest is the one no later op follows (lead), and
# the page is numbered (n) in that order. A row in two of the caller's scopes comes once, the
# first time (grouped bytewise, as DELTA_WIRE folds); a page whose first and last rows are of the
# same scope (most pages) holds no row twice and skips that grouping (a one-time filter). Each
# row's data is read afterwards, in page order, by its tuple id (ctid: an op is never updated, and
# a tuple id is stable within one statement's snapshot), and written as wire JSON joined with
# commas, a row per chunk of up to CHUNK changes (`chunk` numbers them in page order). `keys`
# counts the page's rows before the duplicates were dropped (the page is full when it is $8) and
# every row carries the last one's key, where the next page starts; no row when the page is empty.
# The snapshot page runs with these planner settings (sync/pull.py, in its own transaction): the
# page must stream from that index in order and stop at the limit, but the planner estimates the
# scopes' rows as the average scope's and would otherwise read a big scope whole by bitmap, or by
# the other index and sort it, incrementally too (20,000 rows for a page of 5,000).
SNAPSHOT_PLANNER = ("SELECT set_config('enable_bitmapscan', 'off', true), set_config('enable_sort', 'off', true), "
                    "set_config('enable_incremental_sort', 'off', true)")
# A delta page of a cursor behind the head runs with this setting (sync/pull.py): each scope is
# read in commit order from its index and stops at the limit, where a planner estimating a big
# scope as the average one would read all of it after the cursor by bitmap and sort it.
DELTA_PLANNER = "SELECT set_config('enable_bitmapscan', 'off', true)"
SNAPSHOT_CHUNKS = f"""
WITH p AS MATERIALIZED (
    SELECT d.scope, d.collection, d.row_id, d.tid,
           row_number() OVER (ORDER BY d.scope, d.collection, d.row_id) AS n
    FROM (
        SELECT o.scope, o.collection, o.row_id, o.ctid AS tid, o.op,
               lead(o.id) OVER (PARTITION BY o.scope, o.collection, o.row_id ORDER BY o.id) AS later
        FROM sync_op AS o
        WHERE o.scope = ANY(ARRAY(SELECT a.scope FROM ({SCOPES}) AS a WHERE a.scope >= $3)) AND o.tick <= $4
          AND (o.scope, o.collection, o.row_id) > ($3, $5, $6)
          AND ($7::text[] IS NULL OR o.collection = ANY($7::text[]))
    ) AS d
    WHERE d.later IS NULL AND d.op = 'u'
    ORDER BY d.scope, d.collection, d.row_id
    LIMIT $8
)
SELECT (SELECT count(*) FROM p) AS keys, l.scope, l.collection, l.row_id, w.chunk, w.changes, w.body
FROM (SELECT p.scope, p.collection, p.row_id FROM p ORDER BY p.n DESC LIMIT 1) AS l
CROSS JOIN LATERAL (
    SELECT f.chunk, count(*) AS changes, string_agg({wire('o', "'u'")}, ',' ORDER BY f.n) AS body
    FROM (
        SELECT u.tid, u.n, (u.n - 1) / {CHUNK} AS chunk FROM (
            SELECT p.tid, p.n FROM p WHERE l.scope = (SELECT p.scope FROM p WHERE p.n = 1 LIMIT 1)
            UNION ALL
            SELECT c.tid, c.n FROM (
                SELECT DISTINCT ON (p.row_id COLLATE "C", p.collection COLLATE "C") p.tid, p.n FROM p
                WHERE l.scope <> (SELECT p.scope FROM p WHERE p.n = 1 LIMIT 1)
                ORDER BY p.row_id COLLATE "C", p.collection COLLATE "C", p.n
            ) AS c
        ) AS u
        ORDER BY chunk, u.n
    ) AS f
    JOIN sync_op AS o ON o.ctid = f.tid
    GROUP BY f.chunk
) AS w
"""

# The state and the keys of the first page of changes after a position ($3 tick, $4 txpos),
# in commit order (by tick, then by transaction inside the tick), in one round trip (most
# pulls are empty ones). Each scope is read in that order from the index (scope, tick, txpos,
# id, collection) alone and stops at the page limit ($6): a page reads at most limit keys per
# scope, never a scope's whole history, and sorts small tuples only. One row with NULL keys
# when nothing changed; the cursor is checked against head and floor afterwards.
STATE_AND_KEYS = f"""
WITH st AS ({STATE})
SELECT st.head, st.floor, k.id, k.tick, k.txpos
FROM st LEFT JOIN LATERAL (
    SELECT x.id, x.tick, x.txpos
    FROM ({SCOPES}) AS s
    CROSS JOIN LATERAL (
        SELECT o.id, o.tick, o.txpos FROM sync_op AS o
        WHERE o.scope = s.scope AND o.tick <= st.head AND (o.tick, o.txpos) > ($3, $4)
          AND ($5::text[] IS NULL OR o.collection = ANY($5::text[]))
        ORDER BY o.tick, o.txpos, o.id
        LIMIT $6
    ) AS x
    ORDER BY x.tick, x.txpos, x.id
    LIMIT $6
) AS k ON true
ORDER BY k.tick, k.txpos, k.id
"""

# The same for a user holding many scopes (WIDE_SCOPES or more grants), for whom one index
# probe per scope would cost more than reading the log in commit order from the cursor and
# keeping the ops of their scopes (an empty pull reads nothing).
STATE_AND_KEYS_WIDE = f"""
WITH st AS ({STATE})
SELECT st.head, st.floor, k.id, k.tick, k.txpos
FROM st LEFT JOIN LATERAL (
    SELECT o.id, o.tick, o.txpos FROM sync_op AS o
    WHERE o.tick <= st.head AND (o.tick, o.txpos) > ($3, $4)
      AND ($5::text[] IS NULL OR o.collection = ANY($5::text[]))
      AND (o.scope = ANY($2::text[])
           OR EXISTS (SELECT 1 FROM sync_grant AS g WHERE g.user_id = $1 AND g.scope = o.scope))
    ORDER BY o.tick, o.txpos, o.id
    LIMIT $6
) AS k ON true
ORDER BY k.tick, k.txpos, k.id
"""
WIDE_SCOPES = 256
GRANTS_AT_LEAST = "SELECT count(*) FROM (SELECT 1 FROM sync_grant WHERE user_id = $1 LIMIT $2) AS g"

# These ops ($1 ids) folded to one change per row, as wire JSON, in commit order: a row's
# change is its op of the highest version, the latest of them in commit order, in that op's
# place (sync/changes.py `coalesce`, the rule clients apply too). The fold and the order sort
# keys only; the kept ops' data is read afterwards, in that order, by tuple id (as SNAPSHOT_WIRE).
DELTA_PAGE = f"""
SELECT c.op, c.collection, c.row_id, {wire('o', 'c.op')} AS wire
FROM (
    SELECT k.tid, k.id, k.tick, k.txpos, k.collection, k.row_id, k.op FROM (
        SELECT DISTINCT ON (o.collection, o.row_id) o.ctid AS tid, o.id, o.tick, o.txpos, o.collection, o.row_id, o.op
        FROM sync_op AS o WHERE o.id = ANY($1::bigint[])
        ORDER BY o.collection, o.row_id, o.version DESC, o.tick DESC, o.txpos DESC, o.id DESC
    ) AS k
    ORDER BY k.tick, k.txpos, k.id
) AS c JOIN sync_op AS o ON o.ctid = c.tid
ORDER BY c.tick, c.txpos, c.id
"""

# A whole page of changes after a position ($3 tick, $4 txpos) in one statement, for the common
# case: head and floor, the keys of up to $6 + 1 ops in commit order (with each op's fold
# columns and tuple id), and the first $6 of them folded as DELTA_PAGE does, as wire JSON joined
# with commas in `body`, a row per chunk of at most CHUNK changes (`chunk` numbers them in page
# order; one row with a NULL body when the page is empty; the other columns are the same on every row).
# `keys` > $6 means more follow; `split` that the page would cut a transaction and `revoked` that a
# tombstone may need STILL_VISIBLE: then sync/pull.py reads the page the general way
# (STATE_AND_KEYS, DELTA_PAGE) instead. The fold sorts keys (a join of the page with itself would
# be planned as a nested loop when sync_op has no statistics yet), the row id first and bytewise
# (COLLATE "C": the same groups, compared in a fraction of the time; the order is not kept). The
# count, the last key and the split are one aggregate over the keys (one row: as a lateral join
# there, a freshly prepared statement's plan wrote the page's body, 4 MB, to a temporary file).


def _delta_wire(keys: str) -> str:
    return f"""
WITH st AS MATERIALIZED ({STATE}),
k AS MATERIALIZED (SELECT y.*, row_number() OVER (ORDER BY y.tick, y.txpos, y.id) AS n FROM ({keys}) AS y),
f AS (
    SELECT c.tid, c.op, c.n, (c.n - 1) / {CHUNK} AS chunk FROM (
        SELECT DISTINCT ON (k.row_id COLLATE "C", k.collection COLLATE "C") k.tid, k.n, k.op FROM k WHERE k.n <= $6
        ORDER BY k.row_id COLLATE "C", k.collection COLLATE "C", k.version DESC, k.tick DESC, k.txpos DESC, k.id DESC
    ) AS c
    ORDER BY chunk, c.n
)
SELECT st.head, st.floor, e.keys, e.last_tick, e.last_txpos,
       coalesce((e.last_tick, e.last_txpos) = (e.next_tick, e.next_txpos), false) AS split,
       coalesce(w.changes, 0) AS changes, coalesce(w.revoked, false) AS revoked, w.chunk, w.body
FROM st
CROSS JOIN (
    SELECT count(*) AS keys,
           max(k.tick) FILTER (WHERE k.n = $6) AS last_tick, max(k.txpos) FILTER (WHERE k.n = $6) AS last_txpos,
           max(k.tick) FILTER (WHERE k.n = $6 + 1) AS next_tick, max(k.txpos) FILTER (WHERE k.n = $6 + 1) AS next_txpos
    FROM k
) AS e
LEFT JOIN LATERAL (
    SELECT f.chunk, count(*) AS changes, bool_or(f.op = 'r') AS revoked,
           string_agg({wire('o', 'f.op')}, ',' ORDER BY f.n) AS body
    FROM f JOIN sync_op AS o ON o.ctid = f.tid
    GROUP BY f.chunk
) AS w ON true
"""


# STATE_AND_KEYS' two ways of reading keys, each op read where its index entry points (its fold
# columns and tuple id, no second lookup by id). Selecting more than the index holds lets a planner
# estimating a big scope as the average one read it whole by bitmap: a cursor behind the head runs
# these with bitmap scans off (DELTA_PLANNER), and an up-to-date one has few changes to read.
_KEYS = "o.id, o.tick, o.txpos, o.ctid AS tid, o.collection, o.row_id, o.version, o.op"
DELTA_WIRE = _delta_wire(f"""
    SELECT x.* FROM ({SCOPES}) AS s
    CROSS JOIN LATERAL (
        SELECT {_KEYS} FROM sync_op AS o
        WHERE o.scope = s.scope AND o.tick <= (SELECT head FROM st) AND (o.tick, o.txpos) > ($3, $4)
          AND ($5::text[] IS NULL OR o.collection = ANY($5::text[]))
        ORDER BY o.tick, o.txpos, o.id
        LIMIT $6 + 1
    ) AS x
    ORDER BY x.tick, x.txpos, x.id
    LIMIT $6 + 1""")
DELTA_WIRE_WIDE = _delta_wire(f"""
    SELECT {_KEYS} FROM sync_op AS o
    WHERE o.tick <= (SELECT head FROM st) AND (o.tick, o.txpos) > ($3, $4)
      AND ($5::text[] IS NULL OR o.collection = ANY($5::text[]))
      AND (o.scope = ANY($2::text[])
           OR EXISTS (SELECT 1 FROM sync_grant AS g WHERE g.user_id = $1 AND g.scope = o.scope))
    ORDER BY o.tick, o.txpos, o.id
    LIMIT $6 + 1""")

# Of these ops ($1 ids), the newest upsert of each of these rows ($2 collections, $3 ids), as
# wire JSON: what replaces a `revoked` tombstone of DELTA_PAGE when the caller still sees the row.
DELTA_FALLBACK = f"""
SELECT DISTINCT ON (u.collection, u.row_id) u.collection, u.row_id, {wire('u')} AS wire
FROM sync_op AS u
JOIN unnest($2::text[], $3::text[]) AS k(c, r) ON u.collection = k.c AND u.row_id = k.r
WHERE u.id = ANY($1::bigint[]) AND u.op = 'u'
ORDER BY u.collection, u.row_id, u.version DESC, u.tick DESC, u.txpos DESC, u.id DESC
"""

# The ids of the rest of one transaction that did not fit a page (a transaction is never split).
DELTA_GROUP_REST = f"""
SELECT o.id
FROM sync_op AS o
WHERE o.scope IN ({SCOPES}) AND o.tick = $3 AND o.txpos = $4 AND o.id > $5
  AND ($6::text[] IS NULL OR o.collection = ANY($6::text[]))
ORDER BY o.id
"""

# Of these rows ($3 collections, $4 ids), those the caller still sees through one of their
# scopes as of tick $5: a `revoked` tombstone for them is dropped (the row stays).
STILL_VISIBLE = f"""
SELECT DISTINCT latest.collection, latest.row_id FROM (
    SELECT DISTINCT ON (o.collection, o.row_id, o.scope) o.collection, o.row_id, o.op
    FROM sync_op AS o
    JOIN unnest($3::text[], $4::text[]) AS k(c, r) ON o.collection = k.c AND o.row_id = k.r
    WHERE o.scope IN ({SCOPES}) AND o.tick <= $5
    ORDER BY o.collection, o.row_id, o.scope, o.id DESC
) AS latest
WHERE latest.op = 'u'
"""

# Per collection as of tick $3: how many rows the caller sees, and the sum of the first 8
# bytes of SHA-256("<id>:<version>") of each, as signed 64-bit integers (mod 2^64 in Python).
CHECKSUMS = f"""
SELECT v.collection, count(*) AS rows,
       sum(('x' || encode(substring(sha256(convert_to(v.row_id || ':' || v.version, 'UTF8')) FROM 1 FOR 8), 'hex'))
           ::bit(64)::bigint::numeric) AS total
FROM (
    SELECT DISTINCT x.collection, x.row_id, x.version
    FROM ({SCOPES}) AS s
    CROSS JOIN LATERAL (
        SELECT DISTINCT ON (o.collection, o.row_id) o.collection, o.row_id, o.op, o.version
        FROM sync_op AS o
        WHERE o.scope = s.scope AND o.tick <= $3 AND ($4::text[] IS NULL OR o.collection = ANY($4::text[]))
        ORDER BY o.collection, o.row_id, o.id DESC
    ) AS x
    WHERE x.op = 'u'
) AS v
GROUP BY v.collection
"""

LAST_MUTATION = "SELECT last_mutation_id FROM sync_client WHERE id = $1 AND user_id = $2"
