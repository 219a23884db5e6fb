"""Wire shapes of the catalogue: categories, services and packages, storefronts."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field, model_validator

from domain.catalog.models import Category, Service
from domain.catalog.services import EDITABLE, Draft, Preview
from domain.catalog.storefronts import StorefrontView
from domain.catalog.taxonomy import Node
from domain.shared.money import Money
from rest.schemas.common import MoneyIn, MoneyOut
from rest.schemas.verification import OrgBadgesOut

# Media and social links are references the client uploaded elsewhere: https only.
HttpsUrl = Annotated[str, Field(min_length=9, max_length=2048, examples=["https://cdn.example.com/a.jpg"],
                                pattern=r"^https://[A-Za-z0-9.-]+(:[0-9]{1,5})?(/[^\s\x00]*)?$")]
CategoryId = Annotated[str, Field(min_length=1, max_length=64, pattern=r"^[a-z0-9-]+(\.[a-z0-9-]+)?$",
                                  examples=["plumbing.leak-repair"])]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")

    @model_validator(mode="after")
    def _no_nul(self) -> Strict:
        # PostgreSQL text cannot hold NUL: refuse it here (422) rather than fail in the driver (500).
        for name, value in self.__dict__.items():
            if isinstance(value, str) and "\x00" in value:
                raise ValueError(f"{name} must not contain NUL characters")
        return self


class CategoryLeafOut(BaseModel):
    id: str
    name: str
    parent_id: str | None


class CategoryOut(BaseModel):
    id: str
    name: str
    parent_id: str | None
    children: list[CategoryLeafOut]

    @classmethod
    def of(cls, node: Node) -> CategoryOut:
        return cls(id=node.id, name=node.name, parent_id=node.parent_id,
                   children=[CategoryLeafOut(id=c.id, name=c.name, parent_id=c.parent_id) for c in node.children])


class CategoryTreeOut(BaseModel):
    categories: list[CategoryOut]


class ListingMedia(Strict):
    """A picture: an upload (`upload_id`, kind listing_photo: docs/uploads.md) or, from clients of
    before uploads, a `url`; exactly one of the two. Never the bytes."""

    url: HttpsUrl | None = None
    upload_id: UUID | None = Field(None, description="A confirmed upload of yours (kind listing_photo).")
    kind: Literal["image", "video"] = "image"
    caption: str = Field("", max_length=200)

    @model_validator(mode="after")
    def _one_source(self) -> ListingMedia:
        if (self.url is None) == (self.upload_id is None):
            raise ValueError("give exactly one of url and upload_id")
        return self


class PackageItem(Strict):
    service_id: UUID
    quantity: int = Field(1, ge=1, le=20)


class ServiceFields(Strict):
    title: str | None = Field(None, max_length=160)
    description: str | None = Field(None, max_length=5000)
    category_id: CategoryId | None = None
    price: MoneyIn | None = None
    duration_minutes: int | None = Field(None, ge=1, le=10080, description="how long the work takes")
    zone_ids: list[UUID] | None = Field(None, max_length=50)
    media: list[ListingMedia] | None = Field(None, max_length=20)
    items: list[PackageItem] | None = Field(None, max_length=20, description="a package's bundled services")

    def draft(self) -> Draft:
        """Only fields the client sent; an explicit null clears a field."""
        values: dict[str, Any] = {}
        for name in EDITABLE:
            if name not in self.model_fields_set:
                continue
            value = getattr(self, name)
            if name == "price":
                values[name] = value.money() if value is not None else None
            elif name in ("title", "description"):
                values[name] = value or ""
            elif name == "zone_ids":
                values[name] = [str(zone_id) for zone_id in value or []]
            elif name in ("media", "items"):
                values[name] = [item.model_dump(mode="json") for item in value or []]
            else:
                values[name] = value
        return Draft(values)


class ServiceCreateIn(ServiceFields):
    kind: Literal["service", "package"] = "service"
    owner_org_id: UUID | None = Field(None, description="the organisation that owns it; omit to own it yourself")


class ServicePatchIn(ServiceFields):
    version: int = Field(ge=1, le=2**31 - 1, description="the version you loaded; a stale one is a 409")


class ServiceRejectIn(Strict):
    reason: str = Field(min_length=1, max_length=500)


class ListingMediaOut(BaseModel):
    url: str | None = Field(None, description="null for an upload: GET /v1/uploads/{upload_id}/download")
    upload_id: str | None = None
    kind: Literal["image", "video"]
    caption: str


class PackageItemOut(BaseModel):
    service_id: str
    quantity: int


class ServiceOut(BaseModel):
    id: str
    kind: Literal["service", "package"]
    owner_org_id: str | None
    owner_user_id: str | None
    title: str
    description: str
    category_id: str | None
    price: MoneyOut | None
    duration_minutes: int | None
    zone_ids: list[str]
    media: list[ListingMediaOut]
    items: list[PackageItemOut]
    state: Literal["draft", "in_review", "published", "archived"]
    version: int
    rating: float | None
    rating_count: int
    published_at: datetime | None
    created_at: datetime
    updated_at: datetime

    @classmethod
    def of(cls, s: Service) -> ServiceOut:
        price = MoneyOut.of(Money(s.price_amount, s.currency)) if s.price_amount is not None and s.currency else None
        org_id, user_id = s.owner_org_id, s.owner_user_id
        return cls(
            id=str(s.id), kind=s.kind.value, owner_org_id=str(org_id) if org_id else None,
            owner_user_id=str(user_id) if user_id else None, title=s.title, description=s.description,
            category_id=s.category_id, price=price, duration_minutes=s.duration_minutes,
            zone_ids=[str(z) for z in s.zone_ids or []], media=s.media or [], items=s.items or [],
            state=s.state.value, version=s.version,
            rating=round(s.rating_sum / s.rating_count, 2) if s.rating_count else None, rating_count=s.rating_count,
            published_at=s.published_at, created_at=s.created_at, updated_at=s.updated_at,
        )


class MissingField(BaseModel):
    field: str
    message: str
    type: str


class ServicePreviewOut(BaseModel):
    """The draft as the public would see it, and whether it may be submitted."""

    service: ServiceOut
    category: CategoryLeafOut | None
    owner_name: str
    complete: bool
    missing: list[MissingField]

    @classmethod
    def of(cls, preview: Preview) -> ServicePreviewOut:
        category: Category | None = preview.category
        return cls(
            service=ServiceOut.of(preview.service),
            category=CategoryLeafOut(id=category.id, name=category.name, parent_id=category.parent_id)
            if category else None,
            owner_name=preview.owner_name, complete=preview.complete,
            missing=[MissingField(field=m["field"], message=m["message"], type=m["type"]) for m in preview.missing],
        )


class ServiceListQuery(Strict):
    zone_id: UUID | None = None
    category_id: CategoryId | None = Field(None, description="a trade includes its specialities")
    q: str | None = Field(None, min_length=1, max_length=100, description="words in the title or description")
    owner_org_id: UUID | None = None
    limit: int = Field(20, ge=1, le=100)
    cursor: str | None = Field(None, min_length=1, max_length=200, description="next_cursor of the previous page")


class ServicePage(BaseModel):
    items: list[ServiceOut]
    next_cursor: str | None = Field(description="pass as cursor for the next page; null at the end")


class StorefrontSocialLinks(Strict):
    website: HttpsUrl | None = None
    facebook: HttpsUrl | None = None
    instagram: HttpsUrl | None = None
    x: HttpsUrl | None = None
    linkedin: HttpsUrl | None = None
    youtube: HttpsUrl | None = None
    tiktok: HttpsUrl | None = None


class StorefrontGallery(Strict):
    title: str = Field("", max_length=120)
    media: list[ListingMedia] = Field(default_factory=list, max_length=30)


class StorefrontIn(Strict):
    headline: str = Field("", max_length=160)
    bio: str = Field("", max_length=5000)
    banner: ListingMedia | None = None
    galleries: list[StorefrontGallery] = Field(default_factory=list, max_length=10)
    social_links: StorefrontSocialLinks = Field(default_factory=StorefrontSocialLinks)
    version: int | None = Field(None, ge=0, le=2**31 - 1, description="the version you loaded (0: none yet)")

    def content(self) -> dict[str, Any]:
        return {
            "headline": self.headline, "bio": self.bio,
            "banner": self.banner.model_dump(mode="json") if self.banner else None,
            "galleries": [gallery.model_dump(mode="json") for gallery in self.galleries],
            "social_links": self.social_links.model_dump(mode="json", exclude_none=True),
        }


class StorefrontGalleryOut(BaseModel):
    title: str
    media: list[ListingMediaOut]


class StorefrontOut(BaseModel):
    org_id: str
    name: str
    headline: str
    bio: str
    banner: ListingMediaOut | None
    galleries: list[StorefrontGalleryOut]
    social_links: dict[str, str]
    services: list[ServiceOut]
    rating: float | None
    rating_count: int
    version: int = Field(description="0 until the first save")
    verification: OrgBadgesOut | None = Field(None, description="the business's verified checks (issue 15)")

    @classmethod
    def of(cls, view: StorefrontView) -> StorefrontOut:
        front = view.front
        return cls(
            org_id=str(view.org.id), name=view.org.name,
            headline=front.headline if front else "", bio=front.bio if front else "",
            banner=front.banner if front else None, galleries=front.galleries if front else [],
            social_links=front.social_links if front else {},
            services=[ServiceOut.of(service) for service in view.services],
            rating=view.rating, rating_count=view.org.rating_count, version=front.version if front else 0,
            verification=None,
        )
