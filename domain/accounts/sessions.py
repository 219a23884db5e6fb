"""Refresh-token families: issue, rotate, detect reuse, revoke.

A login starts a family (its id is the session id carried by access tokens). Every refresh
spends the presented token with a compare-and-set and issues the next one of the family;
presenting a spent token means it leaked (or a client replays), so the whole family dies.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta
from uuid import UUID, uuid4

from tortoise.backends.base.client import BaseDBAsyncClient

from domain.accounts.models import RefreshToken, User
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
) -> str:
    token = secrets.token_urlsafe(32)
    await RefreshToken.create(
        user=user,
        family_id=family_id,
        token_hash=_digest(token),
        expires_at=utcnow() + timedelta(seconds=ttl_seconds),
        user_agent=(context.user_agent or "")[:255] or None,
        ip=context.ip_hash,  # a keyed hash: the address itself is not kept
        using_db=connection,
    )
    return token


def new_family() -> UUID:
    return uuid4()


class ReusedRefreshToken(Unauthorized):
    def __init__(self, user_id: str, family_id: UUID) -> None:
        super().__init__("The refresh token was already used; every token of that login is revoked.")
        self.user_id = user_id
        self.family_id = family_id


async def spend(token: object) -> RefreshToken:
    """Spend a live refresh token and return it (with its user loaded).

    Raises ReusedRefreshToken after revoking its family when the token was already spent,
    Unauthorized when it is unknown, expired or revoked.
    """
    if not isinstance(token, str) or not 20 <= len(token) <= 200:
        raise Unauthorized("The refresh token is not valid.")
    digest = _digest(token)
    now = utcnow()
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
            return row
        if row.spent_at is not None and row.revoked_at is None:
            await revoke_family(row.family_id, uow.connection)
            failure = ReusedRefreshToken(str(row.user.id), row.family_id)
        else:
            failure = None
    if failure is not None:
        raise failure
    raise Unauthorized("The refresh token has expired or was revoked.")


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
