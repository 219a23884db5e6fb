"""The ledger tests' scaffold (tests/test_ledger*.py): a fresh database per test, PostgreSQL or the
SQLite demo (migrated), with Tortoise opened on it, and the entries the tests build: a captured
payment, a release to a payee, the platform and tax."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from uuid import UUID

from tortoise import Tortoise
from tortoise.backends.base.executor import EXECUTOR_CACHE

from app.db import tortoise_config
from app.migrate import migrate
from domain.audit.models import AuditRecord
from domain.finance import ledger
from domain.finance.ledger import (
    AccountKind,
)
from domain.finance.ledger.models import LedgerEntry, LedgerPosting
from domain.shared.uow import unit_of_work
from tests.conftest import truncate_all
from tests.support.ledger import account, credit, debit, draft

GATEWAY = account(AccountKind.GATEWAY_BALANCE)
GATEWAY_PENDING = account(AccountKind.GATEWAY_PENDING)
COMMISSION = account(AccountKind.PLATFORM_COMMISSION)
TAX = account(AccountKind.TAX_PAYABLE, "tax:GB")


@dataclass
class Db:
    dialect: str
    url: str

    @property
    def dsn(self) -> str:
        return self.url.replace("postgres://", "postgresql://", 1)


@asynccontextmanager
async def ledger_db(dialect: str, database_url: str, tmp_path: Path) -> AsyncIterator[Db]:
    """A clean database of `dialect` (the test PostgreSQL truncated, or a migrated SQLite file) with
    Tortoise open on it; SQLite ends with its trial balance checked (conftest checks PostgreSQL's)."""
    if dialect == "postgres":
        await truncate_all(database_url)
        url = database_url
    else:
        url = f"sqlite://{tmp_path / 'ledger.sqlite3'}"
        await migrate(url)
    EXECUTOR_CACHE.clear()  # Tortoise caches INSERTs per connection name, whatever the dialect
    await Tortoise.init(config=tortoise_config(url), _enable_global_fallback=True)
    try:
        yield Db(dialect, url)
        if dialect == "sqlite":
            tb = await ledger.trial_balance()
            assert all(total == 0 for total in tb.values()), tb
    finally:
        await Tortoise.close_connections()
        EXECUTOR_CACHE.clear()


def held(case: UUID, currency: str = "GBP") -> ledger.AccountKey:
    return account(AccountKind.CASE_HELD, f"case:{case}", currency)


def payable(owner: str = "org:p1", currency: str = "GBP") -> ledger.AccountKey:
    return account(AccountKind.PROVIDER_PAYABLE, owner, currency)


async def fund(case: UUID, amount: int, *, key: str | None = None) -> ledger.PostedEntry:
    """A captured payment: the gateway holds `amount`, owed to the case."""
    async with unit_of_work() as uow:
        return await ledger.post(uow, draft(key or f"case:{case}:capture", "capture",
                                            debit(GATEWAY, amount), credit(held(case), amount), case_id=case))


async def release(case: UUID, amount: int, *, owner: str = "org:p1", key: str | None = None) -> ledger.PostedEntry:
    """The release pattern: held funds to the payee, the commission and the tax (15 % / 5 %)."""
    commission, tax = amount * 15 // 100, amount * 5 // 100
    async with unit_of_work() as uow:
        return await ledger.post(uow, draft(
            key or f"case:{case}:release", "release", debit(held(case), amount),
            credit(payable(owner), amount - commission - tax), credit(COMMISSION, commission), credit(TAX, tax),
            case_id=case))


async def counts() -> tuple[int, int, int]:
    return await LedgerEntry.all().count(), await LedgerPosting.all().count(), await AuditRecord.all().count()


# -- posting, balances, audit --------------------------------------------------------------------
