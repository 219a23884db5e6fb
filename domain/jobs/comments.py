"""Questions and answers on a job, or on one bid of it.

Job-level comments are seen by everyone who can see the job (the customer, the bidders,
servicemen who could bid). A bid's thread is a private negotiation: only the customer and
that bidder read and write it.
"""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from tortoise.expressions import F, Q

from domain.access.policy import Permission, authorize
from domain.jobs import events
from domain.jobs.eligibility import is_customer
from domain.jobs.models import Bid, Comment, Job
from domain.jobs.services import load
from domain.jobs.states import DISCUSSABLE
from domain.shared import keyset
from domain.shared.context import Actor
from domain.shared.errors import Conflict, ConflictReason, Forbidden, NotFound
from domain.shared.ids import as_uuid
from domain.shared.moderation import REMOVED_NOTICE
from domain.shared.uow import unit_of_work


@dataclass
class CommentPage:
    items: list[Comment]
    next_cursor: str | None


async def post(actor: Actor, job_id: str, body: str, bid_id: str | None = None) -> Comment:
    job = await load(job_id)
    await authorize(actor, Permission.JOB_COMMENT, job)
    if job is None:
        raise NotFound()
    bid = await _thread(actor, job, bid_id)
    if job.state not in DISCUSSABLE:
        raise Conflict(f"A {job.state.value} job takes no more comments.", reason=ConflictReason.CLOSED)
    async with unit_of_work() as uow:
        comment = await Comment.create(job_id=job.id, bid_id=bid.id if bid else None, author_id=actor.user_id,
                                       body=body.strip(), using_db=uow.connection)
        data = {"comment_id": str(comment.id), "job_id": str(job.id), "bid_id": str(bid.id) if bid else None,
                "author_id": actor.user_id, "customer_id": str(job.customer_id),
                "bidder_id": str(bid.serviceman_id) if bid else None}
        await events.emit(uow, "comment.posted", str(job.id), actor.user_id, data)
    return comment


async def remove(actor: Actor, comment_id: str) -> Comment:
    """Moderation takes a comment out of sight (admins): its body becomes the removal notice,
    so every thread that shows it (REST, a phone's sync) shows the notice instead."""
    await authorize(actor, Permission.MODERATION_MANAGE)
    uid = as_uuid(comment_id)
    comment = await Comment.get_or_none(id=uid) if uid else None
    if comment is None:
        raise NotFound()
    if comment.body == REMOVED_NOTICE:
        return comment
    async with unit_of_work() as uow:
        await Comment.filter(id=comment.id).using_db(uow.connection).update(
            body=REMOVED_NOTICE, version=F("version") + 1)
        comment = await Comment.get(id=comment.id, using_db=uow.connection)
    return comment


async def list_comments(actor: Actor, job_id: str, *, bid_id: str | None = None, cursor: str | None = None,
                        limit: int = 50) -> CommentPage:
    """Oldest first (a conversation reads top down); job-level ones unless bid_id is given."""
    job = await load(job_id)
    await authorize(actor, Permission.JOB_READ, job)
    if job is None:
        raise NotFound()
    bid = await _thread(actor, job, bid_id)
    query = Comment.filter(job_id=job.id, bid_id=bid.id if bid else None)
    if cursor:
        at, last = keyset.moment_and_id(cursor)
        query = query.filter(Q(created_at__gt=at) | Q(created_at=at, id__gt=last))
    rows = await query.order_by("created_at", "id").limit(limit + 1)
    return CommentPage(rows[:limit], keyset.after_created(rows[limit - 1]) if len(rows) > limit else None)


async def _thread(actor: Actor, job: Job, bid_id: str | None) -> Bid | None:
    """The bid whose thread is meant, checked to be the caller's to read; None for the job."""
    if bid_id is None:
        return None
    uid: UUID | None = as_uuid(bid_id)
    bid = await Bid.get_or_none(id=uid, job_id=job.id) if uid else None
    if bid is None:
        raise NotFound()
    if not (is_customer(actor, job) or str(bid.serviceman_id) == actor.user_id
            or actor.is_admin):
        raise Forbidden("A bid's thread is private to the customer and that bidder.")
    return bid
