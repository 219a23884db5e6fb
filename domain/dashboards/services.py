"""Reading the dashboards: authorize, then sum the rollups over the period. Nothing here reads
a live table for a figure (tests/test_dashboards.py captures the SQL); the provider's check of
who may read it looks at the organisation and its memberships, as every provider route does."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from tortoise.functions import Sum

from domain.access.policy import Permission, authorize
from domain.accounts.models import Organisation
from domain.dashboards.figures import CREW, PLATFORM, PLATFORM_SUBJECT, PROVIDER, SERVICEMAN
from domain.dashboards.models import DashboardCounter, DashboardCrew
from domain.dashboards.views import Amounts, Dashboard, DayRow, Rate
from domain.shared.clock import utcnow
from domain.shared.context import Actor
from domain.shared.errors import NotFound, ValidationFailed
from domain.shared.ids import as_uuid

DEFAULT_DAYS = 30
MAX_DAYS = 366
MONEY = frozenset({"earned", "gross", "revenue", "gmv", "fees"})


@dataclass(frozen=True)
class Period:
    start: date
    end: date  # inclusive


def period(start: date | None = None, end: date | None = None) -> Period:
    """`from`..`to`, both UTC days, inclusive; by default the last 30 days up to today."""
    end = end or (start + timedelta(days=DEFAULT_DAYS - 1) if start else utcnow().date())
    start = start or end - timedelta(days=DEFAULT_DAYS - 1)
    if start > end:
        raise ValidationFailed("`from` must not be after `to`.", errors=[_error("from", "after `to`")])
    if (end - start).days >= MAX_DAYS:
        raise ValidationFailed(f"At most {MAX_DAYS} days.", errors=[_error("to", f"more than {MAX_DAYS} days")])
    return Period(start, end)


def _error(name: str, message: str) -> dict[str, str]:
    return {"field": name, "message": message, "type": "value_error", "location": "query"}


async def _days(scope: str, subject: str, p: Period) -> list[DayRow]:
    rows = await DashboardCounter.filter(scope=scope, subject=subject, member="", day__gte=p.start,
                                         day__lte=p.end).order_by("day", "metric", "currency").values(
        "day", "metric", "currency", "value")
    return [DayRow(r["day"], r["metric"], r["currency"], int(r["value"])) for r in rows if r["value"]]


def _totals(days: Iterable[DayRow]) -> tuple[dict[str, int], list[Amounts]]:
    counts: dict[str, int] = {}
    money: dict[str, dict[str, int]] = {}
    for row in days:
        if row.currency:
            per = money.setdefault(row.currency, {})
            per[row.metric] = per.get(row.metric, 0) + row.value
        else:
            counts[row.metric] = counts.get(row.metric, 0) + row.value
    return counts, [Amounts(cur, values) for cur, values in sorted(money.items())]


def _rating(counts: dict[str, int]) -> dict[str, Rate]:
    return {"average_rating": Rate(counts.get("rating_sum", 0), counts.get("rating_count", 0))}


async def serviceman(actor: Actor, serviceman_id: str | None, p: Period) -> Dashboard:
    """The caller's own dashboard; an admin names whose."""
    subject = serviceman_id or actor.user_id
    uid = as_uuid(subject)
    await authorize(actor, Permission.DASHBOARD_SERVICEMAN_READ, str(uid) if uid else subject)
    if uid is None:
        raise NotFound()
    days = await _days(SERVICEMAN, str(uid), p)
    counts, money = _totals(days)
    decided = counts.get("accepted", 0) + counts.get("declined", 0) + counts.get("expired", 0)
    rates = {"acceptance_rate": Rate(counts.get("accepted", 0), decided),
             "completion_rate": Rate(counts.get("completed", 0), counts.get("accepted", 0)), **_rating(counts)}
    return Dashboard("serviceman", str(uid), p.start, p.end, counts, money, rates, days=days)


async def provider(actor: Actor, provider_id: str, p: Period) -> Dashboard:
    uid = as_uuid(provider_id)
    org = await Organisation.get_or_none(id=uid) if uid else None
    if org is None:
        raise NotFound()
    await authorize(actor, Permission.DASHBOARD_PROVIDER_READ, org)
    subject = str(org.id)
    days = await _days(PROVIDER, subject, p)
    counts, money = _totals(days)
    crew = await DashboardCrew.filter(organisation_id=org.id).order_by("serviceman_id").values(
        "serviceman_id", "blocked")
    members = {str(row["serviceman_id"]) for row in crew}
    worked = await DashboardCounter.filter(scope=CREW, subject=subject, metric="completed", day__gte=p.start,
                                           day__lte=p.end, value__gt=0).distinct().values_list("member", flat=True)
    active = len(members & {str(m) for m in worked})
    blocked = [str(row["serviceman_id"]) for row in crew if row["blocked"]]
    rates = {"utilisation": Rate(active, len(members)),
             "acceptance_rate": Rate(counts.get("accepted", 0), counts.get("accepted", 0) + counts.get(
                 "declined", 0) + counts.get("expired", 0)),
             "dispute_rate": Rate(counts.get("disputes_opened", 0), counts.get("completed", 0)), **_rating(counts)}
    return Dashboard("provider", subject, p.start, p.end, counts, money, rates,
                     crew={"size": len(members), "active": active, "blocked": len(blocked)},
                     blocked_crew=blocked, days=days)


async def admin(actor: Actor, p: Period) -> Dashboard:
    await authorize(actor, Permission.DASHBOARD_ADMIN_READ)
    days = await _days(PLATFORM, PLATFORM_SUBJECT, p)
    counts, money = _totals(days)
    requested = counts.get("requested", 0)
    rates = {"accepted_of_requested": Rate(counts.get("accepted", 0), requested),
             "completed_of_requested": Rate(counts.get("completed", 0), requested),
             "dispute_rate": Rate(counts.get("disputes_opened", 0), counts.get("completed", 0))}
    money_rates = {a.currency: {"take_rate": Rate(a.values.get("fees", 0), a.values.get("gmv", 0))} for a in money}
    backlog = await DashboardCounter.filter(
        scope=PLATFORM, subject=PLATFORM_SUBJECT, day__lte=p.end,
        metric__in=["verification_submitted", "verification_decided"]).annotate(total=Sum("value")).group_by(
        "metric").values("metric", "total")
    totals = {row["metric"]: int(row["total"] or 0) for row in backlog}
    counts["verification_backlog"] = totals.get("verification_submitted", 0) - totals.get("verification_decided", 0)
    return Dashboard("admin", PLATFORM_SUBJECT, p.start, p.end, counts, money, rates, money_rates=money_rates,
                     days=days)
