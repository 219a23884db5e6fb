"""THE read model of a payee's money, per currency, computed from the ledger when asked (no stored
wallet). Both views use it: the payout view (`GET /v1/payees/{payee}/balance`,
domain/finance/payouts/balances.py) and the finance view (`GET /v1/orgs/{org}/finance/balances`,
`/v1/me/finance/balances`, domain/finance/reporting/balances.py); each shows the fields it needs.

From the payee's provider_payable (P), provider_receivable (R) and promo_credit accounts:
- `available` = P posted - P's pending debits (a payout under way has reserved them);
- `in_transit` = P's pending debits (payouts under way);
- `paid_out` = P's posted debits less the netting of a receivable (`payout_net`: not money sent);
- `receivable` = R posted (what they owe: a refund after payout), netted against later releases;
- `withdrawable` = available - receivable, never below 0;
- `earnings` = what releases gave them (P's credits and the R a release settled) less what
  refunds after a release took back (R's debits); the netting of a payout moves nothing new;
- `pending` = their frozen shares of the pending milestones of their captured cases;
- `promo_credit` = the spendable promotional credit (a customer's; never withdrawable).

The synced `payee_balance` row (models.py, kept by a trigger on the postings) summarises the same
accounts for sync: its `available`, `receivable` and `promo_credit` equal these (posted; a payout
under way shows there once it is paid); its `earned` and `paid_out` are the payable's gross
credits and debits (tests/test_finance_reach.py checks it against the postings).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from domain.bookings.models import Assignment
from domain.finance import ledger
from domain.finance.cases.models import MilestoneState, PaymentCase, PaymentMilestone
from domain.finance.cases.states import CAPTURED
from domain.shared import sql

K = ledger.AccountKind

_NETTED = """
    SELECT a.currency, SUM(p.amount) AS total
    FROM ledger_posting p JOIN ledger_account a ON a.id = p.account_id JOIN ledger_entry e ON e.id = p.entry_id
    WHERE a.owner = $1 AND a.kind = 'provider_payable' AND p.side = 'debit' AND p.bucket = 'posted'
      AND e.kind = 'payout_net'
    GROUP BY a.currency"""


@dataclass(frozen=True)
class PayeeMoney:
    currency: str
    earnings: int = 0
    pending: int = 0
    available: int = 0
    in_transit: int = 0
    paid_out: int = 0
    receivable: int = 0
    promo_credit: int = 0

    @property
    def withdrawable(self) -> int:
        return max(0, self.available - self.receivable)


async def payee_money(owner: str, *, organisation_id: str | None = None) -> list[PayeeMoney]:
    """Every currency the payee `owner` (`org:<uuid>` with its `organisation_id`, or `user:<uuid>`)
    has money in, in currency order. Callers authorize first."""
    sums: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    netted = {r["currency"]: int(r["total"]) for r in await sql.rows(sql.reader(), _NETTED, [owner])}
    for key, bal in await ledger.balances(owner):
        figures = sums[key.currency]
        if key.kind is K.PROVIDER_PAYABLE:
            figures["available"] += bal.available
            figures["in_transit"] += bal.debits_pending
            figures["paid_out"] += bal.debits_posted - netted.get(key.currency, 0)
            figures["earnings"] += bal.credits_posted
        elif key.kind is K.PROVIDER_RECEIVABLE:
            figures["receivable"] += bal.posted
            figures["earnings"] += bal.credits_posted - netted.get(key.currency, 0) - bal.debits_posted
        elif key.kind is K.PROMO_CREDIT:
            figures["promo_credit"] += bal.available
    for currency, amount in (await held_shares(owner, organisation_id=organisation_id)).items():
        sums[currency]["pending"] += amount
    return [PayeeMoney(currency, **figures) for currency, figures in sorted(sums.items())]


async def held_shares(owner: str, *, organisation_id: str | None = None) -> dict[str, int]:
    """The payee's frozen shares of what their captured cases still hold (pending milestones)."""
    if organisation_id is not None:
        cases = PaymentCase.filter(organisation_id=organisation_id, state__in=list(CAPTURED))
    else:
        user_id = owner.removeprefix("user:")
        booking_ids = await Assignment.filter(serviceman_id=user_id).values_list("booking_id", flat=True)
        # Not only independent work: a crew split may give a member a share of an organisation's booking.
        cases = PaymentCase.filter(booking_id__in=list(booking_ids), state__in=list(CAPTURED))
    held: dict[str, int] = defaultdict(int)
    by_case = dict(await cases.values_list("id", "currency"))
    if not by_case:
        return held
    for milestone in await PaymentMilestone.filter(case_id__in=list(by_case), state=MilestoneState.PENDING):
        for share in (milestone.shares or {}).get("payees", []):
            if share.get("owner") == owner:
                held[by_case[milestone.case_id]] += int(share.get("amount", 0))
    return held
