"""Gap-free document numbering on PostgreSQL (issue 13 item 10): documents issued per second
when every writer takes a number from ONE issuer's counter (they queue on its row until each
commits) and when each writer has its own issuer, with --concurrency writers in one process;
every run checks the numbers are 1..N per issuer with no gap and no duplicate.

    .venv/bin/python benchmarks/finance_documents.py [--documents 2000] [--concurrency 1,8]

Starts a throwaway embedded PostgreSQL (fsync off, as the tests run it). Wall-clock figures on a
shared machine: the load average is printed beside them.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tortoise import Tortoise

from app.db import tortoise_config
from benchmarks._harness import add_database_arguments, fresh_database, with_postgres
from domain.finance.reporting import documents
from domain.finance.reporting.models import FinanceDocument
from domain.shared.uow import unit_of_work


async def issue_all(count: int, concurrency: int, issuers: int, tag: str) -> float:
    queue = iter(range(count))

    async def writer() -> None:
        for n in queue:
            async with unit_of_work() as uow:
                await documents.issue(uow, documents.Draft(
                    documents.RECEIPT, f"bench:{tag}:{n % issuers}", "user:x", f"bench:{tag}:{n}", "GBP",
                    [{"description": "Service", "amount": 100}]))

    started = time.perf_counter()
    await asyncio.gather(*(writer() for _ in range(concurrency)))
    elapsed = time.perf_counter() - started
    for issuer in range(issuers):
        numbers = await FinanceDocument.filter(issuer=f"bench:{tag}:{issuer}").order_by("number").values_list(
            "number", flat=True)
        assert numbers == list(range(1, len(numbers) + 1)), f"gap or duplicate for issuer {issuer}"
    return count / elapsed


async def run(args: argparse.Namespace, admin_url: str) -> dict[str, Any]:
    async with fresh_database(admin_url) as url:
        await Tortoise.init(config=tortoise_config(url))
        print(f"{'writers':>8} {'issuers':>8} {'docs/s':>9}  load")
        for concurrency in (int(c) for c in args.concurrency.split(",")):
            for issuers, label in ((1, "one"), (concurrency, "own")):
                rate = await issue_all(args.documents, concurrency, issuers, f"{label}{concurrency}")
                print(f"{concurrency:>8} {label:>8} {rate:>9.0f}  {os.getloadavg()[0]:.2f}")
        await Tortoise.close_connections()
    return {}


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--documents", type=int, default=2000)
    parser.add_argument("--concurrency", default="1,8")
    add_database_arguments(parser)
    with_postgres(run, parser.parse_args())
