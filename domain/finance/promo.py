"""Promotional credit spent at checkout (issue 13 item 7; docs/money-api.md "Promotional credit").

An admin's grant is already a platform expense (promo_expense / promo_credit of `user:<id>`,
domain/finance/payouts/balances.py). Spending it moves the customer's promo_credit into the
case's held funds, so the case holds its whole total while the card is charged only the rest:
the payees' shares, the commission and the tax are computed on the whole total (the provider is
paid as if the card had paid everything; the platform bore the credit when it granted it).

The rules, one place:
- **Applied by default**, as a customer expects of credit they were given; a checkout may send
  `use_promo_credit: false` to keep it. The quote shows what would apply.
- **The card is charged at least a minimum** (`MIN_CARD_CHARGE`, the gateway's smallest charge):
  credit covers at most `total - minimum` (no zero-amount authorizations).
- **Reserved, then spent.** Checkout posts a pending hold (promo_credit -> case_held) keyed by
  the attempt; the capture posts it; a void, an expiry or a declined card voids it (the credit is
  back). A retried checkout reserves again under the new attempt's key.
- **Refunds give card money back first, credit last.** Of the cumulative refunds, the first
  `card_amount` go to the card; only what exceeds it goes back to credit (so a partial refund or
  a cancellation fee is paid out of the credit before the card).
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from domain.finance import ledger
from domain.shared.money import Money, exponent_of
from domain.shared.uow import UnitOfWork

K = ledger.AccountKind

# The smallest amount a gateway charges a card, by the currency's exponent (Stripe: USD/EUR 0.50,
# JPY 50, KWD 0.500 are within these): credit never brings the card below it.
MIN_CARD_CHARGE = {0: 50, 2: 50, 3: 500}


def credit_account(user_id: object, currency: str) -> ledger.AccountKey:
    return ledger.AccountKey(K.PROMO_CREDIT, f"user:{user_id}", currency)


def minimum_charge(currency: str) -> int:
    return MIN_CARD_CHARGE.get(exponent_of(currency), 50)


async def available(user_id: object, currency: str) -> int:
    """The customer's spendable credit in this currency (posted, less what checkouts reserved)."""
    return max(0, (await ledger.balance(credit_account(user_id, currency))).available)


def applicable(credit: int, total: int, currency: str) -> int:
    """How much of `credit` a total of `total` uses: all of it, up to the total less the card's minimum."""
    return max(0, min(credit, total - minimum_charge(currency)))


async def would_apply(user_id: object, total: Money) -> Money:
    """What a checkout of `total` by this customer would take from their credit now (the quote)."""
    return Money(applicable(await available(user_id, total.currency), total.amount, total.currency), total.currency)


def card_amount(case: Any) -> int:
    """What the payment method is charged for this case (its total less the credit spent)."""
    return int(case.amount) - int(case.promo_amount)


def refund_split(case: Any, value: int) -> tuple[int, int]:
    """A refund of `value` as (to the card, back to credit): card money first, credit last."""
    card = card_amount(case)
    before = int(case.refunded_amount)
    to_card = min(before + value, card) - min(before, card)
    return to_card, value - to_card


def card_refunded(case: Any) -> int:
    """What went back to the card so far (the gateway's amount_refunded, when it agrees with us)."""
    return min(int(case.refunded_amount), card_amount(case))


async def reserve(uow: UnitOfWork, case: Any, amount: int, *, actor: str, request_id: str | None) -> UUID | None:
    """The pending hold of `amount` credit for this attempt (nothing when `amount` is 0).
    InsufficientFunds (409) when a concurrent checkout spent it first."""
    if amount <= 0:
        return None
    entry = await ledger.post(uow, ledger.EntryDraft(
        idempotency_key=f"case:{case.id}:promo:a{case.attempt}", kind="promo_reserve", case_id=case.id, pending=True,
        actor=actor, reason="promotional credit applied at checkout", request_id=request_id,
        legs=(ledger.Leg(credit_account(case.customer_id, case.currency), ledger.Side.DEBIT, amount),
              ledger.Leg(ledger.AccountKey(K.CASE_HELD, f"case:{case.id}", case.currency), ledger.Side.CREDIT,
                         amount))))
    return entry.id


async def settle(uow: UnitOfWork, case: Any, *, spend: bool, actor: str, reason: str) -> None:
    """Post the reserved credit (captured: it is spent) or void it (the credit is back)."""
    if case.promo_entry_id is None:
        return
    step = "spent" if spend else "released"
    key = f"case:{case.id}:promo:a{case.attempt}:{step}"
    await ledger.resolve_pending(uow, case.promo_entry_id, post=spend, key=key, actor=actor, reason=reason[:200])


def refund_leg(case: Any, to_credit: int) -> ledger.Leg | None:
    """The credit given back by a refund (credit last), or None."""
    if to_credit <= 0:
        return None
    return ledger.Leg(credit_account(case.customer_id, case.currency), ledger.Side.CREDIT, to_credit)
