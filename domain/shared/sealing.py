"""Protection at rest: envelope encryption of single column values, keyed hashes for lookups
and for addresses we keep only to compare.

Envelope encryption (`Sealer`): every value gets its own random 256-bit data key; the value is
sealed with it (AES-256-GCM) and the data key is wrapped by the active key-encryption key of a
`KeyProvider` (the port: a local keyring from settings by default, infra/keyring.py; a KMS
adapter implements the same three methods). The stored text is versioned and names the key:

    fs1.<kid>.<wrapped data key, base64url>.<nonce + ciphertext + tag, base64url>

Both layers authenticate the value's place (`Place`: table, column and the row's id) as
associated data, so a ciphertext copied into another row or column does not open, and any
change to a stored value is detected (`SealBroken`). Rotating the key-encryption key only
rewraps the data key (`Sealer.rewrap`): the sealed value itself is unchanged.

Values written before envelope encryption by the seller tax vault (`v1:` + nonce and
ciphertext under TAX_DATA_KEY, the owner as associated data) still open through `LegacyVault`
until the re-encryption job has converted them (domain/privacy/at_rest.py).

Keyed hashes (`Pseudonyms`): an HMAC-SHA256 blind index for lookups by email, and a keyed hash
of client addresses (audit records, refresh tokens) that still lets two records be compared
without keeping the address. Each use has its own key derived from one secret."""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import os
import re
from dataclasses import dataclass
from typing import Protocol

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

FORMAT = "fs1"
LEGACY_PREFIX = "v1:"
KID = re.compile(r"^[A-Za-z0-9_-]{1,32}$")
_NONCE = 12


class SealBroken(Exception):
    """A stored value that does not open: changed, moved from another row, or under an unknown key."""


class KeyProvider(Protocol):
    """Key-encryption keys. `wrap` seals a data key under the active key (returning its kid),
    `unwrap` opens one under the key it names; `aad` must match both times."""

    @property
    def active_kid(self) -> str: ...

    def kids(self) -> tuple[str, ...]: ...

    async def wrap(self, data_key: bytes, aad: bytes) -> tuple[str, bytes]: ...

    async def unwrap(self, kid: str, wrapped: bytes, aad: bytes) -> bytes: ...


@dataclass(frozen=True)
class Place:
    """Where a value lives: what its ciphertext is bound to."""

    table: str
    column: str
    row: str

    def aad(self, layer: str) -> bytes:
        return f"{FORMAT}|{layer}|{self.table}|{self.column}|{self.row}".encode()


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


@dataclass(frozen=True)
class Envelope:
    kid: str
    wrapped: bytes
    sealed: bytes

    @classmethod
    def parse(cls, text: str) -> Envelope:
        parts = text.split(".")
        if len(parts) != 4 or parts[0] != FORMAT or not KID.match(parts[1]):
            raise SealBroken("not a sealed value")
        try:
            return cls(parts[1], _unb64(parts[2]), _unb64(parts[3]))
        except (ValueError, binascii.Error):
            raise SealBroken("not a sealed value") from None

    def text(self) -> str:
        return f"{FORMAT}.{self.kid}.{_b64(self.wrapped)}.{_b64(self.sealed)}"


def key_of(stored: str) -> str | None:
    """The kid a stored value is wrapped under; `legacy` for a tax vault value; None otherwise."""
    if stored.startswith(LEGACY_PREFIX):
        return "legacy"
    parts = stored.split(".", 2)
    return parts[1] if len(parts) == 3 and parts[0] == FORMAT else None


class LegacyVault:
    """Opens values the seller tax vault sealed before envelope encryption (read only)."""

    def __init__(self, key: bytes) -> None:
        if len(key) != 32:
            raise ValueError("the legacy tax data key must be 32 bytes")
        self._aead = AESGCM(key)

    def open(self, owner: str, stored: str) -> str:
        try:
            raw = base64.b64decode(stored.removeprefix(LEGACY_PREFIX))
            return self._aead.decrypt(raw[:_NONCE], raw[_NONCE:], owner.encode()).decode()
        except (InvalidTag, ValueError, binascii.Error):
            raise SealBroken("a legacy tax vault value does not open") from None


class Sealer:
    """Seals and opens column values (AES-256-GCM, a data key per value, wrapped by the provider)."""

    def __init__(self, keys: KeyProvider, legacy: LegacyVault | None = None) -> None:
        self.keys = keys
        self._legacy = legacy

    async def seal(self, place: Place, plain: str) -> str:
        data_key = AESGCM.generate_key(bit_length=256)
        nonce = os.urandom(_NONCE)
        sealed = nonce + AESGCM(data_key).encrypt(nonce, plain.encode(), place.aad("data"))
        kid, wrapped = await self.keys.wrap(data_key, place.aad("key"))
        return Envelope(kid, wrapped, sealed).text()

    async def open(self, place: Place, stored: str, legacy_owner: str | None = None) -> str:
        """The plain value; `legacy_owner` is the associated data a `v1:` value was sealed with."""
        if stored.startswith(LEGACY_PREFIX):
            if self._legacy is None or legacy_owner is None:
                raise SealBroken("a legacy tax vault value and no legacy key to open it")
            return self._legacy.open(legacy_owner, stored)
        envelope = Envelope.parse(stored)
        data_key = await self._unwrap(envelope, place)
        try:
            return AESGCM(data_key).decrypt(envelope.sealed[:_NONCE], envelope.sealed[_NONCE:],
                                            place.aad("data")).decode()
        except (InvalidTag, ValueError):
            raise SealBroken(f"{place.table}.{place.column} of {place.row} does not open") from None

    async def open_or_none(self, place: Place, stored: str | None) -> str | None:
        return None if stored is None or stored == "" else await self.open(place, stored)

    async def rewrap(self, place: Place, stored: str, legacy_owner: str | None = None) -> str:
        """The same value under the active key: an envelope's data key is rewrapped (the sealed
        value is unchanged and is checked first); a legacy value is opened and sealed anew."""
        if stored.startswith(LEGACY_PREFIX):
            return await self.seal(place, await self.open(place, stored, legacy_owner))
        envelope = Envelope.parse(stored)
        if envelope.kid == self.keys.active_kid:
            return stored
        data_key = await self._unwrap(envelope, place)
        try:
            AESGCM(data_key).decrypt(envelope.sealed[:_NONCE], envelope.sealed[_NONCE:], place.aad("data"))
        except (InvalidTag, ValueError):
            raise SealBroken(f"{place.table}.{place.column} of {place.row} does not open") from None
        kid, wrapped = await self.keys.wrap(data_key, place.aad("key"))
        return Envelope(kid, wrapped, envelope.sealed).text()

    async def _unwrap(self, envelope: Envelope, place: Place) -> bytes:
        if envelope.kid not in self.keys.kids():
            raise SealBroken(f"sealed under key {envelope.kid!r}, which the keyring does not hold")
        try:
            return await self.keys.unwrap(envelope.kid, envelope.wrapped, place.aad("key"))
        except (InvalidTag, ValueError):
            raise SealBroken(f"{place.table}.{place.column} of {place.row}: its data key does not open") from None


class Pseudonyms:
    """Keyed hashes (HMAC-SHA256) from one secret, a derived key per use."""

    def __init__(self, secret: bytes) -> None:
        if len(secret) < 32:
            raise ValueError("the hashing secret must be at least 32 bytes")
        self._email = hmac.new(secret, b"fieldsync/email-index/v1", hashlib.sha256).digest()
        self._ip = hmac.new(secret, b"fieldsync/client-address/v1", hashlib.sha256).digest()

    def email_index(self, email_key: str) -> str:
        """The blind index of an email in its stored form (accounts.services.email_key): 64 hex."""
        return hmac.new(self._email, email_key.encode(), hashlib.sha256).hexdigest()

    def address(self, ip: str | None) -> str | None:
        """A client address as `hk1:` and 32 hex characters (128 bits): equal addresses give
        equal values, and the address cannot be read back without the key."""
        if ip is None or not ip.strip():
            return None
        return "hk1:" + hmac.new(self._ip, ip.strip().encode(), hashlib.sha256).hexdigest()[:32]
