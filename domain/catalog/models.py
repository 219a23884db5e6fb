"""The catalogue: categories, services and packages (the creation studio), storefronts."""

from __future__ import annotations

from enum import StrEnum
from typing import Any
from uuid import UUID, uuid4

from tortoise import fields

from domain.shared.orm import Model


class Category(Model):
    """The seeded taxonomy (plumbing > leak repair ...): slugs are stable ids."""

    id = fields.CharField(max_length=64, primary_key=True)
    name = fields.CharField(max_length=120)
    # A plain column, not a self-referencing key: aerich cannot order a cyclic schema.
    parent_id = fields.CharField(max_length=64, null=True, db_index=True)
    position = fields.IntField(default=0)

    class Meta:
        table = "category"


class CategoryRequirement(Model):
    """One credential a category requires of the servicemen who work in it (issue 15); a
    category also requires what its ancestors do (domain/catalog/requirements.py). Data, not
    code: admins edit it (PUT /v1/admin/categories/{category}/requirements)."""

    id = fields.IntField(primary_key=True)
    # A plain column like Category.parent_id: the seed rows may precede the taxonomy's.
    category_id = fields.CharField(max_length=64, db_index=True)
    credential = fields.CharField(max_length=32)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "category_requirement"
        unique_together = (("category_id", "credential"),)


class ListingState(StrEnum):
    DRAFT = "draft"
    IN_REVIEW = "in_review"
    PUBLISHED = "published"
    ARCHIVED = "archived"


class ListingKind(StrEnum):
    SERVICE = "service"
    PACKAGE = "package"


class Service(Model):
    """A service or a package of services, owned by a provider organisation or by a
    serviceman working on their own (exactly one owner)."""

    id = fields.UUIDField(primary_key=True, default=uuid4)
    kind = fields.CharEnumField(ListingKind, max_length=16, default=ListingKind.SERVICE)
    owner_org_id: UUID | None
    owner_org: fields.ForeignKeyNullableRelation[Any] = fields.ForeignKeyField(
        "models.Organisation", related_name="services", null=True, on_delete=fields.CASCADE
    )
    owner_user_id: UUID | None
    owner_user: fields.ForeignKeyNullableRelation[Any] = fields.ForeignKeyField(
        "models.User", related_name="services", null=True, on_delete=fields.CASCADE
    )
    title = fields.CharField(max_length=160, default="")
    description = fields.TextField(default="")
    category_id: str | None
    category: fields.ForeignKeyNullableRelation[Category] = fields.ForeignKeyField(
        "models.Category", related_name="services", null=True, on_delete=fields.RESTRICT
    )
    price_amount = fields.BigIntField(null=True, description="minor units")
    currency = fields.CharField(max_length=3, null=True)
    duration_minutes = fields.IntField(null=True)
    media: Any = fields.JSONField(default=list, description="media references (ids/urls), never bytes")
    # A package lists its parts: [{"service_id", "quantity"}].
    items: Any = fields.JSONField(default=list)
    zone_ids: Any = fields.JSONField(default=list, description="zones the service is offered in")
    state = fields.CharEnumField(ListingState, max_length=16, default=ListingState.DRAFT, db_index=True)
    version = fields.IntField(default=1)
    rating_sum = fields.IntField(default=0)
    rating_count = fields.IntField(default=0)
    published_at = fields.DatetimeField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "service"


class Storefront(Model):
    """A provider's (or independent serviceman's) business front."""

    id = fields.UUIDField(primary_key=True, default=uuid4)
    organisation_id: UUID | None
    organisation: fields.OneToOneNullableRelation[Any] = fields.OneToOneField(
        "models.Organisation", related_name="storefront", null=True, on_delete=fields.CASCADE
    )
    user_id: UUID | None
    user: fields.OneToOneNullableRelation[Any] = fields.OneToOneField(
        "models.User", related_name="storefront", null=True, on_delete=fields.CASCADE
    )
    headline = fields.CharField(max_length=160, default="")
    bio = fields.TextField(default="")
    banner: Any = fields.JSONField(null=True, description="media reference")
    galleries: Any = fields.JSONField(default=list)
    social_links: Any = fields.JSONField(default=dict)
    version = fields.IntField(default=1)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "storefront"
