"""A listing's life after drafting: submit for review, publish or reject, archive.

Every step is a compare-and-set on (state, version), so two concurrent steps cannot both
apply, and records its domain event in the same transaction."""

from __future__ import annotations

from typing import Any

from domain.access.policy import Permission, authorize
from domain.catalog import completeness
from domain.catalog.access import load_service, parties
from domain.catalog.models import ListingState, Service
from domain.catalog.services import record
from domain.catalog.states import Action, transition
from domain.shared.clock import utcnow
from domain.shared.context import Actor
from domain.shared.errors import Conflict, ConflictReason, ValidationFailed
from domain.shared.uow import unit_of_work

# Which permission lets a caller attempt each step; the state table then checks the party.
_PERMISSION = {
    Action.SUBMIT: Permission.SERVICE_EDIT,
    Action.PUBLISH: Permission.SERVICE_REVIEW,
    Action.REJECT: Permission.SERVICE_REVIEW,
    Action.ARCHIVE: Permission.SERVICE_ARCHIVE,
}
_EVENT = {
    Action.SUBMIT: "service.submitted",
    Action.PUBLISH: "service.published",
    Action.REJECT: "service.rejected",
    Action.ARCHIVE: "service.archived",
}


async def step(actor: Actor, service_id: str, action: Action, reason: str | None = None) -> Service:
    service = await load_service(service_id)
    await authorize(actor, _PERMISSION[action], service)
    target = transition(service.state, action, await parties(actor, service))
    if action in (Action.SUBMIT, Action.PUBLISH):
        # Checked again at publish: a zone or a bundled service may have gone since submit.
        gaps = await completeness.missing(service)
        if gaps:
            raise ValidationFailed("The listing is not complete.", errors=gaps)
    changes: dict[str, Any] = {"state": target, "version": service.version + 1, "updated_at": utcnow()}
    if target == ListingState.PUBLISHED:
        changes["published_at"] = utcnow()
    async with unit_of_work() as uow:
        updated = await Service.filter(id=service.id, state=service.state, version=service.version).using_db(
            uow.connection
        ).update(**changes)
        if not updated:
            raise Conflict("The listing changed meanwhile; reload it.", reason=ConflictReason.STALE_VERSION)
        service = await Service.get(id=service.id, using_db=uow.connection)
        extra = {"reason": reason} if reason else {}
        await record(_EVENT[action], service, actor, uow, **extra)
    return service


async def submit(actor: Actor, service_id: str) -> Service:
    return await step(actor, service_id, Action.SUBMIT)


async def publish(actor: Actor, service_id: str) -> Service:
    return await step(actor, service_id, Action.PUBLISH)


async def reject(actor: Actor, service_id: str, reason: str | None = None) -> Service:
    return await step(actor, service_id, Action.REJECT, reason)


async def archive(actor: Actor, service_id: str) -> Service:
    return await step(actor, service_id, Action.ARCHIVE)
