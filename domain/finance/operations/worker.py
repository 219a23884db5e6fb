"""The operations worker: claims due stored operations, calls the gateway with the stored
idempotency key, and hands the outcome to the case (a second unit of work).

- A claim is a lease: `next_attempt_at` moves `lease` ahead, so a worker that dies mid-call
  leaves the row to be claimed again later, and the retry uses the same key (the gateway
  answers a replayed key with the first result).
- `Unavailable` (or any gateway error but a decline): retried later, same key, with backoff.
- `Declined`: definitive; the key is closed (status failed) and the case compensates. A new
  attempt is a new row with a new key.
- A capture is never attempted after the authorization's `capture_before`.
On PostgreSQL claims take rows with FOR UPDATE SKIP LOCKED; on SQLite a compare-and-set on
`next_attempt_at` decides between concurrent claimers.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Sequence
from datetime import datetime, timedelta
from enum import Enum
from typing import Any, Protocol
from uuid import UUID

from prometheus_client import Counter
from pydantic import BaseModel
from tortoise.expressions import F

from domain.finance.gateway.port import (
    AuthorizeRequest,
    Declined,
    GatewayError,
    PaymentGateway,
    TransferRequest,
    Unavailable,
)
from domain.finance.operations.models import FinanceOperation, OpKind, OpStatus
from domain.shared.clock import isoformat, utcnow
from domain.shared.money import Money
from domain.shared.uow import unit_of_work

log = logging.getLogger(__name__)

CALLS = Counter("fieldsync_finance_operations_total", "Gateway calls made by the operations worker",
                ["op", "outcome"])
LATE_CAPTURES = Counter("fieldsync_finance_late_captures_refused_total",
                        "Captures refused because the authorization had expired (or was about to)")


# A call refused for a reason retrying cannot fix (a reused key) waits this long for a person.
STUCK_RETRY = timedelta(days=1)


class Outcomes(Protocol):
    """What the payment cases do with an operation's outcome (domain/finance/cases)."""

    async def succeeded(self, op: FinanceOperation, result: dict[str, Any]) -> None: ...

    async def declined(self, op: FinanceOperation, error: str) -> None: ...


_OUTCOMES: dict[str, Outcomes] = {}


def register_outcomes(key_prefix: str, outcomes: Outcomes) -> None:
    """Hand the outcomes of the operations whose idempotency key starts with `key_prefix` to
    another part (payouts: "fs:payout:") instead of the worker's own (the payment cases)."""
    _OUTCOMES[key_prefix] = outcomes


def _outcomes_of(op: FinanceOperation, default: Outcomes) -> Outcomes:
    for prefix, outcomes in _OUTCOMES.items():
        if op.idempotency_key.startswith(prefix):
            return outcomes
    return default


@dataclasses.dataclass(frozen=True)
class WorkerRules:
    batch: int = 50
    lease: timedelta = timedelta(seconds=60)
    first_retry: timedelta = timedelta(seconds=5)
    max_retry: timedelta = timedelta(minutes=10)


class OperationWorker:
    def __init__(self, gateway: PaymentGateway, outcomes: Outcomes, rules: WorkerRules | None = None) -> None:
        self.gateway = gateway
        self.outcomes = outcomes
        self.rules = rules or WorkerRules()

    async def run_due(self, now: datetime | None = None) -> int:
        """Claim and run every due operation (one batch); return how many ran."""
        ran = 0
        for op in await self._claim(now or utcnow()):
            await self._execute(op)
            ran += 1
        return ran

    def leased_until(self) -> datetime:
        """`next_attempt_at` for an operation its writer runs itself right after the commit
        (a checkout's authorization): the worker leaves it alone unless the writer dies."""
        return utcnow() + self.rules.lease

    async def run_own(self, op_id: UUID) -> None:
        """Run an operation written with `leased_until` (the caller holds its lease)."""
        op = await FinanceOperation.get_or_none(id=op_id, status=OpStatus.PENDING)
        if op is not None:
            await FinanceOperation.filter(id=op.id).update(tries=F("tries") + 1)
            await self._execute(op)

    async def _claim(self, now: datetime) -> list[FinanceOperation]:
        # Idle (nearly always): one plain read says so, rather than a transaction and a locking update.
        if not await FinanceOperation.filter(status=OpStatus.PENDING, next_attempt_at__lte=now).exists():
            return []
        async with unit_of_work() as uow:
            conn = uow.connection
            if conn.capabilities.dialect == "postgres":
                rows = await conn.execute_query_dict(
                    "UPDATE finance_operation SET next_attempt_at = $1, tries = tries + 1, updated_at = $2 "
                    "WHERE id IN (SELECT id FROM finance_operation WHERE status = 'pending' AND next_attempt_at <= $2 "
                    "ORDER BY next_attempt_at LIMIT $3 FOR UPDATE SKIP LOCKED) RETURNING id",
                    [now + self.rules.lease, now, self.rules.batch],
                )
                ids = [row["id"] for row in rows]
            else:
                due = await FinanceOperation.filter(status=OpStatus.PENDING, next_attempt_at__lte=now).using_db(
                    conn).order_by("next_attempt_at").limit(self.rules.batch)
                ids = [op.id for op in due if await self._lease(op, now)]
        return list(await FinanceOperation.filter(id__in=ids).order_by("created_at")) if ids else []

    async def _lease(self, op: FinanceOperation, now: datetime) -> bool:
        changed = await FinanceOperation.filter(
            id=op.id, status=OpStatus.PENDING, next_attempt_at=op.next_attempt_at, next_attempt_at__lte=now
        ).update(next_attempt_at=now + self.rules.lease, tries=F("tries") + 1, updated_at=now)
        return bool(changed)

    async def _execute(self, op: FinanceOperation) -> None:
        outcomes = _outcomes_of(op, self.outcomes)
        params = op.params
        if op.op is OpKind.CAPTURE and params.get("capture_before") and \
                datetime.fromisoformat(params["capture_before"].replace("Z", "+00:00")) <= utcnow():
            LATE_CAPTURES.inc()
            CALLS.labels(op.op.value, "expired").inc()
            await outcomes.declined(op, "the authorization expired before the capture")
            return
        try:
            result = await self._call(op)
        except Declined as exc:
            CALLS.labels(op.op.value, "declined").inc()
            await outcomes.declined(op, str(exc) or "declined")
            return
        except Unavailable as exc:  # the outcome is unknown: the same key, later
            CALLS.labels(op.op.value, "retry").inc()
            await self._retry_later(op, str(exc) or type(exc).__name__)
            return
        except GatewayError as exc:  # KeyReused or unknown: a bug of ours; neither retry nor compensate blindly
            CALLS.labels(op.op.value, "stuck").inc()
            log.error("finance_operation_stuck op=%s key=%s error=%r", op.op.value, op.idempotency_key, exc)
            await FinanceOperation.filter(id=op.id, status=OpStatus.PENDING).update(
                next_attempt_at=utcnow() + STUCK_RETRY, last_error=f"{type(exc).__name__}: {exc}"[:2000],
                updated_at=utcnow())
            return
        CALLS.labels(op.op.value, "succeeded").inc()
        await outcomes.succeeded(op, result)

    async def _call(self, op: FinanceOperation) -> dict[str, Any]:
        p, key, gw = op.params, op.idempotency_key, self.gateway
        money = Money(int(p["amount"]), str(p["currency"])) if "amount" in p else None
        if op.op is OpKind.AUTHORIZE:
            assert money is not None
            state: Any = await gw.authorize(AuthorizeRequest(
                amount=money, payment_method=p["payment_method"], transfer_group=p["transfer_group"],
                metadata=dict(p.get("metadata", {})), idempotency_key=key))
        elif op.op is OpKind.CAPTURE:
            state = await gw.capture(p["payment_id"], money, idempotency_key=key)
        elif op.op is OpKind.VOID:
            state = await gw.void(p["payment_id"], idempotency_key=key)
        elif op.op is OpKind.REFUND:
            assert money is not None
            state = await gw.refund(p["payment_id"], money, idempotency_key=key)
        elif op.op is OpKind.REVERSAL:
            assert money is not None
            state = await gw.reverse_transfer(p["transfer_id"], money, idempotency_key=key)
        else:
            assert money is not None
            state = await gw.transfer(TransferRequest(
                amount=money, destination=p["destination"], transfer_group=p["transfer_group"],
                source_transaction=p.get("source_transaction"), idempotency_key=key,
                metadata=dict(p.get("metadata", {}))))
        result: dict[str, Any] = jsonable(state)
        return result

    async def _retry_later(self, op: FinanceOperation, error: str) -> None:
        fresh = await FinanceOperation.get(id=op.id)
        delay = min(self.rules.first_retry * (2 ** max(fresh.tries - 1, 0)), self.rules.max_retry)
        await FinanceOperation.filter(id=op.id, status=OpStatus.PENDING).update(
            next_attempt_at=utcnow() + delay, last_error=error[:2000], updated_at=utcnow())
        log.warning("finance_operation_retry op=%s key=%s error=%s", op.op.value, op.idempotency_key, error)


def jsonable(value: Any) -> Any:
    """A gateway state (dataclass or pydantic model, with Money and datetimes) as JSON."""
    if isinstance(value, Money):
        return value.as_dict()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, BaseModel):
        return {name: jsonable(getattr(value, name)) for name in type(value).model_fields}
    if isinstance(value, datetime):
        return isoformat(value)
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, Sequence) and not isinstance(value, (str, bytes)):
        return [jsonable(v) for v in value]
    return value
