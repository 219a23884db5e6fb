"""Delta sync for the apps' offline caches (PROTOCOL section 4)."""

from __future__ import annotations

from aiohttp import web

from domain.shared.errors import ErrorCode
from rest.routing import ApiRequest, RouteTable
from rest.schemas.sync import PullIn, PullOut, PushIn, PushOut
from sync.mutations import Mutation
from sync.pull import PullInput

routes = RouteTable(tags=("sync",))
E = ErrorCode


@routes.post("/sync/pull", body=PullIn, response=PullOut, auth=True,
             errors=(E.BAD_REQUEST, E.RESYNC_REQUIRED, E.MFA_ENROLMENT_REQUIRED, E.MFA_REQUIRED),
             idempotent=False,  # a read (and snapshots are big)
             summary="Pull what changed in your scopes since your cursor (a snapshot without one)")
async def pull(req: ApiRequest[PullIn, None]) -> web.Response:
    b = req.body
    request = PullInput(b.cursor, b.limit, tuple(b.collections) if b.collections else None, b.client_id, b.checksums)
    body = await req.deps.sync.pull(req.actor, request)  # serialized by sync/pull.py: rows are spliced, not parsed
    return web.Response(body=body, content_type="application/json")


@routes.post("/sync/push", body=PushIn, response=PushOut, auth=True,
             errors=(E.FORBIDDEN,), idempotent=False,  # each mutation_id is applied once already
             summary="Apply offline mutations in order, each once (results per mutation)")
async def push(req: ApiRequest[PushIn, None]) -> PushOut:
    batch = [Mutation(m.mutation_id, m.collection, m.op, m.id, m.base_version, m.data, m.name)
             for m in req.body.mutations]
    return PushOut.model_validate(await req.deps.sync.push(req.actor, req.body.client_id, batch))
