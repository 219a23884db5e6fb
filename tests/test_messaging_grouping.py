"""The group commit of sends (issue 19, domain/messaging/grouping.py): sends waiting while a
store is in flight go in one statement (`sending.store_many`), each with its own answer.

The batcher's rules on fakes (one send per conversation per group, in arrival order; a failed
group is stored again send by send); the statement on PostgreSQL (a group in which one send's
guard fails, one is a retried client_msg_id and one's conversation is gone, while the others are
stored, with their outbox rows, read positions and delta-sync ops); and many concurrent sends
through the service (grouped, every seq once and in order, every delivery with its cursor)."""

from __future__ import annotations

import asyncio
import json
import secrets
import uuid
from types import SimpleNamespace
from typing import Any, cast

import pytest
from tortoise.connection import connections

from app.bootstrap import CONTAINER
from domain.messaging import sending
from domain.messaging.grouping import SendGroups
from domain.messaging.models import Message, Participant
from domain.messaging.services import Draft
from domain.shared.context import Actor
from domain.shared.errors import NotFound
from domain.shared.uow import one_statement
from tests.support.identity import register
from tests.support.messaging import NS, messaging_client, open_conversation
from tests.support.sync import flush, pull


def _send(conversation: str, name: str) -> sending.Send:
    target = SimpleNamespace(conversation=SimpleNamespace(id=conversation))
    return cast(sending.Send, SimpleNamespace(target=target, draft_id=name))


class _Fake:
    """Store functions that record what they were called with; the first call waits for `go`."""

    def __init__(self, *, fail_many: bool = False, errors: frozenset[str] = frozenset()) -> None:
        self.calls: list[list[str]] = []
        self.go = asyncio.Event()
        self.fail_many, self.errors = fail_many, errors

    async def one(self, send: sending.Send) -> sending.Stored:
        self.calls.append([send.draft_id])
        if len(self.calls) == 1:
            await self.go.wait()
        if send.draft_id in self.errors:
            raise NotFound()
        return cast(sending.Stored, send.draft_id)

    async def many(self, sends: Any) -> list[Any]:
        self.calls.append([send.draft_id for send in sends])
        if self.fail_many:
            raise RuntimeError("deadlock detected")
        return [NotFound() if send.draft_id in self.errors else send.draft_id for send in sends]


@pytest.mark.unit
async def test_sends_waiting_behind_a_store_go_together_one_per_conversation_in_arrival_order():
    fake = _Fake(errors=frozenset({"c1"}))
    groups = SendGroups(max_in_flight=1, one=fake.one, many=fake.many)
    first = asyncio.create_task(groups.store(_send("A", "a1")))
    await asyncio.sleep(0)  # a1 is in flight, alone: the rest wait for it
    rest = [asyncio.create_task(groups.store(_send(conversation, name)))
            for conversation, name in (("A", "a2"), ("B", "b1"), ("A", "a3"), ("C", "c1"), ("B", "b2"))]
    await asyncio.sleep(0)
    fake.go.set()
    answers = await asyncio.gather(first, *rest, return_exceptions=True)
    # A conversation's later sends wait for the next group, behind its earlier one.
    assert fake.calls == [["a1"], ["a2", "b1", "c1"], ["a3", "b2"]]
    assert answers[:4] == ["a1", "a2", "b1", "a3"]
    assert isinstance(answers[4], NotFound)  # its own error; the others of its group stored
    assert answers[5] == "b2"
    assert groups.groups == 2


@pytest.mark.unit
async def test_a_second_store_starts_only_beside_one_that_stalls():
    fake = _Fake()
    groups = SendGroups(max_in_flight=2, stall=0.05, one=fake.one, many=fake.many)
    first = asyncio.create_task(groups.store(_send("A", "a1")))  # in flight until `go`: a locked row
    await asyncio.sleep(0)
    second = asyncio.create_task(groups.store(_send("B", "b1")))
    await asyncio.sleep(0.01)
    assert fake.calls == [["a1"]]  # waits to go with whatever else comes
    assert await asyncio.wait_for(second, 1) == "b1"  # then goes beside the stalled one
    assert not first.done()
    fake.go.set()
    assert await first == "a1"


@pytest.mark.unit
async def test_a_group_whose_statement_fails_is_stored_again_send_by_send():
    fake = _Fake(fail_many=True, errors=frozenset({"b1"}))
    groups = SendGroups(max_in_flight=1, one=fake.one, many=fake.many)
    first = asyncio.create_task(groups.store(_send("A", "a1")))
    await asyncio.sleep(0)
    rest = [asyncio.create_task(groups.store(_send(c, n))) for c, n in (("B", "b1"), ("C", "c1"))]
    await asyncio.sleep(0)
    fake.go.set()
    answers = await asyncio.gather(first, *rest, return_exceptions=True)
    assert fake.calls == [["a1"], ["b1", "c1"], ["b1"], ["c1"]]
    assert answers[0] == "a1" and isinstance(answers[1], NotFound) and answers[2] == "c1"
    assert groups.groups == 0


async def _target(conversation_id: str, user_id: str) -> sending.SendTarget:
    target = await sending.load_for_send(conversation_id, user_id)
    assert target is not None
    return target


async def test_one_statement_stores_some_sends_of_a_group_and_refuses_the_others_each_on_its_own(make_client):
    client = await make_client()
    users = [await register(client, "customer") for _ in range(5)]
    outsider = await register(client, "customer")
    chats = [(await open_conversation(client, user, kind="support"))["id"] for user in users]
    actors = [Actor(user_id=user.id, roles=frozenset({"customer"})) for user in users]
    service = client.app[CONTAINER].messaging
    await service.send(actors[1], chats[1], Draft("again", "stored before"))
    targets = [await _target(chat, user.id) for chat, user in zip(chats, users, strict=True)]
    gone = await _target(chats[3], users[3].id)
    gone.conversation.id = uuid.uuid4()  # a conversation that is not there
    sends = [
        sending.Send(actors[0], targets[0], "fresh", "hello", (), []),
        sending.Send(actors[1], targets[1], "again", "stored before", (), []),  # a retry
        # Guarded for a sender who does not take part: the guard fails, nothing written for it.
        sending.Send(Actor(user_id=outsider.id, roles=frozenset({"customer"})), targets[4], "sneak", "hi", (), [],
                     guarded=True),
        sending.Send(actors[3], gone, "lost", "hello?", (), []),
        sending.Send(actors[2], targets[2], "mine", "call me at 5", (), ["contact_before_booking"], guarded=True),
    ]
    async with one_statement() as uow:
        answers = await sending.store_many(uow, sends)
    fresh, again, sneak, lost, mine = answers
    assert isinstance(fresh, sending.Stored) and fresh.view is not None and fresh.view.seq == 1
    assert fresh.recipients == [users[0].id]
    assert isinstance(again, sending.Stored) and again.view is None
    assert isinstance(sneak, sending.TargetChanged)
    assert isinstance(lost, NotFound)
    assert isinstance(mine, sending.Stored) and mine.view is not None and mine.view.seq == 1
    assert mine.view.flagged and mine.view.flag_reasons == ["contact_before_booking"]
    stored = {m.client_msg_id: m for m in await Message.all()}
    assert set(stored) == {"again", "fresh", "mine"}
    assert stored["fresh"].created_at is not None and str(stored["fresh"].id) == fresh.view.id
    # The outbox rows carry the stored seqs; the senders have read their own messages.
    _, outbox = await connections.get("default").execute_query(
        "SELECT key, body FROM outbox WHERE type = 'message.sent' ORDER BY id")
    bodies = {row["key"]: row["body"] for row in outbox}
    for chat, view in ((chats[0], fresh.view), (chats[2], mine.view)):
        body = bodies[chat] if isinstance(bodies[chat], dict) else json.loads(bodies[chat])
        assert body["data"]["seq"] == 1 and body["data"]["message_id"] == view.id
    assert len(outbox) == 3
    read = await Participant.get(conversation_id=chats[0], user_id=users[0].id)
    assert read.last_read_seq == 1
    # Every write shows up in delta sync.
    await flush(client)
    page = await pull(client, users[0], collections=["messages"])
    assert [c["data"]["client_msg_id"] for c in page["changes"] if c["collection"] == "messages"] == ["fresh"]


async def test_concurrent_sends_are_grouped_and_every_conversation_keeps_its_order(make_client):
    client = await make_client()
    pairs = []
    for _ in range(6):
        owner = await register(client, "customer")
        chat = await open_conversation(client, owner, kind="support")
        pairs.append((chat["id"], owner))
    service = client.app[CONTAINER].messaging
    url = str(client.make_url("")).rstrip("/")
    watcher = await messaging_client(url, pairs[0][1])
    try:
        actors = {chat: Actor(user_id=owner.id, roles=frozenset({"customer"})) for chat, owner in pairs}
        for chat, actor in actors.items():  # remembered targets: the guarded statement in groups too
            await service.send(actor, chat, Draft(secrets.token_hex(6), "first"))
        before = service._groups.groups
        drafts = [(chat, f"d{k}") for k in range(5) for chat in actors]
        views = await asyncio.gather(*(service.send(actors[chat], chat, Draft(name, f"n {name}"))
                                       for chat, name in drafts))
        assert service._groups.groups > before  # some went together
        for chat in actors:
            seqs = [v.seq for (c, _), v in zip(drafts, views, strict=True) if c == chat]
            assert seqs == [2, 3, 4, 5, 6]  # in the order they were sent, each seq once
            assert await Message.filter(conversation_id=chat).count() == 6
        # Retried, each answers with its first message and stores nothing again.
        again = await asyncio.gather(*(service.send(actors[chat], chat, Draft(name, f"n {name}"))
                                       for chat, name in drafts[:12]))
        assert [v.id for v in again] == [v.id for v in views[:12]]
        assert await Message.all().count() == 36
        # The watcher's device hears its conversation's messages in order, each with a cursor.
        heard = [await watcher.next_event(NS, "message:new") for _ in range(6)]
        assert [h["message"]["seq"] for h in heard] == [1, 2, 3, 4, 5, 6]
        assert all(h["cursor"] for h in heard)
    finally:
        await watcher.close()
