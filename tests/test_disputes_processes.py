"""Disputes across two `fieldsync serve` processes (issue 14, acceptance 2): the customer's socket
on one process and the provider's on the other each receive every `dispute:update` once, in
order; a replayed entry (same client key) appears once; a party who was offline pulls the same
timeline through delta sync."""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import Callable
from typing import Any

import aiohttp
from redis.asyncio import Redis

from tests.support.bookings import build_market
from tests.support.disputes import paid_booking
from tests.support.identity import Account
from tests.support.payments import FAST
from tests.support.server_process import server_processes  # noqa: F401 - fixture
from tests.support.socket_clients import Recorder

NS, UPDATE = "/disputes", "dispute:update"
ROUNDS = 6  # each side adds this many entries, alternating between the processes


async def _subscribers(redis_url: str, channel: str, count: int) -> None:
    redis = Redis.from_url(redis_url)
    try:
        deadline = time.monotonic() + 15
        while True:
            [(_, listening)] = await redis.pubsub_numsub(channel)
            if listening >= count:
                return
            assert time.monotonic() < deadline, f"fewer than {count} processes listen on {channel}"
            await asyncio.sleep(0.05)
    finally:
        await redis.aclose()


async def _post(http: aiohttp.ClientSession, url: str, who: Account, body: dict[str, Any], status: int = 201) -> Any:
    async with http.post(url, json=body, headers=who.headers) as response:
        assert response.status == status, await response.text()
        return await response.json()


async def _updates(socket: Recorder, last_seq: int) -> list[int]:
    """Every update's entry seq until the one numbered `last_seq`, and a moment more for any
    duplicate that would follow."""
    seen: list[int] = []
    while not seen or seen[-1] < last_seq:
        seen.append(int((await socket.next_event(NS, UPDATE, 20))["entry"]["seq"]))
    try:
        while True:
            seen.append(int((await socket.next_event(NS, UPDATE, 1.0))["entry"]["seq"]))
    except TimeoutError:
        return seen


async def test_each_party_on_another_process_gets_every_update_once_in_order(
        make_client: Callable[..., Any], server_processes: Any, services: Any) -> None:  # noqa: F811
    client = await make_client(**FAST, dispute_timers_interval_seconds=3600.0)  # sets the world up
    m = await build_market(client)
    booking, _case_id = await paid_booking(client, m)
    a, b = (server_processes(name, DISPUTE_TIMERS_INTERVAL_SECONDS="3600") for name in ("a", "b"))
    await _subscribers(services.redis_url, services.socket_redis_channel, 2)
    customer = await Recorder.connect(a.url, m.customer.access_token, [NS], [UPDATE])
    provider = await Recorder.connect(b.url, m.provider.access_token, [NS], [UPDATE], transport="polling")
    try:
        async with aiohttp.ClientSession() as http:
            dispute = await _post(http, f"{a.url}/v1/bookings/{booking['id']}/disputes", m.customer, {
                "reason": "not_done", "description": "Nobody came.", "claimed": {"amount": 900, "currency": "USD"}})
            entries = lambda server: f"{server.url}/v1/disputes/{dispute['id']}/entries"  # noqa: E731
            for n in range(ROUNDS):
                await _post(http, entries(a), m.customer, {"body": f"customer {n}", "client_key": f"c-{n}"})
                await _post(http, entries(b), m.provider, {"kind": "response", "body": f"provider {n}"})
            # The customer's retry of an entry whose answer was lost, through the other process: once.
            replayed = await _post(http, entries(b), m.customer, {"body": "customer 0", "client_key": "c-0"})
            assert replayed["seq"] == 2
            last = 1 + 2 * ROUNDS
            for socket in (customer, provider):
                assert await _updates(socket, last) == list(range(1, last + 1))
            async with http.get(f"{b.url}/v1/disputes/{dispute['id']}", headers=m.customer.headers) as response:
                timeline = (await response.json())["timeline"]
            # The lead serviceman was offline: a pull (on either process) gives the same timeline.
            pulled = await _pull_entries(http, a.url, m.crew[0])
        assert [(e["seq"], e["body"]) for e in timeline] == [(r["seq"], r["body"]) for r in pulled]
        assert len(timeline) == last
    finally:
        await customer.close()
        await provider.close()


async def _pull_entries(http: aiohttp.ClientSession, base: str, who: Account) -> list[dict[str, Any]]:
    rows: dict[str, dict[str, Any]] = {}
    cursor = None
    client_id = str(uuid.uuid4())
    deadline = time.monotonic() + 20
    while True:
        body: dict[str, Any] = {"client_id": client_id,
                                "collections": ["dispute_entries"]}
        if cursor:
            body["cursor"] = cursor
        async with http.post(f"{base}/v1/sync/pull", json=body, headers=who.headers) as response:
            assert response.status == 200, await response.text()
            page = await response.json()
        for change in page["changes"]:
            if change["op"] == "upsert":
                rows[change["id"]] = change["data"]
        cursor = page["cursor"]
        if page["complete"] and len(rows) >= 1 + 2 * ROUNDS:
            return sorted(rows.values(), key=lambda r: r["seq"])
        assert time.monotonic() < deadline, f"only {len(rows)} entries pulled"
        await asyncio.sleep(0.1 if page["complete"] else 0)
