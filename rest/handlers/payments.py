"""Payments: checkout a booking, read its payment and its chargebacks, refund, release held funds."""

from __future__ import annotations

from typing import Any

from domain.finance.cases.services import PaymentCases
from domain.shared.errors import ConflictReason, ErrorCode, NotFound
from rest.routing import ApiRequest, RouteTable
from rest.schemas.payments import ChargebackOut, ChargebacksOut, CheckoutIn, PaymentCaseOut, RefundIn, ReleaseIn

routes = RouteTable(tags=("payments",))
E = ErrorCode
R = ConflictReason


def _payments(req: ApiRequest[Any, Any]) -> PaymentCases:
    if req.deps.payments is None:  # pragma: no cover - the composition root always wires it
        raise NotFound()
    return req.deps.payments


@routes.post("/bookings/{booking_id}/checkout", body=CheckoutIn, response=PaymentCaseOut, status=201, auth=True,
             errors=(E.FORBIDDEN, E.NOT_FOUND, E.CONFLICT, E.FEATURE_DISABLED),
             reasons=(R.INVALID_TRANSITION, R.DUPLICATE, R.STALE_VERSION, R.NOT_ALLOWED, R.PAYMENT_DECLINED,
                      R.AMOUNT_OUT_OF_RANGE),
             summary="Pay for a booking (its customer): authorizes the total, less your promotional credit, "
                     "on the payment method")
async def checkout(req: ApiRequest[CheckoutIn, None]) -> PaymentCaseOut:
    # The socket's `payment:checkout` and an offline `payment.checkout` make the same call.
    view = await _payments(req).checkout(req.actor, req.params["booking_id"], req.body.draft(), context=req.context)
    return PaymentCaseOut.of(view)


@routes.get("/bookings/{booking_id}/payment", response=PaymentCaseOut, auth=True, errors=(E.NOT_FOUND,),
            summary="A booking's payment (its parties)")
async def booking_payment(req: ApiRequest[None, None]) -> PaymentCaseOut:
    return PaymentCaseOut.of(await _payments(req).of_booking(req.actor, req.params["booking_id"]))


@routes.get("/payment-cases/{case_id}", response=PaymentCaseOut, auth=True, errors=(E.NOT_FOUND,),
            summary="A payment (the booking's parties)")
async def get_case(req: ApiRequest[None, None]) -> PaymentCaseOut:
    return PaymentCaseOut.of(await _payments(req).get(req.actor, req.params["case_id"]))


@routes.post("/payment-cases/{case_id}/refund", body=RefundIn, response=PaymentCaseOut, auth=True,
             errors=(E.FORBIDDEN, E.NOT_FOUND, E.CONFLICT),
             reasons=(R.INVALID_TRANSITION, R.AMOUNT_OUT_OF_RANGE, R.STALE_VERSION, R.PAYMENT_DECLINED),
             summary="Refund all or part of a payment (a provider manager or an admin); never more than captured")
async def refund(req: ApiRequest[RefundIn, None]) -> PaymentCaseOut:
    b = req.body
    view = await _payments(req).refund(req.actor, req.params["case_id"], b.amount.money() if b.amount else None,
                                       reason=b.reason, context=req.context)
    return PaymentCaseOut.of(view)


@routes.post("/payment-cases/{case_id}/release", body=ReleaseIn, response=PaymentCaseOut, auth=True,
             errors=(E.FORBIDDEN, E.NOT_FOUND, E.CONFLICT),
             reasons=(R.INVALID_TRANSITION, R.STALE_VERSION, R.PAYMENT_DECLINED),
             summary="Release held funds now (an admin), or one milestone (the customer or an admin)")
async def release(req: ApiRequest[ReleaseIn, None]) -> PaymentCaseOut:
    view = await _payments(req).release(req.actor, req.params["case_id"], milestone=req.body.milestone,
                                        context=req.context)
    return PaymentCaseOut.of(view)


@routes.get("/payment-cases/{case_id}/chargebacks", response=ChargebacksOut, auth=True,
            errors=(E.FORBIDDEN, E.NOT_FOUND),
            summary="A payment's chargebacks (the booking's parties): disputed amount, fee, holds, outcome")
async def chargebacks(req: ApiRequest[None, None]) -> ChargebacksOut:
    if req.deps.chargebacks is None:  # pragma: no cover - the composition root always wires it
        raise NotFound()
    found = await req.deps.chargebacks.of_case(req.actor, req.params["case_id"])
    return ChargebacksOut(items=[ChargebackOut.of(v) for v in found])
