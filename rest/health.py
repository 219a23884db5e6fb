"""Liveness, readiness and metrics endpoints (outside /v1: operators, not clients).

- `/healthz`: liveness, the process answers (nothing else is checked).
- `/readyz`: routing readiness, 200 while the database answers. Redis and Kafka are reported
  under `dependencies` and metered (`fieldsync_dependency_up`), never fatal: without Redis the
  process serves with in-process fallbacks, without Kafka the outbox keeps the events.
  The public answer names what fails; the raw errors only go to a peer on this host that is
  not one of our proxies (an operator's curl), never through the proxy to the internet.
- `/metrics`: Prometheus; the proxy refuses it from outside (docker/haproxy.cfg).
"""

from __future__ import annotations

import asyncio
import ipaddress
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from aiohttp import web
from prometheus_client import CONTENT_TYPE_LATEST, REGISTRY, generate_latest

from domain.shared.clientaddr import Network, is_trusted
from infra.dependencies import DEPENDENCY_UP
from rest.metrics import READY
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


def _may_see_details(request: web.Request, proxies: tuple[Network, ...]) -> bool:
    try:
        loopback = ipaddress.ip_address(request.remote or "").is_loopback
    except ValueError:
        return False
    return loopback and not is_trusted(request.remote, proxies)


def health_routes(
    checks: list[ReadinessCheck],
    dependencies: list[ReadinessCheck] | None = None,
    proxies: tuple[Network, ...] = (),
    timeout: float = 2.0,
) -> list[web.RouteDef]:
    dependencies = dependencies if dependencies is not None else []

    async def healthz(_request: web.Request) -> web.Response:
        return json_response({"status": "ok"})

    async def readyz(request: web.Request) -> web.Response:
        results = await asyncio.gather(*(_run(check, timeout) for check in [*checks, *dependencies]))
        errors = dict(zip([check.name for check in [*checks, *dependencies]], results, strict=True))
        failing = [check.name for check in checks if errors[check.name]]
        READY.set(0 if failing else 1)
        for check in dependencies:
            DEPENDENCY_UP.labels(check.name).set(0 if errors[check.name] else 1)
        body: dict[str, Any] = {
            "status": "ok" if not failing else "unavailable",
            "checks": {check.name: "failing" if errors[check.name] else "ok" for check in checks},
        }
        if dependencies:
            body["dependencies"] = {check.name: "down" if errors[check.name] else "ok" for check in dependencies}
            body["degraded"] = any(errors[check.name] for check in dependencies)
        if _may_see_details(request, proxies) and any(errors.values()):
            body["details"] = {name: error for name, error in errors.items() if error}
        return json_response(body, status=503 if failing else 200)

    async def metrics(_request: web.Request) -> web.Response:
        response = web.Response(body=generate_latest(REGISTRY))
        response.content_type = CONTENT_TYPE_LATEST.split(";")[0]
        response.charset = "utf-8"
        return response

    return [web.get("/healthz", healthz), web.get("/readyz", readyz), web.get("/metrics", metrics)]
