"""The web cookie mode for browser clients (docs/security.md, "Web cookie mode").

POST /v1/auth/web/login (and /web/mfa) answer like a login, except that the refresh token is
set in an HttpOnly, SameSite=Strict cookie scoped to /v1/auth/web (Secure, except on a loopback
host outside production) and a CSRF token bound to the login is set in a readable cookie and
returned in the body. /v1/auth/web/refresh rotates both cookies; /v1/auth/web/logout clears them.
The access token stays in the page's memory and is sent as a bearer token: bearer requests
are not cookie-authenticated, so nothing changes for them (or for the mobile apps).

The guard (`csrf_check`) on every state-changing request that carries the refresh cookie,
and on every /v1/auth/web request:
- a browser's `Origin` must be this server's own or in WEB_ORIGINS (CORS_ORIGINS when unset);
  no Origin but `Sec-Fetch-Site: cross-site` is refused too;
- with the refresh cookie, `X-CSRF-Token` must equal the `fs_csrf` cookie (double submit), and
  the domain checks the token is the one minted for that login before the cookie is spent.
Refusals are 403 `csrf_failed`.
"""

from __future__ import annotations

import hmac
from collections.abc import Awaitable, Callable
from urllib.parse import urlsplit

from aiohttp import web

from domain.shared.errors import CsrfFailed
from rest.deps import RestDeps

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]

WEB_PREFIX = "/v1/auth/web"
REFRESH_COOKIE = "fs_refresh"
CSRF_COOKIE = "fs_csrf"
CSRF_HEADER = "X-CSRF-Token"
# Where the refresh cookie is not yet what authenticates: these take a password or a code.
_CREDENTIAL_ROUTES = frozenset({f"{WEB_PREFIX}/login", f"{WEB_PREFIX}/mfa"})
_SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
_LOOPBACK = frozenset({"localhost", "127.0.0.1", "::1", "[::1]"})


def allowed_origins(settings: object) -> frozenset[str]:
    origins = list(getattr(settings, "web_origins", None) or getattr(settings, "cors_origins", None) or [])
    return frozenset(origin.rstrip("/") for origin in origins)


def _same_host(request: web.Request, origin: str) -> bool:
    parts = urlsplit(origin)
    return bool(parts.netloc) and parts.netloc.lower() == (request.host or "").lower()


def check_origin(request: web.Request, allowed: frozenset[str]) -> None:
    origin = request.headers.get("Origin")
    if origin is not None:
        origin = origin.strip().rstrip("/")
        if origin == "null" or not (origin in allowed or "*" in allowed or _same_host(request, origin)):
            raise CsrfFailed("This origin may not send cookie-authenticated requests.")
    elif request.headers.get("Sec-Fetch-Site", "").lower() == "cross-site":
        raise CsrfFailed("Cross-site requests may not use the session cookie.")


def check_token(request: web.Request) -> None:
    cookie = request.cookies.get(CSRF_COOKIE, "")
    header = request.headers.get(CSRF_HEADER, "")
    if not cookie or not header or not hmac.compare_digest(cookie.encode(), header.encode()):
        raise CsrfFailed(f"A request with the session cookie must send the {CSRF_HEADER} header "
                         f"(the value of the {CSRF_COOKIE} cookie).")


def csrf_check(deps: RestDeps) -> Callable[[web.Request], None]:
    """The guard (rest/middlewares.py runs it on every request): raises CsrfFailed."""
    allowed = allowed_origins(deps.settings)

    def check(request: web.Request) -> None:
        if request.method in _SAFE_METHODS:
            return
        cookie_auth = REFRESH_COOKIE in request.cookies
        if not cookie_auth and not request.path.startswith(WEB_PREFIX):
            return  # bearer clients: no cookie, nothing to forge
        check_origin(request, allowed)
        if cookie_auth and request.path not in _CREDENTIAL_ROUTES:
            check_token(request)

    return check


def secure_cookies(request: web.Request, settings: object) -> bool:
    configured = getattr(settings, "web_cookie_secure", None)
    if configured is not None:
        return bool(configured)
    loopback = (request.url.host or "").lower() in _LOOPBACK
    return getattr(settings, "app_env", "production") == "production" or not loopback


def set_session_cookies(response: web.StreamResponse, request: web.Request, settings: object, *,
                        refresh_token: str, csrf_token: str) -> None:
    secure = secure_cookies(request, settings)
    max_age = int(getattr(settings, "refresh_token_ttl_seconds", 30 * 86400))
    response.set_cookie(REFRESH_COOKIE, refresh_token, path=WEB_PREFIX, httponly=True, secure=secure,
                        samesite="Strict", max_age=max_age)
    response.set_cookie(CSRF_COOKIE, csrf_token, path="/", httponly=False, secure=secure, samesite="Strict",
                        max_age=max_age)


def clear_session_cookies(response: web.StreamResponse, request: web.Request, settings: object) -> None:
    secure = secure_cookies(request, settings)
    response.del_cookie(REFRESH_COOKIE, path=WEB_PREFIX, secure=secure, httponly=True, samesite="Strict")
    response.del_cookie(CSRF_COOKIE, path="/", secure=secure, samesite="Strict")
