"""Group commit of one-row statements (domain/shared/grouping.py): alone at low load, grouped
while one is in flight, each call with its own answer or its own error."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence

import pytest

from domain.shared.grouping import StatementGroups


class Store:
    """A statement that takes a while: records how it was called."""

    def __init__(self, fail_many: bool = False) -> None:
        self.alone: list[int] = []
        self.grouped: list[list[int]] = []
        self.fail_many = fail_many
        self.gate = asyncio.Event()

    async def one(self, item: int) -> int:
        self.alone.append(item)
        await self.gate.wait()
        if item < 0:
            raise ValueError(f"bad {item}")
        return item * 10

    async def many(self, items: Sequence[int]) -> list[int]:
        self.grouped.append(list(items))
        await self.gate.wait()
        if self.fail_many:
            raise ConnectionError("the statement failed as a whole")
        return [item * 10 for item in items]


async def test_the_first_call_runs_alone_and_the_ones_meanwhile_go_together() -> None:
    store = Store()
    groups = StatementGroups("test", store.one, store.many)
    first = asyncio.create_task(groups.run(1))
    await asyncio.sleep(0)
    rest = [asyncio.create_task(groups.run(n)) for n in range(2, 7)]
    await asyncio.sleep(0)
    store.gate.set()
    assert await first == 10
    assert [await task for task in rest] == [20, 30, 40, 50, 60]
    assert store.alone == [1] and store.grouped == [[2, 3, 4, 5, 6]] and groups.groups == 1


async def test_a_group_that_fails_as_a_whole_answers_each_call_on_its_own() -> None:
    store = Store(fail_many=True)
    groups = StatementGroups("test", store.one, store.many)
    first = asyncio.create_task(groups.run(1))
    await asyncio.sleep(0)
    rest = [asyncio.create_task(groups.run(n)) for n in (2, -3, 4)]
    await asyncio.sleep(0)
    store.gate.set()
    await first
    results = await asyncio.gather(*rest, return_exceptions=True)
    assert results[0] == 20 and results[2] == 40
    assert isinstance(results[1], ValueError) and str(results[1]) == "bad -3"  # its own error only
    assert store.alone == [1, 2, -3, 4] and groups.groups == 0


async def test_a_caller_that_goes_away_does_not_cancel_its_group() -> None:
    store = Store()
    groups = StatementGroups("test", store.one, store.many)
    first = asyncio.create_task(groups.run(1))
    await asyncio.sleep(0)
    leaving, staying = asyncio.create_task(groups.run(2)), asyncio.create_task(groups.run(3))
    await asyncio.sleep(0)
    leaving.cancel()
    store.gate.set()
    await first
    assert await staying == 30
    with pytest.raises(asyncio.CancelledError):
        await leaving
    assert store.grouped == [[2, 3]]  # its statement ran, with its row


async def test_groups_are_capped_and_a_stalled_statement_lets_a_second_start() -> None:
    store = Store()
    groups = StatementGroups("test", store.one, store.many, max_group=2, stall=0.01)
    first = asyncio.create_task(groups.run(1))
    await asyncio.sleep(0)
    rest = [asyncio.create_task(groups.run(n)) for n in range(2, 6)]
    await asyncio.sleep(0.05)  # the first is stalled: a group of two starts beside it, and no third
    assert store.grouped == [[2, 3]]
    store.gate.set()
    assert await first == 10 and [await task for task in rest] == [20, 30, 40, 50]
    assert store.grouped == [[2, 3], [4, 5]]
