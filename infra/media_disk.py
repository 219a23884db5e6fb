"""The object store on the local disk, for the embedded default (`./dev run`, one process):
files under one folder, read and written through signed URLs of our own (HMAC over method,
key, expiry and type; served by rest/handlers/files.py). Nothing there is public either."""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import os
import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import quote, urlencode

from domain.media.ports import SignedRequest
from domain.shared import clock

FILES_PATH = "/v1/files"
# staging/<uuid> (what clients send), objects/<uuid> (what was kept) and exports/<region>/<uuid>
# (data-subject exports, domain/privacy/export_service.py): nothing else is a key.
_UUID = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
_KEY = re.compile(rf"^((staging|objects)/{_UUID}|exports/[a-z0-9][a-z0-9-]{{0,39}}/{_UUID})$")


@dataclass(frozen=True)
class Grant:
    """What a valid signature allows: one method on one key, until `expires`."""

    method: str
    key: str
    expires: int
    content_type: str
    size: int  # the most bytes a PUT may send (0 for a GET)
    filename: str = ""


class DiskStore:
    def __init__(self, root: str | Path, secret: bytes, base_url: str = "") -> None:
        self.root = Path(root)
        self.secret = secret
        self.base_url = base_url.rstrip("/")

    def path(self, key: str) -> Path:
        if not _KEY.fullmatch(key):
            raise ValueError(f"not a storage key: {key!r}")
        return self.root / key

    # --- signed URLs ---------------------------------------------------------------------------
    def _signature(self, g: Grant) -> str:
        message = "\n".join((g.method, g.key, str(g.expires), g.content_type, str(g.size), g.filename))
        return hmac.new(self.secret, message.encode(), hashlib.sha256).hexdigest()

    def _sign(self, grant: Grant) -> SignedRequest:
        query = {"expires": grant.expires, "type": grant.content_type, "size": grant.size}
        if grant.filename:
            query["name"] = grant.filename
        query["signature"] = self._signature(grant)
        url = f"{self.base_url}{FILES_PATH}/{grant.key}?{urlencode(query, quote_via=quote)}"
        headers = {"Content-Type": grant.content_type} if grant.method == "PUT" else {}
        return SignedRequest(grant.method, url, datetime.fromtimestamp(grant.expires, UTC), headers)

    def verify(self, method: str, key: str, query: dict[str, str]) -> Grant | None:
        """The grant a request's signature proves, if it is valid and not expired now."""
        try:
            grant = Grant(method, key, int(query.get("expires", "")), query.get("type", ""),
                          int(query.get("size", "")), query.get("name", ""))
        except ValueError:
            return None
        if not _KEY.fullmatch(key) or not hmac.compare_digest(self._signature(grant), query.get("signature", "")):
            return None
        if clock.utcnow().timestamp() >= grant.expires:
            return None
        return grant

    def _expiry(self, ttl_seconds: int) -> int:
        return int((clock.utcnow() + timedelta(seconds=ttl_seconds)).timestamp())

    async def sign_upload(self, key: str, content_type: str, size: int, ttl_seconds: int) -> SignedRequest:
        return self._sign(Grant("PUT", key, self._expiry(ttl_seconds), content_type, size))

    async def sign_download(self, key: str, content_type: str, filename: str | None,
                            ttl_seconds: int) -> SignedRequest:
        return self._sign(Grant("GET", key, self._expiry(ttl_seconds), content_type, 0, filename or ""))

    # --- objects -------------------------------------------------------------------------------
    async def read(self, key: str, limit: int) -> bytes | None:
        return await asyncio.to_thread(self._read, self.path(key), limit)

    async def write(self, key: str, data: bytes, content_type: str) -> None:
        await asyncio.to_thread(self._write, self.path(key), data)

    async def delete(self, key: str) -> None:
        await asyncio.to_thread(self.path(key).unlink, missing_ok=True)

    @staticmethod
    def _read(path: Path, limit: int) -> bytes | None:
        try:
            with path.open("rb") as file:
                return file.read(limit)
        except FileNotFoundError:
            return None

    @staticmethod
    def _write(path: Path, data: bytes) -> None:
        """Whole or not at all: a reader never sees half a file."""
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        partial = path.with_name(f".{path.name}.{os.getpid()}.{id(data)}.part")
        partial.write_bytes(data)
        os.replace(partial, path)
