"""Consents, policy documents and their acceptance (issue 18; docs/privacy-consent.md), and
marketing announcements (the category consent governs)."""

from __future__ import annotations

from typing import Any

from domain.consent import policies
from domain.consent import services as consent
from domain.consent.models import ConsentChannel
from domain.notifications import marketing
from domain.shared.errors import ConflictReason, ErrorCode
from rest.routing import ApiRequest, RouteTable
from rest.schemas.consent import (
    AcceptanceIn,
    AcceptanceOut,
    AcceptancesOut,
    AnnouncementIn,
    AnnouncementOut,
    ConsentsIn,
    ConsentsOut,
    PoliciesOut,
    PoliciesQuery,
    PolicyIn,
    PolicyOut,
    PolicyQuery,
    RequiredOut,
)

routes = RouteTable(tags=("privacy",))
E = ErrorCode
R = ConflictReason


def _ip_hash(req: ApiRequest[Any, Any]) -> str | None:
    """The client address as the keyed hash the REST edge made of it (PII_HASH_KEY), never the address."""
    return req.context.ip_hash


def _locale(req: ApiRequest[Any, Any], chosen: str | None) -> str | None:
    """The language asked for: the query's, else the first of Accept-Language."""
    if chosen:
        return chosen
    header = req.request.headers.get("Accept-Language", "")
    first = header.split(",", 1)[0].split(";", 1)[0].strip()
    return first if first and first != "*" and len(first) <= 35 else None


@routes.get("/me/consents", response=ConsentsOut, auth=True,
            summary="Your consents: the current state of every purpose and the history of your choices")
async def get_consents(req: ApiRequest[None, None]) -> ConsentsOut:
    return ConsentsOut.of(await consent.get(req.actor))


@routes.put("/me/consents", body=ConsentsIn, response=ConsentsOut, auth=True,
            errors=(E.VALIDATION_FAILED, E.CONFLICT), reasons=(R.STALE_VERSION,),
            summary="Grant or withdraw purposes (marketing_push, marketing_email, analytics, ai_processing)",
            description="Withdrawing is the same call as granting. Each purpose whose state changes gets a record "
                        "(with the privacy policy version, the channel and the time); purposes not named, or named "
                        "with the state they have, record nothing. With `version` (the one you read) a change made "
                        "meanwhile answers 409 and records nothing.")
async def put_consents(req: ApiRequest[ConsentsIn, None]) -> ConsentsOut:
    b = req.body
    choices = {name: choice.granted for name, choice in b.purposes if choice is not None}
    change = consent.ConsentChange(choices=choices, channel=ConsentChannel(b.channel), expected_version=b.version,
                                   policy_version=b.policy_version, source_ip_hash=_ip_hash(req))
    return ConsentsOut.of(await consent.change(req.actor, change))


@routes.get("/policies", query=PoliciesQuery, response=PoliciesOut, errors=(E.VALIDATION_FAILED,),
            summary="The policies in effect (terms, privacy, cookies, refunds), in your language or English")
async def list_policies(req: ApiRequest[None, PoliciesQuery]) -> PoliciesOut:
    views = await policies.current(_locale(req, req.query.locale))
    return PoliciesOut(items=[PolicyOut.of(v) for v in views])


@routes.get("/policies/{kind}", query=PolicyQuery, response=PolicyOut, errors=(E.NOT_FOUND, E.VALIDATION_FAILED),
            summary="One policy in effect (or an earlier version), in your language or English")
async def get_policy(req: ApiRequest[None, PolicyQuery]) -> PolicyOut:
    q = req.query
    return PolicyOut.of(await policies.current_of(req.params["kind"], _locale(req, q.locale), q.version))


@routes.get("/me/policy-acceptances", response=AcceptancesOut, auth=True,
            summary="The policies you accepted, and the current ones you have not accepted yet")
async def get_acceptances(req: ApiRequest[None, None]) -> AcceptancesOut:
    required = await policies.outstanding(req.actor.user_id)
    return AcceptancesOut(policy_acceptance_required=bool(required), required=[RequiredOut.of(r) for r in required],
                          accepted=[AcceptanceOut.of(a) for a in await policies.acceptances(req.actor.user_id)])


@routes.post("/me/policy-acceptances", body=AcceptanceIn, response=AcceptanceOut, status=201, auth=True,
             errors=(E.NOT_FOUND, E.VALIDATION_FAILED),
             summary="Accept a version of a policy (accepting it again returns the first acceptance)")
async def accept_policy(req: ApiRequest[AcceptanceIn, None]) -> AcceptanceOut:
    b = req.body
    row = await policies.accept(req.actor, b.kind, b.version, b.locale, ConsentChannel(b.channel), _ip_hash(req))
    return AcceptanceOut.of(row)


@routes.post("/admin/policies", body=PolicyIn, response=PolicyOut, status=201, auth=True,
             errors=(E.FORBIDDEN, E.VALIDATION_FAILED, E.CONFLICT),
             reasons=(R.NOT_ALLOWED, R.NOT_ELIGIBLE, R.DUPLICATE),
             summary="Publish a policy version (English first, the next number) or a translation of one",
             description="Once its `effective_at` passes, a new version of terms or privacy asks every user to "
                         "accept it (`policy_acceptance_required` on GET /v1/me). Audited.")
async def publish_policy(req: ApiRequest[PolicyIn, None]) -> PolicyOut:
    b = req.body
    draft = policies.PolicyDraft(kind=b.kind, version=b.version, locale=b.locale, title=b.title, body=b.body,
                                 effective_at=b.effective_at)
    return PolicyOut.of(await policies.publish(req.actor, draft, req.context))


@routes.post("/admin/marketing/announcements", body=AnnouncementIn, response=AnnouncementOut, status=202, auth=True,
             errors=(E.FORBIDDEN, E.VALIDATION_FAILED),
             summary="Announce something to an audience: only users with marketing consent hear of it",
             description="A notification of kind `marketing.announcement` (category marketing) to every active user "
                         "of the audience whose `marketing_push` consent is granted when it is sent. Audited.")
async def announce(req: ApiRequest[AnnouncementIn, None]) -> AnnouncementOut:
    b = req.body
    announcement = marketing.Announcement(title=b.title, body=b.body, audience=marketing.Audience(b.audience))
    return AnnouncementOut(announcement_id=await marketing.announce(req.actor, announcement, req.context))
