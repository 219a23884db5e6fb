"""One change of a pull page, and the fold that turns a page's ops into one change per row: the
reference of the rule that the pull runs in SQL (DELTA_PAGE in sync/queries.py and
sync/queries_sqlite.py), and the wire shape the database writes."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import orjson

OPS = {"u": "upsert", "d": "delete", "r": "delete"}
REASONS = {"d": "deleted", "r": "revoked"}


@dataclass
class Change:
    collection: str
    row_id: str
    op: str  # u, d, r
    version: int
    data: str | None
    fallback: Change | None = None

    def wire(self) -> dict[str, Any]:
        body: dict[str, Any] = {"collection": self.collection, "op": OPS[self.op], "id": self.row_id,
                                "version": self.version}
        if self.op == "u":
            body["data"] = orjson.Fragment(self.data or "null")
        else:
            body["reason"] = REASONS[self.op]
        return body



def coalesce(rows: Sequence[Any]) -> list[Change]:
    """One change per row: the page's ops folded in commit order, each replacing the previous
    when its version is not lower (the rule clients apply too: docs/sync.md). A row's final
    change takes the place of its last op, so the page stays in commit order. A final
    `revoked` remembers the row's newest upsert of the page (see `_visible`)."""
    latest: dict[tuple[str, str], Any] = {}
    for row in rows:
        key = (row["collection"], row["row_id"])
        current = latest.get(key)
        if current is None:
            latest[key] = row
        elif row["version"] >= current["version"]:
            del latest[key]
            latest[key] = row
    changes = [Change(row["collection"], row["row_id"], row["op"], row["version"], row["data"])
               for row in latest.values()]
    revoked = {(c.collection, c.row_id): c for c in changes if c.op == "r"}
    for row in rows if revoked else ():  # rare: a second pass for the newest upsert of those rows
        change = revoked.get((row["collection"], row["row_id"]))
        if change is not None and row["op"] == "u" and (change.fallback is None
                                                         or row["version"] >= change.fallback.version):
            change.fallback = Change(row["collection"], row["row_id"], "u", row["version"], row["data"])
    return changes
