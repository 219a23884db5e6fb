"""Every 409 and 422 says why in a closed vocabulary (`details.reason`, ConflictReason,
docs/errors.md), so an app picks "reload" or "pick another slot" without reading English.

The walk below reads every module of the project (AST, no import) and fails on a `Conflict`
raised or built without a reason, and on an error class answering 409/422 without one."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from domain.shared.errors import REASON_BY_CODE, Conflict, ConflictReason, ErrorCode, client_details
from realtime import acks
from rest.app import ROUTE_TABLES
from rest.errors import STATUS_BY_CODE
from rest.openapi import build_openapi
from rest.reasons import reasons_by_status
from rest.routing import Route
from tests.support.identity import make_admin, register
from tests.support.reasons import response_of, undeclared_reason

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("domain", "sync", "rest", "realtime", "app", "infra", "push", "bus")
REFUSING = {code.name for code, status in STATUS_BY_CODE.items() if status in (409, 422)}


def _trees() -> dict[str, ast.Module]:
    return {
        str(path.relative_to(ROOT)): ast.parse(path.read_text(), str(path))
        for package in PACKAGES
        for path in sorted((ROOT / package).rglob("*.py"))
    }


def _name(node: ast.expr) -> str | None:
    return node.id if isinstance(node, ast.Name) else node.attr if isinstance(node, ast.Attribute) else None


def _assigns(cls: ast.ClassDef, name: str) -> ast.expr | None:
    for stmt in cls.body:
        targets = (
            stmt.targets
            if isinstance(stmt, ast.Assign)
            else [stmt.target]
            if isinstance(stmt, ast.AnnAssign) and stmt.value is not None
            else []
        )
        if any(isinstance(t, ast.Name) and t.id == name for t in targets):
            return stmt.value  # type: ignore[union-attr]
    return None


def missing_reasons(trees: dict[str, ast.Module]) -> tuple[list[str], int]:
    """(sites without a reason, sites checked). A class below Conflict that sets `reason` in its
    body fixes it for its own raises; Conflict itself (and its subclasses that do not) need
    `reason=` at every call. A class with a 409/422 `code` must set `reason`."""
    classes = {node.name: node for tree in trees.values() for node in ast.walk(tree) if isinstance(node, ast.ClassDef)}
    conflicts = {"Conflict"}
    while grown := {
        name
        for name, cls in classes.items()
        if name not in conflicts and any(_name(base) in conflicts for base in cls.bases)
    }:
        conflicts |= grown
    fixed = {name for name in conflicts if name in classes and _assigns(classes[name], "reason") is not None}
    while grown := {
        name
        for name in conflicts - fixed
        if name in classes and any(_name(base) in fixed for base in classes[name].bases)
    }:
        fixed |= grown  # a class below one that sets `reason` inherits it
    missing, checked = [], 0
    for where, tree in trees.items():
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and _name(node.func) in conflicts - fixed:
                checked += 1
                if not any(k.arg == "reason" for k in node.keywords):
                    missing.append(f"{where}:{node.lineno} {_name(node.func)}(...) without reason=")
            if isinstance(node, ast.ClassDef):
                code = _assigns(node, "code")
                if code is not None and _name(code) in REFUSING and node.name != "Conflict":
                    checked += 1
                    if _assigns(node, "reason") is None:
                        missing.append(f"{where}:{node.lineno} class {node.name} answers {_name(code)} without reason")
    return missing, checked


def test_every_conflict_raised_anywhere_carries_a_reason() -> None:
    missing, checked = missing_reasons(_trees())
    assert checked > 100  # the walk saw the real raise sites, not nothing
    assert not missing, "\n".join(missing)


def test_the_walk_catches_a_conflict_without_a_reason() -> None:
    source = ast.parse(
        "class Stale(Conflict):\n    pass\n"
        "class Fixed(Conflict):\n    reason = ConflictReason.DUPLICATE\n"
        "class Busy(DomainError):\n    code = ErrorCode.IDEMPOTENCY_KEY_IN_PROGRESS\n"
        "def f():\n"
        "    raise Conflict('no reason')\n"
        "    raise errors.Conflict('x', reason=ConflictReason.CLOSED)\n"
        "    raise Stale('inherits none')\n"
        "    raise Fixed()\n"
    )
    missing, _ = missing_reasons({"example.py": source})
    assert [line.split(" ", 1)[0] for line in missing] == ["example.py:5", "example.py:8", "example.py:10"]


def test_reason_is_required_and_sent_first() -> None:
    with pytest.raises(TypeError):
        Conflict("no reason")  # type: ignore[call-arg]
    error = Conflict("Taken.", reason=ConflictReason.SLOT_TAKEN, details={"start": "x"})
    assert client_details(error) == {"reason": "slot_taken", "start": "x"}


def test_every_refusing_code_but_conflict_has_its_one_reason() -> None:
    refusing = {code for code, status in STATUS_BY_CODE.items() if status in (409, 422)}
    assert refusing - set(REASON_BY_CODE) == {ErrorCode.CONFLICT}


def _routes() -> list[Route]:
    return [route for table in ROUTE_TABLES for route in table]


def test_every_route_that_can_conflict_declares_its_reasons() -> None:
    routes = _routes()
    undeclared = [f"{r.method} {r.path}" for r in routes if ErrorCode.CONFLICT in r.errors and not r.reasons]
    stray = [f"{r.method} {r.path}" for r in routes if r.reasons and ErrorCode.CONFLICT not in r.errors]
    assert not undeclared, f"declare reasons= on: {undeclared}"
    assert not stray, f"reasons= without a CONFLICT error: {stray}"


def test_openapi_lists_each_operations_reasons_and_names_the_enum() -> None:
    spec = build_openapi(_routes())
    checked = 0
    for route in _routes():
        operation = spec["paths"][route.openapi_path][route.method.lower()]
        for status, reasons in reasons_by_status(route).items():
            assert response_of(spec, operation, status)["x-reasons"] == [r.value for r in reasons]
            assert all(r.value in operation["responses"][str(status)]["description"] for r in reasons)
            checked += 1
    assert checked > 100
    enum = spec["components"]["schemas"]["ConflictReason"]
    assert enum["enum"] == [reason.value for reason in ConflictReason]


async def test_conflicts_seen_from_routes_carry_a_declared_reason(make_client) -> None:
    """Real refusals, each held to its operation's declared reasons: a duplicate registration,
    invalid input, a reused Idempotency-Key, a stale version."""
    client = await make_client()
    spec = await (await client.get("/v1/openapi.json")).json()
    seen: list[tuple[str, str]] = []

    async def check(response, method: str, path: str) -> str:
        body = await response.read()
        assert response.status in (409, 422), body
        assert undeclared_reason(spec, method, path, response.status, body) is None, body
        reason = (await response.json())["details"]["reason"]
        seen.append((path, reason))
        return str(reason)

    customer = await register(client)
    again = await client.post(
        "/v1/auth/register",
        json={"email": customer.email, "password": "Another-pass-123", "name": "Twin", "role": "customer"},
    )
    assert await check(again, "POST", "/v1/auth/register") == "duplicate"
    invalid = await client.post("/v1/auth/register", json={"email": "not an email"})
    assert await check(invalid, "POST", "/v1/auth/register") == "invalid_input"

    admin = await make_admin(client)
    square = [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]]
    zone = {"name": "Central", "city": "Town", "geometry": {"type": "Polygon", "coordinates": square}}
    key = {"Idempotency-Key": "zone-create-1", **admin.headers}
    created = await client.post("/v1/zones", json=zone, headers=key)
    assert created.status == 201, await created.text()
    reused = await client.post("/v1/zones", json={**zone, "name": "Other"}, headers=key)
    assert await check(reused, "POST", "/v1/zones") == "key_reused"
    zone_id = (await created.json())["id"]
    stale = await client.patch(f"/v1/zones/{zone_id}", json={"name": "Renamed", "version": 99}, headers=admin.headers)
    assert await check(stale, "PATCH", f"/v1/zones/{zone_id}") == "stale_version"
    assert len(seen) == 4


def test_socket_acks_carry_the_same_reasons() -> None:
    conflict = acks.from_domain_error(Conflict("Taken.", reason=ConflictReason.SLOT_TAKEN, details={"start": "x"}))
    assert conflict["error"]["details"] == {"reason": "slot_taken", "start": "x"}
    invalid = acks.error(ErrorCode.VALIDATION_FAILED, "The payload is not valid.", {"errors": []})
    assert invalid["error"]["details"]["reason"] == "invalid_input"
    assert "details" not in acks.error(ErrorCode.NOT_FOUND, "Not found.")["error"]
