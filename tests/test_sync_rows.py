"""Typed sync rows (issue 16): each collection's row model (`Sync<Collection>Row`) is made from
its registry declaration, published in OpenAPI with `ChangeOut` discriminated on `collection`,
and every row the database captures and a pull serves validates against it."""

from __future__ import annotations

import typing
from datetime import datetime
from enum import StrEnum
from typing import Any

import orjson
from aiohttp.test_utils import TestClient

from app.seed import DEMO_PASSWORD, demo_email
from sync.changes import Change
from sync.collections import COLLECTIONS
from sync.rows import ROW_MODELS, model_name
from tests.support.identity import login
from tests.support.sync import Replica
from tests.support.sync_schema import change_validator, invalid_changes, openapi
from tests.test_sync_capture import APPEND_ONLY, FACTORIES, _ops
from tests.test_sync_rest_parity import LOGINS, demo

__all__ = ["demo"]


def _leaves(annotation: Any) -> set[Any]:
    """The types a field's annotation is made of (through unions, lists and dicts)."""
    args = typing.get_args(annotation)
    if not args:
        return {annotation}
    found: set[Any] = set()
    for arg in args:
        found |= _leaves(arg)
    return found


def test_each_row_model_has_exactly_the_fields_its_collection_captures() -> None:
    for collection in COLLECTIONS:
        model = ROW_MODELS[collection.name]
        assert model.__name__ == model_name(collection)
        assert list(model.model_fields) == [f.key for f in collection.fields], collection.name
        for key, info in model.model_fields.items():
            assert info.is_required(), f"{collection.name}.{key}: every key is in every row"
            # A flag's value is any JSON its kind allows (bool, int, string or a JSON document), and
            # its targeting rules are documents of docs/flags.md.
            assert Any not in _leaves(info.annotation) or key in ("data", "summary") \
                or (collection.name, key) in {("config", "value"), ("config", "rules")}, (
                f"{collection.name}.{key}: declare its JSON type"
            )
        state = model.model_fields.get("state")
        if state is not None:
            assert isinstance(state.annotation, type) and issubclass(state.annotation, StrEnum), collection.name
        for key in (f.key for f in collection.fields if f.sql.startswith("sync_ts(")):
            assert datetime in _leaves(model.model_fields[key].annotation), f"{collection.name}.{key}"


async def test_the_spec_has_a_row_schema_per_collection_and_changes_discriminated_by_it(client: TestClient) -> None:
    document = await openapi(client)
    schemas = document["components"]["schemas"]
    changes = schemas["PullOut"]["properties"]["changes"]["items"]
    assert changes == {"$ref": "#/components/schemas/ChangeOut"}
    change = schemas["ChangeOut"]
    mapping = change["discriminator"]["mapping"]
    assert change["discriminator"]["propertyName"] == "collection"
    assert set(mapping) == {c.name for c in COLLECTIONS}
    assert sorted(v["$ref"] for v in change["oneOf"]) == sorted(mapping.values())
    for collection in COLLECTIONS:
        variant = schemas[mapping[collection.name].rsplit("/", 1)[-1]]
        assert variant["properties"]["collection"]["const"] == collection.name
        row = schemas[model_name(collection)]
        assert list(row["properties"]) == [f.key for f in collection.fields]
        assert set(row["required"]) == set(row["properties"]) and row["additionalProperties"] is False
        assert {"$ref": f"#/components/schemas/{model_name(collection)}"} in variant["properties"]["data"]["anyOf"]
    bookings = schemas["SyncBookingsRow"]["properties"]
    assert bookings["state"] == {"$ref": "#/components/schemas/BookingState"}
    assert bookings["created_at"]["format"] == "date-time"
    assert {"format": "date-time", "type": "string"} in bookings["scheduled_start"]["anyOf"]
    assert {"type": "null"} in bookings["scheduled_start"]["anyOf"]
    assert schemas["SyncJobsRow"]["properties"]["state"] == {"$ref": "#/components/schemas/JobState"}
    assert schemas["SyncBidsRow"]["properties"]["state"] == {"$ref": "#/components/schemas/BidState"}
    assert not [name for name in schemas if "__" in name and name.startswith("Sync")]


async def test_every_collection_row_validates_from_insert_through_update_to_delete(client: TestClient) -> None:
    """Each collection's row as captured on insert, on a bulk update and its tombstone on delete,
    in the wire shape pull sends (sync/changes.py), against the app's own OpenAPI document."""
    validator = change_validator(await openapi(client))
    wired: list[dict[str, Any]] = []
    for name in sorted(FACTORIES):
        model, create, field, value = FACTORIES[name]
        pk = await create()
        if name not in APPEND_ONLY:  # (the database refuses to change or delete those)
            await model.filter(pk=pk).update(**{field: value})
            await model.filter(pk=pk).delete()
        ops = await _ops(name, pk)
        assert {op.op for op in ops} == ({"u"} if name in APPEND_ONLY else {"u", "d"}), name
        wired += [orjson.loads(orjson.dumps(Change(name, pk, op.op, op.version, op.data).wire())) for op in ops]
    assert not invalid_changes(validator, wired), "\n".join(invalid_changes(validator, wired))
    assert {c["collection"] for c in wired} == set(FACTORIES)
    # The check has teeth: a state outside its enum, a timestamp without a zone, a missing key.
    booking = next(c for c in wired if c["collection"] == "bookings" and c["op"] == "upsert")
    broken = [
        {**booking, "data": {**booking["data"], "state": "lost"}},
        {**booking, "data": {**booking["data"], "created_at": "yesterday"}},
        {**booking, "data": {k: v for k, v in booking["data"].items() if k != "version"}},
    ]
    assert len(invalid_changes(validator, broken)) == 3


async def test_every_change_the_demo_users_pull_validates(demo: TestClient) -> None:
    """The whole demo marketplace, as each role pulls it: every row of every collection a
    generated client would parse."""
    validator = change_validator(await openapi(demo))
    seen: set[str] = set()
    for name in LOGINS:
        replica = Replica(await login(demo, demo_email(name), DEMO_PASSWORD))
        await replica.catch_up(demo, limit=200)
        assert replica.changes, name
        problems = invalid_changes(validator, replica.changes)
        assert not problems, f"{name}:\n" + "\n".join(problems[:30])
        seen |= {change["collection"] for change in replica.changes}
    assert len(seen) >= 15, sorted(seen)  # the demo fills most collections
