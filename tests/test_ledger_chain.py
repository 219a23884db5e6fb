"""The ledger's hash chain (domain/finance/ledger/chain.py): it verifies on PostgreSQL and SQLite,
and finds an edited entry, edited postings and deleted entries."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from uuid import UUID, uuid4

import asyncpg
import pytest

from domain.finance import ledger
from tests.support.ledger_db import (
    Db,
    fund,
    ledger_db,
    release,
)


@pytest.fixture
async def pg(database_url: str, tmp_path: Path) -> AsyncIterator[Db]:
    async with ledger_db("postgres", database_url, tmp_path) as found:
        yield found


@pytest.fixture(params=["postgres", "sqlite"])
async def db(request: pytest.FixtureRequest, database_url: str, tmp_path: Path) -> AsyncIterator[Db]:
    async with ledger_db(request.param, database_url, tmp_path) as found:
        yield found



async def test_the_chain_verifies(db: Db) -> None:
    case = uuid4()
    await fund(case, 1_000)
    await release(case, 1_000)
    report = await ledger.verify_chain()
    assert (report.ok, report.entries_checked, report.first_bad, report.unsealed) == (True, 2, None, 0)
    await fund(uuid4(), 5)
    again = await ledger.verify_chain()
    assert (again.ok, again.entries_checked) == (True, 3)
    assert again.head is not None and again.head != report.head


async def _tamper(pg: Db, *statements: str) -> None:
    """What an attacker with superuser rights does: triggers off for the session, rows changed."""
    conn = await asyncpg.connect(pg.dsn)
    try:
        async with conn.transaction():
            await conn.execute("SET LOCAL session_replication_role = replica")
            for statement in statements:
                await conn.execute(statement)
    finally:
        await conn.close()


async def _three_sealed_entries() -> list[UUID]:
    ids = []
    for amount in (10, 20, 30):
        ids.append((await fund(uuid4(), amount)).id)
        await ledger.seal(wait=True)  # one per seal: chain order is creation order here
    return ids


async def test_the_chain_finds_an_edited_entry(pg: Db) -> None:
    ids = await _three_sealed_entries()
    assert (await ledger.verify_chain()).ok
    await _tamper(pg, f"UPDATE ledger_entry SET reason = 'nothing to see' WHERE id = '{ids[1]}'")
    report = await ledger.verify_chain()
    assert (report.ok, report.first_bad, report.entries_checked) == (False, ids[1], 1)


async def test_the_chain_finds_edited_postings_and_deleted_entries(pg: Db) -> None:
    ids = await _three_sealed_entries()
    await _tamper(pg, f"UPDATE ledger_posting SET amount = amount * 10 WHERE entry_id = '{ids[2]}'")
    assert (await ledger.verify_chain()).first_bad == ids[2]
    await _tamper(pg, f"DELETE FROM ledger_posting WHERE entry_id = '{ids[0]}'",
                  f"DELETE FROM ledger_entry WHERE id = '{ids[0]}'")
    assert (await ledger.verify_chain()).first_bad == ids[1]  # seq 1 is gone: the chain starts at 2
