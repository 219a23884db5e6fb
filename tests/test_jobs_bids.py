"""Custom jobs and bids over HTTP: posting, eligibility, one bid per serviceman, withdrawal,
cancellation, expiry, acceptance races and private bid threads."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from domain.bookings.models import Booking
from domain.jobs import services as jobs
from domain.shared.clock import utcnow
from domain.shared.outbox import OutboxEvent
from tests.support.bookings import CENTRE, build_market, iso, job_body, make_serviceman, ok, slot
from tests.support.identity import register

USD = {"amount": 9000, "currency": "USD"}


async def _code(response, status: int) -> str:
    assert response.status == status, await response.text()
    return str((await response.json())["code"])


async def _post_job(client, m, **overrides):
    return await ok(await client.post("/v1/jobs", headers=m.customer.headers, json=job_body(**overrides)), 201)


async def _bid(client, who, job_id, amount=9000, **extra):
    return await client.post(f"/v1/jobs/{job_id}/bids", headers=who.headers,
                             json={"amount": {"amount": amount, "currency": "USD"}, **extra})


async def test_posting_validates_the_job(client):
    m = await build_market(client, crew_size=1)
    post = lambda who, **o: client.post("/v1/jobs", headers=who.headers, json=job_body(**o))  # noqa: E731
    assert await _code(await post(m.crew[0]), 403) == "forbidden"  # servicemen do not post jobs
    assert await _code(await post(m.customer, budget_max={"amount": 10, "currency": "USD"}), 422) == \
        "validation_failed"
    assert await _code(await post(m.customer, budget_max={"amount": 20000, "currency": "EUR"}), 422) == \
        "validation_failed"
    assert await _code(await post(m.customer, category_id="plumbing.nope"), 422) == "validation_failed"
    assert await _code(await post(m.customer, lat=-33.9, lng=18.4), 422) == "validation_failed"  # no zone there
    assert await _code(await post(m.customer, lat=91), 422) == "validation_failed"
    assert await _code(await post(m.customer, expires_at=iso(slot(-5))), 422) == "validation_failed"
    job = await ok(await post(m.customer), 201)
    assert job["budget_min"] == {"amount": 5000, "currency": "USD"} and job["zone_id"] == m.zone_id
    mine = await ok(await client.get("/v1/jobs", headers=m.customer.headers))
    assert [j["id"] for j in mine["items"]] == [job["id"]]


async def test_only_servicemen_in_the_zone_and_trade_bid_and_each_holds_one_bid(client):
    m = await build_market(client, crew_size=1)
    ana = m.crew[0]
    electrician = await make_serviceman(client, [m.zone_id], categories=["electrical"])
    specialist = await make_serviceman(client, [m.zone_id], categories=["plumbing.leak-repair"])
    job = await _post_job(client, m, category_id="plumbing")

    refused = await _bid(client, electrician, job["id"])
    assert await _code(refused, 403) == "forbidden"
    assert await _code(await _bid(client, m.outsider, job["id"]), 403) == "forbidden"
    assert await _code(await _bid(client, m.customer, job["id"]), 403) == "forbidden"
    assert await _code(await client.get(f"/v1/jobs/{job['id']}", headers=electrician.headers), 404) == "not_found"
    await ok(await _bid(client, specialist, job["id"]), 201)  # a speciality qualifies for its trade's jobs

    first = await ok(await _bid(client, ana, job["id"], 9000), 201)
    again = await ok(await _bid(client, ana, job["id"], 8000, message="cheaper"), 201)
    assert again["id"] == first["id"] and again["version"] == first["version"] + 1
    assert again["amount"]["amount"] == 8000 and again["message"] == "cheaper"
    assert await _code(await _bid(client, ana, job["id"], proposed_start=iso(slot(30).replace(minute=10))), 422) \
        == "validation_failed"
    eur = await client.post(f"/v1/jobs/{job['id']}/bids", headers=ana.headers,
                            json={"amount": {"amount": 10, "currency": "EUR"}})
    assert await _code(eur, 422) == "validation_failed"

    # Withdraw, then bid again: the same bid comes back to life.
    assert await _code(await client.post(f"/v1/bids/{first['id']}/withdraw", headers=m.customer.headers), 403) \
        == "forbidden"
    assert await _code(await client.post(f"/v1/bids/{first['id']}/withdraw", headers=electrician.headers), 404) \
        == "not_found"
    withdrawn = await ok(await client.post(f"/v1/bids/{first['id']}/withdraw", headers=ana.headers))
    assert withdrawn["state"] == "withdrawn"
    assert await _code(await client.post(f"/v1/bids/{first['id']}/withdraw", headers=ana.headers), 409) == "conflict"
    renewed = await ok(await _bid(client, ana, job["id"], 8800), 201)
    assert (renewed["id"], renewed["state"]) == (first["id"], "active")
    types = await OutboxEvent.filter(key=first["id"]).order_by("id").values_list("type", flat=True)
    assert types == ["bid.placed", "bid.updated", "bid.withdrawn", "bid.placed"]


async def test_cancel_and_expiry_close_the_job_and_reject_its_bids(client):
    m = await build_market(client)
    ana, ben = m.crew
    job = await _post_job(client, m)
    bid = await ok(await _bid(client, ana, job["id"]), 201)
    assert await _code(await client.post(f"/v1/jobs/{job['id']}/cancel", headers=ana.headers, json={}), 403) == \
        "forbidden"
    cancelled = await ok(await client.post(f"/v1/jobs/{job['id']}/cancel", headers=m.customer.headers,
                                           json={"reason": "fixed it myself"}))
    assert cancelled["state"] == "cancelled"
    assert (await ok(await client.get(f"/v1/jobs/{job['id']}", headers=ana.headers)))["bids"][0]["state"] == \
        "rejected"
    assert await _code(await _bid(client, ben, job["id"]), 409) == "conflict"
    assert await _code(await client.post(f"/v1/jobs/{job['id']}/cancel", headers=m.customer.headers, json={}),
                       409) == "conflict"
    accept = await client.post(f"/v1/jobs/{job['id']}/bids/{bid['id']}/accept", headers=m.customer.headers, json={})
    assert await _code(accept, 409) == "conflict"

    later = await _post_job(client, m)
    await ok(await _bid(client, ben, later["id"]), 201)
    assert await jobs.expire_overdue(utcnow()) == 0
    assert await jobs.expire_overdue(utcnow() + timedelta(days=8)) == 1
    expired = await ok(await client.get(f"/v1/jobs/{later['id']}", headers=m.customer.headers))
    assert expired["state"] == "expired" and [b["state"] for b in expired["bids"]] == ["rejected"]
    assert (await ok(await client.get("/v1/jobs?scope=open", headers=ana.headers)))["items"] == []


async def test_only_the_customer_accepts_and_only_one_bid_wins_a_race(client):
    m = await build_market(client)
    ana, ben = m.crew
    job = await _post_job(client, m)
    bids = [await ok(await _bid(client, who, job["id"], amount), 201) for who, amount in ((ana, 9000), (ben, 8000))]
    url = f"/v1/jobs/{job['id']}/bids/{{}}/accept"
    assert await _code(await client.post(url.format(bids[0]["id"]), headers=ana.headers, json={}), 403) == \
        "forbidden"
    stale = await client.post(url.format(bids[0]["id"]), headers=m.customer.headers, json={"bid_version": 99})
    assert await _code(stale, 409) == "conflict"

    racing = await asyncio.wait_for(asyncio.gather(
        *(client.post(url.format(b["id"]), headers=m.customer.headers, json={}) for b in bids)), timeout=30)
    assert sorted(r.status for r in racing) == [201, 409]
    assert await Booking.filter(job_id=job["id"]).count() == 1
    final = await ok(await client.get(f"/v1/jobs/{job['id']}", headers=m.customer.headers))
    assert sorted(b["state"] for b in final["bids"]) == ["accepted", "rejected"]


async def test_bid_threads_are_private_to_the_customer_and_that_bidder(client):
    m = await build_market(client)
    ana, ben = m.crew
    job = await _post_job(client, m, lat=CENTRE[0], lng=CENTRE[1])
    bid = await ok(await _bid(client, ana, job["id"]), 201)
    comments = f"/v1/jobs/{job['id']}/comments"
    await ok(await client.post(comments, headers=m.customer.headers,
                               json={"body": "Can you come earlier?", "bid_id": bid["id"]}), 201)
    await ok(await client.post(comments, headers=ana.headers, json={"body": "Yes", "bid_id": bid["id"]}), 201)
    assert await _code(await client.get(f"{comments}?bid_id={bid['id']}", headers=ben.headers), 403) == "forbidden"
    assert await _code(await client.post(comments, headers=ben.headers, json={"body": "me too", "bid_id": bid["id"]}),
                       403) == "forbidden"
    thread = await ok(await client.get(f"{comments}?bid_id={bid['id']}", headers=ana.headers))
    assert [c["body"] for c in thread["items"]] == ["Can you come earlier?", "Yes"]
    assert (await ok(await client.get(comments, headers=ben.headers)))["items"] == []  # the job thread is separate
    stranger = await register(client, "customer")
    assert await _code(await client.get(comments, headers=stranger.headers), 404) == "not_found"
    assert await _code(await client.post(comments, headers=m.outsider.headers, json={"body": "hi"}), 404) == \
        "not_found"
