"""The status summary: every probe at once, each under the same short timeout, so one slow
dependency costs the answer at most `probe_timeout` and shows as down with its latency."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TypeVar

from domain.access.policy import Permission, authorize
from domain.operations.backlogs import DOMAIN_BACKLOGS
from domain.operations.incidents import DOMAIN_INCIDENTS
from domain.operations.ports import (
    BacklogProbe,
    DependencyProbe,
    IncidentProbe,
    InstanceRegistry,
    Remembered,
    ScheduledJob,
    ThisProcess,
)
from domain.operations.views import (
    Backlog,
    DependencyState,
    DependencyStatus,
    Incident,
    Instance,
    JobRun,
    StatusReport,
    Versions,
)
from domain.shared.clock import utcnow
from domain.shared.context import Actor

T = TypeVar("T")


@dataclass(frozen=True)
class StatusRules:
    probe_timeout: float = 1.0  # seconds: a probe with no answer by then is down
    slow_after: float = 0.25  # seconds: an answer later than this is "slow"
    job_grace: timedelta = timedelta(minutes=1)  # a job is overdue after two intervals and this


@dataclass(frozen=True)
class StatusPorts:
    this_process: ThisProcess
    instances: InstanceRegistry
    dependencies: Sequence[DependencyProbe] = ()
    backlogs: Sequence[BacklogProbe] = DOMAIN_BACKLOGS
    incidents: Sequence[IncidentProbe] = DOMAIN_INCIDENTS
    jobs: Sequence[ScheduledJob] = ()
    migration_applied: Callable[[], Awaitable[str | None]] | None = None  # the database's newest
    migration_shipped: str | None = None  # this build's newest migration file


def reason(exc: BaseException) -> str:
    kind, text = type(exc).__name__, str(exc).strip()
    return (text if text.startswith(kind) else f"{kind}: {text}" if text else kind)[:200]


class StatusService:
    def __init__(self, ports: StatusPorts, rules: StatusRules | None = None) -> None:
        self.ports = ports
        self.rules = rules or StatusRules()

    async def heartbeat(self) -> None:
        """Announce this process (a periodic job, app/jobs.py): who it is and its jobs' last runs."""
        await self.ports.instances.announce(self.ports.this_process.snapshot(utcnow()))

    async def report(self, actor: Actor) -> StatusReport:
        await authorize(actor, Permission.OPERATIONS_STATUS_READ)
        started, now = time.monotonic(), utcnow()
        dependencies, backlogs, incidents, (instances, registry), applied = await asyncio.gather(
            asyncio.gather(*(self._dependency(probe) for probe in self.ports.dependencies)),
            asyncio.gather(*(self._backlog(probe, now) for probe in self.ports.backlogs)),
            asyncio.gather(*(self._incident(probe, now) for probe in self.ports.incidents)),
            self._instances(now),
            self._migration_applied(),
        )
        me = self.ports.this_process
        return StatusReport(
            generated_at=now, took_ms=round((time.monotonic() - started) * 1000, 1), this_instance=me.id,
            dependencies=tuple(dependencies), backlogs=tuple(backlogs), incidents=tuple(incidents),
            jobs=tuple(self._job_runs(now, instances)),
            versions=Versions(version=me.version, commit=me.commit, migration_applied=applied,
                              migration_shipped=self.ports.migration_shipped, instances=tuple(instances),
                              registry=registry))

    async def _bounded(self, work: Awaitable[T]) -> T:
        try:
            return await asyncio.wait_for(work, self.rules.probe_timeout)
        except TimeoutError:
            raise TimeoutError(f"no answer within {self.rules.probe_timeout:g} s") from None

    async def _dependency(self, probe: DependencyProbe) -> DependencyStatus:
        if probe.check is None:
            return DependencyStatus(probe.name, DependencyState.UNCHECKED, 0.0, probe.detail)
        started = time.monotonic()
        try:
            answer = await self._bounded(probe.check())
        except Exception as exc:  # any failure is this dependency's answer, reported, never raised
            return DependencyStatus(probe.name, DependencyState.DOWN, _ms(started), reason(exc))
        if isinstance(answer, Remembered):  # a kept answer: its state and latency are those of the real call
            detail, took = answer.detail, answer.took
        else:
            detail, took = answer, time.monotonic() - started
        state = DependencyState.SLOW if took > self.rules.slow_after else DependencyState.UP
        return DependencyStatus(probe.name, state, round(took * 1000, 1), detail or "")

    async def _backlog(self, probe: BacklogProbe, now: datetime) -> Backlog:
        try:
            return await self._bounded(probe.measure(now))
        except Exception as exc:  # the database may be what is down: the section says so
            return Backlog(probe.name, None, error=reason(exc))

    async def _incident(self, probe: IncidentProbe, now: datetime) -> Incident:
        try:
            return await self._bounded(probe.measure(now))
        except Exception as exc:
            return Incident(probe.kind, None, error=reason(exc))

    async def _instances(self, now: datetime) -> tuple[list[Instance], str]:
        """The registry's live instances, with this one as it is now (its jobs' runs fresh)."""
        me = self.ports.this_process.snapshot(now)
        try:
            found, source = await self._bounded(self.ports.instances.live())
        except Exception as exc:
            return [me], f"registry unreadable ({reason(exc)}): this process only"
        others = sorted((i for i in found if i.id != me.id), key=lambda i: (i.started_at, i.id))
        return [me, *others], source

    async def _migration_applied(self) -> str | None:
        if self.ports.migration_applied is None:
            return None
        try:
            return await self._bounded(self.ports.migration_applied())
        except Exception:  # the database section says why; the version is simply unknown
            return None

    def _job_runs(self, now: datetime, instances: list[Instance]) -> list[JobRun]:
        runs = []
        for job in self.ports.jobs:
            seen = [(i.jobs[job.name], i.id) for i in instances if job.name in i.jobs]
            last, where = max(seen) if seen else (None, None)
            since = last or self.ports.this_process.started_at
            limit = timedelta(seconds=2 * job.interval_seconds) + self.rules.job_grace
            runs.append(JobRun(job.name, job.interval_seconds, last, where, now - since > limit))
        return runs


def _ms(started: float) -> float:
    return round((time.monotonic() - started) * 1000, 1)
