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
from functools import cache
from typing import Any
from zoneinfo import ZoneInfo

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.connection import connections
from tortoise.exceptions import IntegrityError
from tortoise.expressions import F

from domain.access.policy import Permission, authorize
from domain.notifications.models import Category, Channel, NotificationPreference, SuppressionReason
from domain.scheduling.windows import format_clock, parse_clock, zone
from domain.shared import sql
from domain.shared.context import Actor
from domain.shared.errors import Conflict, ConflictReason, ValidationFailed
from domain.shared.ids import as_uuid, canonical
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


@dataclass(frozen=True)
class Reach:
    """A user's preferences and their devices, as the notifier reads them for each notice."""

    preferences: Preferences
    has_device: bool
    device_locale: str | None  # that of the device last seen


# The preference row, the user's region (the zone fallback) and the suppression of their email
# address, in one statement where they were four (the notifier reads them for every recipient
# of every message); with `devices`, the locale of the device last seen and whether there is one.
@cache
def _load_sql(devices: bool) -> str:
    device = ('(SELECT d.locale FROM device AS d WHERE d.user_id = u.id ORDER BY d.last_seen_at DESC LIMIT 1) '
              'AS "x.device_locale", EXISTS (SELECT 1 FROM device AS d WHERE d.user_id = u.id) AS "x.has_device", '
              if devices else "")
    return (f'SELECT {sql.aliased("p", NotificationPreference)}, {device}'  # noqa: S608 - model columns
            'u.region AS "x.region", s.reason AS "x.suppressed" FROM user_account AS u '
            "LEFT JOIN notification_preference AS p ON p.user_id = u.id "
            "LEFT JOIN email_suppression AS s ON s.email_index = u.email_index AND u.email_index <> '' "
            "WHERE u.id = $1")


async def _read(user_id: str, conn: BaseDBAsyncClient | None, devices: bool) -> tuple[Preferences, dict[str, Any]]:
    uid = as_uuid(user_id)
    found = await sql.rows(conn if conn is not None else connections.get("default"), _load_sql(devices),
                           [uid]) if uid is not None else []
    return _built(user_id, found[0] if found else None)


def _built(user_id: str, found: dict[str, Any] | None) -> tuple[Preferences, dict[str, Any]]:
    """A user's preferences from their row of `_load_sql` (None: no such user, the defaults)."""
    split = sql.split_aliased(found, "p", "x") if found else {"p": {}, "x": {}}
    extra = split["x"]
    fallback = _timezone_of(str(extra["region"]) if extra.get("region") else None)
    suppressed = SuppressionReason(extra["suppressed"]) if extra.get("suppressed") else None
    if split["p"].get("user_id") is None:
        return Preferences(user_id, _merged(None), None, None, None, fallback, False, 0,
                           email_suppressed=suppressed), extra
    row = NotificationPreference._init_from_db(**split["p"])
    return Preferences(user_id, _merged(row.channels), row.quiet_start_minute, row.quiet_end_minute, row.timezone,
                       row.timezone or fallback, row.private_previews, row.version, locale=row.locale,
                       email_suppressed=suppressed), extra


async def load(user_id: str, conn: BaseDBAsyncClient | None = None) -> Preferences:
    return (await _read(user_id, conn, devices=False))[0]


async def reach(user_id: str, conn: BaseDBAsyncClient | None = None) -> Reach:
    """`load`, with the user's devices: one statement."""
    prefs, extra = await _read(user_id, conn, devices=True)
    locale = extra.get("device_locale")
    return Reach(prefs, bool(extra.get("has_device")), str(locale) if locale else None)


@cache
def _reach_many_sql() -> str:
    return _load_sql(True).replace("u.region AS", 'u.id AS "x.user_id", u.region AS', 1).replace(
        "WHERE u.id = $1", "WHERE u.id = ANY($1::uuid[])")


async def reach_many(user_ids: list[str], conn: BaseDBAsyncClient) -> dict[str, Reach]:
    """`reach` of every user named, in one statement (PostgreSQL). Ids travel as text (asyncpg
    takes text for a uuid) and rows are read as they come: no parsing of an id nor copying of a row."""
    wanted = {u: canonical(u) for u in dict.fromkeys(user_ids)}
    found = await sql.records(conn, _reach_many_sql(), [[uid for uid in wanted.values() if uid is not None]])
    by_id = {str(row["x.user_id"]): row for row in found}
    reaches = {}
    for user_id, uid in wanted.items():
        row = by_id.get(uid) if uid is not None else None
        if row is None:
            prefs, _ = _built(user_id, None)
            reaches[user_id] = Reach(prefs, False, None)
            continue
        region, suppressed = row["x.region"], row["x.suppressed"]
        fallback = _timezone_of(str(region) if region else None)
        if row["p.user_id"] is None:  # no choices saved: the defaults (`_built` without splitting the row)
            prefs = Preferences(user_id, _merged(None), None, None, None, fallback, False, 0,
                                email_suppressed=SuppressionReason(suppressed) if suppressed else None)
        else:
            prefs, _ = _built(user_id, row)
        locale = row["x.device_locale"]
        reaches[user_id] = Reach(prefs, bool(row["x.has_device"]), str(locale) if locale else None)
    return reaches


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
