"""The store behind the Idempotency-Key header (rest/idempotency.py is the HTTP side).

One row per (scope, key): scope is whose key it is ("user:<uuid>"), key is the client's string.
A row is an attempt in flight until it holds the response to replay:

    claim()     insert the row (or find it): Owned, Replay, Mismatch, Busy or Lost
    fence()     in the handler's own unit of work (via uow.guard_commits): mark the row
                `committed` if this attempt still holds it, else roll the handler back
    complete()  store status, headers and body: from now on every retry is a Replay
                (claims and answers made at the same time share a statement: `_CLAIMS`, `_COMPLETES`)
    release()   forget an attempt that wrote nothing (a 5xx of ours): a retry runs again
    sweep()     delete rows older than the retention (24 h): the key may run anew

The fencing token makes "never twice" independent of timing: an attempt whose lease ran out
can be reclaimed by a retry (the first server died), and if the first was merely slow its
commit finds another token on the row, raises TakenOver inside its transaction and writes
nothing. The one window left is a crash between the handler's commit (row `committed`) and
complete(): the effect stands, its response is gone; retries get Lost (409), never a second run.

PostgreSQL and SQLite alike: a unique index decides the claim, compare-and-set updates the rest.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import orjson
from tortoise import fields

from domain.shared import sql
from domain.shared.clock import utcnow
from domain.shared.errors import ConflictReason, DomainError, ErrorCode
from domain.shared.grouping import StatementGroups
from domain.shared.orm import Model
from domain.shared.uow import UnitOfWork, one_statement, statement_is_transaction, unit_of_work

RETENTION = timedelta(hours=24)
MAX_KEY_LENGTH = 255

# A new attempt's row, unless the key has one: its id (nothing when the key was there).
_CLAIM = """INSERT INTO idempotency_key (scope, key, route, fingerprint, token, lease_until, committed, created_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (scope, key) DO NOTHING RETURNING id"""

# The answer, for replay, if this attempt still holds the key. Plain SQL: every request with a
# key stores one, and the ORM's update built its query anew each time (~0.1 ms of CPU).
_COMPLETE = """UPDATE idempotency_key SET status = $1, headers = $2, body = $3, lease_until = $4
WHERE id = $5 AND token = $6"""

# The same two for many attempts at once (group commit, domain/shared/grouping.py). Claims insert
# in (scope, key) order, so two groups that share keys wait on each other's rows in one order and
# never deadlock; a key twice in one group is claimed by its first attempt (ON CONFLICT sees rows
# its own statement inserted). Each attempt finds its row by its token. Both are read with
# `sql.rows`: Tortoise's execute_query returns no rows for an INSERT or UPDATE ... RETURNING.
_CLAIM_MANY = """INSERT INTO idempotency_key (scope, key, route, fingerprint, token, lease_until, committed, created_at)
SELECT * FROM unnest($1::varchar[], $2::varchar[], $3::varchar[], $4::varchar[], $5::uuid[], $6::timestamptz[],
                     $7::bool[], $8::timestamptz[]) AS c
ORDER BY 1, 2, 8
ON CONFLICT (scope, key) DO NOTHING RETURNING id, token"""
_COMPLETE_MANY = """WITH c(id, token, status, headers, body, at) AS (
    SELECT * FROM unnest($1::bigint[], $2::uuid[], $3::smallint[], $4::text[], $5::bytea[], $6::timestamptz[]))
UPDATE idempotency_key AS k
SET status = c.status, headers = c.headers::jsonb, body = c.body, lease_until = c.at
FROM c WHERE k.id = c.id AND k.token = c.token RETURNING k.id"""


class IdempotencyRecord(Model):
    """A request made with an Idempotency-Key: in flight until `status` is set, then its
    response, replayed to the same scope and key until the row is swept."""

    id = fields.BigIntField(primary_key=True)
    scope = fields.CharField(max_length=64)  # "user:<uuid>"
    key = fields.CharField(max_length=MAX_KEY_LENGTH)
    route = fields.CharField(max_length=255)  # "POST /v1/bookings": tells a reused key from a changed body
    fingerprint = fields.CharField(max_length=64)  # sha256 of method, path, query and canonical body
    token = fields.UUIDField()  # the attempt that holds the row (fencing token)
    lease_until = fields.DatetimeField()  # past it, an attempt that committed nothing may be reclaimed
    committed = fields.BooleanField(default=False)  # the handler's unit of work committed
    status = fields.SmallIntField(null=True)  # the response, once stored
    headers: Any = fields.JSONField(null=True)
    body = fields.BinaryField(null=True)
    created_at = fields.DatetimeField(db_index=True)

    class Meta:
        table = "idempotency_key"
        unique_together = (("scope", "key"),)


@dataclass(frozen=True)
class StoredResponse:
    status: int
    headers: dict[str, str]
    body: bytes


@dataclass(frozen=True)
class Owned:
    """This attempt holds the key: run the request, then complete() or release()."""

    record_id: int
    token: uuid.UUID


@dataclass(frozen=True)
class Replay:
    response: StoredResponse


@dataclass(frozen=True)
class Mismatch:
    """The key was used for another request (another body, or another route)."""

    other_route: bool


@dataclass(frozen=True)
class Busy:
    """Another attempt holds the key and its lease runs; wait, then ask again."""

    lease_until: datetime


@dataclass(frozen=True)
class Lost:
    """The first attempt committed but never stored its response (the server stopped between)."""


Claim = Owned | Replay | Mismatch | Busy | Lost


class KeyInvalid(DomainError):
    code = ErrorCode.IDEMPOTENCY_KEY_INVALID
    default_message = f"Idempotency-Key must be 1 to {MAX_KEY_LENGTH} visible ASCII characters."


class KeyReused(DomainError):
    code = ErrorCode.IDEMPOTENCY_KEY_REUSED
    reason = ConflictReason.KEY_REUSED
    default_message = "This Idempotency-Key was already used for a different request."


class KeyInProgress(DomainError):
    code = ErrorCode.IDEMPOTENCY_KEY_IN_PROGRESS
    reason = ConflictReason.IN_PROGRESS
    default_message = "A request with this Idempotency-Key is still being processed; retry shortly."


class ResponseLost(DomainError):
    code = ErrorCode.IDEMPOTENCY_RESPONSE_LOST
    reason = ConflictReason.RESPONSE_LOST
    default_message = ("The request with this Idempotency-Key was carried out, but its response was not kept; "
                       "read the resource instead of retrying.")


class TakenOver(KeyInProgress):
    """Raised inside a handler's unit of work whose claim was reclaimed by a retry: it rolls back."""

    default_message = "Another attempt with this Idempotency-Key took over; retry to get its response."


async def claim(scope: str, key: str, route: str, fingerprint: str, *, lease: timedelta,
                retention: timedelta = RETENTION) -> Claim:
    """Take the key for this attempt, or say what the attempt holding it (or its response) is."""
    while True:
        now = utcnow()
        token = uuid.uuid4()
        # ON CONFLICT DO NOTHING: a concurrent duplicate waits on the unique index for the first
        # insert to commit, then inserts nothing; whoever's token is on the row holds the key.
        # One statement, its own transaction on PostgreSQL (with the claims that came meanwhile:
        # `_CLAIMS`): a new key (the usual case) is Owned at once; only a key met before is read back.
        attempt = (scope, key, route, fingerprint, token, now + lease, False, now)
        inserted = await (_CLAIMS.run(attempt) if statement_is_transaction() else _claim_one(attempt))
        if inserted is not None:
            return Owned(inserted, token)
        row = await IdempotencyRecord.get_or_none(scope=scope, key=key)
        if row is None:  # released or swept in between: try again
            continue
        if row.token == token:
            return Owned(row.id, token)
        if row.created_at <= now - retention:  # expired but not swept yet: it may run anew
            async with unit_of_work() as uow:
                await IdempotencyRecord.filter(id=row.id, token=row.token).using_db(uow.connection).delete()
            continue
        if row.fingerprint != fingerprint:
            return Mismatch(other_route=row.route != route)
        if row.status is not None:
            return Replay(StoredResponse(row.status, dict(row.headers or {}), bytes(row.body or b"")))
        if row.lease_until > now:
            return Busy(row.lease_until)
        if row.committed:
            return Lost()
        # The attempt that held it died (or is stuck) before committing anything: take it over.
        async with unit_of_work() as uow:
            taken = await IdempotencyRecord.filter(
                id=row.id, token=row.token, committed=False, status__isnull=True,
            ).using_db(uow.connection).update(token=token, lease_until=now + lease)
        if taken:
            return Owned(row.id, token)


async def fence(uow: UnitOfWork, owned: Owned) -> None:
    """In the handler's transaction: mark the row committed if this attempt still holds it;
    otherwise raise TakenOver, which rolls the handler's writes back."""
    held = await IdempotencyRecord.filter(id=owned.record_id, token=owned.token).using_db(
        uow.connection).update(committed=True)
    if not held:
        raise TakenOver()


async def complete(owned: Owned, response: StoredResponse) -> bool:
    """Store the response for replay; False when the attempt no longer holds the key."""
    answer = (owned.record_id, owned.token, response.status, orjson.dumps(response.headers).decode(),
              response.body, utcnow())
    return await (_COMPLETES.run(answer) if statement_is_transaction() else _complete_one(answer))


_Attempt = tuple[str, str, str, str, uuid.UUID, datetime, bool, datetime]  # _CLAIM's arguments
_Answer = tuple[int, uuid.UUID, int, str, bytes, datetime]  # record id, token, status, headers, body, at


def _columns(rows: Sequence[tuple[object, ...]]) -> list[list[object]]:
    """Rows of arguments as the columns `unnest` takes, one array each."""
    return [list(column) for column in zip(*rows, strict=True)]


async def _claim_one(attempt: _Attempt) -> int | None:
    """The new row's id, None when the key had one. Its own transaction on PostgreSQL: a new
    key (the usual case) is Owned in one round trip."""
    async with one_statement() as uow:
        inserted = await sql.rows(uow.connection, _CLAIM, list(attempt))
    return int(inserted[0]["id"]) if inserted else None


async def _claim_many(attempts: Sequence[_Attempt]) -> list[int | None]:
    async with one_statement() as uow:
        inserted = await sql.rows(uow.connection, _CLAIM_MANY, _columns(attempts))
    ids = {str(row["token"]): int(row["id"]) for row in inserted}
    return [ids.get(str(attempt[4])) for attempt in attempts]


async def _complete_one(answer: _Answer) -> bool:
    record_id, token, status, headers, body, at = answer
    async with one_statement() as uow:
        stored = await sql.execute(uow.connection, _COMPLETE, [status, headers, body, at, record_id, token])
    return bool(stored)


async def _complete_many(answers: Sequence[_Answer]) -> list[bool]:
    async with one_statement() as uow:
        stored = await sql.rows(uow.connection, _COMPLETE_MANY, _columns(answers))
    ids = {int(row["id"]) for row in stored}
    return [answer[0] in ids for answer in answers]


# This process's group commits of claims and stored answers: every request with a key makes one
# of each, each its own transaction (and WAL flush) when alone.
_CLAIMS: StatementGroups[_Attempt, int | None] = StatementGroups("idempotency-claim", _claim_one, _claim_many)
_COMPLETES: StatementGroups[_Answer, bool] = StatementGroups("idempotency-complete", _complete_one, _complete_many)


async def release(owned: Owned) -> bool:
    """Forget an attempt that committed nothing, so a retry runs again."""
    async with one_statement() as uow:
        deleted = await IdempotencyRecord.filter(id=owned.record_id, token=owned.token, committed=False).using_db(
            uow.connection).delete()
    return bool(deleted)


async def sweep(retention: timedelta = RETENTION) -> int:
    """Delete the keys older than the retention; returns how many went."""
    async with unit_of_work() as uow:
        deleted: Any = await IdempotencyRecord.filter(created_at__lte=utcnow() - retention).using_db(
            uow.connection).delete()
    return int(deleted)
