"""The load tests (issue 17) kept from rotting: `fieldsync seed-load` makes the accounts the
Locust users derive, and the locustfile runs headless for a few seconds against a real
`fieldsync serve` with every scenario (the app start, pokes, pushes, messaging, the feed, a
reconnect-and-resync storm) and passes its thresholds with no failure at all."""

from __future__ import annotations

import asyncio
import csv
import importlib.util
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import Any, cast

import asyncpg
import pytest

from app.seed_load import LoadSeedRefused, role_of, seed_load
from app.settings import Settings
from tests.conftest import truncate_all
from tests.support.server_process import PROJECT_ROOT, server_env, server_processes  # noqa: F401 - fixture

LOCUSTFILE = PROJECT_ROOT / "loadtests" / "locustfile.py"
FAST = {
    "AUTH_RATE_LIMIT_PER_MINUTE": "100000",
    "RATE_LIMIT_PER_MINUTE": "100000",
    "SOCKET_HANDSHAKES_PER_MINUTE": "100000",
}
SEEDED = 20


def _load_accounts() -> Any:
    """loadtests/load_accounts.py is plain Python (no Locust), so it can be imported here."""
    spec = importlib.util.spec_from_file_location("load_accounts", PROJECT_ROOT / "loadtests" / "load_accounts.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.unit
def test_the_locust_users_derive_the_seeded_roles_and_emails():
    accounts = _load_accounts()
    assert [accounts.role_of(i) for i in range(100)] == [role_of(i).value for i in range(100)]
    assert accounts.email_of(7) == "load-user-7@load.fieldsync.dev"
    pool = accounts.Accounts(10)
    taken = [pool.take() for _ in range(10)]
    assert sorted(index for index, _ in taken) == list(range(10))  # one account per simulated user
    assert all(accounts.role_of(index) == role for index, role in taken)


@pytest.mark.unit
def test_seed_load_is_refused_in_production():
    settings = cast(Settings, SimpleNamespace(is_production=True))
    with pytest.raises(LoadSeedRefused, match="production"):
        asyncio.run(seed_load(settings, 10))


def _stats(path: Path) -> dict[str, dict[str, str]]:
    """Locust's CSV stats by "<type> <name>" (the total is "Aggregated")."""
    with open(path) as handle:
        return {f"{row['Type']} {row['Name']}".strip(): row for row in csv.DictReader(handle)}


def _seed(env: dict[str, str], users: int) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app.cli", "seed-load", "--users", str(users)],
        env=env,
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.processes
@pytest.mark.integration
async def test_the_locustfile_runs_every_scenario_without_a_failure(
    services,
    database_url,
    server_processes,  # noqa: F811
    tmp_path,
):
    await truncate_all(database_url)
    env = server_env(services, database_url)
    # The server starts while the seed runs (its zone index notices new zones within seconds).
    seeded, server = await asyncio.gather(
        asyncio.to_thread(_seed, env, SEEDED), asyncio.to_thread(server_processes, "load", **FAST)
    )
    assert seeded.returncode == 0, seeded.stderr
    assert "20 load users" in seeded.stdout and "bookings" in seeded.stdout
    # Seeded as a registration would be: every account has its email's blind index, so the
    # at-rest job has no backfill to do (row-locking accounts) while the load logs in.
    conn = await asyncpg.connect(database_url.replace("postgres://", "postgresql://", 1))
    try:
        assert await conn.fetchval("SELECT count(*) FROM user_account WHERE email_index IS NULL") == 0
    finally:
        await conn.close()

    locust_env = {
        **env,
        "LOAD_USERS": "8",
        "LOAD_SPAWN_RATE": "8",
        "LOAD_TIME": "7s",
        "LOAD_STORM_AT": "3",
        "LOAD_STORM_JITTER": "1",
        "LOAD_ACCOUNTS": str(SEEDED),
    }
    command = [sys.executable, "-m", "locust", "-f", str(LOCUSTFILE), "--headless", "--host", server.url]
    command += ["--stop-timeout", "3", "--csv", str(tmp_path / "load"), "--only-summary"]
    run, again, more = await asyncio.gather(
        asyncio.to_thread(
            subprocess.run, command, env=locust_env, cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=60
        ),
        asyncio.to_thread(_seed, env, SEEDED),  # meanwhile, seeding again:
        asyncio.to_thread(_seed, env, SEEDED + 10),
    )
    assert again.returncode == 0 and "already seeded" in again.stdout  # the same N twice writes nothing
    assert more.returncode == 2 and "fewer than 30" in more.stderr  # more is refused, not half-written
    output = run.stdout + run.stderr
    assert "load thresholds: PASS" in output, output[-4000:]
    assert run.returncode == 0, output[-4000:]

    rows = _stats(tmp_path / "load_stats.csv")
    assert rows["Aggregated"]["Failure Count"] == "0", output[-4000:]
    for entry in (
        "APP start (login → subscribed)",
        "APP resync after storm",
        "POST /v1/sync/pull (snapshot)",
        "POST /v1/auth/refresh",
        "POST /v1/devices",
    ):
        assert int(rows[entry]["Request Count"]) > 0, sorted(rows)
