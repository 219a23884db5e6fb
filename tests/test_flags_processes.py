"""A flag flip across two real `fieldsync serve` processes (issue 20): the admin flips it on one,
and within a second every socket on both hears `config:changed`; the very next capabilities
call and config pull on either process sees the new value."""

from __future__ import annotations

import time
from typing import Any

import aiohttp

from tests.support.identity import make_admin, register
from tests.support.server_process import server_processes  # noqa: F401 - fixture
from tests.support.socket_clients import Recorder

CONFIG = "config:changed"
FLAG = "search.new_ranking"


async def _put_flag(http: aiohttp.ClientSession, base: str, headers: dict[str, str], body: dict[str, Any]) -> None:
    async with http.put(f"{base}/v1/admin/flags/{FLAG}", json=body, headers=headers) as response:
        assert response.status == 200, await response.text()


async def _pulled_flag(http: aiohttp.ClientSession, base: str, headers: dict[str, str]) -> dict[str, Any]:
    rows: dict[str, dict[str, Any]] = {}
    cursor = None
    while True:
        async with http.post(f"{base}/v1/sync/pull", json={"cursor": cursor, "collections": ["config"]},
                             headers=headers) as response:
            assert response.status == 200, await response.text()
            page = await response.json()
        rows.update({c["id"]: c["data"] for c in page["changes"] if c["op"] == "upsert"})
        cursor = page["cursor"]
        if not page["has_more"]:
            return rows[FLAG]


async def test_a_flip_on_one_process_reaches_the_sockets_capabilities_and_pulls_of_both(
        server_processes: Any, make_client: Any) -> None:  # noqa: F811
    servers = [server_processes(name) for name in ("flags-a", "flags-b")]
    here = await make_client()  # the same database: it makes the accounts
    admin = await make_admin(here)
    user = await register(here, "customer")
    sockets = [await Recorder.connect(s.url, user.access_token, ["/"], events=[CONFIG]) for s in servers]
    try:
        async with aiohttp.ClientSession() as http:
            await _put_flag(http, servers[0].url, admin.headers, {"kind": "bool", "value": False})
            for s in sockets:  # both processes listen (the first change may also create the flag)
                await s.next_event("/", CONFIG, timeout=5.0)
            started = time.monotonic()
            await _put_flag(http, servers[0].url, admin.headers, {"value": True})
            heard = [await s.next_event("/", CONFIG, timeout=1.0) for s in sockets]
            took = time.monotonic() - started
            assert took < 1.0, f"the flip took {took:.2f} s to reach both processes' sockets"
            assert all(h["keys"] == [FLAG] for h in heard), heard
            for server in servers:  # the very next calls, on either process, see the new value
                async with http.get(f"{server.url}/v1/capabilities", headers=user.headers) as response:
                    assert response.status == 200, await response.text()
                    assert (await response.json())["features"][FLAG] is True, server.name
                row = await _pulled_flag(http, server.url, user.headers)
                assert row["value"] is True and row["version"] == 2, (server.name, row)
    finally:
        for s in sockets:
            await s.close()
