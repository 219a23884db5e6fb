"""Wire shapes of pricing: quotes (the breakdown an app shows before checkout), pricing rules
and sellers' pricing profiles (admins)."""

from __future__ import annotations

from typing import Annotated, Literal, Self

from pydantic import BaseModel, ConfigDict, Field, model_validator

from domain.finance.pricing.breakdown import Breakdown, CancellationTerms
from domain.finance.pricing.models import CancellationRule, CommissionRule, SellerProfile, TaxRule
from domain.shared.clock import isoformat
from domain.shared.money import Money
from rest.schemas.common import Instant, MoneyIn, MoneyOut, StrictIn

BasisPoints = Annotated[int, Field(ge=0, le=10_000, description="basis points: 1500 = 15 %")]
Version = Annotated[int, Field(ge=1, le=2**31 - 1, description="the version you read; a stale one is a 409")]
Note = Annotated[str, Field(max_length=300)]
IdText = Annotated[str, Field(min_length=1, max_length=64)]
Plan = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_-]{0,31}$", description="a seller plan, e.g. standard, pro")]
Jurisdiction = Annotated[str, Field(pattern=r"^(\*|[A-Z]{2}(-[A-Z0-9]{1,3})?)$", examples=["GB"],
                                    description="ISO 3166 country or subdivision (GB, US-CA), or * for everywhere")]


class QuoteIn(StrictIn):
    """Exactly one of: a published service; a placed bid; an amount you would bid on an open job."""

    model_config = ConfigDict(json_schema_extra={"examples": [
        {"service_id": "3fa85f64-5717-4562-b3fc-2c963f66afa6", "zone_id": "9b2f1c3e-0d4a-4e8f-a1b2-c3d4e5f60718"}]})

    service_id: IdText | None = Field(None, description="quote booking this published service")
    zone_id: IdText | None = Field(None, description="with service_id: the zone the job would be done in")
    bid_id: IdText | None = Field(None, description="quote accepting this bid (the job's customer or the bidder)")
    job_id: IdText | None = Field(None, description="with amount: what a bid of this amount would come to")
    amount: MoneyIn | None = None

    @model_validator(mode="after")
    def _one_subject(self) -> QuoteIn:
        chosen = [self.service_id is not None, self.bid_id is not None, self.job_id is not None]
        if sum(chosen) != 1:
            raise ValueError("give exactly one of service_id, bid_id, job_id")
        if (self.job_id is not None) != (self.amount is not None):
            raise ValueError("job_id and amount go together")
        if self.zone_id is not None and self.service_id is None:
            raise ValueError("zone_id goes with service_id")
        return self


class PayeeShareOut(BaseModel):
    payee: str = Field(description="org:<uuid> or user:<uuid>")
    weight: int
    amount: MoneyOut


class RatesOut(BaseModel):
    commission_bps: int
    service_tax_bps: int
    fee_vat_bps: int
    jurisdiction: str


class TaxOwedOut(BaseModel):
    service_tax: Literal["seller", "platform"] = Field(
        description="seller: VAT of a VAT-registered seller, passed on; platform: a tax the platform remits")
    fee_vat: Literal["platform"] = Field(description="VAT on the platform fee: the platform owes it")


class CancellationOut(BaseModel):
    free_until_hours: int = Field(description="cancelling at least this long before the start costs nothing")
    fee_bps: int = Field(description="later, this share of the customer total is kept")
    provider_share_bps: int = Field(description="the payees' share of that fee; the platform keeps the rest")

    @classmethod
    def of(cls, terms: CancellationTerms) -> CancellationOut:
        return cls(free_until_hours=terms.free_until_hours, fee_bps=terms.fee_bps,
                   provider_share_bps=terms.provider_share_bps)


class BreakdownOut(BaseModel):
    """All amounts in minor units of one currency, adding up exactly:
    customer_total = platform_fee + fee_vat + service_tax + sum(payees[].amount)."""

    currency: str
    price: MoneyOut = Field(description="the seller's price, before tax")
    service_tax: MoneyOut = Field(description="tax on the service, charged to the customer on top of the price")
    platform_fee: MoneyOut = Field(description="the platform's commission, out of the price")
    fee_vat: MoneyOut = Field(description="VAT on the platform fee, out of the payees' shares")
    customer_total: MoneyOut = Field(description="what the customer pays: price + service_tax")
    payees: list[PayeeShareOut] = Field(description="what each payee receives (largest remainder; ties to the first)")
    rates: RatesOut
    tax_owed: TaxOwedOut
    cancellation: CancellationOut
    rules: dict[str, str] = Field(description="the rule ids used (commission, tax, cancellation; default = built in)")

    @classmethod
    def of(cls, b: Breakdown) -> Self:
        return cls.model_validate(b.as_dict())


class QuoteOut(BreakdownOut):
    promo_credit: MoneyOut = Field(description="your promotional credit a checkout would spend now (applied by "
                                   "default; the card is always charged at least the gateway's minimum)")
    to_pay: MoneyOut = Field(description="what your payment method would be charged: customer_total - promo_credit")

    @classmethod
    def priced(cls, b: Breakdown, credit: Money) -> QuoteOut:
        return cls.model_validate({**b.as_dict(), "promo_credit": credit.as_dict(),
                                   "to_pay": Money(b.customer_total.amount - credit.amount, credit.currency).as_dict()})


class ScopeFields(StrictIn):
    category_id: IdText | None = Field(None, description="a category slug; also covers its subcategories")
    zone_id: IdText | None = None
    plan: Plan | None = None


class CommissionRuleIn(ScopeFields):
    basis_points: BasisPoints
    note: Note = ""


class CommissionRulePutIn(CommissionRuleIn):
    version: Version | None = None


class CancellationRuleIn(ScopeFields):
    free_until_hours: int = Field(ge=0, le=24 * 365)
    fee_bps: BasisPoints
    provider_share_bps: BasisPoints
    note: Note = ""


class CancellationRulePutIn(CancellationRuleIn):
    version: Version | None = None


class TaxRuleIn(StrictIn):
    jurisdiction: Jurisdiction
    service_tax_bps: BasisPoints
    registered_only: bool = Field(description="true: VAT, only for VAT-registered sellers; false: every sale")
    fee_vat_bps: BasisPoints = 0
    note: Note = ""


class TaxRulePutIn(TaxRuleIn):
    version: Version | None = None


class CommissionRuleOut(BaseModel):
    id: str
    category_id: str | None
    zone_id: str | None
    plan: str | None
    basis_points: int
    note: str
    version: int
    updated_at: Instant

    @classmethod
    def of(cls, r: CommissionRule) -> CommissionRuleOut:
        return cls(id=str(r.id), category_id=r.category_id, zone_id=str(r.zone_id) if r.zone_id else None,
                   plan=r.plan, basis_points=r.basis_points, note=r.note, version=r.version,
                   updated_at=isoformat(r.updated_at))


class CancellationRuleOut(BaseModel):
    id: str
    category_id: str | None
    zone_id: str | None
    plan: str | None
    free_until_hours: int
    fee_bps: int
    provider_share_bps: int
    note: str
    version: int
    updated_at: Instant

    @classmethod
    def of(cls, r: CancellationRule) -> CancellationRuleOut:
        return cls(id=str(r.id), category_id=r.category_id, zone_id=str(r.zone_id) if r.zone_id else None,
                   plan=r.plan, free_until_hours=r.free_until_hours, fee_bps=r.fee_bps,
                   provider_share_bps=r.provider_share_bps, note=r.note, version=r.version,
                   updated_at=isoformat(r.updated_at))


class TaxRuleOut(BaseModel):
    id: str
    jurisdiction: str
    service_tax_bps: int
    registered_only: bool
    fee_vat_bps: int
    note: str
    version: int
    updated_at: Instant

    @classmethod
    def of(cls, r: TaxRule) -> TaxRuleOut:
        return cls(id=str(r.id), jurisdiction=r.jurisdiction, service_tax_bps=r.service_tax_bps,
                   registered_only=r.registered_only, fee_vat_bps=r.fee_vat_bps, note=r.note, version=r.version,
                   updated_at=isoformat(r.updated_at))


class RulesOut(BaseModel):
    """Rules in force; where a list has no rule covering a sale, the built-in default applies
    (commission 15 %; tax 5 % on every sale; cancellation free until 24 h, then 50 %, 80 % of it
    to the provider)."""

    commission: list[CommissionRuleOut]
    tax: list[TaxRuleOut]
    cancellation: list[CancellationRuleOut]


class SellerProfileIn(StrictIn):
    plan: Plan = "standard"
    vat_registered: bool = False
    vat_number: str = Field("", max_length=32, pattern=r"^[A-Za-z0-9 .-]*$")
    jurisdiction: Annotated[str, Field(pattern=r"^([A-Z]{2}(-[A-Z0-9]{1,3})?)?$",
                                       description="ISO 3166 code; empty: the default (*) rules")] = ""
    version: int | None = Field(None, ge=0, le=2**31 - 1, description="the version you read (0: none yet)")


class SellerProfileOut(BaseModel):
    seller: str
    plan: str
    vat_registered: bool
    vat_number: str
    jurisdiction: str
    version: int

    @classmethod
    def of(cls, p: SellerProfile) -> SellerProfileOut:
        return cls(seller=p.seller, plan=p.plan, vat_registered=p.vat_registered, vat_number=p.vat_number,
                   jurisdiction=p.jurisdiction, version=p.version)
