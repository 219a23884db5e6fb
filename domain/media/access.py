"""Who may read an upload: its owner, admins, and whoever may read what holds it. A context
that attaches uploads registers how its holders are read (`register_holder`), as messaging
does for messages: media knows no context above it."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from domain.access.policy import register_relation
from domain.media.models import Upload
from domain.shared.context import Actor

# (actor, holder id) -> may this actor read what the holder shows?
HolderCheck = Callable[[Actor, str], Awaitable[bool]]
_HOLDERS: dict[str, HolderCheck] = {}


def register_holder(holder_kind: str, may_read: HolderCheck) -> None:
    """`holder_kind` is the prefix of `Upload.attached_to` ("message" for "message:<id>")."""
    _HOLDERS[holder_kind] = may_read


def holder(holder_kind: str, holder_id: object) -> str:
    if ":" in holder_kind or holder_kind not in _HOLDERS:
        raise ValueError(f"no holder kind {holder_kind!r} is registered")
    return f"{holder_kind}:{holder_id}"


async def _owns(actor: Actor, upload: object) -> bool:
    return isinstance(upload, Upload) and str(upload.owner_id) == actor.user_id


async def _reads(actor: Actor, upload: object) -> bool:
    if not isinstance(upload, Upload):
        return False
    if str(upload.owner_id) == actor.user_id:
        return True
    if not upload.attached_to:
        return False
    kind, _, holder_id = upload.attached_to.partition(":")
    check = _HOLDERS.get(kind)
    return check is not None and await check(actor, holder_id)


register_relation("upload_owner", _owns)
register_relation("upload_reader", _reads)
