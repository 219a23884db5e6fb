"""Delta sync on PostgreSQL (issue 6, acceptance 5), next to a raw SELECT + orjson of the same rows.

Starts a throwaway embedded PostgreSQL (or uses --database-url, an admin URL: a fresh database
is created in it), migrates it, seeds through the real triggers, and runs `fieldsync serve` in a
subprocess; this process is the client (aiohttp), so server, client and database share the
machine's cores, as in CI.

- initial sync: a provider's manager sees --rows bookings: pull without cursor until complete
  (rows/s, bytes), against `SELECT <the same fields> FROM booking` + orjson in this process;
- catch-up: --changes booking updates in transactions of 100, then pull until complete
  (changes/s = ops consumed per second; rows delivered after coalescing);
- both: one cold run, then the median of --repeats runs, each right after a run of the raw
  anchor (whose median it is compared with), every run after a garbage collection;
- empty pulls: --pullers users with a cursor at head each pull every --interval seconds for
  --seconds (p50/p99 latency), then as fast as they can (the ceiling, pulls/s);
- the write side: inserting bookings with and without the capture triggers, and the ticker;
- push: the manager's device pushes --mutations `bookings` `accept` mutations in batches of 100
  (mutations/s), one device in turn, then the same number from 10 devices at once;
- messaging: --senders users each send --messages messages to their own conversation over
  REST, all at once (sends/s, p50/p99), every `message:new` taking its sync cursor from the
  single-flight `visible_cursor` (the server's /metrics give calls per tick).

The push section ends with its anchor, measured in the same run right after it: single-row
INSERTs each committed on its own (`raw_inserts`), from one connection and from ten, and the load
average. `--push-only` seeds just the bookings the push accepts (2 x --mutations) and runs only
the push section (and its anchor); `--drain` adds the push figures counted until the relay has
handled every pushed event (the reactions run in-process, after the pushes answered).

    .venv/bin/python benchmarks/sync_pull.py [--rows 20000] [--changes 50000] [--pullers 100] [--json]
    .venv/bin/python benchmarks/sync_pull.py --pull-only   # the initial sync and the catch-up alone
    .venv/bin/python benchmarks/sync_pull.py --push-only [--mutations 1000] [--drain]

Figures from a run on the 2-core machine are in docs/performance.md.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import random
import statistics
import sys
import time
import uuid
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import aiohttp
import asyncpg
import orjson

from app.migrate import migrate
from benchmarks._harness import (
    BENCH_KEYS,
    Server,
    add_database_arguments,
    generator_gc_paused,
    load_average,
    percentile,
    raw_inserts,
    report,
    with_postgres,
)
from domain.accounts.tokens import TokenSigner
from tests.support.databases import create_database, drop_database

BOOKING_INSERT = """
INSERT INTO booking (id, customer_id, kind, state, organisation_id, address, notes, currency, price_amount,
                     commission_amount, tax_amount, total_amount, version, created_at, updated_at)
SELECT gen_random_uuid(), $1, 'on_demand', 'requested', $2, 'Main street ' || n, '', 'USD', 8000, 800, 0, 8800, 1,
       now(), now()
FROM generate_series(1, $3) AS n
"""
# UUIDs as text: orjson encodes str and datetime natively (asyncpg's UUID type would need a slow default).
RAW_SELECT = """
SELECT id::text, kind, state, customer_id::text, service_id::text, organisation_id::text, job_id::text,
       zone_id::text, lat, lng, address, notes, scheduled_start, scheduled_end, currency, price_amount,
       commission_amount, tax_amount, total_amount, expires_at, version, created_at, updated_at
FROM booking WHERE organisation_id = $1
"""


def pg_url(url: str) -> str:
    return url.replace("postgres://", "postgresql://", 1)


async def add_user(conn: asyncpg.Connection, role: str) -> uuid.UUID:
    user = uuid.uuid4()
    await conn.execute("INSERT INTO user_account (id, email, name, roles, status, password_hash, version, created_at, "
                       "updated_at) VALUES ($1, $2, 'Bench', $3, 'active', 'x', 1, now(), now())",
                       user, f"{user}@bench.test", orjson.dumps([role]).decode())
    return user


async def seed(conn: asyncpg.Connection, rows: int) -> dict[str, Any]:
    owner, manager, customer = [await add_user(conn, role) for role in ("provider", "serviceman", "customer")]
    org = uuid.uuid4()
    await conn.execute("INSERT INTO organisation (id, name, owner_id, rating_sum, rating_count, version, created_at, "
                       "updated_at) VALUES ($1, 'Bench', $2, 0, 0, 1, now(), now())", org, owner)
    for user, role in ((owner, "owner"), (manager, "manager")):
        await conn.execute("INSERT INTO membership (id, organisation_id, user_id, role, status, version, created_at) "
                           "VALUES ($1, $2, $3, $4, 'accepted', 1, now())", uuid.uuid4(), org, user, role)
    started = time.perf_counter()
    await conn.execute(BOOKING_INSERT, customer, org, rows)
    with_triggers = time.perf_counter() - started
    other = await add_user(conn, "customer")
    await conn.execute("SET session_replication_role = replica")  # triggers off: the raw write cost
    started = time.perf_counter()
    await conn.execute(BOOKING_INSERT, other, None, rows)
    without = time.perf_counter() - started
    await conn.execute("DELETE FROM booking WHERE customer_id = $1", other)
    await conn.execute("SET session_replication_role = origin")
    return {"org": org, "manager": manager, "customer": customer, "insert_with_triggers_s": with_triggers,
            "insert_without_triggers_s": without}


class Client:
    def __init__(self, base: str, signer: TokenSigner) -> None:
        self.base, self.signer = base, signer
        self.http = aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=200))

    def headers(self, user: uuid.UUID, roles: list[str] | None = None) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.signer.issue_access(str(user), roles or ['customer'])}"}

    async def post(self, path: str, user: uuid.UUID, body: Any, roles: list[str] | None = None,
                   status: int = 200) -> Any:
        async with self.http.post(f"{self.base}{path}", json=body, headers=self.headers(user, roles)) as response:
            raw = await response.read()
            assert response.status == status, raw[:300]
        return orjson.loads(raw)

    async def metric(self, name: str) -> float:
        async with self.http.get(f"{self.base}/metrics") as response:
            text = await response.text()
        return sum(float(line.split()[-1]) for line in text.splitlines() if line.startswith(name + " "))

    async def pull(self, user: uuid.UUID, cursor: str | None, limit: int) -> tuple[dict[str, Any], int, int]:
        """One pull: its envelope (cursor, has_more, complete), body size and number of changes.
        Only the envelope at the end of the body is parsed: what is timed is the server's work
        (and the transfer), as for the raw baseline; a client parses at about 70 MB/s here."""
        headers = {"Authorization": f"Bearer {self.signer.issue_access(str(user), ['customer'])}"}
        body: dict[str, Any] = {"limit": limit}
        if cursor:
            body["cursor"] = cursor
        async with self.http.post(f"{self.base}/v1/sync/pull", json=body, headers=headers) as response:
            raw = await response.read()
            assert response.status == 200, raw[:300]
        tail = raw.rfind(b'],"cursor":')
        envelope = orjson.loads(b"{" + raw[tail + 2:])
        return envelope, len(raw), raw.count(b'{"collection":')

    async def catch_up(self, user: uuid.UUID, cursor: str | None, limit: int) -> tuple[str, int, int, int, float]:
        started, changes, size, pages = time.perf_counter(), 0, 0, 0
        while True:
            page, length, count = await self.pull(user, cursor, limit)
            changes, size, pages, cursor = changes + count, size + length, pages + 1, page["cursor"]
            if page["complete"]:
                return str(cursor), changes, size, pages, time.perf_counter() - started


async def wait_ticked(conn: asyncpg.Connection, timeout: float = 120) -> float:
    started = time.perf_counter()
    while await conn.fetchval("SELECT EXISTS (SELECT 1 FROM sync_op_pending)"):
        assert time.perf_counter() - started < timeout, "the ticker did not catch up"
        await asyncio.sleep(0.01)
    return time.perf_counter() - started


async def run(args: argparse.Namespace, admin_url: str) -> dict[str, Any]:
    url = await create_database(admin_url)
    server: Server | None = None
    try:
        await migrate(url)
        conn = await asyncpg.connect(pg_url(url))
        if args.push_only:
            args.rows = 2 * args.mutations
        world = await seed(conn, args.rows)
        server = Server(f"{url}?maxsize={args.pool}", timeout=30)
        client = Client(server.url, TokenSigner(BENCH_KEYS, "bench", 3600))
        results: dict[str, Any] = {"rows": args.rows, "changes": args.changes, "pullers": args.pullers,
                                   "write_triggers_s": round(world["insert_with_triggers_s"], 2),
                                   "write_raw_s": round(world["insert_without_triggers_s"], 2)}
        results["seed_tick_s"] = round(await wait_ticked(conn), 2)
        if args.push_only:
            ids = [row["id"] for row in await conn.fetch("SELECT id FROM booking WHERE organisation_id = $1 "
                                                         "ORDER BY created_at, id", world["org"])]
            results.update(await push_figures(client, conn, world, ids, args.mutations, args.drain))
            results.update(await push_anchor(url))
            await client.http.close()
            await conn.close()
            return results

        # The anchor and ours are measured alike and side by side: one cold run of each first
        # (reported apart: `*_first_*`), then --repeats rounds, each an anchor run right before one
        # of ours, so that both see the same load from whatever else runs on the machine, each run
        # after a full garbage collection of this process (a run lasts ~0.1 s, and a collection
        # landing inside one of them cost it 2.5x), and the medians compared.
        async def raw_run() -> tuple[float, list[dict[str, Any]], int]:
            gc.collect()
            started = time.perf_counter()
            rows = [dict(row) for row in await conn.fetch(RAW_SELECT, world["org"])]
            size = len(orjson.dumps(rows))
            return time.perf_counter() - started, rows, size

        async def pull_run(cursor: str | None) -> tuple[str, int, int, int, float]:
            gc.collect()
            return await client.catch_up(world["manager"], cursor, args.limit)

        first_raw, raw_rows, raw_bytes = await raw_run()
        first_initial = await pull_run(None)
        raw_runs, initial_runs = [], []
        for _ in range(args.repeats):
            raw_runs.append((await raw_run())[0])
            initial_runs.append(await pull_run(None))  # a pull without a cursor repeats the same snapshot
        results["raw_first_rows_per_s"] = round(len(raw_rows) / first_raw)
        results["raw_rows_per_s"] = round(len(raw_rows) / statistics.median(raw_runs))
        results["raw_bytes"] = raw_bytes
        cursor, changes, size, pages, first_seconds = first_initial
        results["initial_rows"] = changes
        results["initial_first_rows_per_s"] = round(changes / first_seconds)
        results["initial_rows_per_s"] = round(changes / statistics.median(run[4] for run in initial_runs))
        results["initial_bytes"] = size
        results["initial_pages"] = pages
        results["initial_vs_raw"] = round(results["initial_rows_per_s"] / results["raw_rows_per_s"], 2)

        ids = [uuid.UUID(row["id"]) for row in raw_rows]
        started = time.perf_counter()
        for start in range(0, args.changes, 100):
            chunk = [ids[(start + k) % len(ids)] for k in range(min(100, args.changes - start))]
            await conn.execute("UPDATE booking SET notes = $1 WHERE id = ANY($2::uuid[])", f"change {start}", chunk)
        results["changes_write_s"] = round(time.perf_counter() - started, 2)
        results["changes_tick_wait_s"] = round(await wait_ticked(conn), 2)
        ops = await conn.fetchval("SELECT count(*) FROM sync_op WHERE scope = $1 AND tick > 0",
                                  f"org-bookings:{world['org']}")
        # The catch-up: pulling again from the same cursor repeats the same catch-up (a cursor is a
        # position), measured as the initial sync, each run beside an anchor run. The anchor reads
        # the same 20,000 bookings, now updated 2.5 times each (their older versions dead or pruned):
        # `catchup_raw_rows_per_s`, which the ratio takes when it is the higher of the two anchors.
        first_catchup = await pull_run(cursor)
        catchup_raw, runs = [], []
        for _ in range(args.repeats):
            catchup_raw.append((await raw_run())[0])
            runs.append(await pull_run(cursor))
        _, delivered, size, pages, _ = first_catchup
        anchor = max(results["raw_rows_per_s"], round(len(ids) / statistics.median(catchup_raw)))
        results["catchup_raw_rows_per_s"] = round(len(ids) / statistics.median(catchup_raw))
        results["catchup_ops"] = args.changes
        results["catchup_first_changes_per_s"] = round(args.changes / first_catchup[4])
        results["catchup_changes_per_s"] = round(args.changes / statistics.median(run[4] for run in runs))
        results["catchup_rows_delivered"] = delivered
        results["catchup_bytes"] = size
        results["catchup_pages"] = pages
        results["catchup_vs_raw"] = round(results["catchup_changes_per_s"] / anchor, 2)
        results["org_scope_ops"] = ops
        if args.pull_only:
            await client.http.close()
            await conn.close()
            return results

        pullers = [await add_user(conn, "customer") for _ in range(args.pullers)]
        await wait_ticked(conn)
        cursors = {}
        for user in pullers:
            cursors[user] = (await client.catch_up(user, None, 100))[0]
        latencies: list[float] = []
        rng = random.Random(3)

        async def steady_puller(user: uuid.UUID, until: float) -> None:
            """An idle app that pulls every --interval seconds (as a poke-less client would)."""
            await asyncio.sleep(rng.uniform(0, args.interval))
            while time.perf_counter() < until:
                started = time.perf_counter()
                page, _, count = await client.pull(user, cursors[user], 100)
                latencies.append(time.perf_counter() - started)
                assert count == 0 and page["complete"]
                await asyncio.sleep(max(0.0, args.interval - (time.perf_counter() - started)))

        until = time.perf_counter() + args.seconds
        with generator_gc_paused():  # its pauses would count as the pulls' latency
            await asyncio.gather(*(steady_puller(user, until) for user in pullers))
        results["empty_offered_per_s"] = round(args.pullers / args.interval)
        results["empty_pulls"] = len(latencies)
        results["empty_p50_ms"] = round(statistics.median(latencies) * 1000, 2)
        results["empty_p99_ms"] = round(percentile(latencies, 0.99) * 1000, 2)

        async def flat_out(user: uuid.UUID, count: int) -> None:
            for _ in range(count):
                await client.pull(user, cursors[user], 100)

        started = time.perf_counter()
        await asyncio.gather(*(flat_out(user, 10) for user in pullers))
        results["empty_max_per_s"] = round(10 * len(pullers) / (time.perf_counter() - started))
        results.update(await push_figures(client, conn, world, ids, args.mutations, args.drain))
        results.update(await push_anchor(url))
        results.update(await messaging_figures(client, conn, args.senders, args.messages))
        await client.http.close()
        await conn.close()
        return results
    finally:
        if server is not None:
            server.stop()
        await drop_database(admin_url, url)


async def push_figures(client: Client, conn: asyncpg.Connection, world: dict[str, Any], ids: list[uuid.UUID],
                       count: int, drain: bool = False) -> dict[str, Any]:
    """The manager accepts `count` requested bookings offline, then 10 devices as many more.

    The figures time the pushes alone: the reactions to their events (the relay's in-process
    consumers) run meanwhile on the same loop and database, and may still be at work when the
    last push answered. With `drain` each phase also waits until the relay published every
    event (the reactions committed) and counts that time too (`*_drained_per_s`), and the ten
    devices start only then."""
    versions = {row["id"]: row["version"] for row in await conn.fetch(
        "SELECT id, version FROM booking WHERE id = ANY($1::uuid[])", ids[:2 * count])}

    def accept(number: int, booking_id: uuid.UUID) -> dict[str, Any]:
        return {"mutation_id": number, "collection": "bookings", "op": "action", "name": "accept",
                "id": str(booking_id), "base_version": versions[booking_id]}

    async def device(bookings: list[uuid.UUID]) -> int:
        client_id, applied = str(uuid.uuid4()), 0
        for start in range(0, len(bookings), 100):
            batch = [accept(start + k + 1, b) for k, b in enumerate(bookings[start:start + 100])]
            answer = await client.post("/v1/sync/push", world["manager"], {"client_id": client_id, "mutations": batch},
                                       roles=["serviceman"])
            applied += sum(1 for r in answer["results"] if r["status"] == "applied")
        return applied

    drained: dict[str, Any] = {}
    started = time.perf_counter()
    one = await device(ids[:count])
    one_s = time.perf_counter() - started
    if drain:
        drained["push_one_device_drained_per_s"] = round(count / (one_s + await wait_relayed(conn)))
    share = count // 10
    started = time.perf_counter()
    many = sum(await asyncio.gather(*(device(ids[count + k * share:count + (k + 1) * share]) for k in range(10))))
    many_s = time.perf_counter() - started
    if drain:
        drained["push_10_devices_drained_per_s"] = round(many / (many_s + await wait_relayed(conn)))
    assert one == count and many == share * 10, (one, many)
    return {"push_mutations": count, "push_one_device_per_s": round(count / one_s),
            "push_10_devices_per_s": round(many / many_s), **drained}


async def wait_relayed(conn: asyncpg.Connection, timeout: float = 300) -> float:
    """Seconds until every outbox row is published, i.e. (in-process bus) every reaction to the
    pushed events committed with the relay's batch."""
    started = time.perf_counter()
    while await conn.fetchval("SELECT EXISTS (SELECT 1 FROM outbox WHERE published_at IS NULL)"):
        assert time.perf_counter() - started < timeout, "the relay did not catch up"
        await asyncio.sleep(0.01)
    return time.perf_counter() - started


async def push_anchor(url: str) -> dict[str, Any]:
    """The push's anchor, measured right after it: raw single-row insert+commit from one
    connection and from ten, and the load average around it."""
    return {"push_anchor_insert_commit_1_conn_per_s": round(await raw_inserts(url, 1)),
            "push_anchor_insert_commit_10_conn_per_s": round(await raw_inserts(url, 10)),
            "push_load_average": load_average()}


async def messaging_figures(client: Client, conn: asyncpg.Connection, senders: int, messages: int
                            ) -> dict[str, Any]:
    """Concurrent REST sends, each `message:new` with its sync cursor (visible_cursor)."""
    users = [await add_user(conn, "customer") for _ in range(senders)]
    chats = {user: (await client.post("/v1/conversations", user, {"kind": "support"}))["id"] for user in users}
    calls, ticks = (await client.metric("fieldsync_sync_visible_calls_total"),
                    await client.metric("fieldsync_sync_visible_ticks_total"))
    latencies: list[float] = []

    async def sender(user: uuid.UUID) -> None:
        for n in range(messages):
            started = time.perf_counter()
            await client.post(f"/v1/conversations/{chats[user]}/messages", user,
                              {"client_msg_id": f"m{n}", "body": f"message {n}"}, status=201)
            latencies.append(time.perf_counter() - started)

    with generator_gc_paused():  # its pauses would count as the sends' latency
        started = time.perf_counter()
        await asyncio.gather(*(sender(user) for user in users))
        seconds = time.perf_counter() - started
    calls = await client.metric("fieldsync_sync_visible_calls_total") - calls
    ticks = await client.metric("fieldsync_sync_visible_ticks_total") - ticks
    return {"sends": len(latencies), "sends_per_s": round(len(latencies) / seconds),
            "send_p50_ms": round(statistics.median(latencies) * 1000, 2),
            "send_p99_ms": round(percentile(latencies, 0.99) * 1000, 2),
            "visible_cursor_calls": int(calls), "visible_cursor_ticks": int(ticks)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=20_000)
    parser.add_argument("--changes", type=int, default=50_000)
    parser.add_argument("--pullers", type=int, default=100)
    parser.add_argument("--interval", type=float, default=1.0, help="seconds between one puller's empty pulls")
    parser.add_argument("--seconds", type=float, default=10.0, help="how long the pullers run")
    parser.add_argument("--mutations", type=int, default=1000, help="offline mutations pushed (twice)")
    parser.add_argument("--senders", type=int, default=50, help="concurrent message senders")
    parser.add_argument("--messages", type=int, default=20, help="messages per sender")
    parser.add_argument("--limit", type=int, default=5000, help="page size")
    parser.add_argument("--repeats", type=int, default=5,
                        help="initial syncs and catch-ups measured, each beside a raw anchor run (medians)")
    parser.add_argument("--push-only", action="store_true",
                        help="seed 2 x --mutations bookings and run only the push (and its anchor)")
    parser.add_argument("--drain", action="store_true",
                        help="push: also wait for the reactions to the pushed events (the relay) after each phase")
    parser.add_argument("--pool", type=int, default=20, help="the server's database pool size")
    parser.add_argument("--pull-only", action="store_true",
                        help="only the initial sync and the catch-up (no empty pulls, push nor messaging)")
    add_database_arguments(parser)
    args = parser.parse_args()
    report(with_postgres(run, args), args.json)


if __name__ == "__main__":
    main()
