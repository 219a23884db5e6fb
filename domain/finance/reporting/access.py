"""Whose money a request is about (a `Payee`: me, or an organisation) and who may see it: the
person themselves, an organisation's owner or managers (its crew learn it exists: 403, a
stranger gets 404), and admins (domain/access/policy.py)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from domain.access.policy import register_relation
from domain.accounts.models import Membership, Organisation, OrgRole
from domain.shared.context import Actor
from domain.shared.errors import NotFound, ValidationFailed
from domain.shared.ids import as_uuid
from domain.shared.money import CURRENCY_EXPONENT


def field_error(field: str, message: str, location: str, kind: str = "value_error") -> dict[str, str]:
    """One invalid input, shaped as the problem's `errors` items (rest/errors.FieldError)."""
    return {"field": field, "message": message, "type": kind, "location": location}


@dataclass(frozen=True)
class Payee:
    owner: str  # the ledger owner: "user:<uuid>" | "org:<uuid>"
    org: Organisation | None = None

    @property
    def user_id(self) -> str | None:
        return self.owner.removeprefix("user:") if self.owner.startswith("user:") else None


def me(actor: Actor) -> Payee:
    return Payee(f"user:{actor.user_id}")


async def org(org_id: str) -> Payee:
    uid = as_uuid(org_id)
    found = await Organisation.get_or_none(id=uid) if uid else None
    if found is None:
        raise NotFound()
    return Payee(f"org:{found.id}", found)


async def _reads(actor: Actor, payee: object) -> bool:
    if not isinstance(payee, Payee):
        return False
    if payee.org is None:
        return payee.user_id == actor.user_id
    return await Membership.exists(organisation_id=payee.org.id, user_id=actor.user_id,
                                   role__in=[OrgRole.OWNER, OrgRole.MANAGER])


async def _sees(actor: Actor, payee: object) -> bool:
    if not isinstance(payee, Payee):
        return False
    if payee.org is None:
        return payee.user_id == actor.user_id
    return await Membership.exists(organisation_id=payee.org.id, user_id=actor.user_id)


register_relation("payee_reader", _reads)
register_relation("payee_viewer", _sees)


@dataclass(frozen=True)
class Period:
    """[start, end) in UTC, and how it was asked for ("2026-11", "2026", or from..to)."""

    start: datetime
    end: datetime
    label: str


def period(month: str | None = None, start: date | None = None, end: date | None = None,
           year: int | None = None) -> Period:
    """A month ("YYYY-MM"), a year, or [start, end) in days; 422 for anything else (never a 500)."""
    try:
        if month is not None:
            y, m = (int(part) for part in month.split("-"))
            if len(month) != 7:
                raise ValueError
            first = datetime(y, m, 1, tzinfo=UTC)
            after = datetime(y + (m == 12), m % 12 + 1, 1, tzinfo=UTC)
            return _bounded(Period(first, after, month))
        if year is not None:
            return _bounded(Period(datetime(year, 1, 1, tzinfo=UTC), datetime(year + 1, 1, 1, tzinfo=UTC), str(year)))
        if start is not None and end is not None:
            if end <= start:
                raise ValidationFailed("The period must end after it starts.",
                                       errors=[field_error("to", "must be after from", "query")])
            if (end - start).days > 3660:
                raise ValueError
            return _bounded(Period(datetime(start.year, start.month, start.day, tzinfo=UTC),
                                   datetime(end.year, end.month, end.day, tzinfo=UTC), f"{start}..{end}"))
    except ValidationFailed:
        raise
    except (ValueError, TypeError, OverflowError):
        pass
    raise ValidationFailed("Give a month (YYYY-MM), a year, or from and to dates (at most ten years apart).",
                           errors=[field_error("period", "not a valid period", "query")])


def _bounded(p: Period) -> Period:
    if not (2000 <= p.start.year <= 2999 and p.end.year <= 3000):
        raise ValueError("out of range")
    return p


def currency(code: str) -> str:
    if code not in CURRENCY_EXPONENT:
        raise ValidationFailed(f"{code[:8]!r} is not a currency we price in.",
                               errors=[field_error("currency", "unknown currency", "query")])
    return code
