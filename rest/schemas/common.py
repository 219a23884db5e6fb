"""Wire shapes shared by every context: money (PROTOCOL section 1) and coordinates."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal, TypeVar

from pydantic import (
    AfterValidator,
    AwareDatetime,
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
)

from domain.shared.errors import ValidationFailed
from domain.shared.money import Money

# Server-formatted timestamps and amounts as every adapter sends them (REST, socket acks).
from domain.shared.payloads import Instant as Instant
from domain.shared.payloads import MoneyOut as MoneyOut
from domain.shared.payloads import StrictIn as StrictIn

# The currencies domain.shared.money prices in (CURRENCY_EXPONENT; a unit test keeps the two
# equal); anything else is a 422 at the edge.
Currency = Literal[
    "AED", "AUD", "BHD", "BIF", "BRL", "CAD", "CHF", "CLP", "CNY", "CZK", "DJF", "DKK", "EGP", "EUR", "GBP",
    "GHS", "GNF", "HKD", "IDR", "ILS", "INR", "JOD", "JPY", "KES", "KMF", "KRW", "KWD", "MAD", "MGA", "MXN",
    "MYR", "NGN", "NOK", "NZD", "OMR", "PHP", "PKR", "PLN", "PYG", "QAR", "RON", "RWF", "SAR", "SEK", "SGD",
    "THB", "TND", "TRY", "TZS", "UGX", "USD", "VND", "VUV", "XAF", "XOF", "XPF", "ZAR",
]
# Bounded so no amount overflows a BIGINT column or a JSON number a client can hold exactly.
MAX_AMOUNT = 10**12

Latitude = Field(ge=-90, le=90, description="WGS84 latitude")
Longitude = Field(ge=-180, le=180, description="WGS84 longitude")



def _plausible(moment: datetime) -> datetime:
    # Year 1 or 9999 with an offset overflows on the way to UTC (a 500 at the driver): refuse early.
    if not 2000 <= moment.year <= 2999:
        raise ValueError("must be between the years 2000 and 2999")
    return moment


# An RFC 3339 timestamp with an offset, within years a booking can plausibly name.
Timestamp = Annotated[AwareDatetime, AfterValidator(_plausible)]



class MoneyIn(BaseModel):
    """An amount in minor units (cents) and its ISO 4217 currency."""

    model_config = ConfigDict(extra="forbid")

    amount: int = Field(ge=0, le=MAX_AMOUNT, description="minor units, e.g. 1250 = 12.50 USD")
    currency: Currency = "USD"

    def money(self) -> Money:
        return Money(self.amount, self.currency)


M = TypeVar("M", bound=BaseModel)


def validated_body(model: type[M], data: dict[str, Any] | None) -> M:
    """A body that did not come through a route (an offline mutation's `data`) validated as
    the route would, its errors as the domain's ValidationFailed."""
    try:
        return model.model_validate(data or {})
    except ValidationError as error:
        raise ValidationFailed(errors=[
            {"field": ".".join(str(part) for part in e["loc"]) or "data", "message": e["msg"], "type": e["type"],
             "location": "body"} for e in error.errors()
        ]) from None
