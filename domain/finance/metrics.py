"""Money gauges an operator alerts on, refreshed by a periodic job (never per scrape): stored
gateway operations not done yet, the webhook inbox backlog, and the open reconciliation
mismatches (those of the latest run, read again so every replica and a restarted one report
them, not only the process that ran it).

Each refresh is a few COUNTs and MINs on indexed columns ((status, next_attempt_at) and
(state, next_attempt_at)) and one read of the latest run when it changed."""

from __future__ import annotations

from collections import Counter as Tally
from collections.abc import Sequence
from datetime import datetime
from typing import Any, cast
from uuid import UUID

from prometheus_client import Gauge

from domain.finance.gateway.models import GatewayEventRecord, InboxState
from domain.finance.operations.models import FinanceOperation, OpStatus
from domain.finance.reconciliation.models import ReconciliationRun
from domain.finance.reconciliation.services import KINDS, OPEN_MISMATCHES
from domain.shared.clock import utcnow

OPERATIONS_PENDING = Gauge("fieldsync_finance_operations_pending", "Stored gateway operations not done yet")
OPERATIONS_OVERDUE = Gauge(
    "fieldsync_finance_operations_overdue_seconds", "How long the most overdue pending gateway operation has been due"
)
WEBHOOK_INBOX = Gauge(
    "fieldsync_finance_webhook_inbox", "Gateway webhook events stored, not applied, by state", ["state"]
)  # pending (waiting or retrying) | failed (attempts exhausted: needs a person)
WEBHOOK_INBOX_OVERDUE = Gauge(
    "fieldsync_finance_webhook_inbox_overdue_seconds", "How long the most overdue pending webhook event has been due"
)


class _LatestRun:
    id: UUID | None = None


async def refresh() -> None:
    now = utcnow()
    pending_ops = FinanceOperation.filter(status=OpStatus.PENDING)
    OPERATIONS_PENDING.set(await pending_ops.count())
    OPERATIONS_OVERDUE.set(
        _overdue(now, await pending_ops.order_by("next_attempt_at").limit(1).values_list("next_attempt_at", flat=True))
    )
    for state in (InboxState.PENDING, InboxState.FAILED):
        WEBHOOK_INBOX.labels(state.value).set(await GatewayEventRecord.filter(state=state).count())
    pending_events = GatewayEventRecord.filter(state=InboxState.PENDING)
    WEBHOOK_INBOX_OVERDUE.set(
        _overdue(
            now, await pending_events.order_by("next_attempt_at").limit(1).values_list("next_attempt_at", flat=True)
        )
    )
    await _refresh_mismatches()


def _overdue(now: datetime, earliest_due: Sequence[Any]) -> float:
    return max((now - cast(datetime, earliest_due[0])).total_seconds(), 0.0) if earliest_due else 0.0


async def _refresh_mismatches() -> None:
    latest = await ReconciliationRun.all().order_by("-created_at").limit(1).values_list("id", flat=True)
    if not latest or latest[0] == _LatestRun.id:
        return
    found = await ReconciliationRun.filter(id=latest[0]).values_list("mismatches", flat=True)
    counts = Tally(str(m.get("kind")) for m in (found[0] if found else None) or [])
    for kind in KINDS:
        OPEN_MISMATCHES.labels(kind).set(counts.get(kind, 0))
    _LatestRun.id = cast(UUID, latest[0])
