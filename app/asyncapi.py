"""The AsyncAPI 3.0 document of everything that is not request/response: the Socket.IO namespaces
(realtime/contract.py, from the handlers and realtime/events.py) and the Kafka streams
(bus/contract.py). Never edit it by hand: change the model, then regenerate the committed
snapshot with `fieldsync asyncapi --out docs/api/asyncapi.json` (app/contracts.py; the test suite
fails while it is stale). Served at GET /v1/asyncapi.json."""

from __future__ import annotations

from typing import Any

from aiohttp import web

from bus.contract import kafka_part
from realtime.contract import socket_part
from rest.responses import dumps

ROUTE = "/v1/asyncapi.json"

_DESCRIPTION = """\
Fieldsync's event contracts, generated from the code.

**Socket.IO** (server `socketio`): one channel per namespace. Connect with `auth: {"token": "<access token>"}`.
Every client event takes an ack callback answered with `{"ok": true, "data": ...}` or
`{"ok": false, "error": {"code", "message", "details"?}}` (the operation's reply). Server events carry one
JSON payload. Prose, ordering and delivery guarantees: docs/events.md.

**Kafka** (server `kafka`): one topic per stream; every message is the event envelope with `type` fixed and
`data` per event type. Delivery is at least once: dedupe by `event_id`.
"""


def build_asyncapi(version: str = "0.1.0") -> dict[str, Any]:
    parts = [socket_part(), kafka_part()]
    doc: dict[str, Any] = {
        "asyncapi": "3.0.0",
        "info": {"title": "Fieldsync realtime and event streams", "version": version, "description": _DESCRIPTION},
        "defaultContentType": "application/json",
        "servers": {
            "socketio": {
                "host": "localhost:8080",
                "pathname": "/socket.io",
                "protocol": "ws",
                "description": "Socket.IO v5 (Engine.IO v4) over WebSocket or long-polling",
            },
            "kafka": {
                "host": "localhost:9092",
                "protocol": "kafka",
                "description": "KAFKA_BOOTSTRAP; topics may carry KAFKA_TOPIC_PREFIX",
            },
        },
        "channels": {},
        "operations": {},
        "components": {"schemas": {}, "messages": {}},
    }
    for part in parts:
        _merge(doc["channels"], part["channels"], "channel")
        _merge(doc["operations"], part["operations"], "operation")
        _merge(doc["components"]["messages"], part["messages"], "message")
        _merge(doc["components"]["schemas"], part["schemas"], "schema")
    doc["components"]["schemas"] = dict(sorted(doc["components"]["schemas"].items()))
    return doc


def _merge(into: dict[str, Any], part: dict[str, Any], what: str) -> None:
    for key, value in part.items():
        if key in into and into[key] != value:
            raise ValueError(f"two different {what}s named {key!r}: rename one model")
        into[key] = value


ASYNCAPI_CACHE = web.AppKey("asyncapi_cache", dict)


async def get_asyncapi(request: web.Request) -> web.Response:
    cache: dict[str, bytes] = request.app[ASYNCAPI_CACHE]
    if "document" not in cache:
        cache["document"] = dumps(build_asyncapi())
    return web.Response(body=cache["document"], content_type="application/json")


def mount_asyncapi(app: web.Application) -> None:
    app[ASYNCAPI_CACHE] = {}
    app.router.add_get(ROUTE, get_asyncapi)
