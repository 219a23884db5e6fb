"""Provider organisations: found one, see it, manage its crew. Crew join by invitation: a
manager invites, the user accepts or declines (/v1/invitations), a member may leave."""

from __future__ import annotations

from typing import Any

from domain.accounts import orgs
from domain.accounts.invitations import Invitations
from domain.finance.payouts import accounts
from domain.finance.payouts.payees import Payee
from domain.shared.errors import ConflictReason, ErrorCode
from rest.routing import ApiRequest, RouteTable
from rest.schemas.accounts import InvitationList, InvitationOut, MemberIn, MemberOut, OrgIn, OrgOut

routes = RouteTable(tags=("organisations",))
E = ErrorCode
R = ConflictReason


def _invitations(req: ApiRequest[Any, Any]) -> Invitations:
    service = req.deps.invitations
    if service is None:  # build_app always sets it
        raise RuntimeError("invitations are not set up")
    return service


@routes.post("/orgs", body=OrgIn, response=OrgOut, status=201, auth=True, errors=(E.FORBIDDEN,),
             summary="Found a provider organisation (you become its owner)")
async def create_org(req: ApiRequest[OrgIn, None]) -> OrgOut:
    org = await orgs.create(req.actor, req.body.name)
    return OrgOut.of(org, await orgs.members_of(org))


@routes.get("/orgs/{org_id}", response=OrgOut, auth=True, errors=(E.NOT_FOUND,),
            summary="An organisation, its crew and its open invitations (members only); its payout "
                    "eligibility for its owner and managers")
async def get_org(req: ApiRequest[None, None]) -> OrgOut:
    org, members = await orgs.get(req.actor, req.params["org_id"])
    payee = Payee(f"org:{org.id}", organisation_id=str(org.id))
    return OrgOut.of(org, members, await accounts.eligibility(req.actor, payee))


@routes.post("/orgs/{org_id}/members", body=MemberIn, response=MemberOut, status=201, auth=True,
             errors=(E.FORBIDDEN, E.NOT_FOUND, E.CONFLICT, E.VALIDATION_FAILED, E.RATE_LIMITED), reasons=(R.DUPLICATE,),
             summary="Invite a crew member (status invited: nothing is granted until they accept)")
async def add_member(req: ApiRequest[MemberIn, None]) -> MemberOut:
    membership = await _invitations(req).invite(req.actor, req.params["org_id"], req.body.user_id, req.body.role,
                                                req.context)
    await membership.fetch_related("user")
    return MemberOut.of(membership)


@routes.delete("/orgs/{org_id}/members/{user_id}", status=204, auth=True,
               errors=(E.FORBIDDEN, E.NOT_FOUND, E.CONFLICT), reasons=(R.NOT_ALLOWED,),
               summary="Remove a crew member, or withdraw their invitation")
async def remove_member(req: ApiRequest[None, None]) -> None:
    await _invitations(req).remove(req.actor, req.params["org_id"], req.params["user_id"], req.context)


@routes.post("/orgs/{org_id}/leave", status=204, auth=True, errors=(E.NOT_FOUND, E.CONFLICT), reasons=(R.NOT_ALLOWED,),
             summary="Leave an organisation's crew (its owner cannot)")
async def leave_org(req: ApiRequest[None, None]) -> None:
    await _invitations(req).leave(req.actor, req.params["org_id"], req.context)


@routes.get("/me/invitations", response=InvitationList, auth=True,
            summary="Your open crew invitations, newest first")
async def my_invitations(req: ApiRequest[None, None]) -> InvitationList:
    return InvitationList(items=[InvitationOut.of(m) for m in await _invitations(req).pending(req.actor)])


@routes.post("/invitations/{membership_id}/accept", response=InvitationOut, auth=True,
             errors=(E.NOT_FOUND, E.GONE), summary="Accept a crew invitation: you join the organisation")
async def accept_invitation(req: ApiRequest[None, None]) -> InvitationOut:
    membership = await _invitations(req).accept(req.actor, req.params["membership_id"], req.context)
    await membership.fetch_related("organisation", "invited_by")
    return InvitationOut.of(membership)


@routes.post("/invitations/{membership_id}/decline", status=204, auth=True, errors=(E.NOT_FOUND, E.GONE),
             summary="Decline a crew invitation")
async def decline_invitation(req: ApiRequest[None, None]) -> None:
    await _invitations(req).decline(req.actor, req.params["membership_id"], req.context)
