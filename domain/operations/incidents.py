"""What an operator must act on in the money and dispute workers: the same conditions the
alerts of docker/prometheus/alerts.yml fire on, with the ids to start from. Each is a COUNT, a
MIN and a few ids over indexed columns; docs/operations.md says what to do about each."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any, cast

from tortoise.queryset import QuerySet

from domain.disputes.models import Dispute
from domain.disputes.states import OPEN
from domain.finance.gateway.models import GatewayEventRecord, InboxState
from domain.finance.operations.models import FinanceOperation, OpStatus
from domain.finance.payouts.models import Payout, PayoutState
from domain.finance.reconciliation.models import ReconciliationRun
from domain.operations.ports import IncidentProbe
from domain.operations.views import Incident, IncidentKind

K = IncidentKind
SAMPLE = 5  # ids shown per incident: enough to start from, never a listing
# A stored gateway call due this long and still pending is stuck (FieldsyncFinanceOperationsStuck).
STUCK_AFTER = timedelta(minutes=15)
# Declined calls and failed payouts are final and compensated; the recent ones are worth a look.
RECENT = timedelta(days=7)


async def _incident(kind: IncidentKind, rows: QuerySet[Any], moment: str) -> Incident:
    count = await rows.count()
    if not count:
        return Incident(kind, 0)
    first = await rows.order_by(moment, "id").limit(SAMPLE).values_list("id", moment)
    oldest = cast(datetime, first[0][1])
    return Incident(kind, count, oldest, tuple(str(row[0]) for row in first))


async def operations_stuck(now: datetime) -> Incident:
    rows = FinanceOperation.filter(status=OpStatus.PENDING, next_attempt_at__lte=now - STUCK_AFTER)
    return await _incident(K.OPERATIONS_STUCK, rows, "next_attempt_at")


async def operations_failed(now: datetime) -> Incident:
    rows = FinanceOperation.filter(status=OpStatus.FAILED, updated_at__gte=now - RECENT)
    return await _incident(K.OPERATIONS_FAILED, rows, "updated_at")


async def webhooks_failed(now: datetime) -> Incident:
    return await _incident(K.WEBHOOKS_FAILED, GatewayEventRecord.filter(state=InboxState.FAILED), "received_at")


async def payouts_failed(now: datetime) -> Incident:
    rows = Payout.filter(state=PayoutState.FAILED, updated_at__gte=now - RECENT)
    return await _incident(K.PAYOUTS_FAILED, rows, "updated_at")


async def disputes_overdue(now: datetime) -> Incident:
    rows = Dispute.filter(state__in=list(OPEN), due_at__lte=now)
    return await _incident(K.DISPUTES_OVERDUE, rows, "due_at")


async def reconciliation_mismatches(now: datetime) -> Incident:
    """Those of the latest run (a report, never a fix: they stay until a run comes out clean)."""
    latest = await ReconciliationRun.all().order_by("-created_at").limit(1).values("mismatches", "created_at")
    found = list(latest[0]["mismatches"] or []) if latest else []
    if not found:
        return Incident(K.RECONCILIATION_MISMATCHES, 0)
    ids = tuple(str(m.get("object_id") or m.get("kind")) for m in found[:SAMPLE])
    return Incident(K.RECONCILIATION_MISMATCHES, len(found), cast(datetime, latest[0]["created_at"]), ids)


DOMAIN_INCIDENTS = (
    IncidentProbe(K.OPERATIONS_STUCK, operations_stuck),
    IncidentProbe(K.OPERATIONS_FAILED, operations_failed),
    IncidentProbe(K.WEBHOOKS_FAILED, webhooks_failed),
    IncidentProbe(K.RECONCILIATION_MISMATCHES, reconciliation_mismatches),
    IncidentProbe(K.PAYOUTS_FAILED, payouts_failed),
    IncidentProbe(K.DISPUTES_OVERDUE, disputes_overdue),
)
