"""The server's Socket.IO packets (realtime/wire.py `JsonPacket`): the same frames as
python-socketio's own packet, a payload's JSON made once; a payload with bytes still goes as
python-socketio sends binary (placeholders and attachments)."""

from __future__ import annotations

import pytest
from socketio import packet as sio_packet

from realtime.wire import JsonPacket, OrjsonCodec

pytestmark = pytest.mark.unit


class _Stock(sio_packet.Packet):  # type: ignore[misc]
    json = OrjsonCodec


MESSAGE = {"message": {"id": "m1", "seq": 7, "body": "héllo \"quoted\"", "attachments": [{"ref": "r", "name": None}],
                       "flag_reasons": [], "flagged": False}, "cursor": "42"}


@pytest.mark.parametrize(("kind", "data", "namespace", "ack_id"), [
    (sio_packet.EVENT, ["message:new", MESSAGE], "/messaging", None),
    (sio_packet.EVENT, ["sync:poke", {"cursor": "9"}], "/", None),
    (sio_packet.EVENT, ["typing", {"n": 1}], None, 12),
    (sio_packet.ACK, [{"ok": True, "data": MESSAGE}], "/messaging", 3),
    (sio_packet.CONNECT, {"sid": "abc"}, "/feed", None),
    (sio_packet.CONNECT_ERROR, {"message": "Invalid namespace"}, "/nope", None),
    (sio_packet.DISCONNECT, None, "/messaging", None),
])
def test_frames_are_python_socketios(kind: int, data: object, namespace: str | None, ack_id: int | None) -> None:
    ours = JsonPacket(kind, data=data, namespace=namespace, id=ack_id)
    stock = _Stock(kind, data=data, namespace=namespace, id=ack_id)
    assert (ours.packet_type, ours.encode()) == (stock.packet_type, stock.encode())
    back = JsonPacket(encoded_packet=ours.encode())
    assert (back.packet_type, back.namespace, back.id, back.data) == (kind, namespace if namespace != "/" else None,
                                                                      ack_id, data)


def test_a_payload_with_bytes_still_goes_binary() -> None:
    ours = JsonPacket(sio_packet.EVENT, data=["file", {"blob": b"\x00\x01", "name": "a"}], namespace="/m")
    assert ours.packet_type == sio_packet.BINARY_EVENT
    assert ours.encode() == _Stock(sio_packet.EVENT, data=["file", {"blob": b"\x00\x01", "name": "a"}],
                                   namespace="/m").encode()
    assert ours.encode() == ['51-/m,["file",{"blob":{"_placeholder":true,"num":0},"name":"a"}]', b"\x00\x01"]


def test_a_payload_that_is_not_json_fails_as_before() -> None:
    with pytest.raises(TypeError):
        JsonPacket(sio_packet.EVENT, data=["x", {"when": object()}]).encode()
