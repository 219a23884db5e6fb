"""The sandbox gateway's notifications: Stripe-shaped events, signed with Stripe's scheme under
the sandbox's own header, queued in order and handed to a delivery function (retried, like a
provider retries, until it answers)."""

from __future__ import annotations

import asyncio
import json
from collections import deque
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import Any

from domain.finance.gateway import signing
from domain.finance.gateway.port import (
    ConnectedAccount,
    EventType,
    GatewayEvent,
    PayoutState,
    TransferState,
    WebhookRejected,
)

SIGNATURE_HEADER = "Fieldsync-Sandbox-Signature"
# delivers one signed webhook (raw body, signature header value); True once answered 2xx
Deliver = Callable[[bytes, str], Awaitable[bool]]
# Objects whose events concern a payment: the event's object_id is then the payment's id.
PAYMENT_CHILDREN = {"charge", "refund", "dispute"}


class SandboxWebhooks:
    def __init__(self, secret: str, clock: Callable[[], datetime]) -> None:
        self.secret = secret
        self._clock = clock
        self.events: list[dict[str, Any]] = []
        self._pending: deque[dict[str, Any]] = deque()
        self._wake = asyncio.Event()

    def emit(self, event_id: str, kind: EventType, obj: dict[str, Any], account: str | None) -> None:
        event = {"id": event_id, "object": "event", "type": kind.value, "account": account,
                 "created": int(self._clock().timestamp()), "data": {"object": obj}}
        self.events.append(event)
        self._pending.append(event)
        self._wake.set()

    def sign(self, raw_body: bytes, timestamp: int | None = None) -> str:
        return signing.sign(raw_body, self.secret, timestamp)

    def verify(self, raw_body: bytes, signature_header: str | None) -> GatewayEvent:
        try:
            signing.verify(raw_body, signature_header, self.secret)
            payload = json.loads(raw_body)
            obj = payload["data"]["object"]
            object_id = obj["id"]
            if obj.get("object") in PAYMENT_CHILDREN and isinstance(obj.get("payment_intent"), str):
                object_id = obj["payment_intent"]
            return GatewayEvent(id=str(payload["id"]), type=str(payload["type"]), object_id=str(object_id),
                                account=payload.get("account"),
                                created=datetime.fromtimestamp(int(payload["created"]), UTC), payload=payload)
        except (signing.SignatureInvalid, ValueError, KeyError, TypeError) as exc:
            raise WebhookRejected(f"webhook rejected: {exc}") from None

    async def flush(self, deliver: Deliver) -> int:
        """Deliver every pending webhook in order; stop at the first failure (kept for later).
        Returns how many were delivered."""
        delivered = 0
        while self._pending:
            body = json.dumps(self._pending[0], separators=(",", ":")).encode()
            try:
                ok = await deliver(body, self.sign(body))
            except Exception:  # the receiver is down: like the provider, try again later
                ok = False
            if not ok:
                break
            self._pending.popleft()
            delivered += 1
        return delivered

    async def deliver_forever(self, deliver: Deliver, retry_seconds: float = 5.0) -> None:
        """The delivery loop of `./dev run`: wakes on each new event, retries failures."""
        while True:
            self._wake.clear()
            await self.flush(deliver)
            timeout = retry_seconds if self._pending else None
            try:
                await asyncio.wait_for(self._wake.wait(), timeout)
            except TimeoutError:
                pass


def transfer_object(t: TransferState) -> dict[str, Any]:
    return {"id": t.id, "object": "transfer", "amount": t.amount.amount, "currency": t.amount.currency.lower(),
            "destination": t.destination, "transfer_group": t.transfer_group,
            "source_transaction": t.source_transaction, "amount_reversed": t.amount_reversed}


def account_object(a: ConnectedAccount) -> dict[str, Any]:
    return {"id": a.id, "object": "account", "payouts_enabled": a.payouts_enabled,
            "charges_enabled": a.charges_enabled, "details_submitted": a.details_submitted,
            "requirements": {"currently_due": list(a.requirements_due)}}


def payout_object(p: PayoutState) -> dict[str, Any]:
    return {"id": p.id, "object": "payout", "amount": p.amount.amount, "currency": p.amount.currency.lower(),
            "status": p.status}
