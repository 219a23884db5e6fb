"""Consent and versioned policy documents (issue 18, acceptance 5): withdrawing marketing consent
stops the next marketing notification (a transactional one still goes); the ledger shows both
records with the policy version and the database refuses to change or delete them; a new privacy
policy version asks for acceptance again; consents and acceptances reach the phone by delta sync."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import asyncpg
import pytest
from aiohttp.test_utils import TestClient
from tortoise.exceptions import OperationalError

from domain.consent.models import ConsentRecord, PolicyAcceptance
from domain.notifications.models import Notification
from domain.shared.clock import isoformat, utcnow
from domain.shared.outbox import OutboxEvent
from push.models import PushJob
from tests.support.bookings import ok
from tests.support.identity import Account, make_admin, register
from tests.support.notifications import register_device
from tests.support.sync import flush, pull
from tests.support.waiting import wait_until

ANNOUNCEMENT = "marketing.announcement"


async def _settled() -> None:
    async def relayed() -> bool:
        return not await OutboxEvent.filter(published_at__isnull=True).exists()

    await wait_until(relayed, 20.0, "the outbox to drain")


async def _publish(client: TestClient, admin: Account, kind: str, version: int, locale: str = "en",
                   status: int = 201, **extra: Any) -> dict[str, Any]:
    body = {"kind": kind, "version": version, "locale": locale, "title": f"{kind} v{version}",
            "body": f"# {kind} {version} ({locale})", **extra}
    return dict(await ok(await client.post("/v1/admin/policies", headers=admin.headers, json=body), status))


async def _consents(client: TestClient, who: Account, status: int = 200, **choices: bool) -> dict[str, Any]:
    body = {"purposes": {name: {"granted": on} for name, on in choices.items()}}
    return dict(await ok(await client.put("/v1/me/consents", headers=who.headers, json=body), status))


async def _announce(client: TestClient, admin: Account, title: str) -> None:
    await ok(await client.post("/v1/admin/marketing/announcements", headers=admin.headers,
                               json={"title": title, "body": "Gutter cleaning is now bookable in your area"}), 202)
    await _settled()


async def test_withdrawing_marketing_consent_stops_the_next_marketing_push_and_the_ledger_keeps_both(client):
    admin = await make_admin(client)
    await _publish(client, admin, "privacy", 1)
    ana = await register(client, "customer")
    await register_device(client, ana)
    # The channel switch for marketing (off by default) and, separately, the consent.
    await ok(await client.put("/v1/notification-preferences", headers=ana.headers,
                              json={"categories": {"marketing": {"push": True, "in_app": True}}}))
    await _announce(client, admin, "Before any consent")
    assert await PushJob.filter(user_id=ana.id, kind=ANNOUNCEMENT).count() == 0

    granted = await _consents(client, ana, marketing_push=True)
    assert granted["purposes"]["marketing_push"]["granted"] is True
    await _announce(client, admin, "New services near you")
    [push] = await PushJob.filter(user_id=ana.id, kind=ANNOUNCEMENT)
    assert (push.title, push.category) == ("New services near you", "marketing")
    assert await Notification.filter(user_id=ana.id, kind=ANNOUNCEMENT).count() == 1

    withdrawn = await _consents(client, ana, marketing_push=False)
    assert withdrawn["purposes"]["marketing_push"]["granted"] is False
    await _announce(client, admin, "Spring offers")
    assert await PushJob.filter(user_id=ana.id, kind=ANNOUNCEMENT).count() == 1  # the next one did not go
    assert await Notification.filter(user_id=ana.id, kind=ANNOUNCEMENT).count() == 1  # nor into the centre

    # A transactional notice still reaches her (an admin changed her roles: account and security).
    await ok(await client.post(f"/v1/admin/users/{ana.id}/roles", headers=admin.headers, json={"role": "serviceman"}))
    await _settled()
    assert await PushJob.filter(user_id=ana.id, kind="account.roles_changed").count() == 1

    # The ledger: both records, with the privacy policy version in force, oldest first.
    ledger = await ok(await client.get("/v1/me/consents", headers=await _relogin(client, ana)))
    assert [(r["purpose"], r["granted"], r["policy_version"], r["channel"]) for r in ledger["history"]] == [
        ("marketing_push", True, 1, "app"), ("marketing_push", False, 1, "app")]
    assert ledger["version"] == 2
    assert ledger["purposes"]["marketing_push"] == {
        "granted": False, "policy_version": 1, "channel": "app", "recorded_at": ledger["history"][1]["recorded_at"]}
    assert ledger["purposes"]["analytics"] == {"granted": False, "policy_version": None, "channel": None,
                                               "recorded_at": None}


async def _relogin(client: TestClient, who: Account) -> dict[str, str]:
    """Headers of a fresh login (a role change ends the user's sessions)."""
    from tests.support.identity import login

    return (await login(client, who.email)).headers


async def test_a_consent_change_records_only_real_changes_and_honours_the_version_read(client):
    ana = await register(client)
    first = await _consents(client, ana, marketing_push=True, analytics=True, ai_processing=False)
    # Withdrawing what was never granted records nothing; the two grants do.
    assert [(r["purpose"], r["granted"], r["policy_version"]) for r in first["history"]] == [
        ("analytics", True, None), ("marketing_push", True, None)]  # no privacy policy published yet
    again = await _consents(client, ana, marketing_push=True, analytics=True)
    assert again["version"] == first["version"] == 2 and again["history"] == first["history"]

    # The version read is a precondition: a change made meanwhile makes it stale (nothing recorded).
    stale = {"purposes": {"analytics": {"granted": False}}, "version": 1}
    refused = await client.put("/v1/me/consents", headers=ana.headers, json=stale)
    assert refused.status == 409
    assert (await refused.json())["details"]["reason"] == "stale_version"
    current = {"purposes": {"analytics": {"granted": False}}, "version": 2, "channel": "web"}
    after = await ok(await client.put("/v1/me/consents", headers=ana.headers, json=current))
    assert after["purposes"]["analytics"]["channel"] == "web" and after["version"] == 3

    for bad in ({"purposes": {"gossip": {"granted": True}}}, {"purposes": {"analytics": {"granted": "yes"}}},
                {"channel": "admin"}, {"purposes": {"analytics": {"granted": True}}, "policy_version": 7}):
        response = await client.put("/v1/me/consents", headers=ana.headers, json=bad)
        assert response.status == 422, bad
    assert await ConsentRecord.filter(user_id=ana.id).count() == 3


async def test_the_database_refuses_to_change_or_delete_consent_records_and_acceptances(client, database_url):
    admin = await make_admin(client)
    await _publish(client, admin, "terms", 1)
    ana = await register(client)
    await _consents(client, ana, marketing_email=True)
    await ok(await client.post("/v1/me/policy-acceptances", headers=ana.headers,
                               json={"kind": "terms", "version": 1}), 201)
    with pytest.raises(OperationalError, match="append-only"):
        await ConsentRecord.filter(user_id=ana.id).update(granted=False)
    with pytest.raises(OperationalError, match="append-only"):
        await ConsentRecord.filter(user_id=ana.id).delete()
    with pytest.raises(OperationalError, match="append-only"):
        await PolicyAcceptance.filter(user_id=ana.id).delete()
    # Raw SQL too: the rule is the database's, not the ORM's.
    conn = await asyncpg.connect(database_url.replace("postgres://", "postgresql://", 1))
    try:
        for sql in ("UPDATE consent_record SET granted = false", "DELETE FROM consent_record",
                    "UPDATE policy_acceptance SET version = 2"):
            with pytest.raises(asyncpg.RestrictViolationError, match="append-only"):
                await conn.execute(sql)
    finally:
        await conn.close()
    assert [r.granted for r in await ConsentRecord.filter(user_id=ana.id)] == [True]


async def test_a_new_privacy_version_asks_for_acceptance_again(client):
    admin = await make_admin(client)
    await _publish(client, admin, "terms", 1)
    await _publish(client, admin, "privacy", 1)
    await _publish(client, admin, "cookies", 1)  # shown, never signed
    ana = await register(client)
    me = await ok(await client.get("/v1/me", headers=ana.headers))
    assert me["policy_acceptance_required"] is True
    status = await ok(await client.get("/v1/me/policy-acceptances", headers=ana.headers))
    assert [(r["kind"], r["version"], r["accepted_version"]) for r in status["required"]] == [
        ("terms", 1, None), ("privacy", 1, None)]
    for kind in ("terms", "privacy"):
        accepted = await ok(await client.post("/v1/me/policy-acceptances", headers=ana.headers,
                                              json={"kind": kind, "version": 1, "locale": "en"}), 201)
        assert (accepted["kind"], accepted["version"], accepted["locale"]) == (kind, 1, "en")
    assert (await ok(await client.get("/v1/me", headers=ana.headers)))["policy_acceptance_required"] is False

    # A version that takes effect next week asks nothing yet; the next number after it is 3.
    await _publish(client, admin, "privacy", 2, effective_at=isoformat(utcnow() + timedelta(days=7)))
    assert (await ok(await client.get("/v1/me", headers=ana.headers)))["policy_acceptance_required"] is False
    assert (await ok(await client.get("/v1/policies/privacy")))["version"] == 1
    await PolicyDocumentClock.bring_forward("privacy", 2)
    me = await ok(await client.get("/v1/me", headers=ana.headers))
    assert me["policy_acceptance_required"] is True
    status = await ok(await client.get("/v1/me/policy-acceptances", headers=ana.headers))
    assert [(r["kind"], r["version"], r["accepted_version"]) for r in status["required"]] == [("privacy", 2, 1)]

    # Languages: a German reader gets the German text once it exists, English before and for the rest.
    assert (await ok(await client.get("/v1/policies/privacy?locale=de-AT")))["locale"] == "en"
    await _publish(client, admin, "privacy", 2, "de")
    german = await ok(await client.get("/v1/policies", headers={"Accept-Language": "de-DE,de;q=0.9"}))
    assert {(p["kind"], p["version"], p["locale"]) for p in german["items"]} == {
        ("terms", 1, "en"), ("privacy", 2, "de"), ("cookies", 1, "en")}
    assert (await ok(await client.get("/v1/policies/privacy?version=1&locale=de")))["locale"] == "en"

    await ok(await client.post("/v1/me/policy-acceptances", headers=ana.headers,
                               json={"kind": "privacy", "version": 2, "locale": "de"}), 201)
    assert (await ok(await client.get("/v1/me", headers=ana.headers)))["policy_acceptance_required"] is False
    # Accepting again changes nothing; a version not in effect is not found.
    await ok(await client.post("/v1/me/policy-acceptances", headers=ana.headers,
                               json={"kind": "privacy", "version": 2}), 201)
    assert await PolicyAcceptance.filter(user_id=ana.id).count() == 3
    missing = await client.post("/v1/me/policy-acceptances", headers=ana.headers, json={"kind": "terms", "version": 9})
    assert missing.status == 404


async def test_publishing_is_for_admins_english_first_and_numbered_in_order(client):
    admin, ana = await make_admin(client), await register(client)
    refused = await client.post("/v1/admin/policies", headers=ana.headers, json={
        "kind": "terms", "version": 1, "locale": "en", "title": "T", "body": "B"})
    assert refused.status == 403
    german_first = await _publish(client, admin, "refunds", 1, "de", status=409)
    assert german_first["details"]["reason"] == "not_eligible"
    skipped = await _publish(client, admin, "refunds", 3, status=409)
    assert (skipped["details"]["reason"], skipped["details"]["next_version"]) == ("not_allowed", 1)
    await _publish(client, admin, "refunds", 1)
    twice = await _publish(client, admin, "refunds", 1, status=409)
    assert twice["details"]["reason"] == "duplicate"
    past = await client.post("/v1/admin/policies", headers=admin.headers, json={
        "kind": "refunds", "version": 2, "locale": "en", "title": "T", "body": "B",
        "effective_at": isoformat(utcnow() - timedelta(days=2))})
    assert past.status == 422
    assert (await client.get("/v1/policies/gossip")).status == 404


async def test_consents_and_acceptances_reach_the_phone_by_delta_sync(client):
    admin = await make_admin(client)
    await _publish(client, admin, "privacy", 1)
    ana, ben = await register(client), await register(client)
    await _consents(client, ana, analytics=True)
    await _consents(client, ana, analytics=False)
    await ok(await client.post("/v1/me/policy-acceptances", headers=ana.headers,
                               json={"kind": "privacy", "version": 1}), 201)
    await flush(client)
    changes = (await pull(client, ana, collections=["consents", "policy_acceptances"]))["changes"]
    consents = [c["data"] for c in changes if c["collection"] == "consents"]
    assert [(c["purpose"], c["granted"], c["policy_version"], c["channel"]) for c in consents] == [
        ("analytics", True, 1, "app"), ("analytics", False, 1, "app")]
    [acceptance] = [c["data"] for c in changes if c["collection"] == "policy_acceptances"]
    assert (acceptance["kind"], acceptance["version"], acceptance["user_id"]) == ("privacy", 1, ana.id)
    assert (await pull(client, ben, collections=["consents", "policy_acceptances"]))["changes"] == []


class PolicyDocumentClock:
    """Time passing for a scheduled policy version: its effective date moved to now."""

    @staticmethod
    async def bring_forward(kind: str, version: int) -> None:
        from domain.consent.models import PolicyDocument

        await PolicyDocument.filter(kind=kind, version=version).update(effective_at=utcnow())
