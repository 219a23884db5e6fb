"""Who is asking and from where: passed from adapters into domain services."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Actor:
    user_id: str
    roles: frozenset[str] = field(default_factory=frozenset)
    session_id: str | None = None

    @property
    def is_admin(self) -> bool:
        return "admin" in self.roles


@dataclass(frozen=True)
class RequestContext:
    request_id: str | None = None
    ip: str | None = None  # the client's address: rate limits only, never stored
    user_agent: str | None = None
    # What records keep of the address (audit, refresh tokens): a keyed hash (sealing.Pseudonyms).
    ip_hash: str | None = None
