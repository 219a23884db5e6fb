"""The payout view of a payee's balance (computed by the one read model,
domain/finance/balances/view.py) and a customer's promotional credit, which an admin grants as a
ledgered platform expense and nobody can withdraw (checkout spends it: domain/finance/promo.py)."""

from __future__ import annotations

from uuid import uuid4

from domain.access.policy import Permission, authorize
from domain.audit import services as audit
from domain.finance import ledger
from domain.finance.balances import view
from domain.finance.payouts import payees
from domain.finance.payouts.models import PayeeAccount
from domain.finance.payouts.payees import Payee
from domain.finance.payouts.views import BalanceView, CurrencyBalance
from domain.shared.context import Actor, RequestContext
from domain.shared.errors import NotFound, ValidationFailed
from domain.shared.ids import as_uuid
from domain.shared.money import Money
from domain.shared.uow import unit_of_work

K = ledger.AccountKind


async def balance(actor: Actor, payee: Payee) -> BalanceView:
    """Per currency: pending (held for their cases), available (payable), receivable (what
    they owe), withdrawable (available less receivable), in transit, paid out, and promotional
    credit (a customer's; not withdrawable): the read model's figures (domain/finance/balances/view.py)."""
    await payees.authorized(actor, Permission.PAYOUT_READ, payee)
    found = await view.payee_money(payee.owner, organisation_id=payee.organisation_id)
    account = await PayeeAccount.get_or_none(owner=payee.owner)
    return BalanceView(
        owner=payee.owner, payouts_enabled=bool(account and account.payouts_enabled),
        currencies=[CurrencyBalance(m.currency, m.pending, m.available, m.receivable, m.withdrawable, m.in_transit,
                                    m.paid_out, m.promo_credit) for m in found])


async def grant_promo(actor: Actor, user_id: str, amount: Money, reason: str, *,
                      context: RequestContext | None = None) -> BalanceView:
    """An admin grants promotional credit: a platform expense and a per-user liability,
    never paid out (only a checkout may use it)."""
    await authorize(actor, Permission.PROMO_GRANT)
    uid = as_uuid(user_id)
    if uid is None or not await payees.exists(Payee(f"user:{uid}", user_id=str(uid))):
        raise NotFound("No such user.")
    if amount.amount <= 0:
        raise ValidationFailed(errors=[{"field": "amount.amount", "message": "must be positive", "type": "value_error",
                                         "location": "body"}])
    context = context or RequestContext()
    owner = f"user:{uid}"
    grant_id = uuid4()
    async with unit_of_work() as uow:
        entry = await ledger.post(uow, ledger.EntryDraft(
            idempotency_key=f"promo:{grant_id}", kind="promo_grant", actor=f"user:{actor.user_id}",
            reason=(reason or "promotional credit")[:200], request_id=context.request_id,
            legs=(ledger.Leg(ledger.AccountKey(K.PROMO_EXPENSE, "platform", amount.currency), ledger.Side.DEBIT,
                             amount.amount),
                  ledger.Leg(ledger.AccountKey(K.PROMO_CREDIT, owner, amount.currency), ledger.Side.CREDIT,
                             amount.amount))))
        await audit.record(uow, actor=actor, action="promo.granted", subject_type="user", subject_id=str(uid),
                           context=context, after={"amount": amount.as_dict(), "entry_id": str(entry.id),
                                                   "reason": reason[:200]})
    return await balance(Actor(str(uid)), Payee(owner, user_id=str(uid)))
