"""Bad input to every booking, job and review route is a 4xx problem document, never a 5xx:
odd ids, NUL characters, out-of-range numbers and dates, wrong types."""

from __future__ import annotations

import uuid

from rest.routing import ROUTES
from tests.conftest import app_of
from tests.support.bookings import CENTRE, build_market, iso, job_body, ok, slot

ODD_IDS = ["not-a-uuid", "%00", str(uuid.uuid4()), "0" * 64]
ODD_VALUES = ["a\x00b", "", -1, 0, 2**63, 1e308, None, True, [], {}, "0001-01-01T00:00:00+14:00",
              "9999-12-31T23:59:59-12:00", "2030-01-01T10:10:00Z", {"amount": 2**40, "currency": "XXX"}]
FIELDS = ["service_id", "kind", "start", "lat", "lng", "serviceman_ids", "version", "reason", "rating", "text",
          "title", "description", "category_id", "budget_min", "budget_max", "desired_start", "desired_end",
          "expires_at", "amount", "proposed_start", "message", "bid_version", "body", "bid_id"]
QUERIES = ["?cursor=%00", "?cursor=MjAzMHx4", "?limit=0", "?limit=99999", "?state=nope", "?role=x", "?scope=x",
           "?zone_id=%00", "?bid_id=nope", "?cursor=" + "A" * 300]
MINE = {"bookings", "jobs", "reviews"}


async def test_no_bad_input_to_marketplace_routes_yields_a_server_error(client):
    m = await build_market(client, crew_size=1)
    routes = [r for r in app_of(client)[ROUTES] if MINE & set(r.tags)]
    assert len(routes) >= 20
    failures = []
    for route in routes:
        for odd_id in ODD_IDS:
            url = route.openapi_path.format(**{name: odd_id for name in route.path_params})
            bodies = [{field: value} for field, value in zip(FIELDS, ODD_VALUES * 2, strict=False)] if route.body else [
                None]
            for body in [*bodies[:8], {"version": 1, "rating": 3, "reason": "r\x00"}]:
                response = await client.request(route.method, url, json=body, headers=m.customer.headers)
                if response.status >= 500:
                    failures.append((route.method, url, body, response.status))
        if route.method == "GET" and route.query is not None:
            for query in QUERIES:
                url = route.openapi_path.format(**{name: str(uuid.uuid4()) for name in route.path_params})
                response = await client.get(url + query, headers=m.customer.headers)
                if response.status >= 500:
                    failures.append((route.method, url + query, None, response.status))
    # A valid body with one field made odd at a time, so the domain code runs on it too.
    job = await ok(await client.post("/v1/jobs", headers=m.customer.headers, json=job_body()), 201)
    booking_body = {"service_id": m.service_id, "kind": "scheduled", "start": iso(slot(100)), "lat": CENTRE[0],
                    "lng": CENTRE[1], "serviceman_ids": [m.crew[0].id]}
    bid_body = {"amount": {"amount": 100, "currency": "USD"}, "proposed_start": iso(slot(90))}
    for path, who, valid in (("/v1/bookings", m.customer, booking_body), ("/v1/jobs", m.customer, job_body()),
                             (f"/v1/jobs/{job['id']}/bids", m.crew[0], bid_body)):
        for field in valid:
            for value in ODD_VALUES:
                body = {**valid, field: value}
                response = await client.post(path, headers=who.headers, json=body)
                if response.status >= 500:
                    failures.append(("POST", path, body, response.status))
    assert not failures, failures[:5]
