"""Payees and their payouts (issue 13 item 7): the connected account a payee (an organisation
or an independent serviceman) is paid on, their payout preferences, every payout, and each
organisation's crew split rule.

A payee is named like a ledger owner: `org:<uuid>` or `user:<uuid>`. Nothing here holds money:
what a payee is owed is their provider_payable in the ledger (domain/finance/ledger); a payout
is a stored gateway transfer of part of it (domain/finance/operations).
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any
from uuid import uuid4

from tortoise import fields

from domain.shared.orm import Model


class Schedule(StrEnum):
    ON_RELEASE = "on_release"  # each release transfers the payee's share at once (the default)
    DAILY = "daily"            # what accrued is paid once a day
    WEEKLY = "weekly"          # ... once a week, on `weekly_day`
    MANUAL = "manual"          # only when the payee asks


class PayeeAccount(Model):
    """One payee's connected account (once onboarding started) and payout preferences."""

    id = fields.UUIDField(primary_key=True, default=uuid4)
    owner = fields.CharField(max_length=64, unique=True, description="org:<uuid> | user:<uuid>")
    gateway = fields.CharField(max_length=16, default="")
    account_id = fields.CharField(max_length=255, null=True, unique=True, description="the gateway's account")
    country = fields.CharField(max_length=2, default="")
    payouts_enabled = fields.BooleanField(default=False)
    charges_enabled = fields.BooleanField(default=False)
    details_submitted = fields.BooleanField(default=False)
    requirements_due: Any = fields.JSONField(default=list)
    enabled_count = fields.IntField(default=0, description="times payouts became enabled (keys the backlog payout)")
    schedule = fields.CharEnumField(Schedule, max_length=16, default=Schedule.ON_RELEASE)
    weekly_day = fields.IntField(default=0, description="0 = Monday, for the weekly schedule")
    synced_at = fields.DatetimeField(null=True, description="when the account's state was last read")
    version = fields.IntField(default=1)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "payee_account"


class PayoutState(StrEnum):
    PENDING = "pending"  # the transfer is stored; the payable is reserved by a pending ledger hold
    PAID = "paid"        # the transfer went through; the hold is posted
    FAILED = "failed"    # declined: the hold is voided, the payable is back


class PayoutTrigger(StrEnum):
    REQUESTED = "requested"  # the payee asked (on demand)
    ENABLED = "enabled"      # the account became payout-enabled: everything that accrued
    SCHEDULED = "scheduled"  # the daily / weekly schedule


class Payout(Model):
    """A transfer of accrued provider_payable to the payee's connected account."""

    id = fields.UUIDField(primary_key=True, default=uuid4)
    key = fields.CharField(max_length=200, unique=True, description="what makes it happen once")
    owner = fields.CharField(max_length=64)
    # Data residency (domain/shared/regions.py): its payee's (the organisation's or the user's), stamped at creation.
    region = fields.CharField(max_length=16, null=True)
    currency = fields.CharField(max_length=3)
    amount = fields.BigIntField(description="minor units transferred")
    netted = fields.BigIntField(default=0, description="receivable settled from the payable first")
    state = fields.CharEnumField(PayoutState, max_length=16, default=PayoutState.PENDING, db_index=True)
    trigger = fields.CharEnumField(PayoutTrigger, max_length=16)
    destination = fields.CharField(max_length=255)
    hold_entry_id = fields.UUIDField(null=True, description="the pending ledger hold on the payable")
    operation_key = fields.CharField(max_length=255, description="the stored transfer's idempotency key")
    transfer_id = fields.CharField(max_length=255, null=True)
    failure = fields.CharField(max_length=300, default="")
    requested_by = fields.UUIDField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "payout"
        indexes = (("owner", "created_at"),)


class SplitMode(StrEnum):
    ORGANISATION = "organisation"  # everything to the organisation (the default)
    FIXED = "fixed"                # each listed member on the booking's crew gets their basis points
    LEAD_BONUS = "lead_bonus"      # the booking's lead serviceman gets `lead_bonus_bps`


class CrewSplit(Model):
    """How an organisation's payee part of a booking is split; the organisation keeps the rest.
    Read when a booking is priced (the breakdown frozen on it), never after."""

    id = fields.UUIDField(primary_key=True, default=uuid4)
    organisation_id = fields.UUIDField(unique=True)
    mode = fields.CharEnumField(SplitMode, max_length=16, default=SplitMode.ORGANISATION)
    member_bps: Any = fields.JSONField(default=dict, description="user id -> basis points (fixed)")
    lead_bonus_bps = fields.IntField(default=0)
    version = fields.IntField(default=1)
    updated_by = fields.UUIDField(null=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "crew_split"
