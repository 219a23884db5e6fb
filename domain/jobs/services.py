"""Custom jobs: post, read, list (yours, or the open ones you can bid on), cancel, expire.
Bids live in domain/jobs/bids.py, comments in domain/jobs/comments.py."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum
from uuid import UUID

from tortoise.expressions import Q
from tortoise.queryset import QuerySet

from domain.access.policy import Permission, authorize
from domain.bookings import places
from domain.bookings.windows import invalid
from domain.catalog import requirements
from domain.catalog.models import Category
from domain.jobs import events
from domain.jobs.eligibility import ineligibility, is_customer, job_categories_for, trades_of, zone_ids_of
from domain.jobs.models import Bid, BidState, Job, JobState
from domain.jobs.states import JobAction, JobParty, job_move
from domain.profiles import credentials
from domain.scheduling.windows import MAX_CLAIM
from domain.shared import keyset
from domain.shared.clock import utcnow
from domain.shared.context import Actor
from domain.shared.errors import Conflict, ConflictReason, NotFound
from domain.shared.ids import as_uuid
from domain.shared.money import Money
from domain.shared.uow import UnitOfWork, unit_of_work

JOB_LIFETIME = timedelta(days=7)
MAX_JOB_LIFETIME = timedelta(days=60)
EXPIRY_BATCH = 200


@dataclass(frozen=True)
class JobDraft:
    title: str
    description: str
    category_id: str
    lat: float
    lng: float
    budget_min: Money
    budget_max: Money
    address: str = ""
    desired_start: datetime | None = None
    desired_end: datetime | None = None
    expires_at: datetime | None = None


@dataclass
class JobView:
    job: Job
    bids: list[Bid] = field(default_factory=list)  # those the caller may see
    bid_count: int = 0
    can_bid: bool = False


class Scope(StrEnum):
    MINE = "mine"  # jobs I posted
    OPEN = "open"  # open jobs I can bid on


@dataclass
class JobPage:
    items: list[Job]
    next_cursor: str | None


async def load(job_id: str) -> Job | None:
    uid = as_uuid(job_id)
    return await Job.get_or_none(id=uid) if uid else None


async def post(actor: Actor, draft: JobDraft, *, now: datetime | None = None) -> Job:
    await authorize(actor, Permission.JOB_CREATE)
    now = now or utcnow()
    _check_draft(draft, now)
    if not await Category.exists(id=draft.category_id):
        raise invalid("category_id", "no such category")
    zone_id = await places.zone_for(draft.lat, draft.lng)
    if zone_id is None:
        raise invalid("lat", "no service zone covers this location yet")
    async with unit_of_work() as uow:
        job = await Job.create(
            customer_id=actor.user_id, title=draft.title.strip(), description=draft.description.strip(),
            category_id=draft.category_id, zone_id=zone_id, lat=draft.lat, lng=draft.lng, address=draft.address,
            currency=draft.budget_min.currency, budget_min=draft.budget_min.amount, budget_max=draft.budget_max.amount,
            desired_start=draft.desired_start, desired_end=draft.desired_end,
            expires_at=draft.expires_at or now + JOB_LIFETIME,
            required_documents=await requirements.effective(draft.category_id, uow.connection),
            using_db=uow.connection,
        )
        await events.emit(uow, "job.posted", str(job.id), actor.user_id, events.job_data(job))
    return job


def _check_draft(draft: JobDraft, now: datetime) -> None:
    if draft.budget_min.currency != draft.budget_max.currency:
        raise invalid("budget_max.currency", "must be the currency of budget_min")
    if draft.budget_max.amount < draft.budget_min.amount:
        raise invalid("budget_max", "must not be below budget_min")
    if draft.desired_start and draft.desired_end and draft.desired_end <= draft.desired_start:
        raise invalid("desired_end", "must be after desired_start")
    if draft.desired_start and draft.desired_end and draft.desired_end - draft.desired_start > MAX_CLAIM:
        raise invalid("desired_end", f"a job's window spans at most {MAX_CLAIM.days} days")
    if draft.expires_at is not None and not now < draft.expires_at <= now + MAX_JOB_LIFETIME:
        raise invalid("expires_at", f"must be in the future and within {MAX_JOB_LIFETIME.days} days")


async def get(actor: Actor, job_id: str) -> JobView:
    job = await load(job_id)
    await authorize(actor, Permission.JOB_READ, job)
    if job is None:
        raise NotFound()
    bids = Bid.filter(job_id=job.id)
    if not (is_customer(actor, job) or actor.is_admin):
        bids = bids.filter(serviceman_id=actor.user_id)  # a bidder sees only their own bid
    visible = await bids.order_by("amount", "created_at")
    count = await Bid.filter(job_id=job.id, state=BidState.ACTIVE).count()
    can_bid = job.state is JobState.OPEN and await ineligibility(actor, job) is None
    return JobView(job, visible, count, can_bid)


async def list_jobs(actor: Actor, *, scope: Scope | None = None, zone_id: str | None = None,
                    state: JobState | None = None, cursor: str | None = None, limit: int = 50) -> JobPage:
    await authorize(actor, Permission.JOB_LIST)
    scope = scope or (Scope.OPEN if "serviceman" in actor.roles else Scope.MINE)
    position = keyset.moment_and_id(cursor) if cursor else None
    if scope is Scope.MINE:
        query = Job.filter(customer_id=actor.user_id)
        if state is not None:
            query = query.filter(state=state)
        rows = await _page(query, position).limit(limit + 1)
        return JobPage(rows[:limit], keyset.after_created(rows[limit - 1]) if len(rows) > limit else None)
    return await _open_feed(actor, zone_id, position, limit)


def _page(query: QuerySet[Job], position: tuple[datetime, UUID] | None) -> QuerySet[Job]:
    """Newest first, after the cursor's (created_at, id)."""
    if position is not None:
        at, last = position
        query = query.filter(Q(created_at__lt=at) | Q(created_at=at, id__lt=last))
    return query.order_by("-created_at", "-id")


async def _open_feed(actor: Actor, zone_id: str | None, position: tuple[datetime, UUID] | None,
                     limit: int) -> JobPage:
    """The open jobs the actor may bid on: the audience rule of domain/jobs/eligibility.py as
    a query (the job's zone among theirs, its category among those their trades qualify for)."""
    if "serviceman" not in actor.roles:
        return JobPage([], None)
    mine = await zone_ids_of(actor.user_id)
    if zone_id is not None:
        wanted = as_uuid(zone_id)
        mine = {wanted} & mine if wanted else set()
    trades = await job_categories_for(await trades_of(actor.user_id))
    trades = await _credentialed(actor.user_id, trades)
    if not mine or not trades:
        return JobPage([], None)
    base = Job.filter(zone_id__in=list(mine), state=JobState.OPEN, expires_at__gt=utcnow(),
                      category_id__in=sorted(trades)).exclude(customer_id=actor.user_id)
    rows = await _page(base, position).limit(limit + 1)
    return JobPage(rows[:limit], keyset.after_created(rows[limit - 1]) if len(rows) > limit else None)


async def _credentialed(user_id: str, categories: set[str]) -> set[str]:
    """The categories whose requirements the serviceman holds (issue 15: the rest are hidden)."""
    holding = await credentials.held(user_id)
    needs = await requirements.all_effective()
    return {c for c in categories if not credentials.missing(needs.get(c, []), holding)}


async def cancel(actor: Actor, job_id: str, reason: str = "") -> Job:
    job = await load(job_id)
    await authorize(actor, Permission.JOB_CANCEL, job)
    if job is None:
        raise NotFound()
    parties = {JobParty.CUSTOMER} if is_customer(actor, job) else set()
    if actor.is_admin:
        parties.add(JobParty.ADMIN)
    target = job_move(job.state, JobAction.CANCEL, frozenset(parties))
    async with unit_of_work() as uow:
        job = await close(uow, job, target, actor.user_id, reason=reason)
    return job


async def close(uow: UnitOfWork, job: Job, target: JobState, actor_id: str | None, *,
                reason: str = "", accepted_bid_id: UUID | None = None) -> Job:
    """Compare-and-set the job out of `open`, reject its other active bids, record events."""
    conn = uow.connection
    changed = await Job.filter(id=job.id, version=job.version, state=JobState.OPEN).using_db(conn).update(
        state=target, version=job.version + 1, accepted_bid_id=accepted_bid_id, updated_at=utcnow()
    )
    if not changed:
        raise Conflict("The job changed meanwhile; it is no longer open.", reason=ConflictReason.CLOSED)
    fresh = await Job.get(id=job.id, using_db=conn)
    losing = await Bid.filter(job_id=job.id, state=BidState.ACTIVE).exclude(id=accepted_bid_id).using_db(conn)
    for bid in losing:
        await Bid.filter(id=bid.id).using_db(conn).update(state=BidState.REJECTED, version=bid.version + 1,
                                                          updated_at=utcnow())
        bid.state, bid.version = BidState.REJECTED, bid.version + 1
        await events.emit(uow, "bid.rejected", str(bid.id), actor_id, events.bid_data(bid, fresh))
    type_ = {JobState.AWARDED: "job.awarded", JobState.CANCELLED: "job.cancelled", JobState.EXPIRED: "job.expired"}
    extra = {"reason": reason} if reason else {}
    if accepted_bid_id is not None:
        extra["bid_id"] = str(accepted_bid_id)
    await events.emit(uow, type_[target], str(job.id), actor_id, events.job_data(fresh, **extra))
    return fresh


async def expire_overdue(now: datetime | None = None) -> int:
    """Expire open jobs past their expiry (their active bids are rejected); return how many."""
    now = now or utcnow()
    overdue = await Job.filter(state=JobState.OPEN, expires_at__lte=now).order_by("expires_at").limit(EXPIRY_BATCH)
    expired = 0
    for job in overdue:
        try:
            async with unit_of_work() as uow:
                await close(uow, job, JobState.EXPIRED, None, reason="nobody was chosen in time")
        except Conflict:
            continue
        expired += 1
    return expired
