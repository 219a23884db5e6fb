"""Opaque pull cursors: a position in the change stream, bound to a user, a client, the
collections asked for and the server's epoch, signed so nobody can forge or reuse another's.

Layout (then base64url without padding): version, mode, epoch, tick, txpos, user, client,
collections hash, [snapshot key], and the first 16 bytes of an HMAC-SHA256 over all of it.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import struct
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from uuid import UUID

from domain.shared.errors import DomainError, ErrorCode

FORMAT = 1
MAC_BYTES = 16
# A delta position past every transaction of its tick: "the whole tick is applied".
END_OF_TICK = 2**63 - 1
_HEADER = struct.Struct(">BcIqq16s16sI")
NO_CLIENT = UUID(int=0)


class InvalidCursor(DomainError):
    code = ErrorCode.BAD_REQUEST
    default_message = "The cursor is not valid here: it is damaged or was issued to another user, client or query."


@dataclass(frozen=True)
class SnapshotKey:
    """Where a snapshot page stopped: the last (scope, collection, row id) sent."""

    scope: str
    collection: str
    row_id: str


@dataclass(frozen=True)
class Cursor:
    user_id: UUID
    client_id: UUID
    collections: int  # hash of the collection filter, 0 for all
    epoch: int
    tick: int
    txpos: int = END_OF_TICK
    snapshot: SnapshotKey | None = None  # set while the initial snapshot is still being paged


def collections_hash(names: Iterable[str] | None) -> int:
    if not names:
        return 0
    return zlib.crc32(",".join(sorted(set(names))).encode()) or 1


def cursor_secrets(explicit: str | None, signing_keys: dict[str, str], active_kid: str) -> tuple[bytes, ...]:
    """The configured secret, or one derived from each JWT signing key, the active one first
    (so rotating the JWT keys rotates cursor keys the same way, without invalidating cursors)."""
    if explicit:
        return (explicit.encode(),)
    ordered = [signing_keys[active_kid], *(key for kid, key in signing_keys.items() if kid != active_kid)]
    return tuple(hmac.new(key.encode(), b"fieldsync sync cursor v1", hashlib.sha256).digest() for key in ordered)


class CursorCodec:
    """Signs with the first secret; accepts a cursor signed with any of them."""

    def __init__(self, secrets: tuple[bytes, ...]) -> None:
        if not secrets or any(len(secret) < 32 for secret in secrets):
            raise ValueError("cursor secrets must be at least 32 bytes")
        self._secrets = secrets

    def encode(self, cursor: Cursor) -> str:
        payload = _HEADER.pack(FORMAT, b"S" if cursor.snapshot else b"D", cursor.epoch, cursor.tick, cursor.txpos,
                               cursor.user_id.bytes, cursor.client_id.bytes, cursor.collections)
        if cursor.snapshot is not None:
            payload += b"".join(_field(part) for part in
                                (cursor.snapshot.scope, cursor.snapshot.collection, cursor.snapshot.row_id))
        return base64.urlsafe_b64encode(payload + self._mac(payload, self._secrets[0])).rstrip(b"=").decode()

    def decode(self, text: str) -> Cursor:
        try:
            raw = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
        except (binascii.Error, ValueError):
            raise InvalidCursor() from None
        payload, mac = raw[:-MAC_BYTES], raw[-MAC_BYTES:]
        if len(payload) < _HEADER.size or not any(hmac.compare_digest(mac, self._mac(payload, secret))
                                                  for secret in self._secrets):
            raise InvalidCursor()
        fmt, mode, epoch, tick, txpos, user, client, collections = _HEADER.unpack_from(payload)
        if fmt != FORMAT or mode not in (b"S", b"D"):
            raise InvalidCursor()
        snapshot = None
        if mode == b"S":
            parts, rest = [], payload[_HEADER.size:]
            for _ in range(3):
                size = struct.unpack_from(">H", rest)[0]
                parts.append(rest[2:2 + size].decode())
                rest = rest[2 + size:]
            snapshot = SnapshotKey(*parts)
        return Cursor(UUID(bytes=user), UUID(bytes=client), collections, epoch, tick, txpos, snapshot)

    @staticmethod
    def _mac(payload: bytes, secret: bytes) -> bytes:
        return hmac.new(secret, payload, hashlib.sha256).digest()[:MAC_BYTES]


def _field(text: str) -> bytes:
    data = text.encode()
    return struct.pack(">H", len(data)) + data
