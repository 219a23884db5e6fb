"""How the feed is ordered: explainable factors, one deterministic score per item.

rank = zone + category + direct + budget + recency, in points (stored in thousandths):
- zone: 2 when the item lies in one of the recipient's own zones, 1 when only a zone that
  overlaps it (an organisation's, or another covering the spot) brought it, 0 without a zone match;
- category: 2 when the item's category is one of the recipient's trades (or a speciality of
  one), 1 when only related (a general job for a specialist);
- direct: 4 when the recipient is a party (their job's bids, their booking's changes): what
  happens to your own business outranks open work nearby;
- budget: 0.4 * log10(1 + amount in major units), at most 2 (100 USD ~ 0.8, 10,000 ~ 1.6);
- recency: one point per RECENCY_HOURS since RECENCY_EPOCH, counted at the item's creation.
Recency as a growing bonus rather than a decaying weight is the same order as an exponential
decay of the other factors (score - t/tau), but it never changes after the item is written:
the order of existing items is fixed, so keyset pages over (rank, id) stay stable while new
items arrive (they sort by their own rank, mostly at the top).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import UTC, datetime

from domain.shared.money import CURRENCY_EXPONENT

RECENCY_EPOCH = datetime(2025, 1, 1, tzinfo=UTC)
RECENCY_HOURS = 6.0  # an item this much newer gains one point
MAX_BUDGET_POINTS = 2.0
SCALE = 1000  # rank is stored as an integer number of thousandths


@dataclass(frozen=True)
class Relevance:
    zone: float = 0.0  # 0, 1 or 2
    category: float = 0.0  # 0, 1 or 2
    direct: float = 0.0  # 0 or 4


DIRECT = Relevance(direct=4.0)


def budget_points(amount: int | None, currency: str | None) -> float:
    if not amount or amount <= 0 or currency is None:
        return 0.0
    major = amount / 10 ** CURRENCY_EXPONENT.get(currency, 2)
    return min(MAX_BUDGET_POINTS, 0.4 * math.log10(1 + major))


def recency_points(created_at: datetime) -> float:
    return (created_at - RECENCY_EPOCH).total_seconds() / 3600 / RECENCY_HOURS


def score(relevance: Relevance, amount: int | None, currency: str | None,
          created_at: datetime) -> tuple[int, dict[str, float]]:
    """The stored rank and the factors that explain it (published with every item)."""
    factors = {
        "zone": relevance.zone,
        "category": relevance.category,
        "direct": relevance.direct,
        "budget": round(budget_points(amount, currency), 3),
        "recency": round(recency_points(created_at), 3),
    }
    return round(sum(factors.values()) * SCALE), factors
