"""Wire shapes shared by every context: money (PROTOCOL section 1) and coordinates."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from domain.shared.money import Money

# The currencies domain.shared.money prices in; anything else is a 422 at the edge.
Currency = Literal["USD", "EUR", "GBP", "AED", "SAR", "NGN", "KES", "INR", "JPY"]
# Bounded so no amount overflows a BIGINT column or a JSON number a client can hold exactly.
MAX_AMOUNT = 10**12

Latitude = Field(ge=-90, le=90, description="WGS84 latitude")
Longitude = Field(ge=-180, le=180, description="WGS84 longitude")


class MoneyIn(BaseModel):
    """An amount in minor units (cents) and its ISO 4217 currency."""

    model_config = ConfigDict(extra="forbid")

    amount: int = Field(ge=0, le=MAX_AMOUNT, description="minor units, e.g. 1250 = 12.50 USD")
    currency: Currency = "USD"

    def money(self) -> Money:
        return Money(self.amount, self.currency)


class MoneyOut(BaseModel):
    amount: int = Field(description="minor units")
    currency: str

    @classmethod
    def of(cls, money: Money) -> MoneyOut:
        return cls(amount=money.amount, currency=money.currency)

    @classmethod
    def from_parts(cls, amount: int, currency: str) -> MoneyOut:
        return cls(amount=amount, currency=currency)
