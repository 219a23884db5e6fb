"""An offline push sets a mutation's savepoint only when the mutation needs one (sync/push.py,
domain/shared/uow.py `single_write`): a booking accept refuses only before it wrote anything,
so a batch of accepts sets none, and each accept still gets its own result, a refused one in
the middle leaves the others applied, and a replay answers `duplicate` for each. A handler put
in the table by hand, or a mutation that does not join, still runs behind a savepoint."""

from __future__ import annotations

from uuid import uuid4

import pytest

from domain.bookings.models import Booking, BookingState
from domain.shared.uow import unit_of_work, within
from sync import push as push_module
from tests.support.bookings import book, build_market, iso, ok, slot
from tests.test_sync_named_mutations import named
from tests.test_sync_push import push, rename


@pytest.fixture
def savepoints_set(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    calls: list[int] = []
    original = push_module._Savepoints.set

    async def counted(self: push_module._Savepoints) -> None:
        calls.append(1)
        await original(self)

    monkeypatch.setattr(push_module._Savepoints, "set", counted)
    return calls


async def test_a_batch_of_accepts_sets_no_savepoint_and_keeps_each_result(client, savepoints_set) -> None:
    market = await build_market(client)
    plumber = market.crew[0]
    first, third = [await ok(await book(client, market, start=iso(slot(hours))), 201) for hours in (30, 34)]
    device = str(uuid4())
    # The second accepts the first booking again at the version the first one moved it from.
    batch = (named(1, "bookings", "accept", first["id"], base_version=first["version"]),
             named(2, "bookings", "accept", first["id"], base_version=first["version"]),
             named(3, "bookings", "accept", third["id"], base_version=third["version"]))
    answer = await push(client, plumber, device, *batch)
    applied, conflict, last = answer["results"]
    assert savepoints_set == []  # one round trip each: the compare-and-set alone
    assert applied["status"] == "applied" and applied["data"]["state"] == "accepted"
    assert conflict["status"] == "conflict" and conflict["current"]["version"] == first["version"] + 1
    assert last["status"] == "applied" and last["version"] == third["version"] + 1
    states = {str(b.id): (b.state, b.version) for b in await Booking.filter(id__in=[first["id"], third["id"]])}
    assert states == {first["id"]: (BookingState.ACCEPTED, first["version"] + 1),
                      third["id"]: (BookingState.ACCEPTED, third["version"] + 1)}
    replay = await push(client, plumber, device, *batch)
    assert [r["status"] for r in replay["results"]] == ["duplicate"] * 3
    assert replay["results"][0]["data"]["state"] == "accepted" and replay["results"][1]["error"] == conflict["error"]
    assert (await Booking.get(id=first["id"])).version == first["version"] + 1  # applied once


async def test_a_mutation_that_does_not_join_still_gets_its_savepoint(client, savepoints_set) -> None:
    market = await build_market(client)
    plumber = market.crew[0]
    booking = await ok(await book(client, market, start=iso(slot(30))), 201)
    answer = await push(client, plumber, str(uuid4()),
                        named(1, "bookings", "accept", booking["id"], base_version=booking["version"]),
                        rename(2, plumber.id, "x" * 500), rename(3, plumber.id, "Ana"))
    assert [r["status"] for r in answer["results"]] == ["applied", "rejected", "applied"]
    assert len(savepoints_set) == 2  # the renames, not the accept


async def test_a_single_write_unit_joins_without_the_callers_savepoint(client) -> None:
    """`within(join=True, savepoint=...)`: an ordinary unit of work sets the caller's savepoint
    as it opens; a `single_write` one sets none and says so (`unprotected_write`)."""
    set_calls: list[int] = []

    async def set_savepoint() -> None:
        set_calls.append(1)

    async with unit_of_work() as outer:
        async with within(outer, join=True, savepoint=set_savepoint) as scope:
            async with unit_of_work(single_write=True):
                pass
        assert set_calls == [] and scope.unprotected_write
        async with within(outer, join=True, savepoint=set_savepoint) as scope:
            async with unit_of_work():
                pass
        assert set_calls == [1] and not scope.unprotected_write
