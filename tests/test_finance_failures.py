"""Payment cases when things go wrong (issue 13 item 5): a declined card, a declined refund, an
unavailable gateway, a crash between the gateway and our commit, an expired authorization, and
accepting a booking its customer has not paid (when that is required)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from aiohttp.test_utils import TestClient

from domain.finance import ledger
from domain.finance.cases.models import PaymentCase
from domain.finance.cases.services import register_payout_destination
from domain.finance.gateway.port import Declined, Unavailable
from domain.finance.ledger.models import LedgerEntry
from domain.finance.operations.models import FinanceOperation, OpKind, OpStatus
from domain.shared.clock import utcnow
from domain.shared.money import Money
from tests.support.bookings import Market, act, book, build_market, ok
from tests.support.bus import wait_until
from tests.support.payments import (
    FAST,
    balance,
    case_of,
    checkout,
    ledger_request,
    payee_destination,
    payments_of,
    problem,
    run_to,
    until_state,
)


@pytest.fixture
async def world(make_client: Callable[..., Any]) -> tuple[TestClient, Market]:
    client = await make_client(**FAST)
    return client, await build_market(client)


async def test_a_declined_card_fails_and_a_new_attempt_uses_a_new_key(world):
    client, m = world
    booking = await ok(await book(client, m), 201)
    failed = await checkout(client, m, booking, "pm_card_chargeDeclined")
    assert failed["state"] == "failed" and failed["failure"]
    retried = await checkout(client, m, booking, "pm_card_visa")
    assert retried["state"] == "authorized" and retried["id"] == failed["id"]
    ops = await FinanceOperation.filter(case_id=failed["id"], op=OpKind.AUTHORIZE).order_by("attempt")
    assert [(o.attempt, o.status) for o in ops] == [(1, OpStatus.FAILED), (2, OpStatus.SUCCEEDED)]
    assert [o.idempotency_key for o in ops] == [f"fs:authorize:{failed['id']}:1", f"fs:authorize:{failed['id']}:2"]
    await problem(await client.post(f"/v1/bookings/{booking['id']}/checkout", headers=m.customer.headers,
                                    json={"payment_method": "pm_card_visa"}), 409, "conflict")
    await problem(await client.post(f"/v1/bookings/{booking['id']}/checkout", headers=m.crew[0].headers,
                                    json={"payment_method": "pm_card_visa"}), 403, "forbidden")


async def test_a_declined_refund_is_compensated_and_a_new_one_gets_a_new_key(world, monkeypatch):
    client, m = world
    payments = payments_of(client)
    booking = await ok(await book(client, m), 201)
    case_id = (await checkout(client, m, booking))["id"]
    await run_to(client, m, booking, "accept")
    await until_state(client, m, booking["id"], "held")
    real_refund = payments.gateway.refund
    calls: list[str] = []

    async def refuse_once(payment_id: str, amount: Money, *, idempotency_key: str) -> Any:
        calls.append(idempotency_key)
        if len(calls) == 1:
            raise Declined("the processor refused", gateway_code="refund_failed")
        return await real_refund(payment_id, amount, idempotency_key=idempotency_key)

    monkeypatch.setattr(payments.gateway, "refund", refuse_once)
    url = f"/v1/payment-cases/{case_id}/refund"
    part = {"amount": {"amount": 1000, "currency": "USD"}}
    assert (await ok(await client.post(url, headers=m.provider.headers, json=part)))["refunded"]["amount"] == 1000

    async def compensated() -> bool:
        return (await case_of(client, m, booking["id"]))["refunded"]["amount"] == 0

    await wait_until(compensated, 10, "the declined refund compensated")
    again = await case_of(client, m, booking["id"])
    assert again["state"] == "held" and again["held"]["amount"] == 4725
    assert await balance(ledger.AccountKind.CASE_HELD, f"case:{case_id}") == 4725
    assert await LedgerEntry.filter(case_id=case_id, kind="refund").count() == 1
    assert await LedgerEntry.filter(case_id=case_id, reverses_id__isnull=False).count() == 1
    await ok(await client.post(url, headers=m.provider.headers, json=part))

    async def refunded() -> bool:
        return not await FinanceOperation.filter(case_id=case_id, op=OpKind.REFUND, status=OpStatus.PENDING).exists()

    await wait_until(refunded, 10, "the second refund at the gateway")
    ops = await FinanceOperation.filter(case_id=case_id, op=OpKind.REFUND).order_by("created_at")
    assert [o.status for o in ops] == [OpStatus.FAILED, OpStatus.SUCCEEDED]
    assert len({o.idempotency_key for o in ops}) == 2 and calls == [o.idempotency_key for o in ops]
    assert (await case_of(client, m, booking["id"]))["refunded"]["amount"] == 1000
    assert await balance(ledger.AccountKind.CASE_HELD, f"case:{case_id}") == 3725


async def test_an_unavailable_gateway_is_retried_with_the_same_key(world, monkeypatch):
    client, m = world
    payments = payments_of(client)
    booking = await ok(await book(client, m), 201)
    case_id = (await checkout(client, m, booking))["id"]
    real_capture = payments.gateway.capture
    keys: list[str] = []

    async def flaky(payment_id: str, amount: Money | None, *, idempotency_key: str) -> Any:
        keys.append(idempotency_key)
        result = await real_capture(payment_id, amount, idempotency_key=idempotency_key)
        if len(keys) == 1:  # the capture happened, but the answer was lost on the way back
            raise Unavailable("connection reset")
        return result

    monkeypatch.setattr(payments.gateway, "capture", flaky)
    await run_to(client, m, booking, "accept")

    async def retried() -> bool:
        op = await FinanceOperation.get_or_none(case_id=case_id, op=OpKind.CAPTURE)
        return op is not None and op.tries >= 1 and bool(op.last_error)

    await wait_until(retried, 10, "the first capture attempt")
    await FinanceOperation.filter(case_id=case_id, op=OpKind.CAPTURE).update(next_attempt_at=utcnow())  # time passes
    await until_state(client, m, booking["id"], "held")

    # The gateway's webhook for the first capture may move the case before the retry runs; the
    # operation itself still closes only through a retry.
    async def closed() -> bool:
        op = await FinanceOperation.get(case_id=case_id, op=OpKind.CAPTURE)
        return op.status is OpStatus.SUCCEEDED

    await wait_until(closed, 10, "the capture retried")
    assert keys == [f"fs:capture:{case_id}:1"] * 2  # the same key: the gateway replayed the first capture
    payment = await payments.gateway.payment((await PaymentCase.get(id=case_id)).payment_id or "")
    assert payment.amount_captured == 4725
    assert await LedgerEntry.filter(case_id=case_id, idempotency_key__endswith=":captured").count() == 1


async def test_a_crash_between_the_transfer_and_our_commit_leaves_one_transfer(world, monkeypatch):
    client, m = world
    payments = payments_of(client)
    account = await payments.gateway.create_account(ledger_request(m))
    payments.gateway.complete_onboarding(account.id)
    unregister = register_payout_destination(lambda owner: payee_destination(owner, f"org:{m.org_id}", account.id))
    try:
        booking = await ok(await book(client, m), 201)
        case_id = (await checkout(client, m, booking))["id"]
        await run_to(client, m, booking, "accept", "schedule", "start", "complete")
        await until_state(client, m, booking["id"], "release_pending")
        real_succeeded = payments.succeeded
        crashed: list[str] = []

        async def crash_once(op: FinanceOperation, result: dict[str, Any]) -> None:
            if op.op is OpKind.TRANSFER and not crashed:
                crashed.append(op.idempotency_key)
                raise RuntimeError("the worker died before recording the transfer")
            await real_succeeded(op, result)

        monkeypatch.setattr(payments, "succeeded", crash_once)
        monkeypatch.setattr(payments.worker, "outcomes", payments)
        await payments.release_due(utcnow() + timedelta(days=3))

        async def crashed_once() -> bool:
            return bool(crashed)

        await wait_until(crashed_once, 10, "the transfer made and the worker crashed")
        transfer = await FinanceOperation.get(case_id=case_id, op=OpKind.TRANSFER)
        assert transfer.status is OpStatus.PENDING  # nothing recorded: the lease will expire
        await FinanceOperation.filter(id=transfer.id).update(next_attempt_at=utcnow())  # the lease ran out
        final = await until_state(client, m, booking["id"], "paid_out")
        assert final["released"]["amount"] == 4725
        assert payments.gateway.account_balance(account.id, "USD") == 4500 - 675  # one transfer, not two
        assert await LedgerEntry.filter(case_id=case_id, kind="transfer").count() == 1
        assert await balance(ledger.AccountKind.PROVIDER_PAYABLE, f"org:{m.org_id}") == 0
    finally:
        unregister()


async def test_an_expired_authorization_is_never_captured(world):
    client, m = world
    payments = payments_of(client)
    booking = await ok(await book(client, m), 201)
    case_id = (await checkout(client, m, booking))["id"]
    # Time passes beyond the authorization (the clock is the stored capture_before).
    await PaymentCase.filter(id=case_id).update(capture_before=utcnow() - timedelta(seconds=1))
    await run_to(client, m, booking, "accept")
    expired = await until_state(client, m, booking["id"], "expired")
    assert expired["captured"]["amount"] == 0
    assert not await FinanceOperation.filter(case_id=case_id, op=OpKind.CAPTURE).exists()
    pending = await ledger.balance(ledger.AccountKey(ledger.AccountKind.CASE_HELD, f"case:{case_id}", "USD"))
    assert pending.pending == 0 and pending.posted == 0
    case = await PaymentCase.get(id=case_id)
    assert case.payment_id is not None
    payment = await payments.gateway.payment(case.payment_id)
    assert payment.amount_captured == 0

    # The timer voids an authorization that is about to lapse, before anyone accepts.
    second = await ok(await book(client, m, serviceman_ids=[m.crew[1].id]), 201)
    other = (await checkout(client, m, second))["id"]
    await PaymentCase.filter(id=other).update(capture_before=utcnow() + timedelta(minutes=5))
    assert await payments.expire_due() == 1
    assert (await case_of(client, m, second["id"]))["state"] == "expired"


async def test_accept_requires_a_live_payment_when_configured(make_client):
    client = await make_client(**FAST, payment_required_to_accept=True)
    m = await build_market(client)
    booking = await ok(await book(client, m), 201)
    lead = m.crew[0]
    body = await problem(await act(client, lead, booking, "accept"), 409, "conflict")
    assert body.get("details", {}).get("cause") == "payment_required" or "paid" in body["detail"]
    case_id = (await checkout(client, m, booking))["id"]
    await PaymentCase.filter(id=case_id).update(capture_before=utcnow() - timedelta(seconds=1))
    await problem(await act(client, lead, booking, "accept"), 409, "conflict")
    await PaymentCase.filter(id=case_id).update(capture_before=utcnow() + timedelta(days=3))
    await ok(await act(client, lead, booking, "accept"))
    await until_state(client, m, booking["id"], "held")
