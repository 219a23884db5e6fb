"""Triage: how urgent a new dispute is (the admin queue sorts by it). A hook the AI work can
fill later (`register_triage`); until then a rule: money at stake, the reason, the opener's
recent history."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import timedelta

from domain.disputes.models import Dispute
from domain.shared.clock import utcnow


@dataclass(frozen=True)
class TriageInput:
    reason: str
    category: str
    claimed_amount: int
    currency: str
    opener_id: str
    opener_recent_disputes: int  # opened by the same user in the last 90 days


Triage = Callable[[TriageInput], Awaitable[int]]
_hooks: list[Triage] = []

_URGENT_REASONS = {"damage": 30, "no_show": 20, "not_done": 20}


def register_triage(hook: Triage) -> Callable[[], None]:
    """Plug in a scorer (0-100); the last registered wins. Returns an unregister."""
    _hooks.append(hook)
    return lambda: _hooks.remove(hook)


async def rule_priority(t: TriageInput) -> int:
    score = _URGENT_REASONS.get(t.reason, 0)
    score += min(40, t.claimed_amount // 5000 * 5)  # +5 per 50.00 (2-decimal currencies) at stake
    score -= min(30, max(0, t.opener_recent_disputes - 1) * 10)  # serial disputers wait longer
    return max(0, min(100, score + 10))


async def priority(reason: str, category: str, claimed_amount: int, currency: str, opener_id: str) -> int:
    since = utcnow() - timedelta(days=90)
    recent = await Dispute.filter(opened_by_id=opener_id, created_at__gte=since).count()
    t = TriageInput(reason, category, claimed_amount, currency, opener_id, recent)
    return await (_hooks[-1] if _hooks else rule_priority)(t)
