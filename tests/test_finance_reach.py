"""Money everywhere the product reaches (issue 13 item 11 and its acceptance points):
`finance.events` on the real broker, keyed by case, in per-case order with seq 1..n and money
as {amount, currency}, and nothing from a transition that rolled back; an offline
`booking.accept` pushed three times gives one capture, one ledger entry and one message;
payment state on the booking's sockets with its sync cursor; pushes on capture, release and
refund; sync collections scoped to the parties, with balances equal to the ledger."""

from __future__ import annotations

import asyncio
import secrets
from collections.abc import Callable
from datetime import timedelta
from typing import Any
from uuid import uuid4

import orjson
import pytest
from aiohttp.test_utils import TestClient

from bus.kafka import topic_for
from domain.finance import ledger
from domain.finance.balances.models import PayeeBalance
from domain.finance.cases.models import PaymentCase
from domain.finance.ledger.models import LedgerEntry
from domain.finance.operations.models import FinanceOperation, OpKind
from domain.notifications.models import Notification
from domain.shared.clock import utcnow
from domain.shared.context import Actor
from domain.shared.money import Money
from domain.shared.outbox import OutboxEvent
from domain.shared.uow import unit_of_work
from push.models import PushJob
from tests.conftest import Services
from tests.support.bookings import Market, act, book, build_market, fetch, ok
from tests.support.bus import read_topic, wait_until
from tests.support.socket_clients import Recorder
from tests.support.sync import flush, pull
from tests.test_finance_cases import FAST, checkout, finance_events, payments_of, run_to, until_state
from tests.test_sync_push import push

FEED = "/feed"
PAYMENT_EVENT = "booking:payment"
MONEY_FIELDS = ("amount", "captured", "refunded", "released")


def _is_money(value: Any) -> bool:
    return isinstance(value, dict) and set(value) == {"amount", "currency"} and isinstance(value["amount"], int)


async def _offline_accept_three_times(client: TestClient, m: Market, booking: dict[str, Any]) -> None:
    lead = m.crew[0]
    mutation = {"mutation_id": 1, "collection": "bookings", "op": "action", "name": "accept", "id": booking["id"],
                "base_version": booking["version"]}
    device = str(uuid4())
    answers = await asyncio.gather(*(push(client, lead, device, mutation) for _ in range(3)))
    assert sorted(a["results"][0]["status"] for a in answers) == ["applied", "duplicate", "duplicate"]


async def test_kafka_finance_events_per_case_in_order_and_an_offline_accept_moves_money_once(
        make_client: Callable[..., Any], services: Services) -> None:
    prefix = f"fin{secrets.token_hex(3)}."
    client = await make_client(**FAST, kafka_bootstrap=services.kafka_bootstrap, kafka_topic_prefix=prefix)
    m = await build_market(client)
    payments = payments_of(client)
    booking = await ok(await book(client, m), 201)
    case_id = (await checkout(client, m, booking))["id"]

    # The lead accepts offline; the device pushes the same batch three times (retries), at once.
    await _offline_accept_three_times(client, m, booking)
    deadline_state = await _until(client, m, booking["id"], "held", timeout=90)  # the group forms first
    assert deadline_state["captured"]["amount"] == 4725
    assert await FinanceOperation.filter(case_id=case_id, op=OpKind.CAPTURE).count() == 1
    assert await LedgerEntry.filter(case_id=case_id, idempotency_key__endswith=":captured").count() == 1

    lead = m.crew[0]
    current = await fetch(client, lead, booking["id"])
    for step in ("schedule", "start", "complete"):
        current = await ok(await act(client, lead, current, step))
    await _until(client, m, booking["id"], "release_pending", timeout=60)
    assert await payments.release_due(utcnow() + timedelta(days=2, minutes=1)) == 1

    # A transition inside a unit of work that then fails: its event is rolled back with it.
    seq_before = (await PaymentCase.get(id=case_id)).seq
    admin = Actor(m.admin.id, frozenset({"admin"}))
    with pytest.raises(RuntimeError):
        async with unit_of_work():
            await payments.refund(admin, case_id, Money(100, "USD"), reason="rolled back")
            raise RuntimeError("the caller's next step failed")
    assert (await PaymentCase.get(id=case_id)).seq == seq_before
    assert await LedgerEntry.filter(case_id=case_id, kind="refund").count() == 0
    # Ten concurrent full refunds: one wins; the losers' transactions roll back, events and all.
    url = f"/v1/payment-cases/{case_id}/refund"
    answers = await asyncio.gather(*(client.post(url, headers=m.admin.headers, json={}) for _ in range(10)))
    assert sorted(r.status for r in answers).count(200) == 1

    recorded = await finance_events(case_id)
    expected = [e["type"] for e in recorded]
    assert expected == ["payment.checkout", "payment.authorized", "payment.capture_requested", "payment.captured",
                        "payment.release_scheduled", "payment.released", "payment.refunded"]
    messages = await read_topic(services.kafka_bootstrap, topic_for("finance", prefix), len(expected), timeout=30)
    mine = [m_ for m_ in messages if m_.key == f"case:{case_id}".encode()]
    assert len({m_.partition for m_ in mine}) == 1  # one key, one partition: the order is the case's
    bodies = [orjson.loads(m_.value) for m_ in mine]
    # At-least-once: a relay retry may repeat a message (same event_id); consumers dedupe by it.
    unique = list({b["event_id"]: b for b in bodies}.values())
    assert [b["type"] for b in unique] == expected
    assert [b["data"]["seq"] for b in unique] == list(range(1, len(expected) + 1))
    assert all(b["subject"] == f"case:{case_id}" and b["data"]["case_id"] == case_id for b in unique)
    assert all(_is_money(b["data"][f]) for b in unique for f in MONEY_FIELDS)
    assert unique[-1]["data"]["refund"] == {"amount": 4725, "currency": "USD"}
    assert [b["type"] for b in unique].count("payment.captured") == 1
    assert await OutboxEvent.filter(stream="finance", key=f"case:{case_id}").count() == len(expected)


async def _until(client: TestClient, m: Market, booking_id: str, state: str, timeout: float) -> dict[str, Any]:
    seen: dict[str, Any] = {}

    async def reached() -> bool:
        response = await client.get(f"/v1/bookings/{booking_id}/payment", headers=m.customer.headers)
        seen.update(await ok(response))
        return seen["state"] == state

    await wait_until(reached, timeout, f"payment {state}")
    return seen


async def _device(client: TestClient, who: Any) -> None:
    body = {"token": secrets.token_hex(16), "platform": "android", "app": "customer"}
    assert (await client.post("/v1/devices", json=body, headers=who.headers)).status in (200, 201)


async def _payment_update(recorder: Recorder, state: str, timeout: float = 10) -> dict[str, Any]:
    while True:
        event = await recorder.next_event(FEED, PAYMENT_EVENT, timeout)
        assert set(event) == {"payment", "cursor"}, event
        if event["payment"]["state"] == state:
            return dict(event)


async def test_payment_state_rides_on_the_booking_sockets_with_its_cursor_and_pushes_tell_the_parties(
        make_client: Callable[..., Any]) -> None:
    client = await make_client(**FAST)
    m = await build_market(client)
    for who in (m.customer, m.provider, m.crew[0]):
        await _device(client, who)
    url = str(client.make_url("")).rstrip("/")
    customer = await Recorder.connect(url, m.customer.access_token, [FEED], [PAYMENT_EVENT])
    provider = await Recorder.connect(url, m.provider.access_token, [FEED], [PAYMENT_EVENT])
    outsider = await Recorder.connect(url, m.outsider.access_token, [FEED], [PAYMENT_EVENT])
    try:
        booking = await ok(await book(client, m), 201)
        case_id = (await checkout(client, m, booking))["id"]
        await run_to(client, m, booking, "accept")
        held = await _payment_update(customer, "held")
        assert held["cursor"] is not None
        update = held["payment"]
        assert update["type"] == "payment.captured" and update["case_id"] == case_id
        assert update["booking_id"] == booking["id"] and update["captured"] == {"amount": 4725, "currency": "USD"}
        # A pull made on hearing the event already has the change (the cursor's promise).
        synced = await pull(client, m.customer, collections=["payment_cases"])
        (row,) = [c["data"] for c in synced["changes"] if c["id"] == case_id]
        assert row["state"] == "held" and row["seq"] == update["seq"]
        assert (await _payment_update(provider, "held"))["payment"]["seq"] == update["seq"]

        await run_to(client, m, booking, "schedule", "start", "complete")
        await until_state(client, m, booking["id"], "release_pending")
        assert await payments_of(client).release_due(utcnow() + timedelta(days=2, minutes=1)) == 1
        assert (await _payment_update(provider, "released"))["payment"]["released"]["amount"] == 4725
        refund = {"amount": {"amount": 500, "currency": "USD"}, "reason": "scratched the floor"}
        await ok(await client.post(f"/v1/payment-cases/{case_id}/refund", headers=m.admin.headers, json=refund))
        await _payment_update(customer, "partially_refunded")
        assert outsider.pending(FEED, PAYMENT_EVENT) == 0  # strangers hear nothing

        async def kinds(user_id: str) -> set[str]:
            rows = await Notification.filter(user_id=user_id).values_list("kind", flat=True)
            return {str(k) for k in rows if str(k).startswith("payment.")}

        async def notified() -> bool:
            return await kinds(m.customer.id) == {"payment.captured", "payment.refunded"} and \
                await kinds(m.provider.id) == {"payment.captured", "payment.released", "payment.refunded"}

        await wait_until(notified, 10, "the payment notifications")
        assert await kinds(m.crew[0].id) == set()  # the organisation is paid: its managers hear of it
        assert await kinds(m.outsider.id) == set()
        pushed = await PushJob.filter(user_id=m.customer.id, kind__startswith="payment.").values_list("kind", flat=True)
        assert sorted(pushed) == ["payment.captured", "payment.refunded"]
        released = await Notification.get(user_id=m.provider.id, kind="payment.released")
        assert "47.25" in released.body and released.entity_id == booking["id"]
    finally:
        for recorder in (customer, provider, outsider):
            await recorder.close()


async def test_sync_scopes_payments_and_balances_to_the_parties_and_balances_equal_the_ledger(
        make_client: Callable[..., Any]) -> None:
    client = await make_client(**FAST)
    m = await build_market(client)
    booking = await ok(await book(client, m), 201)
    total = booking["total"]["amount"]
    parts = [{"title": "first", "amount": total // 2}, {"title": "rest", "amount": total - total // 2}]
    case_id = (await checkout(client, m, booking, milestones=parts))["id"]
    await run_to(client, m, booking, "accept")
    await until_state(client, m, booking["id"], "held")
    release = f"/v1/payment-cases/{case_id}/release"
    await ok(await client.post(release, headers=m.customer.headers, json={"milestone": 1}))
    await flush(client)
    names = ["payment_cases", "payment_milestones", "balances"]

    async def synced(who: Any) -> dict[str, dict[str, dict[str, Any]]]:
        found: dict[str, dict[str, dict[str, Any]]] = {name: {} for name in names}
        for change in (await pull(client, who, collections=names))["changes"]:
            found[change["collection"]][change["id"]] = change["data"]
        return found

    owner = f"org:{m.org_id}"
    payable = await ledger.balance(ledger.AccountKey(ledger.AccountKind.PROVIDER_PAYABLE, owner, "USD"))
    assert payable.posted > 0
    rest = await ok(await client.get(f"/v1/payment-cases/{case_id}", headers=m.customer.headers))
    for who in (m.customer, m.crew[0], m.provider):
        seen = await synced(who)
        (case,) = seen["payment_cases"].values()
        same = ("id", "booking_id", "state", "amount", "promo_credit", "captured", "refunded", "released", "seq",
                "version")
        assert {k: case[k] for k in same} == {k: rest[k] for k in same}
        milestones = sorted(seen["payment_milestones"].values(), key=lambda row: row["position"])
        assert [(row["state"], row["amount"]) for row in milestones] == \
            [(p["state"], p["amount"]) for p in rest["milestones"]]
        assert sum(r["amount"]["amount"] for r in milestones if r["state"] == "pending") == rest["held"]["amount"]
    # The balance: the provider's owner and managers; not the crew, the customer or a stranger.
    assert (await synced(m.customer))["balances"] == {} and (await synced(m.crew[0]))["balances"] == {}
    stranger = await synced(m.outsider)
    assert all(not rows for rows in stranger.values())
    (balance,) = (await synced(m.provider))["balances"].values()
    assert balance["id"] == f"{owner}:USD" and balance["available"] == {"amount": payable.posted, "currency": "USD"}
    assert balance["earned"]["amount"] == payable.posted and balance["paid_out"]["amount"] == 0
    # The row is the ledger's sums, whatever wrote the postings.
    row = await PayeeBalance.get(id=f"{owner}:USD")
    assert row.available == payable.posted and row.receivable == 0
