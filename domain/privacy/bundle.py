"""The data-subject export bundle (Art. 15/20): one JSON document, built from the personal-data
registry alone, so whatever a table declares is exported without code here.

    bundle = await build_bundle(REGISTRY, user_id, export_id, region)
    data = bundle.model_dump_json().encode()

Layout (published as docs/privacy-export.schema.json, generated from the models below):
`manifest` (who, when, which registry, which contexts) and `contexts`, one section per bounded
context of `REGISTRY.exported()`, each with its tables; a table lists its rows about the user.

Which rows: every row of an exported, keyed table where the user's id is in the table's
`subject` column (the row IS the user's for `subject=None`) or in one of its `also_subjects`.

Which columns of a row:
- the primary key, the columns naming people (`subject`, `also_subjects`), other id and foreign
  key columns, and timestamps (dates and times): what the row is and when;
- the columns the registry declares with `export=True`, when the user is the row's subject
  (their own message, booking, review): THE RULE FOR ROWS ABOUT SEVERAL PEOPLE is that a row
  where the user is only an also-subject (an admin's audit record about them, a dispute they are
  a party to but did not open for themselves, a membership they invited someone to) is listed
  with its ids and times but without the declared personal columns: those are the main
  subject's data (their IP, their statement, their role). The table's `withheld` names them.
- never a column declared `export=False` (password hashes, sealed numbers, row copies), nor any
  other undeclared column (states, amounts and flags are not the person's data by the registry).

Messages the user received are the senders' rows (subject `sender_id`): they are not exported,
as the counterparty's content; the user's own messages are. Rows about nobody (unkeyed tables:
the outbox, the sync op log) are copies of the rows above and are not exported again.
"""

from __future__ import annotations

import base64
import hashlib
import json
import sys
from collections.abc import Iterable
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import Any, Literal
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field, JsonValue
from tortoise import Tortoise, fields
from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.expressions import Q
from tortoise.fields.relational import RelationalField

from domain.privacy.declarations import REGISTRY
from domain.privacy.registry import Registry, Table
from domain.shared import clock
from domain.shared.orm import Model

FORMAT: Literal["fieldsync.privacy-export"] = "fieldsync.privacy-export"
FORMAT_VERSION: Literal[1] = 1
SCHEMA_ID = "https://fieldsync.dev/schemas/privacy-export.schema.json"
SCHEMA_PATH = "docs/privacy-export.schema.json"
ROW_RULE = ("Rows where you are the subject carry every exported column; rows where you are only an "
            "also-subject (named in another person's row) carry ids and times, not that person's data.")


class ExportRow(BaseModel):
    model_config = ConfigDict(extra="forbid")

    about_you_as: list[str] = Field(min_length=1, description=(
        "The columns of this row that name you ('id' when the row is your account); the first is the "
        "table's subject column when the row is yours."))
    values: dict[str, JsonValue] = Field(description=(
        "Column name to value: UUIDs and times as strings (RFC 3339), decimals as strings, JSON as JSON."))


class ExportTable(BaseModel):
    model_config = ConfigDict(extra="forbid")

    table: str = Field(description="The database table.")
    purpose: str = Field(description="Why it is kept (the record of processing, docs/privacy.md).")
    subject: str = Field(description="The column naming the person a row is about ('id': the row is the person).")
    also_subjects: list[str] = Field(description="Other columns naming people a row is also about.")
    columns: list[str] = Field(description="Every column a row of this table may carry here, in order.")
    withheld: list[str] = Field(description=(
        "Personal columns left out of rows where you are only an also-subject (another person's data)."))
    rows: list[ExportRow]


class ExportSection(BaseModel):
    model_config = ConfigDict(extra="forbid")

    context: str = Field(description="The bounded context owning these tables (accounts, bookings, ...).")
    row_count: int = Field(ge=0)
    tables: list[ExportTable]


class ExportManifest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    format: Literal["fieldsync.privacy-export"]
    format_version: Literal[1]
    export_id: str = Field(pattern=r"^[0-9a-f-]{36}$")
    user_id: str = Field(pattern=r"^[0-9a-f-]{36}$")
    region: str | None = Field(description="The data region of the account when the export was requested.")
    generated_at: datetime
    registry_version: str = Field(pattern=r"^[0-9a-f]{16}$", description=(
        "A digest of the personal-data registry the bundle was built from: the same value, the same layout."))
    contexts: list[str] = Field(description="Every context of the bundle (a section each), with rows or without.")
    row_rule: str = Field(description="Which columns a row carries (see the schema's description).")


class ExportBundle(BaseModel):
    """A Fieldsync data-subject export: your personal data per bounded context, from the registry."""

    model_config = ConfigDict(extra="forbid", title="Fieldsync privacy export")

    manifest: ExportManifest
    contexts: list[ExportSection]


def registry_version(registry: Registry = REGISTRY) -> str:
    """What the bundle's layout follows from: the exported tables, their subjects and columns."""
    shape = [[t.name, t.context, t.subject, t.subject_format, list(t.also_subjects),
              [[c.name, c.category.value, c.export] for c in t.columns]] for t in registry.tables]
    return hashlib.sha256(json.dumps(shape, sort_keys=True).encode()).hexdigest()[:16]


def exported_tables(registry: Registry = REGISTRY) -> list[Table]:
    """The tables an export reads: exported columns and a column (or the id) naming the person."""
    return [t for t in registry.exported() if t.keyed]


def exported_contexts(registry: Registry = REGISTRY) -> list[str]:
    return sorted({t.context for t in exported_tables(registry)})


def _models_by_table() -> dict[str, type[Model]]:
    found: dict[str, type[Model]] = {}
    for app in Tortoise.apps.values():
        for model in app.values():
            table = model._meta.db_table
            size = len(model._meta.fields_db_projection)
            if table not in found or size > len(found[table]._meta.fields_db_projection):
                found[table] = model
    return found


def _person_columns(table: Table, pk_column: str) -> list[str]:
    return [table.subject or pk_column, *table.also_subjects]


def _kept_always(column: str, field: fields.Field[Any], people: list[str], pk_column: str) -> bool:
    """Ids and times: what a row is and when, whoever it is about."""
    return (column == pk_column or column in people or isinstance(field, (fields.DatetimeField, fields.DateField))
            or isinstance(field, fields.UUIDField) or column.endswith("_id"))


class _Plan:
    """How one table is read: the model, the columns, which are personal."""

    def __init__(self, table: Table, model: type[Model]) -> None:
        meta = model._meta
        self.table, self.model = table, model
        self.field_of: dict[str, str] = {}  # database column -> model field name
        columns: list[str] = []
        self.personal: list[str] = []
        pk_column = meta.fields_db_projection[meta.pk_attr]
        self.pk_field = meta.pk_attr
        self.people = _person_columns(table, pk_column)
        for name, column in meta.fields_db_projection.items():
            field = meta.fields_map[name]
            if isinstance(field, RelationalField):
                continue
            declared = table.column(column)
            if column in self.people:
                pass  # who the row is about: always shown (the user's own id, or another's)
            elif declared is not None:
                if not declared.export:
                    continue
                if not _kept_always(column, field, [], pk_column):
                    self.personal.append(column)
            elif not _kept_always(column, field, self.people, pk_column):
                continue
            self.field_of[column] = name
            columns.append(column)
        self.columns = columns
        missing = [c for c in self.people if c not in self.field_of]
        if missing:
            raise LookupError(f"{table.name}: the registry names columns the model lacks: {missing}")

    async def rows(self, user_id: str, conn: BaseDBAsyncClient | None) -> list[ExportRow]:
        value = self.table.subject_value(user_id)
        condition = Q()
        for column in self.people:
            condition |= Q(**{self.field_of[column]: value})
        found = await self.model.filter(condition).using_db(conn).order_by(self.pk_field).values(
            *(self.field_of[c] for c in self.columns))
        rows = []
        for found_row in found:
            values = {c: found_row[self.field_of[c]] for c in self.columns}
            about = [c for c in self.people if _text(values.get(c)) == value]
            if not about:  # a text column compared loosely by the database (case, padding): not theirs
                continue
            if about[0] != self.people[0]:  # only an also-subject: another person's row
                for column in self.personal:
                    values.pop(column, None)
            rows.append(ExportRow(about_you_as=about, values={c: _jsonable(v) for c, v in values.items()}))
        return rows


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


def _jsonable(value: Any) -> JsonValue:
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, Enum):
        return _jsonable(value.value)
    if isinstance(value, datetime):
        return clock.isoformat(value) if value.tzinfo else value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (UUID, Decimal)):
        return str(value)
    if isinstance(value, (bytes, bytearray, memoryview)):
        return base64.b64encode(bytes(value)).decode()
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [_jsonable(v) for v in value]
    return str(value)


def plans(registry: Registry = REGISTRY) -> list[_Plan]:
    """One plan per exported table; a declared table without a model is an error (the registry
    test checks the names, this is the last line)."""
    models = _models_by_table()
    missing = [t.name for t in exported_tables(registry) if t.name not in models]
    if missing:
        raise LookupError(f"the registry names tables without a model: {missing}")
    return [_Plan(t, models[t.name]) for t in exported_tables(registry)]


async def build_bundle(user_id: str, export_id: str, region: str | None, registry: Registry = REGISTRY,
                       conn: BaseDBAsyncClient | None = None) -> ExportBundle:
    by_context: dict[str, list[ExportTable]] = {c: [] for c in exported_contexts(registry)}
    for plan in plans(registry):
        t = plan.table
        by_context[t.context].append(ExportTable(
            table=t.name, purpose=t.purpose, subject=plan.people[0], also_subjects=list(t.also_subjects),
            columns=plan.columns, withheld=plan.personal if t.also_subjects else [],
            rows=await plan.rows(user_id, conn)))
    sections = [ExportSection(context=c, row_count=sum(len(t.rows) for t in tables), tables=tables)
                for c, tables in by_context.items()]
    manifest = ExportManifest(
        format=FORMAT, format_version=FORMAT_VERSION, export_id=export_id, user_id=user_id, region=region,
        generated_at=clock.utcnow(), registry_version=registry_version(registry), contexts=list(by_context),
        row_rule=ROW_RULE)
    return ExportBundle(manifest=manifest, contexts=sections)


def contexts_with_rows(bundle: ExportBundle) -> set[str]:
    return {s.context for s in bundle.contexts if s.row_count}


def json_schema() -> dict[str, Any]:
    """The published schema of the bundle (docs/privacy-export.schema.json)."""
    schema = ExportBundle.model_json_schema(mode="serialization")
    doc = __doc__ or ""
    description = doc[doc.index("Which rows:"):].strip()
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": SCHEMA_ID, **schema,
            "description": description}


def schema_text() -> str:
    return json.dumps(json_schema(), indent=2, sort_keys=False) + "\n"


def main(argv: Iterable[str]) -> int:
    """python -m domain.privacy.bundle [--write PATH | --check PATH]: print, refresh or check the schema."""
    args = list(argv)
    if len(args) == 2 and args[0] in ("--write", "--check"):
        path = Path(args[1])
        if args[0] == "--write":
            path.write_text(schema_text())
            return 0
        if not path.exists() or path.read_text() != schema_text():
            sys.stderr.write(f"{path} is stale: run `python -m domain.privacy.bundle --write {path}`\n")
            return 1
        return 0
    if args:
        sys.stderr.write("usage: python -m domain.privacy.bundle [--write PATH | --check PATH]\n")
        return 2
    sys.stdout.write(schema_text())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
