"""The HTTP shell around every handler, outermost first:

1. request context: request id, structlog binding, one log line (user id, app version) and
   metrics per request; Socket.IO long-polls, probes and scrapes log at debug;
2. problems: every error becomes an RFC 9457 document (rest/errors.py);
3. CORS preflight (allowlist from settings);
3b. the web cookie mode's CSRF and Origin guard (rest/webauth.py);
4. the control plane (docs/flags.md): an app older than its platform's minimum gets 426
   `upgrade_required` on every call; in maintenance mode writes get 503 `maintenance`;
5. rate limiting per client address, or per user for authenticated requests (with Redis, the
   budgets and the token's revocation markers in one round trip: infra/request_gate.py);
6. early 413 by Content-Length.

Steps 3 to 6 run in that order in one middleware (`guard_middleware`): a websocket request's
handler stays suspended inside every middleware for the socket's whole life, so each
middleware frame is memory held per socket.

Response headers (request id, security, CORS) are set in `on_response_prepare`, so they land
on every response, errors and websocket handshakes included.
"""

from __future__ import annotations

import asyncio
import logging
import os
import re
import time
from collections.abc import Awaitable, Callable
from typing import Any

import structlog
from aiohttp import web

from domain.accounts.tokens import AccessClaims
from domain.flags.rules import ClientApp
from domain.shared.clientaddr import Network, client_address
from domain.shared.errors import DomainError, ErrorCode, Forbidden, RateLimited
from domain.shared.ratelimit import address_key
from rest import webauth
from rest.deps import ACTOR, REQUEST_ID, REVOCATION_READ, RestDeps
from rest.errors import HttpProblem, problem_middleware
from rest.metrics import observe, route_label

log = structlog.get_logger("rest.access")
_access_log = logging.getLogger("rest.access")

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]
Middleware = Callable[[web.Request, Handler], Awaitable[web.StreamResponse]]

REQUEST_ID_HEADER = "X-Request-ID"
# The app's version as the mobile apps send it; clients that do not send it are known by User-Agent.
APP_VERSION_HEADER = "X-App-Version"
MAX_APP_VERSION_CHARS = 120
_SANE_REQUEST_ID = re.compile(r"[A-Za-z0-9._-]{1,128}")

# Probes and scrapes: never rate limited, logged at debug (they arrive every few seconds).
OPERATIONAL_PATHS = frozenset({"/healthz", "/readyz", "/metrics"})
RATE_WINDOW_SECONDS = 60
# Engine.IO answers CORS for its own endpoint; a second Access-Control-Allow-Origin breaks browsers.
SOCKETIO_PREFIX = "/socket.io/"

CORS_ALLOW_METHODS = "GET, POST, PUT, PATCH, DELETE, OPTIONS"
CORS_ALLOW_HEADERS = "Authorization, Content-Type, X-Request-ID, Idempotency-Key, X-App-Version, X-CSRF-Token"
CORS_EXPOSE_HEADERS = "X-Request-ID, Retry-After, Idempotent-Replayed, ETag"
CORS_MAX_AGE_SECONDS = "600"

SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    # An API serves no documents: nothing may load, nothing may frame it.
    "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
}
HSTS = "max-age=31536000; includeSubDomains"


def request_id_of(request: web.Request) -> str:
    return str(request.get(REQUEST_ID, ""))


def _pick_request_id(request: web.Request) -> str:
    incoming = request.headers.get(REQUEST_ID_HEADER, "")
    # A client-chosen id is echoed only if harmless in logs and headers; otherwise we mint one.
    if _SANE_REQUEST_ID.fullmatch(incoming):
        return incoming
    return os.urandom(16).hex()  # 32 hex digits, as uuid4().hex, without building a UUID


def app_version(request: web.Request) -> str | None:
    """What the client says it is: `X-App-Version`, else its User-Agent (trimmed: it is logged)."""
    value = request.headers.get(APP_VERSION_HEADER) or request.headers.get("User-Agent")
    return value[:MAX_APP_VERSION_CHARS] if value else None


def _is_debug_line(request: web.Request) -> bool:
    """Probes, scrapes and Socket.IO long-polls (one request per packet) log at debug."""
    if request.path in OPERATIONAL_PATHS:
        return True
    return request.path.startswith(SOCKETIO_PREFIX) and request.query.get("transport") == "polling"


def begin_request(request: web.Request) -> Any:
    """A request's scope opens: its id, on the request and bound to the log context. Returns
    what `end_request` needs to undo the binding."""
    request_id = _pick_request_id(request)
    request[REQUEST_ID] = request_id
    # Bound and reset by token rather than with `bound_contextvars`: a websocket request stays
    # here for the socket's whole life, and a context manager's generator would stay with it.
    return structlog.contextvars.bind_contextvars(request_id=request_id)


def end_request(request: web.Request, bound: Any, status: int, elapsed: float) -> None:
    """A request's scope closes: its metrics, its log line, the log context as it was."""
    # A websocket "request" lasts as long as the socket: count it, keep it out of latency.
    observe(request, status, elapsed, timed=status != 101)
    level = logging.DEBUG if _is_debug_line(request) else logging.INFO
    if _access_log.isEnabledFor(level):  # the line below the level costs nothing (a handshake's at WARNING)
        actor = request.get(ACTOR)
        (log.debug if level == logging.DEBUG else log.info)(  # the route's pattern, never the path:
            "request",                                          # paths carry secrets (DELETE /v1/devices/{token})
            method=request.method,
            route=route_label(request),
            status=status,
            duration_ms=round(elapsed * 1000, 2),
            user_id=actor.user_id if actor is not None else None,
            app_version=app_version(request),
        )
    # Bound by authentication (rest/auth.py): it must not outlive the request on a kept-alive connection.
    structlog.contextvars.unbind_contextvars("user_id")
    structlog.contextvars.reset_contextvars(**bound)


@web.middleware
async def request_context_middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
    bound = begin_request(request)
    started = time.perf_counter()
    status = 500
    try:
        response = await handler(request)
        status = response.status
        return response
    except web.HTTPException as exc:  # only redirects get past the problem middleware
        status = exc.status
        raise
    except asyncio.CancelledError:
        status = 499  # the client went away first (nginx's convention)
        raise
    finally:
        end_request(request, bound, status, time.perf_counter() - started)


def client_ip(request: web.Request, proxies: tuple[Network, ...]) -> str:
    """The client's address: X-Forwarded-For is read only when the peer is one of our proxies."""
    return client_address(request.remote, request.headers.get("X-Forwarded-For"), proxies)


class _Cors:
    def __init__(self, origins: list[str]) -> None:
        self.any_origin = "*" in origins
        self.origins = frozenset(origins)

    def allows(self, origin: str) -> bool:
        return self.any_origin or origin in self.origins


Guard = Callable[[web.Request], web.StreamResponse | None]


def cors_preflight(deps: RestDeps) -> Guard:
    """Answers a CORS preflight (204, or 403 for an origin not allowed); None for any other request."""
    cors = _Cors(list(deps.settings.cors_origins))
    web_origins = webauth.allowed_origins(deps.settings)

    def answer(request: web.Request) -> web.StreamResponse | None:
        origin = request.headers.get("Origin")
        is_preflight = (
            request.method == "OPTIONS" and origin and "Access-Control-Request-Method" in request.headers
        )
        if not is_preflight or request.path.startswith(SOCKETIO_PREFIX):
            return None
        assert origin is not None
        if not cors.allows(origin):
            raise Forbidden("This origin is not allowed to call the API.")
        headers = {
            "Access-Control-Allow-Origin": origin,
            "Access-Control-Allow-Methods": CORS_ALLOW_METHODS,
            "Access-Control-Allow-Headers": CORS_ALLOW_HEADERS,
            "Access-Control-Max-Age": CORS_MAX_AGE_SECONDS,
        }
        if origin in web_origins:  # the web cookie mode: the browser may send its cookies
            headers["Access-Control-Allow-Credentials"] = "true"
        return web.Response(status=204, headers=headers)

    return answer


WRITE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
# Writes that go on in maintenance mode: signing in and out, turning maintenance off again,
# and the POSTs that only read (a sync pull, a flag evaluation, a quote).
MAINTENANCE_EXEMPT_PREFIXES = ("/v1/auth/", "/v1/admin/flag", "/v1/sync/pull", "/ofrep/", "/v1/quotes")
# Answered whatever the app's version: probes, the API's description, and the socket handshake
# (which refuses an old app itself, with a `connect_error` the client library understands).
UPGRADE_EXEMPT_PREFIXES = ("/v1/openapi.json", "/v1/docs", SOCKETIO_PREFIX)


def control_check(deps: RestDeps) -> Callable[[web.Request], None]:
    """Old apps and maintenance mode, from the flags this process holds (no query per request)."""
    flags = deps.flags

    def check(request: web.Request) -> None:
        if flags is None or request.path in OPERATIONAL_PATHS:
            return
        header = request.headers.get(APP_VERSION_HEADER)
        if header and not request.path.startswith(UPGRADE_EXEMPT_PREFIXES) and (
                refusal := flags.upgrade_required(ClientApp.parse(header))) is not None:
            raise refusal
        if request.method in WRITE_METHODS and not request.path.startswith(MAINTENANCE_EXEMPT_PREFIXES) and (
                paused := flags.maintenance()) is not None:
            raise paused

    return check


def rate_limit_check(deps: RestDeps) -> Callable[[web.Request], Awaitable[None]]:
    """Anonymous requests: a budget per client address. Authenticated ones: a budget per user
    and, for all users behind one address together (a carrier's NAT), a higher ceiling, so
    mobile users sharing an address do not eat each other's budget. IPv6 counts per /64."""
    limit = int(deps.settings.rate_limit_per_minute)
    ceiling = int(getattr(deps.settings, "ip_ceiling_per_minute", 10 * limit))
    proxies = getattr(deps.settings, "proxy_networks", ())

    gate = deps.gate

    async def check(request: web.Request) -> None:
        address = address_key(client_ip(request, proxies))
        token = _token_claims(request, deps)
        budgets = [("http:" + address, limit)] if token is None else [
            ("http-user:" + token[1].user_id, limit), ("http-ip:" + address, ceiling)]
        try:  # in order, the first over its limit ends it: one Redis round trip for both
            if gate is None:
                retry_after = await deps.rate_limiter.hit_all(budgets, RATE_WINDOW_SECONDS)
            else:  # and the token's revocation markers in the same one (authenticate uses the verdict)
                retry_after, revoked = await gate.admit(budgets, RATE_WINDOW_SECONDS,
                                                        token[1] if token is not None else None)
                if token is not None and revoked is not None:
                    request[REVOCATION_READ] = (token[0], revoked)
        except Exception as exc:
            # Fail open: a limiter outage shows in /readyz; it must not take the API down.
            log.warning("rate_limiter_unavailable", error=f"{type(exc).__name__}: {exc}")
            retry_after = None
        if retry_after is not None:
            raise RateLimited(retry_after)

    return check


def rate_limited_path(path: str) -> bool:
    """Probes and scrapes are never limited; Socket.IO long-polling makes a request per packet,
    sockets get their own per-socket limits, and counting polls here would lock out whole NATs
    of mobile clients."""
    return not (path in OPERATIONAL_PATHS or path.startswith(SOCKETIO_PREFIX))


def _token_claims(request: web.Request, deps: RestDeps) -> tuple[str, AccessClaims] | None:
    """The valid access token the request carries and its claims (signature and expiry only:
    revocation is authentication's business); None for anonymous requests and tokens that do
    not verify."""
    scheme, _, token = request.headers.get("Authorization", "").strip().partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return None
    try:
        return token.strip(), deps.signer.verify_access(token.strip())
    except DomainError:
        return None


def body_limit_check(deps: RestDeps) -> Callable[[web.Request], None]:
    max_bytes = int(deps.settings.max_body_bytes)

    def check(request: web.Request) -> None:
        # Refuse before reading a byte; chunked bodies are capped by client_max_size on read.
        if request.content_length is not None and request.content_length > max_bytes:
            raise HttpProblem(ErrorCode.PAYLOAD_TOO_LARGE, f"The request body exceeds {max_bytes} bytes.")

    return check


def guard_middleware(deps: RestDeps) -> Middleware:
    """Steps 3 to 6 of the module's list, in that order, in one middleware: each step only
    answers, refuses or lets the request through, and a websocket request waits in every
    middleware's frame for the socket's whole life (one frame here, not five)."""
    preflight = cors_preflight(deps)
    csrf = webauth.csrf_check(deps)
    control = control_check(deps)
    rate_limit = rate_limit_check(deps)
    body_limit = body_limit_check(deps)

    @web.middleware
    async def middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
        answer = preflight(request)
        if answer is not None:
            return answer
        csrf(request)
        control(request)
        if rate_limited_path(request.path):
            await rate_limit(request)
        body_limit(request)
        return await handler(request)

    return middleware


def response_headers(deps: RestDeps) -> Callable[[web.Request, web.StreamResponse], Awaitable[None]]:
    cors = _Cors(list(deps.settings.cors_origins))
    web_origins = webauth.allowed_origins(deps.settings)
    production = deps.settings.app_env == "production"

    async def on_response_prepare(request: web.Request, response: web.StreamResponse) -> None:
        headers = response.headers
        headers[REQUEST_ID_HEADER] = request_id_of(request) or _pick_request_id(request)
        for name, value in SECURITY_HEADERS.items():
            headers.setdefault(name, value)
        if production:
            headers["Strict-Transport-Security"] = HSTS
        if request.path == "/v1" or request.path.startswith("/v1/"):
            headers.setdefault("Cache-Control", "no-store")
        origin = request.headers.get("Origin")
        if origin and not request.path.startswith(SOCKETIO_PREFIX):
            headers.add("Vary", "Origin")
            if cors.allows(origin):
                headers["Access-Control-Allow-Origin"] = origin
                headers["Access-Control-Expose-Headers"] = CORS_EXPOSE_HEADERS
                if origin in web_origins:  # the web cookie mode: the browser may send its cookies
                    headers["Access-Control-Allow-Credentials"] = "true"

    return on_response_prepare


def install(app: web.Application, deps: RestDeps) -> None:
    """Add the middlewares in order (outermost first) and the response-header hook."""
    middlewares: list[Any] = [request_context_middleware, problem_middleware, guard_middleware(deps)]
    app.middlewares.extend(middlewares)
    app.on_response_prepare.append(response_headers(deps))
