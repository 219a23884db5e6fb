"""Backlogs the domain's own tables show: the outbox the relay has not published, the stored
gateway calls not done yet, the gateway webhook events not applied yet. Each is a COUNT and a
MIN over an indexed column (the pending rows are few when things work; when they are many,
that is the news). Push, sync and the like are measured by their adapters (app/status_wiring.py)."""

from __future__ import annotations

from datetime import datetime
from typing import Any, cast

from tortoise.queryset import QuerySet

from domain.finance.gateway.models import GatewayEventRecord, InboxState
from domain.finance.operations.models import FinanceOperation, OpStatus
from domain.operations.ports import BacklogProbe
from domain.operations.views import Backlog
from domain.shared.outbox import PENDING_ORDER, OutboxEvent


def age(now: datetime, oldest: list[Any]) -> float | None:
    return max((now - cast(datetime, oldest[0])).total_seconds(), 0.0) if oldest else None


async def _count_and_oldest(rows: QuerySet[Any], column: str, *order: str) -> tuple[int, list[Any]]:
    count = await rows.count()
    oldest = await rows.order_by(*(order or (column,))).limit(1).values_list(column, flat=True) if count else []
    return count, list(oldest)


async def outbox(now: datetime) -> Backlog:
    # Oldest as the relay claims, in PENDING_ORDER: the probe reads one row, not the whole backlog.
    count, oldest = await _count_and_oldest(OutboxEvent.filter(published_at__isnull=True), "created_at",
                                            *PENDING_ORDER)
    return Backlog("outbox", count, age(now, oldest), "events not yet published to the bus")


async def finance_operations(now: datetime) -> Backlog:
    pending = FinanceOperation.filter(status=OpStatus.PENDING)
    count, oldest = await _count_and_oldest(pending, "created_at")
    due = await pending.filter(next_attempt_at__lte=now).count() if count else 0
    return Backlog("finance_operations", count, age(now, oldest),
                   f"stored gateway calls awaiting execution ({due} due now, the rest retrying later)")


async def webhook_inbox(now: datetime) -> Backlog:
    count, oldest = await _count_and_oldest(GatewayEventRecord.filter(state=InboxState.PENDING), "received_at")
    return Backlog("finance_webhook_inbox", count, age(now, oldest), "gateway events stored, not applied yet")


DOMAIN_BACKLOGS = (
    BacklogProbe("outbox", outbox),
    BacklogProbe("finance_operations", finance_operations),
    BacklogProbe("finance_webhook_inbox", webhook_inbox),
)
