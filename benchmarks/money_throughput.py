"""Money transitions per second on PostgreSQL (issue 13 acceptance), next to a raw single-row
insert-and-commit in the same run.

Starts a throwaway embedded PostgreSQL (or uses --database-url, an admin URL: a fresh database is
created in it), migrates it (every trigger: sync capture, ledger rules, payee balances), seeds
bookings by the ORM, then drives each booking through the case services on the sandbox gateway,
in-process on uvloop, as the app does:

    checkout (customer: the case, the pending hold, the stored authorization, then the
              authorization's outcome: its ledger entry and `payment.authorized`)
    capture  (the `booking.accepted` reaction: compare-and-set, the stored capture; then the
              operations worker runs that operation: gateway call, hold posted, settle entry)
    release  (an admin: the held funds to the payees, commission and tax; one ledger entry)

The operations worker is INCLUDED: each pipeline runs its own capture operation through
`OperationWorker.run_own` (gateway call + outcome unit of work). The outbox relay, the sync ticker
and the reactions are EXCLUDED (not running): their rows (outbox, sync ops, audit) are written in
each transaction, as always, and wait. Five case transitions per booking (checkout, authorized,
capture requested, captured, released) in five units of work.

Measured, with 1 and 8 concurrent workers and 8 workers on ONE payee (a hot payee):
- pipeline: bookings through all five transitions per second;
- releases alone: held cases released by the admin route's service (policy, parties, the move,
  the ledger entry, event and audit record, the view answered), with the SQL statements and
  this process's CPU and PostgreSQL's per release (PostgreSQL's: the embedded server's, or a
  --database-url server's on this machine when its data folder is readable, all its databases
  counted; else 0), the machine's busy cores and what the running statements waited on
  (benchmarks/waits.py: a lock, an LWLock, or nothing);
- timer: completed cases (release window 0) released by the release timer `release_due`, which
  commits them in batches (a savepoint per case);
- processes: held cases released by 1 and by 8 worker processes at once, each with its own pool
  (the app runs several processes; 8 tasks in one process share one core of Python);
- raw INSERT+COMMIT/s on 1 and 8 connections (the anchor), and the load average before/after.

    .venv/bin/python benchmarks/money_throughput.py [--cases 400] [--payees 64] [--durable] [--json]

The embedded server runs as the tests run it (fsync and synchronous_commit off: every commit is
CPU only); `--durable` restarts it with PostgreSQL's defaults, so a commit waits for its WAL flush.
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing as mp
import secrets
import sys
import time
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any
from uuid import UUID

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import asyncpg
import uvloop
from tortoise import Tortoise

from app.db import PoolLimits, tortoise_config
from benchmarks._harness import (
    add_database_arguments,
    concurrently,
    fresh_database,
    load_average,
    measure_server,
    postgres_cpu_seconds,
    raw_inserts,
    report,
    with_postgres,
)
from benchmarks.waits import WaitSampler
from domain.accounts.models import Organisation, User
from domain.bookings.models import Booking, BookingKind
from domain.finance.cases.models import CaseState, PaymentCase
from domain.finance.cases.payloads import CheckoutDraft
from domain.finance.cases.services import PaymentCases, PaymentRules
from domain.finance.gateway.sandbox import SandboxGateway
from domain.finance.ledger import trial_balance
from domain.finance.operations.models import FinanceOperation, OpKind, OpStatus
from domain.shared.context import Actor
from domain.shared.uow import unit_of_work
from infra.gc_tuning import tune_for_serving

TRANSITIONS_PER_CASE = 5
WARM_RELEASES = 4  # per worker process, before the clock starts
STATEMENTS = [0]  # SQL round trips this process made (asyncpg executions)


def count_statements() -> None:
    """Count every statement asyncpg sends (a private hook: a benchmark's instrument only)."""
    original = asyncpg.connection.Connection._do_execute

    async def counted(self: Any, *args: Any, **kwargs: Any) -> Any:
        STATEMENTS[0] += 1
        return await original(self, *args, **kwargs)

    asyncpg.connection.Connection._do_execute = counted  # type: ignore[method-assign]


@dataclass(frozen=True)
class BookingEvent:
    """A booking event's envelope as the `payments` reaction receives it."""

    booking_id: str
    type: str = "booking.accepted"
    event_id: str = field(default_factory=lambda: str(UUID(bytes=secrets.token_bytes(16))))

    @property
    def body(self) -> dict[str, Any]:
        return {"data": {"booking_id": self.booking_id}}


async def seed(count: int, payees: int) -> list[tuple[str, str]]:
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
    return [(str(b), str(c)) for b, c in found]


async def to_held(payments: PaymentCases, booking_id: str, customer_id: str) -> str:
    """Checkout and capture (worker included): the case holds the funds."""
    customer = Actor(customer_id, frozenset({"customer"}))
    view = await payments.checkout(customer, booking_id, CheckoutDraft("pm_card_visa"))
    case_id = view.case.id
    assert view.case.state is CaseState.AUTHORIZED, view.case.state
    async with unit_of_work() as uow:
        await payments.on_booking_event(BookingEvent(booking_id), uow)
    op = await FinanceOperation.get(case_id=case_id, op=OpKind.CAPTURE, status=OpStatus.PENDING)
    await payments.worker.run_own(op.id)
    return str(case_id)


async def release(payments: PaymentCases, admin: Actor, case_id: str) -> None:
    released = await payments.release(admin, case_id)
    assert released.case.state is CaseState.RELEASED, released.case.state


async def pipeline(payments: PaymentCases, admin: Actor, booking_id: str, customer_id: str) -> None:
    await release(payments, admin, await to_held(payments, booking_id, customer_id))


async def held_cases(payments: PaymentCases, work: list[tuple[str, str]], workers: int) -> list[str]:
    held: list[str] = []

    async def one(item: tuple[str, str]) -> None:
        held.append(await to_held(payments, *item))

    await concurrently(work, workers, one)
    return held


async def releases(url: str, payments: PaymentCases, admin: Actor, held: list[str], workers: int) -> dict[str, Any]:
    statements, cpu, server = STATEMENTS[0], time.process_time(), postgres_cpu_seconds()
    async with WaitSampler(url) as waits:
        elapsed = await concurrently(held, workers, lambda case_id: release(payments, admin, case_id))
    return {**waits.figures(), "releases_per_s": round(len(held) / elapsed, 1),
            "statements_per_release": round((STATEMENTS[0] - statements - waits.statements) / len(held), 1),
            "python_cpu_ms_per_release": round((time.process_time() - cpu) * 1000 / len(held), 2),
            "postgres_cpu_ms_per_release": round((postgres_cpu_seconds() - server) * 1000 / len(held), 2)}


async def timer(payments: PaymentCases, work: list[tuple[str, str]]) -> dict[str, Any]:
    """Completed cases whose (zero) release window passed, released by the release timer."""
    for booking_id, _ in work:
        async with unit_of_work() as uow:
            await payments.on_booking_event(BookingEvent(booking_id, "booking.completed"), uow)
    statements, cpu, server = STATEMENTS[0], time.process_time(), postgres_cpu_seconds()
    started, done = time.perf_counter(), 0
    while released := await payments.release_due():
        done += released
    elapsed = time.perf_counter() - started
    assert done == len(work), done
    return {"timer_releases_per_s": round(done / elapsed, 1),
            "statements_per_timer_release": round((STATEMENTS[0] - statements) / done, 1),
            "python_cpu_ms_per_timer_release": round((time.process_time() - cpu) * 1000 / done, 2),
            "postgres_cpu_ms_per_timer_release": round((postgres_cpu_seconds() - server) * 1000 / done, 2)}


def _release_in_process(url: str, admin_id: str, case_ids: list[str], barrier: Any, results: Any) -> None:
    """One worker process (as the app runs several): its own pool, releases its share of the
    held cases once every process is ready; reports (start, end, releases, CPU seconds)."""
    asyncio.set_event_loop_policy(uvloop.EventLoopPolicy())

    async def work() -> tuple[float, float, int, float]:
        await Tortoise.init(config=tortoise_config(url, PoolLimits(max_size=2, statement_timeout=60)))
        try:
            payments = PaymentCases(SandboxGateway(webhook_secret="bench-" + "s" * 32))
            admin = Actor(admin_id, frozenset({"admin"}))
            for case_id in case_ids[:WARM_RELEASES]:  # warm: connections, prepared statements, imports
                await release(payments, admin, case_id)
            tune_for_serving()  # the server's collector settings once started (app/bootstrap.py)
            barrier.wait()
            started, cpu = time.time(), time.process_time()
            for case_id in case_ids[WARM_RELEASES:]:
                await release(payments, admin, case_id)
            return started, time.time(), len(case_ids) - WARM_RELEASES, time.process_time() - cpu
        finally:
            await Tortoise.close_connections()

    results.put(asyncio.run(work()))


async def process_releases(url: str, admin: Actor, held: list[str], processes: int) -> dict[str, Any]:
    """Releases by `processes` worker processes at once (not one Python process's 8 tasks)."""
    context = mp.get_context("spawn")
    barrier, queue = context.Barrier(processes), context.Queue()
    workers = [context.Process(target=_release_in_process, args=(url, admin.user_id, held[i::processes], barrier,
                                                                  queue)) for i in range(processes)]
    for worker in workers:
        worker.start()
    outcomes = [await asyncio.to_thread(queue.get) for _ in workers]
    for worker in workers:
        worker.join()
    done = sum(o[2] for o in outcomes)
    return {"releases_per_s": round(done / (max(o[1] for o in outcomes) - min(o[0] for o in outcomes)), 1),
            "python_cpu_ms_per_release": round(sum(o[3] for o in outcomes) * 1000 / done, 2)}


async def run(args: argparse.Namespace, admin_url: str) -> dict[str, Any]:
    results: dict[str, Any] = {"cases": args.cases, "payees": args.payees, "durable": args.durable,
                               "load_before": load_average()}
    async with fresh_database(admin_url) as url:
        # A local --database-url server's CPU is measured too (all its databases' work).
        results["postgres_cpu_measured"] = await measure_server(url)
        count_statements()
        await Tortoise.init(config=tortoise_config(url, PoolLimits(max_size=24, statement_timeout=60)))
        try:
            payments = PaymentCases(SandboxGateway(webhook_secret="bench-" + "s" * 32),
                                    PaymentRules(release_window=timedelta(0)))
            warm = await seed(40, args.payees)
            admin_user = await User.create(email=f"admin-{secrets.token_hex(4)}@bench.test", name="A",
                                           roles=["admin"], password_hash="x")
            admin = Actor(str(admin_user.id), frozenset({"admin"}))
            await concurrently(warm, 4, lambda item: pipeline(payments, admin, *item))  # connections, accounts
            tune_for_serving()  # the server's collector settings once started (app/bootstrap.py)
            for name, workers, payees in (("1 worker", 1, args.payees), ("8 workers", 8, args.payees),
                                          ("8 workers, one payee", 8, 1)):
                work = await seed(args.cases, payees)
                half = len(work) // 2
                # The whole pipeline (5 transitions) for the first half of this set...
                elapsed = await concurrently(work[:half], workers, lambda item: pipeline(payments, admin, *item))
                figures = {"cases_per_s": round(half / elapsed, 1),
                           "transitions_per_s": round(half * TRANSITIONS_PER_CASE / elapsed, 1)}
                # ...then the second half brought to `held` (untimed) and only the releases timed.
                figures.update(await releases(url, payments, admin, await held_cases(payments, work[half:], workers),
                                              workers))
                results[name] = figures
                print(f"{name:>22}: pipeline {figures['cases_per_s']:7.1f} cases/s = "
                      f"{figures['transitions_per_s']:7.1f} transitions/s; releases alone "
                      f"{figures['releases_per_s']:7.1f}/s ({figures['statements_per_release']} statements, CPU "
                      f"{figures['python_cpu_ms_per_release']} ms Python + {figures['postgres_cpu_ms_per_release']} ms "
                      f"PostgreSQL each; {figures['busy_cores']} cores busy, of the active backends "
                      f"{figures['lock_wait_share']:.1%} waiting on a lock, {figures['lwlock_wait_share']:.1%} on an "
                      "LWLock)", flush=True)
            work = await seed(args.cases // 2, args.payees)
            await held_cases(payments, work, 8)
            results["timer"] = await timer(payments, work)
            print(f"{'release timer':>22}: {results['timer']}", flush=True)
            for name, processes, payees in (("1 process", 1, args.payees), ("8 processes", 8, args.payees),
                                            ("8 processes, one payee", 8, 1)):
                held = await held_cases(payments, await seed(args.cases, payees), 8)
                results[name] = await process_releases(url, admin, held, processes)
                print(f"{name:>22}: releases {results[name]}", flush=True)
            released = await PaymentCase.filter(state=CaseState.RELEASED).count()
            assert released == len(warm) + 6 * args.cases + args.cases // 2, released
            results["trial_balance"] = await trial_balance()
        finally:
            await Tortoise.close_connections()
        for connections in (1, 8):
            rate = await raw_inserts(url, connections, args.raw_seconds)
            results[f"raw insert+commit, {connections} conn"] = round(rate, 1)
            print(f"{'raw insert+commit x' + str(connections):>22}: {rate:8.1f} commits/s", flush=True)
    results["load_after"] = load_average()
    results["speedup_8_vs_1"] = {key: round(results["8 workers"][key] / results["1 worker"][key], 2)
                                 for key in ("cases_per_s", "releases_per_s")}
    results["speedup_8_vs_1"]["releases_per_s, processes"] = round(
        results["8 processes"]["releases_per_s"] / results["1 process"]["releases_per_s"], 2)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n", 1)[0])
    parser.add_argument("--cases", type=int, default=400)
    parser.add_argument("--payees", type=int, default=64)
    parser.add_argument("--raw-seconds", type=float, default=3.0)
    add_database_arguments(parser)
    args = parser.parse_args()
    asyncio.set_event_loop_policy(uvloop.EventLoopPolicy())  # as the app runs (app/bootstrap.py)
    results = with_postgres(run, args)
    if args.json:
        report(results, True)
        return
    print(f"speed-up 8/1: {results['speedup_8_vs_1']}; trial balance {results['trial_balance']}; "
          f"load average before {results['load_before']}, after {results['load_after']}")


if __name__ == "__main__":
    main()
