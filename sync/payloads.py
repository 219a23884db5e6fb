"""The shapes of the event payloads stored as JSON: a feed item's `summary`, a notification's
`data`, a dispute entry's `data`. Shared by the sync rows (sync/collections.py) and the REST
representations (rest/schemas), so both publish one component per shape.

None of these values carries its own tag (the kind is the row's sibling field), so each is a
union of closed models told apart by their keys: a value validates against exactly one. They
describe what the writers store (domain/feed/recipients.py, push/recipients.py,
domain/safety/notices.py, domain/disputes/*), key for key; a new shape needs its model here."""

from __future__ import annotations

from typing import Annotated

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    SerializerFunctionWrapHandler,
    WithJsonSchema,
    model_serializer,
)
from pydantic.config import JsonDict
from typing_extensions import TypeAliasType

from domain.bookings.models import BookingState
from domain.disputes.models import DisputeState, Outcome
from domain.finance.cases.models import CaseState
from domain.jobs.models import BidState, JobState
from domain.safety.models import Action
from domain.verification.models import DocumentState
from sync.shapes import SyncMoney

# RFC 3339 UTC text the server wrote (domain.shared.clock.isoformat), kept as that text.
Instant = Annotated[str, WithJsonSchema({"type": "string", "format": "date-time"})]


class Closed(BaseModel):
    model_config = ConfigDict(extra="forbid")


# -- feed_items.summary (per entity type) -----------------------------------------------------


class FeedJobSummary(Closed):
    title: str
    job_id: str
    state: JobState
    customer_name: str
    address: str
    budget_min: SyncMoney
    budget_max: SyncMoney


class FeedBidSummary(Closed):
    job_id: str
    job_title: str
    serviceman_id: str
    serviceman_name: str
    state: BidState
    amount: SyncMoney


class FeedBookingSummary(Closed):
    booking_id: str
    title: str
    state: BookingState
    from_state: BookingState | None
    customer_name: str
    crew_names: list[str]
    scheduled_start: Instant | None
    total: SyncMoney


FeedSummary = TypeAliasType("FeedSummary", FeedJobSummary | FeedBidSummary | FeedBookingSummary)


# -- notifications.data (per entity type) -----------------------------------------------------


class MessageNotificationData(Closed):
    conversation_id: str
    message_id: str
    seq: int
    sender_id: str


class BidNotificationData(Closed):
    job_id: str
    bid_id: str


class JobNotificationData(Closed):
    job_id: str


class BookingNotificationData(Closed):
    booking_id: str
    state: BookingState


class PaymentNotificationData(Closed):
    booking_id: str
    case_id: str
    state: CaseState
    seq: int


class PayoutNotificationData(Closed):
    payout_id: str
    owner: str = Field(description="`org:<id>` or `user:<id>`")


class InvitationNotificationData(Closed):
    membership_id: str
    organisation_id: str


class VerificationNotificationData(Closed):
    document_id: str
    credential: str
    state: DocumentState


class DisputeNotificationData(Closed):
    dispute_id: str
    booking_id: str
    seq: int
    state: DisputeState


class ModerationNotificationData(Closed):
    action: Action
    reason: str
    item_id: str
    until: Instant | None


class AnnouncementNotificationData(Closed):
    """A marketing announcement (sent only with marketing consent)."""

    announcement_id: str


class PrivacyExportNotificationData(Closed):
    """A data export the user asked for is ready to download."""

    export_id: str


def _no_properties(schema: JsonDict) -> None:
    schema.pop("properties", None)  # `{}` exactly: a closed object without keys


class NoData(Closed):
    """Nothing beyond the row's entity (an account notice, a piece of evidence)."""

    model_config = ConfigDict(extra="forbid", json_schema_extra=_no_properties)


NotificationData = TypeAliasType(
    "NotificationData",
    MessageNotificationData
    | BidNotificationData
    | JobNotificationData
    | BookingNotificationData
    | PaymentNotificationData
    | PayoutNotificationData
    | InvitationNotificationData
    | VerificationNotificationData
    | DisputeNotificationData
    | ModerationNotificationData
    | AnnouncementNotificationData
    | PrivacyExportNotificationData
    | NoData,
)


# -- dispute_entries.data (per kind) ----------------------------------------------------------


class DisputeOpenedData(Closed):
    """status: the dispute opened."""

    to: DisputeState
    reason: str


class DisputeStateChangeData(Closed):
    """status: escalated or withdrawn."""

    model_config = ConfigDict(extra="forbid", serialize_by_alias=True, validate_by_name=True)

    from_: DisputeState = Field(alias="from")
    to: DisputeState


class DisputeAssignedData(Closed):
    """status: an admin took it."""

    assigned_to: str


class DisputeOfferAnswerData(Closed):
    """offer_accepted, offer_declined."""

    offer_seq: int


class DisputeDecisionData(Closed):
    outcome: Outcome
    refunded: int
    released: int
    by: str = Field(description="the action that decided it (decide, accept_offer, a timer's default)")


class DisputeChargebackData(Closed):
    """The gateway's dispute of the same payment (domain/finance/chargebacks). The hook copies the
    keys the chargeback event has (domain/disputes/chargebacks.py): an absent key stays absent."""

    type: str
    steps: list[str] | None = None
    dispute_id: str | None = None
    amount: int | None = None
    currency: str | None = None
    status: str | None = None
    reason: str | None = None
    outcome: str | None = None

    # No return annotation: with one, pydantic would publish the serializer's type (any object)
    # instead of the fields above.
    @model_serializer(mode="wrap")
    def _only_given(self, handler: SerializerFunctionWrapHandler):  # type: ignore[no-untyped-def]
        return {key: value for key, value in handler(self).items() if key in self.model_fields_set}


DisputeEntryData = TypeAliasType(
    "DisputeEntryData",
    DisputeOpenedData
    | DisputeStateChangeData
    | DisputeAssignedData
    | DisputeOfferAnswerData
    | DisputeDecisionData
    | DisputeChargebackData
    | NoData,
)
