"""GeoJSON validation of zone outlines (pure: no services needed)."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from domain.shared.errors import ValidationFailed
from domain.zones.geojson import parse_geometry

SQUARE = [[0.0, 0.0], [4.0, 0.0], [4.0, 4.0], [0.0, 4.0], [0.0, 0.0]]
HOLE = [[1.0, 1.0], [1.0, 2.0], [2.0, 2.0], [2.0, 1.0], [1.0, 1.0]]


def polygon(*rings):
    return {"type": "Polygon", "coordinates": list(rings)}


def errors_of(geometry) -> list[dict]:
    with pytest.raises(ValidationFailed) as caught:
        parse_geometry(geometry)
    return caught.value.errors


def test_a_square_with_a_hole_is_valid_and_gets_its_bbox():
    valid = parse_geometry(polygon(SQUARE, HOLE))
    assert valid.bbox == (0.0, 0.0, 4.0, 4.0)
    assert valid.geojson == polygon(SQUARE, HOLE)
    assert valid.shape.area == 16 - 1


def test_altitude_is_dropped_and_ints_become_floats():
    valid = parse_geometry(polygon([[0, 0, 5], [1, 0, 5], [1, 1, 5], [0, 0, 5]]))
    assert valid.geojson["coordinates"][0] == [[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 0.0]]


def test_a_multipolygon_of_two_disjoint_squares_is_valid():
    far = [[x + 10, y] for x, y in SQUARE]
    valid = parse_geometry({"type": "MultiPolygon", "coordinates": [[SQUARE], [far]]})
    assert valid.bbox == (0.0, 0.0, 14.0, 4.0)


@pytest.mark.parametrize(("geometry", "field", "kind"), [
    ({"type": "Point", "coordinates": [0, 0]}, "geometry.type", "geojson.type"),
    ({"type": "LineString", "coordinates": SQUARE}, "geometry.type", "geojson.type"),
    ([1, 2], "geometry", "geojson.type"),
    ({"type": "Polygon", "coordinates": []}, "geometry.coordinates", "geojson.polygon"),
    (polygon(SQUARE[:-1]), "geometry.coordinates.0", "geojson.ring_not_closed"),
    (polygon([[0, 0], [1, 1], [0, 0]]), "geometry.coordinates.0", "geojson.ring_too_short"),
    (polygon([[0, 0], [2, 2], [2, 0], [0, 2], [0, 0]]), "geometry.coordinates.0", "geojson.self_intersection"),
    (polygon([[170, 0], [181, 0], [181, 1], [170, 0]]), "geometry.coordinates.0.1.0", "geojson.longitude"),
    (polygon([[0, 0], [1, 91], [1, 0], [0, 0]]), "geometry.coordinates.0.1.1", "geojson.latitude"),
    (polygon(SQUARE, [[5, 5], [5, 6], [6, 6], [5, 5]]), "geometry.coordinates.1", "geojson.hole_outside_shell"),
    (polygon([[0, 0], [1, 1], [2, 2], [0, 0]]), "geometry.coordinates.0", "geojson.self_intersection"),
    (polygon([[1, 1], [1, 1], [1, 1], [1, 1]]), "geometry.coordinates.0", "geojson.degenerate"),
    (polygon([[0, 0], ["1", 0], [1, 1], [0, 0]]), "geometry.coordinates.0.1", "geojson.position"),
    (polygon([[0, 0], [True, 0], [1, 1], [0, 0]]), "geometry.coordinates.0.1", "geojson.position"),
    ({"type": "MultiPolygon", "coordinates": [[SQUARE], [[[x + 1, y] for x, y in SQUARE]]]},
     "geometry.coordinates", "geojson.invalid"),
])
def test_invalid_geometries_name_the_field_and_the_problem(geometry, field, kind):
    errors = errors_of(geometry)
    assert (errors[0]["field"], errors[0]["type"]) == (field, kind)


def test_the_bowtie_error_explains_where_it_crosses():
    errors = errors_of(polygon([[0, 0], [2, 2], [2, 0], [0, 2], [0, 0]]))
    assert errors[0]["type"] == "geojson.self_intersection" and "[1 1]" in errors[0]["message"]
    # A hole crossing the shell, then holes touching along an edge: shapely explains where.
    crossing = [[3.0, 1.0], [5.0, 1.0], [5.0, 2.0], [3.0, 2.0], [3.0, 1.0]]
    errors = errors_of(polygon(SQUARE, crossing))
    assert errors[0]["type"] == "geojson.hole_outside_shell"
    touching_holes = polygon(SQUARE, HOLE, [[1.5, 1.5], [1.5, 3.0], [3.0, 3.0], [3.0, 1.5], [1.5, 1.5]])
    errors = errors_of(touching_holes)
    assert errors[0]["type"] == "geojson.invalid" and "[" in errors[0]["message"]


# --- properties -------------------------------------------------------------------------------

lngs = st.floats(-170, 170, allow_nan=False)
lats = st.floats(-80, 80, allow_nan=False)


@st.composite
def star_polygons(draw):
    """Star-shaped (so simple) polygons of 3-24 vertices around a centre: always valid."""
    cx, cy = draw(lngs), draw(lats)
    n = draw(st.integers(3, 24))
    radii = draw(st.lists(st.floats(0.05, 5.0), min_size=n, max_size=n))
    ring = [[cx + r * math.cos(2 * math.pi * k / n), cy + r * math.sin(2 * math.pi * k / n)]
            for k, r in enumerate(radii)]
    return [*ring, ring[0]]


@settings(max_examples=150, deadline=None)
@given(star_polygons())
def test_star_shaped_rings_are_accepted(ring):
    valid = parse_geometry(polygon(ring))
    min_lng, min_lat, max_lng, max_lat = valid.bbox
    assert all(min_lng <= x <= max_lng and min_lat <= y <= max_lat for x, y in ring)


@settings(max_examples=150, deadline=None)
@given(star_polygons(), st.data())
def test_dropping_the_closing_position_is_always_rejected(ring, data):
    cut = ring[:-1]
    errors = errors_of(polygon(cut))
    assert errors[0]["type"] in ("geojson.ring_not_closed", "geojson.ring_too_short")


@settings(max_examples=150, deadline=None)
@given(star_polygons(), st.integers(0, 1), st.floats(0.001, 1e6, allow_nan=False), st.data())
def test_any_coordinate_out_of_range_is_rejected_with_its_path(ring, axis, excess, data):
    k = data.draw(st.integers(0, len(ring) - 2))
    limit = 180.0 if axis == 0 else 90.0
    ring[k][axis] = data.draw(st.sampled_from([limit + excess, -limit - excess]))
    if k == 0:
        ring[-1] = list(ring[0])
    errors = errors_of(polygon(ring))
    expected = "geojson.longitude" if axis == 0 else "geojson.latitude"
    assert {"field": f"geometry.coordinates.0.{k}.{axis}", "type": expected} in [
        {"field": e["field"], "type": e["type"]} for e in errors]


@settings(max_examples=100, deadline=None)
@given(st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=5),
                    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=5), inner, max_size=4),
                    max_leaves=30))
def test_arbitrary_json_never_crashes_the_validator(data):
    for geometry in (data, {"type": "Polygon", "coordinates": data}, {"type": "MultiPolygon", "coordinates": data}):
        try:
            parse_geometry(geometry)
        except ValidationFailed as exc:
            assert exc.errors and all(e["field"].startswith("geometry") for e in exc.errors)
