"""Submitting documents (the serviceman, or their provider's owner or manager for the crew),
reading them (their parties, admins), the audited download, a business's crew status and the
public badges. The admin queue: domain/verification/review.py; the expiry timer: timers.py."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from uuid import UUID, uuid4

from domain.access.policy import Permission, authorize
from domain.accounts.models import Membership, Organisation, User
from domain.audit import services as audit
from domain.finance.reporting.tax import TaxKeyMissing
from domain.media.access import holder
from domain.media.models import UploadKind
from domain.media.ports import SignedRequest
from domain.media.services import Media, attach, require_attachable
from domain.profiles.models import ServicemanProfile
from domain.shared.clock import utcnow
from domain.shared.context import Actor, RequestContext
from domain.shared.errors import NotFound, ValidationFailed
from domain.shared.ids import as_uuid
from domain.shared.sealing import Place, Sealer
from domain.shared.uow import unit_of_work
from domain.verification import access, eligibility, events
from domain.verification.checks import ExternalChecks, FakeChecks
from domain.verification.fields import parse
from domain.verification.models import (
    DocumentKind,
    DocumentState,
    ExternalCheck,
    VerificationDocument,
    VerificationReview,
)
from domain.verification.views import badge_dict, document_dict

HOLDER = "verification"
MAX_LISTED = 200


@dataclass(frozen=True)
class Submission:
    kind: str
    upload_id: str
    fields: dict[str, Any]
    replaces_id: str | None = None


def number_place(document_id: object) -> Place:
    """Where a document's sealed number lives: bound to the document's row."""
    return Place("verification_document", "number_sealed", str(document_id))


def _invalid(field: str, message: str, kind: str = "value_error") -> ValidationFailed:
    return ValidationFailed(errors=[{"field": field, "message": message, "type": kind}])


class VerificationBase:
    def __init__(self, vault: Sealer | None, media: Media | None = None,
                 checks: ExternalChecks | None = None) -> None:
        self._vault = vault  # protection at rest (domain/shared/sealing.py): document numbers are sealed
        self.media = media
        self.checks: ExternalChecks = checks or FakeChecks()

    @property
    def vault(self) -> Sealer:
        if self._vault is None:
            raise TaxKeyMissing()
        return self._vault

    async def open_number(self, doc: VerificationDocument) -> str:
        """The clear number, for an admin's external check only (never in a view)."""
        return await self.vault.open(number_place(doc.id), doc.number_sealed,
                                     legacy_owner=f"verification:{doc.owner_id}")

    async def load(self, actor: Actor, document_id: str, permission: Permission) -> VerificationDocument:
        uid = as_uuid(document_id)
        doc = await VerificationDocument.get_or_none(id=uid) if uid else None
        await authorize(actor, permission, doc)
        if doc is None:  # an admin asking for an id that names nothing
            raise NotFound()
        return doc

    async def full(self, doc: VerificationDocument) -> dict[str, Any]:
        reviews = await VerificationReview.filter(document_id=doc.id).order_by("id")
        checks = await ExternalCheck.filter(document_id=doc.id).order_by("id")
        return document_dict(doc, reviews, checks)


class Verification(VerificationBase):
    async def submit(self, actor: Actor, subject_id: str, draft: Submission, context: RequestContext) -> dict[str, Any]:
        await authorize(actor, Permission.VERIFICATION_SUBMIT, subject_id)
        try:
            kind = DocumentKind(draft.kind)
        except ValueError:
            raise _invalid("kind", f"one of {', '.join(k.value for k in DocumentKind)}") from None
        parsed = parse(kind, draft.fields, utcnow().date())
        if parsed.organisation_id is not None and not await access.manages_org(Actor(subject_id, frozenset()),
                                                                               parsed.organisation_id):
            raise _invalid("fields.organisation_id", "the serviceman does not own or manage this organisation")
        replaces = await self._replaced(subject_id, draft.replaces_id, parsed.credential)
        await require_attachable(draft.upload_id, actor.user_id, UploadKind.DOCUMENT)
        result = await self.checks.check(kind.value, parsed.details, parsed.number)
        doc_id = uuid4()
        sealed = await self.vault.seal(number_place(doc_id), parsed.number)
        async with unit_of_work() as uow:
            conn = uow.connection
            upload = await attach(uow, draft.upload_id, actor.user_id, UploadKind.DOCUMENT, holder(HOLDER, doc_id))
            doc = await VerificationDocument.create(
                id=doc_id, owner_id=subject_id, organisation_id=parsed.organisation_id, submitted_by_id=actor.user_id,
                kind=kind, credential=parsed.credential, upload_id=upload.id, details=parsed.details,
                number_sealed=sealed, number_last4=parsed.number[-4:], expires_at=parsed.expires_at,
                replaces_id=replaces, using_db=conn)
            await VerificationReview.create(document_id=doc.id, action="submitted", actor_id=actor.user_id,
                                            using_db=conn)
            if result is not None:
                await ExternalCheck.create(document_id=doc.id, source=result.source, outcome=result.outcome,
                                           detail=result.detail, checked_at=utcnow(), using_db=conn)
            await audit.record(uow, actor=actor, action="verification.submit", subject_type="verification_document",
                               subject_id=str(doc.id), context=context,
                               after={"kind": kind.value, "owner_id": subject_id, "credential": parsed.credential})
            await events.record(uow, events.SUBMITTED, doc, actor.user_id, notify=[])
        return await self.full(doc)

    async def _replaced(self, subject_id: str, replaces_id: str | None, credential: str) -> UUID | None:
        if replaces_id is None:
            return None
        uid = as_uuid(replaces_id)
        old = await VerificationDocument.get_or_none(id=uid, owner_id=subject_id) if uid else None
        if old is None:
            raise _invalid("replaces_id", "no such document of this serviceman", "reference")
        if old.credential != credential:
            raise _invalid("replaces_id", "a re-submission or renewal proves what the document it replaces proved")
        return old.id

    async def of_subject(self, actor: Actor, subject_id: str) -> list[dict[str, Any]]:
        await authorize(actor, Permission.VERIFICATION_LIST, subject_id)
        if as_uuid(subject_id) is None:
            raise NotFound()
        rows = await VerificationDocument.filter(owner_id=subject_id).order_by("-created_at").limit(MAX_LISTED)
        return [document_dict(doc) for doc in rows]

    async def get(self, actor: Actor, document_id: str) -> dict[str, Any]:
        return await self.full(await self.load(actor, document_id, Permission.VERIFICATION_READ))

    async def download(self, actor: Actor, document_id: str, context: RequestContext) -> SignedRequest:
        """A short-lived URL for the file; every download is audited (who, which document, when)
        by media itself, as the holder `verification` is declared audited: the generic
        `/v1/uploads/{id}/download` of the same file leaves the same record."""
        doc = await self.load(actor, document_id, Permission.VERIFICATION_READ)
        if self.media is None:  # pragma: no cover - the composition root always wires it
            raise NotFound()
        return await self.media.download(actor, str(doc.upload_id), context)

    async def crew(self, actor: Actor, org_id: str) -> list[dict[str, Any]]:
        """The business's servicemen, each with what they hold and the work they are blocked from, and why."""
        await authorize(actor, Permission.VERIFICATION_CREW_READ, org_id)
        uid = as_uuid(org_id)
        org = await Organisation.get_or_none(id=uid) if uid else None
        if org is None:
            raise NotFound()
        members = await Membership.filter(organisation_id=org.id).values_list("user_id", flat=True)
        names = {str(u.id): u.name for u in await User.filter(id__in=list(members))}
        found = []
        for user_id in sorted(members, key=str):
            profile = await ServicemanProfile.get_or_none(user_id=user_id)
            found.append({"user_id": str(user_id), "name": names.get(str(user_id), ""),
                          "verified": sorted(profile.verified_documents or []) if profile else [],
                          "blocked": await eligibility.blocked(user_id)})
        return found

    async def org_badges(self, org_id: str) -> dict[str, Any]:
        """Public: the business's registration (when approved and current) and how many of its crew
        hold a verified identity; never a document or its number."""
        uid = as_uuid(org_id)
        if uid is None:
            raise NotFound()
        rows = await VerificationDocument.filter(organisation_id=uid, state=DocumentState.APPROVED)
        crew = await Membership.filter(organisation_id=uid).values_list("user_id", flat=True)
        verified = await ServicemanProfile.filter(user_id__in=list(crew)).values_list("verified_documents", flat=True)
        return {"organisation_id": str(uid), "registered": bool(rows), "badges": [badge_dict(doc) for doc in rows],
                "verified_crew": sum(1 for held in verified if "photo_id" in (held or []))}

    async def badges(self, subject_id: str) -> dict[str, Any]:
        """Public: each check passed and its expiry, never the document or its number."""
        uid = as_uuid(subject_id)
        if uid is None or not await User.exists(id=uid):
            raise NotFound()
        held = set(await eligibility.proven(uid, None))
        rows = await VerificationDocument.filter(owner_id=uid, state=DocumentState.APPROVED).order_by("expires_at")
        badges = {doc.credential: badge_dict(doc) for doc in rows if doc.credential in held}
        return {"user_id": str(uid), "verified": "photo_id" in held, "badges": sorted(
            badges.values(), key=lambda b: str(b["credential"]))}
