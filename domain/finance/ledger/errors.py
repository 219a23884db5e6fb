"""Ledger refusals as domain errors: REST answers 409 (conflict) or 422 (invalid), never 500."""

from __future__ import annotations

from typing import Any

from domain.shared.errors import Conflict, ConflictReason, NotFound, ValidationFailed


class LedgerConflict(Conflict):
    """A ledger refusal with the one reason its kind always has (the class says it)."""

    reason: ConflictReason = ConflictReason.INVALID_TRANSITION

    def __init__(self, message: str | None = None, *, details: dict[str, Any] | None = None) -> None:
        super().__init__(message, reason=type(self).reason, details=details)


class InvalidEntry(ValidationFailed):
    default_message = "The ledger entry is not valid."


class UnbalancedEntry(InvalidEntry):
    default_message = "The ledger entry does not balance per currency."


class IdempotencyConflict(LedgerConflict):
    default_message = "This idempotency key was already used for a different ledger entry."
    reason = ConflictReason.DUPLICATE


class InsufficientFunds(LedgerConflict):
    default_message = "The account does not hold enough funds for this entry."
    reason = ConflictReason.AMOUNT_OUT_OF_RANGE


class EntryNotFound(NotFound):
    default_message = "No such ledger entry."


class NotPending(LedgerConflict):
    default_message = "This ledger entry is not a pending hold."
    reason = ConflictReason.INVALID_TRANSITION


class AlreadyResolved(LedgerConflict):
    default_message = "This pending hold was already posted or voided."
    reason = ConflictReason.INVALID_TRANSITION


class AlreadyReversed(LedgerConflict):
    default_message = "This ledger entry was already reversed."
    reason = ConflictReason.INVALID_TRANSITION


class NotReversible(LedgerConflict):
    default_message = "This ledger entry cannot be reversed."
    reason = ConflictReason.NOT_ALLOWED


class ConcurrentUpdate(LedgerConflict):
    default_message = "The account changed while this entry was written; try again."
    reason = ConflictReason.STALE_VERSION
