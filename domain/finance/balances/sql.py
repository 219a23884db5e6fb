# ruff: noqa: S608 - SQL built from the constants below
"""The PostgreSQL that keeps `payee_balance` (models.py): one statement-level trigger on
`ledger_posting`, so an entry's lines (one multi-row INSERT, journal.py) update each payee's
row once, in owner order (two entries paying the same two payees cannot deadlock). Embedded
in the `finance_sync` migration; `BACKFILL` rebuilds the rows from the postings."""

from __future__ import annotations

PAYEE_KINDS = ("provider_payable", "provider_receivable", "promo_credit")

_SUMS = """
         SUM(CASE WHEN a.kind = 'provider_payable' THEN CASE WHEN p.side = 'credit' THEN p.amount ELSE -p.amount END
             ELSE 0 END),
         SUM(CASE WHEN a.kind = 'provider_payable' AND p.side = 'credit' THEN p.amount ELSE 0 END),
         SUM(CASE WHEN a.kind = 'provider_payable' AND p.side = 'debit' THEN p.amount ELSE 0 END),
         SUM(CASE WHEN a.kind = 'provider_receivable' THEN CASE WHEN p.side = 'debit' THEN p.amount ELSE -p.amount END
             ELSE 0 END),
         SUM(CASE WHEN a.kind = 'promo_credit' THEN CASE WHEN p.side = 'credit' THEN p.amount ELSE -p.amount END
             ELSE 0 END)"""

_WHERE = "p.bucket = 'posted' AND a.kind IN ('provider_payable', 'provider_receivable', 'promo_credit')"


def _insert(source: str) -> str:
    return f"""
  INSERT INTO payee_balance AS b (id, owner, currency, available, earned, paid_out, receivable, promo_credit,
                                  version, updated_at)
  SELECT a.owner || ':' || p.currency, a.owner, p.currency,{_SUMS},
         1, now()
  FROM {source} AS p JOIN ledger_account AS a ON a.id = p.account_id
  WHERE {_WHERE}
  GROUP BY a.owner, p.currency
  ORDER BY a.owner, p.currency"""


INSTALL = r"""
CREATE OR REPLACE FUNCTION payee_balance_apply() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN""" + _insert("new_postings") + """
  ON CONFLICT (id) DO UPDATE SET
    available = b.available + EXCLUDED.available, earned = b.earned + EXCLUDED.earned,
    paid_out = b.paid_out + EXCLUDED.paid_out, receivable = b.receivable + EXCLUDED.receivable,
    promo_credit = b.promo_credit + EXCLUDED.promo_credit, version = b.version + 1, updated_at = now();
  RETURN NULL;
END
$fn$;
DROP TRIGGER IF EXISTS payee_balance_apply ON ledger_posting;
CREATE TRIGGER payee_balance_apply AFTER INSERT ON ledger_posting REFERENCING NEW TABLE AS new_postings
  FOR EACH STATEMENT EXECUTE FUNCTION payee_balance_apply();
"""

BACKFILL = _insert("ledger_posting") + "\n  ON CONFLICT (id) DO NOTHING;\n"

UNINSTALL = """
DROP TRIGGER IF EXISTS payee_balance_apply ON ledger_posting;
DROP FUNCTION IF EXISTS payee_balance_apply();
"""
