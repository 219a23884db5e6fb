"""Notification helpers for tests: devices through the API, notification rows written the way
the notifier writes them, and the policy-matrix / IDOR requests of issue 7."""

from __future__ import annotations

import secrets
from typing import Any

from aiohttp.test_utils import TestClient
from tortoise.transactions import in_transaction

from domain.notifications import centre
from domain.notifications.models import Category, Notification
from tests.support.identity import Account


def fcm_token() -> str:
    """Shaped like an FCM registration token (about 160 characters of [A-Za-z0-9_:-])."""
    return f"{secrets.token_urlsafe(16)}:APA91b{secrets.token_urlsafe(100)}"


async def register_device(client: TestClient, who: Account, token: str | None = None, *, platform: str = "android",
                          app: str = "customer", locale: str | None = None) -> dict[str, Any]:
    body: dict[str, Any] = {"token": token or fcm_token(), "platform": platform, "app": app}
    if locale:
        body["locale"] = locale
    response = await client.post("/v1/devices", headers=who.headers, json=body)
    assert response.status == 200, await response.text()
    return dict(await response.json())


async def notify(user_id: str, *, kind: str = "bid.received", title: str = "New bid", body: str = "60.00 USD",
                 collapse_key: str | None = None, count: int = 1) -> str:
    """An in-app notification written as the notifier writes one."""
    async with in_transaction() as conn:
        row = await centre.record(centre.Entry(user_id=user_id, kind=kind, category=Category.BIDS, title=title,
                                               body=body, entity_type="bid", entity_id=secrets.token_hex(8),
                                               collapse_key=collapse_key, count=count), conn)
    return str(row.id)


async def notifications_of(client: TestClient, who: Account, **query: Any) -> dict[str, Any]:
    response = await client.get("/v1/notifications", headers=who.headers, params=query)
    assert response.status == 200, await response.text()
    return dict(await response.json())


def notification_call(method: str, path: str, body: dict[str, Any] | None = None) -> Any:
    """A policy-matrix request about the world customer's device and notification: `{token}` and
    `{nid}` in the path are made for them first."""

    async def run(client: TestClient, world: Any, who: Account | None) -> int:
        token = (await register_device(client, world.customer))["token"]
        nid = await notify(world.customer.id)
        url = path.format(w=world, token=token, nid=nid)
        response = await client.request(method, url, json=body, headers=who.headers if who else {})
        return response.status

    return run


async def victim_notifications(client: TestClient, victim: Account) -> dict[str, str]:
    """A device token and a notification of `victim`, for IDOR checks."""
    device = await register_device(client, victim)
    return {"token": device["token"], "notification_id": await notify(victim.id)}


async def notifications_state(user_id: str) -> tuple[Any, ...]:
    from domain.notifications.models import Device

    rows = await Notification.filter(user_id=user_id).order_by("id").values_list("id", "read_at", "dismissed_at",
                                                                                   "version")
    tokens = await Device.filter(user_id=user_id).order_by("token").values_list("token", flat=True)
    return tuple(rows), tuple(tokens)
