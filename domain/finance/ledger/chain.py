"""The journal's hash chain, sealed after commit so that it never serializes writers.

Why not chain at insert time: each entry's hash would need its predecessor's, so every writer
would take one global lock (Formance does, under an advisory lock) and every release would wait
for the one before it to commit: the hot-account problem again, on the whole journal. Instead:

- writers insert entries with `seq` and `hash` empty, in parallel;
- the sealer (`seal`, a periodic job, one at a time under an advisory lock on PostgreSQL) takes
  the committed unsealed entries, in creation order, gives each the next `seq` and
  `hash = sha256(previous hash + canonical content)`, where the content is the entry's columns
  and its postings with their accounts. Sealing is the only UPDATE the append-only trigger
  allows on an entry (empty seq/hash to set, every other column unchanged);
- `verify_chain` walks the entries by `seq`, recomputes every hash and reports the first entry
  whose content, hash or sequence (a gap: a deleted entry) does not verify.

An entry is tamper-evident from its sealing on (the sealer runs every second; `verify_chain`
seals first). Deleting the newest entries is visible only against an outside copy of the head
hash, which the report returns so it can be published (logs, audit, another store).
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from typing import Any
from uuid import UUID

from tortoise.backends.base.client import BaseDBAsyncClient

from domain.finance.ledger.types import ChainReport
from domain.shared import sql
from domain.shared.uow import unit_of_work

GENESIS = "0" * 64
SEAL_LOCK = 0x1ED6E5  # the PostgreSQL advisory lock of the sealer
BATCH = 2000
_ENTRY_COLUMNS = ("e.id, e.seq, e.hash, e.idempotency_key, e.kind, e.pending, e.legs_digest, e.actor, e.reason, "
                  "e.request_id, e.case_id, e.reverses_id, e.resolves_id, e.created_at")


def _opt(value: Any) -> str | None:
    return None if value is None else str(value)


def canonical(entry: dict[str, Any], postings: list[dict[str, Any]]) -> bytes:
    body = [str(entry["id"]), entry["idempotency_key"], entry["kind"], bool(entry["pending"]), entry["legs_digest"],
            entry["actor"], entry["reason"], entry["request_id"], _opt(entry["case_id"]), _opt(entry["reverses_id"]),
            _opt(entry["resolves_id"]), sql.as_datetime(entry["created_at"]).isoformat(timespec="microseconds"),
            [[int(p["id"]), int(p["account_id"]), p["kind"], p["owner"], p["account_currency"], p["side"], p["bucket"],
              int(p["amount"]), p["currency"]] for p in postings]]
    return json.dumps(body, separators=(",", ":"), ensure_ascii=False).encode()


def chain_hash(previous: str, entry: dict[str, Any], postings: list[dict[str, Any]]) -> str:
    return hashlib.sha256(previous.encode() + canonical(entry, postings)).hexdigest()


async def _postings(conn: BaseDBAsyncClient, entry_ids: list[Any]) -> dict[str, list[dict[str, Any]]]:
    if not entry_ids:
        return {}
    marks = ", ".join(f"${i + 1}" for i in range(len(entry_ids)))
    found = await sql.rows(conn, f"""
        SELECT p.entry_id, p.id, p.account_id, a.kind, a.owner, a.currency AS account_currency, p.side, p.bucket,
               p.amount, p.currency
        FROM ledger_posting p LEFT JOIN ledger_account a ON a.id = p.account_id
        WHERE p.entry_id IN ({marks}) ORDER BY p.id""", [sql.as_uuid(i) for i in entry_ids])  # noqa: S608 - placeholders
    grouped: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in found:
        grouped[str(r["entry_id"])].append(r)
    return grouped


async def _any_unsealed() -> bool:
    return bool(await sql.rows(sql.reader(), "SELECT 1 AS x FROM ledger_entry WHERE seq IS NULL LIMIT 1"))


async def seal(*, wait: bool = False, limit: int = BATCH) -> int:
    """Chain the committed unsealed entries; returns how many were sealed. Without `wait`, a
    sealer already at work elsewhere is left to it."""
    sealed = 0
    if not wait and not await _any_unsealed():  # idle (nearly always): no transaction, no lock
        return sealed
    while True:
        async with unit_of_work() as uow:
            conn = uow.connection
            if sql.is_postgres(conn):
                if wait:
                    await sql.rows(conn, "SELECT pg_advisory_xact_lock($1)", [SEAL_LOCK])
                elif not (await sql.rows(conn, "SELECT pg_try_advisory_xact_lock($1) AS got", [SEAL_LOCK]))[0]["got"]:
                    return sealed
            head = await sql.rows(conn, "SELECT seq, hash FROM ledger_entry WHERE seq IS NOT NULL "
                                        "ORDER BY seq DESC LIMIT 1")
            seq, previous = (int(head[0]["seq"]), head[0]["hash"]) if head else (0, GENESIS)
            batch = await sql.rows(conn, f"SELECT {_ENTRY_COLUMNS} FROM ledger_entry e WHERE e.seq IS NULL "  # noqa: S608 - placeholders only
                                         "ORDER BY e.created_at, e.id LIMIT $1", [limit])
            if not batch:
                return sealed
            postings = await _postings(conn, [e["id"] for e in batch])
            ids, seqs, hashes = [], [], []
            for entry in batch:
                seq += 1
                previous = chain_hash(previous, entry, postings.get(str(entry["id"]), []))
                ids.append(sql.as_uuid(entry["id"]))
                seqs.append(seq)
                hashes.append(previous)
            if sql.is_postgres(conn):
                await sql.execute(conn, "UPDATE ledger_entry AS e SET seq = v.seq, hash = v.hash FROM "
                                        "unnest($1::uuid[], $2::bigint[], $3::text[]) AS v(id, seq, hash) "
                                        "WHERE e.id = v.id AND e.seq IS NULL", [ids, seqs, hashes])
            else:
                for entry_id, number, digest in zip(ids, seqs, hashes, strict=True):
                    await sql.execute(conn, "UPDATE ledger_entry SET seq = $1, hash = $2 WHERE id = $3 AND seq IS NULL",
                                      [number, digest, entry_id])
            sealed += len(batch)
        if len(batch) < limit:
            return sealed


async def verify_chain(*, seal_first: bool = True) -> ChainReport:
    """Recompute the chain from the first entry; report the first entry that does not verify."""
    if seal_first:
        await seal(wait=True)
    conn = sql.reader()
    previous, expected, checked = GENESIS, 1, 0
    first_bad: UUID | None = None
    while first_bad is None:
        batch = await sql.rows(conn, f"SELECT {_ENTRY_COLUMNS} FROM ledger_entry e WHERE e.seq >= $1 "  # noqa: S608 - placeholders only
                                     "ORDER BY e.seq LIMIT $2", [expected, BATCH])
        if not batch:
            break
        postings = await _postings(conn, [e["id"] for e in batch])
        for entry in batch:
            recomputed = chain_hash(previous, entry, postings.get(str(entry["id"]), []))
            if int(entry["seq"]) != expected or recomputed != entry["hash"]:
                first_bad = sql.as_uuid(entry["id"])
                break
            previous, expected, checked = entry["hash"], expected + 1, checked + 1
    unsealed = await sql.rows(conn, "SELECT count(*) AS n FROM ledger_entry WHERE seq IS NULL")
    return ChainReport(ok=first_bad is None, entries_checked=checked, first_bad=first_bad,
                       unsealed=int(unsealed[0]["n"]), head=previous if checked else None)
