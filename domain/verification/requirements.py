"""Admins configure what categories require (domain/catalog/requirements.py holds the rows and
the inheritance). A change refreshes the copy every open job of the category's subtree holds
(`Job.required_documents`) in the same unit of work: eligibility, the feed and the sync grants
follow without a deploy or a restart."""

from __future__ import annotations

from typing import Any

from tortoise.expressions import F

from domain.access.policy import Permission, authorize
from domain.catalog import requirements
from domain.catalog.models import Category, CategoryRequirement
from domain.jobs.models import Job, JobState
from domain.shared.clock import utcnow
from domain.shared.context import Actor
from domain.shared.errors import NotFound, ValidationFailed
from domain.shared.uow import UnitOfWork, unit_of_work
from domain.verification import events

MAX_CREDENTIALS = len(requirements.Credential)


async def view(category_id: str) -> dict[str, Any]:
    if not await Category.exists(id=category_id):
        raise NotFound()
    return {"category_id": category_id, "own": await requirements.own(category_id),
            "effective": await requirements.effective(category_id)}


async def replace(actor: Actor, category_id: str, credentials: list[str]) -> dict[str, Any]:
    await authorize(actor, Permission.VERIFICATION_REQUIREMENTS_MANAGE)
    if not await Category.exists(id=category_id):
        raise NotFound()
    known = {c.value for c in requirements.Credential}
    wanted = sorted(set(credentials))
    unknown = [c for c in wanted if c not in known]
    if unknown or len(credentials) > MAX_CREDENTIALS:
        raise ValidationFailed(errors=[{"field": "credentials", "type": "value_error",
                                        "message": f"each one of {', '.join(sorted(known))}"}])
    async with unit_of_work() as uow:
        conn = uow.connection
        await CategoryRequirement.filter(category_id=category_id).using_db(conn).delete()
        for credential in wanted:
            await CategoryRequirement.create(category_id=category_id, credential=credential, using_db=conn)
        await refresh_open_jobs(uow, category_id)
        await events.requirements_changed(uow, category_id, wanted, actor.user_id)
    return await view(category_id)


async def refresh_open_jobs(uow: UnitOfWork, category_id: str) -> int:
    """Rewrite the requirements of the open jobs in the category and below it."""
    conn = uow.connection
    subtree, frontier = {category_id}, {category_id}
    for _ in range(requirements.MAX_DEPTH):
        children = {str(c) for c in await Category.filter(parent_id__in=list(frontier)).using_db(conn).values_list(
            "id", flat=True)} - subtree
        if not children:
            break
        subtree |= children
        frontier = children
    changed = 0
    for category in sorted(subtree):
        needed = await requirements.effective(category, conn)
        for job in await Job.filter(category_id=category, state=JobState.OPEN).using_db(conn).only(
                "id", "required_documents"):
            if sorted(job.required_documents or []) != needed:
                changed += await Job.filter(id=job.id).using_db(conn).update(
                    required_documents=needed, version=F("version") + 1, updated_at=utcnow())
    return changed
