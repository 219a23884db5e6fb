"""A feed item: what one user is shown about one marketplace event."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from tortoise import fields

from domain.shared.orm import Model


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


class PgArray(fields.Field[list[Any]]):
    """A PostgreSQL array column (`element` names the type: uuid, text, bigint, jsonb). The table
    using it is PostgreSQL's alone; on SQLite the column is plain text, never written."""

    field_type = list

    def __init__(self, element: str, **kwargs: Any) -> None:
        self.SQL_TYPE = f"{element.upper()}[]"
        super().__init__(**kwargs)

    class _db_sqlite:
        SQL_TYPE = "TEXT"


class FeedEventPending(Model):
    """One event's feed items written but not yet numbered (PostgreSQL): writers insert one row per
    event in parallel, its recipients as parallel arrays (one element per item), and the sequencer
    expands committed rows into `feed_item`, one item per recipient, in commit order
    (domain/feed/sequencer.py). One row, not thousands: a job's 5,000 items are written once."""

    id = fields.BigIntField(primary_key=True, description="the order events are moved in")
    event_id = fields.UUIDField()
    entity_type = fields.CharField(max_length=16)
    entity_id = fields.UUIDField()
    zone_id = fields.UUIDField(null=True)
    category_id = fields.CharField(max_length=64, null=True)
    amount = fields.BigIntField(null=True)
    currency = fields.CharField(max_length=3, null=True)
    summary: Any = fields.JSONField(default=dict)
    version = fields.IntField(default=1)
    created_at = fields.DatetimeField()
    # No foreign key: the move joins the accounts, skipping erased or deleted ones.
    user_ids: Any = PgArray("uuid", description="the recipients, one item each")
    kinds: Any = PgArray("text", description="each item's kind")
    ranks: Any = PgArray("bigint", description="each item's rank")
    factors: Any = PgArray("jsonb", description="each item's ranking factors")

    class Meta:
        table = "feed_event_pending"
