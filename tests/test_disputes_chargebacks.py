"""Chargebacks on the disputes timeline (issue 14), over the sandbox gateway's chargeback controls:
a `charge.dispute.*` booked on a payment adds a `chargeback` entry to its open disputes (and
`dispute:update` reaches the parties' sockets); a dispute opened while a chargeback exists shows
it; a case frozen by both a chargeback and a dispute stays frozen until both let go."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from domain.finance.cases.models import PaymentCase
from domain.shared.clock import utcnow
from tests.support.bus import wait_until
from tests.support.disputes import get_dispute, open_dispute, paid_booking
from tests.support.payments import payments_of
from tests.support.socket_clients import Recorder
from tests.test_finance_chargebacks import FEE, payment_of_case, until_chargeback
from tests.test_payouts import World, sandbox_world

__all__ = ["sandbox_world"]  # the fixture, from tests/test_payouts.py

NS, UPDATE = "/disputes", "dispute:update"


async def chargeback_entries(w: World, who: Any, dispute_id: str, count: int) -> list[dict[str, Any]]:
    seen: list[dict[str, Any]] = []

    async def shown() -> bool:
        timeline = (await get_dispute(w.client, who, dispute_id))["timeline"]
        seen[:] = [e for e in timeline if e["kind"] == "chargeback"]
        return len(seen) >= count

    await wait_until(shown, 15, f"{count} chargeback entries on the timeline")
    return seen


async def test_a_chargeback_shows_on_the_open_dispute_and_reaches_the_parties(sandbox_world: World) -> None:
    w = sandbox_world
    client, m = w.client, w.market
    booking, case_id = await paid_booking(client, m)
    dispute = await open_dispute(client, m.customer, booking["id"])
    provider = await Recorder.connect(str(client.make_url("")).rstrip("/"), m.provider.access_token, [NS], [UPDATE])
    try:
        gateway_dispute = w.sandbox.open_dispute(await payment_of_case(case_id), fee=FEE)
        await until_chargeback(w, case_id)
        (opened, *_) = await chargeback_entries(w, m.customer, dispute["id"], 1)
        assert (opened["author_side"], opened["author_id"], opened["shared"]) == ("system", None, True)
        assert opened["data"]["dispute_id"] == gateway_dispute.id and opened["data"]["outcome"] == "open"
        assert opened["data"]["steps"][0] == "chargeback_opened"
        update = dict(await provider.next_event(NS, UPDATE, 15))
        while update["entry"]["kind"] != "chargeback":  # the dispute's opening may arrive first
            update = dict(await provider.next_event(NS, UPDATE, 15))
        assert update["entry"]["seq"] == opened["seq"] and update["dispute"]["id"] == dispute["id"]
        w.sandbox.close_dispute(gateway_dispute.id, won=True)
        await until_chargeback(w, case_id, "won")
        closed = (await chargeback_entries(w, m.provider, dispute["id"], 2))[-1]
        assert closed["data"]["outcome"] == "won" and closed["data"]["type"] == "chargeback_closed"
        view = await get_dispute(client, m.provider, dispute["id"])
        assert [(c["dispute_id"], c["outcome"]) for c in view["chargebacks"]] == [(gateway_dispute.id, "won")]
    finally:
        await provider.close()


async def test_a_dispute_opened_during_a_chargeback_shows_it(sandbox_world: World) -> None:
    w = sandbox_world
    booking, case_id = await paid_booking(w.client, w.market)
    gateway_dispute = w.sandbox.open_dispute(await payment_of_case(case_id), fee=FEE)
    await until_chargeback(w, case_id)
    dispute = await open_dispute(w.client, w.market.customer, booking["id"])
    assert [(c["dispute_id"], c["outcome"], c["amount"]) for c in dispute["chargebacks"]] == [
        (gateway_dispute.id, "open", {"amount": 4725, "currency": "USD"})]
    assert (await get_dispute(w.client, w.market.provider, dispute["id"]))["chargebacks"] == dispute["chargebacks"]


async def test_a_case_held_by_a_chargeback_and_a_dispute_thaws_only_when_both_let_go(sandbox_world: World) -> None:
    w = sandbox_world
    client, m = w.client, w.market
    booking, case_id = await paid_booking(client, m)
    dispute = await open_dispute(client, m.customer, booking["id"])
    gateway_dispute = w.sandbox.open_dispute(await payment_of_case(case_id), fee=FEE)
    await until_chargeback(w, case_id)

    async def frozen() -> bool:
        return (await PaymentCase.get(id=case_id)).dispute_open

    # The dispute ends while the chargeback is open: still frozen, the release timer releases nothing.
    withdrawn = await client.post(f"/v1/disputes/{dispute['id']}/withdraw", headers=m.customer.headers)
    assert withdrawn.status == 200, await withdrawn.text()
    assert (await withdrawn.json())["state"] == "withdrawn"
    assert await frozen() is True
    assert await payments_of(client).release_due(utcnow() + timedelta(days=3)) == 0
    # The chargeback ends too: released.
    w.sandbox.close_dispute(gateway_dispute.id, won=True)
    await until_chargeback(w, case_id, "won")
    assert await frozen() is False
    assert await payments_of(client).release_due(utcnow() + timedelta(days=3)) == 1
