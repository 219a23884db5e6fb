"""Bearer authentication for handlers: one function, so later checks (revocation) go in one place."""

from __future__ import annotations

from aiohttp import web

from domain.shared.context import Actor, RequestContext
from domain.shared.errors import Unauthorized
from rest.deps import REQUEST_ID, deps_of
from rest.middlewares import client_ip

ACTOR = web.RequestKey("auth_actor", Actor)


def bearer_token(request: web.Request) -> str:
    scheme, _, token = request.headers.get("Authorization", "").strip().partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise Unauthorized("A bearer access token is required.")
    return token.strip()


async def authenticate(request: web.Request) -> Actor:
    """Verify the request's access token, signature to revocation markers (401
    `unauthorized` otherwise), and remember who is calling."""
    actor = await deps_of(request).accounts.authenticate(bearer_token(request))
    request[ACTOR] = actor
    return actor


def request_context(request: web.Request) -> RequestContext:
    deps = deps_of(request)
    return RequestContext(
        request_id=request.get(REQUEST_ID),
        ip=client_ip(request, getattr(deps.settings, "proxy_networks", ())),
        user_agent=request.headers.get("User-Agent"),
    )
