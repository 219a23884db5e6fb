"""The ledger's vocabulary (docs/finance.md, "Contract: the ledger"): accounts, legs, drafts and
what callers get back. Amounts are integer minor units of the account's currency."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from uuid import UUID


class AccountKind(StrEnum):  # normal side in brackets; "no overdraft" = balance may not cross zero
    GATEWAY_BALANCE = "gateway_balance"  # asset [debit]: money at the gateway (Stripe balance)
    GATEWAY_PENDING = "gateway_pending"  # asset [debit]: authorized, not yet captured
    CASE_HELD = "case_held"  # liability [credit], no overdraft: funds held for one case
    PROVIDER_PAYABLE = "provider_payable"  # liability [credit], no overdraft: owed to a payee
    PROVIDER_RECEIVABLE = "provider_receivable"  # asset [debit]: a payee owes us (refund after payout)
    PLATFORM_COMMISSION = "platform_commission"  # revenue [credit]
    TAX_PAYABLE = "tax_payable"  # liability [credit], owner = "tax:<jurisdiction>"
    GATEWAY_FEES = "gateway_fees"  # expense [debit]
    DISPUTE_SUSPENSE = "dispute_suspense"  # asset [debit]
    DISPUTE_LOSSES = "dispute_losses"  # expense [debit]
    PROMO_CREDIT = "promo_credit"  # liability [credit], per user, not withdrawable
    PROMO_EXPENSE = "promo_expense"  # expense [debit]


class LedgerEntryKind(StrEnum):
    """What a journal entry books (`EntryDraft.kind`): every kind a writer posts, so a statement
    line's kind is a closed set an app can switch on (tests/test_ledger_kinds.py keeps it whole)."""

    AUTHORIZE = "authorize"
    CAPTURE_SETTLE = "capture_settle"
    GATEWAY_FEE = "gateway_fee"
    RELEASE = "release"
    TRANSFER = "transfer"
    REFUND = "refund"
    TRANSFER_REVERSAL = "transfer_reversal"
    PAYOUT = "payout"
    PAYOUT_NET = "payout_net"
    PROMO_GRANT = "promo_grant"
    PROMO_RESERVE = "promo_reserve"
    CORRECTION = "correction"
    HOLD_POSTED = "hold_posted"
    HOLD_VOIDED = "hold_voided"
    REVERSAL = "reversal"
    CHARGEBACK_HOLD = "chargeback_hold"
    CHARGEBACK_HOLD_RELEASED = "chargeback_hold_released"
    CHARGEBACK_HOLD_APPLIED = "chargeback_hold_applied"
    CHARGEBACK_LOST = "chargeback_lost"
    CHARGEBACK_WITHDRAWN = "chargeback_withdrawn"
    CHARGEBACK_REINSTATED = "chargeback_reinstated"
    DISPUTE_FEE = "dispute_fee"
    DISPUTE_LOSS = "dispute_loss"


class Side(StrEnum):
    DEBIT = "debit"
    CREDIT = "credit"

    @property
    def opposite(self) -> Side:
        return Side.CREDIT if self is Side.DEBIT else Side.DEBIT


CREDIT_NORMAL = frozenset({
    AccountKind.CASE_HELD, AccountKind.PROVIDER_PAYABLE, AccountKind.PLATFORM_COMMISSION,
    AccountKind.TAX_PAYABLE, AccountKind.PROMO_CREDIT,
})
# Balance may not cross zero, counting pending debits (TigerBeetle's debits_must_not_exceed_credits).
NO_OVERDRAFT = frozenset({AccountKind.CASE_HELD, AccountKind.PROVIDER_PAYABLE, AccountKind.PROMO_CREDIT})
# Touched by every release: never locked, never given a running counter (see journal.py).
HOT = frozenset({AccountKind.PLATFORM_COMMISSION, AccountKind.GATEWAY_BALANCE, AccountKind.TAX_PAYABLE})


def normal_side(kind: AccountKind) -> Side:
    return Side.CREDIT if kind in CREDIT_NORMAL else Side.DEBIT


@dataclass(frozen=True, order=True)
class AccountKey:
    kind: AccountKind
    owner: str  # "platform" | "case:<uuid>" | "org:<uuid>" | "user:<uuid>" | "tax:<code>"
    currency: str


@dataclass(frozen=True)
class Leg:
    account: AccountKey
    side: Side
    amount: int  # > 0, minor units of account.currency


@dataclass(frozen=True)
class EntryDraft:
    idempotency_key: str  # unique forever; e.g. "case:<id>:capture", "stripe:<obj>:<kind>"
    kind: str  # "authorize", "capture", "release", "refund", "transfer", ...
    legs: tuple[Leg, ...]  # balanced per currency, else UnbalancedEntry
    actor: str  # "user:<uuid>" | "system:<job>" | "gateway:<name>"
    reason: str
    request_id: str | None = None
    case_id: UUID | None = None
    pending: bool = False  # a two-phase hold: counts in pending_* until resolved
    reverses: UUID | None = None  # the entry this one corrects (at most one reversal each)


@dataclass(frozen=True)
class PostedEntry:
    id: UUID
    created: bool  # False: the idempotency key was already used with the same legs


@dataclass(frozen=True)
class Balance:
    """An account's sums in minor units. Pending amounts are holds not yet posted or voided."""

    normal: Side
    debits_posted: int = 0
    credits_posted: int = 0
    debits_pending: int = 0
    credits_pending: int = 0

    @property
    def posted(self) -> int:
        """Posted balance, positive on the account's normal side."""
        net = self.debits_posted - self.credits_posted
        return net if self.normal is Side.DEBIT else -net

    @property
    def pending(self) -> int:
        """Pending holds, net, positive on the normal side."""
        net = self.debits_pending - self.credits_pending
        return net if self.normal is Side.DEBIT else -net

    @property
    def available(self) -> int:
        """Posted balance less pending amounts leaving it (TigerBeetle's limit rule): what a
        no-overdraft account can still give."""
        if self.normal is Side.CREDIT:
            return self.credits_posted - self.debits_posted - self.debits_pending
        return self.debits_posted - self.credits_posted - self.credits_pending


@dataclass(frozen=True)
class ChainReport:
    ok: bool
    entries_checked: int
    first_bad: UUID | None = None  # the first entry whose stored hash or sequence does not verify
    unsealed: int = 0  # committed entries not chained yet (the sealer chains them after commit)
    head: str | None = None  # the newest hash: publish it to anchor the chain outside the database
