"""Rate limiting per client IP: 429 problems with Retry-After, one budget across processes
sharing Redis, an in-process budget without Redis, and exempt operational endpoints.

Every test client is 127.0.0.1 on a shared Redis, so Redis-backed tests trust
X-Forwarded-For and give each test its own random private address."""

from __future__ import annotations

import random

PROBLEM = "application/problem+json"


def fresh_ip() -> str:
    # A random private address: no other test (or earlier run on the same Redis) has used it.
    return "10." + ".".join(str(random.randint(1, 254)) for _ in range(3))


async def test_over_the_limit_is_a_429_problem_with_retry_after(make_client):
    client = await make_client(rate_limit_per_minute=3, trust_forwarded_for=True)
    headers = {"X-Forwarded-For": f"192.0.2.9, {fresh_ip()}"}  # our proxy's entry is the last one
    for _ in range(3):
        assert (await client.get("/v1/meta", headers=headers)).status == 200
    limited = await client.get("/v1/meta", headers={**headers, "X-Request-ID": "too-many"})
    assert limited.status == 429
    assert limited.content_type == PROBLEM
    body = await limited.json(content_type=PROBLEM)
    assert body["code"] == "rate_limited" and body["request_id"] == "too-many"
    retry_after = int(limited.headers["Retry-After"])
    assert 1 <= retry_after <= 60
    assert limited.headers["X-Request-ID"] == "too-many"
    # Probes and scrapes are never limited.
    for path in ("/healthz", "/readyz", "/metrics"):
        assert (await client.get(path, headers=headers)).status == 200


async def test_the_budget_is_shared_by_two_processes_on_one_redis(make_client):
    first = await make_client(rate_limit_per_minute=3, trust_forwarded_for=True)
    second = await make_client(rate_limit_per_minute=3, trust_forwarded_for=True)
    headers = {"X-Forwarded-For": fresh_ip()}
    statuses = [(await client.get("/v1/meta", headers=headers)).status for client in (first, second, first, second)]
    assert statuses == [200, 200, 200, 429]
    # Another client keeps its own budget.
    assert (await first.get("/v1/meta", headers={"X-Forwarded-For": fresh_ip()})).status == 200


async def test_in_process_limit_without_redis_ignores_untrusted_forwarded_for(make_client):
    client = await make_client(redis_url=None, rate_limit_per_minute=3)
    # X-Forwarded-For is not trusted by default: rotating it does not buy a new budget.
    statuses = [
        (await client.get("/v1/meta", headers={"X-Forwarded-For": f"192.0.2.{n}"})).status for n in range(1, 5)
    ]
    assert statuses == [200, 200, 200, 429]
    assert int((await client.get("/v1/missing")).headers["Retry-After"]) >= 1


# --- issue 11: eviction, IPv6 /64, per-user budgets, trusted proxies -------------------------


async def test_a_full_in_memory_limiter_forgets_its_oldest_windows_not_every_counter():
    from domain.shared.ratelimit import MemoryRateLimiter

    limiter = MemoryRateLimiter()
    limiter.MAX_KEYS = 4  # type: ignore[misc]
    for key in ("old-1", "old-2"):
        await limiter.hit(key, 2, 60)
    for _ in range(3):
        await limiter.hit("abuser", 2, 60)
    assert await limiter.hit("abuser", 2, 60) is not None
    # A flood of new keys (spoofed addresses) fills the table: the oldest windows make room...
    for key in ("new-1", "new-2", "new-3"):
        await limiter.hit(key, 2, 60)
    # ...and the client over its limit stays limited.
    assert await limiter.hit("abuser", 2, 60) is not None


async def test_ipv6_clients_are_counted_per_64(make_client):
    client = await make_client(redis_url=None, rate_limit_per_minute=3, trust_forwarded_for=True,
                               trusted_proxies="127.0.0.1/32")
    prefix = f"2001:db8:{random.randint(1, 0xFFFF):x}:{random.randint(1, 0xFFFF):x}"
    statuses = [(await client.get("/v1/meta", headers={"X-Forwarded-For": f"{prefix}::{n:x}"})).status
                for n in range(1, 5)]
    assert statuses == [200, 200, 200, 429]  # one subscriber's /64 is one client
    other = "2001:db8:ffff:ffff::1"
    assert (await client.get("/v1/meta", headers={"X-Forwarded-For": other})).status == 200


async def test_forwarded_for_is_read_only_from_a_trusted_proxy(make_client):
    # The peer (127.0.0.1) is not the configured proxy: rotating the header buys nothing.
    client = await make_client(redis_url=None, rate_limit_per_minute=3, trust_forwarded_for=True,
                               trusted_proxies="10.255.255.1/32")
    statuses = [(await client.get("/v1/meta", headers={"X-Forwarded-For": fresh_ip()})).status for _ in range(4)]
    assert statuses == [200, 200, 200, 429]


async def test_authenticated_users_sharing_an_address_have_their_own_budgets(make_client):
    from tests.support.identity import register

    # Sign-ups are anonymous: each from its own address, so they do not use the shared one's budget.
    client = await make_client(redis_url=None, rate_limit_per_minute=3, rate_limit_ip_ceiling_per_minute=5,
                               trusted_proxies="127.0.0.1/32")
    users = []
    for _ in range(3):
        client.session.headers["X-Forwarded-For"] = fresh_ip()
        users.append(await register(client))
    carrier = {"X-Forwarded-For": fresh_ip()}  # one carrier-grade NAT address for everybody
    first, second, third = ({**carrier, **user.headers} for user in users)
    assert [(await client.get("/v1/me", headers=first)).status for _ in range(4)] == [200, 200, 200, 429]
    # Another user behind the same address is not limited by the first one's use...
    assert [(await client.get("/v1/me", headers=second)).status for _ in range(2)] == [200, 200]
    # ...up to the address's ceiling for everybody together (3 + 2 = 5 counted).
    assert (await client.get("/v1/me", headers=third)).status == 429
    # Anonymous requests from that address keep the per-address budget of their own.
    assert (await client.get("/v1/meta", headers=carrier)).status == 200
