"""What makes an OpenAPI document generate a good typed client (issue 16): the checks that
tests/test_openapi_contract.py runs over the whole document, one message per finding."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

# A property whose name says it is a moment must be typed as one.
TIMESTAMP_NAME = re.compile(r"^(at|until|since|deadline)$|_(at|until|since|deadline)$")
METHODS = ("get", "put", "post", "patch", "delete", "head", "options")


def _walk(node: Any, where: str) -> Iterator[tuple[str, Any]]:
    yield where, node
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _walk(value, f"{where}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _walk(value, f"{where}/{index}")


def _is_string_without_format(schema: dict[str, Any]) -> bool:
    variants = schema.get("anyOf") or schema.get("oneOf") or [schema]
    for variant in variants:
        if variant.get("type") == "string" and variant.get("format") != "date-time":
            return True
    return False


def _operations(document: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    for path, item in document.get("paths", {}).items():
        for method in METHODS:
            if method in item:
                yield f"{method.upper()} {path}", item[method]


def _resolve(document: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        found: Any = document
        for part in node["$ref"].removeprefix("#/").split("/"):
            found = found[part]
        node = found
    return node


def problems(document: dict[str, Any]) -> list[str]:
    found: list[str] = []
    components = document.get("components", {})
    for kind, named in components.items():
        for name in named:
            if "__" in name:
                found.append(f"components/{kind}/{name}: a module-path name; rename the model")
    enum_components = "#/components/schemas/"
    for where, node in _walk(document, "#"):
        if not isinstance(node, dict):
            continue
        # A named enum is a component that is nothing but the enum: anywhere else it is inline.
        if "enum" in node and not re.fullmatch(r"#/components/schemas/[A-Za-z0-9]+", where):
            found.append(f"{where}: an inline enum; make it a named component ({enum_components}<Name>)")
        properties = node.get("properties")
        if isinstance(properties, dict):
            for prop, schema in properties.items():
                if not isinstance(schema, dict):
                    continue
                if "title" in schema:
                    found.append(f"{where}/properties/{prop}: an auto-generated title")
                if TIMESTAMP_NAME.search(prop) and _is_string_without_format(schema):
                    found.append(f"{where}/properties/{prop}: a timestamp without format date-time")
    for operation_name, operation in _operations(document):
        if "security" not in operation:
            found.append(f"{operation_name}: no security declared (`security: []` when public)")
        if not operation.get("tags"):
            found.append(f"{operation_name}: no tag")
        body = operation.get("requestBody")
        if body is None:
            continue
        for media, content in body.get("content", {}).items():
            schema = _resolve(document, content.get("schema", {}))
            if not schema.get("description"):
                found.append(f"{operation_name} {media}: the request schema has no description")
            if "example" not in content and not schema.get("examples") and "example" not in schema:
                found.append(f"{operation_name} {media}: the request schema has no example")
    tags = {tag["name"]: tag for tag in document.get("tags", [])}
    for name, tag in tags.items():
        if not tag.get("description"):
            found.append(f"tag {name}: no description")
    return found
