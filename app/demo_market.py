"""The demo marketplace of "Demo City", written through the domain services (with the actor
each step belongs to) so events, versions, slot claims and rating aggregates are all real.

Idempotent by its marker: when Demo City has zones, the marketplace is there and nothing is
written. Times are relative to now (bookings in the coming days, inside working hours).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from domain.accounts import orgs
from domain.accounts.invitations import Invitations
from domain.accounts.models import MembershipStatus, Organisation, User
from domain.bookings import creation, transitions
from domain.bookings.models import Booking, BookingKind
from domain.bookings.states import Action
from domain.bookings.windows import duration_of
from domain.catalog import lifecycle, storefronts
from domain.catalog import services as catalog
from domain.catalog.models import ListingKind, Service
from domain.jobs import bids, comments
from domain.jobs import services as jobs
from domain.jobs.models import Job
from domain.profiles import services as profiles
from domain.reviews import services as reviews
from domain.scheduling import manage
from domain.scheduling.services import free_slots, is_free
from domain.shared.clock import utcnow
from domain.shared.context import Actor, RequestContext
from domain.shared.money import Money
from domain.shared.ratelimit import MemoryRateLimiter
from domain.shared.sealing import Sealer
from domain.zones import assignments
from domain.zones import services as zones
from domain.zones.models import Zone

DEMO_CITY = "Demo City"
TIMEZONE = "Europe/Madrid"
CENTRE = (40.4168, -3.7038)  # (lat, lng)
SIZE = 0.03  # degrees per zone side (about 3 km)
# Zone name -> its south-west corner as (lat, lng) offsets from the centre, in zone sides.
ZONES: dict[str, tuple[int, int]] = {"Old Town": (0, -1), "Riverside": (0, 0), "Harbour": (-1, -1),
                                     "Hillside": (-1, 0)}
WORKING_HOURS = [{"weekday": day, "start": "08:00", "end": "18:00"} for day in range(6)]  # Monday to Saturday
USD = "USD"
LAST_JOB = "Install a new water heater"  # the seed's last write: its marker of completion


SEED_CONTEXT = RequestContext(request_id="demo-seed")


def actor(user: User) -> Actor:
    return Actor(user_id=str(user.id), roles=frozenset(user.roles))


def square(name: str) -> dict[str, Any]:
    row, col = ZONES[name]
    south, west = CENTRE[0] + row * SIZE, CENTRE[1] + col * SIZE
    east, north = round(west + SIZE, 6), round(south + SIZE, 6)  # no float noise in the stored GeoJSON
    west, south = round(west, 6), round(south, 6)
    ring = [[west, south], [east, south], [east, north], [west, north], [west, south]]
    return {"type": "Polygon", "coordinates": [ring]}


def inside(name: str) -> tuple[float, float]:
    """A point well inside a zone (its centre)."""
    row, col = ZONES[name]
    return CENTRE[0] + (row + 0.5) * SIZE, CENTRE[1] + (col + 0.5) * SIZE


@dataclass(frozen=True)
class Crew:
    """A serviceman of the demo: trades, the zones they cover themselves, where they live."""

    login: str
    bio: str
    trades: tuple[str, ...]
    zones: tuple[str, ...]


@dataclass(frozen=True)
class Provider:
    owner: str
    name: str
    zones: tuple[str, ...]
    crew: tuple[Crew, ...]
    headline: str
    # (title, category, price in cents, minutes)
    services: tuple[tuple[str, str, int, int], ...]


PROVIDERS = (
    Provider(
        owner="provider", name="Demo Plumbing Co.", zones=("Old Town", "Riverside", "Harbour"),
        headline="Leaks fixed today, drains cleared for good",
        crew=(
            Crew("serviceman", "Twelve years of taps, traps and toilets.", ("plumbing",), ("Old Town", "Riverside")),
            Crew("pipes", "Water heaters and drains are my thing.",
                 ("plumbing.water-heater", "plumbing.drain-unclogging", "plumbing.leak-repair"),
                 ("Riverside", "Harbour")),
            Crew("drains", "Fast, tidy, and I bring the parts.", ("plumbing",), ("Harbour", "Old Town")),
        ),
        services=(
            ("Leak repair", "plumbing.leak-repair", 6500, 60),
            ("Drain unclogging", "plumbing.drain-unclogging", 8000, 90),
            ("Water heater installation", "plumbing.water-heater", 25000, 180),
        ),
    ),
    Provider(
        owner="sparkle", name="Sparkle Cleaning", zones=("Hillside", "Old Town", "Riverside"),
        headline="Homes that shine, every week",
        crew=(
            Crew("mop", "Home and deep cleaning, eco products only.", ("cleaning",), ("Hillside", "Old Town")),
            Crew("shine", "Windows, carpets and move-outs.",
                 ("cleaning.windows", "cleaning.move-out", "cleaning.carpet"), ("Hillside", "Riverside")),
        ),
        services=(
            ("Home cleaning", "cleaning.home-cleaning", 9000, 120),
            ("Deep cleaning", "cleaning.deep-cleaning", 18000, 240),
            ("Window cleaning", "cleaning.windows", 6000, 60),
        ),
    ),
)


@dataclass
class Market:
    users: dict[str, User]
    sealer: Sealer  # seals the servicemen's homes
    zone_ids: dict[str, str] = field(default_factory=dict)
    org_ids: dict[str, str] = field(default_factory=dict)  # by owner login
    services: dict[str, Service] = field(default_factory=dict)  # published, by title
    bookings: Counter[str] = field(default_factory=Counter)

    def as_(self, login: str) -> Actor:
        return actor(self.users[login])

    def id_of(self, login: str) -> str:
        return str(self.users[login].id)


class HalfSeeded(Exception):
    """A previous seed stopped part-way: the demo database is a sandbox, start a fresh one."""


async def ensure_market(users: dict[str, User], sealer: Sealer) -> str:
    if await Zone.filter(city=DEMO_CITY).exists():
        # The accepted bid is written last: without it an earlier run stopped part-way.
        if not await Job.filter(title=LAST_JOB, customer_id=users["customer"].id).exists():
            raise HalfSeeded(f"{DEMO_CITY} is only partly seeded: start from a fresh demo database")
        return f"{DEMO_CITY} already present"
    market = Market(users, sealer)
    await _zones(market)
    for provider in PROVIDERS:
        await _provider(market, provider)
    await _listings_in_the_studio(market)
    await _bookings(market)
    jobs_posted = await _jobs(market)
    states = ", ".join(f"{count} {state}" for state, count in sorted(market.bookings.items()))
    return (f"{DEMO_CITY}: {len(market.zone_ids)} zones, {len(PROVIDERS)} providers, "
            f"{len(market.services)} published listings, {jobs_posted} jobs, bookings: {states}")


async def _zones(market: Market) -> None:
    admin = market.as_("admin")
    for name in ZONES:
        zone = await zones.create_zone(admin, name, DEMO_CITY, square(name))  # invalidates the zone index
        market.zone_ids[name] = str(zone.id)


async def _provider(market: Market, provider: Provider) -> None:
    owner = market.as_(provider.owner)
    org = await Organisation.get_or_none(name=provider.name, owner_id=owner.user_id)
    if org is None:
        org = await orgs.create(owner, provider.name)
    org_id = market.org_ids[provider.owner] = str(org.id)
    members = {str(m.user_id): m for m in await orgs.members_of(org)}
    crews = Invitations(MemoryRateLimiter())
    for crew in provider.crew:
        user_id = market.id_of(crew.login)
        membership = members.get(user_id)
        if membership is None:  # crews join as anyone does: invited by the owner, then accepting
            membership = await crews.invite(owner, org_id, user_id, "serviceman", SEED_CONTEXT)
        if membership.status != MembershipStatus.ACCEPTED:
            await crews.accept(market.as_(crew.login), str(membership.id), SEED_CONTEXT)
        await _serviceman(market, crew)
    await assignments.set_org_zones(owner, org_id, [market.zone_ids[z] for z in provider.zones])
    banner = {"url": f"https://cdn.fieldsync.dev/demo/{provider.owner}/banner.jpg", "kind": "image", "caption": ""}
    await storefronts.update(owner, org_id, {
        "headline": provider.headline, "bio": f"{provider.name} serves {', '.join(provider.zones)} in {DEMO_CITY}.",
        "banner": banner, "galleries": [{"title": "Recent work", "media": [banner]}],
        "social_links": {"website": f"https://{provider.owner}.demo.fieldsync.dev"},
    }, None)
    admin = market.as_("admin")
    for title, category, cents, minutes in provider.services:
        service = await catalog.create(owner, ListingKind.SERVICE, org_id, catalog.Draft(
            _listing(market, title, category, cents, minutes, provider.zones)))
        await lifecycle.submit(owner, str(service.id))
        market.services[title] = await lifecycle.publish(admin, str(service.id))


async def _serviceman(market: Market, crew: Crew) -> None:
    me, user_id = market.as_(crew.login), market.id_of(crew.login)
    home_lat, home_lng = inside(crew.zones[0])
    await profiles.put_profile(me, user_id, profiles.ProfileInput(
        bio=crew.bio, category_ids=list(crew.trades), home_lat=home_lat, home_lng=home_lng), market.sealer)
    await assignments.set_serviceman_zones(me, user_id, [market.zone_ids[z] for z in crew.zones])
    await manage.set_weekly(me, user_id, TIMEZONE, WORKING_HOURS)


def _listing(market: Market, title: str, category: str, cents: int, minutes: int, zone_names: tuple[str, ...],
             **extra: Any) -> dict[str, Any]:
    slug = title.lower().replace(" ", "-")
    return {
        "title": title, "description": f"{title} by vetted professionals in {DEMO_CITY}.", "category_id": category,
        "price": Money(cents, USD), "duration_minutes": minutes,
        "zone_ids": [market.zone_ids[z] for z in zone_names],
        "media": [{"url": f"https://cdn.fieldsync.dev/demo/{slug}.jpg", "kind": "image", "caption": title}],
        **extra,
    }


async def _listings_in_the_studio(market: Market) -> None:
    """A published package, a listing waiting for review and a draft in progress."""
    owner, org_id, admin = market.as_("provider"), market.org_ids["provider"], market.as_("admin")
    parts = [market.services["Leak repair"], market.services["Drain unclogging"]]
    package = await catalog.create(owner, ListingKind.PACKAGE, org_id, catalog.Draft(_listing(
        market, "Plumbing check-up bundle", "plumbing", 12900, 150, ("Old Town", "Riverside"),
        items=[{"service_id": str(part.id), "quantity": 1} for part in parts])))
    await lifecycle.submit(owner, str(package.id))
    market.services["Plumbing check-up bundle"] = await lifecycle.publish(admin, str(package.id))
    review = await catalog.create(owner, ListingKind.SERVICE, org_id, catalog.Draft(_listing(
        market, "Fixture installation", "plumbing.fixture-installation", 7500, 90, ("Old Town",))))
    await lifecycle.submit(owner, str(review.id))
    await catalog.create(market.as_("sparkle"), ListingKind.SERVICE, market.org_ids["sparkle"], catalog.Draft(
        {"title": "Carpet shampooing", "category_id": "cleaning.carpet"}))


async def _free_start(crew: list[str], minutes: int, after: datetime) -> datetime:
    """The first start after `after` at which the whole crew is free for `minutes`."""
    duration = duration_of(minutes)
    for start in await free_slots(crew[0], after, after + timedelta(days=21)):
        if all([await is_free(user_id, start, start + duration) for user_id in crew]):
            return start
    raise RuntimeError(f"no free window for {crew} in three weeks")  # the schedules above make this unreachable


async def _book(market: Market, customer: str, title: str, crew: list[str], where: str,
                steps: tuple[tuple[str, Action], ...] = (), reason: str = "") -> Booking:
    """Book a published listing with the crew named, then take it through `steps` (who, action)."""
    service = market.services[title]
    crew_ids = [market.id_of(login) for login in crew]
    lat, lng = inside(where)
    start = await _free_start(crew_ids, service.duration_minutes or 60, utcnow() + timedelta(days=1))
    view = await creation.create(market.as_(customer), creation.BookingRequest(
        service_id=str(service.id), kind=BookingKind.SCHEDULED, lat=lat, lng=lng, start=start,
        serviceman_ids=tuple(crew_ids), address=f"12 Demo Street, {where}", notes="Ring twice, please."))
    for who, action in steps:
        view = await transitions.transition(market.as_(who), str(view.booking.id), action, view.booking.version,
                                            reason=reason if action is Action.CANCEL else "")
    market.bookings[view.booking.state.value] += 1
    return view.booking


WORK = (Action.ACCEPT, Action.SCHEDULE, Action.START, Action.COMPLETE)


async def _bookings(market: Market) -> None:
    await _book(market, "customer", "Leak repair", ["serviceman"], "Old Town")
    await _book(market, "customer", "Plumbing check-up bundle", ["serviceman", "drains"], "Riverside")
    await _book(market, "customer", "Drain unclogging", ["pipes"], "Riverside", (("pipes", Action.ACCEPT),))
    await _book(market, "enterprise", "Home cleaning", ["mop"], "Hillside",
                (("mop", Action.ACCEPT), ("mop", Action.SCHEDULE)))
    await _book(market, "customer", "Deep cleaning", ["shine"], "Riverside",
                tuple(("shine", action) for action in WORK[:3]))
    await _book(market, "customer", "Water heater installation", ["pipes"], "Harbour",
                (("customer", Action.CANCEL),), reason="Found the old one still works.")
    reviewed = (
        ("customer", "Leak repair", "drains", "Harbour", 5, "Quick, tidy and friendly.", "Clear directions, thanks!"),
        ("enterprise", "Window cleaning", "shine", "Hillside", 4, "Spotless windows, came a bit late.",
         "Great client."),
    )
    for customer, title, serviceman, where, rating, text, reply in reviewed:
        booking = await _book(market, customer, title, [serviceman], where,
                              tuple((serviceman, action) for action in WORK))
        await reviews.create(market.as_(customer), str(booking.id), rating, text)
        await reviews.create(market.as_(serviceman), str(booking.id), 5, reply)


async def _job(market: Market, customer: str, title: str, category: str, where: str, budget: tuple[int, int]) -> Job:
    lat, lng = inside(where)
    return await jobs.post(market.as_(customer), jobs.JobDraft(
        title=title, description=f"{title}. Details on request; weekdays preferred.", category_id=category,
        lat=lat, lng=lng, budget_min=Money(budget[0], USD), budget_max=Money(budget[1], USD),
        address=f"7 Sample Road, {where}"))


async def _bid(market: Market, login: str, job: Job, cents: int, message: str, timed: bool = False) -> str:
    start = await _free_start([market.id_of(login)], 60, utcnow() + timedelta(days=2)) if timed else None
    bid, _ = await bids.place(market.as_(login), str(job.id), bids.BidDraft(Money(cents, USD), message, start))
    return str(bid.id)


async def _jobs(market: Market) -> int:
    """Two open jobs with bids and questions, and one whose bid the customer accepted."""
    tap = await _job(market, "customer", "Replace the kitchen tap", "plumbing.fixture-installation", "Riverside",
                     (6000, 15000))
    await _bid(market, "serviceman", tap, 9000, "I can do it this week, tap included.")
    drains_bid = await _bid(market, "drains", tap, 8000, "Labour only; I can pick up a tap on the way.", timed=True)
    await comments.post(market.as_("customer"), str(tap.id), "Which brands of tap do you fit?", drains_bid)
    await comments.post(market.as_("drains"), str(tap.id), "Most of them; send me a photo of the sink.", drains_bid)
    await comments.post(market.as_("serviceman"), str(tap.id), "Is the shut-off valve under the sink working?")
    move_out = await _job(market, "enterprise", "Move-out clean of a two-bedroom flat", "cleaning.move-out",
                          "Hillside", (15000, 30000))
    await _bid(market, "shine", move_out, 22000, "Two of us, one afternoon.", timed=True)
    await _bid(market, "mop", move_out, 25000, "Eco products, oven and fridge included.")
    heater = await _job(market, "customer", LAST_JOB, "plumbing.water-heater", "Harbour",
                        (20000, 40000))
    await _bid(market, "drains", heater, 36000, "Includes taking the old one away.")
    accepted = await _bid(market, "pipes", heater, 30000, "I install these every week.", timed=True)
    awarded = await bids.accept(market.as_("customer"), str(heater.id), accepted)
    market.bookings[awarded.booking.booking.state.value] += 1
    return 3

