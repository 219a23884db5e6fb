"""The one dispatch path every client event takes (realtime/base.py): payload validation,
the ack envelope and error mapping. Real namespaces get their events in later issues, so a
probe namespace built on the same base class is registered on the real server."""

from __future__ import annotations

import uuid

import pytest
from pydantic import BaseModel, ConfigDict, Field

from domain.shared.errors import Conflict, ConflictReason, RateLimited, ValidationFailed
from realtime.base import AuthenticatedNamespace
from realtime.server import REALTIME_DEPS, SIO
from tests.conftest import app_of
from tests.support.socket_clients import Recorder, signer_for


class Echo(BaseModel):
    model_config = ConfigDict(extra="forbid")
    text: str = Field(min_length=1, max_length=10)


class ProbeNamespace(AuthenticatedNamespace):
    NAME = "/probe"

    async def on_probe_echo(self, sid: str, payload: Echo) -> dict[str, str]:
        user = await self.current_user(sid)
        return {"text": payload.text, "user_id": user.user_id}

    async def on_probe_model(self, sid: str, payload: Echo) -> Echo:
        return payload

    async def on_probe_nothing(self, sid: str) -> None:
        return None

    async def on_probe_conflict(self, sid: str) -> None:
        raise Conflict("Already taken.", reason=ConflictReason.DUPLICATE, details={"current_version": 3})

    async def on_probe_invalid(self, sid: str) -> None:
        raise ValidationFailed(errors=[{"field": "zone_ids", "message": "unknown zone"}])

    async def on_probe_limited(self, sid: str) -> None:
        raise RateLimited(2.5)

    async def on_probe_crash(self, sid: str) -> None:
        raise RuntimeError("a bug")

    async def on_probe_inner_validation(self, sid: str) -> None:
        Echo.model_validate({})  # a pydantic error raised by our own code, not by the payload


@pytest.fixture
async def probe(make_client, settings_factory):
    client = await make_client()
    app = app_of(client)
    app[SIO].register_namespace(ProbeNamespace(ProbeNamespace.NAME, app[REALTIME_DEPS]))
    user_id = f"u-{uuid.uuid4()}"
    token = signer_for(settings_factory()).issue_access(user_id, ["customer"])
    recorder = await Recorder.connect(str(client.make_url("")).rstrip("/"), token, [ProbeNamespace.NAME])
    yield recorder, user_id
    await recorder.close()


async def _call(recorder: Recorder, event: str, *args):
    return await recorder.client.call(event, args[0] if len(args) == 1 else tuple(args) or None,
                                      namespace=ProbeNamespace.NAME, timeout=5)


async def test_success_is_wrapped_in_ok_data(probe):
    recorder, user_id = probe
    assert await _call(recorder, "probe:echo", {"text": "hi"}) == {"ok": True, "data": {"text": "hi",
                                                                                       "user_id": user_id}}
    assert await _call(recorder, "probe:model", {"text": "m"}) == {"ok": True, "data": {"text": "m"}}
    assert await _call(recorder, "probe:nothing") == {"ok": True, "data": None}


@pytest.mark.parametrize(
    "payload",
    [None, "hi", 42, [], {}, {"text": ""}, {"text": "x" * 11}, {"text": 5}, {"text": "ok", "extra": 1}],
    ids=["none", "string", "number", "list", "empty", "too-short", "too-long", "wrong-type", "extra-field"],
)
async def test_a_malformed_payload_gets_validation_failed_and_keeps_the_connection(probe, payload):
    recorder, _ = probe
    ack = await _call(recorder, "probe:echo", payload)
    assert ack["ok"] is False
    assert ack["error"]["code"] == "validation_failed"
    assert ack["error"]["details"]["errors"], ack
    assert all({"field", "message", "type"} <= set(item) for item in ack["error"]["details"]["errors"])
    # The socket is still usable.
    assert (await _call(recorder, "probe:echo", {"text": "again"}))["ok"] is True


async def test_the_failing_field_is_named(probe):
    recorder, _ = probe
    ack = await _call(recorder, "probe:echo", {"text": "x" * 11})
    assert [item["field"] for item in ack["error"]["details"]["errors"]] == ["text"]


async def test_more_than_one_payload_is_refused(probe):
    recorder, _ = probe
    ack = await _call(recorder, "probe:echo", {"text": "a"}, {"text": "b"})
    assert ack["error"]["code"] == "validation_failed"


async def test_domain_errors_keep_their_code_and_details(probe):
    recorder, _ = probe
    conflict = await _call(recorder, "probe:conflict")
    assert conflict["ok"] is False
    assert conflict["error"]["code"] == "conflict"
    assert conflict["error"]["details"] == {"current_version": 3, "reason": "duplicate"}
    invalid = await _call(recorder, "probe:invalid")
    assert invalid["error"]["code"] == "validation_failed"
    assert invalid["error"]["details"]["errors"][0]["field"] == "zone_ids"
    limited = await _call(recorder, "probe:limited")
    assert limited["error"]["code"] == "rate_limited"
    assert limited["error"]["details"]["retry_after"] == 2.5


async def test_a_bug_becomes_internal_error_without_leaking_or_disconnecting(probe):
    recorder, _ = probe
    for event in ("probe:crash", "probe:inner_validation"):
        ack = await _call(recorder, event)
        assert ack["ok"] is False
        assert ack["error"]["code"] == "internal_error"
        assert "a bug" not in ack["error"]["message"]
        assert "details" not in ack["error"]
    assert (await _call(recorder, "probe:echo", {"text": "alive"}))["ok"] is True


async def test_an_unknown_event_is_answered_not_found(probe):
    recorder, _ = probe
    for event in ("probe:missing", "echo", "on_probe_echo", "__init__", "trigger_event"):
        ack = await _call(recorder, event, {"text": "hi"})
        assert ack["ok"] is False
        assert ack["error"]["code"] == "not_found", event


async def test_the_real_namespaces_answer_unknown_events_the_same_way(make_client, settings_factory):
    client = await make_client()
    token = signer_for(settings_factory()).issue_access(f"u-{uuid.uuid4()}", [])
    recorder = await Recorder.connect(str(client.make_url("")).rstrip("/"), token, ["/", "/messaging"])
    try:
        for namespace in ("/", "/messaging"):
            ack = await recorder.client.call("nothing:here", {}, namespace=namespace, timeout=5)
            assert ack["error"]["code"] == "not_found"
    finally:
        await recorder.close()
