"""Listing and storefront pictures by upload id (issue 14): a listing's `media` and a
storefront's banner and galleries name uploads (kind listing_photo) attached to
`listing:<service id>` / `storefront:<org id>`; items with a `url` (clients of before uploads)
are kept and read as they were. Who may download: whoever may see the listing (a published one:
everyone signed in; a draft: its crew and admins) or the storefront (everyone signed in)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from domain.access.policy import Permission, allowed
from domain.catalog.models import ListingState, Service
from domain.media.access import holder, register_holder
from domain.media.models import UploadKind
from domain.media.services import hold_exactly
from domain.shared.context import Actor
from domain.shared.ids import as_uuid
from domain.shared.uow import UnitOfWork

PHOTOS = frozenset({UploadKind.LISTING_PHOTO})


def upload_ids(items: Iterable[Any]) -> list[str]:
    return [str(item["upload_id"]) for item in items if isinstance(item, dict) and item.get("upload_id")]


async def hold_listing_media(uow: UnitOfWork, actor: Actor, service_id: object, media: list[Any]) -> None:
    await hold_exactly(uow, holder("listing", service_id), actor.user_id, PHOTOS, upload_ids(media), "media")


async def hold_storefront_media(uow: UnitOfWork, actor: Actor, org_id: object, content: dict[str, Any]) -> None:
    items = ([content["banner"]] if content.get("banner") else []) + [
        item for gallery in content.get("galleries") or [] for item in gallery.get("media") or []]
    await hold_exactly(uow, holder("storefront", org_id), actor.user_id, PHOTOS, upload_ids(items), "media")


async def _sees_listing(actor: Actor, service_id: str) -> bool:
    uid = as_uuid(service_id)
    service = await Service.get_or_none(id=uid) if uid is not None else None
    if service is None:
        return False
    return service.state == ListingState.PUBLISHED or await allowed(actor, Permission.SERVICE_VIEW_DRAFT, service)


async def _sees_storefront(actor: Actor, org_id: str) -> bool:
    return True  # storefronts are public; downloads still need a signed-in caller


register_holder("listing", _sees_listing)
register_holder("storefront", _sees_storefront)
