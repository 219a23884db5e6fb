"""Service areas: polygons (GeoJSON, WGS84) that services, servicemen and providers cover."""

from __future__ import annotations

from typing import Any
from uuid import UUID, uuid4

from tortoise import fields

from domain.shared.orm import Model


class Zone(Model):
    id = fields.UUIDField(primary_key=True, default=uuid4)
    name = fields.CharField(max_length=120)
    city = fields.CharField(max_length=120, db_index=True)
    geometry: Any = fields.JSONField(description="GeoJSON Polygon or MultiPolygon, WGS84 lng/lat")
    # The bounding box, so a database query can narrow candidates without parsing geometry.
    min_lng = fields.FloatField()
    min_lat = fields.FloatField()
    max_lng = fields.FloatField()
    max_lat = fields.FloatField()
    active = fields.BooleanField(default=True)
    country = fields.CharField(max_length=2, null=True,
                               description="ISO 3166-1 alpha-2; the fraud rules compare a card's country with it")
    version = fields.IntField(default=1)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "zone"


class ServicemanZone(Model):
    """A serviceman works in a zone."""

    id = fields.UUIDField(primary_key=True, default=uuid4)
    user_id: UUID
    user: fields.ForeignKeyRelation[Any] = fields.ForeignKeyField(
        "models.User", related_name="zone_links", on_delete=fields.CASCADE
    )
    zone_id: UUID
    zone: fields.ForeignKeyRelation[Zone] = fields.ForeignKeyField(
        "models.Zone", related_name="serviceman_links", on_delete=fields.CASCADE
    )

    class Meta:
        table = "serviceman_zone"
        unique_together = (("user", "zone"),)


class OrganisationZone(Model):
    """A provider business serves a zone."""

    id = fields.UUIDField(primary_key=True, default=uuid4)
    organisation_id: UUID
    organisation: fields.ForeignKeyRelation[Any] = fields.ForeignKeyField(
        "models.Organisation", related_name="zone_links", on_delete=fields.CASCADE
    )
    zone_id: UUID
    zone: fields.ForeignKeyRelation[Zone] = fields.ForeignKeyField(
        "models.Zone", related_name="organisation_links", on_delete=fields.CASCADE
    )

    class Meta:
        table = "organisation_zone"
        unique_together = (("organisation", "zone"),)
