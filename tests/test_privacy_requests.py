"""Data-subject requests (issue 18): the person's erasure within its grace period (cancel, still
log in), and the admins' queue with its one-month clock, identity checks, extensions with
reasons (two months at most) and refusals, each step on the audit trail."""

from __future__ import annotations

from datetime import datetime, timedelta

from domain.accounts.models import RefreshToken, User, UserStatus
from domain.audit.models import AuditRecord
from domain.bookings.models import Booking
from domain.notifications.models import Device
from domain.privacy.requests import add_months
from domain.shared import clock
from domain.shared.outbox import OutboxEvent
from tests.support.bookings import book, build_market, ok
from tests.support.identity import PASSWORD, login, make_admin, register
from tests.support.market import container_of


async def test_an_erasure_cancelled_within_the_grace_period_never_runs(make_client):
    client = await make_client(erasure_grace_days=7)
    person = await register(client, "customer", name="Grace Cancel")
    assert (await client.get("/v1/me/erasure", headers=person.headers)).status == 404
    asked = await ok(await client.post("/v1/me/erasure", headers=person.headers, json={"password": PASSWORD}), 201)
    received = clock.utcnow()
    assert asked["state"] == "scheduled"
    assert abs((datetime.fromisoformat(asked["execute_after"]) - received) - timedelta(days=7)) < timedelta(minutes=1)
    assert datetime.fromisoformat(asked["due_at"]) > received + timedelta(days=27)

    cancelled = await ok(await client.delete("/v1/me/erasure", headers=person.headers))
    assert cancelled["state"] == "cancelled" and cancelled["closed_at"] is not None
    assert (await client.delete("/v1/me/erasure", headers=person.headers)).status == 404
    assert await container_of(client).privacy.run_due(clock.utcnow() + timedelta(days=30)) == 0
    again = await login(client, person.email)  # still their account
    assert (await ok(await client.get("/v1/me", headers=again.headers)))["name"] == "Grace Cancel"
    assert (await User.get(id=person.id)).status == UserStatus.ACTIVE
    steps = await AuditRecord.filter(subject_type="data_subject_request").order_by("id").values_list("action",
                                                                                                      flat=True)
    assert steps == ["privacy.request.received", "privacy.request.identity_checked", "privacy.request.scheduled",
                     "privacy.request.cancelled"]
    # Cancelled, a new request may be made.
    assert (await client.post("/v1/me/erasure", headers=again.headers, json={"password": PASSWORD})).status == 201


async def test_the_admin_queue_runs_on_the_one_month_clock(make_client):
    client = await make_client()
    admin = await make_admin(client)
    late = await register(client, "customer", name="Letter Writer")
    recent = await register(client, "customer", name="Recent Asker")
    # A letter received 40 days ago (overdue) and an export asked today.
    old = await ok(await client.post("/v1/admin/privacy/requests", headers=admin.headers, json={
        "user_id": late.id, "kind": "erasure",
        "received_at": clock.isoformat(clock.utcnow() - timedelta(days=40))}), 201)
    assert old["state"] == "received" and old["channel"] == "admin" and old["overdue"] is True
    new = await ok(await client.post("/v1/admin/privacy/requests", headers=admin.headers,
                                     json={"user_id": recent.id, "kind": "export"}), 201)
    assert new["overdue"] is False
    queue = (await ok(await client.get("/v1/admin/privacy/requests", headers=admin.headers)))["requests"]
    assert [r["id"] for r in queue] == [old["id"], new["id"]]  # the soonest due first

    # Not an admin: refused.
    assert (await client.get("/v1/admin/privacy/requests", headers=recent.headers)).status == 403
    base = f"/v1/admin/privacy/requests/{old['id']}"
    assert (await client.post(f"{base}/extend", headers=recent.headers,
                              json={"months": 1, "reason": "complex"})).status == 403

    # Extended with a reason: due a month later, no longer overdue; two months at most.
    extended = await ok(await client.post(f"{base}/extend", headers=admin.headers,
                                          json={"months": 1, "reason": "Many records across three businesses"}))
    assert extended["extended_months"] == 1 and extended["overdue"] is False
    assert datetime.fromisoformat(extended["due_at"]) == add_months(datetime.fromisoformat(old["received_at"]), 2)
    assert extended["extensions"][0]["reason"] == "Many records across three businesses"
    assert extended["extensions"][0]["by"] == admin.id
    too_long = await client.post(f"{base}/extend", headers=admin.headers, json={"months": 2, "reason": "more"})
    assert too_long.status == 409 and (await too_long.json())["details"]["reason"] == "limit_reached"

    # The identity check schedules the erasure (grace period from now).
    checked = await ok(await client.post(f"{base}/identity-check", headers=admin.headers,
                                         json={"method": "signed_letter"}))
    assert checked["state"] == "scheduled" and checked["identity_method"] == "signed_letter"
    assert checked["identity_checked_by"] == admin.id and checked["execute_after"] is not None
    twice = await client.post(f"{base}/identity-check", headers=admin.headers, json={"method": "again"})
    assert twice.status == 409 and (await twice.json())["details"]["reason"] == "invalid_transition"

    # Refused with a reason: closed, out of the open queue, and nothing erased later.
    refused = await ok(await client.post(f"{base}/refuse", headers=admin.headers,
                                         json={"reason": "Accounts under an open fraud investigation"}))
    assert refused["state"] == "refused" and refused["refusal_reason"] == "Accounts under an open fraud investigation"
    closed = await client.post(f"{base}/extend", headers=admin.headers, json={"months": 1, "reason": "late"})
    assert closed.status == 409 and (await closed.json())["details"]["reason"] == "invalid_transition"
    queue = (await ok(await client.get("/v1/admin/privacy/requests", headers=admin.headers)))["requests"]
    assert [r["id"] for r in queue] == [new["id"]]
    everything = await ok(await client.get("/v1/admin/privacy/requests?state=all", headers=admin.headers))
    assert {r["id"] for r in everything["requests"]} == {old["id"], new["id"]}
    assert await container_of(client).privacy.run_due(clock.utcnow() + timedelta(days=60)) == 0
    assert (await User.get(id=late.id)).status == UserStatus.ACTIVE

    trail = await AuditRecord.filter(subject_id=old["id"]).order_by("id").values_list("action", "actor_id")
    assert trail == [("privacy.request.received", admin.id), ("privacy.request.extended", admin.id),
                     ("privacy.request.identity_checked", admin.id), ("privacy.request.scheduled", admin.id),
                     ("privacy.request.refused", admin.id)]


async def test_bad_input_is_a_4xx(make_client):
    client = await make_client()
    admin = await make_admin(client)
    person = await register(client, "customer")
    assert (await client.post("/v1/me/erasure", headers=person.headers, json={})).status == 422
    assert (await client.post("/v1/admin/privacy/requests", headers=admin.headers,
                              json={"user_id": "nope", "kind": "erasure"})).status == 404
    assert (await client.post("/v1/admin/privacy/requests", headers=admin.headers,
                              json={"user_id": person.id, "kind": "forget"})).status == 422
    made = await ok(await client.post("/v1/admin/privacy/requests", headers=admin.headers,
                                      json={"user_id": person.id, "kind": "access"}), 201)
    base = f"/v1/admin/privacy/requests/{made['id']}"
    assert (await client.post(f"{base}/extend", headers=admin.headers, json={"months": 3, "reason": "x y z"})) \
        .status == 422
    assert (await client.post(f"{base}/refuse", headers=admin.headers, json={"reason": "  "})).status == 422
    assert (await client.get("/v1/admin/privacy/requests/not-an-id", headers=admin.headers)).status == 404
    # An access request's identity check leaves it for the export to answer (not scheduled).
    checked = await ok(await client.post(f"{base}/identity-check", headers=admin.headers, json={"method": "video"}))
    assert checked["state"] == "identity_checked" and checked["execute_after"] is None


async def test_an_erased_account_is_gone_from_its_rows_and_cannot_log_in(make_client):
    """The executor alone (no Kafka), on whichever database the client runs: PostgreSQL here,
    the demo's SQLite in tests/test_privacy_erasure_sqlite.py."""
    client = await make_client(erasure_grace_days=0)
    market = await build_market(client, crew_size=1)
    person = await register(client, "customer", name="Erin Erasable")
    booking = await ok(await book(client, market, who=person, address="9 Quiet Mews", notes="Ring twice, Erin"),
                       201)
    await ok(await client.post("/v1/devices", headers=person.headers,
                               json={"token": "fcm-erin-device-token", "platform": "ios", "app": "customer"}))
    await ok(await client.post("/v1/me/erasure", headers=person.headers, json={"password": PASSWORD}), 201)
    assert await container_of(client).privacy.run_due() == 1

    failed = await client.post("/v1/auth/login", json={"email": person.email, "password": PASSWORD})
    assert failed.status == 401 and (await failed.json())["code"] == "invalid_credentials"
    account = await User.get(id=person.id)
    assert (account.status, account.name) == (UserStatus.ERASED, "Deleted user")
    assert not await Device.filter(user_id=person.id).exists()
    assert not await RefreshToken.filter(user_id=person.id).exists()
    held = await Booking.get(id=booking["id"])
    assert (held.address, held.notes, held.lat) == ("[removed]", "[removed]", None)
    done = (await AuditRecord.filter(action="privacy.request.done").first())
    assert done is not None and done.after["deleted"]["device"] == 1
    assert await OutboxEvent.filter(type="privacy.user_erased", key=person.id).exists()
