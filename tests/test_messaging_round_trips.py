"""The round trips of a send (issue 19) on PostgreSQL: a send without an upload to claim is its
one write statement, in its own transaction (no BEGIN, no COMMIT); a sync tick is one call,
and a cursor asked for when nothing is left to stamp gets the head from that same call; a
message reaches all its recipients through one emit. Order, idempotency and delivery are the
other messaging tests' (unchanged)."""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

import asyncpg.connection
import pytest

from app.bootstrap import CONTAINER
from domain.messaging.services import Draft
from domain.shared.context import Actor
from domain.shared.uow import one_statement, unit_of_work
from realtime.emitters import MessagingFanout
from realtime.namespaces.messaging import NAME as MESSAGING
from realtime.rooms import user_room
from tests.support.identity import register
from tests.support.messaging import NS, messaging_client, open_conversation
from tests.support.sync import sync_head

_recording: ContextVar[list[str] | None] = ContextVar("recording", default=None)


@pytest.fixture
def statements(monkeypatch: pytest.MonkeyPatch) -> Any:
    """`with statements() as seen:` lists the SQL this task (and the tasks it starts) sends."""
    execute, inner = asyncpg.connection.Connection.execute, asyncpg.connection.Connection._execute

    async def recording_execute(self: Any, query: str, *args: Any, **kwargs: Any) -> Any:
        seen = _recording.get()
        if seen is not None and not args:  # with arguments it goes through _execute
            seen.append(" ".join(query.split()))
        return await execute(self, query, *args, **kwargs)

    async def recording_inner(self: Any, query: str, args: Any, *rest: Any, **kwargs: Any) -> Any:
        seen = _recording.get()
        if seen is not None:
            seen.append(" ".join(query.split()))
        return await inner(self, query, args, *rest, **kwargs)

    monkeypatch.setattr(asyncpg.connection.Connection, "execute", recording_execute)
    monkeypatch.setattr(asyncpg.connection.Connection, "_execute", recording_inner)

    @contextmanager
    def record() -> Iterator[list[str]]:
        seen: list[str] = []
        token = _recording.set(seen)
        try:
            yield seen
        finally:
            _recording.reset(token)

    return record


async def test_a_send_writes_in_one_statement_without_begin_or_commit(make_client, statements):
    client = await make_client()
    customer = await register(client, "customer")
    conversation = await open_conversation(client, customer, kind="support")
    url = str(client.make_url("")).rstrip("/")
    recorder = await messaging_client(url, customer)
    try:
        service = client.app[CONTAINER].messaging
        actor = Actor(user_id=customer.id, roles=frozenset({"customer"}))
        with statements() as seen:
            view = await service.send(actor, conversation["id"], Draft(secrets.token_hex(8), "hello"))
        assert view.seq == 1
        assert not [s for s in seen if s.rstrip(";").upper() in ("BEGIN", "COMMIT", "ROLLBACK")], seen
        writes = [s for s in seen if s.startswith("WITH e AS")]
        assert len(writes) == 1, seen
        # Stored, committed and told: the participant's device hears it with a cursor.
        new = await recorder.next_event(NS, "message:new")
        assert new["message"]["id"] == view.id
        assert new["cursor"] is not None
        assert int(new["cursor"]) <= await sync_head(client)
        # A retry of the same client_msg_id is still the first message, not a second one.
        again = await service.send(actor, conversation["id"], Draft(view.client_msg_id, "hello"))
        assert (again.id, again.seq) == (view.id, view.seq)
    finally:
        await recorder.close()


async def test_a_one_statement_unit_of_work_joins_an_open_one_and_takes_no_second_statement(make_client):
    await make_client()
    async with unit_of_work() as outer, one_statement() as inner:
        assert inner.outer is outer  # inside a caller's unit of work: a savepoint of it, as before
    async with one_statement() as alone:
        assert alone.outer is None
        with pytest.raises(RuntimeError):
            alone.defer(lambda uow, rows: None, object())  # type: ignore[arg-type, return-value]
        with pytest.raises(RuntimeError):
            async with unit_of_work():
                pass


async def test_a_tick_is_one_call_and_a_cursor_with_nothing_to_stamp_gets_the_head(make_client, statements):
    client = await make_client()
    sync = client.app[CONTAINER].sync
    await register(client, "customer")  # captured rows (the running ticker may stamp them first)
    with statements() as seen:
        first = await sync.ticker.position()  # a tick of its own, or the head: one call either way
    assert len(seen) == 1, seen
    assert 1 <= first <= await sync_head(client)
    with statements() as seen:
        again = await sync.ticker.position()  # nothing written since: the head, same call
    assert len(seen) == 1, seen
    assert again >= first
    with statements() as seen:
        await sync.ticker.tick()  # the idle poll: one call too
    assert len(seen) == 1, seen


async def test_a_message_reaches_all_its_recipients_through_one_emit():
    calls: list[tuple[str, list[str], str, Any]] = []

    class Emitter:
        async def emit_to_rooms(self, namespace: str, rooms: list[str], event: str, payload: Any) -> None:
            calls.append((namespace, rooms, event, payload))

    fanout = MessagingFanout(Emitter())  # type: ignore[arg-type]
    await fanout.to_users(["a", "b", "a", "c"], "message:new", {"x": 1})
    await fanout.to_users([], "message:new", {"x": 2})
    assert calls == [(MESSAGING, [user_room("a"), user_room("b"), user_room("c")], "message:new", {"x": 1})]
