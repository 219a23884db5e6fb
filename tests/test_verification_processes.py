"""Verification expiry across two `fieldsync serve` processes (issue 15, acceptance 1): the lapse
timer runs in both and lapses every due document exactly once (FOR UPDATE SKIP LOCKED), the
lapsed serviceman's socket on one process hears the sync poke when the other lapses their
insurance, and every gate read through either process is closed; approving the renewal on one
process reopens them on the other at once. No sleeping for an expiry: expiries are written in
the past (the server processes' clocks cannot be moved)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import aiohttp
import asyncpg

from tests.support.bookings import CENTRE, make_zone
from tests.support.bus import wait_until
from tests.support.identity import Account, make_admin, register
from tests.support.server_process import server_processes  # noqa: F401 - fixture
from tests.support.socket_clients import Recorder
from tests.support.verification import FAR_FUTURE, fields_for, gas_engineer, gas_job, submit

COPIES = 600  # extra approved documents due at once, spread over the two processes


async def _call(http: aiohttp.ClientSession, method: str, url: str, who: Account, body: Any = None) -> Any:
    async with http.request(method, url, json=body, headers=who.headers) as response:
        return response.status, await response.json()


async def _candidates(http: aiohttp.ClientSession, base: str, who: Account) -> list[str]:
    status, body = await _call(http, "POST", f"{base}/v1/matching/candidates", who, {
        "category_id": "gas.boiler-service", "lat": CENTRE[0] + 0.01, "lng": CENTRE[1] + 0.01})
    assert status == 200, body
    return [c["serviceman_id"] for c in body["candidates"]]


async def _pull_all(http: aiohttp.ClientSession, base: str, who: Account) -> dict[str, Any]:
    """Every change a fresh device pulls, by row id (the newest of each)."""
    rows: dict[str, Any] = {}
    body: dict[str, Any] = {}
    for _ in range(100):
        status, page = await _call(http, "POST", f"{base}/v1/sync/pull", who, body)
        assert status == 200, page
        rows.update({c["id"]: c for c in page["changes"]})
        if page["complete"]:
            return rows
        body = {"cursor": page["cursor"]}
    raise AssertionError("no complete page")


async def test_the_lapse_runs_once_across_two_processes_and_a_renewal_reopens_the_gates(
        make_client: Callable[..., Any], server_processes: Any, database_url: str) -> None:  # noqa: F811
    client = await make_client(verification_timers_interval_seconds=3600.0)  # this process only sets up
    admin = await make_admin(client)
    zone = await make_zone(client, admin, *CENTRE)
    customer = await register(client, "customer")
    gail, insurance = await gas_engineer(client, admin, zone)
    job = await (await client.post("/v1/jobs", headers=customer.headers, json=gas_job())).json()
    renewal = await submit(client, gail, gail.id, "insurance", fields=fields_for("insurance", FAR_FUTURE),
                           replaces_id=insurance["id"])
    a, b = (server_processes(name, VERIFICATION_TIMERS_INTERVAL_SECONDS="0.1") for name in ("a", "b"))
    socket = await Recorder.connect(b.url, gail.access_token, ["/"], ["sync:poke"])
    conn = await asyncpg.connect(database_url.replace("postgres://", "postgresql://", 1))
    try:
        async with aiohttp.ClientSession() as http:
            assert gail.id in await _candidates(http, a.url, customer)
            while socket.pending("/", "sync:poke"):  # only a poke the lapse causes counts below
                await socket.next_event("/", "sync:poke")
            # The clock "passes" the expiry: the insurance and 600 copies of it are due now, all at once.
            await conn.execute(
                """INSERT INTO verification_document (id, owner_id, organisation_id, submitted_by_id, kind,
                       credential, state, upload_id, details, number_sealed, number_last4, expires_at,
                       reject_reason, assignee_id, reminders_sent, next_due_at, replaces_id, decided_at, version,
                       created_at, updated_at)
                   SELECT gen_random_uuid(), d.owner_id, NULL, d.submitted_by_id, d.kind, d.credential, 'approved',
                       gen_random_uuid(), d.details, d.number_sealed, d.number_last4, now() - interval '1 minute',
                       '', NULL, '[]', now() - interval '1 minute', NULL, now(), 1, now(), now()
                   FROM verification_document d, generate_series(1, $2) WHERE d.id = $1""",
                insurance["id"], COPIES)
            await conn.execute("UPDATE verification_document SET expires_at = now() - interval '1 minute', "
                               "next_due_at = now() - interval '1 minute' WHERE id = $1", insurance["id"])

            async def lapsed() -> bool:
                return int(await conn.fetchval("SELECT count(*) FROM verification_document WHERE state = "
                                               "'approved' AND credential = 'insurance'")) == 0

            await wait_until(lapsed, 120, "every due document lapsed")
            per_document = await conn.fetch(
                """SELECT d.id, count(r.id) AS n FROM verification_document d LEFT JOIN verification_review r
                     ON r.document_id = d.id AND r.action = 'lapsed'
                   WHERE d.credential = 'insurance' AND d.state = 'lapsed' GROUP BY d.id""")
            assert len(per_document) == COPIES + 1 and {row["n"] for row in per_document} == {1}
            events = await conn.fetchval("SELECT count(*) FROM outbox WHERE type = 'verification.lapsed'")
            assert events == COPIES + 1

            # The lapse (written by whichever process) rang Gail's socket on b, and every gate is shut on both.
            await socket.next_event("/", "sync:poke", 20)
            for base in (a.url, b.url):
                assert gail.id not in await _candidates(http, base, customer)
            status, refused = await _call(http, "POST", f"{b.url}/v1/jobs/{job['id']}/bids", gail,
                                          {"amount": {"amount": 9000, "currency": "USD"}})
            assert status == 403 and "insurance" in refused["detail"]
            rows = await _pull_all(http, b.url, gail)
            assert job["id"] not in {i for i, c in rows.items() if c["collection"] == "jobs" and c["op"] == "upsert"}
            assert rows[insurance["id"]]["data"]["state"] == "lapsed"

            # The renewal approved on a: b lets Gail back in at once.
            status, approved = await _call(http, "POST", f"{a.url}/v1/admin/verification/documents/"
                                                         f"{renewal['id']}/approve", admin, {})
            assert status == 200 and approved["state"] == "approved", approved
            assert gail.id in await _candidates(http, b.url, customer)
            status, placed = await _call(http, "POST", f"{b.url}/v1/jobs/{job['id']}/bids", gail,
                                         {"amount": {"amount": 9000, "currency": "USD"}})
            assert status == 201, placed
    finally:
        await conn.close()
        await socket.close()
    logs = [server.log_text() for server in (a, b)]
    assert all("verification_timers_ran" in log for log in logs), "both processes lapsed some"
