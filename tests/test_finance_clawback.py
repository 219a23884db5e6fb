"""A refund after payout (FINANCE.md section 8, scenario 11), black-box over HTTP on the sandbox and
on the Stripe adapter (localstripe + FakeStripeConnect): the payees' part of the refund becomes
their receivable and a transfer reversal is attempted as a stored operation; when it goes
through it clears the receivable, when the connected account no longer holds the money the
receivable stays visible in their balance and the next release is netted against it. And the
gateway's fee on a charge is booked, so reconciliation no longer reports it."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from typing import Any

import pytest

from domain.finance import ledger
from domain.finance.cases.models import PaymentCase
from domain.finance.ledger.models import LedgerEntry
from domain.finance.operations.models import FinanceOperation, OpKind, OpStatus
from domain.shared.money import Money
from tests.support.bookings import ok
from tests.support.bus import wait_until
from tests.test_finance_cases import finance_events
from tests.test_payouts import World, balance_of, make_world, onboard, released, sandbox_world

__all__ = ["sandbox_world"]  # the fixture, shared with tests/test_payouts.py

K = ledger.AccountKind
SHARE = 3825  # the organisation's part of the 4725 USD booking


@pytest.fixture(params=["sandbox", "stripe"])
async def world(request: pytest.FixtureRequest, make_client: Callable[..., Any]) -> AsyncIterator[World]:
    url = request.getfixturevalue("services").localstripe_url if request.param == "stripe" else None
    async for made in make_world(make_client, request.param, url):
        yield made


async def paid_payee(w: World) -> str:
    """The organisation onboarded and payout-enabled: releases transfer its share at once."""
    account_id = str((await onboard(w))["account"]["account_id"])
    w.complete_onboarding(account_id)
    await ok(await w.client.post(f"/v1/payees/{w.org}/onboarding/refresh", headers=w.market.provider.headers))
    return account_id


def account_balance(w: World, account_id: str) -> int:
    if w.connect is not None:
        return w.connect.balances[account_id].get("usd", 0)
    return w.sandbox.account_balance(account_id, "USD")


def drain(w: World, account_id: str) -> None:
    """The provider already paid the money out to their bank: the account holds nothing."""
    if w.connect is not None:
        w.connect.balances[account_id]["usd"] = 0
    else:
        w.sandbox._accounts[account_id].balance["USD"] = 0


async def paid_out(w: World) -> tuple[str, str]:
    case_id, booking_id = await released(w)

    async def transferred() -> bool:
        op = await FinanceOperation.get_or_none(case_id=case_id, op=OpKind.TRANSFER)
        return op is not None and op.status is OpStatus.SUCCEEDED

    await wait_until(transferred, 15, "the release's transfer")
    return case_id, booking_id


async def refund(w: World, case_id: str, amount: int) -> dict[str, Any]:
    response = await w.client.post(f"/v1/payment-cases/{case_id}/refund", headers=w.market.admin.headers,
                                   json={"amount": {"amount": amount, "currency": "USD"}, "reason": "goodwill"})
    return dict(await ok(response))


async def reversal_of(case_id: str) -> FinanceOperation:
    found: list[FinanceOperation] = []

    async def settled() -> bool:
        found[:] = await FinanceOperation.filter(case_id=case_id, op=OpKind.REVERSAL).all()
        return len(found) == 1 and found[0].status is not OpStatus.PENDING

    await wait_until(settled, 15, "the transfer reversal's outcome")
    return found[0]


async def test_a_refund_after_payout_reverses_the_transfer_and_clears_the_receivable(world: World) -> None:
    w = world
    account_id = await paid_payee(w)
    case_id, _ = await paid_out(w)
    assert account_balance(w, account_id) == SHARE
    refunded = await refund(w, case_id, 1000)
    assert refunded["refunded"] == {"amount": 1000, "currency": "USD"}
    op = await reversal_of(case_id)
    owed = 809  # the payees' part of the refund: 1000 x 3825 / 4725, by largest remainder
    assert op.status is OpStatus.SUCCEEDED and int(op.params["amount"]) == owed
    assert op.idempotency_key.startswith("fs:reversal-p0-") and op.idempotency_key.endswith(f":{case_id}:" +
                                                                                          str(op.attempt))
    # The money came back from the connected account; the payee owes nothing.
    assert account_balance(w, account_id) == SHARE - owed
    view = (await balance_of(w))["usd"]
    assert view["receivable"] == 0
    assert await LedgerEntry.filter(case_id=case_id, kind="transfer_reversal").count() == 1
    types = [e["type"] for e in await finance_events(case_id)]
    assert types.count("payment.transfer_reversed") == 1 and "payment.transfer_reversal_declined" not in types
    if w.connect is not None:  # one reversal at the gateway, with the stored key
        assert [p[2] for p in w.connect.posts("/v1/transfers/")] == [op.idempotency_key]


async def test_a_refused_reversal_leaves_a_visible_receivable_netted_against_the_next_release(world: World) -> None:
    w = world
    account_id = await paid_payee(w)
    case_id, _ = await paid_out(w)
    drain(w, account_id)
    await refund(w, case_id, 1000)
    op = await reversal_of(case_id)
    owed = int(op.params["amount"])
    assert op.status is OpStatus.FAILED and owed == 809
    # Never a silent negative balance: the payee sees what they owe.
    view = (await balance_of(w))["usd"]
    assert view["receivable"] == owed
    types = [e["type"] for e in await finance_events(case_id)]
    assert types.count("payment.transfer_reversal_declined") == 1
    assert await LedgerEntry.filter(case_id=case_id, kind="transfer_reversal").count() == 0
    # The next release is netted against it: its transfer is smaller by exactly that much.
    second, _ = await paid_out(w)
    transfer = await FinanceOperation.get(case_id=second, op=OpKind.TRANSFER)
    assert int(transfer.params["amount"]) == SHARE - owed
    assert account_balance(w, account_id) == SHARE - owed
    assert (await balance_of(w))["usd"]["receivable"] == 0
    # Not a cent lost: the receivable was paid by the release, never twice.
    receivable = await ledger.balance(ledger.AccountKey(K.PROVIDER_RECEIVABLE, w.org, "USD"))
    assert receivable.posted == 0 and receivable.debits_posted == owed


async def test_the_gateways_fee_on_a_charge_is_booked_and_reconciles(sandbox_world: World) -> None:
    """The sandbox keeps 2.9 % of each capture, as Stripe does: the capture books it to
    gateway_fees from the charge's state, and reconciliation reports no `fee_not_booked`; a
    refund made at the gateway is booked under its own refund id (paired by id, not amount)."""
    w = sandbox_world
    w.sandbox._fee_bp = 290
    case_id, _ = await released(w)
    fee = 4725 * 290 // 10_000
    assert (await ledger.balance(ledger.AccountKey(K.GATEWAY_FEES, "platform", "USD"))).posted == fee
    assert await LedgerEntry.filter(case_id=case_id, kind="gateway_fee").count() == 1
    case = await PaymentCase.get(id=case_id)
    assert case.payment_id is not None
    outside = await w.sandbox.refund(case.payment_id, Money(500, "USD"), idempotency_key=f"outside:{case_id}")
    key = f"gw:{outside.id}:refund"

    async def booked() -> bool:
        return await LedgerEntry.filter(idempotency_key=key).exists()

    await wait_until(booked, 15, "the gateway's refund booked by its id (its webhook applied)")
    run = await ok(await w.client.post("/v1/admin/finance/reconciliations", headers=w.market.admin.headers,
                                       json={}), 201)
    assert run["mismatches"] == [] and run["clean"] is True, run
    assert run["matched"] >= 2  # the charge and the refund, by id
