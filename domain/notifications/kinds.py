"""The kinds of notification (`Notification.kind`, a push's `data.kind`): what push/notifier.RULES
and domain/safety/notices.py write. An app switches on it to open the right screen."""

from __future__ import annotations

from enum import StrEnum


class NotificationKind(StrEnum):
    MESSAGE_NEW = "message.new"
    BID_RECEIVED = "bid.received"
    BID_ACCEPTED = "bid.accepted"
    JOB_MATCHED = "job.matched"
    BOOKING_REQUESTED = "booking.requested"
    BOOKING_ACCEPTED = "booking.accepted"
    BOOKING_SCHEDULED = "booking.scheduled"
    BOOKING_STARTED = "booking.started"
    BOOKING_COMPLETED = "booking.completed"
    BOOKING_CANCELLED = "booking.cancelled"
    BOOKING_DECLINED = "booking.declined"
    BOOKING_EXPIRED = "booking.expired"
    PAYMENT_CAPTURED = "payment.captured"
    PAYMENT_RELEASED = "payment.released"
    PAYMENT_REFUNDED = "payment.refunded"
    PAYMENT_PAID_OUT = "payment.paid_out"
    PAYMENT_CHARGEBACK = "payment.chargeback"
    PAYMENT_CHARGEBACK_CLOSED = "payment.chargeback_closed"
    PAYOUT_PAID = "payout.paid"
    DISPUTE_OPENED = "dispute.opened"
    DISPUTE_ENTRY_ADDED = "dispute.entry_added"
    DISPUTE_ESCALATED = "dispute.escalated"
    DISPUTE_ASSIGNED = "dispute.assigned"
    DISPUTE_RESOLVED = "dispute.resolved"
    DISPUTE_WITHDRAWN = "dispute.withdrawn"
    DISPUTE_REMINDER = "dispute.reminder"
    VERIFICATION_APPROVED = "verification.approved"
    VERIFICATION_REJECTED = "verification.rejected"
    VERIFICATION_REMINDER = "verification.reminder"
    VERIFICATION_LAPSED = "verification.lapsed"
    ACCOUNT_ROLES_CHANGED = "account.roles_changed"
    ACCOUNT_SUSPENDED = "account.suspended"
    ACCOUNT_REINSTATED = "account.reinstated"
    ACCOUNT_LOGIN_FAILURES = "account.login_failures"
    PRIVACY_EXPORT_READY = "privacy.export_ready"
    ORG_INVITATION = "org.invitation"
    MODERATION_WARN = "moderation.warn"
    MODERATION_HIDE = "moderation.hide"
    MODERATION_SUSPEND = "moderation.suspend"
    MARKETING_ANNOUNCEMENT = "marketing.announcement"  # an admin's announcement (with marketing consent only)
