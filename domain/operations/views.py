"""What the status summary reports (rest/schemas/operations.py is its wire shape)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum


class DependencyState(StrEnum):
    UP = "up"
    SLOW = "slow"  # answered, but slower than the rules' `slow_after`
    DOWN = "down"  # failed, or no answer within the probe timeout
    UNCHECKED = "unchecked"  # configured, with no cheap call to make (FCM's only call is a send)


class IncidentKind(StrEnum):
    """What a person must act on (docs/operations.md says what to do about each)."""

    OPERATIONS_STUCK = "finance_operations_stuck"  # stored gateway calls overdue past the alert threshold
    OPERATIONS_FAILED = "finance_operations_failed"  # declined gateway calls of the recent window
    WEBHOOKS_FAILED = "finance_webhooks_failed"  # gateway events whose attempts ran out
    RECONCILIATION_MISMATCHES = "finance_reconciliation_mismatches"  # of the latest reconciliation run
    PAYOUTS_FAILED = "finance_payouts_failed"  # payouts the gateway declined in the recent window
    DISPUTES_OVERDUE = "disputes_overdue"  # open disputes past their SLA deadline


@dataclass(frozen=True)
class DependencyStatus:
    name: str
    state: DependencyState
    latency_ms: float
    detail: str = ""  # what it answered ("PostgreSQL 16.4"), or why it is down


@dataclass(frozen=True)
class Backlog:
    name: str
    count: int | None  # None: could not be read (see `error`)
    oldest_age_seconds: float | None = None  # None: empty, or no age is kept for it
    detail: str = ""
    error: str | None = None


@dataclass(frozen=True)
class Incident:
    kind: IncidentKind
    count: int | None  # None: could not be read (see `error`)
    oldest_at: datetime | None = None
    sample_ids: tuple[str, ...] = ()
    error: str | None = None


@dataclass(frozen=True)
class JobRun:
    name: str
    interval_seconds: float
    last_finished_at: datetime | None  # the latest success on any live instance
    instance_id: str | None  # which instance finished it
    overdue: bool  # no success for two intervals (and a minute) on any live instance


@dataclass(frozen=True)
class Instance:
    """A live server process, as it announced itself (heartbeat)."""

    id: str
    version: str
    commit: str
    started_at: datetime
    pid: int
    host: str
    seen_at: datetime
    jobs: Mapping[str, datetime] = field(default_factory=dict)  # job name -> its last success there


@dataclass(frozen=True)
class Versions:
    version: str
    commit: str
    migration_applied: str | None  # the database's newest migration (None: SQLite, or unread)
    migration_shipped: str | None  # this build's newest migration file
    instances: tuple[Instance, ...]
    registry: str  # where `instances` came from ("redis", "memory", or why only this process)


@dataclass(frozen=True)
class StatusReport:
    generated_at: datetime
    took_ms: float
    this_instance: str
    dependencies: tuple[DependencyStatus, ...]
    backlogs: tuple[Backlog, ...]
    incidents: tuple[Incident, ...]
    jobs: tuple[JobRun, ...]
    versions: Versions

    @property
    def degraded(self) -> bool:
        """A dependency is down or slow, or a section could not be read."""
        return (any(d.state in (DependencyState.DOWN, DependencyState.SLOW) for d in self.dependencies)
                or any(b.error for b in self.backlogs) or any(i.error for i in self.incidents))

    @property
    def open_incidents(self) -> int:
        return sum(i.count or 0 for i in self.incidents)
