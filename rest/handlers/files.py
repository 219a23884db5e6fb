"""The local disk store's signed URLs (infra/media_disk.py), for the embedded default: the
signature is the credential (no bearer token), valid for one method, one key, one type and
size, until it expires. With the S3 store these routes answer 404."""

from __future__ import annotations

from urllib.parse import quote

from aiohttp import web

from domain.shared.errors import ErrorCode, Forbidden, NotFound
from infra.media_disk import FILES_PATH, DiskStore, Grant
from rest.errors import HttpProblem
from rest.routing import API_PREFIX, ApiRequest, RouteTable

routes = RouteTable(prefix=API_PREFIX, tags=("uploads",))
CHUNK = 64 * 1024
assert FILES_PATH.startswith(API_PREFIX)


def _grant(req: ApiRequest[None, None], method: str, area: str) -> tuple[DiskStore, Grant]:
    store = req.deps.media.store if req.deps.media is not None else None
    if not isinstance(store, DiskStore) or req.params["area"] != area:
        raise NotFound()
    grant = store.verify(method, f"{area}/{req.params['name']}", dict(req.request.query))
    if grant is None:
        raise Forbidden("The link is not valid or has expired; ask for a new one.")
    return store, grant


@routes.put("/files/{area}/{name}", status=204, errors=(ErrorCode.FORBIDDEN, ErrorCode.NOT_FOUND,
                                                        ErrorCode.PAYLOAD_TOO_LARGE),
            summary="Send an upload's bytes to the local store (the signed URL from POST /v1/uploads)")
async def put_file(req: ApiRequest[None, None]) -> None:
    store, grant = _grant(req, "PUT", "staging")
    if req.request.content_type != grant.content_type:
        raise Forbidden(f"Send Content-Type: {grant.content_type} as signed.")
    data = bytearray()
    async for chunk in req.request.content.iter_chunked(CHUNK):
        data.extend(chunk)
        if len(data) > grant.size:  # more than declared: refused without reading the rest
            raise HttpProblem(ErrorCode.PAYLOAD_TOO_LARGE, f"At most {grant.size} bytes were declared.")
    await store.write(grant.key, bytes(data), grant.content_type)


@routes.get("/files/{area}/{name}", errors=(ErrorCode.FORBIDDEN, ErrorCode.NOT_FOUND),
            media_type="application/octet-stream",
            summary="Read a file from the local store (a signed URL from GET /v1/uploads/{upload_id}/download)")
async def get_file(req: ApiRequest[None, None]) -> web.StreamResponse:
    store, grant = _grant(req, "GET", "objects")
    return await _serve(store, grant)


@routes.get("/files/exports/{region}/{name}", errors=(ErrorCode.FORBIDDEN, ErrorCode.NOT_FOUND),
            media_type="application/json",
            summary="Read a data export from the local store "
                    "(a signed URL from GET /v1/me/exports/{export_id}/download)")
async def get_export_file(req: ApiRequest[None, None]) -> web.StreamResponse:
    store = req.deps.media.store if req.deps.media is not None else None
    if not isinstance(store, DiskStore):
        raise NotFound()
    grant = store.verify("GET", f"exports/{req.params['region']}/{req.params['name']}", dict(req.request.query))
    if grant is None:
        raise Forbidden("The link is not valid or has expired; ask for a new one.")
    return await _serve(store, grant)


async def _serve(store: DiskStore, grant: Grant) -> web.StreamResponse:
    data = await store.read(grant.key, 2**31)
    if data is None:
        raise NotFound()
    disposition = "attachment" + (f"; filename*=UTF-8''{quote(grant.filename)}" if grant.filename else "")
    return web.Response(body=data, content_type=grant.content_type, headers={
        "Content-Disposition": disposition, "X-Content-Type-Options": "nosniff",
        "Cache-Control": "private, no-store"})
