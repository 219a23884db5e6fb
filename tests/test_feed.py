"""The live feed (issue 5): who gets which items live on `/feed` and in `GET /v1/feed`,
narrowing by zone, resuming after a seq without duplicates, ranking, and bad input."""

from __future__ import annotations

import uuid
from typing import Any

from realtime.rooms import feed_room
from realtime.server import EMITTER
from tests.conftest import app_of
from tests.support.bookings import CENTRE, act, book, build_market, job_body, make_serviceman, make_zone, ok
from tests.support.bus import wait_until
from tests.support.identity import Account, join_org
from tests.support.socket_clients import Recorder, caught_up
from tests.support.sync import flush, pull

FEED = "/feed"
ITEM = "feed:item"
NORTH = (52.70, 13.40)  # a second zone of the same city, apart from CENTRE's


def _url(client: Any) -> str:
    return str(client.make_url("")).rstrip("/")


async def _socket(client: Any, who: Account, **subscription: Any) -> Recorder:
    recorder = await Recorder.connect(_url(client), who.access_token, [FEED], [ITEM])
    ack = await _subscribe(recorder, subscription)
    assert ack["ok"], ack
    return recorder


async def _subscribe(recorder: Recorder, payload: Any) -> Any:
    return await recorder.client.call("feed:subscribe", payload, namespace=FEED, timeout=5)


async def _feed(client: Any, who: Account, **params: Any) -> dict[str, Any]:
    return dict(await ok(await client.get("/v1/feed", headers=who.headers, params=params)))


async def _settled_feed(client: Any, who: Account, count: int, **params: Any) -> dict[str, Any]:
    """The feed once `count` items are in it (items are written by an event consumer, just after the change)."""
    async def arrived() -> bool:
        return len((await _feed(client, who, **params))["items"]) >= count

    await wait_until(arrived, 30, f"{count} feed items")
    return await _feed(client, who, **params)


async def _post_job(client: Any, customer: Account, **overrides: Any) -> dict[str, Any]:
    return dict(await ok(await client.post("/v1/jobs", headers=customer.headers, json=job_body(**overrides)), 201))


async def _next_item(recorder: Recorder, timeout: float = 10.0) -> dict[str, Any]:
    event = await recorder.next_event(FEED, ITEM, timeout)
    assert isinstance(event, dict) and set(event) == {"item", "cursor"}, event
    return event


async def _close(*recorders: Recorder) -> None:
    for recorder in recorders:
        await recorder.close()


async def test_servicemen_in_the_zone_and_trade_get_new_jobs_live_and_others_nothing(client):
    m = await build_market(client, crew_size=1)
    plumber = m.crew[0]
    electrician = await make_serviceman(client, [m.zone_id], categories=["electrical"], name="Eli")
    sockets = [await _socket(client, who) for who in (plumber, electrician, m.outsider)]
    try:
        job = await _post_job(client, m.customer)
        event = await _next_item(sockets[0])
        item = event["item"]
        assert event["cursor"] is not None and int(event["cursor"]) > 0
        assert (item["kind"], item["entity_type"], item["entity_id"]) == ("job.posted", "job", job["id"])
        assert item["zone_id"] == m.zone_id and item["amount"] == {"amount": 12000, "currency": "USD"}
        assert item["summary"]["title"] == job["title"] and item["summary"]["customer_name"] == "Cora"
        listed = await _feed(client, plumber)
        assert [i["id"] for i in listed["items"]] == [item["id"]] and listed["items"][0] == item
        # Another trade and another city: nothing stored, nothing sent.
        assert (await _feed(client, electrician))["items"] == []
        assert (await _feed(client, m.outsider))["items"] == []
        assert (await _feed(client, m.customer))["items"] == []  # nobody hears of their own action
        await caught_up(app_of(client)[EMITTER], FEED, sockets[1], sockets[2])  # the plumber's item went out first
        assert sockets[1].pending(FEED, ITEM) == 0 and sockets[2].pending(FEED, ITEM) == 0
        # The durable path: the same item in the recipient's delta sync, at the cursor sent.
        synced = await pull(client, plumber, collections=["feed_items"])
        assert [c["data"]["id"] for c in synced["changes"] if c["collection"] == "feed_items"] == [item["id"]]
    finally:
        await _close(*sockets)


async def test_a_crew_member_of_an_organisation_serving_the_zone_gets_its_jobs(client):
    """The audience reaches the zone's servicemen and the members of the organisations serving
    it, even one whose own zones are elsewhere; never someone only invited to the crew, nor the
    customer who posted."""
    m = await build_market(client, crew_size=1)
    await ok(await client.put(f"/v1/orgs/{m.org_id}/zones", headers=m.provider.headers, json={"zone_ids": [m.zone_id]}))
    await join_org(client, m.provider, m.org_id, m.outsider)  # a plumber of the far zone, now on this crew
    # Invited, not yet accepted: an invitation grants nothing, the crew's jobs included.
    invitee = await make_serviceman(client, [m.far_zone_id], name="Ivo")
    invited = await client.post(f"/v1/orgs/{m.org_id}/members", headers=m.provider.headers,
                                json={"user_id": invitee.id, "role": "serviceman"})
    assert invited.status == 201, await invited.text()
    job = await _post_job(client, m.customer)
    for who in (m.crew[0], m.outsider):
        feed = await _settled_feed(client, who, 1)
        assert [(i["kind"], i["entity_id"]) for i in feed["items"]] == [("job.posted", job["id"])], who.name
    assert (await _feed(client, m.customer))["items"] == []
    assert (await _feed(client, invitee))["items"] == []  # written with the others, so none is coming


async def test_customers_see_bids_and_bookings_and_providers_their_crews_activity(client):
    m = await build_market(client, crew_size=1)
    plumber = m.crew[0]
    customer_socket = await _socket(client, m.customer)
    provider_socket = await _socket(client, m.provider)
    try:
        job = await _post_job(client, m.customer)
        bid = await ok(await client.post(f"/v1/jobs/{job['id']}/bids", headers=plumber.headers,
                                         json={"amount": {"amount": 9000, "currency": "USD"}}), 201)
        placed = (await _next_item(customer_socket))["item"]
        assert (placed["kind"], placed["entity_id"]) == ("bid.placed", bid["id"])
        assert placed["summary"]["job_title"] == job["title"] and placed["summary"]["serviceman_name"] == "Crew 0"
        assert placed["amount"] == {"amount": 9000, "currency": "USD"}
        crew_bid = (await _next_item(provider_socket))["item"]
        assert (crew_bid["kind"], crew_bid["entity_id"]) == ("crew.bid_placed", bid["id"])

        booking = await ok(await book(client, m), 201)
        requested = (await _next_item(provider_socket))["item"]
        assert (requested["kind"], requested["entity_id"]) == ("booking.requested", booking["id"])
        assert sorted(i["kind"] for i in (await _feed(client, plumber))["items"]) == ["booking.requested", "job.posted"]
        await ok(await act(client, plumber, booking, "accept"))
        for recorder in (customer_socket, provider_socket):
            event = await _next_item(recorder)
            assert (event["item"]["kind"], event["item"]["entity_id"]) == ("booking.accepted", booking["id"])
            assert event["item"]["summary"]["state"] == "accepted" and event["cursor"] is not None
        assert "booking.accepted" not in [i["kind"] for i in (await _feed(client, plumber))["items"]]  # own action
        customer_kinds = [i["kind"] for i in (await _feed(client, m.customer))["items"]]
        assert sorted(customer_kinds) == ["bid.placed", "booking.accepted"]
    finally:
        await _close(customer_socket, provider_socket)


async def test_subscribing_narrows_to_zones_the_user_may_see(client):
    m = await build_market(client, crew_size=0)
    north = await make_zone(client, m.admin, *NORTH, name="North")
    plumber = await make_serviceman(client, [m.zone_id, north], name="Nia")
    recorder = await Recorder.connect(_url(client), plumber.access_token, [FEED], [ITEM])
    try:
        ack = await _subscribe(recorder, {"zone_ids": [m.zone_id, m.far_zone_id, "not-a-zone", m.zone_id]})
        assert ack == {"ok": True, "data": {"zones": [m.zone_id]}}  # the far zone is not theirs: left out
        northern = await _post_job(client, m.customer, lat=NORTH[0], lng=NORTH[1])
        central = await _post_job(client, m.customer)
        first = (await _next_item(recorder))["item"]
        assert first["entity_id"] == central["id"]  # the northern job was not sent to this socket
        assert {i["entity_id"] for i in (await _feed(client, plumber))["items"]} == {northern["id"], central["id"]}
        assert [i["entity_id"] for i in (await _feed(client, plumber, zone_id=north))["items"]] == [northern["id"]]

        widened = await _subscribe(recorder, {})
        assert widened == {"ok": True, "data": {"zones": None}}
        again = await _post_job(client, m.customer, lat=NORTH[0], lng=NORTH[1])
        assert (await _next_item(recorder))["item"]["entity_id"] == again["id"]
        assert (await recorder.client.call("feed:unsubscribe", {}, namespace=FEED, timeout=5))["ok"]
        await _post_job(client, m.customer)
        await _settled_feed(client, plumber, 4)  # stored for them: its live emit follows the commit
        await caught_up(app_of(client)[EMITTER], FEED, recorder)
        assert recorder.pending(FEED, ITEM) == 0
    finally:
        await recorder.close()


async def test_resuming_after_the_last_seq_delivers_only_newer_items_once(client):
    m = await build_market(client, crew_size=1)
    plumber = m.crew[0]
    recorder = await _socket(client, plumber)
    first = await _post_job(client, m.customer)
    seen = (await _next_item(recorder))["item"]
    assert seen["entity_id"] == first["id"]
    await recorder.close()

    missed = await _post_job(client, m.customer)  # while the app was away
    await _settled_feed(client, plumber, 2)  # stored while the app was away
    recorder = await Recorder.connect(_url(client), plumber.access_token, [FEED], [ITEM])
    try:
        ack = await _subscribe(recorder, {"after": seen["seq"]})
        assert ack["ok"] and [i["entity_id"] for i in ack["data"]["items"]] == [missed["id"]]
        assert ack["data"]["next_cursor"] is None
        # The replayed item's live emit coming late (its commit raced the subscribe) is held back.
        replayed = ack["data"]["items"][0]
        await app_of(client)[EMITTER].emit_to_rooms(FEED, [feed_room(plumber.id)], ITEM,
                                                     {"item": replayed, "cursor": None})
        latest = await _post_job(client, m.customer)
        assert (await _next_item(recorder))["item"]["entity_id"] == latest["id"]
        # The replayed item was emitted before `latest`: had it passed, it would have come first.
        assert recorder.pending(FEED, ITEM) == 0  # the replayed item did not come again live
        # A stale `after` (the item came live while the subscribe was on its way): not sent again.
        stale = await _subscribe(recorder, {"after": ack["data"]["items"][-1]["seq"]})
        assert stale["ok"] and stale["data"]["items"] == []
        other_device = await Recorder.connect(_url(client), plumber.access_token, [FEED], [ITEM])
        resumed = await _subscribe(other_device, {"after": ack["data"]["items"][-1]["seq"]})
        await other_device.close()
        assert [i["entity_id"] for i in resumed["data"]["items"]] == [latest["id"]]
        # The same catch-up over HTTP, in pages.
        page = await _feed(client, plumber, after=0, limit=2)
        assert [i["entity_id"] for i in page["items"]] == [first["id"], missed["id"]]
        rest = await _feed(client, plumber, cursor=page["next_cursor"], limit=2)
        assert [i["entity_id"] for i in rest["items"]] == [latest["id"]] and rest["next_cursor"] is None
    finally:
        await recorder.close()


async def test_relevance_and_budget_outrank_a_newer_less_relevant_item(client):
    m = await build_market(client, crew_size=0)
    specialist = await make_serviceman(client, [m.zone_id], categories=["plumbing.leak-repair"], name="Lea")
    exact = await _post_job(client, m.customer, budget_max={"amount": 90000, "currency": "USD"})
    general = await _post_job(client, m.customer, category_id="plumbing", lat=CENTRE[0], lng=CENTRE[1])
    cheap = await _post_job(client, m.customer, budget_max={"amount": 6000, "currency": "USD"})
    feed = await _settled_feed(client, specialist, 3)
    assert [i["entity_id"] for i in feed["items"]] == [exact["id"], cheap["id"], general["id"]]
    by_job = {i["entity_id"]: i for i in feed["items"]}
    assert by_job[exact["id"]]["factors"]["category"] == 2 and by_job[general["id"]]["factors"]["category"] == 1
    assert by_job[exact["id"]]["factors"]["budget"] > by_job[cheap["id"]]["factors"]["budget"]
    assert all(i["factors"]["zone"] == 2 for i in feed["items"])
    # Keyset pages: the same order, nothing twice, even with a new item arriving mid-way.
    first = await _feed(client, specialist, limit=1)
    newer = await _post_job(client, m.customer, category_id="plumbing", budget_max={"amount": 5000, "currency": "USD"})
    await _settled_feed(client, specialist, 4)
    second = await _feed(client, specialist, limit=5, cursor=first["next_cursor"])
    paged = [i["entity_id"] for i in first["items"] + second["items"]]
    assert paged[:3] == [exact["id"], cheap["id"], general["id"]] and len(paged) == len(set(paged))
    assert set(paged) <= {exact["id"], cheap["id"], general["id"], newer["id"]}


async def test_bad_subscriptions_and_queries_are_refused_cleanly(client):
    m = await build_market(client, crew_size=1)
    recorder = await Recorder.connect(_url(client), m.crew[0].access_token, [FEED], [ITEM])
    try:
        for payload in ({"zone_ids": "x"}, {"zone_ids": [1]}, {"after": -1}, {"after": "3"}, {"bogus": True},
                        {"zone_ids": ["z"] * 101}, "zones", None):
            ack = await _subscribe(recorder, payload)
            assert ack["ok"] is False and ack["error"]["code"] == "validation_failed", (payload, ack)
        assert (await _subscribe(recorder, {}))["ok"]  # the socket survived all of it
    finally:
        await recorder.close()
    for params in ({"limit": "0"}, {"limit": "x"}, {"cursor": "nonsense"}, {"after": "-1"}, {"zone_id": "x"},
                   {"after": "1", "cursor": "cnwxfDE"}):
        response = await client.get("/v1/feed", headers=m.crew[0].headers, params=params)
        assert response.status == 422, (params, response.status, await response.text())
        assert response.content_type == "application/problem+json"
        assert (await response.json())["code"] == "validation_failed"
    assert (await client.get("/v1/feed")).status == 401


async def test_with_kafka_the_feed_consumer_group_writes_and_sends_items(make_client, services):
    """The `feed` subscription as one Kafka consumer group: the same items, live and listed."""
    client = await make_client(kafka_bootstrap=services.kafka_bootstrap,
                               kafka_topic_prefix=f"feed{uuid.uuid4().hex[:8]}.")
    m = await build_market(client, crew_size=1)
    recorder = await _socket(client, m.crew[0])
    try:
        job = await _post_job(client, m.customer)
        event = await _next_item(recorder, timeout=90)  # the first poll waits for the group to form
        assert (event["item"]["kind"], event["item"]["entity_id"]) == ("job.posted", job["id"])
        assert event["cursor"] is not None
        assert [i["id"] for i in (await _feed(client, m.crew[0]))["items"]] == [event["item"]["id"]]
    finally:
        await recorder.close()


async def test_a_job_that_leaves_bidding_shows_as_closed_in_the_feeds_that_offered_it(client):
    m = await build_market(client, crew_size=1)
    plumber = m.crew[0]
    job = await _post_job(client, m.customer)
    offered = (await _settled_feed(client, plumber, 1))["items"][0]
    assert (offered["summary"]["state"], offered["version"]) == ("open", 1)
    await ok(await client.post(f"/v1/jobs/{job['id']}/cancel", headers=m.customer.headers, json={"reason": "done"}))

    async def closed() -> bool:
        return (await _feed(client, plumber))["items"][0]["summary"]["state"] == "cancelled"

    await wait_until(closed, 30, "the job.posted item to show the cancellation")
    item = (await _feed(client, plumber))["items"][0]
    assert item["id"] == offered["id"] and item["version"] == 2
    await flush(client)
    synced = await pull(client, plumber, collections=["feed_items"])
    assert [(c["data"]["summary"]["state"], c["version"]) for c in synced["changes"]] == [("cancelled", 2)]
