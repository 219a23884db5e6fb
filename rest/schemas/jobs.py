"""Wire shapes of custom jobs, bids and their comments."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, Field

from domain.jobs.bids import AcceptedBid, BidDraft
from domain.jobs.comments import CommentPage
from domain.jobs.models import Bid, BidState, Comment, Job, JobState
from domain.jobs.services import JobPage, JobView
from domain.shared.clock import isoformat
from rest.schemas.bookings import BookingOut
from rest.schemas.common import Instant, Latitude, Longitude, MoneyIn, MoneyOut, StrictIn, Timestamp, validated_body


class JobIn(StrictIn):
    title: str = Field(min_length=3, max_length=160)
    description: str = Field(min_length=1, max_length=5000)
    category_id: str = Field(min_length=1, max_length=64, description="a category slug, e.g. plumbing.leak-repair")
    lat: float = Latitude
    lng: float = Longitude
    address: str = Field("", max_length=300)
    budget_min: MoneyIn
    budget_max: MoneyIn
    desired_start: Timestamp | None = None
    desired_end: Timestamp | None = None
    expires_at: Timestamp | None = Field(None, description="when bidding closes; default 7 days from now")


class JobListQuery(StrictIn):
    scope: Literal["mine", "open"] | None = Field(
        None, description="mine: jobs you posted; open: open jobs you can bid on (default for servicemen)"
    )
    zone_id: str | None = Field(None, max_length=64, description="open scope: only this one of your zones")
    state: Literal["open", "awarded", "cancelled", "expired"] | None = Field(None, description="mine scope only")
    cursor: str | None = Field(None, max_length=200)
    limit: int = Field(50, ge=1, le=200)


class JobCancelIn(StrictIn):
    reason: str = Field("", max_length=300)


class BidIn(StrictIn):
    amount: MoneyIn
    message: str = Field("", max_length=2000)
    proposed_start: Timestamp | None = Field(None, description="when you could do it (30-minute grid)")


def bid_draft(data: dict[str, Any] | None) -> BidDraft:
    """An offline `bid.place` body (sync/mutations.py), validated as `POST /jobs/{id}/bids`."""
    body = validated_body(BidIn, data)
    return BidDraft(amount=body.amount.money(), message=body.message, proposed_start=body.proposed_start)


class BidAcceptIn(StrictIn):
    bid_version: int | None = Field(None, ge=1, le=2**31 - 1, description="the bid version you saw (409 if changed)")


class JobCommentIn(StrictIn):
    body: str = Field(min_length=1, max_length=4000)
    bid_id: str | None = Field(None, max_length=64, description="comment in this bid's private thread")


class JobCommentQuery(StrictIn):
    bid_id: str | None = Field(None, max_length=64)
    cursor: str | None = Field(None, max_length=200)
    limit: int = Field(50, ge=1, le=200)


def _ts(moment: datetime | None) -> str | None:
    return isoformat(moment) if moment is not None else None


class BidOut(BaseModel):
    id: str
    job_id: str
    serviceman_id: str
    amount: MoneyOut
    message: str
    proposed_start: Instant | None
    state: BidState
    version: int
    created_at: Instant
    updated_at: Instant

    @classmethod
    def of(cls, bid: Bid) -> BidOut:
        return cls(id=str(bid.id), job_id=str(bid.job_id), serviceman_id=str(bid.serviceman_id),
                   amount=MoneyOut.from_parts(bid.amount, bid.currency), message=bid.message,
                   proposed_start=_ts(bid.proposed_start), state=BidState(bid.state), version=bid.version,
                   created_at=isoformat(bid.created_at), updated_at=isoformat(bid.updated_at))


class JobOut(BaseModel):
    id: str
    customer_id: str
    title: str
    description: str
    category_id: str
    zone_id: str | None
    lat: float
    lng: float
    address: str
    budget_min: MoneyOut
    budget_max: MoneyOut
    desired_start: Instant | None
    desired_end: Instant | None
    state: JobState
    accepted_bid_id: str | None
    expires_at: Instant
    version: int
    created_at: Instant
    bids: list[BidOut] = Field(default_factory=list, description="all bids for the customer; your own for a bidder")
    active_bids: int | None = Field(None, description="how many bids are active (detail only)")
    can_bid: bool | None = Field(None, description="whether you may bid now (detail only)")

    @classmethod
    def of(cls, job: Job, view: JobView | None = None) -> JobOut:
        zone = job.zone_id
        return cls(
            id=str(job.id), customer_id=str(job.customer_id), title=job.title,
            description=job.description, category_id=str(job.category_id),
            zone_id=str(zone) if zone else None, lat=job.lat, lng=job.lng, address=job.address,
            budget_min=MoneyOut.from_parts(job.budget_min, job.currency),
            budget_max=MoneyOut.from_parts(job.budget_max, job.currency),
            desired_start=_ts(job.desired_start), desired_end=_ts(job.desired_end), state=JobState(job.state),
            accepted_bid_id=str(job.accepted_bid_id) if job.accepted_bid_id else None,
            expires_at=isoformat(job.expires_at), version=job.version, created_at=isoformat(job.created_at),
            bids=[BidOut.of(b) for b in view.bids] if view else [],
            active_bids=view.bid_count if view else None, can_bid=view.can_bid if view else None,
        )


class JobPageOut(BaseModel):
    items: list[JobOut]
    next_cursor: str | None

    @classmethod
    def of(cls, page: JobPage) -> JobPageOut:
        return cls(items=[JobOut.of(j) for j in page.items], next_cursor=page.next_cursor)


class BidAcceptedOut(BaseModel):
    job: JobOut
    bid: BidOut
    booking: BookingOut

    @classmethod
    def of(cls, accepted: AcceptedBid) -> BidAcceptedOut:
        return cls(job=JobOut.of(accepted.job), bid=BidOut.of(accepted.bid), booking=BookingOut.of(accepted.booking))


class JobCommentOut(BaseModel):
    id: str
    job_id: str
    bid_id: str | None
    author_id: str
    body: str
    created_at: Instant

    @classmethod
    def of(cls, comment: Comment) -> JobCommentOut:
        bid = comment.bid_id
        return cls(id=str(comment.id), job_id=str(comment.job_id), bid_id=str(bid) if bid else None,
                   author_id=str(comment.author_id), body=comment.body,
                   created_at=isoformat(comment.created_at))


class JobCommentPageOut(BaseModel):
    items: list[JobCommentOut]
    next_cursor: str | None

    @classmethod
    def of(cls, page: CommentPage) -> JobCommentPageOut:
        return cls(items=[JobCommentOut.of(c) for c in page.items], next_cursor=page.next_cursor)
