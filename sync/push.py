"""POST /v1/sync/push (PROTOCOL section 4): offline mutations of one app install, applied in
order, each in its own transaction with its stored result, exactly once per (client_id,
mutation_id) even when the same batch arrives twice at once (the client row is locked).

A rejected mutation is consumed like an applied one (a replay answers `duplicate` with the
stored rejection) and does not block the ones after it.
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
LAST = "SELECT last_mutation_id FROM sync_client WHERE id = $1"
STORED = "SELECT result FROM sync_mutation WHERE client_id = $1 AND mutation_id = $2"
RECORD = """
INSERT INTO sync_mutation (client_id, mutation_id, status, result, created_at) VALUES ($1, $2, $3, $4, now())
"""
ADVANCE = "UPDATE sync_client SET last_mutation_id = $2, updated_at = now() WHERE id = $1"
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
    "LAST": "SELECT last_mutation_id FROM sync_client WHERE id = ?1",
    "STORED": "SELECT result FROM sync_mutation WHERE client_id = ?1 AND mutation_id = ?2",
    "RECORD": "INSERT INTO sync_mutation (client_id, mutation_id, status, result, created_at) "
              "VALUES (?1, ?2, ?3, ?4, ?5)",
    "ADVANCE": "UPDATE sync_client SET last_mutation_id = ?2, updated_at = ?3 WHERE id = ?1",
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
PUSH_POSTGRES = {"BIND": BIND, "LOCK": LOCK, "LAST": LAST, "STORED": STORED, "RECORD": RECORD, "ADVANCE": ADVANCE,
            "OWN_ROW": OWN_ROW, "CURRENT_ROW": CURRENT_ROW}


class Pusher:
    def __init__(self, mutations: Mutations, visible: SingleFlight, dialect: SyncDialect) -> None:
        self.mutations = mutations
        self.visible = visible
        self.sql = dialect.push
        self._args = dialect.params

    async def push(self, actor: Actor, client_id: UUID, batch: list[Mutation]) -> dict[str, Any]:
        user_id = UUID(actor.user_id)
        async with unit_of_work() as uow:
            await uow.connection.execute_query(self.sql["BIND"], self._args(client_id, user_id, stamped=True))
        # Each mutation commits on its own; what its service tells sockets (message:new) goes
        # after that commit, from the unit of work.
        results = [await self._one(actor, user_id, client_id, mutation) for mutation in batch]
        cursor = str(await self.visible.position())  # the rows are visible to pulls before we answer
        async with unit_of_work() as uow:
            _, rows = await uow.connection.execute_query(self.sql["LAST"], self._args(client_id))
        return {"results": results, "cursor": cursor, "last_mutation_id": int(rows[0]["last_mutation_id"])}

    async def _one(self, actor: Actor, user_id: UUID, client_id: UUID, mutation: Mutation) -> dict[str, Any]:
        async with unit_of_work() as uow:
            conn = uow.connection
            _, rows = await conn.execute_query(self.sql["LOCK"], self._args(client_id))
            if str(rows[0]["user_id"]) != str(user_id):
                raise Forbidden("This client_id belongs to another user.")
            if mutation.mutation_id <= rows[0]["last_mutation_id"]:
                _, stored = await conn.execute_query(self.sql["STORED"], self._args(client_id, mutation.mutation_id))
                result = orjson.loads(stored[0]["result"]) if stored else {"mutation_id": mutation.mutation_id}
                return {**result, "status": "duplicate"}
            result = await self._apply(conn, actor, user_id, mutation)
            await conn.execute_query(self.sql["RECORD"], self._args(
                client_id, mutation.mutation_id, result["status"], orjson.dumps(result).decode(), stamped=True))
            await conn.execute_query(self.sql["ADVANCE"], self._args(client_id, mutation.mutation_id, stamped=True))
        return result

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
