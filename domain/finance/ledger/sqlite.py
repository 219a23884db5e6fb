"""The ledger's triggers on the embedded SQLite default (PostgreSQL gets its own in migration 8):
postings append-only, entries append-only but for their one sealing, accounts never deleted
and changed only in `version`, and a posting's amount, side, bucket and currency checked against
its account. SQLite has no deferred constraint triggers: the balance per currency is checked in
code (journal.py) only."""

from __future__ import annotations

from tortoise.connection import connections

from domain.shared.uow import unit_of_work

MARKER = "ledger_"

TRIGGERS = (
    """CREATE TRIGGER IF NOT EXISTS ledger_posting_no_update BEFORE UPDATE ON ledger_posting
       BEGIN SELECT RAISE(ABORT, 'ledger postings are append-only'); END""",
    """CREATE TRIGGER IF NOT EXISTS ledger_posting_no_delete BEFORE DELETE ON ledger_posting
       BEGIN SELECT RAISE(ABORT, 'ledger postings are append-only'); END""",
    """CREATE TRIGGER IF NOT EXISTS ledger_posting_check BEFORE INSERT ON ledger_posting
       WHEN NEW.amount <= 0 OR NEW.side NOT IN ('debit', 'credit')
         OR NEW.bucket NOT IN ('posted', 'pending', 'released')
         OR NOT EXISTS (SELECT 1 FROM ledger_account a WHERE a.id = NEW.account_id AND a.currency = NEW.currency)
       BEGIN SELECT RAISE(ABORT, 'ledger posting refused: amount, side, bucket or currency of its account'); END""",
    """CREATE TRIGGER IF NOT EXISTS ledger_entry_no_delete BEFORE DELETE ON ledger_entry
       BEGIN SELECT RAISE(ABORT, 'ledger entries are append-only'); END""",
    """CREATE TRIGGER IF NOT EXISTS ledger_entry_seal_only BEFORE UPDATE ON ledger_entry
       WHEN OLD.seq IS NOT NULL OR NEW.seq IS NULL OR NEW.hash IS NULL
         OR NEW.id IS NOT OLD.id OR NEW.idempotency_key IS NOT OLD.idempotency_key OR NEW.kind IS NOT OLD.kind
         OR NEW.pending IS NOT OLD.pending OR NEW.legs_digest IS NOT OLD.legs_digest OR NEW.actor IS NOT OLD.actor
         OR NEW.reason IS NOT OLD.reason OR NEW.request_id IS NOT OLD.request_id OR NEW.case_id IS NOT OLD.case_id
         OR NEW.reverses_id IS NOT OLD.reverses_id OR NEW.resolves_id IS NOT OLD.resolves_id
         OR NEW.created_at IS NOT OLD.created_at
       BEGIN SELECT RAISE(ABORT, 'ledger entries are append-only (only their sealing is written once)'); END""",
    """CREATE TRIGGER IF NOT EXISTS ledger_account_no_delete BEFORE DELETE ON ledger_account
       BEGIN SELECT RAISE(ABORT, 'ledger accounts are never deleted'); END""",
    """CREATE TRIGGER IF NOT EXISTS ledger_account_version_only BEFORE UPDATE ON ledger_account
       WHEN NEW.id IS NOT OLD.id OR NEW.kind IS NOT OLD.kind OR NEW.owner IS NOT OLD.owner
         OR NEW.currency IS NOT OLD.currency OR NEW.created_at IS NOT OLD.created_at
       BEGIN SELECT RAISE(ABORT, 'ledger accounts change only their version'); END""",
)


async def install_triggers() -> None:
    """Install the ledger's triggers on the default SQLite connection (idempotent)."""
    if connections.get("default").capabilities.dialect != "sqlite":
        return
    async with unit_of_work() as uow:
        for statement in TRIGGERS:
            await uow.connection.execute_query(statement)
