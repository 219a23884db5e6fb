"""The one base class of every namespace: authenticate on connect, then dispatch client
events through a single `trigger_event` that validates, calls, acks and maps errors.

A client event `message:send` is handled by `async def on_message_send(self, sid, payload: Model)`
(`:` and `-` become `_`). The payload parameter's annotation is validated with pydantic; a
handler without a payload parameter ignores what the client sent. The handler's return value
becomes `{"ok": true, "data": ...}`; errors become `{"ok": false, "error": {...}}` (acks.py).

Before validation every event passes this socket's token bucket for that event
(`SOCKET_EVENT_RATE_PER_SECOND` / `SOCKET_EVENT_BURST`, or the namespace's `RATE_LIMITS`
entry for it); an empty bucket is answered `rate_limited` with `details.retry_after`. Events
over `SOCKET_MAX_EVENT_BYTES` never get here (realtime/sio.py answers `payload_too_large`).
Every socket also counts for its user's presence (realtime/presence_tracker.py).

A socket's authority lasts as long as its access token: `auth:refresh {token}` (any
namespace, for that socket) swaps in a newer token of the same user and moves the deadline;
at the deadline the server sends `auth:expired` and disconnects, and an event that races it
is answered `token_expired`. A user's sockets per namespace are capped (realtime/limits.py).
"""

from __future__ import annotations

import inspect
import logging
import typing
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, ClassVar

import socketio
import structlog
from opentelemetry.trace import SpanKind
from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError

from domain.accounts.tokens import AccessClaims
from domain.flags.rules import ClientApp
from domain.shared import tracing
from domain.shared.context import Actor, SecondFactor
from domain.shared.errors import DomainError, ErrorCode, Forbidden, Unauthorized, client_details, is_unavailable
from domain.shared.inputs import schema_allows_big_ints, unstorable
from infra.errortracking import report_error
from infra.metrics import labelled
from realtime import acks
from realtime.deps import RealtimeDeps
from realtime.events import Closing
from realtime.hygiene import RateLimit, SocketRateLimiter
from realtime.limits import EVICTED_EVENT, EXPIRED_EVENT, TOO_MANY_SOCKETS, Deadlines, UserSockets
from realtime.metrics import CONNECTS_REFUSED, DROPS, EVENTS_IN, SOCKETS_OPEN
from realtime.rooms import user_room

log = structlog.get_logger(__name__)

_LIFECYCLE_EVENTS = ("connect", "disconnect")
_REFRESH = "auth_refresh"  # the one event a socket whose token ran out may still send


class AuthRefreshIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    token: str = Field(min_length=1, max_length=4096)


class Refused(socketio.exceptions.ConnectionRefusedError):  # type: ignore[misc]
    """Refuse a connection with `connect_error` data `{code, message}`.

    python-socketio sends `error_args` verbatim as the CONNECT_ERROR packet. The Python and Dart
    clients hand that object to `connect_error` as is; the JavaScript client builds
    `Error(packet.message)` and puts `packet.data` on `err.data`. Carrying the pair at the top
    level and again under `data` gives every client `{code, message}` where it looks.
    """

    def __init__(self, code: ErrorCode | str, message: str, details: dict[str, Any] | None = None) -> None:
        super().__init__(message)
        body: dict[str, Any] = {"code": str(code), "message": message}
        if details:  # e.g. upgrade_required: minimum_version, store_url
            body["details"] = details
        self.error_args = {**body, "data": body}


@dataclass(frozen=True)
class SocketUser:
    user_id: str
    roles: tuple[str, ...]
    token_id: str
    session_id: str | None
    factor: SecondFactor | None = None  # the token's multi-factor claims (admin events need a proven one)

    def actor(self) -> Actor:
        return Actor(self.user_id, frozenset(self.roles), self.session_id, self.factor)


@dataclass(frozen=True)
class _Handler:
    method: str
    payload: TypeAdapter[Any] | None  # None: the handler takes no payload
    big_ints: bool = False  # lax parsing could make an integer beyond BIGINT: walk the result too


def _event_key(name: str) -> str:
    return name.replace(":", "_").replace("-", "_")


def _handler_of(method_name: str, fn: Any) -> _Handler:
    params = list(inspect.signature(fn).parameters.values())[2:]  # self, sid
    if not params:
        return _Handler(method_name, None)
    annotation = typing.get_type_hints(fn).get(params[0].name, Any)
    adapter: TypeAdapter[Any] = TypeAdapter(annotation)
    try:
        big_ints = schema_allows_big_ints(adapter.json_schema())
    except Exception:  # no schema, no proof: walk
        big_ints = True
    return _Handler(method_name, adapter, big_ints)


class AuthenticatedNamespace(socketio.AsyncNamespace):  # type: ignore[misc]
    NAME: ClassVar[str] = ""  # the namespace path, e.g. "/messaging"
    # Per-event limits tighter (or looser) than the settings' default, by wire event name,
    # e.g. {"typing": RateLimit(per_second=1, burst=3)}.
    RATE_LIMITS: ClassVar[dict[str, RateLimit]] = {}
    _handlers: ClassVar[dict[str, _Handler]] = {}
    # Client events that write (wire names): refused `maintenance` while maintenance mode is on.
    WRITE_EVENTS: ClassVar[frozenset[str]] = frozenset()
    _writes: ClassVar[frozenset[str]] = frozenset()

    def __init_subclass__(cls, **kwargs: Any) -> None:
        # Built once per class from its on_* coroutines: a client's unknown event names
        # never grow a cache.
        super().__init_subclass__(**kwargs)
        cls._handlers = {}
        cls._writes = frozenset(_event_key(name) for name in cls.WRITE_EVENTS)
        for name, fn in inspect.getmembers(cls, inspect.iscoroutinefunction):
            if name.startswith("on_") and name[3:] not in _LIFECYCLE_EVENTS:
                cls._handlers[name[3:]] = _handler_of(name, fn)

    def __init__(self, namespace: str, deps: RealtimeDeps) -> None:
        super().__init__(namespace)
        self.deps = deps
        settings = deps.settings
        default = RateLimit(
            getattr(settings, "socket_event_rate_per_second", 20.0), getattr(settings, "socket_event_burst", 40)
        )
        self.rate_limiter = SocketRateLimiter(
            default, {_event_key(name): limit for name, limit in self.RATE_LIMITS.items()}
        )
        # sid -> (Engine.IO sid, user id): sockets this namespace counted as open
        self._open: dict[str, tuple[str | None, str | None]] = {}
        self._deadlines = Deadlines(self._expire)
        self._user_sockets = UserSockets(getattr(settings, "socket_max_per_user", 10))

    # -- connection lifecycle -------------------------------------------------------------

    async def on_connect(self, sid: str, environ: dict[str, Any], auth: Any = None) -> None:
        token = auth.get("token") if isinstance(auth, dict) else None
        try:
            self._check_app(environ, auth)
            claims = await self.authenticate(token)
        except DomainError as exc:
            CONNECTS_REFUSED.labels(self.namespace).inc()
            raise Refused(exc.code, exc.message, client_details(exc)) from None
        except Exception as exc:  # a bug must refuse with a code, not leave the client hanging
            if is_unavailable(exc):
                raise Refused(ErrorCode.SERVICE_UNAVAILABLE, "The service is busy; retry shortly.") from None
            log.exception("socket_connect_failed", namespace=self.namespace)
            raise Refused(ErrorCode.INTERNAL_ERROR, "The server could not accept the connection.") from None
        await self.save_session(sid, {"user_id": claims.user_id, **_authority(claims)})
        await self.enter_room(sid, user_room(claims.user_id))

    def _check_app(self, environ: dict[str, Any], auth: Any) -> None:
        """An app older than its platform's minimum is refused `upgrade_required` (docs/flags.md);
        it says its version in the `X-App-Version` header or in `auth.app_version`."""
        flags = self.deps.flags
        if flags is None:
            return
        sent = auth.get("app_version") if isinstance(auth, dict) else None
        header = sent if isinstance(sent, str) else environ.get("HTTP_X_APP_VERSION")
        if header and (refusal := flags.upgrade_required(ClientApp.parse(header))) is not None:
            raise refusal

    async def authenticate(self, token: object) -> AccessClaims:
        """Claims of a usable access token; raises a DomainError otherwise."""
        claims = self.deps.signer.verify_access(token)
        if self.deps.revocations is not None and await self.deps.revocations.is_revoked(claims):
            raise Unauthorized("The access token has been revoked.")
        return claims

    async def on_disconnect(self, sid: str, reason: str | None = None) -> None:
        return None

    async def on_auth_refresh(self, sid: str, payload: AuthRefreshIn) -> dict[str, Any]:
        """Swap in a newer access token of the same user; the socket lives until its `exp`."""
        claims = await self.authenticate(payload.token)
        session = await self.get_session(sid)
        if claims.user_id != session.get("user_id"):
            raise Forbidden("The token belongs to another user; connect again with it instead.")
        session.update(_authority(claims))
        await self.save_session(sid, session)
        if sid in self._open:
            self._deadlines.set(sid, claims.expires_at.timestamp())
        return {"expires_at": claims.expires_at}

    async def _expire(self, sid: str) -> None:
        DROPS.labels(self.namespace, "token_expired").inc()
        await self.server.close_with_reason(sid, self.namespace, EXPIRED_EVENT, Closing(
            code="token_expired", message="The access token expired: refresh it and connect again.",
        ))

    async def _opened(self, sid: str) -> None:
        """After a connect handler accepted the socket (whatever a subclass's handler did)."""
        eio_sid = self.server.manager.eio_sid_from_sid(sid, self.namespace)
        session = await self.get_session(sid)
        user_id = session.get("user_id") if isinstance(session, dict) else None
        self._open[sid] = (eio_sid, user_id)
        SOCKETS_OPEN.labels(self.namespace).inc()
        expires_at = session.get("exp") if isinstance(session, dict) else None
        if expires_at is not None:
            self._deadlines.set(sid, float(expires_at))
        if user_id is not None:
            for oldest in self._user_sockets.add(user_id, sid):
                DROPS.labels(self.namespace, TOO_MANY_SOCKETS).inc()
                await self.server.close_with_reason(oldest, self.namespace, EVICTED_EVENT, Closing(
                    code="too_many_sockets", message="This account opened too many connections; the oldest was closed.",
                ))
        presence = self.deps.presence
        if presence is not None and eio_sid is not None and user_id is not None:
            await presence.attach(eio_sid, user_id)

    async def _closed(self, sid: str) -> None:
        self.rate_limiter.forget(sid)
        self._deadlines.clear(sid)
        opened = self._open.pop(sid, None)
        if opened is None:
            return
        SOCKETS_OPEN.labels(self.namespace).dec()
        eio_sid, user_id = opened
        if user_id is not None:
            self._user_sockets.remove(user_id, sid)
        presence = self.deps.presence
        if presence is not None and eio_sid is not None and user_id is not None:
            await presence.detach(eio_sid)

    async def current_actor(self, sid: str) -> Actor:
        """The socket's user as domain services take it."""
        return (await self.current_user(sid)).actor()

    async def current_user(self, sid: str) -> SocketUser:
        session = await self.get_session(sid)
        return SocketUser(
            user_id=session["user_id"],
            roles=tuple(session["roles"]),
            token_id=session["token_id"],
            session_id=session.get("session_id"),
            factor=SecondFactor(bool(session.get("mfa_enrolled")), _instant(session.get("mfa_at"))),
        )

    # -- event dispatch -------------------------------------------------------------------

    async def trigger_event(self, event: str, *args: Any) -> Any:
        sid = str(args[0]) if args else ""
        if event in _LIFECYCLE_EVENTS:
            # The server calls these while the socket is pending (dis)connection. A client can
            # also send an ordinary event *named* "connect"/"disconnect"; python-socketio would
            # route it here, so a socket that is fully connected is a spoof: refuse it.
            if self.server.manager.is_connected(sid, self.namespace):
                return acks.error(ErrorCode.VALIDATION_FAILED, f"{event!r} is a reserved event name.")
            if event == "disconnect":
                try:
                    return await super().trigger_event(event, *args)
                finally:
                    await self._closed(sid)
            result = await super().trigger_event(event, *args)
            if result is not False:  # False (or a raised refusal) refuses the connection
                await self._opened(sid)
            return result
        return await self.dispatch(sid, event, args[1:])

    async def dispatch(self, sid: str, event: str, args: tuple[Any, ...]) -> acks.Ack:
        """Every client event passes here: one span, and its log lines carry who sent what."""
        key = _event_key(event) if isinstance(event, str) else ""
        handler = self._handlers.get(key)
        label = key if handler is not None else "unknown"
        user_id = self._open.get(sid, (None, None))[1]
        with structlog.contextvars.bound_contextvars(
            sid=sid, user_id=user_id, namespace=self.namespace, socket_event=label
        ), tracing.span(f"socket {self.namespace} {label}", kind=SpanKind.SERVER, attributes={
            "socketio.namespace": self.namespace, "socketio.event": label, "enduser.id": user_id or "",
        }):
            ack = await self._dispatch(sid, key, handler, label, args)
            if log.isEnabledFor(logging.DEBUG):  # one line per event is for debugging, and costs nothing otherwise
                log.debug("socket_event", outcome="ok" if ack["ok"] else ack["error"]["code"])
        return ack

    async def _dispatch(
        self, sid: str, key: str, handler: _Handler | None, label: str, args: tuple[Any, ...]
    ) -> acks.Ack:
        retry_after = self.rate_limiter.check(sid, label)
        if key != _REFRESH and self._deadlines.expired(sid):
            # The timer closes the socket at `exp`; an event that slips in first is refused.
            ack = acks.error(ErrorCode.TOKEN_EXPIRED, "The access token expired: send auth:refresh or reconnect.")
        elif retry_after is not None:
            DROPS.labels(self.namespace, "rate_limited").inc()
            ack = acks.error(ErrorCode.RATE_LIMITED, "Too many events; slow down.",
                             {"retry_after": round(retry_after, 3)})
        elif key in self._writes and self.deps.flags is not None and (paused := self.deps.flags.maintenance()):
            ack = acks.from_domain_error(paused)
        else:
            ack = await self._handle(sid, handler, args)
        labelled(EVENTS_IN, self.namespace, label, "ok" if ack["ok"] else str(ack["error"]["code"])).inc()
        return ack

    async def _handle(self, sid: str, handler: _Handler | None, args: tuple[Any, ...]) -> acks.Ack:
        if handler is None:
            return acks.error(ErrorCode.NOT_FOUND, f"Unknown event on {self.namespace}.")
        call_args: tuple[Any, ...] = ()
        if handler.payload is not None:
            if len(args) > 1:
                return acks.error(ErrorCode.VALIDATION_FAILED, "Send one payload object per event.")
            payload = args[0] if args else None
            # The same floor as every REST body: not too deep, nothing a column cannot hold.
            if problems := unstorable(payload, "payload"):
                return acks.error(ErrorCode.VALIDATION_FAILED, "The payload is not valid.", {"errors": problems})
            try:
                call_args = (handler.payload.validate_python(payload),)
            except ValidationError as exc:
                return acks.from_validation_error(exc)
            if handler.big_ints and (problems := unstorable(call_args[0], "payload")):
                return acks.error(ErrorCode.VALIDATION_FAILED, "The payload is not valid.", {"errors": problems})
        try:
            result = await getattr(self, handler.method)(sid, *call_args)
        except DomainError as exc:
            return acks.from_domain_error(exc)
        except Exception as exc:  # includes a ValidationError raised inside: our bug, not the client's
            if is_unavailable(exc):  # a busy or hung database: retry later, as REST's 503 says
                log.warning("socket_handler_unavailable", namespace=self.namespace, handler=handler.method)
                return acks.unavailable()
            log.exception("socket_handler_failed", handler=handler.method)
            report_error(exc)  # tagged with what dispatch bound: sid, user, namespace, event
            return acks.internal_error()
        return acks.ok(result)


def _authority(claims: AccessClaims) -> dict[str, Any]:
    """What a socket's session keeps of the token that authenticated it."""
    return {
        "roles": list(claims.roles),
        "token_id": claims.token_id,
        "session_id": claims.session_id,
        "issued_at_ms": claims.issued_at_ms,
        "exp": claims.expires_at.timestamp(),
        "mfa_enrolled": claims.mfa_enrolled,
        "mfa_at": claims.mfa_at.timestamp() if claims.mfa_at is not None else None,
    }


def _instant(value: object) -> datetime | None:
    return datetime.fromtimestamp(value, tz=UTC) if isinstance(value, int | float) else None
