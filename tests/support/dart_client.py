"""Generate the Dart client (openapi-generator `dart-dio`, built_value models) and read its
models back: classes, their fields with wire names and Dart types, enums, one-of unions.

The generator comes from the pinned PyPI wheel `openapi-generator-cli` (it bundles the jar)
and needs only a Java runtime. CI has Java; without it the tests fail with a message, unless
FIELDSYNC_SKIP_JAVA_TESTS=1 says on purpose that this machine cannot run them.
"""

from __future__ import annotations

import importlib.resources
import os
import re
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import pytest

SKIP_ENV = "FIELDSYNC_SKIP_JAVA_TESTS"
PUB_NAME = "fieldsync_api"  # the generated Dart package (docs/clients/flutter.md uses the same)

# What InlineModelResolver says when it has to invent a name for a schema the document left
# unnamed (an inline object, a nullable union, a request body): `Foo_bar`, `inline_object`,
# `foo_request`, `foo_200_response`. That is the "unnamed schema" warning we fail on.
INLINE_SCHEMA = re.compile(r"InlineModelResolver - Inline schema created as (\S+?)\.?(?:\s|$)")


@dataclass
class DartField:
    wire: str  # the JSON property name
    type: str  # the Dart type as written, e.g. `BuiltList<BookingState>?`

    @property
    def element(self) -> str:
        """The type inside nullability and collections: `BuiltList<Foo>?` -> `Foo`."""
        inner = self.type.rstrip("?")
        while True:
            match = re.fullmatch(r"Built(?:List|Set)<(.+)>|BuiltMap<String, (.+)>", inner)
            if match is None:
                return inner
            inner = (match.group(1) or match.group(2)).rstrip("?")


@dataclass
class DartModel:
    name: str  # the Dart class
    schema: str  # its component schema's name as the serializer spells it: `rest__schemas__x__Y` -> `RestSchemasXY`
    file: str  # the file stem under lib/src/model
    fields: list[DartField] = field(default_factory=list)
    one_of: dict[str, str] = field(default_factory=dict)  # discriminator value -> variant class


@dataclass
class DartEnum:
    name: str
    file: str
    values: int

    @property
    def named(self) -> bool:
        """A component of its own (`booking_state.dart` declares `BookingState`), not an enum
        the generator nested into the file of the model that spelled it inline
        (`BookingOutStateEnum` in `booking_out.dart`)."""
        return self.file.replace("_", "") == self.name.lower()


@dataclass
class DartClient:
    log: str
    models: dict[str, DartModel]
    enums: dict[str, DartEnum]

    @property
    def inline_schemas(self) -> list[str]:
        return sorted(set(INLINE_SCHEMA.findall(self.log)))

    def by_schema(self, schema: str) -> DartModel | None:
        return next((model for model in self.models.values() if model.schema == schema), None)


def schema_key(name: str) -> str:
    """A component name and the serializer's spelling of it compare equal under this."""
    return re.sub(r"[^a-z0-9]", "", name.lower())


def generator_jar() -> Path:
    return Path(str(importlib.resources.files("openapi_generator_cli") / "openapi-generator.jar"))


def java_or_fail() -> str:
    java = shutil.which("java")
    if java is not None:
        return java
    if os.environ.get(SKIP_ENV) == "1":
        pytest.skip(f"no Java runtime, and {SKIP_ENV}=1 says this machine skips the generated-client tests")
    pytest.fail(
        "The Dart client test needs a Java runtime (openapi-generator is a Java program): install one "
        f"(Debian: apt-get install openjdk-17-jre-headless), or set {SKIP_ENV}=1 to skip these tests on purpose.",
        pytrace=False,
    )


def generate(document: Path, out: Path) -> DartClient:
    """Models only (no API classes, docs or tests): the contract the apps parse, in a third of the time."""
    command = [
        java_or_fail(),
        "-jar",
        str(generator_jar()),
        "generate",
        "-g",
        "dart-dio",
        "-i",
        str(document),
        "-o",
        str(out),
        "--additional-properties",
        f"pubName={PUB_NAME}",
        "--global-property",
        "models,supportingFiles,modelDocs=false,modelTests=false",
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    log = done.stdout + done.stderr
    assert done.returncode == 0, f"openapi-generator failed:\n{log[-4000:]}"
    return read_models(out / "lib" / "src" / "model", log)


_BUILT = re.compile(r"abstract class (\w+) implements Built<")
_WIRE_NAME = re.compile(r"final String wireName = r'([^']+)';")
_FIELD = re.compile(r"@BuiltValueField\(wireName: r'([^']+)'\)\s+(.+?) get \w+;")
_ENUM = re.compile(r"^class (\w+) extends EnumClass \{(.*?)^\}", re.MULTILINE | re.DOTALL)
_MAPPING = re.compile(r"discriminatorMapping = \{(.*?)\};", re.DOTALL)
_MAPPING_ENTRY = re.compile(r"r'([^']+)': (\w+),")


def read_models(directory: Path, log: str = "") -> DartClient:
    models: dict[str, DartModel] = {}
    enums: dict[str, DartEnum] = {}
    for path in sorted(directory.glob("*.dart")):
        if path.name.endswith(".g.dart"):
            continue
        text = path.read_text()
        for name, body in _ENUM.findall(text):
            enums[name] = DartEnum(name, path.stem, body.count("@BuiltValueEnumConst"))
        built = _BUILT.search(text)
        if built is None:
            continue
        schema = _WIRE_NAME.search(text)
        model = DartModel(built.group(1), schema.group(1) if schema else built.group(1), path.stem)
        model.fields = [DartField(wire, dart_type) for wire, dart_type in _FIELD.findall(text)]
        mapping = _MAPPING.search(text)
        if mapping is not None and "OneOf get oneOf;" in text:
            model.one_of = dict(_MAPPING_ENTRY.findall(mapping.group(1)))
        models[model.name] = model
    return DartClient(log, models, enums)
