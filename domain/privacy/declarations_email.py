"""The personal-data registry's email tables (issue 20), declared apart to keep
declarations.py small; REGISTRY there lists them with the push queue."""

from __future__ import annotations

from domain.privacy.registry import UNKEYED, Basis, Category, Column, Erasure, LegalHold, Retention, Table

# Not emailing an address that complained must outlive the account (ePrivacy: unsolicited mail).
UNSOLICITED_MAIL = LegalHold("the suppression of an address that bounced or complained (ePrivacy Art. 13)", 10)

EMAIL_JOBS = Table(
    "email_jobs", "push", "user_id",
    (Column("subject", Category.COPY, Erasure.DELETE, export=False),
     Column("text_body", Category.COPY, Erasure.DELETE, export=False, doc="a receipt's amount, a notice's time"),
     Column("html_body", Category.COPY, Erasure.DELETE, export=False),
     Column("last_error", Category.COPY, Erasure.DELETE, export=False, doc="the server's reply may quote the address")),
    basis=Basis.CONTRACT, purpose="emails on their way to the SMTP server (receipts, security notices)",
    retention=Retention(7, "created_at", by="email_retention_sweep (EMAIL_RETENTION_DAYS)"),
)

EMAIL_SUPPRESSION = Table(
    "email_suppression", "notifications", UNKEYED,
    (Column("email_index", Category.IDENTITY, Erasure.HOLD, export=False,
            doc="keyed blind index of an address that bounced for good or complained (HMAC, PII_HASH_KEY)"),),
    basis=Basis.LEGITIMATE_INTEREST, purpose="never email an address that does not exist or reported us as spam",
    hold=UNSOLICITED_MAIL,
    reach="by the blind index of their email (user_account.email_index), never by their id",
    key="email_index",
)

EMAIL_FEEDBACK = Table(
    "email_feedback", "notifications", UNKEYED,
    (Column("email_index", Category.IDENTITY, Erasure.DELETE, export=False,
            doc="keyed blind index of the address a bounce or complaint report names"),),
    basis=Basis.LEGITIMATE_INTEREST, purpose="bounce and complaint reports, applied once per event id",
    reach="by the blind index of their email (user_account.email_index)",
    retention=Retention(90, "received_at"),
)
