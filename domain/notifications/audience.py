"""Whom a notification's text is written for: the language of the user's phone last seen (its
registered locale; English without one) and the time zone of their notification preferences
(else their region's, else UTC). The notifier reads both already and builds it itself; other
writers of in-app notices (domain/safety/notices.py) ask here."""

from __future__ import annotations

from tortoise.backends.base.client import BaseDBAsyncClient

from domain.notifications import preferences
from domain.notifications.i18n import Audience
from domain.notifications.models import Device


async def audience_of(user_id: str, conn: BaseDBAsyncClient | None = None) -> Audience:
    prefs = await preferences.load(user_id, conn)
    locales = (
        await Device.filter(user_id=user_id)
        .using_db(conn)
        .order_by("-last_seen_at")
        .limit(1)
        .values_list("locale", flat=True)
    )
    return Audience(str(locales[0]) if locales and locales[0] else None, prefs.effective_timezone)
