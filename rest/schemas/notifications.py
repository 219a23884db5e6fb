"""Wire shapes of devices, the notification centre and notification preferences (PROTOCOL section 5)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field, StrictBool, TypeAdapter

from domain.notifications.centre import NotificationPage
from domain.notifications.kinds import NotificationKind
from domain.notifications.models import AppKind, Device, Notification, Platform
from domain.notifications.preferences import Preferences
from domain.shared.clock import isoformat
from rest.schemas.common import Instant, StrictIn
from sync.payloads import NotificationData

# FCM registration tokens are about 160-200 characters of [A-Za-z0-9_:-]; allow headroom.
FCM_TOKEN_CHARS = r"^[A-Za-z0-9_:\-.]+$"  # noqa: S105 - a pattern, not a secret
MAX_TOKEN = 512


class DeviceIn(StrictIn):
    token: str = Field(min_length=1, max_length=MAX_TOKEN, pattern=FCM_TOKEN_CHARS)
    platform: Literal["android", "ios", "web"]
    app: Literal["customer", "provider"]
    locale: str | None = Field(None, max_length=35, pattern=r"^[A-Za-z]{2,3}([_-][A-Za-z0-9]{2,8})*$",
                               description="BCP 47, e.g. en or pt-BR: the language of this device's pushes")


class DeviceOut(BaseModel):
    id: str
    token: str
    platform: Platform
    app: AppKind
    locale: str | None
    last_seen_at: Instant
    created_at: Instant
    version: int

    @classmethod
    def of(cls, device: Device) -> DeviceOut:
        return cls(id=str(device.id), token=device.token, platform=Platform(device.platform), app=AppKind(device.app),
                   locale=device.locale, last_seen_at=isoformat(device.last_seen_at),
                   created_at=isoformat(device.created_at), version=device.version)


class NotificationListQuery(StrictIn):
    cursor: str | None = Field(None, max_length=200)
    limit: int = Field(50, ge=1, le=200)


_DATA: TypeAdapter[NotificationData] = TypeAdapter(NotificationData)


class NotificationOut(BaseModel):
    id: str
    kind: NotificationKind
    category: str
    title: str
    body: str
    entity_type: str
    entity_id: str
    collapse_key: str | None
    count: int
    data: NotificationData = Field(description="what the app needs to open the entity (per kind)")
    read: bool
    read_at: Instant | None
    dismissed_at: Instant | None
    created_at: Instant
    updated_at: Instant
    version: int

    @classmethod
    def of(cls, row: Notification) -> NotificationOut:
        return cls(id=str(row.id), kind=NotificationKind(row.kind), category=row.category.value, title=row.title,
                   body=row.body,
                   entity_type=row.entity_type, entity_id=row.entity_id, collapse_key=row.collapse_key,
                   count=row.count, data=_DATA.validate_python(row.data or {}), read=row.read_at is not None,
                   read_at=isoformat(row.read_at) if row.read_at else None,
                   dismissed_at=isoformat(row.dismissed_at) if row.dismissed_at else None,
                   created_at=isoformat(row.created_at), updated_at=isoformat(row.updated_at), version=row.version)


class NotificationPageOut(BaseModel):
    items: list[NotificationOut]
    next_cursor: str | None
    unread_count: int

    @classmethod
    def of(cls, page: NotificationPage) -> NotificationPageOut:
        return cls(items=[NotificationOut.of(r) for r in page.items], next_cursor=page.next_cursor,
                   unread_count=page.unread_count)


class ReadAllOut(BaseModel):
    marked: int = Field(description="notifications that became read")
    unread_count: int


Clock = Field(pattern=r"^\d{2}:\d{2}$", description="local time HH:MM")


class QuietHours(StrictIn):
    start: str = Clock
    end: str = Clock


class ChannelsIn(StrictIn):
    push: StrictBool | None = None
    in_app: StrictBool | None = None
    email: StrictBool | None = None


class CategoriesIn(StrictIn):
    messages: ChannelsIn | None = None
    bookings: ChannelsIn | None = None
    bids: ChannelsIn | None = None
    marketing: ChannelsIn | None = None
    account_security: ChannelsIn | None = None


class EmailDeliveryOut(BaseModel):
    """Whether email reaches you: an address that bounced for good, or that reported our email
    as spam, gets none (change your email address to receive it again)."""

    suppressed: bool
    reason: Literal["hard_bounce", "complaint"] | None = None


class NotificationPreferencesIn(StrictIn):
    """All your notification preferences at once; what GET returns may be sent back as it is."""

    categories: CategoriesIn = Field(default_factory=CategoriesIn,
                                     description="channels to set per category; unnamed ones keep their defaults")
    quiet_hours: QuietHours | None = Field(None, description="may span midnight (22:00 to 07:00); null: none")
    timezone: str | None = Field(None, max_length=64, description="IANA zone; null: your region's, else UTC")
    private_previews: StrictBool = Field(False, description="pushes say who wrote, never what")
    locale: str | None = Field(None, max_length=35, examples=["de"],
                               description="the language of your email (BCP 47); null: your phone's, else English")
    email_delivery: EmailDeliveryOut | None = Field(None, description="read-only, as GET returns it: ignored")
    version: int | None = Field(None, ge=0, le=2**31 - 1,
                                description="the version you read (0: the defaults); a stale one: 409, nothing saved")


class ChannelsOut(BaseModel):
    push: bool
    in_app: bool
    email: bool


class QuietHoursOut(BaseModel):
    start: str
    end: str


class PreferencesOut(BaseModel):
    categories: dict[str, ChannelsOut]
    quiet_hours: QuietHoursOut | None
    timezone: str | None
    effective_timezone: str
    private_previews: bool
    locale: str | None
    email_delivery: EmailDeliveryOut
    version: int

    @classmethod
    def of(cls, prefs: Preferences) -> PreferencesOut:
        return cls.model_validate(prefs.to_wire())
