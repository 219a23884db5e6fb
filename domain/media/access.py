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
# Holder kinds whose files are personal data: each download is audited under this subject type.
_AUDITED: dict[str, str] = {}


def register_holder(holder_kind: str, may_read: HolderCheck, audited_as: str | None = None) -> None:
    """`holder_kind` is the prefix of `Upload.attached_to` ("message" for "message:<id>").
    `audited_as` (a subject type, e.g. "verification_document"): every download of a file this
    kind holds is audited, whichever route hands out the URL."""
    _HOLDERS[holder_kind] = may_read
    if audited_as:
        _AUDITED[holder_kind] = audited_as
    else:
        _AUDITED.pop(holder_kind, None)


def audited_holder(upload: Upload) -> tuple[str, str, str] | None:
    """(holder kind, subject type, holder id) when downloads of this upload are audited."""
    if not upload.attached_to:
        return None
    kind, _, holder_id = upload.attached_to.partition(":")
    subject_type = _AUDITED.get(kind)
    return (kind, subject_type, holder_id) if subject_type else None


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
