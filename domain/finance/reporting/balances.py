"""A payee's money, computed from the ledger when asked (no stored wallet, no running counter):

- earnings: what releases gave them (their payable and the receivable a release settled), less
  what refunds after a release took back (their receivable's debits);
- pending: their share of what is held for their captured cases, not released yet (the frozen
  shares of each case's pending milestones);
- available: their provider_payable that can be paid (posted, less payouts under way);
- paid_out: what left their provider_payable to them (transfers, payouts);
- receivable: what they owe us (a refund after payout), netted against their next releases.

A statement lists every posted movement of their payable and receivable in a period, signed by
its effect on their net position (payable - receivable), between an opening and a closing."""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from uuid import UUID

from domain.access.policy import Permission, authorize
from domain.bookings.models import Assignment
from domain.finance.cases.models import MilestoneState, PaymentCase, PaymentMilestone
from domain.finance.cases.states import CAPTURED
from domain.finance.ledger import sql
from domain.finance.ledger.types import AccountKind
from domain.finance.reporting.access import Payee, Period
from domain.shared.context import Actor
from domain.shared.money import Money, format_major

PAYABLE, RECEIVABLE = AccountKind.PROVIDER_PAYABLE.value, AccountKind.PROVIDER_RECEIVABLE.value


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


_SUMS = """
    SELECT a.kind, a.currency, p.side, p.bucket, SUM(p.amount) AS total
    FROM ledger_account a JOIN ledger_posting p ON p.account_id = a.id
    WHERE a.owner = $1 AND a.kind IN ('provider_payable', 'provider_receivable')
    GROUP BY a.kind, a.currency, p.side, p.bucket"""

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
    sums: dict[tuple[str, str, str, str], int] = defaultdict(int)
    for r in await sql.rows(sql.reader(), _SUMS, [payee.owner]):
        sums[(r["currency"], r["kind"], r["side"], r["bucket"])] += int(r["total"])
    pending = await _held_shares(payee)
    found: list[PartyBalance] = []
    for currency in sorted({c for c, *_ in sums} | set(pending)):
        def s(kind: str, side: str, bucket: str = "posted", c: str = currency) -> int:
            return sums[(c, kind, side, bucket)]

        payable_debits_pending = s(PAYABLE, "debit", "pending") - s(PAYABLE, "debit", "released")
        found.append(PartyBalance(
            currency=currency,
            earnings=s(PAYABLE, "credit") + s(RECEIVABLE, "credit") - s(RECEIVABLE, "debit"),
            pending=pending.get(currency, 0),
            available=s(PAYABLE, "credit") - s(PAYABLE, "debit") - payable_debits_pending,
            paid_out=s(PAYABLE, "debit"),
            receivable=s(RECEIVABLE, "debit") - s(RECEIVABLE, "credit"),
        ))
    return found


async def _held_shares(payee: Payee) -> dict[str, int]:
    if payee.org is not None:
        cases = PaymentCase.filter(organisation_id=payee.org.id, state__in=list(CAPTURED))
    else:
        booking_ids = await Assignment.filter(serviceman_id=payee.user_id).values_list("booking_id", flat=True)
        cases = PaymentCase.filter(booking_id__in=list(booking_ids), organisation_id=None, state__in=list(CAPTURED))
    held: dict[str, int] = defaultdict(int)
    by_case = {c.id: c.currency for c in await cases}
    if not by_case:
        return held
    for m in await PaymentMilestone.filter(case_id__in=list(by_case), state=MilestoneState.PENDING):
        for share in m.shares.get("payees", []):
            if share["owner"] == payee.owner:
                held[by_case[m.case_id]] += int(share["amount"])
    return held


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
