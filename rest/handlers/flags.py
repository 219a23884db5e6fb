"""The control plane (docs/flags.md): admins set and schedule flags and remote config; apps
read the capability manifest and evaluate flags through OpenFeature's remote evaluation
protocol (OFREP: `/ofrep/v1/evaluate/flags`), so an OpenFeature provider can consume them."""

from __future__ import annotations

import hashlib
from typing import Any

import orjson
from aiohttp import web

from domain.flags.rules import ClientApp, EvalContext
from domain.flags.services import FlagDraft, FlagService, ScheduleDraft
from domain.media.rules import rules_with
from domain.notifications.models import Platform
from domain.shared.errors import ConflictReason, ErrorCode
from rest.deps import service_version
from rest.handlers.meta import API_VERSION
from rest.middlewares import APP_VERSION_HEADER
from rest.routing import ApiRequest, RouteTable
from rest.schemas.flags import (
    AppVersionsOut,
    CapabilitiesOut,
    FlagIn,
    FlagOut,
    FlagScheduleIn,
    FlagScheduleOut,
    FlagSchedulesOut,
    FlagsOut,
    LimitsOut,
    MaintenanceOut,
    OfrepBulkOut,
    OfrepFlag,
    OfrepIn,
)

routes = RouteTable(tags=("flags",))
ofrep = RouteTable(prefix="/ofrep/v1", tags=("flags",))
E = ErrorCode
R = ConflictReason


def _flags(req: ApiRequest[Any, Any]) -> FlagService:
    assert req.deps.flags is not None  # wired by the composition root
    return req.deps.flags


def _client(req: ApiRequest[Any, Any], platform: str | None = None, version: str | None = None) -> ClientApp:
    told = ClientApp.parse(req.request.headers.get(APP_VERSION_HEADER), platform)
    return ClientApp(told.app, version or told.version, told.platform)


# -- admins --------------------------------------------------------------------------------------

@routes.get("/admin/flags", response=FlagsOut, auth=True, errors=(E.FORBIDDEN,),
            summary="Every flag and config value, built-in defaults included (admins)")
async def list_flags(req: ApiRequest[None, None]) -> FlagsOut:
    return FlagsOut(flags=[FlagOut.of(d) for d in await _flags(req).list_all(req.actor)])


@routes.get("/admin/flags/{key}", response=FlagOut, auth=True, errors=(E.FORBIDDEN, E.NOT_FOUND),
            summary="One flag or config value (admins)")
async def get_flag(req: ApiRequest[None, None]) -> FlagOut:
    return FlagOut.of(await _flags(req).get(req.actor, req.params["key"]))


@routes.put("/admin/flags/{key}", body=FlagIn, response=FlagOut, auth=True,
            errors=(E.FORBIDDEN, E.VALIDATION_FAILED, E.CONFLICT), reasons=(R.STALE_VERSION, R.NOT_ALLOWED),
            summary="Set a flag or config value now (admins)",
            description="Creates the flag (give its `kind`) or changes it; audited. Every process applies it and "
                        "tells its sockets (`config:changed`) once the `config` sync collection shows it.")
async def put_flag(req: ApiRequest[FlagIn, None]) -> FlagOut:
    b = req.body
    draft = FlagDraft(value=b.value, kind=b.kind, rules=b.rules, client_visible=b.client_visible,
                      description=b.description, version=b.version)
    return FlagOut.of(await _flags(req).put(req.actor, req.params["key"], draft, req.context))


@routes.post("/admin/flags/{key}/schedules", body=FlagScheduleIn, response=FlagScheduleOut, status=201, auth=True,
             errors=(E.FORBIDDEN, E.NOT_FOUND, E.VALIDATION_FAILED),
             summary="Schedule a change of a flag (admins)",
             description="Applied at `effective_at` by a background job (within FLAGS_SCHEDULE_INTERVAL_SECONDS), "
                         "once, and audited.")
async def schedule_flag(req: ApiRequest[FlagScheduleIn, None]) -> FlagScheduleOut:
    b = req.body
    view = await _flags(req).schedule(req.actor, req.params["key"],
                                      ScheduleDraft(b.effective_at, b.value, b.rules), req.context)
    return FlagScheduleOut.of(view)


@routes.get("/admin/flags/{key}/schedules", response=FlagSchedulesOut, auth=True, errors=(E.FORBIDDEN,),
            summary="A flag's scheduled changes (admins)")
async def list_schedules(req: ApiRequest[None, None]) -> FlagSchedulesOut:
    views = await _flags(req).schedules(req.actor, req.params["key"])
    return FlagSchedulesOut(schedules=[FlagScheduleOut.of(v) for v in views])


@routes.delete("/admin/flag-schedules/{schedule_id}", response=FlagScheduleOut, auth=True,
               errors=(E.FORBIDDEN, E.NOT_FOUND, E.CONFLICT), reasons=(R.INVALID_TRANSITION,),
               summary="Cancel a scheduled change before it applies (admins)")
async def cancel_schedule(req: ApiRequest[None, None]) -> FlagScheduleOut:
    return FlagScheduleOut.of(await _flags(req).cancel(req.actor, req.params["schedule_id"], req.context))


# -- apps ------------------------------------------------------------------------------------------

@routes.get("/capabilities", response=CapabilitiesOut, auth=True,
            summary="What this server offers this app: versions, features, maintenance, limits",
            description="Send `X-App-Version: <app>/<version> (<platform>)`. An app older than `app.minimum` for "
                        "its platform gets 426 `upgrade_required` (with `details.store_url`) on every call.")
async def capabilities(req: ApiRequest[None, None]) -> CapabilitiesOut:
    flags, settings = _flags(req), req.settings
    client = _client(req)
    ctx = await flags.context(req.actor, client)
    paused = flags.maintenance()
    uploads = rules_with(settings.media_max_bytes, settings.media_retention_days)
    return CapabilitiesOut(
        api_version=API_VERSION, server_version=service_version(), config_version=flags.config_version,
        app=AppVersionsOut(minimum=flags.minimum_versions(), store_urls=flags.store_urls(), yours=client.version,
                           platform=Platform(client.platform) if client.platform in set(Platform) else None),
        features={e.key: e.value for e in flags.evaluate_all(ctx)},
        maintenance=MaintenanceOut(active=paused is not None, retry_after=paused.retry_after if paused else None,
                                   message=paused.message if paused else ""),
        limits=LimitsOut(max_body_bytes=settings.max_body_bytes,
                         upload_max_bytes={kind.value: rule.max_bytes for kind, rule in uploads.items()},
                         rate_limit_per_minute=settings.rate_limit_per_minute,
                         auth_rate_limit_per_minute=settings.auth_rate_limit_per_minute,
                         socket_events_per_second=settings.socket_event_rate_per_second,
                         socket_event_burst=settings.socket_event_burst,
                         socket_max_event_bytes=settings.socket_max_event_bytes))


async def _ofrep_context(req: ApiRequest[OfrepIn, None]) -> EvalContext:
    sent = req.body.context
    return await _flags(req).context(req.actor, _client(req, sent.platform, sent.appVersion))


@ofrep.post("/evaluate/flags", body=OfrepIn, response=OfrepBulkOut, auth=True, idempotent=False,
            errors=(E.VALIDATION_FAILED,), operation_id="ofrep_evaluate_flags",
            summary="Evaluate every client-visible flag for you (OpenFeature OFREP bulk)",
            description="OFREP's bulk evaluation: `{context}` in, `{flags: [{key, value, reason, variant, metadata}]}` "
                        "out, with an `ETag`; `If-None-Match` with it answers 304 while nothing changed for you.")
async def ofrep_bulk(req: ApiRequest[OfrepIn, None]) -> web.StreamResponse:
    flags = _flags(req)
    result = OfrepBulkOut(flags=[OfrepFlag.of(e) for e in flags.evaluate_all(await _ofrep_context(req))],
                          metadata={"version": flags.config_version})
    body = orjson.dumps(result.model_dump(mode="json"))
    etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
    if req.request.headers.get("If-None-Match") == etag:
        return web.Response(status=304, headers={"ETag": etag})
    return web.Response(body=body, content_type="application/json", headers={"ETag": etag})


@ofrep.post("/evaluate/flags/{key}", body=OfrepIn, response=OfrepFlag, auth=True, idempotent=False,
            errors=(E.VALIDATION_FAILED, E.NOT_FOUND), operation_id="ofrep_evaluate_flag",
            summary="Evaluate one flag for you (OpenFeature OFREP)",
            description="404 for a key that does not exist or is not client-visible, with OFREP's "
                        "`{key, errorCode: FLAG_NOT_FOUND, errorDetails}` body.")
async def ofrep_one(req: ApiRequest[OfrepIn, None]) -> web.StreamResponse | OfrepFlag:
    key = req.params["key"]
    evaluation = _flags(req).evaluate(key, await _ofrep_context(req))
    if evaluation is None:
        return web.json_response({"key": key, "errorCode": "FLAG_NOT_FOUND", "errorDetails": "No such flag."},
                                 status=404)
    return OfrepFlag.of(evaluation)
