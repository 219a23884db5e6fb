"""Receipts (the seller to the customer, at capture), credit notes (the seller to the customer,
at each refund) and invoices for the platform fee (the platform to the seller, at each release),
numbered without gaps per issuer and series.

A number is taken in the unit of work that writes its document: one upsert of the issuer's
counter row (`... ON CONFLICT DO UPDATE SET last_number = last_number + 1 RETURNING`), which
row-locks the counter until commit. A transaction that rolls back gives its number back, and a
concurrent writer waits for the row and takes the next. Each document is issued once per
`source` (what it documents), so a redelivered event issues nothing new.

The documents are issued by a reaction to the `finance` stream (app/subscriptions.py)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from uuid import UUID

from tortoise.exceptions import IntegrityError

from domain.access.policy import Permission, authorize
from domain.accounts.models import Membership, OrgRole
from domain.bookings.models import Booking
from domain.finance.cases.breakdown import allocate
from domain.finance.cases.models import PaymentCase
from domain.finance.ledger.models import LedgerEntry
from domain.finance.reporting.models import FinanceDocument
from domain.shared import sql
from domain.shared.clock import utcnow
from domain.shared.context import Actor
from domain.shared.errors import NotFound
from domain.shared.events import DomainEvent, EventEnvelope
from domain.shared.ids import as_uuid
from domain.shared.uow import UnitOfWork, unit_of_work

CONSUMER = "finance-documents"  # the reaction's inbox key and Kafka group
PLATFORM = "platform"
RECEIPT, CREDIT_NOTE, INVOICE = "receipt", "credit_note", "invoice"
PREFIX = {RECEIPT: "RC", CREDIT_NOTE: "CN", INVOICE: "FS-INV"}
ISSUED = "document.issued"  # the finance event of a new document

_NEXT = """
    INSERT INTO finance_document_counter (issuer, series, last_number) VALUES ($1, $2, 1)
    ON CONFLICT (issuer, series) DO UPDATE SET last_number = finance_document_counter.last_number + 1
    RETURNING last_number"""


@dataclass(frozen=True)
class Draft:
    series: str
    issuer: str
    recipient: str
    source: str  # what it documents: unique forever
    currency: str
    lines: list[dict[str, Any]]  # [{"description", "amount"}], minor units
    tax: int = 0
    booking_id: UUID | None = None
    case_id: UUID | None = None


async def next_number(uow: UnitOfWork, issuer: str, series: str) -> int:
    """The issuer's next number in the series; held (row-locked) until the unit of work ends."""
    found = await sql.rows(uow.connection, _NEXT, [issuer, series])
    return int(found[0]["last_number"])


async def issue(uow: UnitOfWork, draft: Draft) -> FinanceDocument:
    """Write the document once per source (a replay returns the first), with its number."""
    existing = await FinanceDocument.get_or_none(source=draft.source, using_db=uow.connection)
    if existing is not None:
        return existing
    net = sum(int(line["amount"]) for line in draft.lines)
    try:
        async with unit_of_work() as inner:  # a savepoint: a lost race gives its number back
            number = await next_number(inner, draft.issuer, draft.series)
            document = await FinanceDocument.create(
                series=draft.series, issuer=draft.issuer, number=number,
                reference=f"{PREFIX.get(draft.series, 'DOC')}-{number:06d}", recipient=draft.recipient,
                booking_id=draft.booking_id, case_id=draft.case_id, source=draft.source, currency=draft.currency,
                net=net, tax=draft.tax, total=net + draft.tax, lines=draft.lines, issued_at=utcnow(),
                using_db=inner.connection)
            # Its recipient gets it by email (push/notifier.py `document.issued`), once: a replay issues nothing.
            await inner.record(issued_event(document))
            return document
    except IntegrityError:
        found = await FinanceDocument.get_or_none(source=draft.source, using_db=uow.connection)
        if found is None:
            raise
        return found


def issued_event(document: FinanceDocument) -> DomainEvent:
    return DomainEvent(stream="finance", type=ISSUED, subject=f"document:{document.id}", data={
        "document_id": str(document.id), "series": document.series, "reference": document.reference,
        "recipient": document.recipient, "issuer": document.issuer, "total": document.total,
        "currency": document.currency, "issued_at": document.issued_at.isoformat(),
        "booking_id": str(document.booking_id) if document.booking_id else None,
        "case_id": str(document.case_id) if document.case_id else None})


def seller_of(case: PaymentCase) -> str:
    if case.organisation_id is not None:
        return f"org:{case.organisation_id}"
    payees = case.breakdown.get("payees") or []
    return str(payees[0]["owner"]) if payees else PLATFORM


async def on_finance_event(envelope: EventEnvelope, uow: UnitOfWork) -> None:
    """payment.captured: a receipt; payment.refunded: a credit note; a release: the fee invoice."""
    data = envelope.body.get("data") or {}
    case_id = as_uuid(str(data.get("case_id", "")))
    if case_id is None or envelope.type not in ("payment.captured", "payment.refunded", "payment.released",
                                                "payment.milestone_released"):
        return
    case = await PaymentCase.get_or_none(id=case_id, using_db=uow.connection)
    if case is None:
        return
    if envelope.type == "payment.captured":
        await issue(uow, _receipt(case))
    elif envelope.type == "payment.refunded":
        refund = data.get("refund") or {}
        amount = int(refund.get("amount", 0))
        if amount > 0:
            await issue(uow, Draft(CREDIT_NOTE, seller_of(case), f"user:{case.customer_id}",
                                   f"event:{envelope.event_id}:credit_note", case.currency,
                                   [{"description": f"Refund: {str(data.get('reason', ''))[:160]}",
                                     "amount": amount}], booking_id=case.booking_id, case_id=case.id))
    else:
        for position in data.get("milestones") or []:
            await _fee_invoice(uow, case, int(position))


def _receipt(case: PaymentCase) -> Draft:
    b = case.breakdown
    total = case.captured_amount
    price = min(int(b.get("price", total)), total)
    return Draft(RECEIPT, seller_of(case), f"user:{case.customer_id}", f"case:{case.id}:receipt", case.currency,
                 [{"description": "Service", "amount": price}], tax=total - price,
                 booking_id=case.booking_id, case_id=case.id)


async def _fee_invoice(uow: UnitOfWork, case: PaymentCase, position: int) -> None:
    """The platform's fee on one released part, read from the release's ledger entry; its VAT in
    proportion of the fee VAT frozen on the booking."""
    key = f"case:{case.id}:release:m{position}"
    entry = await LedgerEntry.get_or_none(idempotency_key=key, using_db=uow.connection)
    if entry is None:
        return
    found = await sql.rows(uow.connection, """
        SELECT COALESCE(SUM(CASE WHEN p.side = 'credit' THEN p.amount ELSE -p.amount END), 0) AS fee
        FROM ledger_posting p JOIN ledger_account a ON a.id = p.account_id
        WHERE p.entry_id = $1 AND a.kind = 'platform_commission'""", [entry.id])
    fee = int(found[0]["fee"]) if found else 0
    if fee <= 0:
        return
    booking = await Booking.get(id=case.booking_id, using_db=uow.connection)
    frozen = booking.pricing or {}
    total_fee = int((frozen.get("platform_fee") or {}).get("amount", 0))
    fee_vat = int((frozen.get("fee_vat") or {}).get("amount", 0))
    vat = allocate(fee_vat, [fee, total_fee - fee])[0] if fee_vat and 0 < fee <= total_fee else 0
    await issue(uow, Draft(INVOICE, PLATFORM, seller_of(case), f"{key}:invoice", case.currency,
                           [{"description": f"Platform fee (booking {case.booking_id}, part {position})",
                             "amount": fee}], tax=vat, booking_id=case.booking_id, case_id=case.id))


async def of_booking(actor: Actor, booking_id: str) -> list[FinanceDocument]:
    """A booking's documents that concern the caller: the customer's receipts and credit notes,
    the seller's (its managers') receipts, credit notes and fee invoices; admins see all."""
    uid = as_uuid(booking_id)
    booking = await Booking.get_or_none(id=uid) if uid else None
    if booking is None:
        raise NotFound()
    await authorize(actor, Permission.BOOKING_READ, booking)
    documents = await FinanceDocument.filter(booking_id=booking.id).order_by("issued_at", "series", "number")
    if "admin" in actor.roles:
        return documents
    mine = {f"user:{actor.user_id}"} | {
        f"org:{org_id}" for org_id in await Membership.filter(
            user_id=actor.user_id, role__in=[OrgRole.OWNER, OrgRole.MANAGER]).values_list("organisation_id", flat=True)}
    return [d for d in documents if d.recipient in mine or d.issuer in mine]
