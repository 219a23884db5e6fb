"""Tortoise configuration: the one list of model modules, for the app and for aerich."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from tortoise.backends.base.config_generator import expand_db_url

if TYPE_CHECKING:
    from domain.shared.sql import WarmUp

MODEL_MODULES = [
    "domain.shared.outbox",
    "domain.shared.inbox",
    "domain.shared.idempotency",
    "domain.accounts.models",
    "domain.audit.models",
    "domain.zones.models",
    "domain.catalog.models",
    "domain.profiles.models",
    "domain.scheduling.models",
    "domain.bookings.models",
    "domain.finance.pricing.models",
    "domain.jobs.models",
    "domain.reviews.models",
    "domain.messaging.models",
    "domain.feed.models",
    "domain.notifications.models",
    "domain.consent.models",
    "domain.finance.ledger.models",
    "domain.finance.cases.models",
    "domain.finance.chargebacks.models",
    "domain.finance.operations.models",
    "domain.finance.gateway.models",
    "domain.finance.balances.models",
    "domain.finance.reporting.models",
    "domain.finance.reconciliation.models",
    "domain.finance.payouts.models",
    "domain.media.models",
    "domain.disputes.models",
    "domain.verification.models",
    "domain.safety.models",
    "domain.privacy.exports",
    "domain.privacy.models",
    "domain.flags.models",
    "domain.dashboards.models",
    "sync.models",
    "push.models",
    "push.email_models",
]


@dataclass(frozen=True)
class PoolLimits:
    """The serving app's PostgreSQL pool and timeouts (settings DB_*). Migrations and tools run
    without them: a long migration is not a hung database. `warm_ups`: statements each new
    connection runs before it serves (infra/postgres_engine.py warm_connection)."""

    min_size: int = 1
    max_size: int = 20
    acquire_timeout: float = 5.0
    statement_timeout: float = 15.0
    warm_ups: Callable[[], Sequence[WarmUp]] | None = None


# asyncpg's client-side bound goes a little past the server's statement_timeout, so a statement
# the server cancels reports PostgreSQL's error, and a server that stopped answering still ends.
CLIENT_TIMEOUT_MARGIN_SECONDS = 2.0


def expand_postgres(database_url: str) -> dict[str, Any]:
    """Tortoise's expansion of a PostgreSQL URL, reading libpq's `sslmode` (disable, prefer,
    require, verify-ca, verify-full: production requires TLS, app/residency_settings.py) into
    asyncpg's `ssl`, which takes the same names."""
    parts = urlsplit(database_url.replace("postgresql://", "postgres://", 1))
    query = parse_qsl(parts.query, keep_blank_values=True)
    sslmode = next((value for key, value in query if key.lower() == "sslmode"), None)
    kept = urlencode([(key, value) for key, value in query if key.lower() != "sslmode"])
    expanded = expand_db_url(urlunsplit(parts._replace(query=kept)))
    if sslmode:
        expanded["credentials"]["ssl"] = sslmode.strip().lower()
    return expanded


def tortoise_config(database_url: str, pool: PoolLimits | None = None) -> dict[str, Any]:
    url = database_url.replace("postgresql://", "postgres://", 1)
    connection: str | dict[str, Any] = url
    if url.startswith("sqlite://"):  # Tortoise's backend, counting a statement's own rows (not its triggers')
        connection = {**expand_db_url(url), "engine": "infra.sqlite_engine"}
    elif pool is None and "sslmode=" in url.lower():
        connection = expand_postgres(url)
    elif pool is not None:  # infra/postgres_engine.py: a bounded wait for a pooled connection
        expanded = expand_postgres(url)
        credentials = dict(expanded["credentials"])
        server_settings = dict(credentials.pop("server_settings", None) or {})
        server_settings["statement_timeout"] = str(int(pool.statement_timeout * 1000))
        # JIT off: it compiles again at every execution and our statements are short; and a planner
        # setting turned off (sync/queries.py SNAPSHOT_PLANNER, the tick's) adds 1e10 to plan costs
        # on PostgreSQL <= 17, so a stock server JIT-compiled every snapshot page: 0.8 s a page
        # instead of 0.03 (benchmarks/sync_pull.py).
        server_settings.setdefault("jit", "off")
        credentials.update(
            minsize=pool.min_size, maxsize=pool.max_size, acquire_timeout=pool.acquire_timeout,
            timeout=pool.acquire_timeout,  # opening a new connection
            command_timeout=pool.statement_timeout + CLIENT_TIMEOUT_MARGIN_SECONDS,
            server_settings=server_settings,
        )
        if pool.warm_ups:
            credentials["warm_ups"] = pool.warm_ups
        connection = {"engine": "infra.postgres_engine", "credentials": credentials}
    return {
        "connections": {"default": connection},
        "apps": {"models": {"models": [*MODEL_MODULES, "aerich.models"], "default_connection": "default"}},
        "use_tz": True,
        "timezone": "UTC",
    }


# For the aerich CLI (pyproject [tool.aerich]): developers generate migrations against
# PostgreSQL, e.g. `DATABASE_URL=postgres://... aerich migrate --name add_x`.
TORTOISE_ORM = tortoise_config(os.environ.get("DATABASE_URL", "sqlite://.fieldsync/demo.sqlite3"))
