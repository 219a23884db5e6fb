"""Protection at rest's settings (issue 18, domain/shared/sealing.py): the local keyring's keys and
the hashing secret, a block of their own that `Settings` (app/settings.py) inherits and that a
migration reads alone (`for_migration`: the keys it needs to convert stored values, without the
rest of the configuration, and without importing the composition root); documented in
`.env.example`."""

from __future__ import annotations

import base64
import os
import re
from pathlib import Path

from pydantic import Field, SecretStr, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from domain.shared.sealing import Pseudonyms, Sealer
from infra.keyring import LocalKeyring

# Public values: `APP_ENV=production` refuses them (app/settings_checks.py).
DEV_DATA_ENCRYPTION_KEYS = "dev:ZGV2LWluc2VjdXJlLWRhdGEta2V5LTAwMDAwMDAwMDA="
DEV_DATA_KEY = base64.b64decode(DEV_DATA_ENCRYPTION_KEYS.split(":", 1)[1])
DEV_PII_HASH_KEY = "dev-insecure-pii-hash-key-change-me-0000000000"
_KID = re.compile(r"^[A-Za-z0-9_-]{1,32}$")


def data_keys(raw: str) -> dict[str, bytes]:
    """DATA_ENCRYPTION_KEYS: "kid:key" pairs, comma separated, each key base64 of 32 bytes."""
    keys: dict[str, bytes] = {}
    for pair in raw.split(","):
        kid, sep, encoded = pair.strip().partition(":")
        if not sep or not kid or not encoded:
            raise ValueError("expected comma-separated 'kid:key' pairs (key: base64 of 32 random bytes)")
        if not _KID.match(kid):
            raise ValueError(f"key id {kid!r}: letters, digits, '-' or '_', at most 32")
        try:
            key = base64.b64decode(encoded.strip(), validate=True)
        except ValueError:
            raise ValueError(f"key {kid!r} is not base64") from None
        if len(key) != 32:
            raise ValueError(f"key {kid!r} must be base64 of 32 random bytes (openssl rand -base64 32)")
        keys[kid] = key
    return keys


class ProtectionSettings(BaseSettings):
    # The key-encryption keys, "kid:key" pairs (key: base64 of 32 random bytes), comma
    # separated; the active kid wraps new data keys, every listed key unwraps, so a rotation (a
    # new active kid, the old one still listed) keeps reads working while the at-rest job moves
    # every value to the new key (`fieldsync keys status` says when the old one is unused).
    data_encryption_keys: SecretStr = SecretStr(DEV_DATA_ENCRYPTION_KEYS)
    data_encryption_active_kid: str = "dev"
    # The secret (32+ characters) of the keyed hashes: the email blind index and client
    # addresses. Changing it orphans every stored hash (the job refills the blind index).
    pii_hash_key: SecretStr = SecretStr(DEV_PII_HASH_KEY)
    # The at-rest job: how often it looks for values under an older key, and how many per batch.
    at_rest_interval_seconds: float = Field(300.0, gt=0)
    at_rest_batch: int = Field(200, ge=1, le=10_000)

    @field_validator("data_encryption_keys")
    @classmethod
    def _parse_data_keys(cls, value: SecretStr) -> SecretStr:
        data_keys(value.get_secret_value())
        return value

    @field_validator("pii_hash_key")
    @classmethod
    def _long_hash_key(cls, value: SecretStr) -> SecretStr:
        if len(value.get_secret_value()) < 32:
            raise ValueError("must be at least 32 characters")
        return value

    @model_validator(mode="after")
    def _active_key_listed(self) -> ProtectionSettings:
        if self.data_encryption_active_kid not in self.data_keys:
            raise ValueError(f"DATA_ENCRYPTION_ACTIVE_KID {self.data_encryption_active_kid!r} is not a kid of "
                             "DATA_ENCRYPTION_KEYS")
        return self

    @property
    def data_keys(self) -> dict[str, bytes]:
        return data_keys(self.data_encryption_keys.get_secret_value())


def protection_production_problems(settings: ProtectionSettings) -> list[str]:
    problems = []
    if DEV_DATA_KEY in settings.data_keys.values():
        problems.append("DATA_ENCRYPTION_KEYS must be set to real keys in production (base64 of 32 random bytes)")
    hash_key = settings.pii_hash_key.get_secret_value()
    if hash_key == DEV_PII_HASH_KEY or "insecure" in hash_key:
        problems.append("PII_HASH_KEY must be set to a real secret in production")
    return problems


class _Alone(ProtectionSettings):
    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", frozen=True, extra="ignore",
                                      case_sensitive=False)


def for_migration() -> tuple[Sealer, Pseudonyms]:
    """The sealer (no legacy key) and keyed hashes a migration converting stored values uses
    (`fieldsync migrate` has validated the whole configuration, production's rules included)."""
    settings = load_protection_settings()
    return (Sealer(LocalKeyring(settings.data_keys, settings.data_encryption_active_kid)),
            Pseudonyms(settings.pii_hash_key.get_secret_value().encode()))


def load_protection_settings() -> ProtectionSettings:
    """These settings alone (environment, .env, SECRETS_DIR), for a migration converting values."""
    secrets_dir = os.environ.get("SECRETS_DIR", "").strip() or None
    if secrets_dir is not None and not Path(secrets_dir).is_dir():
        raise ValueError(f"SECRETS_DIR: {secrets_dir!r} is not a directory")
    try:
        return _Alone(_secrets_dir=secrets_dir)  # type: ignore[call-arg]
    except ValidationError as exc:
        raise ValueError(f"invalid protection settings: {exc}") from None
