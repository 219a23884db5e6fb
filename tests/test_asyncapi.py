"""The AsyncAPI document (app/asyncapi.py): made from the code, committed as docs/api/asyncapi.json,
valid for the official parser, served by the app, and the yardstick every emitted event is held
to during the suite (tests/support/contract_guard.py)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from aiohttp.test_utils import TestClient
from pydantic import Field

from app.asyncapi import ROUTE, build_asyncapi
from app.cli import main as cli
from app.contracts import CONTRACTS
from app.contracts import snapshot_text as render
from bus.contract import CATALOGUE
from realtime import events
from realtime.base import _event_key
from realtime.contract import channel_id, message_id, wire_name
from realtime.events import SERVER_EVENTS, OffContract, checked
from realtime.namespaces import NAMESPACE_CLASSES, NAMESPACES
from realtime.server import EMITTER
from tests.support.contract_guard import Contract, contract

ASYNCAPI = CONTRACTS["asyncapi"]
SNAPSHOT = ASYNCAPI.file
REGENERATE = f"fieldsync asyncapi --out {ASYNCAPI.path}"
JS_DIR = Path(__file__).parent / "js"


def test_the_committed_snapshot_is_the_document_the_code_makes() -> None:
    assert SNAPSHOT.is_file(), f"no AsyncAPI snapshot; make it: {REGENERATE}"
    assert SNAPSHOT.read_text() == render(build_asyncapi()), (
        f"docs/api/asyncapi.json is stale (an event model, a handler or the Kafka catalogue changed); "
        f"regenerate it: {REGENERATE}"
    )


def test_changing_an_event_model_makes_the_snapshot_stale(monkeypatch: pytest.MonkeyPatch) -> None:
    class SyncPoke(events.SyncPoke):
        scopes: list[str] = Field(default_factory=list)

    monkeypatch.setitem(SERVER_EVENTS["/"], "sync:poke", SyncPoke)
    assert SNAPSHOT.read_text() != render(build_asyncapi())


def test_the_cli_checks_and_writes_the_document(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(["asyncapi", "--check"]) == 0
    out = tmp_path / "asyncapi.json"
    assert cli(["asyncapi", "--out", str(out)]) == 0
    assert json.loads(out.read_text()) == build_asyncapi()
    out.write_text(out.read_text().replace('"sync:poke"', '"sync:knock"'))
    capsys.readouterr()
    assert cli(["asyncapi", "--out", str(out), "--check"]) == 1
    assert REGENERATE in capsys.readouterr().err


def test_every_namespace_handler_and_server_event_is_in_the_document() -> None:
    doc = build_asyncapi()
    assert {channel_id(ns) for ns in NAMESPACES} <= set(doc["channels"])
    assert set(SERVER_EVENTS) == set(NAMESPACES)
    for cls in NAMESPACE_CLASSES:
        for key in cls._handlers:
            event = wire_name(key)
            assert _event_key(event) == key
            operation = doc["operations"][f"{message_id(cls.NAME, event)}.receive"]
            assert operation["action"] == "receive" and operation["reply"]["messages"]
        assert f"{message_id(cls.NAME, 'auth:refresh')}.receive" in doc["operations"]
    for namespace, emitted in SERVER_EVENTS.items():
        for event in emitted:
            assert doc["operations"][f"{message_id(namespace, event)}.send"]["action"] == "send"
    for stream, types in CATALOGUE.items():
        for type_ in types:
            assert f"{stream}.{type_}" in doc["components"]["messages"]
    for address in ("finance.events", "audit.events", "domain.events"):
        assert address in {channel["address"] for channel in doc["channels"].values()}
    names = list(doc["components"]["schemas"])
    assert not [n for n in names if "__" in n or "-" in n], "module-path schema names: rename a model"


def test_the_official_parser_accepts_the_document(tmp_path: Path) -> None:
    if shutil.which("node") is None:
        pytest.skip("node is not installed: the AsyncAPI parser test needs Node 20")
    if not (JS_DIR / "node_modules" / "@asyncapi" / "parser").is_dir():
        npm = shutil.which("npm")
        if npm is None:
            pytest.skip("npm is not installed: cannot install @asyncapi/parser")
        subprocess.run(
            [npm, "ci", "--no-audit", "--no-fund"], cwd=JS_DIR, check=True, timeout=600, stdout=subprocess.DEVNULL
        )
    document = tmp_path / "asyncapi.json"
    document.write_text(render(build_asyncapi()))
    run = subprocess.run(
        ["node", str(JS_DIR / "validate_asyncapi.js"), str(document)],
        cwd=JS_DIR,
        capture_output=True,
        text=True,
        timeout=120,
    )
    report = json.loads(run.stdout.strip().splitlines()[-1])
    assert run.returncode == 0 and report["errors"] == [], report["errors"][:20]
    assert report["messages"] >= len(build_asyncapi()["components"]["messages"]) - 1


def test_the_guard_catches_an_unknown_event_and_a_bad_payload() -> None:
    guard = Contract(build_asyncapi())
    item = {
        "item": {
            "id": "1",
            "seq": 1,
            "kind": "job.posted",
            "entity_type": "job",
            "entity_id": "j",
            "zone_id": None,
            "category_id": None,
            "amount": None,
            "summary": {},
            "rank": 1,
            "factors": {},
            "version": 1,
            "created_at": "2026-01-01T00:00:00Z",
        },
        "cursor": "7",
    }
    assert guard.socket_problem("/feed", "feed:item", item) is None
    assert "not a server event" in str(guard.socket_problem("/feed", "feed:itme", item))
    assert "not a server event" in str(guard.socket_problem("/messaging", "feed:item", item))
    assert "not a server event" in str(guard.socket_problem("/feed", "feed:subscribe", {}))  # a client event
    assert "seq" in str(guard.socket_problem("/feed", "feed:item", {**item, "item": {**item["item"], "seq": "1"}}))
    assert guard.socket_problem("/", "sync:poke", {"cursor": "12"}) is None
    assert guard.socket_problem("/", "sync:poke", {"cursor": 12}) is not None
    assert guard.socket_problem("/messaging", "typing", {"conversation_id": "c", "user_id": "u"}) is None
    assert guard.socket_problem("/messaging", "typing", {"conversation_id": "c"}) is not None


def test_the_guard_checks_recorded_events_against_the_kafka_channels() -> None:
    guard = contract()
    body: dict[str, Any] = {
        "event_id": "00000000-0000-4000-8000-000000000000",
        "type": "membership.ended",
        "occurred_at": "2026-01-01T00:00:00Z",
        "subject": "o",
        "data": {"organisation_id": "o", "user_id": "u", "reason": "left"},
    }
    assert guard.event_problem(body, "domain") is None
    assert "reason" in str(guard.event_problem({**body, "data": {**body["data"], "reason": "fired"}}, "domain"))
    assert "not in the domain stream" in str(guard.event_problem({**body, "type": "membership.lost"}, "domain"))
    assert "not in the finance stream" in str(guard.event_problem(body, "finance"))
    audit = {
        **body,
        "type": "audit.user.suspend",
        "data": {"subject_type": "user", "before": None, "after": {}, "request_id": None, "ip": None},
    }
    assert guard.event_problem(audit, "audit") is None


async def test_an_off_contract_emit_fails_the_test_that_sent_it(
    client: TestClient, events_on_contract: list[str]
) -> None:
    emitter = client.server.app[EMITTER]
    await emitter.emit_to_room("/", "nobody", "sync:poke", {"cursor": 5})  # an int: off the contract
    await emitter.emit_to_room("/feed", "nobody", "feed:gone", {})
    caught = list(events_on_contract)
    events_on_contract.clear()  # caught: this test itself passes
    assert any("sync:poke" in p and "cursor" in p for p in caught), caught
    assert any("feed:gone" in p for p in caught), caught


def test_the_emitter_checks_payloads_against_the_models() -> None:
    assert checked("/", "sync:poke", {"cursor": "3"}) == {"cursor": "3"}
    assert checked("/", "sync:poke", events.SyncPoke(cursor="3")) == {"cursor": "3"}
    with pytest.raises(OffContract):
        checked("/", "sync:pokey", {"cursor": "3"})
    with pytest.raises(OffContract):
        checked("/presence", "presence:update", {"user_id": "u", "status": "asleep", "last_seen": None})
    with pytest.raises(OffContract):
        checked("/feed", "booking:payment", events.SyncPoke(cursor="3"))


async def test_the_app_serves_the_document(client: TestClient) -> None:
    response = await client.get(ROUTE)
    assert response.status == 200 and response.content_type == "application/json"
    assert await response.json() == json.loads(render(build_asyncapi()))
