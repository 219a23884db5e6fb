"""Whose presence a user may see (Permission.PRESENCE_VIEW): their own; their crew's (anyone
in an organisation they belong to: a provider and its servicemen); and that of anyone who
shares a booking with them (its customer and assigned servicemen) or an active conversation.
Admins see everyone's. Registered as the policy relation `presence_peer`.

The checks run in a few queries for a whole list of users, since a client asks for the
people on one screen at once.
"""

from __future__ import annotations

from collections.abc import Sequence
from uuid import UUID

from tortoise.expressions import Subquery

from domain.access.policy import Permission, allowed, register_relation
from domain.accounts.models import Membership
from domain.bookings.models import Assignment, Booking
from domain.messaging.models import Participant
from domain.shared.context import Actor

MAX_WATCHED = 100  # user ids per request: one screen's worth


def _uuids(values: Sequence[str]) -> list[UUID]:
    found: list[UUID] = []
    for value in values:
        try:
            uid = UUID(str(value))
        except (ValueError, TypeError, AttributeError):
            continue
        if uid not in found:
            found.append(uid)
    return found


async def _crew(actor_id: str, candidates: list[UUID]) -> set[str]:
    orgs = Membership.filter(user_id=actor_id).values("organisation_id")
    rows = await Membership.filter(organisation_id__in=Subquery(orgs), user_id__in=candidates).values_list(
        "user_id", flat=True
    )
    return {str(row) for row in rows}


async def _booking_parties(actor_id: str, candidates: list[UUID]) -> set[str]:
    as_customer = await Booking.filter(customer_id=actor_id).values_list("id", flat=True)
    as_crew = await Assignment.filter(serviceman_id=actor_id).values_list("booking_id", flat=True)
    bookings = list({*as_customer, *as_crew})
    if not bookings:
        return set()
    customers = await Booking.filter(id__in=bookings, customer_id__in=candidates).values_list("customer_id", flat=True)
    crew = await Assignment.filter(booking_id__in=bookings, serviceman_id__in=candidates).values_list(
        "serviceman_id", flat=True
    )
    return {str(row) for row in (*customers, *crew)}


async def _conversation_parties(actor_id: str, candidates: list[UUID]) -> set[str]:
    mine = Participant.filter(user_id=actor_id, left_at__isnull=True).values("conversation_id")
    rows = await Participant.filter(
        conversation_id__in=Subquery(mine), user_id__in=candidates, left_at__isnull=True
    ).values_list("user_id", flat=True)
    return {str(row) for row in rows}


async def peers_among(actor: Actor, candidates: list[UUID]) -> set[str]:
    """The candidates related to the actor in a way that lets them see each other's presence."""
    peers = {str(uid) for uid in candidates if str(uid) == actor.user_id}
    remaining = [uid for uid in candidates if str(uid) not in peers]
    for source in (_crew, _booking_parties, _conversation_parties):
        if not remaining:
            break
        peers |= await source(actor.user_id, remaining)
        remaining = [uid for uid in remaining if str(uid) not in peers]
    return peers


async def visible_user_ids(actor: Actor, user_ids: Sequence[str]) -> list[str]:
    """Those of `user_ids` whose presence the actor may see, in the order asked, once each.
    The others are left out without saying why: whether an id is a user is not told either."""
    candidates = _uuids(user_ids)
    if await allowed(actor, Permission.PRESENCE_VIEW):  # a role grant (admins)
        return [str(uid) for uid in candidates]
    peers = await peers_among(actor, candidates)
    return [str(uid) for uid in candidates if str(uid) in peers]


async def _is_peer(actor: Actor, user: object) -> bool:
    candidates = _uuids([str(getattr(user, "id", user))])
    return bool(candidates) and bool(await peers_among(actor, candidates))


register_relation("presence_peer", _is_peer)
