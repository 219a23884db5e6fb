"""Brute-force protection without a lockout an attacker can hand out (issue 11, item 9): failures
slow down the source they come from (account + address, or account + known device), the owner
gets in from elsewhere or from a device they used before, and is told when failures pile up."""

from __future__ import annotations

import asyncio

import pytest
from aiohttp.test_utils import TestClient

from app.bootstrap import CONTAINER
from domain.accounts.throttle import LoginThrottlePolicy
from domain.audit.models import AuditRecord
from domain.notifications.models import Notification
from domain.shared.errors import RateLimited
from push.models import PushJob
from rest.deps import REST_DEPS
from tests.conftest import app_of
from tests.support.bus import wait_until
from tests.support.identity import PASSWORD, register, unique_email
from tests.support.notifications import register_device

WRONG = "not the password!"


async def attempt(client: TestClient, email: str, password: str, ip: str, device_cookie: str | None = None) -> int:
    body = {"email": email, "password": password}
    if device_cookie is not None:
        body["device_cookie"] = device_cookie
    response = await client.post("/v1/auth/login", json=body, headers={"X-Forwarded-For": ip})
    return response.status


@pytest.mark.parametrize("limiter", ["redis", "in_process"])
async def test_hammering_from_some_addresses_slows_them_and_the_owner_gets_in_from_another(make_client, services,
                                                                                           limiter):
    redis_url = services.redis_url if limiter == "redis" else None  # counters in Redis, or in this process
    client = await make_client(trust_forwarded_for=True, login_failures_per_source=3, redis_url=redis_url)
    owner = await register(client)
    statuses = {}
    for ip in ("10.9.0.1", "10.9.0.2", "10.9.0.3"):  # 15 attempts, 12 of them verified failures
        statuses[ip] = [await attempt(client, owner.email, WRONG, ip) for _ in range(5)]
    # Three free failures, a fourth that starts a wait, then 429 (not verified, not counted).
    assert all(s == [401, 401, 401, 401, 429] for s in statuses.values()), statuses
    # The right password from a hammering address waits too: no oracle for the attacker...
    assert await attempt(client, owner.email, PASSWORD, "10.9.0.1") == 429
    # ...while the owner, from an address of their own, is not locked out.
    assert await attempt(client, owner.email, PASSWORD, "10.9.0.99") == 200


async def test_the_wait_is_a_429_with_a_retry_after_that_grows(make_client):
    client = await make_client(trust_forwarded_for=True, login_failures_per_source=1)
    owner = await register(client)
    ip = {"X-Forwarded-For": "10.9.1.1"}
    wrong = {"email": owner.email, "password": WRONG}
    assert (await client.post("/v1/auth/login", json=wrong, headers=ip)).status == 401  # free
    assert (await client.post("/v1/auth/login", json=wrong, headers=ip)).status == 401  # starts a 2 s wait
    first = await client.post("/v1/auth/login", json=wrong, headers=ip)
    assert first.status == 429 and (await first.json())["code"] == "rate_limited"
    assert 1 <= int(first.headers["Retry-After"]) <= 2
    await wait_until(lambda: _waited_out(client, owner.email, "ip:10.9.1.1"), 5, "the end of the 2 s wait")
    # Waited it out: the next failure doubles the wait.
    assert (await client.post("/v1/auth/login", json=wrong, headers=ip)).status == 401
    second = await client.post("/v1/auth/login", json=wrong, headers=ip)
    assert second.status == 429 and 3 <= int(second.headers["Retry-After"]) <= 4


async def _waited_out(client: TestClient, email: str, source: str) -> bool:
    try:
        await app_of(client)[CONTAINER].accounts.throttle.check(email, source, known_device=False)
    except RateLimited:
        return False
    return True


def test_the_delay_doubles_up_to_its_cap() -> None:
    policy = LoginThrottlePolicy(base_delay_seconds=2, max_delay_seconds=900)
    assert [policy.delay_after(n, 5) for n in range(4, 10)] == [0, 0, 2, 4, 8, 16]
    assert policy.delay_after(40, 5) == 900
    assert policy.delay_after(5 + policy.steps, 5) == 900 > policy.delay_after(4 + policy.steps, 5)


async def test_a_known_device_gets_in_while_a_botnet_slows_the_whole_account(make_client):
    client = await make_client(trust_forwarded_for=True, login_failures_per_source=2, login_failures_per_account=6)
    owner = await register(client)
    earlier = await client.post("/v1/auth/login", json={"email": owner.email, "password": PASSWORD},
                                headers={"X-Forwarded-For": "10.7.0.1"})
    cookie = (await earlier.json())["device_cookie"]
    other = await register(client)
    other_cookie = (await (await client.post("/v1/auth/login", json={"email": other.email, "password": PASSWORD},
                                             headers={"X-Forwarded-For": "10.7.0.2"})).json())["device_cookie"]
    statuses = []
    for n in range(4):  # a botnet: two tries from each of many addresses
        statuses += [await attempt(client, owner.email, WRONG, f"10.6.0.{n + 1}") for _ in range(2)]
    # The 7th failure starts an account-wide wait: every unknown source now waits, unverified.
    assert statuses == [401] * 7 + [429]
    # Past the account-wide threshold: an unknown device waits, wherever it comes from...
    assert await attempt(client, owner.email, PASSWORD, "10.6.9.9") == 429
    assert await attempt(client, owner.email, PASSWORD, "10.6.9.9", device_cookie="forged.cookie.value") == 429
    assert await attempt(client, owner.email, PASSWORD, "10.6.9.9", device_cookie=other_cookie) == 429
    # ...the owner's device (from any address) is let in, and its pair comes with a cookie again.
    welcome = await client.post("/v1/auth/login", json={"email": owner.email, "password": PASSWORD,
                                                        "device_cookie": cookie},
                                headers={"X-Forwarded-For": "10.6.9.9"})
    assert welcome.status == 200
    assert (await welcome.json())["device_cookie"]


async def test_the_owner_is_told_once_when_failures_cross_the_threshold(make_client):
    client = await make_client(trust_forwarded_for=True, login_failure_notice_after=4)
    owner = await register(client)
    await register_device(client, owner)
    for n in range(9):
        assert await attempt(client, owner.email, WRONG, f"10.5.0.{n + 1}") == 401

    async def told() -> bool:
        return await Notification.filter(user_id=owner.id, kind="account.login_failures").exists()

    await wait_until(told, 10, "the failed-login notification")
    await asyncio.sleep(0.3)  # an absence: a second notice would have arrived by now
    assert await Notification.filter(user_id=owner.id, kind="account.login_failures").count() == 1
    assert await PushJob.filter(user_id=owner.id, kind="account.login_failures").count() == 1
    records = await AuditRecord.filter(subject_id=owner.id, action="login.failures")
    # The address is kept as the keyed hash the REST edge makes of it, never as itself.
    assert len(records) == 1 and records[0].after == {"failures": 4}
    pseudonyms = app_of(client)[REST_DEPS].pseudonyms
    assert pseudonyms is not None and records[0].ip == pseudonyms.address("10.5.0.4") != "10.5.0.4"
    # An unknown email is counted the same way but tells nobody (and writes nothing).
    nobody = unique_email()
    for n in range(5):
        assert await attempt(client, nobody, WRONG, f"10.5.1.{n + 1}") == 401
    assert await AuditRecord.filter(action="login.failures").count() == 1
