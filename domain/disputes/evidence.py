"""Evidence files are uploads (domain/media): an entry naming `upload_ids` attaches its author's
own confirmed uploads of kind `evidence` to itself, in the entry's unit of work, so two entries
racing for one upload cannot both hold it. Media's per-kind rules (types, size cap) are the
evidence rules: only a confirmed upload can be attached, and confirming checked them.

Who may download an evidence file is who may see its entry (`register_holder`): a shared
entry's parties and admins, a private entry's author and admins; anyone else gets 404."""

from __future__ import annotations

from uuid import UUID

from domain.disputes import policy as parties
from domain.disputes.models import Dispute, DisputeEntry, Side
from domain.media.access import holder, register_holder
from domain.media.models import UploadKind
from domain.media.services import attach, require_attachable
from domain.shared.context import Actor
from domain.shared.uow import UnitOfWork

HOLDER = "dispute_entry"  # Upload.attached_to = "dispute_entry:<entry id>"
EVIDENCE = frozenset({UploadKind.EVIDENCE})


async def check_uploads(author_id: str, upload_ids: list[str]) -> None:
    """Before any lock: each upload is the author's, confirmed, evidence and unattached (422 on
    `upload_ids.<n>` otherwise). `attach_uploads` checks again under the entry's transaction."""
    for index, upload_id in enumerate(upload_ids):
        await require_attachable(upload_id, author_id, EVIDENCE, field=f"upload_ids.{index}")


async def attach_uploads(uow: UnitOfWork, author_id: str, entry_id: UUID, upload_ids: list[str]) -> None:
    for index, upload_id in enumerate(upload_ids):
        await attach(uow, upload_id, author_id, EVIDENCE, holder(HOLDER, entry_id), field=f"upload_ids.{index}")


async def _may_read(actor: Actor, entry_id: str) -> bool:
    try:
        entry = await DisputeEntry.get_or_none(id=UUID(entry_id))
    except ValueError:
        return False
    if entry is None:
        return False
    dispute = await Dispute.get(id=entry.dispute_id)
    side = await parties.side_on(actor, dispute)
    if side is None:
        return False
    return side is Side.ADMIN or actor.is_admin or entry.shared or str(entry.author_id) == actor.user_id


register_holder(HOLDER, _may_read)
