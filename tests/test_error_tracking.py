"""Error tracking (issue 17): an unhandled error in a handler reaches a Sentry-compatible DSN
(here a local aiohttp server that receives the SDK's envelopes) tagged with the request id and
the user id, and nothing of the user's personal data: no e-mail, no body, no address."""

from __future__ import annotations

import json
from typing import Any

from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer

from app.bootstrap import build_app
from infra import errortracking
from infra.errortracking import scrub
from rest.auth import authenticate
from tests.support.identity import register, unique_email
from tests.support.waiting import wait_for_value


class FakeSentry:
    """Receives `POST /api/<project>/envelope/` and keeps each envelope's items."""

    def __init__(self) -> None:
        self.items: list[dict[str, Any]] = []
        self.raw: list[bytes] = []
        self.app = web.Application()
        self.app.router.add_post("/api/{project}/envelope/", self.envelope)

    async def envelope(self, request: web.Request) -> web.Response:
        body = await request.read()  # aiohttp undoes a gzip or deflate Content-Encoding itself
        self.raw.append(body)
        lines = body.split(b"\n")
        # header line, then (item header, payload) pairs
        for header, payload in zip(lines[1::2], lines[2::2], strict=False):
            if json.loads(header).get("type") == "event":
                self.items.append(json.loads(payload))
        return web.json_response({"id": "0" * 32})


async def test_an_unhandled_error_arrives_with_request_and_user_ids_and_no_personal_data(settings_factory, make_client):
    sentry = FakeSentry()
    fake = TestServer(sentry.app, host="127.0.0.1")
    await fake.start_server()
    dsn = f"http://public@127.0.0.1:{fake.port}/42"
    email = unique_email("sentry")

    async def boom(request: web.Request) -> web.Response:
        actor = await authenticate(request)
        body = await request.json()
        address = body["email"]  # a local holding personal data must not travel with the frame
        raise RuntimeError(f"could not reach {address} for {actor.user_id}")

    app = build_app(settings_factory(sentry_dsn=dsn))
    app.router.add_post("/v1/test-boom", boom)
    client = TestClient(TestServer(app, host="127.0.0.1"))
    await client.start_server()
    try:
        account = await register(client, email=email)
        response = await client.post(
            "/v1/test-boom",
            headers={**account.headers, "X-Request-ID": "boom-req-1"},
            json={"email": email, "note": "call me"},
        )
        assert response.status == 500
        assert (await response.json())["code"] == "internal_error"
        events = await wait_for_value(lambda: sentry.items, bool, 20, "the error at the fake DSN")
    finally:
        await client.close()
        await fake.close()
    assert not errortracking.enabled()  # the app is gone and so is its client
    assert len(events) == 1
    event = events[0]
    assert event["tags"]["request_id"] == "boom-req-1"
    assert event["user"] == {"id": account.id}
    assert event["exception"]["values"][-1]["type"] == "RuntimeError"
    everything = b"".join(sentry.raw).decode()
    assert email not in everything and email.split("@")[0] not in everything
    assert "call me" not in everything  # no request body
    assert '127.0.0.1"' not in everything.replace(f"127.0.0.1:{fake.port}", "")  # no client address
    assert account.access_token not in everything


async def test_without_a_dsn_nothing_is_set_up(make_client):
    await make_client()
    assert not errortracking.enabled()


def test_scrub_keeps_the_user_id_and_where_the_request_went_only() -> None:
    event: Any = {
        "user": {"id": "u-1", "email": "ann@example.com", "ip_address": "203.0.113.9"},
        "request": {
            "method": "POST",
            "url": "https://api.fieldsync.test/v1/x?email=ann@example.com",
            "data": {"email": "ann@example.com"},
            "headers": {"Authorization": "Bearer t", "X-Forwarded-For": "203.0.113.9"},
            "env": {"REMOTE_ADDR": "203.0.113.9"},
        },
        "exception": {"values": [{"type": "RuntimeError", "value": "no mail to ann@example.com"}]},
    }
    scrubbed = scrub(event)
    assert scrubbed["user"] == {"id": "u-1"}
    assert scrubbed["request"] == {"method": "POST", "url": "https://api.fieldsync.test/v1/x"}
    assert scrubbed["exception"]["values"][0]["value"] == "no mail to [redacted]"
    assert "ann@example.com" not in json.dumps(scrubbed) and "203.0.113.9" not in json.dumps(scrubbed)
