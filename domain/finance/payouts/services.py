"""Providers get paid (issue 13 item 7): payouts on demand, on schedule and once when an account
becomes payout-enabled (onboarding, KYC state and preferences: accounts.py; balances:
balances.py). No stored value anywhere: what a payee is owed is their
provider_payable in the ledger; a payout moves part of it to their connected account.

A payout is one unit of work that (1) settles what the payee owes us (their receivable) from
their payable, (2) reserves the amount with a pending ledger hold on the payable (a no-overdraft
account: two payouts can never take the same money), (3) stores the transfer as a
`finance_operation` with its deterministic key `fs:payout:<payout>:1`, and records the event and,
for a person's request, the audit record. The operations worker makes the call; a success posts
the hold (the ledger entry), a decline voids it (the payable is back) and closes the key: a later
attempt is a new payout with a new key.

"Paid once, when enabled": the account row's `payouts_enabled` flips by compare-and-set, and only
the unit of work that flips it writes the backlog payout, keyed by the account and the number of
times it became enabled; however many `account.updated` events arrive, in whatever order, one
transfer is made.
"""

from __future__ import annotations

import json
import logging
from datetime import datetime
from typing import Any
from uuid import uuid4

from prometheus_client import Counter
from tortoise.exceptions import IntegrityError
from tortoise.expressions import Q

from domain.access.policy import Permission
from domain.accounts import regions
from domain.audit import services as audit
from domain.finance import ledger
from domain.finance.cases.services import register_payout_destination
from domain.finance.operations import store
from domain.finance.operations.models import FinanceOperation, OpKind, OpStatus
from domain.finance.payouts.accounts import PayeeAccounts, PayoutRules, Who, invalid
from domain.finance.payouts.models import PayeeAccount, Payout, PayoutState, PayoutTrigger, Schedule
from domain.finance.payouts.payees import Payee
from domain.finance.payouts.views import PayoutView
from domain.shared.clock import utcnow
from domain.shared.context import Actor, RequestContext
from domain.shared.errors import Conflict, ConflictReason
from domain.shared.ids import as_uuid
from domain.shared.money import Money
from domain.shared.uow import UnitOfWork, unit_of_work

__all__ = ["OPERATION_PREFIX", "PayoutRules", "Payouts", "Who", "plug_in_destinations"]

log = logging.getLogger(__name__)

PAYOUTS_TOTAL = Counter("fieldsync_payouts_total", "Payouts by trigger and outcome", ["trigger", "outcome"])
K = ledger.AccountKind
OPERATION_LABEL = "payout"  # the stored transfer's key: fs:payout:<payout id>:1 (operations/store.py)
OPERATION_PREFIX = f"fs:{OPERATION_LABEL}:"


def payable(owner: str, currency: str) -> ledger.AccountKey:
    return ledger.AccountKey(K.PROVIDER_PAYABLE, owner, currency)


def receivable(owner: str, currency: str) -> ledger.AccountKey:
    return ledger.AccountKey(K.PROVIDER_RECEIVABLE, owner, currency)


_PLUGGED: list[Payouts] = []


def plug_in_destinations(payouts: Payouts) -> None:
    """Register the payout destinations with the payment cases' port once per process; the
    latest container's Payouts answers (its gateway's accounts are the same rows)."""
    if not _PLUGGED:
        async def lookup(owner: str) -> str | None:
            return await _PLUGGED[-1].destination(owner)

        register_payout_destination(lookup)
    _PLUGGED[:] = [payouts]


class Payouts(PayeeAccounts):
    """Payouts on demand, on schedule and once an account is enabled; onboarding and preferences
    are PayeeAccounts' (accounts.py)."""

    async def _pay_backlog(self, uow: UnitOfWork, row: PayeeAccount, who: Who) -> None:
        """Everything that accrued while the payee could not be paid, net of what they owe,
        in each currency: one payout each, keyed by this enablement."""
        for currency in await self._currencies(row.owner):
            key = f"enabled:{row.id}:{row.enabled_count}:{currency}"
            await self._payout(uow, row, currency, None, PayoutTrigger.ENABLED, key, who, quiet=True)

    # ---- payouts ------------------------------------------------------------------------

    async def request(self, actor: Actor, payee: Payee, amount: Money | None, currency: str | None = None, *,
                      context: RequestContext | None = None) -> PayoutView:
        """A payout on demand: at least the minimum, at most `per_day` a day, never more than
        the payable less what the payee owes us (409 otherwise). Audited."""
        await self._authorize(actor, Permission.PAYOUT_REQUEST, payee)
        who = Who(f"user:{actor.user_id}", actor, context or RequestContext())
        chosen = amount.currency if amount is not None else (currency or "").upper()
        if not chosen:
            found = await self._currencies(payee.owner)
            if len(found) != 1:
                raise invalid("amount", "name the currency (or the amount) to pay out")
            chosen = found[0]
        if amount is not None and amount.amount < self.rules.minimum:
            raise invalid("amount.amount", f"at least {self.rules.minimum} minor units")
        async with unit_of_work() as uow:
            conn = uow.connection
            row = await PayeeAccount.filter(owner=payee.owner).using_db(conn).select_for_update().first()
            if row is None or row.account_id is None or not row.payouts_enabled:
                raise Conflict("Payouts are not enabled for this payee yet: finish onboarding first.",
                               details={"cause": "payouts_not_enabled"}, reason=ConflictReason.NOT_ELIGIBLE)
            since = utcnow().replace(hour=0, minute=0, second=0, microsecond=0)
            today = await Payout.filter(owner=payee.owner, trigger=PayoutTrigger.REQUESTED,
                                        created_at__gte=since).using_db(conn).count()
            if today >= self.rules.per_day:
                raise Conflict(f"At most {self.rules.per_day} payout requests a day.",
                               details={"cause": "payout_limit", "per_day": self.rules.per_day},
                               reason=ConflictReason.LIMIT_REACHED)
            payout = await self._payout(uow, row, chosen, amount.amount if amount else None, PayoutTrigger.REQUESTED,
                                        f"request:{uuid4()}", who, quiet=False)
            assert payout is not None
            await audit.record(uow, actor=actor, action="payout.requested", subject_type="payout",
                               subject_id=str(payout.id), context=who.context,
                               after={"owner": payee.owner, "amount": Money(payout.amount, chosen).as_dict(),
                                      "operation_key": payout.operation_key})
        return PayoutView.of(payout)

    async def history(self, actor: Actor, payee: Payee, *, limit: int = 50,
                      before: str | None = None) -> list[PayoutView]:
        await self._authorize(actor, Permission.PAYOUT_READ, payee)
        query = Payout.filter(owner=payee.owner)
        if before:
            anchor = await Payout.get_or_none(id=as_uuid(before), owner=payee.owner) if as_uuid(before) else None
            if anchor is None:
                raise invalid("before", "no such payout")
            query = query.filter(Q(created_at__lt=anchor.created_at) |
                                 Q(created_at=anchor.created_at, id__lt=anchor.id))
        rows = await query.order_by("-created_at", "-id").limit(max(1, min(limit, 200)))
        return [PayoutView.of(row) for row in rows]

    async def run_scheduled(self, now: datetime | None = None) -> int:
        """The payout timer: payees on a daily schedule, and weekly ones on their day, are paid
        what accrued (at least the minimum), once per period (the key names the period)."""
        now = now or utcnow()
        due = await PayeeAccount.filter(payouts_enabled=True, account_id__isnull=False).filter(
            Q(schedule=Schedule.DAILY) | Q(schedule=Schedule.WEEKLY, weekly_day=now.weekday())
        ).limit(self.rules.schedule_batch)
        made = 0
        for row in due:
            period = now.date().isoformat() if row.schedule is Schedule.DAILY else \
                "w{}-{:02d}".format(*now.isocalendar()[:2])
            for currency in await self._currencies(row.owner):
                failed = await Payout.filter(owner=row.owner, currency=currency, state=PayoutState.FAILED,
                                             key__startswith=f"scheduled:{row.id}:{period}:{currency}:").count()
                key = f"scheduled:{row.id}:{period}:{currency}:{failed}"
                if await Payout.exists(key=key):
                    continue
                try:
                    async with unit_of_work() as uow:
                        fresh = await PayeeAccount.filter(id=row.id).using_db(uow.connection) \
                            .select_for_update().first()
                        if fresh is None or not fresh.payouts_enabled:
                            continue
                        if await self._payout(uow, fresh, currency, None, PayoutTrigger.SCHEDULED, key,
                                              Who("system:payout_schedule"), quiet=True):
                            made += 1
                except (Conflict, IntegrityError) as exc:  # another replica took this period meanwhile
                    log.info("scheduled_payout_skipped owner=%s currency=%s reason=%s", row.owner, currency, exc)
        return made

    async def _payout(self, uow: UnitOfWork, row: PayeeAccount, currency: str, amount: int | None,
                      trigger: PayoutTrigger, key: str, who: Who, *, quiet: bool) -> Payout | None:
        """Net the receivable, reserve the amount on the payable, store the transfer. `quiet`:
        nothing to pay (or less than the minimum for a schedule) is no payout, not an error."""
        conn = uow.connection
        assert row.account_id is not None
        payout_id = uuid4()
        owed = (await ledger.balance(receivable(row.owner, currency))).posted
        have = (await ledger.balance(payable(row.owner, currency))).available
        netted = max(0, min(owed, have))
        if netted:
            await ledger.post(uow, ledger.EntryDraft(
                idempotency_key=f"payout:{payout_id}:net", kind="payout_net", actor=who.ledger_actor,
                reason="payable settles what the payee owes", request_id=who.context.request_id,
                legs=(ledger.Leg(payable(row.owner, currency), ledger.Side.DEBIT, netted),
                      ledger.Leg(receivable(row.owner, currency), ledger.Side.CREDIT, netted))))
        # A release's transfer still under way debits this payable when it succeeds: not ours to pay out.
        available = have - netted - await _in_flight(row.owner, currency, conn)
        value = available if amount is None else amount
        if quiet and (value <= 0 or (trigger is PayoutTrigger.SCHEDULED and value < self.rules.minimum)):
            return None
        if value <= 0 or value > available:
            raise Conflict("A payout cannot exceed what you are owed less what you owe.",
                           details={"cause": "insufficient_payable",
                                    "available": Money(max(available, 0), currency).as_dict()},
                                    reason=ConflictReason.AMOUNT_OUT_OF_RANGE)
        if not quiet and value < self.rules.minimum:
            raise Conflict(f"Less than the minimum payout ({self.rules.minimum} minor units) is available.",
                           details={"cause": "below_minimum", "available": Money(available, currency).as_dict()},
                           reason=ConflictReason.AMOUNT_OUT_OF_RANGE)
        hold = await ledger.post(uow, ledger.EntryDraft(
            idempotency_key=f"payout:{payout_id}:hold", kind="payout", pending=True, actor=who.ledger_actor,
            reason=f"payout ({trigger.value})", request_id=who.context.request_id,
            legs=(ledger.Leg(payable(row.owner, currency), ledger.Side.DEBIT, value),
                  ledger.Leg(ledger.AccountKey(K.GATEWAY_BALANCE, "platform", currency), ledger.Side.CREDIT, value))))
        op = await store.enqueue(uow, payout_id, OpKind.TRANSFER, {
            "amount": value, "currency": currency, "destination": row.account_id, "owner": row.owner,
            "transfer_group": f"payout:{payout_id}", "source_transaction": None, "payout_id": str(payout_id),
            "metadata": {"payout_id": str(payout_id), "owner": row.owner},
        }, label=OPERATION_LABEL)
        payout = await Payout.create(
            id=payout_id, key=key, owner=row.owner, region=await regions.of_owner(row.owner, conn),
            currency=currency, amount=value, netted=netted,
            trigger=trigger, destination=row.account_id, hold_entry_id=hold.id, operation_key=op.idempotency_key,
            requested_by=who.actor.user_id if who.actor else None, using_db=conn)
        await self._event(uow, "payout.created", row.owner, who, self._data(payout))
        return payout

    # ---- the transfer's outcome (the operations worker) ---------------------------------

    async def succeeded(self, op: FinanceOperation, result: dict[str, Any]) -> None:
        who = Who(f"gateway:{self.gateway.name}")
        async with unit_of_work() as uow:
            if not await store.close(uow, op, OpStatus.SUCCEEDED, result):
                return
            payout = await Payout.get(id=op.case_id, using_db=uow.connection)
            assert payout.hold_entry_id is not None
            await ledger.resolve_pending(uow, payout.hold_entry_id, post=True, key=f"payout:{payout.id}:paid",
                                         actor=who.ledger_actor, reason="payout transferred")
            await Payout.filter(id=payout.id).using_db(uow.connection).update(
                state=PayoutState.PAID, transfer_id=str(result.get("id") or "") or None, updated_at=utcnow())
            payout = await Payout.get(id=payout.id, using_db=uow.connection)
            await self._event(uow, "payout.paid", payout.owner, who, self._data(payout))
        PAYOUTS_TOTAL.labels(payout.trigger.value, "paid").inc()

    async def declined(self, op: FinanceOperation, error: str) -> None:
        """The transfer was refused: its key is closed, the hold voided (the payable is back);
        asking again makes a new payout with a new key."""
        who = Who(f"gateway:{self.gateway.name}")
        async with unit_of_work() as uow:
            if not await store.close(uow, op, OpStatus.FAILED, None, error):
                return
            payout = await Payout.get(id=op.case_id, using_db=uow.connection)
            assert payout.hold_entry_id is not None
            await ledger.resolve_pending(uow, payout.hold_entry_id, post=False, key=f"payout:{payout.id}:void",
                                         actor=who.ledger_actor, reason=f"payout declined: {error}"[:200])
            await Payout.filter(id=payout.id).using_db(uow.connection).update(
                state=PayoutState.FAILED, failure=error[:300], updated_at=utcnow())
            payout = await Payout.get(id=payout.id, using_db=uow.connection)
            await self._event(uow, "payout.failed", payout.owner, who, {**self._data(payout), "error": error[:300]})
        PAYOUTS_TOTAL.labels(payout.trigger.value, "failed").inc()

    # ---- helpers ------------------------------------------------------------------------

    async def _currencies(self, owner: str) -> list[str]:
        found = {key.currency for key, _ in await ledger.balances(owner)
                 if key.kind in (K.PROVIDER_PAYABLE, K.PROVIDER_RECEIVABLE)}
        return sorted(found)

    def _data(self, payout: Payout) -> dict[str, Any]:
        return {"payout_id": str(payout.id), "owner": payout.owner, "state": payout.state.value,
                "trigger": payout.trigger.value, "amount": Money(payout.amount, payout.currency).as_dict(),
                "netted": Money(payout.netted, payout.currency).as_dict(), "operation_key": payout.operation_key,
                "transfer_id": payout.transfer_id, "region": payout.region}

async def _in_flight(owner: str, currency: str, conn: Any) -> int:
    """What the payment cases' pending transfers to this payee will take from their payable."""
    rows = await FinanceOperation.filter(op=OpKind.TRANSFER, status=OpStatus.PENDING).exclude(
        idempotency_key__startswith=OPERATION_PREFIX).using_db(conn).values("params")
    total = 0
    for row in rows:
        params = json.loads(row["params"]) if isinstance(row["params"], str) else row["params"]
        if isinstance(params, dict) and params.get("owner") == owner and params.get("currency") == currency:
            total += int(params.get("amount", 0))
    return total
