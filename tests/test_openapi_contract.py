"""The OpenAPI document generates a good typed client (issue 16): the whole document passes the
checks of tests/support/openapi_lint.py, each request example is a body its route accepts, and
the committed snapshot (docs/api/openapi.json) is what the code generates."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from app.cli import main
from app.contracts import CONTRACTS, openapi_document
from rest.app import ROUTE_TABLES
from tests.support.openapi_lint import problems

pytestmark = pytest.mark.unit


@pytest.fixture(scope="module")
def document() -> dict[str, Any]:
    return openapi_document()


def test_the_document_has_nothing_a_client_generator_would_mistype(document: dict[str, Any]) -> None:
    found = problems(document)
    assert not found, "\n".join(found)


def test_every_request_example_is_accepted_by_its_route(document: dict[str, Any]) -> None:
    schemas = document["components"]["schemas"]
    refused = []
    for route in (route for table in ROUTE_TABLES for route in table):
        if route.body is None:
            continue
        operation = document["paths"][route.openapi_path][route.method.lower()]
        ref = operation["requestBody"]["content"]["application/json"]["schema"]["$ref"]
        for example in schemas[ref.rsplit("/", 1)[1]]["examples"]:
            try:
                route.body.model_validate(example)
            except ValueError as exc:
                refused.append(f"{route.method} {route.path}: {example} -> {exc}")
    assert not refused, "\n".join(refused)


def test_the_checks_catch_each_kind_of_weakness() -> None:
    weak = {
        "paths": {
            "/v1/x": {
                "post": {
                    "summary": "x",
                    "tags": ["x"],
                    "responses": {},
                    "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/XIn"}}}},
                }
            }
        },
        "components": {
            "schemas": {
                "XIn": {"type": "object", "properties": {"kind": {"enum": ["a", "b"], "type": "string"}}},
                "rest__schemas__x__XOut": {
                    "type": "object",
                    "properties": {
                        "created_at": {"type": "string", "title": "Created At"},
                        "valid_until": {"anyOf": [{"type": "string"}, {"type": "null"}]},
                    },
                },
            }
        },
        "tags": [{"name": "x"}],
    }
    found = "\n".join(problems(weak))
    for expected in (
        "module-path name",
        "inline enum",
        "auto-generated title",
        "created_at: a timestamp",
        "valid_until: a timestamp",
        "no security declared",
        "no description",
        "no example",
        "tag x: no description",
    ):
        assert expected in found, (expected, found)


@pytest.mark.parametrize("name", sorted(CONTRACTS))
def test_the_committed_snapshot_is_what_the_code_generates(name: str) -> None:
    contract = CONTRACTS[name]
    committed = contract.file.read_text(encoding="utf-8") if contract.file.exists() else ""
    assert committed == contract.text(), contract.stale_message()


def test_fieldsync_openapi_writes_and_checks_the_snapshot(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "openapi.json"
    out.write_text("{}\n", encoding="utf-8")
    assert main(["openapi", "--check", "--out", str(out)]) == 1
    assert "fieldsync openapi --out docs/api/openapi.json" in capsys.readouterr().err
    assert main(["openapi", "--out", str(out)]) == 0
    assert main(["openapi", "--check", "--out", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == CONTRACTS["openapi"].text()
    capsys.readouterr()
    assert main(["openapi"]) == 0
    assert capsys.readouterr().out.strip() == CONTRACTS["openapi"].text().strip()
