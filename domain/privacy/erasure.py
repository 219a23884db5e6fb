"""Erasure (GDPR Art. 17): one person's data goes wherever the personal-data registry says, in one
unit of work.

What runs, in order (`Eraser.erase`):

1. **Needles.** Before anything changes, the person's own values that may have been copied
   elsewhere are read: the account's email and name, and the text of their rows' identity and
   contact columns (addresses, legal names) and of their longer free texts (message bodies,
   booking notes, where a phone number typed by the person lives).
2. **The registry's rules on their rows** (`Table.subject`, and the account row itself): a table
   whose columns all say DELETE loses the rows; otherwise each column gets its rule: NULLIFY,
   REDACT ("[removed]"; JSON emptied), PSEUDONYMISE (a placeholder: `erased-<uuid>@invalid` for an
   email, "Deleted user" for a name, an unusable password hash; a location number becomes 0 or
   NULL; other numbers stay, as the account they point to is now a pseudonym), HOLD (kept, for
   the table's legal hold). Rows that merely name the person in another column
   (`also_subjects`: a review about them, an audit record of an action on them) are someone
   else's: their rules are not applied, their copies are scrubbed (3).
3. **Copies scrubbed.** Every text or JSON column the registry declares, in every table (the
   counterparty's feed and notifications, audit before/after, held dispute entries, gateway
   payloads, outbox bodies, sync row images), has the needles replaced by the placeholders.
   Short needles (under `SUBSTRING_MIN` characters) are replaced only where they are a whole
   value or a whole JSON string, so "Ann" never changes "Annual".
4. **Infrastructure copies** (PostgreSQL): the sync op log's older images of every row this
   transaction rewrote are deleted (the new op supersedes them, as compaction would), and so
   is everything in the person's own scopes (`user:<id>`, `to:<id>`) with their sync grants and
   clients; published outbox rows about the person or by them are deleted.
5. The account: status `erased`. The `privacy.user_erased` event (only the id) and an audit
   record are written in the same transaction; after the commit the sessions end, presence is
   forgotten and the uploads' stored bytes are deleted.

The UPDATEs of steps 2 and 3 are ordinary writes: the sync triggers capture them, so the
counterparties' phones receive "Deleted user" and "[removed]" through their next pull.

Audit records and dispute entries are append-only; their triggers let an UPDATE through only
inside a transaction that set `fieldsync.erasure` (SET LOCAL), which only this module does.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any
from uuid import UUID, uuid4

from domain.privacy.declarations import REGISTRY
from domain.privacy.registry import Category, Column, Erasure, Registry, Table
from domain.privacy.sqlkit import ID, ColumnInfo, Kind, Sql, columns_of, ident
from domain.shared.uow import UnitOfWork

REMOVED = "[removed]"
DELETED_USER = "Deleted user"
UNUSABLE_PASSWORD = "!erased"  # noqa: S105 - no hash scheme parses it: every password fails
SUBSTRING_MIN = 6  # shorter needles are replaced only as whole values
CONTENT_NEEDLE_MIN = 12  # free texts shorter than this are not hunted for elsewhere
MAX_CONTENT_NEEDLES = 5000  # the newest free texts hunted for (a bound on the scrub's cost)


def erased_email() -> str:
    """A unique placeholder (the unique index on emails holds), never deliverable (RFC 2606 .invalid)."""
    return f"erased-{uuid4().hex}@invalid"


@dataclass
class ErasureReport:
    """What an erasure did, table by table (rows deleted, rows changed): for the audit record."""

    deleted: dict[str, int] = field(default_factory=dict)
    changed: dict[str, int] = field(default_factory=dict)
    scrubbed: dict[str, int] = field(default_factory=dict)
    upload_ids: list[str] = field(default_factory=list)

    def add(self, bucket: dict[str, int], table: str, count: int) -> None:
        if count:
            bucket[table] = bucket.get(table, 0) + count

    def summary(self) -> dict[str, Any]:
        return {"deleted": dict(sorted(self.deleted.items())), "changed": dict(sorted(self.changed.items())),
                "scrubbed": dict(sorted(self.scrubbed.items()))}


@dataclass(frozen=True)
class Needle:
    value: str
    replacement: str


def deletes_rows(table: Table) -> bool:
    """A table whose columns all say DELETE loses the person's rows (registry.Erasure.DELETE)."""
    return bool(table.columns) and all(c.erasure is Erasure.DELETE for c in table.columns)


def pseudonym(column: Column) -> str:
    if "email" in column.name:
        return erased_email()
    if column.name == "password_hash":
        return UNUSABLE_PASSWORD
    return DELETED_USER if column.category is Category.IDENTITY else REMOVED


def _emptied_json(sql: Sql, column: str) -> str:
    fn = "jsonb_typeof" if sql.pg else "json_type"
    cast = "::jsonb" if sql.pg else ""
    return (f"CASE {fn}(\"{column}\") WHEN 'array' THEN '[]'{cast} WHEN 'object' THEN '{{}}'{cast} "
            f"ELSE \"{column}\" END")


SessionEnder = Callable[[str], Awaitable[None]]
PresenceForgetter = Callable[[str], Awaitable[None]]
BytesDeleter = Callable[[str], Awaitable[None]]


@dataclass(frozen=True)
class ErasurePorts:
    """What an erasure needs beyond the database, plugged in by the composition root."""

    end_sessions: SessionEnder  # revoke every login and access token (accounts)
    forget_presence: PresenceForgetter | None = None  # presence in Redis (or memory)
    delete_upload_bytes: BytesDeleter | None = None  # the stored objects of an upload (media)


class Eraser:
    def __init__(self, ports: ErasurePorts, registry: Registry = REGISTRY) -> None:
        self.ports = ports
        self.registry = registry

    async def erase(self, uow: UnitOfWork, user_id: UUID) -> ErasureReport:
        """Erase the person in the caller's unit of work; the effects outside the database run
        after its commit. The caller records the event and the audit record."""
        sql = Sql(uow.connection)
        report = ErasureReport()
        if sql.pg:  # the append-only triggers let this transaction's erasure UPDATEs through
            await sql.execute("SELECT set_config('fieldsync.erasure', 'on', true)")
        info = await columns_of(sql, [t.name for t in self.registry.tables])
        needles = await self._needles(sql, info, user_id)
        for table in self.registry.tables:
            if table.keyed:
                await self._apply(sql, info[table.name], table, user_id, report)
        await self._scrub(sql, info, needles, user_id, report)
        if sql.pg:
            await self._sync_and_outbox(sql, user_id, report)
        await sql.execute(f"UPDATE user_account SET status = 'erased' WHERE id = {sql.value(1, ID)}",  # noqa: S608
                          [str(user_id)])
        uid = str(user_id)
        uow.after_commit(lambda: self.ports.end_sessions(uid))
        if self.ports.forget_presence is not None:
            forget = self.ports.forget_presence
            uow.after_commit(lambda: forget(uid))
        if self.ports.delete_upload_bytes is not None:
            delete = self.ports.delete_upload_bytes
            for upload_id in report.upload_ids:
                uow.after_commit(_bound(delete, upload_id))
        return report

    # -- 1. needles ---------------------------------------------------------------------

    async def _needles(self, sql: Sql, info: dict[str, dict[str, ColumnInfo]], user_id: UUID) -> list[Needle]:
        found: dict[str, str] = {}
        content: list[str] = []
        for table in self.registry.tables:
            if not table.keyed:
                continue
            wanted = [c for c in table.columns if info[table.name].get(c.name, ColumnInfo(Kind.OTHER, True)).kind
                      == Kind.TEXT and c.category in (Category.IDENTITY, Category.CONTACT, Category.CONTENT)
                      and c.name != "password_hash"]
            if not wanted:
                continue
            where, params = self._where(sql, info[table.name], table, user_id)
            select = ", ".join(f'"{ident(c.name)}"' for c in wanted)
            order = ' ORDER BY "created_at" DESC' if "created_at" in info[table.name] else ""
            for row in await sql.rows(f'SELECT {select} FROM "{ident(table.name)}" WHERE {where}{order}',  # noqa: S608
                                      params):
                for column in wanted:
                    value = row[column.name]
                    if not isinstance(value, str) or not value.strip() or value in (REMOVED, DELETED_USER):
                        continue
                    if column.category is Category.CONTENT:
                        if len(value) >= CONTENT_NEEDLE_MIN:
                            content.append(value)
                    elif len(value.strip()) >= 3:
                        found.setdefault(value, DELETED_USER if column.category is Category.IDENTITY else REMOVED)
        account = await sql.rows(f"SELECT email, name FROM user_account WHERE id = {sql.value(1, ID)}",  # noqa: S608
                                 [str(user_id)])
        if account:
            found[str(account[0]["email"])] = "erased@invalid"
            found[str(account[0]["name"])] = DELETED_USER
        for text in content[:MAX_CONTENT_NEEDLES]:
            found.setdefault(text, REMOVED)
        # Longest first: a name inside an address is replaced after the address as a whole.
        return [Needle(v, r) for v, r in sorted(found.items(), key=lambda item: -len(item[0]))]

    # -- 2. the rules on the person's rows ------------------------------------------------

    def _where(self, sql: Sql, info: dict[str, ColumnInfo], table: Table, user_id: UUID,
               first: int = 1) -> tuple[str, list[Any]]:
        column = table.subject or "id"
        if column not in info:
            raise LookupError(f"the registry names {table.name}.{column}, which the database lacks")
        return f'"{ident(column)}" = {sql.value(first, info[column])}', [table.subject_value(user_id)]

    async def _apply(self, sql: Sql, info: dict[str, ColumnInfo], table: Table, user_id: UUID,
                     report: ErasureReport) -> None:
        name = ident(table.name)
        where, params = self._where(sql, info, table, user_id)
        if deletes_rows(table):
            if name == "upload":
                report.upload_ids += [str(r["id"]) for r in await sql.rows(f'SELECT id FROM "upload" WHERE {where}',  # noqa: S608
                                                                            params)]
            report.add(report.deleted, name, await sql.execute(f'DELETE FROM "{name}" WHERE {where}', params))  # noqa: S608
            return
        sets: list[str] = []
        values: list[Any] = []  # the SET clause's, then the WHERE's: "?" binds in textual order
        for column in table.columns:
            col = info.get(column.name)
            if col is None:
                raise LookupError(f"the registry names {table.name}.{column.name}, which the database lacks")
            assignment = self._assignment(sql, column, col, len(values) + 1)
            if assignment is None:
                continue
            expression, value = assignment
            if value is not None:
                values.append(value)
            sets.append(f'"{ident(column.name)}" = {expression}')
        if sets:
            where, params = self._where(sql, info, table, user_id, first=len(values) + 1)
            changed = await sql.execute(f'UPDATE "{name}" SET {", ".join(sets)} WHERE {where}',  # noqa: S608
                                        [*values, *params])
            report.add(report.changed, name, changed)

    def _assignment(self, sql: Sql, column: Column, info: ColumnInfo, n: int) -> tuple[str, Any] | None:
        """The SET expression of a column under its rule, with its one parameter (None: none)."""
        quoted = f'"{ident(column.name)}"'
        rule = column.erasure
        if rule is Erasure.HOLD:
            return None
        if rule in (Erasure.NULLIFY, Erasure.DELETE) and info.nullable:
            return "NULL", None
        if info.kind == Kind.JSON:
            return _emptied_json(sql, column.name), None
        if info.kind == Kind.TEXT:
            text = pseudonym(column) if rule is Erasure.PSEUDONYMISE else REMOVED
            if rule is Erasure.PSEUDONYMISE:
                return sql.value(n, info), text
            return f"CASE WHEN {quoted} IS NULL OR {quoted} = '' THEN {quoted} ELSE {sql.value(n, info)} END", text
        if info.kind == Kind.NUMBER and column.category is Category.LOCATION:
            return ("NULL", None) if info.nullable else ("0", None)
        return None  # a number or id whose link to the person is the pseudonymised account

    # -- 3. copies --------------------------------------------------------------------------

    async def _scrub(self, sql: Sql, info: dict[str, dict[str, ColumnInfo]], needles: list[Needle],
                     user_id: UUID, report: ErasureReport) -> None:
        """Copies and mentions (COPY and CONTENT columns) in every row; and the person's own rows'
        held columns, pseudonymised where they quote the person. Another person's own name or
        address (an IDENTITY or CONTACT column of their rows) is never touched, even when equal."""
        pairs = _pairs(needles)
        if not pairs:
            return
        for table in self.registry.tables:
            for column in table.columns:
                col = info[table.name].get(column.name)
                if col is None or col.kind not in (Kind.TEXT, Kind.JSON):
                    continue
                if column.category in (Category.COPY, Category.CONTENT):
                    count = await _scrub_column(sql, table.name, column.name, col, pairs)
                elif column.erasure is Erasure.HOLD and table.keyed:
                    where, params = self._where(sql, info[table.name], table, user_id, first=3)
                    count = await _scrub_column(sql, table.name, column.name, col, pairs, (where, params))
                else:
                    continue
                report.add(report.scrubbed, table.name, count)

    # -- 4. sync op log, outbox -----------------------------------------------------------------

    async def _sync_and_outbox(self, sql: Sql, user_id: UUID, report: ErasureReport) -> None:
        uid = str(user_id)
        scopes = [f"user:{uid}", f"to:{uid}"]
        # Older images of every row this transaction rewrote: its own ops supersede them.
        superseded = await sql.execute("""
            DELETE FROM sync_op AS o
            USING (SELECT DISTINCT collection, row_id, scope FROM sync_op_pending
                   WHERE xact = pg_current_xact_id()::text::bigint) AS n
            WHERE o.collection = n.collection AND o.row_id = n.row_id AND o.op = 'u'
              AND (o.scope = n.scope OR o.scope LIKE 'to:%')""")
        report.add(report.deleted, "sync_op", superseded)
        report.add(report.deleted, "sync_op", await sql.execute(
            "DELETE FROM sync_op WHERE scope = ANY($1::text[])", [scopes]))
        report.add(report.deleted, "sync_op_pending", await sql.execute(
            "DELETE FROM sync_op_pending WHERE scope = ANY($1::text[])", [scopes]))
        await sql.execute("DELETE FROM sync_grant WHERE user_id = $1::uuid", [uid])
        await sql.execute("DELETE FROM sync_mutation WHERE client_id IN (SELECT id FROM sync_client "
                          "WHERE user_id = $1::uuid)", [uid])
        await sql.execute("DELETE FROM sync_client WHERE user_id = $1::uuid", [uid])
        report.add(report.deleted, "outbox", await sql.execute(
            "DELETE FROM outbox WHERE published_at IS NOT NULL AND (key = $1 OR body->>'actor_id' = $1)", [uid]))


def _bound(delete: BytesDeleter, upload_id: str) -> Callable[[], Awaitable[None]]:
    return lambda: delete(upload_id)


def _pairs(needles: list[Needle]) -> list[tuple[str, str, bool]]:
    """(find, replace, substring) in every spelling a copy may hold: as typed, inside a JSON
    string (escaped, with or without non-ASCII escapes)."""
    seen: set[str] = set()
    pairs: list[tuple[str, str, bool]] = []
    for needle in needles:
        forms = {needle.value, json.dumps(needle.value, ensure_ascii=False)[1:-1],
                 json.dumps(needle.value)[1:-1]}
        for form in sorted(forms, key=len, reverse=True):
            long_enough = len(needle.value.strip()) >= SUBSTRING_MIN
            find = form if long_enough else f'"{form}"'
            replace = needle.replacement if long_enough else f'"{needle.replacement}"'
            if find not in seen:
                seen.add(find)
                pairs.append((find, replace, True))
            if not long_enough and form not in seen:  # the whole value of a text column
                seen.add(form)
                pairs.append((form, needle.replacement, False))
    return pairs


def scrub_text(text: str, pairs: list[tuple[str, str, bool]]) -> str:
    for find, replace, substring in pairs:
        if substring:
            text = text.replace(find, replace)
        elif text == find:
            text = replace
    return text


async def _scrub_column(sql: Sql, table: str, column: str, info: ColumnInfo, pairs: list[tuple[str, str, bool]],
                        only: tuple[str, list[Any]] | None = None) -> int:
    """Replace the needles in one column; `only`: a further condition (SQL numbered from $3, its
    parameters) such as the person's own rows."""
    name, text = ident(table), sql.as_text(ident(column))
    finds = [f for f, _, substring in pairs if substring]
    wholes = [f for f, _, substring in pairs if not substring]
    if sql.pg:
        query = (f'SELECT ctid::text AS k, {text} AS v FROM "{name}" '  # noqa: S608
                 f'WHERE (EXISTS (SELECT 1 FROM unnest($1::text[]) AS f(x) WHERE strpos({text}, f.x) > 0) '
                 f'OR {text} = ANY($2::text[]))')
        params: list[Any] = [finds, wholes]
        update = f'UPDATE "{name}" SET "{column}" = {sql.value(1, info)} WHERE ctid = CAST($2::text AS tid)'  # noqa: S608
    else:
        conditions = [f"instr({text}, ?) > 0" for _ in finds] + [f"{text} = ?" for _ in wholes]
        query = f'SELECT rowid AS k, {text} AS v FROM "{name}" WHERE ({" OR ".join(conditions)})'  # noqa: S608
        params = [*finds, *wholes]
        update = f'UPDATE "{name}" SET "{column}" = ? WHERE rowid = ?'  # noqa: S608
    if only is not None:
        query += f" AND {only[0]}"
        params += only[1]
    if sql.pg:
        query += " FOR UPDATE"
    changed = 0
    for row in await sql.rows(query, params):
        before = row["v"]
        if before is None:
            continue
        after = scrub_text(str(before), pairs)
        if after != before:
            await sql.execute(update, [after, row["k"]])
            changed += 1
    return changed
