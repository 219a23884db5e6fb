"""The payment case's transitions, each inside the caller's unit of work: the ledger entry
(postings.py), the stored gateway operation (operations/store.py) and the move (moving.py)
together. Gateway calls happen later, in the operations worker, with the keys stored here."""

from __future__ import annotations

import copy
from datetime import datetime
from typing import Any
from uuid import UUID

from domain.bookings.models import Booking, BookingState
from domain.bookings.windows import invalid
from domain.finance import ledger, promo
from domain.finance.cases import breakdown as bd
from domain.finance.cases import gateway_facts, postings, review_holds, rows
from domain.finance.cases.models import CaseState, MilestoneState, PaymentCase, PaymentMilestone
from domain.finance.cases.moving import CaseMoves, Who, destination_of, parse_time, receivables
from domain.finance.cases.states import CAPTURED, Action, Party, decide
from domain.finance.chargebacks import clawback, holds
from domain.finance.operations import store
from domain.finance.operations.models import FinanceOperation, OpKind, OpStatus
from domain.finance.operations.worker import LATE_CAPTURES
from domain.shared.clock import isoformat, utcnow
from domain.shared.errors import Conflict, ConflictReason
from domain.shared.money import Money
from domain.shared.uow import UnitOfWork

S = CaseState
A = Action
P = Party


class CaseTransitions(CaseMoves):
    async def _authorized(self, uow: UnitOfWork, case: PaymentCase, result: dict[str, Any], who: Who) -> PaymentCase:
        if case.state is not S.AUTHORIZING:
            return case
        payment_id = str(result["id"])
        capture_before = parse_time(result.get("capture_before")) or utcnow() + self.rules.authorization_lifetime
        entry = await ledger.post(uow, postings.authorize(case.id, case.currency, promo.card_amount(case),
                                                          key=f"gw:{payment_id}:authorized", actor=who.ledger_actor,
                                                          request_id=who.context.request_id))
        case = await self._move(uow, case, A.AUTHORIZED, frozenset({P.GATEWAY}), who, updates={
            "payment_id": payment_id, "capture_before": capture_before, "authorize_entry_id": entry.id,
            "charge_id": result.get("charge_id")})
        await review_holds.screen_authorized(uow, review_holds.Authorized(case, result.get("card_country")))
        booking = await rows.booking(uow.connection, case.booking_id)
        if booking.state in (BookingState.ACCEPTED, BookingState.SCHEDULED, BookingState.IN_PROGRESS,
                             BookingState.COMPLETED):  # accepted before the card answered: capture now
            case = await self._capture(uow, case, frozenset({P.SYSTEM}), who)
        elif booking.state in (BookingState.CANCELLED, BookingState.DECLINED, BookingState.EXPIRED):
            case = await self._end_authorization(uow, case, A.VOID, frozenset({P.SYSTEM}), who,
                                                 reason=f"booking {booking.state.value}")
        return case

    async def _capture(self, uow: UnitOfWork, case: PaymentCase, parties: frozenset[Party], who: Who) -> PaymentCase:
        decide(case.state, A.CAPTURE, parties)
        if await review_holds.capture_blocked(uow, case.id):
            return case  # held for review: `capture_after_review` captures once it is cleared
        if case.capture_before is None or case.capture_before <= utcnow():
            LATE_CAPTURES.inc()  # never capture after it: the authorization is gone
            return await self._end_authorization(uow, case, A.EXPIRE, frozenset({P.TIMER}), who,
                                                 reason="authorization expired before the capture")
        case = await self._move(uow, case, A.CAPTURE, parties, who)
        await store.enqueue(uow, case.id, OpKind.CAPTURE, {
            "payment_id": case.payment_id, "capture_before": isoformat(case.capture_before)
            if case.capture_before else None})
        return case

    async def capture_after_review(self, uow: UnitOfWork, case_id: UUID, who: Who) -> PaymentCase:
        """A hold for review was cleared: capture now if the booking was accepted meanwhile."""
        case = await PaymentCase.get(id=case_id, using_db=uow.connection)
        booking = await Booking.get(id=case.booking_id, using_db=uow.connection)
        if case.state is S.AUTHORIZED and booking.state in (BookingState.ACCEPTED, BookingState.SCHEDULED,
                                                            BookingState.IN_PROGRESS, BookingState.COMPLETED):
            case = await self._capture(uow, case, frozenset({P.SYSTEM}), who)
        return case

    async def _captured(self, uow: UnitOfWork, case: PaymentCase, result: dict[str, Any], who: Who) -> PaymentCase:
        if case.state not in (S.AUTHORIZED, S.CAPTURE_PENDING) or case.authorize_entry_id is None:
            return case
        payment_id = case.payment_id
        await ledger.resolve_pending(uow, case.authorize_entry_id, post=True, key=f"gw:{payment_id}:captured",
                                     actor=who.ledger_actor, reason="captured")
        await ledger.post(uow, postings.settle(case.id, case.currency, promo.card_amount(case),
                                               key=f"gw:{payment_id}:captured:settle", actor=who.ledger_actor))
        await gateway_facts.book_fee(uow, case, result.get("charge_id") or case.charge_id, result.get("fee"),
                                     actor=who.ledger_actor)
        await promo.settle(uow, case, spend=True, actor=who.ledger_actor, reason="captured: credit spent")
        case = await self._move(uow, case, A.CAPTURED, frozenset({P.GATEWAY}), who, updates={
            "captured_amount": case.amount, "charge_id": result.get("charge_id") or case.charge_id})
        booking = await rows.booking(uow.connection, case.booking_id)
        if booking.state is BookingState.COMPLETED:
            case = await self._complete(uow, case, who)
        elif booking.state in (BookingState.CANCELLED, BookingState.DECLINED, BookingState.EXPIRED):
            case = await self._settle_ended(uow, case, booking, who)
        return case

    async def _complete(self, uow: UnitOfWork, case: PaymentCase, who: Who) -> PaymentCase:
        release_after = utcnow() + self.rules.release_window
        return await self._move(uow, case, A.COMPLETE, frozenset({P.SYSTEM}), who,
                                updates={"release_after": release_after},
                                extra={"release_after": isoformat(release_after)})

    async def _end_authorization(self, uow: UnitOfWork, case: PaymentCase, action: Action,
                                 parties: frozenset[Party], who: Who, *, reason: str,
                                 call_gateway: bool = True) -> PaymentCase:
        """Void or expire: the ledger's pending hold is voided now; the gateway is told."""
        decide(case.state, action, parties)
        if case.authorize_entry_id is not None:
            await ledger.resolve_pending(uow, case.authorize_entry_id, post=False,
                                         key=f"case:{case.id}:{action.value}", actor=who.ledger_actor, reason=reason)
        await promo.settle(uow, case, spend=False, actor=who.ledger_actor, reason=reason)
        moved = await self._move(uow, case, action, parties, who, extra={"reason": reason})
        if call_gateway and case.payment_id:
            await store.enqueue(uow, case.id, OpKind.VOID, {"payment_id": case.payment_id})
        return moved

    async def _release(self, uow: UnitOfWork, case: PaymentCase, action: Action, parties: frozenset[Party],
                       who: Who, *, reason: str, positions: list[int] | None = None,
                       override: dict[str, Any] | None = None) -> PaymentCase:
        """Held money to the payees, the platform and tax: each chosen milestone's frozen shares
        (or, for a cancellation fee, `override` for everything still held), with one transfer
        operation per payee who can be paid."""
        conn = uow.connection
        decision = decide(case.state, action, parties)
        every = rows.remembered_milestones(case)  # read with the case: the compare-and-set proves them current
        if every is None:
            every = await rows.milestones(conn, case.id)
        pending = [m for m in every if m.state is MilestoneState.PENDING]
        chosen = [m for m in pending if positions is None or m.position in positions]
        if not chosen:
            raise Conflict("Nothing is held for this milestone.", details={"milestones": positions},
                           reason=ConflictReason.INVALID_TRANSITION)
        target = S.RELEASED if len(chosen) == len(pending) else decision.to
        booked = [(m, override if override is not None else m.shares) for m in chosen]
        if override is not None:  # the fee's own split, booked once on the first part
            booked = booked[:1]
        released = sum(shares["total"] for _, shares in booked)
        # The compare-and-set first (the milestones marked by the same statement): a concurrent
        # release stops here, before the ledger.
        # The same statement reads what the first part's payees owe us and the open chargebacks.
        releasing = rows.Releasing([m.id for m in chosen], utcnow(), [p["owner"] for p in booked[0][1]["payees"]],
                                   case.currency)
        moved = await self._move(uow, case, action, parties, who, to=target,
                                 updates={"released_amount": case.released_amount + released},
                                 extra={"released": Money(released, case.currency).as_dict(),
                                        "milestones": [m.position for m in chosen]},
                                 released=releasing)
        marked = {m.id for m in chosen}
        rows.remember_milestones(moved, [_released(m, releasing.at) if m.id in marked else m for m in every])
        for number, (milestone, shares) in enumerate(booked):
            owners = [p["owner"] for p in shares["payees"]]
            # What the payees owe us and the open chargebacks: asked with the compare-and-set for
            # the first part, afresh after the previous part's entry and holds for the others
            # (None: two questions, on SQLite).
            asked = releasing.asked if number == 0 and releasing.asked is not None else \
                await rows.release_reads(conn, owners, case.currency)
            owed, open_holds = asked if asked is not None else (await receivables(owners, case.currency), None)
            netted = {p["owner"]: min(owed[p["owner"]], p["amount"]) for p in shares["payees"]}
            await ledger.post(uow, postings.release(
                case.id, case.currency, shares, netted, key=f"case:{case.id}:release:m{milestone.position}",
                actor=who.ledger_actor, reason=reason[:200], request_id=who.context.request_id))
            # Open chargebacks hold the payees' next releases (chargebacks/holds.py): after the
            # release credited their payable, before any transfer is sent.
            held = await holds.take(uow, case_id=case.id, step=f"release:m{milestone.position}",
                                    currency=case.currency, actor=who.ledger_actor,
                                    shares=_owed(shares["payees"], netted), open_holds=open_holds)
            for number, payee in enumerate(shares["payees"]):
                amount = payee["amount"] - netted[payee["owner"]]
                cut = min(held.get(payee["owner"], 0), max(amount, 0))
                held[payee["owner"]] = held.get(payee["owner"], 0) - cut
                amount -= cut
                destination = await destination_of(payee["owner"])
                if amount > 0 and destination is not None:
                    await store.enqueue(uow, case.id, OpKind.TRANSFER, {
                        "amount": amount, "currency": case.currency, "destination": destination,
                        "owner": payee["owner"], "transfer_group": f"case:{case.id}",
                        "source_transaction": case.charge_id,
                        "metadata": {"case_id": str(case.id), "milestone": str(milestone.position)},
                    }, label=f"transfer-m{milestone.position}-p{number}")
        return moved

    async def _transferred(self, uow: UnitOfWork, case: PaymentCase, op: FinanceOperation, result: dict[str, Any],
                           who: Who) -> None:
        p = op.params
        transfer_id = str(result.get("id") or op.idempotency_key)
        await ledger.post(uow, postings.transfer(case.id, case.currency, p["owner"], int(p["amount"]),
                                                 key=f"gw:{transfer_id}:transfer", actor=who.ledger_actor))
        open_ops = await FinanceOperation.filter(case_id=case.id, op=OpKind.TRANSFER,
                                                 status=OpStatus.PENDING).using_db(uow.connection).count()
        left = await PaymentMilestone.filter(case_id=case.id, state=MilestoneState.PENDING).using_db(
            uow.connection).count()
        if not open_ops and not left and case.state in (S.RELEASED, S.PARTIALLY_REFUNDED):
            await self._move(uow, case, A.PAID_OUT, frozenset({P.GATEWAY}), who)

    async def _refund(self, uow: UnitOfWork, case: PaymentCase, amount: Money | None, parties: frozenset[Party],
                      who: Who, *, reason: str, call_gateway: bool = True, key: str | None = None,
                      credit: ledger.AccountKind = ledger.AccountKind.GATEWAY_BALANCE,
                      claw_back: bool = True) -> PaymentCase:
        """Money back to the card (or, `credit`=dispute_suspense, a lost chargeback: the bank took
        it). The part already released becomes the payees' receivable; with `claw_back`, a
        transfer reversal is attempted for what was already transferred to them."""
        conn = uow.connection
        refundable = case.captured_amount - case.refunded_amount
        value = refundable if amount is None else amount.amount
        if amount is not None and amount.currency != case.currency:
            raise invalid("amount.currency", f"must be the payment's currency, {case.currency}")
        if case.state not in CAPTURED:
            raise Conflict(f"A payment that is {case.state.value.replace('_', ' ')} cannot be refunded.",
                           details={"state": case.state.value}, reason=ConflictReason.INVALID_TRANSITION)
        if value <= 0 or value > refundable:
            raise Conflict("A refund cannot exceed what was captured and not refunded yet.",
                           details={"refundable": Money(refundable, case.currency).as_dict()},
                           reason=ConflictReason.AMOUNT_OUT_OF_RANGE)
        action = A.REFUND_FULL if value == refundable else A.REFUND_PARTIAL
        decide(case.state, action, parties)
        # Take it from what is still held first (last milestone first), then from what was released.
        milestones = await PaymentMilestone.filter(case_id=case.id).using_db(conn).order_by("-position")
        ordered = [m for m in milestones if m.state is MilestoneState.PENDING] + \
                  [m for m in milestones if m.state is MilestoneState.RELEASED]
        left, from_held, after_release = value, 0, None
        for milestone in ordered:
            if left == 0:
                break
            take = min(left, milestone.amount)
            if take == 0:
                continue
            piece = bd.proportion(milestone.shares, take)
            await PaymentMilestone.filter(id=milestone.id).using_db(conn).update(
                amount=milestone.amount - take, shares=bd.combine(milestone.shares, piece, -1))
            if milestone.state is MilestoneState.PENDING:
                from_held += take
            else:
                after_release = bd.combine(after_release, piece)
            left -= take
        entry_key = key or f"case:{case.id}:refund:s{case.seq + 1}"  # seq: unique even after a compensation
        to_card, to_credit = promo.refund_split(case, value)  # card money first, promotional credit last
        entry = await ledger.post(uow, postings.refund(case.id, case.currency, from_held, after_release,
                                                       key=entry_key, actor=who.ledger_actor, reason=reason,
                                                       request_id=who.context.request_id, credit=credit,
                                                       to_credit=promo.refund_leg(case, to_credit)))
        before = case.state
        case = await self._move(uow, case, action, parties, who,
                                updates={"refunded_amount": case.refunded_amount + value},
                                extra={"refund": Money(value, case.currency).as_dict(), "reason": reason})
        if call_gateway and to_card > 0:
            await store.enqueue(uow, case.id, OpKind.REFUND, {
                "payment_id": case.payment_id, "amount": to_card, "currency": case.currency, "entry_id": str(entry.id),
                "from_state": before.value, "from_held": from_held, "total": value,
            }, attempt=case.seq)  # the case's sequence: a distinct key per refund
        if claw_back and after_release:
            await clawback.enqueue(uow, case, after_release, attempt=case.seq)
        return case

    async def _refund_failed(self, uow: UnitOfWork, case: PaymentCase, op: FinanceOperation, who: Who,
                             error: str) -> None:
        """The gateway refused a refund: its ledger entry is reversed and the amounts restored
        (the key is closed; asking again makes a new refund with a new key)."""
        p = op.params
        await ledger.reverse(uow, UUID(p["entry_id"]), key=f"{op.idempotency_key}:declined",
                             actor=who.ledger_actor, reason=f"refund declined: {error}"[:200])
        amount = int(p.get("total", p["amount"]))  # the card's part and the credit's, both reversed
        # The money is back where it was: held first (the first pending milestone takes it).
        first = await PaymentMilestone.filter(case_id=case.id, state=MilestoneState.PENDING).using_db(
            uow.connection).order_by("position").first()
        if first is not None and int(p.get("from_held", 0)):
            restored = bd.proportion(case.breakdown, int(p["from_held"]))
            await PaymentMilestone.filter(id=first.id).using_db(uow.connection).update(
                amount=first.amount + int(p["from_held"]), shares=bd.combine(first.shares, restored))
        await self._move(uow, case, None, frozenset({P.GATEWAY}), who, to=CaseState(p["from_state"]),
                         updates={"refunded_amount": case.refunded_amount - amount},
                         event_type="payment.refund_failed", extra={"error": error[:300]})

    async def _settle_ended(self, uow: UnitOfWork, case: PaymentCase, booking: Booking, who: Who) -> PaymentCase:
        """A captured booking that ended: the customer's late cancellation keeps the fee its
        frozen terms say (released to the payees and the platform as they say); anything else
        (declined, expired, a free cancellation) refunds everything still refundable."""
        kept = bd.cancellation(booking.pricing, booking.scheduled_start, utcnow()) \
            if booking.state is BookingState.CANCELLED and case.refunded_amount == 0 and case.released_amount == 0 \
            else None
        if kept is None or kept["total"] >= case.captured_amount:
            return await self._refund(uow, case, None, frozenset({P.SYSTEM}), who,
                                      reason=f"booking {booking.state.value}")
        case = await self._refund(uow, case, Money(case.captured_amount - kept["total"], case.currency),
                                  frozenset({P.SYSTEM}), who, reason="cancelled: refund less the cancellation fee")
        return await self._release(uow, case, A.RELEASE, frozenset({P.SYSTEM}), who,
                                   reason="cancellation fee", override=kept)


def _released(milestone: PaymentMilestone, at: datetime) -> PaymentMilestone:
    """The milestone as mark_released left it."""
    marked = copy.copy(milestone)
    marked.state, marked.released_at = MilestoneState.RELEASED, at
    return marked


def _owed(payees: list[dict[str, Any]], netted: dict[str, int]) -> dict[str, int]:
    """Each owner's share of a release once their receivable is netted (what a hold may take)."""
    owed: dict[str, int] = {}
    for payee in payees:
        owed[payee["owner"]] = owed.get(payee["owner"], 0) + payee["amount"]
    return {owner: amount - netted.get(owner, 0) for owner, amount in owed.items() if amount - netted.get(owner, 0) > 0}
