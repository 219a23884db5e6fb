"""What one fact adds to the rollups: the same functions serve the reaction (one event at a time)
and the rebuild (every raw row), so the two cannot disagree on what a figure means.

A fact's day is the UTC day of its raw row's timestamp (the booking's transition, the review, the
dispute, the document), never the event's own clock, so a rebuild lands it on the same day."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

SERVICEMAN, PROVIDER, CREW, PLATFORM = "serviceman", "provider", "crew", "platform"
PLATFORM_SUBJECT = "platform"

# Booking states counted, each under its own name: `requested` is what was asked of the crew
# (offers, for a serviceman), the others are the outcomes.
BOOKING_STATES = ("requested", "accepted", "declined", "expired", "cancelled", "completed")
BOOKING_EVENTS = {f"booking.{state}": state for state in BOOKING_STATES}

Key = tuple[str, str, str, date, str, str]  # scope, subject, member, day, metric, currency


@dataclass(frozen=True)
class Delta:
    scope: str
    subject: str
    day: date
    metric: str
    value: int
    currency: str = ""
    member: str = ""

    @property
    def key(self) -> Key:
        return (self.scope, self.subject, self.member, self.day, self.metric, self.currency)


@dataclass(frozen=True)
class BookingFacts:
    """What a booking's figures need, frozen at creation (price columns, pricing breakdown)."""

    organisation_id: str | None
    currency: str
    total: int
    commission: int
    payees: Mapping[str, int]  # "org:<id>" | "user:<id>" -> their share, minor units


def day_of(moment: datetime) -> date:
    return moment.astimezone(UTC).date() if moment.tzinfo else moment.date()


def payee_shares(pricing: Any) -> dict[str, int]:
    shares: dict[str, int] = {}
    for payee in (pricing or {}).get("payees") or []:
        amount = payee.get("amount") or {}
        shares[str(payee["payee"])] = shares.get(str(payee["payee"]), 0) + int(amount.get("amount", 0))
    return shares


def booking_deltas(state: str, day: date, booking: BookingFacts, crew: Iterable[str]) -> list[Delta]:
    """A booking reaching `state` (one of BOOKING_STATES) on `day`, with its crew."""
    crew = list(dict.fromkeys(crew))
    org = booking.organisation_id
    found = [Delta(PLATFORM, PLATFORM_SUBJECT, day, state, 1)]
    found += [Delta(SERVICEMAN, member, day, state, 1) for member in crew]
    if org:
        found.append(Delta(PROVIDER, org, day, state, 1))
    if state != "completed":
        return found
    cur = booking.currency
    found += [Delta(PLATFORM, PLATFORM_SUBJECT, day, "gmv", booking.total, cur),
              Delta(PLATFORM, PLATFORM_SUBJECT, day, "fees", booking.commission, cur)]
    for member in crew:
        found.append(Delta(SERVICEMAN, member, day, "earned", booking.payees.get(f"user:{member}", 0), cur))
    if org:
        found += [Delta(PROVIDER, org, day, "gross", booking.total, cur),
                  Delta(PROVIDER, org, day, "revenue", booking.payees.get(f"org:{org}", 0), cur)]
        found += [Delta(CREW, org, day, "completed", 1, member=member) for member in crew]
    return found


def review_deltas(day: date, subject_id: str, organisation_id: str | None, rating: int, sign: int) -> list[Delta]:
    """A customer's review of the crew (+1 when posted, -1 when an admin hides it)."""
    found = [Delta(SERVICEMAN, subject_id, day, "rating_count", sign),
             Delta(SERVICEMAN, subject_id, day, "rating_sum", sign * rating)]
    if organisation_id:
        found += [Delta(PROVIDER, organisation_id, day, "rating_count", sign),
                  Delta(PROVIDER, organisation_id, day, "rating_sum", sign * rating)]
    return found


def dispute_deltas(day: date, organisation_id: str | None) -> list[Delta]:
    found = [Delta(PLATFORM, PLATFORM_SUBJECT, day, "disputes_opened", 1)]
    if organisation_id:
        found.append(Delta(PROVIDER, organisation_id, day, "disputes_opened", 1))
    return found


def verification_delta(day: date, decided: bool) -> Delta:
    """A document submitted, or decided (approved or rejected): the backlog is their difference."""
    return Delta(PLATFORM, PLATFORM_SUBJECT, day, "verification_decided" if decided else "verification_submitted", 1)


def fold(deltas: Iterable[Delta]) -> dict[Key, int]:
    """Sum deltas per key (what the table holds after they were all applied)."""
    totals: dict[Key, int] = {}
    for delta in deltas:
        totals[delta.key] = totals.get(delta.key, 0) + delta.value
    return totals
