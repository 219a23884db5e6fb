"""A payee's money as the finance view shows it: the balances of the one read model
(domain/finance/balances/view.py: earnings, pending, available, paid out, receivable), and
statements.

A statement lists every posted movement of their payable and receivable in a period, signed by
its effect on their net position (payable - receivable), between an opening and a closing."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from uuid import UUID

from domain.access.policy import Permission, authorize
from domain.finance.balances import view
from domain.finance.cases.models import PaymentCase
from domain.finance.reporting.access import Payee, Period
from domain.shared import sql
from domain.shared.context import Actor
from domain.shared.money import Money, format_major


@dataclass(frozen=True)
class PartyBalance:
    currency: str
    earnings: int
    pending: int
    available: int
    paid_out: int
    receivable: int


@dataclass(frozen=True)
class StatementLine:
    at: datetime
    entry_id: UUID
    kind: str
    description: str
    case_id: UUID | None
    booking_id: UUID | None
    amount: int  # signed: + raises what they are owed, - lowers it
    balance: int  # their net position after this line


@dataclass(frozen=True)
class Statement:
    owner: str
    currency: str
    period: Period
    opening: int
    closing: int
    lines: list[StatementLine]


_MOVES = """
    SELECT e.id, e.kind, e.case_id, e.created_at, e.reason, a.kind AS account, p.side, p.amount
    FROM ledger_posting p JOIN ledger_account a ON a.id = p.account_id JOIN ledger_entry e ON e.id = p.entry_id
    WHERE a.owner = $1 AND a.currency = $2 AND a.kind IN ('provider_payable', 'provider_receivable')
      AND p.bucket = 'posted' AND e.created_at >= $3 AND e.created_at < $4
    ORDER BY e.created_at, e.id"""

_BEFORE = """
    SELECT a.kind AS account, p.side, SUM(p.amount) AS total
    FROM ledger_posting p JOIN ledger_account a ON a.id = p.account_id JOIN ledger_entry e ON e.id = p.entry_id
    WHERE a.owner = $1 AND a.currency = $2 AND a.kind IN ('provider_payable', 'provider_receivable')
      AND p.bucket = 'posted' AND e.created_at < $3
    GROUP BY a.kind, p.side"""

DESCRIPTIONS = {
    "release": "Released to you", "transfer": "Paid to your account", "payout": "Paid out",
    "refund": "Refunded to the customer after release", "reversal": "Correction", "correction": "Correction",
    "transfer_reversal": "Taken back from your account after a refund", "chargeback_lost": "Chargeback lost",
    "chargeback_hold": "Held for a chargeback", "chargeback_hold_released": "Chargeback won: hold released",
    "chargeback_hold_applied": "Chargeback lost: hold applied",
}


def _effect(side: str, amount: int) -> int:
    """A posting's effect on the net position payable - receivable: a credit to the payable
    raises it, a credit to the receivable (a debt settled) too; debits lower it."""
    return amount if side == "credit" else -amount


async def may_read(actor: Actor, payee: Payee) -> None:
    await authorize(actor, Permission.FINANCE_BALANCE_READ, payee)


async def balances(actor: Actor, payee: Payee) -> list[PartyBalance]:
    await authorize(actor, Permission.FINANCE_BALANCE_READ, payee)
    return await compute(payee)


async def compute(payee: Payee) -> list[PartyBalance]:
    """The finance view's figures of the one read model (domain/finance/balances/view.py)."""
    found = await view.payee_money(payee.owner, organisation_id=str(payee.org.id) if payee.org else None)
    return [PartyBalance(currency=m.currency, earnings=m.earnings, pending=m.pending, available=m.available,
                         paid_out=m.paid_out, receivable=m.receivable) for m in found]


async def statement(actor: Actor, payee: Payee, currency: str, period: Period) -> Statement:
    await authorize(actor, Permission.FINANCE_BALANCE_READ, payee)
    conn = sql.reader()
    opening = sum(_effect(r["side"], int(r["total"]))
                  for r in await sql.rows(conn, _BEFORE, [payee.owner, currency, period.start]))
    rows = await sql.rows(conn, _MOVES, [payee.owner, currency, period.start, period.end])
    case_ids = {sql.as_uuid(r["case_id"]) for r in rows if r["case_id"]}
    bookings = {c.id: c.booking_id for c in await PaymentCase.filter(id__in=list(case_ids))} if case_ids else {}
    # One line per entry: a release that credits payable and settles a receivable is one movement.
    merged: dict[UUID, dict[str, Any]] = {}
    for r in rows:
        entry_id = sql.as_uuid(r["id"])
        line = merged.setdefault(entry_id, {**r, "effect": 0})
        line["effect"] += _effect(r["side"], int(r["amount"]))
    running, lines = opening, []
    for entry_id, r in merged.items():
        running += r["effect"]
        case_id = sql.as_uuid(r["case_id"]) if r["case_id"] else None
        lines.append(StatementLine(
            at=sql.as_datetime(r["created_at"]), entry_id=entry_id, kind=r["kind"],
            description=DESCRIPTIONS.get(r["kind"], str(r["reason"])[:120]), case_id=case_id,
            booking_id=bookings.get(case_id) if case_id else None, amount=r["effect"], balance=running))
    return Statement(payee.owner, currency, period, opening, running, lines)


CSV_COLUMNS = ("date", "entry_id", "kind", "description", "booking_id", "amount", "balance", "currency")


def statement_csv(st: Statement) -> str:
    """The statement as CSV, amounts in major units with exactly the currency's decimals
    (JPY 4500, GBP 45.00, KWD 4.500): a spreadsheet reads them as numbers, never as floats we made."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)

    def major(amount: int) -> str:
        return format_major(Money(amount, st.currency))

    writer.writerow([st.period.start.date().isoformat(), "", "opening", "Opening balance", "", "",
                     major(st.opening), st.currency])
    for line in st.lines:
        writer.writerow([line.at.isoformat(), str(line.entry_id), line.kind, _cell(line.description),
                         str(line.booking_id or ""), major(line.amount), major(line.balance), st.currency])
    writer.writerow([st.period.end.date().isoformat(), "", "closing", "Closing balance", "", "",
                     major(st.closing), st.currency])
    return out.getvalue()


def _cell(text: str) -> str:
    """No formula injection when the CSV is opened in a spreadsheet."""
    return f"'{text}" if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text
