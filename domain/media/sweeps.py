"""Uploads nobody attached within the orphan window, and attached ones past their kind's
retention, lose their bytes: the row stays as `deleted` (clients' sync sees it go), the
objects are deleted after the state change commits. Every replica may sweep: each row moves
once (compare-and-set on its state), and deleting a missing object is no error."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime

from tortoise.expressions import F, Q

from domain.media.models import Upload, UploadState
from domain.media.services import Media
from domain.shared import clock
from domain.shared.uow import unit_of_work

SWEEP_BATCH = 200
_LIVE = (UploadState.PENDING, UploadState.READY, UploadState.REJECTED)


async def sweep_orphans(media: Media, now: datetime | None = None) -> int:
    cutoff = (now or clock.utcnow()) - media.config.orphan_after
    return await _delete_where(media, Q(attached_to=None, state__in=_LIVE, created_at__lt=cutoff))


async def sweep_expired(media: Media, now: datetime | None = None) -> int:
    moment = now or clock.utcnow()
    removed = 0
    for kind, rule in media.config.rules.items():
        if rule.retention is not None:
            removed += await _delete_where(media, Q(kind=kind, state=UploadState.READY,
                                                    attached_at__lt=moment - rule.retention))
    return removed


async def sweep(media: Media) -> int:
    """The periodic job (app/jobs.py)."""
    return await sweep_orphans(media) + await sweep_expired(media)


async def _delete_where(media: Media, where: Q) -> int:
    removed = 0
    while True:
        ids = list(await Upload.filter(where).limit(SWEEP_BATCH).values_list("id", flat=True))
        if not ids:
            return removed
        async with unit_of_work() as uow:
            gone = list(await Upload.filter(where, id__in=ids).using_db(uow.connection).select_for_update()
                        .values_list("id", flat=True))
            await Upload.filter(id__in=gone).using_db(uow.connection).update(
                state=UploadState.DELETED, attached_to=None, version=F("version") + 1)
            for upload_id in gone:
                uow.after_commit(_deleter(media, upload_id))
        removed += len(gone)
        if len(ids) < SWEEP_BATCH:
            return removed


def _deleter(media: Media, upload_id: object) -> Callable[[], Awaitable[None]]:
    async def delete() -> None:
        await media.store.delete(f"staging/{upload_id}")
        await media.store.delete(f"objects/{upload_id}")

    return delete
