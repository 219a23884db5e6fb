"""Namespace `/presence`: who is online (`presence:subscribe`, `presence:unsubscribe`,
`presence:set`; server event `presence:update`). Catalogue: docs/events.md.

Subscribing to users the caller may not see (domain/presence/visibility.py) is not an error:
they are left out of the answer and no room is joined for them, so the answer does not tell
whether an id belongs to anyone. The room is joined before the states are read, so a change
made in between arrives as a `presence:update` after the ack rather than being lost.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from domain.presence.visibility import MAX_WATCHED, visible_user_ids
from realtime.base import AuthenticatedNamespace
from realtime.presence import Status
from realtime.presence_tracker import PRESENCE_NAMESPACE
from realtime.rooms import presence_room

UserId = Annotated[str, Field(min_length=1, max_length=64)]


class Watch(BaseModel):
    model_config = ConfigDict(extra="forbid")
    user_ids: list[UserId] = Field(max_length=MAX_WATCHED)


class SetStatus(BaseModel):
    model_config = ConfigDict(extra="forbid")
    status: Literal["online", "away"]


class PresenceNamespace(AuthenticatedNamespace):
    NAME = PRESENCE_NAMESPACE

    async def on_presence_subscribe(self, sid: str, payload: Watch) -> dict[str, Any]:
        actor = await self.current_actor(sid)
        visible = await visible_user_ids(actor, payload.user_ids)
        for user_id in visible:
            await self.enter_room(sid, presence_room(user_id))
        states = await self._tracker().states(visible)
        return {"states": [state.to_wire() for state in states]}

    async def on_presence_unsubscribe(self, sid: str, payload: Watch) -> dict[str, Any]:
        for user_id in dict.fromkeys(payload.user_ids):
            await self.leave_room(sid, presence_room(user_id))
        return {"user_ids": list(dict.fromkeys(payload.user_ids))}

    async def on_presence_set(self, sid: str, payload: SetStatus) -> dict[str, Any]:
        user = await self.current_user(sid)
        conn_id = self.server.manager.eio_sid_from_sid(sid, self.namespace)
        state = await self._tracker().set_status(conn_id, user.user_id, Status(payload.status))
        return {"state": state.to_wire()}

    def _tracker(self) -> Any:
        tracker = self.deps.presence
        if tracker is None:  # setup_realtime always builds one; a bare test namespace may not
            raise RuntimeError("presence is not set up")
        return tracker
