# ruff: noqa: S608 - static SQL; the only interpolation is the static SCOPES fragment
"""The SQL of a pull on SQLite (the embedded demo): the same queries as sync/queries.py, with
the same parameters by number (`?1` is `$1`). Lists arrive as JSON text (read with json_each),
ids as text; SQLite has no LATERAL or DISTINCT ON, so "the latest op of a row in a scope" is
"no later op of it there" (the index (scope, collection, row_id) answers that).
"""

from __future__ import annotations

SCOPES = "SELECT g.scope FROM sync_grant AS g WHERE g.user_id = ?1 UNION SELECT value FROM json_each(?2)"



def wire(o: str, op: str | None = None) -> str:
    """sync/queries.py `wire` in SQLite's dialect."""
    op = op or f"{o}.op"
    return (f"""CAST('{{"collection":' || json_quote({o}.collection) """
            f"""|| CASE {op} WHEN 'u' THEN ',"op":"upsert","id":' ELSE ',"op":"delete","id":' END """
            f"""|| json_quote({o}.row_id) || ',"version":' || {o}.version """
            f"""|| CASE {op} WHEN 'u' THEN ',"data":' || coalesce({o}.data, 'null') """
            f"""WHEN 'd' THEN ',"reason":"deleted"' ELSE ',"reason":"revoked"' END || '}}' AS BLOB)""")


STATE = """
SELECT coalesce((SELECT value FROM sync_state WHERE name = 'head'), (SELECT max(tick) FROM sync_op), 0) AS head,
       coalesce((SELECT value FROM sync_state WHERE name = 'floor'), 0) AS floor
"""
HEAD = "coalesce((SELECT value FROM sync_state WHERE name = 'head'), (SELECT max(tick) FROM sync_op), 0)"


def _in_filter(number: int) -> str:
    return f"(?{number} IS NULL OR o.collection IN (SELECT value FROM json_each(?{number})))"


def _latest(tick: str) -> str:
    return (f"NOT EXISTS (SELECT 1 FROM sync_op AS n WHERE n.scope = o.scope AND n.collection = o.collection "
            f"AND n.row_id = o.row_id AND +n.tick <= {tick} AND n.id > o.id)")  # + : probe by row, not by tick


SNAPSHOT = f"""
SELECT o.scope, o.collection, o.row_id, o.version, o.data
FROM sync_op AS o
WHERE o.scope IN ({SCOPES}) AND o.scope >= ?3 AND +o.tick <= ?4 AND (o.scope, o.collection, o.row_id) > (?3, ?5, ?6)
  AND {_in_filter(7)} AND o.op = 'u' AND {_latest('?4')}
ORDER BY o.scope, o.collection, o.row_id
LIMIT ?8
"""
# No one-statement page here (SQLite 3.40 has no ordered group_concat): sync/pull.py reads a row per
# change. PostgreSQL's (sync/queries.py) and its planner settings:
DELTA_WIRE = DELTA_WIRE_WIDE = SNAPSHOT_CHUNKS = SNAPSHOT_PLANNER = DELTA_PLANNER = None
SNAPSHOT_WIRE = f"""
SELECT p.scope, p.collection, p.row_id, {wire('p', "'u'")} AS wire
FROM ({SNAPSHOT}) AS p
ORDER BY p.scope, p.collection, p.row_id
"""

STATE_AND_KEYS = f"""
SELECT st.head, st.floor, k.id, k.tick, k.txpos
FROM ({STATE}) AS st LEFT JOIN (
    SELECT o.id, o.tick, o.txpos FROM sync_op AS o
    WHERE o.scope IN ({SCOPES}) AND o.tick <= {HEAD} AND (o.tick, o.txpos) > (?3, ?4) AND {_in_filter(5)}
    ORDER BY o.tick, o.txpos, o.id
    LIMIT ?6
) AS k ON 1
ORDER BY k.tick, k.txpos, k.id
"""
STATE_AND_KEYS_WIDE = STATE_AND_KEYS  # one plan serves every user here
WIDE_SCOPES = 256
GRANTS_AT_LEAST = "SELECT count(*) FROM (SELECT 1 FROM sync_grant WHERE user_id = ?1 LIMIT ?2) AS g"

_PAGE_IDS = "(SELECT value FROM json_each(?1))"
DELTA_PAGE = f"""
SELECT c.op, c.collection, c.row_id, {wire('c')} AS wire
FROM (
    SELECT o.id, o.tick, o.txpos, o.collection, o.row_id, o.op, o.version, o.data,
           row_number() OVER (PARTITION BY o.collection, o.row_id
                              ORDER BY o.version DESC, o.tick DESC, o.txpos DESC, o.id DESC) AS n
    FROM sync_op AS o WHERE o.id IN {_PAGE_IDS}
) AS c
WHERE c.n = 1
ORDER BY c.tick, c.txpos, c.id
"""

DELTA_FALLBACK = f"""
SELECT u.collection, u.row_id, {wire('u')} AS wire
FROM (
    SELECT o.*, row_number() OVER (PARTITION BY o.collection, o.row_id
                                   ORDER BY o.version DESC, o.tick DESC, o.txpos DESC, o.id DESC) AS n
    FROM json_each(?2) AS kc JOIN json_each(?3) AS kr ON kc.key = kr.key
    JOIN sync_op AS o ON o.collection = kc.value AND o.row_id = kr.value
    WHERE o.id IN {_PAGE_IDS} AND o.op = 'u'
) AS u
WHERE u.n = 1
"""

DELTA_GROUP_REST = f"""
SELECT o.id
FROM sync_op AS o
WHERE o.scope IN ({SCOPES}) AND o.tick = ?3 AND o.txpos = ?4 AND o.id > ?5 AND {_in_filter(6)}
ORDER BY o.id
"""

STILL_VISIBLE = f"""
SELECT DISTINCT o.collection, o.row_id
FROM json_each(?3) AS kc JOIN json_each(?4) AS kr ON kc.key = kr.key
JOIN sync_op AS o ON o.collection = kc.value AND o.row_id = kr.value
WHERE o.scope IN ({SCOPES}) AND o.tick <= ?5 AND o.op = 'u' AND {_latest('?5')}
"""

# The rows the caller sees as of tick ?3; the checksum itself is summed in Python (SQLite has
# no SHA-256): sync/pull.py checksums().
CHECKSUM_ROWS = f"""
SELECT DISTINCT o.collection, o.row_id, o.version
FROM sync_op AS o
WHERE o.scope IN ({SCOPES}) AND o.tick <= ?3 AND {_in_filter(4)} AND o.op = 'u' AND {_latest('?3')}
"""

LAST_MUTATION = "SELECT last_mutation_id FROM sync_client WHERE id = ?1 AND user_id = ?2"
