"""What callers get back from the safety context, as plain dicts."""

from __future__ import annotations

from typing import Any

from domain.safety.models import Decision, ModerationItem, PaymentHold, Report
from domain.safety.queue import ItemDetail
from domain.shared.clock import isoformat


def _id(value: object) -> str | None:
    return str(value) if value is not None else None


def item_dict(item: ModerationItem) -> dict[str, Any]:
    return {
        "id": str(item.id), "subject_kind": item.subject_kind.value, "subject_id": item.subject_id,
        "party_id": _id(item.party_id), "state": item.state.value, "sources": list(item.sources),
        "reasons": list(item.reasons), "report_count": item.report_count, "flag_count": item.flag_count,
        "excerpt": item.excerpt, "assignee_id": _id(item.assignee_id), "opened_at": isoformat(item.opened_at),
        "decided_at": isoformat(item.decided_at) if item.decided_at else None, "version": item.version,
    }


def report_dict(report: Report) -> dict[str, Any]:
    return {"id": str(report.id), "item_id": str(report.item_id), "reporter_id": str(report.reporter_id),
            "reason": report.reason.value, "note": report.note, "created_at": isoformat(report.created_at)}


def decision_dict(decision: Decision) -> dict[str, Any]:
    return {"id": str(decision.id), "action": decision.action.value, "reason": decision.reason,
            "until": isoformat(decision.until) if decision.until else None,
            "decided_by": str(decision.decided_by_id), "created_at": isoformat(decision.created_at)}


def detail_dict(found: ItemDetail) -> dict[str, Any]:
    return {**item_dict(found.item), "reports": [report_dict(r) for r in found.reports],
            "decisions": [decision_dict(d) for d in found.decisions]}


def hold_dict(hold: PaymentHold) -> dict[str, Any]:
    return {"id": str(hold.id), "case_id": str(hold.case_id), "customer_id": str(hold.customer_id),
            "rules": dict(hold.rules), "state": hold.state.value, "note": hold.note,
            "cleared_by": _id(hold.cleared_by_id),
            "cleared_at": isoformat(hold.cleared_at) if hold.cleared_at else None,
            "created_at": isoformat(hold.created_at)}
