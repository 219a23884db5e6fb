"""The admin side: the queue (filters: state, age, deadline, amount, category), assignment."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from domain.access.policy import Permission, authorize
from domain.accounts.models import User
from domain.disputes import events
from domain.disputes.models import Dispute, DisputeState, EntryKind, Side
from domain.disputes.services import Disputes
from domain.disputes.states import OPEN
from domain.disputes.timeline import append
from domain.disputes.views import dispute_dict
from domain.shared.clock import utcnow
from domain.shared.context import Actor, RequestContext
from domain.shared.errors import NotFound
from domain.shared.ids import as_uuid
from domain.shared.uow import unit_of_work


@dataclass(frozen=True)
class QueueFilter:
    states: tuple[DisputeState, ...] = tuple(OPEN)
    min_age_hours: float | None = None  # opened at least this long ago
    due_before: datetime | None = None  # the next deadline before this moment
    min_amount: int | None = None
    max_amount: int | None = None
    category: str | None = None
    assignee_id: str | None = None  # "none": unassigned
    limit: int = 50
    offset: int = 0


class DisputeAdmin(Disputes):
    async def queue(self, actor: Actor, f: QueueFilter) -> list[dict[str, Any]]:
        """Most urgent first: priority, then the nearest deadline."""
        await authorize(actor, Permission.DISPUTE_MANAGE)
        query = Dispute.filter(state__in=list(f.states))
        if f.min_age_hours is not None:
            query = query.filter(created_at__lte=utcnow() - timedelta(hours=f.min_age_hours))
        if f.due_before is not None:
            query = query.filter(due_at__lte=f.due_before)
        if f.min_amount is not None:
            query = query.filter(claimed_amount__gte=f.min_amount)
        if f.max_amount is not None:
            query = query.filter(claimed_amount__lte=f.max_amount)
        if f.category:
            query = query.filter(category=f.category)
        if f.assignee_id == "none":
            query = query.filter(assignee_id__isnull=True)
        elif f.assignee_id:
            query = query.filter(assignee_id=as_uuid(f.assignee_id))
        rows = await query.order_by("-priority", "due_at", "created_at").offset(f.offset).limit(f.limit)
        return [{**dispute_dict(d), "priority": d.priority} for d in rows]

    async def assign(self, actor: Actor, dispute_id: str, assignee_id: str | None,
                     context: RequestContext | None = None) -> dict[str, Any]:
        """Give the dispute to an admin (yourself when none is named)."""
        await authorize(actor, Permission.DISPUTE_MANAGE)
        target = as_uuid(assignee_id or actor.user_id)
        user = await User.get_or_none(id=target) if target else None
        if user is None or "admin" not in (user.roles or []):
            raise NotFound("No such admin.")
        uid = as_uuid(dispute_id)
        dispute = await Dispute.get_or_none(id=uid) if uid else None
        if dispute is None:
            raise NotFound()
        async with unit_of_work() as uow:
            dispute = await self._locked_open(uow, dispute)
            before = str(dispute.assignee_id) if dispute.assignee_id else None
            dispute, entry = await append(uow, dispute, EntryKind.STATUS, actor.user_id, Side.ADMIN, shared=True,
                                          data={"assigned_to": str(user.id)}, updates={"assignee_id": user.id})
            await events.record(uow, events.ASSIGNED, dispute, entry, actor.user_id, notify=[str(user.id)]
                                if str(user.id) != actor.user_id else [])
            await self._audit(uow, actor, context, "dispute.assigned", dispute, {"assignee": before},
                              {"assignee": str(user.id)})
        return await self._admin_view(actor, dispute.id)
