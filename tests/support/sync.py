"""Sync test helpers: pull over HTTP, and a replica that applies changes with the client rule
of docs/sync.md (a change applies when its version is not lower than the one known)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from aiohttp.test_utils import TestClient

from realtime.server import EMITTER
from rest.deps import REST_DEPS
from sync.service import SyncService
from tests.conftest import app_of
from tests.support.identity import Account
from tests.support.socket_clients import Recorder, caught_up
from tests.support.waiting import wait_until

Key = tuple[str, str]


def sync_of(client: TestClient) -> SyncService:
    service = app_of(client)[REST_DEPS].sync
    assert service is not None
    return service


async def flush(client: TestClient) -> None:
    """Make everything committed so far visible to pulls (instead of waiting for the ticker)."""
    await sync_of(client).ticker.flush()


async def pokes_rung(client: TestClient) -> None:
    """Wait until the poker has rung every tick so far: no poke window left open."""
    poker = sync_of(client).poker
    windows = lambda: (poker._flush, poker._public_flush)  # noqa: E731 (private: no public view of it)
    await wait_until(lambda: all(task is None or task.done() for task in windows()), 20, "the poker's open windows")


async def pokes_delivered(client: TestClient, *sockets: Recorder) -> None:
    """Every poke rung so far has reached these sockets (or passed them by): the poker has no
    window open, then the sockets caught up with what was published. Not for pokes a
    socket's interval holds."""
    await pokes_rung(client)
    await caught_up(app_of(client)[EMITTER], "/", *sockets)


async def sync_head(client: TestClient) -> int:
    """The newest tick visible to pulls."""
    from tortoise.connection import connections

    _, rows = await connections.get("default").execute_query(
        "SELECT coalesce((SELECT value FROM sync_state WHERE name = 'head'), 0) AS head")
    return int(rows[0]["head"])


async def pull(client: TestClient, who: Account, cursor: str | None = None, status: int = 200,
               **body: Any) -> dict[str, Any]:
    if cursor is not None:
        body["cursor"] = cursor
    response = await client.post("/v1/sync/pull", json=body, headers=who.headers)
    assert response.status == status, await response.text()
    return dict(await response.json())


@dataclass
class Replica:
    """A device's local copy: rows by (collection, id), and the highest version seen of each
    (tombstones included)."""

    who: Account
    rows: dict[Key, dict[str, Any]] = field(default_factory=dict)
    versions: dict[Key, int] = field(default_factory=dict)
    cursor: str | None = None
    delivered: list[tuple[str, str, int, str]] = field(default_factory=list)  # (collection, id, version, op)
    pages: int = 0
    extra: dict[str, Any] = field(default_factory=dict)
    changes: list[dict[str, Any]] = field(default_factory=list)  # every change received, as sent

    def apply(self, change: dict[str, Any]) -> None:
        self.changes.append(change)
        key = (change["collection"], change["id"])
        self.delivered.append((*key, change["version"], change["op"]))
        known = self.versions.get(key)
        if known is not None and change["version"] < known:
            return
        self.versions[key] = change["version"]
        if change["op"] == "upsert":
            self.rows[key] = change["data"]
        else:
            self.rows.pop(key, None)

    async def pull_once(self, client: TestClient, **body: Any) -> dict[str, Any]:
        page = await pull(client, self.who, self.cursor, **body)
        for change in page["changes"]:
            self.apply(change)
        self.cursor = page["cursor"]
        self.pages += 1
        return page

    async def catch_up(self, client: TestClient, max_pages: int = 1000, **body: Any) -> dict[str, Any]:
        for _ in range(max_pages):
            page = await self.pull_once(client, **body)
            if page["complete"]:
                return page
        raise AssertionError(f"no complete page after {max_pages} pulls")

    def state(self, collection: str | None = None) -> dict[Key, int]:
        """(collection, id) -> version of the rows held."""
        return {key: self.versions[key] for key in self.rows if collection is None or key[0] == collection}

    def ids(self, collection: str) -> set[str]:
        return {row_id for (name, row_id) in self.rows if name == collection}


# --- rows written straight to the database (call after make_client: its app initialises Tortoise) ---

CATEGORY = "plumbing.leak-repair"  # seeded reference data


async def make_booking(customer_id: str, *, org_id: str | None = None, crew: tuple[str, ...] = (),
                       using_db: Any = None) -> str:
    from domain.bookings.models import Assignment, Booking, BookingKind

    booking = await Booking.create(customer_id=customer_id, kind=BookingKind.ON_DEMAND, organisation_id=org_id,
                                   currency="USD", price_amount=8000, commission_amount=800, tax_amount=0,
                                   total_amount=8800, using_db=using_db)
    for index, user_id in enumerate(crew):
        await Assignment.create(booking=booking, serviceman_id=user_id, lead=index == 0, using_db=using_db)
    return str(booking.id)


async def make_zone(name: str = "Centre", lng: float = 13.40, lat: float = 52.52, size: float = 0.05) -> str:
    from domain.zones.models import Zone

    ring = [[lng - size, lat - size], [lng + size, lat - size], [lng + size, lat + size], [lng - size, lat + size],
            [lng - size, lat - size]]
    zone = await Zone.create(name=name, city="Berlin", geometry={"type": "Polygon", "coordinates": [ring]},
                             min_lng=lng - size, min_lat=lat - size, max_lng=lng + size, max_lat=lat + size)
    return str(zone.id)


async def make_job(customer_id: str, zone_id: str | None = None) -> str:
    from datetime import timedelta

    from domain.jobs.models import Job
    from domain.shared.clock import utcnow

    job = await Job.create(customer_id=customer_id, title="Leaking pipe", description="Under the sink",
                           category_id=CATEGORY, zone_id=zone_id, lat=52.52, lng=13.40, currency="USD",
                           budget_min=5000, budget_max=15000, expires_at=utcnow() + timedelta(days=7))
    return str(job.id)
