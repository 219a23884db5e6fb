"""What each party sees of the money (balances, statements and their CSV, receipts and
invoices, tax profiles) and the admin's finance report, reconciliation and corrections."""

from __future__ import annotations

from typing import Any

from aiohttp import web

from domain.finance.reconciliation import services as reconciliation
from domain.finance.reconciliation.services import CorrectionLeg, Reconciler
from domain.finance.reporting import access, balances, documents
from domain.finance.reporting.access import Payee, Period, field_error
from domain.finance.reporting.report import finance_report
from domain.finance.reporting.tax import ProfileDraft, SellerTax
from domain.shared.errors import ConflictReason, ErrorCode, NotFound, ValidationFailed
from rest.routing import ApiRequest, RouteTable
from rest.schemas.finance import (
    BalancesOut,
    CorrectionIn,
    CorrectionOut,
    DocumentOut,
    DocumentsOut,
    FinanceBalanceOut,
    FinanceReportOut,
    PeriodQuery,
    ReconcileIn,
    ReconciliationOut,
    ReportableQuery,
    ReportableSellerOut,
    ReportableSellersOut,
    StatementOut,
    StatementQuery,
    TaxProfileIn,
    TaxProfileOut,
)

routes = RouteTable(tags=("finance",))
E = ErrorCode
R = ConflictReason
READ = (E.FORBIDDEN, E.NOT_FOUND)


def _period(q: PeriodQuery) -> Period:
    return access.period(month=q.month, start=q.start, end=q.end, year=q.year)


def _tax(req: ApiRequest[Any, Any]) -> SellerTax:
    if req.deps.seller_tax is None:  # pragma: no cover - the composition root always wires it
        raise NotFound()
    return req.deps.seller_tax


def _reconciler(req: ApiRequest[Any, Any]) -> Reconciler:
    if req.deps.reconciler is None:  # pragma: no cover
        raise NotFound()
    return req.deps.reconciler


async def _payee(req: ApiRequest[Any, Any]) -> Payee:
    org_id = req.params.get("org_id")
    return await access.org(org_id) if org_id is not None else access.me(req.actor)


async def _balances(req: ApiRequest[None, None]) -> BalancesOut:
    payee = await _payee(req)
    found = await balances.balances(req.actor, payee)
    return BalancesOut(owner=payee.owner, balances=[FinanceBalanceOut.of(b) for b in found])


async def _statement_of(req: ApiRequest[None, StatementQuery]) -> balances.Statement:
    """Who may read it first: a stranger learns nothing, not even that the query was wrong."""
    q, payee = req.query, await _payee(req)
    await balances.may_read(req.actor, payee)
    if q.currency is None:
        raise ValidationFailed("Say which currency.", errors=[field_error("currency", "required", "query", "missing")])
    return await balances.statement(req.actor, payee, q.currency, _period(q))


async def _statement(req: ApiRequest[None, StatementQuery]) -> StatementOut:
    return StatementOut.of(await _statement_of(req))


async def _statement_csv(req: ApiRequest[None, StatementQuery]) -> web.Response:
    st = await _statement_of(req)
    name = f"statement-{st.period.label.replace('..', '_')}-{st.currency}.csv"
    return web.Response(text=balances.statement_csv(st), content_type="text/csv", charset="utf-8",
                        headers={"Content-Disposition": f'attachment; filename="{name}"'})


for prefix, tag, who in (("/me", "me", "yours"), ("/orgs/{org_id}", "org", "an organisation's (owner, managers)")):
    routes.get(f"{prefix}/finance/balances", response=BalancesOut, auth=True, errors=READ,
               operation_id=f"balances_{tag}",
               summary=f"Balances per currency, {who}: earnings, pending, available, paid out, receivable")(_balances)
    routes.get(f"{prefix}/finance/statement", query=StatementQuery, response=StatementOut, auth=True, errors=READ,
               operation_id=f"statement_{tag}",
               summary=f"Statement of a month, a year or from..to in one currency, {who}")(_statement)
    routes.get(f"{prefix}/finance/statement.csv", query=StatementQuery, auth=True, errors=READ,
               operation_id=f"statement_csv_{tag}", media_type="text/csv",
               summary=f"The statement as CSV (amounts in major units, the currency's decimals), {who}")(_statement_csv)


@routes.get("/bookings/{booking_id}/documents", response=DocumentsOut, auth=True, errors=READ,
            summary="A booking's receipts, credit notes and fee invoices that concern you")
async def booking_documents(req: ApiRequest[None, None]) -> DocumentsOut:
    found = await documents.of_booking(req.actor, req.params["booking_id"])
    return DocumentsOut(documents=[DocumentOut.of(d) for d in found])


async def _get_tax(req: ApiRequest[None, None]) -> TaxProfileOut:
    return TaxProfileOut.of(await _tax(req).get(req.actor, await _payee(req)))


async def _put_tax(req: ApiRequest[TaxProfileIn, None]) -> TaxProfileOut:
    b = req.body
    draft = ProfileDraft(legal_name=b.legal_name, tax_id=b.tax_id, address_line1=b.address_line1, city=b.city,
                         country=b.country, address_line2=b.address_line2, postal_code=b.postal_code)
    return TaxProfileOut.of(await _tax(req).put(req.actor, await _payee(req), draft, req.context))


for prefix, tag, who in (("/me", "me", "yours"), ("/orgs/{org_id}", "org", "an organisation's")):
    routes.get(f"{prefix}/tax-profile", response=TaxProfileOut, auth=True, errors=READ,
               operation_id=f"get_tax_profile_{tag}",
               summary=f"The seller identity and tax data, {who} (the tax id masked)")(_get_tax)
    routes.put(f"{prefix}/tax-profile", body=TaxProfileIn, response=TaxProfileOut, auth=True, errors=READ,
               operation_id=f"put_tax_profile_{tag}",
               summary=f"Set the seller identity and tax data, {who} (the tax id stored encrypted)")(_put_tax)


@routes.get("/admin/finance/report", query=PeriodQuery, response=FinanceReportOut, auth=True, errors=(E.FORBIDDEN,),
            summary="GMV, take rate, refunds, disputes, fees per month and currency (admins)")
async def report(req: ApiRequest[None, PeriodQuery]) -> FinanceReportOut:
    return FinanceReportOut.of(await finance_report(req.actor, _period(req.query)))


@routes.post("/admin/finance/reconciliations", body=ReconcileIn, response=ReconciliationOut, status=201, auth=True,
             errors=(E.FORBIDDEN,), summary="Reconcile the ledger with the gateway now (admins)")
async def reconcile(req: ApiRequest[ReconcileIn, None]) -> ReconciliationOut:
    run = await _reconciler(req).run_on_demand(req.actor, req.body.start, req.body.end, req.context)
    return ReconciliationOut.of(run)


@routes.get("/admin/finance/reconciliations/{run_id}", response=ReconciliationOut, auth=True, errors=READ,
            summary="A reconciliation run (admins)")
async def reconciliation_run(req: ApiRequest[None, None]) -> ReconciliationOut:
    return ReconciliationOut.of(await _reconciler(req).get(req.actor, req.params["run_id"]))


@routes.post("/admin/finance/corrections", body=CorrectionIn, response=CorrectionOut, status=201, auth=True,
             errors=(E.FORBIDDEN, E.NOT_FOUND, E.CONFLICT),
             reasons=(R.DUPLICATE, R.AMOUNT_OUT_OF_RANGE, R.INVALID_TRANSITION, R.NOT_ALLOWED, R.STALE_VERSION),
             summary="Post a correcting ledger entry: a reversal, or balanced legs (admins; audited)")
async def correction(req: ApiRequest[CorrectionIn, None]) -> CorrectionOut:
    b = req.body
    if (b.reverses is None) == (b.legs is None):
        raise ValidationFailed("Give either reverses or legs.",
                               errors=[field_error("reverses", "exactly one of reverses, legs", "body")])
    legs = [CorrectionLeg(x.kind, x.owner, x.currency, x.side, x.amount) for x in b.legs or []]
    posted = await reconciliation.correct(req.actor, reason=b.reason, context=req.context, reverses=b.reverses,
                                          legs=legs, key=b.key)
    return CorrectionOut(entry_id=str(posted.id), created=posted.created)


@routes.get("/admin/finance/reportable-sellers", query=ReportableQuery, response=ReportableSellersOut, auth=True,
            errors=(E.FORBIDDEN,), summary="The year's reportable sellers with their tax data (admins; audited)")
async def reportable_sellers(req: ApiRequest[None, ReportableQuery]) -> ReportableSellersOut:
    q = req.query
    tax = _tax(req)
    rules = None
    if q.min_transactions is not None:
        rules = type(tax.thresholds)(q.min_transactions, tax.thresholds.min_amounts, tax.thresholds.require_both)
    found = await tax.reportable(req.actor, access.period(year=q.year), req.context, rules)
    return ReportableSellersOut(year=q.year, sellers=[ReportableSellerOut.of(s) for s in found])
