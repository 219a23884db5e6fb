"""What each party sees of the money (issue 13 item 10), on real PostgreSQL and the sandbox
gateway, driven through the payment cases over HTTP: balances and statements computed from the
ledger, CSV in each currency's decimals, gap-free receipts and invoices, the admin report.
Seller tax data: tests/test_finance_tax.py; reconciliation: tests/test_finance_reconciliation.py."""

from __future__ import annotations

import asyncio
import csv
import io
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest

from domain.finance.cases.models import PaymentCase
from domain.finance.reporting import documents
from domain.finance.reporting.models import DocumentCounter, FinanceDocument
from domain.shared.clock import utcnow
from domain.shared.money import Money
from domain.shared.uow import unit_of_work
from tests.support.bookings import CENTRE, act, fetch, iso, make_serviceman, ok, slot
from tests.support.bus import wait_until
from tests.support.catalog import published_service
from tests.support.finance_world import SLOTS, World, balance_in, build_world, get, half_up, paid_booking, until_state


@pytest.fixture
async def world(make_client: Callable[..., Any]) -> World:
    return await build_world(make_client)


# JPY (0 decimals), GBP (2), KWD (3): the default rules take 15 % commission and 5 % tax.
CASES = [("JPY", 12345, "10493", "-1000"), ("GBP", 4599, "39.09", "-10.00"), ("KWD", 12345, "10.493", "-1.000")]


@pytest.mark.parametrize(("currency", "price", "payee_major", "refund_major"), CASES)
async def test_balances_statements_documents_and_report_to_the_minor_unit(world, currency, price, payee_major,
                                                                          refund_major):
    w = world
    month = utcnow().strftime("%Y-%m")
    commission, tax = half_up(price, 1500), half_up(price, 500)
    total, payee = price + tax, price - commission
    org_url = f"/v1/orgs/{w.org_id}/finance"

    # Captured and held: the provider sees it pending, nothing available yet.
    _held, held_case = await paid_booking(w, currency, price, release=False)
    case = await PaymentCase.get(id=held_case)
    assert case.amount == total and case.breakdown["commission"] == commission
    held = balance_in(await get(w, w.provider, f"{org_url}/balances"), currency)
    assert held == {"currency": currency, "earnings": 0, "pending": payee, "available": 0, "paid_out": 0,
                    "receivable": 0}

    # A second booking released: earnings and available; then a refund after release makes a receivable.
    booking, case_id = await paid_booking(w, currency, price)
    refund = 1000
    refunded = await w.client.post(f"/v1/payment-cases/{case_id}/refund", headers=w.admin.headers,
                                   json={"amount": {"amount": refund, "currency": currency}, "reason": "goodwill"})
    assert refunded.status == 200, await refunded.text()
    taken_back = (await PaymentCase.get(id=case_id)).breakdown  # frozen; the refund's payee part is proportional
    body = await get(w, w.provider, f"{org_url}/balances")
    mine = balance_in(body, currency)
    assert body["owner"] == f"org:{w.org_id}"
    assert mine["pending"] == payee and mine["available"] == payee and mine["paid_out"] == 0
    clawed = mine["receivable"]
    assert 0 < clawed < refund and mine["earnings"] == payee - clawed
    assert taken_back["payees"][0]["amount"] == payee

    # The month's statement: the release (+payee) and the refund after release (-clawed).
    statement = await get(w, w.provider, f"{org_url}/statement?currency={currency}&month={month}")
    assert [(line["kind"], line["amount"]) for line in statement["lines"]] == [("release", payee),
                                                                             ("refund", -clawed)]
    assert statement["opening"] == 0 and statement["closing"] == payee - clawed
    assert statement["lines"][0]["booking_id"] == booking["id"]
    text = await get(w, w.provider, f"{org_url}/statement.csv?currency={currency}&month={month}")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][:3] == ["date", "entry_id", "kind"]
    assert rows[2][5] == payee_major and rows[2][7] == currency
    assert rows[-1][2] == "closing" and rows[-1][6] == Money(payee - clawed, currency).format_major()
    assert Money(-clawed, currency).format_major() == rows[3][5]
    assert Money(-refund, currency).format_major() == refund_major

    # Documents: the customer's receipt and credit note; the fee invoice for the seller.
    async def issued() -> bool:
        return await FinanceDocument.filter(booking_id=booking["id"]).count() == 3

    await wait_until(issued, 10, "receipt, invoice and credit note")
    seen = (await get(w, w.customer, f"/v1/bookings/{booking['id']}/documents"))["documents"]
    assert sorted(d["series"] for d in seen) == ["credit_note", "receipt"]
    receipt = next(d for d in seen if d["series"] == "receipt")
    assert receipt["issuer"] == f"org:{w.org_id}" and receipt["recipient"] == f"user:{w.customer.id}"
    assert (receipt["net"], receipt["tax"], receipt["total"], receipt["currency"]) == (price, tax, total, currency)
    assert receipt["number"] == 2 and receipt["reference"] == "RC-000002"  # the held booking's was the first
    assert next(d for d in seen if d["series"] == "credit_note")["total"] == refund
    provider_docs = (await get(w, w.provider, f"/v1/bookings/{booking['id']}/documents"))["documents"]
    invoice = next(d for d in provider_docs if d["series"] == "invoice")
    assert invoice["issuer"] == "platform" and invoice["recipient"] == f"org:{w.org_id}"
    assert invoice["net"] == commission and invoice["number"] == 1 and invoice["reference"] == "FS-INV-000001"
    assert (await get(w, w.crew[0], f"/v1/bookings/{booking['id']}/documents"))["documents"] == []
    await get(w, w.stranger, f"/v1/bookings/{booking['id']}/documents", 404)

    # The admin report: GMV is both captures, the refund, the commission less what the refund gave back.
    report = await get(w, w.admin, f"/v1/admin/finance/report?month={month}")
    row = next(r for r in report["months"] if r["currency"] == currency)
    assert row["month"] == month and row["gmv"] == 2 * total and row["captures"] == 2
    assert row["refunds"] == refund and row["refund_count"] == 1
    commission_back, tax_back = commission - row["commission"], tax - row["tax"]
    assert 0 < commission_back < refund and 0 <= tax_back < refund
    # The refund came back from the payee, the platform's fee and the tax, to the minor unit.
    assert clawed + commission_back + tax_back == refund
    assert row["take_rate_bps"] == row["commission"] * 10_000 // (2 * total)
    assert next(r for r in report["totals"] if r["currency"] == currency)["gmv"] == 2 * total
    await get(w, w.provider, f"/v1/admin/finance/report?month={month}", 403)


async def test_my_balances_as_an_independent_serviceman_and_who_may_read_them(world):
    w = world
    # A serviceman working on their own is the payee of their bookings: user:<id>.
    solo = await make_serviceman(w.client, [w.zone_id], name="Solo")
    listing = await published_service(w.client, solo, w.admin, w.zone_id, price={"amount": 800, "currency": "GBP"})
    body = {"service_id": listing["id"], "kind": "scheduled", "start": iso(slot(48 + 3 * next(SLOTS))),
            "lat": CENTRE[0], "lng": CENTRE[1], "serviceman_ids": [solo.id]}
    booking = await ok(await w.client.post("/v1/bookings", headers=w.customer.headers, json=body), 201)
    await ok(await w.client.post(f"/v1/bookings/{booking['id']}/checkout", headers=w.customer.headers,
                                 json={"payment_method": "pm_card_visa"}), 201)
    current = await ok(await act(w.client, solo, await fetch(w.client, solo, booking["id"]), "accept"))
    await until_state(w, booking["id"], "held")
    payee = 800 - half_up(800, 1500)
    held = await get(w, solo, "/v1/me/finance/balances")
    assert held == {"owner": f"user:{solo.id}", "balances": [
        {"currency": "GBP", "earnings": 0, "pending": payee, "available": 0, "paid_out": 0, "receivable": 0}]}
    for step in ("schedule", "start", "complete"):
        current = await ok(await act(w.client, solo, current, step))
    await until_state(w, booking["id"], "release_pending")
    await w.payments.release_due(utcnow() + timedelta(days=3))
    released = balance_in(await get(w, solo, "/v1/me/finance/balances"), "GBP")
    assert (released["earnings"], released["pending"], released["available"]) == (payee, 0, payee)
    text = await get(w, solo, f"/v1/me/finance/statement.csv?currency=GBP&year={utcnow().year}")
    assert f",{Money(payee, 'GBP').format_major()},{Money(payee, 'GBP').format_major()},GBP" in text
    await get(w, w.crew[0], "/v1/me/finance/balances")  # the crew member's own, empty

    async def issued() -> bool:
        return await FinanceDocument.filter(booking_id=booking["id"]).count() == 2

    await wait_until(issued, 10, "receipt and fee invoice")
    found = (await get(w, solo, f"/v1/bookings/{booking['id']}/documents"))["documents"]
    assert sorted((d["series"], d["issuer"], d["recipient"]) for d in found) == [
        ("invoice", "platform", f"user:{solo.id}"), ("receipt", f"user:{solo.id}", f"user:{w.customer.id}")]
    # Another user cannot read my statement, my organisation's, or my tax data.
    await get(w, w.stranger, f"/v1/orgs/{w.org_id}/finance/balances", 404)
    await get(w, w.stranger, f"/v1/orgs/{w.org_id}/finance/statement?currency=GBP&month=2026-01", 404)
    await get(w, w.stranger, f"/v1/orgs/{w.org_id}/finance/statement.csv?currency=GBP&month=2026-01", 404)
    await get(w, w.stranger, f"/v1/orgs/{w.org_id}/tax-profile", 404)
    await get(w, w.crew[0], f"/v1/orgs/{w.org_id}/finance/balances", 403)  # crew: not a manager
    await get(w, w.crew[0], f"/v1/orgs/{w.org_id}/tax-profile", 403)
    assert (await get(w, w.admin, f"/v1/orgs/{w.org_id}/finance/balances"))["balances"] == []
    mine = await get(w, w.crew[0], "/v1/me/finance/balances")
    assert mine == {"owner": f"user:{w.crew[0].id}", "balances": []}
    # Bad periods and currencies are 422 problems, never a 5xx.
    for query in ("currency=GBP&month=2026-13", "currency=XXX&month=2026-01", "currency=GBP",
                  "currency=GBP&from=2026-02-01&to=2026-01-01", "currency=GBP&from=2026-01-01",
                  "currency=GBP&year=1", "currency=GBP&from=0001-01-01&to=9999-12-31", "month=2026-01"):
        await get(w, w.crew[0], f"/v1/me/finance/statement?{query}", 422)
    await get(w, w.admin, "/v1/admin/finance/report?month=2026-00", 422)
    await get(w, w.admin, "/v1/admin/finance/report", 422)


async def test_twenty_concurrent_issues_number_one_to_twenty_and_a_rollback_leaves_no_gap(world):
    issuer = "org:00000000-0000-0000-0000-0000000000aa"

    def draft(n: int) -> documents.Draft:
        return documents.Draft(documents.RECEIPT, issuer, "user:x", f"test:{n}", "JPY",
                               [{"description": "Service", "amount": 100 + n}])

    class Abort(Exception):
        pass

    async def issue(n: int) -> int:
        async with unit_of_work() as uow:
            document = await documents.issue(uow, draft(n))
            return document.number

    async def issue_then_roll_back(n: int) -> None:
        try:
            async with unit_of_work() as uow:
                await documents.issue(uow, draft(1000 + n))
                raise Abort
        except Abort:
            pass

    results = await asyncio.gather(*(issue(n) for n in range(10)), *(issue_then_roll_back(n) for n in range(5)),
                                   *(issue(n) for n in range(10, 20)))
    numbers = sorted(r for r in results if r is not None)
    assert numbers == list(range(1, 21))
    stored = await FinanceDocument.filter(issuer=issuer).order_by("number").values_list("number", flat=True)
    assert stored == list(range(1, 21))
    assert (await DocumentCounter.get(issuer=issuer, series="receipt")).last_number == 20
    # The same source again is the same document: no number taken.
    async with unit_of_work() as uow:
        again = await documents.issue(uow, draft(3))
    assert again.number in range(1, 21) and await FinanceDocument.filter(issuer=issuer).count() == 20
    # Another issuer counts from one.
    async with unit_of_work() as uow:
        other = await documents.issue(uow, documents.Draft(documents.RECEIPT, "platform", "user:x", "test:other",
                                                           "JPY", [{"description": "x", "amount": 1}]))
    assert other.number == 1
