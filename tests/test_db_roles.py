"""Least privilege (issue 18): `fieldsync db-roles` makes a migrate role (owns the schema) and an
application role (rows only); migrated as the first, the application works as the second, which
cannot change the schema nor rewrite the append-only tables. Production refuses a database
reached without TLS. Real PostgreSQL, in a throwaway database with throwaway roles."""

from __future__ import annotations

import asyncio
import secrets
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import asyncpg
import pytest

from app.db_roles import APPEND_ONLY, RolesRefused, ensure_roles
from app.migrate import migrate
from app.settings import SettingsError, load_settings
from domain.finance.ledger.models import LedgerEntry
from tests.conftest import Services, create_database, drop_database
from tests.support.bookings import book, build_market, ok
from tests.support.bus import wait_until
from tests.support.identity import PASSWORD, unique_email
from tests.support.payments import checkout, run_to, until_state
from tests.test_settings import PRODUCTION, STRONG_KEYS, run_cli


@dataclass
class Roles:
    admin_url: str  # the throwaway database, as the administrator
    migrate_url: str
    app_url: str
    owner: str
    app: str


def as_user(url: str, user: str, password: str) -> str:
    parts = urlsplit(url)
    host = parts.hostname or "127.0.0.1"
    port = f":{parts.port}" if parts.port else ""
    return urlunsplit(parts._replace(netloc=f"{user}:{password}@{host}{port}"))


def pg(url: str) -> str:
    return url.replace("postgres://", "postgresql://", 1)


@pytest.fixture
async def roles(services: Services) -> AsyncIterator[Roles]:
    admin = services.postgres_admin_url
    url = await create_database(admin)
    suffix = secrets.token_hex(3)
    owner, app = f"fs_owner_{suffix}", f"fs_app_{suffix}"
    try:
        yield Roles(url, as_user(url, owner, "owner-pw-" + suffix), as_user(url, app, "app-pw-" + suffix), owner, app)
    finally:
        await drop_database(admin, url)
        conn = await asyncpg.connect(pg(admin))
        try:
            for role in (app, owner):  # their grants went with the database; nothing else is theirs
                await conn.execute(f'DROP ROLE IF EXISTS "{role}"')
        finally:
            await conn.close()


async def refused(conn: asyncpg.Connection, sql: str, *args: object) -> None:
    with pytest.raises(asyncpg.InsufficientPrivilegeError):
        await conn.execute(sql, *args)


async def test_the_app_role_writes_rows_but_not_the_schema_nor_the_append_only_tables(
        roles: Roles, make_client) -> None:
    conn = await asyncpg.connect(pg(roles.admin_url))
    try:  # a table from before the roles, owned by whoever migrated then: handed over to the owner
        await conn.execute("CREATE TABLE legacy_table (id SERIAL PRIMARY KEY)")
    finally:
        await conn.close()
    await ensure_roles(roles.admin_url, roles.migrate_url, roles.app_url)
    await ensure_roles(roles.admin_url, roles.migrate_url, roles.app_url)  # idempotent: every deploy runs it
    assert await migrate(roles.migrate_url, app_role=roles.app)

    conn = await asyncpg.connect(pg(roles.admin_url))
    try:  # the migrations ran as the migrate role: it owns every table
        owners = await conn.fetch("SELECT tableowner FROM pg_tables WHERE schemaname = 'public'")
        assert {row["tableowner"] for row in owners} == {roles.owner}
    finally:
        await conn.close()

    # The application, connected as the app role, works: sign-up, login, a profile change (with
    # their audit records, outbox rows and sync ops).
    client = await make_client(database_url=roles.app_url)
    body = {"email": unique_email("lp"), "password": PASSWORD, "name": "Lee", "role": "customer"}
    signed = await ok(await client.post("/v1/auth/register", json=body), 201)
    headers = {"Authorization": f"Bearer {signed['access_token']}"}
    assert (await ok(await client.patch("/v1/me", headers=headers, json={"name": "Lee P"})))["name"] == "Lee P"
    await ok(await client.post("/v1/auth/login", json={"email": body["email"], "password": PASSWORD}))
    # Money too: a booking paid and accepted (ledger holds and postings, sealed by the periodic job).
    m = await build_market(client, crew_size=1)
    booking = await ok(await book(client, m), 201)
    await checkout(client, m, booking)
    await run_to(client, m, booking, "accept")
    await until_state(client, m, booking["id"], "held")

    async def sealed() -> bool:
        return await LedgerEntry.filter(seq=None).count() == 0 and await LedgerEntry.all().count() > 0

    await wait_until(sealed, 10, "the ledger entries sealed by the app role")

    app = await asyncpg.connect(pg(roles.app_url))
    try:
        assert await app.fetchval("SELECT current_user") == roles.app
        # Rows: yes.
        await app.execute("UPDATE user_account SET name = 'Lee Q' WHERE id = $1", signed["user"]["id"])
        assert await app.fetchval("SELECT count(*) FROM refresh_token WHERE user_id = $1", signed["user"]["id"]) == 2
        # The schema: no.
        await refused(app, "ALTER TABLE user_account ADD COLUMN nickname TEXT")
        await refused(app, "CREATE TABLE shadow (id INT)")
        await refused(app, "DROP TABLE booking")
        await refused(app, "TRUNCATE audit_record")
        await refused(app, "SELECT * FROM aerich")
        # The append-only tables: no UPDATE, no DELETE (the privilege refuses before the trigger).
        for table in ("ledger_posting", "audit_record", "dispute_entry"):
            await refused(app, f"UPDATE {table} SET id = id")
            await refused(app, f"DELETE FROM {table}")
        await refused(app, "UPDATE ledger_entry SET reason = 'rewritten'")  # only its sealing columns
        await refused(app, "DELETE FROM ledger_entry")
    finally:
        await app.close()

    # A table a later migration creates (as the migrate role) gets the app's grants by default,
    # and `fieldsync migrate` re-applies the append-only revokes after each upgrade.
    owner = await asyncpg.connect(pg(roles.migrate_url))
    try:
        await owner.execute("CREATE TABLE later_table (id INT PRIMARY KEY)")
    finally:
        await owner.close()
    app = await asyncpg.connect(pg(roles.app_url))
    try:
        await app.execute("INSERT INTO later_table VALUES (1)")
        await app.execute("DELETE FROM later_table")
    finally:
        await app.close()
    assert set(APPEND_ONLY) >= {"ledger_posting", "audit_record"}


async def test_db_roles_refuses_one_role_for_both(roles: Roles) -> None:
    with pytest.raises(RolesRefused, match="two different roles"):
        await ensure_roles(roles.admin_url, roles.app_url, roles.app_url)


def test_db_roles_without_an_administrator_says_what_it_needs(tmp_path: Path) -> None:
    result = run_cli(tmp_path, "db-roles", DATABASE_URL="postgres://app:pw@127.0.0.1:5432/fs",
                     MIGRATE_DATABASE_URL="postgres://owner:pw@127.0.0.1:5432/fs",
                     JWT_SIGNING_KEYS=STRONG_KEYS, JWT_ACTIVE_KID="k2")
    assert result.returncode == 2 and "DATABASE_ADMIN_URL" in result.stderr


def production(**changes: str) -> dict[str, str]:
    return {name.lower(): value for name, value in {**PRODUCTION, **changes}.items()}


@pytest.mark.parametrize("url", [
    "postgres://app:pw@db.internal:5432/fieldsync",
    "postgres://app:pw@db.internal:5432/fieldsync?sslmode=prefer",
    "postgres://app:pw@10.0.0.5:5432/fieldsync?sslmode=disable",
])
def test_production_refuses_a_database_without_tls(url: str) -> None:
    with pytest.raises(SettingsError, match="DATABASE_URL must require TLS in production"):
        load_settings(**production(DATABASE_URL=url))


def test_production_refuses_migrations_without_tls() -> None:
    with pytest.raises(SettingsError, match="MIGRATE_DATABASE_URL must require TLS in production"):
        load_settings(**production(MIGRATE_DATABASE_URL="postgres://owner:pw@db.internal:5432/fieldsync"))


@pytest.mark.parametrize("url", [
    "postgres://app:pw@db.internal:5432/fieldsync?sslmode=require",
    "postgres://app:pw@db.internal:5432/fieldsync?sslmode=verify-full",
    "postgres://app:pw@127.0.0.1:5432/fieldsync",  # loopback: no network to read
    "postgres://app:pw@localhost/fieldsync",
])
def test_production_accepts_tls_or_loopback(url: str) -> None:
    assert load_settings(**production(DATABASE_URL=url)).database_url == url


def test_serve_refuses_to_start_without_tls_to_the_database(tmp_path: Path) -> None:
    result = run_cli(tmp_path, "serve", "--port", "1",
                     **{**PRODUCTION, "DATABASE_URL": "postgres://app:pw@db.internal:5432/fieldsync"})
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "DATABASE_URL must require TLS in production" in result.stderr and "sslmode=verify-full" in result.stderr


async def test_migrate_with_an_administrator_sets_the_roles_up_first(roles: Roles, tmp_path: Path) -> None:
    """What the compose migrate job does: one `fieldsync migrate` with the three URLs."""
    result = await asyncio.to_thread(
        run_cli, tmp_path, "migrate", DATABASE_URL=roles.app_url, MIGRATE_DATABASE_URL=roles.migrate_url,
        DATABASE_ADMIN_URL=roles.admin_url, JWT_SIGNING_KEYS=STRONG_KEYS, JWT_ACTIVE_KID="k2")
    assert result.returncode == 0, result.stderr
    app = await asyncpg.connect(pg(roles.app_url))
    try:
        assert await app.fetchval("SELECT count(*) FROM category") > 0  # reference data, readable
        assert await app.fetchval(
            "SELECT has_table_privilege(current_user, 'booking', 'INSERT, UPDATE, DELETE')") is True
        assert await app.fetchval("SELECT has_table_privilege(current_user, 'ledger_posting', 'UPDATE')") is False
        assert await app.fetchval("SELECT tableowner FROM pg_tables WHERE tablename = 'booking'") == roles.owner
    finally:
        await app.close()
