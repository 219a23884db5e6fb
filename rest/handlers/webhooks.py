"""Payment provider webhooks: `POST /v1/webhooks/{gateway}`; the email provider's bounce and
complaint reports: `POST /v1/webhooks/email/{provider}`; and, on the sandbox gateway only,
the page its onboarding links open: `GET /v1/sandbox/onboarding/{account}`.

The body is read RAW and handed to the gateway's signature check before anything parses it
(a re-serialized body would not verify). A verified event is stored once in the inbox and
answered 200, a duplicate too (the provider stops resending); a forged, stale or unsigned one
gets 400 and nothing is stored."""

from __future__ import annotations

from pydantic import BaseModel, Field

from domain.finance.gateway.sandbox import SandboxGateway
from domain.notifications.email import SIGNATURE_HEADER
from domain.shared.errors import ErrorCode, NotFound
from rest.routing import ApiRequest, RouteTable

routes = RouteTable(tags=("webhooks",))


class WebhookReceipt(BaseModel):
    received: bool = Field(True, description="Always true: the event is stored (now or before).")
    duplicate: bool = Field(description="True when this event id was stored before.")


@routes.post("/webhooks/{gateway}", response=WebhookReceipt,
             errors=(ErrorCode.BAD_REQUEST, ErrorCode.NOT_FOUND),
             summary="Receive a signed event from the payment provider")
async def receive_webhook(req: ApiRequest[None, None]) -> WebhookReceipt:
    inbox = req.deps.webhooks
    if inbox is None:
        raise NotFound()
    gateway = inbox.gateway(req.params["gateway"])
    raw = await req.request.read()
    stored = await inbox.receive(gateway.name, raw, req.request.headers.get(gateway.webhook_signature_header))
    return WebhookReceipt(received=True, duplicate=not stored)


@routes.post("/webhooks/email/{provider}", response=WebhookReceipt,
             errors=(ErrorCode.BAD_REQUEST, ErrorCode.NOT_FOUND),
             summary="Receive a signed bounce or complaint report from the email provider")
async def receive_email_report(req: ApiRequest[None, None]) -> WebhookReceipt:
    """Signed with EMAIL_WEBHOOK_SECRET (`Email-Signature: t=<unix>,v1=<hex HMAC-SHA256 of
    "<t>.<body>">`); the body `{"event_id", "kind": "hard_bounce"|"soft_bounce"|"complaint",
    "email"}`. A hard bounce or a complaint stops all email to that address (docs/email.md);
    each event id counts once. 404 while no secret is configured."""
    inbox = req.deps.email_feedback
    if inbox is None:
        raise NotFound()
    raw = await req.request.read()
    stored = await inbox.receive(req.params["provider"], raw, req.request.headers.get(SIGNATURE_HEADER))
    return WebhookReceipt(received=True, duplicate=not stored)


class OnboardingQuery(BaseModel):
    token: str | None = Field(None, max_length=64, description="The link's secret (no token: 404).")
    return_url: str | None = Field(None, max_length=2048)


class SandboxOnboarding(BaseModel):
    account: str
    payouts_enabled: bool
    return_url: str | None = Field(None, description="Where the app asked the payee to be sent back.")


@routes.get("/sandbox/onboarding/{account}", query=OnboardingQuery, response=SandboxOnboarding,
            errors=(ErrorCode.NOT_FOUND,), tags=("webhooks",),
            summary="Complete a connected account's onboarding (sandbox gateway only)")
async def sandbox_onboarding(req: ApiRequest[None, OnboardingQuery]) -> SandboxOnboarding:
    """The sandbox's stand-in for the provider's hosted onboarding: the link it made for the
    account (with its token) completes KYC at once, and the account becomes payout-enabled."""
    gateway = req.deps.webhooks.gateway("sandbox") if req.deps.webhooks is not None else None
    if not isinstance(gateway, SandboxGateway):
        raise NotFound()
    account = gateway.open_onboarding_link(req.params["account"], req.query.token or "")
    return SandboxOnboarding(account=account.id, payouts_enabled=account.payouts_enabled,
                             return_url=req.query.return_url)
