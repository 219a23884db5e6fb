"""Consent records, policy documents and policy acceptances.

Consent records and policy acceptances are append-only (the proof of what a person agreed to,
when, under which policy version): the database refuses UPDATE and DELETE of their rows
(PostgreSQL: the consent migration's triggers; SQLite: domain/consent/sqlite.py). A user's
current consent for a purpose is their latest record for it; no record: not granted.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any
from uuid import UUID, uuid4

from tortoise import fields

from domain.shared.orm import Model


class Purpose(StrEnum):
    """What a user may consent to; without consent the purpose is off for them."""

    MARKETING_PUSH = "marketing_push"  # promotional notifications in the app: push and the notification centre
    MARKETING_EMAIL = "marketing_email"  # promotional email (nothing sends email yet)
    ANALYTICS = "analytics"  # product analytics beyond what running the service needs
    AI_PROCESSING = "ai_processing"  # processing of the user's content by AI models


class ConsentChannel(StrEnum):
    """Where a consent was given or withdrawn."""

    APP = "app"
    WEB = "web"
    EMAIL = "email"  # an unsubscribe link
    ADMIN = "admin"  # recorded by support on the user's written request


class PolicyKind(StrEnum):
    TERMS = "terms"
    PRIVACY = "privacy"
    COOKIES = "cookies"
    REFUNDS = "refunds"


# The kinds a user must accept (again, at each new version); the others are shown, not signed.
ACCEPTANCE_REQUIRED: frozenset[PolicyKind] = frozenset({PolicyKind.TERMS, PolicyKind.PRIVACY})
# The language every policy version is published in first, and the fallback of every other.
FALLBACK_LOCALE = "en"


class ConsentRecord(Model):
    """One grant or withdrawal, never changed."""

    id = fields.BigIntField(primary_key=True)
    user_id: UUID
    user: fields.ForeignKeyRelation[Any] = fields.ForeignKeyField(
        "models.User", related_name="consent_records", on_delete=fields.RESTRICT
    )
    purpose = fields.CharEnumField(Purpose, max_length=32)
    granted = fields.BooleanField()
    policy_version = fields.IntField(null=True, description="the privacy policy version in force (none: none yet)")
    channel = fields.CharEnumField(ConsentChannel, max_length=16)
    recorded_at = fields.DatetimeField()
    source_ip_hash = fields.CharField(max_length=64, null=True,
                                      description="keyed HMAC-SHA256 of the client address (PRIVACY_HASH_KEY); none "
                                                  "without a key")

    class Meta:
        table = "consent_record"
        indexes = (("user", "purpose", "id"),)


class PolicyDocument(Model):
    """One version of one policy in one language. A version is published in English first; other
    languages of the same version are translations, shown in their place when the reader's
    language has one. The current version of a kind is the highest whose `effective_at` passed."""

    id = fields.UUIDField(primary_key=True, default=uuid4)
    kind = fields.CharEnumField(PolicyKind, max_length=16)
    version = fields.IntField()
    locale = fields.CharField(max_length=35, description="BCP 47 language tag, e.g. en, de, pt-BR")
    title = fields.CharField(max_length=200)
    body = fields.TextField(description="Markdown")
    effective_at = fields.DatetimeField()
    published_at = fields.DatetimeField()
    published_by_id = fields.UUIDField(null=True, description="the admin who published it; none: the seed")

    class Meta:
        table = "policy_document"
        unique_together = (("kind", "version", "locale"),)
        indexes = (("kind", "effective_at"),)


class PolicyAcceptance(Model):
    """A user accepted one version of one policy; never changed (a new version is a new row)."""

    id = fields.BigIntField(primary_key=True)
    user_id: UUID
    user: fields.ForeignKeyRelation[Any] = fields.ForeignKeyField(
        "models.User", related_name="policy_acceptances", on_delete=fields.RESTRICT
    )
    kind = fields.CharEnumField(PolicyKind, max_length=16)
    version = fields.IntField()
    locale = fields.CharField(max_length=35, description="the language of the text the user was shown")
    channel = fields.CharEnumField(ConsentChannel, max_length=16)
    accepted_at = fields.DatetimeField()
    source_ip_hash = fields.CharField(max_length=64, null=True)

    class Meta:
        table = "policy_acceptance"
        unique_together = (("user", "kind", "version"),)
