"""Scopes: each user syncs exactly what they may read. Gaining access delivers the rows now
visible, history older than the cursor included; losing it delivers `revoked` tombstones,
except for rows still visible through another scope. Checked against a fresh snapshot."""

from __future__ import annotations

import asyncio
import random
from datetime import timedelta

import pytest
from tortoise.connection import connections
from tortoise.expressions import F
from tortoise.transactions import in_transaction

from domain.accounts.models import Membership, MembershipStatus, Organisation, OrgRole
from domain.bookings.models import Assignment, Booking, Transition
from domain.jobs.models import Bid, JobState
from domain.reviews.models import Review
from domain.shared.clock import utcnow
from domain.zones.models import ServicemanZone
from sync import queries
from tests.support.identity import Account, register
from tests.support.sync import Replica, flush, make_booking, make_job, make_zone

ACCEPTED = MembershipStatus.ACCEPTED  # fixtures: crews as if each member had accepted


async def accounts(client, *roles: str) -> list[Account]:
    return [await register(client, role) for role in roles]


async def fresh(client, who: Account) -> Replica:
    replica = Replica(who)
    await replica.catch_up(client)
    return replica


async def assert_converged(client, replica: Replica) -> None:
    await flush(client)
    await replica.catch_up(client)
    expected = await fresh(client, replica.who)
    assert replica.rows == expected.rows


async def test_newly_assigned_serviceman_receives_the_old_booking_and_loses_it_when_removed(client):
    customer, first, second = await accounts(client, *("customer", "serviceman", "serviceman"))
    booking_id = await make_booking(customer.id, crew=(first.id,))
    month_ago = utcnow() - timedelta(days=30)
    await Booking.filter(id=booking_id).update(created_at=month_ago)
    await Transition.create(booking_id=booking_id, from_state="requested", to_state="accepted", actor_id=first.id)
    await flush(client)

    late = Replica(second)
    await late.catch_up(client)
    assert late.ids("bookings") == set()
    for _ in range(3):  # the world moves on: the serviceman's cursor is well past the booking's history
        await make_booking(customer.id)
    await flush(client)
    await late.catch_up(client)

    assignment = await Assignment.create(booking_id=booking_id, serviceman_id=second.id)
    await Booking.filter(id=booking_id).update(version=F("version") + 1)
    await flush(client)
    await late.catch_up(client)
    assert late.ids("bookings") == {booking_id}
    assert len(late.ids("booking_assignments")) == 2 and len(late.ids("booking_transitions")) == 1
    await assert_converged(client, late)

    await assignment.delete()
    await flush(client)
    page = await late.catch_up(client)
    reasons = {(c["collection"], c["reason"]) for c in page["changes"] if c["op"] == "delete"}
    assert ("bookings", "revoked") in reasons and ("booking_transitions", "revoked") in reasons
    assert not late.ids("bookings") and not late.ids("booking_assignments") and not late.ids("booking_transitions")
    await assert_converged(client, late)

    crew = await fresh(client, first)  # the first serviceman still sees all of it
    assert crew.ids("bookings") == {booking_id} and len(crew.ids("booking_transitions")) == 1


async def test_a_row_still_visible_through_another_scope_is_not_revoked(client):
    owner, manager, customer = await accounts(client, *("provider", "serviceman", "customer"))
    org = await Organisation.create(name="Pipes", owner_id=owner.id)
    await Membership.create(organisation=org, user_id=owner.id, role=OrgRole.OWNER, status=ACCEPTED)
    membership = await Membership.create(organisation=org, user_id=manager.id, role=OrgRole.MANAGER, status=ACCEPTED)
    booking_id = await make_booking(customer.id, org_id=str(org.id), crew=(manager.id,))
    await flush(client)
    replica = await fresh(client, manager)
    assert replica.ids("bookings") == {booking_id} and replica.ids("organisations") == {str(org.id)}

    await Assignment.filter(booking_id=booking_id).delete()  # still a manager of the provider
    await flush(client)
    page = await replica.catch_up(client)
    assert not [c for c in page["changes"] if c["collection"] == "bookings" and c["op"] == "delete"]
    assert replica.ids("bookings") == {booking_id}

    await Membership.filter(id=membership.id).update(role=OrgRole.SERVICEMAN)  # demoted: no longer a party
    await flush(client)
    await replica.catch_up(client)
    assert replica.ids("bookings") == set() and replica.ids("organisations") == {str(org.id)}
    await assert_converged(client, replica)

    await membership.delete()  # left the business
    await flush(client)
    await replica.catch_up(client)
    assert replica.ids("organisations") == set() and replica.ids("memberships") == set()
    await assert_converged(client, replica)


async def test_open_jobs_reach_the_servicemen_of_their_zone_and_bids_stay_private(client):
    customer, near, far, bidder = await accounts(client, *("customer", "serviceman", "serviceman", "serviceman"))
    zone, other_zone = await make_zone("Centre"), await make_zone("Elsewhere", lng=10.0)
    await ServicemanZone.create(user_id=near.id, zone_id=zone)
    await ServicemanZone.create(user_id=bidder.id, zone_id=zone)
    await ServicemanZone.create(user_id=far.id, zone_id=other_zone)
    job_id = await make_job(customer.id, zone)
    own_bid = await Bid.create(job_id=job_id, serviceman_id=bidder.id, amount=9000, currency="USD")
    await Bid.create(job_id=job_id, serviceman_id=near.id, amount=8000, currency="USD")
    await flush(client)

    near_replica, far_replica, bidder_replica = await fresh(client, near), await fresh(client, far), await fresh(
        client, bidder)
    customer_replica = await fresh(client, customer)
    assert near_replica.ids("jobs") == {job_id} and far_replica.ids("jobs") == set()
    assert bidder_replica.ids("bids") == {str(own_bid.id)}  # not the other bidder's
    assert len(customer_replica.ids("bids")) == 2

    await Bid.filter(serviceman_id=near.id).delete()
    await ServicemanZone.filter(user_id=bidder.id).delete()  # the bidder still sees the job they bid on
    from domain.jobs.models import Job

    await Job.filter(id=job_id).update(state=JobState.AWARDED)  # no longer open: zone servicemen lose it
    await flush(client)
    await near_replica.catch_up(client)
    await bidder_replica.catch_up(client)
    assert near_replica.ids("jobs") == set() and near_replica.ids("bids") == set()
    assert bidder_replica.ids("jobs") == {job_id}
    for replica in (near_replica, bidder_replica, far_replica, customer_replica):
        await assert_converged(client, replica)


async def test_concurrent_gain_and_loss_of_the_same_booking(client):
    """One transaction removes the serviceman from the crew while another makes them a manager
    of the provider: whatever the interleaving, they end up seeing the booking."""
    owner, serviceman, customer = await accounts(client, *("provider", "serviceman", "customer"))
    org = await Organisation.create(name="Pipes", owner_id=owner.id)
    await Membership.create(organisation=org, user_id=owner.id, role=OrgRole.OWNER, status=ACCEPTED)
    membership = await Membership.create(organisation=org, user_id=serviceman.id, role=OrgRole.SERVICEMAN,
                                         status=ACCEPTED)
    booking_id = await make_booking(customer.id, org_id=str(org.id), crew=(serviceman.id,))
    await flush(client)
    replica = await fresh(client, serviceman)

    both_open = asyncio.Barrier(2)  # each commits only once the other has written: they overlap
    # SQLite has one writer at a time: the second waits for the first's commit, so no overlap there.
    overlap = connections.get("default").capabilities.dialect != "sqlite"

    async def written() -> None:
        if overlap:
            await asyncio.wait_for(both_open.wait(), 10)

    async def unassign() -> None:
        async with in_transaction() as conn:
            await Assignment.filter(booking_id=booking_id).using_db(conn).delete()
            await written()

    async def promote() -> None:
        async with in_transaction() as conn:
            await Membership.filter(id=membership.id).using_db(conn).update(role=OrgRole.MANAGER)
            await written()

    await asyncio.gather(unassign(), promote())
    await flush(client)
    await replica.catch_up(client)
    assert replica.ids("bookings") == {booking_id}
    await assert_converged(client, replica)


@pytest.mark.parametrize("wide", [False, True], ids=["per-scope", "log-order"])
async def test_random_access_changes_converge(client, monkeypatch, wide: bool):
    """Crews, memberships and reviews change at random between pulls; each user's replica,
    kept up to date by deltas only, always equals a fresh snapshot."""
    if wide:
        monkeypatch.setattr(queries, "WIDE_SCOPES", 1)
    rng = random.Random(6)
    owner = await register(client, "provider")
    people = [await register(client, "serviceman") for _ in range(4)]
    customers = [await register(client, "customer") for _ in range(2)]
    org = await Organisation.create(name="Pipes", owner_id=owner.id)
    await Membership.create(organisation=org, user_id=owner.id, role=OrgRole.OWNER, status=ACCEPTED)
    bookings = [await make_booking(rng.choice(customers).id, org_id=str(org.id) if i % 2 else None)
                for i in range(4)]
    replicas = [Replica(who) for who in (*people, *customers, owner)]
    for step in range(24):
        action, who, booking_id = rng.randrange(5), rng.choice(people), rng.choice(bookings)
        if action == 0:
            await Assignment.get_or_create(booking_id=booking_id, serviceman_id=who.id)
        elif action == 1:
            await Assignment.filter(booking_id=booking_id, serviceman_id=who.id).delete()
        elif action == 2:
            role = rng.choice([OrgRole.MANAGER, OrgRole.SERVICEMAN])
            await Membership.update_or_create(defaults={"role": role, "status": ACCEPTED},
                                              organisation=org, user_id=who.id)
        elif action == 3:
            await Membership.filter(organisation=org, user_id=who.id).delete()
        else:
            await Booking.filter(id=booking_id).update(notes=f"step {step}")
            await Review.get_or_create(booking_id=booking_id, author_id=owner.id,
                                       defaults={"subject_id": who.id, "rating": 4})
        if step % 3 == 2:
            await flush(client)
            for replica in replicas:
                await replica.catch_up(client, limit=rng.choice([1, 3, 50]))
    for replica in replicas:
        await assert_converged(client, replica)
