"""Which rule applies: commission and cancellation by category, zone and plan; tax by jurisdiction.

Precedence (commission and cancellation rules alike), the most specific rule wins:
1. the rule that matches on MORE dimensions wins (category + zone beats category alone);
2. on an equal count, category beats zone beats plan (a category rule says what is sold);
3. among rules naming a category, the nearer one wins: the service's own category before its
   parent, the parent before the grandparent (a rule on "plumbing" covers "plumbing.leak-repair").
`scope_key` is unique, so these three steps always leave exactly one rule. With no rule at all
the built-in defaults apply (the same numbers the migration seeds): commission 15 %, tax 5 % on
every sale with no VAT on the fee, cancellation free until 24 h before the start, then 50 % of
the total of which 80 % goes to the provider.

Tax: the seller's jurisdiction's rule, else the "*" rule, else the default. A rule with
`registered_only` is VAT: charged only when the seller is VAT-registered, and the seller owes it.
"""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.expressions import Q

from domain.catalog.models import Category
from domain.finance.pricing.breakdown import CancellationTerms, Rates, TaxParty
from domain.finance.pricing.models import CancellationRule, CommissionRule, SellerProfile, TaxRule

DEFAULT_COMMISSION_BPS = 1_500
DEFAULT_SERVICE_TAX_BPS = 500
DEFAULT_FEE_VAT_BPS = 0
DEFAULT_CANCELLATION = CancellationTerms(free_until_hours=24, fee_bps=5_000, provider_share_bps=8_000)
DEFAULT_PLAN = "standard"
ANY = "*"
DEFAULT_RULE_ID = "default"
MAX_CATEGORY_DEPTH = 8


@dataclass(frozen=True)
class Seller:
    key: str                 # "org:<uuid>" | "user:<uuid>"
    plan: str = DEFAULT_PLAN
    vat_registered: bool = False
    jurisdiction: str = ""


@dataclass(frozen=True)
class Scope:
    category_id: str | None
    zone_id: UUID | None
    plan: str


@dataclass(frozen=True)
class AppliedRates:
    rates: Rates
    cancellation: CancellationTerms
    rules: dict[str, str]


def scope_key(category_id: str | None, zone_id: UUID | str | None, plan: str | None) -> str:
    return "|".join(ANY if part is None else str(part) for part in (category_id, zone_id, plan))


async def seller(key: str, conn: BaseDBAsyncClient | None = None) -> Seller:
    profile = await SellerProfile.get_or_none(seller=key, using_db=conn)
    if profile is None:
        return Seller(key)
    return Seller(key, profile.plan, profile.vat_registered, profile.jurisdiction)


async def category_chain(category_id: str | None, conn: BaseDBAsyncClient | None = None) -> list[str]:
    """The category and its ancestors, nearest first."""
    chain: list[str] = []
    current = category_id
    while current is not None and current not in chain and len(chain) < MAX_CATEGORY_DEPTH:
        chain.append(current)
        row = await Category.get_or_none(id=current, using_db=conn)
        current = row.parent_id if row is not None else None
    return chain


def _rank(category_id: str | None, zone_id: UUID | None, plan: str | None, chain: list[str]) -> tuple[int, int, int]:
    mask = (4 if category_id is not None else 0) | (2 if zone_id is not None else 0) | (1 if plan is not None else 0)
    nearness = -chain.index(category_id) if category_id is not None else 0
    return (bin(mask).count("1"), mask, nearness)


def _scoped(chain: list[str], scope: Scope) -> Q:
    """Rules whose every named dimension matches (an unnamed one matches anything)."""
    category = Q(category_id__isnull=True) | Q(category_id__in=chain) if chain else Q(category_id__isnull=True)
    zone = Q(zone_id__isnull=True) | Q(zone_id=scope.zone_id) if scope.zone_id is not None \
        else Q(zone_id__isnull=True)
    return category & zone & (Q(plan__isnull=True) | Q(plan=scope.plan))


async def commission_rule(scope: Scope, conn: BaseDBAsyncClient | None = None,
                          chain: list[str] | None = None) -> CommissionRule | None:
    chain = chain if chain is not None else await category_chain(scope.category_id, conn)
    rules = await CommissionRule.filter(_scoped(chain, scope)).using_db(conn)
    return max(rules, key=lambda r: _rank(r.category_id, r.zone_id, r.plan, chain), default=None)


async def cancellation_rule(scope: Scope, conn: BaseDBAsyncClient | None = None,
                            chain: list[str] | None = None) -> CancellationRule | None:
    chain = chain if chain is not None else await category_chain(scope.category_id, conn)
    rules = await CancellationRule.filter(_scoped(chain, scope)).using_db(conn)
    return max(rules, key=lambda r: _rank(r.category_id, r.zone_id, r.plan, chain), default=None)


async def tax_rule(jurisdiction: str, conn: BaseDBAsyncClient | None = None) -> TaxRule | None:
    names = [jurisdiction, ANY] if jurisdiction and jurisdiction != ANY else [ANY]
    rules = {r.jurisdiction: r for r in await TaxRule.filter(jurisdiction__in=names).using_db(conn)}
    return next((rules[name] for name in names if name in rules), None)


async def applied(scope: Scope, who: Seller, conn: BaseDBAsyncClient | None = None) -> AppliedRates:
    """The rates and cancellation terms for a sale in `scope` by `who`, and the rule ids used."""
    chain = await category_chain(scope.category_id, conn)
    commission = await commission_rule(scope, conn, chain)
    cancel = await cancellation_rule(scope, conn, chain)
    tax = await tax_rule(who.jurisdiction, conn)
    if tax is None:
        service_bps, owed_by, fee_vat_bps, jurisdiction = (
            DEFAULT_SERVICE_TAX_BPS, TaxParty.PLATFORM, DEFAULT_FEE_VAT_BPS, ANY)
    else:
        charged = not tax.registered_only or who.vat_registered
        service_bps = tax.service_tax_bps if charged else 0
        owed_by = TaxParty.SELLER if tax.registered_only else TaxParty.PLATFORM
        fee_vat_bps, jurisdiction = tax.fee_vat_bps, tax.jurisdiction
    rates = Rates(
        commission_bps=commission.basis_points if commission is not None else DEFAULT_COMMISSION_BPS,
        service_tax_bps=service_bps, service_tax_owed_by=owed_by, fee_vat_bps=fee_vat_bps,
        jurisdiction=jurisdiction,
    )
    terms = DEFAULT_CANCELLATION if cancel is None else CancellationTerms(
        cancel.free_until_hours, cancel.fee_bps, cancel.provider_share_bps)
    rules = {
        "commission": str(commission.id) if commission is not None else DEFAULT_RULE_ID,
        "tax": str(tax.id) if tax is not None else DEFAULT_RULE_ID,
        "cancellation": str(cancel.id) if cancel is not None else DEFAULT_RULE_ID,
        "seller": who.key,
        "plan": who.plan,
    }
    return AppliedRates(rates, terms, rules)
