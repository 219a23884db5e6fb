"""How a dispute ends with money: an admin's decision (refund, release, split), an accepted
offer, or the default outcome when the admin deadline passes. Booked through the payment
case (domain/finance/cases/disputes.py `settle`): refund + release = what was held. The case's
release is unfrozen in the same unit of work unless another dispute of it is still open."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from domain.access.policy import Permission, authorize
from domain.audit import services as audit
from domain.bookings.windows import invalid as _invalid
from domain.disputes import events, metrics
from domain.disputes import policy as parties
from domain.disputes.models import Dispute, DisputeEntry, EntryKind, Outcome, Side
from domain.disputes.rules import REASONS, DisputeRules
from domain.disputes.states import OPEN, Action, actions_for, decide
from domain.disputes.timeline import append, locked
from domain.disputes.views import view_of
from domain.finance.cases import disputes as case_port
from domain.finance.cases.models import PaymentCase
from domain.finance.cases.moving import Who
from domain.finance.cases.transitions import CaseTransitions
from domain.shared.alerts import LogAlerts, OperatorAlerts
from domain.shared.clock import utcnow
from domain.shared.context import Actor, RequestContext
from domain.shared.errors import Conflict, ConflictReason, NotFound
from domain.shared.ids import as_uuid
from domain.shared.money import Money
from domain.shared.uow import UnitOfWork, unit_of_work

# An open dispute holds its case's release frozen (domain/finance/cases/disputes.py).
FREEZE_HOLDER = "disputes"


async def _an_open_dispute_holds(uow: UnitOfWork, case_id: UUID) -> bool:
    return await Dispute.filter(case_id=case_id, state__in=list(OPEN)).using_db(uow.connection).exists()


case_port.register_freeze_holder(FREEZE_HOLDER, _an_open_dispute_holds)


class DisputeOutcomes:
    def __init__(self, cases: CaseTransitions, rules: DisputeRules | None = None,
                 alerts: OperatorAlerts | None = None) -> None:
        self.cases = cases  # the payment cases service: outcomes are booked through it
        self.rules = rules or DisputeRules()
        self.alerts: OperatorAlerts = alerts or LogAlerts()  # overdue disputes reach the operators (timers.py)
        self.reasons = REASONS

    async def decide(self, actor: Actor, dispute_id: str, outcome: Outcome, refund: Money | None, reason: str,
                     context: RequestContext | None = None) -> dict[str, Any]:
        """An admin's decision, with its reason (audited, on `audit.events`)."""
        await authorize(actor, Permission.DISPUTE_MANAGE)
        dispute = await _dispute(dispute_id)
        if not reason.strip():
            raise _invalid("reason", "a decision needs its reason")
        async with unit_of_work() as uow:
            dispute = await self._locked_open(uow, dispute)
            amount = await self._refund_of(dispute, outcome, refund)
            decide(dispute.state, Action.DECIDE, Side.ADMIN)
            await self._resolve(uow, dispute, amount, Action.DECIDE, actor, Side.ADMIN, context or RequestContext(),
                                reason=reason, outcome=outcome)
        return await self._admin_view(actor, dispute.id)

    async def apply_default(self, uow: UnitOfWork, dispute: Dispute) -> Dispute:
        """The admin deadline passed: the configured default outcome (timers.py)."""
        outcome = self.rules.default_outcome
        amount = await self._refund_of(dispute, outcome, Money(dispute.claimed_amount, dispute.currency)
                                       if outcome is Outcome.SPLIT else None)
        return await self._resolve(uow, dispute, amount, Action.DEFAULT, None, Side.SYSTEM, RequestContext(),
                                   reason=f"decision deadline passed: default {outcome.value}", outcome=outcome)

    async def _resolve(self, uow: UnitOfWork, dispute: Dispute, refund: int, action: Action, actor: Actor | None,
                       side: Side, context: RequestContext, *, reason: str,
                       outcome: Outcome | None = None) -> Dispute:
        to = decide(dispute.state, action, side)
        who = Who(f"user:{actor.user_id}", actor, context) if actor else Who("system:dispute_timers")
        settled = await case_port.settle(self.cases, uow, dispute.case_id, refund, who, milestone=dispute.milestone,
                                         reason=f"dispute {dispute.id}: {reason}")
        outcome = outcome or _outcome_of(settled.refunded, settled.released)
        if outcome is Outcome.SPLIT and (settled.refunded == 0 or settled.released == 0):
            outcome = _outcome_of(settled.refunded, settled.released)
        actor_id = actor.user_id if actor else None
        dispute, entry = await append(
            uow, dispute, EntryKind.DECISION, actor_id, side, body=reason[:1000], amount=settled.refunded,
            data={"outcome": outcome.value, "refunded": settled.refunded, "released": settled.released,
                  "by": action.value},
            updates={"state": to, "outcome": outcome, "refund_amount": settled.refunded,
                     "release_amount": settled.released, "decision_reason": reason[:1000], "decided_by_id": actor_id,
                     **self._closing()})
        await self._thaw(uow, dispute)
        await events.record(uow, events.RESOLVED, dispute, entry, actor_id,
                            notify=[u for u in await parties.users_of(dispute, conn=uow.connection) if u != actor_id])
        await self._audit(uow, actor, context, "dispute.decided", dispute, None, {
            "outcome": outcome.value, "refunded": settled.refunded, "released": settled.released,
            "reason": reason[:300], "by": action.value})
        metrics.RESOLVED.labels(outcome.value, dispute.reason, action.value).inc()
        return dispute

    async def _refund_of(self, dispute: Dispute, outcome: Outcome, refund: Money | None) -> int:
        case = await PaymentCase.get(id=dispute.case_id)
        full = int(case.captured_amount - case.refunded_amount)
        if dispute.milestone is not None:
            full = min(full, await case_port.milestone_amount(case.id, dispute.milestone) or 0)
        if outcome is Outcome.REFUND:
            return full
        if outcome is Outcome.RELEASE:
            return 0
        if refund is None:
            raise _invalid("refund", "a split names the amount refunded")
        if refund.currency != dispute.currency:
            raise _invalid("refund.currency", f"must be the dispute's currency, {dispute.currency}")
        if not 0 < refund.amount < full:
            raise Conflict("A split refunds part of what is held: more than nothing, less than all.",
                           details={"cause": "split_out_of_range", "refundable": Money(full, case.currency).as_dict()},
                           reason=ConflictReason.AMOUNT_OUT_OF_RANGE)
        return refund.amount

    async def _thaw(self, uow: UnitOfWork, dispute: Dispute) -> None:
        """After this dispute's closing write: the case thaws unless another dispute or a chargeback holds it."""
        await case_port.unfreeze(uow, dispute.case_id)

    @staticmethod
    def _closing() -> dict[str, Any]:
        return {"open_key": None, "due_at": None, "remind_at": None, "open_offer_seq": None, "closed_at": utcnow()}

    async def _locked_open(self, uow: UnitOfWork, dispute: Dispute) -> Dispute:
        found = await locked(uow, dispute.id)
        if found.state not in OPEN:
            raise Conflict(f"This dispute is {found.state.value}.", details={"state": found.state.value},
                           reason=ConflictReason.CLOSED)
        return found

    async def _other_side(self, dispute: Dispute, side: Side, uow: UnitOfWork) -> list[str]:
        """Who hears of an entry: the other side's users (an admin's entry: both sides)."""
        other = {Side.CUSTOMER: Side.PROVIDER, Side.PROVIDER: Side.CUSTOMER}.get(side)
        return await parties.users_of(dispute, other, conn=uow.connection)

    async def _audit(self, uow: UnitOfWork, actor: Actor | None, context: RequestContext | None, action: str,
                     dispute: Dispute, before: dict[str, Any] | None, after: dict[str, Any]) -> None:
        await audit.record(uow, actor=actor, action=action, subject_type="dispute", subject_id=str(dispute.id),
                           context=context or RequestContext(), before=before, after=after)

    def view(self, dispute: Dispute, side: Side, actor: Actor, entries: list[DisputeEntry] | None = None
             ) -> dict[str, Any]:
        return view_of(dispute, side, self._actions(dispute, side, actor), entries, actor)

    def _actions(self, dispute: Dispute, side: Side, actor: Actor) -> list[str]:
        if dispute.state not in OPEN:
            return []
        table = actions_for(dispute.state, side)
        found = ["add_entry"]
        if side in (Side.CUSTOMER, Side.PROVIDER):
            found.append("offer")
            if dispute.open_offer_seq is not None:
                found += ["accept_offer", "decline_offer"]
        found += [a for a in ("escalate", "decide") if a in table]
        if "withdraw" in table and (side is Side.ADMIN or str(dispute.opened_by_id) == actor.user_id):
            found.append("withdraw")
        return found

    async def _admin_view(self, actor: Actor, dispute_id: Any) -> dict[str, Any]:
        dispute = await Dispute.get(id=dispute_id)
        entries = await DisputeEntry.filter(dispute_id=dispute.id).order_by("seq")
        side = await parties.side_on(actor, dispute) or Side.ADMIN
        return self.view(dispute, side, actor, entries)


def _outcome_of(refunded: int, released: int) -> Outcome:
    if released == 0:
        return Outcome.REFUND
    return Outcome.RELEASE if refunded == 0 else Outcome.SPLIT


async def _dispute(dispute_id: str) -> Dispute:
    uid = as_uuid(dispute_id)
    found = await Dispute.get_or_none(id=uid) if uid else None
    if found is None:
        raise NotFound()
    return found
