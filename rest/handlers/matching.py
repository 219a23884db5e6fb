"""Matching: ranked, explained candidates for a customer's request."""

from __future__ import annotations

from domain.matching import services
from domain.matching.services import MatchRequest
from domain.shared.errors import ErrorCode
from rest.routing import ApiRequest, RouteTable
from rest.schemas.matching import CandidateOut, MatchIn, MatchOut

routes = RouteTable(tags=("matching",))


@routes.post("/matching/candidates", body=MatchIn, response=MatchOut, auth=True, errors=(ErrorCode.FORBIDDEN,),
             idempotent=False, summary="Rank servicemen for a request, with the factors behind each score")
async def match_candidates(req: ApiRequest[MatchIn, None]) -> MatchOut:
    b = req.body
    request = MatchRequest(b.category_id, b.lat, b.lng, b.start, b.end, b.limit)
    ranking = await services.candidates(req.actor, request)
    return MatchOut(window_start=ranking.start, window_end=ranking.end,
                    candidates=[CandidateOut.of(c) for c in ranking.candidates])
