"""Everything a notification says, in English (the source language), and nothing else: the one
module where user-facing notification text may be written (tests/test_notification_texts.py
checks the modules that build notifications for stray English).

Each text is marked for extraction (`N_`, `NP_`: context = template key, then the English
message), so `scripts/notification-catalogues` extracts them into `locale/notifications.pot` and
updates every language's `.po`; domain/notifications/i18n.py translates and fills them.
`{placeholders}` are filled from the recipient's values, formatted for their locale and zone.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Text:
    context: str
    message: str


@dataclass(frozen=True)
class PluralText:
    """A message whose wording depends on a number (CLDR plural rules of the recipient's language)."""

    context: str
    singular: str
    plural: str
    count: str  # the value that picks the form


def N_(context: str, message: str) -> Text:
    return Text(context, message)


def NP_(context: str, singular: str, plural: str, count: str) -> PluralText:
    return PluralText(context, singular, plural, count)


@dataclass(frozen=True)
class Template:
    title: Text
    body: Text | PluralText
    private_body: Text | PluralText | None = None  # used when the user asked for private previews


TEMPLATES: dict[str, Template] = {
    "message.new": Template(
        N_("message.new", "{sender}"),
        N_("message.new", "{preview}"),
        private_body=N_("message.new", "New message from {sender}"),
    ),
    "message.new.many": Template(
        N_("message.new.many", "{sender}"),
        NP_("message.new.many", "{count} new message: {preview}", "{count} new messages: {preview}", "count"),
        private_body=NP_(
            "message.new.many", "{count} new message from {sender}", "{count} new messages from {sender}", "count"
        ),
    ),
    "bid.received": Template(
        N_("bid.received", "New bid on {job_title}"), N_("bid.received", "{bidder} offered {amount}")
    ),
    "bid.accepted": Template(
        N_("bid.accepted", "Your bid was accepted"), N_("bid.accepted", "{customer} accepted your bid on {job_title}")
    ),
    "job.matched": Template(N_("job.matched", "New job near you"), N_("job.matched", "{job_title}")),
    "booking.requested": Template(
        N_("booking.requested", "New booking request"), N_("booking.requested", "{customer} asked for {what}")
    ),
    "booking.accepted": Template(
        N_("booking.accepted", "Booking accepted"), N_("booking.accepted", "Your booking for {what} was accepted")
    ),
    "booking.scheduled": Template(
        N_("booking.scheduled", "Booking scheduled"), N_("booking.scheduled", "{what} is scheduled for {when}")
    ),
    "booking.started": Template(
        N_("booking.started", "Work started"), N_("booking.started", "Work on {what} has started")
    ),
    "booking.completed": Template(
        N_("booking.completed", "Booking completed"), N_("booking.completed", "{what} is done. How did it go?")
    ),
    "booking.cancelled": Template(
        N_("booking.cancelled", "Booking cancelled"), N_("booking.cancelled", "The booking for {what} was cancelled")
    ),
    "booking.declined": Template(
        N_("booking.declined", "Booking declined"), N_("booking.declined", "The booking for {what} was declined")
    ),
    "booking.expired": Template(
        N_("booking.expired", "Booking expired"),
        N_("booking.expired", "Nobody accepted the booking for {what} in time"),
    ),
    "payment.captured": Template(
        N_("payment.captured", "Payment secured"),
        N_("payment.captured", "{amount} for {what} is paid and held until the work is done"),
    ),
    "payment.released": Template(
        N_("payment.released", "Payment released"),
        N_("payment.released", "{amount} for {what} was released to the provider"),
    ),
    "payment.refunded": Template(
        N_("payment.refunded", "Refund issued"),
        N_("payment.refunded", "{amount} for {what} is on its way back to the card"),
    ),
    "payment.paid_out": Template(
        N_("payment.paid_out", "Paid out"), N_("payment.paid_out", "{amount} for {what} was sent to your account")
    ),
    "payment.chargeback": Template(
        N_("payment.chargeback", "Chargeback"),
        N_(
            "payment.chargeback",
            "The cardholder disputed {amount} for {what}; your next releases are held up to "
            "that amount until the bank decides",
        ),
    ),
    "payment.chargeback_closed": Template(
        N_("payment.chargeback_closed", "Chargeback closed"),
        N_("payment.chargeback_closed", "The bank decided the dispute of {amount} for {what}"),
    ),
    "dispute.opened": Template(
        N_("dispute.opened", "Dispute opened"), N_("dispute.opened", "A dispute about {what} needs your answer")
    ),
    "dispute.entry_added": Template(
        N_("dispute.entry_added", "Dispute updated"),
        N_("dispute.entry_added", "The other side added to the dispute about {what}"),
    ),
    "dispute.escalated": Template(
        N_("dispute.escalated", "Dispute escalated"),
        N_("dispute.escalated", "The dispute about {what} went to our team"),
    ),
    "dispute.assigned": Template(
        N_("dispute.assigned", "Dispute assigned"), N_("dispute.assigned", "You were assigned the dispute about {what}")
    ),
    "dispute.resolved": Template(
        N_("dispute.resolved", "Dispute resolved"), N_("dispute.resolved", "The dispute about {what} is decided")
    ),
    "dispute.withdrawn": Template(
        N_("dispute.withdrawn", "Dispute withdrawn"), N_("dispute.withdrawn", "The dispute about {what} was withdrawn")
    ),
    "dispute.reminder": Template(
        N_("dispute.reminder", "Dispute deadline soon"),
        N_("dispute.reminder", "The dispute about {what} needs you before {when}"),
    ),
    "verification.approved": Template(
        N_("verification.approved", "Document approved"),
        N_("verification.approved", "Your {label} is verified until {expires}"),
    ),
    "verification.rejected": Template(
        N_("verification.rejected", "Document not accepted"),
        N_("verification.rejected", "Your {label} was not accepted: {reason}"),
    ),
    "verification.reminder": Template(
        N_("verification.reminder", "Document expiring"),
        NP_(
            "verification.reminder",
            "Your {label} expires in {days_left} day ({expires}): upload the renewal to keep getting this work",
            "Your {label} expires in {days_left} days ({expires}): upload the renewal to keep getting this work",
            "days_left",
        ),
    ),
    "verification.lapsed": Template(
        N_("verification.lapsed", "Document expired"),
        N_("verification.lapsed", "Your {label} expired: work that needs it is paused until a renewal is approved"),
    ),
    "payout.paid": Template(
        N_("payout.paid", "Payout sent"), N_("payout.paid", "{amount} is on its way to your bank account")
    ),
    "account.roles_changed": Template(
        N_("account.roles_changed", "Your account changed"), N_("account.roles_changed", "Your roles are now: {roles}")
    ),
    "account.suspended": Template(
        N_("account.suspended", "Your account was suspended"),
        N_("account.suspended", "Contact support if you think this is wrong"),
    ),
    "account.reinstated": Template(
        N_("account.reinstated", "Your account was reinstated"), N_("account.reinstated", "Welcome back")
    ),
    "org.invitation": Template(
        N_("org.invitation", "Invitation from {organisation}"),
        N_("org.invitation", "{inviter} invited you to join {organisation} as {role}. Accept or decline in the app."),
    ),
    "account.login_failures": Template(
        N_("account.login_failures", "Failed sign-ins on your account"),
        N_(
            "account.login_failures",
            "Someone entered a wrong password for your account several times. If it was not you, change your password.",
        ),
    ),
    # A data-subject export is ready (domain/privacy/export_service.py): download it before {until}.
    "privacy.export_ready": Template(
        N_("privacy.export_ready", "Your data export is ready"),
        N_("privacy.export_ready", "Download it in the app before {until}."),
    ),
    # Security notices by email too (push/notifier.py email rules): a second factor added or removed,
    # the password changed. {when} is the moment, in the recipient's zone.
    "account.mfa_enrolled": Template(
        N_("account.mfa_enrolled", "Two-step sign-in turned on"),
        N_("account.mfa_enrolled", "A second factor was added to your account on {when}. If it was not you, "
                                   "contact support at once."),
    ),
    "account.mfa_disabled": Template(
        N_("account.mfa_disabled", "Two-step sign-in turned off"),
        N_("account.mfa_disabled", "The second factor of your account was removed on {when}. If it was not "
                                   "you, change your password and contact support."),
    ),
    # A login from a device or browser the account had not used: {device} is the app or browser
    # (brand names, "Firefox (Windows)"), {network} the /24 or /48 it came from.
    "account.new_login": Template(
        N_("account.new_login", "New sign-in to your account"),
        N_("account.new_login", "Your account was signed in to on {when} from {device}, network {network}. If "
                                "this was you, there is nothing to do.\n\nIf it was not you, change your password "
                                "at once and end that session in the app (Settings, Sessions); then turn on "
                                "two-step sign-in."),
    ),
    "account.password_changed": Template(
        N_("account.password_changed", "Your password was changed"),
        N_("account.password_changed", "The password of your account was changed on {when}. If it was not "
                                       "you, contact support at once."),
    ),
    # Finance documents by email (domain/finance/reporting/documents.py): {reference} is the
    # document's number, {amount} its total, {when} its date.
    "document.receipt": Template(
        N_("document.receipt", "Your receipt {reference}"),
        N_("document.receipt", "Thank you for your payment of {amount} on {when}. Receipt {reference} is in "
                               "the app, under the booking."),
    ),
    "document.credit_note": Template(
        N_("document.credit_note", "Your credit note {reference}"),
        N_("document.credit_note", "{amount} was refunded on {when}. Credit note {reference} is in the app, "
                                   "under the booking."),
    ),
    "document.invoice": Template(
        N_("document.invoice", "Invoice {reference}"),
        N_("document.invoice", "Our service fee of {amount} for a completed booking, invoiced on {when}: "
                               "invoice {reference} is in the app."),
    ),
    # Marketing (domain/notifications/marketing.py): an admin's announcement, in the words they wrote.
    "marketing.announcement": Template(
        N_("marketing.announcement", "{title}"), N_("marketing.announcement", "{message}")
    ),
    # Moderation decisions (domain/safety/notices.py): {subject} is one of the "subject.*" phrases.
    "moderation.warn": Template(
        N_("moderation.warn", "A warning about your {subject}"), N_("moderation.warn", "Reason: {reason}")
    ),
    "moderation.hide": Template(
        N_("moderation.hide", "Your {subject} was hidden"), N_("moderation.hide", "Reason: {reason}")
    ),
    "moderation.suspend": Template(
        N_("moderation.suspend", "Your account is suspended until {until}"),
        N_("moderation.suspend", "Reason: {reason}"),
    ),
    "moderation.suspend.indefinite": Template(
        N_("moderation.suspend.indefinite", "Your account is suspended until further notice"),
        N_("moderation.suspend.indefinite", "Reason: {reason}"),
    ),
}

# Words that stand in a template's placeholder: fallbacks for a missing name or title, the names
# of roles, credentials and moderated things. Values name them by key (i18n.Phrase("someone")).
# The app or browser and the system a user agent names (first match wins; brands: never
# translated), for the new sign-in notice's {device} (push/recipients.device_of).
USER_AGENT_BROWSERS = (("Fieldsync", "Fieldsync"), ("Edg/", "Edge"), ("OPR/", "Opera"), ("Firefox/", "Firefox"),
                       ("Chrome/", "Chrome"), ("Safari/", "Safari"))
USER_AGENT_SYSTEMS = (("Android", "Android"), ("iPhone", "iPhone"), ("iPad", "iPad"), ("Windows", "Windows"),
                      ("Mac OS X", "macOS"), ("Macintosh", "macOS"), ("CrOS", "ChromeOS"), ("Linux", "Linux"))

PHRASES: dict[str, Text] = {
    "someone": N_("phrase", "Someone"),
    "a_serviceman": N_("phrase", "A serviceman"),
    "a_customer": N_("phrase", "A customer"),
    "the_customer": N_("phrase", "The customer"),
    "your_job": N_("phrase", "your job"),
    "a_job": N_("phrase", "a job"),
    "a_new_job": N_("phrase", "A new job"),
    "a_service": N_("phrase", "a service"),
    "soon": N_("phrase", "soon"),
    "unknown_device": N_("phrase", "an unknown app or browser"),
    "unknown_network": N_("phrase", "unknown"),
    "the_deadline": N_("phrase", "the deadline"),
    "no_expiry": N_("phrase", "no expiry"),
    "an_attachment": N_("phrase", "Sent an attachment"),
    "role.customer": N_("role", "customer"),
    "role.serviceman": N_("role", "serviceman"),
    "role.provider": N_("role", "provider"),
    "role.enterprise": N_("role", "enterprise"),
    "role.admin": N_("role", "admin"),
    "role.owner": N_("role", "owner"),
    "role.manager": N_("role", "manager"),
    "role.crew_member": N_("role", "crew member"),
    "credential.document": N_("credential", "document"),
    "credential.photo_id": N_("credential", "photo ID"),
    "credential.insurance": N_("credential", "public liability insurance"),
    "credential.dbs_basic": N_("credential", "basic DBS certificate"),
    "credential.dbs_standard": N_("credential", "standard DBS certificate"),
    "credential.dbs_enhanced": N_("credential", "enhanced DBS certificate"),
    "credential.gas_safe": N_("credential", "Gas Safe registration"),
    "credential.niceic": N_("credential", "NICEIC registration"),
    "credential.business_registration": N_("credential", "business registration"),
    "subject.account": N_("subject", "account"),
    "subject.profile": N_("subject", "profile"),
    "subject.review": N_("subject", "review"),
    "subject.comment": N_("subject", "comment"),
    "subject.bid": N_("subject", "bid"),
    "subject.job": N_("subject", "job"),
    "subject.message": N_("subject", "message"),
    "subject.service": N_("subject", "service"),
    "subject.storefront": N_("subject", "storefront"),
}
