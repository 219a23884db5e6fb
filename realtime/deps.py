"""What the socket adapter needs from the composition root."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from domain.accounts.revocation import RevocationStore
from domain.accounts.tokens import TokenSigner
from domain.disputes.service import DisputeService
from domain.finance.cases.services import PaymentCases
from domain.flags.services import FlagService
from domain.messaging.services import MessagingService

if TYPE_CHECKING:
    from realtime.presence_tracker import PresenceTracker


@dataclass(frozen=True)
class RealtimeDeps:
    settings: Any  # app.settings.Settings (typed loosely: adapters never import app/)
    signer: TokenSigner
    # Refuses revoked tokens at connect and disconnects live sockets on revocation.
    revocations: RevocationStore | None = None
    # This process's presence bookkeeping (made with the server: realtime/server.py).
    presence: PresenceTracker | None = None
    # The messaging use cases (the REST adapter holds the same instance).
    messaging: MessagingService | None = None
    # Dispute timelines for `dispute:watch` (the REST adapter holds the same instance).
    disputes: DisputeService | None = None
    # Maintenance mode (write events refused) and the minimum app version (handshake refused).
    flags: FlagService | None = None
    # Checkout (`payment:checkout` on `/`; the REST adapter and offline pushes hold the same instance).
    payments: PaymentCases | None = None

