"""Garbage-collector settings for a long-running server.

Profiled under the 500-user load (py-spy --native), CPython's cyclic collector took over half of
the event loop's time: every full collection walks every object the process holds (the ORM's
model metadata, schemas, catalogues, one session per socket), and a busy server triggers them
often. Two standard remedies: objects alive once the app has started move to the permanent
generation (`gc.freeze`, never scanned again), and the youngest generation is collected after
more allocations, so fewer objects survive into the old generations by accident of timing.
Reference cycles are still collected; only how often and over what changes."""

from __future__ import annotations

import gc

# gen0 after this many net allocations (CPython's default is 700); gen1 and gen2 keep their ratios.
YOUNG_THRESHOLD = 50_000
MIDDLE_RATIO = 20
OLD_RATIO = 20


def tune_for_serving() -> None:
    """Call once the app has started (after its startup allocations)."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(YOUNG_THRESHOLD, MIDDLE_RATIO, OLD_RATIO)
