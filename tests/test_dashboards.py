"""Dashboards (issue 20): the rollups the `dashboards` reaction keeps from a scenario driven
through the real services equal a recomputation from the raw tables; serving a dashboard reads
the rollups only (the SQL it issues, captured); who may read which; the CSV export."""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from domain.dashboards import rebuild, services
from domain.dashboards.models import DashboardRebuildSkip
from domain.shared.context import Actor
from tests.support.bookings import act, book, build_market, iso, ok, slot
from tests.support.bus import pending_ids
from tests.support.market import actor
from tests.support.waiting import wait_until

ROLLUPS = {"dashboard_counter", "dashboard_crew"}
_TABLE = re.compile(r'\b(?:FROM|JOIN|INTO|UPDATE)\s+"?([a-z_][a-z0-9_]*)"?', re.IGNORECASE)


async def _completed(client, m, lead, hours):
    booking = await ok(await book(client, m, serviceman_ids=[lead.id], start=iso(slot(hours))), 201)
    for action in ("accept", "schedule", "start", "complete"):
        booking = await ok(await act(client, lead, booking, action))
    return booking


async def _scenario(client) -> Any:
    """Two completed bookings (one reviewed 4, one reviewed 2 then hidden), one declined, one
    cancelled by the customer, one still requested."""
    m = await build_market(client)
    ana, ben = m.crew
    first = await _completed(client, m, ana, 40)
    second = await _completed(client, m, ana, 44)
    await ok(await client.post(f"/v1/bookings/{first['id']}/reviews", headers=m.customer.headers,
                               json={"rating": 4}), 201)
    unfair = await ok(await client.post(f"/v1/bookings/{second['id']}/reviews", headers=m.customer.headers,
                                        json={"rating": 2}), 201)
    await ok(await client.post(f"/v1/reviews/{unfair['id']}/hide", headers=m.admin.headers))
    declined = await ok(await book(client, m, serviceman_ids=[ana.id], start=iso(slot(50))), 201)
    await ok(await act(client, ana, declined, "decline"))
    cancelled = await ok(await book(client, m, serviceman_ids=[ben.id], start=iso(slot(52))), 201)
    await ok(await act(client, m.customer, cancelled, "cancel"))
    await ok(await book(client, m, serviceman_ids=[ben.id], start=iso(slot(56))), 201)
    await wait_until(lambda: _drained())
    return m


async def _drained() -> bool:
    return not await pending_ids()


@contextmanager
def captured_sql() -> Iterator[list[str]]:
    """Every statement Tortoise sends from this task (its db client logs each at DEBUG, in the
    task that sends it; the app's background jobs run in tasks of their own)."""
    statements: list[str] = []
    mine = asyncio.current_task()

    class Capture(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            if asyncio.current_task() is mine:
                statements.append(record.getMessage())

    logger = logging.getLogger("tortoise.db_client")
    handler, level = Capture(logging.DEBUG), logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    try:
        yield statements
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)


def tables(statements: list[str]) -> set[str]:
    return {name.lower() for sql in statements for name in _TABLE.findall(sql)}


async def test_the_rollups_equal_a_recomputation_from_the_raw_tables(client):
    m = await _scenario(client)
    ana, ben = m.crew
    assert await rebuild.stored() == await rebuild.compute()

    period = services.period()
    mine = await services.serviceman(actor(ana), None, period)
    assert {k: mine.counts.get(k, 0) for k in ("requested", "accepted", "declined", "completed")} == \
        {"requested": 3, "accepted": 2, "declined": 1, "completed": 2}
    assert (mine.rates["acceptance_rate"].numerator, mine.rates["acceptance_rate"].denominator) == (2, 3)
    assert (mine.counts["rating_count"], mine.counts["rating_sum"]) == (1, 4)  # the hidden review is out
    org = await services.provider(actor(m.provider), m.org_id, period)
    assert (org.counts["requested"], org.counts["completed"], org.counts["cancelled"]) == (5, 2, 1)
    assert org.crew == {"size": 2, "active": 1, "blocked": 0}
    assert [a.currency for a in org.money] == ["USD"] and org.money[0].values["revenue"] > 0
    platform = await services.admin(actor(m.admin), period)
    gmv = platform.money[0].values["gmv"]
    assert platform.money_rates["USD"]["take_rate"].denominator == gmv > 0

    # Every figure of every dashboard is the same after `fieldsync dashboards rebuild`.
    before = [mine, org, platform]
    rebuilt = await rebuild.rebuild()
    assert rebuilt == await rebuild.stored()
    after = [await services.serviceman(actor(ana), None, period),
             await services.provider(actor(m.provider), m.org_id, period), await services.admin(actor(m.admin), period)]
    assert after == before
    assert (await services.serviceman(actor(ben), None, period)).counts["cancelled"] == 1


async def test_serving_a_dashboard_reads_only_rollups(client):
    m = await _scenario(client)
    admin: Actor = actor(m.admin)
    period = services.period()
    with captured_sql() as statements:
        await services.serviceman(actor(m.crew[0]), None, period)
        await services.serviceman(admin, m.crew[1].id, period)
        await services.admin(admin, period)
        await services.provider(admin, m.org_id, period)
    assert statements and tables(statements) <= ROLLUPS | {"organisation"}  # the 404 check: does it exist
    with captured_sql() as statements:
        await services.provider(actor(m.provider), m.org_id, period)
    # A manager's dashboard also asks who may read it: the organisation and their membership.
    assert tables(statements) <= ROLLUPS | {"organisation", "membership"}
    assert ROLLUPS <= tables(statements)


async def test_who_may_read_which_dashboard(client):
    m = await _scenario(client)
    ana, ben = m.crew

    async def status(who, path):
        return (await client.get(path, headers=who.headers)).status

    assert await status(ana, "/v1/dashboards/serviceman") == 200
    assert await status(ben, f"/v1/dashboards/serviceman?serviceman_id={ana.id}") == 404  # not another's
    assert await status(m.admin, f"/v1/dashboards/serviceman?serviceman_id={ana.id}") == 200
    assert await status(m.provider, f"/v1/dashboards/provider/{m.org_id}") == 200
    assert await status(ana, f"/v1/dashboards/provider/{m.org_id}") == 403  # crew, not a manager
    assert await status(m.customer, f"/v1/dashboards/provider/{m.org_id}") == 404
    assert await status(m.provider, "/v1/dashboards/admin") == 403
    assert await status(m.admin, "/v1/dashboards/admin?from=2026-01-02&to=2026-01-01") == 422
    body = await ok(await client.get("/v1/dashboards/serviceman", headers=ana.headers))
    assert body["kind"] == "serviceman" and body["counts"]["completed"] == 2
    assert body["rates"]["acceptance_rate"] == {"numerator": 2, "denominator": 3, "value": 0.6667}


async def test_csv_export(client):
    m = await _scenario(client)
    response = await client.get(f"/v1/dashboards/provider/{m.org_id}?format=csv", headers=m.provider.headers)
    assert response.status == 200 and response.content_type == "text/csv"
    lines = (await response.text()).splitlines()
    assert lines[0] == "day,metric,currency,value"
    assert any(",completed,,2" in line for line in lines) or sum(
        int(line.split(",")[3]) for line in lines[1:] if line.split(",")[1] == "completed") == 2
    assert any(line.split(",")[1:3] == ["revenue", "USD"] for line in lines)
    headers = {**m.admin.headers, "Accept": "text/csv"}
    response = await client.get("/v1/dashboards/admin", headers=headers)
    assert response.content_type == "text/csv" and "take_rate" in await response.text()
    assert "attachment" in response.headers["Content-Disposition"]


async def test_a_rebuild_while_bookings_move_counts_every_event_once(client):
    """`fieldsync dashboards rebuild` while the consumer keeps applying events: an event the
    rebuild's snapshot counted and the consumer handles afterwards is not counted again, and one
    committed after the snapshot is not lost: the figures equal a recomputation."""
    m = await build_market(client)
    ana, ben = m.crew
    bookings = [await ok(await book(client, m, serviceman_ids=[lead.id], start=iso(slot(40 + 2 * i))), 201)
                for i, lead in enumerate([ana, ben] * 2)]
    leads = [ana, ben] * 2

    async def move(booking: dict[str, Any], lead: Any) -> None:
        for action in ("accept", "schedule", "start", "complete"):
            booking = await ok(await act(client, lead, booking, action))

    async def rebuilds() -> int:
        done = 0
        for _ in range(6):
            await rebuild.rebuild()
            done += 1
            await asyncio.sleep(0.01)
        return done

    moved = asyncio.gather(*(move(b, lead) for b, lead in zip(bookings, leads, strict=True)))
    assert (await asyncio.gather(moved, rebuilds()))[1] == 6
    await wait_until(lambda: _drained())
    assert await rebuild.stored() == await rebuild.compute()
    period = services.period()
    mine = await services.serviceman(actor(ana), None, period)
    assert {k: mine.counts.get(k, 0) for k in ("requested", "accepted", "completed")} == \
        {"requested": 2, "accepted": 2, "completed": 2}
    # Every event a rebuild counted ahead of the consumer was met (and dropped) by it since.
    assert await DashboardRebuildSkip.all().count() == 0
