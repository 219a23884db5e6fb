"""`sync:poke` (PROTOCOL section 3, namespace `/`): after a tick that touched a user's scopes,
their sockets are told to pull; others are not; a public change rings everyone (at most once
per public window: tests/test_sync_poke_storm.py)."""

from __future__ import annotations

from domain.bookings.models import Booking
from tests.support.identity import register
from tests.support.socket_clients import Recorder
from tests.support.sync import flush, make_booking, make_zone, pokes_delivered, pokes_rung

POKE = ("/", "sync:poke")


async def test_a_change_pokes_the_users_whose_scope_it_touched(make_client):
    client = await make_client(sync_public_poke_interval_seconds=1.0)
    url = str(client.make_url("")).rstrip("/")
    customer, stranger = await register(client, "customer"), await register(client, "customer")
    booking_id = await make_booking(customer.id)
    await flush(client)
    await pokes_rung(client)  # the set-up's pokes go out before the sockets connect
    mine = await Recorder.connect(url, customer.access_token, ["/"], ["sync:poke"])
    theirs = await Recorder.connect(url, stranger.access_token, ["/"], ["sync:poke"])
    try:
        for note in ("one", "two", "three"):  # three ticks inside one window: one poke
            await Booking.filter(id=booking_id).update(notes=note)
            await flush(client)
        poke = await mine.next_event(*POKE, timeout=5)
        assert int(poke["cursor"]) > 0
        await pokes_delivered(client, mine, theirs)  # every ring of those ticks has passed both sockets
        assert mine.pending(*POKE) == 0 and theirs.pending(*POKE) == 0

        await make_zone()  # public: everyone's scope
        await flush(client)
        await mine.next_event(*POKE, timeout=5)
        await theirs.next_event(*POKE, timeout=5)
    finally:
        await mine.close()
        await theirs.close()
