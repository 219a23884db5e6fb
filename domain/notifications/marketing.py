"""Marketing notifications (category `marketing`): an admin's announcement to an audience, and
the consent gate every marketing notification passes (issue 18).

A marketing notification reaches a user only with their consent for the purpose of its channel
(domain/consent): in the app (the notification centre and push) `marketing_push`, by email
`marketing_email` (nothing sends email yet); on top of that, their notification preferences for
the `marketing` category decide as for any category. Withdrawing consent stops the next one: the
notifier asks at the moment it handles the event, in the same transaction that writes it.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from uuid import uuid4

from tortoise.backends.base.client import BaseDBAsyncClient

from domain.access.policy import Permission, authorize
from domain.audit import services as audit
from domain.consent import services as consent
from domain.consent.models import Purpose
from domain.notifications.models import Channel
from domain.shared.context import Actor, RequestContext
from domain.shared.events import DomainEvent
from domain.shared.uow import unit_of_work

ANNOUNCED = "marketing.announced"
PURPOSE_OF_CHANNEL: dict[Channel, Purpose] = {
    Channel.PUSH: Purpose.MARKETING_PUSH,
    Channel.IN_APP: Purpose.MARKETING_PUSH,
    Channel.EMAIL: Purpose.MARKETING_EMAIL,
}


class Audience(StrEnum):
    EVERYONE = "everyone"
    CUSTOMERS = "customers"
    SERVICEMEN = "servicemen"
    PROVIDERS = "providers"


# The role a user needs to be in an audience (None: any).
AUDIENCE_ROLE: dict[Audience, str | None] = {
    Audience.EVERYONE: None, Audience.CUSTOMERS: "customer", Audience.SERVICEMEN: "serviceman",
    Audience.PROVIDERS: "provider",
}


async def allowed(user_id: str, channel: Channel, conn: BaseDBAsyncClient | None = None) -> bool:
    """Whether a marketing notification may reach `user_id` on `channel` (their consent)."""
    return await consent.granted(user_id, PURPOSE_OF_CHANNEL[channel], conn)


@dataclass(frozen=True)
class Announcement:
    title: str
    body: str
    audience: Audience = Audience.EVERYONE


async def announce(actor: Actor, announcement: Announcement, context: RequestContext) -> str:
    """Queue an announcement (event `marketing.announced`): the notifier tells every user of the
    audience who consented; returns its id."""
    await authorize(actor, Permission.MARKETING_SEND)
    announcement_id = str(uuid4())
    data = {"announcement_id": announcement_id, "title": announcement.title, "body": announcement.body,
            "audience": announcement.audience.value}
    async with unit_of_work() as uow:
        event = DomainEvent(stream="domain", type=ANNOUNCED, subject=f"announcement:{announcement_id}",
                            actor_id=actor.user_id, data=data)
        await uow.record(event)
        await audit.record(uow, actor=actor, action="marketing.announce", subject_type="announcement",
                           subject_id=announcement_id, context=context, after=data)
    return announcement_id
