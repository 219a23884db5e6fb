"""The audit trail: an append-only record of every privileged action.

The application has no update or delete path: the model refuses both, and on PostgreSQL a
trigger (migration) refuses UPDATE and DELETE from any client, bulk queries included.
"""

from __future__ import annotations

from typing import Any

from tortoise import fields
from tortoise.backends.base.client import BaseDBAsyncClient

from domain.shared.orm import Model


class AuditRecordImmutable(Exception):
    pass


class AuditRecord(Model):
    id = fields.BigIntField(primary_key=True)
    actor_id = fields.CharField(max_length=64, null=True)
    action = fields.CharField(max_length=64, db_index=True)
    subject_type = fields.CharField(max_length=32)
    subject_id = fields.CharField(max_length=64, db_index=True)
    before: Any = fields.JSONField(null=True)
    after: Any = fields.JSONField(null=True)
    request_id = fields.CharField(max_length=128, null=True)
    # The client's address as a keyed hash (`hk1:` + 32 hex, domain/shared/sealing.Pseudonyms):
    # records from one address can be matched, the address is not kept.
    ip = fields.CharField(max_length=64, null=True, description="keyed hash of the client address (hk1:...)")
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "audit_record"

    async def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._saved_in_db:
            await super().save(*args, **kwargs)
            return
        raise AuditRecordImmutable("audit records cannot be changed")

    async def delete(self, using_db: BaseDBAsyncClient | None = None) -> None:
        raise AuditRecordImmutable("audit records cannot be deleted")
