"""Reviews: write one after a completed booking, report one, hide one (admin), read a
serviceman's (public)."""

from __future__ import annotations

from domain.reviews import services as reviews
from domain.shared.errors import ConflictReason, ErrorCode
from rest.routing import ApiRequest, RouteTable
from rest.schemas.reviews import ReviewIn, ReviewListQuery, ReviewOut, ReviewPageOut, ReviewReportIn

routes = RouteTable(tags=("reviews",))
E = ErrorCode
R = ConflictReason


@routes.post("/bookings/{booking_id}/reviews", body=ReviewIn, response=ReviewOut, status=201, auth=True,
             errors=(E.FORBIDDEN, E.NOT_FOUND, E.CONFLICT), reasons=(R.INVALID_TRANSITION, R.NOT_ALLOWED, R.DUPLICATE),
             summary="Review a completed booking (its customer and lead serviceman, once each)")
async def post_review(req: ApiRequest[ReviewIn, None]) -> ReviewOut:
    return ReviewOut.of(await reviews.create(req.actor, req.params["booking_id"], req.body.rating, req.body.text))


@routes.post("/reviews/{review_id}/report", body=ReviewReportIn, response=ReviewOut, auth=True,
             errors=(E.FORBIDDEN, E.NOT_FOUND), summary="Report a review about you or your business")
async def report_review(req: ApiRequest[ReviewReportIn, None]) -> ReviewOut:
    return ReviewOut.of(await reviews.report(req.actor, req.params["review_id"], req.body.reason))


@routes.post("/reviews/{review_id}/hide", response=ReviewOut, auth=True, errors=(E.FORBIDDEN, E.NOT_FOUND),
             summary="Hide a review: it leaves listings and ratings (admin)")
async def hide_review(req: ApiRequest[None, None]) -> ReviewOut:
    return ReviewOut.of(await reviews.hide(req.actor, req.params["review_id"]))


@routes.get("/servicemen/{user_id}/reviews", query=ReviewListQuery, response=ReviewPageOut, errors=(E.NOT_FOUND,),
            summary="Visible reviews about a serviceman, newest first (public)")
async def list_serviceman_reviews(req: ApiRequest[None, ReviewListQuery]) -> ReviewPageOut:
    q = req.query
    return ReviewPageOut.of(await reviews.list_for_serviceman(req.params["user_id"], cursor=q.cursor, limit=q.limit))
