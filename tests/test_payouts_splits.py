"""Crew split rules (issue 13 item 7): exact shares to the minor unit for 1-5 payees in a 0-, 2- and
3-decimal currency, and the split decides the payees frozen on a booking."""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Any

import pytest

from domain.audit.models import AuditRecord
from domain.bookings.models import Booking
from domain.finance.payouts.models import CrewSplit, SplitMode
from domain.finance.payouts.splits import weights
from domain.finance.pricing.breakdown import CancellationTerms, Rates, TaxParty, compute
from domain.shared.money import Money
from tests.support.bookings import book, build_market, iso, ok, slot
from tests.support.payouts_world import (
    QUICK,
)
from tests.test_finance_cases import problem


def _breakdown(amount: int, currency: str, payees: list[Any]) -> Any:
    rates = Rates(commission_bps=1500, service_tax_bps=500, service_tax_owed_by=TaxParty.PLATFORM, fee_vat_bps=2000,
                  jurisdiction="GB")
    return compute(Money(amount, currency), rates, payees, CancellationTerms(24, 5000, 5000))


@pytest.mark.parametrize("currency", ["JPY", "GBP", "KWD"])
def test_split_rules_give_exact_shares_for_one_to_five_payees(currency: str) -> None:
    rng = random.Random(f"split-{currency}")
    org = "11111111-1111-1111-1111-111111111111"
    for _ in range(300):
        crew = [f"00000000-0000-0000-0000-00000000000{i}" for i in range(rng.randint(1, 4))]
        mode = rng.choice(list(SplitMode))
        split = CrewSplit(organisation_id=org, mode=mode, lead_bonus_bps=rng.randint(0, 10_000),
                          member_bps={})
        if mode is SplitMode.FIXED:
            left = 10_000
            for user in crew:
                share = rng.randint(0, left)
                split.member_bps[user] = share
                left -= share
        payees = weights(split, org, crew)
        assert 1 <= len(payees) <= 5 and sum(p.weight for p in payees) == 10_000
        b = _breakdown(rng.randint(0, 10_000_000), currency, payees)
        net = b.price - b.platform_fee - b.fee_vat
        assert sum(s.amount.amount for s in b.payees) == net.amount  # to the minor unit
        for share in b.payees:  # each within one unit of its exact share
            assert abs(share.amount.amount * 10_000 - net.amount * share.weight) < 10_000
        if mode is SplitMode.LEAD_BONUS and 0 < split.lead_bonus_bps:
            assert payees[-1].payee == f"user:{crew[0]}" and payees[-1].weight == split.lead_bonus_bps


async def test_the_crew_split_decides_the_payees_frozen_on_a_booking(make_client: Callable[..., Any]) -> None:
    client = await make_client(**QUICK)
    m = await build_market(client, crew_size=3)
    url = f"/v1/orgs/{m.org_id}/crew-split"
    assert (await ok(await client.get(url, headers=m.provider.headers)))["mode"] == "organisation"
    lead, second, third = m.crew
    split = {"mode": "fixed", "member_bps": {lead.id: 2000, second.id: 1500, third.id: 1000}}
    saved = await ok(await client.put(url, headers=m.provider.headers, json=split))
    assert saved["version"] == 1 and saved["member_bps"][lead.id] == 2000
    # Shares over 100 %, a stranger in the split, a stale version: refused, nothing changed.
    await problem(await client.put(url, headers=m.provider.headers, json={
        "mode": "fixed", "member_bps": {lead.id: 9000, second.id: 2000}}), 422, "validation_failed")
    await problem(await client.put(url, headers=m.provider.headers, json={
        "mode": "fixed", "member_bps": {m.outsider.id: 100}}), 422, "validation_failed")
    await problem(await client.put(url, headers=m.provider.headers, json={
        "mode": "lead_bonus", "lead_bonus_bps": 100, "version": 0}), 409, "conflict")
    booking = await ok(await book(client, m, serviceman_ids=[lead.id, second.id]), 201)
    frozen = (await Booking.get(id=booking["id"])).pricing
    shares = {p["payee"]: p["amount"]["amount"] for p in frozen["payees"]}
    net = frozen["price"]["amount"] - frozen["platform_fee"]["amount"] - frozen["fee_vat"]["amount"]
    assert sum(shares.values()) == net
    assert set(shares) == {f"org:{m.org_id}", f"user:{lead.id}", f"user:{second.id}"}  # the third did not work it
    assert shares[f"user:{lead.id}"] == net * 2000 // 10_000
    # A lead bonus from now on; the booking already made keeps its frozen split.
    await ok(await client.put(url, headers=m.provider.headers, json={"mode": "lead_bonus", "lead_bonus_bps": 2500,
                                                                     "version": 1}))
    later = await ok(await book(client, m, serviceman_ids=[second.id], start=iso(slot(96))), 201)
    later_shares = {p["payee"]: p["weight"] for p in (await Booking.get(id=later["id"])).pricing["payees"]}
    assert later_shares == {f"org:{m.org_id}": 7500, f"user:{second.id}": 2500}
    assert (await Booking.get(id=booking["id"])).pricing == frozen
    assert await AuditRecord.filter(action="payout.crew_split_changed").count() == 2
