"""The payment gateway port: what the money code asks of a payment provider.

Nothing here is Stripe's alone: authorize/capture/void/refund, payouts to a connected payee
("sub-merchant", "account holder"), transfers and their reversals, a list of balance movements
and signed notifications exist at Adyen (Balance Platform) and PayPal (Commerce Platform) as
well. Event types use one vocabulary (`EventType`); an adapter maps its provider's names to it.

Every call that moves money takes an idempotency key chosen and stored by the caller before
the call: a retry with the same key is answered with the first outcome (the same object, or
the same refusal), never a second movement.

Errors:
- `Declined`: definitive, nothing happened (card declined, insufficient balance, a refused
  state change). Close the key and compensate; a new attempt needs a new key.
- `Unavailable`: the outcome is unknown or the provider could not be reached (timeout, 5xx,
  429, connection dropped). Retry later with the SAME key: the provider replays the first
  outcome if there was one.
- `KeyReused`: the key was already used with other parameters. A bug on our side: neither
  retry nor compensate blindly; the first call with this key did happen.
- `GatewayError` itself: anything else; treat like `KeyReused` (stop, alert).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any, Literal, Protocol, runtime_checkable

from domain.shared.errors import ConflictReason, DomainError, ErrorCode
from domain.shared.money import Money

PaymentStatus = Literal["requires_payment_method", "requires_action", "processing", "requires_capture", "succeeded",
                        "canceled"]
RefundStatus = Literal["pending", "succeeded", "failed", "canceled"]
PayoutStatus = Literal["pending", "in_transit", "paid", "failed", "canceled"]


class GatewayError(DomainError):
    """The gateway call failed in a way the caller must not paper over."""

    code = ErrorCode.SERVICE_UNAVAILABLE
    default_message = "The payment provider could not complete the request."

    def __init__(self, message: str | None = None, *, gateway_code: str | None = None,
                 http_status: int | None = None) -> None:
        super().__init__(message, details={"gateway_code": gateway_code} if gateway_code else None)
        self.gateway_code = gateway_code
        self.http_status = http_status


class Declined(GatewayError):
    """Definitive refusal: the call did not happen. `gateway_code` says why (card_declined,
    balance_insufficient, amount_too_large, payment_intent_unexpected_state, ...)."""

    code = ErrorCode.CONFLICT
    default_message = "The payment provider declined the request."
    reason = ConflictReason.PAYMENT_DECLINED

    def __init__(self, message: str | None = None, *, gateway_code: str | None = None,
                 http_status: int | None = None, decline_code: str | None = None) -> None:
        super().__init__(message, gateway_code=gateway_code, http_status=http_status)
        self.decline_code = decline_code


class Unavailable(GatewayError):
    """Outcome unknown or provider unreachable: retry with the same idempotency key."""

    default_message = "The payment provider is unavailable; try again later."


class KeyReused(GatewayError):
    """The idempotency key was used before with different parameters."""

    default_message = "The idempotency key was already used with other parameters."


class WebhookRejected(DomainError):
    """A webhook whose signature is missing, forged or stale, or whose body is not an event."""

    code = ErrorCode.BAD_REQUEST
    default_message = "The webhook signature could not be verified."


class EventType(StrEnum):
    """The port's event vocabulary (providers' own names are mapped to these by the adapter;
    an unknown type is kept as the provider sent it)."""

    PAYMENT_AUTHORIZED = "payment_intent.amount_capturable_updated"
    PAYMENT_SUCCEEDED = "payment_intent.succeeded"
    PAYMENT_CANCELED = "payment_intent.canceled"
    PAYMENT_FAILED = "payment_intent.payment_failed"
    CHARGE_REFUNDED = "charge.refunded"
    REFUND_UPDATED = "refund.updated"
    REFUND_CREATED = "refund.created"
    DISPUTE_CREATED = "charge.dispute.created"
    DISPUTE_FUNDS_WITHDRAWN = "charge.dispute.funds_withdrawn"
    DISPUTE_FUNDS_REINSTATED = "charge.dispute.funds_reinstated"
    DISPUTE_CLOSED = "charge.dispute.closed"
    TRANSFER_CREATED = "transfer.created"
    TRANSFER_REVERSED = "transfer.reversed"
    ACCOUNT_UPDATED = "account.updated"
    PAYOUT_CREATED = "payout.created"
    PAYOUT_PAID = "payout.paid"
    PAYOUT_FAILED = "payout.failed"


@dataclass(frozen=True, kw_only=True)
class AuthorizeRequest:
    amount: Money
    payment_method: str            # a token from the client-side SDK
    transfer_group: str            # "case:<uuid>": ties the charge to its later transfers
    metadata: Mapping[str, str] = field(default_factory=dict)
    idempotency_key: str


@dataclass(frozen=True, kw_only=True)
class TransferRequest:
    amount: Money
    destination: str               # a connected account id
    transfer_group: str
    source_transaction: str | None  # the charge the money comes from (no wait for availability)
    idempotency_key: str
    metadata: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True, kw_only=True)
class AccountRequest:
    country: str                   # ISO 3166-1 alpha-2
    email: str
    business_type: Literal["individual", "company"]
    idempotency_key: str


@dataclass(frozen=True)
class PaymentIntentState:
    id: str
    status: PaymentStatus
    amount: Money                  # authorized
    amount_captured: int           # minor units of amount.currency
    amount_refunded: int
    charge_id: str | None
    capture_before: datetime | None
    metadata: Mapping[str, str] = field(default_factory=dict)
    # The fee the gateway kept on the captured charge (its balance transaction), when known.
    fee: int | None = None
    # The refunds of the charge, when the gateway lists them (refunds made at the gateway are
    # booked under their own id, so reconciliation pairs them by id).
    refunds: tuple[RefundState, ...] = ()
    # The card's issuing country (ISO 3166-1 alpha-2), when the gateway says: fraud rules.
    card_country: str | None = None


@dataclass(frozen=True)
class RefundState:
    id: str
    payment_id: str
    amount: Money
    status: RefundStatus


@dataclass(frozen=True)
class TransferState:
    id: str
    amount: Money
    destination: str
    transfer_group: str | None
    source_transaction: str | None
    amount_reversed: int


@dataclass(frozen=True)
class TransferReversalState:
    id: str
    transfer_id: str
    amount: Money


DisputeStatus = Literal["warning_needs_response", "warning_under_review", "warning_closed", "needs_response",
                        "under_review", "appeal_needs_response", "appeal_under_review", "won", "lost", "prevented"]


@dataclass(frozen=True)
class DisputeState:
    """A chargeback, as the gateway holds it now (apply by this, never by event order).
    `withdrawn` / `reinstated`: what its balance movements took from / gave back to the platform
    balance (positive minor units); `fee` the dispute fee kept, `fee_returned` any fee given back."""

    id: str
    payment_id: str | None
    charge_id: str | None
    amount: Money
    status: str                    # a DisputeStatus (an unknown one is kept as sent)
    reason: str
    withdrawn: int
    reinstated: int
    fee: int
    fee_returned: int = 0

    @property
    def closed(self) -> bool:
        return self.status in ("won", "lost", "warning_closed", "prevented")


@dataclass(frozen=True)
class ConnectedAccount:
    id: str
    payouts_enabled: bool
    charges_enabled: bool
    details_submitted: bool
    requirements_due: tuple[str, ...]


@dataclass(frozen=True)
class PayoutState:
    id: str
    account_id: str
    amount: Money
    status: PayoutStatus


@dataclass(frozen=True)
class BalanceTransaction:
    id: str
    type: str                      # "charge", "refund", "transfer", "transfer_refund", "payout", ...
    amount: Money                  # signed: money into (+) or out of (-) the platform balance
    fee: int
    net: int
    source: str | None             # the object that moved the money (charge, refund, transfer id)
    created: datetime


@dataclass(frozen=True)
class GatewayEvent:
    id: str
    type: str                      # an EventType value, or the provider's own name
    object_id: str                 # the object to refetch: apply by its state, not by the event
    account: str | None            # the connected account it happened on, if any
    created: datetime
    payload: dict[str, Any]


@runtime_checkable
class PaymentGateway(Protocol):
    name: str                      # "stripe" | "sandbox" | ...; also the webhook path segment
    webhook_signature_header: str  # the HTTP header carrying the webhook signature

    async def authorize(self, r: AuthorizeRequest) -> PaymentIntentState: ...

    async def capture(self, payment_id: str, amount: Money | None, *, idempotency_key: str) -> PaymentIntentState: ...

    async def void(self, payment_id: str, *, idempotency_key: str) -> PaymentIntentState: ...

    async def refund(self, payment_id: str, amount: Money, *, idempotency_key: str) -> RefundState: ...

    async def payment(self, payment_id: str) -> PaymentIntentState: ...

    async def transfer(self, r: TransferRequest) -> TransferState: ...

    async def reverse_transfer(self, transfer_id: str, amount: Money, *,
                               idempotency_key: str) -> TransferReversalState: ...

    async def dispute(self, dispute_id: str) -> DisputeState: ...

    async def create_account(self, r: AccountRequest) -> ConnectedAccount: ...

    async def onboarding_link(self, account_id: str, *, refresh_url: str, return_url: str) -> str: ...

    async def account(self, account_id: str) -> ConnectedAccount: ...

    async def payout(self, account_id: str, amount: Money, *, idempotency_key: str) -> PayoutState: ...

    async def balance_transactions(self, *, created_after: datetime) -> list[BalanceTransaction]: ...

    def verify_webhook(self, raw_body: bytes, signature_header: str | None) -> GatewayEvent: ...

    async def close(self) -> None: ...
