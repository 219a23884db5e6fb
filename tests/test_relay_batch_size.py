"""The in-process relay's batch size follows its time budget (bus/relay.py, issue 19 target 2):
a backlog that its reactions take quickly goes in whole commits and more, a slow batch shrinks
the next one back towards the floor, and without a budget (Kafka) every batch is the maximum."""

from __future__ import annotations

import pytest

from bus.relay import BatchSize

pytestmark = pytest.mark.unit


def test_without_a_budget_every_batch_is_the_maximum():
    size = BatchSize(200, 16, None)
    size.observe(200, 30.0)
    assert size.current == 200


def test_fast_full_batches_grow_by_doubling_up_to_the_maximum():
    size = BatchSize(200, 16, 0.25)
    seen = [size.current]
    for _ in range(5):
        size.observe(size.current, 0.001)  # far under the budget
        seen.append(size.current)
    assert seen == [16, 32, 64, 128, 200, 200]


def test_a_batch_grows_only_as_far_as_its_time_per_row_fits_the_budget():
    size = BatchSize(500, 16, 0.25)
    size.current = 100
    size.observe(100, 0.2)  # 2 ms a row: 125 rows fit in 0.25 s
    assert size.current == 125


def test_a_slow_batch_shrinks_the_next_one_never_below_the_floor():
    size = BatchSize(200, 16, 0.25)
    size.current = 200
    size.observe(200, 1.0)  # 5 ms a row: 50 fit
    assert size.current == 50
    size.observe(50, 60.0)  # a lock wait under load
    assert size.current == 16


def test_a_partial_batch_may_shrink_the_size_but_not_grow_it():
    size = BatchSize(200, 16, 0.25)
    size.current = 64
    size.observe(10, 0.001)  # all there was: says nothing of a bigger batch
    assert size.current == 64
    size.observe(40, 0.5)  # slow even so
    assert size.current == 20


def test_the_floor_is_never_above_the_maximum():
    size = BatchSize(7, 16, 0.25)
    assert size.current == 7
    size.observe(7, 0.001)
    assert size.current == 7
