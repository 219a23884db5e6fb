"""Least privilege on PostgreSQL (issue 18): two roles instead of one all-powerful user.

- The migrate role (MIGRATE_DATABASE_URL's user) owns the schema: `fieldsync migrate` creates,
  alters and drops tables as it.
- The application role (DATABASE_URL's user) reads and writes rows: SELECT, INSERT, UPDATE and
  DELETE on the tables, the sequences, and nothing else; no CREATE, ALTER or DROP, and no UPDATE
  or DELETE on the append-only tables (`APPEND_ONLY`), whose triggers refuse them as well.

`fieldsync db-roles` (an administrator's URL: a superuser, or the cloud's admin role) creates or
updates both roles with the passwords of their URLs, hands every existing object of the schema
to the migrate role and sets default privileges, so tables later migrations create get the
application's grants; `fieldsync migrate` re-applies the grants after every upgrade (a new
append-only table is in `APPEND_ONLY`). Every step is idempotent: run it on each deploy."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

import asyncpg
import structlog

from app.migrate_lock import connect_arguments

log = structlog.get_logger("fieldsync.db_roles")

# Append-only tables: table -> the columns the application may still UPDATE (none: no UPDATE at
# all). DELETE is never granted on them. Their triggers (migrations 1, 8, 9) refuse the rest too.
APPEND_ONLY: dict[str, tuple[str, ...]] = {
    # Erasure pseudonymises a person's copies in these (domain/privacy/erasure.py); their triggers
    # allow it only inside the erasure's transaction (SET LOCAL fieldsync.erasure, migration 15).
    "audit_record": ("ip", "before", "after"),
    "ledger_posting": (),
    "ledger_entry": ("seq", "hash"),  # sealed once (domain/finance/ledger/chain.py)
    "ledger_account": ("version",),  # the no-overdraft compare-and-set (journal.py)
    "dispute_entry": ("body", "data"),
    "verification_review": (),
    "consent_record": (),  # proof of consent (domain/consent)
    "policy_acceptance": (),
}


class RolesRefused(Exception):
    """The URLs do not describe two distinct PostgreSQL roles."""


@dataclass(frozen=True)
class Login:
    user: str
    password: str | None

    @staticmethod
    def of(url: str, setting: str) -> Login:
        if not url.startswith(("postgres://", "postgresql://")):
            raise RolesRefused(f"{setting} must be a PostgreSQL URL")
        parts = urlsplit(url)
        if not parts.username:
            raise RolesRefused(f"{setting} names no user (postgres://user:password@host/db)")
        return Login(unquote(parts.username), unquote(parts.password) if parts.password else None)


def q(identifier: str) -> str:
    return '"' + identifier.replace('"', '""') + '"'


async def ensure_roles(admin_url: str, migrate_url: str, app_url: str) -> None:
    """Create or update the migrate and application roles and their privileges on the database
    `admin_url` names (the database of the two other URLs)."""
    owner, app = Login.of(migrate_url, "MIGRATE_DATABASE_URL"), Login.of(app_url, "DATABASE_URL")
    if owner.user == app.user:
        raise RolesRefused("DATABASE_URL and MIGRATE_DATABASE_URL must name two different roles")
    conn = await asyncpg.connect(**connect_arguments(admin_url))
    try:
        async with conn.transaction():
            for login in (owner, app):
                await _ensure_login(conn, login)
            database = q(await conn.fetchval("SELECT current_database()"))
            await conn.execute(f"""
                GRANT CONNECT, TEMPORARY ON DATABASE {database} TO {q(owner.user)}, {q(app.user)};
                REVOKE CREATE ON SCHEMA public FROM PUBLIC;
                GRANT USAGE, CREATE ON SCHEMA public TO {q(owner.user)};
                GRANT USAGE ON SCHEMA public TO {q(app.user)};
                REVOKE CREATE ON SCHEMA public FROM {q(app.user)};""")
            moved = await _hand_over(conn, owner.user)
            await conn.execute(f"""
                ALTER DEFAULT PRIVILEGES FOR ROLE {q(owner.user)} IN SCHEMA public
                    GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {q(app.user)};
                ALTER DEFAULT PRIVILEGES FOR ROLE {q(owner.user)} IN SCHEMA public
                    GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO {q(app.user)};""")
            await apply_grants(conn, app.user)
    finally:
        await conn.close()
    log.info("db_roles_ready", migrate_role=owner.user, app_role=app.user, objects_handed_over=moved)


async def _ensure_login(conn: asyncpg.Connection, login: Login) -> None:
    exists = await conn.fetchval("SELECT 1 FROM pg_roles WHERE rolname = $1", login.user)
    if not exists:
        await conn.execute(f"CREATE ROLE {q(login.user)}")
    options = "LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS"
    if login.password is not None:
        options += " PASSWORD " + str(await conn.fetchval("SELECT quote_literal($1::text)", login.password))
    await conn.execute(f"ALTER ROLE {q(login.user)} WITH {options}")


# Objects of the public schema someone other than the migrate role owns; sequences owned by a
# table column change owner with their table.
_FOREIGN_OBJECTS = """
SELECT c.relname AS name, c.relkind::text AS kind FROM pg_class c
WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm', 'S')
  AND pg_get_userbyid(c.relowner) <> $1
  AND NOT (c.relkind = 'S' AND EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid
                                       AND d.classid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')))
ORDER BY c.relkind DESC, c.relname
"""
_FOREIGN_FUNCTIONS = """
SELECT p.oid::regprocedure::text AS signature FROM pg_proc p
WHERE p.pronamespace = 'public'::regnamespace AND pg_get_userbyid(p.proowner) <> $1
"""
_KIND = {"r": "TABLE", "p": "TABLE", "v": "VIEW", "m": "MATERIALIZED VIEW", "S": "SEQUENCE"}


async def _hand_over(conn: asyncpg.Connection, owner: str) -> int:
    """Make the migrate role the owner of every table, sequence, view and function of the schema
    (a database migrated before the roles existed belongs to whoever ran those migrations)."""
    moved = 0
    for row in await conn.fetch(_FOREIGN_OBJECTS, owner):
        await conn.execute(f"ALTER {_KIND[row['kind']]} {q(row['name'])} OWNER TO {q(owner)}")
        moved += 1
    for row in await conn.fetch(_FOREIGN_FUNCTIONS, owner):
        await conn.execute(f"ALTER ROUTINE {row['signature']} OWNER TO {q(owner)}")
        moved += 1
    return moved


async def apply_grants(conn: asyncpg.Connection, app_role: str) -> None:
    """The application's privileges on everything the schema holds now (idempotent). Run as the
    schema's owner (`fieldsync migrate`) or an administrator (`fieldsync db-roles`)."""
    app = q(app_role)
    await conn.execute(f"""
        GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {app};
        GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO {app};
        REVOKE TRUNCATE, REFERENCES, TRIGGER ON ALL TABLES IN SCHEMA public FROM {app}""")
    tables = {row["relname"] for row in await conn.fetch(
        "SELECT relname FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'p')")}
    if "aerich" in tables:  # the migration history is the migrate role's business
        await conn.execute(f"REVOKE ALL ON aerich FROM {app}")
    for table, columns in APPEND_ONLY.items():
        if table not in tables:
            continue
        # Revoking the table's UPDATE also revokes its column grants: re-grant the allowed ones after.
        await conn.execute(f"REVOKE UPDATE, DELETE ON {q(table)} FROM {app}")
        if columns:
            await conn.execute(f"GRANT UPDATE ({', '.join(q(c) for c in columns)}) ON {q(table)} TO {app}")
    if "sync_op_pending" in tables and int(await conn.fetchval("SHOW server_version_num")) >= 170000:
        # The sync ticker vacuums its queue (sync/ticker.py); before PostgreSQL 17 only the owner
        # may, and the app's VACUUM is skipped with a warning (autovacuum still does it).
        await conn.execute(f"GRANT MAINTAIN ON sync_op_pending TO {app}")


def role_of(url: str) -> str | None:
    """The user a PostgreSQL URL logs in as (None for SQLite or a URL without one)."""
    if not url.startswith(("postgres://", "postgresql://")):
        return None
    username = urlsplit(url).username
    return unquote(username) if username else None
