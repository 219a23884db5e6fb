"""Who is asking and from where: passed from adapters into domain services."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

# Roles whose powers a login may use only after a second factor (domain/access/policy.py).
PRIVILEGED_ROLES = frozenset({"admin"})


@dataclass(frozen=True)
class SecondFactor:
    """What the access token of a request says about multi-factor authentication."""

    enrolled: bool  # the account had a confirmed second factor when the token was issued
    verified_at: datetime | None = None  # the last second factor proven in this login (None: password only)


@dataclass(frozen=True)
class Actor:
    user_id: str
    roles: frozenset[str] = field(default_factory=frozenset)
    session_id: str | None = None
    # The second factor of the login the actor comes from (an access token). None: an actor the
    # server makes itself (jobs, system decisions, the demo seed), which no factor rule binds.
    factor: SecondFactor | None = None

    @property
    def factor_missing(self) -> bool:
        """A person logged in with the password only: privileged roles are locked for them."""
        return self.factor is not None and self.factor.verified_at is None

    @property
    def is_admin(self) -> bool:
        """Holds the admin role and may use it now (a password-only login of an admin may not)."""
        return "admin" in self.roles and not self.factor_missing


@dataclass(frozen=True)
class RequestContext:
    request_id: str | None = None
    ip: str | None = None  # the client's address: rate limits only, never stored
    user_agent: str | None = None
    # What records keep of the address (audit, refresh tokens): a keyed hash (sealing.Pseudonyms).
    ip_hash: str | None = None
