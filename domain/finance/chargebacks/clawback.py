"""A refund after payout claws the payees' part back: for each payee whose refunded share was
already transferred, a stored transfer reversal (operations: key
`fs:reversal-p<i>-<transfer>:<case>:<seq>`, written in the refund's unit of work, called by the
operations worker). Its outcome (chargebacks/services.py `Clawbacks`) books the reversal against
the payee's receivable; a refusal (the connected account no longer holds the money) leaves the
receivable, visible in their balance and netted against their next releases."""

from __future__ import annotations

from typing import Any

from domain.finance.cases.models import PaymentCase
from domain.finance.operations import store
from domain.finance.operations.models import FinanceOperation, OpKind, OpStatus
from domain.shared.uow import UnitOfWork

PREFIX = "fs:reversal-"  # the operations worker hands these outcomes to Clawbacks


async def enqueue(uow: UnitOfWork, case: PaymentCase, after_release: dict[str, Any], *, attempt: int) -> int:
    """Store one reversal per (payee, transfer) for the payees' part of a refund after release,
    never more than a transfer still has unreversed. Returns how many were stored."""
    conn = uow.connection
    transfers = [t for t in await FinanceOperation.filter(
        case_id=case.id, op=OpKind.TRANSFER, status=OpStatus.SUCCEEDED).using_db(conn).order_by("created_at")
        if (t.result or {}).get("id")]
    if not transfers:
        return 0
    reversed_: dict[str, int] = {}
    for r in await FinanceOperation.filter(case_id=case.id, op=OpKind.REVERSAL).exclude(
            status=OpStatus.FAILED).using_db(conn):
        reversed_[r.params["transfer_id"]] = reversed_.get(r.params["transfer_id"], 0) + int(r.params["amount"])
    stored = 0
    for number, payee in enumerate(after_release["payees"]):
        left = int(payee["amount"])
        for transfer in transfers:
            if left <= 0:
                break
            if transfer.params.get("owner") != payee["owner"]:
                continue
            transfer_id = str(transfer.result["id"])
            room = int(transfer.params["amount"]) - reversed_.get(transfer_id, 0)
            take = min(left, room)
            if take <= 0:
                continue
            await store.enqueue(uow, case.id, OpKind.REVERSAL, {
                "transfer_id": transfer_id, "amount": take, "currency": case.currency, "owner": payee["owner"],
            }, attempt=attempt, label=f"reversal-p{number}-{transfer_id}")
            reversed_[transfer_id] = reversed_.get(transfer_id, 0) + take
            left -= take
            stored += 1
    return stored
