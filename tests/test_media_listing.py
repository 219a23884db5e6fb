"""Listing and storefront pictures by upload id (issue 14): a draft's photo is for its crew,
a storefront's banner for everyone signed in; replacing a picture releases the old upload; old
URL items still work; someone else's upload cannot be put on your listing."""

from __future__ import annotations

import pytest

from tests.support.identity import register
from tests.support.media import png, upload

pytestmark = pytest.mark.integration


async def _photo(client, who, size=(8, 8)):
    return (await (await upload(client, who, png(size), "image/png", kind="listing_photo")).json())["id"]


async def _org(client, owner):
    created = await client.post("/v1/orgs", headers=owner.headers, json={"name": "Pipes Ltd"})
    return (await created.json())["id"]


async def test_a_draft_listing_photo_is_for_its_crew_only(client):
    provider, stranger = await register(client, "provider"), await register(client, "customer")
    org_id = await _org(client, provider)
    photo = await _photo(client, provider)
    created = await client.post("/v1/services", headers=provider.headers, json={
        "owner_org_id": org_id, "title": "Draft", "media": [
            {"upload_id": photo, "caption": "the van"}, {"url": "https://cdn.test/old.jpg"}]})
    assert created.status == 201, await created.text()
    media = (await created.json())["media"]
    assert [(m["upload_id"], m["url"]) for m in media] == [(photo, None), (None, "https://cdn.test/old.jpg")]
    assert (await client.get(f"/v1/uploads/{photo}/download", headers=provider.headers)).status == 200
    assert (await client.get(f"/v1/uploads/{photo}/download", headers=stranger.headers)).status == 404
    # Someone else's upload cannot go on this listing; nothing of the edit is kept.
    theirs = await _photo(client, stranger)
    service = await created.json()
    patched = await client.patch(f"/v1/services/{service['id']}", headers=provider.headers,
                                 json={"version": service["version"], "media": [{"upload_id": theirs}]})
    assert patched.status == 422
    assert (await patched.json())["errors"][0]["field"].endswith("media.0.upload_id")
    again = await (await client.get(f"/v1/services/{service['id']}", headers=provider.headers)).json()
    assert again["version"] == service["version"] and again["media"][0]["upload_id"] == photo


async def test_a_storefront_banner_is_seen_by_everyone_signed_in_and_replacing_it_releases_the_old(client):
    provider, visitor = await register(client, "provider"), await register(client, "customer")
    org_id = await _org(client, provider)
    first, second = await _photo(client, provider), await _photo(client, provider, (9, 9))
    saved = await client.put(f"/v1/orgs/{org_id}/storefront", headers=provider.headers,
                             json={"banner": {"upload_id": first}})
    assert saved.status == 200, await saved.text()
    assert (await client.get(f"/v1/uploads/{first}/download", headers=visitor.headers)).status == 200
    front = await (await client.get(f"/v1/storefronts/{org_id}")).json()
    assert front["banner"]["upload_id"] == first
    assert (await client.put(f"/v1/orgs/{org_id}/storefront", headers=provider.headers,
                             json={"galleries": [{"media": [{"upload_id": second}]}]})).status == 200
    assert (await client.get(f"/v1/uploads/{first}/download", headers=visitor.headers)).status == 404
    assert (await (await client.get(f"/v1/uploads/{first}", headers=provider.headers)).json())["attached"] is False
    assert (await client.get(f"/v1/uploads/{second}/download", headers=visitor.headers)).status == 200
