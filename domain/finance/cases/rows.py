"""The statements every case transition runs, written once as SQL instead of built by the ORM
per call (building a Tortoise query costs more Python than the round trip on a release's path).
The same text runs on PostgreSQL and SQLite (domain/finance/ledger/sql.py: placeholders and
values); rows come back as the Tortoise models the rest of the code uses."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from enum import Enum
from functools import cache
from typing import Any
from uuid import UUID

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.exceptions import DoesNotExist
from tortoise.models import Model

from domain.bookings.models import Booking
from domain.finance.cases.models import MilestoneState, PaymentCase, PaymentMilestone
from domain.finance.ledger import sql

_MILESTONES = "SELECT * FROM payment_milestone WHERE case_id = $1 {state} ORDER BY position"


def _columns(model: type[Model]) -> list[str]:
    # Known once Tortoise is initialised (foreign-key columns are resolved by Tortoise.init).
    return sorted(model._meta.db_fields)


def _aliased(alias: str, model: type[Model]) -> str:
    return ", ".join(f'{alias}."{column}" AS "{alias}.{column}"' for column in _columns(model))


@cache
def _case_columns() -> frozenset[str]:
    return frozenset(_columns(PaymentCase))


@cache
def _case_and_booking_sql() -> str:
    return (f"SELECT {_aliased('c', PaymentCase)}, {_aliased('b', Booking)} "  # noqa: S608 - model columns
            "FROM payment_case AS c JOIN booking AS b ON b.id = c.booking_id WHERE c.id = $1")


async def case_and_booking(conn: BaseDBAsyncClient, case_id: UUID) -> tuple[PaymentCase, Booking] | None:
    """A case and its booking (the policy and the parties need it) in one query."""
    found = await sql.rows(conn, _case_and_booking_sql(), [case_id])
    if not found:
        return None
    split: dict[str, dict[str, Any]] = {"c": {}, "b": {}}
    for key, value in found[0].items():
        alias, column = key.split(".", 1)
        split[alias][column] = value
    return PaymentCase._init_from_db(**split["c"]), Booking._init_from_db(**split["b"])


async def case(conn: BaseDBAsyncClient, case_id: UUID) -> PaymentCase:
    """The case as it is now (in the caller's transaction); DoesNotExist when there is none."""
    found = await sql.rows(conn, "SELECT * FROM payment_case WHERE id = $1", [case_id])
    if not found:
        raise DoesNotExist(PaymentCase)
    return PaymentCase._init_from_db(**found[0])


async def booking(conn: BaseDBAsyncClient, booking_id: UUID) -> Booking:
    found = await sql.rows(conn, "SELECT * FROM booking WHERE id = $1", [booking_id])
    if not found:
        raise DoesNotExist(Booking)
    return Booking._init_from_db(**found[0])


async def milestones(conn: BaseDBAsyncClient, case_id: UUID, *, pending_only: bool = False) -> list[PaymentMilestone]:
    """The case's milestones in position order (only those still held with `pending_only`)."""
    text = _MILESTONES.format(state="AND state = $2" if pending_only else "")
    args: list[Any] = [case_id, MilestoneState.PENDING.value] if pending_only else [case_id]
    return [PaymentMilestone._init_from_db(**row) for row in await sql.rows(conn, text, args)]


async def mark_released(conn: BaseDBAsyncClient, ids: Sequence[UUID], at: datetime) -> None:
    """Milestones released, in one statement."""
    marks = sql.placeholders(3, len(ids))
    await sql.execute(conn, f"UPDATE payment_milestone SET state = $1, released_at = $2 WHERE id IN ({marks})",  # noqa: S608 - placeholders only
                      [MilestoneState.RELEASED.value, at, *ids])


async def compare_and_set(conn: BaseDBAsyncClient, case: PaymentCase, values: dict[str, Any]) -> bool:
    """Write `values` to the case if it is still at the state and version it was read at."""
    unknown = set(values) - _case_columns()
    if unknown:
        raise ValueError(f"not payment_case columns: {sorted(unknown)}")
    names = list(values)
    assignments = ", ".join(f"{name} = ${number}" for number, name in enumerate(names, start=1))
    count = len(names)
    changed = await sql.execute(
        conn, f"UPDATE payment_case SET {assignments} WHERE id = ${count + 1} AND version = ${count + 2} "  # noqa: S608 - column names checked above
              f"AND state = ${count + 3}",
        [*(_plain(values[name]) for name in names), case.id, case.version, case.state.value])
    return changed == 1


def _plain(value: Any) -> Any:
    return value.value if isinstance(value, Enum) else value
