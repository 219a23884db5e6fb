"""Liveness, readiness and metrics endpoints (outside /v1: operators, not clients)."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from aiohttp import web
from prometheus_client import CONTENT_TYPE_LATEST, REGISTRY, generate_latest

from rest.responses import json_response


@dataclass(frozen=True)
class ReadinessCheck:
    name: str
    check: Callable[[], Awaitable[None]]


async def _run(check: ReadinessCheck, timeout: float) -> str | None:
    try:
        await asyncio.wait_for(check.check(), timeout)
    except Exception as exc:  # any failure means not ready; say which and why
        return f"{type(exc).__name__}: {exc}"[:200] or type(exc).__name__
    return None


def health_routes(checks: list[ReadinessCheck], timeout: float = 2.0) -> list[web.RouteDef]:
    async def healthz(_request: web.Request) -> web.Response:
        return json_response({"status": "ok"})

    async def readyz(_request: web.Request) -> web.Response:
        results = await asyncio.gather(*(_run(check, timeout) for check in checks))
        failing = {check.name: error for check, error in zip(checks, results, strict=True) if error}
        body = {
            "status": "ok" if not failing else "unavailable",
            "checks": {check.name: ("ok" if check.name not in failing else "failing") for check in checks},
        }
        if failing:
            body["failing"] = failing
        return json_response(body, status=503 if failing else 200)

    async def metrics(_request: web.Request) -> web.Response:
        response = web.Response(body=generate_latest(REGISTRY))
        response.content_type = CONTENT_TYPE_LATEST.split(";")[0]
        response.charset = "utf-8"
        return response

    return [web.get("/healthz", healthz), web.get("/readyz", readyz), web.get("/metrics", metrics)]
