"""A push's run of consecutive booking actions (sync/push.py `_apply_run`): every check first,
then one compare-and-set statement for the run (domain/bookings/transitions.transition_many),
yet each mutation keeps its own result: a stale version or a refusal in the middle is that
mutation's `conflict` (with `current`) or `rejected`, a booking moved by someone else between
the checks and the statement is its own `conflict`, the others are applied with their events
in mutation order, and a replay answers `duplicate` for each."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from uuid import UUID, uuid4

import asyncpg
import pytest

from domain.bookings import transitions
from domain.bookings.models import Booking, BookingState, Transition
from domain.bookings.states import Action
from domain.shared.errors import Conflict
from domain.shared.outbox import OutboxEvent
from tests.support.bookings import Market, build_market
from tests.support.market import actor
from tests.support.sync import make_booking
from tests.test_sync_named_mutations import named
from tests.test_sync_push import push


async def requested(market: Market, serviceman_id: str) -> dict[str, str | int]:
    """A requested booking of the market's organisation with the serviceman as its crew."""
    booking = await Booking.get(id=await make_booking(market.customer.id, org_id=market.org_id,
                                                      crew=(serviceman_id,)))
    return {"id": str(booking.id), "version": booking.version}


async def test_a_run_with_conflicts_in_the_middle_keeps_each_result(client, monkeypatch) -> None:
    market = await build_market(client)
    plumber, rival = market.crew
    mine = [await requested(market, plumber.id) for _ in range(5)]
    theirs = await requested(market, rival.id)
    moved_meanwhile = mine[3]["id"]
    statements: list[int] = []
    many = transitions._compare_and_set_many

    async def counted(*args, **kwargs):  # type: ignore[no-untyped-def]
        statements.append(1)
        return await many(*args, **kwargs)

    async def someone_else_moves_it(booking: Booking) -> None:
        # Between this run's checks and its statement the booking changes (a new version).
        if str(booking.id) == moved_meanwhile:
            await Booking.filter(id=booking.id).update(notes="edited elsewhere")

    monkeypatch.setattr(transitions, "_compare_and_set_many", counted)
    remove_guard = transitions.guard_accept(someone_else_moves_it)
    device = str(uuid4())
    batch = (named(1, "bookings", "accept", mine[0]["id"], base_version=mine[0]["version"]),
             named(2, "bookings", "accept", mine[1]["id"], base_version=mine[1]["version"] + 5),  # stale
             named(3, "bookings", "accept", theirs["id"], base_version=theirs["version"]),  # not the plumber's
             named(4, "bookings", "accept", moved_meanwhile, base_version=mine[3]["version"]),
             named(5, "bookings", "accept", mine[4]["id"], base_version=mine[4]["version"]))
    try:
        answer = await push(client, plumber, device, *batch)
    finally:
        remove_guard()
    first, stale, foreign, moved, last = answer["results"]
    assert statements == [1]  # the run's compare-and-sets in one statement
    assert [r["mutation_id"] for r in answer["results"]] == [1, 2, 3, 4, 5]
    for applied, booking in ((first, mine[0]), (last, mine[4])):
        assert applied["status"] == "applied" and applied["data"]["state"] == "accepted"
        assert applied["version"] == booking["version"] + 1 == applied["data"]["version"]
    assert stale["status"] == "conflict" and stale["error"]["details"]["reason"] == "stale_version"
    assert stale["current"]["version"] == mine[1]["version"]
    assert foreign["status"] == "rejected" and foreign["error"]["code"] in {"forbidden", "not_found"}
    assert moved["status"] == "conflict" and moved["error"]["details"]["reason"] == "stale_version"
    assert moved["current"]["version"] == mine[3]["version"] + 1 and moved["current"]["data"]["state"] == "requested"
    states = {str(b.id): (b.state, b.version) for b in await Booking.filter(id__in=[b["id"] for b in mine])}
    assert states == {mine[0]["id"]: (BookingState.ACCEPTED, mine[0]["version"] + 1),
                      mine[1]["id"]: (BookingState.REQUESTED, mine[1]["version"]),
                      mine[2]["id"]: (BookingState.REQUESTED, mine[2]["version"]),
                      moved_meanwhile: (BookingState.REQUESTED, mine[3]["version"] + 1),
                      mine[4]["id"]: (BookingState.ACCEPTED, mine[4]["version"] + 1)}
    assert (await Booking.get(id=theirs["id"])).state == BookingState.REQUESTED
    # A transition row and an event for each applied one only, the events in mutation order.
    logged = await Transition.filter(to_state="accepted", booking_id__in=[b["id"] for b in mine]).order_by("id")
    assert [str(t.booking_id) for t in logged] == [mine[0]["id"], mine[4]["id"]]
    assert all(t.actor_id is not None and str(t.actor_id) == plumber.id for t in logged)
    events = await OutboxEvent.filter(type="booking.accepted").order_by("id").values_list("key", flat=True)
    assert list(events) == [mine[0]["id"], mine[4]["id"]]

    replay = await push(client, plumber, device, *batch)
    assert [r["status"] for r in replay["results"]] == ["duplicate"] * 5
    assert replay["results"][3]["error"] == moved["error"] and replay["results"][4]["data"] == last["data"]
    assert (await Booking.get(id=mine[0]["id"])).version == mine[0]["version"] + 1  # applied once


async def test_a_run_mixed_with_other_mutations_and_repeated_bookings(client, monkeypatch) -> None:
    """A run ends at a mutation of another kind, and a booking named twice in the batch runs on
    its own (its second action sees the first one's write): results as one by one."""
    market = await build_market(client)
    plumber = market.crew[0]
    a, b, c, d = [await requested(market, plumber.id) for _ in range(4)]
    runs: list[int] = []
    many = transitions.transition_many

    async def counted(actor, requests):  # type: ignore[no-untyped-def]
        runs.append(len(requests))
        return await many(actor, requests)

    monkeypatch.setattr(transitions, "transition_many", counted)
    answer = await push(client, plumber, str(uuid4()),
                        named(1, "bookings", "accept", b["id"], base_version=b["version"]),
                        named(2, "bookings", "accept", d["id"], base_version=d["version"]),
                        {"mutation_id": 3, "collection": "users", "op": "update", "id": plumber.id,
                         "data": {"name": "Bo"}},
                        named(4, "bookings", "accept", a["id"], base_version=a["version"]),
                        named(5, "bookings", "accept", c["id"], base_version=c["version"]),
                        named(6, "bookings", "accept", a["id"], base_version=a["version"]))
    assert runs == [2]  # b and d; a is named twice, c's run would be one
    assert [r["status"] for r in answer["results"]] == ["applied"] * 5 + ["conflict"]
    assert answer["results"][5]["current"]["data"]["state"] == "accepted"
    assert answer["results"][5]["current"]["version"] == int(a["version"]) + 1
    for booking in (a, b, c, d):
        assert (await Booking.get(id=booking["id"])).state == BookingState.ACCEPTED


async def test_transition_many_on_its_own(client) -> None:
    """Outside a push: its own transaction, an answer per request in order, and a booking named
    twice refused outright (its second check could not see the first one's write)."""
    market = await build_market(client)
    plumber = actor(market.crew[0])
    a, b = await requested(market, market.crew[0].id), await requested(market, market.crew[0].id)
    stale, moved = await transitions.transition_many(plumber, [
        transitions.Request(str(a["id"]), Action.ACCEPT, int(a["version"]) + 1),
        transitions.Request(str(b["id"]), Action.DECLINE, int(b["version"]), reason="too far")])
    assert isinstance(stale, Conflict) and isinstance(moved, Booking) and moved.state == BookingState.DECLINED
    assert (await Transition.get(booking_id=b["id"], to_state="declined")).reason == "too far"
    assert (await Booking.get(id=a["id"])).state == BookingState.REQUESTED
    with pytest.raises(ValueError):
        await transitions.transition_many(plumber, [transitions.Request(str(a["id"]), Action.ACCEPT, 1)] * 2)


async def test_the_run_statement_locks_its_bookings_in_id_order(client, database_url) -> None:
    """Two pushes naming the same bookings in different orders must not deadlock: the run's
    statement locks its rows in id order before it moves any. While it waits for the lowest id
    (held elsewhere), it holds no lock on the others, whether named before it or stored before it."""
    market = await build_market(client)
    plumber = market.crew[0]
    made = [await requested(market, plumber.id) for _ in range(6)]
    by_id = sorted(made, key=lambda b: str(b["id"]))
    lowest, others = UUID(str(by_id[0]["id"])), [UUID(str(b["id"])) for b in by_id[1:]]
    named_order = list(reversed(by_id))  # the highest id first
    holder, runner, prober = [await asyncpg.connect(database_url) for _ in range(3)]
    try:
        held = holder.transaction()
        await held.start()
        await holder.execute("SELECT 1 FROM booking WHERE id = $1 FOR UPDATE", lowest)
        run = asyncio.create_task(runner.fetch(
            transitions.CHANGES_MANY_SQL, [UUID(str(b["id"])) for b in named_order],
            [b["version"] for b in named_order], ["requested"] * 6, ["accepted"] * 6,
            ["serviceman"] * 6, [""] * 6, datetime.now(UTC), None))
        waiting = False
        for _ in range(500):  # until the run waits on the held row
            waiting = await prober.fetchval("SELECT wait_event_type = 'Lock' FROM pg_stat_activity WHERE pid = $1",
                                            runner.get_server_pid())
            if waiting:
                break
            await asyncio.sleep(0.01)
        assert waiting, "the run did not wait on the held booking"
        locked_by_run = [booking for booking in others if await prober.fetchval(
            "SELECT count(*) FROM (SELECT 1 FROM booking WHERE id = $1 FOR UPDATE SKIP LOCKED) AS free", booking) == 0]
        assert locked_by_run == []
        await held.rollback()
        moved = await asyncio.wait_for(run, 10)
        assert sorted(row["id"] for row in moved) == sorted([lowest, *others])
    finally:
        for conn in (holder, runner, prober):
            await conn.close()
