"""The marketplace end to end over HTTP only (issue 4, acceptance 1): a customer posts a job,
two servicemen in its zone bid, one outside the zone cannot, the customer accepts a bid, the
booking runs to completion, both sides review, and the rating aggregates move."""

from __future__ import annotations

from tests.support.bookings import act, book, build_market, iso, job_body, ok, slot


async def test_job_to_bids_to_booking_to_reviews(client):
    m = await build_market(client)
    ana, ben = m.crew  # plumbers of the provider, working in the job's zone
    customer = m.customer
    start = slot(50)

    # The customer posts a job; servicemen whose zones and trades match see it in their feed.
    posted = await ok(await client.post("/v1/jobs", headers=customer.headers, json=job_body(
        desired_start=iso(start), desired_end=iso(start.replace(minute=30)))), 201)
    job_id = posted["id"]
    assert posted["state"] == "open" and posted["zone_id"] == m.zone_id
    feed = await ok(await client.get("/v1/jobs?scope=open", headers=ana.headers))
    assert [j["id"] for j in feed["items"]] == [job_id]
    assert (await ok(await client.get("/v1/jobs?scope=open", headers=m.outsider.headers)))["items"] == []

    # Two servicemen in the zone bid; the outsider is refused with a reason (403).
    ana_bid = await ok(await client.post(f"/v1/jobs/{job_id}/bids", headers=ana.headers, json={
        "amount": {"amount": 9000, "currency": "USD"}, "message": "Today", "proposed_start": iso(start)}), 201)
    ben_bid = await ok(await client.post(f"/v1/jobs/{job_id}/bids", headers=ben.headers, json={
        "amount": {"amount": 8500, "currency": "USD"}}), 201)
    outside = await client.post(f"/v1/jobs/{job_id}/bids", headers=m.outsider.headers,
                                json={"amount": {"amount": 100, "currency": "USD"}})
    assert outside.status == 403
    refusal = await outside.json()
    assert refusal["code"] == "forbidden" and "zone" in refusal["detail"]

    # A question and an answer on the job; bidders see only their own bid, the customer all.
    await ok(await client.post(f"/v1/jobs/{job_id}/comments", headers=ben.headers,
                               json={"body": "Is the shut-off valve accessible?"}), 201)
    await ok(await client.post(f"/v1/jobs/{job_id}/comments", headers=customer.headers,
                               json={"body": "Yes, under the sink."}), 201)
    thread = await ok(await client.get(f"/v1/jobs/{job_id}/comments", headers=ana.headers))
    assert [c["author_id"] for c in thread["items"]] == [ben.id, customer.id]
    assert [b["id"] for b in (await ok(await client.get(f"/v1/jobs/{job_id}", headers=ana.headers)))["bids"]] == [
        ana_bid["id"]]
    seen = await ok(await client.get(f"/v1/jobs/{job_id}", headers=customer.headers))
    assert {b["id"] for b in seen["bids"]} == {ana_bid["id"], ben_bid["id"]} and seen["active_bids"] == 2

    # Accepting Ana's bid awards the job, rejects Ben's and creates the booking at her price.
    accepted = await ok(await client.post(f"/v1/jobs/{job_id}/bids/{ana_bid['id']}/accept",
                                          headers=customer.headers, json={"bid_version": ana_bid["version"]}), 201)
    booking = accepted["booking"]
    assert accepted["job"]["state"] == "awarded" and accepted["bid"]["state"] == "accepted"
    assert booking["price"] == {"amount": 9000, "currency": "USD"} and booking["job_id"] == job_id
    assert booking["crew"] == [{"serviceman_id": ana.id, "lead": True}]
    assert booking["scheduled_start"] == iso(start) and booking["state"] == "requested"
    bens = await ok(await client.get(f"/v1/jobs/{job_id}", headers=ben.headers))
    assert bens["bids"][0]["state"] == "rejected" and bens["can_bid"] is False

    # The booking runs to completion, each step by the assigned serviceman.
    for action in ("accept", "schedule", "start", "complete"):
        booking = await ok(await act(client, ana, booking, action))
    assert booking["state"] == "completed"

    # Both sides review once; the serviceman's rating and record move.
    await ok(await client.post(f"/v1/bookings/{booking['id']}/reviews", headers=customer.headers,
                               json={"rating": 4, "text": "Quick and tidy"}), 201)
    await ok(await client.post(f"/v1/bookings/{booking['id']}/reviews", headers=ana.headers,
                               json={"rating": 5, "text": "Clear instructions"}), 201)
    again = await client.post(f"/v1/bookings/{booking['id']}/reviews", headers=customer.headers,
                              json={"rating": 1})
    assert again.status == 409
    profile = await ok(await client.get(f"/v1/servicemen/{ana.id}/profile", headers=customer.headers))
    assert (profile["rating"], profile["rating_count"], profile["completed_jobs"]) == (4.0, 1, 1)
    public = await ok(await client.get(f"/v1/servicemen/{ana.id}/reviews"))
    assert [(r["rating"], r["author_id"]) for r in public["items"]] == [(4, customer.id)]

    # A booked provider service: the organisation's and the service's ratings move too.
    direct = await ok(await book(client, m, serviceman_ids=[ben.id], start=iso(slot(80))), 201)
    for action in ("accept", "schedule", "start", "complete"):
        direct = await ok(await act(client, ben, direct, action))
    await ok(await client.post(f"/v1/bookings/{direct['id']}/reviews", headers=customer.headers,
                               json={"rating": 5}), 201)
    storefront = await ok(await client.get(f"/v1/storefronts/{m.org_id}"))
    assert (storefront["rating"], storefront["rating_count"]) == (5.0, 1)
    service = await ok(await client.get(f"/v1/services/{m.service_id}"))
    assert (service["rating"], service["rating_count"]) == (5.0, 1)
    ben_profile = await ok(await client.get(f"/v1/servicemen/{ben.id}/profile", headers=customer.headers))
    assert (ben_profile["rating"], ben_profile["completed_jobs"]) == (5.0, 1)
