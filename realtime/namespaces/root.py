"""Namespace `/`: sync pokes (`sync:poke`), the durable path's doorbell; `config:changed`; and
`payment:checkout`, the booking checkout of REST over the socket every app holds open.

Each socket hears at most one poke per `SYNC_POKE_INTERVAL_SECONDS` (realtime/pokes.py).
`payment:checkout {booking_id, payment_method, milestones?, use_promo_credit?}` calls the same
use case as `POST /v1/bookings/{booking_id}/checkout` with the same arguments and acks the same
body (`PaymentCaseOut`), or the same error code and `details` (a switched-off checkout:
`feature_disabled` with `retry_after`). Later changes of the payment: `booking:payment` on
`/feed`, or `sync:poke` here and the `payment_cases` collection.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from domain.finance.cases.payloads import CheckoutDraft, PaymentCaseOut
from domain.finance.cases.services import PaymentCases
from domain.shared.errors import DomainError, ErrorCode
from realtime.base import AuthenticatedNamespace
from realtime.deps import RealtimeDeps
from realtime.hygiene import RateLimit
from realtime.pokes import EVENT as POKE_EVENT
from realtime.pokes import PokeCoalescer


class _Payload(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


class MilestoneIn(_Payload):
    title: Annotated[str, StringConstraints(max_length=200)] = ""
    amount: Annotated[int, Field(gt=0, le=10**12, description="minor units of the booking's currency")]


class CheckoutIn(_Payload):
    """The REST body of `POST /v1/bookings/{booking_id}/checkout` (the same rules), and the booking."""

    booking_id: Annotated[str, StringConstraints(min_length=1, max_length=64)]
    payment_method: Annotated[str, StringConstraints(min_length=1, max_length=255)] = Field(
        description="a payment method token from the gateway's client SDK (the sandbox accepts e.g. pm_card_visa)")
    milestones: Annotated[list[MilestoneIn], Field(min_length=1, max_length=20)] | None = Field(
        None, description="a job paid in parts: the amounts add up to the booking's total")
    use_promo_credit: bool = Field(True, description="spend your promotional credit on it; false keeps the credit")

    def draft(self) -> CheckoutDraft:
        milestones = [(m.title, m.amount) for m in self.milestones] if self.milestones else None
        return CheckoutDraft(self.payment_method, milestones, self.use_promo_credit)


class _Unavailable(DomainError):
    code = ErrorCode.SERVICE_UNAVAILABLE
    default_message = "Payments are not available on this server."


class RootNamespace(AuthenticatedNamespace):
    NAME = "/"
    WRITE_EVENTS = frozenset({"payment:checkout"})  # refused `maintenance` while maintenance mode is on
    # A checkout asks the gateway for money: a person taps it, a loop does not.
    RATE_LIMITS = {"payment:checkout": RateLimit(per_second=1.0, burst=5)}

    def __init__(self, namespace: str, deps: RealtimeDeps) -> None:
        super().__init__(namespace, deps)
        self.pokes = PokeCoalescer(getattr(deps.settings, "sync_poke_interval_seconds", 1.0), self._poke)
        self._filtering = False

    async def on_connect(self, sid: str, environ: dict[str, Any], auth: Any = None) -> None:
        await super().on_connect(sid, environ, auth)
        manager = self.server.manager
        if not self._filtering and hasattr(manager, "set_delivery_filter"):
            manager.set_delivery_filter(self.namespace, self.pokes.keep)
            self._filtering = True

    async def on_payment_checkout(self, sid: str, payload: CheckoutIn) -> PaymentCaseOut:
        payments: PaymentCases | None = self.deps.payments
        if payments is None:
            raise _Unavailable()
        view = await payments.checkout(await self.current_actor(sid), payload.booking_id, payload.draft())
        return PaymentCaseOut.of(view)

    async def on_disconnect(self, sid: str, reason: str | None = None) -> None:
        self.pokes.forget(sid)
        await super().on_disconnect(sid, reason)

    async def _poke(self, sid: str, payload: Any) -> None:
        await self.server.emit_here(sid, self.namespace, POKE_EVENT, payload)
