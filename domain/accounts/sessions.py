"""Refresh-token families: issue, rotate, detect reuse, revoke.

A login starts a family (its id is the session id carried by access tokens). Every refresh
spends the presented token with a compare-and-set and issues the next one of the family;
presenting a spent token means it leaked (or a client replays), so the whole family dies.
"""

from __future__ import annotations

import hashlib
import ipaddress
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from uuid import UUID, uuid4

from tortoise.backends.base.client import BaseDBAsyncClient

from domain.accounts.models import RefreshToken, User, UserStatus
from domain.shared.clock import utcnow
from domain.shared.context import RequestContext
from domain.shared.errors import Unauthorized
from domain.shared.uow import unit_of_work


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


async def issue(
    user: User,
    family_id: UUID,
    ttl_seconds: int,
    context: RequestContext,
    connection: BaseDBAsyncClient | None = None,
    mfa_at: datetime | None = None,
) -> str:
    token = secrets.token_urlsafe(32)
    agent, network = fingerprint(context)
    await RefreshToken.create(
        user=user,
        family_id=family_id,
        token_hash=_digest(token),
        expires_at=utcnow() + timedelta(seconds=ttl_seconds),
        # The network only (a /24 or /48): enough for the owner to recognise a place in the list of
        # sessions, not the address.
        user_agent=agent,
        ip=network,
        mfa_at=mfa_at,
        using_db=connection,
    )
    return token


def fingerprint(context: RequestContext) -> tuple[str | None, str | None]:
    """(user agent, network) as a refresh token keeps them: what tells a login's device apart."""
    return (context.user_agent or "")[:255] or None, truncated_ip(context.ip)


def new_family() -> UUID:
    return uuid4()


class ReusedRefreshToken(Unauthorized):
    def __init__(self, user_id: str, family_id: UUID) -> None:
        super().__init__("The refresh token was already used; every token of that login is revoked.")
        self.user_id = user_id
        self.family_id = family_id


async def rotate(token: object, ttl_seconds: int, context: RequestContext) -> tuple[RefreshToken, str]:
    """Spend a live refresh token and issue the next one of its family, in one transaction: a
    crash between the two must not leave the client with a spent token and no successor (its
    retry would then look like reuse and end the login). Returns the spent row (its user
    loaded) and the new token.

    Raises ReusedRefreshToken after revoking its family when the token was already spent,
    Unauthorized when it is unknown, expired or revoked, or its account is suspended.
    """
    if not isinstance(token, str) or not 20 <= len(token) <= 200:
        raise Unauthorized("The refresh token is not valid.")
    digest = _digest(token)
    now = utcnow()
    failure: Unauthorized
    async with unit_of_work() as uow:
        spent = (
            await RefreshToken.filter(
                token_hash=digest, spent_at__isnull=True, revoked_at__isnull=True, expires_at__gt=now
            )
            .using_db(uow.connection)
            .update(spent_at=now)
        )
        row = await RefreshToken.filter(token_hash=digest).using_db(uow.connection).prefetch_related("user").first()
        if row is None:
            raise Unauthorized("The refresh token is not valid.")
        if spent == 1:
            if row.user.status != UserStatus.ACTIVE:
                raise Unauthorized("This account is suspended.")
            successor = await issue(row.user, row.family_id, ttl_seconds, context, uow.connection, mfa_at=row.mfa_at)
            return row, successor
        if row.spent_at is not None and row.revoked_at is None:
            await revoke_family(row.family_id, uow.connection)
            failure = ReusedRefreshToken(str(row.user.id), row.family_id)
        else:
            failure = Unauthorized("The refresh token has expired or was revoked.")
    raise failure  # after the commit: a reused token's family stays revoked


async def revoke_family(family_id: UUID, connection: BaseDBAsyncClient | None = None) -> int:
    return (
        await RefreshToken.filter(family_id=family_id, revoked_at__isnull=True)
        .using_db(connection)
        .update(revoked_at=utcnow())
    )


async def revoke_all(user_id: UUID | str, connection: BaseDBAsyncClient | None = None) -> int:
    return (
        await RefreshToken.filter(user_id=user_id, revoked_at__isnull=True)
        .using_db(connection)
        .update(revoked_at=utcnow())
    )


async def find_family(token: object) -> RefreshToken | None:
    if not isinstance(token, str) or len(token) > 200:
        return None
    return await RefreshToken.get_or_none(token_hash=_digest(token))


async def family_revoked(family_id: str) -> bool:
    """Whether a login was ended (logout, logout everywhere, password or role change, reuse):
    the database's word, which revocation checks fall back on while Redis is down."""
    try:
        family = UUID(family_id)
    except ValueError:
        return True  # not a session id we issued
    return await RefreshToken.filter(family_id=family, revoked_at__isnull=False).exists()


async def mark_factor(family_id: UUID | str, at: datetime) -> None:
    """This login proved a second factor at `at`: its live refresh token carries it on."""
    await RefreshToken.filter(family_id=family_id, revoked_at__isnull=True, spent_at__isnull=True).update(mfa_at=at)


@dataclass(frozen=True)
class SessionView:
    """One login (a refresh-token family) as its owner sees it."""

    id: str  # the family id: the `sid` of its access tokens
    created_at: datetime
    last_used_at: datetime  # its last refresh (or the login)
    expires_at: datetime
    user_agent: str | None
    ip: str | None  # truncated: the network, never the address
    mfa_at: datetime | None
    current: bool


def truncated_ip(ip: str | None) -> str | None:
    """203.0.113.7 -> 203.0.113.0/24, 2001:db8::1 -> 2001:db8::/48: enough to recognise a place."""
    if not ip:
        return None
    try:
        address = ipaddress.ip_address(ip)
    except ValueError:
        return None
    prefix = 24 if address.version == 4 else 48
    return str(ipaddress.ip_network(f"{address}/{prefix}", strict=False))


async def list_live(user_id: str, current: str | None) -> list[SessionView]:
    """The user's logins that can still refresh, most recently used first."""
    now = utcnow()
    heads = await RefreshToken.filter(user_id=user_id, spent_at__isnull=True, revoked_at__isnull=True,
                                      expires_at__gt=now).order_by("-issued_at")
    if not heads:
        return []
    families = {row.family_id for row in heads}
    started: dict[UUID, datetime] = {}
    for family_id, issued_at in await RefreshToken.filter(family_id__in=families).values_list("family_id",
                                                                                              "issued_at"):
        if family_id not in started or issued_at < started[family_id]:
            started[family_id] = issued_at
    views, seen = [], set()
    for row in heads:
        if row.family_id in seen:
            continue
        seen.add(row.family_id)
        views.append(SessionView(id=str(row.family_id), created_at=started.get(row.family_id, row.issued_at),
                                 last_used_at=row.issued_at, expires_at=row.expires_at, user_agent=row.user_agent,
                                 ip=row.ip if row.ip and "/" in row.ip else None,  # older rows: a hash
                                 mfa_at=row.mfa_at, current=str(row.family_id) == current))
    return views


async def owns_family(user_id: str, family_id: str) -> bool:
    try:
        family = UUID(family_id)
    except ValueError:
        return False
    return await RefreshToken.filter(user_id=user_id, family_id=family).exists()
