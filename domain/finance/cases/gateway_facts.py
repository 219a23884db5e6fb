"""What the gateway did that we did not ask for, booked when its refetched state shows it:
the fee it kept on a captured charge (`gw:<charge>:fee`, gateway_fees / gateway_balance), and
refunds made at the gateway, booked under their own refund id (`gw:<refund>:refund`) so that
reconciliation pairs them by id, not by amount."""

from __future__ import annotations

from typing import Any

from domain.finance import ledger
from domain.finance.cases.models import PaymentCase
from domain.finance.operations.models import FinanceOperation, OpKind
from domain.shared.uow import UnitOfWork

K = ledger.AccountKind


async def book_fee(uow: UnitOfWork, case: PaymentCase, charge_id: str | None, fee: Any, *, actor: str) -> None:
    """Idempotent by key: every refetch that shows the fee asks again, the first books it."""
    if not charge_id or not fee or int(fee) <= 0:
        return
    await ledger.post(uow, ledger.EntryDraft(
        idempotency_key=f"gw:{charge_id}:fee", kind="gateway_fee", case_id=case.id, actor=actor,
        reason="fee kept by the gateway on the charge",
        legs=(ledger.Leg(ledger.AccountKey(K.GATEWAY_FEES, "platform", case.currency), ledger.Side.DEBIT, int(fee)),
              ledger.Leg(ledger.AccountKey(K.GATEWAY_BALANCE, "platform", case.currency), ledger.Side.CREDIT,
                         int(fee)))))


async def outside_refunds(uow: UnitOfWork, case: PaymentCase, payment: Any, outside: int) -> list[tuple[int, str]]:
    """The refunds made at the gateway that make up `outside` (refunded there, not booked by
    us), as (amount, ledger key). By refund id when the gateway lists them and those we did not
    ask for add up to it; otherwise (a refund of ours under way, or an adapter that lists none)
    one entry keyed by the payment's refunded total, as before."""
    ours = {str((op.result or {}).get("id")) for op in await FinanceOperation.filter(
        case_id=case.id, op=OpKind.REFUND).using_db(uow.connection) if (op.result or {}).get("id")}
    theirs = [r for r in getattr(payment, "refunds", ()) if r.id not in ours and r.status in ("succeeded", "pending")]
    if theirs and sum(r.amount.amount for r in theirs) == outside:
        return [(r.amount.amount, f"gw:{r.id}:refund") for r in theirs]
    return [(outside, f"gw:{payment.id}:refunded:{payment.amount_refunded}")]
