"""Point-in-zone lookup that stays fast with thousands of zones.

`ZoneGrid` is an immutable snapshot of the active zones: a sparse, hierarchical grid over
prepared geometries. Level 0 cells are a quarter of the typical zone's size; each level up is
16 times coarser. A zone goes to the finest level where its bounding box spans at most
MAX_CELLS_PER_ZONE cells (a city-wide zone lands a level or two up), and is recorded in
each cell of its box that it touches: as a certain hit where it contains the whole cell, as
a candidate otherwise. A lookup is one dict access per populated level (usually one) and
one vectorised `intersects_xy` over that cell's candidates on GEOS prepared geometries, so
concave outlines and holes are decided by the exact test, never by boxes. A point on a
zone's boundary is covered. Zones far apart cost nothing: only touched cells exist.

An STRtree over the same prepared geometries answers `match_tree`, the straightforward
method, kept as the reference the tests and the benchmark check the grid against (per
point the grid measured about twice as fast here, and it does not depend on how the zones
are spread).

`ZoneIndex` keeps the current snapshot for this process and decides when to rebuild:
- in-process: every zone write calls `invalidate()` after its commit, so the next lookup
  rebuilds (off the event loop);
- across processes: at most every `check_interval` seconds a lookup reads a fingerprint of
  the zone table, `count(*)`, `sum(version)` and `max(updated_at)` (one scan of a small
  table). Every write bumps a zone's version and inserts change the count, so any committed
  change from any process changes the fingerprint whatever order transactions commit in
  (`max(updated_at)` alone could miss a slow transaction whose timestamp is older than one
  already seen; it is there for a table emptied and refilled). Staleness is bounded by the
  interval. Code that writes zones without domain/zones/services.py (seeds, tests) calls
  `ZONE_INDEX.invalidate()` to be seen at once.
"""

from __future__ import annotations

import asyncio
import math
import time
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import shapely
from shapely import STRtree
from tortoise.connection import connections

from domain.zones.geojson import shape_of
from domain.zones.models import Zone

CHECK_INTERVAL_SECONDS = 2.0
MAX_CELLS_PER_ZONE = 256
LEVEL_FACTOR = 16
BUILD_CHUNK = 500
MIN_CELL_DEG = 1e-5  # about a metre: keeps cell indices small enough for int64 keys
_OFFSET = 1 << 26  # cell indices (|i| < 1.8e7 at MIN_CELL_DEG) shifted to be non-negative
_STRIDE = 1 << 28


@dataclass(frozen=True)
class _Cell:
    certain: list[Hashable]  # keys of zones containing the whole cell
    geometries: Any  # np.ndarray[object]: prepared geometries of zones touching it (exact test)
    keys: Any  # np.ndarray[object]: their keys, aligned


@dataclass(frozen=True)
class _Level:
    size: float  # cell edge in degrees
    cells: dict[int, _Cell]


def _cell_range(low: Any, high: Any, size: float) -> tuple[Any, Any]:
    return np.floor(low / size).astype(np.int64), np.floor(high / size).astype(np.int64)


class ZoneGrid:
    """An immutable point-in-zone index over (key, shapely geometry) pairs."""

    def __init__(self, keys: Sequence[Hashable], geometries: Sequence[Any]) -> None:
        self.keys = list(keys)
        self.size = len(self.keys)
        self.geometries = np.empty(self.size, dtype=object)
        self.geometries[:] = list(geometries)
        self._key_array = np.empty(self.size, dtype=object)
        self._key_array[:] = self.keys
        self._levels: list[_Level] = []
        if self.size:
            shapely.prepare(self.geometries)
            self.tree = STRtree(self.geometries)
            self._build()

    def _build(self) -> None:
        bounds = shapely.bounds(self.geometries)
        spans = np.maximum(bounds[:, 2] - bounds[:, 0], bounds[:, 3] - bounds[:, 1])
        size = max(float(np.median(spans)) / 4, MIN_CELL_DEG)
        pending = np.arange(self.size)
        while len(pending):
            i0, i1 = _cell_range(bounds[pending, 0], bounds[pending, 2], size)
            j0, j1 = _cell_range(bounds[pending, 1], bounds[pending, 3], size)
            fits = (i1 - i0 + 1) * (j1 - j0 + 1) <= MAX_CELLS_PER_ZONE
            here = pending[fits]
            if len(here):
                self._levels.append(_Level(size, self._cells(here, i0[fits], i1[fits], j0[fits], j1[fits], size)))
            pending = pending[~fits]
            size *= LEVEL_FACTOR

    def _cells(self, zones: Any, i0: Any, i1: Any, j0: Any, j1: Any, size: float) -> dict[int, _Cell]:
        parts = [self._touched(zones[k:k + BUILD_CHUNK], i0[k:k + BUILD_CHUNK], i1[k:k + BUILD_CHUNK],
                               j0[k:k + BUILD_CHUNK], j1[k:k + BUILD_CHUNK], size)
                 for k in range(0, len(zones), BUILD_CHUNK)]
        cell_keys, zone_of, full = (np.concatenate([part[n] for part in parts]) for n in range(3))
        order = np.argsort(cell_keys, kind="stable")
        cell_keys, zone_of, full = cell_keys[order], zone_of[order], full[order]
        splits = np.flatnonzero(np.diff(cell_keys)) + 1
        cells: dict[int, _Cell] = {}
        for key_run, zones_in, covered in zip(np.split(cell_keys, splits), np.split(zone_of, splits),
                                              np.split(full, splits), strict=True):
            tested = zones_in[~covered]
            cells[int(key_run[0])] = _Cell([self.keys[int(z)] for z in zones_in[covered]],
                                           self.geometries[tested], self._key_array[tested])
        return cells

    def _touched(self, zones: Any, i0: Any, i1: Any, j0: Any, j1: Any, size: float) -> tuple[Any, Any, Any]:
        """(cell key, zone, zone contains the cell) for every cell of each zone's box that
        the zone touches; vectorised, a chunk of zones at a time to bound the boxes in memory."""
        width, height = i1 - i0 + 1, j1 - j0 + 1
        counts = width * height
        zone_of = np.repeat(zones, counts)
        local = np.arange(int(counts.sum())) - np.repeat(np.cumsum(counts) - counts, counts)
        ci = np.repeat(i0, counts) + local // np.repeat(height, counts)
        cj = np.repeat(j0, counts) + local % np.repeat(height, counts)
        pad = size * 1e-6  # a point rounded into a neighbouring cell still finds its zones
        boxes = shapely.box(ci * size - pad, cj * size - pad, (ci + 1) * size + pad, (cj + 1) * size + pad)
        geoms = self.geometries[zone_of]
        touches = shapely.intersects(geoms, boxes)
        full = shapely.contains(geoms[touches], boxes[touches])
        return (ci[touches] + _OFFSET) * _STRIDE + (cj[touches] + _OFFSET), zone_of[touches], full

    def match(self, lng: float, lat: float) -> list[Hashable]:
        """Keys of the zones covering the point (boundary included); order unspecified."""
        found: list[Hashable] = []
        for level in self._levels:
            size = level.size
            cell = level.cells.get((math.floor(lng / size) + _OFFSET) * _STRIDE + math.floor(lat / size) + _OFFSET)
            if cell is None:
                continue
            if cell.certain:
                found.extend(cell.certain)
            if len(cell.keys):
                found.extend(cell.keys[shapely.intersects_xy(cell.geometries, lng, lat)].tolist())
        return found

    def match_tree(self, lng: float, lat: float) -> list[Hashable]:
        """The reference answer: STRtree candidates, then the exact test; sorted by index."""
        if not self.size:
            return []
        hits = self.tree.query(shapely.Point(lng, lat), predicate="intersects")
        return [self.keys[int(i)] for i in np.sort(hits)]

    def match_brute_force(self, lng: float, lat: float) -> list[Hashable]:
        """The same answer by testing every zone (tests cross-check with it)."""
        if not self.size:
            return []
        found = np.flatnonzero(shapely.intersects_xy(self.geometries, lng, lat))
        return [self.keys[int(i)] for i in found]


@dataclass(frozen=True)
class Fingerprint:
    count: int
    version_sum: int
    last_update: Any  # a table emptied and refilled to the same count and versions still differs here


async def fingerprint() -> Fingerprint:
    conn = connections.get("default")
    rows = await conn.execute_query_dict(
        "SELECT count(*) AS n, coalesce(sum(version), 0) AS v, max(updated_at) AS t FROM zone")
    return Fingerprint(int(rows[0]["n"]), int(rows[0]["v"]), rows[0]["t"])


async def load_grid() -> ZoneGrid:
    rows = await Zone.filter(active=True).order_by("id").values_list("id", "geometry")

    def build() -> ZoneGrid:
        return ZoneGrid([row[0] for row in rows], [shape_of(row[1]) for row in rows])

    # Thousands of zones take a few hundred ms to parse and grid: off the event loop.
    return await asyncio.to_thread(build)


class ZoneIndex:
    """The process's current ZoneGrid, rebuilt when zones change (see the module doc)."""

    def __init__(self, check_interval: float = CHECK_INTERVAL_SECONDS) -> None:
        self.check_interval = check_interval
        self._grid: ZoneGrid | None = None
        self._built_from: Fingerprint | None = None  # the table as it was when the grid was built
        self._seen: Fingerprint | None = None  # the table as last checked
        self._checked_at = -math.inf
        self._generation = 0  # bumped by invalidate(); a rebuild racing a write stays dirty
        self._built_generation = -1
        self._lock: tuple[asyncio.AbstractEventLoop, asyncio.Lock] | None = None

    def invalidate(self) -> None:
        self._generation += 1

    def _rebuild_lock(self) -> asyncio.Lock:
        # One lock per event loop: the index outlives loops (a CLI run, then a server).
        loop = asyncio.get_running_loop()
        if self._lock is None or self._lock[0] is not loop:
            self._lock = (loop, asyncio.Lock())
        return self._lock[1]

    def _current(self) -> bool:
        return self._grid is not None and self._built_generation == self._generation and self._seen == self._built_from

    async def grid(self) -> ZoneGrid:
        if time.monotonic() - self._checked_at >= self.check_interval:
            self._checked_at = time.monotonic()
            self._seen = await fingerprint()
        if not self._current():
            async with self._rebuild_lock():
                if not self._current():  # nobody rebuilt it while we waited
                    generation = self._generation
                    # Fingerprint first: a write landing during the load changes it again later.
                    built_from = await fingerprint()
                    self._grid = await load_grid()
                    self._built_from = self._seen = built_from
                    self._checked_at = time.monotonic()
                    self._built_generation = generation
        assert self._grid is not None
        return self._grid

    async def match(self, lat: float, lng: float) -> list[Any]:
        return (await self.grid()).match(lng, lat)


# One per process: zone writes invalidate it, lookups (REST, matching, jobs) read it.
ZONE_INDEX = ZoneIndex()
