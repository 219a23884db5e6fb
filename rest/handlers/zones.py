"""Service zones: public reads and point lookups, admin writes, who works where."""

from __future__ import annotations

from domain.shared.errors import ConflictReason, ErrorCode
from domain.zones import assignments, services
from domain.zones.services import ZonePatch
from rest.routing import ApiRequest, RouteTable
from rest.schemas.zones import (
    OrgZonesOut,
    PointQuery,
    ServicemanZonesOut,
    ZoneIdsIn,
    ZoneIn,
    ZoneList,
    ZoneListQuery,
    ZoneMatchOut,
    ZoneOut,
    ZonePatchIn,
)

routes = RouteTable(tags=("zones",))
E = ErrorCode
R = ConflictReason


@routes.post("/zones", body=ZoneIn, response=ZoneOut, status=201, auth=True, errors=(E.FORBIDDEN,),
             summary="Draw a service zone (admins)")
async def create_zone(req: ApiRequest[ZoneIn, None]) -> ZoneOut:
    body = req.body
    zone = await services.create_zone(req.actor, body.name, body.city, body.geometry.model_dump())
    return ZoneOut.of(zone)


@routes.get("/zones", query=ZoneListQuery, response=ZoneList, summary="List zones, optionally of one city")
async def list_zones(req: ApiRequest[None, ZoneListQuery]) -> ZoneList:
    q = req.query
    zones = await services.list_zones(q.city, None if q.include_inactive else True, q.limit, q.offset)
    return ZoneList(items=[ZoneOut.of(z) for z in zones])


# Registered before /zones/{zone_id} so "match" is never taken for an id.
@routes.get("/zones/match", query=PointQuery, response=ZoneMatchOut,
            summary="Which active zones cover a point (lat, lng)")
async def match_zones(req: ApiRequest[None, PointQuery]) -> ZoneMatchOut:
    zones = await services.match(req.query.lat, req.query.lng)
    return ZoneMatchOut.of(req.query.lat, req.query.lng, zones)


@routes.get("/zones/{zone_id}", response=ZoneOut, errors=(E.NOT_FOUND,), summary="A zone and its outline")
async def get_zone(req: ApiRequest[None, None]) -> ZoneOut:
    return ZoneOut.of(await services.get_zone(req.params["zone_id"]))


@routes.patch("/zones/{zone_id}", body=ZonePatchIn, response=ZoneOut, auth=True,
              errors=(E.FORBIDDEN, E.NOT_FOUND, E.CONFLICT), reasons=(R.STALE_VERSION,),
              summary="Change a zone (admins)")
async def update_zone(req: ApiRequest[ZonePatchIn, None]) -> ZoneOut:
    body = req.body
    patch = ZonePatch(name=body.name, city=body.city, active=body.active, version=body.version,
                      geometry=body.geometry.model_dump() if body.geometry is not None else None)
    return ZoneOut.of(await services.update_zone(req.actor, req.params["zone_id"], patch))


@routes.delete("/zones/{zone_id}", status=204, auth=True, errors=(E.FORBIDDEN, E.NOT_FOUND, E.CONFLICT),
               reasons=(R.STALE_VERSION,),
               summary="Retire a zone (admins; soft: it stays readable with active=false)")
async def delete_zone(req: ApiRequest[None, None]) -> None:
    await services.delete_zone(req.actor, req.params["zone_id"])


@routes.get("/servicemen/{user_id}/zones", response=ServicemanZonesOut, auth=True, errors=(E.NOT_FOUND,),
            summary="The zones a serviceman works in")
async def get_serviceman_zones(req: ApiRequest[None, None]) -> ServicemanZonesOut:
    user, zone_ids = await assignments.get_serviceman_zones(req.params["user_id"])
    return ServicemanZonesOut.of(user, zone_ids)


@routes.put("/servicemen/{user_id}/zones", body=ZoneIdsIn, response=ServicemanZonesOut, auth=True,
            errors=(E.FORBIDDEN, E.NOT_FOUND), summary="Choose a serviceman's zones (themself or their manager)")
async def set_serviceman_zones(req: ApiRequest[ZoneIdsIn, None]) -> ServicemanZonesOut:
    user, zone_ids = await assignments.set_serviceman_zones(req.actor, req.params["user_id"], req.body.zone_ids)
    return ServicemanZonesOut.of(user, zone_ids)


@routes.get("/orgs/{org_id}/zones", response=OrgZonesOut, auth=True, errors=(E.NOT_FOUND,),
            summary="The zones a provider organisation serves")
async def get_org_zones(req: ApiRequest[None, None]) -> OrgZonesOut:
    org, zone_ids = await assignments.get_org_zones(req.params["org_id"])
    return OrgZonesOut.of(org, zone_ids)


@routes.put("/orgs/{org_id}/zones", body=ZoneIdsIn, response=OrgZonesOut, auth=True,
            errors=(E.FORBIDDEN, E.NOT_FOUND), summary="Choose the zones an organisation serves (its managers)")
async def set_org_zones(req: ApiRequest[ZoneIdsIn, None]) -> OrgZonesOut:
    org, zone_ids = await assignments.set_org_zones(req.actor, req.params["org_id"], req.body.zone_ids)
    return OrgZonesOut.of(org, zone_ids)
