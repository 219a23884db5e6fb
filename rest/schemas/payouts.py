"""Wire shapes of payouts: a payee's account and preferences, payouts, balances, crew split,
promotional credit."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from domain.finance.payouts.models import PayoutState, Schedule, SplitMode
from domain.finance.payouts.splits import SplitView
from domain.finance.payouts.views import (
    AccountView,
    BalanceView,
    Eligibility,
    KycStatus,
    OnboardingView,
    PayoutView,
)
from domain.shared.clock import isoformat
from rest.schemas.common import Currency, Instant, MoneyIn, MoneyOut, StrictIn


class PayoutEligibilityOut(BaseModel):
    """Shown on the organisation and serviceman profiles to the payee and the organisation's owner and
    managers (and admins); null for everyone else."""

    payouts_enabled: bool = Field(description="the payee can receive payouts now")
    kyc_status: KycStatus = Field(
        description="not_started: no connected account; in_progress: submitted, under review; action_required: "
                    "the gateway asks for more (see missing); verified: payouts enabled")
    missing: list[str] = Field(description="what is still needed: the gateway's requirements due, or onboarding")
    synced_at: Instant | None = Field(description="when the account's state was last read from the gateway")

    @classmethod
    def maybe(cls, e: Eligibility | None) -> PayoutEligibilityOut | None:
        if e is None:
            return None
        return cls(payouts_enabled=e.payouts_enabled, kyc_status=e.kyc_status,
                   missing=list(e.missing), synced_at=isoformat(e.synced_at) if e.synced_at else None)


Url = Field(min_length=8, max_length=500, pattern=r"^https?://[^\s]+$", examples=["https://app.example.com/payouts"])


class OnboardingIn(StrictIn):
    country: str | None = Field(None, pattern=r"^[A-Za-z]{2}$", description="ISO 3166-1 alpha-2 (first time)")
    business_type: Literal["individual", "company"] | None = None
    refresh_url: str = Url
    return_url: str = Url


class AccountOut(BaseModel):
    payee: str
    onboarded: bool
    account_id: str | None
    payouts_enabled: bool = Field(description="eligible for payouts")
    charges_enabled: bool
    details_submitted: bool
    requirements_due: list[str]
    schedule: str = Field(description="on_release, daily, weekly or manual")
    weekly_day: int
    minimum: int = Field(description="the smallest payout, minor units")
    requests_per_day: int
    synced_at: Instant | None

    @classmethod
    def of(cls, v: AccountView) -> AccountOut:
        return cls(payee=v.owner, onboarded=v.onboarded, account_id=v.account_id, payouts_enabled=v.payouts_enabled,
                   charges_enabled=v.charges_enabled, details_submitted=v.details_submitted,
                   requirements_due=list(v.requirements_due), schedule=v.schedule.value, weekly_day=v.weekly_day,
                   minimum=v.minimum, requests_per_day=v.requests_per_day,
                   synced_at=isoformat(v.synced_at) if v.synced_at else None)


class OnboardingOut(BaseModel):
    account: AccountOut
    url: str = Field(description="the gateway's hosted onboarding page (single use)")

    @classmethod
    def of(cls, v: OnboardingView) -> OnboardingOut:
        return cls(account=AccountOut.of(v.account), url=v.url)


class PayoutPreferencesIn(StrictIn):
    schedule: Schedule
    weekly_day: int = Field(0, ge=0, le=6, description="0 = Monday (weekly schedule)")


class PayoutRequestIn(StrictIn):
    amount: MoneyIn | None = Field(None, description="how much; everything withdrawable when absent")
    currency: Currency | None = Field(None, description="with no amount: which currency's payable")


class PayoutOut(BaseModel):
    id: str
    payee: str
    region: str | None = Field(None, description="data residency (REGIONS), from its payee at creation")
    amount: MoneyOut
    netted: MoneyOut = Field(description="what the payee owed us, settled from the payable first")
    state: PayoutState
    trigger: str = Field(description="requested, enabled or scheduled")
    failure: str
    transfer_id: str | None
    created_at: Instant
    updated_at: Instant

    @classmethod
    def of(cls, v: PayoutView) -> PayoutOut:
        return cls(id=v.id, payee=v.owner, region=v.region, amount=MoneyOut.of(v.amount), netted=MoneyOut.of(v.netted),
                   state=PayoutState(v.state),
                   trigger=v.trigger, failure=v.failure, transfer_id=v.transfer_id,
                   created_at=isoformat(v.created_at), updated_at=isoformat(v.updated_at))


class PayoutListQuery(StrictIn):
    before: str | None = Field(None, max_length=36, description="a payout id: the page before it")
    limit: int = Field(50, ge=1, le=200)


class PayoutPage(BaseModel):
    items: list[PayoutOut]


class CurrencyBalanceOut(BaseModel):
    currency: str
    pending: int = Field(description="held for your cases, not released yet")
    available: int = Field(description="owed to you now (provider payable)")
    receivable: int = Field(description="what you owe (a refund after payout), netted from the next payouts")
    withdrawable: int
    in_transit: int
    paid_out: int
    promo_credit: int = Field(description="promotional credit: spendable, never withdrawable")


class BalanceOut(BaseModel):
    payee: str
    payouts_enabled: bool
    currencies: list[CurrencyBalanceOut]

    @classmethod
    def of(cls, v: BalanceView) -> BalanceOut:
        return cls(payee=v.owner, payouts_enabled=v.payouts_enabled, currencies=[
            CurrencyBalanceOut(currency=c.currency, pending=c.pending, available=c.available, receivable=c.receivable,
                               withdrawable=c.withdrawable, in_transit=c.in_transit, paid_out=c.paid_out,
                               promo_credit=c.promo_credit) for c in v.currencies])


class CrewSplitIn(StrictIn):
    mode: SplitMode
    member_bps: dict[str, int] = Field(default_factory=dict, max_length=19,
                                       description="fixed: user id -> basis points of the payee part")
    lead_bonus_bps: int = Field(0, ge=0, le=10_000, description="lead_bonus: the lead serviceman's basis points")
    version: int | None = Field(None, ge=0, le=2**31 - 1, description="the version you read (optimistic check)")


class CrewSplitOut(BaseModel):
    organisation_id: str
    mode: str = Field(description="organisation, fixed or lead_bonus")
    member_bps: dict[str, int]
    lead_bonus_bps: int
    version: int

    @classmethod
    def of(cls, v: SplitView) -> CrewSplitOut:
        return cls(organisation_id=v.organisation_id, mode=v.mode.value, member_bps=dict(v.member_bps),
                   lead_bonus_bps=v.lead_bonus_bps, version=v.version)


class PromoGrantIn(StrictIn):
    user_id: str = Field(min_length=36, max_length=36)
    amount: MoneyIn
    reason: str = Field("", max_length=200)
