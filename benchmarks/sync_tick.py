"""PostgreSQL CPU of a sync tick per op moved (issue 19, target 1): migration 27's `sync_tick`
(old) against the installed one (new), in two databases of the same server, round by round.

Each database gets --prefill ops moved and vacuumed first: a pending table that once held that
many keeps their pages (the ticker's VACUUM does not truncate); by default as many as the ticker
moves between two vacuums, the size it keeps under a steady load. Then each round writes --transactions transactions of
--ops pending ops each (a message in a conversation scope, the rest notifications in user
scopes, as a send writes them), ticks once, then ticks again with nothing to move (the idle
check); every 5,000 ops moved it vacuums the pending table as the ticker does. Reported: the
tick backend's CPU per op moved (from /proc: the server must run on this machine; it includes
the idle ticks and vacuums), and the median tick's wall time.

    .venv/bin/python benchmarks/sync_tick.py [--rounds 600] [--transactions 7] [--ops 3]
"""

from __future__ import annotations

import argparse
import asyncio
import importlib.util
import json
import os
import random
import statistics
import sys
import time
import uuid
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import asyncpg

from benchmarks._harness import add_database_arguments, fresh_database, load_average, report, with_postgres
from sync.ticker import VACUUM_AFTER_MOVED

MIGRATIONS = Path(__file__).resolve().parents[1] / "migrations" / "models"
WRITE = ("INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) "
         "SELECT pg_current_xact_id()::text::bigint, c, r, s, 'u', 1, d "
         "FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS t(c, r, s, d)")
TICK = "SELECT * FROM sync_tick(1, false, false)"
SCOPES = 3_000


def old_tick() -> str:
    path = MIGRATIONS / "27_20261205120000_one_call_ticks.py"
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return str(module.TICK_UPGRADE)


def op(first: bool) -> tuple[str, str, str, str]:
    data = json.dumps({"id": str(uuid.uuid4()), "body": "x" * random.randint(20, 120), "seq": random.randint(1, 10**6),
                       "created_at": "2026-12-06T04:00:00.000000Z", "client_msg_id": str(uuid.uuid4())})
    if first:
        return "message", str(uuid.uuid4()), f"conversation:{random.randrange(SCOPES)}", data
    return "notification", str(uuid.uuid4()), f"user:{random.randrange(SCOPES)}", data


async def write(conn: asyncpg.Connection, ops: int) -> None:
    rows = [op(i == 0) for i in range(ops)]
    await conn.execute(WRITE, *([row[k] for row in rows] for k in range(4)))


def cpu_ticks(pid: int) -> int:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])


class Side:
    def __init__(self, name: str, url: str) -> None:
        self.name, self.url = name, url
        self.walls: list[float] = []
        self.moved = self.since_vacuum = self.cpu = 0

    async def open(self, prefill: int) -> None:
        self.writers = await asyncpg.create_pool(self.url, min_size=4, max_size=4)
        self.ticker = await asyncpg.connect(self.url)
        self.pid = await self.ticker.fetchval("SELECT pg_backend_pid()")
        for _ in range(prefill // 1_000):
            await write(self.ticker, 1_000)
        await self.ticker.fetch("SELECT * FROM sync_tick(1, true, false)")
        await self.ticker.execute("VACUUM ANALYZE sync_op")
        await self.ticker.execute("VACUUM (ANALYZE, TRUNCATE false) sync_op_pending")

    async def round(self, transactions: int, ops: int) -> None:
        async def writer(count: int) -> None:
            async with self.writers.acquire() as conn:
                for _ in range(count):
                    await write(conn, ops)

        await asyncio.gather(*(writer(transactions // 4 + (i < transactions % 4)) for i in range(4)))
        before, started = cpu_ticks(self.pid), time.perf_counter()
        moved = sum(row["ops"] or 0 for row in await self.ticker.fetch(TICK))
        self.walls.append(time.perf_counter() - started)
        await self.ticker.fetch(TICK)
        self.moved += moved
        self.since_vacuum += moved
        if self.since_vacuum >= VACUUM_AFTER_MOVED:
            self.since_vacuum = 0
            await self.ticker.execute("VACUUM (SKIP_LOCKED, TRUNCATE false) sync_op_pending")
        self.cpu += cpu_ticks(self.pid) - before

    def results(self) -> dict[str, Any]:
        seconds = self.cpu / os.sysconf("SC_CLK_TCK")
        return {f"{self.name}_cpu_us_per_op": round(seconds / max(self.moved, 1) * 1e6, 1),
                f"{self.name}_tick_median_ms": round(statistics.median(self.walls) * 1e3, 2),
                f"{self.name}_ops_moved": self.moved}


async def run(args: argparse.Namespace, admin_url: str) -> dict[str, Any]:
    async with fresh_database(admin_url) as old_url, fresh_database(admin_url) as new_url:
        old, new = Side("old", old_url), Side("new", new_url)
        conn = await asyncpg.connect(old_url)
        await conn.execute(old_tick())
        await conn.close()
        await asyncio.gather(old.open(args.prefill), new.open(args.prefill))
        results: dict[str, Any] = {"load_average_before": load_average()}
        for i in range(args.rounds):
            for side in (old, new) if i % 2 == 0 else (new, old):
                await side.round(args.transactions, args.ops)
        for side in (old, new):
            results.update(side.results())
        for side in (old, new):
            await side.writers.close()
            await side.ticker.close()
        results["load_average_after"] = load_average()
        return results


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_database_arguments(parser)
    parser.add_argument("--rounds", type=int, default=600)
    parser.add_argument("--transactions", type=int, default=7, help="transactions per tick")
    parser.add_argument("--ops", type=int, default=3, help="ops per transaction (a send: 3, 4.5 with notifications)")
    parser.add_argument("--prefill", type=int, default=VACUUM_AFTER_MOVED,
                        help="ops moved and vacuumed before the rounds (default: as many as between two vacuums)")
    args = parser.parse_args()
    report(with_postgres(run, args), args.json)
