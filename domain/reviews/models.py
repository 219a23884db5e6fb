"""Reviews after a completed booking: each side reviews the other once."""

from __future__ import annotations

from typing import Any
from uuid import UUID, uuid4

from tortoise import fields

from domain.shared.orm import Model


class Review(Model):
    id = fields.UUIDField(primary_key=True, default=uuid4)
    booking_id: UUID
    booking: fields.ForeignKeyRelation[Any] = fields.ForeignKeyField(
        "models.Booking", related_name="reviews", on_delete=fields.CASCADE
    )
    author_id: UUID
    author: fields.ForeignKeyRelation[Any] = fields.ForeignKeyField(
        "models.User", related_name="reviews_written", on_delete=fields.RESTRICT
    )
    subject_id: UUID
    subject: fields.ForeignKeyRelation[Any] = fields.ForeignKeyField(
        "models.User", related_name="reviews_received", on_delete=fields.RESTRICT
    )
    rating = fields.SmallIntField()
    text = fields.TextField(default="")
    hidden = fields.BooleanField(default=False)
    reported_at = fields.DatetimeField(null=True)
    report_reason = fields.CharField(max_length=300, null=True)
    version = fields.IntField(default=1)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "review"
        unique_together = (("booking", "author"),)
