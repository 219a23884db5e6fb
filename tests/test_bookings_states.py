"""Property tests of the booking state table and of pricing (pure: no database)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from domain.bookings.models import BookingState as S
from domain.bookings.pricing import quote
from domain.bookings.states import TERMINAL, TRANSITIONS, Action, Party, actions_for, decide
from domain.shared.money import Money
from tests.support.state_tables import StateTable

TABLE = StateTable(S, Action, Party, TRANSITIONS, decide, actions_for, TERMINAL)
states = TABLE.any_state()
actions = TABLE.any_action()
parties = TABLE.any_parties()


@given(states, actions, parties)
def test_decide_follows_the_table_exactly(state, action, who):
    TABLE.check_decision(state, action, who)


@given(st.lists(st.tuples(actions, parties), max_size=30))
def test_any_walk_from_requested_stays_on_the_table_and_stops_at_a_terminal_state(steps):
    for _before, _action, after in TABLE.walk(S.REQUESTED, steps):
        assert after in set(S)


def test_terminal_states_have_no_way_out_and_every_state_is_reachable():
    assert not [key for key in TRANSITIONS if key[0] in TERMINAL]
    assert TABLE.reachable_from(S.REQUESTED) == set(S)
    # ...and from every live state some party can still end the booking.
    assert all(TABLE.can_end(state) for state in set(S) - TERMINAL)


@given(states)
def test_who_may_do_what(state):
    customer = frozenset({Party.CUSTOMER})
    for action in (Action.ACCEPT, Action.SCHEDULE, Action.START, Action.COMPLETE, Action.DECLINE):
        assert action not in actions_for(state, customer)  # the customer never acts for the crew
    assert Action.EXPIRE not in actions_for(state, frozenset(set(Party) - {Party.SYSTEM}))  # only the sweeper
    if state in (S.IN_PROGRESS, *TERMINAL):
        assert Action.CANCEL not in actions_for(state, customer)
    if state is S.REQUESTED:
        assert actions_for(state, frozenset({Party.SERVICEMAN})) == [Action.DECLINE]  # accepting is the lead's


@settings(max_examples=300)
@given(st.integers(min_value=0, max_value=10**12), st.integers(0, 10_000), st.integers(0, 10_000),
       st.sampled_from(["USD", "EUR", "JPY"]))
def test_pricing_is_integer_and_adds_up(amount, commission_bps, tax_bps, currency):
    price = Money(amount, currency)
    q = quote(price, commission_bps=commission_bps, tax_bps=tax_bps)
    assert q.total == price + q.tax and q.provider_payout + q.commission == price
    assert 0 <= q.commission.amount <= amount and 0 <= q.tax.amount <= amount
    # Rounded half away from zero: never more than half a minor unit from the exact share.
    assert abs(q.tax.amount * 10_000 - amount * tax_bps) <= 5_000
    assert all(isinstance(m.amount, int) and m.currency == currency for m in (q.commission, q.tax, q.total))
