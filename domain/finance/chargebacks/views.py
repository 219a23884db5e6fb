"""What a chargeback looks like to callers: the payment case's timeline (and, later, the
internal disputes' timeline in domain/disputes) reads `timeline(case_id)`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any
from uuid import UUID

from domain.finance.chargebacks.models import GatewayDispute
from domain.shared.money import Money


@dataclass(frozen=True)
class ChargebackView:
    id: UUID
    case_id: UUID
    gateway: str
    dispute_id: str
    amount: Money
    fee: Money
    status: str  # the gateway's dispute status
    reason: str
    outcome: str  # open | won | lost
    holds: dict[str, int]  # what to set aside from each payee's next releases while it is open
    held_from_payees: dict[str, int]  # what the payees' later releases set aside for it
    opened_at: datetime
    closed_at: datetime | None

    def as_dict(self) -> dict[str, Any]:
        return {"id": str(self.id), "case_id": str(self.case_id), "gateway": self.gateway,
                "dispute_id": self.dispute_id, "amount": self.amount.as_dict(), "fee": self.fee.as_dict(),
                "status": self.status, "reason": self.reason, "outcome": self.outcome,
                "holds": dict(self.holds), "held_from_payees": dict(self.held_from_payees),
                "opened_at": self.opened_at.isoformat(),
                "closed_at": self.closed_at.isoformat() if self.closed_at else None}


def view_of(row: GatewayDispute) -> ChargebackView:
    return ChargebackView(
        id=row.id, case_id=row.case_id, gateway=row.gateway, dispute_id=row.dispute_id,
        amount=Money(row.amount, row.currency), fee=Money(row.fee - row.fee_returned, row.currency),
        status=row.status, reason=row.reason, outcome=row.outcome.value,
        holds={str(k): int(v) for k, v in dict(row.holds).items()},
        held_from_payees={str(k): int(v) for k, v in dict(row.held).items()}, opened_at=row.created_at,
        closed_at=row.closed_at)


async def timeline(case_id: UUID) -> list[ChargebackView]:
    """The chargebacks of one payment case, oldest first. No permission check: the caller has
    authorized reading the case (PaymentCases.chargebacks, or the disputes timeline)."""
    return [view_of(row) for row in await GatewayDispute.filter(case_id=case_id).order_by("created_at")]
