"""Webhooks through an inbox.

Receiving (`WebhookInbox.receive`, called by `POST /v1/webhooks/{gateway}` with the RAW body):
the gateway verifies the signature before anything parses the body, then the event is stored
once by (gateway, event id) with `ON CONFLICT DO NOTHING`; a duplicate is answered like the
first (2xx), a forged, stale or unsigned one raises WebhookRejected and nothing is stored.

Applying (`InboxWorker`): a worker claims due pending events (`FOR UPDATE SKIP LOCKED` on
PostgreSQL, in a short transaction that leases them by moving `next_attempt_at` ahead), then
for each opens a unit of work, hands the event to the handler and marks it applied in that same
unit of work, so the effects and the mark commit together. A lease that expired (another worker
claimed the row since) rolls the handler's effects back. A handler that raises leaves the event
pending with a backoff; after `max_attempts` it is marked failed.

The handler is the payment code's (it applies by the provider object's state, refetched with
`PaymentGateway.payment(object_id)` etc., never by arrival order): `EventRouter` lets each part
register for the event types it owns; unowned types are marked applied untouched.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol

from tortoise.expressions import F

from domain.finance.gateway.models import GatewayEventRecord, InboxState
from domain.finance.gateway.port import GatewayEvent, PaymentGateway
from domain.shared.clock import utcnow
from domain.shared.errors import NotFound
from domain.shared.uow import UnitOfWork, unit_of_work


class GatewayEventHandler(Protocol):
    async def apply(self, event: GatewayEvent, uow: UnitOfWork) -> None:
        """Apply one provider event inside `uow` (commits with the inbox's "applied" mark).
        Raise to have it retried later."""


Apply = Callable[[GatewayEvent, UnitOfWork], Awaitable[None]]


class EventRouter:
    """A GatewayEventHandler that dispatches by event type (exact type, or a prefix ending in
    "." such as "payout."). Built once by the container from each part's handlers."""

    def __init__(self, handlers: Mapping[str, Apply]) -> None:
        self._handlers = dict(handlers)

    def handler_for(self, event_type: str) -> Apply | None:
        if event_type in self._handlers:
            return self._handlers[event_type]
        prefixes = [p for p in self._handlers if p.endswith(".") and event_type.startswith(p)]
        return self._handlers[max(prefixes, key=len)] if prefixes else None

    async def apply(self, event: GatewayEvent, uow: UnitOfWork) -> None:
        handler = self.handler_for(event.type)
        if handler is not None:
            await handler(event, uow)


class WebhookInbox:
    def __init__(self, gateways: Mapping[str, PaymentGateway]) -> None:
        self._gateways = dict(gateways)

    def gateway(self, name: str) -> PaymentGateway:
        if name not in self._gateways:
            raise NotFound(f"No webhook endpoint for gateway {name!r}.")
        return self._gateways[name]

    async def receive(self, gateway: str, raw_body: bytes, signature_header: str | None) -> bool:
        """Verify and store; True when the event is new, False for a duplicate."""
        event = self.gateway(gateway).verify_webhook(raw_body, signature_header)  # WebhookRejected
        return await store(gateway, event)


async def store(gateway: str, event: GatewayEvent) -> bool:
    async with unit_of_work() as uow:
        conn = uow.connection
        postgres = conn.capabilities.dialect == "postgres"
        marks = [f"${n}" for n in range(1, 8)] if postgres else ["?"] * 7
        payload = json.dumps(event.payload, separators=(",", ":"), sort_keys=True)
        rows = await conn.execute_query_dict(
            "INSERT INTO gateway_event (gateway, event_id, type, object_id, account, occurred_at, payload, "  # noqa: S608
            "received_at, state, attempts, next_attempt_at) "
            f"VALUES ({marks[0]}, {marks[1]}, {marks[2]}, {marks[3]}, {marks[4]}, {marks[5]}, {marks[6]}, "
            "CURRENT_TIMESTAMP, 'pending', 0, CURRENT_TIMESTAMP) "
            "ON CONFLICT (gateway, event_id) DO NOTHING RETURNING id",
            [gateway, event.id, event.type[:128], event.object_id, event.account,
             event.created if postgres else event.created.isoformat(), payload])
    return bool(rows)


@dataclass(frozen=True)
class Claimed:
    record_id: int
    attempts: int          # after this claim: the lease token for marking it
    gateway: str
    event: GatewayEvent


def _event(row: GatewayEventRecord) -> GatewayEvent:
    payload = row.payload if isinstance(row.payload, dict) else json.loads(row.payload)
    return GatewayEvent(id=row.event_id, type=row.type, object_id=row.object_id, account=row.account,
                        created=row.occurred_at, payload=payload)


async def claim(batch: int, lease_seconds: float, now: datetime | None = None) -> list[Claimed]:
    """Due pending events, oldest first, leased to the caller for `lease_seconds`."""
    now = now or utcnow()
    # Idle (nearly always): one plain read says so, rather than a transaction and a locking read.
    if not await GatewayEventRecord.filter(state=InboxState.PENDING, next_attempt_at__lte=now).exists():
        return []
    async with unit_of_work() as uow:
        conn = uow.connection
        query = (GatewayEventRecord.filter(state=InboxState.PENDING, next_attempt_at__lte=now)
                 .order_by("next_attempt_at", "id").limit(batch))
        if conn.capabilities.dialect == "postgres":  # SQLite ignores it; its writers are serialized anyway
            query = query.select_for_update(skip_locked=True)
        rows = await query.using_db(conn)
        if rows:
            await GatewayEventRecord.filter(id__in=[row.id for row in rows]).using_db(conn).update(
                attempts=F("attempts") + 1, next_attempt_at=now + timedelta(seconds=lease_seconds))
    return [Claimed(row.id, row.attempts + 1, row.gateway, _event(row)) for row in rows]


class LeaseLost(Exception):
    """Another worker claimed the event since: this attempt's effects are rolled back."""


async def mark_applied(uow: UnitOfWork, claimed: Claimed) -> None:
    updated = await GatewayEventRecord.filter(
        id=claimed.record_id, attempts=claimed.attempts, state=InboxState.PENDING,
    ).using_db(uow.connection).update(state=InboxState.APPLIED, applied_at=utcnow(), last_error=None)
    if not updated:
        raise LeaseLost(f"gateway event {claimed.event.id} was claimed again")


async def mark_failed(claimed: Claimed, error: str, *, retry_at: datetime | None) -> None:
    """Record a failed attempt: pending again at `retry_at`, or failed for good when None."""
    changes: dict[str, object] = {"last_error": error[:4000]}
    if retry_at is None:
        changes["state"] = InboxState.FAILED
    else:
        changes["next_attempt_at"] = retry_at
    async with unit_of_work() as uow:
        await GatewayEventRecord.filter(id=claimed.record_id, attempts=claimed.attempts,
                                        state=InboxState.PENDING).using_db(uow.connection).update(**changes)


@dataclass(frozen=True)
class InboxConfig:
    batch: int = 100
    lease_seconds: float = 60.0
    max_attempts: int = 12
    backoff_base_seconds: float = 2.0
    backoff_max_seconds: float = 900.0


class InboxWorker:
    def __init__(self, handler: GatewayEventHandler, config: InboxConfig | None = None,
                 on_error: Callable[[Claimed, BaseException], None] | None = None) -> None:
        self.handler = handler
        self.config = config or InboxConfig()
        self._on_error = on_error

    async def run_once(self) -> int:
        """Claim one batch and apply it; returns how many events were applied."""
        applied = 0
        for claimed in await claim(self.config.batch, self.config.lease_seconds):
            try:
                async with unit_of_work() as uow:
                    await self.handler.apply(claimed.event, uow)
                    await mark_applied(uow, claimed)
                applied += 1
            except LeaseLost:
                continue
            except Exception as exc:
                if self._on_error is not None:
                    self._on_error(claimed, exc)
                await mark_failed(claimed, repr(exc), retry_at=self._retry_at(claimed.attempts))
        return applied

    def _retry_at(self, attempts: int) -> datetime | None:
        if attempts >= self.config.max_attempts:
            return None
        delay = min(self.config.backoff_base_seconds * 2 ** (attempts - 1), self.config.backoff_max_seconds)
        return utcnow() + timedelta(seconds=delay)
