"""Trust and safety: users report things; admins work the one moderation queue (filters,
assignment, decisions) and the payments the fraud rules held for review."""

from __future__ import annotations

from typing import Any

from domain.safety.decisions import Ruling
from domain.safety.models import Action, ItemState, Source, SubjectKind
from domain.safety.queue import QueueFilter
from domain.safety.service import SafetyService
from domain.shared.errors import ConflictReason, ErrorCode, NotFound
from rest.routing import ApiRequest, RouteTable
from rest.schemas.safety import (
    AssignIn,
    ClearHoldIn,
    DecisionIn,
    HoldListOut,
    HoldOut,
    HoldQuery,
    ItemDetailOut,
    ItemListOut,
    QueueQuery,
    ReportIn,
    ReportOut,
)

routes = RouteTable(tags=("safety",))
E = ErrorCode
R = ConflictReason
_WRITE_ERRORS = (E.VALIDATION_FAILED, E.FORBIDDEN, E.NOT_FOUND, E.CONFLICT)
_WRITE_REASONS = (R.NOT_ALLOWED, R.CLOSED, R.INVALID_TRANSITION, R.STALE_VERSION, R.PAYMENT_DECLINED,
                  R.AMOUNT_OUT_OF_RANGE)


def _safety(req: ApiRequest[Any, Any]) -> SafetyService:
    if req.deps.safety is None:  # pragma: no cover - the composition root always wires it
        raise NotFound()
    return req.deps.safety


@routes.post("/reports", body=ReportIn, response=ReportOut, status=201, auth=True, errors=_WRITE_ERRORS,
             reasons=_WRITE_REASONS,
             summary="Report a message, user, listing, storefront, job, bid, comment or review you can see")
async def file_report(req: ApiRequest[ReportIn, None]) -> dict[str, Any]:
    b = req.body
    return await _safety(req).report(req.actor, b.kind, b.subject_id, b.reason, b.note)


@routes.get("/admin/moderation", query=QueueQuery, response=ItemListOut, auth=True,
            errors=(E.FORBIDDEN, E.VALIDATION_FAILED),
            summary="The moderation queue (admins): most reported first; filter by state, kind, source, "
                    "report count, age, assignee")
async def moderation_queue(req: ApiRequest[None, QueueQuery]) -> ItemListOut:
    q = req.query
    found = await _safety(req).queue(req.actor, QueueFilter(
        state=None if q.state == "all" else ItemState(q.state), kind=SubjectKind(q.kind) if q.kind else None,
        source=Source(q.source) if q.source else None,
        min_reports=q.min_reports, min_age_hours=q.min_age_hours, assignee_id=q.assignee, limit=q.limit,
        offset=q.offset))
    return ItemListOut.model_validate({"items": found})


@routes.get("/admin/moderation/{item_id}", response=ItemDetailOut, auth=True, errors=(E.FORBIDDEN, E.NOT_FOUND),
            summary="A moderation item with its reports and decisions (admins)")
async def moderation_item(req: ApiRequest[None, None]) -> dict[str, Any]:
    return await _safety(req).item(req.actor, req.params["item_id"])


@routes.post("/admin/moderation/{item_id}/assign", body=AssignIn, response=ItemDetailOut, auth=True,
             errors=_WRITE_ERRORS, reasons=_WRITE_REASONS,
             summary="Assign a moderation item to an admin (yourself by default)")
async def assign_moderation_item(req: ApiRequest[AssignIn, None]) -> dict[str, Any]:
    return await _safety(req).assign(req.actor, req.params["item_id"], req.body.assignee_id, req.context)


@routes.post("/admin/moderation/{item_id}/decision", body=DecisionIn, response=ItemDetailOut, auth=True,
             errors=_WRITE_ERRORS, reasons=_WRITE_REASONS,
             summary="Decide a moderation item (admins): dismiss, warn, hide the content or suspend its author "
                     "(until a time, or for good); audited, and the reported party is told why")
async def decide_moderation_item(req: ApiRequest[DecisionIn, None]) -> dict[str, Any]:
    b = req.body
    return await _safety(req).decide(req.actor, req.params["item_id"], Ruling(Action(b.action), b.reason, b.until),
                                     req.context)


@routes.get("/admin/payment-holds", query=HoldQuery, response=HoldListOut, auth=True,
            errors=(E.FORBIDDEN, E.VALIDATION_FAILED),
            summary="Payments the fraud rules held for review (admins), oldest first")
async def payment_holds(req: ApiRequest[None, HoldQuery]) -> HoldListOut:
    q = req.query
    found = await _safety(req).holds(req.actor, None if q.state == "all" else q.state, q.limit, q.offset)
    return HoldListOut.model_validate({"holds": found})


@routes.post("/admin/payment-holds/{hold_id}/clear", body=ClearHoldIn, response=HoldOut, auth=True,
             errors=_WRITE_ERRORS, reasons=_WRITE_REASONS,
             summary="Clear a payment held for review (admins): it is captured now if its booking was accepted")
async def clear_payment_hold(req: ApiRequest[ClearHoldIn, None]) -> dict[str, Any]:
    return await _safety(req).clear_hold(req.actor, req.params["hold_id"], req.body.note, req.context)
