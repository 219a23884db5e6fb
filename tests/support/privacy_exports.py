"""Data-subject export helpers for tests (issue 18): ask for an export, wait for the job, read
the bundle through its link; the policy matrix's and the IDOR walk's pieces."""

from __future__ import annotations

import json
from typing import Any

from aiohttp.test_utils import TestClient

from domain.notifications.models import Notification
from tests.support.identity import Account
from tests.support.media import fetch
from tests.support.waiting import wait_for_value


async def request_export(client: TestClient, who: Account) -> dict[str, Any]:
    response = await client.post("/v1/me/exports", headers=who.headers)
    assert response.status == 202, await response.text()
    return dict(await response.json())


async def wait_ready(client: TestClient, who: Account, export_id: str, timeout: float = 30.0) -> dict[str, Any]:
    """Poll until the job built it (the app runs the job every PRIVACY_EXPORT_INTERVAL_SECONDS)."""
    async def read() -> dict[str, Any]:
        view = dict(await (await client.get(f"/v1/me/exports/{export_id}", headers=who.headers)).json())
        assert view["state"] in ("requested", "building", "ready"), view
        return view

    return await wait_for_value(read, lambda view: view["state"] == "ready", timeout, "the export to be ready")


async def download(client: TestClient, who: Account, export_id: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """(the signed link, the bundle it reads)."""
    link = await client.get(f"/v1/me/exports/{export_id}/download", headers=who.headers)
    assert link.status == 200, await link.text()
    signed = dict(await link.json())
    status, data = await fetch(client, signed["url"])
    assert status == 200, data[:200]
    return signed, dict(json.loads(data))


async def settled_export(client: TestClient, who: Account, export_id: str) -> None:
    """Wait for the export's job and its `privacy.export_ready` notification: the victim's own
    background work, which must not land in the middle of a before/after comparison."""
    await wait_ready(client, who, export_id)

    async def notified() -> bool:
        return bool(await Notification.filter(user_id=who.id, kind="privacy.export_ready").exists())

    await wait_for_value(notified, bool, 30.0, "the export-ready notification")


_EXPORTS: dict[int, str] = {}  # world -> the serviceman's export (made on first use)


async def victim_export(client: TestClient, victim: Account) -> dict[str, str]:
    """Path ids of an export of `victim` (still requested: its reads must refuse strangers)."""
    return {"export_id": (await request_export(client, victim))["id"], "region": "unset"}


def export_call() -> Any:
    """For the policy matrix: read the serviceman's export."""

    async def run(client: TestClient, world: Any, who: Account | None) -> int:
        if id(world) not in _EXPORTS:
            _EXPORTS[id(world)] = (await victim_export(client, world.serviceman))["export_id"]
        response = await client.get(f"/v1/me/exports/{_EXPORTS[id(world)]}", headers=who.headers if who else {})
        return int(response.status)

    return run


# The IDOR walk's routes (tests/test_access_policy.py); the local store's file needs a signature.
EXPORT_IDOR_BODIES: dict[tuple[str, str], dict[str, Any] | None] = {
    ("GET", "/v1/me/exports/{export_id}"): None,
    ("GET", "/v1/me/exports/{export_id}/download"): None,
    ("GET", "/v1/files/exports/{region}/{name}"): None,
}
