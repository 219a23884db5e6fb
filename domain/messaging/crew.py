"""Crew assigned to a booking join its conversation at once (not only at the next send), so
their synced copy receives the conversation's whole history with the booking: a consumer of
`booking.assigned` (registered by the composition root, handled once per event, in a
unit of work with its inbox claim). Crew taken off the booking leave its conversation by
default (from then on they receive nothing of it), unless they still belong for another
reason (a manager of the provider); a manager or admin may bring them back.
"""

from __future__ import annotations

from domain.messaging.conversations import leave_removed_crew, sync_participants
from domain.messaging.models import Conversation, ConversationKind
from domain.messaging.parties import Subject
from domain.shared.events import EventEnvelope
from domain.shared.uow import UnitOfWork

CONSUMER = "messaging-crew"


def wants(envelope: EventEnvelope) -> bool:
    """The events `on_booking_assigned` acts on (the others pass it by without an inbox claim)."""
    return envelope.type == "booking.assigned"


async def on_booking_assigned(envelope: EventEnvelope, uow: UnitOfWork) -> None:
    if not wants(envelope):
        return
    booking_id = envelope.body.get("subject")
    conversation = await Conversation.filter(key=f"booking:{booking_id}").using_db(uow.connection).select_related(
        "booking").first()
    if conversation is None:  # nobody opened it yet: parties join when it is opened
        return
    subject = Subject(ConversationKind.BOOKING, booking=conversation.booking)
    await sync_participants(conversation, subject)
    removed = [str(u) for u in envelope.body.get("data", {}).get("removed_serviceman_ids") or []]
    if removed:
        await leave_removed_crew(uow, conversation, subject, removed, envelope.body.get("actor_id"))
