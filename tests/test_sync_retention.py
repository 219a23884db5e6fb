"""Retention (acceptance 2): compaction keeps the latest change per row after the window and
never removes what a valid cursor still needs; a cursor past retention gets 410, and a full
resync reproduces the server's state."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from tortoise.backends.sqlite.client import SqliteClient
from tortoise.connection import connections

from domain.bookings.models import Assignment, Booking
from sync.compaction import compact_expired
from sync.models import SyncOp
from sync.sqlite import tick_time
from tests.support.identity import register
from tests.support.sync import Replica, flush, make_booking, sync_of


async def _head() -> int:
    _, rows = await connections.get("default").execute_query("SELECT value FROM sync_state WHERE name = 'head'")
    return int(rows[0]["value"])


async def _age(tick: int, days: float) -> None:
    """Pretend `tick` was stamped `days` ago (the ticker records this about once a minute)."""
    if isinstance(connections.get("default"), SqliteClient):  # the demo's database (tests/test_sync_sqlite.py)
        at = tick_time(datetime.now(UTC) - timedelta(days=days))
        await connections.get("default").execute_query(
            "INSERT INTO sync_tick_time (tick, at) VALUES (?1, ?2) ON CONFLICT (tick) DO UPDATE SET at = excluded.at",
            [tick, at])
        return
    await connections.get("default").execute_query(
        "INSERT INTO sync_tick_time (tick, at) VALUES ($1, now() - make_interval(days => $2)) "
        "ON CONFLICT (tick) DO UPDATE SET at = EXCLUDED.at", [tick, days])


async def test_compaction_keeps_what_valid_cursors_need_and_sends_older_ones_to_resync(client):
    customer, serviceman = await register(client, "customer"), await register(client, "serviceman")
    ids = [await make_booking(customer.id, crew=(serviceman.id,)) for _ in range(6)]
    await flush(client)
    ancient = Replica(customer)
    await ancient.catch_up(client)  # offline since then: past retention
    for round_number in range(3):
        for booking_id in ids[:4]:
            await Booking.filter(id=booking_id).update(notes=f"round {round_number}")
        await flush(client)
    await Booking.filter(id=ids[4]).delete()  # tombstones
    await Assignment.filter(booking_id=ids[5]).delete()  # the serviceman loses that booking
    await flush(client)
    month_old = await _head()
    recent = Replica(customer)
    await recent.catch_up(client)  # a cursor at the floor: still valid after compaction
    crew = Replica(serviceman)
    await crew.catch_up(client)
    await Booking.filter(id=ids[0]).update(notes="after the floor")
    await flush(client)
    before = Replica(customer)
    await before.catch_up(client)
    ops_before = await SyncOp.all().count()

    await _age(month_old, 31)
    done = await compact_expired(sync_of(client).dialect, 30 * 86400)
    assert done is not None and done.floor == month_old and done.removed > 0
    assert await SyncOp.all().count() == ops_before - done.removed

    response = await client.post("/v1/sync/pull", json={"cursor": ancient.cursor}, headers=customer.headers)
    assert response.status == 410 and (await response.json())["code"] == "resync_required"
    await recent.catch_up(client)  # its cursor is at the floor: deltas still complete
    assert recent.rows == before.rows and recent.rows[("bookings", ids[0])]["notes"] == "after the floor"
    resynced = Replica(customer)
    await resynced.catch_up(client)  # a full resync reproduces the server's state
    assert resynced.rows == before.rows
    assert ("bookings", ids[4]) not in resynced.rows and len(resynced.ids("bookings")) == 5
    crew_again = Replica(serviceman)
    await crew_again.catch_up(client)
    await crew.catch_up(client)
    assert crew_again.rows == crew.rows and ids[5] not in crew_again.ids("bookings")
    # Below the floor only the latest upsert of each row in each scope remains.
    _, duplicates = await connections.get("default").execute_query(
        "SELECT collection, row_id, scope FROM sync_op WHERE tick < $1 GROUP BY 1, 2, 3 HAVING count(*) > 1 "
        "UNION ALL SELECT collection, row_id, scope FROM sync_op WHERE tick < $1 AND (op <> 'u' OR scope LIKE 'to:%')",
        [done.floor])
    assert duplicates == []


async def test_nothing_to_compact_inside_the_window(client):
    customer = await register(client, "customer")
    await make_booking(customer.id)
    await flush(client)
    await _age(await _head(), 1)
    assert await compact_expired(sync_of(client).dialect, 30 * 86400) is None
