"""Account helpers for tests: real sign-ups through the API."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from typing import Any

from aiohttp.test_utils import TestClient

from domain.accounts.models import User

PASSWORD = "correct horse battery"


@dataclass
class Account:
    id: str
    email: str
    access_token: str
    refresh_token: str
    roles: list[str]

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.access_token}"}


def unique_email(prefix: str = "user") -> str:
    return f"{prefix}-{secrets.token_hex(4)}@example.com"


async def register(client: TestClient, role: str = "customer", email: str | None = None,
                   name: str = "Test User") -> Account:
    email = email or unique_email(role)
    response = await client.post("/v1/auth/register",
                                 json={"email": email, "password": PASSWORD, "name": name, "role": role})
    assert response.status == 201, await response.text()
    return _account(await response.json())


async def login(client: TestClient, email: str, password: str = PASSWORD) -> Account:
    response = await client.post("/v1/auth/login", json={"email": email, "password": password})
    assert response.status == 200, await response.text()
    return _account(await response.json())


async def make_admin(client: TestClient) -> Account:
    """An admin: registered as a customer, promoted in the database (no API makes the first admin)."""
    account = await register(client, "customer")
    await User.filter(id=account.id).update(roles=["admin"])
    return await login(client, account.email)


def _account(body: dict[str, Any]) -> Account:
    user = body["user"]
    return Account(user["id"], user["email"], body["access_token"], body["refresh_token"], user["roles"])


async def join_org(client: TestClient, manager: Account, org_id: str, member: Account,
                   role: str = "serviceman") -> dict[str, Any]:
    """`member` joins the organisation as anyone does: `manager` invites, the member accepts."""
    invited = await client.post(f"/v1/orgs/{org_id}/members", headers=manager.headers,
                                json={"user_id": member.id, "role": role})
    assert invited.status == 201, await invited.text()
    membership_id = (await invited.json())["membership_id"]
    accepted = await client.post(f"/v1/invitations/{membership_id}/accept", headers=member.headers)
    assert accepted.status == 200, await accepted.text()
    return dict(await accepted.json())
