"""Issue 16: the Dart client the Flutter apps generate from our OpenAPI document (openapi-generator
`dart-dio`, as docs/clients/flutter.md tells them) is typed: no schema the generator had to name
itself, `DateTime` for every timestamp, a named enum for every state, kind, role, platform and
collection, no class named after a Python module, typed sync rows and event payloads.

The document is built in-process from the mounted route tables (tests/support/openapi_document.py)
and the generator runs once per module (~15 s). It needs Java: without it these tests FAIL with a
message, unless FIELDSYNC_SKIP_JAVA_TESTS=1 (tests/support/dart_client.py). No Dart SDK is used:
the generated code is read, not compiled.

The checks themselves are tested on small literal Dart files (the `*_check_*` tests), so a check
that silently matched nothing would fail there.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from sync.collections import COLLECTIONS
from tests.support import dart_checks
from tests.support.dart_client import DartClient, generate, read_models, schema_key
from tests.support.openapi_document import openapi_document

pytestmark = pytest.mark.timeout(300)



@pytest.fixture(scope="module")
def document() -> dict[str, Any]:
    return openapi_document()


@pytest.fixture(scope="module")
def client(document: dict[str, Any], tmp_path_factory: pytest.TempPathFactory) -> DartClient:
    directory = tmp_path_factory.mktemp("dart")
    path = directory / "openapi.json"
    path.write_text(json.dumps(document))
    return generate(path, directory / "client")


def problems(found: list[str], what: str) -> str:
    return f"{len(found)} {what}:\n  " + "\n  ".join(found)


# -- the generated client ---------------------------------------------------------------------


def test_every_component_schema_becomes_a_dart_model_with_every_property(client, document):
    """The reading of the generated code sees everything: without this, the checks below could
    pass on a parse that found nothing."""
    schemas = document["components"]["schemas"]
    objects = {schema_key(name): name for name, schema in schemas.items() if "properties" in schema}
    generated = {schema_key(model.schema): model for model in client.models.values()}
    # The generator folds structural duplicates into one model (it logs each one).
    folded = {key for key, name in objects.items() if f"'{name}' (structural duplicate" in client.log}
    missing = sorted(objects[key] for key in set(objects) - folded - set(generated))
    assert not missing, missing
    for key, name in objects.items():
        if key in generated:
            assert {f.wire for f in generated[key].fields} == set(schemas[name]["properties"]), name
    assert len(client.models) > 150 and sum(len(m.fields) for m in client.models.values()) > 1000


def test_the_generator_names_no_schema_itself(client):
    """An inline object or union the generator must name (`ZonePatchIn_geometry`,
    `inline_object`, `*_request`, `*_200_response`) becomes a class nobody chose a name for.
    (Its WARN "Failed to get the schema name: null" is not one: `additionalProperties: false`
    triggers it, a generator quirk with no effect on the output.)"""
    assert not client.inline_schemas, problems(client.inline_schemas, "schemas named by the generator")


def test_every_timestamp_is_a_datetime(client):
    found = dart_checks.untyped_timestamps(client)
    assert not found, problems(found, "timestamps the app would parse by hand")


def test_every_state_kind_role_platform_and_collection_is_a_named_enum(client):
    found = dart_checks.anonymous_enums(client)
    assert not found, problems(found, "fields that should be a named enum component")


def test_no_class_is_named_after_a_python_module(client, document):
    found = dart_checks.module_path_names(client, document)
    assert not found, problems(found, "names made from module paths")


def test_sync_rows_are_typed_per_collection(client):
    found = dart_checks.untyped_sync_rows(client, [c.name for c in COLLECTIONS])
    assert not found, problems(found, "sync rows without a type")


def test_event_payloads_hold_no_json_object(client):
    found = dart_checks.json_objects_in_event_payloads(client)
    assert not found, problems(found, "untyped parts of event payloads")


# -- the checks, on literal Dart ---------------------------------------------------------------

MODEL = """
abstract class {name} implements Built<{name}, {name}Builder> {{
{fields}
  @override
  final String wireName = r'{schema}';
}}
"""
ENUM = "class {name} extends EnumClass {{\n{values}\n}}\n"


def dart_field(wire: str, dart_type: str) -> str:
    return f"  @BuiltValueField(wireName: r'{wire}')\n  {dart_type} get x;\n"


def enum_values(count: int) -> str:
    return "\n".join(f"  @BuiltValueEnumConst(wireName: r'v{n}')" for n in range(count))


def write_models(directory: Path, files: dict[str, str]) -> DartClient:
    for stem, text in files.items():
        (directory / f"{stem}.dart").write_text(text)
    return read_models(directory)


def test_timestamp_check_flags_strings_and_spares_clock_times(tmp_path):
    client = write_models(
        tmp_path,
        {
            "booking_out": MODEL.format(
                name="BookingOut",
                schema="BookingOut",
                fields="".join(
                    [
                        dart_field("created_at", "String"),
                        dart_field("scheduled_start", "String?"),
                        dart_field("updated_at", "DateTime"),
                        dart_field("history", "BuiltList<DateTime>?"),
                        dart_field("address", "String"),
                    ]
                ),
            ),
            "quiet_hours_out": MODEL.format(
                name="QuietHoursOut",
                schema="QuietHoursOut",
                fields=dart_field("start", "String") + dart_field("updated_at", "String"),
            ),
        },
    )
    assert dart_checks.untyped_timestamps(client) == [
        "BookingOut.created_at: String, not DateTime",
        "BookingOut.scheduled_start: String?, not DateTime",
        "QuietHoursOut.updated_at: String, not DateTime",
    ]


def test_enum_check_wants_named_components_and_tolerates_a_union_tag(tmp_path):
    client = write_models(
        tmp_path,
        {
            "booking_out": MODEL.format(
                name="BookingOut",
                schema="BookingOut",
                fields="".join(
                    [
                        dart_field("state", "BookingState"),
                        dart_field("kind", "BookingOutKindEnum"),
                        dart_field("role", "String"),
                        dart_field("roles", "BuiltList<Role>"),
                    ]
                ),
            )
            + ENUM.format(name="BookingOutKindEnum", values=enum_values(2)),
            "bookings_change": MODEL.format(
                name="BookingsChange",
                schema="BookingsChange",
                fields=dart_field("collection", "BookingsChangeCollectionEnum"),
            )
            + ENUM.format(name="BookingsChangeCollectionEnum", values=enum_values(1)),
            "booking_state": ENUM.format(name="BookingState", values=enum_values(3)),
            "role": ENUM.format(name="Role", values=enum_values(5)),
        },
    )
    assert dart_checks.anonymous_enums(client) == [
        "BookingOut.kind: BookingOutKindEnum, an inline enum without a component name",
        "BookingOut.role: String, not an enum",
    ]


def test_sync_row_check_follows_the_change_union(tmp_path):
    union = MODEL.format(name="ChangeOut", schema="ChangeOut", fields="") + (
        "  OneOf get oneOf;\n  static const Map<String, Type> discriminatorMapping = {\n"
        "    r'bookings': BookingsChange,\n    r'jobs': JobsChange,\n  };\n"
    )
    client = write_models(
        tmp_path,
        {
            "change_out": union,
            "bookings_change": MODEL.format(
                name="BookingsChange", schema="BookingsChange", fields=dart_field("data", "SyncBookingsRow?")
            ),
            "jobs_change": MODEL.format(
                name="JobsChange", schema="JobsChange", fields=dart_field("data", "BuiltMap<String, JsonObject?>?")
            ),
            "sync_bookings_row": MODEL.format(
                name="SyncBookingsRow", schema="SyncBookingsRow", fields=dart_field("id", "String")
            ),
        },
    )
    assert dart_checks.untyped_sync_rows(client, ["bookings", "read_states"]) == [
        "JobsChange.data: BuiltMap<String, JsonObject?>?, not a Sync*Row model",
        "SyncReadStatesRow: no model for the synced collection 'read_states'",
    ]


def test_event_payload_check_walks_nested_models(tmp_path):
    client = write_models(
        tmp_path,
        {
            "dispute_out": MODEL.format(
                name="DisputeOut", schema="DisputeOut", fields=dart_field("timeline", "BuiltList<EntryOut>")
            ),
            "entry_out": MODEL.format(
                name="EntryOut", schema="EntryOut", fields=dart_field("data", "BuiltMap<String, JsonObject?>")
            ),
            "audit_out": MODEL.format(name="AuditOut", schema="AuditOut", fields=dart_field("before", "JsonObject")),
            "presence_update_event": MODEL.format(
                name="PresenceUpdateEvent", schema="PresenceUpdateEvent", fields=dart_field("extra", "JsonObject?")
            ),
        },
    )
    assert dart_checks.json_objects_in_event_payloads(client) == [
        "DisputeOut.timeline.data: BuiltMap<String, JsonObject?>",
        "PresenceUpdateEvent.extra: JsonObject?",
    ]


def test_module_path_check(tmp_path):
    client = write_models(
        tmp_path,
        {
            "rest_schemas_messaging_review_in": MODEL.format(
                name="RestSchemasMessagingReviewIn", schema="rest__schemas__messaging__ReviewIn", fields=""
            ),
            "review_in": MODEL.format(name="ReviewIn", schema="ReviewIn", fields=""),
        },
    )
    document = {"components": {"schemas": {"rest__schemas__messaging__ReviewIn": {}, "ReviewIn": {}}}}
    assert dart_checks.module_path_names(client, document) == [
        "class RestSchemasMessagingReviewIn",
        "schema rest__schemas__messaging__ReviewIn",
    ]
