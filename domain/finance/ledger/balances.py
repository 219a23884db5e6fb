"""Balances are views: sums of postings, per account, computed when asked (no running counters,
so a release never waits on a hot account's row). Reads see the open unit of work's writes."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from domain.finance.ledger.types import AccountKey, AccountKind, Balance, normal_side
from domain.shared import sql

_SUMS = """
    SELECT a.kind, a.owner, a.currency, p.side, p.bucket, SUM(p.amount) AS total
    FROM ledger_account a JOIN ledger_posting p ON p.account_id = a.id
    WHERE {where} GROUP BY a.kind, a.owner, a.currency, p.side, p.bucket"""


def _fold(key: AccountKey, sums: list[dict[str, Any]]) -> Balance:
    totals: dict[tuple[str, str], int] = defaultdict(int)
    for r in sums:
        totals[(r["side"], r["bucket"])] += int(r["total"])
    return Balance(
        normal=normal_side(key.kind),
        debits_posted=totals[("debit", "posted")],
        credits_posted=totals[("credit", "posted")],
        debits_pending=totals[("debit", "pending")] - totals[("debit", "released")],
        credits_pending=totals[("credit", "pending")] - totals[("credit", "released")],
    )


async def balance(key: AccountKey) -> Balance:
    """The account's posted and pending sums (zero for an account never used)."""
    sums = await sql.rows(sql.reader(), _SUMS.format(where="a.kind = $1 AND a.owner = $2 AND a.currency = $3"),
                          [key.kind.value, key.owner, key.currency])
    return _fold(key, sums)


async def balances_of(keys: Sequence[AccountKey]) -> dict[AccountKey, Balance]:
    """Several accounts' sums in one query (zero for an account never used)."""
    wanted = sorted(set(keys))
    if not wanted:
        return {}
    args: list[Any] = []
    rows = []
    for key in wanted:
        rows.append(f"({sql.placeholders(len(args) + 1, 3)})")
        args += [key.kind.value, key.owner, key.currency]
    sums = await sql.rows(sql.reader(), _SUMS.format(where=f"(a.kind, a.owner, a.currency) IN ({', '.join(rows)})"),
                          args)
    grouped: dict[AccountKey, list[dict[str, Any]]] = defaultdict(list)
    for r in sums:
        grouped[AccountKey(AccountKind(r["kind"]), r["owner"], r["currency"])].append(r)
    return {key: _fold(key, grouped[key]) for key in wanted}


# One kind's accounts of several owners in one currency, as a JSON array of sums (a scalar
# subquery another statement embeds: the release asks it with its chargeback question, one round
# trip). Its parameters: the kind, the currency, the owners (a text array).
OWNER_SUMS_JSON = """
    (SELECT json_agg(json_build_object('owner', s.owner, 'side', s.side, 'bucket', s.bucket, 'total', s.total))
     FROM (SELECT a.owner, p.side, p.bucket, SUM(p.amount) AS total
           FROM ledger_account a JOIN ledger_posting p ON p.account_id = a.id
           WHERE a.kind = {kind} AND a.currency = {currency} AND a.owner = ANY({owners}::text[])
           GROUP BY a.owner, p.side, p.bucket) AS s)"""


def fold_owner_sums(kind: AccountKind, currency: str, owners: Sequence[str], sums: Sequence[dict[str, Any]] | None
                    ) -> dict[str, Balance]:
    """What OWNER_SUMS_JSON answered, as each owner's balance (zero for an account never used)."""
    grouped: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in sums or ():
        grouped[r["owner"]].append(r)
    return {owner: _fold(AccountKey(kind, owner, currency), grouped[owner]) for owner in owners}


async def balances(owner: str) -> list[tuple[AccountKey, Balance]]:
    """Every account of `owner`, in key order."""
    sums = await sql.rows(sql.reader(), _SUMS.format(where="a.owner = $1"), [owner])
    grouped: dict[AccountKey, list[dict[str, Any]]] = defaultdict(list)
    for r in sums:
        grouped[AccountKey(AccountKind(r["kind"]), r["owner"], r["currency"])].append(r)
    return [(key, _fold(key, grouped[key])) for key in sorted(grouped)]


async def trial_balance() -> dict[str, int]:
    """Per currency, the signed sum (debits - credits) of every posting: always 0."""
    found = await sql.rows(sql.reader(), """
        SELECT currency, SUM(CASE WHEN side = 'debit' THEN amount ELSE -amount END) AS total
        FROM ledger_posting GROUP BY currency ORDER BY currency""")
    return {r["currency"]: int(r["total"]) for r in found}
