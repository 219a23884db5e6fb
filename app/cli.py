"""`fieldsync` console entry point: serve, migrate, seed-demo, demo, asyncapi."""

from __future__ import annotations

import argparse
import asyncio
import sys

from app import bootstrap
from app.asyncapi import export as export_asyncapi
from app.migrate import migrate
from app.seed import DemoSeedRefused, seed_demo
from app.seed_load import LoadSeedRefused, seed_load
from app.settings import SettingsError, load_settings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="fieldsync", description="Fieldsync backend")
    commands = parser.add_subparsers(dest="command", required=True)
    serve = commands.add_parser("serve", help="run the HTTP + Socket.IO server")
    serve.add_argument("--host")
    serve.add_argument("--port", type=int)
    commands.add_parser("migrate", help="apply pending database migrations")
    commands.add_parser("seed-demo", help="load the demo dataset (refused in production)")
    seed_load_cmd = commands.add_parser("seed-load", help="one account per simulated load-test user, with their "
                                        "bookings, conversations and zones (refused in production)")
    seed_load_cmd.add_argument("--users", type=int, required=True, metavar="N")
    demo = commands.add_parser("demo", help="migrate, seed the demo dataset and serve (embedded defaults)")
    demo.add_argument("--host")
    demo.add_argument("--port", type=int)
    asyncapi = commands.add_parser("asyncapi", help="print or export the AsyncAPI document (sockets, Kafka)")
    asyncapi.add_argument("--out", metavar="FILE", help="write it to FILE")
    asyncapi.add_argument("--check", action="store_true",
                          help="exit 1 when FILE (default: the committed docs/api/asyncapi.json) is stale")
    args = parser.parse_args(argv)
    if args.command == "asyncapi":  # needs no settings: the document is made from the code alone
        return export_asyncapi(args.out, args.check)

    overrides = {k: v for k, v in {"host": getattr(args, "host", None), "port": getattr(args, "port", None)}.items()
                 if v is not None}
    try:
        settings = load_settings(**overrides)
    except SettingsError as exc:
        print(f"fieldsync: {exc}", file=sys.stderr)
        return 2


    if args.command in ("migrate", "demo"):
        applied = asyncio.run(migrate(settings.database_url))
        print(f"migrations: {', '.join(applied) if applied else 'up to date'}")
    if args.command in ("seed-demo", "demo"):
        try:
            summary = asyncio.run(seed_demo(settings))
        except DemoSeedRefused as exc:
            print(f"fieldsync: {exc}", file=sys.stderr)
            return 2
        print(f"demo data: {summary}")
    if args.command == "seed-load":
        try:
            print(f"load data: {asyncio.run(seed_load(settings, args.users))}")
        except LoadSeedRefused as exc:
            print(f"fieldsync: {exc}", file=sys.stderr)
            return 2
    if args.command in ("serve", "demo"):
        try:
            bootstrap.run(settings)
        except SettingsError as exc:  # found while building the app (e.g. an unreadable FCM key)
            print(f"fieldsync: {exc}", file=sys.stderr)
            return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
