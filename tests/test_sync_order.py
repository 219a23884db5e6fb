"""Commit order without gaps (acceptance 1 and 4 of issue 6), on PostgreSQL.

A slow transaction that took its op ids before a fast one committed still reaches a client
whose cursor moved past the fast one; concurrent writers never make a client miss or repeat a
version; a transaction is never split across pages, whatever the page sizes."""

from __future__ import annotations

import asyncio
import random
import time
from typing import Any

import aiohttp
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tortoise.connection import connections
from tortoise.transactions import in_transaction

from domain.bookings.models import Assignment, Booking
from sync import queries
from tests.support.identity import register
from tests.support.sync import Replica, flush, make_booking
from tests.support.waiting import wait_for_value


async def test_a_slow_transaction_is_not_lost_behind_a_faster_one(client):
    customer = await register(client, "customer")
    slow_id, fast_id = await make_booking(customer.id), await make_booking(customer.id)
    replica = Replica(customer)
    await flush(client)
    await replica.catch_up(client)
    slow_started, fast_seen = asyncio.Event(), asyncio.Event()

    async def notes_of(booking_id: str) -> str:
        await replica.catch_up(client)
        return str(replica.rows[("bookings", booking_id)]["notes"])

    async def slow_writer() -> None:
        async with in_transaction() as conn:
            await Booking.filter(id=slow_id).using_db(conn).update(notes="slow")  # its op id comes first
            slow_started.set()
            await asyncio.wait_for(fast_seen.wait(), 10)
            # More ticks while it is still open (they stamp nothing of it), and a pull after them.
            await flush(client)
            assert await notes_of(slow_id) == ""

    async def fast_writer_and_puller() -> None:
        await slow_started.wait()
        await Booking.filter(id=fast_id).update(notes="fast")
        # The running ticker (no flush here) makes it visible.
        await wait_for_value(lambda: notes_of(fast_id), lambda notes: notes == "fast", 10, "the fast change")
        assert replica.rows[("bookings", slow_id)]["notes"] == ""  # not committed yet
        fast_seen.set()

    await asyncio.gather(slow_writer(), fast_writer_and_puller())
    await wait_for_value(lambda: notes_of(slow_id), lambda notes: notes == "slow", 10, "the slow change")


WRITERS, CHANGES, ROWS = 8, 10_000, 200


async def test_concurrent_writers_and_a_continuous_puller_converge(client):
    """8 writers commit 10,000 row changes in transactions of random length while a client
    pulls with small pages: its final state is the server's, every row's versions arrive in
    increasing order, and no version arrives twice."""
    customer = await register(client, "customer")
    ids = [await make_booking(customer.id) for _ in range(ROWS)]
    replica = Replica(customer)
    await flush(client)
    await replica.catch_up(client)
    rng = random.Random(1)
    remaining = [CHANGES]
    done = asyncio.Event()

    async def writer(seed: int) -> None:
        local = random.Random(seed)
        while remaining[0] > 0:
            count = min(remaining[0], local.randint(1, 6))
            remaining[0] -= count
            rows = sorted(local.sample(ids, count))  # one lock order: writers never deadlock
            async with in_transaction() as conn:
                for row_id in rows:
                    await conn.execute_query("UPDATE booking SET notes = $1 WHERE id = $2",
                                             [f"w{seed}-{local.random():.6f}", row_id])
                if local.random() < 0.3:
                    await asyncio.sleep(local.uniform(0, 0.03))  # a slow transaction, holding its op ids

    async def puller() -> None:
        while not done.is_set():
            await replica.pull_once(client, limit=rng.randint(3, 40))

    started = time.monotonic()
    pulling = asyncio.create_task(puller())
    await asyncio.gather(*(writer(seed) for seed in range(WRITERS)))
    done.set()
    await pulling
    await flush(client)
    await replica.catch_up(client, limit=500)
    elapsed = time.monotonic() - started

    _, rows = await connections.get("default").execute_query(
        "SELECT id::text AS id, version, notes FROM booking WHERE customer_id = $1", [customer.id])
    server = {("bookings", row["id"]): (row["version"], row["notes"]) for row in rows}
    client_state = {key: (data["version"], data["notes"]) for key, data in replica.rows.items() if key[0] == "bookings"}
    assert client_state == server
    assert sum(version - 1 for version, _ in server.values()) == CHANGES
    per_row: dict[tuple[str, str], list[int]] = {}
    for collection, row_id, version, _op in replica.delivered:
        per_row.setdefault((collection, row_id), []).append(version)
    repeated = {key: versions for key, versions in per_row.items() if len(set(versions)) != len(versions)}
    assert not repeated, f"versions delivered twice: {list(repeated.items())[:3]}"
    assert all(versions == sorted(versions) for versions in per_row.values())
    assert elapsed < 60, f"took {elapsed:.1f}s"


async def _round(customer_id: str, crew: list[str], bookings: int, rng: random.Random, known: list[str]) -> None:
    """Concurrent transactions: each writes a booking and its three assignments; others touch
    one existing booking. They commit close together, so a tick holds several of them."""

    async def with_crew() -> None:
        async with in_transaction() as conn:
            booking_id = await make_booking(customer_id, using_db=conn)
            for serviceman in crew:
                await Assignment.create(booking_id=booking_id, serviceman_id=serviceman, using_db=conn)
                await asyncio.sleep(rng.uniform(0, 0.01))  # the workload: open a moment longer, not a wait
            known.append(booking_id)

    async def touch() -> None:
        if known:
            await Booking.filter(id=rng.choice(known)).update(notes=f"{rng.random()}")

    await asyncio.gather(*(with_crew() for _ in range(bookings)), touch(), touch())


def _half_applied(replica: Replica) -> list[str]:
    crews: dict[str, int] = {}
    for (collection, _), data in replica.rows.items():
        if collection == "booking_assignments":
            crews[data["booking_id"]] = crews.get(data["booking_id"], 0) + 1
    bookings = replica.ids("bookings")
    return [b for b in bookings if crews.get(b, 0) != 3] + [b for b in crews if b not in bookings]


@pytest.mark.parametrize("wide", [False, True], ids=["per-scope", "log-order"])
async def test_a_transaction_is_never_split_across_pages(client, monkeypatch, wide: bool):
    """Acceptance 4: a booking written with its three assignments in one transaction is never
    visible half-applied at any page boundary, for any sequence of page sizes (hypothesis);
    both ways of reading deltas (per scope, or in log order for users with many scopes)."""
    if wide:
        monkeypatch.setattr(queries, "WIDE_SCOPES", 1)
    customer = await register(client, "customer")
    crew = [(await register(client, "serviceman")).id for _ in range(3)]
    base = Replica(customer)
    await flush(client)
    await base.catch_up(client)
    rng, known = random.Random(4), []
    for _ in range(4):
        await _round(customer.id, crew, 4, rng, known)
        await flush(client)
    expected = Replica(customer)
    await expected.catch_up(client)
    assert len(expected.ids("bookings")) == 16 and not _half_applied(expected)
    url, headers, start = str(client.make_url("/v1/sync/pull")), customer.headers, base.cursor

    async def replay(limits: list[int]) -> None:
        replica = Replica(customer, rows=dict(base.rows), versions=dict(base.versions), cursor=start)
        async with aiohttp.ClientSession() as http:
            for page_number in range(500):
                body: dict[str, Any] = {"cursor": replica.cursor, "limit": limits[page_number % len(limits)]}
                async with http.post(url, json=body, headers=headers) as response:
                    assert response.status == 200, await response.text()
                    page = await response.json()
                for change in page["changes"]:
                    replica.apply(change)
                replica.cursor = page["cursor"]
                assert not _half_applied(replica), f"half-applied after page {page_number} with limits {limits}"
                if page["complete"]:
                    break
        assert replica.rows == expected.rows

    @settings(max_examples=25, deadline=None, database=None)
    @given(st.lists(st.integers(min_value=1, max_value=12), min_size=1, max_size=8))
    def pages_never_split_a_transaction(limits: list[int]) -> None:
        asyncio.run(replay(limits))  # its own loop in this thread; the server keeps serving on the test's

    await asyncio.to_thread(pages_never_split_a_transaction)
