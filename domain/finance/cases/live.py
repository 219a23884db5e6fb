"""Payment state on the booking's live updates: the `payment-live` reaction (app/subscriptions.py)
reads each `finance` event of a booking's payment and, once its unit of work committed, hands
the new state to the live port (realtime/emitters.py `PaymentEmitter`: `booking:payment` on the
parties' `/feed` sockets, with the sync cursor at which the change is visible).

Who hears it: the booking's customer, its crew and the provider's owners and managers: the
parties who read the payment over REST and sync (`payment_cases` is scoped to them)."""

from __future__ import annotations

from typing import Any, Protocol

from domain.accounts.models import Membership
from domain.bookings.models import Assignment, Booking
from domain.bookings.parties import MANAGING_ROLES
from domain.shared.events import EventEnvelope
from domain.shared.ids import as_uuid
from domain.shared.uow import UnitOfWork

CONSUMER = "payment-live"  # its inbox key and Kafka group: never rename
EVENT = "booking:payment"

# What the socket update carries of the event's data (money as {amount, currency}).
FIELDS = ("case_id", "booking_id", "seq", "state", "from_state", "version", "amount", "captured", "refunded",
          "released")


class PaymentLive(Protocol):
    async def payment_changed(self, user_ids: list[str], update: dict[str, Any]) -> None: ...


class PaymentNotices:
    def __init__(self, live: PaymentLive) -> None:
        self._live = live

    async def handle(self, envelope: EventEnvelope, uow: UnitOfWork) -> None:
        data = envelope.body.get("data")
        if not envelope.type.startswith("payment.") or not isinstance(data, dict):
            return
        booking_id = as_uuid(str(data.get("booking_id", "")))
        booking = await Booking.get_or_none(id=booking_id, using_db=uow.connection) if booking_id else None
        if booking is None:
            return
        users = await parties(booking, uow)
        update = {"type": envelope.type, **{key: data.get(key) for key in FIELDS}}

        async def tell() -> None:
            await self._live.payment_changed(users, update)

        uow.after_commit(tell)


async def parties(booking: Booking, uow: UnitOfWork) -> list[str]:
    conn = uow.connection
    users = [str(booking.customer_id)]
    users += [str(u) for u in await Assignment.filter(booking_id=booking.id).using_db(conn)
              .values_list("serviceman_id", flat=True)]
    if booking.organisation_id:
        users += [str(u) for u in await Membership.filter(organisation_id=booking.organisation_id,
                                                          role__in=MANAGING_ROLES).using_db(conn)
                  .values_list("user_id", flat=True)]
    return list(dict.fromkeys(users))
