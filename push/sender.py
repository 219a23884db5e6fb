"""The `PushSender` port: send one batch of per-device messages, report each one's outcome.

Senders never raise for a delivery problem: every message gets an outcome, so the worker can
retry, prune or record each device on its own (a batch may mix all three).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

import structlog

MAX_BATCH = 500  # FCM's limit for one send_each call

log = structlog.get_logger(__name__)


class Outcome(StrEnum):
    SENT = "sent"
    # The token is dead (app uninstalled, token rotated) or not a token of ours: delete the device.
    UNREGISTERED = "unregistered"
    INVALID_TOKEN = "invalid_token"  # noqa: S105 - an outcome name, not a secret
    # Worth trying again later.
    UNAVAILABLE = "unavailable"
    QUOTA = "quota"
    INTERNAL = "internal"
    NETWORK = "network"
    # Neither: our message or our credentials are wrong; retrying the same thing will not help.
    REJECTED = "rejected"

    @property
    def retryable(self) -> bool:
        return self in RETRYABLE

    @property
    def prunes_token(self) -> bool:
        return self in (Outcome.UNREGISTERED, Outcome.INVALID_TOKEN)


RETRYABLE = frozenset({Outcome.UNAVAILABLE, Outcome.QUOTA, Outcome.INTERNAL, Outcome.NETWORK})


@dataclass(frozen=True)
class PushMessage:
    token: str
    platform: str  # android | ios | web
    title: str
    body: str
    data: dict[str, str]
    collapse_key: str | None


@dataclass(frozen=True)
class SendResult:
    outcome: Outcome
    detail: str = ""
    retry_after: float | None = None  # seconds the service asked us to wait before trying again


class PushSender(Protocol):
    name: str

    async def start(self) -> None: ...

    async def send(self, messages: list[PushMessage]) -> list[SendResult]:
        """At most MAX_BATCH messages; returns one result per message, in order."""
        ...

    async def close(self) -> None: ...


class LogSender:
    """The embedded default (`./dev run`): every push goes to the log and counts as sent. The
    line names the device by a hash and gives the text's length, never the text: titles and
    bodies quote names and messages, and no log line carries personal data
    (tests/test_privacy_logs.py). `sent` keeps the messages themselves, for a debugger or a test."""

    name = "log"

    def __init__(self) -> None:
        self.sent: list[PushMessage] = []  # the last few, for a look in a debugger or a test
        self._keep = 1000

    async def start(self) -> None:
        return None

    async def send(self, messages: list[PushMessage]) -> list[SendResult]:
        for message in messages:
            log.info("push", device=hashlib.sha256(message.token.encode()).hexdigest()[:12],
                     platform=message.platform, kind=message.data.get("kind"), title_chars=len(message.title),
                     body_chars=len(message.body), collapse_key=message.collapse_key)
        self.sent = [*self.sent, *messages][-self._keep:]
        return [SendResult(Outcome.SENT) for _ in messages]

    async def close(self) -> None:
        return None
