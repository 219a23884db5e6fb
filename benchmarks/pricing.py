"""Pricing arithmetic per second on one core (no database): `compute` (fees, taxes, 1-5 payees by
largest remainder) and `allocate` alone, over random prices, rates and currencies (JPY, GBP,
KWD) with a fixed seed, every result checked to add up to the minor unit.

A quote over HTTP adds the rule lookups (4-6 indexed reads) to this; the arithmetic is not the
cost. Prints the figures and the load average.

    .venv/bin/python benchmarks/pricing.py [--seconds 2] [--seed 13]
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from domain.finance.pricing.breakdown import PayeeWeight, Rates, TaxParty, compute
from domain.finance.pricing.rules import DEFAULT_CANCELLATION
from domain.shared.money import Money, allocate

CURRENCIES = ("JPY", "GBP", "KWD")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=2.0)
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    cases = []
    for _ in range(10_000):
        payees = [PayeeWeight(f"user:{i}", rng.randint(1, 10)) for i in range(rng.randint(1, 5))]
        rates = Rates(rng.randint(0, 4000), rng.randint(0, 2500), TaxParty.PLATFORM, rng.randint(0, 2500), "*")
        cases.append((Money(rng.randint(0, 10**9), rng.choice(CURRENCIES)), rates, payees))

    def run(label: str, step: object) -> None:
        done, started = 0, time.perf_counter()
        while time.perf_counter() - started < args.seconds:
            for case in cases[:1000]:
                step(case)  # type: ignore[operator]
            done += 1000
        elapsed = time.perf_counter() - started
        print(f"{label}: {done / elapsed:,.0f}/s ({done} in {elapsed:.2f}s)")

    def breakdown(case: tuple[Money, Rates, list[PayeeWeight]]) -> None:
        b = compute(case[0], case[1], case[2], DEFAULT_CANCELLATION)
        assert b.customer_total == b.platform_fee + b.fee_vat + b.service_tax + b.payees_total

    def split(case: tuple[Money, Rates, list[PayeeWeight]]) -> None:
        parts = allocate(case[0], [p.weight for p in case[2]])
        assert sum(p.amount for p in parts) == case[0].amount

    for case in cases:  # every case adds up, not only the timed ones
        breakdown(case)
    run("breakdowns (compute + check)", breakdown)
    run("allocations (allocate + check)", split)
    print("load average:", " ".join(f"{x:.2f}" for x in os.getloadavg()))


if __name__ == "__main__":
    main()
