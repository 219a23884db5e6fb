"""Wire shapes of what each party sees of the money: balances, statements, documents, the
admin finance report, reconciliation runs, corrections and seller tax profiles."""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, Field

from domain.finance.ledger.types import LedgerEntryKind
from domain.finance.reconciliation.services import RunView
from domain.finance.reporting.balances import PartyBalance, Statement
from domain.finance.reporting.models import FinanceDocument
from domain.finance.reporting.report import FinanceReport, ReportRow
from domain.finance.reporting.tax import ProfileView, ReportableSeller
from domain.shared.clock import isoformat
from rest.schemas.common import MAX_AMOUNT, Currency, Instant, StrictIn, Timestamp

MONTH = r"^[0-9]{4}-(0[1-9]|1[0-2])$"


class PeriodQuery(StrictIn):
    month: str | None = Field(None, pattern=MONTH, description="YYYY-MM (UTC)")
    year: int | None = Field(None, ge=2000, le=2999)
    start: date | None = Field(None, alias="from", description="first day (UTC), with `to`")
    end: date | None = Field(None, alias="to", description="the day after the last (UTC), with `from`")


class StatementQuery(PeriodQuery):
    currency: Currency | None = Field(None, description="required (checked after who may read it)")


class FinanceBalanceOut(BaseModel):
    currency: str
    earnings: int = Field(description="minor units released to you, less refunds taken back after release")
    pending: int = Field(description="your share of funds held for your captured bookings, not released yet")
    available: int = Field(description="owed to you and payable now")
    paid_out: int = Field(description="paid to your account")
    receivable: int = Field(description="what you owe (a refund after payout), netted against your next releases")

    @classmethod
    def of(cls, b: PartyBalance) -> FinanceBalanceOut:
        return cls(currency=b.currency, earnings=b.earnings, pending=b.pending, available=b.available,
                   paid_out=b.paid_out, receivable=b.receivable)


class BalancesOut(BaseModel):
    owner: str
    balances: list[FinanceBalanceOut]


class StatementLineOut(BaseModel):
    at: Instant
    entry_id: str
    kind: LedgerEntryKind
    description: str
    booking_id: str | None
    amount: int = Field(description="signed minor units: + raises what you are owed")
    balance: int


class StatementOut(BaseModel):
    owner: str
    currency: str
    period: str
    start: Instant = Field(description="the period's first instant (UTC)")
    end: Instant = Field(description="the instant after the period (UTC)")
    opening: int
    closing: int
    lines: list[StatementLineOut]

    @classmethod
    def of(cls, s: Statement) -> StatementOut:
        return cls(owner=s.owner, currency=s.currency, period=s.period.label, start=isoformat(s.period.start),
                   end=isoformat(s.period.end), opening=s.opening, closing=s.closing,
                   lines=[StatementLineOut(at=isoformat(line.at), entry_id=str(line.entry_id),
                                           kind=LedgerEntryKind(line.kind),
                                           description=line.description,
                                           booking_id=str(line.booking_id) if line.booking_id else None,
                                           amount=line.amount, balance=line.balance) for line in s.lines])


class DocumentLineOut(BaseModel):
    description: str
    amount: int


class DocumentOut(BaseModel):
    id: str
    series: str = Field(description="receipt, credit_note or invoice")
    reference: str
    number: int = Field(description="gap-free per issuer and series")
    issuer: str
    recipient: str
    booking_id: str | None
    currency: str
    net: int
    tax: int
    total: int
    lines: list[DocumentLineOut]
    issued_at: Instant

    @classmethod
    def of(cls, d: FinanceDocument) -> DocumentOut:
        return cls(id=str(d.id), series=d.series, reference=d.reference, number=d.number, issuer=d.issuer,
                   recipient=d.recipient, booking_id=str(d.booking_id) if d.booking_id else None,
                   currency=d.currency, net=d.net, tax=d.tax, total=d.total,
                   lines=[DocumentLineOut(description=str(x["description"]), amount=int(x["amount"]))
                          for x in d.lines], issued_at=isoformat(d.issued_at))


class DocumentsOut(BaseModel):
    documents: list[DocumentOut]


class ReportRowOut(BaseModel):
    month: str
    currency: str
    gmv: int
    captures: int
    refunds: int
    refund_count: int
    commission: int
    take_rate_bps: int = Field(description="commission / GMV in basis points")
    tax: int
    transfers: int
    gateway_fees: int
    disputes: int
    dispute_count: int
    dispute_losses: int

    @classmethod
    def of(cls, r: ReportRow) -> ReportRowOut:
        return cls(**r.__dict__)


class FinanceReportOut(BaseModel):
    period: str
    start: Instant = Field(description="the period's first instant (UTC)")
    end: Instant = Field(description="the instant after the period (UTC)")
    months: list[ReportRowOut]
    totals: list[ReportRowOut]

    @classmethod
    def of(cls, r: FinanceReport) -> FinanceReportOut:
        return cls(period=r.period.label, start=isoformat(r.period.start), end=isoformat(r.period.end),
                   months=[ReportRowOut.of(x) for x in r.rows], totals=[ReportRowOut.of(x) for x in r.totals])


class ReconcileIn(StrictIn):
    start: Timestamp | None = Field(None, description="default: the end less two days")
    end: Timestamp | None = Field(None, description="default: now")


class ReconciliationOut(BaseModel):
    id: str
    gateway: str
    window_start: Instant
    window_end: Instant
    trigger: str
    gateway_transactions: int
    ledger_entries: int
    matched: int
    in_flight: int = Field(description="refunds booked whose gateway call is still under way")
    clean: bool
    mismatches: list[dict[str, Any]]
    events_not_received: list[str]

    @classmethod
    def of(cls, r: RunView) -> ReconciliationOut:
        return cls(id=str(r.id), gateway=r.gateway, window_start=isoformat(r.window_start),
                   window_end=isoformat(r.window_end), trigger=r.trigger,
                   gateway_transactions=r.gateway_transactions, ledger_entries=r.ledger_entries, matched=r.matched,
                   in_flight=r.in_flight, clean=r.clean, mismatches=r.mismatches,
                   events_not_received=r.events_not_received)


class CorrectionLegIn(StrictIn):
    kind: Literal["gateway_balance", "gateway_pending", "case_held", "provider_payable", "provider_receivable",
                  "platform_commission", "tax_payable", "gateway_fees", "dispute_suspense", "dispute_losses",
                  "promo_credit", "promo_expense"]
    owner: str = Field(min_length=1, max_length=128)
    currency: Currency
    side: Literal["debit", "credit"]
    amount: int = Field(gt=0, le=MAX_AMOUNT)


class CorrectionIn(StrictIn):
    reason: str = Field(min_length=3, max_length=200)
    reverses: str | None = Field(None, description="the id of the ledger entry to reverse")
    legs: list[CorrectionLegIn] | None = Field(None, min_length=2, max_length=16)
    key: str | None = Field(None, min_length=8, max_length=200, description="idempotency key of the correction")


class CorrectionOut(BaseModel):
    entry_id: str
    created: bool


class TaxProfileIn(StrictIn):
    legal_name: str = Field(min_length=1, max_length=200)
    tax_id: str | None = Field(None, min_length=4, max_length=40, examples=["GB123456789"],
                               description="stored encrypted; only its last 4 are shown; omit it to keep the "
                                           "stored one (required the first time)")
    address_line1: str = Field(min_length=1, max_length=200)
    address_line2: str = Field("", max_length=200)
    city: str = Field(min_length=1, max_length=100)
    postal_code: str = Field("", max_length=20)
    country: str = Field(pattern=r"^[A-Z]{2}$", description="ISO 3166-1 alpha-2", examples=["GB"])


class TaxProfileOut(BaseModel):
    owner: str
    legal_name: str
    tax_id_last4: str
    address_line1: str
    address_line2: str
    city: str
    postal_code: str
    country: str
    updated_at: Instant

    @classmethod
    def of(cls, p: ProfileView) -> TaxProfileOut:
        return cls(**p.__dict__)


class ReportableQuery(StrictIn):
    year: int = Field(ge=2000, le=2999)
    min_transactions: int | None = Field(None, ge=1, le=1_000_000, description="default: the configured threshold")


class ReportableSellerOut(BaseModel):
    owner: str
    transactions: int
    amounts: dict[str, int]
    reportable_because: list[str]
    legal_name: str | None
    tax_id: str | None
    country: str | None
    address: dict[str, str] | None

    @classmethod
    def of(cls, s: ReportableSeller) -> ReportableSellerOut:
        return cls(**s.__dict__)


class ReportableSellersOut(BaseModel):
    year: int
    sellers: list[ReportableSellerOut]
