"""Users report messages, users, listings, storefronts, jobs, bids, comments and reviews.

A report needs the thing to be visible to its reporter (anything else answers 404, as reading it
would); each user counts once per thing (a repeat returns the same answer, nothing counted).
"""

from __future__ import annotations

from dataclasses import dataclass

from tortoise.exceptions import IntegrityError

from domain.access.policy import Permission, authorize
from domain.safety import queue, subjects
from domain.safety.models import ModerationItem, Report, ReportReason, Source, SubjectKind
from domain.shared.context import Actor
from domain.shared.errors import Conflict, ConflictReason, NotFound
from domain.shared.events import DomainEvent
from domain.shared.uow import unit_of_work


@dataclass(frozen=True)
class Filed:
    report: Report
    counted: bool  # False: this user had reported it already


async def report(actor: Actor, kind: SubjectKind, subject_id: str, reason: ReportReason, note: str = "") -> Filed:
    await authorize(actor, Permission.MODERATION_REPORT)
    if not await subjects.visible_to(actor, kind, subject_id):
        raise NotFound()
    subject = await subjects.load(kind, subject_id)
    if subject is None:
        raise NotFound()
    if subject.party_id is not None and str(subject.party_id) == actor.user_id:
        raise Conflict("You cannot report yourself or what you wrote.", details={"cause": "own_content"},
                       reason=ConflictReason.NOT_ALLOWED)
    existing = await _existing(actor, subject.kind, subject.id)
    if existing is not None:
        return Filed(existing, counted=False)
    try:
        async with unit_of_work() as uow:
            item = await queue.add(uow, subject, Source.REPORT, [reason.value], reports=1)
            filed = await Report.create(item_id=item.id, reporter_id=actor.user_id, reason=reason,
                                        note=note.strip()[:1000], using_db=uow.connection)
            await uow.record(DomainEvent(
                stream="domain", type="moderation.reported", subject=str(item.id), actor_id=actor.user_id,
                data={"item_id": str(item.id), "subject_kind": kind.value, "subject_id": subject.id,
                      "reason": reason.value, "report_count": item.report_count}))
    except IntegrityError:  # the same user's concurrent report won: this one counts nothing
        found = await _existing(actor, subject.kind, subject.id)
        if found is None:
            raise
        return Filed(found, counted=False)
    return Filed(filed, counted=True)


async def _existing(actor: Actor, kind: SubjectKind, subject_id: str) -> Report | None:
    item = await ModerationItem.get_or_none(subject_kind=kind, subject_id=subject_id)
    return await Report.get_or_none(item_id=item.id, reporter_id=actor.user_id) if item else None
