"""How a candidate serviceman is scored: pure functions, one normalised factor each.

score = sum(weight * normalised value), every normalised value in [0, 1], so a score is in
[0, 1] and each factor's contribution is shown to the customer (explainable ranking).
Zone coverage and a category relation are filters (a candidate has both); the rest rank.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

FactorValue = float | int | bool | str | None

WEIGHTS: dict[str, float] = {
    "zone_coverage": 0.0,  # a filter: shown, never ranks
    "category": 0.15,
    "availability": 0.35,
    "rating": 0.25,
    "completed_jobs": 0.10,
    "distance": 0.15,
}
assert math.isclose(sum(WEIGHTS.values()), 1.0)

# Bayesian average: every serviceman starts with PRIOR_WEIGHT imaginary reviews of
# PRIOR_MEAN stars, so one 5-star review (4.17) ranks below a hundred of 4.8 (4.76).
RATING_PRIOR_MEAN = 4.0
RATING_PRIOR_WEIGHT = 5
# Experience saturates: 0 jobs -> 0, JOBS_HALF jobs -> 0.5, many -> towards 1.
JOBS_HALF = 20
# Nearness: at home -> 1, DISTANCE_HALF_KM away -> 0.5. Unknown home counts as 3 half-lives out.
DISTANCE_HALF_KM = 5.0
UNKNOWN_DISTANCE_SCORE = 0.25
# Distances are shown (and scored) in steps of DISTANCE_STEP_KM, from the serviceman's public
# area (domain/profiles/models.py `area`): never a figure that locates their home.
DISTANCE_STEP_KM = 0.5
CATEGORY_SCORES = {"exact": 1.0, "broader": 0.6, "narrower": 0.4}

CategoryMatch = Literal["exact", "broader", "narrower"]
Coverage = Literal["own", "organisation"]
EARTH_RADIUS_KM = 6371.0088


@dataclass(frozen=True)
class Factor:
    value: FactorValue  # the raw fact (stars, jobs, km, ...)
    normalized: float  # in [0, 1]
    weight: float

    @property
    def contribution(self) -> float:
        return self.normalized * self.weight


@dataclass(frozen=True)
class Facts:
    """What is known about one candidate for one request."""

    coverage: Coverage
    category: CategoryMatch
    available: bool | None  # None: not checked (ranking before availability is known)
    rating_sum: int
    rating_count: int
    completed_jobs: int
    distance_km: float | None


def haversine_km(lat1: float, lng1: float, lat2: float, lng2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lng2 - lng1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def public_km(km: float) -> float:
    """A distance as published: rounded to DISTANCE_STEP_KM."""
    return round(km / DISTANCE_STEP_KM) * DISTANCE_STEP_KM


def bayesian_rating(rating_sum: int, rating_count: int) -> float:
    return (RATING_PRIOR_MEAN * RATING_PRIOR_WEIGHT + rating_sum) / (RATING_PRIOR_WEIGHT + rating_count)


def factors(facts: Facts) -> dict[str, Factor]:
    rating = bayesian_rating(facts.rating_sum, facts.rating_count)
    jobs = max(0, facts.completed_jobs)
    if facts.distance_km is None:
        near = UNKNOWN_DISTANCE_SCORE
    else:
        near = DISTANCE_HALF_KM / (DISTANCE_HALF_KM + facts.distance_km)
    return {
        "zone_coverage": Factor(facts.coverage, 1.0, WEIGHTS["zone_coverage"]),
        "category": Factor(facts.category, CATEGORY_SCORES[facts.category], WEIGHTS["category"]),
        "availability": Factor(facts.available, 1.0 if facts.available else 0.0, WEIGHTS["availability"]),
        "rating": Factor(round(rating, 3), min(1.0, max(0.0, (rating - 1) / 4)), WEIGHTS["rating"]),
        "completed_jobs": Factor(jobs, jobs / (jobs + JOBS_HALF), WEIGHTS["completed_jobs"]),
        "distance": Factor(None if facts.distance_km is None else round(facts.distance_km, 1), near,
                           WEIGHTS["distance"]),
    }


def score(found: dict[str, Factor]) -> float:
    return sum(f.contribution for f in found.values())
