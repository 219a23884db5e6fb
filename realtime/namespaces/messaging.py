"""Namespace `/messaging`: `message:send`, `message:read` and `typing`, over the same domain
services as REST (domain/messaging). Server events: `message:new`, `message:read`, `typing`,
`message:flagged` (docs/events.md)."""

from __future__ import annotations

import time
from collections import OrderedDict
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from domain.messaging.payloads import (
    CLIENT_MSG_ID_PATTERN,
    MAX_ATTACHMENTS,
    MAX_BODY_CHARS,
    AttachmentRef,
    MessageView,
    ReadState,
)
from domain.messaging.services import Draft, MessagingService
from domain.shared.context import Actor
from domain.shared.errors import DomainError, ErrorCode, RateLimited
from realtime.base import AuthenticatedNamespace

NAME = "/messaging"
# A typing indicator lasts a few seconds on screen: one every 2 s per conversation and socket
# is all a client needs, whatever its keyboard does.
TYPING_INTERVAL_SECONDS = 2.0
# Conversations remembered per socket for that limit (a socket types in a handful at most).
TYPING_MEMORY = 32

ConversationId = Annotated[str, StringConstraints(min_length=1, max_length=64)]


class _Payload(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


class SendIn(_Payload):
    conversation_id: ConversationId
    client_msg_id: Annotated[str, StringConstraints(pattern=CLIENT_MSG_ID_PATTERN)]
    body: Annotated[str, StringConstraints(max_length=MAX_BODY_CHARS, pattern=r"^[^\x00]*$")] = ""
    attachments: Annotated[list[AttachmentRef], Field(max_length=MAX_ATTACHMENTS)] = Field(default_factory=list)


class ReadIn(_Payload):
    conversation_id: ConversationId
    seq: Annotated[int, Field(ge=0, le=2**62)]


class TypingIn(_Payload):
    conversation_id: ConversationId


class _Unavailable(DomainError):
    code = ErrorCode.SERVICE_UNAVAILABLE
    default_message = "Messaging is not available on this server."


class SendAck(BaseModel):
    message: MessageView



class MessagingNamespace(AuthenticatedNamespace):
    NAME = NAME
    WRITE_EVENTS = frozenset({"message:send", "message:read"})  # refused during maintenance

    def __init__(self, namespace: str, deps: Any) -> None:
        super().__init__(namespace, deps)
        self._typed: dict[str, OrderedDict[str, float]] = {}  # sid -> conversation -> last typing

    async def on_message_send(self, sid: str, payload: SendIn) -> SendAck:
        draft = Draft(payload.client_msg_id, payload.body, tuple(payload.attachments))
        message = await self._service().send(await self._actor(sid), payload.conversation_id, draft)
        return SendAck(message=message)

    async def on_message_read(self, sid: str, payload: ReadIn) -> ReadState:
        return await self._service().mark_read(await self._actor(sid), payload.conversation_id, payload.seq)

    async def on_typing(self, sid: str, payload: TypingIn) -> None:
        self._throttle_typing(sid, payload.conversation_id)
        await self._service().typing(await self._actor(sid), payload.conversation_id)

    async def on_disconnect(self, sid: str, reason: str | None = None) -> None:
        self._typed.pop(sid, None)
        await super().on_disconnect(sid, reason)

    def _throttle_typing(self, sid: str, conversation_id: str) -> None:
        now = time.monotonic()
        seen = self._typed.setdefault(sid, OrderedDict())
        last = seen.get(conversation_id)
        if last is not None and now - last < TYPING_INTERVAL_SECONDS:
            raise RateLimited(round(TYPING_INTERVAL_SECONDS - (now - last), 2), "One typing event per 2 seconds.")
        seen[conversation_id] = now
        seen.move_to_end(conversation_id)
        while len(seen) > TYPING_MEMORY:
            seen.popitem(last=False)

    async def _actor(self, sid: str) -> Actor:
        return (await self.current_user(sid)).actor()

    def _service(self) -> MessagingService:
        service: MessagingService | None = getattr(self.deps, "messaging", None)
        if service is None:
            raise _Unavailable()
        return service
