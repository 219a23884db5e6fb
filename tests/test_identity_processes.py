"""Issue 3, acceptance 2: a role change made on one server process disconnects the user's
sockets on another process within a second, and their old access token stops working at
once on every process (two `fieldsync serve` children sharing Redis and PostgreSQL)."""

from __future__ import annotations

import time

import aiohttp
import asyncpg
import pyotp

from tests.support.identity import PASSWORD, unique_email
from tests.support.server_process import server_processes  # noqa: F401 - fixture
from tests.support.socket_clients import Recorder

FAST = {"AUTH_RATE_LIMIT_PER_MINUTE": "100000", "RATE_LIMIT_PER_MINUTE": "100000"}


async def _register(http: aiohttp.ClientSession, base: str, role: str = "customer") -> dict:
    email = unique_email(role)
    async with http.post(f"{base}/v1/auth/register",
                         json={"email": email, "password": PASSWORD, "name": "P", "role": role}) as response:
        assert response.status == 201, await response.text()
        return await response.json()


async def _login(http: aiohttp.ClientSession, base: str, email: str) -> dict:
    async with http.post(f"{base}/v1/auth/login", json={"email": email, "password": PASSWORD}) as response:
        assert response.status == 200, await response.text()
        return await response.json()


async def _enrol_totp(http: aiohttp.ClientSession, base: str, token: str) -> str:
    """Admins need a second factor (docs/security.md): enrol TOTP; the confirmation answers an
    access token that carries the factor."""
    headers = {"Authorization": f"Bearer {token}"}
    async with http.post(f"{base}/v1/me/mfa/totp", headers=headers) as begun:
        assert begun.status == 201, await begun.text()
        secret = (await begun.json())["secret"]
    async with http.post(f"{base}/v1/me/mfa/totp/confirm", headers=headers,
                         json={"code": pyotp.TOTP(secret).now()}) as confirmed:
        assert confirmed.status == 200, await confirmed.text()
        return str((await confirmed.json())["access_token"])


async def test_role_change_on_one_process_disconnects_sockets_on_another(server_processes, database_url):  # noqa: F811
    a = server_processes("a", **FAST)
    b = server_processes("b", **FAST)
    async with aiohttp.ClientSession() as http:
        admin = await _register(http, a.url)
        conn = await asyncpg.connect(database_url.replace("postgres://", "postgresql://", 1))
        try:
            await conn.execute("UPDATE user_account SET roles = '[\"admin\"]' WHERE id = $1::uuid", admin["user"]["id"])
        finally:
            await conn.close()
        admin = await _login(http, a.url, admin["user"]["email"])
        admin["access_token"] = await _enrol_totp(http, a.url, admin["access_token"])
        user = await _register(http, a.url)
        user_id, old_token = user["user"]["id"], user["access_token"]

        socket = await Recorder.connect(b.url, old_token, ["/", "/messaging"])
        try:
            started = time.monotonic()
            async with http.post(f"{a.url}/v1/admin/users/{user_id}/roles", json={"role": "enterprise"},
                                 headers={"Authorization": f"Bearer {admin['access_token']}"}) as response:
                assert response.status == 200
            for namespace in ("/", "/messaging"):
                await socket.next_disconnect(namespace, timeout=1.5)
            assert time.monotonic() - started < 1.5
        finally:
            await socket.close()

        for server in (a, b):
            async with http.get(f"{server.url}/v1/me", headers={"Authorization": f"Bearer {old_token}"}) as me:
                assert me.status == 401
                assert (await me.json())["code"] == "unauthorized"
        async with http.post(f"{b.url}/v1/auth/refresh", json={"refresh_token": user["refresh_token"]}) as refresh:
            assert refresh.status == 401
        # A fresh login carries the new role.
        again = await _login(http, b.url, user["user"]["email"])
        assert sorted(again["user"]["roles"]) == ["customer", "enterprise"]
