"""Payouts per second on PostgreSQL, with 1 and 8 concurrent requesters (distinct payees), next to
a raw single-row insert-and-commit in the same run.

Starts a throwaway embedded PostgreSQL (or uses --database-url, an admin URL: a fresh database is
created in it), migrates it, funds each payee's provider_payable with a ledger entry, and drives
the payout services in this process on the in-process sandbox gateway (no HTTP):

- request: one unit of work per payout (payee row lock, daily count, receivable netting check,
  the pending ledger hold on the payable, the stored transfer operation, the payout row, its event
  and audit record);
- settle: the operations worker calls the sandbox with the stored key and posts the hold (a
  second unit of work per payout);
- raw: single-row INSERT + COMMIT (autocommit, asyncpg), the anchor.

    .venv/bin/python benchmarks/payouts.py [--payouts 400] [--json]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import time
from pathlib import Path
from typing import Any
from uuid import uuid4

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tortoise import Tortoise

from app.db import PoolLimits, tortoise_config
from benchmarks._harness import (
    add_database_arguments,
    fresh_database,
    load_average,
    print_pairs,
    raw_inserts,
    with_postgres,
)
from domain.accounts.models import User
from domain.finance import ledger
from domain.finance.gateway.port import AccountRequest, AuthorizeRequest
from domain.finance.gateway.sandbox import SandboxGateway
from domain.finance.operations.models import FinanceOperation, OpStatus
from domain.finance.operations.worker import OperationWorker, WorkerRules
from domain.finance.payouts.models import PayeeAccount, Payout, PayoutState, Schedule
from domain.finance.payouts.payees import Payee
from domain.finance.payouts.services import OPERATION_PREFIX, PayoutRules, Payouts
from domain.shared.context import Actor
from domain.shared.money import Money
from domain.shared.uow import unit_of_work

AMOUNT = 500


async def payees(gateway: SandboxGateway, count: int, per_payee: int) -> list[Actor]:
    actors = []
    for _ in range(count):
        user = await User.create(email=f"{uuid4()}@bench.test", name="Payee", roles=["serviceman"],
                                 password_hash="x")
        account = await gateway.create_account(AccountRequest(country="GB", email=user.email,
                                                              business_type="individual",
                                                              idempotency_key=f"acct:{user.id}"))
        gateway.complete_onboarding(account.id)
        await PayeeAccount.create(owner=f"user:{user.id}", gateway="sandbox", account_id=account.id,
                                  payouts_enabled=True, schedule=Schedule.MANUAL)
        async with unit_of_work() as uow:
            await ledger.post(uow, ledger.EntryDraft(
                idempotency_key=f"bench:{user.id}", kind="release", actor="system:benchmark", reason="funding",
                legs=(ledger.Leg(ledger.AccountKey(ledger.AccountKind.GATEWAY_BALANCE, "platform", "USD"),
                                 ledger.Side.DEBIT, AMOUNT * per_payee),
                      ledger.Leg(ledger.AccountKey(ledger.AccountKind.PROVIDER_PAYABLE, f"user:{user.id}", "USD"),
                                 ledger.Side.CREDIT, AMOUNT * per_payee))))
        actors.append(Actor(str(user.id), frozenset({"serviceman"})))
    return actors


CPU: dict[str, float] = {}  # phase -> this process's CPU seconds per wall second


async def requests(payouts: Payouts, actors: list[Actor], per_payee: int) -> float:
    started, cpu = time.perf_counter(), time.process_time()

    async def one(actor: Actor) -> None:
        for _ in range(per_payee):
            await payouts.request(actor, Payee(f"user:{actor.user_id}", user_id=actor.user_id),
                                  Money(AMOUNT, "USD"))

    await asyncio.gather(*(one(actor) for actor in actors))
    wall = time.perf_counter() - started
    CPU[f"requests_{len(actors)}"] = (time.process_time() - cpu) / wall
    return len(actors) * per_payee / wall


async def settle(worker: OperationWorker, workers: int) -> float:
    total = await FinanceOperation.filter(status=OpStatus.PENDING, idempotency_key__startswith=OPERATION_PREFIX).count()
    started = time.perf_counter()

    async def drain() -> None:
        while await worker.run_due():
            pass

    await asyncio.gather(*(drain() for _ in range(workers)))
    return total / (time.perf_counter() - started)


async def run(args: argparse.Namespace, admin_url: str) -> dict[str, Any]:
    results: dict[str, Any] = {"payouts": args.payouts, "load_before": load_average()}
    async with fresh_database(admin_url) as url:
        await Tortoise.init(config=tortoise_config(url, PoolLimits(min_size=2, max_size=20, statement_timeout=60)))
        try:
            gateway = SandboxGateway(webhook_secret="whsec_bench")
            # The platform's balance at the sandbox: one captured payment covers every payout.
            big = await gateway.authorize(AuthorizeRequest(amount=Money(AMOUNT * args.payouts * 3, "USD"),
                                                           payment_method="pm_card_visa", transfer_group="bench",
                                                           idempotency_key="bench:fund"))
            await gateway.capture(big.id, None, idempotency_key="bench:fund:capture")
            payouts = Payouts(gateway, PayoutRules(per_day=10**6))
            worker = OperationWorker(gateway, payouts, WorkerRules(batch=50))
            for workers in (1, 8):
                per_payee = args.payouts // workers
                actors = await payees(gateway, workers, per_payee)
                results[f"requests_per_s_{workers}"] = await requests(payouts, actors, per_payee)
                results[f"settled_per_s_{workers}"] = await settle(worker, workers)
            results["paid"] = await Payout.filter(state=PayoutState.PAID).count()
            results["trial_balance"] = await ledger.trial_balance()
        finally:
            await Tortoise.close_connections()
        for workers in (1, 8):
            results[f"raw_inserts_per_s_{workers}"] = await raw_inserts(url, workers)
    results["load_after"] = load_average()
    results["cpu_share"] = dict(CPU)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--payouts", type=int, default=400)
    add_database_arguments(parser)
    args = parser.parse_args()
    results = with_postgres(run, args)
    if args.json:
        print(json.dumps(results, indent=2, default=str))
        return
    print(f"load average before {results['load_before']}, after {results['load_after']}")
    print_pairs(results, ("requests_per_s", "settled_per_s", "raw_inserts_per_s"))
    print(f"this process's CPU per wall second while requesting: {results['cpu_share']}")
    print(f"paid {results['paid']} of {2 * results['payouts']}, trial balance {results['trial_balance']}")


if __name__ == "__main__":
    main()
