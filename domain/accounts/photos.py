"""Profile photos (issue 14): an upload of kind profile_photo, attached to `profile:<user id>`;
every signed-in user may see it (it is what the marketplace shows next to a name). Setting a new
photo releases the old one (an orphan, swept in time); so does removing it."""

from __future__ import annotations

from uuid import UUID

from domain.access.policy import Permission, authorize
from domain.accounts.models import User, UserStatus
from domain.media.access import holder, register_holder
from domain.media.models import UploadKind
from domain.media.services import attach, release
from domain.shared.context import Actor
from domain.shared.errors import Unauthorized
from domain.shared.uow import unit_of_work

HOLDER = "profile"


async def set_photo(actor: Actor, upload_id: str | None) -> User:
    """The caller's photo becomes `upload_id` (None: no photo); a 422 on `upload_id` for an
    upload that is not the caller's confirmed, unattached profile photo."""
    await authorize(actor, Permission.PROFILE_UPDATE)
    async with unit_of_work() as uow:
        user = await User.filter(id=actor.user_id).using_db(uow.connection).select_for_update().first()
        if user is None or user.status != UserStatus.ACTIVE:
            raise Unauthorized("This account no longer exists or is suspended.")
        profile = holder(HOLDER, user.id)
        await release(uow, profile)
        if upload_id is not None:
            await attach(uow, upload_id, actor.user_id, UploadKind.PROFILE_PHOTO, profile)
        user.photo_upload_id = UUID(upload_id) if upload_id is not None else None
        user.version += 1
        await user.save(update_fields=["photo_upload_id", "version", "updated_at"], using_db=uow.connection)
    return user


async def _seen_by_everyone(actor: Actor, user_id: str) -> bool:
    return True  # any signed-in caller (routes to a download require authentication)


register_holder(HOLDER, _seen_by_everyone)
