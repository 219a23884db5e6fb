"""Push workers in two `fieldsync serve` processes share one queue: every push is sent once,
and both processes take part (FOR UPDATE SKIP LOCKED claims, leases)."""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

import aiohttp
import asyncpg

from tests.conftest import truncate_all
from tests.support.bus import wait_until
from tests.support.fcm_fake import FakeFcm, fcm_fake  # noqa: F401 - fixture
from tests.support.identity import PASSWORD, unique_email
from tests.support.notifications import fcm_token
from tests.support.server_process import server_processes  # noqa: F401 - fixture

JOBS_PER_USER = 10


async def _user_with_device(http: aiohttp.ClientSession, base: str) -> tuple[str, str]:
    async with http.post(f"{base}/v1/auth/register", json={"email": unique_email(), "password": PASSWORD,
                                                            "name": "P", "role": "customer"}) as response:
        assert response.status == 201, await response.text()
        body = await response.json()
    token = fcm_token()
    async with http.post(f"{base}/v1/devices", json={"token": token, "platform": "android", "app": "customer"},
                         headers={"Authorization": f"Bearer {body['access_token']}"}) as response:
        assert response.status == 200, await response.text()
    return body["user"]["id"], token


async def test_two_processes_deliver_each_push_once(server_processes: Any, fcm_fake: FakeFcm,  # noqa: F811
                                                    database_url: str) -> None:
    await truncate_all(database_url)  # no other test's jobs or devices
    settings = {key.upper(): str(value) for key, value in fcm_fake.settings().items()}
    settings.update(PUSH_POLL_INTERVAL_MS="50", PUSH_CLAIM_BATCH="4", PUSH_USER_RATE_PER_MINUTE="1000",
                    AUTH_RATE_LIMIT_PER_MINUTE="100000", RATE_LIMIT_PER_MINUTE="100000")
    servers = [server_processes(name, **settings) for name in ("a", "b")]
    fcm_fake.delay = 0.05  # a round takes a moment: the other process claims meanwhile
    async with aiohttp.ClientSession() as http:
        users = [await _user_with_device(http, servers[0].url) for _ in range(6)]
    dsn = database_url.replace("postgres://", "postgresql://", 1)
    conn = await asyncpg.connect(dsn)
    try:
        # One statement: both workers find the whole backlog at their next poll.
        await conn.execute(
            """INSERT INTO push_jobs (user_id, kind, category, title, body, data, volatile, not_before, attempts,
                                      next_attempt_at, state, created_at)
               SELECT u::uuid, 'booking.n' || n, 'bookings', 'Update ' || n, '', jsonb_build_object('n', n::text),
                      false, now(), 0, now(), 'queued', now()
               FROM unnest($1::text[]) AS u, generate_series(1, $2) AS n""",
            [user for user, _token in users], JOBS_PER_USER)

        user_ids = [user for user, _token in users]

        async def all_sent() -> bool:
            sent = await conn.fetchval(
                "SELECT count(*) FROM push_jobs WHERE state = 'sent' AND user_id::text = ANY($1)", user_ids)
            return bool(sent == len(users) * JOBS_PER_USER)

        await wait_until(all_sent, 60, "every push to be sent")
    finally:
        await conn.close()

    delivered = Counter((r.token, r.message["data"]["n"]) for r in fcm_fake.requests if r.outcome == "ok")
    assert delivered == Counter({(token, str(n)): 1 for _user, token in users for n in range(1, JOBS_PER_USER + 1)})
    for server in servers:  # both processes did part of the work
        rounds = [json.loads(line) for line in server.log_text().splitlines() if '"push_round"' in line]
        assert sum(entry["jobs"] for entry in rounds) > 0, server.name
