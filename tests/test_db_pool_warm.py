"""The serving pool opens its connections at start and warms each before it serves: the first sends
after a start (or a quiet spell) do not pay ~15 ms each to fill a cold connection's caches and
plans (app/settings.py DB_POOL_MIN, DB_POOL_WARM; infra/postgres_engine.py warm_connection)."""

from __future__ import annotations

import asyncio
import secrets
from contextlib import AsyncExitStack

import asyncpg
from structlog.testing import capture_logs
from tortoise.connection import connections

from domain.messaging import sending
from domain.shared.sql import PLANS_BEFORE_GENERIC, WarmUp
from infra.postgres_engine import warm_connection
from tests.support.identity import register
from tests.support.messaging import emit, messaging_client, open_conversation


async def pooled_plans(size: int) -> list[tuple[int, int] | None]:
    """(custom, generic) plans of the message group store on each of the pool's `size` connections,
    held at once so each is another connection; None where it was never prepared."""
    pool = connections.get("default")._pool
    store_many = sending.warm_ups()[0].sql  # after Tortoise.init: the send's read is written from the models
    async with AsyncExitStack() as stack:
        held = [await stack.enter_async_context(pool.acquire()) for _ in range(size)]
        assert len({connection.get_server_pid() for connection in held}) == size
        found = [await connection.fetchrow("SELECT custom_plans, generic_plans FROM pg_prepared_statements "
                                           "WHERE statement = $1", store_many) for connection in held]
    return [None if row is None else (row["custom_plans"], row["generic_plans"]) for row in found]


async def test_a_started_server_holds_its_whole_pool_warm_and_wrote_nothing(make_client, database_url):
    client = await make_client(db_pool_min=None, db_pool_max=3, db_pool_warm=True)
    pool = connections.get("default")._pool
    assert pool.get_size() == 3  # DB_POOL_MIN unset: the pool opens DB_POOL_MAX at start
    # Each connection planned the store five times and then cached its generic plan.
    assert await pooled_plans(3) == [(PLANS_BEFORE_GENERIC, 1)] * 3
    conn = await asyncpg.connect(database_url.replace("postgres://", "postgresql://", 1))
    try:
        written = await conn.fetchval("SELECT (SELECT count(*) FROM message) + (SELECT count(*) FROM outbox)")
    finally:
        await conn.close()
    assert written == 0
    # and the warmed connections serve sends as any other
    account = await register(client)
    conversation = await open_conversation(client, account, kind="support")
    socket = await messaging_client(str(client.make_url("")).rstrip("/"), account)
    try:
        acks = await asyncio.gather(*(
            emit(socket, "message:send", {"conversation_id": conversation["id"], "client_msg_id": secrets.token_hex(8),
                                          "body": f"hello {n}"}) for n in range(3)))
    finally:
        await socket.close()
    assert sorted(ack["data"]["message"]["seq"] for ack in acks) == [1, 2, 3], acks


async def test_without_warming_a_new_connection_has_nothing_prepared(make_client):
    await make_client(db_pool_min=2, db_pool_max=2, db_pool_warm=False)
    assert await pooled_plans(2) == [None, None]


async def test_a_warm_up_that_fails_is_logged_and_the_rest_still_run(database_url):
    conn = await asyncpg.connect(database_url.replace("postgres://", "postgresql://", 1))
    try:
        with capture_logs() as logs:
            warm_ups = [WarmUp("SELECT missing FROM nowhere", ()), WarmUp("SELECT $1::int + 1", (1,))]
            await warm_connection(lambda: warm_ups, conn)
        plans = await conn.fetchrow("SELECT custom_plans, generic_plans FROM pg_prepared_statements "
                                    "WHERE statement = 'SELECT $1::int + 1'")
        assert await conn.fetchval("SELECT 41 + 1") == 42  # no transaction left open or aborted
    finally:
        await conn.close()
    assert [entry["event"] for entry in logs] == ["db_warm_up_failed"]
    assert "nowhere" in logs[0]["error"]
    assert (plans["custom_plans"], plans["generic_plans"]) == (PLANS_BEFORE_GENERIC, 1)
