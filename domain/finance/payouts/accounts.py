"""Payees' connected accounts (issue 13 item 7): onboarding, the KYC state the gateway reports
(refreshed from `account.updated` through the webhook inbox and on demand), payout preferences,
and the payout eligibility a provider app shows on the organisation and serviceman profiles.

The one unit of work that flips `payouts_enabled` on pays the backlog (services.py `Payouts`
implements `_pay_backlog`): however many `account.updated` events arrive, in whatever order, one
transfer is made.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from tortoise.exceptions import IntegrityError

from domain.access.policy import Permission, allowed, require_step_up
from domain.audit import services as audit
from domain.finance.gateway.port import AccountRequest, ConnectedAccount, GatewayEvent, PaymentGateway
from domain.finance.payouts import payees as payee_rules
from domain.finance.payouts.models import PayeeAccount, Schedule
from domain.finance.payouts.payees import Payee
from domain.finance.payouts.views import AccountView, Eligibility, OnboardingView
from domain.shared.clock import utcnow
from domain.shared.context import Actor, RequestContext
from domain.shared.errors import Conflict, ConflictReason, ValidationFailed
from domain.shared.events import DomainEvent
from domain.shared.uow import UnitOfWork, unit_of_work


@dataclass(frozen=True)
class PayoutRules:
    minimum: int = 100          # minor units: the smallest payout, on demand or scheduled
    per_day: int = 3            # on-demand payout requests per payee per UTC day
    default_country: str = "US"
    schedule_batch: int = 200


@dataclass(frozen=True)
class Who:
    ledger_actor: str
    actor: Actor | None = None
    context: RequestContext = field(default_factory=RequestContext)


def invalid(field_name: str, message: str) -> ValidationFailed:
    return ValidationFailed(errors=[{"field": field_name, "message": message, "type": "value_error",
                                     "location": "body"}])


class PayeeAccounts:
    # The gateway event types this part applies (the webhook inbox's router, app/container.py).
    GATEWAY_EVENT_TYPES = ("account.updated",)

    def __init__(self, gateway: PaymentGateway, rules: PayoutRules | None = None) -> None:
        self.gateway = gateway
        self.rules = rules or PayoutRules()

    # ---- the cases' port: where a release pays a payee --------------------------------

    async def destination(self, owner: str) -> str | None:
        """The connected account a release transfers this payee's share to: only when payouts
        are enabled and they are paid on release; otherwise their share accrues as payable."""
        row = await PayeeAccount.get_or_none(owner=owner, payouts_enabled=True, schedule=Schedule.ON_RELEASE)
        return row.account_id if row is not None else None

    # ---- onboarding ---------------------------------------------------------------------

    async def start_onboarding(self, actor: Actor, payee: Payee, *, country: str | None, business_type: str | None,
                               refresh_url: str, return_url: str,
                               context: RequestContext | None = None) -> OnboardingView:
        """Create the payee's connected account (once: the same account on every call) and
        return a fresh onboarding link; the account's state is read back and stored. Where the
        money goes (the bank account entered at the gateway) is changed here: a recent second
        factor is required from a user who has one (403 `mfa_step_up_required`)."""
        await self._authorize(actor, Permission.PAYOUT_MANAGE, payee)
        await require_step_up(actor)
        context = context or RequestContext()
        row = await self._row(payee.owner)
        if row.account_id is None:
            chosen_country = (country or row.country or self.rules.default_country).upper()
            kind = business_type or ("company" if payee.is_org else "individual")
            if kind not in ("company", "individual"):
                raise invalid("business_type", "company or individual")
            created = await self.gateway.create_account(AccountRequest(
                country=chosen_country, email=await payee_rules.contact_email(payee),
                business_type="company" if kind == "company" else "individual",
                idempotency_key=f"fs:account:{row.id}:{chosen_country}:{kind}"))
            async with unit_of_work() as uow:
                claimed = await PayeeAccount.filter(id=row.id, account_id__isnull=True).using_db(uow.connection).update(
                    account_id=created.id, gateway=self.gateway.name, country=chosen_country, version=row.version + 1)
                if claimed:
                    await audit.record(uow, actor=actor, action="payout.onboarding_started",
                                       subject_type="payee", subject_id=payee.owner, context=context,
                                       after={"account_id": created.id, "gateway": self.gateway.name})
            row = await PayeeAccount.get(id=row.id)
        assert row.account_id is not None
        url = await self.gateway.onboarding_link(row.account_id, refresh_url=refresh_url, return_url=return_url)
        view = await self.refresh_row(row)
        return OnboardingView(account=view, url=url)

    async def refresh(self, actor: Actor, payee: Payee) -> AccountView:
        """Read the account's KYC state from the gateway now (a payee back from onboarding)."""
        await self._authorize(actor, Permission.PAYOUT_MANAGE, payee)
        row = await PayeeAccount.get_or_none(owner=payee.owner)
        if row is None or row.account_id is None:
            raise Conflict("Start onboarding first.", details={"cause": "not_onboarded"},
                           reason=ConflictReason.NOT_ELIGIBLE)
        return await self.refresh_row(row)

    async def refresh_row(self, row: PayeeAccount) -> AccountView:
        assert row.account_id is not None
        state = await self.gateway.account(row.account_id)
        async with unit_of_work() as uow:
            await self._apply_account(uow, state, Who(f"gateway:{self.gateway.name}"))
        return await self._account_view(await PayeeAccount.get(id=row.id))

    async def account(self, actor: Actor, payee: Payee) -> AccountView:
        """The payee's payout eligibility (charges/payouts enabled, requirements due) and preferences."""
        await self._authorize(actor, Permission.PAYOUT_READ, payee)
        row = await PayeeAccount.get_or_none(owner=payee.owner)
        return await self._account_view(row, payee.owner)

    async def apply_gateway_event(self, event: GatewayEvent, uow: UnitOfWork) -> None:
        """`account.updated` from the webhook inbox: refetch the account and apply its state
        (never the event's copy: any order of events ends in the same state)."""
        account_id = event.account if event.type != "account.updated" else (event.object_id or event.account)
        if not account_id or not await PayeeAccount.exists(account_id=account_id):
            return
        state = await self.gateway.account(account_id)
        async with unit_of_work() as inner:  # a savepoint of the inbox's unit of work
            await self._apply_account(inner, state, Who(f"gateway:{self.gateway.name}",
                                                        context=RequestContext(request_id=event.id)))

    async def _apply_account(self, uow: UnitOfWork, state: ConnectedAccount, who: Who) -> None:
        conn = uow.connection
        row = await PayeeAccount.get_or_none(account_id=state.id, using_db=conn)
        if row is None:
            return
        now = utcnow()
        details = {"charges_enabled": state.charges_enabled, "details_submitted": state.details_submitted,
                   "requirements_due": sorted(state.requirements_due), "synced_at": now}
        if state.payouts_enabled and not row.payouts_enabled:
            # The one unit of work that flips the flag pays the backlog; every other sees it set.
            flipped = await PayeeAccount.filter(id=row.id, payouts_enabled=False).using_db(conn).update(
                payouts_enabled=True, enabled_count=row.enabled_count + 1, version=row.version + 1, **details)
            if flipped:
                fresh = await PayeeAccount.get(id=row.id, using_db=conn)
                await self._event(uow, "payout.account_enabled", fresh.owner, who,
                                  {"account_id": state.id, "enabled_count": fresh.enabled_count})
                await self._pay_backlog(uow, fresh, who)
                return
        elif not state.payouts_enabled and row.payouts_enabled:
            await PayeeAccount.filter(id=row.id, payouts_enabled=True).using_db(conn).update(
                payouts_enabled=False, version=row.version + 1, **details)
            await self._event(uow, "payout.account_disabled", row.owner, who, {"account_id": state.id})
            return
        await PayeeAccount.filter(id=row.id).using_db(conn).update(**details)

    async def _pay_backlog(self, uow: UnitOfWork, row: PayeeAccount, who: Who) -> None:
        """Pay what accrued while the payee could not be paid (services.py `Payouts`)."""
        raise NotImplementedError

    # ---- preferences --------------------------------------------------------------------

    async def preferences(self, actor: Actor, payee: Payee) -> AccountView:
        await self._authorize(actor, Permission.PAYOUT_READ, payee)
        return await self._account_view(await PayeeAccount.get_or_none(owner=payee.owner), payee.owner)

    async def set_preferences(self, actor: Actor, payee: Payee, *, schedule: Schedule, weekly_day: int,
                              context: RequestContext | None = None) -> AccountView:
        """When payouts go: a payout detail, so a recent second factor is required (as onboarding)."""
        await self._authorize(actor, Permission.PAYOUT_MANAGE, payee)
        await require_step_up(actor)
        if not 0 <= weekly_day <= 6:
            raise invalid("weekly_day", "0 (Monday) to 6 (Sunday)")
        row = await self._row(payee.owner)
        async with unit_of_work() as uow:
            await PayeeAccount.filter(id=row.id).using_db(uow.connection).update(
                schedule=schedule, weekly_day=weekly_day, version=row.version + 1)
            await audit.record(uow, actor=actor, action="payout.preferences_changed", subject_type="payee",
                               subject_id=payee.owner, context=context or RequestContext(),
                               before={"schedule": row.schedule.value, "weekly_day": row.weekly_day},
                               after={"schedule": schedule.value, "weekly_day": weekly_day})
        return await self._account_view(await PayeeAccount.get(id=row.id))

    # ---- helpers ------------------------------------------------------------------------

    async def _authorize(self, actor: Actor, permission: Permission, payee: Payee) -> None:
        await payee_rules.authorized(actor, permission, payee)

    async def _row(self, owner: str) -> PayeeAccount:
        row = await PayeeAccount.get_or_none(owner=owner)
        if row is not None:
            return row
        try:
            async with unit_of_work() as uow:
                return await PayeeAccount.create(owner=owner, using_db=uow.connection)
        except IntegrityError:  # created meanwhile by a concurrent request
            return await PayeeAccount.get(owner=owner)

    async def _account_view(self, row: PayeeAccount | None, owner: str | None = None) -> AccountView:
        return AccountView.of(row, owner or (row.owner if row else ""), self.rules.minimum, self.rules.per_day)

    async def _event(self, uow: UnitOfWork, type_: str, owner: str, who: Who, data: dict[str, Any]) -> None:
        await uow.record(DomainEvent(stream="finance", type=type_, subject=f"payee:{owner}"[:128],
                                     actor_id=who.actor.user_id if who.actor else None,
                                     data={"owner": owner, "by": who.ledger_actor, **data}))


async def eligibility(actor: Actor, payee: Payee) -> Eligibility | None:
    """The payee's payout eligibility (can they be paid, KYC status, what is missing) for whoever
    may read their payouts: the serviceman themself, the organisation's owner and managers, admins.
    Anyone else gets None: not even whether an account exists."""
    if not await allowed(actor, Permission.PAYOUT_READ, payee):
        return None
    return Eligibility.of(await PayeeAccount.get_or_none(owner=payee.owner))
