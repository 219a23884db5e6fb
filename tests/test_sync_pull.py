"""POST /v1/sync/pull as a client sees it: a snapshot paged while writes go on, then deltas with
tombstones, coalesced per row; cursors that are opaque, signed and bound to user, client and
collections; 410 when a cursor is older than what the server keeps; checksums."""

from __future__ import annotations

import hashlib
from uuid import uuid4

from tortoise.connection import connections

from domain.bookings.models import Booking
from tests.support.identity import register
from tests.support.sync import Replica, flush, make_booking, make_zone, pull


async def _code(client, who, status: int, **body) -> str:
    response = await client.post("/v1/sync/pull", json=body, headers=who.headers)
    assert response.status == status, await response.text()
    return str((await response.json())["code"])


async def test_snapshot_paged_while_writes_go_on_then_deltas_equal_a_fresh_snapshot(client):
    customer = await register(client, "customer")
    ids = [await make_booking(customer.id) for _ in range(20)]
    zone = await make_zone()
    await flush(client)
    replica = Replica(customer)
    first = await replica.pull_once(client, limit=7)
    assert first["has_more"] and not first["complete"] and len(first["changes"]) == 7
    await Booking.filter(id=ids[0]).update(notes="edited during the snapshot")
    await Booking.filter(id=ids[-1]).delete()
    created = await make_booking(customer.id)
    await flush(client)
    await replica.catch_up(client, limit=7)

    expected = Replica(customer)
    await expected.catch_up(client)
    assert replica.rows == expected.rows
    assert replica.rows[("bookings", ids[0])]["notes"] == "edited during the snapshot"
    assert ("bookings", ids[-1]) not in replica.rows and ("bookings", created) in replica.rows
    assert ("zones", zone) in replica.rows  # public rows reach everyone
    assert replica.rows[("users", customer.id)]["email"] == customer.email


async def test_deltas_carry_tombstones_and_one_change_per_row_per_page(client):
    customer = await register(client, "customer")
    kept, gone = await make_booking(customer.id), await make_booking(customer.id)
    await flush(client)
    replica = Replica(customer)
    await replica.catch_up(client)
    for note in ("one", "two", "three"):
        await Booking.filter(id=kept).update(notes=note)
    await Booking.filter(id=gone).delete()
    await flush(client)
    page = await replica.pull_once(client, limit=100)
    assert page["complete"] and not page["has_more"]
    changes = {c["id"]: c for c in page["changes"]}
    assert len(page["changes"]) == 2
    assert changes[kept]["op"] == "upsert" and changes[kept]["version"] == 4
    assert changes[kept]["data"]["notes"] == "three"
    assert changes[gone] == {"collection": "bookings", "op": "delete", "id": gone, "version": 2, "reason": "deleted"}
    empty = await replica.pull_once(client)
    assert empty["changes"] == [] and empty["complete"] and empty["cursor"] == page["cursor"]


async def test_cursors_are_signed_and_bound_to_user_client_and_collections(client):
    alice, bob = await register(client, "customer"), await register(client, "customer")
    device = str(uuid4())
    page = await pull(client, alice, client_id=device, collections=["bookings"])
    cursor = page["cursor"]
    assert page["last_mutation_id"] == 0
    assert (await pull(client, alice, cursor, client_id=device, collections=["bookings"]))["complete"]
    tampered = cursor[:30] + ("A" if cursor[30] != "A" else "B") + cursor[31:]
    for bad in (tampered, "not-a-cursor!", cursor[:-4]):
        assert await _code(client, alice, 400, cursor=bad, client_id=device, collections=["bookings"]) == "bad_request"
    assert await _code(client, bob, 400, cursor=cursor, client_id=device, collections=["bookings"]) == "bad_request"
    assert await _code(client, alice, 400, cursor=cursor, client_id=str(uuid4()), collections=["bookings"]) == (
        "bad_request")
    assert await _code(client, alice, 400, cursor=cursor, client_id=device) == "bad_request"  # other collections
    for body in ({"limit": 0}, {"collections": ["secrets"]}, {"surprise": 1}, {"client_id": "x"}):
        assert await _code(client, alice, 422, **body) == "validation_failed"
    response = await client.post("/v1/sync/pull", json={})
    assert response.status == 401


async def test_the_collections_filter(client):
    customer = await register(client, "customer")
    booking_id = await make_booking(customer.id)
    await make_zone()
    await flush(client)
    replica = Replica(customer)
    await replica.catch_up(client, collections=["bookings"])
    assert set(replica.rows) == {("bookings", booking_id)}


async def test_an_old_or_foreign_position_must_resync(client, make_client):
    customer = await register(client, "customer")
    await make_booking(customer.id)
    await flush(client)
    cursor = (await pull(client, customer))["cursor"]
    other_epoch = await make_client(sync_epoch=2)
    assert await _code(other_epoch, customer, 410, cursor=cursor) == "resync_required"
    db = connections.get("default")
    _, rows = await db.execute_query("SELECT value FROM sync_state WHERE name = 'head'")
    await db.execute_query("INSERT INTO sync_state (name, value) VALUES ('floor', $1)", [rows[0]["value"] + 1])
    assert await _code(client, customer, 410, cursor=cursor) == "resync_required"  # compacted past it
    await db.execute_query("DELETE FROM sync_state WHERE name = 'floor'")
    await db.execute_query("UPDATE sync_state SET value = $1 WHERE name = 'head'",  # a database that never saw it
                           [rows[0]["value"] - 1])
    assert await _code(client, customer, 410, cursor=cursor) == "resync_required"
    # Back to the real head: on SQLite the next tick is head + 1, and ticks already in the log
    # above a lowered head would hide the rows a full resync must see.
    await db.execute_query("UPDATE sync_state SET value = $1 WHERE name = 'head'", [rows[0]["value"]])
    await make_booking(customer.id)
    await flush(client)
    fresh = Replica(customer)
    await fresh.catch_up(client)  # a full resync works
    assert len(fresh.ids("bookings")) == 2


def _checksum(replica: Replica, collection: str) -> str:
    rows = [(row_id, replica.versions[(name, row_id)]) for (name, row_id) in replica.rows if name == collection]
    total = sum(int.from_bytes(hashlib.sha256(f"{row_id}:{version}".encode()).digest()[:8], "big")
                for row_id, version in rows)
    return f"{len(rows)}:{total % 2**64:016x}"


async def test_checksums_match_what_the_client_holds(client):
    customer = await register(client, "customer")
    for _ in range(5):
        await make_booking(customer.id)
    await make_zone()
    await flush(client)
    replica = Replica(customer)
    page = await replica.catch_up(client, limit=3, checksums=True)
    assert page["checksums"]["bookings"] == _checksum(replica, "bookings")
    assert page["checksums"]["zones"] == _checksum(replica, "zones") != "0:0000000000000000"
    assert page["checksums"]["reviews"] == "0:0000000000000000"
    replica.rows.pop(next(key for key in replica.rows if key[0] == "bookings"))  # a drifted cache
    assert page["checksums"]["bookings"] != _checksum(replica, "bookings")

