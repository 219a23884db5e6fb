"""What clients see of messaging, as typed contracts (docs/events.md, section /messaging).

The same models shape socket events, socket acks and REST bodies, so a message looks the
same whichever way it reaches a device.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, WithJsonSchema, model_validator

from domain.messaging.models import Message
from domain.shared.clock import isoformat

MAX_BODY_CHARS = 4000
MAX_ATTACHMENTS = 10
# Clients generate it (a UUID is typical); it only has to be unique per sender and conversation.
CLIENT_MSG_ID_PATTERN = r"^[A-Za-z0-9._:-]{1,64}$"
# A timestamp as isoformat wrote it (RFC 3339, UTC, `Z`), typed date-time for generated clients.
Instant = Annotated[str, WithJsonSchema({"type": "string", "format": "date-time"})]

UUID_PATTERN = r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"
AttachmentKind = Literal["image", "video", "audio", "file", "location"]


class AttachmentRef(BaseModel):
    """A reference to something stored elsewhere: an upload (`upload_id`, issue 14; `ref` is then
    `upload:<id>`) or, from clients of before uploads, a URL in `ref`. Never the bytes."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    kind: AttachmentKind
    ref: Annotated[str, Field(min_length=1, max_length=512, pattern=r"^[^\x00-\x1f]+$")]
    upload_id: Annotated[str, Field(pattern=UUID_PATTERN)] | None = Field(
        None, description="A confirmed upload of yours (kind attachment): POST /v1/uploads")
    name: Annotated[str, Field(min_length=1, max_length=200, pattern=r"^[^\x00-\x1f]+$")] | None = None
    size: Annotated[int, Field(ge=0, le=2**40)] | None = None

    @model_validator(mode="before")
    @classmethod
    def _upload_ref(cls, data: Any) -> Any:
        """An upload needs no `ref` of the client's: it is `upload:<id>`."""
        if isinstance(data, dict) and data.get("upload_id") and not data.get("ref"):
            return {**data, "ref": f"upload:{data['upload_id']}"}
        return data


class MessageView(BaseModel):
    """A stored message (PROTOCOL section 3, plus attachments and the screen's verdict)."""

    id: str
    conversation_id: str
    seq: int
    sender_id: str
    body: str
    client_msg_id: str
    created_at: Instant
    attachments: list[AttachmentRef] = Field(default_factory=list)
    flagged: bool = False
    flag_reasons: list[str] = Field(default_factory=list)

    @classmethod
    def of(cls, message: Message) -> MessageView:
        return cls(
            id=str(message.id),
            conversation_id=str(message.conversation_id),
            seq=message.seq,
            sender_id=str(message.sender_id),
            body=message.body,
            client_msg_id=message.client_msg_id,
            created_at=isoformat(message.created_at),
            attachments=[AttachmentRef.model_validate(item) for item in message.attachments or []],
            flagged=message.flagged,
            flag_reasons=list(message.flag_reasons or []),
        )


class MessageNew(BaseModel):
    """`message:new`. `cursor` is the sync position (a tick, as a string) at which the message
    is visible to POST /v1/sync/pull; null only where sync is off (SQLite) or unreachable."""

    model_config = ConfigDict(extra="forbid")

    message: MessageView
    cursor: str | None = None


class MessageRead(BaseModel):
    """`message:read` (server -> client): a participant has read up to `seq`; `cursor` as in
    `message:new` (the read state is a synced row, `read_states`)."""

    model_config = ConfigDict(extra="forbid")

    conversation_id: str
    user_id: str
    seq: int
    cursor: str | None = None


class Typing(BaseModel):
    """`typing` (server -> client, volatile)."""

    model_config = ConfigDict(extra="forbid")

    conversation_id: str
    user_id: str


class MessageFlagged(BaseModel):
    """`message:flagged`: the screen found the message suspicious; warn the reader."""

    model_config = ConfigDict(extra="forbid")

    message_id: str
    conversation_id: str
    reasons: list[str]


class ReadState(BaseModel):
    """The ack of `message:read` and the body of POST .../read."""

    conversation_id: str
    last_read_seq: int
    unread_count: int
