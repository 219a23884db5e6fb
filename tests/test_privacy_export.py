"""Data-subject export (issue 18, acceptance 2) on real PostgreSQL and Redis: the demo customer
asks, the job builds the bundle from the personal-data registry, it downloads through a
short-lived link of the media store, validates against the published schema
(docs/privacy-export.schema.json) and holds rows from exactly the registry contexts the customer
has rows in (counted independently in SQL). Strangers cannot read an export; links and exports
expire."""

from __future__ import annotations

import asyncio
import json
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from tortoise import connections

from app.bootstrap import CONTAINER
from app.seed import DEMO_PASSWORD, demo_email, populate
from domain.accounts.passwords import Argon2Params, Passwords
from domain.audit.models import AuditRecord
from domain.notifications.models import Notification
from domain.privacy.bundle import SCHEMA_PATH, exported_tables, main, schema_text
from domain.privacy.declarations import REGISTRY
from domain.privacy.exports import PrivacyExport
from domain.privacy.registry import Table
from domain.shared import clock
from tests.conftest import app_of
from tests.support.identity import Account, login, register
from tests.support.media import fetch
from tests.support.privacy_exports import download, request_export, wait_ready
from tests.support.waiting import wait_until

ROOT = Path(__file__).resolve().parent.parent
CUSTOMER_TEXT = "Could you come before noon? The tap is in the cellar."
REPLY_TEXT = "Counterparty words: I will be there at 11."


def published_schema() -> dict[str, Any]:
    return dict(json.loads((ROOT / SCHEMA_PATH).read_text()))


def test_the_published_schema_is_current() -> None:
    assert (ROOT / SCHEMA_PATH).read_text() == schema_text(), \
        "run `python -m domain.privacy.bundle --write docs/privacy-export.schema.json`"
    assert main(["--check", str(ROOT / SCHEMA_PATH)]) == 0
    jsonschema.Draft202012Validator.check_schema(published_schema())


async def sql_counts(user_id: str, generated_at: datetime) -> dict[str, int]:
    """Rows per exported table naming the user in a subject column, counted in SQL from the
    registry's declarations alone (rows written after the bundle was made are left out)."""
    conn = connections.get("default")
    counts = {}
    for table in exported_tables(REGISTRY):
        people = [table.subject or "id", *table.also_subjects]
        where = " OR ".join(f'"{column}"::text = $1' for column in people)
        has_created = await conn.execute_query_dict(
            "SELECT 1 FROM information_schema.columns WHERE table_name = $1 AND column_name = 'created_at'",
            [table.name])
        if has_created:
            where = f"({where}) AND created_at <= $2"
        args: list[Any] = [table.subject_value(user_id)] + ([generated_at] if has_created else [])
        rows = await conn.execute_query_dict(f'SELECT count(*) AS n FROM "{table.name}" WHERE {where}', args)
        counts[table.name] = int(rows[0]["n"])
    return counts


def context_of(name: str) -> str:
    table = REGISTRY.table(name)
    assert isinstance(table, Table)
    return table.context


@pytest.fixture
async def demo(make_client, tmp_path):
    client = await make_client(media_local_dir=str(tmp_path), privacy_export_interval_seconds=0.2)
    client.media_dir = tmp_path
    await populate(Passwords(Argon2Params(1, 8192, 1)))
    return client


async def converse(client, customer: Account, serviceman: Account) -> None:
    """The customer writes to the serviceman of their leak repair; he answers."""
    rows = await connections.get("default").execute_query_dict(
        "SELECT b.id FROM booking b JOIN service s ON s.id = b.service_id "
        "JOIN booking_assignment a ON a.booking_id = b.id "
        "WHERE s.title = 'Leak repair' AND b.customer_id = $1 AND a.serviceman_id = $2",
        [customer.id, serviceman.id])
    body = {"kind": "booking", "booking_id": str(rows[0]["id"])}
    opened = await client.post("/v1/conversations", headers=customer.headers, json=body)
    assert opened.status in (200, 201), await opened.text()
    conversation = (await opened.json())["id"]
    joined = await client.post("/v1/conversations", headers=serviceman.headers, json=body)
    assert (await joined.json())["id"] == conversation
    for who, text, msg_id in ((customer, CUSTOMER_TEXT, "c-1"), (serviceman, REPLY_TEXT, "s-1")):
        sent = await client.post(f"/v1/conversations/{conversation}/messages", headers=who.headers,
                                 json={"client_msg_id": msg_id, "body": text})
        assert sent.status == 201, await sent.text()
    # The reply's notification reaches the customer before the export: the world is quiet then.
    await wait_until(Notification.filter(user_id=customer.id, kind="message.new").exists, 20,
                     "the reply's notification")


async def test_the_demo_customers_export_holds_every_registry_context_they_have_rows_in(demo) -> None:
    client = demo
    customer = await login(client, demo_email("customer"), DEMO_PASSWORD)
    serviceman = await login(client, demo_email("serviceman"), DEMO_PASSWORD)
    await converse(client, customer, serviceman)

    asked = await request_export(client, customer)
    assert asked["state"] == "requested" and asked["region"] == "eu"
    again = await client.post("/v1/me/exports", headers=customer.headers)
    assert again.status == 409
    problem = await again.json()
    assert (problem["details"]["reason"], problem["details"]["export_id"]) == ("duplicate", asked["id"])

    ready = await wait_ready(client, customer, asked["id"])
    assert ready["expires_at"] > ready["ready_at"]
    listed = await (await client.get("/v1/me/exports", headers=customer.headers)).json()
    assert [item["id"] for item in listed["items"]] == [asked["id"]]
    signed, bundle = await download(client, customer, asked["id"])

    # Valid against the schema the project publishes (the file, not the models it came from).
    jsonschema.Draft202012Validator(published_schema(), format_checker=jsonschema.FormatChecker()).validate(bundle)
    manifest = bundle["manifest"]
    assert (manifest["user_id"], manifest["export_id"], manifest["region"]) == (customer.id, asked["id"], "eu")
    assert manifest["contexts"] == sorted({t.context for t in exported_tables(REGISTRY)})

    # Exactly the registry's contexts the customer has rows in, table by table, counted in SQL.
    generated_at = datetime.fromisoformat(manifest["generated_at"])
    expected = await sql_counts(customer.id, generated_at)
    exported = {t["table"]: len(t["rows"]) for s in bundle["contexts"] for t in s["tables"]}
    assert exported == expected
    with_rows = {s["context"] for s in bundle["contexts"] if s["row_count"]}
    assert with_rows == {context_of(name) for name, n in expected.items() if n}
    assert {"accounts", "bookings", "messaging"} <= with_rows

    tables = {t["table"]: t for s in bundle["contexts"] for t in s["tables"]}
    account = tables["user_account"]["rows"]
    assert [row["values"]["email"] for row in account] == [demo_email("customer")]
    assert "password_hash" not in tables["user_account"]["columns"]  # declared, not exported
    bodies = [row["values"]["body"] for row in tables["message"]["rows"]]
    assert bodies == [CUSTOMER_TEXT], "their own message; the one they received is the sender's"
    assert all(row["about_you_as"] == ["customer_id"] for row in tables["booking"]["rows"])
    assert any(row["values"]["address"].startswith("12 Demo Street") for row in tables["booking"]["rows"])

    # Stored under the region, delivered as a short-lived link; notified; request and download audited.
    stored = await PrivacyExport.get(id=asked["id"])
    assert stored.storage_key == f"exports/eu/{asked['id']}"
    assert (client.media_dir / stored.storage_key).is_file()
    assert datetime.fromisoformat(signed["expires_at"]) <= clock.utcnow() + timedelta(seconds=301)
    await wait_until(Notification.filter(user_id=customer.id, kind="privacy.export_ready").exists, 20,
                     "the export's notification")
    notice = await Notification.get(user_id=customer.id, kind="privacy.export_ready")
    assert (notice.entity_type, notice.entity_id, notice.title) == ("privacy_export", asked["id"],
                                                                    "Your data export is ready")
    actions = await AuditRecord.filter(subject_id=asked["id"]).order_by("id").values_list("action", "actor_id")
    assert actions == [("privacy.export.request", customer.id), ("privacy.export.ready", None),
                       ("privacy.export.download", customer.id)]


async def test_an_export_is_its_owners_alone_and_its_links_expire(make_client, tmp_path, monkeypatch) -> None:
    client = await make_client(media_local_dir=str(tmp_path), privacy_export_interval_seconds=0.2,
                               privacy_export_keep_hours=1.0)
    owner, stranger = await register(client, "customer"), await register(client, "serviceman")
    # Two at once: one export is made, the other asker is told of it.
    first, second = await asyncio.gather(*(client.post("/v1/me/exports", headers=owner.headers) for _ in range(2)))
    assert sorted((first.status, second.status)) == [202, 409]
    export_id = (await (first if first.status == 202 else second).json())["id"]
    early = await client.get(f"/v1/me/exports/{export_id}/download", headers=owner.headers)
    assert early.status in (200, 409)  # the job may be quick; before it is ready: invalid_transition
    if early.status == 409:
        assert (await early.json())["details"]["reason"] == "invalid_transition"
    await wait_ready(client, owner, export_id)

    for path in (f"/v1/me/exports/{export_id}", f"/v1/me/exports/{export_id}/download"):
        assert (await client.get(path, headers=stranger.headers)).status == 404
    assert (await (await client.get("/v1/me/exports", headers=stranger.headers)).json())["items"] == []

    signed, bundle = await download(client, owner, export_id)
    assert bundle["manifest"]["user_id"] == owner.id
    # The link dies after MEDIA_DOWNLOAD_TTL_SECONDS (300 s); the export can be asked for a new one.
    later = clock.utcnow() + timedelta(seconds=301)
    monkeypatch.setattr(clock, "utcnow", lambda: later)
    assert (await fetch(client, signed["url"]))[0] == 403
    fresh, _ = await download(client, owner, export_id)
    assert fresh["url"] != signed["url"]

    # Past the export's own expiry (1 h here): the job deletes the bundle; no more links.
    gone = clock.utcnow() + timedelta(hours=1, seconds=1)
    monkeypatch.setattr(clock, "utcnow", lambda: gone)
    assert await app_of(client)[CONTAINER].exports.run_due() == 0
    view = await (await client.get(f"/v1/me/exports/{export_id}", headers=owner.headers)).json()
    assert view["state"] == "expired"
    refused = await client.get(f"/v1/me/exports/{export_id}/download", headers=owner.headers)
    assert (refused.status, (await refused.json())["details"]["reason"]) == (409, "expired")
    assert not (tmp_path / f"exports/unset/{export_id}").exists()
    assert (await fetch(client, fresh["url"]))[0] == 403  # its link is past its time too
    # A new export may be asked for once none is open.
    assert (await client.post("/v1/me/exports", headers=owner.headers)).status == 202
