"""The sandbox gateway's chargebacks: the cardholder's bank acts, the test (or demo) controls
play it (`open_dispute`, `close_dispute`); `dispute()` answers like the port's adapters."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from domain.finance.gateway.port import Declined, DisputeState, EventType, PaymentIntentState
from domain.shared.money import Money


class SandboxDisputes:
    """Mixed into SandboxGateway, which keeps `_disputes` and overrides the helpers below."""

    _disputes: dict[str, DisputeState]

    def _payment(self, payment_id: str) -> Any:
        raise NotImplementedError

    def _move(self, kind: str, amount: Money, fee: int, source: str | None) -> None:
        raise NotImplementedError

    def _emit(self, kind: EventType, obj: dict[str, Any], account: str | None = None) -> None:
        raise NotImplementedError

    def _new_id(self, prefix: str) -> str:
        raise NotImplementedError

    async def dispute(self, dispute_id: str) -> DisputeState:
        found = self._disputes.get(dispute_id)
        if found is None:
            raise Declined(f"No such dispute: {dispute_id}", gateway_code="resource_missing", http_status=404)
        return found

    def open_dispute(self, payment_id: str, amount: int | None = None, *, fee: int = 1500,
                     reason: str = "fraudulent") -> DisputeState:
        """A cardholder disputes the payment: the amount and the dispute fee leave the platform
        balance at once (Stripe's way), `charge.dispute.created` and `.funds_withdrawn` follow."""
        state: PaymentIntentState = self._payment(payment_id).state
        value = state.amount_captured - state.amount_refunded if amount is None else amount
        dispute = DisputeState(self._new_id("dp"), payment_id, state.charge_id, Money(value, state.amount.currency),
                               "needs_response", reason, withdrawn=value, reinstated=0, fee=fee)
        self._disputes[dispute.id] = dispute
        self._move("adjustment", Money(-value, state.amount.currency), fee, dispute.id)
        self._emit(EventType.DISPUTE_CREATED, _dispute_object(dispute))
        self._emit(EventType.DISPUTE_FUNDS_WITHDRAWN, _dispute_object(dispute))
        return dispute

    def close_dispute(self, dispute_id: str, *, won: bool) -> DisputeState:
        """The bank decides: won gives the amount back (the fee stays kept), lost keeps both."""
        dispute = self._disputes[dispute_id]
        if dispute.closed:
            return dispute
        if won:
            dispute = replace(dispute, status="won", reinstated=dispute.amount.amount)
            self._disputes[dispute_id] = dispute
            self._move("adjustment", dispute.amount, 0, dispute.id)
            self._emit(EventType.DISPUTE_FUNDS_REINSTATED, _dispute_object(dispute))
        else:
            dispute = replace(dispute, status="lost")
            self._disputes[dispute_id] = dispute
        self._emit(EventType.DISPUTE_CLOSED, _dispute_object(dispute))
        return dispute


def _dispute_object(d: DisputeState) -> dict[str, Any]:
    return {"id": d.id, "object": "dispute", "payment_intent": d.payment_id, "charge": d.charge_id,
            "amount": d.amount.amount, "currency": d.amount.currency.lower(), "status": d.status,
            "reason": d.reason}
