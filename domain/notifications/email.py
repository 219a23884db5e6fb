"""Email deliverability: the suppression list and the provider's bounce and complaint reports.

An address is suppressed (never emailed again) after a hard bounce or a complaint, whether the
provider reports it (`POST /v1/webhooks/email/{provider}`, `EmailFeedbackInbox`) or our SMTP
server refuses it for good at send time (a 5xx: push/email_worker.py). A soft bounce (mailbox
full, greylisting) is recorded and changes nothing. The list is keyed by the address's blind
index (domain/shared/sealing.Pseudonyms, the one `user_account.email_index` holds), so it names
no address, and it outlives the account: an erased user's address stays unmailable.

Reports are signed with the shared secret (EMAIL_WEBHOOK_SECRET): the header
`Email-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`, within five
minutes of now; the body is `{"event_id", "kind": "hard_bounce"|"soft_bounce"|"complaint",
"email"}`. A provider's own format is turned into this by a relay we run next to it."""

from __future__ import annotations

import hashlib
import hmac
import json
import re
import time
from collections.abc import Callable
from enum import StrEnum

from prometheus_client import Counter
from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.exceptions import IntegrityError

from domain.accounts.services import email_key
from domain.notifications.models import EmailFeedback, EmailSuppression, SuppressionReason
from domain.shared.errors import DomainError, ErrorCode, NotFound
from domain.shared.sealing import Pseudonyms
from domain.shared.uow import unit_of_work

SIGNATURE_HEADER = "Email-Signature"
TOLERANCE_SECONDS = 300
PROVIDER = re.compile(r"^[a-z0-9][a-z0-9-]{0,31}$")

EMAIL_FEEDBACK = Counter("fieldsync_email_feedback_total", "Bounce and complaint reports received, by kind",
                         ["kind"])  # hard_bounce, soft_bounce, complaint
EMAIL_SUPPRESSED = Counter("fieldsync_email_suppressed_total", "Addresses added to the suppression list",
                           ["reason", "source"])


class FeedbackKind(StrEnum):
    HARD_BOUNCE = "hard_bounce"
    SOFT_BOUNCE = "soft_bounce"
    COMPLAINT = "complaint"


SUPPRESSING = {FeedbackKind.HARD_BOUNCE: SuppressionReason.HARD_BOUNCE,
               FeedbackKind.COMPLAINT: SuppressionReason.COMPLAINT}


class FeedbackRejected(DomainError):
    """A report whose signature is missing, forged or stale, or whose body is not a report."""

    code = ErrorCode.BAD_REQUEST
    default_message = "The email report could not be verified."


async def suppression_of(email_index: str | None, conn: BaseDBAsyncClient | None = None) -> SuppressionReason | None:
    if not email_index:
        return None
    row = await EmailSuppression.get_or_none(email_index=email_index, using_db=conn)
    return row.reason if row is not None else None


async def suppress(email_index: str, reason: SuppressionReason, source: str,
                   conn: BaseDBAsyncClient | None = None) -> bool:
    """Add the address to the list; False when it was there already (its first reason stays)."""
    try:
        async with unit_of_work() as uow:  # a savepoint inside a caller's unit of work
            await EmailSuppression.create(email_index=email_index, reason=reason, source=source[:64],
                                          using_db=conn or uow.connection)
    except IntegrityError:
        return False
    EMAIL_SUPPRESSED.labels(reason.value, "smtp" if source == "smtp" else "webhook").inc()
    return True


class EmailFeedbackInbox:
    """Verifies and applies the provider's reports; None secret: the endpoint does not exist."""

    def __init__(self, secret: str | None, pseudonyms: Pseudonyms, now: Callable[[], float] | None = None) -> None:
        self._secret = secret.encode() if secret else None
        self._pseudonyms = pseudonyms
        self._now = now or time.time

    def verify(self, raw: bytes, header: str | None) -> dict[str, str]:
        if self._secret is None:
            raise NotFound("No email report endpoint is configured.")
        parts = dict(item.split("=", 1) for item in (header or "").split(",") if "=" in item)
        stamp, given = parts.get("t", ""), parts.get("v1", "")
        if not stamp.isdigit() or abs(self._now() - int(stamp)) > TOLERANCE_SECONDS:
            raise FeedbackRejected()
        expected = hmac.new(self._secret, stamp.encode() + b"." + raw, hashlib.sha256).hexdigest()
        if not hmac.compare_digest(expected, given):
            raise FeedbackRejected()
        try:
            body = json.loads(raw)
        except ValueError:
            raise FeedbackRejected("The email report is not JSON.") from None
        if not isinstance(body, dict):
            raise FeedbackRejected("The email report is not an object.")
        event_id, kind, address = body.get("event_id"), body.get("kind"), body.get("email")
        known = kind in FeedbackKind.__members__.values()
        if (not isinstance(event_id, str) or not 0 < len(event_id) <= 128 or not known
                or not isinstance(address, str) or "@" not in address):
            raise FeedbackRejected("The email report needs event_id, kind and email.")
        return {"event_id": event_id, "kind": str(kind), "email": address}

    async def receive(self, provider: str, raw: bytes, header: str | None) -> bool:
        """Verify, record once per event id, suppress on a hard bounce or a complaint; True when new."""
        if not PROVIDER.match(provider):
            raise NotFound(f"No email report endpoint for {provider!r}.")
        report = self.verify(raw, header)
        kind = FeedbackKind(report["kind"])
        index = self._pseudonyms.email_index(email_key(report["email"]))
        async with unit_of_work() as uow:
            try:
                async with unit_of_work() as inner:  # a savepoint: a redelivery meets the unique key
                    await EmailFeedback.create(provider=provider, event_id=report["event_id"], kind=kind.value,
                                               email_index=index, using_db=inner.connection)
            except IntegrityError:
                return False
            if kind in SUPPRESSING:
                await suppress(index, SUPPRESSING[kind], provider, uow.connection)
        EMAIL_FEEDBACK.labels(kind.value).inc()
        return True
