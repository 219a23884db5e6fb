"""Disputes: open one on a booking (or a milestone), read it, add evidence and responses, make
and answer offers, escalate, withdraw. Each write is one unit of work: the dispute row locked,
its timeline entry, the payment case frozen or settled, the event, the audit record.

Outcomes (admin decisions, accepted offers, the default at the admin deadline) are in
outcomes.py; the admin queue and assignment in admin.py; the SLA timers in timers.py.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from uuid import UUID

from tortoise.exceptions import IntegrityError

from domain.access.policy import Permission, authorize
from domain.bookings.models import Booking, BookingState, Transition
from domain.bookings.windows import invalid as _invalid
from domain.disputes import chargebacks as _chargebacks  # noqa: F401 - registers the chargeback hook
from domain.disputes import events, metrics, triage
from domain.disputes import policy as parties
from domain.disputes.evidence import attach_uploads, check_uploads
from domain.disputes.models import Dispute, DisputeEntry, DisputeState, EntryKind, Side
from domain.disputes.outcomes import DisputeOutcomes
from domain.disputes.states import OPEN, Action, decide
from domain.disputes.timeline import append, deadlines, locked, upload_ids_of
from domain.disputes.views import chargeback_dict, entry_dict, visible
from domain.finance.cases import disputes as case_port
from domain.finance.cases.models import PaymentCase
from domain.finance.chargebacks.views import timeline as chargeback_timeline
from domain.messaging.models import Message
from domain.shared.clock import utcnow
from domain.shared.context import Actor, RequestContext
from domain.shared.errors import Conflict, ConflictReason, NotFound
from domain.shared.ids import as_uuid
from domain.shared.money import Money
from domain.shared.uow import UnitOfWork, unit_of_work

# A party disputes work that is under way or done (within the window after completion).
_DISPUTABLE = (BookingState.ACCEPTED, BookingState.SCHEDULED, BookingState.IN_PROGRESS, BookingState.COMPLETED)


@dataclass(frozen=True)
class EntryDraft:
    kind: EntryKind  # evidence or response
    body: str = ""
    shared: bool = True
    message_ids: list[str] = field(default_factory=list)
    upload_ids: list[str] = field(default_factory=list)
    client_key: str | None = None


class Disputes(DisputeOutcomes):
    async def open(self, actor: Actor, booking_id: str, *, reason: str, description: str, claimed: Money,
                   milestone: int | None = None, context: RequestContext | None = None) -> dict[str, Any]:
        booking = await _booking(booking_id)
        await authorize(actor, Permission.DISPUTE_OPEN, booking)
        side = await parties.side_on_booking(actor, booking)
        assert side is not None
        category = self._reason(reason)
        self._text(description, "description", required=True)
        case = await PaymentCase.get_or_none(booking_id=booking.id)
        if case is None or case.captured_amount == 0:
            raise Conflict("Only a paid booking can be disputed.", details={"cause": "not_captured"},
                           reason=ConflictReason.NOT_ELIGIBLE)
        if side is not Side.ADMIN:
            await self._within_window(booking)
        if claimed.currency != case.currency:
            raise _invalid("claimed.currency", f"must be the payment's currency, {case.currency}")
        limit = await self._refundable(case, milestone)
        if claimed.amount <= 0 or claimed.amount > limit:
            raise Conflict("The claim cannot exceed what was captured and not refunded.",
                           details={"cause": "claim_too_large", "refundable": Money(limit, case.currency).as_dict()},
                           reason=ConflictReason.AMOUNT_OUT_OF_RANGE)
        priority = await triage.priority(reason, category, claimed.amount, claimed.currency, actor.user_id)
        now = utcnow()
        try:
            async with unit_of_work() as uow:
                await case_port.freeze(uow, case.id)  # before anything else: the release stops here
                dispute = await Dispute.create(
                    booking_id=booking.id, case_id=case.id, milestone=milestone, customer_id=booking.customer_id,
                    organisation_id=booking.organisation_id, opened_by_id=actor.user_id, opener_side=side,
                    reason=reason, category=category, description=description, currency=case.currency,
                    claimed_amount=claimed.amount, state=DisputeState.AWAITING_RESPONSE, priority=priority,
                    open_key=f"{booking.id}:{actor.user_id}",
                    **deadlines(DisputeState.AWAITING_RESPONSE, self.rules, now), using_db=uow.connection)
                dispute, entry = await append(uow, dispute, EntryKind.STATUS, actor.user_id, side, body=description,
                                              data={"to": dispute.state.value, "reason": reason})
                notify = await self._other_side(dispute, side, uow)
                await events.record(uow, events.OPENED, dispute, entry, actor.user_id, notify=notify)
                await self._audit(uow, actor, context, "dispute.opened", dispute, None,
                                  {"reason": reason, "claimed": claimed.amount})
        except IntegrityError as exc:
            raise Conflict("You already have an open dispute on this booking.",
                           details={"cause": "already_open"}, reason=ConflictReason.DUPLICATE) from exc
        metrics.OPENED.labels(reason, side.value).inc()
        return await self.get(actor, str(dispute.id))

    async def get(self, actor: Actor, dispute_id: str) -> dict[str, Any]:
        dispute, side = await self._readable(actor, dispute_id)
        entries = await DisputeEntry.filter(dispute_id=dispute.id).order_by("seq")
        view = self.view(dispute, side, actor, entries)
        # The gateway's chargebacks of the same payment, including those before the dispute opened.
        view["chargebacks"] = [chargeback_dict(c) for c in await chargeback_timeline(dispute.case_id)]
        return view

    async def of_booking(self, actor: Actor, booking_id: str) -> list[dict[str, Any]]:
        booking = await _booking(booking_id)
        await authorize(actor, Permission.BOOKING_READ, booking)
        found = await Dispute.filter(booking_id=booking.id).order_by("created_at")
        views = []
        for dispute in found:
            side = await parties.side_on(actor, dispute)
            if side is not None:
                views.append(self.view(dispute, side, actor))
        return views

    async def entries(self, actor: Actor, dispute_id: str, after_seq: int = 0) -> list[dict[str, Any]]:
        dispute, _side = await self._readable(actor, dispute_id)
        rows = await DisputeEntry.filter(dispute_id=dispute.id, seq__gt=after_seq).order_by("seq")
        return [e for e in map(entry_dict, rows) if visible(e, actor.user_id, actor.is_admin)]

    async def add_entry(self, actor: Actor, dispute_id: str, draft: EntryDraft,
                        context: RequestContext | None = None) -> dict[str, Any]:
        """Evidence (text, messages of the booking's conversation, uploads; shared or private) or
        a response. The other side's first entry answers the dispute (awaiting_response ->
        negotiating). A replay of the same `client_key` returns the entry it made."""
        dispute, side = await self._participant(actor, dispute_id)
        if (replayed := await self._replayed(dispute.id, actor, draft.client_key)) is not None:
            return replayed
        if draft.kind not in (EntryKind.EVIDENCE, EntryKind.RESPONSE):
            raise _invalid("kind", "must be evidence or response")
        self._text(draft.body, "body", required=not (draft.message_ids or draft.upload_ids))
        self._refs(draft.message_ids, "message_ids")
        self._refs(draft.upload_ids, "upload_ids")
        uploads = upload_ids_of(draft.upload_ids)
        messages = await self._messages(dispute, draft.message_ids)
        await check_uploads(actor.user_id, uploads)
        shared = draft.shared or draft.kind is not EntryKind.EVIDENCE
        try:
            async with unit_of_work() as uow:
                dispute = await self._open_locked(uow, dispute.id)
                await self._within_evidence_cap(uow, dispute, draft.kind, side)
                updates = self._response_updates(dispute, side)
                dispute, entry = await append(uow, dispute, draft.kind, actor.user_id, side, body=draft.body,
                                              shared=shared, message_ids=messages, upload_ids=uploads,
                                              client_key=draft.client_key, updates=updates)
                await attach_uploads(uow, actor.user_id, entry.id, uploads)
                notify = await self._other_side(dispute, side, uow) if shared else []
                await events.record(uow, events.ENTRY_ADDED, dispute, entry, actor.user_id, notify=notify)
        except IntegrityError:
            if (replayed := await self._replayed(dispute.id, actor, draft.client_key)) is not None:
                return replayed
            raise
        return entry_dict(entry)

    async def offer(self, actor: Actor, dispute_id: str, refund: Money, *, body: str = "",
                    client_key: str | None = None, context: RequestContext | None = None) -> dict[str, Any]:
        """A partial refund proposal to the other side (it replaces an earlier open offer)."""
        dispute, side = await self._participant(actor, dispute_id)
        if side is Side.ADMIN:
            raise Conflict("Only the parties make offers; admins decide.", details={"cause": "not_a_party"},
                           reason=ConflictReason.NOT_ALLOWED)
        if (replayed := await self._replayed(dispute.id, actor, client_key)) is not None:
            return replayed
        self._text(body, "body")
        case = await PaymentCase.get(id=dispute.case_id)
        if refund.currency != dispute.currency:
            raise _invalid("refund.currency", f"must be the dispute's currency, {dispute.currency}")
        limit = await self._refundable(case, dispute.milestone)
        if refund.amount < 0 or refund.amount > limit:
            raise Conflict("An offer cannot refund more than was captured and not refunded.",
                           details={"cause": "offer_too_large", "refundable": Money(limit, case.currency).as_dict()},
                           reason=ConflictReason.AMOUNT_OUT_OF_RANGE)
        async with unit_of_work() as uow:
            dispute = await self._open_locked(uow, dispute.id)
            updates = {**self._response_updates(dispute, side), "open_offer_seq": dispute.last_seq + 1}
            dispute, entry = await append(uow, dispute, EntryKind.OFFER, actor.user_id, side, body=body,
                                          amount=refund.amount, client_key=client_key, updates=updates)
            await events.record(uow, events.ENTRY_ADDED, dispute, entry, actor.user_id,
                                notify=await self._other_side(dispute, side, uow))
        return entry_dict(entry)

    async def answer_offer(self, actor: Actor, dispute_id: str, seq: int, *, accept: bool,
                           context: RequestContext | None = None) -> dict[str, Any]:
        """The other side accepts (the dispute settles: the offer's refund, the rest released)
        or declines the open offer `seq`."""
        dispute, side = await self._participant(actor, dispute_id)
        context = context or RequestContext()
        async with unit_of_work() as uow:
            dispute = await self._open_locked(uow, dispute.id)
            offer = await DisputeEntry.get_or_none(dispute_id=dispute.id, seq=seq, kind=EntryKind.OFFER,
                                                   using_db=uow.connection)
            if offer is None or dispute.open_offer_seq != seq:
                raise Conflict("That offer is not open any more.", details={"cause": "offer_not_open"},
                               reason=ConflictReason.CLOSED)
            if side in (offer.author_side, Side.ADMIN):
                raise Conflict("Only the other side answers an offer.", details={"cause": "own_offer"},
                               reason=ConflictReason.NOT_ALLOWED)
            kind = EntryKind.OFFER_ACCEPTED if accept else EntryKind.OFFER_DECLINED
            if not accept:
                dispute, entry = await append(uow, dispute, kind, actor.user_id, side, amount=offer.amount,
                                              data={"offer_seq": seq}, updates={"open_offer_seq": None})
                await events.record(uow, events.ENTRY_ADDED, dispute, entry, actor.user_id,
                                    notify=await self._other_side(dispute, side, uow))
            else:
                decide(dispute.state, Action.SETTLE, side)
                dispute, entry = await append(uow, dispute, kind, actor.user_id, side, amount=offer.amount,
                                              data={"offer_seq": seq})
                await self._resolve(uow, dispute, int(offer.amount or 0), Action.SETTLE, actor, side, context,
                                    reason=f"offer {seq} accepted")
        return await self.get(actor, dispute_id)

    async def escalate(self, actor: Actor, dispute_id: str, context: RequestContext | None = None) -> dict[str, Any]:
        dispute, side = await self._participant(actor, dispute_id)
        async with unit_of_work() as uow:
            dispute = await self._open_locked(uow, dispute.id)
            await self._escalate(uow, dispute, actor.user_id, side)
        return await self.get(actor, dispute_id)

    async def withdraw(self, actor: Actor, dispute_id: str, context: RequestContext | None = None) -> dict[str, Any]:
        """The opener (or an admin) drops the dispute: nothing moves; the release resumes."""
        dispute, side = await self._participant(actor, dispute_id)
        if side is not Side.ADMIN and str(dispute.opened_by_id) != actor.user_id:
            raise Conflict("Only whoever opened the dispute withdraws it.", details={"cause": "not_opener"},
                           reason=ConflictReason.NOT_ALLOWED)
        async with unit_of_work() as uow:
            dispute = await self._open_locked(uow, dispute.id)
            to = decide(dispute.state, Action.WITHDRAW, side)
            dispute, entry = await append(uow, dispute, EntryKind.STATUS, actor.user_id, side,
                                          data={"from": dispute.state.value, "to": to.value}, updates={
                                              "state": to, **self._closing()})
            await self._thaw(uow, dispute)
            await events.record(uow, events.WITHDRAWN, dispute, entry, actor.user_id,
                                notify=[u for u in await parties.users_of(dispute, conn=uow.connection)
                                        if u != actor.user_id])
            await self._audit(uow, actor, context, "dispute.withdrawn", dispute, None, {"state": to.value})
        return await self.get(actor, dispute_id)

    async def _escalate(self, uow: UnitOfWork, dispute: Dispute, actor_id: str | None, side: Side) -> Dispute:
        to = decide(dispute.state, Action.ESCALATE, side)
        dispute, entry = await append(uow, dispute, EntryKind.STATUS, actor_id, side,
                                      data={"from": dispute.state.value, "to": to.value}, updates={
                                          "state": to, **deadlines(to, self.rules, utcnow())})
        admins = [str(dispute.assignee_id)] if dispute.assignee_id else await parties.admin_ids(uow.connection)
        told = await parties.users_of(dispute, conn=uow.connection) + admins
        await events.record(uow, events.ESCALATED, dispute, entry, actor_id,
                            notify=[u for u in dict.fromkeys(told) if u != actor_id])
        metrics.ESCALATED.labels("timer" if side is Side.SYSTEM else side.value).inc()
        return dispute

    async def _within_evidence_cap(self, uow: UnitOfWork, dispute: Dispute, kind: EntryKind, side: Side) -> None:
        """Counted under the dispute's row lock: two posts at the cap cannot both get in."""
        if kind is not EntryKind.EVIDENCE or side is Side.ADMIN:
            return
        count = await DisputeEntry.filter(dispute_id=dispute.id, author_side=side, kind=EntryKind.EVIDENCE).using_db(
            uow.connection).count()
        if count >= self.rules.max_evidence_per_party:
            raise Conflict("Your side has added as much evidence as a dispute takes.",
                           details={"cause": "evidence_limit", "limit": self.rules.max_evidence_per_party},
                           reason=ConflictReason.LIMIT_REACHED)

    def _response_updates(self, dispute: Dispute, side: Side) -> dict[str, Any]:
        if dispute.state is DisputeState.AWAITING_RESPONSE and side in (Side.CUSTOMER, Side.PROVIDER) \
                and side is not dispute.opener_side:
            to = decide(dispute.state, Action.RESPOND, side)
            return {"state": to, **deadlines(to, self.rules, utcnow())}
        return {}

    async def _open_locked(self, uow: UnitOfWork, dispute_id: UUID) -> Dispute:
        dispute = await locked(uow, dispute_id)
        if dispute.state not in OPEN:
            raise Conflict(f"This dispute is {dispute.state.value}.", details={"state": dispute.state.value},
                           reason=ConflictReason.CLOSED)
        return dispute

    async def _readable(self, actor: Actor, dispute_id: str) -> tuple[Dispute, Side]:
        dispute = await _dispute(dispute_id)
        await authorize(actor, Permission.DISPUTE_READ, dispute)
        side = await parties.side_on(actor, dispute)
        assert side is not None
        return dispute, side

    async def _participant(self, actor: Actor, dispute_id: str) -> tuple[Dispute, Side]:
        dispute = await _dispute(dispute_id)
        await authorize(actor, Permission.DISPUTE_PARTICIPATE, dispute)
        side = await parties.side_on(actor, dispute)
        assert side is not None
        return dispute, side

    async def _replayed(self, dispute_id: UUID, actor: Actor, client_key: str | None) -> dict[str, Any] | None:
        if not client_key:
            return None
        found = await DisputeEntry.get_or_none(dispute_id=dispute_id, author_id=actor.user_id, client_key=client_key)
        return entry_dict(found) if found else None

    async def _messages(self, dispute: Dispute, ids: list[str]) -> list[str]:
        """Message references must name messages of the booking's own conversations."""
        uids = [as_uuid(i) for i in ids]
        if any(u is None for u in uids):
            raise _invalid("message_ids", "must be message ids")
        if not uids:
            return []
        found = await Message.filter(id__in=uids, conversation__booking_id=dispute.booking_id).values_list(
            "id", flat=True)
        if len(set(found)) != len(set(uids)):
            raise _invalid("message_ids", "must be messages of this booking's conversation")
        return [str(u) for u in dict.fromkeys(uids)]

    async def _within_window(self, booking: Booking) -> None:
        if booking.state not in _DISPUTABLE:
            raise Conflict(f"A {booking.state.value} booking cannot be disputed.",
                           details={"cause": "not_disputable", "state": booking.state.value},
                           reason=ConflictReason.INVALID_TRANSITION)
        if booking.state is BookingState.COMPLETED:
            done = await Transition.filter(booking_id=booking.id, to_state=BookingState.COMPLETED.value).order_by(
                "-created_at").first()
            if done is not None and done.created_at + self.rules.open_window < utcnow():
                raise Conflict("The time to dispute this booking has passed.",
                               details={"cause": "window_passed"}, reason=ConflictReason.EXPIRED)

    async def _refundable(self, case: PaymentCase, milestone: int | None) -> int:
        refundable = int(case.captured_amount - case.refunded_amount)
        if milestone is None:
            return refundable
        part = await case_port.milestone_amount(case.id, milestone)
        if part is None:
            raise _invalid("milestone", "no such milestone on this payment")
        return min(refundable, part)

    def _reason(self, reason: str) -> str:
        from_table = self.reasons.get(reason)
        if from_table is None:
            raise _invalid("reason", f"must be one of {', '.join(sorted(self.reasons))}")
        return from_table

    def _text(self, value: str, name: str, *, required: bool = False) -> None:
        if required and not value.strip():
            raise _invalid(name, "must not be empty")
        if len(value) > self.rules.max_text_chars:
            raise _invalid(name, f"at most {self.rules.max_text_chars} characters")

    def _refs(self, values: list[str], name: str) -> None:
        if len(values) > self.rules.max_refs_per_entry:
            raise _invalid(name, f"at most {self.rules.max_refs_per_entry}")


async def _booking(booking_id: str) -> Booking:
    uid = as_uuid(booking_id)
    booking = await Booking.get_or_none(id=uid) if uid else None
    if booking is None:
        raise NotFound()
    return booking


async def _dispute(dispute_id: str) -> Dispute:
    uid = as_uuid(dispute_id)
    dispute = await Dispute.get_or_none(id=uid) if uid else None
    if dispute is None:
        raise NotFound()
    return dispute
