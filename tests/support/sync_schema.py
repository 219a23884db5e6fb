"""Validate sync changes against the published contract: the ChangeOut schema of the app's own
/v1/openapi.json (its `Sync<Collection>Row` components), as a generated client would parse them."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from aiohttp.test_utils import TestClient
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

DOCUMENT = "urn:fieldsync:openapi"


async def openapi(client: TestClient) -> dict[str, Any]:
    response = await client.get("/v1/openapi.json")
    assert response.status == 200
    return dict(await response.json())


def change_validator(document: dict[str, Any]) -> Draft202012Validator:
    """ChangeOut with every `#/components/...` reference resolved inside the document; formats
    (date-time, uuid) are checked, not only noted."""
    registry: Registry[Any] = Registry().with_resource(DOCUMENT, Resource(document, DRAFT202012))
    schema = {"$ref": f"{DOCUMENT}#/components/schemas/ChangeOut"}
    return Draft202012Validator(schema, registry=registry, format_checker=Draft202012Validator.FORMAT_CHECKER)


def invalid_changes(validator: Draft202012Validator, changes: Iterable[dict[str, Any]]) -> list[str]:
    """One line per change that breaks its collection's schema (the first error of each, by
    collection and field, so a failure names what to fix)."""
    problems: list[str] = []
    for change in changes:
        error = next(iter(sorted(validator.iter_errors(change), key=lambda e: len(list(e.absolute_path)))), None)
        if error is not None:
            best = max(error.context or [error], key=lambda e: len(list(e.absolute_path)))
            where = "/".join(str(part) for part in best.absolute_path)
            problems.append(
                f"{change.get('collection')} {change.get('op')} {change.get('id')}: {where}: {best.message[:200]}"
            )
    return problems
