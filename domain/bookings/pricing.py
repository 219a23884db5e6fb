"""Server-side pricing, frozen on the booking at creation.

The customer pays price + tax; the platform keeps the commission out of the price (the
provider receives price - commission). All amounts are integer minor units; shares round
half away from zero (Money.share), so no amount is ever a float.
"""

from __future__ import annotations

from dataclasses import dataclass

from domain.shared.money import Money

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
