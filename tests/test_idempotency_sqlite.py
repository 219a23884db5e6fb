"""Idempotency-Key on the SQLite demo database (`./dev run`): the same store, the same answers."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from app.jobs import expire_idempotency_keys
from domain.accounts.models import Organisation
from domain.shared.clock import utcnow
from domain.shared.idempotency import IdempotencyRecord
from tests.sqlite_app import client, make_client, sqlite_template
from tests.support.identity import register

KEY = "Idempotency-Key"


async def test_concurrent_duplicates_make_one_org_and_get_one_answer_on_sqlite(client):
    provider = await register(client, "provider")
    headers = {**provider.headers, KEY: "org-1"}

    async def attempt() -> tuple[int, bytes]:
        response = await client.post("/v1/orgs", headers=headers, json={"name": "Pipes Ltd"})
        return response.status, await response.read()

    results = await asyncio.gather(*(attempt() for _ in range(10)))
    assert {status for status, _ in results} == {201}
    assert len({raw for _, raw in results}) == 1
    assert await Organisation.filter(owner_id=provider.id).count() == 1

    other = await client.post("/v1/orgs", headers=headers, json={"name": "Other"})
    assert other.status == 422 and (await other.json())["code"] == "idempotency_key_reused"

    # Past 24 hours the key is forgotten: the same request runs again.
    await IdempotencyRecord.all().update(created_at=utcnow() - timedelta(hours=25))
    again = await client.post("/v1/orgs", headers=headers, json={"name": "Pipes Ltd"})
    assert again.status == 201 and "Idempotent-Replayed" not in again.headers
    assert await Organisation.filter(owner_id=provider.id).count() == 2
    # The expiry job deletes what is older than 24 h (the new row stays).
    assert await IdempotencyRecord.all().count() == 1
    await IdempotencyRecord.all().update(created_at=utcnow() - timedelta(hours=25))
    assert await expire_idempotency_keys() == 1
    assert await IdempotencyRecord.all().count() == 0


__all__ = ["client", "make_client", "sqlite_template"]
