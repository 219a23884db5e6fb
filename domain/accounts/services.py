"""Identity use cases: sign up, log in, refresh, log out, change password, profile.

REST handlers and socket handlers call these; authentication of every call goes through
`authenticate`, which also honours revocation markers.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime
from uuid import UUID

from tortoise.exceptions import IntegrityError

from domain.access.policy import Permission, authorize
from domain.accounts import mfa, sessions
from domain.accounts.mfa import Enrolment, Factors, MfaStatus
from domain.accounts.models import SELF_SERVICE_ROLES, RefreshToken, Role, User, UserStatus
from domain.accounts.passwords import Passwords, check_policy
from domain.accounts.revocation import Revocation, RevocationStore
from domain.accounts.throttle import LoginThrottle, LoginThrottlePolicy
from domain.accounts.tokens import MFA_CHALLENGE_TTL, TokenSigner
from domain.audit import services as audit
from domain.shared.clock import utcnow
from domain.shared.context import Actor, RequestContext
from domain.shared.errors import (
    Conflict,
    ConflictReason,
    CsrfFailed,
    Forbidden,
    InvalidCredentials,
    MfaRequired,
    NotFound,
    RateLimited,
    Unauthorized,
    ValidationFailed,
)
from domain.shared.ratelimit import RateLimiter
from domain.shared.regions import Regions
from domain.shared.sealing import Pseudonyms
from domain.shared.uow import unit_of_work

EMAIL_PATTERN = re.compile(r"^[^@\s]{1,64}@[^@\s]+\.[^@\s]{2,}$")


@dataclass(frozen=True)
class TokenPair:
    user: User
    access_token: str
    refresh_token: str
    expires_in: int
    device_cookie: str | None = None  # send it with the next login from this device
    session_id: str | None = None  # the login (refresh-token family) the pair belongs to
    mfa_at: datetime | None = None  # when this login last proved a second factor


@dataclass(frozen=True)
class AccessGrant:
    """A fresh access token for the same login (after a step-up or an enrolment)."""

    access_token: str
    expires_in: int
    mfa_at: datetime


MFA_METHODS = ("totp", "recovery_code")


@dataclass(frozen=True)
class AuthLimits:
    per_ip_per_minute: int = 30
    login: LoginThrottlePolicy = field(default_factory=LoginThrottlePolicy)
    # Wrong current passwords on /auth/password: per session before that session ends, and
    # attempts per user per window (across sessions) before a 429.
    password_guesses_per_session: int = 5
    password_attempts_per_user: int = 10
    password_window_seconds: int = 900


def email_key(email: str) -> str:
    """The one form an email is stored and looked up in. NFKC first: fullwidth and other
    compatibility look-alikes (fullwidth "ana@example.com") fold into the plain address, so two
    accounts cannot differ only by character width."""
    return unicodedata.normalize("NFKC", email).strip().lower()[:300]


def normalize_email(email: str) -> str:
    normalized = email_key(email)
    if len(normalized) > 254 or not EMAIL_PATTERN.match(normalized):
        raise ValidationFailed(errors=[{"field": "email", "message": "is not an email address", "type": "email"}])
    return normalized


# Bidirectional controls reorder what is displayed ("Ana\u202eevil" renders reversed) and the
# zero-width ones hide characters: a name is shown to other people, so they are stripped.
_INVISIBLE = dict.fromkeys(
    [*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x061C, 0xFEFF]
)


def clean_name(name: str, field: str = "name") -> str:
    cleaned = "".join(ch for ch in name.translate(_INVISIBLE) if unicodedata.category(ch) != "Cc").strip()
    if not cleaned:
        raise ValidationFailed(errors=[{"field": field, "message": "must not be empty", "type": "value_error"}])
    return cleaned


def actor_of(user: User, session_id: str | None = None) -> Actor:
    return Actor(user_id=str(user.id), roles=frozenset(user.roles), session_id=session_id)


ForgetDevice = Callable[[str, str], Awaitable[None]]  # (user_id, device token)


class AccountsService:
    def __init__(
        self,
        *,
        passwords: Passwords,
        signer: TokenSigner,
        revocations: RevocationStore,
        limiter: RateLimiter,
        refresh_ttl_seconds: int,
        limits: AuthLimits | None = None,
        forget_device: ForgetDevice | None = None,
        factors: Factors | None = None,
        pseudonyms: Pseudonyms | None = None,
        regions: Regions | None = None,
    ) -> None:
        self.passwords = passwords
        # The email's blind index (user_account.email_index) is what login and registration look up.
        self.pseudonyms = pseudonyms
        # Logout with a device token: the device stops getting the user's pushes (the
        # notifications context owns devices; it is plugged in here, accounts never imports it).
        self.forget_device = forget_device
        self.signer = signer
        self.revocations = revocations
        self.limiter = limiter
        self.refresh_ttl_seconds = refresh_ttl_seconds
        self.limits = limits or AuthLimits()
        self.regions = regions or Regions()  # REGIONS, DEFAULT_REGION (domain/shared/regions.py)
        self.throttle = LoginThrottle(limiter, self.limits.login)
        # Second factors (None: no MFA key, so enrolling and proving codes answer 503).
        self.factors = factors or Factors(None, limiter)

    async def authenticate(self, token: object, *, revoked: bool | None = None) -> Actor:
        """`revoked`: the store's verdict on this token, when the caller already read it in this
        request (the REST gate reads the markers in the rate limit's round trip); None: ask it."""
        claims = self.signer.verify_access(token)
        if revoked is None:
            revoked = await self.revocations.is_revoked(claims)
        if revoked:
            raise Unauthorized("The access token was revoked.")
        return claims.actor()

    async def register(self, email: str, password: str, name: str, role: str, context: RequestContext,
                       region: str | None = None) -> TokenPair:
        await self._limit_ip(context)
        email = normalize_email(email)
        region = self.regions.check(region)
        if role not in SELF_SERVICE_ROLES:
            raise ValidationFailed(
                errors=[{"field": "role", "message": "must be customer, serviceman or provider", "type": "enum"}]
            )
        name = clean_name(name)
        check_policy(password, email=email, name=name)
        password_hash = await self.passwords.hash(password)
        try:
            async with unit_of_work() as uow:
                user = await User.create(
                    email=email, email_index=self._email_index(email), name=name, roles=[role], region=region,
                    password_hash=password_hash, using_db=uow.connection,
                )
        except IntegrityError:
            raise Conflict("An account cannot be created with these details.",
                           reason=ConflictReason.DUPLICATE) from None
        return await self._start_session(user, context)

    async def login(
        self, email: str, password: str, context: RequestContext, device_cookie: str | None = None
    ) -> TokenPair:
        """Throttled per account and source (domain/accounts/throttle.py): failures from one
        address slow that address down; the owner's known device or another address gets in."""
        await self._limit_ip(context)
        key = email_key(email)[:254]
        user = await self.find_by_email(key)
        device = self.signer.verify_device_cookie(device_cookie)
        known = user is not None and device is not None and device.user_id == str(user.id)
        source = f"device:{device.device_id}" if known and device else f"ip:{context.ip or 'unknown'}"
        await self.throttle.check(key, source, known_device=known)
        # Unknown emails verify against a dummy hash: same cost, same answer.
        if not await self.passwords.verify(user.password_hash if user else None, password) or user is None:
            failure = await self.throttle.failed(key, source)
            if failure.notify and user is not None:
                await self._record(user, "login.failures", context,
                                   {"failures": failure.account_failures_at_least})
            raise InvalidCredentials()
        if user.status != UserStatus.ACTIVE:
            raise Forbidden("This account is suspended.")
        await self.throttle.succeeded(key, source)
        if self.passwords.needs_rehash(user.password_hash):
            user.password_hash = await self.passwords.hash(password)
            await user.save(update_fields=["password_hash", "updated_at"])
        device_id = device.device_id if known and device else None
        if await mfa.enrolled(str(user.id)):
            # The password was right; tokens only after the second factor (POST /v1/auth/mfa).
            raise MfaRequired("Enter the code of your authenticator app (POST /v1/auth/mfa with this challenge).",
                              details={"challenge_token": self.signer.issue_mfa_challenge(str(user.id), device_id),
                                       "expires_in": int(MFA_CHALLENGE_TTL.total_seconds()),
                                       "methods": list(MFA_METHODS)})
        return await self._start_session(user, context, device_id, notice=await self._new_device(user, context,
                                                                                                   device_id))

    async def complete_mfa(self, challenge_token: object, code: str, context: RequestContext) -> TokenPair:
        """The second step of a login with a second factor: the challenge of the password step
        and a TOTP or recovery code give the token pair (its access token carries `mfa_at`)."""
        await self._limit_ip(context)
        challenge = self.signer.verify_mfa_challenge(challenge_token)
        user = await User.get_or_none(id=challenge.user_id)
        if user is None or user.status != UserStatus.ACTIVE:
            raise Unauthorized("This account no longer exists or is suspended.")
        await self.factors.verify(str(user.id), code, context)
        notice = await self._new_device(user, context, challenge.device_id)
        return await self._start_session(user, context, challenge.device_id, mfa_at=utcnow(), notice=notice)

    def _email_index(self, key: str) -> str | None:
        return self.pseudonyms.email_index(key) if self.pseudonyms is not None else None

    async def find_by_email(self, key: str) -> User | None:
        """The account of an email (in its stored form, `email_key`), through the blind index; an
        account older than the index (not yet backfilled by the at-rest job) by the email itself."""
        index = self._email_index(key)
        if index is None:
            return await User.get_or_none(email=key)
        return await User.get_or_none(email_index=index) or await User.get_or_none(email=key, email_index__isnull=True)

    async def refresh(self, refresh_token: object, context: RequestContext) -> TokenPair:
        try:
            row, token = await sessions.rotate(refresh_token, self.refresh_ttl_seconds, context)
        except sessions.ReusedRefreshToken as reuse:
            await self.revocations.revoke(Revocation(reuse.user_id, str(reuse.family_id)))
            raise
        return await self._pair(row.user, token, str(row.family_id), row.mfa_at)

    async def refresh_web(self, refresh_token: object, csrf_token: object, context: RequestContext) -> TokenPair:
        """Web cookie mode: the refresh token came in a cookie, so the CSRF token must be the one
        bound to its login. Checked before the token is spent: a forged request burns nothing."""
        await self._check_csrf(refresh_token, csrf_token)
        return await self.refresh(refresh_token, context)

    async def logout_web(self, refresh_token: object, csrf_token: object) -> None:
        if await sessions.find_family(refresh_token) is None:
            return
        await self._check_csrf(refresh_token, csrf_token)
        await self.logout(refresh_token)

    async def _check_csrf(self, refresh_token: object, csrf_token: object) -> None:
        row = await sessions.find_family(refresh_token)
        if row is None:
            raise Unauthorized("The refresh token is not valid.")
        if not self.signer.verify_csrf(csrf_token, str(row.family_id)):
            raise CsrfFailed("The CSRF token does not belong to this login.")

    async def logout(self, refresh_token: object, device_token: str | None = None) -> None:
        """End one login: its refresh tokens and its access tokens stop working, and the
        device's push token (when given) stops receiving this user's pushes."""
        row = await sessions.find_family(refresh_token)
        if row is None:
            return  # logging out twice, or with garbage, changes nothing and says nothing
        if device_token and self.forget_device is not None:
            await self.forget_device(str(row.user_id), device_token)
        await sessions.revoke_family(row.family_id)
        await self.revocations.revoke(Revocation(str(row.user_id), str(row.family_id)))

    async def logout_everywhere(self, actor: Actor) -> None:
        await authorize(actor, Permission.SESSION_MANAGE)
        await self.end_all_sessions(actor.user_id)

    async def end_all_sessions(self, user_id: str | UUID) -> None:
        await sessions.revoke_all(user_id)
        await self.revocations.revoke(Revocation(str(user_id)))

    async def change_password(self, actor: Actor, current: str, new: str, context: RequestContext) -> TokenPair:
        await authorize(actor, Permission.SESSION_MANAGE)
        user = await self._user(actor)
        limits = self.limits
        retry = await self.limiter.hit(f"pw-change:{user.id}", limits.password_attempts_per_user,
                                       limits.password_window_seconds)
        if retry is not None:
            raise RateLimited(retry, "Too many password change attempts; try again later.")
        if not await self.passwords.verify(user.password_hash, current):
            await self._wrong_current_password(actor, user, context)
        check_policy(new, email=user.email, name=user.name)
        user.password_hash = await self.passwords.hash(new)
        user.version += 1
        async with unit_of_work() as uow:  # the change and its security notice (audit, then email) commit together
            await user.save(update_fields=["password_hash", "version", "updated_at"], using_db=uow.connection)
            await audit.record(uow, actor=None, action="password.changed", subject_type="user",
                               subject_id=str(user.id), context=context, after={})
        await self.end_all_sessions(user.id)
        # The new login keeps the second factor this one proved (a password change is not a downgrade).
        return await self._start_session(user, context, mfa_at=actor.factor.verified_at if actor.factor else None)

    # -- second factors ------------------------------------------------------------------------

    async def mfa_status(self, actor: Actor) -> MfaStatus:
        await authorize(actor, Permission.SESSION_MANAGE)
        return await self.factors.status(actor.user_id)

    async def mfa_begin(self, actor: Actor) -> Enrolment:
        await authorize(actor, Permission.SESSION_MANAGE)
        return await self.factors.begin(await self._user(actor))

    async def mfa_confirm(self, actor: Actor, code: str, context: RequestContext) -> tuple[list[str], AccessGrant]:
        """Prove the first code: TOTP is on, ten recovery codes (shown once), and an access token
        for this login that carries the factor just proven."""
        await authorize(actor, Permission.SESSION_MANAGE)
        user = await self._user(actor)
        codes = await self.factors.confirm(user, code, context)
        return codes, await self._proven(user, actor)

    async def step_up(self, actor: Actor, code: str, context: RequestContext) -> AccessGrant:
        """Prove the second factor again in this login: a fresh `mfa_at` (admin powers, payout changes)."""
        await authorize(actor, Permission.SESSION_MANAGE)
        user = await self._user(actor)
        await self.factors.verify(str(user.id), code, context)
        return await self._proven(user, actor)

    async def mfa_disable(self, actor: Actor, code: str, context: RequestContext) -> None:
        """Turn TOTP off (a current code or a recovery code). No login keeps a proven factor: the
        access tokens issued so far stop, and the next refresh gives a password-only one."""
        await authorize(actor, Permission.SESSION_MANAGE)
        user = await self._user(actor)
        await self.factors.disable(user, code, context)
        await RefreshToken.filter(user_id=user.id, mfa_at__isnull=False).update(mfa_at=None)
        await self.revocations.revoke(Revocation(str(user.id)))

    async def mfa_recovery_codes(self, actor: Actor, code: str, context: RequestContext) -> list[str]:
        await authorize(actor, Permission.SESSION_MANAGE)
        return await self.factors.new_recovery_codes(await self._user(actor), code, context)

    async def _proven(self, user: User, actor: Actor) -> AccessGrant:
        now = utcnow()
        if actor.session_id is not None:
            await sessions.mark_factor(actor.session_id, now)
        access = self.signer.issue_access(str(user.id), list(user.roles), session_id=actor.session_id,
                                          mfa_enrolled=True, mfa_at=now)
        return AccessGrant(access, self.signer.ttl_seconds, now)

    # -- sessions --------------------------------------------------------------------------------

    async def list_sessions(self, actor: Actor) -> list[sessions.SessionView]:
        await authorize(actor, Permission.SESSION_MANAGE)
        return await sessions.list_live(actor.user_id, actor.session_id)

    async def end_session(self, actor: Actor, session_id: str) -> None:
        """End one of the caller's logins: its refresh tokens and its access tokens stop at once
        (and its live sockets close). Another user's session, or an unknown one: 404."""
        await authorize(actor, Permission.SESSION_MANAGE)
        if not await sessions.owns_family(actor.user_id, session_id):
            raise NotFound("No such session.")
        await sessions.revoke_family(UUID(session_id))
        await self.revocations.revoke(Revocation(actor.user_id, str(UUID(session_id))))

    async def confirm_password(self, actor: Actor, password: str, context: RequestContext) -> None:
        """Re-authentication before a grave step (an erasure request): counted like a password
        change's current password, so a stolen access token cannot guess its way through."""
        user = await self._user(actor)
        limits = self.limits
        retry = await self.limiter.hit(f"pw-change:{user.id}", limits.password_attempts_per_user,
                                       limits.password_window_seconds)
        if retry is not None:
            raise RateLimited(retry, "Too many password attempts; try again later.")
        if not await self.passwords.verify(user.password_hash, password):
            await self._wrong_current_password(actor, user, context)

    async def me(self, actor: Actor) -> User:
        await authorize(actor, Permission.PROFILE_READ)
        return await self._user(actor)

    async def update_me(self, actor: Actor, *, name: str | None = None, region: str | None = None,
                        expected_version: int | None = None) -> User:
        """`expected_version`: the version the caller read; a stale one changes nothing (409)."""
        await authorize(actor, Permission.PROFILE_UPDATE)
        user = await self._user(actor)
        if expected_version is not None and expected_version != user.version:
            raise _stale_profile(user)
        if name is not None:
            user.name = clean_name(name)
        if region is not None:  # blank: back to the default region (a user always has one)
            user.region = self.regions.check(region)
        read = user.version
        user.version += 1
        user.updated_at = utcnow()
        # Guarded by the version read, so two writers who read the same version cannot both win.
        if not await User.filter(id=user.id, version=read).update(name=user.name, region=user.region,
                                                                   version=user.version, updated_at=user.updated_at):
            raise _stale_profile(await self._user(actor))
        return user

    async def _user(self, actor: Actor) -> User:
        user = await User.get_or_none(id=actor.user_id)
        if user is None or user.status != UserStatus.ACTIVE:
            raise Unauthorized("This account no longer exists or is suspended.")
        return user

    async def _wrong_current_password(self, actor: Actor, user: User, context: RequestContext) -> None:
        """Count a wrong current password against the session; the Nth ends the session: a
        stolen access token must not become a password-guessing oracle."""
        session = actor.session_id or str(user.id)
        limits = self.limits
        over = await self.limiter.hit(f"pw-guess:{session}", limits.password_guesses_per_session - 1,
                                      limits.password_window_seconds)
        if over is None:
            raise InvalidCredentials("The current password is not correct.")
        await self.limiter.reset(f"pw-guess:{session}")
        if actor.session_id is None:
            await self.end_all_sessions(user.id)
        else:
            await sessions.revoke_family(UUID(actor.session_id))
            await self.revocations.revoke(Revocation(str(user.id), actor.session_id))
        await self._record(user, "session.end_password_guesses", context, {"session_id": actor.session_id})
        raise Unauthorized("Too many wrong passwords: this login has ended; log in again.")

    async def _record(self, user: User, action: str, context: RequestContext, after: dict[str, object]) -> None:
        """A security event about the account: audited, and (through the notifier's audit
        subscription) told to the owner where push/notifier.py has a rule for it."""
        async with unit_of_work() as uow:
            await audit.record(uow, actor=None, action=action, subject_type="user", subject_id=str(user.id),
                               context=context, after=after)

    async def _new_device(self, user: User, context: RequestContext, device_id: str | None) -> bool:
        """Whether a login comes from a device or browser this account has not used (the owner
        hears of it: `login.new_device`, an email-only security notice). Known: the login carries
        this account's device cookie, or one of its logins (any refresh token still kept, live or
        not) had the same user agent from the same network (/24 or /48). An account with no login
        kept at all (the registration is its first) has nothing to compare with: no notice."""
        if device_id is not None:
            return False
        kept = RefreshToken.filter(user_id=user.id)
        if not await kept.exists():
            return False
        agent, network = sessions.fingerprint(context)
        return not await RefreshToken.filter(user_id=user.id, user_agent=agent, ip=network).exists()

    async def _start_session(self, user: User, context: RequestContext, device_id: str | None = None,
                             mfa_at: datetime | None = None, notice: bool = False) -> TokenPair:
        """Issue the login's first refresh token; with `notice`, the new-device security event
        commits with it (the notifier's audit subscription emails the owner)."""
        family = sessions.new_family()
        async with unit_of_work() as uow:
            token = await sessions.issue(user, family, self.refresh_ttl_seconds, context, uow.connection,
                                         mfa_at=mfa_at)
            if notice:  # the device is read from the session's row (push/recipients.new_login_subject)
                await audit.record(uow, actor=None, action="login.new_device", subject_type="user",
                                   subject_id=str(user.id), context=context, after={"session_id": str(family)})
        pair = await self._pair(user, token, str(family), mfa_at)
        cookie = self.signer.issue_device_cookie(str(user.id), device_id)
        return TokenPair(pair.user, pair.access_token, pair.refresh_token, pair.expires_in, cookie,
                         pair.session_id, pair.mfa_at)

    async def _pair(self, user: User, refresh_token: str, session_id: str, mfa_at: datetime | None) -> TokenPair:
        enrolled = await mfa.enrolled(str(user.id))
        access = self.signer.issue_access(str(user.id), list(user.roles), session_id=session_id,
                                          mfa_enrolled=enrolled, mfa_at=mfa_at if enrolled else None)
        return TokenPair(user, access, refresh_token, self.signer.ttl_seconds, session_id=session_id,
                         mfa_at=mfa_at if enrolled else None)

    async def _limit_ip(self, context: RequestContext) -> None:
        if context.ip is None:
            return
        retry = await self.limiter.hit(f"auth-ip:{context.ip}", self.limits.per_ip_per_minute, 60)
        if retry is not None:
            raise RateLimited(retry)


__all__ = ["AccessGrant", "AccountsService", "AuthLimits", "Role", "TokenPair", "actor_of", "clean_name",
           "email_key", "normalize_email"]


def _stale_profile(user: User) -> Conflict:
    return Conflict("Your profile changed since you read it; reload and apply your edits again.",
                    reason=ConflictReason.STALE_VERSION, details={"version": user.version})
