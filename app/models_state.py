"""The models' state recorded in the newest migration (its `MODELS_STATE`): aerich diffs the
models against it for the next `aerich migrate` (scripts/makemigration), so a state that lags
the models makes the next migration repeat tables and columns that already exist.

The state is aerich's own: `get_models_describe` of the app, compressed the way aerich writes a
migration file. tests/test_migrations.py fails when the newest migration's state drifts from the
models; after merging migrations written apart (or editing one by hand), rewrite it:

    .venv/bin/python -m app.models_state            # say whether it matches
    .venv/bin/python -m app.models_state --write    # rewrite the newest migration's MODELS_STATE
"""

from __future__ import annotations

import argparse
import asyncio
import contextvars
import re
import sys
from pathlib import Path
from typing import Any

from aerich.utils import compress_dict, decompress_dict, get_formatted_compressed_data, get_models_describe
from tortoise import Tortoise

from app.db import tortoise_config
from app.migrate import MIGRATIONS_DIR

APP = "models"
STATE_BLOCK = re.compile(r"^MODELS_STATE = \(\n.*?\n\)\n", re.MULTILINE | re.DOTALL)
STATE_STRING = re.compile(r'"([A-Za-z0-9+/=]*)"')
VERSION_FILE = re.compile(r"^(\d+)_.+\.py$")


def migration_files(folder: Path = MIGRATIONS_DIR / APP) -> list[Path]:
    """The migrations in aerich's order: by number, then by name (a merged wave may share one)."""
    numbered = [(int(m.group(1)), path.name, path) for path in folder.glob("*.py")
                if (m := VERSION_FILE.match(path.name))]
    return [path for _number, _name, path in sorted(numbered)]


async def _describe() -> dict[str, Any]:
    await Tortoise.init(config=tortoise_config("sqlite://:memory:"))  # the describe is the same on PostgreSQL
    try:
        return get_models_describe(APP)
    finally:
        await Tortoise.close_connections()


async def current_state() -> dict[str, Any]:
    """The models as aerich would record them now (through its JSON, as read back from a file)."""
    # Tortoise keeps its state in a ContextVar: a context of its own leaves the caller's app alone.
    described = await asyncio.create_task(_describe(), context=contextvars.Context())
    return decompress_dict(compress_dict(described))


def recorded_state(migration: Path) -> dict[str, Any] | None:
    """The MODELS_STATE written in a migration file (None: it has none)."""
    block = STATE_BLOCK.search(migration.read_text())
    if block is None:
        return None
    return decompress_dict("".join(STATE_STRING.findall(block.group(0))))


def _by_name(describe: dict[str, Any]) -> dict[str, Any]:
    """A model's describe with its lists of fields in name order: Tortoise lists some fields (a
    model's foreign-key columns) in set order, which changes from one process to the next, and
    aerich matches fields by name."""
    return {key: sorted(value, key=lambda item: str(item["name"]))
            if isinstance(value, list) and all(isinstance(item, dict) and "name" in item for item in value) else value
            for key, value in describe.items()}


def drift(expected: dict[str, Any], recorded: dict[str, Any] | None) -> list[str]:
    """What the recorded state misses or gets wrong, one line per model; empty when it matches."""
    if recorded is None:
        return ["no MODELS_STATE"]
    expected = {name: _by_name(describe) for name, describe in expected.items()}
    recorded = {name: _by_name(describe) for name, describe in recorded.items()}
    lines = [f"{name}: missing" for name in sorted(set(expected) - set(recorded))]
    lines += [f"{name}: no such model" for name in sorted(set(recorded) - set(expected))]
    for name in sorted(set(expected) & set(recorded)):
        if expected[name] != recorded[name]:
            keys = sorted(key for key in set(expected[name]) | set(recorded[name])
                          if expected[name].get(key) != recorded[name].get(key))
            lines.append(f"{name}: differs in {', '.join(keys)}")
    return lines


def write_state(migration: Path, state: dict[str, Any]) -> None:
    """Replace the migration's MODELS_STATE with `state`, formatted as aerich writes it; a
    hand-written migration without one gets it appended."""
    text = migration.read_text()
    block = f"MODELS_STATE = (\n    {get_formatted_compressed_data(state)}\n)\n"
    if STATE_BLOCK.search(text) is None:
        migration.write_text(text.rstrip("\n") + "\n\n\n" + block)
        return
    migration.write_text(STATE_BLOCK.sub(lambda _match: block, text, count=1))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Check or rewrite the newest migration's MODELS_STATE.")
    parser.add_argument("--write", action="store_true", help="rewrite it from the models")
    args = parser.parse_args(argv)
    newest = migration_files()[-1]
    expected = asyncio.run(current_state())
    problems = drift(expected, recorded_state(newest))
    if not problems:
        print(f"{newest.name}: MODELS_STATE matches the models")
        return 0
    if args.write:
        write_state(newest, expected)
        print(f"{newest.name}: MODELS_STATE rewritten ({len(problems)} models differed)")
        return 0
    print(f"{newest.name}: MODELS_STATE differs from the models:\n  " + "\n  ".join(problems))
    return 1


if __name__ == "__main__":
    sys.exit(main())
