"""Ledger helpers for tests: the trial-balance check the suite runs after every test on the
PostgreSQL database (tests/conftest.py), and short ways to build entries."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from uuid import UUID

import asyncpg

from domain.finance.ledger import AccountKey, AccountKind, EntryDraft, Leg, Side


async def unbalanced_currencies(database_url: str) -> dict[str, int]:
    """Per currency, the signed sum of all postings where it is not zero (it always should be)."""
    conn = await asyncpg.connect(database_url.replace("postgres://", "postgresql://", 1))
    try:
        if await conn.fetchval("SELECT to_regclass('ledger_posting') IS NULL"):
            return {}
        rows = await conn.fetch("""
            SELECT currency, SUM(CASE WHEN side = 'debit' THEN amount ELSE -amount END) AS total
            FROM ledger_posting GROUP BY currency
            HAVING SUM(CASE WHEN side = 'debit' THEN amount ELSE -amount END) <> 0""")
        return {row["currency"]: int(row["total"]) for row in rows}
    finally:
        await conn.close()


def unbalanced_sqlite(path: Path) -> dict[str, int]:
    """`unbalanced_currencies` for a SQLite database file (the `./dev run` demo's dialect)."""
    with sqlite3.connect(path) as conn:
        if not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'ledger_posting'").fetchone():
            return {}
        rows = conn.execute("""
            SELECT currency, SUM(CASE WHEN side = 'debit' THEN amount ELSE -amount END) FROM ledger_posting
            GROUP BY currency HAVING SUM(CASE WHEN side = 'debit' THEN amount ELSE -amount END) <> 0""").fetchall()
    return {str(currency): int(total) for currency, total in rows}


def account(kind: AccountKind, owner: str = "platform", currency: str = "GBP") -> AccountKey:
    return AccountKey(kind, owner, currency)


def debit(key: AccountKey, amount: int) -> Leg:
    return Leg(key, Side.DEBIT, amount)


def credit(key: AccountKey, amount: int) -> Leg:
    return Leg(key, Side.CREDIT, amount)


def draft(key: str, kind: str, *legs: Leg, case_id: UUID | None = None, pending: bool = False,
          actor: str = "system:test", reason: str = "test", request_id: str | None = "req-test",
          reverses: UUID | None = None) -> EntryDraft:
    return EntryDraft(idempotency_key=key, kind=kind, legs=tuple(legs), actor=actor, reason=reason,
                      request_id=request_id, case_id=case_id, pending=pending, reverses=reverses)
