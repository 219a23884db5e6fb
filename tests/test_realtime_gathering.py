"""The direct write path's gathering (realtime/engine.py `_Gathered`): a client's frames of one
loop iteration leave in one write during bursts, and a lone frame per client leaves at once when
the iterations before had no burst, always in order."""

from __future__ import annotations

import asyncio

import pytest

from realtime.engine import DirectWriter, _Gathered

pytestmark = pytest.mark.unit


class Transport:
    def __init__(self) -> None:
        self.writes: list[bytes] = []

    def write(self, data: bytes) -> None:
        self.writes.append(data)

    def is_closing(self) -> bool:
        return False

    def get_write_buffer_size(self) -> int:
        return 0


def clients(count: int) -> list[tuple[DirectWriter, Transport]]:
    made = []
    for _ in range(count):
        transport = Transport()
        made.append((DirectWriter(None, transport), transport))  # type: ignore[arg-type]
    return made


async def next_iteration() -> None:
    await asyncio.sleep(0)
    await asyncio.sleep(0)


async def test_a_burst_leaves_in_one_write_per_client_and_a_steady_rate_at_once():
    gathered, room = _Gathered(), clients(3)
    for n in range(3):  # a burst: three broadcasts in one iteration
        for writer, _ in room:
            gathered.add(writer, b"b%d" % n)
    assert all(t.writes == [] for _, t in room)  # gathered until the iteration ends
    await next_iteration()
    assert all(t.writes == [b"b0b1b2"] for _, t in room)

    for writer, _ in room:  # one broadcast after a burst: still gathered
        gathered.add(writer, b"s0")
    await next_iteration()
    assert all(t.writes[-1] == b"s0" for _, t in room)

    for writer, _ in room:  # the iteration before had one frame per client: this one leaves at once
        gathered.add(writer, b"s1")
    assert all(t.writes[-1] == b"s1" for _, t in room)
    for writer, _ in room:  # a second frame in the same iteration waits for its end, after the first
        gathered.add(writer, b"s2")
        gathered.add(writer, b"s3")
    assert all(t.writes[-1] == b"s1" for _, t in room)
    await next_iteration()
    assert all(t.writes == [b"b0b1b2", b"s0", b"s1", b"s2s3"] for _, t in room)

    for writer, _ in room:  # after that burst, gathering again
        gathered.add(writer, b"g")
    assert all(t.writes[-1] == b"s2s3" for _, t in room)
    await next_iteration()
    assert all(t.writes[-1] == b"g" for _, t in room)
