"""Hiding a scam bid, a storefront's text and a profile's bio (issue 15): an admin's `hide`
takes the words out of what other users read over REST and sync, and the author is told why."""

from __future__ import annotations

from domain.shared.moderation import REMOVED_NOTICE
from tests.support.bookings import build_market, job_body, ok
from tests.support.payments import problem
from tests.support.safety import decide, item_of, notices, report
from tests.support.sync import Replica, flush


async def _hide_notice(client, author, kind: str, entity_id: str) -> dict:
    return next(n for n in await notices(client, author)
                if n["kind"] == "moderation.hide" and n["entity_type"] == kind and n["entity_id"] == entity_id)


async def test_a_scam_bid_hidden_is_rejected_and_its_message_removed_for_the_customer(client):
    m = await build_market(client)
    bidder = m.crew[0]
    job = await ok(await client.post("/v1/jobs", headers=m.customer.headers, json=job_body()), 201)
    scam = "Cheaper if you send it by western union"
    bid = await ok(await client.post(f"/v1/jobs/{job['id']}/bids", headers=bidder.headers, json={
        "amount": {"amount": 7000, "currency": "USD"}, "message": scam}), 201)
    item = await item_of(client, m.admin, "bid", bid["id"])
    phone = Replica(m.customer)
    await flush(client)
    await phone.catch_up(client)
    assert phone.rows[("bids", bid["id"])]["message"] == scam

    await decide(client, m.admin, item["id"], "hide", "Asks for a wire transfer.")
    await flush(client)
    await phone.catch_up(client)
    row = phone.rows[("bids", bid["id"])]
    assert row["message"] == REMOVED_NOTICE and row["state"] == "rejected"
    accepting = await client.post(f"/v1/jobs/{job['id']}/bids/{bid['id']}/accept", headers=m.customer.headers,
                                  json={})
    await problem(accepting, 409, "conflict")
    notice = await _hide_notice(client, bidder, "bid", bid["id"])
    assert notice["title"] == "Your bid was hidden" and notice["data"]["reason"] == "Asks for a wire transfer."


async def test_a_storefront_hidden_loses_its_text_and_links_for_visitors(client):
    m = await build_market(client)
    await ok(await client.put(f"/v1/orgs/{m.org_id}/storefront", headers=m.provider.headers, json={
        "headline": "Gift card deals", "bio": "Pay upfront by gift card for a discount.",
        "social_links": {"website": "https://paypal-secure-login.com/pipes"}}))
    item = await item_of(client, m.admin, "storefront", m.org_id)
    await decide(client, m.admin, item["id"], "hide", "A phishing link.")
    front = await ok(await client.get(f"/v1/storefronts/{m.org_id}", headers=m.customer.headers))
    text = str(front)
    assert "gift card" not in text and "paypal-secure-login" not in text and "Gift card deals" not in text
    phone = Replica(m.customer)
    await flush(client)
    await phone.catch_up(client)
    synced = [row for (name, _), row in phone.rows.items() if name == "storefronts"
              and row["organisation_id"] == m.org_id]
    assert synced and synced[0]["bio"] == "" and synced[0]["headline"] == "" and not synced[0]["social_links"]
    notice = await _hide_notice(client, m.provider, "storefront", m.org_id)
    assert notice["data"]["reason"] == "A phishing link."


async def test_a_reported_profile_hidden_loses_its_bio_and_a_user_without_one_cannot_be_hidden(client):
    m = await build_market(client)
    scammer = m.crew[0]
    bio = "Text me first, I only take bank transfers to my personal account."
    await ok(await client.put(f"/v1/servicemen/{scammer.id}/profile", headers=scammer.headers, json={"bio": bio}))
    filed = await report(client, m.customer, "user", scammer.id, "scam", note="asks for bank transfers")
    await decide(client, m.admin, filed["item_id"], "hide", "Payment outside the app.")
    profile = await ok(await client.get(f"/v1/servicemen/{scammer.id}/profile", headers=m.customer.headers))
    assert profile["bio"] == ""
    phone = Replica(m.customer)
    await flush(client)
    await phone.catch_up(client)
    assert all(row["bio"] != bio for (name, _), row in phone.rows.items() if name == "serviceman_profiles")
    notice = await _hide_notice(client, scammer, "user", scammer.id)
    assert notice["title"] == "Your profile was hidden" and notice["data"]["reason"] == "Payment outside the app."

    customer_report = await report(client, scammer, "user", m.customer.id, "spam")
    refused = await decide(client, m.admin, customer_report["item_id"], "hide", "Spam.", status=409)
    await problem(refused, 409, "conflict")
