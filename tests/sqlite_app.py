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
from typing import Any

import pytest
from aiohttp.test_utils import TestClient, TestServer
from tortoise.backends.base.executor import EXECUTOR_CACHE

from app.bootstrap import Overrides, build_app
from app.migrate import migrate
from app.settings import Settings
from domain.zones.index import ZONE_INDEX

AppFactory = Callable[..., Any]


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
    clients: list[TestClient] = []

    async def make(overrides: Overrides | None = None, **settings_overrides: Any) -> TestClient:
        settings_overrides.setdefault("database_url", f"sqlite://{database}")
        app = build_app(settings_factory(**settings_overrides), overrides)
        client = TestClient(TestServer(app, host="127.0.0.1"))
        await client.start_server()
        clients.append(client)
        return client

    yield make
    for client in reversed(clients):
        await client.close()
    EXECUTOR_CACHE.clear()


@pytest.fixture
async def client(make_client: AppFactory) -> TestClient:
    return await make_client()  # type: ignore[no-any-return]
