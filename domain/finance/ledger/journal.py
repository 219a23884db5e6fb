"""Writing the journal: post an entry, resolve a pending hold, reverse an entry.

Every write runs in the caller's unit of work, and a refusal (InsufficientFunds, a conflict)
leaves nothing written even when the caller catches it and commits the rest.

The steps of one entry (on PostgreSQL one round trip: the `ledger_write` function of migration
8, rewritten by 24 to look each account up once, whose checks all come before its first insert;
on the SQLite demo the same steps from Python inside a savepoint, with a compare-and-set instead
of the lock):
1. the no-overdraft accounts the entry *debits* are locked, in account-id order (PostgreSQL:
   SELECT ... ORDER BY id FOR UPDATE; SQLite: `version` compare-and-set);
2. a replay: the idempotency key exists with the same digest of the legs -> that entry
   (created=False); with another digest -> IdempotencyConflict. A hold already resolved or an
   entry already reversed -> AlreadyResolved / AlreadyReversed (unique `resolves_id`,
   `reverses_id` settle a race);
3. for the locked accounts: credits posted - debits posted - debits pending, this entry's debits
   included, must stay >= 0 (TigerBeetle's debits_must_not_exceed_credits), else InsufficientFunds;
4. accounts created on first use (INSERT ... ON CONFLICT DO NOTHING, in key order);
5. the entry (INSERT ... ON CONFLICT DO NOTHING: a concurrent twin makes this a replay);
6. the postings;
then one audit record (domain/audit) with the actor, the reason and the request id.

Hot accounts (platform_commission, gateway_balance, tax_payable) are only ever appended to:
no running counter, no lock, no foreign key on the posting (models.py). Their balances are sums.
A release only credits them, and a credit never needs the limit check, so releases commit side
by side; two debits of one case's held funds serialize on that case's account row, which is
exactly the contention that must exist.

Balanced per currency is checked here before anything is written, and again on PostgreSQL by a
deferred constraint trigger at commit (migration 8); a posting's currency must be its account's
(a trigger on both databases).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from uuid import UUID, uuid4

from tortoise.backends.base.client import BaseDBAsyncClient

from domain.audit import services as audit
from domain.finance.ledger.errors import (
    AlreadyResolved,
    AlreadyReversed,
    ConcurrentUpdate,
    EntryNotFound,
    IdempotencyConflict,
    InsufficientFunds,
    InvalidEntry,
    NotPending,
    NotReversible,
    UnbalancedEntry,
)
from domain.finance.ledger.types import (
    NO_OVERDRAFT,
    AccountKey,
    AccountKind,
    EntryDraft,
    Leg,
    PostedEntry,
    Side,
    normal_side,
)
from domain.shared import sql
from domain.shared.context import Actor, RequestContext
from domain.shared.uow import UnitOfWork, unit_of_work

POSTED, PENDING, RELEASED = "posted", "pending", "released"
HOLD_POSTED, HOLD_VOIDED, REVERSAL = "hold_posted", "hold_voided", "reversal"
_CURRENCY = re.compile(r"^[A-Z]{3}$")
MAX_LEGS = 64


@dataclass(frozen=True)
class _Line:
    account: AccountKey
    side: Side
    bucket: str
    amount: int


@dataclass(frozen=True)
class _Entry:
    key: str
    kind: str
    lines: tuple[_Line, ...]
    actor: str
    reason: str
    request_id: str | None
    case_id: UUID | None
    pending: bool
    reverses: UUID | None = None
    resolves: UUID | None = None
    resolution: str | None = None  # "post" | "void" for a resolution: part of its digest


async def post(uow: UnitOfWork, draft: EntryDraft) -> PostedEntry:
    """Write `draft` once. Same key + same legs: the existing entry (created=False); same key +
    other legs: IdempotencyConflict; a no-overdraft account crossing zero: InsufficientFunds."""
    _check_draft(draft)
    bucket = PENDING if draft.pending else POSTED
    entry = _Entry(draft.idempotency_key, draft.kind,
                   tuple(_Line(leg.account, leg.side, bucket, leg.amount) for leg in draft.legs),
                   draft.actor, draft.reason, draft.request_id, draft.case_id, draft.pending,
                   reverses=draft.reverses)
    if draft.reverses is not None:
        original = await _load(uow.connection, draft.reverses)
        if original["pending"]:
            raise NotReversible("A pending hold is voided, not reversed.")
    return await _record(uow, entry)


async def resolve_pending(uow: UnitOfWork, entry_id: UUID, *, post: bool, key: str, actor: str, reason: str,
                          request_id: str | None = None) -> PostedEntry:
    """Post (`post=True`) or void a pending hold, at most once: a new entry gives the hold's
    amounts back (`released`) and, when posting, books them as posted."""
    _check_text(key=key, actor=actor, reason=reason, request_id=request_id)
    original, lines = await _load_with_lines(uow.connection, entry_id)
    if not original["pending"]:
        raise NotPending()
    held = [line for line in lines if line.bucket == PENDING]
    lines = [_Line(line.account, line.side, RELEASED, line.amount) for line in held]
    if post:
        lines += [_Line(line.account, line.side, POSTED, line.amount) for line in held]
    entry = _Entry(key, HOLD_POSTED if post else HOLD_VOIDED, tuple(lines), actor, reason, request_id,
                   _opt_uuid(original["case_id"]), False, resolves=entry_id, resolution="post" if post else "void")
    return await _record(uow, entry)


async def reverse(uow: UnitOfWork, entry_id: UUID, *, key: str, actor: str, reason: str,
                  request_id: str | None = None) -> PostedEntry:
    """Correct a posted entry with its mirror image, linked to it (one reversal per entry).
    The reversal is refused like any entry if it would overdraw a no-overdraft account."""
    _check_text(key=key, actor=actor, reason=reason, request_id=request_id)
    original, found = await _load_with_lines(uow.connection, entry_id)
    if original["pending"]:
        raise NotReversible("A pending hold is voided, not reversed.")
    posted = [line for line in found if line.bucket == POSTED]
    if not posted:
        raise NotReversible("This entry posted nothing to reverse.")
    lines = tuple(_Line(line.account, line.side.opposite, POSTED, line.amount) for line in posted)
    entry = _Entry(key, REVERSAL, lines, actor, reason, request_id, _opt_uuid(original["case_id"]), False,
                   reverses=entry_id)
    return await _record(uow, entry)


# -- validation -------------------------------------------------------------------------------

def _check_text(*, key: str, actor: str, reason: str, request_id: str | None, kind: str = "x") -> None:
    problems = []
    for name, value, limit in (("idempotency_key", key, 255), ("actor", actor, 64), ("reason", reason, 255),
                               ("kind", kind, 64)):
        if not isinstance(value, str) or not value.strip() or len(value) > limit:
            problems.append({"field": name, "message": f"1 to {limit} characters"})
    if request_id is not None and (not isinstance(request_id, str) or len(request_id) > 128):
        problems.append({"field": "request_id", "message": "at most 128 characters"})
    if problems:
        raise InvalidEntry(errors=problems)


def _check_draft(draft: EntryDraft) -> None:
    _check_text(key=draft.idempotency_key, actor=draft.actor, reason=draft.reason, request_id=draft.request_id,
                kind=draft.kind)
    if not 2 <= len(draft.legs) <= MAX_LEGS:
        raise InvalidEntry(errors=[{"field": "legs", "message": f"2 to {MAX_LEGS} legs"}])
    if draft.pending and draft.reverses is not None:
        raise InvalidEntry(errors=[{"field": "reverses", "message": "a pending hold cannot reverse an entry"}])
    sums: dict[str, int] = defaultdict(int)
    for i, leg in enumerate(draft.legs):
        _check_leg(i, leg)
        sums[leg.account.currency] += leg.amount if leg.side is Side.DEBIT else -leg.amount
    unbalanced = {currency: total for currency, total in sums.items() if total}
    if unbalanced:
        raise UnbalancedEntry(errors=[{"field": "legs", "message": f"{currency} debits - credits = {total}"}
                                      for currency, total in sorted(unbalanced.items())])


def _check_leg(i: int, leg: Leg) -> None:
    account = leg.account
    problems = []
    if not isinstance(leg.amount, int) or isinstance(leg.amount, bool) or leg.amount <= 0:
        problems.append("amount must be a positive integer (minor units)")
    if not isinstance(leg.side, Side):
        problems.append("side must be debit or credit")
    if not isinstance(account.kind, AccountKind):
        problems.append("unknown account kind")
    if not isinstance(account.currency, str) or not _CURRENCY.match(account.currency):
        problems.append("currency must be an ISO 4217 code")
    if not isinstance(account.owner, str) or not account.owner or len(account.owner) > 128:
        problems.append("owner must be 1 to 128 characters")
    if problems:
        raise InvalidEntry(errors=[{"field": f"legs[{i}]", "message": p} for p in problems])


def _digest(entry: _Entry) -> str:
    legs = sorted((line.account.kind.value, line.account.owner, line.account.currency, line.side.value,
                   line.bucket, line.amount) for line in entry.lines)
    body = [entry.kind, entry.pending, str(entry.reverses), str(entry.resolves), entry.resolution, legs]
    return hashlib.sha256(json.dumps(body, separators=(",", ":")).encode()).hexdigest()


def _opt_uuid(value: Any) -> UUID | None:
    return None if value is None else sql.as_uuid(value)


# -- the write path ---------------------------------------------------------------------------

def _guarded(line: _Line) -> bool:
    """A debit (posted or pending) of a no-overdraft account: the entries that need its lock."""
    kind = line.account.kind
    return kind in NO_OVERDRAFT and line.side is not normal_side(kind) and line.bucket in (POSTED, PENDING)


async def _record(uow: UnitOfWork, entry: _Entry) -> PostedEntry:
    """Write `entry` and its audit record, or refuse it with nothing written."""
    digest = _digest(entry)
    if sql.is_postgres(uow.connection):
        posted = await _write_postgres(uow.connection, entry, digest)
    else:
        async with unit_of_work() as inner:  # a savepoint: a refusal after the first insert undoes it
            posted = await _write_sqlite(inner.connection, entry, digest)
    if posted.created:
        await audit.record(
            uow, actor=Actor(user_id=entry.actor), action="ledger.entry", subject_type="ledger_entry",
            subject_id=str(posted.id), context=RequestContext(request_id=entry.request_id),
            after={"kind": entry.kind, "idempotency_key": entry.key, "reason": entry.reason,
                   "case_id": None if entry.case_id is None else str(entry.case_id), "pending": entry.pending,
                   "reverses": None if entry.reverses is None else str(entry.reverses),
                   "resolves": None if entry.resolves is None else str(entry.resolves),
                   "legs": [{"account": [line.account.kind.value, line.account.owner, line.account.currency],
                             "side": line.side.value, "bucket": line.bucket, "amount": line.amount}
                            for line in entry.lines]})
    return posted


async def _write_postgres(conn: BaseDBAsyncClient, entry: _Entry, digest: str) -> PostedEntry:
    """One round trip: `ledger_write` (migrations 8 and 24) runs the steps of this module's docstring."""
    lines = entry.lines
    found = await sql.rows(conn, """
        SELECT * FROM ledger_write($1::uuid, $2::text, $3::text, $4::boolean, $5::text, $6::text, $7::text, $8::text,
                                   $9::uuid, $10::uuid, $11::uuid, $12::timestamptz, $13::text[], $14::text[],
                                   $15::text[], $16::text[], $17::text[], $18::bigint[], $19::boolean[])""",
        [uuid4(), entry.key, entry.kind, entry.pending, digest, entry.actor, entry.reason, entry.request_id,
         entry.case_id, entry.reverses, entry.resolves, datetime.now(UTC),
         [line.account.kind.value for line in lines], [line.account.owner for line in lines],
         [line.account.currency for line in lines], [line.side.value for line in lines],
         [line.bucket for line in lines], [line.amount for line in lines], [_guarded(line) for line in lines]])
    row = found[0]
    outcome = row["outcome"]
    if outcome in ("created", "replay"):
        return PostedEntry(sql.as_uuid(row["entry_id"]), created=outcome == "created")
    if outcome == "conflict":
        raise IdempotencyConflict(details={"idempotency_key": entry.key})
    if outcome == "resolved":
        raise AlreadyResolved(details={"entry_id": str(entry.resolves)})
    if outcome == "reversed":
        raise AlreadyReversed(details={"entry_id": str(entry.reverses)})
    raise InsufficientFunds(details={"account": {"kind": row["short_kind"], "owner": row["short_owner"],
                                                 "currency": row["short_currency"]},
                                     "shortfall": int(row["shortfall"])})


async def _write_sqlite(conn: BaseDBAsyncClient, entry: _Entry, digest: str) -> PostedEntry:
    """The same steps from Python, on the SQLite demo (in-process: round trips cost little)."""
    accounts = await ensure_accounts(conn, [line.account for line in entry.lines])
    entry_id, created_at = uuid4(), datetime.now(UTC)
    inserted = await sql.rows(conn, f"""
        INSERT INTO ledger_entry (id, idempotency_key, kind, pending, legs_digest, actor, reason, request_id,
                                  case_id, reverses_id, resolves_id, created_at)
        VALUES ({sql.placeholders(1, 12)}) ON CONFLICT DO NOTHING RETURNING id""",  # noqa: S608
        [entry_id, entry.key, entry.kind, entry.pending, digest, entry.actor, entry.reason, entry.request_id,
         entry.case_id, entry.reverses, entry.resolves, created_at])
    if not inserted:
        return await _existing(conn, entry, digest)
    guarded = sorted({accounts[line.account][0] for line in entry.lines if _guarded(line)})
    await _lock(conn, guarded, {account_id: version for account_id, version in accounts.values()})
    args: list[Any] = []
    values = []
    for line in entry.lines:
        values.append(f"({sql.placeholders(len(args) + 1, 6)})")
        args += [entry_id, accounts[line.account][0], line.side.value, line.bucket, line.amount,
                 line.account.currency]
    await sql.execute(conn, "INSERT INTO ledger_posting (entry_id, account_id, side, bucket, amount, currency) "
                            "VALUES " + ", ".join(values), args)
    if guarded:
        await _check_limits(conn, guarded, {accounts[key][0]: key for key in accounts})
    return PostedEntry(entry_id, created=True)


async def ensure_accounts(conn: BaseDBAsyncClient, keys: Iterable[AccountKey]) -> dict[AccountKey, tuple[int, int]]:
    """Account id and version for each key, creating the missing ones (race-safe)."""
    wanted = sorted(set(keys))
    found = await _find_accounts(conn, wanted)
    for _attempt in range(3):
        missing = [key for key in wanted if key not in found]
        if not missing:
            return found
        args: list[Any] = []
        values = []
        now = datetime.now(UTC)
        for key in missing:
            values.append(f"({sql.placeholders(len(args) + 1, 5)})")
            args += [key.kind.value, key.owner, key.currency, 0, now]
        await sql.execute(conn, "INSERT INTO ledger_account (kind, owner, currency, version, created_at) VALUES "  # noqa: S608 - placeholders only
                          + ", ".join(values) + " ON CONFLICT (kind, owner, currency) DO NOTHING", args)
        found.update(await _find_accounts(conn, missing))
    raise ConcurrentUpdate("ledger accounts could not be created")  # pragma: no cover - never seen


async def _find_accounts(conn: BaseDBAsyncClient, keys: Sequence[AccountKey]) -> dict[AccountKey, tuple[int, int]]:
    args: list[Any] = []
    rows = []
    for key in keys:
        rows.append(f"({sql.placeholders(len(args) + 1, 3)})")
        args += [key.kind.value, key.owner, key.currency]
    found = await sql.rows(conn, "SELECT id, kind, owner, currency, version FROM ledger_account "  # noqa: S608 - placeholders only
                                 f"WHERE (kind, owner, currency) IN ({', '.join(rows)})", args)
    return {AccountKey(AccountKind(r["kind"]), r["owner"], r["currency"]): (int(r["id"]), int(r["version"]))
            for r in found}


async def _lock(conn: BaseDBAsyncClient, ids: list[int], versions: dict[int, int]) -> None:
    for account_id in ids:  # SQLite ignores FOR UPDATE: compare-and-set on the version read above
        if not await sql.execute(conn, "UPDATE ledger_account SET version = version + 1 WHERE id = $1 AND version = $2",
                                 [account_id, versions[account_id]]):
            raise ConcurrentUpdate()


async def _check_limits(conn: BaseDBAsyncClient, ids: list[int], keys: dict[int, AccountKey]) -> None:
    marks = ", ".join(f"${i + 1}" for i in range(len(ids)))
    sums = await sql.rows(conn, "SELECT account_id, side, bucket, SUM(amount) AS total FROM ledger_posting "  # noqa: S608 - placeholders only
                                f"WHERE account_id IN ({marks}) GROUP BY account_id, side, bucket", ids)
    available: dict[int, int] = defaultdict(int)
    for r in sums:  # credit-normal accounts: credits posted - debits posted - debits pending
        total, side, bucket = int(r["total"]), r["side"], r["bucket"]
        if side == Side.CREDIT and bucket == POSTED:
            available[int(r["account_id"])] += total
        elif side == Side.DEBIT:
            sign = {POSTED: -1, PENDING: -1, RELEASED: 1}[bucket]
            available[int(r["account_id"])] += sign * total
    short = [account_id for account_id in ids if available[account_id] < 0]
    if short:
        key = keys[short[0]]
        raise InsufficientFunds(details={"account": {"kind": key.kind.value, "owner": key.owner,
                                                     "currency": key.currency},
                                         "shortfall": -available[short[0]]})


async def _existing(conn: BaseDBAsyncClient, entry: _Entry, digest: str) -> PostedEntry:
    found = await sql.rows(conn, "SELECT id, legs_digest FROM ledger_entry WHERE idempotency_key = $1", [entry.key])
    if found:
        if found[0]["legs_digest"] != digest:
            raise IdempotencyConflict(details={"idempotency_key": entry.key})
        return PostedEntry(sql.as_uuid(found[0]["id"]), created=False)
    if entry.resolves is not None:
        raise AlreadyResolved(details={"entry_id": str(entry.resolves)})
    if entry.reverses is not None:
        raise AlreadyReversed(details={"entry_id": str(entry.reverses)})
    raise ConcurrentUpdate()  # pragma: no cover - the conflict was on a key we did not write


async def _load(conn: BaseDBAsyncClient, entry_id: UUID) -> dict[str, Any]:
    found = await sql.rows(conn, "SELECT id, kind, pending, case_id FROM ledger_entry WHERE id = $1", [entry_id])
    if not found:
        raise EntryNotFound(details={"entry_id": str(entry_id)})
    row = dict(found[0])
    row["pending"] = bool(row["pending"])
    return row


async def _load_with_lines(conn: BaseDBAsyncClient, entry_id: UUID) -> tuple[dict[str, Any], list[_Line]]:
    """The entry and its lines in posting order, in one query."""
    found = await sql.rows(conn, """
        SELECT e.pending, e.case_id, a.kind, a.owner, a.currency, p.side, p.bucket, p.amount
        FROM ledger_entry e LEFT JOIN ledger_posting p ON p.entry_id = e.id
        LEFT JOIN ledger_account a ON a.id = p.account_id
        WHERE e.id = $1 ORDER BY p.id""", [entry_id])
    if not found:
        raise EntryNotFound(details={"entry_id": str(entry_id)})
    entry = {"pending": bool(found[0]["pending"]), "case_id": found[0]["case_id"]}
    return entry, [_Line(AccountKey(AccountKind(r["kind"]), r["owner"], r["currency"]), Side(r["side"]), r["bucket"],
                         int(r["amount"])) for r in found if r["kind"] is not None]
