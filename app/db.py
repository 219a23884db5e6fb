"""Tortoise configuration: the one list of model modules, for the app and for aerich."""

from __future__ import annotations

import os
from typing import Any

from tortoise.backends.base.config_generator import expand_db_url

MODEL_MODULES = [
    "domain.shared.outbox",
    "domain.shared.inbox",
    "domain.accounts.models",
    "domain.audit.models",
    "domain.zones.models",
    "domain.catalog.models",
    "domain.profiles.models",
    "domain.scheduling.models",
    "domain.bookings.models",
    "domain.jobs.models",
    "domain.reviews.models",
    "domain.messaging.models",
    "domain.feed.models",
    "domain.notifications.models",
    "sync.models",
    "push.models",
]


def tortoise_config(database_url: str) -> dict[str, Any]:
    url = database_url.replace("postgresql://", "postgres://", 1)
    connection: str | dict[str, Any] = url
    if url.startswith("sqlite://"):  # Tortoise's backend, counting a statement's own rows (not its triggers')
        connection = {**expand_db_url(url), "engine": "infra.sqlite_engine"}
    return {
        "connections": {"default": connection},
        "apps": {"models": {"models": [*MODEL_MODULES, "aerich.models"], "default_connection": "default"}},
        "use_tz": True,
        "timezone": "UTC",
    }


# For the aerich CLI (pyproject [tool.aerich]): developers generate migrations against
# PostgreSQL, e.g. `DATABASE_URL=postgres://... aerich migrate --name add_x`.
TORTOISE_ORM = tortoise_config(os.environ.get("DATABASE_URL", "sqlite://.fieldsync/demo.sqlite3"))
