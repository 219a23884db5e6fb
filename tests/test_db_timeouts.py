"""A hung or saturated PostgreSQL answers 503 with Retry-After within the configured bounds,
never a hang (issue 11, item 10). The database is really hung: another connection holds an
ACCESS EXCLUSIVE lock, so the request's statement blocks until its statement_timeout."""

from __future__ import annotations

import asyncio
import secrets
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import asyncpg
from tortoise import Tortoise

from app.db import PoolLimits, tortoise_config
from domain.shared.uow import unit_of_work
from tests.support.identity import register
from tests.support.messaging import emit, messaging_client, open_conversation
from tests.support.waiting import wait_until


@asynccontextmanager
async def locked(database_url: str, table: str) -> AsyncIterator[None]:
    conn = await asyncpg.connect(database_url.replace("postgres://", "postgresql://", 1))
    try:
        transaction = conn.transaction()
        await transaction.start()
        await conn.execute(f'LOCK TABLE "{table}" IN ACCESS EXCLUSIVE MODE')
        yield
        await transaction.rollback()
    finally:
        await conn.close()


async def lock_waiters(database_url: str, count: int) -> None:
    """Wait until `count` sessions of this database wait on a lock."""
    conn = await asyncpg.connect(database_url.replace("postgres://", "postgresql://", 1))

    async def waiting() -> bool:
        found = await conn.fetchval("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                                    "AND wait_event_type = 'Lock'")
        return int(found) >= count

    try:
        await wait_until(waiting, 10, f"{count} sessions waiting on the lock")
    finally:
        await conn.close()


async def timed_get(client, path: str, headers: dict[str, str], bound: float) -> tuple[int, dict, float, dict]:
    started = time.monotonic()
    # The old code hangs here until the lock goes: the wait_for turns that into a failure.
    response = await asyncio.wait_for(client.get(path, headers=headers), bound)
    return response.status, dict(response.headers), time.monotonic() - started, await response.json()


async def test_a_statement_stuck_behind_a_lock_is_a_503_with_retry_after(make_client, database_url):
    client = await make_client(db_statement_timeout_seconds=1, db_acquire_timeout_seconds=1)
    account = await register(client)
    async with locked(database_url, "user_account"):
        status, headers, elapsed, body = await timed_get(client, "/v1/me", account.headers, 6)
    assert status == 503 and body["code"] == "service_unavailable"
    assert int(headers["Retry-After"]) >= 1
    assert 0.9 <= elapsed < 4, elapsed  # the statement timeout, not the lock, decided
    assert (await client.get("/v1/me", headers=account.headers)).status == 200  # and it recovers


async def test_an_exhausted_pool_is_a_503_within_the_acquire_timeout(make_client, database_url):
    client = await make_client(db_pool_min=1, db_pool_max=2, db_statement_timeout_seconds=4,
                               db_acquire_timeout_seconds=0.5)
    account = await register(client)
    async with locked(database_url, "user_account"):
        stuck = [asyncio.ensure_future(client.get("/v1/me", headers=account.headers)) for _ in range(2)]
        await lock_waiters(database_url, 2)  # both pooled connections now wait on the lock
        status, headers, elapsed, body = await timed_get(client, "/v1/me", account.headers, 8)
        assert status == 503 and body["code"] == "service_unavailable" and "Retry-After" in headers
        assert elapsed < 3, elapsed  # the acquire timeout, not the 4 s statement timeout, decided
        assert [r.status for r in await asyncio.gather(*stuck)] == [503, 503]


async def test_a_socket_event_on_a_hung_database_gets_a_service_unavailable_ack(make_client, database_url):
    client = await make_client(db_statement_timeout_seconds=1, db_acquire_timeout_seconds=1)
    account = await register(client)
    conversation = await open_conversation(client, account, kind="support")
    socket = await messaging_client(str(client.make_url("")).rstrip("/"), account)
    try:
        async with locked(database_url, "message"):
            started = time.monotonic()
            ack = await emit(socket, "message:send", {"conversation_id": conversation["id"],
                                                      "client_msg_id": secrets.token_hex(8), "body": "hello"},
                             timeout=6)
            elapsed = time.monotonic() - started
    finally:
        await socket.close()
    assert ack["ok"] is False and ack["error"]["code"] == "service_unavailable", ack
    assert ack["error"]["details"]["retry_after"] >= 1 and elapsed < 4


async def test_a_transaction_cancelled_at_its_begin_gives_its_connection_back(database_url):
    """A task cancelled while its BEGIN is on the wire (a background job stopped at shutdown, a
    request given up) keeps no pooled connection: the pool still serves as many transactions at
    once as it holds, and closing it is immediate (Tortoise used to wait 10 s in its pool close
    for the connections lost that way, then terminate the pool)."""
    await Tortoise.init(config=tortoise_config(database_url, PoolLimits(2, 2, acquire_timeout=1)),
                        _enable_global_fallback=True)
    try:
        together = asyncio.Barrier(2)

        async def transaction(meet: bool = False) -> None:
            async with unit_of_work() as uow:
                await uow.connection.execute_query("SELECT 1")
                if meet:  # hold this connection until the other transaction has its own
                    await asyncio.wait_for(together.wait(), 5)

        await asyncio.gather(transaction(meet=True), transaction(meet=True))  # both connections open, idle
        for _ in range(3):
            task = asyncio.ensure_future(transaction())
            await asyncio.sleep(0)  # it takes an idle connection and sends BEGIN, then awaits the answer
            task.cancel()
            await asyncio.gather(task, return_exceptions=True)
        await asyncio.wait_for(asyncio.gather(transaction(meet=True), transaction(meet=True)), 5)
    finally:
        started = time.monotonic()
        await Tortoise.close_connections()
        closing = time.monotonic() - started
    assert closing < 5, closing


def test_the_serving_config_bounds_postgres_and_leaves_tools_unbounded() -> None:
    url = "postgres://u:p@127.0.0.1:5432/db"
    assert tortoise_config(url)["connections"]["default"] == url  # migrations: no statement timeout
    credentials = tortoise_config(url, PoolLimits(2, 7, 3.0, 12.5))["connections"]["default"]["credentials"]
    assert credentials["maxsize"] == 7 and credentials["acquire_timeout"] == 3.0
    assert credentials["server_settings"]["statement_timeout"] == "12500"
    assert credentials["command_timeout"] > 12.5


async def test_serving_connections_do_not_jit_compile(make_client) -> None:
    """A stock PostgreSQL <= 17 JIT-compiled every snapshot page (planner settings off inflate plan
    costs past jit_above_cost): 0.8 s a page instead of 0.03. The serving pool turns JIT off."""
    await make_client()
    async with Tortoise.get_connection("default").acquire_connection() as raw:
        assert await raw.fetchval("SHOW jit") == "off"
