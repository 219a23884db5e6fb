"""The feed's write side on PostgreSQL: one `job.posted` in a zone with --servicemen
matching servicemen, handled as the `feed` subscription does (domain/feed/writer.py: recipients,
one multi-row INSERT through the sync capture triggers, the read-back), timed per event.

Starts a throwaway embedded PostgreSQL, migrates it, writes the servicemen straight to the
database, then handles --events job.posted events one transaction each.

    .venv/bin/python benchmarks/feed_fanout.py [--servicemen 500] [--events 20]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tortoise import Tortoise
from tortoise.transactions import in_transaction

from app.db import tortoise_config
from app.migrate import migrate
from domain.accounts.models import User
from domain.feed import writer
from domain.profiles.models import ServicemanProfile
from domain.zones.index import ZONE_INDEX
from domain.zones.models import ServicemanZone
from tests.conftest import create_database
from tests.support.services import EmbeddedPostgres
from tests.support.sync import make_job, make_zone


async def run(servicemen: int, events: int) -> None:
    pg = EmbeddedPostgres().start()
    try:
        url = await create_database(pg.url)
        await migrate(url)
        await Tortoise.init(config=tortoise_config(url))
        zone_id = await make_zone()
        ZONE_INDEX.invalidate()
        users = [User(email=f"s{i}@bench.example", name=f"S{i}", roles=["serviceman"], password_hash="x")
                 for i in range(servicemen)]
        await User.bulk_create(users)
        ids = [u.id for u in await User.filter(email__endswith="@bench.example").only("id")]
        await ServicemanZone.bulk_create([ServicemanZone(user_id=uid, zone_id=zone_id) for uid in ids])
        await ServicemanProfile.bulk_create([ServicemanProfile(user_id=uid, category_ids=["plumbing"]) for uid in ids])
        customer = await User.create(email="c@bench.example", name="C", roles=["customer"], password_hash="x")
        timings = []
        for _ in range(events):
            job_id = await make_job(str(customer.id), zone_id)
            started = time.perf_counter()
            async with in_transaction() as conn:
                items = await writer.record(str(uuid.uuid4()), "job.posted", {"job_id": job_id}, str(customer.id),
                                            conn)
            timings.append(time.perf_counter() - started)
            assert len(items) == servicemen, len(items)
        median = statistics.median(timings)
        print(f"job.posted to {servicemen} servicemen: median {median * 1000:.1f} ms per event "
              f"(p max {max(timings) * 1000:.1f} ms), {servicemen / median:,.0f} items/s, {events} events")
        await Tortoise.close_connections()
    finally:
        pg.stop()


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--servicemen", type=int, default=500)
    parser.add_argument("--events", type=int, default=20)
    args = parser.parse_args()
    asyncio.run(run(args.servicemen, args.events))
