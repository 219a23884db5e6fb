"""The demo seed (`fieldsync seed-demo`) on a fresh PostgreSQL database: the marketplace it
promises is there, in the states it promises, and seeding twice changes nothing."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from typing import Any

import asyncpg
import pytest

from app.migrate import migrate
from app.seed import seed_demo
from app.settings import Settings
from domain.zones.index import ZONE_INDEX
from tests.conftest import Services, create_database, drop_database


@pytest.fixture
async def fresh_url(services: Services) -> AsyncIterator[str]:
    url = await create_database(services.postgres_admin_url)
    await migrate(url)
    yield url
    await drop_database(services.postgres_admin_url, url)
    ZONE_INDEX.invalidate()  # the index may still hold the demo zones of the dropped database


async def _rows(url: str, sql: str) -> list[Any]:
    conn = await asyncpg.connect(url.replace("postgres://", "postgresql://", 1))
    try:
        return list(await conn.fetch(sql))
    finally:
        await conn.close()


async def _counts(url: str) -> dict[str, int]:
    """Rows per table, plus the sum of every row version: any write shows up here."""
    tables = [r["tablename"] for r in await _rows(url, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'")]
    counts: dict[str, int] = {}
    for table in tables:
        counts[table] = (await _rows(url, f'SELECT count(*) AS n FROM "{table}"'))[0]["n"]
        columns = await _rows(url, "SELECT column_name FROM information_schema.columns "
                                   f"WHERE table_name = '{table}' AND column_name = 'version' "
                                   "AND data_type IN ('integer', 'bigint')")
        if columns:
            total = await _rows(url, f'SELECT coalesce(sum(version), 0) AS n FROM "{table}"')
            counts[f"{table}.version"] = total[0]["n"]
    return counts


async def _by(url: str, sql: str) -> dict[str, int]:
    return {str(row[0]): int(row[1]) for row in await _rows(url, sql)}


async def test_seed_builds_the_demo_marketplace_once(
    fresh_url: str, settings_factory: Callable[..., Settings]
) -> None:
    settings = settings_factory(database_url=fresh_url)
    summary = await seed_demo(settings)
    assert "Demo City" in summary

    assert (await _rows(fresh_url, "SELECT count(*) AS n FROM user_account WHERE email LIKE '%@demo.fieldsync.dev'"
                        ))[0]["n"] == 10
    roles = await _by(fresh_url, "SELECT roles::jsonb->>0, count(*) FROM user_account GROUP BY 1")
    assert roles == {"customer": 1, "enterprise": 1, "admin": 1, "provider": 2, "serviceman": 5}
    assert await _by(fresh_url, "SELECT city, count(*) FROM zone GROUP BY city") == {"Demo City": 4}
    assert (await _rows(fresh_url, "SELECT count(*) AS n FROM category"))[0]["n"] > 30  # the taxonomy

    crews = await _by(fresh_url, "SELECT o.name, count(*) FROM membership m JOIN organisation o "
                                 "ON o.id = m.organisation_id WHERE m.role = 'serviceman' GROUP BY o.name")
    assert crews == {"Demo Plumbing Co.": 3, "Sparkle Cleaning": 2}
    for table in ("serviceman_profile", "schedule"):
        assert (await _rows(fresh_url, f"SELECT count(*) AS n FROM {table}"))[0]["n"] == 5
    assert (await _rows(fresh_url, "SELECT count(DISTINCT user_id) AS n FROM serviceman_zone"))[0]["n"] == 5
    assert (await _rows(fresh_url, "SELECT count(DISTINCT organisation_id) AS n FROM organisation_zone"))[0]["n"] == 2
    assert (await _rows(fresh_url, "SELECT count(*) AS n FROM storefront"))[0]["n"] == 2

    listings = await _by(fresh_url, "SELECT kind || ':' || state, count(*) FROM service GROUP BY 1")
    assert listings == {"service:published": 6, "package:published": 1, "service:in_review": 1, "service:draft": 1}

    bookings = await _by(fresh_url, "SELECT state, count(*) FROM booking GROUP BY state")
    assert bookings == {"requested": 3, "accepted": 1, "scheduled": 1, "in_progress": 1, "completed": 2,
                        "cancelled": 1}
    multi = await _rows(fresh_url, "SELECT booking_id FROM booking_assignment GROUP BY booking_id HAVING count(*) > 1")
    assert len(multi) == 1  # the package is booked with a crew of two
    assert (await _rows(fresh_url, "SELECT count(*) AS n FROM booking WHERE job_id IS NOT NULL"))[0]["n"] == 1

    assert await _by(fresh_url, "SELECT state, count(*) FROM job GROUP BY state") == {"open": 2, "awarded": 1}
    assert await _by(fresh_url, "SELECT state, count(*) FROM bid GROUP BY state") == {
        "active": 4, "accepted": 1, "rejected": 1}
    assert (await _rows(fresh_url, "SELECT count(*) AS n FROM job_comment"))[0]["n"] == 3

    # Both sides reviewed each completed booking; the customers' reviews moved the aggregates.
    assert (await _rows(fresh_url, "SELECT count(*) AS n FROM review"))[0]["n"] == 4
    orgs = await _by(fresh_url, "SELECT name, rating_count FROM organisation")
    assert orgs == {"Demo Plumbing Co.": 1, "Sparkle Cleaning": 1}
    rated = await _rows(fresh_url, "SELECT rating_sum, rating_count, completed_jobs FROM serviceman_profile "
                                   "WHERE rating_count > 0 ORDER BY rating_sum")
    assert [tuple(row) for row in rated] == [(4, 1, 1), (5, 1, 1)]

    # Every state change went through the outbox.
    events = await _by(fresh_url, "SELECT type, count(*) FROM outbox GROUP BY type")
    assert events["booking.completed"] == 2 and events["bid.accepted"] == 1 and events["review.posted"] == 4

    before = await _counts(fresh_url)
    assert "already present" in await seed_demo(settings)
    assert await _counts(fresh_url) == before
