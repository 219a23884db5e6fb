"""Who a payee is (`org:<uuid>` or `user:<uuid>`, or `me`), and who may act for them: the
serviceman themself, or the owner or a manager of the organisation. Registered with
domain/access/policy.py at import as the `payee_manager` relation."""

from __future__ import annotations

from dataclasses import dataclass

from domain.access.policy import Permission, authorize, register_relation
from domain.accounts.models import Membership, Organisation, OrgRole, User
from domain.shared.context import Actor
from domain.shared.errors import NotFound
from domain.shared.ids import as_uuid


@dataclass(frozen=True)
class Payee:
    owner: str                  # the ledger owner: "org:<uuid>" | "user:<uuid>"
    organisation_id: str | None = None
    user_id: str | None = None

    @property
    def is_org(self) -> bool:
        return self.organisation_id is not None


def parse(actor: Actor, name: str) -> Payee:
    """`me`, `org:<uuid>` or `user:<uuid>`; anything else is not found (never a 5xx)."""
    if name == "me":
        return Payee(f"user:{actor.user_id}", user_id=actor.user_id)
    kind, _, raw = name.partition(":")
    uid = as_uuid(raw) if kind in ("org", "user") else None
    if uid is None:
        raise NotFound("No such payee.")
    if kind == "org":
        return Payee(f"org:{uid}", organisation_id=str(uid))
    return Payee(f"user:{uid}", user_id=str(uid))


def of_owner(owner: str) -> Payee:
    kind, _, raw = owner.partition(":")
    return Payee(owner, organisation_id=raw) if kind == "org" else Payee(owner, user_id=raw)


async def exists(payee: Payee) -> bool:
    if payee.organisation_id is not None:
        return await Organisation.exists(id=payee.organisation_id)
    return await User.exists(id=payee.user_id)


async def contact_email(payee: Payee) -> str:
    """Where the gateway writes to the payee: the serviceman, or the organisation's owner."""
    if payee.organisation_id is not None:
        org = await Organisation.get(id=payee.organisation_id).prefetch_related("owner")
        return str(org.owner.email)
    return str((await User.get(id=payee.user_id)).email)


async def authorized(actor: Actor, permission: Permission, payee: Payee) -> None:
    """An unknown payee is not found; a known one is checked by the policy (404 for strangers)."""
    if not await exists(payee):
        raise NotFound("No such payee.")
    await authorize(actor, permission, payee)


async def _manages(actor: Actor, payee: object) -> bool:
    if not isinstance(payee, Payee):
        return False
    if payee.user_id is not None:
        return payee.user_id == actor.user_id
    return await Membership.exists(organisation_id=payee.organisation_id, user_id=actor.user_id,
                                   role__in=[OrgRole.OWNER, OrgRole.MANAGER])


register_relation("payee_manager", _manages)
