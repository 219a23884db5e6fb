"""Whose presence a user may see (Permission.PRESENCE_VIEW): their own; their crew's (anyone
in an organisation they belong to, membership accepted: a provider and its servicemen); and
that of anyone who shares a live booking with them (its customer and assigned servicemen,
until the booking is completed, cancelled, declined or expired) or an active conversation
(not one about such a closed booking). Admins see everyone's. Registered as the policy
relation `presence_peer`. The relation is symmetric: A sees B exactly when B sees A.

When a relationship ends (`lost_sight`), the realtime side tells both users and drops their
live subscriptions to each other.

The checks run in a few queries for a whole list of users, since a client asks for the
people on one screen at once.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from uuid import UUID

from tortoise.expressions import Q, Subquery

from domain.access.policy import Permission, allowed, register_relation
from domain.accounts.models import Membership
from domain.bookings.models import Assignment, Booking
from domain.bookings.states import TERMINAL
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


CLOSED = [state.value for state in TERMINAL]  # a finished, cancelled or refused booking relates nobody


async def _booking_parties(actor_id: str, candidates: list[UUID]) -> set[str]:
    as_customer = await Booking.filter(customer_id=actor_id, state__not_in=CLOSED).values_list("id", flat=True)
    as_crew = await Assignment.filter(serviceman_id=actor_id, booking__state__not_in=CLOSED).values_list(
        "booking_id", flat=True)
    bookings = list({*as_customer, *as_crew})
    if not bookings:
        return set()
    customers = await Booking.filter(id__in=bookings, customer_id__in=candidates).values_list("customer_id", flat=True)
    crew = await Assignment.filter(booking_id__in=bookings, serviceman_id__in=candidates).values_list(
        "serviceman_id", flat=True
    )
    return {str(row) for row in (*customers, *crew)}


async def _conversation_parties(actor_id: str, candidates: list[UUID]) -> set[str]:
    # A conversation about a closed booking stays readable, but no longer relates its parties.
    live = Q(conversation__booking_id__isnull=True) | Q(conversation__booking__state__not_in=CLOSED)
    mine = Participant.filter(live, user_id=actor_id, left_at__isnull=True).values("conversation_id")
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


# Events that may end a relationship between users, and how many users one of them may touch
# (an organisation's crew): beyond it the rest are left to their next subscribe.
MAX_RECHECKED = 1000
_CLOSING = {f"booking.{state}" for state in CLOSED}
# Every event type `_ending_groups` looks at (it finds no group in the others).
ENDING = frozenset({*_CLOSING, "booking.assigned", "membership.ended", "conversation.participant_removed"})


async def _ending_groups(event_type: str, data: dict[str, Any]) -> list[tuple[str, list[str]]]:
    """(user, others): the users whose relationship with `user` the event may have ended."""
    if event_type not in ENDING:
        return []
    if event_type in _CLOSING:
        people = [str(data.get("customer_id") or ""), *map(str, data.get("serviceman_ids") or [])]
        people = [p for p in dict.fromkeys(people) if p]
        return [(p, [o for o in people if o != p]) for p in people]
    if event_type == "booking.assigned":
        removed = [str(u) for u in data.get("removed_serviceman_ids") or []]
        rest = [str(u) for u in [data.get("customer_id"), *(data.get("serviceman_ids") or [])] if u]
        return [(r, rest) for r in removed]
    if event_type == "membership.ended":
        crew = await Membership.filter(organisation_id=data.get("organisation_id")).limit(MAX_RECHECKED).values_list(
            "user_id", flat=True)
        return [(str(data.get("user_id")), [str(u) for u in crew])]
    if event_type == "conversation.participant_removed":
        others = await Participant.filter(conversation_id=data.get("conversation_id"), left_at__isnull=True).limit(
            MAX_RECHECKED).values_list("user_id", flat=True)
        return [(str(data.get("user_id")), [str(u) for u in others])]
    return []


async def lost_sight(event_type: str, data: dict[str, Any]) -> dict[str, set[str]]:
    """After an event that may end relationships: who may no longer see whom (both ways)."""
    lost: dict[str, set[str]] = {}
    for user, others in await _ending_groups(event_type, data):
        candidates = [uid for uid in _uuids(others) if str(uid) != user]
        if not candidates or not _uuids([user]):
            continue
        peers = await peers_among(Actor(user_id=user), candidates)
        for other in (str(uid) for uid in candidates if str(uid) not in peers):
            lost.setdefault(user, set()).add(other)
            lost.setdefault(other, set()).add(user)
    return lost
