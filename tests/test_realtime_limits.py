"""Issue 11 (low): new Engine.IO connections are limited per client address, and a user's
sockets per namespace are capped: the newest connection wins, the oldest is told why."""

from __future__ import annotations

import uuid

from redis.asyncio import Redis

from tests.support.socket_clients import Recorder, signer_for, try_connect

EVICTED = "socket:evicted"


def _url(client) -> str:
    return str(client.make_url("")).rstrip("/")


async def _forget_handshakes(redis_url: str) -> None:
    """Every test connects from 127.0.0.1: start this one with a fresh count."""
    redis = Redis.from_url(redis_url)
    try:
        async for key in redis.scan_iter(match="*eio:127.0.0.1*"):
            await redis.delete(key)
    finally:
        await redis.aclose()


async def test_handshakes_beyond_the_limit_get_429_with_a_reason(make_client, settings_factory, services):
    await _forget_handshakes(services.redis_url)
    client = await make_client(socket_handshakes_per_minute=3)
    signer = signer_for(settings_factory())
    url = _url(client)
    token = signer.issue_access(f"u-{uuid.uuid4()}", ["customer"])
    # A long-polling socket: its polls and its upgrade carry its sid and do not count.
    open_socket = await Recorder.connect(url, token, ["/messaging"], transport="polling")
    try:
        for _ in range(2):
            assert (await try_connect(url, "/", auth={"token": token})).connected

        refused = await client.get("/socket.io/", params={"EIO": "4", "transport": "polling"})
        assert refused.status == 429
        assert int(refused.headers["Retry-After"]) >= 1
        body = await refused.json()
        assert body["code"] == "rate_limited" and body["message"] and body["details"]["retry_after"] >= 1
        for transport in ("websocket", "polling"):
            assert not (await try_connect(url, "/", auth={"token": token}, transport=transport)).connected

        answer = await open_socket.client.call("message:send", {}, namespace="/messaging", timeout=5)
        assert answer["error"]["code"] == "validation_failed"  # the open socket is still served
    finally:
        await open_socket.close()
        await _forget_handshakes(services.redis_url)


async def test_a_users_newest_socket_wins_and_the_oldest_is_told_why(make_client, settings_factory):
    client = await make_client(socket_max_per_user=2)
    signer = signer_for(settings_factory())
    url = _url(client)
    user_id = f"u-{uuid.uuid4()}"
    devices = [await Recorder.connect(url, signer.issue_access(user_id, ["customer"]), ["/messaging"], [EVICTED])
               for _ in range(2)]
    other = await Recorder.connect(url, signer.issue_access(f"u-{uuid.uuid4()}", ["customer"]), ["/messaging"],
                                   [EVICTED])
    try:
        devices.append(await Recorder.connect(url, signer.issue_access(user_id, ["customer"]), ["/messaging"],
                                              [EVICTED]))
        evicted = await devices[0].next_event("/messaging", EVICTED)
        assert evicted["code"] == "too_many_sockets" and evicted["message"]
        assert await devices[0].next_disconnect("/messaging") == devices[0].client.reason.SERVER_DISCONNECT
        for device in (*devices[1:], other):
            assert device.client.connected and device.pending("/messaging", EVICTED) == 0
    finally:
        for device in (*devices, other):
            await device.close()
