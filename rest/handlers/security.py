"""Second factors, sessions and the web cookie mode (docs/security.md).

- TOTP: `GET/POST /v1/me/mfa...` enrol (secret once, confirmed by a first code, ten recovery
  codes), disable, renew recovery codes; `POST /v1/auth/mfa` is a login's second step;
  `POST /v1/auth/step-up` proves the factor again for admin powers and payout changes.
- Sessions: `GET /v1/me/sessions`, `DELETE /v1/me/sessions/{session_id}`.
- Web cookie mode: `POST /v1/auth/web/{login,mfa,refresh,logout}` (rest/webauth.py).
"""

from __future__ import annotations

from typing import Any

from aiohttp import web

from domain.accounts.services import TokenPair
from domain.shared.errors import ConflictReason, ErrorCode
from rest.responses import dumps
from rest.routing import ApiRequest, RouteTable
from rest.schemas.accounts import TokenPairOut
from rest.schemas.security import (
    AccessTokenOut,
    MfaCodeIn,
    MfaConfirmOut,
    MfaLoginIn,
    MfaStatusOut,
    RecoveryCodesOut,
    SessionList,
    SessionOut,
    TotpEnrolmentOut,
    WebLoginIn,
    WebSessionOut,
)
from rest.webauth import CSRF_HEADER, REFRESH_COOKIE, clear_session_cookies, set_session_cookies

routes = RouteTable(tags=("identity",))
E = ErrorCode
R = ConflictReason
CODE_ERRORS = (E.INVALID_CREDENTIALS, E.RATE_LIMITED, E.SERVICE_UNAVAILABLE)
LOGIN_MFA = ("With a second factor enrolled, a right password answers 403 `mfa_required` whose "
             "`details.challenge_token` (5 minutes) goes to the second step with a code.")


# -- second factors --------------------------------------------------------------------------

@routes.get("/me/mfa", response=MfaStatusOut, auth=True, summary="The caller's second factors")
async def get_mfa(req: ApiRequest[None, None]) -> MfaStatusOut:
    return MfaStatusOut.of(await req.deps.accounts.mfa_status(req.actor))


@routes.post("/me/mfa/totp", response=TotpEnrolmentOut, status=201, auth=True, idempotent=False,
             errors=(E.CONFLICT, E.SERVICE_UNAVAILABLE), reasons=(R.DUPLICATE,),
             summary="Begin TOTP enrolment: a new secret, shown once (confirm it with a first code)",
             description="Replaces an unconfirmed secret; 409 `duplicate` while a confirmed one is on.")
async def begin_totp(req: ApiRequest[None, None]) -> TotpEnrolmentOut:
    return TotpEnrolmentOut.of(await req.deps.accounts.mfa_begin(req.actor))


@routes.post("/me/mfa/totp/confirm", body=MfaCodeIn, response=MfaConfirmOut, auth=True, idempotent=False,
             errors=(*CODE_ERRORS, E.CONFLICT), reasons=(R.NOT_ELIGIBLE, R.DUPLICATE),
             summary="Confirm TOTP with a first code: ten recovery codes and an access token with the factor",
             description="From now on logins ask for a code. The access token returned carries `mfa_at` "
                         "(admins may use their powers with it at once).")
async def confirm_totp(req: ApiRequest[MfaCodeIn, None]) -> MfaConfirmOut:
    codes, grant = await req.deps.accounts.mfa_confirm(req.actor, req.body.code, req.context)
    return MfaConfirmOut(recovery_codes=codes, **AccessTokenOut.of(grant).model_dump())


@routes.post("/me/mfa/disable", body=MfaCodeIn, status=204, auth=True, idempotent=False, errors=CODE_ERRORS,
             summary="Turn the second factor off (a current code or a recovery code)",
             description="Access tokens issued so far stop working: refresh for a password-only one.")
async def disable_mfa(req: ApiRequest[MfaCodeIn, None]) -> None:
    await req.deps.accounts.mfa_disable(req.actor, req.body.code, req.context)


@routes.post("/me/mfa/recovery-codes", body=MfaCodeIn, response=RecoveryCodesOut, auth=True, idempotent=False,
             errors=CODE_ERRORS, summary="Ten new recovery codes (the old ones stop working)")
async def renew_recovery_codes(req: ApiRequest[MfaCodeIn, None]) -> RecoveryCodesOut:
    codes = await req.deps.accounts.mfa_recovery_codes(req.actor, req.body.code, req.context)
    return RecoveryCodesOut(recovery_codes=codes)


@routes.post("/auth/mfa", body=MfaLoginIn, response=TokenPairOut, errors=(*CODE_ERRORS, E.UNAUTHORIZED),
             summary="A login's second step: the challenge and a code give the token pair",
             description="The challenge comes from POST /v1/auth/login's 403 `mfa_required`. A TOTP code is "
                         "good once; a recovery code is spent. The access token carries `mfa_at` and `amr`.")
async def login_mfa(req: ApiRequest[MfaLoginIn, None]) -> TokenPairOut:
    return TokenPairOut.of(await req.deps.accounts.complete_mfa(req.body.challenge_token, req.body.code,
                                                                req.context))


@routes.post("/auth/step-up", body=MfaCodeIn, response=AccessTokenOut, auth=True, idempotent=False,
             errors=CODE_ERRORS,
             summary="Prove the second factor again: a new access token with a fresh `mfa_at`",
             description="What 403 `mfa_required` (admin powers) and `mfa_step_up_required` (payout details, "
                         "within 10 minutes) ask for. The login's refresh token keeps the new time.")
async def step_up(req: ApiRequest[MfaCodeIn, None]) -> AccessTokenOut:
    return AccessTokenOut.of(await req.deps.accounts.step_up(req.actor, req.body.code, req.context))


# -- sessions --------------------------------------------------------------------------------

@routes.get("/me/sessions", response=SessionList, auth=True,
            summary="The caller's logins that can still refresh, most recently used first")
async def list_sessions(req: ApiRequest[None, None]) -> SessionList:
    return SessionList(items=[SessionOut.of(v) for v in await req.deps.accounts.list_sessions(req.actor)])


@routes.delete("/me/sessions/{session_id}", status=204, auth=True, errors=(E.NOT_FOUND,),
               summary="End one of the caller's logins: its refresh and access tokens stop at once")
async def end_session(req: ApiRequest[None, None]) -> None:
    await req.deps.accounts.end_session(req.actor, req.params["session_id"])


# -- web cookie mode -------------------------------------------------------------------------

def _web_session(req: ApiRequest[Any, Any], pair: TokenPair) -> web.Response:
    assert pair.session_id is not None
    csrf = req.deps.signer.issue_csrf(pair.session_id)
    body = WebSessionOut.of(pair, csrf).model_dump(mode="json")
    response = web.Response(body=dumps(body), content_type="application/json")
    set_session_cookies(response, req.request, req.settings, refresh_token=pair.refresh_token, csrf_token=csrf)
    return response


WEB = ("Web cookie mode (docs/security.md): the refresh token is set in the HttpOnly `fs_refresh` cookie "
       "(path /v1/auth/web), the CSRF token in the readable `fs_csrf` cookie and in the body. A cross-site "
       "Origin is refused with 403 `csrf_failed`.")


@routes.post("/auth/web/login", body=WebLoginIn, response=WebSessionOut,
             errors=(E.INVALID_CREDENTIALS, E.FORBIDDEN, E.RATE_LIMITED, E.MFA_REQUIRED, E.CSRF_FAILED),
             summary="Log in a browser: refresh token in an HttpOnly cookie", description=f"{WEB} {LOGIN_MFA}")
async def web_login(req: ApiRequest[WebLoginIn, None]) -> web.Response:
    b = req.body
    return _web_session(req, await req.deps.accounts.login(b.email, b.password, req.context, b.device_cookie))


@routes.post("/auth/web/mfa", body=MfaLoginIn, response=WebSessionOut,
             errors=(*CODE_ERRORS, E.UNAUTHORIZED, E.CSRF_FAILED),
             summary="A browser login's second step (as POST /v1/auth/mfa, with cookies)", description=WEB)
async def web_login_mfa(req: ApiRequest[MfaLoginIn, None]) -> web.Response:
    pair = await req.deps.accounts.complete_mfa(req.body.challenge_token, req.body.code, req.context)
    return _web_session(req, pair)


@routes.post("/auth/web/refresh", response=WebSessionOut, errors=(E.UNAUTHORIZED, E.CSRF_FAILED),
             summary="Rotate the refresh cookie: a new access token, new cookies",
             description=f"Needs the `{CSRF_HEADER}` header (the `fs_csrf` cookie's value). {WEB}")
async def web_refresh(req: ApiRequest[None, None]) -> web.Response:
    request = req.request
    pair = await req.deps.accounts.refresh_web(request.cookies.get(REFRESH_COOKIE),
                                               request.headers.get(CSRF_HEADER), req.context)
    return _web_session(req, pair)


@routes.post("/auth/web/logout", status=204, errors=(E.CSRF_FAILED,),
             summary="End the browser's login and clear its cookies",
             description=f"Needs the `{CSRF_HEADER}` header when the refresh cookie is present.")
async def web_logout(req: ApiRequest[None, None]) -> web.Response:
    request = req.request
    await req.deps.accounts.logout_web(request.cookies.get(REFRESH_COOKIE), request.headers.get(CSRF_HEADER))
    response = web.Response(status=204)
    clear_session_cookies(response, request, req.settings)
    return response
