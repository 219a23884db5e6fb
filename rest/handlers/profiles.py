"""Serviceman profiles: anyone signed in reads them, the serviceman (or an admin) writes."""

from __future__ import annotations

from domain.profiles import services
from domain.profiles.services import ProfileInput
from domain.shared.errors import ErrorCode
from rest.routing import ApiRequest, RouteTable
from rest.schemas.profiles import ServicemanProfileIn, ServicemanProfileOut

routes = RouteTable(tags=("servicemen",))
E = ErrorCode


@routes.get("/servicemen/{user_id}/profile", response=ServicemanProfileOut, auth=True, errors=(E.NOT_FOUND,),
            summary="A serviceman's public profile")
async def get_serviceman_profile(req: ApiRequest[None, None]) -> ServicemanProfileOut:
    return ServicemanProfileOut.of(await services.get_profile(req.actor, req.params["user_id"]))


@routes.put("/servicemen/{user_id}/profile", body=ServicemanProfileIn, response=ServicemanProfileOut, auth=True,
            errors=(E.FORBIDDEN, E.NOT_FOUND, E.CONFLICT), summary="Write your serviceman profile")
async def put_serviceman_profile(req: ApiRequest[ServicemanProfileIn, None]) -> ServicemanProfileOut:
    b = req.body
    data = ProfileInput(bio=b.bio, category_ids=b.category_ids, home_lat=b.home_lat, home_lng=b.home_lng,
                        version=b.version)
    return ServicemanProfileOut.of(await services.put_profile(req.actor, req.params["user_id"], data))
