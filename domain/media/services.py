"""Use cases of uploads: declare (a short-lived signed upload), confirm (the bytes checked and
cleaned), read (metadata, or a short-lived download URL checked against the policy now), and
the one call other contexts use to attach an upload (`attach`, after `require_attachable`).

    declared = await media.declare(actor, Declaration("evidence", "image/png", 1234, sha256_hex))
    # the client sends the bytes: declared.put (a presigned PUT, or a signed local URL)
    view = await media.confirm(actor, declared.upload.id)
    async with unit_of_work() as uow:
        await attach(uow, view.id, actor.user_id, UploadKind.EVIDENCE, holder("dispute", dispute_id))
"""

from __future__ import annotations

import asyncio
import re
from dataclasses import dataclass
from datetime import timedelta
from typing import Any
from uuid import UUID

from tortoise.expressions import F

from domain.access.policy import Permission, authorize
from domain.audit import services as audit
from domain.media import access  # registers the upload relations
from domain.media.checks import Refused, check
from domain.media.models import Upload, UploadKind, UploadState
from domain.media.ports import MalwareScanner, ObjectStore, SignedRequest
from domain.media.rules import KindRule
from domain.media.views import Declared, UploadView
from domain.shared import clock
from domain.shared.context import Actor, RequestContext
from domain.shared.errors import Conflict, ConflictReason, NotFound, ValidationFailed
from domain.shared.uow import UnitOfWork, unit_of_work

SHA256_HEX = re.compile(r"^[0-9a-f]{64}$")
# Uploads declared and not yet confirmed, per owner: a client cannot reserve storage without end.
MAX_PENDING_PER_OWNER = 50
# Confirmations checked at once per process: decoding a 12 MP photo takes about a second of CPU
# and ~40 MB (benchmarks/media_checks.py); more at once would only queue on the cores.
CONCURRENT_CHECKS = 2


@dataclass(frozen=True)
class Declaration:
    kind: str
    content_type: str
    size: int
    sha256: str
    filename: str | None = None


@dataclass(frozen=True)
class MediaConfig:
    rules: dict[UploadKind, KindRule]
    upload_ttl_seconds: int
    download_ttl_seconds: int
    orphan_after: timedelta


def _invalid(field: str, message: str, kind: str = "value_error") -> ValidationFailed:
    return ValidationFailed(errors=[{"field": field, "message": message, "type": kind}])


class Media:
    def __init__(self, store: ObjectStore, scanner: MalwareScanner, config: MediaConfig) -> None:
        self.store, self.scanner, self.config = store, scanner, config
        self._checking = asyncio.Semaphore(CONCURRENT_CHECKS)

    def rule(self, kind: UploadKind) -> KindRule:
        return self.config.rules[kind]

    async def declare(self, actor: Actor, declaration: Declaration) -> Declared:
        await authorize(actor, Permission.UPLOAD_CREATE)
        kind = self._check_declaration(declaration)
        pending = await Upload.filter(owner_id=actor.user_id, state=UploadState.PENDING).count()
        if pending >= MAX_PENDING_PER_OWNER:
            raise Conflict(f"at most {MAX_PENDING_PER_OWNER} uploads may wait for confirmation; confirm some first",
                           reason=ConflictReason.LIMIT_REACHED)
        async with unit_of_work() as uow:
            upload = await Upload.create(
                owner_id=actor.user_id, kind=kind, declared_type=declaration.content_type,
                declared_size=declaration.size, sha256=declaration.sha256, filename=declaration.filename,
                using_db=uow.connection)
        put = await self.store.sign_upload(upload.staging_key, upload.declared_type, upload.declared_size,
                                           self.config.upload_ttl_seconds)
        return Declared(UploadView.of(upload), put)

    def _check_declaration(self, d: Declaration) -> UploadKind:
        try:
            kind = UploadKind(d.kind)
        except ValueError:
            raise _invalid("kind", f"one of {', '.join(k.value for k in UploadKind)}") from None
        rule = self.rule(kind)
        if d.content_type not in rule.types:
            raise _invalid("content_type", f"a {kind.value} must be one of {', '.join(sorted(rule.types))}",
                           "type_not_allowed")
        if not 0 < d.size <= rule.max_bytes:
            raise _invalid("size", f"a {kind.value} is 1 to {rule.max_bytes} bytes", "too_large")
        if not SHA256_HEX.fullmatch(d.sha256):
            raise _invalid("sha256", "64 lowercase hex digits")
        return kind

    async def confirm(self, actor: Actor, upload_id: str) -> UploadView:
        """Check the bytes that arrived and keep them (cleaned), or refuse them (422, nothing
        kept). Confirming a confirmed upload returns it again."""
        upload = await _load(upload_id)
        await authorize(actor, Permission.UPLOAD_CONFIRM, upload)
        if upload is None:
            raise NotFound()
        if upload.state is UploadState.READY:
            return UploadView.of(upload)
        if upload.state is not UploadState.PENDING:
            raise Conflict(f"this upload is {upload.state.value}", reason=ConflictReason.INVALID_TRANSITION)
        rule = self.rule(upload.kind)
        data = await self.store.read(upload.staging_key, rule.max_bytes + 1)
        if data is None:
            raise Conflict("the file has not arrived yet: send it to the signed upload URL first",
                           reason=ConflictReason.NOT_ELIGIBLE)
        try:
            async with self._checking:
                checked = await check(upload, data, rule, self.scanner)
        except Refused as refused:
            await self._reject(upload, refused.reason)
            raise ValidationFailed(refused.message, errors=[
                {"field": "file", "message": refused.message, "type": refused.reason}]) from None
        await self.store.write(upload.object_key, checked.data, checked.content_type)
        staging_key = upload.staging_key
        async with unit_of_work() as uow:
            moved = await Upload.filter(id=upload.id, state=UploadState.PENDING).using_db(uow.connection).update(
                state=UploadState.READY, content_type=checked.content_type, size=len(checked.data),
                width=checked.width, height=checked.height, confirmed_at=clock.utcnow(), version=upload.version + 1)
            uow.after_commit(lambda: self.store.delete(staging_key))
        if not moved:  # confirmed (or swept) meanwhile by another request
            upload = await Upload.get(id=upload.id)
            if upload.state is not UploadState.READY:
                raise Conflict(f"this upload is {upload.state.value}", reason=ConflictReason.INVALID_TRANSITION)
        return UploadView.of(await Upload.get(id=upload.id))

    async def _reject(self, upload: Upload, reason: str) -> None:
        staging_key = upload.staging_key
        async with unit_of_work() as uow:
            await Upload.filter(id=upload.id, state=UploadState.PENDING).using_db(uow.connection).update(
                state=UploadState.REJECTED, reject_reason=reason, version=upload.version + 1)
            uow.after_commit(lambda: self.store.delete(staging_key))

    async def get(self, actor: Actor, upload_id: str) -> UploadView:
        upload = await _load(upload_id)
        await authorize(actor, Permission.UPLOAD_READ, upload)
        if upload is None:  # an admin asking for an id that names nothing
            raise NotFound()
        return UploadView.of(upload)

    async def download(self, actor: Actor, upload_id: str, context: RequestContext | None = None) -> SignedRequest:
        """A URL that reads the file for a short while; who may have one is decided now. A file
        held by an audited holder (a verification document) leaves an audit record each time."""
        upload = await _load(upload_id)
        await authorize(actor, Permission.UPLOAD_READ, upload)
        if upload is None:  # an admin asking for an id that names nothing
            raise NotFound()
        if upload.state is not UploadState.READY or upload.content_type is None:
            raise Conflict(f"this upload is {upload.state.value}: there is nothing to download",
                           reason=ConflictReason.INVALID_TRANSITION)
        signed = await self.store.sign_download(upload.object_key, upload.content_type, upload.filename,
                                                self.config.download_ttl_seconds)
        audited = access.audited_holder(upload)
        if audited is not None:
            holder_kind, subject_type, holder_id = audited
            async with unit_of_work() as uow:
                await audit.record(uow, actor=actor, action=f"{holder_kind}.download", subject_type=subject_type,
                                   subject_id=holder_id, context=context or RequestContext(),
                                   after={"upload_id": str(upload.id), "owner_id": str(upload.owner_id)})
        return signed


async def _load(upload_id: object) -> Upload | None:
    try:
        return await Upload.get_or_none(id=UUID(str(upload_id)))
    except ValueError:
        return None


async def require_attachable(upload_id: object, owner_id: object, kinds: UploadKind | frozenset[UploadKind],
                             field: str = "upload_id", connection: Any = None) -> Upload:
    """The upload a caller may attach: confirmed, its owner's, of an allowed kind, held by
    nothing yet. Otherwise a 422 on `field` (another's upload reads as missing)."""
    allowed = kinds if isinstance(kinds, frozenset) else frozenset({kinds})
    try:
        upload = await Upload.filter(id=UUID(str(upload_id))).using_db(connection).first()
    except ValueError:
        upload = None
    if upload is None or str(upload.owner_id) != str(owner_id) or upload.state is UploadState.DELETED:
        raise _invalid(field, "no such upload", "reference")
    if upload.kind not in allowed:
        raise _invalid(field, f"a {upload.kind.value} upload cannot be attached here "
                              f"(expected {', '.join(sorted(k.value for k in allowed))})", "wrong_kind")
    if upload.state is not UploadState.READY:
        raise _invalid(field, f"the upload is {upload.state.value}: confirm it first", "not_ready")
    if upload.attached_to is not None:
        raise _invalid(field, "the upload is attached to something else already", "attached")
    return upload


async def attach(uow: UnitOfWork, upload_id: object, owner_id: object,
                 kinds: UploadKind | frozenset[UploadKind], holder: str, field: str = "upload_id") -> Upload:
    """Attach in the caller's unit of work (it commits with what holds the upload); two holders
    racing for one upload: one wins, the other gets the 422 of `require_attachable`."""
    upload = await require_attachable(upload_id, owner_id, kinds, field, uow.connection)
    now = clock.utcnow()
    won = await Upload.filter(id=upload.id, attached_to=None, state=UploadState.READY).using_db(
        uow.connection).update(attached_to=holder, attached_at=now, version=upload.version + 1)
    if not won:
        raise _invalid(field, "the upload is attached to something else already", "attached")
    upload.attached_to, upload.attached_at, upload.version = holder, now, upload.version + 1
    return upload


async def release(uow: UnitOfWork, holder: str, keep: frozenset[str] = frozenset()) -> int:
    """The holder lets go of its uploads (but `keep`): they become orphans, swept in time."""
    query = Upload.filter(attached_to=holder)
    if keep:
        query = query.exclude(id__in=list(keep))
    return await query.using_db(uow.connection).update(attached_to=None, attached_at=None, version=F("version") + 1)


async def hold_exactly(uow: UnitOfWork, holder: str, owner_id: object, kinds: UploadKind | frozenset[UploadKind],
                       upload_ids: list[str], field: str) -> None:
    """Make `upload_ids` the holder's uploads (a listing's photos, a storefront's banner and
    galleries): the others it held are released, the new ones attached (each must be the
    editor's own); the ones it holds already stay, whoever uploaded them."""
    await release(uow, holder, keep=frozenset(upload_ids))
    held = {str(i) for i in await Upload.filter(attached_to=holder).using_db(uow.connection).values_list(
        "id", flat=True)}
    for index, upload_id in enumerate(upload_ids):
        if str(upload_id) not in held:
            await attach(uow, upload_id, owner_id, kinds, holder, field=f"{field}.{index}.upload_id")
            held.add(str(upload_id))
