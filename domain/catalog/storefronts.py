"""Provider storefronts: the public business front of an organisation."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from tortoise.exceptions import IntegrityError
from tortoise.expressions import F

from domain.access.policy import Permission, authorize
from domain.accounts.models import Organisation
from domain.catalog.access import load_org
from domain.catalog.media import hold_storefront_media
from domain.catalog.models import ListingState, Service, Storefront
from domain.shared.clock import utcnow
from domain.shared.context import Actor
from domain.shared.errors import Conflict, ConflictReason, NotFound
from domain.shared.events import DomainEvent
from domain.shared.uow import unit_of_work

# A storefront shows at most this many listings (newest first); the catalogue pages the rest.
MAX_LISTED = 50


@dataclass(frozen=True)
class StorefrontView:
    org: Organisation
    front: Storefront | None
    services: list[Service]

    @property
    def rating(self) -> float | None:
        return round(self.org.rating_sum / self.org.rating_count, 2) if self.org.rating_count else None


async def get_public(org_id: str) -> StorefrontView:
    org = await load_org(org_id)
    front = await Storefront.get_or_none(organisation_id=org.id)
    services = await Service.filter(owner_org_id=org.id, state=ListingState.PUBLISHED).order_by(
        "-published_at", "-id"
    ).limit(MAX_LISTED)
    return StorefrontView(org, front, services)


async def clear_text(actor: Actor, org_id: str, reason: str) -> None:
    """Moderation takes a storefront's words out of sight (admins): headline, bio and links are
    cleared (its photos and listings stay; a listing is hidden on its own). The owner may write
    them again, screened as any edit is."""
    await authorize(actor, Permission.MODERATION_MANAGE)
    org = await load_org(org_id)
    async with unit_of_work() as uow:
        front = await Storefront.get_or_none(organisation_id=org.id, using_db=uow.connection)
        if front is None:
            raise NotFound()
        if not (front.headline or front.bio or front.social_links):
            return
        await Storefront.filter(id=front.id).using_db(uow.connection).update(
            headline="", bio="", social_links={}, version=F("version") + 1, updated_at=utcnow())
        front = await Storefront.get(id=front.id, using_db=uow.connection)
        await uow.record(DomainEvent(
            stream="domain", type="storefront.updated", subject=str(org.id), actor_id=actor.user_id,
            data={"org_id": str(org.id), "storefront_id": str(front.id), "version": front.version,
                  "reason": f"cleared by moderation: {reason}"[:300]}))


async def update(actor: Actor, org_id: str, content: dict[str, Any], version: int | None) -> StorefrontView:
    """Replace the storefront's content. With `version`, a stale write is a 409 carrying the
    current version; without it, the last write wins (a form saved as a whole)."""
    org = await load_org(org_id)
    await authorize(actor, Permission.STOREFRONT_UPDATE, org)
    async with unit_of_work() as uow:
        front = await Storefront.get_or_none(organisation_id=org.id, using_db=uow.connection)
        if front is None:
            if version not in (None, 0):
                raise Conflict("The storefront changed meanwhile.", details={"version": 0},
                               reason=ConflictReason.STALE_VERSION)
            try:
                front = await Storefront.create(organisation_id=org.id, **content, using_db=uow.connection)
            except IntegrityError:  # another first save won the race
                raise Conflict("The storefront changed meanwhile.", details={"version": 1},
                               reason=ConflictReason.STALE_VERSION) from None
        else:
            expected = front.version if version is None else version
            updated = await Storefront.filter(id=front.id, version=expected).using_db(uow.connection).update(
                # F: the stored version plus one (a client's bogus huge version never reaches an INT bind)
                **content, version=F("version") + 1, updated_at=utcnow()
            )
            if not updated:
                raise Conflict("The storefront changed meanwhile.", details={"version": front.version},
                               reason=ConflictReason.STALE_VERSION)
            front = await Storefront.get(id=front.id, using_db=uow.connection)
        await hold_storefront_media(uow, actor, org.id, content)
        event = DomainEvent(
            stream="domain", type="storefront.updated", subject=str(org.id), actor_id=actor.user_id,
            data={"org_id": str(org.id), "storefront_id": str(front.id), "version": front.version},
        )
        await uow.record(event)
    return await get_public(str(org.id))
