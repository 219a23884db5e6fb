"""The app's own event consumers (bus/subscriptions.py), on the in-process bus and on Kafka:
each committed event is handled once, and after-commit side effects run only once the
handler's effects are visible to everyone else, never for a rolled-back attempt."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Callable
from typing import Any

import asyncpg
import pytest
from aiohttp.test_utils import TestClient, TestServer

from app.bootstrap import SUBSCRIPTIONS, build_app
from app.settings import Settings
from bus import Envelope
from domain.shared.uow import UnitOfWork, unit_of_work
from tests.conftest import Services, truncate_all
from tests.support.bus import EFFECT_TABLE, effects_table, event, record, tortoise_on, wait_until


@pytest.mark.parametrize("transport", ["in-process", "kafka"])
async def test_after_commit_side_effects_see_the_committed_effects(
    transport: str, settings_factory: Callable[..., Settings], database_url: str, services: Services
) -> None:
    await truncate_all(database_url)
    overrides: dict[str, Any] = {}
    if transport == "kafka":
        overrides = {"kafka_bootstrap": services.kafka_bootstrap, "kafka_topic_prefix": f"t{uuid.uuid4().hex[:8]}."}
    app = build_app(settings_factory(**overrides))
    attempts: dict[str, int] = {}
    seen_after_commit: list[tuple[str, int]] = []
    dsn = database_url.replace("postgres://", "postgresql://", 1)

    async def visible_effects(event_id: str) -> int:
        conn = await asyncpg.connect(dsn)  # another connection: sees committed rows only
        try:
            return int(await conn.fetchval(f"SELECT count(*) FROM {EFFECT_TABLE} WHERE event_id = $1",
                                           uuid.UUID(event_id)))
        finally:
            await conn.close()

    async def handler(envelope: Envelope, uow: UnitOfWork) -> None:
        await uow.connection.execute_query(f"INSERT INTO {EFFECT_TABLE} (consumer, event_id) VALUES ($1, $2)",
                                 ["feed-test", envelope.event_id])
        attempts[envelope.event_id] = attempts.get(envelope.event_id, 0) + 1

        async def side_effect() -> None:
            seen_after_commit.append((envelope.event_id, await visible_effects(envelope.event_id)))

        uow.after_commit(side_effect)
        if envelope.body["data"].get("fail_first") and attempts[envelope.event_id] == 1:
            raise RuntimeError("first attempt fails after registering its side effect")

    app[SUBSCRIPTIONS].add("feed-test", handler)
    async with effects_table(database_url):
        client = TestClient(TestServer(app, host="127.0.0.1"))
        await client.start_server()
        try:
            plain = event(stream="domain", type="job.opened", subject="job-1")
            flaky = event(stream="domain", type="job.opened", subject="job-2", data={"fail_first": True})
            await record(plain, flaky)
            async def both_seen() -> bool:
                return len(seen_after_commit) >= 2

            await wait_until(both_seen, 90, "both side effects")
            await asyncio.sleep(0.5)  # nothing more may arrive
        finally:
            await client.close()
    # Each event's side effect ran once, after its effect (exactly one row) was committed.
    assert sorted(seen_after_commit) == sorted([(str(plain.event_id), 1), (str(flaky.event_id), 1)])
    assert attempts[str(flaky.event_id)] == 2


async def test_after_commit_outside_a_handler_is_refused(database_url: str) -> None:
    """A side effect cannot be registered where no transaction collects it: with the unit of
    work it belongs to over, registering is refused (not run unconditionally)."""
    async def nothing() -> None:
        return None

    async with tortoise_on(database_url):
        async with unit_of_work() as uow:
            pass
        with pytest.raises(RuntimeError):
            uow.after_commit(nothing)


# Bus plumbing tests record made-up events (`test.happened`, fake payloads) on purpose: the
# contract guard (tests/support/contract_guard.py) lets them through.
pytestmark = pytest.mark.off_contract_emits
