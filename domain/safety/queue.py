"""The one moderation queue: every report, screen hit, listing waiting for review and reported
review adds to the item of its subject (unique (subject_kind, subject_id)).

`add` is exact under concurrency: the first writer inserts (in a savepoint, so a racing first
insert just loses); everyone else locks the row and counts. A new report reopens an item that
was decided, since the thing was reported again afterwards."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from tortoise.exceptions import IntegrityError
from tortoise.expressions import F

from domain.access.policy import Permission, authorize
from domain.accounts.models import User
from domain.audit import services as audit
from domain.safety.models import Decision, ItemState, ModerationItem, Report, Source, SubjectKind
from domain.safety.subjects import Subject
from domain.shared.clock import utcnow
from domain.shared.context import Actor, RequestContext
from domain.shared.errors import NotFound
from domain.shared.ids import as_uuid
from domain.shared.uow import UnitOfWork, unit_of_work


def _merged(existing: list[str], new: list[str]) -> list[str]:
    return existing + [value for value in new if value not in existing]


async def add(uow: UnitOfWork, subject: Subject, source: Source, reasons: list[str], *,
              reports: int = 0) -> ModerationItem:
    """Count one report (`reports=1`) or one flag of `subject` in the caller's unit of work."""
    conn = uow.connection
    now = utcnow()
    flags = 0 if reports else 1
    try:
        async with unit_of_work() as inner:
            return await ModerationItem.create(
                subject_kind=subject.kind, subject_id=subject.id, party_id=subject.party_id,
                sources=[source.value], reasons=list(dict.fromkeys(reasons)), report_count=reports, flag_count=flags,
                excerpt=subject.excerpt, opened_at=now, using_db=inner.connection)
    except IntegrityError:
        pass  # the item exists (perhaps created a moment ago by a concurrent report)
    item = await ModerationItem.filter(subject_kind=subject.kind, subject_id=subject.id).using_db(
        conn).select_for_update().get()
    changes: dict[str, Any] = {
        "report_count": F("report_count") + reports, "flag_count": F("flag_count") + flags,
        "sources": _merged(list(item.sources), [source.value]), "reasons": _merged(list(item.reasons), reasons),
        "excerpt": subject.excerpt, "version": F("version") + 1, "updated_at": now,
    }
    if item.state is not ItemState.OPEN:
        changes.update(state=ItemState.OPEN, opened_at=now, decided_at=None)
    await ModerationItem.filter(id=item.id).using_db(conn).update(**changes)
    return await ModerationItem.get(id=item.id, using_db=conn)


async def resolve(uow: UnitOfWork, kind: SubjectKind, subject_id: str, only_source: Source) -> None:
    """Close an open item whose only source was settled elsewhere (a listing published or
    rejected through the catalog's own review)."""
    item = await ModerationItem.get_or_none(subject_kind=kind, subject_id=subject_id, state=ItemState.OPEN,
                                            using_db=uow.connection)
    if item is not None and item.report_count == 0 and list(item.sources) == [only_source.value]:
        await ModerationItem.filter(id=item.id, version=item.version).using_db(uow.connection).update(
            state=ItemState.RESOLVED, decided_at=utcnow(), version=F("version") + 1)


@dataclass(frozen=True)
class QueueFilter:
    state: ItemState | None = ItemState.OPEN  # None: every state
    kind: SubjectKind | None = None
    source: Source | None = None
    min_reports: int | None = None
    min_age_hours: float | None = None  # (re)opened at least this long ago
    assignee_id: str | None = None  # "none": unassigned
    limit: int = 50
    offset: int = 0


async def listing(actor: Actor, f: QueueFilter) -> list[ModerationItem]:
    """Most reported first, then the longest waiting."""
    await authorize(actor, Permission.MODERATION_MANAGE)
    query = ModerationItem.all()
    if f.state is not None:
        query = query.filter(state=f.state)
    if f.kind is not None:
        query = query.filter(subject_kind=f.kind)
    if f.min_reports is not None:
        query = query.filter(report_count__gte=f.min_reports)
    if f.min_age_hours is not None:
        query = query.filter(opened_at__lte=utcnow() - timedelta(hours=f.min_age_hours))
    if f.assignee_id == "none":
        query = query.filter(assignee_id__isnull=True)
    elif f.assignee_id:
        query = query.filter(assignee_id=as_uuid(f.assignee_id))
    rows = await query.order_by("-report_count", "opened_at", "id").offset(f.offset).limit(f.limit)
    if f.source is not None:  # a JSON list: filtered here (the page is small)
        rows = [row for row in rows if f.source.value in row.sources]
    return rows


@dataclass
class ItemDetail:
    item: ModerationItem
    reports: list[Report]
    decisions: list[Decision]


async def detail(actor: Actor, item_id: str) -> ItemDetail:
    await authorize(actor, Permission.MODERATION_MANAGE)
    item = await load(item_id)
    return ItemDetail(item, await Report.filter(item_id=item.id).order_by("created_at"),
                      await Decision.filter(item_id=item.id).order_by("created_at"))


async def load(item_id: str) -> ModerationItem:
    uid = as_uuid(item_id)
    item = await ModerationItem.get_or_none(id=uid) if uid else None
    if item is None:
        raise NotFound()
    return item


async def assign(actor: Actor, item_id: str, assignee_id: str | None, context: RequestContext) -> ItemDetail:
    """Give the item to an admin (yourself when none is named)."""
    await authorize(actor, Permission.MODERATION_MANAGE)
    target = as_uuid(assignee_id or actor.user_id)
    user = await User.get_or_none(id=target) if target else None
    if user is None or "admin" not in (user.roles or []):
        raise NotFound("No such admin.")
    item = await load(item_id)
    async with unit_of_work() as uow:
        await ModerationItem.filter(id=item.id).using_db(uow.connection).update(
            assignee_id=user.id, version=F("version") + 1, updated_at=utcnow())
        await audit.record(uow, actor=actor, action="moderation.assign", subject_type="moderation_item",
                           subject_id=str(item.id), context=context,
                           before={"assignee": str(item.assignee_id) if item.assignee_id else None},
                           after={"assignee": str(user.id)})
    return await detail(actor, item_id)
