"""A payment as clients see it, whichever way it reaches them: the REST body, the ack of the
socket's `payment:checkout` (realtime/namespaces/root.py) are this one model; and what an
offline `payment.checkout` (sync/mutations.py) may ask."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from pydantic import BaseModel, Field

from domain.finance.cases.models import CaseState, MilestoneState
from domain.finance.cases.views import CaseView
from domain.shared.clock import isoformat
from domain.shared.payloads import Instant, MoneyOut, StrictIn


@dataclass(frozen=True)
class CheckoutDraft:
    """A checkout's arguments as a client sends them (the REST body, the socket payload or an
    offline mutation's `data`), validated by the adapter: the payment method token, the parts
    of a job paid in parts (titles and amounts), and whether to spend promotional credit."""

    payment_method: str
    milestones: list[tuple[str, int]] | None = None
    use_promo_credit: bool = True


class MilestoneIn(StrictIn):
    title: str = Field("", max_length=200)
    amount: int = Field(gt=0, le=10**12, description="minor units of the booking's currency")


class CheckoutIn(StrictIn):
    payment_method: str = Field(min_length=1, max_length=255, description="a payment method token from the "
                                "gateway's client SDK (the sandbox accepts e.g. pm_card_visa)")
    milestones: list[MilestoneIn] | None = Field(
        None, min_length=1, max_length=20,
        description="a job paid in parts: the amounts add up to the booking's total; each part is released on its own",
    )
    use_promo_credit: bool = Field(True, description="spend your promotional credit on it (the default; the card "
                                   "is charged the rest, at least the gateway's minimum); false keeps the credit")

    def draft(self) -> CheckoutDraft:
        milestones = [(m.title, m.amount) for m in self.milestones] if self.milestones else None
        return CheckoutDraft(self.payment_method, milestones, self.use_promo_credit)


class MilestoneOut(BaseModel):
    position: int
    title: str
    amount: MoneyOut = Field(description="what remains of this part (after refunds)")
    state: MilestoneState
    released_at: Instant | None


class PaymentCaseOut(BaseModel):
    id: str
    booking_id: str
    state: CaseState
    region: str | None = Field(None, description="data residency (REGIONS), from its booking at creation")
    amount: MoneyOut = Field(description="the booking's total (card + promotional credit)")
    promo_credit: MoneyOut = Field(description="the promotional credit it spends (reserved until the capture)")
    charged: MoneyOut = Field(description="what the payment method is authorized for: amount - promo_credit")
    captured: MoneyOut
    refunded: MoneyOut
    released: MoneyOut
    held: MoneyOut = Field(description="captured and still held for this booking")
    capture_before: Instant | None
    release_after: Instant | None
    failure: str
    milestones: list[MilestoneOut]
    actions: list[str] = Field(description="the payment actions you may take now")
    version: int
    seq: int = Field(description="the sequence number of the payment's last finance event")
    created_at: Instant
    updated_at: Instant

    @classmethod
    def of(cls, view: CaseView) -> PaymentCaseOut:
        c = view.case

        def money(amount: int) -> MoneyOut:
            return MoneyOut.from_parts(amount, c.currency)

        return cls(
            id=str(c.id), booking_id=str(c.booking_id), state=CaseState(c.state), region=c.region,
            amount=money(c.amount),
            promo_credit=money(c.promo_amount), charged=money(c.amount - c.promo_amount),
            captured=money(c.captured_amount), refunded=money(c.refunded_amount), released=money(c.released_amount),
            held=money(view.held), capture_before=_ts(c.capture_before), release_after=_ts(c.release_after),
            failure=c.failure,
            milestones=[MilestoneOut(position=m.position, title=m.title, amount=money(m.amount),
                                     state=MilestoneState(m.state),
                                     released_at=_ts(m.released_at)) for m in view.milestones],
            actions=[a.value for a in view.actions], version=c.version, seq=c.seq,
            created_at=isoformat(c.created_at), updated_at=isoformat(c.updated_at),
        )


def _ts(moment: datetime | None) -> str | None:
    return isoformat(moment) if moment is not None else None
