"""Built-in flag defaults in the `config` sync collection (issue 20): `flag.builtin_default`
marks a row that holds a built-in key's default as the catalog gives it. The rows themselves
are stored at start-up (FlagService.seed_builtins), which also adds a later release's new keys
and moves untouched defaults to that release's values: no catalog values are copied here.
No sync collection changes (the column is not synced)."""

from __future__ import annotations

from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        ALTER TABLE "flag" ADD COLUMN IF NOT EXISTS "builtin_default" BOOL NOT NULL DEFAULT FALSE;
        ALTER TABLE "flag" ALTER COLUMN "builtin_default" DROP DEFAULT;"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        ALTER TABLE "flag" DROP COLUMN IF EXISTS "builtin_default";"""
