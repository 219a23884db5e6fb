"""What concurrent work waits on, sampled while a benchmark phase runs: whether N workers
serialise on something (a hot row, an advisory lock) or are only short of CPU.

- PostgreSQL: every `interval` seconds, the backends of the benchmark's database that are
  running a statement (`pg_stat_activity`, state active, the sampler's own excluded), and of
  those the ones waiting on a heavyweight lock (`wait_event_type = 'Lock'`: a row, a tuple, a
  transaction id, an advisory lock) or on a lightweight one (`LWLock`: buffers, WAL insertion).
- The machine: the share of its cores busy (user + system, all processes) over the phase,
  from /proc/stat.

One worker alternates its Python and PostgreSQL's CPU, so it keeps about one core busy; N
workers that never wait on a lock and keep every core busy are limited by CPU alone.
"""

from __future__ import annotations

import asyncio
import os
from collections import Counter
from types import TracebackType
from typing import Any

import asyncpg

ACTIVE = """
SELECT wait_event_type, count(*) AS n FROM pg_stat_activity
WHERE datname = current_database() AND state = 'active' AND pid <> pg_backend_pid()
GROUP BY wait_event_type
"""


def _cpu_ticks() -> tuple[int, int]:
    """(busy, total) jiffies of all cores since boot."""
    with open("/proc/stat") as stat:
        fields = [int(f) for f in stat.readline().split()[1:]]
    idle = fields[3] + fields[4]  # idle + iowait
    return sum(fields) - idle, sum(fields)


class WaitSampler:
    """`async with WaitSampler(url) as waits: ...` then `waits.figures()`."""

    def __init__(self, url: str, interval: float = 0.01) -> None:
        self._url, self._interval = url, interval
        self._counts: Counter[str] = Counter()
        self._samples = 0  # also the statements the sampler sent (a caller counting its own subtracts them)
        self._task: asyncio.Task[None] | None = None
        self._conn: Any = None
        self._cpu_start = self._cpu_end = (0, 0)

    async def __aenter__(self) -> WaitSampler:
        self._conn = await asyncpg.connect(self._url)
        self._cpu_start = _cpu_ticks()
        self._task = asyncio.create_task(self._sample())
        return self

    async def __aexit__(self, kind: type[BaseException] | None, error: BaseException | None,
                        trace: TracebackType | None) -> None:
        self._cpu_end = _cpu_ticks()
        if self._task is not None:
            self._task.cancel()
            await asyncio.gather(self._task, return_exceptions=True)
        await self._conn.close()

    async def _sample(self) -> None:
        while True:
            for row in await self._conn.fetch(ACTIVE):
                self._counts[row["wait_event_type"] or "CPU"] += row["n"]
            self._samples += 1
            await asyncio.sleep(self._interval)

    @property
    def statements(self) -> int:
        return self._samples

    def figures(self) -> dict[str, Any]:
        active = sum(self._counts.values())
        busy = self._cpu_end[0] - self._cpu_start[0]
        total = max(self._cpu_end[1] - self._cpu_start[1], 1)
        return {
            "busy_cores": round(busy / total * (os.cpu_count() or 1), 2),
            "active_backends_mean": round(active / max(self._samples, 1), 2),
            "lock_wait_share": round(self._counts["Lock"] / max(active, 1), 3),
            "lwlock_wait_share": round(self._counts["LWLock"] / max(active, 1), 3),
        }
