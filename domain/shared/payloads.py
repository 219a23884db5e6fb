"""Wire shapes more than one adapter sends (REST bodies, socket acks): the same class
wherever a client meets it, so the OpenAPI and AsyncAPI documents name one component."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, WithJsonSchema, model_validator

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


def _has_nul(value: object) -> bool:
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, (list, tuple)):
        return any(_has_nul(item) for item in value)
    return False


class StrictIn(BaseModel):
    """An input body or query: unknown fields refused, and no NUL in any string (PostgreSQL
    text cannot hold one: a 422 here rather than a 500 from the driver)."""

    model_config = ConfigDict(extra="forbid")

    @model_validator(mode="after")
    def _no_nul(self) -> StrictIn:
        for name, value in self.__dict__.items():
            if _has_nul(value):
                raise ValueError(f"{name} must not contain NUL characters")
        return self
