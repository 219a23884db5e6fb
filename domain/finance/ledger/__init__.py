"""The double-entry ledger (issue 13 item 3; contract in docs/finance.md "Contract: the ledger").

Accounts per (kind, owner, currency), created on first use; journal entries with unique
idempotency keys, actor, reason, request id and case; append-only postings balanced per
currency; two-phase holds that post or void once; linked reversals (one per entry);
no-overdraft accounts that count pending debits; a hash chain sealed after commit.

Hot accounts (platform_commission, gateway_balance, tax_payable) are touched by every release
and must not serialize releases, so the design has no shared mutable row and no global lock on
the write path:
- balances are sums of postings (balances.py), never a running counter on an account row;
- postings carry no foreign key to the account (a foreign key share-locks the parent row);
- only no-overdraft accounts that an entry *debits* are locked (per case or per payee, in id
  order), and a release only credits the hot accounts (journal.py);
- the hash chain is built by a sealer after commit, not by the writers (chain.py).
"""

from domain.finance.ledger.balances import balance, balances, balances_of, trial_balance
from domain.finance.ledger.chain import seal, verify_chain
from domain.finance.ledger.errors import (
    AlreadyResolved,
    AlreadyReversed,
    ConcurrentUpdate,
    EntryNotFound,
    IdempotencyConflict,
    InsufficientFunds,
    InvalidEntry,
    NotPending,
    NotReversible,
    UnbalancedEntry,
)
from domain.finance.ledger.journal import post, resolve_pending, reverse
from domain.finance.ledger.types import (
    HOT,
    NO_OVERDRAFT,
    AccountKey,
    AccountKind,
    Balance,
    ChainReport,
    EntryDraft,
    Leg,
    PostedEntry,
    Side,
    normal_side,
)

__all__ = [
    "HOT", "NO_OVERDRAFT", "AccountKey", "AccountKind", "AlreadyResolved", "AlreadyReversed", "Balance",
    "ChainReport", "ConcurrentUpdate", "EntryDraft", "EntryNotFound", "IdempotencyConflict", "InsufficientFunds",
    "InvalidEntry", "Leg", "NotPending", "NotReversible", "PostedEntry", "Side", "UnbalancedEntry", "balance",
    "balances", "balances_of", "normal_side", "post", "resolve_pending", "reverse", "seal", "trial_balance",
    "verify_chain",
]
