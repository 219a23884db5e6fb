"""Push devices, the notification centre and notification preferences (PROTOCOL section 5)."""

from __future__ import annotations

from domain.notifications import centre, devices, preferences
from domain.notifications.models import AppKind, Platform
from domain.shared.errors import ConflictReason, ErrorCode, NotFound
from rest.routing import ApiRequest, RouteTable
from rest.schemas.notifications import (
    MAX_TOKEN,
    DeviceIn,
    DeviceOut,
    NotificationListQuery,
    NotificationOut,
    NotificationPageOut,
    NotificationPreferencesIn,
    PreferencesOut,
    ReadAllOut,
)

routes = RouteTable(tags=("notifications",))
E = ErrorCode


@routes.post("/devices", body=DeviceIn, response=DeviceOut, auth=True,
             errors=(E.RATE_LIMITED,), summary="Register this device's FCM token for your pushes",
             description="Idempotent; call on every app start (it keeps the token from expiring). A token "
                         "registered by another account moves to yours. Past DEVICES_PER_USER devices, the "
                         "least recently seen one is removed.")
async def register_device(req: ApiRequest[DeviceIn, None]) -> DeviceOut:
    b, settings = req.body, req.deps.settings
    limits = devices.DeviceLimits(settings.devices_per_user, settings.device_registrations_per_hour)
    return DeviceOut.of(await devices.register(
        req.actor, devices.Registration(b.token, Platform(b.platform), AppKind(b.app), b.locale),
        limits=limits, limiter=req.deps.rate_limiter))


@routes.delete("/devices/{token}", status=204, auth=True, errors=(E.NOT_FOUND,),
               summary="Stop pushes to this device (a token that is not yours is not found)")
async def remove_device(req: ApiRequest[None, None]) -> None:
    token = req.params["token"]
    if len(token) > MAX_TOKEN or "\x00" in token:
        raise NotFound()
    await devices.remove(req.actor, token)


@routes.get("/notifications", query=NotificationListQuery, response=NotificationPageOut, auth=True,
            errors=(E.VALIDATION_FAILED,),
            summary="Your notifications, most recently updated first, with your unread count")
async def list_notifications(req: ApiRequest[None, NotificationListQuery]) -> NotificationPageOut:
    q = req.query
    return NotificationPageOut.of(await centre.list_mine(req.actor, cursor=q.cursor, limit=q.limit))


@routes.post("/notifications/read-all", response=ReadAllOut, auth=True, summary="Mark all your notifications read")
async def read_all_notifications(req: ApiRequest[None, None]) -> ReadAllOut:
    marked = await centre.mark_all_read(req.actor)
    return ReadAllOut(marked=marked, unread_count=await centre.unread_count(req.actor.user_id))


@routes.post("/notifications/{notification_id}/read", response=NotificationOut, auth=True, errors=(E.NOT_FOUND,),
             summary="Mark one notification read")
async def read_notification(req: ApiRequest[None, None]) -> NotificationOut:
    return NotificationOut.of(await centre.mark_read(req.actor, req.params["notification_id"]))


@routes.post("/notifications/{notification_id}/dismiss", response=NotificationOut, auth=True,
             errors=(E.NOT_FOUND,), summary="Dismiss one notification: it leaves the list")
async def dismiss_notification(req: ApiRequest[None, None]) -> NotificationOut:
    return NotificationOut.of(await centre.dismiss(req.actor, req.params["notification_id"]))


@routes.get("/notification-preferences", response=PreferencesOut, auth=True,
            summary="Your notification preferences (defaults until you change them)")
async def get_preferences(req: ApiRequest[None, None]) -> PreferencesOut:
    return PreferencesOut.of(await preferences.get(req.actor))


@routes.put("/notification-preferences", body=NotificationPreferencesIn, response=PreferencesOut, auth=True,
            errors=(E.VALIDATION_FAILED, E.CONFLICT), reasons=(ConflictReason.STALE_VERSION,),
            summary="Replace your notification preferences",
            description="Per category (messages, bookings, bids, marketing, account_security) and channel (push, "
                        "in_app, email: receipts, security notices and data exports only). Account and security "
                        "notices cannot be turned off. Quiet hours hold pushes until they end (in-app entries "
                        "still appear). `locale` is the language of your email.")
async def put_preferences(req: ApiRequest[NotificationPreferencesIn, None]) -> PreferencesOut:
    b = req.body
    chosen = {name: {ch: on for ch, on in channels.model_dump().items() if on is not None}
              for name, channels in b.categories if channels is not None}
    change = preferences.PreferencesChange(
        categories=chosen, quiet_hours=(b.quiet_hours.start, b.quiet_hours.end) if b.quiet_hours else None,
        timezone=b.timezone, private_previews=b.private_previews, expected_version=b.version, locale=b.locale)
    return PreferencesOut.of(await preferences.replace(req.actor, change))
