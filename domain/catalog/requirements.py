"""What a category requires of the servicemen who work in it (issue 15): credentials, each
earned by an approved, unexpired verification document (domain/verification). Configured as
data (`category_requirement` rows), inherited down the tree: a speciality requires what its
trade requires, and its own additions.

Jobs copy their category's requirements when posted (`Job.required_documents`), so the sync
grants and the feed read one column; domain/verification refreshes the open jobs' copies when
an admin changes a category's requirements."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from domain.catalog.models import Category, CategoryRequirement

# The taxonomy is shallow (trade > speciality); the bound keeps a bad parent cycle harmless.
MAX_DEPTH = 5


class Credential(StrEnum):
    """What an approved document proves. A DBS certificate proves its level and those below."""

    PHOTO_ID = "photo_id"
    INSURANCE = "insurance"  # public liability insurance
    DBS_BASIC = "dbs_basic"
    DBS_STANDARD = "dbs_standard"
    DBS_ENHANCED = "dbs_enhanced"
    GAS_SAFE = "gas_safe"
    NICEIC = "niceic"
    BUSINESS_REGISTRATION = "business_registration"


# What migration 10 seeds (the tests restore it between tests): gas work needs a Gas Safe registration,
# and, being in-home work, photo ID and public liability insurance.
SEEDED_REQUIREMENTS: tuple[tuple[str, str], ...] = (
    ("gas", "gas_safe"), ("gas", "insurance"), ("gas", "photo_id"))

LABELS: dict[str, str] = {
    Credential.PHOTO_ID: "photo ID", Credential.INSURANCE: "public liability insurance",
    Credential.DBS_BASIC: "basic DBS certificate", Credential.DBS_STANDARD: "standard DBS certificate",
    Credential.DBS_ENHANCED: "enhanced DBS certificate", Credential.GAS_SAFE: "Gas Safe registration",
    Credential.NICEIC: "NICEIC registration", Credential.BUSINESS_REGISTRATION: "business registration",
}


async def lineage(category_id: str, conn: Any = None) -> list[str]:
    """The category and its ancestors, nearest first."""
    found = [category_id]
    current = await Category.filter(id=category_id).using_db(conn).first()
    while current is not None and current.parent_id and len(found) < MAX_DEPTH:
        found.append(current.parent_id)
        current = await Category.filter(id=current.parent_id).using_db(conn).first()
    return found


async def own(category_id: str, conn: Any = None) -> list[str]:
    """The credentials set on the category itself (not inherited)."""
    rows = await CategoryRequirement.filter(category_id=category_id).using_db(conn).values_list(
        "credential", flat=True)
    return sorted(str(r) for r in rows)


async def effective(category_id: str | None, conn: Any = None) -> list[str]:
    """Everything a category requires: its own and its ancestors' credentials, sorted."""
    if not category_id:
        return []
    rows = await CategoryRequirement.filter(category_id__in=await lineage(category_id, conn)).using_db(
        conn).values_list("credential", flat=True)
    return sorted({str(r) for r in rows})


async def all_effective(conn: Any = None) -> dict[str, list[str]]:
    """Every category's effective requirements, for those that have any (two queries in all)."""
    rows = await Category.all().using_db(conn).values("id", "parent_id")
    parents: dict[str, str | None] = {str(row["id"]): row["parent_id"] for row in rows}
    own: dict[str, set[str]] = {}
    for row in await CategoryRequirement.all().using_db(conn).values("category_id", "credential"):
        own.setdefault(str(row["category_id"]), set()).add(str(row["credential"]))
    found: dict[str, list[str]] = {}
    for category in parents:
        needed: set[str] = set()
        current: str | None = category
        for _ in range(MAX_DEPTH):
            if current is None:
                break
            needed |= own.get(current, set())
            current = parents.get(current)
        if needed:
            found[category] = sorted(needed)
    return found


def describe(credentials: list[str] | set[str]) -> str:
    return ", ".join(LABELS.get(c, c) for c in sorted(credentials))
