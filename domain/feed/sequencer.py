"""Feed seqs in commit order without serialising the writers (the idea of the sync ticker,
sync/ticker.py, and of the ledger's sealer, domain/finance/ledger/chain.py).

Writers (domain/feed/writer.py) insert one row per event into `feed_event_pending` (its
recipients as arrays), in parallel, each in its own transaction. The sequencer, one run at a
time across processes (a transaction-scoped advisory lock held until the run commits; writers
never take it), moves every pending row its snapshot sees, i.e. the rows of transactions
committed before the run started, into `feed_item`, one item per recipient, whose id sequence
numbers them (events in pending order, an event's items in its recipients' order). Runs commit
one after the other, so ids become visible in increasing order: a reader that sees seq N sees
every item below it, and "items after seq N" never misses one. A writer still running is
invisible to a run and is numbered by a later one.

The run returns the seqs it gave, so a process's `publish` callers learn theirs without reading
them back. After its commit a feed write asks for a run (`publish`) and then delivers its items
live; the periodic job `feed_publish` (app/jobs.py) moves what a process that died between its
commit and its run left behind. SQLite has one writer at a time: there the writer numbers its
items itself.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Collection, Iterable
from uuid import UUID

from prometheus_client import Counter
from tortoise.connection import connections

from domain.feed.models import FeedItem
from domain.shared.uow import unit_of_work

LOCK = 0x66656564  # "feed": the sequencer's advisory lock (writers never take it)
BATCH = 500  # events per run: a backlog is moved in several short transactions
FEED_PUBLISHED = Counter("fieldsync_feed_published_total", "Feed items numbered and made visible by the sequencer")
FEED_RUNS = Counter("fieldsync_feed_sequencer_runs_total", "Sequencer runs (publish calls / runs = coalescing)")

# SKIP LOCKED: a row a closing job is updating right now (writer.close_job) waits for the next
# run instead of holding this one up; it is numbered then, still after everything visible.
# The accounts' check replaces the old pending table's foreign key: an account erased (or deleted)
# since the event was written gets no item. A subquery per recipient, so an index probe each
# however many accounts there are (a join may hash the whole table). ON CONFLICT: a replayed event adds nothing.
# The first row counts the events taken; the others are the seqs given, (event, user, seq).
MOVE = """
WITH taken AS (
    DELETE FROM feed_event_pending
    WHERE id IN (SELECT id FROM feed_event_pending ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED)
    RETURNING *
), placed AS (
    INSERT INTO feed_item (user_id, event_id, kind, entity_type, entity_id, zone_id, category_id, amount, currency,
                           summary, rank, factors, version, created_at)
    SELECT r.user_id, p.event_id, r.kind, p.entity_type, p.entity_id, p.zone_id, p.category_id, p.amount, p.currency,
           p.summary, r.rank, r.factors, p.version, p.created_at
    FROM taken AS p
    CROSS JOIN LATERAL unnest(p.user_ids, p.kinds, p.ranks, p.factors) WITH ORDINALITY
         AS r(user_id, kind, rank, factors, n)
    WHERE (SELECT u.status FROM user_account AS u WHERE u.id = r.user_id) <> 'erased'
    ORDER BY p.id, r.n
    ON CONFLICT (user_id, event_id) DO NOTHING
    RETURNING event_id, user_id, id
)
SELECT NULL::text, NULL::text, (SELECT count(*) FROM taken)
UNION ALL
SELECT event_id::text, user_id::text, id FROM placed
"""

SEQS = "SELECT user_id::text, id FROM feed_item WHERE entity_id = $1 AND event_id = $2"

Placed = Callable[[list[tuple[str, str, int]]], None]  # told a run's (event id, user id, seq)s


async def move(*, wait: bool, placed_to: Placed | None = None) -> int | None:
    """Number every pending item committed before this call; how many were placed, or None when
    (without `wait`) another run held the lock. `placed_to` is told each run's seqs once it has
    committed. PostgreSQL only."""
    placed = 0
    while True:
        async with unit_of_work() as uow:
            conn = uow.connection
            if wait:
                await conn.execute_query("SELECT pg_advisory_xact_lock($1)", [LOCK])
            elif not (await conn.execute_query_dict("SELECT pg_try_advisory_xact_lock($1) AS got", [LOCK]))[0]["got"]:
                return None
            _, rows = await conn.execute_query(MOVE, [BATCH])
        taken = next(int(row[2]) for row in rows if row[0] is None)
        given = [(row[0], row[1], int(row[2])) for row in rows if row[0] is not None]
        FEED_RUNS.inc()
        placed += len(given)
        FEED_PUBLISHED.inc(len(given))
        if placed_to is not None:
            placed_to(given)
        if taken < BATCH:
            return placed


async def sweep() -> None:
    """The periodic job: items a process committed but never published (it died in between)."""
    if _postgres() and await _any_pending():  # idle (nearly always): one plain read, no transaction
        await move(wait=False)


async def _any_pending() -> bool:
    _, rows = await connections.get("default").execute_query("SELECT 1 FROM feed_event_pending LIMIT 1")
    return bool(rows)


def _postgres() -> bool:
    return bool(connections.get("default").capabilities.dialect == "postgres")


class FeedSequencer:
    """Coalesces a process's `publish` calls: a caller is served by any run that starts after its
    call (it covers the caller's commit), so a burst of writes costs a few runs, not one each.
    The runs keep the seqs they gave for the events a caller waits on (`publish(events)`)."""

    def __init__(self) -> None:
        self._lock = asyncio.Lock()
        self._runs_started = 0
        self._waiting: dict[str, int] = {}  # event id -> callers waiting on its seqs
        self._given: dict[str, dict[str, int]] = {}  # event id -> user id -> seq, for those events

    async def publish(self, events: Collection[str] = ()) -> dict[str, dict[str, int]]:
        """Make every feed item committed before this call visible, numbered. Returns the seqs
        this process's runs gave to the items of `events` (event id -> user id -> seq); an event
        numbered elsewhere (another process's run, or before: a replay) is missing or partial,
        for `seqs` to read."""
        if not _postgres():
            return {}
        for event in events:
            self._waiting[event] = self._waiting.get(event, 0) + 1
        try:
            wanted = self._runs_started + 1
            async with self._lock:
                if self._runs_started < wanted:  # no run started after our call has ended yet
                    self._runs_started += 1
                    await move(wait=True, placed_to=self._keep)
            return {event: self._given[event] for event in events if event in self._given}
        finally:
            for event in events:
                self._waiting[event] -= 1
                if not self._waiting[event]:
                    del self._waiting[event]
                    self._given.pop(event, None)

    def _keep(self, given: list[tuple[str, str, int]]) -> None:
        for event, user, seq in given:
            if event in self._waiting:
                self._given.setdefault(event, {})[user] = seq

    @staticmethod
    async def seqs(event_id: str, entity_id: str, user_ids: Iterable[str]) -> dict[str, int]:
        """user id -> seq of the event's published items (an erased recipient has none). Written
        out: the ORM's UUID objects cost more than the read for a job's 5,000 items."""
        wanted = set(user_ids)
        _, rows = await connections.get("default").execute_query(SEQS, [UUID(entity_id), UUID(event_id)])
        return {row[0]: int(row[1]) for row in rows if row[0] in wanted}

    @staticmethod
    async def seqs_of(events: list[tuple[str, str]]) -> dict[tuple[str, str], int]:
        """(event id, user id) -> seq of the published items of these (event id, entity id)s, in
        one statement (`seqs` of each)."""
        if not events:
            return {}
        wanted = set(events)
        rows = await FeedItem.filter(entity_id__in=sorted({UUID(entity) for _, entity in events}),
                                     event_id__in=sorted({UUID(event) for event, _ in events})).values_list(
            "event_id", "entity_id", "user_id", "id")
        return {(str(event), str(user)): int(seq) for event, entity, user, seq in rows
                if (str(event), str(entity)) in wanted}
