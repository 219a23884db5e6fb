"""POST /v1/sync/push (acceptance 3, the skeleton): each mutation once per (client_id,
mutation_id), also when the same batch arrives twice at once; stale versions are conflicts
with the current row; someone else's booking is rejected and unchanged; a bad mutation does
not block the good ones after it; a pushed write pulled back is no news."""

from __future__ import annotations

import asyncio
from uuid import uuid4

from domain.bookings.models import Booking, BookingState
from tests.support.identity import register
from tests.support.sync import Replica, make_booking


def cancel(mutation_id: int, booking_id: str, version: int) -> dict:
    return {"mutation_id": mutation_id, "collection": "bookings", "op": "action", "name": "cancel", "id": booking_id,
            "base_version": version, "data": {"reason": "changed my mind"}}


def rename(mutation_id: int, user_id: str, name: str) -> dict:
    return {"mutation_id": mutation_id, "collection": "users", "op": "update", "id": user_id, "data": {"name": name}}


async def push(client, who, client_id: str, *mutations: dict, status: int = 200) -> dict:
    response = await client.post("/v1/sync/push", json={"client_id": client_id, "mutations": list(mutations)},
                                 headers=who.headers)
    assert response.status == status, await response.text()
    return dict(await response.json())


async def test_the_same_batch_twice_applies_once_even_concurrently(client):
    customer = await register(client, "customer")
    first, second = await make_booking(customer.id), await make_booking(customer.id)
    device = str(uuid4())
    batch = (cancel(1, first, 1), rename(2, customer.id, "Ana"))
    answers = await asyncio.gather(push(client, customer, device, *batch), push(client, customer, device, *batch))
    # Each mutation commits on its own (sync/push.py): of the two answers, one says applied and the
    # other duplicate for each mutation, whichever request got there first for that mutation.
    for position in range(len(batch)):
        assert sorted(answer["results"][position]["status"] for answer in answers) == ["applied", "duplicate"]
    applied = next(a for a in answers if a["results"][0]["status"] == "applied")
    assert applied["results"][0]["version"] == 2 and applied["results"][0]["data"]["state"] == "cancelled"
    assert applied["last_mutation_id"] == 2
    booking = await Booking.get(id=first)
    assert booking.state == BookingState.CANCELLED and booking.version == 2
    replay = await push(client, customer, device, *batch, cancel(3, second, 1))
    assert [r["status"] for r in replay["results"]] == ["duplicate", "duplicate", "applied"]
    assert replay["results"][0]["data"]["state"] == "cancelled"  # the stored result comes back


async def test_conflicts_rejections_and_independent_mutations(client):
    customer, stranger = await register(client, "customer"), await register(client, "customer")
    mine, theirs = await make_booking(customer.id), await make_booking(stranger.id)
    device = str(uuid4())
    await Booking.filter(id=mine).update(notes="edited elsewhere")  # now version 2
    answer = await push(client, customer, device, cancel(1, mine, 1), cancel(2, theirs, 1),
                        rename(3, customer.id, "x" * 500), rename(4, customer.id, "Ana"))
    stale, foreign, invalid, good = answer["results"]
    assert stale["status"] == "conflict" and stale["current"]["version"] == 2
    assert stale["error"]["details"]["reason"] == "stale_version"  # the same reasons as REST (docs/errors.md)
    assert stale["current"]["data"]["notes"] == "edited elsewhere"
    assert foreign["status"] == "rejected" and foreign["error"]["code"] in ("forbidden", "not_found")
    assert foreign["current"] is None and foreign["data"] is None  # leaks nothing
    assert invalid["status"] == "rejected" and invalid["error"]["code"] == "validation_failed"
    assert invalid["error"]["details"]["reason"] == "invalid_input"
    assert good["status"] == "applied" and good["data"]["name"] == "Ana"
    assert (await Booking.get(id=theirs)).state == BookingState.REQUESTED
    assert (await Booking.get(id=mine)).state == BookingState.REQUESTED
    assert answer["last_mutation_id"] == 4


async def test_a_client_id_belongs_to_one_user(client):
    alice, bob = await register(client, "customer"), await register(client, "customer")
    device = str(uuid4())
    await push(client, alice, device, rename(1, alice.id, "Alice"))
    response = await client.post("/v1/sync/push", json={"client_id": device, "mutations": [rename(2, bob.id, "B")]},
                                 headers=bob.headers)
    assert response.status == 403 and (await response.json())["code"] == "forbidden"


async def test_a_pushed_write_pulled_back_is_no_news(client):
    customer = await register(client, "customer")
    booking_id = await make_booking(customer.id)
    device = str(uuid4())
    replica = Replica(customer)
    await replica.catch_up(client, client_id=device)
    answer = await push(client, customer, device, cancel(1, booking_id, 1))
    result = answer["results"][0]
    replica.apply({"collection": "bookings", "op": "upsert", "id": booking_id, "version": result["version"],
                   "data": result["data"]})
    held = dict(replica.rows)
    page = await replica.catch_up(client, client_id=device)
    assert page["last_mutation_id"] == 1
    mine = [c for c in page["changes"] if c["id"] == booking_id]
    assert mine and all(c["version"] == result["version"] for c in mine)  # the version it already holds
    assert replica.rows[("bookings", booking_id)] == held[("bookings", booking_id)]


async def test_a_failed_mutation_leaves_nothing_behind(client):
    """Each mutation runs in a savepoint: writes before the error are rolled back, the
    rejection is stored, and the next mutation of the batch still applies."""
    from domain.shared.context import Actor
    from domain.shared.errors import ValidationFailed
    from sync.mutations import Mutation, Mutations
    from sync.push import Pusher
    from tests.support.sync import sync_of

    customer = await register(client, "customer")
    booking_id = await make_booking(customer.id)

    async def half_then_fail(actor, mutation):
        await Booking.filter(id=booking_id).update(notes="half")
        raise ValidationFailed("no")

    async def note(actor, mutation):
        await Booking.filter(id=booking_id).update(notes="whole")

    mutations = Mutations(None)
    mutations.handlers = {("bookings", "action", "half"): half_then_fail, ("bookings", "action", "note"): note}
    pusher = Pusher(mutations, sync_of(client).visible, sync_of(client).dialect)
    batch = [Mutation(1, "bookings", "action", booking_id, name="half"), Mutation(2, "bookings", "action", booking_id,
                                                                                name="note")]
    answer = await pusher.push(Actor(customer.id, frozenset({"customer"})), uuid4(), batch)
    assert [r["status"] for r in answer["results"]] == ["rejected", "applied"]
    booking = await Booking.get(id=booking_id)
    assert booking.notes == "whole" and booking.version == 2  # "half" never happened
