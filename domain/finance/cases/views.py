"""What callers get back about a payment case."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from domain.finance.cases import rows
from domain.finance.cases.models import PaymentCase
from domain.finance.cases.states import Action
from domain.shared import sql


@dataclass(frozen=True)
class MilestoneView:
    position: int
    title: str
    amount: int
    state: str
    released_at: datetime | None


@dataclass(frozen=True)
class CaseView:
    case: PaymentCase
    milestones: list[MilestoneView]
    actions: list[Action]

    @property
    def held(self) -> int:
        """What the case still holds: captured, not refunded from it, not released."""
        return sum(m.amount for m in self.milestones if m.state == "pending") if self.case.captured_amount else 0


async def view_of(case: PaymentCase, actions: list[Action]) -> CaseView:
    found = rows.remembered_milestones(case)
    if found is None:
        found = await rows.milestones(sql.reader(), case.id)
    milestones = [MilestoneView(m.position, m.title, m.amount, m.state.value, m.released_at) for m in found]
    return CaseView(case, milestones, actions)
