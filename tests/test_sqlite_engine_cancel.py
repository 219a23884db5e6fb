"""infra/sqlite_engine.py: a transaction cancelled while it opens gives the connection back
(Tortoise's own context kept its lock, and a job stopped at shutdown hung the relay's flush)."""

from __future__ import annotations

import asyncio
import contextvars
from pathlib import Path

from tortoise import Tortoise, connections
from tortoise.transactions import in_transaction


async def _cancel_openings(path: Path) -> None:
    config = {"connections": {"default": {"engine": "infra.sqlite_engine", "credentials": {"file_path": str(path)}}},
              "apps": {"flags": {"models": ["domain.flags.models"], "default_connection": "default"}}}
    await Tortoise.init(config=config)
    try:
        conn = connections.get("default")
        await conn.execute_query("SELECT 1")

        async def job() -> None:
            async with in_transaction() as tx:
                await tx.execute_query("SELECT 1")

        for i in range(60):
            task = asyncio.create_task(job())
            for _ in range(i % 5):
                await asyncio.sleep(0)
            task.cancel()
            await asyncio.gather(task, return_exceptions=True)
            # The next statement gets the connection, outside any transaction left behind.
            await asyncio.wait_for(conn.execute_query("SELECT 1"), 5)
            assert not conn._connection._conn.in_transaction, i
    finally:
        await Tortoise.close_connections()


async def test_a_transaction_cancelled_while_it_begins_gives_the_connection_back(tmp_path: Path) -> None:
    await asyncio.create_task(_cancel_openings(tmp_path / "cancel.sqlite3"), context=contextvars.Context())
