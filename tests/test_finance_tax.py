"""Seller tax data (issue 13 item 10): the tax id sealed and shown as its last four, the annual
export of reportable sellers, and production without a tax data key refusing tax data."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from domain.audit.models import AuditRecord
from domain.finance.reporting import access
from domain.finance.reporting.models import SellerTaxProfile
from domain.finance.reporting.tax import ProfileDraft, SellerTax, TaxKeyMissing
from domain.shared.clock import utcnow
from domain.shared.context import Actor, RequestContext
from tests.support.bookings import ok
from tests.support.finance_world import World, build_world, get, half_up, paid_booking


@pytest.fixture
async def world(make_client: Callable[..., Any]) -> World:
    return await build_world(make_client)


async def test_seller_tax_data_is_sealed_and_the_annual_export_lists_reportable_sellers(world):
    w = world
    await paid_booking(w, "GBP", 4599)
    profile = {"legal_name": "Pipes Ltd", "tax_id": "GB123456789", "address_line1": "1 Main St", "city": "London",
               "postal_code": "N1 1AA", "country": "GB"}
    url = f"/v1/orgs/{w.org_id}/tax-profile"
    bad = await w.client.put(url, headers=w.provider.headers, json={**profile, "country": "gb"})
    assert bad.status == 422 and bad.content_type == "application/problem+json"
    await get(w, w.provider, url, 404)  # none yet
    saved = await ok(await w.client.put(url, headers=w.provider.headers, json=profile))
    assert saved["tax_id_last4"] == "6789" and "tax_id" not in saved
    assert "GB123456789" not in str(await get(w, w.provider, url))
    stored = await SellerTaxProfile.get(owner=f"org:{w.org_id}")
    assert "GB123456789" not in stored.tax_id_sealed and "123456789" not in stored.tax_id_sealed
    refused = await w.client.put(url, headers=w.stranger.headers, json={**profile, "legal_name": "Mine now"})
    assert refused.status == 404
    assert (await w.client.put(url, headers=w.crew[0].headers, json=profile)).status == 403
    # An independent serviceman keeps their own.
    me = await ok(await w.client.put("/v1/me/tax-profile", headers=w.crew[0].headers,
                                     json={**profile, "legal_name": "Crew Zero", "tax_id": "DE-987-654"}))
    assert me["owner"] == f"user:{w.crew[0].id}" and me["tax_id_last4"] == "-654"

    year = utcnow().year
    export = f"/v1/admin/finance/reportable-sellers?year={year}"
    assert (await get(w, w.admin, export))["sellers"] == []  # one sale of 39.09 GBP: under 30 sales, no GBP bar
    found = (await get(w, w.admin, f"{export}&min_transactions=1"))["sellers"]
    assert len(found) == 1
    seller = found[0]
    assert seller["owner"] == f"org:{w.org_id}" and seller["transactions"] == 1
    assert seller["amounts"] == {"GBP": 4599 - half_up(4599, 1500)}
    assert seller["tax_id"] == "GB123456789" and seller["legal_name"] == "Pipes Ltd" and seller["country"] == "GB"
    assert seller["reportable_because"] == ["transactions"]
    await get(w, w.provider, export, 403)
    await get(w, w.admin, "/v1/admin/finance/reportable-sellers?year=abc", 422)
    assert await AuditRecord.filter(action="finance.reportable_sellers_exported").count() == 2
    audit = await AuditRecord.filter(action="finance.tax_profile_updated").first()
    assert audit is not None and "GB123456789" not in str(audit.after)


async def test_without_a_tax_data_key_production_refuses_tax_data_rather_than_seal_it_badly(world):
    w = world
    keyless = SellerTax(None)
    me = Actor(user_id=w.crew[0].id, roles=frozenset({"serviceman"}))
    with pytest.raises(TaxKeyMissing):
        await keyless.put(me, access.me(me), ProfileDraft(
            legal_name="X", tax_id="GB123456789", address_line1="1 Main St", city="London", country="GB"),
            RequestContext())
    assert await SellerTaxProfile.all().count() == 0
