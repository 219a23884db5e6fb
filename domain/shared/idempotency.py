"""The store behind the Idempotency-Key header (rest/idempotency.py is the HTTP side).

One row per (scope, key): scope is whose key it is ("user:<uuid>"), key is the client's string.
A row is an attempt in flight until it holds the response to replay:

    claim()     insert the row (or find it): Owned, Replay, Mismatch, Busy or Lost
    fence()     in the handler's own unit of work (via uow.guard_commits): mark the row
                `committed` if this attempt still holds it, else roll the handler back
    complete()  store status, headers and body: from now on every retry is a Replay
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
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import orjson
from tortoise import fields
from tortoise.models import Model

from domain.shared import sql
from domain.shared.clock import utcnow
from domain.shared.errors import ConflictReason, DomainError, ErrorCode
from domain.shared.uow import UnitOfWork, one_statement, unit_of_work

RETENTION = timedelta(hours=24)
MAX_KEY_LENGTH = 255

# A new attempt's row, unless the key has one: its id (nothing when the key was there).
_CLAIM = """INSERT INTO idempotency_key (scope, key, route, fingerprint, token, lease_until, committed, created_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (scope, key) DO NOTHING RETURNING id"""

# The answer, for replay, if this attempt still holds the key. Plain SQL: every request with a
# key stores one, and the ORM's update built its query anew each time (~0.1 ms of CPU).
_COMPLETE = """UPDATE idempotency_key SET status = $1, headers = $2, body = $3, lease_until = $4
WHERE id = $5 AND token = $6"""


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
        # One statement, its own transaction on PostgreSQL: a new key (the usual case) is Owned
        # in one round trip; only a key met before is read back.
        async with one_statement() as uow:
            inserted = await sql.rows(uow.connection, _CLAIM, [
                scope, key, route, fingerprint, token, now + lease, False, now])
        if inserted:
            return Owned(int(inserted[0]["id"]), token)
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
    async with one_statement() as uow:  # its own transaction: one round trip on PostgreSQL
        stored = await sql.execute(uow.connection, _COMPLETE, [
            response.status, orjson.dumps(response.headers).decode(), response.body, utcnow(), owned.record_id,
            owned.token])
    return bool(stored)


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
