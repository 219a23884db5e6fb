"""The one table of reactions: every consumer of events, with the stream it reads and its
handler. A handler gets `(envelope, uow)`; its effects commit with its inbox claim
(bus/dedupe.py), so each event is handled once per consumer name. Without Kafka the in-process
bus runs them inside the relay's unit of work; with Kafka each row is one consumer group.

The name is the consumer's inbox key and Kafka group: never rename a live one.
"""

from __future__ import annotations

from bus.subscriptions import Subscription
from domain.dashboards import reactions as dashboards
from domain.disputes import live as dispute_live
from domain.disputes.live import DisputeNotices
from domain.feed.projector import FeedProjector
from domain.finance.cases import live as payment_live
from domain.finance.cases import services as cases
from domain.finance.cases.live import PaymentNotices
from domain.finance.cases.services import PaymentCases
from domain.finance.reporting import documents
from domain.messaging import crew
from domain.presence import revoker
from domain.presence.revoker import PresenceRevoker
from domain.safety import intake
from push.notifier import Notifier


def reactions(notifier: Notifier, feed: FeedProjector, presence: PresenceRevoker,
              payments: PaymentCases | None = None, payment_notices: PaymentNotices | None = None,
              dispute_notices: DisputeNotices | None = None) -> list[Subscription]:
    # `wants`: the handler's own test of the events it acts on; the rest pass it by without an
    # inbox claim (bus/dedupe.handle_once). Only the notifier (and, when flagged, intake) acts on
    # a message sent, the most frequent event. In-process, each consumer takes its share of a relay
    # batch in one savepoint with one inbox statement (bus/dedupe.handle_batch).
    return [
        # stream "domain" unless said otherwise
        # crew join (or leave) the booking's conversation
        Subscription(crew.CONSUMER, crew.on_booking_assigned, wants=crew.wants),
        # in-app notifications and queued pushes; account notices of admin actions
        # (a relay batch at once in-process: one recipients read, one preferences read, one upsert)
        Subscription("notifier", notifier.handle, wants=notifier.wants, batch=notifier.handle_batch),
        Subscription("notifier-audit", notifier.handle, stream="audit", wants=notifier.wants,
                     batch=notifier.handle_batch),
        # feed items, sent live once committed (a relay batch's booking events at once: their
        # recipients in five reads, their items in one insert, one sequencer run and delivery)
        Subscription("feed", feed.handle, wants=feed.wants, batch=feed.handle_batch),
        # ended relationships end presence subscriptions
        Subscription(revoker.CONSUMER, presence.handle, wants=presence.wants),
        # booking accepted: capture; completed: release window; cancelled/declined/expired: void or refund
        *([Subscription(cases.CONSUMER, payments.on_booking_event, wants=payments.wants,
                        batch=payments.on_booking_events)]
          if payments is not None else []),
        # stream "finance": pushes on capture, release, refund, payout; the payment on the booking's sockets
        Subscription("notifier-finance", notifier.handle, stream="finance", wants=notifier.wants,
                     batch=notifier.handle_batch),
        *([Subscription(payment_live.CONSUMER, payment_notices.handle, stream="finance")]
          if payment_notices is not None else []),
        # captured: a receipt; refunded: a credit note; released: the platform fee invoice (gap-free numbers)
        Subscription(documents.CONSUMER, documents.on_finance_event, stream="finance"),
        # dispute events (stream "domain", key dispute:<id>): `dispute:update` on the parties' /disputes sockets
        *([Subscription(dispute_live.CONSUMER, dispute_notices.handle, wants=dispute_notices.wants)]
          if dispute_notices is not None else []),
        # flagged messages, listings to review, reported reviews; job posts, bids, comments, listings and
        # storefronts through the scam screen: all into the one moderation queue
        Subscription(intake.CONSUMER, intake.on_event, wants=intake.wants),
        # bookings, reviews, disputes, verification: the dashboards' rollups; crew joining (audit) and
        # leaving, and verification changes: each provider's crew and who of it is blocked
        # (a relay batch at once: one lock and watermark statement, the bookings read together, one upsert)
        Subscription(dashboards.CONSUMER, dashboards.on_event, wants=dashboards.wants, batch=dashboards.on_events),
        Subscription(dashboards.CREW_CONSUMER, dashboards.on_audit, stream="audit", wants=dashboards.wants_audit),
    ]
