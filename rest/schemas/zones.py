"""Wire shapes of zones (GeoJSON in and out) and zone assignments.

The edge checks the GeoJSON's shape (type, nesting, numbers, sizes); the domain
(domain/zones/geojson.py) checks the geometry itself: ranges, closed rings,
self-intersection, holes inside shells."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Annotated, Any, Literal
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field, StrictFloat
from typing_extensions import TypeAliasType

from domain.zones.models import Zone
from rest.schemas.common import Latitude, Longitude

Coordinate = Annotated[StrictFloat, Field(allow_inf_nan=False)]
Position = Annotated[list[Coordinate], Field(min_length=2, max_length=3, description="[lng, lat] (WGS84)")]
LinearRingCoords = Annotated[list[Position], Field(min_length=4, max_length=5000,
                                                   description="closed: the last position equals the first")]
PolygonCoords = Annotated[list[LinearRingCoords], Field(min_length=1, max_length=100,
                                                        description="the shell, then any holes")]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class PolygonGeometry(Strict):
    type: Literal["Polygon"]
    coordinates: PolygonCoords


class MultiPolygonGeometry(Strict):
    type: Literal["MultiPolygon"]
    coordinates: Annotated[list[PolygonCoords], Field(min_length=1, max_length=100)]


# A named alias, so the document has one `ZoneGeometry` component (a generated client's type)
# rather than an unnamed union per property.
ZoneGeometry = TypeAliasType(
    "ZoneGeometry", Annotated[PolygonGeometry | MultiPolygonGeometry, Field(discriminator="type")]
)
# Not blank, and no NUL (PostgreSQL text cannot hold it: a 422 here, not a 500 in the driver).
Name = Annotated[str, Field(min_length=1, max_length=120, pattern=r"^[^\x00]*[^\s\x00][^\x00]*$")]


class ZoneIn(Strict):
    name: Name
    city: Name
    geometry: ZoneGeometry


class ZonePatchIn(Strict):
    name: Name | None = None
    city: Name | None = None
    geometry: ZoneGeometry | None = None
    active: bool | None = Field(None, description="false retires the zone (like DELETE); true brings it back")
    version: int | None = Field(None, ge=1, le=2**31 - 1, description="the version you read; a stale one is a 409")


class ZoneOut(BaseModel):
    id: str
    name: str
    city: str
    geometry: ZoneGeometry
    bbox: list[float] = Field(min_length=4, max_length=4, description="[min_lng, min_lat, max_lng, max_lat]")
    active: bool
    version: int
    created_at: datetime
    updated_at: datetime

    @classmethod
    def of(cls, zone: Zone) -> ZoneOut:
        return cls.model_validate({
            "id": str(zone.id), "name": zone.name, "city": zone.city, "geometry": zone.geometry,
            "bbox": [zone.min_lng, zone.min_lat, zone.max_lng, zone.max_lat], "active": zone.active,
            "version": zone.version, "created_at": zone.created_at, "updated_at": zone.updated_at,
        })


class ZoneList(BaseModel):
    items: list[ZoneOut]


class ZoneListQuery(Strict):
    city: str | None = Field(None, min_length=1, max_length=120, pattern=r"^[^\x00]*$")
    include_inactive: bool = False
    limit: int = Field(100, ge=1, le=500)
    offset: int = Field(0, ge=0, le=100_000)


class PointQuery(Strict):
    lat: float = Latitude
    lng: float = Longitude


class ZoneSummary(BaseModel):
    id: str
    name: str
    city: str
    version: int


class ZoneMatchOut(BaseModel):
    lat: float
    lng: float
    zones: list[ZoneSummary] = Field(description="active zones covering the point (its boundary included)")

    @classmethod
    def of(cls, lat: float, lng: float, zones: Sequence[Zone]) -> ZoneMatchOut:
        return cls(lat=lat, lng=lng, zones=[ZoneSummary(id=str(z.id), name=z.name, city=z.city, version=z.version)
                                            for z in zones])


class ZoneIdsIn(Strict):
    zone_ids: list[Annotated[str, Field(min_length=1, max_length=64, pattern=r"^[^\x00]*$")]] = Field(
        max_length=200, description="the whole set (replaces the current one); active zones only")


class ServicemanZonesOut(BaseModel):
    user_id: str
    zone_ids: list[str]

    @classmethod
    def of(cls, user: Any, zone_ids: Sequence[UUID]) -> ServicemanZonesOut:
        return cls(user_id=str(user.id), zone_ids=[str(z) for z in zone_ids])


class OrgZonesOut(BaseModel):
    org_id: str
    zone_ids: list[str]

    @classmethod
    def of(cls, org: Any, zone_ids: Sequence[UUID]) -> OrgZonesOut:
        return cls(org_id=str(org.id), zone_ids=[str(z) for z in zone_ids])
