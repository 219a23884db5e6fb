"""Keeping `ServicemanProfile.verified_documents` equal to what a serviceman's approved,
unexpired documents prove, in the unit of work that changed them (approval, lapse,
supersession): every gate (bids, matching, assignment, the feed, the sync grants) reads that
column, so one commit moves them all, with no cache to wait for. And the reading side: what a
serviceman is blocked from and why, per category."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from tortoise.expressions import F, Q

from domain.accounts.models import Role, User
from domain.catalog import requirements
from domain.catalog.models import Category
from domain.profiles.models import ServicemanProfile
from domain.shared.clock import utcnow
from domain.verification.fields import IMPLIES
from domain.verification.models import DocumentState, VerificationDocument


async def proven(user_id: object, conn: Any, now: datetime | None = None) -> list[str]:
    """The credentials approved, unexpired documents of the user prove (with what they imply)."""
    now = now or utcnow()
    rows = await VerificationDocument.filter(
        Q(expires_at__isnull=True) | Q(expires_at__gt=now), owner_id=user_id, state=DocumentState.APPROVED,
    ).using_db(conn).values_list("credential", flat=True)
    found: set[str] = set()
    for credential in rows:
        found.add(str(credential))
        found.update(IMPLIES.get(str(credential), ()))
    return sorted(found)


async def refresh(user_id: object, conn: Any, now: datetime | None = None) -> list[str]:
    """Write what the user's documents prove onto their profile (creating the profile if they
    have none yet: the credentials must be there when they add trades)."""
    held = await proven(user_id, conn, now)
    profile = await ServicemanProfile.filter(user_id=user_id).using_db(conn).first()
    if profile is None:
        user = await User.filter(id=user_id).using_db(conn).first()
        if held and user is not None and user.has_role(Role.SERVICEMAN):
            await ServicemanProfile.create(user_id=user_id, verified_documents=held, using_db=conn)
    elif sorted(profile.verified_documents or []) != held:
        await ServicemanProfile.filter(id=profile.id).using_db(conn).update(
            verified_documents=held, version=F("version") + 1, updated_at=now or utcnow())
    return held


async def _parents(conn: Any) -> dict[str, str | None]:
    rows = await Category.all().using_db(conn).values("id", "parent_id")
    return {str(row["id"]): row["parent_id"] for row in rows}


async def blocked(user_id: object, conn: Any = None) -> list[dict[str, Any]]:
    """The serviceman's trades (and their specialities) they may not work in now, with what is missing."""
    profile = await ServicemanProfile.filter(user_id=user_id).using_db(conn).first()
    if profile is None:
        return []
    trades = {str(c) for c in profile.category_ids or []}
    held = set(profile.verified_documents or [])
    needs = await requirements.all_effective(conn)
    parents = await _parents(conn)
    found = []
    for category, needed in sorted(needs.items()):
        if category not in trades and parents.get(category) not in trades:
            continue
        lacking = sorted(set(needed) - held)
        if lacking:
            found.append({"category_id": category, "missing": lacking,
                          "reason": f"needs a verified, unexpired {requirements.describe(lacking)}"})
    return found
