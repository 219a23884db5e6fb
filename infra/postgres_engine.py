"""Tortoise's asyncpg backend with a bounded wait for a pooled connection (issue 11, item 10).

asyncpg's `Pool.acquire()` waits forever by default, and Tortoise never passes a timeout: with
every connection held by statements stuck behind a lock, each new request would queue without
end. Here an acquire gives up after `acquire_timeout` seconds with `PoolExhausted` (a
TimeoutError), which the adapters answer as 503 with Retry-After (domain/shared/errors.py
`is_unavailable`). Statements are bounded by PostgreSQL's `statement_timeout` and, for a server
that stopped answering at all, by asyncpg's client-side `command_timeout` (app/db.py sets both).
"""

from __future__ import annotations

from typing import Any

import asyncpg
from tortoise.backends.asyncpg.client import AsyncpgDBClient


class PoolExhausted(TimeoutError):
    """No pooled database connection came free in time."""


class BoundedPool(asyncpg.Pool):  # type: ignore[misc]
    __slots__ = ("acquire_timeout",)

    async def _acquire(self, timeout: float | None) -> Any:
        bound = self.acquire_timeout if timeout is None else timeout
        try:
            return await super()._acquire(bound)
        except TimeoutError:
            raise PoolExhausted(f"no database connection free within {bound} s") from None


class Client(AsyncpgDBClient):
    def __init__(self, **kwargs: Any) -> None:
        acquire_timeout = kwargs.pop("acquire_timeout", None)
        super().__init__(**kwargs)
        self.acquire_timeout = float(acquire_timeout) if acquire_timeout else None

    async def create_pool(self, **kwargs: Any) -> asyncpg.Pool:
        # asyncpg.create_pool's own defaults, on our subclass (create_pool takes no pool class).
        kwargs.setdefault("max_queries", 50000)
        kwargs.setdefault("max_inactive_connection_lifetime", 300.0)
        kwargs.setdefault("record_class", asyncpg.Record)
        pool = BoundedPool(None, **kwargs)
        pool.acquire_timeout = self.acquire_timeout
        return await pool


client_class = Client


def get_client_class(db_info: dict[str, Any]) -> type[Client]:
    return Client
