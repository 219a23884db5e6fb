"""Serviceman profiles: bio, trades (category slugs), home base; created on first write.

Reading is open to any signed-in user (it is what the marketplace shows), with the home base
coarsened to a service area (models.area) for all but the serviceman, their managers and
admins; writing is the serviceman's own (or an admin's). Rating and completed-job counters are written by reviews
and bookings, never through this API.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, cast

from tortoise.exceptions import IntegrityError

from domain.access.policy import Permission, allowed, authorize
from domain.accounts.models import User
from domain.catalog.models import Category
from domain.profiles.models import ServicemanProfile, area
from domain.shared.context import Actor
from domain.shared.errors import Conflict, ConflictReason, DomainError, ErrorCode, ValidationFailed
from domain.shared.events import DomainEvent
from domain.shared.ids import as_uuid
from domain.shared.sealing import Place, Sealer
from domain.shared.uow import unit_of_work
from domain.zones.assignments import serviceman, serviceman_zone_ids

MAX_CATEGORIES = 50


@dataclass(frozen=True)
class ProfileView:
    user: User
    profile: ServicemanProfile
    zone_ids: list[Any]
    saved: bool  # False until the serviceman first writes it (version 0 on the wire)
    home_visible: bool = False  # the exact home base: the serviceman, their managers, admins
    home: tuple[float, float] | None = None  # opened only when home_visible


@dataclass(frozen=True)
class ProfileInput:
    bio: str
    category_ids: list[str]
    home_lat: float | None
    home_lng: float | None
    version: int | None = None  # when given, a stale version is a conflict (0 = never saved)


class HomeKeyMissing(DomainError):
    code = ErrorCode.SERVICE_UNAVAILABLE
    default_message = "The home base cannot be stored or read: the server has no data encryption key."


def home_place(user_id: object) -> Place:
    """Where the sealed home base lives: bound to the serviceman, so it opens in no other row."""
    return Place("serviceman_profile", "home_sealed", str(user_id))


async def seal_home(sealer: Sealer | None, user_id: object, lat: float | None, lng: float | None) -> str | None:
    if lat is None or lng is None:
        return None
    if sealer is None:
        raise HomeKeyMissing()
    return await sealer.seal(home_place(user_id), json.dumps([lat, lng]))


async def open_home(sealer: Sealer | None, profile: ServicemanProfile) -> tuple[float, float] | None:
    if profile.home_sealed is None:
        return None
    if sealer is None:
        raise HomeKeyMissing()
    lat, lng = json.loads(await sealer.open(home_place(profile.user_id), profile.home_sealed))
    return float(lat), float(lng)


async def _view(actor: Actor, user: User, sealer: Sealer | None) -> ProfileView:
    profile = await ServicemanProfile.get_or_none(user_id=user.id)
    saved = profile is not None
    if profile is None:
        profile = ServicemanProfile(user_id=user.id, category_ids=[], version=0)
    home_visible = await allowed(actor, Permission.SERVICEMAN_HOME_READ, user)
    home = await open_home(sealer, profile) if home_visible else None
    return ProfileView(user, profile, await serviceman_zone_ids(user.id), saved, home_visible, home)


async def get_profile(actor: Actor, user_id: object, sealer: Sealer | None = None) -> ProfileView:
    await authorize(actor, Permission.SERVICEMAN_PROFILE_READ)
    return await _view(actor, await serviceman(user_id), sealer)


async def validate_categories(ids: list[str], field: str = "category_ids") -> list[str]:
    """Category slugs -> the same, deduplicated in order; each must exist in the taxonomy."""
    if len(ids) > MAX_CATEGORIES:
        raise ValidationFailed(errors=[{"field": field, "message": f"at most {MAX_CATEGORIES}", "type": "too_long"}])
    unique = list(dict.fromkeys(ids))
    known = set(cast(list[str], await Category.filter(id__in=unique).values_list("id", flat=True)))
    errors = [{"field": f"{field}.{ids.index(slug)}", "message": "no such category", "type": "reference"}
              for slug in unique if slug not in known]
    if errors:
        raise ValidationFailed(errors=errors)
    return unique


def _check_home(data: ProfileInput) -> None:
    if (data.home_lat is None) != (data.home_lng is None):
        raise ValidationFailed(errors=[{"field": "home_lat" if data.home_lat is None else "home_lng",
                                        "message": "home_lat and home_lng go together", "type": "value_error"}])


async def put_profile(actor: Actor, user_id: object, data: ProfileInput, sealer: Sealer | None = None) -> ProfileView:
    """`sealer` seals the exact home base (required when one is given)."""
    user = await serviceman(user_id)
    await authorize(actor, Permission.SERVICEMAN_PROFILE_UPDATE, user)
    _check_home(data)
    categories = await validate_categories(data.category_ids)
    fields: dict[str, Any] = {"bio": data.bio, "category_ids": categories,
                              "area_lat": area(data.home_lat), "area_lng": area(data.home_lng)}
    home = (data.home_lat, data.home_lng) if data.home_lat is not None and data.home_lng is not None else None
    async with unit_of_work() as uow:
        current = await ServicemanProfile.get_or_none(user_id=user.id, using_db=uow.connection)
        version = current.version if current is not None else 0
        if data.version is not None and data.version != version:
            raise Conflict("The profile changed since you read it.", details={"version": version},
                           reason=ConflictReason.STALE_VERSION)
        unchanged = current is not None and all(getattr(current, k) == v for k, v in fields.items()) and (
            await open_home(sealer, current) if current.home_sealed is not None else None) == home
        if unchanged:
            return await _view(actor, user, sealer)
        fields["home_sealed"] = await seal_home(sealer, user.id, data.home_lat, data.home_lng)
        if current is None:
            try:  # the one-to-one key: of two concurrent first writes one loses
                profile = await ServicemanProfile.create(user_id=user.id, **fields, using_db=uow.connection)
            except IntegrityError:
                raise Conflict("The profile was created meanwhile; read it again.",
                               reason=ConflictReason.STALE_VERSION) from None
        else:
            updated = await ServicemanProfile.filter(id=current.id, version=version).using_db(uow.connection).update(
                **fields, version=version + 1)
            if not updated:
                raise Conflict("The profile changed meanwhile; read it again.", reason=ConflictReason.STALE_VERSION)
            profile = await ServicemanProfile.get(id=current.id, using_db=uow.connection)
        await uow.record(DomainEvent(
            stream="domain", type="serviceman_profile.updated", subject=str(user.id), actor_id=actor.user_id,
            data={"user_id": str(user.id), "category_ids": categories, "area_lat": profile.area_lat,
                  "area_lng": profile.area_lng, "version": profile.version}))
    return await _view(actor, user, sealer)


async def clear_bio(actor: Actor, user_id: str, reason: str) -> None:
    """Moderation takes a profile's words out of sight (admins): the serviceman's bio is cleared
    (trades, area and ratings stay). A user without a profile shows no text of their own: 409."""
    await authorize(actor, Permission.MODERATION_MANAGE)
    uid = as_uuid(user_id)
    async with unit_of_work() as uow:
        profile = await ServicemanProfile.get_or_none(user_id=uid, using_db=uow.connection) if uid else None
        if profile is None:
            raise Conflict("This user has no profile text to hide; warn or suspend them.",
                           details={"cause": "not_hideable"}, reason=ConflictReason.NOT_ALLOWED)
        if not profile.bio:
            return
        cleared = await ServicemanProfile.filter(id=profile.id, version=profile.version).using_db(
            uow.connection).update(bio="", version=profile.version + 1)
        if not cleared:
            raise Conflict("The profile changed meanwhile; decide again.", reason=ConflictReason.STALE_VERSION)
        await uow.record(DomainEvent(
            stream="domain", type="serviceman_profile.updated", subject=str(uid), actor_id=actor.user_id,
            data={"user_id": str(uid), "category_ids": profile.category_ids, "area_lat": profile.area_lat,
                  "area_lng": profile.area_lng, "version": profile.version + 1,
                  "reason": f"cleared by moderation: {reason}"[:300]}))
