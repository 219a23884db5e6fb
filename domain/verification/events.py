"""The events verification records (stream `domain`, key `verification:<owner>`). `notify`
names who hears of it (push + in-app, push/notifier.py); the data never holds a document number."""

from __future__ import annotations

from typing import Any

from domain.catalog.requirements import LABELS
from domain.shared.clock import isoformat
from domain.shared.events import DomainEvent
from domain.shared.uow import UnitOfWork
from domain.verification.models import VerificationDocument

SUBMITTED = "verification.submitted"
APPROVED = "verification.approved"
REJECTED = "verification.rejected"
REMINDER = "verification.reminder"
LAPSED = "verification.lapsed"
REQUIREMENTS_CHANGED = "verification.requirements_changed"


async def record(uow: UnitOfWork, type_: str, document: VerificationDocument, actor_id: str | None,
                 notify: list[str], **extra: Any) -> None:
    data: dict[str, Any] = {
        "document_id": str(document.id), "owner_id": str(document.owner_id), "kind": document.kind.value,
        "credential": document.credential, "label": LABELS.get(document.credential, document.credential),
        "state": document.state.value, "expires_at": isoformat(document.expires_at) if document.expires_at else None,
        "reason": document.reject_reason, "notify": sorted(set(notify)), **extra}
    await uow.record(DomainEvent(stream="domain", type=type_, subject=f"verification:{document.owner_id}",
                                 actor_id=actor_id, data=data))


async def requirements_changed(uow: UnitOfWork, category_id: str, credentials: list[str], actor_id: str) -> None:
    await uow.record(DomainEvent(stream="domain", type=REQUIREMENTS_CHANGED, subject=f"category:{category_id}",
                                 actor_id=actor_id, data={"category_id": category_id, "credentials": credentials}))
