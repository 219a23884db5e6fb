"""Ids from a buffer of the system's randomness (infra/randomness.py): every byte handed out
once, a forked child never repeats its parent's, and the socket session ids keep
python-engineio's form."""

from __future__ import annotations

import asyncio
import base64
import os
import re

import pytest

from infra.randomness import RandomPool
from realtime.sio import FieldsyncEngine

pytestmark = pytest.mark.unit


def test_takes_are_the_sizes_asked_and_never_repeat():
    pool = RandomPool()
    taken = [pool.take(16) for _ in range(2_000)]  # several refills of the 4 KiB buffer
    assert {len(chunk) for chunk in taken} == {16}
    assert len(set(taken)) == len(taken)
    assert len(pool.take(10_000)) == 10_000  # more than a buffer at once


def test_a_forked_child_does_not_hand_out_its_parents_next_bytes():
    pool = RandomPool()
    pool.take(16)  # the buffer is filled: the parent's next bytes are in it
    read, write = os.pipe()
    child = os.fork()
    if child == 0:  # pragma: no cover - the child
        os.close(read)
        os.write(write, pool.take(32))
        os._exit(0)
    os.close(write)
    try:
        in_child = os.read(read, 32)
    finally:
        os.close(read)
        os.waitpid(child, 0)
    assert len(in_child) == 32
    assert pool.take(32) != in_child


def test_session_ids_keep_python_engineios_form():
    engine = FieldsyncEngine(async_mode="aiohttp")
    ids = [engine.generate_id() for _ in range(1_000)]
    assert len(set(ids)) == len(ids)
    for sid in ids[:50]:
        assert re.fullmatch(r"[A-Za-z0-9_-]{20}", sid)
    # 12 random bytes, then python-engineio's 3-byte sequence number
    first, second = (base64.urlsafe_b64decode(sid) for sid in ids[:2])
    assert int.from_bytes(second[12:], "big") == int.from_bytes(first[12:], "big") + 1


async def test_background_tasks_start_on_the_serving_loop_or_the_running_one():
    engine = FieldsyncEngine(async_mode="aiohttp")
    ran: list[str] = []

    async def work(label: str) -> None:
        ran.append(label)

    await engine.start_background_task(work, "before start-up")  # no serving loop yet
    await engine._remember_loop(None)
    assert engine._serving_loop is asyncio.get_running_loop()
    await engine.start_background_task(work, "serving")
    await engine._forget_loop(None)
    await engine.start_background_task(work, "after clean-up")
    assert ran == ["before start-up", "serving", "after clean-up"]
