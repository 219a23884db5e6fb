"""The device registry: FCM tokens per user. A token belongs to one user at a time
(registering it on another account moves it), logout removes the device's token, and tokens
not seen for `ttl` are swept (FCM itself treats tokens idle for about 270 days as expired)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.exceptions import IntegrityError
from tortoise.expressions import F

from domain.access.policy import Permission, authorize, register_relation
from domain.notifications.models import AppKind, Device, Platform
from domain.shared.clock import utcnow
from domain.shared.context import Actor
from domain.shared.errors import NotFound, RateLimited
from domain.shared.ratelimit import RateLimiter
from domain.shared.uow import unit_of_work

SWEEP_BATCH = 1000


@dataclass(frozen=True)
class DeviceLimits:
    """A user's devices are capped (one more evicts the least recently seen: a phone that
    stopped registering is the one that is gone), and so are registrations per hour."""

    per_user: int = 10
    registrations_per_hour: int = 30


@dataclass(frozen=True)
class Registration:
    token: str
    platform: Platform
    app: AppKind
    locale: str | None = None


async def register(actor: Actor, reg: Registration, *, limits: DeviceLimits | None = None,
                   limiter: RateLimiter | None = None) -> Device:
    """Register (or refresh) a token for the caller; idempotent. A token another user held
    moves here: that row is deleted and a new one made, so the other user's devices (and
    their sync) lose it and never see who holds it now."""
    await authorize(actor, Permission.DEVICE_REGISTER)
    limits = limits or DeviceLimits()
    if limiter is not None:
        retry = await limiter.hit(f"device-register:{actor.user_id}", limits.registrations_per_hour, 3600)
        if retry is not None:
            raise RateLimited(retry, "Too many device registrations; try again later.")
    now = utcnow()
    for _attempt in range(3):  # two accounts racing for one token: the loser retries once
        async with unit_of_work() as uow:
            current = await Device.filter(token=reg.token).using_db(uow.connection).select_for_update().first()
            if current is not None and str(current.user_id) == actor.user_id:
                await Device.filter(id=current.id).using_db(uow.connection).update(
                    platform=reg.platform, app=reg.app, locale=reg.locale, last_seen_at=now,
                    version=F("version") + 1)
                return await Device.get(id=current.id, using_db=uow.connection)
            if current is not None:
                await Device.filter(id=current.id).using_db(uow.connection).delete()
            try:
                async with unit_of_work() as inner_uow:
                    inner = inner_uow.connection
                    device = await Device.create(token=reg.token, user_id=actor.user_id, platform=reg.platform,
                                                 app=reg.app, locale=reg.locale, last_seen_at=now, using_db=inner)
            except IntegrityError:
                continue
            await _evict_beyond(uow.connection, actor.user_id, limits.per_user)
            return device
    raise NotFound("The device token is being registered elsewhere; try again.")  # pragma: no cover


async def _evict_beyond(conn: BaseDBAsyncClient, user_id: str, keep: int) -> int:
    """Delete the user's least recently seen devices beyond `keep` (the new one was seen now)."""
    stale = await (Device.filter(user_id=user_id).using_db(conn).order_by("-last_seen_at", "-created_at")
                   .offset(keep).values_list("id", flat=True))
    if not stale:
        return 0
    return await Device.filter(id__in=list(stale)).using_db(conn).delete()


async def remove(actor: Actor, token: str) -> None:
    """Unregister one of the caller's tokens; someone else's (or none) is not found."""
    device = await Device.get_or_none(token=token)
    await authorize(actor, Permission.DEVICE_REMOVE, device)
    if device is None:
        raise NotFound()
    await Device.filter(id=device.id).delete()


async def remove_on_logout(user_id: str, token: str) -> None:
    """Logout: the device stops receiving this user's pushes (only if it is theirs)."""
    await Device.filter(token=token, user_id=user_id).delete()


async def prune(tokens: list[str], conn: BaseDBAsyncClient | None = None) -> int:
    """Delivery found these tokens dead (FCM: unregistered or invalid)."""
    if not tokens:
        return 0
    return await Device.filter(token__in=tokens).using_db(conn).delete()


async def sweep_expired(ttl: timedelta, now: datetime | None = None) -> int:
    """Delete tokens not seen for `ttl`, in batches; returns how many went."""
    cutoff = (now or utcnow()) - ttl
    removed = 0
    while True:
        ids = await Device.filter(last_seen_at__lt=cutoff).limit(SWEEP_BATCH).values_list("id", flat=True)
        if not ids:
            return removed
        removed += await Device.filter(id__in=list(ids)).delete()


async def _owner(actor: Actor, device: object) -> bool:
    return isinstance(device, Device) and str(device.user_id) == actor.user_id


register_relation("device_owner", _owner)
