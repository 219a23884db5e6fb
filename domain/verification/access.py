"""Who may see and submit verification documents: the owner, the owners and managers of the
providers they work for (crew documents), admins (by role, in the policy). Anyone else learns
nothing (404). The files themselves follow the same rule (media holder `verification`)."""

from __future__ import annotations

from uuid import UUID

from domain.access.policy import register_relation
from domain.accounts.models import Membership, Organisation, OrgRole
from domain.media.access import register_holder
from domain.shared.context import Actor
from domain.shared.ids import as_uuid
from domain.verification.models import VerificationDocument

MANAGING = (OrgRole.OWNER, OrgRole.MANAGER)


async def manages(actor: Actor, subject_id: object) -> bool:
    """The actor owns or manages an organisation the subject works for (accepted memberships)."""
    subject = as_uuid(str(subject_id))
    me = as_uuid(actor.user_id)
    if subject is None or me is None:
        return False
    orgs = await Membership.filter(user_id=subject).values_list("organisation_id", flat=True)
    if not orgs:
        return False
    if await Membership.exists(organisation_id__in=list(orgs), user_id=me, role__in=list(MANAGING)):
        return True
    return await Organisation.exists(id__in=list(orgs), owner_id=me)


async def manages_org(actor: Actor, org_id: object) -> bool:
    uid, me = as_uuid(str(org_id)), as_uuid(actor.user_id)
    if uid is None or me is None:
        return False
    return await Organisation.exists(id=uid, owner_id=me) or await Membership.exists(
        organisation_id=uid, user_id=me, role__in=list(MANAGING))


async def _subject(actor: Actor, subject_id: object) -> bool:
    """The resource is a user id: themself or their crew's manager."""
    return str(subject_id) == actor.user_id or await manages(actor, subject_id)


async def _document_party(actor: Actor, document: object) -> bool:
    if not isinstance(document, VerificationDocument):
        return False
    return str(document.owner_id) == actor.user_id or await manages(actor, document.owner_id)


async def _org_manager(actor: Actor, org_id: object) -> bool:
    return await manages_org(actor, org_id)


async def _holder(actor: Actor, holder_id: str) -> bool:
    uid = as_uuid(holder_id)
    document = await VerificationDocument.get_or_none(id=uid) if isinstance(uid, UUID) else None
    return await _document_party(actor, document)


register_relation("verification_subject", _subject)
register_relation("verification_party", _document_party)
register_relation("verification_org_manager", _org_manager)
register_holder("verification", _holder, audited_as="verification_document")
