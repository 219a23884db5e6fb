"""The payment case's happy path on the Stripe adapter (localstripe for the PaymentIntent, the
Connect fake for the transfer), through the real stripe-python client: checkout authorizes,
the provider's accept captures, completion releases after the window, one transfer pays the
provider and the ledger balances."""

from __future__ import annotations

from datetime import timedelta

from domain.finance import ledger
from domain.finance.cases.models import PaymentCase
from domain.finance.cases.services import register_payout_destination
from domain.finance.gateway.port import AccountRequest
from domain.finance.operations.models import FinanceOperation, OpKind, OpStatus
from domain.shared.clock import utcnow
from tests.support.bookings import book, build_market, ok
from tests.support.gateways import WEBHOOK_SECRET
from tests.support.stripe_connect_fake import FakeStripeConnect
from tests.support.stripe_services import LOCALSTRIPE_KEY
from tests.test_finance_cases import FAST, balance, checkout, payments_of, run_to, until_state


async def test_checkout_to_payout_on_the_stripe_adapter(make_client, services):
    connect = await FakeStripeConnect(payments_base=services.localstripe_url, api_key=LOCALSTRIPE_KEY).start()
    try:
        client = await make_client(
            **FAST, payment_gateway="stripe", stripe_secret_key=LOCALSTRIPE_KEY, stripe_webhook_secret=WEBHOOK_SECRET,
            stripe_api_base=services.localstripe_url, stripe_connect_api_base=connect.url)
        m = await build_market(client)
        payments = payments_of(client)
        assert payments.gateway.name == "stripe"
        account = await payments.gateway.create_account(AccountRequest(
            country="GB", email="pipes@example.test", business_type="company", idempotency_key=f"acct:{m.org_id}"))
        connect.complete_onboarding(account.id)

        async def destination(owner: str) -> str | None:
            return account.id if owner == f"org:{m.org_id}" else None

        unregister = register_payout_destination(destination)
        try:
            booking = await ok(await book(client, m), 201)
            paid = await checkout(client, m, booking)
            assert paid["state"] == "authorized"
            case = await PaymentCase.get(id=paid["id"])
            assert case.payment_id and case.payment_id.startswith("pi_")
            await run_to(client, m, booking, "accept")
            held = await until_state(client, m, booking["id"], "held")
            assert held["captured"]["amount"] == 4725
            intent = await payments.gateway.payment(case.payment_id)
            assert intent.status == "succeeded" and intent.amount_captured == 4725
            await run_to(client, m, booking, "schedule", "start", "complete")
            await until_state(client, m, booking["id"], "release_pending")
            assert await payments.release_due(utcnow() + timedelta(days=3)) == 1
            await until_state(client, m, booking["id"], "paid_out")
            transfer = await FinanceOperation.get(case_id=case.id, op=OpKind.TRANSFER)
            assert transfer.status is OpStatus.SUCCEEDED and transfer.result["destination"] == account.id
            assert transfer.params["source_transaction"] == intent.charge_id
            assert await balance(ledger.AccountKind.PROVIDER_PAYABLE, f"org:{m.org_id}") == 0
            assert await balance(ledger.AccountKind.CASE_HELD, f"case:{case.id}") == 0
        finally:
            unregister()
    finally:
        await connect.stop()
