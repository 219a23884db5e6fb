"""Acceptance 1: two users on different `fieldsync serve` processes sharing Redis exchange
messages with the official JavaScript socket.io-client, with python-socketio's AsyncClient,
and with both at once. Each message arrives once, in seq order, on every device of every
participant (the recipient has two: websocket and long-polling), and the sender's ack
carries the stored message."""

from __future__ import annotations

import asyncio
import secrets
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import pytest

from domain.messaging.payloads import MessageNew
from tests.support.identity import Account, register
from tests.support.messaging import make_booking, make_org, open_conversation
from tests.support.messaging_devices import Device, JsDriver, PyDevice, ensure_node_modules, wait_for_subscribers
from tests.support.server_process import module_server_processes  # noqa: F401 (fixture)

CHANNEL = f"fieldsync-socketio-msg-{secrets.token_hex(4)}"
TURNS = 8  # each side sends one message per turn
BURST = 12  # then the customer sends this many without waiting for acks


@pytest.fixture(scope="module")
def two_servers(module_server_processes):  # noqa: F811
    a = module_server_processes("msg-a", SOCKET_REDIS_CHANNEL=CHANNEL)
    b = module_server_processes("msg-b", SOCKET_REDIS_CHANNEL=CHANNEL)
    return a, b


class LazyDriver:
    """Node starts only for the cases that use the JavaScript client (they skip without it)."""

    def __init__(self) -> None:
        self.driver: JsDriver | None = None

    async def get(self) -> JsDriver:
        if self.driver is None:
            ensure_node_modules()
            self.driver = await JsDriver().start()
        return self.driver


@pytest.fixture
async def driver() -> AsyncIterator[LazyDriver]:
    lazy = LazyDriver()
    yield lazy
    if lazy.driver is not None:
        await lazy.driver.stop()


Connect = Callable[[str, Account, str], Awaitable[Device]]


def connector(kind: str, driver: LazyDriver) -> Connect:
    async def connect(url: str, account: Account, transport: str) -> Device:
        if kind == "js":
            return await (await driver.get()).connect(url, account, transport)
        return await PyDevice.connect(url, account, transport)

    return connect


@pytest.mark.parametrize(("sender_kind", "recipient_kinds"), [
    ("js", ("js", "js")),
    ("python", ("python", "python")),
    ("js", ("python", "js")),
])
async def test_users_on_two_processes_exchange_messages_delivered_once_in_order_to_every_device(
    two_servers, services, make_client, driver, sender_kind: str, recipient_kinds: tuple[str, str],
):
    a, b = two_servers
    client = await make_client()  # registers users and writes the booking in the shared database
    await wait_for_subscribers(services.redis_url, CHANNEL, 2)
    customer = await register(client, "customer")
    serviceman = await register(client, "serviceman")
    provider = await register(client, "provider")
    org_id = await make_org(provider.id, crew=(serviceman.id,))
    booking_id = await make_booking(customer.id, org_id=org_id, crew=(serviceman.id,))
    conversation_id = (await open_conversation(client, customer, kind="booking", booking_id=booking_id))["id"]

    sender = await connector(sender_kind, driver)(a.url, customer, "websocket")
    phone = await connector(recipient_kinds[0], driver)(b.url, serviceman, "websocket")
    tablet = await connector(recipient_kinds[1], driver)(b.url, serviceman, "polling")
    devices = (sender, phone, tablet)
    try:
        stored: dict[str, dict[str, Any]] = {}

        async def send(device: Device, text: str) -> None:
            ack = await device.call("message:send", {"conversation_id": conversation_id,
                                                     "client_msg_id": secrets.token_hex(8), "body": text})
            assert ack["ok"] is True, ack
            message = ack["data"]["message"]
            assert message["body"] == text and message["conversation_id"] == conversation_id
            stored[message["id"]] = message

        for turn in range(TURNS):  # a conversation: the two users take turns across the two processes
            await send(sender, f"customer {turn}: is 10:30 fine?")
            await send(phone, f"serviceman {turn}: yes, see you then")
        await asyncio.gather(*(send(sender, f"burst {n}") for n in range(BURST)))
        total = 2 * TURNS + BURST
        assert sorted(m["seq"] for m in stored.values()) == list(range(1, total + 1))

        for device in devices:
            received = [MessageNew.model_validate(await device.next_event("message:new")) for _ in range(total)]
            seqs = [event.message.seq for event in received]
            assert seqs == list(range(1, total + 1)), f"out of order or missing: {seqs}"
            for event in received:  # what arrives is exactly what the sender's ack said was stored
                assert event.message.model_dump() == stored[event.message.id] and event.cursor is not None
        await asyncio.sleep(0.3)  # an absence: a second delivery would have come by now
        assert [device.pending("message:new") for device in devices] == [0, 0, 0], "delivered more than once"
    finally:
        for device in devices:
            await device.close()
