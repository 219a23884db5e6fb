"""Server-side pricing, frozen on the booking at creation.

The customer pays price + tax; the platform keeps the commission out of the price (the
provider receives price - commission). All amounts are integer minor units; shares round
half away from zero (Money.share), so no amount is ever a float.

This module is the bookings context's port: the configurable rules live in
domain/finance/pricing (which imports bookings, never the reverse) and plug in here with
`register_pricer`, the way contexts register policy relations. Until one is registered the
fixed rates below apply (15 % commission, 5 % tax: the numbers the seeded rules reproduce).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any
from uuid import UUID

from domain.shared.money import Money
from domain.shared.uow import UnitOfWork

# 15.00 % platform commission on the service price.
COMMISSION_BASIS_POINTS = 1_500
# 5.00 % tax (VAT/GST) charged to the customer on top of the price.
TAX_BASIS_POINTS = 500


@dataclass(frozen=True)
class Quote:
    price: Money
    commission: Money
    tax: Money
    total: Money

    @property
    def provider_payout(self) -> Money:
        return self.price - self.commission


def quote(price: Money, *, commission_bps: int = COMMISSION_BASIS_POINTS, tax_bps: int = TAX_BASIS_POINTS) -> Quote:
    if price.amount < 0:
        raise ValueError("a price is never negative")
    tax = price.share(tax_bps)
    return Quote(price=price, commission=price.share(commission_bps), tax=tax, total=price + tax)


@dataclass(frozen=True)
class PricingInput:
    """What a pricer knows about a booking being created."""

    price: Money
    category_id: str | None = None
    zone_id: UUID | None = None
    organisation_id: UUID | None = None   # the seller, when a provider business sells
    seller_user_id: UUID | None = None    # the seller, when an independent serviceman sells
    crew: tuple[UUID, ...] = ()


@dataclass(frozen=True)
class FrozenPrice:
    """The booking's columns (commission = platform fee, tax = tax charged to the customer,
    total = what the customer pays) and the full breakdown as JSON (bookings.pricing)."""

    commission: Money
    tax: Money
    total: Money
    breakdown: dict[str, Any] | None = field(default=None)


Pricer = Callable[[UnitOfWork, PricingInput], Awaitable[FrozenPrice]]


async def fixed_rates(uow: UnitOfWork, request: PricingInput) -> FrozenPrice:
    fixed = quote(request.price)
    return FrozenPrice(commission=fixed.commission, tax=fixed.tax, total=fixed.total)


_PRICER: list[Pricer] = [fixed_rates]


def register_pricer(pricer: Pricer) -> None:
    _PRICER[0] = pricer


async def freeze(uow: UnitOfWork, request: PricingInput) -> FrozenPrice:
    """Price a booking inside its creating unit of work (rules read on its connection)."""
    return await _PRICER[0](uow, request)
