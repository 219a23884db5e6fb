"""Sellers' identity and tax data for platform reporting (DAC7 / 1099-K style), and the annual
export of reportable sellers.

The tax id is sealed (domain/shared/sealing.py: AES-256-GCM envelope encryption, bound to the
seller's row: a ciphertext copied to another seller does not open) and never sent back to anyone but the
annual export an admin runs (audited): the profile shows its last four characters.

A seller is reportable for a year when, in any one currency, what releases paid them (less
what refunds took back) reaches that currency's amount threshold, or when the releases to them
reach the transaction threshold. Both thresholds are settings (DAC7: 30 sales or EUR 2,000;
1099-K: USD 20,000 and 200 transactions, where `require_both` says both must be met)."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from domain.access.policy import Permission, authorize
from domain.audit import services as audit
from domain.finance.reporting.access import Payee, Period, field_error
from domain.finance.reporting.models import SellerTaxProfile
from domain.shared import sql
from domain.shared.context import Actor, RequestContext
from domain.shared.errors import DomainError, ErrorCode, NotFound, ValidationFailed
from domain.shared.sealing import Place, Sealer
from domain.shared.uow import unit_of_work

_TAX_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 ./-]{3,39}$")
_COUNTRY = re.compile(r"^[A-Z]{2}$")


def tax_id_place(owner: str) -> Place:
    return Place("seller_tax_profile", "tax_id_sealed", owner)


@dataclass(frozen=True)
class Thresholds:
    min_transactions: int = 30
    min_amounts: Mapping[str, int] = field(default_factory=lambda: {"EUR": 200_000})  # minor units
    require_both: bool = False  # 1099-K style: amount AND count


@dataclass(frozen=True)
class ProfileDraft:
    legal_name: str
    tax_id: str | None  # None: keep the stored one (what a client that read the masked profile sends)
    address_line1: str
    city: str
    country: str
    address_line2: str = ""
    postal_code: str = ""


@dataclass(frozen=True)
class ProfileView:
    owner: str
    legal_name: str
    tax_id_last4: str
    address_line1: str
    address_line2: str
    city: str
    postal_code: str
    country: str
    updated_at: str


@dataclass(frozen=True)
class ReportableSeller:
    owner: str
    transactions: int
    amounts: dict[str, int]  # currency -> minor units
    reportable_because: list[str]
    legal_name: str | None
    tax_id: str | None
    country: str | None
    address: dict[str, str] | None


class TaxKeyMissing(DomainError):
    code = ErrorCode.SERVICE_UNAVAILABLE
    default_message = "Tax data cannot be stored or read: the server has no data encryption key."


class SellerTax:
    def __init__(self, vault: Sealer | None, thresholds: Thresholds | None = None) -> None:
        self._vault = vault  # None: no data encryption key (tax data refused, never sealed badly)
        self.thresholds = thresholds or Thresholds()

    @property
    def vault(self) -> Sealer:
        if self._vault is None:
            raise TaxKeyMissing()
        return self._vault

    async def get(self, actor: Actor, payee: Payee) -> ProfileView:
        await authorize(actor, Permission.TAX_PROFILE_MANAGE, payee)
        found = await SellerTaxProfile.get_or_none(owner=payee.owner)
        if found is None:
            raise NotFound("No tax profile yet.")
        return _view(found)

    async def put(self, actor: Actor, payee: Payee, draft: ProfileDraft, context: RequestContext) -> ProfileView:
        await authorize(actor, Permission.TAX_PROFILE_MANAGE, payee)
        tax_id = draft.tax_id.strip() if draft.tax_id is not None else None
        problems = []
        if tax_id is not None and not _TAX_ID.match(tax_id):
            problems.append(field_error("tax_id", "4-40 letters, digits, spaces, dots, dashes or slashes", "body"))
        if not _COUNTRY.match(draft.country):
            problems.append(field_error("country", "an ISO 3166-1 alpha-2 code, e.g. GB", "body"))
        if not draft.legal_name.strip():
            problems.append(field_error("legal_name", "required", "body", "missing"))
        if problems:
            raise ValidationFailed("The tax profile is not valid.", errors=problems)
        values: dict[str, Any] = {
            "legal_name": draft.legal_name.strip(), "address_line1": draft.address_line1.strip(),
            "address_line2": draft.address_line2.strip(), "city": draft.city.strip(),
            "postal_code": draft.postal_code.strip(), "country": draft.country, "updated_by": actor.user_id,
        }
        if tax_id is not None:
            values.update(tax_id_sealed=await self.vault.seal(tax_id_place(payee.owner), tax_id),
                          tax_id_last4=tax_id[-4:])
        async with unit_of_work() as uow:
            found = await SellerTaxProfile.select_for_update().using_db(uow.connection).get_or_none(
                owner=payee.owner)
            if found is None and tax_id is None:
                raise ValidationFailed("The tax profile is not valid.",
                                       errors=[field_error("tax_id", "required the first time", "body", "missing")])
            if found is None:
                found = await SellerTaxProfile.create(owner=payee.owner, **values, using_db=uow.connection)
            else:
                await SellerTaxProfile.filter(id=found.id).using_db(uow.connection).update(**values)
                found = await SellerTaxProfile.get(id=found.id, using_db=uow.connection)
            # The audit trail says who changed it, never what the tax id is.
            await audit.record(uow, actor=actor, action="finance.tax_profile_updated", subject_type="seller",
                               subject_id=payee.owner, context=context,
                               after={"legal_name": found.legal_name, "country": found.country,
                                      "tax_id_last4": found.tax_id_last4})
        return _view(found)

    async def reportable(self, actor: Actor, period: Period, context: RequestContext,
                         thresholds: Thresholds | None = None) -> list[ReportableSeller]:
        """The sellers to report for the period (a calendar year), with their identity and tax
        data; the export itself is audited."""
        await authorize(actor, Permission.FINANCE_ADMIN)
        rules = thresholds or self.thresholds
        amounts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        counts: dict[str, int] = defaultdict(int)
        for r in await sql.rows(sql.reader(), _CONSIDERATION, [period.start, period.end]):
            amounts[r["owner"]][r["currency"]] += int(r["amount"])
            counts[r["owner"]] += int(r["releases"])
        profiles = {p.owner: p for p in await SellerTaxProfile.filter(owner__in=list(amounts))}
        found: list[ReportableSeller] = []
        for owner in sorted(amounts):
            by_amount = [c for c, a in sorted(amounts[owner].items())
                         if c in rules.min_amounts and a >= rules.min_amounts[c]]
            by_count = counts[owner] >= rules.min_transactions
            reportable = (bool(by_amount) and by_count) if rules.require_both else (bool(by_amount) or by_count)
            if not reportable:
                continue
            profile = profiles.get(owner)
            found.append(ReportableSeller(
                owner=owner, transactions=counts[owner], amounts=dict(amounts[owner]),
                reportable_because=[f"amount {c}" for c in by_amount] + (["transactions"] if by_count else []),
                legal_name=profile.legal_name if profile else None,
                tax_id=await self.vault.open(tax_id_place(owner), profile.tax_id_sealed, legacy_owner=owner)
                if profile else None,
                country=profile.country if profile else None,
                address={"line1": profile.address_line1, "line2": profile.address_line2, "city": profile.city,
                         "postal_code": profile.postal_code} if profile else None))
        async with unit_of_work() as uow:
            await audit.record(uow, actor=actor, action="finance.reportable_sellers_exported", subject_type="finance",
                               subject_id=period.label, context=context,
                               after={"sellers": len(found), "min_transactions": rules.min_transactions,
                                      "min_amounts": dict(rules.min_amounts), "require_both": rules.require_both})
        return found


# Per payee and currency: what releases gave them (payable and settled receivable credits) less
# what refunds after a release took back; the number of cases released to them.
_CONSIDERATION = """
    SELECT a.owner, a.currency,
           SUM(CASE WHEN p.side = 'credit' THEN p.amount ELSE -p.amount END) AS amount,
           COUNT(DISTINCT CASE WHEN e.kind = 'release' THEN e.case_id END) AS releases
    FROM ledger_posting p
    JOIN ledger_account a ON a.id = p.account_id
    JOIN ledger_entry e ON e.id = p.entry_id
    WHERE p.bucket = 'posted' AND e.created_at >= $1 AND e.created_at < $2
      AND a.kind IN ('provider_payable', 'provider_receivable')
      AND (e.kind = 'release' OR (e.kind = 'refund' AND a.kind = 'provider_receivable'))
    GROUP BY a.owner, a.currency"""


def _view(p: SellerTaxProfile) -> ProfileView:
    return ProfileView(owner=p.owner, legal_name=p.legal_name, tax_id_last4=p.tax_id_last4,
                       address_line1=p.address_line1, address_line2=p.address_line2, city=p.city,
                       postal_code=p.postal_code, country=p.country, updated_at=p.updated_at.isoformat())
