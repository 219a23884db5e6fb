"""Access tokens: short-lived HS256 JWTs carrying `kid`, so signing keys rotate without
logging anybody out (every configured key verifies; the active one signs).

The algorithm is pinned: a token declaring `none` or an asymmetric algorithm is refused
before any key is tried, which closes algorithm-confusion attacks.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
from collections import OrderedDict
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import jwt

from domain.accounts.hs256 import FastHS256
from domain.shared.clock import utcnow
from domain.shared.context import Actor, SecondFactor
from domain.shared.errors import Unauthorized

ALGORITHM = "HS256"
ISSUER = "fieldsync"
AUDIENCE = "fieldsync-api"
# A device cookie (OWASP "device cookies" against account lockout): handed out at every
# login, sent back with the next one, it proves "this user logged in from this device before",
# so a login from it is not slowed down by failures from elsewhere (domain/accounts/throttle.py).
DEVICE_AUDIENCE = "fieldsync-device"
DEVICE_TTL = timedelta(days=365)
# The password step of a login with a second factor hands out this instead of tokens: it names
# the user (and the known device) for a few minutes, for POST /v1/auth/mfa only.
MFA_AUDIENCE = "fieldsync-mfa"
MFA_CHALLENGE_TTL = timedelta(minutes=5)
# Access tokens already verified, kept until they expire: an app sends the same token with every
# request and socket handshake for its whole life, and a signature check with two JSON parses
# per request is CPU a busy process does not have. Revocation is checked elsewhere, per use.
VERIFIED_MEMORY = 4096
_ACCESS_REQUIRED = ("exp", "iat", "sub", "jti")


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
    # Multi-factor state at issue: whether the account had a confirmed second factor, and when
    # this login last proved it (claims `mfa_enrolled` and `mfa_at`; `amr` lists the methods).
    mfa_enrolled: bool = False
    mfa_at: datetime | None = None

    def actor(self) -> Actor:
        return Actor(user_id=self.user_id, roles=frozenset(self.roles), session_id=self.session_id,
                     factor=SecondFactor(self.mfa_enrolled, self.mfa_at))


@dataclass(frozen=True)
class MfaChallenge:
    user_id: str
    device_id: str | None  # the known device of the password step (its cookie is renewed at the end)


class TokenSigner:
    def __init__(self, keys: dict[str, str], active_kid: str, ttl_seconds: int) -> None:
        if active_kid not in keys:
            raise ValueError("the active kid must be one of the keys")
        self._keys = dict(keys)
        self._active_kid = active_kid
        self.ttl_seconds = ttl_seconds
        self._verified: OrderedDict[str, AccessClaims] = OrderedDict()
        # Our own tokens in one pass (domain/accounts/hs256.py); anything else goes to PyJWT.
        self._fast = FastHS256(self._keys, audience=AUDIENCE, issuer=ISSUER, require=_ACCESS_REQUIRED)

    def issue_access(self, user_id: str, roles: tuple[str, ...] | list[str], session_id: str | None = None, *,
                     mfa_enrolled: bool = False, mfa_at: datetime | None = None) -> str:
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
            "amr": ["pwd", "otp"] if mfa_at is not None else ["pwd"],  # RFC 8176 method names
            "mfa_enrolled": mfa_enrolled,
        }
        if mfa_at is not None:
            claims["mfa_at"] = int(mfa_at.timestamp())
        if session_id is not None:
            claims["sid"] = session_id
        return jwt.encode(
            claims, self._keys[self._active_kid], algorithm=ALGORITHM, headers={"kid": self._active_kid}
        )

    def verify_access(self, token: object) -> AccessClaims:
        if not isinstance(token, str) or not token or len(token) > 4096:
            raise Unauthorized("A bearer access token is required.")
        known = self._verified.get(token)
        if known is not None:
            if time.time() < known.expires_at.timestamp():  # PyJWT's own rule: expired at `exp`
                return known
            del self._verified[token]
            raise Unauthorized("The access token has expired.")
        claims = self._verify(token)
        self._verified[token] = claims
        if len(self._verified) > VERIFIED_MEMORY:
            self._verified.popitem(last=False)  # the oldest verified: the first to expire
        return claims

    def _verify(self, token: str) -> AccessClaims:
        claims = self._fast.claims(token)
        if claims is None:
            claims = self._verify_pyjwt(token)
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
            mfa_enrolled=claims.get("mfa_enrolled") is True,
            mfa_at=_instant(claims.get("mfa_at")),
        )

    def _verify_pyjwt(self, token: str) -> dict[str, Any]:
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
            claims: dict[str, Any] = jwt.decode(
                token, key, algorithms=[ALGORITHM], audience=AUDIENCE, issuer=ISSUER,
                options={"require": list(_ACCESS_REQUIRED)},
            )
        except jwt.ExpiredSignatureError:
            raise Unauthorized("The access token has expired.") from None
        except jwt.PyJWTError:
            raise Unauthorized("The access token is not valid.") from None
        return claims

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

    def issue_mfa_challenge(self, user_id: str, device_id: str | None) -> str:
        now = utcnow()
        claims: dict[str, Any] = {"sub": user_id, "iat": now, "exp": now + MFA_CHALLENGE_TTL, "iss": ISSUER,
                                  "aud": MFA_AUDIENCE, "typ": "mfa_challenge", "jti": secrets.token_urlsafe(12)}
        if device_id is not None:
            claims["did"] = device_id
        return jwt.encode(claims, self._keys[self._active_kid], algorithm=ALGORITHM,
                          headers={"kid": self._active_kid})

    def verify_mfa_challenge(self, token: object) -> MfaChallenge:
        if not isinstance(token, str) or not token or len(token) > 1024:
            raise Unauthorized("The MFA challenge is not valid; log in again.")
        try:
            header = jwt.get_unverified_header(token)
            key = self._keys.get(str(header.get("kid")))
            if key is None or header.get("alg") != ALGORITHM:
                raise Unauthorized("The MFA challenge is not valid; log in again.")
            claims = jwt.decode(token, key, algorithms=[ALGORITHM], audience=MFA_AUDIENCE, issuer=ISSUER,
                                options={"require": ["exp", "sub"]})
        except jwt.ExpiredSignatureError:
            raise Unauthorized("The MFA challenge has expired; log in again.") from None
        except jwt.PyJWTError:
            raise Unauthorized("The MFA challenge is not valid; log in again.") from None
        if claims.get("typ") != "mfa_challenge":
            raise Unauthorized("The MFA challenge is not valid; log in again.")
        device = claims.get("did")
        return MfaChallenge(str(claims["sub"]), str(device) if device else None)

    def issue_csrf(self, session_id: str) -> str:
        """A CSRF token bound to one login (web cookie mode): `<kid>.<nonce>.<mac>`, the MAC over
        the session id, so a token of another login (or planted by a sibling site) does not pass."""
        nonce = secrets.token_urlsafe(12)
        return f"{self._active_kid}.{nonce}.{self._csrf_mac(self._keys[self._active_kid], session_id, nonce)}"

    def verify_csrf(self, token: object, session_id: str) -> bool:
        if not isinstance(token, str) or len(token) > 256 or token.count(".") != 2:
            return False
        kid, nonce, mac = token.split(".")
        key = self._keys.get(kid)
        return key is not None and hmac.compare_digest(mac, self._csrf_mac(key, session_id, nonce))

    @staticmethod
    def _csrf_mac(key: str, session_id: str, nonce: str) -> str:
        return hmac.new(key.encode(), f"csrf:{session_id}:{nonce}".encode(), hashlib.sha256).hexdigest()[:43]


def _instant(value: object) -> datetime | None:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return datetime.fromtimestamp(value, tz=UTC)
    return None
