"""Dispute SLA timers on PostgreSQL (issue 14): escalations per second when --disputes deadlines
fall due at once and --workers timer loops (each its own connection, as replicas would be) claim
them with FOR UPDATE SKIP LOCKED; every run checks each dispute escalated exactly once.

    .venv/bin/python benchmarks/dispute_timers.py [--disputes 1000] [--workers 1,4]

Starts a throwaway embedded PostgreSQL (fsync off, as the tests run it). Wall-clock figures on a
shared machine: the load average is printed beside them.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import time
from datetime import timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tortoise import Tortoise

from app.db import tortoise_config
from benchmarks._harness import add_database_arguments, fresh_database, with_postgres
from domain.accounts.models import User
from domain.disputes.models import Dispute, DisputeEntry, DisputeState, Side
from domain.disputes.service import DisputeService
from domain.shared.clock import utcnow
from tests.support.messaging import make_booking


async def seed(count: int, tag: str) -> None:
    user = await User.create(email=f"{tag}@example.com", name="B", roles=["customer"], password_hash="x")
    booking = await make_booking(str(user.id))
    past = utcnow() - timedelta(minutes=1)
    await Dispute.bulk_create([Dispute(
        booking_id=booking, case_id=booking, customer_id=user.id, opened_by_id=user.id, opener_side=Side.CUSTOMER,
        reason="late", category="service", description="bench", currency="USD", claimed_amount=100,
        state=DisputeState.AWAITING_RESPONSE, due_at=past, open_key=f"{tag}:{n}", last_seq=1)
        for n in range(count)], batch_size=500)


async def escalate_all(service: DisputeService, count: int, workers: int, tag: str) -> float:
    async def loop() -> None:
        while await service.run_timers():
            pass

    started = time.perf_counter()
    await asyncio.gather(*(loop() for _ in range(workers)))
    elapsed = time.perf_counter() - started
    left = await Dispute.filter(open_key__startswith=f"{tag}:", state=DisputeState.AWAITING_RESPONSE).count()
    entries = await DisputeEntry.filter(dispute__open_key__startswith=f"{tag}:").count()
    assert left == 0 and entries == count, f"{left} not escalated, {entries} entries for {count} disputes"
    return count / elapsed


async def run(args: argparse.Namespace, admin_url: str) -> dict[str, Any]:
    async with fresh_database(admin_url) as url:
        await Tortoise.init(config=tortoise_config(url))
        service = DisputeService(cases=None)  # type: ignore[arg-type]  # escalations book no money
        print(f"{'workers':>8} {'disputes':>9} {'escalations/s':>14}  load")
        for workers in (int(w) for w in args.workers.split(",")):
            tag = f"w{workers}"
            await seed(args.disputes, tag)
            rate = await escalate_all(service, args.disputes, workers, tag)
            print(f"{workers:>8} {args.disputes:>9} {rate:>14.0f}  {os.getloadavg()[0]:.2f}")
        await Tortoise.close_connections()
    return {}


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--disputes", type=int, default=1000)
    parser.add_argument("--workers", default="1,4")
    add_database_arguments(parser)
    with_postgres(run, parser.parse_args())
