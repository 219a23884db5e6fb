"""The statements every case transition runs, written once as SQL instead of built by the ORM
per call (building a Tortoise query costs more Python than the round trip on a release's path).
The same text runs on PostgreSQL and SQLite (domain/finance/ledger/sql.py: placeholders and
values); rows come back as the Tortoise models the rest of the code uses."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from functools import cache
from typing import Any
from uuid import UUID

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.exceptions import DoesNotExist

from domain.accounts.models import MembershipStatus
from domain.bookings.models import Booking
from domain.bookings.parties import MANAGING_ROLES, remember_parties
from domain.finance import ledger
from domain.finance.cases.models import MilestoneState, PaymentCase, PaymentMilestone
from domain.finance.chargebacks import holds
from domain.finance.chargebacks.models import Outcome
from domain.finance.ledger.balances import OWNER_SUMS_JSON, fold_owner_sums
from domain.shared import sql
from domain.shared.context import Actor
from domain.shared.ids import as_uuid

_NOBODY = UUID(int=0)  # an actor id that is no user: on no crew, managing nothing
_MILESTONES = "SELECT * FROM payment_milestone WHERE case_id = $1 {state} ORDER BY position"


@cache
def _case_columns() -> frozenset[str]:
    return frozenset(sql.columns(PaymentCase))


@cache
def _case_and_booking_sql() -> str:
    # With the actor's place on the booking (parties_of's two questions): crew (2 lead, 1 not,
    # NULL not on it) and whether they manage its organisation; and one row per milestone
    # (every case has at least one), in position order.
    return (f"SELECT {sql.aliased('c', PaymentCase)}, {sql.aliased('b', Booking)}, "  # noqa: S608 - model columns
            f"{sql.aliased('m', PaymentMilestone)}, "
            '(SELECT MAX(CASE WHEN a.lead THEN 2 ELSE 1 END) FROM booking_assignment AS a '
            'WHERE a.booking_id = b.id AND a.serviceman_id = $2) AS "x.crew", '
            'EXISTS (SELECT 1 FROM membership AS m WHERE m.organisation_id = b.organisation_id AND m.user_id = $2 '
            'AND m.status = $3 AND m.role IN ($4, $5)) AS "x.manager" '
            "FROM payment_case AS c JOIN booking AS b ON b.id = c.booking_id "
            "LEFT JOIN payment_milestone AS m ON m.case_id = c.id WHERE c.id = $1 ORDER BY m.position")


async def case_and_booking(conn: BaseDBAsyncClient, case_id: UUID, actor: Actor) -> tuple[PaymentCase, Booking] | None:
    """A case and its booking (the policy and the parties need it) in one query, with who the
    actor is on the booking remembered on it (domain/bookings/parties.py: no further query) and
    the case's milestones remembered on the case (`remembered_milestones`)."""
    user_id = as_uuid(actor.user_id)
    found = await sql.rows(conn, _case_and_booking_sql(), [case_id, user_id or _NOBODY, MembershipStatus.ACCEPTED.value,
                                                           *(role.value for role in MANAGING_ROLES)])
    if not found:
        return None
    milestone_rows: list[PaymentMilestone] = []
    for number, row in enumerate(found):
        split = sql.split_aliased(row, "c", "b", "x", "m")
        if number == 0:
            case_row = PaymentCase._init_from_db(**split["c"])
            booking_row = Booking._init_from_db(**split["b"])
        if split["m"]["id"] is not None:
            milestone_rows.append(PaymentMilestone._init_from_db(**split["m"]))
    remember_milestones(case_row, milestone_rows)
    if user_id is not None:
        crew = split["x"]["crew"]
        remember_parties(actor, booking_row, crew_lead=None if crew is None else int(crew) == 2,
                         manager=bool(split["x"]["manager"]))
    return case_row, booking_row


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


def remember_milestones(case: PaymentCase, found: list[PaymentMilestone]) -> None:
    """The case's milestones as they are at this case's version: read with it, or as the
    transition that returned `case` left them (the release and the view use them instead of
    reading them again)."""
    case.__dict__["_milestones_memo"] = (case.version, found)


def remembered_milestones(case: PaymentCase) -> list[PaymentMilestone] | None:
    """The milestones remembered at the case's current version, else None (read them). Every
    write to a case's milestones moves the case's version in the same transaction (checkout
    creates both; a release marks them in its compare-and-set; a refund, or a refused one, moves
    the case after changing them), so milestones remembered at version v are the milestones of
    any case row at version v, and a compare-and-set on v proves they are still current. A copy
    of the case made by a move (moving.py) has the next version: its memo no longer applies."""
    memo: tuple[int, list[PaymentMilestone]] | None = case.__dict__.get("_milestones_memo")
    if memo is None or memo[0] != case.version:
        return None
    return memo[1]


async def mark_released(conn: BaseDBAsyncClient, ids: Sequence[UUID], at: datetime) -> None:
    """Milestones released, in one statement."""
    marks = sql.placeholders(3, len(ids))
    await sql.execute(conn, f"UPDATE payment_milestone SET state = $1, released_at = $2 WHERE id IN ({marks})",  # noqa: S608 - placeholders only
                      [MilestoneState.RELEASED.value, at, *ids])


ReleaseReads = tuple[dict[str, int], list[holds.OpenHold]]


@dataclass
class Releasing:
    """What a release's compare-and-set also does: mark `ids` released at `at` and, on
    PostgreSQL, read in the same statement what `owners` owe us in `currency` and the open
    chargebacks (`asked`, filled in when it moved; as `release_reads` answers). Its snapshot is
    that of the statement, after every earlier statement of the transaction (a refund just booked
    by the same unit of work included)."""

    ids: Sequence[UUID]
    at: datetime
    owners: Sequence[str] = ()
    currency: str = ""
    asked: ReleaseReads | None = None


async def compare_and_set(conn: BaseDBAsyncClient, case: PaymentCase, values: dict[str, Any],
                          released: Releasing | None = None) -> bool:
    """Write `values` to the case if it is still at the state and version it was read at; with
    `released`, those milestones are marked released only if it was, in the same statement on
    PostgreSQL, which also answers the release's reads when it names owners (two round trips
    saved on a release's path)."""
    unknown = set(values) - _case_columns()
    if unknown:
        raise ValueError(f"not payment_case columns: {sorted(unknown)}")
    names = list(values)
    assignments = ", ".join(f"{name} = ${number}" for number, name in enumerate(names, start=1))
    count = len(names)
    # On PostgreSQL `state IS NOT DISTINCT FROM` (state is never NULL: the same test as `=`) keeps
    # the planner on the primary key: with `state = $n` a generic plan took the state index and
    # went through every case in that state to find this one.
    same = "IS NOT DISTINCT FROM" if sql.is_postgres(conn) else "="
    update = (f"UPDATE payment_case SET {assignments} WHERE id = ${count + 1} AND version = ${count + 2} "  # noqa: S608 - column names checked above
              f"AND state {same} ${count + 3}")
    args = [*(_plain(values[name]) for name in names), case.id, case.version, case.state.value]
    if released is None or not sql.is_postgres(conn):
        changed = await sql.execute(conn, update, args)
        if changed == 1 and released is not None:
            await mark_released(conn, released.ids, released.at)
        return changed == 1
    marks = sql.placeholders(count + 6, len(released.ids))
    args += [MilestoneState.RELEASED.value, released.at, *released.ids]
    reads, wanted = "", sorted(set(released.owners))
    if wanted:
        first = len(args) + 1
        reads = ", " + _release_reads_columns(f"${first}", f"${first + 1}", f"${first + 2}", f"${first + 3}")
        args += [ledger.AccountKind.PROVIDER_RECEIVABLE.value, released.currency, wanted, Outcome.OPEN.value]
    # (a WITH's UPDATE always runs, whether the final SELECT reads it or not)
    found = await sql.rows(conn, f"WITH moved AS ({update} RETURNING id), marked AS ("  # noqa: S608 - placeholders only
                                 f"UPDATE payment_milestone SET state = ${count + 4}, released_at = ${count + 5} "
                                 f"WHERE id IN ({marks}) AND EXISTS (SELECT 1 FROM moved) RETURNING id) "
                                 f"SELECT (SELECT COUNT(*) FROM moved) AS moved{reads}", args)
    moved = int(found[0]["moved"]) == 1
    if moved and wanted:
        released.asked = _release_answer(found[0], released.currency, wanted)
    return moved


def _release_reads_columns(kind: str, currency: str, owners: str, open_: str) -> str:
    owed = OWNER_SUMS_JSON.format(kind=kind, currency=currency, owners=owners)
    return f"{owed} AS owed, {holds.OPEN_JSON.format(open=open_, currency=currency)} AS holds"


@cache
def _release_reads_sql() -> str:
    return f"SELECT {_release_reads_columns('$1', '$2', '$3', '$4')}"


async def release_reads(conn: BaseDBAsyncClient, owners: Sequence[str], currency: str) -> ReleaseReads | None:
    """What a release asks before its ledger entry, in one round trip on PostgreSQL: what each
    payee owes us (their provider_receivable, netted against this release) and the open
    chargebacks of the currency (chargebacks/holds.py takes from them). None on SQLite (the
    callers ask the two questions apart there)."""
    if not sql.is_postgres(conn):
        return None
    wanted = sorted(set(owners))
    found = (await sql.rows(conn, _release_reads_sql(), [ledger.AccountKind.PROVIDER_RECEIVABLE.value, currency,
                                                         wanted, Outcome.OPEN.value]))[0]
    return _release_answer(found, currency, wanted)


def _release_answer(found: dict[str, Any], currency: str, wanted: list[str]) -> ReleaseReads:
    owed = fold_owner_sums(ledger.AccountKind.PROVIDER_RECEIVABLE, currency, wanted,
                           json.loads(found["owed"]) if found["owed"] else None)
    open_holds = [holds.OpenHold.of(row) for row in json.loads(found["holds"] or "[]")]
    return {owner: max(0, int(balance.posted)) for owner, balance in owed.items()}, open_holds


def _plain(value: Any) -> Any:
    return value.value if isinstance(value, Enum) else value
