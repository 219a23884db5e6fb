"""A pytest plugin (tests/conftest.py loads it): during the whole suite, every event a server
emits on a socket and every event the domain records for Kafka is checked against the AsyncAPI
document (app/asyncapi.py) with jsonschema, and the test during which an invalid one went out
fails, naming it.

Hooked where every emit passes on its way to sockets (realtime/broadcast.py `LocalFanout.emit`,
which also delivers what other processes publish through Redis, and `FieldsyncServer.emit_here`)
and where every event becomes its wire body (`DomainEvent.wire`, used by the outbox and by the
audit statement). Test-only probes are named `test:...` and pass; a test that emits other
made-up events on purpose (transport tests) says so with `@pytest.mark.off_contract_emits`."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from app.asyncapi import build_asyncapi
from bus.contract import AUDIT_TYPE_PATTERN
from bus.contract import channel_id as kafka_channel
from domain.shared.events import DomainEvent
from realtime.broadcast import LocalFanout
from realtime.contract import channel_id as socket_channel
from realtime.sio import FieldsyncServer
from realtime.wire import to_wire

TEST_PREFIX = "test:"
_seen: list[str] = []  # what went off the contract during the current test


class Contract:
    """The validators of one AsyncAPI document, by (channel, message name)."""

    def __init__(self, doc: dict[str, Any]) -> None:
        self._doc = doc
        self._validators: dict[str, Draft202012Validator] = {}

    def _validator(self, message: str) -> Draft202012Validator:
        found = self._validators.get(message)
        if found is None:
            schema = {
                "allOf": [{"$ref": f"#/components/messages/{message}/payload"}],
                "components": self._doc["components"],
            }
            found = self._validators[message] = Draft202012Validator(schema)
        return found

    def _message_of(self, channel: str, name: str, sent_by_server: bool = True) -> str | None:
        """The message the server sends on `channel` under `name` (a client event of the same
        name, `message:read` or `typing` on /messaging, is another message)."""
        chan = self._doc["channels"].get(channel)
        if chan is None:
            return None
        for op in self._doc["operations"].values():
            if op["channel"]["$ref"] != f"#/channels/{channel}" or (op["action"] == "send") != sent_by_server:
                continue
            for ref in op["messages"]:
                mid = ref["$ref"].rsplit("/", 1)[-1]
                if self._doc["components"]["messages"][mid]["name"] == name:
                    return mid
        return None

    def socket_problem(self, namespace: str, event: str, data: Any) -> str | None:
        """Why this server emit is off the contract, or None. Acks are not server events."""
        mid = self._message_of(socket_channel(namespace), event)
        if mid is None:
            return f"{event!r} is not a server event of namespace {namespace!r} in the AsyncAPI document"
        return _first_error(self._validator(mid), data, f"{event!r} on {namespace!r}")

    def event_problem(self, body: dict[str, Any], stream: str) -> str | None:
        """Why this recorded event is off the contract, or None."""
        type_ = str(body.get("type"))
        name = "audit.<action>" if stream == "audit" and re.match(AUDIT_TYPE_PATTERN, type_) else type_
        mid = self._message_of(kafka_channel(stream), name)
        if mid is None:
            return f"event type {type_!r} is not in the {stream} stream of the AsyncAPI document (bus/contract.py)"
        return _first_error(self._validator(mid), body, f"event {type_!r}")


def _first_error(validator: Draft202012Validator, data: Any, what: str) -> str | None:
    error = next(iter(validator.iter_errors(data)), None)
    if error is None:
        return None
    where = "/".join(str(p) for p in error.absolute_path) or "(payload)"
    return f"{what}: {where}: {error.message[:300]}"


@functools.cache
def contract() -> Contract:
    return Contract(build_asyncapi())


def _note(problem: str | None) -> None:
    if problem is not None:
        _seen.append(problem)


def _guard_emits() -> Iterator[None]:
    fanout_emit, emit_here, wire = LocalFanout.emit, FieldsyncServer.emit_here, DomainEvent.wire

    async def checked_emit(self: LocalFanout, event: str, data: Any, namespace: str, *args: Any, **kwargs: Any) -> None:
        if isinstance(event, str) and not event.startswith(TEST_PREFIX) and not isinstance(data, tuple):
            _note(contract().socket_problem(namespace, event, to_wire(data)))
        await fanout_emit(self, event, data, namespace, *args, **kwargs)

    async def checked_emit_here(self: FieldsyncServer, sid: str, namespace: str, event: str, data: Any) -> bool:
        if not event.startswith(TEST_PREFIX):
            _note(contract().socket_problem(namespace, event, to_wire(data)))
        return bool(await emit_here(self, sid, namespace, event, data))

    def checked_wire(self: DomainEvent) -> dict[str, Any]:
        body = wire(self)
        _note(contract().event_problem(body, self.stream))
        return body

    LocalFanout.emit = checked_emit  # type: ignore[method-assign]
    FieldsyncServer.emit_here = checked_emit_here  # type: ignore[method-assign]
    DomainEvent.wire = checked_wire  # type: ignore[method-assign]
    try:
        yield
    finally:
        LocalFanout.emit, FieldsyncServer.emit_here = fanout_emit, emit_here  # type: ignore[method-assign]
        DomainEvent.wire = wire  # type: ignore[method-assign]


@pytest.fixture(scope="session", autouse=True)
def contract_guard_installed() -> Iterator[None]:
    yield from _guard_emits()


@pytest.fixture(autouse=True)
def events_on_contract(request: pytest.FixtureRequest) -> Iterator[list[str]]:
    """Fails the test during which an emit or a recorded event left the AsyncAPI contract."""
    _seen.clear()
    yield _seen
    problems, off_contract_allowed = list(_seen), request.node.get_closest_marker("off_contract_emits")
    _seen.clear()
    if problems and not off_contract_allowed:
        pytest.fail(
            "off the AsyncAPI contract (docs/api/asyncapi.json):\n  " + "\n  ".join(problems[:10]), pytrace=False
        )


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "off_contract_emits: the test emits made-up socket events or records made-up domain events "
        "on purpose (transport probes, bus plumbing); they are not checked against AsyncAPI",
    )
