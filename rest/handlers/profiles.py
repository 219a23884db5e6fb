"""Serviceman profiles: anyone signed in reads them, the serviceman (or an admin) writes; the
serviceman (and admins) also see their payout eligibility on it."""

from __future__ import annotations

from typing import Any

from domain.finance.payouts import accounts
from domain.finance.payouts.payees import Payee
from domain.finance.payouts.views import Eligibility
from domain.profiles import services
from domain.profiles.services import ProfileInput, ProfileView
from domain.shared.errors import ConflictReason, ErrorCode
from rest.routing import ApiRequest, RouteTable
from rest.schemas.profiles import ServicemanProfileIn, ServicemanProfileOut
from rest.schemas.verification import BadgesOut

routes = RouteTable(tags=("servicemen",))
E = ErrorCode
R = ConflictReason


@routes.get("/servicemen/{user_id}/profile", response=ServicemanProfileOut, auth=True, errors=(E.NOT_FOUND,),
            summary="A serviceman's public profile")
async def get_serviceman_profile(req: ApiRequest[None, None]) -> ServicemanProfileOut:
    view = await services.get_profile(req.actor, req.params["user_id"], req.deps.sealer)
    found = ServicemanProfileOut.of(view, await _payouts(req, view))
    if req.deps.verification is not None:  # the public badges (issue 15)
        found.verification = BadgesOut.model_validate(await req.deps.verification.badges(str(view.user.id)))
    return found


@routes.put("/servicemen/{user_id}/profile", body=ServicemanProfileIn, response=ServicemanProfileOut, auth=True,
            errors=(E.FORBIDDEN, E.NOT_FOUND, E.CONFLICT), reasons=(R.STALE_VERSION,),
            summary="Write your serviceman profile")
async def put_serviceman_profile(req: ApiRequest[ServicemanProfileIn, None]) -> ServicemanProfileOut:
    b = req.body
    data = ProfileInput(bio=b.bio, category_ids=b.category_ids, home_lat=b.home_lat, home_lng=b.home_lng,
                        version=b.version)
    view = await services.put_profile(req.actor, req.params["user_id"], data, req.deps.sealer)
    return ServicemanProfileOut.of(view, await _payouts(req, view))


async def _payouts(req: ApiRequest[Any, None], view: ProfileView) -> Eligibility | None:
    """The serviceman's payout eligibility, for them (and admins) only (accounts.eligibility decides)."""
    user_id = str(view.user.id)
    return await accounts.eligibility(req.actor, Payee(f"user:{user_id}", user_id=user_id))
