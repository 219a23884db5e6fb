"""FakeStripeConnect: the Stripe Connect endpoints localstripe lacks, on a loopback aiohttp
server, with real state and Stripe's rules, answering with objects shaped like Stripe's own
examples (tests/support/stripe_fixtures.json) so stripe-python parses them as the real API's.

  /v1/accounts, /v1/accounts/{id}, /v1/account_links, /v1/transfers, /v1/transfers/{id},
  /v1/transfers/{id}/reversals, /v1/payouts (on a connected account: Stripe-Account header),
  /v1/balance_transactions, /v1/disputes/{id}

Rules: a transfer needs a destination that finished onboarding; with `source_transaction` it
may not exceed what the charge (looked up on the payments API, localstripe) still holds after
refunds and earlier transfers, without one the platform balance must cover it; a reversal only
up to the amount not yet reversed and only while the destination balance covers it; payouts
only when payouts are enabled and the balance covers them. Idempotency-Key: the same key and
parameters replay the saved response (status and body), other parameters -> 400
idempotency_error. Fault injection: `fail_next` (e.g. a 402 decline or a 500) and
`drop_after_commit` (the object is made and its response saved, then the connection is cut).
"""

from __future__ import annotations

import copy
import itertools
import json
import secrets
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import aiohttp
from aiohttp import web

# Stripe's example objects (stripe/openapi fixtures3.json, MIT; the file names its source).
FIXTURES = Path(__file__).with_name("stripe_fixtures.json")


def _fixtures() -> dict[str, Any]:
    return dict(json.loads(FIXTURES.read_text())["resources"])


@dataclass
class Fault:
    path_prefix: str
    times: int
    status: int = 0               # 0: drop the connection after committing
    body: dict[str, Any] = field(default_factory=dict)


class StripeError(Exception):
    def __init__(self, status: int, type_: str, message: str, code: str | None = None, **extra: Any) -> None:
        super().__init__(message)
        self.status = status
        self.body = {"error": {"type": type_, "message": message, **({"code": code} if code else {}), **extra}}


class FakeStripeConnect:
    def __init__(self, payments_base: str | None = None, api_key: str = "sk_test_fake") -> None:
        self.payments_base = payments_base
        self.api_key = api_key
        self.fixtures = _fixtures()
        self.accounts: dict[str, dict[str, Any]] = {}
        self.balances: dict[str, dict[str, int]] = {}       # account -> currency -> available
        self.platform_balance: dict[str, int] = {}
        self.transfers: dict[str, dict[str, Any]] = {}
        self.payouts: dict[str, dict[str, Any]] = {}
        self.disputes: dict[str, dict[str, Any]] = {}
        self.balance_transactions: list[dict[str, Any]] = []
        self.transferred_from: dict[str, int] = {}          # charge -> amount transferred from it
        self.requests: list[tuple[str, str, str | None]] = []  # method, path, idempotency key
        self._saved: dict[tuple[str | None, str], tuple[tuple[Any, ...], int, dict[str, Any]]] = {}
        self._faults: list[Fault] = []
        self._ids = itertools.count(1)
        self._runner: web.AppRunner | None = None
        self._session: aiohttp.ClientSession | None = None
        self.port = 0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    async def start(self) -> FakeStripeConnect:
        app = web.Application()
        app.router.add_route("*", "/v1/{tail:.*}", self._dispatch)
        app.router.add_get("/onboarding/{account}", self._onboarding_page)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        return self

    async def stop(self) -> None:
        if self._session is not None:
            await self._session.close()
        if self._runner is not None:
            await self._runner.cleanup()

    # --- test controls ------------------------------------------------------------------

    def fail_next(self, path_prefix: str, *, status: int = 402, type_: str = "card_error",
                  code: str = "card_declined", message: str = "Your card was declined.", times: int = 1) -> None:
        self._faults.append(Fault(path_prefix, times, status,
                                  {"error": {"type": type_, "code": code, "message": message}}))

    def drop_after_commit(self, path_prefix: str, *, times: int = 1) -> None:
        self._faults.append(Fault(path_prefix, times))

    def complete_onboarding(self, account_id: str) -> None:
        account = self.accounts[account_id]
        account.update(details_submitted=True, charges_enabled=True, payouts_enabled=True)
        account["requirements"] = {**account["requirements"], "currently_due": [], "eventually_due": [],
                                   "past_due": [], "disabled_reason": None}
        account["capabilities"] = {"card_payments": "active", "transfers": "active"}

    async def create_dispute(self, charge_id: str, amount: int | None = None,
                             reason: str = "fraudulent", fee: int = 1500) -> dict[str, Any]:
        """A cardholder disputes a charge (on localstripe): the dispute object Stripe would make,
        its funds and the dispute fee withdrawn from the platform (a balance transaction)."""
        charge = await self._charge(charge_id)
        dispute = copy.deepcopy(self.fixtures["dispute"])
        value = amount if amount is not None else int(charge["amount"])
        withdrawn = self._txn("adjustment", -value, charge["currency"], "", fee=fee)
        dispute.update(id=self._new_id("dp"), amount=value, currency=charge["currency"], charge=charge_id,
                       payment_intent=charge.get("payment_intent"), created=_now(), reason=reason,
                       status="needs_response", balance_transactions=[withdrawn], metadata={})
        withdrawn["source"] = dispute["id"]
        dispute["evidence_details"] = {**dispute["evidence_details"], "due_by": _now() + 7 * 86400}
        self.disputes[dispute["id"]] = dispute
        return dispute

    def close_dispute(self, dispute_id: str, status: str = "lost") -> dict[str, Any]:
        dispute = self.disputes[dispute_id]
        dispute["status"] = status
        if status == "won":
            dispute["balance_transactions"].append(
                self._txn("adjustment", dispute["amount"], dispute["currency"], dispute_id))
        return dispute

    @staticmethod
    def event(kind: str, obj: dict[str, Any], account: str | None = None) -> bytes:
        """A Stripe event wrapping `obj`, as the raw body a webhook would carry."""
        return json.dumps({"id": f"evt_fake{secrets.token_hex(8)}", "object": "event", "type": kind,
                           "api_version": "2024-06-20", "created": _now(), "livemode": False, "account": account,
                           "pending_webhooks": 1, "data": {"object": obj}}).encode()

    def posts(self, path_prefix: str) -> list[tuple[str, str, str | None]]:
        return [r for r in self.requests if r[0] == "POST" and r[1].startswith(path_prefix)]

    # --- HTTP ---------------------------------------------------------------------------

    async def _onboarding_page(self, request: web.Request) -> web.StreamResponse:
        self.complete_onboarding(request.match_info["account"])
        return web.Response(text="onboarding complete")

    async def _dispatch(self, request: web.Request) -> web.StreamResponse:
        path = "/" + request.match_info["tail"].rstrip("/")
        path = "/v1" + path
        key = request.headers.get("Idempotency-Key")
        self.requests.append((request.method, path, key))
        if request.headers.get("Authorization") != f"Bearer {self.api_key}":
            return _json(401, {"error": {"type": "invalid_request_error", "message": "Invalid API Key provided"}})
        params = dict((await request.post()) if request.method == "POST" else request.query)
        on_account = request.headers.get("Stripe-Account")
        fingerprint = (request.method, path, on_account, tuple(sorted(params.items())))
        if request.method == "POST" and key:
            saved = self._saved.get((on_account, key))
            if saved is not None:
                if saved[0] != fingerprint:
                    return _json(400, {"error": {
                        "type": "idempotency_error",
                        "message": "Keys for idempotent requests can only be used with the same parameters they "
                                   f"were first used with. Try using a key other than '{key}' if you meant to "
                                   "execute a different request."}})
                return _json(saved[1], saved[2], replayed=True)
        fault = self._take_fault(request.method, path)
        if fault is not None and fault.status:
            status, body = fault.status, fault.body
        else:
            try:
                status, body = 200, await self._route(request.method, path, params, on_account)
            except StripeError as exc:
                status, body = exc.status, exc.body
        if request.method == "POST" and key and status < 500:
            self._saved[(on_account, key)] = (fingerprint, status, body)
        if fault is not None and not fault.status:  # committed; the response is lost on the way
            assert request.transport is not None
            request.transport.abort()
            raise ConnectionResetError("dropped after commit (fault injection)")
        return _json(status, body)

    def _take_fault(self, method: str, path: str) -> Fault | None:
        if method != "POST":
            return None
        for fault in self._faults:
            if path.startswith(fault.path_prefix) and fault.times > 0:
                fault.times -= 1
                return fault
        return None

    async def _route(self, method: str, path: str, params: dict[str, str], on_account: str | None) -> dict[str, Any]:
        parts = path.strip("/").split("/")[1:]
        match (method, parts):
            case ("POST", ["accounts"]):
                return self._create_account(params)
            case ("GET", ["accounts", account_id]):
                return self._account(account_id)
            case ("POST", ["account_links"]):
                account_id = self._account(params.get("account", ""))["id"]
                return {**self.fixtures["account_link"], "created": _now(), "expires_at": _now() + 300,
                        "url": f"{self.url}/onboarding/{account_id}"}
            case ("POST", ["transfers"]):
                return await self._create_transfer(params)
            case ("GET", ["transfers", transfer_id]):
                return self._transfer(transfer_id)
            case ("POST", ["transfers", transfer_id, "reversals"]):
                return self._reverse(transfer_id, params)
            case ("POST", ["payouts"]):
                return self._payout(on_account, params)
            case ("GET", ["balance_transactions"]):
                after = int(params.get("created[gt]", "0"))
                data = [txn for txn in self.balance_transactions if txn["created"] > after]
                return {"object": "list", "data": data, "has_more": False, "url": "/v1/balance_transactions"}
            case ("GET", ["disputes", dispute_id]) if dispute_id in self.disputes:
                return self.disputes[dispute_id]
        raise StripeError(404, "invalid_request_error", f"Unrecognized request URL ({method}: {path})")

    # --- resources ----------------------------------------------------------------------

    def _new_id(self, prefix: str) -> str:
        return f"{prefix}_fake{next(self._ids):05d}{secrets.token_hex(4)}"

    def _create_account(self, params: dict[str, str]) -> dict[str, Any]:
        account = copy.deepcopy(self.fixtures["account"])
        account_id = self._new_id("acct")
        account.update(id=account_id, created=_now(), email=params.get("email"), country=params.get("country", "US"),
                       business_type=params.get("business_type"), charges_enabled=False, payouts_enabled=False,
                       details_submitted=False, metadata=_nested(params, "metadata"))
        account["capabilities"] = {"card_payments": "inactive", "transfers": "inactive"}
        account["external_accounts"]["url"] = f"/v1/accounts/{account_id}/external_accounts"
        self.accounts[account_id] = account
        self.balances[account_id] = {}
        return account

    def _account(self, account_id: str) -> dict[str, Any]:
        if account_id not in self.accounts:
            raise StripeError(404, "invalid_request_error", f"No such account: '{account_id}'",
                              code="resource_missing", param="account")
        return self.accounts[account_id]

    def _transfer(self, transfer_id: str) -> dict[str, Any]:
        if transfer_id not in self.transfers:
            raise StripeError(404, "invalid_request_error", f"No such transfer: '{transfer_id}'",
                              code="resource_missing", param="id")
        return self.transfers[transfer_id]

    async def _create_transfer(self, params: dict[str, str]) -> dict[str, Any]:
        amount, currency = _amount(params), params.get("currency", "").lower()
        destination = self._account(params.get("destination", ""))
        if destination["capabilities"].get("transfers") != "active":
            raise StripeError(400, "invalid_request_error",
                              "Your destination account needs to have at least one of the following capabilities "
                              "enabled: transfers, crypto_transfers, legacy_payments",
                              code="insufficient_capabilities_for_transfer", param="destination")
        source = params.get("source_transaction")
        if source:
            charge = await self._charge(source)
            if charge["currency"] != currency:
                raise StripeError(400, "invalid_request_error", "The currency of source_transaction's balance "
                                  "transaction must be the same as the transfer currency.", param="currency")
            held = int(charge.get("amount_captured") or charge["amount"]) - int(charge.get("amount_refunded") or 0)
            if not charge.get("captured") or amount > held - self.transferred_from.get(source, 0):
                raise StripeError(400, "invalid_request_error", "Insufficient funds in the source transaction",
                                  code="balance_insufficient", param="amount")
            self.transferred_from[source] = self.transferred_from.get(source, 0) + amount
        elif self.platform_balance.get(currency, 0) < amount:
            raise StripeError(400, "invalid_request_error", "You have insufficient available funds in your Stripe "
                              "account.", code="balance_insufficient")
        else:
            self.platform_balance[currency] -= amount
        transfer = copy.deepcopy(self.fixtures["transfer"])
        transfer_id = self._new_id("tr")
        txn = self._txn("transfer", -amount, currency, transfer_id)
        transfer.update(id=transfer_id, amount=amount, currency=currency, destination=destination["id"],
                        created=_now(), transfer_group=params.get("transfer_group"), source_transaction=source,
                        metadata=_nested(params, "metadata"), balance_transaction=txn["id"], amount_reversed=0,
                        reversed=False, destination_payment=self._new_id("py"))
        transfer["reversals"] = {"object": "list", "data": [], "has_more": False,
                                 "url": f"/v1/transfers/{transfer_id}/reversals"}
        self.transfers[transfer_id] = transfer
        balance = self.balances[destination["id"]]
        balance[currency] = balance.get(currency, 0) + amount
        return transfer

    def _reverse(self, transfer_id: str, params: dict[str, str]) -> dict[str, Any]:
        transfer = self._transfer(transfer_id)
        left = transfer["amount"] - transfer["amount_reversed"]
        amount = _amount(params) if "amount" in params else left
        if left == 0 or not 0 < amount <= left:
            raise StripeError(400, "invalid_request_error", "Transfer reversal amount exceeds the amount left on "
                              "the transfer" if left else "This transfer has already been fully reversed.",
                              code="amount_too_large" if left else "transfer_already_reversed", param="amount")
        balance = self.balances[transfer["destination"]]
        if balance.get(transfer["currency"], 0) < amount:
            raise StripeError(400, "invalid_request_error", "Insufficient funds in the destination account to "
                              "reverse this transfer.", code="balance_insufficient")
        balance[transfer["currency"]] -= amount
        reversal = copy.deepcopy(self.fixtures["transfer_reversal"])
        reversal_id = self._new_id("trr")
        txn = self._txn("transfer_refund", amount, transfer["currency"], reversal_id)
        reversal.update(id=reversal_id, amount=amount, currency=transfer["currency"], transfer=transfer_id,
                        created=_now(), balance_transaction=txn["id"], metadata=_nested(params, "metadata"))
        transfer["amount_reversed"] += amount
        transfer["reversed"] = transfer["amount_reversed"] == transfer["amount"]
        transfer["reversals"]["data"].append(reversal)
        return reversal

    def _payout(self, account_id: str | None, params: dict[str, str]) -> dict[str, Any]:
        if account_id is None:
            raise StripeError(400, "invalid_request_error", "Platform payouts are not part of this fake")
        account = self._account(account_id)
        amount, currency = _amount(params), params.get("currency", "").lower()
        if not account["payouts_enabled"]:
            raise StripeError(400, "invalid_request_error", "Payouts are not enabled for this account",
                              code="payouts_not_allowed")
        balance = self.balances[account_id]
        if balance.get(currency, 0) < amount:
            raise StripeError(400, "invalid_request_error", "You have insufficient funds in your Stripe account "
                              "for this transfer.", code="balance_insufficient")
        balance[currency] -= amount
        payout = copy.deepcopy(self.fixtures["payout"])
        payout.update(id=self._new_id("po"), amount=amount, currency=currency, created=_now(),
                      arrival_date=_now() + 86400, status="pending", automatic=False,
                      balance_transaction=self._new_id("txn"), metadata=_nested(params, "metadata"))
        self.payouts[payout["id"]] = payout
        return payout

    def _txn(self, kind: str, amount: int, currency: str, source: str, fee: int = 0) -> dict[str, Any]:
        txn = copy.deepcopy(self.fixtures["balance_transaction"])
        txn.update(id=self._new_id("txn"), amount=amount, net=amount - fee, fee=fee, fee_details=[], currency=currency,
                   created=_now(), available_on=_now(), type=kind, reporting_category=kind, source=source,
                   description=None)
        self.balance_transactions.append(txn)
        return txn

    async def _charge(self, charge_id: str) -> dict[str, Any]:
        if self.payments_base is None:
            raise StripeError(400, "invalid_request_error", f"No such charge: '{charge_id}'", code="resource_missing")
        if self._session is None:
            self._session = aiohttp.ClientSession()
        async with self._session.get(f"{self.payments_base}/v1/charges/{charge_id}",
                                     headers={"Authorization": f"Bearer {self.api_key}"}) as response:
            if response.status != 200:
                raise StripeError(400, "invalid_request_error", f"No such charge: '{charge_id}'",
                                  code="resource_missing", param="source_transaction")
            return dict(await response.json())


def _json(status: int, body: dict[str, Any], replayed: bool = False) -> web.Response:
    headers = {"Request-Id": f"req_{secrets.token_hex(6)}"}
    if replayed:
        headers["Idempotent-Replayed"] = "true"
    return web.json_response(body, status=status, headers=headers)


def _now() -> int:
    return int(time.time())


def _amount(params: dict[str, str]) -> int:
    try:
        amount = int(params.get("amount", ""))
    except ValueError:
        raise StripeError(400, "invalid_request_error", "Invalid integer: amount", code="parameter_invalid_integer",
                          param="amount") from None
    if amount <= 0:
        raise StripeError(400, "invalid_request_error", "This value must be greater than or equal to 1.",
                          code="parameter_invalid_integer", param="amount")
    return amount


def _nested(params: dict[str, str], name: str) -> dict[str, str]:
    prefix = f"{name}["
    return {key[len(prefix):-1]: value for key, value in params.items() if key.startswith(prefix)}
