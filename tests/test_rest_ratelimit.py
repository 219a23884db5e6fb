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
