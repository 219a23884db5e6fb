"""Mount the REST API on the aiohttp application."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from aiohttp import web

from domain.accounts.tokens import TokenSigner
from domain.shared.ratelimit import RateLimiter
from rest.health import ReadinessCheck, health_routes


@dataclass(frozen=True)
class RestDeps:
    settings: Any  # app.settings.Settings (typed loosely: adapters never import app/)
    signer: TokenSigner
    rate_limiter: RateLimiter
    readiness_checks: list[ReadinessCheck]


REST_DEPS = web.AppKey("rest_deps", RestDeps)


def setup_rest(app: web.Application, deps: RestDeps) -> None:
    app[REST_DEPS] = deps
    app.add_routes(health_routes(deps.readiness_checks))
