"""What the REST adapter needs from the composition root, stored on the app under one key."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version
from typing import Any, Protocol

from aiohttp import web

from domain.accounts.admin import AdminService
from domain.accounts.invitations import Invitations
from domain.accounts.services import AccountsService
from domain.accounts.tokens import AccessClaims, TokenSigner
from domain.disputes.service import DisputeService
from domain.finance.cases.services import PaymentCases
from domain.finance.chargebacks.services import Chargebacks
from domain.finance.gateway.inbox import WebhookInbox
from domain.finance.payouts.services import Payouts
from domain.finance.reconciliation.services import Reconciler
from domain.finance.reporting.tax import SellerTax
from domain.flags.services import FlagService
from domain.media.services import Media
from domain.messaging.services import MessagingService
from domain.notifications.email import EmailFeedbackInbox
from domain.operations.service import StatusService
from domain.privacy.export_service import Exports
from domain.privacy.requests import PrivacyRequests
from domain.safety.service import SafetyService
from domain.shared.context import Actor
from domain.shared.ratelimit import Budget, RateLimiter
from domain.shared.sealing import Pseudonyms, Sealer
from domain.verification.timers import VerificationService
from rest.health import ReadinessCheck
from sync.service import SyncService


class RequestGate(Protocol):
    """A request's rate-limit budgets and its token's revocation markers in one round trip
    (infra/request_gate.py, on Redis)."""

    async def admit(self, budgets: Sequence[Budget], window_seconds: int,
                    claims: AccessClaims | None) -> tuple[float | None, bool | None]:
        """Count the budgets as `RateLimiter.hit_all` does; (its answer, whether `claims` are
        revoked as the revocation store would answer, or None when not read)."""
        ...


@dataclass(frozen=True)
class RestDeps:
    settings: Any  # app.settings.Settings (typed loosely: adapters never import app/)
    signer: TokenSigner
    rate_limiter: RateLimiter
    readiness_checks: list[ReadinessCheck]
    accounts: AccountsService
    admin: AdminService
    messaging: MessagingService
    sync: SyncService
    invitations: Invitations | None = None  # crew invitations (None: only in hand-built test deps)
    payments: PaymentCases | None = None  # checkout, refunds, releases (None: only in hand-built test deps)
    webhooks: WebhookInbox | None = None  # payment provider webhooks (None: only in hand-built test deps)
    seller_tax: SellerTax | None = None  # sellers' tax profiles and the annual export
    reconciler: Reconciler | None = None  # the ledger against the gateway, on demand
    payouts: Payouts | None = None  # onboarding, payout preferences and requests (None: hand-built test deps)
    chargebacks: Chargebacks | None = None  # a payment's chargebacks (None: hand-built test deps)
    media: Media | None = None  # uploads (None: only in hand-built test deps)
    disputes: DisputeService | None = None  # disputes and the admin queue (None: hand-built test deps)
    verification: VerificationService | None = None  # provider verification (None: hand-built test deps)
    safety: SafetyService | None = None  # reports, the moderation queue, payment holds (None: hand-built test deps)
    exports: Exports | None = None  # data-subject exports (None: hand-built test deps)
    privacy: PrivacyRequests | None = None  # data-subject requests and their queue (None: hand-built test deps)
    sealer: Sealer | None = None  # protection at rest: sealed columns (None: hand-built test deps)
    pseudonyms: Pseudonyms | None = None  # keyed hashes of client addresses (None: addresses are not kept)
    flags: FlagService | None = None  # flags, capabilities, maintenance, minimum versions (None: hand-built test deps)
    email_feedback: EmailFeedbackInbox | None = None  # bounce and complaint reports (None: hand-built test deps)
    status: StatusService | None = None  # the operator status summary (None: hand-built test deps)
    # With Redis: the rate limit and the revocation check in one round trip (None: separately).
    gate: RequestGate | None = None
    # Redis, Kafka: reported by /readyz and metered, never what routing depends on.
    dependency_checks: list[ReadinessCheck] = field(default_factory=list)


REST_DEPS = web.AppKey("rest_deps", RestDeps)
REQUEST_ID = web.RequestKey("request_id", str)
ACTOR = web.RequestKey("auth_actor", Actor)  # who the request authenticated as (rest/auth.py)
# (bearer token, whether it is revoked): read by the rate limit's round trip, used by rest/auth.py.
REVOCATION_READ = web.RequestKey("revocation_read", tuple[str, bool])


def deps_of(request: web.Request) -> RestDeps:
    return request.app[REST_DEPS]


@lru_cache(maxsize=1)
def service_version() -> str:
    try:
        return version("fieldsync")
    except PackageNotFoundError:  # running from a checkout that was never installed
        return "0.0.0"
