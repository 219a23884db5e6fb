"""Identity hardening (issue 11, low items): wrong current passwords end the session, emails
are NFKC-normalised, names lose bidi controls, the development signing key serves only a
developer's own machine."""

from __future__ import annotations

import pytest

from app.settings import DEV_SIGNING_KEYS, SettingsError, load_settings
from domain.accounts.models import User
from domain.audit.models import AuditRecord
from tests.support.identity import PASSWORD, login, register, unique_email

WRONG = "not my password at all"


async def test_wrong_current_passwords_end_the_session_after_n(make_client):
    client = await make_client(password_guesses_per_session=3)
    account = await register(client)
    other = await login(client, account.email)  # another login of the same user lives on
    change = {"current_password": WRONG, "new_password": "a brand new secret"}
    statuses = []
    for _ in range(3):
        response = await client.post("/v1/auth/password", headers=account.headers, json=change)
        statuses.append((response.status, (await response.json())["code"]))
    assert statuses == [(401, "invalid_credentials")] * 2 + [(401, "unauthorized")]
    # That session is over: its access token and its refresh token stop working...
    assert (await client.get("/v1/me", headers=account.headers)).status == 401
    assert (await client.post("/v1/auth/refresh", json={"refresh_token": account.refresh_token})).status == 401
    # ...the password did not change, and the user's other login is untouched.
    assert (await client.get("/v1/me", headers=other.headers)).status == 200
    await login(client, account.email, PASSWORD)
    assert await AuditRecord.filter(subject_id=account.id, action="session.end_password_guesses").count() == 1


async def test_password_change_attempts_are_throttled_per_user(make_client):
    client = await make_client(password_guesses_per_session=100)
    account = await register(client)
    change = {"current_password": WRONG, "new_password": "a brand new secret"}
    statuses = [(await client.post("/v1/auth/password", headers=account.headers, json=change)).status
                for _ in range(11)]
    assert statuses == [401] * 10 + [429]


async def test_fullwidth_emails_fold_into_the_plain_address(client):
    account = await register(client)
    local, domain = account.email.split("@")
    fullwidth = "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in local) + "@" + domain
    assert fullwidth != account.email
    again = await client.post("/v1/auth/register",
                              json={"email": fullwidth, "password": PASSWORD, "name": "x", "role": "customer"})
    assert again.status == 409  # not a second account that differs only by width
    assert await User.filter(email__icontains=domain).count() == 1
    assert (await login(client, fullwidth)).id == account.id


async def test_bidi_controls_are_stripped_from_names(client):
    response = await client.post("/v1/auth/register", json={
        "email": unique_email("bidi"), "password": PASSWORD,
        "name": "Ana\u202egnp.exe\u202c\u200f", "role": "customer"})
    assert response.status == 201, await response.text()
    body = await response.json()
    assert body["user"]["name"] == "Anagnp.exe"
    headers = {"Authorization": f"Bearer {body['access_token']}"}
    patched = await client.patch("/v1/me", headers=headers, json={"name": "\u2067Bob\u2069"})
    assert (await patched.json())["name"] == "Bob"
    only_controls = await client.patch("/v1/me", headers=headers, json={"name": "\u202e\u202c"})
    assert only_controls.status == 422


@pytest.mark.parametrize(("host", "database_url", "refused"), [
    ("127.0.0.1", "sqlite://.fieldsync/demo.sqlite3", False),
    ("localhost", "sqlite://x.sqlite3", False),
    ("::1", "sqlite://x.sqlite3", False),
    ("0.0.0.0", "sqlite://x.sqlite3", True),
    ("192.168.1.20", "sqlite://x.sqlite3", True),
    ("127.0.0.1", "postgres://u:p@127.0.0.1:5432/db", True),
])
@pytest.mark.parametrize("app_env", ["development", "test"])
def test_the_development_key_serves_only_loopback_and_sqlite(monkeypatch, tmp_path, host, database_url, refused,
                                                           app_env) -> None:
    monkeypatch.chdir(tmp_path)  # no .env
    for name in ("JWT_SIGNING_KEYS", "JWT_ACTIVE_KID", "HOST", "DATABASE_URL", "APP_ENV"):
        monkeypatch.delenv(name, raising=False)
    values = {"host": host, "database_url": database_url, "app_env": app_env}
    if refused:
        with pytest.raises(SettingsError, match="JWT_SIGNING_KEYS"):
            load_settings(**values)
        # A key of one's own (as the test suite uses on PostgreSQL) is fine anywhere.
        load_settings(**values, jwt_signing_keys="k1:" + "a" * 40, jwt_active_kid="k1")
    else:
        assert load_settings(**values).jwt_signing_keys.get_secret_value() == DEV_SIGNING_KEYS


def test_serve_refuses_a_public_host_with_the_development_key(monkeypatch, tmp_path, capsys) -> None:
    from app import bootstrap
    from app.cli import main

    monkeypatch.chdir(tmp_path)
    for name in ("JWT_SIGNING_KEYS", "JWT_ACTIVE_KID", "HOST", "DATABASE_URL", "APP_ENV"):
        monkeypatch.delenv(name, raising=False)
    served: list[object] = []
    monkeypatch.setattr(bootstrap, "run", served.append)  # were it accepted, never really serve
    assert main(["serve", "--host", "0.0.0.0"]) == 2
    assert served == [] and "JWT_SIGNING_KEYS" in capsys.readouterr().err
