"""Notification preferences: per category and channel, quiet hours in the user's time zone,
private previews. Account and security notices are always delivered, at once.

Quiet hours hold a push until they end (`not_before`); volatile kinds (an open job that may be
gone by morning) are dropped instead. In-app rows are written whatever the hour.

Email goes out for the few kinds the notifier's rules mark (receipts, account and security
notices, a data export ready), in the language the user chose (`locale`), and never to an
address on the suppression list (a hard bounce or a complaint, domain/notifications/email.py):
the view says so (`email_delivery`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.exceptions import IntegrityError
from tortoise.expressions import F

from domain.access.policy import Permission, authorize
from domain.accounts.models import User
from domain.notifications.email import suppression_of
from domain.notifications.models import Category, Channel, NotificationPreference, SuppressionReason
from domain.scheduling.windows import format_clock, parse_clock, zone
from domain.shared.context import Actor
from domain.shared.errors import Conflict, ConflictReason, ValidationFailed
from domain.shared.uow import unit_of_work

ALWAYS_ON = Category.ACCOUNT_SECURITY
# Email is sent only for what the notifier's rules mark: receipts (bookings) and security notices.
EMAIL_BY_DEFAULT = frozenset({Category.BOOKINGS, Category.ACCOUNT_SECURITY})
# What a user who never chose gets: everything but marketing; email for receipts and security.
DEFAULTS: dict[Category, dict[Channel, bool]] = {
    category: {Channel.PUSH: category is not Category.MARKETING, Channel.IN_APP: category is not Category.MARKETING,
               Channel.EMAIL: category in EMAIL_BY_DEFAULT}
    for category in Category
}
LOCALE = re.compile(r"^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8}){0,3}$")


@dataclass(frozen=True)
class Preferences:
    user_id: str
    channels: dict[Category, dict[Channel, bool]]
    quiet_start: int | None  # minutes after local midnight
    quiet_end: int | None
    timezone: str | None  # as chosen; None: the fallback below
    effective_timezone: str
    private_previews: bool
    version: int
    locale: str | None = None  # the language of their email; None: the device's, else English
    email_suppressed: SuppressionReason | None = None  # their address bounced for good or complained

    def allows(self, category: Category, channel: Channel) -> bool:
        if category is ALWAYS_ON:
            return True  # every channel: a security notice must reach them (email too, if deliverable)
        return self.channels[category][channel]

    def emails(self, category: Category) -> bool:
        """Whether email of this category may go out now: chosen (or always on) and deliverable."""
        return self.email_suppressed is None and self.allows(category, Channel.EMAIL)

    def quiet_until(self, now: datetime) -> datetime | None:
        """The end of the quiet hours `now` falls in (UTC-aware), or None outside them."""
        if self.quiet_start is None or self.quiet_end is None:
            return None
        local = now.astimezone(ZoneInfo(self.effective_timezone))
        minute = local.hour * 60 + local.minute
        start, end = self.quiet_start, self.quiet_end
        inside = start <= minute < end if start < end else (minute >= start or minute < end)
        if not inside:
            return None
        day = local.date() if minute < end else local.date() + timedelta(days=1)
        wall = datetime(day.year, day.month, day.day, end // 60, end % 60, tzinfo=local.tzinfo)
        # Round trip through UTC settles a wall time that a DST change skips or repeats.
        return wall.astimezone(now.tzinfo) if wall > now else now

    def to_wire(self) -> dict[str, Any]:
        return {
            "categories": {c.value: {ch.value: self.allows(c, ch) for ch in Channel} for c in Category},
            "quiet_hours": None if self.quiet_start is None or self.quiet_end is None else {
                "start": format_clock(self.quiet_start), "end": format_clock(self.quiet_end)},
            "timezone": self.timezone,
            "effective_timezone": self.effective_timezone,
            "private_previews": self.private_previews,
            "locale": self.locale,
            "email_delivery": {"suppressed": self.email_suppressed is not None,
                               "reason": self.email_suppressed.value if self.email_suppressed else None},
            "version": self.version,
        }


def _timezone_of(region: str | None) -> str:
    """The user's region when it names an IANA zone, else UTC."""
    if region:
        try:
            zone(region)
            return region
        except ValidationFailed:
            pass
    return "UTC"


def _merged(stored: dict[str, Any] | None) -> dict[Category, dict[Channel, bool]]:
    merged = {c: dict(ch) for c, ch in DEFAULTS.items()}
    for category, channels in (stored or {}).items():
        if category in Category.__members__.values() and isinstance(channels, dict):
            for channel, on in channels.items():
                if channel in Channel.__members__.values() and isinstance(on, bool):
                    merged[Category(category)][Channel(channel)] = on
    return merged


async def load(user_id: str, conn: BaseDBAsyncClient | None = None) -> Preferences:
    row = await NotificationPreference.get_or_none(user_id=user_id, using_db=conn)
    regions = await User.filter(id=user_id).using_db(conn).values_list("region", flat=True)
    fallback = _timezone_of(str(regions[0]) if regions and regions[0] else None)
    indexes = await User.filter(id=user_id).using_db(conn).values_list("email_index", flat=True)
    suppressed = await suppression_of(str(indexes[0]) if indexes and indexes[0] else None, conn)
    if row is None:
        return Preferences(user_id, _merged(None), None, None, None, fallback, False, 0,
                           email_suppressed=suppressed)
    return Preferences(user_id, _merged(row.channels), row.quiet_start_minute, row.quiet_end_minute, row.timezone,
                       row.timezone or fallback, row.private_previews, row.version, locale=row.locale,
                       email_suppressed=suppressed)


async def get(actor: Actor) -> Preferences:
    await authorize(actor, Permission.NOTIFICATION_PREFERENCES)
    return await load(actor.user_id)


@dataclass(frozen=True)
class PreferencesChange:
    """A full replacement (PUT): categories may name only those that change from the defaults."""

    categories: dict[str, dict[str, bool]]
    quiet_hours: tuple[str, str] | None
    timezone: str | None
    private_previews: bool
    expected_version: int | None = None  # the version the caller read; a stale one is a conflict
    locale: str | None = None  # the language of their email (BCP 47)


def _validated(change: PreferencesChange) -> tuple[dict[str, dict[str, bool]], int | None, int | None]:
    errors: list[dict[str, Any]] = []
    channels: dict[str, dict[str, bool]] = {}
    for category, chosen in change.categories.items():
        if category not in Category.__members__.values():
            errors.append({"field": f"categories.{category}", "message": "not a category", "type": "value_error"})
            continue
        for channel, on in chosen.items():
            if channel not in Channel.__members__.values():
                errors.append({"field": f"categories.{category}.{channel}", "message": "not a channel",
                               "type": "value_error"})
            elif category == ALWAYS_ON and not on:
                errors.append({"field": f"categories.{category}.{channel}",
                               "message": "account and security notices cannot be turned off", "type": "value_error"})
            else:
                channels.setdefault(category, {})[channel] = on
    if errors:
        raise ValidationFailed(errors=errors)
    if change.timezone is not None:
        zone(change.timezone)
    if change.locale is not None and not LOCALE.match(change.locale):
        raise ValidationFailed(errors=[{"field": "locale", "message": "not a language tag (e.g. de or fr-CA)",
                                        "type": "value_error"}])
    start = end = None
    if change.quiet_hours is not None:
        start = parse_clock(change.quiet_hours[0], "quiet_hours.start")
        end = parse_clock(change.quiet_hours[1], "quiet_hours.end")
        if start == end:
            raise ValidationFailed(errors=[{"field": "quiet_hours.end", "message": "must differ from start",
                                            "type": "value_error"}])
    return channels, start, end


async def replace(actor: Actor, change: PreferencesChange) -> Preferences:
    await authorize(actor, Permission.NOTIFICATION_PREFERENCES)
    channels, start, end = _validated(change)
    values = {"channels": channels, "quiet_start_minute": start, "quiet_end_minute": end,
              "timezone": change.timezone, "private_previews": change.private_previews, "locale": change.locale}
    if change.expected_version is not None:
        return await _replace_if_current(actor.user_id, change.expected_version, values)
    async with unit_of_work() as uow:
        updated = await NotificationPreference.filter(user_id=actor.user_id).using_db(uow.connection).update(
            version=F("version") + 1, **values)
        if not updated:
            try:
                async with unit_of_work() as inner_uow:  # a savepoint: a racing first PUT may win
                    await NotificationPreference.create(user_id=actor.user_id, using_db=inner_uow.connection, **values)
            except IntegrityError:
                await NotificationPreference.filter(user_id=actor.user_id).using_db(uow.connection).update(
                    version=F("version") + 1, **values)
    return await load(actor.user_id)


async def _replace_if_current(user_id: str, expected: int, values: dict[str, Any]) -> Preferences:
    """A replacement that holds only while the stored version is the one the caller read (0:
    the defaults, never saved)."""
    async with unit_of_work() as uow:
        if expected == 0:
            try:
                async with unit_of_work() as inner_uow:  # a savepoint: a racing first PUT may win
                    await NotificationPreference.create(user_id=user_id, using_db=inner_uow.connection, **values)
            except IntegrityError:
                raise _stale(await load(user_id, uow.connection)) from None
        else:
            updated = await NotificationPreference.filter(user_id=user_id, version=expected).using_db(
                uow.connection).update(version=F("version") + 1, **values)
            if not updated:
                raise _stale(await load(user_id, uow.connection))
    return await load(user_id)


def _stale(current: Preferences) -> Conflict:
    return Conflict("Your notification preferences changed since you read them; reload and apply your edits again.",
                    reason=ConflictReason.STALE_VERSION, details={"version": current.version})
