"""Versioned policy documents (terms, privacy, cookies, refunds) and their acceptance.

A version of a kind is published in English first (the fallback of every language), with the
date it takes effect; translations of the same version follow. The current version of a kind is
the highest whose `effective_at` passed; readers get it in their language, else the language
without its region (pt-BR -> pt), else English. A new version of a kind in
`ACCEPTANCE_REQUIRED` (terms, privacy) makes `required` name it for every user until they accept
it: the apps show the dialog; writes are not refused meanwhile (docs/privacy-consent.md).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.exceptions import IntegrityError
from tortoise.functions import Max

from domain.access.policy import Permission, authorize
from domain.audit import services as audit
from domain.consent.models import (
    ACCEPTANCE_REQUIRED,
    FALLBACK_LOCALE,
    ConsentChannel,
    PolicyAcceptance,
    PolicyDocument,
    PolicyKind,
)
from domain.shared.clock import utcnow
from domain.shared.context import Actor, RequestContext
from domain.shared.errors import Conflict, ConflictReason, NotFound, ValidationFailed
from domain.shared.uow import unit_of_work

# A new version may take effect a little in the past (clock skew between the admin and us), no more.
BACKDATE_TOLERANCE = timedelta(minutes=5)


@dataclass(frozen=True)
class PolicyView:
    document: PolicyDocument
    requested_locale: str | None

    @property
    def requires_acceptance(self) -> bool:
        return PolicyKind(self.document.kind) in ACCEPTANCE_REQUIRED


@dataclass(frozen=True)
class Outstanding:
    """A policy the user must accept: its current version and the version they accepted last."""

    kind: PolicyKind
    version: int
    accepted_version: int | None


def _candidates(locale: str | None) -> list[str]:
    tags: list[str] = []
    if locale:
        tag = locale.strip().replace("_", "-")
        tags += [tag, tag.split("-", 1)[0]]
    tags.append(FALLBACK_LOCALE)
    return list(dict.fromkeys(t.lower() for t in tags if t))


def _pick(documents: list[PolicyDocument], locale: str | None) -> PolicyDocument | None:
    by_locale = {d.locale.lower(): d for d in documents}
    for tag in _candidates(locale):
        if tag in by_locale:
            return by_locale[tag]
    return documents[0] if documents else None


async def current_versions(conn: BaseDBAsyncClient | None = None, now: datetime | None = None) -> dict[PolicyKind, int]:
    """Per kind, the highest version in effect at `now` (kinds never published are absent)."""
    rows = await PolicyDocument.filter(effective_at__lte=now or utcnow()).using_db(conn).group_by("kind") \
        .annotate(top=Max("version")).values("kind", "top")
    return {PolicyKind(row["kind"]): int(row["top"]) for row in rows}


async def current(locale: str | None, kinds: list[PolicyKind] | None = None) -> list[PolicyView]:
    """The current version of each kind (or of `kinds`), in the reader's language when it has one."""
    versions = await current_versions()
    views = []
    for kind in PolicyKind:
        if kind not in versions or (kinds is not None and kind not in kinds):
            continue
        documents = await PolicyDocument.filter(kind=kind, version=versions[kind]).order_by("locale")
        picked = _pick(documents, locale)
        if picked is not None:
            views.append(PolicyView(picked, locale))
    return views


async def current_of(kind: str, locale: str | None, version: int | None = None) -> PolicyView:
    """One kind's current version (or an earlier `version` of it) in the reader's language."""
    if kind not in PolicyKind.__members__.values():
        raise NotFound()
    if version is None:
        views = await current(locale, [PolicyKind(kind)])
        if not views:
            raise NotFound()
        return views[0]
    documents = await PolicyDocument.filter(kind=kind, version=version, effective_at__lte=utcnow()).order_by("locale")
    picked = _pick(documents, locale)
    if picked is None:
        raise NotFound()
    return PolicyView(picked, locale)


async def version_for_record(kind: PolicyKind, claimed: int | None, conn: BaseDBAsyncClient,
                             now: datetime) -> int | None:
    """The version a consent record cites: the one the client showed (it must have taken effect),
    else the current one (None when the kind was never published)."""
    if claimed is None:
        return (await current_versions(conn, now)).get(kind)
    if not await PolicyDocument.filter(kind=kind, version=claimed, effective_at__lte=now).using_db(conn).exists():
        raise ValidationFailed(errors=[{"field": "policy_version", "type": "value_error",
                                        "message": f"no {kind.value} policy version {claimed} in effect"}])
    return claimed


@dataclass(frozen=True)
class PolicyDraft:
    kind: str
    version: int
    locale: str
    title: str
    body: str
    effective_at: datetime | None = None  # None: now; a translation takes its English version's


async def publish(actor: Actor, draft: PolicyDraft, context: RequestContext) -> PolicyView:
    """Publish a new version (English first, the next number) or a translation of an existing one."""
    await authorize(actor, Permission.POLICY_PUBLISH)
    if draft.kind not in PolicyKind.__members__.values():
        raise ValidationFailed(errors=[{"field": "kind", "message": "not a policy kind", "type": "value_error"}])
    kind, locale, now = PolicyKind(draft.kind), draft.locale.strip(), utcnow()
    async with unit_of_work() as uow:
        conn = uow.connection
        english = await PolicyDocument.get_or_none(kind=kind, version=draft.version, locale=FALLBACK_LOCALE,
                                                   using_db=conn)
        if english is None:
            tops = await PolicyDocument.filter(kind=kind).using_db(conn).annotate(top=Max("version")) \
                .group_by("kind").values("top")
            top = int(tops[0]["top"] or 0) if tops else 0  # scheduled versions count: the next comes after them
            if draft.version != top + 1:
                raise Conflict(f"The next {kind.value} version is {top + 1}.", reason=ConflictReason.NOT_ALLOWED,
                               details={"cause": "version_not_next", "next_version": top + 1})
            if locale.lower() != FALLBACK_LOCALE:
                raise Conflict("A new version is published in English first; translations follow.",
                               reason=ConflictReason.NOT_ELIGIBLE, details={"cause": "english_first"})
            effective_at = draft.effective_at or now
            if effective_at < now - BACKDATE_TOLERANCE:
                raise ValidationFailed(errors=[{"field": "effective_at", "message": "must not be in the past",
                                                "type": "value_error"}])
        else:
            effective_at = english.effective_at
        try:
            async with unit_of_work() as savepoint:
                document = await PolicyDocument.create(
                    kind=kind, version=draft.version, locale=locale, title=draft.title, body=draft.body,
                    effective_at=effective_at, published_at=now, published_by_id=actor.user_id,
                    using_db=savepoint.connection)
        except IntegrityError:
            raise Conflict("This version is published in this language already.",
                           reason=ConflictReason.DUPLICATE) from None
        await audit.record(uow, actor=actor, action="policy.publish", subject_type="policy",
                           subject_id=f"{kind.value}:{draft.version}:{locale}", context=context,
                           after={"kind": kind.value, "version": draft.version, "locale": locale,
                                  "effective_at": effective_at.isoformat()})
    return PolicyView(document, locale)


async def accept(actor: Actor, kind: str, version: int, locale: str | None, channel: ConsentChannel,
                 source_ip_hash: str | None = None) -> PolicyAcceptance:
    """Record that the user accepted `version` of `kind` (one in effect). Accepting it again
    returns the first acceptance."""
    await authorize(actor, Permission.CONSENT_MANAGE)
    if kind not in PolicyKind.__members__.values():
        raise ValidationFailed(errors=[{"field": "kind", "message": "not a policy kind", "type": "value_error"}])
    view = await current_of(kind, locale, version)  # 404 for a version not (yet) in effect
    try:
        async with unit_of_work() as uow:
            return await PolicyAcceptance.create(
                user_id=actor.user_id, kind=PolicyKind(kind), version=version, locale=view.document.locale,
                channel=channel, accepted_at=utcnow(), source_ip_hash=source_ip_hash, using_db=uow.connection)
    except IntegrityError:
        return await PolicyAcceptance.get(user_id=actor.user_id, kind=kind, version=version)


async def acceptances(user_id: str) -> list[PolicyAcceptance]:
    return await PolicyAcceptance.filter(user_id=user_id).order_by("id")


async def outstanding(user_id: str, conn: BaseDBAsyncClient | None = None) -> list[Outstanding]:
    """The current versions of the kinds that need acceptance which the user has not accepted."""
    versions = await current_versions(conn)
    accepted: dict[str, int] = {}
    for kind, version in await PolicyAcceptance.filter(user_id=user_id).using_db(conn).values_list("kind", "version"):
        accepted[str(kind)] = max(int(version), accepted.get(str(kind), 0))
    return [Outstanding(kind, versions[kind], accepted.get(kind.value))
            for kind in PolicyKind if kind in ACCEPTANCE_REQUIRED and kind in versions
            and accepted.get(kind.value, 0) < versions[kind]]


async def seed(documents: list[dict[str, Any]], effective_at: datetime) -> int:
    """Reference texts (the demo's v1): each (kind, version, locale) not there yet; returns how many."""
    created = 0
    async with unit_of_work() as uow:
        for doc in documents:
            if await PolicyDocument.filter(kind=doc["kind"], version=doc["version"], locale=doc["locale"]) \
                    .using_db(uow.connection).exists():
                continue
            await PolicyDocument.create(**doc, effective_at=effective_at, published_at=effective_at,
                                        using_db=uow.connection)
            created += 1
    return created
