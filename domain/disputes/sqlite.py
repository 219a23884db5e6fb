"""The timeline's append-only rule on the embedded SQLite default (PostgreSQL: migration 9)."""

from __future__ import annotations

from tortoise.connection import connections

from domain.shared.uow import unit_of_work

TRIGGERS = (
    """CREATE TRIGGER IF NOT EXISTS dispute_entry_no_update BEFORE UPDATE ON dispute_entry
       BEGIN SELECT RAISE(ABORT, 'dispute entries are append-only'); END""",
    """CREATE TRIGGER IF NOT EXISTS dispute_entry_no_delete BEFORE DELETE ON dispute_entry
       BEGIN SELECT RAISE(ABORT, 'dispute entries are append-only'); END""",
)


async def install_triggers() -> None:
    """Install the triggers on the default SQLite connection (idempotent)."""
    if connections.get("default").capabilities.dialect != "sqlite":
        return
    async with unit_of_work() as uow:
        for statement in TRIGGERS:
            await uow.connection.execute_query(statement)
