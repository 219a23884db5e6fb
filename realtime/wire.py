"""What goes on the wire: the orjson codec python-socketio uses, and payload conversion."""

from __future__ import annotations

from typing import Any

import orjson
from pydantic import BaseModel


class OrjsonCodec:
    """python-socketio wants a `json`-module lookalike: `dumps` returning str (it calls it
    with `separators=`, which orjson's compact output already honours) and `loads`."""

    @staticmethod
    def dumps(obj: Any, **_kwargs: Any) -> str:
        return orjson.dumps(obj, default=_default).decode()

    @staticmethod
    def loads(data: str | bytes, **_kwargs: Any) -> Any:
        return orjson.loads(data)


def _default(obj: Any) -> Any:
    if isinstance(obj, BaseModel):
        return obj.model_dump(mode="json")
    raise TypeError(f"{type(obj).__name__} is not JSON serialisable")


def to_wire(payload: Any) -> Any:
    """Plain JSON-able data for an emit or an ack (pydantic models dumped in JSON mode)."""
    if isinstance(payload, BaseModel):
        return payload.model_dump(mode="json")
    return payload
