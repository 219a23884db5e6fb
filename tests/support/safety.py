"""Trust-and-safety helpers: reporting, the admin queue, decisions, waiting for the intake."""

from __future__ import annotations

from typing import Any

from aiohttp.test_utils import TestClient

from domain.safety.models import Decision, ModerationItem, PaymentHold
from tests.support.bookings import ok
from tests.support.bus import wait_until
from tests.support.identity import Account


async def report(client: TestClient, who: Account, kind: str, subject_id: str, reason: str = "scam",
                 status: int = 201, note: str = "") -> Any:
    response = await client.post("/v1/reports", headers=who.headers,
                                 json={"kind": kind, "subject_id": subject_id, "reason": reason, "note": note})
    return await ok(response, status) if status < 400 else response


async def queue(client: TestClient, admin: Account, **query: Any) -> list[dict[str, Any]]:
    response = await client.get("/v1/admin/moderation", headers=admin.headers,
                                params={k: str(v) for k, v in query.items()})
    return list((await ok(response))["items"])


async def item_of(client: TestClient, admin: Account, kind: str, subject_id: str,
                  timeout: float = 10.0) -> dict[str, Any]:
    """The queue item of a subject, once the intake (a reaction) has put it there."""
    found: dict[str, Any] = {}

    async def there() -> bool:
        for item in await queue(client, admin, kind=kind, state="all"):
            if item["subject_id"] == subject_id:
                found.update(item)
                return True
        return False

    await wait_until(there, timeout, f"the {kind} {subject_id} in the moderation queue")
    return found


async def decide(client: TestClient, admin: Account, item_id: str, action: str, reason: str = "",
                 status: int = 200, **extra: Any) -> Any:
    response = await client.post(f"/v1/admin/moderation/{item_id}/decision", headers=admin.headers,
                                 json={"action": action, "reason": reason, **extra})
    return await ok(response, status) if status < 400 else response


async def notices(client: TestClient, who: Account) -> list[dict[str, Any]]:
    return list((await ok(await client.get("/v1/notifications", headers=who.headers)))["items"])


async def victim_moderation(client: TestClient, reporter: Account, victim: Account, case_id: str) -> dict[str, str]:
    """A queue item (the victim reported) and a payment hold on the victim booking's case, for the
    IDOR check: only admins may read, assign or decide them."""
    filed = await report(client, reporter, "user", victim.id, "spam")
    hold = await PaymentHold.create(case_id=case_id, customer_id=reporter.id, rules={"first_high_value": {}})
    return {"item_id": filed["item_id"], "hold_id": str(hold.id)}


async def moderation_state() -> tuple[Any, ...]:
    items = await ModerationItem.all().order_by("id").values_list("id", "state", "assignee_id", "version")
    holds = await PaymentHold.all().order_by("id").values_list("id", "state")
    return tuple(items), tuple(holds), await Decision.all().count()


# The IDOR walk's bodies for the moderation and payment-hold routes (tests/test_access_policy.py).
MODERATION_IDOR_BODIES: dict[tuple[str, str], dict[str, Any] | None] = {
    ("GET", "/v1/admin/moderation/{item_id}"): None,
    ("POST", "/v1/admin/moderation/{item_id}/assign"): {"assignee_id": "{attacker}"},
    ("POST", "/v1/admin/moderation/{item_id}/decision"): {"action": "suspend", "reason": "pwned"},
    ("POST", "/v1/admin/payment-holds/{hold_id}/clear"): {"note": "pwned"},
}
