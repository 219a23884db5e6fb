"""The Stripe adapter when the network or Stripe misbehaves: a lost response retried with the
same key makes one transfer, a 402 is a definitive refusal, a 5xx is "retry with the same key"."""

from __future__ import annotations

import secrets
from collections.abc import AsyncIterator

import pytest

from domain.finance.gateway.port import AccountRequest, AuthorizeRequest, Declined, TransferRequest, Unavailable
from domain.shared.money import Money
from tests.conftest import Services
from tests.support.gateways import Harness, stripe_harness
from tests.support.stripe_connect_fake import FakeStripeConnect


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
