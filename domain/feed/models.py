"""A feed item: what one user is shown about one marketplace event."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from tortoise import fields
from tortoise.models import Model


class FeedItem(Model):
    # The feed position (`seq` on the wire): ids are given only by the sequencer's runs, one
    # after the other (domain/feed/sequencer.py), so they grow in commit order and "everything
    # after seq N" never skips a late commit.
    id = fields.BigIntField(primary_key=True)
    user_id: UUID
    user: fields.ForeignKeyRelation[Any] = fields.ForeignKeyField(
        "models.User", related_name="feed_items", on_delete=fields.CASCADE
    )
    event_id = fields.UUIDField(description="the domain event the item reports")
    kind = fields.CharField(max_length=48, description="job.posted, bid.placed, booking.accepted, crew.bid_placed ...")
    entity_type = fields.CharField(max_length=16, description="job, bid or booking")
    entity_id = fields.UUIDField()
    zone_id = fields.UUIDField(null=True)
    category_id = fields.CharField(max_length=64, null=True)
    amount = fields.BigIntField(null=True, description="budget or price, minor units")
    currency = fields.CharField(max_length=3, null=True)
    summary: Any = fields.JSONField(default=dict, description="what the app renders: title, names, amounts")
    rank = fields.BigIntField(description="ranking score in thousandths of a point (domain/feed/ranking.py)")
    factors: Any = fields.JSONField(default=dict, description="the ranking factors behind `rank`")
    version = fields.IntField(default=1)
    created_at = fields.DatetimeField(description="the time ranking counts recency from")

    class Meta:
        table = "feed_item"
        unique_together = (("user", "event_id"),)
        indexes = (("user", "rank", "id"), ("entity_id", "kind"))


class FeedItemPending(Model):
    """A feed item written but not yet numbered (PostgreSQL): writers insert here in parallel, and
    the sequencer moves committed rows into `feed_item` in commit order (domain/feed/sequencer.py)."""

    id = fields.BigIntField(primary_key=True, description="the order rows are moved in")
    user_id: UUID
    user: fields.ForeignKeyRelation[Any] = fields.ForeignKeyField(
        "models.User", related_name="pending_feed_items", on_delete=fields.CASCADE
    )
    event_id = fields.UUIDField()
    kind = fields.CharField(max_length=48)
    entity_type = fields.CharField(max_length=16)
    entity_id = fields.UUIDField()
    zone_id = fields.UUIDField(null=True)
    category_id = fields.CharField(max_length=64, null=True)
    amount = fields.BigIntField(null=True)
    currency = fields.CharField(max_length=3, null=True)
    summary: Any = fields.JSONField(default=dict)
    rank = fields.BigIntField()
    factors: Any = fields.JSONField(default=dict)
    version = fields.IntField(default=1)
    created_at = fields.DatetimeField()

    class Meta:
        table = "feed_item_pending"
