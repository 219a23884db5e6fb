"""Liveness, routing readiness and degraded dependencies (issue 11, Operations and Low).

/readyz decides routing on the database alone: Redis or Kafka down is reported (and metered)
as degraded, with a 200, so one broker outage never takes every replica out. Through the
proxy, /readyz names what fails without the raw error text."""

from __future__ import annotations

from tests.support.services import free_port


async def test_redis_and_kafka_down_degrade_but_do_not_unready_the_replica(make_client):
    client = await make_client(redis_url=f"redis://127.0.0.1:{free_port()}/0",
                               kafka_bootstrap=f"127.0.0.1:{free_port()}")
    assert (await client.get("/healthz")).status == 200
    response = await client.get("/readyz")
    assert response.status == 200, await response.text()
    body = await response.json()
    assert body["status"] == "ok" and body["checks"] == {"database": "ok"}
    assert body["degraded"] is True
    assert body["dependencies"]["redis"] == "down" and body["dependencies"]["kafka"] == "down"
    metrics = await (await client.get("/metrics")).text()
    assert 'fieldsync_dependency_up{dependency="redis"} 0.0' in metrics
    assert 'fieldsync_dependency_up{dependency="kafka"} 0.0' in metrics


async def test_readiness_through_the_proxy_names_checks_without_error_text(make_client):
    # The test client's peer is 127.0.0.1: configured as our proxy, it stands for the internet.
    dead = free_port()
    client = await make_client(redis_url=f"redis://127.0.0.1:{dead}/0", trusted_proxies="127.0.0.1/32")
    response = await client.get("/readyz", headers={"X-Forwarded-For": "203.0.113.7"})
    text = await response.text()
    body = await response.json()
    assert body["dependencies"]["redis"] == "down"
    assert "details" not in body and "failing" not in body
    assert str(dead) not in text and "Error" not in text  # no exception text, no addresses


async def test_an_operator_on_the_host_sees_why(make_client):
    client = await make_client(redis_url=f"redis://127.0.0.1:{free_port()}/0")
    body = await (await client.get("/readyz")).json()
    assert "Error" in body["details"]["redis"]
