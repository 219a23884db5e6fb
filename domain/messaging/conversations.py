"""Conversations: open (get or create) one about a booking, a job bid or a support request,
read one, list yours with unread counts, and manage who takes part."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from uuid import UUID

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.exceptions import IntegrityError
from tortoise.expressions import F, Q

from domain.access.policy import Permission, authorize
from domain.accounts import regions
from domain.accounts.models import User
from domain.audit import services as audit
from domain.bookings.models import Booking
from domain.jobs.models import Job
from domain.messaging.models import Conversation, ConversationKind, Participant, ParticipantRole
from domain.messaging.parties import Subject, expected_parties, subject_of
from domain.shared import keyset
from domain.shared.clock import utcnow
from domain.shared.context import Actor, RequestContext
from domain.shared.errors import Conflict, ConflictReason, Forbidden, NotFound, ValidationFailed
from domain.shared.events import DomainEvent
from domain.shared.ids import as_uuid
from domain.shared.uow import UnitOfWork, unit_of_work


@dataclass(frozen=True)
class OpenRequest:
    kind: ConversationKind
    booking_id: str | None = None
    job_id: str | None = None
    bidder_id: str | None = None  # a job conversation: the bidder (a bidder may leave it out)
    user_id: str | None = None  # a support conversation: whose (admins name the user)


@dataclass
class ConversationView:
    conversation: Conversation
    membership: Participant | None  # the caller's, when they take part
    participants: list[Participant] = field(default_factory=list)  # active ones, on detail reads

    @property
    def last_read_seq(self) -> int:
        return int(self.membership.last_read_seq) if self.membership else 0

    @property
    def unread_count(self) -> int:
        return max(0, int(self.conversation.last_seq) - self.last_read_seq)


@dataclass
class ConversationPage:
    items: list[ConversationView]
    next_cursor: str | None


async def load(conversation_id: object) -> Conversation | None:
    """A send reads more at once: domain/messaging/sending.load_for_send."""
    uid = as_uuid(conversation_id)
    if uid is None:
        return None
    return await Conversation.filter(id=uid).first()


async def open_conversation(actor: Actor, request: OpenRequest) -> ConversationView:
    subject = await _resolve(actor, request)
    await authorize(actor, Permission.CONVERSATION_OPEN, subject)
    if subject is None or not await expected_parties(subject):
        raise NotFound()  # an admin naming a job bid that does not exist
    conversation = await _get_or_create(actor, subject)
    await sync_participants(conversation, subject, joiner=actor)
    return await view_of(actor, conversation, detail=True)


async def get_conversation(actor: Actor, conversation_id: str,
                           context: RequestContext | None = None) -> ConversationView:
    conversation = await load(conversation_id)
    await authorize(actor, Permission.CONVERSATION_READ, conversation)
    if conversation is None:
        raise NotFound()
    await audit_admin_read(actor, conversation, "conversation", context)
    return await view_of(actor, conversation, detail=True)


async def audit_admin_read(actor: Actor, conversation: Conversation, what: str,
                           context: RequestContext | None) -> None:
    """An admin reading a conversation they do not take part in reads other people's private
    words: a privileged action, audited like reading a user (domain/accounts/admin.py)."""
    if not actor.is_admin or await Participant.exists(conversation_id=conversation.id, user_id=actor.user_id,
                                                      left_at=None):
        return
    async with unit_of_work() as uow:
        await audit.record(uow, actor=actor, action="conversation.read", subject_type="conversation",
                           subject_id=str(conversation.id), context=context or RequestContext(),
                           after={"kind": conversation.kind.value, "read": what})


async def list_conversations(actor: Actor, *, kind: ConversationKind | None = None, cursor: str | None = None,
                             limit: int = 50, everyone: bool = False) -> ConversationPage:
    """Most recently active first. `everyone` (admins): all conversations, e.g. the support inbox."""
    if everyone and not actor.is_admin:
        raise Forbidden("Only admins list every conversation.")
    query = Conversation.all() if everyone else Conversation.filter(
        participants__user_id=actor.user_id, participants__left_at=None
    )
    if kind is not None:
        query = query.filter(kind=kind)
    if cursor:
        at, last = keyset.moment_and_id(cursor)
        query = query.filter(Q(updated_at__lt=at) | Q(updated_at=at, id__lt=last))
    rows = await query.order_by("-updated_at", "-id").limit(limit + 1)
    page = rows[:limit]
    mine = {
        row.conversation_id: row
        for row in await Participant.filter(
            user_id=actor.user_id, left_at=None, conversation_id__in=[c.id for c in page]
        )
    }
    items = [ConversationView(c, mine.get(c.id)) for c in page]
    more = len(rows) > limit
    return ConversationPage(items, keyset.encode(page[-1].updated_at, page[-1].id) if more else None)


async def view_of(actor: Actor, conversation: Conversation, *, detail: bool = False) -> ConversationView:
    active = await Participant.filter(conversation_id=conversation.id, left_at=None).order_by("joined_at", "id")
    mine = next((p for p in active if str(p.user_id) == actor.user_id), None)
    return ConversationView(conversation, mine, active if detail else [])


async def sync_participants(conversation: Conversation, subject: Subject | None = None, *,
                            joiner: Actor | None = None) -> None:
    """Add the parties the relationship says belong and are not in yet (never the removed)."""
    subject = subject or await subject_of(conversation)
    parties = await expected_parties(subject)
    joiner_id = as_uuid(joiner.user_id) if joiner else None
    if joiner is not None and joiner_id is not None and joiner_id not in parties and joiner.is_admin:
        parties[joiner_id] = ParticipantRole.ADMIN
    rows = {row.user_id: row for row in await Participant.filter(conversation_id=conversation.id)}
    missing = [Participant(conversation_id=conversation.id, user_id=uid, role=role)
               for uid, role in parties.items() if uid not in rows]
    if missing:
        await Participant.bulk_create(missing, ignore_conflicts=True)
    mine = rows.get(joiner_id) if joiner_id else None
    if mine is not None and mine.left_at is not None:
        if joiner is None or not joiner.is_admin:
            raise Forbidden("You were removed from this conversation.")
        await Participant.filter(id=mine.id).update(left_at=None, version=F("version") + 1)


async def add_participant(actor: Actor, conversation_id: str, user_id: str) -> Participant:
    """Add (or bring back) a party of the booking or job, or an admin."""
    conversation = await load(conversation_id)
    await authorize(actor, Permission.CONVERSATION_MANAGE, conversation)
    target = as_uuid(user_id)
    if conversation is None or target is None:
        raise NotFound()
    role = (await expected_parties(await subject_of(conversation))).get(target)
    if role is None:
        user = await User.get_or_none(id=target)
        if user is None:
            raise NotFound()
        if "admin" not in (user.roles or []):
            raise Conflict("That user has no part in what this conversation is about.",
                           reason=ConflictReason.NOT_ALLOWED)
        role = ParticipantRole.ADMIN
    async with unit_of_work() as uow:
        conn = uow.connection
        row = await Participant.filter(conversation_id=conversation.id, user_id=target).using_db(conn).first()
        if row is None:
            row = await Participant.create(conversation_id=conversation.id, user_id=target, role=role, using_db=conn)
        elif row.left_at is not None:
            await Participant.filter(id=row.id).using_db(conn).update(left_at=None, version=F("version") + 1)
            row = await Participant.get(id=row.id, using_db=conn)
        await _record(uow, "conversation.participant_added", conversation, actor, user_id=str(target),
                      role=row.role.value)
    return row


async def remove_participant(actor: Actor, conversation_id: str, user_id: str) -> None:
    """From now on they receive nothing of this conversation and cannot read it."""
    conversation = await load(conversation_id)
    await authorize(actor, Permission.CONVERSATION_MANAGE, conversation)
    target = as_uuid(user_id)
    if conversation is None or target is None:
        raise NotFound()
    async with unit_of_work() as uow:
        removed = await Participant.filter(conversation_id=conversation.id, user_id=target, left_at=None).using_db(
            uow.connection
        ).update(left_at=utcnow(), version=F("version") + 1)
        if not removed:
            raise NotFound()
        await _record(uow, "conversation.participant_removed", conversation, actor, user_id=str(target))


async def leave_removed_crew(uow: UnitOfWork, conversation: Conversation, subject: Subject, user_ids: list[str],
                             actor_id: str | None) -> None:
    """Crew taken off the booking leave its conversation, unless the booking still makes them a party."""
    conn = uow.connection
    still = await expected_parties(subject)
    gone = [uid for uid in (as_uuid(u) for u in user_ids) if uid is not None and uid not in still]
    for uid in gone:
        left = await Participant.filter(conversation_id=conversation.id, user_id=uid, left_at=None).using_db(
            conn).update(left_at=utcnow(), version=F("version") + 1)
        if left:
            await _record(uow, "conversation.participant_removed", conversation,
                          Actor(user_id=actor_id) if actor_id else None, user_id=str(uid), reason="unassigned")


async def _resolve(actor: Actor, request: OpenRequest) -> Subject | None:
    """The subject the client names, or None when it does not exist (a 404 after the policy)."""
    if request.kind is ConversationKind.BOOKING:
        booking_uid = as_uuid(_required(request.booking_id, "booking_id"))
        booking = await Booking.get_or_none(id=booking_uid) if booking_uid else None
        return Subject(ConversationKind.BOOKING, booking=booking) if booking else None
    if request.kind is ConversationKind.JOB:
        job_uid = as_uuid(_required(request.job_id, "job_id"))
        job = await Job.get_or_none(id=job_uid) if job_uid else None
        if job is None:
            return None
        is_customer = str(job.customer_id) == actor.user_id
        bidder = request.bidder_id or (None if is_customer else actor.user_id)
        bidder_uid = as_uuid(_required(bidder, "bidder_id"))
        return Subject(ConversationKind.JOB, job=job, user_id=bidder_uid) if bidder_uid else None
    user_uid = as_uuid(request.user_id or actor.user_id)
    if user_uid is None or not await User.exists(id=user_uid):
        return None
    return Subject(ConversationKind.SUPPORT, user_id=user_uid)


def _required(value: str | None, name: str) -> str:
    if not value:
        raise ValidationFailed(errors=[{"field": name, "message": "required for this kind", "type": "missing"}])
    return value


async def _get_or_create(actor: Actor, subject: Subject) -> Conversation:
    existing = await Conversation.get_or_none(key=subject.key)
    if existing is not None:
        return existing
    try:
        async with unit_of_work() as uow:
            conn = uow.connection
            conversation = await Conversation.create(
                kind=subject.kind, key=subject.key, booking_id=subject.booking.id if subject.booking else None,
                job_id=subject.job.id if subject.job else None, subject_user_id=subject.user_id, using_db=conn,
                region=await _region(subject, conn),
            )
            await _record(uow, "conversation.opened", conversation, actor)
    except IntegrityError:  # opened at the same moment by another party: theirs is ours
        return await Conversation.get(key=subject.key)
    return conversation


async def _region(subject: Subject, conn: BaseDBAsyncClient) -> str | None:
    """Data residency: the booking's region, else the job's customer's, else the subject user's."""
    if subject.booking is not None:
        return subject.booking.region
    if subject.job is not None:
        return await regions.of_user(subject.job.customer_id, conn)
    return await regions.of_user(subject.user_id, conn)


async def _record(uow: UnitOfWork, type_: str, conversation: Conversation, actor: Actor | None, **extra: Any) -> None:
    data: dict[str, Any] = {"conversation_id": str(conversation.id), "kind": conversation.kind.value,
                            "region": conversation.region, **extra}
    for name in ("booking_id", "job_id", "subject_user_id"):
        value: UUID | None = getattr(conversation, name, None)
        data[name] = str(value) if value else None
    await uow.record(DomainEvent(stream="domain", type=type_, subject=str(conversation.id),
                                    actor_id=actor.user_id if actor else None, data=data))
