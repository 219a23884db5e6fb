"""What the status summary reads through the composition root: one probe per dependency,
backlog and incident, the instance registry, and this process's identity."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from domain.operations.views import Backlog, Incident, IncidentKind, Instance


@dataclass(frozen=True)
class Remembered:
    """A kept answer, with how long the call that got it took: a cached check reports the state it
    saw then, not the latency of a lookup on a busy event loop."""
    detail: str | None
    took: float  # seconds


# Answers what it saw ("PostgreSQL 16.4", or "" when there is nothing to say); raises when down.
Check = Callable[[], Awaitable[str | Remembered | None]]


def cached(check: Check, seconds: float, clock: Callable[[], float] = time.monotonic) -> Check:
    """The same check, asked at most once per `seconds` (its answer or its failure kept that
    long; concurrent askers share one call): a status summary polled often cannot hammer a
    dependency that has no cheaper call than a connection."""
    kept: tuple[float, Remembered | None, BaseException | None] | None = None
    lock = asyncio.Lock()

    async def ask() -> Remembered | None:
        nonlocal kept
        async with lock:
            if kept is None or clock() - kept[0] >= seconds:
                started = clock()
                try:
                    answer = await check()
                    took = clock() - started
                    kept = (clock(), answer if isinstance(answer, Remembered) else Remembered(answer, took), None)
                except Exception as exc:  # kept too: a dead server is not asked again at once
                    kept = (clock(), None, exc)
            _, answer, failure = kept
        if failure is not None:
            raise failure
        return answer

    return ask


@dataclass(frozen=True)
class DependencyProbe:
    name: str
    check: Check | None  # None: configured, but nothing cheap to ask (reported "unchecked")
    detail: str = ""  # said when unchecked


@dataclass(frozen=True)
class BacklogProbe:
    name: str
    measure: Callable[[datetime], Awaitable[Backlog]]  # given "now"


@dataclass(frozen=True)
class IncidentProbe:
    kind: IncidentKind
    measure: Callable[[datetime], Awaitable[Incident]]  # given "now"


@dataclass(frozen=True)
class ScheduledJob:
    """A row of the table of periodic jobs (app/jobs.py): every process runs every job."""

    name: str
    interval_seconds: float


class InstanceRegistry(Protocol):
    """Where live server processes announce themselves (a Redis hash; memory on one process)."""

    async def announce(self, me: Instance) -> None: ...

    async def live(self) -> tuple[list[Instance], str]:
        """The instances seen within the registry's TTL, and where that list came from."""
        ...


@dataclass(frozen=True)
class ThisProcess:
    id: str
    version: str
    commit: str
    started_at: datetime
    pid: int
    host: str
    job_runs: Callable[[], Mapping[str, datetime]]  # job name -> its last success in this process

    def snapshot(self, now: datetime) -> Instance:
        return Instance(id=self.id, version=self.version, commit=self.commit, started_at=self.started_at,
                        pid=self.pid, host=self.host, seen_at=now, jobs=dict(self.job_runs()))


class MemoryInstances:
    """The embedded default (no Redis): this process is the only one anybody can see."""

    def __init__(self) -> None:
        self._me: Instance | None = None

    async def announce(self, me: Instance) -> None:
        self._me = me

    async def live(self) -> tuple[list[Instance], str]:
        return ([self._me] if self._me else []), "memory"
