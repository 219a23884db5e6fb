"""What feeds the moderation queue besides users' reports: a reaction to domain events.

- flagged messages (the messaging screen flagged them as they were sent);
- job posts, bids, job comments, listings and storefronts, run through the same scam screen
  (domain/messaging/screening.py) once they are written: a hit flags them for review, it never
  refuses them (as with messages);
- listings submitted for review (closed again when the catalog publishes or rejects them);
- reviews reported through the reviews' own endpoint.

The screen runs on the committed row, read afresh: a redelivered event screens the same text
again and counts one more flag only if the bus delivers it twice to this consumer, which the
inbox (bus/dedupe.py) prevents.
"""

from __future__ import annotations

from typing import Any

from domain.catalog.models import Service, Storefront
from domain.jobs.models import Bid, Comment, Job
from domain.messaging.screening import ScreenContext, screen
from domain.safety import queue, subjects
from domain.safety.models import Source, SubjectKind
from domain.shared.events import EventEnvelope
from domain.shared.ids import as_uuid
from domain.shared.uow import UnitOfWork

CONSUMER = "moderation-intake"  # its inbox key and Kafka group
K = SubjectKind
# Nothing posted in public (a job, a bid, a listing) has a booking behind it yet.
PUBLIC = ScreenContext(has_booking=False)


def _links(value: Any) -> list[str]:
    """The URLs of a storefront's social links ({"instagram": "https://..."} or a list)."""
    if isinstance(value, dict):
        return [str(v) for v in value.values() if v]
    if isinstance(value, list):
        return [str(v.get("url", "")) if isinstance(v, dict) else str(v) for v in value]
    return []


async def text_of(kind: SubjectKind, subject_id: str) -> tuple[str, tuple[str, ...]] | None:
    """The text a screen reads: the main text and the rest (titles, links)."""
    uid = as_uuid(subject_id)
    if uid is None:
        return None
    if kind is K.JOB:
        job = await Job.get_or_none(id=uid)
        return (job.description, (job.title,)) if job else None
    if kind is K.BID:
        bid = await Bid.get_or_none(id=uid)
        return (bid.message, ()) if bid else None
    if kind is K.COMMENT:
        comment = await Comment.get_or_none(id=uid)
        return (comment.body, ()) if comment else None
    if kind is K.SERVICE:
        service = await Service.get_or_none(id=uid)
        return (service.description, (service.title,)) if service else None
    if kind is K.STOREFRONT:
        front = await Storefront.get_or_none(organisation_id=uid)
        return (front.bio, (front.headline, *_links(front.social_links))) if front else None
    return None


# event type -> (what it is about, the data field naming it)
_SCREENED: dict[str, tuple[SubjectKind, str]] = {
    "job.posted": (K.JOB, "job_id"),
    "job.updated": (K.JOB, "job_id"),
    "bid.placed": (K.BID, "bid_id"),
    "bid.updated": (K.BID, "bid_id"),
    "comment.posted": (K.COMMENT, "comment_id"),
    "service.created": (K.SERVICE, "service_id"),
    "service.updated": (K.SERVICE, "service_id"),
    "storefront.updated": (K.STOREFRONT, "org_id"),
}


async def _flag(uow: UnitOfWork, kind: SubjectKind, subject_id: str, source: Source, reasons: list[str]) -> None:
    subject = await subjects.load(kind, subject_id)
    if subject is not None:
        await queue.add(uow, subject, source, reasons)


_QUEUED = frozenset({"service.submitted", "service.published", "service.rejected", "review.reported"})


def wants(envelope: EventEnvelope) -> bool:
    """The events `on_event` acts on (the others, every message sent unflagged among them, pass
    it by without an inbox claim)."""
    if envelope.type in _SCREENED or envelope.type in _QUEUED:
        return True
    return envelope.type == "message.sent" and bool((envelope.body.get("data") or {}).get("flagged"))


async def on_event(envelope: EventEnvelope, uow: UnitOfWork) -> None:
    if not wants(envelope):
        return
    data: dict[str, Any] = envelope.body.get("data") or {}
    kind_and_field = _SCREENED.get(envelope.type)
    if kind_and_field is not None:
        kind, name = kind_and_field
        subject_id = str(data.get(name) or "")
        found = await text_of(kind, subject_id)
        if found is not None:
            reasons = screen(found[0], PUBLIC, extra=found[1])
            if reasons:
                await _flag(uow, kind, subject_id, Source.SCREEN, reasons)
    elif envelope.type == "message.sent" and data.get("flagged"):
        await _flag(uow, K.MESSAGE, str(data.get("message_id", "")), Source.SCREEN, list(data.get("flag_reasons", [])))
    elif envelope.type == "service.submitted":
        await _flag(uow, K.SERVICE, str(data.get("service_id", "")), Source.LISTING_REVIEW, ["awaiting_review"])
    elif envelope.type in ("service.published", "service.rejected"):
        await queue.resolve(uow, K.SERVICE, str(data.get("service_id", "")), Source.LISTING_REVIEW)
    elif envelope.type == "review.reported":
        await _flag(uow, K.REVIEW, str(data.get("review_id", "")), Source.REVIEW_REPORT,
                    [str(data.get("reason") or "reported")[:60]])
