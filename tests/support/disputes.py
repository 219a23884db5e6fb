"""Disputes for the tests: a paid booking brought to `release_pending` (or held), a dispute
opened on it, the service from the app, and the calls of the policy matrix."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

from aiohttp.test_utils import TestClient

from app.bootstrap import CONTAINER
from domain.bookings.models import Booking
from domain.disputes.models import Dispute, DisputeEntry, DisputeState, EntryKind, Side
from domain.disputes.service import DisputeService
from domain.media.models import Upload
from domain.shared.clock import utcnow
from tests.support.bookings import Market, book, ok
from tests.support.identity import Account
from tests.support.payments import checkout, run_to, until_state


def disputes_of(client: TestClient) -> DisputeService:
    return client.server.app[CONTAINER].disputes  # type: ignore[no-any-return]


async def paid_booking(client: TestClient, m: Market, *, complete: bool = True) -> tuple[dict[str, Any], str]:
    """A booking whose payment is captured (and, with `complete`, waiting for its release)."""
    booking = await ok(await book(client, m), 201)
    case_id = (await checkout(client, m, booking))["id"]
    await run_to(client, m, booking, "accept")
    await until_state(client, m, booking["id"], "held")
    if complete:
        await run_to(client, m, booking, "schedule", "start", "complete")
        await until_state(client, m, booking["id"], "release_pending")
    return booking, case_id


async def open_dispute(client: TestClient, who: Account, booking_id: str, amount: int = 1000,
                       status: int = 201, **extra: Any) -> Any:
    body = {"reason": "poor_quality", "description": "The tap still leaks.",
            "claimed": {"amount": amount, "currency": "USD"}, **extra}
    response = await client.post(f"/v1/bookings/{booking_id}/disputes", json=body, headers=who.headers)
    return await ok(response, status)


async def add_entry(client: TestClient, who: Account, dispute_id: str, status: int = 201, **body: Any) -> Any:
    response = await client.post(f"/v1/disputes/{dispute_id}/entries", json={"body": "see photo", **body},
                                 headers=who.headers)
    return await ok(response, status)


async def get_dispute(client: TestClient, who: Account, dispute_id: str, status: int = 200) -> Any:
    return await ok(await client.get(f"/v1/disputes/{dispute_id}", headers=who.headers), status)


async def world_dispute_id(client: TestClient, world: Any) -> str:
    """The dispute the world's customer opened on the world booking (the matrix opens it)."""
    response = await client.get(f"/v1/bookings/{world.booking_id}/disputes", headers=world.customer.headers)
    found = (await ok(response))["disputes"]
    assert found, "the DISPUTE_OPEN case runs first"
    return str(found[0]["id"])


def dispute_call(method: str, suffix: str, body: dict[str, Any] | None = None) -> Callable:
    """`method /v1/disputes/{the world dispute}{suffix}`."""

    async def run(client: TestClient, world: Any, who: Account | None) -> int:
        dispute_id = await world_dispute_id(client, world)
        response = await client.request(method, f"/v1/disputes/{dispute_id}{suffix}", json=body,
                                        headers=who.headers if who else {})
        return response.status

    return run


async def victim_dispute(booking_id: str, case_id: str) -> str:
    """A dispute of the booking's customer with an open offer from the provider (entry 2), written
    straight to the database (the IDOR test's victim: the payment need not be captured)."""
    booking = await Booking.get(id=booking_id)
    dispute = await Dispute.create(
        booking_id=booking.id, case_id=case_id, customer_id=booking.customer_id,
        organisation_id=booking.organisation_id, opened_by_id=booking.customer_id, opener_side=Side.CUSTOMER,
        reason="damage", category="damage", description="victim's", currency=booking.currency, claimed_amount=100,
        state=DisputeState.NEGOTIATING, open_key=f"{booking.id}:{booking.customer_id}", last_seq=2,
        open_offer_seq=2, due_at=utcnow() + timedelta(days=3))
    await DisputeEntry.create(dispute=dispute, seq=1, kind=EntryKind.STATUS, author_id=booking.customer_id,
                              author_side=Side.CUSTOMER, body="victim's")
    await DisputeEntry.create(dispute=dispute, seq=2, kind=EntryKind.OFFER, author_id=None,
                              author_side=Side.PROVIDER, amount=50)
    return str(dispute.id)


async def victim_evidence(dispute_id: str, upload_id: str) -> None:
    """The upload becomes its owner's shared evidence on the dispute (entry 3), as attaching does."""
    upload = await Upload.get(id=upload_id)
    entry = await DisputeEntry.create(dispute_id=dispute_id, seq=3, kind=EntryKind.EVIDENCE,
                                      author_id=upload.owner_id, author_side=Side.PROVIDER, upload_ids=[upload_id])
    await Dispute.filter(id=dispute_id).update(last_seq=3)
    await Upload.filter(id=upload_id).update(attached_to=f"dispute_entry:{entry.id}", attached_at=utcnow())


async def dispute_state(booking_id: str) -> list[tuple[Any, ...]]:
    rows = await Dispute.filter(booking_id=booking_id).order_by("created_at").values_list(
        "state", "last_seq", "version", "assignee_id", "open_offer_seq")
    entries = await DisputeEntry.filter(dispute__booking_id=booking_id).count()
    return [*rows, ("entries", entries)]


# The IDOR walk's bodies for the dispute routes (tests/test_access_policy.py).
DISPUTE_IDOR_BODIES: dict[tuple[str, str], dict[str, Any] | None] = {
    ("POST", "/v1/bookings/{booking_id}/disputes"): {
        "reason": "damage", "description": "pwned", "claimed": {"amount": 1, "currency": "USD"}},
    ("GET", "/v1/bookings/{booking_id}/disputes"): None,
    ("GET", "/v1/disputes/{dispute_id}"): None,
    ("GET", "/v1/disputes/{dispute_id}/entries"): None,
    ("POST", "/v1/disputes/{dispute_id}/entries"): {"body": "pwned"},
    ("POST", "/v1/disputes/{dispute_id}/offers"): {"refund": {"amount": 1, "currency": "USD"}},
    ("POST", "/v1/disputes/{dispute_id}/offer/accept"): {"seq": 2},
    ("POST", "/v1/disputes/{dispute_id}/offer/decline"): {"seq": 2},
    ("POST", "/v1/disputes/{dispute_id}/escalate"): None,
    ("POST", "/v1/disputes/{dispute_id}/withdraw"): None,
    ("POST", "/v1/disputes/{dispute_id}/decision"): {"outcome": "refund", "reason": "pwned"},
    ("POST", "/v1/admin/disputes/{dispute_id}/assign"): {"assignee_id": "{attacker}"},
}
