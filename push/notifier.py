"""THE decision table of notifications: which domain event notifies whom, in which category,
with which template, on which channels; then, per recipient, their preferences decide.

For each recipient of an event (push/recipients.py finds them):
1. in-app: a Notification row (domain/notifications/centre.py) unless they turned the category's
   in-app channel off. Messages keep one row per conversation (`conversation:<id>`), brought back
   unread with the conversation's unread count, so a burst of 50 is one entry saying 50.
2. push: unless turned off, or the rule says "offline only" (messages) and the user has a live
   socket (they saw it already); held until quiet hours end (`not_before`), dropped inside them
   for volatile kinds; account and security notices go at once, whatever the settings. The push
   is a row of B's delivery queue (push/queue.py), written in this transaction: the event, the
   in-app row and the push commit together (the inbox claim makes it once per event).
3. email, for the rules whose channels name it (receipts and other finance documents, security
   notices, a data export ready): unless turned off (security notices cannot be) or the address is
   suppressed (a hard bounce, a complaint: domain/notifications/email.py); in the language the
   user chose for email (else their phone's), in their zone; a row of the email queue
   (push/email_queue.py), written in this transaction like the push.

Runs as the `notifier` reaction (app/subscriptions.py) of the domain stream, and as
`notifier-audit` of the audit stream (account changes made by admins), and as
`notifier-finance` of the finance stream (captures, releases, refunds, payouts).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

import structlog
from prometheus_client import Counter
from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.exceptions import OperationalError

from bus import Envelope
from domain.notifications import centre, marketing, preferences
from domain.notifications.i18n import Audience, Phrase, babel_locale, render
from domain.notifications.models import Category, Channel
from domain.shared.clock import utcnow
from domain.shared.uow import UnitOfWork, unit_of_work
from push import email_queue, queue, recipients
from push.recipients import Target

log = structlog.get_logger(__name__)

NOTIFICATIONS = Counter("fieldsync_notifications_total", "Notification decisions per recipient",
                        ["kind", "outcome"])  # push, held, dropped_quiet, online, off, no_device, no_consent, failed

EMAIL_NOTIFICATIONS = Counter("fieldsync_email_notifications_total", "Email decisions per recipient",
                              ["kind", "outcome"])  # queued, off, suppressed

Recipients = Callable[[dict[str, Any], BaseDBAsyncClient], Awaitable[list[Target]]]


@dataclass(frozen=True)
class Rule:
    kind: str  # the notification's kind (data.kind of the push) and default template key
    category: Category
    recipients: Recipients
    volatile: bool = False  # worth nothing late: dropped during quiet hours, not held
    offline_only: bool = False  # no push to a user with a live socket (they see it there)
    channels: frozenset[Channel] = frozenset({Channel.IN_APP, Channel.PUSH})


WITH_EMAIL = frozenset({Channel.IN_APP, Channel.PUSH, Channel.EMAIL})
EMAIL_ONLY = frozenset({Channel.EMAIL})


_BOOKING_STATES = ("requested", "accepted", "scheduled", "started", "completed", "cancelled", "declined", "expired")

RULES: dict[str, Rule] = {
    "message.sent": Rule("message.new", Category.MESSAGES, recipients.message_recipients, offline_only=True),
    "bid.placed": Rule("bid.received", Category.BIDS, recipients.bid_for_customer),
    "bid.accepted": Rule("bid.accepted", Category.BIDS, recipients.bid_for_bidder),
    "job.posted": Rule("job.matched", Category.BIDS, recipients.matching_servicemen, volatile=True),
    **{f"booking.{state}": Rule(f"booking.{state}", Category.BOOKINGS, recipients.booking_parties)
       for state in _BOOKING_STATES},
    # Finance stream (app/subscriptions.py `notifier-finance`): money moved on a booking's payment.
    "payment.captured": Rule("payment.captured", Category.BOOKINGS,
                             recipients.payment_parties(customer=True, payees=True, amount_key="captured")),
    "payment.released": Rule("payment.released", Category.BOOKINGS,
                             recipients.payment_parties(customer=False, payees=True, amount_key="released")),
    "payment.refunded": Rule("payment.refunded", Category.BOOKINGS,
                             recipients.payment_parties(customer=True, payees=True, amount_key="refund")),
    "payment.paid_out": Rule("payment.paid_out", Category.BOOKINGS,
                             recipients.payment_parties(customer=False, payees=True, amount_key="released")),
    # Chargebacks (domain/finance/chargebacks): the payees hear their releases are held, and the outcome.
    **{f"payment.{kind}": Rule(template, Category.BOOKINGS,
                               recipients.payment_parties(customer=False, payees=True, amount_key="disputed"))
       for kind, template in (("chargeback_withdrawn", "payment.chargeback"),
                              ("chargeback_closed", "payment.chargeback_closed"))},
    # Payouts (issue 13 item 7): the payee hears their money left for the bank.
    "payout.paid": Rule("payout.paid", Category.BOOKINGS, recipients.payout_payee),
    # Disputes (issue 14, domain stream): the other side's entries, deadlines, outcomes.
    **{f"dispute.{kind}": Rule(f"dispute.{kind}", Category.BOOKINGS, recipients.dispute_recipients)
       for kind in ("opened", "entry_added", "escalated", "assigned", "resolved", "withdrawn", "reminder")},
    # Provider verification (issue 15): decisions, expiry reminders (30, 7, 0 days) and the lapse.
    **{f"verification.{kind}": Rule(f"verification.{kind}", Category.ACCOUNT_SECURITY,
                                    recipients.verification_recipients)
       for kind in ("approved", "rejected", "reminder", "lapsed")},
    # Receipts, credit notes and fee invoices (domain/finance/reporting/documents.py): by email.
    "document.issued": Rule("document.issued", Category.BOOKINGS, recipients.document_recipient,
                            channels=EMAIL_ONLY),
    # Audit stream: what an admin did to your account.
    "audit.role.grant": Rule("account.roles_changed", Category.ACCOUNT_SECURITY, recipients.account_subject,
                             channels=WITH_EMAIL),
    "audit.role.revoke": Rule("account.roles_changed", Category.ACCOUNT_SECURITY, recipients.account_subject,
                              channels=WITH_EMAIL),
    "audit.user.suspend": Rule("account.suspended", Category.ACCOUNT_SECURITY, recipients.account_subject,
                               channels=WITH_EMAIL),
    "audit.user.reinstate": Rule("account.reinstated", Category.ACCOUNT_SECURITY, recipients.account_subject,
                                 channels=WITH_EMAIL),
    # Security changes made on your own account: told by email, out of band (whoever made the
    # change may hold the session and the phone).
    "audit.mfa.enrolled": Rule("account.mfa_enrolled", Category.ACCOUNT_SECURITY, recipients.security_subject,
                               channels=EMAIL_ONLY),
    "audit.mfa.disabled": Rule("account.mfa_disabled", Category.ACCOUNT_SECURITY, recipients.security_subject,
                               channels=EMAIL_ONLY),
    "audit.password.changed": Rule("account.password_changed", Category.ACCOUNT_SECURITY,
                                   recipients.security_subject, channels=EMAIL_ONLY),
    # A login from a device or browser the account had not used (domain/accounts/services._new_device).
    "audit.login.new_device": Rule("account.new_login", Category.ACCOUNT_SECURITY, recipients.new_login_subject,
                                   channels=EMAIL_ONLY),
    # Someone asked you to join their crew: consent to being managed is a security matter (always on).
    "audit.org.member.invite": Rule("org.invitation", Category.ACCOUNT_SECURITY, recipients.membership_invitee),
    # Failed logins crossed the notice threshold (domain/accounts/throttle.py): the owner hears of it.
    "audit.login.failures": Rule("account.login_failures", Category.ACCOUNT_SECURITY, recipients.account_subject,
                                 channels=WITH_EMAIL),
    # A data-subject export the user asked for is ready (domain/privacy/export_service.py).
    "audit.privacy.export.ready": Rule("privacy.export_ready", Category.ACCOUNT_SECURITY, recipients.export_owner,
                                       channels=WITH_EMAIL),
    # Marketing (issue 18): an admin's announcement, to those of its audience who consented
    # (domain/notifications/marketing.py); every marketing rule passes the consent gate in `notify`.
    "marketing.announced": Rule("marketing.announcement", Category.MARKETING, recipients.marketing_audience),
}


class LivePresence(Protocol):
    """The port the composition root fills from the presence store (any process)."""

    async def online(self, user_id: str) -> bool: ...


class NobodyOnline:
    async def online(self, user_id: str) -> bool:
        return False


class Notifier:
    def __init__(self, presence: LivePresence | None = None, wake_workers: Callable[[], None] | None = None,
                 wake_email: Callable[[], None] | None = None) -> None:
        self.presence: LivePresence = presence or NobodyOnline()
        self._wake_workers = wake_workers or (lambda: None)
        self._wake_email = wake_email or (lambda: None)

    @staticmethod
    def wants(envelope: Envelope) -> bool:
        """The events `handle` acts on: those with a rule."""
        return envelope.type in RULES

    async def handle(self, envelope: Envelope, uow: UnitOfWork) -> None:
        rule = RULES.get(envelope.type)
        if rule is None:
            return
        for target in await rule.recipients(envelope.body, uow.connection):
            await self._notify_alone(envelope, rule, target)

    async def _notify_alone(self, envelope: Envelope, rule: Rule, target: Target) -> None:
        try:
            async with unit_of_work() as savepoint:  # one recipient's failure is theirs alone
                if await self.notify(rule, target, savepoint.connection) in ("push", "held"):
                    savepoint.after_commit(self._wake_workers)  # the queued job is visible then
                if Channel.EMAIL in rule.channels:
                    savepoint.after_commit(self._wake_email)
        except (OperationalError, ConnectionError):
            raise  # the database is away: the whole event is retried later
        except Exception:
            NOTIFICATIONS.labels(rule.kind, "failed").inc()
            log.exception("notification_failed", event_type=envelope.type, event_id=envelope.event_id,
                          user_id=target.user_id)

    async def handle_batch(self, envelopes: list[Envelope], uow: UnitOfWork) -> None:
        """`handle` of each event (a relay batch, PostgreSQL), at once: the recipients of every
        message in one statement, the parties of every booking event in four, the preferences and
        devices of every recipient in one, every in-app row in one upsert. Any error raises (the
        bus then goes event by event, where a recipient's failure is theirs alone); email and
        marketing rules keep the one-by-one path."""
        conn = uow.connection
        wanted = [(e, RULES[e.type]) for e in envelopes if e.type in RULES]
        messages = [e for e, rule in wanted if rule.recipients is recipients.message_recipients]
        by_event = dict(zip((e.event_id for e in messages),
                            await recipients.messages_recipients([e.body for e in messages], conn), strict=True))
        bookings = [e for e, rule in wanted if rule.recipients is recipients.booking_parties]
        if bookings:  # the parties of every booking event in four reads
            by_event.update(zip((e.event_id for e in bookings),
                                await recipients.bookings_parties([e.body for e in bookings], conn), strict=True))
        plain: list[tuple[Rule, Target]] = []
        for envelope, rule in wanted:
            found = by_event.get(envelope.event_id)
            targets = found if found is not None else await rule.recipients(envelope.body, conn)
            if rule.channels != frozenset({Channel.IN_APP, Channel.PUSH}) or rule.category is Category.MARKETING:
                for target in targets:
                    await self._notify_alone(envelope, rule, target)
            else:
                plain.extend((rule, target) for target in targets)
        if plain:
            await self._notify_many(plain, uow)

    async def _notify_many(self, plain: list[tuple[Rule, Target]], uow: UnitOfWork) -> None:
        """`notify` of in-app and push rules for many recipients: what `notify` decides for each.
        Texts alike (same template, values, language, zone) are rendered once a batch: the push
        of a decision says what its in-app row says unless the preview is private."""
        conn, now = uow.connection, utcnow()
        reaches = await preferences.reach_many([target.user_id for _, target in plain], conn)
        texts: dict[Any, tuple[str, str]] = {}
        entries: list[centre.Entry] = []
        in_app: list[int | None] = []  # each decision's entry, if it has one
        for rule, target in plain:
            reach = reaches[target.user_id]
            prefs = reach.preferences
            if prefs.allows(rule.category, Channel.IN_APP):
                title, body = _rendered(texts, target.template or rule.kind, target.values,
                                        Audience(reach.device_locale, prefs.effective_timezone))
                in_app.append(len(entries))
                entries.append(centre.Entry(
                    user_id=target.user_id, kind=rule.kind, category=rule.category, title=title, body=body,
                    entity_type=target.entity_type, entity_id=target.entity_id, collapse_key=target.collapse_key,
                    count=target.count, data=target.data))
            else:
                in_app.append(None)
        ids = await centre.record_many(entries, conn, now) if entries else []
        outcomes: dict[tuple[str, str], int] = {}
        for (rule, target), entry in zip(plain, in_app, strict=True):
            reach = reaches[target.user_id]
            # `_push_outcome`'s first answer without its coroutine (most recipients have no device)
            outcome = await self._push_outcome(rule, target, reach.preferences, True, now) if reach.has_device \
                else "no_device"
            if outcome in ("push", "held"):
                await self._enqueue(rule, target, reach, None if entry is None else ids[entry], outcome, now, conn,
                                    texts)
            outcomes[rule.kind, outcome] = outcomes.get((rule.kind, outcome), 0) + 1
        if any(outcome in ("push", "held") for _, outcome in outcomes):
            uow.after_commit(self._wake_workers)  # the queued jobs are visible then
        # Counted once all went through (a failure is retried one by one), once per kind and outcome.
        for (kind, outcome), count in outcomes.items():
            NOTIFICATIONS.labels(kind, outcome).inc(count)

    async def notify(self, rule: Rule, target: Target, conn: BaseDBAsyncClient, now: datetime | None = None) -> str:
        """Apply the recipient's preferences to one decision; returns the outcome (for metrics and tests)."""
        now = now or utcnow()
        if rule.category is Category.MARKETING and not await marketing.allowed(target.user_id, Channel.PUSH, conn):
            NOTIFICATIONS.labels(rule.kind, "no_consent").inc()  # consent withdrawn (or never given): nothing at all
            return "no_consent"
        reach = await preferences.reach(target.user_id, conn)  # one statement: preferences and devices
        prefs = reach.preferences
        # Words and numbers in the language of the phone last seen, times in the user's zone.
        audience = Audience(reach.device_locale, prefs.effective_timezone)
        template = target.template or rule.kind
        if Channel.EMAIL in rule.channels:
            # Email in the language they chose for it, else their phone's.
            await self._email(rule, target, prefs, Audience(prefs.locale or audience.locale, audience.time_zone),
                              conn)
        if Channel.PUSH not in rule.channels:
            return "email_only"
        title, body = render(template, target.values, audience)
        notification_id = None
        if prefs.allows(rule.category, Channel.IN_APP):
            row = await centre.record(centre.Entry(
                user_id=target.user_id, kind=rule.kind, category=rule.category, title=title, body=body,
                entity_type=target.entity_type, entity_id=target.entity_id, collapse_key=target.collapse_key,
                count=target.count, data=target.data), conn, now)
            notification_id = row.id
        outcome = await self._push_outcome(rule, target, prefs, reach.has_device, now)
        if outcome in ("push", "held"):
            await self._enqueue(rule, target, reach, notification_id, outcome, now, conn)
        NOTIFICATIONS.labels(rule.kind, outcome).inc()
        return outcome

    @staticmethod
    async def _enqueue(rule: Rule, target: Target, reach: preferences.Reach, notification_id: Any, outcome: str,
                       now: datetime, conn: BaseDBAsyncClient, texts: dict[Any, tuple[str, str]] | None = None
                       ) -> None:
        """The push of a decision to push now or hold: a row of the delivery queue (`texts`: those
        rendered for the batch, see `_rendered`)."""
        prefs = reach.preferences
        audience = Audience(reach.device_locale, prefs.effective_timezone)
        private = prefs.private_previews or target.sensitive
        push_title, push_body = _rendered(texts, target.template or rule.kind, target.values, audience, private)
        not_before = None if outcome == "push" else prefs.quiet_until(now)
        await queue.enqueue(
            conn, user_id=target.user_id, kind=rule.kind, category=rule.category.value,
            notification_id=notification_id, collapse_key=target.collapse_key or
            f"{target.entity_type}:{target.entity_id}", title=push_title, body=push_body,
            # Ids only, never text: what the app needs to pull the change (data.cursor: the worker).
            data={**target.data, "kind": rule.kind, "entity_type": target.entity_type,
                  "entity_id": target.entity_id},
            not_before=not_before, volatile=rule.volatile)

    async def _email(self, rule: Rule, target: Target, prefs: preferences.Preferences, audience: Audience,
                     conn: BaseDBAsyncClient) -> str:
        if not prefs.allows(rule.category, Channel.EMAIL):
            outcome = "off"
        elif prefs.email_suppressed is not None:
            outcome = "suppressed"  # it bounced for good, or they reported us as spam
        else:
            subject, body = render(target.template or rule.kind, target.values, audience)
            await email_queue.enqueue(conn, user_id=target.user_id, kind=rule.kind, category=rule.category.value,
                                      language=str(babel_locale(audience.locale)).replace("_", "-"),
                                      subject=subject, body=body)
            outcome = "queued"
        EMAIL_NOTIFICATIONS.labels(rule.kind, outcome).inc()
        return outcome

    async def _push_outcome(self, rule: Rule, target: Target, prefs: preferences.Preferences, has_device: bool,
                            now: datetime) -> str:
        if not has_device:
            return "no_device"
        if not prefs.allows(rule.category, Channel.PUSH):
            return "off"
        if rule.category is preferences.ALWAYS_ON:
            return "push"
        if rule.offline_only and await self._online(target.user_id):
            return "online"
        if prefs.quiet_until(now) is not None:
            return "dropped_quiet" if rule.volatile else "held"
        return "push"

    async def _online(self, user_id: str) -> bool:
        try:
            return await self.presence.online(user_id)
        except Exception:  # presence down: a push too many beats a message missed
            log.warning("presence_check_failed", user_id=user_id, exc_info=True)
            return False


# The values a batch's texts are remembered by: types whose equality is their text's (1 == True,
# and an equal instant in another zone, would not be).
_PLAIN_VALUES = (str, int, Phrase)


def _rendered(texts: dict[Any, tuple[str, str]] | None, template: str, values: dict[str, Any], audience: Audience,
              private: bool = False) -> tuple[str, str]:
    """`render`, remembered in `texts` (one batch's; None: a lone decision) when every value is
    plain text, a number or a phrase: the recipients of a message often read the same words in
    the same language."""
    if texts is None or not all(type(value) in _PLAIN_VALUES for value in values.values()):
        return render(template, values, audience, private=private)
    key = (template, audience.locale, audience.time_zone, private,
           tuple((name, type(value), value) for name, value in values.items()))
    found = texts.get(key)
    if found is None:
        found = texts[key] = render(template, values, audience, private=private)
    return found


class PresenceOnline:
    """LivePresence over the presence tracker (realtime/presence_tracker.py): online or away on
    any process counts as a live socket."""

    def __init__(self, tracker: Any) -> None:
        self.tracker = tracker

    async def online(self, user_id: str) -> bool:
        states = await self.tracker.states([user_id])
        return any(str(getattr(state.status, "value", state.status)) != "offline" for state in states)
