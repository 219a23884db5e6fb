"""Marketplace set-up for booking, job and review tests, through the public HTTP API only:
zones, servicemen with zones, trades and working hours, a provider with crew, listings."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from aiohttp.test_utils import TestClient

from domain.zones.index import ZONE_INDEX
from tests.support import market
from tests.support.catalog import complete_fields, published_service
from tests.support.identity import Account, join_org, register

CATEGORY = "plumbing.leak-repair"
# Berlin-ish; the far zone is another city, so its servicemen never cover CENTRE.
CENTRE = (52.52, 13.40)
FAR = (48.14, 11.58)
ALWAYS_OPEN = [{"weekday": day, "start": "00:00", "end": "24:00"} for day in range(7)]


def square(lat: float, lng: float, size: float = 0.05) -> dict[str, Any]:
    ring = [[lng - size, lat - size], [lng + size, lat - size], [lng + size, lat + size],
            [lng - size, lat + size], [lng - size, lat - size]]
    return {"type": "Polygon", "coordinates": [ring]}


def slot(hours_ahead: int = 48) -> datetime:
    """A start on the 30-minute grid, `hours_ahead` hours from now (rounded down)."""
    now = datetime.now(UTC).replace(second=0, microsecond=0)
    return now.replace(minute=0) + timedelta(hours=hours_ahead)


def iso(moment: datetime) -> str:
    return moment.isoformat().replace("+00:00", "Z")


async def ok(response: Any, status: int = 200) -> Any:
    assert response.status == status, f"{response.method} {response.url}: {response.status} {await response.text()}"
    return await response.json() if status != 204 else None


async def make_zone(client: TestClient, admin: Account, lat: float, lng: float, name: str = "Centre") -> str:
    body = {"name": name, "city": "Testville", "geometry": square(lat, lng)}
    return str((await ok(await client.post("/v1/zones", headers=admin.headers, json=body), 201))["id"])


async def make_serviceman(client: TestClient, zone_ids: list[str], categories: list[str] | None = None,
                          name: str = "Sam") -> Account:
    """A serviceman working in the zones and trades given, available around the clock (UTC)."""
    account = await register(client, "serviceman", name=name)
    base = f"/v1/servicemen/{account.id}"
    await ok(await client.put(f"{base}/zones", headers=account.headers, json={"zone_ids": zone_ids}))
    profile = {"category_ids": categories if categories is not None else ["plumbing"], "bio": "Fixes things"}
    await ok(await client.put(f"{base}/profile", headers=account.headers, json=profile))
    schedule = {"timezone": "UTC", "weekly": ALWAYS_OPEN}
    await ok(await client.put(f"{base}/schedule", headers=account.headers, json=schedule))
    return account


@dataclass
class Market:
    admin: Account
    customer: Account
    provider: Account  # owner of the organisation
    crew: list[Account]  # servicemen of the organisation, working in the centre zone
    outsider: Account  # a plumber working in the far zone only
    org_id: str
    zone_id: str
    far_zone_id: str
    service: dict[str, Any]  # the organisation's published service in the centre zone

    @property
    def service_id(self) -> str:
        return str(self.service["id"])


async def build_market(client: TestClient, crew_size: int = 2) -> Market:
    """The market, set up through the domain services the routes call (tests/support/market.py)
    instead of ~30 calls over HTTP, which each route's own tests cover (0.41 s against 0.56 s,
    medians of six at load 6: the writes themselves are most of it)."""
    admin = await market.sign_up_admin(client)
    zone_id = await market.zone(admin, "Centre", square(*CENTRE))
    far_zone_id = await market.zone(admin, "Far", square(*FAR))
    customer = await market.sign_up(client, "customer", "Cora")
    provider = await market.sign_up(client, "provider", "Pia")
    org_id = await market.organisation(provider, "Pipes Ltd")
    crew = [await market.serviceman(client, [zone_id], ["plumbing"], ALWAYS_OPEN, f"Crew {i}")
            for i in range(crew_size)]
    for member in crew:
        await market.join(client, provider, org_id, member)
    outsider = await market.serviceman(client, [far_zone_id], ["plumbing"], ALWAYS_OPEN, "Otto")
    service = await market.published(provider, admin, {**complete_fields(zone_id), "owner_org_id": org_id})
    return Market(admin, customer, provider, crew, outsider, org_id, zone_id, far_zone_id, service)


async def book(client: TestClient, market: Market, who: Account | None = None, **overrides: Any) -> Any:
    """POST /v1/bookings for the market's service in the centre; returns the raw response."""
    body: dict[str, Any] = {"service_id": market.service_id, "kind": "scheduled", "start": iso(slot()),
                            "lat": CENTRE[0], "lng": CENTRE[1], "serviceman_ids": [market.crew[0].id]}
    body.update(overrides)
    return await client.post("/v1/bookings", headers=(who or market.customer).headers, json=body)


async def act(client: TestClient, who: Account, booking: dict[str, Any], action: str, **extra: Any) -> Any:
    """POST /v1/bookings/{id}/{action} with the booking's version; returns the raw response."""
    body = {"version": booking["version"], **extra}
    return await client.post(f"/v1/bookings/{booking['id']}/{action}", headers=who.headers, json=body)


async def fetch(client: TestClient, who: Account, booking_id: str) -> dict[str, Any]:
    return dict(await ok(await client.get(f"/v1/bookings/{booking_id}", headers=who.headers)))


def job_body(**overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "title": "Leaking pipe under the sink", "description": "Water drips from the trap, please fix.",
        "category_id": CATEGORY, "lat": CENTRE[0] + 0.01, "lng": CENTRE[1] + 0.01,
        "budget_min": {"amount": 5000, "currency": "USD"}, "budget_max": {"amount": 12000, "currency": "USD"},
    }
    body.update(overrides)
    return body


def call_with(method: str, path: str, make_body: Callable[[Any], dict[str, Any]] | None = None) -> Callable:
    """Like test_access_policy.call, for bodies that need world values inside lists."""

    async def run(client: TestClient, world: Any, who: Account | None) -> int:
        body = make_body(world) if make_body else None
        response = await client.request(method, path.format(w=world), json=body, headers=who.headers if who else {})
        return int(response.status)

    return run


async def add_marketplace_world(client: TestClient, world: Any) -> None:
    """Bookings, jobs, bids and a review for the policy matrix and IDOR tests: sets `plumber`
    (a crew member of world.org_id working in world.zone_id), `bookable_service_id`,
    `booking_id` (requested), `crew_booking_id` (requested, no crew), `done_booking_id`
    (completed, reviewed by the plumber only), `rating_review_id` (that review, about the
    customer), `job_id` + `bid_id` (the plumber's), `award_job_id` + `award_bid_id`, `cancel_job_id`."""
    ZONE_INDEX.invalidate()  # world.zone_id was written straight to the database
    plumber = await make_serviceman(client, [world.zone_id], name="Plumber")
    await join_org(client, world.provider, world.org_id, plumber)
    world.plumber = plumber
    service = await published_service(client, world.provider, world.admin, world.zone_id, org_id=world.org_id)
    world.bookable_service_id = service["id"]

    async def booking(hours: int, crew: list[str]) -> dict[str, Any]:
        body = {"service_id": service["id"], "kind": "scheduled", "start": iso(slot(hours)), "lat": CENTRE[0],
                "lng": CENTRE[1], "serviceman_ids": crew}
        return dict(await ok(await client.post("/v1/bookings", headers=world.customer.headers, json=body), 201))

    world.booking_id = (await booking(48, [plumber.id]))["id"]
    world.crew_booking_id = (await booking(52, []))["id"]
    done = await booking(56, [plumber.id])
    for action in ("accept", "schedule", "start", "complete"):
        done = await ok(await act(client, plumber, done, action))
    world.done_booking_id = done["id"]
    review = await ok(await client.post(f"/v1/bookings/{done['id']}/reviews", headers=plumber.headers,
                                        json={"rating": 4}), 201)
    world.rating_review_id = review["id"]

    async def job_with_bid() -> tuple[str, str]:
        job = await ok(await client.post("/v1/jobs", headers=world.customer.headers, json=job_body(
            lat=CENTRE[0], lng=CENTRE[1])), 201)
        bid = await ok(await client.post(f"/v1/jobs/{job['id']}/bids", headers=plumber.headers,
                                         json={"amount": {"amount": 7000, "currency": "USD"}}), 201)
        return str(job["id"]), str(bid["id"])

    world.job_id, world.bid_id = await job_with_bid()
    world.award_job_id, world.award_bid_id = await job_with_bid()
    world.cancel_job_id, _ = await job_with_bid()


async def marketplace_state(client: TestClient, world: Any) -> tuple[Any, ...]:
    """What an attacker must not change: the world's booking, job, bid and review."""
    booking = await fetch(client, world.customer, world.booking_id)
    job = await ok(await client.get(f"/v1/jobs/{world.job_id}", headers=world.customer.headers))
    reviews = await ok(await client.get(f"/v1/servicemen/{world.customer.id}/reviews"))
    return (booking["state"], booking["version"], [c["serviceman_id"] for c in booking["crew"]], job["state"],
            job["version"], [(b["state"], b["version"]) for b in job["bids"]],
            [(r["hidden"], r["reported"], r["version"]) for r in reviews["items"]])
