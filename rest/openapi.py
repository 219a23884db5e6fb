"""OpenAPI 3.1 generated from the mounted route declarations and their pydantic models,
served at GET /v1/openapi.json. Never edit the spec by hand: change the route or the model."""

from __future__ import annotations

import copy
from collections.abc import Sequence
from typing import Any

from aiohttp import web
from pydantic import BaseModel
from pydantic.json_schema import JsonSchemaMode, models_json_schema

from domain.shared.errors import ErrorCode
from rest import idempotency
from rest.deps import service_version
from rest.errors import PROBLEM_CONTENT_TYPE, STATUS_BY_CODE, Problem
from rest.openapi_polish import polish
from rest.reasons import declare_reasons
from rest.responses import dumps
from rest.routing import ROUTES, ApiRequest, Route, RouteTable, path_param_schema

OPENAPI_VERSION = "3.1.0"
REF_TEMPLATE = "#/components/schemas/{model}"
BEARER = "bearerAuth"

# Every route can answer these; a route declares only the codes its own logic raises.
# BAD_REQUEST: also what the HTTP layer answers to a request it cannot parse (see _UNPARSEABLE).
ALWAYS = (ErrorCode.BAD_REQUEST, ErrorCode.RATE_LIMITED, ErrorCode.INTERNAL_ERROR)
# aiohttp refuses a request line or header over 8 KiB (e.g. a huge query string) before any
# application code runs, with a plain-text 400: say so rather than pretend it cannot happen.
_UNPARSEABLE = {"text/plain": {"schema": {"type": "string"}}}
WITH_BODY = (
    ErrorCode.MALFORMED_JSON,
    ErrorCode.VALIDATION_FAILED,
    ErrorCode.UNSUPPORTED_MEDIA_TYPE,
    ErrorCode.PAYLOAD_TOO_LARGE,
)

# What a route that honours Idempotency-Key (rest/idempotency.py) may answer besides its own.
WITH_IDEMPOTENCY = (
    ErrorCode.IDEMPOTENCY_KEY_INVALID,
    ErrorCode.IDEMPOTENCY_KEY_REUSED,
    ErrorCode.IDEMPOTENCY_KEY_IN_PROGRESS,
    ErrorCode.IDEMPOTENCY_RESPONSE_LOST,
)
IDEMPOTENCY_PARAMETER: dict[str, Any] = {
    "name": idempotency.HEADER,
    "in": "header",
    "required": False,
    "description": (
        "A key of your choice (a UUID is fine) that makes a retry of this request safe: the first "
        "response is replayed, with `Idempotent-Replayed: true`, to you and this key for 24 hours. "
        "The same key on another request is refused (422 `idempotency_key_reused`); a duplicate "
        "sent while the first still runs waits for its response (409 `idempotency_key_in_progress` "
        "if that takes too long). See docs/idempotency.md."
    ),
    "schema": {"type": "string", "minLength": 1, "maxLength": 255, "pattern": idempotency.KEY_PATTERN},
}
REPLAYED_RESPONSE_HEADER: dict[str, Any] = {
    "description": "`true` when this is the stored response of an earlier request with the same Idempotency-Key.",
    "schema": {"type": "string", "enum": ["true"]},
}

OPENAPI_CACHE = web.AppKey("openapi_cache", dict)  # {"document": bytes}, filled on first request

routes = RouteTable(tags=("meta",))


@routes.get("/openapi.json", summary="This OpenAPI document", operation_id="get_openapi")
async def get_openapi(req: ApiRequest[None, None]) -> web.Response:
    app = req.request.app
    cache = app[OPENAPI_CACHE]
    if "document" not in cache:  # routes are fixed once the app runs: build once
        base_url = req.settings.public_base_url or None
        mounted: list[Route] = app[ROUTES]
        cache["document"] = _document_for(tuple(mounted), base_url)
    return web.Response(body=cache["document"], content_type="application/json")


# Built documents by route set and base URL: every app of a process with the same routes (the
# test suite builds hundreds of apps) shares one build, about a second of CPU. Keyed by the
# routes' identity (they are module-level declarations), which the entry keeps alive.
_BUILT: dict[tuple[tuple[int, ...], str | None], tuple[tuple[Route, ...], bytes]] = {}
_BUILT_MAX = 8


def _document_for(routes: tuple[Route, ...], base_url: str | None) -> bytes:
    key = (tuple(map(id, routes)), base_url)
    if key not in _BUILT:
        if len(_BUILT) >= _BUILT_MAX:
            _BUILT.pop(next(iter(_BUILT)))
        _BUILT[key] = (routes, dumps(build_openapi(routes, server_url=base_url)))
    return _BUILT[key][1]


def build_openapi(
    routes: Sequence[Route], *, title: str = "Fieldsync API", server_url: str | None = None,
    version: str | None = None,
) -> dict[str, Any]:
    """The document for these routes; `version` (default: the build's) and `server_url` fixed
    make it stable enough to commit (app/contracts.py)."""
    schemas: dict[str, Any] = {}
    refs = _model_schemas(routes, schemas)
    paths: dict[str, dict[str, Any]] = {}
    operation_ids: set[str] = set()
    for route in routes:
        if route.operation_id in operation_ids:
            raise ValueError(f"duplicate operation id {route.operation_id!r}: pass operation_id= to the route")
        operation_ids.add(route.operation_id)
        paths.setdefault(route.openapi_path, {})[route.method.lower()] = _operation(route, refs, schemas)
    document: dict[str, Any] = {
        "openapi": OPENAPI_VERSION,
        "info": {
            "title": title,
            "version": version or service_version(),
            "description": "Errors are RFC 9457 problem documents; branch on `code`.",
        },
        "paths": dict(sorted(paths.items())),
        "components": {
            "schemas": dict(sorted(schemas.items())),
            "securitySchemes": {BEARER: {"type": "http", "scheme": "bearer", "bearerFormat": "JWT"}},
        },
        "tags": [{"name": tag} for tag in sorted({tag for route in routes for tag in route.tags})],
    }
    if server_url:
        document["servers"] = [{"url": server_url.rstrip("/") or "/"}]
    document = copy.deepcopy(document)  # the passes edit in place; module constants stay as they are
    polish(document)
    return document


def _model_schemas(routes: Sequence[Route], schemas: dict[str, Any]) -> dict[Any, Any]:
    """One pass over every body and response model, so shared models get one component each
    (pydantic names a model used for both input and output `-Input`/`-Output` if they differ)."""
    wanted: list[tuple[type[BaseModel], JsonSchemaMode]] = [(Problem, "serialization")]
    for route in routes:
        if route.body is not None:
            wanted.append((route.body, "validation"))
        if route.response is not None:
            wanted.append((route.response, "serialization"))
    unique = list(dict.fromkeys(wanted))
    refs, top = models_json_schema(unique, ref_template=REF_TEMPLATE)
    schemas.update(top.get("$defs", {}))
    return dict(refs)  # (model, mode) -> {"$ref": ...}


def _hoist(schema: dict[str, Any], schemas: dict[str, Any]) -> dict[str, Any]:
    for name, definition in schema.pop("$defs", {}).items():
        if schemas.setdefault(name, definition) != definition:
            raise ValueError(f"two different schemas are both named {name!r}: rename one model")
    return schema


def _parameters(route: Route, schemas: dict[str, Any]) -> list[dict[str, Any]]:
    parameters: list[dict[str, Any]] = [
        {"name": name, "in": "path", "required": True, "schema": path_param_schema(name)} for name in route.path_params
    ]
    if route.idempotent:
        parameters.append(dict(IDEMPOTENCY_PARAMETER))
    if route.query is not None:
        schema = _hoist(route.query.model_json_schema(ref_template=REF_TEMPLATE), schemas)
        required = set(schema.get("required", []))
        for name, prop in schema.get("properties", {}).items():
            parameter = {"name": name, "in": "query", "required": name in required, "schema": prop}
            if "description" in prop:
                parameter["description"] = prop["description"]
            parameters.append(parameter)
    return parameters


def _operation(route: Route, refs: dict[tuple[type[BaseModel], str], Any], schemas: dict[str, Any]) -> dict[str, Any]:
    operation: dict[str, Any] = {"operationId": route.operation_id, "summary": route.summary, "tags": list(route.tags)}
    description = "\n\n".join(part for part in (route.description, _read_only_note(route)) if part)
    if description:
        operation["description"] = description
    parameters = _parameters(route, schemas)
    if parameters:
        operation["parameters"] = parameters
    if route.body is not None:
        operation["requestBody"] = {
            "required": True,
            "content": {"application/json": {"schema": refs[(route.body, "validation")]}},
        }
    # Declared on every operation, so a generated client never guesses: public ones say `[]`.
    operation["security"] = [{BEARER: []}] if route.auth else []
    operation["responses"] = {**_success(route, refs), **_errors(route, refs)}
    return operation


def _read_only_note(route: Route) -> str:
    """A PUT/PATCH that takes back its GET representation says which fields it ignores."""
    if not route.read_only:
        return ""
    fields = ", ".join(f"`{name}`" for name in sorted(route.read_only))
    return f"The body may be the representation GET returns: its read-only fields ({fields}) are ignored."


def _success(route: Route, refs: dict[tuple[type[BaseModel], str], Any]) -> dict[str, Any]:
    replayed = {"headers": {idempotency.REPLAYED_HEADER: REPLAYED_RESPONSE_HEADER}} if route.idempotent else {}
    if route.status == 204:
        return {"204": {"description": "No content.", **replayed}}
    schema = refs[(route.response, "serialization")] if route.response is not None else {"type": "object"}
    if route.media_type != "application/json":
        schema = {"type": "string"}
    content = {route.media_type: {"schema": schema},
               **{other: {"schema": {"type": "string"}} for other in route.also_media_types}}
    return {str(route.status): {"description": route.summary, "content": content, **replayed}}


def _errors(route: Route, refs: dict[tuple[type[BaseModel], str], Any]) -> dict[str, Any]:
    codes = set(route.errors) | set(ALWAYS)
    if route.auth:
        codes.add(ErrorCode.UNAUTHORIZED)
        if codes & {ErrorCode.FORBIDDEN, ErrorCode.NOT_FOUND}:
            # Where access is decided, an admin's power needs a second factor (domain/access/policy.py).
            codes.update({ErrorCode.MFA_ENROLMENT_REQUIRED, ErrorCode.MFA_REQUIRED})
    if route.body is not None:
        codes.update(WITH_BODY)
    if route.query is not None:
        codes.add(ErrorCode.VALIDATION_FAILED)
    if route.idempotent:
        codes.update(WITH_IDEMPOTENCY)
    if route.path_params:
        codes.add(ErrorCode.NOT_FOUND)  # an id naming nothing (or no UUID at all: routing.check_path)
    by_status: dict[int, list[str]] = {}
    for code in codes:
        by_status.setdefault(STATUS_BY_CODE[code], []).append(code.value)
    problem = {PROBLEM_CONTENT_TYPE: {"schema": refs[(Problem, "serialization")]}}
    responses: dict[str, Any] = {}
    for status, names in sorted(by_status.items()):
        description = "Problem; `code` is one of: " + ", ".join(sorted(names)) + "."
        response: dict[str, Any] = {"description": description, "content": problem}
        if status == 400:
            description += " A request the HTTP layer cannot parse (request line or header over 8 KiB) gets text."
            response = {"description": description, "content": {**problem, **_UNPARSEABLE}}
        if status == 429:
            response["headers"] = {
                "Retry-After": {"description": "Seconds until the limit resets.", "schema": {"type": "integer"}}
            }
        responses[str(status)] = response
    declare_reasons(route, responses)
    return responses
