"""Issue 11 item 8, the pull storm: a serviceman editing a profile (a public change) must not
make every connected client pull several times a second, and a burst of changes reaches each
socket as one coalesced poke (PROTOCOL section 3, docs/sync.md "Poke")."""

from __future__ import annotations

import asyncio

from domain.bookings.models import Booking
from domain.profiles.models import ServicemanProfile
from tests.support.identity import register
from tests.support.socket_clients import Recorder
from tests.support.sync import flush, make_booking, pokes_delivered, pokes_rung, sync_head

POKE = ("/", "sync:poke")


def _url(client) -> str:
    return str(client.make_url("")).rstrip("/")


async def _drain(recorder: Recorder) -> list[dict]:
    pokes = []
    while recorder.pending(*POKE):
        pokes.append(await recorder.next_event(*POKE))
    return pokes


async def test_profile_edits_ring_everyone_once_per_public_window_not_every_250_ms(make_client):
    # A public window longer than the four edits below take. Not much longer: the app's start is a
    # public change too (it stores the built-in flag defaults, `config`), and the set-up's profile
    # then rings only once that first window has passed.
    client = await make_client(sync_public_poke_interval_seconds=5.0, sync_poke_interval_seconds=0.1)
    serviceman, bystander = await register(client, "serviceman"), await register(client, "customer")
    await ServicemanProfile.create(user_id=serviceman.id, bio="Plumber")
    await flush(client)
    watcher = await Recorder.connect(_url(client), bystander.access_token, ["/"], ["sync:poke"])
    await pokes_delivered(client, watcher)  # the set-up's own pokes
    await _drain(watcher)
    try:
        for bio in ("Plumber, 10 years", "Plumber and tiler", "Tiler", "Plumber again"):
            await ServicemanProfile.filter(user_id=serviceman.id).update(bio=bio)
            await flush(client)
            # The scenario, not a wait: edits more than a poke window (0.25 s) apart; before
            # the public window each of them rang everyone.
            await asyncio.sleep(0.4)
        # An absence: a ring for the last edit would come within a poke window plus the socket's interval.
        await asyncio.sleep(0.5)
        assert len(await _drain(watcher)) <= 1

        # The bystander's own changes still ring at once: only public ones wait.
        booking_id = await make_booking(bystander.id)
        await flush(client)
        poke = await watcher.next_event(*POKE, timeout=2)
        assert int(poke["cursor"]) == await sync_head(client)
        await Booking.filter(id=booking_id).update(notes="gate code 1234")
    finally:
        await watcher.close()


async def test_a_burst_of_changes_reaches_each_socket_as_one_poke_and_nobody_else(make_client):
    client = await make_client(sync_poke_interval_seconds=2.0)
    url = _url(client)
    customer, stranger = await register(client, "customer"), await register(client, "customer")
    booking_id = await make_booking(customer.id)
    await flush(client)
    await pokes_rung(client)  # the set-up's pokes go out before the sockets connect
    phone = await Recorder.connect(url, customer.access_token, ["/"], ["sync:poke"])
    tablet = await Recorder.connect(url, customer.access_token, ["/"], ["sync:poke"])
    theirs = await Recorder.connect(url, stranger.access_token, ["/"], ["sync:poke"])
    try:
        await Booking.filter(id=booking_id).update(notes="first")
        await flush(client)
        for device in (phone, tablet):  # the first change after a quiet spell rings at once
            await device.next_event(*POKE, timeout=2)

        for note in ("two", "three", "four", "five"):  # a burst over about 1.2 s
            await Booking.filter(id=booking_id).update(notes=note)
            await flush(client)
            await asyncio.sleep(0.3)  # the scenario, not a wait: changes spread over the interval
        head = await sync_head(client)
        for device in (phone, tablet):  # the held poke goes out when the socket's 2 s interval ends
            pokes = [await device.next_event(*POKE, timeout=5), *await _drain(device)]
            assert len(pokes) == 1, pokes  # today: one per 250 ms window, four or five
            assert int(pokes[0]["cursor"]) == head  # the coalesced poke names the newest change
        await pokes_delivered(client, theirs)
        assert theirs.pending(*POKE) == 0
    finally:
        for recorder in (phone, tablet, theirs):
            await recorder.close()
