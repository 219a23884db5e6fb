"""The ledger's contract (docs/finance.md, domain/finance/ledger) on real PostgreSQL and on the
SQLite demo database: idempotent entries, refusals that write nothing, holds that resolve once,
reversals once, no-overdraft accounts under concurrency, append-only postings enforced by the
database, and a hash chain that verifies and finds tampering."""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from uuid import UUID, uuid4

import asyncpg
import pytest
from tortoise import Tortoise
from tortoise.backends.base.executor import EXECUTOR_CACHE

from app.db import tortoise_config
from app.migrate import migrate
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
from domain.finance.ledger.models import LedgerAccount, LedgerEntry, LedgerPosting
from domain.shared.errors import ErrorCode
from domain.shared.uow import unit_of_work
from rest.errors import STATUS_BY_CODE
from tests.conftest import truncate_all
from tests.support.ledger import account, credit, debit, draft

GATEWAY = account(AccountKind.GATEWAY_BALANCE)
GATEWAY_PENDING = account(AccountKind.GATEWAY_PENDING)
COMMISSION = account(AccountKind.PLATFORM_COMMISSION)
TAX = account(AccountKind.TAX_PAYABLE, "tax:GB")


@dataclass
class Db:
    dialect: str
    url: str

    @property
    def dsn(self) -> str:
        return self.url.replace("postgres://", "postgresql://", 1)


async def _open(url: str) -> None:
    EXECUTOR_CACHE.clear()  # Tortoise caches INSERTs per connection name, whatever the dialect
    await Tortoise.init(config=tortoise_config(url), _enable_global_fallback=True)


@pytest.fixture
async def pg(database_url: str) -> AsyncIterator[Db]:
    await truncate_all(database_url)
    await _open(database_url)
    try:
        yield Db("postgres", database_url)
    finally:
        await Tortoise.close_connections()
        EXECUTOR_CACHE.clear()


@pytest.fixture(params=["postgres", "sqlite"])
async def db(request: pytest.FixtureRequest, database_url: str, tmp_path: Path) -> AsyncIterator[Db]:
    if request.param == "postgres":
        await truncate_all(database_url)
        url = database_url
    else:
        url = f"sqlite://{tmp_path / 'ledger.sqlite3'}"
        await migrate(url)
    await _open(url)
    try:
        yield Db(request.param, url)
        tb = await ledger.trial_balance()  # the SQLite side of conftest's PostgreSQL check
        assert all(total == 0 for total in tb.values()), tb
    finally:
        await Tortoise.close_connections()
        EXECUTOR_CACHE.clear()


def held(case: UUID, currency: str = "GBP") -> ledger.AccountKey:
    return account(AccountKind.CASE_HELD, f"case:{case}", currency)


def payable(owner: str = "org:p1", currency: str = "GBP") -> ledger.AccountKey:
    return account(AccountKind.PROVIDER_PAYABLE, owner, currency)


async def fund(case: UUID, amount: int, *, key: str | None = None) -> ledger.PostedEntry:
    """A captured payment: the gateway holds `amount`, owed to the case."""
    async with unit_of_work() as uow:
        return await ledger.post(uow, draft(key or f"case:{case}:capture", "capture",
                                            debit(GATEWAY, amount), credit(held(case), amount), case_id=case))


async def release(case: UUID, amount: int, *, owner: str = "org:p1", key: str | None = None) -> ledger.PostedEntry:
    """The release pattern: held funds to the payee, the commission and the tax (15 % / 5 %)."""
    commission, tax = amount * 15 // 100, amount * 5 // 100
    async with unit_of_work() as uow:
        return await ledger.post(uow, draft(
            key or f"case:{case}:release", "release", debit(held(case), amount),
            credit(payable(owner), amount - commission - tax), credit(COMMISSION, commission), credit(TAX, tax),
            case_id=case))


async def counts() -> tuple[int, int, int]:
    return await LedgerEntry.all().count(), await LedgerPosting.all().count(), await AuditRecord.all().count()


# -- posting, balances, audit --------------------------------------------------------------------

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


async def test_postgres_refuses_an_unbalanced_transaction_at_commit_and_a_foreign_currency(pg: Db) -> None:
    case = uuid4()
    await fund(case, 100)
    conn = await asyncpg.connect(pg.dsn)
    try:
        gbp_account = await conn.fetchval("SELECT id FROM ledger_account WHERE kind = 'gateway_balance'")
        entry_id = uuid4()
        insert_entry = ("INSERT INTO ledger_entry (id, idempotency_key, kind, pending, legs_digest, actor, reason, "
                        "created_at) VALUES ($1, $2, 'raw', false, 'x', 'test', 'raw', now())")
        with pytest.raises(asyncpg.CheckViolationError, match="does not balance"):
            async with conn.transaction():
                await conn.execute(insert_entry, entry_id, "raw-1")
                await conn.execute("INSERT INTO ledger_posting (entry_id, account_id, side, bucket, amount, currency) "
                                   "VALUES ($1, $2, 'debit', 'posted', 5, 'GBP')", entry_id, gbp_account)
        with pytest.raises(asyncpg.ForeignKeyViolationError, match="does not exist in EUR"):
            async with conn.transaction():
                await conn.execute(insert_entry, entry_id, "raw-2")
                await conn.execute("INSERT INTO ledger_posting (entry_id, account_id, side, bucket, amount, currency) "
                                   "VALUES ($1, $2, 'debit', 'posted', 5, 'EUR')", entry_id, gbp_account)
        assert await conn.fetchval("SELECT count(*) FROM ledger_entry WHERE kind = 'raw'") == 0
    finally:
        await conn.close()


# -- concurrency (PostgreSQL) --------------------------------------------------------------------

async def test_twenty_concurrent_debits_pass_exactly_as_many_as_the_account_affords(pg: Db) -> None:
    case = uuid4()
    await fund(case, 1_000)

    async def take(i: int) -> bool:
        try:
            async with unit_of_work() as uow:
                await ledger.post(uow, draft(f"take-{i}", "release", debit(held(case), 150),
                                             credit(payable(f"org:{i}"), 150)))
            return True
        except InsufficientFunds:
            return False

    results = await asyncio.gather(*(take(i) for i in range(20)))
    assert sum(results) == 6  # 6 x 150 = 900 <= 1000 < 7 x 150
    bal = await ledger.balance(held(case))
    assert (bal.posted, bal.available) == (100, 100)


async def test_concurrent_replays_and_resolutions_write_once(pg: Db) -> None:
    case = uuid4()
    results = await asyncio.gather(*(fund(case, 900) for _ in range(10)))
    assert len({r.id for r in results}) == 1 and sum(r.created for r in results) == 1
    async with unit_of_work() as uow:
        hold = await ledger.post(uow, draft("auth", "authorize", debit(GATEWAY_PENDING, 50), credit(held(case), 50),
                                            pending=True))

    async def resolve(i: int) -> bool:
        try:
            async with unit_of_work() as uow:
                await ledger.resolve_pending(uow, hold.id, post=i % 2 == 0, key=f"res-{i}", actor="system:t",
                                             reason="race")
            return True
        except AlreadyResolved:
            return False

    assert sum(await asyncio.gather(*(resolve(i) for i in range(10)))) == 1
    assert (await ledger.balance(held(case))).pending == 0


async def test_releases_do_not_wait_for_each_other_on_the_hot_accounts(pg: Db) -> None:
    """A release holds its transaction open (uncommitted postings on commission, tax and the
    gateway); another case's release commits meanwhile instead of queueing behind it."""
    first, second = uuid4(), uuid4()
    await fund(first, 1_000)
    await fund(second, 1_000)
    warm = uuid4()  # the shared accounts exist (a new account's first users do wait for its creator)
    await fund(warm, 100)
    await release(warm, 100)
    started, finish = asyncio.Event(), asyncio.Event()

    async def slow_release() -> None:
        async with unit_of_work() as uow:
            # Another payee: a payee's own balance row (sync's `balances`) is locked by its releases.
            await ledger.post(uow, draft("slow", "release", debit(held(first), 1_000), credit(payable("org:p2"), 800),
                                         credit(COMMISSION, 150), credit(TAX, 50)))
            started.set()
            await finish.wait()

    slow = asyncio.create_task(slow_release())
    await started.wait()
    try:
        await asyncio.wait_for(release(second, 1_000, key="fast"), timeout=10)
    finally:
        finish.set()
        await slow
    assert (await ledger.balance(COMMISSION)).posted == 315


# -- the hash chain ------------------------------------------------------------------------------

async def test_the_chain_verifies(db: Db) -> None:
    case = uuid4()
    await fund(case, 1_000)
    await release(case, 1_000)
    report = await ledger.verify_chain()
    assert (report.ok, report.entries_checked, report.first_bad, report.unsealed) == (True, 2, None, 0)
    await fund(uuid4(), 5)
    again = await ledger.verify_chain()
    assert (again.ok, again.entries_checked) == (True, 3)
    assert again.head is not None and again.head != report.head


async def _tamper(pg: Db, *statements: str) -> None:
    """What an attacker with superuser rights does: triggers off for the session, rows changed."""
    conn = await asyncpg.connect(pg.dsn)
    try:
        async with conn.transaction():
            await conn.execute("SET LOCAL session_replication_role = replica")
            for statement in statements:
                await conn.execute(statement)
    finally:
        await conn.close()


async def _three_sealed_entries() -> list[UUID]:
    ids = []
    for amount in (10, 20, 30):
        ids.append((await fund(uuid4(), amount)).id)
        await ledger.seal(wait=True)  # one per seal: chain order is creation order here
    return ids


async def test_the_chain_finds_an_edited_entry(pg: Db) -> None:
    ids = await _three_sealed_entries()
    assert (await ledger.verify_chain()).ok
    await _tamper(pg, f"UPDATE ledger_entry SET reason = 'nothing to see' WHERE id = '{ids[1]}'")
    report = await ledger.verify_chain()
    assert (report.ok, report.first_bad, report.entries_checked) == (False, ids[1], 1)


async def test_the_chain_finds_edited_postings_and_deleted_entries(pg: Db) -> None:
    ids = await _three_sealed_entries()
    await _tamper(pg, f"UPDATE ledger_posting SET amount = amount * 10 WHERE entry_id = '{ids[2]}'")
    assert (await ledger.verify_chain()).first_bad == ids[2]
    await _tamper(pg, f"DELETE FROM ledger_posting WHERE entry_id = '{ids[0]}'",
                  f"DELETE FROM ledger_entry WHERE id = '{ids[0]}'")
    assert (await ledger.verify_chain()).first_bad == ids[1]  # seq 1 is gone: the chain starts at 2


def test_ledger_errors_map_to_409_and_422() -> None:
    for error in (IdempotencyConflict, InsufficientFunds, AlreadyResolved, AlreadyReversed, NotPending, NotReversible):
        assert error.code is ErrorCode.CONFLICT and STATUS_BY_CODE[error.code] == 409
    for invalid in (UnbalancedEntry, InvalidEntry):
        assert invalid.code is ErrorCode.VALIDATION_FAILED and STATUS_BY_CODE[invalid.code] == 422
