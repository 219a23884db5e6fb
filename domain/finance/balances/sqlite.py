"""`payee_balance` on the embedded SQLite default: the same sums as sql.py, by a row trigger
(SQLite has no statement triggers; it has one writer, so row order cannot deadlock)."""

from __future__ import annotations

from tortoise.connection import connections

from domain.shared.uow import unit_of_work

TRIGGER = """
CREATE TRIGGER IF NOT EXISTS payee_balance_apply AFTER INSERT ON ledger_posting
WHEN NEW.bucket = 'posted' AND EXISTS (SELECT 1 FROM ledger_account a WHERE a.id = NEW.account_id
  AND a.kind IN ('provider_payable', 'provider_receivable', 'promo_credit'))
BEGIN
  INSERT INTO payee_balance (id, owner, currency, available, earned, paid_out, receivable, promo_credit,
                             version, updated_at)
  SELECT a.owner || ':' || NEW.currency, a.owner, NEW.currency,
         CASE WHEN a.kind = 'provider_payable' THEN CASE WHEN NEW.side = 'credit' THEN NEW.amount ELSE -NEW.amount END
              ELSE 0 END,
         CASE WHEN a.kind = 'provider_payable' AND NEW.side = 'credit' THEN NEW.amount ELSE 0 END,
         CASE WHEN a.kind = 'provider_payable' AND NEW.side = 'debit' THEN NEW.amount ELSE 0 END,
         CASE WHEN a.kind = 'provider_receivable' THEN CASE WHEN NEW.side = 'debit' THEN NEW.amount
              ELSE -NEW.amount END ELSE 0 END,
         CASE WHEN a.kind = 'promo_credit' THEN CASE WHEN NEW.side = 'credit' THEN NEW.amount ELSE -NEW.amount END
              ELSE 0 END,
         1, strftime('%Y-%m-%d %H:%M:%S', 'now') || '+00:00'
  FROM ledger_account a WHERE a.id = NEW.account_id
  ON CONFLICT (id) DO UPDATE SET
    available = available + excluded.available, earned = earned + excluded.earned,
    paid_out = paid_out + excluded.paid_out, receivable = receivable + excluded.receivable,
    promo_credit = promo_credit + excluded.promo_credit, version = version + 1, updated_at = excluded.updated_at;
END
"""


async def install_trigger() -> None:
    """Install the balance trigger on the default SQLite connection (idempotent)."""
    if connections.get("default").capabilities.dialect != "sqlite":
        return
    async with unit_of_work() as uow:
        await uow.connection.execute_query(TRIGGER)
