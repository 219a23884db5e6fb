"""The personal-data registry's finance tables (payments, payouts, balances, tax documents),
declared apart to keep declarations.py small; REGISTRY there lists them in this order."""

from __future__ import annotations

from domain.privacy.holds import TAX_RECORDS
from domain.privacy.registry import UNKEYED, Basis, Category, Column, Erasure, Retention, Table

PAYMENT_CASE = Table(
    "payment_case", "finance", "customer_id",
    (Column("amount", Category.FINANCIAL, Erasure.HOLD),
     Column("breakdown", Category.FINANCIAL, Erasure.HOLD),
     Column("payment_id", Category.FINANCIAL, Erasure.HOLD, export=False, doc="the gateway's reference")),
    basis=Basis.LEGAL_OBLIGATION, purpose="taking and releasing a booking's payment", hold=TAX_RECORDS,
)

GATEWAY_EVENT = Table(
    "gateway_event", "finance", UNKEYED,
    (Column("payload", Category.COPY, Erasure.HOLD, export=False, doc="the gateway's object (billing details)"),),
    basis=Basis.LEGAL_OBLIGATION, purpose="payment webhooks, applied once", hold=TAX_RECORDS,
    reach="by the payment case's payment_id and charge_id (object_id)",
    retention=Retention(180, "received_at", where="state = 'applied'"),
)

PAYEE_ACCOUNT = Table(
    "payee_account", "finance", "owner",
    (Column("account_id", Category.FINANCIAL, Erasure.HOLD, doc="the gateway account holding bank details"),
     Column("country", Category.LOCATION, Erasure.HOLD)),
    basis=Basis.CONTRACT, purpose="paying providers and servicemen out", hold=TAX_RECORDS,
    subject_format="user:{id}",
)

PAYOUT = Table(
    "payout", "finance", "owner",
    (Column("amount", Category.FINANCIAL, Erasure.HOLD),
     Column("destination", Category.FINANCIAL, Erasure.HOLD, doc="the bank account or card paid to")),
    basis=Basis.LEGAL_OBLIGATION, purpose="money transferred to a payee", hold=TAX_RECORDS,
    subject_format="user:{id}",
)

PAYEE_BALANCE = Table(
    "payee_balance", "finance", "owner",
    (Column("available", Category.FINANCIAL, Erasure.HOLD),
     Column("earned", Category.FINANCIAL, Erasure.HOLD)),
    basis=Basis.LEGAL_OBLIGATION, purpose="what a payee is owed", hold=TAX_RECORDS, subject_format="user:{id}",
)

SELLER_PROFILE = Table(
    "pricing_seller_profile", "finance", "seller",
    (Column("vat_number", Category.GOVERNMENT_ID, Erasure.HOLD),
     Column("jurisdiction", Category.LOCATION, Erasure.HOLD)),
    basis=Basis.LEGAL_OBLIGATION, purpose="charging the right tax", hold=TAX_RECORDS, subject_format="user:{id}",
)

FINANCE_DOCUMENT = Table(
    "finance_document", "finance", "recipient",
    (Column("lines", Category.FINANCIAL, Erasure.HOLD, doc="what was invoiced"),
     Column("total", Category.FINANCIAL, Erasure.HOLD)),
    basis=Basis.LEGAL_OBLIGATION, purpose="receipts, invoices and credit notes", hold=TAX_RECORDS,
    subject_format="user:{id}", also_subjects=("issuer",),
)

SELLER_TAX_PROFILE = Table(
    "seller_tax_profile", "finance", "owner",
    (Column("legal_name", Category.IDENTITY, Erasure.HOLD),
     Column("tax_id_sealed", Category.GOVERNMENT_ID, Erasure.HOLD, export=False, doc="encrypted, never sent back"),
     Column("tax_id_last4", Category.GOVERNMENT_ID, Erasure.HOLD),
     Column("address_line1", Category.CONTACT, Erasure.HOLD),
     Column("address_line2", Category.CONTACT, Erasure.HOLD),
     Column("city", Category.CONTACT, Erasure.HOLD),
     Column("postal_code", Category.CONTACT, Erasure.HOLD),
     Column("country", Category.CONTACT, Erasure.HOLD)),
    basis=Basis.LEGAL_OBLIGATION, purpose="the seller's details printed on invoices", hold=TAX_RECORDS,
    subject_format="user:{id}",
)
