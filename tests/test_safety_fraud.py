"""Fraud rules at checkout (issue 15): a rule hit holds the payment for review (authorized, never
captured) rather than refusing it; an admin's clearance lets it capture; every hit is metered."""

from __future__ import annotations

from typing import Any

from prometheus_client import REGISTRY

from domain.finance.operations.models import FinanceOperation, OpKind
from domain.shared.inbox import ProcessedEvent
from domain.shared.outbox import OutboxEvent
from domain.zones.models import Zone
from tests.support.bookings import book, build_market, ok
from tests.support.bus import wait_until
from tests.support.payments import FAST, checkout, problem, run_to, until_state

HIT = "fieldsync_fraud_rule_hits_total"


def hits(rule: str) -> float:
    return REGISTRY.get_sample_value(HIT, {"rule": rule}) or 0.0


async def holds(client, m, state: str = "held") -> list[dict[str, Any]]:
    return list((await ok(await client.get("/v1/admin/payment-holds", headers=m.admin.headers,
                                           params={"state": state})))["holds"])


async def reaction_done(event_type: str, booking_id: str, consumer: str = "payments") -> None:
    """Wait until `consumer` handled the booking's event (its inbox claim committed)."""
    async def handled() -> bool:
        ids = [row.event_id for row in await OutboxEvent.filter(type=event_type)
               if row.body.get("data", {}).get("booking_id") == booking_id]
        return bool(ids) and await ProcessedEvent.filter(consumer=consumer, event_id__in=ids).exists()

    await wait_until(handled, 10, f"{consumer} handling {event_type}")


async def test_a_card_from_another_country_holds_the_payment_until_an_admin_clears_it(make_client):
    client = await make_client(**FAST)
    m = await build_market(client)
    await Zone.filter(id=m.zone_id).update(country="US")
    before = hits("card_country_mismatch")
    booking = await ok(await book(client, m), 201)
    case = await checkout(client, m, booking, method="pm_card_fr")
    case = await until_state(client, m, booking["id"], "authorized")
    [hold] = await holds(client, m)
    assert hold["case_id"] == case["id"] and hold["rules"] == {"card_country_mismatch": {"card": "FR", "zone": "US"}}
    assert hits("card_country_mismatch") == before + 1
    # Accepted: an ordinary payment would be captured now; this one waits for review.
    await run_to(client, m, booking, "accept")
    await reaction_done("booking.accepted", booking["id"])
    assert (await until_state(client, m, booking["id"], "authorized"))["state"] == "authorized"
    assert not await FinanceOperation.filter(case_id=case["id"], op=OpKind.CAPTURE).exists()
    # Only admins clear; clearing captures it.
    response = await client.post(f"/v1/admin/payment-holds/{hold['id']}/clear", headers=m.customer.headers, json={})
    await problem(response, 403, "forbidden")
    cleared = await ok(await client.post(f"/v1/admin/payment-holds/{hold['id']}/clear", headers=m.admin.headers,
                                         json={"note": "customer travelling, confirmed by phone"}))
    assert cleared["state"] == "cleared" and cleared["cleared_by"] == m.admin.id
    await until_state(client, m, booking["id"], "held")
    assert await holds(client, m) == []
    again = await client.post(f"/v1/admin/payment-holds/{hold['id']}/clear", headers=m.admin.headers, json={})
    await problem(again, 409, "conflict")


async def test_a_card_of_the_zones_country_is_captured_at_acceptance(make_client):
    client = await make_client(**FAST)
    m = await build_market(client)
    await Zone.filter(id=m.zone_id).update(country="US")
    booking = await ok(await book(client, m), 201)
    await checkout(client, m, booking, method="pm_card_us")
    await until_state(client, m, booking["id"], "authorized")
    await run_to(client, m, booking, "accept")
    await until_state(client, m, booking["id"], "held")
    assert await holds(client, m, "all") == []


async def test_velocity_and_first_high_value_rules_hold_with_thresholds_from_settings(make_client):
    client = await make_client(**FAST, fraud_max_failed_payments_per_day=2,
                               fraud_first_booking_high_value={"USD": 1})
    m = await build_market(client)
    failed_before, high_before = hits("failed_payment_velocity"), hits("first_high_value")
    booking = await ok(await book(client, m), 201)
    for _ in range(2):  # two declines, then a card that works
        await checkout(client, m, booking, method="pm_card_chargeDeclined")
        await until_state(client, m, booking["id"], "failed")
    await checkout(client, m, booking, method="pm_card_visa")
    case = await until_state(client, m, booking["id"], "authorized")
    [hold] = await holds(client, m)
    assert hold["case_id"] == case["id"]
    assert set(hold["rules"]) == {"failed_payment_velocity", "first_high_value"}
    assert hold["rules"]["failed_payment_velocity"] == {"failed": 2, "max": 2}
    assert hits("failed_payment_velocity") == failed_before + 1 and hits("first_high_value") == high_before + 1
