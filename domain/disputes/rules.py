"""The dispute rules a deployment sets (app/settings.py DISPUTE_*), and the reason codes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from domain.disputes.models import Outcome

# Reason code -> its category (the admin queue filters by category).
REASONS: dict[str, str] = {
    "not_done": "service", "poor_quality": "service", "incomplete": "service", "no_show": "service",
    "late": "service", "damage": "damage", "overcharged": "billing", "not_as_described": "service",
    "unpaid_extra": "billing", "customer_absent": "access", "no_access": "access", "other": "other",
}


@dataclass(frozen=True)
class DisputeRules:
    open_window: timedelta = timedelta(days=14)  # after completion (admins: any time)
    response_time: timedelta = timedelta(days=3)  # the other side answers, or it escalates
    negotiation_time: timedelta = timedelta(days=5)  # after an answer: settle, or it escalates
    decision_time: timedelta = timedelta(days=7)  # the admin decides, or the default outcome applies
    reminder_before: timedelta = timedelta(hours=24)
    default_outcome: Outcome = Outcome.REFUND
    max_evidence_per_party: int = 20
    max_text_chars: int = 5000
    max_refs_per_entry: int = 10  # message references, upload ids (each)
    timer_batch: int = 200
