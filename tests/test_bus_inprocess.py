"""The outbox and the in-process bus on real PostgreSQL: what commits is delivered once,
what rolls back never is, late commits are not skipped, and concurrent relays do not
double-publish."""

from __future__ import annotations

import asyncio
import json
from collections import Counter, defaultdict
from collections.abc import AsyncIterator
from typing import Any

import asyncpg
import pytest

from app.bootstrap import BUS
from bus import Envelope
from bus.dedupe import deduped, handle_once
from bus.inprocess import InProcessBus
from bus.relay import OutboxRelay, _claim_sql
from domain.shared.outbox import OutboxEvent
from domain.shared.uow import UnitOfWork, current, observe_commits, unit_of_work
from tests.conftest import AppFactory, app_of
from tests.support.bus import (
    RecordingPublisher,
    effect_handler_for,
    effects,
    event,
    inbox_count,
    pending_ids,
    record,
    tortoise_on,
    wait_until,
)


@pytest.fixture
async def db(database_url: str) -> AsyncIterator[None]:
    async with tortoise_on(database_url):
        yield


class Rollback(Exception):
    pass


async def test_committed_event_reaches_subscriber_once_rolled_back_never(make_client: AppFactory) -> None:
    client = await make_client()
    app = app_of(client)
    received: list[Envelope] = []

    async def subscriber(envelope: Envelope) -> None:
        received.append(envelope)

    app[BUS].subscribe(subscriber)
    committed = event(subject="job-7", data={"amount": 1200})
    rolled_back = event(subject="job-7", type="payment.refunded")
    sentinel = event(subject="job-8")

    await record(committed)
    with pytest.raises(Rollback):
        async with unit_of_work() as uow:
            await uow.record(rolled_back)
            raise Rollback
    await record(sentinel)
    await wait_until(lambda: _has(received, sentinel.event_id), 5, "the sentinel event")
    await asyncio.sleep(0.2)  # a few more relay polls: nothing arrives twice

    ids = [envelope.event_id for envelope in received]
    assert ids == [str(committed.event_id), str(sentinel.event_id)]
    assert received[0].body == committed.wire()
    assert received[0].key == "job-7"
    assert await pending_ids() == set()
    assert not await OutboxEvent.filter(event_id=rolled_back.event_id).exists()


async def _has(received: list[Envelope], event_id: object) -> bool:
    return any(envelope.event_id == str(event_id) for envelope in received)


async def test_deduped_subscriber_applies_a_redelivered_event_once(db: None) -> None:
    bus = InProcessBus()
    bus.subscribe(deduped("ledger", effect_handler_for("ledger")))
    relay = OutboxRelay(bus)
    (row,) = await record(event(subject="job-1"))
    assert await relay.publish_batch() == 1
    envelope = Envelope(str(row.event_id), row.stream, row.type, row.key, row.body)

    await bus.publish([envelope])  # at-least-once: the same event again
    assert await handle_once("ledger", envelope, effect_handler_for("ledger")) is False

    assert await effects("ledger") == [str(row.event_id)]
    assert await inbox_count("ledger") == 1


async def test_an_event_a_consumer_does_not_want_leaves_no_inbox_row_and_the_wanted_one_applies_once(
        db: None) -> None:
    """`wants` passes events over before any claim (a message sent went to eight consumers, one of
    which acts on it): no inbox row, no effect; the wanted event is still claimed and applied once."""
    bus = InProcessBus()
    refunds_only = lambda envelope: envelope.type == "payment.refunded"  # noqa: E731
    bus.subscribe(deduped("refunds", effect_handler_for("refunds"), refunds_only))
    relay = OutboxRelay(bus)
    captured, refunded = event(subject="job-5"), event(subject="job-5", type="payment.refunded")
    await record(captured, refunded)
    assert await relay.publish_batch() == 2
    assert await effects("refunds") == [str(refunded.event_id)]
    assert await inbox_count("refunds") == 1
    (row,) = await OutboxEvent.filter(event_id=refunded.event_id)
    again = Envelope(str(row.event_id), row.stream, row.type, row.key, row.body)
    assert await handle_once("refunds", again, effect_handler_for("refunds"), refunds_only) is False
    assert await effects("refunds") == [str(refunded.event_id)]


async def test_failed_handler_leaves_no_trace_and_the_retry_applies_it(db: None) -> None:
    calls = 0
    effect = effect_handler_for("mailer")

    async def flaky(envelope: Envelope, uow: UnitOfWork) -> None:
        nonlocal calls
        calls += 1
        await effect(envelope, uow)
        if calls == 1:
            raise RuntimeError("smtp down")

    bus = InProcessBus(retry_delay=0.01)
    bus.subscribe(deduped("mailer", flaky))
    await record(event(subject="job-2"))
    assert await OutboxRelay(bus).publish_batch() == 1

    # The first try rolled back its effect and its inbox claim; the retry went through.
    assert calls == 2
    assert len(await effects("mailer")) == 1
    assert await inbox_count("mailer") == 1


async def test_event_committing_after_a_later_one_was_relayed_is_still_published(db: None) -> None:
    publisher = RecordingPublisher()
    relay = OutboxRelay(publisher)
    early, late = event(subject="job-3"), event(subject="job-4")
    t1_has_id, release_t1 = asyncio.Event(), asyncio.Event()

    async def slow_transaction() -> OutboxEvent:
        async with unit_of_work() as uow:
            row = await uow.record(early)  # takes the lower id now...
            t1_has_id.set()
            await release_t1.wait()  # ...and commits only later
        return row

    t1 = asyncio.create_task(slow_transaction())
    await asyncio.wait_for(t1_has_id.wait(), 5)
    (t2_row,) = await record(late)
    assert await relay.publish_batch() == 1  # only T2's row is visible yet
    release_t1.set()
    t1_row = await asyncio.wait_for(t1, 5)
    assert t1_row.id < t2_row.id

    assert await relay.publish_batch() == 1
    assert [e.event_id for e in publisher.seen] == [str(late.event_id), str(early.event_id)]
    assert await pending_ids() == set()


@pytest.mark.parametrize("budget", [None, 0.05], ids=["fixed", "sized-by-time"])
async def test_two_relays_publish_every_event_exactly_once_in_key_order(db: None, budget: float | None) -> None:
    publisher = RecordingPublisher()
    relays = [OutboxRelay(publisher, batch_size=7, poll_interval=0.01, batch_budget=budget, min_batch=2)
              for _ in range(2)]
    tasks = [asyncio.create_task(relay.run()) for relay in relays]
    unregister = [observe_commits(relay.wake) for relay in relays]

    async def writer(subject: str) -> None:
        for n in range(15):
            await record(event(subject=subject, data={"n": n}))

    try:
        await asyncio.gather(*(writer(f"job-{k}") for k in range(6)))
        await wait_until(lambda: _all_published(), 20, "every event published")
    finally:
        for stop in unregister:
            stop()
        for relay in relays:
            await relay.stop()
        await asyncio.gather(*tasks)

    counts = Counter(envelope.event_id for envelope in publisher.seen)
    assert len(counts) == 90
    assert set(counts.values()) == {1}
    per_key: dict[str, list[int]] = defaultdict(list)
    for envelope in publisher.seen:
        per_key[envelope.key].append(envelope.body["data"]["n"])
    assert all(sequence == list(range(15)) for sequence in per_key.values())


async def test_a_relay_waits_while_another_still_tells_what_it_committed(db: None) -> None:
    """Reactions tell sockets after the relay's commit (a dispute's update, a payment's). While one
    relay (one server process) is still telling event 0, another must not claim, handle and tell
    event 1 of the same key first: a party would hear entry 1 before entry 0. The claim's
    transaction lock ends at its commit; the relay's session lock lasts until the telling is done."""
    told: list[int] = []
    telling_first, release_first = asyncio.Event(), asyncio.Event()

    async def reaction(envelope: Envelope) -> None:
        n = envelope.body["data"]["n"]

        async def tell() -> None:
            if n == 0:  # slow, as a socket emit under load can be
                telling_first.set()
                await release_first.wait()
            told.append(n)

        uow = current()
        assert uow is not None, "in-process reactions run inside the relay's unit of work"
        uow.after_commit(tell)

    bus = InProcessBus()
    bus.subscribe(reaction)
    first, second = OutboxRelay(bus, batch_size=1), OutboxRelay(bus, batch_size=1)
    await record(event(subject="dispute-1", data={"n": 0}))
    await record(event(subject="dispute-1", data={"n": 1}))

    one = asyncio.create_task(first.publish_batch())
    await asyncio.wait_for(telling_first.wait(), 5)  # event 0 committed as published, still being told
    assert await second.publish_batch() == 0, "the second relay went ahead of the first's telling"
    assert await pending_ids(), "event 1 was claimed while event 0 was still being told"
    release_first.set()
    assert await asyncio.wait_for(one, 5) == 1
    assert await second.publish_batch() == 1
    assert told == [0, 1]


async def _all_published() -> bool:
    return await OutboxEvent.filter(published_at__isnull=True).count() == 0


# Bus plumbing tests record made-up events (`test.happened`, fake payloads) on purpose: the
# contract guard (tests/support/contract_guard.py) lets them through.
pytestmark = pytest.mark.off_contract_emits


async def test_a_claim_reads_its_batch_not_the_whole_backlog(database_url: str) -> None:
    """With published rows (the outbox keeps them for days) and a backlog behind them, one claim
    of 10 reads about 10 rows: before, it walked the published rows by primary key (3,010 rows
    read here) or read the whole backlog to sort it by id, and draining a backlog took quadratic
    time (domain/shared/outbox.py PENDING_ORDER)."""
    conn = await asyncpg.connect(database_url.replace("postgres://", "postgresql://", 1))
    insert = ("INSERT INTO outbox (event_id, stream, type, key, body, created_at, published_at, attempts) "
              "SELECT gen_random_uuid(), 'domain', 'test.happened', 'k', '{}', now(), {published}, 0 "
              "FROM generate_series(1, $1)")
    try:
        await conn.execute(insert.replace("{published}", "now() - interval '1 day'"), 3000)
        await conn.execute(insert.replace("{published}", "NULL"), 2000)
        await conn.execute("ANALYZE outbox")
        async with conn.transaction():  # FOR UPDATE needs one (EXPLAIN ANALYZE runs the claim)
            (plan,) = await conn.fetchrow(f"EXPLAIN (ANALYZE, FORMAT JSON) {_claim_sql(True, 0, 0)}", 10)
        read = _rows_read(json.loads(plan)[0]["Plan"])
        assert read <= 30, f"one claim of 10 read {read} rows: {plan}"
    finally:
        await conn.execute("DELETE FROM outbox WHERE type = 'test.happened' AND key = 'k'")
        await conn.close()


def _rows_read(node: dict[str, Any]) -> int:
    """Rows the scans of a plan produced or filtered out (each loop counted)."""
    own = 0
    if "Scan" in node["Node Type"]:
        own = (node.get("Actual Rows", 0) + node.get("Rows Removed by Filter", 0)) * node.get("Actual Loops", 1)
    return int(own) + sum(_rows_read(child) for child in node.get("Plans", []))
