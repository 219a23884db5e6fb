"""Ledger throughput on PostgreSQL (issue 13 acceptance): the release pattern with 1 and with 8
concurrent workers, next to a raw single-row insert-and-commit measured in the same run.

Starts a throwaway embedded PostgreSQL (or uses --database-url, an admin URL: a fresh database
is created in it) and migrates it. Each worker is a process of its own (as app replicas and job
workers are), with its own Tortoise pool, and runs its operations one after another, each in its
own unit of work, through domain/finance/ledger exactly as the payment cases call it:

- checkout + capture: authorize (a pending hold: gateway_pending -> case_held), then
  resolve_pending(post=True): 2 entries per case;
- release: case_held -> provider_payable (one of --payees) + platform_commission + tax_payable
  (4 legs; commission, tax and the gateway are the hot accounts every release touches);
- raw: `INSERT INTO bench_raw (v) VALUES ($1)` and commit, one row per transaction, through the
  same Tortoise connection path (the floor a write-and-commit costs here).

Meanwhile a sealer process chains committed entries every second (chain.seal, as the periodic
job does); the run ends with verify_chain and the trial balance.

The machine is shared, so wall-clock rates move with everyone else's load (printed beside each
row). The CPU columns do not: CPU milliseconds per operation in the worker processes (Python)
and in the embedded PostgreSQL's processes (all of them: backends, the sealer's, WAL writer),
and the ceiling they imply on this machine's cores if nothing else ran.

    .venv/bin/python benchmarks/ledger_throughput.py [--cases 1200] [--workers 1,8] [--payees 50] [--durable]

The embedded server runs as the tests run it (fsync and synchronous_commit off); `--durable`
restarts it with PostgreSQL's defaults (every commit waits for its WAL flush on disk), as
production runs.

Figures and what limits them: docs/finance.md ("Ledger throughput").
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing as mp
import os
import sys
import threading
import time
import uuid
from collections import Counter
from dataclasses import dataclass
from multiprocessing.synchronize import Barrier
from pathlib import Path
from typing import Any

import asyncpg

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import uvloop
from tortoise import Tortoise
from tortoise.connection import connections

from app.db import tortoise_config
from app.migrate import migrate
from benchmarks._harness import make_durable, postgres_cpu_seconds
from domain.finance import ledger
from domain.finance.ledger import AccountKey, AccountKind, EntryDraft, Leg, Side
from domain.shared.uow import unit_of_work
from tests.support.databases import create_database, drop_database
from tests.support.services import EmbeddedPostgres

GATEWAY = AccountKey(AccountKind.GATEWAY_BALANCE, "platform", "GBP")
GATEWAY_PENDING = AccountKey(AccountKind.GATEWAY_PENDING, "platform", "GBP")
COMMISSION = AccountKey(AccountKind.PLATFORM_COMMISSION, "platform", "GBP")
TAX = AccountKey(AccountKind.TAX_PAYABLE, "tax:GB", "GBP")
AMOUNT = 10_000


def held(case: uuid.UUID) -> AccountKey:
    return AccountKey(AccountKind.CASE_HELD, f"case:{case}", "GBP")


async def checkout_and_capture(case: uuid.UUID, worker: int) -> None:
    async with unit_of_work() as uow:
        hold = await ledger.post(uow, EntryDraft(
            f"case:{case}:authorize", "authorize", (Leg(GATEWAY_PENDING, Side.DEBIT, AMOUNT),
                                                    Leg(held(case), Side.CREDIT, AMOUNT)),
            actor="user:bench", reason="checkout", request_id=f"req-{worker}", case_id=case, pending=True))
    async with unit_of_work() as uow:
        await ledger.resolve_pending(uow, hold.id, post=True, key=f"case:{case}:capture", actor="system:accept",
                                     reason="provider accepted", request_id=f"req-{worker}")


async def release(case: uuid.UUID, payee: str, worker: int) -> None:
    commission, tax = AMOUNT * 15 // 100, AMOUNT * 5 // 100
    async with unit_of_work() as uow:
        await ledger.post(uow, EntryDraft(
            f"case:{case}:release", "release",
            (Leg(held(case), Side.DEBIT, AMOUNT),
             Leg(AccountKey(AccountKind.PROVIDER_PAYABLE, payee, "GBP"), Side.CREDIT, AMOUNT - commission - tax),
             Leg(COMMISSION, Side.CREDIT, commission), Leg(TAX, Side.CREDIT, tax)),
            actor="system:release", reason="release window passed", request_id=f"req-{worker}", case_id=case))


async def raw_insert(i: int) -> None:
    await connections.get("default").execute_query("INSERT INTO bench_raw (v) VALUES ($1)", [i])


async def _worker(url: str, worker: int, phase: str, count: int, payees: int, cases: list[str],
                  barrier: Barrier) -> tuple[float, float]:
    await Tortoise.init(config=tortoise_config(url))
    try:
        ids = [uuid.UUID(c) for c in cases]
        await connections.get("default").execute_query("SELECT 1")  # open the pool before the clock starts
        barrier.wait()
        started, cpu = time.perf_counter(), time.process_time()
        for i in range(count):
            if phase == "raw":
                await raw_insert(i)
            elif phase == "capture":
                await checkout_and_capture(ids[i], worker)
            else:
                await release(ids[i], f"org:{(worker * 7919 + i) % payees}", worker)
        return time.perf_counter() - started, time.process_time() - cpu
    finally:
        await Tortoise.close_connections()


def _run_worker(args: tuple[str, int, str, int, int, list[str], Barrier, Any]) -> None:
    url, worker, phase, count, payees, cases, barrier, results = args
    asyncio.set_event_loop_policy(uvloop.EventLoopPolicy())  # as the app runs (app/bootstrap.py)
    results.put((worker, asyncio.run(_worker(url, worker, phase, count, payees, cases, barrier))))


class Sampler:
    """What the workers' server connections are doing, sampled every 10 ms from another thread:
    running (active, no wait), waiting for a lock, waiting on I/O or other, or idle inside a
    transaction (the server waits for the client: Python) or between transactions."""

    def __init__(self, url: str) -> None:
        self.url = url.replace("postgres://", "postgresql://", 1)
        self.counts, self._stop = Counter[str](), threading.Event()
        self._thread = threading.Thread(target=lambda: asyncio.run(self._run()), daemon=True)

    async def _run(self) -> None:
        conn = await asyncpg.connect(self.url)
        try:
            while not self._stop.is_set():
                for row in await conn.fetch(
                        "SELECT state, wait_event_type FROM pg_stat_activity WHERE datname = current_database() "
                        "AND pid <> pg_backend_pid() AND backend_type = 'client backend'"):
                    state, wait = row["state"], row["wait_event_type"]
                    label = ("idle in tx" if state == "idle in transaction" else "idle" if state == "idle"
                             else "lock" if wait == "Lock" else "running" if wait is None else f"wait:{wait}")
                    self.counts[label] += 1
                await asyncio.sleep(0.01)
        finally:
            await conn.close()

    def __enter__(self) -> Sampler:
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._stop.set()
        self._thread.join(10)

    def summary(self) -> str:
        total = sum(self.counts.values()) or 1
        return " ".join(f"{label} {100 * n / total:.0f}%" for label, n in self.counts.most_common(5))


@dataclass
class Phase:
    rate: float  # operations/s, over the slowest worker
    python_ms: float  # worker CPU per operation
    postgres_ms: float  # server CPU per operation
    load: float  # 1-minute load average at the end
    backends: str  # what the server connections were doing (Sampler)

    @property
    def ceiling(self) -> float:
        """Operations/s this CPU cost allows on all of the machine's cores."""
        return (os.cpu_count() or 1) * 1000 / (self.python_ms + self.postgres_ms)


def run_phase(url: str, phase: str, workers: int, per_worker: int, payees: int, cases: list[list[str]],
              data: Path | None) -> Phase:
    """Run `phase` on `workers` processes at once."""
    ctx = mp.get_context("spawn")
    barrier, results = ctx.Barrier(workers + 1), ctx.Queue()
    procs = [ctx.Process(target=_run_worker, args=((url, w, phase, per_worker, payees, cases[w] if cases else [],
                                                    barrier, results),)) for w in range(workers)]
    for p in procs:
        p.start()
    with Sampler(url) as sampler:
        barrier.wait()  # every worker is connected: the clocks start now
        pg_before = postgres_cpu_seconds(data)
        outcomes = [results.get(timeout=900)[1] for _ in procs]
        pg_used = postgres_cpu_seconds(data) - pg_before
    for p in procs:
        p.join()
    total = workers * per_worker
    return Phase(total / max(elapsed for elapsed, _ in outcomes), sum(cpu for _, cpu in outcomes) * 1000 / total,
                 pg_used * 1000 / total, os.getloadavg()[0], sampler.summary())


def _sealer(url: str, stop: Any) -> None:
    async def loop() -> None:
        await Tortoise.init(config=tortoise_config(url))
        try:
            while not stop.is_set():
                await ledger.seal()
                await asyncio.to_thread(stop.wait, 1.0)
        finally:
            await Tortoise.close_connections()

    asyncio.run(loop())


async def _setup(url: str) -> None:
    await migrate(url)
    await Tortoise.init(config=tortoise_config(url))
    try:
        await connections.get("default").execute_query("CREATE TABLE bench_raw (id BIGSERIAL PRIMARY KEY, v BIGINT)")
    finally:
        await Tortoise.close_connections()


async def _settings(url: str) -> str:
    await Tortoise.init(config=tortoise_config(url))
    try:
        found = await connections.get("default").execute_query_dict(
            "SELECT string_agg(name || '=' || setting, ' ' ORDER BY name) AS s FROM pg_settings "
            "WHERE name IN ('fsync', 'synchronous_commit', 'full_page_writes', 'server_version')")
        return str(found[0]["s"])
    finally:
        await Tortoise.close_connections()


async def _finish(url: str) -> tuple[ledger.ChainReport, dict[str, int], int]:
    await Tortoise.init(config=tortoise_config(url))
    try:
        report = await ledger.verify_chain()
        entries = await connections.get("default").execute_query_dict("SELECT count(*) AS n FROM ledger_entry")
        return report, await ledger.trial_balance(), int(entries[0]["n"])
    finally:
        await Tortoise.close_connections()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", help="admin URL of a running PostgreSQL (default: an embedded one)")
    parser.add_argument("--cases", type=int, default=1200, help="cases (releases) per configuration")
    parser.add_argument("--workers", default="1,8")
    parser.add_argument("--payees", type=int, default=50)
    parser.add_argument("--durable", action="store_true", help="embedded server with fsync and synchronous_commit on")
    args = parser.parse_args()
    pg = None if args.database_url else EmbeddedPostgres().start()
    if pg is not None and args.durable:
        make_durable(pg)
    admin = args.database_url or (pg.url if pg else "")
    data = pg.root / "data" if pg is not None else None
    url = asyncio.run(create_database(admin))
    ctx = mp.get_context("spawn")
    stop = ctx.Event()
    sealer = ctx.Process(target=_sealer, args=(url, stop))
    try:
        asyncio.run(_setup(url))
        sealer.start()
        settings = asyncio.run(_settings(url))
        print(f"postgres: {settings}")
        print(f"cpus={os.cpu_count()}  load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
        print("per phase: operations/s (wall clock) | CPU ms per operation: python + postgres | "
              "ceiling/s on all cores | load average at its end; then what the server connections did")
        by_workers: dict[int, float] = {}
        for workers in (int(w) for w in args.workers.split(",")):
            per_worker = max(1, args.cases // workers)
            cases = [[str(uuid.uuid4()) for _ in range(per_worker)] for _ in range(workers)]
            for label, phase, count in (("raw insert+commit", "raw", per_worker * 2),
                                        ("checkout+capture (2 entries)", "capture", per_worker),
                                        ("release (4 legs)", "release", per_worker)):
                result = run_phase(url, phase, workers, count, args.payees, cases, data)
                if phase == "release":
                    by_workers[workers] = result.rate
                print(f"{workers} worker(s) {label:<29} {result.rate:>7.0f}/s | {result.python_ms:5.2f} + "
                      f"{result.postgres_ms:5.2f} ms | {result.ceiling:>6.0f}/s | load {result.load:5.2f}")
                print(f"    server connections: {result.backends}")
        if 1 in by_workers and len(by_workers) > 1:
            most = max(by_workers)
            print(f"releases: {most} workers / 1 worker = {by_workers[most] / by_workers[1]:.2f}x")
        stop.set()
        sealer.join()
        report, trial, entries = asyncio.run(_finish(url))
        print(f"entries={entries} chain ok={report.ok} checked={report.entries_checked} unsealed={report.unsealed} "
              f"trial balance={trial}")
        print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    finally:
        stop.set()
        if sealer.is_alive():
            sealer.join(10)
        asyncio.run(drop_database(admin, url))
        if pg is not None:
            pg.stop()


if __name__ == "__main__":
    main()
