"""Every request schema of the document gets a description and an example (issue 16), so a
generated client documents its request classes and a reader sees a body that works. A model's
own docstring and `examples` win; otherwise the description names the operation and the example
is made from the schema (tests/test_openapi_contract.py checks that each one passes the route's
model). A model whose rules the schema cannot say (a pattern, two fields that must differ)
declares its own: `model_config = ConfigDict(json_schema_extra={"examples": [...]})`."""

from __future__ import annotations

from typing import Any

SCHEMAS = "#/components/schemas/"
_SAMPLE_STRINGS = {
    "uuid": "3fa85f64-5717-4562-b3fc-2c963f66afa6",
    "date-time": "2026-12-03T09:00:00Z",
    "date": "2026-12-03",
    "email": "ana@example.com",
    "uri": "https://example.com/",
}


def describe_requests(document: dict[str, Any]) -> None:
    schemas = document.get("components", {}).get("schemas", {})
    for item in document.get("paths", {}).values():
        for operation in item.values():
            for content in operation.get("requestBody", {}).get("content", {}).values():
                ref = content["schema"].get("$ref", "")
                schema = schemas.get(ref.removeprefix(SCHEMAS)) if ref.startswith(SCHEMAS) else content["schema"]
                if schema is None:
                    continue
                if not schema.get("description"):
                    schema["description"] = f"The request body of: {operation['summary']}."
                if not schema.get("examples"):
                    schema["examples"] = [example_of(schema, schemas)]


def example_of(schema: dict[str, Any], schemas: dict[str, Any], depth: int = 0) -> Any:
    """A value the schema accepts, as plain as possible (required properties, and those with an example)."""
    if depth > 12:
        return None
    if "$ref" in schema:
        return example_of(schemas[schema["$ref"].removeprefix(SCHEMAS)], schemas, depth + 1)
    for key in ("examples",):
        if schema.get(key):
            return schema[key][0]
    if "example" in schema:
        return schema["example"]
    if schema.get("default") is not None:
        return schema["default"]
    if "const" in schema:
        return schema["const"]
    if schema.get("enum"):
        return schema["enum"][0]
    for key in ("anyOf", "oneOf", "allOf"):
        if key in schema:
            variants = [v for v in schema[key] if v.get("type") != "null"] or schema[key]
            return example_of(variants[0], schemas, depth + 1)
    kind = schema.get("type")
    if kind == "object" or "properties" in schema:
        required = set(schema.get("required", []))  # and the optional ones a model gave an example
        return {
            name: example_of(prop, schemas, depth + 1)
            for name, prop in schema.get("properties", {}).items()
            if name in required or prop.get("examples")
        }
    if kind == "array":
        return [example_of(schema.get("items", {}), schemas, depth + 1)] * max(1, schema.get("minItems", 1))
    if kind == "string":
        return _string(schema)
    if kind in ("integer", "number"):
        low = schema.get("minimum", schema.get("exclusiveMinimum", 0) + (1 if "exclusiveMinimum" in schema else 0))
        value = max(low, 1) if "maximum" not in schema else min(max(low, 1), schema["maximum"])
        return int(value) if kind == "integer" else float(value)
    if kind == "boolean":
        return True
    return None


def _string(schema: dict[str, Any]) -> str:
    sample = _SAMPLE_STRINGS.get(schema.get("format", ""), "example")
    low, high = schema.get("minLength", 0), schema.get("maxLength")
    if len(sample) < low:
        sample = sample + "x" * (low - len(sample))
    if high is not None:
        sample = sample[:high]
    return sample
