"""Feed writes without a global lock (domain/feed/sequencer.py): two writers on two connections
commit without waiting for each other, and the seqs a reader pages by still follow commit order,
so "items after seq N" never misses a transaction that started first and committed last."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator

import pytest
from tortoise.connection import connections

from domain.accounts.models import User, UserStatus
from domain.feed import queries, sequencer, writer
from domain.feed.models import FeedItem
from domain.profiles.models import ServicemanProfile
from domain.shared.uow import unit_of_work
from domain.zones.index import ZONE_INDEX
from domain.zones.models import ServicemanZone
from tests.support.bus import tortoise_on
from tests.support.sync import make_job, make_zone

pytestmark = pytest.mark.integration

SERVICEMEN = 3


@pytest.fixture
async def orm(database_url: str) -> AsyncIterator[None]:
    async with tortoise_on(database_url):
        yield


async def _audience() -> tuple[str, str, list[str]]:
    """A zone with servicemen of the trade and a customer: (zone, customer, servicemen)."""
    zone_id = await make_zone()
    ZONE_INDEX.invalidate()
    servicemen = []
    for i in range(SERVICEMEN):
        user = await User.create(email=f"s{i}@seq.example", name=f"S{i}", roles=["serviceman"], password_hash="x")
        await ServicemanZone.create(user_id=user.id, zone_id=zone_id)
        await ServicemanProfile.create(user_id=user.id, category_ids=["plumbing"])
        servicemen.append(str(user.id))
    customer = await User.create(email="c@seq.example", name="C", roles=["customer"], password_hash="x")
    return zone_id, str(customer.id), servicemen


async def _post(job_id: str, customer: str, started: asyncio.Event, release: asyncio.Event | None) -> None:
    """Handle one job.posted as the feed consumer does; with `release`, stay open until it is set."""
    async with unit_of_work() as uow:
        items = await writer.record(str(uuid.uuid4()), "job.posted", {"job_id": job_id}, customer, uow.connection)
        assert len(items) == SERVICEMEN
        started.set()
        if release is not None:
            await release.wait()


async def _page(user_id: str, after: int) -> list[int]:
    return [item["seq"] for item in (await queries.replay(user_id, after, None, 100)).items]


async def test_two_writers_commit_without_waiting_and_seqs_follow_commit_order(orm: None) -> None:
    zone_id, customer, servicemen = await _audience()
    reader = servicemen[0]
    first_job, second_job = await make_job(customer, zone_id), await make_job(customer, zone_id)

    # The first writer starts first, writes its items and stays open...
    first_wrote, release = asyncio.Event(), asyncio.Event()
    first = asyncio.create_task(_post(first_job, customer, first_wrote, release))
    await asyncio.wait_for(first_wrote.wait(), 10)
    # ...while a second one, on another connection, writes the same readers' items and commits:
    # under the old global lock it would wait for the first to commit.
    await asyncio.wait_for(_post(second_job, customer, asyncio.Event(), None), 5)
    assert not first.done()

    # Published, the second job's items are visible; the first's (uncommitted) are not numbered.
    await sequencer.FeedSequencer().publish()
    seen = await _page(reader, 0)
    assert len(seen) == 1
    assert await FeedItem.filter(entity_id=uuid.UUID(first_job)).count() == 0
    high = max(seen)

    # The first commits last: its items come after everything a reader has seen.
    release.set()
    await first
    assert await _pending_items() == SERVICEMEN  # committed, waiting for a run
    assert await _page(reader, high) == []  # not visible before it is numbered
    await sequencer.FeedSequencer().publish()
    later = await _page(reader, high)
    assert len(later) == 1 and later[0] > high
    assert await _pending_items() == 0
    jobs = [str(row) for row in await FeedItem.filter(user_id=reader).order_by("id").values_list("entity_id",
                                                                                                flat=True)]
    assert jobs == [second_job, first_job]  # seq order is commit order, not start order


async def test_concurrent_publishes_coalesce_and_the_sweep_moves_what_was_left(orm: None) -> None:
    zone_id, customer, servicemen = await _audience()
    jobs = [await make_job(customer, zone_id) for _ in range(4)]
    await asyncio.gather(*(_post(job, customer, asyncio.Event(), None) for job in jobs))
    feed = sequencer.FeedSequencer()
    await asyncio.gather(*(feed.publish() for _ in range(5)))
    assert await FeedItem.all().count() == 4 * SERVICEMEN
    # A process that died between its commit and its publish: the periodic sweep numbers its items.
    straggler = await make_job(customer, zone_id)
    await _post(straggler, customer, asyncio.Event(), None)
    await sequencer.sweep()
    seqs = [await _page(user, 0) for user in servicemen]
    assert all(len(page) == 5 and page == sorted(page) for page in seqs)
    assert await _pending_items() == 0


async def test_a_closing_job_reaches_its_items_still_pending(orm: None) -> None:
    zone_id, customer, _ = await _audience()
    job = await make_job(customer, zone_id)
    await _post(job, customer, asyncio.Event(), None)
    async with unit_of_work() as uow:  # job.cancelled handled before the items were numbered
        await writer.close_job(job, "cancelled", uow.connection)
    await sequencer.FeedSequencer().publish()
    states = await FeedItem.filter(entity_id=uuid.UUID(job)).values_list("summary", "version")
    assert [(summary["state"], version) for summary, version in states] == [("cancelled", 2)] * SERVICEMEN



async def test_a_run_gives_its_seqs_and_skips_an_account_erased_while_pending(orm: None) -> None:
    zone_id, customer, servicemen = await _audience()
    job = await make_job(customer, zone_id)
    event_id = str(uuid.uuid4())
    async with unit_of_work() as uow:
        await writer.record(event_id, "job.posted", {"job_id": job}, customer, uow.connection)
    await User.filter(id=uuid.UUID(servicemen[0])).update(status=UserStatus.ERASED)  # erased before the run
    given = await sequencer.FeedSequencer().publish([event_id])
    stored = {str(user): seq for user, seq in await FeedItem.filter(event_id=uuid.UUID(event_id)).values_list(
        "user_id", "id")}
    assert given == {event_id: stored} and sorted(stored) == sorted(servicemen[1:])
    assert await _pending_items() == 0
    # The same event written again (a replay) adds nothing: its items exist already.
    async with unit_of_work() as uow:
        await writer.record(event_id, "job.posted", {"job_id": job}, customer, uow.connection)
    assert await sequencer.FeedSequencer().publish([event_id]) == {}
    assert await FeedItem.filter(event_id=uuid.UUID(event_id)).count() == SERVICEMEN - 1

async def _pending_items() -> int:
    """Items written, not yet numbered (one pending row per event, an element per recipient)."""
    _, rows = await connections.get("default").execute_query(
        "SELECT coalesce(sum(cardinality(user_ids)), 0) FROM feed_event_pending")
    return int(rows[0][0])
