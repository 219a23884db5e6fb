"""Matching: candidates are servicemen covering the point (own or organisation zones) in a
related category; they are ranked by availability, Bayesian rating, experience and distance,
and every score comes with the factors that produced it."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from uuid import UUID

from hypothesis import given
from hypothesis import strategies as st

from domain.catalog.taxonomy import ensure_reference_data
from domain.matching import scoring
from domain.matching.services import best_available
from domain.profiles.models import ServicemanProfile
from domain.scheduling.models import Schedule
from tests.support.identity import Account, join_org, make_admin, register

# Zone "Centre" covers lng 13.3-13.5, lat 52.4-52.6; "Far" is elsewhere.
CENTRE = [[[13.3, 52.4], [13.5, 52.4], [13.5, 52.6], [13.3, 52.6], [13.3, 52.4]]]
FAR = [[[2.2, 48.8], [2.4, 48.8], [2.4, 48.9], [2.2, 48.8]]]
POINT = {"lat": 52.5, "lng": 13.4}
CATEGORY = "plumbing.leak-repair"
ALWAYS_OPEN = [{"weekday": d, "start": "00:00", "end": "24:00"} for d in range(7)]


@dataclass
class World:
    customer: Account
    top: Account  # 100 reviews of 4.8, 50 jobs, near, free
    one_review: Account  # 1 review of 5, near, free
    crew: Account  # covered through their organisation's zone, lists the parent category
    busy: Account  # perfect record but no working hours: never free
    wrong_trade: Account
    elsewhere: Account


async def serviceman(client, zone_ids: list[str], categories: list[str], *, rating=(0, 0), jobs=0,
                     home=(52.505, 13.405), free=True) -> Account:
    account = await register(client, "serviceman")
    saved = await client.put(f"/v1/servicemen/{account.id}/profile", headers=account.headers,
                             json={"bio": "", "category_ids": categories, "home_lat": home[0] if home else None,
                                   "home_lng": home[1] if home else None})
    assert saved.status == 200, await saved.text()
    if zone_ids:
        placed = await client.put(f"/v1/servicemen/{account.id}/zones", headers=account.headers,
                                  json={"zone_ids": zone_ids})
        assert placed.status == 200
    # What reviews and completed bookings would have written.
    await ServicemanProfile.filter(user_id=account.id).update(rating_sum=rating[0], rating_count=rating[1],
                                                              completed_jobs=jobs)
    if free:
        await Schedule.create(user_id=account.id, timezone="UTC", weekly=ALWAYS_OPEN)
    return account


async def build_world(client) -> World:
    await ensure_reference_data()
    admin = await make_admin(client)
    zones = {}
    for name, rings in (("Centre", CENTRE), ("Far", FAR)):
        response = await client.post("/v1/zones", headers=admin.headers,
                                     json={"name": name, "city": "Berlin", "geometry": {"type": "Polygon",
                                                                                        "coordinates": rings}})
        zones[name] = (await response.json())["id"]
    centre, far = zones["Centre"], zones["Far"]
    top = await serviceman(client, [centre], [CATEGORY], rating=(480, 100), jobs=50)
    one_review = await serviceman(client, [centre], [CATEGORY], rating=(5, 1))
    crew = await serviceman(client, [], ["plumbing"], home=None)
    busy = await serviceman(client, [centre], [CATEGORY], rating=(500, 100), jobs=100, free=False)
    wrong_trade = await serviceman(client, [centre], ["electrical"], rating=(500, 100))
    elsewhere = await serviceman(client, [far], [CATEGORY], rating=(500, 100))
    provider = await register(client, "provider")
    org = await (await client.post("/v1/orgs", headers=provider.headers, json={"name": "Pipes"})).json()
    await join_org(client, provider, org["id"], crew)
    await client.put(f"/v1/orgs/{org['id']}/zones", headers=provider.headers, json={"zone_ids": [centre]})
    return World(await register(client, "customer"), top, one_review, crew, busy, wrong_trade, elsewhere)


def next_monday_10() -> datetime:
    today = datetime.now(UTC).replace(hour=10, minute=0, second=0, microsecond=0)
    return today + timedelta(days=7 - today.weekday())


async def test_candidates_are_ranked_and_explained(client):
    w = await build_world(client)
    start = next_monday_10()
    response = await client.post("/v1/matching/candidates", headers=w.customer.headers, json={
        "category_id": CATEGORY, **POINT, "start": start.isoformat(), "end": (start + timedelta(hours=2)).isoformat()})
    assert response.status == 200, await response.text()
    body = await response.json()
    ranked = [c["serviceman_id"] for c in body["candidates"]]
    # Out of zone and wrong trade are not candidates at all; the rest rank by their factors.
    assert ranked == [w.top.id, w.one_review.id, w.crew.id, w.busy.id]
    by_id = {c["serviceman_id"]: c for c in body["candidates"]}
    for candidate in body["candidates"]:
        factors = candidate["factors"]
        assert set(factors) == set(scoring.WEIGHTS)
        assert math.isclose(sum(f["contribution"] for f in factors.values()), candidate["score"], abs_tol=1e-5)
        for f in factors.values():
            assert math.isclose(f["contribution"], f["normalized"] * f["weight"], abs_tol=1e-5)
    top, one, crew, busy = (by_id[i]["factors"] for i in ranked)
    assert top["rating"]["value"] > one["rating"]["value"]  # 100 x 4.8 beats 1 x 5 (Bayesian)
    assert (crew["zone_coverage"]["value"], crew["category"]["value"]) == ("organisation", "broader")
    # Home 0.7 km away: measured from the public area (about 1 km cells) in 0.5 km steps.
    assert crew["distance"]["value"] is None and top["distance"]["value"] in (0.5, 1.0, 1.5)
    assert (busy["availability"]["value"], top["availability"]["value"]) == (False, True)
    assert top["completed_jobs"]["value"] == 50
    assert body["window_start"].startswith(start.strftime("%Y-%m-%dT10:00"))

    limited = await client.post("/v1/matching/candidates", headers=w.customer.headers,
                                json={"category_id": CATEGORY, **POINT, "limit": 2})
    assert [c["serviceman_id"] for c in (await limited.json())["candidates"]] == [w.top.id, w.one_review.id]
    nowhere = await client.post("/v1/matching/candidates", headers=w.customer.headers,
                                json={"category_id": CATEGORY, "lat": -33.9, "lng": 18.4})
    assert (await nowhere.json())["candidates"] == []


async def test_matching_requests_are_checked(client):
    w = await build_world(client)
    url = "/v1/matching/candidates"
    assert (await client.post(url, json={"category_id": CATEGORY, **POINT})).status == 401
    refused = await client.post(url, headers=w.top.headers, json={"category_id": CATEGORY, **POINT})
    assert refused.status == 403
    start = next_monday_10().isoformat()
    for bad, field in (({"category_id": "alchemy"}, "category_id"), ({"start": start}, "end"),
                       ({"lat": 91}, "lat"), ({"end": start, "start": start}, "end")):
        response = await client.post(url, headers=w.customer.headers, json={"category_id": CATEGORY, **POINT, **bad})
        problem = await response.json()
        assert response.status == 422 and problem["code"] == "validation_failed", problem
        assert field in [e["field"] for e in problem["errors"]]


async def test_best_available_picks_the_best_free_candidate(client):
    w = await build_world(client)
    start = next_monday_10()
    end = start + timedelta(hours=1)
    assert await best_available(CATEGORY, POINT["lat"], POINT["lng"], start, end) == UUID(w.top.id)
    assert await best_available(CATEGORY, POINT["lat"], POINT["lng"], None, None) == UUID(w.top.id)
    second = await best_available(CATEGORY, POINT["lat"], POINT["lng"], start, end, exclude=[UUID(w.top.id)])
    assert second == UUID(w.one_review.id)
    # Only the busy one is left: nobody free.
    everyone_but_busy = [UUID(a.id) for a in (w.top, w.one_review, w.crew)]
    assert await best_available(CATEGORY, POINT["lat"], POINT["lng"], start, end, exclude=everyone_but_busy) is None
    # The electrician lists the whole trade: a broader match for wiring; nobody gardens.
    assert await best_available("electrical.wiring", POINT["lat"], POINT["lng"], start, end) == UUID(w.wrong_trade.id)
    assert await best_available("gardening", POINT["lat"], POINT["lng"], start, end) is None


@given(st.integers(0, 5), st.integers(1, 100), st.floats(4.0, 5.0))
def test_a_few_perfect_reviews_never_beat_many_good_ones(few, many_extra, mean):
    few_perfect = scoring.bayesian_rating(5 * few, few) if few else scoring.RATING_PRIOR_MEAN
    many = 20 + many_extra
    many_good = scoring.bayesian_rating(round(mean * many), many)
    if mean >= 4.8:
        assert many_good > few_perfect
    assert 1.0 <= few_perfect <= 5.0 and 1.0 <= many_good <= 5.0


@given(st.integers(0, 10_000), st.integers(0, 10_000), st.booleans(),
       st.none() | st.floats(0, 20_000), st.sampled_from(["exact", "broader", "narrower"]))
def test_scores_stay_in_unit_range_and_add_up(rating_count, jobs, available, distance, category):
    facts = scoring.Facts("own", category, available, rating_count * 4, rating_count, jobs, distance)
    found = scoring.factors(facts)
    assert all(0.0 <= f.normalized <= 1.0 for f in found.values())
    assert 0.0 <= scoring.score(found) <= 1.0 + 1e-9
