"""Change capture: every synced model's inserts, bulk QuerySet.update() and bulk .delete() land
in the op log, in the writing transaction, with a version that grows on every write (the
database bumps it when a writer forgot). The registry and the installed triggers agree."""

from __future__ import annotations

import importlib.util
import secrets
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import asyncpg
import orjson
import pytest
from tortoise.connection import connections
from tortoise.exceptions import OperationalError
from tortoise.models import Model
from tortoise.transactions import in_transaction

from app.migrate import MIGRATIONS_DIR
from domain.accounts.models import Membership, MembershipStatus, Organisation, OrgRole, User
from domain.bookings.models import Assignment, Booking, Transition
from domain.catalog.models import Category, Service, Storefront
from domain.consent.models import ConsentChannel, ConsentRecord, PolicyAcceptance, PolicyKind, Purpose
from domain.disputes.models import Dispute, DisputeEntry, EntryKind, Side
from domain.feed.models import FeedItem
from domain.finance.balances.models import PayeeBalance
from domain.finance.cases.models import PaymentCase, PaymentMilestone
from domain.finance.payouts.models import PayeeAccount, Payout, PayoutTrigger
from domain.flags.models import Flag, FlagKind
from domain.jobs.models import Bid, Comment, Job
from domain.media.models import Upload, UploadKind
from domain.messaging.models import Conversation, ConversationKind, Message, Participant, ParticipantRole
from domain.notifications.models import Category as NotificationCategory
from domain.notifications.models import Device, Notification
from domain.profiles.models import ServicemanProfile
from domain.reviews.models import Review
from domain.shared.clock import utcnow
from domain.verification.models import DocumentKind, VerificationDocument
from domain.zones.models import Zone
from sync.collections import BY_NAME, COLLECTIONS
from sync.models import SyncOp, SyncPendingOp
from sync.sqlgen import install_sql, uninstall_sql
from tests.support.sync import make_booking, make_job, make_zone

# name -> (model, a creator returning the row's primary key, a synced field and a new value for it)
Factory = Callable[[], Awaitable[Any]]


async def _user() -> str:
    user = await User.create(email=f"u-{secrets.token_hex(4)}@example.com", name="U", roles=["customer"],
                             password_hash="x")
    return str(user.id)


async def _org() -> str:
    return str((await Organisation.create(name="Pipes", owner_id=await _user())).id)


async def _membership() -> str:
    return str((await Membership.create(organisation_id=await _org(), user_id=await _user(),
                                        role=OrgRole.SERVICEMAN, status=MembershipStatus.ACCEPTED)).id)


async def _category() -> str:
    return str((await Category.create(id=f"test-{secrets.token_hex(3)}", name="Test")).id)


async def _service() -> str:
    return str((await Service.create(owner_user_id=await _user(), title="Fix")).id)


async def _storefront() -> str:
    return str((await Storefront.create(user_id=await _user())).id)


async def _profile() -> str:
    return str((await ServicemanProfile.create(user_id=await _user())).id)


async def _booking() -> str:
    return await make_booking(await _user())


async def _assignment() -> str:
    return str((await Assignment.create(booking_id=await _booking(), serviceman_id=await _user())).id)


async def _transition() -> str:
    return str((await Transition.create(booking_id=await _booking(), to_state="requested")).id)


async def _job() -> str:
    return await make_job(await _user())


async def _bid() -> str:
    return str((await Bid.create(job_id=await _job(), serviceman_id=await _user(), amount=9000, currency="USD")).id)


async def _comment() -> str:
    return str((await Comment.create(job_id=await _job(), author_id=await _user(), body="When?")).id)


async def _review() -> str:
    return str((await Review.create(booking_id=await _booking(), author_id=await _user(), subject_id=await _user(),
                                    rating=5)).id)


async def _feed_item() -> str:
    job_id = uuid.uuid4()
    budget = {"amount": 5000, "currency": "USD"}
    # The summary a job's item carries (domain/feed/recipients.py): rows validate against FeedSummary.
    summary = {"title": "Fix a tap", "job_id": str(job_id), "state": "open", "customer_name": "Ann",
               "address": "1 Main St", "budget_min": budget, "budget_max": budget}
    item = await FeedItem.create(user_id=await _user(), event_id=uuid.uuid4(), kind="job.posted", entity_type="job",
                                 entity_id=job_id, rank=1000, summary=summary, created_at=utcnow())
    return str(item.id)


async def _notification() -> str:
    return str((await Notification.create(user_id=await _user(), kind="bid.received", title="New bid", body="60 USD",
                                          category=NotificationCategory.BIDS, entity_type="bid",
                                          entity_id="x", updated_at=utcnow())).id)


async def _device() -> str:
    return str((await Device.create(user_id=await _user(), token=secrets.token_hex(16), platform="android",
                                    app="customer", last_seen_at=utcnow())).id)


async def _conversation() -> str:
    user = await _user()
    return str((await Conversation.create(kind=ConversationKind.SUPPORT, key=f"support:{user}",
                                          subject_user_id=user)).id)


async def _message() -> str:
    conversation = await _conversation()
    return str((await Message.create(conversation_id=conversation, seq=1, sender_id=await _user(), body="Hi",
                                     client_msg_id=secrets.token_hex(4))).id)


async def _participant() -> str:
    return str((await Participant.create(conversation_id=await _conversation(), user_id=await _user(),
                                         role=ParticipantRole.MEMBER)).id)


async def _payment_case() -> str:
    booking = await Booking.get(id=await _booking())
    return str((await PaymentCase.create(booking_id=booking.id, customer_id=booking.customer_id, currency="USD",
                                         amount=4725, breakdown={}, gateway="sandbox")).id)


async def _payment_milestone() -> str:
    return str((await PaymentMilestone.create(case_id=await _payment_case(), position=1, amount=4725,
                                              shares={})).id)


async def _payout() -> str:
    owner = f"user:{await _user()}"
    return str((await Payout.create(key=f"test:{owner}", owner=owner, currency="USD", amount=500,
                                    trigger=PayoutTrigger.REQUESTED, destination="acct_test",
                                    operation_key=f"fs:payout:{owner}:1")).id)


async def _payout_account() -> str:
    return str((await PayeeAccount.create(owner=f"user:{await _user()}")).id)


async def _balance() -> str:
    owner = f"user:{await _user()}"
    return (await PayeeBalance.create(id=f"{owner}:USD", owner=owner, currency="USD")).id


async def _upload() -> str:
    return str((await Upload.create(owner_id=await _user(), kind=UploadKind.EVIDENCE, declared_type="image/png",
                                    declared_size=10, sha256="0" * 64)).id)


async def _dispute() -> str:
    case = await PaymentCase.get(id=await _payment_case())
    return str((await Dispute.create(
        booking_id=case.booking_id, case_id=case.id, customer_id=case.customer_id, opened_by_id=case.customer_id,
        opener_side=Side.CUSTOMER, reason="damage", category="damage", description="scratched", currency="USD",
        claimed_amount=100)).id)


async def _dispute_entry() -> str:
    return str((await DisputeEntry.create(dispute_id=await _dispute(), seq=1, kind=EntryKind.EVIDENCE,
                                          author_side=Side.CUSTOMER, body="photo")).id)


async def _verification_document() -> str:
    return str((await VerificationDocument.create(owner_id=await _user(), submitted_by_id=await _user(),
                                                  kind=DocumentKind.PHOTO_ID, credential="photo_id",
                                                  upload_id=uuid.uuid4())).id)


async def _consent_record() -> str:
    return str((await ConsentRecord.create(user_id=await _user(), purpose=Purpose.ANALYTICS, granted=True,
                                           channel=ConsentChannel.APP, recorded_at=utcnow())).id)


async def _policy_acceptance() -> str:
    return str((await PolicyAcceptance.create(user_id=await _user(), kind=PolicyKind.TERMS, version=1, locale="en",
                                              channel=ConsentChannel.APP, accepted_at=utcnow())).id)
async def _flag() -> str:
    return str((await Flag.create(key=f"test.flag_{uuid.uuid4().hex[:8]}", kind=FlagKind.BOOL, value=False)).key)


# Rows the database refuses to change or delete (their capture of inserts is tested all the same).
APPEND_ONLY = {"dispute_entries", "consents", "policy_acceptances"}

FACTORIES: dict[str, tuple[type[Model], Factory, str, Any]] = {
    "users": (User, _user, "name", "Renamed"),
    "organisations": (Organisation, _org, "name", "Renamed"),
    "memberships": (Membership, _membership, "role", "manager"),
    "zones": (Zone, make_zone, "name", "Renamed"),
    "categories": (Category, _category, "name", "Renamed"),
    "services": (Service, _service, "title", "Renamed"),
    "storefronts": (Storefront, _storefront, "headline", "Renamed"),
    "serviceman_profiles": (ServicemanProfile, _profile, "bio", "Renamed"),
    "bookings": (Booking, _booking, "notes", "Renamed"),
    "booking_assignments": (Assignment, _assignment, "lead", True),
    "booking_transitions": (Transition, _transition, "reason", "Renamed"),
    "jobs": (Job, _job, "title", "Renamed"),
    "bids": (Bid, _bid, "message", "Renamed"),
    "job_comments": (Comment, _comment, "body", "Renamed"),
    "reviews": (Review, _review, "text", "Renamed"),
    "feed_items": (FeedItem, _feed_item, "kind", "job.cancelled"),
    "notifications": (Notification, _notification, "title", "Renamed"),
    "devices": (Device, _device, "locale", "de-DE"),
    "conversations": (Conversation, _conversation, "last_seq", 7),
    "messages": (Message, _message, "body", "Renamed"),
    "read_states": (Participant, _participant, "last_read_seq", 3),
    "payment_cases": (PaymentCase, _payment_case, "state", "held"),
    "payment_milestones": (PaymentMilestone, _payment_milestone, "title", "Renamed"),
    "balances": (PayeeBalance, _balance, "currency", "EUR"),
    "payouts": (Payout, _payout, "failure", "declined by the bank"),
    "uploads": (Upload, _upload, "state", "ready"),
    "disputes": (Dispute, _dispute, "state", "negotiating"),
    "dispute_entries": (DisputeEntry, _dispute_entry, "body", "Rewritten"),
    "payout_accounts": (PayeeAccount, _payout_account, "payouts_enabled", True),
    "verification_documents": (VerificationDocument, _verification_document, "state", "approved"),
    "consents": (ConsentRecord, _consent_record, "granted", False),
    "policy_acceptances": (PolicyAcceptance, _policy_acceptance, "version", 2),
    "config": (Flag, _flag, "value", True),
}


def test_every_collection_has_a_capture_test() -> None:
    assert set(FACTORIES) == set(BY_NAME)
    assert len(BY_NAME) == len(COLLECTIONS)


@dataclass
class Op:
    id: int
    op: str
    version: int
    data: str | None


async def _ops(collection: str, row_id: str) -> list[Op]:
    """Committed ops, wherever the ticker has got to with them (one statement: one snapshot)."""
    _, rows = await connections.get("default").execute_query(
        "SELECT id, op, version, data FROM sync_op WHERE collection = $1 AND row_id = $2 UNION ALL "
        "SELECT id, op, version, data FROM sync_op_pending WHERE collection = $1 AND row_id = $2 ORDER BY id",
        [collection, row_id])
    return [Op(row["id"], row["op"], row["version"], row["data"]) for row in rows]


@pytest.mark.parametrize("name", sorted(FACTORIES))
async def test_bulk_update_and_delete_are_captured(client, name: str) -> None:
    model, create, field, value = FACTORIES[name]
    pk = await create()
    created = await _ops(name, pk)
    assert created and {op.op for op in created} == {"u"}
    before = created[-1].version
    if name in APPEND_ONLY:
        with pytest.raises(OperationalError, match="append-only"):
            await model.filter(pk=pk).update(**{field: value})
        return

    assert await model.filter(pk=pk).update(**{field: value}) == 1  # bulk, and the version is not touched
    updated = (await _ops(name, pk))[len(created):]
    assert updated and {op.op for op in updated} == {"u"}
    assert updated[-1].version > before
    assert orjson.loads(updated[-1].data or "{}")[field] == value
    if BY_NAME[name].versioned:  # the database bumped the forgotten version
        row = await model.get(pk=pk)
        assert row.version == before + 1 == updated[-1].version  # type: ignore[attr-defined]

    assert await model.filter(pk=pk).update(**{field: value}) == 1  # a write that changes nothing synced
    assert len(await _ops(name, pk)) == len(created) + len(updated)

    await model.filter(pk=pk).delete()
    deleted = (await _ops(name, pk))[len(created) + len(updated):]
    assert deleted and {op.op for op in deleted} == {"d"} and deleted[-1].version > updated[-1].version


async def test_one_update_statement_captures_each_changed_row_once(client) -> None:
    """A bulk update: rows the statement changed get one op each, rows it left as they were get
    none."""
    pks = [await _notification() for _ in range(3)]
    await Notification.filter(pk=pks[0]).update(title="Bid withdrawn")
    before = {pk: len(await _ops("notifications", pk)) for pk in pks}
    assert await Notification.filter(pk__in=pks).update(title="Bid withdrawn") == 3
    after = {pk: (await _ops("notifications", pk))[before[pk]:] for pk in pks}
    assert after[pks[0]] == []
    for pk in pks[1:]:
        assert [op.op for op in after[pk]] == ["u"]
        assert orjson.loads(after[pk][0].data or "{}")["title"] == "Bid withdrawn"


async def test_an_update_that_moves_a_row_revokes_it_from_the_scope_it_left(client) -> None:
    pk = await _notification()
    old_owner = str((await Notification.get(pk=pk)).user_id)
    new_owner = await _user()
    await Notification.filter(pk=pk).update(user_id=new_owner)
    _, rows = await connections.get("default").execute_query(
        "SELECT scope, op FROM (SELECT id, scope, op FROM sync_op WHERE row_id = $1 UNION ALL "
        "SELECT id, scope, op FROM sync_op_pending WHERE row_id = $1) AS a ORDER BY id", [pk])
    assert [(row["scope"], row["op"]) for row in rows][-2:] == [(f"user:{old_owner}", "r"), (f"user:{new_owner}", "u")]


async def test_ops_belong_to_the_writing_transaction(client) -> None:
    customer = await _user()
    with pytest.raises(RuntimeError):
        async with in_transaction() as conn:
            await make_booking(customer, using_db=conn)
            raise RuntimeError("roll back")
    assert await Booking.filter(customer_id=customer).count() == 0
    assert await SyncOp.filter(collection="bookings").count() == 0
    assert await SyncPendingOp.filter(collection="bookings").count() == 0


async def test_the_triggers_installed_are_the_registry(database_url: str) -> None:
    """The newest sync migration carries exactly the generator's SQL, and every table of the
    registry has its capture trigger (and version trigger when versioned)."""
    newest = sorted(MIGRATIONS_DIR.glob("models/*_sync*.py"), key=lambda p: (int(p.name.split("_", 1)[0]), p.name))[-1]
    spec = importlib.util.spec_from_file_location(newest.stem, newest)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.SYNC_INSTALL == install_sql(), "the registry changed: generate a new sync migration (docs/sync.md)"
    assert module.SYNC_UNINSTALL == uninstall_sql()
    conn = await asyncpg.connect(database_url.replace("postgres://", "postgresql://", 1))
    try:
        rows = await conn.fetch("SELECT c.relname, g.tgname FROM pg_trigger g JOIN pg_class c ON c.oid = g.tgrelid "
                                "WHERE g.tgname IN ('sync_capture', 'sync_version')")
    finally:
        await conn.close()
    installed = {(row["relname"], row["tgname"]) for row in rows}
    for collection in COLLECTIONS:
        assert (collection.table, "sync_capture") in installed
        assert ((collection.table, "sync_version") in installed) == collection.versioned


def test_the_published_collection_schemas_are_current() -> None:
    from pathlib import Path

    from sync.docs import refreshed

    path = Path(__file__).resolve().parent.parent / "docs" / "sync.md"
    text = path.read_text()
    assert refreshed(text) == text, "run `python -m sync.docs --write docs/sync.md`"
