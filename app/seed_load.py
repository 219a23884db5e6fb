"""`fieldsync seed-load --users N`: one account per simulated Locust user (loadtests/), with
the rooms the apps would have. Never in production.

Account i is `load-user-{i}@load.fieldsync.dev`, password `load-password-1`; its role follows
from i (`role_of`, mirrored by loadtests/load_accounts.py): six customers, three servicemen and
one provider in every ten. "Load City" gets a grid of zones (one per 50 users); each provider
owns a business serving one zone, each serviceman works a zone (half of them in a provider's
crew) in plumbing or cleaning; each customer has two bookings (scheduled, accepted) with a
serviceman, each with its booking conversation and a short history; open jobs (one per ten
users) post into the zones, so servicemen's feeds fill as the server relays their `job.posted`
events (the feed projection reacts to them as to any posted job).

Everything is written in one unit of work with bulk inserts: the sync triggers capture every
row as for any write, and a run is all or nothing. A second run with the same N changes
nothing (as does a smaller N); a larger one is refused (seed a fresh database).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from uuid import UUID

from tortoise import Tortoise
from tortoise.backends.base.client import BaseDBAsyncClient

from app.db import tortoise_config
from app.protection import development_sealer, make_pseudonyms, make_sealer
from app.settings import Settings
from domain.accounts.models import Membership, MembershipStatus, Organisation, OrgRole, Role, User
from domain.accounts.passwords import Argon2Params, Passwords
from domain.bookings.models import Assignment, Booking, BookingKind, BookingState, Transition
from domain.jobs import events as job_events
from domain.jobs.models import Job
from domain.messaging.models import Conversation, ConversationKind, Message, Participant, ParticipantRole
from domain.profiles.models import ServicemanProfile, area
from domain.profiles.services import seal_home
from domain.shared.clock import utcnow
from domain.shared.sealing import Pseudonyms, Sealer
from domain.shared.uow import UnitOfWork, unit_of_work
from domain.zones.models import OrganisationZone, ServicemanZone, Zone

LOAD_PASSWORD = "load-password-1"  # noqa: S105 - documented load-test credential, refused in production
LOAD_DOMAIN = "load.fieldsync.dev"
LOAD_CITY = "Load City"
USERS_PER_ZONE = 50
ORIGIN = (41.3851, 2.1734)  # (lat, lng) of the grid's south-west corner
SIZE = 0.02  # degrees per zone side
TRADES = ("plumbing", "cleaning")
JOB_CATEGORIES = ("plumbing.leak-repair", "plumbing", "cleaning")
USD = "USD"
BATCH = 500
HISTORY = (
    "Hi! Looking forward to it.",
    "Great, see you then. Anything I should know?",
    "The access code for the gate is 4512.",
)


class LoadSeedRefused(Exception):
    pass


def load_email(index: int) -> str:
    return f"load-user-{index}@{LOAD_DOMAIN}"


def role_of(index: int) -> Role:
    """Six customers, three servicemen and one provider in every ten accounts."""
    slot = index % 10
    return Role.CUSTOMER if slot < 6 else Role.SERVICEMAN if slot < 9 else Role.PROVIDER


async def seed_load(settings: Settings, users: int) -> str:
    if settings.is_production:
        raise LoadSeedRefused("the load-test dataset is refused in production (APP_ENV=production)")
    if users < 1:
        raise LoadSeedRefused("--users must be at least 1")
    await Tortoise.init(config=tortoise_config(settings.database_url))
    try:
        passwords = Passwords(
            Argon2Params(settings.argon2_time_cost, settings.argon2_memory_cost_kib, settings.argon2_parallelism)
        )
        return await populate(passwords, users, make_sealer(settings), region=settings.default_region,
                              pseudonyms=make_pseudonyms(settings))
    finally:
        await Tortoise.close_connections()


async def populate(passwords: Passwords, users: int, sealer: Sealer | None = None, region: str = "eu",
                   pseudonyms: Pseudonyms | None = None) -> str:
    """Seed into the already initialised Tortoise; the same N twice changes nothing. The
    servicemen's homes are sealed by `sealer` (default: the development keyring's); with
    `pseudonyms`, every account gets its email's blind index, as a registration does (without
    it the at-rest job backfills them, row-locking accounts while the load logs in)."""
    sealer = sealer or development_sealer()
    existing = await User.filter(email__endswith=f"@{LOAD_DOMAIN}").count()
    if existing >= users:
        return f"already seeded: {existing} load users (password {LOAD_PASSWORD!r}); nothing written"
    if existing:
        raise LoadSeedRefused(
            f"this database holds {existing} load users, fewer than {users}: the load dataset "
            "is written once; seed a fresh database to have more"
        )
    password_hash = await passwords.hash(LOAD_PASSWORD)  # one hash: they share the password
    async with unit_of_work() as uow:
        city = await _write(uow, users, password_hash, utcnow(), sealer, region, pseudonyms)
    return f"{users} load users load-user-0..{users - 1}@{LOAD_DOMAIN} (password {LOAD_PASSWORD!r}): {city.summary()}"


@dataclass
class City:
    region: str = "eu"  # every load row's (DEFAULT_REGION)
    users: list[User] = field(default_factory=list)
    zones: list[Zone] = field(default_factory=list)
    orgs: dict[UUID, Organisation] = field(default_factory=dict)  # owner id -> business
    crew_of: dict[UUID, Organisation] = field(default_factory=dict)  # serviceman id -> employer
    zone_of: dict[UUID, Zone] = field(default_factory=dict)  # serviceman id -> where they work
    bookings: int = 0
    messages: int = 0
    jobs: int = 0

    def of(self, role: Role) -> list[User]:
        return [user for index, user in enumerate(self.users) if role_of(index) is role]

    def summary(self) -> str:
        return (
            f"{len(self.of(Role.CUSTOMER))} customers, {len(self.of(Role.SERVICEMAN))} servicemen, "
            f"{len(self.of(Role.PROVIDER))} providers; {len(self.zones)} zones in {LOAD_CITY}, "
            f"{self.bookings} bookings with their conversations ({self.messages} messages), "
            f"{self.jobs} open jobs"
        )


async def _write(uow: UnitOfWork, users: int, password_hash: str, now: datetime, sealer: Sealer,
                 region: str, pseudonyms: Pseudonyms | None) -> City:
    conn = uow.connection
    city = City(region=region)
    city.users = [
        User(
            email=load_email(i),
            email_index=pseudonyms.email_index(load_email(i)) if pseudonyms is not None else None,
            name=f"Load {role_of(i).value.title()} {i}",
            roles=[role_of(i).value],
            region=region,
            password_hash=password_hash,
        )
        for i in range(users)
    ]
    await _bulk(conn, city.users)
    city.zones = [_zone(k, math.ceil(math.sqrt(_zone_count(users)))) for k in range(_zone_count(users))]
    await _bulk(conn, city.zones)
    await _businesses(conn, city)
    await _servicemen(conn, city, sealer)
    await _bookings(conn, city, now)
    await _jobs(uow, city, now)
    return city


def _zone_count(users: int) -> int:
    return max(1, math.ceil(users / USERS_PER_ZONE))


def _zone(k: int, columns: int) -> Zone:
    row, col = divmod(k, columns)
    south, west = round(ORIGIN[0] + row * SIZE, 6), round(ORIGIN[1] + col * SIZE, 6)
    north, east = round(south + SIZE, 6), round(west + SIZE, 6)
    ring = [[west, south], [east, south], [east, north], [west, north], [west, south]]
    return Zone(
        name=f"Load zone {k + 1}",
        city=LOAD_CITY,
        geometry={"type": "Polygon", "coordinates": [ring]},
        min_lng=west,
        min_lat=south,
        max_lng=east,
        max_lat=north,
        country="ES",
    )


def _centre(zone: Zone) -> tuple[float, float]:
    return (zone.min_lat + zone.max_lat) / 2, (zone.min_lng + zone.max_lng) / 2


async def _businesses(conn: BaseDBAsyncClient, city: City) -> None:
    """Each provider owns a business serving one zone; every other serviceman joins a crew."""
    providers = city.of(Role.PROVIDER)
    for k, owner in enumerate(providers):
        city.orgs[owner.id] = Organisation(name=f"Load Services {k + 1}", owner_id=owner.id,
                                           region=city.region)
    await _bulk(conn, list(city.orgs.values()))
    memberships = [
        Membership(organisation_id=org.id, user_id=owner, role=OrgRole.OWNER, status=MembershipStatus.ACCEPTED)
        for owner, org in city.orgs.items()
    ]
    links = [
        OrganisationZone(organisation_id=org.id, zone_id=city.zones[k % len(city.zones)].id)
        for k, org in enumerate(city.orgs.values())
    ]
    orgs = list(city.orgs.values())
    for k, serviceman in enumerate(city.of(Role.SERVICEMAN)):
        if orgs and k % 2 == 0:
            org = orgs[(k // 2) % len(orgs)]
            city.crew_of[serviceman.id] = org
            memberships.append(
                Membership(
                    organisation_id=org.id,
                    user_id=serviceman.id,
                    role=OrgRole.SERVICEMAN,
                    status=MembershipStatus.ACCEPTED,
                    invited_by_id=org.owner_id,
                )
            )
    await _bulk(conn, memberships)
    await _bulk(conn, links)


async def _servicemen(conn: BaseDBAsyncClient, city: City, sealer: Sealer) -> None:
    profiles, links = [], []
    for k, serviceman in enumerate(city.of(Role.SERVICEMAN)):
        zone = city.zones[k % len(city.zones)]
        city.zone_of[serviceman.id] = zone
        lat, lng = _centre(zone)
        profiles.append(
            ServicemanProfile(
                user_id=serviceman.id,
                bio="Load-test serviceman.",
                category_ids=[TRADES[k % len(TRADES)]],
                home_sealed=await seal_home(sealer, serviceman.id, lat, lng),
                area_lat=area(lat),
                area_lng=area(lng),
            )
        )
        links.append(ServicemanZone(user_id=serviceman.id, zone_id=zone.id))
    await _bulk(conn, profiles)
    await _bulk(conn, links)


async def _bookings(conn: BaseDBAsyncClient, city: City, now: datetime) -> None:
    """Two bookings per customer (a scheduled one next week, an accepted one the week after),
    each with its crew, its history of transitions and its conversation."""
    servicemen = city.of(Role.SERVICEMAN)
    if not servicemen:
        return
    bookings: list[Booking] = []
    crew: dict[UUID, User] = {}
    for c, customer in enumerate(city.of(Role.CUSTOMER)):
        for j, state in enumerate((BookingState.SCHEDULED, BookingState.ACCEPTED)):
            serviceman = servicemen[(2 * c + j) % len(servicemen)]
            zone = city.zone_of[serviceman.id]
            lat, lng = _centre(zone)
            start = (now + timedelta(days=7 * (j + 1) + c % 5)).replace(
                hour=9 + c % 8, minute=0, second=0, microsecond=0
            )
            org = city.crew_of.get(serviceman.id)
            booking = Booking(
                customer_id=customer.id,
                region=city.region,
                kind=BookingKind.SCHEDULED,
                state=state,
                organisation_id=org.id if org else None,
                zone_id=zone.id,
                lat=lat,
                lng=lng,
                address=f"{c + 1} Load Street",
                scheduled_start=start,
                scheduled_end=start + timedelta(hours=2),
                currency=USD,
                price_amount=12000,
                commission_amount=1800,
                tax_amount=0,
                total_amount=12000,
            )
            bookings.append(booking)
            crew[booking.id] = serviceman
    await _bulk(conn, bookings)
    await _bulk(conn, [Assignment(booking_id=b.id, serviceman_id=crew[b.id].id, lead=True) for b in bookings])
    transitions = [
        Transition(
            booking_id=b.id,
            from_state=None,
            to_state=BookingState.REQUESTED.value,
            actor_id=b.customer_id,
            actor_role="customer",
        )
        for b in bookings
    ]
    transitions += [
        Transition(
            booking_id=b.id,
            from_state=BookingState.REQUESTED.value,
            to_state=BookingState.ACCEPTED.value,
            actor_id=crew[b.id].id,
            actor_role="serviceman",
        )
        for b in bookings
    ]
    await _bulk(conn, transitions)
    city.bookings = len(bookings)
    await _conversations(conn, city, bookings, crew, now)


async def _conversations(
    conn: BaseDBAsyncClient, city: City, bookings: Sequence[Booking], crew: dict[UUID, User], now: datetime
) -> None:
    conversations = [
        Conversation(
            kind=ConversationKind.BOOKING,
            key=f"booking:{b.id}",
            booking_id=b.id,
            region=b.region,
            last_seq=len(HISTORY),
            last_message_at=now,
        )
        for b in bookings
    ]
    await _bulk(conn, conversations)
    owners = {org.id: org.owner_id for org in city.orgs.values()}
    participants: list[Participant] = []
    messages: list[Message] = []
    for booking, conversation in zip(bookings, conversations, strict=True):
        parties = [(booking.customer_id, ParticipantRole.CUSTOMER), (crew[booking.id].id, ParticipantRole.SERVICEMAN)]
        if booking.organisation_id is not None:
            parties.append((owners[booking.organisation_id], ParticipantRole.MANAGER))
        participants += [
            Participant(conversation_id=conversation.id, user_id=uid, role=role, last_read_seq=len(HISTORY) - 1)
            for uid, role in parties
        ]
        senders = (booking.customer_id, crew[booking.id].id)
        messages += [
            Message(
                conversation_id=conversation.id,
                seq=seq,
                sender_id=senders[(seq - 1) % 2],
                body=body,
                client_msg_id=f"seed-{conversation.id.hex[:12]}-{seq}",
            )
            for seq, body in enumerate(HISTORY, start=1)
        ]
    await _bulk(conn, participants)
    await _bulk(conn, messages)
    city.messages = len(messages)


async def _jobs(uow: UnitOfWork, city: City, now: datetime) -> None:
    """Open jobs through the outbox: the feed projection turns each `job.posted` into items."""
    customers = city.of(Role.CUSTOMER)
    count = max(1, len(city.users) // 10) if customers else 0
    jobs = []
    for k in range(count):
        zone = city.zones[k % len(city.zones)]
        lat, lng = _centre(zone)
        jobs.append(
            Job(
                customer_id=customers[k % len(customers)].id,
                title=f"Load job {k + 1}",
                description="Posted by the load-test seed.",
                category_id=JOB_CATEGORIES[k % 3],
                zone_id=zone.id,
                lat=lat,
                lng=lng,
                currency=USD,
                budget_min=5000,
                budget_max=20000,
                expires_at=now + timedelta(days=7),
            )
        )
    await _bulk(uow.connection, jobs)
    for job in jobs:
        await job_events.emit(uow, "job.posted", str(job.id), str(job.customer_id), job_events.job_data(job))
    city.jobs = len(jobs)


async def _bulk(conn: BaseDBAsyncClient, rows: Sequence[object]) -> None:
    if rows:
        model = type(rows[0])
        await model.bulk_create(rows, batch_size=BATCH, using_db=conn)  # type: ignore[attr-defined]
