"""Wire shapes of bookings: create, read, list, state actions, crew assignment."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, Field

from domain.bookings.models import Assignment, Booking, BookingKind, BookingState, Transition
from domain.bookings.services import BookingPage, BookingView
from domain.shared.clock import isoformat
from rest.schemas.common import Instant, Latitude, Longitude, MoneyOut, StrictIn, Timestamp


class BookingIn(StrictIn):
    service_id: str = Field(min_length=1, max_length=64, description="a published service or package")
    kind: Literal["on_demand", "scheduled"]
    start: Timestamp | None = Field(None, description="scheduled only: on the 30-minute grid, in the future")
    lat: float = Latitude
    lng: float = Longitude
    address: str = Field("", max_length=300)
    notes: str = Field("", max_length=2000)
    serviceman_ids: list[str] = Field(
        default_factory=list, max_length=10,
        description="the crew the customer picks (the first leads); empty: automatic or the provider assigns",
    )
    auto_assign: bool = Field(False, description="pick the best available serviceman automatically")


class BookingActionIn(StrictIn):
    version: int = Field(ge=1, le=2**31 - 1, description="the version you read; a stale one is a 409")
    start: Timestamp | None = Field(None, description="schedule only: set or move the start (30-minute grid)")
    reason: str = Field("", max_length=300)


class BookingAssignmentsIn(StrictIn):
    version: int = Field(ge=1, le=2**31 - 1)
    serviceman_ids: list[str] = Field(min_length=1, max_length=10, description="the crew; the first leads")


class BookingListQuery(StrictIn):
    role: Literal["customer", "serviceman", "manager"] | None = Field(
        None, description="only bookings you made, work on, or manage; all of them when absent"
    )
    state: Literal["requested", "accepted", "scheduled", "in_progress", "completed", "cancelled", "declined",
                   "expired"] | None = None
    cursor: str | None = Field(None, max_length=200, description="next_cursor of the previous page")
    limit: int = Field(50, ge=1, le=200)


class CrewMemberOut(BaseModel):
    serviceman_id: str
    lead: bool

    @classmethod
    def of(cls, assignment: Assignment) -> CrewMemberOut:
        return cls(serviceman_id=str(assignment.serviceman_id), lead=assignment.lead)


class BookingTransitionOut(BaseModel):
    from_state: BookingState | None
    to_state: BookingState
    actor_id: str | None
    actor_role: str | None
    reason: str
    at: Instant

    @classmethod
    def of(cls, row: Transition) -> BookingTransitionOut:
        actor = row.actor_id
        return cls(from_state=BookingState(row.from_state) if row.from_state else None,
                   to_state=BookingState(row.to_state), actor_id=str(actor) if actor else None,
                   actor_role=row.actor_role, reason=row.reason, at=isoformat(row.created_at))


def _ts(moment: datetime | None) -> str | None:
    return isoformat(moment) if moment is not None else None


def _id(value: object) -> str | None:
    return str(value) if value is not None else None


class BookingOut(BaseModel):
    id: str
    kind: BookingKind
    state: BookingState
    customer_id: str
    service_id: str | None
    organisation_id: str | None
    job_id: str | None
    zone_id: str | None
    region: str | None = Field(None, description="data residency (REGIONS), from its customer at creation")
    lat: float | None
    lng: float | None
    address: str
    notes: str
    scheduled_start: Instant | None
    scheduled_end: Instant | None
    price: MoneyOut
    commission: MoneyOut
    tax: MoneyOut
    total: MoneyOut = Field(description="what the customer pays: price + tax")
    expires_at: Instant | None
    version: int
    crew: list[CrewMemberOut]
    actions: list[str] = Field(description="the state actions you may take now")
    transitions: list[BookingTransitionOut] = Field(description="history, oldest first (empty in lists)")
    created_at: Instant
    updated_at: Instant

    @classmethod
    def of(cls, view: BookingView) -> BookingOut:
        b: Booking = view.booking

        def money(amount: int) -> MoneyOut:
            return MoneyOut.from_parts(amount, b.currency)

        return cls(
            id=str(b.id), kind=BookingKind(b.kind), state=BookingState(b.state), customer_id=str(b.customer_id),
            service_id=_id(b.service_id), organisation_id=_id(b.organisation_id),
            job_id=_id(b.job_id), zone_id=_id(b.zone_id), region=b.region, lat=b.lat, lng=b.lng,
            address=b.address, notes=b.notes,
            scheduled_start=_ts(b.scheduled_start), scheduled_end=_ts(b.scheduled_end),
            price=money(b.price_amount), commission=money(b.commission_amount), tax=money(b.tax_amount),
            total=money(b.total_amount), expires_at=_ts(b.expires_at), version=b.version,
            crew=[CrewMemberOut.of(a) for a in view.crew], actions=[a.value for a in view.actions],
            transitions=[BookingTransitionOut.of(t) for t in view.transitions],
            created_at=isoformat(b.created_at), updated_at=isoformat(b.updated_at),
        )


class BookingPageOut(BaseModel):
    items: list[BookingOut]
    next_cursor: str | None = Field(description="pass as cursor for the next (older) page; null at the end")

    @classmethod
    def of(cls, page: BookingPage) -> BookingPageOut:
        return cls(items=[BookingOut.of(v) for v in page.items], next_cursor=page.next_cursor)
