"""Property tests of the payment case state table and of the money splits (pure: no database)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.finance.cases import breakdown as bd
from domain.finance.cases.models import CaseState as S
from domain.finance.cases.states import CAPTURED, RANK, TERMINAL, TRANSITIONS, Action, Party, actions_for, decide
from domain.shared.errors import Conflict, Forbidden, ValidationFailed
from tests.support.state_tables import StateTable

TABLE = StateTable(S, Action, Party, TRANSITIONS, decide, actions_for, TERMINAL)
states = TABLE.any_state()
actions = TABLE.any_action()
parties = TABLE.any_parties()


@given(states, actions, parties)
def test_decide_follows_the_table_exactly(state, action, who):
    TABLE.check_decision(state, action, who)


@given(st.lists(st.tuples(actions, parties), max_size=40))
def test_any_walk_never_moves_backwards_and_ends_only_in_terminal_states(steps):
    for before, action, after in TABLE.walk(S.AUTHORIZING, steps):
        # Only a retry after a declined card goes back (a new attempt with a new key).
        assert RANK[after] >= RANK[before] or (before, action) == (S.FAILED, Action.RETRY)


def test_who_may_do_what():
    # Money moves on the gateway's word, the timers, reactions to the booking, or people with a say.
    assert TRANSITIONS[(S.AUTHORIZED, Action.CAPTURE)].parties == {Party.SYSTEM, Party.ADMIN}
    assert TRANSITIONS[(S.RELEASE_PENDING, Action.RELEASE)].parties == {Party.TIMER, Party.ADMIN}
    assert Party.CUSTOMER not in TRANSITIONS[(S.HELD, Action.REFUND_FULL)].parties  # the customer cancels instead
    assert Party.MANAGER in TRANSITIONS[(S.PAID_OUT, Action.REFUND_PARTIAL)].parties
    assert Party.CUSTOMER in TRANSITIONS[(S.HELD, Action.RELEASE_MILESTONE)].parties
    with pytest.raises(Forbidden):
        decide(S.HELD, Action.RELEASE, frozenset({Party.CUSTOMER, Party.MANAGER}))
    # Nothing is captured after expiry, released before capture, or refunded before capture.
    for action in (Action.CAPTURE, Action.CAPTURED, Action.RELEASE, Action.REFUND_FULL):
        with pytest.raises(Conflict):
            decide(S.EXPIRED, action, frozenset(Party))
    for state in set(S) - CAPTURED:
        assert (state, Action.REFUND_PARTIAL) not in TRANSITIONS and (state, Action.RELEASE) not in TRANSITIONS


def test_every_state_is_reachable_and_every_live_state_can_end():
    assert TABLE.reachable_from(S.AUTHORIZING) == set(S)
    assert all(TABLE.can_end(state) for state in set(S) - TERMINAL - {S.FAILED})


amounts = st.integers(min_value=0, max_value=10**9)


@given(amounts, st.lists(st.integers(min_value=0, max_value=1000), min_size=1, max_size=8).filter(lambda w: sum(w)))
def test_allocation_adds_up_to_the_unit_and_follows_the_weights(amount, weights):
    parts = bd.allocate(amount, weights)
    assert sum(parts) == amount
    total = sum(weights)
    for part, weight in zip(parts, weights, strict=True):
        assert abs(part - amount * weight / total) < 1
        assert weight or part == 0


@st.composite
def breakdowns(draw):
    price = draw(st.integers(min_value=100, max_value=10**8))
    commission = price * draw(st.integers(min_value=0, max_value=3000)) // 10_000
    tax = price * draw(st.integers(min_value=0, max_value=2500)) // 10_000
    payees = draw(st.integers(min_value=1, max_value=5))
    shares = bd.allocate(price - commission, [draw(st.integers(min_value=1, max_value=9)) for _ in range(payees)])
    return {"total": price + tax, "price": price, "commission": commission, "tax": tax, "tax_owner": "tax:x",
            "payees": [{"owner": f"org:{i}", "amount": a} for i, a in enumerate(shares)]}


@given(breakdowns(), st.lists(st.integers(min_value=1, max_value=100), min_size=1, max_size=6), st.data())
def test_milestones_and_refund_pieces_add_up_in_both_directions(frozen, weights, data):
    amounts = bd.allocate(frozen["total"], weights)
    if 0 in amounts:
        with pytest.raises(ValidationFailed):
            bd.split(frozen, amounts)
        return
    try:
        parts = bd.split(frozen, amounts)
    except ValidationFailed:
        return  # a part too small to carry its fees is refused, never written negative
    for part, amount in zip(parts, amounts, strict=True):
        assert part["commission"] + part["tax"] + sum(p["amount"] for p in part["payees"]) == amount == part["total"]
        assert all(p["amount"] >= 0 for p in part["payees"])
    assert sum(p["commission"] for p in parts) == frozen["commission"]
    assert sum(p["tax"] for p in parts) == frozen["tax"]
    for i, payee in enumerate(frozen["payees"]):
        assert sum(p["payees"][i]["amount"] for p in parts) == payee["amount"]
    # A refund of any part of a milestone takes its components in proportion, to the unit.
    part = parts[0]
    take = data.draw(st.integers(min_value=0, max_value=part["total"]))
    piece = bd.proportion(part, take)
    rest = bd.combine(part, piece, -1)
    assert piece["total"] == take and rest["total"] == part["total"] - take
    assert piece["commission"] + piece["tax"] + sum(p["amount"] for p in piece["payees"]) == take
    assert min(rest["commission"], rest["tax"], *(p["amount"] for p in rest["payees"])) >= 0
