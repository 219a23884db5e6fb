"""Tables of delta sync. Written by database triggers (sync/sqlgen.py), never by the ORM on
the write path: the models exist so aerich creates the tables and tests can read them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tortoise import fields
from tortoise.indexes import Index
from tortoise.models import Model as TortoiseModel

from domain.shared.orm import Model

if TYPE_CHECKING:
    from tortoise.backends.base.schema_generator import BaseSchemaGenerator


class RowLookup(Index):
    """The ops of one row, by its id (the push's conflict read, sync/push.py: `collection = $1
    AND row_id = $2`). A hash index on PostgreSQL: its entries are 4-byte hash codes, so each op
    the ticker moves costs it ~1.5 us, against 4-6 us for the B-tree on (collection, row_id) it
    replaced (docs/performance.md, session 19); equality is all its readers ask. A B-tree elsewhere
    (SQLite has no hash index)."""

    INDEX_TYPE = "HASH"

    def get_sql(self, schema_generator: BaseSchemaGenerator, model: type[TortoiseModel], safe: bool) -> str:
        self.resolve_expressions(model)
        hashed = schema_generator.DIALECT == "postgres"
        return str(schema_generator._get_index_sql(model, self.field_names, safe, index_name=self.name,
                                                   index_type=self.INDEX_TYPE if hashed else "", extra=self.extra))


ROW_LOOKUP = "idx_sync_op_row_id_hash"


class SyncOp(Model):
    """One change of one row in one scope, visible to pulls in commit order (tick, txpos).

    Triggers write ops to sync_op_pending; the ticker moves committed ones here (sync/ticker.py)."""

    id = fields.BigIntField(primary_key=True, generated=False, description="its id in sync_op_pending")
    tick = fields.BigIntField()
    txpos = fields.BigIntField(description="the highest op id of its transaction: orders transactions in a tick")
    collection = fields.CharField(max_length=48)
    row_id = fields.CharField(max_length=64)
    scope = fields.CharField(max_length=128)
    op = fields.CharField(max_length=1, description="u: upsert, d: deleted, r: revoked from this scope")
    version = fields.BigIntField()
    data = fields.TextField(null=True, description="the row as JSON text, spliced into pull responses")

    class Meta:
        table = "sync_op"
        # (scope, tick, txpos, id, collection): a pull reads each scope in commit order from the index alone.
        # (scope, collection, row_id, id): a snapshot page reads each row's ops oldest first, in page order.
        indexes = (("tick", "txpos"), ("scope", "tick", "txpos", "id", "collection"),
                   ("scope", "collection", "row_id", "id"), RowLookup(fields=("row_id",), name=ROW_LOOKUP))


class SyncPendingOp(Model):
    """An op written by a transaction the ticker has not yet seen committed.

    Small and short-lived: the ticker moves committed rows to sync_op."""

    id = fields.BigIntField(primary_key=True)
    xact = fields.BigIntField(description="the writing transaction (pg_current_xact_id)")
    collection = fields.CharField(max_length=48)
    row_id = fields.CharField(max_length=64)
    scope = fields.CharField(max_length=128, db_index=True)
    op = fields.CharField(max_length=1)
    version = fields.BigIntField()
    data = fields.TextField(null=True)

    class Meta:
        table = "sync_op_pending"


class SyncGrant(Model):
    """A user holds a scope for a reason (source) while any reason remains.

    Maintained by triggers on the tables the reasons live in (sync/grants.py)."""

    id = fields.BigIntField(primary_key=True)
    user_id = fields.UUIDField()
    scope = fields.CharField(max_length=128, db_index=True)
    source = fields.CharField(max_length=128)

    class Meta:
        table = "sync_grant"
        unique_together = (("user_id", "scope", "source"),)


class SyncState(Model):
    """Named counters: `head` (the last committed tick) and `floor` (the compaction floor)."""

    name = fields.CharField(max_length=32, primary_key=True)
    value = fields.BigIntField()

    class Meta:
        table = "sync_state"


class SyncTickTime(Model):
    """When a tick was stamped, about once a minute.

    Compaction turns its retention window into a tick with it."""

    tick = fields.BigIntField(primary_key=True, generated=False)
    at = fields.DatetimeField()

    class Meta:
        table = "sync_tick_time"


class SyncClient(Model):
    """An app install, bound to its user on first use (PROTOCOL section 4).

    Keeps the highest mutation id the server applied for it."""

    id = fields.UUIDField(primary_key=True)
    user_id = fields.UUIDField(db_index=True)
    last_mutation_id = fields.BigIntField(default=0)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "sync_client"


class SyncMutation(Model):
    """The stored result of one pushed mutation: a replay answers `duplicate` with it."""

    id = fields.BigIntField(primary_key=True)
    client_id = fields.UUIDField()
    mutation_id = fields.BigIntField()
    status = fields.CharField(max_length=16)
    result = fields.TextField(description="the result entry as JSON text")
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "sync_mutation"
        unique_together = (("client_id", "mutation_id"),)
