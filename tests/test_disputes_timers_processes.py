"""Dispute SLA timers in two `fieldsync serve` processes (issue 14, acceptance 4): 1,000
disputes whose response deadline passed at the same moment escalate exactly once each
(FOR UPDATE SKIP LOCKED claims, handled in the claiming transaction), and both processes take
part. No sleeping for a deadline: the deadlines are written in the past."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import asyncpg

from tests.support.bookings import build_market
from tests.support.bus import wait_until
from tests.support.disputes import open_dispute, paid_booking
from tests.support.payments import FAST
from tests.support.server_process import server_processes  # noqa: F401 - fixture

DISPUTES = 1000


async def test_a_thousand_due_disputes_escalate_once_each_across_two_processes(
        make_client: Callable[..., Any], server_processes: Any, database_url: str) -> None:  # noqa: F811
    client = await make_client(**FAST, dispute_timers_interval_seconds=3600.0)  # this process only sets up
    m = await build_market(client)
    booking, _case_id = await paid_booking(client, m)
    await open_dispute(client, m.customer, booking["id"])
    servers = [server_processes(name, DISPUTE_TIMERS_INTERVAL_SECONDS="0.1", PAYMENT_TIMERS_INTERVAL_SECONDS="3600")
               for name in ("a", "b")]
    conn = await asyncpg.connect(database_url.replace("postgres://", "postgresql://", 1))
    try:
        # One statement: 1,000 open disputes (copies of the one opened), all overdue now.
        await conn.execute(
            """INSERT INTO dispute (id, booking_id, case_id, milestone, customer_id, organisation_id, opened_by_id,
                   opener_side, reason, category, description, currency, claimed_amount, state, priority,
                   due_at, remind_at, decision_reason, open_key, last_seq, version, created_at, updated_at)
               SELECT gen_random_uuid(), d.booking_id, d.case_id, d.milestone, d.customer_id, d.organisation_id,
                   gen_random_uuid(), d.opener_side, d.reason, d.category, d.description, d.currency,
                   d.claimed_amount, 'awaiting_response', d.priority, now() - interval '1 minute', NULL, '',
                   'load:' || n, 1, 1, now(), now()
               FROM dispute d, generate_series(1, $1) AS n""", DISPUTES)

        async def escalated() -> bool:
            left = await conn.fetchval("SELECT count(*) FROM dispute WHERE open_key LIKE 'load:%' "
                                       "AND state <> 'awaiting_admin'")
            return int(left) == 0

        await wait_until(escalated, 180, "every dispute escalated")
        per_dispute = await conn.fetch(
            """SELECT d.id, count(e.id) AS n FROM dispute d LEFT JOIN dispute_entry e
                 ON e.dispute_id = d.id AND e.data->>'to' = 'awaiting_admin'
               WHERE d.open_key LIKE 'load:%' GROUP BY d.id""")
        assert len(per_dispute) == DISPUTES
        assert {row["n"] for row in per_dispute} == {1}
        events = await conn.fetchval("SELECT count(*) FROM outbox WHERE type = 'dispute.escalated'")
        assert events == DISPUTES
        versions = await conn.fetchval("SELECT count(DISTINCT version) FROM dispute WHERE open_key LIKE 'load:%'")
        assert versions == 1  # one write each
    finally:
        await conn.close()
    logs = [server.log_text() for server in servers]
    assert all("dispute_timers_ran" in log for log in logs), "both processes escalated some"
