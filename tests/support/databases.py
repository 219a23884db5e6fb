"""The suite's PostgreSQL databases: a throwaway database per session (or per test that needs its
own), and emptying every table between tests."""

from __future__ import annotations

import asyncio
import secrets

import asyncpg

from domain.catalog.requirements import SEEDED_REQUIREMENTS


def _with_database(url: str, name: str) -> str:
    base, _, _ = url.rpartition("/")
    query = url.split("?", 1)[1] if "?" in url else ""
    return f"{base}/{name}" + (f"?{query}" if query else "")


async def create_database(admin_url: str) -> str:
    name = f"fieldsync_test_{secrets.token_hex(4)}"
    conn = await asyncpg.connect(admin_url.replace("postgres://", "postgresql://", 1))
    try:
        await conn.execute(f'CREATE DATABASE "{name}"')
    finally:
        await conn.close()
    return _with_database(admin_url, name)


async def drop_database(admin_url: str, url: str) -> None:
    name = url.rsplit("/", 1)[1].split("?", 1)[0]
    kept = _EMPTYING.pop(url, None)
    if kept is not None and kept[0] is asyncio.get_running_loop():
        await kept[1].close()
    conn = await asyncpg.connect(admin_url.replace("postgres://", "postgresql://", 1))
    try:
        await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await conn.close()


# Every table but the migrations' own and the reference data seeded by migrate(), with the
# sequence it owns (serial ids) and whether that sequence was used since its last restart.
_TABLES = """
SELECT t.relname AS name, s.relname AS sequence, ps.last_value IS NOT NULL AS used
FROM pg_class t
LEFT JOIN pg_depend d ON d.refobjid = t.oid AND d.classid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')
LEFT JOIN pg_class s ON s.oid = d.objid AND s.relkind = 'S'
LEFT JOIN pg_sequences ps ON ps.schemaname = 'public' AND ps.sequencename = s.relname
WHERE t.relkind IN ('r', 'p') AND t.relnamespace = 'public'::regnamespace
  AND t.relname NOT IN ('aerich', 'category', 'category_requirement')
"""


_RESEED_REQUIREMENTS = "DELETE FROM category_requirement; INSERT INTO category_requirement " \
    "(category_id, credential, created_at) VALUES " + ", ".join(
        f"('{category}', '{credential}', now())" for category, credential in SEEDED_REQUIREMENTS)


async def truncate_all(url: str) -> None:
    """Empty every table and restart the sequences they own (category, reference data seeded by
    migrate(), survives between tests). TRUNCATE costs per table (new files for it and each of
    its indexes) and a test fills a few of the tables: only those holding rows are truncated,
    and the sequences of the others restarted if anything drew from them.

    One transaction holding every table (ACCESS EXCLUSIVE) from the start: module-scoped
    `fieldsync serve` children keep writing between tests (their jobs, their ticker), and a row
    they inserted after the probe saw its table empty would survive, or its sequence restart
    under it (a duplicate key later). Their writes wait the few milliseconds this takes; a
    deadlock with one of them is retried.

    As a superuser (the embedded server), the filled tables are emptied by DELETE with triggers
    and foreign-key checks off (`session_replication_role = replica`: the tables are locked and
    all emptied together), on one connection kept for the worker's loop: TRUNCATE makes new
    files for each table and index and invalidates every other connection's cached view of
    them, and a new connection must fill its catalog caches again. ~95 -> ~35 ms a test here."""
    conn = await _emptying_connection(url)
    try:
        for attempt in range(5):
            try:
                async with conn.transaction():
                    await _truncate_locked(conn, url)
                return
            except (asyncpg.DeadlockDetectedError, asyncpg.UndefinedTableError):
                _LOCKED_TABLES.pop(url, None)  # a test dropped a table: list them again
                if attempt == 4:
                    raise
    except BaseException:
        _EMPTYING.pop(url, None)  # a connection in an unknown state is not kept
        await conn.close()
        raise


# One connection per database for `truncate_all`, kept while its event loop is the running one
# (the suite's tests share one loop per worker); whether its role may turn triggers off.
_EMPTYING: dict[str, tuple[asyncio.AbstractEventLoop, asyncpg.Connection, bool]] = {}


async def _emptying_connection(url: str) -> asyncpg.Connection:
    loop = asyncio.get_running_loop()
    kept = _EMPTYING.get(url)
    if kept is not None and kept[0] is loop and not kept[1].is_closed():
        return kept[1]
    conn = await asyncpg.connect(url.replace("postgres://", "postgresql://", 1))
    superuser = await conn.fetchval("SELECT current_setting('is_superuser') = 'on'")
    _EMPTYING[url] = (loop, conn, bool(superuser))
    return conn


# The tables to lock, by database (the catalog query costs as much as the rest): a table a test
# adds later is still emptied, only not locked.
_LOCKED_TABLES: dict[str, str] = {}


async def _truncate_locked(conn: asyncpg.Connection, url: str) -> None:
    if url not in _LOCKED_TABLES:
        names = sorted({row["name"] for row in await conn.fetch(_TABLES)})
        _LOCKED_TABLES[url] = ", ".join(f'"{name}"' for name in names)
    if _LOCKED_TABLES[url]:
        await conn.execute(f"LOCK TABLE {_LOCKED_TABLES[url]} IN ACCESS EXCLUSIVE MODE")
    sequences: dict[str, list[str]] = {}
    for row in await conn.fetch(_TABLES):  # now that nothing can draw from a sequence
        sequences.setdefault(row["name"], [])
        if row["sequence"] is not None and row["used"]:
            sequences[row["name"]].append(row["sequence"])
    # Category requirements (issue 15) are reference data that tests may edit: back to the seed.
    await conn.execute(_RESEED_REQUIREMENTS)
    names = sorted(sequences)
    if not names:
        return
    probe = " UNION ALL ".join(f'SELECT {i} AS i WHERE EXISTS (SELECT 1 FROM "{name}")'
                               for i, name in enumerate(names))
    filled = [names[row["i"]] for row in await conn.fetch(probe)]
    restarted: list[str] = []  # tables whose sequences TRUNCATE restarted
    if filled and _EMPTYING[url][2]:  # triggers off until the transaction ends
        await conn.execute("SET LOCAL session_replication_role = replica")
        await conn.execute("; ".join(f'DELETE FROM "{name}"' for name in filled))
    elif filled:
        quoted = ", ".join(f'"{name}"' for name in filled)
        await conn.execute(f"TRUNCATE {quoted} RESTART IDENTITY CASCADE")
        restarted = filled
    restart = [sequence for name in names if name not in restarted for sequence in sequences[name]]
    if restart:
        await conn.execute("; ".join(f'ALTER SEQUENCE "{sequence}" RESTART' for sequence in restart))
