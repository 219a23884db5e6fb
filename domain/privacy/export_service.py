"""Use cases of the data-subject export (Art. 15/20, docs/privacy-export.md):

    view = await exports.request(actor, context)          # 202: requested (409 while one is open)
    await exports.run_due()                               # the job (app/jobs.py): build, store, tell
    signed = await exports.download(actor, view.id, ctx)  # a short-lived link, audited

The bundle (domain/privacy/bundle.py) is stored through the media store's port under
`exports/<region>/<export id>` and read through its short-lived signed downloads, as uploads are.
When it is ready an audit record `privacy.export.ready` is written with the state change: its
event is what notifies the user (push/notifier.py, kind `privacy.export_ready`). Past
`expires_at` the object is deleted and the export reads `expired`.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import structlog
from tortoise.exceptions import IntegrityError
from tortoise.expressions import Q
from tortoise.transactions import in_transaction

from domain.access.policy import Permission, authorize, register_relation
from domain.accounts.models import User
from domain.audit import services as audit
from domain.media.ports import ObjectStore, SignedRequest
from domain.privacy.bundle import build_bundle, contexts_with_rows
from domain.privacy.declarations import REGISTRY
from domain.privacy.exports import OPEN_STATES, ExportState, PrivacyExport
from domain.privacy.registry import Registry
from domain.shared import clock
from domain.shared.context import Actor, RequestContext
from domain.shared.errors import Conflict, ConflictReason, NotFound
from domain.shared.ids import as_uuid
from domain.shared.uow import unit_of_work

log = structlog.get_logger(__name__)

CONTENT_TYPE = "application/json"
SUBJECT_TYPE = "privacy_export"
_REGION = re.compile(r"[^a-z0-9-]+")


@dataclass(frozen=True)
class ExportRules:
    keep_for: timedelta  # a ready bundle is kept this long (expires_at), then deleted
    link_ttl_seconds: int  # each download link works this long
    stale_claim: timedelta = timedelta(minutes=15)  # a build claimed longer ago is taken over
    max_attempts: int = 3  # failed builds before the export is `failed`
    per_run: int = 10  # exports one job run builds at most


@dataclass(frozen=True)
class ExportView:
    id: str
    state: str
    region: str | None
    requested_at: datetime
    ready_at: datetime | None
    expires_at: datetime | None
    failed_at: datetime | None
    size: int | None
    sha256: str | None
    version: int

    @classmethod
    def of(cls, row: PrivacyExport) -> ExportView:
        return cls(id=str(row.id), state=row.state.value, region=row.region, requested_at=row.requested_at,
                   ready_at=row.ready_at, expires_at=row.expires_at, failed_at=row.failed_at, size=row.size,
                   sha256=row.sha256, version=row.version)


def storage_key(region: str | None, export_id: object) -> str:
    """exports/<region>/<id>: a bucket's lifecycle rules and replication can follow the region."""
    slug = _REGION.sub("-", (region or "").lower()).strip("-")[:40] or "unset"
    return f"exports/{slug}/{export_id}"


class Exports:
    def __init__(self, store: ObjectStore, rules: ExportRules, registry: Registry = REGISTRY) -> None:
        self.store, self.rules, self.registry = store, rules, registry

    async def request(self, actor: Actor, context: RequestContext | None = None) -> ExportView:
        await authorize(actor, Permission.PRIVACY_EXPORT_REQUEST)
        user = await User.get_or_none(id=actor.user_id)
        if user is None:
            raise NotFound()
        region = getattr(user, "region", None)
        try:
            async with unit_of_work() as uow:
                row = await PrivacyExport.create(user_id=user.id, open_for=user.id, region=region,
                                                 requested_at=clock.utcnow(), using_db=uow.connection)
                await audit.record(uow, actor=actor, action="privacy.export.request", subject_type=SUBJECT_TYPE,
                                   subject_id=str(row.id), context=context or RequestContext(),
                                   after={"user_id": str(user.id), "region": region})
        except IntegrityError:  # open_for is unique: an export of theirs is open already
            open_row = await PrivacyExport.get_or_none(open_for=user.id)
            raise Conflict("Your data export is being prepared already; you will be notified when it is ready.",
                           reason=ConflictReason.DUPLICATE,
                           details={"export_id": str(open_row.id) if open_row else None}) from None
        return ExportView.of(row)

    async def list_mine(self, actor: Actor) -> list[ExportView]:
        await authorize(actor, Permission.PRIVACY_EXPORT_REQUEST)
        rows = await PrivacyExport.filter(user_id=actor.user_id).order_by("-requested_at", "-id").limit(50)
        return [ExportView.of(row) for row in rows]

    async def get(self, actor: Actor, export_id: str) -> ExportView:
        return ExportView.of(await self._readable(actor, export_id))

    async def download(self, actor: Actor, export_id: str, context: RequestContext | None = None) -> SignedRequest:
        """A link reading the bundle until it expires (seconds); each one is an audit record."""
        row = await self._readable(actor, export_id)
        now = clock.utcnow()
        if row.state is ExportState.EXPIRED or (row.expires_at is not None and row.expires_at <= now):
            raise Conflict("This export has expired; request a new one.", reason=ConflictReason.EXPIRED)
        if row.state is not ExportState.READY or row.storage_key is None:
            raise Conflict(f"This export is {row.state.value}: there is nothing to download yet.",
                           reason=ConflictReason.INVALID_TRANSITION)
        filename = f"fieldsync-export-{row.requested_at:%Y-%m-%d}.json"
        signed = await self.store.sign_download(row.storage_key, CONTENT_TYPE, filename, self.rules.link_ttl_seconds)
        async with unit_of_work() as uow:
            await audit.record(uow, actor=actor, action="privacy.export.download", subject_type=SUBJECT_TYPE,
                               subject_id=str(row.id), context=context or RequestContext(),
                               after={"user_id": str(row.user_id), "link_expires_at": clock.isoformat(
                                   signed.expires_at)})
        return signed

    async def _readable(self, actor: Actor, export_id: str) -> PrivacyExport:
        uid = as_uuid(export_id)
        row = await PrivacyExport.get_or_none(id=uid) if uid else None
        await authorize(actor, Permission.PRIVACY_EXPORT_READ, row)
        if row is None:
            raise NotFound()
        return row

    # --- the job -------------------------------------------------------------------------------
    async def run_due(self) -> int:
        """Expire what is past its time, then build what waits (a bounded number per run).
        Replicas may overlap: each claim is a compare-and-set. Returns how many were built."""
        await self.expire_due()
        built, tried = 0, set[Any]()
        while len(tried) < self.rules.per_run:
            row = await self._claim(tried)
            if row is None:
                break
            tried.add(row.id)
            built += await self._build(row)
        return built

    async def _claim(self, tried: set[Any]) -> PrivacyExport | None:
        now = clock.utcnow()
        waiting = PrivacyExport.filter(Q(state=ExportState.REQUESTED) | Q(
            state=ExportState.BUILDING, claimed_at__lt=now - self.rules.stale_claim))
        if tried:
            waiting = waiting.exclude(id__in=list(tried))
        for row in await waiting.order_by("requested_at").limit(5):
            won = await PrivacyExport.filter(id=row.id, version=row.version).update(
                state=ExportState.BUILDING, claimed_at=now, attempts=row.attempts + 1, version=row.version + 1)
            if won:
                return await PrivacyExport.get(id=row.id)
        return None

    async def _build(self, row: PrivacyExport) -> int:
        key = storage_key(row.region, row.id)
        try:
            async with in_transaction() as conn:  # one snapshot of every table (PostgreSQL)
                if conn.capabilities.dialect == "postgres":
                    await conn.execute_script("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
                bundle = await build_bundle(str(row.user_id), str(row.id), row.region, self.registry, conn)
            data = bundle.model_dump_json().encode()
            await self.store.write(key, data, CONTENT_TYPE)
        except Exception as exc:
            log.exception("privacy_export_failed", export_id=str(row.id), attempt=row.attempts)
            await self._failed(row, exc)
            return 0
        now = clock.utcnow()
        expires_at = now + self.rules.keep_for
        async with unit_of_work() as uow:
            won = await PrivacyExport.filter(id=row.id, version=row.version, state=ExportState.BUILDING).using_db(
                uow.connection).update(state=ExportState.READY, open_for=None, ready_at=now, expires_at=expires_at,
                                       storage_key=key, size=len(data), sha256=hashlib.sha256(data).hexdigest(),
                                       failure=None, version=row.version + 1)
            if won:  # its event notifies the user (push/notifier.py)
                await audit.record(uow, actor=None, action="privacy.export.ready", subject_type=SUBJECT_TYPE,
                                   subject_id=str(row.id), context=RequestContext(),
                                   after={"user_id": str(row.user_id), "region": row.region,
                                          "expires_at": clock.isoformat(expires_at), "size": len(data),
                                          "contexts": sorted(contexts_with_rows(bundle))})
        if not won:  # a stale claim was taken over meanwhile: theirs stands
            log.warning("privacy_export_claim_lost", export_id=str(row.id))
            return 0
        log.info("privacy_export_ready", export_id=str(row.id), size=len(data))
        return 1

    async def _failed(self, row: PrivacyExport, exc: Exception) -> None:
        final = row.attempts >= self.rules.max_attempts
        changes: dict[str, Any] = {"failure": type(exc).__name__[:200], "version": row.version + 1}
        if final:
            changes.update(state=ExportState.FAILED, open_for=None, failed_at=clock.utcnow())
        else:
            changes.update(state=ExportState.REQUESTED, claimed_at=None)
        async with unit_of_work() as uow:
            await PrivacyExport.filter(id=row.id, version=row.version).using_db(uow.connection).update(**changes)

    async def expire_due(self) -> int:
        """Ready exports past expires_at: the state first, the object once that committed."""
        expired = 0
        now = clock.utcnow()
        for row in await PrivacyExport.filter(state=ExportState.READY, expires_at__lte=now).limit(100):
            key = row.storage_key
            async with unit_of_work() as uow:
                won = await PrivacyExport.filter(id=row.id, version=row.version).using_db(uow.connection).update(
                    state=ExportState.EXPIRED, version=row.version + 1)
                if won and key:
                    uow.after_commit(self._deleter(key))
            expired += won
        return expired

    def _deleter(self, key: str) -> Callable[[], Awaitable[None]]:
        return lambda: self.store.delete(key)


async def _owner(actor: Actor, row: object) -> bool:
    return isinstance(row, PrivacyExport) and str(row.user_id) == actor.user_id


register_relation("privacy_export_owner", _owner)

__all__ = ["OPEN_STATES", "ExportRules", "ExportView", "Exports", "storage_key"]
