"""Wire shapes of serviceman profiles (public marketplace information)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from domain.finance.payouts.views import Eligibility
from domain.profiles.services import ProfileView
from rest.schemas.payouts import PayoutEligibilityOut
from rest.schemas.verification import BadgesOut

CategorySlug = Annotated[str, Field(min_length=1, max_length=64, pattern=r"^[a-z0-9-]+(\.[a-z0-9-]+)*$",
                                    examples=["plumbing.leak-repair"])]


class ServicemanProfileIn(BaseModel):
    """The whole editable profile (PUT replaces it)."""

    model_config = ConfigDict(extra="forbid")

    bio: str = Field("", max_length=4000, pattern=r"^[^\x00]*$")
    category_ids: list[CategorySlug] = Field(default_factory=list, max_length=50,
                                             description="category slugs from the taxonomy")
    home_lat: float | None = Field(None, ge=-90, le=90, description="WGS84 latitude of the home base")
    home_lng: float | None = Field(None, ge=-180, le=180, description="WGS84 longitude of the home base")
    version: int | None = Field(None, ge=0, le=2**31 - 1,
                                description="the version you read (0: never saved); a stale one is a 409")


class ServicemanProfileOut(BaseModel):
    user_id: str
    name: str
    photo_upload_id: str | None = Field(None, description="the serviceman's photo (GET /v1/uploads/{id}/download)")
    bio: str
    category_ids: list[str]
    home_lat: float | None = Field(description="the exact home base: shown to the serviceman, the owners and "
                                               "managers of their businesses and admins; null for everyone else")
    home_lng: float | None = Field(description="see home_lat")
    area_lat: float | None = Field(description="the public service area: the home base rounded to 0.01 degrees "
                                               "(about 1 km); null without a home base")
    area_lng: float | None = Field(description="see area_lat")
    rating: float | None = Field(description="mean stars, null before the first review")
    rating_count: int
    completed_jobs: int
    zone_ids: list[str]
    version: int = Field(description="0 until the serviceman first saves the profile")
    updated_at: datetime | None
    verification: BadgesOut | None = Field(None, description="the checks they passed and their expiry (issue 15)")
    payouts: PayoutEligibilityOut | None = Field(None, description="the serviceman's own payout eligibility (as an "
                                                 "independent payee): the serviceman and admins only; null otherwise")

    @classmethod
    def of(cls, view: ProfileView, payouts: Eligibility | None = None) -> ServicemanProfileOut:
        p = view.profile
        photo = view.user.photo_upload_id
        return cls(user_id=str(view.user.id), name=view.user.name, photo_upload_id=str(photo) if photo else None,
                   bio=p.bio, category_ids=list(p.category_ids or []),
                   home_lat=view.home[0] if view.home else None,
                   home_lng=view.home[1] if view.home else None, area_lat=p.area_lat, area_lng=p.area_lng,
                   rating=p.rating, rating_count=p.rating_count,
                   completed_jobs=p.completed_jobs, zone_ids=[str(z) for z in view.zone_ids],
                   version=p.version if view.saved else 0, updated_at=p.updated_at if view.saved else None,
                   verification=None, payouts=PayoutEligibilityOut.maybe(payouts))
