"""Revocation reaches sockets: a revoked token cannot connect, and revoking a session or a
user disconnects the live sockets concerned; also, /readyz notices a dead Redis listener."""

from __future__ import annotations

import asyncio
import uuid

from domain.accounts.revocation import Revocation
from realtime.server import REALTIME_DEPS, SIO
from tests.conftest import app_of
from tests.support.socket_clients import Recorder, signer_for, try_connect
from tests.support.waiting import wait_for_value


async def test_revocation_disconnects_the_sockets_concerned_and_refuses_the_token(make_client, settings_factory):
    client = await make_client()
    url = str(client.make_url("")).rstrip("/")
    store = app_of(client)[REALTIME_DEPS].revocations
    assert store is not None
    signer = signer_for(settings_factory())
    user_id = f"u-{uuid.uuid4()}"
    # Session ids are unique, as the server's are: a revocation outlives the test in Redis.
    phone_id, tablet_id = f"phone-{uuid.uuid4()}", f"tablet-{uuid.uuid4()}"
    phone_token = signer.issue_access(user_id, ["customer"], session_id=phone_id)
    tablet_token = signer.issue_access(user_id, ["customer"], session_id=tablet_id)
    phone = await Recorder.connect(url, phone_token, ["/", "/messaging"])
    tablet = await Recorder.connect(url, tablet_token, ["/", "/messaging"])
    bystander = await Recorder.connect(url, signer.issue_access(f"u-{uuid.uuid4()}", []), ["/messaging"])
    try:
        # Logging out one session closes that session's sockets only.
        await store.revoke(Revocation(user_id=user_id, session_id=phone_id))
        for namespace in ("/", "/messaging"):
            assert await phone.next_disconnect(namespace) == phone.client.reason.SERVER_DISCONNECT
        assert tablet.client.connected
        refused = await try_connect(url, "/", auth={"token": phone_token})
        assert refused.connect_errors[0]["code"] == "unauthorized"

        # Logging out everywhere closes the rest; a token issued afterwards works.
        await store.revoke(Revocation(user_id=user_id))
        for namespace in ("/", "/messaging"):
            await tablet.next_disconnect(namespace)
        assert not (await try_connect(url, "/", auth={"token": tablet_token})).connected
        await asyncio.sleep(0.005)  # revocation marks have millisecond resolution
        fresh = signer.issue_access(user_id, ["customer"], session_id=f"phone-{uuid.uuid4()}")
        assert (await try_connect(url, "/messaging", auth={"token": fresh})).connected
        assert bystander.client.connected
    finally:
        for recorder in (phone, tablet, bystander):
            await recorder.close()


async def test_readiness_reports_a_dead_socket_redis_listener_and_restarts_it(make_client):
    client = await make_client()
    assert await _listener_state(client) == "ok"

    listener = app_of(client)[SIO].manager.thread
    listener.cancel()
    await asyncio.gather(listener, return_exceptions=True)
    degraded = await client.get("/readyz")
    assert degraded.status == 200  # a degraded dependency, reported, not fatal
    assert (await degraded.json())["dependencies"]["socketio_redis"] == "down"
    assert await _listener_state(client) == "ok"  # the probe started the listener again


async def test_a_revocation_missed_while_the_listener_was_away_is_caught_up(make_client, settings_factory, services):
    from redis.asyncio import Redis

    client = await make_client()
    url = str(client.make_url("")).rstrip("/")
    store = app_of(client)[REALTIME_DEPS].revocations
    assert store is not None
    signer = signer_for(settings_factory())
    user_id = f"u-{uuid.uuid4()}"
    old = await Recorder.connect(url, signer.issue_access(user_id, ["customer"], session_id=f"s-{uuid.uuid4()}"),
                                ["/messaging"])
    redis = Redis.from_url(services.redis_url)
    try:
        # Cut the pub/sub connections (as a Redis restart or a network blip does) and revoke
        # before the listener is back: the broadcast reaches nobody in this process.
        await redis.execute_command("CLIENT", "KILL", "TYPE", "pubsub")
        await store.revoke(Revocation(user_id=user_id))
        await asyncio.sleep(0.005)  # revocation marks have millisecond resolution
        # A login after the revocation must survive its replay.
        fresh = await Recorder.connect(url, signer.issue_access(user_id, ["customer"], session_id=f"s-{uuid.uuid4()}"),
                                       ["/messaging"])
        assert await old.next_disconnect("/messaging", timeout=10) == old.client.reason.SERVER_DISCONNECT
        await asyncio.sleep(0.3)  # an absence: a replayed revocation would have closed it by now
        assert fresh.client.connected
        await fresh.close()
    finally:
        await old.close()
        await redis.aclose()


async def _listener_state(client, settle: float = 5.0) -> str:
    """What /readyz says of the listener: "ok" within `settle` seconds, or the wait fails."""
    async def state() -> str:
        response = await client.get("/readyz")
        assert response.status == 200
        return str((await response.json())["dependencies"]["socketio_redis"])

    return await wait_for_value(state, lambda seen: seen == "ok", settle, "the listener subscribed")
