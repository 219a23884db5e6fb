"""The consent ledger's append-only rule on the embedded SQLite default (PostgreSQL: the consent
migration's triggers)."""

from __future__ import annotations

from tortoise.connection import connections

from domain.shared.uow import unit_of_work

TABLES = ("consent_record", "policy_acceptance")
TRIGGERS = tuple(
    f"""CREATE TRIGGER IF NOT EXISTS {table}_no_{op.lower()} BEFORE {op} ON {table}
       BEGIN SELECT RAISE(ABORT, '{table}: {op} refused (append-only)'); END"""
    for table in TABLES for op in ("UPDATE", "DELETE")
)


async def install_triggers() -> None:
    """Install the triggers on the default SQLite connection (idempotent)."""
    if connections.get("default").capabilities.dialect != "sqlite":
        return
    async with unit_of_work() as uow:
        for statement in TRIGGERS:
            await uow.connection.execute_query(statement)
