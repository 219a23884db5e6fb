"""visible_cursor (sync/visibility.py): every caller gets a position at which what it committed
before the call is visible to pulls, and concurrent callers share ticks (single-flight)."""

from __future__ import annotations

import asyncio
import random

import pytest
from tortoise.connection import connections

from domain.bookings.models import Booking
from sync.visibility import SingleFlight
from tests.support.identity import register
from tests.support.sync import make_booking, sync_of


async def test_each_caller_is_served_by_a_tick_that_started_after_its_call():
    """A fake ticker that records when each tick starts; random delays and failures."""
    rng = random.Random(7)
    started: list[int] = []
    clock = 0

    async def run_tick() -> int:
        nonlocal clock
        clock += 1
        number = clock
        started.append(number)
        await asyncio.sleep(rng.uniform(0, 0.003))
        if rng.random() < 0.1:
            raise RuntimeError("database blip")
        return number

    flight = SingleFlight(run_tick)

    async def caller() -> None:
        for _ in range(20):
            await asyncio.sleep(rng.uniform(0, 0.002))
            called_at = clock  # ticks started before the call
            try:
                position = await flight.position()
            except RuntimeError:
                continue  # the tick serving it failed: the caller hears it (and may retry)
            assert position > called_at, "served by a tick that started before the call"

    await asyncio.wait_for(asyncio.gather(*(caller() for _ in range(50))), 60)
    assert len(started) < 50 * 20 / 3  # shared: far fewer ticks than calls


async def test_a_cancelled_caller_does_not_cancel_the_others():
    gate = asyncio.Event()

    async def run_tick() -> int:
        await gate.wait()
        return 1

    flight = SingleFlight(run_tick)
    first, second = asyncio.ensure_future(flight.position()), asyncio.ensure_future(flight.position())
    await asyncio.sleep(0)
    first.cancel()
    gate.set()
    assert await asyncio.wait_for(second, 5) == 1
    with pytest.raises(asyncio.CancelledError):
        await first


async def test_concurrent_writers_see_their_commit_at_the_position_they_get(client):
    customer = await register(client, "customer")
    ids = [await make_booking(customer.id) for _ in range(40)]
    sync = sync_of(client)
    ticks_before = sync.ticker.ticks

    async def writer(booking_id: str) -> None:
        await Booking.filter(id=booking_id).update(notes="changed")  # committed (autocommit)
        position = int(await sync.visible_cursor() or 0)
        _, rows = await connections.get("default").execute_query(
            "SELECT max(tick) AS tick FROM sync_op WHERE collection = 'bookings' AND row_id = $1 AND data LIKE $2",
            [booking_id, '%"notes"%:%"changed"%'])  # PostgreSQL's JSON has spaces, SQLite's none
        assert rows[0]["tick"] is not None and rows[0]["tick"] <= position

    await asyncio.gather(*(writer(booking_id) for booking_id in ids))
    assert sync.ticker.ticks - ticks_before < len(ids)
