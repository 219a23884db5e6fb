"""Multi-factor authentication: TOTP (RFC 6238, through pyotp) and single-use recovery codes.

Enrolment is two steps: `begin` stores a fresh secret (sealed) and returns it once with its
otpauth:// URI; `confirm` proves the authenticator app has it (a first code) and hands out ten
recovery codes, shown once (only their SHA-256 is kept). A code is good once: the highest time
step accepted is stored and a code of that step or an earlier one is refused (no replay), and a
recovery code is spent by a compare-and-set. Guesses are limited per account.

Where the second factor is asked for (login, step-up, admin powers): domain/accounts/services.py
and domain/access/policy.py.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import secrets
from dataclasses import dataclass
from datetime import datetime

import pyotp
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from tortoise.expressions import Q

from domain.access.policy import register_enrolment_lookup
from domain.accounts.models import MfaRecoveryCode, MfaTotp, User
from domain.audit import services as audit
from domain.shared.clock import utcnow
from domain.shared.context import RequestContext
from domain.shared.errors import (
    Conflict,
    ConflictReason,
    DomainError,
    ErrorCode,
    InvalidCredentials,
    RateLimited,
)
from domain.shared.ratelimit import RateLimiter
from domain.shared.uow import unit_of_work

ISSUER_NAME = "Fieldsync"
STEP_SECONDS = 30
DRIFT_STEPS = 1  # a code of the previous or next 30 seconds is accepted too (clocks drift)
RECOVERY_CODES = 10
_RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"  # no 0/o, 1/l/i: read from paper
_SEALED_VERSION = "v1:"


class SecretBox:
    """Seals TOTP secrets with AES-256-GCM (random 96-bit nonce; the user id as associated data,
    so a sealed secret copied onto another account does not open)."""

    def __init__(self, key: bytes) -> None:
        if len(key) != 32:
            raise ValueError("the MFA secret key must be 32 bytes")
        self._aead = AESGCM(key)

    def seal(self, user_id: str, secret: str) -> str:
        nonce = os.urandom(12)
        return _SEALED_VERSION + base64.b64encode(nonce + self._aead.encrypt(nonce, secret.encode(),
                                                                              user_id.encode())).decode()

    def open(self, user_id: str, sealed: str) -> str:
        raw = base64.b64decode(sealed.removeprefix(_SEALED_VERSION))
        return self._aead.decrypt(raw[:12], raw[12:], user_id.encode()).decode()


class MfaKeyMissing(DomainError):
    code = ErrorCode.SERVICE_UNAVAILABLE
    default_message = "Second factors cannot be used: the server has no MFA secret key (MFA_SECRET_KEY)."


@dataclass(frozen=True)
class Enrolment:
    secret: str  # base32, shown once
    otpauth_uri: str


@dataclass(frozen=True)
class MfaStatus:
    enrolled: bool  # confirmed TOTP
    pending: bool  # begun, not confirmed
    confirmed_at: datetime | None
    recovery_codes_left: int


@dataclass(frozen=True)
class MfaLimits:
    attempts: int = 10  # wrong codes per account per window before a 429
    window_seconds: int = 300


def _recovery_hash(user_id: str, code: str) -> str:
    return hashlib.sha256(f"{user_id}:{code}".encode()).hexdigest()


def _normal_recovery(code: str) -> str:
    return "".join(ch for ch in code.lower() if ch.isalnum())


def _new_recovery_code() -> str:
    raw = "".join(secrets.choice(_RECOVERY_ALPHABET) for _ in range(10))
    return f"{raw[:5]}-{raw[5:]}"


def is_totp_code(code: str) -> bool:
    return len(code) == 6 and code.isdigit()


async def enrolled(user_id: str) -> bool:
    return await MfaTotp.filter(user_id=user_id, confirmed_at__isnull=False).exists()


register_enrolment_lookup(enrolled)


class Factors:
    def __init__(self, box: SecretBox | None, limiter: RateLimiter, limits: MfaLimits | None = None) -> None:
        self._box = box  # None: production without MFA_SECRET_KEY (second factors refused, never sealed badly)
        self.limiter = limiter
        self.limits = limits or MfaLimits()

    @property
    def box(self) -> SecretBox:
        if self._box is None:
            raise MfaKeyMissing()
        return self._box

    async def status(self, user_id: str) -> MfaStatus:
        row = await MfaTotp.get_or_none(user_id=user_id)
        left = await MfaRecoveryCode.filter(user_id=user_id, used_at__isnull=True).count()
        return MfaStatus(enrolled=row is not None and row.confirmed_at is not None,
                         pending=row is not None and row.confirmed_at is None,
                         confirmed_at=row.confirmed_at if row else None,
                         recovery_codes_left=left if row is not None and row.confirmed_at else 0)

    async def begin(self, user: User) -> Enrolment:
        """A new secret (replacing an unconfirmed one); 409 `duplicate` when TOTP is already on."""
        secret = pyotp.random_base32()
        sealed = self.box.seal(str(user.id), secret)
        async with unit_of_work() as uow:
            row = await MfaTotp.select_for_update().using_db(uow.connection).get_or_none(user_id=user.id)
            if row is not None and row.confirmed_at is not None:
                raise Conflict("A second factor is already enrolled; disable it first to enrol another.",
                               reason=ConflictReason.DUPLICATE)
            if row is None:
                await MfaTotp.create(user_id=user.id, secret_sealed=sealed, using_db=uow.connection)
            else:
                await MfaTotp.filter(id=row.id).using_db(uow.connection).update(secret_sealed=sealed, last_step=None)
        uri = pyotp.TOTP(secret).provisioning_uri(name=user.email, issuer_name=ISSUER_NAME)
        return Enrolment(secret, uri)

    async def confirm(self, user: User, code: str, context: RequestContext) -> list[str]:
        """Prove the first code: TOTP is on and ten recovery codes are returned (once)."""
        row = await MfaTotp.get_or_none(user_id=user.id)
        if row is None:
            raise Conflict("Start the enrolment first (POST /v1/me/mfa/totp).", reason=ConflictReason.NOT_ELIGIBLE)
        if row.confirmed_at is not None:
            raise Conflict("The second factor is already confirmed.", reason=ConflictReason.DUPLICATE)
        await self._totp(row, str(user.id), code)
        codes = [_new_recovery_code() for _ in range(RECOVERY_CODES)]
        async with unit_of_work() as uow:
            await MfaTotp.filter(id=row.id).using_db(uow.connection).update(confirmed_at=utcnow())
            await self._replace_codes(str(user.id), codes, uow.connection)
            await audit.record(uow, actor=None, action="mfa.enrolled", subject_type="user", subject_id=str(user.id),
                               context=context, after={"method": "totp"})
        return codes

    async def verify(self, user_id: str, code: str, context: RequestContext) -> str:
        """Check a TOTP or recovery code of a confirmed factor: the method used ("otp" or
        "recovery"), or 401 `invalid_credentials` (and 429 after too many)."""
        row = await MfaTotp.get_or_none(user_id=user_id, confirmed_at__isnull=False)
        if row is None:
            raise InvalidCredentials("This account has no second factor.")
        if is_totp_code(code):
            await self._totp(row, user_id, code)
            return "otp"
        await self._guard(user_id)
        spent = await MfaRecoveryCode.filter(user_id=user_id, code_hash=_recovery_hash(user_id, _normal_recovery(code)),
                                             used_at__isnull=True).update(used_at=utcnow())
        if not spent:
            raise InvalidCredentials("The code is not correct.")
        await self.limiter.reset(f"mfa:{user_id}")
        left = await MfaRecoveryCode.filter(user_id=user_id, used_at__isnull=True).count()
        async with unit_of_work() as uow:
            await audit.record(uow, actor=None, action="mfa.recovery_code_used", subject_type="user",
                               subject_id=user_id, context=context, after={"left": left})
        return "recovery"

    async def disable(self, user: User, code: str, context: RequestContext) -> None:
        await self.verify(str(user.id), code, context)
        async with unit_of_work() as uow:
            await MfaTotp.filter(user_id=user.id).using_db(uow.connection).delete()
            await MfaRecoveryCode.filter(user_id=user.id).using_db(uow.connection).delete()
            await audit.record(uow, actor=None, action="mfa.disabled", subject_type="user", subject_id=str(user.id),
                               context=context)

    async def new_recovery_codes(self, user: User, code: str, context: RequestContext) -> list[str]:
        await self.verify(str(user.id), code, context)
        codes = [_new_recovery_code() for _ in range(RECOVERY_CODES)]
        async with unit_of_work() as uow:
            await self._replace_codes(str(user.id), codes, uow.connection)
            await audit.record(uow, actor=None, action="mfa.recovery_codes_renewed", subject_type="user",
                               subject_id=str(user.id), context=context)
        return codes

    async def _replace_codes(self, user_id: str, codes: list[str], connection: object) -> None:
        await MfaRecoveryCode.filter(user_id=user_id).using_db(connection).delete()  # type: ignore[arg-type]
        await MfaRecoveryCode.bulk_create(
            [MfaRecoveryCode(user_id=user_id, code_hash=_recovery_hash(user_id, _normal_recovery(code)))
             for code in codes], using_db=connection)  # type: ignore[arg-type]

    async def _totp(self, row: MfaTotp, user_id: str, code: str) -> None:
        await self._guard(user_id)
        if not is_totp_code(code):
            raise InvalidCredentials("The code is not correct.")
        try:
            secret = self.box.open(user_id, row.secret_sealed)
        except (InvalidTag, ValueError):
            raise MfaKeyMissing("The second factor cannot be read with this server's MFA key.") from None
        totp = pyotp.TOTP(secret)
        now_step = int(utcnow().timestamp()) // STEP_SECONDS
        for step in range(now_step + DRIFT_STEPS, now_step - DRIFT_STEPS - 1, -1):
            if not hmac.compare_digest(totp.generate_otp(step), code):
                continue
            # Good once: the step must be newer than the last one accepted (compare-and-set).
            fresh = Q(last_step__isnull=True) | Q(last_step__lt=step)
            if await MfaTotp.filter(fresh, id=row.id).update(last_step=step):
                await self.limiter.reset(f"mfa:{user_id}")
                return
            raise InvalidCredentials("This code was used already; wait for the next one.")
        raise InvalidCredentials("The code is not correct.")

    async def _guard(self, user_id: str) -> None:
        retry = await self.limiter.hit(f"mfa:{user_id}", self.limits.attempts, self.limits.window_seconds)
        if retry is not None:
            raise RateLimited(retry, "Too many second-factor attempts; try again later.")
