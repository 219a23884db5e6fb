"""The admin verification queue: filter, assign, approve or reject (with a reason the
submitter sees). Every step is a compare-and-set on the document's version and appends a
review row; approval supersedes the credential's older approved document and, in the same unit
of work, rewrites what the serviceman holds (domain/verification/eligibility.py), so every
gate opens with the commit."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from tortoise.expressions import F, Q

from domain.access.policy import Permission, authorize
from domain.accounts.models import Role, User
from domain.shared.clock import utcnow
from domain.shared.context import Actor
from domain.shared.errors import Conflict, ConflictReason, ValidationFailed
from domain.shared.ids import as_uuid
from domain.shared.uow import UnitOfWork, unit_of_work
from domain.verification import eligibility, events
from domain.verification.models import DocumentKind, DocumentState, VerificationDocument, VerificationReview
from domain.verification.service import Verification
from domain.verification.views import document_dict

# Days before expiry a reminder goes out (push + in-app); 0: on the last valid day.
REMINDER_DAYS = (30, 7, 0)
MAX_QUEUE = 100


@dataclass(frozen=True)
class QueueFilter:
    state: str = DocumentState.PENDING.value
    kind: str | None = None
    assignee: str | None = None  # an admin's id, "me" or "none"
    owner_id: str | None = None
    limit: int = 50


def mark_time(expires_at: datetime, days: int) -> datetime:
    return expires_at - timedelta(days=max(days, 1))


def next_due(expires_at: datetime | None, sent: list[int]) -> datetime | None:
    """When the timer next acts on an approved document: its next unsent reminder, else the lapse."""
    if expires_at is None:
        return None
    pending = [mark_time(expires_at, d) for d in REMINDER_DAYS if d not in sent]
    return min([*pending, expires_at])


def _invalid(field: str, message: str) -> ValidationFailed:
    return ValidationFailed(errors=[{"field": field, "message": message, "type": "value_error"}])


class VerificationReviews(Verification):
    async def queue(self, actor: Actor, wanted: QueueFilter) -> list[dict[str, Any]]:
        await authorize(actor, Permission.VERIFICATION_REVIEW)
        if not 1 <= wanted.limit <= MAX_QUEUE:
            raise _invalid("limit", f"must be between 1 and {MAX_QUEUE}")
        try:
            query = VerificationDocument.filter(state=DocumentState(wanted.state))
            if wanted.kind:
                query = query.filter(kind=DocumentKind(wanted.kind))
        except ValueError:
            raise _invalid("state" if wanted.kind is None else "kind", "not a known value") from None
        if wanted.assignee == "none":
            query = query.filter(assignee_id__isnull=True)
        elif wanted.assignee:
            assignee = as_uuid(actor.user_id if wanted.assignee == "me" else wanted.assignee)
            if assignee is None:
                raise _invalid("assignee", "an admin's id, me or none")
            query = query.filter(assignee_id=assignee)
        if wanted.owner_id:
            owner = as_uuid(wanted.owner_id)
            if owner is None:
                raise _invalid("owner_id", "a user id")
            query = query.filter(owner_id=owner)
        rows = await query.order_by("created_at", "id").limit(wanted.limit)
        return [document_dict(doc) for doc in rows]

    async def assign(self, actor: Actor, document_id: str, assignee_id: str | None) -> dict[str, Any]:
        doc = await self.load(actor, document_id, Permission.VERIFICATION_REVIEW)
        assignee = as_uuid(assignee_id) if assignee_id else None
        if assignee_id:
            admin = await User.get_or_none(id=assignee) if assignee else None
            if admin is None or not admin.has_role(Role.ADMIN):
                raise _invalid("assignee_id", "an admin's id")
        async with unit_of_work() as uow:
            await self._move(uow, doc, doc.state, assignee_id=assignee)
            await self._history(uow, doc, "assigned", actor.user_id, str(assignee) if assignee else "unassigned")
        return await self.full(await VerificationDocument.get(id=doc.id))

    async def approve(self, actor: Actor, document_id: str, note: str = "") -> dict[str, Any]:
        doc = await self.load(actor, document_id, Permission.VERIFICATION_REVIEW)
        now = utcnow()
        if doc.state is not DocumentState.PENDING:
            raise Conflict(f"A {doc.state.value} document cannot be approved.",
                           reason=ConflictReason.INVALID_TRANSITION)
        if doc.expires_at is not None and doc.expires_at <= now:
            raise Conflict("This document has expired: ask for a current one.", reason=ConflictReason.EXPIRED)
        async with unit_of_work() as uow:
            conn = uow.connection
            await VerificationDocument.filter(owner_id=doc.owner_id, credential=doc.credential,
                                              state=DocumentState.APPROVED).using_db(conn).update(
                state=DocumentState.SUPERSEDED, next_due_at=None, version=F("version") + 1, updated_at=now)
            # No reminder sent yet: one already due goes out at the timer's next run (the most urgent only).
            await self._move(uow, doc, DocumentState.APPROVED, decided_at=now, reminders_sent=[],
                             next_due_at=next_due(doc.expires_at, []), reject_reason="")
            await self._history(uow, doc, "approved", actor.user_id, note)
            await eligibility.refresh(doc.owner_id, conn, now)
            await events.record(uow, events.APPROVED, doc, actor.user_id, notify=await self._told(doc))
        return await self.full(doc)

    async def reject(self, actor: Actor, document_id: str, reason: str) -> dict[str, Any]:
        doc = await self.load(actor, document_id, Permission.VERIFICATION_REVIEW)
        if not reason.strip():
            raise _invalid("reason", "say why, for the submitter")
        if doc.state is not DocumentState.PENDING:
            raise Conflict(f"A {doc.state.value} document cannot be rejected.",
                           reason=ConflictReason.INVALID_TRANSITION)
        async with unit_of_work() as uow:
            await self._move(uow, doc, DocumentState.REJECTED, decided_at=utcnow(), reject_reason=reason.strip())
            await self._history(uow, doc, "rejected", actor.user_id, reason.strip())
            await events.record(uow, events.REJECTED, doc, actor.user_id, notify=await self._told(doc))
        return await self.full(doc)

    async def _move(self, uow: UnitOfWork, doc: VerificationDocument, state: DocumentState, **values: Any) -> None:
        changed = await VerificationDocument.filter(id=doc.id, version=doc.version).using_db(uow.connection).update(
            state=state, version=doc.version + 1, updated_at=utcnow(), **values)
        if not changed:
            raise Conflict("The document changed since you read it.", reason=ConflictReason.STALE_VERSION)
        doc.state, doc.version = state, doc.version + 1
        for name, value in values.items():
            setattr(doc, name, value)

    @staticmethod
    async def _history(uow: UnitOfWork, doc: VerificationDocument, action: str, actor_id: str | None,
                       reason: str = "") -> None:
        await VerificationReview.create(document_id=doc.id, action=action, actor_id=actor_id, reason=reason,
                                        using_db=uow.connection)

    @staticmethod
    async def _told(doc: VerificationDocument) -> list[str]:
        return sorted({str(doc.owner_id), str(doc.submitted_by_id)})


def due(now: datetime) -> Q:
    return Q(state=DocumentState.APPROVED, next_due_at__lte=now)
