"""Account helpers for tests: real sign-ups through the API."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from typing import Any

import pyotp
from aiohttp.test_utils import TestClient

from app.seed import DEMO_TOTP_SECRET, demo_email
from domain.accounts.models import MfaTotp, User

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


# TOTP secrets of the accounts the helpers enrolled (by email): `login` answers their challenge.
TOTP_SECRETS: dict[str, str] = {demo_email("admin"): DEMO_TOTP_SECRET}


async def totp_code(user_id: str, secret: str) -> str:
    """A code the server accepts now. Each code is good once (its time step must be newer than the
    last one used), so tests that prove many codes within 30 seconds forget the last step first."""
    await MfaTotp.filter(user_id=user_id).update(last_step=None)
    return pyotp.TOTP(secret).now()


async def login(client: TestClient, email: str, password: str = PASSWORD) -> Account:
    """Log in; an account the helpers enrolled in TOTP also passes the second step."""
    response = await client.post("/v1/auth/login", json={"email": email, "password": password})
    body = await response.json()
    if response.status == 403 and body.get("code") == "mfa_required" and email in TOTP_SECRETS:
        user = await User.get(email=email)
        response = await client.post("/v1/auth/mfa", json={
            "challenge_token": body["details"]["challenge_token"],
            "code": await totp_code(str(user.id), TOTP_SECRETS[email])})
        body = await response.json()
    assert response.status == 200, body
    return _account(body)


async def enrol_totp(client: TestClient, account: Account) -> str:
    """Turn TOTP on for the account through the API; its access token becomes the one with the
    factor (the same login). Returns the secret."""
    begun = await client.post("/v1/me/mfa/totp", headers=account.headers)
    assert begun.status == 201, await begun.text()
    secret = (await begun.json())["secret"]
    confirmed = await client.post("/v1/me/mfa/totp/confirm", headers=account.headers,
                                  json={"code": await totp_code(account.id, secret)})
    assert confirmed.status == 200, await confirmed.text()
    account.access_token = (await confirmed.json())["access_token"]
    TOTP_SECRETS[account.email] = secret
    return secret


async def make_admin(client: TestClient) -> Account:
    """An admin: registered as a customer, promoted in the database (no API makes the first admin),
    logged in again and enrolled in TOTP (admins need a second factor: docs/security.md)."""
    account = await register(client, "customer")
    await User.filter(id=account.id).update(roles=["admin"])
    admin = await login(client, account.email)
    await enrol_totp(client, admin)
    return admin


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
