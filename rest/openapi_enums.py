"""The names of the document's enums (rest/openapi_polish.name_enums). A model may declare an
enum as a `Literal` or a domain `StrEnum` (pydantic names the latter after its class); here each
set of values gets the name a generated client calls its type, so the same set declared twice is
one component. A new set without a name here is named after its property (`kind` -> `Kind`), and
the build fails if that name is taken by another set: then add it below."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import get_args

from domain.bookings.models import BookingKind, BookingState
from domain.flags.models import ScheduleState
from domain.jobs.models import JobState
from domain.messaging.models import ConversationKind
from domain.notifications.models import AppKind, Platform, SuppressionReason
from domain.privacy.exports import ExportState
from domain.shared.errors import ErrorCode
from rest.schemas.common import Currency
from sync.collections import COLLECTIONS


def _values(values: Iterable[object]) -> frozenset[str]:
    return frozenset(str(value) for value in values)


_BY_NAME: dict[str, Iterable[object]] = {
    "BookingKind": BookingKind,
    "BookingState": BookingState,
    "JobState": JobState,
    "ConversationKind": ConversationKind,
    "Platform": Platform,
    "AppKind": AppKind,
    "EmailSuppressionReason": SuppressionReason,
    "SyncCollection": (c.name for c in COLLECTIONS),
    "Currency": get_args(Currency),
    "SignupRole": ("customer", "serviceman", "provider"),
    "PrivacyRequestKind": ("erasure", "export", "access", "rectification"),
    "PrivacyRequestState": ("received", "identity_checked", "scheduled", "done", "cancelled", "refused"),
    "PrivacyQueueState": ("open", "received", "identity_checked", "scheduled", "done", "cancelled", "refused", "all"),
    "PrivacyRequestChannel": ("self_service", "admin"),
    "ExportState": ExportState,
    "FlagScheduleState": ScheduleState,
    "Role": ("customer", "serviceman", "provider", "enterprise", "admin"),
    "CrewRole": ("manager", "serviceman"),
    "BookingCrewRole": ("customer", "serviceman", "manager"),
    "InvitationStatus": ("invited", "accepted"),
    "MessageAttachmentKind": ("image", "video", "audio", "file", "location"),
    "ListingMediaKind": ("image", "video"),
    "ListingKind": ("service", "package"),
    "ListingState": ("draft", "in_review", "published", "archived"),
    "SyncChangeOp": ("upsert", "delete"),
    "SyncDeleteReason": ("deleted", "revoked"),
    "SyncMutationOp": ("update", "action"),
    "SyncMutationStatus": ("applied", "duplicate", "conflict", "rejected"),
    "LedgerAccountKind": (
        "gateway_balance",
        "gateway_pending",
        "case_held",
        "provider_payable",
        "provider_receivable",
        "platform_commission",
        "tax_payable",
        "gateway_fees",
        "dispute_suspense",
        "dispute_losses",
        "promo_credit",
        "promo_expense",
    ),
    "LedgerSide": ("debit", "credit"),
    "IdDocumentType": ("passport", "driving_licence", "national_id"),
    "BackgroundCheckLevel": ("basic", "standard", "enhanced"),
    "AccreditationScheme": ("gas_safe", "niceic"),
    "DisputeEntryKind": ("evidence", "response"),
    "ErrorCode": ErrorCode,
    "BusinessType": ("individual", "company"),
    "DisputeReason": (
        "not_done",
        "poor_quality",
        "incomplete",
        "no_show",
        "late",
        "damage",
        "overcharged",
        "not_as_described",
        "unpaid_extra",
        "customer_absent",
        "no_access",
        "other",
    ),
    "DisputeCategory": ("access", "billing", "damage", "other", "service"),
    "KycStatus": ("not_started", "in_progress", "action_required", "verified"),
    "SafetySubjectKind": ("message", "user", "service", "storefront", "job", "bid", "comment", "review"),
    "ReportReason": ("scam", "spam", "off_platform", "harassment", "offensive", "fake", "unsafe", "other"),
    "Credential": (
        "photo_id",
        "insurance",
        "dbs_basic",
        "dbs_standard",
        "dbs_enhanced",
        "gas_safe",
        "niceic",
        "business_registration",
    ),
    "UploadMethod": ("PUT", "GET"),
    "VerificationDocumentKind": ("photo_id", "insurance", "dbs", "accreditation", "business_registration"),
    "ServiceTaxParty": ("seller", "platform"),
    "UploadKind": ("evidence", "attachment", "listing_photo", "profile_photo", "document"),
    "UploadState": ("pending", "ready", "rejected", "deleted"),
    "DisputeOutcome": ("refund", "release", "split"),
    "MessageVerdict": ("ok", "abuse"),
    "ModerationAction": ("dismiss", "warn", "hide", "suspend"),
    "DisputeState": ("awaiting_response", "negotiating", "awaiting_admin", "resolved", "withdrawn"),
    "ReplayedFlag": ("true",),
    "MessageReviewFilter": ("pending", "reviewed", "all"),
    "SafetyItemFilter": ("open", "dismissed", "actioned", "resolved", "all"),
    "SafetySource": ("report", "screen", "listing_review", "review_report"),
    "HoldFilter": ("held", "cleared", "all"),
    "VerificationDocumentState": ("pending", "approved", "rejected", "lapsed", "superseded"),
    "JobScope": ("mine", "open"),
    "TokenType": ("Bearer",),
    "FeeVatParty": ("platform",),
}

ENUM_NAMES: dict[frozenset[str], str] = {_values(values): name for name, values in _BY_NAME.items()}


def enum_name(values: Sequence[object], prop: str) -> str:
    """The component name for an enum of these values found at property `prop`."""
    return ENUM_NAMES.get(_values(values)) or "".join(part.capitalize() for part in prop.split("_")) or "Unnamed"
