"""Every namespace authenticates on connect, over websocket and over long-polling."""

from __future__ import annotations

import uuid

import jwt
import orjson
import pytest
from prometheus_client.parser import text_string_to_metric_families

from domain.accounts.tokens import TokenSigner
from realtime.namespaces import NAMESPACES
from realtime.server import EMITTER
from tests.conftest import app_of
from tests.support.socket_clients import Recorder, signer_for, try_connect

# Transport tests emit made-up events (probes): not server events of the AsyncAPI contract.
pytestmark = pytest.mark.off_contract_emits

TRANSPORTS = ("websocket", "polling")


@pytest.fixture
async def server(make_client, settings_factory):
    client = await make_client()
    return client, signer_for(settings_factory())


def _url(client) -> str:
    return str(client.make_url("")).rstrip("/")


@pytest.mark.parametrize("transport", TRANSPORTS)
@pytest.mark.parametrize("namespace", NAMESPACES)
async def test_connect_needs_a_valid_access_token(server, namespace, transport):
    client, signer = server
    url = _url(client)
    settings_keys = {"k1": "c" * 40}
    bad_tokens = {
        "missing": None,
        "not a dict": "just-a-string",
        "no token": {},
        "garbage": {"token": "not.a.jwt"},
        "another key": {"token": TokenSigner(settings_keys, "k1", 900).issue_access("u-1", ["customer"])},
        "expired": {"token": TokenSigner(signer._keys, "k1", -60).issue_access("u-1", ["customer"])},
        "alg none": {"token": jwt.encode(_claims_of(signer), None, algorithm="none", headers={"kid": "k1"})},
        "tampered payload": {"token": _tampered(signer.issue_access("u-1", ["customer"]))},
    }
    for case, auth in bad_tokens.items():
        attempt = await try_connect(url, namespace, auth=auth, transport=transport)
        assert not attempt.connected, case
        assert len(attempt.connect_errors) == 1, case
        error = attempt.connect_errors[0]
        assert error["code"] == "unauthorized", case
        assert error["message"], case
        # The JavaScript client exposes packet.data as err.data: the pair is there too.
        assert error["data"]["code"] == "unauthorized", case

    good = await try_connect(url, namespace, auth={"token": signer.issue_access("u-1", ["customer"])},
                             transport=transport)
    assert good.connected
    assert good.connect_errors == []


def _claims_of(signer: TokenSigner) -> dict:
    return jwt.decode(signer.issue_access("u-1", ["customer"]), options={"verify_signature": False})


def _tampered(token: str) -> str:
    """The same signature over a payload that now claims the admin role."""
    header, _, signature = token.split(".")
    claims = jwt.decode(token, options={"verify_signature": False}) | {"roles": ["admin"]}
    payload = jwt.utils.base64url_encode(orjson.dumps(claims)).decode()
    return f"{header}.{payload}.{signature}"


def _sockets_open(text: str, namespace: str) -> float:
    for family in text_string_to_metric_families(text):
        if family.name == "fieldsync_sockets_open":
            for sample in family.samples:
                if sample.labels.get("namespace") == namespace:
                    return sample.value
    return 0.0


async def test_open_sockets_are_counted_per_namespace(server):
    client, signer = server
    before = _sockets_open(await (await client.get("/metrics")).text(), "/presence")
    token = signer.issue_access(f"u-{uuid.uuid4()}", ["customer"])
    recorder = await Recorder.connect(_url(client), token, ["/presence"])
    try:
        assert _sockets_open(await (await client.get("/metrics")).text(), "/presence") == before + 1
        # Refused attempts are not counted as open sockets.
        assert not (await try_connect(_url(client), "/presence", auth={"token": "x"})).connected
        assert _sockets_open(await (await client.get("/metrics")).text(), "/presence") == before + 1
    finally:
        await recorder.close()
    assert _sockets_open(await (await client.get("/metrics")).text(), "/presence") == before


async def test_a_connected_socket_is_in_its_users_room(server):
    client, signer = server
    user_id, other_id = f"u-{uuid.uuid4()}", f"u-{uuid.uuid4()}"
    mine = await Recorder.connect(_url(client), signer.issue_access(user_id, ["customer"]), ["/", "/messaging"],
                                  events=["probe"])
    other = await Recorder.connect(_url(client), signer.issue_access(other_id, ["customer"]), ["/messaging"],
                                   events=["probe"])
    try:
        emitter = app_of(client)[EMITTER]
        await emitter.emit_to_user("/messaging", user_id, "probe", {"n": 1})
        assert await mine.next_event("/messaging", "probe") == {"n": 1}
        # Another user's room, and the same user's other namespace, get nothing.
        await emitter.emit_to_user("/messaging", other_id, "probe", {"n": 2})
        assert await other.next_event("/messaging", "probe") == {"n": 2}
        assert mine.pending("/messaging", "probe") == 0
        assert mine.pending("/", "probe") == 0
    finally:
        await mine.close()
        await other.close()


async def test_a_client_cannot_fake_the_reserved_events(server):
    """python-socketio routes a client event *named* "disconnect" to the namespace like any
    other; it must not run the disconnect handler (nor skew the open-socket gauge)."""
    client, signer = server
    recorder = await Recorder.connect(_url(client), signer.issue_access(f"u-{uuid.uuid4()}", []), ["/feed"])
    try:
        before = _sockets_open(await (await client.get("/metrics")).text(), "/feed")
        for event in ("disconnect", "connect"):
            ack = await recorder.client.call(event, {"token": "x"}, namespace="/feed", timeout=5)
            assert ack["ok"] is False
            assert ack["error"]["code"] == "validation_failed"
        assert _sockets_open(await (await client.get("/metrics")).text(), "/feed") == before
        assert recorder.client.connected
    finally:
        await recorder.close()
