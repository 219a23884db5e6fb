"""The checkout kill switch (issue 20 acceptance): `checkout.enabled` off refuses checkout
through REST, the socket's `payment:checkout` and an offline `payment.checkout` push with the
same code and the same Retry-After figure; on, each path creates a payment on the sandbox
gateway, and the socket acks the very body REST answers. Offline, the server prices and
charges: a replayed mutation stores nothing twice, a second checkout of a booking is the
REST conflict, and milestone amounts (computed on a phone) are refused."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

import pytest
from aiohttp.test_utils import TestClient

from domain.finance.cases.models import PaymentCase
from domain.finance.operations.models import FinanceOperation, OpKind
from tests.support.bookings import Market, book, build_market, iso, ok, slot
from tests.support.payments import FAST, case_of, until_state
from tests.support.socket_clients import Recorder
from tests.test_flags import _put
from tests.test_sync_push import push

SWITCH = "checkout.enabled"


@pytest.fixture
async def world(make_client: Callable[..., Any]) -> tuple[TestClient, Market]:
    client = await make_client(**FAST)
    return client, await build_market(client)


async def _booking(client: TestClient, m: Market, hours: int) -> dict[str, Any]:
    return dict(await ok(await book(client, m, start=iso(slot(hours))), 201))


def _checkout_mutation(mutation_id: int, booking_id: str, **data: Any) -> dict[str, Any]:
    return {"mutation_id": mutation_id, "collection": "payment_cases", "op": "action", "name": "checkout",
            "id": booking_id, "data": {"payment_method": "pm_card_visa", **data}}


async def test_checkout_switch_refuses_and_allows_through_rest_socket_and_offline_push_alike(world):
    client, m = world
    await _put(client, m.admin, "features.retry_after_seconds", {"value": 120})
    by_rest, by_socket, by_push = [await _booking(client, m, hours) for hours in (30, 34, 38)]
    base = str(client.make_url("")).rstrip("/")
    socket = await Recorder.connect(base, m.customer.access_token, ["/"])
    device = str(uuid.uuid4())

    async def by_socket_call(booking_id: str) -> dict[str, Any]:
        return dict(await socket.client.call("payment:checkout", {"booking_id": booking_id,
                                                                 "payment_method": "pm_card_visa"},
                                             namespace="/", timeout=10))

    try:
        await _put(client, m.admin, SWITCH, {"value": False})
        rest = await client.post(f"/v1/bookings/{by_rest['id']}/checkout", headers=m.customer.headers,
                                 json={"payment_method": "pm_card_visa"})
        ack = await by_socket_call(by_socket["id"])
        pushed = (await push(client, m.customer, device, _checkout_mutation(1, by_push["id"])))["results"][0]

        problem = await rest.json()
        assert rest.status == 503 and problem["code"] == "feature_disabled"
        assert rest.headers["Retry-After"] == "120" and problem["details"]["retry_after"] == 120
        assert ack["ok"] is False and pushed["status"] == "rejected"
        assert problem["details"]["feature"] == SWITCH
        for error in (ack["error"], pushed["error"]):  # the same code, details and figure as REST
            assert error["code"] == "feature_disabled"
            assert {key: error["details"][key] for key in ("feature", "retry_after")} == {
                "feature": SWITCH, "retry_after": 120}
            assert error["details"].get("reason") == problem["details"].get("reason")
        assert await PaymentCase.all().count() == 0  # nothing was written, nothing asked of the gateway

        await _put(client, m.admin, SWITCH, {"value": True})
        rest = await client.post(f"/v1/bookings/{by_rest['id']}/checkout", headers=m.customer.headers,
                                 json={"payment_method": "pm_card_visa"})
        ack = await by_socket_call(by_socket["id"])
        answer = await push(client, m.customer, device, _checkout_mutation(2, by_push["id"]))
        pushed = answer["results"][0]

        paid = await ok(rest, 201)
        assert paid["state"] == "authorized" and paid["booking_id"] == by_rest["id"]
        assert ack["ok"] is True and ack["data"]["state"] == "authorized"
        # The ack is the REST body: what GET answers for that payment, field for field.
        assert ack["data"] == await case_of(client, m, by_socket["id"])
        assert set(ack["data"]) == set(paid)
        # Offline: the row as the push stored it, then the authorization once the push committed.
        assert pushed["status"] == "applied" and pushed["data"]["booking_id"] == by_push["id"]
        assert pushed["data"]["state"] == "authorizing"
        assert pushed["data"]["amount"] == {"amount": paid["amount"]["amount"], "currency": "USD"}
        done = await until_state(client, m, by_push["id"], "authorized")
        assert done["id"] == pushed["data"]["id"] and done["amount"] == paid["amount"]
        # The server priced it: each of the three is the booking's total, one payment each.
        for booking in (by_rest, by_socket, by_push):
            assert (await case_of(client, m, booking["id"]))["amount"] == booking["total"]
        assert await PaymentCase.all().count() == 3
        assert await FinanceOperation.filter(op=OpKind.AUTHORIZE).count() == 3
    finally:
        await socket.close()


async def test_an_offline_checkout_replayed_or_repeated_charges_once(world):
    client, m = world
    booking = await _booking(client, m, 30)
    other = await _booking(client, m, 34)
    device = str(uuid.uuid4())
    first = (await push(client, m.customer, device, _checkout_mutation(1, booking["id"])))["results"][0]
    assert first["status"] == "applied"
    case_id = first["data"]["id"]
    await until_state(client, m, booking["id"], "authorized")

    # The same mutation again (a lost response): the stored result, nothing new.
    again = (await push(client, m.customer, device, _checkout_mutation(1, booking["id"])))["results"][0]
    assert again["status"] == "duplicate" and again["data"]["id"] == case_id
    # A new mutation for the same booking (a second queued tap): the REST conflict.
    second, parts, foreign = (await push(
        client, m.customer, device, _checkout_mutation(2, booking["id"]),
        _checkout_mutation(3, other["id"], milestones=[{"title": "a", "amount": 1}]),
        _checkout_mutation(4, other["id"], amount={"amount": 1, "currency": "USD"}),
    ))["results"]
    assert second["status"] == "conflict" and second["error"]["code"] == "conflict"
    assert second["error"]["details"]["reason"] == "duplicate"
    assert second["error"]["details"]["case_id"] == case_id
    # No amount comes from the phone: milestone amounts and unknown fields are refused.
    assert parts["status"] == "rejected" and parts["error"]["code"] == "validation_failed"
    assert foreign["status"] == "rejected" and foreign["error"]["code"] == "validation_failed"
    assert await PaymentCase.filter(booking_id=booking["id"]).count() == 1
    assert await PaymentCase.filter(booking_id=other["id"]).count() == 0
    assert await FinanceOperation.filter(op=OpKind.AUTHORIZE).count() == 1

    # Someone else's booking: the same refusal as REST (404, it is not theirs to see).
    stranger = await push(client, m.outsider, str(uuid.uuid4()), _checkout_mutation(1, other["id"]))
    rest = await client.post(f"/v1/bookings/{other['id']}/checkout", headers=m.outsider.headers,
                             json={"payment_method": "pm_card_visa"})
    assert stranger["results"][0]["error"]["code"] == (await rest.json())["code"]
