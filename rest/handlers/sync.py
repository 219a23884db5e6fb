"""Delta sync for the apps' offline caches (PROTOCOL section 4)."""

from __future__ import annotations

from aiohttp import web

from domain.shared.errors import ErrorCode
from rest.routing import ApiRequest, RouteTable
from rest.schemas.sync import PullIn, PullOut
from sync.errors import SyncUnavailable
from sync.pull import PullInput

routes = RouteTable(tags=("sync",))
E = ErrorCode


@routes.post("/sync/pull", body=PullIn, response=PullOut, auth=True,
             errors=(E.BAD_REQUEST, E.RESYNC_REQUIRED, E.SERVICE_UNAVAILABLE),
             summary="Pull what changed in your scopes since your cursor (a snapshot without one)")
async def pull(req: ApiRequest[PullIn, None]) -> web.Response:
    b = req.body
    request = PullInput(b.cursor, b.limit, tuple(b.collections) if b.collections else None, b.client_id, b.checksums)
    if req.deps.sync is None:
        raise SyncUnavailable()
    body = await req.deps.sync.pull(req.actor, request)  # serialized by sync/pull.py: rows are spliced, not parsed
    return web.Response(body=body, content_type="application/json")
