"""Real `fieldsync serve` processes: fan-out through Redis between processes, and SIGTERM
with clients connected."""

from __future__ import annotations

import asyncio
import json
import secrets
import time
import uuid

import pytest

from realtime.fanout import write_only_emitter
from realtime.rooms import user_room
from realtime.server import EMITTER
from tests.conftest import app_of
from tests.support.messaging_devices import wait_for_subscribers
from tests.support.server_process import module_server_processes, server_processes  # noqa: F401 (fixtures)
from tests.support.socket_clients import Recorder, signer_for

# Transport tests emit made-up events (probes): not server events of the AsyncAPI contract.
pytestmark = pytest.mark.off_contract_emits

CHANNEL = f"fieldsync-socketio-test-{secrets.token_hex(4)}"  # this module's own pub/sub channel


@pytest.fixture(scope="module")
def two_servers(module_server_processes):  # noqa: F811
    a = module_server_processes("server-a", SOCKET_REDIS_CHANNEL=CHANNEL)
    b = module_server_processes("server-b", SOCKET_REDIS_CHANNEL=CHANNEL)
    return a, b


@pytest.fixture
async def signer(settings_factory):
    return signer_for(settings_factory())


async def test_an_emit_from_another_process_reaches_the_users_sockets_on_every_server(two_servers, services,
                                                                                      signer):
    a, b = two_servers
    await wait_for_subscribers(services.redis_url, CHANNEL, 2)
    user_id, stranger_id = f"u-{uuid.uuid4()}", f"u-{uuid.uuid4()}"
    on_a = await Recorder.connect(a.url, signer.issue_access(user_id, ["customer"]), ["/", "/feed"], ["probe"])
    on_b = await Recorder.connect(b.url, signer.issue_access(user_id, ["customer"]), ["/feed"], ["probe"],
                                  transport="polling")
    stranger = await Recorder.connect(b.url, signer.issue_access(stranger_id, ["customer"]), ["/feed"], ["probe"])
    emitter = write_only_emitter(services.redis_url, CHANNEL)
    try:
        await emitter.emit_to_user("/feed", user_id, "probe", {"n": 1})
        assert await on_a.next_event("/feed", "probe") == {"n": 1}
        assert await on_b.next_event("/feed", "probe") == {"n": 1}
        # Delivered once each, only on the namespace and to the user it was meant for.
        await emitter.emit_to_user("/feed", stranger_id, "probe", {"n": 2})
        assert await stranger.next_event("/feed", "probe") == {"n": 2}
        assert on_a.pending("/feed", "probe") == on_b.pending("/feed", "probe") == 0
        assert on_a.pending("/", "probe") == 0
    finally:
        await emitter.aclose()
        for recorder in (on_a, on_b, stranger):
            await recorder.close()


async def test_an_emit_on_one_server_reaches_a_client_of_another_server(two_servers, services, signer,
                                                                        make_client):
    """The emitting side is a third server process: this test process, running the app built
    by the same composition root, emitting through the app's own RealtimeEmitter."""
    _a, b = two_servers
    here = await make_client(socket_redis_channel=CHANNEL)
    await wait_for_subscribers(services.redis_url, CHANNEL, 3)
    user_id = f"u-{uuid.uuid4()}"
    token = signer.issue_access(user_id, ["provider"])
    on_b = await Recorder.connect(b.url, token, ["/messaging"], ["probe"])
    on_here = await Recorder.connect(str(here.make_url("")).rstrip("/"), token, ["/messaging"], ["probe"])
    try:
        await app_of(here)[EMITTER].emit_to_user("/messaging", user_id, "probe", {"from": "here"})
        assert await on_b.next_event("/messaging", "probe") == {"from": "here"}
        assert await on_here.next_event("/messaging", "probe") == {"from": "here"}
    finally:
        await on_b.close()
        await on_here.close()


async def test_a_batch_of_emits_reaches_each_users_sockets_here_and_on_another_server_in_order(
        two_servers, services, signer, make_client):
    """`emit_each` (a feed item per recipient) publishes in pipelines: the same delivery as one
    emit each, on this process and through Redis on the others."""
    _a, b = two_servers
    here = await make_client(socket_redis_channel=CHANNEL)
    await wait_for_subscribers(services.redis_url, CHANNEL, 3)
    there_id, here_id = f"u-{uuid.uuid4()}", f"u-{uuid.uuid4()}"
    on_b = await Recorder.connect(b.url, signer.issue_access(there_id, ["provider"]), ["/messaging"], ["probe"])
    on_here = await Recorder.connect(str(here.make_url("")).rstrip("/"), signer.issue_access(here_id, ["provider"]),
                                     ["/messaging"], ["probe"])
    try:
        batch = [([user_room(there_id)], {"n": 1}), ([user_room(here_id)], {"n": 2}), ([user_room(there_id)], {"n": 3})]
        await app_of(here)[EMITTER].emit_each("/messaging", "probe", batch)
        assert [await on_b.next_event("/messaging", "probe") for _ in range(2)] == [{"n": 1}, {"n": 3}]
        assert await on_here.next_event("/messaging", "probe") == {"n": 2}
        assert on_b.pending("/messaging", "probe") == on_here.pending("/messaging", "probe") == 0
    finally:
        await on_b.close()
        await on_here.close()


async def test_sigterm_closes_sockets_cleanly_and_exits_zero_within_the_grace_period(server_processes,  # noqa: F811
                                                                                     signer):
    grace = 5
    server = server_processes("server-stop", SHUTDOWN_GRACE_SECONDS=grace)
    token = signer.issue_access(f"u-{uuid.uuid4()}", ["customer"])
    over_ws = await Recorder.connect(server.url, token, ["/", "/feed", "/messaging"])
    over_polling = await Recorder.connect(server.url, token, ["/presence", "/disputes"], transport="polling")
    # A polling client collects the server's CLOSE with its pending GET; one caught between two
    # polls finds the listener gone (a transport error: inherent to long-polling). Let it settle.
    await asyncio.sleep(0.5)

    started = time.monotonic()
    server.terminate()
    returncode = await asyncio.to_thread(server.wait, grace + 5)
    elapsed = time.monotonic() - started

    assert returncode == 0, server.log_tail()
    assert elapsed < grace, f"took {elapsed:.1f}s"
    # Every namespace saw a disconnect the server announced, not a broken transport.
    for recorder, namespaces in ((over_ws, ["/", "/feed", "/messaging"]), (over_polling, ["/presence", "/disputes"])):
        for namespace in namespaces:
            reason = await recorder.next_disconnect(namespace, timeout=2)
            assert reason == recorder.client.reason.SERVER_DISCONNECT, (namespace, reason)
    lines = [json.loads(line) for line in server.log_text().splitlines() if line.startswith("{")]
    closed = [line for line in lines if line.get("event") == "sockets_closed"]
    assert [(line["closed"], line["abandoned"]) for line in closed] == [(2, 0)]
    # The websocket session is detached from aiohttp (realtime/ws_session.py) and keeps reading
    # during shutdown: the client's own close after our CLOSE packet may end it before the
    # close frames go out (0), else the server's 1001 does (1).
    assert closed[0]["websockets"] in (0, 1)


async def test_the_server_process_helper_reports_a_failed_start(services, database_url, workdir):
    from tests.support.server_process import ServerProcess, server_env

    broken = ServerProcess(workdir, server_env(services, database_url, JWT_SIGNING_KEYS="short:key"), name="broken")
    with pytest.raises(RuntimeError, match="exited with 2"):
        broken.start(timeout=20)
    assert broken.returncode == 2
    assert "JWT_SIGNING_KEYS" in broken.log_text()


async def test_a_server_whose_free_port_was_taken_meanwhile_starts_on_another(services, database_url, workdir):
    """free_port() names a port that was free a moment ago; under a loaded suite another
    process can bind it first. The helper then starts the child on a new port."""
    import socket

    from tests.support.server_process import ServerProcess, server_env

    server = ServerProcess(workdir, server_env(services, database_url), name="raced")
    taken = server.port
    with socket.socket() as squatter:  # what took the port between free_port() and the child's bind
        squatter.bind(("127.0.0.1", taken))
        squatter.listen()
        try:
            server.start(timeout=20)
            assert server.port != taken
            assert server.returncode is None
        finally:
            server.stop()
