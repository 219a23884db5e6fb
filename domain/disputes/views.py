"""What callers get back: a dispute (with the actions the viewer may take) and its timeline
entries (a private one only for its author and admins)."""

from __future__ import annotations

from typing import Any

from domain.disputes.models import Dispute, DisputeEntry, Side
from domain.finance.chargebacks.views import ChargebackView
from domain.shared.clock import isoformat
from domain.shared.context import Actor
from domain.shared.money import Money


def _ts(value: Any) -> str | None:
    return isoformat(value) if value is not None else None


def dispute_dict(d: Dispute) -> dict[str, Any]:
    """The dispute as every party sees it (the socket update and the REST view share it)."""

    def money(amount: int | None) -> dict[str, Any] | None:
        return Money(int(amount), d.currency).as_dict() if amount is not None else None

    return {
        "id": str(d.id), "booking_id": str(d.booking_id), "case_id": str(d.case_id), "milestone": d.milestone,
        "state": d.state.value, "reason": d.reason, "category": d.category, "description": d.description,
        "claimed": money(d.claimed_amount), "opener_side": d.opener_side.value, "opened_by": str(d.opened_by_id),
        "assignee_id": str(d.assignee_id) if d.assignee_id else None, "due_at": _ts(d.due_at),
        "decide_by": _ts(d.decide_by), "open_offer_seq": d.open_offer_seq,
        "outcome": d.outcome.value if d.outcome else None, "refunded": money(d.refund_amount),
        "released": money(d.release_amount), "decision_reason": d.decision_reason, "last_seq": d.last_seq,
        "version": d.version, "created_at": _ts(d.created_at), "closed_at": _ts(d.closed_at),
    }


def entry_dict(e: DisputeEntry) -> dict[str, Any]:
    return {
        "id": str(e.id), "dispute_id": str(e.dispute_id), "seq": e.seq, "kind": e.kind.value,
        "author_id": str(e.author_id) if e.author_id else None, "author_side": e.author_side.value,
        "shared": e.shared, "body": e.body, "message_ids": list(e.message_ids), "upload_ids": list(e.upload_ids),
        "amount": e.amount, "data": dict(e.data), "created_at": _ts(e.created_at),
    }


def chargeback_dict(c: ChargebackView) -> dict[str, Any]:
    """A chargeback as the dispute's parties see it (no payee holds: those are the payees' own)."""
    return {"id": str(c.id), "dispute_id": c.dispute_id, "amount": c.amount.as_dict(), "status": c.status,
            "reason": c.reason, "outcome": c.outcome, "opened_at": _ts(c.opened_at), "closed_at": _ts(c.closed_at)}


def visible(entry: dict[str, Any], user_id: str, admin: bool) -> bool:
    """A party sees their own entries and the shared ones; admins see everything."""
    return admin or bool(entry["shared"]) or entry["author_id"] == user_id


def view_of(d: Dispute, side: Side, actions: list[str], entries: list[DisputeEntry] | None = None,
            actor: Actor | None = None) -> dict[str, Any]:
    """The dispute for one viewer: their side, what they may do, the entries they may see."""
    view = dispute_dict(d)
    view["your_side"] = side.value
    view["priority"] = d.priority
    view["actions"] = actions
    if entries is not None:
        uid, admin = (actor.user_id, actor.is_admin) if actor else ("", False)
        view["timeline"] = [e for e in map(entry_dict, entries) if visible(e, uid, admin)]
    return view
