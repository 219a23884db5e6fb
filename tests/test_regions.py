"""Data residency (issue 18): a user's region comes from the allow-list in settings (422 outside
it); organisations, bookings, conversations, payment cases and payouts take their owner's at
creation, show it in REST reads and sync rows, and their events carry it; `fieldsync migrate`
backfills rows written before regions existed. Real PostgreSQL over HTTP."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import asyncpg
import pytest

from domain.accounts.models import Organisation, User
from domain.bookings.models import Booking
from domain.notifications.models import NotificationPreference
from domain.shared.outbox import OutboxEvent
from tests.support.bookings import book, build_market, ok
from tests.support.identity import PASSWORD, unique_email
from tests.support.messaging import open_conversation
from tests.support.payments import checkout, finance_events
from tests.support.payouts_world import World, make_world, onboard, released, until_paid
from tests.support.sync import Replica, flush
from tests.test_settings import STRONG_KEYS, run_cli


async def sign_up(client: Any, region: str | None = None, status: int = 201) -> Any:
    body = {"email": unique_email("r"), "password": PASSWORD, "name": "Rae", "role": "customer"}
    if region is not None:
        body["region"] = region
    return await ok(await client.post("/v1/auth/register", json=body), status)


async def domain_events(key: str, type_: str) -> list[dict[str, Any]]:
    rows = await OutboxEvent.filter(key=key, type=type_).values("body")
    return [row["body"]["data"] for row in rows]


async def test_a_region_outside_the_allow_list_is_refused_on_sign_up_and_profile(make_client) -> None:
    client = await make_client(regions=["eu", "uk"], default_region="uk")
    # No region given: the default. One from the list: kept (case and blanks do not matter).
    assert (await sign_up(client))["user"]["region"] == "uk"
    chosen = await sign_up(client, " EU ")
    assert chosen["user"]["region"] == "eu"
    # Outside the list: 422, field `region`, the allowed ones named; nothing created.
    refused = await sign_up(client, "us", status=422)
    assert refused["details"]["reason"] == "invalid_input"
    assert refused["errors"][0]["field"] == "region" and "eu, uk" in refused["errors"][0]["message"]
    assert await User.filter(region="us").count() == 0
    headers = {"Authorization": f"Bearer {chosen['access_token']}"}
    patch = await client.patch("/v1/me", headers=headers, json={"region": "mars"})
    assert patch.status == 422 and (await patch.json())["details"]["reason"] == "invalid_input"
    me = await ok(await client.get("/v1/me", headers=headers))
    assert me["region"] == "eu" and me["version"] == 1  # unchanged
    moved = await ok(await client.patch("/v1/me", headers=headers, json={"region": "uk"}))
    assert moved["region"] == "uk"


async def test_rows_inherit_their_owners_region_and_their_events_carry_it(make_client) -> None:
    client = await make_client()
    m = await build_market(client)
    # The customer moves to the US before booking; the provider's organisation was made in the EU.
    await ok(await client.patch("/v1/me", headers=m.customer.headers, json={"region": "us"}))
    assert (await Organisation.get(id=m.org_id)).region == "eu"
    await ok(await client.patch("/v1/me", headers=m.provider.headers, json={"region": "uk"}))
    second = await ok(await client.post("/v1/orgs", headers=m.provider.headers, json={"name": "Taps UK"}), 201)
    assert second["region"] == "uk"

    booking = await ok(await book(client, m), 201)
    assert booking["region"] == "us"
    assert [e["region"] for e in await domain_events(booking["id"], "booking.requested")] == ["us"]

    conversation = await open_conversation(client, m.customer, kind="booking", booking_id=booking["id"])
    assert conversation["region"] == "us"
    assert [e["region"] for e in await domain_events(conversation["id"], "conversation.opened")] == ["us"]

    case = await checkout(client, m, booking)
    assert case["region"] == "us"
    assert {e["type"]: e["region"] for e in await finance_events(case["id"])}["payment.checkout"] == "us"

    # The customer moving again later does not move what already exists.
    await ok(await client.patch("/v1/me", headers=m.customer.headers, json={"region": "eu"}))
    assert (await ok(await client.get(f"/v1/bookings/{booking['id']}", headers=m.customer.headers)))["region"] == "us"


async def test_synced_rows_carry_the_region(make_client) -> None:
    client = await make_client()
    m = await build_market(client)
    booking = await ok(await book(client, m), 201)
    await flush(client)
    replica = Replica(m.customer)
    await replica.catch_up(client)
    assert replica.rows[("bookings", booking["id"])]["region"] == "eu"
    assert replica.rows[("users", m.customer.id)]["region"] == "eu"
    provider = Replica(m.provider)
    await provider.catch_up(client)
    assert provider.rows[("organisations", m.org_id)]["region"] == "eu"


@pytest.fixture
async def sandbox_world(make_client: Callable[..., Any]) -> AsyncIterator[World]:
    async for made in make_world(make_client, "sandbox"):
        yield made


async def test_a_payout_takes_its_payees_region(sandbox_world: World) -> None:
    w = sandbox_world
    await Organisation.filter(id=w.market.org_id).update(region="uk")  # as if its owner had been in the UK
    account_id = (await onboard(w))["account"]["account_id"]
    await released(w)
    w.complete_onboarding(account_id)
    assert (await w.account_updated(account_id)).status == 200
    [payout] = await until_paid(w, 1)
    assert payout["region"] == "uk"
    events = await OutboxEvent.filter(stream="finance", type="payout.created").values("body")
    assert [row["body"]["data"]["region"] for row in events] == ["uk"]


def migrate_cli(tmp_path: Path, database_url: str, regions: str, default: str) -> None:
    """`fieldsync migrate` in its own process (aerich would close this test's app's connections)."""
    result = run_cli(tmp_path, "migrate", DATABASE_URL=database_url, REGIONS=regions, DEFAULT_REGION=default,
                     JWT_SIGNING_KEYS=STRONG_KEYS, JWT_ACTIVE_KID="k2", LOG_FORMAT="console")
    assert result.returncode == 0, result.stderr
    assert "migrations_up_to_date" in result.stdout + result.stderr  # nothing to apply; the backfill ran


async def test_migrate_backfills_rows_written_before_regions(make_client, database_url: str, tmp_path: Path) -> None:
    client = await make_client()
    m = await build_market(client)
    booking = await ok(await book(client, m), 201)
    # Before issue 18: no region on the rows, and free text (sometimes a time zone) on users.
    conn = await asyncpg.connect(database_url.replace("postgres://", "postgresql://", 1))
    try:
        await conn.execute("UPDATE booking SET region = NULL; UPDATE organisation SET region = NULL")
        await conn.execute("UPDATE user_account SET region = 'Europe/London' WHERE id = $1", m.customer.id)
        await conn.execute("UPDATE user_account SET region = NULL WHERE id = $1", m.provider.id)
    finally:
        await conn.close()
    await NotificationPreference.filter(user_id=m.customer.id).delete()

    await asyncio.to_thread(migrate_cli, tmp_path, database_url, "eu,uk", "uk")

    customer = await User.get(id=m.customer.id)
    assert customer.region == "uk" and (await User.get(id=m.provider.id)).region == "uk"
    assert (await User.get(id=m.admin.id)).region == "eu"  # already an allowed region: kept
    # The time zone the old field held moved to the notification preferences.
    assert (await NotificationPreference.get(user_id=m.customer.id)).timezone == "Europe/London"
    assert (await Booking.get(id=booking["id"])).region == "uk"  # its customer's
    assert (await Organisation.get(id=m.org_id)).region == "uk"
    # Idempotent: a second run changes nothing.
    before = (await Booking.get(id=booking["id"])).version
    await asyncio.to_thread(migrate_cli, tmp_path, database_url, "eu,uk", "eu")
    assert (await Booking.get(id=booking["id"])).version == before
