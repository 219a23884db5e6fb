"""Shared fixtures: real PostgreSQL, Redis and Kafka for the whole session, a fresh
migrated database, and the application built by the same composition root as production."""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer
from tortoise.backends.base.executor import EXECUTOR_CACHE

from app.bootstrap import Overrides, build_app
from app.migrate import migrate
from app.settings import Settings, load_settings
from domain.zones.index import ZONE_INDEX
from tests.support.databases import create_database, drop_database, truncate_all
from tests.support.ledger import unbalanced_currencies
from tests.support.media import moto_server
from tests.support.services import EmbeddedPostgres, Process, redis_server, tansu_broker
from tests.support.stripe_services import localstripe_server

# Every socket emit and recorded event of the suite is held to the AsyncAPI document.
pytest_plugins = ["tests.support.contract_guard"]

TEST_SIGNING_KEYS = "k1:" + "a" * 40 + ",k0:" + "b" * 40

# Under pytest-xdist (`./dev test` runs two workers) each worker is its own pytest session:
# "gw0", "gw1", ...; "" when the suite runs in one process.
XDIST_WORKER = os.environ.get("PYTEST_XDIST_WORKER", "")


def worker_number() -> int:
    return int(XDIST_WORKER[2:]) if XDIST_WORKER.startswith("gw") else 0


def worker_redis_url(url: str) -> str:
    """A given REDIS_URL is shared by the workers: each takes its own database number (the
    given one plus its worker number), so keys (rate limits, presence, revocations) never meet."""
    if not XDIST_WORKER:
        return url
    base, _, tail = url.partition("?")
    head, _, last = base.rstrip("/").rpartition("/")
    if last.isdigit() and head.count("/") >= 2:  # redis://host:port/<db>
        base = f"{head}/{int(last) + worker_number()}"
    else:
        base = f"{base.rstrip('/')}/{worker_number()}"
    return base + (f"?{tail}" if tail else "")


@dataclass
class Services:
    postgres_admin_url: str
    redis_url: str
    workdir: Path
    started: list[Any]
    _kafka: str | None = os.environ.get("KAFKA_BOOTSTRAP") or None
    _localstripe: str | None = os.environ.get("LOCALSTRIPE_URL") or None
    _s3: str | None = os.environ.get("S3_ENDPOINT_URL") or None
    # Pub/sub channels are not per Redis database: on a shared REDIS_URL each worker's
    # Socket.IO fan-out gets its own channel (the default one when the suite runs alone).
    socket_redis_channel: str = f"fieldsync-socketio-{XDIST_WORKER}" if XDIST_WORKER else "fieldsync-socketio"

    @property
    def kafka_bootstrap(self) -> str:
        """The broker, started on first use: most tests never need Kafka."""
        if self._kafka is None:
            broker = tansu_broker(self.workdir).start()
            self.started.append(broker)
            self._kafka = f"127.0.0.1:{broker.port}"
        return self._kafka

    @property
    def s3_endpoint(self) -> str:
        """moto's S3-compatible server (a real process), started on first use (the upload tests)."""
        if self._s3 is None:
            server = moto_server(self.workdir).start()
            self.started.append(server)
            self._s3 = f"http://127.0.0.1:{server.port}"
        return self._s3

    @property
    def localstripe_url(self) -> str:
        """localstripe (Stripe payments API fake), started on first use."""
        if self._localstripe is None:
            server = localstripe_server(self.workdir).start()
            self.started.append(server)
            self._localstripe = f"http://127.0.0.1:{server.port}"
        return self._localstripe


@pytest.fixture(scope="session")
def services() -> Iterator[Services]:
    workdir = Path(tempfile.mkdtemp(prefix="fieldsync-test-"))
    started: list[Any] = []
    try:
        pg_url = os.environ.get("DATABASE_URL")
        if not pg_url:
            pg = EmbeddedPostgres().start()
            started.append(pg)
            pg_url = pg.url
        redis_url = worker_redis_url(os.environ["REDIS_URL"]) if os.environ.get("REDIS_URL") else None
        if not redis_url:
            redis = redis_server(workdir).start()
            started.append(redis)
            redis_url = f"redis://127.0.0.1:{redis.port}/0"
        yield Services(pg_url.replace("postgresql://", "postgres://", 1), redis_url, workdir, started)
    finally:
        for service in reversed(started):
            service.stop()


# Tests that judge timing under load (thousands of socket reconnects, outage latencies): `./dev
# test` runs them in a second, serial pass after the parallel one, where no other worker competes
# for the two cores. Under two workers they missed their limits about one run in two.
SERIAL_MODULES = {"test_messaging_chaos.py", "test_redis_outage.py", "test_sync_poke_storm.py"}


# The longest modules, longest first (seconds of one loaded run, session 15): `./dev test` hands
# modules to its workers in collection order (`--no-loadscope-reorder`), so these start first and
# the run ends on short modules, both workers finishing together. xdist's own order (most tests
# first) left one-test fuzz passes of minutes for the end, with the other worker idle.
LONGEST_FIRST = (
    "test_openapi_fuzz.py",            # 197
    "test_settings.py",                # 79
    "test_openapi_fuzz_deep.py",       # 58
    "test_sync_sqlite.py",             # 57
    "test_cli_ops.py",                 # 54
    "test_verification_fuzz.py",       # 42
    "test_finance_reports_fuzz.py",    # 40
    "test_realtime_processes.py",      # 40
    "test_disputes_timers_processes.py",  # 34
    "test_push_delivery.py",           # 34
    "test_finance_chargebacks.py",     # 33
    "test_sync_capture.py",            # 33
    "test_pricing_fuzz.py",            # 32
    "test_regions.py",                 # 32
    "test_media_fuzz.py",              # 31
    "test_unit_of_work.py",            # 30
    "test_safety_fuzz.py",             # 29
    "test_disputes_fuzz.py",
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Markers for running the suite in parts (README "Tests in parts"): `unit` needs no
    service at all, `integration` the real PostgreSQL/Redis (and Kafka when it asks), and
    `processes` starts `fieldsync serve` children on top, `kafka` needs the broker. Then the
    longest modules go first (LONGEST_FIRST; a stable sort keeps each module's own order)."""
    rank = {name: position for position, name in enumerate(LONGEST_FIRST)}
    items.sort(key=lambda item: rank.get(item.path.name, len(rank)))
    for item in items:
        if "services" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.integration)
        else:
            item.add_marker(pytest.mark.unit)
        if item.path.name in SERIAL_MODULES:
            item.add_marker(pytest.mark.serial)
        if "_processes" in item.path.name:
            item.add_marker(pytest.mark.processes)
        # A Kafka test says so in its name (or its module's) or takes a private broker.
        if "kafka" in item.name or "kafka" in item.path.name or "new_broker" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.kafka)


@pytest.fixture(autouse=True)
def fresh_insert_statements() -> None:
    """Tortoise caches each table's INSERT per connection name ("default"), whatever the dialect:
    a test on SQLite would leave `?` placeholders for the next test's PostgreSQL (a syntax error
    that depends on which tests shared the worker). Each test builds its own."""
    EXECUTOR_CACHE.clear()


@pytest.fixture(autouse=True)
async def ledger_trial_balance(request: pytest.FixtureRequest) -> AsyncIterator[None]:
    """After every test on the PostgreSQL database: per currency, all postings sum to zero
    (issue 13). A test that leaves the ledger unbalanced fails here."""
    yield
    parametrized = getattr(getattr(request.node, "callspec", None), "params", {})
    # A test may name its own parameter `database_url`: that value is no database.
    if "database_url" in request.fixturenames and "database_url" not in parametrized:
        off = await unbalanced_currencies(request.getfixturevalue("database_url"))
        if off:
            pytest.fail(f"the ledger's trial balance is not zero after this test: {off}", pytrace=False)


@pytest.fixture(scope="session")
async def database_url(services: Services) -> AsyncIterator[str]:
    """One migrated database for the session; tests truncate what they touch."""
    url = await create_database(services.postgres_admin_url)
    await migrate(url)
    yield url
    await drop_database(services.postgres_admin_url, url)


@pytest.fixture
def settings_factory(services: Services, database_url: str) -> Callable[..., Settings]:
    """Test settings on the real services; keyword arguments override any setting."""

    def make(**overrides: Any) -> Settings:
        values: dict[str, Any] = {
            "app_env": "test",
            "database_url": database_url,
            "redis_url": services.redis_url,
            "socket_redis_channel": services.socket_redis_channel,
            "kafka_bootstrap": None,
            "jwt_signing_keys": TEST_SIGNING_KEYS,
            "jwt_active_kid": "k1",
            "cors_origins": ["https://app.fieldsync.test"],
            "log_level": "WARNING",
            "argon2_time_cost": 1,
            "argon2_memory_cost_kib": 8192,
            "argon2_parallelism": 1,
            "outbox_poll_interval_ms": 50,
            # Opened and warmed as a burst needs them: a test's app serves a few requests, and
            # twenty warmed connections would cost its start ~0.4 s (tests/test_db_pool_warm.py).
            "db_pool_min": 1,
            "db_pool_warm": False,
            # A test's app lives about a second: the ~25 jobs run at start-up (sweeps, timers,
            # metrics) cost ~95 ms of its set-up, and few tests look at them (those pass 0 to
            # make_client). A job with a shorter interval still runs after its interval.
            "jobs_start_delay_seconds": 60.0,
            # Every test client comes from 127.0.0.1 and shares one Redis: a production-sized
            # limit would turn a busy minute of the suite into random 429s. Rate tests set their own.
            "rate_limit_per_minute": 1_000_000,
            "auth_rate_limit_per_minute": 1_000_000,
            "socket_handshakes_per_minute": 1_000_000,
            "media_local_dir": str(services.workdir / "media"),  # uploads: never the checkout's folder
        }
        values.update(overrides)
        return load_settings(**values)

    return make


AppFactory = Callable[..., Awaitable[TestClient]]


@pytest.fixture
async def make_client(
    settings_factory: Callable[..., Settings], database_url: str
) -> AsyncIterator[AppFactory]:
    """Build the app from settings (overrides as keywords), serve it on a real port, and
    return an aiohttp test client for it. The database starts empty for each test."""
    await truncate_all(database_url)
    ZONE_INDEX.invalidate()  # the process-wide zone index must not remember the last test's zones
    # Tortoise caches each table's INSERT per connection name, whatever the dialect: after a test
    # that ran the app on SQLite ("?" placeholders), PostgreSQL would get SQLite's statements.
    EXECUTOR_CACHE.clear()
    async with served_apps(settings_factory) as make:
        yield make


@asynccontextmanager
async def served_apps(settings_factory: Callable[..., Settings], **defaults: Any) -> AsyncIterator[AppFactory]:
    """A factory of apps built from settings (`defaults`, then the call's keywords), each served
    on a real port; all of them are stopped on exit, in reverse order."""
    clients: list[TestClient] = []

    async def make(overrides: Overrides | None = None, **settings_overrides: Any) -> TestClient:
        app = build_app(settings_factory(**{**defaults, **settings_overrides}), overrides)
        client = TestClient(TestServer(app, host="127.0.0.1"))
        await client.start_server()
        clients.append(client)
        return client

    try:
        yield make
    finally:
        for client in reversed(clients):
            await close_or_explain(client)


# An app stops within its shutdown grace period; one that does not is a bug worth a stack dump.
APP_CLOSE_TIMEOUT = 45.0


async def close_or_explain(client: TestClient) -> None:
    closing = asyncio.ensure_future(client.close())
    done, _ = await asyncio.wait({closing}, timeout=APP_CLOSE_TIMEOUT)
    if not done:
        print_await_chain(closing)
        for task in asyncio.all_tasks():
            if task is not closing and task is not asyncio.current_task():
                print_await_chain(task)
        closing.cancel()
        await asyncio.wait({closing}, timeout=5)
        raise AssertionError(f"the app did not stop within {APP_CLOSE_TIMEOUT} s (await chains on stderr)")
    closing.result()


def print_await_chain(task: asyncio.Future[Any]) -> None:
    """Where a suspended task waits: every coroutine of its await chain, outermost first."""
    print(f"--- {task!r}", file=sys.stderr)
    coro: Any = task.get_coro() if isinstance(task, asyncio.Task) else None
    while coro is not None:
        frame = getattr(coro, "cr_frame", None) or getattr(coro, "gi_frame", None)
        if frame is not None:
            print(f"  {frame.f_code.co_filename}:{frame.f_lineno} {frame.f_code.co_name}", file=sys.stderr)
        coro = getattr(coro, "cr_await", None) or getattr(coro, "gi_yieldfrom", None)


@pytest.fixture
async def client(make_client: AppFactory) -> TestClient:
    return await make_client()


@pytest.fixture
def workdir(services: Services) -> Path:
    return services.workdir


@pytest.fixture
def new_broker(services: Services) -> Iterator[Callable[[], Process]]:
    """Start a private Tansu broker (for tests that stop and restart it)."""
    started: list[Process] = []

    def start() -> Process:
        broker = tansu_broker(services.workdir).start()
        started.append(broker)
        return broker

    yield start
    for broker in started:
        broker.stop()


@pytest.fixture
def new_redis(services: Services) -> Iterator[Callable[[], Process]]:
    """Start a private redis-server (for tests that stop and restart it on the same port)."""
    started: list[Process] = []

    def start() -> Process:
        server = redis_server(services.workdir).start()
        started.append(server)
        return server

    yield start
    for server in started:
        server.stop()


def app_of(client: TestClient) -> web.Application:
    assert isinstance(client.server, TestServer)
    return client.server.app


__all__ = ["AppFactory", "app_of", "asyncio"]
