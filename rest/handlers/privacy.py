"""Data-subject rights (issue 18): the person's erasure request (grace period, cancellable), and
the admins' queue of requests with its one-month clock, identity checks, extensions, refusals."""

from __future__ import annotations

from typing import Any

from domain.privacy.models import OPEN_STATES, RequestKind, RequestState
from domain.privacy.requests import PrivacyRequests
from domain.shared.errors import ConflictReason, ErrorCode, NotFound
from rest.routing import ApiRequest, RouteTable
from rest.schemas.privacy import (
    AdminRequestOut,
    ErasureIn,
    ExtendIn,
    FileRequestIn,
    IdentityCheckIn,
    QueueQuery,
    RefuseIn,
    RequestListOut,
    RequestOut,
)

routes = RouteTable(tags=("privacy",))
E = ErrorCode
R = ConflictReason
_ADMIN_WRITE = (E.VALIDATION_FAILED, E.FORBIDDEN, E.NOT_FOUND, E.CONFLICT)


def _privacy(req: ApiRequest[Any, Any]) -> PrivacyRequests:
    if req.deps.privacy is None:  # pragma: no cover - the composition root always wires it
        raise NotFound()
    return req.deps.privacy


@routes.post("/me/erasure", body=ErasureIn, response=RequestOut, status=201, auth=True,
             errors=(E.INVALID_CREDENTIALS, E.UNAUTHORIZED, E.CONFLICT, E.RATE_LIMITED, E.VALIDATION_FAILED),
             reasons=(R.DUPLICATE,),
             summary="Ask for the erasure of your account (after a grace period; cancellable until then)",
             description="Re-enter your password. The erasure runs once `execute_after` passes (ERASURE_GRACE_DAYS); "
                         "until then you may still log in and cancel it (DELETE). Then every login ends, your data is "
                         "deleted or pseudonymised (docs/privacy.md), and the others see \"Deleted user\".")
async def request_erasure(req: ApiRequest[ErasureIn, None]) -> RequestOut:
    return RequestOut.of(await _privacy(req).request_erasure(req.actor, req.body.password, req.context))


@routes.get("/me/erasure", response=RequestOut, auth=True, errors=(E.NOT_FOUND,),
            summary="Your latest erasure request and where it stands")
async def get_erasure(req: ApiRequest[None, None]) -> RequestOut:
    return RequestOut.of(await _privacy(req).erasure(req.actor))


@routes.delete("/me/erasure", response=RequestOut, auth=True, errors=(E.NOT_FOUND,),
               summary="Cancel your erasure request within its grace period")
async def cancel_erasure(req: ApiRequest[None, None]) -> RequestOut:
    return RequestOut.of(await _privacy(req).cancel_erasure(req.actor, req.context))


@routes.get("/admin/privacy/requests", query=QueueQuery, response=RequestListOut, auth=True,
            errors=(E.FORBIDDEN, E.VALIDATION_FAILED),
            summary="The data-subject request queue (admins): by due date, soonest first, with `overdue`")
async def privacy_queue(req: ApiRequest[None, QueueQuery]) -> RequestListOut:
    q = req.query
    states: tuple[RequestState, ...]
    if q.state == "open":
        states = OPEN_STATES
    elif q.state == "all":
        states = tuple(RequestState)
    else:
        states = (RequestState(q.state),)
    found = await _privacy(req).queue(req.actor, states=states, kind=RequestKind(q.kind) if q.kind else None,
                                      limit=q.limit, offset=q.offset)
    return RequestListOut(requests=[AdminRequestOut.entry(e) for e in found])


@routes.post("/admin/privacy/requests", body=FileRequestIn, response=AdminRequestOut, status=201, auth=True,
             errors=(E.VALIDATION_FAILED, E.FORBIDDEN, E.NOT_FOUND),
             summary="Record a request a person made by another channel (letter, e-mail)")
async def file_privacy_request(req: ApiRequest[FileRequestIn, None]) -> AdminRequestOut:
    b = req.body
    privacy = _privacy(req)
    made = await privacy.file(req.actor, b.user_id, RequestKind(b.kind), req.context, b.received_at)
    return AdminRequestOut.entry(await privacy.get(req.actor, str(made.id)))


@routes.get("/admin/privacy/requests/{request_id}", response=AdminRequestOut, auth=True,
            errors=(E.FORBIDDEN, E.NOT_FOUND), summary="One data-subject request (admins)")
async def get_privacy_request(req: ApiRequest[None, None]) -> AdminRequestOut:
    return AdminRequestOut.entry(await _privacy(req).get(req.actor, req.params["request_id"]))


@routes.post("/admin/privacy/requests/{request_id}/identity-check", body=IdentityCheckIn, response=AdminRequestOut,
             auth=True, errors=_ADMIN_WRITE, reasons=(R.INVALID_TRANSITION,),
             summary="Record how the requester's identity was checked (an erasure is then scheduled)")
async def check_request_identity(req: ApiRequest[IdentityCheckIn, None]) -> AdminRequestOut:
    privacy = _privacy(req)
    done = await privacy.check_identity(req.actor, req.params["request_id"], req.body.method, req.context)
    return AdminRequestOut.entry(await privacy.get(req.actor, str(done.id)))


@routes.post("/admin/privacy/requests/{request_id}/extend", body=ExtendIn, response=AdminRequestOut, auth=True,
             errors=_ADMIN_WRITE, reasons=(R.INVALID_TRANSITION, R.LIMIT_REACHED),
             summary="Extend the deadline by one or two months, with a reason (two at most in all)")
async def extend_request(req: ApiRequest[ExtendIn, None]) -> AdminRequestOut:
    privacy = _privacy(req)
    done = await privacy.extend(req.actor, req.params["request_id"], req.body.months, req.body.reason, req.context)
    return AdminRequestOut.entry(await privacy.get(req.actor, str(done.id)))


@routes.post("/admin/privacy/requests/{request_id}/refuse", body=RefuseIn, response=AdminRequestOut, auth=True,
             errors=_ADMIN_WRITE, reasons=(R.INVALID_TRANSITION,),
             summary="Refuse a request, with the reason the person is told")
async def refuse_request(req: ApiRequest[RefuseIn, None]) -> AdminRequestOut:
    privacy = _privacy(req)
    done = await privacy.refuse(req.actor, req.params["request_id"], req.body.reason, req.context)
    return AdminRequestOut.entry(await privacy.get(req.actor, str(done.id)))
