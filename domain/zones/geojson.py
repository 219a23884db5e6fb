"""GeoJSON service areas: parse, validate and normalise a Polygon or MultiPolygon (WGS84).

Checks, each reported as a validation_failed field error with its path
("geometry.coordinates.0.3" = ring 0, position 3): the type, the nesting, finite numeric
positions, lng in [-180, 180] and lat in [-90, 90], rings of at least 4 positions that end
where they start, rings that do not cross themselves, holes inside their shell, and finally
shapely's own validity (`explain_validity` says where it fails). Antimeridian-crossing
polygons are not supported (split them into a MultiPolygon).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import shapely
from shapely.geometry import LinearRing, MultiPolygon, Polygon
from shapely.validation import explain_validity

from domain.shared.errors import ValidationFailed

GEOMETRY_TYPES = ("Polygon", "MultiPolygon")
# Bounds the work one request can cause (parsing, validity, index cells).
MAX_POSITIONS = 20_000
MAX_ERRORS = 20

Ring = list[tuple[float, float]]


@dataclass(frozen=True)
class ValidGeometry:
    geojson: dict[str, Any]  # normalised: 2-D float positions, as stored and served
    shape: Any  # shapely Polygon | MultiPolygon
    bbox: tuple[float, float, float, float]  # min_lng, min_lat, max_lng, max_lat


class _Errors:
    def __init__(self) -> None:
        self.items: list[dict[str, Any]] = []

    def add(self, field: str, message: str, kind: str) -> None:
        if len(self.items) < MAX_ERRORS:
            self.items.append({"field": field, "message": message, "type": f"geojson.{kind}"})

    def raise_if_any(self) -> None:
        if self.items:
            raise ValidationFailed("The geometry is not a valid GeoJSON polygon.", errors=self.items)


def _fail(field: str, message: str, kind: str) -> ValidationFailed:
    errors = _Errors()
    errors.add(field, message, kind)
    return ValidationFailed("The geometry is not a valid GeoJSON polygon.", errors=errors.items)


def _number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def _position(value: Any, path: str, errors: _Errors) -> tuple[float, float] | None:
    if not isinstance(value, (list, tuple)) or not 2 <= len(value) <= 3 or not all(_number(v) for v in value):
        errors.add(path, "must be [lng, lat] (or [lng, lat, alt]) of finite numbers", "position")
        return None
    lng, lat = float(value[0]), float(value[1])
    if not -180.0 <= lng <= 180.0:
        errors.add(f"{path}.0", "longitude must be within [-180, 180]", "longitude")
    if not -90.0 <= lat <= 90.0:
        errors.add(f"{path}.1", "latitude must be within [-90, 90]", "latitude")
    return lng, lat


def _ring(value: Any, path: str, errors: _Errors) -> Ring:
    if not isinstance(value, list):
        errors.add(path, "a ring must be an array of positions", "ring")
        return []
    positions = [_position(item, f"{path}.{k}", errors) for k, item in enumerate(value)]
    ring = [p for p in positions if p is not None]
    if len(ring) != len(value):
        return []
    if len(ring) < 4:
        errors.add(path, "a ring needs at least 4 positions (a triangle plus the closing one)", "ring_too_short")
    elif ring[0] != ring[-1]:
        errors.add(path, "a ring must be closed: its last position must equal its first", "ring_not_closed")
    return ring


def _rings(value: Any, path: str, errors: _Errors) -> list[Ring]:
    if not isinstance(value, list) or not value:
        errors.add(path, "a polygon must be a non-empty array of rings", "polygon")
        return []
    return [_ring(ring, f"{path}.{j}", errors) for j, ring in enumerate(value)]


def _polygon(rings: list[Ring], path: str, errors: _Errors) -> Polygon | None:
    """Shapely checks on one polygon whose rings are well-formed: simple rings, holes
    inside the shell, then overall validity."""
    shell, holes = rings[0], rings[1:]
    broken = False
    for j, ring in enumerate(rings):
        if not LinearRing(ring).is_simple:
            where = explain_validity(Polygon(ring))  # e.g. "Self-intersection[2 2]"
            errors.add(f"{path}.{j}", f"the ring intersects itself: {where}", "self_intersection")
            broken = True
    if broken:
        return None
    outline = Polygon(shell)
    if outline.area == 0:
        errors.add(f"{path}.0", "the shell encloses no area", "degenerate")
        return None
    for j, hole in enumerate(holes, start=1):
        if not outline.covers(Polygon(hole)):
            errors.add(f"{path}.{j}", "a hole must lie inside its shell", "hole_outside_shell")
            broken = True
    if broken:
        return None
    polygon = Polygon(shell, holes)
    if not polygon.is_valid:
        errors.add(path, f"not a valid polygon: {explain_validity(polygon)}", "invalid")
        return None
    return polygon


def parse_geometry(data: Any, field: str = "geometry") -> ValidGeometry:
    """Validate a GeoJSON geometry; raise ValidationFailed listing what is wrong and where."""
    if not isinstance(data, dict):
        raise _fail(field, "must be a GeoJSON geometry object", "type")
    kind = data.get("type")
    if kind not in GEOMETRY_TYPES:
        raise _fail(f"{field}.type", "must be Polygon or MultiPolygon", "type")
    coordinates = data.get("coordinates")
    path = f"{field}.coordinates"
    errors = _Errors()
    if kind == "Polygon":
        parts = [(_rings(coordinates, path, errors), path)]
    elif not isinstance(coordinates, list) or not coordinates:
        raise _fail(path, "a MultiPolygon must be a non-empty array of polygons", "polygon")
    else:
        parts = [(_rings(item, f"{path}.{i}", errors), f"{path}.{i}") for i, item in enumerate(coordinates)]
    errors.raise_if_any()
    if sum(len(ring) for rings, _ in parts for ring in rings) > MAX_POSITIONS:
        raise _fail(path, f"at most {MAX_POSITIONS} positions in all", "too_large")

    polygons = [_polygon(rings, part_path, errors) for rings, part_path in parts]
    errors.raise_if_any()
    valid = [p for p in polygons if p is not None]
    shape: Any = valid[0] if kind == "Polygon" else MultiPolygon(valid)
    if not shape.is_valid:  # e.g. overlapping parts of a MultiPolygon
        raise _fail(path, f"not a valid multipolygon: {explain_validity(shape)}", "invalid")
    normal = [[[list(p) for p in ring] for ring in rings] for rings, _ in parts]
    geojson = {"type": kind, "coordinates": normal[0] if kind == "Polygon" else normal}
    min_lng, min_lat, max_lng, max_lat = (float(v) for v in shapely.bounds(shape))
    return ValidGeometry(geojson, shape, (min_lng, min_lat, max_lng, max_lat))


def shape_of(geojson: dict[str, Any]) -> Any:
    """A stored (already validated) geometry as a shapely object, without re-validating."""
    if geojson["type"] == "Polygon":
        return Polygon(geojson["coordinates"][0], geojson["coordinates"][1:])
    return MultiPolygon([Polygon(rings[0], rings[1:]) for rings in geojson["coordinates"]])
