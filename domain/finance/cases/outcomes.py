"""What the gateway says, applied to the case: an operation's outcome (called by the operations
worker) and a stored webhook (called by the inbox worker), the latter by the payment's refetched
state, never by arrival order, with the same ledger keys, so replays and reorderings are no-ops."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from domain.finance import promo
from domain.finance.cases import gateway_facts, rows
from domain.finance.cases.models import CaseState, PaymentCase
from domain.finance.cases.moving import Who
from domain.finance.cases.states import CAPTURED, Action, Party
from domain.finance.cases.transitions import CaseTransitions
from domain.finance.chargebacks import holds
from domain.finance.operations import store
from domain.finance.operations.models import FinanceOperation, OpKind, OpStatus
from domain.shared.clock import isoformat
from domain.shared.errors import Conflict
from domain.shared.ids import as_uuid
from domain.shared.money import Money
from domain.shared.uow import UnitOfWork, unit_of_work

S = CaseState
A = Action
P = Party


class CaseOutcomes(CaseTransitions):
    async def succeeded(self, op: FinanceOperation, result: dict[str, Any]) -> None:
        # The webhook of the same call may move the case at the same moment (the sandbox and
        # Stripe answer and notify at once): a lost compare-and-set reads the case again.
        await _again_on_conflict(lambda: self._succeeded(op, result))

    async def _succeeded(self, op: FinanceOperation, result: dict[str, Any]) -> None:
        who = Who(f"gateway:{self.gateway.name}")
        async with unit_of_work() as uow:
            if not await store.close(uow, op, OpStatus.SUCCEEDED, result):
                return
            case = await rows.case(uow.connection, op.case_id)
            if op.op is OpKind.AUTHORIZE:
                await self._authorized(uow, case, result, who)
            elif op.op is OpKind.CAPTURE:
                await self._captured(uow, case, result, who)
            elif op.op is OpKind.TRANSFER:
                await self._transferred(uow, case, op, result, who)
            # A void or a refund was booked when it was decided: nothing more to write.

    async def declined(self, op: FinanceOperation, error: str) -> None:
        await _again_on_conflict(lambda: self._declined(op, error))

    async def _declined(self, op: FinanceOperation, error: str) -> None:
        who = Who(f"gateway:{self.gateway.name}")
        async with unit_of_work() as uow:
            if not await store.close(uow, op, OpStatus.FAILED, None, error):
                return
            case = await rows.case(uow.connection, op.case_id)
            if op.op is OpKind.AUTHORIZE and case.state is S.AUTHORIZING and case.attempt == op.attempt:
                await promo.settle(uow, case, spend=False, actor=who.ledger_actor, reason="card declined")
                await self._move(uow, case, A.DECLINE, frozenset({P.GATEWAY}), who,
                                 updates={"failure": error[:300]}, extra={"error": error[:300]})
            elif op.op is OpKind.CAPTURE and case.state in (S.CAPTURE_PENDING, S.AUTHORIZED):
                await self._end_authorization(uow, case, A.EXPIRE, frozenset({P.GATEWAY}), who, reason=error)
            elif op.op is OpKind.REFUND:
                await self._refund_failed(uow, case, op, who, error)
            # A refused void: the authorization lapses on its own. A refused transfer: the
            # payee's share stays in their provider_payable until a payout sends it.

    # The gateway event types whose object leads to a payment (the webhook inbox's router).

    GATEWAY_EVENT_TYPES = ("payment_intent.", "charge.refunded", "charge.captured", "refund.")
    # (charge.dispute.* go to domain/finance/chargebacks/services.py, which applies the payment first.)

    async def apply_gateway_event(self, event: Any, uow: UnitOfWork) -> None:
        """A stored webhook (domain/finance/gateway/inbox.py): whatever its type and order, the
        payment it concerns is refetched and applied by its current state."""
        payment_id = await _payment_id_of(event)
        if payment_id is None:
            return
        # A concurrent move of the same case (our worker, a replica): fetch and read again.
        await _again_on_conflict(lambda: self._apply_fetched(payment_id))

    async def _apply_fetched(self, payment_id: str) -> None:
        await self.apply_payment_state(await self.gateway.payment(payment_id))

    async def apply_payment_state(self, payment: Any) -> PaymentCase | None:
        """Bring the case of this gateway payment (a refetched PaymentIntentState) to what the
        gateway says, with the same ledger keys as the operations, so replays and any order of
        events end in the same state and ledger."""
        case = await PaymentCase.get_or_none(payment_id=payment.id)
        if case is None:  # authorized, but our own record of it was lost (a crash): the metadata says whose
            case_id = as_uuid(str(dict(payment.metadata or {}).get("case_id", "")))
            case = await PaymentCase.get_or_none(id=case_id, payment_id=None) if case_id else None
        if case is None:
            return None
        who = Who(f"gateway:{self.gateway.name}")
        result = {"id": payment.id, "status": payment.status, "charge_id": payment.charge_id,
                  "capture_before": isoformat(payment.capture_before) if payment.capture_before else None,
                  "amount_captured": payment.amount_captured, "fee": getattr(payment, "fee", None),
                  "card_country": getattr(payment, "card_country", None)}
        async with unit_of_work() as uow:
            case = await rows.case(uow.connection, case.id)
            if payment.status in ("requires_capture", "succeeded") and case.state is S.AUTHORIZING:
                case = await self._authorized(uow, case, result, who)
            if payment.status == "succeeded" and case.state in (S.AUTHORIZED, S.CAPTURE_PENDING):
                case = await self._captured(uow, case, result, who)
            if payment.status == "canceled" and case.state in (S.AUTHORIZING, S.AUTHORIZED, S.CAPTURE_PENDING):
                case = await self._end_authorization(uow, case, A.EXPIRE, frozenset({P.GATEWAY}), who,
                                                     reason="cancelled at the gateway", call_gateway=False)
            if case.captured_amount:  # a fee shown only by a later refetch
                await gateway_facts.book_fee(uow, case, payment.charge_id, result["fee"], actor=who.ledger_actor)
            # The gateway knows only the card's part; lost chargebacks are booked like refunds but are
            # not refunds at the gateway.
            outside = payment.amount_refunded + await holds.lost_of(case.id, uow) - promo.card_refunded(case)
            if outside > 0 and case.state in CAPTURED:  # refunded at the gateway, not by us
                for amount, key in await gateway_facts.outside_refunds(uow, case, payment, outside):
                    case = await self._refund(uow, case, Money(amount, case.currency), frozenset({P.GATEWAY}), who,
                                              reason="refunded at the gateway", call_gateway=False, key=key)
        return case


async def _again_on_conflict(attempt: Callable[[], Awaitable[None]], tries: int = 5) -> None:
    """Run `attempt` (one unit of work that reads the case afresh) again when another writer
    won the case's compare-and-set; its guards then see the new state and do only what is left."""
    for number in range(tries):
        try:
            await attempt()
            return
        except Conflict:
            if number == tries - 1:
                raise


async def _payment_id_of(event: Any) -> str | None:
    """The gateway payment an event is about: the object itself, the object's payment, or the
    payment of the charge it names."""
    if str(event.type).startswith("payment_intent."):
        return str(event.object_id)
    obj = (event.payload.get("data") or {}).get("object") or {}
    if isinstance(obj, dict) and obj.get("payment_intent"):
        return str(obj["payment_intent"])
    if await PaymentCase.exists(payment_id=str(event.object_id)):  # an adapter that names the payment
        return str(event.object_id)
    charge = obj.get("charge") if isinstance(obj, dict) else None
    for charge_id in (charge, event.object_id, obj.get("id") if isinstance(obj, dict) else None):
        if charge_id:
            case = await PaymentCase.get_or_none(charge_id=str(charge_id))
            if case is not None:
                return case.payment_id
    return None
