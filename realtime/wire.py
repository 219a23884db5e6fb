"""What goes on the wire: the orjson codec python-socketio uses, and payload conversion."""

from __future__ import annotations

from typing import Any

import orjson
from pydantic import BaseModel
from socketio import packet as sio_packet


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


class JsonPacket(sio_packet.Packet):  # type: ignore[misc]
    """python-socketio's packet, its JSON made once when it is made: python-socketio walks every
    outgoing payload for bytes (`data_is_binary`, a list per level, no early exit), then dumps
    it. orjson refuses bytes, so a payload that dumps has none; one that does not takes
    python-socketio's way (binary attachments, or its own error when it is encoded). A packet is
    encoded as it was made: python-socketio and realtime/broadcast.py encode one right away."""

    json = OrjsonCodec  # as the server sets it (`json=`), also for a packet made before the server
    _text: str | None = None

    def __init__(self, packet_type: int = sio_packet.EVENT, data: Any = None, namespace: str | None = None,
                 id: int | None = None, binary: bool | None = None,
                 encoded_packet: Any = None) -> None:
        text = None
        if binary is None and data is not None and encoded_packet is None and packet_type in _JSON_TYPES:
            try:
                text = self.json.dumps(data, separators=(",", ":"))
            except TypeError:  # bytes (orjson's JSONEncodeError is a TypeError): the walk decides
                text = None
            else:
                binary = False
        super().__init__(packet_type, data, namespace, id, binary, encoded_packet)
        self._text = text

    def encode(self) -> Any:
        text = self._text
        if text is None:
            return super().encode()
        encoded = str(self.packet_type)
        if self.namespace is not None and self.namespace != "/":
            encoded += self.namespace + ","
        if self.id is not None:
            encoded += str(self.id)
        return encoded + text


_JSON_TYPES = frozenset({sio_packet.EVENT, sio_packet.ACK})
