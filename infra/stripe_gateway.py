"""StripeGateway: the payment gateway port over stripe-python's StripeClient (async methods on
its aiohttp client: the event loop is never blocked).

Separate charges and transfers: a PaymentIntent with `capture_method=manual` and the case's
`transfer_group`, captured (partially, if asked) later; one transfer per payee with the same
`transfer_group` and `source_transaction=<charge>`. Every POST carries the caller's stored
idempotency key (stripe-python would otherwise make a random one per call, lost on a crash),
and the client retries network errors itself `max_network_retries` times with that same key.

Amounts go to Stripe as our minor units unchanged (zero-decimal currencies such as JPY are
whole units already; Money refuses currencies we have no exponent for).

Payments and Connect may be served by different base addresses: in production both are
https://api.stripe.com; tests point payments at localstripe and Connect at FakeStripeConnect.

Lives in infra/ rather than domain/: it is an outbound adapter over an HTTP client.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import Any, TypeVar

import stripe

from domain.finance.gateway.port import (
    AccountRequest,
    AuthorizeRequest,
    BalanceTransaction,
    ConnectedAccount,
    Declined,
    DisputeState,
    GatewayError,
    GatewayEvent,
    KeyReused,
    PaymentIntentState,
    PaymentStatus,
    PayoutState,
    RefundState,
    RefundStatus,
    TransferRequest,
    TransferReversalState,
    TransferState,
    Unavailable,
    WebhookRejected,
)
from domain.shared.money import Money

STRIPE_API = "https://api.stripe.com"
# The charge comes with the PaymentIntent (amounts captured and refunded, capture_before).
EXPAND = ["latest_charge"]
WEBHOOK_TOLERANCE_SECONDS = 300
# The Stripe statuses a customer or Stripe still has to act on, as the port names them.
_STATUS: dict[str, PaymentStatus] = {
    "requires_payment_method": "requires_payment_method", "requires_confirmation": "requires_action",
    "requires_action": "requires_action", "processing": "processing", "requires_capture": "requires_capture",
    "succeeded": "succeeded", "canceled": "canceled",
}
_REFUND_STATUS: dict[str, RefundStatus] = {"pending": "pending", "requires_action": "pending",
                                          "succeeded": "succeeded", "failed": "failed", "canceled": "canceled"}
# Objects whose events concern a payment: the event's object_id is then the payment's id.
_PAYMENT_CHILDREN = {"charge", "refund", "dispute"}

T = TypeVar("T")


class StripeGateway:
    name = "stripe"
    webhook_signature_header = "Stripe-Signature"

    def __init__(self, *, secret_key: str, webhook_secret: str, api_base: str = STRIPE_API,
                 connect_api_base: str | None = None, max_network_retries: int = 2,
                 timeout_seconds: float = 30.0) -> None:
        self._http = stripe.AIOHTTPClient(timeout=timeout_seconds)
        self._webhook_secret = webhook_secret
        self._payments = stripe.StripeClient(secret_key, base_addresses={"api": api_base},
                                             max_network_retries=max_network_retries, http_client=self._http)
        connect_base = connect_api_base or api_base
        self._same_api = connect_base == api_base
        self._connect = self._payments if self._same_api else stripe.StripeClient(
            secret_key, base_addresses={"api": connect_base}, max_network_retries=max_network_retries,
            http_client=self._http)

    # --- payments -----------------------------------------------------------------------

    async def authorize(self, r: AuthorizeRequest) -> PaymentIntentState:
        params: dict[str, Any] = {
            "amount": r.amount.amount, "currency": r.amount.currency.lower(), "payment_method": r.payment_method,
            "capture_method": "manual", "confirm": True, "metadata": dict(r.metadata),
            "payment_method_types": ["card"], "expand": EXPAND,
        }
        if r.transfer_group:
            params["transfer_group"] = r.transfer_group
        intent = await _call(lambda: self._payments.v1.payment_intents.create_async(
            params, {"idempotency_key": r.idempotency_key}))  # type: ignore[arg-type]
        return await self._intent_state(intent.to_dict())

    async def capture(self, payment_id: str, amount: Money | None, *, idempotency_key: str) -> PaymentIntentState:
        params: dict[str, Any] = {"expand": EXPAND}
        if amount is not None:
            params["amount_to_capture"] = amount.amount
        intent = await _call(lambda: self._payments.v1.payment_intents.capture_async(
            payment_id, params, {"idempotency_key": idempotency_key}))  # type: ignore[arg-type]
        return await self._intent_state(intent.to_dict())

    async def void(self, payment_id: str, *, idempotency_key: str) -> PaymentIntentState:
        intent = await _call(lambda: self._payments.v1.payment_intents.cancel_async(
            payment_id, {"expand": EXPAND}, {"idempotency_key": idempotency_key}))
        return await self._intent_state(intent.to_dict())

    async def refund(self, payment_id: str, amount: Money, *, idempotency_key: str) -> RefundState:
        refund = (await _call(lambda: self._payments.v1.refunds.create_async(
            {"payment_intent": payment_id, "amount": amount.amount}, {"idempotency_key": idempotency_key}))).to_dict()
        status = _REFUND_STATUS.get(str(refund.get("status")), "pending")
        return RefundState(str(refund["id"]), str(refund.get("payment_intent") or payment_id),
                           _money(refund["amount"], refund["currency"]), status)

    async def payment(self, payment_id: str) -> PaymentIntentState:
        intent = await _call(lambda: self._payments.v1.payment_intents.retrieve_async(
            payment_id, {"expand": EXPAND}))
        return await self._intent_state(intent.to_dict())

    async def _intent_state(self, intent: dict[str, Any]) -> PaymentIntentState:
        latest = intent.get("latest_charge")
        charge: dict[str, Any] = latest if isinstance(latest, dict) else {}
        if isinstance(latest, str):  # not expanded (Stripe's default): fetch it for the amounts
            charge = (await _call(lambda: self._payments.v1.charges.retrieve_async(latest))).to_dict()
        if intent.get("amount_received") is not None:
            captured = int(intent["amount_received"])
        elif charge.get("amount_captured") is not None:
            captured = int(charge["amount_captured"])
        else:  # an API (or fake) without either field: a captured charge took its whole amount
            captured = int(charge.get("amount", 0)) if charge.get("captured") else 0
        card = (charge.get("payment_method_details") or {}).get("card") or {}
        capture_before = card.get("capture_before")
        refunds = tuple(
            RefundState(str(r["id"]), str(intent["id"]), _money(r["amount"], r["currency"]),
                        _REFUND_STATUS.get(str(r.get("status")), "pending"))
            for r in ((charge.get("refunds") or {}).get("data") or []) if isinstance(r, dict))
        return PaymentIntentState(
            id=str(intent["id"]), status=_STATUS.get(str(intent["status"]), "requires_payment_method"),
            amount=_money(intent["amount"], intent["currency"]), amount_captured=captured,
            amount_refunded=int(charge.get("amount_refunded") or 0), charge_id=charge.get("id"),
            capture_before=datetime.fromtimestamp(int(capture_before), UTC) if capture_before else None,
            metadata={str(k): str(v) for k, v in (intent.get("metadata") or {}).items()},
            fee=await self._fee_of(charge) if captured else None, refunds=refunds,
            card_country=str(card["country"]).upper() if card.get("country") else None)

    async def _fee_of(self, charge: dict[str, Any]) -> int | None:
        """Stripe's fee on the charge: its balance transaction's `fee` (None when not known yet)."""
        txn = charge.get("balance_transaction")
        if isinstance(txn, str):
            txn_id = txn
            try:
                txn = (await _call(lambda: self._payments.v1.balance_transactions.retrieve_async(txn_id))).to_dict()
            except GatewayError:
                return None  # asked again with the next refetch; nothing is booked meanwhile
        return int(txn["fee"]) if isinstance(txn, dict) and txn.get("fee") is not None else None

    # --- Connect: transfers, accounts, payouts -------------------------------------------

    async def transfer(self, r: TransferRequest) -> TransferState:
        params: dict[str, Any] = {
            "amount": r.amount.amount, "currency": r.amount.currency.lower(), "destination": r.destination,
            "transfer_group": r.transfer_group, "metadata": dict(r.metadata),
        }
        if r.source_transaction:
            params["source_transaction"] = r.source_transaction
        transfer = (await _call(lambda: self._connect.v1.transfers.create_async(
            params, {"idempotency_key": r.idempotency_key}))).to_dict()  # type: ignore[arg-type]
        return _transfer_state(transfer)

    async def reverse_transfer(self, transfer_id: str, amount: Money, *,
                               idempotency_key: str) -> TransferReversalState:
        reversal = (await _call(lambda: self._connect.v1.transfers.reversals.create_async(
            transfer_id, {"amount": amount.amount}, {"idempotency_key": idempotency_key}))).to_dict()
        return TransferReversalState(str(reversal["id"]), str(reversal.get("transfer") or transfer_id),
                                     _money(reversal["amount"], reversal["currency"]))

    async def dispute(self, dispute_id: str) -> DisputeState:
        # Served where Connect is: one address in production; in tests the Connect fake (localstripe has none).
        d = (await _call(lambda: self._connect.v1.disputes.retrieve_async(dispute_id))).to_dict()
        moves = [t for t in (d.get("balance_transactions") or []) if isinstance(t, dict)]
        charge, intent = d.get("charge"), d.get("payment_intent")
        return DisputeState(
            id=str(d["id"]), payment_id=intent if isinstance(intent, str) else (intent or {}).get("id"),
            charge_id=charge if isinstance(charge, str) else (charge or {}).get("id"),
            amount=_money(d["amount"], d["currency"]), status=str(d.get("status") or ""),
            reason=str(d.get("reason") or ""),
            withdrawn=sum(-int(t["amount"]) for t in moves if int(t["amount"]) < 0),
            reinstated=sum(int(t["amount"]) for t in moves if int(t["amount"]) > 0),
            fee=sum(int(t.get("fee") or 0) for t in moves if int(t.get("fee") or 0) > 0),
            fee_returned=sum(-int(t.get("fee") or 0) for t in moves if int(t.get("fee") or 0) < 0))

    async def create_account(self, r: AccountRequest) -> ConnectedAccount:
        params: dict[str, Any] = {"type": "express", "country": r.country, "email": r.email,
                                  "business_type": r.business_type,
                                  "capabilities": {"transfers": {"requested": True}}}
        account = await _call(lambda: self._connect.v1.accounts.create_async(
            params, {"idempotency_key": r.idempotency_key}))  # type: ignore[arg-type]
        return _account_state(account.to_dict())

    async def onboarding_link(self, account_id: str, *, refresh_url: str, return_url: str) -> str:
        link = await _call(lambda: self._connect.v1.account_links.create_async({
            "account": account_id, "refresh_url": refresh_url, "return_url": return_url,
            "type": "account_onboarding"}))
        return str(link.url)

    async def account(self, account_id: str) -> ConnectedAccount:
        return _account_state((await _call(lambda: self._connect.v1.accounts.retrieve_async(account_id))).to_dict())

    async def payout(self, account_id: str, amount: Money, *, idempotency_key: str) -> PayoutState:
        payout = (await _call(lambda: self._connect.v1.payouts.create_async(
            {"amount": amount.amount, "currency": amount.currency.lower()},
            {"idempotency_key": idempotency_key, "stripe_account": account_id}))).to_dict()
        status = str(payout.get("status") or "pending")
        return PayoutState(str(payout["id"]), account_id, _money(payout["amount"], payout["currency"]),
                           status if status in ("pending", "in_transit", "paid", "failed", "canceled")  # type: ignore[arg-type]
                           else "pending")

    async def balance_transactions(self, *, created_after: datetime) -> list[BalanceTransaction]:
        clients = [self._payments] if self._same_api else [self._payments, self._connect]
        found: dict[str, BalanceTransaction] = {}
        for client in clients:
            page = await _call(lambda c=client: c.v1.balance_transactions.list_async(  # type: ignore[misc]
                {"created": {"gt": int(created_after.timestamp())}, "limit": 100}))
            async for txn in page.auto_paging_iter():
                item = txn.to_dict()
                if int(item["created"]) <= created_after.timestamp():
                    continue  # an API that ignores the filter
                source = item.get("source")
                found[str(item["id"])] = BalanceTransaction(
                    id=str(item["id"]), type=str(item["type"]), amount=_money(item["amount"], item["currency"]),
                    fee=int(item.get("fee") or 0), net=int(item.get("net", item["amount"])),
                    source=source if isinstance(source, str) else (source or {}).get("id"),
                    created=datetime.fromtimestamp(int(item["created"]), UTC))
        return sorted(found.values(), key=lambda txn: (txn.created, txn.id))

    # --- webhooks -------------------------------------------------------------------------

    def verify_webhook(self, raw_body: bytes, signature_header: str | None) -> GatewayEvent:
        """stripe.Webhook.construct_event: the signature over the raw bytes is checked (300 s
        tolerance) before the body is parsed at all."""
        try:
            event = stripe.Webhook.construct_event(raw_body, signature_header, self._webhook_secret,
                                                   tolerance=WEBHOOK_TOLERANCE_SECONDS).to_dict()
            obj = event["data"]["object"]
            object_id = obj["id"]
            if obj.get("object") in _PAYMENT_CHILDREN and isinstance(obj.get("payment_intent"), str):
                object_id = obj["payment_intent"]
            return GatewayEvent(id=str(event["id"]), type=str(event["type"]), object_id=str(object_id),
                                account=event.get("account"),
                                created=datetime.fromtimestamp(int(event["created"]), UTC), payload=event)
        except (stripe.SignatureVerificationError, ValueError, KeyError, TypeError) as exc:
            raise WebhookRejected(f"webhook rejected: {exc}") from None

    async def close(self) -> None:
        await self._http.close_async()  # type: ignore[no-untyped-call]


async def _call(request: Callable[[], Awaitable[T]]) -> T:
    """One Stripe request, its errors in the port's terms."""
    try:
        return await request()
    except stripe.StripeError as exc:
        raise gateway_error(exc) from exc


def gateway_error(exc: stripe.StripeError) -> GatewayError:
    status = exc.http_status
    code = getattr(exc, "code", None)
    message = exc.user_message or str(exc)
    if isinstance(exc, stripe.IdempotencyError):
        return KeyReused(message, gateway_code=code or "idempotency_error", http_status=status)
    if isinstance(exc, stripe.CardError) or status == 402:
        body = exc.json_body if isinstance(exc.json_body, dict) else {}
        error = body.get("error") or {}
        return Declined(message, gateway_code=code or "card_declined", http_status=status,
                        decline_code=error.get("decline_code"))
    if isinstance(exc, (stripe.APIConnectionError, stripe.RateLimitError, stripe.AuthenticationError,
                        stripe.PermissionError)) or status is None or status in (409, 429) or status >= 500:
        # unknown outcome, or refused before anything ran (keys, rate): the same key stays good
        return Unavailable(message, gateway_code=code, http_status=status)
    if isinstance(exc, stripe.InvalidRequestError) or 400 <= status < 500:
        return Declined(message, gateway_code=code or "invalid_request", http_status=status)
    return GatewayError(message, gateway_code=code, http_status=status)


def _money(amount: Any, currency: Any) -> Money:
    return Money(int(amount), str(currency).upper())


def _transfer_state(t: dict[str, Any]) -> TransferState:
    return TransferState(id=str(t["id"]), amount=_money(t["amount"], t["currency"]),
                         destination=str(t["destination"]), transfer_group=t.get("transfer_group"),
                         source_transaction=t.get("source_transaction"),
                         amount_reversed=int(t.get("amount_reversed") or 0))


def _account_state(a: dict[str, Any]) -> ConnectedAccount:
    requirements = a.get("requirements") or {}
    return ConnectedAccount(id=str(a["id"]), payouts_enabled=bool(a.get("payouts_enabled")),
                            charges_enabled=bool(a.get("charges_enabled")),
                            details_submitted=bool(a.get("details_submitted")),
                            requirements_due=tuple(requirements.get("currently_due") or ()))
