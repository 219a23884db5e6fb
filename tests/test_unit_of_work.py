"""The unit of work's contract (domain/shared/uow.py), on PostgreSQL and on SQLite: callbacks
run once after the commit and see it from other connections, never after a rollback; nested
units hand theirs to the outermost; a failing callback is logged and counted and the commit
stands; commits that recorded events wake the observers; audit records buffered for the commit
are written with their ids, and a failed savepoint drops its own."""

from __future__ import annotations

import asyncio
import logging
import sqlite3
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from uuid import UUID, uuid4

import asyncpg
import pytest
from prometheus_client import REGISTRY
from tortoise import Tortoise
from tortoise.backends.base.executor import EXECUTOR_CACHE

from app.db import tortoise_config
from app.migrate import migrate
from domain.audit import services as audit
from domain.audit.models import AuditRecord
from domain.shared.context import RequestContext
from domain.shared.events import DomainEvent
from domain.shared.outbox import OutboxEvent
from domain.shared.uow import UnitOfWork, observe_commits, unit_of_work, within
from tests.conftest import truncate_all

# Reads what other connections see: committed rows only.
Committed = Callable[[UUID], Awaitable[bool]]


class Boom(Exception):
    pass


@pytest.fixture(params=["postgres", "sqlite"])
async def committed(request: pytest.FixtureRequest, database_url: str, tmp_path: Path) -> AsyncIterator[Committed]:
    """Tortoise on a real database of each dialect, and a reader on a separate connection."""
    if request.param == "postgres":
        await truncate_all(database_url)
        url = database_url
        dsn = database_url.replace("postgres://", "postgresql://", 1)

        async def seen(event_id: UUID) -> bool:
            conn = await asyncpg.connect(dsn)
            try:
                return bool(await conn.fetchval("SELECT count(*) FROM outbox WHERE event_id = $1", event_id))
            finally:
                await conn.close()
    else:
        path = tmp_path / "uow.sqlite3"
        url = f"sqlite://{path}"
        await migrate(url)

        async def seen(event_id: UUID) -> bool:
            def read() -> bool:
                with sqlite3.connect(path) as conn:
                    row = conn.execute("SELECT count(*) FROM outbox WHERE event_id = ?", (str(event_id),)).fetchone()
                return bool(row[0])

            return await asyncio.to_thread(read)

    # Tortoise caches each table's INSERT per connection name, whatever the dialect: an earlier
    # test on the other dialect (here or in the same worker) would leave its SQL behind.
    EXECUTOR_CACHE.clear()
    await Tortoise.init(config=tortoise_config(url), _enable_global_fallback=True)
    try:
        yield seen
    finally:
        await Tortoise.close_connections()
        EXECUTOR_CACHE.clear()


def an_event() -> DomainEvent:
    return DomainEvent(stream="domain", type="test.happened", subject="s-1")


def failures() -> float:
    return REGISTRY.get_sample_value("fieldsync_after_commit_failures_total") or 0.0


async def test_callbacks_run_once_after_the_commit_and_see_it(committed: Committed) -> None:
    event, seen_then = an_event(), []
    async with unit_of_work() as uow:
        await uow.record(event)

        async def check() -> None:
            seen_then.append(await committed(event.event_id))

        uow.after_commit(check)
        uow.after_commit(lambda: seen_then.append("sync callbacks too"))
        assert seen_then == []  # nothing runs before the commit
    assert seen_then == [True, "sync callbacks too"]


async def test_a_rollback_drops_the_callbacks_and_the_event(committed: Committed) -> None:
    event, ran = an_event(), []
    with pytest.raises(Boom):
        async with unit_of_work() as uow:
            await uow.record(event)
            uow.after_commit(lambda: ran.append("never"))
            raise Boom
    assert ran == []
    assert not await committed(event.event_id)


async def test_nested_units_hand_their_callbacks_to_the_outermost(committed: Committed) -> None:
    inner_event, order = an_event(), []
    async with unit_of_work() as outer:
        outer.after_commit(lambda: order.append("outer"))
        async with unit_of_work() as inner:
            await inner.record(inner_event)
            inner.after_commit(lambda: order.append("inner"))
        assert order == []  # the inner block ended, but nothing is committed yet
        assert not await committed(inner_event.event_id)
    assert order == ["outer", "inner"]
    assert await committed(inner_event.event_id)


async def test_an_outer_rollback_drops_what_a_clean_inner_unit_collected(committed: Committed) -> None:
    inner_event, ran = an_event(), []
    with pytest.raises(Boom):
        async with unit_of_work():
            async with unit_of_work() as inner:
                await inner.record(inner_event)
                inner.after_commit(lambda: ran.append("inner"))
            raise Boom
    assert ran == []
    assert not await committed(inner_event.event_id)


async def test_a_failed_inner_unit_is_a_savepoint_the_outer_one_survives(committed: Committed) -> None:
    kept, dropped, ran = an_event(), an_event(), []
    async with unit_of_work() as outer:
        await outer.record(kept)
        outer.after_commit(lambda: ran.append("outer"))
        with pytest.raises(Boom):
            async with unit_of_work() as inner:
                await inner.record(dropped)
                inner.after_commit(lambda: ran.append("inner"))
                raise Boom
    assert ran == ["outer"]
    assert await committed(kept.event_id)
    assert not await committed(dropped.event_id)


async def test_a_failing_callback_is_logged_and_counted_and_the_commit_stands(
    committed: Committed, caplog: pytest.LogCaptureFixture
) -> None:
    event, ran, before = an_event(), [], failures()

    def broken() -> None:
        raise RuntimeError("socket server away")

    with caplog.at_level(logging.ERROR, logger="domain.shared.uow"):
        async with unit_of_work() as uow:
            await uow.record(event)
            uow.after_commit(broken)
            uow.after_commit(lambda: ran.append("the next one still runs"))
    assert await committed(event.event_id)
    assert ran == ["the next one still runs"]
    assert failures() == before + 1
    assert any("after_commit_failed" in record.getMessage() for record in caplog.records)


async def test_observers_hear_commits_that_recorded_events_only(committed: Committed) -> None:
    woken: list[str] = []
    stop = observe_commits(lambda: woken.append("relay"))
    try:
        async with unit_of_work() as uow:
            await OutboxEvent.filter(id=-1).using_db(uow.connection).exists()  # a write-free unit
        assert woken == []
        async with unit_of_work():
            async with unit_of_work() as inner:
                await inner.record(an_event())
            assert woken == []  # the inner one committed nothing yet
        assert woken == ["relay"]
        with pytest.raises(Boom):
            async with unit_of_work() as uow:
                await uow.record(an_event())
                raise Boom
        assert woken == ["relay"]
    finally:
        stop()


async def test_an_ended_unit_refuses_new_work(committed: Committed) -> None:
    async with unit_of_work() as uow:
        pass
    ended: UnitOfWork = uow
    with pytest.raises(RuntimeError):
        ended.after_commit(lambda: None)
    with pytest.raises(RuntimeError):
        await ended.record(an_event())


async def test_audit_records_are_written_at_the_commit_with_their_ids_and_a_failed_savepoint_drops_its_own(
    committed: Committed,
) -> None:
    subject, kept, dropped = f"s-{uuid4()}", an_event(), an_event()

    async def audited(uow: UnitOfWork, action: str, events: list[DomainEvent]) -> None:
        await audit.record(uow, actor=None, action=action, subject_type="test", subject_id=subject,
                           context=RequestContext(request_id="r-1"), after={"n": 1}, events=events)

    async with unit_of_work() as outer:
        await audited(outer, "test.kept", [kept])
        with pytest.raises(Boom):
            async with unit_of_work() as inner:
                await audited(inner, "test.dropped", [dropped])
                raise Boom
        async with unit_of_work() as inner:
            await audited(inner, "test.inner", [])
    assert await committed(kept.event_id)
    assert not await committed(dropped.event_id)
    records = await AuditRecord.filter(subject_id=subject).order_by("id")
    assert [(r.action, r.request_id, r.after) for r in records] == [("test.kept", "r-1", {"n": 1}),
                                                                   ("test.inner", "r-1", {"n": 1})]
    events = await OutboxEvent.filter(key=subject).order_by("id")
    assert [(e.type, e.body["data"]["audit_id"]) for e in events] == [("audit.test.kept", records[0].id),
                                                                      ("audit.test.inner", records[1].id)]
    # The caller's own event was written just before its audit record's event.
    assert (await OutboxEvent.get(event_id=kept.event_id)).id < events[0].id


# Bus plumbing tests record made-up events (`test.happened`, fake payloads) on purpose: the
# contract guard (tests/support/contract_guard.py) lets them through.
pytestmark = pytest.mark.off_contract_emits


async def test_within_a_caller_savepoint_a_joined_unit_is_undone_with_it(committed: Committed, request) -> None:
    """`within(join=True)` (the offline push): the first unit of work inside takes the caller's
    savepoint; rolling back to it drops what the unit wrote and collected, the rest stands; a
    swallowed error of a joined unit is refused, not half kept."""
    if request.node.callspec.params["committed"] != "postgres":
        pytest.skip("the caller's savepoint is PostgreSQL SQL (sync/push.py)")
    kept, dropped, later, ran = an_event(), an_event(), an_event(), []
    async with unit_of_work() as outer:
        conn = outer.connection
        await conn.execute_script("SAVEPOINT s")
        async with within(outer, join=True):
            async with unit_of_work() as joined:
                await joined.record(kept)
                joined.after_commit(lambda: ran.append("kept"))
        await conn.execute_script("RELEASE SAVEPOINT s; SAVEPOINT s")
        with pytest.raises(Boom):
            async with within(outer, join=True):
                async with unit_of_work() as joined:
                    await joined.record(dropped)
                    joined.after_commit(lambda: ran.append("dropped"))
                    raise Boom
        await conn.execute_script("ROLLBACK TO SAVEPOINT s")
        await conn.execute_script("RELEASE SAVEPOINT s; SAVEPOINT s")
        with pytest.raises(RuntimeError):
            async with within(outer, join=True):
                with pytest.raises(Boom):
                    async with unit_of_work() as joined:
                        raise Boom
                async with unit_of_work() as second:  # not joined: a savepoint of its own
                    await second.record(later)
        await conn.execute_script("ROLLBACK TO SAVEPOINT s")
    assert ran == ["kept"]
    assert await committed(kept.event_id)
    assert not await committed(dropped.event_id)
    assert not await committed(later.event_id)


async def test_buffered_events_are_written_at_the_commit_in_order_and_a_failed_savepoint_drops_its_own(
    committed: Committed,
) -> None:
    """`buffer_events` (the offline push): what `record` is given is written just before the
    commit, in the order recorded (ids follow it), with the observers woken; nothing before."""
    subject = f"s-{uuid4()}"
    first, dropped, second, third = (DomainEvent(stream="domain", type="test.happened", subject=subject,
                                                 data={"n": n}) for n in range(4))
    woken: list[int] = []
    unregister = observe_commits(lambda: woken.append(1))
    try:
        async with unit_of_work() as outer:
            outer.buffer_events()
            row = await outer.record(first)
            assert row.id is None and not await committed(first.event_id)  # not written yet
            with pytest.raises(Boom):
                async with unit_of_work() as inner:
                    await inner.record(dropped)
                    raise Boom
            async with unit_of_work() as inner:
                await inner.record(second)
            await outer.record(third)
    finally:
        unregister()
    assert woken == [1]
    assert not await committed(dropped.event_id)
    events = await OutboxEvent.filter(key=subject).order_by("id")
    assert [e.body["data"]["n"] for e in events] == [0, 2, 3]
    assert [e.event_id for e in events] == [first.event_id, second.event_id, third.event_id]


async def test_buffered_events_keep_their_place_before_an_audit_records_events(committed: Committed) -> None:
    """Unbuffered, `record` writes at once and an audit record's events at the commit, so one
    key's recorded event leaves before its audited one; buffering must not turn that round when
    the audit record came first."""
    subject = f"s-{uuid4()}"
    audited, recorded = (DomainEvent(stream="domain", type="test.happened", subject=subject, data={"n": n})
                         for n in range(2))
    async with unit_of_work() as outer:
        outer.buffer_events()
        await audit.record(outer, actor=None, action="test.audited", subject_type="test", subject_id=subject,
                           context=RequestContext(request_id="r-1"), after={"n": 0}, events=[audited])
        await outer.record(recorded)
    events = await OutboxEvent.filter(key=subject, type="test.happened").order_by("id")
    assert [e.event_id for e in events] == [recorded.event_id, audited.event_id]
