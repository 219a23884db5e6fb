"""Bearer authentication for handlers: one function, so later checks (revocation) go in one place."""

from __future__ import annotations

import structlog
from aiohttp import web

from domain.shared.context import Actor, RequestContext
from domain.shared.errors import Unauthorized
from rest.deps import ACTOR, REQUEST_ID, REVOCATION_READ, deps_of
from rest.middlewares import client_ip

__all__ = ["ACTOR", "authenticate", "bearer_token", "request_context"]


def bearer_token(request: web.Request) -> str:
    scheme, _, token = request.headers.get("Authorization", "").strip().partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise Unauthorized("A bearer access token is required.")
    return token.strip()


async def authenticate(request: web.Request) -> Actor:
    """Verify the request's access token, signature to revocation markers (401
    `unauthorized` otherwise), and remember who is calling."""
    token = bearer_token(request)
    # The guard middleware may have read the token's revocation markers already (RequestGate).
    read = request.get(REVOCATION_READ)
    revoked = read[1] if read is not None and read[0] == token else None
    actor = await deps_of(request).accounts.authenticate(token, revoked=revoked)
    request[ACTOR] = actor
    # The request's later log lines (and an error report) name the user; the request context
    # middleware unbinds it when the request ends.
    structlog.contextvars.bind_contextvars(user_id=actor.user_id)
    return actor


def request_context(request: web.Request) -> RequestContext:
    deps = deps_of(request)
    ip = client_ip(request, getattr(deps.settings, "proxy_networks", ()))
    return RequestContext(
        request_id=request.get(REQUEST_ID),
        ip=ip,
        user_agent=request.headers.get("User-Agent"),
        ip_hash=deps.pseudonyms.address(ip) if deps.pseudonyms is not None else None,
    )
