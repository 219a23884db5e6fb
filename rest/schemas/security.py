"""Wire shapes of second factors, sessions and the web cookie mode (docs/security.md)."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, Field

from domain.accounts.mfa import Enrolment, MfaStatus
from domain.accounts.services import AccessGrant, TokenPair
from domain.accounts.sessions import SessionView
from rest.schemas.accounts import LoginIn, Strict, UserOut

Code = Field(min_length=6, max_length=32, examples=["492039"],
             description="The 6 digits of the authenticator app, or an unused recovery code (`abcde-fghjk`).")


class MfaCodeIn(Strict):
    code: str = Code


class MfaLoginIn(Strict):
    challenge_token: str = Field(min_length=1, max_length=1024,
                                 description="`details.challenge_token` of the login's 403 `mfa_required`.")
    code: str = Code


class MfaStatusOut(BaseModel):
    enrolled: bool = Field(description="TOTP is on: logins ask for a code.")
    pending: bool = Field(description="An enrolment was begun and not confirmed yet.")
    confirmed_at: datetime | None
    recovery_codes_left: int

    @classmethod
    def of(cls, status: MfaStatus) -> MfaStatusOut:
        return cls(enrolled=status.enrolled, pending=status.pending, confirmed_at=status.confirmed_at,
                   recovery_codes_left=status.recovery_codes_left)


class TotpEnrolmentOut(BaseModel):
    secret: str = Field(description="Base32 TOTP secret, shown this once (for manual entry).")
    otpauth_uri: str = Field(description="The same as an otpauth:// URI, to show as a QR code.")

    @classmethod
    def of(cls, enrolment: Enrolment) -> TotpEnrolmentOut:
        return cls(secret=enrolment.secret, otpauth_uri=enrolment.otpauth_uri)


class AccessTokenOut(BaseModel):
    """A fresh access token for the same login (the refresh token is unchanged)."""

    access_token: str
    token_type: Literal["Bearer"] = "Bearer"  # noqa: S105 - the OAuth token type, not a secret
    expires_in: int
    mfa_at: datetime = Field(description="When this login proved its second factor (the token's `mfa_at` claim).")

    @classmethod
    def of(cls, grant: AccessGrant) -> AccessTokenOut:
        return cls(access_token=grant.access_token, expires_in=grant.expires_in, mfa_at=grant.mfa_at)


class RecoveryCodesOut(BaseModel):
    recovery_codes: list[str] = Field(description="Ten single-use codes, shown this once; the old ones stop working.")


class MfaConfirmOut(AccessTokenOut):
    recovery_codes: list[str] = Field(description="Ten single-use codes, shown this once.")


class SessionOut(BaseModel):
    id: str = Field(description="The login's id (the `sid` of its access tokens).")
    created_at: datetime
    last_used_at: datetime = Field(description="Its last refresh (or the login).")
    expires_at: datetime
    user_agent: str | None
    ip: str | None = Field(description="The network it was last used from, truncated (a /24 or a /48).")
    mfa_at: datetime | None = Field(description="When it last proved a second factor.")
    current: bool = Field(description="The login of this request.")

    @classmethod
    def of(cls, view: SessionView) -> SessionOut:
        return cls(id=view.id, created_at=view.created_at, last_used_at=view.last_used_at,
                   expires_at=view.expires_at, user_agent=view.user_agent, ip=view.ip, mfa_at=view.mfa_at,
                   current=view.current)


class SessionList(BaseModel):
    items: list[SessionOut]


class WebLoginIn(LoginIn):
    """As POST /v1/auth/login; the refresh token goes into an HttpOnly cookie instead of the body."""


class WebSessionOut(BaseModel):
    """A browser login: the refresh token is in the `fs_refresh` cookie (HttpOnly), the CSRF token
    in the readable `fs_csrf` cookie and here: send it as `X-CSRF-Token` with cookie requests."""

    user: UserOut
    access_token: str
    token_type: Literal["Bearer"] = "Bearer"  # noqa: S105 - the OAuth token type, not a secret
    expires_in: int
    csrf_token: str
    device_cookie: str | None = None

    @classmethod
    def of(cls, pair: TokenPair, csrf_token: str) -> WebSessionOut:
        return cls(user=UserOut.of(pair.user), access_token=pair.access_token, expires_in=pair.expires_in,
                   csrf_token=csrf_token, device_cookie=pair.device_cookie)
