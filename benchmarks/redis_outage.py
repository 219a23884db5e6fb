"""A Redis stop/start under a mixed load (issue 11, item 7 and its acceptance).

Starts a throwaway embedded PostgreSQL (or uses --database-url, an admin URL: a fresh database
is created in it), a private redis-server, and two `fieldsync serve` processes sharing both.
This process is the load (aiohttp and python-socketio clients), paced, for --seconds in three
equal phases: Redis up, Redis stopped (SIGTERM), Redis started again on the same port (empty).

- logins: POST /v1/auth/login (argon2 at the test suite's cost, so the hash does not hide
  what Redis costs);
- REST: GET /v1/me (bearer authentication: signature and revocation check) and the
  conversation list;
- sockets: `message:send` with an ack on /messaging to a support conversation, from a socket on
  each process; a second device of the same user on the other process counts the
  `message:new` that cross processes through Redis (none while it is down: expected).

Prints, per phase, p50/p99/max latency of each kind, the count of 5xx (and of other non-2xx),
failed acks, cross-process deliveries, the load average at the phase's end, and what each
server's /metrics say of Redis afterwards.

    .venv/bin/python benchmarks/redis_outage.py [--seconds 30] [--interval 0.05] [--json]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import secrets
import shutil
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import aiohttp
import orjson
import socketio

from app.migrate import migrate
from benchmarks._harness import percentile
from tests.conftest import TEST_SIGNING_KEYS
from tests.support.databases import create_database, drop_database
from tests.support.server_process import ServerProcess
from tests.support.services import EmbeddedPostgres, redis_server

PHASES = ("before", "during", "after")
PASSWORD = "correct horse battery"


@dataclass
class Figures:
    latency: dict[tuple[str, str], list[float]] = field(default_factory=lambda: defaultdict(list))
    server_errors: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    other_errors: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    failed_acks: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    crossed: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    load: dict[str, tuple[float, float, float]] = field(default_factory=dict)


class Clock:
    """Which phase a moment belongs to."""

    def __init__(self, phase_seconds: float) -> None:
        self.start = time.monotonic()
        self.phase_seconds = phase_seconds

    def phase(self) -> str:
        index = int((time.monotonic() - self.start) // self.phase_seconds)
        return PHASES[min(index, 2)]

    def over(self) -> bool:
        return time.monotonic() - self.start >= 3 * self.phase_seconds


def server_env(database_url: str, redis_url: str) -> dict[str, str]:
    from app.settings import Settings

    names = {name.upper() for name in Settings.model_fields}  # none inherited from this shell
    env = {key: value for key, value in os.environ.items() if key.upper() not in names}
    env.update({
        "APP_ENV": "test", "DATABASE_URL": database_url, "REDIS_URL": redis_url,
        "JWT_SIGNING_KEYS": TEST_SIGNING_KEYS, "JWT_ACTIVE_KID": "k1", "LOG_FORMAT": "json", "LOG_LEVEL": "WARNING",
        "CORS_ORIGINS": "https://bench.fieldsync.test", "ARGON2_TIME_COST": "1", "ARGON2_MEMORY_COST_KIB": "8192",
        "ARGON2_PARALLELISM": "1", "RATE_LIMIT_PER_MINUTE": "1000000", "AUTH_RATE_LIMIT_PER_MINUTE": "1000000",
"LOGIN_FAILURES_PER_ACCOUNT": "1000000",
        "PUSH_ENABLED": "false",
        "PYTHONPATH": str(Path(__file__).resolve().parents[1]), "PYTHONUNBUFFERED": "1",
    })
    return env


async def register(http: aiohttp.ClientSession, url: str) -> dict[str, Any]:
    email = f"bench-{secrets.token_hex(4)}@example.com"
    async with http.post(f"{url}/v1/auth/register", json={"email": email, "password": PASSWORD,
                                                            "name": "Bench", "role": "customer"}) as response:
        assert response.status == 201, await response.text()
        body = await response.json()
    return {"email": email, "token": body["access_token"]}


async def paced(clock: Clock, interval: float, step: Any) -> None:
    """Call `step` every `interval` seconds (or as soon as the last one ended) until the end."""
    while not clock.over():
        started = time.monotonic()
        await step()
        await asyncio.sleep(max(0.0, interval - (time.monotonic() - started)))


async def timed_http(figures: Figures, clock: Clock, kind: str, call: Any) -> None:
    phase = clock.phase()
    started = time.perf_counter()
    try:
        async with call() as response:
            await response.read()
            status = response.status
    except (TimeoutError, aiohttp.ClientError):
        status = 599  # the connection itself failed: count it with the 5xx
    figures.latency[(phase, kind)].append(time.perf_counter() - started)
    if status >= 500:
        figures.server_errors[phase] += 1
    elif status >= 300:
        figures.other_errors[phase] += 1


async def run(args: argparse.Namespace, admin_url: str, workdir: Path) -> dict[str, Any]:
    database_url = await create_database(admin_url)
    redis = redis_server(workdir).start()
    servers: list[ServerProcess] = []
    sockets: list[socketio.AsyncClient] = []
    try:
        await migrate(database_url)
        env = server_env(database_url, f"redis://127.0.0.1:{redis.port}/0")
        servers = [ServerProcess(workdir, env, name=f"app{n}").start() for n in (1, 2)]
        urls = [server.url for server in servers]
        figures = Figures()
        async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=30)) as http:
            user = await register(http, urls[0])
            headers = {"Authorization": f"Bearer {user['token']}"}
            async with http.post(f"{urls[0]}/v1/conversations", headers=headers, json={"kind": "support"}) as r:
                conversation_id = (await r.json())["id"]
            senders: list[socketio.AsyncClient] = []
            for url in urls:
                sender = socketio.AsyncClient(reconnection=False)
                await sender.connect(url, namespaces=["/messaging"], auth={"token": user["token"]},
                                     transports=["websocket"])
                senders.append(sender)
            # A second device on the second process hears what the first process's socket sends.
            listener = socketio.AsyncClient(reconnection=False)
            clock_box: dict[str, Clock] = {}

            async def on_new(data: Any) -> None:
                if data["message"]["body"].startswith("from-app1") and "clock" in clock_box:
                    figures.crossed[clock_box["clock"].phase()] += 1

            listener.on("message:new", on_new, namespace="/messaging")
            await listener.connect(urls[1], namespaces=["/messaging"], auth={"token": user["token"]},
                                   transports=["websocket"])
            sockets = [*senders, listener]
            await asyncio.sleep(1.0)  # the listeners subscribe in the background after start-up

            clock = Clock(args.seconds / 3)
            clock_box["clock"] = clock

            def login(url: str) -> Any:
                return lambda: timed_http(figures, clock, "login", lambda: http.post(
                    f"{url}/v1/auth/login", json={"email": user["email"], "password": PASSWORD}))

            def me(url: str) -> Any:
                return lambda: timed_http(figures, clock, "rest", lambda: http.get(f"{url}/v1/me", headers=headers))

            def conversations(url: str) -> Any:
                return lambda: timed_http(figures, clock, "rest", lambda: http.get(
                    f"{url}/v1/conversations", headers=headers))

            def send(index: int) -> Any:
                async def step() -> None:
                    phase = clock.phase()
                    started = time.perf_counter()
                    try:
                        ack = await senders[index].call("message:send", {
                            "conversation_id": conversation_id, "client_msg_id": secrets.token_hex(8),
                            "body": f"from-app{index + 1} {secrets.token_hex(2)}"}, namespace="/messaging", timeout=10)
                        ok = bool(ack.get("ok"))
                    except Exception:
                        ok = False
                    figures.latency[(phase, "socket")].append(time.perf_counter() - started)
                    if not ok:
                        figures.failed_acks[phase] += 1

                return step

            async def outage() -> None:
                await asyncio.sleep(clock.phase_seconds)
                figures.load["before"] = os.getloadavg()
                redis.stop()
                await asyncio.sleep(clock.phase_seconds)
                figures.load["during"] = os.getloadavg()
                redis.start()

            steps = [step for url in urls for step in (login(url), me(url), me(url), conversations(url))]
            steps += [send(0), send(1)]
            await asyncio.gather(outage(), *(paced(clock, args.interval, step) for step in steps))
            figures.load["after"] = os.getloadavg()
            metrics = []
            for url in urls:
                async with http.get(f"{url}/metrics") as response:
                    text = await response.text()
                up = re.search(r'fieldsync_dependency_up\{dependency="redis"\} ([0-9.]+)', text)
                degraded = re.findall(r'fieldsync_degraded_operations_total\{dependency="redis",operation="(\w+)"\} '
                                      r"([0-9.e+]+)", text)
                metrics.append({"redis_up": float(up.group(1)) if up else None,
                                "degraded": {op: float(count) for op, count in degraded}})
        return report(args, figures, metrics)
    finally:
        for sock in sockets:
            if sock.connected:
                await sock.disconnect()
        for server in servers:
            server.stop()
        redis.stop()
        await drop_database(admin_url, database_url)


def report(args: argparse.Namespace, figures: Figures, metrics: list[dict[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {"seconds": args.seconds, "interval": args.interval, "phases": {}, "metrics": metrics}
    for phase in PHASES:
        kinds = {}
        for kind in ("login", "rest", "socket"):
            values = figures.latency[(phase, kind)]
            kinds[kind] = {"count": len(values), "p50_ms": round(statistics.median(values) * 1000, 1) if values
                           else None, "p99_ms": round(percentile(values, 0.99) * 1000, 1),
                           "max_ms": round(max(values, default=float("nan")) * 1000, 1)}
        result["phases"][phase] = {
            "latency": kinds, "5xx": figures.server_errors[phase], "other_non_2xx": figures.other_errors[phase],
            "failed_acks": figures.failed_acks[phase], "cross_process_deliveries": figures.crossed[phase],
            "load_average": [round(value, 2) for value in figures.load.get(phase, (float("nan"),) * 3)],
        }
    return result


def print_report(result: dict[str, Any]) -> None:
    print(f"Redis stop/start under mixed load: {result['seconds']} s, a request per worker every "
          f"{result['interval'] * 1000:.0f} ms, 2 server processes, {os.cpu_count()} cores")
    print(f"{'phase':<8}{'kind':<8}{'count':>7}{'p50 ms':>9}{'p99 ms':>9}{'max ms':>9}")
    for phase, figures in result["phases"].items():
        for kind, row in figures["latency"].items():
            print(f"{phase:<8}{kind:<8}{row['count']:>7}{row['p50_ms']!s:>9}{row['p99_ms']!s:>9}{row['max_ms']!s:>9}")
        print(f"{phase:<8}5xx={figures['5xx']} other non-2xx={figures['other_non_2xx']} "
              f"failed acks={figures['failed_acks']} cross-process deliveries={figures['cross_process_deliveries']} "
              f"load average={figures['load_average']}")
    for index, metric in enumerate(result["metrics"], 1):
        print(f"app{index} /metrics after: fieldsync_dependency_up{{redis}}={metric['redis_up']} "
              f"degraded operations={metric['degraded']}")
    total = sum(figures["5xx"] for figures in result["phases"].values())
    print(f"total 5xx: {total}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=float, default=30.0, help="the whole run; a third per phase")
    parser.add_argument("--interval", type=float, default=0.05, help="seconds between one worker's requests")
    parser.add_argument("--database-url", help="an admin PostgreSQL URL (default: a throwaway embedded one)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="fieldsync-bench-"))
    postgres = None
    try:
        admin_url = args.database_url
        if not admin_url:
            postgres = EmbeddedPostgres().start()
            admin_url = postgres.url
        result = asyncio.run(run(args, admin_url, workdir))
    finally:
        if postgres is not None:
            postgres.stop()
        shutil.rmtree(workdir, ignore_errors=True)
    if args.json:
        print(orjson.dumps(result, option=orjson.OPT_INDENT_2).decode())
    else:
        print_report(result)


if __name__ == "__main__":
    main()
