"""The aerich migrations are the schema: applied to an empty PostgreSQL they give exactly what
the models describe (no drift), every migration after the initial one downgrades to the
schema before it, the newest one records the models' state the next `aerich migrate` diffs
against, and `fieldsync migrate` also sets up the embedded SQLite default."""

from __future__ import annotations

import asyncio
import contextvars
import difflib
import os
import re
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Coroutine
from pathlib import Path
from typing import Any

import asyncpg
import pytest
from aerich.exceptions import DowngradeError
from tortoise import Tortoise
from tortoise.exceptions import OperationalError

import app.migrate
from app import models_state
from app.db import tortoise_config
from app.migrate import MIGRATIONS_DIR, downgrade_one, migrate
from tests.conftest import Services, create_database, drop_database

# Parts of the schema the models describe; generate_schemas knows nothing of triggers or
# functions that migrations add by hand, so those are compared only between migration states.
MODEL_SECTIONS = ("table", "column", "comment", "index", "constraint")

CATALOG_QUERIES = {
    "table": """
        SELECT c.relname || ' (' || CASE c.relkind WHEN 'p' THEN 'partitioned' ELSE 'table' END || ')'
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')""",
    "column": """
        SELECT c.relname || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
               || CASE WHEN a.attnotnull THEN ' NOT NULL' ELSE ' NULL' END
               || COALESCE(' DEFAULT ' || pg_get_expr(d.adbin, d.adrelid), '')
               || CASE WHEN a.attidentity::text <> '' THEN ' IDENTITY ' || a.attidentity::text ELSE '' END
        FROM pg_attribute a
        JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped""",
    "comment": """
        SELECT c.relname || COALESCE('.' || a.attname, '') || ': ' || d.description
        FROM pg_description d
        JOIN pg_class c ON c.oid = d.objoid AND d.classoid = 'pg_class'::regclass
        JOIN pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = d.objsubid AND d.objsubid > 0
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')""",
    # Definitions without names: generated names carry a hash and may differ harmlessly.
    "index": """
        SELECT t.relname || ': ' || pg_get_indexdef(i.indexrelid)
        FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace
        WHERE n.nspname = 'public'""",
    "constraint": """
        SELECT t.relname || ': ' || pg_get_constraintdef(k.oid)
        FROM pg_constraint k JOIN pg_class t ON t.oid = k.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace
        WHERE n.nspname = 'public' AND k.contype <> 't'""",  # constraint triggers: in "trigger" below
    "trigger": """
        SELECT t.relname || ': ' || pg_get_triggerdef(g.oid)
        FROM pg_trigger g JOIN pg_class t ON t.oid = g.tgrelid JOIN pg_namespace n ON n.oid = t.relnamespace
        WHERE n.nspname = 'public' AND NOT g.tgisinternal""",
    "function": """
        SELECT p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ') ' || md5(p.prosrc)
        FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public'""",
    "sequence": """
        SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind = 'S'""",
    "type": """
        SELECT t.typname || ' ' || t.typtype::text FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
        WHERE n.nspname = 'public' AND t.typtype IN ('e', 'd')""",
    "extension": "SELECT extname FROM pg_extension WHERE extname <> 'plpgsql'",
}

# aerich's bookkeeping table is not part of the product's schema.
IGNORED = re.compile(r"^aerich\b|^aerich_id_seq$")
INDEX_NAME = re.compile(r"INDEX \S+ ON ")


async def read_schema(url: str, sections: tuple[str, ...] = tuple(CATALOG_QUERIES)) -> list[str]:
    """The schema as sorted readable lines, one per table, column, index, constraint..."""
    conn = await asyncpg.connect(url.replace("postgres://", "postgresql://", 1))
    try:
        lines = []
        for section in sections:
            for (text,) in await conn.fetch(CATALOG_QUERIES[section]):
                # One line per item; aerich writes an enum comment's "\n" as a real newline where
                # generate_schemas keeps the two characters: the same text either way.
                text = INDEX_NAME.sub("INDEX ON ", text).replace("\n", "\\n")
                if not IGNORED.match(text):
                    lines.append(f"{section} {text}")
        return sorted(lines)
    finally:
        await conn.close()


def assert_same_schema(expected: list[str], actual: list[str], expected_name: str, actual_name: str) -> None:
    if expected != actual:
        diff = "\n".join(difflib.unified_diff(expected, actual, expected_name, actual_name, lineterm="", n=0))
        pytest.fail(f"schemas differ ({expected_name} vs {actual_name}):\n{diff}", pytrace=False)


async def in_fresh_context(coro: Coroutine[Any, Any, Any]) -> Any:
    # Tortoise 1.x keeps its state in a ContextVar; a fresh one keeps this init apart from others.
    return await asyncio.create_task(coro, context=contextvars.Context())


async def generate_schema(url: str) -> None:
    await Tortoise.init(config=tortoise_config(url))
    try:
        await Tortoise.generate_schemas(safe=False)
    finally:
        await Tortoise.close_connections()


async def model_tables() -> set[str]:
    await Tortoise.init(config=tortoise_config("sqlite://:memory:"))
    try:
        return {model._meta.db_table for model in Tortoise.apps["models"].values()} - {"aerich"}
    finally:
        await Tortoise.close_connections()


def migration_files(folder: Path) -> list[Path]:
    files = [path for path in folder.glob("*.py") if re.match(r"\d+_", path.name)]
    return sorted(files, key=lambda path: (int(path.name.split("_", 1)[0]), path.name))  # a wave shares a number


async def test_migrations_match_the_models(services: Services) -> None:
    admin = services.postgres_admin_url
    migrated, generated = await create_database(admin), await create_database(admin)
    try:
        applied = await migrate(migrated)
        assert applied == [path.name for path in migration_files(MIGRATIONS_DIR / "models")]
        await in_fresh_context(generate_schema(generated))
        from_models = await read_schema(generated, MODEL_SECTIONS)
        from_migrations = await read_schema(migrated, MODEL_SECTIONS)
        assert any(line.startswith("table outbox ") for line in from_models)
        assert_same_schema(from_models, from_migrations, "models (generate_schemas)", "migrations (aerich)")
        assert await migrate(migrated) == [], "a second migrate must find nothing to apply"
    finally:
        await drop_database(admin, migrated)
        await drop_database(admin, generated)


async def check_downgrades(source: Path, workdir: Path, admin_url: str, monkeypatch: pytest.MonkeyPatch) -> int:
    """Upgrade one migration at a time from `source`, reading the schema after each; then
    downgrade one at a time back to the initial migration, each time expecting the schema of
    the version before; then upgrade again. Returns how many downgrades ran."""
    files = migration_files(source)
    assert files, f"no migrations in {source}"
    location = workdir / "migrations"
    (location / "models").mkdir(parents=True)
    monkeypatch.setattr(app.migrate, "MIGRATIONS_DIR", location)
    url = await create_database(admin_url)
    try:
        after: list[list[str]] = []
        for path in files:
            shutil.copy(path, location / "models" / path.name)
            assert await migrate(url) == [path.name]
            after.append(await read_schema(url))
        for index in range(len(files) - 1, 0, -1):
            assert await downgrade_one(url) == [files[index].name]
            assert_same_schema(after[index - 1], await read_schema(url), f"after upgrading to {files[index - 1].name}",
                               f"after downgrading {files[index].name}")
        assert await migrate(url) == [path.name for path in files[1:]]
        assert_same_schema(after[-1], await read_schema(url), "first upgrade", "upgrade after downgrades")
        return len(files) - 1
    finally:
        await drop_database(admin_url, url)


async def test_every_migration_downgrades(services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    steps = await check_downgrades(MIGRATIONS_DIR / "models", tmp_path, services.postgres_admin_url, monkeypatch)
    assert steps == len(migration_files(MIGRATIONS_DIR / "models")) - 1


# --- the downgrade check itself: it passes a sound migration and catches broken ones ---------

SYNTHETIC = '''from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        ALTER TABLE "outbox" ADD "probe" VARCHAR(8);
        CREATE INDEX "idx_outbox_probe" ON "outbox" ("probe");"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """{downgrade}"""
'''


def with_synthetic_migration(folder: Path, name: str, downgrade: str) -> Path:
    folder.mkdir(parents=True)
    initial = migration_files(MIGRATIONS_DIR / "models")[0]
    shutil.copy(initial, folder / initial.name)
    (folder / f"{int(initial.name.split('_')[0]) + 1}_20990101000000_{name}.py").write_text(
        SYNTHETIC.format(downgrade=downgrade)
    )
    return folder


async def test_downgrade_check_accepts_a_sound_migration(services: Services, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    source = with_synthetic_migration(tmp_path / "source", "sound", 'ALTER TABLE "outbox" DROP COLUMN "probe";')
    assert await check_downgrades(source, tmp_path / "work", services.postgres_admin_url, monkeypatch) == 1


@pytest.mark.parametrize(
    ("name", "downgrade", "failure"),
    [
        ("empty", "\n        ", DowngradeError),
        ("broken", 'ALTER TABLE "outbox" DROP COLUMN "no_such_column";', OperationalError),
        ("partial", 'DROP INDEX "idx_outbox_probe";', pytest.fail.Exception),
    ],
    ids=["empty", "broken", "partial"],
)
async def test_downgrade_check_catches_a_bad_downgrade(services: Services, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch, name: str,
                                                       downgrade: str, failure: type[BaseException]) -> None:
    source = with_synthetic_migration(tmp_path / "source", name, downgrade)
    with pytest.raises(failure):
        await check_downgrades(source, tmp_path / "work", services.postgres_admin_url, monkeypatch)


# --- the models' state aerich diffs the next migration against --------------------------------

async def test_the_newest_migration_records_the_models_as_they_are() -> None:
    newest = models_state.migration_files()[-1]
    problems = models_state.drift(await models_state.current_state(), models_state.recorded_state(newest))
    assert not problems, (f"{newest.name}: MODELS_STATE differs from the models, so the next `aerich migrate` "
                          "would diff against a stale state; rewrite it with `.venv/bin/python -m app.models_state "
                          "--write`:\n  " + "\n  ".join(problems))


async def test_a_stale_models_state_is_found_and_rewritten(tmp_path: Path) -> None:
    newest = models_state.migration_files()[-1]
    copy = tmp_path / newest.name
    shutil.copy(newest, copy)
    current = await models_state.current_state()
    stale = {name: describe for name, describe in current.items() if name != "models.EmailJob"}
    stale["models.User"] = {**current["models.User"], "backward_fk_fields": []}
    models_state.write_state(copy, stale)
    assert models_state.drift(current, models_state.recorded_state(copy)) == [
        "models.EmailJob: missing", "models.User: differs in backward_fk_fields"]
    models_state.write_state(copy, current)
    assert models_state.drift(current, models_state.recorded_state(copy)) == []
    sql = newest.read_text().split("MODELS_STATE = (")[0]
    assert copy.read_text().startswith(sql)  # the migration itself untouched


# --- the embedded default ---------------------------------------------------------------------

async def test_fieldsync_migrate_creates_the_sqlite_schema(tmp_path: Path) -> None:
    database = tmp_path / "data" / "fieldsync.sqlite3"
    script = Path(sys.executable).parent / "fieldsync"
    command = [str(script)] if script.exists() else [sys.executable, "-m", "app.cli"]
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(tmp_path),
           "DATABASE_URL": f"sqlite://{database}"}
    for _ in range(2):  # idempotent: the second run finds the tables there
        result = await asyncio.to_thread(subprocess.run, [*command, "migrate"], cwd=tmp_path, env=env,
                                         capture_output=True, text=True, timeout=60, check=False)
        assert result.returncode == 0, result.stderr
    with sqlite3.connect(database) as conn:
        tables = {name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    expected = await in_fresh_context(model_tables())
    assert expected and expected <= tables, f"missing: {expected - tables}"
