"""The Kafka half of the AsyncAPI document (app/asyncapi.py assembles it): one channel per stream
(`finance.events`, `audit.events`, `domain.events`, bus/kafka.py `topic_for`), one message per
event type, each the wire envelope (PROTOCOL section 6, domain/shared/events.py `wire`) with
its `type` fixed and its `data` a named schema.

`CATALOGUE` is the table of every event type the domain records, by stream. The data models
name what every event of a family carries (the promise consumers may rely on) and allow more:
a type's extras are listed in docs/events.md. The test suite checks every event recorded
against this document (tests/support/contract_guard.py)."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter

from bus.kafka import STREAMS, topic_for

REF = "#/components/schemas/{model}"
REGION_DOC = "data residency (REGIONS): route by it; null for a row written before regions existed"
SERVER = "kafka"
Id = str


class _Data(BaseModel):
    model_config = ConfigDict(extra="allow")


class Money(BaseModel):
    model_config = ConfigDict(extra="forbid")
    amount: int = Field(description="minor units")
    currency: str


class ZoneEventData(_Data):
    zone_id: Id
    name: str
    city: str | None
    active: bool
    version: int


class ServicemanZonesData(_Data):
    user_id: Id
    zone_ids: list[Id]
    previous_zone_ids: list[Id]


class OrgZonesData(_Data):
    org_id: Id
    zone_ids: list[Id]
    previous_zone_ids: list[Id]


class MembershipEndedData(_Data):
    organisation_id: Id
    user_id: Id
    reason: Literal["left", "removed"]


class ServicemanProfileData(_Data):
    user_id: Id
    category_ids: list[Id]
    # The public service area (the home rounded to 0.01 degree): the exact home is sealed at
    # rest and never leaves in an event.
    area_lat: float | None
    area_lng: float | None
    version: int


class ListingEventData(_Data):
    service_id: Id
    kind: Literal["service", "package"]
    owner_org_id: Id | None
    owner_user_id: Id | None
    state: str
    version: int


class StorefrontData(_Data):
    org_id: Id
    storefront_id: Id
    version: int


class ScheduleData(_Data):
    user_id: Id
    version: int
    change: Literal["weekly", "exception", "exception_removed"]


class BookingEventData(_Data):
    booking_id: Id
    customer_id: Id
    organisation_id: Id | None
    serviceman_ids: list[Id] = Field(description="the crew, lead first")
    state: str
    version: int
    region: str | None = Field(None, description=REGION_DOC)


class JobEventData(_Data):
    job_id: Id
    customer_id: Id
    category_id: Id
    zone_id: Id | None
    state: str
    version: int


class BidEventData(_Data):
    bid_id: Id
    job_id: Id
    customer_id: Id
    serviceman_id: Id
    state: str
    amount: Money
    version: int


class CommentData(_Data):
    comment_id: Id
    job_id: Id
    bid_id: Id | None
    author_id: Id
    customer_id: Id
    bidder_id: Id | None


class ReviewEventData(_Data):
    review_id: Id
    booking_id: Id
    author_id: Id
    subject_id: Id
    organisation_id: Id | None
    service_id: Id | None
    rating: int
    hidden: bool
    version: int


class ConversationEventData(_Data):
    conversation_id: Id
    kind: str
    booking_id: Id | None
    job_id: Id | None
    subject_user_id: Id | None
    region: str | None = Field(None, description=REGION_DOC)


class MessageSentData(_Data):
    conversation_id: Id
    message_id: Id
    seq: int
    sender_id: Id
    kind: str
    flagged: bool
    flag_reasons: list[str]


class MessageReviewedData(_Data):
    message_id: Id
    conversation_id: Id
    sender_id: Id
    verdict: Literal["ok", "abuse"]


class PaymentEventData(_Data):
    case_id: Id
    booking_id: Id
    customer_id: Id
    organisation_id: Id | None
    seq: int = Field(description="1, 2, 3 ... per case, without gaps: apply in this order")
    state: str
    from_state: str | None
    version: int
    amount: Money
    captured: Money
    refunded: Money
    released: Money
    acting_as: str | None = Field(
        None, description="customer, lead, manager, admin, system, timer, gateway; absent on payment.checkout"
    )
    region: str | None = Field(None, description=REGION_DOC)


class PayoutEventData(_Data):
    owner: str = Field(description="`org:<id>` or `user:<id>`")
    by: str = Field(description="`user:<id>`, `system:<job>` or `gateway:<name>`")
    region: str | None = Field(None, description=REGION_DOC)


class DocumentIssuedData(_Data):
    """A receipt, credit note or fee invoice was issued (domain/finance/reporting/documents.py):
    its recipient is emailed it."""

    document_id: Id
    series: Literal["receipt", "credit_note", "invoice"]
    reference: str = Field(description="the gap-free number, e.g. RC-000042")
    recipient: str = Field(description="`user:<id>` or `org:<id>`")
    issuer: str = Field(description="`platform`, `org:<id>` or `user:<id>`")
    total: int = Field(description="minor units, tax included")
    currency: str
    issued_at: str
    booking_id: Id | None
    case_id: Id | None


class DisputeEventData(_Data):
    dispute_id: Id
    booking_id: Id
    state: str
    seq: int
    dispute: dict[str, Any]
    entry: dict[str, Any] | None
    author_side: Literal["customer", "provider", "admin", "system"]


class VerificationEventData(_Data):
    document_id: Id
    owner_id: Id
    kind: str
    credential: str
    label: str
    state: str
    expires_at: str | None
    reason: str | None
    notify: list[Id]


class RequirementsChangedData(_Data):
    category_id: Id
    credentials: list[str]


class ConsentChangedData(_Data):
    """A user granted or withdrew a purpose (domain/consent): consumers that use the purpose stop or start."""

    user_id: Id
    purpose: Literal["marketing_push", "marketing_email", "analytics", "ai_processing"]
    granted: bool
    policy_version: int | None = Field(description="the privacy policy version in force; none: none published")
    channel: Literal["app", "web", "email", "admin"]
    record_id: int


class MarketingAnnouncedData(_Data):
    """An admin's announcement; the notifier tells the consenting users of its audience."""

    announcement_id: Id
    title: str
    body: str
    audience: Literal["everyone", "customers", "servicemen", "providers"]


class ModerationReportedData(_Data):
    item_id: Id
    subject_kind: str
    subject_id: Id
    reason: str
    report_count: int


class PaymentHeldData(_Data):
    case_id: Id
    booking_id: Id
    rules: list[str]


class PaymentHoldClearedData(_Data):
    case_id: Id
    state: str


class UserErasedData(_Data):
    """`privacy.user_erased`: the person's data was erased here; consumers must forget them too."""

    user_id: Id


class AuditEventData(_Data):
    """Every `audit.<action>` event: the audit record's subject and its before/after."""

    subject_type: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    request_id: str | None
    ip: str | None  # a keyed hash of the client's address (hk1:...), never the address


def _family(prefix: str, names: str, model: type[BaseModel]) -> dict[str, type[BaseModel]]:
    return {f"{prefix}.{name}": model for name in names.split()}


# stream -> event type -> the model of its `data`
CATALOGUE: dict[str, dict[str, type[BaseModel]]] = {
    "finance": {
        **_family(
            "payment",
            "checkout authorized failed retried capture_requested captured voided expired "
            "release_scheduled released milestone_released paid_out refunded refund_failed "
            "compensated transfer_reversed transfer_reversal_declined chargeback_opened "
            "chargeback_withdrawn chargeback_reinstated chargeback_closed",
            PaymentEventData,
        ),
        **_family("payout", "account_enabled account_disabled created paid failed", PayoutEventData),
        "document.issued": DocumentIssuedData,
    },
    "domain": {
        **_family("zone", "created updated deleted", ZoneEventData),
        "serviceman.zones_changed": ServicemanZonesData,
        "org.zones_changed": OrgZonesData,
        "membership.ended": MembershipEndedData,
        "serviceman_profile.updated": ServicemanProfileData,
        **_family("service", "created updated submitted published rejected archived", ListingEventData),
        "storefront.updated": StorefrontData,
        "schedule.updated": ScheduleData,
        **_family(
            "booking",
            "requested accepted scheduled started completed cancelled declined expired assigned",
            BookingEventData,
        ),
        **_family("job", "posted awarded cancelled expired", JobEventData),
        **_family("bid", "placed updated withdrawn accepted rejected", BidEventData),
        "comment.posted": CommentData,
        **_family("review", "posted reported hidden", ReviewEventData),
        **_family("conversation", "opened participant_added participant_removed", ConversationEventData),
        "message.sent": MessageSentData,
        "message.reviewed": MessageReviewedData,
        **_family("dispute", "opened entry_added escalated assigned resolved withdrawn reminder", DisputeEventData),
        **_family("verification", "submitted approved rejected reminder lapsed", VerificationEventData),
        "verification.requirements_changed": RequirementsChangedData,
        "moderation.reported": ModerationReportedData,
        "consent.changed": ConsentChangedData,
        "marketing.announced": MarketingAnnouncedData,
        "payment.held_for_review": PaymentHeldData,
        "payment.hold_cleared": PaymentHoldClearedData,
        "privacy.user_erased": UserErasedData,
    },
}
AUDIT_TYPE_PATTERN = r"^audit\.[a-z_]+(\.[a-z_]+)*$"  # `audit.<action>`: one message for every action


def channel_id(stream: str) -> str:
    return f"kafka.{stream}"


def message_id(stream: str, type_: str) -> str:
    return f"{stream}.{type_}"


def _envelope(type_schema: dict[str, Any], data_ref: str) -> dict[str, Any]:
    return {
        "type": "object",
        "required": ["event_id", "type", "occurred_at", "subject", "data"],
        "additionalProperties": False,
        "properties": {
            "event_id": {"type": "string", "format": "uuid", "description": "dedupe by it (at least once)"},
            "type": type_schema,
            "occurred_at": {"type": "string", "format": "date-time"},
            "subject": {"type": "string", "description": "the Kafka message key: one partition per subject"},
            "actor_id": {"type": "string", "description": "who acted; absent for the system"},
            "data": {"$ref": REF.format(model=data_ref)},
        },
    }


def kafka_part(topic_prefix: str = "") -> dict[str, Any]:
    """`channels`, `operations`, `components.messages` and `components.schemas` of the streams."""
    models = {model for types in CATALOGUE.values() for model in types.values()} | {AuditEventData}
    _, defs = TypeAdapter.json_schemas(
        [(m.__name__, "serialization", TypeAdapter(m)) for m in sorted(models, key=lambda m: m.__name__)],
        ref_template=REF,
    )
    channels: dict[str, Any] = {}
    operations: dict[str, Any] = {}
    messages: dict[str, Any] = {}
    for stream in STREAMS:
        chan = channel_id(stream)
        types: dict[str, Any] = {t: m for t, m in sorted(CATALOGUE.get(stream, {}).items())}
        entries = [(message_id(stream, t), {"const": t}, m.__name__, t) for t, m in types.items()]
        if stream == "audit":
            entries = [
                ("audit.event", {"type": "string", "pattern": AUDIT_TYPE_PATTERN}, "AuditEventData", "audit.<action>")
            ]
        channels[chan] = {
            "address": topic_for(stream, topic_prefix),
            "title": f"Kafka topic of stream {stream}",
            "servers": [{"$ref": f"#/servers/{SERVER}"}],
            "messages": {},
        }
        for mid, type_schema, data_ref, name in entries:
            messages[mid] = {"name": name, "title": f"{name} ({stream})", "payload": _envelope(type_schema, data_ref)}
            channels[chan]["messages"][mid] = {"$ref": f"#/components/messages/{mid}"}
        operations[f"{chan}.publish"] = {
            "action": "send",
            "summary": f"The outbox relay publishes the {stream} stream's events (bus/relay.py).",
            "channel": {"$ref": f"#/channels/{chan}"},
            "messages": [{"$ref": f"#/channels/{chan}/messages/{mid}"} for mid, *_ in entries],
        }
    return {"channels": channels, "operations": operations, "messages": messages, "schemas": defs.get("$defs", {})}
