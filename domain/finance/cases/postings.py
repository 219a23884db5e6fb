"""The ledger entries of a case, built from its frozen shares (docs/finance.md, the ledger's
contract). Keys are deterministic so a replay is a no-op: `case:<id>:<step>` for our own
decisions, `gw:<gateway object>:<kind>` for what the gateway reports."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from domain.finance.ledger import AccountKey, AccountKind, EntryDraft, Leg, Side

PLATFORM = "platform"
K = AccountKind


def held(case_id: UUID, currency: str) -> AccountKey:
    return AccountKey(K.CASE_HELD, f"case:{case_id}", currency)


def platform(kind: AccountKind, currency: str) -> AccountKey:
    return AccountKey(kind, PLATFORM, currency)


def authorize(case_id: UUID, currency: str, amount: int, *, key: str, actor: str,
              request_id: str | None) -> EntryDraft:
    """A two-phase hold: the card's authorization, resolved by the capture or a void."""
    return EntryDraft(
        idempotency_key=key, kind="authorize", case_id=case_id, pending=True, actor=actor,
        reason="card authorized at checkout", request_id=request_id,
        legs=(Leg(platform(K.GATEWAY_PENDING, currency), Side.DEBIT, amount),
              Leg(held(case_id, currency), Side.CREDIT, amount)),
    )


def settle(case_id: UUID, currency: str, amount: int, *, key: str, actor: str) -> EntryDraft:
    """Captured money moves from pending at the gateway to the gateway balance."""
    return EntryDraft(
        idempotency_key=key, kind="capture_settle", case_id=case_id, actor=actor, reason="captured at the gateway",
        legs=(Leg(platform(K.GATEWAY_BALANCE, currency), Side.DEBIT, amount),
              Leg(platform(K.GATEWAY_PENDING, currency), Side.CREDIT, amount)),
    )


def release(case_id: UUID, currency: str, shares: dict[str, Any], netted: dict[str, int], *, key: str,
            actor: str, reason: str, request_id: str | None) -> EntryDraft:
    """Held money to every payee's payable (less what they owe us: `netted` settles their
    receivable first), the platform's commission and the tax authority."""
    legs: list[Leg] = [Leg(held(case_id, currency), Side.DEBIT, shares["total"])]
    for payee in shares["payees"]:
        owed = netted.get(payee["owner"], 0)
        if payee["amount"] - owed > 0:
            legs.append(Leg(AccountKey(K.PROVIDER_PAYABLE, payee["owner"], currency), Side.CREDIT,
                            payee["amount"] - owed))
        if owed > 0:
            legs.append(Leg(AccountKey(K.PROVIDER_RECEIVABLE, payee["owner"], currency), Side.CREDIT, owed))
    if shares["commission"] > 0:
        legs.append(Leg(platform(K.PLATFORM_COMMISSION, currency), Side.CREDIT, shares["commission"]))
    if shares["tax"] > 0:
        legs.append(Leg(AccountKey(K.TAX_PAYABLE, shares["tax_owner"], currency), Side.CREDIT, shares["tax"]))
    return EntryDraft(idempotency_key=key, kind="release", case_id=case_id, actor=actor, reason=reason[:200],
                      request_id=request_id, legs=_merge(legs))


def refund(case_id: UUID, currency: str, from_held: int, after_release: dict[str, Any] | None, *, key: str,
           actor: str, reason: str, request_id: str | None,
           credit: AccountKind = AccountKind.GATEWAY_BALANCE, to_credit: Leg | None = None) -> EntryDraft:
    """Money back to the card: first from what the case still holds; any rest from what was
    released, which the payees then owe us (a visible receivable, netted against their next
    releases), with the platform's commission and the tax given back in proportion.
    `to_credit`: the part that goes back to the customer's promotional credit, not the card."""
    total = from_held + (after_release["total"] if after_release else 0)
    legs: list[Leg] = []
    if from_held > 0:
        legs.append(Leg(held(case_id, currency), Side.DEBIT, from_held))
    if after_release:
        for payee in after_release["payees"]:
            if payee["amount"] > 0:
                legs.append(Leg(AccountKey(K.PROVIDER_RECEIVABLE, payee["owner"], currency), Side.DEBIT,
                                payee["amount"]))
        if after_release["commission"] > 0:
            legs.append(Leg(platform(K.PLATFORM_COMMISSION, currency), Side.DEBIT, after_release["commission"]))
        if after_release["tax"] > 0:
            legs.append(Leg(AccountKey(K.TAX_PAYABLE, after_release["tax_owner"], currency), Side.DEBIT,
                            after_release["tax"]))
    if to_credit is not None:
        legs.append(to_credit)
        total -= to_credit.amount
    legs.append(Leg(platform(credit, currency), Side.CREDIT, total))  # dispute_suspense: a lost chargeback
    kind = "refund" if credit is K.GATEWAY_BALANCE else "chargeback_lost"
    return EntryDraft(idempotency_key=key, kind=kind, case_id=case_id, actor=actor, reason=reason[:200],
                      request_id=request_id, legs=_merge(legs))


def transfer(case_id: UUID, currency: str, owner: str, amount: int, *, key: str, actor: str) -> EntryDraft:
    """A transfer to the payee's connected account went through: their payable is paid."""
    return EntryDraft(
        idempotency_key=key, kind="transfer", case_id=case_id, actor=actor, reason="transfer to the payee",
        legs=(Leg(AccountKey(K.PROVIDER_PAYABLE, owner, currency), Side.DEBIT, amount),
              Leg(platform(K.GATEWAY_BALANCE, currency), Side.CREDIT, amount)),
    )


def _merge(legs: list[Leg]) -> tuple[Leg, ...]:
    """One leg per (account, side): two payees may be the same owner."""
    merged: dict[tuple[AccountKey, Side], int] = {}
    for leg in legs:
        merged[(leg.account, leg.side)] = merged.get((leg.account, leg.side), 0) + leg.amount
    return tuple(Leg(account, side, amount) for (account, side), amount in merged.items() if amount > 0)
