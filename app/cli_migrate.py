"""`fieldsync migrate [--status | --downgrade-one]`: apply, list or undo migrations (as the
MIGRATE_DATABASE_URL role when set), logging what it did as the server logs (JSON lines by
default); `fieldsync db-roles`: create the migrate and application roles (app/db_roles.py)."""

from __future__ import annotations

import argparse
import asyncio
import sys

import structlog

from app.settings import Settings

log = structlog.get_logger("fieldsync.migrate")


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser("migrate", help="apply pending database migrations (under a database lock)")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--status", action="store_true", help="list applied and pending migrations; change nothing")
    mode.add_argument("--downgrade-one", action="store_true", help="undo the newest applied migration")
    roles = commands.add_parser(
        "db-roles", help="create or update the migrate role (MIGRATE_DATABASE_URL) and the application role "
                         "(DATABASE_URL, rows only) with their privileges; idempotent")
    roles.add_argument("--admin-url", help="an administrator's PostgreSQL URL on the same database "
                                           "(default: DATABASE_ADMIN_URL)")


# app.migrate and app.db_roles (aerich, the migrations) are imported by the functions that use
# them: the other commands of the CLI (app/cli.py) do without.
def run_roles(args: argparse.Namespace, settings: Settings) -> int:
    from app.db_roles import RolesRefused

    admin = args.admin_url or (settings.database_admin_url.get_secret_value() if settings.database_admin_url else None)
    if not admin:
        print("fieldsync: db-roles needs --admin-url or DATABASE_ADMIN_URL (a superuser of the database)",
              file=sys.stderr)
        return 2
    try:
        set_up_roles(settings, admin)
    except RolesRefused as exc:
        print(f"fieldsync: {exc}", file=sys.stderr)
        return 2
    return 0


def set_up_roles(settings: Settings, admin_url: str) -> None:
    from app.db_roles import RolesRefused, ensure_roles

    if not settings.migrate_database_url:
        raise RolesRefused("the roles need MIGRATE_DATABASE_URL (the schema owner's login) besides DATABASE_URL")
    asyncio.run(ensure_roles(admin_url, settings.migrate_database_url, settings.database_url))


def app_role(settings: Settings) -> str | None:
    """The application's role when migrations run as another one: its grants follow each upgrade."""
    from app.db_roles import role_of

    app, owner = role_of(settings.database_url), role_of(settings.migrate_url)
    return app if settings.migrate_database_url and app and app != owner else None


def run(args: argparse.Namespace, settings: Settings) -> int:
    from app.db_roles import RolesRefused
    from app.migrate import MigrationRefused, downgrade_one

    try:
        if args.status:
            return show_status(settings)
        if args.downgrade_one:
            undone = asyncio.run(downgrade_one(settings.migrate_url))
            log.info("migration_downgraded", migrations=undone)
            return 0
        if settings.database_admin_url is not None:  # the roles first (app/db_roles.py), every deploy
            set_up_roles(settings, settings.database_admin_url.get_secret_value())
    except (MigrationRefused, RolesRefused) as exc:  # a plain refusal, like an invalid setting
        print(f"fieldsync: {exc}", file=sys.stderr)
        return 2
    apply(settings)
    return 0


def apply(settings: Settings) -> None:
    from app.migrate import migrate

    applied = asyncio.run(migrate(settings.migrate_url, settings.region_rules, app_role=app_role(settings)))
    log.info("migrations_applied" if applied else "migrations_up_to_date", migrations=applied)


def show_status(settings: Settings) -> int:
    from app.migrate import migration_status

    status = asyncio.run(migration_status(settings.migrate_url))
    for name in status.applied:
        log.info("migration", name=name, state="applied")
    for name in status.pending:
        log.info("migration", name=name, state="pending")
    for name in status.unknown:  # the database is ahead of this code: a newer release migrated it
        log.warning("migration", name=name, state="applied_unknown")
    log.info("migration_status", applied=len(status.applied), pending=len(status.pending), unknown=len(status.unknown))
    return 0
