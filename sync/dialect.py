"""Everything delta sync does differently on PostgreSQL and on the SQLite demo, in one object
chosen once by the composition root (`SyncConfig.sqlite`) and handed to the puller, the pusher,
the poker, the ticker and the compaction. No sync module asks the connection which it is.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from types import ModuleType
from typing import Any
from uuid import UUID

import orjson

from sync import compaction, queries, queries_sqlite, sqlite
from sync.push import PUSH_POSTGRES, PUSH_SQLITE
from sync.sqlite import SqliteConn, SqliteTicker
from sync.ticker import Ticker

USERS_OF_SCOPES_POSTGRES = "SELECT DISTINCT user_id::text FROM sync_grant WHERE scope = ANY($1::text[])"
USERS_OF_SCOPES_SQLITE = "SELECT DISTINCT user_id FROM sync_grant WHERE scope IN (SELECT value FROM json_each(?1))"


@dataclass(frozen=True)
class SyncDialect:
    name: str
    queries: ModuleType  # the pull's statements
    push: Mapping[str, str]  # the push's statements
    users_of_scopes: str  # the poke's
    ticker: type[Ticker]
    # SQLite has no SHA-256: per-collection checksums are summed in Python over the same rows.
    sums_in_python: bool
    compact: Callable[[int], Awaitable[tuple[int, int] | None]]
    floor_for_age: Callable[[float], Awaitable[int | None]]

    @property
    def sqlite(self) -> bool:
        return self.name == "sqlite"

    def conn(self, raw: Any) -> Any:
        """A raw driver connection with asyncpg's fetch/fetchrow/fetchval."""
        return SqliteConn(raw) if self.sqlite else raw

    def params(self, *args: Any, stamped: bool = False) -> list[Any]:
        """Statement parameters: SQLite takes ids and lists as text, and the time (no now())."""
        if not self.sqlite:
            return list(args)
        values = [str(a) if isinstance(a, UUID) else orjson.dumps(a).decode() if isinstance(a, list) else a
                  for a in args]
        return [*values, datetime.now(UTC).isoformat(" ")] if stamped else values


POSTGRES = SyncDialect("postgres", queries, PUSH_POSTGRES, USERS_OF_SCOPES_POSTGRES, Ticker, sums_in_python=False,
                       compact=compaction.postgres_compact, floor_for_age=compaction.postgres_floor_for_age)
SQLITE = SyncDialect("sqlite", queries_sqlite, PUSH_SQLITE, USERS_OF_SCOPES_SQLITE, SqliteTicker, sums_in_python=True,
                     compact=sqlite.compact, floor_for_age=sqlite.floor_for_age)


def dialect(sqlite: bool) -> SyncDialect:
    return SQLITE if sqlite else POSTGRES
