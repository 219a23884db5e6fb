"""Who sees a payee's money (issue 13 item 7): nobody reads or changes another payee's payouts;
promotional credit is ledgered, visible and not withdrawable; payout eligibility shows on the
organisation and serviceman profiles to the payee and the organisation's owner and managers only."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from typing import Any

import pytest

from domain.audit.models import AuditRecord
from domain.finance import ledger
from tests.support.bookings import ok
from tests.support.identity import join_org, register
from tests.support.payouts_world import (
    URLS,
    World,
    balance_of,
    make_world,
    onboard,
)
from tests.support.sync import flush, pull
from tests.test_finance_cases import problem


@pytest.fixture
async def sandbox_world(make_client: Callable[..., Any]) -> AsyncIterator[World]:
    async for made in make_world(make_client, "sandbox"):
        yield made


async def test_nobody_reads_or_changes_another_payees_payouts(sandbox_world: World) -> None:
    w = sandbox_world
    client, m = w.client, w.market
    member, outsider, customer = m.crew[0], m.outsider, m.customer
    own = f"user:{member.id}"
    await ok(await client.post(f"/v1/payees/{own}/onboarding", headers=member.headers, json=URLS))
    routes: list[tuple[str, str, dict[str, Any] | None]] = []
    for payee in (w.org, own):
        routes += [
            ("POST", f"/v1/payees/{payee}/onboarding", URLS),
            ("POST", f"/v1/payees/{payee}/onboarding/refresh", None),
            ("GET", f"/v1/payees/{payee}/payout-account", None),
            ("GET", f"/v1/payees/{payee}/payout-preferences", None),
            ("PUT", f"/v1/payees/{payee}/payout-preferences", {"schedule": "manual"}),
            ("POST", f"/v1/payees/{payee}/payouts", {"amount": {"amount": 500, "currency": "USD"}}),
            ("GET", f"/v1/payees/{payee}/payouts", None),
            ("GET", f"/v1/payees/{payee}/balance", None),
        ]
    routes += [("GET", f"/v1/orgs/{m.org_id}/crew-split", None),
               ("PUT", f"/v1/orgs/{m.org_id}/crew-split", {"mode": "lead_bonus", "lead_bonus_bps": 5000})]
    for who in (outsider, customer):
        for method, path, body in routes:
            response = await client.request(method, path, headers=who.headers, json=body)
            await problem(response, 404, "not_found")
    # A serviceman of the organisation is not its manager: the organisation's payouts are not theirs.
    for method, path, body in routes:
        if own in path:
            continue
        await problem(await client.request(method, path, headers=member.headers, json=body), 404, "not_found")
    # Nothing changed, and the owners still see their own.
    assert await AuditRecord.filter(action__in=["payout.requested", "payout.preferences_changed",
                                                "payout.crew_split_changed"]).count() == 0
    assert (await ok(await client.get("/v1/payees/me/payout-account", headers=member.headers)))["onboarded"] is True
    assert (await ok(await client.get(f"/v1/orgs/{m.org_id}/crew-split", headers=m.provider.headers)))["version"] == 0
    # Admins read and manage, but never take a payee's money out.
    await ok(await client.get(f"/v1/payees/{w.org}/payouts", headers=m.admin.headers))
    await problem(await client.post(f"/v1/payees/{w.org}/payouts", headers=m.admin.headers,
                                    json={"currency": "USD"}), 404, "not_found")
    # Unknown or malformed payees are not found, never a 5xx.
    for payee in ("org:nope", "user:", "bank:1", f"org:{m.customer.id}"):
        await problem(await client.get(f"/v1/payees/{payee}/balance", headers=m.admin.headers), 404, "not_found")


async def test_promotional_credit_is_ledgered_visible_and_not_withdrawable(sandbox_world: World) -> None:
    w = sandbox_world
    client, m = w.client, w.market
    grant = {"user_id": m.customer.id, "amount": {"amount": 500, "currency": "USD"}, "reason": "sorry for the wait"}
    await problem(await client.post("/v1/admin/promo-credits", headers=m.provider.headers, json=grant),
                  403, "forbidden")
    granted = await ok(await client.post("/v1/admin/promo-credits", headers=m.admin.headers, json=grant), 201)
    assert granted["currencies"][0]["promo_credit"] == 500
    mine = await balance_of(w, "me", m.customer)
    assert mine["usd"]["promo_credit"] == 500 and mine["usd"]["withdrawable"] == 0
    await problem(await client.post("/v1/payees/me/payouts", headers=m.customer.headers,
                                    json={"amount": {"amount": 500, "currency": "USD"}}), 409, "conflict")
    expense = await ledger.balance(ledger.AccountKey(ledger.AccountKind.PROMO_EXPENSE, "platform", "USD"))
    assert expense.posted == 500
    assert await AuditRecord.filter(action="promo.granted", subject_id=m.customer.id).count() == 1


async def test_payout_eligibility_shows_on_the_profiles_to_the_payee_and_the_org_admins_only(
        sandbox_world: World) -> None:
    w = sandbox_world
    client, m = w.client, w.market
    member = m.crew[0]
    manager = await register(client, "serviceman", name="Mona")
    await join_org(client, m.provider, m.org_id, manager, role="manager")

    async def org_payouts(who: Any) -> Any:
        return (await ok(await client.get(f"/v1/orgs/{m.org_id}", headers=who.headers)))["payouts"]

    async def profile_payouts(user: Any, who: Any) -> Any:
        return (await ok(await client.get(f"/v1/servicemen/{user.id}/profile", headers=who.headers)))["payouts"]

    before = {"payouts_enabled": False, "kyc_status": "not_started", "missing": ["onboarding"], "synced_at": None}
    assert await org_payouts(m.provider) == before and await org_payouts(manager) == before
    assert await org_payouts(member) is None  # a crew member sees the organisation, not its KYC
    await problem(await client.get(f"/v1/orgs/{m.org_id}", headers=m.outsider.headers), 404, "not_found")

    started = await onboard(w)  # the sandbox asks for a bank account and the terms of service
    assert started["account"]["payouts_enabled"] is False
    due = await org_payouts(manager)
    assert due["kyc_status"] == "action_required" and due["payouts_enabled"] is False
    assert "external_account" in due["missing"] and due["synced_at"]
    w.complete_onboarding(started["account"]["account_id"])
    await ok(await client.post(f"/v1/payees/{w.org}/onboarding/refresh", headers=m.provider.headers))
    for admin_of_org in (m.provider, manager):  # synced_at moves on as the sandbox's webhooks are applied
        enabled = await org_payouts(admin_of_org)
        assert (enabled["kyc_status"], enabled["payouts_enabled"], enabled["missing"]) == ("verified", True, [])

    # The same eligibility syncs (payout_accounts) to the owner and managers only.
    await flush(client)

    async def synced(who: Any) -> list[dict[str, Any]]:
        changes = (await pull(client, who, collections=["payout_accounts"]))["changes"]
        return [c["data"] for c in changes if c["op"] == "upsert"]

    for admin_of_org in (m.provider, manager):
        (row,) = await synced(admin_of_org)
        assert row["owner"] == w.org and row["payouts_enabled"] is True and row["requirements_due"] == []
        assert row["details_submitted"] is True and row["schedule"] == "on_release"
    for other in (member, m.customer, m.outsider):
        assert await synced(other) == []

    # A serviceman's own eligibility (an independent payee): theirs and the platform admins', nobody else's.
    mine = await profile_payouts(member, member)
    assert mine["kyc_status"] == "not_started" and mine["missing"] == ["onboarding"]
    assert (await profile_payouts(member, m.admin))["kyc_status"] == "not_started"
    for other in (m.customer, m.outsider, m.provider, manager):
        assert await profile_payouts(member, other) is None
    saved = await client.put(f"/v1/servicemen/{member.id}/profile", headers=member.headers,
                             json={"bio": "Pipes", "category_ids": [], "home_lat": None, "home_lng": None})
    assert (await ok(saved))["payouts"]["kyc_status"] == "not_started"
