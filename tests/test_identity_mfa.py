"""Identity (issue 18, acceptance 7): TOTP second factors, admins held to them, step-up for payout
details, one's sessions with revoke, and the web cookie mode with its CSRF guard. Real
PostgreSQL and Redis, everything through the API."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import jwt
import pyotp
from aiohttp.test_utils import TestClient

from app.seed import DEMO_PASSWORD, demo_email, populate
from domain.accounts.models import MfaRecoveryCode, MfaTotp, RefreshToken, User
from domain.accounts.passwords import Argon2Params, Passwords
from domain.shared.clock import utcnow
from tests.conftest import AppFactory
from tests.support.identity import (
    PASSWORD,
    TOTP_SECRETS,
    Account,
    enrol_totp,
    login,
    register,
    totp_code,
)


async def _problem(response: Any) -> dict[str, Any]:
    body: dict[str, Any] = await response.json()
    assert response.content_type == "application/problem+json", body
    return body


async def _challenge(client: TestClient, email: str) -> str:
    response = await client.post("/v1/auth/login", json={"email": email, "password": PASSWORD})
    body = await _problem(response)
    assert response.status == 403 and body["code"] == "mfa_required", body
    assert body["details"]["methods"] == ["totp", "recovery_code"] and body["details"]["expires_in"] == 300
    assert "access_token" not in body
    return str(body["details"]["challenge_token"])


def _claims(token: str) -> dict[str, Any]:
    return dict(jwt.decode(token, options={"verify_signature": False}))


async def _bare_admin(client: TestClient) -> Account:
    """An admin who never enrolled: promoted, logged in with the password only."""
    account = await register(client, "customer")
    await User.filter(id=account.id).update(roles=["admin"])
    return await login(client, account.email)


async def test_enrol_then_log_in_in_two_steps_with_codes_that_work_once(client: TestClient) -> None:
    account = await register(client, "customer")
    begun = await client.post("/v1/me/mfa/totp", headers=account.headers)
    assert begun.status == 201
    enrolment = await begun.json()
    secret = enrolment["secret"]
    assert enrolment["otpauth_uri"].startswith("otpauth://totp/Fieldsync:") and f"secret={secret}" in \
        enrolment["otpauth_uri"]
    # The secret is stored sealed, never as given.
    stored = await MfaTotp.get(user_id=account.id)
    assert secret not in stored.secret_sealed and stored.confirmed_at is None
    # Not on until a first code proves the app has it: a password login still gets tokens.
    assert (await client.post("/v1/auth/login", json={"email": account.email, "password": PASSWORD})).status == 200
    wrong = await client.post("/v1/me/mfa/totp/confirm", headers=account.headers, json={"code": "000000"})
    assert wrong.status == 401 and (await wrong.json())["code"] == "invalid_credentials"
    confirmed = await client.post("/v1/me/mfa/totp/confirm", headers=account.headers,
                                  json={"code": await totp_code(account.id, secret)})
    assert confirmed.status == 200
    body = await confirmed.json()
    recovery = body["recovery_codes"]
    assert len(recovery) == 10 and len(set(recovery)) == 10
    assert _claims(body["access_token"])["amr"] == ["pwd", "otp"]
    # Only hashes of the recovery codes are kept.
    hashes = {row.code_hash for row in await MfaRecoveryCode.filter(user_id=account.id)}
    assert len(hashes) == 10 and not hashes & set(recovery)
    status = await (await client.get("/v1/me/mfa", headers=account.headers)).json()
    assert status["enrolled"] is True and status["recovery_codes_left"] == 10
    again = await client.post("/v1/me/mfa/totp", headers=account.headers)
    assert again.status == 409 and (await again.json())["details"]["reason"] == "duplicate"

    # Login: the password gives a challenge, not tokens; the challenge and a code give the pair.
    challenge = await _challenge(client, account.email)
    refused = await client.post("/v1/auth/mfa", json={"challenge_token": challenge, "code": "123456"})
    assert refused.status == 401 and (await refused.json())["code"] == "invalid_credentials"
    totp = pyotp.TOTP(secret)
    old = totp.at(utcnow() - timedelta(minutes=3))  # a code from three minutes ago
    stale = await client.post("/v1/auth/mfa", json={"challenge_token": challenge, "code": old})
    assert stale.status == 401 or old == totp.now()
    code = await totp_code(account.id, secret)
    done = await client.post("/v1/auth/mfa", json={"challenge_token": challenge, "code": code})
    assert done.status == 200
    pair = await done.json()
    claims = _claims(pair["access_token"])
    assert claims["amr"] == ["pwd", "otp"] and claims["mfa_enrolled"] is True
    assert abs(claims["mfa_at"] - utcnow().timestamp()) < 60
    # The same code again (same time step) is refused: a code is good once.
    replay = await client.post("/v1/auth/mfa", json={"challenge_token": challenge, "code": code})
    assert replay.status == 401
    # A refresh keeps the factor's time in the new access token.
    refreshed = await client.post("/v1/auth/refresh", json={"refresh_token": pair["refresh_token"]})
    assert _claims((await refreshed.json())["access_token"])["mfa_at"] == claims["mfa_at"]
    # A garbage challenge is a 401, never a 5xx.
    bogus = await client.post("/v1/auth/mfa", json={"challenge_token": "x.y.z", "code": code})
    assert bogus.status == 401

    # A recovery code logs in once.
    first = await client.post("/v1/auth/mfa", json={"challenge_token": await _challenge(client, account.email),
                                                    "code": recovery[0].upper()})
    assert first.status == 200
    second = await client.post("/v1/auth/mfa", json={"challenge_token": await _challenge(client, account.email),
                                                     "code": recovery[0]})
    assert second.status == 401
    status = await (await client.get("/v1/me/mfa", headers=account.headers)).json()
    assert status["recovery_codes_left"] == 9

    # Disabling needs a code; afterwards the password alone logs in again.
    assert (await client.post("/v1/me/mfa/disable", headers=account.headers, json={"code": "999999"})).status == 401
    off = await client.post("/v1/me/mfa/disable", headers=account.headers, json={"code": recovery[1]})
    assert off.status == 204
    assert (await client.get("/v1/me", headers=account.headers)).status == 401  # its tokens ended
    plain = await client.post("/v1/auth/login", json={"email": account.email, "password": PASSWORD})
    assert plain.status == 200 and _claims((await plain.json())["access_token"])["amr"] == ["pwd"]


async def test_wrong_codes_are_limited_per_account(make_client: AppFactory) -> None:
    client = await make_client(mfa_attempts_per_window=3)
    account = await register(client, "customer")
    await enrol_totp(client, account)
    challenge = await _challenge(client, account.email)
    statuses = [(await client.post("/v1/auth/mfa", json={"challenge_token": challenge, "code": "000000"})).status
                for _ in range(4)]
    assert statuses == [401, 401, 401, 429]


async def test_an_admin_without_a_second_factor_is_refused_admin_powers(client: TestClient) -> None:
    admin = await _bare_admin(client)
    refused = await client.get("/v1/admin/audit", headers=admin.headers)
    assert refused.status == 403
    body = await _problem(refused)
    assert body["code"] == "mfa_enrolment_required" and "enrol" in body["detail"]
    customer = await register(client, "customer")
    grant = await client.post(f"/v1/admin/users/{customer.id}/roles", headers=admin.headers, json={"role": "provider"})
    assert grant.status == 403 and (await grant.json())["code"] == "mfa_enrolment_required"
    # Delta sync grants admins every dispute: no pull as an admin without the factor either.
    pull = await client.post("/v1/sync/pull", headers=admin.headers, json={})
    assert pull.status == 403 and (await pull.json())["code"] == "mfa_enrolment_required"
    # What every account may do stays open, so the admin can enrol.
    assert (await client.get("/v1/me", headers=admin.headers)).status == 200
    await enrol_totp(client, admin)
    assert (await client.get("/v1/admin/audit", headers=admin.headers)).status == 200
    assert (await client.post("/v1/sync/pull", headers=admin.headers, json={})).status == 200


async def test_an_enrolled_admin_whose_token_lacks_the_factor_gets_mfa_required(client: TestClient) -> None:
    admin = await _bare_admin(client)
    other_login = await login(client, admin.email)  # a second device, before enrolment
    await enrol_totp(client, admin)
    # That device's next access token says "enrolled" but carries no factor.
    refreshed = await client.post("/v1/auth/refresh", json={"refresh_token": other_login.refresh_token})
    token = (await refreshed.json())["access_token"]
    assert _claims(token)["mfa_enrolled"] is True and "mfa_at" not in _claims(token)
    headers = {"Authorization": f"Bearer {token}"}
    refused = await client.get("/v1/admin/audit", headers=headers)
    assert refused.status == 403 and (await _problem(refused))["code"] == "mfa_required"
    # Admin-only socket-shaped reads go through the same rule (domain authorize): reading
    # another user is an admin power.
    user = await register(client, "customer")
    assert (await client.get(f"/v1/users/{user.id}", headers=headers)).status == 403
    stepped = await client.post("/v1/auth/step-up", headers=headers,
                                json={"code": await totp_code(admin.id, TOTP_SECRETS[admin.email])})
    assert stepped.status == 200
    fresh = {"Authorization": f"Bearer {(await stepped.json())['access_token']}"}
    assert (await client.get("/v1/admin/audit", headers=fresh)).status == 200
    # The login keeps the factor: its next refresh carries it.
    again = await client.post("/v1/auth/refresh", json={"refresh_token": (await refreshed.json())["refresh_token"]})
    assert "mfa_at" in _claims((await again.json())["access_token"])


async def test_payout_details_need_a_recent_second_factor(client: TestClient) -> None:
    put = "/v1/payees/me/payout-preferences"
    plain = await register(client, "serviceman")
    # Without a second factor enrolled, nothing more is asked.
    assert (await client.put(put, headers=plain.headers, json={"schedule": "manual"})).status == 200

    serviceman = await register(client, "serviceman")
    secret = await enrol_totp(client, serviceman)
    assert (await client.put(put, headers=serviceman.headers, json={"schedule": "weekly"})).status == 200
    # Twenty minutes later (the login's factor is old), a refreshed token no longer suffices.
    await RefreshToken.filter(user_id=serviceman.id).update(mfa_at=utcnow() - timedelta(minutes=20))
    refreshed = await client.post("/v1/auth/refresh", json={"refresh_token": serviceman.refresh_token})
    headers = {"Authorization": f"Bearer {(await refreshed.json())['access_token']}"}
    refused = await client.put(put, headers=headers, json={"schedule": "daily"})
    assert refused.status == 403
    body = await _problem(refused)
    assert body["code"] == "mfa_step_up_required" and body["details"]["window_seconds"] == 600
    onboarding = await client.post("/v1/payees/me/onboarding", headers=headers,
                                   json={"refresh_url": "https://app.example/r", "return_url": "https://app.example/b"})
    assert onboarding.status == 403 and (await onboarding.json())["code"] == "mfa_step_up_required"
    # Reading is not a change.
    assert (await client.get("/v1/payees/me/payout-preferences", headers=headers)).status == 200
    stepped = await client.post("/v1/auth/step-up", headers=headers,
                                json={"code": await totp_code(serviceman.id, secret)})
    assert stepped.status == 200
    fresh = {"Authorization": f"Bearer {(await stepped.json())['access_token']}"}
    changed = await client.put(put, headers=fresh, json={"schedule": "daily"})
    assert changed.status == 200 and (await changed.json())["schedule"] == "daily"


async def test_sessions_are_listed_and_one_can_be_ended(client: TestClient) -> None:
    phone = await register(client, "customer")
    laptop = await login(client, phone.email)
    listed = await client.get("/v1/me/sessions", headers=laptop.headers)
    assert listed.status == 200
    items = (await listed.json())["items"]
    assert len(items) == 2
    current = [item for item in items if item["current"]]
    assert len(current) == 1 and current[0]["id"] == _claims(laptop.access_token)["sid"]
    assert all(item["ip"] == "127.0.0.0/24" for item in items)  # truncated, never the address
    assert all(item["user_agent"] and item["created_at"] and item["last_used_at"] for item in items)
    phone_session = _claims(phone.access_token)["sid"]

    # Another user cannot end it, nor learn it exists.
    stranger = await register(client, "customer")
    assert (await client.delete(f"/v1/me/sessions/{phone_session}", headers=stranger.headers)).status == 404
    assert (await client.delete("/v1/me/sessions/not-a-uuid", headers=laptop.headers)).status == 404

    ended = await client.delete(f"/v1/me/sessions/{phone_session}", headers=laptop.headers)
    assert ended.status == 204
    # The phone's access token stops at once, and its refresh token too; the laptop lives on.
    assert (await client.get("/v1/me", headers=phone.headers)).status == 401
    assert (await client.post("/v1/auth/refresh", json={"refresh_token": phone.refresh_token})).status == 401
    assert (await client.get("/v1/me", headers=laptop.headers)).status == 200
    left = (await (await client.get("/v1/me/sessions", headers=laptop.headers)).json())["items"]
    assert [item["id"] for item in left] == [current[0]["id"]]


WEB_APP = "https://app.example"


async def _web_login(client: TestClient, email: str) -> dict[str, Any]:
    response = await client.post("/v1/auth/web/login", json={"email": email, "password": PASSWORD},
                                 headers={"Origin": WEB_APP})
    assert response.status == 200, await response.text()
    body: dict[str, Any] = await response.json()
    body["_cookies"] = response.cookies
    return body


async def test_web_cookie_mode_rotates_the_refresh_cookie_behind_a_csrf_guard(make_client: AppFactory) -> None:
    client = await make_client(web_origins=[WEB_APP], cors_origins=[WEB_APP])
    account = await register(client, "customer")
    session = await _web_login(client, account.email)
    assert "refresh_token" not in session and session["csrf_token"]
    cookie = session["_cookies"]["fs_refresh"]
    assert cookie["httponly"] and cookie["samesite"] == "Strict" and cookie["path"] == "/v1/auth/web"
    assert not cookie["secure"]  # a loopback host outside production (http://127.0.0.1 in development)
    csrf_cookie = session["_cookies"]["fs_csrf"]
    assert csrf_cookie.value == session["csrf_token"] and not csrf_cookie["httponly"]
    # The access token is an ordinary bearer token.
    me = await client.get("/v1/me", headers={"Authorization": f"Bearer {session['access_token']}"})
    assert me.status == 200

    # What the browser holds, sent as it sends it (the test's cookie jar is left out of it).
    client.session.cookie_jar.clear()
    jar = {"Cookie": f"fs_refresh={cookie.value}; fs_csrf={session['csrf_token']}"}
    # The cookies alone (what a forged cross-site form would send) are refused...
    no_header = await client.post("/v1/auth/web/refresh", headers=jar)
    assert no_header.status == 403 and (await _problem(no_header))["code"] == "csrf_failed"
    # ...so is a cross-site Origin, even with the token...
    csrf = {**jar, "X-CSRF-Token": session["csrf_token"]}
    cross = await client.post("/v1/auth/web/refresh", headers={**csrf, "Origin": "https://evil.example"})
    assert cross.status == 403 and (await cross.json())["code"] == "csrf_failed"
    fetch_cross = await client.post("/v1/auth/web/refresh", headers={**csrf, "Sec-Fetch-Site": "cross-site"})
    assert fetch_cross.status == 403
    # ...and the token of another login (double-submitted, but not minted for this session).
    other = await _web_login(client, (await register(client, "customer")).email)
    client.session.cookie_jar.clear()
    planted = await client.post("/v1/auth/web/refresh", headers={
        "Cookie": f"fs_refresh={cookie.value}; fs_csrf={other['csrf_token']}", "X-CSRF-Token": other["csrf_token"]})
    assert planted.status == 403 and (await planted.json())["code"] == "csrf_failed"
    # Nothing of that spent the cookie: with the header, from the app's origin, it rotates.
    rotated = await client.post("/v1/auth/web/refresh", headers={**csrf, "Origin": WEB_APP})
    assert rotated.status == 200, await rotated.text()
    assert rotated.headers.get("Access-Control-Allow-Credentials") == "true"
    new_cookie = rotated.cookies["fs_refresh"].value
    new_csrf = (await rotated.json())["csrf_token"]
    assert new_cookie != cookie.value and rotated.cookies["fs_csrf"].value == new_csrf
    client.session.cookie_jar.clear()
    again = await client.post("/v1/auth/web/refresh", headers={
        "Cookie": f"fs_refresh={new_cookie}; fs_csrf={new_csrf}", "X-CSRF-Token": new_csrf})
    assert again.status == 200
    # The first refresh token is spent: replaying it kills the login (as for bearer clients).
    client.session.cookie_jar.clear()
    replay = await client.post("/v1/auth/refresh", json={"refresh_token": cookie.value})
    assert replay.status == 401

    # Bearer clients are unaffected: no cookie, no CSRF token needed, any Origin.
    bearer = await register(client, "customer")
    plain = await client.post("/v1/auth/refresh", json={"refresh_token": bearer.refresh_token},
                              headers={"Origin": "https://evil.example"})
    assert plain.status == 200


async def test_web_logout_clears_the_cookies_and_secure_cookies_off_loopback(make_client: AppFactory) -> None:
    client = await make_client(web_origins=[WEB_APP], web_cookie_secure=True)
    account = await register(client, "customer")
    response = await client.post("/v1/auth/web/login", json={"email": account.email, "password": PASSWORD})
    assert response.status == 200
    assert response.cookies["fs_refresh"]["secure"] and response.cookies["fs_csrf"]["secure"]
    csrf = (await response.json())["csrf_token"]
    refresh = response.cookies["fs_refresh"].value
    cookies = {"Cookie": f"fs_refresh={refresh}; fs_csrf={csrf}"}
    refused = await client.post("/v1/auth/web/logout", headers=cookies)
    assert refused.status == 403 and (await refused.json())["code"] == "csrf_failed"
    out = await client.post("/v1/auth/web/logout", headers={**cookies, "X-CSRF-Token": csrf})
    assert out.status == 204
    assert out.cookies["fs_refresh"].value == "" and out.cookies["fs_csrf"].value == ""
    assert (await client.post("/v1/auth/refresh", json={"refresh_token": refresh})).status == 401


async def test_web_login_with_a_second_factor(make_client: AppFactory) -> None:
    client = await make_client(web_origins=[WEB_APP])
    account = await register(client, "customer")
    secret = await enrol_totp(client, account)
    first = await client.post("/v1/auth/web/login", json={"email": account.email, "password": PASSWORD},
                              headers={"Origin": WEB_APP})
    assert first.status == 403 and "fs_refresh" not in first.cookies
    challenge = (await first.json())["details"]["challenge_token"]
    cross = await client.post("/v1/auth/web/mfa", json={"challenge_token": challenge, "code": "000000"},
                              headers={"Origin": "https://evil.example"})
    assert cross.status == 403 and (await cross.json())["code"] == "csrf_failed"
    done = await client.post("/v1/auth/web/mfa", headers={"Origin": WEB_APP}, json={
        "challenge_token": challenge, "code": await totp_code(account.id, secret)})
    assert done.status == 200 and "fs_refresh" in done.cookies
    assert _claims((await done.json())["access_token"])["amr"] == ["pwd", "otp"]


async def test_the_demo_admin_is_enrolled_with_the_documented_secret(make_client: AppFactory) -> None:
    client = await make_client()
    await populate(Passwords(Argon2Params(1, 8192, 1)))
    admin = await login(client, demo_email("admin"), DEMO_PASSWORD)  # two steps, with the documented secret
    assert _claims(admin.access_token)["amr"] == ["pwd", "otp"]
    assert (await client.get("/v1/admin/audit", headers=admin.headers)).status == 200
