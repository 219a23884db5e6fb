"""`fieldsync retention [--dry-run]`: the retention purge of the personal-data registry, once
(domain/privacy/retention.py; the server runs it daily as the `retention_purge` job).

`--dry-run` prints every row it would delete (table, primary key) and the counts per table, and
deletes nothing; without it the same rows are deleted and printed. Exit status 0."""

from __future__ import annotations

import argparse
import asyncio

import structlog
from tortoise import Tortoise

from app.db import tortoise_config
from app.settings import Settings
from domain.privacy import retention

log = structlog.get_logger("fieldsync.retention")


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser("retention", help="purge rows past the personal-data registry's retention")
    parser.add_argument("--dry-run", action="store_true", help="list the rows it would delete, delete nothing")


async def execute(settings: Settings, dry_run: bool) -> retention.Report:
    await Tortoise.init(config=tortoise_config(settings.database_url))
    try:
        if dry_run:
            return await retention.plan()
        return await retention.purge(collect=True)
    finally:
        await Tortoise.close_connections()


def run(args: argparse.Namespace, settings: Settings) -> int:
    report = asyncio.run(execute(settings, args.dry_run))
    print("\n".join(report.lines()))
    log.info("retention_done", dry_run=report.dry_run, total=report.total,
             tables={t.table: t.count for t in report.tables})
    return 0
