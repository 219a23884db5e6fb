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

On PostgreSQL a mutation costs few round trips: its savepoint is one statement (the previous
mutation's released and the next one set in one `RELEASE SAVEPOINT; SAVEPOINT`), and none at
all for a booking action that refuses only before it wrote anything (`unit_of_work(
single_write=True)`, domain/shared/uow.py: an accept is its compare-and-set alone), a run of
consecutive booking actions on bookings named once in the batch shares one compare-and-set
statement (`_apply_run`: each one's checks first, then the statement, then each one's result
in order, a booking moved meanwhile its own conflict), what every
mutation of the batch would read alike is read once for the batch (`Mutations.read_ahead`:
the bookings the batch names, their crews and the pusher's parties), and the rows a batch's
versioned mutations stored (a booking at the version it moved to) are read back from the op
log in one statement after the last mutation, not one each.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any
from uuid import UUID

import orjson

from domain.shared.context import Actor
from domain.shared.errors import Conflict, DomainError, Forbidden, client_details
from domain.shared.uow import UnitOfWork, unit_of_work, within
from sync.mutations import Mutation, Mutations, Outcome
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
# The rows this transaction stored at the versions named ($1 collections, $2 row ids, $3
# versions): each one's newest upsert at that version (the ops of one row differ by scope only).
# Each column is matched on its own (a superset: the caller keeps the exact triples), not by a
# join with the unnested triples: the planner, expecting one pending row, joined them in a
# nested loop (100 x every pending op of the transaction, 9 ms a batch of 100 instead of 2.4).
OWN_ROWS = """
SELECT DISTINCT ON (o.collection, o.row_id, o.version) o.collection, o.row_id, o.version, o.data
FROM sync_op_pending o
WHERE o.xact = pg_current_xact_id()::text::bigint AND o.op = 'u'
  AND o.collection = ANY($1::text[]) AND o.row_id = ANY($2::text[]) AND o.version = ANY($3::bigint[])
ORDER BY o.collection, o.row_id, o.version, o.id DESC
"""
# A mutation's savepoint: the first of a batch, then the previous one released and the next set
# in one round trip (a simple query of two statements); a refused mutation rolls back to it.
SAVEPOINT = "SAVEPOINT sync_push"
NEXT_SAVEPOINT = "RELEASE SAVEPOINT sync_push; SAVEPOINT sync_push"
ROLLBACK_SAVEPOINT = "ROLLBACK TO SAVEPOINT sync_push"
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
                 "CURRENT_ROW": CURRENT_ROW, "OWN_ROWS": OWN_ROWS, "SAVEPOINT": SAVEPOINT,
                 "NEXT_SAVEPOINT": NEXT_SAVEPOINT, "ROLLBACK_SAVEPOINT": ROLLBACK_SAVEPOINT}


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
            if uow.outer is None:
                uow.buffer_events()  # the batch's outbox rows in one statement at its commit
            conn = uow.connection
            await conn.execute_query(self.sql["BIND"], self._args(client_id, user_id, stamped=True))
            _, rows = await conn.execute_query(self.sql["LOCK"], self._args(client_id))
            if batch and str(rows[0]["user_id"]) != str(user_id):
                raise Forbidden("This client_id belongs to another user.")
            last = int(rows[0]["last_mutation_id"])
            stored = await self._stored(conn, client_id, [m.mutation_id for m in batch if m.mutation_id <= last])
            applied: list[dict[str, Any]] = []
            unread: list[tuple[dict[str, Any], Outcome]] = []  # applied, their stored row read after the batch
            savepoints = _Savepoints(conn, self.sql) if "SAVEPOINT" in self.sql else None
            new = [m for m in batch if m.mutation_id > last]
            together = self.mutations.moves_with_neighbours(new) if savepoints is not None else set()
            async with self.mutations.read_ahead(actor, new):
                index = 0
                while index < len(batch):
                    mutation = batch[index]
                    if mutation.mutation_id <= last:
                        result = stored.get(mutation.mutation_id, {"mutation_id": mutation.mutation_id})
                        results.append({**result, "status": "duplicate"})
                        index += 1
                        continue
                    run = _run(batch, index, together)
                    if len(run) > 1 and savepoints is not None:
                        answers = await self._apply_run(conn, actor, user_id, run, uow, savepoints)
                    else:
                        answers = [await self._apply(conn, actor, user_id, mutation, uow, savepoints)]
                    for mutation, (result, outcome) in zip(run, answers, strict=True):
                        if outcome is not None:
                            unread.append((result, outcome))
                        stored[mutation.mutation_id] = result
                        applied.append(result)
                        results.append(result)
                        last = mutation.mutation_id
                    index += len(run)
            await self._read_stored(conn, user_id, unread)
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

    async def _apply(self, conn: Any, actor: Actor, user_id: UUID, mutation: Mutation, uow: UnitOfWork,
                     savepoints: _Savepoints | None) -> tuple[dict[str, Any], Outcome | None]:
        """The mutation's result; with the outcome when its stored row is still to be read (by
        `_read_stored`, for the whole batch). With `savepoints` (PostgreSQL) the mutation runs in
        the push's unit of work behind this mutation's savepoint, set before it runs or, for a
        handler whose unit of work joins it, as that unit of work opens and only if it needs one
        (`unit_of_work(single_write=True)` needs none: a booking accept is then one round trip).
        Else it gets a savepoint of its own here."""
        result: dict[str, Any] = {"mutation_id": mutation.mutation_id}
        try:
            handler = self.mutations.handler(mutation)
            if savepoints is None:
                async with unit_of_work():  # a savepoint: a failed mutation leaves nothing behind
                    outcome = await handler(actor, mutation)
            else:
                join = self.mutations.joins_savepoint(mutation)
                lazy = join and self.mutations.writes_in_its_unit_only(mutation)
                savepoints.mine = False
                if not lazy:
                    await savepoints.set()
                scope: UnitOfWork | None = None
                try:
                    async with within(uow, join=join, savepoint=savepoints.set if lazy else None) as scope:
                        outcome = await handler(actor, mutation)
                except DomainError:
                    if savepoints.mine:
                        await conn.execute_script(self.sql["ROLLBACK_SAVEPOINT"])  # nothing of it left behind
                    elif scope is not None and scope.unprotected_write:  # pragma: no cover - a broken promise
                        raise RuntimeError("a mutation refused after a write it had no savepoint for") from None
                    raise
        except DomainError as error:
            return await self._refused(conn, user_id, result, mutation, error), None
        result["status"] = "applied"
        if outcome is not None and outcome.version is not None and "OWN_ROWS" in self.sql:
            return result, outcome  # read with the batch's others
        collection, row_id = (outcome.collection, outcome.row_id) if outcome else (mutation.collection, mutation.id)
        await self._own_row(conn, user_id, result, collection, row_id)
        return result, None

    async def _apply_run(self, conn: Any, actor: Actor, user_id: UUID, run: list[Mutation], uow: UnitOfWork,
                         savepoints: _Savepoints) -> list[tuple[dict[str, Any], Outcome | None]]:
        """A run of booking actions (`_run`), each with its own result as `_apply` gives it, their
        compare-and-sets in one statement (`Mutations.booking_actions`). No savepoint: a refused
        one wrote nothing (every check runs before the statement, and a booking that moved on
        meanwhile is left as it was by it)."""
        savepoints.mine = False
        async with within(uow, join=True, savepoint=savepoints.set):
            answers = await self.mutations.booking_actions(actor, run)
        answered: list[tuple[dict[str, Any], Outcome | None]] = []
        for mutation, answer in zip(run, answers, strict=True):
            result: dict[str, Any] = {"mutation_id": mutation.mutation_id}
            if isinstance(answer, DomainError):
                answered.append((await self._refused(conn, user_id, result, mutation, answer), None))
            else:
                result["status"] = "applied"
                answered.append((result, answer))
        return answered

    async def _refused(self, conn: Any, user_id: UUID, result: dict[str, Any], mutation: Mutation,
                       error: DomainError) -> dict[str, Any]:
        """A refused mutation's result: `conflict` with the row as the caller may see it now
        (`current`), or `rejected`."""
        if not isinstance(error, Conflict):
            result.update(status="rejected", error=_error(error))
            return result
        scopes: list[Any] = [user_id, ["public", f"user:{user_id}"]]
        _, current = await conn.execute_query(self.sql["CURRENT_ROW"], self._args(*scopes, mutation.collection,
                                                                                   mutation.id))
        result.update(status="conflict", error=_error(error))
        if current:
            row = current[0]
            result["current"] = ({"op": "upsert", "version": row["version"], "data": orjson.loads(row["data"])}
                                 if row["op"] == "u" else {"op": "delete", "version": row["version"]})
        return result

    async def _own_row(self, conn: Any, user_id: UUID, result: dict[str, Any], collection: str, row_id: str) -> None:
        """The row a mutation stored, as this transaction's newest upsert of it, into its result."""
        _, own = await conn.execute_query(self.sql["OWN_ROW"], self._args(collection, row_id))
        if not own:  # nothing new written (a retried client_msg_id): the row as stored before
            scopes: list[Any] = [user_id, ["public", f"user:{user_id}"]]
            _, own = await conn.execute_query(self.sql["CURRENT_ROW"], self._args(*scopes, collection, row_id))
            own = [row for row in own if row["op"] == "u"]
        if own:
            result.update(version=own[0]["version"], data=orjson.loads(own[0]["data"]))

    async def _read_stored(self, conn: Any, user_id: UUID, unread: list[tuple[dict[str, Any], Outcome]]) -> None:
        """The rows the batch's versioned mutations stored, each at the version it wrote, in one
        statement (a later mutation of the batch on the same row leaves that version's op in
        place); one not found there is read as `_apply` reads the others."""
        if not unread:
            return
        _, rows = await conn.execute_query(self.sql["OWN_ROWS"], self._args(
            [o.collection for _, o in unread], [o.row_id for _, o in unread], [o.version for _, o in unread]))
        found = {(row["collection"], row["row_id"], int(row["version"])): row["data"] for row in rows}
        for result, outcome in unread:
            data = found.get((outcome.collection, outcome.row_id, int(outcome.version or 0)))
            if data is None:
                await self._own_row(conn, user_id, result, outcome.collection, outcome.row_id)
            else:
                result.update(version=outcome.version, data=orjson.loads(data))


class _Savepoints:
    """The push's savepoint, one at a time: set (`set`) for a mutation that needs it, the
    previous one released in the same round trip; `mine` says whether the mutation running now
    set it (only then does a refusal roll back to it)."""

    def __init__(self, conn: Any, statements: Mapping[str, str]) -> None:
        self.conn, self.sql = conn, statements
        self.open = False  # a `sync_push` savepoint exists (not released yet)
        self.mine = False

    async def set(self) -> None:
        await self.conn.execute_script(self.sql["NEXT_SAVEPOINT" if self.open else "SAVEPOINT"])
        self.open = self.mine = True


def _run(batch: list[Mutation], index: int, together: set[int]) -> list[Mutation]:
    """The mutations from `index` on that run together (`Mutations.moves_with_neighbours`), in
    rising id order (a lower id after them is a duplicate); just the one at `index` if it may not."""
    run = [batch[index]]
    if batch[index].mutation_id not in together:
        return run
    for mutation in batch[index + 1:]:
        if mutation.mutation_id not in together or mutation.mutation_id <= run[-1].mutation_id:
            break
        run.append(mutation)
    return run


def _error(error: DomainError) -> dict[str, Any]:
    """A refused mutation's error as a REST problem or a socket ack would carry it: `code`,
    `message` and `details` (with `reason` for a conflict or invalid data, docs/errors.md)."""
    body: dict[str, Any] = {"code": error.code.value, "message": error.message}
    if details := client_details(error):
        body["details"] = details
    return body
