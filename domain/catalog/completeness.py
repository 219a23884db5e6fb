"""What a listing still lacks before it can go to review (and be published)."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from domain.catalog.models import Category, ListingKind, ListingState, Service
from domain.shared.errors import ValidationFailed
from domain.shared.money import CURRENCY_EXPONENT
from domain.zones.services import validate_zone_ids

MIN_PACKAGE_ITEMS = 2


def _gap(field: str, message: str) -> dict[str, Any]:
    return {"field": field, "message": message, "type": "missing", "location": "body"}


async def missing(service: Service) -> list[dict[str, Any]]:
    """One entry per incomplete field; empty means the listing may be submitted."""
    gaps: list[dict[str, Any]] = []
    if not service.title.strip():
        gaps.append(_gap("title", "a title is required"))
    if not service.description.strip():
        gaps.append(_gap("description", "a description is required"))
    category_id = service.category_id
    if not category_id or not await Category.exists(id=category_id):
        gaps.append(_gap("category_id", "a category from the taxonomy is required"))
    if not service.price_amount or service.price_amount <= 0 or service.currency not in CURRENCY_EXPONENT:
        gaps.append(_gap("price", "a price above zero in a supported currency is required"))
    if not service.duration_minutes or service.duration_minutes <= 0:
        gaps.append(_gap("duration_minutes", "a duration in minutes is required"))
    gaps.extend(await _zone_gaps(service.zone_ids or []))
    if service.kind == ListingKind.PACKAGE:
        problem = await _package_problem(service)
        if problem:
            gaps.append(_gap("items", problem))
    return gaps


async def _zone_gaps(zone_ids: list[Any]) -> list[dict[str, Any]]:
    """What is wrong with the zones: none named, or some gone or inactive since they were saved."""
    if not zone_ids:
        return [_gap("zone_ids", "at least one zone is required")]
    try:
        await validate_zone_ids(zone_ids)
    except ValidationFailed as exc:
        return [{**error, "location": "body"} for error in exc.errors]
    return []


async def _package_problem(service: Service) -> str | None:
    items = service.items or []
    ids: list[UUID] = []
    for item in items:
        try:
            ids.append(UUID(str(item.get("service_id"))))
        except (ValueError, AttributeError):
            return "every item must name a service"
    if len(set(ids)) < MIN_PACKAGE_ITEMS or len(set(ids)) != len(ids):
        return f"a package bundles at least {MIN_PACKAGE_ITEMS} different services"
    org_id, user_id = service.owner_org_id, service.owner_user_id
    owner = {"owner_org_id": org_id} if org_id is not None else {"owner_user_id": user_id}
    parts = await Service.filter(id__in=ids, kind=ListingKind.SERVICE, state=ListingState.PUBLISHED, **owner).count()
    if parts != len(ids):
        return "a package bundles published services of the same owner"
    return None
