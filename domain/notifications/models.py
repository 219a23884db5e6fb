"""Devices, in-app notifications and notification preferences."""

from __future__ import annotations

from enum import StrEnum
from typing import Any
from uuid import UUID, uuid4

from tortoise import fields

from domain.shared.orm import Model


class Platform(StrEnum):
    ANDROID = "android"
    IOS = "ios"
    WEB = "web"


class AppKind(StrEnum):
    CUSTOMER = "customer"
    PROVIDER = "provider"


class Category(StrEnum):
    """What a user turns on or off; account and security notices cannot be turned off."""

    MESSAGES = "messages"
    BOOKINGS = "bookings"
    BIDS = "bids"
    MARKETING = "marketing"
    ACCOUNT_SECURITY = "account_security"


class Channel(StrEnum):
    PUSH = "push"
    IN_APP = "in_app"
    EMAIL = "email"  # the notifier's email rules (push/notifier.py) through the email queue


class Device(Model):
    """An FCM registration token. A token belongs to one user at a time: registering it on
    another account moves it (a new row, so the previous owner's sync sees it deleted)."""

    id = fields.UUIDField(primary_key=True, default=uuid4)
    token = fields.CharField(max_length=512, unique=True)
    user_id: UUID
    user: fields.ForeignKeyRelation[Any] = fields.ForeignKeyField(
        "models.User", related_name="devices", on_delete=fields.CASCADE
    )
    platform = fields.CharEnumField(Platform, max_length=16)
    app = fields.CharEnumField(AppKind, max_length=16)
    locale = fields.CharField(max_length=35, null=True)
    last_seen_at = fields.DatetimeField()
    created_at = fields.DatetimeField(auto_now_add=True)
    version = fields.IntField(default=1)

    class Meta:
        table = "device"
        indexes = (("user", "last_seen_at"), ("last_seen_at",))


class Notification(Model):
    """One entry of a user's notification centre. Rows with a `collapse_key` (one per
    conversation: `conversation:<id>`) are updated in place by later events of the same key."""

    id = fields.UUIDField(primary_key=True, default=uuid4)
    user_id: UUID
    user: fields.ForeignKeyRelation[Any] = fields.ForeignKeyField(
        "models.User", related_name="notifications", on_delete=fields.CASCADE
    )
    kind = fields.CharField(max_length=64)
    category = fields.CharEnumField(Category, max_length=32)
    title = fields.CharField(max_length=200)
    body = fields.CharField(max_length=500)
    entity_type = fields.CharField(max_length=32)
    entity_id = fields.CharField(max_length=64)
    collapse_key = fields.CharField(max_length=128, null=True)
    count = fields.IntField(default=1)  # for messages: the conversation's unread messages
    data: Any = fields.JSONField(default=dict)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField()
    read_at = fields.DatetimeField(null=True)
    dismissed_at = fields.DatetimeField(null=True)
    version = fields.IntField(default=1)

    class Meta:
        table = "notification"
        unique_together = (("user", "collapse_key"),)
        # The centre pages rows without a collapse key by (created_at, id): never updated, so the
        # update a message makes of its conversation's row changes no indexed column and stays a
        # HOT update (same page, no index entries). With updated_at in an index every message wrote
        # one new entry in each of the table's indexes, dead at the next (docs/performance.md, session 22).
        indexes = (("user", "created_at", "id"),)


# On PostgreSQL `centre.record` is one statement (it was an update and a read, or an update, a savepoint
# and an insert: the notifier records one for each recipient of each message). A NULL collapse
# key conflicts with nothing: always a new row. The row's triggers fire as for the update or the
# insert it was (sync capture, version).
NOTIFICATION_UPSERT = """
INSERT INTO notification (id, user_id, kind, category, title, body, entity_type, entity_id, collapse_key, count,
                          data, created_at, updated_at, read_at, dismissed_at, version)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::jsonb, $12, $12, NULL, NULL, 1)
ON CONFLICT (user_id, collapse_key) DO UPDATE SET
    kind = EXCLUDED.kind, category = EXCLUDED.category, title = EXCLUDED.title, body = EXCLUDED.body,
    entity_type = EXCLUDED.entity_type, entity_id = EXCLUDED.entity_id, count = EXCLUDED.count,
    data = EXCLUDED.data, updated_at = EXCLUDED.updated_at, read_at = NULL, dismissed_at = NULL,
    version = notification.version + 1
RETURNING *"""

# NOTIFICATION_UPSERT for many entries at once ($1 a JSON array of the entries, each an object of
# the columns below, `data` as JSON text; $2 the time): the notifier's batch. One text to send
# where eleven arrays were (asyncpg encodes and checks an array element by element: most of the
# statement's cost in the notifier's process). The entries must not share a (user, collapse key):
# a statement may not update a row twice (the caller keeps the last of each, as one upsert after
# another would leave it). A null id: the database numbers the row (a random UUID, as the caller
# would have).
NOTIFICATION_UPSERT_MANY = """
INSERT INTO notification (id, user_id, kind, category, title, body, entity_type, entity_id, collapse_key, count,
                          data, created_at, updated_at, read_at, dismissed_at, version)
SELECT COALESCE(e.id, gen_random_uuid()), e.user_id, e.kind, e.category, e.title, e.body, e.entity_type,
       e.entity_id, e.collapse_key, e.count, e.data::jsonb, $2, $2, NULL, NULL, 1
FROM json_to_recordset($1::json) AS e(id uuid, user_id uuid, kind text, category text, title text, body text,
                                      entity_type text, entity_id text, collapse_key text, count int, data text)
ON CONFLICT (user_id, collapse_key) DO UPDATE SET
    kind = EXCLUDED.kind, category = EXCLUDED.category, title = EXCLUDED.title, body = EXCLUDED.body,
    entity_type = EXCLUDED.entity_type, entity_id = EXCLUDED.entity_id, count = EXCLUDED.count,
    data = EXCLUDED.data, updated_at = EXCLUDED.updated_at, read_at = NULL, dismissed_at = NULL,
    version = notification.version + 1
RETURNING id, user_id, collapse_key"""


class NotificationPreference(Model):
    """A user's choices; a user without a row has the defaults (domain/notifications/preferences.py)."""

    user_id: UUID
    user: fields.OneToOneRelation[Any] = fields.OneToOneField(
        "models.User", related_name="notification_preference", on_delete=fields.CASCADE, primary_key=True
    )
    # {category: {channel: bool}}; missing entries take the defaults.
    channels: Any = fields.JSONField(default=dict)
    quiet_start_minute = fields.SmallIntField(null=True)  # minutes after local midnight
    quiet_end_minute = fields.SmallIntField(null=True)
    timezone = fields.CharField(max_length=64, null=True)  # IANA; None: the user's region, else UTC
    # The language of their email (BCP 47); None: the locale of the device last seen, else English.
    locale = fields.CharField(max_length=35, null=True)
    private_previews = fields.BooleanField(default=False)
    version = fields.IntField(default=1)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "notification_preference"


class SuppressionReason(StrEnum):
    HARD_BOUNCE = "hard_bounce"  # the address does not exist (a provider report, or a 5xx at our send)
    COMPLAINT = "complaint"  # the recipient marked our email as spam


class EmailSuppression(Model):
    """An address we no longer email (domain/notifications/email.py), keyed by its blind index
    (domain/shared/sealing.Pseudonyms): the address itself is not kept here."""

    email_index = fields.CharField(max_length=64, primary_key=True)
    reason = fields.CharEnumField(SuppressionReason, max_length=16)
    source = fields.CharField(max_length=64, description="provider webhook or smtp (a rejection at send)")
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "email_suppression"


class EmailFeedback(Model):
    """A bounce or complaint report from the email provider, stored once per provider event id
    (a redelivery finds it and changes nothing)."""

    id = fields.BigIntField(primary_key=True)
    provider = fields.CharField(max_length=32)
    event_id = fields.CharField(max_length=128)
    kind = fields.CharField(max_length=16, description="hard_bounce, soft_bounce or complaint")
    email_index = fields.CharField(max_length=64)
    received_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "email_feedback"
        unique_together = (("provider", "event_id"),)
        indexes = (("email_index",), ("received_at",))
