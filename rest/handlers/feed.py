"""The live feed over HTTP: your items, ranked or after a seq (the socket is /feed)."""

from __future__ import annotations

from domain.feed import queries
from rest.routing import ApiRequest, RouteTable
from rest.schemas.feed import FeedPageOut, FeedQuery

routes = RouteTable(tags=("feed",))


@routes.get("/feed", query=FeedQuery, response=FeedPageOut, auth=True,
            summary="Your feed: best-ranked first (keyset pages stable under inserts), or with after= in seq order")
async def get_feed(req: ApiRequest[None, FeedQuery]) -> FeedPageOut:
    q = req.query
    page = await queries.list_feed(req.actor, zone_id=q.zone_id, kind=q.kind, cursor=q.cursor, after=q.after,
                                   limit=q.limit)
    return FeedPageOut.of(page)
