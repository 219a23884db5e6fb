"""Schema management: aerich migrations on PostgreSQL; on the embedded SQLite default the
schema is generated from the models (aerich's generated SQL is PostgreSQL's dialect).

On PostgreSQL, upgrading and downgrading hold a session advisory lock on a connection of their
own (app/migrate_lock.py): two `fieldsync migrate` at once (one init container per replica)
run one after the other, and the second finds nothing left to apply."""

from __future__ import annotations

import asyncio
import contextvars
from collections.abc import Coroutine
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import asyncpg
from aerich import Command
from tortoise import Tortoise
from tortoise.exceptions import OperationalError

from app import regions_backfill
from app.db import tortoise_config
from app.db_roles import apply_grants
from app.migrate_lock import connect_arguments, migration_lock
from domain.catalog.taxonomy import ensure_reference_data
from domain.consent.sqlite import install_triggers as install_consent_triggers
from domain.disputes.sqlite import install_triggers as install_dispute_triggers
from domain.finance.balances.sqlite import install_trigger as install_balance_trigger
from domain.finance.ledger.sqlite import install_triggers as install_ledger_triggers
from domain.finance.pricing.admin import seed_default_rules
from domain.shared.regions import Regions
from sync.sqlite import install_capture

T = TypeVar("T")
MIGRATIONS_DIR = Path(__file__).resolve().parent.parent / "migrations"


@dataclass(frozen=True)
class MigrationStatus:
    applied: list[str]
    pending: list[str]
    unknown: list[str]  # recorded as applied, but no such file here (a newer release ran?)


class MigrationRefused(Exception):
    """A migration command that does not apply to this database."""


async def migrate(database_url: str, regions: Regions | None = None, app_role: str | None = None) -> list[str]:
    """Apply pending migrations, then the region backfill (REGIONS, DEFAULT_REGION: app/regions_backfill.py);
    return the names applied. `app_role`: the application's role when it is not the one migrating
    (PostgreSQL): its privileges are re-applied to whatever the migrations created (app/db_roles.py)."""
    regions = regions or Regions()
    if database_url.startswith("sqlite://"):
        _ensure_sqlite_folder(database_url)
        await Tortoise.init(config=tortoise_config(database_url))
        try:
            await Tortoise.generate_schemas(safe=True)
            await install_capture()  # delta sync's triggers, SQLite's dialect (sync/sqlgen_sqlite.py)
            await install_ledger_triggers()  # append-only postings and entries (PostgreSQL: migration 8)
            await install_dispute_triggers()  # append-only dispute timelines (PostgreSQL: migration 9)
            await install_consent_triggers()  # append-only consent records and acceptances (PostgreSQL: consent)
            await install_balance_trigger()  # payee balances follow the postings (PostgreSQL: finance_sync)
            await ensure_reference_data()
            await seed_default_rules()  # pricing's defaults (PostgreSQL: migration 8 seeds them)
            await regions_backfill.backfill(regions)
        finally:
            await Tortoise.close_connections()
        return ["generated sqlite schema"]
    async with migration_lock(database_url):
        applied = await _isolated(_upgrade(database_url, regions))
        if app_role is not None:
            conn = await asyncpg.connect(**connect_arguments(database_url))
            try:
                await apply_grants(conn, app_role)
            finally:
                await conn.close()
        return applied


async def downgrade_one(database_url: str) -> list[str]:
    """Undo the newest applied migration."""
    if database_url.startswith("sqlite://"):
        raise MigrationRefused("SQLite's schema is generated from the models: there is no migration to undo")
    async with migration_lock(database_url):
        return await _isolated(_downgrade(database_url))


async def migration_status(database_url: str) -> MigrationStatus:
    """Which migrations the database has and which it lacks (PostgreSQL; reads only)."""
    if database_url.startswith("sqlite://"):
        raise MigrationRefused("SQLite's schema is generated from the models by `fieldsync migrate`: "
                               "it has no migrations")
    return await _isolated(_status(database_url))


async def _upgrade(database_url: str, regions: Regions) -> list[str]:
    async with _command(database_url) as command:
        applied = await command.upgrade(run_in_transaction=True)
        await ensure_reference_data()  # reference data (the taxonomy) belongs to every database
        await regions_backfill.backfill(regions)
        return applied


async def _downgrade(database_url: str) -> list[str]:
    async with _command(database_url) as command:
        return await command.downgrade(version=-1, delete=False)


async def _status(database_url: str) -> MigrationStatus:
    async with _command(database_url) as command:
        files = await command.history()
        try:
            recorded = await command.get_applied_migrations("models")
        except OperationalError:  # no aerich table yet: a fresh database
            recorded = []
    return MigrationStatus(applied=[name for name in files if name in recorded],
                           pending=[name for name in files if name not in recorded],
                           unknown=sorted(set(recorded) - set(files)))


def _command(database_url: str) -> Command:
    return Command(tortoise_config=tortoise_config(database_url), app="models", location=str(MIGRATIONS_DIR))


async def _isolated(coro: Coroutine[Any, Any, T]) -> T:
    # Tortoise 1.x keeps its state in a ContextVar: a fresh context per aerich command
    # lets several run in one process (tests) without seeing each other's closed state.
    return await asyncio.create_task(coro, context=contextvars.Context())


def _ensure_sqlite_folder(database_url: str) -> None:
    path = database_url.removeprefix("sqlite://").split("?", 1)[0]
    if path and path != ":memory:":
        Path(path).parent.mkdir(parents=True, exist_ok=True)
