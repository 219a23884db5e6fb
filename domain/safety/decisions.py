"""Decisions on the moderation queue: dismiss, warn, hide the content, suspend its author (for a
while or for good). One unit of work each: the item's compare-and-set, the decision, the effect
through its own context (the review's hide, the listing's archive, the account suspension that
ends every session and socket), the audit record with its `audit.events` message, and the
notice that tells the reported party what was done and why (nothing is said on a dismissal)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from tortoise.expressions import F

from domain.access.policy import Permission, authorize
from domain.accounts.admin import AdminService
from domain.audit import services as audit
from domain.notifications import centre
from domain.safety import queue, subjects
from domain.safety.models import Action, Decision, ItemState, ModerationItem, Suspension
from domain.safety.notices import notice
from domain.shared.clock import isoformat, utcnow
from domain.shared.context import Actor, RequestContext
from domain.shared.errors import Conflict, ConflictReason, ValidationFailed
from domain.shared.uow import UnitOfWork, unit_of_work

# Lifting a temporary suspension is the moderation timer's act, audited under this name.
SYSTEM = Actor("system:moderation", frozenset({"admin"}))


def _invalid(field: str, message: str) -> ValidationFailed:
    return ValidationFailed(errors=[{"field": field, "message": message, "type": "value_error"}])


@dataclass(frozen=True)
class Ruling:
    action: Action
    reason: str
    until: datetime | None = None  # suspend only: None is permanent


class Moderation:
    def __init__(self, admin: AdminService) -> None:
        self._admin = admin

    async def decide(self, actor: Actor, item_id: str, ruling: Ruling, context: RequestContext) -> queue.ItemDetail:
        await authorize(actor, Permission.MODERATION_MANAGE)
        item = await queue.load(item_id)
        reason = ruling.reason.strip()
        if ruling.action is not Action.DISMISS and not reason:
            raise _invalid("reason", "the reported party is told why: give a reason")
        if ruling.until is not None and (ruling.action is not Action.SUSPEND or ruling.until <= utcnow()):
            raise _invalid("until", "only a suspension has an end, and it lies ahead")
        if ruling.action in (Action.WARN, Action.SUSPEND) and item.party_id is None:
            raise Conflict("Nobody to warn or suspend: the author is gone.", details={"cause": "no_party"},
                           reason=ConflictReason.NOT_ALLOWED)
        if item.state is not ItemState.OPEN:
            raise Conflict("This item was decided already.", details={"state": item.state.value},
                           reason=ConflictReason.CLOSED)
        async with unit_of_work() as uow:
            # Claimed while open, whatever its version: a report or flag counted meanwhile adds to
            # the same thing the admin decides on; a second decision finds it decided.
            claimed = await ModerationItem.filter(id=item.id, state=ItemState.OPEN).using_db(
                uow.connection).update(
                state=ItemState.DISMISSED if ruling.action is Action.DISMISS else ItemState.ACTIONED,
                decided_at=utcnow(), version=F("version") + 1, updated_at=utcnow())
            if not claimed:
                raise Conflict("This item was decided already.", details={"cause": "decided"},
                               reason=ConflictReason.CLOSED)
            decision = await Decision.create(item_id=item.id, action=ruling.action, reason=reason[:500],
                                             until=ruling.until, decided_by_id=actor.user_id,
                                             using_db=uow.connection)
            await self._apply(uow, actor, item, ruling, decision, context)
            await audit.record(uow, actor=actor, action=f"moderation.{ruling.action.value}",
                               subject_type="moderation_item", subject_id=str(item.id), context=context,
                               before={"state": item.state.value},
                               after={"action": ruling.action.value, "reason": reason,
                                      "subject_kind": item.subject_kind.value, "subject_id": item.subject_id,
                                      "party_id": str(item.party_id) if item.party_id else None,
                                      "until": isoformat(ruling.until) if ruling.until else None})
            if ruling.action is not Action.DISMISS and item.party_id is not None:
                await centre.record(await notice(item, ruling.action, ruling.until, reason, uow.connection),
                                    uow.connection)
        return await queue.detail(actor, item_id)

    async def _apply(self, uow: UnitOfWork, actor: Actor, item: ModerationItem, ruling: Ruling, decision: Decision,
                     context: RequestContext) -> None:
        """The effect, through its own context, as a savepoint of the decision's unit of work."""
        if ruling.action is Action.HIDE:
            await subjects.hide(actor, item.subject_kind, item.subject_id, ruling.reason)
        elif ruling.action is Action.SUSPEND:
            assert item.party_id is not None
            await self._admin.set_suspended(actor, str(item.party_id), True, context)
            await Suspension.create(user_id=item.party_id, decision_id=decision.id, until=ruling.until,
                                    using_db=uow.connection)

    async def lift_due(self, now: datetime | None = None) -> int:
        """The timer: temporary suspensions whose end passed are lifted, unless another
        suspension of the same user still runs (a later one, or a permanent one)."""
        now = now or utcnow()
        lifted = 0
        for due in await Suspension.filter(lifted_at__isnull=True, until__lte=now).limit(100):
            async with unit_of_work() as uow:
                claimed = await Suspension.filter(id=due.id, lifted_at__isnull=True).using_db(uow.connection).update(
                    lifted_at=now)
                if not claimed:
                    continue  # another process lifted it
                still = await Suspension.filter(user_id=due.user_id, lifted_at__isnull=True).using_db(
                    uow.connection).exclude(until__lte=now).exists()
                if not still:
                    await self._admin.set_suspended(SYSTEM, str(due.user_id), False, RequestContext())
                lifted += 1
        return lifted

