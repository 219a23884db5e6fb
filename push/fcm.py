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
- firebase-admin itself retries 500/503 answers within one call (4 times, 0.5 s backoff
  doubling); everything else retryable is retried by our queue (push/worker.py).
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
from firebase_admin import credentials, exceptions, messaging
from google.auth import exceptions as auth_exceptions
from google.auth.transport.requests import Request as AuthRequest

from push.sender import MAX_BATCH, Outcome, PushMessage, SendResult

log = structlog.get_logger(__name__)

DEFAULT_ENDPOINT = "https://fcm.googleapis.com"
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
        log.info("fcm_sender_started", project_id=self._project_id, endpoint=self._endpoint)

    async def send(self, messages: list[PushMessage]) -> list[SendResult]:
        if len(messages) > MAX_BATCH:
            raise ValueError(f"at most {MAX_BATCH} messages per batch")
        if not messages:
            return []
        assert self._app is not None, "start() first"
        try:
            await self._fresh_access_token()
            response = await messaging.send_each_async([build_message(m) for m in messages], app=self._app)
        except auth_exceptions.RefreshError as error:  # the token endpoint refused our key
            log.warning("fcm_auth_failed", error=str(error))
            return [SendResult(Outcome.INTERNAL, f"auth: {error}") for _ in messages]
        except (auth_exceptions.TransportError, exceptions.FirebaseError, OSError) as error:
            log.warning("fcm_unreachable", error=str(error))
            return [SendResult(Outcome.NETWORK, str(error)) for _ in messages]
        return [SendResult(classify(item.exception), str(item.exception or "")) for item in response.responses]

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
