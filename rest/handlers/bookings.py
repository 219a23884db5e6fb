"""Bookings: create, read, list yours, move through the state machine, assign the crew."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import timedelta
from typing import Any

from domain.bookings import services as bookings
from domain.bookings.creation import RequestLimits
from domain.bookings.models import BookingKind, BookingState
from domain.bookings.services import Action, BookingRequest, Capacity
from domain.shared.errors import ConflictReason, ErrorCode
from rest.routing import ApiRequest, RouteTable
from rest.schemas.bookings import (
    BookingActionIn,
    BookingAssignmentsIn,
    BookingIn,
    BookingListQuery,
    BookingOut,
    BookingPageOut,
)

routes = RouteTable(tags=("bookings",))
E = ErrorCode
R = ConflictReason


def request_limits(settings: Any) -> RequestLimits:
    return RequestLimits(open_per_customer=settings.booking_open_requests_per_customer,
                         open_per_serviceman=settings.booking_open_requests_per_serviceman,
                         ttl=timedelta(hours=settings.booking_request_ttl_hours),
                         on_demand_ttl=timedelta(minutes=settings.booking_on_demand_expiry_minutes))


@routes.post("/bookings", body=BookingIn, response=BookingOut, status=201, auth=True,
             errors=(E.FORBIDDEN, E.CONFLICT), reasons=(R.SLOT_TAKEN, R.LIMIT_REACHED),
             summary="Book a published service or package")
async def create_booking(req: ApiRequest[BookingIn, None]) -> BookingOut:
    b = req.body
    request = BookingRequest(service_id=b.service_id, kind=BookingKind(b.kind), lat=b.lat, lng=b.lng, start=b.start,
                             serviceman_ids=tuple(b.serviceman_ids), auto_assign=b.auto_assign, address=b.address,
                             notes=b.notes)
    return BookingOut.of(await bookings.create(req.actor, request, limits=request_limits(req.deps.settings)))


@routes.get("/bookings", query=BookingListQuery, response=BookingPageOut, auth=True,
            summary="Your bookings (as customer, crew or manager), newest first")
async def list_bookings(req: ApiRequest[None, BookingListQuery]) -> BookingPageOut:
    q = req.query
    page = await bookings.list_mine(req.actor, capacity=Capacity(q.role) if q.role else None,
                                    state=BookingState(q.state) if q.state else None, cursor=q.cursor, limit=q.limit)
    return BookingPageOut.of(page)


@routes.get("/bookings/{booking_id}", response=BookingOut, auth=True, errors=(E.NOT_FOUND,),
            summary="A booking with its crew and history (its parties only)")
async def get_booking(req: ApiRequest[None, None]) -> BookingOut:
    return BookingOut.of(await bookings.get(req.actor, req.params["booking_id"]))


@routes.put("/bookings/{booking_id}/assignments", body=BookingAssignmentsIn, response=BookingOut, auth=True,
            errors=(E.FORBIDDEN, E.NOT_FOUND, E.CONFLICT),
            reasons=(R.INVALID_TRANSITION, R.STALE_VERSION, R.NOT_ALLOWED),
            summary="Assign the crew (provider manager)")
async def assign_booking(req: ApiRequest[BookingAssignmentsIn, None]) -> BookingOut:
    view = await bookings.assign(req.actor, req.params["booking_id"], req.body.serviceman_ids, req.body.version)
    return BookingOut.of(view)


_WHO = {
    Action.ACCEPT: "the lead serviceman or a provider manager",
    Action.SCHEDULE: "the lead serviceman or a provider manager; `start` sets or moves the time",
    Action.START: "an assigned serviceman",
    Action.COMPLETE: "an assigned serviceman or a provider manager",
    Action.CANCEL: "the customer (before work starts), a provider manager or an admin",
    Action.DECLINE: "an assigned serviceman or a provider manager, while requested",
}


def _action_route(action: Action) -> Callable[[ApiRequest[BookingActionIn, None]], Awaitable[BookingOut]]:
    async def handler(req: ApiRequest[BookingActionIn, None]) -> BookingOut:
        b = req.body
        view = await bookings.transition(req.actor, req.params["booking_id"], action, b.version, start=b.start,
                                         reason=b.reason)
        return BookingOut.of(view)

    handler.__name__ = f"{action.value}_booking"
    return routes.post(f"/bookings/{{booking_id}}/{action.value}", body=BookingActionIn, response=BookingOut,
                       auth=True, errors=(E.FORBIDDEN, E.NOT_FOUND, E.CONFLICT),
                       reasons=(R.INVALID_TRANSITION, R.STALE_VERSION, R.SLOT_TAKEN, R.NOT_ELIGIBLE, R.EXPIRED,
                                R.NOT_ALLOWED, R.PAYMENT_DECLINED, R.AMOUNT_OUT_OF_RANGE),
                       summary=f"{action.value.capitalize()} a booking ({_WHO[action]})")(handler)


for _action in _WHO:
    _action_route(_action)
