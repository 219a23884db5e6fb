"""Sending, read receipts, typing and history: the use cases REST and the socket share.

A send validates, screens, stores the message with the next `seq` and commits; only then are
the conversation's participants told (`message:new` to each one's user room: on PostgreSQL
those the storing statement saw take part, so a participant whose removal committed before
it hears nothing; elsewhere read after the commit). The sender gets the stored message back.
A retried `client_msg_id` returns the first message and tells nobody again. The send's
statements (one read before the write, one write on PostgreSQL; the write alone to a
conversation sent to before, domain/messaging/send_targets.py) are in
domain/messaging/sending.py. On PostgreSQL the write of sends that wait while another is being
stored is one statement for them all (group commit, domain/messaging/grouping.py), each send
with its own answer; a conversation's sends still go one after the other.
"""

from __future__ import annotations

import asyncio
import logging
import re
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Any
from uuid import UUID
from weakref import WeakValueDictionary

from pydantic import BaseModel
from tortoise.connection import connections
from tortoise.exceptions import IntegrityError
from tortoise.expressions import F

from domain.access.policy import Permission, authorize
from domain.messaging import conversations, sending
from domain.messaging.fanout import Fanout
from domain.messaging.grouping import SendGroups
from domain.messaging.models import Conversation, ConversationKind, Message, Participant
from domain.messaging.parties import Subject, active_participant_ids, forget_member
from domain.messaging.payloads import (
    CLIENT_MSG_ID_PATTERN,
    MAX_ATTACHMENTS,
    MAX_BODY_CHARS,
    AttachmentRef,
    MessageFlagged,
    MessageNew,
    MessageRead,
    MessageView,
    ReadState,
    Typing,
)
from domain.messaging.screening import ScreenContext, screen
from domain.messaging.send_targets import SendTargets
from domain.notifications import centre as notification_centre
from domain.shared import sql, tracing
from domain.shared.context import Actor, RequestContext
from domain.shared.errors import NotFound, ValidationFailed
from domain.shared.switches import FeatureGuard
from domain.shared.uow import AFTER_COMMIT_FAILED, one_statement, statement_is_transaction, unit_of_work
from domain.shared.uow import current as current_uow

log = logging.getLogger(__name__)

MAX_PAGE = 200
SYNCED_MEMORY = 10_000  # booking conversations whose party sync this process remembers

# The sync position at which everything committed so far is visible to pulls (PROTOCOL
# section 3: the `cursor` of events reporting a durable change); None where sync is off.
CursorSource = Callable[[], Awaitable[str | None]]


@dataclass(frozen=True)
class Draft:
    client_msg_id: str
    body: str
    attachments: Sequence[AttachmentRef] = ()


@dataclass
class HistoryPage:
    items: list[MessageView]
    last_seq: int
    next_before_seq: int | None = None  # pass as before_seq for older messages
    next_after_seq: int | None = None  # pass as after_seq for the rest of a catch-up


class MessagingService:
    # The kill switch of sending (domain/flags/catalog.py): REST, socket and offline push alike.
    SEND_SWITCH = "messaging.send.enabled"

    def __init__(self, fanout: Fanout, cursor: CursorSource | None = None, guard: FeatureGuard | None = None) -> None:
        self.fanout = fanout
        self.cursor = cursor
        self.guard = guard
        # One lock per conversation being sent to in this process: this process's sends of a
        # conversation commit and emit in seq order (the database row lock alone orders the
        # commits, not the emits that follow them).
        self._locks: WeakValueDictionary[UUID, asyncio.Lock] = WeakValueDictionary()
        # Booking conversation -> the booking version its parties were last synced at.
        self._synced: OrderedDict[UUID, int | None] = OrderedDict()
        self._targets = SendTargets()
        self._groups = SendGroups()

    async def send(self, actor: Actor, conversation_id: str, draft: Draft) -> MessageView:
        """Store the message and tell the participants once it committed. Called inside a
        caller's unit of work (an offline push), they hear it after that one commits."""
        _check(draft)
        if self.guard is not None:
            await self.guard.require(self.SEND_SWITCH, actor)
        # To a conversation sent to before: one statement, which checks afresh that this sender
        # takes part and what the target was remembered with (domain/messaging/send_targets.py).
        # Not inside a caller's unit of work: a refused guard there would cost its savepoint.
        known = self._targets.get(conversation_id) if current_uow() is None else None
        if known is not None:
            try:
                return await self._store(actor, known, draft, guarded=True)
            except sending.TargetChanged:
                self._targets.forget(conversation_id)
        # One read: the conversation, whether the actor takes part (for authorize) and whether
        # the parties have a booking (for the screen).
        target = await sending.load_for_send(conversation_id, actor.user_id)
        conversation = target.conversation if target is not None else None
        if conversation is not None and conversation.kind is ConversationKind.BOOKING:
            await self._sync_crew(conversation)
        await authorize(actor, Permission.CONVERSATION_SEND, conversation)
        if target is None or conversation is None:
            raise NotFound()
        view = await self._store(actor, target, draft)
        if sql.is_postgres(connections.get("default")):  # the guarded statement is PostgreSQL's
            self._targets.remember(conversation_id, target)
        return view

    async def _store(self, actor: Actor, target: sending.SendTarget, draft: Draft, *, guarded: bool = False
                     ) -> MessageView:
        conversation = target.conversation
        names = tuple(part for a in draft.attachments for part in (a.ref, a.name or ""))
        reasons = screen(draft.body, ScreenContext(has_booking=target.has_booking), extra=names)
        uploads = any(a.upload_id is not None for a in draft.attachments)
        race: IntegrityError | None = None
        async with self._lock(conversation.id):
            try:
                if not uploads and statement_is_transaction():
                    # Stored with whatever other sends this process has waiting (grouping.py): its
                    # own answer, one statement and transaction for them all. Told once committed.
                    stored = await self._groups.store(sending.Send(
                        actor, target, draft.client_msg_id, draft.body, draft.attachments, reasons, guarded,
                        tracing.current_traceparent()))
                    if stored.view is not None:
                        await self._after_commit(conversation.id, stored.view, actor.user_id, stored.recipients)
                    view = stored.view
                else:
                    # An upload to claim (a unit of work), or inside a caller's unit of work: the
                    # send on its own (sending.py), told after the commit.
                    async with unit_of_work() if uploads else one_statement() as uow:
                        stored = await sending.store(uow, actor, target, draft.client_msg_id, draft.body,
                                                     draft.attachments, reasons, guarded=guarded)
                        view = stored.view
                        if view is not None:
                            new, recipients = view, stored.recipients
                            uow.after_commit(lambda: self._deliver(conversation.id, new, actor.user_id, recipients))
            except IntegrityError as error:  # the same client_msg_id committed meanwhile (another process)
                view, race = None, error
            if view is None:  # a retried client_msg_id: the first message, nothing to tell
                first = await _existing(conversation.id, actor.user_id, draft.client_msg_id)
                if first is None:
                    raise race or NotFound()
                return MessageView.of(first)
        return view

    async def _after_commit(self, conversation_id: UUID, view: MessageView, sender_id: str,
                            recipients: list[str] | None) -> None:
        """`_deliver` as an after-commit callback runs: a failure is logged and counted, the
        stored message stands."""
        try:
            await self._deliver(conversation_id, view, sender_id, recipients)
        except Exception:
            AFTER_COMMIT_FAILED.inc()
            log.exception("after_commit_failed: %s", "MessagingService._deliver")

    async def mark_read(self, actor: Actor, conversation_id: str, seq: int) -> ReadState:
        """Store max(last_read_seq, seq) (capped at the last message); tell the participants."""
        conversation = await conversations.load(conversation_id)
        await authorize(actor, Permission.CONVERSATION_SEND, conversation)
        if conversation is None:
            raise NotFound()
        seq = min(seq, conversation.last_seq)
        advanced = await Participant.filter(
            conversation_id=conversation.id, user_id=actor.user_id, left_at=None, last_read_seq__lt=seq
        ).update(last_read_seq=seq, version=F("version") + 1)
        mine = await Participant.get_or_none(conversation_id=conversation.id, user_id=actor.user_id)
        last_read = int(mine.last_read_seq) if mine else 0
        if advanced:
            await notification_centre.conversation_read(actor.user_id, str(conversation.id), last_read)
            # The reader's own other devices hear it too: their unread badges clear.
            event = MessageRead(conversation_id=str(conversation.id), user_id=actor.user_id, seq=seq,
                                cursor=await self._cursor())
            await self._emit(await active_participant_ids(conversation.id), "message:read", event.model_dump())
        return ReadState(conversation_id=str(conversation.id), last_read_seq=last_read,
                         unread_count=max(0, conversation.last_seq - last_read))

    async def typing(self, actor: Actor, conversation_id: str) -> None:
        """Volatile: nothing is stored; the other participants' devices show an indicator."""
        conversation = await conversations.load(conversation_id)
        await authorize(actor, Permission.CONVERSATION_SEND, conversation)
        if conversation is None:
            raise NotFound()
        others = [uid for uid in await active_participant_ids(conversation.id) if uid != actor.user_id]
        event = Typing(conversation_id=str(conversation.id), user_id=actor.user_id)
        await self._emit(others, "typing", event.model_dump())

    async def _sync_crew(self, conversation: Conversation) -> None:
        """Crew assigned since the last message join before it is sent. Assigning bumps the
        booking's version, so the parties are re-read only when that version moved."""
        booking = conversation.booking
        version = getattr(booking, "version", None)
        if version is not None and self._synced.get(conversation.id) == version:
            return
        await conversations.sync_participants(conversation, Subject(ConversationKind.BOOKING, booking=booking))
        forget_member(conversation)  # the sender may be one who just joined
        self._synced[conversation.id] = version
        self._synced.move_to_end(conversation.id)
        while len(self._synced) > SYNCED_MEMORY:
            self._synced.popitem(last=False)

    def _lock(self, conversation_id: UUID) -> asyncio.Lock:
        lock = self._locks.get(conversation_id)
        if lock is None:
            lock = self._locks[conversation_id] = asyncio.Lock()
        return lock

    async def _cursor(self) -> str | None:
        """The sync position of what just committed; None when unknown (the emit still goes:
        the client pulls anyway, and the stored message must not wait on sync)."""
        if self.cursor is None:
            return None
        try:
            return await self.cursor()
        except Exception:
            log.exception("messaging_cursor_failed")
            return None

    async def _deliver(self, conversation_id: UUID, view: MessageView, sender_id: str,
                       stored_with: list[str] | None) -> None:
        # The recipients come with the statement that stored the message (PostgreSQL); else they
        # are read after the commit (a participant removed before it hears nothing), while the
        # sync tick is awaited.
        if stored_with is None:
            recipients, cursor = await asyncio.gather(active_participant_ids(conversation_id), self._cursor())
        else:
            recipients, cursor = stored_with, await self._cursor()
        # The model itself: the emitter dumps it once (a dict would be validated against it again).
        await self._emit(recipients, "message:new", MessageNew(message=view, cursor=cursor))
        if view.flagged:
            warning = MessageFlagged(message_id=view.id, conversation_id=view.conversation_id,
                                     reasons=view.flag_reasons)
            await self._emit([uid for uid in recipients if uid != sender_id], "message:flagged", warning)

    async def _emit(self, user_ids: list[str], event: str, payload: dict[str, Any] | BaseModel) -> None:
        if not user_ids:
            return
        try:
            await self.fanout.to_users(user_ids, event, payload)
        except Exception:  # stored is stored: a lost emit is recovered by catch-up, never by failing the send
            log.exception("messaging_emit_failed", extra={"socket_event": event})


async def history(actor: Actor, conversation_id: str, *, before_seq: int | None = None,
                  after_seq: int | None = None, limit: int = 50, context: RequestContext | None = None) -> HistoryPage:
    """Keyset pages by seq, always oldest first. `after_seq` catches up (forward from a seq the
    client has); otherwise the newest messages below `before_seq` (all, without it)."""
    conversation = await conversations.load(conversation_id)
    await authorize(actor, Permission.CONVERSATION_READ, conversation)
    if conversation is None:
        raise NotFound()
    await conversations.audit_admin_read(actor, conversation, "messages", context)
    limit = max(1, min(limit, MAX_PAGE))
    query = Message.filter(conversation_id=conversation.id)
    if before_seq is not None:
        query = query.filter(seq__lt=before_seq)
    if after_seq is not None:
        rows = await query.filter(seq__gt=after_seq).order_by("seq").limit(limit + 1)
        items = rows[:limit]
        more_after = len(rows) > limit
        return HistoryPage([MessageView.of(m) for m in items], conversation.last_seq,
                           next_after_seq=items[-1].seq if more_after else None)
    rows = await query.order_by("-seq").limit(limit + 1)
    items = list(reversed(rows[:limit]))
    return HistoryPage([MessageView.of(m) for m in items], conversation.last_seq,
                       next_before_seq=items[0].seq if len(rows) > limit else None)


def _check(draft: Draft) -> None:
    """The edges validate the same bounds; this keeps any other caller honest."""
    errors: list[dict[str, Any]] = []
    if not re.fullmatch(CLIENT_MSG_ID_PATTERN, draft.client_msg_id or ""):
        errors.append({"field": "client_msg_id", "message": "1-64 letters, digits or . _ : -", "type": "value_error"})
    if len(draft.body) > MAX_BODY_CHARS or "\x00" in draft.body:
        errors.append({"field": "body", "message": f"at most {MAX_BODY_CHARS} characters, no NUL",
                       "type": "value_error"})
    if not draft.body.strip() and not draft.attachments:
        errors.append({"field": "body", "message": "a message needs text or an attachment", "type": "value_error"})
    if len(draft.attachments) > MAX_ATTACHMENTS:
        errors.append({"field": "attachments", "message": f"at most {MAX_ATTACHMENTS}", "type": "value_error"})
    if errors:
        raise ValidationFailed(errors=errors)


async def _existing(conversation_id: UUID, sender_id: str, client_msg_id: str) -> Message | None:
    return await Message.get_or_none(conversation_id=conversation_id, sender_id=sender_id,
                                     client_msg_id=client_msg_id)

