"""Hiding through the moderation queue (issue 15): each kind of content leaves sight through its
own context (a review is hidden, a listing archived, an open job cancelled, a comment's body
replaced by a removal notice), and its author is told why; a reported review and a flagged job
comment reach the queue on their own. Bids, storefronts and profiles: test_safety_hiding_text.py."""

from __future__ import annotations

from domain.shared.moderation import REMOVED_NOTICE
from tests.support.bookings import act, book, build_market, iso, job_body, ok, slot
from tests.support.safety import decide, item_of, notices, report
from tests.support.sync import Replica, flush


async def test_a_review_reported_through_its_own_endpoint_is_hidden_from_the_queue(client):
    m = await build_market(client)
    ana = m.crew[0]
    booking = await ok(await book(client, m, serviceman_ids=[ana.id], start=iso(slot(40))), 201)
    for action in ("accept", "schedule", "start", "complete"):
        booking = await ok(await act(client, ana, booking, action))
    review = await ok(await client.post(f"/v1/bookings/{booking['id']}/reviews", headers=m.customer.headers,
                                        json={"rating": 1, "text": "rude and late"}), 201)
    await ok(await client.post(f"/v1/reviews/{review['id']}/report", headers=ana.headers,
                               json={"reason": "never happened"}))
    item = await item_of(client, m.admin, "review", review["id"])
    assert item["sources"] == ["review_report"] and item["reasons"] == ["never happened"]
    assert item["party_id"] == m.customer.id  # the author of the review
    await decide(client, m.admin, item["id"], "hide", "The review describes another booking.")
    reviews = await ok(await client.get(f"/v1/servicemen/{ana.id}/reviews"))
    assert review["id"] not in {r["id"] for r in reviews["items"]}
    notice = next(n for n in await notices(client, m.customer) if n["kind"] == "moderation.hide")
    assert notice["title"] == "Your review was hidden"
    assert notice["data"]["reason"] == "The review describes another booking."


async def test_a_reported_listing_is_archived_and_a_flagged_job_cancelled_when_hidden(client):
    m = await build_market(client)
    listing = await report(client, m.customer, "service", m.service_id, "fake", note="stock photos")
    await decide(client, m.admin, listing["item_id"], "hide", "Photos taken from another business.")
    assert (await ok(await client.get(f"/v1/services/{m.service_id}", headers=m.provider.headers)))["state"] == \
        "archived"
    job = await ok(await client.post("/v1/jobs", headers=m.customer.headers, json=job_body(
        description="Deposit by gift card first, then the plumber comes.")), 201)
    item = await item_of(client, m.admin, "job", job["id"])
    await decide(client, m.admin, item["id"], "hide", "Asks for gift cards.")
    assert (await ok(await client.get(f"/v1/jobs/{job['id']}", headers=m.customer.headers)))["state"] == "cancelled"
    assert any(n["kind"] == "moderation.hide" and n["entity_id"] == job["id"]
               for n in await notices(client, m.customer))


async def test_a_flagged_job_comment_hidden_shows_the_removal_notice_to_everyone(client):
    m = await build_market(client)
    job = await ok(await client.post("/v1/jobs", headers=m.customer.headers, json=job_body()), 201)
    scam = "Message me on whatsapp, cheaper outside the app"
    comment = await ok(await client.post(f"/v1/jobs/{job['id']}/comments", headers=m.crew[0].headers,
                                         json={"body": scam}), 201)
    item = await item_of(client, m.admin, "comment", comment["id"])
    assert set(item["reasons"]) == {"off_platform_payment", "contact_before_booking"}
    phone = Replica(m.customer)
    await flush(client)
    await phone.catch_up(client)
    assert phone.rows[("job_comments", comment["id"])]["body"] == scam
    await decide(client, m.admin, item["id"], "hide", "Contact details before a booking.")
    for reader in (m.customer, m.crew[1]):  # the thread's readers: the customer, another serviceman
        thread = await ok(await client.get(f"/v1/jobs/{job['id']}/comments", headers=reader.headers))
        assert [c["body"] for c in thread["items"]] == [REMOVED_NOTICE]
    await flush(client)
    await phone.catch_up(client)
    assert phone.rows[("job_comments", comment["id"])]["body"] == REMOVED_NOTICE
    notice = next(n for n in await notices(client, m.crew[0]) if n["kind"] == "moderation.hide")
    assert notice["title"] == "Your comment was hidden" and notice["entity_id"] == comment["id"]
    assert notice["data"]["reason"] == "Contact details before a booking."
