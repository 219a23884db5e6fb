"""Passes over the generated OpenAPI document that make the clients generated from it good
(issue 16; tests/test_openapi_contract.py walks the result): no pydantic title noise, every
enum a named component, shared error responses, described tags. Each pass is one function
over the whole document, run by rest/openapi.build_openapi after the document is assembled."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from http import HTTPStatus
from typing import Any

from rest.errors import STATUS_BY_CODE
from rest.openapi_enums import enum_name
from rest.openapi_examples import describe_requests

SCHEMAS = "#/components/schemas/"
RESPONSES = "#/components/responses/"
# Keywords whose values are data, not schemas: never walked for titles or enums.
_DATA_KEYS = frozenset({"default", "example", "examples", "const", "enum"})

TAG_DESCRIPTIONS = {
    "admin": "Operators: users, roles, suspensions, the audit trail and the status summary.",
    "availability": "A serviceman's working hours, time off and free slots.",
    "bookings": "Bookings of a service: request, accept, schedule, start, complete, cancel.",
    "catalogue": "The service taxonomy and providers' listings.",
    "dashboards": "Figures from rollups kept by event consumers: a serviceman's, a provider's and the platform's; "
                  "JSON or CSV.",
    "disputes": "Disputes over a booking's payment: evidence, offers, an admin's decision.",
    "feed": "A user's activity feed.",
    "finance": "Balances, statements, reconciliation and tax reports.",
    "identity": "Sign-up, sign-in, tokens, the caller's account and sessions.",
    "jobs": "Jobs customers post and the bids providers make on them.",
    "matching": "Ranked, explained candidates for a customer's request.",
    "messaging": "Conversations, their members and messages; message reports.",
    "meta": "Which build answers and which API it serves, this document and its rendering.",
    "notifications": "The notification inbox, preferences and the devices push reaches.",
    "organisations": "Provider organisations, their crew and invitations.",
    "payments": "Quotes, checkout and payment cases: captures, refunds, releases.",
    "flags": "Feature flags and remote config: the capability manifest, OpenFeature remote evaluation (OFREP), "
             "kill switches, maintenance mode, minimum app versions (admins set and schedule them).",
    "payouts": "Payees' payout accounts, preferences, balances and payouts.",
    "pricing": "Price rules, fees and taxes.",
    "privacy": "Your personal data: consents (granted and withdrawn, with their history), policy documents and "
               "their acceptance, exports (GDPR Art. 15/20) delivered as short-lived links, erasure with a grace "
               "period and the admin queue of data-subject requests; marketing announcements, which only "
               "consenting users receive.",
    "reviews": "Reviews of completed bookings and their replies.",
    "safety": "Reports, moderation queues, holds and sanctions.",
    "servicemen": "Public profiles of servicemen and what they may show.",
    "storefronts": "Provider storefronts: the public business front and its editor.",
    "sync": "Delta sync of the apps' offline caches: pull changes, push mutations.",
    "uploads": "Uploads: declare, send the bytes to a signed URL, confirm; download URLs.",
    "verification": "Identity and licence verification of providers.",
    "webhooks": "Callbacks from the payment provider (signed; no bearer token).",
    "zones": "Service zones: reads, point lookups, admin writes.",
}


def polish(document: dict[str, Any]) -> None:
    strip_titles(document)
    name_enums(document)
    share_error_responses(document)
    describe_tags(document)
    describe_requests(document)
    ofrep_not_found(document)


# OpenFeature's remote evaluation protocol answers an unknown flag with its own body
# (`application/json`); the Problem stays documented beside it for the generic 404s.
OFREP_NOT_FOUND = {
    "description": "No such flag, or not client-visible: OFREP's `{key, errorCode: FLAG_NOT_FOUND, errorDetails}`.",
    "content": {
        "application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}},
        "application/json": {"schema": {"$ref": "#/components/schemas/OfrepError"}},
    },
}


def ofrep_not_found(document: dict[str, Any]) -> None:
    operation = document.get("paths", {}).get("/ofrep/v1/evaluate/flags/{key}", {}).get("post")
    if operation is not None and "404" in operation.get("responses", {}):
        operation["responses"]["404"] = OFREP_NOT_FOUND
        document.setdefault("components", {}).setdefault("schemas", {})["OfrepError"] = {
            "type": "object", "required": ["key", "errorCode"], "description": "OFREP's error body.",
            "properties": {"key": {"type": "string"}, "errorCode": {"type": "string"},
                           "errorDetails": {"type": "string"}}}


def _schemas_of(document: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """Every top-level schema in the document: components, parameters, headers, bodies."""
    yield from document.get("components", {}).get("schemas", {}).values()
    for item in document.get("paths", {}).values():
        for operation in item.values():
            for parameter in operation.get("parameters", []):
                yield parameter["schema"]
            for holder in [operation.get("requestBody", {}), *operation.get("responses", {}).values()]:
                for content in holder.get("content", {}).values():
                    yield content["schema"]
                for header in holder.get("headers", {}).values():
                    yield header["schema"]


def _visit(schema: Any, visit: Callable[[dict[str, Any], str], None], where: str = "") -> None:
    """Calls `visit(node, property name or "")` on every schema node, children first."""
    if isinstance(schema, list):
        for item in schema:
            _visit(item, visit, where)
        return
    if not isinstance(schema, dict):
        return
    for key, value in schema.items():
        if key == "properties":
            for name, child in value.items():
                _visit(child, visit, name)
        elif key not in _DATA_KEYS:
            _visit(value, visit, where)
    visit(schema, where)


def strip_titles(document: dict[str, Any]) -> None:
    """pydantic titles every property and model after its Python name: noise in every
    generated class (and a property `title` of a model is data, kept)."""

    def drop(node: dict[str, Any], _name: str) -> None:
        if isinstance(node.get("title"), str):
            del node["title"]

    for schema in _schemas_of(document):
        _visit(schema, drop)


def name_enums(document: dict[str, Any]) -> None:
    """Every enum becomes a named component (rest/openapi_enums.py names it), so a generated
    client has one `BookingState` type, not one anonymous enum per property."""
    schemas = document.setdefault("components", {}).setdefault("schemas", {})
    named = {id(schema) for schema in schemas.values()}
    # A set a model already declares as a named enum (a domain StrEnum) keeps that name.
    declared = {frozenset(map(str, schema["enum"])): name for name, schema in schemas.items() if "enum" in schema}

    def hoist(node: dict[str, Any], prop: str) -> None:
        if "enum" not in node or id(node) in named:
            return
        component = {key: node.pop(key) for key in ("type", "enum", "const") if key in node}
        name = declared.get(frozenset(map(str, component["enum"]))) or enum_name(component["enum"], prop)
        existing = schemas.setdefault(name, component)
        if set(map(str, existing.get("enum", []))) != set(map(str, component["enum"])):
            raise ValueError(
                f"two enums are both named {name!r}: {existing.get('enum')} and "
                f"{component['enum']}; name them in rest/openapi_enums.py"
            )
        node["$ref"] = SCHEMAS + name

    for schema in list(_schemas_of(document)):
        _visit(schema, hoist)
    document["components"]["schemas"] = dict(sorted(schemas.items()))


def share_error_responses(document: dict[str, Any]) -> None:
    """An error response of the same shape on many operations is one component per status
    (`#/components/responses/Conflict`); each operation keeps its own description, the codes
    it may answer (OpenAPI 3.1 lets a reference override it). A response of its own shape
    stays inline."""
    shapes: dict[str, Counter[str]] = {}
    bodies: dict[str, dict[str, Any]] = {}
    for operation in _operations(document):
        for status, response in operation["responses"].items():
            if int(status) >= 400 and "$ref" not in response:
                body = {key: value for key, value in response.items() if key != "description"}
                key = repr(body)
                bodies[key] = body
                shapes.setdefault(status, Counter())[key] += 1
    shared: dict[str, str] = {}
    responses: dict[str, Any] = {}
    for status, counts in sorted(shapes.items()):
        key, _ = counts.most_common(1)[0]
        name = _response_name(int(status))
        responses[name] = {"description": _generic_description(int(status)), **bodies[key]}
        shared[status] = key
    for operation in _operations(document):
        for status, response in operation["responses"].items():
            body = {k: v for k, v in response.items() if k != "description"}
            if status in shared and "$ref" not in response and repr(body) == shared[status]:
                operation["responses"][status] = {
                    "$ref": RESPONSES + _response_name(int(status)),
                    "description": response["description"],
                }
    if responses:
        document["components"]["responses"] = responses


def _operations(document: dict[str, Any]) -> Iterator[dict[str, Any]]:
    for item in document.get("paths", {}).values():
        yield from item.values()


def _response_name(status: int) -> str:
    return "".join(word.capitalize() for word in HTTPStatus(status).phrase.replace("-", " ").split())


def _generic_description(status: int) -> str:
    codes = sorted(code.value for code, mapped in STATUS_BY_CODE.items() if mapped == status)
    return f"Problem (RFC 9457); `code` is one of: {', '.join(codes)}."


def describe_tags(document: dict[str, Any]) -> None:
    document["tags"] = [
        {**tag, "description": TAG_DESCRIPTIONS[tag["name"]]} if tag["name"] in TAG_DESCRIPTIONS else tag
        for tag in document.get("tags", [])
    ]
