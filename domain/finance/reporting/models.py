"""Receipts, invoices and credit notes; their per-issuer counters; sellers' tax profiles.

Numbers are gap-free per (issuer, series): the counter row is incremented in the unit of work
that writes the document, so a rolled-back transaction gives its number back and two writers
wait for each other on the row (documents.py)."""

from __future__ import annotations

from typing import Any
from uuid import uuid4

from tortoise import fields

from domain.shared.orm import Model


class DocumentCounter(Model):
    id = fields.BigIntField(primary_key=True)
    issuer = fields.CharField(max_length=128, description="platform | org:<uuid> | user:<uuid>")
    series = fields.CharField(max_length=16, description="receipt | invoice | credit_note")
    last_number = fields.BigIntField(default=0)

    class Meta:
        table = "finance_document_counter"
        unique_together = (("issuer", "series"),)


class FinanceDocument(Model):
    id = fields.UUIDField(primary_key=True, default=uuid4)
    series = fields.CharField(max_length=16)
    issuer = fields.CharField(max_length=128)
    number = fields.BigIntField()
    reference = fields.CharField(max_length=64, description="the printed number, e.g. RC-000042")
    recipient = fields.CharField(max_length=128, description="user:<uuid> | org:<uuid>")
    booking_id = fields.UUIDField(null=True, db_index=True)
    case_id = fields.UUIDField(null=True, db_index=True)
    source = fields.CharField(max_length=255, unique=True, description="what it documents, once")
    currency = fields.CharField(max_length=3)
    net = fields.BigIntField(description="minor units before tax")
    tax = fields.BigIntField(default=0)
    total = fields.BigIntField()
    lines: Any = fields.JSONField(description="[{description, amount}] in minor units")
    issued_at = fields.DatetimeField()

    class Meta:
        table = "finance_document"
        unique_together = (("issuer", "series", "number"),)


class SellerTaxProfile(Model):
    id = fields.BigIntField(primary_key=True)
    owner = fields.CharField(max_length=128, unique=True, description="org:<uuid> | user:<uuid>")
    legal_name = fields.CharField(max_length=200)
    tax_id_sealed = fields.TextField(description="the tax id, encrypted (AES-GCM); never sent back")
    tax_id_last4 = fields.CharField(max_length=4)
    address_line1 = fields.CharField(max_length=200)
    address_line2 = fields.CharField(max_length=200, default="")
    city = fields.CharField(max_length=100)
    postal_code = fields.CharField(max_length=20, default="")
    country = fields.CharField(max_length=2)
    updated_by = fields.UUIDField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "seller_tax_profile"
