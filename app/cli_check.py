"""`fieldsync check-config`: validate the settings and reach each configured service (database,
Redis, Kafka, S3, Stripe; FCM's key is only read), without serving. One log line per service;
exit 1 when any failed (2 when the settings themselves are invalid, as for every command)."""

from __future__ import annotations

import argparse
import asyncio

import structlog

from app.settings import Settings

log = structlog.get_logger("fieldsync.check_config")


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser("check-config", help="validate settings and reach each configured service")
    parser.add_argument(
        "--timeout",
        type=float,
        default=5.0,
        metavar="SECONDS",
        help="how long each service may take to answer (default 5)",
    )


def run(args: argparse.Namespace, settings: Settings) -> int:
    from app.service_checks import run_checks  # the service clients: only this command needs them

    results = asyncio.run(run_checks(settings, args.timeout))
    for result in results:
        if result.ok:
            log.info("service_ok", service=result.service, detail=result.detail)
        else:
            log.error("service_failed", service=result.service, error=result.detail)
    failed = [result.service for result in results if not result.ok]
    log.info(
        "check_config_done", app_env=settings.app_env, checked=[result.service for result in results], failed=failed
    )
    return 1 if failed else 0
