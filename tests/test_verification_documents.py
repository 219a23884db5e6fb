"""Verification documents (issue 15): each kind's own fields, validated; the number sealed at
rest and never shown (its parties see the last four characters); submission by the serviceman
or their provider's manager; the admin queue with filters, assignment, approval and rejection
with a reason the submitter sees; re-submission; the full history; audited downloads; the crew
view of a business; public badges that name each check and its expiry, never a number
(acceptance 5 with tests/test_access_policy.py)."""

from __future__ import annotations

import uuid
from typing import Any

import asyncpg
import pytest

from domain.audit.models import AuditRecord
from domain.profiles.models import ServicemanProfile
from domain.shared.sealing import SealBroken
from domain.verification.models import VerificationDocument
from tests.support.bookings import CENTRE, make_serviceman, make_zone, ok
from tests.support.identity import join_org, make_admin, register
from tests.support.sync import Replica, flush
from tests.support.verification import (
    approve,
    document_upload,
    fields_for,
    gas_engineer,
    service_of,
    submit,
    verify,
)

QUEUE = "/v1/admin/verification/documents"


async def test_each_kind_validates_its_own_fields(client: Any) -> None:
    serviceman = await register(client, "serviceman")
    upload_id = await document_upload(client, serviceman)
    url = f"/v1/servicemen/{serviceman.id}/verification/documents"
    bad = {"insurer": "Acme", "policy_number": "x", "cover_amount": -5, "currency": "pounds",
           "start": "2026-05-01", "expiry": "2026-04-01"}
    refused = await client.post(url, headers=serviceman.headers, json={
        "kind": "insurance", "upload_id": upload_id, "fields": bad})
    assert refused.status == 422
    fields = {e["field"] for e in (await refused.json())["errors"]}
    assert {"fields.policy_number", "fields.cover_amount", "fields.currency", "fields.expiry"} <= fields
    dbs = await client.post(url, headers=serviceman.headers, json={"kind": "dbs", "upload_id": upload_id, "fields": {
        "level": "enhanced", "certificate_number": "12345", "issue_date": "2026-13-01"}})
    assert dbs.status == 422
    assert {e["field"] for e in (await dbs.json())["errors"]} == {"fields.certificate_number", "fields.issue_date"}
    expired = await client.post(url, headers=serviceman.headers, json={
        "kind": "photo_id", "upload_id": upload_id, "fields": fields_for("photo_id", "2020-01-01")})
    assert expired.status == 422
    # Nothing half-written: the upload is still free to attach.
    assert (await submit(client, serviceman, serviceman.id, "photo_id", upload_id=upload_id))["state"] == "pending"


async def test_numbers_are_sealed_and_never_shown(client: Any, database_url: str) -> None:
    serviceman = await register(client, "serviceman")
    doc = await submit(client, serviceman, serviceman.id, "insurance")
    assert doc["number_last4"] == "7766" and "PL-99887766" not in str(doc)
    assert doc["fields"]["insurer"] == "Acme Mutual" and "policy_number" not in doc["fields"]
    dbs = await submit(client, serviceman, serviceman.id, "dbs")
    assert dbs["checks"] == [{"source": "dbs_update_service", "outcome": "clear", "detail": "",
                              "at": dbs["checks"][0]["at"]}]
    assert "C0012345" not in str(dbs) and dbs["fields"]["update_service_id_last4"] == "2345"
    conn = await asyncpg.connect(database_url.replace("postgres://", "postgresql://", 1))
    try:
        stored = await conn.fetchval("SELECT row_to_json(d)::text FROM verification_document d WHERE id = $1",
                                     doc["id"])
        ops = await conn.fetchval("SELECT string_agg(data, '') FROM (SELECT data FROM sync_op UNION ALL "
                                  "SELECT data FROM sync_op_pending) AS o")
        outbox = await conn.fetchval("SELECT string_agg(body::text, '') FROM outbox")
    finally:
        await conn.close()
    assert "PL-99887766" not in stored and "number_sealed" in stored
    assert "PL-99887766" not in (ops or "") and "PL-99887766" not in (outbox or "")
    # Sealed for its row: the vault opens it again, and a ciphertext copied to another document does not open.
    sealed = await VerificationDocument.get(id=doc["id"])
    assert await service_of(client).open_number(sealed) == "PL-99887766"
    sealed.id = uuid.uuid4()
    with pytest.raises(SealBroken):
        await service_of(client).open_number(sealed)


async def test_the_queue_assignment_rejection_resubmission_and_history(client: Any) -> None:
    admin = await make_admin(client)
    other_admin = await make_admin(client)
    provider = await register(client, "provider")
    org = await ok(await client.post("/v1/orgs", headers=provider.headers, json={"name": "Gas Co"}), 201)
    zone = await make_zone(client, admin, *CENTRE)
    crew = await make_serviceman(client, [zone], ["gas"], name="Cal")
    await join_org(client, provider, org["id"], crew)
    # The manager submits for their crew; the crew member sees it as theirs.
    doc = await submit(client, provider, crew.id, "accreditation")
    assert doc["owner_id"] == crew.id and doc["submitted_by_id"] == provider.id
    mine = await ok(await client.get(f"/v1/servicemen/{crew.id}/verification/documents", headers=crew.headers))
    assert [d["id"] for d in mine["documents"]] == [doc["id"]]

    pending = await ok(await client.get(QUEUE, headers=admin.headers, params={"kind": "accreditation"}))
    assert [d["id"] for d in pending["documents"]] == [doc["id"]]
    assigned = await ok(await client.post(f"{QUEUE}/{doc['id']}/assign", headers=admin.headers,
                                          json={"assignee_id": other_admin.id}))
    assert assigned["assignee_id"] == other_admin.id
    assert (await ok(await client.get(QUEUE, headers=admin.headers, params={"assignee": "none"})))["documents"] == []
    theirs = await ok(await client.get(QUEUE, headers=other_admin.headers, params={"assignee": "me"}))
    assert [d["id"] for d in theirs["documents"]] == [doc["id"]]
    not_admin = await client.post(f"{QUEUE}/{doc['id']}/assign", headers=admin.headers,
                                  json={"assignee_id": provider.id})
    assert not_admin.status == 422

    rejected = await ok(await client.post(f"{QUEUE}/{doc['id']}/reject", headers=other_admin.headers,
                                          json={"reason": "The register number is unreadable"}))
    assert rejected["state"] == "rejected"
    seen = await ok(await client.get(f"/v1/verification/documents/{doc['id']}", headers=crew.headers))
    assert seen["reject_reason"] == "The register number is unreadable"
    assert (await client.post(f"{QUEUE}/{doc['id']}/approve", headers=admin.headers, json={})).status == 409
    blocked = await ok(await client.get(f"/v1/orgs/{org['id']}/verification/crew", headers=provider.headers))
    [member] = [m for m in blocked["crew"] if m["user_id"] == crew.id]
    assert {b["category_id"] for b in member["blocked"]} >= {"gas", "gas.boiler-service"}
    assert "gas_safe" in member["blocked"][0]["missing"] and "Gas Safe" in member["blocked"][0]["reason"]

    again = await submit(client, crew, crew.id, "accreditation", replaces_id=doc["id"])
    assert again["replaces_id"] == doc["id"]
    await approve(client, admin, again["id"])
    await verify(client, admin, crew, "photo_id")
    await verify(client, admin, crew, "insurance")
    cleared = await ok(await client.get(f"/v1/orgs/{org['id']}/verification/crew", headers=provider.headers))
    [member] = [m for m in cleared["crew"] if m["user_id"] == crew.id]
    assert member["blocked"] == [] and {"gas_safe", "photo_id", "insurance"} <= set(member["verified"])
    history = await ok(await client.get(f"/v1/verification/documents/{doc['id']}", headers=admin.headers))
    assert [h["action"] for h in history["history"]] == ["submitted", "assigned", "rejected"]

    # The owner registers the business: its storefront shows the check, and its verified crew.
    registration = await submit(client, provider, provider.id, "business_registration", fields={
        "organisation_id": org["id"], "registered_name": "Gas Co Ltd", "registration_number": "SC123456",
        "country": "GB"})
    await approve(client, admin, registration["id"])
    front = await ok(await client.get(f"/v1/storefronts/{org['id']}"))
    assert front["verification"]["registered"] is True and front["verification"]["verified_crew"] == 1
    assert "SC123456" not in str(front) and "3456" not in str(front["verification"])
    assert not await ServicemanProfile.exists(user_id=provider.id)  # an owner's registration makes no serviceman


async def test_downloads_are_audited_and_badges_name_checks_only(client: Any) -> None:
    admin = await make_admin(client)
    zone = await make_zone(client, admin, *CENTRE)
    engineer, insurance = await gas_engineer(client, admin, zone)
    stranger = await register(client, "serviceman")
    url = f"/v1/verification/documents/{insurance['id']}/download"
    assert (await client.get(url, headers=stranger.headers)).status == 404
    assert (await client.get(f"/v1/uploads/{insurance['upload_id']}/download", headers=stranger.headers)).status \
        == 404
    signed = await ok(await client.get(url, headers=admin.headers))
    assert signed["method"] == "GET"
    audited = await AuditRecord.filter(action="verification.download", subject_id=insurance["id"]).values_list(
        "actor_id", flat=True)
    assert audited == [admin.id]
    # The same file through the generic uploads route is audited just the same.
    await ok(await client.get(f"/v1/uploads/{insurance['upload_id']}/download", headers=admin.headers))
    audited = await AuditRecord.filter(action="verification.download", subject_id=insurance["id"]).values_list(
        "actor_id", flat=True)
    assert audited == [admin.id, admin.id]

    profile = await ok(await client.get(f"/v1/servicemen/{engineer.id}/profile", headers=stranger.headers))
    assert {b["credential"] for b in profile["verification"]["badges"]} == {"photo_id", "gas_safe", "insurance"}
    badges = await ok(await client.get(f"/v1/servicemen/{engineer.id}/verification"))
    assert badges["verified"] is True
    assert {b["credential"] for b in badges["badges"]} == {"photo_id", "gas_safe", "insurance"}
    assert all(set(b) == {"credential", "label", "expires_at"} for b in badges["badges"])
    assert "PL-99887766" not in str(badges) and "7766" not in str(badges)

    # Another user's sync holds the engineer's public profile (credential names), never a document.
    replica = Replica(stranger)
    await flush(client)
    await replica.catch_up(client)
    assert replica.ids("verification_documents") == set()
    text = str(replica.rows)
    assert "PL-99887766" not in text and "GS-5551234" not in text and insurance["id"] not in text
    own = Replica(engineer)
    await own.catch_up(client)
    assert insurance["id"] in own.ids("verification_documents")
    row = own.rows[("verification_documents", insurance["id"])]
    assert "fields" not in row and "number_last4" not in row and row["state"] == "approved"
