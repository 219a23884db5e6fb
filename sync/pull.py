"""POST /v1/sync/pull (PROTOCOL section 4): a consistent snapshot of the caller's scopes, then
changes in commit order, paged on transaction boundaries, coalesced per row within a page.

The response body is built here as bytes: the database folds a page and writes each change's
wire JSON around the row's JSON (serialized when it changed), and the page is spliced in
unparsed (Page.response): no row is decoded here. On PostgreSQL a page usually comes in one
statement as a few rows, each holding up to 100 changes joined (SNAPSHOT_CHUNKS, DELTA_WIRE);
SQLite, and a delta page that would cut a transaction or carries a `revoked` tombstone, take the
general way (keys, then a row per change)."""

from __future__ import annotations

import asyncio
import hashlib
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any
from uuid import UUID

import orjson
from tortoise.connection import connections

from infra.metrics import spare_connections
from sync.collections import BY_NAME
from sync.cursor import END_OF_TICK, NO_CLIENT, Cursor, CursorCodec, InvalidCursor, SnapshotKey, collections_hash
from sync.errors import ResyncRequired
from sync.metrics import CHANGES_SERVED, PULL_SECONDS, RESYNC_REQUIRED
from sync.readahead import ReadAhead

if TYPE_CHECKING:
    from sync.dialect import SyncDialect

MASK64 = 2**64 - 1
# A user's grants are re-counted this often (seconds) to pick how their deltas are read.
WIDE_CHECK_SECONDS = 60.0
# Pages read ahead per user, counting the one a read ahead chains from (`_next_page`).
AHEAD_DEPTH = 2


@dataclass(frozen=True)
class PullInput:
    cursor: str | None = None
    limit: int = 500
    collections: tuple[str, ...] | None = None
    client_id: UUID | None = None
    checksums: bool = False


@dataclass
class Page:
    parts: list[bytes]  # the changes' wire JSON (sync/changes.py `Change.wire`), each part one or more joined by commas
    count: int  # how many changes
    cursor: Cursor
    has_more: bool

    def response(self, rest: bytes) -> bytes:
        """The response body: `{"changes":[<parts joined by commas>],` and the other fields (`rest`,
        their JSON object), in one copy: a page is megabytes."""
        pieces = [b'{"changes":[']
        for part in self.parts:
            pieces += (part, b",")
        pieces[-1] = b"]," if self.parts else b'{"changes":[],'
        return b"".join((*pieces, rest[1:]))


def joined(changes: list[bytes], cursor: Cursor, has_more: bool) -> Page:
    return Page(changes, len(changes), cursor, has_more)


@dataclass(frozen=True)
class Caller:
    user_id: UUID
    head: int
    filter: list[str] | None
    wide: bool = False  # holds WIDE_SCOPES or more grants: deltas are read in log order

    @property
    def fixed(self) -> list[str]:
        return fixed_scopes(self.user_id)

    @property
    def delta_fixed(self) -> list[str]:
        """Plus the user's private delivery scope (rows of scopes gained, tombstones of lost)."""
        return [*self.fixed, f"to:{self.user_id}"]


def fixed_scopes(user_id: UUID) -> list[str]:
    """Scopes everyone holds without a grant (the granted ones are read in SQL)."""
    return ["public", f"user:{user_id}"]


# What a pull answers: the body, how many changes it holds, and the cursor of the page after it
# when it has more.
Answer = tuple[bytes, int, str | None]


def pool_can_spare(reserve: int = 2) -> bool:
    """Whether the database pool can lend a connection to work no request waits for (a read-ahead)
    and still keep `reserve` for requests."""
    pool = getattr(connections.get("default"), "_pool", None)
    return pool is None or spare_connections(pool) > reserve


class Puller:
    def __init__(self, codec: CursorCodec, epoch: int, dialect: SyncDialect,
                 read_ahead: ReadAhead[Answer], catch_up: Callable[[], Awaitable[None]] | None = None) -> None:
        """`catch_up`: awaited before each pull (the ticker's: a tick when it idled, sync/ticker.py).
        `read_ahead`: where the page after one with more is read in the background (sync/readahead.py)."""
        self.codec = codec
        self._catch_up = catch_up
        self.epoch = epoch
        self.dialect = dialect
        self.read_ahead = read_ahead
        self._wide: dict[UUID, tuple[bool, float]] = {}
        self._head_seen = 0  # the highest head a pull of this process read (a hint: see _delta)

    async def pull(self, user_id: UUID, request: PullInput) -> bytes:
        cursor = self.codec.decode(request.cursor) if request.cursor is not None else None
        mode = "initial" if cursor is None else "snapshot" if cursor.snapshot is not None else "delta"
        started = time.perf_counter()
        answer = await self.read_ahead.take(user_id, request) if cursor is not None else None
        if answer is None:
            if self._catch_up is not None:
                await self._catch_up()
            try:
                answer = await self._pull(user_id, request, cursor, self._next_page(user_id, request, chained=False))
            except ResyncRequired:
                RESYNC_REQUIRED.inc()
                raise
        body, served, following = answer
        if following is not None:
            ahead = replace(request, cursor=following)
            self.read_ahead.start(user_id, ahead, lambda: self._ahead(user_id, ahead))
        PULL_SECONDS.labels(mode).observe(time.perf_counter() - started)
        CHANGES_SERVED.labels(mode).inc(served)
        return body

    async def _ahead(self, user_id: UUID, request: PullInput) -> Answer | None:
        """A page read ahead; None when reading it failed (the request itself reports why)."""
        assert request.cursor is not None
        try:
            return await self._pull(user_id, request, self.codec.decode(request.cursor),
                                    self._next_page(user_id, request, chained=True))
        except Exception:  # a resync, a busy database: the client's own pull reads it again
            return None

    def _next_page(self, user_id: UUID, request: PullInput, *, chained: bool) -> Callable[[Cursor], None]:
        """Starts reading the page after the one being read as soon as the database has told where
        that one ends (`snapshot_page`, `_delta`): while the rest of this page is built and travels,
        the next one's keys are read beside it, on another connection (sync/readahead.py). A page
        read ahead chains the one after it while the user has fewer than AHEAD_DEPTH read ahead."""
        def start(following: Cursor) -> None:
            if chained and self.read_ahead.held(user_id) >= AHEAD_DEPTH:
                return
            ahead = replace(request, cursor=self.codec.encode(following))
            self.read_ahead.start(user_id, ahead, lambda: self._ahead(user_id, ahead))
        return start

    async def _pull(self, user_id: UUID, request: PullInput, cursor: Cursor | None,
                    next_page: Callable[[Cursor], None] | None = None) -> Answer:
        client = request.client_id or NO_CLIENT
        names = sorted(set(request.collections)) if request.collections else None
        async with connections.get("default").acquire_connection() as raw:
            conn = Db(self.dialect.conn(raw), self.dialect)
            caller = Caller(user_id, 0, names, await self._is_wide(conn, user_id))
            if cursor is not None and cursor.snapshot is None:
                page = await self._delta(conn, caller, cursor, client, request.limit, next_page)
            else:
                head, floor = await conn.fetchrow(conn.q.STATE)
                caller = Caller(user_id, int(head), names, caller.wide)
                if cursor is None:
                    cursor = Cursor(user_id, client, collections_hash(names), self.epoch, caller.head,
                                    snapshot=SnapshotKey("", "", ""))
                else:
                    cursor = self._checked(cursor, caller, client, int(floor))
                assert cursor.snapshot is not None
                async with conn.planned(conn.q.SNAPSHOT_PLANNER):
                    page = await snapshot_page(conn, caller, cursor, cursor.snapshot, request.limit, next_page)
            body: dict[str, Any] = {"cursor": self.codec.encode(page.cursor), "has_more": page.has_more,
                                    "complete": not page.has_more}
            if request.client_id is not None:
                body["last_mutation_id"] = int(await conn.fetchval(conn.q.LAST_MUTATION, client, user_id) or 0)
            if request.checksums and not page.has_more:
                body["checksums"] = await checksums(conn, caller, page.cursor.tick)
        return page.response(orjson.dumps(body)), page.count, body["cursor"] if page.has_more else None

    async def _delta(self, conn: Db, caller: Caller, cursor: Cursor, client: UUID, limit: int,
                     next_page: Callable[[Cursor], None] | None = None) -> Page:
        """The page after a delta cursor: in one statement (DELTA_WIRE) unless it would cut a
        transaction or holds a `revoked` tombstone, which the general way handles."""
        if conn.q.DELTA_WIRE is not None:
            query = conn.q.DELTA_WIRE_WIDE if caller.wide else conn.q.DELTA_WIRE
            # A cursor behind a head already seen has changes to read, maybe many: planned so that each
            # scope streams from its index (DELTA_PLANNER). An up-to-date cursor (most pulls, empty)
            # saves the transaction's two round trips. Either way gives the same page.
            # (A cursor inside a tick is one a full page left: behind as well.)
            behind = cursor.tick < self._head_seen or cursor.txpos != END_OF_TICK
            args = (caller.user_id, caller.delta_fixed, cursor.tick, cursor.txpos, caller.filter, limit)

            def first(row: Any) -> None:  # every row holds the page's key count, its last key and split
                if next_page is None or row["split"] or int(row["keys"]) <= limit:
                    return  # no page after it, or one the general way may end elsewhere
                try:
                    checked = self._checked(cursor, replace(caller, head=int(row["head"])), client, int(row["floor"]))
                except (InvalidCursor, ResyncRequired):
                    return  # the request answers that itself
                next_page(_after_delta(checked, row))

            async with conn.planned(conn.q.DELTA_PLANNER if behind else None):
                # Behind, in the planner's transaction, as a cursor: the next page starts at the first row.
                rows = await (conn.fetch_streamed(query, args, first) if behind else conn.fetch(query, *args))
            row = rows[0]
            self._head_seen = max(self._head_seen, int(row["head"]))
            caller = replace(caller, head=int(row["head"]))
            cursor = self._checked(cursor, caller, client, int(row["floor"]))
            if not row["split"] and not any(r["revoked"] for r in rows):
                if len(rows) > 1:
                    rows.sort(key=lambda r: r["chunk"])
                body, count = [r["body"] for r in rows if r["body"] is not None], sum(int(r["changes"]) for r in rows)
                if int(row["keys"]) <= limit:
                    return Page(body, count, _at(cursor, caller.head, END_OF_TICK), False)
                return Page(body, count, _after_delta(cursor, row), True)
        keys = await _keys(conn, caller, cursor.tick, cursor.txpos, limit + 1)
        caller = replace(caller, head=int(keys[0]["head"]))
        cursor = self._checked(cursor, caller, client, int(keys[0]["floor"]))
        return await delta_page(conn, caller, cursor, limit, [k for k in keys if k["id"] is not None])

    def _checked(self, cursor: Cursor, caller: Caller, client: UUID, floor: int) -> Cursor:
        if (cursor.user_id, cursor.client_id, cursor.collections) != (caller.user_id, client,
                                                                       collections_hash(caller.filter)):
            raise InvalidCursor()
        if cursor.epoch != self.epoch or cursor.tick < floor or cursor.tick > caller.head:
            raise ResyncRequired()
        return cursor

    async def _is_wide(self, conn: Db, user_id: UUID) -> bool:
        """Whether the user holds many scopes; counted at most once a minute (either way of
        reading gives the same page, only the cost differs)."""
        now = time.monotonic()
        known = self._wide.get(user_id)
        if known is not None and now - known[1] < WIDE_CHECK_SECONDS:
            return known[0]
        wide = bool(int(await conn.fetchval(conn.q.GRANTS_AT_LEAST, user_id, conn.q.WIDE_SCOPES)) >= conn.q.WIDE_SCOPES)
        if len(self._wide) > 100_000:  # bounded: forget everyone, recount lazily
            self._wide.clear()
        self._wide[user_id] = (wide, now)
        return wide


async def _keys(conn: Db, caller: Caller, tick: int, txpos: int, limit: int) -> list[Any]:
    """Head, floor and the (id, tick, txpos) of up to `limit` changes after the position."""
    query = conn.q.STATE_AND_KEYS_WIDE if caller.wide else conn.q.STATE_AND_KEYS
    return list(await conn.fetch(query, caller.user_id, caller.delta_fixed, tick, txpos, caller.filter, limit))


async def _any_after(conn: Db, caller: Caller, tick: int, txpos: int) -> bool:
    keys = await _keys(conn, caller, tick, txpos, 1)  # the first change after it, if any (up to now)
    return any(key["id"] is not None and key["tick"] <= caller.head for key in keys)


async def snapshot_page(conn: Db, caller: Caller, cursor: Cursor, key: SnapshotKey, limit: int,
                        next_page: Callable[[Cursor], None] | None = None) -> Page:
    """`next_page(cursor)` is called with the next page's cursor as soon as it is known, when the
    page is full (PostgreSQL: at its first row, before the rest of the page is built)."""
    args = (caller.user_id, caller.fixed, key.scope, cursor.tick, key.collection, key.row_id, caller.filter, limit)
    if conn.q.SNAPSHOT_CHUNKS is not None:
        def first(row: Any) -> None:  # every row holds the page's key count and its last key
            if next_page is not None and int(row["keys"]) == limit:
                next_page(_after_snapshot(cursor, row))

        chunks = sorted(await conn.fetch_streamed(conn.q.SNAPSHOT_CHUNKS, args, first), key=lambda row: row["chunk"])
        page = Page([row["body"] for row in chunks], sum(int(row["changes"]) for row in chunks), cursor, False)
        full, last = (int(chunks[0]["keys"]) == limit, chunks[0]) if chunks else (False, None)
    else:
        rows = await conn.fetch(conn.q.SNAPSHOT_WIRE, *args)
        changes, seen = [], set()
        for _scope, collection, row_id, wire in rows:  # a row seen through two scopes once: the first
            if (collection, row_id) not in seen:
                seen.add((collection, row_id))
                changes.append(bytes(wire))
        page = joined(changes, cursor, False)
        full, last = len(rows) == limit, rows[-1] if rows else None
    if full:
        assert last is not None
        return replace(page, cursor=_after_snapshot(cursor, last), has_more=True)
    # The snapshot is done; what changed since its tick follows as deltas.
    more = await _any_after(conn, caller, cursor.tick, END_OF_TICK)
    return replace(page, cursor=_at(cursor, cursor.tick, END_OF_TICK), has_more=more)


async def delta_page(conn: Db, caller: Caller, cursor: Cursor, limit: int, keys: list[Any]) -> Page:
    """`keys`: the (id, tick, txpos) of up to limit + 1 changes after the cursor, in commit order."""
    if len(keys) <= limit:
        return joined(await _changes(conn, caller, [key["id"] for key in keys]), _at(cursor, caller.head, END_OF_TICK),
                    False)
    last, following = keys[limit - 1], keys[limit]
    ids = [key["id"] for key in keys[:limit]]
    more = True
    if (following["tick"], following["txpos"]) == (last["tick"], last["txpos"]):  # never split a transaction
        rest = await conn.fetch(conn.q.DELTA_GROUP_REST, caller.user_id, caller.delta_fixed, last["tick"],
                                last["txpos"], last["id"], caller.filter)
        ids += [row["id"] for row in rest]
        more = await _any_after(conn, caller, last["tick"], last["txpos"])
    position = _at(cursor, last["tick"], last["txpos"]) if more else _at(cursor, caller.head, END_OF_TICK)
    return joined(await _changes(conn, caller, ids), position, more)


async def _changes(conn: Db, caller: Caller, ids: list[int]) -> list[bytes]:
    """The page of these ops, one change per row, folded in SQL (DELTA_PAGE).

    A `revoked` tombstone of a row the caller still sees through another scope is dropped,
    or replaced by the row's newest upsert of the page (DELTA_FALLBACK; e.g. a scope gained and
    another lost in the same page): the device keeps the row."""
    if not ids:
        return []
    rows = await conn.fetch(conn.q.DELTA_PAGE, ids)
    revoked = [row for row in rows if row[0] == "r"]
    if not revoked:
        return [bytes(row[3]) for row in rows]
    kept = await conn.fetch(conn.q.STILL_VISIBLE, caller.user_id, caller.fixed, [r["collection"] for r in revoked],
                            [r["row_id"] for r in revoked], caller.head)
    keep = {(row["collection"], row["row_id"]) for row in kept}
    fallback: dict[tuple[str, str], bytes] = {}
    if keep:
        found = await conn.fetch(conn.q.DELTA_FALLBACK, ids, [c for c, _ in keep], [r for _, r in keep])
        fallback = {(row["collection"], row["row_id"]): bytes(row["wire"]) for row in found}
    result = []
    for row in rows:
        if row["op"] == "r" and (row["collection"], row["row_id"]) in keep:
            if (row["collection"], row["row_id"]) in fallback:
                result.append(fallback[row["collection"], row["row_id"]])
            continue
        result.append(bytes(row["wire"]))
    return result


async def checksums(conn: Db, caller: Caller, tick: int) -> dict[str, str]:
    if conn.dialect.sums_in_python:
        rows = await _summed(conn, caller, tick)
    else:
        found = await conn.fetch(conn.q.CHECKSUMS, caller.user_id, caller.fixed, tick, caller.filter)
        rows = {row["collection"]: row for row in found}
    result = {}
    for name in caller.filter or BY_NAME:
        row = rows.get(name)
        count, total = (int(row["rows"]), int(row["total"]) & MASK64) if row else (0, 0)
        result[name] = f"{count}:{total:016x}"
    return result


async def _summed(conn: Db, caller: Caller, tick: int) -> dict[str, dict[str, int]]:
    """CHECKSUMS' sums in Python (SQLite has no SHA-256), over the same rows."""
    found = await conn.fetch(conn.q.CHECKSUM_ROWS, caller.user_id, caller.fixed, tick, caller.filter)
    rows: dict[str, dict[str, int]] = {}
    for collection, row_id, version in found:
        digest = hashlib.sha256(f"{row_id}:{version}".encode()).digest()[:8]
        entry = rows.setdefault(collection, {"rows": 0, "total": 0})
        entry["rows"] += 1
        entry["total"] += int.from_bytes(digest, "big")
    return rows


STREAM_BATCH = 256  # rows fetched per round trip after the first (`Db.fetch_streamed`): a page's chunks fit in one


class Db:
    """A raw connection with the statements of its dialect (`q`): what every query here reads."""

    def __init__(self, conn: Any, dialect: SyncDialect) -> None:
        self.conn, self.dialect, self.q = conn, dialect, dialect.queries

    async def fetch(self, sql: str, *args: Any) -> list[Any]:
        return list(await self.conn.fetch(sql, *args))

    async def fetchrow(self, sql: str, *args: Any) -> Any:
        return await self.conn.fetchrow(sql, *args)

    async def fetchval(self, sql: str, *args: Any) -> Any:
        return await self.conn.fetchval(sql, *args)

    async def fetch_streamed(self, sql: str, args: tuple[Any, ...], first: Callable[[Any], None]) -> list[Any]:
        """The rows of `sql`, run in the open transaction (PostgreSQL) as a cursor: `first(row)` is
        called as soon as the first row came, while the statement still makes the others."""
        cursor = await self.conn.cursor(sql, *args)
        rows = list(await cursor.fetch(1))
        if rows:
            first(rows[0])
            while batch := await cursor.fetch(STREAM_BATCH):
                rows += batch
                if len(batch) < STREAM_BATCH:
                    break
        return rows

    @asynccontextmanager
    async def planned(self, settings: str | None) -> AsyncIterator[None]:
        """Statements run in a transaction whose planner settings are `settings` (SET LOCAL: none
        outlives it), or as they are when None. BEGIN and the settings go in one round trip."""
        if settings is None:
            yield
            return
        await self.conn.execute(f"BEGIN; {settings}")
        try:
            yield
        except asyncio.CancelledError:
            raise  # the pool rolls back a connection given back in a transaction
        except BaseException:
            await self.conn.execute("ROLLBACK")
            raise
        await self.conn.execute("COMMIT")


def _at(cursor: Cursor, tick: int, txpos: int, snapshot: SnapshotKey | None = None) -> Cursor:
    return Cursor(cursor.user_id, cursor.client_id, cursor.collections, cursor.epoch, tick, txpos, snapshot)


# The cursor after a full page, from a row of its statement: one definition for the page's answer
# and for the page read ahead, so that the client's next pull finds what was read for it.
def _after_snapshot(cursor: Cursor, last: Any) -> Cursor:
    return _at(cursor, cursor.tick, END_OF_TICK, SnapshotKey(last["scope"], last["collection"], last["row_id"]))


def _after_delta(cursor: Cursor, row: Any) -> Cursor:
    return _at(cursor, int(row["last_tick"]), int(row["last_txpos"]))
