"""THE personal-data registry: every table holding personal data, declared once (vocabulary in
registry.py). Adding a column that holds personal data means declaring it here; the registry
test fails otherwise, and `python -m domain.privacy.record --write docs/privacy.md` refreshes the
record of processing."""

from __future__ import annotations

from domain.privacy.registry import Basis, Category, Column, Erasure, Registry, Table

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

REGISTRY = Registry((USER_ACCOUNT, REFRESH_TOKEN))
