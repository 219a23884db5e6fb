"""Messaging helpers for tests: the bookings, jobs and bids conversations are about (written
straight to the database: call after make_client, whose app initialises Tortoise), and
socket clients that record /messaging events."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import socketio
from aiohttp.test_utils import TestClient
from tortoise.expressions import F

from domain.accounts.models import Membership, MembershipStatus, Organisation, OrgRole
from domain.bookings.models import Assignment, Booking, BookingKind
from domain.jobs.models import Bid, Job
from domain.shared.clock import utcnow
from tests.support.identity import Account, register
from tests.support.socket_clients import Recorder

ACCEPTED = MembershipStatus.ACCEPTED  # fixtures: crews as if each member had accepted

NS = "/messaging"
EVENTS = ("message:new", "message:read", "typing", "message:flagged")
CATEGORY = "plumbing.leak-repair"  # seeded reference data


async def make_org(owner_id: str, *, managers: tuple[str, ...] = (), crew: tuple[str, ...] = ()) -> str:
    org = await Organisation.create(name=f"Pipes {secrets.token_hex(2)}", owner_id=owner_id)
    await Membership.create(organisation=org, user_id=owner_id, role=OrgRole.OWNER, status=ACCEPTED)
    for user_id in managers:
        await Membership.create(organisation=org, user_id=user_id, role=OrgRole.MANAGER, status=ACCEPTED)
    for user_id in crew:
        await Membership.create(organisation=org, user_id=user_id, role=OrgRole.SERVICEMAN, status=ACCEPTED)
    return str(org.id)


async def make_booking(customer_id: str, *, org_id: str | None = None, crew: tuple[str, ...] = (),
                       job_id: str | None = None) -> str:
    booking = await Booking.create(
        customer_id=customer_id, kind=BookingKind.ON_DEMAND, organisation_id=org_id, job_id=job_id, currency="USD",
        price_amount=8000, commission_amount=800, tax_amount=0, total_amount=8800,
    )
    for index, user_id in enumerate(crew):
        await Assignment.create(booking=booking, serviceman_id=user_id, lead=index == 0)
    return str(booking.id)


async def assign(booking_id: str, serviceman_id: str) -> None:
    """Add to the crew as domain/bookings/transitions.assign does: the booking's version moves."""
    await Assignment.create(booking_id=booking_id, serviceman_id=serviceman_id)
    await Booking.filter(id=booking_id).update(version=F("version") + 1)


async def make_job(customer_id: str, *bidders: str) -> str:
    job = await Job.create(
        customer_id=customer_id, title="Leaking pipe", description="Under the sink", category_id=CATEGORY,
        lat=52.52, lng=13.40, currency="USD", budget_min=5000, budget_max=15000,
        expires_at=utcnow() + timedelta(days=7),
    )
    for user_id in bidders:
        await Bid.create(job=job, serviceman_id=user_id, amount=9000, currency="USD")
    return str(job.id)


async def open_conversation(client: TestClient, who: Account, **body: Any) -> dict[str, Any]:
    response = await client.post("/v1/conversations", headers=who.headers, json=body)
    assert response.status == 200, await response.text()
    return dict(await response.json())


@dataclass
class BookingChat:
    """A booking's conversation: its customer, the provider's manager and the serviceman on it."""

    customer: Account
    serviceman: Account
    manager: Account
    booking_id: str
    conversation_id: str


async def booking_chat(client: TestClient) -> BookingChat:
    """Three new accounts, a provider with the serviceman as crew, a booking, its conversation."""
    customer = await register(client, "customer")
    serviceman = await register(client, "serviceman")
    manager = await register(client, "provider")
    org_id = await make_org(manager.id, crew=(serviceman.id,))
    booking_id = await make_booking(customer.id, org_id=org_id, crew=(serviceman.id,))
    conversation = await open_conversation(client, customer, kind="booking", booking_id=booking_id)
    return BookingChat(customer, serviceman, manager, booking_id, conversation["id"])


async def send_rest(client: TestClient, who: Account, conversation_id: str, body: str,
                    client_msg_id: str | None = None) -> dict[str, Any]:
    response = await client.post(f"/v1/conversations/{conversation_id}/messages", headers=who.headers,
                                 json={"client_msg_id": client_msg_id or secrets.token_hex(8), "body": body})
    assert response.status == 201, await response.text()
    return dict(await response.json())


async def victim_conversation(client: TestClient, victim: Account) -> dict[str, str]:
    """Ids of a support conversation of `victim` with one message, for IDOR checks."""
    conversation = await open_conversation(client, victim, kind="support")
    message = await send_rest(client, victim, conversation["id"], "hello support")
    return {"conversation_id": conversation["id"], "message_id": message["id"]}


async def messaging_client(url: str, account: Account, transport: str = "websocket") -> Recorder:
    return await Recorder.connect(url, account.access_token, [NS], EVENTS, transport=transport)


async def emit(recorder: Recorder, event: str, payload: Any, timeout: float = 10.0) -> Any:
    """Emit with an ack and return the ack."""
    client: socketio.AsyncClient = recorder.client
    return await client.call(event, payload, namespace=NS, timeout=timeout)


def conversation_call(method: str, path: str, body: dict[str, Any] | None = None) -> Any:
    """A policy-matrix request about the world customer's support conversation: `{cid}` in the
    path is its id (opened, or found, first), `{w.<member>}` names world members."""

    async def run(client: TestClient, world: Any, who: Account | None) -> int:
        cid = (await open_conversation(client, world.customer, kind="support"))["id"]
        url = path.format(w=world, cid=cid)
        data = {k: (v.format(w=world) if isinstance(v, str) else v) for k, v in body.items()} if body else None
        if data is not None and "client_msg_id" in data:
            data["client_msg_id"] = secrets.token_hex(8)
        response = await client.request(method, url, json=data, headers=who.headers if who else {})
        return response.status

    return run
