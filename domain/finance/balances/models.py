"""What each payee sees of their money, one row per (payee, currency): a summary of their
ledger accounts, kept by a database trigger on `ledger_posting` in the transaction that posts
(PostgreSQL: migration 8 `finance_sync`, domain/finance/balances/sql.py; SQLite: sqlite.py), so
no write path (a release, a transfer, a reversal, a payout, a correction) can leave it stale,
and delta sync (`balances`) captures it like any other row.

Balances stay views of the ledger (docs/finance.md: not custodial): the row is derived from
posted lines only, never written by code, and `tests/test_finance_reach.py` checks it equals
the sums of the postings. Amounts are minor units of `currency`.
"""

from __future__ import annotations

from tortoise import fields

from domain.shared.orm import Model


class PayeeBalance(Model):
    id = fields.CharField(max_length=140, primary_key=True, description="<owner>:<currency>")
    owner = fields.CharField(max_length=128, description="org:<uuid> or user:<uuid>")
    currency = fields.CharField(max_length=3)
    available = fields.BigIntField(default=0, description="provider_payable: owed to the payee, not yet paid out")
    earned = fields.BigIntField(default=0, description="provider_payable credits: everything ever owed to them")
    paid_out = fields.BigIntField(default=0, description="provider_payable debits: transferred or paid out")
    receivable = fields.BigIntField(default=0, description="provider_receivable: what they owe (refund after payout)")
    promo_credit = fields.BigIntField(default=0, description="promotional credit, not withdrawable")
    version = fields.BigIntField(default=1)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "payee_balance"
        unique_together = (("owner", "currency"),)
