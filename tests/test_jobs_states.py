"""Property tests of the job and bid state tables (pure: no database)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.jobs.models import BidState, JobState
from domain.jobs.states import BID_TRANSITIONS, JOB_TRANSITIONS, BidAction, JobAction, JobParty, bid_move, job_move
from domain.shared.errors import Conflict, Forbidden

parties = st.frozensets(st.sampled_from(list(JobParty)))


@given(st.sampled_from(list(JobState)), st.sampled_from(list(JobAction)), parties)
def test_job_moves_follow_the_table(state, action, who):
    move = JOB_TRANSITIONS.get((state, action))
    if move is None:
        with pytest.raises(Conflict):
            job_move(state, action, who)
    elif not who & move.parties:
        with pytest.raises(Forbidden):
            job_move(state, action, who)
    else:
        assert job_move(state, action, who).value == move.to


@given(st.sampled_from(list(BidState)), st.sampled_from(list(BidAction)), parties)
def test_bid_moves_follow_the_table(state, action, who):
    move = BID_TRANSITIONS.get((state, action))
    if move is None:
        with pytest.raises(Conflict):
            bid_move(state, action, who)
    elif not who & move.parties:
        with pytest.raises(Forbidden):
            bid_move(state, action, who)
    else:
        assert bid_move(state, action, who).value == move.to


@given(st.lists(st.tuples(st.sampled_from(list(JobAction)), parties), max_size=20))
def test_only_an_open_job_moves_and_only_once(steps):
    state, moves = JobState.OPEN, 0
    for action, who in steps:
        try:
            state = job_move(state, action, who)
            moves += 1
        except (Conflict, Forbidden):
            pass
    assert moves <= 1 and (moves == 1) == (state is not JobState.OPEN)


def test_who_moves_jobs_and_bids():
    assert {key[0] for key in JOB_TRANSITIONS} == {JobState.OPEN}
    assert JOB_TRANSITIONS[(JobState.OPEN, JobAction.AWARD)].parties == {JobParty.CUSTOMER}
    assert JOB_TRANSITIONS[(JobState.OPEN, JobAction.EXPIRE)].parties == {JobParty.SYSTEM}
    # Accepted and rejected bids are final; a withdrawn one can only be renewed by its bidder.
    assert not [key for key in BID_TRANSITIONS if key[0] in (BidState.ACCEPTED, BidState.REJECTED)]
    assert [move.parties for key, move in BID_TRANSITIONS.items() if key[0] is BidState.WITHDRAWN] == [
        {JobParty.BIDDER}]
    assert BID_TRANSITIONS[(BidState.ACTIVE, BidAction.ACCEPT)].parties == {JobParty.CUSTOMER}
