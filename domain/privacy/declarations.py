"""THE personal-data registry: every table holding personal data, declared once (vocabulary in
registry.py). Adding a column that holds personal data means declaring it here; the registry
test fails otherwise, and `python -m domain.privacy.record --write docs/privacy.md` refreshes the
record of processing.

One constant per table, grouped by bounded context (the order of REGISTRY is the order of the
record); the finance and email tables are declared in declarations_finance.py and
declarations_email.py, the legal holds in holds.py. Columns are database column names (a foreign
key `customer` is `customer_id`).
"""

from __future__ import annotations

from domain.privacy.declarations_email import EMAIL_FEEDBACK, EMAIL_JOBS, EMAIL_SUPPRESSION
from domain.privacy.declarations_finance import (
    FINANCE_DOCUMENT,
    GATEWAY_EVENT,
    PAYEE_ACCOUNT,
    PAYEE_BALANCE,
    PAYMENT_CASE,
    PAYOUT,
    SELLER_PROFILE,
    SELLER_TAX_PROFILE,
)
from domain.privacy.derived import DERIVED
from domain.privacy.holds import ACCOUNTABILITY, ANCHOR, DISPUTE_EVIDENCE, TAX_RECORDS
from domain.privacy.registry import UNKEYED, Basis, Category, Column, Erasure, LegalHold, Registry, Retention, Table

# -- accounts -------------------------------------------------------------------------------

USER_ACCOUNT = Table(
    "user_account", "accounts", None,
    (Column("email", Category.IDENTITY, Erasure.PSEUDONYMISE, doc="login and contact address"),
     Column("name", Category.IDENTITY, Erasure.PSEUDONYMISE, doc="shown to counterparties"),
     Column("email_index", Category.IDENTITY, Erasure.NULLIFY, export=False,
            doc="keyed blind index of the email for log-in look-ups (HMAC, PII_HASH_KEY)"),
     Column("photo_upload_id", Category.IDENTITY, Erasure.NULLIFY),
     Column("password_hash", Category.IDENTITY, Erasure.PSEUDONYMISE, export=False,
            doc="replaced by an unusable hash: login fails"),
     Column("region", Category.LOCATION, Erasure.HOLD, doc="data residency of the account")),
    basis=Basis.CONTRACT, purpose="the account: login, identification to counterparties", hold=ANCHOR,
)

ORGANISATION = Table(
    "organisation", "accounts", "owner_id",
    (Column("name", Category.IDENTITY, Erasure.PSEUDONYMISE, doc="a sole trader's business name is often their own"),),
    basis=Basis.CONTRACT, purpose="the provider business its owner runs",
)

MEMBERSHIP = Table(
    "membership", "accounts", "user_id",
    (Column("role", Category.BEHAVIOUR, Erasure.DELETE, doc="their place in an organisation's crew"),
     Column("status", Category.BEHAVIOUR, Erasure.DELETE)),
    basis=Basis.CONTRACT, purpose="crews: who works for which provider", also_subjects=("invited_by_id",),
)

REFRESH_TOKEN = Table(
    "refresh_token", "accounts", "user_id",
    (Column("ip", Category.NETWORK, Erasure.DELETE, doc="the network (/24 or /48) a session started from"),
     Column("user_agent", Category.NETWORK, Erasure.DELETE)),
    basis=Basis.LEGITIMATE_INTEREST, purpose="session security: list and revoke sessions",
    # A token past its expiry can neither refresh nor be replayed; a week later it goes with its IP.
    retention=Retention(7, "expires_at"),
)

MFA_TOTP = Table(
    "mfa_totp", "accounts", "user_id",
    (Column("secret_sealed", Category.IDENTITY, Erasure.DELETE, export=False,
            doc="the TOTP secret, sealed (AES-GCM): an authenticator's key, never shown again"),),
    basis=Basis.CONTRACT, purpose="a second factor at login and for step-up",
)

MFA_RECOVERY_CODE = Table(
    "mfa_recovery_code", "accounts", "user_id",
    (Column("code_hash", Category.IDENTITY, Erasure.DELETE, export=False, doc="a hashed single-use recovery code"),),
    basis=Basis.CONTRACT, purpose="getting in when the authenticator is lost",
)

# -- audit ----------------------------------------------------------------------------------

AUDIT_RECORD = Table(
    "audit_record", "audit", "actor_id",
    (Column("ip", Category.NETWORK, Erasure.NULLIFY,
            doc="where the action came from (a keyed hash once encrypted); gone from their own actions at erasure"),
     Column("before", Category.COPY, Erasure.HOLD, export=False, doc="the subject's state before the action"),
     Column("after", Category.COPY, Erasure.HOLD, export=False, doc="the subject's state after the action")),
    basis=Basis.LEGAL_OBLIGATION, purpose="who did what with privileges: security and accountability",
    also_subjects=("subject_id",), hold=ACCOUNTABILITY,
    # No purge: a trigger refuses DELETE to the application (append-only); the hold's years bound it.
)

# -- zones ----------------------------------------------------------------------------------

SERVICEMAN_ZONE = Table(
    "serviceman_zone", "zones", "user_id",
    (Column("zone_id", Category.LOCATION, Erasure.DELETE, doc="an area the serviceman works in"),),
    basis=Basis.CONTRACT, purpose="matching: where a serviceman works",
)

# -- catalog --------------------------------------------------------------------------------

SERVICE = Table(
    "service", "catalog", "owner_user_id",
    (Column("title", Category.CONTENT, Erasure.REDACT),
     Column("description", Category.CONTENT, Erasure.REDACT),
     Column("media", Category.CONTENT, Erasure.REDACT, doc="photos of their work")),
    basis=Basis.CONTRACT, purpose="an independent serviceman's listings (organisations' listings are theirs)",
)

STOREFRONT = Table(
    "storefront", "catalog", "user_id",
    (Column("headline", Category.CONTENT, Erasure.REDACT),
     Column("bio", Category.CONTENT, Erasure.REDACT),
     Column("banner", Category.CONTENT, Erasure.NULLIFY),
     Column("galleries", Category.CONTENT, Erasure.REDACT),
     Column("social_links", Category.CONTACT, Erasure.REDACT)),
    basis=Basis.CONTRACT, purpose="an independent serviceman's public page",
)

# -- profiles -------------------------------------------------------------------------------

SERVICEMAN_PROFILE = Table(
    "serviceman_profile", "profiles", "user_id",
    (Column("bio", Category.CONTENT, Erasure.REDACT),
     Column("home_sealed", Category.LOCATION, Erasure.NULLIFY, export=False,
            doc="the exact home, sealed at rest (domain/privacy/at_rest.py); never leaves the server"),
     Column("area_lat", Category.LOCATION, Erasure.NULLIFY, doc="the rounded public area matching uses"),
     Column("area_lng", Category.LOCATION, Erasure.NULLIFY),
     Column("verified_documents", Category.SPECIAL, Erasure.REDACT, doc="which credentials were verified")),
    basis=Basis.CONTRACT, purpose="matching a serviceman to work near them",
)

# -- scheduling -----------------------------------------------------------------------------

SCHEDULE = Table(
    "schedule", "scheduling", "user_id",
    (Column("timezone", Category.LOCATION, Erasure.DELETE),
     Column("weekly", Category.BEHAVIOUR, Erasure.DELETE, doc="working hours")),
    basis=Basis.CONTRACT, purpose="availability for bookings",
)

SLOT_CLAIM = Table(
    "slot_claim", "scheduling", "user_id",
    (Column("slot_start", Category.BEHAVIOUR, Erasure.DELETE, export=False, doc="a booked slot (no double booking)"),),
    basis=Basis.CONTRACT, purpose="keeping a serviceman from being booked twice",
)

# -- bookings -------------------------------------------------------------------------------

BOOKING = Table(
    "booking", "bookings", "customer_id",
    (Column("lat", Category.LOCATION, Erasure.NULLIFY, doc="where the work is done"),
     Column("lng", Category.LOCATION, Erasure.NULLIFY),
     Column("address", Category.CONTACT, Erasure.REDACT),
     Column("notes", Category.CONTENT, Erasure.REDACT, doc="the customer's instructions"),
     Column("total_amount", Category.FINANCIAL, Erasure.HOLD, doc="what they paid (the invoice's basis)")),
    basis=Basis.CONTRACT, purpose="the booked service: where, when, for how much", hold=TAX_RECORDS,
)

BOOKING_TRANSITION = Table(
    "booking_transition", "bookings", "actor_id",
    (Column("reason", Category.CONTENT, Erasure.REDACT, doc="a cancellation or decline reason they typed"),),
    basis=Basis.CONTRACT, purpose="a booking's history of states",
)

# -- jobs -----------------------------------------------------------------------------------

JOB = Table(
    "job", "jobs", "customer_id",
    (Column("title", Category.CONTENT, Erasure.REDACT),
     Column("description", Category.CONTENT, Erasure.REDACT),
     Column("lat", Category.LOCATION, Erasure.PSEUDONYMISE, doc="not nullable: moved to 0,0"),
     Column("lng", Category.LOCATION, Erasure.PSEUDONYMISE),
     Column("address", Category.CONTACT, Erasure.REDACT)),
    basis=Basis.CONTRACT, purpose="a custom job servicemen bid on",
)

BID = Table(
    "bid", "jobs", "serviceman_id",
    (Column("message", Category.CONTENT, Erasure.REDACT),
     # Kept at erasure (an accepted bid priced a booking); the bidder is the pseudonymised account.
     Column("amount", Category.FINANCIAL, Erasure.PSEUDONYMISE)),
    basis=Basis.CONTRACT, purpose="a serviceman's offer on a job",
)

JOB_COMMENT = Table(
    "job_comment", "jobs", "author_id",
    (Column("body", Category.CONTENT, Erasure.REDACT),),
    basis=Basis.CONTRACT, purpose="questions and answers on a job",
)

# -- reviews --------------------------------------------------------------------------------

REVIEW = Table(
    "review", "reviews", "author_id",
    (Column("text", Category.CONTENT, Erasure.REDACT),
     Column("rating", Category.BEHAVIOUR, Erasure.PSEUDONYMISE, doc="kept in the subject's average, author removed"),
     Column("report_reason", Category.CONTENT, Erasure.REDACT, export=False)),
    basis=Basis.LEGITIMATE_INTEREST, purpose="ratings other customers rely on", also_subjects=("subject_id",),
)

# -- messaging ------------------------------------------------------------------------------

CONVERSATION_PARTICIPANT = Table(
    "conversation_participant", "messaging", "user_id",
    # Kept at erasure: the conversation stays coherent for the others (who see "Deleted user").
    (Column("last_read_seq", Category.BEHAVIOUR, Erasure.PSEUDONYMISE, doc="read receipts"),),
    basis=Basis.CONTRACT, purpose="who takes part in a conversation",
)

MESSAGE = Table(
    "message", "messaging", "sender_id",
    (Column("body", Category.CONTENT, Erasure.REDACT, doc="the counterparty keeps the conversation, not the text"),
     Column("attachments", Category.CONTENT, Erasure.REDACT)),
    basis=Basis.CONTRACT, purpose="messages between customers, crews and providers",
    also_subjects=("reviewed_by_id",),
)

# -- feed -----------------------------------------------------------------------------------

FEED_ITEM = Table(
    "feed_item", "feed", "user_id",
    (Column("summary", Category.COPY, Erasure.DELETE, export=False, doc="names, titles and amounts to render"),),
    basis=Basis.LEGITIMATE_INTEREST, purpose="the activity feed (derived from events)",
    retention=Retention(60, "created_at"),
)
FEED_EVENT_PENDING = Table(  # an event's items until the sequencer numbers them (domain/feed/sequencer.py)
    "feed_event_pending", "feed", UNKEYED, (Column("summary", Category.COPY, Erasure.DELETE, export=False),),
    basis=Basis.LEGITIMATE_INTEREST, purpose="the activity feed: items written, not yet numbered (a second)",
    reach="recipients by id in `user_ids`; the sequencer gives an erased account no item",
)

# -- notifications --------------------------------------------------------------------------

DEVICE = Table(
    "device", "notifications", "user_id",
    (Column("token", Category.DEVICE, Erasure.DELETE, export=False, doc="the push token"),
     Column("platform", Category.DEVICE, Erasure.DELETE),
     Column("locale", Category.DEVICE, Erasure.DELETE)),
    basis=Basis.CONTRACT, purpose="push notifications to their phones",
    retention=Retention(60, "last_seen_at", by="device_sweep (DEVICE_TOKEN_TTL_DAYS)"),
)

NOTIFICATION = Table(
    "notification", "notifications", "user_id",
    (Column("title", Category.COPY, Erasure.DELETE),
     Column("body", Category.COPY, Erasure.DELETE, doc="may quote a message"),
     Column("data", Category.COPY, Erasure.DELETE, export=False)),
    basis=Basis.CONTRACT, purpose="the in-app notification centre",
    retention=Retention(90, "updated_at"),
)

NOTIFICATION_PREFERENCE = Table(
    "notification_preference", "notifications", "user_id",
    (Column("channels", Category.BEHAVIOUR, Erasure.DELETE),
     Column("timezone", Category.LOCATION, Erasure.DELETE),
     Column("locale", Category.BEHAVIOUR, Erasure.DELETE, doc="the language of their email")),
    basis=Basis.CONTRACT, purpose="which notifications they want, and when",
)

# -- media ----------------------------------------------------------------------------------

UPLOAD = Table(
    "upload", "media", "owner_id",
    (Column("filename", Category.CONTENT, Erasure.DELETE, doc="the row and the stored bytes go"),
     Column("attached_to", Category.CONTENT, Erasure.DELETE)),
    basis=Basis.CONTRACT, purpose="photos and documents they uploaded",
    retention=Retention(1, "created_at", by="media_sweep (MEDIA_ORPHAN_HOURS and each kind's retention)"),
)

# -- disputes -------------------------------------------------------------------------------

DISPUTE = Table(
    "dispute", "disputes", "customer_id",
    (Column("description", Category.CONTENT, Erasure.HOLD, doc="the opener's statement"),
     Column("decision_reason", Category.CONTENT, Erasure.HOLD),
     Column("claimed_amount", Category.FINANCIAL, Erasure.HOLD)),
    basis=Basis.LEGAL_OBLIGATION, purpose="resolving disagreements about a booking's money",
    hold=DISPUTE_EVIDENCE, also_subjects=("opened_by_id", "assignee_id", "decided_by_id"),
)

DISPUTE_ENTRY = Table(
    "dispute_entry", "disputes", "author_id",
    (Column("body", Category.CONTENT, Erasure.HOLD, doc="statements, offers and evidence notes"),
     Column("data", Category.CONTENT, Erasure.HOLD, export=False)),
    basis=Basis.LEGAL_OBLIGATION, purpose="a dispute's timeline", hold=DISPUTE_EVIDENCE,
)

# -- verification ---------------------------------------------------------------------------

VERIFICATION_DOCUMENT = Table(
    "verification_document", "verification", "owner_id",
    (Column("details", Category.GOVERNMENT_ID, Erasure.DELETE, doc="the document's fields (holder, issuer, dates)"),
     Column("number_sealed", Category.GOVERNMENT_ID, Erasure.DELETE, export=False, doc="encrypted"),
     Column("number_last4", Category.GOVERNMENT_ID, Erasure.DELETE),
     Column("upload_id", Category.SPECIAL, Erasure.DELETE, doc="the scan or photo"),
     Column("reject_reason", Category.CONTENT, Erasure.DELETE)),
    basis=Basis.LEGAL_OBLIGATION, purpose="checking servicemen's licences, insurance and identity",
    also_subjects=("submitted_by_id",),
)

# -- safety ---------------------------------------------------------------------------------

MODERATION_ITEM = Table(
    "moderation_item", "safety", "party_id",
    (Column("excerpt", Category.COPY, Erasure.REDACT, export=False, doc="a copy of the reported text"),),
    basis=Basis.LEGITIMATE_INTEREST, purpose="moderating reported content and people", also_subjects=("assignee_id",),
)

MODERATION_REPORT = Table(
    "moderation_report", "safety", "reporter_id",
    (Column("note", Category.CONTENT, Erasure.REDACT, doc="what the reporter wrote"),),
    basis=Basis.LEGITIMATE_INTEREST, purpose="reports users file about content and people",
)

PAYMENT_REVIEW_HOLD = Table(
    "payment_review_hold", "safety", "customer_id",
    (Column("rules", Category.FINANCIAL, Erasure.HOLD, export=False, doc="the fraud rules that hit and what they saw"),
     Column("note", Category.CONTENT, Erasure.HOLD, export=False, doc="the reviewer's note")),
    basis=Basis.LEGITIMATE_INTEREST, purpose="fraud prevention: payments held for review", hold=TAX_RECORDS,
)

# -- privacy --------------------------------------------------------------------------------

DATA_SUBJECT_REQUEST = Table(
    "data_subject_request", "privacy", "user_id",
    (Column("kind", Category.BEHAVIOUR, Erasure.HOLD, doc="what the person asked for (erasure, export, ...)"),
     Column("refusal_reason", Category.CONTENT, Erasure.HOLD, doc="an admin's reason for refusing (Art. 12(4))")),
    basis=Basis.LEGAL_OBLIGATION, purpose="answering data-subject requests within the legal deadlines",
    hold=ACCOUNTABILITY,
)

# -- shared infrastructure ------------------------------------------------------------------

OUTBOX = Table(
    "outbox", "shared", UNKEYED,
    (Column("body", Category.COPY, Erasure.DELETE, export=False, doc="the event's wire body"),),
    basis=Basis.CONTRACT, purpose="events on their way to Kafka and the reactions",
    reach="key is the event's subject id (a user's for account events); bodies name people by id",
    retention=Retention(7, "published_at", where="published_at IS NOT NULL"),
)

PROCESSED_EVENT = Table(
    "processed_event", "shared", UNKEYED, (),
    basis=Basis.CONTRACT, purpose="consumer dedupe: holds no personal data, listed for its retention",
    reach="holds no personal data (consumer name and event id only)",
    # Far beyond any redelivery (Kafka keeps a topic 7 days by default).
    retention=Retention(30, "processed_at"),
)

IDEMPOTENCY_KEY = Table(
    "idempotency_key", "shared", "scope",
    (Column("body", Category.COPY, Erasure.DELETE, export=False, doc="a stored response, replayed to retries"),
     Column("headers", Category.COPY, Erasure.DELETE, export=False)),
    basis=Basis.CONTRACT, purpose="replaying a retried request's response", subject_format="user:{id}",
    retention=Retention(1, "created_at", by="idempotency_sweep (24 h)"),
)

# -- sync -----------------------------------------------------------------------------------

SYNC_OP = Table(
    "sync_op", "sync", UNKEYED,
    (Column("data", Category.COPY, Erasure.DELETE, export=False, doc="row images served to offline clients"),),
    basis=Basis.CONTRACT, purpose="delta sync: the changes each phone pulls",
    reach="(collection, row_id) of the synced rows above; scope user:<id> for a person's own rows",
    retention=Retention(30, "tick", by="sync_compaction (SYNC_RETENTION_DAYS: superseded images below the floor)"),
)

SYNC_OP_PENDING = Table(
    "sync_op_pending", "sync", UNKEYED,
    (Column("data", Category.COPY, Erasure.DELETE, export=False, doc="row images until the ticker orders them"),),
    basis=Basis.CONTRACT, purpose="delta sync: changes captured, not yet ordered (seconds)",
    reach="(collection, row_id) of the synced rows above",
)

# -- push -----------------------------------------------------------------------------------

PUSH_JOBS = Table(
    "push_jobs", "push", "user_id",
    (Column("title", Category.COPY, Erasure.DELETE, export=False),
     Column("body", Category.COPY, Erasure.DELETE, export=False, doc="may quote a message"),
     Column("data", Category.COPY, Erasure.DELETE, export=False),
     Column("retry_tokens", Category.DEVICE, Erasure.DELETE, export=False)),
    basis=Basis.CONTRACT, purpose="push notifications on their way to FCM",
    retention=Retention(7, "created_at", by="push_retention_sweep (PUSH_RETENTION_DAYS)"),
)

# -- consent --------------------------------------------------------------------------------

CONSENT_RECORD = Table(
    "consent_record", "consent", "user_id",
    (Column("purpose", Category.BEHAVIOUR, Erasure.HOLD, doc="what was granted or withdrawn"),
     Column("granted", Category.BEHAVIOUR, Erasure.HOLD),
     Column("recorded_at", Category.BEHAVIOUR, Erasure.HOLD),
     Column("source_ip_hash", Category.NETWORK, Erasure.HOLD, export=False, doc="keyed hash, never the address")),
    basis=Basis.LEGAL_OBLIGATION, purpose="proof of consent (GDPR Art. 7(1)); append-only",
    hold=LegalHold("Art. 7(1) GDPR: the controller must be able to demonstrate consent", 3),
)

POLICY_ACCEPTANCE = Table(
    "policy_acceptance", "consent", "user_id",
    (Column("accepted_at", Category.BEHAVIOUR, Erasure.HOLD),
     Column("locale", Category.BEHAVIOUR, Erasure.HOLD),
     Column("source_ip_hash", Category.NETWORK, Erasure.HOLD, export=False)),
    basis=Basis.CONTRACT, purpose="which terms and privacy policy versions the user agreed to; append-only",
    hold=LegalHold("proof of the contract terms agreed (limitation period)", 3),
)


REGISTRY = Registry((
    USER_ACCOUNT, ORGANISATION, MEMBERSHIP, REFRESH_TOKEN, MFA_TOTP, MFA_RECOVERY_CODE,
    AUDIT_RECORD,
    SERVICEMAN_ZONE,
    SERVICE, STOREFRONT,
    SERVICEMAN_PROFILE,
    SCHEDULE, SLOT_CLAIM,
    BOOKING, BOOKING_TRANSITION,
    JOB, BID, JOB_COMMENT,
    REVIEW,
    CONVERSATION_PARTICIPANT, MESSAGE,
    FEED_ITEM, FEED_EVENT_PENDING,
    DEVICE, NOTIFICATION, NOTIFICATION_PREFERENCE,
    UPLOAD,
    PAYMENT_CASE, GATEWAY_EVENT, PAYEE_ACCOUNT, PAYOUT, PAYEE_BALANCE, SELLER_PROFILE, FINANCE_DOCUMENT,
    SELLER_TAX_PROFILE,
    DISPUTE, DISPUTE_ENTRY,
    VERIFICATION_DOCUMENT,
    MODERATION_ITEM, MODERATION_REPORT, PAYMENT_REVIEW_HOLD,
    DATA_SUBJECT_REQUEST,
    *DERIVED,
    OUTBOX, PROCESSED_EVENT, IDEMPOTENCY_KEY,
    SYNC_OP, SYNC_OP_PENDING,
    PUSH_JOBS, EMAIL_JOBS, EMAIL_SUPPRESSION, EMAIL_FEEDBACK,
    CONSENT_RECORD, POLICY_ACCEPTANCE,
))
