"""The creation studio: create a draft, autosave it (compare-and-set on `version`), read it,
preview it. Lifecycle steps (submit, publish, archive) live in lifecycle.py."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from domain.access.policy import Permission, authorize
from domain.accounts.models import Organisation
from domain.catalog import completeness
from domain.catalog.access import can_see_drafts, load_service, parties
from domain.catalog.media import hold_listing_media
from domain.catalog.models import Category, ListingKind, ListingState, Service
from domain.catalog.states import Action, transition
from domain.shared.clock import utcnow
from domain.shared.context import Actor
from domain.shared.errors import Conflict, ConflictReason, NotFound, ValidationFailed
from domain.shared.events import DomainEvent
from domain.shared.ids import as_uuid
from domain.shared.money import Money
from domain.shared.uow import UnitOfWork, unit_of_work
from domain.zones.services import validate_zone_ids

# The draft fields a studio may set; anything else is the edge's 422.
EDITABLE = ("title", "description", "category_id", "price", "duration_minutes", "zone_ids", "media", "items")


@dataclass(frozen=True)
class Draft:
    """Validated draft fields; only the names in `fields_set` are applied."""

    values: dict[str, Any] = field(default_factory=dict)

    def columns(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name, value in self.values.items():
            if name == "price":
                money: Money | None = value
                out["price_amount"] = money.amount if money is not None else None
                out["currency"] = money.currency if money is not None else None
            elif name in ("zone_ids", "items", "media"):
                out[name] = list(value or [])  # JSON-ready values from the edge
            else:
                out[name] = value
        return out


@dataclass(frozen=True)
class Preview:
    service: Service
    category: Category | None
    owner_name: str
    missing: list[dict[str, Any]]

    @property
    def complete(self) -> bool:
        return not self.missing


async def record(type_: str, service: Service, actor: Actor, uow: UnitOfWork, **extra: Any) -> None:
    data = {
        "service_id": str(service.id),
        "kind": service.kind.value,
        "owner_org_id": str(service.owner_org_id) if service.owner_org_id else None,
        "owner_user_id": str(service.owner_user_id) if service.owner_user_id else None,
        "state": service.state.value,
        "version": service.version,
        **extra,
    }
    event = DomainEvent(stream="domain", type=type_, subject=str(service.id), actor_id=actor.user_id, data=data)
    await uow.record(event)


async def _checked(draft: Draft) -> Draft:
    """References must exist when saved: a known category, existing active zones (deduplicated)."""
    values = dict(draft.values)
    category_id = values.get("category_id")
    if category_id is not None and not await Category.exists(id=category_id):
        raise ValidationFailed(
            errors=[{"field": "category_id", "message": "no such category", "type": "reference", "location": "body"}]
        )
    if values.get("zone_ids"):
        values["zone_ids"] = [str(zone_id) for zone_id in await validate_zone_ids(values["zone_ids"])]
    return Draft(values)


async def create(actor: Actor, kind: ListingKind, owner_org_id: str | None, draft: Draft) -> Service:
    """A new draft owned by the organisation named (its owner or a manager asking) or, without
    one, by the calling serviceman as an independent."""
    owner: dict[str, Any]
    if owner_org_id is not None:
        org_uuid = as_uuid(owner_org_id)
        org = await Organisation.get_or_none(id=org_uuid) if org_uuid is not None else None
        if org is None:
            raise NotFound()
        # Listing for an organisation is editing its catalogue: its owner and managers only.
        await authorize(actor, Permission.SERVICE_EDIT, Service(owner_org_id=org.id))
        owner = {"owner_org_id": org.id}
    else:
        await authorize(actor, Permission.SERVICE_CREATE)
        owner = {"owner_user_id": actor.user_id}
    draft = await _checked(draft)
    async with unit_of_work() as uow:
        service = await Service.create(kind=kind, **owner, **draft.columns(), using_db=uow.connection)
        if "media" in draft.values:
            await hold_listing_media(uow, actor, service.id, service.media or [])
        await record("service.created", service, actor, uow)
    return service


async def autosave(actor: Actor, service_id: str, version: int, draft: Draft) -> Service:
    """Save draft fields if the caller saw the current version; a stale save is a 409 that
    carries the current version and changes nothing."""
    service = await load_service(service_id)
    await authorize(actor, Permission.SERVICE_EDIT, service)
    transition(service.state, Action.EDIT, await parties(actor, service))
    if version != service.version:
        raise _stale(service)
    draft = await _checked(draft)
    async with unit_of_work() as uow:
        conn = uow.connection
        updated = await Service.filter(id=service.id, version=version, state=ListingState.DRAFT).using_db(conn).update(
            **draft.columns(), version=version + 1, updated_at=utcnow()
        )
        if not updated:
            raise _stale(await Service.get(id=service.id, using_db=conn))
        service = await Service.get(id=service.id, using_db=conn)
        if "media" in draft.values:
            await hold_listing_media(uow, actor, service.id, service.media or [])
        await record("service.updated", service, actor, uow, fields=sorted(draft.values))
    return service


def _stale(current: Service) -> Conflict:
    return Conflict(
        "The listing changed since you loaded it; reload and apply your edits again.",
        details={"version": current.version, "state": current.state.value},
        reason=ConflictReason.STALE_VERSION,
    )


async def get(actor: Actor | None, service_id: str) -> Service:
    """Published listings are public; the rest only to the owner's crew and admins."""
    service = await load_service(service_id)
    if service.state == ListingState.PUBLISHED:
        return service
    if actor is None or not await can_see_drafts(actor, service):
        raise NotFound()
    return service


async def preview(actor: Actor, service_id: str) -> Preview:
    """The draft rendered as the public would see it, with what is still missing to submit."""
    service = await load_service(service_id)
    await authorize(actor, Permission.SERVICE_VIEW_DRAFT, service)
    category = await Category.get_or_none(id=service.category_id) if service.category_id else None
    return Preview(service, category, await owner_name(service), await completeness.missing(service))


async def owner_name(service: Service) -> str:
    if service.owner_org_id is not None:
        org = await Organisation.get_or_none(id=service.owner_org_id)
        return org.name if org else ""
    await service.fetch_related("owner_user")
    return service.owner_user.name if service.owner_user else ""
