"""Webhook inbox on PostgreSQL (issue 13): signed provider events posted to `fieldsync serve`
(a subprocess: server, client and database share the machine's cores).

- ingest: --events distinct signed events, --concurrency at a time (events/s, p50/p99);
- duplicates: one event posted --duplicates times at once (all 2xx, one row);
- raw: the same number of single-row INSERT ... ON CONFLICT DO NOTHING + commit from this
  process (asyncpg), the floor the endpoint is compared with;
- apply: the inbox worker claiming and applying the stored events with a no-op handler
  (events/s), one worker and four at once.

    .venv/bin/python benchmarks/webhook_inbox.py [--events 2000] [--concurrency 20] [--json]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import secrets
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import aiohttp
import asyncpg
import stripe
from tortoise import Tortoise

from app.db import tortoise_config
from app.migrate import migrate
from benchmarks._harness import Server, add_database_arguments, load_average, percentile, report, with_postgres
from domain.finance.gateway.inbox import InboxConfig, InboxWorker
from domain.finance.gateway.port import GatewayEvent
from domain.shared.uow import UnitOfWork
from tests.support.databases import create_database, drop_database

SECRET = "whsec_bench_" + "w" * 24


def body(event_id: str) -> bytes:
    return json.dumps({"id": event_id, "object": "event", "type": "payment_intent.succeeded",
                       "created": int(time.time()), "account": None,
                       "data": {"object": {"id": "pi_" + event_id, "object": "payment_intent",
                                           "amount": 5000, "currency": "gbp"}}}).encode()


async def post_all(url: str, bodies: list[bytes], concurrency: int) -> tuple[float, list[float], list[int]]:
    latencies: list[float] = []
    statuses: list[int] = []
    queue = list(bodies)
    async with aiohttp.ClientSession() as session:
        async def one() -> None:
            while queue:
                raw = queue.pop()
                header = stripe.WebhookSignature.generate_signature_header(raw.decode(), SECRET)
                started = time.perf_counter()
                async with session.post(url, data=raw, headers={"Stripe-Signature": header,
                                                                "Content-Type": "application/json"}) as response:
                    await response.read()
                    statuses.append(response.status)
                latencies.append(time.perf_counter() - started)

        started = time.perf_counter()
        await asyncio.gather(*(one() for _ in range(concurrency)))
        return time.perf_counter() - started, latencies, statuses


class NoOp:
    async def apply(self, event: GatewayEvent, uow: UnitOfWork) -> None:
        return None


async def run(args: argparse.Namespace, admin_url: str) -> dict[str, Any]:
    url = await create_database(admin_url)
    server: Server | None = None
    try:
        await migrate(url)
        server = Server(url, timeout=30, PAYMENT_GATEWAY="stripe", STRIPE_SECRET_KEY="sk_test_bench",
                        STRIPE_WEBHOOK_SECRET=SECRET, PUSH_ENABLED="false")
        endpoint = f"{server.url}/v1/webhooks/stripe"
        results: dict[str, Any] = {"events": args.events, "concurrency": args.concurrency}

        seconds, latencies, statuses = await post_all(
            endpoint, [body(f"evt_{n}_{secrets.token_hex(4)}") for n in range(args.events)], args.concurrency)
        assert set(statuses) == {200}, set(statuses)
        results.update(ingest_per_s=round(args.events / seconds),
                       ingest_p50_ms=round(percentile(latencies, .5) * 1e3, 1),
                       ingest_p99_ms=round(percentile(latencies, .99) * 1e3, 1))

        same = body("evt_duplicate")
        seconds, _, statuses = await post_all(endpoint, [same] * args.duplicates, args.duplicates)
        conn = await asyncpg.connect(url.replace("postgres://", "postgresql://", 1))
        rows = await conn.fetchval("SELECT count(*) FROM gateway_event WHERE event_id = 'evt_duplicate'")
        results.update(duplicates=args.duplicates, duplicate_statuses=sorted(set(statuses)), duplicate_rows=rows)

        started = time.perf_counter()
        for n in range(args.events):
            await conn.execute(
                "INSERT INTO gateway_event (gateway, event_id, type, object_id, account, occurred_at, payload, "
                "received_at, state, attempts, next_attempt_at) VALUES ('raw', $1, 't', 'o', NULL, now(), $2, now(), "
                "'applied', 0, now()) ON CONFLICT (gateway, event_id) DO NOTHING",
                f"raw_{n}", body(f"raw_{n}").decode())
        results["raw_insert_per_s"] = round(args.events / (time.perf_counter() - started))
        await conn.close()

        server.stop()
        server = None
        await Tortoise.init(config=tortoise_config(url))
        try:
            for workers in (1, 4):
                if workers == 4:
                    async with asyncpg.create_pool(url.replace("postgres://", "postgresql://", 1)) as pool:
                        await pool.execute("UPDATE gateway_event SET state = 'pending', next_attempt_at = now() "
                                           "WHERE gateway = 'stripe'")
                team = [InboxWorker(NoOp(), InboxConfig(batch=100)) for _ in range(workers)]
                started = time.perf_counter()
                applied = 0
                while True:
                    done = sum(await asyncio.gather(*(worker.run_once() for worker in team)))
                    if not done:
                        break
                    applied += done
                results[f"apply_{workers}_workers_per_s"] = round(applied / (time.perf_counter() - started))
        finally:
            await Tortoise.close_connections()
        return results
    finally:
        if server is not None:
            server.stop()
        await drop_database(admin_url, url)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=20)
    parser.add_argument("--duplicates", type=int, default=20)
    add_database_arguments(parser)
    args = parser.parse_args()
    results = with_postgres(run, args)
    results["load_average"] = load_average()
    report(results, args.json)


if __name__ == "__main__":
    main()
