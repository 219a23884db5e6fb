"""Idempotency-Key when our own side fails (issue 13 item 9, docs/idempotency.md), on real
PostgreSQL, through a probe route whose handler a test scripts step by step: a 5xx that wrote
nothing is not kept, one after a commit is; a crash between commit and answer never runs twice; a
stuck first attempt is taken over and can no longer commit; a duplicate that waits too long gets
409; a commit guard runs once in the outermost transaction."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Any

import aiohttp
import pytest
from aiohttp.test_utils import TestClient, TestServer
from pydantic import BaseModel

from app.bootstrap import build_app
from app.settings import Settings
from domain.shared import inbox
from domain.shared.inbox import ProcessedEvent
from domain.shared.uow import UnitOfWork, guard_commits, unit_of_work
from rest.routing import ApiRequest, RouteTable
from tests.conftest import AppFactory, close_or_explain
from tests.support.bookings import ok
from tests.support.identity import Account, register

KEY = "Idempotency-Key"
REPLAYED = "Idempotent-Replayed"


# --- Failures of our own: a probe route whose handler a test scripts step by step ---------

class ProbeIn(BaseModel):
    tag: str


class ProbeOut(BaseModel):
    tag: str
    call: int


class Probe:
    """What the next calls of the probe handler do ("ok" when the script is empty)."""

    def __init__(self) -> None:
        self.script: list[str] = []
        self.calls = 0
        self.holding = asyncio.Event()
        self.release = asyncio.Event()


PROBE = Probe()
probe_routes = RouteTable(tags=("test",))


@probe_routes.post("/test/probe", body=ProbeIn, response=ProbeOut, status=201, auth=True, summary="Test probe")
async def run_probe(req: ApiRequest[ProbeIn, None]) -> ProbeOut:
    PROBE.calls += 1
    call = PROBE.calls
    step = PROBE.script.pop(0) if PROBE.script else "ok"
    if step == "fail_before_commit":
        raise RuntimeError("probe failed before writing anything")
    async with unit_of_work() as uow:
        if step == "hold":  # a slow (or stuck) first attempt
            PROBE.holding.set()
            await PROBE.release.wait()
        await inbox.claim(req.body.tag, uuid.uuid4(), uow.connection)
    if step == "fail_after_commit":
        raise RuntimeError("probe failed after its commit")
    if step == "crash_after_commit":  # the process stops between the commit and storing the answer
        raise asyncio.CancelledError
    return ProbeOut(tag=req.body.tag, call=call)


@asynccontextmanager
async def probe_app(settings_factory: Callable[..., Settings], **settings: Any) -> AsyncIterator[TestClient]:
    app = build_app(settings_factory(**settings))
    probe_routes.mount(app)
    client = TestClient(TestServer(app, host="127.0.0.1"))
    await client.start_server()
    try:
        yield client
    finally:
        await close_or_explain(client)


@pytest.fixture
async def probe(make_client: AppFactory, settings_factory: Callable[..., Settings]) -> AsyncIterator[Any]:
    del make_client  # only for its fresh database
    global PROBE
    PROBE = Probe()

    @asynccontextmanager
    async def start(**settings: Any) -> AsyncIterator[tuple[TestClient, Account]]:
        async with probe_app(settings_factory, **settings) as client:
            yield client, await register(client, "customer")

    yield start


async def written(tag: str) -> int:
    return await ProcessedEvent.filter(consumer=tag).count()


async def test_a_5xx_that_wrote_nothing_is_not_kept_and_the_retry_runs(probe):
    async with probe() as (client, user):
        PROBE.script = ["fail_before_commit"]
        headers = {**user.headers, KEY: "p1"}
        first = await client.post("/v1/test/probe", headers=headers, json={"tag": "p1"})
        assert first.status == 500
        second = await ok(await client.post("/v1/test/probe", headers=headers, json={"tag": "p1"}), 201)
        assert second["call"] == 2 and PROBE.calls == 2
        assert await written("p1") == 1


async def test_a_5xx_after_a_commit_is_kept_so_the_retry_does_not_write_again(probe):
    async with probe() as (client, user):
        PROBE.script = ["fail_after_commit"]
        headers = {**user.headers, KEY: "p2"}
        first = await client.post("/v1/test/probe", headers=headers, json={"tag": "p2"})
        assert first.status == 500
        second = await client.post("/v1/test/probe", headers=headers, json={"tag": "p2"})
        assert second.status == 500 and second.headers[REPLAYED] == "true"
        assert await second.read() == await first.read()
        assert PROBE.calls == 1 and await written("p2") == 1


async def test_a_crash_between_commit_and_answer_never_runs_twice(probe):
    async with probe(idempotency_lease_seconds=0.3) as (client, user):
        PROBE.script = ["crash_after_commit"]
        headers = {**user.headers, KEY: "p3"}
        with pytest.raises(aiohttp.ClientError):
            await client.post("/v1/test/probe", headers=headers, json={"tag": "p3"})
        # The retry waits out the first attempt's lease, then learns the outcome is unknown.
        retry = await client.post("/v1/test/probe", headers=headers, json={"tag": "p3"})
        assert retry.status == 409
        assert (await retry.json())["code"] == "idempotency_response_lost"
        assert PROBE.calls == 1 and await written("p3") == 1


async def test_a_stuck_first_attempt_is_taken_over_and_can_no_longer_commit(probe):
    async with probe(idempotency_lease_seconds=0.3) as (client, user):
        PROBE.script = ["hold"]
        headers = {**user.headers, KEY: "p4"}
        stuck = asyncio.ensure_future(client.post("/v1/test/probe", headers=headers, json={"tag": "p4"}))
        await PROBE.holding.wait()
        # A retry waits for the lease, reclaims the key and runs.
        retry = await ok(await client.post("/v1/test/probe", headers=headers, json={"tag": "p4"}), 201)
        assert retry["call"] == 2
        PROBE.release.set()  # the first attempt wakes up and tries to commit: its fence refuses
        first = await stuck
        assert first.status == 409 and (await first.json())["code"] == "idempotency_key_in_progress"
        assert await written("p4") == 1
        replay = await client.post("/v1/test/probe", headers=headers, json={"tag": "p4"})
        assert replay.headers[REPLAYED] == "true" and (await replay.json())["call"] == 2


async def test_a_duplicate_that_waits_too_long_gets_409_in_progress(probe):
    async with probe(idempotency_wait_seconds=0.2) as (client, user):
        PROBE.script = ["hold"]
        headers = {**user.headers, KEY: "p5"}
        first = asyncio.ensure_future(client.post("/v1/test/probe", headers=headers, json={"tag": "p5"}))
        await PROBE.holding.wait()
        busy = await client.post("/v1/test/probe", headers=headers, json={"tag": "p5"})
        assert busy.status == 409 and "Retry-After" in busy.headers
        assert (await busy.json())["code"] == "idempotency_key_in_progress"
        PROBE.release.set()
        await ok(await first, 201)
        assert PROBE.calls == 1 and await written("p5") == 1


async def test_a_commit_guard_runs_once_in_the_outermost_transaction_and_can_veto_it(make_client):
    await make_client()  # the database
    seen: list[bool] = []
    veto = False

    async def guard(uow: UnitOfWork) -> None:
        seen.append(uow.outer is None)
        if veto:
            raise RuntimeError("vetoed")

    with guard_commits(guard):
        async with unit_of_work() as uow:
            await inbox.claim("guarded", uuid.uuid4(), uow.connection)
            async with unit_of_work() as inner:  # a savepoint: no guard of its own
                await inbox.claim("guarded", uuid.uuid4(), inner.connection)
        assert seen == [True] and await written("guarded") == 2
        veto = True
        with pytest.raises(RuntimeError):
            async with unit_of_work() as uow:
                await inbox.claim("guarded", uuid.uuid4(), uow.connection)
        assert await written("guarded") == 2  # the guard's raise rolled the whole unit back
    async with unit_of_work() as uow:  # outside the block: no guard
        await inbox.claim("guarded", uuid.uuid4(), uow.connection)
    assert seen == [True, True] and await written("guarded") == 3
