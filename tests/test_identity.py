"""Accounts and tokens over HTTP (issue 3, acceptance 1, 3 and 6)."""

from __future__ import annotations

import time

import jwt
import pytest

from domain.accounts.models import User
from tests.conftest import TEST_SIGNING_KEYS
from tests.support.identity import PASSWORD, login, register, unique_email


async def test_register_login_me_refresh_and_replay_kills_the_family(client):
    account = await register(client, "customer", name="Ana")
    me = await client.get("/v1/me", headers=account.headers)
    assert me.status == 200
    body = await me.json()
    assert body["email"] == account.email and body["roles"] == ["customer"] and body["name"] == "Ana"

    again = await login(client, account.email.upper())  # emails are case-insensitive
    assert again.id == account.id

    first = await client.post("/v1/auth/refresh", json={"refresh_token": account.refresh_token})
    assert first.status == 200
    newer = (await first.json())["refresh_token"]
    assert newer != account.refresh_token

    replay = await client.post("/v1/auth/refresh", json={"refresh_token": account.refresh_token})
    assert replay.status == 401
    assert (await replay.json())["code"] == "unauthorized"
    # Reuse of a spent token revoked its whole family: the newer one is dead too...
    killed = await client.post("/v1/auth/refresh", json={"refresh_token": newer})
    assert killed.status == 401
    # ...and so is the access token of that login, while the other login lives on.
    assert (await client.get("/v1/me", headers=account.headers)).status == 401
    assert (await client.get("/v1/me", headers=again.headers)).status == 200


async def test_register_validates_and_refuses_admin_roles(client):
    weak = await client.post("/v1/auth/register",
                             json={"email": unique_email(), "password": "short", "name": "x", "role": "customer"})
    assert weak.status == 422
    body = await weak.json()
    assert body["code"] == "validation_failed" and body["errors"][0]["field"] == "password"
    admin = await client.post("/v1/auth/register",
                              json={"email": unique_email(), "password": PASSWORD, "name": "x", "role": "admin"})
    assert admin.status == 422
    bad_email = await client.post("/v1/auth/register",
                                  json={"email": "not-an-email", "password": PASSWORD, "name": "x", "role": "customer"})
    assert bad_email.status == 422


async def test_duplicate_email_is_refused_without_creating_a_second_account(client):
    account = await register(client)
    again = await client.post("/v1/auth/register",
                              json={"email": account.email.title(), "password": PASSWORD, "name": "x",
                                    "role": "customer"})
    assert again.status == 409
    assert await User.filter(email=account.email).count() == 1


async def test_login_answers_the_same_for_unknown_email_and_wrong_password(client):
    account = await register(client)
    wrong = await client.post("/v1/auth/login", json={"email": account.email, "password": "wrong password!"})
    unknown = await client.post("/v1/auth/login", json={"email": unique_email(), "password": "wrong password!"})
    assert wrong.status == unknown.status == 401
    wrong_body, unknown_body = await wrong.json(), await unknown.json()
    assert wrong_body["code"] == unknown_body["code"] == "invalid_credentials"
    assert wrong_body["detail"] == unknown_body["detail"]


async def test_logout_ends_the_login_and_its_access_token(client):
    account = await register(client)
    response = await client.post("/v1/auth/logout", json={"refresh_token": account.refresh_token})
    assert response.status == 204
    assert (await client.get("/v1/me", headers=account.headers)).status == 401
    refresh = await client.post("/v1/auth/refresh", json={"refresh_token": account.refresh_token})
    assert refresh.status == 401


async def test_password_change_ends_other_logins_and_returns_a_working_pair(client):
    account = await register(client)
    other = await login(client, account.email)
    response = await client.post("/v1/auth/password", headers=account.headers,
                                 json={"current_password": PASSWORD, "new_password": "a brand new secret"})
    assert response.status == 200
    fresh = await response.json()
    assert (await client.get("/v1/me", headers=other.headers)).status == 401
    assert (await client.post("/v1/auth/refresh", json={"refresh_token": other.refresh_token})).status == 401
    assert (await client.get("/v1/me", headers={"Authorization": f"Bearer {fresh['access_token']}"})).status == 200
    await login(client, account.email, "a brand new secret")


async def test_profile_patch(client):
    account = await register(client)
    response = await client.patch("/v1/me", headers=account.headers, json={"name": "New Name", "region": "uk"})
    assert response.status == 200
    body = await response.json()
    assert body["name"] == "New Name" and body["region"] == "uk" and body["version"] == 2
    # `roles` is read-only (GET /v1/me shows it): sent back, it is ignored, never applied.
    escalation = await client.patch("/v1/me", headers=account.headers, json={"roles": ["admin"]})
    assert escalation.status == 200 and (await escalation.json())["roles"] == ["customer"]
    assert (await client.patch("/v1/me", headers=account.headers, json={"is_admin": True})).status == 422


def _forge(claims: dict, key: str, kid: str = "k1", alg: str = "HS256") -> str:
    return jwt.encode(claims, key, algorithm=alg, headers={"kid": kid})


@pytest.mark.parametrize("case", ["other_key", "alg_none", "expired", "tampered", "unknown_kid", "garbage"])
async def test_bad_access_tokens_are_refused(client, case):
    account = await register(client)
    good = account.access_token
    claims = jwt.decode(good, options={"verify_signature": False})
    key = dict(pair.split(":", 1) for pair in TEST_SIGNING_KEYS.split(","))["k1"]
    token = {
        "other_key": lambda: _forge(claims, "z" * 40),
        "alg_none": lambda: jwt.encode(claims, None, algorithm="none", headers={"kid": "k1"}),
        "expired": lambda: _forge({**claims, "exp": int(time.time()) - 5, "iat": int(time.time()) - 100}, key),
        "tampered": lambda: good.split(".")[0] + "." + jwt.utils.base64url_encode(
            jwt.utils.force_bytes('{"sub":"' + claims["sub"] + '","roles":["admin"]}')).decode() + "."
        + good.split(".")[2],
        "unknown_kid": lambda: _forge(claims, key, kid="nope"),
        "garbage": lambda: "not.a.jwt",
    }[case]()
    response = await client.get("/v1/me", headers={"Authorization": f"Bearer {token}"})
    assert response.status == 401
    assert (await response.json())["code"] == "unauthorized"


async def test_a_token_signed_by_a_previous_key_still_verifies(make_client):
    # Rotation: k0 used to sign; now k1 signs and k0 only verifies.
    old = await make_client(jwt_active_kid="k0")
    account = await register(old)
    new = await make_client(jwt_active_kid="k1")
    assert (await new.get("/v1/me", headers=account.headers)).status == 200


async def test_login_is_rate_limited_per_ip(make_client):
    client = await make_client(trust_forwarded_for=True, auth_rate_limit_per_minute=3)
    statuses = []
    for _ in range(4):
        response = await client.post("/v1/auth/login", json={"email": unique_email(), "password": "whatever!!"},
                                     headers={"X-Forwarded-For": "10.2.0.1"})
        statuses.append(response.status)
    assert statuses == [401, 401, 401, 429]


async def test_argon2id_hashes_and_rehashes_when_parameters_change(make_client):
    weak = await make_client(argon2_time_cost=1)
    account = await register(weak)
    stored = (await User.get(id=account.id)).password_hash
    assert stored.startswith("$argon2id$") and ",t=1," in stored
    stronger = await make_client(argon2_time_cost=2)
    await login(stronger, account.email)
    assert ",t=2," in (await User.get(id=account.id)).password_hash


async def test_suspended_user_cannot_log_in_or_refresh(client):
    from tests.support.identity import make_admin

    admin = await make_admin(client)
    account = await register(client)
    response = await client.put(f"/v1/admin/users/{account.id}/suspension", headers=admin.headers,
                                json={"suspended": True})
    assert response.status == 200
    assert (await client.get("/v1/me", headers=account.headers)).status == 401
    assert (await client.post("/v1/auth/refresh", json={"refresh_token": account.refresh_token})).status == 401
    denied = await client.post("/v1/auth/login", json={"email": account.email, "password": PASSWORD})
    assert denied.status == 403
