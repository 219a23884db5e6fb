"""The frozen money of a case: what the customer pays and who gets which part of it, split
per milestone. Pure functions over integer minor units; every split adds up to the unit.

Shape stored on the case (`PaymentCase.breakdown`) and, per milestone, in `shares`:
    {"total": 4725, "price": 4500, "commission": 675, "tax": 225, "tax_owner": "tax:default",
     "payees": [{"owner": "org:<uuid>", "amount": 3825}]}
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from domain.bookings.models import Booking
from domain.bookings.windows import invalid
from domain.finance.pricing.breakdown import Breakdown, TaxParty, cancellation_fee

DEFAULT_TAX_OWNER = "tax:default"


def payee_owner(booking: Booking, lead_id: str | None) -> str:
    """Who is owed the provider's part: the organisation, or the independent serviceman."""
    if booking.organisation_id is not None:
        return f"org:{booking.organisation_id}"
    if lead_id is not None:
        return f"user:{lead_id}"
    raise invalid("booking_id", "nobody is assigned to this booking yet: there is nobody to pay")


def of_booking(booking: Booking, payees: Sequence[str], tax_owner: str = DEFAULT_TAX_OWNER) -> dict[str, Any]:
    """The booking's frozen money as the ledger books it. From the pricing breakdown frozen on
    the booking (domain/finance/pricing): the platform fee is commission; the VAT on the fee,
    and the service tax when the platform owes it, go to the jurisdiction's tax account; service
    tax a seller owes goes to the payees with their share (they remit it). Bookings priced
    before breakdowns existed: the columns, the provider part split evenly between `payees`."""
    if booking.pricing:
        return of_pricing(booking.pricing)
    provider_part = booking.price_amount - booking.commission_amount
    amounts = allocate(provider_part, [1] * len(payees))
    return {
        "total": booking.total_amount, "price": booking.price_amount, "commission": booking.commission_amount,
        "tax": booking.tax_amount, "tax_owner": tax_owner,
        "payees": [{"owner": owner, "amount": amount} for owner, amount in zip(payees, amounts, strict=True)],
    }


def of_pricing(frozen: dict[str, Any]) -> dict[str, Any]:
    b = Breakdown.from_dict(frozen)
    service_tax = b.service_tax.amount
    tax = b.fee_vat.amount + (service_tax if b.rates.service_tax_owed_by is TaxParty.PLATFORM else 0)
    shares = [p.amount.amount for p in b.payees]
    if b.rates.service_tax_owed_by is TaxParty.SELLER and service_tax:
        extra = allocate(service_tax, [p.weight for p in b.payees]) if sum(p.weight for p in b.payees) else \
            allocate(service_tax, [1] * len(b.payees))
        shares = [a + e for a, e in zip(shares, extra, strict=True)]
    return {
        "total": b.customer_total.amount, "price": b.price.amount, "commission": b.platform_fee.amount, "tax": tax,
        "tax_owner": f"tax:{b.rates.jurisdiction or 'default'}",
        "payees": [{"owner": p.payee, "amount": a} for p, a in zip(b.payees, shares, strict=True)],
    }


def cancellation(frozen: dict[str, Any] | None, start: datetime | None, now: datetime) -> dict[str, Any] | None:
    """What a cancellation at `now` keeps under the terms frozen on the booking, as shares to
    release (None: free, everything goes back). Refund = total - the kept shares' total."""
    if not frozen:
        return None
    b = Breakdown.from_dict(frozen)
    fee = cancellation_fee(b, start, now)
    if fee.fee.amount == 0:
        return None
    return {"total": fee.fee.amount, "commission": fee.to_platform.amount, "tax": 0,
            "tax_owner": f"tax:{b.rates.jurisdiction or 'default'}",
            "payees": [{"owner": p.payee, "amount": p.amount.amount} for p in fee.to_payees]}


def allocate(amount: int, weights: Sequence[int]) -> list[int]:
    """`amount` split in proportion to `weights` by largest remainder; ties go to the earlier
    part. The parts always add up to `amount`."""
    if not weights or any(w < 0 for w in weights) or sum(weights) <= 0:
        raise ValueError("weights must be non-negative with a positive sum")
    total = sum(weights)
    parts = [amount * w // total for w in weights]
    remainders = [(amount * w % total, -i) for i, w in enumerate(weights)]
    for _, negative_index in sorted(remainders, reverse=True)[: amount - sum(parts)]:
        parts[-negative_index] += 1
    return parts


def split(breakdown: dict[str, Any], amounts: Sequence[int]) -> list[dict[str, Any]]:
    """The breakdown cut into milestones of `amounts` (adding up to the total): commission, tax
    and every payee but the last in proportion, the last payee the rest of each part, so every
    part adds up to its amount and every column to the breakdown's."""
    total = breakdown["total"]
    if sum(amounts) != total or any(a <= 0 for a in amounts):
        raise invalid("milestones", f"each must be positive and together they must add up to {total}")
    commission = allocate(breakdown["commission"], amounts)
    tax = allocate(breakdown["tax"], amounts)
    payees = breakdown["payees"]
    columns = [allocate(p["amount"], amounts) for p in payees[:-1]]
    parts: list[dict[str, Any]] = []
    for i, amount in enumerate(amounts):
        shares = [column[i] for column in columns]
        last = amount - commission[i] - tax[i] - sum(shares)
        if last < 0:
            raise invalid("milestones", "a part is too small to carry its share of fees: make each part larger")
        parts.append({
            "total": amount, "commission": commission[i], "tax": tax[i], "tax_owner": breakdown["tax_owner"],
            "payees": [{"owner": p["owner"], "amount": a} for p, a in zip(payees, [*shares, last], strict=True)],
        })
    return parts


def proportion(part: dict[str, Any], amount: int) -> dict[str, Any]:
    """The share of `part` (a milestone's shares) that `amount` of it stands for."""
    if amount == part["total"]:
        return part
    names = ["commission", "tax", *(f"payee{i}" for i in range(len(part["payees"])))]
    weights = [part["commission"], part["tax"], *(p["amount"] for p in part["payees"])]
    amounts = dict(zip(names, allocate(amount, weights) if sum(weights) else [0] * len(weights), strict=True))
    return {"total": amount, "commission": amounts["commission"], "tax": amounts["tax"],
            "tax_owner": part["tax_owner"],
            "payees": [{"owner": p["owner"], "amount": amounts[f"payee{i}"]} for i, p in enumerate(part["payees"])]}


def combine(a: dict[str, Any] | None, b: dict[str, Any], sign: int = 1) -> dict[str, Any]:
    """`a + b` (or `a - b` with sign=-1), component by component; payees matched by owner."""
    if a is None:
        a = {"total": 0, "commission": 0, "tax": 0, "tax_owner": b["tax_owner"], "payees": []}
    payees = {p["owner"]: p["amount"] for p in a["payees"]}
    for p in b["payees"]:
        payees[p["owner"]] = payees.get(p["owner"], 0) + sign * p["amount"]
    return {"total": a["total"] + sign * b["total"], "commission": a["commission"] + sign * b["commission"],
            "tax": a["tax"] + sign * b["tax"], "tax_owner": a["tax_owner"],
            "payees": [{"owner": owner, "amount": amount} for owner, amount in payees.items()]}
