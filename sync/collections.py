"""THE registry of synced collections: the one place that says which tables sync, which scopes
each row belongs to (computed from the row's own columns) and which fields clients receive.

Scopes: `public` (everyone), `user:<id>` (that user), and scopes users hold through grants
(sync/grants.py): `org:<id>`, `booking:<id>`, `job:<id>`, `bid:<id>`, `conversation:<id>`. Adding a collection:
append it here (and any grant rules), then generate a migration (docs/sync.md says how).
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from domain.accounts.models import Role
from domain.bookings.models import BookingState
from domain.catalog.requirements import Credential
from domain.consent.models import ConsentChannel, PolicyKind, Purpose
from domain.feed.kinds import FeedItemKind
from domain.messaging.payloads import AttachmentRef
from domain.notifications.kinds import NotificationKind
from sync.payloads import DisputeEntryData, FeedSummary, NotificationData
from sync.shapes import SyncGallery, SyncGeometry, SyncMedia, SyncMoney, SyncPackageItem
from sync.spec import (
    PUBLIC,
    ROW,
    Collection,
    Scope,
    col,
    expr,
    money,
    rating,
    scope,
    scope_if,
    scope_of_parent,
    ts,
    typed,
)

USERS = Collection(
    "users", "user_account", (scope("user", "id", "the user themself"),),
    (*col("id", "email", "name"), typed("roles", list[Role]), *col("region", "photo_upload_id", "status", "version"),
     *ts("created_at", "updated_at")),
    doc="Your own account (PROTOCOL section 2).",
    conflict="field-merge: push `update` of `name`, `region` (no base_version)", writable=("name", "region"),
)

ORGANISATIONS = Collection(
    "organisations", "organisation", (scope("org", "id", "its members"),),
    (*col("id", "name", "owner_id", "region", "rating_count", "version"), rating(), *ts("created_at", "updated_at")),
    doc="Provider businesses you belong to.",
)

MEMBERSHIPS = Collection(
    "memberships", "membership",
    (scope("org", "organisation_id", "the organisation's members"),
     scope("user", "user_id", "the member, or the invited user")),
    (*col("id", "organisation_id", "user_id", "role", "status", "invited_by_id"), *ts("expires_at"), *col("version"),
     *ts("created_at")),
    doc="The crew of the businesses you belong to (owner, manager, serviceman) with their open invitations "
        "(`status` invited), and your own memberships and invitations; a declined, expired, left or removed "
        "one is deleted.",
)

ZONES = Collection(
    "zones", "zone", (PUBLIC,),
    (*col("id", "name", "city"), typed("geometry", SyncGeometry, "GeoJSON Polygon or MultiPolygon (WGS84)"),
     *col("active", "version"),
     expr("bbox", "json_build_array($.min_lng, $.min_lat, $.max_lng, $.max_lat)",
          "min_lng", "min_lat", "max_lng", "max_lat", kind=list[float], doc="[min_lng, min_lat, max_lng, max_lat]"),
     *ts("created_at", "updated_at")),
    doc="Service areas (GeoJSON, WGS84); retired ones stay with active=false.",
)

CATEGORIES = Collection(
    "categories", "category", (PUBLIC,), col("id", "name", "parent_id", "position"), versioned=False,
    doc="The service taxonomy; ids are stable slugs.",
)

SERVICES = Collection(
    "services", "service",
    (scope_if("$.state = 'published'", "'public'", "state", doc="everyone, once published"),
     scope("org", "owner_org_id", "the owning organisation's members (drafts too)"),
     scope("user", "owner_user_id", "the independent serviceman who owns it (drafts too)")),
    (*col("id", "kind", "owner_org_id", "owner_user_id", "title", "description", "category_id"),
     money("price", "price_amount"),
     *col("duration_minutes"), typed("zone_ids", list[UUID]), typed("media", list[SyncMedia]),
     typed("items", list[SyncPackageItem], "a package's bundled services"), *col("state", "version", "rating_count"),
     rating(),
     *ts("published_at", "created_at", "updated_at")),
    doc="Services and packages: published ones for everyone, drafts for their owners.",
)

STOREFRONTS = Collection(
    "storefronts", "storefront", (PUBLIC,),
    (*col("id", "organisation_id", "user_id", "headline", "bio"), typed("banner", SyncMedia | None),
     typed("galleries", list[SyncGallery]), typed("social_links", dict[str, str], "network name -> https URL"),
     *col("version"),
     *ts("created_at", "updated_at")),
    doc="Business fronts of providers and independent servicemen.",
)

SERVICEMAN_PROFILES = Collection(
    "serviceman_profiles", "serviceman_profile", (PUBLIC,),
    (*col("id", "user_id", "bio"), typed("category_ids", list[str]),
     # The home base is private (sealed at rest; the REST profile shows it to the serviceman and
     # their managers only); everyone gets the area, stored rounded by domain/profiles/models.py `area`.
     expr("area_lat", "round($.\"area_lat\"::numeric, 2)", "area_lat", kind=float | None,
          doc="the home base rounded to 0.01 degrees (about 1 km)"),
     expr("area_lng", "round($.\"area_lng\"::numeric, 2)", "area_lng", kind=float | None,
          doc="likewise"),
     *col("rating_count", "completed_jobs"), typed("verified_documents", list[Credential]), *col("version"), rating(),
     *ts("updated_at")),
    doc="What servicemen publish about themselves (the REST profile, minus zone_ids and the exact home base); "
        "`verified_documents` names the credentials their approved, unexpired documents prove (issue 15).",
)

# A booking's provider never changes: its children find the provider's scope through it.
PROVIDER = scope_of_parent("org-bookings", "booking", "booking_id", "organisation_id", "the provider's managers")

BOOKINGS = Collection(
    "bookings", "booking",
    (scope("booking", "id", "its customer and crew"),
     scope("org-bookings", "organisation_id", "the provider's owner and managers")),
    (*col("id", "kind", "state", "customer_id", "service_id", "organisation_id", "job_id", "zone_id", "region", "lat",
          "lng", "address", "notes"),
     *ts("scheduled_start", "scheduled_end"),
     money("price", "price_amount"), money("commission", "commission_amount"), money("tax", "tax_amount"),
     money("total", "total_amount"), *ts("expires_at"), *col("version"), *ts("created_at", "updated_at")),
    doc="Bookings you are a party to.",
    conflict="versioned: push `action` accept, start, complete, cancel, decline with base_version",
)

BOOKING_ASSIGNMENTS = Collection(
    "booking_assignments", "booking_assignment", (scope("booking", "booking_id"), PROVIDER),
    (*col("id", "booking_id", "serviceman_id", "lead", "version"), *ts("created_at")),
    doc="The crew of your bookings.",
)

BOOKING_TRANSITIONS = Collection(
    "booking_transitions", "booking_transition", (scope("booking", "booking_id"), PROVIDER),
    (expr("id", "$.id::text", "id", kind=str, doc="the transition's number as text"),
     *col("booking_id"), typed("from_state", BookingState | None), typed("to_state", BookingState),
     *col("actor_id", "actor_role", "reason"), *ts("created_at")),
    versioned=False, doc="The history of your bookings (append-only).",
)

JOBS = Collection(
    "jobs", "job", (scope("job", "id", "its customer, its bidders, and servicemen of its zone while open"),),
    (*col("id", "customer_id", "title", "description", "category_id", "zone_id", "lat", "lng", "address"),
     money("budget_min", "budget_min"), money("budget_max", "budget_max"), *ts("desired_start", "desired_end"),
     *col("state", "accepted_bid_id"), typed("required_documents", list[Credential]), *ts("expires_at"),
     *col("version"), *ts("created_at", "updated_at")),
    doc="Your custom jobs; for servicemen, open jobs of their zones and trades whose `required_documents` they "
        "hold, and jobs they bid on.",
)

BIDS = Collection(
    "bids", "bid", (scope("bid", "id", "its bidder and the job's customer"),),
    (*col("id", "job_id", "serviceman_id"), money("amount", "amount"),
     *col("message"), *ts("proposed_start"), *col("state", "version"), *ts("created_at", "updated_at")),
    doc="Bids on your jobs, and your own bids.",
)

JOB_COMMENTS = Collection(
    "job_comments", "job_comment",
    (scope_if("$.bid_id IS NULL", "'job:' || $.job_id", "bid_id", "job_id", doc="a job's public thread"),
     scope_if("$.bid_id IS NOT NULL", "'bid:' || $.bid_id", "bid_id", doc="a bid's private thread")),
    (*col("id", "job_id", "bid_id", "author_id", "body", "version"), *ts("created_at")),
    doc="Questions and answers on jobs you see, and the private threads of your bids.",
)

REVIEWS = Collection(
    "reviews", "review",
    (scope("booking", "booking_id"), PROVIDER, scope("user", "subject_id", "the reviewed person")),
    # A hidden review's text is for admins only (REST shows it to nobody else); its row stays.
    (*col("id", "booking_id", "author_id", "subject_id", "rating"),
     expr("text", "CASE WHEN $.\"hidden\" THEN NULL ELSE $.\"text\" END", "text", "hidden",
          kind=str | None, doc="null once an admin hid the review"),
     *col("hidden"),
     expr("reported", "$.reported_at IS NOT NULL", "reported_at", kind=bool, doc="someone reported it"),
     *col("version"), *ts("created_at")),
    doc="Reviews of your bookings and about you.",
)

NOTIFICATIONS = Collection(
    "notifications", "notification", (scope("user", "user_id", "its recipient"),),
    (*col("id"), typed("kind", NotificationKind),
     *col("category", "title", "body", "entity_type", "entity_id", "collapse_key", "count"),
     typed("data", NotificationData, "what the app needs to open the entity (per kind)"), *col("version"),
     *ts("read_at", "dismissed_at", "created_at", "updated_at")),
    doc="Your notification centre (docs/events.md, Notifications); `count`: unread messages a conversation's row "
        "stands for.",
)

DEVICES = Collection(
    "devices", "device", (scope("user", "user_id", "its owner"),),
    (*col("id", "token", "platform", "app", "locale", "version"), *ts("last_seen_at", "created_at")),
    doc="Your registered push devices; a token moved to another account is deleted from yours.",
)

# Messaging: a conversation's rows belong to `conversation:<id>`, held by its active
# participants (sync/grants.py): one added later receives the whole history, one removed
# gets `revoked` tombstones for all of it.
CONVERSATIONS = Collection(
    "conversations", "conversation", (scope("conversation", "id", "its active participants"),),
    (*col("id", "kind", "booking_id", "job_id", "subject_user_id", "region", "last_seq"), *ts("last_message_at"),
     *col("version"), *ts("created_at", "updated_at")),
    doc="Conversations you take part in; `last_seq` is the seq of the newest message.",
)

MESSAGES = Collection(
    "messages", "message", (scope("conversation", "conversation_id", "the conversation's active participants"),),
    (*col("id", "conversation_id", "seq", "sender_id", "body", "client_msg_id"),
     typed("attachments", list[AttachmentRef]), *col("flagged"), typed("flag_reasons", list[str]), *ts("created_at")),
    versioned=False, doc="The messages of your conversations, whole history (the REST message shape).",
    conflict="append-only: push `action` send (id: the conversation, data: client_msg_id, body, attachments); "
             "idempotent by client_msg_id",
)

READ_STATES = Collection(
    "read_states", "conversation_participant",
    (scope("conversation", "conversation_id", "the conversation's active participants"),),
    (*col("id", "conversation_id", "user_id", "role", "last_read_seq"), *ts("joined_at", "left_at"),
     *col("version")),
    doc="Who takes part in your conversations and how far each has read (`last_read_seq` only grows); "
        "`left_at` is set for removed participants.",
)

# The live feed (domain/feed): each recipient's own items, so a client that missed `feed:item`
# events (offline, Redis down) finds them in delta sync and dedupes by id.
FEED_ITEMS = Collection(
    "feed_items", "feed_item", (scope("user", "user_id", "the recipient"),),
    (expr("id", "$.id::text", "id", kind=str, doc="the item id (its seq as text)"),
     expr("seq", "$.id", "id", kind=int, doc="grows in commit order across your items"),
     typed("kind", FeedItemKind), *col("entity_type", "entity_id", "zone_id", "category_id"),
     money("amount", "amount"),
     typed("summary", FeedSummary, "what to render: titles, names, amounts (per entity type)"), *col("rank"),
     typed("factors", dict[str, float], "the points behind rank"), *col("version"), *ts("created_at")),
    doc="Your live feed items (docs/events.md): jobs to bid on, bids, bookings, your crew's activity.",
)

# Money (issue 13, docs/finance.md): the booking's parties see its payment; payees see their
# balances. Nothing here is writable offline: money moves only through named mutations whose
# server-side effect runs once (sync/mutations.py: `booking.accept` captures by reaction).
PAYMENT_CASES = Collection(
    "payment_cases", "payment_case",
    (scope("booking", "booking_id", "the booking's customer and crew"),
     scope("org-bookings", "organisation_id", "the provider's owner and managers")),
    (*col("id", "booking_id", "job_id", "customer_id", "organisation_id", "region", "state"),
     money("amount", "amount"), money("promo_credit", "promo_amount"), money("captured", "captured_amount"),
     money("refunded", "refunded_amount"), money("released", "released_amount"), *ts("capture_before", "release_after"),
     *col("dispute_open", "failure", "seq", "version"), *ts("created_at", "updated_at")),
    doc="The payments of your bookings (the REST payment without `held`, `charged` and `actions`: `held` is the "
        "sum of the pending `payment_milestones`, `charged` is `amount - promo_credit`); `seq` is the number of "
        "the payment's last `finance.events` message.",
    conflict="one per booking: push `action` checkout (`payment.checkout`; id: the booking, data: payment_method, "
             "use_promo_credit), the REST checkout run when the push arrives; a paid booking is a conflict "
             "(`duplicate`). No amount is ever sent: the server prices and charges",
)

PAYMENT_MILESTONES = Collection(
    "payment_milestones", "payment_milestone",
    (scope_of_parent("booking", "payment_case", "case_id", "booking_id", "the booking's customer and crew"),
     scope_of_parent("org-bookings", "payment_case", "case_id", "organisation_id",
                     "the provider's owner and managers")),
    (*col("id", "case_id", "position", "title"),
     expr("amount", "(SELECT json_build_object('amount', $.\"amount\", 'currency', p.currency) "
          "FROM payment_case AS p WHERE p.id = $.\"case_id\")", "amount", "case_id", kind=SyncMoney,
          doc="what remains of this part (after refunds)"),
     *col("state"), *ts("released_at")),
    versioned=False,
    doc="The parts of your bookings' payments (one for a plain booking), each released on its own.",
)

BALANCES = Collection(
    "balances", "payee_balance",
    (scope_if("$.owner LIKE 'org:%'", "'org-bookings:' || substr($.owner, 5)", "owner",
              doc="a business's balance: its owner and managers"),
     scope_if("$.owner LIKE 'user:%'", "$.owner", "owner", doc="an independent serviceman's own balance")),
    (*col("id", "owner", "currency"), money("available", "available"), money("earned", "earned"),
     money("paid_out", "paid_out"), money("receivable", "receivable"), money("promo_credit", "promo_credit"),
     *col("version"), *ts("updated_at")),
    doc="What you are owed, per currency (a summary of your ledger accounts, updated in the transaction that "
        "posts): `available` owed and not paid out yet, `earned` everything ever owed, `paid_out` transferred, "
        "`receivable` what you owe back (a refund after a payout; netted against later releases), "
        "`promo_credit` (not withdrawable). `id` is `<owner>:<currency>`.",
)


PAYOUTS = Collection(
    "payouts", "payout", BALANCES.scopes,
    (*col("id", "owner", "region", "currency"), money("amount", "amount"), money("netted", "netted"),
     *col("state", "trigger", "failure"), *ts("created_at", "updated_at")),
    versioned=False, doc="Payouts to you (or your business): amount, state, what netted a receivable.")


UPLOADS = Collection(
    "uploads", "upload", (scope("user", "owner_id", "its owner"),),
    (*col("id", "kind", "state", "filename", "content_type", "size", "sha256", "width", "height", "reject_reason",
          "version"), *ts("attached_at", "confirmed_at", "created_at", "updated_at")),
    doc="Your uploads' metadata (docs/uploads.md): state, the type read from the bytes, the stored size; "
        "`attached_at` null while nothing holds it. Never the bytes: GET /v1/uploads/{id}/download.",
)


# Disputes (issue 14, domain/disputes): the booking's parties and every admin (`disputes-admin`,
# held by the admin role: sync/grants.py). A private evidence entry syncs to its author (and
# admins) only. Nothing is writable offline: entries are added through REST (their `client_key`
# makes a retry after a lost answer safe).
DISPUTES_ADMIN = Scope("'disputes-admin'", (), "every admin")

DISPUTES = Collection(
    "disputes", "dispute",
    (scope("booking", "booking_id", "the booking's customer and crew"),
     scope("org-bookings", "organisation_id", "the provider's owner and managers"), DISPUTES_ADMIN),
    (*col("id", "booking_id", "case_id", "milestone", "state", "reason", "category", "description"),
     money("claimed", "claimed_amount"), *col("opener_side", "opened_by_id", "assignee_id"),
     *ts("due_at", "decide_by"), *col("open_offer_seq", "outcome"), money("refunded", "refund_amount"),
     money("released", "release_amount"), *col("decision_reason", "last_seq", "version"),
     *ts("created_at", "updated_at", "closed_at")),
    doc="Disputes of your bookings (the REST dispute without `timeline`, `actions`, `your_side`, `priority`); "
        "`last_seq` is the number of its newest timeline entry.",
)


def _shared_parent_scope(prefix: str, column: str, doc: str) -> Scope:
    sql = (f"CASE WHEN {ROW}.\"shared\" THEN (SELECT '{prefix}:' || p.\"{column}\" "  # noqa: S608 - static
           f"FROM \"dispute\" AS p WHERE p.id = {ROW}.\"dispute_id\") END")
    return Scope(sql, ("shared", "dispute_id"), doc)


DISPUTE_ENTRIES = Collection(
    "dispute_entries", "dispute_entry",
    (_shared_parent_scope("booking", "booking_id", "shared entries: the booking's customer and crew"),
     _shared_parent_scope("org-bookings", "organisation_id", "shared entries: the provider's owner and managers"),
     scope_if("NOT $.\"shared\"", "'user:' || $.\"author_id\"", "shared", "author_id",
              doc="a private entry: its author"),
     DISPUTES_ADMIN),
    (*col("id", "dispute_id", "seq", "kind", "author_id", "author_side", "shared", "body"),
     typed("message_ids", list[UUID]), typed("upload_ids", list[UUID]), *col("amount"),
     typed("data", DisputeEntryData, "the entry's details (per kind)"), *ts("created_at")),
    versioned=False,
    doc="Dispute timelines (append-only): your own entries and the shared ones; `amount` is in the dispute's "
        "currency (minor units).",
)


PAYOUT_ACCOUNTS = Collection(
    "payout_accounts", "payee_account",
    (scope_if("$.owner LIKE 'org:%'", "'org-bookings:' || substr($.owner, 5)", "owner",
              doc="a business's payout account: its owner and managers"),
     scope_if("$.owner LIKE 'user:%'", "$.owner", "owner", doc="a serviceman's own payout account")),
    (*col("id", "owner", "payouts_enabled", "details_submitted"), typed("requirements_due", list[str]),
     *col("schedule", "weekly_day"),
     *ts("synced_at", "updated_at")),
    versioned=False,
    doc="Your payout eligibility (or your business's, for its owner and managers): `payouts_enabled`, whether the "
        "gateway has your details (`details_submitted`) and what it still asks for (`requirements_due`), and your "
        "payout schedule. The KYC status the profiles show (docs/money-api.md) derives from these: verified when "
        "payouts are enabled, else action_required while something is due or details are missing, else "
        "in_progress; no row: not_started.",
)


# Provider verification (issue 15): the owner's own documents, never a number (not even sealed)
# nor the fields; a lapse or a decision reaches the phone as a change of `state`.
VERIFICATION_DOCUMENTS = Collection(
    "verification_documents", "verification_document", (scope("user", "owner_id", "its owner"),),
    (*col("id", "owner_id", "kind"), typed("credential", Credential), *col("state", "reject_reason", "upload_id"),
     *ts("expires_at"),
     *col("version"), *ts("created_at", "updated_at")),
    doc="Your verification documents: what each proves (`credential`), its review `state` (pending, approved, "
        "rejected with `reject_reason`, lapsed, superseded) and expiry. The fields and number: REST only.",
)


# Consent (issue 18, domain/consent): the user's own ledger of choices and acceptances, append-only
# (the database refuses UPDATE and DELETE); REST writes them (PUT /v1/me/consents, POST
# /v1/me/policy-acceptances), nothing is writable offline.
CONSENTS = Collection(
    "consents", "consent_record", (scope("user", "user_id", "the user themself"),),
    (expr("id", "$.id::text", "id", kind=str, doc="the record's number as text (grows with every record)"),
     *col("user_id"), typed("purpose", Purpose), *col("granted", "policy_version"), typed("channel", ConsentChannel),
     *ts("recorded_at")),
    versioned=False,
    doc="Your consent records (append-only, GET /v1/me/consents): a purpose's current state is its latest record "
        "(highest id); a purpose without one is not granted. `policy_version`: the privacy policy version in force.",
)

POLICY_ACCEPTANCES = Collection(
    "policy_acceptances", "policy_acceptance", (scope("user", "user_id", "the user themself"),),
    (expr("id", "$.id::text", "id", kind=str, doc="the acceptance's number as text"),
     *col("user_id"), typed("kind", PolicyKind), *col("version", "locale"), typed("channel", ConsentChannel),
     *ts("accepted_at")),
    versioned=False,
    doc="The policy versions you accepted (append-only). Compare with GET /v1/policies (or GET "
        "/v1/me/policy-acceptances): a newer version of terms or privacy waits for your acceptance.",
)


# Flags and remote config (issue 20, docs/flags.md): the client-visible definitions, for everyone.
# An offline app evaluates them itself with the same rules (first matching rule, sticky
# percentage buckets: sha256("<key>:<user id>")); online it asks OFREP or /v1/capabilities.
CONFIG = Collection(
    "config", "flag",
    (scope_if("$.client_visible", "'public'", "client_visible", doc="client-visible flags: everyone"),),
    (*col("key", "kind"), typed("value", Any, "the default value, of its kind (bool, int, string, json)"),
     typed("rules", list[dict[str, Any]], "targeting rules, first match wins (docs/flags.md)"),
     *col("version"), *ts("updated_at")),
    id_column="key",
    doc="Feature flags and remote config values apps may see (kill switches, maintenance mode, minimum app "
        "versions and store links included); every built-in key is there from the first pull, at its default "
        "until an admin changes it (the server stores the defaults at start-up); a flag made server-only leaves "
        "(`revoked`).",
)


# Order is documentation order; names are unique (checked by tests).
COLLECTIONS: tuple[Collection, ...] = (
    USERS, ORGANISATIONS, MEMBERSHIPS, ZONES, CATEGORIES, SERVICES, STOREFRONTS, SERVICEMAN_PROFILES,
    BOOKINGS, BOOKING_ASSIGNMENTS, BOOKING_TRANSITIONS, JOBS, BIDS, JOB_COMMENTS, REVIEWS,
    CONVERSATIONS, MESSAGES, READ_STATES, NOTIFICATIONS, DEVICES, FEED_ITEMS,
    PAYMENT_CASES, PAYMENT_MILESTONES, BALANCES, PAYOUTS, PAYOUT_ACCOUNTS, UPLOADS, DISPUTES, DISPUTE_ENTRIES,
    VERIFICATION_DOCUMENTS, CONSENTS, POLICY_ACCEPTANCES, CONFIG,
)
BY_NAME = {c.name: c for c in COLLECTIONS}

