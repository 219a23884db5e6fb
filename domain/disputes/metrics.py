"""Dispute metrics (prometheus) for the finance report: opened by reason, outcomes by reason,
escalations, reminders; open and overdue gauges refreshed by the timer job."""

from __future__ import annotations

from prometheus_client import Counter, Gauge

from domain.disputes.models import Dispute
from domain.disputes.states import OPEN
from domain.shared.clock import utcnow

OPENED = Counter("fieldsync_disputes_opened_total", "Disputes opened", ["reason", "side"])
RESOLVED = Counter("fieldsync_disputes_resolved_total", "Disputes resolved", ["outcome", "reason", "by"])
ESCALATED = Counter("fieldsync_disputes_escalated_total", "Disputes escalated to admins", ["by"])
REMINDERS = Counter("fieldsync_disputes_reminders_total", "SLA reminders sent", ["state"])
OPEN_NOW = Gauge("fieldsync_disputes_open", "Open disputes", ["state"])
OVERDUE_NOW = Gauge("fieldsync_disputes_overdue", "Open disputes past their deadline")


async def refresh() -> None:
    for state in OPEN:
        OPEN_NOW.labels(state.value).set(await Dispute.filter(state=state).count())
    OVERDUE_NOW.set(await Dispute.filter(state__in=list(OPEN), due_at__lte=utcnow()).count())
