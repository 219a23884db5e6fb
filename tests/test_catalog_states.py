"""The listing state machine as a table: properties over any sequence of attempts."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.catalog.models import ListingState
from domain.catalog.states import EITHER, OWNER, REVIEWER, TERMINAL, TRANSITIONS, Action, Party, transition
from domain.shared.errors import Conflict, Forbidden

party_sets = st.sampled_from([OWNER, REVIEWER, EITHER, frozenset()])
attempts = st.lists(st.tuples(st.sampled_from(list(Action)), party_sets), max_size=30)


def _walk(steps: list[tuple[Action, frozenset[Party]]]) -> list[ListingState]:
    state, seen = ListingState.DRAFT, [ListingState.DRAFT]
    for action, parties in steps:
        try:
            state = transition(state, action, parties)
        except (Conflict, Forbidden):
            continue
        seen.append(state)
    return seen


@given(attempts)
def test_archived_is_terminal_and_published_only_follows_review(steps):
    seen = _walk(steps)
    for before, after in itertools.pairwise(seen):
        if before in TERMINAL:
            pytest.fail(f"left terminal state {before}")
        if after == ListingState.PUBLISHED:
            assert before == ListingState.IN_REVIEW


@given(st.sampled_from(list(ListingState)), st.sampled_from(list(Action)), party_sets)
def test_every_attempt_is_exactly_the_table(state, action, parties):
    entry = TRANSITIONS.get((state, action))
    if entry is None:
        with pytest.raises(Conflict):
            transition(state, action, parties)
    elif not parties & entry[1]:
        with pytest.raises(Forbidden):
            transition(state, action, parties)
    else:
        assert transition(state, action, parties) == entry[0]


@given(attempts)
def test_an_owner_alone_never_publishes(steps):
    owner_only = [(action, OWNER) for action, _ in steps]
    assert ListingState.PUBLISHED not in _walk(owner_only)


def test_only_drafts_are_edited():
    assert [state for (state, action) in TRANSITIONS if action == Action.EDIT] == [ListingState.DRAFT]
