"""An idle server costs next to nothing (issue 19 targets 4b/4c): the sync ticker and the outbox
relay back off while their polls find nothing (infra/aio.IdleBackoff), and nothing is lost by it.
A commit of the process wakes them at once; another process's write (no wake-up reaches this
one) is still seen: by the next pull at once, by the loops within IDLE_POLL_MAX_MS. The delivery
queues' idle round is one plain statement (push/job_queue.py)."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import pytest
from tortoise.connection import connections

from bus import relay as relay_module
from bus.relay import OutboxRelay
from domain.bookings.models import Booking
from domain.shared.uow import observe_commits
from infra.aio import IdleBackoff
from push.job_queue import JobTable
from push.models import PushJob, PushState
from tests.support.bus import RecordingPublisher, event, pending_ids, record, tortoise_on
from tests.support.identity import register
from tests.support.sync import Replica, flush, make_booking, sync_of
from tests.support.waiting import wait_for_value

# The relay test records made-up events (fake payloads) on purpose, as the bus plumbing tests do.
pytestmark = pytest.mark.off_contract_emits


@pytest.fixture
async def db(database_url: str) -> AsyncIterator[None]:
    async with tortoise_on(database_url):
        yield


@pytest.mark.unit
def test_the_backoff_doubles_up_to_its_ceiling_and_work_starts_it_over():
    backoff = IdleBackoff(0.025, 1.0)
    assert [backoff.idle() for _ in range(8)] == [0.025, 0.05, 0.1, 0.2, 0.4, 0.8, 1.0, 1.0]
    assert backoff.busy() == 0.025
    assert backoff.idle() == 0.025  # the first empty poll after work waits the interval only
    assert IdleBackoff(0.2, 0.1).idle() == IdleBackoff(0.2, 0.1).idle() == 0.2  # a ceiling below: no back-off


async def test_after_a_quiet_spell_another_process_write_reaches_pulls_at_once_and_the_ticker_soon(client):
    customer = await register(client, "customer")
    booking_id = await make_booking(customer.id)
    replica = Replica(customer)
    await flush(client)
    await replica.catch_up(client)
    ticker = sync_of(client).ticker
    original, calls = ticker._tick, 0

    async def counted(wait: bool):  # type: ignore[no-untyped-def]
        nonlocal calls
        calls += 1
        return await original(wait)

    ticker._tick = counted  # type: ignore[method-assign]
    await asyncio.sleep(3.0)  # idle: the loop backs off to IDLE_POLL_MAX_MS (1 s)
    assert calls <= 10, f"{calls} ticks in 3 idle seconds (every 25 ms would be 120)"

    # Another process's write: a plain statement, no unit of work, so nothing wakes this ticker.
    await Booking.filter(id=booking_id).update(notes="from elsewhere")
    await asyncio.sleep(0.05)  # SYNC_TICK_INTERVAL_MS (25 ms) later, a pull sees it, as before
    await replica.catch_up(client)
    assert replica.rows[("bookings", booking_id)]["notes"] == "from elsewhere"

    # Without any pull, the backed-off loop stamps the next one within the ceiling (its pokes).
    await asyncio.sleep(3.0)
    await Booking.filter(id=booking_id).update(notes="later")
    written = time.monotonic()

    async def pending() -> int:
        _, rows = await connections.get("default").execute_query("SELECT count(*) AS n FROM sync_op_pending")
        return int(rows[0]["n"])

    await wait_for_value(pending, lambda n: n == 0, 3.0, "the idle ticker to stamp the write", interval=0.02)
    assert time.monotonic() - written < 1.5


async def test_the_idle_relay_backs_off_a_commit_wakes_it_and_another_process_event_goes_within_the_ceiling(
        db: None, monkeypatch: pytest.MonkeyPatch) -> None:
    probes = 0
    original = relay_module._any_pending

    async def counted() -> bool:
        nonlocal probes
        probes += 1
        return await original()

    monkeypatch.setattr(relay_module, "_any_pending", counted)
    publisher = RecordingPublisher()
    relay = OutboxRelay(publisher, poll_interval=0.01, idle_ceiling=0.5)
    task = asyncio.create_task(relay.run())
    try:
        await asyncio.sleep(2.0)
        assert probes <= 15, f"{probes} probes in 2 idle seconds (every 10 ms would be 200)"

        # Another process's event: nothing wakes this relay; the backed-off poll finds it.
        committed = time.monotonic()
        await record(event(subject="elsewhere"))
        await wait_for_value(pending_ids, lambda ids: not ids, 3.0, "the event relayed", interval=0.01)
        assert time.monotonic() - committed < 0.5 + 0.3

        # This process's commit wakes it at once, however long it idled.
        await asyncio.sleep(2.0)
        unregister = observe_commits(relay.wake)
        try:
            committed = time.monotonic()
            await record(event(subject="here"))
            await wait_for_value(pending_ids, lambda ids: not ids, 3.0, "the event relayed", interval=0.005)
            assert time.monotonic() - committed < 0.25
        finally:
            unregister()
        assert [envelope.key for envelope in publisher.seen] == ["elsewhere", "here"]
    finally:
        await relay.stop()
        await asyncio.gather(task, return_exceptions=True)


async def test_an_idle_queue_round_asks_once_and_a_due_job_is_still_claimed(db: None) -> None:
    table = JobTable(PushJob, PushState.QUEUED, ())
    now = datetime.now(UTC)
    assert await table.claim(now, 10, 60.0) == []
    assert await table.next_due() is None  # the claim's answer, reused
    table.end_round()

    later = now + timedelta(minutes=5)
    job = await PushJob.create(user_id="00000000-0000-0000-0000-000000000001", kind="test", category="test",
                               title="t", body="b",
                               data={}, state=PushState.QUEUED, next_attempt_at=later, not_before=now)
    assert await table.claim(now, 10, 60.0) == []  # queued, not due yet
    assert await table.next_due() == later
    table.end_round()
    claimed = await table.claim(later, 10, 60.0)
    assert [found.pk for found in claimed] == [job.pk]
