"""Service zones: admins draw them, anyone reads them, lookups say which cover a point."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from domain.access.policy import Permission, authorize
from domain.shared.context import Actor
from domain.shared.errors import Conflict, ConflictReason, NotFound, ValidationFailed
from domain.shared.events import DomainEvent
from domain.shared.ids import as_uuid
from domain.shared.uow import unit_of_work
from domain.zones.geojson import parse_geometry
from domain.zones.index import ZONE_INDEX
from domain.zones.models import Zone

MAX_ZONE_IDS = 200




async def _zone(zone_id: object) -> Zone:
    uid = as_uuid(zone_id)
    zone = await Zone.get_or_none(id=uid) if uid is not None else None
    if zone is None:
        raise NotFound("No such zone.")
    return zone


def _event(kind: str, zone: Zone, actor: Actor, **extra: Any) -> DomainEvent:
    data = {"zone_id": str(zone.id), "name": zone.name, "city": zone.city, "active": zone.active,
            "version": zone.version, **extra}
    return DomainEvent(stream="domain", type=f"zone.{kind}", subject=str(zone.id), actor_id=actor.user_id, data=data)


def _committed() -> None:
    ZONE_INDEX.invalidate()


async def create_zone(actor: Actor, name: str, city: str, geometry: Any) -> Zone:
    await authorize(actor, Permission.ZONE_MANAGE)
    valid = parse_geometry(geometry)
    min_lng, min_lat, max_lng, max_lat = valid.bbox
    async with unit_of_work() as uow:
        zone = await Zone.create(name=name.strip(), city=city.strip(), geometry=valid.geojson, min_lng=min_lng,
                                 min_lat=min_lat, max_lng=max_lng, max_lat=max_lat, using_db=uow.connection)
        await uow.record(_event("created", zone, actor))
    _committed()
    return zone


async def list_zones(city: str | None = None, active: bool | None = True, limit: int = 100,
                     offset: int = 0) -> list[Zone]:
    query = Zone.all()
    if city is not None:
        query = query.filter(city__iexact=city.strip())
    if active is not None:
        query = query.filter(active=active)
    return await query.order_by("city", "name", "id").offset(offset).limit(limit)


async def get_zone(zone_id: object) -> Zone:
    return await _zone(zone_id)


@dataclass(frozen=True)
class ZonePatch:
    name: str | None = None
    city: str | None = None
    geometry: Any = None
    active: bool | None = None
    version: int | None = None  # when given, a stale version is a conflict


async def update_zone(actor: Actor, zone_id: object, patch: ZonePatch) -> Zone:
    await authorize(actor, Permission.ZONE_MANAGE)
    zone = await _zone(zone_id)
    if patch.version is not None and patch.version != zone.version:
        raise Conflict("The zone changed since you read it.", details={"version": zone.version},
                       reason=ConflictReason.STALE_VERSION)
    changes: dict[str, Any] = {}
    if patch.name is not None:
        changes["name"] = patch.name.strip()
    if patch.city is not None:
        changes["city"] = patch.city.strip()
    if patch.active is not None:
        changes["active"] = patch.active
    if patch.geometry is not None:
        valid = parse_geometry(patch.geometry)
        changes["geometry"] = valid.geojson
        changes["min_lng"], changes["min_lat"], changes["max_lng"], changes["max_lat"] = valid.bbox
    changes = {k: v for k, v in changes.items() if getattr(zone, k) != v}
    if not changes:
        return zone
    return await _write(actor, zone, changes, "deleted" if changes.get("active") is False else "updated")


async def delete_zone(actor: Actor, zone_id: object) -> None:
    """Retire a zone (active=false): links stay for history, lookups stop finding it."""
    await authorize(actor, Permission.ZONE_MANAGE)
    zone = await _zone(zone_id)
    if zone.active:
        await _write(actor, zone, {"active": False}, "deleted")


async def _write(actor: Actor, zone: Zone, changes: dict[str, Any], kind: str) -> Zone:
    async with unit_of_work() as uow:
        updated = await Zone.filter(id=zone.id, version=zone.version).using_db(uow.connection).update(
            **changes, version=zone.version + 1
        )
        if not updated:
            raise Conflict("The zone changed meanwhile; read it again.", reason=ConflictReason.STALE_VERSION)
        zone = await Zone.get(id=zone.id, using_db=uow.connection)
        await uow.record(_event(kind, zone, actor, changed=sorted(changes)))
    _committed()
    return zone


async def match(lat: float, lng: float) -> list[Zone]:
    """Active zones covering the point (a point on a boundary is covered)."""
    ids = await ZONE_INDEX.match(lat, lng)
    if not ids:
        return []
    zones = {z.id: z for z in await Zone.filter(id__in=ids, active=True)}
    return [zones[i] for i in ids if i in zones]


async def covering_zone_ids(lat: float, lng: float) -> list[UUID]:
    """Ids of the active zones covering a point, straight from the in-memory index."""
    return list(await ZONE_INDEX.match(lat, lng))


async def validate_zone_ids(ids: Iterable[object], field: str = "zone_ids") -> list[UUID]:
    """Zone ids from a request -> UUIDs of existing active zones, deduplicated in order.

    For services, servicemen and organisations; raises ValidationFailed naming each bad entry
    ("zone_ids.2")."""
    errors: list[dict[str, Any]] = []
    wanted: list[UUID] = []
    items = list(ids)
    if len(items) > MAX_ZONE_IDS:
        raise ValidationFailed(errors=[{"field": field, "message": f"at most {MAX_ZONE_IDS} zones",
                                        "type": "too_long"}])
    positions: dict[UUID, int] = {}
    for i, raw in enumerate(items):
        uid = as_uuid(raw)
        if uid is None:
            errors.append({"field": f"{field}.{i}", "message": "not a zone id", "type": "reference"})
        elif uid not in positions:
            positions[uid] = i
            wanted.append(uid)
    active = set(await Zone.filter(id__in=wanted, active=True).values_list("id", flat=True)) if wanted else set()
    errors.extend({"field": f"{field}.{positions[uid]}", "message": "no such active zone", "type": "reference"}
                  for uid in wanted if uid not in active)
    if errors:
        raise ValidationFailed(errors=sorted(errors, key=lambda e: int(e["field"].rsplit(".", 1)[1])))
    return wanted
