"""Settings fail fast with readable messages, production refuses unsafe defaults, and
`.env.example` documents exactly the settings that exist."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from app.settings import DEV_SIGNING_KEYS, Settings, SettingsError, load_settings

ROOT = Path(__file__).resolve().parent.parent
ENV_EXAMPLE = ROOT / ".env.example"
FIELDS = {name.upper() for name in Settings.model_fields}

STRONG_KEYS = "k2:" + "s" * 48 + ",k1:" + "t" * 48
PRODUCTION = {
    "APP_ENV": "production",
    "DATABASE_URL": "postgres://fieldsync:pw@db.internal:5432/fieldsync?sslmode=verify-full",
    "REDIS_URL": "redis://redis.internal:6379/0",
    "KAFKA_BOOTSTRAP": "kafka.internal:9092",
    "JWT_SIGNING_KEYS": STRONG_KEYS,
    "JWT_ACTIVE_KID": "k2",
    "CORS_ORIGINS": "https://app.fieldsync.example",
    "PUSH_SENDER": "fcm",
    "FCM_CREDENTIALS_FILE": "/run/secrets/fcm-service-account.json",
    "PAYMENT_GATEWAY": "stripe",
    "STRIPE_SECRET_KEY": "sk_live_example",
    "STRIPE_WEBHOOK_SECRET": "whsec_example",
    "MEDIA_STORAGE": "s3",
    "MEDIA_S3_BUCKET": "fieldsync-media",
    "DATA_ENCRYPTION_KEYS": "k1:a2V5LW9uZS0wMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDA=",
    "DATA_ENCRYPTION_ACTIVE_KID": "k1",
    "PII_HASH_KEY": "p" * 48,
    "EMAIL_SENDER": "smtp",
    "SMTP_URL": "smtps://fieldsync:pw@mail.internal",
}


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> pytest.MonkeyPatch:
    """No setting from the outer environment and no `.env` (load_settings reads one in the CWD)."""
    for name in list(os.environ):
        if name.upper() in FIELDS:
            monkeypatch.delenv(name)
    monkeypatch.chdir(tmp_path)
    return monkeypatch


def production(env: pytest.MonkeyPatch, **changes: str | None) -> None:
    """Set a proper production environment, with `changes` applied (None unsets)."""
    for name, value in {**PRODUCTION, **changes}.items():
        if value is None:
            env.delenv(name, raising=False)
        else:
            env.setenv(name, value)


def refusal() -> str:
    with pytest.raises(SettingsError) as caught:
        load_settings()
    return str(caught.value)


def test_defaults_run_in_development(env: pytest.MonkeyPatch) -> None:
    settings = load_settings()
    assert settings.app_env == "development"
    assert settings.database_url.startswith("sqlite://")
    assert settings.host == "127.0.0.1"
    assert settings.port == 8080


def test_proper_production_config_is_accepted(env: pytest.MonkeyPatch) -> None:
    production(env)
    settings = load_settings()
    assert settings.is_production and settings.is_postgres
    assert settings.signing_keys["k2"] == "s" * 48
    assert settings.cors_origins == ["https://app.fieldsync.example"]


@pytest.mark.parametrize(
    ("changes", "named"),
    [
        pytest.param({"JWT_SIGNING_KEYS": None, "JWT_ACTIVE_KID": None}, "JWT_SIGNING_KEYS", id="missing-key"),
        pytest.param({"JWT_SIGNING_KEYS": DEV_SIGNING_KEYS, "JWT_ACTIVE_KID": "dev"}, "JWT_SIGNING_KEYS",
                     id="dev-key"),
        pytest.param({"JWT_SIGNING_KEYS": None}, "JWT_SIGNING_KEYS", id="missing-key-with-kid"),
        pytest.param({"JWT_SIGNING_KEYS": ""}, "JWT_SIGNING_KEYS", id="empty-key"),
        pytest.param({"JWT_SIGNING_KEYS": "k2:short"}, "JWT_SIGNING_KEYS", id="short-key"),
        pytest.param({"JWT_SIGNING_KEYS": "k2:" + "insecure" * 5}, "JWT_SIGNING_KEYS", id="insecure-key"),
        pytest.param({"DATABASE_URL": None}, "DATABASE_URL", id="default-sqlite"),
        pytest.param({"DATABASE_URL": "sqlite:///var/lib/fieldsync.db"}, "DATABASE_URL", id="sqlite"),
        pytest.param({"CORS_ORIGINS": "*"}, "CORS_ORIGINS", id="wildcard-cors"),
        pytest.param({"CORS_ORIGINS": "https://app.fieldsync.example, *"}, "CORS_ORIGINS", id="wildcard-in-list"),
        pytest.param({"DEMO_SEED_ON_START": "true"}, "DEMO_SEED_ON_START", id="demo-seed"),
        pytest.param({"PUSH_SENDER": "log"}, "PUSH_SENDER", id="push-to-log"),
        pytest.param({"FCM_CREDENTIALS_FILE": None}, "FCM_CREDENTIALS", id="push-without-fcm-key"),
        pytest.param({"FCM_CREDENTIALS_FILE": None, "FCM_CREDENTIALS_JSON": '{"type": "user"}'},
                     "FCM_CREDENTIALS_JSON", id="fcm-key-not-a-service-account"),
    ],
)
def test_production_refuses_unsafe_settings(env: pytest.MonkeyPatch, changes: dict[str, str | None],
                                            named: str) -> None:
    production(env, **changes)
    message = refusal()
    assert named in message
    assert message.startswith("invalid settings:")


def test_production_without_push_needs_no_fcm_key(env: pytest.MonkeyPatch) -> None:
    production(env, PUSH_ENABLED="false", PUSH_SENDER=None, FCM_CREDENTIALS_FILE=None)
    assert not load_settings().push_enabled


def test_production_lists_every_problem_at_once(env: pytest.MonkeyPatch) -> None:
    production(env, JWT_SIGNING_KEYS=None, JWT_ACTIVE_KID=None, DATABASE_URL=None, CORS_ORIGINS="*")
    message = refusal()
    for name in ("JWT_SIGNING_KEYS", "DATABASE_URL", "CORS_ORIGINS"):
        assert name in message


def test_unsafe_values_are_fine_outside_production(env: pytest.MonkeyPatch) -> None:
    env.setenv("CORS_ORIGINS", "*")
    settings = load_settings(app_env="test")
    assert settings.cors_origins == ["*"]
    assert settings.jwt_signing_keys.get_secret_value() == DEV_SIGNING_KEYS


def test_cors_origins_are_comma_separated(env: pytest.MonkeyPatch) -> None:
    env.setenv("CORS_ORIGINS", " https://a.example ,https://b.example:8443,, ")
    assert load_settings().cors_origins == ["https://a.example", "https://b.example:8443"]
    env.setenv("CORS_ORIGINS", "")
    assert load_settings().cors_origins == []


@pytest.mark.parametrize(
    ("name", "value"),
    [("PORT", "0"), ("PORT", "70000"), ("PORT", "eighty"), ("APP_ENV", "staging"), ("LOG_LEVEL", "LOUD"),
     ("DATABASE_URL", "mysql://db/x"), ("ACCESS_TOKEN_TTL_SECONDS", "5")],
)
def test_invalid_values_name_the_setting(env: pytest.MonkeyPatch, name: str, value: str) -> None:
    env.setenv(name, value)
    message = refusal()
    assert f"{name}:" in message
    assert "Traceback" not in message


def test_several_invalid_values_are_reported_together(env: pytest.MonkeyPatch) -> None:
    env.setenv("PORT", "0")
    env.setenv("APP_ENV", "staging")
    message = refusal()
    assert "PORT:" in message and "APP_ENV:" in message


def test_active_kid_must_be_one_of_the_keys(env: pytest.MonkeyPatch) -> None:
    env.setenv("JWT_SIGNING_KEYS", STRONG_KEYS)
    env.setenv("JWT_ACTIVE_KID", "k9")
    assert "JWT_ACTIVE_KID" in refusal()


def test_dotenv_is_read_and_environment_wins(env: pytest.MonkeyPatch, tmp_path: Path) -> None:
    (tmp_path / ".env").write_text("PORT=9001\nLOG_LEVEL=DEBUG\n")
    env.setenv("PORT", "9002")
    settings = load_settings()
    assert settings.port == 9002
    assert settings.log_level == "DEBUG"


def test_settings_are_frozen(env: pytest.MonkeyPatch) -> None:
    settings = load_settings()
    with pytest.raises(Exception, match="frozen"):
        settings.port = 1  # type: ignore[misc]


# --- the CLI refuses too, before doing anything -------------------------------------------

def run_cli(tmp_path: Path, *args: str, **environ: str) -> subprocess.CompletedProcess[str]:
    """Run the installed `fieldsync` entry point with nothing but `environ` (no `.env`)."""
    script = Path(sys.executable).parent / "fieldsync"
    command = [str(script)] if script.exists() else [sys.executable, "-m", "app.cli"]
    clean = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(tmp_path), **environ}
    return subprocess.run([*command, *args], cwd=tmp_path, env=clean, capture_output=True, text=True,
                          timeout=60, check=False)


def test_serve_refuses_to_start_in_production_with_the_default_secret(tmp_path: Path) -> None:
    environ = {k: v for k, v in PRODUCTION.items() if k not in ("JWT_SIGNING_KEYS", "JWT_ACTIVE_KID")}
    result = run_cli(tmp_path, "serve", "--port", "1", **environ)
    assert result.returncode != 0
    assert "JWT_SIGNING_KEYS" in result.stderr
    assert "Traceback" not in result.stderr


def test_serve_refuses_to_start_with_an_unreadable_fcm_key(tmp_path: Path) -> None:
    result = run_cli(tmp_path, "serve", "--port", "1", PUSH_SENDER="fcm",
                     FCM_CREDENTIALS_FILE=str(tmp_path / "missing.json"))
    assert result.returncode == 2
    assert "FCM_CREDENTIALS_FILE" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("name", "value"),
    [("REDIS_URL", "redis//redis.internal:6379"), ("REDIS_URL", "http://redis.internal:6379/0"),
     ("REDIS_URL", "redis://redis.internal:port/0"), ("REDIS_URL", "redis://redis.internal:6379/cache"),
     ("REDIS_URL", "redis://:6379/0"), ("KAFKA_BOOTSTRAP", "kafka.internal"),
     ("KAFKA_BOOTSTRAP", "kafka://kafka.internal:9092"), ("KAFKA_BOOTSTRAP", "kafka-1:9092,kafka-2:99999")],
)
def test_a_bad_redis_url_or_kafka_bootstrap_is_one_readable_line(tmp_path: Path, name: str, value: str) -> None:
    result = run_cli(tmp_path, "serve", "--port", "1", **{name: value})
    assert result.returncode == 2
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert lines[0] == "fieldsync: invalid settings:" and len(lines) == 2, result.stderr
    assert lines[1].strip().startswith(f"{name}: ")
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("value", ["redis://redis.internal:6379/0", "rediss://u:p@r.example:6380", "redis://localhost",
                                   "unix:///run/redis.sock"])
def test_good_redis_urls_pass(env: pytest.MonkeyPatch, value: str) -> None:
    env.setenv("REDIS_URL", value)
    assert load_settings().redis_url == value


def test_kafka_sasl_needs_credentials_and_tls_files_must_exist(env: pytest.MonkeyPatch, tmp_path: Path) -> None:
    env.setenv("KAFKA_BOOTSTRAP", "kafka-1:9093,kafka-2:9093")
    env.setenv("KAFKA_SECURITY_PROTOCOL", "SASL_SSL")
    assert "KAFKA_SASL_USERNAME" in refusal()
    env.setenv("KAFKA_SASL_USERNAME", "fieldsync")
    env.setenv("KAFKA_SASL_PASSWORD", "s3cret")
    env.setenv("KAFKA_SASL_MECHANISM", "SCRAM-SHA-512")
    env.setenv("KAFKA_SSL_CAFILE", str(tmp_path / "missing-ca.pem"))
    assert "KAFKA_SSL_CAFILE:" in refusal()
    env.delenv("KAFKA_SSL_CAFILE")
    options = load_settings().kafka_security()
    assert options["security_protocol"] == "SASL_SSL" and options["sasl_mechanism"] == "SCRAM-SHA-512"
    assert (options["sasl_plain_username"], options["sasl_plain_password"]) == ("fieldsync", "s3cret")
    assert options["ssl_context"] is not None


def test_trusted_proxies_are_addresses_or_cidr_blocks(env: pytest.MonkeyPatch) -> None:
    env.setenv("TRUSTED_PROXIES", "10.0.0.5, 172.28.0.0/24,fd00::/8")
    assert len(load_settings().proxy_networks) == 3
    env.setenv("TRUSTED_PROXIES", "10.0.0.5,the-proxy")
    assert "TRUSTED_PROXIES:" in refusal()


def test_seed_demo_is_refused_in_production(tmp_path: Path) -> None:
    result = run_cli(tmp_path, "seed-demo", **PRODUCTION)
    assert result.returncode != 0
    assert "production" in result.stderr
    assert "Traceback" not in result.stderr


# --- .env.example documents every setting --------------------------------------------------

SETTING_LINE = re.compile(r"^(?:# )?([A-Z][A-Z0-9_]*)=(.*)$")


def documented_settings() -> dict[str, list[int]]:
    """Setting name -> line numbers where `.env.example` assigns it (active or commented out)."""
    found: dict[str, list[int]] = {}
    for number, line in enumerate(ENV_EXAMPLE.read_text().splitlines()):
        match = SETTING_LINE.match(line)
        if match:
            found.setdefault(match.group(1), []).append(number)
    return found


def test_env_example_documents_exactly_the_settings() -> None:
    documented = set(documented_settings())
    assert documented - FIELDS == set(), "documented in .env.example but not a setting"
    assert FIELDS - documented == set(), "settings missing from .env.example"


def test_env_example_explains_each_setting_once() -> None:
    lines = ENV_EXAMPLE.read_text().splitlines()
    for name, numbers in documented_settings().items():
        assert len(numbers) == 1, f"{name} appears {len(numbers)} times"
        above = lines[numbers[0] - 1] if numbers[0] else ""
        assert above.startswith("#") and not SETTING_LINE.match(above), f"{name} needs a comment line above it"
        block = []
        for line in reversed(lines[: numbers[0]]):
            if not line.startswith("#") or SETTING_LINE.match(line):
                break
            block.append(line)
        assert "default" in " ".join(block).lower(), f"the comment above {name} should state its default"


def test_env_example_values_are_the_defaults(env: pytest.MonkeyPatch, tmp_path: Path) -> None:
    # Copying .env.example to .env must change nothing: the documented values are the defaults.
    shutil.copy(ENV_EXAMPLE, tmp_path / ".env")
    from_example = load_settings()
    defaults = Settings(_env_file=None)  # type: ignore[call-arg]
    assert from_example.model_dump() == defaults.model_dump()
