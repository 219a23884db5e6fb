"""Protection at rest: which columns are sealed, blind-indexed or kept as keyed hashes, and the
background job that moves sealed values to the active key (rotation) and fills the blind index.

Sealed columns (domain/shared/sealing.py, envelope AES-256-GCM bound to table, column and row)
hold data that never syncs: the clients' devices never need it. The email is NOT sealed: it
syncs to its owner's devices through rows the capture triggers build in SQL (sync/collections.py),
so it keeps a keyed blind index beside it for lookups.

The job reads a batch of values that are not under the active key, rewraps each (an envelope's
data key is unwrapped with the old key and wrapped with the new one; the sealed value itself is
unchanged, and a legacy tax vault value is sealed anew) and writes it back with a
compare-and-set on the old text: a value a person changed meanwhile is left to its new writer,
and nothing is locked while keys are used, so reads go on unhindered. During a rotation both
keys are in the keyring and every value opens under whichever key it names."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import structlog
from tortoise import connections
from tortoise.backends.base.client import BaseDBAsyncClient

from domain.shared.sealing import FORMAT, Place, Pseudonyms, SealBroken, Sealer, key_of
from domain.shared.uow import unit_of_work

log = structlog.get_logger(__name__)


@dataclass(frozen=True)
class SealedColumn:
    table: str
    column: str
    row: str  # the column naming the row in the associated data (Place.row)
    doc: str
    pk: str = "id"
    legacy_owner: str | None = None  # SQL giving a legacy tax vault value's associated data


SEALED_COLUMNS: tuple[SealedColumn, ...] = (
    SealedColumn("seller_tax_profile", "tax_id_sealed", "owner", "a seller's tax id (DAC7 / 1099-K reporting)",
                 legacy_owner="owner"),
    SealedColumn("verification_document", "number_sealed", "id",
                 "an identity, insurance or registration document's number",
                 legacy_owner="'verification:' || CAST(owner_id AS TEXT)"),
    SealedColumn("serviceman_profile", "home_sealed", "user_id",
                 "a serviceman's exact home base, JSON [lat, lng] (the public area is area_lat/area_lng)"),
)


@dataclass(frozen=True)
class HashedColumn:
    table: str
    column: str
    doc: str


# Keyed hashes (sealing.Pseudonyms): the value itself is not kept, equal values compare equal.
BLIND_INDEXES: tuple[HashedColumn, ...] = (
    HashedColumn("user_account", "email_index", "the email's blind index: login and registration look it up"),
)
KEYED_HASHES: tuple[HashedColumn, ...] = (
    HashedColumn("audit_record", "ip", "the client address of an audited action (also in its audit.* event)"),
    HashedColumn("refresh_token", "ip", "the client address a session was started or refreshed from"),
)

# Personal data the issue names that has no column in this schema (nothing to seal yet): phone
# numbers, dates of birth, bank details (the payment gateway holds them; payee_account keeps only
# the gateway's account id).
NOT_STORED = ("phone", "date of birth", "bank account details")


@dataclass
class Progress:
    rewrapped: int = 0
    skipped: int = 0  # changed by someone else between read and write: already under the new key
    broken: list[str] = field(default_factory=list)  # table.column:row that did not open
    indexed: int = 0  # blind index entries filled in


@dataclass(frozen=True)
class ColumnStatus:
    table: str
    column: str
    by_key: dict[str, int]  # kid (or "legacy", "other") -> values

    def pending(self, active_kid: str) -> int:
        return sum(n for kid, n in self.by_key.items() if kid != active_kid)


@dataclass(frozen=True)
class Status:
    active_kid: str
    kids: tuple[str, ...]
    columns: list[ColumnStatus]
    email_index_missing: int

    @property
    def pending(self) -> int:
        return sum(c.pending(self.active_kid) for c in self.columns) + self.email_index_missing

    def unused_kids(self) -> list[str]:
        """Keys no stored value names any more: safe to remove from the keyring."""
        used = {kid for c in self.columns for kid, n in c.by_key.items() if n}
        return [kid for kid in self.kids if kid not in used and kid != self.active_kid]


_FILL_INDEX_PG = (
    "UPDATE user_account AS u SET email_index = v.idx "
    "FROM unnest($1::uuid[], $2::text[], $3::text[]) AS v(id, email, idx) "
    "WHERE u.id = v.id AND u.email = v.email AND u.email_index IS NULL"
)


def _sql(conn: BaseDBAsyncClient, text: str) -> str:
    """$1, $2... for PostgreSQL; ? for SQLite."""
    if conn.capabilities.dialect == "postgres":
        return text
    for n in range(9, 0, -1):
        text = text.replace(f"${n}", "?")
    return text


class AtRest:
    def __init__(self, sealer: Sealer, pseudonyms: Pseudonyms | None, batch_size: int = 200) -> None:
        self.sealer = sealer
        self.pseudonyms = pseudonyms
        self.batch_size = batch_size

    async def run(self, max_batches: int | None = None) -> Progress:
        """One pass of the job over every sealed column (and the blind index)."""
        progress = Progress()
        for column in SEALED_COLUMNS:
            await self._rewrap_column(column, progress, max_batches)
        if self.pseudonyms is not None:
            await self._fill_email_index(progress, max_batches)
        if progress.rewrapped or progress.indexed or progress.broken:
            log.info("at_rest_job", rewrapped=progress.rewrapped, skipped=progress.skipped,
                     indexed=progress.indexed, broken=len(progress.broken), active_kid=self.sealer.keys.active_kid)
        for where in progress.broken:
            log.error("sealed_value_broken", where=where)
        return progress

    async def _rewrap_column(self, c: SealedColumn, progress: Progress, max_batches: int | None) -> None:
        conn = connections.get("default")
        prefix = f"{FORMAT}.{self.sealer.keys.active_kid}."
        legacy = f", {c.legacy_owner} AS legacy" if c.legacy_owner else ", NULL AS legacy"
        # Names from SEALED_COLUMNS above, never from input.
        select = _sql(conn, f"""
            SELECT {c.pk} AS pk, CAST({c.row} AS TEXT) AS row_key, {c.column} AS value{legacy}
            FROM {c.table}
            WHERE {c.column} IS NOT NULL AND {c.column} <> '' AND substr({c.column}, 1, $1) <> $2
              AND (NOT $3 OR {c.pk} > $4)
            ORDER BY {c.pk} LIMIT $5""")  # noqa: S608
        update = _sql(conn, f"UPDATE {c.table} SET {c.column} = $1 WHERE {c.pk} = $2 AND {c.column} = $3")  # noqa: S608
        after: Any = None
        batches = 0
        while max_batches is None or batches < max_batches:
            batches += 1
            rows = (await conn.execute_query(select, [len(prefix), prefix, after is not None, after,
                                                      self.batch_size]))[1]
            if not rows:
                return
            changes: list[tuple[str, Any, str]] = []
            for row in rows:
                place = Place(c.table, c.column, str(row["row_key"]))
                try:
                    changes.append((await self.sealer.rewrap(place, row["value"], row["legacy"]), row["pk"],
                                    row["value"]))
                except SealBroken:
                    progress.broken.append(f"{c.table}.{c.column}:{row['row_key']}")
            async with unit_of_work() as uow:
                for new, pk, old in changes:
                    count = await uow.connection.execute_query(update, [new, pk, old])
                    if _rowcount(count):
                        progress.rewrapped += 1
                    else:
                        progress.skipped += 1
            after = rows[-1]["pk"]

    async def _fill_email_index(self, progress: Progress, max_batches: int | None) -> None:
        assert self.pseudonyms is not None
        conn = connections.get("default")
        select = _sql(conn, "SELECT id, email FROM user_account WHERE email_index IS NULL ORDER BY id LIMIT $1")
        update = _sql(conn, "UPDATE user_account SET email_index = $1 WHERE id = $2 AND email = $3 "
                            "AND email_index IS NULL")
        batches = 0
        while max_batches is None or batches < max_batches:
            batches += 1
            rows = (await conn.execute_query(select, [self.batch_size]))[1]
            if not rows:
                return
            indexes = [self.pseudonyms.email_index(row["email"]) for row in rows]
            async with unit_of_work() as uow:
                if uow.connection.capabilities.dialect == "postgres":
                    # One statement per batch: the accounts stay row-locked for milliseconds, not
                    # for a batch of round trips (logins and refreshes wait on those locks).
                    count = await uow.connection.execute_query(_FILL_INDEX_PG, [
                        [row["id"] for row in rows], [row["email"] for row in rows], indexes])
                    progress.indexed += _rowcount(count)
                    continue
                for row, index in zip(rows, indexes, strict=True):
                    count = await uow.connection.execute_query(update, [index, row["id"], row["email"]])
                    progress.indexed += 1 if _rowcount(count) else 0

    async def status(self) -> Status:
        conn = connections.get("default")
        columns = []
        for c in SEALED_COLUMNS:
            rows = (await conn.execute_query(
                f"SELECT substr({c.column}, 1, 48) AS head FROM {c.table} "  # noqa: S608 - names from the table above
                f"WHERE {c.column} IS NOT NULL AND {c.column} <> ''"))[1]
            counts = Counter(key_of(row["head"]) or "other" for row in rows)
            columns.append(ColumnStatus(c.table, c.column, dict(sorted(counts.items()))))
        missing = (await conn.execute_query("SELECT COUNT(*) AS n FROM user_account WHERE email_index IS NULL"))[1]
        keys = self.sealer.keys
        return Status(keys.active_kid, keys.kids(), columns, int(missing[0]["n"]))


def _rowcount(result: Any) -> int:
    """execute_query's (rows affected, rows) on both dialects."""
    return int(result[0]) if isinstance(result, tuple) else 0
