"""Chargebacks (FINANCE.md section 8, scenario 13), black-box over HTTP on real PostgreSQL: the
gateway's signed `charge.dispute.*` webhooks go through the inbox and are applied by the
dispute's refetched state. The disputed amount and the dispute fee are booked (dispute
suspense); the provider's next releases are held up to that amount; won gives the hold back,
lost books the loss (from held funds first, the released part as the provider's receivable,
which the holds then pay; the fee is the platform's loss). Duplicated or reordered events
change nothing more. Scenario 3's permutations (succeeded, refund.created, charge.refunded,
dispute.created, dispute.closed) end in one state and ledger."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
import stripe
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.bootstrap import CONTAINER
from domain.finance import ledger
from domain.finance.cases.models import PaymentCase
from domain.finance.cases.states import RANK
from domain.finance.chargebacks.models import GatewayDispute
from domain.finance.gateway.models import GatewayEventRecord, InboxState
from domain.finance.ledger.models import LedgerEntry
from domain.finance.operations.models import FinanceOperation, OpKind, OpStatus
from domain.shared.clock import utcnow
from domain.shared.money import Money
from domain.shared.uow import unit_of_work
from tests.support.bookings import book, build_market, ok
from tests.support.bus import wait_until
from tests.support.gateways import WEBHOOK_SECRET
from tests.support.stripe_connect_fake import FakeStripeConnect
from tests.test_finance_cases import FAST, checkout, finance_events, next_start, payments_of, run_to, until_state
from tests.test_finance_clawback import SHARE, paid_out, paid_payee
from tests.test_payouts import World, balance_of, payable, released, sandbox_world, stripe_world

__all__ = ["sandbox_world", "stripe_world"]  # the fixtures, shared with tests/test_payouts.py

K = ledger.AccountKind
FEE = 1500


async def platform(kind: ledger.AccountKind) -> int:
    return (await ledger.balance(ledger.AccountKey(kind, "platform", "USD"))).posted


async def chargebacks(w: World, case_id: str) -> list[dict[str, Any]]:
    response = await w.client.get(f"/v1/payment-cases/{case_id}/chargebacks", headers=w.market.provider.headers)
    return list((await ok(response))["items"])


async def until_chargeback(w: World, case_id: str, outcome: str = "open") -> dict[str, Any]:
    """The chargeback once its withdrawal (and, for a closed one, its outcome) is applied."""
    seen: list[dict[str, Any]] = []

    async def applied() -> bool:
        seen[:] = await chargebacks(w, case_id)
        return len(seen) == 1 and seen[0]["fee"]["amount"] == FEE and seen[0]["outcome"] == outcome

    await wait_until(applied, 15, f"the chargeback applied ({outcome})")
    return seen[0]


async def deliver_again(w: World, payment_id: str) -> None:
    """Every event the gateway sent about this payment's disputes, delivered three times more
    (new deliveries of the same event ids) and all applied."""
    mine = [e for e in w.sandbox.events if e["type"].startswith("charge.dispute.")
            and e["data"]["object"].get("payment_intent") == payment_id]
    for _ in range(3):
        for event in mine:
            raw = json.dumps(event).encode()
            response = await w.client.post("/v1/webhooks/sandbox", data=raw, headers={
                "Content-Type": "application/json", w.sandbox.webhook_signature_header: w.sandbox.sign(raw)})
            assert response.status == 200, await response.text()

    async def all_applied() -> bool:
        return not await GatewayEventRecord.filter(type__startswith="charge.dispute.").exclude(
            state=InboxState.APPLIED).exists()

    await wait_until(all_applied, 15, "every dispute event applied")


async def snapshot(case_id: str) -> tuple[Any, ...]:
    row = await GatewayDispute.get(case_id=case_id)
    return (row.version, row.outcome, await LedgerEntry.all().count(), len(await finance_events(case_id)),
            await platform(K.DISPUTE_SUSPENSE), await platform(K.DISPUTE_LOSSES))


async def reconciles(w: World) -> None:
    """The ledger matches the gateway's balance transactions: amounts and fees, chargebacks too
    (once the operations under way, such as a release's transfer, have booked what they did)."""
    async def settled() -> bool:
        return not await FinanceOperation.filter(status=OpStatus.PENDING).exists()

    await wait_until(settled, 15, "no gateway operation under way")
    run = await ok(await w.client.post("/v1/admin/finance/reconciliations", headers=w.market.admin.headers,
                                       json={}), 201)
    assert run["clean"] is True and run["mismatches"] == [], run


async def payment_of_case(case_id: str) -> str:
    case = await PaymentCase.get(id=case_id)
    assert case.payment_id is not None
    return case.payment_id


async def test_a_chargeback_after_payout_holds_the_next_release_and_won_gives_it_back(sandbox_world: World) -> None:
    w = sandbox_world
    account_id = await paid_payee(w)
    first, _ = await paid_out(w)
    dispute = w.sandbox.open_dispute(await payment_of_case(first), fee=FEE)
    opened = await until_chargeback(w, first)
    assert opened["amount"] == {"amount": 4725, "currency": "USD"} and opened["holds"] == {w.org: SHARE}
    assert await platform(K.DISPUTE_SUSPENSE) == 4725 + FEE
    # The next release is held up to that amount: no transfer, nothing payable, a visible hold.
    second, _ = await released(w)
    assert await FinanceOperation.filter(case_id=second, op=OpKind.TRANSFER).count() == 0
    assert (await chargebacks(w, first))[0]["held_from_payees"] == {w.org: SHARE}
    assert await payable(w.org) == 0 and w.sandbox.account_balance(account_id, "USD") == SHARE
    # Won: the money comes back, the hold goes to the payee; the fee is the platform's loss.
    w.sandbox.close_dispute(dispute.id, won=True)
    won = await until_chargeback(w, first, "won")
    assert won["status"] == "won" and won["closed_at"]
    assert await payable(w.org) == SHARE and (await balance_of(w))["usd"]["receivable"] == 0
    assert await platform(K.DISPUTE_SUSPENSE) == 0 and await platform(K.DISPUTE_LOSSES) == FEE
    assert (await PaymentCase.get(id=first)).state.value == "paid_out"
    types = [e["type"] for e in await finance_events(first)]
    assert [t for t in types if t.startswith("payment.chargeback")] == [
        "payment.chargeback_opened", "payment.chargeback_withdrawn", "payment.chargeback_reinstated",
        "payment.chargeback_closed"]
    # Duplicates (and replays in any order) change nothing more.
    before = await snapshot(first)
    await deliver_again(w, dispute.payment_id or "")
    assert await snapshot(first) == before
    # The next release after the chargeback is not held any more.
    third, _ = await released(w)
    assert await FinanceOperation.filter(case_id=third, op=OpKind.TRANSFER).count() == 1
    await reconciles(w)


async def test_a_lost_chargeback_is_the_payees_receivable_paid_by_the_held_release(sandbox_world: World) -> None:
    w = sandbox_world
    await paid_payee(w)
    first, _ = await paid_out(w)
    dispute = w.sandbox.open_dispute(await payment_of_case(first), fee=FEE)
    await until_chargeback(w, first)
    second, _ = await released(w)  # held for the chargeback
    w.sandbox.close_dispute(dispute.id, won=False)
    lost = await until_chargeback(w, first, "lost")
    assert lost["held_from_payees"] == {w.org: SHARE}
    # Booked like a refund against the suspense: the payee owed their share, the hold paid it;
    # the platform gave back its commission and tax, and bears the fee.
    case = await PaymentCase.get(id=first)
    assert case.state.value == "refunded" and case.refunded_amount == 4725
    view = (await balance_of(w))["usd"]
    assert view["receivable"] == 0 and await payable(w.org) == 0
    assert await platform(K.DISPUTE_SUSPENSE) == 0 and await platform(K.DISPUTE_LOSSES) == FEE
    assert await LedgerEntry.filter(case_id=first, kind="chargeback_lost").count() == 1
    assert await FinanceOperation.filter(case_id=first, op=OpKind.REVERSAL).count() == 0  # policy: no clawback
    before = await snapshot(first)
    await deliver_again(w, dispute.payment_id or "")
    assert await snapshot(first) == before
    assert all(total == 0 for total in (await ledger.trial_balance()).values())
    await reconciles(w)
    del second


async def test_a_lost_chargeback_before_any_release_leaves_a_visible_receivable(sandbox_world: World) -> None:
    w = sandbox_world
    await paid_payee(w)
    first, _ = await paid_out(w)
    dispute = w.sandbox.open_dispute(await payment_of_case(first), fee=FEE)
    w.sandbox.close_dispute(dispute.id, won=False)
    await until_chargeback(w, first, "lost")
    assert (await balance_of(w))["usd"]["receivable"] == SHARE  # never a hidden negative balance
    second, _ = await released(w)  # netted against it: nothing to transfer
    assert await FinanceOperation.filter(case_id=second, op=OpKind.TRANSFER).count() == 0
    assert (await balance_of(w))["usd"]["receivable"] == 0


async def test_a_chargeback_on_held_money_freezes_the_release_until_it_is_won(sandbox_world: World) -> None:
    w = sandbox_world
    client, m = w.client, w.market
    booking = await ok(await book(client, m), 201)
    case_id = str((await checkout(client, m, booking))["id"])
    await run_to(client, m, booking, "accept")
    await until_state(client, m, booking["id"], "held")
    await run_to(client, m, booking, "schedule", "start", "complete")
    await until_state(client, m, booking["id"], "release_pending")
    dispute = w.sandbox.open_dispute(await payment_of_case(case_id), fee=FEE)
    opened = await until_chargeback(w, case_id)
    assert opened["holds"] == {}  # the case's own held money covers it
    assert (await PaymentCase.get(id=case_id)).dispute_open is True
    assert await payments_of(client).release_due(utcnow() + timedelta(days=3)) == 0
    w.sandbox.close_dispute(dispute.id, won=True)
    await until_chargeback(w, case_id, "won")
    assert (await PaymentCase.get(id=case_id)).dispute_open is False
    assert await payments_of(client).release_due(utcnow() + timedelta(days=3)) == 1
    await until_state(client, m, booking["id"], "released", "paid_out")


async def test_a_chargeback_on_the_stripe_adapter_is_refetched_and_booked(stripe_world: World) -> None:
    """Stripe's signed `charge.dispute.*` webhooks: the dispute is refetched through the adapter
    (its balance transactions give the amount withdrawn and the fee) and booked the same way."""
    w = stripe_world
    assert w.connect is not None
    await paid_payee(w)
    first, _ = await paid_out(w)
    case = await PaymentCase.get(id=first)
    assert case.charge_id is not None
    dispute = await w.connect.create_dispute(case.charge_id, fee=FEE)
    await _stripe_webhook(w, "charge.dispute.created", dispute)
    opened = await until_chargeback(w, first)
    assert opened["dispute_id"] == dispute["id"] and opened["holds"] == {w.org: SHARE}
    assert await platform(K.DISPUTE_SUSPENSE) == 4725 + FEE
    await _stripe_webhook(w, "charge.dispute.closed", w.connect.close_dispute(dispute["id"], "lost"))
    await until_chargeback(w, first, "lost")
    assert (await balance_of(w))["usd"]["receivable"] == SHARE
    assert await platform(K.DISPUTE_SUSPENSE) == 0 and await platform(K.DISPUTE_LOSSES) == FEE


async def _stripe_webhook(w: World, kind: str, obj: dict[str, Any]) -> None:
    body = FakeStripeConnect.event(kind, obj)
    header = str(stripe.WebhookSignature.generate_signature_header(body.decode(), WEBHOOK_SECRET))
    response = await w.client.post("/v1/webhooks/stripe", data=body,
                                   headers={"Content-Type": "application/json", "Stripe-Signature": header})
    assert response.status == 200, await response.text()


@pytest.fixture
async def permutations(make_client: Callable[..., Any]) -> dict[str, Any]:
    """One app and market for every hypothesis example (each example pays a new booking)."""
    client = await make_client(**FAST)
    return {"client": client, "market": await build_market(client), "reference": None}


@settings(max_examples=8, deadline=None, suppress_health_check=list(HealthCheck))
@given(order=st.permutations(range(5)))
async def test_any_order_of_a_payments_and_its_disputes_events_ends_in_one_state_and_ledger(
        permutations: dict[str, Any], order: list[int]) -> None:
    """Scenario 3 with a chargeback: succeeded, refund.created, charge.refunded,
    dispute.created, dispute.closed (lost), each applied twice (in the order, then reversed)
    as the inbox applies them, against the in-order delivery; no state ever moves backwards."""
    if permutations["reference"] is None:
        permutations["reference"] = (await _deliver(permutations, list(range(5))))[0]
    outcome, states = await _deliver(permutations, list(order))
    assert outcome == permutations["reference"]
    assert [RANK[s] for s in states] == sorted(RANK[s] for s in states), states


async def _deliver(world: dict[str, Any], order: list[int]) -> tuple[tuple[Any, ...], list[Any]]:
    client, m = world["client"], world["market"]
    payments = payments_of(client)
    chargebacks_ = client.server.app[CONTAINER].chargebacks
    gateway = payments.gateway
    booking = await ok(await book(client, m, start=next_start()), 201)
    case_id = str((await checkout(client, m, booking))["id"])
    pid = await payment_of_case(case_id)
    # At the gateway, behind our back: captured, refunded in part, the rest disputed and lost.
    await gateway.capture(pid, None, idempotency_key=f"outside:{case_id}:capture")
    refund = await gateway.refund(pid, Money(1000, "USD"), idempotency_key=f"outside:{case_id}:refund")
    dispute = gateway.open_dispute(pid, fee=FEE)
    gateway.close_dispute(dispute.id, won=False)
    sent = {e["type"]: e for e in gateway.events
            if e["data"]["object"].get("payment_intent", e["data"]["object"]["id"]) == pid}
    refund_created = {"id": f"evt_rc_{refund.id}", "object": "event", "type": "refund.created", "account": None,
                      "created": sent["charge.refunded"]["created"],
                      "data": {"object": {"id": refund.id, "object": "refund", "payment_intent": pid,
                                          "amount": 1000, "currency": "usd", "status": "succeeded"}}}
    events = [sent["payment_intent.succeeded"], refund_created, sent["charge.refunded"],
              sent["charge.dispute.created"], sent["charge.dispute.closed"]]
    states = []
    for index in [*order, *reversed(order)]:
        raw = json.dumps(events[index]).encode()
        event = gateway.verify_webhook(raw, gateway.sign(raw))
        apply = chargebacks_.apply_gateway_event if event.type.startswith("charge.dispute.") \
            else payments.apply_gateway_event
        async with unit_of_work() as uow:
            await apply(event, uow)
        states.append((await PaymentCase.get(id=case_id)).state)
    case = await PaymentCase.get(id=case_id)
    row = await GatewayDispute.get(case_id=case_id)
    held = (await ledger.balance(ledger.AccountKey(K.CASE_HELD, f"case:{case_id}", "USD"))).posted
    kinds = sorted(await LedgerEntry.filter(case_id=case_id).values_list("kind", flat=True))
    return ((case.state.value, case.captured_amount, case.refunded_amount, case.dispute_open, held, kinds,
             row.outcome.value, row.withdrawn, row.fee, row.lost_amount, row.reinstated), states)
