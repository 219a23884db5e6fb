"""A local fake of the FCM HTTP v1 API (and Google's OAuth token endpoint) for the real
firebase-admin code path (STACK.md "FCM").

It runs in its own thread with its own event loop, like a remote service: firebase-admin's
blocking parts (the OAuth token fetch through `requests`) can never deadlock the test's loop.

Use the `fcm_fake` fixture, then point the app at it:

    make_client(push_sender="fcm", **fcm_fake.settings())

Script answers per token (each call consumes the next scripted answer; then `default`):

    fcm_fake.script("tok-1", "unregistered")       # 404 UNREGISTERED
    fcm_fake.script("tok-2", "unavailable", "ok")  # 503 once, then accepted
    fcm_fake.down() ... fcm_fake.up()              # connection refused in between, same port

Outcomes: ok, unregistered, invalid_argument, unavailable (503), quota (429), internal (500).
`fcm_fake.delivered(token)` lists the messages it accepted for a token; `requests` every send.
"""

from __future__ import annotations

import asyncio
import json
import socket
import threading
from collections import defaultdict, deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import pytest
from aiohttp import web
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

PROJECT_ID = "fieldsync-test"

# The FCM v1 error bodies (google.rpc.Status with an FcmError detail), as FCM sends them.
_ERRORS: dict[str, tuple[int, str, str | None]] = {
    "unregistered": (404, "NOT_FOUND", "UNREGISTERED"),
    "invalid_argument": (400, "INVALID_ARGUMENT", "INVALID_ARGUMENT"),
    "unavailable": (503, "UNAVAILABLE", "UNAVAILABLE"),
    "quota": (429, "RESOURCE_EXHAUSTED", "QUOTA_EXCEEDED"),
    "internal": (500, "INTERNAL", "INTERNAL"),
}
OUTCOMES = frozenset({"ok", *_ERRORS})


@dataclass
class SendRecord:
    token: str | None
    message: dict[str, Any]
    outcome: str
    authorization: str
    received_at: datetime = field(default_factory=lambda: datetime.now(UTC))


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class FakeFcm:
    def __init__(self, project_id: str = PROJECT_ID) -> None:
        self.project_id = project_id
        self.port = _free_port()
        self.default = "ok"
        self.delay = 0.0  # seconds each send request takes (a slow FCM)
        self.requests: list[SendRecord] = []
        self.token_requests = 0
        self._scripts: dict[str, deque[str]] = defaultdict(deque)
        self._lock = threading.Lock()
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name="fake-fcm", daemon=True)
        self._runner: web.AppRunner | None = None
        self._site: web.TCPSite | None = None
        self._counter = 0
        self._down = False
        self._key = rsa.generate_private_key(public_exponent=65537, key_size=2048)

    # -- control, from the test's thread ---------------------------------------------------
    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> FakeFcm:
        self._thread.start()
        self._call(self._start())
        return self

    def stop(self) -> None:
        self._call(self._stop_runner())
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(5)

    def down(self) -> None:
        """Close the listening socket: senders get connection refused until `up()`."""
        self._call(self._stop_site())

    def up(self) -> None:
        self._call(self._start_site())

    def script(self, token: str, *outcomes: str) -> None:
        unknown = set(outcomes) - OUTCOMES
        if unknown:
            raise ValueError(f"unknown outcomes {unknown}")
        with self._lock:
            self._scripts[token].extend(outcomes)

    def delivered(self, token: str | None = None) -> list[dict[str, Any]]:
        """Messages accepted (answered 200), for one token or all."""
        with self._lock:
            return [r.message for r in self.requests if r.outcome == "ok" and (token is None or r.token == token)]

    def sends(self, token: str) -> list[SendRecord]:
        with self._lock:
            return [r for r in self.requests if r.token == token]

    def service_account(self) -> dict[str, str]:
        """A service-account key of a self-generated RSA key whose token_uri is this fake."""
        pem = self._key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        ).decode()
        return {
            "type": "service_account",
            "project_id": self.project_id,
            "private_key_id": "fake-key-1",
            "private_key": pem,
            "client_email": f"push@{self.project_id}.iam.gserviceaccount.com",
            "client_id": "1",
            "token_uri": f"{self.url}/token",
        }

    def settings(self) -> dict[str, Any]:
        """App settings selecting the FCM sender against this fake."""
        return {
            "push_sender": "fcm",
            "fcm_project_id": self.project_id,
            "fcm_credentials_json": json.dumps(self.service_account()),
            "fcm_endpoint": self.url,
        }

    def _call(self, coro: Any) -> Any:
        return asyncio.run_coroutine_threadsafe(coro, self._loop).result(10)

    # -- the server, in its own loop -------------------------------------------------------
    async def _start(self) -> None:
        app = web.Application()
        app.router.add_post("/token", self._token)
        app.router.add_post("/v1/projects/{project}/messages:send", self._send)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        await self._start_site()

    async def _start_site(self) -> None:
        assert self._runner is not None
        self._down = False
        if self._site is None:
            self._site = web.TCPSite(self._runner, "127.0.0.1", self.port, reuse_address=True)
            await self._site.start()

    async def _stop_site(self) -> None:
        self._down = True  # kept-alive connections are cut at their next request (see _cut)
        if self._site is not None:
            await self._site.stop()
            self._site = None

    async def _stop_runner(self) -> None:
        await self._stop_site()
        if self._runner is not None:
            await self._runner.cleanup()

    def _cut(self, request: web.Request) -> bool:
        """While down, a request on a connection opened before is dropped like a dead host's."""
        if self._down and request.transport is not None:
            request.transport.abort()
            return True
        return False

    async def _token(self, request: web.Request) -> web.Response:
        if self._cut(request):
            return web.Response(status=503)
        form = await request.post()
        # Like Google: a JWT bearer grant. The audience is not checked (STACK.md).
        if form.get("grant_type") != "urn:ietf:params:oauth:grant-type:jwt-bearer" or not form.get("assertion"):
            return web.json_response({"error": "invalid_grant"}, status=400)
        with self._lock:
            self.token_requests += 1
        return web.json_response({"access_token": "fake-access-token", "expires_in": 3600, "token_type": "Bearer"})

    async def _send(self, request: web.Request) -> web.Response:
        if self._cut(request):
            return web.Response(status=503)
        authorization = request.headers.get("Authorization", "")
        if authorization != "Bearer fake-access-token":
            return _error(401, "UNAUTHENTICATED", None, "missing or bad access token")
        if request.match_info["project"] != self.project_id:
            return _error(403, "PERMISSION_DENIED", "SENDER_ID_MISMATCH", "wrong project")
        payload = await request.json()
        if self.delay:
            await asyncio.sleep(self.delay)
        message = payload.get("message", {})
        token = message.get("token") or message.get("fid")
        with self._lock:
            script = self._scripts.get(token) if token else None
            outcome = script.popleft() if script else self.default
            self.requests.append(SendRecord(token, message, outcome, authorization))
            self._counter += 1
            counter = self._counter
        if outcome == "ok":
            return web.json_response({"name": f"projects/{self.project_id}/messages/{counter}"})
        status, rpc_status, fcm_code = _ERRORS[outcome]
        response = _error(status, rpc_status, fcm_code, outcome)
        if outcome == "quota":
            response.headers["Retry-After"] = "1"  # as FCM does on 429: a floor for the backoff
        return response


def _error(status: int, rpc_status: str, fcm_code: str | None, message: str) -> web.Response:
    detail = {"@type": "type.googleapis.com/google.firebase.fcm.v1.FcmError", "errorCode": fcm_code}
    details = [detail] if fcm_code else []
    body = {"error": {"code": status, "message": message, "status": rpc_status, "details": details}}
    return web.json_response(body, status=status)


@pytest.fixture
def fcm_fake() -> Iterator[FakeFcm]:
    fake = FakeFcm().start()
    try:
        yield fake
    finally:
        fake.stop()
