"""The one place that says who may do what.

Each permission is held by roles outright, or by a relationship between the actor and the
resource (the owner of a booking, a member of a provider organisation, a participant of a
conversation). Services call `authorize` before acting; adapters never check roles.
Contexts register the relationship checks they own (`register_relation`).

A second factor guards the privileged roles (admin): a person whose login has not proven one
(`Actor.factor_missing`) holds every grant of every role except the powers only an admin has;
`authorize` refuses those with 403 `mfa_enrolment_required` (the account has no second factor)
or `mfa_required` (it has one, this login did not use it). Permissions every role holds (your
profile, your sessions) stay open, so such an admin can still enrol. Sensitive changes (payout
destinations) also ask for a *recent* factor: `require_step_up`.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import timedelta
from enum import StrEnum
from typing import Any

from domain.shared.clock import utcnow
from domain.shared.context import PRIVILEGED_ROLES, Actor
from domain.shared.errors import Forbidden, MfaEnrolmentRequired, MfaRequired, MfaStepUpRequired, NotFound

ALL_ROLES = frozenset({"customer", "serviceman", "provider", "enterprise", "admin"})
ADMIN = frozenset({"admin"})


class Permission(StrEnum):
    FLAG_MANAGE = "flag.manage"  # feature flags, remote config, maintenance mode (issue 20)
    OPERATIONS_STATUS_READ = "operations.status_read"  # the operator status summary (issue 20)
    PROFILE_READ = "profile.read"
    PROFILE_UPDATE = "profile.update"
    SESSION_MANAGE = "session.manage"
    USER_READ = "user.read"
    ROLE_GRANT = "role.grant"
    ROLE_REVOKE = "role.revoke"
    USER_SUSPEND = "user.suspend"
    AUDIT_READ = "audit.read"
    ORG_CREATE = "org.create"
    ORG_READ = "org.read"
    ORG_MANAGE_MEMBERS = "org.manage_members"
    # Catalogue, storefronts and availability (issue 4).
    SERVICE_CREATE = "service.create"
    SERVICE_EDIT = "service.edit"
    SERVICE_VIEW_DRAFT = "service.view_draft"
    SERVICE_REVIEW = "service.review"
    SERVICE_ARCHIVE = "service.archive"
    STOREFRONT_UPDATE = "storefront.update"
    SCHEDULE_MANAGE = "schedule.manage"
    AVAILABILITY_READ = "availability.read"
    # Bookings, custom jobs and reviews (issue 4).
    BOOKING_CREATE = "booking.create"
    BOOKING_READ = "booking.read"
    BOOKING_TRANSITION = "booking.transition"
    BOOKING_ASSIGN = "booking.assign"
    JOB_CREATE = "job.create"
    JOB_LIST = "job.list"
    JOB_READ = "job.read"
    JOB_CANCEL = "job.cancel"
    JOB_COMMENT = "job.comment"
    BID_PLACE = "bid.place"
    BID_WITHDRAW = "bid.withdraw"
    BID_ACCEPT = "bid.accept"
    REVIEW_CREATE = "review.create"
    REVIEW_REPORT = "review.report"
    REVIEW_HIDE = "review.hide"
    # Zones, serviceman profiles and matching (issue 4).
    ZONE_MANAGE = "zone.manage"
    SERVICEMAN_ZONES_SET = "serviceman.zones_set"
    ORG_ZONES_SET = "org.zones_set"
    SERVICEMAN_PROFILE_READ = "serviceman_profile.read"
    SERVICEMAN_PROFILE_UPDATE = "serviceman_profile.update"
    SERVICEMAN_HOME_READ = "serviceman_home.read"
    MATCHING_QUERY = "matching.query"
    # Messaging (issue 5).
    CONVERSATION_OPEN = "conversation.open"
    CONVERSATION_READ = "conversation.read"
    CONVERSATION_SEND = "conversation.send"
    CONVERSATION_MANAGE = "conversation.manage"
    MESSAGE_REVIEW = "message.review"
    # Presence (issue 5).
    PRESENCE_VIEW = "presence.view"
    # Live feed (issue 5): every user reads their own feed; nobody reads another's.
    FEED_READ = "feed.read"
    # Notifications (issue 7).
    DEVICE_REGISTER = "device.register"
    DEVICE_REMOVE = "device.remove"
    NOTIFICATION_READ = "notification.read"
    NOTIFICATION_UPDATE = "notification.update"
    NOTIFICATION_PREFERENCES = "notification.preferences"
    # Payments (issue 13).
    PAYMENT_CHECKOUT = "payment.checkout"
    PAYMENT_REFUND = "payment.refund"
    PAYMENT_RELEASE = "payment.release"
    PAYMENT_RELEASE_MILESTONE = "payment.release_milestone"
    # Payouts (issue 13 item 7): a payee's account, preferences, payouts, crew split; promo credit.
    PAYOUT_READ = "payout.read"
    PAYOUT_REQUEST = "payout.request"
    PAYOUT_MANAGE = "payout.manage"
    PROMO_GRANT = "promo.grant"
    # Pricing (issue 13): quotes before checkout; rules and seller pricing profiles.
    PRICING_QUOTE = "pricing.quote"
    BID_QUOTE = "bid.quote"
    PRICING_READ = "pricing.read"
    PRICING_MANAGE = "pricing.manage"
    # What each party sees of the money (issue 13 item 10) and reconciliation (item 8).
    FINANCE_BALANCE_READ = "finance.balance_read"
    TAX_PROFILE_MANAGE = "tax_profile.manage"
    FINANCE_REPORT = "finance.report"
    FINANCE_ADMIN = "finance.admin"
    # Uploads (issue 14, domain/media).
    UPLOAD_CREATE = "upload.create"
    UPLOAD_CONFIRM = "upload.confirm"
    UPLOAD_READ = "upload.read"
    # Disputes (issue 14).
    DISPUTE_OPEN = "dispute.open"
    DISPUTE_READ = "dispute.read"
    DISPUTE_PARTICIPATE = "dispute.participate"
    DISPUTE_MANAGE = "dispute.manage"
    # Provider verification (issue 15, domain/verification).
    VERIFICATION_SUBMIT = "verification.submit"
    VERIFICATION_READ = "verification.read"
    VERIFICATION_LIST = "verification.list"
    VERIFICATION_CREW_READ = "verification.crew_read"
    VERIFICATION_REVIEW = "verification.review"
    VERIFICATION_REQUIREMENTS_MANAGE = "verification.requirements_manage"
    # Trust and safety (issue 15, domain/safety).
    MODERATION_REPORT = "moderation.report"
    MODERATION_MANAGE = "moderation.manage"
    # Data-subject export (issue 18, domain/privacy/export_service.py).
    PRIVACY_EXPORT_REQUEST = "privacy.export_request"
    PRIVACY_EXPORT_READ = "privacy.export_read"
    # Consent and policy documents (issue 18, domain/consent); marketing announcements.
    CONSENT_MANAGE = "consent.manage"
    POLICY_PUBLISH = "policy.publish"
    MARKETING_SEND = "marketing.send"
    # Data-subject rights (issue 18, domain/privacy): your own requests; the admin queue.
    PRIVACY_REQUEST = "privacy.request"
    PRIVACY_REQUESTS_MANAGE = "privacy.requests_manage"
    # Dashboards (issue 20, domain/dashboards).
    DASHBOARD_SERVICEMAN_READ = "dashboard.serviceman_read"
    DASHBOARD_PROVIDER_READ = "dashboard.provider_read"
    DASHBOARD_ADMIN_READ = "dashboard.admin_read"


@dataclass(frozen=True)
class Grant:
    roles: frozenset[str]
    relation: str | None = None
    # When set, an actor without this relation does not learn the resource exists (404);
    # one who can see it but lacks the permission gets 403.
    visible_via: str | None = None
    description: str = ""


POLICY: dict[Permission, Grant] = {
    Permission.PROFILE_READ: Grant(ALL_ROLES, description="read your own profile"),
    Permission.PROFILE_UPDATE: Grant(ALL_ROLES, description="change your own name and region"),
    Permission.SESSION_MANAGE: Grant(ALL_ROLES, description="log out, everywhere, change password"),
    Permission.USER_READ: Grant(ADMIN, relation="self", visible_via="self", description="read a user"),
    Permission.ROLE_GRANT: Grant(ADMIN, description="grant a role to a user"),
    Permission.ROLE_REVOKE: Grant(ADMIN, description="take a role from a user"),
    Permission.USER_SUSPEND: Grant(ADMIN, description="suspend or reinstate a user"),
    Permission.AUDIT_READ: Grant(ADMIN, description="read the audit trail"),
    Permission.ORG_CREATE: Grant(frozenset({"provider", "enterprise", "admin"}), description="found a business"),
    Permission.ORG_READ: Grant(
        ADMIN, relation="org_member", visible_via="org_member", description="see a business and its crew"
    ),
    Permission.ORG_MANAGE_MEMBERS: Grant(
        ADMIN, relation="org_manager", visible_via="org_member", description="add or remove crew"
    ),
    # Listings: owners (an independent serviceman, or an organisation's owner/managers) write
    # their drafts, the whole crew may see them, admins review. Who may take which step of the
    # listing's life is the state table's job (domain/catalog/states.py).
    Permission.SERVICE_CREATE: Grant(
        frozenset({"serviceman"}), description="list services as an independent (name your organisation instead)"
    ),
    Permission.SERVICE_EDIT: Grant(
        frozenset(), relation="service_owner", visible_via="service_member", description="edit this listing"
    ),
    Permission.SERVICE_VIEW_DRAFT: Grant(
        ADMIN, relation="service_member", visible_via="service_member", description="see an unpublished listing"
    ),
    Permission.SERVICE_REVIEW: Grant(ADMIN, visible_via="service_member", description="review listings"),
    Permission.SERVICE_ARCHIVE: Grant(
        ADMIN, relation="service_owner", visible_via="service_member", description="archive this listing"
    ),
    Permission.STOREFRONT_UPDATE: Grant(
        ADMIN, relation="org_manager", description="edit this business's storefront"
    ),
    Permission.SCHEDULE_MANAGE: Grant(
        ADMIN, relation="schedule_manager", description="manage this serviceman's working hours"
    ),
    Permission.AVAILABILITY_READ: Grant(ALL_ROLES, description="see free slots"),
    # Bookings: the parties are the customer, the assigned crew and the provider's managers;
    # which party may take which step is the state table's job (domain/bookings/states.py).
    Permission.BOOKING_CREATE: Grant(frozenset({"customer", "enterprise"}), description="book a service"),
    Permission.BOOKING_READ: Grant(
        ADMIN, relation="booking_party", visible_via="booking_party", description="see a booking"
    ),
    Permission.BOOKING_TRANSITION: Grant(
        ADMIN, relation="booking_party", visible_via="booking_party", description="change a booking's state"
    ),
    Permission.BOOKING_ASSIGN: Grant(
        ADMIN, relation="booking_manager", visible_via="booking_party", description="assign a booking's crew"
    ),
    Permission.JOB_CREATE: Grant(frozenset({"customer", "enterprise"}), description="post a custom job"),
    Permission.JOB_LIST: Grant(ALL_ROLES, description="list jobs (yours, or open ones you can bid on)"),
    Permission.JOB_READ: Grant(ADMIN, relation="job_viewer", visible_via="job_viewer", description="see a job"),
    Permission.JOB_CANCEL: Grant(ADMIN, relation="job_owner", visible_via="job_viewer", description="cancel a job"),
    Permission.JOB_COMMENT: Grant(
        frozenset(), relation="job_viewer", visible_via="job_viewer", description="comment on a job"
    ),
    # Deliberately no visible_via: a serviceman outside the job's zones or trades is told why (403).
    Permission.BID_PLACE: Grant(
        frozenset(), relation="job_bid_eligible",
        description="bid on a job outside your service zones or trades (or without the serviceman role)",
    ),
    Permission.BID_WITHDRAW: Grant(
        frozenset(), relation="bid_owner", visible_via="bid_viewer", description="withdraw another's bid"
    ),
    Permission.BID_ACCEPT: Grant(
        frozenset(), relation="job_owner", visible_via="job_viewer", description="accept a bid on this job"
    ),
    Permission.REVIEW_CREATE: Grant(
        frozenset(), relation="booking_reviewer", visible_via="booking_party",
        description="review this booking (its customer and lead serviceman review, once each)",
    ),
    Permission.REVIEW_REPORT: Grant(ADMIN, relation="review_subject", description="report a review not about you"),
    Permission.REVIEW_HIDE: Grant(ADMIN, description="hide a review"),
    # Zones are public to read; only admins draw them. Who works where: the serviceman or a
    # manager of their organisation; an organisation's area: its managers.
    Permission.ZONE_MANAGE: Grant(ADMIN, description="create, change or retire service zones"),
    Permission.SERVICEMAN_ZONES_SET: Grant(
        ADMIN, relation="serviceman_manager", description="choose the zones of this serviceman"
    ),
    Permission.ORG_ZONES_SET: Grant(
        ADMIN, relation="org_manager", visible_via="org_member", description="choose this business's zones"
    ),
    Permission.SERVICEMAN_PROFILE_READ: Grant(ALL_ROLES, description="see serviceman profiles"),
    Permission.SERVICEMAN_PROFILE_UPDATE: Grant(
        ADMIN, relation="self", description="edit another serviceman's profile"
    ),
    # Everyone sees a serviceman's coarse area (domain/profiles/models.py `area`); the exact home
    # base: the serviceman, their managers (relation in domain/zones/assignments.py) and admins
    # (who may rewrite the profile, and a PUT replaces the home base too).
    Permission.SERVICEMAN_HOME_READ: Grant(
        ADMIN, relation="serviceman_manager", description="see this serviceman's exact home base"
    ),
    Permission.MATCHING_QUERY: Grant(
        frozenset({"customer", "enterprise", "admin"}), description="rank servicemen for a request"
    ),
    # Conversations: the parties of a booking or job, or a user and the admins (domain/messaging/parties.py).
    # Admins may read any conversation and join any by opening it; they take part only once joined.
    Permission.CONVERSATION_OPEN: Grant(
        ADMIN, relation="conversation_eligible", visible_via="conversation_eligible",
        description="open a conversation about this",
    ),
    Permission.CONVERSATION_READ: Grant(
        ADMIN, relation="conversation_participant", visible_via="conversation_viewer",
        description="read this conversation",
    ),
    Permission.CONVERSATION_SEND: Grant(
        frozenset(), relation="conversation_participant", visible_via="conversation_viewer",
        description="take part in a conversation you have not joined (open it first)",
    ),
    Permission.CONVERSATION_MANAGE: Grant(
        ADMIN, relation="conversation_manager", visible_via="conversation_viewer",
        description="add or remove this conversation's participants",
    ),
    Permission.MESSAGE_REVIEW: Grant(ADMIN, description="review flagged messages"),
    # Your own, your crew's (same organisation), and that of whoever shares a booking or an
    # active conversation with you (domain/presence/visibility.py).
    Permission.PRESENCE_VIEW: Grant(ADMIN, relation="presence_peer", description="see this user's presence"),
    Permission.FEED_READ: Grant(ALL_ROLES, description="read your own feed"),
    # Notifications: your own devices, notifications and preferences only; another user's
    # device token or notification is not found.
    Permission.DEVICE_REGISTER: Grant(ALL_ROLES, description="register a device for push notifications"),
    Permission.DEVICE_REMOVE: Grant(
        frozenset(), relation="device_owner", visible_via="device_owner", description="remove this device"
    ),
    Permission.NOTIFICATION_READ: Grant(ALL_ROLES, description="read your notifications"),
    Permission.NOTIFICATION_UPDATE: Grant(
        frozenset(), relation="notification_owner", visible_via="notification_owner",
        description="change this notification",
    ),
    Permission.NOTIFICATION_PREFERENCES: Grant(ALL_ROLES, description="choose your notification preferences"),
    # Payments: the booking's customer pays; its provider managers (or an admin) refund; an admin
    # releases held funds early; the customer approves a milestone of a job paid in parts.
    Permission.PAYMENT_CHECKOUT: Grant(
        frozenset(), relation="booking_customer", visible_via="booking_party", description="pay for this booking"
    ),
    Permission.PAYMENT_REFUND: Grant(
        ADMIN, relation="booking_manager", visible_via="booking_party", description="refund this payment"
    ),
    Permission.PAYMENT_RELEASE: Grant(ADMIN, visible_via="booking_party", description="release held funds early"),
    Permission.PAYMENT_RELEASE_MILESTONE: Grant(
        ADMIN, relation="booking_customer", visible_via="booking_party", description="release a milestone"
    ),
    # Payouts: a payee is an independent serviceman (themself) or an organisation (its owner and
    # managers: relation in domain/finance/payouts/payees.py). Admins read and manage (onboarding,
    # preferences, crew split) but never take a payee's money out; anyone else learns nothing (404).
    Permission.PAYOUT_READ: Grant(
        ADMIN, relation="payee_manager", visible_via="payee_manager", description="see this payee's payouts"
    ),
    Permission.PAYOUT_REQUEST: Grant(
        frozenset(), relation="payee_manager", visible_via="payee_manager", description="request a payout"
    ),
    Permission.PAYOUT_MANAGE: Grant(
        ADMIN, relation="payee_manager", visible_via="payee_manager",
        description="manage this payee's payout account, preferences and crew split",
    ),
    Permission.PROMO_GRANT: Grant(ADMIN, description="grant promotional credit"),
    # Pricing: anyone signed in may ask what a published service or a bid amount would cost;
    # a placed bid's breakdown is for its bidder and the job's customer; admins read and edit
    # the rules and sellers' pricing profiles (every edit audited), a seller reads its own.
    Permission.PRICING_QUOTE: Grant(ALL_ROLES, description="quote a price before checkout"),
    Permission.BID_QUOTE: Grant(
        ADMIN, relation="bid_viewer", visible_via="bid_viewer", description="see the breakdown of this bid"
    ),
    Permission.PRICING_READ: Grant(ADMIN, description="read the pricing rules"),
    Permission.PRICING_MANAGE: Grant(ADMIN, description="edit pricing rules and sellers' pricing profiles"),
    # Balances, statements and tax data: the payee themselves or their organisation's managers
    # (crew learn it exists: 403; strangers: 404); admins. Reports and reconciliation: admins.
    Permission.FINANCE_BALANCE_READ: Grant(
        ADMIN, relation="payee_reader", visible_via="payee_viewer", description="see these balances and statements"
    ),
    Permission.TAX_PROFILE_MANAGE: Grant(
        ADMIN, relation="payee_reader", visible_via="payee_viewer", description="see or change this tax profile"
    ),
    Permission.FINANCE_REPORT: Grant(ADMIN, description="read the finance report"),
    Permission.FINANCE_ADMIN: Grant(ADMIN, description="reconcile, correct the ledger and export seller tax data"),
    # Uploads: anyone signed in uploads; the owner confirms; the owner, admins and whoever may read
    # what holds the file (a conversation's participants...: domain/media/access.py) download it.
    # Anyone else learns nothing (404).
    Permission.UPLOAD_CREATE: Grant(ALL_ROLES, description="upload a file"),
    Permission.UPLOAD_CONFIRM: Grant(
        frozenset(), relation="upload_owner", visible_via="upload_reader", description="confirm another's upload"
    ),
    Permission.UPLOAD_READ: Grant(
        ADMIN, relation="upload_reader", visible_via="upload_reader", description="read this file"
    ),
    # Disputes: the booking's customer, or its lead serviceman / provider managers, open one (admins
    # too, at any time); the parties (crew included) and admins read and add to the timeline;
    # admins work the queue, assign and decide. Anyone else: 404 (domain/disputes/policy.py).
    Permission.DISPUTE_OPEN: Grant(
        ADMIN, relation="booking_disputer", visible_via="booking_party", description="open a dispute on this booking"
    ),
    Permission.DISPUTE_READ: Grant(
        ADMIN, relation="dispute_party", visible_via="dispute_party", description="see this dispute"
    ),
    Permission.DISPUTE_PARTICIPATE: Grant(
        ADMIN, relation="dispute_party", visible_via="dispute_party", description="add to this dispute"
    ),
    Permission.DISPUTE_MANAGE: Grant(ADMIN, description="work the dispute queue and decide disputes"),
    # Verification documents: the serviceman themself or their provider's owner/managers (crew)
    # submit and read them; admins review. Documents are personal data: anyone else gets 404.
    Permission.VERIFICATION_SUBMIT: Grant(
        frozenset(), relation="verification_subject", visible_via="verification_subject",
        description="submit verification documents for this serviceman"),
    Permission.VERIFICATION_READ: Grant(
        ADMIN, relation="verification_party", visible_via="verification_party",
        description="see this verification document"),
    Permission.VERIFICATION_LIST: Grant(
        ADMIN, relation="verification_subject", visible_via="verification_subject",
        description="list this serviceman's verification documents"),
    Permission.VERIFICATION_CREW_READ: Grant(
        ADMIN, relation="verification_org_manager", visible_via="verification_org_manager",
        description="see which of this business's crew are blocked"),
    Permission.VERIFICATION_REVIEW: Grant(ADMIN, description="work the verification queue"),
    Permission.VERIFICATION_REQUIREMENTS_MANAGE: Grant(ADMIN, description="change what categories require"),
    # Trust and safety: anyone signed in reports what they can see (domain/safety/subjects.py
    # answers 404 for the rest); admins work the moderation queue and the payments held for review.
    Permission.MODERATION_REPORT: Grant(ALL_ROLES, description="report something"),
    Permission.MODERATION_MANAGE: Grant(ADMIN, description="work the moderation queue and payment holds"),
    # Data-subject export (Art. 15/20): everyone asks for (and lists) their own; an export is its
    # owner's alone, admins included (the admin queue of requests shows the request, not the data).
    Permission.PRIVACY_EXPORT_REQUEST: Grant(ALL_ROLES, description="request an export of your data"),
    Permission.PRIVACY_EXPORT_READ: Grant(
        frozenset(), relation="privacy_export_owner", visible_via="privacy_export_owner",
        description="read this data export"),
    Permission.CONSENT_MANAGE: Grant(ALL_ROLES, description="read and change your consents, accept policies"),
    Permission.POLICY_PUBLISH: Grant(ADMIN, description="publish a policy version or translation"),
    Permission.MARKETING_SEND: Grant(ADMIN, description="send a marketing announcement"),
    Permission.PRIVACY_REQUEST: Grant(ALL_ROLES, description="ask for the erasure (or export) of your own data"),
    Permission.PRIVACY_REQUESTS_MANAGE: Grant(
        ADMIN, description="work the data-subject request queue: identity checks, extensions, refusals"),
    # Flags, remote config, kill switches and maintenance mode: admins (every change audited).
    Permission.FLAG_MANAGE: Grant(ADMIN, description="read and change feature flags and remote config"),
    # Dashboards: a serviceman's own (anyone else's: 404), a business's for its owner and managers
    # (its crew: 403, strangers: 404), the platform's for admins.
    Permission.DASHBOARD_SERVICEMAN_READ: Grant(
        ADMIN, relation="self", visible_via="self", description="see this serviceman's dashboard"),
    Permission.DASHBOARD_PROVIDER_READ: Grant(
        ADMIN, relation="org_manager", visible_via="org_member", description="see this business's dashboard"),
    Permission.DASHBOARD_ADMIN_READ: Grant(ADMIN, description="see the platform dashboard"),
    # The operator status summary: dependencies, backlogs, incidents, versions (domain/operations).
    Permission.OPERATIONS_STATUS_READ: Grant(ADMIN, description="read the operator status summary"),
}

RelationCheck = Callable[[Actor, Any], Awaitable[bool]]
_RELATIONS: dict[str, RelationCheck] = {}


def register_relation(name: str, check: RelationCheck) -> None:
    _RELATIONS[name] = check


async def _related(name: str | None, actor: Actor, resource: Any) -> bool:
    if name is None or resource is None:
        return False
    return await _RELATIONS[name](actor, resource)


def _usable_roles(actor: Actor, grant: Grant) -> frozenset[str]:
    """The actor's roles that give this grant now: a privileged role only with a second factor,
    unless every role holds the grant anyway (self-service: profile, sessions, enrolment)."""
    held = actor.roles & grant.roles
    if actor.factor_missing and not grant.roles >= ALL_ROLES:
        return held - PRIVILEGED_ROLES
    return held


def _locked_out(actor: Actor, grant: Grant) -> bool:
    """Whether a privileged role would grant this, were the login's second factor proven."""
    return bool(actor.roles & grant.roles & PRIVILEGED_ROLES) and not _usable_roles(actor, grant)


async def allowed(actor: Actor, permission: Permission, resource: Any = None) -> bool:
    grant = POLICY[permission]
    if _usable_roles(actor, grant):
        return True
    return await _related(grant.relation, actor, resource)


async def authorize(actor: Actor, permission: Permission, resource: Any = None) -> None:
    """Return if the actor holds the permission on the resource; raise otherwise."""
    if await allowed(actor, permission, resource):
        return
    grant = POLICY[permission]
    if _locked_out(actor, grant):
        raise factor_refusal(actor)
    if grant.visible_via is not None and not await _related(grant.visible_via, actor, resource):
        raise NotFound()
    raise Forbidden(f"You are not allowed to {grant.description or permission.value}.")


def factor_refusal(actor: Actor) -> Forbidden:
    """The 403 for a privileged power used without a second factor: enrol first, or prove it."""
    if actor.factor is not None and actor.factor.enrolled:
        return MfaRequired("This needs the second factor of your account: send a code to POST /v1/auth/step-up.")
    return MfaEnrolmentRequired("Admins must enrol a second factor first (POST /v1/me/mfa/totp).")


# Step-up: how recent a second factor a sensitive change needs, and who has one to give
# (domain/accounts/mfa.py registers the lookup: the database's word, not the token's).
STEP_UP_WINDOW = timedelta(minutes=10)
EnrolmentLookup = Callable[[str], Awaitable[bool]]
_ENROLMENT: list[EnrolmentLookup] = []


def register_enrolment_lookup(lookup: EnrolmentLookup) -> None:
    _ENROLMENT[:] = [lookup]


async def require_step_up(actor: Actor, window: timedelta = STEP_UP_WINDOW) -> None:
    """Refuse (403 `mfa_step_up_required`) unless the actor, if their account has a second
    factor, proved it within `window` in this login. Actors the server makes itself pass."""
    if actor.factor is None or not _ENROLMENT or not await _ENROLMENT[0](actor.user_id):
        return
    verified = actor.factor.verified_at
    if verified is None or utcnow() - verified > window:
        minutes = int(window.total_seconds() // 60)
        raise MfaStepUpRequired(f"This change needs a second factor from the last {minutes} minutes: "
                                "send a code to POST /v1/auth/step-up, then retry.",
                                details={"window_seconds": int(window.total_seconds())})


async def _is_self(actor: Actor, user: Any) -> bool:
    return str(getattr(user, "id", user)) == actor.user_id


register_relation("self", _is_self)
