"""A small declarative route layer: a route states its models, status, auth and error codes,
the wrapper parses and validates input and serializes output, and OpenAPI is generated
from the same declarations (rest/openapi.py), so the spec cannot drift from the code.

    routes = RouteTable(tags=("jobs",))

    @routes.post("/jobs", body=CreateJob, response=JobOut, status=201, auth=True,
                 errors=(ErrorCode.CONFLICT,), reasons=(ConflictReason.DUPLICATE,), summary="Create a job")
    async def create_job(req: ApiRequest[CreateJob, None]) -> JobOut:
        return JobOut.of(await jobs.create(req.user.user_id, req.body))

Every authenticated POST honours the Idempotency-Key header (rest/idempotency.py) unless it is
declared with `idempotent=False`; nothing else is needed, OpenAPI documents it by itself.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Awaitable, Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar, get_origin
from uuid import UUID

import orjson
from aiohttp import web
from pydantic import BaseModel, ValidationError

from domain.shared.context import Actor, RequestContext
from domain.shared.errors import ConflictReason, ErrorCode, NotFound, Unauthorized, ValidationFailed
from domain.shared.inputs import (
    MAX_LISTED,
    capped,
    is_depth_error,
    json_problems,
    raw_json_problems,
    schema_allows_big_ints,
    too_deep,
    too_many_errors,
    unstorable,
)
from rest import idempotency
from rest.auth import authenticate, request_context
from rest.deps import RestDeps, deps_of
from rest.errors import HttpProblem, field_errors

B = TypeVar("B")
Q = TypeVar("Q")
M = TypeVar("M", bound=BaseModel)

RouteHandler = Callable[["ApiRequest[Any, Any]"], Awaitable[Any]]
H = TypeVar("H", bound=RouteHandler)

API_PREFIX = "/v1"
_PATH_PARAM = re.compile(r"\{(\w+)(?::[^{}]*)?\}")
# An identifier in a path is named `<thing>_id` and is a UUID, except the taxonomy's slugs.
ID_SUFFIX = "_id"
SLUG_IDS = frozenset({"category_id"})  # "plumbing.leak-repair"


def is_uuid_param(name: str) -> bool:
    return name.endswith(ID_SUFFIX) and name not in SLUG_IDS


def path_param_schema(name: str) -> dict[str, Any]:
    """The JSON schema of a path parameter, by naming convention (see check_path)."""
    if is_uuid_param(name):
        return {"type": "string", "format": "uuid"}
    if name == "date":
        return {"type": "string", "format": "date"}
    return {"type": "string"}


@dataclass(frozen=True)
class ApiRequest(Generic[B, Q]):
    """What a handler receives: input already validated, caller already authenticated."""

    request: web.Request
    deps: RestDeps
    body: B
    query: Q
    caller: Actor | None

    @property
    def actor(self) -> Actor:
        """The authenticated caller (routes declared with auth=True always have one)."""
        if self.caller is None:
            raise Unauthorized()
        return self.caller

    @property
    def context(self) -> RequestContext:
        return request_context(self.request)

    @property
    def params(self) -> Mapping[str, str]:
        return self.request.match_info

    @property
    def settings(self) -> Any:
        return self.deps.settings


@dataclass(frozen=True)
class Route:
    method: str
    path: str  # aiohttp template, full path ("/v1/jobs/{job_id}")
    handler: RouteHandler
    summary: str
    status: int = 200
    body: type[BaseModel] | None = None
    query: type[BaseModel] | None = None
    response: type[BaseModel] | None = None
    auth: bool = False
    errors: tuple[ErrorCode, ...] = ()
    # The `details.reason`s its 409 `conflict` can carry (docs/errors.md); required with CONFLICT.
    reasons: tuple[ConflictReason, ...] = ()
    tags: tuple[str, ...] = ()
    description: str | None = None
    operation_id: str = ""
    idempotent: bool = False  # honours the Idempotency-Key header (rest/idempotency.py)
    # A required body field by which the use case itself never runs twice (a message's
    # client_msg_id): the Idempotency-Key's answer is still recorded and replayed, but the
    # handler's commit is not fenced, so its write may join a group commit (rest/idempotency.py).
    deduplicated_by: str | None = None
    media_type: str = "application/json"  # of the success body; another (text/csv) is a string
    # Other media types the same success may come in (negotiated by the handler), each a string.
    also_media_types: tuple[str, ...] = ()
    # PUT/PATCH: fields of the GET representation of the same path that this body does not take
    # (ids, timestamps, computed values): accepted and ignored, so a GET body can be sent back.
    read_only: frozenset[str] = frozenset()

    @property
    def path_params(self) -> list[str]:
        return _PATH_PARAM.findall(self.path)

    @property
    def openapi_path(self) -> str:
        return _PATH_PARAM.sub(lambda match: "{" + match.group(1) + "}", self.path)


# Everything mounted on an app, for its OpenAPI document.
ROUTES = web.AppKey("rest_routes", list[Route])


class RouteTable:
    """Routes of one module; `mount` adds them to an application."""

    def __init__(self, *, prefix: str = API_PREFIX, tags: Sequence[str] = ()) -> None:
        self.prefix = prefix
        self.tags = tuple(tags)
        self.routes: list[Route] = []

    def __iter__(self) -> Iterator[Route]:
        return iter(self.routes)

    def route(
        self,
        method: str,
        path: str,
        *,
        summary: str,
        response: type[BaseModel] | None = None,
        status: int = 200,
        body: type[BaseModel] | None = None,
        query: type[BaseModel] | None = None,
        auth: bool = False,
        errors: Sequence[ErrorCode] = (),
        reasons: Sequence[ConflictReason] = (),
        tags: Sequence[str] | None = None,
        description: str | None = None,
        operation_id: str | None = None,
        idempotent: bool | None = None,
        deduplicated_by: str | None = None,
        media_type: str = "application/json",
        also_media_types: Sequence[str] = (),
    ) -> Callable[[H], H]:
        """`idempotent`: whether the route honours Idempotency-Key; by default every
        authenticated POST does (a route that only reads, or has its own ids, says False).
        `deduplicated_by`: the required body field that makes the use case idempotent by itself."""
        if idempotent is None:
            idempotent = method.upper() == "POST" and auth
        if idempotent and not auth:
            raise ValueError(f"{method} {path}: Idempotency-Key is scoped per user, the route needs auth=True")
        dedup_field = body.model_fields.get(deduplicated_by) if body is not None and deduplicated_by else None
        if deduplicated_by is not None and (not idempotent or dedup_field is None or not dedup_field.is_required()):
            raise ValueError(f"{method} {path}: deduplicated_by names a required field of an idempotent route's body")

        def register(handler: H) -> H:
            self.routes.append(
                Route(
                    method=method.upper(),
                    path=self.prefix + path,
                    handler=handler,
                    summary=summary,
                    status=status,
                    body=body,
                    query=query,
                    response=response,
                    auth=auth,
                    errors=tuple(errors),
                    reasons=tuple(dict.fromkeys(reasons)),
                    tags=tuple(tags) if tags is not None else self.tags,
                    description=description or (handler.__doc__ or "").strip() or None,
                    operation_id=operation_id or handler.__name__,
                    idempotent=idempotent,
                    deduplicated_by=deduplicated_by,
                    media_type=media_type,
                    also_media_types=tuple(also_media_types),
                )
            )
            self.routes = with_read_only(self.routes)
            return handler

        return register

    def get(self, path: str, **options: Any) -> Callable[[H], H]:
        return self.route("GET", path, **options)

    def post(self, path: str, **options: Any) -> Callable[[H], H]:
        return self.route("POST", path, **options)

    def put(self, path: str, **options: Any) -> Callable[[H], H]:
        return self.route("PUT", path, **options)

    def patch(self, path: str, **options: Any) -> Callable[[H], H]:
        return self.route("PATCH", path, **options)

    def delete(self, path: str, **options: Any) -> Callable[[H], H]:
        return self.route("DELETE", path, **options)

    def mount(self, app: web.Application) -> None:
        mounted = app.setdefault(ROUTES, [])
        for route in self.routes:
            if route.method == "GET":
                app.router.add_get(route.path, endpoint(route))  # HEAD comes with GET
            else:
                app.router.add_route(route.method, route.path, endpoint(route))
            mounted.append(route)


def endpoint(route: Route) -> Callable[[web.Request], Awaitable[web.StreamResponse]]:
    """The aiohttp handler for a route: authenticate, parse, call, serialize."""

    async def handle(request: web.Request) -> web.StreamResponse:
        caller = await authenticate(request) if route.auth else None
        key = idempotency.key_of(request) if route.idempotent else None
        check_path(request, route)
        body = await parse_body(request, route.body, route.read_only) if route.body is not None else None
        query = parse_query(request, route.query) if route.query is not None else None
        deps = deps_of(request)

        async def call() -> web.StreamResponse:
            return render(route, await route.handler(ApiRequest(request, deps, body, query, caller)))

        if key is None or caller is None:
            return await call()
        # Only now, with the input valid: a request refused before its handler wrote nothing.
        return await idempotency.run(
            request, scope=f"user:{caller.user_id}", key=key, route=f"{route.method} {route.path}",
            fingerprint=idempotency.fingerprint(request, body, query), call=call,
            policy=idempotency.Policy.of(deps.settings), fenced=route.deduplicated_by is None)

    handle.__name__ = route.operation_id
    return handle


def check_path(request: web.Request, route: Route) -> None:
    """A path id that is no UUID names nothing: 404 here, before any handler or query sees it
    (a malformed id must never reach the database as a driver error)."""
    for name in route.path_params:
        if is_uuid_param(name):
            try:
                UUID(request.match_info[name])
            except ValueError:
                raise NotFound() from None


@functools.cache
def may_hold_big_ints(model: type[BaseModel]) -> bool:
    """Whether lax parsing could give this model an integer beyond BIGINT: only then is a
    parsed model walked again (every input model bounds its integers today, and walking a 1 MB
    model costs more than everything else a request does with it)."""
    try:
        return schema_allows_big_ints(model.model_json_schema())
    except Exception:  # no schema, no proof: walk
        return True


def model_problems(exc: ValidationError, location: str) -> list[dict[str, Any]]:
    """pydantic's errors as field errors, at most MAX_REPORTED of them; past MAX_LISTED only
    their number (converting them is what costs, not finding them)."""
    count = exc.error_count()
    if count > MAX_LISTED:
        return [too_many_errors(location, count)]
    return capped(field_errors(exc, location), location)


def _is_json(request: web.Request) -> bool:
    mimetype = request.content_type
    charset = (request.charset or "utf-8").lower()
    return (mimetype == "application/json" or mimetype.endswith("+json")) and charset in ("utf-8", "utf8")


def with_read_only(routes: list[Route]) -> list[Route]:
    """Each PUT/PATCH route told which fields of its path's GET representation it ignores."""
    shown = {route.path: route.response for route in routes if route.method == "GET" and route.response}
    updated = []
    for route in routes:
        if route.method in ("PUT", "PATCH") and route.body is not None and route.path in shown:
            representation = shown[route.path]
            assert representation is not None
            taken = {field.alias or name for name, field in route.body.model_fields.items()}
            route = dataclasses.replace(route, read_only=frozenset(
                (field.alias or name) for name, field in representation.model_fields.items()) - taken)
        updated.append(route)
    return updated


async def parse_body(request: web.Request, model: type[M], read_only: frozenset[str] = frozenset()) -> M:
    """JSON body -> model: 415 for another media type, 400 for broken JSON, 422 for bad fields.
    `read_only` fields (what a GET shows but a write does not take) are dropped first."""
    if not _is_json(request):
        raise HttpProblem(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "The request body must be application/json (UTF-8).")
    raw = await request.read()  # aiohttp enforces client_max_size here (413)
    if errors := raw_json_problems(raw, "body"):  # before parsing: parsing is what costs
        raise ValidationFailed(errors=errors)
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        if is_depth_error(exc):
            raise ValidationFailed(errors=[too_deep("body")]) from None
        raise HttpProblem(ErrorCode.MALFORMED_JSON, "The request body is not valid JSON.") from None
    if errors := json_problems(data, raw, "body"):
        raise ValidationFailed(errors=errors)
    if read_only and isinstance(data, dict):
        data = {key: value for key, value in data.items() if key not in read_only}
    try:
        parsed = model.model_validate(data)
    except ValidationError as exc:
        raise ValidationFailed(errors=model_problems(exc, "body")) from None
    # Lax parsing may have made a number of a string.
    if may_hold_big_ints(model) and (errors := unstorable(parsed, "body")):
        raise ValidationFailed(errors=errors)
    return parsed


def parse_query(request: web.Request, model: type[M]) -> M:
    """Query string -> model; a field typed as a list collects every repeated value."""
    data: dict[str, Any] = {}
    for name, field in model.model_fields.items():
        key = field.alias or name
        if key not in request.query:
            continue
        if get_origin(field.annotation) in (list, tuple, set, frozenset):
            data[key] = request.query.getall(key)
        else:
            data[key] = request.query[key]
    if errors := unstorable(data, "query"):
        raise ValidationFailed(errors=errors)
    try:
        parsed = model.model_validate(data)
    except ValidationError as exc:
        raise ValidationFailed(errors=model_problems(exc, "query")) from None
    if may_hold_big_ints(model) and (errors := unstorable(parsed, "query")):  # the strings are numbers now
        raise ValidationFailed(errors=errors)
    return parsed


def render(route: Route, result: Any) -> web.StreamResponse:
    """Handler result -> response: a response passes through, a model (or dict) is checked
    against the declared response model and serialized with orjson."""
    if isinstance(result, web.StreamResponse):
        return result
    if result is None:
        return web.Response(status=route.status)
    if route.response is not None and not isinstance(result, route.response):
        result = route.response.model_validate(result)  # a mismatch is our bug: a 500, never a bad body
    if not isinstance(result, BaseModel):
        raise TypeError(f"{route.operation_id} returned {type(result).__name__}, not a response model")
    body = orjson.dumps(result.model_dump(mode="json", by_alias=True))
    return web.Response(body=body, status=route.status, content_type="application/json")
