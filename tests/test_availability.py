"""Working hours, exceptions and free slots (time zones and DST), and slot claims that make
double booking impossible even when many claim at once."""

from __future__ import annotations

import asyncio
from datetime import UTC, date, datetime, timedelta

import pytest
from tortoise.transactions import in_transaction

from domain.bookings.models import Booking
from domain.scheduling import services as scheduling
from domain.shared.errors import Conflict, ValidationFailed
from domain.shared.outbox import OutboxEvent
from tests.support.identity import join_org, make_admin, register


def _next_weekday(weekday: int, after: date) -> date:
    return after + timedelta(days=(weekday - after.weekday()) % 7 or 7)


def _european_spring_forward() -> date:
    """The next last Sunday of March at least two weeks ahead (clocks go 02:00 -> 03:00)."""
    soon = datetime.now(UTC).date() + timedelta(days=14)
    for year in (soon.year, soon.year + 1):
        last = date(year, 3, 31)
        sunday = last - timedelta(days=(last.weekday() - 6) % 7)
        if sunday >= soon:
            return sunday
    raise AssertionError("unreachable")


def _utc(value: str) -> datetime:
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


async def _slots(client, who, user_id, start: datetime, end: datetime) -> list[datetime]:
    response = await client.get(f"/v1/servicemen/{user_id}/slots", headers=who.headers,
                                params={"from": start.isoformat(), "to": end.isoformat()})
    assert response.status == 200, await response.text()
    body = await response.json()
    assert all(slot["start"].endswith("Z") for slot in body["slots"])
    return [_utc(slot["start"]) for slot in body["slots"]]


async def _schedule(client, who, user_id, timezone, weekly, **extra):
    return await client.put(f"/v1/servicemen/{user_id}/schedule", headers=who.headers,
                            json={"timezone": timezone, "weekly": weekly, **extra})


async def _booking(customer_id: str) -> str:
    booking = await Booking.create(customer_id=customer_id, kind="scheduled", currency="USD", price_amount=0,
                                   commission_amount=0, tax_amount=0, total_amount=0)
    return str(booking.id)


async def test_weekly_hours_follow_local_time_across_a_dst_change(client):
    serviceman = await register(client, "serviceman")
    weekly = [{"weekday": 6, "start": "09:00", "end": "12:00"}, {"weekday": 6, "start": "01:00", "end": "04:00"}]
    saved = await _schedule(client, serviceman, serviceman.id, "Europe/Berlin", weekly)
    assert saved.status == 200, await saved.text()
    assert (await saved.json())["version"] == 1

    switch = _european_spring_forward()
    before = switch - timedelta(days=7)
    start = datetime.combine(before - timedelta(days=1), datetime.min.time(), UTC)
    slots = await _slots(client, serviceman, serviceman.id, start, start + timedelta(days=9))
    on = {day: [s for s in slots if s.date() == day or (s + timedelta(hours=2)).date() == day]
          for day in (before, switch)}
    # A winter Sunday (UTC+1): 01:00-04:00 is 00:00-03:00 UTC, 09:00-12:00 is 08:00-11:00 UTC.
    assert on[before][0] == datetime.combine(before, datetime.min.time(), UTC)
    assert datetime.combine(before, datetime.min.time(), UTC) + timedelta(hours=8) in on[before]
    assert len(on[before]) == 12
    # The switch Sunday: 01:00-04:00 local lasts two real hours (00:00-02:00 UTC), the morning
    # is 07:00-10:00 UTC in summer time.
    midnight = datetime.combine(switch, datetime.min.time(), UTC)
    expected = [midnight + timedelta(minutes=30 * i) for i in range(4)]
    expected += [midnight + timedelta(hours=7, minutes=30 * i) for i in range(6)]
    assert on[switch] == expected


async def test_schedule_validation(client):
    serviceman = await register(client, "serviceman")
    bad = [
        ("Mars/Olympus", [{"weekday": 0, "start": "09:00", "end": "17:00"}]),
        ("UTC", [{"weekday": 0, "start": "09:00", "end": "13:00"}, {"weekday": 0, "start": "12:00", "end": "18:00"}]),
        ("UTC", [{"weekday": 0, "start": "17:00", "end": "09:00"}]),
        ("UTC", [{"weekday": 7, "start": "09:00", "end": "17:00"}]),
        ("UTC", [{"weekday": 0, "start": "24:00", "end": "24:00"}]),
    ]
    for timezone, weekly in bad:
        response = await _schedule(client, serviceman, serviceman.id, timezone, weekly)
        assert response.status == 422, (timezone, weekly)
        assert (await response.json())["code"] == "validation_failed"
    ok = await _schedule(client, serviceman, serviceman.id, "Asia/Kathmandu",
                         [{"weekday": 0, "start": "18:00", "end": "24:00"}, {"weekday": 0, "start": "08:00",
                                                                             "end": "12:00"}])
    assert ok.status == 200
    assert [w["start"] for w in (await ok.json())["weekly"]] == ["08:00", "18:00"]
    stale = await _schedule(client, serviceman, serviceman.id, "UTC", [], version=0)
    assert stale.status == 409 and (await stale.json())["details"]["version"] == 1


async def test_exceptions_replace_a_days_hours(client):
    serviceman = await register(client, "serviceman")
    weekly = [{"weekday": d, "start": "09:00", "end": "11:00"} for d in range(7)]
    assert (await _schedule(client, serviceman, serviceman.id, "UTC", weekly)).status == 200
    day = datetime.now(UTC).date() + timedelta(days=3)
    start = datetime.combine(day, datetime.min.time(), UTC)
    url = f"/v1/servicemen/{serviceman.id}/schedule/exceptions/{day.isoformat()}"

    assert len(await _slots(client, serviceman, serviceman.id, start, start + timedelta(days=1))) == 4
    off = await client.put(url, headers=serviceman.headers, json={"available": False})
    assert off.status == 200
    assert await _slots(client, serviceman, serviceman.id, start, start + timedelta(days=1)) == []
    other = await client.put(url, headers=serviceman.headers, json={"available": True, "start": "14:00",
                                                                     "end": "15:00"})
    assert other.status == 200
    assert await _slots(client, serviceman, serviceman.id, start, start + timedelta(days=1)) == [
        start + timedelta(hours=14), start + timedelta(hours=14, minutes=30)]
    assert (await client.put(url, headers=serviceman.headers, json={"available": True})).status == 422
    assert (await client.delete(url, headers=serviceman.headers)).status == 204
    assert (await client.delete(url, headers=serviceman.headers)).status == 404
    assert len(await _slots(client, serviceman, serviceman.id, start, start + timedelta(days=1))) == 4
    shown = await (await client.get(f"/v1/servicemen/{serviceman.id}/schedule", headers=serviceman.headers)).json()
    assert shown["exceptions"] == [] and shown["version"] == 4
    events = await OutboxEvent.filter(type="schedule.updated", key=serviceman.id).count()
    assert events == 4
    bad_date = await client.put(f"/v1/servicemen/{serviceman.id}/schedule/exceptions/2030-02-31",
                                headers=serviceman.headers, json={"available": False})
    assert bad_date.status == 404


async def test_claims_take_slots_and_only_one_of_many_concurrent_claims_wins(client):
    serviceman, customer = await register(client, "serviceman"), await register(client, "customer")
    weekly = [{"weekday": d, "start": "00:00", "end": "24:00"} for d in range(7)]
    assert (await _schedule(client, serviceman, serviceman.id, "UTC", weekly)).status == 200
    start = datetime.combine(datetime.now(UTC).date() + timedelta(days=2), datetime.min.time(), UTC)
    start += timedelta(hours=10)
    end = start + timedelta(minutes=45)  # rounds up to two slots
    assert await scheduling.is_free(serviceman.id, start, end)

    bookings = [await _booking(customer.id) for _ in range(20)]

    async def claim(booking_id: str) -> bool:
        try:
            async with in_transaction() as conn:
                await scheduling.claim_slots(conn, serviceman.id, booking_id, start, end)
        except Conflict:
            return False
        return True

    results = await asyncio.wait_for(asyncio.gather(*(claim(b) for b in bookings)), timeout=30)
    assert results.count(True) == 1
    winner = bookings[results.index(True)]
    assert not await scheduling.is_free(serviceman.id, start, end)
    assert not await scheduling.is_free(serviceman.id, start + timedelta(minutes=30), end + timedelta(hours=1))
    assert await scheduling.is_free(serviceman.id, start + timedelta(hours=1), end + timedelta(hours=1))
    day = await _slots(client, customer, serviceman.id, start - timedelta(hours=10), start + timedelta(hours=14))
    assert start not in day and start + timedelta(minutes=30) not in day and len(day) == 46

    async with in_transaction() as conn:
        await scheduling.release_slots(conn, winner)
    assert await scheduling.is_free(serviceman.id, start, end)


async def test_slot_grid_and_working_windows():
    start = datetime(2030, 1, 7, 9, 0, tzinfo=UTC)
    assert scheduling.slot_bounds(start, start + timedelta(minutes=61)) == [
        start, start + timedelta(minutes=30), start + timedelta(minutes=60)]
    for bad_start, bad_end in ((start + timedelta(minutes=10), start + timedelta(hours=1)),
                               (start, start), (start.replace(tzinfo=None), start + timedelta(hours=1))):
        with pytest.raises(ValidationFailed):
            scheduling.slot_bounds(bad_start, bad_end)  # type: ignore[arg-type]


async def test_outside_hours_and_without_schedule_nothing_is_free(client):
    serviceman = await register(client, "serviceman")
    monday = _next_weekday(0, datetime.now(UTC).date())
    nine = datetime.combine(monday, datetime.min.time(), UTC) + timedelta(hours=9)
    assert not await scheduling.is_free(serviceman.id, nine, nine + timedelta(hours=1))
    await _schedule(client, serviceman, serviceman.id, "UTC", [{"weekday": 0, "start": "09:00", "end": "10:00"}])
    assert await scheduling.is_free(serviceman.id, nine, nine + timedelta(hours=1))
    assert not await scheduling.is_free(serviceman.id, nine, nine + timedelta(hours=2))


async def test_who_may_set_hours_and_see_slots(client):
    admin, provider = await make_admin(client), await register(client, "provider")
    serviceman, stranger = await register(client, "serviceman"), await register(client, "provider")
    customer = await register(client, "customer")
    org = await (await client.post("/v1/orgs", headers=provider.headers, json={"name": "Crew"})).json()
    await join_org(client, provider, org["id"], serviceman)
    weekly = [{"weekday": 1, "start": "08:00", "end": "12:00"}]
    assert (await _schedule(client, stranger, serviceman.id, "UTC", weekly)).status == 403
    assert (await _schedule(client, customer, serviceman.id, "UTC", weekly)).status == 403
    assert (await _schedule(client, provider, serviceman.id, "UTC", weekly)).status == 200  # their manager
    assert (await _schedule(client, admin, serviceman.id, "UTC", weekly)).status == 200
    assert (await _schedule(client, customer, customer.id, "UTC", weekly)).status == 404  # not a serviceman
    assert (await client.get(f"/v1/servicemen/{serviceman.id}/schedule", headers=stranger.headers)).status == 403

    url = f"/v1/servicemen/{serviceman.id}/slots"
    now = datetime.now(UTC).replace(microsecond=0)
    window = {"from": now.isoformat(), "to": (now + timedelta(days=7)).isoformat()}
    assert (await client.get(url, params=window)).status == 401
    assert (await client.get(url, headers=customer.headers, params=window)).status == 200
    too_long = {"from": now.isoformat(), "to": (now + timedelta(days=32)).isoformat()}
    naive = {"from": now.replace(tzinfo=None).isoformat(), "to": window["to"]}
    for params in (too_long, naive, {"from": window["to"], "to": window["from"]}, {"from": "soon"}):
        response = await client.get(url, headers=customer.headers, params=params)
        assert response.status == 422, params
    assert (await client.get("/v1/servicemen/nope/slots", headers=customer.headers, params=window)).status == 404
