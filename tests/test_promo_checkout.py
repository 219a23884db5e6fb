"""Promotional credit spent at checkout (issue 13 item 7; domain/finance/promo.py), over HTTP on
real PostgreSQL and the sandbox gateway, in a 0-, 2- and 3-decimal currency: the quote shows the
credit that would apply; checkout charges the card the rest (never below the gateway's minimum)
and reserves the credit; the capture spends it, a void or a declined card gives it back; the
provider is paid as if the card had paid everything; refunds give card money back first and
credit last. The per-test trial balance (tests/conftest.py) proves every entry balanced."""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest

from domain.finance import ledger
from domain.finance.cases.models import PaymentCase
from domain.shared.clock import utcnow
from tests.support.bookings import CENTRE, act, fetch, iso, ok, slot
from tests.support.bus import wait_until
from tests.support.finance_world import World, build_world, case_of, half_up, until_state

SLOTS = itertools.count(200)


@pytest.fixture
async def world(make_client: Callable[..., Any]) -> World:
    return await build_world(make_client)


async def grant(w: World, amount: int, currency: str) -> None:
    body = {"user_id": w.customer.id, "amount": {"amount": amount, "currency": currency}, "reason": "welcome"}
    await ok(await w.client.post("/v1/admin/promo-credits", headers=w.admin.headers, json=body), 201)


async def credit_of(w: World, currency: str) -> int:
    """The customer's spendable credit, as their balance view shows it."""
    body = await ok(await w.client.get("/v1/payees/me/balance", headers=w.customer.headers))
    return next((c["promo_credit"] for c in body["currencies"] if c["currency"] == currency), 0)


async def quote(w: World, service_id: str) -> dict[str, Any]:
    return dict(await ok(await w.client.post("/v1/quotes", headers=w.customer.headers,
                                             json={"service_id": service_id})))


async def booked(w: World, currency: str, price: int, **checkout: Any) -> tuple[dict[str, Any], dict[str, Any]]:
    service_id = await w.service(currency, price)
    body = {"service_id": service_id, "kind": "scheduled", "start": iso(slot(48 + 3 * next(SLOTS))),
            "lat": CENTRE[0], "lng": CENTRE[1], "serviceman_ids": [w.crew[0].id]}
    booking = await ok(await w.client.post("/v1/bookings", headers=w.customer.headers, json=body), 201)
    paid = await ok(await w.client.post(f"/v1/bookings/{booking['id']}/checkout", headers=w.customer.headers,
                                        json={"payment_method": "pm_card_visa", **checkout}), 201)
    return booking, paid


async def advance(w: World, booking: dict[str, Any], *steps: str) -> dict[str, Any]:
    lead = w.crew[0]
    current = await fetch(w.client, lead, booking["id"])
    for step in steps:
        current = await ok(await act(w.client, lead, current, step))
    return current


async def gateway_payment(case_id: str) -> Any:
    case = await PaymentCase.get(id=case_id)
    assert case.payment_id is not None
    return case.payment_id


@pytest.mark.parametrize(("currency", "price", "credit"), [("JPY", 12345, 1000), ("GBP", 4599, 1000),
                                                           ("KWD", 12345, 2500)])
async def test_credit_pays_part_of_the_checkout_and_the_provider_is_paid_in_full(world, currency, price, credit):
    w = world
    total, payee = price + half_up(price, 500), price - half_up(price, 1500)
    await grant(w, credit, currency)
    offered = await quote(w, await w.service(currency, price))
    assert offered["promo_credit"] == {"amount": credit, "currency": currency}
    assert offered["to_pay"]["amount"] == total - credit == offered["customer_total"]["amount"] - credit

    booking, paid = await booked(w, currency, price)
    assert paid["amount"]["amount"] == total and paid["promo_credit"]["amount"] == credit
    assert paid["charged"]["amount"] == total - credit
    card = await w.sandbox.payment(await gateway_payment(paid["id"]))
    assert card.amount.amount == total - credit and card.amount.currency == currency
    assert await credit_of(w, currency) == 0  # reserved by the checkout: a second checkout cannot spend it

    await advance(w, booking, "accept")
    await until_state(w, booking["id"], "held")
    held = await ledger.balance(ledger.AccountKey(ledger.AccountKind.CASE_HELD, f"case:{paid['id']}", currency))
    assert held.posted == total and held.pending == 0  # card and credit, both held for the case
    assert (await w.sandbox.payment(card.id)).amount_captured == total - credit

    await advance(w, booking, "schedule", "start", "complete")
    await until_state(w, booking["id"], "release_pending")
    assert await w.payments.release_due(utcnow() + timedelta(days=3)) >= 1
    await until_state(w, booking["id"], "released", "paid_out")
    payable = await ledger.balance(ledger.AccountKey(ledger.AccountKind.PROVIDER_PAYABLE, f"org:{w.org_id}", currency))
    assert payable.posted == payee  # the provider's share is the same as if the card had paid it all
    spent = await ledger.balance(ledger.AccountKey(ledger.AccountKind.PROMO_CREDIT, f"user:{w.customer.id}", currency))
    assert spent.posted == 0 and spent.pending == 0
    expense = await ledger.balance(ledger.AccountKey(ledger.AccountKind.PROMO_EXPENSE, "platform", currency))
    assert expense.posted == credit  # the platform bore it when it granted it


async def test_refunds_give_card_money_back_first_and_credit_last(world):
    w = world
    await grant(w, 1000, "GBP")
    booking, paid = await booked(w, "GBP", 4500)  # total 4725: 3725 on the card, 1000 of credit
    await advance(w, booking, "accept")
    await until_state(w, booking["id"], "held")
    refund_url = f"/v1/payment-cases/{paid['id']}/refund"
    await ok(await w.client.post(refund_url, headers=w.admin.headers,
                                 json={"amount": {"amount": 3000, "currency": "GBP"}, "reason": "partly done"}))
    payment_id = await gateway_payment(paid["id"])

    async def card_refunded(amount: int) -> bool:
        return (await w.sandbox.payment(payment_id)).amount_refunded == amount

    await _until(card_refunded, 3000)
    assert await credit_of(w, "GBP") == 0  # all of it went to the card
    rest = await ok(await w.client.post(refund_url, headers=w.admin.headers, json={"reason": "cancelled"}))
    assert rest["state"] == "refunded" and rest["refunded"]["amount"] == 4725
    await _until(card_refunded, 3725)  # the card got back exactly what it paid
    assert await credit_of(w, "GBP") == 1000  # and the credit came back last, whole


async def test_a_void_or_a_declined_card_gives_the_credit_back_and_opting_out_keeps_it(world):
    w = world
    await grant(w, 1000, "GBP")
    _kept, paid = await booked(w, "GBP", 4500, use_promo_credit=False)
    assert paid["promo_credit"]["amount"] == 0 and paid["charged"]["amount"] == 4725
    assert await credit_of(w, "GBP") == 1000

    booking, paid = await booked(w, "GBP", 4500)
    assert paid["promo_credit"]["amount"] == 1000 and await credit_of(w, "GBP") == 0
    await ok(await act(w.client, w.customer, await fetch(w.client, w.customer, booking["id"]), "cancel"))
    await until_state(w, booking["id"], "voided")
    assert await credit_of(w, "GBP") == 1000

    service_id = await w.service("GBP", 4500)
    body = {"service_id": service_id, "kind": "scheduled", "start": iso(slot(48 + 3 * next(SLOTS))),
            "lat": CENTRE[0], "lng": CENTRE[1], "serviceman_ids": [w.crew[0].id]}
    third = await ok(await w.client.post("/v1/bookings", headers=w.customer.headers, json=body), 201)
    url = f"/v1/bookings/{third['id']}/checkout"
    failed = await ok(await w.client.post(url, headers=w.customer.headers,
                                          json={"payment_method": "pm_card_chargeDeclined"}), 201)
    assert (await until_state(w, third["id"], "failed"))["id"] == failed["id"]
    assert await credit_of(w, "GBP") == 1000  # the declined attempt released it
    retried = await ok(await w.client.post(url, headers=w.customer.headers, json={"payment_method": "pm_card_visa"}),
                       201)
    assert retried["promo_credit"]["amount"] == 1000 and retried["charged"]["amount"] == 3725
    assert await credit_of(w, "GBP") == 0


@pytest.mark.parametrize(("currency", "minimum"), [("JPY", 50), ("USD", 50), ("KWD", 500)])
async def test_credit_never_brings_the_card_below_the_gateways_minimum(world, currency, minimum):
    w = world
    await grant(w, 10**6, currency)
    offered = await quote(w, await w.service(currency, 4500))
    total = offered["customer_total"]["amount"]
    assert offered["to_pay"]["amount"] == minimum and offered["promo_credit"]["amount"] == total - minimum
    _booking, paid = await booked(w, currency, 4500)
    assert paid["charged"]["amount"] == minimum and paid["promo_credit"]["amount"] == total - minimum
    assert await credit_of(w, currency) == 10**6 - (total - minimum)
    assert (await case_of(w, _booking["id"]))["state"] == "authorized"


async def _until(check: Callable[[int], Any], value: int) -> None:
    async def reached() -> bool:
        return bool(await check(value))

    await wait_until(reached, 10, f"the gateway to show {value}")


async def test_two_checkouts_at_once_never_spend_the_same_credit_twice(world):
    w = world
    await grant(w, 1000, "GBP")
    service_id = await w.service("GBP", 4500)

    async def book_one() -> dict[str, Any]:
        body = {"service_id": service_id, "kind": "scheduled", "start": iso(slot(48 + 3 * next(SLOTS))),
                "lat": CENTRE[0], "lng": CENTRE[1], "serviceman_ids": [w.crew[0].id]}
        return dict(await ok(await w.client.post("/v1/bookings", headers=w.customer.headers, json=body), 201))

    bookings = [await book_one(), await book_one()]
    answers = await asyncio.gather(*(w.client.post(f"/v1/bookings/{b['id']}/checkout", headers=w.customer.headers,
                                                   json={"payment_method": "pm_card_visa"}) for b in bookings))
    spent = 0
    for answer in answers:
        body = await answer.json()
        if answer.status == 409:  # lost the race for the credit: nothing written, check out again
            assert (body["details"]["reason"], body["details"]["cause"]) == ("stale_version", "promo_credit_changed")
        else:
            assert answer.status == 201, body
            spent += body["promo_credit"]["amount"]
    assert spent == 1000 and await credit_of(w, "GBP") == 0
