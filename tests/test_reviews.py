"""Reviews over HTTP: who may review and when, once each; reporting; an admin hiding a review
takes it out of listings and of every rating aggregate."""

from __future__ import annotations

from tests.support.bookings import act, book, build_market, iso, ok, slot
from tests.support.identity import register


async def _code(response, status: int) -> str:
    assert response.status == status, await response.text()
    return str((await response.json())["code"])


async def _completed(client, m, serviceman_ids, hours=48):
    booking = await ok(await book(client, m, serviceman_ids=serviceman_ids, start=iso(slot(hours))), 201)
    lead = next(a for a in [*m.crew] if a.id == serviceman_ids[0])
    for action in ("accept", "schedule", "start", "complete"):
        booking = await ok(await act(client, lead, booking, action))
    return booking


async def test_who_may_review_and_when(client):
    m = await build_market(client)
    ana, ben = m.crew
    pending = await ok(await book(client, m, serviceman_ids=[ana.id]), 201)
    url = f"/v1/bookings/{pending['id']}/reviews"
    assert await _code(await client.post(url, headers=m.customer.headers, json={"rating": 5}), 409) == "conflict"

    done = await _completed(client, m, [ana.id, ben.id], hours=60)
    url = f"/v1/bookings/{done['id']}/reviews"
    assert await _code(await client.post(url, headers=ben.headers, json={"rating": 5}), 403) == "forbidden"  # not lead
    assert await _code(await client.post(url, headers=m.provider.headers, json={"rating": 5}), 403) == "forbidden"
    stranger = await register(client, "customer")
    assert await _code(await client.post(url, headers=stranger.headers, json={"rating": 5}), 404) == "not_found"
    assert await _code(await client.post(url, headers=m.customer.headers, json={"rating": 6}), 422) == \
        "validation_failed"
    review = await ok(await client.post(url, headers=m.customer.headers, json={"rating": 3, "text": "ok"}), 201)
    assert (review["author_id"], review["subject_id"]) == (m.customer.id, ana.id)
    about_customer = await ok(await client.post(url, headers=ana.headers, json={"rating": 5}), 201)
    assert about_customer["subject_id"] == m.customer.id
    assert await _code(await client.post(url, headers=ana.headers, json={"rating": 1}), 409) == "conflict"
    # Only the customer's review counts towards the serviceman, provider and service.
    profile = await ok(await client.get(f"/v1/servicemen/{ana.id}/profile", headers=m.customer.headers))
    assert (profile["rating"], profile["rating_count"]) == (3.0, 1)
    assert (await ok(await client.get(f"/v1/storefronts/{m.org_id}")))["rating_count"] == 1


async def test_report_then_hide_removes_a_review_from_listings_and_aggregates(client):
    m = await build_market(client)
    ana = m.crew[0]
    first = await _completed(client, m, [ana.id], hours=40)
    second = await _completed(client, m, [ana.id], hours=44)
    unfair = await ok(await client.post(f"/v1/bookings/{first['id']}/reviews", headers=m.customer.headers,
                                        json={"rating": 1, "text": "rude"}), 201)
    await ok(await client.post(f"/v1/bookings/{second['id']}/reviews", headers=m.customer.headers,
                               json={"rating": 5}), 201)
    profile_url = f"/v1/servicemen/{ana.id}/profile"
    assert (await ok(await client.get(profile_url, headers=ana.headers)))["rating"] == 3.0

    report = f"/v1/reviews/{unfair['id']}/report"
    assert await _code(await client.post(report, headers=m.crew[1].headers, json={"reason": "x"}), 403) == \
        "forbidden"
    assert await _code(await client.post(report, headers=m.customer.headers, json={"reason": "x"}), 403) == \
        "forbidden"  # the author does not report their own review
    reported = await ok(await client.post(report, headers=ana.headers, json={"reason": "never happened"}))
    assert reported["reported"] is True
    assert await _code(await client.post(f"/v1/reviews/{unfair['id']}/hide", headers=ana.headers), 403) == \
        "forbidden"
    hidden = await ok(await client.post(f"/v1/reviews/{unfair['id']}/hide", headers=m.admin.headers))
    assert hidden["hidden"] is True
    again = await ok(await client.post(f"/v1/reviews/{unfair['id']}/hide", headers=m.admin.headers))
    assert again["version"] == hidden["version"]  # hiding twice changes nothing

    profile = await ok(await client.get(profile_url, headers=ana.headers))
    assert (profile["rating"], profile["rating_count"]) == (5.0, 1)
    storefront = await ok(await client.get(f"/v1/storefronts/{m.org_id}"))
    service = await ok(await client.get(f"/v1/services/{m.service_id}"))
    assert (storefront["rating"], service["rating"], service["rating_count"]) == (5.0, 5.0, 1)
    public = await ok(await client.get(f"/v1/servicemen/{ana.id}/reviews"))
    assert [r["rating"] for r in public["items"]] == [5]
    assert await _code(await client.get(f"/v1/reviews/{unfair['id']}/report"), 405) == "method_not_allowed"
    assert await _code(await client.get("/v1/servicemen/nope/reviews"), 404) == "not_found"
