"""Admins edit pricing rules and sellers' pricing profiles. Every change is one unit of work
with its audit record (before and after); a stale `version` is a 409; a second rule for the
same scope (or jurisdiction) is a 409. Bookings already made keep their frozen breakdown."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, TypeVar
from uuid import UUID

from tortoise.exceptions import IntegrityError

from domain.access.policy import Permission, authorize
from domain.accounts.models import Organisation, User
from domain.audit import services as audit
from domain.catalog.models import Category
from domain.finance.pricing.breakdown import FULL
from domain.finance.pricing.models import CancellationRule, CommissionRule, SellerProfile, TaxRule
from domain.finance.pricing.quotes import org_payee, user_payee
from domain.finance.pricing.rules import (
    ANY,
    DEFAULT_CANCELLATION,
    DEFAULT_COMMISSION_BPS,
    DEFAULT_FEE_VAT_BPS,
    DEFAULT_PLAN,
    DEFAULT_SERVICE_TAX_BPS,
    scope_key,
)
from domain.shared.context import Actor, RequestContext
from domain.shared.errors import Conflict, ConflictReason, NotFound, ValidationFailed
from domain.shared.ids import as_uuid
from domain.shared.orm import Model
from domain.shared.uow import unit_of_work
from domain.zones.models import Zone

PLAN = re.compile(r"[a-z0-9][a-z0-9_-]{0,31}")
JURISDICTION = re.compile(r"[A-Z]{2}(-[A-Z0-9]{1,3})?")
MAX_CANCEL_HOURS = 24 * 365
# The ids migration 8 gives the seeded default rules (the same on SQLite).
SEEDED_IDS = {"commission": UUID("0f1d6a52-5b1e-4c4e-9d0a-000000000001"),
              "tax": UUID("0f1d6a52-5b1e-4c4e-9d0a-000000000002"),
              "cancellation": UUID("0f1d6a52-5b1e-4c4e-9d0a-000000000003")}

R = TypeVar("R", bound=Model)


def _invalid(field: str, message: str) -> ValidationFailed:
    return ValidationFailed(errors=[{"field": field, "message": message, "type": "value_error", "location": "body"}])


def _bps(field: str, value: int) -> int:
    if not 0 <= value <= FULL:
        raise _invalid(field, f"basis points from 0 to {FULL}")
    return value


@dataclass(frozen=True)
class ScopeDraft:
    category_id: str | None = None
    zone_id: str | None = None
    plan: str | None = None


@dataclass(frozen=True)
class CommissionDraft:
    scope: ScopeDraft
    basis_points: int
    note: str = ""


@dataclass(frozen=True)
class CancellationDraft:
    scope: ScopeDraft
    free_until_hours: int
    fee_bps: int
    provider_share_bps: int
    note: str = ""


@dataclass(frozen=True)
class TaxDraft:
    jurisdiction: str
    service_tax_bps: int
    registered_only: bool
    fee_vat_bps: int = 0
    note: str = ""


@dataclass(frozen=True)
class SellerDraft:
    plan: str = DEFAULT_PLAN
    vat_registered: bool = False
    vat_number: str = ""
    jurisdiction: str = ""
    version: int | None = None


@dataclass(frozen=True)
class RuleSet:
    commission: list[CommissionRule]
    tax: list[TaxRule]
    cancellation: list[CancellationRule]


async def list_rules(actor: Actor) -> RuleSet:
    await authorize(actor, Permission.PRICING_READ)
    return RuleSet(
        commission=await CommissionRule.all().order_by("scope_key"),
        tax=await TaxRule.all().order_by("jurisdiction"),
        cancellation=await CancellationRule.all().order_by("scope_key"),
    )


async def seed_default_rules() -> bool:
    """On a fresh database (no pricing rule at all) write the default rules, the same rows
    PostgreSQL's migration seeds (the embedded SQLite default gets its schema from the models).
    Returns whether it wrote them."""
    async with unit_of_work() as uow:
        conn = uow.connection
        for model in (CommissionRule, TaxRule, CancellationRule):
            if await model.all().using_db(conn).exists():
                return False
        terms = DEFAULT_CANCELLATION
        await CommissionRule.create(id=SEEDED_IDS["commission"], scope_key=scope_key(None, None, None),
                                    basis_points=DEFAULT_COMMISSION_BPS, note="default commission", using_db=conn)
        await TaxRule.create(id=SEEDED_IDS["tax"], jurisdiction=ANY, service_tax_bps=DEFAULT_SERVICE_TAX_BPS,
                             registered_only=False, fee_vat_bps=DEFAULT_FEE_VAT_BPS,
                             note="default: 5 % on every sale, no VAT on the fee", using_db=conn)
        await CancellationRule.create(
            id=SEEDED_IDS["cancellation"], scope_key=scope_key(None, None, None),
            free_until_hours=terms.free_until_hours, fee_bps=terms.fee_bps,
            provider_share_bps=terms.provider_share_bps,
            note="default: free until 24 h before, then 50 %, 80 % of it to the provider", using_db=conn)
    return True


async def _scope(draft: ScopeDraft) -> dict[str, Any]:
    category, zone, plan = draft.category_id, None, draft.plan
    if category is not None and not await Category.exists(id=category):
        raise _invalid("category_id", "no such category")
    if draft.zone_id is not None:
        zone = as_uuid(draft.zone_id)
        if zone is None or not await Zone.exists(id=zone):
            raise _invalid("zone_id", "no such zone")
    if plan is not None and not PLAN.fullmatch(plan):
        raise _invalid("plan", "lower-case letters, digits, - and _, at most 32")
    return {"category_id": category, "zone_id": zone, "plan": plan, "scope_key": scope_key(category, zone, plan)}


async def save_commission_rule(actor: Actor, context: RequestContext, draft: CommissionDraft,
                               rule_id: str | None = None, version: int | None = None) -> CommissionRule:
    await authorize(actor, Permission.PRICING_MANAGE)
    values = {**await _scope(draft.scope), "basis_points": _bps("basis_points", draft.basis_points),
              "note": draft.note}
    return await _save(CommissionRule, "commission_rule", actor, context, values, rule_id, version)


async def save_cancellation_rule(actor: Actor, context: RequestContext, draft: CancellationDraft,
                                 rule_id: str | None = None, version: int | None = None) -> CancellationRule:
    await authorize(actor, Permission.PRICING_MANAGE)
    if not 0 <= draft.free_until_hours <= MAX_CANCEL_HOURS:
        raise _invalid("free_until_hours", f"hours from 0 to {MAX_CANCEL_HOURS}")
    values = {**await _scope(draft.scope), "free_until_hours": draft.free_until_hours,
              "fee_bps": _bps("fee_bps", draft.fee_bps),
              "provider_share_bps": _bps("provider_share_bps", draft.provider_share_bps), "note": draft.note}
    return await _save(CancellationRule, "cancellation_rule", actor, context, values, rule_id, version)


async def save_tax_rule(actor: Actor, context: RequestContext, draft: TaxDraft,
                        rule_id: str | None = None, version: int | None = None) -> TaxRule:
    await authorize(actor, Permission.PRICING_MANAGE)
    if draft.jurisdiction != ANY and not JURISDICTION.fullmatch(draft.jurisdiction):
        raise _invalid("jurisdiction", "an ISO 3166 code (GB, US-CA) or *")
    values = {"jurisdiction": draft.jurisdiction, "service_tax_bps": _bps("service_tax_bps", draft.service_tax_bps),
              "registered_only": draft.registered_only, "fee_vat_bps": _bps("fee_vat_bps", draft.fee_vat_bps),
              "note": draft.note}
    return await _save(TaxRule, "tax_rule", actor, context, values, rule_id, version)


RULE_MODELS: dict[str, type[Model]] = {
    "commission_rule": CommissionRule, "cancellation_rule": CancellationRule, "tax_rule": TaxRule,
}


async def delete_rule(actor: Actor, context: RequestContext, kind: str, rule_id: str) -> None:
    await authorize(actor, Permission.PRICING_MANAGE)
    model = RULE_MODELS[kind]
    uid = as_uuid(rule_id)
    async with unit_of_work() as uow:
        row = await model.get_or_none(id=uid, using_db=uow.connection) if uid else None
        if row is None:
            raise NotFound("No such rule.")
        await model.filter(id=row.pk).using_db(uow.connection).delete()
        await audit.record(uow, actor=actor, action=f"pricing.{kind}.delete", subject_type=f"pricing_{kind}",
                           subject_id=str(row.pk), context=context, before=_snapshot(row), after=None)


def _snapshot(row: Model) -> dict[str, Any]:
    fields = row._meta.fields_map
    return {name: (str(value) if isinstance(value, UUID) else value)
            for name in fields if name not in ("created_at", "updated_at")
            for value in [getattr(row, name)]}


async def _save(model: type[R], kind: str, actor: Actor, context: RequestContext, values: dict[str, Any],
                rule_id: str | None, version: int | None) -> R:
    try:
        async with unit_of_work() as uow:
            conn = uow.connection
            if rule_id is None:
                row = await model.create(**values, using_db=conn)
                before = None
            else:
                uid = as_uuid(rule_id)
                current = await model.get_or_none(id=uid, using_db=conn) if uid else None
                if current is None:
                    raise NotFound("No such rule.")
                current_version = int(getattr(current, "version"))  # noqa: B009 - every rule model has one
                if version is not None and version != current_version:
                    raise Conflict("The rule changed since you read it.", details={"version": current_version},
                                   reason=ConflictReason.STALE_VERSION)
                before = _snapshot(current)
                changed = await model.filter(id=current.pk, version=current_version).using_db(conn).update(
                    **values, version=current_version + 1)
                if not changed:
                    raise Conflict("The rule changed meanwhile; read it again.", reason=ConflictReason.STALE_VERSION)
                row = await model.get(id=current.pk, using_db=conn)
            await audit.record(uow, actor=actor, action=f"pricing.{kind}.{'create' if before is None else 'update'}",
                               subject_type=f"pricing_{kind}", subject_id=str(row.pk), context=context,
                               before=before, after=_snapshot(row))
    except IntegrityError:
        raise Conflict("A rule for this scope already exists; change that one.",
                       details={"cause": "duplicate_scope"}, reason=ConflictReason.DUPLICATE) from None
    return row


async def _seller_key(kind: str, owner_id: str) -> str:
    uid = as_uuid(owner_id)
    if kind == "org":
        if uid is None or not await Organisation.exists(id=uid):
            raise NotFound("No such organisation.")
        return org_payee(uid)
    if uid is None or not await User.exists(id=uid):
        raise NotFound("No such user.")
    return user_payee(uid)


async def seller_profile(actor: Actor, kind: str, owner_id: str) -> SellerProfile:
    """A seller's pricing profile (a default one, never stored, when none was set)."""
    await authorize(actor, Permission.PRICING_READ)
    key = await _seller_key(kind, owner_id)
    profile = await SellerProfile.get_or_none(seller=key)
    return profile if profile is not None else SellerProfile(seller=key, version=0)


async def set_seller_profile(actor: Actor, context: RequestContext, kind: str, owner_id: str,
                             draft: SellerDraft) -> SellerProfile:
    await authorize(actor, Permission.PRICING_MANAGE)
    key = await _seller_key(kind, owner_id)
    if not PLAN.fullmatch(draft.plan):
        raise _invalid("plan", "lower-case letters, digits, - and _, at most 32")
    if draft.jurisdiction and not JURISDICTION.fullmatch(draft.jurisdiction):
        raise _invalid("jurisdiction", "an ISO 3166 code (GB, US-CA), or empty for the default")
    values = {"plan": draft.plan, "vat_registered": draft.vat_registered, "vat_number": draft.vat_number,
              "jurisdiction": draft.jurisdiction}
    try:
        async with unit_of_work() as uow:
            conn = uow.connection
            current = await SellerProfile.get_or_none(seller=key, using_db=conn)
            current_version = current.version if current is not None else 0
            if draft.version is not None and draft.version != current_version:
                raise Conflict("The profile changed since you read it.", details={"version": current_version},
                               reason=ConflictReason.STALE_VERSION)
            if current is None:
                profile = await SellerProfile.create(seller=key, **values, using_db=conn)
            else:
                changed = await SellerProfile.filter(id=current.id, version=current_version).using_db(conn).update(
                    **values, version=current_version + 1)
                if not changed:
                    raise Conflict("The profile changed meanwhile; read it again.", reason=ConflictReason.STALE_VERSION)
                profile = await SellerProfile.get(id=current.id, using_db=conn)
            await audit.record(uow, actor=actor, action="pricing.seller_profile.update",
                               subject_type="pricing_seller_profile", subject_id=key, context=context,
                               before=_snapshot(current) if current is not None else None, after=_snapshot(profile))
    except IntegrityError:
        raise Conflict("The profile changed meanwhile; read it again.", reason=ConflictReason.STALE_VERSION) from None
    return profile
