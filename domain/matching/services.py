"""Rank servicemen for a request: who covers the place, works the trade, is free, and does it well.

Candidates are active users with the serviceman role whose own zones, or whose
organisation's zones, cover the request's point, and whose profile lists the requested
category or a related one (its parent, or one of its specialities), and who hold every credential
the category requires (domain/catalog/requirements.py: approved, unexpired documents). Availability in the
window comes from scheduling (`is_free`); with no window (on demand) the window is the next
ON_DEMAND_MINUTES from the current slot. Scores and their factors: domain/matching/scoring.py.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import cast
from uuid import UUID

from domain.access.policy import Permission, authorize
from domain.accounts.models import Membership, Role, User, UserStatus
from domain.catalog import requirements
from domain.catalog.models import Category
from domain.matching import scoring
from domain.profiles import credentials
from domain.profiles.models import ServicemanProfile
from domain.scheduling.models import SLOT_MINUTES
from domain.scheduling.services import is_free
from domain.shared.clock import utcnow
from domain.shared.context import Actor
from domain.shared.errors import ValidationFailed
from domain.zones.models import OrganisationZone, ServicemanZone
from domain.zones.services import covering_zone_ids

ON_DEMAND_MINUTES = 60
MAX_WINDOW = timedelta(days=14)
# Windows outside these bounds are typos (and would overflow date arithmetic near year 9999).
EARLIEST = datetime(2000, 1, 1, tzinfo=UTC)
LATEST = datetime(2100, 1, 1, tzinfo=UTC)
# Availability costs queries per candidate: it is checked for the best this many by the other factors.
MAX_CHECKED = 100
MAX_LIMIT = 50


@dataclass(frozen=True)
class MatchRequest:
    category_id: str
    lat: float
    lng: float
    start: datetime | None = None  # both None: on demand
    end: datetime | None = None
    limit: int = 10


@dataclass(frozen=True)
class Candidate:
    serviceman_id: UUID
    name: str
    score: float
    factors: dict[str, scoring.Factor]


def _invalid(field: str, message: str) -> ValidationFailed:
    return ValidationFailed(errors=[{"field": field, "message": message, "type": "value_error"}])


def _floor_to_slot(moment: datetime) -> datetime:
    seconds = SLOT_MINUTES * 60
    stamp = int(moment.timestamp())
    return datetime.fromtimestamp(stamp - stamp % seconds, tz=UTC)


def window_of(start: datetime | None, end: datetime | None) -> tuple[datetime, datetime]:
    """The requested window on the slot grid; on demand: from the current slot on."""
    if (start is None) != (end is None):
        raise _invalid("start" if start is None else "end", "give both start and end, or neither (on demand)")
    if start is None or end is None:
        begin = _floor_to_slot(utcnow())
        return begin, begin + timedelta(minutes=ON_DEMAND_MINUTES)
    if start.tzinfo is None or end.tzinfo is None:
        raise _invalid("start", "times need a UTC offset")
    for name, moment in (("start", start), ("end", end)):
        if not EARLIEST <= moment <= LATEST:
            raise _invalid(name, "must lie between 2000 and 2100")
    if end <= start:
        raise _invalid("end", "must be after start")
    if end - start > MAX_WINDOW:
        raise _invalid("end", "the window may span at most 14 days")
    return _floor_to_slot(start), end


async def _category_relations(category_id: str) -> dict[str, scoring.CategoryMatch]:
    """The slugs a profile may list to do this work: itself, its ancestors, its specialities."""
    category = await Category.get_or_none(id=category_id)
    if category is None:
        raise ValidationFailed(errors=[{"field": "category_id", "message": "no such category", "type": "reference"}])
    related: dict[str, scoring.CategoryMatch] = {category.id: "exact"}
    parent, depth = category.parent_id, 0
    while parent is not None and depth < 8:  # the taxonomy is shallow; the bound guards a cycle
        related.setdefault(parent, "broader")
        row = await Category.get_or_none(id=parent)
        parent, depth = (row.parent_id if row else None), depth + 1
    for child in await Category.filter(parent_id=category.id).values_list("id", flat=True):
        related.setdefault(str(child), "narrower")
    return related


async def _covering(lat: float, lng: float) -> dict[UUID, scoring.Coverage]:
    zone_ids = await covering_zone_ids(lat, lng)
    if not zone_ids:
        return {}
    coverage: dict[UUID, scoring.Coverage] = {}
    org_ids = await OrganisationZone.filter(zone_id__in=zone_ids).values_list("organisation_id", flat=True)
    if org_ids:
        members = await Membership.filter(organisation_id__in=set(org_ids)).values_list("user_id", flat=True)
        coverage.update((user_id, "organisation") for user_id in cast(list[UUID], members))
    own = await ServicemanZone.filter(zone_id__in=zone_ids).values_list("user_id", flat=True)
    coverage.update((user_id, "own") for user_id in cast(list[UUID], own))
    return coverage


def _best_relation(listed: Iterable[str], related: dict[str, scoring.CategoryMatch]) -> scoring.CategoryMatch | None:
    found = {related[slug] for slug in listed if slug in related}
    order: tuple[scoring.CategoryMatch, ...] = ("exact", "broader", "narrower")
    for kind in order:
        if kind in found:
            return kind
    return None


async def _eligible(request: MatchRequest, exclude: set[UUID]) -> list[tuple[User, scoring.Facts]]:
    """Everyone who passes the filters, with availability not yet known."""
    related = await _category_relations(request.category_id)
    coverage = await _covering(request.lat, request.lng)
    for user_id in exclude:
        coverage.pop(user_id, None)
    if not coverage:
        return []
    users = {u.id: u for u in await User.filter(id__in=list(coverage), status=UserStatus.ACTIVE)
             if u.has_role(Role.SERVICEMAN)}
    found: list[tuple[User, scoring.Facts]] = []
    required = await requirements.effective(request.category_id)  # issue 15: verified, unexpired documents
    for profile in await ServicemanProfile.filter(user_id__in=list(users)):
        relation = _best_relation(profile.category_ids or [], related)
        user_id = profile.user_id
        if relation is None or credentials.missing(required, set(profile.verified_documents or [])):
            continue
        distance = None
        if profile.area_lat is not None and profile.area_lng is not None:
            # From the public area, not the home: a customer may query any point, and distances
            # to the exact home (however rounded) would trilaterate it.
            distance = scoring.public_km(scoring.haversine_km(request.lat, request.lng, profile.area_lat,
                                                              profile.area_lng))
        found.append((users[user_id], scoring.Facts(
            coverage=coverage[user_id], category=relation, available=None, rating_sum=profile.rating_sum,
            rating_count=profile.rating_count, completed_jobs=profile.completed_jobs, distance_km=distance)))
    return found


def _ranked(found: list[tuple[User, scoring.Facts]]) -> list[Candidate]:
    scored = []
    for user, facts in found:
        factors = scoring.factors(facts)
        scored.append((Candidate(user.id, user.name, scoring.score(factors), factors), facts.rating_count))
    # Ties: the better-known serviceman first, then a stable order by id.
    scored.sort(key=lambda item: (-round(item[0].score, 9), -item[1], str(item[0].serviceman_id)))
    return [candidate for candidate, _ in scored]


async def rank(request: MatchRequest, *, exclude: Iterable[UUID] = ()) -> list[Candidate]:
    """All eligible candidates, best first, availability included (no authorization: internal)."""
    start, end = window_of(request.start, request.end)
    found = await _eligible(request, set(exclude))
    pre = _ranked(found)[:MAX_CHECKED]
    facts_of = {user.id: (user, facts) for user, facts in found}
    checked = []
    for candidate in pre:
        user, facts = facts_of[candidate.serviceman_id]
        available = await is_free(user.id, start, end)
        checked.append((user, replace(facts, available=available)))
    return _ranked(checked)


@dataclass(frozen=True)
class Ranking:
    start: datetime  # the window availability was checked in
    end: datetime
    candidates: list[Candidate]


async def candidates(actor: Actor, request: MatchRequest) -> Ranking:
    """Ranked candidates with the factors that produced each score, for a customer to choose from."""
    await authorize(actor, Permission.MATCHING_QUERY)
    if not 1 <= request.limit <= MAX_LIMIT:
        raise _invalid("limit", f"must be between 1 and {MAX_LIMIT}")
    start, end = window_of(request.start, request.end)
    return Ranking(start, end, (await rank(request))[: request.limit])


async def best_available(category_id: str, lat: float, lng: float, start: datetime | None,
                         end: datetime | None, *, exclude: Iterable[UUID] = ()) -> UUID | None:
    """The best candidate who is free in the window, for automatic assignment; None if nobody is.

    Availability is a filter here, so candidates are tried best-first by the other factors
    and the first free one wins (the same order their full scores would give)."""
    window = window_of(start, end)
    found = await _eligible(MatchRequest(category_id, lat, lng, start, end), set(exclude))
    for candidate in _ranked(found):
        if await is_free(candidate.serviceman_id, *window):
            return candidate.serviceman_id
    return None
