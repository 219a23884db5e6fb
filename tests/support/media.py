"""Uploads in tests: moto's S3-compatible server as a real process (started on first use, like
localstripe), a malware-scanner fake that knows the EICAR test file, pictures with EXIF GPS,
and the client side of the upload protocol (declare, send the bytes, confirm)."""

from __future__ import annotations

import hashlib
import io
import sys
from pathlib import Path
from typing import Any

import aiohttp
from PIL import Image

from domain.media.ports import ScanVerdict
from tests.support.services import Process, free_port

EICAR = rb"X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*"
S3_BUCKET = "fieldsync-test-media"


def moto_server(workdir: Path) -> Process:
    port = free_port()
    args = [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)]
    return Process(args, port, workdir / f"moto-{port}.log")


def s3_settings(endpoint: str) -> dict[str, Any]:
    return {"media_storage": "s3", "media_s3_bucket": S3_BUCKET, "media_s3_endpoint_url": endpoint,
            "media_s3_access_key_id": "test", "media_s3_secret_access_key": "test",
            "media_s3_create_bucket": True}


class EicarScanner:
    """Flags the EICAR test string anywhere in the file, as every real scanner does."""

    def __init__(self) -> None:
        self.scanned = 0

    async def scan(self, data: bytes) -> ScanVerdict:
        self.scanned += 1
        return ScanVerdict(clean=False, signature="EICAR-Test-File") if EICAR in data else ScanVerdict(clean=True)


def jpeg_with_gps(size: tuple[int, int] = (64, 48)) -> bytes:
    """A JPEG whose EXIF holds a GPS position (52.52 N, 13.40 E) and a camera make."""
    image = Image.new("RGB", size, (200, 30, 30))
    exif = Image.Exif()
    exif[0x010F] = "FieldCam"  # Make
    gps = {1: "N", 2: (52.0, 31.0, 12.0), 3: "E", 4: (13.0, 24.0, 18.0)}
    exif[0x8825] = gps  # GPSInfo IFD
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif.tobytes())
    return out.getvalue()


def png(size: tuple[int, int] = (8, 8)) -> bytes:
    out = io.BytesIO()
    Image.new("RGBA", size, (0, 128, 255, 255)).save(out, format="PNG")
    return out.getvalue()


def declaration(data: bytes, content_type: str, kind: str = "evidence", **extra: Any) -> dict[str, Any]:
    return {"kind": kind, "content_type": content_type, "size": len(data),
            "sha256": hashlib.sha256(data).hexdigest(), **extra}


async def send(client: Any, put: dict[str, Any], data: bytes) -> int:
    """Send the bytes as the signed request says: to the app (local store) or to S3."""
    if put["url"].startswith("/"):
        response = await client.request(put["method"], put["url"], data=data, headers=put["headers"])
        return int(response.status)
    async with aiohttp.ClientSession() as session, session.request(
            put["method"], put["url"], data=data, headers=put["headers"]) as response:
        return response.status


async def fetch(client: Any, url: str) -> tuple[int, bytes]:
    if url.startswith("/"):
        response = await client.get(url)
        return int(response.status), await response.read()
    async with aiohttp.ClientSession() as session, session.get(url) as response:
        return response.status, await response.read()


async def upload(client: Any, who: Any, data: bytes, content_type: str, kind: str = "evidence",
                 confirm: bool = True) -> Any:
    """Declare, send, confirm; returns the confirm response (or the declared body)."""
    declared = await client.post("/v1/uploads", headers=who.headers, json=declaration(data, content_type, kind))
    assert declared.status == 201, await declared.text()
    body = await declared.json()
    assert await send(client, body["put"], data) in (200, 204)
    if not confirm:
        return body
    return await client.post(f"/v1/uploads/{body['upload']['id']}/confirm", headers=who.headers)


_UPLOADS: dict[int, str] = {}  # world -> the serviceman's upload (made on first use)


async def victim_upload(client: Any, victim: Any) -> dict[str, str]:
    """Path ids of a confirmed upload of `victim` (and of its file in the local store)."""
    view = await (await upload(client, victim, png(), "image/png")).json()
    return {"upload_id": view["id"], "area": "objects", "name": view["id"]}


def upload_call(action: str) -> Any:
    """For the policy matrix: `create`, or `confirm`/`read` on the serviceman's upload."""

    async def run(client: Any, world: Any, who: Any) -> int:
        headers = who.headers if who else {}
        if action == "create":
            return int((await client.post("/v1/uploads", headers=headers,
                                          json=declaration(png(), "image/png"))).status)
        if id(world) not in _UPLOADS:
            _UPLOADS[id(world)] = (await victim_upload(client, world.serviceman))["upload_id"]
        upload_id = _UPLOADS[id(world)]
        if action == "confirm":
            return int((await client.post(f"/v1/uploads/{upload_id}/confirm", headers=headers)).status)
        return int((await client.get(f"/v1/uploads/{upload_id}/download", headers=headers)).status)

    return run
