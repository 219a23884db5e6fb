"""Ledger helpers for tests: the trial-balance check the suite runs after every test on the
PostgreSQL database (tests/conftest.py), and short ways to build entries."""

from __future__ import annotations

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
