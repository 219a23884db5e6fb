"""The seeded category taxonomy: trades and their specialities, with stable slug ids.

It is reference data every database needs (services point at it), so `ensure_reference_data`
runs at the end of every migration run and is idempotent: it inserts what is missing and
renames or re-parents what changed, never deletes (services may still point at a slug).
"""

from __future__ import annotations

from dataclasses import dataclass

from tortoise.backends.base.client import BaseDBAsyncClient

from domain.catalog.models import Category, CategoryRequirement
from domain.catalog.requirements import SEEDED_REQUIREMENTS
from domain.shared.uow import unit_of_work

# (slug, name, [(child slug suffix, child name), ...]); order is display order.
TAXONOMY: tuple[tuple[str, str, tuple[tuple[str, str], ...]], ...] = (
    ("plumbing", "Plumbing", (
        ("leak-repair", "Leak repair"), ("drain-unclogging", "Drain unclogging"),
        ("water-heater", "Water heater installation"), ("fixture-installation", "Fixture installation"),
    )),
    ("electrical", "Electrical", (
        ("wiring", "Wiring and rewiring"), ("lighting", "Lighting installation"),
        ("panel-upgrade", "Panel upgrade"), ("ev-charger", "EV charger installation"),
    )),
    ("cleaning", "Cleaning", (
        ("home-cleaning", "Home cleaning"), ("deep-cleaning", "Deep cleaning"),
        ("move-out", "Move-out cleaning"), ("carpet", "Carpet and upholstery"), ("windows", "Window cleaning"),
    )),
    ("carpentry", "Carpentry", (
        ("furniture-assembly", "Furniture assembly"), ("doors-windows", "Doors and windows"),
        ("shelving", "Shelving and cabinets"), ("flooring", "Wood flooring"),
    )),
    ("painting", "Painting", (
        ("interior", "Interior painting"), ("exterior", "Exterior painting"), ("wallpaper", "Wallpapering"),
    )),
    ("appliance-repair", "Appliance repair", (
        ("washing-machine", "Washing machine"), ("refrigerator", "Refrigerator"),
        ("dishwasher", "Dishwasher"), ("oven", "Oven and stove"),
    )),
    ("hvac", "Heating and cooling", (
        ("ac-installation", "Air conditioning installation"), ("ac-service", "Air conditioning service"),
        ("heating", "Heating repair"), ("ventilation", "Ventilation"),
    )),
    ("gardening", "Gardening", (
        ("lawn-mowing", "Lawn mowing"), ("hedge-trimming", "Hedge trimming"),
        ("landscaping", "Landscaping"), ("irrigation", "Irrigation"),
    )),
    ("gas", "Gas", (
        ("boiler-service", "Boiler service and repair"), ("safety-check", "Gas safety check"),
        ("cooker-installation", "Gas cooker installation"),
    )),
)


@dataclass(frozen=True)
class Seed:
    id: str
    name: str
    parent_id: str | None
    position: int


def seeds() -> list[Seed]:
    rows: list[Seed] = []
    for position, (slug, name, children) in enumerate(TAXONOMY):
        rows.append(Seed(slug, name, None, position))
        rows.extend(Seed(f"{slug}.{child}", child_name, slug, index) for index, (child, child_name) in
                    enumerate(children))
    return rows


async def _has_table(conn: BaseDBAsyncClient, table: str = "category") -> bool:
    """False while migrating step by step below the migration that creates the table."""
    if conn.capabilities.dialect == "postgres":
        rows = await conn.execute_query_dict("SELECT to_regclass($1) IS NOT NULL AS present", [table])
        return bool(rows[0]["present"])
    rows = await conn.execute_query_dict("SELECT name FROM sqlite_master WHERE type = 'table' AND name = ?",
                                         [table])
    return bool(rows)


async def _seed_requirements(conn: BaseDBAsyncClient, category_id: str) -> None:
    """A seeded category's requirements arrive with it (issue 15), once: an admin may change them later."""
    if not await _has_table(conn, "category_requirement"):
        return
    for category, credential in SEEDED_REQUIREMENTS:
        if category == category_id:
            await CategoryRequirement.get_or_create(category_id=category, credential=credential, using_db=conn)


async def ensure_reference_data() -> int:
    """Upsert the taxonomy; return how many rows were inserted or changed."""
    changed = 0
    async with unit_of_work() as uow:
        conn = uow.connection
        if not await _has_table(conn):
            return 0
        existing = {row.id: row for row in await Category.all().using_db(conn)}
        for seed in seeds():
            row = existing.get(seed.id)
            if row is None:
                await Category.create(
                    id=seed.id, name=seed.name, parent_id=seed.parent_id, position=seed.position, using_db=conn
                )
                await _seed_requirements(conn, seed.id)
                changed += 1
            elif (row.name, row.parent_id, row.position) != (seed.name, seed.parent_id, seed.position):
                await Category.filter(id=seed.id).using_db(conn).update(
                    name=seed.name, parent_id=seed.parent_id, position=seed.position
                )
                changed += 1
    return changed


@dataclass(frozen=True)
class Node:
    id: str
    name: str
    parent_id: str | None
    children: tuple[Node, ...] = ()


async def tree() -> list[Node]:
    """The taxonomy as stored, top-level trades with their specialities, in display order."""
    rows = await Category.all().order_by("position", "id")
    children: dict[str, list[Node]] = {}
    for row in rows:
        if row.parent_id is not None:
            children.setdefault(row.parent_id, []).append(Node(row.id, row.name, row.parent_id))
    return [Node(row.id, row.name, None, tuple(children.get(row.id, ()))) for row in rows if row.parent_id is None]
