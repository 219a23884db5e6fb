"""Who belongs in a conversation, and the policy relations built on it (registered at import).

A booking conversation: the booking's customer, its assigned servicemen and the managers of
its provider organisation. A job conversation: the job's customer and one bidder. A support
conversation: a user, plus the admins who open it. Parties join when they gain the
relationship (on open, and before each send of a booking conversation, so crew assigned
later receive what follows); a manager or admin may remove one, and a removed participant's
row stays (left_at) so no relationship brings them back by itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from tortoise.connection import connections

from domain.access.policy import register_relation
from domain.accounts.models import Membership
from domain.bookings.models import Assignment, Booking
from domain.bookings.parties import MANAGING_ROLES, is_org_manager
from domain.jobs.models import Bid, Job
from domain.messaging.models import Conversation, ConversationKind, Participant, ParticipantRole
from domain.shared.context import Actor
from domain.shared.ids import as_uuid


@dataclass(frozen=True)
class Subject:
    """What a conversation is (or would be) about."""

    kind: ConversationKind
    booking: Booking | None = None
    job: Job | None = None
    user_id: UUID | None = None  # the bidder of a job conversation, the user of a support one

    @property
    def key(self) -> str:
        if self.kind is ConversationKind.BOOKING and self.booking is not None:
            return f"booking:{self.booking.id}"
        if self.kind is ConversationKind.JOB and self.job is not None:
            return f"job:{self.job.id}:{self.user_id}"
        return f"support:{self.user_id}"


async def subject_of(conversation: Conversation) -> Subject:
    kind = conversation.kind
    booking_id = conversation.booking_id
    job_id = conversation.job_id
    return Subject(
        kind=kind,
        booking=await Booking.get_or_none(id=booking_id) if booking_id else None,
        job=await Job.get_or_none(id=job_id) if job_id else None,
        user_id=conversation.subject_user_id,
    )


async def expected_parties(subject: Subject) -> dict[UUID, ParticipantRole]:
    """The users the relationship says belong, with the role each joins in (first role wins)."""
    parties: dict[UUID, ParticipantRole] = {}
    if subject.kind is ConversationKind.BOOKING and subject.booking is not None:
        booking = subject.booking
        parties[booking.customer_id] = ParticipantRole.CUSTOMER
        crew = await Assignment.filter(booking_id=booking.id).values_list("serviceman_id", flat=True)
        for user_id in crew:
            parties.setdefault(_uuid(user_id), ParticipantRole.SERVICEMAN)
        org_id = booking.organisation_id
        if org_id is not None:
            managers = await Membership.filter(organisation_id=org_id, role__in=MANAGING_ROLES).values_list(
                "user_id", flat=True
            )
            for user_id in managers:
                parties.setdefault(_uuid(user_id), ParticipantRole.MANAGER)
    elif subject.kind is ConversationKind.JOB and subject.job is not None and subject.user_id is not None:
        if await Bid.exists(job_id=subject.job.id, serviceman_id=subject.user_id):
            parties[subject.job.customer_id] = ParticipantRole.CUSTOMER
            parties.setdefault(subject.user_id, ParticipantRole.BIDDER)
    elif subject.kind is ConversationKind.SUPPORT and subject.user_id is not None:
        parties[subject.user_id] = ParticipantRole.MEMBER
    return parties


async def role_for(actor: Actor, subject: Subject) -> ParticipantRole | None:
    """The role the actor may join in, or None."""
    uid = as_uuid(actor.user_id)
    role = (await expected_parties(subject)).get(uid) if uid else None
    if role is None and subject.kind is ConversationKind.SUPPORT and actor.is_admin:
        return ParticipantRole.ADMIN
    return role


_ACTIVE = {
    "postgres": "SELECT user_id FROM conversation_participant WHERE conversation_id = $1 AND left_at IS NULL",
    "sqlite": "SELECT user_id FROM conversation_participant WHERE conversation_id = ? AND left_at IS NULL",
}


async def active_participant_ids(conversation_id: UUID) -> list[str]:
    """Who takes part now (a send's recipients: written out, it is read on every one)."""
    conn = connections.get("default")
    postgres = conn.capabilities.dialect == "postgres"
    rows = await conn.execute_query_dict(_ACTIVE["postgres" if postgres else "sqlite"],
                                         [conversation_id if postgres else str(conversation_id)])
    return [str(row["user_id"]) for row in rows]


# Whether one user took part, read with the conversation row (domain/messaging/sending.py): the
# policy check that follows in the same request asks the instance, not the database again.
_MEMBER = "_fieldsync_member"


def remember_member(conversation: Conversation, user_id: str, active: bool) -> None:
    object.__setattr__(conversation, _MEMBER, (user_id, active))


def forget_member(conversation: Conversation) -> None:
    """Participants were added since it was read (the crew sync): ask the database again."""
    conversation.__dict__.pop(_MEMBER, None)


async def is_participant(user_id: str, conversation_id: UUID) -> bool:
    uid = as_uuid(user_id)
    return uid is not None and await Participant.exists(conversation_id=conversation_id, user_id=uid, left_at=None)


def _uuid(value: object) -> UUID:
    return value if isinstance(value, UUID) else UUID(str(value))


# -- policy relations ----------------------------------------------------------------------------

async def _eligible(actor: Actor, subject: object) -> bool:
    return isinstance(subject, Subject) and await role_for(actor, subject) is not None


async def _participant(actor: Actor, conversation: object) -> bool:
    if not isinstance(conversation, Conversation):
        return False
    known: tuple[str, bool] | None = conversation.__dict__.get(_MEMBER)
    if known is not None and known[0] == actor.user_id:
        return known[1]
    return await is_participant(actor.user_id, conversation.id)


async def _viewer(actor: Actor, conversation: object) -> bool:
    return isinstance(conversation, Conversation) and (actor.is_admin or await _participant(actor, conversation))


async def _manager(actor: Actor, conversation: object) -> bool:
    """Managers of a booking's provider organisation manage its conversation."""
    if not isinstance(conversation, Conversation) or conversation.kind is not ConversationKind.BOOKING:
        return False
    booking_id = conversation.booking_id
    org_ids = await Booking.filter(id=booking_id).values_list("organisation_id", flat=True)
    return bool(org_ids) and await is_org_manager(actor.user_id, org_ids[0])


register_relation("conversation_eligible", _eligible)
register_relation("conversation_participant", _participant)
register_relation("conversation_viewer", _viewer)
register_relation("conversation_manager", _manager)
