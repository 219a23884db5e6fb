"""Double booking is impossible (issue 4, acceptance 3): 20 simultaneous requests over the
real HTTP server for one serviceman's slot create exactly one booking; the rest are 409."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from domain.bookings.models import Assignment, Booking
from domain.scheduling.models import SlotClaim
from tests.support.bookings import book, build_market, iso, ok, slot
from tests.support.identity import register

ATTEMPTS = 20


async def test_twenty_simultaneous_requests_for_one_slot_make_exactly_one_booking(client):
    m = await build_market(client, crew_size=1)
    serviceman = m.crew[0]
    customers = [m.customer] + [await register(client, "customer") for _ in range(4)]
    start = iso(slot(30))

    responses = await asyncio.wait_for(
        asyncio.gather(*(book(client, m, customers[i % len(customers)], start=start) for i in range(ATTEMPTS))),
        timeout=60,
    )
    statuses = sorted(r.status for r in responses)
    assert statuses == [201] + [409] * (ATTEMPTS - 1), statuses
    for response in responses:
        if response.status == 409:
            assert (await response.json())["code"] == "conflict"

    assert await Booking.all().count() == 1
    booked = await Assignment.filter(serviceman_id=serviceman.id).values_list("booking_id", flat=True)
    assert len(booked) == 1
    # A 60-minute service holds two 30-minute slots, once.
    assert await SlotClaim.filter(user_id=serviceman.id).count() == 2
    mine = await ok(await client.get("/v1/bookings?role=serviceman", headers=serviceman.headers))
    assert [b["id"] for b in mine["items"]] == [str(booked[0])]


async def test_overlapping_windows_conflict_too_and_adjacent_ones_do_not(client):
    m = await build_market(client, crew_size=1)
    first = slot(30)
    await ok(await book(client, m, start=iso(first)), 201)
    # 60 minutes from `first`: a start 30 minutes later overlaps its second slot...
    overlapping = await book(client, m, start=iso(first + timedelta(minutes=30)))
    assert overlapping.status == 409
    # ...one an hour later only touches it.
    adjacent = await book(client, m, start=iso(first + timedelta(hours=1)))
    assert adjacent.status == 201, await adjacent.text()
