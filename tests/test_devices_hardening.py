"""Devices per user are capped and registrations rate-limited; device tokens never reach the
logs (issue 11, low items)."""

from __future__ import annotations

from domain.notifications.models import Device
from tests.support.identity import register
from tests.support.notifications import fcm_token, register_device


async def test_one_device_too_many_evicts_the_least_recently_seen(make_client):
    client = await make_client(devices_per_user=3)
    account = await register(client)
    tokens = [(await register_device(client, account))["token"] for _ in range(3)]
    await register_device(client, account, tokens[0])  # seen again: now the most recent
    newest = (await register_device(client, account))["token"]
    kept = set(await Device.filter(user_id=account.id).values_list("token", flat=True))
    assert kept == {tokens[0], tokens[2], newest}  # tokens[1] was seen least recently


async def test_device_registration_is_rate_limited_per_user(make_client):
    client = await make_client(device_registrations_per_hour=4)
    account = await register(client)
    statuses = []
    for _ in range(5):
        response = await client.post("/v1/devices", headers=account.headers,
                                     json={"token": fcm_token(), "platform": "android", "app": "customer"})
        statuses.append(response.status)
    assert statuses == [200] * 4 + [429]
    assert "Retry-After" in response.headers
    other = await register(client)  # per user: somebody else is not affected
    await register_device(client, other)


async def test_the_access_log_names_the_route_never_the_device_token(make_client, capfd):
    client = await make_client(log_level="INFO")
    account = await register(client)
    token = (await register_device(client, account))["token"]
    capfd.readouterr()
    assert (await client.delete(f"/v1/devices/{token}", headers=account.headers)).status == 204
    assert (await client.delete(f"/v1/devices/{token}x/y", headers=account.headers)).status == 404  # unmatched
    logged = capfd.readouterr().out
    assert "/v1/devices/{token}" in logged
    assert token not in logged and token[:40] not in logged
