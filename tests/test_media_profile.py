"""Profile photos by upload id (issue 14), and uploads in delta sync: the owner's `uploads`
rows carry metadata only, nobody else receives them, and `users.photo_upload_id` syncs."""

from __future__ import annotations

import pytest

from tests.support.identity import register
from tests.support.media import fetch, png, upload
from tests.support.sync import Replica, flush

pytestmark = pytest.mark.integration


async def _photo(client, who, size=(8, 8), kind="profile_photo"):
    return await (await upload(client, who, png(size), "image/png", kind=kind)).json()


async def test_a_profile_photo_is_an_upload_everyone_signed_in_may_see(client):
    owner, other = await register(client, "serviceman"), await register(client, "customer")
    first = await _photo(client, owner)
    me = await client.put("/v1/me/photo", headers=owner.headers, json={"upload_id": first["id"]})
    assert me.status == 200, await me.text()
    assert (await me.json())["photo_upload_id"] == first["id"]
    profile = await (await client.get(f"/v1/servicemen/{owner.id}/profile", headers=other.headers)).json()
    assert profile["photo_upload_id"] == first["id"]
    link = await client.get(f"/v1/uploads/{first['id']}/download", headers=other.headers)
    assert link.status == 200
    assert (await fetch(client, (await link.json())["url"]))[0] == 200
    assert (await client.get(f"/v1/uploads/{first['id']}/download")).status == 401
    # A new photo releases the old one (an orphan now: the sweep takes it).
    second = await _photo(client, owner, (9, 9))
    assert (await client.put("/v1/me/photo", headers=owner.headers, json={"upload_id": second["id"]})).status == 200
    old = await (await client.get(f"/v1/uploads/{first['id']}", headers=owner.headers)).json()
    assert old["attached"] is False
    assert (await client.get(f"/v1/uploads/{first['id']}/download", headers=other.headers)).status == 404
    removed = await client.delete("/v1/me/photo", headers=owner.headers)
    assert (await removed.json())["photo_upload_id"] is None


async def test_only_your_own_confirmed_profile_photo_may_be_set(client):
    owner, other = await register(client, "customer"), await register(client, "customer")
    theirs = await _photo(client, other)
    evidence = await _photo(client, owner, kind="evidence")
    pending = (await upload(client, owner, png(), "image/png", kind="profile_photo", confirm=False))["upload"]
    for upload_id, reason in ((theirs["id"], "reference"), (evidence["id"], "wrong_kind"),
                              (pending["id"], "not_ready")):
        refused = await client.put("/v1/me/photo", headers=owner.headers, json={"upload_id": upload_id})
        assert refused.status == 422
        assert (await refused.json())["errors"][0]["type"] == reason
    me = await (await client.get("/v1/me", headers=owner.headers)).json()
    assert me["photo_upload_id"] is None


async def test_uploads_sync_to_their_owner_as_metadata_only(client):
    owner, other = await register(client, "customer"), await register(client, "customer")
    photo = await _photo(client, owner)
    await client.put("/v1/me/photo", headers=owner.headers, json={"upload_id": photo["id"]})
    await flush(client)
    mine, theirs = Replica(owner), Replica(other)
    await mine.catch_up(client)
    await theirs.catch_up(client)
    row = mine.rows[("uploads", photo["id"])]
    assert (row["state"], row["content_type"], row["kind"], row["sha256"]) == (
        "ready", "image/png", "profile_photo", photo["sha256"])
    assert row["attached_at"] is not None
    assert not any(key in row for key in ("data", "bytes", "attached_to", "owner_id"))
    assert mine.rows[("users", owner.id)]["photo_upload_id"] == photo["id"]
    assert theirs.ids("uploads") == set()
