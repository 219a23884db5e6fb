"""SandboxGateway: an in-process payment provider for the embedded demo and for tests.

It keeps real state and Stripe's rules: authorizations that expire (`capture_before`), capture
(partial) once, void only before capture, refunds up to what was captured, transfers from a
charge (`source_transaction`) up to what it still holds, reversals only up to the transferred
amount and only while the destination's balance covers them, connected accounts that become
payout-enabled once onboarding is completed, payouts from their balance, and idempotent replay
by key with the parameters compared (other parameters -> KeyReused). It signs the webhooks it
emits (Stripe's scheme, its own header) and hands them to a delivery function.

Never for production: settings refuse `PAYMENT_GATEWAY=sandbox` there (no money moves).
"""

from __future__ import annotations

import itertools
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import quote

from domain.finance.gateway.port import (
    AccountRequest,
    AuthorizeRequest,
    BalanceTransaction,
    ConnectedAccount,
    Declined,
    DisputeState,
    EventType,
    GatewayEvent,
    KeyReused,
    PaymentIntentState,
    PayoutState,
    RefundState,
    TransferRequest,
    TransferReversalState,
    TransferState,
)
from domain.finance.gateway.sandbox_cards import card_country
from domain.finance.gateway.sandbox_disputes import SandboxDisputes
from domain.finance.gateway.sandbox_webhooks import (
    SIGNATURE_HEADER,
    Deliver,
    SandboxWebhooks,
    account_object,
    payout_object,
    transfer_object,
)
from domain.shared.clock import utcnow
from domain.shared.errors import NotFound
from domain.shared.money import Money

# Test payment methods, named as Stripe's: these decline, every other "pm_..." authorizes.
DECLINING_METHODS = {
    "pm_card_chargeCustomerFail": "generic_decline",
    "pm_card_chargeDeclined": "generic_decline",
    "pm_card_chargeDeclinedInsufficientFunds": "insufficient_funds",
}
AUTHORIZATION_DAYS = 7


ONBOARDING_REQUIREMENTS = ("external_account", "tos_acceptance.date", "tos_acceptance.ip")



@dataclass
class _Payment:
    state: PaymentIntentState
    transfer_group: str
    transferred: int = 0


@dataclass
class _Account:
    state: ConnectedAccount
    balance: dict[str, int] = field(default_factory=dict)


class SandboxGateway(SandboxDisputes):
    name = "sandbox"
    webhook_signature_header = SIGNATURE_HEADER

    def __init__(self, *, webhook_secret: str, onboarding_base_url: str = "http://127.0.0.1:8080/v1/sandbox/onboarding",
                 fee_basis_points: int = 0, clock: Callable[[], datetime] = utcnow) -> None:
        self._onboarding_base = onboarding_base_url.rstrip("/")
        self._fee_bp = fee_basis_points
        self._clock = clock
        self._ids = itertools.count(1)
        self._payments: dict[str, _Payment] = {}
        self._charges: dict[str, str] = {}  # charge id -> payment id
        self._refunds: dict[str, RefundState] = {}
        self._disputes: dict[str, DisputeState] = {}
        self._transfers: dict[str, TransferState] = {}
        self._accounts: dict[str, _Account] = {}
        self._payouts: dict[str, PayoutState] = {}
        self._balance: dict[str, int] = {}
        self._ledger: list[BalanceTransaction] = []
        self._keys: dict[str, tuple[tuple[Any, ...], Any]] = {}
        self._link_tokens: dict[str, str] = {}
        self._webhooks = SandboxWebhooks(webhook_secret, clock)

    # --- payments -----------------------------------------------------------------------

    async def authorize(self, r: AuthorizeRequest) -> PaymentIntentState:
        params = ("authorize", r.amount, r.payment_method, r.transfer_group, tuple(sorted(r.metadata.items())))
        return self._once(r.idempotency_key, params, lambda: self._authorize(r))  # type: ignore[no-any-return]

    def _authorize(self, r: AuthorizeRequest) -> PaymentIntentState:
        if r.amount.amount <= 0:
            raise Declined("the amount must be positive", gateway_code="amount_too_small", http_status=400)
        if r.payment_method in DECLINING_METHODS:
            raise Declined("Your card was declined.", gateway_code="card_declined", http_status=402,
                           decline_code=DECLINING_METHODS[r.payment_method])
        pid = self._new_id("pi")
        state = PaymentIntentState(
            id=pid, status="requires_capture", amount=r.amount, amount_captured=0, amount_refunded=0,
            charge_id=self._new_id("ch"), capture_before=self._clock() + timedelta(days=AUTHORIZATION_DAYS),
            metadata=dict(r.metadata), card_country=card_country(r.payment_method))
        assert state.charge_id is not None
        self._payments[pid] = _Payment(state, r.transfer_group)
        self._charges[state.charge_id] = pid
        self._emit(EventType.PAYMENT_AUTHORIZED, self._payment_object(pid))
        return state

    async def capture(self, payment_id: str, amount: Money | None, *, idempotency_key: str) -> PaymentIntentState:
        params = ("capture", payment_id, amount)
        return self._once(idempotency_key, params, lambda: self._capture(payment_id, amount))  # type: ignore[no-any-return]

    def _capture(self, payment_id: str, amount: Money | None) -> PaymentIntentState:
        payment = self._payment(payment_id)
        state = payment.state
        if state.status != "requires_capture":
            raise _unexpected_state(state)
        value = state.amount.amount if amount is None else self._same_currency(amount, state.amount).amount
        if not 0 < value <= state.amount.amount:
            raise Declined(f"amount_to_capture must be 1..{state.amount.amount}", gateway_code="amount_too_large",
                           http_status=400)
        fee = value * self._fee_bp // 10_000
        payment.state = replace(state, status="succeeded", amount_captured=value, fee=fee)
        self._move("charge", Money(value, state.amount.currency), fee, state.charge_id)
        self._emit(EventType.PAYMENT_SUCCEEDED, self._payment_object(payment_id))
        return payment.state

    async def void(self, payment_id: str, *, idempotency_key: str) -> PaymentIntentState:
        return self._once(idempotency_key, ("void", payment_id), lambda: self._void(payment_id))  # type: ignore[no-any-return]

    def _void(self, payment_id: str) -> PaymentIntentState:
        payment = self._payment(payment_id)
        if payment.state.status not in ("requires_capture", "requires_payment_method"):
            raise _unexpected_state(payment.state)
        payment.state = replace(payment.state, status="canceled")
        self._emit(EventType.PAYMENT_CANCELED, self._payment_object(payment_id))
        return payment.state

    async def refund(self, payment_id: str, amount: Money, *, idempotency_key: str) -> RefundState:
        return self._once(idempotency_key, ("refund", payment_id, amount),  # type: ignore[no-any-return]
                          lambda: self._refund(payment_id, amount))

    def _refund(self, payment_id: str, amount: Money) -> RefundState:
        payment = self._payment(payment_id)
        state = payment.state
        if state.status != "succeeded":
            raise _unexpected_state(state)
        self._same_currency(amount, state.amount)
        left = state.amount_captured - state.amount_refunded
        if left == 0:
            raise Declined("the charge is already fully refunded", gateway_code="charge_already_refunded",
                           http_status=400)
        if not 0 < amount.amount <= left:
            raise Declined(f"the refund exceeds the unrefunded amount ({left})", gateway_code="amount_too_large",
                           http_status=400)
        refund = RefundState(self._new_id("re"), payment_id, amount, "succeeded")
        payment.state = replace(state, amount_refunded=state.amount_refunded + amount.amount,
                                refunds=(*state.refunds, refund))
        self._refunds[refund.id] = refund
        self._move("refund", Money(-amount.amount, amount.currency), 0, refund.id)
        self._emit(EventType.CHARGE_REFUNDED, {**self._payment_object(payment_id), "object": "charge",
                                               "id": state.charge_id, "payment_intent": payment_id})
        return refund

    async def payment(self, payment_id: str) -> PaymentIntentState:
        return self._payment(payment_id).state

    def _payment(self, payment_id: str) -> _Payment:
        payment = self._payments.get(payment_id)
        if payment is None:
            raise Declined(f"No such payment: {payment_id}", gateway_code="resource_missing", http_status=404)
        state = payment.state
        if state.status == "requires_capture" and state.capture_before and self._clock() >= state.capture_before:
            payment.state = replace(state, status="canceled")  # the authorization lapsed
            self._emit(EventType.PAYMENT_CANCELED, self._payment_object(payment_id))
        return payment

    # --- transfers ------------------------------------------------------------------------

    async def transfer(self, r: TransferRequest) -> TransferState:
        params = ("transfer", r.amount, r.destination, r.transfer_group, r.source_transaction,
                  tuple(sorted(r.metadata.items())))
        return self._once(r.idempotency_key, params, lambda: self._transfer(r))  # type: ignore[no-any-return]

    def _transfer(self, r: TransferRequest) -> TransferState:
        account = self._account(r.destination)
        if not account.state.details_submitted:
            raise Declined("the destination cannot receive transfers yet",
                           gateway_code="insufficient_capabilities_for_transfer", http_status=400)
        if r.amount.amount <= 0:
            raise Declined("the amount must be positive", gateway_code="amount_too_small", http_status=400)
        currency = r.amount.currency
        if r.source_transaction is not None:
            pid = self._charges.get(r.source_transaction)
            if pid is None:
                raise Declined(f"No such charge: {r.source_transaction}", gateway_code="resource_missing",
                               http_status=400)
            source = self._payments[pid]
            self._same_currency(r.amount, source.state.amount)
            left = source.state.amount_captured - source.state.amount_refunded - source.transferred
            if r.amount.amount > left:
                raise Declined("the transfer exceeds what the source charge still holds",
                               gateway_code="balance_insufficient", http_status=400)
            source.transferred += r.amount.amount
        elif self._balance.get(currency, 0) < r.amount.amount:
            raise Declined("Insufficient funds in the platform balance", gateway_code="balance_insufficient",
                           http_status=400)
        transfer = TransferState(self._new_id("tr"), r.amount, r.destination, r.transfer_group,
                                 r.source_transaction, 0)
        self._transfers[transfer.id] = transfer
        account.balance[currency] = account.balance.get(currency, 0) + r.amount.amount
        self._move("transfer", Money(-r.amount.amount, currency), 0, transfer.id)
        self._emit(EventType.TRANSFER_CREATED, transfer_object(transfer))
        return transfer

    async def reverse_transfer(self, transfer_id: str, amount: Money, *,
                               idempotency_key: str) -> TransferReversalState:
        return self._once(idempotency_key, ("reverse", transfer_id, amount),  # type: ignore[no-any-return]
                          lambda: self._reverse(transfer_id, amount))

    def _reverse(self, transfer_id: str, amount: Money) -> TransferReversalState:
        transfer = self._transfers.get(transfer_id)
        if transfer is None:
            raise Declined(f"No such transfer: {transfer_id}", gateway_code="resource_missing", http_status=404)
        self._same_currency(amount, transfer.amount)
        if not 0 < amount.amount <= transfer.amount.amount - transfer.amount_reversed:
            raise Declined("the reversal exceeds the amount not yet reversed", gateway_code="amount_too_large",
                           http_status=400)
        account = self._account(transfer.destination)
        if account.balance.get(amount.currency, 0) < amount.amount:
            raise Declined("the destination balance cannot cover the reversal", gateway_code="balance_insufficient",
                           http_status=400)
        account.balance[amount.currency] -= amount.amount
        self._transfers[transfer_id] = transfer = replace(
            transfer, amount_reversed=transfer.amount_reversed + amount.amount)
        reversal = TransferReversalState(self._new_id("trr"), transfer_id, amount)
        self._move("transfer_refund", amount, 0, reversal.id)
        self._emit(EventType.TRANSFER_REVERSED, transfer_object(transfer))
        return reversal

    # --- connected accounts and payouts ---------------------------------------------------

    async def create_account(self, r: AccountRequest) -> ConnectedAccount:
        params = ("account", r.country, r.email, r.business_type)
        return self._once(r.idempotency_key, params, self._create_account)  # type: ignore[no-any-return]

    def _create_account(self) -> ConnectedAccount:
        state = ConnectedAccount(self._new_id("acct"), payouts_enabled=False, charges_enabled=False,
                                 details_submitted=False, requirements_due=ONBOARDING_REQUIREMENTS)
        self._accounts[state.id] = _Account(state)
        return state

    async def onboarding_link(self, account_id: str, *, refresh_url: str, return_url: str) -> str:
        """A bearer link, like the provider's hosted onboarding: whoever opens it completes it."""
        self._account(account_id)
        token = self._link_tokens.setdefault(account_id, secrets.token_urlsafe(24))
        return f"{self._onboarding_base}/{account_id}?token={token}&return_url={quote(return_url, safe='')}"

    def open_onboarding_link(self, account_id: str, token: str) -> ConnectedAccount:
        """The payee opened the link (GET /v1/sandbox/onboarding/{account}) and filled it in."""
        expected = self._link_tokens.get(account_id)
        if expected is None or not secrets.compare_digest(expected.encode(), token.encode()):
            raise NotFound("No such onboarding link.")
        return self.complete_onboarding(account_id)

    def complete_onboarding(self, account_id: str) -> ConnectedAccount:
        """What the provider's hosted onboarding does once the payee has filled it in."""
        account = self._account(account_id)
        account.state = replace(account.state, payouts_enabled=True, charges_enabled=True, details_submitted=True,
                                requirements_due=())
        self._emit(EventType.ACCOUNT_UPDATED, account_object(account.state), account=account_id)
        return account.state

    async def account(self, account_id: str) -> ConnectedAccount:
        return self._account(account_id).state

    def account_balance(self, account_id: str, currency: str) -> int:
        return self._account(account_id).balance.get(currency, 0)

    def _account(self, account_id: str) -> _Account:
        account = self._accounts.get(account_id)
        if account is None:
            raise Declined(f"No such account: {account_id}", gateway_code="resource_missing", http_status=404)
        return account

    async def payout(self, account_id: str, amount: Money, *, idempotency_key: str) -> PayoutState:
        return self._once(idempotency_key, ("payout", account_id, amount),  # type: ignore[no-any-return]
                          lambda: self._payout(account_id, amount))

    def _payout(self, account_id: str, amount: Money) -> PayoutState:
        account = self._account(account_id)
        if not account.state.payouts_enabled:
            raise Declined("payouts are not enabled for this account", gateway_code="payouts_not_allowed",
                           http_status=400)
        if not 0 < amount.amount <= account.balance.get(amount.currency, 0):
            raise Declined("Insufficient funds in the account balance", gateway_code="balance_insufficient",
                           http_status=400)
        account.balance[amount.currency] -= amount.amount
        created = PayoutState(self._new_id("po"), account_id, amount, "pending")
        self._payouts[created.id] = replace(created, status="paid")  # the bank answers at once here
        self._emit(EventType.PAYOUT_CREATED, payout_object(created), account=account_id)
        self._emit(EventType.PAYOUT_PAID, payout_object(self._payouts[created.id]), account=account_id)
        return created

    async def balance_transactions(self, *, created_after: datetime) -> list[BalanceTransaction]:
        return [txn for txn in self._ledger if txn.created > created_after]

    # --- webhooks (sandbox_webhooks.py) -------------------------------------------------

    @property
    def events(self) -> list[dict[str, Any]]:
        return self._webhooks.events

    def verify_webhook(self, raw_body: bytes, signature_header: str | None) -> GatewayEvent:
        return self._webhooks.verify(raw_body, signature_header)

    def sign(self, raw_body: bytes, timestamp: int | None = None) -> str:
        return self._webhooks.sign(raw_body, timestamp)

    async def flush_webhooks(self, deliver: Deliver) -> int:
        return await self._webhooks.flush(deliver)

    async def deliver_forever(self, deliver: Deliver, retry_seconds: float = 5.0) -> None:
        await self._webhooks.deliver_forever(deliver, retry_seconds)

    async def close(self) -> None:
        return None

    # --- internals ------------------------------------------------------------------------

    def _once(self, key: str, params: tuple[Any, ...], run: Callable[[], Any]) -> Any:
        if not key or len(key) > 255:
            raise Declined("an idempotency key of 1-255 characters is required", gateway_code="parameter_invalid",
                           http_status=400)
        if key in self._keys:
            seen, outcome = self._keys[key]
            if seen != params:
                raise KeyReused(f"idempotency key {key!r} was used with other parameters",
                                gateway_code="idempotency_key_in_use", http_status=400)
            if isinstance(outcome, Exception):
                raise outcome
            return outcome
        try:
            result = run()
        except Declined as exc:
            self._keys[key] = (params, exc)
            raise
        self._keys[key] = (params, result)
        return result

    def _new_id(self, prefix: str) -> str:
        return f"{prefix}_sbx{next(self._ids):06d}{secrets.token_hex(3)}"

    def _same_currency(self, amount: Money, of: Money) -> Money:
        if amount.currency != of.currency:
            raise Declined(f"currency {amount.currency} does not match {of.currency}", gateway_code="currency_mismatch",
                           http_status=400)
        return amount

    def _move(self, kind: str, amount: Money, fee: int, source: str | None) -> None:
        self._balance[amount.currency] = self._balance.get(amount.currency, 0) + amount.amount - fee
        self._ledger.append(BalanceTransaction(self._new_id("txn"), kind, amount, fee, amount.amount - fee, source,
                                               self._clock()))

    def _payment_object(self, payment_id: str) -> dict[str, Any]:
        payment = self._payments[payment_id]
        state = payment.state
        return {"id": state.id, "object": "payment_intent", "status": state.status, "amount": state.amount.amount,
                "currency": state.amount.currency.lower(), "amount_received": state.amount_captured,
                "amount_refunded": state.amount_refunded, "latest_charge": state.charge_id,
                "transfer_group": payment.transfer_group, "metadata": dict(state.metadata)}

    def _emit(self, kind: EventType, obj: dict[str, Any], account: str | None = None) -> None:
        self._webhooks.emit(self._new_id("evt"), kind, obj, account)


def _unexpected_state(state: PaymentIntentState) -> Declined:
    return Declined(f"the payment is {state.status}", gateway_code="payment_intent_unexpected_state", http_status=400)
