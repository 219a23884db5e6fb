"""The ledger's tables. Written with SQL by journal.py and chain.py (a release is a handful of
statements); the models are the schema (migrations, the SQLite demo) and for reading.

- `ledger_account`: one per (kind, owner, currency), created on first use. No balance columns:
  balances are sums of postings. `version` is bumped by each debit of a no-overdraft account
  (the compare-and-set on SQLite; on PostgreSQL that row is locked instead).
- `ledger_entry`: one journal entry; `seq` and `hash` are set once by the sealer (chain.py).
- `ledger_posting`: append-only lines. `bucket` is `posted`, `pending` (a hold) or `released`
  (the hold's amount, given back when it is posted or voided): pending = pending - released.
  `account_id` has no foreign key on purpose: a foreign key share-locks the account row on every
  insert, and the hot accounts would churn MultiXacts under every release. A trigger checks the
  account exists with the posting's currency; accounts can never be deleted (trigger).
Database triggers (PostgreSQL: migration 8; SQLite: triggers.py) refuse UPDATE and DELETE.
"""

from __future__ import annotations

from tortoise import fields

from domain.shared.orm import Model


class LedgerAccount(Model):
    id = fields.BigIntField(primary_key=True)
    kind = fields.CharField(max_length=32)
    owner = fields.CharField(max_length=128)
    currency = fields.CharField(max_length=3)
    version = fields.BigIntField(default=0)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "ledger_account"
        unique_together = (("kind", "owner", "currency"),)


class LedgerEntry(Model):
    id = fields.UUIDField(primary_key=True)
    idempotency_key = fields.CharField(max_length=255, unique=True)
    kind = fields.CharField(max_length=64)
    pending = fields.BooleanField(default=False)
    legs_digest = fields.CharField(max_length=64)
    actor = fields.CharField(max_length=64)
    reason = fields.CharField(max_length=255)
    request_id = fields.CharField(max_length=128, null=True)
    case_id = fields.UUIDField(null=True, db_index=True)
    # Plain columns, unique: at most one reversal and one resolution per entry. Tortoise cannot
    # generate a table's foreign key to itself; the code loads the original first, and entries
    # are never deleted (trigger).
    reverses_id = fields.UUIDField(null=True, unique=True)
    resolves_id = fields.UUIDField(null=True, unique=True)
    created_at = fields.DatetimeField()
    seq = fields.BigIntField(null=True, unique=True)
    hash = fields.CharField(max_length=64, null=True)

    class Meta:
        table = "ledger_entry"


class LedgerPosting(Model):
    id = fields.BigIntField(primary_key=True)
    entry: fields.ForeignKeyRelation[LedgerEntry] = fields.ForeignKeyField(
        "models.LedgerEntry", related_name="postings", on_delete=fields.RESTRICT)
    account_id = fields.BigIntField()
    side = fields.CharField(max_length=6)
    bucket = fields.CharField(max_length=8)
    amount = fields.BigIntField()
    currency = fields.CharField(max_length=3)

    class Meta:
        table = "ledger_posting"
        indexes = (("account_id", "bucket", "side", "amount"), ("entry_id", "id"))
