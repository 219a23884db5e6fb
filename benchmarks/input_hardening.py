"""Issue 11 acceptance: what hostile input costs the event loop (items 1 and 2).

1. JSON bodies of up to 1 MB, shaped to hurt (deep and wide, hundreds of thousands of empty
   arrays, NUL strings, unknown keys, a sync push full of data), posted to the real app:
   `build_app` on a throwaway SQLite file, served in this process; each body is sent by a
   separate client process (so no client work lands on the loop being measured) while a 1 ms
   ticker records the longest stall. Per body: the status and size of the answer, the longest
   loop stall (wall) and this thread's CPU time over the request (the ticker's own share
   included; on a loaded machine the stall grows with the load, the CPU time much less).
2. The scam screen on 4,000-character messages built to make its regexes backtrack (runs of
   one short unit: "a.", "a-a.", "pay ", "@xwww.at", ... and every pair of a few dozen pieces,
   and random mixes): the screen runs on the event loop, so its time is loop time. Per message
   the thread CPU time; reported: the slowest, the 99th percentile, and the worst units.

The load average is printed next to each part: the machine is shared.

    .venv/bin/python benchmarks/input_hardening.py [--corpus fixed|full] [--repeat 3] [--only NAME] [--json]

Run against older code by putting its tree first on the path: `PYTHONPATH=/path/to/old python
benchmarks/input_hardening.py --corpus fixed` (the old screen needs over a second a message).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import itertools
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

if not os.environ.get("PYTHONPATH"):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import aiohttp
import orjson
from aiohttp import web

from app.bootstrap import build_app
from app.migrate import migrate
from app.settings import Settings
from domain.messaging.screening import ScreenContext, screen

MB = 1_000_000
CLIENT = r"""
import sys, urllib.request, urllib.error, uuid
url, path, token = sys.argv[1], sys.argv[2], sys.argv[3]
body = open(path, "rb").read().replace(b"8f2b4c1e-0d6a-4a57-9a53-3c1b0a4e7f11", str(uuid.uuid4()).encode())
headers = {"Content-Type": "application/json"}
if token != "-":
    headers["Authorization"] = "Bearer " + token
request = urllib.request.Request(url, data=body, headers=headers, method="POST")
try:
    with urllib.request.urlopen(request, timeout=180) as response:
        status, answer = response.status, response.read()
except urllib.error.HTTPError as exc:
    status, answer = exc.code, exc.read()
except Exception as exc:
    status, answer = 0, repr(exc).encode()
print(status, len(answer), answer[:160].decode("utf-8", "replace").replace("\n", " "))
"""


def fill(unit: bytes, size: int = MB) -> bytes:
    count = (size - 2) // (len(unit) + 1)
    return b"[" + b",".join([unit] * count) + b"]"


def push_body(mutations: list[dict[str, Any]]) -> bytes:
    # The client replaces the client id with a new one each time: no push is a duplicate.
    return orjson.dumps({"client_id": "8f2b4c1e-0d6a-4a57-9a53-3c1b0a4e7f11", "mutations": mutations})


def bodies(user_id: str) -> list[tuple[str, str, bytes, bool]]:
    """(name, path, body, authenticated)."""
    login = "/v1/auth/login"
    deep = b"[" * 900 + b"]" * 900
    wide_keys = {"email": "a@b.co", "password": "x"} | {f"k{n:05d}": "v" * 30 for n in range(19_990)}
    return [
        ("deep and wide: 60-deep chains", login, fill(b"[" * 60 + b"]" * 60), False),
        ("deep and wide: 900 deep, 40 KB", login, b"[" + b",".join([deep] * 22) + b"]", False),
        ("deep and wide: 900 deep, 1 MB", login, fill(deep), False),
        ("333k empty arrays", login, fill(b"[]"), False),
        ("250k empty objects", login, fill(b"{}"), False),
        ("100k NUL strings", login, fill(b'"\\u0000"'), False),
        ("500k zeros, one NUL last", login, fill(b"0", MB - 12)[:-1] + b',"\\u0000"]', False),
        ("250k strings holding a bracket", login, fill(b'"["'), False),
        ("166k arrays of a bracket string", login, fill(b'["["]'), False),
        ("20k unknown keys (under the cap)", login, orjson.dumps(wide_keys), False),
        ("90k unknown keys", login, orjson.dumps({f"k{n}": 0 for n in range(90_000)}), False),
        ("sync push: 100 x 190 fields", "/v1/sync/push", push_body([
            {"mutation_id": n + 1, "collection": "users", "op": "update", "id": user_id,
             "data": {f"f{k}": "x" * 20 for k in range(190)}} for n in range(100)]), True),
        ("sync push: 100 x 4,900 numbers", "/v1/sync/push", push_body([
            {"mutation_id": n + 1, "collection": "users", "op": "update", "id": user_id,
             "data": {"name": "x", "n": [7] * 4_900}} for n in range(100)]), True),
        ("sync push: 60 deep inside data", "/v1/sync/push", push_body([
            {"mutation_id": n + 1, "collection": "users", "op": "update", "id": user_id,
             "data": {"name": orjson.loads(b"[" * 60 + b"1" + b"]" * 60)}} for n in range(100)]), True),
    ]


class Ticker:
    """The longest gap between 1 ms sleeps, minus the millisecond: how long the loop was held."""

    def __init__(self) -> None:
        self.longest = 0.0
        self.task: asyncio.Task[None] | None = None

    async def run(self) -> None:
        while True:
            started = time.perf_counter()
            await asyncio.sleep(0.001)
            self.longest = max(self.longest, time.perf_counter() - started - 0.001)


async def serve(workdir: Path) -> tuple[web.AppRunner, str]:
    database = f"sqlite://{workdir / 'bench.sqlite3'}"
    await migrate(database)
    settings = Settings(database_url=database, rate_limit_per_minute=100_000, auth_rate_limit_per_minute=100_000,
                        log_level="ERROR", _env_file=None)  # type: ignore[call-arg]
    runner = web.AppRunner(build_app(settings))
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    return runner, f"http://127.0.0.1:{port}"


async def register(base: str) -> tuple[str, str]:
    async with aiohttp.ClientSession() as session:
        email = f"bench-{random.randrange(10**9)}@example.com"
        async with session.post(f"{base}/v1/auth/register", json={
                "email": email, "password": "correct horse battery", "name": "Bench", "role": "customer"}) as response:
            body = await response.json()
    token = body["access_token"]
    async with aiohttp.ClientSession() as session, session.get(
            f"{base}/v1/me", headers={"Authorization": f"Bearer {token}"}) as response:
        return token, (await response.json())["id"]


async def json_part(repeat: int, only: str | None) -> list[dict[str, Any]]:
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        runner, base = await serve(workdir)
        ticker = Ticker()
        tick = asyncio.ensure_future(ticker.run())
        try:
            token, user_id = await register(base)
            for name, path, body, auth in bodies(user_id):
                if only and only not in name:
                    continue
                file = workdir / "body.json"
                file.write_bytes(body)
                stalls, cpus, answer = [], [], ""
                for _ in range(repeat):
                    await asyncio.sleep(0.05)
                    ticker.longest = 0.0
                    cpu = time.thread_time()
                    proc = await asyncio.create_subprocess_exec(
                        sys.executable, "-c", CLIENT, base + path, str(file), token if auth else "-",
                        stdout=asyncio.subprocess.PIPE)
                    out, _ = await proc.communicate()
                    await asyncio.sleep(0.01)  # the answer's cleanup, if any, lands in the window
                    cpus.append(time.thread_time() - cpu)
                    stalls.append(ticker.longest)
                    answer = out.decode().strip()
                results.append({"body": name, "bytes": len(body), "answer": answer[:150],
                                "stall_ms": round(1000 * max(stalls), 1),
                                "stall_ms_median": round(1000 * statistics.median(stalls), 1),
                                "stalls_ms": [round(1000 * s, 1) for s in stalls],
                                "cpu_ms_median": round(1000 * statistics.median(cpus), 1)})
                row = results[-1]
                print(f"  {name:34} {len(body) / MB:4.2f} MB  stall {row['stall_ms']:8.1f} ms (median "
                      f"{row['stall_ms_median']:7.1f})  cpu {row['cpu_ms_median']:7.1f} ms  -> {answer[:90]}",
                      flush=True)
        finally:
            tick.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await tick
            await runner.cleanup()
    return results


UNITS = ["a.", "a-", "1.", "a.-", "1-", "1.1.1.1.", "a-a.", "_.", "é.", "www.", "xn--", "a@", "@a.", "at", "x at ",
         "a at a ", " at ", "1 ", "+1 ", "(1", "pay ", "paypal ", "pay bitcoi ", "@xwww.at", "1.co+_", "a.com.",
         "aaaa.com/", "AB12 ", "insta ", "0", "a", "\n", "$1", "http://", "e@", "-.1"]
PIECES = ["a", ".", "-", "@", " ", "1", "/", ":", "at", "dot", "www.", "http://", "xn--", "com", "_", "+", "(", ")",
          "\n", "pay", "paypal", "x", "co", "ly", "$", "AB12", "0", "e", "é", "bitcoin", "insta", "act now"]


def corpus(kind: str) -> list[str]:
    units = list(UNITS)
    if kind == "full":
        units += ["".join(pair) for pair in itertools.product(PIECES, repeat=2)]
        rng = random.Random(11)
        units += ["".join(rng.choice(PIECES) for _ in range(rng.randint(3, 6))) for _ in range(1_000)]
    return list(dict.fromkeys(units))


def screen_part(kind: str) -> dict[str, Any]:
    context = ScreenContext(has_booking=False)
    timings = []
    for unit in corpus(kind):
        text = (unit * (4_000 // len(unit) + 1))[:4_000]
        started = time.thread_time()
        screen(text, context)
        timings.append((time.thread_time() - started, unit))
    timings.sort(reverse=True)
    cpu = [t for t, _ in timings]
    return {"messages": len(timings), "max_ms": round(1000 * cpu[0], 1),
            "p99_ms": round(1000 * cpu[max(0, len(cpu) // 100 - 1)], 1),
            "median_ms": round(1000 * statistics.median(cpu), 2),
            "worst": [(repr(u), round(1000 * t, 1)) for t, u in timings[:5]]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", choices=("fixed", "full"), default="full")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--skip-json", action="store_true")
    parser.add_argument("--skip-screen", action="store_true")
    parser.add_argument("--only", help="only the bodies whose name holds this text")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON at the end")
    args = parser.parse_args()
    figures: dict[str, Any] = {}
    if not args.skip_json:
        print(f"JSON bodies through the real app (load average {os.getloadavg()})", flush=True)
        figures["json"] = asyncio.run(json_part(args.repeat, args.only))
        print(f"  load average after: {os.getloadavg()}")
    if not args.skip_screen:
        figures["screen"] = screen_figures(args.corpus)
    if args.json:
        print(orjson.dumps(figures, option=orjson.OPT_INDENT_2).decode())


def screen_figures(corpus_kind: str) -> dict[str, Any]:
    print(f"Scam screen, 4,000-character adversarial messages (load average {os.getloadavg()})", flush=True)
    result = screen_part(corpus_kind)
    print(f"  {result['messages']} messages: max {result['max_ms']} ms, p99 {result['p99_ms']} ms, median "
          f"{result['median_ms']} ms (thread CPU); slowest units: {result['worst']}")
    print(f"  load average after: {os.getloadavg()}")
    return result


if __name__ == "__main__":
    main()
