"""The expiry timer: reminders at 30, 7 and 0 days before an approved document expires (push +
in-app, through the notifier), and the lapse at expiry, which rewrites what the serviceman holds
in the same transaction, so the gates close and the sync grants move with its commit.

Run by every process (app/jobs.py `verification_timers`) and exactly once per due moment: a
batch of due documents is claimed with `FOR UPDATE SKIP LOCKED` and handled in the SAME
transaction, so another process skips the rows this one holds, and once it commits their
`next_due_at` moved on. On SQLite (one writer at a time) the transaction alone serializes them.
Tests move the clock by passing `now`."""

from __future__ import annotations

import logging
from datetime import datetime
from uuid import UUID

from domain.shared.clock import utcnow
from domain.shared.errors import DomainError
from domain.shared.uow import UnitOfWork, unit_of_work
from domain.verification import eligibility, events
from domain.verification.models import DocumentState, VerificationDocument
from domain.verification.review import REMINDER_DAYS, VerificationReviews, due, mark_time, next_due

log = logging.getLogger(__name__)
BATCH = 200


class VerificationService(VerificationReviews):
    async def run_timers(self, now: datetime | None = None) -> int:
        """One batch of due reminders and lapses; returns how many documents it handled."""
        now = now or utcnow()
        done = 0
        async with unit_of_work() as uow:
            for document_id in await self._claim(uow, now):
                try:
                    async with unit_of_work() as step:  # a savepoint: one that fails stays due, alone
                        done += await self._step(step, document_id, now)
                except DomainError as exc:
                    log.warning("verification_timer_skipped document=%s reason=%s", document_id, exc.message)
        if done:
            log.info("verification_timers_ran count=%d", done)
        return done

    async def _claim(self, uow: UnitOfWork, now: datetime) -> list[UUID]:
        conn = uow.connection
        if conn.capabilities.dialect == "postgres":
            rows = await conn.execute_query_dict(
                "SELECT id FROM verification_document WHERE state = 'approved' AND next_due_at <= $1 "
                "ORDER BY next_due_at LIMIT $2 FOR UPDATE SKIP LOCKED", [now, BATCH])
            return [UUID(str(row["id"])) for row in rows]
        return [d.id for d in await VerificationDocument.filter(due(now)).using_db(conn).limit(BATCH)]

    async def _step(self, uow: UnitOfWork, document_id: UUID, now: datetime) -> int:
        doc = await VerificationDocument.get(id=document_id, using_db=uow.connection)  # locked by the claim
        if doc.state is not DocumentState.APPROVED or doc.expires_at is None:
            return 0
        told = await self._told(doc)
        if doc.expires_at <= now:
            await self._move(uow, doc, DocumentState.LAPSED, next_due_at=None)
            await self._history(uow, doc, "lapsed", None)
            await eligibility.refresh(doc.owner_id, uow.connection, now)
            await events.record(uow, events.LAPSED, doc, None, notify=told)
            return 1
        sent = list(doc.reminders_sent or [])
        marks = [d for d in REMINDER_DAYS if d not in sent and mark_time(doc.expires_at, d) <= now]
        if not marks:  # nothing due after all: move the mark on
            await self._move(uow, doc, doc.state, next_due_at=next_due(doc.expires_at, sent))
            return 0
        sent = sorted({*sent, *marks}, reverse=True)  # the most urgent only: no 30-day notice after the 7-day one
        days_left = max(0, (doc.expires_at - now).days)
        await self._move(uow, doc, doc.state, reminders_sent=sent, next_due_at=next_due(doc.expires_at, sent))
        await self._history(uow, doc, "reminded", None, f"{min(marks)} days")
        await events.record(uow, events.REMINDER, doc, None, notify=told, days=min(marks), days_left=days_left)
        return 1
