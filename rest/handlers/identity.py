"""Identity routes (PROTOCOL section 2): sign up, log in, refresh, log out, profile."""

from __future__ import annotations

from domain.accounts import photos
from domain.consent import policies
from domain.shared.errors import ConflictReason, ErrorCode
from rest.routing import ApiRequest, RouteTable
from rest.schemas.accounts import (
    LoginIn,
    LogoutIn,
    PasswordChangeIn,
    PhotoIn,
    ProfilePatch,
    RefreshIn,
    RegisterIn,
    TokenPairOut,
    UserOut,
)

routes = RouteTable(tags=("identity",))
E = ErrorCode
R = ConflictReason


@routes.post("/auth/register", body=RegisterIn, response=TokenPairOut, status=201,
             errors=(E.VALIDATION_FAILED, E.CONFLICT, E.RATE_LIMITED), reasons=(R.DUPLICATE,),
             summary="Create an account and log in")
async def register(req: ApiRequest[RegisterIn, None]) -> TokenPairOut:
    b = req.body
    return TokenPairOut.of(await req.deps.accounts.register(b.email, b.password, b.name, b.role, req.context,
                                                            region=b.region))


@routes.post("/auth/login", body=LoginIn, response=TokenPairOut,
             errors=(E.INVALID_CREDENTIALS, E.FORBIDDEN, E.RATE_LIMITED, E.MFA_REQUIRED),
             summary="Log in with email and password",
             description="With a second factor enrolled, a right password answers 403 `mfa_required` whose "
                         "`details.challenge_token` (valid 5 minutes) goes to POST /v1/auth/mfa with a code.")
async def login(req: ApiRequest[LoginIn, None]) -> TokenPairOut:
    b = req.body
    return TokenPairOut.of(await req.deps.accounts.login(b.email, b.password, req.context, b.device_cookie))


@routes.post("/auth/refresh", body=RefreshIn, response=TokenPairOut, errors=(E.UNAUTHORIZED,),
             summary="Trade a refresh token for a new pair (the old one is spent)",
             description="Presenting a spent refresh token revokes every token of that login.")
async def refresh(req: ApiRequest[RefreshIn, None]) -> TokenPairOut:
    return TokenPairOut.of(await req.deps.accounts.refresh(req.body.refresh_token, req.context))


@routes.post("/auth/logout", body=LogoutIn, status=204, summary="End this login")
async def logout(req: ApiRequest[LogoutIn, None]) -> None:
    await req.deps.accounts.logout(req.body.refresh_token, device_token=req.body.device_token)


@routes.post("/auth/logout-all", status=204, auth=True, summary="End every login of the caller",
             description="Revokes every refresh token and disconnects every live socket of the caller.")
async def logout_all(req: ApiRequest[None, None]) -> None:
    await req.deps.accounts.logout_everywhere(req.actor)


@routes.post("/auth/password", body=PasswordChangeIn, response=TokenPairOut, auth=True,
             errors=(E.INVALID_CREDENTIALS, E.VALIDATION_FAILED, E.UNAUTHORIZED, E.RATE_LIMITED),
             summary="Change the password; every other login ends and a new pair is returned",
             description="Wrong current passwords are counted per login: after a few, this login ends (401).")
async def change_password(req: ApiRequest[PasswordChangeIn, None]) -> TokenPairOut:
    b = req.body
    return TokenPairOut.of(
        await req.deps.accounts.change_password(req.actor, b.current_password, b.new_password, req.context)
    )


@routes.get("/me", response=UserOut, auth=True, summary="The caller's profile")
async def get_me(req: ApiRequest[None, None]) -> UserOut:
    me = UserOut.of(await req.deps.accounts.me(req.actor))
    me.policy_acceptance_required = bool(await policies.outstanding(req.actor.user_id))
    return me


@routes.patch("/me", body=ProfilePatch, response=UserOut, auth=True, errors=(E.VALIDATION_FAILED, E.CONFLICT),
              reasons=(ConflictReason.STALE_VERSION,), summary="Change the caller's name or region")
async def patch_me(req: ApiRequest[ProfilePatch, None]) -> UserOut:
    user = await req.deps.accounts.update_me(req.actor, name=req.body.name, region=req.body.region,
                                             expected_version=req.body.version)
    return UserOut.of(user)


@routes.put("/me/photo", body=PhotoIn, response=UserOut, auth=True, errors=(E.VALIDATION_FAILED,),
            summary="Set the caller's profile photo to a confirmed upload of kind profile_photo",
            description="The previous photo is released (deleted by the orphan sweep). Everyone signed in may "
                        "download the photo (GET /v1/uploads/{upload_id}/download).")
async def put_photo(req: ApiRequest[PhotoIn, None]) -> UserOut:
    return UserOut.of(await photos.set_photo(req.actor, str(req.body.upload_id)))


@routes.delete("/me/photo", response=UserOut, auth=True, summary="Remove the caller's profile photo")
async def delete_photo(req: ApiRequest[None, None]) -> UserOut:
    return UserOut.of(await photos.set_photo(req.actor, None))
