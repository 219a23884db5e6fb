"""What a report or a flag is about: whether it exists for the reporter (others learn nothing:
404, as reading it would answer), who the reported party is, an excerpt for the queue, and how
an admin hides it (each context's own path: the review's hide, the listing's archive, the
bid's rejection...)."""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from domain.access.policy import Permission, allowed
from domain.accounts.models import Organisation, User, UserStatus
from domain.catalog import lifecycle, storefronts
from domain.catalog.models import ListingState, Service, Storefront
from domain.jobs import bids, comments
from domain.jobs import services as jobs
from domain.jobs.models import Bid, Comment, Job
from domain.messaging import review as message_review
from domain.messaging.models import Conversation, Message, ReviewVerdict
from domain.profiles import services as profiles
from domain.reviews import services as reviews
from domain.reviews.models import Review
from domain.safety.models import SubjectKind
from domain.shared.context import Actor
from domain.shared.errors import Conflict, ConflictReason, NotFound
from domain.shared.ids import as_uuid

K = SubjectKind


@dataclass(frozen=True)
class Subject:
    kind: SubjectKind
    id: str
    party_id: UUID | None  # who it is about (the author, owner, or the user reported)
    excerpt: str


def _cut(*parts: str) -> str:
    return " · ".join(p.strip() for p in parts if p and p.strip())[:300]


async def _owner_of_listing(owner_user_id: UUID | None, owner_org_id: UUID | None) -> UUID | None:
    if owner_user_id is not None:
        return owner_user_id
    org = await Organisation.get_or_none(id=owner_org_id) if owner_org_id else None
    return org.owner_id if org else None


async def load(kind: SubjectKind, subject_id: str) -> Subject | None:
    """The subject as the queue shows it, or None when there is no such thing."""
    uid = as_uuid(subject_id)
    if uid is None:
        return None
    sid = str(uid)
    if kind is K.MESSAGE:
        m = await Message.get_or_none(id=uid)
        return Subject(kind, sid, m.sender_id, _cut(m.body)) if m else None
    if kind is K.USER:
        u = await User.get_or_none(id=uid)
        return Subject(kind, sid, u.id, _cut(u.name)) if u and u.status != UserStatus.ERASED else None
    if kind is K.SERVICE:
        s = await Service.get_or_none(id=uid)
        return Subject(kind, sid, await _owner_of_listing(s.owner_user_id, s.owner_org_id),
                       _cut(s.title, s.description)) if s else None
    if kind is K.STOREFRONT:
        f = await Storefront.get_or_none(organisation_id=uid)  # named by its organisation, as REST does
        return Subject(kind, sid, await _owner_of_listing(f.user_id, f.organisation_id),
                       _cut(f.headline, f.bio)) if f else None
    if kind is K.JOB:
        j = await Job.get_or_none(id=uid)
        return Subject(kind, sid, j.customer_id, _cut(j.title, j.description)) if j else None
    if kind is K.BID:
        b = await Bid.get_or_none(id=uid)
        return Subject(kind, sid, b.serviceman_id, _cut(b.message)) if b else None
    if kind is K.COMMENT:
        c = await Comment.get_or_none(id=uid)
        return Subject(kind, sid, c.author_id, _cut(c.body)) if c else None
    r = await Review.get_or_none(id=uid)
    return Subject(kind, sid, r.author_id, _cut(r.text)) if r else None


async def visible_to(actor: Actor, kind: SubjectKind, subject_id: str) -> bool:
    """Whether the reporter can see the thing: private things (messages, bids, non-open jobs and
    their comments) only by those who read them; listings and storefronts once public."""
    uid = as_uuid(subject_id)
    if uid is None:
        return False
    if kind is K.MESSAGE:
        m = await Message.get_or_none(id=uid)
        conversation = await Conversation.get_or_none(id=m.conversation_id) if m else None
        return conversation is not None and await allowed(actor, Permission.CONVERSATION_READ, conversation)
    if kind is K.BID:
        bid = await Bid.get_or_none(id=uid)
        return bid is not None and await allowed(actor, Permission.BID_QUOTE, bid)
    if kind in (K.JOB, K.COMMENT):
        comment = await Comment.get_or_none(id=uid) if kind is K.COMMENT else None
        if comment is not None and comment.bid_id is not None:  # a bid's private thread: its two parties
            bid = await Bid.get_or_none(id=comment.bid_id)
            return bid is not None and await allowed(actor, Permission.BID_QUOTE, bid)
        job_id = comment.job_id if comment else uid if kind is K.JOB else None
        job = await Job.get_or_none(id=job_id) if job_id else None
        return job is not None and await allowed(actor, Permission.JOB_READ, job)
    if kind is K.SERVICE:
        return await Service.exists(id=uid, state=ListingState.PUBLISHED)
    if kind is K.REVIEW:
        return await Review.exists(id=uid, hidden=False)
    return await load(kind, subject_id) is not None  # users and storefronts are public


async def hide(admin: Actor, kind: SubjectKind, subject_id: str, reason: str) -> None:
    """Take the thing out of sight through its own context: a review is hidden, a listing
    archived, an open job cancelled, a flagged message marked abuse, a bid rejected with its
    message removed, a comment's body replaced by a removal notice, a storefront's text and
    links cleared, a user's profile bio cleared. Its author is told why by the decision."""
    if kind is K.REVIEW:
        await reviews.hide(admin, subject_id)
    elif kind is K.SERVICE:
        service = await Service.get_or_none(id=as_uuid(subject_id))
        if service is None:
            raise NotFound()
        if service.state is not ListingState.ARCHIVED:
            await lifecycle.archive(admin, subject_id)
    elif kind is K.JOB:
        await jobs.cancel(admin, subject_id, reason=f"removed by moderation: {reason}"[:300])
    elif kind is K.MESSAGE:
        if not await Message.exists(id=as_uuid(subject_id), flagged=True):
            raise Conflict("Only a flagged message can be hidden; warn or suspend its sender.",
                           details={"cause": "not_hideable"}, reason=ConflictReason.NOT_ALLOWED)
        await message_review.review(admin, subject_id, ReviewVerdict.ABUSE)
    elif kind is K.BID:
        await bids.remove(admin, subject_id, reason)
    elif kind is K.COMMENT:
        await comments.remove(admin, subject_id)
    elif kind is K.STOREFRONT:
        await storefronts.clear_text(admin, subject_id, reason)
    else:
        await profiles.clear_bio(admin, subject_id, reason)
