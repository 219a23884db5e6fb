"""Provider verification in tests (issue 15): document uploads, submissions, approvals, a
serviceman verified for gas work, the service (to run its timer with a moved clock)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from aiohttp.test_utils import TestClient

from domain.catalog.models import CategoryRequirement
from domain.profiles.models import ServicemanProfile
from domain.verification.models import VerificationDocument
from domain.verification.timers import VerificationService
from rest.deps import REST_DEPS
from tests.conftest import app_of
from tests.support.bookings import CENTRE, job_body, make_serviceman, ok
from tests.support.identity import Account
from tests.support.media import png, upload

GAS = "gas.boiler-service"  # the seeded gas trade requires gas_safe, photo_id and insurance
FAR_FUTURE = (date.today() + timedelta(days=900)).isoformat()


def service_of(client: TestClient) -> VerificationService:
    found = app_of(client)[REST_DEPS].verification
    assert found is not None
    return found


async def document_upload(client: TestClient, who: Account) -> str:
    confirmed = await upload(client, who, png(), "image/png", kind="document")
    assert confirmed.status == 200, await confirmed.text()
    return str((await confirmed.json())["id"])


def fields_for(kind: str, expiry: str = FAR_FUTURE, **extra: Any) -> dict[str, Any]:
    found: dict[str, Any] = {
        "photo_id": {"id_type": "passport", "number": "P12345678", "issuing_country": "GB", "expiry": expiry},
        "insurance": {"insurer": "Acme Mutual", "policy_number": "PL-99887766", "cover_amount": 500_000_000,
                      "currency": "GBP", "start": (date.today() - timedelta(days=300)).isoformat(), "expiry": expiry},
        "accreditation": {"scheme": "gas_safe", "register_number": "GS-5551234", "expiry": expiry},
        "dbs": {"level": "enhanced", "certificate_number": "001234567890",
                "issue_date": (date.today() - timedelta(days=30)).isoformat(), "update_service_id": "C0012345"},
    }[kind]
    return {**found, **extra}


async def submit(client: TestClient, who: Account, subject_id: str, kind: str, status: int = 201,
                 **body: Any) -> Any:
    payload = {"kind": kind, "upload_id": body.pop("upload_id", None) or await document_upload(client, who),
               "fields": body.pop("fields", None) or fields_for(kind), **body}
    return await ok(await client.post(f"/v1/servicemen/{subject_id}/verification/documents", headers=who.headers,
                                      json=payload), status)


async def approve(client: TestClient, admin: Account, document_id: str) -> dict[str, Any]:
    return dict(await ok(await client.post(f"/v1/admin/verification/documents/{document_id}/approve",
                                           headers=admin.headers, json={})))


async def verify(client: TestClient, admin: Account, who: Account, kind: str, **body: Any) -> dict[str, Any]:
    doc = await submit(client, who, who.id, kind, **body)
    return await approve(client, admin, doc["id"])


async def gas_engineer(client: TestClient, admin: Account, zone_id: str, name: str = "Gail",
                       insurance_expiry: str = FAR_FUTURE) -> tuple[Account, dict[str, Any]]:
    """A serviceman of the gas trade with every credential it needs; returns them and their insurance."""
    engineer = await make_serviceman(client, [zone_id], ["gas"], name=name)
    await verify(client, admin, engineer, "photo_id")
    await verify(client, admin, engineer, "accreditation")
    insurance = await verify(client, admin, engineer, "insurance", fields=fields_for("insurance", insurance_expiry))
    return engineer, insurance


def gas_job(**overrides: Any) -> dict[str, Any]:
    return job_body(**{"title": "Boiler makes a banging noise", "description": "Combi boiler, needs a service.",
                       "category_id": GAS, "lat": CENTRE[0] + 0.01, "lng": CENTRE[1] + 0.01, **overrides})


async def candidates(client: TestClient, who: Account, category_id: str = GAS) -> list[str]:
    body = await ok(await client.post("/v1/matching/candidates", headers=who.headers, json={
        "category_id": category_id, "lat": CENTRE[0] + 0.01, "lng": CENTRE[1] + 0.01}))
    return [c["serviceman_id"] for c in body["candidates"]]


async def bid(client: TestClient, who: Account, job_id: str) -> Any:
    return await client.post(f"/v1/jobs/{job_id}/bids", headers=who.headers,
                             json={"amount": {"amount": 9000, "currency": "USD"}})


# --- the policy matrix and the IDOR test (tests/test_access_policy.py) ---

# Every verification route that takes an id, with a valid body (only authorization may refuse it).
VERIFICATION_IDOR_BODIES: dict[tuple[str, str], dict[str, Any] | None] = {
    ("POST", "/v1/servicemen/{user_id}/verification/documents"): {
        "kind": "photo_id", "upload_id": "00000000-0000-0000-0000-000000000000",
        "fields": {"id_type": "passport", "number": "P1234567", "issuing_country": "GB", "expiry": "2099-01-01"}},
    ("GET", "/v1/servicemen/{user_id}/verification/documents"): None,
    ("GET", "/v1/servicemen/{user_id}/verification"): None,
    ("GET", "/v1/verification/documents/{document_id}"): None,
    ("GET", "/v1/verification/documents/{document_id}/download"): None,
    ("GET", "/v1/orgs/{org_id}/verification/crew"): None,
    ("POST", "/v1/admin/verification/documents/{document_id}/assign"): {"assignee_id": "{attacker}"},
    ("POST", "/v1/admin/verification/documents/{document_id}/approve"): {},
    ("POST", "/v1/admin/verification/documents/{document_id}/reject"): {"reason": "pwned"},
    ("GET", "/v1/categories/{category}/requirements"): None,
    ("PUT", "/v1/admin/categories/{category}/requirements"): {"credentials": []},
}
# Public reads: they may answer anyone, and change nothing (the badges name no document).
VERIFICATION_PUBLIC_READS = {("GET", "/v1/servicemen/{user_id}/verification"),
                             ("GET", "/v1/categories/{category}/requirements")}
_DOCUMENTS: dict[str, str] = {}  # the world serviceman's id -> their submitted photo ID


async def victim_document(client: TestClient, victim: Account) -> dict[str, str]:
    """Path ids of a pending document of `victim` (made on first use), and a category with requirements."""
    if victim.id not in _DOCUMENTS:
        _DOCUMENTS[victim.id] = str((await submit(client, victim, victim.id, "photo_id"))["id"])
    return {"document_id": _DOCUMENTS[victim.id], "category": "gas"}


def verification_call(action: str) -> Any:
    """`submit` (a document of the caller's upload, for the world serviceman) or `read` their document."""

    async def run(client: TestClient, world: Any, who: Account | None) -> int:
        headers = who.headers if who else {}
        if action == "submit":
            assert who is not None
            payload = {"kind": "photo_id", "upload_id": await document_upload(client, who),
                       "fields": fields_for("photo_id")}
            response = await client.post(f"/v1/servicemen/{world.serviceman.id}/verification/documents",
                                         headers=headers, json=payload)
            return int(response.status)
        ids = await victim_document(client, world.serviceman)
        response = await client.get(f"/v1/verification/documents/{ids['document_id']}", headers=headers)
        return int(response.status)

    return run


async def verification_state(user_id: str) -> tuple[Any, ...]:
    """What an attacker must not change: the user's documents, credentials, and the gas requirements."""
    docs = await VerificationDocument.filter(owner_id=user_id).order_by("id").values_list("id", "state", "version")
    held = await ServicemanProfile.filter(user_id=user_id).values_list("verified_documents", flat=True)
    needs = await CategoryRequirement.filter(category_id="gas").order_by("credential").values_list(
        "credential", flat=True)
    return tuple(docs), tuple(held), tuple(needs)
