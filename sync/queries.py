"""The SQL of a pull (PostgreSQL). Every query reads only ticked ops at or below a head read
first, so what it returns cannot change under it (sync/ticker.py)."""

from __future__ import annotations

STATE = """
SELECT coalesce((SELECT value FROM sync_state WHERE name = 'head'), 0) AS head,
       coalesce((SELECT value FROM sync_state WHERE name = 'floor'), 0) AS floor,
       ARRAY(SELECT DISTINCT scope FROM sync_grant WHERE user_id = $1) AS granted
"""

# The rows of the caller's scopes as of a tick, scope by scope (a row in two of the caller's
# scopes may come twice, with the same version). A row is in a scope when its latest op there
# is an upsert; keyset paging on the index (scope, collection, row_id).
SNAPSHOT = """
SELECT scope, collection, row_id, version, data FROM (
    SELECT DISTINCT ON (scope, collection, row_id) scope, collection, row_id, op, version, data
    FROM sync_op
    WHERE scope = ANY($1::text[]) AND tick <= $2 AND (scope, collection, row_id) > ($3, $4, $5)
      AND ($6::text[] IS NULL OR collection = ANY($6::text[]))
    ORDER BY scope, collection, row_id, id DESC
) AS latest
WHERE op = 'u'
LIMIT $7
"""

# Changes after a position, in commit order: by tick, then by transaction inside the tick.
DELTA = """
SELECT id, tick, txpos, collection, row_id, op, version, data
FROM sync_op
WHERE scope = ANY($1::text[]) AND tick <= $2 AND (tick, txpos) > ($3, $4)
  AND ($5::text[] IS NULL OR collection = ANY($5::text[]))
ORDER BY tick, txpos, id
LIMIT $6
"""

# The rest of one transaction that did not fit a page (a transaction is never split).
DELTA_GROUP_REST = """
SELECT id, tick, txpos, collection, row_id, op, version, data
FROM sync_op
WHERE scope = ANY($1::text[]) AND tick = $2 AND txpos = $3 AND id > $4
  AND ($5::text[] IS NULL OR collection = ANY($5::text[]))
ORDER BY id
"""

ANY_AFTER = """
SELECT EXISTS (
    SELECT 1 FROM sync_op
    WHERE scope = ANY($1::text[]) AND tick <= $2 AND (tick, txpos) > ($3, $4)
      AND ($5::text[] IS NULL OR collection = ANY($5::text[]))
)
"""

# Of these rows, those the caller still sees through one of their scopes as of a tick: a
# `revoked` candidate for them is dropped (the row stays on the device).
STILL_VISIBLE = """
SELECT DISTINCT collection, row_id FROM (
    SELECT DISTINCT ON (o.collection, o.row_id, o.scope) o.collection, o.row_id, o.op
    FROM sync_op AS o
    JOIN unnest($1::text[], $2::text[]) AS k(c, r) ON o.collection = k.c AND o.row_id = k.r
    WHERE o.scope = ANY($3::text[]) AND o.tick <= $4
    ORDER BY o.collection, o.row_id, o.scope, o.id DESC
) AS latest
WHERE op = 'u'
"""

# Per collection: how many rows the caller sees as of a tick, and the sum (mod 2^64) of the
# first 8 bytes of SHA-256("<id>:<version>") of each, as a signed 64-bit integer.
CHECKSUMS = """
SELECT collection, count(*) AS rows,
       sum(('x' || encode(substring(sha256(convert_to(row_id || ':' || version, 'UTF8')) FROM 1 FOR 8), 'hex'))
           ::bit(64)::bigint::numeric) AS total
FROM (
    SELECT DISTINCT collection, row_id, version FROM (
        SELECT DISTINCT ON (scope, collection, row_id) collection, row_id, op, version
        FROM sync_op
        WHERE scope = ANY($1::text[]) AND tick <= $2 AND ($3::text[] IS NULL OR collection = ANY($3::text[]))
        ORDER BY scope, collection, row_id, id DESC
    ) AS latest
    WHERE op = 'u'
) AS visible
GROUP BY collection
"""

LAST_MUTATION = "SELECT last_mutation_id FROM sync_client WHERE id = $1 AND user_id = $2"
