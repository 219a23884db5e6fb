"""The local keyring: key-encryption keys held in the process (from settings or SECRETS_DIR),
the default `KeyProvider` of domain/shared/sealing.py. A key management service would take
its place behind the same port (wrap and unwrap are calls to it; the keys never leave it)."""

from __future__ import annotations

import os
from collections.abc import Mapping

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from domain.shared.sealing import KID

_NONCE = 12


class LocalKeyring:
    """AES-256-GCM key wrapping under `keys[active_kid]`; every listed key unwraps, so a
    rotation (a new active kid, the old one still listed) keeps every read working."""

    def __init__(self, keys: Mapping[str, bytes], active_kid: str) -> None:
        for kid, key in keys.items():
            if not KID.match(kid):
                raise ValueError(f"key id {kid!r}: letters, digits, '-' or '_', at most 32")
            if len(key) != 32:
                raise ValueError(f"key {kid!r} must be 32 bytes (base64 of 32 random bytes)")
        if active_kid not in keys:
            raise ValueError(f"the active key {active_kid!r} is not in the keyring")
        self._keys = {kid: AESGCM(key) for kid, key in keys.items()}
        self._active = active_kid

    @property
    def active_kid(self) -> str:
        return self._active

    def kids(self) -> tuple[str, ...]:
        return tuple(self._keys)

    async def wrap(self, data_key: bytes, aad: bytes) -> tuple[str, bytes]:
        nonce = os.urandom(_NONCE)
        return self._active, nonce + self._keys[self._active].encrypt(nonce, data_key, aad)

    async def unwrap(self, kid: str, wrapped: bytes, aad: bytes) -> bytes:
        return self._keys[kid].decrypt(wrapped[:_NONCE], wrapped[_NONCE:], aad)
