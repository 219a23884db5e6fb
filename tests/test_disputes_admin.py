"""The admin side of disputes (issue 14): the queue and its filters, assignment, the triage
hook and its rule-based default, metrics, the chargeback hook on the timeline, and the admins
told of escalations and of an unassigned decision deadline."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import UUID

import pytest
from aiohttp.test_utils import TestClient
from prometheus_client import REGISTRY

from domain.disputes.models import Dispute
from domain.disputes.triage import TriageInput, register_triage, rule_priority
from domain.finance.cases.disputes import chargeback_seen
from domain.notifications.models import Notification
from domain.shared.clock import utcnow
from domain.shared.outbox import OutboxEvent
from domain.shared.uow import unit_of_work
from tests.support.bookings import Market, build_market, ok
from tests.support.bus import wait_until
from tests.support.disputes import disputes_of, get_dispute, open_dispute, paid_booking
from tests.support.identity import make_admin
from tests.support.payments import FAST, problem


@pytest.fixture
async def world(make_client: Callable[..., Any]) -> tuple[TestClient, Market]:
    client = await make_client(**FAST)
    return client, await build_market(client)


async def queue(client: TestClient, m: Market, **query: Any) -> list[dict[str, Any]]:
    response = await client.get("/v1/admin/disputes", params={k: str(v) for k, v in query.items()},
                                headers=m.admin.headers)
    return list((await ok(response))["disputes"])


def metric(name: str, **labels: str) -> float:
    return REGISTRY.get_sample_value(name, labels) or 0.0


async def test_the_queue_filters_assigns_and_sorts_by_priority(world):
    client, m = world
    opened_before = metric("fieldsync_disputes_opened_total", reason="damage", side="customer")
    small_booking, _ = await paid_booking(client, m)
    big_booking, _ = await paid_booking(client, m)
    small = await open_dispute(client, m.customer, small_booking["id"], amount=100, reason="late")
    big = await open_dispute(client, m.customer, big_booking["id"], amount=4700, reason="damage")
    assert metric("fieldsync_disputes_opened_total", reason="damage", side="customer") == opened_before + 1
    assert [d["id"] for d in await queue(client, m)] == [big["id"], small["id"]]  # damage, more money: first
    assert [d["id"] for d in await queue(client, m, category="damage")] == [big["id"]]
    assert [d["id"] for d in await queue(client, m, min_amount=1000)] == [big["id"]]
    assert [d["id"] for d in await queue(client, m, max_amount=1000)] == [small["id"]]
    assert await queue(client, m, min_age_hours=1) == []
    soon = (datetime.now(UTC) + timedelta(days=4)).isoformat()
    assert len(await queue(client, m, due_before=soon)) == 2
    assert await queue(client, m, state="resolved") == []
    # Assignment: only to an admin; the unassigned filter follows.
    await problem(await client.post(f"/v1/admin/disputes/{big['id']}/assign", headers=m.admin.headers,
                                    json={"assignee_id": m.provider.id}), 404, "not_found")
    assigned = await ok(await client.post(f"/v1/admin/disputes/{big['id']}/assign", headers=m.admin.headers,
                                          json={}))
    assert assigned["assignee_id"] == m.admin.id and assigned["timeline"][-1]["data"] == {"assigned_to": m.admin.id}
    assert [d["id"] for d in await queue(client, m, assignee="none")] == [small["id"]]
    assert [d["id"] for d in await queue(client, m, assignee=m.admin.id)] == [big["id"]]
    await problem(await client.get("/v1/admin/disputes", headers=m.provider.headers), 403, "forbidden")


async def test_triage_hook_replaces_the_rule(world):
    client, m = world
    assert await rule_priority(TriageInput("damage", "damage", 50_000, "USD", "u", 0)) > \
        await rule_priority(TriageInput("late", "service", 100, "USD", "u", 0))
    assert await rule_priority(TriageInput("late", "service", 100, "USD", "u", 5)) < \
        await rule_priority(TriageInput("late", "service", 100, "USD", "u", 0))

    async def ai(t: TriageInput) -> int:
        return 99 if t.reason == "late" else 1

    unregister = register_triage(ai)
    try:
        booking, _ = await paid_booking(client, m)
        dispute = await open_dispute(client, m.customer, booking["id"], reason="late")
        assert (await get_dispute(client, m.admin, dispute["id"]))["priority"] == 99
    finally:
        unregister()


async def test_a_chargeback_shows_on_the_open_disputes_timeline(world):
    client, m = world
    booking, case_id = await paid_booking(client, m)
    dispute = await open_dispute(client, m.customer, booking["id"])
    async with unit_of_work() as uow:
        await chargeback_seen(uow, UUID(case_id), {"type": "charge.dispute.created", "dispute_id": "dp_1",
                                                   "amount": 4725, "currency": "USD", "status": "needs_response"})
    timeline = (await get_dispute(client, m.provider, dispute["id"]))["timeline"]
    assert timeline[-1]["kind"] == "chargeback" and timeline[-1]["author_side"] == "system"
    assert timeline[-1]["data"]["dispute_id"] == "dp_1"


async def test_an_escalation_and_an_unassigned_admin_deadline_tell_every_admin(world):
    client, m = world
    booking, _ = await paid_booking(client, m)
    dispute = await open_dispute(client, m.customer, booking["id"])
    admins = {m.admin.id, (await make_admin(client)).id}
    timers = disputes_of(client)
    assert await timers.run_timers(utcnow() + timedelta(days=3, minutes=1)) == 1  # the provider never answered

    async def told(type_: str) -> set[str]:
        (row,) = await OutboxEvent.filter(type=type_, key=f"dispute:{dispute['id']}").values_list("body", flat=True)
        return set(row["data"]["notify"])

    assert admins | {m.customer.id, m.provider.id} <= await told("dispute.escalated")
    await wait_until(lambda: _notified(m.admin.id, "dispute.escalated"), 10, "the admin told in-app")
    # Nobody took it: the reminder before the decision deadline goes to every admin, and only to them.
    remind_at = (await Dispute.get(id=dispute["id"])).remind_at
    assert remind_at is not None
    assert await timers.run_timers(remind_at + timedelta(minutes=1)) == 1
    reminded = await told("dispute.reminder")
    assert admins <= reminded and not reminded & {m.customer.id, m.provider.id}


async def _notified(user_id: str, kind: str) -> bool:
    return await Notification.filter(user_id=user_id, kind=kind).exists()
