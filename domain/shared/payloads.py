"""Wire shapes more than one adapter sends (REST bodies, socket acks): the same class
wherever a client meets it, so the OpenAPI and AsyncAPI documents name one component."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, Field, WithJsonSchema

from domain.shared.money import Money

# A timestamp the server formatted itself (domain.shared.clock.isoformat: RFC 3339, UTC, `Z`).
# The wire text stays exactly that string; the schema says `date-time` so generated clients
# parse it into their date type (a Dart `DateTime`).
Instant = Annotated[str, WithJsonSchema({"type": "string", "format": "date-time"})]


class MoneyOut(BaseModel):
    amount: int = Field(description="minor units")
    currency: str

    @classmethod
    def of(cls, money: Money) -> MoneyOut:
        return cls(amount=money.amount, currency=money.currency)

    @classmethod
    def from_parts(cls, amount: int, currency: str) -> MoneyOut:
        return cls(amount=amount, currency=currency)
