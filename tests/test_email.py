"""Email (issue 20): a receipt reaches a real SMTP server (aiosmtpd, started here) in the
customer's language; a hard bounce or a complaint reported by the provider, or a permanent
refusal at send time, stops all email to that address, and the preferences say so; a soft
bounce does not; reports are signed and counted once per event id."""

from __future__ import annotations

import functools
import hashlib
import hmac
import json
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from prometheus_client import REGISTRY

from domain.finance.reporting.models import FinanceDocument
from domain.notifications.models import EmailSuppression
from push.email_models import EmailJob, EmailState
from tests.support.bookings import ok
from tests.support.bus import pending_ids
from tests.support.finance_world import build_world, paid_booking
from tests.support.identity import PASSWORD, Account, register
from tests.support.smtp import Mailbox, smtp_server
from tests.support.waiting import wait_for_value, wait_until

SECRET = "email-webhook-secret-for-the-tests-0000"
NEW_PASSWORD = "a different horse battery staple"


@pytest.fixture
def mailbox() -> Iterator[tuple[Mailbox, dict[str, Any]]]:
    with smtp_server() as (box, url):
        yield box, {"email_sender": "smtp", "smtp_url": url, "email_webhook_secret": SECRET,
                    "email_poll_interval_ms": 50}


def signed(body: dict[str, Any], secret: str = SECRET, at: int | None = None) -> tuple[bytes, dict[str, str]]:
    raw = json.dumps(body).encode()
    stamp = str(at if at is not None else int(time.time()))
    digest = hmac.new(secret.encode(), stamp.encode() + b"." + raw, hashlib.sha256).hexdigest()
    return raw, {"Email-Signature": f"t={stamp},v1={digest}", "Content-Type": "application/json"}


async def report(client: Any, body: dict[str, Any], provider: str = "relay", **sign: Any) -> Any:
    raw, headers = signed(body, **sign)
    return await client.post(f"/v1/webhooks/email/{provider}", data=raw, headers=headers)


def email_decisions(outcome: str, kind: str = "account.password_changed") -> float:
    return REGISTRY.get_sample_value("fieldsync_email_notifications_total", {"kind": kind, "outcome": outcome}) or 0.0


async def change_password(client: Any, who: Account, current: str, new: str) -> None:
    await ok(await client.post("/v1/auth/password", headers=who.headers,
                               json={"current_password": current, "new_password": new}))


async def test_a_receipt_arrives_at_the_smtp_server_in_the_customers_language(
        make_client: Callable[..., Any], mailbox: tuple[Mailbox, dict[str, Any]]) -> None:
    box, settings = mailbox
    w = await build_world(functools.partial(make_client, **settings))
    prefs = await ok(await w.client.put("/v1/notification-preferences", headers=w.customer.headers,
                                        json={"locale": "de", "timezone": "Europe/Berlin"}))
    assert prefs["locale"] == "de" and prefs["email_delivery"] == {"suppressed": False, "reason": None}
    assert prefs["categories"]["bookings"]["email"] is True  # receipts by email unless turned off

    booking, _case = await paid_booking(w, "GBP", 4599, release=False)  # 45.99 + 5 % tax, captured
    receipt = await wait_for_value(
        lambda: FinanceDocument.get_or_none(booking_id=booking["id"], series="receipt"), lambda d: d is not None,
        10, "the receipt")
    assert receipt is not None
    await wait_until(lambda: bool(box.to(w.customer.email)), 15, "the receipt email at the SMTP server")

    [message] = box.to(w.customer.email)
    assert message["Subject"] == f"Ihre Quittung {receipt.reference}"
    assert message["Content-Language"] == "de"
    text = message.get_body(("plain",)).get_content()
    assert "Vielen Dank für Ihre Zahlung von 48,29" in text and "£" in text, text  # German digits
    assert f"Die Quittung {receipt.reference}" in text
    html = message.get_body(("html",)).get_content()
    assert 'lang="de"' in html and receipt.reference in html
    job = await wait_for_value(lambda: EmailJob.get(user_id=w.customer.id, kind="document.issued"),
                               lambda j: j.state is EmailState.SENT, 10, "the job marked sent")
    assert job.language == "de" and job.category == "bookings"


@pytest.mark.parametrize("kind", ["hard_bounce", "complaint"])
async def test_a_hard_bounce_or_a_complaint_stops_email_to_that_address(
        make_client: Callable[..., Any], mailbox: tuple[Mailbox, dict[str, Any]], kind: str) -> None:
    box, settings = mailbox
    client = await make_client(**settings)
    user = await register(client, "customer")
    # A security notice by email (non-optional): the address works.
    await change_password(client, user, PASSWORD, NEW_PASSWORD)
    await wait_until(lambda: len(box.to(user.email)) == 1, 15, "the password notice")
    assert box.to(user.email)[0]["Subject"] == "Your password was changed"

    # The provider reports it (the address in any case: the blind index is of its stored form).
    first = await ok(await report(client, {"event_id": f"evt-{kind}", "kind": kind, "email": user.email.upper()}))
    assert first == {"received": True, "duplicate": False}
    again = await ok(await report(client, {"event_id": f"evt-{kind}", "kind": kind, "email": user.email}))
    assert again == {"received": True, "duplicate": True}
    assert await EmailSuppression.all().count() == 1

    fresh = await register_login(client, user, NEW_PASSWORD)
    prefs = await ok(await client.get("/v1/notification-preferences", headers=fresh.headers))
    assert prefs["email_delivery"] == {"suppressed": True, "reason": kind}

    # The next notice is decided "suppressed": nothing queued, nothing at the server.
    before = email_decisions("suppressed")
    await change_password(client, fresh, NEW_PASSWORD, PASSWORD)
    await wait_until(lambda: email_decisions("suppressed") == before + 1, 15, "the suppressed decision")
    assert len(box.to(user.email)) == 1
    assert await EmailJob.filter(user_id=user.id).count() == 1


async def test_a_soft_bounce_changes_nothing_and_reports_must_be_signed(
        make_client: Callable[..., Any], mailbox: tuple[Mailbox, dict[str, Any]]) -> None:
    _box, settings = mailbox
    client = await make_client(**settings)
    user = await register(client, "customer")
    soft = await ok(await report(client, {"event_id": "evt-soft", "kind": "soft_bounce", "email": user.email}))
    assert soft["duplicate"] is False
    assert await EmailSuppression.all().count() == 0
    forged = await report(client, {"event_id": "evt-x", "kind": "hard_bounce", "email": user.email},
                          secret="not-the-secret")
    stale = await report(client, {"event_id": "evt-y", "kind": "hard_bounce", "email": user.email},
                         at=int(time.time()) - 3600)
    assert (forged.status, stale.status) == (400, 400)
    assert await EmailSuppression.all().count() == 0

    unconfigured = await make_client(**{**settings, "email_webhook_secret": None})
    missing = await report(unconfigured, {"event_id": "evt-z", "kind": "hard_bounce", "email": user.email})
    assert missing.status == 404


async def test_a_permanent_refusal_at_send_time_is_a_hard_bounce(
        make_client: Callable[..., Any], mailbox: tuple[Mailbox, dict[str, Any]]) -> None:
    box, settings = mailbox
    client = await make_client(**settings)
    user = await register(client, "customer")
    box.refuse.add(user.email)
    await change_password(client, user, PASSWORD, NEW_PASSWORD)
    job = await wait_for_value(lambda: EmailJob.get_or_none(user_id=user.id),
                               lambda j: j is not None and j.state is EmailState.FAILED, 15, "the refused email")
    assert job is not None and "550" in (job.last_error or "")
    suppressed = await EmailSuppression.all()
    assert [(s.reason.value, s.source) for s in suppressed] == [("hard_bounce", "smtp")]
    fresh = await register_login(client, user, NEW_PASSWORD)
    prefs = await ok(await client.get("/v1/notification-preferences", headers=fresh.headers))
    assert prefs["email_delivery"] == {"suppressed": True, "reason": "hard_bounce"}
    assert box.messages == []


async def register_login(client: Any, user: Account, password: str) -> Account:
    """The account logged in again (a password change ended its sessions)."""
    body = await ok(await client.post("/v1/auth/login", json={"email": user.email, "password": password}))
    return Account(id=user.id, email=user.email, access_token=body["access_token"],
                   refresh_token=body["refresh_token"], roles=user.roles)


FIREFOX = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0"


async def _settled() -> bool:
    """Every event relayed and every queued email delivered."""
    return not await pending_ids() and not await EmailJob.filter(state=EmailState.QUEUED).exists()


async def test_a_login_from_a_new_browser_is_told_by_email_once_in_the_users_language(
        make_client: Callable[..., Any], mailbox: tuple[Mailbox, dict[str, Any]]) -> None:
    box, settings = mailbox
    client = await make_client(**settings)
    user = await register(client, "customer")  # registering is the first login: nothing to tell
    await ok(await client.put("/v1/notification-preferences", headers=user.headers,
                              json={"locale": "de", "timezone": "Europe/Berlin"}))
    credentials = {"email": user.email, "password": PASSWORD}
    # The browser the account registered from, from the same network: a known device.
    await ok(await client.post("/v1/auth/login", json=credentials))
    # Firefox on Windows, never used by this account: the owner hears of it.
    firefox = await ok(await client.post("/v1/auth/login", json=credentials, headers={"User-Agent": FIREFOX}))
    await wait_until(lambda: len(box.to(user.email)) == 1, 15, "the new sign-in notice")
    [message] = box.to(user.email)
    assert message["Subject"] == "Neue Anmeldung bei Ihrem Konto"
    assert message["Content-Language"] == "de"
    text = message.get_body(("plain",)).get_content()
    assert "von Firefox (Windows) aus angemeldet, Netzwerk 127.0.0.0/24" in text, text
    assert "Wenn nicht, ändern Sie sofort Ihr Passwort" in text, text

    # The same browser again, and its token refreshed: nothing more.
    await ok(await client.post("/v1/auth/login", json=credentials, headers={"User-Agent": FIREFOX}))
    await ok(await client.post("/v1/auth/refresh", json={"refresh_token": firefox["refresh_token"]},
                               headers={"User-Agent": FIREFOX}))
    await wait_until(_settled, 15, "the events relayed and the emails sent")
    assert len(box.to(user.email)) == 1
    assert await EmailJob.filter(user_id=user.id, kind="account.new_login").count() == 1
