"""Pricing over HTTP (issue 13, item 1): quotes before checkout, rules admins edit (most
specific wins, audited), VAT by the seller's registration, cancellation terms, and the
breakdown frozen on the booking (and on an accepted bid) that later rule edits never change."""

from __future__ import annotations

import asyncio
import os
import re
import sqlite3
import subprocess
import sys
from datetime import timedelta
from pathlib import Path
from typing import Any

from domain.audit.models import AuditRecord
from domain.bookings.models import Booking
from domain.finance.pricing import rules
from domain.finance.pricing.breakdown import Breakdown, cancellation_fee
from domain.finance.pricing.quotes import breakdown_of, price
from domain.shared.money import Money
from tests.support.bookings import CENTRE, book, build_market, iso, job_body, make_serviceman, ok, slot
from tests.support.identity import join_org

# The migrations that seed the pricing rules (squashed or not, wherever they are).
MIGRATIONS = sorted(Path(__file__).resolve().parent.parent.glob("migrations/models/*.py"))


async def quote(client, who, **body: Any) -> dict[str, Any]:
    """The quote's breakdown (what a booking freezes), without the caller's promotional credit
    (tests/test_promo_checkout.py), which is checked to add up and set aside."""
    found = dict(await ok(await client.post("/v1/quotes", headers=who.headers, json=body)))
    credit, to_pay = found.pop("promo_credit"), found.pop("to_pay")
    assert to_pay["amount"] == found["customer_total"]["amount"] - credit["amount"]
    return found


def amounts(q: dict[str, Any]) -> tuple[int, ...]:
    return (q["price"]["amount"], q["platform_fee"]["amount"], q["fee_vat"]["amount"], q["service_tax"]["amount"],
            q["customer_total"]["amount"], *(p["amount"]["amount"] for p in q["payees"]))


def adds_up(q: dict[str, Any]) -> bool:
    return q["customer_total"]["amount"] == (q["platform_fee"]["amount"] + q["fee_vat"]["amount"]
                                             + q["service_tax"]["amount"] + sum(p["amount"]["amount"]
                                                                                for p in q["payees"]))


async def frozen(booking_id: str) -> Booking:
    return await Booking.get(id=booking_id)


def test_the_seeded_rules_are_the_built_in_defaults() -> None:
    seed = "".join(path.read_text() for path in MIGRATIONS)
    assert re.search(rf"'\*\|\*\|\*', {rules.DEFAULT_COMMISSION_BPS},", seed)
    assert re.search(rf"'\*', {rules.DEFAULT_SERVICE_TAX_BPS}, FALSE, {rules.DEFAULT_FEE_VAT_BPS},", seed)
    terms = rules.DEFAULT_CANCELLATION
    assert f"'*|*|*', {terms.free_until_hours}, {terms.fee_bps}, {terms.provider_share_bps}," in seed


async def test_the_embedded_sqlite_default_is_seeded_with_the_same_rules(tmp_path: Path) -> None:
    database = tmp_path / "demo.sqlite3"
    script = Path(sys.executable).parent / "fieldsync"
    command = [str(script)] if script.exists() else [sys.executable, "-m", "app.cli"]
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(tmp_path),
           "DATABASE_URL": f"sqlite://{database}"}
    for _ in range(2):  # the second run finds the rules there and adds none
        result = await asyncio.to_thread(subprocess.run, [*command, "migrate"], cwd=tmp_path, env=env,
                                         capture_output=True, text=True, timeout=60, check=False)
        assert result.returncode == 0, result.stderr
    with sqlite3.connect(database) as conn:
        commission = conn.execute("SELECT scope_key, basis_points FROM pricing_commission_rule").fetchall()
        tax = conn.execute("SELECT jurisdiction, service_tax_bps, registered_only, fee_vat_bps "
                           "FROM pricing_tax_rule").fetchall()
        cancel = conn.execute("SELECT scope_key, free_until_hours, fee_bps, provider_share_bps "
                              "FROM pricing_cancellation_rule").fetchall()
    terms = rules.DEFAULT_CANCELLATION
    assert commission == [("*|*|*", rules.DEFAULT_COMMISSION_BPS)]
    assert tax == [("*", rules.DEFAULT_SERVICE_TAX_BPS, 0, rules.DEFAULT_FEE_VAT_BPS)]
    assert cancel == [("*|*|*", terms.free_until_hours, terms.fee_bps, terms.provider_share_bps)]


async def test_a_quote_is_what_the_booking_freezes_and_a_rule_edit_changes_neither(client):
    m = await build_market(client, crew_size=1)
    q = await quote(client, m.customer, service_id=m.service_id)
    # The defaults reproduce the old fixed pricing: 15 % commission, 5 % tax, on 45.00 USD.
    assert amounts(q) == (4500, 675, 0, 225, 4725, 3825) and adds_up(q)
    assert q["payees"][0]["payee"] == f"org:{m.org_id}" and q["tax_owed"] == {"service_tax": "platform",
                                                                              "fee_vat": "platform"}
    rule = await ok(await client.post("/v1/pricing/commission-rules", headers=m.admin.headers,
                                      json={"category_id": "plumbing", "basis_points": 2000}), 201)
    q = await quote(client, m.customer, service_id=m.service_id)
    assert amounts(q) == (4500, 900, 0, 225, 4725, 3600) and q["rules"]["commission"] == rule["id"]

    booking = await ok(await book(client, m), 201)
    assert (booking["commission"]["amount"], booking["tax"]["amount"], booking["total"]["amount"]) == (900, 225, 4725)
    row = await frozen(booking["id"])
    assert row.pricing is not None
    assert Breakdown.from_dict(row.pricing).as_dict() == row.pricing
    assert {k: v for k, v in row.pricing.items() if k != "version"} == q  # the quote is what was frozen

    await ok(await client.put(f"/v1/pricing/commission-rules/{rule['id']}", headers=m.admin.headers,
                              json={"category_id": "plumbing", "basis_points": 1000, "version": 1}))
    assert amounts(await quote(client, m.customer, service_id=m.service_id))[1] == 450
    after = await frozen(booking["id"])
    assert after.pricing == row.pricing and after.commission_amount == 900
    again = await ok(await client.get(f"/v1/bookings/{booking['id']}", headers=m.customer.headers))
    assert again["commission"]["amount"] == 900 and again["total"]["amount"] == 4725
    # Every edit left an audit record with who, before and after.
    actions = [a.action for a in await AuditRecord.filter(action__startswith="pricing.").order_by("id")]
    assert actions == ["pricing.commission_rule.create", "pricing.commission_rule.update"]
    update = await AuditRecord.get(action="pricing.commission_rule.update")
    assert update.actor_id is not None and str(update.actor_id) == m.admin.id
    assert (update.before or {})["basis_points"] == 2000 and (update.after or {})["basis_points"] == 1000


async def test_the_most_specific_commission_rule_wins(client):
    m = await build_market(client, crew_size=1)
    admin = m.admin.headers

    async def rule(**body: Any) -> dict[str, Any]:
        return dict(await ok(await client.post("/v1/pricing/commission-rules", headers=admin, json=body), 201))

    async def fee(zone_id: str | None = None) -> int:
        extra = {"zone_id": zone_id} if zone_id else {}
        return int((await quote(client, m.customer, service_id=m.service_id, **extra))["platform_fee"]["amount"])

    await rule(basis_points=1000)                                       # everything
    assert await fee() == 450
    await rule(plan="standard", basis_points=1100)                      # one dimension: plan
    assert await fee() == 495
    await rule(zone_id=m.zone_id, basis_points=1200)                    # zone beats plan
    assert await fee() == 495 and await fee(m.zone_id) == 540
    await rule(category_id="plumbing", basis_points=1300)               # category beats zone
    assert await fee(m.zone_id) == 585
    await rule(category_id="plumbing.leak-repair", basis_points=1400)   # the nearer category
    assert await fee(m.zone_id) == 630
    await rule(zone_id=m.zone_id, plan="standard", basis_points=1600)   # two dimensions beat one
    assert await fee(m.zone_id) == 720 and await fee() == 630
    await rule(category_id="plumbing", zone_id=m.zone_id, basis_points=1700)  # category + zone beat zone + plan
    assert await fee(m.zone_id) == 765
    await rule(category_id="plumbing", zone_id=m.zone_id, plan="standard", basis_points=1800)  # all three
    assert await fee(m.zone_id) == 810
    # The seller's plan selects its rules.
    await ok(await client.put(f"/v1/orgs/{m.org_id}/pricing-profile", headers=admin, json={"plan": "pro"}))
    assert await fee(m.zone_id) == 765
    await rule(plan="pro", basis_points=500)
    assert await fee() == 630  # the category rule still beats a plan rule
    # One rule per scope: a second one for the same scope is a conflict, a stale version too.
    duplicate = await client.post("/v1/pricing/commission-rules", headers=admin,
                                  json={"plan": "pro", "basis_points": 1})
    assert duplicate.status == 409
    listed = await ok(await client.get("/v1/pricing/rules", headers=admin))
    first = next(r for r in listed["commission"] if r["category_id"] is None and r["zone_id"] is None
                 and r["plan"] is None)
    stale = await client.put(f"/v1/pricing/commission-rules/{first['id']}", headers=admin,
                             json={"basis_points": 1, "version": first["version"] + 1})
    assert stale.status == 409
    assert (await client.delete(f"/v1/pricing/commission-rules/{first['id']}", headers=admin)).status == 204
    assert (await client.delete(f"/v1/pricing/commission-rules/{first['id']}", headers=admin)).status == 404


async def test_vat_follows_the_sellers_registration_and_the_fee_carries_vat(client):
    m = await build_market(client, crew_size=1)
    admin = m.admin.headers
    await ok(await client.post("/v1/pricing/tax-rules", headers=admin, json={
        "jurisdiction": "GB", "service_tax_bps": 2000, "registered_only": True, "fee_vat_bps": 2000}), 201)
    profile = f"/v1/orgs/{m.org_id}/pricing-profile"
    assert (await ok(await client.get(profile, headers=admin)))["version"] == 0
    await ok(await client.put(profile, headers=admin, json={"jurisdiction": "GB", "version": 0}))
    q = await quote(client, m.customer, service_id=m.service_id)
    # Not VAT-registered: no VAT on the service; the platform's fee still carries 20 % VAT.
    assert amounts(q) == (4500, 675, 135, 0, 4500, 3690) and adds_up(q)
    await ok(await client.put(profile, headers=admin, json={"jurisdiction": "GB", "vat_registered": True,
                                                            "vat_number": "GB123456789", "version": 1}))
    q = await quote(client, m.customer, service_id=m.service_id)
    assert amounts(q) == (4500, 675, 135, 900, 5400, 3690) and adds_up(q)
    assert q["tax_owed"] == {"service_tax": "seller", "fee_vat": "platform"} and q["rates"]["jurisdiction"] == "GB"
    booking = await ok(await book(client, m), 201)
    assert (booking["tax"]["amount"], booking["total"]["amount"]) == (900, 5400)
    # A stale profile version is refused, nothing changed.
    assert (await client.put(profile, headers=admin, json={"plan": "pro", "version": 1})).status == 409
    assert (await ok(await client.get(profile, headers=admin)))["plan"] == "standard"


async def test_cancellation_terms_are_frozen_and_priced_by_policy(client):
    m = await build_market(client, crew_size=1)
    await ok(await client.post("/v1/pricing/cancellation-rules", headers=m.admin.headers, json={
        "category_id": "plumbing", "free_until_hours": 48, "fee_bps": 3000, "provider_share_bps": 7000}), 201)
    start = slot(72)
    booking = await ok(await book(client, m, start=iso(start)), 201)
    row = await frozen(booking["id"])
    assert row.pricing is not None and row.scheduled_start is not None
    breakdown = Breakdown.from_dict(row.pricing)
    assert (breakdown.cancellation.free_until_hours, breakdown.cancellation.fee_bps) == (48, 3000)
    early = cancellation_fee(breakdown, row.scheduled_start, row.scheduled_start - timedelta(hours=49))
    assert early.free and early.refund.amount == 4725
    late = cancellation_fee(breakdown, row.scheduled_start, row.scheduled_start - timedelta(hours=2))
    # 30 % of 47.25 = 14.175 -> 14.18 (half up); 70 % of it to the provider: 9.926 -> 9.93 (largest remainder).
    assert (late.fee.amount, late.refund.amount, late.to_platform.amount) == (1418, 3307, 425)
    assert [s.amount.amount for s in late.to_payees] == [993]


async def test_a_bid_is_quoted_for_its_parties_and_its_booking_keeps_the_quote(client):
    m = await build_market(client, crew_size=1)
    plumber = await make_serviceman(client, [m.zone_id], name="Indie")
    stranger = await make_serviceman(client, [m.far_zone_id], name="Far")
    job = await ok(await client.post("/v1/jobs", headers=m.customer.headers,
                                     json=job_body(lat=CENTRE[0], lng=CENTRE[1])), 201)
    # Before bidding: what would 80.00 come to?
    before = await quote(client, plumber, job_id=job["id"], amount={"amount": 8000, "currency": "USD"})
    assert amounts(before) == (8000, 1200, 0, 400, 8400, 6800) and before["payees"][0]["payee"] == f"user:{plumber.id}"
    wrong = await client.post("/v1/quotes", headers=plumber.headers,
                              json={"job_id": job["id"], "amount": {"amount": 8000, "currency": "EUR"}})
    assert wrong.status == 422
    bid = await ok(await client.post(f"/v1/jobs/{job['id']}/bids", headers=plumber.headers,
                                     json={"amount": {"amount": 8000, "currency": "USD"}}), 201)
    for who in (m.customer, plumber, m.admin):
        assert await quote(client, who, bid_id=bid["id"]) == before
    assert (await client.post("/v1/quotes", headers=stranger.headers, json={"bid_id": bid["id"]})).status == 404
    accepted = await ok(await client.post(f"/v1/jobs/{job['id']}/bids/{bid['id']}/accept",
                                          headers=m.customer.headers, json={"bid_version": 1}), 201)
    row = await frozen(accepted["booking"]["id"])
    assert row.pricing is not None and {k: v for k, v in row.pricing.items() if k != "version"} == before
    assert (row.price_amount, row.commission_amount, row.tax_amount, row.total_amount) == (8000, 1200, 400, 8400)


async def test_crew_members_of_an_org_are_paid_through_the_org(client):
    m = await build_market(client, crew_size=2)
    booking = await ok(await book(client, m, serviceman_ids=[m.crew[1].id, m.crew[0].id]), 201)
    row = await frozen(booking["id"])
    assert row.pricing is not None and [p["payee"] for p in row.pricing["payees"]] == [f"org:{m.org_id}"]
    other = await make_serviceman(client, [m.zone_id], name="Joiner")
    await join_org(client, m.provider, m.org_id, other)  # joining changes nothing already frozen
    assert (await frozen(booking["id"])).pricing == row.pricing
    assert (await breakdown_of(row)).as_dict() == row.pricing
    # A booking made before breakdowns were frozen gets one rebuilt from its columns.
    await Booking.filter(id=row.id).update(pricing=None)
    legacy = await breakdown_of(await frozen(booking["id"]))
    assert (legacy.price.amount, legacy.platform_fee.amount, legacy.service_tax.amount,
            legacy.customer_total.amount, legacy.payees_total.amount) == (4500, 675, 225, 4725, 3825)
    assert legacy.rates.commission_bps == 1500 and legacy.payees[0].payee == f"org:{m.org_id}"


BAD_QUOTES: list[Any] = [
    {}, {"service_id": None}, {"service_id": ""}, {"service_id": "x" * 65}, {"service_id": 5},
    {"service_id": "not-a-uuid"}, {"service_id": "00000000-0000-0000-0000-000000000000"},
    {"bid_id": "nope"}, {"job_id": "00000000-0000-0000-0000-000000000000"},
    {"job_id": "00000000-0000-0000-0000-000000000000", "amount": {"amount": -1, "currency": "USD"}},
    {"job_id": "x", "amount": {"amount": 10**13, "currency": "USD"}},
    {"job_id": "x", "amount": {"amount": 1.5, "currency": "USD"}},
    {"job_id": "x", "amount": {"amount": 100, "currency": "ISK"}},
    {"job_id": "x", "amount": {"amount": "100", "currency": "USD"}},
    {"service_id": "x", "bid_id": "y"}, {"service_id": "x", "amount": {"amount": 1, "currency": "USD"}},
    {"bid_id": "x", "zone_id": "y"}, {"service_id": "x", "extra": 1}, {"service_id": "a\x00b"},
    [], "service", None, 12,
]


async def test_bad_quote_input_is_a_4xx_never_a_5xx(client):
    m = await build_market(client, crew_size=1)
    for body in [*BAD_QUOTES, {"service_id": m.service_id, "zone_id": "not-a-zone"},
                 {"service_id": m.service_id, "zone_id": "00000000-0000-0000-0000-000000000000"}]:
        response = await client.post("/v1/quotes", headers=m.customer.headers, json=body)
        assert 400 <= response.status < 500 or (response.status == 200 and "zone_id" in body), \
            f"{body!r}: {response.status} {await response.text()}"
        if response.status >= 400:
            assert response.content_type == "application/problem+json"
    raw = await client.post("/v1/quotes", headers={**m.customer.headers, "Content-Type": "application/json"},
                            data=b"{not json")
    assert raw.status == 400
    assert (await client.post("/v1/quotes", json={"service_id": m.service_id})).status == 401


async def test_rule_edits_are_for_admins_and_validated(client):
    m = await build_market(client, crew_size=1)
    admin = m.admin.headers
    for path, body in (("/v1/pricing/commission-rules", {"basis_points": 100}),
                       ("/v1/pricing/tax-rules", {"jurisdiction": "FR", "service_tax_bps": 2000,
                                                  "registered_only": True}),
                       ("/v1/pricing/cancellation-rules", {"free_until_hours": 1, "fee_bps": 1,
                                                           "provider_share_bps": 1})):
        assert (await client.post(path, headers=m.provider.headers, json=body)).status == 403
    assert (await client.get("/v1/pricing/rules", headers=m.customer.headers)).status == 403
    assert (await client.put(f"/v1/orgs/{m.org_id}/pricing-profile", headers=m.provider.headers,
                             json={"vat_registered": True})).status == 403
    bad: list[tuple[str, dict[str, Any]]] = [
        ("/v1/pricing/commission-rules", {"basis_points": 10_001}),
        ("/v1/pricing/commission-rules", {"basis_points": -1}),
        ("/v1/pricing/commission-rules", {"basis_points": 1, "category_id": "no-such-trade"}),
        ("/v1/pricing/commission-rules", {"basis_points": 1, "zone_id": "00000000-0000-0000-0000-000000000000"}),
        ("/v1/pricing/commission-rules", {"basis_points": 1, "zone_id": "zone"}),
        ("/v1/pricing/commission-rules", {"basis_points": 1, "plan": "Has Spaces"}),
        ("/v1/pricing/commission-rules", {"basis_points": "15%"}),
        ("/v1/pricing/tax-rules", {"jurisdiction": "gb", "service_tax_bps": 1, "registered_only": True}),
        ("/v1/pricing/tax-rules", {"jurisdiction": "GB", "service_tax_bps": 1}),
        ("/v1/pricing/cancellation-rules", {"free_until_hours": -1, "fee_bps": 1, "provider_share_bps": 1}),
        ("/v1/pricing/cancellation-rules", {"free_until_hours": 1, "fee_bps": 1, "provider_share_bps": 10_001}),
    ]
    for path, body in bad:
        response = await client.post(path, headers=admin, json=body)
        assert response.status == 422, f"{path} {body}: {response.status} {await response.text()}"
    nobody = "00000000-0000-0000-0000-000000000000"
    assert (await client.put("/v1/pricing/commission-rules/not-a-uuid", headers=admin,
                             json={"basis_points": 1})).status in (404, 422)
    assert (await client.put(f"/v1/pricing/tax-rules/{nobody}", headers=admin, json={
        "jurisdiction": "GB", "service_tax_bps": 1, "registered_only": False})).status == 404
    assert (await client.get("/v1/orgs/00000000-0000-0000-0000-000000000000/pricing-profile",
                             headers=admin)).status == 404
    assert await AuditRecord.filter(action__startswith="pricing.").count() == 0  # nothing half-written
    # A tax rule and a cancellation rule round-trip and can be changed by version.
    tax = await ok(await client.post("/v1/pricing/tax-rules", headers=admin, json={
        "jurisdiction": "*", "service_tax_bps": 700, "registered_only": False}), 201)
    changed = await ok(await client.put(f"/v1/pricing/tax-rules/{tax['id']}", headers=admin, json={
        "jurisdiction": "*", "service_tax_bps": 800, "registered_only": False, "version": 1}))
    assert changed["version"] == 2
    assert (await quote(client, m.customer, service_id=m.service_id))["service_tax"]["amount"] == 360
    indie = await make_serviceman(client, [m.zone_id], name="Solo")
    assert (await ok(await client.put(f"/v1/servicemen/{indie.id}/pricing-profile", headers=admin,
                                      json={"plan": "pro"})))["seller"] == f"user:{indie.id}"
    # No category and no zone (a sale the taxonomy no longer knows): the unscoped rules, in KWD.
    kwd = await price(Money(1_250, "KWD"), seller_key=f"user:{indie.id}", category_id=None, zone_id=None)
    assert (kwd.platform_fee.amount, kwd.service_tax.amount, kwd.customer_total.amount) == (188, 100, 1_350)
