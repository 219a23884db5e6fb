"""The shapes of the JSON values inside synced rows (money, listing media, GeoJSON...), so the
row schemas (sync/rows.py) say what an app parses instead of "any JSON". They describe what the
database writes (the REST output shapes, which the writers validated), not what a client sends."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, Field
from typing_extensions import TypeAliasType

Position = Annotated[list[float], Field(min_length=2, max_length=3, description="[longitude, latitude]")]
Ring = list[Position]


class SyncMoney(BaseModel):
    amount: int = Field(description="minor units, e.g. 1250 = 12.50 USD")
    currency: str = Field(description="ISO 4217")


class SyncMedia(BaseModel):
    kind: Literal["image", "video"]
    caption: str = ""
    url: str | None = Field(None, description="null for an upload: GET /v1/uploads/{upload_id}/download")
    upload_id: str | None = None


class SyncPackageItem(BaseModel):
    service_id: str
    quantity: int


class SyncGallery(BaseModel):
    title: str
    media: list[SyncMedia]


class SyncPolygon(BaseModel):
    type: Literal["Polygon"]
    coordinates: list[Ring]


class SyncMultiPolygon(BaseModel):
    type: Literal["MultiPolygon"]
    coordinates: list[list[Ring]]


# Named (one `SyncGeometry` component), so a generated client does not name the union itself.
SyncGeometry = TypeAliasType("SyncGeometry", Annotated[SyncPolygon | SyncMultiPolygon, Field(discriminator="type")])
