"""The kinds of feed item (`FeedItem.kind`), as domain/feed/recipients.py writes them: the event
type a reader is told about, and `crew.bid_<what>` for the managers of a bidder's crew."""

from __future__ import annotations

from enum import StrEnum


class FeedItemKind(StrEnum):
    JOB_POSTED = "job.posted"
    JOB_CANCELLED = "job.cancelled"
    JOB_EXPIRED = "job.expired"
    BID_PLACED = "bid.placed"
    BID_UPDATED = "bid.updated"
    BID_WITHDRAWN = "bid.withdrawn"
    BID_ACCEPTED = "bid.accepted"
    BID_REJECTED = "bid.rejected"
    CREW_BID_PLACED = "crew.bid_placed"
    CREW_BID_UPDATED = "crew.bid_updated"
    CREW_BID_WITHDRAWN = "crew.bid_withdrawn"
    CREW_BID_ACCEPTED = "crew.bid_accepted"
    CREW_BID_REJECTED = "crew.bid_rejected"
    # booking.<event> (domain/bookings/states.EVENT_TYPES) and the crew's assignment
    BOOKING_REQUESTED = "booking.requested"
    BOOKING_ACCEPTED = "booking.accepted"
    BOOKING_SCHEDULED = "booking.scheduled"
    BOOKING_STARTED = "booking.started"
    BOOKING_COMPLETED = "booking.completed"
    BOOKING_CANCELLED = "booking.cancelled"
    BOOKING_DECLINED = "booking.declined"
    BOOKING_EXPIRED = "booking.expired"
    BOOKING_ASSIGNED = "booking.assigned"
