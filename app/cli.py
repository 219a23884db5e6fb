"""`fieldsync` console entry point: serve, migrate, db-roles, check-config, retention, keys, seed-demo, demo,
and the contract
exports (`fieldsync openapi`, `fieldsync asyncapi`: app/contracts.py).

Every command that reads settings logs as the server does (app/logging.py: JSON lines unless
LOG_FORMAT=console); an invalid setting is a plain message on stderr and exit status 2.

The server (app.bootstrap), the seeds, the contract builders and the service checks are
imported by the commands that use them (tests/test_architecture.py lists them): the others
start in a fraction of the time (importing the whole app takes ~1.5 s of CPU), and an invalid
setting is refused before any of it is imported."""

from __future__ import annotations

import argparse
import asyncio
import sys
from importlib.metadata import PackageNotFoundError, version

import structlog

from app import cli_check, cli_dashboards, cli_keys, cli_migrate, cli_retention
from app.contracts import CONTRACTS, export
from app.logging import configure_logging
from app.settings import SettingsError, load_settings

log = structlog.get_logger("fieldsync.cli")


def package_version() -> str:
    try:
        return version("fieldsync")
    except PackageNotFoundError:  # run from a source tree that was never installed
        return "unknown"


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="fieldsync", description="Fieldsync backend")
    parser.add_argument("--version", action="version", version=f"fieldsync {package_version()}")
    commands = parser.add_subparsers(dest="command", required=True)
    serve = commands.add_parser("serve", help="run the HTTP + Socket.IO server")
    serve.add_argument("--host")
    serve.add_argument("--port", type=int)
    cli_migrate.add_parser(commands)
    cli_check.add_parser(commands)
    cli_retention.add_parser(commands)
    cli_dashboards.add_parser(commands)
    cli_keys.add_parser(commands)
    commands.add_parser("seed-demo", help="load the demo dataset (refused in production)")
    seed_load_cmd = commands.add_parser("seed-load", help="one account per simulated load-test user, with their "
                                        "bookings, conversations and zones (refused in production)")
    seed_load_cmd.add_argument("--users", type=int, required=True, metavar="N")
    demo = commands.add_parser("demo", help="migrate, seed the demo dataset and serve (embedded defaults)")
    demo.add_argument("--host")
    demo.add_argument("--port", type=int)
    for contract in CONTRACTS.values():
        command = commands.add_parser(contract.name, help=f"print the {contract.name} document ({contract.path})")
        command.add_argument("--out", metavar="FILE", help="write it to FILE instead")
        command.add_argument("--check", action="store_true",
                             help=f"exit 1 when FILE (default {contract.path}) is not what the code generates")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = make_parser().parse_args(argv)
    if args.command in CONTRACTS:  # needs no settings: the document is built from code alone
        status, message = export(CONTRACTS[args.command], out=args.out, check=args.check)
        print(message, file=sys.stderr if status else sys.stdout)
        return status

    overrides = {
        k: v
        for k, v in {"host": getattr(args, "host", None), "port": getattr(args, "port", None)}.items()
        if v is not None
    }
    try:
        settings = load_settings(**overrides)
    except SettingsError as exc:
        print(f"fieldsync: {exc}", file=sys.stderr)
        return 2
    configure_logging(settings.log_level, settings.log_format)

    if args.command == "migrate":
        return cli_migrate.run(args, settings)
    if args.command == "db-roles":
        return cli_migrate.run_roles(args, settings)
    if args.command == "check-config":
        return cli_check.run(args, settings)
    if args.command == "retention":
        return cli_retention.run(args, settings)
    if args.command == "dashboards":
        return cli_dashboards.run(args, settings)
    if args.command == "keys":
        return cli_keys.run(args, settings)
    if args.command == "demo":
        cli_migrate.apply(settings)
    if args.command in ("seed-demo", "demo"):
        from app.seed import DemoSeedRefused, seed_demo

        try:
            summary = asyncio.run(seed_demo(settings))
        except DemoSeedRefused as exc:
            log.error("demo_seed_refused", reason=str(exc))
            print(f"fieldsync: {exc}", file=sys.stderr)  # a refusal also reads plainly where a person typed it
            return 2
        log.info("demo_seeded", summary=summary)
    if args.command == "seed-load":
        from app.seed_load import LoadSeedRefused, seed_load

        try:
            print(f"load data: {asyncio.run(seed_load(settings, args.users))}")
        except LoadSeedRefused as exc:
            print(f"fieldsync: {exc}", file=sys.stderr)
            return 2
    if args.command in ("serve", "demo"):
        from app.bootstrap import run as serve

        try:
            serve(settings)
        except SettingsError as exc:  # found while building the app (e.g. an unreadable FCM key)
            print(f"fieldsync: {exc}", file=sys.stderr)
            return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
