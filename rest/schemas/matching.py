"""Wire shapes of matching: a request and explainable ranked candidates."""

from __future__ import annotations

from datetime import datetime

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field
from typing_extensions import TypeAliasType

from domain.matching.services import MAX_LIMIT, Candidate
from rest.schemas.common import Latitude, Longitude

# Named, so the document has a `FactorValue` component instead of an unnamed union.
FactorValue = TypeAliasType("FactorValue", bool | int | float | str | None)


class MatchIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    category_id: str = Field(min_length=1, max_length=64, pattern=r"^[a-z0-9-]+(\.[a-z0-9-]+)*$",
                             examples=["plumbing.leak-repair"])
    lat: float = Latitude
    lng: float = Longitude
    start: AwareDatetime | None = Field(None, description="window start; omit start and end for on demand (now)")
    end: AwareDatetime | None = None
    limit: int = Field(10, ge=1, le=MAX_LIMIT)


class FactorOut(BaseModel):
    value: FactorValue = Field(description="the raw fact (stars, jobs, km, ...)")
    normalized: float = Field(description="the fact scaled to [0, 1]")
    weight: float
    contribution: float = Field(description="normalized * weight; the score is their sum")


class CandidateOut(BaseModel):
    serviceman_id: str
    name: str
    score: float
    factors: dict[str, FactorOut]

    @classmethod
    def of(cls, candidate: Candidate) -> CandidateOut:
        return cls(serviceman_id=str(candidate.serviceman_id), name=candidate.name, score=round(candidate.score, 6),
                   factors={name: FactorOut(value=f.value, normalized=round(f.normalized, 6), weight=f.weight,
                                            contribution=round(f.contribution, 6))
                            for name, f in candidate.factors.items()})


class MatchOut(BaseModel):
    window_start: datetime
    window_end: datetime
    candidates: list[CandidateOut]
