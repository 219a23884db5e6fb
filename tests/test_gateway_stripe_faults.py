"""The Stripe adapter when the network or Stripe misbehaves: a lost response retried with the
same key makes one transfer, a 402 is a definitive refusal, a 5xx is "retry with the same key"."""

from __future__ import annotations

import secrets
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import pytest
import stripe

from domain.finance.gateway.port import AccountRequest, AuthorizeRequest, Declined, TransferRequest, Unavailable
from domain.shared.money import Money
from tests.conftest import Services
from tests.support.gateways import WEBHOOK_SECRET, Harness, stripe_harness
from tests.support.stripe_connect_fake import FakeStripeConnect
from tests.support.stripe_services import LOCALSTRIPE_KEY


@pytest.fixture
async def no_retries(services: Services) -> AsyncIterator[Harness]:
    async with stripe_harness(services.localstripe_url, max_network_retries=0) as made:
        yield made


@pytest.fixture
async def with_retries(services: Services) -> AsyncIterator[Harness]:
    async with stripe_harness(services.localstripe_url, max_network_retries=2) as made:
        yield made


async def transfer_request(h: Harness) -> TransferRequest:
    g = h.gateway
    payment = await g.authorize(AuthorizeRequest(amount=Money(9_000, "EUR"), payment_method="pm_card_visa",
                                                 transfer_group="case:faults", idempotency_key=new_key()))
    captured = await g.capture(payment.id, None, idempotency_key=new_key())
    account = await g.create_account(AccountRequest(country="FR", email="p@example.com", business_type="individual",
                                                    idempotency_key=new_key()))
    h.complete_onboarding(account.id)
    return TransferRequest(amount=Money(7_000, "EUR"), destination=account.id, transfer_group="case:faults",
                           source_transaction=captured.charge_id, idempotency_key=new_key())


def new_key() -> str:
    return f"fs:test:{secrets.token_hex(8)}"


def connect(h: Harness) -> FakeStripeConnect:
    assert h.connect is not None
    return h.connect


async def test_a_lost_response_retried_with_the_same_key_makes_one_transfer(no_retries: Harness) -> None:
    request = await transfer_request(no_retries)
    connect(no_retries).drop_after_commit("/v1/transfers")
    with pytest.raises(Unavailable):  # the transfer was made, but we cannot know
        await no_retries.gateway.transfer(request)
    again = await no_retries.gateway.transfer(request)  # the worker's retry, same stored key
    assert list(connect(no_retries).transfers) == [again.id]
    assert again.amount == Money(7_000, "EUR")


async def test_the_client_retries_a_dropped_connection_itself_with_our_key(with_retries: Harness) -> None:
    request = await transfer_request(with_retries)
    connect(with_retries).drop_after_commit("/v1/transfers")
    made = await with_retries.gateway.transfer(request)
    assert list(connect(with_retries).transfers) == [made.id]
    keys = [k for _, _, k in connect(with_retries).posts("/v1/transfers")]
    assert keys == [request.idempotency_key, request.idempotency_key]


async def test_a_402_is_a_definitive_refusal_replayed_for_the_same_key(no_retries: Harness) -> None:
    request = await transfer_request(no_retries)
    connect(no_retries).fail_next("/v1/transfers", status=402, code="card_declined")
    with pytest.raises(Declined):
        await no_retries.gateway.transfer(request)
    with pytest.raises(Declined):  # the key is closed: its answer stays the refusal
        await no_retries.gateway.transfer(request)
    assert connect(no_retries).transfers == {}


async def test_a_server_error_means_retry_with_the_same_key(no_retries: Harness) -> None:
    request = await transfer_request(no_retries)
    connect(no_retries).fail_next("/v1/transfers", status=500, type_="api_error", code="", message="boom")
    with pytest.raises(Unavailable):
        await no_retries.gateway.transfer(request)
    made = await no_retries.gateway.transfer(request)
    assert list(connect(no_retries).transfers) == [made.id]


async def test_payments_and_connect_may_live_at_different_addresses(no_retries: Harness) -> None:
    request = await transfer_request(no_retries)
    await no_retries.gateway.transfer(request)
    assert connect(no_retries).posts("/v1/payment_intents") == []  # payments went to localstripe
    assert len(connect(no_retries).posts("/v1/transfers")) == 1


async def test_a_dispute_event_names_the_payment_and_the_dispute_parses(no_retries: Harness) -> None:
    g = no_retries.gateway
    payment = await g.authorize(AuthorizeRequest(amount=Money(5_000, "GBP"), payment_method="pm_card_visa",
                                                 transfer_group="case:d", idempotency_key=new_key()))
    captured = await g.capture(payment.id, None, idempotency_key=new_key())
    assert captured.charge_id is not None
    dispute = await connect(no_retries).create_dispute(captured.charge_id)
    body = FakeStripeConnect.event("charge.dispute.created", dispute)
    event = g.verify_webhook(body, str(stripe.WebhookSignature.generate_signature_header(body.decode(),
                                                                                         WEBHOOK_SECRET)))
    assert (event.type, event.object_id) == ("charge.dispute.created", payment.id)
    client = stripe.StripeClient(LOCALSTRIPE_KEY, base_addresses={"api": connect(no_retries).url})
    fetched = await client.v1.disputes.retrieve_async(dispute["id"])
    assert (fetched.status, fetched.amount, fetched.charge) == ("needs_response", 5_000, captured.charge_id)
    moved = await g.balance_transactions(created_after=datetime.now(UTC) - timedelta(minutes=5))
    assert [(t.type, t.amount.amount) for t in moved if t.source == dispute["id"]] == [("adjustment", -5_000)]
