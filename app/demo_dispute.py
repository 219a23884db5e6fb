"""The demo's open dispute: a completed "Leak repair" of the demo customer, paid through the
seed's own sandbox gateway, its release waiting, disputed by the customer (awaiting the
provider's response). Written through the payment cases and the disputes service, so the case
is captured on the ledger and frozen, and the dispute has its timeline, event and audit record.

The sandbox keeps payments in memory: this payment lives in the seed's sandbox only, so an
outcome that refunds it in the served demo is declined by the server's sandbox (a new dispute
made in the demo has none of this)."""

from __future__ import annotations

from domain.bookings import transitions
from domain.bookings.models import Booking
from domain.bookings.states import Action
from domain.disputes.service import DisputeService
from domain.finance.cases.models import CaseState, PaymentCase
from domain.finance.cases.moving import Who
from domain.finance.cases.services import PaymentCases
from domain.finance.gateway.sandbox import SandboxGateway
from domain.shared.context import Actor
from domain.shared.money import Money
from domain.shared.uow import unit_of_work

DISPUTED = "Leak repair"
WHO = Who("system:demo-seed")


async def open_demo_dispute(booking: Booking, customer: str, lead: str, actors: dict[str, Actor]) -> None:
    """`booking`: requested, of `customer`, crewed by `lead`; `actors`: login -> Actor."""
    cases = PaymentCases(SandboxGateway(webhook_secret="demo-seed"))  # noqa: S106 - a throwaway sandbox
    await cases.checkout(actors[customer], str(booking.id), "pm_card_visa")
    version = booking.version
    for action in (Action.ACCEPT, Action.SCHEDULE, Action.START, Action.COMPLETE):
        view = await transitions.transition(actors[lead], str(booking.id), action, version)
        version = view.booking.version
        if action is Action.ACCEPT:  # what the payment reactions do once the server runs
            await _react(cases, booking, "_on_accepted", CaseState.HELD)
    await _react(cases, booking, "_on_completed", CaseState.RELEASE_PENDING)
    disputes = DisputeService(cases)
    await disputes.open(actors[customer], str(booking.id), reason="poor_quality",
                        description="The tap under the sink still drips after the repair.",
                        claimed=Money(2500, booking.currency))


async def _react(cases: PaymentCases, booking: Booking, handler: str, until: CaseState) -> None:
    async with unit_of_work() as uow:
        case = await PaymentCase.get(booking_id=booking.id, using_db=uow.connection)
        await getattr(cases, handler)(uow, case, WHO)
    for _ in range(10):  # the capture is a gateway operation: the worker makes the call
        if (await PaymentCase.get(booking_id=booking.id)).state is until:
            return
        await cases.run_operations()
    raise RuntimeError(f"the demo payment did not reach {until.value}")
