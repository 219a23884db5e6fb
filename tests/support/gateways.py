"""The two gateways behind one harness, so one behavioural test runs on both: the Stripe
adapter (localstripe for payments, FakeStripeConnect for Connect) and the in-process sandbox."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass

from domain.finance.gateway.port import PaymentGateway
from domain.finance.gateway.sandbox import SandboxGateway
from infra.stripe_gateway import StripeGateway
from tests.support.stripe_connect_fake import FakeStripeConnect
from tests.support.stripe_services import LOCALSTRIPE_KEY

WEBHOOK_SECRET = "whsec_test_" + "s" * 24


@dataclass
class Harness:
    gateway: PaymentGateway
    sandbox: SandboxGateway | None = None
    connect: FakeStripeConnect | None = None

    @property
    def strict_payments(self) -> bool:
        """localstripe accepts a capture after a void and refunds beyond the charge, and ignores
        Idempotency-Key (FINANCE.md 5.1); those rules are checked on the sandbox only."""
        return self.sandbox is not None

    def complete_onboarding(self, account_id: str) -> None:
        if self.sandbox is not None:
            self.sandbox.complete_onboarding(account_id)
        else:
            assert self.connect is not None
            self.connect.complete_onboarding(account_id)


@asynccontextmanager
async def stripe_harness(localstripe_url: str, *, max_network_retries: int = 2) -> AsyncIterator[Harness]:
    connect = await FakeStripeConnect(payments_base=localstripe_url, api_key=LOCALSTRIPE_KEY).start()
    gateway = StripeGateway(secret_key=LOCALSTRIPE_KEY, webhook_secret=WEBHOOK_SECRET, api_base=localstripe_url,
                            connect_api_base=connect.url, max_network_retries=max_network_retries,
                            timeout_seconds=10)
    try:
        yield Harness(gateway, connect=connect)
    finally:
        await gateway.close()
        await connect.stop()


@asynccontextmanager
async def sandbox_harness() -> AsyncIterator[Harness]:
    sandbox = SandboxGateway(webhook_secret=WEBHOOK_SECRET)
    yield Harness(sandbox, sandbox=sandbox)
