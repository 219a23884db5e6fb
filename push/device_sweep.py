"""The periodic sweep of device tokens not seen for DEVICE_TOKEN_TTL_DAYS (every process runs
it; the deletes are idempotent, so overlapping sweeps only repeat a cheap query)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from datetime import timedelta
from typing import Any

import structlog
from prometheus_client import Counter

from domain.notifications.devices import sweep_expired
from infra.periodic import periodic_context

log = structlog.get_logger(__name__)
EXPIRED = Counter("fieldsync_device_tokens_expired_total", "Device tokens removed for not being seen in time")


def device_sweep_context(ttl_days: float, interval_seconds: float) -> Callable[[Any], AsyncIterator[None]]:
    async def sweep() -> None:
        removed = await sweep_expired(timedelta(days=ttl_days))
        if removed:
            EXPIRED.inc(removed)
            log.info("device_tokens_expired", count=removed)

    return periodic_context("device_sweep", interval_seconds, sweep, run_at_start=True)
