"""Who sees what: for one domain event, what its items are about and who receives one.

- `job.posted`: servicemen who could bid (their zones, or their organisations' zones, cover
  the job, one of their trades fits its category and they hold its required credentials; the same rule as bidding,
  domain/jobs/eligibility.py).
- `bid.placed|updated|withdrawn`: the job's customer; `bid.accepted|rejected`: the bidder.
  Owners and managers of the bidder's organisations see either as `crew.bid_<what>`.
- `job.cancelled|expired`: the job's customer (bidders get `bid.rejected`).
- `booking.<state>` and `booking.assigned`: the customer, the crew, and the owners and
  managers of the booking's organisation (the provider's view of its crew's work).
Nobody is told about their own action (the event's actor).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import orjson
from tortoise.backends.base.client import BaseDBAsyncClient

from domain.accounts.models import Membership, Organisation, OrgRole, Role, User, UserStatus
from domain.bookings.models import Booking
from domain.catalog.models import Service
from domain.feed.ranking import DIRECT, Relevance
from domain.jobs import eligibility
from domain.jobs.models import Bid, Job
from domain.profiles import credentials
from domain.shared import sql
from domain.shared.clock import isoformat
from domain.shared.ids import as_uuid

BID_TO_CUSTOMER = {"bid.placed", "bid.updated", "bid.withdrawn"}
BID_TO_BIDDER = {"bid.accepted", "bid.rejected"}
JOB_TO_CUSTOMER = {"job.cancelled", "job.expired"}
BOOKING_PREFIX = "booking."
MANAGERS = (OrgRole.OWNER, OrgRole.MANAGER)


@dataclass(frozen=True)
class Subject:
    """What every item of one event is about."""

    entity_type: str
    entity_id: str
    zone_id: str | None
    category_id: str | None
    amount: int | None
    currency: str | None
    summary: dict[str, Any]


@dataclass(frozen=True)
class Recipient:
    user_id: str
    kind: str
    relevance: Relevance


@dataclass
class Plan:
    subject: Subject
    recipients: list[Recipient] = field(default_factory=list)
    _taken: set[str] = field(default_factory=set, repr=False)  # one item per user per event

    def add(self, user_ids: Any, kind: str, relevance: Relevance, actor_id: str | None) -> None:
        for user_id in user_ids:
            uid = str(user_id)
            if uid and uid != actor_id and uid not in self._taken:
                self.recipients.append(Recipient(uid, kind, relevance))
                self._taken.add(uid)




def plans(event_type: str) -> bool:
    """Whether `plan` may give items for events of this type (it gives none for the others)."""
    return (event_type == "job.posted" or event_type in JOB_TO_CUSTOMER or event_type in BID_TO_CUSTOMER
            or event_type in BID_TO_BIDDER or event_type.startswith(BOOKING_PREFIX))


async def plan(event_type: str, data: dict[str, Any], actor_id: str | None, conn: BaseDBAsyncClient) -> Plan | None:
    """The items an event produces, or None when it produces none (or its rows are gone)."""
    if not plans(event_type):
        return None
    if event_type == "job.posted":
        return await _job_posted(data, conn)
    if event_type in JOB_TO_CUSTOMER:
        job = await _job(data.get("job_id"), conn)
        if job is None:
            return None
        found = Plan(await _job_subject(job, conn))
        found.add([job.customer_id], event_type, DIRECT, actor_id)
        return found
    if event_type in BID_TO_CUSTOMER | BID_TO_BIDDER:
        return await _bid(event_type, data, actor_id, conn)
    if event_type.startswith(BOOKING_PREFIX):
        return await _booking(event_type, data, actor_id, conn)
    return None


async def _job(job_id: Any, conn: BaseDBAsyncClient) -> Job | None:
    uid = as_uuid(job_id)
    return await Job.get_or_none(id=uid, using_db=conn) if uid else None


async def _names(user_ids: list[Any], conn: BaseDBAsyncClient) -> dict[str, str]:
    rows = await User.filter(id__in=[u for u in user_ids if u]).using_db(conn).values("id", "name")
    return {str(row["id"]): row["name"] for row in rows}


async def _job_subject(job: Job, conn: BaseDBAsyncClient) -> Subject:
    customer_id = str(job.customer_id)
    names = await _names([customer_id], conn)
    zone = job.zone_id
    summary = {"title": job.title, "job_id": str(job.id), "state": job.state.value,
               "customer_name": names.get(customer_id, ""), "address": job.address,
               "budget_min": {"amount": job.budget_min, "currency": job.currency},
               "budget_max": {"amount": job.budget_max, "currency": job.currency}}
    return Subject("job", str(job.id), str(zone) if zone else None, str(job.category_id),
                   job.budget_max, job.currency, summary)


async def _job_posted(data: dict[str, Any], conn: BaseDBAsyncClient) -> Plan | None:
    job = await _job(data.get("job_id"), conn)
    if job is None:
        return None
    found = Plan(await _job_subject(job, conn))
    # The job's audience (domain/jobs/eligibility.py): servicemen of its zone, not of every
    # zone covering its point, or the feed would announce jobs its readers cannot open.
    if not job.zone_id:
        return found
    category = str(job.category_id)
    direct_trades = set(await eligibility.lineage(category))  # the category and what it belongs to
    qualifying = await eligibility.related(category)
    required = list(job.required_documents or [])
    # One statement, not the ORM's three reads of thousands of rows each: the zone's servicemen
    # and the members of organisations serving it, active, with their trades and credentials.
    audience = await sql.rows(conn, AUDIENCE, [job.zone_id, UserStatus.ACTIVE.value, job.customer_id])
    for row in sorted(audience, key=lambda row: str(row["user_id"])):
        if Role.SERVICEMAN.value not in _json_list(row["roles"]):
            continue
        trades = {str(c) for c in _json_list(row["trades"])}
        if not trades & qualifying:
            continue
        if credentials.missing(required, {str(c) for c in _json_list(row["verified"])}):
            continue  # issue 15: not verified for this category's work
        relevance = Relevance(zone=2.0 if row["own"] else 1.0, category=2.0 if trades & direct_trades else 1.0)
        found.add([row["user_id"]], "job.posted", relevance, None)
    return found


# Servicemen of the job's zone and members of organisations serving it (the same audience as
# bidding, domain/jobs/eligibility.py, whose Membership manager sees accepted memberships only:
# an invitation grants nothing); `own`: the serviceman's own zone (rank, ranking.py).
AUDIENCE = """
SELECT u.id AS user_id, u.roles AS roles, p.category_ids AS trades, p.verified_documents AS verified,
       CASE WHEN u.id IN (SELECT sz.user_id FROM serviceman_zone sz WHERE sz.zone_id = $1) THEN 1 ELSE 0 END AS own
FROM user_account u JOIN serviceman_profile p ON p.user_id = u.id
WHERE u.status = $2 AND u.id <> $3
  AND (u.id IN (SELECT sz.user_id FROM serviceman_zone sz WHERE sz.zone_id = $1)
       OR u.id IN (SELECT m.user_id FROM membership m WHERE m.status = 'accepted' AND m.organisation_id IN (
                       SELECT oz.organisation_id FROM organisation_zone oz WHERE oz.zone_id = $1)))
"""


def _json_list(value: Any) -> list[Any]:
    """A JSON column read by written-out SQL: text on both databases (a list when already decoded)."""
    if value is None:
        return []
    decoded = orjson.loads(value) if isinstance(value, str | bytes) else value
    return decoded if isinstance(decoded, list) else []


async def _crew_managers(serviceman_id: str, conn: BaseDBAsyncClient) -> list[str]:
    orgs = await Membership.filter(user_id=serviceman_id).using_db(conn).values_list("organisation_id", flat=True)
    return await _managers(list(orgs), conn)


async def _managers(org_ids: list[Any], conn: BaseDBAsyncClient) -> list[str]:
    if not org_ids:
        return []
    members = await Membership.filter(organisation_id__in=org_ids, role__in=list(MANAGERS)).using_db(conn).values_list(
        "user_id", flat=True)
    owners = await Organisation.filter(id__in=org_ids).using_db(conn).values_list("owner_id", flat=True)
    return sorted({str(u) for u in [*members, *owners]})


async def _bid(event_type: str, data: dict[str, Any], actor_id: str | None, conn: BaseDBAsyncClient) -> Plan | None:
    uid = as_uuid(data.get("bid_id"))
    bid = await Bid.get_or_none(id=uid, using_db=conn) if uid else None
    job = await _job(data.get("job_id"), conn)
    if bid is None or job is None:
        return None
    serviceman_id = str(bid.serviceman_id)
    names = await _names([serviceman_id], conn)
    zone = job.zone_id
    summary = {"job_id": str(job.id), "job_title": job.title, "serviceman_id": serviceman_id,
               "serviceman_name": names.get(serviceman_id, ""), "state": bid.state.value,
               "amount": {"amount": bid.amount, "currency": bid.currency}}
    found = Plan(Subject("bid", str(bid.id), str(zone) if zone else None, str(job.category_id),
                         bid.amount, bid.currency, summary))
    party = job.customer_id if event_type in BID_TO_CUSTOMER else serviceman_id
    found.add([party], event_type, DIRECT, actor_id)
    crew_kind = "crew." + event_type.replace(".", "_")
    found.add(await _crew_managers(serviceman_id, conn), crew_kind, DIRECT, actor_id)
    return found


async def _booking(event_type: str, data: dict[str, Any], actor_id: str | None,
                   conn: BaseDBAsyncClient) -> Plan | None:
    uid = as_uuid(data.get("booking_id"))
    booking = await Booking.get_or_none(id=uid, using_db=conn) if uid else None
    if booking is None:
        return None
    title, category = "", None
    if booking.service_id:
        service = await Service.get_or_none(id=booking.service_id, using_db=conn)
        if service is not None:
            title, category = service.title, str(service.category_id) if service.category_id else None
    elif booking.job_id:
        job = await _job(booking.job_id, conn)
        if job is not None:
            title, category = job.title, str(job.category_id)
    names = await _names([str(booking.customer_id), *(str(s) for s in data.get("serviceman_ids") or [])], conn)
    org = booking.organisation_id
    return _booking_plan(event_type, data, actor_id, booking, title, category, names,
                         await _managers([org] if org else [], conn))


async def plan_bookings(events: list[tuple[str, dict[str, Any], str | None]],
                        conn: BaseDBAsyncClient) -> list[Plan | None]:
    """`plan` of each `booking.*` event (type, data, actor id), with five reads for all of them:
    the bookings, their services, their jobs, the names of their customers and crews, and the
    owners and managers of their organisations (a relay batch costs what one event did)."""
    ids = [as_uuid(data.get("booking_id")) for _, data, _ in events]
    wanted = [uid for uid in ids if uid]
    bookings = {b.id: b for b in await Booking.filter(id__in=wanted).using_db(conn)} if wanted else {}
    found = list(bookings.values())
    service_ids = sorted({str(b.service_id) for b in found if b.service_id})
    job_ids = sorted({str(b.job_id) for b in found if not b.service_id and b.job_id})
    services = {str(s.id): s for s in await Service.filter(id__in=service_ids).using_db(conn)} if service_ids else {}
    jobs = {str(j.id): j for j in await Job.filter(id__in=job_ids).using_db(conn)} if job_ids else {}
    people: list[Any] = []
    for uid, (_, data, _) in zip(ids, events, strict=True):
        booking = bookings.get(uid) if uid else None
        if booking is not None:
            people += [str(booking.customer_id), *(str(s) for s in data.get("serviceman_ids") or [])]
    names = await _names(list(dict.fromkeys(people)), conn) if people else {}
    managers = await _managers_of(sorted({str(b.organisation_id) for b in found if b.organisation_id}), conn)
    plans: list[Plan | None] = []
    for uid, (event_type, data, actor_id) in zip(ids, events, strict=True):
        booking = bookings.get(uid) if uid else None
        if booking is None:
            plans.append(None)
            continue
        title, category = "", None
        if booking.service_id:
            service = services.get(str(booking.service_id))
            if service is not None:
                title, category = service.title, str(service.category_id) if service.category_id else None
        elif booking.job_id:
            job = jobs.get(str(booking.job_id))
            if job is not None:
                title, category = job.title, str(job.category_id)
        org = str(booking.organisation_id) if booking.organisation_id else None
        plans.append(_booking_plan(event_type, data, actor_id, booking, title, category, names,
                                   managers.get(org, []) if org else []))
    return plans


async def _managers_of(org_ids: list[str], conn: BaseDBAsyncClient) -> dict[str, list[str]]:
    """`_managers` of each organisation, in two statements for all."""
    if not org_ids:
        return {}
    found: dict[str, set[str]] = {org: set() for org in org_ids}
    for row in await Membership.filter(organisation_id__in=org_ids, role__in=list(MANAGERS)).using_db(conn).values(
            "organisation_id", "user_id"):
        found[str(row["organisation_id"])].add(str(row["user_id"]))
    for row in await Organisation.filter(id__in=org_ids).using_db(conn).values("id", "owner_id"):
        found[str(row["id"])].add(str(row["owner_id"]))
    return {org: sorted(users) for org, users in found.items()}


def _booking_plan(event_type: str, data: dict[str, Any], actor_id: str | None, booking: Booking, title: str,
                  category: str | None, names: dict[str, str], managers: list[str]) -> Plan:
    customer_id = str(booking.customer_id)
    crew = [str(s) for s in data.get("serviceman_ids") or []]
    start = booking.scheduled_start
    summary = {"booking_id": str(booking.id), "title": title, "state": booking.state.value,
               "from_state": data.get("from_state"), "customer_name": names.get(customer_id, ""),
               "crew_names": [names.get(s, "") for s in crew],
               "scheduled_start": isoformat(start) if start else None,
               "total": {"amount": booking.total_amount, "currency": booking.currency}}
    zone = booking.zone_id
    found = Plan(Subject("booking", str(booking.id), str(zone) if zone else None, category,
                         booking.total_amount, booking.currency, summary))
    found.add([customer_id], event_type, DIRECT, actor_id)
    found.add(crew, event_type, DIRECT, actor_id)
    found.add(managers, event_type, DIRECT, actor_id)
    return found
