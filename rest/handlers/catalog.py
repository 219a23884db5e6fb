"""The catalogue: the category taxonomy and the creation studio's services and packages."""

from __future__ import annotations

from aiohttp import web

from domain.catalog import lifecycle, listing, services, taxonomy
from domain.catalog.models import ListingKind
from domain.shared.context import Actor
from domain.shared.errors import ConflictReason, ErrorCode
from rest.auth import authenticate
from rest.routing import ApiRequest, RouteTable
from rest.schemas.catalog import (
    CategoryOut,
    CategoryTreeOut,
    ServiceCreateIn,
    ServiceListQuery,
    ServiceOut,
    ServicePage,
    ServicePatchIn,
    ServicePreviewOut,
    ServiceRejectIn,
)

routes = RouteTable(tags=("catalogue",))
E = ErrorCode
R = ConflictReason
STEP_ERRORS = (E.FORBIDDEN, E.NOT_FOUND, E.CONFLICT)
STEP_REASONS = (R.INVALID_TRANSITION, R.STALE_VERSION)


async def optional_actor(request: web.Request) -> Actor | None:
    """Public routes that show more to a signed-in owner: a token, if sent, must be valid."""
    return await authenticate(request) if request.headers.get("Authorization") else None


@routes.get("/categories", response=CategoryTreeOut, summary="The category taxonomy (trades and specialities)")
async def list_categories(req: ApiRequest[None, None]) -> CategoryTreeOut:
    return CategoryTreeOut(categories=[CategoryOut.of(node) for node in await taxonomy.tree()])


@routes.post("/services", body=ServiceCreateIn, response=ServiceOut, status=201, auth=True,
             errors=(E.FORBIDDEN, E.NOT_FOUND), summary="Start a draft service or package")
async def create_service(req: ApiRequest[ServiceCreateIn, None]) -> ServiceOut:
    owner = str(req.body.owner_org_id) if req.body.owner_org_id else None
    service = await services.create(req.actor, ListingKind(req.body.kind), owner, req.body.draft())
    return ServiceOut.of(service)


@routes.get("/services", query=ServiceListQuery, response=ServicePage,
            summary="Published services and packages by zone, category and words")
async def list_services(req: ApiRequest[None, ServiceListQuery]) -> ServicePage:
    q = req.query
    page, cursor = await listing.search(listing.Filters(
        zone_id=q.zone_id, category_id=q.category_id, q=q.q, owner_org_id=q.owner_org_id, limit=q.limit,
        cursor=q.cursor))
    return ServicePage(items=[ServiceOut.of(service) for service in page], next_cursor=cursor)


@routes.get("/services/{service_id}", response=ServiceOut, errors=(E.NOT_FOUND, E.UNAUTHORIZED),
            summary="A service (drafts only to the owner's crew and admins: send your token)")
async def get_service(req: ApiRequest[None, None]) -> ServiceOut:
    actor = await optional_actor(req.request)
    return ServiceOut.of(await services.get(actor, req.params["service_id"]))


@routes.patch("/services/{service_id}", body=ServicePatchIn, response=ServiceOut, auth=True,
              errors=STEP_ERRORS, reasons=STEP_REASONS,
              summary="Autosave a draft (send the version you loaded; stale is a 409)")
async def autosave_service(req: ApiRequest[ServicePatchIn, None]) -> ServiceOut:
    service = await services.autosave(req.actor, req.params["service_id"], req.body.version, req.body.draft())
    return ServiceOut.of(service)


@routes.get("/services/{service_id}/preview", response=ServicePreviewOut, auth=True,
            errors=(E.FORBIDDEN, E.NOT_FOUND), summary="Preview a draft as the public would see it")
async def preview_service(req: ApiRequest[None, None]) -> ServicePreviewOut:
    return ServicePreviewOut.of(await services.preview(req.actor, req.params["service_id"]))


@routes.post("/services/{service_id}/submit", response=ServiceOut, auth=True,
             errors=(*STEP_ERRORS, E.VALIDATION_FAILED), reasons=STEP_REASONS,
             summary="Submit a complete draft for review (422 lists what is missing)")
async def submit_service(req: ApiRequest[None, None]) -> ServiceOut:
    return ServiceOut.of(await lifecycle.submit(req.actor, req.params["service_id"]))


@routes.post("/services/{service_id}/publish", response=ServiceOut, auth=True,
             errors=(*STEP_ERRORS, E.VALIDATION_FAILED), reasons=STEP_REASONS,
             summary="Approve a listing in review (admins)")
async def publish_service(req: ApiRequest[None, None]) -> ServiceOut:
    return ServiceOut.of(await lifecycle.publish(req.actor, req.params["service_id"]))


@routes.post("/services/{service_id}/reject", body=ServiceRejectIn, response=ServiceOut, auth=True, errors=STEP_ERRORS,
             reasons=STEP_REASONS, summary="Send a listing in review back to draft (admins)")
async def reject_service(req: ApiRequest[ServiceRejectIn, None]) -> ServiceOut:
    return ServiceOut.of(await lifecycle.reject(req.actor, req.params["service_id"], req.body.reason))


@routes.post("/services/{service_id}/archive", response=ServiceOut, auth=True, errors=STEP_ERRORS, reasons=STEP_REASONS,
             summary="Withdraw a listing for good (owner or admin)")
async def archive_service(req: ApiRequest[None, None]) -> ServiceOut:
    return ServiceOut.of(await lifecycle.archive(req.actor, req.params["service_id"]))
