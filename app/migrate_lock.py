"""The lock `fieldsync migrate` holds on PostgreSQL: a session advisory lock on a connection of
its own (not a pooled one: pooled connections keep no session state, ARCHITECTURE.md), released
when that connection closes, so a crashed migrator never leaves it held. SQLite needs none (one
process owns the embedded file).

A migrator that finds the lock taken polls for it rather than waiting in `pg_advisory_lock`: a
statement waiting for a lock holds a snapshot, and the holder's `CREATE INDEX CONCURRENTLY`
(migration 35) waits for every older snapshot in the database to end. Each would wait for the other,
through the holder's two connections, where PostgreSQL's deadlock detector cannot see it."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import asyncpg
import structlog

from app.db import expand_postgres

# Advisory locks are per database: one key for every migrator of this schema ("fieldsyn").
MIGRATION_LOCK_KEY = 0x6669656C6473796E
LOCK_POLL_SECONDS = 0.25
TRY_LOCK = "SELECT pg_try_advisory_lock($1)"

log = structlog.get_logger("fieldsync.migrate")


@asynccontextmanager
async def migration_lock(database_url: str) -> AsyncIterator[None]:
    if database_url.startswith("sqlite://"):
        yield
        return
    conn = await asyncpg.connect(**connect_arguments(database_url))
    try:
        waiting = False
        while not await conn.fetchval(TRY_LOCK, MIGRATION_LOCK_KEY):
            if not waiting:
                log.info("migrate_waiting_for_lock", reason="another migrate holds it")
                waiting = True
            await asyncio.sleep(LOCK_POLL_SECONDS)
        yield
    finally:
        await conn.close()  # ends the session: the lock goes with it


def connect_arguments(database_url: str) -> dict[str, Any]:
    credentials = expand_postgres(database_url)["credentials"]
    arguments = {
        key: credentials[key]
        for key in ("host", "port", "user", "password", "database", "ssl")
        if credentials.get(key) is not None
    }
    if isinstance(arguments.get("port"), str):
        arguments["port"] = int(arguments["port"])
    return arguments
