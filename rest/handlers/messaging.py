"""Conversations and messages over REST (the socket's /messaging calls the same services),
and the admin queue of messages the scam screen flagged."""

from __future__ import annotations

from aiohttp import web

from domain.messaging import conversations, review
from domain.messaging.conversations import OpenRequest
from domain.messaging.models import ConversationKind, ReviewVerdict
from domain.messaging.services import Draft, history
from domain.shared.errors import ConflictReason, ErrorCode
from rest.routing import ApiRequest, RouteTable
from rest.schemas.messaging import (
    ConversationListQuery,
    ConversationOut,
    ConversationPageOut,
    FlaggedMessageOut,
    FlaggedPageOut,
    FlaggedQuery,
    HistoryQuery,
    MessagePageOut,
    MessageReviewIn,
    MessageView,
    OpenConversationIn,
    ParticipantOut,
    ReadIn,
    ReadState,
    SendMessageIn,
)

routes = RouteTable(tags=("messaging",))
E = ErrorCode
R = ConflictReason
SEEN = (E.FORBIDDEN, E.NOT_FOUND)


def _str(value: object) -> str | None:
    return str(value) if value is not None else None


@routes.post("/conversations", body=OpenConversationIn, response=ConversationOut, auth=True,
             errors=(*SEEN, E.VALIDATION_FAILED),
             summary="Open (get or create) the conversation of a booking, a job bid or a support request")
async def open_conversation(req: ApiRequest[OpenConversationIn, None]) -> ConversationOut:
    b = req.body
    request = OpenRequest(ConversationKind(b.kind), _str(b.booking_id), _str(b.job_id), _str(b.bidder_id),
                          _str(b.user_id))
    return ConversationOut.of(await conversations.open_conversation(req.actor, request))


@routes.get("/conversations", query=ConversationListQuery, response=ConversationPageOut, auth=True,
            errors=(E.FORBIDDEN,), summary="Your conversations, most recently active first, with unread counts")
async def list_conversations(req: ApiRequest[None, ConversationListQuery]) -> ConversationPageOut:
    q = req.query
    page = await conversations.list_conversations(
        req.actor, kind=ConversationKind(q.kind) if q.kind else None, cursor=q.cursor, limit=q.limit, everyone=q.all
    )
    return ConversationPageOut(items=[ConversationOut.of(v) for v in page.items], next_cursor=page.next_cursor)


@routes.get("/conversations/{conversation_id}", response=ConversationOut, auth=True, errors=SEEN,
            summary="A conversation with its participants")
async def get_conversation(req: ApiRequest[None, None]) -> ConversationOut:
    return ConversationOut.of(await conversations.get_conversation(req.actor, req.params["conversation_id"],
                                                                   req.context))


@routes.get("/conversations/{conversation_id}/messages", query=HistoryQuery, response=MessagePageOut, auth=True,
            errors=SEEN, summary="Message history by seq (before_seq pages back; after_seq catches up)")
async def list_messages(req: ApiRequest[None, HistoryQuery]) -> MessagePageOut:
    q = req.query
    page = await history(req.actor, req.params["conversation_id"], before_seq=q.before_seq, after_seq=q.after_seq,
                         limit=q.limit, context=req.context)
    return MessagePageOut.of(page)


@routes.post("/conversations/{conversation_id}/messages", body=SendMessageIn, response=MessageView, status=201,
             auth=True, errors=(*SEEN, E.VALIDATION_FAILED, E.FEATURE_DISABLED), deduplicated_by="client_msg_id",
             summary="Send a message (the same as message:send on the socket; idempotent by client_msg_id)")
async def send_message(req: ApiRequest[SendMessageIn, None]) -> MessageView:
    b = req.body
    draft = Draft(b.client_msg_id, b.body, tuple(b.attachments))
    return await req.deps.messaging.send(req.actor, req.params["conversation_id"], draft)


@routes.post("/conversations/{conversation_id}/read", body=ReadIn, response=ReadState, auth=True, errors=SEEN,
             summary="Mark messages read up to a seq (the same as message:read on the socket)")
async def mark_read(req: ApiRequest[ReadIn, None]) -> ReadState:
    return await req.deps.messaging.mark_read(req.actor, req.params["conversation_id"], req.body.seq)


@routes.put("/conversations/{conversation_id}/participants/{user_id}", response=ParticipantOut, auth=True,
            errors=(*SEEN, E.CONFLICT), reasons=(R.NOT_ALLOWED,),
            summary="Add or bring back a participant (provider managers, admins)")
async def add_participant(req: ApiRequest[None, None]) -> ParticipantOut:
    row = await conversations.add_participant(req.actor, req.params["conversation_id"], req.params["user_id"])
    return ParticipantOut.of(row)


@routes.delete("/conversations/{conversation_id}/participants/{user_id}", status=204, auth=True, errors=SEEN,
               summary="Remove a participant: they stop receiving the conversation at once")
async def remove_participant(req: ApiRequest[None, None]) -> web.Response:
    await conversations.remove_participant(req.actor, req.params["conversation_id"], req.params["user_id"])
    return web.Response(status=204)


@routes.get("/admin/flagged-messages", query=FlaggedQuery, response=FlaggedPageOut, auth=True,
            errors=(E.FORBIDDEN,), summary="Messages the scam screen flagged, oldest first (admins)")
async def list_flagged(req: ApiRequest[None, FlaggedQuery]) -> FlaggedPageOut:
    q = req.query
    page = await review.list_flagged(req.actor, status=review.QueueStatus(q.status), cursor=q.cursor, limit=q.limit)
    return FlaggedPageOut(items=[FlaggedMessageOut.of(m) for m in page.items], next_cursor=page.next_cursor)


@routes.post("/admin/flagged-messages/{message_id}/review", body=MessageReviewIn, response=FlaggedMessageOut, auth=True,
             errors=SEEN, summary="Record a verdict on a flagged message: ok or abuse (admins)")
async def review_flagged(req: ApiRequest[MessageReviewIn, None]) -> FlaggedMessageOut:
    message = await review.review(req.actor, req.params["message_id"], ReviewVerdict(req.body.verdict))
    return FlaggedMessageOut.of(message)
