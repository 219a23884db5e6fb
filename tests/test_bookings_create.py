"""Creating bookings over HTTP: on-demand and scheduled, crew chosen by the customer, picked
automatically, or left to the provider; input that cannot be booked is refused."""

from __future__ import annotations

from datetime import timedelta

from domain.shared.outbox import OutboxEvent
from tests.support.bookings import FAR, book, build_market, iso, make_serviceman, ok, slot
from tests.support.identity import join_org


async def _code(response, status: int) -> str:
    assert response.status == status, await response.text()
    return str((await response.json())["code"])


async def test_automatic_assignment_picks_a_free_crew_member(client):
    m = await build_market(client)
    start = iso(slot(40))
    busy = await ok(await book(client, m, start=start, serviceman_ids=[m.crew[0].id]), 201)
    auto = await ok(await book(client, m, start=start, serviceman_ids=[], auto_assign=True), 201)
    assert auto["crew"] == [{"serviceman_id": m.crew[1].id, "lead": True}]
    assert await _code(await book(client, m, start=start, serviceman_ids=[], auto_assign=True), 409) == "conflict"
    event = await OutboxEvent.get(key=auto["id"], type="booking.requested")
    assert event.body["data"]["serviceman_ids"] == [m.crew[1].id] and busy["id"] != auto["id"]
    assert event.body["data"]["total"] == {"amount": 4725, "currency": "USD"}


async def test_on_demand_and_scheduled_rules(client):
    m = await build_market(client, crew_size=1)
    on_demand = await ok(await book(client, m, kind="on_demand", start=None), 201)
    assert on_demand["kind"] == "on_demand" and on_demand["scheduled_start"] is None
    assert await _code(await book(client, m, kind="on_demand"), 422) == "validation_failed"  # with a start
    assert await _code(await book(client, m, start=None), 422) == "validation_failed"
    off_grid = slot(30) + timedelta(minutes=10)
    assert await _code(await book(client, m, start=iso(off_grid)), 422) == "validation_failed"
    assert await _code(await book(client, m, start=iso(slot(-3))), 422) == "validation_failed"
    assert await _code(await book(client, m, start=iso(slot(24 * 400))), 422) == "validation_failed"

    # Scheduling an on-demand booking without a start books the next slot and claims it.
    lead = m.crew[0]
    accepted = await ok(await client.post(f"/v1/bookings/{on_demand['id']}/accept", headers=lead.headers,
                                          json={"version": on_demand["version"]}))
    scheduled = await ok(await client.post(f"/v1/bookings/{on_demand['id']}/schedule", headers=lead.headers,
                                           json={"version": accepted["version"]}))
    assert scheduled["state"] == "scheduled" and scheduled["scheduled_start"] is not None
    moved = iso(slot(70))
    start_on_other = await client.post(f"/v1/bookings/{on_demand['id']}/start", headers=lead.headers,
                                       json={"version": scheduled["version"], "start": moved})
    assert await _code(start_on_other, 422) == "validation_failed"  # only scheduling sets a start


async def test_what_cannot_be_booked(client):
    m = await build_market(client, crew_size=1)
    assert await _code(await book(client, m, service_id="nope"), 422) == "validation_failed"
    assert await _code(await book(client, m, lat=FAR[0], lng=FAR[1]), 422) == "validation_failed"  # not offered there
    assert await _code(await book(client, m, serviceman_ids=[m.outsider.id]), 422) == "validation_failed"
    assert await _code(await book(client, m, who=m.crew[0]), 403) == "forbidden"  # servicemen do not book
    assert await _code(await book(client, m, extra="x"), 422) == "validation_failed"
    # A crew member with no working hours at that time cannot be booked.
    idle = await make_serviceman(client, [m.zone_id], name="Idle")
    await ok(await client.put(f"/v1/servicemen/{idle.id}/schedule", headers=idle.headers,
                              json={"timezone": "UTC", "weekly": []}))
    await join_org(client, m.provider, m.org_id, idle)
    assert await _code(await book(client, m, serviceman_ids=[idle.id]), 409) == "conflict"
