"""The scaffold of the state-table property tests (bookings: tests/test_bookings_states.py,
payment cases: tests/test_finance_case_states.py): both tables are `{(state, action): rule}` with
`rule.to` and `rule.parties`, decided by `decide(state, action, parties)` (Conflict when the
table has no such move, Forbidden when none of the parties may make it) and listed for a party
by `actions_for(state, parties)`. Each test module states its own rules over these helpers."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from enum import Enum
from typing import Any

import pytest
from hypothesis import strategies as st

from domain.shared.errors import Conflict, Forbidden


@dataclass(frozen=True)
class StateTable:
    states: type[Enum]
    actions: type[Enum]
    parties: type[Enum]
    transitions: dict[tuple[Any, Any], Any]
    decide: Callable[..., Any]
    actions_for: Callable[..., list[Any]]
    terminal: frozenset[Any]

    # Hypothesis strategies over the table's enums.
    def any_state(self) -> st.SearchStrategy[Any]:
        return st.sampled_from(list(self.states))

    def any_action(self) -> st.SearchStrategy[Any]:
        return st.sampled_from(list(self.actions))

    def any_parties(self) -> st.SearchStrategy[frozenset[Any]]:
        return st.frozensets(st.sampled_from(list(self.parties)))

    def check_decision(self, state: Any, action: Any, who: frozenset[Any]) -> None:
        """`decide` follows the table exactly, and `actions_for` lists what it allows."""
        rule = self.transitions.get((state, action))
        if rule is None:
            with pytest.raises(Conflict):
                self.decide(state, action, who)
        elif not who & rule.parties:
            with pytest.raises(Forbidden):
                self.decide(state, action, who)
        else:
            decision = self.decide(state, action, who)
            assert decision.to == rule.to and decision.acting_as in who & rule.parties
            assert action in self.actions_for(state, who)

    def walk(self, start: Any, steps: list[tuple[Any, frozenset[Any]]]) -> Iterator[tuple[Any, Any, Any]]:
        """The moves a random walk makes from `start` (refused steps leave the state unchanged);
        no move ever leaves a terminal state."""
        state = start
        for action, who in steps:
            try:
                decision = self.decide(state, action, who)
            except (Conflict, Forbidden):
                continue
            assert (state, action) in self.transitions and state not in self.terminal
            yield state, action, decision.to
            state = decision.to

    def reachable_from(self, start: Any) -> set[Any]:
        reachable, frontier = {start}, [start]
        while frontier:
            current = frontier.pop()
            for (state, _), rule in self.transitions.items():
                if state == current and rule.to not in reachable:
                    reachable.add(rule.to)
                    frontier.append(rule.to)
        return reachable

    def can_end(self, state: Any) -> bool:
        """Some move from `state` leads to a terminal state."""
        return any(s == state and rule.to in self.terminal for (s, _), rule in self.transitions.items())
