"""Provider organisations: found one, see it, manage its crew."""

from __future__ import annotations

from domain.accounts import orgs
from domain.shared.errors import ErrorCode
from rest.routing import ApiRequest, RouteTable
from rest.schemas.accounts import MemberIn, MemberOut, OrgIn, OrgOut

routes = RouteTable(tags=("organisations",))
E = ErrorCode


@routes.post("/orgs", body=OrgIn, response=OrgOut, status=201, auth=True, errors=(E.FORBIDDEN,),
             summary="Found a provider organisation (you become its owner)")
async def create_org(req: ApiRequest[OrgIn, None]) -> OrgOut:
    org = await orgs.create(req.actor, req.body.name)
    return OrgOut.of(org, await orgs.members_of(org))


@routes.get("/orgs/{org_id}", response=OrgOut, auth=True, errors=(E.NOT_FOUND,),
            summary="An organisation and its crew (members only)")
async def get_org(req: ApiRequest[None, None]) -> OrgOut:
    org, members = await orgs.get(req.actor, req.params["org_id"])
    return OrgOut.of(org, members)


@routes.post("/orgs/{org_id}/members", body=MemberIn, response=MemberOut, status=201, auth=True,
             errors=(E.FORBIDDEN, E.NOT_FOUND, E.CONFLICT, E.VALIDATION_FAILED), summary="Add a crew member")
async def add_member(req: ApiRequest[MemberIn, None]) -> MemberOut:
    membership = await orgs.add_member(req.actor, req.params["org_id"], req.body.user_id, req.body.role)
    return MemberOut.of(membership)


@routes.delete("/orgs/{org_id}/members/{user_id}", status=204, auth=True,
               errors=(E.FORBIDDEN, E.NOT_FOUND, E.CONFLICT), summary="Remove a crew member")
async def remove_member(req: ApiRequest[None, None]) -> None:
    await orgs.remove_member(req.actor, req.params["org_id"], req.params["user_id"])
