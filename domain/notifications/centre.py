"""The notification centre: every notification a user should see, newest first, with the
unread count; read singly or all at once, dismissed. The notifier writes rows through
`record` (in its event handler's transaction); delta sync carries them (collection
`notifications`)."""

from __future__ import annotations

import base64
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from uuid import UUID, uuid4

import orjson
from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.exceptions import IntegrityError
from tortoise.expressions import F, Q
from tortoise.fields.data import JSON_DUMPS

from domain.access.policy import Permission, authorize, register_relation
from domain.notifications.models import NOTIFICATION_UPSERT, NOTIFICATION_UPSERT_MANY, Category, Notification
from domain.shared import keyset, sql
from domain.shared.clock import utcnow
from domain.shared.context import Actor
from domain.shared.errors import NotFound
from domain.shared.ids import as_uuid, canonical, uuid4s
from domain.shared.uow import unit_of_work


@dataclass
class NotificationPage:
    items: list[Notification]
    next_cursor: str | None
    unread_count: int


def _unread(user_id: str) -> Q:
    return Q(user_id=user_id, read_at__isnull=True, dismissed_at__isnull=True)


def _encode(row: Notification) -> str:
    raw = f"{row.updated_at.isoformat()}|{row.id}"
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


async def list_mine(actor: Actor, *, cursor: str | None = None, limit: int = 50,
                    include_dismissed: bool = False) -> NotificationPage:
    """Newest (last updated) first, keyset-paged on (updated_at, id).

    Two reads merged, each at most a page and one: rows without a collapse key are never updated
    after their insert (updated_at is created_at), so they page by the (user, created_at, id)
    index; rows with one (a conversation's) are few per user and are sorted by the database from
    the (user, collapse_key) index. No index holds updated_at, so a message's update of its
    conversation's row stays HOT (models.py)."""
    await authorize(actor, Permission.NOTIFICATION_READ)
    mine = Notification.filter(user_id=actor.user_id)
    if not include_dismissed:
        mine = mine.filter(dismissed_at__isnull=True)
    single, collapsed = mine.filter(collapse_key__isnull=True), mine.filter(collapse_key__isnull=False)
    if cursor:
        at, last = keyset.moment_and_id(cursor)
        single = single.filter(Q(created_at__lt=at) | Q(created_at=at, id__lt=last))
        collapsed = collapsed.filter(Q(updated_at__lt=at) | Q(updated_at=at, id__lt=last))
    newest = [*await single.order_by("-created_at", "-id").limit(limit + 1),
              *await collapsed.order_by("-updated_at", "-id").limit(limit + 1)]
    rows = sorted(newest, key=lambda row: (row.updated_at, row.id), reverse=True)[:limit + 1]
    unread = await Notification.filter(_unread(actor.user_id)).count()
    return NotificationPage(rows[:limit], _encode(rows[limit - 1]) if len(rows) > limit else None, unread)


async def unread_count(user_id: str) -> int:
    return await Notification.filter(_unread(user_id)).count()


async def _mine(actor: Actor, notification_id: str, permission: Permission) -> Notification:
    uid = as_uuid(notification_id)
    row = await Notification.get_or_none(id=uid) if uid else None
    await authorize(actor, permission, row)
    if row is None:
        raise NotFound()
    return row


async def mark_read(actor: Actor, notification_id: str) -> Notification:
    row = await _mine(actor, notification_id, Permission.NOTIFICATION_UPDATE)
    await Notification.filter(id=row.id, read_at__isnull=True).update(read_at=utcnow(), version=F("version") + 1)
    return await Notification.get(id=row.id)


async def mark_all_read(actor: Actor) -> int:
    """Everything unread now becomes read; returns how many rows changed."""
    await authorize(actor, Permission.NOTIFICATION_READ)
    return await Notification.filter(_unread(actor.user_id)).update(
        read_at=utcnow(), version=F("version") + 1)


async def dismiss(actor: Actor, notification_id: str) -> Notification:
    row = await _mine(actor, notification_id, Permission.NOTIFICATION_UPDATE)
    await Notification.filter(id=row.id, dismissed_at__isnull=True).update(
        dismissed_at=utcnow(), version=F("version") + 1)
    return await Notification.get(id=row.id)


async def conversation_read(user_id: str, conversation_id: str, read_seq: int) -> None:
    """The user read a conversation up to `read_seq`: its notification is read too, unless it
    already tells of a later message (a compare-and-set: a message racing in keeps it unread)."""
    row = await Notification.get_or_none(user_id=user_id, collapse_key=f"conversation:{conversation_id}")
    if row is None or row.read_at is not None or int((row.data or {}).get("seq", 0)) > read_seq:
        return
    await Notification.filter(id=row.id, version=row.version).update(read_at=utcnow(), count=0,
                                                                      version=F("version") + 1)


@dataclass(frozen=True)
class Entry:
    """What the notifier asks to show one user."""

    user_id: str
    kind: str
    category: Category
    title: str
    body: str
    entity_type: str
    entity_id: str
    collapse_key: str | None = None
    count: int = 1
    data: dict[str, Any] = field(default_factory=dict)


async def record(entry: Entry, conn: BaseDBAsyncClient, now: datetime | None = None) -> Notification:
    """Insert the entry, or, when the user already has a row with its collapse key, bring that
    row back as unread and up to date (one row per conversation however many messages)."""
    now = now or utcnow()
    if sql.is_postgres(conn):
        found = await sql.rows(conn, NOTIFICATION_UPSERT, [
            uuid4(), as_uuid(entry.user_id), entry.kind, entry.category.value, entry.title[:200], entry.body[:500],
            entry.entity_type, entry.entity_id, entry.collapse_key, entry.count, JSON_DUMPS(entry.data), now])
        return Notification._init_from_db(**found[0])
    values = {"kind": entry.kind, "category": entry.category, "title": entry.title[:200], "body": entry.body[:500],
              "entity_type": entry.entity_type, "entity_id": entry.entity_id, "count": entry.count,
              "data": entry.data, "updated_at": now, "read_at": None, "dismissed_at": None}
    if entry.collapse_key is not None:
        changed = await Notification.filter(user_id=entry.user_id, collapse_key=entry.collapse_key).using_db(
            conn).update(version=F("version") + 1, **values)
        if changed:
            return await Notification.get(user_id=entry.user_id, collapse_key=entry.collapse_key, using_db=conn)
    try:
        async with unit_of_work() as inner:  # a savepoint: a concurrent first row of this key may win
            return await Notification.create(user_id=entry.user_id, collapse_key=entry.collapse_key, created_at=now,
                                             using_db=inner.connection, **values)
    except IntegrityError:
        await Notification.filter(user_id=entry.user_id, collapse_key=entry.collapse_key).using_db(conn).update(
            version=F("version") + 1, **values)
        return await Notification.get(user_id=entry.user_id, collapse_key=entry.collapse_key, using_db=conn)


async def record_many(entries: list[Entry], conn: BaseDBAsyncClient, now: datetime) -> list[UUID]:
    """`record` of each entry in one statement (PostgreSQL): the id of each entry's row, in order.
    Entries that share a (user, collapse key) end as the last of them would after one `record`
    each (that row's version moves once). The database numbers a new row with a collapse key (its
    id comes back by key); the others are numbered here. The entries travel as one JSON text."""
    last = {(e.user_id, e.collapse_key): k for k, e in enumerate(entries) if e.collapse_key is not None}
    kept = [k for k, e in enumerate(entries) if e.collapse_key is None or last[(e.user_id, e.collapse_key)] == k]
    loose = [k for k in kept if entries[k].collapse_key is None]
    given = dict(zip(loose, uuid4s(len(loose)), strict=True))
    rows = [entries[k] for k in kept]
    uids = {user_id: canonical(user_id) for user_id in {e.user_id for e in entries}}  # each user's once
    found = await sql.rows(conn, NOTIFICATION_UPSERT_MANY, [orjson.dumps([
        {"id": given.get(k), "user_id": uids[e.user_id], "kind": e.kind, "category": e.category.value,
         "title": e.title[:200], "body": e.body[:500], "entity_type": e.entity_type, "entity_id": e.entity_id,
         "collapse_key": e.collapse_key, "count": e.count, "data": JSON_DUMPS(e.data)}
        for k, e in zip(kept, rows, strict=True)]).decode(), now])
    # A collapsed entry's row may be an older one (its id, not a new one).
    by_key: dict[tuple[str | None, Any], Any] = {
        (str(row["user_id"]), row["collapse_key"]): row["id"] for row in found if row["collapse_key"] is not None}
    return [given[k] if e.collapse_key is None else by_key[(uids[e.user_id], e.collapse_key)]
            for k, e in enumerate(entries)]


async def _owner(actor: Actor, row: object) -> bool:
    return isinstance(row, Notification) and str(row.user_id) == actor.user_id


register_relation("notification_owner", _owner)

__all__ = ["Entry", "NotificationPage", "dismiss", "list_mine", "mark_all_read", "mark_read", "record",
           "unread_count"]
