"""Dashboards (issue 20): a serviceman's own, a provider's (its owner and managers), the
platform's (admins); JSON, or CSV with `?format=csv` or `Accept: text/csv`."""

from __future__ import annotations

from typing import Any

from aiohttp import web

from domain.dashboards import services
from domain.dashboards.views import Dashboard
from domain.shared.errors import ErrorCode
from rest.routing import ApiRequest, RouteTable
from rest.schemas.dashboards import DashboardOut, DashboardQuery, ServicemanDashboardQuery

routes = RouteTable(tags=("dashboards",))
E = ErrorCode
CSV = "text/csv"


def _answer(req: ApiRequest[Any, Any], dashboard: Dashboard) -> DashboardOut | web.Response:
    wants_csv = req.query.format == "csv" or (
        req.query.format is None and CSV in req.request.headers.get("Accept", "").split(";")[0])
    if not wants_csv:
        return DashboardOut.of(dashboard)
    name = f"dashboard-{dashboard.kind}-{dashboard.start.isoformat()}_{dashboard.end.isoformat()}.csv"
    return web.Response(text=dashboard.csv(), content_type=CSV, charset="utf-8",
                        headers={"Content-Disposition": f'attachment; filename="{name}"'})


def _period(q: DashboardQuery) -> services.Period:
    return services.period(q.start, q.end)


@routes.get("/dashboards/serviceman", query=ServicemanDashboardQuery, response=DashboardOut, auth=True,
            errors=(E.FORBIDDEN, E.NOT_FOUND), also_media_types=(CSV,),
            summary="Your dashboard as a serviceman: jobs, acceptance rate, earnings, rating (admins: any)")
async def serviceman_dashboard(req: ApiRequest[None, ServicemanDashboardQuery]) -> DashboardOut | web.Response:
    q = req.query
    return _answer(req, await services.serviceman(req.actor, q.serviceman_id, _period(q)))


@routes.get("/dashboards/provider/{org_id}", query=DashboardQuery, response=DashboardOut, auth=True,
            errors=(E.FORBIDDEN, E.NOT_FOUND), also_media_types=(CSV,),
            summary="A business's dashboard: crew utilisation, revenue, ratings, blocked crew (owner, managers)")
async def provider_dashboard(req: ApiRequest[None, DashboardQuery]) -> DashboardOut | web.Response:
    return _answer(req, await services.provider(req.actor, req.params["org_id"], _period(req.query)))


@routes.get("/dashboards/admin", query=DashboardQuery, response=DashboardOut, auth=True, errors=(E.FORBIDDEN,),
            also_media_types=(CSV,),
            summary="The platform's dashboard: GMV, take rate, booking funnel, dispute rate, verification backlog")
async def admin_dashboard(req: ApiRequest[None, DashboardQuery]) -> DashboardOut | web.Response:
    return _answer(req, await services.admin(req.actor, _period(req.query)))
