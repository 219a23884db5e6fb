"""The in-memory point-in-zone grid answers exactly what a brute-force scan answers."""

from __future__ import annotations

import itertools
import math

from hypothesis import given, settings
from hypothesis import strategies as st
from shapely.geometry import Polygon

from domain.zones.geojson import parse_geometry
from domain.zones.index import ZoneGrid

U_SHAPE = Polygon([(0, 0), (3, 0), (3, 3), (2, 3), (2, 1), (1, 1), (1, 3), (0, 3), (0, 0)])
DONUT = Polygon([(10, 0), (14, 0), (14, 4), (10, 4), (10, 0)], [[(11, 1), (13, 1), (13, 3), (11, 3), (11, 1)]])


def test_concave_notch_and_hole_are_not_covered_but_the_ring_is():
    grid = ZoneGrid(["u", "donut"], [U_SHAPE, DONUT])
    assert grid.match(1.5, 2.0) == []  # in the U's notch
    assert grid.match(0.5, 2.5) == ["u"]  # in one of its arms
    assert grid.match(12.0, 2.0) == []  # in the hole
    assert grid.match(10.5, 2.0) == ["donut"]  # in the ring
    assert grid.match(3.0, 1.5) == ["u"]  # on the boundary: covered
    assert grid.match(-1.0, 0.0) == [] and grid.match(100.0, 100.0) == []


def test_an_empty_grid_matches_nothing():
    assert ZoneGrid([], []).match(0.0, 0.0) == []


def test_zones_of_very_different_sizes_far_apart_are_all_found():
    # Tiny zones in one city, a country-sized one and one across the world: several grid levels.
    tiny = [Polygon([(13.4 + i * 0.001, 52.5), (13.4005 + i * 0.001, 52.5), (13.4005 + i * 0.001, 52.5005)])
            for i in range(50)]
    country = Polygon([(5.0, 47.0), (15.0, 47.0), (15.0, 55.0), (5.0, 55.0)])
    sydney = Polygon([(151.0, -34.0), (151.3, -34.0), (151.3, -33.7)])
    grid = ZoneGrid(list(range(52)), [*tiny, country, sydney])
    assert sorted(grid.match(13.4004, 52.5001)) == [0, 50]
    assert grid.match(151.25, -33.95) == [51]
    assert grid.match(10.0, 50.0) == [50]
    assert grid.match(0.0, 0.0) == []


@st.composite
def zones(draw):
    """A few star-shaped zones (some holed) around a small area, as validated geometries."""
    shapes = []
    for _ in range(draw(st.integers(1, 12))):
        cx, cy = draw(st.floats(0, 1)), draw(st.floats(0, 1))
        n = draw(st.integers(3, 12))
        radii = draw(st.lists(st.floats(0.02, 0.6), min_size=n, max_size=n))
        shell = [[cx + r * math.cos(2 * math.pi * k / n), cy + r * math.sin(2 * math.pi * k / n)]
                 for k, r in enumerate(radii)]
        rings = [[*shell, shell[0]]]
        if draw(st.booleans()):
            hole_r = min(radii) * 0.45 * math.cos(math.pi / n)  # well inside every edge of the star
            hole = [[cx + hole_r * math.cos(2 * math.pi * k / 6), cy + hole_r * math.sin(2 * math.pi * k / 6)]
                    for k in range(6)]
            rings.append([*hole, hole[0]])
        shapes.append(parse_geometry({"type": "Polygon", "coordinates": rings}).shape)
    return shapes


@settings(max_examples=60, deadline=None)
@given(zones(), st.lists(st.tuples(st.floats(-0.7, 1.7), st.floats(-0.7, 1.7)), min_size=1, max_size=40))
def test_grid_agrees_with_brute_force(shapes, points):
    grid = ZoneGrid(list(range(len(shapes))), shapes)
    # Vertices and edge midpoints are the hardest points: add the first zone's.
    ring = list(shapes[0].exterior.coords)
    points += ring + [((a[0] + b[0]) / 2, (a[1] + b[1]) / 2) for a, b in itertools.pairwise(ring)]
    for x, y in points:
        assert sorted(grid.match(x, y)) == grid.match_tree(x, y) == grid.match_brute_force(x, y), (x, y)
