"""What callers get back from payouts: plain frozen data (rest/ turns it into JSON)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from domain.finance.payouts.models import PayeeAccount, Payout, Schedule
from domain.shared.money import Money


@dataclass(frozen=True)
class AccountView:
    owner: str
    onboarded: bool                     # a connected account exists
    account_id: str | None
    payouts_enabled: bool               # eligible for payouts
    charges_enabled: bool
    details_submitted: bool
    requirements_due: tuple[str, ...]
    schedule: Schedule
    weekly_day: int
    minimum: int                        # minor units
    requests_per_day: int
    synced_at: datetime | None

    @staticmethod
    def of(row: PayeeAccount | None, owner: str, minimum: int, per_day: int) -> AccountView:
        if row is None:
            return AccountView(owner, False, None, False, False, False, (), Schedule.ON_RELEASE, 0, minimum, per_day,
                               None)
        return AccountView(row.owner, row.account_id is not None, row.account_id, row.payouts_enabled,
                           row.charges_enabled, row.details_submitted, tuple(row.requirements_due or ()),
                           row.schedule, row.weekly_day, minimum, per_day, row.synced_at)


@dataclass(frozen=True)
class OnboardingView:
    account: AccountView
    url: str


@dataclass(frozen=True)
class PayoutView:
    id: str
    owner: str
    amount: Money
    netted: Money
    state: str
    trigger: str
    failure: str
    transfer_id: str | None
    created_at: datetime
    updated_at: datetime
    region: str | None = None

    @staticmethod
    def of(row: Payout) -> PayoutView:
        return PayoutView(str(row.id), row.owner, Money(row.amount, row.currency), Money(row.netted, row.currency),
                          row.state.value, row.trigger.value, row.failure, row.transfer_id, row.created_at,
                          row.updated_at, row.region)


@dataclass(frozen=True)
class CurrencyBalance:
    currency: str
    pending: int        # held for their cases, not released yet
    available: int      # provider_payable not reserved by a payout under way
    receivable: int     # what they owe us (a refund after payout)
    withdrawable: int   # available less receivable
    in_transit: int     # reserved by payouts under way
    paid_out: int
    promo_credit: int   # promotional credit (customers): spendable at checkout, never withdrawable

    @staticmethod
    def of(currency: str, values: Mapping[str, int]) -> CurrencyBalance:
        available, owed = values.get("available", 0), values.get("receivable", 0)
        return CurrencyBalance(currency, values.get("pending", 0), available, owed, max(0, available - owed),
                               values.get("in_transit", 0), values.get("paid_out", 0), values.get("promo_credit", 0))


@dataclass(frozen=True)
class BalanceView:
    owner: str
    payouts_enabled: bool
    currencies: list[CurrencyBalance]


KycStatus = Literal["not_started", "in_progress", "action_required", "verified"]


@dataclass(frozen=True)
class Eligibility:
    """Can this payee receive payouts, and if not, what is missing (profile views, accounts.eligibility).
    `kyc_status`: not_started (no connected account) | in_progress (submitted, under review) |
    action_required (the gateway asks for more: `missing`) | verified (payouts enabled)."""

    payouts_enabled: bool
    kyc_status: KycStatus
    missing: tuple[str, ...]    # the gateway's requirements due, or "onboarding" before it started
    synced_at: datetime | None

    @staticmethod
    def of(row: PayeeAccount | None) -> Eligibility:
        if row is None or row.account_id is None:
            return Eligibility(False, "not_started", ("onboarding",), None)
        due = tuple(row.requirements_due or ())
        status: KycStatus
        if row.payouts_enabled:
            status = "verified"
        elif due or not row.details_submitted:
            status = "action_required"
        else:
            status = "in_progress"
        missing = due or (() if row.payouts_enabled or row.details_submitted else ("details_submitted",))
        return Eligibility(row.payouts_enabled, status, missing, row.synced_at)
