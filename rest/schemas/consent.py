"""Wire shapes of consents, policy documents and their acceptance (issue 18)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, StrictBool

from domain.consent.models import ConsentRecord, PolicyAcceptance, PolicyKind, Purpose
from domain.consent.policies import Outstanding, PolicyView
from domain.consent.services import Consents, ConsentState
from domain.shared.clock import isoformat
from rest.schemas.common import Instant, StrictIn, Timestamp

LOCALE = r"^[A-Za-z]{2,3}([_-][A-Za-z0-9]{2,8})*$"


class ConsentChoiceIn(StrictIn):
    granted: StrictBool
    policy_version: int | None = Field(None, description="ignored here (what GET shows): see the top-level one")
    channel: str | None = Field(None, max_length=16, description="ignored here (what GET shows)")
    recorded_at: Instant | None = Field(None, description="ignored (what GET shows)")


class PurposesIn(StrictIn):
    marketing_push: ConsentChoiceIn | None = None
    marketing_email: ConsentChoiceIn | None = None
    analytics: ConsentChoiceIn | None = None
    ai_processing: ConsentChoiceIn | None = None


class ConsentsIn(StrictIn):
    """Grant or withdraw one or several purposes; unnamed ones stay as they are. Only real changes
    are recorded, so sending the same body again records nothing."""

    model_config = ConfigDict(json_schema_extra={"examples": [
        {"purposes": {"marketing_push": {"granted": True}, "analytics": {"granted": False}}, "channel": "app"}]})

    purposes: PurposesIn = Field(default_factory=PurposesIn)
    channel: Literal["app", "web"] = Field("app", description="where the user chose")
    policy_version: int | None = Field(None, ge=1, le=2**31 - 1,
                                       description="the privacy policy version the dialog showed; none: the current")
    version: int | None = Field(None, ge=0, le=2**31 - 1,
                                description="the version you read; a stale one: 409, nothing recorded")


class ConsentStateOut(BaseModel):
    granted: bool
    policy_version: int | None = Field(description="of the record behind it; none: never chosen (or none published)")
    channel: str | None
    recorded_at: Instant | None

    @classmethod
    def of(cls, state: ConsentState) -> ConsentStateOut:
        record = state.record
        return cls(granted=state.granted, policy_version=record.policy_version if record else None,
                   channel=record.channel.value if record else None,
                   recorded_at=isoformat(record.recorded_at) if record else None)


class ConsentRecordOut(BaseModel):
    id: int
    purpose: Purpose
    granted: bool
    policy_version: int | None
    channel: str
    recorded_at: Instant

    @classmethod
    def of(cls, record: ConsentRecord) -> ConsentRecordOut:
        return cls(id=record.id, purpose=Purpose(record.purpose), granted=record.granted,
                   policy_version=record.policy_version, channel=record.channel.value,
                   recorded_at=isoformat(record.recorded_at))


class ConsentsOut(BaseModel):
    purposes: dict[Purpose, ConsentStateOut] = Field(description="the current state of every purpose")
    history: list[ConsentRecordOut] = Field(description="every grant and withdrawal, oldest first")
    version: int = Field(description="how many records you have; send it back to change safely")

    @classmethod
    def of(cls, consents: Consents) -> ConsentsOut:
        return cls(purposes={p: ConsentStateOut.of(s) for p, s in consents.states.items()},
                   history=[ConsentRecordOut.of(r) for r in consents.history], version=consents.version)


class PolicyOut(BaseModel):
    kind: Literal["terms", "privacy", "cookies", "refunds"]
    version: int
    locale: str = Field(description="the language of this text (English when yours has none)")
    title: str
    body: str = Field(description="Markdown")
    effective_at: Instant
    published_at: Instant
    requires_acceptance: bool = Field(description="each new version must be accepted (terms, privacy)")

    @classmethod
    def of(cls, view: PolicyView) -> PolicyOut:
        d = view.document
        return cls(kind=d.kind.value, version=d.version, locale=d.locale, title=d.title, body=d.body,
                   effective_at=isoformat(d.effective_at), published_at=isoformat(d.published_at),
                   requires_acceptance=view.requires_acceptance)


class PoliciesOut(BaseModel):
    items: list[PolicyOut]


class PolicyQuery(StrictIn):
    locale: str | None = Field(None, max_length=35, pattern=LOCALE, description="BCP 47; default: Accept-Language")
    version: int | None = Field(None, ge=1, le=2**31 - 1, description="an earlier version (default: the current)")


class PoliciesQuery(StrictIn):
    locale: str | None = Field(None, max_length=35, pattern=LOCALE, description="BCP 47; default: Accept-Language")


class PolicyIn(StrictIn):
    """A new version (English first, the next number) or a translation of a published one."""

    model_config = ConfigDict(json_schema_extra={"examples": [
        {"kind": "privacy", "version": 2, "locale": "en", "title": "Privacy policy",
         "body": "# Privacy policy\n\nWhat we keep and why.", "effective_at": "2026-12-10T00:00:00Z"}]})

    kind: Literal["terms", "privacy", "cookies", "refunds"]
    version: int = Field(ge=1, le=2**31 - 1)
    locale: str = Field(max_length=35, pattern=LOCALE)
    title: str = Field(min_length=1, max_length=200)
    body: str = Field(min_length=1, max_length=200_000, description="Markdown")
    effective_at: Timestamp | None = Field(None, description="when it takes effect (default now; a translation: its "
                                                           "English version's)")


class AcceptanceIn(StrictIn):
    model_config = ConfigDict(json_schema_extra={"examples": [{"kind": "terms", "version": 1, "locale": "en"}]})

    kind: Literal["terms", "privacy", "cookies", "refunds"]
    version: int = Field(ge=1, le=2**31 - 1, description="the version shown to the user (one in effect)")
    locale: str | None = Field(None, max_length=35, pattern=LOCALE, description="the language it was shown in")
    channel: Literal["app", "web"] = "app"


class AcceptanceOut(BaseModel):
    kind: PolicyKind
    version: int
    locale: str
    channel: str
    accepted_at: Instant

    @classmethod
    def of(cls, row: PolicyAcceptance) -> AcceptanceOut:
        return cls(kind=row.kind, version=row.version, locale=row.locale, channel=row.channel.value,
                   accepted_at=isoformat(row.accepted_at))


class RequiredOut(BaseModel):
    kind: PolicyKind
    version: int = Field(description="the current version, to show and accept")
    accepted_version: int | None = Field(description="the last version you accepted; none: never")

    @classmethod
    def of(cls, item: Outstanding) -> RequiredOut:
        return cls(kind=item.kind, version=item.version, accepted_version=item.accepted_version)


class AcceptancesOut(BaseModel):
    policy_acceptance_required: bool
    required: list[RequiredOut] = Field(description="current policies you have not accepted yet")
    accepted: list[AcceptanceOut] = Field(description="every acceptance, oldest first")


class AnnouncementIn(StrictIn):
    title: str = Field(min_length=1, max_length=100)
    body: str = Field(min_length=1, max_length=400)
    audience: Literal["everyone", "customers", "servicemen", "providers"] = "everyone"


class AnnouncementOut(BaseModel):
    announcement_id: str
