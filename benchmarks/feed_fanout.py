"""The feed's write side on PostgreSQL: `job.posted` in a zone with --servicemen matching
servicemen, handled as the `feed` subscription does (domain/feed/projector.py: recipients, one
one pending row for the event, the commit, the sequencer's run that numbers the items,
the sync tick their cursor waits for, and the live emit of every item), timed per event:

- written: from the handler's start to its commit;
- delivered: to the last `feed:item` emit published on the Socket.IO Redis channel (the server's
  manager, realtime/broadcast.py, on REDIS_URL, holding no sockets here; without REDIS_URL the
  emits are only counted).

Anchor, same run: a raw `INSERT INTO feed_item ... SELECT` of the same rows (capture triggers
included), rolled back. Then the concurrency case: --concurrent jobs posted at once, each handled
in its own transaction on its own pooled connection, with --hold-ms of other work in the
handler's transaction after the feed write (other reactions in the same unit of work), against
the previous write path (items straight into feed_item under the global advisory lock,
re-enacted here): the lock made them wait for each other, the pending table does not.

Starts a throwaway embedded PostgreSQL, migrates it, writes the servicemen straight to the database.

    .venv/bin/python benchmarks/feed_fanout.py [--servicemen 5000] [--events 10] [--concurrent 4] [--hold-ms 50]
    PROFILE_SORT=tottime PROFILE_LINES=45 .venv/bin/python benchmarks/feed_fanout.py --only-sequential --profile
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import os
import pstats
import statistics
import sys
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tortoise import Tortoise
from tortoise.transactions import in_transaction

from app.db import PoolLimits, tortoise_config
from app.migrate import migrate
from domain.accounts.models import User
from domain.feed import recipients, writer
from domain.feed.projector import Delivery, FeedProjector
from domain.feed.ranking import score
from domain.feed.sequencer import FeedSequencer
from domain.profiles.models import ServicemanProfile
from domain.shared.clock import utcnow
from domain.shared.uow import unit_of_work
from domain.zones.index import ZONE_INDEX
from domain.zones.models import ServicemanZone
from infra.gc_tuning import tune_for_serving
from realtime.broadcast import FanoutRedisManager
from realtime.emitters import FeedEmitter
from realtime.fanout import RealtimeEmitter
from realtime.wire import OrjsonCodec
from sync.service import SyncClock, SyncConfig
from tests.support.databases import create_database
from tests.support.services import EmbeddedPostgres
from tests.support.sync import make_job, make_zone

OLD_LOCK = 0x66656564
ANCHOR = """
INSERT INTO feed_item (user_id, event_id, kind, entity_type, entity_id, zone_id, category_id, amount, currency,
                       summary, rank, factors, version, created_at)
SELECT user_id, $1, 'job.posted', 'job', $2, zone_id, 'plumbing', 100000, 'GBP',
       '{"title": "anchor", "state": "bidding"}'::jsonb, 1000, '{"zone": 2.0}'::jsonb, 1, now()
FROM serviceman_zone WHERE zone_id = $3
"""
# The previous write path's statement: every item straight into feed_item, a row per recipient.
OLD_INSERT = """
INSERT INTO feed_item (user_id, event_id, kind, entity_type, entity_id, zone_id, category_id, amount, currency,
                       summary, rank, factors, version, created_at)
SELECT u, e, k, et, ei, z, c, a, cur, s, r, f, 1, t
FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::uuid[], $6::uuid[], $7::text[], $8::bigint[],
            $9::text[], $10::jsonb[], $11::bigint[], $12::jsonb[], $13::timestamptz[])
     AS x(u, e, k, et, ei, z, c, a, cur, s, r, f, t)
"""


def old_columns(rows: list[writer.NewItem]) -> list[Any]:
    return [[getattr(r, name) for r in rows] for name in ("user_id", "event_id", "kind", "entity_type", "entity_id",
                                                          "zone_id", "category_id", "amount", "currency")] + [
        writer._json_each([r.summary for r in rows]), [r.rank for r in rows],
        writer._json_each([r.factors for r in rows]), [r.created_at for r in rows]]


@dataclass(frozen=True)
class Envelope:
    event_id: str
    type: str
    body: dict[str, Any]


class CountingEmitter:
    """Stands in for the Redis channel when there is none: counts the emits."""

    emits = 0

    async def emit(self, event: str, data: Any = None, *, namespace: str | None = None,
                   room: str | list[str] | None = None) -> None:
        CountingEmitter.emits += 1


class Timed:
    """The live feed as the app builds it, noting when the last delivery was handed over."""

    def __init__(self, live: FeedEmitter) -> None:
        self.live = live
        self.delivered: dict[str, float] = {}
        self.seqs: list[list[int]] = []

    async def deliver(self, deliveries: list[Delivery]) -> None:
        await self.live.deliver(deliveries)
        if deliveries:
            self.delivered[str(deliveries[0][1]["entity_id"])] = time.perf_counter()
            self.seqs.append([item["seq"] for _, item in deliveries])


async def handle_new(projector: FeedProjector, job_id: str, actor: str, hold: float) -> tuple[float, float]:
    """(start, committed) of one job.posted handled by the projector; delivery follows the commit."""
    started = time.perf_counter()
    marks: dict[str, float] = {}
    async with unit_of_work() as uow:
        uow.after_commit(lambda: marks.setdefault("committed", time.perf_counter()))
        await projector.handle(Envelope(str(uuid.uuid4()), "job.posted",
                                        {"data": {"job_id": job_id}, "actor_id": actor}), uow)
        if hold:
            await uow.connection.execute_query("SELECT pg_sleep($1)", [hold])
    return started, marks["committed"]


async def handle_old(job_id: str, actor: str, hold: float) -> tuple[float, float]:
    """The write path before the sequencer: straight into feed_item under the global lock."""
    started = time.perf_counter()
    async with in_transaction() as conn:
        plan = await recipients.plan("job.posted", {"job_id": job_id}, actor, conn)
        assert plan is not None
        await conn.execute_query("SELECT pg_advisory_xact_lock($1)", [OLD_LOCK])
        now, event_id, subject = utcnow(), uuid.uuid4(), plan.subject
        zone = uuid.UUID(subject.zone_id) if subject.zone_id else None
        rows = [writer.NewItem(uuid.UUID(r.user_id), event_id, r.kind, subject.entity_type,
                               uuid.UUID(subject.entity_id), zone, subject.category_id, subject.amount,
                               subject.currency, subject.summary,
                               *score(r.relevance, subject.amount, subject.currency, now), now)
                for r in plan.recipients]
        await conn.execute_query_dict(OLD_INSERT + " RETURNING id, user_id", old_columns(rows))
        if hold:
            await conn.execute_query("SELECT pg_sleep($1)", [hold])
    return started, time.perf_counter()


PHASES: dict[str, list[float]] = {}


def timed_phase(name: str, function: Any) -> Any:
    """`function` (a coroutine function), adding each call's duration to PHASES[name]."""

    async def wrapper(*args: Any, **kwargs: Any) -> Any:
        started = time.perf_counter()
        try:
            return await function(*args, **kwargs)
        finally:
            PHASES.setdefault(name, []).append(time.perf_counter() - started)

    return wrapper


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


async def raw_anchor(zone_id: str) -> float:
    """The raw INSERT ... SELECT, rolled back (nothing stays behind)."""
    timings = []
    for _ in range(3):
        conn = Tortoise.get_connection("default")
        async with conn.acquire_connection() as raw:
            tx = raw.transaction()
            await tx.start()
            started = time.perf_counter()
            await raw.execute(ANCHOR, uuid.uuid4(), uuid.uuid4(), uuid.UUID(zone_id))
            timings.append(time.perf_counter() - started)
            await tx.rollback()
    return statistics.median(timings)


async def run(servicemen: int, events: int, concurrent: int, hold_ms: float, profile: bool = False) -> None:
    pg = EmbeddedPostgres().start()
    redis_url = os.environ.get("REDIS_URL")
    try:
        url = await create_database(pg.url)
        await migrate(url)
        pool = PoolLimits(max_size=max(4, concurrent + 2), statement_timeout=300.0)
        await Tortoise.init(config=tortoise_config(url, pool))
        zone_id = await make_zone()
        ZONE_INDEX.invalidate()
        users = [User(email=f"s{i}@bench.example", name=f"S{i}", roles=["serviceman"], password_hash="x")
                 for i in range(servicemen)]
        await User.bulk_create(users, batch_size=1000)
        ids = [u.id for u in await User.filter(email__endswith="@bench.example").only("id")]
        await ServicemanZone.bulk_create([ServicemanZone(user_id=uid, zone_id=zone_id) for uid in ids],
                                         batch_size=1000)
        await ServicemanProfile.bulk_create([ServicemanProfile(user_id=uid, category_ids=["plumbing"]) for uid in ids],
                                            batch_size=1000)
        customer = str((await User.create(email="c@bench.example", name="C", roles=["customer"],
                                          password_hash="x")).id)
        clock = SyncClock(SyncConfig(cursor_secrets=(b"b" * 32,)))
        if redis_url:  # the server's manager (realtime/broadcast.py), holding no sockets here
            manager = FanoutRedisManager(redis_url, channel="fieldsync-bench-feed", write_only=True, json=OrjsonCodec)
            emitter = RealtimeEmitter(manager, owned_manager=manager)
        else:
            emitter = RealtimeEmitter(CountingEmitter())
        # Where one event's time goes: recipients, numbering, read-back, the sync tick, the emits.
        recipients.plan = timed_phase("recipients", recipients.plan)
        feed = FeedSequencer()
        feed.publish = timed_phase("sequencer run", feed.publish)  # type: ignore[method-assign]
        feed.seqs = timed_phase("seq read-back (fallback)", feed.seqs)  # type: ignore[method-assign]
        live = FeedEmitter(emitter, timed_phase("sync tick (cursor)", clock.visible_cursor))
        live.deliver = timed_phase("cursor + emits", live.deliver)  # type: ignore[method-assign]
        timed = Timed(live)
        projector = FeedProjector(timed, feed)
        tune_for_serving()  # the server's collector settings once started (app/bootstrap.py)
        print(f"load average before: {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} {os.getloadavg()[2]:.2f}; "
              f"emits to {'Redis ' + redis_url if redis_url else 'a counter (no REDIS_URL)'}")
        print(f"anchor: raw INSERT INTO feed_item ... SELECT of {servicemen} rows (capture triggers, rolled back): "
              f"median {ms(await raw_anchor(zone_id))}")

        written, delivered = [], []
        profiler = cProfile.Profile() if profile else None
        for _ in range(events):
            job_id = await make_job(customer, zone_id)
            if profiler:
                profiler.enable()
            started, committed = await handle_new(projector, job_id, customer, 0)
            if profiler:
                profiler.disable()
            written.append(committed - started)
            delivered.append(timed.delivered[job_id] - started)
            assert len(timed.seqs[-1]) == servicemen, len(timed.seqs[-1])
        print(f"one job.posted to {servicemen} servicemen, {events} events one after the other: "
              f"written median {ms(statistics.median(written))} (max {ms(max(written))}), "
              f"delivered median {ms(statistics.median(delivered))} (max {ms(max(delivered))})")
        print("  per event, median: " + ", ".join(f"{name} {ms(statistics.median(values))}"
                                                   for name, values in PHASES.items()))
        if profiler:
            stats = pstats.Stats(profiler).sort_stats(os.environ.get("PROFILE_SORT", "cumulative"))
            stats.print_stats(int(os.environ.get("PROFILE_LINES", "40")))

        hold = hold_ms / 1000
        for label, case in (("previous (global lock)", "old"), ("pending + sequencer", "new")) if concurrent else ():
            for held in (0.0, hold):
                jobs = [await make_job(customer, zone_id) for _ in range(concurrent)]
                begun = time.perf_counter()
                if case == "old":
                    spans = await asyncio.gather(*(handle_old(j, customer, held) for j in jobs))
                else:
                    spans = await asyncio.gather(*(handle_new(projector, j, customer, held) for j in jobs))
                commits = sorted(end - start for start, end in spans)
                wall = max(end for _, end in spans) - begun
                line = (f"{concurrent} jobs at once, {label}, {hold_ms if held else 0:.0f} ms other work per "
                        f"transaction: all committed in {ms(wall)}; per job written {ms(commits[0])} .. "
                        f"{ms(commits[-1])}")
                if case == "new":
                    last = max(timed.delivered[j] for j in jobs) - begun
                    line += f"; all delivered in {ms(last)}"
                print(line)
        seqs = [seq for batch in timed.seqs for seq in batch]
        print(f"delivered {len(seqs)} items, seqs unique: {len(set(seqs)) == len(seqs)}")
        print(f"load average after: {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} {os.getloadavg()[2]:.2f}")
        await emitter.aclose()
        await Tortoise.close_connections()
    finally:
        pg.stop()


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--servicemen", type=int, default=5000)
    parser.add_argument("--events", type=int, default=10)
    parser.add_argument("--concurrent", type=int, default=4)
    parser.add_argument("--hold-ms", type=float, default=50.0)
    parser.add_argument("--profile", action="store_true", help="print where the one-after-the-other events spend")
    parser.add_argument("--only-sequential", action="store_true", help="skip the concurrency case")
    args = parser.parse_args()
    asyncio.run(run(args.servicemen, args.events, 0 if args.only_sequential else args.concurrent, args.hold_ms,
                    args.profile))
