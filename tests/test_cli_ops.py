"""The operator's CLI: `fieldsync --version`, `migrate --status / --downgrade-one`, two
`migrate` at once on a fresh PostgreSQL database (the advisory lock), and `check-config`
reaching every configured service. Every command logs JSON lines like the server."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path
from typing import Any

import asyncpg
import pytest

from app.migrate import MIGRATIONS_DIR
from app.vacuum import VACUUM_STATE
from tests.conftest import Services, create_database, drop_database

SCRIPT = Path(sys.executable).parent / "fieldsync"
COMMAND = [str(SCRIPT)] if SCRIPT.exists() else [sys.executable, "-m", "app.cli"]
STRONG_KEYS = "k1:" + "c" * 48  # the built-in development key is refused on PostgreSQL
MIGRATION_FILES = sorted(
    (path.name for path in (MIGRATIONS_DIR / "models").glob("*.py") if path.name[0].isdigit()),
    key=lambda name: (int(name.split("_", 1)[0]), name),
)


def cli_env(tmp_path: Path, **settings: str) -> dict[str, str]:
    return {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(tmp_path),
        "JWT_SIGNING_KEYS": STRONG_KEYS,
        "JWT_ACTIVE_KID": "k1",
        **settings,
    }


def start(tmp_path: Path, *args: str, **settings: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [*COMMAND, *args],
        cwd=tmp_path,
        env=cli_env(tmp_path, **settings),
        text=True,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


async def run(tmp_path: Path, *args: str, **settings: str) -> tuple[int, list[dict[str, Any]], str]:
    """Exit status, the JSON log lines (every stdout line must be one), stderr."""
    process = start(tmp_path, *args, **settings)
    stdout, stderr = await asyncio.to_thread(process.communicate, timeout=90)
    return process.returncode, [json.loads(line) for line in stdout.splitlines() if line.strip()], stderr


def events(lines: list[dict[str, Any]], name: str) -> list[dict[str, Any]]:
    return [line for line in lines if line["event"] == name]


@pytest.mark.unit
def test_version_is_the_installed_package_version() -> None:
    result = subprocess.run([*COMMAND, "--version"], capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"fieldsync {version('fieldsync')}"


@pytest.fixture
async def fresh_database(services: Services) -> Any:
    url = await create_database(services.postgres_admin_url)
    yield url
    await drop_database(services.postgres_admin_url, url)


async def recorded_migrations(url: str) -> list[str]:
    conn = await asyncpg.connect(url.replace("postgres://", "postgresql://", 1))
    try:
        return [row["version"] for row in await conn.fetch("SELECT version FROM aerich ORDER BY id")]
    finally:
        await conn.close()


async def test_two_migrates_at_once_apply_each_migration_once(fresh_database: str, tmp_path: Path) -> None:
    # One init container per replica: both start together against the same empty database.
    first, second = (start(tmp_path, "migrate", DATABASE_URL=fresh_database) for _ in range(2))
    outcomes = await asyncio.gather(*(asyncio.to_thread(p.communicate, timeout=120) for p in (first, second)))
    for process, (_, stderr) in zip((first, second), outcomes, strict=True):
        assert process.returncode == 0, stderr
    logs = [[json.loads(line) for line in stdout.splitlines() if line.strip()] for stdout, _ in outcomes]
    applied = [event["migrations"] for lines in logs for event in events(lines, "migrations_applied")]
    assert applied == [MIGRATION_FILES], "exactly one of the two applies them, all of them"
    assert sum(len(events(lines, "migrations_up_to_date")) for lines in logs) == 1
    assert await recorded_migrations(fresh_database) == MIGRATION_FILES


async def test_status_and_downgrade_one(fresh_database: str, tmp_path: Path) -> None:
    code, lines, stderr = await run(tmp_path, "migrate", "--status", DATABASE_URL=fresh_database)
    assert code == 0, stderr
    assert [line["name"] for line in events(lines, "migration") if line["state"] == "pending"] == MIGRATION_FILES
    summary = events(lines, "migration_status")[0]
    assert (summary["applied"], summary["pending"], summary["unknown"]) == (0, len(MIGRATION_FILES), 0)

    assert (await run(tmp_path, "migrate", DATABASE_URL=fresh_database))[0] == 0
    code, lines, stderr = await run(tmp_path, "migrate", "--downgrade-one", DATABASE_URL=fresh_database)
    assert code == 0, stderr
    assert events(lines, "migration_downgraded")[0]["migrations"] == [MIGRATION_FILES[-1]]

    code, lines, _ = await run(tmp_path, "migrate", "--status", DATABASE_URL=fresh_database)
    states = {line["name"]: line["state"] for line in events(lines, "migration")}
    assert states == {name: "pending" if name == MIGRATION_FILES[-1] else "applied" for name in MIGRATION_FILES}
    assert await recorded_migrations(fresh_database) == MIGRATION_FILES[:-1]

    code, lines, _ = await run(tmp_path, "migrate", DATABASE_URL=fresh_database)
    assert events(lines, "migrations_applied")[0]["migrations"] == [MIGRATION_FILES[-1]]


async def test_status_and_downgrade_are_refused_on_sqlite(tmp_path: Path) -> None:
    for flag in ("--status", "--downgrade-one"):
        code, _, stderr = await run(tmp_path, "migrate", flag, DATABASE_URL=f"sqlite://{tmp_path}/db.sqlite3")
        assert code == 2 and "SQLite" in stderr and "Traceback" not in stderr


# --- check-config -------------------------------------------------------------------------


async def test_check_config_reaches_every_configured_service(services: Services, tmp_path: Path) -> None:
    code, lines, stderr = await run(
        tmp_path,
        "check-config",
        DATABASE_URL=services.postgres_admin_url,
        REDIS_URL=services.redis_url,
        MEDIA_STORAGE="s3",
        MEDIA_S3_BUCKET="check-config",
        MEDIA_S3_CREATE_BUCKET="true",
        MEDIA_S3_ENDPOINT_URL=services.s3_endpoint,
        MEDIA_S3_ACCESS_KEY_ID="test",
        MEDIA_S3_SECRET_ACCESS_KEY="test",
        PAYMENT_GATEWAY="stripe",
        STRIPE_SECRET_KEY="sk_test_check_config",
        STRIPE_WEBHOOK_SECRET="whsec_check",
        STRIPE_API_BASE=services.localstripe_url,
    )
    ok = {line["service"]: line["detail"] for line in events(lines, "service_ok")}
    if await autovacuum_runs(services.postgres_admin_url):
        assert code == 0, (lines, stderr)
        assert set(ok) == {"database", "redis", "s3", "stripe"}
        assert ok["database"].startswith("PostgreSQL ") and ok["database"].endswith("autovacuum on")
    else:  # a server run without autovacuum (DATABASE_URL given to the tests): said, not hidden
        assert code == 1, (lines, stderr)
        assert set(ok) == {"redis", "s3", "stripe"}
        failed = {line["service"]: line["error"] for line in events(lines, "service_failed")}
        assert "autovacuum is off" in failed["database"]
    assert ok["redis"].startswith("Redis ")


async def autovacuum_runs(url: str) -> bool:
    conn = await asyncpg.connect(url.replace("postgres://", "postgresql://", 1))
    try:
        return bool((await conn.fetchrow(VACUUM_STATE))[0])
    finally:
        await conn.close()


async def test_check_config_fails_where_autovacuum_is_turned_off_for_a_table(services: Services,
                                                                             tmp_path: Path) -> None:
    url = await create_database(services.postgres_admin_url)
    try:
        conn = await asyncpg.connect(url.replace("postgres://", "postgresql://", 1))
        try:
            await conn.execute("CREATE TABLE outbox (id bigint PRIMARY KEY) WITH (autovacuum_enabled = off)")
            await conn.execute("CREATE TABLE message (id bigint PRIMARY KEY) WITH (fillfactor = 90)")
        finally:
            await conn.close()
        code, lines, stderr = await run(tmp_path, "check-config", DATABASE_URL=url)
    finally:
        await drop_database(services.postgres_admin_url, url)
    assert code == 1, (lines, stderr)
    failed = {line["service"]: line["error"] for line in events(lines, "service_failed")}
    assert "autovacuum is off" in failed["database"] and "outbox" in failed["database"]
    assert "message" not in failed["database"]


async def test_check_config_reaches_kafka(services: Services, tmp_path: Path) -> None:
    code, lines, stderr = await run(
        tmp_path,
        "check-config",
        DATABASE_URL=f"sqlite://{tmp_path}/db.sqlite3",
        KAFKA_BOOTSTRAP=services.kafka_bootstrap,
    )
    assert code == 0, (lines, stderr)
    assert {line["service"] for line in events(lines, "service_ok")} == {"database", "kafka"}


async def test_check_config_names_each_unreachable_service(services: Services, tmp_path: Path) -> None:
    closed = "127.0.0.1:9"  # discard: nothing listens there
    missing_database = services.postgres_admin_url.rsplit("/", 1)[0] + "/fieldsync_no_such_database"
    code, lines, stderr = await run(
        tmp_path,
        "check-config",
        "--timeout",
        "3",
        DATABASE_URL=missing_database,
        REDIS_URL=f"redis://{closed}/0",
        KAFKA_BOOTSTRAP=closed,
        PAYMENT_GATEWAY="stripe",
        STRIPE_SECRET_KEY="sk_test_x",
        STRIPE_WEBHOOK_SECRET="whsec_x",
        STRIPE_API_BASE=f"http://{closed}",
    )
    assert code == 1, stderr
    failed = {line["service"]: line["error"] for line in events(lines, "service_failed")}
    assert set(failed) == {"database", "redis", "kafka", "stripe"}
    assert "fieldsync_no_such_database" in failed["database"]
    assert set(events(lines, "check_config_done")[0]["failed"]) == set(failed)


async def test_check_config_reports_invalid_settings_without_reaching_anything(tmp_path: Path) -> None:
    code, lines, stderr = await run(tmp_path, "check-config", REDIS_URL="http://not-redis")
    assert code == 2 and lines == []
    assert "REDIS_URL" in stderr and "Traceback" not in stderr


async def test_the_server_warns_at_start_where_autovacuum_is_off(database_url: str, make_client: Any,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    conn = await asyncpg.connect(database_url.replace("postgres://", "postgresql://", 1))
    try:
        await conn.execute("ALTER TABLE outbox SET (autovacuum_enabled = off)")
        capsys.readouterr()
        await make_client(log_level="INFO")
    finally:
        await conn.execute("ALTER TABLE outbox RESET (autovacuum_enabled)")
        await conn.close()
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines() if line.startswith("{")]
    warnings = events(lines, "database_autovacuum_off")
    assert len(warnings) == 1 and "autovacuum is off for outbox" in warnings[0]["problem"]
