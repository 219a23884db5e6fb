"""A REST request's rate limit and revocation check in one Redis round trip (infra/request_gate.py):
the budgets count as `RateLimiter.hit_all` counts them, the revocation verdict is the store's,
and a Redis outage leaves both to their in-process fallbacks."""

from __future__ import annotations

import secrets
import time
from datetime import UTC, datetime

import pytest
from redis.asyncio import Redis

from app.bootstrap import CONTAINER
from domain.accounts.revocation import Revocation
from domain.accounts.tokens import AccessClaims
from domain.shared.ratelimit import MemoryRateLimiter
from infra.dependencies import RedisHealth
from infra.ratelimit import RedisRateLimiter, ResilientRateLimiter
from infra.request_gate import RedisRequestGate
from infra.revocations import RedisRevocationStore
from infra.revocations_fallback import ResilientRevocationStore
from rest.deps import REST_DEPS
from tests.conftest import app_of
from tests.support.identity import register


def claims_of(user_id: str, session_id: str | None, issued_at_ms: int) -> AccessClaims:
    now = datetime.now(UTC)
    return AccessClaims(user_id=user_id, roles=("customer",), token_id=secrets.token_hex(4), session_id=session_id,
                        issued_at=now, expires_at=now, issued_at_ms=issued_at_ms)


async def _never_revoked(_family: str) -> bool:
    return False


@pytest.fixture
async def redis(services):
    client = Redis.from_url(services.redis_url)
    yield client
    await client.aclose()


def gate_on(redis: Redis, prefix: str) -> tuple[RedisRequestGate, ResilientRateLimiter, RedisRevocationStore,
                                                 RedisHealth]:
    health = RedisHealth(redis)
    limiter = ResilientRateLimiter(RedisRateLimiter(redis, prefix=f"{prefix}rl:"), health)
    store = RedisRevocationStore(redis, redis, ttl_seconds=900, prefix=f"{prefix}revoked:")
    revocations = ResilientRevocationStore(store, redis, health, 900, _never_revoked, prefix=f"{prefix}revoked:")
    return RedisRequestGate(redis, limiter, revocations, health), limiter, store, health


async def test_hit_all_stops_at_the_first_budget_over_its_limit_in_memory():
    limiter = MemoryRateLimiter()
    budgets = [("user", 2), ("ip", 10)]
    assert [await limiter.hit_all(budgets, 60) for _ in range(2)] == [None, None]
    assert await limiter.hit_all(budgets, 60) is not None
    # The refused request did not count against the second budget.
    assert limiter._windows["ip"][1] == 2


async def test_hit_all_on_redis_counts_as_hit_does_in_one_call(redis):
    prefix = f"t-{secrets.token_hex(4)}:"
    limiter = RedisRateLimiter(redis, prefix=prefix)
    budgets = [("user", 2), ("ip", 3)]
    assert await limiter.hit_all(budgets, 60) is None
    assert await limiter.hit_all(budgets, 60) is None
    retry_after = await limiter.hit_all(budgets, 60)
    assert retry_after is not None and 1 <= retry_after <= 60
    assert int(await redis.get(f"{prefix}user")) == 3 and int(await redis.get(f"{prefix}ip")) == 2
    assert 0 < await redis.pttl(f"{prefix}ip") <= 60_000
    # The second budget alone refuses too, once over its own limit.
    assert await limiter.hit_all([("other", 5), ("ip", 3)], 60) is None
    assert await limiter.hit_all([("other", 5), ("ip", 3)], 60) is not None
    assert await limiter.hit_all([], 60) is None


async def test_the_gate_counts_the_budgets_and_reads_the_revocation_as_the_store_does(redis):
    prefix = f"t-{secrets.token_hex(4)}:"
    gate, _, store, _ = gate_on(redis, prefix)
    now_ms = int(time.time() * 1000)
    user, session = secrets.token_hex(4), secrets.token_hex(4)
    fresh = claims_of(user, session, now_ms)
    older = claims_of(user, None, now_ms - 10_000)
    assert await gate.admit([("u", 5)], 60, fresh) == (None, False)
    await store.revoke(Revocation(user, None, now_ms - 5_000))  # logout everywhere, between the two
    for claims in (fresh, older):
        _, revoked = await gate.admit([("u", 5)], 60, claims)
        assert revoked is await store.is_revoked(claims)
    assert (await gate.admit([("u", 5)], 60, older))[1] is True
    assert (await gate.admit([("u", 5)], 60, fresh))[1] is False
    await store.revoke(Revocation(user, session))  # logout of that session
    assert (await gate.admit([("u", 5)], 60, fresh))[1] is True
    assert await store.is_revoked(fresh)
    # Anonymous: no verdict. Over its budget: refused, the markers still read.
    assert (await gate.admit([("u", 5)], 60, None))[1] is None
    retry_after, revoked = await gate.admit([("u", 5)], 60, fresh)
    assert retry_after is not None and revoked is True
    assert int(await redis.get(f"{prefix}rl:u")) == 8  # every admission counted, refused ones too


async def test_while_redis_is_down_the_gate_counts_here_and_leaves_the_verdict_to_the_store(redis):
    prefix = f"t-{secrets.token_hex(4)}:"
    gate, limiter, _, health = gate_on(redis, prefix)
    health.failed("test", ConnectionError("down"))
    claims = claims_of(secrets.token_hex(4), None, int(time.time() * 1000))
    assert await gate.admit([("u", 1)], 60, claims) == (None, None)
    retry_after, revoked = await gate.admit([("u", 1)], 60, claims)
    assert retry_after is not None and revoked is None
    assert limiter.local._windows["u"][1] == 2  # the in-process counters, as the resilient limiter's
    assert await redis.get(f"{prefix}rl:u") is None


async def test_a_rest_request_checks_revocation_in_the_rate_limits_round_trip(make_client):
    client = await make_client()
    app = app_of(client)
    assert app[REST_DEPS].gate is not None
    account = await register(client)
    store = app[CONTAINER].revocations
    asked = []
    original = store.is_revoked

    async def counting(claims: AccessClaims) -> bool:
        asked.append(claims)
        return await original(claims)

    store.is_revoked = counting  # type: ignore[method-assign]
    assert (await client.get("/v1/me", headers=account.headers)).status == 200
    assert asked == []  # the gate read the markers; the store was not asked again


async def test_a_logout_on_another_process_refuses_the_token_here_at_once(make_client):
    here, there = await make_client(), await make_client()
    account = await register(here)
    assert (await here.get("/v1/me", headers=account.headers)).status == 200
    response = await there.post("/v1/auth/logout", json={"refresh_token": account.refresh_token})
    assert response.status == 204
    refused = await here.get("/v1/me", headers=account.headers)
    assert refused.status == 401
    assert (await here.post(f"/v1/conversations/{secrets.token_hex(16)}/messages", headers=account.headers,
                            json={"client_msg_id": "m1", "body": "hi"})).status == 401


async def test_without_redis_there_is_no_gate_and_revocation_still_holds(make_client):
    client = await make_client(redis_url=None)
    assert app_of(client)[REST_DEPS].gate is None
    account = await register(client)
    assert (await client.get("/v1/me", headers=account.headers)).status == 200
    assert (await client.post("/v1/auth/logout", json={"refresh_token": account.refresh_token})).status == 204
    assert (await client.get("/v1/me", headers=account.headers)).status == 401
