"""Custom jobs: post, read, list, cancel; bids on them; their comment threads."""

from __future__ import annotations

from domain.jobs import bids, comments
from domain.jobs import services as jobs
from domain.jobs.bids import BidDraft
from domain.jobs.models import JobState
from domain.jobs.services import JobDraft, Scope
from domain.shared.errors import ConflictReason, ErrorCode
from rest.routing import ApiRequest, RouteTable
from rest.schemas.jobs import (
    BidAcceptedOut,
    BidAcceptIn,
    BidIn,
    BidOut,
    JobCancelIn,
    JobCommentIn,
    JobCommentOut,
    JobCommentPageOut,
    JobCommentQuery,
    JobIn,
    JobListQuery,
    JobOut,
    JobPageOut,
)

routes = RouteTable(tags=("jobs",))
E = ErrorCode
R = ConflictReason


@routes.post("/jobs", body=JobIn, response=JobOut, status=201, auth=True, errors=(E.FORBIDDEN,),
             summary="Post a custom job for servicemen in its zone to bid on")
async def post_job(req: ApiRequest[JobIn, None]) -> JobOut:
    b = req.body
    draft = JobDraft(title=b.title, description=b.description, category_id=b.category_id, lat=b.lat, lng=b.lng,
                     address=b.address, budget_min=b.budget_min.money(), budget_max=b.budget_max.money(),
                     desired_start=b.desired_start, desired_end=b.desired_end, expires_at=b.expires_at)
    return JobOut.of(await jobs.post(req.actor, draft))


@routes.get("/jobs", query=JobListQuery, response=JobPageOut, auth=True,
            summary="Jobs you posted, or open jobs in your zones and trades, newest first")
async def list_jobs(req: ApiRequest[None, JobListQuery]) -> JobPageOut:
    q = req.query
    page = await jobs.list_jobs(req.actor, scope=Scope(q.scope) if q.scope else None, zone_id=q.zone_id,
                                state=JobState(q.state) if q.state else None, cursor=q.cursor, limit=q.limit)
    return JobPageOut.of(page)


@routes.get("/jobs/{job_id}", response=JobOut, auth=True, errors=(E.NOT_FOUND,),
            summary="A job (its customer, its bidders and servicemen who could bid)")
async def get_job(req: ApiRequest[None, None]) -> JobOut:
    view = await jobs.get(req.actor, req.params["job_id"])
    return JobOut.of(view.job, view)


@routes.post("/jobs/{job_id}/cancel", body=JobCancelIn, response=JobOut, auth=True,
             errors=(E.FORBIDDEN, E.NOT_FOUND, E.CONFLICT), reasons=(R.INVALID_TRANSITION, R.CLOSED),
             summary="Cancel an open job (its customer)")
async def cancel_job(req: ApiRequest[JobCancelIn, None]) -> JobOut:
    return JobOut.of(await jobs.cancel(req.actor, req.params["job_id"], req.body.reason))


@routes.post("/jobs/{job_id}/bids", body=BidIn, response=BidOut, status=201, auth=True,
             errors=(E.FORBIDDEN, E.NOT_FOUND, E.CONFLICT),
             reasons=(R.CLOSED, R.DUPLICATE, R.STALE_VERSION, R.INVALID_TRANSITION),
             summary="Bid on an open job (servicemen in its zone and trade); bidding again updates your bid")
async def place_bid(req: ApiRequest[BidIn, None]) -> BidOut:
    b = req.body
    draft = BidDraft(amount=b.amount.money(), message=b.message, proposed_start=b.proposed_start)
    bid, _created = await bids.place(req.actor, req.params["job_id"], draft)
    return BidOut.of(bid)


@routes.post("/bids/{bid_id}/withdraw", response=BidOut, auth=True,
             errors=(E.FORBIDDEN, E.NOT_FOUND, E.CONFLICT), reasons=(R.INVALID_TRANSITION, R.STALE_VERSION),
             summary="Withdraw your bid")
async def withdraw_bid(req: ApiRequest[None, None]) -> BidOut:
    return BidOut.of(await bids.withdraw(req.actor, req.params["bid_id"]))


@routes.post("/jobs/{job_id}/bids/{bid_id}/accept", body=BidAcceptIn, response=BidAcceptedOut, status=201,
             auth=True, errors=(E.FORBIDDEN, E.NOT_FOUND, E.CONFLICT),
             reasons=(R.INVALID_TRANSITION, R.STALE_VERSION, R.EXPIRED, R.CLOSED, R.SLOT_TAKEN),
             summary="Accept a bid: the job is awarded, other bids rejected and the booking created")
async def accept_bid(req: ApiRequest[BidAcceptIn, None]) -> BidAcceptedOut:
    accepted = await bids.accept(req.actor, req.params["job_id"], req.params["bid_id"], req.body.bid_version)
    return BidAcceptedOut.of(accepted)


@routes.post("/jobs/{job_id}/comments", body=JobCommentIn, response=JobCommentOut, status=201, auth=True,
             errors=(E.FORBIDDEN, E.NOT_FOUND, E.CONFLICT), reasons=(R.CLOSED,),
             summary="Ask or answer on a job or one of its bids")
async def post_job_comment(req: ApiRequest[JobCommentIn, None]) -> JobCommentOut:
    comment = await comments.post(req.actor, req.params["job_id"], req.body.body, req.body.bid_id)
    return JobCommentOut.of(comment)


@routes.get("/jobs/{job_id}/comments", query=JobCommentQuery, response=JobCommentPageOut, auth=True,
            errors=(E.FORBIDDEN, E.NOT_FOUND), summary="A job's comments (or a bid's thread), oldest first")
async def list_job_comments(req: ApiRequest[None, JobCommentQuery]) -> JobCommentPageOut:
    q = req.query
    page = await comments.list_comments(req.actor, req.params["job_id"], bid_id=q.bid_id, cursor=q.cursor,
                                        limit=q.limit)
    return JobCommentPageOut.of(page)
