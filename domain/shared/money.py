"""Money: integer minor units with an ISO 4217 currency. Never floats.

- `CURRENCY_EXPONENT` says how many minor units make a major unit (10 ** exponent). It is our
  own checked table, taken from Stripe's currency page (FINANCE.md section 1.9), not from
  ISO 4217 alone: Stripe treats some ISO 2-decimal currencies as zero-decimal (UGX) and others
  (ISK, HUF, TWD) as "special cases", which we refuse until someone checks them.
- Major-unit strings ("12.50") exist only at the edges: `parse_major` and `format_major`.
- Splits never lose a unit: `allocate` (largest remainder) and `Money.share` (one rounded share;
  the caller gives the exact remainder to the other side).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

# Stripe's zero-decimal currencies (https://stripe.com/docs/currencies#zero-decimal): amounts are
# sent as they are, JPY 500 is `amount=500`.
ZERO_DECIMAL = frozenset({
    "BIF", "CLP", "DJF", "GNF", "JPY", "KMF", "KRW", "MGA", "PYG", "RWF", "UGX", "VND", "VUV", "XAF", "XOF", "XPF",
})
# Stripe's three-decimal currencies: 1 KWD = 1000 fils.
THREE_DECIMAL = frozenset({"BHD", "JOD", "KWD", "OMR", "TND"})
# Two-decimal currencies we price in (the common case). Deliberately absent: ISK, HUF, TWD (Stripe
# "special cases" with rules of their own) and anything nobody has checked.
TWO_DECIMAL = frozenset({
    "AED", "AUD", "BRL", "CAD", "CHF", "CNY", "CZK", "DKK", "EGP", "EUR", "GBP", "GHS", "HKD", "IDR", "ILS", "INR",
    "KES", "MAD", "MXN", "MYR", "NGN", "NOK", "NZD", "PHP", "PKR", "PLN", "QAR", "RON", "SAR", "SEK", "SGD", "THB",
    "TRY", "TZS", "USD", "ZAR",
})


def _exponent_table() -> dict[str, int]:
    groups = ((ZERO_DECIMAL, 0), (TWO_DECIMAL, 2), (THREE_DECIMAL, 3))
    table: dict[str, int] = {}
    for codes, exponent in groups:
        for code in codes:
            if not re.fullmatch(r"[A-Z]{3}", code):
                raise ValueError(f"{code!r} is not an ISO 4217 code")
            if code in table:
                raise ValueError(f"{code} is listed with two exponents")
            table[code] = exponent
    return table


# Minor units per major unit = 10 ** exponent, for every currency we accept; others are refused.
CURRENCY_EXPONENT: dict[str, int] = _exponent_table()

_MAJOR = re.compile(r"(-?)(\d{1,18})(?:\.(\d+))?")


class CurrencyMismatch(ValueError):
    pass


def exponent_of(currency: str) -> int:
    try:
        return CURRENCY_EXPONENT[currency]
    except KeyError:
        raise ValueError(f"unsupported currency {currency!r}") from None


@dataclass(frozen=True, order=True)
class Money:
    amount: int
    currency: str

    def __post_init__(self) -> None:
        if not isinstance(self.amount, int) or isinstance(self.amount, bool):
            raise TypeError("money amounts are integers in minor units")
        if self.currency not in CURRENCY_EXPONENT:
            raise ValueError(f"unsupported currency {self.currency!r}")

    @classmethod
    def zero(cls, currency: str) -> Money:
        return cls(0, currency)

    @property
    def exponent(self) -> int:
        return CURRENCY_EXPONENT[self.currency]

    def __add__(self, other: Money) -> Money:
        self._same(other)
        return Money(self.amount + other.amount, self.currency)

    def __sub__(self, other: Money) -> Money:
        self._same(other)
        return Money(self.amount - other.amount, self.currency)

    def __neg__(self) -> Money:
        return Money(-self.amount, self.currency)

    def share(self, basis_points: int) -> Money:
        """This amount times basis_points / 10,000, rounded half away from zero."""
        numerator = self.amount * basis_points
        quotient, remainder = divmod(abs(numerator), 10_000)
        if remainder * 2 >= 10_000:
            quotient += 1
        return Money(quotient if numerator >= 0 else -quotient, self.currency)

    def allocate(self, weights: Sequence[int]) -> list[Money]:
        return allocate(self, weights)

    def format_major(self) -> str:
        return format_major(self)

    def as_dict(self) -> dict[str, int | str]:
        return {"amount": self.amount, "currency": self.currency}

    def _same(self, other: Money) -> None:
        if other.currency != self.currency:
            raise CurrencyMismatch(f"{self.currency} and {other.currency} do not add up")


def parse_major(text: str, currency: str) -> Money:
    """A major-unit decimal string ("12.5", "1250", "-3.125") as Money, exactly: no floats, no
    rounding. More decimals than the currency has ("1.5" JPY, "1.234" GBP) is a ValueError."""
    exponent = exponent_of(currency)
    match = _MAJOR.fullmatch(text.strip()) if isinstance(text, str) else None
    if match is None:
        raise ValueError(f"{text!r} is not a decimal amount")
    sign, whole, fraction = match.group(1), match.group(2), match.group(3) or ""
    fraction = fraction.rstrip("0") if len(fraction) > exponent else fraction
    if len(fraction) > exponent:
        raise ValueError(f"{currency} has {exponent} decimal places; {text!r} has more")
    amount = int(whole) * 10**exponent + (int(fraction.ljust(exponent, "0")) if exponent else 0)
    return Money(-amount if sign else amount, currency)


def format_major(money: Money) -> str:
    """Money as a major-unit decimal string with exactly the currency's decimals: "12.50", "500",
    "1.250" (KWD), "-0.05"."""
    exponent = money.exponent
    whole, fraction = divmod(abs(money.amount), 10**exponent)
    sign = "-" if money.amount < 0 else ""
    return f"{sign}{whole}.{fraction:0{exponent}d}" if exponent else f"{sign}{whole}"


def allocate(total: Money, weights: Sequence[int]) -> list[Money]:
    """Split `total` in proportion to `weights` so the parts add up to it exactly.

    Largest remainder (Hamilton): each part first gets floor(total * w / sum(w)); the units left
    over (fewer than the number of parts) go one each to the parts with the largest fractional
    remainders; equal remainders go to the EARLIER part (lower index: list the payee who should
    win a tie first, e.g. the lead serviceman). A zero weight gets nothing. A negative total is
    split as its absolute value and negated, so a refund splits like the charge it reverses.
    Weights are non-negative integers with a positive sum.
    """
    if not weights:
        raise ValueError("allocate needs at least one weight")
    for weight in weights:
        if not isinstance(weight, int) or isinstance(weight, bool) or weight < 0:
            raise ValueError("weights are non-negative integers")
    whole = sum(weights)
    if whole <= 0:
        raise ValueError("weights must not all be zero")
    magnitude = abs(total.amount)
    parts: list[int] = []
    remainders: list[int] = []
    for weight in weights:
        part, remainder = divmod(magnitude * weight, whole)
        parts.append(part)
        remainders.append(remainder)
    leftover = magnitude - sum(parts)
    # Stable sort: among equal remainders the earlier index stays first.
    for index in sorted(range(len(weights)), key=lambda i: -remainders[i])[:leftover]:
        parts[index] += 1
    sign = -1 if total.amount < 0 else 1
    return [Money(sign * part, total.currency) for part in parts]
