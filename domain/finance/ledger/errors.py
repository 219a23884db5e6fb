"""Ledger refusals as domain errors: REST answers 409 (conflict) or 422 (invalid), never 500."""

from __future__ import annotations

from domain.shared.errors import Conflict, NotFound, ValidationFailed


class InvalidEntry(ValidationFailed):
    default_message = "The ledger entry is not valid."


class UnbalancedEntry(InvalidEntry):
    default_message = "The ledger entry does not balance per currency."


class IdempotencyConflict(Conflict):
    default_message = "This idempotency key was already used for a different ledger entry."


class InsufficientFunds(Conflict):
    default_message = "The account does not hold enough funds for this entry."


class EntryNotFound(NotFound):
    default_message = "No such ledger entry."


class NotPending(Conflict):
    default_message = "This ledger entry is not a pending hold."


class AlreadyResolved(Conflict):
    default_message = "This pending hold was already posted or voided."


class AlreadyReversed(Conflict):
    default_message = "This ledger entry was already reversed."


class NotReversible(Conflict):
    default_message = "This ledger entry cannot be reversed."


class ConcurrentUpdate(Conflict):
    default_message = "The account changed while this entry was written; try again."
