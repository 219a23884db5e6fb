"""Wire shape of the operator status summary (GET /v1/admin/status, domain/operations)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from domain.operations.views import (
    Backlog,
    DependencyState,
    DependencyStatus,
    Incident,
    IncidentKind,
    Instance,
    JobRun,
    StatusReport,
    Versions,
)
from domain.shared.clock import isoformat
from rest.schemas.common import Instant


class DependencyOut(BaseModel):
    """One dependency, probed now with a short timeout (no answer in time: `down`)."""

    name: str = Field(description="database, redis, socketio_redis, kafka, media_store, push_sender, payment_gateway")
    state: DependencyState = Field(description="up; slow (answered late); down; unchecked (nothing cheap to ask)")
    latency_ms: float = Field(description="how long the probe took (the timeout, when it never answered)")
    detail: str = Field(description="what it answered, or why it is down")

    @classmethod
    def of(cls, d: DependencyStatus) -> DependencyOut:
        return cls(name=d.name, state=d.state, latency_ms=d.latency_ms, detail=d.detail)


class BacklogOut(BaseModel):
    """Work waiting: how much, and for how long the oldest of it has waited."""

    name: str = Field(description="outbox, finance_operations, finance_webhook_inbox, push_queue, sync_ticker")
    count: int | None = Field(description="items waiting; null when it could not be read (see error)")
    oldest_age_seconds: float | None = Field(description="age of the oldest item; null when empty or not kept")
    detail: str = Field(description="what is counted")
    error: str | None = Field(description="why it could not be read")

    @classmethod
    def of(cls, b: Backlog) -> BacklogOut:
        return cls(name=b.name, count=b.count, oldest_age_seconds=b.oldest_age_seconds, detail=b.detail,
                   error=b.error)


class IncidentOut(BaseModel):
    """Something an operator must act on (docs/operations.md says what)."""

    kind: IncidentKind
    count: int | None = Field(description="how many; null when it could not be read (see error)")
    oldest_at: Instant | None = Field(description="the oldest one's moment (due, failed, received, run)")
    sample_ids: list[str] = Field(description="a few ids to start from, oldest first")
    error: str | None = Field(description="why it could not be read")

    @classmethod
    def of(cls, i: Incident) -> IncidentOut:
        return cls(kind=i.kind, count=i.count, oldest_at=isoformat(i.oldest_at) if i.oldest_at else None,
                   sample_ids=list(i.sample_ids), error=i.error)


class JobRunOut(BaseModel):
    """A periodic job of the table (every process runs every job) and its latest success."""

    name: str
    interval_seconds: float
    last_finished_at: Instant | None = Field(description="the latest success on any live instance")
    instance_id: str | None = Field(description="the instance that finished it")
    overdue: bool = Field(description="no success for two intervals and a minute")

    @classmethod
    def of(cls, j: JobRun) -> JobRunOut:
        return cls(name=j.name, interval_seconds=j.interval_seconds,
                   last_finished_at=isoformat(j.last_finished_at) if j.last_finished_at else None,
                   instance_id=j.instance_id, overdue=j.overdue)


class InstanceJobOut(BaseModel):
    name: str
    last_finished_at: Instant


class InstanceOut(BaseModel):
    """A live server process, as its last heartbeat announced it."""

    id: str
    version: str
    commit: str
    started_at: Instant
    seen_at: Instant = Field(description="its last heartbeat")
    pid: int
    host: str
    job_runs: list[InstanceJobOut] = Field(description="its jobs' last successes")

    @classmethod
    def of(cls, i: Instance) -> InstanceOut:
        return cls(id=i.id, version=i.version, commit=i.commit, started_at=isoformat(i.started_at),
                   seen_at=isoformat(i.seen_at), pid=i.pid, host=i.host,
                   job_runs=[InstanceJobOut(name=name, last_finished_at=isoformat(at))
                             for name, at in sorted(i.jobs.items())])


class VersionsOut(BaseModel):
    version: str = Field(description="this process's package version")
    commit: str = Field(description="its source commit (FIELDSYNC_COMMIT, or the checkout's), or unknown")
    migration_applied: str | None = Field(description="the database's newest migration (null on SQLite)")
    migration_shipped: str | None = Field(description="this build's newest migration")
    registry: str = Field(description="where `instances` came from: redis, memory, or why this process only")
    instances: list[InstanceOut] = Field(description="live server processes, this one first")

    @classmethod
    def of(cls, v: Versions) -> VersionsOut:
        return cls(version=v.version, commit=v.commit, migration_applied=v.migration_applied,
                   migration_shipped=v.migration_shipped, registry=v.registry,
                   instances=[InstanceOut.of(i) for i in v.instances])


class StatusOut(BaseModel):
    """The operator status summary: read-only, every probe bounded by a short timeout."""

    model_config = ConfigDict(json_schema_extra={"examples": [{
        "generated_at": "2026-12-03T14:00:00Z", "took_ms": 12.5, "this_instance": "web-1-4242-a1b2c3",
        "degraded": False, "open_incidents": 1,
        "dependencies": [{"name": "database", "state": "up", "latency_ms": 1.2, "detail": ""}],
        "backlogs": [{"name": "outbox", "count": 0, "oldest_age_seconds": None,
                      "detail": "events not yet published to the bus", "error": None}],
        "incidents": [{"kind": "disputes_overdue", "count": 1, "oldest_at": "2026-12-03T09:00:00Z",
                       "sample_ids": ["0b6c3c52-33f7-4d5e-9a5e-2f5d0c1e9a10"], "error": None}],
        "jobs": [{"name": "retention_purge", "interval_seconds": 86400.0, "last_finished_at": "2026-12-03T08:00:00Z",
                  "instance_id": "web-1-4242-a1b2c3", "overdue": False}],
        "versions": {"version": "0.1.0", "commit": "1796b0f", "migration_applied": "18_20261203090000_flags_sync.py",
                     "migration_shipped": "18_20261203090000_flags_sync.py", "registry": "redis",
                     "instances": [{"id": "web-1-4242-a1b2c3", "version": "0.1.0", "commit": "1796b0f",
                                    "started_at": "2026-12-03T08:00:00Z", "seen_at": "2026-12-03T13:59:50Z",
                                    "pid": 4242, "host": "web-1", "job_runs": []}]},
    }]})

    generated_at: Instant
    took_ms: float = Field(description="how long the whole summary took")
    this_instance: str = Field(description="the id of the process that answered")
    degraded: bool = Field(description="a dependency is down or slow, or a section could not be read")
    open_incidents: int = Field(description="the incidents' counts, summed")
    dependencies: list[DependencyOut]
    backlogs: list[BacklogOut]
    incidents: list[IncidentOut]
    jobs: list[JobRunOut]
    versions: VersionsOut

    @classmethod
    def of(cls, r: StatusReport) -> StatusOut:
        return cls(generated_at=isoformat(r.generated_at), took_ms=r.took_ms, this_instance=r.this_instance,
                   degraded=r.degraded, open_incidents=r.open_incidents,
                   dependencies=[DependencyOut.of(d) for d in r.dependencies],
                   backlogs=[BacklogOut.of(b) for b in r.backlogs],
                   incidents=[IncidentOut.of(i) for i in r.incidents],
                   jobs=[JobRunOut.of(j) for j in r.jobs], versions=VersionsOut.of(r.versions))
