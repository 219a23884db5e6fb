"""Wire shapes of the live feed (docs/events.md "A feed item")."""

from __future__ import annotations

from pydantic import BaseModel, Field

from domain.feed.kinds import FeedItemKind
from domain.feed.queries import FeedPage
from rest.schemas.common import Instant, MoneyOut, StrictIn
from sync.payloads import FeedSummary

KINDS = ("job.posted, job.cancelled, job.expired, bid.placed, bid.updated, bid.withdrawn, bid.accepted, "
         "bid.rejected, booking.<state> (requested, accepted, scheduled, started, completed, cancelled, declined, "
         "expired), booking.assigned, crew.bid_<placed|updated|withdrawn|accepted|rejected>")


class FeedQuery(StrictIn):
    zone_id: str | None = Field(None, max_length=64, description="only items in this zone")
    kind: str | None = Field(None, max_length=48, description=f"only items of this kind: {KINDS}")
    after: int | None = Field(None, ge=0, le=2**63 - 1,
                              description="catch-up: items with seq above this, oldest first (instead of by rank)")
    cursor: str | None = Field(None, max_length=200, description="next_cursor of the previous page")
    limit: int = Field(50, ge=1, le=200)


class FeedItemOut(BaseModel):
    id: str = Field(description="the item id (its seq, as a string)")
    seq: int = Field(description="grows in commit order across your items: resume after the highest you have")
    kind: FeedItemKind
    entity_type: str = Field(description="job, bid or booking")
    entity_id: str
    zone_id: str | None
    category_id: str | None
    amount: MoneyOut | None = Field(description="a job's maximum budget, a bid's amount, a booking's total")
    summary: FeedSummary = Field(description="what to render: titles, names, amounts (per entity type)")
    rank: int = Field(description="ranking score in thousandths of a point: higher first")
    factors: dict[str, float] = Field(description="zone, category, direct, budget, recency: the points behind rank")
    version: int
    created_at: Instant


class FeedPageOut(BaseModel):
    items: list[FeedItemOut]
    next_cursor: str | None

    @classmethod
    def of(cls, page: FeedPage) -> FeedPageOut:
        return cls(items=[FeedItemOut.model_validate(item) for item in page.items], next_cursor=page.next_cursor)
