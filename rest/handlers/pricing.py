"""Pricing: quotes before checkout; pricing rules and sellers' pricing profiles (admins)."""

from __future__ import annotations

from domain.finance import promo
from domain.finance.pricing import admin, quotes
from domain.finance.pricing.admin import CancellationDraft, CommissionDraft, ScopeDraft, SellerDraft, TaxDraft
from domain.shared.errors import ConflictReason, ErrorCode, ValidationFailed
from rest.routing import ApiRequest, RouteTable
from rest.schemas.pricing import (
    CancellationRuleIn,
    CancellationRuleOut,
    CancellationRulePutIn,
    CommissionRuleIn,
    CommissionRuleOut,
    CommissionRulePutIn,
    QuoteIn,
    QuoteOut,
    RulesOut,
    ScopeFields,
    SellerProfileIn,
    SellerProfileOut,
    TaxRuleIn,
    TaxRuleOut,
    TaxRulePutIn,
)

routes = RouteTable(tags=("pricing",))
E = ErrorCode
R = ConflictReason


@routes.post("/quotes", body=QuoteIn, response=QuoteOut, auth=True,
             errors=(E.NOT_FOUND, E.FORBIDDEN, E.CONFLICT), reasons=(R.NOT_ALLOWED,),
             summary="The price breakdown an app shows before checkout",
             description="For a published service (optionally in a zone), a placed bid (its job's customer or the "
                         "bidder), or an amount you would bid on an open job. The same rules price the booking "
                         "when it is made; the booking then keeps its breakdown whatever the rules become. "
                         "`promo_credit` and `to_pay`: what your promotional credit would cover at checkout now.")
async def create_quote(req: ApiRequest[QuoteIn, None]) -> QuoteOut:
    body = req.body
    if body.service_id is not None:
        breakdown = await quotes.quote_service(req.actor, body.service_id, zone_id=body.zone_id)
    elif body.bid_id is not None:
        breakdown = await quotes.quote_bid(req.actor, body.bid_id)
    elif body.job_id is not None and body.amount is not None:  # the schema allows nothing else
        breakdown = await quotes.quote_job_amount(req.actor, body.job_id, body.amount.money())
    else:
        raise ValidationFailed("Give exactly one of service_id, bid_id, job_id.")
    return QuoteOut.priced(breakdown, await promo.would_apply(req.actor.user_id, breakdown.customer_total))


@routes.get("/pricing/rules", response=RulesOut, auth=True, errors=(E.FORBIDDEN,),
            summary="The pricing rules in force (admins)")
async def list_rules(req: ApiRequest[None, None]) -> RulesOut:
    rules = await admin.list_rules(req.actor)
    return RulesOut(commission=[CommissionRuleOut.of(r) for r in rules.commission],
                    tax=[TaxRuleOut.of(r) for r in rules.tax],
                    cancellation=[CancellationRuleOut.of(r) for r in rules.cancellation])


def _scope(body: ScopeFields) -> ScopeDraft:
    return ScopeDraft(category_id=body.category_id, zone_id=body.zone_id, plan=body.plan)


def _commission(body: CommissionRuleIn) -> CommissionDraft:
    return CommissionDraft(_scope(body), body.basis_points, body.note)


def _cancellation(body: CancellationRuleIn) -> CancellationDraft:
    return CancellationDraft(_scope(body), body.free_until_hours, body.fee_bps, body.provider_share_bps, body.note)


def _tax(body: TaxRuleIn) -> TaxDraft:
    return TaxDraft(body.jurisdiction, body.service_tax_bps, body.registered_only, body.fee_vat_bps, body.note)


WRITE_ERRORS = (E.FORBIDDEN, E.CONFLICT)
ID_WRITE_ERRORS = (E.FORBIDDEN, E.NOT_FOUND, E.CONFLICT)
WRITE_REASONS = (R.STALE_VERSION, R.DUPLICATE)


@routes.post("/pricing/commission-rules", body=CommissionRuleIn, response=CommissionRuleOut, status=201, auth=True,
             errors=WRITE_ERRORS, reasons=(R.DUPLICATE,),
             summary="Add a commission rule (admins; most specific scope wins)")
async def create_commission_rule(req: ApiRequest[CommissionRuleIn, None]) -> CommissionRuleOut:
    return CommissionRuleOut.of(await admin.save_commission_rule(req.actor, req.context, _commission(req.body)))


@routes.put("/pricing/commission-rules/{rule_id}", body=CommissionRulePutIn, response=CommissionRuleOut, auth=True,
            errors=ID_WRITE_ERRORS, reasons=WRITE_REASONS,
            summary="Change a commission rule (admins; existing bookings keep their price)")
async def update_commission_rule(req: ApiRequest[CommissionRulePutIn, None]) -> CommissionRuleOut:
    return CommissionRuleOut.of(await admin.save_commission_rule(
        req.actor, req.context, _commission(req.body), req.params["rule_id"], req.body.version))


@routes.delete("/pricing/commission-rules/{rule_id}", status=204, auth=True, errors=ID_WRITE_ERRORS[:2],
               summary="Remove a commission rule (admins)")
async def delete_commission_rule(req: ApiRequest[None, None]) -> None:
    await admin.delete_rule(req.actor, req.context, "commission_rule", req.params["rule_id"])


@routes.post("/pricing/cancellation-rules", body=CancellationRuleIn, response=CancellationRuleOut, status=201,
             auth=True, errors=WRITE_ERRORS, reasons=(R.DUPLICATE,),
             summary="Add a cancellation policy (admins; most specific scope wins)")
async def create_cancellation_rule(req: ApiRequest[CancellationRuleIn, None]) -> CancellationRuleOut:
    return CancellationRuleOut.of(await admin.save_cancellation_rule(req.actor, req.context, _cancellation(req.body)))


@routes.put("/pricing/cancellation-rules/{rule_id}", body=CancellationRulePutIn, response=CancellationRuleOut,
            auth=True, errors=ID_WRITE_ERRORS, reasons=WRITE_REASONS, summary="Change a cancellation policy (admins)")
async def update_cancellation_rule(req: ApiRequest[CancellationRulePutIn, None]) -> CancellationRuleOut:
    return CancellationRuleOut.of(await admin.save_cancellation_rule(
        req.actor, req.context, _cancellation(req.body), req.params["rule_id"], req.body.version))


@routes.delete("/pricing/cancellation-rules/{rule_id}", status=204, auth=True, errors=ID_WRITE_ERRORS[:2],
               summary="Remove a cancellation policy (admins)")
async def delete_cancellation_rule(req: ApiRequest[None, None]) -> None:
    await admin.delete_rule(req.actor, req.context, "cancellation_rule", req.params["rule_id"])


@routes.post("/pricing/tax-rules", body=TaxRuleIn, response=TaxRuleOut, status=201, auth=True,
             errors=WRITE_ERRORS, reasons=(R.DUPLICATE,),
             summary="Add a tax rule for a jurisdiction (admins)")
async def create_tax_rule(req: ApiRequest[TaxRuleIn, None]) -> TaxRuleOut:
    return TaxRuleOut.of(await admin.save_tax_rule(req.actor, req.context, _tax(req.body)))


@routes.put("/pricing/tax-rules/{rule_id}", body=TaxRulePutIn, response=TaxRuleOut, auth=True,
            errors=ID_WRITE_ERRORS, reasons=WRITE_REASONS, summary="Change a tax rule (admins)")
async def update_tax_rule(req: ApiRequest[TaxRulePutIn, None]) -> TaxRuleOut:
    return TaxRuleOut.of(await admin.save_tax_rule(req.actor, req.context, _tax(req.body), req.params["rule_id"],
                                                   req.body.version))


@routes.delete("/pricing/tax-rules/{rule_id}", status=204, auth=True, errors=ID_WRITE_ERRORS[:2],
               summary="Remove a tax rule (admins)")
async def delete_tax_rule(req: ApiRequest[None, None]) -> None:
    await admin.delete_rule(req.actor, req.context, "tax_rule", req.params["rule_id"])


def _seller(body: SellerProfileIn) -> SellerDraft:
    return SellerDraft(plan=body.plan, vat_registered=body.vat_registered, vat_number=body.vat_number,
                       jurisdiction=body.jurisdiction, version=body.version)


@routes.get("/orgs/{org_id}/pricing-profile", response=SellerProfileOut, auth=True, errors=(E.FORBIDDEN, E.NOT_FOUND),
            summary="A provider business's plan, VAT registration and tax jurisdiction (admins)")
async def get_org_pricing_profile(req: ApiRequest[None, None]) -> SellerProfileOut:
    return SellerProfileOut.of(await admin.seller_profile(req.actor, "org", req.params["org_id"]))


@routes.put("/orgs/{org_id}/pricing-profile", body=SellerProfileIn, response=SellerProfileOut, auth=True,
            errors=ID_WRITE_ERRORS, reasons=WRITE_REASONS,
            summary="Set a provider business's plan, VAT registration, jurisdiction (admins)")
async def put_org_pricing_profile(req: ApiRequest[SellerProfileIn, None]) -> SellerProfileOut:
    return SellerProfileOut.of(await admin.set_seller_profile(req.actor, req.context, "org", req.params["org_id"],
                                                              _seller(req.body)))


@routes.get("/servicemen/{user_id}/pricing-profile", response=SellerProfileOut, auth=True,
            errors=(E.FORBIDDEN, E.NOT_FOUND),
            summary="An independent serviceman's plan, VAT registration and tax jurisdiction (admins)")
async def get_serviceman_pricing_profile(req: ApiRequest[None, None]) -> SellerProfileOut:
    return SellerProfileOut.of(await admin.seller_profile(req.actor, "user", req.params["user_id"]))


@routes.put("/servicemen/{user_id}/pricing-profile", body=SellerProfileIn, response=SellerProfileOut, auth=True,
            errors=ID_WRITE_ERRORS, reasons=WRITE_REASONS,
            summary="Set an independent serviceman's plan, VAT registration (admins)")
async def put_serviceman_pricing_profile(req: ApiRequest[SellerProfileIn, None]) -> SellerProfileOut:
    return SellerProfileOut.of(await admin.set_seller_profile(req.actor, req.context, "user", req.params["user_id"],
                                                              _seller(req.body)))
