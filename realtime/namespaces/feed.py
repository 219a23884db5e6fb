"""Namespace `/feed`: the live feed (`feed:subscribe`, `feed:unsubscribe`; server event
`feed:item {item, cursor}`). Catalogue: docs/events.md.

A socket hears nothing until it subscribes. `feed:subscribe {zone_ids?, after?}` narrows the
socket to the zones asked for that the user may see (others are left out of the ack, as on
/presence) or, without `zone_ids`, to every item; items without a zone always pass. The rooms
are joined before `after` is replayed, so nothing committed meanwhile is lost, and a live item
the ack already carried is held back for that socket (realtime/broadcast.py delivery filter);
the other way round, items the socket was sent live while its subscribe was on the way are
left out of the ack. Either way a socket gets an item once.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field

from domain.feed import queries
from realtime.base import AuthenticatedNamespace
from realtime.rooms import feed_room

NAME = "/feed"
ITEM_EVENT = "feed:item"
REPLAY_LIMIT = 100
SENT_MEMORY = 1000  # live items remembered per socket (a replay reaches back at most REPLAY_LIMIT)
MAX_ZONES = 100

ZoneId = Annotated[str, Field(min_length=1, max_length=64)]


class SubscribeIn(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)  # "3" is not a number (docs/events.md)
    zone_ids: list[ZoneId] | None = Field(None, max_length=MAX_ZONES)
    after: int | None = Field(None, ge=0, le=2**63 - 1, description="the highest item seq you have")


class FeedNamespace(AuthenticatedNamespace):
    NAME = NAME

    def __init__(self, namespace: str, deps: Any) -> None:
        super().__init__(namespace, deps)
        # sid -> the highest seq this socket got in a subscribe ack: a live `feed:item` at or
        # below it (committed before the replay read it, sent after) is held back.
        self._floors: dict[str, int] = {}
        # sid -> seqs of the items this socket was sent live lately: a replay leaves them out
        # (the client's `after` can predate an item it got while its subscribe was on the way).
        self._sent: dict[str, OrderedDict[int, None]] = {}
        self._filtering = False

    async def on_feed_subscribe(self, sid: str, payload: SubscribeIn) -> dict[str, Any]:
        actor = await self.current_actor(sid)
        zones = await queries.narrow(actor, payload.zone_ids)
        if zones is None:
            rooms = [feed_room(actor.user_id)]
        else:
            rooms = [feed_room(actor.user_id, None, narrowed=True),
                     *(feed_room(actor.user_id, zone, narrowed=True) for zone in zones)]
        # Join before leaving and before reading the replay: no moment without a room, and
        # nothing committed meanwhile is missed (the floor drops what the replay already holds).
        for room in rooms:
            await self.enter_room(sid, room)
        await self._leave_feed_rooms(sid, keep=set(rooms))
        self._filter_deliveries()
        self._sent.setdefault(sid, OrderedDict())
        ack: dict[str, Any] = {"zones": zones}
        if payload.after is not None:
            page = await queries.replay(actor.user_id, payload.after, set(zones) if zones is not None else None,
                                        REPLAY_LIMIT)
            self._floors[sid] = max([payload.after, self._floors.get(sid, 0), *(i["seq"] for i in page.items)])
            sent: OrderedDict[int, None] | dict[int, None] = self._sent.get(sid, {})
            ack.update(items=[i for i in page.items if i["seq"] not in sent], next_cursor=page.next_cursor)
        return ack

    async def on_feed_unsubscribe(self, sid: str) -> dict[str, Any]:
        await self._leave_feed_rooms(sid)
        return {"zones": []}

    async def on_disconnect(self, sid: str, reason: str | None = None) -> None:
        self._floors.pop(sid, None)
        self._sent.pop(sid, None)
        await super().on_disconnect(sid, reason)

    async def _leave_feed_rooms(self, sid: str, keep: set[str] | frozenset[str] = frozenset()) -> None:
        for room in self.rooms(sid):
            if isinstance(room, str) and room.startswith("feed:") and room not in keep:
                await self.leave_room(sid, room)

    def _filter_deliveries(self) -> None:
        manager = self.server.manager
        if not self._filtering and hasattr(manager, "set_delivery_filter"):
            manager.set_delivery_filter(self.namespace, self._deliver_to)
            self._filtering = True

    def _deliver_to(self, sid: str, event: str, data: Any) -> bool:
        if event != ITEM_EVENT or not isinstance(data, dict):
            return True
        item = data.get("item")
        seq = item.get("seq") if isinstance(item, dict) else None
        if not isinstance(seq, int):
            return True
        floor = self._floors.get(sid)
        if floor is not None and seq <= floor:
            return False
        sent = self._sent.get(sid)
        if sent is not None:
            sent[seq] = None
            if len(sent) > SENT_MEMORY:
                sent.popitem(last=False)
        return True
