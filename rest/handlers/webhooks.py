"""Payment provider webhooks: `POST /v1/webhooks/{gateway}`.

The body is read RAW and handed to the gateway's signature check before anything parses it
(a re-serialized body would not verify). A verified event is stored once in the inbox and
answered 200, a duplicate too (the provider stops resending); a forged, stale or unsigned one
gets 400 and nothing is stored."""

from __future__ import annotations

from pydantic import BaseModel, Field

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
