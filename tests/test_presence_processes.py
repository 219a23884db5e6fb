"""Acceptance 3: presence across real `fieldsync serve` processes sharing Redis. Killing a
process with SIGKILL turns its users offline for watchers on another process within the TTL;
a user with a device on a surviving process stays online."""

from __future__ import annotations

import asyncio
import secrets
import time

from tests.support.identity import register
from tests.support.presence import PRESENCE, share_booking, subscribe
from tests.support.server_process import server_processes  # noqa: F401 (fixture)
from tests.support.socket_clients import Recorder
from tests.support.waiting import wait_for_value

TTL = 3.0
UPDATE = "presence:update"


async def _states(watcher: Recorder, user_ids: list[str]) -> dict[str, str]:
    ack = await subscribe(watcher, user_ids)
    assert ack["ok"], ack
    return {state["user_id"]: state["status"] for state in ack["data"]["states"]}


async def _wait_for_status(watcher: Recorder, user_ids: list[str], want: dict[str, str], timeout: float) -> None:
    await wait_for_value(lambda: _states(watcher, user_ids), lambda states: states == want, timeout,
                         f"presence {want}", interval=0.1)


async def test_a_killed_process_takes_only_its_own_users_offline_within_the_ttl(
    make_client, server_processes  # noqa: F811
):
    client = await make_client()  # the database, and accounts through the real API
    watcher_account = await register(client, "customer")
    both_ways = await register(client, "serviceman")  # a device on each process
    only_a = await register(client, "serviceman")  # devices on the process that dies
    for serviceman in (both_ways, only_a):
        await share_booking(watcher_account.id, serviceman.id)

    settings = {"SOCKET_REDIS_CHANNEL": f"presence-{secrets.token_hex(4)}", "PRESENCE_TTL_SECONDS": str(TTL)}
    a = server_processes("server-a", **settings)
    b = server_processes("server-b", **settings)
    watched = [both_ways.id, only_a.id]

    watcher = await Recorder.connect(b.url, watcher_account.access_token, [PRESENCE], [UPDATE])
    devices = [
        await Recorder.connect(a.url, both_ways.access_token, ["/"]),
        await Recorder.connect(b.url, both_ways.access_token, ["/messaging"], transport="polling"),
        await Recorder.connect(a.url, only_a.access_token, ["/", PRESENCE]),
        await Recorder.connect(a.url, only_a.access_token, ["/feed"]),  # a second device, same process
    ]
    try:
        await _wait_for_status(watcher, watched, {both_ways.id: "online", only_a.id: "online"}, timeout=5)
        while watcher.pending(PRESENCE, UPDATE):  # updates from before the kill
            await watcher.next_event(PRESENCE, UPDATE)

        a.proc.kill()  # SIGKILL: no disconnect handlers, no goodbye
        killed_at = time.monotonic()
        a.proc.wait(10)

        update = await watcher.next_event(PRESENCE, UPDATE, timeout=TTL + 3)
        elapsed = time.monotonic() - killed_at
        assert update["user_id"] == only_a.id and update["status"] == "offline", update
        assert elapsed <= TTL + 1.0, f"offline after {elapsed:.1f}s with a {TTL}s TTL"
        assert update["last_seen"] is not None

        # The user with a device left on B never flickers: no update, still online.
        await asyncio.sleep(TTL / 2)  # an absence: a flicker would follow the expiry just seen
        assert watcher.pending(PRESENCE, UPDATE) == 0
        assert await _states(watcher, watched) == {both_ways.id: "online", only_a.id: "offline"}

        # And when that last device goes, B says so at once.
        await devices[1].close()
        update = await watcher.next_event(PRESENCE, UPDATE, timeout=5)
        assert (update["user_id"], update["status"]) == (both_ways.id, "offline")
    finally:
        for recorder in (watcher, *devices):
            try:
                await asyncio.wait_for(recorder.close(), 5)
            except Exception:  # the sockets to the killed process are already gone
                pass
