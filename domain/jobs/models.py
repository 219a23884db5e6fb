"""Custom jobs: a customer describes work, servicemen in the zone bid, the customer picks one."""

from __future__ import annotations

from enum import StrEnum
from typing import Any
from uuid import UUID, uuid4

from tortoise import fields

from domain.shared.orm import Model


class JobState(StrEnum):
    OPEN = "open"
    AWARDED = "awarded"
    CANCELLED = "cancelled"
    EXPIRED = "expired"


class BidState(StrEnum):
    ACTIVE = "active"
    WITHDRAWN = "withdrawn"
    REJECTED = "rejected"
    ACCEPTED = "accepted"


class Job(Model):
    id = fields.UUIDField(primary_key=True, default=uuid4)
    customer_id: UUID
    customer: fields.ForeignKeyRelation[Any] = fields.ForeignKeyField(
        "models.User", related_name="jobs", on_delete=fields.RESTRICT
    )
    title = fields.CharField(max_length=160)
    description = fields.TextField()
    category_id: str
    category: fields.ForeignKeyRelation[Any] = fields.ForeignKeyField(
        "models.Category", related_name="jobs", on_delete=fields.RESTRICT
    )
    zone_id: UUID | None
    zone: fields.ForeignKeyNullableRelation[Any] = fields.ForeignKeyField(
        "models.Zone", related_name="jobs", null=True, on_delete=fields.SET_NULL
    )
    lat = fields.FloatField()
    lng = fields.FloatField()
    address = fields.CharField(max_length=300, default="")
    currency = fields.CharField(max_length=3)
    budget_min = fields.BigIntField()
    budget_max = fields.BigIntField()
    desired_start = fields.DatetimeField(null=True)
    desired_end = fields.DatetimeField(null=True)
    state = fields.CharEnumField(JobState, max_length=16, default=JobState.OPEN, db_index=True)
    accepted_bid_id = fields.UUIDField(null=True)
    # The category's requirements (domain/catalog/requirements.py) copied when posted and refreshed
    # on open jobs when an admin changes them: the one column the audience rule reads, here and in SQL.
    required_documents: Any = fields.JSONField(default=list)
    expires_at = fields.DatetimeField()
    version = fields.IntField(default=1)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "job"


class Bid(Model):
    id = fields.UUIDField(primary_key=True, default=uuid4)
    job_id: UUID
    job: fields.ForeignKeyRelation[Job] = fields.ForeignKeyField(
        "models.Job", related_name="bids", on_delete=fields.CASCADE
    )
    serviceman_id: UUID
    serviceman: fields.ForeignKeyRelation[Any] = fields.ForeignKeyField(
        "models.User", related_name="bids", on_delete=fields.RESTRICT
    )
    amount = fields.BigIntField()
    currency = fields.CharField(max_length=3)
    message = fields.TextField(default="")
    proposed_start = fields.DatetimeField(null=True)
    state = fields.CharEnumField(BidState, max_length=16, default=BidState.ACTIVE)
    version = fields.IntField(default=1)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "bid"
        unique_together = (("job", "serviceman"),)


class Comment(Model):
    """A question or answer on a job, or on one bid of it."""

    id = fields.UUIDField(primary_key=True, default=uuid4)
    job_id: UUID
    job: fields.ForeignKeyRelation[Job] = fields.ForeignKeyField(
        "models.Job", related_name="comments", on_delete=fields.CASCADE
    )
    bid_id: UUID | None
    bid: fields.ForeignKeyNullableRelation[Bid] = fields.ForeignKeyField(
        "models.Bid", related_name="comments", null=True, on_delete=fields.CASCADE
    )
    author_id: UUID
    author: fields.ForeignKeyRelation[Any] = fields.ForeignKeyField(
        "models.User", related_name="job_comments", on_delete=fields.RESTRICT
    )
    body = fields.TextField()
    version = fields.IntField(default=1)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "job_comment"
