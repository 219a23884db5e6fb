"""The listing state machine: draft -> in review -> published -> archived.

One table says which action moves which state where and which party may take it; the
service layer only asks `transition`. Editing is an action too: only drafts are edited
(a published listing is archived and re-created, so bookings keep the terms they saw).
"""

from __future__ import annotations

from enum import StrEnum

from domain.catalog.models import ListingState
from domain.shared.errors import Conflict, ConflictReason, Forbidden

S = ListingState


class Party(StrEnum):
    OWNER = "owner"  # the independent serviceman, or the owning organisation's owner/managers
    REVIEWER = "reviewer"  # an admin


class Action(StrEnum):
    EDIT = "edit"
    SUBMIT = "submit"
    PUBLISH = "publish"
    REJECT = "reject"
    ARCHIVE = "archive"


OWNER = frozenset({Party.OWNER})
REVIEWER = frozenset({Party.REVIEWER})
EITHER = OWNER | REVIEWER

TRANSITIONS: dict[tuple[ListingState, Action], tuple[ListingState, frozenset[Party]]] = {
    (S.DRAFT, Action.EDIT): (S.DRAFT, OWNER),
    (S.DRAFT, Action.SUBMIT): (S.IN_REVIEW, OWNER),
    (S.IN_REVIEW, Action.PUBLISH): (S.PUBLISHED, REVIEWER),
    (S.IN_REVIEW, Action.REJECT): (S.DRAFT, REVIEWER),
    (S.DRAFT, Action.ARCHIVE): (S.ARCHIVED, EITHER),
    (S.IN_REVIEW, Action.ARCHIVE): (S.ARCHIVED, EITHER),
    (S.PUBLISHED, Action.ARCHIVE): (S.ARCHIVED, EITHER),
}

TERMINAL = frozenset({S.ARCHIVED})


def transition(state: ListingState, action: Action, parties: frozenset[Party]) -> ListingState:
    """The next state, or Conflict (not possible from this state) / Forbidden (not your step)."""
    entry = TRANSITIONS.get((state, action))
    if entry is None:
        raise Conflict(f"A {state.value} listing cannot {action.value}.", details={"state": state.value},
                       reason=ConflictReason.INVALID_TRANSITION)
    target, allowed = entry
    if not parties & allowed:
        raise Forbidden(f"Only the listing's {' or '.join(sorted(allowed))} may {action.value} it.")
    return target

