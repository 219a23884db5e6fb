"""Paged pulls with the next page read ahead (sync/readahead.py): a client gets the same bytes
page for page as without it, and a user's push drops the pages read ahead for them before it, so
their catch-up ends after their write."""

from __future__ import annotations

from typing import Any
from uuid import UUID, uuid4

import orjson
import pytest
from prometheus_client import REGISTRY

from domain.bookings.models import Booking
from sync.pull import AHEAD_DEPTH
from tests.support.identity import Account, register
from tests.support.sync import Replica, flush, make_booking, sync_of
from tests.support.waiting import wait_until


def _used() -> float:
    return REGISTRY.get_sample_value("fieldsync_sync_read_ahead_total", {"outcome": "used"}) or 0.0


async def _raw_pages(client, who: Account, cursor: str | None, limit: int) -> list[bytes]:
    pages = []
    while True:
        body: dict[str, Any] = {"limit": limit, **({"cursor": cursor} if cursor else {})}
        response = await client.post("/v1/sync/pull", json=body, headers=who.headers)
        assert response.status == 200, await response.text()
        raw = await response.read()
        pages.append(raw)
        page = await response.json()
        if page["complete"]:
            return pages
        cursor = page["cursor"]


async def test_paged_pulls_answer_the_same_bytes_with_and_without_read_ahead(client):
    customer = await register(client, "customer")
    bookings = [await make_booking(customer.id) for _ in range(13)]
    await flush(client)
    read_ahead = sync_of(client).puller.read_ahead
    assert read_ahead.pages > 0  # on by default on PostgreSQL

    used = _used()
    snapshot = await _raw_pages(client, customer, None, 4)
    assert len(snapshot) >= 4 and _used() - used >= len(snapshot) - 2  # pages after the first came read ahead
    read_ahead.pages = 0  # the same pages again (a cursor is a position), each read by its own request
    assert await _raw_pages(client, customer, _cursor(snapshot[0]), 4) == snapshot[1:]

    for number, booking in enumerate(bookings):
        await Booking.filter(id=booking).update(notes=f"change {number}")
    await flush(client)
    read_ahead.pages = 8
    used = _used()
    catch_up = await _raw_pages(client, customer, _cursor(snapshot[-1]), 3)
    assert len(catch_up) >= 4 and _used() - used >= len(catch_up) - 2
    read_ahead.pages = 0
    assert await _raw_pages(client, customer, _cursor(snapshot[-1]), 3) == catch_up


async def test_a_users_push_drops_the_pages_read_ahead_for_them(client):
    customer = await register(client, "customer")
    for _ in range(6):
        await make_booking(customer.id)
    await flush(client)
    whole = len((await Replica(customer).pull_once(client, limit=5000))["changes"])
    replica = Replica(customer)
    first = await replica.pull_once(client, limit=whole - 1)  # the next page is the last: it says `complete`
    assert first["has_more"]
    read_ahead = sync_of(client).puller.read_ahead
    # The page after it is read now, before the push: it holds no change of the push.
    await wait_until(lambda: all(task.done() for _, task in read_ahead._entries.values()) and read_ahead._entries,
                     10, "the next page read ahead")

    device = str(uuid4())
    rename = {"mutation_id": 1, "collection": "users", "op": "update", "id": customer.id, "data": {"name": "Ana"}}
    response = await client.post("/v1/sync/push", json={"client_id": device, "mutations": [rename]},
                                 headers=customer.headers)
    assert response.status == 200 and (await response.json())["results"][0]["status"] == "applied"
    await flush(client)

    await replica.catch_up(client, limit=whole - 1)
    assert replica.rows["users", customer.id]["name"] == "Ana"  # the stale page would have ended the catch-up


@pytest.mark.parametrize("pages", ["snapshot", "catch-up"])
async def test_pages_are_read_ahead_a_few_deep_and_no_deeper(client, pages: str):
    """The page after a full page is started as soon as the database has told where that page ends,
    and a page read ahead starts the one after it: a client taking pages as fast as they come then
    waits for the database's page time alone. At most AHEAD_DEPTH pages per user."""
    customer = await register(client, "customer")
    bookings = [await make_booking(customer.id) for _ in range(8)]
    await flush(client)
    read_ahead = sync_of(client).puller.read_ahead
    body: dict[str, Any] = {"limit": 2}
    if pages == "catch-up":
        read_ahead.pages = 0  # the snapshot alone first
        cursor = _cursor((await _raw_pages(client, customer, None, 5000))[-1])
        read_ahead.pages = 8
        for number, booking in enumerate(bookings):
            await Booking.filter(id=booking).update(notes=f"change {number}")
        await flush(client)
        body["cursor"] = cursor
    response = await client.post("/v1/sync/pull", json=body, headers=customer.headers)
    assert response.status == 200 and (await response.json())["has_more"]
    await wait_until(lambda: len(read_ahead._entries) >= AHEAD_DEPTH
                     and all(task.done() for _, task in read_ahead._entries.values()), 10, "pages read ahead")
    assert read_ahead.held(UUID(customer.id)) == AHEAD_DEPTH  # the chain stopped there
    assert all(task.result() is not None for _, task in read_ahead._entries.values())  # none failed


def _cursor(raw: bytes) -> str:
    return str(orjson.loads(raw)["cursor"])
