"""The payment gateway, chosen once from settings, its webhook inbox and their lifecycles.

`GATEWAY_EVENT_HANDLERS` is the table of who applies which provider event (exact type or a
prefix ending in "."), like app/subscriptions.py is for our own events: the payment code adds
its rows (`"payment_intent.": cases.apply_payment_event`, ...). While it is empty no inbox
worker runs and stored events wait, pending, for their handler.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable, Mapping

from aiohttp import web

from app.settings import Settings
from domain.finance.gateway.inbox import Apply, EventRouter, InboxConfig, InboxWorker, WebhookInbox
from domain.finance.gateway.port import PaymentGateway
from domain.finance.gateway.sandbox import SandboxGateway
from infra.periodic import periodic_context

Context = Callable[[web.Application], AsyncIterator[None]]

GATEWAY_EVENT_HANDLERS: Mapping[str, Apply] = {}


def make_gateway(settings: Settings) -> PaymentGateway:
    if settings.payment_gateway == "stripe":
        # Imported here: the stripe SDK costs start-up time that sandbox deployments (and every
        # test server) would pay for nothing.
        from infra.stripe_gateway import StripeGateway

        assert settings.stripe_secret_key and settings.stripe_webhook_secret  # checked by settings
        return StripeGateway(
            secret_key=settings.stripe_secret_key.get_secret_value(),
            webhook_secret=settings.stripe_webhook_secret.get_secret_value(),
            api_base=settings.stripe_api_base, connect_api_base=settings.stripe_connect_api_base,
            max_network_retries=settings.stripe_max_network_retries, timeout_seconds=settings.stripe_timeout_seconds)
    base = settings.public_base_url or f"http://{settings.host}:{settings.port}"
    return SandboxGateway(webhook_secret=settings.sandbox_webhook_secret.get_secret_value(),
                          onboarding_base_url=f"{base.rstrip('/')}/v1/sandbox/onboarding")


def make_inbox_worker(settings: Settings, handlers: Mapping[str, Apply]) -> InboxWorker | None:
    if not handlers:
        return None
    return InboxWorker(EventRouter(handlers), InboxConfig(
        batch=settings.gateway_events_batch, lease_seconds=settings.gateway_events_lease_seconds,
        max_attempts=settings.gateway_events_max_attempts))


def gateway_contexts(settings: Settings, gateway: PaymentGateway, inbox: WebhookInbox,
                     worker: InboxWorker | None) -> list[Context]:
    """The gateway's client closes last; the sandbox delivers its webhooks to our own inbox
    (signed, verified like any provider's); the inbox worker applies stored events."""
    contexts: list[Context] = [_closing(gateway)]
    if isinstance(gateway, SandboxGateway):
        contexts.append(_sandbox_delivery(gateway, inbox))
    if worker is not None:
        contexts.append(periodic_context("gateway_events", settings.gateway_events_poll_interval_ms / 1000,
                                         worker.run_once, run_at_start=True,
                                         start_delay_seconds=settings.jobs_start_delay_seconds))
    return contexts


def _closing(gateway: PaymentGateway) -> Context:
    async def context(_app: web.Application) -> AsyncIterator[None]:
        yield
        await gateway.close()

    return context


def _sandbox_delivery(sandbox: SandboxGateway, inbox: WebhookInbox) -> Context:
    async def deliver(body: bytes, signature: str) -> bool:
        await inbox.receive(sandbox.name, body, signature)
        return True

    async def context(_app: web.Application) -> AsyncIterator[None]:
        task = asyncio.create_task(sandbox.deliver_forever(deliver), name="sandbox_webhooks")
        yield
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)

    return context
