"""One behavioural test of the payment gateway port, run on the Stripe adapter (localstripe +
FakeStripeConnect, through the real stripe-python client) and on the in-process sandbox."""

from __future__ import annotations

import secrets
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import pytest

from domain.finance.gateway.port import (
    AccountRequest,
    AuthorizeRequest,
    ConnectedAccount,
    Declined,
    KeyReused,
    PaymentIntentState,
    TransferRequest,
)
from domain.shared.money import Money
from tests.conftest import Services
from tests.support.gateways import Harness, sandbox_harness, stripe_harness


@pytest.fixture(params=["stripe", "sandbox"])
async def harness(request: pytest.FixtureRequest) -> AsyncIterator[Harness]:
    if request.param == "sandbox":
        async with sandbox_harness() as made:
            yield made
    else:
        services: Services = request.getfixturevalue("services")
        async with stripe_harness(services.localstripe_url) as made:
            yield made


def key(what: str) -> str:
    return f"fs:{what}:{secrets.token_hex(6)}"


async def authorize(h: Harness, amount: int = 10_000, currency: str = "GBP",
                    method: str = "pm_card_visa") -> PaymentIntentState:
    return await h.gateway.authorize(AuthorizeRequest(
        amount=Money(amount, currency), payment_method=method, transfer_group="case:test",
        metadata={"case_id": "test"}, idempotency_key=key("authorize")))


async def onboarded_account(h: Harness) -> ConnectedAccount:
    account = await h.gateway.create_account(AccountRequest(
        country="GB", email="pro@example.com", business_type="individual", idempotency_key=key("account")))
    assert not account.payouts_enabled and account.requirements_due
    link = await h.gateway.onboarding_link(account.id, refresh_url="https://app.test/r",
                                           return_url="https://app.test/done")
    assert link.startswith("http")
    h.complete_onboarding(account.id)
    return await h.gateway.account(account.id)


async def test_authorize_then_capture_in_full(harness: Harness) -> None:
    payment = await authorize(harness)
    assert payment.status == "requires_capture"
    assert payment.amount == Money(10_000, "GBP") and payment.amount_captured == 0
    assert payment.charge_id
    captured = await harness.gateway.capture(payment.id, None, idempotency_key=key("capture"))
    assert (captured.status, captured.amount_captured - captured.amount_refunded) == ("succeeded", 10_000)
    assert (await harness.gateway.payment(payment.id)).status == "succeeded"


async def test_a_zero_decimal_currency_is_sent_as_whole_units(harness: Harness) -> None:
    payment = await authorize(harness, 500, "JPY")
    assert payment.amount == Money(500, "JPY")


async def test_partial_capture_takes_only_the_amount_asked(harness: Harness) -> None:
    payment = await authorize(harness)
    captured = await harness.gateway.capture(payment.id, Money(8_000, "GBP"), idempotency_key=key("capture"))
    assert captured.status == "succeeded"
    assert captured.amount_captured - captured.amount_refunded == 8_000


async def test_void_cancels_the_authorization(harness: Harness) -> None:
    payment = await authorize(harness)
    voided = await harness.gateway.void(payment.id, idempotency_key=key("void"))
    assert voided.status == "canceled"
    with pytest.raises(Declined):
        await harness.gateway.void(payment.id, idempotency_key=key("void"))
    if harness.strict_payments:
        with pytest.raises(Declined):
            await harness.gateway.capture(payment.id, None, idempotency_key=key("capture"))


async def test_a_declined_card_is_a_definitive_refusal(harness: Harness) -> None:
    with pytest.raises(Declined) as refused:
        await authorize(harness, method="pm_card_chargeCustomerFail")
    assert refused.value.gateway_code == "card_declined"


async def test_refund_part_of_a_capture(harness: Harness) -> None:
    payment = await authorize(harness)
    await harness.gateway.capture(payment.id, None, idempotency_key=key("capture"))
    refund = await harness.gateway.refund(payment.id, Money(2_500, "GBP"), idempotency_key=key("refund"))
    assert (refund.payment_id, refund.amount, refund.status) == (payment.id, Money(2_500, "GBP"), "succeeded")
    assert (await harness.gateway.payment(payment.id)).amount_refunded == 2_500
    if harness.strict_payments:
        with pytest.raises(Declined) as refused:
            await harness.gateway.refund(payment.id, Money(7_501, "GBP"), idempotency_key=key("refund"))
        assert refused.value.gateway_code == "amount_too_large"


async def test_transfer_from_the_charge_to_an_onboarded_payee(harness: Harness) -> None:
    payment = await authorize(harness)
    captured = await harness.gateway.capture(payment.id, None, idempotency_key=key("capture"))
    account = await onboarded_account(harness)
    assert account.payouts_enabled and account.requirements_due == ()
    assert captured.charge_id is not None
    transfer = await harness.gateway.transfer(TransferRequest(
        amount=Money(6_000, "GBP"), destination=account.id, transfer_group="case:test",
        source_transaction=captured.charge_id, idempotency_key=key("transfer")))
    assert (transfer.amount, transfer.destination, transfer.transfer_group, transfer.source_transaction) == (
        Money(6_000, "GBP"), account.id, "case:test", captured.charge_id)
    # the charge holds 4,000 more: a second transfer of 4,001 is refused, nothing moves
    with pytest.raises(Declined) as refused:
        await harness.gateway.transfer(TransferRequest(
            amount=Money(4_001, "GBP"), destination=account.id, transfer_group="case:test",
            source_transaction=captured.charge_id, idempotency_key=key("transfer")))
    assert refused.value.gateway_code == "balance_insufficient"
    moved = await harness.gateway.balance_transactions(created_after=datetime.now(UTC) - timedelta(minutes=5))
    assert [t.amount for t in moved if t.source == transfer.id] == [Money(-6_000, "GBP")]


async def test_no_transfer_to_a_payee_who_has_not_finished_onboarding(harness: Harness) -> None:
    payment = await authorize(harness)
    captured = await harness.gateway.capture(payment.id, None, idempotency_key=key("capture"))
    account = await harness.gateway.create_account(AccountRequest(
        country="GB", email="new@example.com", business_type="company", idempotency_key=key("account")))
    with pytest.raises(Declined):
        await harness.gateway.transfer(TransferRequest(
            amount=Money(1_000, "GBP"), destination=account.id, transfer_group="case:test",
            source_transaction=captured.charge_id, idempotency_key=key("transfer")))


async def test_a_reversal_is_refused_while_the_payee_balance_is_short(harness: Harness) -> None:
    payment = await authorize(harness)
    captured = await harness.gateway.capture(payment.id, None, idempotency_key=key("capture"))
    account = await onboarded_account(harness)
    transfer = await harness.gateway.transfer(TransferRequest(
        amount=Money(6_000, "GBP"), destination=account.id, transfer_group="case:test",
        source_transaction=captured.charge_id, idempotency_key=key("transfer")))
    payout = await harness.gateway.payout(account.id, Money(5_000, "GBP"), idempotency_key=key("payout"))
    assert (payout.amount, payout.account_id) == (Money(5_000, "GBP"), account.id)
    with pytest.raises(Declined) as refused:  # 1,000 left on the payee's balance
        await harness.gateway.reverse_transfer(transfer.id, Money(2_000, "GBP"), idempotency_key=key("reverse"))
    assert refused.value.gateway_code == "balance_insufficient"
    reversal = await harness.gateway.reverse_transfer(transfer.id, Money(1_000, "GBP"),
                                                      idempotency_key=key("reverse"))
    assert (reversal.transfer_id, reversal.amount) == (transfer.id, Money(1_000, "GBP"))
    with pytest.raises(Declined):  # nothing left on the balance to pay out
        await harness.gateway.payout(account.id, Money(1, "GBP"), idempotency_key=key("payout"))


async def test_the_same_key_replays_the_same_object_and_other_parameters_are_refused(harness: Harness) -> None:
    payment = await authorize(harness)
    captured = await harness.gateway.capture(payment.id, None, idempotency_key=key("capture"))
    account = await onboarded_account(harness)
    request = TransferRequest(amount=Money(3_000, "GBP"), destination=account.id, transfer_group="case:test",
                              source_transaction=captured.charge_id, idempotency_key=key("transfer"))
    first = await harness.gateway.transfer(request)
    again = await harness.gateway.transfer(request)
    assert again == first
    with pytest.raises(KeyReused):
        await harness.gateway.transfer(TransferRequest(
            amount=Money(3_001, "GBP"), destination=account.id, transfer_group="case:test",
            source_transaction=captured.charge_id, idempotency_key=request.idempotency_key))
    moved = await harness.gateway.balance_transactions(created_after=datetime.now(UTC) - timedelta(minutes=5))
    assert len([t for t in moved if t.type == "transfer" and t.source == first.id]) == 1
    if harness.strict_payments:
        replay_key = key("authorize")
        made = [await harness.gateway.authorize(AuthorizeRequest(
            amount=Money(700, "GBP"), payment_method="pm_card_visa", transfer_group="case:x",
            idempotency_key=replay_key)) for _ in range(2)]
        assert made[0] == made[1]


async def test_a_webhook_signed_by_the_gateway_verifies_and_a_forged_one_does_not(harness: Harness) -> None:
    # one signed notification per gateway, as the gateway itself would send it
    body = (b'{"id":"evt_1","object":"event","type":"payment_intent.succeeded","created":%d,"account":null,'
            b'"data":{"object":{"id":"pi_1","object":"payment_intent"}}}' % int(datetime.now(UTC).timestamp()))
    header = sign(harness, body)
    event = harness.gateway.verify_webhook(body, header)
    assert (event.id, event.type, event.object_id) == ("evt_1", "payment_intent.succeeded", "pi_1")
    with pytest.raises(Exception) as forged:
        harness.gateway.verify_webhook(body.replace(b"pi_1", b"pi_2"), header)
    assert forged.value.__class__.__name__ == "WebhookRejected"


def sign(h: Harness, body: bytes, timestamp: int | None = None) -> str:
    if h.sandbox is not None:
        return h.sandbox.sign(body, timestamp)
    import stripe

    from tests.support.gateways import WEBHOOK_SECRET

    return str(stripe.WebhookSignature.generate_signature_header(body.decode(), WEBHOOK_SECRET, timestamp))


async def test_a_dispute_refetched_shows_what_it_withdrew_and_its_fee(harness: Harness) -> None:
    """`dispute()` answers the same on both gateways: the payment and charge it concerns, the
    amount its balance movements withdrew and the dispute fee; a won one shows the reinstatement."""
    payment = await authorize(harness, 5_000)
    captured = await harness.gateway.capture(payment.id, None, idempotency_key=key("capture"))
    assert captured.charge_id is not None
    if harness.sandbox is not None:
        opened_id = harness.sandbox.open_dispute(payment.id, fee=1500).id
    else:
        assert harness.connect is not None
        opened_id = str((await harness.connect.create_dispute(captured.charge_id, fee=1500))["id"])
    opened = await harness.gateway.dispute(opened_id)
    assert (opened.payment_id, opened.charge_id) == (payment.id, captured.charge_id)
    assert (opened.amount, opened.withdrawn, opened.fee, opened.reinstated) == (Money(5_000, "GBP"), 5_000, 1500, 0)
    assert opened.status == "needs_response" and not opened.closed
    if harness.sandbox is not None:
        harness.sandbox.close_dispute(opened_id, won=True)
    else:
        assert harness.connect is not None
        harness.connect.close_dispute(opened_id, "won")
    won = await harness.gateway.dispute(opened_id)
    assert (won.status, won.closed, won.reinstated, won.fee) == ("won", True, 5_000, 1500)


async def test_a_captured_payment_lists_its_refunds_by_id(harness: Harness) -> None:
    payment = await authorize(harness)
    await harness.gateway.capture(payment.id, None, idempotency_key=key("capture"))
    refund = await harness.gateway.refund(payment.id, Money(2_500, "GBP"), idempotency_key=key("refund"))
    state = await harness.gateway.payment(payment.id)
    assert [(r.id, r.amount) for r in state.refunds] == [(refund.id, Money(2_500, "GBP"))]
