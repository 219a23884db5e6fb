"""Namespace `/disputes`: dispute timelines.

- `dispute:watch {dispute_id}` acks `{dispute, timeline}` as the caller may see them (a party:
  their own and the shared entries; an admin: everything). An admin's socket also joins the
  dispute's room, so it hears later updates without being a party.
- Server event `dispute:update {dispute, entry, cursor}`: after each committed change, to every
  party's sockets (realtime/emitters.py `DisputeEmitter`; across processes through Redis).
A well-formed but invalid payload gets `{ok: false, error}`; the socket stays connected.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, StringConstraints

from domain.disputes.service import DisputeService
from domain.shared.errors import DomainError, ErrorCode
from realtime.base import AuthenticatedNamespace
from realtime.rooms import dispute_room

NAME = "/disputes"
UPDATE_EVENT = "dispute:update"


class WatchIn(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)
    dispute_id: Annotated[str, StringConstraints(min_length=1, max_length=64)]


class _Unavailable(DomainError):
    code = ErrorCode.SERVICE_UNAVAILABLE
    default_message = "Disputes are not available on this server."


class DisputesNamespace(AuthenticatedNamespace):
    NAME = NAME

    async def on_dispute_watch(self, sid: str, payload: WatchIn) -> dict[str, Any]:
        actor = await self.current_actor(sid)
        view = await self._service().get(actor, payload.dispute_id)
        if view.get("your_side") == "admin":
            await self.enter_room(sid, dispute_room(view["id"]))
        timeline = view.pop("timeline", [])
        return {"dispute": view, "timeline": timeline}

    def _service(self) -> DisputeService:
        service: DisputeService | None = getattr(self.deps, "disputes", None)
        if service is None:
            raise _Unavailable()
        return service
