"""What the socket adapter needs from the composition root."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from domain.accounts.revocation import RevocationStore
from domain.accounts.tokens import TokenSigner
from domain.messaging.services import MessagingService
from domain.shared.ratelimit import RateLimiter
from infra.dependencies import RedisHealth

if TYPE_CHECKING:
    from domain.presence.store import PresenceStore
    from realtime.presence_tracker import PresenceTracker


@dataclass(frozen=True)
class RealtimeDeps:
    settings: Any  # app.settings.Settings (typed loosely: adapters never import app/)
    signer: TokenSigner
    # Refuses revoked tokens at connect and disconnects live sockets on revocation.
    revocations: RevocationStore | None = None
    # Where presence is kept: the Redis store when REDIS_URL is set, else None and
    # setup_realtime uses the in-process one.
    presence_store: PresenceStore | None = None
    # Set by setup_realtime (it needs the server): this process's presence bookkeeping.
    presence: PresenceTracker | None = None
    # The messaging use cases (the REST adapter holds the same instance).
    messaging: MessagingService | None = None
    # Engine.IO handshakes per client address (realtime/limits.py): the shared limiter, and
    # how a request's client address is read (the REST adapter's rule, proxies included).
    rate_limiter: RateLimiter | None = None
    client_ip: Callable[[Any], str] | None = None
    # The process's Redis breaker (infra/dependencies.py): fan-out skips Redis while it is open.
    redis_health: RedisHealth | None = None
