"""What an open chargeback takes from a provider's next releases, and what the payment cases
must know of chargebacks. Called from the release (domain/finance/cases/transitions.py) in its
unit of work; kept here so the release path only asks one question per payee.

A hold moves the payee's just-released share from their `provider_payable` into the chargeback's
own held account (`case_held` of owner `dispute:<row id>`), so neither a transfer nor a payout
can send it; the chargeback's outcome gives it back (won) or applies it to what they owe (lost)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from domain.finance import ledger
from domain.finance.chargebacks.models import GatewayDispute, Outcome
from domain.shared import sql
from domain.shared.errors import Conflict, ConflictReason
from domain.shared.uow import UnitOfWork

K = ledger.AccountKind

# The open chargebacks of a currency, oldest first, as a JSON array (a scalar subquery the
# release embeds in its one read before the ledger; parameters: the open outcome, the currency).
OPEN_JSON = """
    (SELECT json_agg(json_build_object('id', d.id, 'dispute_id', d.dispute_id, 'holds', d.holds, 'held', d.held,
                                       'version', d.version) ORDER BY d.created_at, d.id)
     FROM gateway_dispute d WHERE d.outcome = {open} AND d.currency = {currency})"""


@dataclass(frozen=True)
class OpenHold:
    """What a release needs of an open chargeback: what it holds from whom, and its version."""

    id: UUID
    dispute_id: str
    holds: dict[str, Any]
    held: dict[str, Any]
    version: int

    @staticmethod
    def of(row: dict[str, Any]) -> OpenHold:
        """A row of gateway_dispute, or an element of OPEN_JSON's answer."""
        return OpenHold(sql.as_uuid(row["id"]), str(row["dispute_id"]), _object(row["holds"]), _object(row["held"]),
                        int(row["version"]))


def _object(value: Any) -> dict[str, Any]:
    found = json.loads(value) if isinstance(value, str | bytes) else value
    return dict(found or {})


def hold_account(row_id: UUID, currency: str) -> ledger.AccountKey:
    return ledger.AccountKey(K.CASE_HELD, f"dispute:{row_id}", currency)


async def take(uow: UnitOfWork, *, case_id: UUID, step: str, currency: str, shares: dict[str, int],
               actor: str, open_holds: Sequence[OpenHold] | None = None) -> dict[str, int]:
    """Set aside, from each payee's share of this release (`shares`: owner -> amount, already
    credited to their payable), what the open chargebacks holding them still need; returns what
    was set aside per owner. One query per release when nothing is held (almost always), none
    when the caller read `open_holds` (OPEN_JSON) in this transaction since its last take."""
    conn = uow.connection
    taken: dict[str, int] = {}
    if open_holds is None:  # written as SQL: building the ORM query cost more than its round trip
        open_holds = [OpenHold.of(r) for r in await sql.rows(
            conn, "SELECT id, dispute_id, holds, held, version FROM gateway_dispute WHERE outcome = $1 "
                  "AND currency = $2 ORDER BY created_at, id", [Outcome.OPEN.value, currency])]
    for row in open_holds:
        held = dict(row.held)
        legs: list[ledger.Leg] = []
        for owner, amount in shares.items():
            outstanding = int(row.holds.get(owner, 0)) - int(held.get(owner, 0))
            take_now = min(outstanding, amount - taken.get(owner, 0))
            if take_now <= 0:
                continue
            held[owner] = int(held.get(owner, 0)) + take_now
            taken[owner] = taken.get(owner, 0) + take_now
            legs += [ledger.Leg(ledger.AccountKey(K.PROVIDER_PAYABLE, owner, currency), ledger.Side.DEBIT, take_now),
                     ledger.Leg(hold_account(row.id, currency), ledger.Side.CREDIT, take_now)]
        if not legs:
            continue
        changed = await GatewayDispute.filter(id=row.id, version=row.version).using_db(conn).update(
            held=held, version=row.version + 1)
        if not changed:
            raise Conflict("A chargeback hold changed meanwhile; try the release again.",
                           reason=ConflictReason.STALE_VERSION)
        await ledger.post(uow, ledger.EntryDraft(
            idempotency_key=f"case:{case_id}:{step}:hold:{row.id}", kind="chargeback_hold", case_id=case_id,
            actor=actor, reason=f"held for chargeback {row.dispute_id}"[:200], legs=_merge(legs)))
    return taken


def _merge(legs: list[ledger.Leg]) -> tuple[ledger.Leg, ...]:
    merged: dict[tuple[ledger.AccountKey, ledger.Side], int] = {}
    for leg in legs:
        merged[(leg.account, leg.side)] = merged.get((leg.account, leg.side), 0) + leg.amount
    return tuple(ledger.Leg(account, side, amount) for (account, side), amount in merged.items())


async def lost_of(case_id: UUID, uow: UnitOfWork | None = None) -> int:
    """What lost chargebacks took from this case (booked like refunds, but not refunds at the
    gateway): the payment's own refunded amount does not include it."""
    query = GatewayDispute.filter(case_id=case_id, lost_amount__gt=0)
    if uow is not None:
        query = query.using_db(uow.connection)
    return sum(row.lost_amount for row in await query)
