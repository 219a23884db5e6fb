"""Open booking requests are capped per customer and per customer and serviceman, and a
request waits at most a day for an answer (issue 11, low item)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from domain.bookings.models import Booking
from tests.support.bookings import act, book, build_market, iso, ok, slot


async def _refusal(response) -> str:
    assert response.status == 409, await response.text()
    details = (await response.json())["details"]
    assert details["reason"] == "limit_reached"
    return str(details["cause"])


async def test_a_customer_keeps_only_a_few_requests_open_with_one_serviceman(make_client):
    client = await make_client(booking_open_requests_per_serviceman=2)
    m = await build_market(client)
    first = await ok(await book(client, m, start=iso(slot(30))), 201)
    await ok(await book(client, m, start=iso(slot(32))), 201)
    assert await _refusal(await book(client, m, start=iso(slot(34)))) == "too_many_open_requests"
    # Another serviceman of the same provider is still bookable...
    await ok(await book(client, m, start=iso(slot(34)), serviceman_ids=[m.crew[1].id]), 201)
    # ...and once a request is answered (or withdrawn), the pair may ask again.
    await ok(await act(client, m.customer, first, "cancel"))
    await ok(await book(client, m, start=iso(slot(36))), 201)


async def test_a_customer_keeps_only_a_few_requests_open_in_all(make_client):
    client = await make_client(booking_open_requests_per_customer=3, booking_open_requests_per_serviceman=3)
    m = await build_market(client)
    for hours in (30, 32, 34):
        await ok(await book(client, m, start=iso(slot(hours))), 201)
    assert await _refusal(await book(client, m, start=iso(slot(36)), serviceman_ids=[m.crew[1].id])) \
        == "too_many_open_requests"
    assert await Booking.filter(customer_id=m.customer.id).count() == 3


async def test_a_request_far_ahead_expires_within_a_day_not_at_its_start(make_client):
    client = await make_client(booking_request_ttl_hours=6, booking_on_demand_expiry_minutes=5)
    m = await build_market(client)
    before = datetime.now(UTC)
    scheduled = await ok(await book(client, m, start=iso(slot(24 * 10))), 201)
    on_demand = await ok(await book(client, m, kind="on_demand", start=None, serviceman_ids=[m.crew[1].id]), 201)
    row = await Booking.get(id=scheduled["id"])
    assert row.expires_at is not None and row.expires_at <= before + timedelta(hours=6, minutes=1)
    soon = await Booking.get(id=on_demand["id"])
    assert soon.expires_at is not None and soon.expires_at <= before + timedelta(minutes=6)
    # Starting soon: the start still comes first.
    near = await ok(await book(client, m, start=iso(slot(2)), serviceman_ids=[m.crew[1].id]), 201)
    assert (await Booking.get(id=near["id"])).expires_at == datetime.fromisoformat(near["scheduled_start"])
