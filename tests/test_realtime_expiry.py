"""Issue 11 item 6: a socket's authority ends with its access token. At `exp` the server says
`auth:expired {code: "token_expired"}` and disconnects; before it, `auth:refresh {token}`
moves the deadline; an event that races the deadline is refused `token_expired`."""

from __future__ import annotations

import asyncio
import uuid

import pytest

from domain.accounts.tokens import TokenSigner
from realtime.server import SIO
from tests.conftest import app_of
from tests.support.socket_clients import Recorder, signer_for
from tests.support.waiting import wait_until

EXPIRED = "auth:expired"


@pytest.fixture
async def server(make_client, settings_factory):
    client = await make_client()
    signer = signer_for(settings_factory())
    short = TokenSigner(signer._keys, "k1", 2)  # tokens that expire 2 s after issue
    return client, signer, short


def _url(client) -> str:
    return str(client.make_url("")).rstrip("/")


async def test_at_exp_the_server_says_why_and_disconnects(server):
    client, _signer, short = server
    user_id = f"u-{uuid.uuid4()}"
    socket = await Recorder.connect(_url(client), short.issue_access(user_id, ["customer"]), ["/", "/messaging"],
                                    [EXPIRED])
    try:
        for namespace in ("/", "/messaging"):
            expired = await socket.next_event(namespace, EXPIRED, timeout=6)
            assert expired["code"] == "token_expired" and expired["message"]
            # A server disconnect: the client refreshes and connects again, not on its own.
            assert await socket.next_disconnect(namespace) == socket.client.reason.SERVER_DISCONNECT
    finally:
        await socket.close()


async def test_auth_refresh_keeps_the_socket_past_the_first_token(server):
    client, signer, short = server
    user_id = f"u-{uuid.uuid4()}"
    socket = await Recorder.connect(_url(client), short.issue_access(user_id, ["customer"]), ["/", "/messaging"],
                                    [EXPIRED])
    try:
        ack = await socket.client.call("auth:refresh", {"token": signer.issue_access(user_id, ["customer"])},
                                       namespace="/messaging", timeout=5)
        assert ack["ok"], ack
        assert ack["data"]["expires_at"]
        # Refused: another user's token, an expired one, garbage. The socket keeps its own.
        other = await socket.client.call("auth:refresh", {"token": signer.issue_access("u-other", ["admin"])},
                                         namespace="/messaging", timeout=5)
        assert other["error"]["code"] == "forbidden"
        stale = TokenSigner(signer._keys, "k1", -60).issue_access(user_id, ["customer"])
        expired = await socket.client.call("auth:refresh", {"token": stale}, namespace="/messaging", timeout=5)
        assert expired["error"]["code"] == "unauthorized"
        malformed = await socket.client.call("auth:refresh", {"token": 42}, namespace="/messaging", timeout=5)
        assert malformed["error"]["code"] == "validation_failed"

        # "/" was not refreshed: it ends with its token; "/messaging" carries on.
        await socket.next_event("/", EXPIRED, timeout=6)
        await socket.next_disconnect("/")
        # An absence: both namespaces' timers were set for the same `exp`, and "/" has fired.
        await asyncio.sleep(0.3)
        assert socket.pending("/messaging", EXPIRED) == 0
        answer = await socket.client.call("message:send", {}, namespace="/messaging", timeout=5)
        assert answer["error"]["code"] == "validation_failed"  # served, not token_expired
    finally:
        await socket.close()


async def test_an_event_that_races_the_deadline_is_refused_token_expired(server):
    client, _signer, short = server
    socket = await Recorder.connect(_url(client), short.issue_access(f"u-{uuid.uuid4()}", ["customer"]),
                                    ["/messaging"], [EXPIRED])
    try:
        # Hold the deadline's timer back, as a loaded event loop might, and send after `exp`.
        namespace = app_of(client)[SIO].namespace_handlers["/messaging"]
        sid = socket.client.get_sid("/messaging")
        namespace._deadlines.hold(sid)
        await wait_until(lambda: namespace._deadlines.expired(sid), 5, "the token's exp")
        answer = await socket.client.call("message:send", {}, namespace="/messaging", timeout=5)
        assert answer == {"ok": False, "error": {"code": "token_expired", "message": answer["error"]["message"]}}
        assert socket.client.connected
    finally:
        await socket.close()
