"""Process metrics an operator alerts on whatever the feature: the event loop, the database
pool, Redis pub/sub listeners and the periodic jobs (prometheus-client, default registry).

The pool gauges are read at scrape time from the live pools (a scrape runs no query)."""

from __future__ import annotations

import weakref
from typing import Any

from prometheus_client import Counter, Gauge, Histogram

LOOP_LAG = Histogram(
    "fieldsync_event_loop_lag_seconds",
    "How late the event loop ran a timer (scheduling delay), one sample every half second",
    buckets=(0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0),
)
LOOP_LAG_MAX = Gauge("fieldsync_event_loop_lag_max_seconds", "Highest event-loop lag of the last 15 seconds")

PUBSUB_RECONNECTS = Counter(
    "fieldsync_redis_pubsub_reconnects_total",
    "Redis pub/sub listeners subscribed again after losing their connection",
    ["listener"],  # socketio (fan-out between processes) | revocations
)
# Labelled `name`, not `job`: Prometheus owns `job` (the scrape job) and would rename ours.
JOB_FAILURES = Counter("fieldsync_job_failures_total", "Failed runs of periodic background jobs", ["name"])

# The asyncpg pools of this process (infra/postgres_engine.py registers each); weak, so a
# closed and dropped pool (tests build many apps) leaves no trace.
_POOLS: weakref.WeakSet[Any] = weakref.WeakSet()
_WAITING: dict[int, int] = {}


def watch_pool(pool: Any) -> None:
    _POOLS.add(pool)


def acquire_started(pool: Any) -> None:
    _WAITING[id(pool)] = _WAITING.get(id(pool), 0) + 1


def acquire_ended(pool: Any) -> None:
    left = _WAITING.get(id(pool), 1) - 1
    if left > 0:
        _WAITING[id(pool)] = left
    else:
        _WAITING.pop(id(pool), None)


def spare_connections(pool: Any) -> int:
    """How many connections `pool` could hand out now with nobody waiting: idle ones and room to
    grow, less the callers already waiting."""
    return int(pool.get_max_size() - pool.get_size() + pool.get_idle_size() - _WAITING.get(id(pool), 0))


def _open_pools() -> list[Any]:
    return [pool for pool in list(_POOLS) if not pool._closed]


def _in_use() -> float:
    return float(sum(pool.get_size() - pool.get_idle_size() for pool in _open_pools()))


DB_POOL_IN_USE = Gauge("fieldsync_db_pool_in_use", "Database connections checked out of the pool")
DB_POOL_IN_USE.set_function(_in_use)
DB_POOL_SIZE = Gauge("fieldsync_db_pool_size", "Database connections the pool holds (in use or idle)")
DB_POOL_SIZE.set_function(lambda: float(sum(pool.get_size() for pool in _open_pools())))
DB_POOL_MAX = Gauge("fieldsync_db_pool_max", "Largest the database pool may grow")
DB_POOL_MAX.set_function(lambda: float(sum(pool.get_max_size() for pool in _open_pools())))
DB_POOL_WAITERS = Gauge("fieldsync_db_pool_waiters", "Callers waiting for a pooled database connection")
DB_POOL_WAITERS.set_function(lambda: float(sum(_WAITING.values())))


_CHILDREN: dict[tuple[int, tuple[str, ...]], Any] = {}


def labelled(metric: Any, *labels: str) -> Any:
    """`metric.labels(*labels)`, remembered: request and socket-event metrics are bumped on every
    request, event and emit, and `labels` checks and joins its arguments and takes a lock each
    time. Only for metrics whose label values are bounded (routes, namespaces, event names)."""
    key = (id(metric), labels)
    found = _CHILDREN.get(key)
    if found is None:
        found = _CHILDREN[key] = metric.labels(*labels)
    return found
