"""Presence test helpers: relationships made straight in the database (a booking shared by a
customer and a serviceman, an organisation and its crew; how those come to be is other
contexts' business and tests), and the policy-matrix case for PRESENCE_VIEW."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from domain.accounts.models import Membership, MembershipStatus, Organisation, OrgRole
from domain.bookings.models import Assignment, Booking, BookingKind
from tests.support.socket_clients import Recorder

ACCEPTED = MembershipStatus.ACCEPTED  # fixtures: crews as if each member had accepted

PRESENCE = "/presence"


async def share_booking(customer_id: str, serviceman_id: str) -> Booking:
    booking = await Booking.create(
        customer_id=customer_id, kind=BookingKind.ON_DEMAND, currency="USD",
        price_amount=5000, commission_amount=500, tax_amount=0, total_amount=5000,
    )
    await Assignment.create(booking=booking, serviceman_id=serviceman_id, lead=True)
    return booking


async def make_crew(owner_id: str, *member_ids: str) -> Organisation:
    org = await Organisation.create(name="Crew Co", owner_id=owner_id)
    await Membership.create(organisation=org, user_id=owner_id, role=OrgRole.OWNER, status=ACCEPTED)
    for member_id in member_ids:
        await Membership.create(organisation=org, user_id=member_id, role=OrgRole.SERVICEMAN, status=ACCEPTED)
    return org


async def subscribe(recorder: Recorder, user_ids: list[str]) -> Any:
    return await recorder.client.call("presence:subscribe", {"user_ids": user_ids}, namespace=PRESENCE, timeout=5)


def presence_call(target: str) -> Callable[..., Any]:
    """A policy-matrix request over the socket: 200 when `presence:subscribe` answers the
    target's state, 404 when it leaves the target out (what a non-holder gets)."""

    async def run(client: Any, world: Any, who: Any) -> int:
        url = str(client.make_url("")).rstrip("/")
        recorder = await Recorder.connect(url, who.access_token, [PRESENCE])
        try:
            ack = await subscribe(recorder, [getattr(world, target).id])
        finally:
            await recorder.close()
        if not ack["ok"]:
            return 400
        return 200 if ack["data"]["states"] else 404

    return run
