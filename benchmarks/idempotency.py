"""What an Idempotency-Key costs a POST (issue 13, item 9), on PostgreSQL.

Starts a throwaway embedded PostgreSQL (or uses --database-url, an admin URL: a fresh database
is made in it), serves `fieldsync serve` in a child process, and posts `POST /v1/orgs` (a
small creating POST: one row, one outbox event, one audit record) from this process:

- sequential latency without a key, with a fresh key each time (claim + fence + store), and
  replays of one key (claim + read, the route does not run);
- throughput with --workers concurrent clients, without and with fresh keys;
- --rounds of 20 identical requests sent at once: the time until all 20 are answered, and
  that each round made exactly one organisation.

The load average is printed: the machine is shared, and client and server share its 2 cores.

    .venv/bin/python benchmarks/idempotency.py [--requests 300] [--workers 8] [--rounds 10] [--json]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import time
import uuid
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import aiohttp
import asyncpg

from app.migrate import migrate
from benchmarks._harness import Server, add_database_arguments, percentile, report, with_postgres
from tests.support.databases import create_database, drop_database


def ms(seconds: float) -> float:
    return round(seconds * 1000, 2)


async def run(args: argparse.Namespace, admin_url: str) -> dict[str, Any]:
    url = await create_database(admin_url)
    await migrate(url)
    results: dict[str, Any] = {"load_average_before": round(os.getloadavg()[0], 2)}
    server = Server(url, REDIS_URL="", AUTH_RATE_LIMIT_PER_MINUTE="100000000", ARGON2_TIME_COST="1",
                    ARGON2_MEMORY_COST_KIB="8192", ARGON2_PARALLELISM="1")
    try:
        base = f"{server.url}/v1"
        async with aiohttp.ClientSession() as session:
            async with session.post(f"{base}/auth/register", json={
                    "email": "bench@example.com", "password": "correct horse battery", "name": "Bench",
                    "role": "provider"}) as response:
                assert response.status == 201, await response.text()
                auth = {"Authorization": "Bearer " + (await response.json())["access_token"]}

            async def post(key: str | None) -> tuple[float, int, bytes]:
                headers = {**auth, **({"Idempotency-Key": key} if key else {})}
                started = time.perf_counter()
                async with session.post(f"{base}/orgs", headers=headers, json={"name": "Bench Ltd"}) as answer:
                    body = await answer.read()
                return time.perf_counter() - started, answer.status, body

            for _ in range(20):  # warm up both paths
                await post(None)
                await post(str(uuid.uuid4()))

            for name, key_of in (("no_key", lambda: None), ("fresh_key", lambda: str(uuid.uuid4())),
                                 ("replay", lambda: "the-same-key")):
                timings = []
                for _ in range(args.requests):
                    elapsed, status, _ = await post(key_of())
                    assert status == 201, status
                    timings.append(elapsed)
                results[f"{name}_median_ms"] = ms(statistics.median(timings))
                results[f"{name}_p95_ms"] = ms(percentile(timings, 0.95))

            for name, key_of in (("no_key", lambda: None), ("fresh_key", lambda: str(uuid.uuid4()))):
                per_worker = args.requests * 2 // args.workers

                async def worker(make_key: Any = key_of, count: int = per_worker) -> None:
                    for _ in range(count):
                        assert (await post(make_key()))[1] == 201

                started = time.perf_counter()
                await asyncio.gather(*(worker() for _ in range(args.workers)))
                elapsed = time.perf_counter() - started
                results[f"{name}_{args.workers}_workers_per_s"] = round(per_worker * args.workers / elapsed)

            conn = await asyncpg.connect(url.replace("postgres://", "postgresql://", 1))
            try:
                before = await conn.fetchval("SELECT count(*) FROM organisation")
                walls = []
                for _ in range(args.rounds):
                    key = str(uuid.uuid4())
                    started = time.perf_counter()
                    answers = await asyncio.gather(*(post(key) for _ in range(20)))
                    walls.append(time.perf_counter() - started)
                    assert {status for _, status, _ in answers} == {201}
                    assert len({body for _, _, body in answers}) == 1
                created = await conn.fetchval("SELECT count(*) FROM organisation") - before
            finally:
                await conn.close()
            results["duplicates_20_at_once_wall_median_ms"] = ms(statistics.median(walls))
            results["duplicates_20_at_once_wall_max_ms"] = ms(max(walls))
            results["duplicates_rounds"] = args.rounds
            results["duplicates_orgs_created"] = created
    finally:
        server.stop()
        await drop_database(admin_url, url)  # an outside --database-url keeps no leftovers
    results["load_average_after"] = round(os.getloadavg()[0], 2)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--workers", type=int, default=8)
    parser.add_argument("--rounds", type=int, default=10)
    add_database_arguments(parser)
    args = parser.parse_args()
    report(with_postgres(run, args), args.json)


if __name__ == "__main__":
    main()
