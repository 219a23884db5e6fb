"""Data-subject export (GDPR Art. 15/20, issue 18, docs/privacy-export.md): ask, watch the
state, download the bundle through a short-lived link. The bundle's layout is published as a
JSON Schema (docs/privacy-export.schema.json)."""

from __future__ import annotations

from domain.privacy.export_service import Exports
from domain.shared.errors import ConflictReason, ErrorCode, NotFound
from rest.routing import ApiRequest, RouteTable
from rest.schemas.media import SignedOut
from rest.schemas.privacy_exports import ExportListOut, ExportOut

routes = RouteTable(tags=("privacy",))
E = ErrorCode
R = ConflictReason


def _exports(req: ApiRequest[None, None]) -> Exports:
    if req.deps.exports is None:
        raise NotFound()
    return req.deps.exports


@routes.post("/me/exports", response=ExportOut, status=202, auth=True, errors=(E.CONFLICT,),
             reasons=(R.DUPLICATE,), summary="Ask for an export of your personal data",
             description="Accepted: a background job builds one JSON document with your data from every part "
                         "of Fieldsync the personal-data registry names (docs/privacy-export.schema.json), and "
                         "a notification says when it is ready. One export at a time: 409 `duplicate` (with "
                         "`details.export_id`) while one is requested or building.")
async def request_export(req: ApiRequest[None, None]) -> ExportOut:
    return ExportOut.of(await _exports(req).request(req.actor, req.context))


@routes.get("/me/exports", response=ExportListOut, auth=True, summary="Your data exports, newest first")
async def list_exports(req: ApiRequest[None, None]) -> ExportListOut:
    return ExportListOut.of(await _exports(req).list_mine(req.actor))


@routes.get("/me/exports/{export_id}", response=ExportOut, auth=True, errors=(E.NOT_FOUND,),
            summary="One of your data exports (another's is not found)")
async def get_export(req: ApiRequest[None, None]) -> ExportOut:
    return ExportOut.of(await _exports(req).get(req.actor, req.params["export_id"]))


@routes.get("/me/exports/{export_id}/download", response=SignedOut, auth=True, errors=(E.NOT_FOUND, E.CONFLICT),
            reasons=(R.INVALID_TRANSITION, R.EXPIRED),
            summary="A short-lived link reading the export",
            description="The link works until its `expires_at` (MEDIA_DOWNLOAD_TTL_SECONDS); ask again for a new "
                        "one until the export's own `expires_at`. Each link is an audit record. 409 "
                        "`invalid_transition` before the export is ready, `expired` after.")
async def download_export(req: ApiRequest[None, None]) -> SignedOut:
    return SignedOut.of(await _exports(req).download(req.actor, req.params["export_id"], req.context))
