"""Issue 16: what a push says, in the recipient's language and time zone, end to end (events ->
notifier -> push queue -> worker -> real firebase-admin -> the local fake FCM). The locale is the
one the phone registered (POST /v1/devices), the zone the one of the notification preferences."""

from __future__ import annotations

from typing import Any
from zoneinfo import ZoneInfo

from aiohttp.test_utils import TestClient

from domain.notifications.models import Notification
from tests.conftest import AppFactory
from tests.support.bookings import act, book, build_market, job_body, ok, slot
from tests.support.fcm_fake import FakeFcm, fcm_fake  # noqa: F401 - the fixture
from tests.support.identity import Account
from tests.support.messaging import make_booking, open_conversation, send_rest
from tests.support.notifications import register_device
from tests.test_push_e2e import FAST, handled

# CLDR's German abbreviations (format context), written out so the test does not ask Babel.
DE_DAYS = ["Mo.", "Di.", "Mi.", "Do.", "Fr.", "Sa.", "So."]
DE_MONTHS = ["Jan.", "Feb.", "März", "Apr.", "Mai", "Juni", "Juli", "Aug.", "Sept.", "Okt.", "Nov.", "Dez."]
EN_DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
EN_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


async def speaks(client: TestClient, who: Account, locale: str, timezone: str) -> str:
    await ok(await client.put("/v1/notification-preferences", headers=who.headers, json={"timezone": timezone}))
    return str((await register_device(client, who, locale=locale))["token"])


def push_to(fcm: FakeFcm, token: str, kind: str) -> dict[str, Any]:
    [message] = [m for m in fcm.delivered(token) if m["data"]["kind"] == kind]
    return dict(message["notification"])


async def test_a_scheduled_booking_is_told_in_german_local_time_and_in_english_elsewhere(
    make_client: AppFactory,
    fcm_fake: FakeFcm,  # noqa: F811
) -> None:
    client = await make_client(**fcm_fake.settings(), **FAST)
    m = await build_market(client, crew_size=1)
    german = await speaks(client, m.customer, "de-DE", "Europe/Berlin")
    english = await speaks(client, m.provider, "en-US", "America/New_York")
    start = slot(50)
    booking = await ok(await book(client, m, start=start.isoformat().replace("+00:00", "Z")), 201)
    booking = await ok(await act(client, m.crew[0], booking, "accept"))
    await ok(await act(client, m.crew[0], booking, "schedule"))
    await handled()

    title = (await ok(await client.get(f"/v1/services/{m.service_id}", headers=m.customer.headers)))["title"]
    berlin = start.astimezone(ZoneInfo("Europe/Berlin"))
    assert push_to(fcm_fake, german, "booking.scheduled") == {
        "title": "Termin vereinbart",
        "body": f"Termin für {title}: {DE_DAYS[berlin.weekday()]}, {berlin.day}. {DE_MONTHS[berlin.month - 1]} "
        f"{berlin.year}, {berlin:%H:%M}",
    }
    york = start.astimezone(ZoneInfo("America/New_York"))
    clock = f"{york.hour % 12 or 12}:{york:%M}\u202f{'AM' if york.hour < 12 else 'PM'}"
    assert push_to(fcm_fake, english, "booking.scheduled") == {
        "title": "Booking scheduled",
        "body": f"{title} is scheduled for {EN_DAYS[york.weekday()]}, {EN_MONTHS[york.month - 1]} {york.day}, "
        f"{york.year}, {clock}",
    }
    # The in-app entry says the same, in the same language.
    [row] = await Notification.filter(user_id=m.customer.id, kind="booking.scheduled")
    assert row.title == "Termin vereinbart" and "T" not in row.body.split(": ", 1)[1]  # no ISO 8601 left


async def test_a_german_customer_reads_a_bid_amount_in_german_money_format(
    make_client: AppFactory,
    fcm_fake: FakeFcm,  # noqa: F811
) -> None:
    client = await make_client(**fcm_fake.settings(), **FAST)
    m = await build_market(client, crew_size=1)
    german = await speaks(client, m.customer, "de", "Europe/Berlin")
    job = await ok(await client.post("/v1/jobs", headers=m.customer.headers, json=job_body()), 201)
    await ok(
        await client.post(
            f"/v1/jobs/{job['id']}/bids",
            headers=m.crew[0].headers,
            json={"amount": {"amount": 123450, "currency": "USD"}},
        ),
        201,
    )
    await handled()
    assert push_to(fcm_fake, german, "bid.received") == {
        "title": "Neues Angebot für Leaking pipe under the sink",
        "body": "Crew 0 bietet 1.234,50\xa0$",
    }


async def test_message_counts_take_the_german_plural(make_client: AppFactory, fcm_fake: FakeFcm) -> None:  # noqa: F811
    client = await make_client(**fcm_fake.settings(), **FAST)
    m = await build_market(client, crew_size=1)
    await speaks(client, m.crew[0], "de-AT", "Europe/Vienna")
    await ok(
        await client.put(
            "/v1/notification-preferences",
            headers=m.crew[0].headers,
            json={"timezone": "Europe/Vienna", "private_previews": True},
        )
    )
    booking_id = await make_booking(m.customer.id, org_id=m.org_id, crew=(m.crew[0].id,))
    conversation = await open_conversation(client, m.customer, kind="booking", booking_id=booking_id)
    await send_rest(client, m.customer, conversation["id"], "Hallo")
    await handled()
    [row] = await Notification.filter(user_id=m.crew[0].id, kind="message.new")
    assert (row.title, row.body) == ("Cora", "Hallo")  # one message: its text, no count
    await send_rest(client, m.customer, conversation["id"], "Kommen Sie um 9?")
    await handled()
    [row] = await Notification.filter(user_id=m.crew[0].id, kind="message.new")
    assert row.body == "2 neue Nachrichten: Kommen Sie um 9?"
    bodies = [msg["notification"]["body"] for msg in fcm_fake.delivered() if msg["data"]["kind"] == "message.new"]
    assert bodies == ["Neue Nachricht von Cora", "2 neue Nachrichten von Cora"]
