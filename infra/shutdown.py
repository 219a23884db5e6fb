"""Stopping the app: no single step may hold the process.

A stuck close (a Redis connection that does not answer, a background task that does not end)
is logged with its step and left behind; the rest of the shutdown goes on."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable
from typing import Any

import structlog

log = structlog.get_logger(__name__)

STOP_STEP_TIMEOUT = 5.0


async def bounded(step: str, awaitable: Awaitable[Any], timeout: float = STOP_STEP_TIMEOUT) -> None:
    try:
        async with asyncio.timeout(timeout):
            await awaitable
    except TimeoutError:
        log.warning("shutdown_step_timed_out", step=step, timeout=timeout)
    except Exception as exc:  # closing on the way out: report, do not fail the stop
        log.warning("shutdown_step_failed", step=step, error=str(exc))
