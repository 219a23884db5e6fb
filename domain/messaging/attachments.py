"""Message attachments that are uploads (issue 14): an attachment naming `upload_id` attaches
the sender's confirmed upload to the message in the message's own unit of work, and whoever may
read the conversation may download it (domain/media/access.py). Attachments that carry only a
`ref` (a URL, from clients of before uploads) are still stored and read as they were."""

from __future__ import annotations

from collections.abc import Sequence
from uuid import UUID

from domain.access.policy import Permission, allowed
from domain.media.access import holder, register_holder
from domain.media.models import UploadKind
from domain.media.services import attach
from domain.messaging import conversations
from domain.messaging.models import Message
from domain.messaging.payloads import AttachmentRef
from domain.shared.context import Actor
from domain.shared.uow import UnitOfWork

HOLDER = "message"
ATTACHABLE = frozenset({UploadKind.ATTACHMENT})


async def attach_uploads(uow: UnitOfWork, actor: Actor, message_id: object,
                         attachments: Sequence[AttachmentRef]) -> None:
    """Each named upload must be the sender's, confirmed and unattached (422 on its field
    otherwise, and the message is not stored)."""
    for index, attachment in enumerate(attachments):
        if attachment.upload_id is not None:
            await attach(uow, attachment.upload_id, actor.user_id, ATTACHABLE, holder(HOLDER, message_id),
                         field=f"attachments.{index}.upload_id")


async def _may_read(actor: Actor, message_id: str) -> bool:
    try:
        message = await Message.get_or_none(id=UUID(message_id))
    except ValueError:
        return False
    if message is None:
        return False
    conversation = await conversations.load(message.conversation_id)
    return conversation is not None and await allowed(actor, Permission.CONVERSATION_READ, conversation)


register_holder(HOLDER, _may_read)
