"""Data residency and database access settings (issue 18), a block of their own that `Settings`
(app/settings.py) inherits; documented in `.env.example` like every other setting.

- Regions: the allow-list a user's region comes from, and the region of an account that names
  none. Organisations, bookings, conversations and money records inherit it at creation
  (domain/shared/regions.py).
- Database roles: the application connects with DATABASE_URL (a role that reads and writes rows
  only), `fieldsync migrate` with MIGRATE_DATABASE_URL (the role owning the schema); `fieldsync
  db-roles` creates both (app/db_roles.py). Production requires TLS to the database."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import parse_qs, urlsplit

from pydantic import Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode

from app.settings_checks import is_loopback
from domain.shared.regions import REGION_PATTERN, Regions

# sslmode values that refuse a plain connection (libpq's names; asyncpg takes the same).
TLS_MODES = frozenset({"require", "verify-ca", "verify-full"})


class ResidencySettings(BaseSettings):
    # The regions data may live in, comma separated (lower-case codes).
    regions: Annotated[list[str], NoDecode] = Field(default_factory=lambda: ["eu", "uk", "us"])
    # The region of an account registered without one (and of rows whose owner has none).
    default_region: str = "eu"
    # The role `fieldsync migrate` connects as (it owns the schema). Unset: DATABASE_URL.
    migrate_database_url: str | None = None
    # An administrator of the database (a superuser or the cloud's admin role), for `fieldsync
    # db-roles` and, when set, `fieldsync migrate`, which then sets the roles up first. Give it
    # to the migrate job only, never to the app.
    database_admin_url: SecretStr | None = None

    @field_validator("regions", mode="before")
    @classmethod
    def _split_regions(cls, value: object) -> object:
        if isinstance(value, str):
            value = [entry.strip().lower() for entry in value.split(",") if entry.strip()]
        if isinstance(value, list):
            for entry in value:
                if not REGION_PATTERN.match(str(entry)):
                    raise ValueError(f"{entry!r} is not a region code (lower-case letters, digits, '-'; e.g. eu)")
            if not value:
                raise ValueError("must list at least one region (e.g. eu,uk,us)")
        return value

    @field_validator("migrate_database_url")
    @classmethod
    def _postgres_only(cls, value: str | None) -> str | None:
        if value is None or not value.strip():
            return None
        if not value.startswith(("postgres://", "postgresql://")):
            raise ValueError("must start with postgres:// or postgresql:// (migrations on SQLite need no role)")
        return value.strip().replace("postgresql://", "postgres://", 1)

    @field_validator("database_admin_url")
    @classmethod
    def _admin_postgres_only(cls, value: SecretStr | None) -> SecretStr | None:
        if value is None or not value.get_secret_value().strip():
            return None
        return SecretStr(cls._postgres_only(value.get_secret_value()) or "")

    @model_validator(mode="after")
    def _default_is_listed(self) -> ResidencySettings:
        if self.default_region not in self.regions:
            raise ValueError(f"DEFAULT_REGION {self.default_region!r} is not one of REGIONS "
                             f"({', '.join(self.regions)})")
        return self

    @property
    def region_rules(self) -> Regions:
        return Regions(allowed=tuple(self.regions), default=self.default_region)

    @property
    def migrate_url(self) -> str:
        """The URL `fieldsync migrate` connects with."""
        return self.migrate_database_url or self.database_url  # type: ignore[attr-defined]


def requires_tls(url: str) -> bool:
    """True when a PostgreSQL URL refuses a plain connection: `sslmode=require|verify-ca|verify-full`
    (or `ssl=true`), or the server is reached over loopback or a Unix socket (no network to read)."""
    parts = urlsplit(url)
    query = {key.lower(): values[-1].strip().lower() for key, values in parse_qs(parts.query).items()}
    if query.get("sslmode") in TLS_MODES or query.get("ssl") in ("true", "1", *TLS_MODES):
        return True
    host = query.get("host") or parts.hostname or ""
    return host.startswith("/") or is_loopback(host)


def residency_production_problems(settings: ResidencySettings) -> list[str]:
    """What production refuses: a database reached over the network without TLS."""
    problems = []
    admin = settings.database_admin_url.get_secret_value() if settings.database_admin_url else None
    urls = {"DATABASE_URL": settings.database_url,  # type: ignore[attr-defined]
            "MIGRATE_DATABASE_URL": settings.migrate_database_url, "DATABASE_ADMIN_URL": admin}
    for name, url in urls.items():
        if url and url.startswith("postgres://") and not requires_tls(url):
            problems.append(f"{name} must require TLS in production: add ?sslmode=verify-full (or require) to it, "
                            "unless the database is on loopback or a Unix socket")
    return problems
