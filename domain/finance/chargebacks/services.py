"""Chargebacks and transfer reversals, applied to the payment cases.

`Chargebacks.apply_gateway_event` (the webhook inbox's handler for `charge.dispute.*`): the
dispute is refetched and applied by its state, after the payment itself (so a dispute seen
before its payment's capture or refunds books them first). Each application is one unit of
work: compare-and-set on the `gateway_dispute` row, ledger entries keyed by the dispute
(`gw:<dispute>:<step>:<total>`), a same-state move of the case with its `finance` event and
audit record. Duplicates and any order of the events end in the same rows and ledger.

Booking (docs/finance.md, "Chargebacks"):
- withdrawn: dispute_suspense / gateway_balance for the amount and for the dispute fee; what
  the case still holds covers the amount first (its release is frozen: `dispute_open`), the
  payees' part of the rest is held from their next releases (chargebacks/holds.py);
- reinstated (and a returned fee): gateway_balance / dispute_suspense;
- closed won: the holds go back to the payees' payable; closed lost: booked like a refund
  against dispute_suspense (from held funds first, the released part as the payees' receivable
  with the platform's commission and tax given back), the holds then pay that receivable;
  the fee not returned is the platform's loss (dispute_losses).

`Clawbacks`: the outcomes of transfer reversals (chargebacks/clawback.py)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any, TypeVar
from uuid import UUID

from tortoise.exceptions import IntegrityError

from domain.access.policy import Permission, authorize
from domain.bookings.models import Booking
from domain.finance import ledger
from domain.finance.cases import breakdown as bd
from domain.finance.cases import disputes as case_port
from domain.finance.cases.models import PaymentCase
from domain.finance.cases.moving import Who
from domain.finance.cases.services import PaymentCases
from domain.finance.cases.states import CAPTURED, Party
from domain.finance.chargebacks.holds import hold_account
from domain.finance.chargebacks.models import GatewayDispute, Outcome
from domain.finance.chargebacks.views import ChargebackView, timeline, view_of
from domain.finance.gateway.port import DisputeState, GatewayEvent
from domain.finance.operations import store
from domain.finance.operations.models import FinanceOperation, OpStatus
from domain.shared.clock import utcnow
from domain.shared.context import Actor
from domain.shared.errors import Conflict, ConflictReason, NotFound
from domain.shared.ids import as_uuid
from domain.shared.money import Money
from domain.shared.uow import UnitOfWork, unit_of_work

K = ledger.AccountKind
GATEWAY = frozenset({Party.GATEWAY})
T = TypeVar("T")
# A chargeback on money the case still held freezes its release (domain/finance/cases/disputes.py).
FREEZE_HOLDER = "chargebacks"


async def _an_open_chargeback_holds(uow: UnitOfWork, case_id: UUID) -> bool:
    return await GatewayDispute.filter(case_id=case_id, froze_case=True, closed_at__isnull=True).using_db(
        uow.connection).exists()


case_port.register_freeze_holder(FREEZE_HOLDER, _an_open_chargeback_holds)


class Chargebacks:
    GATEWAY_EVENT_TYPES = ("charge.dispute.",)

    def __init__(self, cases: PaymentCases) -> None:
        self.cases = cases
        self.gateway = cases.gateway  # domain.finance.gateway.port.PaymentGateway

    async def of_case(self, actor: Actor, case_id: str) -> list[ChargebackView]:
        """The chargebacks of a payment, for the booking's parties."""
        uid = as_uuid(case_id)
        case = await PaymentCase.get_or_none(id=uid) if uid else None
        if case is None:
            raise NotFound()
        await authorize(actor, Permission.BOOKING_READ, await Booking.get(id=case.booking_id))
        return await timeline(case.id)

    async def apply_gateway_event(self, event: GatewayEvent, uow: UnitOfWork) -> None:
        obj = (event.payload.get("data") or {}).get("object") or {}
        if not isinstance(obj, dict) or obj.get("object", "dispute") != "dispute" or not obj.get("id"):
            return
        await self.apply_dispute_state(await self.gateway.dispute(str(obj["id"])))

    async def apply_dispute_state(self, dispute: DisputeState) -> GatewayDispute | None:
        case = await _case_of(dispute)
        if case is None:
            return None  # not a payment of ours
        if case.payment_id:  # the payment first: its capture and refunds, whatever arrived so far
            payment = await self.gateway.payment(case.payment_id)
            await _again(lambda: self.cases.apply_payment_state(payment))
        return await _again(lambda: self._apply(dispute, case.id))

    async def _apply(self, dispute: DisputeState, case_id: UUID) -> GatewayDispute:
        who = Who(f"gateway:{self.gateway.name}")
        async with unit_of_work() as uow:
            conn = uow.connection
            await case_port.chargeback_coming(uow, case_id)  # the disputes it may add to, locked first
            case = await PaymentCase.get(id=case_id, using_db=conn)
            row = await GatewayDispute.get_or_none(dispute_id=dispute.id, using_db=conn)
            seen = ["chargeback_opened"] if row is None else []
            if row is None:
                try:
                    async with unit_of_work() as inner:  # a savepoint: a concurrent insert wins
                        row = await GatewayDispute.create(
                            gateway=self.gateway.name, dispute_id=dispute.id, case_id=case.id,
                            payment_id=dispute.payment_id, charge_id=dispute.charge_id,
                            currency=dispute.amount.currency, amount=dispute.amount.amount, status=dispute.status,
                            reason=dispute.reason[:64], using_db=inner.connection)
                except IntegrityError as exc:
                    raise Conflict("The chargeback was recorded meanwhile.",
                                   reason=ConflictReason.STALE_VERSION) from exc
                case = await self._note(uow, case, row, "payment.chargeback_opened", who)
            if row.outcome is not Outcome.OPEN:
                return row  # closed: nothing more ever changes
            steps = _Steps(row)
            case = await self._withdrawn(uow, case, row, dispute, steps, who)
            await self._reinstated(uow, case, row, dispute, steps, who)
            if dispute.closed:
                case = await self._close(uow, case, row, dispute, steps, who)
            if steps.changed:
                changed = await GatewayDispute.filter(id=row.id, version=row.version).using_db(conn).update(
                    **steps.updates, status=dispute.status, version=row.version + 1, updated_at=utcnow())
                if not changed:
                    raise Conflict("The chargeback changed meanwhile; apply it again.",
                                   reason=ConflictReason.STALE_VERSION)
                row = await GatewayDispute.get(id=row.id, using_db=conn)
                for number, type_ in enumerate(steps.events):  # one finance event per step, in order
                    last = number == len(steps.events) - 1
                    case = await self._note(uow, case, row, type_, who, updates=steps.case_updates if last else None)
                seen += [type_.removeprefix("payment.") for type_ in steps.events]
            if seen:  # the open disputes of this payment show it on their timelines
                await case_port.chargeback_seen(uow, case.id, _seen(row, seen))
            return row

    async def _withdrawn(self, uow: UnitOfWork, case: PaymentCase, row: GatewayDispute, d: DisputeState,
                         steps: _Steps, who: Who) -> PaymentCase:
        currency = row.currency
        if d.withdrawn > row.withdrawn:
            await _post(uow, case, f"gw:{d.id}:withdrawn:{d.withdrawn}", "chargeback_withdrawn", who,
                        "chargeback: the disputed amount left the gateway balance",
                        (K.DISPUTE_SUSPENSE, "platform", d.withdrawn - row.withdrawn),
                        (K.GATEWAY_BALANCE, "platform", -(d.withdrawn - row.withdrawn)), currency=currency)
            steps.set(withdrawn=d.withdrawn, event="payment.chargeback_withdrawn")
            if row.withdrawn == 0:  # the first withdrawal: who covers it while it is open
                held = (await ledger.balance(ledger.AccountKey(K.CASE_HELD, f"case:{case.id}", currency))).posted
                from_case = max(0, min(d.withdrawn, held))
                from_payees = min(d.withdrawn - from_case, case.captured_amount)
                holds = {p["owner"]: int(p["amount"]) for p in bd.proportion(case.breakdown, from_payees)["payees"]
                         if p["amount"] > 0} if from_payees > 0 else {}
                steps.set(holds=holds, froze_case=from_case > 0)
                if from_case > 0:
                    steps.case_updates["dispute_open"] = True
        if d.fee > row.fee:
            await _post(uow, case, f"gw:{d.id}:fee:{d.fee}", "dispute_fee", who, "chargeback: the dispute fee",
                        (K.DISPUTE_SUSPENSE, "platform", d.fee - row.fee),
                        (K.GATEWAY_BALANCE, "platform", -(d.fee - row.fee)), currency=currency)
            steps.set(fee=d.fee, event="payment.chargeback_withdrawn")
        return case

    async def _reinstated(self, uow: UnitOfWork, case: PaymentCase, row: GatewayDispute, d: DisputeState,
                          steps: _Steps, who: Who) -> None:
        if d.reinstated > row.reinstated:
            await _post(uow, case, f"gw:{d.id}:reinstated:{d.reinstated}", "chargeback_reinstated", who,
                        "chargeback: the disputed amount came back",
                        (K.GATEWAY_BALANCE, "platform", d.reinstated - row.reinstated),
                        (K.DISPUTE_SUSPENSE, "platform", -(d.reinstated - row.reinstated)), currency=row.currency)
            steps.set(reinstated=d.reinstated, event="payment.chargeback_reinstated")
        if d.fee_returned > row.fee_returned:
            await _post(uow, case, f"gw:{d.id}:fee_returned:{d.fee_returned}", "dispute_fee", who,
                        "chargeback: the dispute fee came back",
                        (K.GATEWAY_BALANCE, "platform", d.fee_returned - row.fee_returned),
                        (K.DISPUTE_SUSPENSE, "platform", -(d.fee_returned - row.fee_returned)),
                        currency=row.currency)
            steps.set(fee_returned=d.fee_returned, event="payment.chargeback_reinstated")

    async def _close(self, uow: UnitOfWork, case: PaymentCase, row: GatewayDispute, d: DisputeState,
                     steps: _Steps, who: Who) -> PaymentCase:
        currency, won = row.currency, d.status != "lost"
        held = {owner: int(amount) for owner, amount in dict(row.held).items() if int(amount) > 0}
        legs: list[tuple[ledger.AccountKind | ledger.AccountKey, str, int]] = []
        lost_amount = 0
        if won:  # what the payees' releases set aside goes back to them
            legs = [(K.PROVIDER_PAYABLE, owner, -amount) for owner, amount in held.items()]
        else:
            lost = max(0, d.withdrawn - d.reinstated)
            refundable = case.captured_amount - case.refunded_amount if case.state in CAPTURED else 0
            lost_amount = min(lost, refundable)
            if lost_amount > 0:  # from held funds first, the rest the payees' receivable
                case = await self.cases._refund(
                    uow, case, Money(lost_amount, currency), GATEWAY, who, reason=f"chargeback {d.id} lost",
                    call_gateway=False, key=f"gw:{d.id}:lost", credit=K.DISPUTE_SUSPENSE, claw_back=False)
            if lost > lost_amount:  # more than the case could give back: the platform's loss
                await _post(uow, case, f"gw:{d.id}:lost:rest", "dispute_loss", who, "chargeback lost",
                            (K.DISPUTE_LOSSES, "platform", lost - lost_amount),
                            (K.DISPUTE_SUSPENSE, "platform", -(lost - lost_amount)), currency=currency)
            for owner, amount in held.items():  # the holds pay what the payees now owe
                owed = (await ledger.balance(ledger.AccountKey(K.PROVIDER_RECEIVABLE, owner, currency))).posted
                paid = max(0, min(amount, owed))
                legs += [(K.PROVIDER_RECEIVABLE, owner, -paid)] if paid else []
                legs += [(K.PROVIDER_PAYABLE, owner, -(amount - paid))] if amount > paid else []
        if held:
            await _post(uow, case, f"gw:{d.id}:holds", "chargeback_hold_" + ("released" if won else "applied"), who,
                        f"chargeback {'won' if won else 'lost'}: the payees' held releases",
                        (hold_account(row.id, currency), "", sum(held.values())), *legs, currency=currency)
        fee_left = max(steps.value("fee") - steps.value("fee_returned"), 0)
        if fee_left:  # the platform bears the dispute fee
            await _post(uow, case, f"gw:{d.id}:fee_loss", "dispute_loss", who, "chargeback: the dispute fee kept",
                        (K.DISPUTE_LOSSES, "platform", fee_left), (K.DISPUTE_SUSPENSE, "platform", -fee_left),
                        currency=currency)
        steps.set(outcome=Outcome.WON if won else Outcome.LOST, closed_at=utcnow(), lost_amount=lost_amount,
                  event="payment.chargeback_closed")
        if row.froze_case:
            steps.case_updates["dispute_open"] = await case_port.frozen_elsewhere(uow, case.id, besides=FREEZE_HOLDER)
        return case

    async def _note(self, uow: UnitOfWork, case: PaymentCase, row: GatewayDispute, type_: str, who: Who,
                    updates: dict[str, Any] | None = None) -> PaymentCase:
        """A same-state move of the case: its version and seq, the finance event, the audit record."""
        extra = {"chargeback": view_of(row).as_dict(), "disputed": Money(row.amount, row.currency).as_dict()}
        return await self.cases._move(uow, case, None, GATEWAY, who, to=case.state, event_type=type_,
                                      updates=updates or None, extra=extra)


class Clawbacks:
    """The outcomes of transfer reversals (operations keyed `fs:reversal-...`)."""

    def __init__(self, cases: PaymentCases) -> None:
        self.cases = cases

    async def succeeded(self, op: FinanceOperation, result: dict[str, Any]) -> None:
        await _again(lambda: self._reversed(op, result))

    async def declined(self, op: FinanceOperation, error: str) -> None:
        await _again(lambda: self._declined(op, error))

    async def _reversed(self, op: FinanceOperation, result: dict[str, Any]) -> None:
        """The payee's money came back: it pays their receivable; anything beyond what they still
        owe (a later release netted it meanwhile) is theirs again, on their payable."""
        who = Who(f"gateway:{self.cases.gateway.name}")
        async with unit_of_work() as uow:
            if not await store.close(uow, op, OpStatus.SUCCEEDED, result):
                return
            case = await PaymentCase.get(id=op.case_id, using_db=uow.connection)
            p = op.params
            owner, amount, currency = str(p["owner"]), int(p["amount"]), str(p["currency"])
            owed = (await ledger.balance(ledger.AccountKey(K.PROVIDER_RECEIVABLE, owner, currency))).posted
            paid = max(0, min(amount, owed))
            legs: list[tuple[Any, str, int]] = [(K.GATEWAY_BALANCE, "platform", amount)]
            legs += [(K.PROVIDER_RECEIVABLE, owner, -paid)] if paid else []
            legs += [(K.PROVIDER_PAYABLE, owner, -(amount - paid))] if amount > paid else []
            reversal = str(result.get("id") or op.idempotency_key)
            await _post(uow, case, f"gw:{reversal}:transfer_reversal", "transfer_reversal", who,
                        "transfer reversed after a refund", *legs, currency=currency)
            await self.cases._move(uow, case, None, GATEWAY, who, to=case.state, event_type="payment.transfer_reversed",
                                   extra={"payee": owner, "reversed": Money(amount, currency).as_dict(),
                                          "transfer_id": p["transfer_id"], "reversal_id": reversal})

    async def _declined(self, op: FinanceOperation, error: str) -> None:
        """Refused (the connected account no longer holds it): nothing moved, so nothing to undo;
        the payee's receivable stays, visible in their balance and netted against their next
        releases. The key is closed: a later attempt would be a new operation."""
        who = Who(f"gateway:{self.cases.gateway.name}")
        async with unit_of_work() as uow:
            if not await store.close(uow, op, OpStatus.FAILED, None, error):
                return
            case = await PaymentCase.get(id=op.case_id, using_db=uow.connection)
            p = op.params
            amount = Money(int(p["amount"]), str(p["currency"])).as_dict()
            await self.cases._move(uow, case, None, GATEWAY, who, to=case.state,
                                   event_type="payment.transfer_reversal_declined",
                                   extra={"payee": p["owner"], "amount": amount, "transfer_id": p["transfer_id"],
                                          "error": error[:300]})


class _Steps:
    """What one application changes on the dispute row (and on the case), written at the end
    with one compare-and-set."""

    def __init__(self, row: GatewayDispute) -> None:
        self.row = row
        self.updates: dict[str, Any] = {}
        self.case_updates: dict[str, Any] = {}
        self.events: list[str] = []

    @property
    def changed(self) -> bool:
        return bool(self.updates)

    def set(self, event: str | None = None, **updates: Any) -> None:
        self.updates.update(updates)
        if event is not None and event not in self.events:
            self.events.append(event)

    def value(self, name: str) -> int:
        return int(self.updates.get(name, getattr(self.row, name)))


def _seen(row: GatewayDispute, steps: list[str]) -> dict[str, Any]:
    return {"type": steps[-1], "steps": steps, "dispute_id": row.dispute_id, "amount": row.amount,
            "currency": row.currency, "status": row.status, "reason": row.reason, "outcome": row.outcome.value}


async def _post(uow: UnitOfWork, case: PaymentCase, key: str, kind: str, who: Who, reason: str,
                *legs: tuple[Any, str, int], currency: str) -> None:
    """One entry from (account kind or key, owner, signed amount: + debit, - credit) legs."""
    drafted: list[ledger.Leg] = []
    for account, owner, amount in legs:
        if amount == 0:
            continue
        key_of = account if isinstance(account, ledger.AccountKey) else ledger.AccountKey(account, owner, currency)
        drafted.append(ledger.Leg(key_of, ledger.Side.DEBIT if amount > 0 else ledger.Side.CREDIT, abs(amount)))
    await ledger.post(uow, ledger.EntryDraft(idempotency_key=key, kind=kind, case_id=case.id, actor=who.ledger_actor,
                                             reason=reason[:200], legs=tuple(drafted)))


async def _case_of(dispute: DisputeState) -> PaymentCase | None:
    if dispute.payment_id:
        found = await PaymentCase.get_or_none(payment_id=dispute.payment_id)
        if found is not None:
            return found
    return await PaymentCase.get_or_none(charge_id=dispute.charge_id) if dispute.charge_id else None


async def _again(attempt: Callable[[], Awaitable[T]], tries: int = 5) -> T:
    """Run `attempt` (one unit of work reading afresh) again when another writer won a
    compare-and-set; its guards then see the new state and do only what is left."""
    for number in range(tries):
        try:
            return await attempt()
        except Conflict:
            if number == tries - 1:
                raise
    raise AssertionError("unreachable")
