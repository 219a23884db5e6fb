"""What clients may write offline (PROTOCOL section 4, push), per collection: each mutation
runs the same domain service, with the same validation and permissions, as the REST route.
Everything not listed is server-only; money never appears here.

A handler raises the domain's errors (Conflict, NotFound, Forbidden, ValidationFailed) and
returns nothing: the pushed row's stored state is read back from the op log.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from domain.accounts.services import AccountsService
from domain.bookings import transitions
from domain.bookings.states import Action
from domain.shared.context import Actor
from domain.shared.errors import Conflict, ValidationFailed


@dataclass(frozen=True)
class Mutation:
    mutation_id: int
    collection: str
    op: str  # "update" (a field patch) or "action" (a named state change)
    id: str
    base_version: int | None = None
    data: dict[str, Any] | None = None
    name: str | None = None


Handler = Callable[[Actor, Mutation], Awaitable[None]]

BOOKING_ACTIONS = ("accept", "start", "complete", "cancel", "decline")  # schedule (a start time): next
PROFILE_FIELDS = ("name", "region")


def invalid(field: str, message: str) -> ValidationFailed:
    return ValidationFailed(errors=[{"field": field, "message": message, "type": "value_error", "location": "body"}])


class Mutations:
    """The table of offline writes: (collection, op, name) -> handler."""

    def __init__(self, accounts: AccountsService | None) -> None:
        self.accounts = accounts
        self.handlers: dict[tuple[str, str, str | None], Handler] = {
            ("users", "update", None): self._update_profile,
            **{("bookings", "action", name): self._booking_action for name in BOOKING_ACTIONS},
        }

    def handler(self, mutation: Mutation) -> Handler:
        found = self.handlers.get((mutation.collection, mutation.op, mutation.name))
        if found is None:
            raise invalid("collection", f"{mutation.collection} does not take {mutation.op} "
                                        f"{mutation.name or ''} offline".strip())
        return found

    async def _update_profile(self, actor: Actor, mutation: Mutation) -> None:
        """Field-merge: the fields sent replace the server's, whatever its version."""
        if mutation.id != actor.user_id:
            raise Conflict("Only your own profile takes offline edits.")
        data = mutation.data or {}
        unknown = set(data) - set(PROFILE_FIELDS)
        if unknown or not data:
            raise invalid("data", f"only {', '.join(PROFILE_FIELDS)} may change offline")
        if not all(value is None or (isinstance(value, str) and len(value) <= 120) for value in data.values()):
            raise invalid("data", "text of at most 120 characters")
        if self.accounts is None:  # pragma: no cover - wired by the composition root
            raise Conflict("Profile edits are not available here.")
        await self.accounts.update_me(actor, name=data.get("name"), region=data.get("region"))

    async def _booking_action(self, actor: Actor, mutation: Mutation) -> None:
        """Versioned: a stale base_version is a conflict (the state machine decides the rest)."""
        if mutation.base_version is None:
            raise invalid("base_version", "booking actions need the version you saw")
        reason = str((mutation.data or {}).get("reason", ""))[:300]
        action = Action(mutation.name or "")
        await transitions.transition(actor, mutation.id, action, mutation.base_version, reason=reason)
