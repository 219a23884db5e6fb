"""What only the sandbox can show quickly: authorizations lapse at capture_before (the clock is
moved), a refused call stays refused for its key, fees land in the balance transactions, and
its webhooks leave in order and wait while the receiver is down."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from domain.finance.gateway.port import AuthorizeRequest, Declined, EventType
from domain.finance.gateway.sandbox import SandboxGateway
from domain.shared.money import Money


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


def request(key: str, method: str = "pm_card_visa", amount: int = 10_000) -> AuthorizeRequest:
    return AuthorizeRequest(amount=Money(amount, "GBP"), payment_method=method, transfer_group="case:s",
                            idempotency_key=key)


async def test_an_authorization_lapses_at_capture_before_and_is_never_captured() -> None:
    clock = Clock()
    sandbox = SandboxGateway(webhook_secret="whsec_t", clock=clock)
    payment = await sandbox.authorize(request("k1"))
    assert payment.capture_before == clock.now + timedelta(days=7)
    clock.now = payment.capture_before - timedelta(seconds=1)
    assert (await sandbox.payment(payment.id)).status == "requires_capture"
    clock.now = payment.capture_before
    assert (await sandbox.payment(payment.id)).status == "canceled"
    with pytest.raises(Declined) as refused:
        await sandbox.capture(payment.id, None, idempotency_key="k2")
    assert refused.value.gateway_code == "payment_intent_unexpected_state"
    assert [e["type"] for e in sandbox.events] == [EventType.PAYMENT_AUTHORIZED, EventType.PAYMENT_CANCELED]


async def test_a_refusal_is_the_answer_for_its_key_and_a_new_key_may_try_again() -> None:
    sandbox = SandboxGateway(webhook_secret="whsec_t")
    with pytest.raises(Declined):
        await sandbox.authorize(request("k1", "pm_card_chargeDeclinedInsufficientFunds"))
    with pytest.raises(Declined) as again:
        await sandbox.authorize(request("k1", "pm_card_chargeDeclinedInsufficientFunds"))
    assert again.value.decline_code == "insufficient_funds"
    assert (await sandbox.authorize(request("k2"))).status == "requires_capture"


async def test_fees_and_movements_are_listed_as_balance_transactions() -> None:
    sandbox = SandboxGateway(webhook_secret="whsec_t", fee_basis_points=290)
    payment = await sandbox.authorize(request("k1"))
    await sandbox.capture(payment.id, Money(8_000, "GBP"), idempotency_key="k2")
    await sandbox.refund(payment.id, Money(1_000, "GBP"), idempotency_key="k3")
    listed = await sandbox.balance_transactions(created_after=datetime(2000, 1, 1, tzinfo=UTC))
    assert [(t.type, t.amount.amount, t.fee, t.net) for t in listed] == [
        ("charge", 8_000, 232, 7_768), ("refund", -1_000, 0, -1_000)]


async def test_webhooks_leave_in_order_and_wait_while_the_receiver_is_down() -> None:
    sandbox = SandboxGateway(webhook_secret="whsec_t")
    payment = await sandbox.authorize(request("k1"))
    await sandbox.capture(payment.id, None, idempotency_key="k2")
    await sandbox.refund(payment.id, Money(500, "GBP"), idempotency_key="k3")
    received: list[str] = []
    up = False

    async def deliver(body: bytes, signature: str) -> bool:
        if not up:
            raise ConnectionError("receiver down")
        received.append(sandbox.verify_webhook(body, signature).type)
        return True

    assert await sandbox.flush_webhooks(deliver) == 0
    up = True
    assert await sandbox.flush_webhooks(deliver) == 3
    assert received == ["payment_intent.amount_capturable_updated", "payment_intent.succeeded", "charge.refunded"]
    # a refund event names the charge; the payment to refetch is its object_id
    refunded = sandbox.events[2]["data"]["object"]
    assert refunded["object"] == "charge"
    body = b'{"id":"e","type":"charge.refunded","created":1,"data":{"object":' \
           b'{"id":"ch_1","object":"charge","payment_intent":"pi_9"}}}'
    assert sandbox.verify_webhook(body, sandbox.sign(body)).object_id == "pi_9"
