"""Every event the server emits on a socket, as a typed contract: one pydantic model per
namespace and event (`SERVER_EVENTS`). The AsyncAPI document (realtime/contract.py) is made
from this table, and the emitter (realtime/fanout.py) checks each payload against it, so the
code and the published contract cannot drift apart silently.

Models accept more than they name where the payload carries a representation owned elsewhere
(a dispute as REST shows it, a feed item's `summary`): the named fields are the promise."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from domain.messaging.payloads import MessageFlagged, MessageNew, MessageRead, Typing

ROOT, FEED, MESSAGING, PRESENCE, DISPUTES = "/", "/feed", "/messaging", "/presence", "/disputes"

Cursor = str | None
_CURSOR = Field(
    description="The sync position (a tick as a string; compare as an integer) at which the change "
    "is visible to POST /v1/sync/pull; null where delta sync is off."
)


class _Event(BaseModel):
    model_config = ConfigDict(extra="forbid")


class _Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class Money(_Event):
    amount: int = Field(description="minor units")
    currency: str


class SyncPoke(_Event):
    """`sync:poke`: something in your scopes changed; pull from your cursor (up to this one)."""

    cursor: str = Field(description="The tick to pull up to, as a string.")


class MaintenanceState(_Event):
    active: bool = Field(description="writes answer 503 `maintenance` while true; reads keep working")
    retry_after: int | None = Field(description="seconds a client waits before writing again; null when off")


class ConfigChanged(_Event):
    """`config:changed`: flags or remote config changed (docs/flags.md). Evaluate again
    (`POST /ofrep/v1/evaluate/flags`, `GET /v1/capabilities`) or pull the `config` collection
    up to `cursor`; `maintenance` says at once whether writes are paused."""

    keys: list[str] = Field(description="the keys that changed")
    cursor: Cursor = _CURSOR
    maintenance: MaintenanceState


CONFIG_CHANGED = "config:changed"


class Closing(_Event):
    """`auth:expired` / `socket:evicted`: why the server is about to disconnect this socket."""

    code: Literal["token_expired", "too_many_sockets"]
    message: str


class FeedItem(_Open):
    """A feed item as acked, emitted, listed and synced (docs/events.md, "A feed item")."""

    id: str
    seq: int
    kind: str
    entity_type: Literal["job", "bid", "booking"]
    entity_id: str
    zone_id: str | None
    category_id: str | None
    amount: Money | None
    summary: dict[str, Any]
    rank: int
    factors: dict[str, Any]
    version: int
    created_at: str


class FeedItemEvent(_Event):
    """`feed:item`: a new item for a subscribed `/feed` socket."""

    item: FeedItem
    cursor: Cursor = _CURSOR


class PaymentUpdate(_Event):
    """A booking's payment after one `finance` event (`type`, `seq`: that event's)."""

    type: str = Field(pattern=r"^payment\.")
    case_id: str | None
    booking_id: str | None
    seq: int | None
    state: str | None
    from_state: str | None
    version: int | None
    amount: Money | None
    captured: Money | None
    refunded: Money | None
    released: Money | None


class BookingPayment(_Event):
    """`booking:payment`: to every `/feed` socket of the booking's parties."""

    payment: PaymentUpdate
    cursor: Cursor = _CURSOR


class PresenceState(_Event):
    """`presence:update`: a watched user's status changed."""

    user_id: str
    status: Literal["online", "away", "offline"]
    last_seen: str | None = Field(description="RFC 3339 UTC with milliseconds; null: never seen")


class PresenceRevoked(_Event):
    """`presence:revoked`: you may no longer see these users; their subscriptions ended."""

    user_ids: list[str]


class DisputeSnapshot(_Open):
    """The dispute after the change, as GET /v1/disputes/{id} shows it (without `timeline`)."""

    id: str
    booking_id: str
    state: str
    last_seq: int
    version: int


class DisputeEntry(_Open):
    """One timeline entry."""

    id: str
    dispute_id: str
    seq: int
    kind: str
    author_id: str | None
    author_side: str
    shared: bool
    created_at: str | None


class DisputeUpdate(_Event):
    """`dispute:update`: after each committed change, to the parties' `/disputes` sockets."""

    dispute: DisputeSnapshot
    entry: DisputeEntry | None
    cursor: Cursor = _CURSOR


# Sent on every namespace just before the server disconnects a socket (realtime/limits.py).
CLOSING_EVENTS: dict[str, type[BaseModel]] = {"auth:expired": Closing, "socket:evicted": Closing}

SERVER_EVENTS: dict[str, dict[str, type[BaseModel]]] = {
    ROOT: {"sync:poke": SyncPoke, CONFIG_CHANGED: ConfigChanged, **CLOSING_EVENTS},
    FEED: {"feed:item": FeedItemEvent, "booking:payment": BookingPayment, **CLOSING_EVENTS},
    MESSAGING: {
        "message:new": MessageNew,
        "message:read": MessageRead,
        "typing": Typing,
        "message:flagged": MessageFlagged,
        **CLOSING_EVENTS,
    },
    PRESENCE: {"presence:update": PresenceState, "presence:revoked": PresenceRevoked, **CLOSING_EVENTS},
    DISPUTES: {"dispute:update": DisputeUpdate, **CLOSING_EVENTS},
}


class OffContract(ValueError):
    """An emit the contract does not know: an unknown event, or a payload of the wrong shape."""


def model_of(namespace: str, event: str) -> type[BaseModel]:
    model = SERVER_EVENTS.get(namespace, {}).get(event)
    if model is None:
        raise OffContract(f"{event!r} is not a server event of namespace {namespace!r}")
    return model


def checked(namespace: str, event: str, payload: Any) -> Any:
    """The payload as it goes on the wire, once it is known to match its model: a model is dumped,
    a dict is validated and sent as it is (validation must not add or drop anything)."""
    model = model_of(namespace, event)
    if isinstance(payload, BaseModel):
        if not isinstance(payload, model):
            raise OffContract(f"{event!r} on {namespace!r} takes {model.__name__}, not {type(payload).__name__}")
        return payload.model_dump(mode="json")
    try:
        model.model_validate(payload)
    except ValueError as exc:
        raise OffContract(f"{event!r} on {namespace!r}: {exc}") from exc
    return payload
