"""Dispute evidence (issue 14): references to the booking's messages, evidence uploads (the
author's own, confirmed, of kind evidence, attached once), private and shared entries (a party
sees its own and the shared ones; admins see all), caps (exact under concurrent posts), a
replayed entry made once, and the same timeline through delta sync for a party who was offline."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

import pytest
from aiohttp.test_utils import TestClient

from domain.disputes.models import DisputeEntry
from domain.media.models import Upload
from domain.notifications.models import Notification
from domain.shared.outbox import OutboxEvent
from tests.support.bookings import Market, build_market
from tests.support.bus import wait_until
from tests.support.disputes import add_entry, get_dispute, open_dispute, paid_booking
from tests.support.media import png, upload
from tests.support.messaging import open_conversation, send_rest
from tests.support.payments import FAST, problem
from tests.support.sync import Replica, flush


@pytest.fixture
async def world(make_client: Callable[..., Any]) -> tuple[TestClient, Market]:
    client = await make_client(**FAST, dispute_max_evidence_per_party=3)
    return client, await build_market(client)


async def test_private_evidence_is_seen_by_its_author_and_admins_only(world):
    client, m = world
    booking, _ = await paid_booking(client, m)
    chat = (await open_conversation(client, m.customer, kind="booking", booking_id=booking["id"]))["id"]
    said = await send_rest(client, m.customer, chat, "you promised Monday")
    other = await open_conversation(client, m.customer, kind="support")
    elsewhere = await send_rest(client, m.customer, other["id"], "unrelated")
    dispute = await open_dispute(client, m.customer, booking["id"])
    upload = (await (await upload_of(client, m.customer)).json())["id"]
    shared = await add_entry(client, m.customer, dispute["id"], body="the chat", message_ids=[said["id"]],
                             upload_ids=[upload])
    assert shared["message_ids"] == [said["id"]] and shared["upload_ids"] == [upload]
    private = await add_entry(client, m.customer, dispute["id"], body="my notes", shared=False)
    # A message of another conversation, or an id that is no upload, is refused.
    await problem(await client.post(f"/v1/disputes/{dispute['id']}/entries", headers=m.customer.headers,
                                    json={"body": "x", "message_ids": [elsewhere["id"]]}), 422, "validation_failed")
    await problem(await client.post(f"/v1/disputes/{dispute['id']}/entries", headers=m.customer.headers,
                                    json={"body": "x", "upload_ids": ["not-an-id"]}), 422, "validation_failed")
    seqs = {who: [e["seq"] for e in (await get_dispute(client, account, dispute["id"]))["timeline"]]
            for who, account in (("customer", m.customer), ("provider", m.provider), ("admin", m.admin),
                                 ("crew", m.crew[0]))}
    assert private["seq"] in seqs["customer"] and private["seq"] in seqs["admin"]
    assert private["seq"] not in seqs["provider"] and private["seq"] not in seqs["crew"]
    assert shared["seq"] in seqs["provider"]
    await problem(await client.get(f"/v1/disputes/{dispute['id']}", headers=m.outsider.headers), 404, "not_found")
    await problem(await client.get(f"/v1/disputes/{dispute['id']}/entries", headers=m.outsider.headers),
                  404, "not_found")


async def test_evidence_is_capped_and_a_replayed_entry_is_made_once(world):
    client, m = world
    booking, _ = await paid_booking(client, m)
    dispute = await open_dispute(client, m.customer, booking["id"])
    first = await add_entry(client, m.customer, dispute["id"], body="one", client_key="k-1")
    again = await add_entry(client, m.customer, dispute["id"], body="one", client_key="k-1")
    assert again["id"] == first["id"]
    assert await DisputeEntry.filter(dispute_id=dispute["id"], client_key="k-1").count() == 1
    for n in range(2):
        await add_entry(client, m.customer, dispute["id"], body=f"more {n}")
    capped = await client.post(f"/v1/disputes/{dispute['id']}/entries", headers=m.customer.headers,
                               json={"body": "one too many"})
    details = (await problem(capped, 409, "conflict"))["details"]
    assert (details["reason"], details["cause"]) == ("limit_reached", "evidence_limit")
    long = await client.post(f"/v1/disputes/{dispute['id']}/entries", headers=m.provider.headers,
                             json={"body": "x" * 5001})
    await problem(long, 422, "validation_failed")
    # Entries are append-only in the database too.
    with pytest.raises(Exception, match="append-only"):
        await DisputeEntry.filter(id=first["id"]).update(body="changed")


async def upload_of(client: TestClient, who: Any, kind: str = "evidence", confirm: bool = True) -> Any:
    return await upload(client, who, png(), "image/png", kind=kind, confirm=confirm)


async def test_evidence_uploads_are_the_authors_own_confirmed_evidence_attached_once(world):
    client, m = world
    booking, _ = await paid_booking(client, m)
    dispute = await open_dispute(client, m.customer, booking["id"])
    entries = f"/v1/disputes/{dispute['id']}/entries"

    async def refused(who: Any, upload_id: str, why: str) -> None:
        answer = await client.post(entries, headers=who.headers, json={"body": "x", "upload_ids": [upload_id]})
        error = (await problem(answer, 422, "validation_failed"))["errors"][0]
        assert (error["field"].endswith("upload_ids.0"), error["type"]) == (True, why), error

    mine = (await (await upload_of(client, m.customer)).json())["id"]
    await refused(m.provider, mine, "reference")  # another's upload reads as missing
    await refused(m.customer, (await (await upload_of(client, m.customer, "attachment")).json())["id"], "wrong_kind")
    await refused(m.customer, (await upload_of(client, m.customer, confirm=False))["upload"]["id"], "not_ready")
    entry = await add_entry(client, m.customer, dispute["id"], body="the photo", upload_ids=[mine])
    assert (await Upload.get(id=mine)).attached_to == f"dispute_entry:{entry['id']}"
    await refused(m.customer, mine, "attached")
    # Two entries racing for one upload: one holds it, the other is refused and not stored.
    contested = (await (await upload_of(client, m.customer)).json())["id"]
    answers = await asyncio.gather(*(client.post(entries, headers=m.customer.headers, json={
        "body": f"race {n}", "upload_ids": [contested]}) for n in range(2)))
    assert sorted(a.status for a in answers) == [201, 422]
    assert await DisputeEntry.filter(dispute_id=dispute["id"], body__startswith="race").count() == 1


async def test_concurrent_evidence_at_the_cap_gets_in_once(world):
    client, m = world
    booking, _ = await paid_booking(client, m)
    dispute = await open_dispute(client, m.customer, booking["id"])
    for n in range(2):
        await add_entry(client, m.customer, dispute["id"], body=f"evidence {n}")
    answers = await asyncio.gather(*(client.post(f"/v1/disputes/{dispute['id']}/entries", headers=m.customer.headers,
                                                 json={"body": f"last {n}"}) for n in range(4)))
    assert sorted(a.status for a in answers) == [201, 409, 409, 409]
    assert await DisputeEntry.filter(dispute_id=dispute["id"], kind="evidence", author_side="customer").count() == 3


async def test_an_offline_party_pulls_the_same_timeline(world):
    client, m = world
    booking, _ = await paid_booking(client, m)
    dispute = await open_dispute(client, m.customer, booking["id"])
    await add_entry(client, m.customer, dispute["id"], body="shared one")
    await add_entry(client, m.customer, dispute["id"], body="private one", shared=False)
    await add_entry(client, m.provider, dispute["id"], kind="response", body="we disagree")
    await flush(client)
    for who in (m.provider, m.customer, m.admin):
        replica = Replica(who)
        await replica.catch_up(client, collections=["disputes", "dispute_entries"])
        rows = sorted((r for (c, _), r in replica.rows.items() if c == "dispute_entries"), key=lambda r: r["seq"])
        rest = (await get_dispute(client, who, dispute["id"]))["timeline"]
        assert [(r["seq"], r["body"], r["kind"]) for r in rows] == [(e["seq"], e["body"], e["kind"]) for e in rest]
        (synced,) = [r for (c, _), r in replica.rows.items() if c == "disputes"]
        assert synced["state"] == "negotiating" and synced["last_seq"] == 4
    outsider = Replica(m.outsider)
    await outsider.catch_up(client, collections=["disputes", "dispute_entries"])
    assert not outsider.rows


async def test_the_other_side_is_notified_of_each_shared_entry_and_nobody_of_a_private_one(world):
    client, m = world
    booking, _ = await paid_booking(client, m)
    dispute = await open_dispute(client, m.customer, booking["id"])

    async def notified(user_id: str, kind: str, count: int) -> bool:
        return await Notification.filter(user_id=user_id, kind=kind).count() >= count

    await wait_until(lambda: notified(m.provider.id, "dispute.opened", 1), 10, "the provider told of the dispute")
    await add_entry(client, m.customer, dispute["id"], body="private", shared=False)
    await add_entry(client, m.provider, dispute["id"], kind="response", body="answer")
    await wait_until(lambda: notified(m.customer.id, "dispute.entry_added", 1), 10, "the customer told")
    await add_entry(client, m.customer, dispute["id"], body="shared")
    await wait_until(lambda: notified(m.provider.id, "dispute.entry_added", 1), 10, "the provider told")
    # Who each entry tells: the private one nobody, the others the other side only.
    told = [row["data"]["notify"] for row in await OutboxEvent.filter(type="dispute.entry_added").order_by("id")
            .values_list("body", flat=True)]
    provider_side = sorted([m.provider.id, m.crew[0].id])
    assert [sorted(t) for t in told] == [[], [m.customer.id], provider_side]
