"""One contract, two presence stores (ARCHITECTURE example 9): the in-process store and the
Redis one, driven by the same steps on a fake clock. "Another process" is a second store
instance on the same backend (for the in-process store: the same instance, since it has no
other processes); a crashed process is one that stops refreshing its connections."""

from __future__ import annotations

import secrets
import uuid
from collections.abc import AsyncIterator, Callable

import pytest
from redis.asyncio import Redis

from domain.presence.memory import MemoryPresenceStore
from domain.presence.store import PresenceState, PresenceStore, Status, expiry_window, heartbeat_interval
from infra.presence import RedisPresenceStore

TTL = 15.0


class FakeClock:
    def __init__(self) -> None:
        self.now = 1_800_000_000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


StoreFactory = Callable[[], PresenceStore]


@pytest.fixture(params=["memory", "redis"])
async def stores(request, services) -> AsyncIterator[tuple[FakeClock, StoreFactory]]:
    clock = FakeClock()
    if request.param == "memory":
        store = MemoryPresenceStore(TTL, clock=clock)
        yield clock, lambda: store
        return
    client = Redis.from_url(services.redis_url)
    namespace = f"contract-{secrets.token_hex(4)}"  # a deployment of its own
    yield clock, lambda: RedisPresenceStore(client, TTL, namespace, clock=clock)
    await client.aclose()


def user() -> str:
    return str(uuid.uuid4())


async def state(store: PresenceStore, user_id: str) -> PresenceState:
    [found] = await store.states([user_id])
    return found


async def test_a_user_never_seen_is_offline_without_last_seen(stores):
    _clock, make = stores
    assert await make().states([u := user()]) == [PresenceState(u, Status.OFFLINE, None)]


async def test_connect_and_disconnect_report_each_change_once(stores):
    clock, make = stores
    store, u = make(), user()
    assert await store.connect(u, "c1") == PresenceState(u, Status.ONLINE, clock.now)
    assert await store.connect(u, "c2") is None  # a second device changes nothing
    clock.advance(3)
    assert await store.disconnect(u, "c1") is None  # one device left: still online
    assert (await state(store, u)).status == Status.ONLINE
    clock.advance(2)
    assert await store.disconnect(u, "c2") == PresenceState(u, Status.OFFLINE, clock.now)
    assert await state(store, u) == PresenceState(u, Status.OFFLINE, clock.now)
    assert await store.disconnect(u, "c2") is None  # twice is harmless


async def test_away_only_when_every_live_connection_says_so(stores):
    clock, make = stores
    store, u = make(), user()
    await store.connect(u, "phone")
    await store.connect(u, "laptop")
    assert await store.set_away(u, "phone", True) is None  # the laptop is still here
    assert await store.set_away(u, "laptop", True) == PresenceState(u, Status.AWAY, clock.now)
    assert await store.set_away(u, "laptop", True) is None
    assert await store.set_away(u, "phone", False) == PresenceState(u, Status.ONLINE, clock.now)
    assert await store.set_away(u, "phone", True) == PresenceState(u, Status.AWAY, clock.now)
    # The away device leaving leaves nobody here: offline; a fresh connection comes back online.
    await store.disconnect(u, "laptop")
    assert (await store.disconnect(u, "phone")).status == Status.OFFLINE
    assert (await store.connect(u, "phone")).status == Status.ONLINE


async def test_an_unknown_connection_cannot_set_away(stores):
    _clock, make = stores
    store, u = make(), user()
    await store.connect(u, "mine")
    assert await store.set_away(u, "not-mine", True) is None
    assert await store.set_away(user(), "nobody", True) is None
    assert (await state(store, u)).status == Status.ONLINE


async def test_refreshed_connections_live_on_and_unrefreshed_ones_expire(stores):
    clock, make = stores
    alive, dead = make(), make()  # two processes
    u, v = user(), user()
    await alive.connect(u, "a1")
    await dead.connect(v, "d1")
    await dead.connect(u, "d2")  # u has a device on each process
    connected_at = clock.now
    for _ in range(6):  # a minute of heartbeats from `alive` only
        clock.advance(heartbeat_interval(TTL))
        assert await alive.refresh([(u, "a1")]) == []
        changes = await alive.sweep()
        if changes:
            break
    # v went offline, last seen when its process last spoke; u never flickered.
    assert changes == [PresenceState(v, Status.OFFLINE, connected_at)]
    assert clock.now - connected_at <= TTL
    assert (await state(alive, u)).status == Status.ONLINE
    assert await alive.sweep() == []
    # The dead process's connection is gone for good: refreshing it reports it missing.
    assert await alive.refresh([(u, "d2")]) == [(u, "d2")]


async def test_expiry_happens_within_the_ttl_and_not_before_the_window(stores):
    clock, make = stores
    store, u = make(), user()
    await store.connect(u, "c")
    clock.advance(expiry_window(TTL) - 0.5)
    assert await store.sweep() == []
    clock.advance(1.0)
    [change] = await store.sweep()
    assert change.status == Status.OFFLINE and change.user_id == u


async def test_an_expired_away_connection_does_not_keep_the_user_away(stores):
    clock, make = stores
    live, crashed = make(), make()
    u = user()
    await live.connect(u, "live")
    await crashed.connect(u, "gone")
    await live.set_away(u, "live", True)
    assert (await state(live, u)).status == Status.ONLINE  # "gone" has not said away
    clock.advance(heartbeat_interval(TTL))
    await live.refresh([(u, "live")])
    clock.advance(heartbeat_interval(TTL) + 0.1)
    await live.refresh([(u, "live")])
    assert await live.sweep() == [PresenceState(u, Status.AWAY, clock.now)]


async def test_states_answer_in_the_order_asked(stores):
    _clock, make = stores
    store = make()
    a, b, c = user(), user(), user()
    await store.connect(b, "b")
    assert [s.user_id for s in await store.states([c, b, a])] == [c, b, a]
    assert [s.status for s in await store.states([c, b, a])] == [Status.OFFLINE, Status.ONLINE, Status.OFFLINE]


async def test_refresh_reports_connections_the_store_lost(stores):
    _clock, make = stores
    store, u = make(), user()
    await store.connect(u, "kept")
    assert await store.refresh([(u, "kept"), (u, "lost")]) == [(u, "lost")]


async def test_wire_format(stores):
    clock, make = stores
    store, u = make(), user()
    change = await store.connect(u, "c")
    assert change.to_wire() == {"user_id": u, "status": "online", "last_seen": "2027-01-15T08:00:00.000Z"}
    assert clock.now == 1_800_000_000.0
