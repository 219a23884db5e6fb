"""THE personal-data registry: every table holding personal data, declared once (vocabulary in
registry.py). Adding a column that holds personal data means declaring it here; the registry
test fails otherwise, and `python -m domain.privacy.record --write docs/privacy.md` refreshes the
record of processing."""

from __future__ import annotations

from domain.privacy.registry import Basis, Category, Column, Erasure, LegalHold, Registry, Table

USER_ACCOUNT = Table(
    "user_account", "accounts", None,
    (Column("email", Category.IDENTITY, Erasure.PSEUDONYMISE, doc="login and contact address"),
     Column("name", Category.IDENTITY, Erasure.PSEUDONYMISE, doc="shown to counterparties"),
     Column("photo_upload_id", Category.IDENTITY, Erasure.NULLIFY),
     Column("region", Category.LOCATION, Erasure.HOLD, doc="data residency of the account")),
    basis=Basis.CONTRACT, purpose="the account: login, identification to counterparties",
)

REFRESH_TOKEN = Table(
    "refresh_token", "accounts", "user_id",
    (Column("ip", Category.NETWORK, Erasure.DELETE, doc="where a session started"),
     Column("user_agent", Category.NETWORK, Erasure.DELETE)),
    basis=Basis.LEGITIMATE_INTEREST, purpose="session security: list and revoke sessions",
)

CONSENT_RECORD = Table(
    "consent_record", "consent", "user_id",
    (Column("purpose", Category.BEHAVIOUR, Erasure.HOLD, doc="what was granted or withdrawn"),
     Column("granted", Category.BEHAVIOUR, Erasure.HOLD),
     Column("recorded_at", Category.BEHAVIOUR, Erasure.HOLD),
     Column("source_ip_hash", Category.NETWORK, Erasure.HOLD, export=False, doc="keyed hash, never the address")),
    basis=Basis.LEGAL_OBLIGATION, purpose="proof of consent (GDPR Art. 7(1)); append-only",
    hold=LegalHold("Art. 7(1) GDPR: the controller must be able to demonstrate consent", 3),
)

POLICY_ACCEPTANCE = Table(
    "policy_acceptance", "consent", "user_id",
    (Column("accepted_at", Category.BEHAVIOUR, Erasure.HOLD),
     Column("locale", Category.BEHAVIOUR, Erasure.HOLD),
     Column("source_ip_hash", Category.NETWORK, Erasure.HOLD, export=False)),
    basis=Basis.CONTRACT, purpose="which terms and privacy policy versions the user agreed to; append-only",
    hold=LegalHold("proof of the contract terms agreed (limitation period)", 3),
)

REGISTRY = Registry((USER_ACCOUNT, REFRESH_TOKEN, CONSENT_RECORD, POLICY_ACCEPTANCE))
