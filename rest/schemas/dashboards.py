"""Dashboards (issue 20): figures summed over a period of days from the rollups; money in minor
units per currency; rates with the two counters they divide."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, Field

from domain.dashboards.views import Dashboard, Rate
from rest.schemas.common import StrictIn

DashboardFormat = Literal["json", "csv"]


class DashboardQuery(StrictIn):
    start: date | None = Field(None, alias="from", description="first day (UTC), inclusive; default 29 days earlier")
    end: date | None = Field(None, alias="to", description="last day (UTC), inclusive; default today")
    format: DashboardFormat | None = Field(None, description="`csv`: the per-day figures as CSV (or Accept: text/csv)")


class ServicemanDashboardQuery(DashboardQuery):
    serviceman_id: str | None = Field(None, max_length=64, description="admins: whose (default: yours)")


class RateOut(BaseModel):
    numerator: int
    denominator: int
    value: float | None = Field(description="numerator / denominator to 4 places; null when the denominator is 0")

    @classmethod
    def of(cls, rate: Rate) -> RateOut:
        return cls(numerator=rate.numerator, denominator=rate.denominator, value=rate.value)


class DashboardMoneyOut(BaseModel):
    currency: str
    amounts: dict[str, int] = Field(description="metric -> minor units: earned, gross, revenue, gmv, fees")
    rates: dict[str, RateOut] = Field(default_factory=dict, description="take_rate (fees / gmv), admin only")


class DashboardCrewOut(BaseModel):
    size: int = Field(description="accepted serviceman memberships now")
    active: int = Field(description="crew who completed a booking in the period")
    blocked: int = Field(description="crew verification blocks from some of their trades now")
    utilisation: RateOut
    blocked_ids: list[str]


class DashboardOut(BaseModel):
    kind: Literal["serviceman", "provider", "admin"]
    subject: str = Field(description="the serviceman's or organisation's id; `platform` for admin")
    start: date = Field(alias="from")
    end: date = Field(alias="to")
    counts: dict[str, int] = Field(description="requested, accepted, declined, expired, cancelled, completed, "
                                               "rating_count, rating_sum, disputes_opened, verification_* ...")
    money: list[DashboardMoneyOut]
    rates: dict[str, RateOut]
    crew: DashboardCrewOut | None = None

    @classmethod
    def of(cls, d: Dashboard) -> DashboardOut:
        money = [DashboardMoneyOut(currency=a.currency, amounts=a.values,
                                   rates={k: RateOut.of(r) for k, r in d.money_rates.get(a.currency, {}).items()})
                 for a in d.money]
        crew = None
        if d.kind == "provider":
            crew = DashboardCrewOut(size=d.crew.get("size", 0), active=d.crew.get("active", 0),
                                    blocked=d.crew.get("blocked", 0), utilisation=RateOut.of(d.rates["utilisation"]),
                                    blocked_ids=d.blocked_crew)
        return cls.model_validate({"kind": d.kind, "subject": d.subject, "from": d.start, "to": d.end,
                                   "counts": d.counts, "money": money,
                                   "rates": {k: RateOut.of(r) for k, r in d.rates.items()}, "crew": crew})
