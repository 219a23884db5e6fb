"""The notice a moderation decision leaves in the reported party's notification centre: what was
done and why, in their language (templates `moderation.*` in domain/notifications/texts.py)."""

from __future__ import annotations

from datetime import datetime

from tortoise.backends.base.client import BaseDBAsyncClient

from domain.notifications import centre
from domain.notifications.audience import audience_of
from domain.notifications.i18n import Moment, Phrase, render
from domain.notifications.models import Category
from domain.safety.models import Action, ModerationItem
from domain.shared.clock import isoformat


async def notice(
    item: ModerationItem, action: Action, until: datetime | None, reason: str, conn: BaseDBAsyncClient
) -> centre.Entry:
    kind = item.subject_kind.value
    # A hidden user is their profile's text; a warned or suspended one, their account.
    subject = ("profile" if action is Action.HIDE else "account") if kind == "user" else kind
    template = f"moderation.{action.value}"
    if action is Action.SUSPEND and until is None:
        template = "moderation.suspend.indefinite"
    values = {"subject": Phrase(f"subject.{subject}"), "reason": reason, "until": Moment(until) if until else ""}
    title, body = render(template, values, await audience_of(str(item.party_id), conn))
    return centre.Entry(
        user_id=str(item.party_id),
        kind=f"moderation.{action.value}",
        category=Category.ACCOUNT_SECURITY,
        title=title,
        body=body,
        entity_type=kind,
        entity_id=item.subject_id,
        data={
            "action": action.value,
            "reason": reason,
            "item_id": str(item.id),
            "until": isoformat(until) if until else None,
        },
    )
