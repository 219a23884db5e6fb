"""The pure parts of issue 7 part A: quiet hours in the user's time zone (spanning midnight,
across a DST change), and the decision table's coverage (texts and their languages: test_notification_texts.py)."""

from __future__ import annotations

from datetime import UTC, datetime

from domain.notifications.models import Category, Channel
from domain.notifications.preferences import DEFAULTS, Preferences
from domain.notifications.texts import TEMPLATES
from push.notifier import RULES


def prefs(start: int | None, end: int | None, tz: str = "Europe/Berlin") -> Preferences:
    return Preferences("u", {c: dict(ch) for c, ch in DEFAULTS.items()}, start, end, tz, tz, False, 1)


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).astimezone(UTC)


def test_quiet_hours_spanning_midnight_end_the_next_local_morning() -> None:
    night = prefs(22 * 60, 7 * 60)
    # 23:30 in Berlin (CET, UTC+1) on 10 January: held until 07:00 Berlin = 06:00 UTC on the 11th.
    assert night.quiet_until(at("2030-01-10T23:30:00+01:00")) == at("2030-01-11T07:00:00+01:00")
    # 03:00 local: the same night's end, that morning.
    assert night.quiet_until(at("2030-01-11T03:00:00+01:00")) == at("2030-01-11T07:00:00+01:00")
    # 07:00 sharp and midday: not quiet.
    assert night.quiet_until(at("2030-01-11T07:00:00+01:00")) is None
    assert night.quiet_until(at("2030-01-11T12:00:00+01:00")) is None


def test_quiet_hours_within_a_day_and_none() -> None:
    nap = prefs(13 * 60, 15 * 60, "UTC")
    assert nap.quiet_until(at("2030-06-01T14:10:00+00:00")) == at("2030-06-01T15:00:00+00:00")
    assert nap.quiet_until(at("2030-06-01T15:10:00+00:00")) is None
    assert prefs(None, None).quiet_until(at("2030-06-01T03:00:00+00:00")) is None


def test_quiet_hours_end_in_local_time_across_a_dst_change() -> None:
    night = prefs(22 * 60, 7 * 60)
    # The night Berlin moves to summer time (31 March 2030, 02:00 -> 03:00): 07:00 CEST = 05:00 UTC.
    assert night.quiet_until(at("2030-03-30T23:00:00+01:00")) == datetime(2030, 3, 31, 5, 0, tzinfo=UTC)


def test_account_security_is_always_on_and_email_is_off_by_default() -> None:
    p = prefs(None, None)
    p.channels[Category.ACCOUNT_SECURITY][Channel.PUSH] = False  # even a stored "off" cannot silence it
    assert p.allows(Category.ACCOUNT_SECURITY, Channel.PUSH) and p.allows(Category.ACCOUNT_SECURITY, Channel.IN_APP)
    assert not p.allows(Category.MESSAGES, Channel.EMAIL) and not p.allows(Category.MARKETING, Channel.PUSH)


def test_every_rule_has_an_english_template() -> None:
    # Finance documents are told in the words of their series (push/recipients.document_recipient).
    documents = {f"document.{series}" for series in ("receipt", "credit_note", "invoice")}
    keys = {rule.kind for rule in RULES.values() if rule.kind != "document.issued"} | {"message.new.many"} | documents
    assert keys <= set(TEMPLATES)
    assert {r.category for r in RULES.values()} >= {Category.MESSAGES, Category.BIDS, Category.BOOKINGS,
                                                    Category.ACCOUNT_SECURITY}
