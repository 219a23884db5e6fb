"""Fan-out benchmark server: the product's Socket.IO stack speaking the shared bench protocol.

The app is the real one (`app.bootstrap.build_app` on embedded defaults: SQLite in a temporary
folder, in-process fan-out, or the Redis manager with `--redis-url`), with the same server
options and broadcast path as `fieldsync serve`. Only one thing is added, here and never in
the product: namespace `/bench`, which accepts connections without a token and speaks the
protocol of ../shared/bench/realtime (its README):

    join {room}             -> enter the room, ack
    publish {room, payload} -> emit `msg` with the payload to the room

so its load generator runs unchanged against `http://127.0.0.1:PORT/bench`. Binds to
127.0.0.1 only; prints one line when listening; stops on SIGTERM/SIGINT.

    .venv/bin/python benchmarks/fanout/server.py [--port 3103] [--redis-url redis://127.0.0.1:6379/0]
        [--database-url postgres://...]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
from pathlib import Path
from typing import Any, ClassVar

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from aiohttp import web
from pydantic import BaseModel, Field

from app.bootstrap import build_app
from app.migrate import migrate
from app.settings import load_settings
from realtime.base import AuthenticatedNamespace
from realtime.hygiene import RateLimit
from realtime.server import REALTIME_DEPS, SIO


class Join(BaseModel):
    room: str = Field(min_length=1, max_length=100)


class Publish(BaseModel):
    room: str = Field(min_length=1, max_length=100)
    payload: Any = None


class BenchNamespace(AuthenticatedNamespace):
    """The bench protocol on the product's base class: validation, acks, rate limits and
    metrics as every namespace has them. Anonymous, so only ever registered by this script."""

    NAME = "/bench"
    # The load generator publishes as fast as its window allows; joins are one per client.
    RATE_LIMITS: ClassVar[dict[str, RateLimit]] = {"publish": RateLimit(per_second=1e6, burst=1_000_000)}

    async def on_connect(self, sid: str, environ: dict[str, Any], auth: Any = None) -> None:
        return None

    async def on_join(self, sid: str, payload: Join) -> None:
        await self.enter_room(sid, payload.room)

    async def on_publish(self, sid: str, payload: Publish) -> None:
        await self.emit("msg", payload.payload, room=payload.room)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--port", type=int, default=3103)
    parser.add_argument("--redis-url", default=None, help="use the Redis client manager (as with REDIS_URL)")
    parser.add_argument("--database-url", default=None,
                        help="an already migrated database (default: a fresh SQLite file); with the JWT keys "
                             "from the environment, the product's namespaces then accept that database's tokens "
                             "(benchmarks/idle_sockets/run.sh with FANOUT_CASE)")
    args = parser.parse_args()

    database_url = args.database_url
    if database_url is None:
        folder = tempfile.mkdtemp(prefix="fieldsync-bench-")
        database_url = f"sqlite://{folder}/bench.sqlite3"
        asyncio.run(migrate(database_url))
    settings = load_settings(
        _env_file=None, app_env="development", host="127.0.0.1", port=args.port, database_url=database_url,
        redis_url=args.redis_url, kafka_bootstrap=None, log_level="WARNING", log_format="console",
        # Every client of the load generator is 127.0.0.1: the per-address handshake limit would
        # refuse all but the first few hundred (the loadgen then reports connect errors).
        socket_handshakes_per_minute=100_000_000,
    )
    app = build_app(settings)
    app[SIO].register_namespace(BenchNamespace(BenchNamespace.NAME, app[REALTIME_DEPS]))

    try:
        import uvloop

        asyncio.set_event_loop_policy(uvloop.EventLoopPolicy())  # as `fieldsync serve` does
    except ImportError:
        pass

    async def announce(_app: web.Application) -> None:
        loop = asyncio.get_running_loop()
        manager = type(app[SIO].manager).__name__
        print(f"fieldsync bench server manager={manager} loop={type(loop).__module__} "
              f"listening on 127.0.0.1:{args.port} pid={os.getpid()}", flush=True)

    app.on_startup.append(announce)
    web.run_app(app, host="127.0.0.1", port=args.port, access_log=None, print=None,
                shutdown_timeout=settings.shutdown_grace_seconds)


if __name__ == "__main__":
    main()
