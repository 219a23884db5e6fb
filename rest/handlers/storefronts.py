"""Provider storefronts: the public business front and its editor."""

from __future__ import annotations

from domain.catalog import storefronts
from domain.shared.errors import ConflictReason, ErrorCode
from rest.routing import ApiRequest, RouteTable
from rest.schemas.catalog import StorefrontIn, StorefrontOut
from rest.schemas.verification import OrgBadgesOut

routes = RouteTable(tags=("storefronts",))
E = ErrorCode
R = ConflictReason


@routes.get("/storefronts/{org_id}", response=StorefrontOut, errors=(E.NOT_FOUND,),
            summary="A provider's storefront with its published services and rating")
async def get_storefront(req: ApiRequest[None, None]) -> StorefrontOut:
    found = StorefrontOut.of(await storefronts.get_public(req.params["org_id"]))
    if req.deps.verification is not None:  # the public badges (issue 15)
        found.verification = OrgBadgesOut.model_validate(await req.deps.verification.org_badges(found.org_id))
    return found


@routes.put("/orgs/{org_id}/storefront", body=StorefrontIn, response=StorefrontOut, auth=True,
            errors=(E.FORBIDDEN, E.NOT_FOUND, E.CONFLICT), reasons=(R.STALE_VERSION,),
            summary="Edit your storefront (owner or manager)")
async def put_storefront(req: ApiRequest[StorefrontIn, None]) -> StorefrontOut:
    view = await storefronts.update(req.actor, req.params["org_id"], req.body.content(), req.body.version)
    return StorefrontOut.of(view)
