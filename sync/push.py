"""POST /v1/sync/push (PROTOCOL section 4): offline mutations of one app install, applied in
order, each in its own transaction with its stored result, exactly once per (client_id,
mutation_id) even when the same batch arrives twice at once (the client row is locked).

A rejected mutation is consumed like an applied one (a replay answers `duplicate` with the
stored rejection) and does not block the ones after it.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

import orjson
from tortoise.transactions import in_transaction

from domain.shared.context import Actor
from domain.shared.errors import Conflict, DomainError, Forbidden
from sync.mutations import Mutation, Mutations
from sync.queries import SCOPES
from sync.ticker import Ticker

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
HEAD = "SELECT coalesce((SELECT value FROM sync_state WHERE name = 'head'), 0)"


class Pusher:
    def __init__(self, mutations: Mutations, ticker: Ticker) -> None:
        self.mutations = mutations
        self.ticker = ticker

    async def push(self, actor: Actor, client_id: UUID, batch: list[Mutation]) -> dict[str, Any]:
        user_id = UUID(actor.user_id)
        async with in_transaction() as conn:
            await conn.execute_query(BIND, [client_id, user_id])
        results = [await self._one(actor, user_id, client_id, mutation) for mutation in batch]
        await self.ticker.flush()  # the rows are visible to pulls before we answer
        async with in_transaction() as conn:
            _, rows = await conn.execute_query(LAST, [client_id])
            _, head = await conn.execute_query(HEAD)
        return {"results": results, "cursor": str(head[0][0]), "last_mutation_id": int(rows[0]["last_mutation_id"])}

    async def _one(self, actor: Actor, user_id: UUID, client_id: UUID, mutation: Mutation) -> dict[str, Any]:
        async with in_transaction() as conn:
            _, rows = await conn.execute_query(LOCK, [client_id])
            if rows[0]["user_id"] != user_id:
                raise Forbidden("This client_id belongs to another user.")
            if mutation.mutation_id <= rows[0]["last_mutation_id"]:
                _, stored = await conn.execute_query(STORED, [client_id, mutation.mutation_id])
                result = orjson.loads(stored[0]["result"]) if stored else {"mutation_id": mutation.mutation_id}
                return {**result, "status": "duplicate"}
            result = await self._apply(conn, actor, user_id, mutation)
            await conn.execute_query(RECORD, [client_id, mutation.mutation_id, result["status"],
                                              orjson.dumps(result).decode()])
            await conn.execute_query(ADVANCE, [client_id, mutation.mutation_id])
        return result

    async def _apply(self, conn: Any, actor: Actor, user_id: UUID, mutation: Mutation) -> dict[str, Any]:
        result: dict[str, Any] = {"mutation_id": mutation.mutation_id}
        try:
            handler = self.mutations.handler(mutation)
            async with in_transaction():  # a savepoint: a failed mutation leaves nothing behind
                await handler(actor, mutation)
        except Conflict as error:
            scopes = [user_id, ["public", f"user:{user_id}"], mutation.collection, mutation.id]
            _, current = await conn.execute_query(CURRENT_ROW, scopes)
            result.update(status="conflict", error={"code": error.code.value, "message": error.message})
            if current:
                row = current[0]
                result["current"] = ({"op": "upsert", "version": row["version"], "data": orjson.loads(row["data"])}
                                     if row["op"] == "u" else {"op": "delete", "version": row["version"]})
            return result
        except DomainError as error:
            result.update(status="rejected", error={"code": error.code.value, "message": error.message})
            return result
        _, own = await conn.execute_query(OWN_ROW, [mutation.collection, mutation.id])
        result["status"] = "applied"
        if own:
            result.update(version=own[0]["version"], data=orjson.loads(own[0]["data"]))
        return result
