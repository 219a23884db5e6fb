"""Pricing rules (admins edit them; a booking freezes what they said at its creation) and the
seller's pricing profile (plan, VAT registration, tax jurisdiction).

Commission and cancellation rules are scoped by category, zone and provider plan; a NULL
dimension matches anything. `scope_key` ("<category>|<zone>|<plan>", "*" for any) is unique,
so two rules never claim the same scope and the most specific one always wins
(domain/finance/pricing/rules.py says how)."""

from __future__ import annotations

from uuid import UUID, uuid4

from tortoise import fields

from domain.shared.orm import Model


class CommissionRule(Model):
    id = fields.UUIDField(primary_key=True, default=uuid4)
    category_id = fields.CharField(max_length=64, null=True,
                                   description="a category slug; also matches its subcategories")
    zone_id: UUID | None = fields.UUIDField(null=True)
    plan = fields.CharField(max_length=32, null=True, description="the seller's plan (seller_profile.plan)")
    scope_key = fields.CharField(max_length=200, unique=True)
    basis_points = fields.IntField(description="commission on the service price, 1500 = 15 %")
    note = fields.CharField(max_length=300, default="")
    version = fields.IntField(default=1)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "pricing_commission_rule"


class CancellationRule(Model):
    id = fields.UUIDField(primary_key=True, default=uuid4)
    category_id = fields.CharField(max_length=64, null=True)
    zone_id: UUID | None = fields.UUIDField(null=True)
    plan = fields.CharField(max_length=32, null=True)
    scope_key = fields.CharField(max_length=200, unique=True)
    free_until_hours = fields.IntField(description="cancelling at least this long before the start is free")
    fee_bps = fields.IntField(description="later, the customer pays this share of the customer total")
    provider_share_bps = fields.IntField(description="the payees' share of that fee; the platform keeps the rest")
    note = fields.CharField(max_length=300, default="")
    version = fields.IntField(default=1)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "pricing_cancellation_rule"


class TaxRule(Model):
    """Tax by jurisdiction (* = everywhere else)."""

    id = fields.UUIDField(primary_key=True, default=uuid4)
    jurisdiction = fields.CharField(max_length=16, unique=True, description="ISO 3166 code (GB, AE, US-CA) or *")
    service_tax_bps = fields.IntField(description="tax on the service price, charged to the customer")
    registered_only = fields.BooleanField(
        default=False, description="true: VAT, charged only when the seller is VAT-registered (the seller owes it); "
                                   "false: a sales tax on every sale (the platform owes it)")
    fee_vat_bps = fields.IntField(default=0, description="VAT on the platform fee (the platform owes it)")
    note = fields.CharField(max_length=300, default="")
    version = fields.IntField(default=1)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "pricing_tax_rule"


class SellerProfile(Model):
    """What pricing needs to know about a seller: an organisation (org:<uuid>) or an
    independent serviceman (user:<uuid>). No row = plan standard, not VAT-registered, the
    default jurisdiction."""

    id = fields.UUIDField(primary_key=True, default=uuid4)
    seller = fields.CharField(max_length=64, unique=True)
    plan = fields.CharField(max_length=32, default="standard")
    vat_registered = fields.BooleanField(default=False)
    vat_number = fields.CharField(max_length=32, default="")
    jurisdiction = fields.CharField(max_length=16, default="")
    version = fields.IntField(default=1)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "pricing_seller_profile"
