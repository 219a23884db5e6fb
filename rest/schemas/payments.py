"""Wire shapes of payments: checkout, a payment case, refunds and releases."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel, Field

from domain.finance.cases.payloads import CheckoutDraft

# The checkout body: the same model is the socket `payment:checkout` payload (with the booking).
from domain.finance.cases.payloads import CheckoutIn as CheckoutIn
from domain.finance.cases.payloads import MilestoneIn as MilestoneIn

# The payment as REST, the socket's `payment:checkout` ack and sync push results show it.
from domain.finance.cases.payloads import MilestoneOut as MilestoneOut
from domain.finance.cases.payloads import PaymentCaseOut as PaymentCaseOut
from domain.finance.chargebacks.views import ChargebackView
from domain.shared.clock import isoformat
from rest.schemas.common import Instant, MoneyIn, MoneyOut, StrictIn, validated_body


def checkout_draft(data: dict[str, Any] | None) -> CheckoutDraft:
    """An offline `payment.checkout` body (sync/mutations.py), validated as `POST /bookings/{id}/checkout`."""
    return validated_body(CheckoutIn, data).draft()


class RefundIn(StrictIn):
    amount: MoneyIn | None = Field(None, description="part of the payment; everything refundable when absent")
    reason: str = Field("", max_length=300)


class ReleaseIn(StrictIn):
    milestone: int | None = Field(None, ge=1, le=20, description="one milestone (customer or admin); "
                                  "everything still held when absent (admin)")


def _ts(moment: datetime | None) -> str | None:
    return isoformat(moment) if moment is not None else None


class ChargebackOut(BaseModel):
    id: str
    dispute_id: str = Field(description="the gateway's dispute id")
    gateway: str
    amount: MoneyOut = Field(description="the disputed amount")
    fee: MoneyOut = Field(description="the dispute fee the gateway kept")
    status: str = Field(description="the gateway's dispute status (needs_response, under_review, won, lost, ...)")
    reason: str
    outcome: str = Field(description="open, won or lost")
    holds: dict[str, int] = Field(description="payee -> minor units to set aside from their next releases while open")
    held_from_payees: dict[str, int] = Field(description="payee -> minor units their later releases set aside")
    opened_at: Instant
    closed_at: Instant | None

    @classmethod
    def of(cls, v: ChargebackView) -> ChargebackOut:
        return cls(id=str(v.id), dispute_id=v.dispute_id, gateway=v.gateway, amount=MoneyOut.of(v.amount),
                   fee=MoneyOut.of(v.fee), status=v.status, reason=v.reason, outcome=v.outcome,
                   holds=dict(v.holds), held_from_payees=dict(v.held_from_payees), opened_at=isoformat(v.opened_at),
                   closed_at=_ts(v.closed_at))


class ChargebacksOut(BaseModel):
    items: list[ChargebackOut]
