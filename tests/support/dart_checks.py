"""What a Flutter developer needs from the generated Dart models (issue 16's acceptance), as
checks that list every offending field, so a failure says exactly what to fix in the document.
Each returns `["<DartClass>.<wire_name>: <why>", ...]`; empty means the check holds."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from tests.support.dart_client import DartClient, DartModel

# Timestamps by name: `*_at`, `at`, and these. A name alone is not proof, so the few fields
# that share a timestamp's name but are something else are listed below, with what they are.
TIMESTAMP_NAMES = frozenset(
    {
        "at",
        "until",
        "start",
        "end",
        "last_seen",
        "scheduled_start",
        "scheduled_end",
        "proposed_start",
        "desired_start",
        "desired_end",
        "window_start",
        "window_end",
        "release_after",
        "capture_before",
        "decide_by",
    }
)
NOT_TIMESTAMPS: dict[str, tuple[str, frozenset[str]]] = {
    # schema name prefix: (what the fields are, which fields)
    "QuietHours": ("local clock times HH:MM", frozenset({"start", "end"})),
    "WeeklyWindow": ("local clock times HH:MM", frozenset({"start", "end"})),
    "ScheduleException": ("local clock times HH:MM of a day off or changed", frozenset({"start", "end"})),
    "DocumentFieldsIn": ("text as printed on an uploaded document, read by a person", frozenset({"start"})),
}

# Fields that name a closed set the apps switch on: each must be a named enum component.
ENUM_NAMES = frozenset(
    {
        "state",
        "from_state",
        "to_state",
        "kind",
        "role",
        "roles",
        "platform",
        "collection",
        "collections",
    }
)

# Schemas that carry what a socket event or a push delivers (their REST twins are the same
# representation): `feed:item {item}`, `message:new {message}`, `message:read`,
# `dispute:update {dispute}`, and a notification's `data`. Any schema named `*Event` too.
EVENT_PAYLOADS = frozenset({"FeedItemOut", "MessageView", "ReadState", "DisputeOut", "NotificationOut"})

JSON_OBJECT = "JsonObject"
# A Dart class name that starts with a project package and one of its module folders.
MODULE_PATH = re.compile(
    r"(Rest|Domain|Realtime|Sync|Push|Bus|Infra|App)(Schemas|Handlers|Models|Views|Payloads|Events)[A-Z]"
)


def is_timestamp(schema: str, wire: str) -> bool:
    if not (wire.endswith("_at") or wire in TIMESTAMP_NAMES):
        return False
    return not any(schema.startswith(prefix) and wire in names for prefix, (_, names) in NOT_TIMESTAMPS.items())


def untyped_timestamps(client: DartClient) -> list[str]:
    return sorted(
        f"{model.name}.{f.wire}: {f.type}, not DateTime"
        for model in client.models.values()
        for f in model.fields
        if is_timestamp(model.schema, f.wire) and f.element != "DateTime"
    )


def anonymous_enums(client: DartClient) -> list[str]:
    problems = []
    for model in client.models.values():
        for f in model.fields:
            if f.wire not in ENUM_NAMES:
                continue
            enum = client.enums.get(f.element)
            if enum is None:
                problems.append(f"{model.name}.{f.wire}: {f.type}, not an enum")
            elif not enum.named and enum.values > 1:  # a one-value enum is a union's tag, not a set
                problems.append(f"{model.name}.{f.wire}: {f.element}, an inline enum without a component name")
    return sorted(problems)


def module_path_names(client: DartClient, document: dict[str, Any]) -> list[str]:
    """pydantic names a model after its module (`rest__schemas__messaging__ReviewIn`) when two
    models share a class name; the Dart class then reads `RestSchemasMessagingReviewIn`."""
    names = [f"schema {name}" for name in document["components"]["schemas"] if "__" in name]
    names += [f"class {model.name}" for model in client.models.values() if MODULE_PATH.match(model.name)]
    return sorted(names)


def untyped_sync_rows(client: DartClient, collections: Iterable[str]) -> list[str]:
    """`Sync<Collection>Row` per synced collection, and `ChangeOut` a union whose variants
    carry those rows in `data` (PullOut.changes is then parsed without a JsonObject)."""
    problems = []
    rows = {model.name.lower(): model for model in client.models.values() if re.fullmatch(r"Sync\w+Row", model.name)}
    for collection in collections:
        wanted = "Sync" + "".join(part.capitalize() for part in collection.split("_")) + "Row"
        if wanted.lower() not in rows:
            problems.append(f"{wanted}: no model for the synced collection {collection!r}")
    change = client.by_schema("ChangeOut")
    if change is None:
        return [*problems, "ChangeOut: no model"]
    variants = [client.models[name] for name in change.one_of.values() if name in client.models] or [change]
    for variant in variants:
        data = next((f for f in variant.fields if f.wire == "data"), None)
        if data is None:
            problems.append(f"{variant.name}: no `data` field")
        elif data.element.lower() not in rows:
            problems.append(f"{variant.name}.data: {data.type}, not a Sync*Row model")
    return sorted(problems)


def json_objects_in_event_payloads(client: DartClient) -> list[str]:
    """Every JsonObject reachable from an event payload model, through the models it nests."""
    roots = [
        model for model in client.models.values() if model.schema in EVENT_PAYLOADS or model.schema.endswith("Event")
    ]
    problems: set[str] = set()
    seen: set[str] = set()

    def walk(model: DartModel, path: str) -> None:
        if model.name in seen:
            return
        seen.add(model.name)
        for f in model.fields:
            if f.element == JSON_OBJECT:
                problems.add(f"{path}.{f.wire}: {f.type}")
            elif f.element in client.models:
                walk(client.models[f.element], f"{path}.{f.wire}")
        for variant in model.one_of.values():
            if variant in client.models:
                walk(client.models[variant], f"{path}<{variant}>")

    for root in roots:
        walk(root, root.name)
    return sorted(problems)
