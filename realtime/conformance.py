"""Requests the Engine.IO layer refuses as the reference implementation (Node's engine.io v6,
the server of Socket.IO v4) does, where python-engineio 4.15 answers otherwise.

python-engineio takes a request without `transport` for long-polling (the reference: 400,
"Transport unknown"), answers a handshake by PUT/DELETE/... with 405 (aiohttp's, the route has
GET/POST/OPTIONS only), answers a POST on a session it has closed with a 500, and lets a
second websocket into a session in the middle of its upgrade. Each refusal here is the
reference's: status 400, body `{"code": n, "message": ...}` (python-engineio's bodies are a
bare JSON string). One deliberate
difference: a request with another method on an open session gets 400 "Bad request" where the
reference answers 500 (a client's mistake is never a 5xx here). docs/events.md "Engine.IO
conformance".
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

UNKNOWN_TRANSPORT, UNKNOWN_SID, BAD_HANDSHAKE_METHOD, BAD_REQUEST = 0, 1, 2, 3
_MESSAGES = {
    UNKNOWN_TRANSPORT: "Transport unknown",
    UNKNOWN_SID: "Session ID unknown",
    BAD_HANDSHAKE_METHOD: "Bad handshake method",
    BAD_REQUEST: "Bad request",
}
_SESSION_METHODS = frozenset({"GET", "POST"})


def refusal_code(
    method: str, query: Mapping[str, str], transports: Sequence[str], sockets: Mapping[str, Any]
) -> int | None:
    """The reference's error code for this request, or None to let python-engineio serve it.
    The checks run in the reference's order (engine.io `Server.verify`)."""
    if method == "OPTIONS":  # a CORS preflight: answered before any check, as the reference does
        return None
    if query.get("transport") not in transports:
        return UNKNOWN_TRANSPORT
    sid = query.get("sid")
    if sid is None:
        return None if method == "GET" else BAD_HANDSHAKE_METHOD
    sock = sockets.get(sid)
    if sock is None:
        return UNKNOWN_SID
    last_poll = method == "GET" and query.get("transport") == "polling" and collects_close(sock)
    if sock.closed and not last_poll:
        return UNKNOWN_SID  # python-engineio: a text body, and a 500 for a POST on a closed session
    if method not in _SESSION_METHODS:
        return BAD_REQUEST
    if query.get("transport") == "websocket" and (sock.upgrading or sock.upgraded):
        return BAD_REQUEST  # one websocket per session
    return None


def collects_close(sock: Any) -> bool:
    """A poll of a session the server closed while no poll was waiting: it gets the CLOSE
    (python-engineio would refuse it, the session being closed)."""
    return bool(sock.closed and getattr(sock, "close_pending", False))


def error_response(code: int) -> dict[str, Any]:
    """A refusal in python-engineio's response format (status, headers, body)."""
    body = json.dumps({"code": code, "message": _MESSAGES[code]}, separators=(",", ":"))
    return {"status": "400 BAD REQUEST", "headers": [("Content-Type", "application/json")], "response": body.encode()}
