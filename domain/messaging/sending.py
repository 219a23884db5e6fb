"""The statements of one send (issue 19): the conversation read with what the send asks of it,
and the write of the message with everything that commits with it.

A send is a hot path, so its SQL is written out instead of built per call:

- `load_for_send`: the conversation (with its booking, for the crew sync), whether the sender
  takes part now (the policy's `conversation_participant`, remembered on the instance so the
  authorize that follows asks nothing more) and whether the parties have a booking (the screen's
  context): one statement, where they were three. These are the same unlocked reads before the
  transaction they were.
- `store`: on PostgreSQL ONE statement increments the conversation's `last_seq` (row-locking it
  until commit: senders of a conversation still go in turn), inserts the message with that seq,
  moves the sender's read position to it and writes the `message.sent` outbox row with it. It
  first looks for the sender's `client_msg_id` and, when it is stored, changes nothing (no lock,
  no seq): the caller returns the first message. A retry racing its first attempt is caught by
  the unique index as before. It returns the recipients too (who takes part, in its snapshot).
  Guarded, for a remembered target (domain/messaging/send_targets.py), it first checks what
  `load_for_send` would have read, and writes nothing when that changed. SQLite (the demo) runs
  the same steps as separate statements.
- `store_many`: the same for several sends at once, each to another conversation, in ONE
  statement (the group commit of domain/messaging/grouping.py): arrays, one row each, the
  conversations locked in id order (two groups in flight never wait on each other in a cycle).
  Each send gets its own answer: stored (its seq, recipients), stored before (its draft id), or
  refused (its guard no longer holds: TargetChanged; its conversation is gone: NotFound), while
  the others are stored.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from typing import Any
from uuid import UUID, uuid4

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.connection import connections
from tortoise.expressions import F
from tortoise.fields.data import JSON_DUMPS

from domain.bookings.models import Booking
from domain.messaging.attachments import attach_uploads
from domain.messaging.models import Conversation, Message, Participant
from domain.messaging.parties import remember_member
from domain.messaging.payloads import AttachmentRef, MessageView
from domain.shared import sql, tracing
from domain.shared.clock import isoformat, utcnow
from domain.shared.context import Actor
from domain.shared.errors import NotFound
from domain.shared.events import DomainEvent
from domain.shared.ids import as_uuid
from domain.shared.uow import UnitOfWork


@dataclass(frozen=True)
class SendTarget:
    conversation: Conversation
    # The parties already have a booking (contact details are fine from then on): a booking
    # conversation, or a job conversation whose bidder is crew on a booking of that job.
    has_booking: bool

    @property
    def booking_version(self) -> int | None:
        booking = getattr(self.conversation, "_booking", None)  # where load_for_send put it
        return None if booking is None else int(booking.version)


# Whether the parties of conversation `@` (an alias) have a booking, in SQL.
_HAS_BOOKING = ("CASE WHEN @.kind = 'booking' THEN TRUE "
                "WHEN @.kind = 'job' THEN EXISTS (SELECT 1 FROM booking AS j "
                "JOIN booking_assignment AS a ON a.booking_id = j.id "
                "WHERE j.job_id = @.job_id AND a.serviceman_id = @.subject_user_id) ELSE FALSE END")


def _has_booking(alias: str) -> str:
    return _HAS_BOOKING.replace("@", alias)


@cache
def _load_sql() -> str:
    return (f"SELECT {sql.aliased('c', Conversation)}, {sql.aliased('b', Booking)}, "  # noqa: S608 - model columns
            "EXISTS (SELECT 1 FROM conversation_participant AS p "
            'WHERE p.conversation_id = c.id AND p.user_id = $2 AND p.left_at IS NULL) AS "x.member", '
            f'{_has_booking("c")} AS "x.has_booking" '
            "FROM conversation AS c LEFT JOIN booking AS b ON b.id = c.booking_id WHERE c.id = $1")


async def load_for_send(conversation_id: object, user_id: str) -> SendTarget | None:
    """The conversation to send to (its booking loaded, as `select_related` would), or None when
    there is none by that id; whether `user_id` takes part is remembered on it for the policy."""
    uid, member = as_uuid(conversation_id), as_uuid(user_id)
    if uid is None:
        return None
    found = await sql.rows(connections.get("default"), _load_sql(), [uid, member])
    if not found:
        return None
    split = sql.split_aliased(found[0], "c", "b", "x")
    conversation = Conversation._init_from_db(**split["c"])
    booking = Booking._init_from_db(**split["b"]) if split["b"].get("id") is not None else None
    object.__setattr__(conversation, "_booking", booking)  # where select_related("booking") puts it
    remember_member(conversation, user_id, bool(split["x"]["member"]))
    return SendTarget(conversation, bool(split["x"]["has_booking"]))


# `store` on PostgreSQL. Guarded (a send to a remembered target, without `load_for_send`): the
# write happens only while what the target was remembered with still holds, read in the same
# statement: the sender takes part, the booking's version (its crew) and whether the parties
# have a booking are unchanged. Else nothing is written and the caller loads the target again.
_GUARD = """
g AS (
    SELECT EXISTS (SELECT 1 FROM conversation_participant AS p
                   WHERE p.conversation_id = k.id AND p.user_id = $4 AND p.left_at IS NULL)
           AND (SELECT b.version FROM booking AS b WHERE b.id = k.booking_id) IS NOT DISTINCT FROM $16::int
           AND {has_booking} = $17::bool AS ok
    FROM conversation AS k WHERE k.id = $1),""".replace(
    "{has_booking}", _has_booking("k"))

# The recipients (who takes part now) are read by the statement that stores the message, so in
# the snapshot it commits with: a participant whose removal committed before it is not among
# them, one removed after it was a participant when the message was stored.
_STORE_PG = """
WITH {guard}
e AS (
    SELECT seq FROM message WHERE conversation_id = $1 AND sender_id = $4 AND client_msg_id = $6 {guarded}),
c AS (
    UPDATE conversation SET last_seq = last_seq + 1, version = version + 1, last_message_at = $2, updated_at = $2
    WHERE id = $1 AND NOT EXISTS (SELECT 1 FROM e) {guarded}
    RETURNING last_seq),
m AS (
    INSERT INTO message (id, conversation_id, seq, sender_id, body, client_msg_id, attachments, flagged,
                         flag_reasons, created_at)
    SELECT $3::uuid, $1, c.last_seq, $4, $5::text, $6, $7::jsonb, $8::bool, $9::jsonb, $2 FROM c),
r AS (
    UPDATE conversation_participant AS p SET last_read_seq = c.last_seq FROM c
    WHERE p.conversation_id = $1 AND p.user_id = $4 AND p.last_read_seq < c.last_seq),
o AS (
    INSERT INTO outbox (event_id, stream, type, key, body, created_at, attempts, traceparent)
    SELECT $10::uuid, $11::text, $12::text, $13::text, jsonb_set($14::jsonb, '{{data,seq}}', to_jsonb(c.last_seq)),
           $2, 0, $15::text FROM c)
SELECT last_seq AS seq, FALSE AS stored_before,
       ARRAY(SELECT user_id FROM conversation_participant WHERE conversation_id = $1 AND left_at IS NULL)
           AS recipients FROM c
UNION ALL
SELECT seq, TRUE, NULL FROM e"""
_STORE_PG_PLAIN = _STORE_PG.format(guard="", guarded="")
_STORE_PG_GUARDED = _STORE_PG.format(guard=_GUARD, guarded="AND (SELECT ok FROM g)")


class TargetChanged(Exception):
    """A guarded store wrote nothing: the remembered target no longer holds (or is gone)."""


@dataclass(frozen=True)
class Stored:
    view: MessageView | None  # None: this sender's draft id was stored already
    recipients: list[str] | None = None  # who took part as it was stored; None: not read with it


async def store(uow: UnitOfWork, actor: Actor, target: SendTarget, draft_id: str, body: str,
                attachments: Sequence[AttachmentRef], reasons: list[str], *, guarded: bool = False) -> Stored:
    """Store the message in the unit of work. `guarded` (PostgreSQL only): the target is a
    remembered one, checked afresh by the statement; raises TargetChanged when it no longer
    holds (nothing is written)."""
    conn = uow.connection
    conversation = target.conversation
    now = utcnow()
    message_id = uuid4()
    stored = [a.model_dump(exclude_none=True) for a in attachments]
    event = _sent_event(actor, conversation, message_id, reasons)
    recipients: list[str] | None = None
    if sql.is_postgres(conn):
        args = [
            conversation.id, now, message_id, UUID(actor.user_id), body, draft_id, JSON_DUMPS(stored),
            bool(reasons), JSON_DUMPS(reasons), event.event_id, event.stream, event.type, event.subject,
            JSON_DUMPS(event.wire()), tracing.current_traceparent(),
        ]
        if guarded:
            args += [target.booking_version, target.has_booking]
        rows = await conn.execute_query_dict(_STORE_PG_GUARDED if guarded else _STORE_PG_PLAIN, args)
        if not rows:
            if guarded:
                raise TargetChanged()
            raise NotFound()  # deleted since it was read
        if rows[0]["stored_before"]:
            return Stored(None)
        seq = int(rows[0]["seq"])
        recipients = [str(user_id) for user_id in rows[0]["recipients"]]
        uow.recorded_by_statement(1)
    else:
        written = await _store_sqlite(uow, actor, conversation, message_id, draft_id, body, stored, reasons, event)
        if written is None:
            return Stored(None)
        seq, now = written
    await attach_uploads(uow, actor, message_id, attachments)
    return Stored(_view(message_id, conversation.id, seq, actor, body, draft_id, now, stored, reasons), recipients)


def _sent_event(actor: Actor, conversation: Conversation, message_id: UUID, reasons: list[str]) -> DomainEvent:
    """`message.sent`, its seq 0 until the statement puts the stored one in."""
    return DomainEvent(
        stream="domain", type="message.sent", subject=str(conversation.id), actor_id=actor.user_id,
        data={"conversation_id": str(conversation.id), "message_id": str(message_id), "seq": 0,
              "sender_id": actor.user_id, "kind": conversation.kind.value, "flagged": bool(reasons),
              "flag_reasons": reasons},
    )


def _view(message_id: UUID, conversation_id: UUID, seq: int, actor: Actor, body: str, draft_id: str, now: datetime,
          stored: list[dict[str, Any]], reasons: list[str]) -> MessageView:
    return MessageView(
        id=str(message_id), conversation_id=str(conversation_id), seq=seq, sender_id=actor.user_id, body=body,
        client_msg_id=draft_id, created_at=isoformat(now),
        attachments=[AttachmentRef.model_validate(item) for item in stored], flagged=bool(reasons),
        flag_reasons=list(reasons),
    )


@dataclass(frozen=True)
class Send:
    """One send for `store_many`: no upload to claim (those take `store` in a unit of work)."""

    actor: Actor
    target: SendTarget
    draft_id: str
    body: str
    attachments: Sequence[AttachmentRef]
    reasons: list[str]
    guarded: bool = False
    traceparent: str | None = None  # the sender's span (read in its task)


# `_STORE_PG` for many sends (arrays in step, `n` their place), each to another conversation.
# A send whose guard fails (guarded) or whose conversation is gone has no row; one whose draft id
# is stored has its row in `e`. The conversations are locked in id order (`l`: the lock is taken
# above the sort), then incremented: a concurrent sender's commit in between is seen by the
# UPDATE (it re-reads the row it waited for), as in `_STORE_PG`.
# Each array goes into unnest through a sub-select, which hides its length from the planner: a
# custom plan then costs what the generic one does, so after its first five runs on a connection
# the statement keeps one cached plan instead of being planned at every group (~0.45 ms of the
# ~1.3 ms it took in PostgreSQL for a group of 4; the plan is the same index lookups either way).
_ARRAYS = ("$1::uuid[]", "$2::uuid[]", "$3::uuid[]", "$4::text[]", "$5::text[]", "$6::text[]", "$7::bool[]",
           "$8::text[]", "$9::uuid[]", "$10::text[]", "$11::text[]", "$12::text[]", "$13::bool[]", "$14::int[]",
           "$15::bool[]")
_STORE_MANY_PG = """
WITH w AS (
    SELECT * FROM unnest({arrays})
        WITH ORDINALITY AS w(conversation_id, message_id, sender_id, body, client_msg_id, attachments, flagged,
                             flag_reasons, event_id, subject, event, traceparent, guarded, booking_version,
                             has_booking, n)),
g AS (
    SELECT w.n, NOT w.guarded OR (
               EXISTS (SELECT 1 FROM conversation_participant AS p
                       WHERE p.conversation_id = k.id AND p.user_id = w.sender_id AND p.left_at IS NULL)
               AND (SELECT b.version FROM booking AS b WHERE b.id = k.booking_id)
                   IS NOT DISTINCT FROM w.booking_version
               AND {has_booking} = w.has_booking) AS ok
    FROM w JOIN conversation AS k ON k.id = w.conversation_id),
e AS (
    SELECT w.n, m.seq FROM w JOIN g ON g.n = w.n AND g.ok
    JOIN message AS m ON m.conversation_id = w.conversation_id AND m.sender_id = w.sender_id
                     AND m.client_msg_id = w.client_msg_id),
l AS (
    SELECT k.id FROM conversation AS k
    WHERE k.id IN (SELECT w.conversation_id FROM w JOIN g ON g.n = w.n AND g.ok
                   WHERE NOT EXISTS (SELECT 1 FROM e WHERE e.n = w.n))
    ORDER BY k.id FOR UPDATE),
c AS (
    UPDATE conversation AS k SET last_seq = k.last_seq + 1, version = k.version + 1, last_message_at = $16,
                                 updated_at = $16
    FROM l WHERE k.id = l.id
    RETURNING k.id, k.last_seq),
s AS (SELECT w.*, c.last_seq FROM w JOIN c ON c.id = w.conversation_id),
m AS (
    INSERT INTO message (id, conversation_id, seq, sender_id, body, client_msg_id, attachments, flagged,
                         flag_reasons, created_at)
    SELECT s.message_id, s.conversation_id, s.last_seq, s.sender_id, s.body, s.client_msg_id, s.attachments::jsonb,
           s.flagged, s.flag_reasons::jsonb, $16 FROM s),
r AS (
    UPDATE conversation_participant AS p SET last_read_seq = s.last_seq FROM s
    WHERE p.conversation_id = s.conversation_id AND p.user_id = s.sender_id AND p.last_read_seq < s.last_seq),
o AS (
    INSERT INTO outbox (event_id, stream, type, key, body, created_at, attempts, traceparent)
    SELECT s.event_id, $17::text, $18::text, s.subject, jsonb_set(s.event::jsonb, '{data,seq}', to_jsonb(s.last_seq)),
           $16, 0, s.traceparent FROM s ORDER BY s.n)
SELECT s.n, s.last_seq AS seq, FALSE AS stored_before,
       ARRAY(SELECT p.user_id FROM conversation_participant AS p
             WHERE p.conversation_id = s.conversation_id AND p.left_at IS NULL) AS recipients FROM s
UNION ALL
SELECT e.n, e.seq, TRUE, NULL FROM e""".replace("{has_booking}", _has_booking("k")).replace(
    "{arrays}", ", ".join(f"(SELECT {array})" for array in _ARRAYS))


async def store_many(uow: UnitOfWork, sends: Sequence[Send]) -> list[Stored | Exception]:
    """Store `sends` (each to another conversation; PostgreSQL) in ONE statement of `uow` (a
    `one_statement`): an answer each, in order, as `store` would have given it (a Stored, or the
    TargetChanged or NotFound it would have raised). A database error fails them all (nothing
    is written)."""
    if len({send.target.conversation.id for send in sends}) != len(sends):
        raise ValueError("store_many takes at most one send per conversation")
    now = utcnow()
    ids = [uuid4() for _ in sends]
    kept = [[a.model_dump(exclude_none=True) for a in send.attachments] for send in sends]
    events = [_sent_event(send.actor, send.target.conversation, message_id, send.reasons)
              for send, message_id in zip(sends, ids, strict=True)]
    args: list[Any] = [
        [send.target.conversation.id for send in sends], ids, [UUID(send.actor.user_id) for send in sends],
        [send.body for send in sends], [send.draft_id for send in sends], [JSON_DUMPS(k) for k in kept],
        [bool(send.reasons) for send in sends], [JSON_DUMPS(send.reasons) for send in sends],
        [e.event_id for e in events], [e.subject for e in events], [JSON_DUMPS(e.wire()) for e in events],
        [send.traceparent for send in sends], [send.guarded for send in sends],
        [send.target.booking_version if send.guarded else None for send in sends],
        [send.target.has_booking for send in sends], now, "domain", "message.sent",
    ]
    rows = await uow.connection.execute_query_dict(_STORE_MANY_PG, args)
    found = {int(row["n"]): row for row in rows}
    answers: list[Stored | Exception] = []
    for n, send in enumerate(sends, 1):
        row = found.get(n)
        if row is None:
            answers.append(TargetChanged() if send.guarded else NotFound())
        elif row["stored_before"]:
            answers.append(Stored(None))
        else:
            answers.append(Stored(
                _view(ids[n - 1], send.target.conversation.id, int(row["seq"]), send.actor, send.body, send.draft_id,
                      now, kept[n - 1], send.reasons),
                [str(user_id) for user_id in row["recipients"]]))
    written = sum(1 for answer in answers if isinstance(answer, Stored) and answer.view is not None)
    if written:
        uow.recorded_by_statement(written)
    return answers


async def _store_sqlite(uow: UnitOfWork, actor: Actor, conversation: Conversation, message_id: UUID, draft_id: str,
                        body: str, stored: list[dict[str, Any]], reasons: list[str],
                        event: DomainEvent) -> tuple[int, datetime] | None:
    conn = uow.connection
    now = utcnow()
    if await Message.filter(conversation_id=conversation.id, sender_id=actor.user_id,
                            client_msg_id=draft_id).using_db(conn).exists():
        return None
    # Row-locks the conversation until commit: concurrent senders of it wait here, in turn.
    changed = await Conversation.filter(id=conversation.id).using_db(conn).update(
        last_seq=F("last_seq") + 1, version=F("version") + 1, last_message_at=now, updated_at=now
    )
    if not changed:
        raise NotFound()
    seqs: list[Any] = await Conversation.filter(id=conversation.id).using_db(conn).values_list("last_seq", flat=True)
    seq = int(seqs[0])
    message = await Message.create(
        id=message_id, conversation_id=conversation.id, seq=seq, sender_id=actor.user_id, body=body,
        client_msg_id=draft_id, attachments=stored, flagged=bool(reasons), flag_reasons=reasons,
        using_db=conn,
    )
    # Writing is reading: the sender has read everything up to their own message.
    await Participant.filter(conversation_id=conversation.id, user_id=actor.user_id,
                             last_read_seq__lt=seq).using_db(conn).update(last_read_seq=seq)
    await uow.record(event.model_copy(update={"data": {**event.data, "seq": seq}}))
    return seq, message.created_at



# For the notifier (push/recipients.py), which runs it in the relay for every message sent: the
# message, its conversation's last seq, the sender's name and every other current participant
# (a row each; one row with user_id NULL when there is none), in one statement.
_SENT_READERS = (
    "SELECT m.seq, m.body, c.last_seq, s.name AS sender_name, p.user_id, p.last_read_seq "
    "FROM message AS m JOIN conversation AS c ON c.id = $2 "
    "LEFT JOIN user_account AS s ON s.id = $3 "
    "LEFT JOIN conversation_participant AS p ON p.conversation_id = c.id AND p.left_at IS NULL "
    "AND p.user_id <> $3 WHERE m.id = $1")


async def sent_message_readers(conn: BaseDBAsyncClient, message_id: UUID, conversation_id: UUID,
                               sender_id: UUID) -> list[dict[str, Any]]:
    """No rows when the message or the conversation is not there."""
    return await sql.rows(conn, _SENT_READERS, [message_id, conversation_id, sender_id])


# `_SENT_READERS` for many messages at once (PostgreSQL; $1 message ids, $2 conversation ids, $3
# sender ids, in step): the notifier's batch of a relay batch. Each row names its message.
_SENT_READERS_MANY = (
    "SELECT w.message_id, m.seq, m.body, c.last_seq, s.name AS sender_name, p.user_id, p.last_read_seq "
    "FROM unnest($1::uuid[], $2::uuid[], $3::uuid[]) AS w(message_id, conversation_id, sender_id) "
    "JOIN message AS m ON m.id = w.message_id JOIN conversation AS c ON c.id = w.conversation_id "
    "LEFT JOIN user_account AS s ON s.id = w.sender_id "
    "LEFT JOIN conversation_participant AS p ON p.conversation_id = c.id AND p.left_at IS NULL "
    "AND p.user_id <> w.sender_id")


async def sent_messages_readers(conn: BaseDBAsyncClient, sent: list[tuple[str, str, str]]
                                ) -> dict[str, list[Any]]:
    """`sent_message_readers` of each (message, conversation, sender), ids as canonical text
    (domain/shared/ids.canonical): rows (records, read by column name) by message id, none for a
    message or conversation that is not there."""
    found: dict[str, list[Any]] = {}
    if not sent:
        return found
    rows = await sql.records(conn, _SENT_READERS_MANY, [[m for m, _, _ in sent], [c for _, c, _ in sent],
                                                       [s for _, _, s in sent]])
    for row in rows:
        found.setdefault(str(row["message_id"]), []).append(row)
    return found


# Arguments that match no conversation or message: the stores write nothing, the reads find nothing.
_NOBODY = UUID(int=0)
_LONG_AGO = datetime(2000, 1, 1, tzinfo=UTC)
_NO_SEND = (_NOBODY, _LONG_AGO, _NOBODY, _NOBODY, "", "", "[]", False, "[]", _NOBODY, "domain", "message.sent", "",
            "{}", None)


def warm_ups() -> list[sql.WarmUp]:
    """The send path's statements, for each new pooled PostgreSQL connection (sql.WarmUp)."""
    return [
        sql.WarmUp(_STORE_MANY_PG, (*([] for _ in _ARRAYS), _LONG_AGO, "domain", "message.sent")),
        sql.WarmUp(_STORE_PG_PLAIN, _NO_SEND),
        sql.WarmUp(_STORE_PG_GUARDED, (*_NO_SEND, None, False)),
        sql.WarmUp(_load_sql(), (_NOBODY, _NOBODY)),
        # Its arrays go into unnest as they are: values that match nothing once, to fill the caches.
        sql.WarmUp(_SENT_READERS_MANY, ([], [], []), runs=1),
    ]
