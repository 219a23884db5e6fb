"""The `EmailSender` port: send one email, report its outcome (never raise for a delivery problem).

Outcomes, and what the worker (push/email_worker.py) does with them: sent; `bounced`, the
server refused the address for good (a 5xx to RCPT TO): a hard bounce, the address is
suppressed; `retry`, worth trying again later (a 4xx, the network, a timeout); `rejected`, our
message or our account is wrong (a 5xx elsewhere): failed, not retried."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Protocol

import structlog

log = structlog.get_logger(__name__)


class EmailOutcome(StrEnum):
    SENT = "sent"
    BOUNCED = "bounced"
    RETRY = "retry"
    REJECTED = "rejected"


@dataclass(frozen=True)
class EmailMessage:
    to: str
    subject: str
    text: str
    html: str
    language: str  # Content-Language
    headers: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class EmailResult:
    outcome: EmailOutcome
    detail: str = ""


class EmailSender(Protocol):
    name: str

    async def start(self) -> None: ...

    async def send(self, message: EmailMessage) -> EmailResult: ...

    async def close(self) -> None: ...


class LogEmailSender:
    """The embedded default (`./dev run`): every email goes to the log and counts as sent. The
    line names the address by a hash and gives the subject's length, never the text (no log line
    carries personal data, tests/test_privacy_logs.py); `sent` keeps the last few messages, for a
    debugger or a test. Refused in production (app/email_settings.py)."""

    name = "log"

    def __init__(self) -> None:
        self.sent: list[EmailMessage] = []
        self._keep = 1000

    async def start(self) -> None:
        return None

    async def send(self, message: EmailMessage) -> EmailResult:
        log.info("email", to=hashlib.sha256(message.to.encode()).hexdigest()[:12], language=message.language,
                 subject_chars=len(message.subject), text_chars=len(message.text))
        self.sent = [*self.sent, message][-self._keep:]
        return EmailResult(EmailOutcome.SENT)

    async def close(self) -> None:
        return None
