"""Uploads (issue 14, docs/uploads.md): declare, send the bytes to the signed URL, confirm;
read the metadata and short-lived download URLs, decided by the policy at request time."""

from __future__ import annotations

from domain.media.services import Declaration, Media
from domain.shared.errors import ConflictReason, ErrorCode, NotFound
from rest.routing import ApiRequest, RouteTable
from rest.schemas.media import DeclaredOut, SignedOut, UploadIn, UploadOut

routes = RouteTable(tags=("uploads",))
E = ErrorCode
R = ConflictReason


def _media(req: ApiRequest[object, object]) -> Media:
    if req.deps.media is None:
        raise NotFound()
    return req.deps.media


@routes.post("/uploads", body=UploadIn, response=DeclaredOut, status=201, auth=True,
             errors=(E.VALIDATION_FAILED, E.CONFLICT), reasons=(R.LIMIT_REACHED,),
             summary="Declare a file and get a short-lived signed upload for its bytes",
             description="The kind decides the allowed types and the size cap (422 otherwise). Send the bytes "
                         "with `put` (its method, URL and headers) before it expires, then confirm. At most 50 "
                         "uploads may wait for confirmation per user (409).")
async def declare_upload(req: ApiRequest[UploadIn, None]) -> DeclaredOut:
    b = req.body
    return DeclaredOut.of(await _media(req).declare(  # type: ignore[arg-type]
        req.actor, Declaration(b.kind, b.content_type, b.size, b.sha256, b.filename)))


@routes.post("/uploads/{upload_id}/confirm", response=UploadOut, auth=True,
             errors=(E.NOT_FOUND, E.CONFLICT, E.VALIDATION_FAILED), reasons=(R.INVALID_TRANSITION, R.NOT_ELIGIBLE),
             summary="Check the bytes that arrived and keep them",
             description="Size, checksum and the real type (read from the bytes) must match the declaration and "
                         "the kind's rules; pictures are re-encoded without metadata (EXIF location is gone); a "
                         "malware scan runs. Refused: 422 with the reason in `errors[0].type`, nothing kept. "
                         "409 while the bytes have not arrived. Confirming again returns the upload.")
async def confirm_upload(req: ApiRequest[None, None]) -> UploadOut:
    return UploadOut.of(await _media(req).confirm(req.actor, req.params["upload_id"]))  # type: ignore[arg-type]


@routes.get("/uploads/{upload_id}", response=UploadOut, auth=True, errors=(E.NOT_FOUND,),
            summary="An upload's metadata (its owner, admins, and whoever may read what holds it)")
async def get_upload(req: ApiRequest[None, None]) -> UploadOut:
    return UploadOut.of(await _media(req).get(req.actor, req.params["upload_id"]))  # type: ignore[arg-type]


@routes.get("/uploads/{upload_id}/download", response=SignedOut, auth=True, errors=(E.NOT_FOUND, E.CONFLICT),
            reasons=(R.INVALID_TRANSITION,),
            summary="A short-lived URL reading the file",
            description="Decided by the policy now: a user who may not read the file gets 404. The URL works "
                        "until `expires_at` (MEDIA_DOWNLOAD_TTL_SECONDS); ask again for a new one. A file "
                        "that is personal data (a verification document's) leaves an audit record per URL.")
async def download_upload(req: ApiRequest[None, None]) -> SignedOut:
    return SignedOut.of(await _media(req).download(  # type: ignore[arg-type]
        req.actor, req.params["upload_id"], req.context))
