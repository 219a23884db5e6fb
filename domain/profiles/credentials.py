"""The credentials a serviceman holds now (`ServicemanProfile.verified_documents`, kept by
domain/verification whenever a document is approved, lapses or is revoked, in the same unit
of work) against what a category or a job requires. Every gate reads this one column: the
bid and job-visibility rule (domain/jobs/eligibility.py), matching, crew assignment, the feed,
and the sync grants (sync/grants.py, in SQL)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from domain.profiles.models import ServicemanProfile


async def held(user_id: object, conn: Any = None) -> set[str]:
    row = await ServicemanProfile.filter(user_id=user_id).using_db(conn).values_list(
        "verified_documents", flat=True)
    return {str(c) for c in (row[0] or [])} if row else set()


async def held_by(user_ids: Iterable[object], conn: Any = None) -> dict[str, set[str]]:
    ids = [u for u in user_ids]
    if not ids:
        return {}
    rows = await ServicemanProfile.filter(user_id__in=ids).using_db(conn).values("user_id", "verified_documents")
    return {str(row["user_id"]): {str(c) for c in (row["verified_documents"] or [])} for row in rows}


def missing(required: Iterable[str], holding: set[str]) -> list[str]:
    return sorted(set(required) - holding)
