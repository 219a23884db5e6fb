"""Money transitions per second on PostgreSQL (issue 13 acceptance), next to a raw single-row
insert-and-commit in the same run.

Starts a throwaway embedded PostgreSQL (or uses --database-url, an admin URL: a fresh database is
created in it), migrates it (every trigger: sync capture, ledger rules, payee balances), seeds
bookings by the ORM, then drives each booking through the case services on the sandbox gateway,
in-process, as the app does:

    checkout (customer: the case, the pending hold, the stored authorization, then the
              authorization's outcome: its ledger entry and `payment.authorized`)
    capture  (the `booking.accepted` reaction: compare-and-set, the stored capture; then the
              operations worker runs that operation: gateway call, hold posted, settle entry)
    release  (an admin: the held funds to the payee, commission and tax; one ledger entry)

The operations worker is INCLUDED: each pipeline runs its own capture operation through
`OperationWorker.run_own` (gateway call + outcome unit of work). The outbox relay, the sync ticker
and the reactions are EXCLUDED (not running): their rows (outbox, sync ops, audit) are written in
each transaction, as always, and wait. Five case transitions per booking (checkout, authorized,
capture requested, captured, released) in five units of work.

    .venv/bin/python benchmarks/money_throughput.py [--cases 400] [--payees 64] [--json]

Reports releases/s (= bookings through the whole pipeline per second) and transitions/s with 1
and 8 concurrent workers, 8 workers on ONE payee (a hot payee), and raw INSERT+COMMIT/s with 1
and 8 connections, with the load average.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import secrets
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from uuid import UUID

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import asyncpg
from tortoise import Tortoise

from app.db import PoolLimits, tortoise_config
from app.migrate import migrate
from domain.accounts.models import Organisation, User
from domain.bookings.models import Booking, BookingKind
from domain.finance.cases.models import CaseState, PaymentCase
from domain.finance.cases.services import PaymentCases
from domain.finance.gateway.sandbox import SandboxGateway
from domain.finance.operations.models import FinanceOperation, OpKind, OpStatus
from domain.shared.context import Actor
from domain.shared.uow import unit_of_work
from tests.conftest import create_database, drop_database
from tests.support.services import EmbeddedPostgres

TRANSITIONS_PER_CASE = 5
STATEMENTS = [0]  # SQL round trips this process made (asyncpg executions)


def count_statements() -> None:
    """Count every statement asyncpg sends (a private hook: a benchmark's instrument only)."""
    original = asyncpg.connection.Connection._do_execute

    async def counted(self: Any, *args: Any, **kwargs: Any) -> Any:
        STATEMENTS[0] += 1
        return await original(self, *args, **kwargs)

    asyncpg.connection.Connection._do_execute = counted  # type: ignore[method-assign]


@dataclass(frozen=True)
class Accepted:
    """A `booking.accepted` envelope as the reaction receives it."""

    booking_id: str
    event_id: str = field(default_factory=lambda: str(UUID(bytes=secrets.token_bytes(16))))
    type: str = "booking.accepted"

    @property
    def body(self) -> dict[str, Any]:
        return {"data": {"booking_id": self.booking_id}}


async def seed(count: int, payees: int) -> tuple[list[tuple[str, str]], str]:
    """`count` requested bookings of `payees` organisations; (booking id, customer id) each."""
    owner = await User.create(email=f"owner-{secrets.token_hex(4)}@bench.test", name="Owner", roles=["provider"],
                              password_hash="x")
    orgs = [await Organisation.create(name=f"Org {i}", owner_id=owner.id) for i in range(payees)]
    customers = [await User.create(email=f"c{i}-{secrets.token_hex(4)}@bench.test", name="C", roles=["customer"],
                                   password_hash="x") for i in range(32)]
    rows = [Booking(customer_id=customers[i % len(customers)].id, kind=BookingKind.ON_DEMAND,
                    organisation_id=orgs[i % len(orgs)].id, currency="USD", price_amount=4500,
                    commission_amount=675, tax_amount=225, total_amount=4725) for i in range(count)]
    await Booking.bulk_create(rows, batch_size=500)
    found = await Booking.filter(id__in=[r.id for r in rows]).values_list("id", "customer_id")
    return [(str(b), str(c)) for b, c in found], str(owner.id)


async def to_held(payments: PaymentCases, booking_id: str, customer_id: str) -> str:
    """Checkout and capture (worker included): the case holds the funds."""
    view = await payments.checkout(Actor(customer_id, frozenset({"customer"})), booking_id, "pm_card_visa")
    case_id = view.case.id
    assert view.case.state is CaseState.AUTHORIZED, view.case.state
    async with unit_of_work() as uow:
        await payments.on_booking_event(Accepted(booking_id), uow)
    op = await FinanceOperation.get(case_id=case_id, op=OpKind.CAPTURE, status=OpStatus.PENDING)
    await payments.worker.run_own(op.id)
    return str(case_id)


async def release(payments: PaymentCases, admin: Actor, case_id: str) -> None:
    released = await payments.release(admin, case_id)
    assert released.case.state is CaseState.RELEASED, released.case.state


async def pipeline(payments: PaymentCases, admin: Actor, booking_id: str, customer_id: str) -> None:
    await release(payments, admin, await to_held(payments, booking_id, customer_id))


async def concurrently(items: list[Any], workers: int, step: Any) -> float:
    queue: asyncio.Queue[Any] = asyncio.Queue()
    for item in items:
        queue.put_nowait(item)

    async def worker() -> None:
        while not queue.empty():
            await step(queue.get_nowait())

    started = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(workers)))
    return time.perf_counter() - started


async def run_cases(payments: PaymentCases, admin: Actor, work: list[tuple[str, str]], workers: int) -> float:
    return await concurrently(work, workers, lambda item: pipeline(payments, admin, *item))


async def _append(held: list[str], payments: PaymentCases, item: tuple[str, str]) -> None:
    held.append(await to_held(payments, *item))


async def raw_inserts(url: str, connections: int, seconds: float) -> float:
    """Single-row INSERT, each its own transaction (autocommit), on `connections` at once."""
    dsn = url.replace("postgres://", "postgresql://", 1)
    setup = await asyncpg.connect(dsn)
    await setup.execute("CREATE TABLE IF NOT EXISTS bench_raw (id bigserial PRIMARY KEY, v int NOT NULL)")
    await setup.close()
    conns = [await asyncpg.connect(dsn) for _ in range(connections)]
    done = 0
    deadline = time.perf_counter() + seconds

    async def insert(conn: asyncpg.Connection) -> None:
        nonlocal done
        while time.perf_counter() < deadline:
            await conn.execute("INSERT INTO bench_raw (v) VALUES ($1)", 1)
            done += 1

    started = time.perf_counter()
    await asyncio.gather(*(insert(c) for c in conns))
    elapsed = time.perf_counter() - started
    for conn in conns:
        await conn.close()
    return done / elapsed


async def trial_balance(url: str) -> dict[str, int]:
    conn = await asyncpg.connect(url.replace("postgres://", "postgresql://", 1))
    try:
        rows = await conn.fetch("SELECT currency, SUM(CASE WHEN side = 'debit' THEN amount ELSE -amount END) AS t "
                                "FROM ledger_posting GROUP BY currency")
        return {r["currency"]: int(r["t"]) for r in rows}
    finally:
        await conn.close()


async def main(args: argparse.Namespace) -> dict[str, Any]:
    pg = None if args.database_url else EmbeddedPostgres().start()
    admin_url = args.database_url or pg.url  # type: ignore[union-attr]
    url = await create_database(admin_url.replace("postgresql://", "postgres://", 1))
    results: dict[str, Any] = {"cases": args.cases, "payees": args.payees, "load_before": os.getloadavg()}
    try:
        await migrate(url)
        count_statements()
        await Tortoise.init(config=tortoise_config(url, PoolLimits(max_size=24, statement_timeout=60)))
        try:
            payments = PaymentCases(SandboxGateway(webhook_secret="bench-" + "s" * 32))
            warm, _ = await seed(40, args.payees)
            one, _ = await seed(args.cases, args.payees)
            eight, _ = await seed(args.cases, args.payees)
            hot, _ = await seed(args.cases, 1)
            admin_user = await User.create(email=f"admin-{secrets.token_hex(4)}@bench.test", name="A",
                                           roles=["admin"], password_hash="x")
            admin = Actor(str(admin_user.id), frozenset({"admin"}))
            await run_cases(payments, admin, warm, 4)  # connections, caches, accounts
            runs = {"1 worker": (one, 1), "8 workers": (eight, 8), "8 workers, one payee": (hot, 8)}
            for name, (work, workers) in runs.items():
                half = len(work) // 2
                # The whole pipeline (5 transitions) for the first half of this set...
                elapsed = await run_cases(payments, admin, work[:half], workers)
                pipe = {"cases_per_s": round(half / elapsed, 1),
                        "transitions_per_s": round(half * TRANSITIONS_PER_CASE / elapsed, 1)}
                # ...then the second half brought to `held` (untimed) and only the releases timed.
                held: list[str] = []
                await concurrently(work[half:], workers, lambda item, held=held: _append(held, payments, item))
                statements, cpu = STATEMENTS[0], time.process_time()
                elapsed = await concurrently(held, workers, lambda case_id: release(payments, admin, case_id))
                results[name] = {**pipe, "releases_per_s": round(len(held) / elapsed, 1),
                                 "statements_per_release": round((STATEMENTS[0] - statements) / len(held), 1),
                                 "python_cpu_ms_per_release": round((time.process_time() - cpu) * 1000 / len(held),
                                                                    2)}
                print(f"{name:>22}: pipeline {pipe['cases_per_s']:7.1f} cases/s = {pipe['transitions_per_s']:7.1f} "
                      f"transitions/s; releases alone {results[name]['releases_per_s']:7.1f}/s "
                      f"({results[name]['statements_per_release']} statements, "
                      f"{results[name]['python_cpu_ms_per_release']} ms of this process's CPU each)", flush=True)
            released = await PaymentCase.filter(state=CaseState.RELEASED).count()
            assert released == len(warm) + 3 * args.cases, released
        finally:
            await Tortoise.close_connections()
        for connections in (1, 8):
            rate = await raw_inserts(url, connections, args.raw_seconds)
            results[f"raw insert+commit, {connections} conn"] = {"per_s": round(rate, 1)}
            print(f"{'raw insert+commit x' + str(connections):>22}: {rate:8.1f} commits/s", flush=True)
        results["trial_balance"] = await trial_balance(url)
        results["load_after"] = os.getloadavg()
        results["speedup_8_vs_1"] = {key: round(results["8 workers"][key] / results["1 worker"][key], 2)
                                     for key in ("cases_per_s", "releases_per_s")}
        print(f"speed-up 8/1: {results['speedup_8_vs_1']}; trial balance {results['trial_balance']}; "
              f"load average before {results['load_before']}, after {results['load_after']} "
              f"({os.cpu_count()} cores)", flush=True)
        return results
    finally:
        await drop_database(admin_url.replace("postgresql://", "postgres://", 1), url)
        if pg is not None:
            pg.stop()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--cases", type=int, default=400)
    parser.add_argument("--payees", type=int, default=64)
    parser.add_argument("--raw-seconds", type=float, default=3.0)
    parser.add_argument("--database-url")
    parser.add_argument("--json", action="store_true")
    outcome = asyncio.run(main(parser.parse_args()))
    if parser.parse_args().json:
        print(json.dumps(outcome, default=str, indent=2))
