"""Mount the REST API on the aiohttp application."""

from __future__ import annotations

from aiohttp import web

from rest import middlewares, openapi
from rest.deps import REST_DEPS, RestDeps
from rest.docs_page import docs_routes
from rest.handlers import (
    admin,
    availability,
    bookings,
    catalog,
    consent,
    dashboards,
    disputes,
    feed,
    files,
    finance,
    flags,
    identity,
    jobs,
    matching,
    media,
    messaging,
    meta,
    notifications,
    orgs,
    payments,
    payouts,
    pricing,
    privacy,
    privacy_exports,
    profiles,
    reviews,
    safety,
    security,
    storefronts,
    sync,
    verification,
    webhooks,
    zones,
)
from rest.health import health_routes
from rest.routing import RouteTable

# Every /v1 route module's table; a new bounded context adds its handlers module here.
ROUTE_TABLES: tuple[RouteTable, ...] = (
    meta.routes, openapi.routes, identity.routes, security.routes, admin.routes, orgs.routes,
    catalog.routes, storefronts.routes, availability.routes,
    zones.routes, profiles.routes, matching.routes,
    bookings.routes, jobs.routes, reviews.routes,
    messaging.routes, sync.routes,
    feed.routes,
    notifications.routes,
    consent.routes,
    payments.routes,
    payouts.routes,
    disputes.routes,
    verification.routes,
    safety.routes,
    privacy.routes,
    pricing.routes,
    finance.routes,
    webhooks.routes,
    media.routes, files.routes,
    privacy_exports.routes,
    flags.routes, flags.ofrep,
    dashboards.routes,
)

__all__ = ["REST_DEPS", "ROUTE_TABLES", "RestDeps", "setup_rest"]


def setup_rest(app: web.Application, deps: RestDeps) -> None:
    app[REST_DEPS] = deps
    app[openapi.OPENAPI_CACHE] = {}
    middlewares.install(app, deps)
    app.add_routes(health_routes(deps.readiness_checks, deps.dependency_checks,
                                 getattr(deps.settings, "proxy_networks", ())))
    app.add_routes(docs_routes())
    for table in ROUTE_TABLES:
        table.mount(app)
