"""`fieldsync` console entry point: serve, migrate, seed-demo, demo, and the contract exports
(`fieldsync openapi`, app/contracts.py; `fieldsync asyncapi`, app/asyncapi.py)."""

from __future__ import annotations

import argparse
import asyncio
import sys

import structlog

from app import bootstrap
from app.asyncapi import export as export_asyncapi
from app.contracts import CONTRACTS, export
from app.logging import configure_logging
from app.migrate import migrate
from app.seed import DemoSeedRefused, seed_demo
from app.settings import SettingsError, load_settings

log = structlog.get_logger("fieldsync.cli")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="fieldsync", description="Fieldsync backend")
    commands = parser.add_subparsers(dest="command", required=True)
    serve = commands.add_parser("serve", help="run the HTTP + Socket.IO server")
    serve.add_argument("--host")
    serve.add_argument("--port", type=int)
    commands.add_parser("migrate", help="apply pending database migrations")
    commands.add_parser("seed-demo", help="load the demo dataset (refused in production)")
    demo = commands.add_parser("demo", help="migrate, seed the demo dataset and serve (embedded defaults)")
    demo.add_argument("--host")
    demo.add_argument("--port", type=int)
    asyncapi = commands.add_parser("asyncapi", help="print or export the AsyncAPI document (sockets, Kafka)")
    asyncapi.add_argument("--out", metavar="FILE", help="write it to FILE")
    asyncapi.add_argument("--check", action="store_true",
                          help="exit 1 when FILE (default: the committed docs/api/asyncapi.json) is stale")
    for contract in CONTRACTS.values():
        command = commands.add_parser(contract.name, help=f"print the {contract.name} document ({contract.path})")
        command.add_argument("--out", metavar="FILE", help="write it to FILE instead")
        command.add_argument("--check", action="store_true",
                             help=f"exit 1 when FILE (default {contract.path}) is not what the code generates")
    args = parser.parse_args(argv)
    if args.command == "asyncapi":  # needs no settings: the document is made from the code alone
        return export_asyncapi(args.out, args.check)

    if args.command in CONTRACTS:  # needs no settings: the document is built from code alone
        status, message = export(CONTRACTS[args.command], out=args.out, check=args.check)
        print(message, file=sys.stderr if status else sys.stdout)
        return status

    overrides = {k: v for k, v in {"host": getattr(args, "host", None), "port": getattr(args, "port", None)}.items()
                 if v is not None}
    try:
        settings = load_settings(**overrides)
    except SettingsError as exc:
        print(f"fieldsync: {exc}", file=sys.stderr)
        return 2

    # Every command logs as the server does (one JSON object a line by default), so a migrate
    # init container's output is parsed like the replicas'.
    configure_logging(settings.log_level, settings.log_format)
    if args.command in ("migrate", "demo"):
        applied = asyncio.run(migrate(settings.database_url))
        log.info("migrations_applied" if applied else "migrations_up_to_date", applied=applied)
    if args.command in ("seed-demo", "demo"):
        try:
            summary = asyncio.run(seed_demo(settings))
        except DemoSeedRefused as exc:
            log.error("demo_seed_refused", reason=str(exc))
            print(f"fieldsync: {exc}", file=sys.stderr)  # a refusal also reads plainly where a person typed it
            return 2
        log.info("demo_seeded", summary=summary)
    if args.command in ("serve", "demo"):
        try:
            bootstrap.run(settings)
        except SettingsError as exc:  # found while building the app (e.g. an unreadable FCM key)
            print(f"fieldsync: {exc}", file=sys.stderr)
            return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
