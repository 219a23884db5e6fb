"""What a dashboard answers: sums over a period of days, read from the rollups alone; rates are
divided here, from two counters, and given with both of them."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class Rate:
    numerator: int
    denominator: int

    @property
    def value(self) -> float | None:
        return round(self.numerator / self.denominator, 4) if self.denominator else None


@dataclass(frozen=True)
class Amounts:
    """Money metrics of one currency, minor units."""

    currency: str
    values: dict[str, int]


@dataclass(frozen=True)
class DayRow:
    day: date
    metric: str
    currency: str
    value: int


@dataclass(frozen=True)
class Dashboard:
    kind: str  # serviceman | provider | admin
    subject: str
    start: date
    end: date  # inclusive
    counts: dict[str, int]
    money: list[Amounts]
    rates: dict[str, Rate]
    money_rates: dict[str, dict[str, Rate]] = field(default_factory=dict)  # per currency
    crew: dict[str, int] = field(default_factory=dict)  # provider: size, blocked, active
    blocked_crew: list[str] = field(default_factory=list)
    days: list[DayRow] = field(default_factory=list)

    def csv(self) -> str:
        """One line per day, metric and currency (money in minor units), then the period's rates."""
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(["day", "metric", "currency", "value"])
        for row in self.days:
            writer.writerow([row.day.isoformat(), row.metric, row.currency, row.value])
        period = f"{self.start.isoformat()}..{self.end.isoformat()}"
        for name, rate in sorted(self.rates.items()):
            writer.writerow([period, name, "", "" if rate.value is None else f"{rate.value:.4f}"])
        for currency, rates in sorted(self.money_rates.items()):
            for name, rate in sorted(rates.items()):
                writer.writerow([period, name, currency, "" if rate.value is None else f"{rate.value:.4f}"])
        for name, count in sorted(self.crew.items()):
            writer.writerow([period, f"crew_{name}", "", count])
        return out.getvalue()
