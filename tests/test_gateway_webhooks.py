"""Payment provider webhooks through the inbox: verified on the raw body before any parsing,
stored once by event id (also when the same event arrives 20 times at once), answered 2xx;
forged, stale and unsigned ones get 400 and store nothing. Then the inbox worker applies each
stored event once, retries a failing handler with backoff, and two workers never share one."""

from __future__ import annotations

import asyncio
import json
import secrets
import time
from collections.abc import Awaitable, Callable
from typing import Any

import pytest
import stripe
from aiohttp.test_utils import TestClient

from app.bootstrap import CONTAINER
from domain.finance.gateway import inbox
from domain.finance.gateway.models import GatewayEventRecord, InboxState
from domain.finance.gateway.port import AccountRequest, AuthorizeRequest, GatewayEvent
from domain.finance.gateway.sandbox import SandboxGateway
from domain.shared.money import Money
from domain.shared.uow import UnitOfWork
from tests.conftest import AppFactory, app_of
from tests.support.gateways import WEBHOOK_SECRET
from tests.support.waiting import wait_until

STRIPE = {"payment_gateway": "stripe", "stripe_secret_key": "sk_test_fake", "stripe_webhook_secret": WEBHOOK_SECRET,
          "stripe_api_base": "http://127.0.0.1:9"}  # never called: webhooks verify offline


def event_body(event_id: str | None = None, kind: str = "payment_intent.succeeded", obj: str = "pi_test") -> bytes:
    return json.dumps({
        "id": event_id or f"evt_{secrets.token_hex(8)}", "object": "event", "type": kind, "api_version": "2024-06-20",
        "created": int(time.time()), "livemode": False, "account": None, "pending_webhooks": 1,
        "data": {"object": {"id": obj, "object": "payment_intent", "status": "succeeded", "amount": 5000,
                            "currency": "gbp"}},
    }).encode()


def stripe_signature(body: bytes, secret: str = WEBHOOK_SECRET, timestamp: int | None = None) -> str:
    return str(stripe.WebhookSignature.generate_signature_header(body.decode(), secret, timestamp))


async def post(client: TestClient, body: bytes, signature: str | None, gateway: str = "stripe") -> Any:
    headers = {"Content-Type": "application/json"}
    if signature is not None:
        headers["Stripe-Signature"] = signature
    return await client.post(f"/v1/webhooks/{gateway}", data=body, headers=headers)


async def stored() -> list[GatewayEventRecord]:
    return list(await GatewayEventRecord.all().order_by("id"))


async def test_the_same_event_posted_20_times_at_once_is_stored_once(make_client: AppFactory) -> None:
    client = await make_client(**STRIPE)
    body = event_body("evt_once")
    responses = await asyncio.gather(*(post(client, body, stripe_signature(body)) for _ in range(20)))
    assert [r.status for r in responses] == [200] * 20
    receipts = [await r.json() for r in responses]
    assert sorted(receipt["duplicate"] for receipt in receipts) == [False] + [True] * 19
    rows = await stored()
    assert [(row.gateway, row.event_id, row.type, row.object_id, row.state) for row in rows] == [
        ("stripe", "evt_once", "payment_intent.succeeded", "pi_test", InboxState.PENDING)]
    assert rows[0].payload["data"]["object"]["amount"] == 5000


@pytest.mark.parametrize("case", ["forged body", "wrong secret", "stale", "missing header", "garbage header",
                                  "not an event"])
async def test_forged_stale_or_unsigned_webhooks_are_refused_and_nothing_is_stored(
        make_client: AppFactory, case: str) -> None:
    client = await make_client(**STRIPE)
    body = event_body()
    signature: str | None = stripe_signature(body)
    if case == "forged body":
        body = body.replace(b"5000", b"9999")
    elif case == "wrong secret":
        signature = stripe_signature(body, "whsec_someone_else")
    elif case == "stale":
        signature = stripe_signature(body, timestamp=int(time.time()) - 301)
    elif case == "missing header":
        signature = None
    elif case == "garbage header":
        signature = "t=abc,v1=zzz"
    elif case == "not an event":
        body = b'{"hello": "world"}'
        signature = stripe_signature(body)
    response = await post(client, body, signature)
    assert response.status == 400
    assert response.content_type == "application/problem+json"
    assert (await response.json())["code"] == "bad_request"
    assert await stored() == []


async def test_an_event_just_inside_the_tolerance_is_taken(make_client: AppFactory) -> None:
    client = await make_client(**STRIPE)
    body = event_body()
    response = await post(client, body, stripe_signature(body, timestamp=int(time.time()) - 290))
    assert response.status == 200 and len(await stored()) == 1


async def test_a_gateway_we_do_not_use_has_no_endpoint(make_client: AppFactory) -> None:
    client = await make_client(**STRIPE)
    body = event_body()
    response = await post(client, body, stripe_signature(body), gateway="paypal")
    assert response.status == 404 and await stored() == []


async def test_the_sandbox_delivers_its_signed_events_to_our_inbox(make_client: AppFactory) -> None:
    client = await make_client()  # the default: sandbox, as `./dev run`
    sandbox = app_of(client)[CONTAINER].payment_gateway
    assert isinstance(sandbox, SandboxGateway)
    payment = await sandbox.authorize(AuthorizeRequest(
        amount=Money(4_200, "GBP"), payment_method="pm_card_visa", transfer_group="case:demo",
        idempotency_key="fs:authorize:demo"))
    await sandbox.capture(payment.id, None, idempotency_key="fs:capture:demo")
    await until(lambda: count_events(2))
    rows = await stored()
    assert [(r.gateway, r.type, r.object_id) for r in rows] == [
        ("sandbox", "payment_intent.amount_capturable_updated", payment.id),
        ("sandbox", "payment_intent.succeeded", payment.id)]
    # and over HTTP, with the sandbox's own header; a replay is a duplicate
    body = json.dumps(sandbox.events[0]).encode()
    response = await client.post("/v1/webhooks/sandbox", data=body,
                                 headers={sandbox.webhook_signature_header: sandbox.sign(body)})
    assert response.status == 200 and (await response.json())["duplicate"] is True
    forged = await client.post("/v1/webhooks/sandbox", data=body.replace(b"4200", b"1"),
                               headers={sandbox.webhook_signature_header: sandbox.sign(body)})
    assert forged.status == 400 and len(await stored()) == 2


async def count_events(expected: int) -> bool:
    return await GatewayEventRecord.all().count() >= expected


async def until(condition: Callable[[], Awaitable[bool]], timeout: float = 10.0) -> None:
    await wait_until(condition, timeout)


# --- the inbox worker ---------------------------------------------------------------------

class Recorder:
    def __init__(self, fail_times: int = 0, delay: float = 0.0) -> None:
        self.applied: list[str] = []
        self.fail_times = fail_times
        self.delay = delay

    async def apply(self, event: GatewayEvent, uow: UnitOfWork) -> None:
        assert event.created.tzinfo is not None and event.payload["id"] == event.id
        if self.delay:
            await asyncio.sleep(self.delay)  # a slow handler: the other worker must not take its events
        if self.fail_times > 0:
            self.fail_times -= 1
            raise RuntimeError("handler down")
        self.applied.append(event.id)


async def receive_events(client: TestClient, count: int) -> list[str]:
    ids = [f"evt_w{n:03d}_{secrets.token_hex(3)}" for n in range(count)]
    for event_id in ids:
        body = event_body(event_id)
        assert (await post(client, body, stripe_signature(body))).status == 200
    return ids


async def test_the_worker_applies_each_stored_event_once(make_client: AppFactory) -> None:
    client = await make_client(**STRIPE)
    ids = await receive_events(client, 5)
    handler = Recorder()
    worker = inbox.InboxWorker(handler)
    assert await worker.run_once() == 5
    assert await worker.run_once() == 0
    assert handler.applied == ids
    assert {row.state for row in await stored()} == {InboxState.APPLIED}


async def test_two_workers_never_apply_the_same_event(make_client: AppFactory) -> None:
    client = await make_client(**STRIPE)
    ids = await receive_events(client, 12)
    handler = Recorder(delay=0.01)
    workers = [inbox.InboxWorker(handler, inbox.InboxConfig(batch=4)) for _ in range(3)]
    while len(handler.applied) < len(ids):
        await asyncio.gather(*(worker.run_once() for worker in workers))
    assert sorted(handler.applied) == sorted(ids)


async def test_a_failing_handler_is_retried_later_then_marked_failed(make_client: AppFactory) -> None:
    client = await make_client(**STRIPE)
    [event_id] = await receive_events(client, 1)
    handler = Recorder(fail_times=1)
    worker = inbox.InboxWorker(handler, inbox.InboxConfig(backoff_base_seconds=0.05, max_attempts=3))
    assert await worker.run_once() == 0
    [row] = await stored()
    assert (row.state, row.attempts, "handler down" in (row.last_error or "")) == (InboxState.PENDING, 1, True)
    await until(lambda: worker_applied(worker))
    assert handler.applied == [event_id]
    # an event whose handler always fails ends failed after max_attempts, kept for a person
    [other] = await receive_events(client, 1)
    always = inbox.InboxWorker(Recorder(fail_times=99), inbox.InboxConfig(backoff_base_seconds=0.01, max_attempts=2))
    await until(lambda: failed(always, other))


async def worker_applied(worker: inbox.InboxWorker) -> bool:
    return await worker.run_once() > 0


async def failed(worker: inbox.InboxWorker, event_id: str) -> bool:
    await worker.run_once()
    row = await GatewayEventRecord.get(event_id=event_id)
    return row.state == InboxState.FAILED and row.attempts == 2


async def test_an_event_router_sends_each_type_to_its_owner(make_client: AppFactory) -> None:
    client = await make_client(**STRIPE)
    seen: list[tuple[str, str]] = []

    def owner(name: str) -> inbox.Apply:
        async def apply(event: GatewayEvent, uow: UnitOfWork) -> None:
            seen.append((name, event.type))
        return apply

    for kind in ("payment_intent.succeeded", "payout.paid", "transfer.created", "account.updated"):
        body = event_body(kind=kind)
        await post(client, body, stripe_signature(body))
    router = inbox.EventRouter({"payment_intent.succeeded": owner("cases"), "payout.": owner("payouts"),
                                "transfer.": owner("transfers")})
    assert await inbox.InboxWorker(router).run_once() == 4  # account.updated: nobody's, marked applied
    assert seen == [("cases", "payment_intent.succeeded"), ("payouts", "payout.paid"),
                    ("transfers", "transfer.created")]


async def test_a_sandbox_onboarding_link_enables_payouts_for_whoever_holds_it(make_client: AppFactory) -> None:
    client = await make_client()
    sandbox = app_of(client)[CONTAINER].payment_gateway
    assert isinstance(sandbox, SandboxGateway)
    account = await sandbox.create_account(AccountRequest(country="GB", email="pro@example.com",
                                                          business_type="individual", idempotency_key="fs:acct:1"))
    link = await sandbox.onboarding_link(account.id, refresh_url="https://app.test/again",
                                         return_url="https://app.test/done")
    path = link[link.index("/v1/"):]
    forged = await client.get(path.replace("token=", "token=x"))
    assert forged.status == 404 and not (await sandbox.account(account.id)).payouts_enabled
    opened = await client.get(path)
    assert opened.status == 200
    assert await opened.json() == {"account": account.id, "payouts_enabled": True,
                                   "return_url": "https://app.test/done"}
    assert (await sandbox.account(account.id)).payouts_enabled
    await until(lambda: count_events(1))
    assert [(r.type, r.object_id, r.account) for r in await stored()] == [
        ("account.updated", account.id, account.id)]


async def test_there_is_no_sandbox_onboarding_on_stripe(make_client: AppFactory) -> None:
    client = await make_client(**STRIPE)
    assert (await client.get("/v1/sandbox/onboarding/acct_1?token=abc")).status == 404
