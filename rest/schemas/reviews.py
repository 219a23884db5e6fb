"""Wire shapes of reviews."""

from __future__ import annotations

from pydantic import BaseModel, Field

from domain.reviews.models import Review
from domain.reviews.services import ReviewPage
from domain.shared.clock import isoformat
from rest.schemas.common import Instant, StrictIn


class ReviewIn(StrictIn):
    rating: int = Field(ge=1, le=5)
    text: str = Field("", max_length=4000)


class ReviewReportIn(StrictIn):
    reason: str = Field(min_length=1, max_length=300)


class ReviewListQuery(StrictIn):
    cursor: str | None = Field(None, max_length=200)
    limit: int = Field(50, ge=1, le=200)


class ReviewOut(BaseModel):
    id: str
    booking_id: str
    author_id: str
    subject_id: str
    rating: int
    text: str
    hidden: bool
    reported: bool
    version: int
    created_at: Instant

    @classmethod
    def of(cls, review: Review) -> ReviewOut:
        return cls(id=str(review.id), booking_id=str(review.booking_id),
                   author_id=str(review.author_id), subject_id=str(review.subject_id),
                   rating=review.rating, text=review.text, hidden=review.hidden,
                   reported=review.reported_at is not None, version=review.version,
                   created_at=isoformat(review.created_at))


class ReviewPageOut(BaseModel):
    items: list[ReviewOut]
    next_cursor: str | None

    @classmethod
    def of(cls, page: ReviewPage) -> ReviewPageOut:
        return cls(items=[ReviewOut.of(r) for r in page.items], next_cursor=page.next_cursor)
