"""Who someone is on a booking (customer, crew, provider manager) and the policy relations
built on it. Registered with the policy at import."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from domain.access.policy import register_relation
from domain.accounts.models import Membership, OrgRole
from domain.bookings.models import Assignment, Booking
from domain.bookings.states import Party
from domain.shared.context import Actor

MANAGING_ROLES = (OrgRole.OWNER, OrgRole.MANAGER)




async def managed_org_ids(user_id: str) -> list[UUID]:
    rows = await Membership.filter(user_id=user_id, role__in=MANAGING_ROLES).values("organisation_id")
    return [row["organisation_id"] for row in rows]


async def is_org_manager(user_id: str, org_id: object) -> bool:
    if org_id is None:
        return False
    return await Membership.exists(organisation_id=org_id, user_id=user_id, role__in=MANAGING_ROLES)


async def parties_of(actor: Actor, booking: Booking, assignments: list[Assignment] | None = None) -> frozenset[Party]:
    """Who `actor` is on this booking. Remembered on the loaded row, so one use case (the
    policy's check, the state machine's decision, the view's actions) reads it once."""
    memo: dict[tuple[str, frozenset[str]], frozenset[Party]] = booking.__dict__.setdefault("_parties_memo", {})
    key = (actor.user_id, actor.roles)
    if key not in memo:
        memo[key] = await _parties(actor, booking, assignments)
    return memo[key]


def remember_parties(actor: Actor, booking: Booking, *, crew_lead: bool | None, manager: bool) -> None:
    """What `parties_of` would read, already read with the booking (one query instead of two:
    domain/finance/cases/rows.py): `crew_lead` None when the actor is not on the crew, else
    whether they lead it; `manager` whether they manage the booking's organisation (accepted
    owner or manager membership)."""
    memo: dict[tuple[str, frozenset[str]], frozenset[Party]] = booking.__dict__.setdefault("_parties_memo", {})
    memo[(actor.user_id, actor.roles)] = _of(actor, booking, crew_lead, manager)


async def _parties(actor: Actor, booking: Booking, assignments: list[Assignment] | None) -> frozenset[Party]:
    crew_lead: bool | None = None
    crew = assignments if assignments is not None else await Assignment.filter(booking_id=booking.id)
    for assignment in crew:
        if str(_fk(assignment, "serviceman_id")) == actor.user_id:
            crew_lead = bool(crew_lead or assignment.lead)
    return _of(actor, booking, crew_lead, await is_org_manager(actor.user_id, _fk(booking, "organisation_id")))


def _of(actor: Actor, booking: Booking, crew_lead: bool | None, manager: bool) -> frozenset[Party]:
    found: set[Party] = set()
    if str(_fk(booking, "customer_id")) == actor.user_id:
        found.add(Party.CUSTOMER)
    if crew_lead is not None:
        found.add(Party.SERVICEMAN)
        if crew_lead:
            found.add(Party.LEAD)
    if manager:
        found.add(Party.MANAGER)
    if actor.is_admin:
        found.add(Party.ADMIN)
    return frozenset(found)


def _fk(row: Any, name: str) -> Any:
    return getattr(row, name)


async def _is_party(actor: Actor, booking: object) -> bool:
    if not isinstance(booking, Booking):
        return False
    return bool(await parties_of(actor, booking) - {Party.ADMIN})


async def _is_manager(actor: Actor, booking: object) -> bool:
    return isinstance(booking, Booking) and await is_org_manager(actor.user_id, _fk(booking, "organisation_id"))


async def _is_reviewer(actor: Actor, booking: object) -> bool:
    if not isinstance(booking, Booking):
        return False
    return bool(await parties_of(actor, booking) & {Party.CUSTOMER, Party.LEAD})


register_relation("booking_party", _is_party)
register_relation("booking_manager", _is_manager)
register_relation("booking_reviewer", _is_reviewer)
