"""What the marketplace knows about a serviceman beyond identity: trades, base, track record."""

from __future__ import annotations

from typing import Any
from uuid import uuid4

from tortoise import fields
from tortoise.models import Model


class ServicemanProfile(Model):
    id = fields.UUIDField(primary_key=True, default=uuid4)
    user: fields.OneToOneRelation[Any] = fields.OneToOneField(
        "models.User", related_name="serviceman_profile", on_delete=fields.CASCADE
    )
    bio = fields.TextField(default="")
    category_ids: Any = fields.JSONField(default=list, description="category slugs the serviceman works in")
    home_lat = fields.FloatField(null=True)
    home_lng = fields.FloatField(null=True)
    rating_sum = fields.IntField(default=0)
    rating_count = fields.IntField(default=0)
    completed_jobs = fields.IntField(default=0)
    version = fields.IntField(default=1)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "serviceman_profile"

    @property
    def rating(self) -> float | None:
        return round(self.rating_sum / self.rating_count, 2) if self.rating_count else None
