"""Notification text for one recipient: the template (domain/notifications/texts.py) in their
language, its values formatted for their locale (Babel, CLDR data) and time zone.

Catalogues are gettext `.po` files under `locale/<language>/LC_MESSAGES/notifications.po`,
compiled in memory on first use (no build step, never stale). A locale ("de-AT") is looked up
whole, then by language ("de"); without a catalogue the English source is used, and so is any
message a catalogue lacks (tests/test_notification_texts.py keeps the shipped ones complete).
Numbers, money, dates and list joining follow the full locale even where the words fall back.
"""

from __future__ import annotations

import gettext
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from functools import cache, lru_cache
from io import BytesIO
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from babel import Locale, UnknownLocaleError
from babel.dates import format_date, format_skeleton, format_time, get_datetime_format
from babel.lists import format_list
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_currency, format_decimal
from babel.support import Translations

from domain.notifications.texts import PHRASES, TEMPLATES, PluralText, Text
from domain.shared.money import CURRENCY_EXPONENT

LOCALE_DIR = Path(__file__).parent / "locale"
DOMAIN = "notifications"
DEFAULT_LOCALE = "en"


@dataclass(frozen=True)
class Audience:
    """Whom a text is for: their locale (a BCP 47 or POSIX tag) and IANA time zone."""

    locale: str | None = DEFAULT_LOCALE
    time_zone: str = "UTC"


# Values a template's placeholders take besides plain text (shown as given):
@dataclass(frozen=True)
class Amount:
    """Money in integer minor units, shown with the currency's digits in the recipient's format."""

    minor: int
    currency: str


@dataclass(frozen=True)
class Moment:
    """An instant, shown as a date and time in the recipient's zone."""

    at: datetime


@dataclass(frozen=True)
class Day:
    """A date; an instant is shown as its date in the recipient's zone."""

    on: date | datetime


@dataclass(frozen=True)
class Phrase:
    """One of texts.PHRASES, translated."""

    key: str


@dataclass(frozen=True)
class Phrases:
    """Several phrases (or plain words) joined as the language joins a list ("a, b and c")."""

    items: tuple[Phrase | str, ...]


def phrase_or(key: str, otherwise: str) -> Phrase | str:
    """The phrase `key` when there is one, else `otherwise` as it is (a name we have no words for)."""
    return Phrase(key) if key in PHRASES else otherwise


def instant(text: Any) -> datetime | None:
    """An ISO 8601 instant from an event's data, or None."""
    try:
        return datetime.fromisoformat(str(text)) if text else None
    except ValueError:
        return None


@lru_cache(maxsize=512)
def babel_locale(tag: str | None) -> Locale:
    """The babel locale of a language tag (the default for one it does not know); remembered per
    tag: every notification rendered parses its recipient's."""
    try:
        return Locale.parse((tag or DEFAULT_LOCALE).replace("-", "_"))
    except (ValueError, TypeError, UnknownLocaleError):
        return Locale.parse(DEFAULT_LOCALE)


@lru_cache(maxsize=512)
def zone_of(name: str | None) -> ZoneInfo:
    try:
        return ZoneInfo(name or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def languages() -> list[str]:
    """The languages with a shipped catalogue (besides the English source)."""
    return sorted(p.parent.parent.name for p in LOCALE_DIR.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))


@cache
def catalogue(language: str) -> gettext.NullTranslations | None:
    path = LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"
    if not path.is_file():
        return None
    with path.open("rb") as po:
        compiled = BytesIO()
        write_mo(compiled, read_po(po, locale=language))  # fuzzy entries are left out, as msgfmt does
    compiled.seek(0)
    return Translations(compiled, domain=DOMAIN)


@lru_cache(maxsize=512)
def translations(locale: Locale) -> gettext.NullTranslations:
    for name in dict.fromkeys((str(locale), locale.language)):
        found = catalogue(name)
        if found is not None:
            return found
    return gettext.NullTranslations()  # the English source


def _say(text: Text | PluralText, words: gettext.NullTranslations, values: dict[str, Any]) -> str:
    if isinstance(text, PluralText):
        count = values.get(text.count, 0)
        return words.npgettext(text.context, text.singular, text.plural, int(count) if isinstance(count, int) else 0)
    return words.pgettext(text.context, text.message)


def _amount(value: Amount, locale: Locale) -> str:
    exponent = CURRENCY_EXPONENT.get(value.currency)
    if exponent is None:  # a code we do not take money in: the number and the code as given
        return f"{format_decimal(Decimal(value.minor).scaleb(-2), '#,##0.00', locale=locale)} {value.currency}".strip()
    return format_currency(Decimal(value.minor).scaleb(-exponent), value.currency, locale=locale)


def _moment(value: Moment, locale: Locale, zone: ZoneInfo) -> str:
    day = format_skeleton("yMMMEd", value.at, tzinfo=zone, locale=locale)
    clock = format_time(value.at, "short", tzinfo=zone, locale=locale)
    joined = str(get_datetime_format("medium", locale=locale))  # "{1}, {0}": the date, then the time
    return joined.replace("{1}", day).replace("{0}", clock)


def _shown(value: Any, locale: Locale, zone: ZoneInfo, words: gettext.NullTranslations) -> str:
    if type(value) is str:  # plain text, the commonest (names, previews): shown as given
        return value
    if isinstance(value, Amount):
        return _amount(value, locale)
    if isinstance(value, Moment):
        return _moment(value, locale, zone)
    if isinstance(value, Day):
        on = value.on.astimezone(zone).date() if isinstance(value.on, datetime) else value.on
        return format_date(on, "medium", locale=locale)
    if isinstance(value, Phrase):
        return _say(PHRASES[value.key], words, {})
    if isinstance(value, Phrases):
        shown = [_shown(item, locale, zone, words) for item in value.items]
        return format_list(shown, locale=locale) if shown else ""
    if isinstance(value, int) and not isinstance(value, bool):
        return _decimal(value, locale)
    return str(value)


@lru_cache(maxsize=4096)
def _decimal(value: int, locale: Locale) -> str:
    """A count in the locale's digits and grouping: the same few counts (unread messages) are
    formatted over and over, each costing more than the rest of a message's rendering."""
    return format_decimal(value, locale=locale)


class _Filled(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return ""  # a template never fails on a value the event did not carry


def render(
    key: str, values: dict[str, Any], audience: Audience | None = None, *, private: bool = False
) -> tuple[str, str]:
    """(title, body) of template `key` for `audience` (English in UTC by default)."""
    audience = audience or Audience()
    template = TEMPLATES[key]
    locale, zone = babel_locale(audience.locale), zone_of(audience.time_zone)
    words = translations(locale)
    filled = _Filled({name: _shown(value, locale, zone, words) for name, value in values.items()})
    body = template.private_body if private and template.private_body else template.body
    return _say(template.title, words, values).format_map(filled).strip(), _say(body, words, values).format_map(
        filled
    ).strip()


def preview(text: str, limit: int = 120) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"
