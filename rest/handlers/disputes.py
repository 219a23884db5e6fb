"""Disputes: open one on a booking, read it and its timeline, add evidence and responses, make
and answer offers, escalate, withdraw; admins: the queue, assignment, decisions."""

from __future__ import annotations

from typing import Any

from domain.disputes.admin import QueueFilter
from domain.disputes.models import DisputeState, EntryKind, Outcome
from domain.disputes.service import DisputeService
from domain.disputes.services import EntryDraft
from domain.disputes.states import OPEN
from domain.shared.errors import ConflictReason, ErrorCode, NotFound
from rest.routing import ApiRequest, RouteTable
from rest.schemas.disputes import (
    DisputeAssignIn,
    DisputeDecisionIn,
    DisputeListOut,
    DisputeOut,
    EntriesQuery,
    EntryIn,
    EntryListOut,
    EntryOut,
    OfferAnswerIn,
    OfferIn,
    OpenDisputeIn,
    QueueQuery,
)

routes = RouteTable(tags=("disputes",))
E = ErrorCode
R = ConflictReason
_WRITE_ERRORS = (E.VALIDATION_FAILED, E.FORBIDDEN, E.NOT_FOUND, E.CONFLICT)
_WRITE_REASONS = (R.NOT_ELIGIBLE, R.AMOUNT_OUT_OF_RANGE, R.DUPLICATE, R.NOT_ALLOWED, R.CLOSED, R.LIMIT_REACHED,
                  R.INVALID_TRANSITION, R.EXPIRED, R.STALE_VERSION, R.PAYMENT_DECLINED)


def _disputes(req: ApiRequest[Any, Any]) -> DisputeService:
    if req.deps.disputes is None:  # pragma: no cover - the composition root always wires it
        raise NotFound()
    return req.deps.disputes


@routes.post("/bookings/{booking_id}/disputes", body=OpenDisputeIn, response=DisputeOut, status=201, auth=True,
             errors=_WRITE_ERRORS, reasons=_WRITE_REASONS,
             summary="Dispute a booking's payment (its customer, lead or provider managers; "
             "admins at any time): freezes the release at once")
async def open_dispute(req: ApiRequest[OpenDisputeIn, None]) -> dict[str, Any]:
    b = req.body
    return await _disputes(req).open(req.actor, req.params["booking_id"], reason=b.reason,
                                     description=b.description, claimed=b.claimed.money(), milestone=b.milestone,
                                     context=req.context)


@routes.get("/bookings/{booking_id}/disputes", response=DisputeListOut, auth=True, errors=(E.NOT_FOUND,),
            summary="A booking's disputes (its parties)")
async def booking_disputes(req: ApiRequest[None, None]) -> DisputeListOut:
    found = await _disputes(req).of_booking(req.actor, req.params["booking_id"])
    return DisputeListOut.model_validate({"disputes": found})


@routes.get("/disputes/{dispute_id}", response=DisputeOut, auth=True, errors=(E.NOT_FOUND,),
            summary="A dispute with the timeline you may see (its parties and admins)")
async def get_dispute(req: ApiRequest[None, None]) -> dict[str, Any]:
    return await _disputes(req).get(req.actor, req.params["dispute_id"])


@routes.get("/disputes/{dispute_id}/entries", query=EntriesQuery, response=EntryListOut, auth=True,
            errors=(E.NOT_FOUND, E.VALIDATION_FAILED), summary="Timeline entries after `after_seq`")
async def dispute_entries(req: ApiRequest[None, EntriesQuery]) -> EntryListOut:
    found = await _disputes(req).entries(req.actor, req.params["dispute_id"], req.query.after_seq)
    return EntryListOut.model_validate({"entries": found})


@routes.post("/disputes/{dispute_id}/entries", body=EntryIn, response=EntryOut, status=201, auth=True,
             errors=_WRITE_ERRORS, reasons=_WRITE_REASONS,
             summary="Add evidence or a response (the other side's first entry answers)")
async def add_entry(req: ApiRequest[EntryIn, None]) -> dict[str, Any]:
    b = req.body
    draft = EntryDraft(EntryKind(b.kind), b.body, b.shared, list(b.message_ids), list(b.upload_ids), b.client_key)
    return await _disputes(req).add_entry(req.actor, req.params["dispute_id"], draft, context=req.context)


@routes.post("/disputes/{dispute_id}/offers", body=OfferIn, response=EntryOut, status=201, auth=True,
             errors=_WRITE_ERRORS, reasons=_WRITE_REASONS, summary="Offer a partial refund to the other side")
async def make_offer(req: ApiRequest[OfferIn, None]) -> dict[str, Any]:
    b = req.body
    return await _disputes(req).offer(req.actor, req.params["dispute_id"], b.refund.money(), body=b.body,
                                      client_key=b.client_key, context=req.context)


@routes.post("/disputes/{dispute_id}/offer/accept", body=OfferAnswerIn, response=DisputeOut, auth=True,
             errors=_WRITE_ERRORS, reasons=_WRITE_REASONS, summary="Accept the open offer: the dispute settles on it")
async def accept_offer(req: ApiRequest[OfferAnswerIn, None]) -> dict[str, Any]:
    return await _disputes(req).answer_offer(req.actor, req.params["dispute_id"], req.body.seq, accept=True,
                                             context=req.context)


@routes.post("/disputes/{dispute_id}/offer/decline", body=OfferAnswerIn, response=DisputeOut, auth=True,
             errors=_WRITE_ERRORS, reasons=_WRITE_REASONS, summary="Decline the open offer")
async def decline_offer(req: ApiRequest[OfferAnswerIn, None]) -> dict[str, Any]:
    return await _disputes(req).answer_offer(req.actor, req.params["dispute_id"], req.body.seq, accept=False,
                                             context=req.context)


@routes.post("/disputes/{dispute_id}/escalate", response=DisputeOut, auth=True, errors=_WRITE_ERRORS,
             reasons=_WRITE_REASONS,
             summary="Ask an admin to decide")
async def escalate(req: ApiRequest[None, None]) -> dict[str, Any]:
    return await _disputes(req).escalate(req.actor, req.params["dispute_id"], context=req.context)


@routes.post("/disputes/{dispute_id}/withdraw", response=DisputeOut, auth=True, errors=_WRITE_ERRORS,
             reasons=_WRITE_REASONS,
             summary="Withdraw your dispute (its opener or an admin): nothing moves, the release resumes")
async def withdraw(req: ApiRequest[None, None]) -> dict[str, Any]:
    return await _disputes(req).withdraw(req.actor, req.params["dispute_id"], context=req.context)


@routes.post("/disputes/{dispute_id}/decision", body=DisputeDecisionIn, response=DisputeOut, auth=True,
             errors=_WRITE_ERRORS, reasons=_WRITE_REASONS,
             summary="Decide a dispute (admins): refund, release or split, with a reason")
async def decide(req: ApiRequest[DisputeDecisionIn, None]) -> dict[str, Any]:
    b = req.body
    return await _disputes(req).decide(req.actor, req.params["dispute_id"], Outcome(b.outcome),
                                       b.refund.money() if b.refund else None, b.reason, context=req.context)


@routes.get("/admin/disputes", query=QueueQuery, response=DisputeListOut, auth=True,
            errors=(E.FORBIDDEN, E.VALIDATION_FAILED),
            summary="The dispute queue (admins): most urgent first; filter by state, age, deadline, amount, category")
async def queue(req: ApiRequest[None, QueueQuery]) -> DisputeListOut:
    q = req.query
    states = (DisputeState(q.state),) if q.state else tuple(OPEN)
    found = await _disputes(req).queue(req.actor, QueueFilter(
        states=states, min_age_hours=q.min_age_hours, due_before=q.due_before, min_amount=q.min_amount,
        max_amount=q.max_amount, category=q.category, assignee_id=q.assignee, limit=q.limit, offset=q.offset))
    return DisputeListOut.model_validate({"disputes": found})


@routes.post("/admin/disputes/{dispute_id}/assign", body=DisputeAssignIn, response=DisputeOut, auth=True,
             errors=_WRITE_ERRORS, reasons=_WRITE_REASONS, summary="Assign a dispute to an admin (yourself by default)")
async def assign(req: ApiRequest[DisputeAssignIn, None]) -> dict[str, Any]:
    return await _disputes(req).assign(req.actor, req.params["dispute_id"], req.body.assignee_id,
                                       context=req.context)
