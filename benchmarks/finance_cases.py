"""Money transitions per second on PostgreSQL (issue 13 acceptance), next to a raw single-row
insert-and-commit in the same run.

Starts a throwaway embedded PostgreSQL (or uses --database-url, an admin URL: a fresh database is
created in it), migrates it, and drives the payment case services in this process on the
in-process sandbox gateway (no HTTP: the figures are the domain's and the database's):

- chain: per booking, checkout (case + stored authorization, the sandbox call, its outcome with
  the ledger's pending hold), capture (the move, the stored operation, the sandbox call, its
  outcome posting the hold), completion and release (one entry to the payee, the platform and
  tax): 7 units of work, 6 case moves, 5 ledger entries per booking;
- release only: --cases held cases released by 1 and by 8 concurrent workers (each release: the
  compare-and-set, the release entry crediting the hot platform accounts, the finance event, the
  audit record);
- raw: single-row INSERT + COMMIT through the same pool, 1 and 8 workers.

    .venv/bin/python benchmarks/finance_cases.py [--cases 400] [--json]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any
from uuid import uuid4

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tortoise import Tortoise

from app.db import PoolLimits, tortoise_config
from app.migrate import migrate
from domain.accounts.models import Organisation, User
from domain.bookings.models import Booking, BookingKind, BookingState
from domain.finance.cases.models import CaseState, PaymentCase
from domain.finance.cases.services import PaymentCases, PaymentRules, Who
from domain.finance.cases.states import Action, Party
from domain.finance.gateway.sandbox import SandboxGateway
from domain.finance.ledger import trial_balance
from domain.finance.operations.models import FinanceOperation, OpKind, OpStatus
from domain.shared.uow import unit_of_work
from tests.conftest import create_database, drop_database
from tests.support.services import EmbeddedPostgres

WHO = Who("system:benchmark")


async def seed(count: int) -> list[Booking]:
    owner = await User.create(email=f"{uuid4()}@bench.test", name="Owner", roles=["provider"], password_hash="x")
    customer = await User.create(email=f"{uuid4()}@bench.test", name="Customer", roles=["customer"],
                                 password_hash="x")
    org = await Organisation.create(name="Bench Ltd", owner=owner)
    bookings = [Booking(customer_id=customer.id, kind=BookingKind.ON_DEMAND, state=BookingState.ACCEPTED,
                        organisation_id=org.id, currency="USD", price_amount=8000, commission_amount=1200,
                        tax_amount=400, total_amount=8400) for _ in range(count)]
    await Booking.bulk_create(bookings, batch_size=500)
    return list(await Booking.filter(customer_id=customer.id))


async def chain(payments: PaymentCases, booking: Booking) -> None:
    op = await payments._open(booking, "pm_card_visa", None, WHO)
    await payments.worker.run_own(op.id)  # authorized; the booking is accepted: capture stored at once
    capture = await FinanceOperation.get(case_id=op.case_id, op=OpKind.CAPTURE, status=OpStatus.PENDING)
    await payments.worker.run_own(capture.id)  # held
    case = await PaymentCase.get(id=op.case_id)
    async with unit_of_work() as uow:
        case = await payments._complete(uow, case, WHO)
    await release(payments, case)


async def release(payments: PaymentCases, case: PaymentCase) -> None:
    async with unit_of_work() as uow:
        await payments._release(uow, case, Action.RELEASE, frozenset({Party.TIMER}), WHO,
                                reason="benchmark")


async def timed(items: list[Any], workers: int, step: Callable[[Any], Awaitable[None]]) -> float:
    queue = list(items)
    started = time.perf_counter()

    async def work() -> None:
        while queue:
            await step(queue.pop())

    await asyncio.gather(*(work() for _ in range(workers)))
    return len(items) / (time.perf_counter() - started)


async def raw_inserts(count: int, workers: int) -> float:
    conn = Tortoise.get_connection("default")
    await conn.execute_script("CREATE TABLE IF NOT EXISTS bench_raw (id uuid PRIMARY KEY, n int, at timestamptz)")

    async def insert(_item: Any) -> None:
        async with unit_of_work() as uow:
            await uow.connection.execute_query("INSERT INTO bench_raw VALUES ($1, 1, now())", [uuid4()])

    return await timed(list(range(count)), workers, insert)


async def run(args: argparse.Namespace) -> dict[str, Any]:
    pg = None
    admin = args.database_url
    if not admin:
        pg = EmbeddedPostgres().start()
        admin = pg.url
    url = await create_database(admin)
    try:
        await migrate(url)
        await Tortoise.init(config=tortoise_config(url, PoolLimits(min_size=2, max_size=20, statement_timeout=60)))
        payments = PaymentCases(SandboxGateway(webhook_secret="whsec_bench"), PaymentRules())
        results: dict[str, Any] = {"cases": args.cases, "load_before": os.getloadavg()}
        for workers in (1, 8):
            bookings = await seed(args.cases // 2)
            results[f"chains_per_s_{workers}"] = await timed(bookings, workers, lambda b: chain(payments, b))
        for workers in (1, 8):
            bookings = await seed(args.cases)
            for booking in bookings:  # held, completed: ready to release
                await chain_to_release_pending(payments, booking)
            cases = list(await PaymentCase.filter(state=CaseState.RELEASE_PENDING))
            results[f"releases_per_s_{workers}"] = await timed(cases, workers, lambda c: release(payments, c))
        for workers in (1, 8):
            results[f"raw_inserts_per_s_{workers}"] = await raw_inserts(args.cases, workers)
        results["load_after"] = os.getloadavg()
        results["trial_balance"] = await trial_balance()
        results["released_cases"] = await PaymentCase.filter(state=CaseState.RELEASED).count()
        await Tortoise.close_connections()
        return results
    finally:
        await drop_database(admin, url)
        if pg is not None:
            pg.stop()


async def chain_to_release_pending(payments: PaymentCases, booking: Booking) -> None:
    op = await payments._open(booking, "pm_card_visa", None, WHO)
    await payments.worker.run_own(op.id)
    capture = await FinanceOperation.get(case_id=op.case_id, op=OpKind.CAPTURE, status=OpStatus.PENDING)
    await payments.worker.run_own(capture.id)
    async with unit_of_work() as uow:
        await payments._complete(uow, await PaymentCase.get(id=op.case_id), WHO)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cases", type=int, default=400)
    parser.add_argument("--database-url", default=os.environ.get("BENCH_DATABASE_URL"))
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    results = asyncio.run(run(args))
    if args.json:
        print(json.dumps(results, indent=2, default=str))
        return
    print(f"load average before {results['load_before']}, after {results['load_after']}")
    for name in ("chains_per_s", "releases_per_s", "raw_inserts_per_s"):
        one, eight = results[f"{name}_1"], results[f"{name}_8"]
        print(f"{name:18} 1 worker {one:8.1f}   8 workers {eight:8.1f}   ({eight / one:.2f}x)")
    print(f"trial balance {results['trial_balance']}, released cases {results['released_cases']}")


if __name__ == "__main__":
    main()
