"""Operator alerts: the port the business raises critical events through (money that does not
reconcile, disputes past their deadline, a background worker that stopped), filled by the
composition root with the log and, when SLACK_WEBHOOK_URL is set, a Slack incoming webhook
(push/slack.py).

An alert never fails its caller: a delivery problem is logged and counted. The same alert (its
`key`) is sent once per window (`Deduplicated`), so a job that finds the same mismatch every
run, or every replica running that job, does not page anyone twice."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Protocol

import structlog
from prometheus_client import Counter

log = structlog.get_logger(__name__)

ALERTS = Counter("fieldsync_operator_alerts_total", "Operator alerts raised, by kind and outcome",
                 ["kind", "outcome"])  # sent, deduplicated, failed


class Severity(StrEnum):
    CRITICAL = "critical"
    WARNING = "warning"


@dataclass(frozen=True)
class Alert:
    kind: str  # reconciliation_mismatch, dispute_overdue, worker_dead
    key: str  # what makes two alerts the same one (deduplicated within the window)
    title: str
    text: str
    severity: Severity = Severity.CRITICAL
    fields: dict[str, str] = field(default_factory=dict)  # ids and counts only, never personal data


class OperatorAlerts(Protocol):
    async def raise_alert(self, alert: Alert) -> None:
        """Deliver it, or log why not; never raises."""
        ...


class LogAlerts:
    """The default: one `operator_alert` log line (the log pipeline may page on it)."""

    def __init__(self) -> None:
        self.raised: list[Alert] = []

    async def raise_alert(self, alert: Alert) -> None:
        log.warning("operator_alert", kind=alert.kind, key=alert.key, severity=alert.severity.value,
                    title=alert.title, **alert.fields)
        self.raised = [*self.raised, alert][-100:]


class Fanout:
    """Several destinations (the log and Slack): each one's failure is its own."""

    def __init__(self, *destinations: OperatorAlerts) -> None:
        self._destinations = destinations

    async def raise_alert(self, alert: Alert) -> None:
        for destination in self._destinations:
            try:
                await destination.raise_alert(alert)
            except Exception:
                ALERTS.labels(alert.kind, "failed").inc()
                log.exception("operator_alert_failed", kind=alert.kind, key=alert.key)


class AlertGate(Protocol):
    async def first(self, key: str, window_seconds: float) -> bool:
        """True when `key` was not let through within the window (and now is)."""
        ...


class MemoryGate:
    """This process's memory: the default, and the fallback when the shared gate is away."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._until: dict[str, float] = {}

    async def first(self, key: str, window_seconds: float) -> bool:
        now = self._clock()
        if self._until.get(key, 0.0) > now:
            return False
        if len(self._until) > 10_000:  # forget the expired ones now and then
            self._until = {k: until for k, until in self._until.items() if until > now}
        self._until[key] = now + window_seconds
        return True


class Deduplicated:
    def __init__(self, alerts: OperatorAlerts, gate: AlertGate, window_seconds: float) -> None:
        self._alerts, self._gate, self._window = alerts, gate, window_seconds

    async def raise_alert(self, alert: Alert) -> None:
        if self._window > 0 and not await self._gate.first(f"{alert.kind}:{alert.key}", self._window):
            ALERTS.labels(alert.kind, "deduplicated").inc()
            return
        await self._alerts.raise_alert(alert)
        ALERTS.labels(alert.kind, "sent").inc()
