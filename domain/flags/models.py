"""Flag definitions and their scheduled changes. No personal data: who changed what is in the
audit trail (domain/audit), not here."""

from __future__ import annotations

from enum import StrEnum
from typing import Any
from uuid import uuid4

from tortoise import fields

from domain.shared.orm import Model


class FlagKind(StrEnum):
    BOOL = "bool"
    INT = "int"
    STRING = "string"
    JSON = "json"


class ScheduleState(StrEnum):
    PENDING = "pending"  # waits for its effective time
    APPLIED = "applied"  # the job applied it (once: a compare-and-set on the state)
    CANCELLED = "cancelled"  # an admin withdrew it before it was due


class Flag(Model):
    """One flag or config value: its kind, its default `value` and the targeting `rules` (the
    first rule whose conditions all hold gives its value: domain/flags/rules.py).
    `client_visible` ones are evaluated for apps (OFREP, capabilities) and synced (`config`)."""

    key = fields.CharField(max_length=64, primary_key=True)
    kind = fields.CharEnumField(FlagKind, max_length=8)
    value: Any = fields.JSONField()
    rules: Any = fields.JSONField(default=list)
    client_visible = fields.BooleanField(default=True)
    description = fields.TextField(default="")
    version = fields.IntField(default=1)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)
    # True while the row is a built-in key's default as the catalog (domain/flags/catalog.py)
    # gives it, stored at start-up so the `config` collection carries it; a release with another
    # default updates it. The first change by an admin or a schedule makes it False for good.
    builtin_default = fields.BooleanField(default=False)

    class Meta:
        table = "flag"


class FlagSchedule(Model):
    """A change to apply at `effective_at` (the `flag_schedules` job, app/jobs.py): the flag's
    new `value` and/or `rules` (None keeps the current one)."""

    id = fields.UUIDField(primary_key=True, default=uuid4)
    flag_key = fields.CharField(max_length=64)
    effective_at = fields.DatetimeField()
    value: Any = fields.JSONField(null=True)
    rules: Any = fields.JSONField(null=True)
    state = fields.CharEnumField(ScheduleState, max_length=16, default=ScheduleState.PENDING)
    applied_at = fields.DatetimeField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "flag_schedule"
        indexes = (("state", "effective_at"),)
