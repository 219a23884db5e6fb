"""The safety context as the adapters see it: reports, the moderation queue and its decisions,
payments held for review."""

from __future__ import annotations

from typing import Any

from domain.safety import queue, reports
from domain.safety.decisions import Moderation, Ruling
from domain.safety.fraud import FraudScreen
from domain.safety.models import HoldState, ReportReason, SubjectKind
from domain.safety.views import detail_dict, hold_dict, item_dict, report_dict
from domain.shared.context import Actor, RequestContext


class SafetyService:
    def __init__(self, moderation: Moderation, fraud: FraudScreen) -> None:
        self.moderation = moderation
        self.fraud = fraud

    async def report(self, actor: Actor, kind: str, subject_id: str, reason: str, note: str) -> dict[str, Any]:
        filed = await reports.report(actor, SubjectKind(kind), subject_id, ReportReason(reason), note)
        return {**report_dict(filed.report), "counted": filed.counted}

    async def queue(self, actor: Actor, f: queue.QueueFilter) -> list[dict[str, Any]]:
        return [item_dict(item) for item in await queue.listing(actor, f)]

    async def item(self, actor: Actor, item_id: str) -> dict[str, Any]:
        return detail_dict(await queue.detail(actor, item_id))

    async def assign(self, actor: Actor, item_id: str, assignee_id: str | None,
                     context: RequestContext) -> dict[str, Any]:
        return detail_dict(await queue.assign(actor, item_id, assignee_id, context))

    async def decide(self, actor: Actor, item_id: str, ruling: Ruling, context: RequestContext) -> dict[str, Any]:
        return detail_dict(await self.moderation.decide(actor, item_id, ruling, context))

    async def holds(self, actor: Actor, state: str | None, limit: int, offset: int) -> list[dict[str, Any]]:
        found = await self.fraud.list_holds(actor, HoldState(state) if state else None, limit, offset)
        return [hold_dict(h) for h in found]

    async def clear_hold(self, actor: Actor, hold_id: str, note: str, context: RequestContext) -> dict[str, Any]:
        return hold_dict(await self.fraud.clear(actor, hold_id, note, context))
