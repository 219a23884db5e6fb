"""Idempotency-Key on REST POSTs (issue 13, item 9), over HTTP on real PostgreSQL: a retried
request gets the first response and never runs twice (docs/idempotency.md). When our own side
fails (a 5xx, a crash, a stuck attempt): tests/test_idempotency_failures.py."""

from __future__ import annotations

import asyncio
import uuid
from datetime import timedelta
from typing import Any

import aiohttp
import pytest
from aiohttp.test_utils import TestClient

from app.jobs import expire_idempotency_keys
from domain.bookings.models import Booking
from domain.jobs.models import Job
from domain.shared.clock import utcnow
from domain.shared.idempotency import IdempotencyRecord
from tests.support.bookings import CENTRE, Market, act, build_market, iso, job_body, ok, slot
from tests.support.identity import Account, register

KEY = "Idempotency-Key"
REPLAYED = "Idempotent-Replayed"


def booking_body(market: Market, hours_ahead: int = 48, **overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {"service_id": market.service_id, "kind": "scheduled", "start": iso(slot(hours_ahead)),
                            "lat": CENTRE[0], "lng": CENTRE[1], "serviceman_ids": [market.crew[0].id]}
    body.update(overrides)
    return body


async def post_booking(client: TestClient, who: Account, key: str | None,
                       body: dict[str, Any]) -> aiohttp.ClientResponse:
    headers = {**who.headers, **({KEY: key} if key is not None else {})}
    return await client.post("/v1/bookings", headers=headers, json=body)


async def bookings_of(who: Account) -> int:
    return await Booking.filter(customer_id=who.id).count()


async def test_twenty_identical_requests_at_once_make_one_booking_and_twenty_identical_bodies(make_client):
    client = await make_client()
    m = await build_market(client)
    key = str(uuid.uuid4())
    body = booking_body(m)

    async def attempt() -> tuple[int, bytes, str | None]:
        response = await post_booking(client, m.customer, key, body)
        return response.status, await response.read(), response.headers.get(REPLAYED)

    results = await asyncio.gather(*(attempt() for _ in range(20)))
    assert {status for status, _, _ in results} == {201}
    assert len({raw for _, raw, _ in results}) == 1  # byte for byte
    assert sorted(replayed or "-" for _, _, replayed in results) == ["-"] + ["true"] * 19  # one ran
    assert await bookings_of(m.customer) == 1

    # After completion: the same answer again, marked as a replay; the booking is not made again.
    again = await post_booking(client, m.customer, key, body)
    assert again.status == 201 and again.headers[REPLAYED] == "true"
    assert await again.read() == results[0][1]
    assert await bookings_of(m.customer) == 1
    # A new key is a new request.
    fresh = await ok(await post_booking(client, m.customer, str(uuid.uuid4()), booking_body(m, 50)), 201)
    assert fresh["id"] != (await again.json())["id"]
    assert await bookings_of(m.customer) == 2


async def test_accepting_a_bid_ten_times_at_once_awards_it_once_and_answers_alike(make_client):
    client = await make_client()
    m = await build_market(client)
    job = await ok(await client.post("/v1/jobs", headers=m.customer.headers, json=job_body()), 201)
    bid = await ok(await client.post(f"/v1/jobs/{job['id']}/bids", headers=m.crew[0].headers,
                                     json={"amount": {"amount": 9000, "currency": "USD"}}), 201)
    url = f"/v1/jobs/{job['id']}/bids/{bid['id']}/accept"
    headers = {**m.customer.headers, KEY: "accept-once"}

    async def attempt() -> tuple[int, bytes]:
        response = await client.post(url, headers=headers, json={})
        return response.status, await response.read()

    results = await asyncio.gather(*(attempt() for _ in range(10)))
    assert {status for status, _ in results} == {201}
    assert len({raw for _, raw in results}) == 1
    assert await Booking.filter(job_id=job["id"]).count() == 1
    # Without the key, a retry of the same acceptance is refused: the client would not know it won.
    assert (await client.post(url, headers=m.customer.headers, json={})).status == 409


async def test_a_key_reused_for_another_body_or_route_is_refused_and_nothing_is_made(make_client):
    client = await make_client()
    m = await build_market(client)
    key = "order-7"
    first = await ok(await post_booking(client, m.customer, key, booking_body(m)), 201)

    other_body = await post_booking(client, m.customer, key, booking_body(m, 52))
    assert other_body.status == 422
    assert other_body.content_type == "application/problem+json"
    problem = await other_body.json()
    assert problem["code"] == "idempotency_key_reused"
    assert problem["type"].endswith("/idempotency_key_reused")
    assert await bookings_of(m.customer) == 1

    other_route = await client.post("/v1/jobs", headers={**m.customer.headers, KEY: key}, json=job_body())
    assert other_route.status == 422
    assert (await other_route.json())["code"] == "idempotency_key_reused"
    assert await Job.filter(customer_id=m.customer.id).count() == 0

    # The original still replays.
    replay = await post_booking(client, m.customer, key, booking_body(m))
    assert (await replay.json())["id"] == first["id"]

    # Key order and spacing of the JSON do not make another request: the validated body counts.
    reordered = dict(reversed(list(booking_body(m).items())))
    assert (await ok(await post_booking(client, m.customer, key, reordered), 201))["id"] == first["id"]


async def test_keys_are_per_user(make_client):
    client = await make_client()
    m = await build_market(client)
    other = await register(client, "customer", name="Olga")
    key = "same-key"
    mine = await ok(await post_booking(client, m.customer, key, booking_body(m)), 201)
    # (Another slot: the first is taken. Were keys global, this would be 422 idempotency_key_reused.)
    theirs = await post_booking(client, other, key, booking_body(m, 52))
    assert theirs.status == 201 and REPLAYED not in theirs.headers
    assert (await theirs.json())["id"] != mine["id"]
    assert await bookings_of(m.customer) == 1 and await bookings_of(other) == 1


async def test_an_expired_key_runs_anew_and_the_sweep_deletes_it(make_client):
    client = await make_client()
    m = await build_market(client)
    key = "yesterday"
    body = booking_body(m)
    first = await ok(await post_booking(client, m.customer, key, body), 201)
    await ok(await act(client, m.customer, first, "cancel"))  # so the same slot may be asked for again
    # A day and a bit later (moved back in the store, not waited for):
    await IdempotencyRecord.filter(key=key).update(created_at=utcnow() - timedelta(hours=24, minutes=1))

    second = await post_booking(client, m.customer, key, body)
    assert second.status == 201 and REPLAYED not in second.headers
    assert (await second.json())["id"] != first["id"]
    assert await bookings_of(m.customer) == 2

    # The expiry job deletes what is older than 24 h, and only that.
    await IdempotencyRecord.filter(key=key).update(created_at=utcnow() - timedelta(hours=25))
    await ok(await post_booking(client, m.customer, "today", booking_body(m, 54)), 201)
    assert await expire_idempotency_keys() == 1
    assert [r.key for r in await IdempotencyRecord.all()] == ["today"]


async def test_a_refusal_is_replayed_even_once_the_request_would_succeed(make_client):
    """A 4xx from the handler is final for its key: the client that retries the same request
    (a lost response) must learn what happened to it, not have it succeed minutes later when
    the state changed. Trying again is a new request with a new key."""
    client = await make_client(booking_open_requests_per_customer=1)
    m = await build_market(client)
    first = await ok(await post_booking(client, m.customer, "a", booking_body(m)), 201)
    refused = await post_booking(client, m.customer, "b", booking_body(m, 52))
    assert refused.status == 409
    refusal = await refused.read()

    await ok(await act(client, m.customer, first, "cancel"))  # now a booking would be allowed
    replayed = await post_booking(client, m.customer, "b", booking_body(m, 52))
    assert replayed.status == 409 and replayed.headers[REPLAYED] == "true"
    assert replayed.content_type == "application/problem+json"
    assert await replayed.read() == refusal
    assert await bookings_of(m.customer) == 1
    await ok(await post_booking(client, m.customer, "c", booking_body(m, 52)), 201)


async def test_requests_refused_before_the_handler_are_not_recorded(make_client):
    client = await make_client()
    m = await build_market(client)
    bad = await post_booking(client, m.customer, "k1", {**booking_body(m), "kind": "someday"})
    assert bad.status == 422 and (await bad.json())["code"] == "validation_failed"
    assert await IdempotencyRecord.all().count() == 0
    # So the key is still free for the corrected request.
    await ok(await post_booking(client, m.customer, "k1", booking_body(m)), 201)


@pytest.mark.parametrize("key", ["", "x" * 256, "with space", "tab\tkey", "é"])
async def test_a_malformed_key_is_a_400_problem(make_client, key):
    client = await make_client()
    customer = await register(client, "customer")
    response = await client.post("/v1/orgs", headers={**customer.headers, KEY: key.encode().decode("latin-1")},
                                 json={"name": "Acme"})
    assert response.status == 400
    assert (await response.json())["code"] == "idempotency_key_invalid"


async def test_the_longest_key_is_accepted_and_unauthenticated_posts_ignore_the_header(make_client):
    client = await make_client()
    provider = await register(client, "provider")
    longest = "k" * 255
    org = await ok(await client.post("/v1/orgs", headers={**provider.headers, KEY: longest}, json={"name": "A"}), 201)
    again = await client.post("/v1/orgs", headers={**provider.headers, KEY: longest}, json={"name": "A"})
    assert again.headers[REPLAYED] == "true" and (await again.json())["id"] == org["id"]
    # Sign-up: tokens are never replayed to anyone, the header is not looked at.
    body = {"email": "new@example.com", "password": "correct horse battery", "name": "N", "role": "customer"}
    assert (await client.post("/v1/auth/register", headers={KEY: "signup"}, json=body)).status == 201
    second = await client.post("/v1/auth/register", headers={KEY: "signup"}, json=body)
    assert second.status == 409 and REPLAYED not in second.headers


WITHOUT_THE_HEADER = {
    # reads
    "/v1/sync/pull", "/v1/matching/candidates", "/ofrep/v1/evaluate/flags", "/ofrep/v1/evaluate/flags/{key}",
    # carries its own ids (each mutation is applied once)
    "/v1/sync/push",
    # spend a one-time code, or mint a token, a TOTP secret or recovery codes
    "/v1/auth/step-up", "/v1/me/mfa/totp", "/v1/me/mfa/totp/confirm", "/v1/me/mfa/recovery-codes",
    "/v1/me/mfa/disable",
}


async def test_openapi_documents_the_header_on_every_post_that_honours_it(client):
    spec = await ok(await client.get("/v1/openapi.json"))
    honoured = []
    for path, operations in spec["paths"].items():
        post = operations.get("post")
        if post is None:
            continue
        names = [p["name"] for p in post.get("parameters", []) if p["in"] == "header"]
        if KEY in names:
            honoured.append(path)
            assert "idempotency_key_reused" in post["responses"]["422"]["description"]
            assert "idempotency_key_invalid" in post["responses"]["400"]["description"]
            assert "idempotency_key_in_progress" in post["responses"]["409"]["description"]
            success = next(v for k, v in post["responses"].items() if k.startswith("2"))
            assert REPLAYED in success["headers"]
        else:
            # Only public POSTs (security: []), the few that read or carry their own ids, and those
            # that mint a token or a secret (never stored for a replay) go without.
            assert post["security"] == [] or path in WITHOUT_THE_HEADER
    assert {"/v1/bookings", "/v1/jobs/{job_id}/bids/{bid_id}/accept", "/v1/bookings/{booking_id}/accept"} \
        <= set(honoured)
    assert "/v1/auth/login" not in honoured



async def test_browsers_may_send_the_key_and_read_the_replay_header(client):
    origin = "https://app.fieldsync.test"
    preflight = await client.options("/v1/bookings", headers={
        "Origin": origin, "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "authorization, content-type, idempotency-key"})
    assert preflight.status == 204
    assert "Idempotency-Key" in preflight.headers["Access-Control-Allow-Headers"]
    answer = await client.get("/v1/openapi.json", headers={"Origin": origin})
    assert REPLAYED in answer.headers["Access-Control-Expose-Headers"]
