"""Writing and closing stored operations, in the caller's unit of work."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID

from domain.finance.operations.models import FinanceOperation, OpKind, OpStatus
from domain.shared.clock import utcnow
from domain.shared.uow import UnitOfWork


def key_of(label: str, case_id: UUID, attempt: int) -> str:
    """The deterministic idempotency key: fs:<op>:<case>:<attempt>."""
    return f"fs:{label}:{case_id}:{attempt}"


async def enqueue(uow: UnitOfWork, case_id: UUID, op: OpKind, params: dict[str, Any], *, attempt: int = 1,
                  label: str | None = None, due: datetime | None = None) -> FinanceOperation:
    """Store the call (and its key) before anyone makes it. The key is unique: a second
    transition asking for the same call fails its whole unit of work."""
    return await FinanceOperation.create(
        case_id=case_id, op=op, params=params, idempotency_key=key_of(label or op.value, case_id, attempt),
        attempt=attempt, status=OpStatus.PENDING, next_attempt_at=due or utcnow(), using_db=uow.connection,
    )


async def close(uow: UnitOfWork, op: FinanceOperation, status: OpStatus, result: dict[str, Any] | None,
                error: str = "") -> bool:
    """Record the outcome once: False when another worker already did (then do nothing more)."""
    changed = await FinanceOperation.filter(id=op.id, status=OpStatus.PENDING).using_db(uow.connection).update(
        status=status, result=result, last_error=error[:2000], updated_at=utcnow()
    )
    return bool(changed)
