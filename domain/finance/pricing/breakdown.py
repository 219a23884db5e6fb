"""The price breakdown: what the customer pays, what the platform keeps, what each payee gets and
which tax is whose. Pure arithmetic on integer minor units; the rules come from rules.py.

    customer_total = price + service_tax
    platform_fee   = price x commission            (rounded half up: Money.share)
    fee_vat        = platform_fee x fee VAT rate   (rounded half up)
    payees         = allocate(price - platform_fee - fee_vat, weights)   (largest remainder)

so, to the minor unit and in every currency,

    customer_total == platform_fee + fee_vat + service_tax + sum(payee shares)

Who owes which tax (written on the breakdown as `tax_owed`):
- `service_tax` is charged to the customer on top of the price. Under a jurisdiction whose rule
  taxes only VAT-registered sellers it is the seller's output VAT (`seller`: the platform collects
  it and passes it on, it is not the platform's revenue); under a rule that taxes every sale (the
  default 5 %, a marketplace-facilitator sales tax) the platform owes it (`platform`).
- `fee_vat` is VAT on the platform's own service to the seller (its commission): the platform owes
  it; the seller bears it, out of their share.

Nothing here is a float; every rounding is a named rule above.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

from domain.shared.errors import Conflict, ConflictReason
from domain.shared.money import Money, allocate

BREAKDOWN_VERSION = 1
FULL = 10_000  # basis points in 100 %


class TaxParty(StrEnum):
    SELLER = "seller"
    PLATFORM = "platform"


@dataclass(frozen=True)
class Rates:
    """The rates a breakdown was computed with (copied from the rules, frozen with it)."""

    commission_bps: int
    service_tax_bps: int
    service_tax_owed_by: TaxParty
    fee_vat_bps: int
    jurisdiction: str

    def __post_init__(self) -> None:
        for name in ("commission_bps", "service_tax_bps", "fee_vat_bps"):
            value = getattr(self, name)
            if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= FULL:
                raise ValueError(f"{name} must be an integer from 0 to {FULL}")


@dataclass(frozen=True)
class CancellationTerms:
    """Free until `free_until_hours` before the start; after that the customer pays `fee_bps` of
    the customer total, of which `provider_share_bps` goes to the payees and the rest to the
    platform. A booking without a start (on demand) cancels free until it is accepted; what
    happens after that is the payment case's decision."""

    free_until_hours: int
    fee_bps: int
    provider_share_bps: int

    def __post_init__(self) -> None:
        if not 0 <= self.free_until_hours <= 24 * 365:
            raise ValueError("free_until_hours must be from 0 to 8760")
        for name in ("fee_bps", "provider_share_bps"):
            value = getattr(self, name)
            if not 0 <= value <= FULL:
                raise ValueError(f"{name} must be from 0 to {FULL}")


@dataclass(frozen=True)
class PayeeWeight:
    payee: str  # "org:<uuid>" | "user:<uuid>"
    weight: int = 1


@dataclass(frozen=True)
class PayeeShare:
    payee: str
    weight: int
    amount: Money


@dataclass(frozen=True)
class Breakdown:
    price: Money
    service_tax: Money
    platform_fee: Money
    fee_vat: Money
    customer_total: Money
    payees: tuple[PayeeShare, ...]
    rates: Rates
    cancellation: CancellationTerms
    rules: Mapping[str, str] = field(default_factory=dict)  # which rule gave which rate: "commission" -> id

    @property
    def currency(self) -> str:
        return self.price.currency

    @property
    def payees_total(self) -> Money:
        total = Money.zero(self.currency)
        for share in self.payees:
            total = total + share.amount
        return total

    def as_dict(self) -> dict[str, Any]:
        """The frozen JSON shape (bookings.pricing, the quote's body): money as {amount, currency}."""
        return {
            "version": BREAKDOWN_VERSION,
            "currency": self.currency,
            "price": self.price.as_dict(),
            "service_tax": self.service_tax.as_dict(),
            "platform_fee": self.platform_fee.as_dict(),
            "fee_vat": self.fee_vat.as_dict(),
            "customer_total": self.customer_total.as_dict(),
            "payees": [{"payee": p.payee, "weight": p.weight, "amount": p.amount.as_dict()} for p in self.payees],
            "rates": {
                "commission_bps": self.rates.commission_bps,
                "service_tax_bps": self.rates.service_tax_bps,
                "fee_vat_bps": self.rates.fee_vat_bps,
                "jurisdiction": self.rates.jurisdiction,
            },
            "tax_owed": {"service_tax": self.rates.service_tax_owed_by.value, "fee_vat": TaxParty.PLATFORM.value},
            "cancellation": {
                "free_until_hours": self.cancellation.free_until_hours,
                "fee_bps": self.cancellation.fee_bps,
                "provider_share_bps": self.cancellation.provider_share_bps,
            },
            "rules": dict(self.rules),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Breakdown:
        currency = str(data["currency"])

        def money(value: Mapping[str, Any]) -> Money:
            return Money(int(value["amount"]), str(value.get("currency", currency)))

        rates, terms = data["rates"], data["cancellation"]
        return cls(
            price=money(data["price"]), service_tax=money(data["service_tax"]),
            platform_fee=money(data["platform_fee"]), fee_vat=money(data["fee_vat"]),
            customer_total=money(data["customer_total"]),
            payees=tuple(PayeeShare(str(p["payee"]), int(p["weight"]), money(p["amount"])) for p in data["payees"]),
            rates=Rates(int(rates["commission_bps"]), int(rates["service_tax_bps"]),
                        TaxParty(data["tax_owed"]["service_tax"]), int(rates["fee_vat_bps"]),
                        str(rates["jurisdiction"])),
            cancellation=CancellationTerms(int(terms["free_until_hours"]), int(terms["fee_bps"]),
                                           int(terms["provider_share_bps"])),
            rules={str(k): str(v) for k, v in data.get("rules", {}).items()},
        )


def compute(price: Money, rates: Rates, payees: Sequence[PayeeWeight], cancellation: CancellationTerms,
            rules: Mapping[str, str] | None = None) -> Breakdown:
    """The breakdown of `price` (what the seller asks, before tax) for 1..N payees."""
    if price.amount < 0:
        raise ValueError("a price is never negative")
    if not payees:
        raise ValueError("a breakdown needs at least one payee")
    platform_fee = price.share(rates.commission_bps)
    fee_vat = platform_fee.share(rates.fee_vat_bps)
    net = price - platform_fee - fee_vat
    if net.amount < 0:
        raise Conflict("The pricing rules leave the provider less than nothing; an admin must fix the rates.",
                       details={"cause": "negative_payout", "commission_bps": rates.commission_bps,
                                "fee_vat_bps": rates.fee_vat_bps}, reason=ConflictReason.NOT_ALLOWED)
    service_tax = price.share(rates.service_tax_bps)
    shares = allocate(net, [p.weight for p in payees])
    return Breakdown(
        price=price, service_tax=service_tax, platform_fee=platform_fee, fee_vat=fee_vat,
        customer_total=price + service_tax,
        payees=tuple(PayeeShare(p.payee, p.weight, amount) for p, amount in zip(payees, shares, strict=True)),
        rates=rates, cancellation=cancellation, rules=dict(rules or {}),
    )


@dataclass(frozen=True)
class CancellationFee:
    free: bool
    fee: Money            # what the customer is charged (kept from the customer total)
    refund: Money         # customer_total - fee
    to_payees: tuple[PayeeShare, ...]  # the payees' part of the fee, split like the booking
    to_platform: Money    # the rest of the fee

    @property
    def to_payees_total(self) -> Money:
        total = Money.zero(self.fee.currency)
        for share in self.to_payees:
            total = total + share.amount
        return total


def cancellation_fee(breakdown: Breakdown, start: datetime | None, cancelled_at: datetime) -> CancellationFee:
    """What cancelling at `cancelled_at` costs under the terms frozen on the breakdown.

    Free when there is no start or when cancelled at least `free_until_hours` before it; after
    that fee = customer_total x fee_bps (half up), refund = customer_total - fee exactly; the
    fee splits [provider_share_bps, rest] by largest remainder (a tie goes to the payees), and
    the payees' part splits by the booking's weights (ties to the earlier payee).
    """
    terms, currency = breakdown.cancellation, breakdown.currency
    zero = Money.zero(currency)
    free = start is None or cancelled_at <= start - timedelta(hours=terms.free_until_hours)
    fee = zero if free else breakdown.customer_total.share(terms.fee_bps)
    if fee.amount == 0:
        return CancellationFee(free=free, fee=zero, refund=breakdown.customer_total,
                               to_payees=tuple(PayeeShare(p.payee, p.weight, zero) for p in breakdown.payees),
                               to_platform=zero)
    provider, platform = allocate(fee, [terms.provider_share_bps, FULL - terms.provider_share_bps])
    weights = [p.weight for p in breakdown.payees]
    parts = allocate(provider, weights) if sum(weights) > 0 else [zero for _ in weights]
    return CancellationFee(
        free=False, fee=fee, refund=breakdown.customer_total - fee,
        to_payees=tuple(PayeeShare(p.payee, p.weight, part) for p, part in zip(breakdown.payees, parts, strict=True)),
        to_platform=platform,
    )
