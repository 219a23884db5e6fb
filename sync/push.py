"""POST /v1/sync/push (PROTOCOL section 4): offline mutations of one app install, applied in
order, each through its use case in its own savepoint with its own stored result, exactly once
per (client_id, mutation_id) even when the same batch arrives twice at once (the client row is
locked for the batch).

A batch is one transaction: its client row is locked and read once, its results stored and its
position advanced in one statement each, and it commits once (a commit per mutation cost more
than the mutations). A rejected mutation rolls back to its savepoint, is consumed like an
applied one (a replay answers `duplicate` with the stored rejection) and does not block the
ones after it. An error that is not the mutation's (the database gone) rolls the batch back:
nothing of it was applied, and the client sends it again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from uuid import UUID

import orjson

from domain.shared.context import Actor
from domain.shared.errors import Conflict, DomainError, Forbidden, client_details
from domain.shared.uow import unit_of_work
from sync.mutations import Mutation, Mutations
from sync.queries import SCOPES
from sync.queries_sqlite import SCOPES as SQLITE_SCOPES
from sync.visibility import SingleFlight

if TYPE_CHECKING:
    from sync.dialect import SyncDialect

BIND = """
INSERT INTO sync_client (id, user_id, last_mutation_id, created_at, updated_at) VALUES ($1, $2, 0, now(), now())
ON CONFLICT (id) DO NOTHING
"""
LOCK = "SELECT user_id, last_mutation_id FROM sync_client WHERE id = $1 FOR UPDATE"
STORED = "SELECT mutation_id, result FROM sync_mutation WHERE client_id = $1 AND mutation_id = ANY($2::bigint[])"
# A batch's results ($2 ids, $3 statuses, $4 results as JSON text), and its new position ($5).
RECORD = """
WITH recorded AS (
    INSERT INTO sync_mutation (client_id, mutation_id, status, result, created_at)
    SELECT $1, m.id, m.status, m.result, now()
    FROM unnest($2::bigint[], $3::text[], $4::text[]) AS m(id, status, result)
)
UPDATE sync_client SET last_mutation_id = $5, updated_at = now() WHERE id = $1
"""
# This transaction's newest upsert of the row: what the mutation stored.
OWN_ROW = """
SELECT version, data FROM sync_op_pending
WHERE xact = pg_current_xact_id()::text::bigint AND collection = $1 AND row_id = $2 AND op = 'u'
ORDER BY id DESC LIMIT 1
"""
# The row as the caller may see it now (for a conflict's `current`).
CURRENT_ROW = f"""
SELECT a.op, a.version, a.data FROM (
    SELECT id, op, version, data, scope FROM sync_op WHERE collection = $3 AND row_id = $4
    UNION ALL SELECT id, op, version, data, scope FROM sync_op_pending WHERE collection = $3 AND row_id = $4
) AS a
WHERE a.scope IN ({SCOPES})
ORDER BY a.id DESC LIMIT 1
"""  # noqa: S608 - static SQL


# The same statements in SQLite's dialect (the embedded demo). One writer at a time there, so
# no row lock is needed; this transaction's ops are the newest pending ones of the row.
PUSH_SQLITE = {
    "BIND": "INSERT INTO sync_client (id, user_id, last_mutation_id, created_at, updated_at) "
            "VALUES (?1, ?2, 0, ?3, ?3) ON CONFLICT (id) DO NOTHING",
    "LOCK": "SELECT user_id, last_mutation_id FROM sync_client WHERE id = ?1",
    "STORED": "SELECT mutation_id, result FROM sync_mutation WHERE client_id = ?1 "
              "AND mutation_id IN (SELECT value FROM json_each(?2))",
    # Two statements here (no data-modifying WITH in SQLite): run one after the other.
    "RECORD": "INSERT INTO sync_mutation (client_id, mutation_id, status, result, created_at) "
              "SELECT ?1, m.value, s.value, r.value, ?6 FROM json_each(?2) AS m "
              "JOIN json_each(?3) AS s ON s.key = m.key JOIN json_each(?4) AS r ON r.key = m.key",
    "ADVANCE": "UPDATE sync_client SET last_mutation_id = ?5, updated_at = ?6 WHERE id = ?1",
    "OWN_ROW": "SELECT version, data FROM sync_op_pending WHERE collection = ?1 AND row_id = ?2 AND op = 'u' "
               "ORDER BY id DESC LIMIT 1",
    "CURRENT_ROW": f"""
SELECT a.op, a.version, a.data FROM (
    SELECT id, op, version, data, scope FROM sync_op WHERE collection = ?3 AND row_id = ?4
    UNION ALL SELECT id, op, version, data, scope FROM sync_op_pending WHERE collection = ?3 AND row_id = ?4
) AS a
WHERE a.scope IN ({SQLITE_SCOPES})
ORDER BY a.id DESC LIMIT 1""",  # noqa: S608 - static SQL
}
PUSH_POSTGRES = {"BIND": BIND, "LOCK": LOCK, "STORED": STORED, "RECORD": RECORD, "OWN_ROW": OWN_ROW,
                 "CURRENT_ROW": CURRENT_ROW}


class Pusher:
    def __init__(self, mutations: Mutations, visible: SingleFlight, dialect: SyncDialect) -> None:
        self.mutations = mutations
        self.visible = visible
        self.sql = dialect.push
        self._args = dialect.params

    async def push(self, actor: Actor, client_id: UUID, batch: list[Mutation]) -> dict[str, Any]:
        user_id = UUID(actor.user_id)
        results: list[dict[str, Any]] = []
        # What its services tell sockets (message:new) goes after the batch's commit, from the unit of work.
        async with unit_of_work() as uow:
            conn = uow.connection
            await conn.execute_query(self.sql["BIND"], self._args(client_id, user_id, stamped=True))
            _, rows = await conn.execute_query(self.sql["LOCK"], self._args(client_id))
            if batch and str(rows[0]["user_id"]) != str(user_id):
                raise Forbidden("This client_id belongs to another user.")
            last = int(rows[0]["last_mutation_id"])
            stored = await self._stored(conn, client_id, [m.mutation_id for m in batch if m.mutation_id <= last])
            applied: list[dict[str, Any]] = []
            for mutation in batch:
                if mutation.mutation_id <= last:
                    result = stored.get(mutation.mutation_id, {"mutation_id": mutation.mutation_id})
                    results.append({**result, "status": "duplicate"})
                    continue
                result = await self._apply(conn, actor, user_id, mutation)
                stored[mutation.mutation_id] = result
                applied.append(result)
                results.append(result)
                last = mutation.mutation_id
            if applied:
                await self._record(conn, client_id, applied, last)
        cursor = str(await self.visible.position())  # the rows are visible to pulls before we answer
        return {"results": results, "cursor": cursor, "last_mutation_id": last}

    async def _stored(self, conn: Any, client_id: UUID, mutation_ids: list[int]) -> dict[int, dict[str, Any]]:
        """The stored results of mutations this client already sent, by id."""
        if not mutation_ids:
            return {}
        _, rows = await conn.execute_query(self.sql["STORED"], self._args(client_id, mutation_ids))
        return {int(row["mutation_id"]): orjson.loads(row["result"]) for row in rows}

    async def _record(self, conn: Any, client_id: UUID, results: list[dict[str, Any]], last: int) -> None:
        args = self._args(client_id, [r["mutation_id"] for r in results], [r["status"] for r in results],
                          [orjson.dumps(r).decode() for r in results], last, stamped=True)
        await conn.execute_query(self.sql["RECORD"], args)
        if "ADVANCE" in self.sql:  # SQLite: the position in a statement of its own
            await conn.execute_query(self.sql["ADVANCE"], args)

    async def _apply(self, conn: Any, actor: Actor, user_id: UUID, mutation: Mutation) -> dict[str, Any]:
        result: dict[str, Any] = {"mutation_id": mutation.mutation_id}
        scopes: list[Any] = [user_id, ["public", f"user:{user_id}"]]
        try:
            handler = self.mutations.handler(mutation)
            async with unit_of_work():  # a savepoint: a failed mutation leaves nothing behind
                outcome = await handler(actor, mutation)
        except Conflict as error:
            _, current = await conn.execute_query(self.sql["CURRENT_ROW"],
                                                  self._args(*scopes, mutation.collection, mutation.id))
            result.update(status="conflict", error=_error(error))
            if current:
                row = current[0]
                result["current"] = ({"op": "upsert", "version": row["version"], "data": orjson.loads(row["data"])}
                                     if row["op"] == "u" else {"op": "delete", "version": row["version"]})
            return result
        except DomainError as error:
            result.update(status="rejected", error=_error(error))
            return result
        collection, row_id = (outcome.collection, outcome.row_id) if outcome else (mutation.collection, mutation.id)
        _, own = await conn.execute_query(self.sql["OWN_ROW"], self._args(collection, row_id))
        if not own:  # nothing new written (a retried client_msg_id): the row as stored before
            _, own = await conn.execute_query(self.sql["CURRENT_ROW"], self._args(*scopes, collection, row_id))
            own = [row for row in own if row["op"] == "u"]
        result["status"] = "applied"
        if own:
            result.update(version=own[0]["version"], data=orjson.loads(own[0]["data"]))
        return result


def _error(error: DomainError) -> dict[str, Any]:
    """A refused mutation's error as a REST problem or a socket ack would carry it: `code`,
    `message` and `details` (with `reason` for a conflict or invalid data, docs/errors.md)."""
    body: dict[str, Any] = {"code": error.code.value, "message": error.message}
    if details := client_details(error):
        body["details"] = details
    return body
