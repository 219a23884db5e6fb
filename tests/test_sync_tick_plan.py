"""The tick's move reads `sync_op_pending` by its primary key on the PostgreSQL the tests run
(migration 34). The table never shrinks, so a move that read it page by page would, after a burst,
read every emptied page at every tick; PostgreSQL 17 and later dropped the old `IS NOT NULL`
condition while planning and did exactly that."""

from __future__ import annotations

import re
from typing import Any

import orjson
import pytest
from tortoise.connection import connections
from tortoise.transactions import in_transaction

from domain.shared import sql
from sync.ticker import Ticker

BURST = 5_000
WRITE = ("INSERT INTO sync_op_pending (xact, collection, row_id, scope, op, version, data) "
         "SELECT pg_current_xact_id()::text::bigint, 'messages', 'burst-' || g, 'conversation:burst', 'u', 1, "
         "repeat('x', 400) FROM generate_series(1, $1) AS g")


async def _move_plan() -> list[str]:
    """The scans of the installed `sync_tick`'s DELETE, planned with the function's own settings."""
    conn = connections.get("default")
    definition = (await sql.rows(conn, "SELECT pg_get_functiondef('sync_tick(bigint,boolean,boolean)'::regprocedure)"
                                       " AS d", []))[0]["d"]
    move = re.search(r"DELETE FROM sync_op_pending AS d (WHERE [^\n]*)\n", definition)
    assert move is not None, "the tick's move is not where it was"
    settings = dict(re.findall(r"^ SET (\w+) TO '?(\w+)'?$", definition, re.MULTILINE))
    assert settings == {"enable_seqscan": "off", "enable_bitmapscan": "off"}, settings
    async with in_transaction() as tx:
        for name, value in settings.items():
            await tx.execute_query(f"SET LOCAL {name} = {value}")
        rows = await sql.rows(tx, f"EXPLAIN (FORMAT JSON) DELETE FROM sync_op_pending AS d {move.group(1)} "
                                  "RETURNING d.id", [])
        await tx.rollback()
    found: list[str] = []

    def walk(node: dict[str, Any]) -> None:
        if node.get("Relation Name") == "sync_op_pending" and str(node["Node Type"]).endswith("Scan"):
            found.append(str(node["Node Type"]))
        for child in node.get("Plans", []):
            walk(child)

    plan = rows[0]["QUERY PLAN"]
    walk((orjson.loads(plan) if isinstance(plan, str) else plan)[0]["Plan"])
    return found


async def test_after_a_burst_a_tick_reads_the_pending_ops_by_key_not_every_page(client):
    conn = connections.get("default")
    if not sql.is_postgres(conn):
        pytest.skip("the demo's SQLite moves pending ops by id range (sync/sqlite.py)")
    await sql.rows(conn, WRITE + " RETURNING 1", [BURST])  # a burst, committed
    await Ticker(interval=60).position()  # moved (by this tick or the app's), leaving its pages dead
    await conn.execute_script("VACUUM (TRUNCATE false) sync_op_pending")  # emptied, as the ticker leaves them
    pages = (await sql.rows(conn, "SELECT pg_relation_size('sync_op_pending') / 8192 AS pages", []))[0]["pages"]
    assert pages >= 50, pages  # the table kept the burst's size

    assert await _move_plan() == ["Index Scan"]
