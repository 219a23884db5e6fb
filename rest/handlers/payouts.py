"""Payouts: a payee's connected-account onboarding, payout preferences, payouts and balance;
an organisation's crew split; promotional credit. A payee is `me`, `org:<uuid>` or `user:<uuid>`;
who may see or do what is decided in the domain (payout.read / payout.request / payout.manage)."""

from __future__ import annotations

from typing import Any

from domain.finance.payouts import balances, payees, splits
from domain.finance.payouts.services import Payouts
from domain.shared.errors import ConflictReason, ErrorCode, NotFound
from rest.routing import ApiRequest, RouteTable
from rest.schemas.payouts import (
    AccountOut,
    BalanceOut,
    CrewSplitIn,
    CrewSplitOut,
    OnboardingIn,
    OnboardingOut,
    PayoutListQuery,
    PayoutOut,
    PayoutPage,
    PayoutPreferencesIn,
    PayoutRequestIn,
    PromoGrantIn,
)

routes = RouteTable(tags=("payouts",))
E = ErrorCode
R = ConflictReason
BASE = "/payees/{payee}"


def _payouts(req: ApiRequest[Any, Any]) -> Payouts:
    if req.deps.payouts is None:  # pragma: no cover - the composition root always wires it
        raise NotFound()
    return req.deps.payouts


def _payee(req: ApiRequest[Any, Any]) -> payees.Payee:
    return payees.parse(req.actor, req.params["payee"])


@routes.post(f"{BASE}/onboarding", body=OnboardingIn, response=OnboardingOut, auth=True,
             errors=(E.FORBIDDEN, E.NOT_FOUND, E.CONFLICT), reasons=(R.NOT_ELIGIBLE, R.PAYMENT_DECLINED),
             summary="Start or resume connected-account onboarding (the serviceman, or an org owner/manager)")
async def start_payout_onboarding(req: ApiRequest[OnboardingIn, None]) -> OnboardingOut:
    b = req.body
    view = await _payouts(req).start_onboarding(req.actor, _payee(req), country=b.country,
                                                business_type=b.business_type, refresh_url=b.refresh_url,
                                                return_url=b.return_url, context=req.context)
    return OnboardingOut.of(view)


@routes.post(f"{BASE}/onboarding/refresh", response=AccountOut, auth=True,
             errors=(E.FORBIDDEN, E.NOT_FOUND, E.CONFLICT), reasons=(R.NOT_ELIGIBLE,),
             summary="Read the account's KYC state from the gateway now")
async def refresh_payout_onboarding(req: ApiRequest[None, None]) -> AccountOut:
    return AccountOut.of(await _payouts(req).refresh(req.actor, _payee(req)))


@routes.get(f"{BASE}/payout-account", response=AccountOut, auth=True, errors=(E.NOT_FOUND,),
            summary="Payout eligibility: account, charges/payouts enabled, requirements due, preferences")
async def get_payout_account(req: ApiRequest[None, None]) -> AccountOut:
    return AccountOut.of(await _payouts(req).account(req.actor, _payee(req)))


@routes.get(f"{BASE}/payout-preferences", response=AccountOut, auth=True, errors=(E.NOT_FOUND,),
            summary="Payout schedule and preferences")
async def get_payout_preferences(req: ApiRequest[None, None]) -> AccountOut:
    return AccountOut.of(await _payouts(req).preferences(req.actor, _payee(req)))


@routes.put(f"{BASE}/payout-preferences", body=PayoutPreferencesIn, response=AccountOut, auth=True,
            errors=(E.FORBIDDEN, E.NOT_FOUND),
            summary="Choose the payout schedule: on_release, daily, weekly (weekly_day) or manual")
async def put_payout_preferences(req: ApiRequest[PayoutPreferencesIn, None]) -> AccountOut:
    view = await _payouts(req).set_preferences(req.actor, _payee(req), schedule=req.body.schedule,
                                               weekly_day=req.body.weekly_day, context=req.context)
    return AccountOut.of(view)


@routes.post(f"{BASE}/payouts", body=PayoutRequestIn, response=PayoutOut, status=201, auth=True,
             errors=(E.FORBIDDEN, E.NOT_FOUND, E.CONFLICT),
             reasons=(R.NOT_ELIGIBLE, R.LIMIT_REACHED, R.AMOUNT_OUT_OF_RANGE, R.STALE_VERSION, R.PAYMENT_DECLINED),
             summary="Request a payout now (within the minimum, the daily count and what is withdrawable)")
async def request_payout(req: ApiRequest[PayoutRequestIn, None]) -> PayoutOut:
    b = req.body
    view = await _payouts(req).request(req.actor, _payee(req), b.amount.money() if b.amount else None, b.currency,
                                       context=req.context)
    return PayoutOut.of(view)


@routes.get(f"{BASE}/payouts", query=PayoutListQuery, response=PayoutPage, auth=True, errors=(E.NOT_FOUND,),
            summary="A payee's payouts, newest first")
async def list_payouts(req: ApiRequest[None, PayoutListQuery]) -> PayoutPage:
    items = await _payouts(req).history(req.actor, _payee(req), limit=req.query.limit, before=req.query.before)
    return PayoutPage(items=[PayoutOut.of(v) for v in items])


@routes.get(f"{BASE}/balance", response=BalanceOut, auth=True, errors=(E.NOT_FOUND,),
            summary="Balance views: pending, available, receivable, withdrawable, paid out, promo credit")
async def get_payee_balance(req: ApiRequest[None, None]) -> BalanceOut:
    return BalanceOut.of(await balances.balance(req.actor, _payee(req)))


@routes.get("/orgs/{org_id}/crew-split", response=CrewSplitOut, auth=True, errors=(E.NOT_FOUND,),
            summary="How this business splits a booking's payee part (owner/managers)")
async def get_crew_split(req: ApiRequest[None, None]) -> CrewSplitOut:
    return CrewSplitOut.of(await splits.get(req.actor, payees.Payee(f"org:{req.params['org_id']}",
                                                                     organisation_id=req.params["org_id"])))


@routes.put("/orgs/{org_id}/crew-split", body=CrewSplitIn, response=CrewSplitOut, auth=True,
            errors=(E.FORBIDDEN, E.NOT_FOUND, E.CONFLICT), reasons=(R.STALE_VERSION,),
            summary="Set the crew split: organisation, fixed member shares, or a lead bonus (bookings priced later)")
async def put_crew_split(req: ApiRequest[CrewSplitIn, None]) -> CrewSplitOut:
    b = req.body
    payee = payees.Payee(f"org:{req.params['org_id']}", organisation_id=req.params["org_id"])
    view = await splits.put(req.actor, payee, mode=b.mode, member_bps=b.member_bps, lead_bonus_bps=b.lead_bonus_bps,
                            version=b.version, context=req.context)
    return CrewSplitOut.of(view)


@routes.post("/admin/promo-credits", body=PromoGrantIn, response=BalanceOut, status=201, auth=True,
             errors=(E.FORBIDDEN, E.NOT_FOUND),
             summary="Grant a customer promotional credit (admin; ledgered, never withdrawable)")
async def grant_promo_credit(req: ApiRequest[PromoGrantIn, None]) -> BalanceOut:
    b = req.body
    view = await balances.grant_promo(req.actor, b.user_id, b.amount.money(), b.reason, context=req.context)
    return BalanceOut.of(view)
