"""Secrets mounted as files (SECRETS_DIR, e.g. Docker's /run/secrets): one file per setting,
named like it; the environment wins over a file; a SECRETS_DIR that is no folder is refused."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from app.settings import Settings, SettingsError, load_settings

pytestmark = pytest.mark.unit

FIELDS = {name.upper() for name in Settings.model_fields}
FILE_KEYS = "k7:" + "f" * 48


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> pytest.MonkeyPatch:
    for name in list(os.environ):
        if name.upper() in FIELDS or name.upper() == "SECRETS_DIR":
            monkeypatch.delenv(name)
    monkeypatch.chdir(tmp_path)  # no .env of the developer's
    return monkeypatch


@pytest.fixture
def secrets(tmp_path: Path, env: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "run-secrets"
    folder.mkdir()
    (folder / "jwt_signing_keys").write_text(FILE_KEYS + "\n")  # mounted files often end in a newline
    (folder / "JWT_ACTIVE_KID").write_text("k7")
    (folder / "stripe_webhook_secret").write_text("whsec_from_a_file")
    env.setenv("SECRETS_DIR", str(folder))
    return folder


def test_settings_are_read_from_files_in_secrets_dir(secrets: Path) -> None:
    settings = load_settings()
    assert settings.signing_keys == {"k7": "f" * 48}
    assert settings.jwt_active_kid == "k7"
    assert settings.stripe_webhook_secret is not None
    assert settings.stripe_webhook_secret.get_secret_value() == "whsec_from_a_file"


def test_the_environment_wins_over_a_secret_file(secrets: Path, env: pytest.MonkeyPatch) -> None:
    env.setenv("JWT_SIGNING_KEYS", "k8:" + "e" * 48)
    env.setenv("JWT_ACTIVE_KID", "k8")
    assert load_settings().signing_keys == {"k8": "e" * 48}


def test_a_bad_value_in_a_secret_file_names_the_setting(secrets: Path) -> None:
    (secrets / "jwt_signing_keys").write_text("k7:short")
    with pytest.raises(SettingsError, match="JWT_SIGNING_KEYS"):
        load_settings()


def test_without_secrets_dir_no_file_is_read(secrets: Path, env: pytest.MonkeyPatch) -> None:
    env.delenv("SECRETS_DIR")
    assert load_settings().jwt_active_kid == "dev"


def test_a_secrets_dir_that_is_not_a_folder_is_refused(env: pytest.MonkeyPatch, tmp_path: Path) -> None:
    env.setenv("SECRETS_DIR", str(tmp_path / "nowhere"))
    with pytest.raises(SettingsError, match="SECRETS_DIR"):
        load_settings()
