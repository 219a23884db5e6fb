"""What clients may write offline (PROTOCOL section 4, push), per collection: each mutation
runs the same domain service, with the same validation and permissions, as the REST route.
Everything not listed is server-only.

Money: no amount, price or balance is ever written offline. The one money mutation is an
intent, `payment.checkout` ("pay for booking X with my saved payment method Y"): the phone
queues it, and when the push arrives the server runs the REST checkout (kill switch, payment
permission, the booking still payable): it prices the booking itself, from the booking's frozen
terms, and asks the gateway for the money only after the push committed. A booking has one
payment: a second checkout is a `conflict` (`duplicate`), a replayed mutation id a
`duplicate` with the first result, so a retried queue never charges twice. A job paid in parts
(milestone amounts) is checked out online only: those amounts would be computed on the phone.

A handler raises the domain's errors (Conflict, NotFound, Forbidden, ValidationFailed). It
returns nothing when it wrote the row the mutation names, or an `Outcome` naming the row it
stored (a send creates a message), with its version when the row is versioned (a booking);
the stored row is read back from the op log. Each runs in
the push's unit of work, so what a service does after its commit (tell the conversation)
happens once the push's transaction committed.

Named mutations (PROTOCOL section 4): `booking.accept` is `bookings` `action` `accept`;
`bid.place` is `bids` `action` `place` with `id` the job; `message.send` is `messages`
`action` `send` with `id` the conversation (idempotent by `data.client_msg_id`);
`payment.checkout` is `payment_cases` `action` `checkout` with `id` the booking (one payment a
booking) and `data` `{payment_method, use_promo_credit?}`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Awaitable, Callable
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass
from typing import Any

from domain.accounts.services import AccountsService
from domain.bookings import readahead, transitions
from domain.bookings.states import Action
from domain.finance.cases.payloads import CheckoutDraft
from domain.finance.cases.services import PaymentCases
from domain.jobs import bids
from domain.jobs.bids import BidDraft
from domain.messaging.services import Draft, MessagingService
from domain.shared.context import Actor
from domain.shared.errors import Conflict, ConflictReason, DomainError, ValidationFailed


@dataclass(frozen=True)
class Mutation:
    mutation_id: int
    collection: str
    op: str  # "update" (a field patch) or "action" (a named state change)
    id: str
    base_version: int | None = None
    data: dict[str, Any] | None = None
    name: str | None = None


@dataclass(frozen=True)
class Outcome:
    collection: str  # the row the mutation stored
    row_id: str
    version: int | None = None  # the version it stored, for a versioned row (read back with the batch's)


Handler = Callable[[Actor, Mutation], Awaitable[Outcome | None]]

BOOKING_ACTIONS = ("accept", "start", "complete", "cancel", "decline")  # schedule (a start time): next
PROFILE_FIELDS = ("name", "region")


def invalid(field: str, message: str) -> ValidationFailed:
    return ValidationFailed(errors=[{"field": field, "message": message, "type": "value_error", "location": "body"}])


@dataclass(frozen=True)
class Bodies:
    """How the `data` of a named mutation is validated: the same rules as its REST route or
    socket event, handed in by the composition root (rest/schemas), so sync never imports rest."""

    bid: Callable[[dict[str, Any] | None], BidDraft]
    message: Callable[[dict[str, Any] | None], Draft]
    checkout: Callable[[dict[str, Any] | None], CheckoutDraft] | None = None


class Mutations:
    """The table of offline writes: (collection, op, name) -> handler."""

    def __init__(self, accounts: AccountsService | None, messaging: MessagingService | None = None,
                 bodies: Bodies | None = None, payments: PaymentCases | None = None) -> None:
        self.accounts = accounts
        self.messaging = messaging
        self.bodies = bodies
        self.payments = payments
        self.handlers: dict[tuple[str, str, str | None], Handler] = {
            ("users", "update", None): self._update_profile,
            **{("bookings", "action", name): self._booking_action for name in BOOKING_ACTIONS},
            ("bids", "action", "place"): self._place_bid,
            ("messages", "action", "send"): self._send_message,
            ("payment_cases", "action", "checkout"): self._checkout,
        }

    def read_ahead(self, actor: Actor, batch: list[Mutation]) -> AbstractAsyncContextManager[None]:
        """What the batch's mutations would each read alike, read once for the batch: the
        bookings its actions name (each named by one mutation of the batch only, whatever the
        collection), with their crews and the pusher's parties (domain/bookings/readahead.py)."""
        named = Counter(m.id for m in batch)
        return readahead.read_ahead(actor, [m.id for m in batch if m.collection == "bookings" and m.op == "action"
                                            and named[m.id] == 1])

    def joins_savepoint(self, mutation: Mutation) -> bool:
        """Whether the handler's use case may take the push's savepoint for its unit of work
        (domain/shared/uow.within): a booking action, whose one unit of work comes last and
        whose errors propagate (transitions.transition)."""
        return mutation.collection == "bookings" and mutation.op == "action"

    def writes_in_its_unit_only(self, mutation: Mutation) -> bool:
        """Whether the handler writes nothing before its unit of work opens, so a push may set
        the mutation's savepoint as that unit of work opens, and not at all when it needs none
        (`unit_of_work(single_write=True)`): the booking actions (transitions.transition reads,
        checks, then writes in its one unit of work). Not a handler put in the table by hand."""
        found = self.handlers.get((mutation.collection, mutation.op, mutation.name))
        return self.joins_savepoint(mutation) and found == self._booking_action

    def moves_with_neighbours(self, batch: list[Mutation]) -> set[int]:
        """The mutation ids of the batch that may run with their neighbours of the same kind in
        one `booking_actions` call: booking actions of the table's own handler, with a version,
        each on a booking no other mutation of the batch names (their checks all run before any
        of them writes, so none may depend on another's write)."""
        named = Counter(m.id for m in batch)
        return {m.mutation_id for m in batch if named[m.id] == 1 and m.base_version is not None
                and self.writes_in_its_unit_only(m)}

    async def booking_actions(self, actor: Actor, run: list[Mutation]) -> list[Outcome | DomainError]:
        """Each booking action of `run` (see `moves_with_neighbours`) as `_booking_action` would
        do it, the compare-and-sets in one statement (transitions.transition_many): each one's
        outcome, or the error that refused it."""
        requests = [transitions.Request(m.id, Action(m.name or ""), m.base_version or 0, _reason(m)) for m in run]
        answers = await transitions.transition_many(actor, requests)
        return [answer if isinstance(answer, DomainError) else Outcome("bookings", str(answer.id), answer.version)
                for answer in answers]

    def handler(self, mutation: Mutation) -> Handler:
        found = self.handlers.get((mutation.collection, mutation.op, mutation.name))
        if found is None:
            raise invalid("collection", f"{mutation.collection} does not take {mutation.op} "
                                        f"{mutation.name or ''} offline".strip())
        return found

    async def _update_profile(self, actor: Actor, mutation: Mutation) -> Outcome | None:
        """Field-merge: the fields sent replace the server's, whatever its version."""
        if mutation.id != actor.user_id:
            raise Conflict("Only your own profile takes offline edits.", reason=ConflictReason.NOT_ALLOWED)
        data = mutation.data or {}
        unknown = set(data) - set(PROFILE_FIELDS)
        if unknown or not data:
            raise invalid("data", f"only {', '.join(PROFILE_FIELDS)} may change offline")
        if not all(value is None or (isinstance(value, str) and len(value) <= 120) for value in data.values()):
            raise invalid("data", "text of at most 120 characters")
        if self.accounts is None:  # pragma: no cover - wired by the composition root
            raise Conflict("Profile edits are not available here.", reason=ConflictReason.NOT_ALLOWED)
        await self.accounts.update_me(actor, name=data.get("name"), region=data.get("region"))
        return None

    async def _booking_action(self, actor: Actor, mutation: Mutation) -> Outcome | None:
        """Versioned: a stale base_version is a conflict (the state machine decides the rest)."""
        if mutation.base_version is None:
            raise invalid("base_version", "booking actions need the version you saw")
        reason = _reason(mutation)
        action = Action(mutation.name or "")
        # The push answers with the row it stored, not the view's history: not read.
        view = await transitions.transition(actor, mutation.id, action, mutation.base_version, reason=reason,
                                            history=False)
        return Outcome("bookings", str(view.booking.id), view.booking.version)

    async def _place_bid(self, actor: Actor, mutation: Mutation) -> Outcome | None:
        """`bid.place` on the job `id`, with the REST body (amount, message, proposed_start)."""
        if self.bodies is None:  # pragma: no cover - wired by the composition root
            raise Conflict("Offline bids are not available here.", reason=ConflictReason.NOT_ALLOWED)
        bid, _created = await bids.place(actor, mutation.id, self.bodies.bid(mutation.data))
        return Outcome("bids", str(bid.id))

    async def _send_message(self, actor: Actor, mutation: Mutation) -> Outcome | None:
        """`message.send` to the conversation `id`; a retried client_msg_id stores nothing new
        and answers the first message. The participants hear it after the push committed."""
        if self.messaging is None or self.bodies is None:  # pragma: no cover - wired by the composition root
            raise Conflict("Messaging is not available here.", reason=ConflictReason.NOT_ALLOWED)
        view = await self.messaging.send(actor, mutation.id, self.bodies.message(mutation.data))
        return Outcome("messages", view.id)

    async def _checkout(self, actor: Actor, mutation: Mutation) -> Outcome | None:
        """`payment.checkout` of the booking `id` with `data` `{payment_method, use_promo_credit?}`,
        validated as the REST body: the REST checkout, whose gateway call waits for the push's
        commit (the result is the payment as stored then, usually `authorizing`; the pull after
        the push's `cursor` has its outcome). A booking already paid is a `conflict` whose
        `details.case_id` names its payment."""
        if self.payments is None or self.bodies is None or self.bodies.checkout is None:
            raise Conflict("Payments are not available here.", reason=ConflictReason.NOT_ALLOWED)  # pragma: no cover
        draft = self.bodies.checkout(mutation.data)
        if draft.milestones:
            raise invalid("milestones", "a job paid in parts is checked out online: its amounts are the server's "
                                        "quote, never the phone's")
        view = await self.payments.checkout(actor, mutation.id, draft)
        return Outcome("payment_cases", str(view.case.id))


def _reason(mutation: Mutation) -> str:
    return str((mutation.data or {}).get("reason", ""))[:300]
