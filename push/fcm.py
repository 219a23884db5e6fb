"""`FcmSender`: the `PushSender` on firebase-admin's `messaging.send_each_async` (FCM HTTP v1).

Notes (STACK.md "FCM"):
- firebase-admin formats its send URL when its messaging service is created, from the class
  attribute `_MessagingService.FCM_URL`; `fcm_endpoint` swaps it in just for that moment.
- Its OAuth token fetch is blocking (google-auth over `requests`) and would run inside the
  event loop on first use and on expiry: we refresh in a thread beforehand.
- `Message(token=)` warns as deprecated in 7.7 in favour of `fid` (Firebase installation
  IDs). Our clients register FCM registration tokens (PROTOCOL section 5), which are not FIDs,
  so we keep `token` and silence that one warning here, like firebase-admin itself does for
  multicast. Moving to FIDs is a protocol change for the apps.
- firebase-admin's async client retries 500/503 within one call (4 times, sleeping 0-4 s, no
  jitter), which held a whole batch for 7 s per 503 here. We replace that client with one that
  does not retry: retries are the queue's alone (push/worker.py: per device, full jitter, at
  least the Retry-After FCM asks for).
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import json
import warnings
from typing import Any

import firebase_admin
import structlog
from firebase_admin import _http_client, credentials, exceptions, messaging
from firebase_admin._retry import HttpxRetry
from google.auth import exceptions as auth_exceptions
from google.auth.transport.requests import Request as AuthRequest

from push.sender import MAX_BATCH, Outcome, PushMessage, SendResult

log = structlog.get_logger(__name__)

DEFAULT_ENDPOINT = "https://fcm.googleapis.com"
# send_each_async sends a whole list at once, one HTTP request per message. httpx's pool scans
# every waiting request per connection event: 500 at once cost 11.6 s against a local fake,
# 5 rounds of 100 cost 2.9 s (tests/test_push_delivery.py batching test, this machine).
SEND_EACH_CONCURRENCY = 100
APNS_COLLAPSE_ID_MAX = 64  # bytes (Apple)
WEBPUSH_TOPIC_MAX = 32  # characters of the URL-safe base64 alphabet (RFC 8030)


def apns_collapse_id(key: str) -> str:
    return key if len(key.encode()) <= APNS_COLLAPSE_ID_MAX else _digest(key, APNS_COLLAPSE_ID_MAX)


def webpush_topic(key: str) -> str:
    """Web push topics allow only [A-Za-z0-9_-] and 32 characters: a stable digest of the key."""
    return _digest(key, WEBPUSH_TOPIC_MAX)


def _digest(key: str, length: int) -> str:
    return base64.urlsafe_b64encode(hashlib.sha256(key.encode()).digest()).decode().rstrip("=")[:length]


def build_message(message: PushMessage) -> messaging.Message:
    key = message.collapse_key
    android = apns = webpush = None
    if message.platform == "android":
        android = messaging.AndroidConfig(collapse_key=key, priority="high")
    elif message.platform == "ios":
        apns = messaging.APNSConfig(headers={"apns-collapse-id": apns_collapse_id(key)} if key else None)
    elif message.platform == "web":
        webpush = messaging.WebpushConfig(headers={"Topic": webpush_topic(key)} if key else None)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # Message.token: see the module docstring
        return messaging.Message(
            token=message.token,
            notification=messaging.Notification(title=message.title, body=message.body),
            data=message.data,
            android=android,
            apns=apns,
            webpush=webpush,
        )


def classify(error: Exception | None) -> Outcome:
    if error is None:
        return Outcome.SENT
    if isinstance(error, messaging.UnregisteredError):
        return Outcome.UNREGISTERED
    # INVALID_ARGUMENT for one message is FCM's answer to a malformed or foreign token; a
    # token of another Firebase project (SENDER_ID_MISMATCH) can never work for us either.
    if isinstance(error, (exceptions.InvalidArgumentError, messaging.SenderIdMismatchError)):
        return Outcome.INVALID_TOKEN
    if isinstance(error, exceptions.ResourceExhaustedError):
        return Outcome.QUOTA
    if isinstance(error, exceptions.UnavailableError):
        return Outcome.UNAVAILABLE
    if isinstance(error, exceptions.InternalError):
        return Outcome.INTERNAL
    if isinstance(error, (exceptions.UnknownError, exceptions.DeadlineExceededError)):
        return Outcome.NETWORK  # connection refused or reset, timeouts
    if isinstance(error, (exceptions.UnauthenticatedError, exceptions.PermissionDeniedError)):
        return Outcome.INTERNAL  # our credentials: retried, so fixing them delivers the backlog
    return Outcome.REJECTED


def retry_after(error: Exception | None) -> float | None:
    """Seconds FCM asked us to wait (Retry-After on 429/503), when it said so in seconds."""
    response = getattr(error, "http_response", None)
    value = response.headers.get("Retry-After") if response is not None else None
    return float(value) if value and value.strip().isdigit() else None


class FcmSender:
    name = "fcm"

    def __init__(self, *, credentials_file: str | None = None, credentials_json: str | None = None,
                 project_id: str | None = None, endpoint: str | None = None, timeout: float = 30.0) -> None:
        if not (credentials_file or credentials_json):
            raise ValueError("FCM needs FCM_CREDENTIALS_FILE or FCM_CREDENTIALS_JSON")
        source: Any = json.loads(credentials_json) if credentials_json else credentials_file
        self._certificate = credentials.Certificate(source)  # raises for a missing or bad key: refuse to start
        self._project_id = project_id or self._certificate.project_id
        self._endpoint = (endpoint or DEFAULT_ENDPOINT).rstrip("/")
        self._timeout = timeout
        self._app: firebase_admin.App | None = None
        self._service: Any = None

    async def start(self) -> None:
        # One named firebase app per sender: several app instances (tests) never share state.
        self._app = firebase_admin.initialize_app(
            self._certificate, {"projectId": self._project_id, "httpTimeout": self._timeout},
            name=f"fieldsync-push-{id(self):x}",
        )
        default_url = messaging._MessagingService.FCM_URL
        messaging._MessagingService.FCM_URL = f"{self._endpoint}/v1/projects/{{0}}/messages:send"
        try:
            self._service = messaging._get_messaging_service(self._app)  # formats and keeps its URL now
        finally:
            messaging._MessagingService.FCM_URL = default_url
        retrying = self._service._async_client
        self._service._async_client = _http_client.HttpxAsyncClient(
            credential=self._service._credential, timeout=self._timeout, retry_config=HttpxRetry(max_retries=0))
        await retrying.aclose()
        log.info("fcm_sender_started", project_id=self._project_id, endpoint=self._endpoint)

    async def send(self, messages: list[PushMessage]) -> list[SendResult]:
        if len(messages) > MAX_BATCH:
            raise ValueError(f"at most {MAX_BATCH} messages per batch")
        if not messages:
            return []
        assert self._app is not None, "start() first"
        results: list[SendResult] = []
        for start in range(0, len(messages), SEND_EACH_CONCURRENCY):
            results += await self._send_each(messages[start:start + SEND_EACH_CONCURRENCY])
        return results

    async def _send_each(self, messages: list[PushMessage]) -> list[SendResult]:
        try:
            await self._fresh_access_token()
            response = await messaging.send_each_async([build_message(m) for m in messages], app=self._app)
        except auth_exceptions.RefreshError as error:  # the token endpoint refused our key
            log.warning("fcm_auth_failed", error=str(error))
            return [SendResult(Outcome.INTERNAL, f"auth: {error}") for _ in messages]
        except (auth_exceptions.TransportError, exceptions.FirebaseError, OSError) as error:
            log.warning("fcm_unreachable", error=str(error))
            return [SendResult(Outcome.NETWORK, str(error)) for _ in messages]
        return [SendResult(classify(item.exception), str(item.exception or ""), retry_after(item.exception))
                for item in response.responses]

    async def _fresh_access_token(self) -> None:
        credential = self._certificate.get_credential()
        if not credential.valid:
            await asyncio.to_thread(credential.refresh, AuthRequest())

    async def close(self) -> None:
        app, self._app = self._app, None
        if app is None:
            return
        service, self._service = self._service, None
        if service is not None:  # its HTTP client belongs to this loop; firebase's close() runs asyncio.run()
            await service._async_client.aclose()
        try:
            await asyncio.to_thread(firebase_admin.delete_app, app)
        except Exception:  # closing must never stop the shutdown
            log.warning("fcm_close_failed", exc_info=True)
