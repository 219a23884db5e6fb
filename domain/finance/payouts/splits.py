"""Crew split rules per organisation (issue 13 item 7): who shares the payee part of a booking
sold by an organisation, decided when the booking is priced and frozen with its breakdown.

- `organisation` (default): everything to the organisation.
- `fixed`: each member listed with basis points gets that share when they are on the booking's
  crew; the organisation keeps the rest.
- `lead_bonus`: the booking's lead serviceman gets `lead_bonus_bps`; the organisation the rest.

The weights are basis points of the payee part; the pricing breakdown splits it by largest
remainder (domain/finance/pricing/breakdown.py), so the shares add up to the minor unit.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from tortoise.backends.base.client import BaseDBAsyncClient

from domain.access.policy import Permission, authorize
from domain.accounts.models import Membership
from domain.audit import services as audit
from domain.bookings.pricing import PricingInput
from domain.finance.payouts import payees
from domain.finance.payouts.models import CrewSplit, SplitMode
from domain.finance.payouts.payees import Payee
from domain.finance.pricing import quotes
from domain.finance.pricing.breakdown import FULL, PayeeWeight
from domain.shared.context import Actor, RequestContext
from domain.shared.errors import Conflict, ConflictReason, NotFound, ValidationFailed
from domain.shared.ids import as_uuid
from domain.shared.uow import unit_of_work

MAX_MEMBERS = quotes.MAX_PAYEES - 1


@dataclass(frozen=True)
class SplitView:
    organisation_id: str
    mode: SplitMode
    member_bps: Mapping[str, int]
    lead_bonus_bps: int
    version: int


def weights(split: CrewSplit | None, organisation_id: UUID | str, crew: Sequence[UUID | str]) -> list[PayeeWeight]:
    """The payees of a booking of this organisation with this crew (lead first), in basis points."""
    org = quotes.org_payee(organisation_id)
    if split is None or split.mode is SplitMode.ORGANISATION:
        return [PayeeWeight(org, FULL)]
    members: list[tuple[str, int]] = []
    if split.mode is SplitMode.LEAD_BONUS:
        if crew and split.lead_bonus_bps > 0:
            members.append((str(crew[0]), split.lead_bonus_bps))
    else:
        shares = {str(k): int(v) for k, v in (split.member_bps or {}).items()}
        seen: set[str] = set()
        for user_id in (str(u) for u in crew):
            if user_id in shares and user_id not in seen and shares[user_id] > 0:
                seen.add(user_id)
                members.append((user_id, shares[user_id]))
    rest = FULL - sum(bps for _, bps in members)
    payees = [PayeeWeight(org, rest)] if rest > 0 else []
    payees.extend(PayeeWeight(quotes.user_payee(user_id), bps) for user_id, bps in members)
    return payees or [PayeeWeight(org, FULL)]


async def split_for_booking(request: PricingInput, seller_key: str,
                            conn: BaseDBAsyncClient) -> Sequence[PayeeWeight] | None:
    """The pricing hook (domain/finance/pricing/quotes.py `register_split`)."""
    if request.organisation_id is None:
        return None
    split = await CrewSplit.get_or_none(organisation_id=request.organisation_id, using_db=conn)
    if split is None or split.mode is SplitMode.ORGANISATION:
        return None
    return weights(split, request.organisation_id, request.crew)


async def get(actor: Actor, payee: Payee) -> SplitView:
    await _authorized(actor, payee)
    assert payee.organisation_id is not None
    return _view(await CrewSplit.get_or_none(organisation_id=payee.organisation_id), payee.organisation_id)


async def put(actor: Actor, payee: Payee, *, mode: SplitMode, member_bps: Mapping[str, int], lead_bonus_bps: int,
              version: int | None, context: RequestContext) -> SplitView:
    """Replace the organisation's rule (its owner or a manager; audited). Affects bookings
    priced from now on, never a frozen breakdown."""
    await _authorized(actor, payee)
    assert payee.organisation_id is not None
    shares = await _validated(payee.organisation_id, mode, member_bps, lead_bonus_bps)
    async with unit_of_work() as uow:
        conn = uow.connection
        current = await CrewSplit.filter(organisation_id=payee.organisation_id).using_db(conn) \
            .select_for_update().first()
        before = _dump(current)
        if version is not None and (current.version if current else 0) != version:
            raise Conflict("The crew split changed meanwhile; read it again.",
                           details={"version": current.version if current else 0}, reason=ConflictReason.STALE_VERSION)
        values = {"mode": mode, "member_bps": shares, "lead_bonus_bps": lead_bonus_bps if mode is
                  SplitMode.LEAD_BONUS else 0, "updated_by": actor.user_id}
        if current is None:
            current = await CrewSplit.create(organisation_id=payee.organisation_id, using_db=conn, **values)
        else:
            await CrewSplit.filter(id=current.id).using_db(conn).update(version=current.version + 1, **values)
            current = await CrewSplit.get(id=current.id, using_db=conn)
        await audit.record(uow, actor=actor, action="payout.crew_split_changed", subject_type="organisation",
                           subject_id=payee.organisation_id, context=context, before=before, after=_dump(current))
    return _view(current, payee.organisation_id)


async def _authorized(actor: Actor, payee: Payee) -> None:
    if payee.organisation_id is None or not await payees.exists(payee):
        raise NotFound("Only an organisation has a crew split.")
    await authorize(actor, Permission.PAYOUT_MANAGE, payee)


async def _validated(organisation_id: str, mode: SplitMode, member_bps: Mapping[str, int],
                     lead_bonus_bps: int) -> dict[str, int]:
    def invalid(field: str, message: str) -> ValidationFailed:
        return ValidationFailed(errors=[{"field": field, "message": message, "type": "value_error",
                                         "location": "body"}])

    if not 0 <= lead_bonus_bps <= FULL:
        raise invalid("lead_bonus_bps", f"from 0 to {FULL}")
    if mode is not SplitMode.FIXED:
        if member_bps:
            raise invalid("member_bps", "only the fixed mode lists members")
        return {}
    if not member_bps:
        raise invalid("member_bps", "list at least one member")
    if len(member_bps) > MAX_MEMBERS:
        raise invalid("member_bps", f"at most {MAX_MEMBERS} members")
    shares: dict[str, int] = {}
    for raw, bps in member_bps.items():
        uid = as_uuid(raw)
        if uid is None:
            raise invalid(f"member_bps.{raw}"[:80], "not a user id")
        if not 0 < bps <= FULL:
            raise invalid(f"member_bps.{uid}", f"from 1 to {FULL}")
        shares[str(uid)] = bps
    if sum(shares.values()) > FULL:
        raise invalid("member_bps", f"the shares add up to more than {FULL} basis points")
    members = {str(m.user_id) for m in await Membership.filter(organisation_id=organisation_id,
                                                                user_id__in=list(shares))}
    strangers = sorted(set(shares) - members)
    if strangers:
        raise invalid(f"member_bps.{strangers[0]}", "not a member of this organisation")
    return shares


def _view(split: CrewSplit | None, organisation_id: str) -> SplitView:
    if split is None:
        return SplitView(organisation_id, SplitMode.ORGANISATION, {}, 0, 0)
    return SplitView(organisation_id, split.mode, {str(k): int(v) for k, v in (split.member_bps or {}).items()},
                     split.lead_bonus_bps, split.version)


def _dump(split: CrewSplit | None) -> dict[str, Any] | None:
    if split is None:
        return None
    return {"mode": split.mode.value, "member_bps": split.member_bps, "lead_bonus_bps": split.lead_bonus_bps,
            "version": split.version}


