"""The SLA timers: a deadline passed (escalate to the admin queue, or apply the default outcome
at the admin deadline) or a reminder is due (push + in-app to whoever must act).

Run by every process (app/jobs.py `dispute_timers`) and exactly once per deadline: a batch of
due disputes is claimed with `FOR UPDATE SKIP LOCKED` and handled in the SAME transaction, so
another process skips the rows this one holds, and once it commits their `due_at` /
`remind_at` moved on. On SQLite (one writer at a time) the transaction alone serializes them.
Each dispute runs in a savepoint: one that fails (its case moved meanwhile) stays due.
Tests move the clock by passing `now`."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Awaitable
from datetime import datetime, timedelta
from uuid import UUID

from domain.disputes import events, metrics
from domain.disputes import policy as parties
from domain.disputes.admin import DisputeAdmin
from domain.disputes.models import Dispute, DisputeState, Side
from domain.disputes.states import OPEN
from domain.shared.alerts import Alert, Severity
from domain.shared.clock import utcnow
from domain.shared.errors import DomainError
from domain.shared.uow import UnitOfWork, unit_of_work

log = logging.getLogger(__name__)

# Past its deadline this long and still open: the timers are not moving it.
STUCK_AFTER = timedelta(minutes=15)
_OPEN_SQL = ", ".join(f"'{s.value}'" for s in OPEN)


class DisputeTimers(DisputeAdmin):
    async def run_timers(self, now: datetime | None = None) -> int:
        """One batch of due deadlines and reminders; returns how many disputes it handled."""
        now = now or utcnow()
        done = 0
        async with unit_of_work() as uow:
            for dispute_id in await self._claim(uow, now):
                try:
                    async with unit_of_work() as step:
                        if await self._step(step, dispute_id, now):
                            done += 1
                except DomainError as exc:
                    log.warning("dispute_timer_skipped dispute=%s reason=%s", dispute_id, exc.message)
        if done:
            log.info("dispute_timers_ran count=%d", done)
        await metrics.refresh()
        await self._alert_stuck(now)
        return done

    async def _alert_stuck(self, now: datetime) -> None:
        """Open disputes still past their deadline after a run: the timers are not moving them
        (a failing step, a dead job). The list of ids is the alert's key: the same ones, once."""
        stuck = await (Dispute.filter(state__in=list(OPEN), due_at__lte=now - STUCK_AFTER).order_by("id")
                       .limit(50).values_list("id", flat=True))
        if stuck:
            ids = ",".join(str(i) for i in stuck)
            await self.alerts.raise_alert(Alert(
                "dispute_overdue", f"stuck:{hashlib.sha256(ids.encode()).hexdigest()[:16]}",
                "Disputes past their deadline", f"{len(stuck)} open dispute(s) are past their deadline and the "
                "timers did not move them: look at the dispute_timers job's log.",
                fields={"disputes": str(len(stuck)), "first": str(stuck[0])}))

    async def _claim(self, uow: UnitOfWork, now: datetime) -> list[UUID]:
        conn = uow.connection
        if conn.capabilities.dialect == "postgres":
            rows = await conn.execute_query_dict(
                f"SELECT id FROM dispute WHERE state IN ({_OPEN_SQL}) AND (due_at <= $1 OR remind_at <= $1) "  # noqa: S608
                "ORDER BY due_at LIMIT $2 FOR UPDATE SKIP LOCKED", [now, self.rules.timer_batch])
            return [UUID(str(row["id"])) for row in rows]
        due = await Dispute.filter(state__in=list(OPEN), due_at__lte=now).using_db(conn).limit(self.rules.timer_batch)
        reminders = await Dispute.filter(state__in=list(OPEN), remind_at__lte=now).using_db(conn).limit(
            self.rules.timer_batch)
        return list(dict.fromkeys(d.id for d in [*due, *reminders]))

    async def _step(self, uow: UnitOfWork, dispute_id: UUID, now: datetime) -> bool:
        dispute = await Dispute.get(id=dispute_id, using_db=uow.connection)  # locked by the claim
        if dispute.state not in OPEN:
            return False
        if dispute.due_at is not None and dispute.due_at <= now:
            if dispute.state is DisputeState.AWAITING_ADMIN:
                await self.apply_default(uow, dispute)
                # No admin decided in time: the default outcome stands, and the operators hear of it.
                uow.after_commit(lambda: self._alert_overdue(dispute))
            else:
                await self._escalate(uow, dispute, None, Side.SYSTEM)
            return True
        if dispute.remind_at is not None and dispute.remind_at <= now:
            await self._remind(uow, dispute)
            return True
        return False

    def _alert_overdue(self, dispute: Dispute) -> Awaitable[None]:
        return self.alerts.raise_alert(Alert(
            "dispute_overdue", str(dispute.id), "Dispute decided by default",
            "No admin decided this escalated dispute before its deadline: its default outcome was applied.",
            severity=Severity.WARNING, fields={"dispute": str(dispute.id)}))

    async def _remind(self, uow: UnitOfWork, dispute: Dispute) -> None:
        """Whoever must act before `due_at`: the side that has not answered, both sides while
        they negotiate, the assigned admin once escalated (every admin while nobody is assigned)."""
        if dispute.state is DisputeState.AWAITING_RESPONSE:
            other = {Side.CUSTOMER: Side.PROVIDER, Side.PROVIDER: Side.CUSTOMER}.get(dispute.opener_side)
            users = await parties.users_of(dispute, other, conn=uow.connection)
        elif dispute.state is DisputeState.NEGOTIATING:
            users = await parties.users_of(dispute, conn=uow.connection)
        else:
            users = [str(dispute.assignee_id)] if dispute.assignee_id else await parties.admin_ids(uow.connection)
        await Dispute.filter(id=dispute.id).using_db(uow.connection).update(remind_at=None)
        await events.record(uow, events.REMINDER, dispute, None, None, notify=users,
                            due_at=dispute.due_at.isoformat() if dispute.due_at else None)
        metrics.REMINDERS.labels(dispute.state.value).inc()
