"""Uploads attached and swept (issue 14): a message attachment by upload id (the other party
downloads it, a stranger gets 404, an upload attaches once; old URL attachments still work),
and the orphan sweep (uploads nobody attached within MEDIA_ORPHAN_HOURS lose their bytes)."""

from __future__ import annotations

import secrets
from datetime import timedelta

import pytest

from app.bootstrap import CONTAINER
from domain.media import sweeps
from domain.shared import clock
from tests.conftest import app_of
from tests.support.identity import register
from tests.support.media import fetch, png, upload
from tests.support.messaging import make_booking, open_conversation

pytestmark = pytest.mark.integration


async def _booking_chat(client):
    customer, serviceman, stranger = (await register(client, "customer"), await register(client, "serviceman"),
                                      await register(client, "customer"))
    booking_id = await make_booking(customer.id, crew=(serviceman.id,))
    conversation = await open_conversation(client, customer, kind="booking", booking_id=booking_id)
    return customer, serviceman, stranger, conversation["id"]


async def _send(client, who, conversation_id, attachments):
    return await client.post(f"/v1/conversations/{conversation_id}/messages", headers=who.headers, json={
        "client_msg_id": secrets.token_hex(8), "body": "see photo", "attachments": attachments})


async def test_a_message_attachment_by_upload_id_is_read_by_the_parties_only(client):
    customer, serviceman, stranger, conversation_id = await _booking_chat(client)
    photo = await (await upload(client, customer, png(), "image/png", kind="attachment")).json()
    sent = await _send(client, customer, conversation_id, [{"kind": "image", "upload_id": photo["id"]}])
    assert sent.status == 201, await sent.text()
    attachment = (await sent.json())["attachments"][0]
    assert (attachment["upload_id"], attachment["ref"]) == (photo["id"], f"upload:{photo['id']}")
    link = await client.get(f"/v1/uploads/{photo['id']}/download", headers=serviceman.headers)
    assert link.status == 200
    assert (await fetch(client, (await link.json())["url"]))[0] == 200
    assert (await client.get(f"/v1/uploads/{photo['id']}/download", headers=stranger.headers)).status == 404
    # Attached once: not again, and not by someone who does not own it.
    again = await _send(client, customer, conversation_id, [{"kind": "image", "upload_id": photo["id"]}])
    assert again.status == 422
    assert (await again.json())["errors"][0]["field"] == "body.attachments.0.upload_id" or \
        (await again.json())["errors"][0]["type"] == "attached"
    theirs = await _send(client, serviceman, conversation_id, [{"kind": "image", "upload_id": photo["id"]}])
    assert theirs.status == 422


async def test_a_url_attachment_of_an_old_client_still_works(client):
    customer, _, _, conversation_id = await _booking_chat(client)
    sent = await _send(client, customer, conversation_id, [{"kind": "file", "ref": "https://cdn.test/a.pdf"}])
    assert sent.status == 201
    stored = (await sent.json())["attachments"][0]
    assert (stored["kind"], stored["ref"], stored["upload_id"]) == ("file", "https://cdn.test/a.pdf", None)


async def test_orphans_are_swept_and_attached_uploads_stay(client, monkeypatch):
    customer, _, _, conversation_id = await _booking_chat(client)
    media = app_of(client)[CONTAINER].media
    kept = await (await upload(client, customer, png(), "image/png", kind="attachment")).json()
    orphan = await (await upload(client, customer, png((9, 9)), "image/png", kind="attachment")).json()
    assert (await _send(client, customer, conversation_id, [{"kind": "image", "upload_id": kept["id"]}])).status == 201
    url = (await (await client.get(f"/v1/uploads/{orphan['id']}/download", headers=customer.headers)).json())["url"]
    assert await sweeps.sweep_orphans(media) == 0  # too young
    later = clock.utcnow() + media.config.orphan_after + timedelta(minutes=1)
    monkeypatch.setattr(clock, "utcnow", lambda: later)
    assert await sweeps.sweep_orphans(media) == 1
    gone = await (await client.get(f"/v1/uploads/{orphan['id']}", headers=customer.headers)).json()
    assert gone["state"] == "deleted"
    assert (await client.get(f"/v1/uploads/{orphan['id']}/download", headers=customer.headers)).status == 409
    monkeypatch.undo()
    assert (await fetch(client, url))[0] == 404  # the bytes are gone, even through a fresh-enough link
    still = await (await client.get(f"/v1/uploads/{kept['id']}", headers=customer.headers)).json()
    assert (still["state"], still["attached"]) == ("ready", True)
