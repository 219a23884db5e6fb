"""The ledger under concurrency and at commit, on real PostgreSQL: an unbalanced transaction and a
foreign currency refused by the database, twenty concurrent debits pass exactly as many as the
account affords, concurrent replays and resolutions write once, and releases of different cases
never wait for each other on the hot accounts."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path
from uuid import uuid4

import asyncpg
import pytest

from domain.finance import ledger
from domain.finance.ledger import (
    AlreadyResolved,
    InsufficientFunds,
)
from domain.shared.uow import unit_of_work
from tests.support.ledger import credit, debit, draft
from tests.support.ledger_db import (
    COMMISSION,
    GATEWAY_PENDING,
    TAX,
    Db,
    fund,
    held,
    ledger_db,
    payable,
    release,
)


@pytest.fixture
async def pg(database_url: str, tmp_path: Path) -> AsyncIterator[Db]:
    async with ledger_db("postgres", database_url, tmp_path) as found:
        yield found



async def test_postgres_refuses_an_unbalanced_transaction_at_commit_and_a_foreign_currency(pg: Db) -> None:
    case = uuid4()
    await fund(case, 100)
    conn = await asyncpg.connect(pg.dsn)
    try:
        gbp_account = await conn.fetchval("SELECT id FROM ledger_account WHERE kind = 'gateway_balance'")
        entry_id = uuid4()
        insert_entry = ("INSERT INTO ledger_entry (id, idempotency_key, kind, pending, legs_digest, actor, reason, "
                        "created_at) VALUES ($1, $2, 'raw', false, 'x', 'test', 'raw', now())")
        with pytest.raises(asyncpg.CheckViolationError, match="does not balance"):
            async with conn.transaction():
                await conn.execute(insert_entry, entry_id, "raw-1")
                await conn.execute("INSERT INTO ledger_posting (entry_id, account_id, side, bucket, amount, currency) "
                                   "VALUES ($1, $2, 'debit', 'posted', 5, 'GBP')", entry_id, gbp_account)
        with pytest.raises(asyncpg.ForeignKeyViolationError, match="does not exist in EUR"):
            async with conn.transaction():
                await conn.execute(insert_entry, entry_id, "raw-2")
                await conn.execute("INSERT INTO ledger_posting (entry_id, account_id, side, bucket, amount, currency) "
                                   "VALUES ($1, $2, 'debit', 'posted', 5, 'EUR')", entry_id, gbp_account)
        assert await conn.fetchval("SELECT count(*) FROM ledger_entry WHERE kind = 'raw'") == 0
    finally:
        await conn.close()


# -- concurrency (PostgreSQL) --------------------------------------------------------------------

async def test_twenty_concurrent_debits_pass_exactly_as_many_as_the_account_affords(pg: Db) -> None:
    case = uuid4()
    await fund(case, 1_000)

    async def take(i: int) -> bool:
        try:
            async with unit_of_work() as uow:
                await ledger.post(uow, draft(f"take-{i}", "release", debit(held(case), 150),
                                             credit(payable(f"org:{i}"), 150)))
            return True
        except InsufficientFunds:
            return False

    results = await asyncio.gather(*(take(i) for i in range(20)))
    assert sum(results) == 6  # 6 x 150 = 900 <= 1000 < 7 x 150
    bal = await ledger.balance(held(case))
    assert (bal.posted, bal.available) == (100, 100)


async def test_concurrent_replays_and_resolutions_write_once(pg: Db) -> None:
    case = uuid4()
    results = await asyncio.gather(*(fund(case, 900) for _ in range(10)))
    assert len({r.id for r in results}) == 1 and sum(r.created for r in results) == 1
    async with unit_of_work() as uow:
        hold = await ledger.post(uow, draft("auth", "authorize", debit(GATEWAY_PENDING, 50), credit(held(case), 50),
                                            pending=True))

    async def resolve(i: int) -> bool:
        try:
            async with unit_of_work() as uow:
                await ledger.resolve_pending(uow, hold.id, post=i % 2 == 0, key=f"res-{i}", actor="system:t",
                                             reason="race")
            return True
        except AlreadyResolved:
            return False

    assert sum(await asyncio.gather(*(resolve(i) for i in range(10)))) == 1
    assert (await ledger.balance(held(case))).pending == 0


async def test_releases_do_not_wait_for_each_other_on_the_hot_accounts(pg: Db) -> None:
    """A release holds its transaction open (uncommitted postings on commission, tax and the
    gateway); another case's release commits meanwhile instead of queueing behind it."""
    first, second = uuid4(), uuid4()
    await fund(first, 1_000)
    await fund(second, 1_000)
    warm = uuid4()  # the shared accounts exist (a new account's first users do wait for its creator)
    await fund(warm, 100)
    await release(warm, 100)
    started, finish = asyncio.Event(), asyncio.Event()

    async def slow_release() -> None:
        async with unit_of_work() as uow:
            # Another payee: a payee's own balance row (sync's `balances`) is locked by its releases.
            await ledger.post(uow, draft("slow", "release", debit(held(first), 1_000), credit(payable("org:p2"), 800),
                                         credit(COMMISSION, 150), credit(TAX, 50)))
            started.set()
            await finish.wait()

    slow = asyncio.create_task(slow_release())
    await started.wait()
    try:
        await asyncio.wait_for(release(second, 1_000, key="fast"), timeout=10)
    finally:
        finish.set()
        await slow
    assert (await ledger.balance(COMMISSION)).posted == 315


# -- the hash chain ------------------------------------------------------------------------------
