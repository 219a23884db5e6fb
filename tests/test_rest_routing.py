"""The declarative route layer end to end, on test-only routes mounted on the real app:
input problems (400/413/415/422), auth (401), a crashing handler (500), and the OpenAPI
generated from the same declarations."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable

import pytest
from aiohttp.test_utils import TestClient, TestServer
from openapi_spec_validator import validate
from pydantic import BaseModel, Field

from app.bootstrap import build_app
from app.settings import Settings
from domain.shared.errors import ErrorCode
from rest.deps import REST_DEPS
from rest.openapi import build_openapi
from rest.routing import ApiRequest, RouteTable
from tests.conftest import app_of

PROBLEM = "application/problem+json"

table = RouteTable(prefix="/v1/test", tags=("test",))


class Address(BaseModel):
    city: str = Field(min_length=1)


class EchoIn(BaseModel):
    name: str = Field(min_length=1, max_length=40)
    count: int = Field(ge=0)
    address: Address | None = None


class EchoOut(BaseModel):
    greeting: str
    count: int


class Search(BaseModel):
    limit: int = Field(10, ge=1, le=100)
    tag: list[str] = Field(default_factory=list)


class Found(BaseModel):
    limit: int
    tags: list[str]
    item: str | None = None


class Whoami(BaseModel):
    user_id: str
    roles: list[str]


@table.post("/echo", body=EchoIn, response=EchoOut, status=201, summary="Echo", errors=(ErrorCode.CONFLICT,))
async def echo(req: ApiRequest[EchoIn, None]) -> EchoOut:
    return EchoOut(greeting=f"hello {req.body.name}", count=req.body.count)


@table.get("/items/{item_id}", query=Search, response=Found, summary="Search")
async def search(req: ApiRequest[None, Search]) -> Found:
    return Found(limit=req.query.limit, tags=req.query.tag, item=req.params["item_id"])


@table.get("/whoami", response=Whoami, auth=True, summary="Who am I")
async def whoami(req: ApiRequest[None, None]) -> Whoami:
    return Whoami(user_id=req.actor.user_id, roles=sorted(req.actor.roles))


@table.get("/boom", summary="Explodes")
async def boom(req: ApiRequest[None, None]) -> None:
    raise RuntimeError("secret internals: password=hunter2")


@table.delete("/things/{thing_id}", status=204, summary="Delete")
async def delete_thing(req: ApiRequest[None, None]) -> None:
    return None


@pytest.fixture
async def api(settings_factory: Callable[..., Settings]) -> AsyncIterator[TestClient]:
    app = build_app(settings_factory(max_body_bytes=1024))
    table.mount(app)
    client = TestClient(TestServer(app, host="127.0.0.1"))
    await client.start_server()
    yield client
    await client.close()


async def problem(response, status: int, code: str) -> dict:
    assert response.status == status, await response.text()
    assert response.content_type == PROBLEM
    body = await response.json(content_type=PROBLEM)
    assert body["code"] == code
    assert body["status"] == status
    assert body["type"].endswith("/" + code)
    assert body["request_id"] == response.headers["X-Request-ID"]
    return body


async def test_valid_body_is_parsed_and_response_serialized(api):
    response = await api.post("/v1/test/echo", json={"name": "Ada", "count": 2})
    assert response.status == 201
    assert response.content_type == "application/json"
    assert await response.json() == {"greeting": "hello Ada", "count": 2}


async def test_malformed_json_is_400(api):
    response = await api.post("/v1/test/echo", data=b'{"name": "Ada",', headers={"Content-Type": "application/json"})
    await problem(response, 400, "malformed_json")


async def test_wrong_content_type_is_415(api):
    response = await api.post("/v1/test/echo", data=b"name=Ada", headers={"Content-Type": "text/plain"})
    await problem(response, 415, "unsupported_media_type")


async def test_validation_lists_every_field_problem(api):
    response = await api.post("/v1/test/echo", json={"name": "", "count": -1, "address": {"city": ""}})
    body = await problem(response, 422, "validation_failed")
    fields = {error["field"]: error for error in body["errors"]}
    assert set(fields) == {"name", "count", "address.city"}
    assert all(error["location"] == "body" and error["type"] and error["message"] for error in fields.values())
    not_an_object = await api.post("/v1/test/echo", json=[1, 2])
    await problem(not_an_object, 422, "validation_failed")


async def test_oversized_body_is_413_by_length_and_while_streaming(api):
    big = b'{"name": "' + b"x" * 4000 + b'", "count": 1}'
    declared = await api.post("/v1/test/echo", data=big, headers={"Content-Type": "application/json"})
    await problem(declared, 413, "payload_too_large")

    async def chunks():  # no Content-Length: only aiohttp's client_max_size can stop it
        for _ in range(4):
            yield b"x" * 1000

    streamed = await api.post("/v1/test/echo", data=chunks(), headers={"Content-Type": "application/json"})
    assert "Content-Length" not in streamed.request_info.headers
    await problem(streamed, 413, "payload_too_large")


async def test_query_and_path_parameters(api):
    item = "0b7c6c1e-0000-4000-8000-000000000042"  # path ids are UUIDs (routing.check_path)
    response = await api.get(f"/v1/test/items/{item}?limit=5&tag=a&tag=b")
    assert await response.json() == {"limit": 5, "tags": ["a", "b"], "item": item}
    bad = await api.get(f"/v1/test/items/{item}?limit=1000")
    body = await problem(bad, 422, "validation_failed")
    assert body["errors"][0]["field"] == "limit" and body["errors"][0]["location"] == "query"


async def test_auth_required_routes(api):
    signer = app_of(api)[REST_DEPS].signer
    missing = await api.get("/v1/test/whoami")
    await problem(missing, 401, "unauthorized")
    assert missing.headers["WWW-Authenticate"].startswith("Bearer")
    forged = await api.get("/v1/test/whoami", headers={"Authorization": "Bearer not.a.jwt"})
    await problem(forged, 401, "unauthorized")
    token = signer.issue_access("u-1", ["customer"])
    ok = await api.get("/v1/test/whoami", headers={"Authorization": f"Bearer {token}"})
    assert ok.status == 200
    assert await ok.json() == {"user_id": "u-1", "roles": ["customer"]}


async def test_crashing_handler_is_a_500_problem_without_internals(api):
    response = await api.get("/v1/test/boom")
    body = await problem(response, 500, "internal_error")
    assert "hunter2" not in await response.text()
    assert "RuntimeError" not in body["detail"]


async def test_no_content_route(api):
    response = await api.delete("/v1/test/things/0b7c6c1e-0000-4000-8000-000000000001")  # path ids are UUIDs
    assert response.status == 204
    assert await response.read() == b""


def test_generated_spec_for_these_routes_is_valid_openapi_31():
    document = build_openapi(list(table))
    validate(document)
    echo_op = document["paths"]["/v1/test/echo"]["post"]
    assert echo_op["requestBody"]["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/EchoIn"}
    assert {"201", "400", "409", "413", "415", "422", "429", "500"} <= set(echo_op["responses"])
    assert "Address" in document["components"]["schemas"]  # nested models hoisted into components
    search_op = document["paths"]["/v1/test/items/{item_id}"]["get"]
    params = {(p["in"], p["name"]) for p in search_op["parameters"]}
    assert params == {("path", "item_id"), ("query", "limit"), ("query", "tag")}
    whoami_op = document["paths"]["/v1/test/whoami"]["get"]
    assert whoami_op["security"] == [{"bearerAuth": []}] and "401" in whoami_op["responses"]
    assert "204" in document["paths"]["/v1/test/things/{thing_id}"]["delete"]["responses"]
