"""The admin side of disputes (issue 14): the queue and its filters, assignment, the triage
hook and its rule-based default, metrics, and the chargeback hook on the timeline."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import UUID

import pytest
from aiohttp.test_utils import TestClient
from prometheus_client import REGISTRY

from domain.disputes.triage import TriageInput, register_triage, rule_priority
from domain.finance.cases.disputes import chargeback_seen
from domain.shared.uow import unit_of_work
from tests.support.bookings import Market, build_market, ok
from tests.support.disputes import get_dispute, open_dispute, paid_booking
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
