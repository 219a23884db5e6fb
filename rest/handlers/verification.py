"""Provider verification (issue 15): submit and read documents (the serviceman or their
provider's managers), the audited download, the admin queue, category requirements, a
business's crew status, public badges."""

from __future__ import annotations

from typing import Any

from domain.shared.errors import ConflictReason, ErrorCode, NotFound
from domain.verification import requirements
from domain.verification.review import QueueFilter
from domain.verification.service import Submission
from domain.verification.timers import VerificationService
from rest.routing import ApiRequest, RouteTable
from rest.schemas.media import SignedOut
from rest.schemas.verification import (
    ApproveIn,
    BadgesOut,
    CrewOut,
    DocumentListOut,
    QueueQuery,
    RequirementsIn,
    RequirementsOut,
    SubmitIn,
    VerificationAssignIn,
    VerificationDocumentOut,
    VerificationRejectIn,
)

routes = RouteTable(tags=("verification",))
E = ErrorCode
R = ConflictReason
_WRITE_ERRORS = (E.VALIDATION_FAILED, E.FORBIDDEN, E.NOT_FOUND, E.CONFLICT)
_WRITE_REASONS = (R.INVALID_TRANSITION, R.EXPIRED, R.STALE_VERSION, R.NOT_ELIGIBLE)


def _verification(req: ApiRequest[Any, Any]) -> VerificationService:
    if req.deps.verification is None:  # pragma: no cover - the composition root always wires it
        raise NotFound()
    return req.deps.verification


@routes.post("/servicemen/{user_id}/verification/documents", body=SubmitIn, response=VerificationDocumentOut,
             status=201,
             auth=True, errors=(*_WRITE_ERRORS, E.SERVICE_UNAVAILABLE), reasons=_WRITE_REASONS,
             summary="Submit a verification document (the serviceman, or their provider's owner or manager)")
async def verification_submit(req: ApiRequest[SubmitIn, None]) -> dict[str, Any]:
    b = req.body
    fields = b.fields.model_dump(exclude_none=True)
    return await _verification(req).submit(req.actor, req.params["user_id"], Submission(
        b.kind, b.upload_id, fields, b.replaces_id), req.context)


@routes.get("/servicemen/{user_id}/verification/documents", response=DocumentListOut, auth=True,
            errors=(E.NOT_FOUND,), summary="A serviceman's documents, newest first (theirs, their managers, admins)")
async def verification_documents(req: ApiRequest[None, None]) -> DocumentListOut:
    found = await _verification(req).of_subject(req.actor, req.params["user_id"])
    return DocumentListOut.model_validate({"documents": found})


@routes.get("/servicemen/{user_id}/verification", response=BadgesOut, errors=(E.NOT_FOUND,),
            summary="Public: the checks a serviceman passed and their expiry (never a document or its number)")
async def verification_badges(req: ApiRequest[None, None]) -> dict[str, Any]:
    return await _verification(req).badges(req.params["user_id"])


@routes.get("/verification/documents/{document_id}", response=VerificationDocumentOut, auth=True, errors=(E.NOT_FOUND,),
            summary="A document with its review history and external checks")
async def verification_get_document(req: ApiRequest[None, None]) -> dict[str, Any]:
    return await _verification(req).get(req.actor, req.params["document_id"])


@routes.get("/verification/documents/{document_id}/download", response=SignedOut, auth=True,
            errors=(E.NOT_FOUND, E.CONFLICT), reasons=(R.INVALID_TRANSITION,),
            summary="A short-lived URL for the document's file (audited)")
async def verification_download(req: ApiRequest[None, None]) -> SignedOut:
    return SignedOut.of(await _verification(req).download(req.actor, req.params["document_id"], req.context))


@routes.get("/orgs/{org_id}/verification/crew", response=CrewOut, auth=True, errors=(E.NOT_FOUND, E.FORBIDDEN),
            summary="The business's crew: what each holds and the work they are blocked from, and why")
async def verification_crew(req: ApiRequest[None, None]) -> CrewOut:
    return CrewOut.model_validate({"crew": await _verification(req).crew(req.actor, req.params["org_id"])})


@routes.get("/admin/verification/documents", query=QueueQuery, response=DocumentListOut, auth=True,
            errors=(E.FORBIDDEN, E.VALIDATION_FAILED), summary="The verification queue (admins), oldest first")
async def verification_queue(req: ApiRequest[None, QueueQuery]) -> DocumentListOut:
    q = req.query
    found = await _verification(req).queue(req.actor, QueueFilter(q.state, q.kind, q.assignee, q.owner_id, q.limit))
    return DocumentListOut.model_validate({"documents": found})


@routes.post("/admin/verification/documents/{document_id}/assign", body=VerificationAssignIn,
             response=VerificationDocumentOut, auth=True,
             errors=_WRITE_ERRORS, reasons=_WRITE_REASONS, summary="Assign a document to an admin (null unassigns)")
async def verification_assign(req: ApiRequest[VerificationAssignIn, None]) -> dict[str, Any]:
    return await _verification(req).assign(req.actor, req.params["document_id"], req.body.assignee_id)


@routes.post("/admin/verification/documents/{document_id}/approve", body=ApproveIn, response=VerificationDocumentOut,
             auth=True, errors=_WRITE_ERRORS, reasons=_WRITE_REASONS,
             summary="Approve: the credential counts at once, everywhere")
async def verification_approve(req: ApiRequest[ApproveIn, None]) -> dict[str, Any]:
    return await _verification(req).approve(req.actor, req.params["document_id"], req.body.note)


@routes.post("/admin/verification/documents/{document_id}/reject", body=VerificationRejectIn,
             response=VerificationDocumentOut,
             auth=True, errors=_WRITE_ERRORS, reasons=_WRITE_REASONS, summary="Reject with a reason the submitter sees")
async def verification_reject(req: ApiRequest[VerificationRejectIn, None]) -> dict[str, Any]:
    return await _verification(req).reject(req.actor, req.params["document_id"], req.body.reason)


@routes.get("/categories/{category}/requirements", response=RequirementsOut, errors=(E.NOT_FOUND,),
            summary="What a category requires of servicemen (its own and inherited)")
async def category_get_requirements(req: ApiRequest[None, None]) -> dict[str, Any]:
    return await requirements.view(req.params["category"])


@routes.put("/admin/categories/{category}/requirements", body=RequirementsIn, response=RequirementsOut,
            auth=True, errors=(E.VALIDATION_FAILED, E.FORBIDDEN, E.NOT_FOUND),
            summary="Set what a category itself requires (admins); open jobs and eligibility follow at once")
async def category_put_requirements(req: ApiRequest[RequirementsIn, None]) -> dict[str, Any]:
    return await requirements.replace(req.actor, req.params["category"], list(req.body.credentials))
