"""Balances are views, never a stored value (no wallet): per payee and currency, what is held
for their cases, what they are owed (provider_payable), owe (provider_receivable), have had paid
out, and a customer's promotional credit, which an admin grants as a ledgered platform expense
and nobody can withdraw."""

from __future__ import annotations

from uuid import uuid4

from domain.access.policy import Permission, authorize
from domain.audit import services as audit
from domain.bookings.models import Assignment
from domain.finance import ledger
from domain.finance.cases.models import CaseState, MilestoneState, PaymentCase, PaymentMilestone
from domain.finance.payouts import payees
from domain.finance.payouts.models import PayeeAccount, Payout
from domain.finance.payouts.payees import Payee
from domain.finance.payouts.views import BalanceView, CurrencyBalance
from domain.shared.context import Actor, RequestContext
from domain.shared.errors import NotFound, ValidationFailed
from domain.shared.ids import as_uuid
from domain.shared.money import Money
from domain.shared.uow import unit_of_work

K = ledger.AccountKind
HELD_STATES = (CaseState.HELD, CaseState.RELEASE_PENDING, CaseState.PARTIALLY_REFUNDED)


async def balance(actor: Actor, payee: Payee) -> BalanceView:
    """Per currency: pending (held for their cases), available (payable), receivable (what
    they owe), withdrawable (available less receivable), paid out, and promotional credit
    (a customer's; not withdrawable)."""
    await payees.authorized(actor, Permission.PAYOUT_READ, payee)
    sums: dict[str, dict[str, int]] = {}

    def add(currency: str, name: str, value: int) -> None:
        sums.setdefault(currency, {}).setdefault(name, 0)
        sums[currency][name] += value

    netted: dict[str, int] = {}
    for row in await Payout.filter(owner=payee.owner, netted__gt=0).values("currency", "netted"):
        netted[row["currency"]] = netted.get(row["currency"], 0) + int(row["netted"])
    for key, bal in await ledger.balances(payee.owner):
        if key.kind is K.PROVIDER_PAYABLE:
            add(key.currency, "available", bal.available)
            add(key.currency, "paid_out", bal.debits_posted - netted.get(key.currency, 0))
            add(key.currency, "in_transit", -bal.pending if bal.pending < 0 else 0)
        elif key.kind is K.PROVIDER_RECEIVABLE:
            add(key.currency, "receivable", bal.posted)
        elif key.kind is K.PROMO_CREDIT:
            add(key.currency, "promo_credit", bal.available)
    for currency, amount in (await _held_for(payee)).items():
        add(currency, "pending", amount)
    account = await PayeeAccount.get_or_none(owner=payee.owner)
    return BalanceView(
        owner=payee.owner, payouts_enabled=bool(account and account.payouts_enabled),
        currencies=[CurrencyBalance.of(currency, values) for currency, values in sorted(sums.items())])


async def _held_for(payee: Payee) -> dict[str, int]:
    if payee.organisation_id is not None:
        cases = PaymentCase.filter(organisation_id=payee.organisation_id, state__in=HELD_STATES)
    else:
        bookings = await Assignment.filter(serviceman_id=payee.user_id).values_list("booking_id", flat=True)
        cases = PaymentCase.filter(booking_id__in=list(bookings), state__in=HELD_STATES)
    ids = await cases.values_list("id", "currency")
    currency_of = {case_id: currency for case_id, currency in ids}
    held: dict[str, int] = {}
    if not currency_of:
        return held
    for milestone in await PaymentMilestone.filter(case_id__in=list(currency_of), state=MilestoneState.PENDING):
        for share in (milestone.shares or {}).get("payees", []):
            if share.get("owner") == payee.owner:
                currency = currency_of[milestone.case_id]
                held[currency] = held.get(currency, 0) + int(share.get("amount", 0))
    return held


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
