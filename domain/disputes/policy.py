"""Who is who on a dispute, and the policy relations built on it (registered at import).

The customer's side is the booking's customer; the provider's side its crew (the lead speaks
for them) and the provider's owners and managers. Anyone else, admins aside, learns nothing
(404)."""

from __future__ import annotations

from uuid import UUID

from tortoise.backends.base.client import BaseDBAsyncClient

from domain.access.policy import register_relation
from domain.accounts.models import Membership
from domain.bookings.models import Assignment, Booking
from domain.bookings.parties import MANAGING_ROLES, parties_of
from domain.bookings.states import Party
from domain.disputes.models import Dispute, Side
from domain.shared.context import Actor


async def side_on_booking(actor: Actor, booking: Booking) -> Side | None:
    """The side `actor` may open a dispute for (crew other than the lead may not)."""
    found = await parties_of(actor, booking)
    if Party.CUSTOMER in found:
        return Side.CUSTOMER
    if found & {Party.LEAD, Party.MANAGER}:
        return Side.PROVIDER
    return Side.ADMIN if actor.is_admin else None


async def side_on(actor: Actor, dispute: Dispute) -> Side | None:
    """The side `actor` takes part in this dispute as (any crew member reads the provider's)."""
    if str(dispute.customer_id) == actor.user_id:
        return Side.CUSTOMER
    if actor.user_id in await provider_users(dispute.booking_id, dispute.organisation_id):
        return Side.PROVIDER
    return Side.ADMIN if actor.is_admin else None


async def provider_users(booking_id: UUID, organisation_id: UUID | None,
                         conn: BaseDBAsyncClient | None = None) -> list[str]:
    crew = Assignment.filter(booking_id=booking_id)
    users = [str(u) for u in await (crew.using_db(conn) if conn else crew).values_list("serviceman_id", flat=True)]
    if organisation_id:
        managers = Membership.filter(organisation_id=organisation_id, role__in=MANAGING_ROLES)
        users += [str(u) for u in await (managers.using_db(conn) if conn else managers)
                  .values_list("user_id", flat=True)]
    return list(dict.fromkeys(users))


async def users_of(dispute: Dispute, side: Side | None = None, conn: BaseDBAsyncClient | None = None) -> list[str]:
    """Every party of the dispute (or one side's), customer first."""
    customer = [str(dispute.customer_id)] if side in (None, Side.CUSTOMER) else []
    provider = await provider_users(dispute.booking_id, dispute.organisation_id, conn) \
        if side in (None, Side.PROVIDER) else []
    return list(dict.fromkeys(customer + provider))


# Every active admin (the role is a JSON list: jsonb on PostgreSQL, JSON text on SQLite).
_ADMINS = {
    "postgres": "SELECT id FROM user_account WHERE roles @> '[\"admin\"]'::jsonb AND status = 'active' ORDER BY id",
    "sqlite": "SELECT id FROM user_account WHERE status = 'active' AND EXISTS "
              "(SELECT 1 FROM json_each(roles) WHERE json_each.value = 'admin') ORDER BY id",
}


async def admin_ids(conn: BaseDBAsyncClient) -> list[str]:
    """Every active admin: who hears of an escalation and of an unassigned admin deadline."""
    rows = await conn.execute_query_dict(_ADMINS[conn.capabilities.dialect])
    return [str(row["id"]) for row in rows]


async def _booking_disputer(actor: Actor, booking: object) -> bool:
    return isinstance(booking, Booking) and await side_on_booking(actor, booking) in (Side.CUSTOMER, Side.PROVIDER)


async def _dispute_party(actor: Actor, dispute: object) -> bool:
    return isinstance(dispute, Dispute) and await side_on(actor, dispute) in (Side.CUSTOMER, Side.PROVIDER)


register_relation("booking_disputer", _booking_disputer)
register_relation("dispute_party", _dispute_party)
