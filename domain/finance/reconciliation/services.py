"""Reconciliation: the ledger's gateway_balance against the gateway's balance transactions, by
object (charge, refund, transfer, reversal), amount and currency; daily (app/jobs.py) and on
demand (an admin, over REST).

What the ledger says moved through the gateway balance, per object:
- a capture (`gw:<payment>:captured:settle`): the payment's charge;
- a refund we asked for: the refund id its stored gateway operation got back; a refund made at
  the gateway is booked under its own id (`gw:<refund>:refund`); only when the adapter listed
  no refunds is it booked by the payment's refunded total (`gw:<payment>:refunded:<n>`), and
  then matched to an otherwise unmatched gateway refund of the same amount and currency;
- a transfer (`gw:<transfer>:transfer`), a transfer reversal (`gw:<reversal>:transfer_reversal`),
  a chargeback's withdrawal and reinstatement (`gw:<dispute>:withdrawn|reinstated:<n>`); a
  ledger correction counts with the entry it reverses;
- fees (`gw:<charge>:fee`, `gw:<dispute>:fee:<n>`) are compared with the gateway's fee of the
  object, not with its gross amount.
Refunds whose gateway call is still pending are in flight, not mismatches.

Kinds of mismatch: `missing_in_ledger` (the gateway moved money we never booked: often a
webhook that never came, listed in `events_not_received` when no stored event names the
object), `missing_at_gateway`, `amount`, `currency`, `fee_not_booked` (the gateway kept a fee
the ledger's gateway_fees does not show). Each becomes a metric and an `audit` event; nothing is
corrected here: an admin posts a correcting entry (`correct`), itself audited by the ledger."""

from __future__ import annotations

import hashlib
import logging
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta
from typing import Any
from uuid import UUID

from prometheus_client import Counter, Gauge

from domain.access.policy import Permission, authorize
from domain.audit import services as audit
from domain.finance import ledger
from domain.finance.cases.models import PaymentCase
from domain.finance.gateway.port import BalanceTransaction, PaymentGateway
from domain.finance.operations.models import FinanceOperation, OpKind, OpStatus
from domain.finance.reconciliation.models import ReconciliationRun
from domain.finance.reporting.access import field_error
from domain.shared import sql
from domain.shared.alerts import Alert, LogAlerts, OperatorAlerts
from domain.shared.clock import utcnow
from domain.shared.context import Actor, RequestContext
from domain.shared.errors import NotFound, ValidationFailed
from domain.shared.ids import as_uuid
from domain.shared.uow import unit_of_work

log = logging.getLogger(__name__)

MISMATCHES_TOTAL = Counter("fieldsync_finance_reconciliation_mismatches_total",
                           "Mismatches found between the ledger and the gateway, per run", ["kind"])
OPEN_MISMATCHES = Gauge("fieldsync_finance_reconciliation_open_mismatches",
                        "Mismatches found by the latest reconciliation run", ["kind"])
RUNS_TOTAL = Counter("fieldsync_finance_reconciliation_runs_total", "Reconciliation runs", ["outcome"])
KINDS = ("missing_in_ledger", "missing_at_gateway", "amount", "currency", "fee_not_booked")
# Ledger entries are read this far around the window, so an object booked just across its edge
# still matches (only objects inside the window are reported).
SLACK = timedelta(hours=1)
MAX_WINDOW = timedelta(days=93)
MAX_AUDITED = 200  # audit events per run; the run row keeps every mismatch


@dataclass
class _Side:
    object_id: str | None
    type: str
    amount: int
    currency: str
    at: datetime
    fee: int = 0
    entries: list[str] = field(default_factory=list)
    payment_id: str | None = None


@dataclass(frozen=True)
class Mismatch:
    kind: str
    object_id: str | None
    detail: str
    gateway: dict[str, Any] | None = None
    ledger: dict[str, Any] | None = None


@dataclass(frozen=True)
class RunView:
    id: UUID
    gateway: str
    window_start: datetime
    window_end: datetime
    trigger: str
    gateway_transactions: int
    ledger_entries: int
    matched: int
    in_flight: int
    clean: bool
    mismatches: list[dict[str, Any]]
    events_not_received: list[str]


_LEDGER = """
    SELECT e.id, e.idempotency_key, COALESCE(o.kind, e.kind) AS kind, COALESCE(o.idempotency_key, e.idempotency_key)
           AS original_key, COALESCE(o.id, e.id) AS original_id, e.case_id, e.created_at, a.currency, p.side,
           p.amount
    FROM ledger_posting p
    JOIN ledger_account a ON a.id = p.account_id
    JOIN ledger_entry e ON e.id = p.entry_id
    LEFT JOIN ledger_entry o ON o.id = e.reverses_id
    WHERE a.kind = 'gateway_balance' AND a.owner = 'platform' AND p.bucket = 'posted'
      AND e.created_at >= $1 AND e.created_at < $2
    ORDER BY e.created_at, e.id"""

# What left the gateway balance as a fee of one object: the charge's fee (`gw:<charge>:fee`,
# to gateway_fees) and a chargeback's dispute fee (`gw:<dispute>:fee:<n>`, to dispute suspense,
# less any fee given back).
FEE_KINDS = ("gateway_fee", "dispute_fee")
_FEES = """
    SELECT COALESCE(SUM(CASE WHEN p.side = 'credit' THEN p.amount ELSE -p.amount END), 0) AS fees
    FROM ledger_posting p JOIN ledger_account a ON a.id = p.account_id JOIN ledger_entry e ON e.id = p.entry_id
    WHERE a.kind = 'gateway_balance' AND p.bucket = 'posted' AND e.kind IN ('gateway_fee', 'dispute_fee')
      AND e.idempotency_key LIKE $1"""


class Reconciler:
    def __init__(self, gateway: PaymentGateway, *, lookback: timedelta = timedelta(days=2),
                 settle_delay: timedelta = timedelta(minutes=10), alerts: OperatorAlerts | None = None) -> None:
        self.gateway = gateway
        self.alerts: OperatorAlerts = alerts or LogAlerts()  # operators hear of a mismatch (Slack)
        self.lookback = lookback  # the daily run's window
        self.settle_delay = settle_delay  # the newest minutes are left to webhooks still on their way

    async def run_daily(self) -> RunView:
        end = utcnow() - self.settle_delay
        return await self.run(end - self.lookback, end, trigger="daily")

    async def run_on_demand(self, actor: Actor, start: datetime | None, end: datetime | None,
                            context: RequestContext) -> RunView:
        await authorize(actor, Permission.FINANCE_ADMIN)
        end = end or utcnow()
        start = start or end - self.lookback
        if end <= start or end - start > MAX_WINDOW:
            raise ValidationFailed("The window must end after it starts and span at most 93 days.",
                                   errors=[field_error("end", "after start, within 93 days", "body")])
        return await self.run(start, end, trigger="manual", actor=actor, context=context)

    async def get(self, actor: Actor, run_id: str) -> RunView:
        await authorize(actor, Permission.FINANCE_ADMIN)
        uid = as_uuid(run_id)
        found = await ReconciliationRun.get_or_none(id=uid) if uid else None
        if found is None:
            raise NotFound()
        return _view(found, 0)

    async def run(self, start: datetime, end: datetime, *, trigger: str, actor: Actor | None = None,
                  context: RequestContext | None = None) -> RunView:
        context = context or RequestContext()
        txns = [t for t in await self.gateway.balance_transactions(created_after=start - SLACK)
                if t.created < end + SLACK]
        gateway_side = await self._gateway_side(txns)
        ledger_side, loose, in_flight, entries = await self._ledger_side(start - SLACK, end + SLACK)
        mismatches: list[Mismatch] = []
        matched = 0
        unmatched_gateway: list[_Side] = []
        for object_id, g in gateway_side.items():
            mine = ledger_side.pop(object_id, None)
            if mine is None:
                unmatched_gateway.append(g)
                continue
            matched += 1
            mismatches.extend(await self._compare(g, mine))
        # Refunds booked from the gateway's state name no refund: pair them by amount and currency.
        for g in unmatched_gateway:
            twin = next((s for s in loose if s.type == g.type and s.currency == g.currency and s.amount == g.amount
                         and (s.payment_id is None or g.payment_id is None or s.payment_id == g.payment_id)), None)
            if twin is not None:
                loose.remove(twin)
                matched += 1
                continue
            if start <= g.at < end:
                mismatches.append(Mismatch("missing_in_ledger", g.object_id,
                                           f"the gateway's {g.type} moved {g.amount} {g.currency}; the ledger has "
                                           "nothing for it", gateway=_side(g)))
        for s in [*ledger_side.values(), *loose]:
            if start <= s.at < end:
                mismatches.append(Mismatch("missing_at_gateway", s.object_id,
                                           f"the ledger's {s.type} moved {s.amount} {s.currency}; the gateway has "
                                           "no such balance transaction", ledger=_side(s)))
        missing = [m.object_id for m in mismatches if m.kind == "missing_in_ledger" and m.object_id]
        not_received = await _never_received(self.gateway.name, missing)
        return await self._store(start, end, trigger, actor, context, len(txns), entries, matched, in_flight,
                                 mismatches, not_received)

    async def _gateway_side(self, txns: Sequence[BalanceTransaction]) -> dict[str, _Side]:
        """Per object, what the gateway's balance transactions moved (signed, gross of fees)."""
        sides: dict[str, _Side] = {}
        charges = [t.source for t in txns if t.type in ("charge", "payment") and t.source]
        payments = {c.charge_id: c.payment_id for c in await PaymentCase.filter(charge_id__in=charges)} \
            if charges else {}
        for t in txns:
            object_id = t.source or t.id
            side = sides.setdefault(object_id, _Side(object_id, _type(t.type), 0, t.amount.currency, t.created))
            if side.currency != t.amount.currency:
                side.currency = "mixed"
            side.amount += t.amount.amount
            side.fee += t.fee
            side.at = min(side.at, t.created)
            side.payment_id = payments.get(object_id)
        return sides

    async def _ledger_side(self, start: datetime, end: datetime) -> tuple[dict[str, _Side], list[_Side], int, int]:
        rows = await sql.rows(sql.reader(), _LEDGER, [start, end])
        refund_entries = [str(r["original_id"]) for r in rows if r["kind"] == "refund"]
        refund_ops: dict[str, FinanceOperation] = {}
        if refund_entries:
            for stored in await FinanceOperation.filter(op=OpKind.REFUND, case_id__in=list(
                    {r["case_id"] for r in rows if r["kind"] == "refund" and r["case_id"]})):
                refund_ops[str(stored.params.get("entry_id"))] = stored
        payments = [k.split(":")[1] for k in (str(r["original_key"]) for r in rows) if k.startswith("gw:")]
        charges = {c.payment_id: c.charge_id for c in await PaymentCase.filter(payment_id__in=payments)} \
            if payments else {}
        by_object: dict[str, _Side] = {}
        loose: dict[str, _Side] = {}
        in_flight: set[str] = set()
        entries: set[str] = set()
        for r in rows:
            key, kind = str(r["original_key"]), str(r["kind"])
            original = str(r["original_id"])
            entries.add(str(r["id"]))
            if kind in FEE_KINDS:  # compared with the gateway's fee, not its gross amount (_compare)
                continue
            amount = int(r["amount"]) if r["side"] == "debit" else -int(r["amount"])
            at = sql.as_datetime(r["created_at"])
            object_id: str | None = None
            payment_id: str | None = None
            if kind == "capture_settle" and key.startswith("gw:"):
                payment_id = key.split(":")[1]
                object_id = charges.get(payment_id) or payment_id
            elif kind == "refund":
                op = refund_ops.get(original)
                if op is not None and op.status is OpStatus.PENDING:
                    in_flight.add(original)
                    continue
                if op is not None and op.status is OpStatus.SUCCEEDED and (op.result or {}).get("id"):
                    object_id = str(op.result["id"])
                elif key.startswith("gw:") and key.endswith(":refund"):  # made at the gateway, booked by its id
                    object_id = key.split(":")[1]
                elif key.startswith("gw:"):  # an adapter that listed no refunds: paired by amount below
                    payment_id = key.split(":")[1]
            elif key.startswith("gw:"):
                object_id = key.split(":")[1]
            target = by_object if object_id else loose
            slot = object_id or original
            side = target.setdefault(slot, _Side(object_id, _type(kind), 0, str(r["currency"]), at,
                                                 payment_id=payment_id))
            side.amount += amount
            side.entries.append(str(r["id"]))
            side.at = min(side.at, at)
        # An entry and its reversal that cancel out left nothing to reconcile; a chargeback won
        # back cancels out at the gateway too (withdrawn and reinstated), and its fee remains.
        return ({k: s for k, s in by_object.items() if s.amount or not s.entries or s.type == "chargeback"},
                [s for s in loose.values() if s.amount], len(in_flight), len(entries))

    async def _compare(self, g: _Side, mine: _Side) -> list[Mismatch]:
        found: list[Mismatch] = []
        if g.currency != mine.currency:
            found.append(Mismatch("currency", g.object_id, f"the gateway moved {g.currency}, the ledger "
                                  f"{mine.currency}", gateway=_side(g), ledger=_side(mine)))
        elif g.amount != mine.amount:
            found.append(Mismatch("amount", g.object_id, f"the gateway moved {g.amount} {g.currency}, the ledger "
                                  f"{mine.amount}", gateway=_side(g), ledger=_side(mine)))
        if g.fee:
            booked = await sql.rows(sql.reader(), _FEES, [f"gw:{g.object_id}:%"])
            if int(booked[0]["fees"]) != g.fee:
                found.append(Mismatch("fee_not_booked", g.object_id,
                                      f"the gateway kept a fee of {g.fee} {g.currency}; the ledger's gateway fees "
                                      f"show {int(booked[0]['fees'])}", gateway=_side(g)))
        return found

    async def _store(self, start: datetime, end: datetime, trigger: str, actor: Actor | None,
                     context: RequestContext, transactions: int, entries: int, matched: int, in_flight: int,
                     mismatches: list[Mismatch], not_received: list[str]) -> RunView:
        counts: dict[str, int] = defaultdict(int)
        for m in mismatches:
            counts[m.kind] += 1
        async with unit_of_work() as uow:
            row = await ReconciliationRun.create(
                gateway=self.gateway.name, window_start=start, window_end=end, trigger=trigger,
                requested_by=actor.user_id if actor else None, gateway_transactions=transactions,
                ledger_entries=entries, matched=matched, mismatches=[asdict(m) for m in mismatches],
                events_not_received=not_received, clean=not mismatches, using_db=uow.connection)
            await audit.record(uow, actor=actor, action="finance.reconciliation_run", subject_type="reconciliation",
                               subject_id=str(row.id), context=context,
                               after={"clean": not mismatches, "mismatches": dict(counts), "matched": matched,
                                      "window": [start.isoformat(), end.isoformat()], "trigger": trigger})
            for m in mismatches[:MAX_AUDITED]:
                await audit.record(uow, actor=actor, action="finance.reconciliation_mismatch",
                                   subject_type="reconciliation", subject_id=str(row.id), context=context,
                                   after=asdict(m))

        def metrics() -> None:
            RUNS_TOTAL.labels("clean" if not mismatches else "mismatches").inc()
            for kind in KINDS:
                OPEN_MISMATCHES.labels(kind).set(counts.get(kind, 0))
                if counts.get(kind):
                    MISMATCHES_TOTAL.labels(kind).inc(counts[kind])

        metrics()  # after the commit: the unit of work above has ended
        if mismatches:
            log.warning("reconciliation_mismatches run=%s counts=%s", row.id, dict(counts))
            await self.alerts.raise_alert(_alert(self.gateway.name, str(row.id), mismatches, counts))
        return _view(row, in_flight)


def _alert(gateway: str, run_id: str, mismatches: list[Mismatch], counts: dict[str, int]) -> Alert:
    """One alert per set of mismatching objects: the next run finding the same ones is the same
    alert (deduplicated), a new one is not."""
    found = sorted(f"{m.kind}:{m.object_id}" for m in mismatches)
    key = f"{gateway}:{hashlib.sha256(chr(10).join(found).encode()).hexdigest()[:16]}"
    return Alert("reconciliation_mismatch", key, "Money does not reconcile",
                 f"The ledger and {gateway} disagree on {len(mismatches)} object(s): see reconciliation run "
                 f"{run_id} (GET /v1/admin/finance/reconciliations/{run_id}).",
                 fields={"run": run_id, "gateway": gateway, **{kind: str(n) for kind, n in sorted(counts.items())}})


async def _never_received(gateway: str, object_ids: list[str]) -> list[str]:
    """The objects no stored webhook of this gateway names (by object or anywhere in its body)."""
    missing: list[str] = []
    conn = sql.reader()
    for object_id in object_ids[:500]:
        found = await sql.rows(conn, """
            SELECT 1 AS hit FROM gateway_event WHERE gateway = $1
              AND (object_id = $2 OR CAST(payload AS TEXT) LIKE $3) LIMIT 1""",
                               [gateway, object_id, f"%{object_id.replace('%', '')}%"])
        if not found:
            missing.append(object_id)
    return missing


def _type(kind: str) -> str:
    return {"charge": "capture", "payment": "capture", "capture_settle": "capture", "transfer_refund": "reversal",
            "transfer_reversal": "reversal", "adjustment": "chargeback", "chargeback_withdrawn": "chargeback",
            "chargeback_reinstated": "chargeback"}.get(kind, kind)


def _side(s: _Side) -> dict[str, Any]:
    return {"type": s.type, "amount": s.amount, "currency": s.currency, "at": s.at.isoformat(),
            "entries": s.entries, "fee": s.fee}


def _view(row: ReconciliationRun, in_flight: int) -> RunView:
    return RunView(id=row.id, gateway=row.gateway, window_start=row.window_start, window_end=row.window_end,
                   trigger=row.trigger, gateway_transactions=row.gateway_transactions,
                   ledger_entries=row.ledger_entries, matched=row.matched, in_flight=in_flight, clean=row.clean,
                   mismatches=list(row.mismatches), events_not_received=list(row.events_not_received))


@dataclass(frozen=True)
class CorrectionLeg:
    kind: str
    owner: str
    currency: str
    side: str
    amount: int


async def correct(actor: Actor, *, reason: str, context: RequestContext, reverses: str | None = None,
                  legs: Sequence[CorrectionLeg] = (), key: str | None = None) -> ledger.PostedEntry:
    """An admin's correcting entry: the reversal of an entry, or a balanced entry of their own.
    The ledger audits it (actor, reason, request id); nothing else is ever changed."""
    await authorize(actor, Permission.FINANCE_ADMIN)
    who = f"user:{actor.user_id}"
    async with unit_of_work() as uow:
        if reverses is not None:
            entry_id = as_uuid(reverses)
            if entry_id is None:
                raise NotFound()
            return await ledger.reverse(uow, entry_id, key=key or f"correction:{entry_id}", actor=who,
                                        reason=reason[:200], request_id=context.request_id)
        try:
            draft = ledger.EntryDraft(
                idempotency_key=key or f"correction:{context.request_id or utcnow().isoformat()}",
                kind="correction", actor=who, reason=reason[:200], request_id=context.request_id,
                legs=tuple(ledger.Leg(ledger.AccountKey(ledger.AccountKind(leg.kind), leg.owner, leg.currency),
                                      ledger.Side(leg.side), leg.amount) for leg in legs))
        except ValueError as exc:
            raise ValidationFailed(f"Not a valid leg: {exc}") from None
        return await ledger.post(uow, draft)
