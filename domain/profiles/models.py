"""What the marketplace knows about a serviceman beyond identity: trades, base, track record."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Any
from uuid import UUID, uuid4

from tortoise import fields

from domain.shared.orm import Model

# A serviceman's home base is private; what the marketplace shows (REST, the public sync scope,
# matching's distances) is the home rounded to AREA_DECIMALS decimal degrees: a cell about 1 km
# across (1.1 km of latitude; less of longitude away from the equator). The exact home is stored
# sealed (domain/shared/sealing.py: `home_sealed`, the JSON [lat, lng] bound to the user's id),
# the area in clear beside it (it syncs and matching ranks by it).
AREA_DECIMALS = 2
_AREA_STEP = Decimal(1).scaleb(-AREA_DECIMALS)


def area(degrees: float | None) -> float | None:
    """A coordinate of the public service area. Rounds half away from zero on the value's
    15-digit form, as PostgreSQL's round(float8::numeric, 2) in the synced row does."""
    if degrees is None:
        return None
    return float(Decimal(f"{degrees:.15g}").quantize(_AREA_STEP, rounding=ROUND_HALF_UP))


class ServicemanProfile(Model):
    id = fields.UUIDField(primary_key=True, default=uuid4)
    user_id: UUID
    user: fields.OneToOneRelation[Any] = fields.OneToOneField(
        "models.User", related_name="serviceman_profile", on_delete=fields.CASCADE
    )
    bio = fields.TextField(default="")
    category_ids: Any = fields.JSONField(default=list, description="category slugs the serviceman works in")
    home_sealed = fields.TextField(null=True, description="the exact home base [lat, lng], sealed (AES-256-GCM "
                                   "envelope, domain/shared/sealing.py); never synced")
    area_lat = fields.FloatField(null=True, description="the home's latitude rounded to 0.01 degree (public)")
    area_lng = fields.FloatField(null=True, description="the home's longitude rounded to 0.01 degree (public)")
    rating_sum = fields.IntField(default=0)
    rating_count = fields.IntField(default=0)
    completed_jobs = fields.IntField(default=0)
    # Credentials proven by approved, unexpired documents (domain/verification keeps it): what
    # every eligibility gate reads, the sync grants included. Public: badges name them.
    verified_documents: Any = fields.JSONField(default=list)
    version = fields.IntField(default=1)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "serviceman_profile"

    @property
    def rating(self) -> float | None:
        return round(self.rating_sum / self.rating_count, 2) if self.rating_count else None
