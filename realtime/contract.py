"""The Socket.IO half of the AsyncAPI document (app/asyncapi.py assembles it), made from the code:
each namespace's `on_<event>` handlers (their payload model and what they return, inside the
ack envelope of realtime/acks.py) and the server events of realtime/events.py.

Ids: a namespace's channel is its path without slashes (`feed`; `/` is `root`); a client
event's message is `<channel>.<event>` with `:` as `.` (`feed.feed.subscribe`), its ack
`<message>.ack`; a server event's message is `<channel>.<event>`."""

from __future__ import annotations

import inspect
import typing
from typing import Any

from pydantic import TypeAdapter

from domain.shared.errors import ErrorCode
from realtime.base import AuthenticatedNamespace
from realtime.events import SERVER_EVENTS
from realtime.namespaces import NAMESPACE_CLASSES

REF = "#/components/schemas/{model}"
SERVER = "socketio"

ACK_ERROR: dict[str, Any] = {
    "type": "object",
    "title": "AckError",
    "description": "A refused client event: a stable `code` (the same strings as REST problem documents), a "
    "message for people and, for some codes, `details` (`errors` for validation_failed, "
    "`retry_after` for rate_limited and service_unavailable).",
    "required": ["ok", "error"],
    "additionalProperties": False,
    "properties": {
        "ok": {"const": False},
        "error": {
            "type": "object",
            "required": ["code", "message"],
            "additionalProperties": False,
            "properties": {
                "code": {"type": "string", "examples": sorted(str(code) for code in ErrorCode)},
                "message": {"type": "string"},
                "details": {"type": "object"},
            },
        },
    },
}


def channel_id(namespace: str) -> str:
    return namespace.strip("/") or "root"


def message_id(namespace: str, event: str) -> str:
    return f"{channel_id(namespace)}.{event.replace(':', '.')}"


def wire_name(handler_key: str) -> str:
    """`feed_subscribe` -> `feed:subscribe` as clients send it (base.py maps `:` and `-` to `_`)."""
    prefix, _, rest = handler_key.partition("_")
    return f"{prefix}:{rest}" if rest else prefix


def _returns(namespace: type[AuthenticatedNamespace], method: str) -> Any:
    hint = typing.get_type_hints(getattr(namespace, method)).get("return", Any)
    return Any if hint is type(None) else hint


class _Collector:
    """Gathers (key, adapter) pairs, then makes every schema at once so shared models share one
    named component."""

    def __init__(self) -> None:
        self.inputs: list[tuple[str, typing.Literal["validation", "serialization"], TypeAdapter[Any]]] = []

    def add(self, key: str, annotation: Any, mode: typing.Literal["validation", "serialization"]) -> str:
        self.inputs.append((key, mode, TypeAdapter(annotation)))
        return key

    def build(self) -> tuple[dict[str, dict[str, Any]], dict[str, Any]]:
        keyed, defs = TypeAdapter.json_schemas(self.inputs, ref_template=REF)
        return {key: schema for (key, _mode), schema in keyed.items()}, dict(defs.get("$defs", {}))


def socket_part() -> dict[str, Any]:
    """`channels`, `operations`, `components.messages` and `components.schemas` of the sockets."""
    collector = _Collector()
    client: list[tuple[str, str, str, str]] = []  # (namespace, event, payload key, return key)
    for cls in NAMESPACE_CLASSES:
        for key, handler in sorted(cls._handlers.items()):
            event = wire_name(key)
            payload_key = (
                collector.add(f"in:{cls.NAME}:{event}", _payload_type(cls, handler.method), "validation")
                if handler.payload is not None
                else ""
            )
            returned = collector.add(f"ack:{cls.NAME}:{event}", _returns(cls, handler.method), "serialization")
            client.append((cls.NAME, event, payload_key, returned))
    server = [
        (ns, event, collector.add(f"out:{ns}:{event}", model, "serialization"))
        for ns, events in SERVER_EVENTS.items()
        for event, model in events.items()
    ]
    schemas, defs = collector.build()
    defs["AckError"] = ACK_ERROR

    channels: dict[str, Any] = {}
    operations: dict[str, Any] = {}
    messages: dict[str, Any] = {}
    for cls in NAMESPACE_CLASSES:
        channels[channel_id(cls.NAME)] = {
            "address": cls.NAME,
            "title": f"Socket.IO namespace {cls.NAME}",
            "description": (inspect.getdoc(inspect.getmodule(cls)) or "").split("\n\n")[0],
            "servers": [{"$ref": f"#/servers/{SERVER}"}],
            "messages": {},
        }
    for namespace, event, payload_key, returned in client:
        mid, chan = message_id(namespace, event), channel_id(namespace)
        payload = schemas[payload_key] if payload_key else {"description": "no payload (anything sent is ignored)"}
        messages[mid] = {"name": event, "title": f"{event} (client -> server)", "payload": payload}
        messages[mid + ".ack"] = {
            "name": f"{event} ack",
            "title": f"The ack of {event}",
            "payload": {
                "oneOf": [
                    {
                        "type": "object",
                        "required": ["ok", "data"],
                        "additionalProperties": False,
                        "properties": {"ok": {"const": True}, "data": schemas[returned]},
                    },
                    {"$ref": "#/components/schemas/AckError"},
                ]
            },
        }
        _attach(channels, chan, mid, mid + ".ack")
        operations[f"{mid}.receive"] = {
            "action": "receive",
            "summary": f"A client sends {event} on {namespace}, with an ack callback.",
            "channel": {"$ref": f"#/channels/{chan}"},
            "messages": [{"$ref": f"#/channels/{chan}/messages/{mid}"}],
            "reply": {
                "channel": {"$ref": f"#/channels/{chan}"},
                "messages": [{"$ref": f"#/channels/{chan}/messages/{mid}.ack"}],
            },
        }
    for namespace, event, key in server:
        mid, chan = message_id(namespace, event), channel_id(namespace)
        model = SERVER_EVENTS[namespace][event]
        messages[mid] = {
            "name": event,
            "title": f"{event} (server -> client)",
            "summary": (model.__doc__ or "").strip().split("\n")[0],
            "payload": schemas[key],
        }
        _attach(channels, chan, mid)
        operations[f"{mid}.send"] = {
            "action": "send",
            "summary": f"The server emits {event} on {namespace}.",
            "channel": {"$ref": f"#/channels/{chan}"},
            "messages": [{"$ref": f"#/channels/{chan}/messages/{mid}"}],
        }
    return {"channels": channels, "operations": operations, "messages": messages, "schemas": defs}


def _attach(channels: dict[str, Any], chan: str, *mids: str) -> None:
    for mid in mids:
        channels[chan]["messages"][mid] = {"$ref": f"#/components/messages/{mid}"}


def _payload_type(cls: type[AuthenticatedNamespace], method: str) -> Any:
    params = list(inspect.signature(getattr(cls, method)).parameters.values())[2:]
    return typing.get_type_hints(getattr(cls, method)).get(params[0].name, Any)
