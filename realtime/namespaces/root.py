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

from pydantic import ConfigDict, StringConstraints

from domain.finance.cases import payloads
from domain.finance.cases.payloads import PaymentCaseOut
from domain.finance.cases.services import PaymentCases
from domain.shared.errors import DomainError, ErrorCode
from realtime.base import AuthenticatedNamespace
from realtime.deps import RealtimeDeps
from realtime.hygiene import RateLimit
from realtime.pokes import EVENT as POKE_EVENT
from realtime.pokes import PokeCoalescer


class CheckoutIn(payloads.CheckoutIn):
    """The REST body of `POST /v1/bookings/{booking_id}/checkout` (one model, the same rules), and the booking."""

    model_config = ConfigDict(strict=True)  # socket payloads are JSON as sent: no coercion

    booking_id: Annotated[str, StringConstraints(min_length=1, max_length=64)]


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
