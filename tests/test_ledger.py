"""The ledger's contract (docs/finance.md, domain/finance/ledger) on real PostgreSQL and on the
SQLite demo database: idempotent entries, refusals that write nothing, holds that resolve once,
reversals once, append-only postings enforced by the database, errors mapped to 409/422.
Concurrency and commit-time checks: tests/test_ledger_concurrency.py; the hash chain:
tests/test_ledger_chain.py."""

from __future__ import annotations

import sqlite3
from collections.abc import AsyncIterator
from pathlib import Path
from uuid import uuid4

import asyncpg
import pytest

from domain.audit.models import AuditRecord
from domain.finance import ledger
from domain.finance.ledger import (
    AccountKind,
    AlreadyResolved,
    AlreadyReversed,
    IdempotencyConflict,
    InsufficientFunds,
    InvalidEntry,
    NotPending,
    NotReversible,
    UnbalancedEntry,
)
from domain.finance.ledger.models import LedgerAccount, LedgerEntry
from domain.shared.errors import ErrorCode
from domain.shared.uow import unit_of_work
from rest.errors import STATUS_BY_CODE
from tests.support.ledger import account, credit, debit, draft
from tests.support.ledger_db import (
    COMMISSION,
    GATEWAY,
    GATEWAY_PENDING,
    TAX,
    Db,
    counts,
    fund,
    held,
    ledger_db,
    payable,
    release,
)


@pytest.fixture
async def pg(database_url: str, tmp_path: Path) -> AsyncIterator[Db]:
    async with ledger_db("postgres", database_url, tmp_path) as found:
        yield found


@pytest.fixture(params=["postgres", "sqlite"])
async def db(request: pytest.FixtureRequest, database_url: str, tmp_path: Path) -> AsyncIterator[Db]:
    async with ledger_db(request.param, database_url, tmp_path) as found:
        yield found




async def test_authorize_capture_release_moves_money_and_audits_each_entry(db: Db) -> None:
    case = uuid4()
    async with unit_of_work() as uow:
        auth = await ledger.post(uow, draft(f"case:{case}:authorize", "authorize", debit(GATEWAY_PENDING, 10_000),
                                            credit(held(case), 10_000), case_id=case, pending=True,
                                            actor="user:u1", reason="checkout", request_id="req-1"))
    before = await ledger.balance(held(case))
    assert (before.posted, before.pending, before.available) == (0, 10_000, 0)
    async with unit_of_work() as uow:
        await ledger.resolve_pending(uow, auth.id, post=True, key=f"case:{case}:capture", actor="system:accept",
                                     reason="provider accepted", request_id="req-2")
    after = await ledger.balance(held(case))
    assert (after.posted, after.pending, after.available) == (10_000, 0, 10_000)
    assert (await ledger.balance(GATEWAY_PENDING)).posted == 10_000

    await release(case, 10_000)
    assert (await ledger.balance(held(case))).posted == 0
    assert (await ledger.balance(payable())).posted == 8_000
    assert (await ledger.balance(COMMISSION)).posted == 1_500
    assert (await ledger.balance(TAX)).posted == 500
    owned = dict(await ledger.balances("platform"))
    assert owned[COMMISSION].posted == 1_500 and owned[GATEWAY_PENDING].posted == 10_000
    assert await ledger.trial_balance() == {"GBP": 0}

    entries, _, audits = await counts()
    assert entries == audits == 3  # one audit record per entry
    record = await AuditRecord.filter(subject_id=str(auth.id)).get()
    assert (record.actor_id, record.request_id, record.after["reason"]) == ("user:u1", "req-1", "checkout")


async def test_same_key_same_legs_replays_the_entry_once(db: Db) -> None:
    case = uuid4()
    first = await fund(case, 500)
    written = await counts()
    again = await fund(case, 500)
    assert again == ledger.PostedEntry(first.id, created=False)
    assert await counts() == written
    assert (await ledger.balance(held(case))).posted == 500


async def test_same_key_other_legs_is_a_conflict(db: Db) -> None:
    case = uuid4()
    await fund(case, 500)
    written = await counts()
    with pytest.raises(IdempotencyConflict) as caught:
        await fund(case, 501)
    assert STATUS_BY_CODE[caught.value.code] == 409
    assert await counts() == written


async def test_unbalanced_or_invalid_entries_are_refused_with_nothing_written(db: Db) -> None:
    case = uuid4()
    async with unit_of_work() as uow:
        with pytest.raises(UnbalancedEntry) as caught:
            await ledger.post(uow, draft("k1", "capture", debit(GATEWAY, 100), credit(held(case), 99)))
        assert STATUS_BY_CODE[caught.value.code] == 422
        with pytest.raises(UnbalancedEntry):  # balanced in total, not per currency
            await ledger.post(uow, draft("k2", "fx", debit(GATEWAY, 100),
                                         credit(account(AccountKind.GATEWAY_BALANCE, currency="EUR"), 100)))
        lower_case = account(AccountKind.GATEWAY_BALANCE, currency="gbp")
        for bad in (debit(GATEWAY, 0), debit(GATEWAY, -5), debit(lower_case, 5)):
            with pytest.raises(InvalidEntry):
                await ledger.post(uow, draft("k3", "capture", bad, credit(held(case), 5)))
        with pytest.raises(InvalidEntry):
            await ledger.post(uow, draft("k4", "capture", debit(GATEWAY, 5), credit(held(case), 5), actor=""))
    assert await counts() == (0, 0, 0)
    assert await LedgerAccount.all().count() == 0


async def test_a_refused_overdraft_leaves_nothing_even_when_the_caller_goes_on(db: Db) -> None:
    case = uuid4()
    await fund(case, 1_000)
    written = await counts()
    async with unit_of_work() as uow:  # the caller catches the refusal and commits what else it did
        with pytest.raises(InsufficientFunds) as caught:
            await ledger.post(uow, draft("too-much", "release", debit(held(case), 1_001), credit(payable(), 1_001)))
    assert STATUS_BY_CODE[caught.value.code] == 409
    assert caught.value.details == {"account": {"kind": "case_held", "owner": f"case:{case}", "currency": "GBP"},
                                    "shortfall": 1}
    assert await counts() == written
    assert await LedgerEntry.filter(idempotency_key="too-much").count() == 0


async def test_pending_debits_count_against_a_no_overdraft_account(db: Db) -> None:
    user = f"user:{uuid4()}"
    promo = account(AccountKind.PROMO_CREDIT, user)
    expense = account(AccountKind.PROMO_EXPENSE)
    async with unit_of_work() as uow:
        await ledger.post(uow, draft("grant", "promo_grant", debit(expense, 1_000), credit(promo, 1_000)))
        hold = await ledger.post(uow, draft("hold", "promo_hold", debit(promo, 600), credit(GATEWAY, 600),
                                            pending=True))
    assert (await ledger.balance(promo)).available == 400
    async with unit_of_work() as uow:
        with pytest.raises(InsufficientFunds):
            await ledger.post(uow, draft("spend", "promo_spend", debit(promo, 500), credit(GATEWAY, 500)))
    async with unit_of_work() as uow:  # voiding the hold gives its amount back
        await ledger.resolve_pending(uow, hold.id, post=False, key="hold:void", actor="system:t", reason="expired")
        await ledger.post(uow, draft("spend", "promo_spend", debit(promo, 500), credit(GATEWAY, 500)))
    final = await ledger.balance(promo)
    assert (final.posted, final.pending, final.available) == (500, 0, 500)
    async with unit_of_work() as uow:  # posting a hold that uses all that is left moves nothing more
        whole = await ledger.post(uow, draft("hold-2", "promo_hold", debit(promo, 500), credit(GATEWAY, 500),
                                             pending=True))
        await ledger.resolve_pending(uow, whole.id, post=True, key="hold-2:post", actor="system:t", reason="used")
    spent = await ledger.balance(promo)
    assert (spent.posted, spent.pending, spent.available) == (0, 0, 0)


# -- holds and reversals -------------------------------------------------------------------------

async def test_a_pending_hold_posts_or_voids_once(db: Db) -> None:
    case = uuid4()
    async with unit_of_work() as uow:
        hold = await ledger.post(uow, draft("auth", "authorize", debit(GATEWAY_PENDING, 700), credit(held(case), 700),
                                            pending=True))
        posted = await ledger.resolve_pending(uow, hold.id, post=True, key="cap", actor="system:t", reason="accepted")
    async with unit_of_work() as uow:
        replay = await ledger.resolve_pending(uow, hold.id, post=True, key="cap", actor="system:t", reason="retry")
        assert replay == ledger.PostedEntry(posted.id, created=False)
        with pytest.raises(AlreadyResolved):
            await ledger.resolve_pending(uow, hold.id, post=False, key="void", actor="system:t", reason="expired")
        with pytest.raises(AlreadyResolved):
            await ledger.resolve_pending(uow, hold.id, post=True, key="cap-2", actor="system:t", reason="twice")
        with pytest.raises(NotPending):
            await ledger.resolve_pending(uow, posted.id, post=True, key="cap-3", actor="system:t", reason="not a hold")
        with pytest.raises(NotReversible):
            await ledger.reverse(uow, hold.id, key="rev-hold", actor="system:t", reason="holds are voided")
    bal = await ledger.balance(held(case))
    assert (bal.posted, bal.pending) == (700, 0)


async def test_a_reversal_restores_balances_once(db: Db) -> None:
    case = uuid4()
    await fund(case, 2_000)
    rel = await release(case, 2_000)
    async with unit_of_work() as uow:
        rev = await ledger.reverse(uow, rel.id, key="rev-1", actor="user:admin", reason="released by mistake",
                                   request_id="req-9")
    assert (await ledger.balance(held(case))).posted == 2_000
    assert (await ledger.balance(payable())).posted == 0
    assert (await ledger.balance(COMMISSION)).posted == 0
    async with unit_of_work() as uow:
        assert await ledger.reverse(uow, rel.id, key="rev-1", actor="user:admin", reason="retry") == \
            ledger.PostedEntry(rev.id, created=False)
        with pytest.raises(AlreadyReversed):
            await ledger.reverse(uow, rel.id, key="rev-2", actor="user:admin", reason="twice")
    linked = await LedgerEntry.get(id=rev.id)
    assert (linked.reverses_id, linked.case_id, linked.kind) == (rel.id, case, "reversal")


async def test_a_reversal_may_not_overdraw_a_payee(db: Db) -> None:
    case = uuid4()
    await fund(case, 1_000)
    rel = await release(case, 1_000)
    async with unit_of_work() as uow:  # the payee was paid out: its payable is empty
        await ledger.post(uow, draft("payout", "transfer", debit(payable(), 800), credit(GATEWAY, 800)))
    async with unit_of_work() as uow:
        with pytest.raises(InsufficientFunds):
            await ledger.reverse(uow, rel.id, key="rev", actor="user:admin", reason="refund after payout")


# -- the database's own guarantees ---------------------------------------------------------------

async def test_the_database_refuses_to_update_or_delete_postings_and_entries(db: Db) -> None:
    case = uuid4()
    entry = await fund(case, 300)
    statements = ["UPDATE ledger_posting SET amount = amount + 1", "DELETE FROM ledger_posting",
                  "UPDATE ledger_entry SET reason = 'rewritten'", "DELETE FROM ledger_account",
                  "UPDATE ledger_account SET owner = 'someone else'"]
    if db.dialect == "postgres":
        conn = await asyncpg.connect(db.dsn)
        try:
            for statement in statements:
                with pytest.raises(asyncpg.PostgresError, match=r"append-only|only its version"):
                    await conn.execute(statement)
        finally:
            await conn.close()
    else:
        with sqlite3.connect(db.url.removeprefix("sqlite://")) as conn:
            for statement in statements:
                with pytest.raises(sqlite3.DatabaseError, match=r"append-only|only their version|never deleted"):
                    conn.execute(statement)
    assert (await ledger.balance(held(case))).posted == 300
    assert (await LedgerEntry.get(id=entry.id)).reason == "test"



def test_ledger_errors_map_to_409_and_422() -> None:
    for error in (IdempotencyConflict, InsufficientFunds, AlreadyResolved, AlreadyReversed, NotPending, NotReversible):
        assert error.code is ErrorCode.CONFLICT and STATUS_BY_CODE[error.code] == 409
    for invalid in (UnbalancedEntry, InvalidEntry):
        assert invalid.code is ErrorCode.VALIDATION_FAILED and STATUS_BY_CODE[invalid.code] == 422
