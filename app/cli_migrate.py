"""`fieldsync migrate [--status | --downgrade-one]`: apply, list or undo migrations, logging
what it did as the server logs (JSON lines by default)."""

from __future__ import annotations

import argparse
import asyncio
import sys

import structlog

from app.migrate import MigrationRefused, downgrade_one, migrate, migration_status
from app.settings import Settings

log = structlog.get_logger("fieldsync.migrate")


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser("migrate", help="apply pending database migrations (under a database lock)")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--status", action="store_true", help="list applied and pending migrations; change nothing")
    mode.add_argument("--downgrade-one", action="store_true", help="undo the newest applied migration")


def run(args: argparse.Namespace, settings: Settings) -> int:
    try:
        if args.status:
            return show_status(settings)
        if args.downgrade_one:
            undone = asyncio.run(downgrade_one(settings.database_url))
            log.info("migration_downgraded", migrations=undone)
            return 0
    except MigrationRefused as exc:  # a plain refusal, like an invalid setting
        print(f"fieldsync: {exc}", file=sys.stderr)
        return 2
    apply(settings)
    return 0


def apply(settings: Settings) -> None:
    applied = asyncio.run(migrate(settings.database_url))
    log.info("migrations_applied" if applied else "migrations_up_to_date", migrations=applied)


def show_status(settings: Settings) -> int:
    status = asyncio.run(migration_status(settings.database_url))
    for name in status.applied:
        log.info("migration", name=name, state="applied")
    for name in status.pending:
        log.info("migration", name=name, state="pending")
    for name in status.unknown:  # the database is ahead of this code: a newer release migrated it
        log.warning("migration", name=name, state="applied_unknown")
    log.info("migration_status", applied=len(status.applied), pending=len(status.pending), unknown=len(status.unknown))
    return 0
