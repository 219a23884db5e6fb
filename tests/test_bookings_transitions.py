"""Booking state changes over HTTP (issue 4, acceptance 2): each step only by the right party,
recorded with who and when; illegal steps are 409/403 problem documents and change nothing."""

from __future__ import annotations

from datetime import timedelta

from app.bootstrap import Overrides
from app.jobs import expiry_sweep, jobs_context
from domain.bookings.models import Booking
from domain.bookings.services import expire_overdue
from domain.jobs.models import Bid, Job
from domain.scheduling.models import SlotClaim
from domain.shared.clock import utcnow
from domain.shared.outbox import OutboxEvent
from tests.support.bookings import act, book, build_market, fetch, iso, job_body, ok, slot
from tests.support.identity import register
from tests.support.waiting import wait_for_value


async def _problem(response, status: int, code: str) -> None:
    assert response.status == status, await response.text()
    assert response.content_type == "application/problem+json"
    assert (await response.json())["code"] == code


async def test_a_booking_runs_to_completion_and_records_each_step(client):
    m = await build_market(client)
    lead = m.crew[0]
    created = await ok(await book(client, m), 201)
    assert created["state"] == "requested" and created["crew"] == [{"serviceman_id": lead.id, "lead": True}]
    # Pricing is server-side and frozen: 45.00 + 5% tax; 15% commission kept from the price.
    assert created["price"] == {"amount": 4500, "currency": "USD"}
    assert created["tax"]["amount"] == 225 and created["total"]["amount"] == 4725
    assert created["commission"]["amount"] == 675
    assert created["organisation_id"] == m.org_id and created["actions"] == ["cancel"]

    seen_by_lead = await fetch(client, lead, created["id"])
    assert set(seen_by_lead["actions"]) == {"accept", "decline"}
    booking = await ok(await act(client, lead, seen_by_lead, "accept"))
    booking = await ok(await act(client, lead, booking, "schedule"))
    assert booking["scheduled_start"] == created["scheduled_start"]  # the agreed time confirmed
    booking = await ok(await act(client, lead, booking, "start"))
    booking = await ok(await act(client, lead, booking, "complete"))
    assert booking["state"] == "completed" and booking["version"] == created["version"] + 4

    history = (await fetch(client, m.customer, created["id"]))["transitions"]
    assert [(t["from_state"], t["to_state"], t["actor_role"]) for t in history] == [
        (None, "requested", "customer"), ("requested", "accepted", "serviceman"),
        ("accepted", "scheduled", "serviceman"), ("scheduled", "in_progress", "serviceman"),
        ("in_progress", "completed", "serviceman"),
    ]
    assert [t["actor_id"] for t in history] == [m.customer.id] + [lead.id] * 4
    profile = await ok(await client.get(f"/v1/servicemen/{lead.id}/profile", headers=m.customer.headers))
    assert profile["completed_jobs"] == 1
    types = await OutboxEvent.filter(key=created["id"]).order_by("id").values_list("type", flat=True)
    assert types == ["booking.requested", "booking.accepted", "booking.scheduled", "booking.started",
                     "booking.completed"]
    assert await SlotClaim.filter(booking_id=created["id"]).count() == 0  # finished work frees its slots


async def test_illegal_transitions_are_refused_and_change_nothing(client):
    m = await build_market(client)
    lead = m.crew[0]
    booking = await ok(await book(client, m), 201)

    await _problem(await act(client, lead, booking, "complete"), 409, "conflict")  # requested -> completed
    await _problem(await act(client, m.customer, booking, "accept"), 403, "forbidden")  # on the crew's behalf
    await _problem(await act(client, m.crew[1], booking, "accept"), 404, "not_found")  # not on this booking
    stale = {**booking, "version": booking["version"] + 7}
    await _problem(await act(client, lead, stale, "accept"), 409, "conflict")
    after = await fetch(client, m.customer, booking["id"])
    assert (after["state"], after["version"], len(after["transitions"])) == ("requested", booking["version"], 1)

    # Once work started, the customer can no longer cancel.
    booking = await ok(await act(client, lead, after, "accept"))
    booking = await ok(await act(client, lead, booking, "schedule"))
    booking = await ok(await act(client, lead, booking, "start"))
    await _problem(await act(client, m.customer, booking, "cancel"), 403, "forbidden")
    assert (await fetch(client, m.customer, booking["id"]))["state"] == "in_progress"


async def test_bidding_on_a_closed_job_is_a_conflict_and_changes_nothing(client):
    m = await build_market(client)
    first, second = m.crew
    job = await ok(await client.post("/v1/jobs", headers=m.customer.headers, json=job_body()), 201)
    bid = await ok(await client.post(f"/v1/jobs/{job['id']}/bids", headers=first.headers,
                                     json={"amount": {"amount": 8000, "currency": "USD"}}), 201)
    await ok(await client.post(f"/v1/jobs/{job['id']}/bids/{bid['id']}/accept", headers=m.customer.headers,
                               json={}), 201)
    before = await Job.get(id=job["id"])
    late = await client.post(f"/v1/jobs/{job['id']}/bids", headers=second.headers,
                             json={"amount": {"amount": 7000, "currency": "USD"}})
    await _problem(late, 409, "conflict")
    after = await Job.get(id=job["id"])
    assert (after.state, after.version) == (before.state, before.version) == ("awarded", before.version)
    assert await Bid.filter(job_id=job["id"]).count() == 1


async def test_cancel_releases_the_slot_and_the_booking_cannot_move_again(client):
    m = await build_market(client)
    start = iso(slot(72))
    booking = await ok(await book(client, m, start=start), 201)
    taken = await book(client, m, start=start)
    await _problem(taken, 409, "conflict")
    cancelled = await ok(await act(client, m.customer, booking, "cancel", reason="plans changed"))
    assert cancelled["state"] == "cancelled" and cancelled["actions"] == []
    await ok(await book(client, m, start=start), 201)  # the slot is free again
    await _problem(await act(client, m.crew[0], cancelled, "accept"), 409, "conflict")


async def test_a_manager_assigns_the_crew_of_a_provider_booking(client):
    m = await build_market(client)
    booking = await ok(await book(client, m, serviceman_ids=[]), 201)
    assert booking["crew"] == []
    body = {"version": booking["version"], "serviceman_ids": [m.crew[1].id, m.crew[0].id]}
    refused = await client.put(f"/v1/bookings/{booking['id']}/assignments", headers=m.customer.headers, json=body)
    await _problem(refused, 403, "forbidden")
    outsider = await client.put(f"/v1/bookings/{booking['id']}/assignments", headers=m.provider.headers,
                                json={**body, "serviceman_ids": [m.outsider.id]})
    await _problem(outsider, 422, "validation_failed")
    assigned = await ok(await client.put(f"/v1/bookings/{booking['id']}/assignments", headers=m.provider.headers,
                                         json=body))
    assert assigned["crew"] == [{"serviceman_id": m.crew[1].id, "lead": True},
                                {"serviceman_id": m.crew[0].id, "lead": False}]
    assert await SlotClaim.filter(booking_id=booking["id"]).count() == 4  # two servicemen, two slots each
    # Only the lead accepts for the crew; any crew member may start the work.
    await _problem(await act(client, m.crew[0], assigned, "accept"), 403, "forbidden")
    accepted = await ok(await act(client, m.crew[1], assigned, "accept"))
    mine = await ok(await client.get("/v1/bookings?role=serviceman", headers=m.crew[0].headers))
    assert [b["id"] for b in mine["items"]] == [booking["id"]]
    managed = await ok(await client.get("/v1/bookings?role=manager", headers=m.provider.headers))
    assert [b["id"] for b in managed["items"]] == [booking["id"]] and accepted["state"] == "accepted"


async def test_unaccepted_on_demand_requests_expire_and_free_nothing_they_never_held(client):
    m = await build_market(client)
    booking = await ok(await book(client, m, kind="on_demand", start=None), 201)
    assert booking["scheduled_start"] is None and booking["expires_at"] is not None
    assert await expire_overdue(utcnow()) == 0
    assert await expire_overdue(utcnow() + timedelta(minutes=16)) == 1
    expired = await fetch(client, m.customer, booking["id"])
    assert expired["state"] == "expired" and expired["transitions"][-1]["actor_role"] == "system"
    await _problem(await act(client, m.crew[0], expired, "accept"), 409, "conflict")


async def test_declining_and_listing_pages_through_my_bookings(make_client):
    client = await make_client(booking_open_requests_per_serviceman=5)  # five open requests with one serviceman
    m = await build_market(client)
    made = [await ok(await book(client, m, start=iso(slot(24 + 2 * i))), 201) for i in range(5)]
    declined = await ok(await act(client, m.crew[0], made[0], "decline", reason="too far"))
    assert declined["state"] == "declined"
    seen, cursor = [], None
    for _ in range(5):
        url = "/v1/bookings?limit=2" + (f"&cursor={cursor}" if cursor else "")
        page = await ok(await client.get(url, headers=m.customer.headers))
        seen += [b["id"] for b in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert seen == [b["id"] for b in reversed(made)]  # newest first, no gap, no duplicate
    stranger = await register(client, "customer")
    assert (await ok(await client.get("/v1/bookings", headers=stranger.headers)))["items"] == []
    await _problem(await client.get(f"/v1/bookings/{made[1]['id']}", headers=stranger.headers), 404, "not_found")
    await _problem(await client.get("/v1/bookings/not-a-uuid", headers=m.customer.headers), 404, "not_found")
    await _problem(await client.get("/v1/bookings?cursor=%%%", headers=m.customer.headers), 422,
                   "validation_failed")


async def test_the_background_sweeper_expires_overdue_bookings_and_jobs(make_client):
    client = await make_client(Overrides(extra_cleanup=[jobs_context([expiry_sweep(0.05)])]))
    m = await build_market(client, crew_size=1)
    booking = await ok(await book(client, m, kind="on_demand", start=None), 201)
    job = await ok(await client.post("/v1/jobs", headers=m.customer.headers, json=job_body()), 201)
    past = utcnow() - timedelta(seconds=1)
    await Booking.filter(id=booking["id"]).update(expires_at=past)
    await Job.filter(id=job["id"]).update(expires_at=past)
    async def states() -> tuple[str, str]:
        return (await fetch(client, m.customer, booking["id"]))["state"], (await Job.get(id=job["id"])).state

    await wait_for_value(states, lambda seen: seen == ("expired", "expired"), 5, "both expired by the sweeper")
