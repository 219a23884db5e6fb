"""Delta sync as the adapters see it: built once by the composition root from settings."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from domain.access.policy import factor_refusal
from domain.accounts.services import AccountsService
from domain.finance.cases.services import PaymentCases
from domain.messaging.services import MessagingService
from domain.shared.context import PRIVILEGED_ROLES, Actor
from sync.cursor import CursorCodec
from sync.dialect import dialect
from sync.mutations import Bodies, Mutation, Mutations
from sync.poke import Emitter, Poker
from sync.pull import Puller, PullInput, pool_can_spare
from sync.push import Pusher
from sync.readahead import ReadAhead
from sync.visibility import SingleFlight


@dataclass(frozen=True)
class SyncConfig:
    cursor_secrets: tuple[bytes, ...]
    epoch: int = 1
    tick_interval_seconds: float = 0.025
    retention_seconds: float = 30 * 86400
    compaction_interval_seconds: float = 3600
    sqlite: bool = False  # the embedded demo: SQLite's dialect (sync/dialect.py)
    public_poke_interval_seconds: float = 15.0  # public changes ring everyone at most this often
    idle_ceiling_seconds: float | None = None  # idle, the ticker backs off up to this (None: never)
    read_ahead_pages: int = 0  # pages read ahead for paging clients, kept per process (sync/readahead.py)


class SyncClock:
    """Where sync stands: the ticker that makes committed changes visible to pulls, and the
    position a realtime event reports. Made before the services whose events carry cursors."""

    def __init__(self, config: SyncConfig) -> None:
        self.dialect = dialect(config.sqlite)  # chosen once: every part of sync speaks it
        self.ticker = self.dialect.ticker(config.tick_interval_seconds, config.idle_ceiling_seconds)
        self.visible = SingleFlight(self._visible_tick)  # concurrent callers share one tick
        self.ticker.share_ticks(self.visible.position)  # a commit's wake-up and its cursor: one tick

    async def visible_cursor(self) -> str | None:
        """The sync position (PROTOCOL section 3: the `cursor` of a realtime event) at which
        everything committed before this call is visible to pulls.

        Call it after the change committed, then emit with it. Concurrent callers share ticks
        (sync/visibility.py): one tick that starts after a call serves it."""
        return str(await self.visible.position())

    async def _visible_tick(self) -> int:
        # One round trip on PostgreSQL: a tick, or the head when nothing was left to stamp.
        return await self.ticker.position()


class SyncService:
    """Pull, push and pokes over the clock's ticker, for the REST adapter and the app's sockets."""

    def __init__(self, config: SyncConfig, clock: SyncClock, *, accounts: AccountsService | None = None,
                 messaging: MessagingService | None = None, bodies: Bodies | None = None,
                 emitter: Emitter | None = None, payments: PaymentCases | None = None) -> None:
        self.config = config
        self.clock = clock
        self.dialect, self.ticker, self.visible = clock.dialect, clock.ticker, clock.visible
        self.mutations = Mutations(accounts, messaging, bodies, payments)
        self.pusher = Pusher(self.mutations, self.visible, self.dialect)
        self.poker = Poker(self.dialect, emitter, public_window_seconds=config.public_poke_interval_seconds)
        self.ticker.on_tick(self.poker.on_tick)
        self.puller = Puller(CursorCodec(config.cursor_secrets), config.epoch, self.dialect,
                             catch_up=self.ticker.catch_up,
                             read_ahead=ReadAhead(config.read_ahead_pages, may_start=pool_can_spare))

    def contexts(self, on_commit: Callable[[Callable[[], None]], Callable[[], None]]
                 ) -> list[Callable[[Any], AsyncIterator[None]]]:
        """The lifecycles (aiohttp cleanup contexts): the ticker and the poker. Compaction is a
        periodic job (app/jobs.py)."""
        return [self._poker_context, self.ticker.context(on_commit)]

    async def _poker_context(self, _app: Any) -> AsyncIterator[None]:
        try:
            yield
        finally:
            await self.puller.read_ahead.aclose()  # before the pool closes: reads ahead hold connections
            await self.poker.aclose()

    async def visible_cursor(self) -> str | None:
        return await self.clock.visible_cursor()

    async def pull(self, actor: Actor, request: PullInput) -> bytes:
        # Grants are computed from the account's roles (sync/grants.py: admins hold disputes-admin),
        # so a login that has not proven its second factor may not pull as an admin at all.
        if actor.factor_missing and actor.roles & PRIVILEGED_ROLES:
            raise factor_refusal(actor)
        return await self.puller.pull(UUID(actor.user_id), request)

    async def push(self, actor: Actor, client_id: UUID, batch: list[Mutation]) -> dict[str, Any]:
        try:
            return await self.pusher.push(actor, client_id, batch)
        finally:  # pages read ahead for this user may predate the push: their next pull reads after it
            self.puller.read_ahead.forget(UUID(actor.user_id))
