"""The admin finance report, per month and currency, from the ledger's posted entries:

- gmv: what was captured (gateway_balance debits of captures);
- refunds: what went back to cards (gateway_balance credits of refunds, less reversed refunds);
- commission: the platform's fee revenue, net of fees given back by refunds;
- take_rate_bps: commission / gmv in basis points (integer division: no floats);
- tax: tax collected for the authorities; transfers: paid to payees' connected accounts;
- gateway_fees, disputes (entries that moved money into dispute suspense) and dispute losses.

A reversal counts under the kind of the entry it corrects, with its sides flipped."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from domain.access.policy import Permission, authorize
from domain.finance.reporting.access import Period
from domain.shared import sql
from domain.shared.context import Actor


@dataclass
class ReportRow:
    month: str
    currency: str
    gmv: int = 0
    captures: int = 0
    refunds: int = 0
    refund_count: int = 0
    commission: int = 0
    take_rate_bps: int = 0
    tax: int = 0
    transfers: int = 0
    gateway_fees: int = 0
    disputes: int = 0
    dispute_count: int = 0
    dispute_losses: int = 0


@dataclass
class FinanceReport:
    period: Period
    rows: list[ReportRow] = field(default_factory=list)
    totals: list[ReportRow] = field(default_factory=list)  # per currency over the whole period, month "total"


_SQL = """
    SELECT {month} AS month, a.currency, a.kind AS account, COALESCE(o.kind, e.kind) AS kind, p.side,
           SUM(p.amount) AS total, COUNT(DISTINCT COALESCE(o.id, e.id)) AS entries
    FROM ledger_posting p
    JOIN ledger_account a ON a.id = p.account_id
    JOIN ledger_entry e ON e.id = p.entry_id
    LEFT JOIN ledger_entry o ON o.id = e.reverses_id
    WHERE p.bucket = 'posted' AND e.created_at >= $1 AND e.created_at < $2
      AND a.kind IN ('gateway_balance', 'platform_commission', 'tax_payable', 'gateway_fees',
                     'dispute_suspense', 'dispute_losses')
    GROUP BY 1, 2, 3, 4, 5"""


async def finance_report(actor: Actor, period: Period) -> FinanceReport:
    await authorize(actor, Permission.FINANCE_REPORT)
    conn = sql.reader()
    month = "to_char(e.created_at AT TIME ZONE 'UTC', 'YYYY-MM')" if sql.is_postgres(conn) \
        else "substr(e.created_at, 1, 7)"
    rows: dict[tuple[str, str], ReportRow] = {}
    totals: dict[str, ReportRow] = {}
    for r in await sql.rows(conn, _SQL.format(month=month), [period.start, period.end]):
        for target in (rows.setdefault((r["month"], r["currency"]), ReportRow(r["month"], r["currency"])),
                       totals.setdefault(r["currency"], ReportRow("total", r["currency"]))):
            _add(target, r["account"], r["kind"], r["side"], int(r["total"]), int(r["entries"]))
    report = FinanceReport(period, [rows[k] for k in sorted(rows)], [totals[k] for k in sorted(totals)])
    for row in (*report.rows, *report.totals):
        row.take_rate_bps = row.commission * 10_000 // row.gmv if row.gmv > 0 else 0
    return report


def _add(row: ReportRow, account: str, kind: str, side: str, amount: int, entries: int) -> None:
    debit = amount if side == "debit" else -amount
    counts: dict[str, int] = defaultdict(int)
    if account == "gateway_balance":
        if kind == "capture_settle":
            row.gmv += debit
            counts["captures"] = entries if side == "debit" else -entries
        elif kind == "refund":
            row.refunds -= debit
            counts["refunds"] = entries if side == "credit" else -entries
        elif kind == "transfer":
            row.transfers -= debit
    elif account == "platform_commission":
        row.commission -= debit
    elif account == "tax_payable":
        row.tax -= debit
    elif account == "gateway_fees":
        row.gateway_fees += debit
    elif account == "dispute_suspense":
        row.disputes += debit
        counts["disputes"] = entries if side == "debit" and kind == "chargeback_withdrawn" else 0
    elif account == "dispute_losses":
        row.dispute_losses += debit
    row.captures += counts["captures"]
    row.refund_count += counts["refunds"]
    row.dispute_count += counts["disputes"]
