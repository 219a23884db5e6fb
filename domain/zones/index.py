"""Point-in-zone lookup that stays fast with thousands of zones.

`ZoneGrid` is an immutable snapshot of the active zones. Building it: the geometries are
prepared (GEOS prepared geometries make each exact test cheap) and put in an STRtree; the
zones' extent is cut into a uniform grid (cell size from the typical zone size) and the
tree answers, per cell, which zones touch it. Zones that contain the whole cell are
recorded as certain hits, the others as candidates. A lookup is then one dict access and at
most one vectorised `intersects_xy` over the cell's candidates: concave outlines and holes
are decided by the exact test, never by boxes. A point on a zone's boundary is covered.

`ZoneIndex` keeps the current snapshot for this process and decides when to rebuild:
- in-process: every zone write calls `invalidate()` after its commit, so the next lookup
  rebuilds;
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

# Cells per axis are bounded so a set of zones spread over a continent cannot blow up
# memory; lookups then test more candidates per cell but stay exact.
MAX_CELLS = 250_000
CHECK_INTERVAL_SECONDS = 2.0


@dataclass(frozen=True)
class _Cell:
    certain: list[Hashable]  # keys of zones containing the whole cell
    geometries: Any  # np.ndarray[object]: prepared geometries of zones touching it (exact test)
    keys: Any  # np.ndarray[object]: their keys, aligned


class ZoneGrid:
    """An immutable point-in-zone index over (key, shapely geometry) pairs."""

    def __init__(self, keys: Sequence[Hashable], geometries: Sequence[Any]) -> None:
        self.keys = list(keys)
        self.geometries = np.array(geometries, dtype=object)
        self.size = len(self.keys)
        self._cells: dict[int, _Cell] = {}
        self._origin = (0.0, 0.0)
        self._far = (0.0, 0.0)
        self._cell = 1.0
        self._shape = (0, 0)
        self._key_array = np.empty(self.size, dtype=object)
        self._key_array[:] = self.keys
        if self.size:
            shapely.prepare(self.geometries)
            self.tree = STRtree(self.geometries)
            self._build_cells()

    def _build_cells(self) -> None:
        bounds = shapely.bounds(self.geometries)
        min_x, min_y = float(bounds[:, 0].min()), float(bounds[:, 1].min())
        max_x, max_y = float(bounds[:, 2].max()), float(bounds[:, 3].max())
        width, height = max(max_x - min_x, 1e-9), max(max_y - min_y, 1e-9)
        typical = float(np.median(np.maximum(bounds[:, 2] - bounds[:, 0], bounds[:, 3] - bounds[:, 1])))
        cell = max(typical / 3, 1e-9, math.sqrt(width * height / MAX_CELLS))
        nx, ny = math.ceil(width / cell) or 1, math.ceil(height / cell) or 1
        while nx * ny > MAX_CELLS:  # the sqrt bound is close; rounding up can still overshoot
            cell *= 1.1
            nx, ny = math.ceil(width / cell), math.ceil(height / cell)
        self._origin, self._far = (min_x, min_y), (max_x, max_y)
        self._cell, self._shape = cell, (nx, ny)

        ix, iy = (a.ravel() for a in np.meshgrid(np.arange(nx), np.arange(ny), indexing="ij"))
        pad = cell * 1e-6  # a point rounded into a neighbouring cell still finds its zones
        boxes = shapely.box(min_x + ix * cell - pad, min_y + iy * cell - pad,
                            min_x + (ix + 1) * cell + pad, min_y + (iy + 1) * cell + pad)
        box_idx, zone_idx = self.tree.query(boxes, predicate="intersects")
        if not len(box_idx):
            return
        full = shapely.contains(self.geometries[zone_idx], boxes[box_idx])
        order = np.argsort(box_idx, kind="stable")
        box_idx, zone_idx, full = box_idx[order], zone_idx[order], full[order]
        splits = np.flatnonzero(np.diff(box_idx)) + 1
        for boxes_of, zones, covered in zip(np.split(box_idx, splits), np.split(zone_idx, splits),
                                            np.split(full, splits), strict=True):
            first = int(boxes_of[0])
            key = int(ix[first]) * ny + int(iy[first])
            tested = zones[~covered]
            self._cells[key] = _Cell([self.keys[int(z)] for z in zones[covered]], self.geometries[tested],
                                     self._key_array[tested])

    def match(self, lng: float, lat: float) -> list[Hashable]:
        """Keys of the zones covering the point (boundary included); order unspecified."""
        cell = self._cells.get(self._cell_key(lng, lat)) if self._cells else None
        if cell is None:
            return []
        if not len(cell.keys):
            return list(cell.certain)
        found: list[Hashable] = cell.keys[shapely.intersects_xy(cell.geometries, lng, lat)].tolist()
        return cell.certain + found if cell.certain else found

    def _cell_key(self, lng: float, lat: float) -> int:
        (min_x, min_y), (max_x, max_y) = self._origin, self._far
        if not (min_x <= lng <= max_x and min_y <= lat <= max_y):
            return -1
        nx, ny = self._shape
        # The far edges belong to the last cells.
        i = min(math.floor((lng - min_x) / self._cell), nx - 1)
        j = min(math.floor((lat - min_y) / self._cell), ny - 1)
        return i * ny + j

    def match_brute_force(self, lng: float, lat: float) -> list[Hashable]:
        """The same answer without the grid (tests and the benchmark cross-check with it)."""
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
    from domain.zones.models import Zone  # models import Tortoise; keep the grid importable without it

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
        self._lock = asyncio.Lock()

    def invalidate(self) -> None:
        self._generation += 1

    def _current(self) -> bool:
        return self._grid is not None and self._built_generation == self._generation and self._seen == self._built_from

    async def grid(self) -> ZoneGrid:
        if time.monotonic() - self._checked_at >= self.check_interval:
            self._checked_at = time.monotonic()
            self._seen = await fingerprint()
        if not self._current():
            async with self._lock:
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
