"""What the socket adapter needs from the composition root."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from domain.accounts.revocation import RevocationStore
from domain.accounts.tokens import TokenSigner


@dataclass(frozen=True)
class RealtimeDeps:
    settings: Any  # app.settings.Settings (typed loosely: adapters never import app/)
    signer: TokenSigner
    # Refuses revoked tokens at connect and disconnects live sockets on revocation.
    revocations: RevocationStore | None = None
