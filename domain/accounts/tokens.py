"""Access tokens: short-lived HS256 JWTs carrying `kid`, so signing keys rotate without
logging anybody out (every configured key verifies; the active one signs).

The algorithm is pinned: a token declaring `none` or an asymmetric algorithm is refused
before any key is tried, which closes algorithm-confusion attacks.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import jwt

from domain.shared.clock import utcnow
from domain.shared.errors import Unauthorized

ALGORITHM = "HS256"
ISSUER = "fieldsync"
AUDIENCE = "fieldsync-api"
# A device cookie (OWASP "device cookies" against account lockout): handed out at every
# login, sent back with the next one, it proves "this user logged in from this device before",
# so a login from it is not slowed down by failures from elsewhere (domain/accounts/throttle.py).
DEVICE_AUDIENCE = "fieldsync-device"
DEVICE_TTL = timedelta(days=365)


@dataclass(frozen=True)
class DeviceCookie:
    user_id: str
    device_id: str


@dataclass(frozen=True)
class AccessClaims:
    user_id: str
    roles: tuple[str, ...]
    token_id: str
    session_id: str | None
    issued_at: datetime
    expires_at: datetime
    # Milliseconds: a revocation and a fresh login can fall in the same second.
    issued_at_ms: int


class TokenSigner:
    def __init__(self, keys: dict[str, str], active_kid: str, ttl_seconds: int) -> None:
        if active_kid not in keys:
            raise ValueError("the active kid must be one of the keys")
        self._keys = dict(keys)
        self._active_kid = active_kid
        self.ttl_seconds = ttl_seconds

    def issue_access(self, user_id: str, roles: tuple[str, ...] | list[str], session_id: str | None = None) -> str:
        now = utcnow()
        claims: dict[str, Any] = {
            "sub": user_id,
            "roles": list(roles),
            "jti": secrets.token_urlsafe(12),
            "iat": now,
            "nbf": now,
            "exp": now + timedelta(seconds=self.ttl_seconds),
            "iss": ISSUER,
            "aud": AUDIENCE,
            "typ": "access",
            "iat_ms": int(now.timestamp() * 1000),
        }
        if session_id is not None:
            claims["sid"] = session_id
        return jwt.encode(
            claims, self._keys[self._active_kid], algorithm=ALGORITHM, headers={"kid": self._active_kid}
        )

    def verify_access(self, token: object) -> AccessClaims:
        if not isinstance(token, str) or not token or len(token) > 4096:
            raise Unauthorized("A bearer access token is required.")
        try:
            header = jwt.get_unverified_header(token)
        except jwt.PyJWTError:
            raise Unauthorized("The access token is malformed.") from None
        if header.get("alg") != ALGORITHM:
            raise Unauthorized("The access token uses an algorithm this server does not accept.")
        key = self._keys.get(str(header.get("kid")))
        if key is None:
            raise Unauthorized("The access token was signed with an unknown key.")
        try:
            claims = jwt.decode(
                token,
                key,
                algorithms=[ALGORITHM],
                audience=AUDIENCE,
                issuer=ISSUER,
                options={"require": ["exp", "iat", "sub", "jti"]},
            )
        except jwt.ExpiredSignatureError:
            raise Unauthorized("The access token has expired.") from None
        except jwt.PyJWTError:
            raise Unauthorized("The access token is not valid.") from None
        if claims.get("typ") != "access" or not isinstance(claims.get("roles"), list):
            raise Unauthorized("The access token is not valid.")
        return AccessClaims(
            user_id=str(claims["sub"]),
            roles=tuple(str(role) for role in claims["roles"]),
            token_id=str(claims["jti"]),
            session_id=claims.get("sid"),
            issued_at=datetime.fromtimestamp(claims["iat"], tz=utcnow().tzinfo),
            expires_at=datetime.fromtimestamp(claims["exp"], tz=utcnow().tzinfo),
            issued_at_ms=int(claims.get("iat_ms") or claims["iat"] * 1000),
        )


    def issue_device_cookie(self, user_id: str, device_id: str | None = None) -> str:
        now = utcnow()
        claims = {"sub": user_id, "did": device_id or secrets.token_urlsafe(12), "iat": now, "exp": now + DEVICE_TTL,
                  "iss": ISSUER, "aud": DEVICE_AUDIENCE, "typ": "device"}
        return jwt.encode(claims, self._keys[self._active_kid], algorithm=ALGORITHM,
                          headers={"kid": self._active_kid})

    def verify_device_cookie(self, token: object) -> DeviceCookie | None:
        """The cookie's user and device, or None for anything that is not a valid device cookie."""
        if not isinstance(token, str) or not token or len(token) > 1024:
            return None
        try:
            key = self._keys.get(str(jwt.get_unverified_header(token).get("kid")))
            if key is None:
                return None
            claims = jwt.decode(token, key, algorithms=[ALGORITHM], audience=DEVICE_AUDIENCE, issuer=ISSUER,
                                options={"require": ["exp", "sub", "did"]})
        except jwt.PyJWTError:
            return None
        if claims.get("typ") != "device":
            return None
        return DeviceCookie(str(claims["sub"]), str(claims["did"]))
