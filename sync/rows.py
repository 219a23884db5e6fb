"""The row model of each synced collection (`Sync<Collection>Row`), made from its declaration in
sync/collections.py and the ORM columns it reads: the one source of truth of what a pulled row
holds, published in OpenAPI (rest/schemas/sync.py) and docs/sync.md (sync/docs.py).

A plain column takes its ORM type and nullability (a state column its domain StrEnum, so the
REST and sync schemas share one named enum); anything else declares its type in the registry
(`typed`, `expr`, `money`, `rating` in sync/spec.py). Every key is always present in a row.
"""

from __future__ import annotations

import importlib
from datetime import datetime
from typing import Any
from uuid import UUID

from pydantic import BaseModel, ConfigDict, create_model
from pydantic import Field as PydanticField
from tortoise import fields as tf

from domain.shared.orm import Model
from sync.collections import COLLECTIONS
from sync.shapes import SyncMoney
from sync.spec import Collection, Field

MODEL_MODULES = (
    "domain.accounts.models",
    "domain.zones.models",
    "domain.catalog.models",
    "domain.profiles.models",
    "domain.bookings.models",
    "domain.jobs.models",
    "domain.reviews.models",
    "domain.feed.models",
    "domain.notifications.models",
    "domain.messaging.models",
    "domain.finance.cases.models",
    "domain.finance.balances.models",
    "domain.finance.payouts.models",
    "domain.media.models",
    "domain.disputes.models",
    "domain.verification.models",
    "domain.flags.models",
)

# ORM field class -> the JSON value's Python type (first match wins: subclasses first).
_TYPES: tuple[tuple[type[Any], type[Any]], ...] = (
    (tf.UUIDField, UUID),
    (tf.DatetimeField, datetime),
    (tf.BooleanField, bool),
    (tf.FloatField, float),
    (tf.BigIntField, int),
    (tf.IntField, int),
    (tf.SmallIntField, int),
    (tf.TextField, str),
    (tf.CharField, str),
)


class UntypedColumn(TypeError):
    """A synced field whose JSON type the registry does not say (a JSON column, an expression)."""


def table_models() -> dict[str, type[Model]]:
    """Every ORM model by table name."""
    for module in MODEL_MODULES:
        importlib.import_module(module)
    found: dict[str, type[Model]] = {}
    pending = list(Model.__subclasses__())
    while pending:
        model = pending.pop()
        pending += model.__subclasses__()
        if not model._meta.abstract:
            found[model._meta.db_table] = model
    return found


def orm_field(model: type[Model], column: str) -> Any:
    """The ORM field of a column (a foreign key's `<name>_id` column is its relation)."""
    fields_map = model._meta.fields_map
    relation = fields_map.get(column[:-3]) if column.endswith("_id") else None
    if relation is not None and hasattr(relation, "model_name"):
        return relation
    return fields_map[column]


def column_type(model: type[Model], column: str) -> tuple[Any, bool]:
    """(Python type, nullable) of a plain column."""
    field = orm_field(model, column)
    if hasattr(field, "model_name"):  # a foreign key: the type of its target's primary key
        target = str(field.model_name).rsplit(".", 1)[-1]
        (pk,) = {m._meta.fields_map[m._meta.pk_attr] for m in _TABLES.values() if m.__name__ == target}
        return (str if isinstance(pk, tf.CharField) else UUID), bool(field.null)
    enum = getattr(field, "enum_type", None)
    if enum is not None:
        return enum, bool(field.null)
    for kind, python in _TYPES:
        if isinstance(field, kind):
            return python, bool(field.null)
    raise UntypedColumn(f"{model._meta.db_table}.{column} ({type(field).__name__}): declare its type with typed()")


def field_type(model: type[Model], item: Field) -> Any:
    if item.type is SyncMoney:  # money(): null exactly when its amount column is
        _, nullable = column_type(model, item.columns[0])
        return SyncMoney | None if nullable else SyncMoney
    if item.type is not None:
        return item.type
    if len(item.columns) != 1:
        raise UntypedColumn(f"{item.key}: an expression must declare its type (expr(..., kind=...))")
    python, nullable = column_type(model, item.columns[0])
    return python | None if nullable else python


def description(model: type[Model], item: Field) -> str | None:
    if item.doc:
        return item.doc
    field = orm_field(model, item.columns[0]) if len(item.columns) == 1 else None
    if field is None or getattr(field, "enum_type", None) is not None:
        return None
    return getattr(field, "description", None) or None


def model_name(collection: Collection) -> str:
    return "Sync" + "".join(part.capitalize() for part in collection.name.split("_")) + "Row"


def row_model(collection: Collection, model: type[Model]) -> type[BaseModel]:
    definitions: dict[str, Any] = {
        item.key: (field_type(model, item), PydanticField(description=description(model, item)))
        for item in collection.fields
    }
    return create_model(
        model_name(collection),
        __config__=ConfigDict(extra="forbid"),
        __doc__=collection.doc,
        __module__=__name__,
        **definitions,
    )


_TABLES = table_models()
ROW_MODELS: dict[str, type[BaseModel]] = {c.name: row_model(c, _TABLES[c.table]) for c in COLLECTIONS}
