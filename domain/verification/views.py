"""What callers get back. A document's number never leaves sealed: its parties (the owner,
their managers, admins) see its last four characters; badges and the public summary name the
credential and its expiry only."""

from __future__ import annotations

from typing import Any

from domain.catalog.requirements import LABELS
from domain.shared.clock import isoformat
from domain.verification.models import ExternalCheck, VerificationDocument, VerificationReview


def _ts(value: Any) -> str | None:
    return isoformat(value) if value is not None else None


def document_dict(doc: VerificationDocument, reviews: list[VerificationReview] | None = None,
                  checks: list[ExternalCheck] | None = None) -> dict[str, Any]:
    found: dict[str, Any] = {
        "id": str(doc.id), "owner_id": str(doc.owner_id), "submitted_by_id": str(doc.submitted_by_id),
        "organisation_id": str(doc.organisation_id) if doc.organisation_id else None,
        "kind": doc.kind.value, "credential": doc.credential, "label": LABELS.get(doc.credential, doc.credential),
        "state": doc.state.value, "upload_id": str(doc.upload_id), "fields": doc.details,
        "number_last4": doc.number_last4, "expires_at": _ts(doc.expires_at), "reject_reason": doc.reject_reason,
        "assignee_id": str(doc.assignee_id) if doc.assignee_id else None,
        "replaces_id": str(doc.replaces_id) if doc.replaces_id else None, "decided_at": _ts(doc.decided_at),
        "version": doc.version, "created_at": _ts(doc.created_at), "updated_at": _ts(doc.updated_at)}
    if reviews is not None:
        found["history"] = [{"action": r.action, "actor_id": str(r.actor_id) if r.actor_id else None,
                             "reason": r.reason, "at": _ts(r.created_at)} for r in reviews]
    if checks is not None:
        found["checks"] = [{"source": c.source, "outcome": c.outcome, "detail": c.detail, "at": _ts(c.checked_at)}
                           for c in checks]
    return found


def badge_dict(doc: VerificationDocument) -> dict[str, Any]:
    return {"credential": doc.credential, "label": LABELS.get(doc.credential, doc.credential),
            "expires_at": _ts(doc.expires_at)}
