"""`fieldsync dashboards rebuild`: recompute the dashboards' rollups from the raw tables and
replace them in one transaction (domain/dashboards/rebuild.py). Run it after a restore, after a
change to what a figure means, or when a rollup is suspected to have drifted; events still in
flight while it runs may be counted twice, so run it with the consumers quiet (or run it twice).
Exit status 0."""

from __future__ import annotations

import argparse
import asyncio

import structlog
from tortoise import Tortoise

from app.db import tortoise_config
from app.settings import Settings
from domain.dashboards import rebuild

log = structlog.get_logger("fieldsync.dashboards")


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser("dashboards", help="the dashboards' rollups")
    actions = parser.add_subparsers(dest="dashboards_command", required=True)
    actions.add_parser("rebuild", help="recompute every rollup from the raw tables (one transaction)")


async def execute(settings: Settings) -> rebuild.Rollups:
    await Tortoise.init(config=tortoise_config(settings.database_url))
    try:
        return await rebuild.rebuild()
    finally:
        await Tortoise.close_connections()


def run(args: argparse.Namespace, settings: Settings) -> int:
    rollups = asyncio.run(execute(settings))
    print(f"dashboards rebuilt: {rollups.summary()}")
    log.info("dashboards_rebuilt", counters=len(rollups.counters), crew=len(rollups.crew))
    return 0
