"""Holds for review on a payment: fraud rules (domain/safety/fraud.py) look at an authorization
as it lands and may hold the payment; a held payment is not captured until the hold is cleared.

Finance is the lower context and may not import safety: safety registers its screen and its
guard here. A screen runs in the unit of work that books the authorization (its hold commits
with it); the guard is asked, in the capture's unit of work, whether a hold still blocks it.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from uuid import UUID

from domain.finance.cases.models import PaymentCase
from domain.shared.uow import UnitOfWork


@dataclass(frozen=True)
class Authorized:
    case: PaymentCase  # just moved to `authorized`
    card_country: str | None  # ISO 3166-1 alpha-2 of the card, when the gateway says


PaymentScreen = Callable[[UnitOfWork, Authorized], Awaitable[None]]
CaptureGuard = Callable[[UnitOfWork, UUID], Awaitable[bool]]
# By name: the composition root registers once per app it builds, the latest one stands.
_screens: dict[str, PaymentScreen] = {}
_guards: dict[str, CaptureGuard] = {}


def register_payment_screen(name: str, screen: PaymentScreen) -> None:
    _screens[name] = screen


def register_capture_guard(name: str, guard: CaptureGuard) -> None:
    _guards[name] = guard


async def screen_authorized(uow: UnitOfWork, authorized: Authorized) -> None:
    for screen in list(_screens.values()):
        await screen(uow, authorized)


async def capture_blocked(uow: UnitOfWork, case_id: UUID) -> bool:
    for guard in list(_guards.values()):
        if await guard(uow, case_id):
            return True
    return False
