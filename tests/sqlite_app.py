"""The app on SQLite (the `./dev run` demo's database), for running sync tests there too.

A module that imports `make_client` and `client` from here overrides conftest's fixtures of the
same names: the test functions it holds (its own, or imported from the PostgreSQL suites) run
against an app built by the same composition root on a fresh SQLite file."""

from __future__ import annotations

import asyncio
import contextvars
import shutil
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import pytest
from aiohttp.test_utils import TestClient
from tortoise.backends.base.executor import EXECUTOR_CACHE

from app.migrate import migrate
from app.settings import Settings
from domain.zones.index import ZONE_INDEX
from tests.conftest import AppFactory, served_apps
from tests.support.ledger import unbalanced_sqlite


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One migrated SQLite file (schema, capture triggers, reference data), copied per test."""
    return tmp_path_factory.mktemp("sqlite") / "template.sqlite3"  # migrated by the first make_client


@pytest.fixture
async def make_client(settings_factory: Callable[..., Settings], sqlite_template: Path,
                      tmp_path: Path) -> AsyncIterator[AppFactory]:
    if not await asyncio.to_thread(sqlite_template.exists):
        await asyncio.create_task(migrate(f"sqlite://{sqlite_template}"), context=contextvars.Context())
    database = tmp_path / "demo.sqlite3"
    await asyncio.to_thread(shutil.copy, sqlite_template, database)
    ZONE_INDEX.invalidate()
    # Tortoise caches each table's INSERT per connection name, whatever the dialect.
    EXECUTOR_CACHE.clear()
    async with served_apps(settings_factory, database_url=f"sqlite://{database}") as make:
        yield make
    EXECUTOR_CACHE.clear()
    # The SQLite side of conftest's trial-balance check (issue 13): per currency, zero.
    off = await asyncio.to_thread(unbalanced_sqlite, database)
    if off:
        pytest.fail(f"the ledger's trial balance is not zero after this test (SQLite): {off}", pytrace=False)


@pytest.fixture
async def client(make_client: AppFactory) -> TestClient:
    return await make_client()  # type: ignore[no-any-return]
